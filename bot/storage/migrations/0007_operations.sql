-- When each outbox row was queued: the health check's "oldest waiting row" and the delivery
-- latency metric count from here (an update's own created_at is older for a thread posted later).
-- SQLite cannot add a column whose default is not a constant, so a trigger stamps new rows.
ALTER TABLE update_deliveries ADD COLUMN queued_at TEXT;
UPDATE update_deliveries SET queued_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE queued_at IS NULL;
CREATE TRIGGER update_delivery_queued AFTER INSERT ON update_deliveries WHEN NEW.queued_at IS NULL BEGIN
    UPDATE update_deliveries SET queued_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

-- The review queue's size is read at every metrics scrape.
CREATE INDEX review_items_open ON review_items (guild_id) WHERE status = 'open';

-- Retention: message copies older than RETENTION_DAYS are cleared, oldest first.
CREATE INDEX mod_cases_with_excerpt ON mod_cases (created_at) WHERE excerpt IS NOT NULL;
CREATE INDEX review_items_by_time ON review_items (created_at);
