-- +goose Up
-- Published minutes list the officers advising the meeting under "In
-- attendance:", apart from the members present; the minutes and
-- /meeting attendance print them so. Rows stored before are left as they
-- were read (false): those minutes read them as present.
ALTER TABLE meeting_attendance ADD COLUMN in_attendance boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN meeting_attendance.in_attendance IS 'Whether the minutes list this person as in attendance (an officer advising the meeting) rather than present.';

-- Published minutes end with when the meeting closed; the minutes
-- compiled from an imported document print it as printed. Documents
-- imported before were not read for it, and print none.
ALTER TABLE minute_documents ADD COLUMN closing text NOT NULL DEFAULT '';
COMMENT ON COLUMN minute_documents.closing IS 'The line of the minutes saying when the meeting closed, as printed ("The meeting closed at 3.25 pm."); '''' when they print none or were imported before it was read.';

-- +goose Down
ALTER TABLE minute_documents DROP COLUMN closing;
ALTER TABLE meeting_attendance DROP COLUMN in_attendance;
