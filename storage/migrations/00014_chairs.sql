-- +goose Up
-- A committee has at most one chair and one vice-chair; and the indexes
-- /history reads a meeting's records with. Until now the chair
-- was a label any number of members could carry; where a committee has
-- several, the one made chair last keeps the role and the others become
-- members, each change written to the audit log as the commands write it.

ALTER TABLE members DROP CONSTRAINT members_role_check;
ALTER TABLE members ADD CONSTRAINT members_role_check CHECK (role IN ('member', 'officer', 'chair', 'vice-chair'));

WITH extra AS (
    SELECT committee_id, user_id FROM (
        SELECT committee_id, user_id,
               row_number() OVER (PARTITION BY committee_id ORDER BY added_at DESC, user_id) AS n
        FROM members WHERE role = 'chair' AND removed_at IS NULL
    ) ranked WHERE n > 1
), demoted AS (
    UPDATE members m SET role = 'member'
    FROM extra e WHERE m.committee_id = e.committee_id AND m.user_id = e.user_id
    RETURNING m.committee_id, m.user_id, m.name, m.organisation
)
INSERT INTO audit_log (committee_id, actor, action, subject, detail)
SELECT committee_id, 'migration', 'member.change', user_id,
       jsonb_build_object('name', name, 'organisation', organisation, 'role', 'member', 'was', 'chair')
FROM demoted;

CREATE UNIQUE INDEX members_one_chair ON members (committee_id, role)
    WHERE role IN ('chair', 'vice-chair') AND removed_at IS NULL;
COMMENT ON INDEX members_one_chair IS 'At most one chair and one vice-chair standing per committee.';

-- /history reads a meeting's agenda items, removed ones too (which the
-- unique index on standing numbers does not cover), and the moves of its
-- items from the audit log.
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id);
CREATE INDEX audit_log_agenda_moves ON audit_log (committee_id, (detail->>'meeting'), id) WHERE action = 'agenda.move';

-- +goose Down
DROP INDEX audit_log_agenda_moves;
DROP INDEX agenda_items_meeting;
DROP INDEX members_one_chair;
UPDATE members SET role = 'member' WHERE role = 'vice-chair';
ALTER TABLE members DROP CONSTRAINT members_role_check;
ALTER TABLE members ADD CONSTRAINT members_role_check CHECK (role IN ('member', 'officer', 'chair'));
