-- +goose Up
-- The reminders' loop reads the reminder settings that stood when each
-- reminder fell due (ReminderDayOn), every minute while one is in its
-- hours of grace: found by the committee and the time, not by reading
-- the whole audit log, which every committee's every change lengthens.
CREATE INDEX audit_log_reminder_settings ON audit_log (committee_id, at DESC, id DESC)
    WHERE action = 'committee.reminders';

-- +goose Down
DROP INDEX audit_log_reminder_settings;
