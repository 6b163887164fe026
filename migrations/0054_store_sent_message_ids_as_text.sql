-- A sent message's id is messenger-neutral text (issue 16), like meetings.source_message_id since 0050: Telegram's
-- number in decimal, MAX's `mid.…` string (MAX rows had none stored while the column was a number). Every row is kept;
-- Telegram ids become their decimal text. Nothing else refers to the column.
ALTER TABLE outbox ALTER COLUMN sent_message_id TYPE text USING sent_message_id::text;
