-- A person who wrote to the bot. Roles within organisations come with the onboarding feature.
-- status: active | unreachable (blocked the bot: 403) | erased (personal data withdrawn).
CREATE TABLE participants (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    telegram_user_id  bigint UNIQUE,
    chat_id           bigint NOT NULL,
    first_name        text,
    last_name         text,
    username          text,
    status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'unreachable', 'erased')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX participants_chat_id_idx ON participants (chat_id);
