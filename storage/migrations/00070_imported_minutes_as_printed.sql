-- +goose Up
-- Published minutes may print text between two of a minute's resolutions
-- (a paragraph between "RESOLVED: …" and "RESOLVED FURTHER: …"); the
-- narrative holds it for searching, as it holds what follows the last
-- (minutes.after_resolutions), and this column says which part of it
-- follows this resolution, so that it is shown where it was printed.
ALTER TABLE resolutions ADD COLUMN after_text text NOT NULL DEFAULT '';
COMMENT ON COLUMN resolutions.after_text IS 'Of a resolution imported, the part of its minute''s narrative that the document prints after it and before the next resolution; '''' when none, for the last resolution (see minutes.after_resolutions), or for a minute written in Quorum.';

-- An attendance table may mark a member absent: neither present nor
-- sending apologies. The minutes say so, and so does the meeting's record.
ALTER TABLE meeting_attendance ADD COLUMN absent boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN meeting_attendance.absent IS 'Whether the minutes mark this member absent (absent without apologies) rather than present.';

-- +goose Down
ALTER TABLE meeting_attendance DROP COLUMN absent;
ALTER TABLE resolutions DROP COLUMN after_text;
