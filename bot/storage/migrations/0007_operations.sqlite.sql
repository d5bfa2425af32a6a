-- SQLite cannot add a column whose default is not a constant, so a trigger stamps new rows.
CREATE TRIGGER update_delivery_queued AFTER INSERT ON update_deliveries WHEN NEW.queued_at IS NULL BEGIN
    UPDATE update_deliveries SET queued_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
