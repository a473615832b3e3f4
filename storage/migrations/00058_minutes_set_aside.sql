-- +goose Up
-- Minutes confirmed "as they stand" set aside the corrections members
-- proposed that no amendment followed: the record says so, and which, so
-- that a confirmation over them does not read as one with none. Additive:
-- rows written before it, and by replicas that do not know the column,
-- set none aside.
ALTER TABLE minutes_approvals ADD COLUMN set_aside text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN minutes_approvals.set_aside IS 'The minute number of each correction proposed by members and not acted on that the minutes were confirmed over ("as they stand"), one per correction; empty when none was.';

-- +goose Down
ALTER TABLE minutes_approvals DROP COLUMN set_aside;
