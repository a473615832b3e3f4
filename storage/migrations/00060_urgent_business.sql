-- +goose Up
-- An item the chair takes as urgent business, added to the meeting in
-- progress or on its day, carries the reason for the urgency, which the
-- minutes must give. Additive: items written before it, and by replicas
-- that do not know the column, are not urgent.
ALTER TABLE agenda_items ADD COLUMN urgency text NOT NULL DEFAULT '';
COMMENT ON COLUMN agenda_items.urgency IS 'Why the item was taken as urgent business, as the chair or officer gave it when adding it; empty for an item of the agenda as published.';

-- +goose Down
ALTER TABLE agenda_items DROP COLUMN urgency;
