package bot_test

import (
	"encoding/json"
	"testing"
)

// TestHomeButtonsSayWhichCommittee: a member of two committees has a
// "Send apologies" button on each one's card. A screen reader moving from
// button to button reads each alone, so the label it reads names the
// committee, after the words shown.
func TestHomeButtonsSayWhichCommittee(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Bootle Town Hall")
	const second = "C2"
	wantText(t, slashIn(t, k, second, officer, "/committee", "setup Sefton Youth Forum"), "is now the channel of")
	wantText(t, slashIn(t, k, second, officer, "/committee", "member add <@"+neil+"> SWACA"), "is now")
	wantText(t, slashIn(t, k, second, officer, "/meeting", "schedule 2026-12-03 18:00 Bootle Town Hall"), "will meet")
	openHomes(t, k, neil)
	home := settledHome(t, k, neil)
	hs := homesOf(k, neil)
	var view struct {
		Blocks []struct {
			Elements []struct {
				Type  string          `json:"type"`
				Text  json.RawMessage `json:"text"`
				Label string          `json:"accessibility_label"`
			} `json:"elements"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(hs[len(hs)-1]), &view); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range view.Blocks {
		for _, e := range b.Elements {
			var text struct{ Text string }
			if e.Type == "button" && json.Unmarshal(e.Text, &text) == nil && text.Text == "Send apologies" {
				got = append(got, e.Label)
			}
		}
	}
	want := map[string]bool{"Send apologies, Safer Sefton Together": true, "Send apologies, Sefton Youth Forum": true}
	if len(got) != 2 || !want[got[0]] || !want[got[1]] || got[0] == got[1] {
		t.Fatalf("Send apologies buttons read aloud as %q, want one for each committee:\n%s", got, home)
	}
}
