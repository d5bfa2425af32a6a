-- A server's own moderation rules, added with /automod (the defaults live in code).
CREATE TABLE automod_rules (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('keyword', 'regex', 'deny_domain', 'allow_domain')),
    value      TEXT    NOT NULL,
    mode       TEXT    NOT NULL DEFAULT 'word' CHECK (mode IN ('word', 'prefix', 'substring')),
    action     TEXT    NOT NULL,
    created_by INTEGER,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (guild_id, kind, value)
);

-- Every moderation action is a numbered case per server.
CREATE TABLE mod_cases (
    guild_id       INTEGER NOT NULL,
    number         INTEGER NOT NULL,
    member_id      INTEGER NOT NULL,
    moderator_id   INTEGER,            -- NULL: the automatic filter
    rule           TEXT,
    action         TEXT    NOT NULL,
    reason         TEXT,
    excerpt        TEXT,
    channel_id     INTEGER,
    message_id     INTEGER,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at     TEXT,
    log_message_id INTEGER,
    PRIMARY KEY (guild_id, number)
) WITHOUT ROWID;
CREATE INDEX mod_cases_by_member ON mod_cases (guild_id, member_id, created_at);
