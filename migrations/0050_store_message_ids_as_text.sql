-- Messenger-neutral message ids (issue 16, issue 12 item 8): MAX names a message by a string (body.mid, "mid.…"),
-- Telegram by a number unique within its chat. One text column holds either as the messenger gives it — Telegram's
-- numbers as their decimal text, so every row keeps its meaning and an edit of an older Telegram log still finds it.
-- (A second column for MAX would leave two columns for one fact, and every reader choosing between them.)
-- The two kinds never collide: Telegram's are digits, MAX's begin with "mid.". The index is rebuilt by the change.
ALTER TABLE meetings ALTER COLUMN source_message_id TYPE text USING source_message_id::text;
COMMENT ON COLUMN meetings.source_message_id IS 'The messenger''s id of the message the log was made from (Telegram: the per-chat number as text; MAX: body.mid), or NULL';

-- An open meeting card keeps the id in its conversation data (MeetingCheckInData.SourceMessageId): a number before, text now.
UPDATE conversation_states
   SET data = jsonb_set(data, '{sourceMessageId}', to_jsonb(data->>'sourceMessageId'))
 WHERE flow = 'meeting' AND jsonb_typeof(data->'sourceMessageId') = 'number';
