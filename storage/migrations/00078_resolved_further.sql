-- +goose Up
-- "RESOLVED FURTHER: That …" (or "FURTHER RESOLVED: That …") labels a
-- resolution that goes on from the one before; it is quoted under that
-- label as the minutes print it.
ALTER TABLE resolutions DROP CONSTRAINT resolutions_recorded_as_check;
ALTER TABLE resolutions ADD CONSTRAINT resolutions_recorded_as_check
    CHECK (recorded_as IN ('RESOLVED', 'DECISION', 'AGREED', 'NOTED', 'RECOMMENDED', 'RESOLVED FURTHER', 'FURTHER RESOLVED'));
COMMENT ON COLUMN resolutions.recorded_as IS 'The word the minutes record the resolution under, as a label: RESOLVED, DECISION, AGREED, NOTED, RECOMMENDED, RESOLVED FURTHER or FURTHER RESOLVED.';

-- Minutes imported before read "RESOLVED FURTHER: That …" as a resolution
-- whose text began "FURTHER: That …", quoted as "RESOLVED: FURTHER: That
-- …". They are read again here as an import now reads them: the word and
-- its colon (a bracket after it kept, as one after RESOLVED is) come off
-- the text, "that" or "to" starting it is capitalised, and the label is
-- RESOLVED FURTHER. Only imported minutes whose document prints the label
-- ("RESOLVED FURTHER" or "Resolved further" opening a line), and only the
-- forms that label left ("FURTHER: …", "further that …"): "RESOLVED:
-- Further, that …" read as RESOLVED then and now, and stays so; a
-- resolution written in Quorum stays as it was typed, confirmed minutes
-- word for word. The import keeps
-- the hash of the earlier reading, so that the same document imported
-- again is still known (minutes.Minute.AsReadBefore).
UPDATE resolutions r
SET recorded_as = 'RESOLVED FURTHER',
    body = CASE WHEN t.body ~ '^(that|to|the|in)( |:|$)' THEN upper(left(t.body, 1)) || substr(t.body, 2) ELSE t.body END
FROM (SELECT r2.id,
             ltrim(regexp_replace(r2.body, '^(?:FURTHER|[Ff]urther)\s*(\([^)]{0,40}\))?\s*(?:[:–—,-]\s*)?', '\1 '), ' :–—-,') AS body
      FROM resolutions r2
      JOIN minutes mi ON mi.id = r2.minute_id
      WHERE mi.document_id IS NOT NULL
        AND r2.recorded_as = 'RESOLVED'
        AND (r2.body ~ '^FURTHER(?:\s*\([^)]{0,40}\))?(?:\s*[:–—,-]|\s+(?:THAT|[Tt]hat)\M)'
             OR r2.body ~ '^further(?:\s*\([^)]{0,40}\))?(?:\s*[:–—,-]|\s+that\M)'
             OR r2.body ~ '^Further(?:\s*\([^)]{0,40}\))?\s*:')
        AND EXISTS (SELECT 1 FROM minute_documents d WHERE d.id = mi.document_id
                    AND d.body ~ '(?:^|\n)[ \t]*(?:\d{1,3}(?:\.\d{1,3}){1,2}[ \t]+)?(?:RESOLVED|Resolved)[ \t]+(?:FURTHER|[Ff]urther)\M')) t
WHERE r.id = t.id AND t.body ~ '[[:alpha:]]';

-- A minute's resolutions, one a line, are what its search reads.
UPDATE minutes mi SET resolved = s.resolved
FROM (SELECT minute_id, string_agg(body, E'\n' ORDER BY position) AS resolved FROM resolutions GROUP BY minute_id) s
WHERE s.minute_id = mi.id AND mi.resolved <> s.resolved
  AND EXISTS (SELECT 1 FROM resolutions r WHERE r.minute_id = mi.id AND r.recorded_as = 'RESOLVED FURTHER');

-- +goose Down
-- Each goes back to how the release before quoted it: the label at the
-- head of its text ("FURTHER: That …"), under RESOLVED.
UPDATE resolutions SET body = CASE recorded_as WHEN 'RESOLVED FURTHER' THEN 'FURTHER: ' ELSE 'FURTHER RESOLVED: ' END || body,
    recorded_as = 'RESOLVED'
WHERE recorded_as IN ('RESOLVED FURTHER', 'FURTHER RESOLVED');
UPDATE minutes mi SET resolved = s.resolved
FROM (SELECT minute_id, string_agg(body, E'\n' ORDER BY position) AS resolved FROM resolutions GROUP BY minute_id) s
WHERE s.minute_id = mi.id AND mi.resolved <> s.resolved;
ALTER TABLE resolutions DROP CONSTRAINT resolutions_recorded_as_check;
ALTER TABLE resolutions ADD CONSTRAINT resolutions_recorded_as_check
    CHECK (recorded_as IN ('RESOLVED', 'DECISION', 'AGREED', 'NOTED', 'RECOMMENDED'));
COMMENT ON COLUMN resolutions.recorded_as IS 'The word the minutes record the resolution under, as a label: RESOLVED, DECISION, AGREED, NOTED or RECOMMENDED.';
