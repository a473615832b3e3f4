package bot_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestRenderGolden(t *testing.T) {
	long := strings.Repeat("Apologies for absence were received from Neil Frackelton (SWACA).\n", 60)
	cases := map[string]commands.Reply{
		"private-text": {Text: "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.\nReason: Unwell",
			Buttons: []commands.Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: "42", Style: "danger"}}},
		"public-sections": {Visibility: commands.Public, Text: "*Safer Sefton Together* will meet on Thursday 10 December 2026, 10:00.",
			Sections: []commands.Section{{Title: "Reasons (shown to officers only)", Text: "• Neil Frackelton: Unwell"}}},
		"escaped-user-text": {Text: "Reason: " + commands.Escape("<!channel> & <@U123> look")},
		"long-text-split":   {Text: long},
		"agenda": func() commands.Reply {
			london, _ := time.LoadLocation("Europe/London")
			c := commands.Committee{ID: 1, Name: "Safer Sefton Together", TimeZone: "Europe/London"}
			m := commands.Meeting{ID: 7, StartsAt: time.Date(2022, 3, 17, 10, 0, 0, 0, london), Venue: "Remote Meeting"}
			items := []commands.AgendaItem{
				{Number: "1", Title: "Apologies for Absence", Standard: true},
				{Number: "7", Title: "Violence against Women and Girls - Partner Reports"},
				{Number: "7.5", Title: "SWACA", Presenter: "Neil Frackleton"},
				{Number: "8", Title: "Date of Next Meeting", Standard: true},
			}
			reports := []commands.AgendaReport{{Item: "7.5", Name: "Neil Frackelton", URL: "https://example.org/swaca.pdf", Title: "SWACA report"}}
			as := []commands.Apology{{Name: "Tony Harland", Organisation: "MFRA"}}
			return commands.AgendaReply(c, m, items, reports, as)
		}(),
		"too-many-blocks": func() commands.Reply {
			r := commands.Reply{Text: "Items"}
			for i := 0; i < 80; i++ {
				r.Sections = append(r.Sections, commands.Section{Title: "Item", Text: "text"})
			}
			r.Buttons = []commands.Button{{Label: "A", Action: "x", Value: "1"}, {Label: "B", Action: "x", Value: "2"}}
			return r
		}(),
	}
	for name, reply := range cases {
		t.Run(name, func(t *testing.T) {
			msg := bot.Message(reply)
			got, err := json.MarshalIndent(msg, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if len(msg.Blocks) > 50 {
				t.Errorf("%d blocks; Slack allows 50", len(msg.Blocks))
			}
			for _, b := range msg.Blocks {
				raw, _ := json.Marshal(b)
				var sec struct {
					Text struct{ Text string } `json:"text"`
				}
				_ = json.Unmarshal(raw, &sec)
				if len(sec.Text.Text) > 3000 {
					t.Errorf("a section holds %d characters; Slack allows 3000", len(sec.Text.Text))
				}
			}
			path := filepath.Join("testdata", "render", name+".golden.json")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./bot -run TestRenderGolden -update to create it)", err)
			}
			if string(got)+"\n" != string(want) {
				t.Errorf("rendering of %s changed; got:\n%s\nwant:\n%s", name, got, want)
			}
		})
	}
}
