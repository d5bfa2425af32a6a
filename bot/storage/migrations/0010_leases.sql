-- Time-limited leases on work that must run in one process at a time when several bot processes
-- share the database (the seeds folder, each feed): a process holds a lease while it keeps renewing
-- it; a process that dies leaves it to another once `expires_at` has passed.
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Articles from the seeds folder waiting to be auto-posted: the one process that watches the folder
-- queues a new article here, and every process posts it in the servers of its own shards. A server is
-- written down before its post is attempted, so it gets the article once, whichever process runs it.
CREATE TABLE auto_posts (
    article_slug TEXT PRIMARY KEY,
    queued_at    TEXT NOT NULL
);

CREATE TABLE auto_post_servers (
    article_slug TEXT    NOT NULL REFERENCES auto_posts (article_slug) ON DELETE CASCADE,
    guild_id     INTEGER NOT NULL,
    PRIMARY KEY (article_slug, guild_id)
);
