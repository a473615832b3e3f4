-- +goose Up
-- A minute the draft writes from the records (apologies, declarations,
-- the previous minutes) has no text of its own until the officer amends
-- it: what it read before, the paragraph drawn from the records, is kept
-- in its history as a 'drawn' line ahead of the amendment, so that the
-- history can say what the amendment replaced. by_user is '' on such a
-- line: no one wrote it.
ALTER TABLE minute_history DROP CONSTRAINT minute_history_action_check;
ALTER TABLE minute_history ADD CONSTRAINT minute_history_action_check
    CHECK (action IN ('minuted', 'resolved', 'amended', 'drawn'));
COMMENT ON TABLE minute_history IS 'Append-only: a minute''s narrative and RESOLVED text after each change made in Quorum, and who made it; a drawn line (by no one) is what the draft drew from the records before the minute was first amended.';

-- +goose Down
-- Fails while a minute's history holds what the draft drew from the
-- records: that is a record.
ALTER TABLE minute_history DROP CONSTRAINT minute_history_action_check;
ALTER TABLE minute_history ADD CONSTRAINT minute_history_action_check
    CHECK (action IN ('minuted', 'resolved', 'amended'));
COMMENT ON TABLE minute_history IS 'Append-only: a minute''s narrative and RESOLVED text after each change made in Quorum, and who made it.';
