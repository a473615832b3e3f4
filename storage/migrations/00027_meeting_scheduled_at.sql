-- +goose Up
-- A meeting scheduled after one of its reminders was due does not get that
-- reminder (the reminder's moment, and the agenda it would have carried,
-- came before there was a meeting to remind of). Unknown for meetings
-- scheduled before this column, and for those an import creates: they get
-- their reminders as before.
ALTER TABLE meetings ADD COLUMN scheduled_at timestamptz;
COMMENT ON COLUMN meetings.scheduled_at IS 'When /meeting schedule scheduled it, or scheduled it again after it was cancelled; NULL when not known. Reminders due before it are not sent.';

-- +goose Down
ALTER TABLE meetings DROP COLUMN scheduled_at;
