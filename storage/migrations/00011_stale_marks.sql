-- +goose Up
-- A write that changes what a posted agenda or someone's Home shows marks
-- it stale in the write's own transaction: a pending outbox row with no
-- payload, which the outbox worker turns into a message built from the
-- records at the moment it sends. Marks coalesce: while one is pending and
-- not yet claimed, another adds nothing (ON CONFLICT DO NOTHING takes no
-- row lock, so busy writers never queue behind each other on it). Once a
-- worker claims a mark it leaves the unique index below, so a change made
-- while it is being sent leaves a fresh mark and is sent in turn.

ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('post', 'update', 'dm', 'home'));
ALTER TABLE outbox ADD COLUMN team_id text NOT NULL DEFAULT '';
COMMENT ON COLUMN outbox.team_id IS 'Workspace of a Home refresh (kind home): the Home of user_id in team_id is published again.';

DROP INDEX outbox_pending_update;
CREATE UNIQUE INDEX outbox_pending_refresh ON outbox (kind, message_key)
    WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL;

CREATE TABLE home_viewers (
    team_id   text NOT NULL,
    user_id   text NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    notice    text NOT NULL DEFAULT '',
    notice_at timestamptz,
    PRIMARY KEY (team_id, user_id)
);
COMMENT ON TABLE home_viewers IS 'People who have opened their Home tab: only their Homes are published again when the records behind them change; anyone else''s is built when they open it.';
COMMENT ON COLUMN home_viewers.notice IS 'The outcome of the last button pressed on the Home, shown on top of it for a little while, whichever replica publishes it next.';

-- mark_stale marks, for committee p_committee, the posted agenda of
-- p_meeting (when it was posted or is queued for posting; p_meeting may be
-- NULL) and the Homes of p_users (NULL: every member) and of the
-- committee's officers (those of them who have opened their Home) as
-- needing to be sent again. It returns
-- how many new marks it made. PL/pgSQL keeps its plans for the session.
-- +goose StatementBegin
CREATE FUNCTION mark_stale(p_committee bigint, p_meeting bigint, p_users text[]) RETURNS integer
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

-- +goose Down
-- Home refreshes have no place in the old outbox, and only one pending
-- update per message may stay for the old index.
DELETE FROM outbox WHERE kind = 'home';
DELETE FROM outbox o WHERE o.kind = 'update' AND o.state = 'pending' AND EXISTS (
    SELECT 1 FROM outbox p WHERE p.kind = 'update' AND p.message_key = o.message_key AND p.state = 'pending' AND p.id > o.id);
DROP FUNCTION mark_stale(bigint, bigint, text[]);
DROP TABLE home_viewers;
DROP INDEX outbox_pending_refresh;
CREATE UNIQUE INDEX outbox_pending_update ON outbox (message_key) WHERE kind = 'update' AND state = 'pending';
ALTER TABLE outbox DROP COLUMN team_id;
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('post', 'update', 'dm'));
