-- +goose Up
-- /meeting history reads who scheduled, cancelled, scheduled again or
-- imported a meeting from the audit log, where they have always been kept:
-- found by the meeting, not by reading the committee's whole log.
CREATE INDEX audit_log_meeting_events ON audit_log (committee_id, (detail->>'meeting'), id)
    WHERE action IN ('meeting.schedule', 'meeting.cancelled', 'meeting.import');

-- +goose Down
DROP INDEX audit_log_meeting_events;
