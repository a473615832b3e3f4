-- +goose Up
-- The meetings whose minutes are drafted in Quorum and not yet confirmed,
-- looked for on every officer's and chair's Home, are found from their
-- draft minutes: confirming marks every minute confirmed, so the drafts
-- are few, where a committee's meetings, its history imported, may be
-- thousands.
CREATE INDEX minutes_drafts ON minutes (committee_id, meeting_id) WHERE status = 'draft';
COMMENT ON INDEX minutes_drafts IS 'A committee''s minutes drafted in Quorum and not yet confirmed, by meeting: the meetings whose minutes await confirmation.';

-- +goose Down
DROP INDEX minutes_drafts;
