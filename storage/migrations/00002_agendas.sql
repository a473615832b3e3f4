-- +goose Up
-- Agendas, posting and reminders: the outbox gains a lease, so that a row
-- claimed by one worker is not sent by another while the first is sending,
-- and a version, so that an update that took a newer message while it was
-- being sent is sent again rather than marked done.

ALTER TABLE outbox
    ADD COLUMN locked_until timestamptz,
    ADD COLUMN claim_token  text,
    ADD COLUMN version      integer NOT NULL DEFAULT 1;
COMMENT ON COLUMN outbox.locked_until IS 'Lease: a worker claimed the row and is sending it; others leave it alone until then.';
COMMENT ON COLUMN outbox.claim_token IS 'Token of the claim holding the lease; only its holder may mark the row sent, retried or failed.';
COMMENT ON COLUMN outbox.version IS 'Goes up when a pending update takes a newer payload (updates coalesce per message_key).';

-- One pending update per message: later changes replace its payload.
CREATE UNIQUE INDEX outbox_pending_update ON outbox (message_key) WHERE kind = 'update' AND state = 'pending';
CREATE INDEX outbox_message_key ON outbox (message_key, kind) WHERE message_key <> '';

-- +goose Down
DROP INDEX outbox_message_key;
DROP INDEX outbox_pending_update;
ALTER TABLE outbox DROP COLUMN version, DROP COLUMN claim_token, DROP COLUMN locked_until;
