-- Per-server settings set with /config; a missing row means "use the environment default".
CREATE TABLE guild_config (
    guild_id   INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,          -- JSON
    updated_by INTEGER,
    updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (guild_id, key)
) WITHOUT ROWID;

-- Small facts the bot keeps about itself (e.g. the hash of the last synced command tree).
CREATE TABLE bot_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
