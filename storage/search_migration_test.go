package storage_test

import (
	"context"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// TestNarrativeHyphensMigration: after migration 00061 a search for
// "antisocial" finds a minute whose narrative alone writes "anti-social",
// as it found one whose title or resolution does; it goes down (where the
// narrative's hyphenated words are not indexed joined) and up again with
// the minutes kept.
func TestNarrativeHyphensMigration(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	narrative := "The Board heard of anti-social behaviour in Bootle parks."
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, day.Location()), Item: "4",
		Number: "4", Position: 1, Title: "PARKS", Narrative: &narrative, Action: "minuted", By: "UOFF"}); err != nil {
		t.Fatal(err)
	}
	found := func() int {
		t.Helper()
		ms, _, err := db.SearchMinutes(ctx, c.ID, "antisocial", 6)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	if n := found(); n != 1 {
		t.Fatalf("antisocial found %d minutes, want the one whose narrative says anti-social", n)
	}
	if err := db.MigrateDownTo(ctx, 60); err != nil {
		t.Fatal(err)
	}
	if n := found(); n != 0 {
		t.Errorf("below 00061, antisocial found %d minutes; want none", n)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if n := found(); n != 1 {
		t.Errorf("after down and up, antisocial found %d minutes, want 1", n)
	}
}
