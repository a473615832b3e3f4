-- +goose Up
-- A member removed from a committee is no longer expected at its meetings,
-- so their apologies for meetings still to come must not count: removing a
-- member now withdraws them (storage.withdrawRemovedApologies). This does
-- the same for members removed before: the apologies stay, withdrawn, with
-- a history row by whoever removed the member, and the posted agendas and
-- Homes that counted them are marked to be sent again.
WITH w AS (
    UPDATE apologies a SET withdrawn = true, updated_at = now()
    FROM meetings m, members mb
    WHERE m.id = a.meeting_id AND mb.committee_id = m.committee_id AND mb.user_id = a.user_id
      AND mb.removed_at IS NOT NULL AND NOT a.withdrawn
      AND m.status = 'scheduled' AND m.starts_at > now()
    RETURNING a.id, m.committee_id, m.id AS meeting_id, a.user_id, COALESCE(mb.removed_by, '') AS removed_by
), hist AS (
    INSERT INTO apology_history (apology_id, action, by_user) SELECT id, 'withdrawn', removed_by FROM w
)
SELECT mark_stale(committee_id, meeting_id, ARRAY[user_id]) FROM w;

-- +goose Down
-- The withdrawals are records of their own, kept like any other.
SELECT 1;
