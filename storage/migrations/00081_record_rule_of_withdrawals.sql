-- +goose Up
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
