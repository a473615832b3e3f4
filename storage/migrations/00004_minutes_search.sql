-- +goose Up
-- Imported minutes: the documents themselves (kept when a re-issued version
-- replaces them), who was present, and full-text search over minutes.
--
-- A minute is the unit that /resolution finds and shows: its title, what
-- was RESOLVED under it (word for word, in resolutions) and its narrative.
-- A generated column cannot read another table, so the resolution text and
-- the meeting's date are copied onto the minute when it is written.

CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE minute_documents
    ADD COLUMN body   text NOT NULL DEFAULT '',
    ADD COLUMN record jsonb NOT NULL DEFAULT '{}';
COMMENT ON COLUMN minute_documents.body IS 'The text as imported, kept word for word, also after a re-issued version replaces it.';
COMMENT ON COLUMN minute_documents.record IS 'What the importer read from the text (the JSON that quorum import --json prints); sha256 is the hash of this record, so the same minutes pasted twice, or cut from two different packs, are one document.';

CREATE TABLE meeting_attendance (
    document_id bigint NOT NULL REFERENCES minute_documents (id),
    meeting_id  bigint NOT NULL REFERENCES meetings (id),
    position    integer NOT NULL,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    PRIMARY KEY (document_id, position)
);
CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id);
COMMENT ON TABLE meeting_attendance IS 'Those present at a meeting as its minutes list them ("Councillor Hardy (in the Chair)"), per imported document; the current document''s rows are the ones that stand.';

-- Existing rows, if any, get their meeting's local date.
ALTER TABLE minutes
    ADD COLUMN held_on  date,
    ADD COLUMN resolved text NOT NULL DEFAULT '';
UPDATE minutes mi SET held_on = (m.starts_at AT TIME ZONE c.time_zone)::date
FROM meetings m JOIN committees c ON c.id = m.committee_id
WHERE m.id = mi.meeting_id;
ALTER TABLE minutes ALTER COLUMN held_on SET NOT NULL;

-- Title (weight A), resolution text (B), narrative (C); and, for text with
-- hyphenated words, a copy with the hyphens taken out (D), because the
-- English parser reads "re-named" as 're-nam', 're', 'name' and never as
-- 'renam', which is what "rename" and "renamed" stem to.
ALTER TABLE minutes ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', resolved), 'B') ||
    setweight(to_tsvector('english', narrative), 'C') ||
    CASE WHEN title || ' ' || resolved ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(title || ' ' || resolved, '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END
) STORED;
COMMENT ON COLUMN minutes.held_on IS 'The meeting''s date in the committee''s time zone, copied here so that searches order by recency without a join.';
COMMENT ON COLUMN minutes.resolved IS 'The minute''s RESOLVED text (its resolutions'' bodies, one a line), copied here for the search column.';

-- Searches are always within one committee: the committee's id is a key of
-- the same GIN index (btree_gin), so a search reads only the posting lists
-- of that committee's words.
CREATE INDEX minutes_search ON minutes USING gin (committee_id, search);
DROP INDEX minutes_committee_number;
CREATE INDEX minutes_committee_number ON minutes (committee_id, number, held_on DESC);
CREATE INDEX minutes_committee_held ON minutes (committee_id, held_on DESC, id DESC);

-- Resolutions are searched through their minute now.
ALTER TABLE resolutions DROP COLUMN search;

-- +goose Down
ALTER TABLE resolutions ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;
CREATE INDEX resolutions_search ON resolutions USING gin (search);
DROP INDEX minutes_committee_held;
DROP INDEX minutes_committee_number;
CREATE INDEX minutes_committee_number ON minutes (committee_id, number);
DROP INDEX minutes_search;
ALTER TABLE minutes DROP COLUMN search, DROP COLUMN resolved, DROP COLUMN held_on;
DROP TABLE meeting_attendance;
ALTER TABLE minute_documents DROP COLUMN record, DROP COLUMN body;
