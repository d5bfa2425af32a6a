-- Counts follow the vote rows inside the same transaction. One trigger run per statement, over the
-- statement's rows (transition tables): the vote writer stores thousands of votes in one INSERT,
-- and a row trigger would update the same few option rows thousands of times (each update a new
-- row version in PostgreSQL). An ignored duplicate insert or a delete of a missing row is not in
-- the transition table, so counts cannot drift.
CREATE FUNCTION poll_votes_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE poll_options o SET votes = o.votes + n.count
    FROM (SELECT post_id, answer_id, COUNT(*) AS count FROM added GROUP BY post_id, answer_id) n
    WHERE o.post_id = n.post_id AND o.answer_id = n.answer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER poll_vote_added AFTER INSERT ON poll_votes
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION poll_votes_added();

CREATE FUNCTION poll_votes_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE poll_options o SET votes = o.votes - n.count
    FROM (SELECT post_id, answer_id, COUNT(*) AS count FROM removed GROUP BY post_id, answer_id) n
    WHERE o.post_id = n.post_id AND o.answer_id = n.answer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER poll_vote_removed AFTER DELETE ON poll_votes
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION poll_votes_removed();

CREATE FUNCTION exit_answer_votes_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE exit_answers a SET votes = a.votes + n.count
    FROM (SELECT answer_id, COUNT(*) AS count FROM added GROUP BY answer_id) n
    WHERE a.id = n.answer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER exit_answer_vote_added AFTER INSERT ON exit_answer_votes
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION exit_answer_votes_added();

CREATE FUNCTION exit_answer_votes_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE exit_answers a SET votes = a.votes - n.count
    FROM (SELECT answer_id, COUNT(*) AS count FROM removed GROUP BY answer_id) n
    WHERE a.id = n.answer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER exit_answer_vote_removed AFTER DELETE ON exit_answer_votes
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION exit_answer_votes_removed();
