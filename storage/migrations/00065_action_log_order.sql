-- +goose Up
-- A meeting's minutes print the actions recorded against its minutes as
-- they were first agreed, but once the minutes are confirmed not those
-- added after: whether an action was added before the confirmation turns
-- on (at, seq), as a correction's does (00059), for commands given under
-- one clock (the console's, the tests') share a time. Rows kept before it
-- have seq 0. The minutes read a meeting's actions by actions_meeting.
ALTER TABLE action_log ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE action_log ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
COMMENT ON COLUMN action_log.seq IS 'From recorded_order: orders the rows of one time (at) as they were written, among the minutes'' histories and their confirmation.';
CREATE INDEX actions_meeting ON actions (meeting_id, id);

-- +goose Down
DROP INDEX actions_meeting;
ALTER TABLE action_log DROP COLUMN seq;
