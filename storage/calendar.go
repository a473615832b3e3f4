package storage

import (
	"context"

	"github.com/quorumhq/quorum/commands"
)

// newCalendarToken is the SQL for a fresh feed token, as migration 00020
// makes them.
const newCalendarToken = `replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`

// CommitteeByCalendarToken implements commands.CalendarStore.
func (db *DB) CommitteeByCalendarToken(ctx context.Context, token string) (commands.Committee, error) {
	c, err := getCommittee(ctx, db.x, `calendar_token = $1`, token)
	return c, mapErr("committee by calendar token", err)
}

// ResetCalendarToken implements commands.CalendarStore. The old token
// stops working at once; the change is in the audit log (without either
// token, which are secrets) and every member's Home, which shows the
// feed's link, is marked for publishing again.
func (db *DB) ResetCalendarToken(ctx context.Context, committeeID int64, by string) (string, error) {
	var token string
	err := db.inTx(ctx, "reset calendar token", func(tx *Tx) error {
		if err := tx.GetContext(ctx, &token, `UPDATE committees SET calendar_token = `+newCalendarToken+`
			WHERE id = $1 RETURNING calendar_token`, committeeID); err != nil {
			return err
		}
		if err := audit(ctx, tx, committeeID, by, "calendar_reset", "", nil); err != nil {
			return err
		}
		return markHomesStale(ctx, tx, committeeID, nil)
	})
	return token, err
}
