-- +goose Up
-- The Home tab lists the committees one person belongs to, each time they
-- open it; without this, that is a scan of every membership.
CREATE INDEX members_user ON members (user_id) WHERE removed_at IS NULL;

-- +goose Down
DROP INDEX members_user;
