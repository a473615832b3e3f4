package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestMigrationRegisterOfInterests migrates a database filled under the
// schema before 00019: its committees get the £50 gift threshold, and
// their members can keep registers at once; an entry's end is written once.
func TestMigrationRegisterOfInterests(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, pgtest.EmptyDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.MigrateUpTo(ctx, 15); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := db.SQL().QueryRowContext(ctx, `INSERT INTO committees (name, team_id, channel_id) VALUES ('Old', 'T1', 'C1') RETURNING id`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO members (committee_id, user_id, name) VALUES ($1, 'U1', 'Neil')`, id); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if p, err := db.GiftThreshold(ctx, id); err != nil || p != commands.DefaultGiftThresholdPence {
		t.Errorf("gift threshold = %d, %v; want %d", p, err, commands.DefaultGiftThresholdPence)
	}
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	day := commands.Date{Year: 2026, Month: time.November, Day: 23}
	e, err := db.AddInterest(ctx, commands.Interest{CommitteeID: id, UserID: "U1", Name: "Neil", Category: commands.CategoryOther,
		Description: "Trustee of SWACA", StartedOn: day, AddedBy: "U1", AddedAt: at}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.EndInterest(ctx, e.ID, day, "U1", at, nil); err != nil {
		t.Fatal(err)
	}
	// The end is written once.
	if err := db.EndInterest(ctx, e.ID, day, "U1", at, nil); !errors.Is(err, commands.ErrConflict) {
		t.Errorf("ending twice: %v, want ErrConflict", err)
	}
	got, err := db.Interest(ctx, e.ID)
	if err != nil || !got.Ended || got.EndedOn != day || got.Description != "Trustee of SWACA" {
		t.Errorf("ended entry = %+v, %v", got, err)
	}
	states, err := db.RegisterStates(ctx)
	if err != nil || len(states) != 1 || !states[0].ReviewedAt.Equal(at) {
		t.Errorf("register states = %+v, %v; want Neil reviewed at %v", states, err, at)
	}
}
