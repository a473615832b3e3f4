package storage

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNumberAgendaAsThen: an item's added and removed entries give the
// number it had then, however it was moved since.
func TestNumberAgendaAsThen(t *testing.T) {
	added := func(id int64, now string) changeRow {
		return changeRow{MeetingID: 1, Branch: branchItemAdded, ID: id, Item: now}
	}
	removed := func(id int64, then string) changeRow {
		return changeRow{MeetingID: 1, Branch: branchItemRemoved, ID: id, Item: then}
	}
	moved := func(from, to string) changeRow {
		return changeRow{MeetingID: 1, Branch: branchItemMoved, Item: from, Detail: "to " + to}
	}
	rows := []changeRow{
		added(1, "6"), // Date of Next Meeting, added as 4, now 6
		moved("4", "5"),
		added(2, "4"),  // added as 4 once the closing item moved on (same transaction, listed after the move)
		added(3, "7a"), // added as 7a, moved to 7.11, removed as 7.11
		moved("7a", "7.11"),
		removed(3, "7.11"),
		moved("5", "6"),
		added(4, "5"), // added as 5 after the closing item moved on again
		changeRow{MeetingID: 2, Branch: branchItemAdded, ID: 9, Item: "6"}, // another meeting's item 6, never moved
	}
	for i := range rows {
		if rows[i].Branch == branchItemAdded {
			rows[i].Detail = fmt.Sprintf("Item %d", rows[i].ID)
		}
	}
	numberAgendaAsThen(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.Item+" "+r.Detail)
	}
	want := []string{"4 Item 1", "4 to 5 — Item 1", "4 Item 2", "7a Item 3", "7a to 7.11 — Item 3", "7.11 ", "5 to 6 — Item 1", "5 Item 4", "6 Item 9"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("numbers and titles (-got +want):\n%s", diff)
	}
}
