-- +goose Up
-- Two rules of wording (see record_rules, migration 00068); minutes
-- confirmed before them keep reading as they were confirmed.
-- absent listed: the minutes list under Absent the members marked absent
-- who sent no apologies; minutes confirmed before keep having no such line.
INSERT INTO record_rules (rule, approvals_before)
SELECT 'absent listed', COALESCE(max(seq), 0) FROM minutes_approvals;
-- names as marked: the record of a meeting held names those marked at it
-- as their marks do, as they were then. Minutes confirmed before named
-- each member as the committee named them whenever they were printed; they
-- name them as the audit log says the committee did when they were
-- confirmed, as they read then.
INSERT INTO record_rules (rule, approvals_before)
SELECT 'names as marked', COALESCE(max(seq), 0) FROM minutes_approvals;

-- +goose Down
DELETE FROM record_rules WHERE rule IN ('absent listed', 'names as marked');
