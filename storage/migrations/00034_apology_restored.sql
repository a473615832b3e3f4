-- +goose Up
-- A member marked present by mistake has their apologies taken back
-- ("attended the meeting"); marked absent instead, those apologies stand
-- again, and their history says so.
ALTER TABLE apology_history DROP CONSTRAINT apology_history_action_check;
ALTER TABLE apology_history ADD CONSTRAINT apology_history_action_check
    CHECK (action IN ('sent', 'changed', 'withdrawn', 'imported', 'restored'));
COMMENT ON TABLE apology_history IS 'Append-only history of apologies: sent, changed, withdrawn, restored (on being marked absent after a mark that withdrew them), by whom, when.';

-- +goose Down
-- Fails while an apology's history says it was restored: that is a record.
ALTER TABLE apology_history DROP CONSTRAINT apology_history_action_check;
ALTER TABLE apology_history ADD CONSTRAINT apology_history_action_check
    CHECK (action IN ('sent', 'changed', 'withdrawn', 'imported'));
COMMENT ON TABLE apology_history IS 'Append-only history of apologies: sent, changed, withdrawn, by whom, when.';
