package bot_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
