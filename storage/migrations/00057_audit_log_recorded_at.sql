-- +goose Up
-- Changes to the members are stamped with the request's time, as every
-- other record is, so that the history (and a year's attendance, from
-- AddedAt) reads them at the time they were asked for, also under the
-- console's clock. Whose the chair was at a meeting's close, and who was a
-- member then (ChairsAt, MembersAt), compare the changes with the close as
-- written, by the database's clock (meeting_sessions.recorded_at,
-- migration 00028): recorded_at keeps that clock here. Additive: the
-- default stamps rows written by replicas that do not know the column;
-- rows written before it are NULL, and their "at", stamped then by the
-- database's clock, stands in.
ALTER TABLE audit_log ADD COLUMN recorded_at timestamptz;
ALTER TABLE audit_log ALTER COLUMN recorded_at SET DEFAULT now();
COMMENT ON COLUMN audit_log.recorded_at IS 'When the row was written, by the database''s clock; NULL for rows written before migration 00057, for which at stands in.';

DROP INDEX audit_log_member_changes;
CREATE INDEX audit_log_member_changes ON audit_log (committee_id, subject, (COALESCE(recorded_at, at)) DESC, id DESC)
    WHERE action IN ('member.add', 'member.change', 'member.remove');

-- +goose Down
DROP INDEX audit_log_member_changes;
CREATE INDEX audit_log_member_changes ON audit_log (committee_id, subject, at DESC, id DESC)
    WHERE action IN ('member.add', 'member.change', 'member.remove');
ALTER TABLE audit_log DROP COLUMN recorded_at;
