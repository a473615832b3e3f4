-- +goose Up
-- Removing a member withdraws their apologies for meetings still to come
-- (storage.withdrawRemovedApologies), now those for a meeting cancelled
-- too: scheduled again, it would otherwise expect someone no longer on the
-- committee. This does the same for members removed before, as 00015 did
-- for meetings scheduled: the apologies stay, withdrawn, with a history
-- row by whoever removed the member.
WITH w AS (
    UPDATE apologies a SET withdrawn = true, updated_at = now()
    FROM meetings m, members mb
    WHERE m.id = a.meeting_id AND mb.committee_id = m.committee_id AND mb.user_id = a.user_id
      AND mb.removed_at IS NOT NULL AND NOT a.withdrawn
      AND m.status = 'cancelled' AND m.starts_at > now()
      AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id)
    RETURNING a.id, m.committee_id, m.id AS meeting_id, a.user_id, a.substitute_id, COALESCE(mb.removed_by, '') AS removed_by
), hist AS (
    INSERT INTO apology_history (apology_id, action, by_user) SELECT id, 'withdrawn', removed_by FROM w
)
SELECT mark_stale(committee_id, meeting_id, array_remove(ARRAY[user_id, substitute_id], NULL)) FROM w;

-- Removing a member now withdraws their declarations of interest for
-- meetings still to come as well (storage.withdrawRemovedDeclarations):
-- the same for members removed before, withdrawn by whoever removed them.
WITH w AS (
    INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by)
    SELECT d.id, COALESCE(mb.removed_by, '')
    FROM members mb JOIN meetings m ON m.committee_id = mb.committee_id
    JOIN declarations d ON d.meeting_id = m.id AND d.member_key = mb.user_id
    WHERE mb.removed_at IS NOT NULL AND m.status IN ('scheduled', 'cancelled') AND m.starts_at > now()
      AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals x WHERE x.declaration_id = d.id)
    ON CONFLICT (declaration_id) DO NOTHING
    RETURNING declaration_id
)
SELECT mark_stale(m.committee_id, m.id, ARRAY[d.member_key])
FROM w JOIN declarations d ON d.id = w.declaration_id JOIN meetings m ON m.id = d.meeting_id;

-- +goose Down
-- The withdrawals are records of their own, kept like any other.
SELECT 1;
