-- When a pair was dissolved, so that /plan can say since when and why a pair is gone (issue 17 item 9).
-- Pairs dissolved before this migration keep NULL: the reason is still shown, without a date.
ALTER TABLE pairs ADD COLUMN dissolved_at timestamptz;
