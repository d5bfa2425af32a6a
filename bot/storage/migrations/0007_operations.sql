-- When each outbox row was queued: the health check's "oldest waiting row" and the delivery
-- latency metric count from here (an update's own created_at is older for a thread posted later).
-- New rows are stamped by the engine (see the .sqlite.sql and .postgresql.sql beside this file).
ALTER TABLE update_deliveries ADD COLUMN queued_at TEXT;
UPDATE update_deliveries SET queued_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE queued_at IS NULL;

-- The review queue's size is read at every metrics scrape.
CREATE INDEX review_items_open ON review_items (guild_id) WHERE status = 'open';

-- Retention: message copies older than RETENTION_DAYS are cleared, oldest first.
CREATE INDEX mod_cases_with_excerpt ON mod_cases (created_at) WHERE excerpt IS NOT NULL;
CREATE INDEX review_items_by_time ON review_items (created_at);
