-- The message a meeting was logged from (issue 12 item 8): an edit of that message corrects the meeting.
-- Telegram numbers messages per chat, and a mentor logs from their own private chat; NULL for logs made otherwise.
ALTER TABLE meetings ADD COLUMN source_message_id bigint;
CREATE INDEX meetings_source_message_idx ON meetings (source_message_id) WHERE source_message_id IS NOT NULL;
