-- +goose Up
-- Typographic punctuation is indexed as its plain form: a curly apostrophe
-- or quotation mark as a straight one, a dash as a hyphen, an ellipsis as
-- a full stop and a no-break or thin space as a space. Under a database
-- whose LC_CTYPE is C, PostgreSQL's parser takes every character beyond
-- ASCII for a letter, so "council’s" was indexed as one word, 'council’s',
-- and “Safer Streets” as '“safer' and 'streets”': a member searching for
-- "council" or "Safer Streets" found nothing. Slack on phones and Macs
-- puts such punctuation in for what is typed. The search translates its
-- words the same way (searchQuery). The column is made again, as in
-- 00061, which rewrites the table.
ALTER TABLE minutes DROP COLUMN search;
ALTER TABLE minutes ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', translate(title, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ')), 'A') ||
    setweight(to_tsvector('english', translate(resolved, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ')), 'B') ||
    setweight(to_tsvector('english', translate(narrative, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ')), 'C') ||
    CASE WHEN translate(title, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ') || ' ' || translate(resolved, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ') ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(translate(title, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ') || ' ' || translate(resolved, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   '), '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END ||
    CASE WHEN translate(narrative, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ') ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(
            regexp_replace(translate(narrative, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   '), '([[:alnum:]]+(?:-[[:alnum:]]+)+)|[[:alnum:]]+|[^[:alnum:]]+', '\1 ', 'g'),
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
    END ||
    CASE WHEN narrative ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(
            regexp_replace(narrative, '([[:alnum:]]+(?:-[[:alnum:]]+)+)|[[:alnum:]]+|[^[:alnum:]]+', '\1 ', 'g'),
            '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END
) STORED;
CREATE INDEX minutes_search ON minutes USING gin (committee_id, search);
