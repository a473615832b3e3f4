-- +goose Up
-- An action's owner (or an officer or the chair for them) notes progress
-- on it without closing it: the notes are its log's, kind 'noted', and the
-- latest is what lists, Homes and agendas show beside it.
ALTER TABLE action_log DROP CONSTRAINT action_log_kind_check;
ALTER TABLE action_log ADD CONSTRAINT action_log_kind_check
    CHECK (kind IN ('added', 'imported', 'noted', 'done', 'reopened', 'reassigned', 'redated'));
COMMENT ON TABLE action_log IS 'Append-only log of actions: added (or imported from the minutes), progress noted, done, reopened, reassigned and re-dated, with who did it (for imported, who imported the minutes).';

-- +goose Down
-- Fails while an action's log has a note of progress: that is a record.
ALTER TABLE action_log DROP CONSTRAINT action_log_kind_check;
ALTER TABLE action_log ADD CONSTRAINT action_log_kind_check
    CHECK (kind IN ('added', 'imported', 'done', 'reopened', 'reassigned', 'redated'));
COMMENT ON TABLE action_log IS 'Append-only log of actions: added (or imported from the minutes), done, reopened, reassigned and re-dated, with who did it (for imported, who imported the minutes).';
