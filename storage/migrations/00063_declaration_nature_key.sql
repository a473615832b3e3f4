-- +goose Up
-- The same interest declared again in other words — another case, spacing,
-- a full stop at the end, a curly apostrophe or quotation mark for a
-- straight one, as Slack on phones puts in, a word processor's hyphen for
-- "-" — is the same declaration: it
-- made a second one, listed twice in the minutes. The unique indexes
-- compare the nature in that plain form, declaration_nature, as do the
-- statements that look for an identical declaration. md5 keeps the index
-- entries small, as before.
-- +goose StatementBegin
CREATE FUNCTION declaration_nature(nature text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
-- Not inlined (a function with SET is not): the indexes and the statements
-- then name the same call, costed as one, and a search_path of the
-- session's cannot change what an index holds. Nor can its
-- standard_conforming_strings, under which the body is parsed: the
-- pattern holds no backslash.
SET search_path = pg_catalog
AS $$ SELECT md5(rtrim(btrim(regexp_replace(lower(translate(nature,
    E'\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u00A0\u202F\u2009\u2010\u2011', E'\'\'\'\'\'\"\"\"\"   --')),
    '[[:space:]]+', ' ', 'g')), ' .')) $$;
-- +goose StatementEnd

DROP INDEX declarations_once;
DROP INDEX declarations_once_unfiled;

-- Twins made before stay as they are, for the minutes printed them (and a
-- clerk withdraws the one not meant); within each group of the same
-- declaration, now counted alike, revisions are numbered again 0, 1, … in
-- their order. A group with no twins keeps its numbers. A declaration made
-- after, whose revision is the count withdrawn, then meets one of the group
-- still standing, or none.
UPDATE declarations d SET revision = t.n
FROM (SELECT id, row_number() OVER (
        PARTITION BY meeting_id, item_id, CASE WHEN item_id IS NULL THEN item_number END, member_key, kind, declaration_nature(nature)
        ORDER BY revision, id) - 1 AS n
      FROM declarations) t
WHERE t.id = d.id AND d.revision <> t.n;

CREATE UNIQUE INDEX declarations_once ON declarations (meeting_id, item_id, member_key, kind, declaration_nature(nature), revision)
    WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX declarations_once_unfiled ON declarations (meeting_id, item_number, member_key, kind, declaration_nature(nature), revision)
    WHERE item_id IS NULL;
COMMENT ON COLUMN declarations.revision IS 'How many identical declarations (meeting, item, member, kind, nature compared as declaration_nature) had been withdrawn when this one was made; with declarations_once it stops the same declaration standing twice.';

-- +goose Down
-- The revisions numbered again stay: they are unique under the exact
-- nature too.
DROP INDEX declarations_once_unfiled;
DROP INDEX declarations_once;
CREATE UNIQUE INDEX declarations_once ON declarations (meeting_id, item_id, member_key, kind, md5(nature), revision)
    WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX declarations_once_unfiled ON declarations (meeting_id, item_number, member_key, kind, md5(nature), revision)
    WHERE item_id IS NULL;
COMMENT ON COLUMN declarations.revision IS 'How many identical declarations (meeting, item, member, kind, nature) had been withdrawn when this one was made; with declarations_once it stops the same declaration standing twice.';
DROP FUNCTION declaration_nature(text);
