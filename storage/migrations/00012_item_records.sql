-- +goose Up
-- Declarations of interest and report links refer to the agenda item
-- itself, so that they follow it when it is renumbered (/agenda move 7a
-- 7.11) and stay with it when it is taken off the agenda. item_number
-- stays what it was: the number the item had when the record was made,
-- which the minutes of the time print.

ALTER TABLE declarations ADD COLUMN item_id bigint REFERENCES agenda_items (id);
ALTER TABLE report_links ADD COLUMN item_id bigint REFERENCES agenda_items (id);
COMMENT ON COLUMN declarations.item_id IS 'The agenda item declared on; NULL when the meeting had no item of that number (declarations imported from minutes of meetings with no agenda on record), shown by item_number alone.';
COMMENT ON COLUMN declarations.item_number IS 'The item''s number when the declaration was made; the item may have been renumbered since (see item_id).';
COMMENT ON COLUMN report_links.item_id IS 'The agenda item the report is for; NULL when the meeting had no item of that number.';
COMMENT ON COLUMN report_links.item_number IS 'The item''s number when the link was sent; the item may have been renumbered since (see item_id).';

-- Existing records go to the item of their number standing on the
-- meeting's agenda or, failing that, the one of that number removed last.
UPDATE declarations d SET item_id = (
    SELECT i.id FROM agenda_items i WHERE i.meeting_id = d.meeting_id AND i.number = d.item_number
    ORDER BY i.removed_at IS NULL DESC, i.removed_at DESC, i.id DESC LIMIT 1);
UPDATE report_links l SET item_id = (
    SELECT i.id FROM agenda_items i WHERE i.meeting_id = l.meeting_id AND i.number = l.item_number
    ORDER BY i.removed_at IS NULL DESC, i.removed_at DESC, i.id DESC LIMIT 1);

-- The same declaration standing twice is refused per item where the item
-- is known (a new item given a number an earlier one had is another
-- item), and per number where it is not.
DROP INDEX declarations_once;
CREATE UNIQUE INDEX declarations_once ON declarations (meeting_id, item_id, member_key, kind, md5(nature), revision)
    WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX declarations_once_unfiled ON declarations (meeting_id, item_number, member_key, kind, md5(nature), revision)
    WHERE item_id IS NULL;

DROP INDEX report_links_member;
CREATE INDEX report_links_member ON report_links (meeting_id, item_id, member_key, id);

-- +goose Down
DROP INDEX report_links_member;
CREATE INDEX report_links_member ON report_links (meeting_id, item_number, member_key, id);
DROP INDEX declarations_once_unfiled;
DROP INDEX declarations_once;
CREATE UNIQUE INDEX declarations_once ON declarations (meeting_id, item_number, member_key, kind, md5(nature), revision);
ALTER TABLE report_links DROP COLUMN item_id;
ALTER TABLE declarations DROP COLUMN item_id;
