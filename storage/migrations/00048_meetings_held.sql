-- +goose Up
-- The previous meeting (PreviousMeeting), looked for by every /minute and
-- every draft, is the latest held by when it was held: its advertised
-- start, or when it was opened if that was earlier. Without this, each
-- look works that out for every meeting the committee ever had.
CREATE INDEX meetings_held ON meetings (committee_id, (LEAST(starts_at, opened_at)), starts_at) WHERE status <> 'cancelled';
COMMENT ON INDEX meetings_held IS 'A committee''s meetings by when they were held (advertised start, or opening if earlier): the previous meeting, read from the latest back.';

-- +goose Down
DROP INDEX meetings_held;
