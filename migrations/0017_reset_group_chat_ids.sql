-- A member's message in a group used to store the group as their chat (issue 12 item 1), so private notices
-- went to the group. A person's private chat with the bot has the person's own id (Bot API), in Telegram and
-- in the console chat alike; group and supergroup ids are negative.
UPDATE participants SET chat_id = telegram_user_id WHERE chat_id < 0 AND telegram_user_id IS NOT NULL;
