package bot_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

const rename = "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together."

// importedCommittee is the test committee with the minutes in the seed
// pack imported.
func importedCommittee(t *testing.T) *bottest.Kit {
	t.Helper()
	k := newCommittee(t)
	im, err := k.Service.ImportMinutes(context.Background(), mustCommittee(t, k.DB), commands.SamplePack, officer)
	if err != nil || im.Outcome != commands.MinutesImported {
		t.Fatalf("import: %v, %v", im.Outcome, err)
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
	if got := bottest.PostText(posts[0]); !strings.Contains(got, rename) {
		t.Errorf("shared text lacks the resolution word for word:\n%s", got)
	}
	// A forged value names nothing.
	k.Interact(bottest.ButtonPayload(neil, "resolution.share", "999999", hook.URL()))
	if got := hook.Last(); strings.Contains(got, "re-named") {
		t.Errorf("a forged share value shared something: %q", got)
	}
}
