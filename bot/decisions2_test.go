package bot_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
)

// TestRemindersCarryOutstandingActions: the reminder posted before the
// next meeting lists the actions still owed from earlier meetings, as the
// agenda does, and no longer lists one once it is done.
func TestRemindersCarryOutstandingActions(t *testing.T) {
	k := decisionsDay(t)
	k.Must(officer, "/resolve", "7.7 That the figures be circulated to partners.")
	k.Must(officer, "/action", "add 5 <@"+neil+"|neil> 2027-01-20 Circulate the SWACA figures to partners")
	k.Must(officer, "/action", `add 5 "Jo Smith" 2027-01-20 Report back on the pilot`)
	k.Must(officer, "/action", "done 2")
	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")
	k.Drain()
	k.Slack.Reset()

	k.SetNow(time.Date(2027, 1, 7, 9, 0, 0, 0, london))
	if n := k.Remind(); n == 0 {
		t.Fatal("no reminder queued 7 days before the meeting")
	}
	k.Drain()
	var reminder string
	for _, m := range k.Slack.Messages(bottest.Channel) {
		if s := shown(t, m); strings.Contains(s, "Reminder: Safer Sefton Together meets in 7 days") {
			reminder = s
		}
	}
	if reminder == "" {
		t.Fatal("no reminder posted to the channel")
	}
	for _, want := range []string{"Actions from previous meetings", "Circulate the SWACA figures to partners — <@" + neil + ">, due Wednesday 20 January 2027 (minute 5, Thursday 10 December 2026)"} {
		if !strings.Contains(reminder, want) {
			t.Errorf("the reminder lacks %q:\n%s", want, reminder)
		}
	}
	if strings.Contains(reminder, "Report back on the pilot") {
		t.Errorf("the reminder lists a done action:\n%s", reminder)
	}
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

// TestAddActionFromDecisionButton: the answer to /resolve offers [Add an
// action], which opens a form for owner, due date and text; the action
// is recorded under that minute, with the same rules as /action add.
func TestAddActionFromDecisionButton(t *testing.T) {
	k := decisionsDay(t)
	r := k.Must(officer, "/resolve", "7.7 That the figures be circulated to partners.")
	btn := button(t, r, "Add an action")
	hook := k.NewHook()

	// A member who may not record actions gets no form.
	k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "Only an officer or the chair of Safer Sefton Together can record actions.") {
		t.Errorf("member's press: %q", got)
	}
	if n := len(k.Slack.Calls("views.open")); n != 0 {
		t.Errorf("a member's press opened %d forms", n)
	}

	if status, _ := k.Interact(bottest.ButtonPayload(officer, btn.ActionID, btn.Value, hook.URL())); status != http.StatusOK {
		t.Fatalf("button: status %d", status)
	}
	_, view := openedView(t, k)
	raw, _ := json.Marshal(view)
	for _, want := range []string{`"text":"Add an action"`, `"text":"Neil Frackelton"`, `"value":"` + neil + `"`, "Minute 5, Thursday 10 December 2026"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("form lacks %s:\n%s", want, raw)
		}
	}
	values := func(owner, name, due, text string) map[string]map[string]any {
		v := map[string]map[string]any{
			"owner": {"owner": map[string]any{"type": "static_select", "selected_option": nil}},
			"name":  {"name": textInput(name)},
			"due":   {"due": textInput(due)},
			"text":  {"text": textInput(text)},
		}
		if owner != "" {
			v["owner"]["owner"] = selected(owner)
		}
		return v
	}
	s := submit(t, k, officer, view, values("", "", "2026-12-01", ""))
	if s.Action != "errors" || s.Errors["owner"] == "" || !strings.Contains(s.Errors["due"], "is in the past") || s.Errors["text"] == "" {
		t.Errorf("bad form: %+v", s)
	}
	s = submit(t, k, officer, view, values(neil, "", "2026-12-20", "Circulate the SWACA figures to partners"))
	if s.Action != "clear" || len(s.Errors) != 0 {
		t.Fatalf("good submission: %+v", s)
	}
	if got := lastEphemeral(t, k).Arg("text"); !strings.Contains(got, "Action 1 recorded under minute 5: <@"+neil+"> — Circulate the SWACA figures to partners, due Sunday 20 December 2026.") {
		t.Errorf("confirmation: %s", got)
	}
	s = submit(t, k, officer, view, values("", "Jo Smith", "1 February 2027", "Report back on the pilot"))
	if s.Action != "clear" {
		t.Fatalf("by name: %+v", s)
	}
	wantText(t, k.Must(graeme, "/action", ""), "• 1. Circulate the SWACA figures to partners — <@"+neil+">", "• 2. Report back on the pilot — Jo Smith")
	if got := rows(t, k, `SELECT count(*) FROM action_log WHERE kind = 'added' AND by_user = '`+officer+`'`); got != 2 {
		t.Errorf("%d actions logged as added by the officer, want 2", got)
	}

	// /minute, which records no decision, offers no such button.
	for _, b := range buttons(k.Must(officer, "/minute", "7.7 The Board considered the report.")) {
		if b.Text.Text == "Add an action" {
			t.Error("/minute offers Add an action")
		}
	}
}

// TestMinutesHistory: /history minutes shows officers and the chair each
// minute as recorded and amended, with who and the earlier text, the
// corrections members proposed, and the confirmation; members are
// refused.
func TestMinutesHistory(t *testing.T) {
	k := decisionsDay(t)
	wantText(t, k.Must(officer, "/history", "minutes"), "*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.", "Nothing has been minuted")
	k.Must(officer, "/resolve", "7.7 That the report be noted.")
	k.Must(sue, "/minute", "7.7 The Board considered the report of the Chief Executive of Sefton CVS.")
	k.Must(officer, "/minutes", "amend 5 That the report be noted and the figures circulated.")
	k.Must(graeme, "/minutes", "comment 5 The figures were for the last quarter.")

	wantText(t, k.Must(neil, "/history", "minutes"), "Only an officer or the chair of Safer Sefton Together can read the history of the minutes.")
	r := k.Must(sue, "/history", "minutes")
	wantText(t, r, "minute 5: resolved, recorded by <@"+officer+">: “That the report be noted.”",
		"minute 5: minuted by <@"+sue+">: “The Board considered the report of the Chief Executive of Sefton CVS.”",
		"minute 5: RESOLVED text amended by <@"+officer+">. It read: “That the report be noted.” Now: “That the report be noted and the figures circulated.”",
		"minute 5: correction proposed by <@"+graeme+">: “The figures were for the last quarter.”")
	text := r.Text()
	if i, j := strings.Index(text, "resolved, recorded"), strings.Index(text, "RESOLVED text amended"); i < 0 || j < i {
		t.Errorf("the history is not in order:\n%s", text)
	}

	k.Must(sue, "/meeting", "close")
	k.Must(officer, "/meeting", "schedule 2027-01-14 10:00 Bootle Town Hall")
	k.SetNow(time.Date(2027, 1, 14, 10, 5, 0, 0, london))
	k.Must(sue, "/meeting", "start")
	k.Must(sue, "/minutes", "approve")
	wantText(t, k.Must(officer, "/history", "minutes 10 December 2026"),
		"confirmed as a correct record at the meeting on Thursday 14 January 2027, by <@"+sue+">", "RESOLVED text amended")
	wantText(t, k.Must(officer, "/history", "minutes 10 December 2026 soon"), "Usage:")
}
