-- Messages waiting for a moderator: held by the filter, or reported by members. One row per
-- message and kind, so several reports of one message make one card.
CREATE TABLE review_items (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('held', 'report')),
    channel_id      INTEGER NOT NULL,
    message_id      INTEGER NOT NULL,
    author_id       INTEGER NOT NULL,
    author_name     TEXT    NOT NULL,
    author_avatar   TEXT,
    content         TEXT    NOT NULL,
    reason          TEXT,
    case_number     INTEGER,
    card_channel_id INTEGER,
    card_message_id INTEGER,
    status          TEXT    NOT NULL DEFAULT 'open',
    decided_by      INTEGER,
    decided_at      TEXT,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (guild_id, kind, message_id)
);

CREATE TABLE reports (
    item_id     INTEGER NOT NULL REFERENCES review_items (id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL,
    reason      TEXT,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (item_id, reporter_id)
) WITHOUT ROWID;
