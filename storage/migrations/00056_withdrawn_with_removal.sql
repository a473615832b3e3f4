-- +goose Up
-- Removing a member withdraws their apologies and declarations for the
-- meetings still to come (withdrawRemovedApologies and
-- withdrawRemovedDeclarations). Marked so, the history says they went with
-- the member's removal, by whoever removed them, and not that the member
-- withdrew them.
ALTER TABLE apology_history ADD COLUMN with_removal boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN apology_history.with_removal IS 'A withdrawal made by removing the member from the committee, not by them.';
ALTER TABLE declaration_withdrawals ADD COLUMN with_removal boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN declaration_withdrawals.with_removal IS 'A withdrawal made by removing the member from the committee, not by them.';

-- Those made before: a removal writes its withdrawals and its entry in the
-- audit log in one transaction, so at one moment (now(), the
-- transaction's start), by one officer.
UPDATE apology_history h SET with_removal = true
FROM apologies a, meetings m, audit_log l
WHERE h.action = 'withdrawn' AND a.id = h.apology_id AND m.id = a.meeting_id
  AND l.action = 'member.remove' AND l.committee_id = m.committee_id AND l.subject = a.user_id
  AND l.at = h.at AND l.actor = h.by_user;
UPDATE declaration_withdrawals w SET with_removal = true
FROM declarations d, meetings m, audit_log l
WHERE d.id = w.declaration_id AND m.id = d.meeting_id
  AND l.action = 'member.remove' AND l.committee_id = m.committee_id AND l.subject = d.user_id
  AND l.at = w.withdrawn_at AND l.actor = w.withdrawn_by;

-- +goose Down
ALTER TABLE apology_history DROP COLUMN with_removal;
ALTER TABLE declaration_withdrawals DROP COLUMN with_removal;
