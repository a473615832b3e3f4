-- +goose Up
-- A departure entered by mistake is withdrawn by a mark of its own, so
-- that the log stays append-only: the person did not leave.
ALTER TABLE attendance_marks ADD COLUMN corrects boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN attendance_marks.corrects IS 'The mark withdraws the departure before it in the person''s log, entered by mistake: they did not leave. Its status and substitute_for are what they had before it, and at is the time the departure gave.';

-- +goose Down
-- Fails while a departure is withdrawn: that is a record.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM attendance_marks WHERE corrects) THEN
        RAISE EXCEPTION 'attendance_marks records withdrawn departures';
    END IF;
END
$$;
-- +goose StatementEnd
ALTER TABLE attendance_marks DROP COLUMN corrects;
