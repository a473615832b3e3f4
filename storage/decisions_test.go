package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// TestMigrationKeepsImportedMinutesConfirmed imports minutes under the
// schema before migration 00021, migrates, and checks that they read as
// confirmed — published minutes are — so that nothing can be written over
// them.
func TestMigrationKeepsImportedMinutesConfirmed(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 20)
	c := setupCommittee(t, db)
	london, _ := time.LoadLocation("Europe/London")
	day := time.Date(2021, 12, 9, 0, 0, 0, 0, london)
	held := commands.DateOf(day, london)
	_, meetingID, err := db.ImportMinutes(ctx, commands.MinutesRecord{
		CommitteeID: c.ID, DayStart: day, DayEnd: day.AddDate(0, 0, 1), StartsAt: day.Add(10 * time.Hour), HeldOn: held,
		Hash: "h1", Record: []byte("{}"), By: "UOFF",
		Minutes: []commands.Minute{{Number: "28", Title: "SAFER SEFTON TOGETHER", Resolutions: []commands.Resolution{{Body: "That the Partnership be re-named."}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.MigrateUpTo(ctx, 21); err != nil {
		t.Fatal(err)
	}
	ms, err := db.MinutesByNumber(ctx, c.ID, "28", commands.Date{}, 1)
	if err != nil || len(ms) != 1 {
		t.Fatalf("minutes 28: %v, %v", ms, err)
	}
	if ms[0].Draft {
		t.Error("imported minutes read as a draft after the migration")
	}
	body := "That it be withdrawn."
	_, err = db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: held, Item: "7", Number: "29",
		Resolution: &commands.Resolution{Body: body}, Action: "resolved", By: "UOFF"})
	if !errors.Is(err, commands.ErrConflict) {
		t.Errorf("writing a minute into imported minutes: %v, want ErrConflict", err)
	}
	err = db.ApproveMinutes(ctx, commands.MinutesApproval{MeetingID: meetingID, At: time.Now(), By: "UOFF"})
	if !errors.Is(err, commands.ErrConflict) {
		t.Errorf("approving imported minutes: %v, want ErrConflict", err)
	}

	// Down and up again: the imported minutes are kept, and read as
	// confirmed once more.
	if err := db.MigrateDownTo(ctx, 20); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if ms, err := db.MinutesByNumber(ctx, c.ID, "28", commands.Date{}, 1); err != nil || len(ms) != 1 || ms[0].Draft || ms[0].Resolved() != "That the Partnership be re-named." {
		t.Errorf("minute 28 after down and up: %+v, %v", ms, err)
	}
}
