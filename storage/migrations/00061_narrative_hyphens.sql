-- +goose Up
-- The hyphenated words of a minute's narrative are indexed without their
-- hyphens too, as those of its title and resolutions were (00004), so that
-- "antisocial" finds a narrative's "anti-social". Only the hyphenated
-- words of the narrative are copied (weight D), not the whole of it as for
-- the title and resolutions: a narrative runs to pages, and a second copy
-- of every word would double the column that ranking reads. A generated
-- column's expression cannot be changed in place (before PostgreSQL 17),
-- so the column is made again, which rewrites the table: about 15 seconds
-- for 125,000 minutes, during which the minutes are neither read nor
-- written.
ALTER TABLE minutes DROP COLUMN search;
ALTER TABLE minutes ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', resolved), 'B') ||
    setweight(to_tsvector('english', narrative), 'C') ||
    CASE WHEN title || ' ' || resolved ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(title || ' ' || resolved, '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END ||
    CASE WHEN narrative ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(
            regexp_replace(narrative, '([[:alnum:]]+(?:-[[:alnum:]]+)+)|[[:alnum:]]+|[^[:alnum:]]+', '\1 ', 'g'),
            '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END
) STORED;
CREATE INDEX minutes_search ON minutes USING gin (committee_id, search);

-- +goose Down
ALTER TABLE minutes DROP COLUMN search;
ALTER TABLE minutes ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', resolved), 'B') ||
    setweight(to_tsvector('english', narrative), 'C') ||
    CASE WHEN title || ' ' || resolved ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(title || ' ' || resolved, '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END
) STORED;
CREATE INDEX minutes_search ON minutes USING gin (committee_id, search);
