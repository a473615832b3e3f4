-- +goose Up
-- The committee records. Records that are legal history (apologies,
-- declarations, report links, resolutions) keep their history: nothing is
-- overwritten without a row saying who changed what, and when.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE committees (
    id             bigserial PRIMARY KEY,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    team_id        text,
    channel_id     text,
    time_zone      text NOT NULL DEFAULT 'Europe/London',
    standard_items boolean NOT NULL DEFAULT true,
    reminder_days  integer[] NOT NULL DEFAULT '{7,1}',
    reminder_time  time NOT NULL DEFAULT '09:00',
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL DEFAULT '',
    CHECK ((team_id IS NULL) = (channel_id IS NULL))
);
CREATE UNIQUE INDEX committees_name_key ON committees (lower(name));
CREATE UNIQUE INDEX committees_channel_key ON committees (team_id, channel_id);
COMMENT ON TABLE committees IS 'A committee or partnership: a named body with members, meetings and (once set up) a Slack channel.';
COMMENT ON COLUMN committees.reminder_days IS 'Days before each meeting when reminders go out; empty means reminders are off.';

CREATE TABLE members (
    committee_id bigint NOT NULL REFERENCES committees (id),
    user_id      text NOT NULL,
    name         text NOT NULL,
    organisation text NOT NULL DEFAULT '',
    role         text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'officer', 'chair')),
    added_at     timestamptz NOT NULL DEFAULT now(),
    added_by     text NOT NULL DEFAULT '',
    removed_at   timestamptz,
    removed_by   text,
    PRIMARY KEY (committee_id, user_id)
);
COMMENT ON TABLE members IS 'People in a committee, by Slack user; a removed member keeps their row with removed_at set.';

CREATE TABLE meetings (
    id           bigserial PRIMARY KEY,
    committee_id bigint NOT NULL REFERENCES committees (id),
    starts_at    timestamptz NOT NULL,
    venue        text NOT NULL DEFAULT '',
    status       text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
    source       text NOT NULL DEFAULT 'slack',
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL DEFAULT '',
    UNIQUE (committee_id, starts_at)
);
CREATE INDEX meetings_upcoming ON meetings (committee_id, starts_at) WHERE status = 'scheduled';
COMMENT ON TABLE meetings IS 'Meetings of a committee; at most one starts at any instant. Cancelled meetings stay, marked.';

CREATE TABLE agenda_items (
    id           bigserial PRIMARY KEY,
    meeting_id   bigint NOT NULL REFERENCES meetings (id),
    number       text NOT NULL CHECK (length(number) BETWEEN 1 AND 16),
    position     integer NOT NULL,
    title        text NOT NULL,
    presenter    text NOT NULL DEFAULT '',
    organisation text NOT NULL DEFAULT '',
    description  text NOT NULL DEFAULT '',
    refs         text[] NOT NULL DEFAULT '{}',
    standard     boolean NOT NULL DEFAULT false,
    added_at     timestamptz NOT NULL DEFAULT now(),
    added_by     text NOT NULL DEFAULT '',
    removed_at   timestamptz,
    removed_by   text
);
CREATE UNIQUE INDEX agenda_items_number_key ON agenda_items (meeting_id, number) WHERE removed_at IS NULL;
COMMENT ON TABLE agenda_items IS 'Numbered agenda items (1, 7, 7.1, 7a) of a meeting; removed items keep their row with removed_at set.';

CREATE TABLE apologies (
    id              bigserial PRIMARY KEY,
    meeting_id      bigint NOT NULL REFERENCES meetings (id),
    member_key      text NOT NULL,
    user_id         text,
    name            text NOT NULL,
    organisation    text NOT NULL DEFAULT '',
    reason          text NOT NULL DEFAULT '',
    substitute_id   text,
    substitute_name text NOT NULL DEFAULT '',
    withdrawn       boolean NOT NULL DEFAULT false,
    sent_at         timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (meeting_id, member_key)
);
COMMENT ON TABLE apologies IS 'The apology standing for each member and meeting (one row each; member_key is the Slack user, or name: for people in imported minutes). Every change is in apology_history.';

CREATE TABLE apology_history (
    id              bigserial PRIMARY KEY,
    apology_id      bigint NOT NULL REFERENCES apologies (id),
    action          text NOT NULL CHECK (action IN ('sent', 'changed', 'withdrawn', 'imported')),
    reason          text NOT NULL DEFAULT '',
    substitute_name text NOT NULL DEFAULT '',
    by_user         text NOT NULL DEFAULT '',
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX apology_history_apology ON apology_history (apology_id, id);
COMMENT ON TABLE apology_history IS 'Append-only history of apologies: sent, changed, withdrawn, by whom, when.';

CREATE TABLE declarations (
    id           bigserial PRIMARY KEY,
    meeting_id   bigint NOT NULL REFERENCES meetings (id),
    item_number  text NOT NULL,
    member_key   text NOT NULL,
    user_id      text,
    name         text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('pecuniary', 'personal', 'other')),
    nature       text NOT NULL CHECK (length(nature) BETWEEN 1 AND 1000),
    dispensation boolean NOT NULL DEFAULT false,
    source       text NOT NULL DEFAULT 'slack',
    declared_at  timestamptz NOT NULL DEFAULT now(),
    declared_by  text NOT NULL DEFAULT ''
);
CREATE INDEX declarations_meeting ON declarations (meeting_id, item_number);
COMMENT ON TABLE declarations IS 'Declarations of interest, per agenda item. Append-only: a declaration is never edited; withdrawing one adds a row to declaration_withdrawals.';

