-- +goose Up
-- The link standing for each member on each item of a meeting (or on a
-- number no item has), kept beside the log in report_links so that a
-- submission or removal is one statement: it writes this row first, and
-- an INSERT … ON CONFLICT DO UPDATE or an UPDATE waits for anyone else
-- writing the same row and then works from what they wrote, which a read
-- of the log in the same statement would not see (its snapshot is taken
-- when the statement starts). Before it, each took a transaction of four
-- round trips: BEGIN, an advisory lock, the write, COMMIT.
--
-- filed_on is 'item:' and the item's ID, or 'number:' and the number for
-- a link filed on no item. The row holds what a removal copies into the
-- log, and was, the action before the latest change, so that a
-- submission can say whether it replaced a link. It is derived from
-- report_links and written only with it.
CREATE TABLE report_current (
    meeting_id bigint NOT NULL,
    filed_on   text NOT NULL,
    member_key text NOT NULL,
    item_number text NOT NULL,
    item_id    bigint,
    user_id    text,
    name       text NOT NULL,
    url        text NOT NULL,
    title      text NOT NULL,
    action     text NOT NULL CHECK (action IN ('submitted', 'removed')),
    was        text NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, filed_on, member_key)
);
COMMENT ON TABLE report_current IS 'The latest row of report_links for each meeting, item (or number on no item) and member; written in the statement that appends to report_links.';

INSERT INTO report_current (meeting_id, filed_on, member_key, item_number, item_id, user_id, name, url, title, action)
SELECT DISTINCT ON (meeting_id, filed_on, member_key) meeting_id, filed_on, member_key, item_number, item_id, user_id, name, url, title, action
FROM (SELECT *, CASE WHEN item_id IS NULL THEN 'number:' || item_number ELSE 'item:' || item_id END AS filed_on
      FROM report_links) l
ORDER BY meeting_id, filed_on, member_key, id DESC;

-- +goose Down
DROP TABLE report_current;
