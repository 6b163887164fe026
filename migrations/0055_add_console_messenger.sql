-- The console chat (the terminal of ./scripts/run without a token) is a messenger of its own (issue 16): its people are
-- `console` accounts, its chats and queued messages are keyed `console`, and its updates keep their source `console`.
ALTER TABLE messenger_accounts DROP CONSTRAINT messenger_accounts_messenger_check;
ALTER TABLE messenger_accounts ADD CONSTRAINT messenger_accounts_messenger_check CHECK (messenger IN ('telegram', 'max', 'console'));
ALTER TABLE conversation_states DROP CONSTRAINT conversation_states_messenger_check;
ALTER TABLE conversation_states ADD CONSTRAINT conversation_states_messenger_check CHECK (messenger IN ('telegram', 'max', 'console'));
ALTER TABLE outbox DROP CONSTRAINT outbox_messenger_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_messenger_check CHECK (messenger IN ('telegram', 'max', 'console'));

-- Until now the console's people were Telegram accounts (a user's number was their user and chat id). A local database
-- keeps them: an account whose chat the inbox knows only from the console becomes a console account, with its
-- conversation, pacing and queued messages. Messages still waiting are in Telegram's payload shape, which the console's
-- delivery does not read: they are cancelled (the person asks again). Production databases have no console updates.
CREATE TEMPORARY TABLE console_chats ON COMMIT DROP AS
SELECT a.id AS account_id, a.private_chat_id AS chat_id
  FROM messenger_accounts a
 WHERE a.messenger = 'telegram' AND a.private_chat_id = a.external_user_id
   AND EXISTS (SELECT 1 FROM inbound_updates u WHERE u.source = 'console' AND u.chat_id = a.private_chat_id)
   AND NOT EXISTS (SELECT 1 FROM inbound_updates u WHERE u.source = 'telegram' AND u.chat_id = a.private_chat_id);
UPDATE messenger_accounts a SET messenger = 'console' FROM console_chats c WHERE a.id = c.account_id;
UPDATE conversation_states s SET messenger = 'console' FROM console_chats c WHERE s.messenger = 'telegram' AND s.chat_id = c.chat_id;
UPDATE outbox_chat_pacing p SET messenger = 'console' FROM console_chats c WHERE p.messenger = 'telegram' AND p.chat_id = c.chat_id;
UPDATE outbox o
   SET messenger = 'console',
       status = CASE WHEN o.status IN ('pending', 'sending') THEN 'cancelled' ELSE o.status END,
       last_error = CASE WHEN o.status IN ('pending', 'sending') THEN 'queued for the console chat in Telegram''s shape before 0055' ELSE o.last_error END,
       lease_until = NULL
  FROM console_chats c
 WHERE o.messenger = 'telegram' AND o.chat_id = c.chat_id;
