package storage

import (
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
		added(2, "4"), // added as 4 once the closing item moved on (same transaction, listed first)
		moved("4", "5"),
		added(3, "7a"), // added as 7a, moved to 7.11, removed as 7.11
		moved("7a", "7.11"),
		removed(3, "7.11"),
		added(4, "5"), // added as 5 after the closing item moved on again
		moved("5", "6"),
		changeRow{MeetingID: 2, Branch: branchItemAdded, ID: 9, Item: "6"}, // another meeting's item 6, never moved
	}
	numberAgendaAsThen(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.Item)
	}
	if diff := cmp.Diff(got, []string{"4", "4", "4", "7a", "7a", "7.11", "5", "5", "6"}); diff != "" {
		t.Errorf("numbers (-got +want):\n%s", diff)
	}
}
