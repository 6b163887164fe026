-- The update inbox (DESIGN.md decision 4): every update is recorded by (source, update_id) before it
-- is handled, so a duplicate delivery is ignored and a crash before handling loses nothing.
-- source: 'telegram' or 'console' (the console chat runs through the same pipeline).
CREATE TABLE inbound_updates (
    source        text   NOT NULL,
    update_id     bigint NOT NULL,
    chat_id       bigint,
    payload       jsonb  NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    handled_at    timestamptz,
    error         text,
    PRIMARY KEY (source, update_id)
);
-- The processor claims unhandled rows in order.
CREATE INDEX inbound_updates_pending_idx ON inbound_updates (received_at, update_id) WHERE handled_at IS NULL;
