-- +goose Up
-- An agenda item changed in place (/agenda edit) keeps its row, and so
-- its declarations and report links, which refer to it by id; what it read
-- before each change is kept here, written by the statement that changes
-- it, so that the history can say what it was and the item's entry as
-- added still reads as it was added.
CREATE TABLE agenda_item_edits (
    id                bigserial PRIMARY KEY,
    item_id           bigint NOT NULL REFERENCES agenda_items (id),
    number            text NOT NULL,
    was_title         text NOT NULL,
    was_presenter     text NOT NULL,
    was_organisation  text NOT NULL,
    title             text NOT NULL,
    presenter         text NOT NULL,
    organisation      text NOT NULL,
    edited_at         timestamptz NOT NULL DEFAULT now(),
    edited_by         text NOT NULL
);
CREATE INDEX agenda_item_edits_item ON agenda_item_edits (item_id, id);
COMMENT ON TABLE agenda_item_edits IS 'Each change of an agenda item''s title, presenter or organisation in place: the item''s number then, what it read before and after, who changed it and when.';

-- +goose Down
DROP TABLE agenda_item_edits;
