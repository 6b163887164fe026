-- MAX beside Telegram (issue 16): chat ids of different messengers may be equal, so a chat is (messenger, chat id).

-- MAX updates have no ids (the inbox derives one by hashing), so ids no longer order a batch: arrival does, in the order
-- received. Existing rows get it in their old order (received_at, update_id).
ALTER TABLE inbound_updates ADD COLUMN arrival bigint;
UPDATE inbound_updates u SET arrival = o.n
  FROM (SELECT source, update_id, row_number() OVER (ORDER BY received_at, update_id) AS n FROM inbound_updates) o
 WHERE u.source = o.source AND u.update_id = o.update_id;
ALTER TABLE inbound_updates ALTER COLUMN arrival SET NOT NULL;
ALTER TABLE inbound_updates ALTER COLUMN arrival ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('inbound_updates', 'arrival'), coalesce(max(arrival), 0) + 1, false) FROM inbound_updates;
DROP INDEX inbound_updates_pending_idx;
CREATE INDEX inbound_updates_pending_idx ON inbound_updates (received_at, arrival) WHERE handled_at IS NULL;
DROP INDEX inbound_updates_pending_chat_idx;
CREATE INDEX inbound_updates_pending_chat_idx ON inbound_updates (source, chat_id, received_at, arrival) WHERE handled_at IS NULL;

-- One open conversation per chat of a messenger.
ALTER TABLE conversation_states ADD COLUMN messenger text NOT NULL DEFAULT 'telegram' CHECK (messenger IN ('telegram', 'max'));
ALTER TABLE conversation_states DROP CONSTRAINT conversation_states_pkey;
ALTER TABLE conversation_states ADD PRIMARY KEY (messenger, chat_id);

-- MAX long polling's position (GET /updates marker), moved only after the batch it ends is recorded.
CREATE TABLE max_polling_state (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    marker  bigint NOT NULL
);
