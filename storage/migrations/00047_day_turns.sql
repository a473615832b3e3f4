-- +goose Up
-- Up to when the Homes that turn with the day have been marked
-- (MarkDayHomes), by any replica's reminders' loop: a loop starting after
-- the bot was down looks back to here, so that a meeting's start or an
-- action's due day passed meanwhile still turns the Homes left open.
CREATE TABLE day_turns (
    one           boolean PRIMARY KEY DEFAULT true CHECK (one),
    marked_until  timestamptz NOT NULL
);
COMMENT ON TABLE day_turns IS 'One row: the moment up to which the Homes that turn with the day have been marked for publishing again.';

-- +goose Down
DROP TABLE day_turns;
