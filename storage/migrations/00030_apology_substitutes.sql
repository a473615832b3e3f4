-- +goose Up
-- Sending apologies says whether the sender is someone else's substitute
-- at the meeting; without this, every apology sent reads all the others
-- of its meeting, a thousand in a large partnership.
CREATE INDEX apologies_substitute ON apologies (meeting_id, substitute_id) WHERE substitute_id IS NOT NULL AND NOT withdrawn;

-- +goose Down
DROP INDEX apologies_substitute;
