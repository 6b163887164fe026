-- A person is one participant with one or more messenger accounts (issue 16): memberships, consents and everything
-- else hang off the participant; an account is how the person reaches the bot in one messenger.
-- external_user_id: Telegram User.id or MAX user_id. private_chat_id: the account's private chat with the bot
-- (Telegram: the user id; MAX: the dialog's chat_id, which differs from the user id). status: active | unreachable
-- (the person blocked the bot in that messenger; they may still be reachable in the other one).
-- last_used_at: background messages go to the account used last unless participants.notify_account_id says otherwise.
CREATE TABLE messenger_accounts (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant_id    bigint NOT NULL REFERENCES participants(id),
    messenger         text   NOT NULL CHECK (messenger IN ('telegram', 'max')),
    external_user_id  bigint NOT NULL,
    private_chat_id   bigint,
    first_name        text,
    last_name         text,
    username          text,
    status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'unreachable')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_used_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (messenger, external_user_id)
);
CREATE INDEX messenger_accounts_participant_idx ON messenger_accounts (participant_id);
CREATE INDEX messenger_accounts_chat_idx ON messenger_accounts (messenger, private_chat_id);

-- Today's Telegram identities, every row kept (erased participants have no Telegram id and get no account).
INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name, last_name, username, status, created_at, last_used_at)
SELECT id, 'telegram', telegram_user_id, chat_id, first_name, last_name, username,
       CASE status WHEN 'unreachable' THEN 'unreachable' ELSE 'active' END, created_at, updated_at
  FROM participants
 WHERE telegram_user_id IS NOT NULL;

-- The account the person chose for reminders and other background messages; null = the account used last.
ALTER TABLE participants ADD COLUMN notify_account_id bigint REFERENCES messenger_accounts(id) ON DELETE SET NULL;
-- participants.telegram_user_id and chat_id stay one release, so a rolled-back binary still finds its people.
