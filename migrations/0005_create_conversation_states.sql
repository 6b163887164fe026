-- Where each chat's open conversation stands (DESIGN.md decision 3): a flow name, its state and
-- its data, so a restart or a second instance continues where the person stopped.
CREATE TABLE conversation_states (
    chat_id     bigint PRIMARY KEY,
    flow        text NOT NULL,
    state       text NOT NULL,
    data        jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
