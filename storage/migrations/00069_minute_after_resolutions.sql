-- +goose Up
-- Published minutes may print text after a minute's resolutions ("ACTION:
-- …" under a "Decision: …"); the narrative holds it, at its end, for
-- searching, and this column says which end it is, so that imported
-- minutes are shown in the order the council printed them.
ALTER TABLE minutes ADD COLUMN after_resolutions text NOT NULL DEFAULT '';
COMMENT ON COLUMN minutes.after_resolutions IS 'Of a minute imported, the end of its narrative that the document prints after its resolutions; '''' when none, or for a minute written in Quorum.';

-- +goose Down
ALTER TABLE minutes DROP COLUMN after_resolutions;
