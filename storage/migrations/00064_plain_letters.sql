-- +goose Up
-- Letters with diacritics are indexed as their plain letters ("Siân" as
-- "Sian", "café" as "cafe", "Straße" as "Strasse"), and the search folds
-- its words the same way (storage.searchText), so that a member typing on
-- a phone or keyboard without accents finds the published minutes that
-- have them, and one typing them finds minutes printed without. Under
-- LC_CTYPE C the parser does not lower-case such letters either, so "ZOË"
-- and "Zoë" were two words.
--
-- search_text is what the index reads of a text: 00062's typographic
-- punctuation made plain, each letter with diacritics made its plain
-- letter (storage.accentedLetters; the same table, checked by
-- TestSearchFoldsLetters) and the ligatures, which are two letters, made
-- two. translate() looks for each character of the text in its table from
-- the start, reading the whole of it for a character not in it: with
-- these 180 letters alone, about 1 µs a character, five times what
-- to_tsvector takes. So the table starts with the commonest characters of
-- English text, each made itself, where most characters are found at
-- once (0.17 µs); and the letters are translated only in text that holds
-- one: most minutes are read once, by the test, and pay for the
-- punctuation alone, as before.
-- +goose StatementBegin
CREATE FUNCTION search_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN t !~ '[À-țẞ]' THEN translate(t, E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009', E'\'\'\'\'\'\"\"\"\"--.   ')
    ELSE translate(
        CASE WHEN t !~ '[ßẞÆæŒœÞþĲĳ]' THEN t
            ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t,
                'ß', 'ss'), 'ẞ', 'SS'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th'), 'Ĳ', 'IJ'), 'ĳ', 'ij')
        END,
        ' etaoinsrhldcumfpgwybvkxjqz.,-ETAOINSRHLDCUMFPGWYBVKXJQZ0123456789()/:;&%'
        || E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009'
        || 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿ'
        || 'ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŊŋŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ'
        || 'ȘșȚț',
        ' etaoinsrhldcumfpgwybvkxjqz.,-ETAOINSRHLDCUMFPGWYBVKXJQZ0123456789()/:;&%'
        || E'\'\'\'\'\'\"\"\"\"--.   '
        || 'AAAAAACEEEEIIIIDNOOOOOOUUUUYaaaaaaceeeeiiiidnoooooouuuuyy'
        || 'AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs'
        || 'SsTt')
END
$$;
-- +goose StatementEnd

-- The column is made again, as in 00061 and 00062, which rewrites the table.
ALTER TABLE minutes DROP COLUMN search;
ALTER TABLE minutes ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', search_text(title)), 'A') ||
    setweight(to_tsvector('english', search_text(resolved)), 'B') ||
    setweight(to_tsvector('english', search_text(narrative)), 'C') ||
    CASE WHEN search_text(title) || ' ' || search_text(resolved) ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(search_text(title) || ' ' || search_text(resolved), '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END ||
    CASE WHEN search_text(narrative) ~ '[[:alnum:]]-[[:alnum:]]'
        THEN setweight(to_tsvector('english', regexp_replace(
            regexp_replace(search_text(narrative), '([[:alnum:]]+(?:-[[:alnum:]]+)+)|[[:alnum:]]+|[^[:alnum:]]+', '\1 ', 'g'),
            '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')), 'D')
        ELSE ''::tsvector
    END
) STORED;
CREATE INDEX minutes_search ON minutes USING gin (committee_id, search);

-- +goose Down
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
DROP FUNCTION search_text(text);
