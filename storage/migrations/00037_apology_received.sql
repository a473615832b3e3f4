-- +goose Up
-- Apologies received at the meeting, once it has opened and members'
-- own apologies are closed, are entered by the officer or the chair
-- (`/attendance @person apologies`): their history says so, apart from
-- apologies sent beforehand.
ALTER TABLE apology_history DROP CONSTRAINT apology_history_action_check;
ALTER TABLE apology_history ADD CONSTRAINT apology_history_action_check
    CHECK (action IN ('sent', 'changed', 'withdrawn', 'imported', 'restored', 'received'));
COMMENT ON TABLE apology_history IS 'Append-only history of apologies: sent, changed, withdrawn, restored (on being marked absent after a mark that withdrew them), received (at the meeting, entered by the officer or the chair), by whom, when.';

-- +goose Down
-- Fails while an apology's history says it was received at the meeting:
-- that is a record.
ALTER TABLE apology_history DROP CONSTRAINT apology_history_action_check;
ALTER TABLE apology_history ADD CONSTRAINT apology_history_action_check
    CHECK (action IN ('sent', 'changed', 'withdrawn', 'imported', 'restored'));
COMMENT ON TABLE apology_history IS 'Append-only history of apologies: sent, changed, withdrawn, restored (on being marked absent after a mark that withdrew them), by whom, when.';
