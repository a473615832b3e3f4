-- +goose Up
-- mark_stale marks the Homes of the chair and the vice-chair with the
-- officers': their Homes show, read-only, what the officers' show of the
-- next meeting and of the minutes and actions left over, and would
-- otherwise go on showing it as it was until something of their own
-- changed. The function is otherwise as migration 00024 made it.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION mark_stale(p_committee bigint, p_meeting bigint, p_users text[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    WITH msg AS (
        SELECT key FROM unnest(ARRAY['agenda:' || p_meeting, 'meeting:' || p_meeting]) AS key
        WHERE p_meeting IS NOT NULL
          AND ((SELECT true FROM slack_messages s WHERE s.message_key = key LIMIT 1)
               OR (SELECT true FROM outbox o
                   WHERE o.message_key = key AND o.message_key <> '' AND o.kind = 'post' AND o.state = 'pending'
                   LIMIT 1))
    )
    INSERT INTO outbox (committee_id, kind, team_id, user_id, channel_id, message_key, payload)
    SELECT c.id, 'update', '', '', c.channel_id, msg.key, '{}'::jsonb
    FROM committees c, msg
    WHERE c.id = p_committee
    UNION ALL
    SELECT c.id, 'home', v.team_id, v.user_id, '', 'home:' || v.team_id || ':' || v.user_id, '{}'::jsonb
    FROM committees c
    JOIN home_viewers v ON v.team_id = c.team_id
    WHERE c.id = p_committee
      AND (v.user_id = ANY (p_users)
           OR v.user_id IN (SELECT m.user_id FROM members m
                            WHERE m.committee_id = c.id AND m.removed_at IS NULL
                              AND (m.role IN ('officer', 'chair', 'vice-chair') OR p_users IS NULL)))
    ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
    DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- mark_stale as migration 00024 made it.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION mark_stale(p_committee bigint, p_meeting bigint, p_users text[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    WITH msg AS (
        SELECT key FROM unnest(ARRAY['agenda:' || p_meeting, 'meeting:' || p_meeting]) AS key
        WHERE p_meeting IS NOT NULL
          AND ((SELECT true FROM slack_messages s WHERE s.message_key = key LIMIT 1)
               OR (SELECT true FROM outbox o
                   WHERE o.message_key = key AND o.message_key <> '' AND o.kind = 'post' AND o.state = 'pending'
                   LIMIT 1))
    )
    INSERT INTO outbox (committee_id, kind, team_id, user_id, channel_id, message_key, payload)
    SELECT c.id, 'update', '', '', c.channel_id, msg.key, '{}'::jsonb
    FROM committees c, msg
    WHERE c.id = p_committee
    UNION ALL
    SELECT c.id, 'home', v.team_id, v.user_id, '', 'home:' || v.team_id || ':' || v.user_id, '{}'::jsonb
    FROM committees c
    JOIN home_viewers v ON v.team_id = c.team_id
    WHERE c.id = p_committee
      AND (v.user_id = ANY (p_users)
           OR v.user_id IN (SELECT m.user_id FROM members m
                            WHERE m.committee_id = c.id AND m.removed_at IS NULL
                              AND (m.role = 'officer' OR p_users IS NULL)))
    ON CONFLICT (kind, message_key) WHERE kind IN ('update', 'home') AND state = 'pending' AND locked_until IS NULL
    DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
-- +goose StatementEnd