CREATE TABLE declaration_withdrawals (
    declaration_id bigint PRIMARY KEY REFERENCES declarations (id),
    withdrawn_at   timestamptz NOT NULL DEFAULT now(),
    withdrawn_by   text NOT NULL DEFAULT ''
);
COMMENT ON TABLE declaration_withdrawals IS 'Withdrawals of declarations of interest: one per declaration, which itself stays as it was.';

CREATE TABLE report_links (
    id           bigserial PRIMARY KEY,
    meeting_id   bigint NOT NULL REFERENCES meetings (id),
    item_number  text NOT NULL,
    member_key   text NOT NULL,
    user_id      text,
    name         text NOT NULL,
    url          text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    title        text NOT NULL DEFAULT '',
    action       text NOT NULL DEFAULT 'submitted' CHECK (action IN ('submitted', 'removed')),
    at           timestamptz NOT NULL DEFAULT now(),
    by_user      text NOT NULL DEFAULT ''
);
CREATE INDEX report_links_item ON report_links (meeting_id, item_number, id);
COMMENT ON TABLE report_links IS 'Append-only log of links to written reports for agenda items; the latest row per item and member is the one standing.';

CREATE TABLE minute_documents (
    id           bigserial PRIMARY KEY,
    committee_id bigint NOT NULL REFERENCES committees (id),
    meeting_id   bigint NOT NULL REFERENCES meetings (id),
    kind         text NOT NULL CHECK (kind IN ('minutes', 'agenda')),
    sha256       text NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now(),
    imported_by  text NOT NULL DEFAULT '',
    replaced_at  timestamptz,
    UNIQUE (meeting_id, kind, sha256)
);
COMMENT ON TABLE minute_documents IS 'Documents imported (minutes, agendas), by content hash so that importing the same text twice changes nothing.';

CREATE TABLE minutes (
    id           bigserial PRIMARY KEY,
    meeting_id   bigint NOT NULL REFERENCES meetings (id),
    committee_id bigint NOT NULL REFERENCES committees (id),
    document_id  bigint REFERENCES minute_documents (id),
    number       text NOT NULL,
    position     integer NOT NULL,
    title        text NOT NULL DEFAULT '',
    narrative    text NOT NULL DEFAULT '',
    refs         text[] NOT NULL DEFAULT '{}',
    UNIQUE (meeting_id, number)
);
CREATE INDEX minutes_committee_number ON minutes (committee_id, number);
COMMENT ON TABLE minutes IS 'Numbered minutes of a meeting (numbered through the municipal year: 20 … 29).';

CREATE TABLE resolutions (
    id        bigserial PRIMARY KEY,
    minute_id bigint NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    body      text NOT NULL,
    parts     text[] NOT NULL DEFAULT '{}',
    search    tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
    UNIQUE (minute_id, position)
);
CREATE INDEX resolutions_search ON resolutions USING gin (search);
COMMENT ON TABLE resolutions IS 'What was RESOLVED under a minute, word for word, with its numbered parts.';

CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    committee_id bigint REFERENCES committees (id),
    kind         text NOT NULL CHECK (kind IN ('post', 'update', 'dm')),
    channel_id   text NOT NULL DEFAULT '',
    user_id      text NOT NULL DEFAULT '',
    message_key  text NOT NULL DEFAULT '',
    dedupe_key   text UNIQUE,
    payload      jsonb NOT NULL,
    due_at       timestamptz NOT NULL DEFAULT now(),
    state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz
);
CREATE INDEX outbox_due ON outbox (due_at, id) WHERE state = 'pending';
COMMENT ON TABLE outbox IS 'Messages to send to Slack (posts, updates, DMs). Workers claim due rows with FOR UPDATE SKIP LOCKED, so each is sent once however many replicas run.';

CREATE TABLE slack_messages (
    message_key text PRIMARY KEY,
    channel_id  text NOT NULL,
    ts          text NOT NULL,
    posted_at   timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE slack_messages IS 'Channel messages Quorum posted and may update in place (e.g. agenda:<meeting id>), with Slack''s ts.';

CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    committee_id bigint REFERENCES committees (id),
    actor        text NOT NULL DEFAULT '',
    action       text NOT NULL,
    subject      text NOT NULL DEFAULT '',
    detail       jsonb NOT NULL DEFAULT '{}',
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_committee ON audit_log (committee_id, id);
COMMENT ON TABLE audit_log IS 'Append-only record of every change made to a committee''s records: who, what, when.';

-- +goose Down
DROP TABLE audit_log, slack_messages, outbox, resolutions, minutes, minute_documents,
    report_links, declaration_withdrawals, declarations, apology_history, apologies,
    agenda_items, meetings, members, committees;
