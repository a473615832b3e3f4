-- +goose Up
-- An agenda item deferred to the next meeting, as the meeting deferred
-- it: the item as its agenda gave it, so that the next meeting's agenda
-- can be offered it (title and presenter carried), and who deferred it
-- and when. A deferral undone or dismissed keeps its row, marked, so
-- that the record of what the meeting did and what became of it stays.
CREATE TABLE deferrals (
    id               bigserial PRIMARY KEY,
    committee_id     bigint NOT NULL REFERENCES committees (id),
    meeting_id       bigint NOT NULL REFERENCES meetings (id),
    item_number      text NOT NULL,
    title            text NOT NULL,
    presenter        text NOT NULL DEFAULT '',
    organisation     text NOT NULL DEFAULT '',
    reason           text NOT NULL DEFAULT '',
    narrative_before text NOT NULL DEFAULT '',
    deferred_by      text NOT NULL,
    deferred_at      timestamptz NOT NULL DEFAULT now(),
    undone_by        text,
    undone_at        timestamptz,
    dismissed_by     text,
    dismissed_at     timestamptz
);
CREATE UNIQUE INDEX deferrals_standing ON deferrals (meeting_id, item_number) WHERE undone_at IS NULL;
CREATE INDEX deferrals_open ON deferrals (committee_id) WHERE undone_at IS NULL AND dismissed_at IS NULL;
COMMENT ON TABLE deferrals IS 'Agenda items a meeting deferred to the next meeting, with who deferred them and when; undone (while the minutes were a draft) or dismissed rows stay, marked.';
COMMENT ON COLUMN deferrals.narrative_before IS 'The item''s minute narrative before the deferral wrote the standard text, restored if the deferral is undone.';

-- +goose Down
DROP TABLE deferrals;
