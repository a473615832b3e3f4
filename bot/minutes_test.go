package bot_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

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

// TestMinutesDraftNamesTheLastMeetingHeld: the seed pack's programme
// schedules four meetings (June 2022 to March 2023) that Quorum has no
// record of; the draft's "Minutes of Previous Meeting" names the last
// meeting held instead, and later the last one with records of its own.
func TestMinutesDraftNamesTheLastMeetingHeld(t *testing.T) {
	k := importedCommittee(t)
	ctx := context.Background()
	if _, _, err := commands.ImportAgenda(ctx, k.DB, mustCommittee(t, k.DB), commands.SamplePack, officer); err != nil {
		t.Fatal(err)
	}
	k.Must(officer, "/meeting", "schedule 10/12/2026 10:00 Remote Meeting")
	r := k.Must(officer, "/minutes", "draft")
	wantText(t, r, "the minutes to confirm are those of the meeting held on 17 March 2022, which are not on record in Quorum for /minutes approve to confirm.")
	if strings.Contains(r.Text(), "16 March 2023") {
		t.Errorf("the draft names a programme meeting that was never held:\n%s", r.Text())
	}

	// Two meetings scheduled in Slack: members sent apologies for the
	// first; nothing at all happened in Quorum for the second.
	k.Must(officer, "/meeting", "schedule 26/11/2026 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "schedule 30/11/2026 10:00 Remote Meeting")
	wantText(t, k.Must(neil, "/apologies", "26/11/2026 Unwell"), "are recorded")
	k.SetNow(time.Date(2026, 12, 1, 12, 0, 0, 0, london))
	wantText(t, k.Must(officer, "/minutes", "draft"), "the minutes to confirm are those of the meeting held on 26 November 2026, which are not on record in Quorum for /minutes approve to confirm.")
}

// TestMunicipalYearStartPerCommittee: a committee whose municipal year
// starts in January numbers the minutes of its first meeting in January
// afresh from 1, where one starting in May (the default) numbers on.
func TestMunicipalYearStartPerCommittee(t *testing.T) {
	k := decisionsDay(t)
	wantText(t, k.Must(neil, "/committee", "year-start"), "The municipal year of *Safer Sefton Together* starts in May")
	k.Must(officer, "/resolve", "7.7 That the report be noted.")
	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")

	wantText(t, k.Must(neil, "/committee", "year-start January"), "Only an officer of Safer Sefton Together can change the municipal year.")
	wantText(t, k.Must(officer, "/committee", "year-start Smarch"), `"Smarch" is not a month.`, "Usage:")
	wantText(t, k.Must(officer, "/committee", "year-start jan"), "The municipal year of *Safer Sefton Together* starts in January")
	wantText(t, k.Must(graeme, "/committee", "year-start"), "starts in January")

	k.SetNow(time.Date(2027, 1, 14, 10, 5, 0, 0, london))
	k.Must(sue, "/meeting", "start")
	wantText(t, k.Must(officer, "/resolve", "4 That the next meeting be held on 11 February 2027."),
		"Resolved under item 4: minute 4 of the meeting on Thursday 14 January 2027")
	wantText(t, k.Must(officer, "/minutes", "draft"),
		"Numbering starts again at 1: the last minutes on record (minute 5, Thursday 10 December 2026) are of the previous municipal year.")
	wantText(t, k.Must(officer, "/committee", "year-start 5"), "starts in May")
}
