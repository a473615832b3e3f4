package bot_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

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
			reports := []commands.ReportLink{{Item: "7.5", Name: "Neil Frackelton", URL: "https://example.org/swaca.pdf", Title: "SWACA report"}}
			as := []commands.Apology{{Name: "Tony Harland", Organisation: "MFRA"}}
			return commands.AgendaReply(c, m, items, reports, as, []commands.Declaration{{Item: "7.5", Name: "Neil Frackelton", Kind: commands.InterestPersonal, Nature: "Trustee of SWACA"}})
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

func TestModalGolden(t *testing.T) {
	declare := commands.Form{
		ID: "declare", Title: "Declare an interest", Submit: "Declare", Metadata: `{"c":"C1","m":"42"}`,
		Fields: []commands.Field{
			{ID: "item", Label: "Agenda item", Kind: commands.FieldSelect, Hint: "Meeting on Thursday 10 December 2026, 10:00",
				Options: []commands.Option{{Value: "4", Label: "4 Integrated Offender Management (IOM) Refresh Strategy"}, {Value: "7.5", Label: "7.5 SWACA"}}},
			{ID: "kind", Label: "Kind of interest", Kind: commands.FieldRadio, Initial: "personal", Options: []commands.Option{
				{Value: "pecuniary", Label: "Disclosable pecuniary interest"}, {Value: "personal", Label: "Personal interest"}, {Value: "other", Label: "Other interest"}}},
			{ID: "nature", Label: "Nature of the interest", Kind: commands.FieldTextArea, MaxLen: 1000},
			{ID: "dispensation", Label: "Dispensation", Kind: commands.FieldCheckbox, Optional: true,
				Options: []commands.Option{{Value: "yes", Label: "I hold a dispensation for this interest"}}},
		},
	}
	big := commands.Form{ID: "big", Title: "A title far longer than Slack's twenty-four characters", Submit: "Submit this form now please"}
	many := commands.Field{ID: "many", Label: "Item", Kind: commands.FieldSelect}
	for i := 0; i < 150; i++ {
		many.Options = append(many.Options, commands.Option{Value: fmt.Sprint(i), Label: strings.Repeat("long label ", 10)})
	}
	big.Fields = append(big.Fields, many)
	for i := 0; i < 120; i++ {
		big.Fields = append(big.Fields, commands.Field{ID: fmt.Sprintf("f%d", i), Label: "Field", Kind: commands.FieldText, MaxLen: 9000})
	}
	for name, form := range map[string]commands.Form{"modal-declare": declare, "modal-limits": big} {
		t.Run(name, func(t *testing.T) {
			view := bot.Modal(form)
			if n := len(view.Blocks.BlockSet); n > 100 {
				t.Errorf("%d blocks; Slack allows 100 in a modal", n)
			}
			if n := len(view.Title.Text); n > 24 {
				t.Errorf("title of %d characters; Slack allows 24", n)
			}
			if n := len(view.Submit.Text); n > 24 {
				t.Errorf("submit label of %d characters; Slack allows 24", n)
			}
			got, err := json.MarshalIndent(view, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			var opts struct {
				Blocks []struct {
					Element struct {
						Options []struct {
							Text struct{ Text string } `json:"text"`
						} `json:"options"`
						MaxLength int `json:"max_length"`
					} `json:"element"`
				} `json:"blocks"`
			}
			_ = json.Unmarshal(got, &opts)
			for _, b := range opts.Blocks {
				if len(b.Element.Options) > 100 || b.Element.MaxLength > 3000 {
					t.Errorf("an input has %d options and max_length %d; Slack allows 100 and 3000", len(b.Element.Options), b.Element.MaxLength)
				}
				for _, o := range b.Element.Options {
					if len(o.Text.Text) > 75 {
						t.Errorf("option text of %d characters; Slack allows 75", len(o.Text.Text))
					}
				}
			}
			golden(t, name, got)
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "render", name+".golden.json")
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run TestModalGolden -update to create it)", err)
	}
	if string(got)+"\n" != string(want) {
		t.Errorf("rendering of %s changed; got:\n%s\nwant:\n%s", name, got, want)
	}
}

// TestHeaderInNotificationTextIsEscaped: a header is plain text and may
// hold a committee's name as typed; the notification text Slack reads as
// mrkdwn must not turn it into a mention.
func TestHeaderInNotificationTextIsEscaped(t *testing.T) {
	got := bot.Message(commands.Reply{Header: "Agenda — <!channel> & Co"}).Text
	if want := "Agenda — &lt;!channel&gt; &amp; Co"; got != want {
		t.Errorf("notification text = %q, want %q", got, want)
	}
}

// TestModalHintForOptionsLeftOutIsPlainText: a select of more than 100
// items lists the first 100 and says how to choose the rest. The hint is
// plain text: the command it gives is quoted, not wrapped in backticks
// that show as typed and that a screen reader reads out.
func TestModalHintForOptionsLeftOutIsPlainText(t *testing.T) {
	var opts []commands.Option
	for i := 1; i <= 120; i++ {
		opts = append(opts, commands.Option{Value: fmt.Sprint(i)})
	}
	view := bot.Modal(commands.Form{ID: "declare", Title: "Declare an interest", Fields: []commands.Field{{
		ID: "item", Label: "Agenda item", Kind: commands.FieldSelect, Options: opts, Hint: "Meeting on Thursday 10 December 2026, 10:00",
		More: "`/declare ITEM KIND NATURE` in the channel declares an interest in any item",
	}}})
	in := view.Blocks.BlockSet[0].(*slack.InputBlock)
	want := "Only the first 100 of 120 are listed: “/declare ITEM KIND NATURE” in the channel declares an interest in any item. Meeting on Thursday 10 December 2026, 10:00"
	if in.Hint == nil || in.Hint.Text != want {
		t.Errorf("hint = %+v, want %q", in.Hint, want)
	}
}

// TestModalSelectSaysWhatItChooses: a screen reader announces a select
// by its placeholder rather than by the label above it, so the
// placeholder names what is chosen, not "Choose…" alone.
func TestModalSelectSaysWhatItChooses(t *testing.T) {
	view := bot.Modal(commands.Form{ID: "declare", Title: "Declare an interest", Fields: []commands.Field{{
		ID: "item", Label: "Agenda item", Kind: commands.FieldSelect, Options: []commands.Option{{Value: "4"}, {Value: "7.7"}},
	}}})
	sel := view.Blocks.BlockSet[0].(*slack.InputBlock).Element.(*slack.SelectBlockElement)
	if got, want := sel.Placeholder.Text, "Agenda item: choose…"; got != want {
		t.Errorf("placeholder = %q, want %q", got, want)
	}
}
