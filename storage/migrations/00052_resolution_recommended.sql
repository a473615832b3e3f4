-- +goose Up
-- A Northern Irish council's committee records what it recommends to the
-- Council as "RECOMMENDED –"; it is quoted under that word, not as
-- RESOLVED.
ALTER TABLE resolutions DROP CONSTRAINT resolutions_recorded_as_check;
ALTER TABLE resolutions ADD CONSTRAINT resolutions_recorded_as_check
    CHECK (recorded_as IN ('RESOLVED', 'DECISION', 'AGREED', 'NOTED', 'RECOMMENDED'));
COMMENT ON COLUMN resolutions.recorded_as IS 'The word the minutes record the resolution under, as a label: RESOLVED, DECISION, AGREED, NOTED or RECOMMENDED.';

-- +goose Down
-- Fails while a resolution is recorded as RECOMMENDED: that is what the minutes say.
ALTER TABLE resolutions DROP CONSTRAINT resolutions_recorded_as_check;
ALTER TABLE resolutions ADD CONSTRAINT resolutions_recorded_as_check
    CHECK (recorded_as IN ('RESOLVED', 'DECISION', 'AGREED', 'NOTED'));
COMMENT ON COLUMN resolutions.recorded_as IS 'The word the minutes record the resolution under, as a label: RESOLVED, DECISION, AGREED or NOTED.';
