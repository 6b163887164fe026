-- Issue 12 item 3's rule: a background message that would arrive too late to mean anything (a feedback poll past its
-- own expiry) is dropped rather than sent late. The enqueuer sets expires_at; the sender marks such a row 'expired',
-- with the reason in last_error, instead of sending it. NULL: the row never expires (replies, most notices).
ALTER TABLE outbox ADD COLUMN expires_at timestamptz;
COMMENT ON COLUMN outbox.expires_at IS 'Not sent after this moment: the row becomes expired instead (NULL: never)';
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled', 'expired'));
CREATE INDEX outbox_expiry_idx ON outbox (expires_at) WHERE expires_at IS NOT NULL AND status IN ('pending', 'sending');
