-- +goose Up
-- A year's attendance counts, for each meeting, those who were members
-- when it closed (MembersAt), and a meeting's minutes name who was in the
-- chair then (ChairsAt): both read the changes to the members before the
-- close, found here rather than among every apology, declaration and
-- agenda change the committee's audit log holds.
CREATE INDEX audit_log_member_changes ON audit_log (committee_id, subject, at DESC, id DESC)
    WHERE action IN ('member.add', 'member.change', 'member.remove');

-- +goose Down
DROP INDEX audit_log_member_changes;
