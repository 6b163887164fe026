-- The outbox (DESIGN.md decision 5): every outgoing Bot API call is a row with an idempotency key;
-- one sender drains due rows. status: pending | sending (claimed, lease until lease_until) | sent | failed | cancelled.
CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key  text NOT NULL UNIQUE,
    chat_id          bigint NOT NULL,
    -- paced: a message to the chat (per-chat order and pacing apply); false for callback answers.
    paced            boolean NOT NULL DEFAULT true,
    is_group         boolean NOT NULL DEFAULT false,
    kind             text NOT NULL CHECK (kind IN ('send_message', 'edit_message_text', 'edit_message_reply_markup', 'answer_callback_query', 'delete_message', 'send_document')),
    payload          jsonb NOT NULL,
    due_at           timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts         integer NOT NULL DEFAULT 0,
    lease_until      timestamptz,
    last_error       text,
    sent_message_id  bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (due_at, id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_chat_pending_idx ON outbox (chat_id, due_at, id) WHERE paced AND status IN ('pending', 'sending');

-- Per-chat pacing shared by every sender instance: no message to a chat before next_send_at
-- (Bot API: ~1 message/s to a chat, 20/min to a group).
CREATE TABLE outbox_chat_pacing (
    chat_id       bigint PRIMARY KEY,
    next_send_at  timestamptz NOT NULL
);

-- A 429 pauses the whole bot, not one chat (Bot API), so the pause is shared by all instances.
CREATE TABLE outbox_sender_state (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    paused_until  timestamptz NOT NULL DEFAULT '-infinity'
);
INSERT INTO outbox_sender_state DEFAULT VALUES;
