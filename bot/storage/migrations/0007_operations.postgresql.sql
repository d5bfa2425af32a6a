-- PostgreSQL can: new rows take the time they were queued as their default.
ALTER TABLE update_deliveries ALTER COLUMN queued_at
    SET DEFAULT to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
