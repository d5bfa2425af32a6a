-- Which delivery worker holds an outbox row, and until when. A worker claims due rows before it
-- sends them and renews the claim while it works, so several bot processes can share the outbox
-- without sending a row twice; a worker that dies leaves its rows to the others when the claim lapses.
ALTER TABLE update_deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE update_deliveries ADD COLUMN claimed_until TEXT;
CREATE INDEX update_deliveries_claimed ON update_deliveries (claimed_by) WHERE claimed_by IS NOT NULL;
