-- +goose Up
-- The latest link a member sent for a number that no agenda item has
-- (latestReportSQL) is found from the end of its own stretch of this
-- index. report_links_member keeps such links among every other link of
-- the meeting without an item, and report_links_item among every link
-- on the number, each member's with the others': the latest was looked
-- for through all of them. Links on no item are few, so the index is
-- small.
CREATE INDEX report_links_unfiled ON report_links (meeting_id, item_number, member_key, id) WHERE item_id IS NULL;

-- +goose Down
DROP INDEX report_links_unfiled;
