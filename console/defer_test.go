package console_test

import (
	"strings"
	"testing"
	"time"
)

// TestConsoleDeferredItem: an item deferred at the sample meeting is
// minuted so, and the officer reading the next meeting's agenda in the
// console is offered it with the command that adds it, which adds it.
func TestConsoleDeferredItem(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	run := runAt(t, sample(t, nil))
	run(time.Date(2026, 12, 9, 12, 0, 0, 0, london), "/agenda add 4 Date of Next Meeting", "/agenda add 5 SWACA — Neil Frackelton")
	got := run(time.Date(2026, 12, 10, 10, 5, 0, 0, london),
		":as trish", "/meeting start", "/here",
		":as ian", "/minute defer 4 The figures were not ready.",
		":as trish", "/meeting close",
		":as ian", "/meeting schedule 2027-01-14 10:00 Remote Meeting", "/agenda 2027-01-14")
	for _, want := range []string{"Deferred to the next meeting: item 4, SWACA.",
		"Consideration of this item was deferred to the next meeting. The figures were not ready.",
		"Deferred to this meeting, not yet on its agenda (officers)",
		"Add it: `/agenda add 2027-01-14 4 SWACA — Neil Frackelton`"} {
		if !strings.Contains(got, want) {
			t.Errorf("the console lacks %q:\n%s", want, got)
		}
	}
	got = run(time.Date(2027, 1, 9, 9, 0, 0, 0, london), ":as ian", "/agenda add 2027-01-14 4 SWACA — Neil Frackelton", "/agenda 2027-01-14")
	if strings.Contains(got, "Deferred to this meeting") {
		t.Errorf("the agenda still offers the item added:\n%s", got)
	}
}
