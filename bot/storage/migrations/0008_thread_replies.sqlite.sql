-- Reply counts follow the reply rows (PostgreSQL's spelling in the .postgresql.sql beside this file).
CREATE TRIGGER thread_reply_added AFTER INSERT ON thread_replies BEGIN
    UPDATE thread_points SET replies = replies + 1 WHERE message_id = NEW.parent_id;
END;

CREATE TRIGGER thread_reply_removed AFTER DELETE ON thread_replies BEGIN
    UPDATE thread_points SET replies = replies - 1 WHERE message_id = OLD.parent_id;
END;
