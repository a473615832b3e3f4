-- +goose Up
-- A decision recorded under the wrong item, or recorded where none was
-- taken, is taken away from the draft minutes by an officer or the chair
-- (/resolve ITEM remove): the change is kept as a 'removed' line, with
-- the minute as it stands after it, so that the history says who took
-- which decision text away, and when.
ALTER TABLE minute_history DROP CONSTRAINT minute_history_action_check;
ALTER TABLE minute_history ADD CONSTRAINT minute_history_action_check
    CHECK (action IN ('minuted', 'resolved', 'amended', 'drawn', 'removed'));

-- +goose Down
-- Fails while a minute's history holds a decision removed: that is a
-- record.
ALTER TABLE minute_history DROP CONSTRAINT minute_history_action_check;
ALTER TABLE minute_history ADD CONSTRAINT minute_history_action_check
    CHECK (action IN ('minuted', 'resolved', 'amended', 'drawn'));
