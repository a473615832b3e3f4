package bot_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/bottest"
	"github.com/quorumhq/quorum/commands"
)

const rename = "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together."

func seedPack(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/safer-sefton-together-2022-03-17-agenda-pack.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// submitMinutes pastes text into the /minutes import form as user.
// seedMinutes is the minutes of 9 December 2021 cut from the seed pack, as
// an officer would copy them from the published PDF.
func seedMinutes(t *testing.T) string {
	t.Helper()
	pack := seedPack(t)
	start := strings.Index(pack, "THIS SET OF MINUTES")
	end := strings.Index(pack, " National Refresh")
	if start < 0 || end < start {
		t.Fatal("the seed pack has no minutes where expected")
	}
	return pack[start:end]
}

func submitMinutes(t *testing.T, k *bottest.Kit, user, text string) (commands.Reply, map[string]string) {
	t.Helper()
	r := commands.Request{TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: user, Now: k.Now()}
	open, err := k.Service.Run(context.Background(), commands.Request{Command: "/minutes", Text: "import", TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: user, Now: k.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if open.Form == nil {
		return open, nil
	}
	// A form's submission comes without a channel; the form carries it.
	r.ChannelID = ""
	// Pasted as a person would: 3,000 characters a box, as Slack allows.
	values := map[string][]string{}
	for _, f := range open.Form.Fields {
		n := min(len(text), f.MaxLen)
		if n == 0 {
			break
		}
		cut := strings.LastIndex(text[:n], "\n") + 1
		if n == len(text) || cut == 0 {
			cut = n
		}
		values[f.ID] = []string{text[:cut]}
		text = text[cut:]
	}
	if text != "" {
		t.Fatalf("%d characters did not fit in the form", len(text))
	}
	reply, fieldErrs, err := k.Service.Submit(context.Background(), r, commands.Submission{
		Form: open.Form.ID, Metadata: open.Form.Metadata, Values: values,
	})
	if err != nil {
		t.Fatal(err)
	}
	return reply, fieldErrs
}

// importedCommittee is the test committee with the seed minutes imported.
func importedCommittee(t *testing.T) *bottest.Kit {
	t.Helper()
	k := newCommittee(t)
	reply, fieldErrs := submitMinutes(t, k, officer, seedMinutes(t))
	want := "Imported the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: 10 minutes (20–29), 8 resolutions, 14 present, 3 apologies, no declarations of interest."
	if reply.Text != want || fieldErrs != nil {
		t.Fatalf("import: %q %v\nwant %q", reply.Text, fieldErrs, want)
	}
	return k
}

// buttonValues lists a reply's buttons as action → values.
func buttonValues(r bottest.Reply) map[string][]string {
	out := map[string][]string{}
	for _, b := range r.Blocks {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					name, _, _ := strings.Cut(btn.ActionID, "#")
					out[name] = append(out[name], btn.Value)
				}
			}
		}
	}
	return out
}

// TestMinutesImportForm: over HTTP, /minutes import opens its form as a
// modal.
func TestMinutesImportForm(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/minutes", "import")
	if calls := k.Slack.Calls("views.open"); len(calls) != 1 || !strings.Contains(calls[0].Arg("view"), "Import minutes") {
		t.Errorf("views.open calls = %d; want the minutes form opened", len(calls))
	}
}

// TestShareResolutionThroughSlack presses "Share in channel" as Slack sends
// it, a signed block_actions payload: the resolution goes to the channel,
// word for word, through the payload's response_url.
func TestShareResolutionThroughSlack(t *testing.T) {
	k := importedCommittee(t)
	r := k.Must(neil, "/resolution", "28")
	values := buttonValues(r)["resolution.share"]
	if len(values) != 1 {
		t.Fatalf("share buttons = %v, want one", values)
	}
	hook := k.NewHook()
	status, body := k.Interact(bottest.ButtonPayload(neil, "resolution.share", values[0], hook.URL()))
	if status != http.StatusOK || len(body) != 0 {
		t.Fatalf("button: %d %q", status, body)
	}
	posts := hook.Posts()
	if len(posts) != 1 {
		t.Fatalf("%d posts to the response_url, want 1", len(posts))
	}
	if rt, _ := posts[0]["response_type"].(string); rt != "in_channel" {
		t.Errorf("response_type = %q, want in_channel: the chair quotes it to everyone", rt)
	}
	if got := bottest.PostText(posts[0]); !strings.Contains(got, "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together.") {
		t.Errorf("shared text lacks the resolution word for word:\n%s", got)
	}
	// A forged value names nothing.
	k.Interact(bottest.ButtonPayload(neil, "resolution.share", "999999", hook.URL()))
	if got := hook.Last(); strings.Contains(got, "re-named") {
		t.Errorf("a forged share value shared something: %q", got)
	}
}

