-- Feeds a server follows: each new entry becomes an article posted to channel_id.
CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    url             TEXT    NOT NULL,
    title           TEXT,
    added_by        INTEGER NOT NULL,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    etag            TEXT,
    last_modified   TEXT,
    next_check_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_ok_at      TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    alerted         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (guild_id, url)
);

-- Entries seen, by id and by content: neither a re-sent id nor a re-published copy posts twice.
CREATE TABLE feed_entries (
    feed_id      INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    entry_id     TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    article_slug TEXT,
    first_seen   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (feed_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX feed_entries_by_hash ON feed_entries (feed_id, content_hash);

-- Articles that came from feeds (seed articles live in files).
CREATE TABLE feed_articles (
    slug       TEXT PRIMARY KEY,
    feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL,
    source     TEXT    NOT NULL,   -- the entry in the article file format
    source_url TEXT,
    author     TEXT,
    published  TEXT,
    updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
