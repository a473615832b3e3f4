-- +goose Up
-- A resolution recorded again with the same text under another word
-- (NOTED after AGREED) changes only the word: the history keeps the word
-- each change left, so that it can say so rather than show the same text
-- twice. '' for changes recorded before it was kept, and for minutes with
-- no resolution.
ALTER TABLE minute_history ADD COLUMN recorded_as text NOT NULL DEFAULT '';
COMMENT ON COLUMN minute_history.recorded_as IS 'The word the minute''s resolutions were recorded under after the change (RESOLVED where they differ); '''' when it has none, or the change was recorded before the word was kept.';

-- +goose Down
ALTER TABLE minute_history DROP COLUMN recorded_as;
