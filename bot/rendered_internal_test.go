package bot

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// A large reply's JSON is kept for the same reply asked for again, and
// never handed out for a reply that differs from it in any way shown.
func TestRenderedLargeRepliesAreTheirOwn(t *testing.T) {
	var k renderedReplies
	names := strings.Repeat("Neil Frackelton (SWACA), ", 1200)
	agenda := commands.Reply{Visibility: commands.Private, Header: "Agenda — Safer Sefton Together", Text: "*Thursday 10 December 2026, 10:00*",
		Sections: []commands.Section{{Title: "Apologies", Text: "Apologies for absence were received from " + names + "Sue Holden."}}}
	decode := func(b []byte) string {
		t.Helper()
		var r struct {
			ResponseType string `json:"response_type"`
			Blocks       []struct {
				Text struct {
					Text string `json:"text"`
				} `json:"text"`
			} `json:"blocks"`
		}
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		var text strings.Builder
		for _, b := range r.Blocks {
			text.WriteString(b.Text.Text)
		}
		return r.ResponseType + " " + text.String()
	}
	first := decode(k.json(agenda))
	if again := decode(k.json(cloned(agenda))); again != first {
		t.Error("the same reply answered twice differs")
	}
	if !strings.HasSuffix(first, "Sue Holden.") || !strings.HasPrefix(first, "ephemeral ") {
		t.Errorf("the reply's end or visibility is lost: %.40q … %q", first, first[len(first)-40:])
	}

	changed := cloned(agenda)
	changed.Sections[0].Text = strings.Replace(changed.Sections[0].Text, "Sue Holden.", "Sue Holden and Ian Barton.", 1)
	if got := decode(k.json(changed)); !strings.HasSuffix(got, "Sue Holden and Ian Barton.") {
		t.Errorf("a changed reply was answered with the kept one: … %q", got[len(got)-40:])
	}
	public := cloned(agenda)
	public.Visibility = commands.Public
	if got := decode(k.json(public)); !strings.HasPrefix(got, "in_channel ") {
		t.Errorf("a reply to the channel was answered as the private one: %.20q", got)
	}
	if got := decode(k.json(agenda)); got != first {
		t.Error("the first reply, asked for again, changed")
	}
}

func cloned(r commands.Reply) commands.Reply {
	r.Sections = append([]commands.Section(nil), r.Sections...)
	return r
}

// The replies kept hold no more than renderedBudget however long their
// text: agendas of tens of thousands of declarations, each changed and
// asked for again, once kept 13 MiB, which left the collector running
// all the time under serve's memory limit.
func TestRenderedRepliesKeptWithinTheirBudget(t *testing.T) {
	var k renderedReplies
	declarations := strings.Repeat("Councillor Neil Frackelton (SWACA), item 5, personal: trustee of a charity for young people. ", 15000)
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	var last commands.Reply
	for i := range 2 * renderedKept {
		last = commands.Reply{Header: "Agenda — Safer Sefton Together",
			Sections: []commands.Section{{Title: "Declarations", Text: fmt.Sprintf("Version %d. %s", i, declarations)}}}
		if b := k.json(last); len(b) > 200<<10 {
			t.Fatalf("a message of %d KiB: more than Slack takes", len(b)>>10)
		}
	}
	held := int64(heap()) - int64(before)
	runtime.KeepAlive(&k)
	if held > 2*renderedBudget {
		t.Errorf("%d replies of %d KiB asked for left %d KiB held; at most %d KiB should be kept", 2*renderedKept, len(declarations)>>10, held>>10, renderedBudget>>10)
	}
	if k.held > renderedBudget {
		t.Errorf("kept %d bytes against a budget of %d", k.held, renderedBudget)
	}
	if got := k.json(cloned(last)); !strings.Contains(string(got), "Version 15.") {
		t.Error("the last reply asked for again is not its own")
	}

	// One larger than the whole budget is kept alone, not laid out again
	// at every ask.
	huge := commands.Reply{Header: "Agenda — Safer Sefton Together", Sections: []commands.Section{{Title: "Declarations", Text: declarations + declarations}}}
	first := k.json(huge)
	if again := k.json(cloned(huge)); &again[0] != &first[0] {
		t.Error("a reply over the budget, asked for again, was laid out again")
	}
	kept := 0
	for _, e := range k.entries {
		if e.json != nil {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("%d replies kept beside one over the budget; it should be kept alone", kept)
	}
}
