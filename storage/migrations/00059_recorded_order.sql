-- +goose Up
-- The minutes' and the agenda's histories are stamped with the time each
-- command was given, and commands given under one clock (the console's,
-- the tests') share a time: seq, from one sequence across the tables
-- those histories merge, keeps the order they were written in, and
-- whether a minute was changed after a correction turns on (at, seq), not
-- on at alone. Rows kept before it, stamped by the database's clock, have
-- seq 0: those of one time keep the order they were read in before (their
-- table's, then their id's). Additive: rows written by replicas that do
-- not know the columns take the default, and a removal they make keeps
-- removed_seq 0.
CREATE SEQUENCE recorded_order AS bigint START 1;
ALTER TABLE minute_history ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE minute_comments ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE minutes_approvals ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN seq bigint NOT NULL DEFAULT 0, ADD COLUMN removed_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE agenda_item_edits ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE minute_history ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
ALTER TABLE minute_comments ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
ALTER TABLE minutes_approvals ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
ALTER TABLE agenda_items ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
ALTER TABLE agenda_item_edits ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
COMMENT ON SEQUENCE recorded_order IS 'The order the rows of the minutes'' and the agenda''s histories were written in, across their tables: of rows stamped with one time, the lower seq was written first; 0, kept before the sequence, orders as before it.';
COMMENT ON COLUMN minute_history.seq IS 'From recorded_order: orders the rows of one time (at) as they were written.';
COMMENT ON COLUMN minute_comments.seq IS 'From recorded_order: orders the rows of one time (at) as they were written.';
COMMENT ON COLUMN minutes_approvals.seq IS 'From recorded_order: orders the rows of one time (approved_at) as they were written.';
COMMENT ON COLUMN agenda_items.seq IS 'From recorded_order: orders the item''s adding (added_at) among the rows of one time as they were written.';
COMMENT ON COLUMN agenda_items.removed_seq IS 'From recorded_order, set with removed_at: orders the item''s removal among the rows of one time as they were written.';
COMMENT ON COLUMN agenda_item_edits.seq IS 'From recorded_order: orders the rows of one time (edited_at) as they were written.';
COMMENT ON COLUMN audit_log.seq IS 'From recorded_order: orders the rows of one time (at) as they were written.';

-- +goose Down
ALTER TABLE minute_history DROP COLUMN seq;
ALTER TABLE minute_comments DROP COLUMN seq;
ALTER TABLE minutes_approvals DROP COLUMN seq;
ALTER TABLE agenda_items DROP COLUMN seq, DROP COLUMN removed_seq;
ALTER TABLE agenda_item_edits DROP COLUMN seq;
ALTER TABLE audit_log DROP COLUMN seq;
DROP SEQUENCE recorded_order;
