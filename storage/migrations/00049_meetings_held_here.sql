-- +goose Up
-- The meetings held in Quorum with nothing minuted yet (UnminutedMeetings),
-- looked for on every officer's and chair's Home: a committee's meetings
-- opened here and closed, the latest first. Without this, each look reads
-- every meeting any committee opened here, or each of the committee's
-- meetings held elsewhere whose minutes were imported.
CREATE INDEX meetings_held_here ON meetings (committee_id, starts_at) WHERE status = 'held' AND opened_at IS NOT NULL;
COMMENT ON INDEX meetings_held_here IS 'A committee''s meetings opened in Quorum and closed, by advertised start: those held here, read from the latest back.';

-- +goose Down
DROP INDEX meetings_held_here;
