-- +goose Up
-- Signed requests already acted on, so that one captured and sent again
-- inside Slack's five-minute window is refused by every replica
-- (storage.DB.FirstSeen). Rows older than ten minutes are of no use (the
-- signature check refuses their requests by then) and are deleted.
-- UNLOGGED: the insert on every request writes no WAL and its commit waits
-- for no disk flush. A crash of PostgreSQL empties the table, which
-- reopens the window for requests signed in the five minutes before it.
CREATE UNLOGGED TABLE seen_requests (
    key     bytea PRIMARY KEY,
    nonce   bigint NOT NULL,
    seen_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE seen_requests IS 'Signatures (and event IDs) of requests from Slack seen in the last ten minutes, to refuse replays; pruned by storage.DB.FirstSeen.';

-- +goose Down
DROP TABLE seen_requests;
