-- +goose Up
-- A calendar takes a changed event from a higher SEQUENCE (RFC 5545,
-- 3.8.7.4), and a meeting cancelled, or brought back, is changed as much as
-- one moved: counted here, its feed's SEQUENCE is revision plus this, and
-- rises at each. Counted by a trigger, so that every way a meeting's status
-- changes (cancelling, scheduling again, minutes imported for a meeting
-- cancelled) counts.
ALTER TABLE meetings ADD COLUMN status_changes integer NOT NULL DEFAULT 0 CHECK (status_changes >= 0);
COMMENT ON COLUMN meetings.status_changes IS 'How many times the meeting has been cancelled or brought back from being cancelled; with revision, the event''s SEQUENCE in calendars.';

-- +goose StatementBegin
CREATE FUNCTION meetings_count_status_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled') THEN
        NEW.status_changes := OLD.status_changes + 1;
    END IF;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER meetings_status_changes BEFORE UPDATE OF status ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_count_status_changes();

-- The meetings cancelled before: each cancelling is in the audit log, and
-- each but one still standing was undone (a meeting is cancelled only
-- when it is not, and brought back only when it is).
UPDATE meetings m SET status_changes = GREATEST(0, 2 * c.n - CASE WHEN m.status = 'cancelled' THEN 1 ELSE 0 END)
FROM (SELECT l.committee_id, l.detail->>'meeting' AS meeting, count(*) AS n FROM audit_log l
      WHERE l.action = 'meeting.cancelled' GROUP BY 1, 2) c
WHERE c.committee_id = m.committee_id AND c.meeting = m.id::text;

-- +goose Down
DROP TRIGGER meetings_status_changes ON meetings;
DROP FUNCTION meetings_count_status_changes();
ALTER TABLE meetings DROP COLUMN status_changes;
