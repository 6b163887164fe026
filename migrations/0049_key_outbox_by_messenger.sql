-- Delivery dispatches by the row's messenger (issue 16): each messenger has its own sender, rate, 429 pause and
-- per-chat pacing, and chat ids of different messengers may be equal.
ALTER TABLE outbox ADD COLUMN messenger text NOT NULL DEFAULT 'telegram' CHECK (messenger IN ('telegram', 'max'));
DROP INDEX outbox_chat_pending_idx;
CREATE INDEX outbox_chat_pending_idx ON outbox (messenger, chat_id, due_at, id) WHERE paced AND status IN ('pending', 'sending');

ALTER TABLE outbox_chat_pacing ADD COLUMN messenger text NOT NULL DEFAULT 'telegram';
ALTER TABLE outbox_chat_pacing DROP CONSTRAINT outbox_chat_pacing_pkey;
ALTER TABLE outbox_chat_pacing ADD PRIMARY KEY (messenger, chat_id);

-- A 429 pauses one messenger's bot, not the other's.
ALTER TABLE outbox_sender_state ADD COLUMN messenger text NOT NULL DEFAULT 'telegram';
ALTER TABLE outbox_sender_state DROP CONSTRAINT outbox_sender_state_pkey;
ALTER TABLE outbox_sender_state DROP COLUMN id;
ALTER TABLE outbox_sender_state ADD PRIMARY KEY (messenger);
INSERT INTO outbox_sender_state (messenger) VALUES ('max');
