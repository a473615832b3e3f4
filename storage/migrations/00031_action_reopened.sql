-- +goose Up
-- An action marked done by mistake can be opened again; its log says so,
-- and keeps that it was done.
ALTER TABLE action_log DROP CONSTRAINT action_log_kind_check;
ALTER TABLE action_log ADD CONSTRAINT action_log_kind_check
    CHECK (kind IN ('added', 'done', 'reopened', 'reassigned', 'redated'));
COMMENT ON TABLE action_log IS 'Append-only log of actions: added, done, reopened, reassigned and re-dated, with who did it.';

-- +goose Down
-- Fails while an action's log says it was reopened: that is a record.
ALTER TABLE action_log DROP CONSTRAINT action_log_kind_check;
ALTER TABLE action_log ADD CONSTRAINT action_log_kind_check
    CHECK (kind IN ('added', 'done', 'reassigned', 'redated'));
COMMENT ON TABLE action_log IS 'Append-only log of actions: added, done, reassigned and re-dated, with who did it.';
