-- +goose Up
-- absent listed: the minutes list under Absent the members marked absent
-- who sent no apologies. Minutes confirmed before it keep having no such
-- line (see record_rules, migration 00068).
INSERT INTO record_rules (rule, approvals_before)
SELECT 'absent listed', COALESCE(max(seq), 0) FROM minutes_approvals;

-- +goose Down
DELETE FROM record_rules WHERE rule = 'absent listed';
