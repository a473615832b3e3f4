package bot

import (
	"encoding/json"
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
