-- +goose Up
-- A minute looked up with /resolution shows the actions agreed under it
-- and where they stand: read by minute, which no index kept (a scan of
-- every action the committee has, per look-up). Deleting a minute, which
-- sets its actions' minute_id to NULL, finds them by it too.
CREATE INDEX actions_minute ON actions (minute_id, id) WHERE minute_id IS NOT NULL;

-- +goose Down
DROP INDEX actions_minute;
