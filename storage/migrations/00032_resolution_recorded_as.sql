-- +goose Up
-- Minutes record a decision under their own word: a cabinet's "DECISION:"
-- is quoted as a decision, not as RESOLVED. A constant default adds the
-- column without rewriting the table; resolutions stored before keep
-- RESOLVED until their minutes are imported again.
ALTER TABLE resolutions ADD COLUMN recorded_as text NOT NULL DEFAULT 'RESOLVED'
    CHECK (recorded_as IN ('RESOLVED', 'DECISION', 'AGREED'));
COMMENT ON COLUMN resolutions.recorded_as IS 'The word the minutes record the resolution under, as a label: RESOLVED, DECISION or AGREED.';

-- +goose Down
ALTER TABLE resolutions DROP COLUMN recorded_as;
