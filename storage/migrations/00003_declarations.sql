-- +goose Up
-- Declarations of interest: a unique rule against storing the same
-- declaration twice, and dispensations as records of their own.

-- A declaration is never edited and a withdrawal is a row in
-- declaration_withdrawals, so "standing" (no withdrawal row) cannot be the
-- predicate of a partial unique index: an index cannot look at another
-- table. Instead each declaration carries a revision: the number of earlier,
-- withdrawn declarations with the same meeting, item, member, kind and
-- nature at the time it was made. While a declaration stands, that count
-- does not change, so a second identical declaration (a double submit, two
-- replicas, a retried request) gets the same revision and the unique index
-- refuses it. Once it is withdrawn the count grows by one, so declaring the
-- same interest again makes a new row with the next revision, and the
-- withdrawn one stays in the history untouched. md5(nature) keeps the index
-- entries small for natures of up to 1000 characters.
ALTER TABLE declarations ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0);
CREATE UNIQUE INDEX declarations_once ON declarations (meeting_id, item_number, member_key, kind, md5(nature), revision);
COMMENT ON COLUMN declarations.revision IS 'How many identical declarations (meeting, item, member, kind, nature) had been withdrawn when this one was made; with declarations_once it stops the same declaration standing twice.';

CREATE TABLE declaration_dispensations (
    declaration_id bigint PRIMARY KEY REFERENCES declarations (id),
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    recorded_by    text NOT NULL DEFAULT ''
);
COMMENT ON TABLE declaration_dispensations IS 'Dispensations held for disclosable pecuniary interests, recorded after the declaration (one per declaration, which itself stays as it was).';

CREATE INDEX report_links_member ON report_links (meeting_id, item_number, member_key, id);

-- +goose Down
DROP INDEX report_links_member;
DROP TABLE declaration_dispensations;
DROP INDEX declarations_once;
ALTER TABLE declarations DROP COLUMN revision;
