-- +goose Up
-- Meetings can be moved, and their time or venue changed, by an officer;
-- every change keeps a row saying who changed what, from what to what. A
-- meeting imported from minutes that print no start time has no time:
-- it is kept at the start of its day, and time_known says not to show it.

ALTER TABLE meetings
    ADD COLUMN time_known boolean NOT NULL DEFAULT true,
    ADD COLUMN revision   integer NOT NULL DEFAULT 0 CHECK (revision >= 0);
COMMENT ON COLUMN meetings.time_known IS 'False when the start time is not known (minutes that print none): starts_at is then the start of the day, and no time is shown.';
COMMENT ON COLUMN meetings.revision IS 'How many times the meeting''s date, time or venue has been changed (see meeting_changes); calendars read it as the event''s SEQUENCE.';

-- Imports made so far put a meeting whose minutes print no time at the
-- start of its day in the committee's time zone; no committee meets at
-- midnight.
UPDATE meetings m SET time_known = false
FROM committees c
WHERE c.id = m.committee_id AND m.source = 'import'
  AND (m.starts_at AT TIME ZONE c.time_zone)::time = '00:00';

CREATE TABLE meeting_changes (
    id             bigserial PRIMARY KEY,
    meeting_id     bigint NOT NULL REFERENCES meetings (id),
    committee_id   bigint NOT NULL REFERENCES committees (id),
    old_starts_at  timestamptz NOT NULL,
    new_starts_at  timestamptz NOT NULL,
    old_time_known boolean NOT NULL,
    new_time_known boolean NOT NULL,
    old_venue      text NOT NULL,
    new_venue      text NOT NULL,
    by_user        text NOT NULL DEFAULT '',
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_changes_meeting ON meeting_changes (meeting_id, id);
COMMENT ON TABLE meeting_changes IS 'Append-only history of changes to meetings: moved to another date or time, or another venue; who, when, from what to what.';

-- +goose Down
DROP TABLE meeting_changes;
ALTER TABLE meetings DROP COLUMN revision, DROP COLUMN time_known;
