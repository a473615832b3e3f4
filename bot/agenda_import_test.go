package bot_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/internal/bottest"
)

// importValues is the state of the agenda import form as submitted.
func importValues(text, more string) map[string]map[string]any {
	return map[string]map[string]any{
		"text": {"text": textInput(text)},
		"more": {"more": textInput(more)},
	}
}

// TestAgendaImportOverHTTP imports the seed pack's agenda the way an
// officer does in Slack: /agenda import opens a form, the pasted text is
// submitted, and the meeting with its items is in the database.
func TestAgendaImportOverHTTP(t *testing.T) {
	k := newCommittee(t)
	seed, err := os.ReadFile("../commands/testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	items := func() int {
		return rows(t, k, `SELECT count(*) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
			WHERE i.removed_at IS NULL AND m.starts_at = '2022-03-17 10:00 Europe/London'`)
	}

	// A member gets no form.
	wantText(t, k.Must(neil, "/agenda", "import"), "Only an officer")
	if n := len(k.Slack.Calls("views.open")); n != 0 {
		t.Fatalf("views.open called %d times for a member", n)
	}

	// The officer's command opens the form with the command's trigger and
	// answers with an empty 200.
	r := k.Must(officer, "/agenda", "import")
	if strings.TrimSpace(r.Raw) != "" {
		t.Errorf("slash answer = %q, want empty", r.Raw)
	}
	trigger, view := openedView(t, k)
	if want := bottest.CommandForm(officer, "/agenda", "import").Get("trigger_id"); trigger != want {
		t.Errorf("views.open trigger_id = %q, want %q", trigger, want)
	}
	raw, _ := json.Marshal(view)
	for _, want := range []string{`"callback_id":"agenda.import"`, `"text":"Import an agenda"`, `"block_id":"text"`, `"block_id":"more"`, `"multiline":true`, `"max_length":3000`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("modal lacks %s:\n%s", want, raw)
		}
	}
	var meta map[string]string
	if err := json.Unmarshal([]byte(view["private_metadata"].(string)), &meta); err != nil || meta["c"] != bottest.Channel || meta["t"] != bottest.Team {
		t.Errorf("private_metadata = %v (%v); want the team and the channel", view["private_metadata"], err)
	}

	// Mistakes keep the form open, with the message by the text field.
	for _, tc := range []struct{ name, text, want string }{
		{"empty", "   ", "Paste the agenda's text here."},
		{"garbage", "hello\nthis is not an agenda at all", "I could not find an agenda in that text"},
	} {
		s := submit(t, k, officer, view, importValues(tc.text, ""))
		if s.Action != "errors" || !strings.Contains(s.Errors["text"], tc.want) || len(s.Errors) != 1 {
			t.Errorf("%s: %+v, want the error %q by the text field", tc.name, s, tc.want)
		}
	}
	if n := len(k.Slack.Calls("chat.postEphemeral")); n != 0 {
		t.Errorf("refused submissions posted %d messages", n)
	}
	if n := rows(t, k, `SELECT count(*) FROM meetings`); n != 0 {
		t.Errorf("refused submissions made %d meetings", n)
	}

	// A member submitting the officer's form imports nothing.
	if s := submit(t, k, neil, view, importValues(string(seed), "")); s.Action != "clear" {
		t.Errorf("a member's submission: %+v", s)
	}
	if c := lastEphemeral(t, k); c.Arg("user") != neil || !strings.Contains(c.Arg("text"), "Only an officer") {
		t.Errorf("a member's submission answered %s: %s", c.Arg("user"), c.Arg("text"))
	}
	if n := items(); n != 0 {
		t.Fatalf("a member's submission imported %d items", n)
	}

	// The seed agenda, split across the two fields as a long one would be.
	cut := strings.Index(string(seed), "\n7. ")
	if cut < 0 {
		t.Fatal("the seed agenda has no item 7")
	}
	s := submit(t, k, officer, view, importValues(string(seed[:cut]), string(seed[cut+1:])))
	if s.Action != "clear" || len(s.Errors) != 0 {
		t.Fatalf("import: %+v", s)
	}
	if n := items(); n != 17 {
		t.Errorf("%d items on the agenda of 17 March 2022, want 17", n)
	}
	c := lastEphemeral(t, k)
	if c.Arg("channel") != bottest.Channel || c.Arg("user") != officer ||
		!strings.Contains(c.Arg("text"), "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 17 March 2022: 17 items.") {
		t.Errorf("confirmation: channel=%s user=%s text=%s", c.Arg("channel"), c.Arg("user"), c.Arg("text"))
	}
	wantText(t, k.Must(neil, "/agenda", "17 March 2022"), "*7.5* SWACA — _Neil Frackelton_", "*8* Date of Next Meeting")

	// The same text again changes nothing.
	if s := submit(t, k, officer, view, importValues(string(seed), "")); s.Action != "clear" {
		t.Errorf("second import: %+v", s)
	}
	if !strings.Contains(lastEphemeral(t, k).Arg("text"), "nothing changed") || items() != 17 {
		t.Errorf("second import: %s; %d items", lastEphemeral(t, k).Arg("text"), items())
	}
}

// twoPresenterAgenda is an agenda for 10 December 2026 whose item 4 has two
// presenters of two organisations.
const twoPresenterAgenda = `AGENDA
Safer Sefton Together
Thursday 10th December, 2026
10.00 am, Remote Meeting
1. Apologies for Absence
2. Declarations of Interest
3. Minutes of Previous Meeting
4. Partner Update
Presenter: Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)
5. Date of Next Meeting
`

// TestSecondPresentersOrganisationKept imports an agenda through the
// form, as an officer does in Slack: the second presenter's bracketed
// organisation is shown with them, not lost or given to the first, and
// each presenter is still matched to their member for the report they owe.
func TestSecondPresentersOrganisationKept(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/agenda", "import")
	_, view := openedView(t, k)
	if s := submit(t, k, officer, view, importValues(twoPresenterAgenda, "")); s.Action != "clear" {
		t.Fatalf("import: %+v", s)
	}
	r := k.Must(neil, "/agenda", "10/12/2026")
	wantText(t, r, "Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)")
	if strings.Contains(r.Text(), "Neil Frackelton (Merseyside Police)") || strings.Contains(r.Text(), "Frackelton_ (Merseyside") {
		t.Errorf("Neil is shown as of Merseyside Police:\n%s", r.Text())
	}
	wantText(t, k.Must(officer, "/report", "missing 10/12/2026"), "Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)")
	openHomes(t, k, neil)
	homeText(t, k, neil, "Report owed for item 4 (Partner Update)")

	// Typed with /agenda add, each presenter's organisation stays too, and
	// the brackets are no part of the names matched to members.
	wantText(t, k.Must(officer, "/agenda", "add 4.1 Youth Diversion — Graeme Robson (Merseyside Police), Neil Frackelton (SWACA)"), "Added item")
	homeText(t, k, neil, "Report owed for item 4.1 (Youth Diversion)")
}
