-- +goose Up
-- When the meeting was opened, on its own row, written by the opening in
-- the transaction that logs it: apologies are sent only for a meeting not
-- opened, and a statement that sends them takes the meeting's row, shared,
-- with the condition that it was not. An opening then waits for apologies
-- sent before it, and apologies sent as it commits are re-checked against
-- the row it wrote and refused, where a check of the log (another table)
-- would be read as it was before the opening committed.
ALTER TABLE meetings ADD COLUMN opened_at timestamptz;
UPDATE meetings m SET opened_at = o.at
FROM (SELECT meeting_id, min(at) AS at FROM meeting_sessions WHERE action = 'opened' GROUP BY meeting_id) o
WHERE o.meeting_id = m.id;
COMMENT ON COLUMN meetings.opened_at IS 'When the meeting was opened (its ''opened'' row in meeting_sessions, written with it); NULL while it has not been.';

-- +goose Down
ALTER TABLE meetings DROP COLUMN opened_at;
