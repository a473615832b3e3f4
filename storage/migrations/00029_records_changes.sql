-- +goose Up
-- Which transactions changed a committee's records: one row for each
-- transaction and committee, written by triggers on every table an agenda
-- is built from, in the transaction that changes it. A replica that keeps
-- a built agenda keeps with it the snapshot its reads started from, and
-- asks before using it again whether a transaction that snapshot did not
-- see has written here since (RecordsChangedSince). Rows are only ever
-- inserted, keyed by the transaction's own ID, so writers never wait on
-- one another for them, as they would on a version counter in one row;
-- and since the triggers are the database's, every writer (any replica,
-- an import from the command line, a migration) is seen.
CREATE TABLE records_changes (
    committee_id bigint NOT NULL,
    xid          xid8 NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (committee_id, xid)
);
COMMENT ON TABLE records_changes IS 'Transactions that changed what a committee''s agendas show, for replicas that keep built agendas (at most a minute); pruned a few minutes after a replica''s snapshot saw them.';

-- +goose StatementBegin
CREATE FUNCTION records_changed_by_committee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records_changes (committee_id, xid)
    SELECT DISTINCT committee_id, pg_current_xact_id() FROM changed WHERE committee_id IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION records_changed_committee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records_changes (committee_id, xid)
    SELECT DISTINCT id, pg_current_xact_id() FROM changed
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- A TRUNCATE has no rows to go by: every committee's records changed.
-- +goose StatementBegin
CREATE FUNCTION records_changed_everywhere() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records_changes (committee_id, xid)
    SELECT id, pg_current_xact_id() FROM committees
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION records_changed_by_meeting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records_changes (committee_id, xid)
    SELECT DISTINCT m.committee_id, pg_current_xact_id()
    FROM meetings m WHERE m.id IN (SELECT meeting_id FROM changed)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION records_changed_by_declaration() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records_changes (committee_id, xid)
    SELECT DISTINCT m.committee_id, pg_current_xact_id()
    FROM declarations d JOIN meetings m ON m.id = d.meeting_id
    WHERE d.id IN (SELECT declaration_id FROM changed)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION records_changed_by_interest() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records_changes (committee_id, xid)
    SELECT DISTINCT i.committee_id, pg_current_xact_id()
    FROM interests i WHERE i.id IN (SELECT interest_id FROM changed)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- A trigger with transition tables fires on one event only: three for
-- each table, one function for each way of finding the committee. A row
-- deleted with its parent in one statement is found through the parent's
-- own trigger. An UPDATE is noted for the rows as they are after it: one
-- that moved a row to another meeting or committee (Quorum never does)
-- notes only the new one. apology_history has none: every row of it is
-- written with
-- a change to its apology, in the same statement or transaction, which
-- notes the change; a trigger of its own cost a batch of apologies more
-- than the two on apologies together (0.042 ms against 0.030).
-- +goose StatementBegin
DO $$
DECLARE
    t record;
    ev text;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('committees', 'records_changed_committee'),
        ('members', 'records_changed_by_committee'),
        ('meetings', 'records_changed_by_committee'),
        ('meeting_changes', 'records_changed_by_committee'),
        ('actions', 'records_changed_by_committee'),
        ('interests', 'records_changed_by_committee'),
        ('interest_endings', 'records_changed_by_interest'),
        ('agenda_items', 'records_changed_by_meeting'),
        ('apologies', 'records_changed_by_meeting'),
        ('report_links', 'records_changed_by_meeting'),
        ('declarations', 'records_changed_by_meeting'),
        ('declaration_dispensations', 'records_changed_by_declaration'),
        ('declaration_withdrawals', 'records_changed_by_declaration')
    ) AS v (tbl, fn) LOOP
        FOREACH ev IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
            EXECUTE format('CREATE TRIGGER records_changed_%s AFTER %s ON %I REFERENCING %s TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                ev, ev, t.tbl, CASE ev WHEN 'delete' THEN 'OLD' ELSE 'NEW' END, t.fn);
        END LOOP;
        EXECUTE format('CREATE TRIGGER records_changed_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION records_changed_everywhere()', t.tbl);
    END LOOP;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $$
DECLARE
    t text;
    ev text;
BEGIN
    FOREACH t IN ARRAY ARRAY['committees', 'members', 'meetings', 'meeting_changes', 'actions', 'interests', 'interest_endings',
        'agenda_items', 'apologies', 'report_links', 'declarations', 'declaration_dispensations', 'declaration_withdrawals'] LOOP
        FOREACH ev IN ARRAY ARRAY['insert', 'update', 'delete', 'truncate'] LOOP
            EXECUTE format('DROP TRIGGER records_changed_%s ON %I', ev, t);
        END LOOP;
    END LOOP;
END
$$;
-- +goose StatementEnd
DROP FUNCTION records_changed_by_committee();
DROP FUNCTION records_changed_committee();
DROP FUNCTION records_changed_by_meeting();
DROP FUNCTION records_changed_everywhere();
DROP FUNCTION records_changed_by_declaration();
DROP FUNCTION records_changed_by_interest();
DROP TABLE records_changes;
