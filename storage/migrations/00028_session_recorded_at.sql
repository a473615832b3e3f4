-- +goose Up
-- When each conduct row was written, by the database's clock, which also
-- stamps the audit log: the record of a meeting held names as its chair
-- whoever held the role when it closed, read from the members' history,
-- and the two times must come from the same clock (a row's "at" comes
-- from the request). Additive: the default stamps rows written by
-- replicas that do not know the column; rows written before it are NULL,
-- and their "at" stands in.
ALTER TABLE meeting_sessions ADD COLUMN recorded_at timestamptz;
ALTER TABLE meeting_sessions ALTER COLUMN recorded_at SET DEFAULT now();
COMMENT ON COLUMN meeting_sessions.recorded_at IS 'When the row was written, by the database''s clock; NULL for rows written before migration 00028, for which at stands in.';

-- +goose Down
ALTER TABLE meeting_sessions DROP COLUMN recorded_at;
