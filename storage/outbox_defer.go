package storage

import (
	"context"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// OutboxDefer puts m back, due at at, without spending the attempt its
// claim counted: Slack did not act on it (the bot's token refused, a
// method rate-limited), so the message itself has not failed. An update or
// Home keeps at least one attempt, for a row of theirs with none is due at
// once whatever its due_at (see ClaimOutbox).
func (db *DB) OutboxDefer(ctx context.Context, m commands.OutboxMessage, at time.Time, reason string) error {
	_, err := db.x.ExecContext(ctx, `UPDATE outbox o
		SET due_at = $3, locked_until = NULL, last_error = $4,
		    attempts = CASE WHEN o.kind IN ('update', 'home') THEN GREATEST(o.attempts - 1, 1) ELSE GREATEST(o.attempts - 1, 0) END,
		    state = CASE WHEN o.kind IN ('update', 'home') AND EXISTS (
		        SELECT 1 FROM outbox p WHERE p.kind = o.kind AND p.message_key = o.message_key
		          AND p.state = 'pending' AND p.locked_until IS NULL AND p.id <> o.id)
		    THEN 'sent' ELSE 'pending' END
		WHERE o.id = $1 AND o.claim_token = $2 AND o.state = 'pending'`, m.ID, m.Claim, at, clipText(reason, 1000))
	if isUniqueViolation(err) {
		// A newer mark arrived between the check and the update.
		_, err = db.x.ExecContext(ctx, `UPDATE outbox SET state = 'sent', locked_until = NULL, last_error = $3
			WHERE id = $1 AND claim_token = $2 AND state = 'pending'`, m.ID, m.Claim, clipText("superseded: "+reason, 1000))
	}
	return mapErr("outbox defer", err)
}
