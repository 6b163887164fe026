-- The shared rate is kept as evenly spaced send slots (next_slot) handed to rows at claim time, each send starting
-- at its slot (issue 18); the claim times of recent sends are no longer used.
ALTER TABLE outbox_rate_window DROP COLUMN recent;
