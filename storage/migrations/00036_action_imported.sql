-- +goose Up
-- Actions read from imported minutes: their log says they were recorded
-- from the minutes, not added by whoever imported them.
ALTER TABLE action_log DROP CONSTRAINT action_log_kind_check;
ALTER TABLE action_log ADD CONSTRAINT action_log_kind_check
    CHECK (kind IN ('added', 'imported', 'done', 'reopened', 'reassigned', 'redated'));
COMMENT ON TABLE action_log IS 'Append-only log of actions: added (or imported from the minutes), done, reopened, reassigned and re-dated, with who did it (for imported, who imported the minutes).';

-- +goose Down
-- Fails while an action's log says it was imported: that is a record.
ALTER TABLE action_log DROP CONSTRAINT action_log_kind_check;
ALTER TABLE action_log ADD CONSTRAINT action_log_kind_check
    CHECK (kind IN ('added', 'done', 'reopened', 'reassigned', 'redated'));
COMMENT ON TABLE action_log IS 'Append-only log of actions: added, done, reopened, reassigned and re-dated, with who did it.';
