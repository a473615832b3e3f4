-- +goose Up
-- An action the minutes print with no day to be due by has none: giving
-- it the meeting's day made it overdue the moment it was imported.
ALTER TABLE actions ALTER COLUMN due_on DROP NOT NULL;
ALTER TABLE action_log ALTER COLUMN due_on DROP NOT NULL;
COMMENT ON COLUMN actions.due_on IS 'The day the action is due by; NULL when the minutes it was imported from print none (never overdue, never chased as due).';
COMMENT ON COLUMN action_log.due_on IS 'The action''s due day after the change; NULL while it had none.';

-- +goose Down
-- Fails while an action has no due date: that is a record.
ALTER TABLE action_log ALTER COLUMN due_on SET NOT NULL;
ALTER TABLE actions ALTER COLUMN due_on SET NOT NULL;
COMMENT ON COLUMN actions.due_on IS NULL;
COMMENT ON COLUMN action_log.due_on IS NULL;
