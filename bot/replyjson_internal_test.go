package bot

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// replyJSONCases are replies of every shape Message makes: a header, a
// footer, sections, text split across blocks, more blocks than fit,
// buttons of each style and twice one action, and text with everything
// JSON escapes.
func replyJSONCases() map[string]commands.Reply {
	london, _ := time.LoadLocation("Europe/London")
	c := commands.Committee{ID: 1, Name: "Safer Sefton Together", TimeZone: "Europe/London"}
	m := commands.Meeting{ID: 7, StartsAt: time.Date(2022, 3, 17, 10, 0, 0, 0, london), Venue: "Remote Meeting"}
	items := []commands.AgendaItem{
		{Number: "1", Title: "Apologies for Absence", Standard: true},
		{Number: "7.5", Title: "SWACA", Presenter: "Neil Frackleton"},
	}
	many := commands.Reply{Header: "Items", Text: "All of them", Footer: "Shown to officers only"}
	for range 80 {
		many.Sections = append(many.Sections, commands.Section{Title: "Item", Text: "text"})
	}
	many.Buttons = []commands.Button{{Label: "A", Action: "x", Value: "1"}, {Label: "B", Action: "x", Value: "2", Style: "primary"}}
	return map[string]commands.Reply{
		"apology": {Text: "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.\nReason: Unwell",
			Buttons: []commands.Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: "42", Style: "danger"}}},
		"public": {Visibility: commands.Public, Text: "*Safer Sefton Together* will meet on Thursday 10 December 2026, 10:00.",
			Sections: []commands.Section{{Title: "Reasons (shown to officers only)", Text: "• Neil Frackelton: Unwell"}}},
		"escapes": {Header: "<Committee> & \"friends\"", Text: "Reason: " + commands.Escape("<!channel> & <@U123>") +
			"\t\\ \b\f\r\x00\x1f\u2028\u2029 \xff\xfe é ✓ 🙂", Footer: "a\nb"},
		"long":   {Text: strings.Repeat("Apologies for absence were received from Neil Frackelton (SWACA).\n", 120)},
		"agenda": commands.AgendaReply(c, m, items, nil, []commands.Apology{{Name: "Tony Harland", Organisation: "MFRA"}}, nil),
		"many":   many,
		"empty":  {},
	}
}

func TestReplyJSONIsWhatEncodingJSONWrites(t *testing.T) {
	for name, r := range replyJSONCases() {
		t.Run(name, func(t *testing.T) {
			checkReplyJSON(t, r)
		})
	}
}

func checkReplyJSON(t *testing.T, r commands.Reply) {
	t.Helper()
	m := Message(r)
	want, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := appendResponse([]byte("kept"), m)
	if !ok {
		t.Fatalf("a reply Message makes was not encoded: %s", want)
	}
	if !bytes.HasPrefix(got, []byte("kept")) || !bytes.Equal(got[4:], want) {
		t.Fatalf("encoded\n%s\nencoding/json writes\n%s", got, want)
	}
	if got := rendered.json(r); !bytes.Equal(got, append(want, '\n')) {
		t.Fatalf("answered with\n%s\nwant\n%s", got, want)
	}
}

// Blocks of the kinds Message makes but with no elements, or other
// fields left empty, encode as encoding/json writes them too.
func TestReplyJSONEmptyBlocks(t *testing.T) {
	m := Response{ReplaceOriginal: true, Blocks: []slack.Block{
		slack.NewActionBlock(""), &slack.ActionBlock{Type: slack.MBTAction, BlockID: "a"},
		slack.NewContextBlock("c"), slack.NewSectionBlock(nil, nil, nil), slack.NewHeaderBlock(nil),
		slack.NewActionBlock("", slack.NewButtonBlockElement("", "", nil)),
	}}
	want, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := appendResponse(nil, m)
	if !ok || !bytes.Equal(got, want) {
		t.Fatalf("encoded (%v)\n%s\nencoding/json writes\n%s", ok, got, want)
	}
}

// Blocks Message does not make are left to encoding/json, and what had
// been appended is taken back.
func TestReplyJSONLeavesOtherBlocksToEncodingJSON(t *testing.T) {
	text := slack.NewTextBlockObject(slack.MarkdownType, "x", false, false)
	for name, b := range map[string]slack.Block{
		"image":     slack.NewImageBlock("https://example.org/a.png", "a", "", nil),
		"fields":    slack.NewSectionBlock(nil, []*slack.TextBlockObject{text}, nil),
		"accessory": slack.NewSectionBlock(text, nil, slack.NewAccessory(slack.NewButtonBlockElement("a", "b", text))),
		"url button": slack.NewActionBlock("", func() *slack.ButtonBlockElement {
			b := slack.NewButtonBlockElement("a", "b", text)
			b.URL = "https://example.org"
			return b
		}()),
		"image in context": slack.NewContextBlock("", slack.NewImageBlockElement("https://example.org/a.png", "a")),
		"nil":              nil,
	} {
		t.Run(name, func(t *testing.T) {
			m := Response{Text: "t", Blocks: []slack.Block{slack.NewDividerBlock(), b}}
			got, ok := appendResponse([]byte("kept"), m)
			if ok || string(got) != "kept" {
				t.Fatalf("got %q, %v; want it left to encoding/json", got, ok)
			}
		})
	}
}

func FuzzReplyJSON(f *testing.F) {
	f.Add("Header", "text <&>", "footer", "title", "section\n", "Withdraw", "apologies.withdraw", "42", "danger", true)
	f.Add("", "\u2028\xff\x00\"\\", "", "", "", "", "", "", "primary", false)
	f.Fuzz(func(t *testing.T, header, text, footer, title, section, label, action, value, style string, public bool) {
		r := commands.Reply{Header: header, Text: text, Footer: footer,
			Sections: []commands.Section{{Title: title, Text: section}, {Title: section, Text: title}},
			Buttons:  []commands.Button{{Label: label, Action: action, Value: value, Style: style}, {Label: value, Action: action}}}
		if public {
			r.Visibility = commands.Public
		}
		checkReplyJSON(t, r)
	})
}

func BenchmarkReplyJSON(b *testing.B) {
	r := replyJSONCases()["apology"]
	// What a command's answer costs to encode, as it is encoded
	// (rendered.json), against what it cost through encoding/json.
	b.Run("rendered", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rendered.json(r)
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(Message(r)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
