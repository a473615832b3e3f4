-- +goose Up
-- A committee's calendar feed was found by its ID (/calendar/12.ics), so
-- counting through IDs listed every committee the deployment serves,
-- private channels included. The feed is now found by an unguessable token
-- (244 random bits, from two version-4 UUIDs), which an officer can
-- replace (/meeting calendar reset). The default is volatile, so each
-- existing committee gets its own token as the column is added, and a new
-- committee gets one without being asked.
ALTER TABLE committees ADD COLUMN calendar_token text NOT NULL
    DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX committees_calendar_token ON committees (calendar_token);
COMMENT ON COLUMN committees.calendar_token IS 'Secret in the calendar feed''s URL (/calendar/<token>-<slug>.ics); replaced by /meeting calendar reset, which is in audit_log.';

-- +goose Down
ALTER TABLE committees DROP COLUMN calendar_token;
