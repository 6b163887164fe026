-- messenger_accounts is the only place a messenger identity lives (issue 16). participants.telegram_user_id and chat_id
-- were kept by 0046 so that a binary from before it still found its people; nothing reads or writes them any more.
-- Dropping them is safe for the data: every binary since 0046 wrote the account with them and looks people up by the
-- account first. A Telegram person written by an older binary after 0046 (a row with an id but no account) gets the
-- account here first, so no one is lost; erased people hold no id. A binary of 0046–0050 writes these columns, so it must
-- be stopped before this one starts (as docker-compose's restart does); it cannot run beside this schema.
INSERT INTO messenger_accounts (participant_id, messenger, external_user_id, private_chat_id, first_name, last_name, username, status, created_at, last_used_at)
SELECT p.id, 'telegram', p.telegram_user_id, p.telegram_user_id, p.first_name, p.last_name, p.username,
       CASE p.status WHEN 'unreachable' THEN 'unreachable' ELSE 'active' END, p.created_at, p.updated_at
  FROM participants p
 WHERE p.telegram_user_id IS NOT NULL AND p.status <> 'erased'
   AND NOT EXISTS (SELECT 1 FROM messenger_accounts a WHERE a.participant_id = p.id AND a.messenger = 'telegram')
ON CONFLICT (messenger, external_user_id) DO NOTHING;

-- Their unique constraint and index go with them.
ALTER TABLE participants DROP COLUMN telegram_user_id, DROP COLUMN chat_id;
