-- The global send rate of a bot over any sliding second, shared by every instance (issue 12 item 5, issue 18):
-- recent holds the claim times of the bot's last sends: a claim never makes more than the rate in one window.
-- next_slot spaces the claims evenly (one per window/rate) so sends leave smoothly rather than in bursts.
CREATE TABLE outbox_rate_window (
    bot        text PRIMARY KEY,
    recent     timestamptz[] NOT NULL DEFAULT '{}',
    next_slot  timestamptz NOT NULL DEFAULT '-infinity'
);

-- Transient failures (network, 5xx, timeouts) are retried until retry_until, set at the row's first such
-- failure to that moment plus the sender's retry window (issue 12 item 3: an outage must not lose messages).
ALTER TABLE outbox ADD COLUMN retry_until timestamptz;
