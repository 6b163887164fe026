-- A picture shown in the chat (Bot API sendPhoto): digest charts (issue 14), practice photos (issue 15).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN (
    'send_message', 'edit_message_text', 'edit_message_reply_markup', 'answer_callback_query', 'delete_message', 'send_document', 'send_photo'));
