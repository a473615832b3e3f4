package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/internal/bottest"
)

const sue = "USUE"

// agendaCommittee is the committee with its next meeting (Thursday 10
// December 2026) and part of the agenda of the seed pack, put in with plain
// SQL: the agenda's own commands are not these tests' subject.
func agendaCommittee(t *testing.T) (*bottest.Kit, int64) {
	t.Helper()
	k := newCommittee(t)
	k.AddUser(sue, "Sue Holden")
	k.Must(officer, "/committee", "member add <@"+sue+"> Sefton CVS")
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	ctx := context.Background()
	m, err := k.DB.NextMeeting(ctx, mustCommittee(t, k.DB).ID, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, item := range []string{
		"4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)",
		"5 Provision of Alternative Education Settings",
		"6 Local Policing Update — Graeme Robson (Merseyside Police)",
		"7.5 SWACA — Kate Ellis (SWACA)", // not a member: Neil has an interest in it
		"7.7 Sefton CVS — Sue Holden (Sefton CVS)",
	} {
		wantText(t, k.Must(officer, "/agenda", "add "+item), "Added item")
	}
	return k, m.ID
}

// buttons lists a reply's buttons.
func buttons(r bottest.Reply) []*slack.ButtonBlockElement {
	var out []*slack.ButtonBlockElement
	for _, b := range r.Blocks {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					out = append(out, btn)
				}
			}
		}
	}
	return out
}

func button(t *testing.T, r bottest.Reply, label string) *slack.ButtonBlockElement {
	t.Helper()
	for _, b := range buttons(r) {
		if b.Text.Text == label {
			return b
		}
	}
	t.Fatalf("no %q button in:\n%s", label, r.Raw)
	return nil
}

func rows(t *testing.T, k *bottest.Kit, query string) int {
	t.Helper()
	var n int
	if err := k.DB.SQL().QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// openedView is the view of the latest views.open call.
func openedView(t *testing.T, k *bottest.Kit) (triggerID string, view map[string]any) {
	t.Helper()
	calls := k.Slack.Calls("views.open")
	if len(calls) == 0 {
		t.Fatal("views.open was not called")
	}
	c := calls[len(calls)-1]
	view, _ = c.JSON["view"].(map[string]any)
	return c.Arg("trigger_id"), view
}

func selected(v string) map[string]any {
	return map[string]any{"type": "static_select", "selected_option": map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v}}
}

func radio(v string) map[string]any {
	return map[string]any{"type": "radio_buttons", "selected_option": map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v}}
}

func textInput(v string) map[string]any {
	return map[string]any{"type": "plain_text_input", "value": v}
}

func checked(vs ...string) map[string]any {
	opts := []any{}
	for _, v := range vs {
		opts = append(opts, map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v})
	}
	return map[string]any{"type": "checkboxes", "selected_options": opts}
}

func declareValues(item, kind, nature string, dispensation bool) map[string]map[string]any {
	v := map[string]map[string]any{
		"item":         {"item": map[string]any{"type": "static_select", "selected_option": nil}},
		"kind":         {"kind": map[string]any{"type": "radio_buttons", "selected_option": nil}},
		"nature":       {"nature": textInput(nature)},
		"dispensation": {"dispensation": checked()},
	}
	if item != "" {
		v["item"]["item"] = selected(item)
	}
	if kind != "" {
		v["kind"]["kind"] = radio(kind)
	}
	if dispensation {
		v["dispensation"]["dispensation"] = checked("yes")
	}
	return v
}

// submission is the bot's answer to a view_submission.
type submission struct {
	Action string            `json:"response_action"`
	Errors map[string]string `json:"errors"`
}

func submit(t *testing.T, k *bottest.Kit, user string, view map[string]any, values map[string]map[string]any) submission {
	t.Helper()
	status, body := k.Interact(bottest.SubmissionPayload(user, view, values))
	if status != http.StatusOK {
		t.Fatalf("view_submission: status %d: %s", status, body)
	}
	var s submission
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatalf("view_submission answer is not JSON: %v: %s", err, body)
	}
	return s
}

func lastEphemeral(t *testing.T, k *bottest.Kit) fakeslack.Call {
	t.Helper()
	calls := k.Slack.Calls("chat.postEphemeral")
	if len(calls) == 0 {
		t.Fatal("no chat.postEphemeral")
	}
	return calls[len(calls)-1]
}

