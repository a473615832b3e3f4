-- +goose Up
-- Confirmed minutes are a legal record and must read as they were
-- confirmed, whatever a later release changes in how they are worded from
-- the meeting's records. record_rules notes, for each such change of
-- rule, the last confirmation made before it: minutes whose confirmation
-- (minutes_approvals.seq, from recorded_order) is no later keep the
-- earlier rule. Taken from the records, not the clock, which a console or
-- a test may set anywhere. A new database has no confirmations before any
-- rule, so 0.
CREATE TABLE record_rules (
    rule             text PRIMARY KEY,
    approvals_before bigint NOT NULL
);
COMMENT ON TABLE record_rules IS 'A change to how minutes are worded from the records, and the highest minutes_approvals.seq confirmed before it: minutes confirmed at or below it keep the earlier wording.';
COMMENT ON COLUMN record_rules.approvals_before IS 'The highest minutes_approvals.seq when the rule came in (0 when none, or none numbered): confirmations with seq no higher keep the earlier rule.';
-- declarations at the table: a pecuniary declarant is minuted leaving for
-- the item only as the attendance records it; declarants the attendance
-- does not mark are left out; natures in the first person are quoted.
INSERT INTO record_rules (rule, approvals_before)
SELECT 'declarations at the table', COALESCE(max(seq), 0) FROM minutes_approvals;

-- +goose Down
DROP TABLE record_rules;
