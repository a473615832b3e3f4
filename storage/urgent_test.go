package storage_test

import (
	"context"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// TestUrgentBusinessMigration: migration 00060 leaves the items already
// on agendas as they were, not urgent; an item added after it keeps the
// reason for its urgency; and it goes down and up again with the items
// kept (the reasons, which only it holds, go with it).
func TestUrgentBusinessMigration(t *testing.T) {
	ctx := context.Background()
	db, _, meetingID, _ := heldMeeting(t)
	if err := db.MigrateDownTo(ctx, 59); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title, added_by)
		VALUES ($1, '4', 4, 'Local Policing Update', 'UOFF')`, meetingID); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	urgent := commands.AgendaItem{Number: "5", Title: "Flooding at Marsh Lane", Urgency: "the warning came after the agenda was published"}
	if err := db.ChangeAgenda(ctx, meetingID, []commands.AgendaChange{{Add: &urgent, Urgent: true}}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	items, err := db.AgendaItems(ctx, meetingID)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Urgency != "" || items[1].Urgency != urgent.Urgency {
		t.Fatalf("after the migration: %+v; want item 4 not urgent, item 5 with its reason", items)
	}
	if err := db.MigrateDownTo(ctx, 59); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM agenda_items WHERE meeting_id = $1`, meetingID).Scan(&n); err != nil || n != 2 {
		t.Fatalf("after down: %d items, %v; want both kept", n, err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if items, err = db.AgendaItems(ctx, meetingID); err != nil || len(items) != 2 || items[1].Urgency != "" {
		t.Errorf("after down and up: %+v, %v; want both items, not urgent", items, err)
	}
}
