-- +goose Up
-- An item taken up in error is taken back by an entry of its own in the
-- meeting's log, 'item undone', rather than by removing the entry that took
-- it up: the log keeps what was done.
ALTER TABLE meeting_sessions DROP CONSTRAINT meeting_sessions_action_check;
ALTER TABLE meeting_sessions ADD CONSTRAINT meeting_sessions_action_check
    CHECK (action IN ('opened', 'adjourned', 'resumed', 'closed', 'item', 'item undone'));

-- A rule of wording (see record_rules, migration 00068); minutes confirmed
-- before it keep reading as they were confirmed.
-- withdrawals as recorded: a pecuniary declarant gone from the meeting for
-- good before their item was taken up (or before the close, of an item
-- never taken up) is minuted as having left the meeting at that time, not
-- as leaving for the item; an inquorate item's note says a declarant "did
-- not count for the item" rather than that they withdrew. Minutes
-- confirmed before keep "left the meeting for that item" and "withdrew for
-- the item".
INSERT INTO record_rules (rule, approvals_before)
SELECT 'withdrawals as recorded', COALESCE(max(seq), 0) FROM minutes_approvals;

-- +goose Down
DELETE FROM record_rules WHERE rule = 'withdrawals as recorded';
DELETE FROM meeting_sessions WHERE action = 'item undone';
ALTER TABLE meeting_sessions DROP CONSTRAINT meeting_sessions_action_check;
ALTER TABLE meeting_sessions ADD CONSTRAINT meeting_sessions_action_check
    CHECK (action IN ('opened', 'adjourned', 'resumed', 'closed', 'item'));