func TestDeclareModalRoundTrip(t *testing.T) {
	k, meetingID := agendaCommittee(t)

	// /declare alone opens a modal within Slack's 3 seconds and answers
	// the command with an empty 200.
	r := k.Must(neil, "/declare", "")
	if r.Took > 3*time.Second {
		t.Errorf("opening the form took %v; the trigger lasts 3s", r.Took)
	}
	if strings.TrimSpace(r.Raw) != "" {
		t.Errorf("slash answer = %q, want empty", r.Raw)
	}
	trigger, view := openedView(t, k)
	if trigger != bottest.CommandForm(neil, "/declare", "").Get("trigger_id") {
		t.Errorf("views.open trigger_id = %q", trigger)
	}
	raw, _ := json.Marshal(view)
	for _, want := range []string{`"callback_id":"declare"`, `"text":"Declare an interest"`, `"value":"7.5#`, `"text":"7.5 SWACA"`, `"text":"7.7 Sefton CVS"`,
		`"text":"4 Integrated Offender Management (IOM) Refresh Strategy"`, `"type":"radio_buttons"`, `"value":"pecuniary"`, `"type":"checkboxes"`, `"multiline":true`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("modal lacks %s:\n%s", want, raw)
		}
	}
	var meta map[string]string
	if err := json.Unmarshal([]byte(view["private_metadata"].(string)), &meta); err != nil || meta["c"] != bottest.Channel || meta["m"] != fmt.Sprint(meetingID) {
		t.Errorf("private_metadata = %v (%v); want the channel and the meeting", view["private_metadata"], err)
	}

	// Submitting an empty form shows the errors in the modal.
	s := submit(t, k, neil, view, declareValues("", "", "  ", false))
	if s.Action != "errors" || s.Errors["item"] == "" || s.Errors["kind"] == "" || !strings.Contains(s.Errors["nature"], "Say what the interest is") {
		t.Errorf("empty form: %+v", s)
	}
	s = submit(t, k, neil, view, declareValues("9", "pecuniary", "x", false))
	if s.Action != "errors" || s.Errors["item"] != "That item is no longer on the agenda." {
		t.Errorf("unknown item: %+v", s)
	}
	s = submit(t, k, neil, view, declareValues("7.5", "pecuniary", strings.Repeat("x", 1001), false))
	if s.Action != "errors" || !strings.Contains(s.Errors["nature"], "too long") {
		t.Errorf("long nature: %+v", s)
	}
	if n := k.Slack.Calls("chat.postEphemeral"); len(n) != 0 {
		t.Errorf("errors were also posted: %d", len(n))
	}

	// A good submission clears the modal and confirms privately in the
	// channel the command came from.
	s = submit(t, k, neil, view, declareValues("7.5", "pecuniary", "Paid adviser to SWACA", true))
	if s.Action != "clear" || len(s.Errors) != 0 {
		t.Fatalf("good submission: %+v", s)
	}
	c := lastEphemeral(t, k)
	if c.Arg("channel") != bottest.Channel || c.Arg("user") != neil || !strings.Contains(c.Arg("text"), "Recorded: you declared a disclosable pecuniary interest in Item 7.5 (SWACA)") ||
		!strings.Contains(c.Arg("text"), "You hold a dispensation") {
		t.Errorf("confirmation: channel=%s user=%s text=%s", c.Arg("channel"), c.Arg("user"), c.Arg("text"))
	}

	// A double submit stores one declaration.
	s = submit(t, k, neil, view, declareValues("7.5", "pecuniary", "Paid adviser to SWACA", true))
	if s.Action != "clear" || !strings.Contains(lastEphemeral(t, k).Arg("text"), "already declared") {
		t.Errorf("double submit: %+v %s", s, lastEphemeral(t, k).Arg("text"))
	}
	if n := rows(t, k, `SELECT count(*) FROM declarations`); n != 1 {
		t.Errorf("%d declarations stored, want 1", n)
	}

	// Someone who is not a member cannot use a form they did not get.
	submit(t, k, stranger, view, declareValues("7.7", "personal", "x", false))
	if got := lastEphemeral(t, k); got.Arg("user") != stranger || !strings.Contains(got.Arg("text"), "not a member") {
		t.Errorf("non-member: %s", got.Arg("text"))
	}
	if n := rows(t, k, `SELECT count(*) FROM declarations`); n != 1 {
		t.Errorf("%d declarations stored after a non-member's submission, want 1", n)
	}

	// A database that does not answer: the modal stays open and says so.
	tx, err := k.DB.SQL().BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`LOCK TABLE declarations IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s = submit(t, k, neil, view, declareValues("7.7", "personal", "Volunteer", false))
	took := time.Since(start)
	_ = tx.Rollback()
	if took > 3*time.Second {
		t.Errorf("answer took %v", took)
	}
	if s.Action != "errors" || !strings.Contains(s.Errors["item"], "your declaration was NOT saved") {
		t.Errorf("slow database: %+v", s)
	}

	// Slack refusing the modal (an expired trigger) gets a private answer.
	k.Slack.Fail("views.open", fakeslack.Fault{Error: "expired_trigger_id", Times: 1})
	wantText(t, k.Must(neil, "/declare", ""), "Slack did not open the form", "/declare help")

	// No modal for someone who is not a member, or with nothing on the agenda.
	k.Slack.Reset()
	wantText(t, k.Must(stranger, "/declare", ""), "not a member")
	if _, err := k.DB.SQL().Exec(`UPDATE agenda_items SET removed_at = now()`); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(neil, "/declare", ""), "has no items yet")
	if n := len(k.Slack.Calls("views.open")); n != 0 {
		t.Errorf("views.open called %d times for refused forms", n)
	}
}

func TestApologiesWithdrawButton(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	r := k.Must(neil, "/apologies", "Unwell")
	btn := button(t, r, "Withdraw apologies")
	if btn.ActionID != "apologies.withdraw" {
		t.Fatalf("action_id = %q", btn.ActionID)
	}
	hook := k.NewHook()
	status, body := k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL()))
	if status != http.StatusOK || len(body) != 0 {
		t.Fatalf("button: %d %q", status, body)
	}
	if got := hook.Last(); !strings.Contains(got, "are withdrawn: you are expected to attend") {
		t.Errorf("answer: %q", got)
	}
	wantText(t, k.Must(neil, "/apologies", "list"), "No apologies for absence have been received.")
	k.Interact(bottest.ButtonPayload(neil, btn.ActionID, btn.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "no apologies standing") {
		t.Errorf("second press: %q", got)
	}
	// Someone else's press of the same button withdraws nothing of theirs.
	k.Interact(bottest.ButtonPayload(stranger, btn.ActionID, btn.Value, hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "not a member") {
		t.Errorf("stranger's press: %q", got)
	}
	// A button whose action is gone answers politely.
	k.Interact(bottest.ButtonPayload(neil, "nothing.here", "1", hook.URL()))
	if got := hook.Last(); !strings.Contains(got, "no longer does anything") {
		t.Errorf("unknown action: %q", got)
	}
}

func TestInteractionsAreVerifiedAndParsed(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(neil, "/apologies", "Unwell")
	hook := k.NewHook()
	payload, _ := json.Marshal(bottest.ButtonPayload(neil, "apologies.withdraw", "1", hook.URL()))
	body := []byte(url.Values{"payload": {string(payload)}}.Encode())
	const form = "application/x-www-form-urlencoded"
	for name, sign := range map[string]func(http.Header, []byte){
		"unsigned":     nil,
		"forged":       func(h http.Header, b []byte) { bottest.Sign(h, b, "not-the-secret", time.Now()) },
		"stale":        func(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Now().Add(-6*time.Minute)) },
		"body changed": func(h http.Header, b []byte) { bottest.Sign(h, append([]byte("x"), b...), bottest.Secret, time.Now()) },
	} {
		if status, _ := k.PostRaw("/slack/interactions", body, form, sign); status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, status)
		}
	}
	if len(hook.Posts()) != 0 {
		t.Fatal("a rejected interaction was acted on")
	}
	wantText(t, k.Must(neil, "/apologies", "list"), "Neil Frackelton (SWACA)")

	sub := bottest.SubmissionPayload(neil, map[string]any{"callback_id": "declare", "private_metadata": "not json"}, nil)
	subJSON, _ := json.Marshal(sub)
	noUser, _ := json.Marshal(map[string]any{"type": "block_actions", "actions": []any{}})
	noAction, _ := json.Marshal(map[string]any{"type": "block_actions", "user": map[string]any{"id": neil}, "actions": []any{}})
	for name, form := range map[string]url.Values{
		"no payload":       {"text": {"hi"}},
		"not JSON":         {"payload": {"{not json"}},
		"JSON array":       {"payload": {"[1,2]"}},
		"no user":          {"payload": {string(noUser)}},
		"no action":        {"payload": {string(noAction)}},
		"foreign metadata": {"payload": {string(subJSON)}},
	} {
		if status, body := k.Post("/slack/interactions", form); status != http.StatusBadRequest {
			t.Errorf("%s: status %d (%s), want 400", name, status, body)
		}
	}
	if status, _ := k.PostRaw("/slack/interactions", []byte("payload=%zz"), form, func(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Now()) }); status != http.StatusBadRequest {
		t.Errorf("bad escape: status %d, want 400", status)
	}
	// Closing a modal needs no answer but a 200.
	closed, _ := json.Marshal(map[string]any{"type": "view_closed", "user": map[string]any{"id": neil}, "view": map[string]any{"callback_id": "declare"}})
	if status, _ := k.Post("/slack/interactions", url.Values{"payload": {string(closed)}}); status != http.StatusOK {
		t.Errorf("view_closed: status %d", status)
	}
}
