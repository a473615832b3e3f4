-- +goose Up
-- A correction an officer or the chair enters for someone who sent it
-- another way (by email, on paper): by_user stays the person it is from,
-- so that they follow it as their own, and entered_by says who typed it.
-- Someone not in Slack is named in by_name, with by_user empty.
ALTER TABLE minute_comments
    ADD COLUMN by_name text NOT NULL DEFAULT '',
    ADD COLUMN entered_by text NOT NULL DEFAULT '';
COMMENT ON COLUMN minute_comments.by_name IS 'The name and organisation of someone not in Slack the correction is from (by_user empty); empty otherwise.';
COMMENT ON COLUMN minute_comments.entered_by IS 'The Slack user who entered the correction for its author; empty when the author sent it.';

-- +goose Down
ALTER TABLE minute_comments DROP COLUMN by_name, DROP COLUMN entered_by;
