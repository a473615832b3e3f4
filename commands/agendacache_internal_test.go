package commands

import (
	"strings"
	"testing"
	"time"
)

// The agendas kept hold no more than agendasBudget: thirty-two agendas of
// megabytes each (tens of thousands of declarations) were all kept, for as
// long as the process ran. Within the budget, the least recently built go
// first, and the agenda asked about last is kept.
func TestAgendasKeptWithinTheirBudget(t *testing.T) {
	var b builtAgendas
	long := strings.Repeat("Councillor Neil Frackelton (SWACA), item 5, personal: trustee of a charity. ", 20000) // 1.5 MB
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	for i := range int64(agendasKept) {
		b.put(&builtAgenda{meeting: Meeting{ID: i + 1}, built: at.Add(time.Duration(i) * time.Second),
			reply: Reply{Header: "Agenda", Sections: []Section{{Title: "Declarations", Text: long}}}})
	}
	if b.held > agendasBudget {
		t.Errorf("%d agendas of %d KiB kept %d KiB; the budget is %d KiB", agendasKept, len(long)>>10, b.held>>10, agendasBudget>>10)
	}
	held := 0
	for _, e := range b.entries {
		held += e.reply.size()
	}
	if held != b.held {
		t.Errorf("the entries hold %d bytes, counted as %d", held, b.held)
	}
	if b.get(agendasKept) == nil {
		t.Error("the agenda built last is not kept")
	}
	if b.get(1) != nil {
		t.Error("the agenda built first is still kept, over the budget")
	}

	// Small agendas are kept as before, up to agendasKept of them, and
	// an agenda built again for its meeting replaces its own entry.
	var small builtAgendas
	for i := range int64(agendasKept + 2) {
		small.put(&builtAgenda{meeting: Meeting{ID: i%(agendasKept+1) + 1}, built: at.Add(time.Duration(i) * time.Second),
			reply: Reply{Header: "Agenda", Text: "Apologies: Sue Holden."}})
	}
	if len(small.entries) != agendasKept {
		t.Errorf("%d small agendas kept, want %d", len(small.entries), agendasKept)
	}
	if small.get(1) == nil || small.get(2) != nil {
		t.Error("the meeting asked about again is not the one kept; the least recently built should have gone")
	}
	// One over the whole budget is kept alone, rather than built again
	// at every ask.
	huge := strings.Repeat(long, 3)
	small.put(&builtAgenda{meeting: Meeting{ID: 99}, built: at.Add(time.Hour), reply: Reply{Text: huge}})
	if small.get(99) == nil || len(small.entries) != 1 {
		t.Errorf("an agenda of %d KiB, over the whole budget, is not kept alone: %d kept", len(huge)>>10, len(small.entries))
	}
}
