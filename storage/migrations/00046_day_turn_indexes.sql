-- +goose Up
-- The reminders' loop looks, every minute, for the Homes that turn with
-- the day (MarkDayHomes): the meetings whose advertised start, or the
-- midnight after it, has just passed, and the open actions whose due day
-- has just ended. Without these, each look reads every meeting and every
-- action the committees ever had.
CREATE INDEX meetings_starts ON meetings (starts_at) WHERE status <> 'cancelled';
CREATE INDEX actions_open_due ON actions (due_on) WHERE status = 'open';
COMMENT ON INDEX meetings_starts IS 'Meetings by their start, across committees: the Homes that turn at a start or the midnight after it.';
COMMENT ON INDEX actions_open_due IS 'Open actions by their due day, across committees: the Homes that turn when one falls overdue.';

-- +goose Down
DROP INDEX actions_open_due;
DROP INDEX meetings_starts;
