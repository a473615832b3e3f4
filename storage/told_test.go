package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

// toldNeil counts the direct messages to Neil queued so far.
func toldNeil(t *testing.T, db *storage.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT count(*) FROM outbox WHERE kind = 'dm' AND user_id = 'UNEIL'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNoticeQueuedOnlyWithItsWrite: the message telling Neil of apologies
// entered for him is queued with them, and not when nothing is written:
// the same apologies again, apologies refused because the meeting moved,
// a withdrawal of apologies that do not stand.
func TestNoticeQueuedOnlyWithItsWrite(t *testing.T) {
	db, c, m := keepKit(t)
	ctx := context.Background()
	notice := &commands.OutboxMessage{CommitteeID: c.ID, Kind: commands.OutboxDM, UserID: "UNEIL", Reply: commands.Reply{Text: "Ian entered your apologies."}}
	a := commands.Apology{MeetingID: m.ID, UserID: "UNEIL", Name: "Neil Frackelton", Reason: "Unwell", By: "UOFF", MeetingStartsAt: m.StartsAt}
	moved := a
	moved.MeetingStartsAt = m.StartsAt.Add(time.Hour)
	if _, err := db.UpdateApology(ctx, moved, commands.ApologyKeep{}, notice); !errors.Is(err, commands.ErrConflict) {
		t.Fatalf("apologies for a meeting moved meanwhile: %v, want ErrConflict", err)
	}
	if err := db.WithdrawApology(ctx, m, "UNEIL", "UOFF", time.Time{}, notice); !errors.Is(err, commands.ErrNotFound) {
		t.Fatalf("withdrawing apologies that do not stand: %v, want ErrNotFound", err)
	}
	if n := toldNeil(t, db); n != 0 {
		t.Fatalf("%d messages queued with nothing written", n)
	}
	for range 2 {
		if _, err := db.UpdateApology(ctx, a, commands.ApologyKeep{}, notice); err != nil {
			t.Fatal(err)
		}
	}
	if n := toldNeil(t, db); n != 1 {
		t.Errorf("%d messages queued for apologies sent and then the same again, want 1", n)
	}
	if err := db.WithdrawApology(ctx, m, "UNEIL", "UOFF", time.Time{}, notice); err != nil {
		t.Fatal(err)
	}
	if n := toldNeil(t, db); n != 2 {
		t.Errorf("%d messages queued after the withdrawal, want 2", n)
	}
}
