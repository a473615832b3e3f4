-- +goose Up
-- An agenda imported again keeps what the officer changed since the last
-- import where the document prints what that import did: which changes to
-- an item were the import's own is read from the place the document's row
-- takes in the agenda's recorded order, which the import's writes follow
-- up to its audit entry (agenda.import). Rows kept before have seq 0: no
-- change before it is taken for the officer's.
ALTER TABLE minute_documents ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE minute_documents ALTER COLUMN seq SET DEFAULT nextval('recorded_order');
COMMENT ON COLUMN minute_documents.seq IS 'From recorded_order: an agenda''s import wrote the rows of its meeting''s agenda from this seq to its agenda.import audit entry''s.';

-- +goose Down
ALTER TABLE minute_documents DROP COLUMN seq;
