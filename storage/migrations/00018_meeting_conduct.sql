-- +goose Up
-- The meeting itself: when it was opened, adjourned, resumed and closed,
-- the item under discussion, who is here, and the committee's quorum rule.
-- Sessions and attendance are append-only logs; what stands now is read
-- from their latest rows. Each log numbers its rows (seq) and a row is
-- written as "the previous number plus one": two replicas writing the
-- same change at once compute the same number, the unique key lets one
-- in, and the other finds the change already made.

CREATE TABLE meeting_sessions (
    id         bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meetings (id),
    seq        integer NOT NULL CHECK (seq > 0),
    action     text NOT NULL CHECK (action IN ('opened', 'adjourned', 'resumed', 'closed', 'item')),
    item       text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL,
    by_user    text NOT NULL,
    UNIQUE (meeting_id, seq)
);
CREATE UNIQUE INDEX meeting_sessions_once ON meeting_sessions (meeting_id, action) WHERE action IN ('opened', 'closed');
COMMENT ON TABLE meeting_sessions IS 'Append-only log of a meeting''s conduct: opened, adjourned, resumed, closed (each at most once where it must be), and the item taken up; by whom and when.';
COMMENT ON COLUMN meeting_sessions.seq IS 'Position in the meeting''s log; a write takes the next number, so two at once cannot both follow the same state.';

CREATE TABLE attendance_marks (
    id             bigserial PRIMARY KEY,
    meeting_id     bigint NOT NULL REFERENCES meetings (id),
    member_key     text NOT NULL,
    seq            integer NOT NULL CHECK (seq > 0),
    user_id        text NOT NULL DEFAULT '',
    name           text NOT NULL,
    organisation   text NOT NULL DEFAULT '',
    status         text NOT NULL CHECK (status IN ('present', 'late', 'left', 'absent', 'remote', 'in-attendance')),
    at             timestamptz NOT NULL,
    substitute_for text NOT NULL DEFAULT '',
    entered_by     text NOT NULL,
    entered_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (meeting_id, member_key, seq)
);
COMMENT ON TABLE attendance_marks IS 'Append-only log of who is at a meeting: member_key is the Slack user, or name:… for people not in Slack; a person''s standing mark is their latest.';
COMMENT ON COLUMN attendance_marks.at IS 'When they arrived (present, late, remote, in-attendance) or left (left), as entered: not always when the mark was made.';
COMMENT ON COLUMN attendance_marks.substitute_for IS 'member_key of the member this person attends in place of, who then counts as present through them.';

CREATE TABLE quorum_rules (
    committee_id bigint PRIMARY KEY REFERENCES committees (id),
    fixed        integer CHECK (fixed > 0),
    numerator    integer CHECK (numerator > 0),
    denominator  integer CHECK (denominator > 0),
    minimum      integer NOT NULL DEFAULT 0 CHECK (minimum >= 0),
    set_by       text NOT NULL,
    set_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((fixed IS NULL) <> (numerator IS NULL AND denominator IS NULL)),
    CHECK ((numerator IS NULL) = (denominator IS NULL) AND (numerator IS NULL OR numerator <= denominator))
);
COMMENT ON TABLE quorum_rules IS 'A committee''s quorum: a fixed number, or a fraction of its voting members rounded up with an optional minimum. Changes are kept in audit_log.';

ALTER TABLE members ADD COLUMN voting boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN members.voting IS 'Whether the member votes, and so counts to the quorum; officers never do, whatever this says.';

-- mark_stale marks the live message of a meeting in progress as well as
-- its posted agenda: a declaration made at the table changes who
-- withdraws for the item under discussion, which the live message shows.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION mark_stale(p_committee bigint, p_meeting bigint, p_users text[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer := 0;
    k integer;
    agenda_key text := 'agenda:' || p_meeting;
    live_key text := 'meeting:' || p_meeting;
BEGIN
    IF p_meeting IS NOT NULL AND (
        EXISTS (SELECT 1 FROM slack_messages WHERE message_key = agenda_key)
        OR EXISTS (SELECT 1 FROM outbox WHERE message_key = agenda_key AND kind = 'post' AND state = 'pending'))
    THEN
        INSERT INTO outbox (committee_id, kind, channel_id, message_key, payload)
        SELECT c.id, 'update', c.channel_id, agenda_key, '{}' FROM committees c WHERE c.id = p_committee
        ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
        DO NOTHING;
        GET DIAGNOSTICS k = ROW_COUNT;
        n := n + k;
    END IF;
    IF p_meeting IS NOT NULL AND (
        EXISTS (SELECT 1 FROM slack_messages WHERE message_key = live_key)
        OR EXISTS (SELECT 1 FROM outbox WHERE message_key = live_key AND kind = 'post' AND state = 'pending'))
    THEN
        INSERT INTO outbox (committee_id, kind, channel_id, message_key, payload)
        SELECT c.id, 'update', c.channel_id, live_key, '{}' FROM committees c WHERE c.id = p_committee
        ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
        DO NOTHING;
        GET DIAGNOSTICS k = ROW_COUNT;
        n := n + k;
    END IF;
    INSERT INTO outbox (committee_id, kind, team_id, user_id, message_key, payload)
    SELECT c.id, 'home', v.team_id, v.user_id, 'home:' || v.team_id || ':' || v.user_id, '{}'
    FROM committees c
    JOIN home_viewers v ON v.team_id = c.team_id
    WHERE c.id = p_committee
      AND (v.user_id = ANY (p_users)
           OR v.user_id IN (SELECT m.user_id FROM members m
                            WHERE m.committee_id = c.id AND m.removed_at IS NULL
                              AND (m.role = 'officer' OR p_users IS NULL)))
    ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
    DO NOTHING;
    GET DIAGNOSTICS k = ROW_COUNT;
    RETURN n + k;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- mark_stale as migration 00011 made it.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION mark_stale(p_committee bigint, p_meeting bigint, p_users text[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer := 0;
    k integer;
    agenda_key text := 'agenda:' || p_meeting;
BEGIN
    IF p_meeting IS NOT NULL AND (
        EXISTS (SELECT 1 FROM slack_messages WHERE message_key = agenda_key)
        OR EXISTS (SELECT 1 FROM outbox WHERE message_key = agenda_key AND kind = 'post' AND state = 'pending'))
    THEN
        INSERT INTO outbox (committee_id, kind, channel_id, message_key, payload)
        SELECT c.id, 'update', c.channel_id, agenda_key, '{}' FROM committees c WHERE c.id = p_committee
        ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
        DO NOTHING;
        GET DIAGNOSTICS k = ROW_COUNT;
        n := n + k;
    END IF;
    INSERT INTO outbox (committee_id, kind, team_id, user_id, message_key, payload)
    SELECT c.id, 'home', v.team_id, v.user_id, 'home:' || v.team_id || ':' || v.user_id, '{}'
    FROM committees c
    JOIN home_viewers v ON v.team_id = c.team_id
    WHERE c.id = p_committee
      AND (v.user_id = ANY (p_users)
           OR v.user_id IN (SELECT m.user_id FROM members m
                            WHERE m.committee_id = c.id AND m.removed_at IS NULL
                              AND (m.role = 'officer' OR p_users IS NULL)))
    ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
    DO NOTHING;
    GET DIAGNOSTICS k = ROW_COUNT;
    RETURN n + k;
END
$$;
-- +goose StatementEnd
ALTER TABLE members DROP COLUMN voting;
DROP TABLE quorum_rules;
DROP TABLE attendance_marks;
DROP TABLE meeting_sessions;
