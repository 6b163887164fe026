-- Outbox kinds say what a row does for the person, not which Bot API method sends it (issue 16): one kind serves
-- every messenger, and each delivery maps it to its own call. Every stored row is converted, whatever its status
-- (pending, sending, sent, failed, cancelled, expired), so readers of old rows (housekeeping, `jobs run`, the deadline
-- reminders' "already queued" check) see one vocabulary. An older binary writes the old names, which the new check
-- refuses: stop older instances before the upgrade (README «Production»).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
UPDATE outbox SET kind = CASE kind
        WHEN 'send_message' THEN 'message'
        WHEN 'edit_message_text' THEN 'edit_text'
        WHEN 'edit_message_reply_markup' THEN 'edit_choices'
        WHEN 'answer_callback_query' THEN 'answer_choice'
        WHEN 'delete_message' THEN 'delete'
        WHEN 'send_document' THEN 'document'
        WHEN 'send_photo' THEN 'photo'
    END
 WHERE kind IN ('send_message', 'edit_message_text', 'edit_message_reply_markup', 'answer_callback_query',
                'delete_message', 'send_document', 'send_photo');
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN (
    'message', 'edit_text', 'edit_choices', 'answer_choice', 'delete', 'document', 'photo'));
