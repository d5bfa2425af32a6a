-- Counts follow the vote rows inside the same statement's transaction: an ignored duplicate
-- insert or a delete of a missing row fires nothing, so counts cannot drift.
CREATE TRIGGER poll_vote_added AFTER INSERT ON poll_votes BEGIN
    UPDATE poll_options SET votes = votes + 1 WHERE post_id = NEW.post_id AND answer_id = NEW.answer_id;
END;
CREATE TRIGGER poll_vote_removed AFTER DELETE ON poll_votes BEGIN
    UPDATE poll_options SET votes = votes - 1 WHERE post_id = OLD.post_id AND answer_id = OLD.answer_id;
END;
CREATE TRIGGER exit_answer_vote_added AFTER INSERT ON exit_answer_votes BEGIN
    UPDATE exit_answers SET votes = votes + 1 WHERE id = NEW.answer_id;
END;
CREATE TRIGGER exit_answer_vote_removed AFTER DELETE ON exit_answer_votes BEGIN
    UPDATE exit_answers SET votes = votes - 1 WHERE id = OLD.answer_id;
END;
