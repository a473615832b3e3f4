-- +goose Up
-- Minutes written in Quorum as the meeting goes: the same minutes and
-- resolutions tables that imported minutes fill (one model of a minute,
-- whatever its origin, found by the same search), with a status; the
-- record of their confirmation; every change to a minute's text; members'
-- comments on a draft; and actions with their log.

ALTER TABLE minutes
    ADD COLUMN status      text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('draft', 'confirmed')),
    ADD COLUMN item_number text NOT NULL DEFAULT '',
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now();
COMMENT ON COLUMN minutes.status IS 'draft: written in Quorum and not yet confirmed as a correct record; confirmed: approved (minutes_approvals), or imported from published minutes, which are confirmed by being published.';
COMMENT ON COLUMN minutes.item_number IS 'The agenda item a minute written in Quorum records ("7.5"); empty for imported minutes.';
CREATE UNIQUE INDEX minutes_meeting_item ON minutes (meeting_id, item_number) WHERE item_number <> '';

CREATE TABLE minutes_approvals (
    meeting_id    bigint PRIMARY KEY REFERENCES meetings (id),
    approved_at   timestamptz NOT NULL DEFAULT now(),
    approved_by   text NOT NULL,
    at_meeting_id bigint REFERENCES meetings (id)
);
COMMENT ON TABLE minutes_approvals IS 'Minutes confirmed as a correct record: when, by whom, and at which meeting (NULL: by correspondence). A row is never changed; confirmed minutes are immutable.';

CREATE TABLE minute_history (
    id        bigserial PRIMARY KEY,
    minute_id bigint NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
    action    text NOT NULL CHECK (action IN ('minuted', 'resolved', 'amended')),
    narrative text NOT NULL,
    resolved  text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    by_user   text NOT NULL
);
CREATE INDEX minute_history_minute ON minute_history (minute_id, id);
COMMENT ON TABLE minute_history IS 'Append-only: a minute''s narrative and RESOLVED text after each change made in Quorum, and who made it.';

CREATE TABLE minute_comments (
    id        bigserial PRIMARY KEY,
    minute_id bigint NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
    body      text NOT NULL CHECK (length(body) BETWEEN 1 AND 3000),
    at        timestamptz NOT NULL DEFAULT now(),
    by_user   text NOT NULL
);
CREATE INDEX minute_comments_minute ON minute_comments (minute_id, id);
COMMENT ON TABLE minute_comments IS 'Corrections members propose to draft minutes, for the officer.';

CREATE TABLE actions (
    id            bigserial PRIMARY KEY,
    committee_id  bigint NOT NULL REFERENCES committees (id),
    meeting_id    bigint NOT NULL REFERENCES meetings (id),
    minute_id     bigint REFERENCES minutes (id) ON DELETE SET NULL,
    minute_number text NOT NULL,
    owner_user    text NOT NULL DEFAULT '',
    owner_name    text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 300),
    due_on        date NOT NULL,
    body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    done_note     text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL
);
CREATE INDEX actions_committee ON actions (committee_id, status, due_on);
CREATE INDEX actions_owner ON actions (owner_user, status) WHERE owner_user <> '';
COMMENT ON TABLE actions IS 'Actions the minutes give someone (owner_user: a member''s Slack user, or empty for a person named only); what stands. Every change is in action_log.';

CREATE TABLE action_log (
    id         bigserial PRIMARY KEY,
    action_id  bigint NOT NULL REFERENCES actions (id),
    kind       text NOT NULL CHECK (kind IN ('added', 'done', 'reassigned', 'redated')),
    owner_user text NOT NULL,
    owner_name text NOT NULL,
    due_on     date NOT NULL,
    note       text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL DEFAULT now(),
    by_user    text NOT NULL
);
CREATE INDEX action_log_action ON action_log (action_id, id);
COMMENT ON TABLE action_log IS 'Append-only log of actions: added, done, reassigned and re-dated, with who did it.';

CREATE TABLE minutes_pages (
    meeting_id bigint PRIMARY KEY REFERENCES meetings (id),
    token      text NOT NULL UNIQUE CHECK (length(token) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE minutes_pages IS 'The unguessable token in the address of a meeting''s printable minutes (/minutes/{meeting}-{token}).';

-- +goose Down
DROP TABLE minutes_pages, action_log, actions, minute_comments, minute_history, minutes_approvals;
DROP INDEX minutes_meeting_item;
ALTER TABLE minutes DROP COLUMN updated_at, DROP COLUMN item_number, DROP COLUMN status;
