-- Updates to articles. guild_id NULL: from a seed file or feed (the operator's sources), delivered
-- to every thread of the article; otherwise pushed by that server's admins, delivered there only.
CREATE TABLE updates (
    id           INTEGER PRIMARY KEY,
    article_slug TEXT    NOT NULL,
    guild_id     INTEGER,
    label        TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    text_key     TEXT    NOT NULL,           -- normalised text: the same update is stored once
    source       TEXT    NOT NULL CHECK (source IN ('admin', 'seed', 'feed')),
    source_ref   TEXT,                       -- where it came from, e.g. 'seed:2' (the third Update paragraph)
    author_id    INTEGER,
    revision     INTEGER NOT NULL DEFAULT 1, -- bumped by edits and retraction; sent messages follow it
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    edited_at    TEXT,
    retracted_at TEXT,
    retracted_by INTEGER
);
CREATE UNIQUE INDEX updates_once ON updates (article_slug, IFNULL(guild_id, 0), text_key);
CREATE UNIQUE INDEX updates_by_source ON updates (article_slug, IFNULL(guild_id, 0), source_ref)
    WHERE source_ref IS NOT NULL;

-- The outbox: one row per (update, thread). The worker sends pending rows and edits sent rows
-- whose sent_revision is behind the update's revision.
CREATE TABLE update_deliveries (
    id              INTEGER PRIMARY KEY,
    update_id       INTEGER NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    post_id         INTEGER NOT NULL REFERENCES article_posts (id) ON DELETE CASCADE,
    status          TEXT    NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    message_ids     TEXT,                    -- JSON list: a long update may take two messages
    sent_revision   INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_error      TEXT,
    sent_at         TEXT,
    UNIQUE (update_id, post_id)
);
CREATE INDEX update_deliveries_due ON update_deliveries (status, next_attempt_at);
CREATE INDEX update_deliveries_by_post ON update_deliveries (post_id);

-- Seed files seen by the watcher, so a restart does not mistake old files for new ones.
CREATE TABLE seed_files (
    slug       TEXT PRIMARY KEY,
    stamp      TEXT NOT NULL,
    first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
