-- +goose Up
-- The minutes' history is stamped with the time each command was given,
-- and commands given under one clock (the console's, the tests') share a
-- time: seq, from one sequence across the tables the history merges,
-- keeps the order they were written in, and whether a minute was changed
-- after a correction turns on (at, seq), not on at alone. Additive: rows
-- written by replicas that do not know the column take the default. Rows
-- written before it, stamped by the database's clock, are numbered in the
-- order of their times.
CREATE SEQUENCE recorded_order AS bigint;
CREATE TEMPORARY TABLE recorded_before ON COMMIT DROP AS
    SELECT t, id, row_number() OVER (ORDER BY at, id, t) AS n FROM (
        SELECT 'h' AS t, id, at FROM minute_history
        UNION ALL SELECT 'k', id, at FROM minute_comments
        UNION ALL SELECT 'a', meeting_id, approved_at FROM minutes_approvals) r;
ALTER TABLE minute_history ADD COLUMN seq bigint;
ALTER TABLE minute_comments ADD COLUMN seq bigint;
ALTER TABLE minutes_approvals ADD COLUMN seq bigint;
UPDATE minute_history x SET seq = b.n FROM recorded_before b WHERE b.t = 'h' AND b.id = x.id;
UPDATE minute_comments x SET seq = b.n FROM recorded_before b WHERE b.t = 'k' AND b.id = x.id;
UPDATE minutes_approvals x SET seq = b.n FROM recorded_before b WHERE b.t = 'a' AND b.id = x.meeting_id;
SELECT setval('recorded_order', COALESCE((SELECT max(n) FROM recorded_before), 0) + 1, false);
ALTER TABLE minute_history ALTER COLUMN seq SET DEFAULT nextval('recorded_order'), ALTER COLUMN seq SET NOT NULL;
ALTER TABLE minute_comments ALTER COLUMN seq SET DEFAULT nextval('recorded_order'), ALTER COLUMN seq SET NOT NULL;
ALTER TABLE minutes_approvals ALTER COLUMN seq SET DEFAULT nextval('recorded_order'), ALTER COLUMN seq SET NOT NULL;
COMMENT ON SEQUENCE recorded_order IS 'The order rows of the minutes'' history were written in, across its tables: of rows stamped with one time, the lower seq was written first.';
COMMENT ON COLUMN minute_history.seq IS 'From recorded_order: orders the rows of one time (at) as they were written, with minute_comments and minutes_approvals.';
COMMENT ON COLUMN minute_comments.seq IS 'From recorded_order: orders the rows of one time (at) as they were written, with minute_history and minutes_approvals.';
COMMENT ON COLUMN minutes_approvals.seq IS 'From recorded_order: orders the rows of one time (approved_at) as they were written, with minute_history and minute_comments.';

-- +goose Down
ALTER TABLE minute_history DROP COLUMN seq;
ALTER TABLE minute_comments DROP COLUMN seq;
ALTER TABLE minutes_approvals DROP COLUMN seq;
DROP SEQUENCE recorded_order;
