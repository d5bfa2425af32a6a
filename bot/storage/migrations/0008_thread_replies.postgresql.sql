-- Reply counts follow the reply rows, one trigger run per statement over its rows (as for votes, 0002).
CREATE FUNCTION thread_replies_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE thread_points p SET replies = p.replies + n.count
    FROM (SELECT parent_id, COUNT(*) AS count FROM added GROUP BY parent_id) n
    WHERE p.message_id = n.parent_id;
    RETURN NULL;
END $$;
CREATE TRIGGER thread_reply_added AFTER INSERT ON thread_replies
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION thread_replies_added();

CREATE FUNCTION thread_replies_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE thread_points p SET replies = p.replies - n.count
    FROM (SELECT parent_id, COUNT(*) AS count FROM removed GROUP BY parent_id) n
    WHERE p.message_id = n.parent_id;
    RETURN NULL;
END $$;
CREATE TRIGGER thread_reply_removed AFTER DELETE ON thread_replies
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION thread_replies_removed();
