-- Who replies to what in discussion threads, for the chat's digest of a thread ("what are people
-- saying?"). Recorded as members' messages arrive (after moderation, so removed messages never
-- enter), and forgotten when a message is deleted (by its author or by moderation).
CREATE TABLE thread_points (
    message_id INTEGER PRIMARY KEY,  -- a member's message that others replied to
    thread_id  INTEGER NOT NULL,
    guild_id   INTEGER,
    author_id  INTEGER NOT NULL,
    excerpt    TEXT    NOT NULL,
    replies    INTEGER NOT NULL DEFAULT 0  -- kept by the triggers below
);

CREATE INDEX thread_points_by_replies ON thread_points (thread_id, replies DESC);

CREATE TABLE thread_replies (
    message_id INTEGER PRIMARY KEY,  -- the reply
    parent_id  INTEGER NOT NULL REFERENCES thread_points (message_id) ON DELETE CASCADE,
    thread_id  INTEGER NOT NULL
);

CREATE INDEX thread_replies_by_parent ON thread_replies (parent_id);
