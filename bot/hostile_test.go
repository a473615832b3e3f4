package bot_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

const formType = "application/x-www-form-urlencoded"

func signNow(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Now()) }

// seenKeys counts the requests remembered for spotting replays.
func seenKeys(t *testing.T, k *bottest.Kit) int {
	t.Helper()
	var n int
	if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM seen_requests`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRoutesRefuseTheWrongMethod: every route answers 405 to a method it
// does not serve.
func TestRoutesRefuseTheWrongMethod(t *testing.T) {
	k := bottest.New(t)
	for _, c := range []struct{ method, path string }{
		{http.MethodGet, "/slack/commands"}, {http.MethodPut, "/slack/interactions"}, {http.MethodDelete, "/slack/events"},
		{http.MethodPost, "/healthz"}, {http.MethodPost, "/readyz"}, {http.MethodPost, "/calendar/x.ics"}, {http.MethodPost, "/minutes/x"},
	} {
		req, _ := http.NewRequest(c.method, k.HTTP.URL+c.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: status %d, want 405", c.method, c.path, resp.StatusCode)
		}
	}
}

// TestSignedButEmptyOrForeignBodies: a signed request with no body, or a
// body in the wrong encoding for its route, is a 400.
func TestSignedButEmptyOrForeignBodies(t *testing.T) {
	k := newCommittee(t)
	for _, path := range []string{"/slack/commands", "/slack/interactions", "/slack/events"} {
		if status, body := k.PostRaw(path, nil, formType, signNow); status != http.StatusBadRequest {
			t.Errorf("%s empty: status %d (%s), want 400", path, status, body)
		}
	}
	if status, body := k.PostRaw("/slack/commands", []byte(`{"command":"/apologies","user_id":"UNEIL"}`), "application/json", signNow); status != http.StatusBadRequest {
		t.Errorf("JSON slash command: status %d (%s), want 400", status, body)
	}
	if status, body := k.PostRaw("/slack/interactions", []byte(`{"type":"block_actions"}`), "application/json", signNow); status != http.StatusBadRequest {
		t.Errorf("JSON interaction: status %d (%s), want 400", status, body)
	}
	if status, body := k.PostRaw("/slack/events", []byte(`type=url_verification&challenge=x`), formType, signNow); status != http.StatusBadRequest {
		t.Errorf("form event: status %d (%s), want 400", status, body)
	}
}

// TestBodiesAtTheLimit: a body of exactly MaxBodyBytes is read; one byte
// more is a 413.
func TestBodiesAtTheLimit(t *testing.T) {
	k := newCommittee(t)
	base := bottest.CommandForm(neil, "/apologies", "").Encode()
	pad := func(n int) []byte { return []byte(base + strings.Repeat("x", n-len(base))) }
	if status, body := k.PostRaw("/slack/commands", pad(bot.MaxBodyBytes), formType, signNow); status != http.StatusOK {
		t.Errorf("body at the limit: status %d (%s), want 200", status, body)
	}
	if status, _ := k.PostRaw("/slack/commands", pad(bot.MaxBodyBytes+1), formType, signNow); status != http.StatusRequestEntityTooLarge {
		t.Errorf("body one over the limit: status %d, want 413", status)
	}
}

// TestSignatureSpellings: a signature of another version, of the wrong
// length, with a timestamp that is not a number or is far off, is a 401
// and changes nothing; hex in upper case is the same signature.
func TestSignatureSpellings(t *testing.T) {
	k := bottest.New(t)
	body := []byte(bottest.CommandForm(officer, "/committee", "setup Safer Sefton Together").Encode())
	resign := func(f func(sig, ts string) (string, string)) func(http.Header, []byte) {
		return func(h http.Header, b []byte) {
			signNow(h, b)
			sig, ts := f(h.Get("X-Slack-Signature"), h.Get("X-Slack-Request-Timestamp"))
			h.Set("X-Slack-Signature", sig)
			h.Set("X-Slack-Request-Timestamp", ts)
		}
	}
	for name, sign := range map[string]func(http.Header, []byte){
		"v1 prefix":         resign(func(s, ts string) (string, string) { return "v1=" + s[3:], ts }),
		"no prefix":         resign(func(s, ts string) (string, string) { return s[3:], ts }),
		"hex short":         resign(func(s, ts string) (string, string) { return s[:len(s)-2], ts }),
		"hex long":          resign(func(s, ts string) (string, string) { return s + "00", ts }),
		"odd hex":           resign(func(s, ts string) (string, string) { return s[:len(s)-1], ts }),
		"timestamp letters": resign(func(s, ts string) (string, string) { return s, "abc" }),
		"timestamp empty":   resign(func(s, ts string) (string, string) { return s, "" }),
		"signature empty":   resign(func(s, ts string) (string, string) { return "", ts }),
		"far past":          func(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Unix(1, 0)) },
		"far future":        func(h http.Header, b []byte) { bottest.Sign(h, b, bottest.Secret, time.Now().AddDate(10, 0, 0)) },
	} {
		if status, _ := k.PostRaw("/slack/commands", body, formType, sign); status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, status)
		}
	}
	if _, err := k.DB.CommitteeByChannel(context.Background(), bottest.Team, bottest.Channel); err == nil {
		t.Fatal("a refused request set up a committee")
	}
	upper := resign(func(s, ts string) (string, string) { return "v0=" + strings.ToUpper(s[3:]), ts })
	if status, _ := k.PostRaw("/slack/commands", body, formType, upper); status != http.StatusOK {
		t.Errorf("upper-case hex: status %d, want 200", status)
	}
}

// TestRefusedInteractionsAreNotRemembered: a payload that cannot be acted
// on is refused with a 400 before anything is written, even the record of
// its signature kept to spot replays; the interactions Quorum has nothing
// to do for are answered with an empty 200, and a button it does not know,
// or naming a meeting that is not there, is answered in words.
func TestRefusedInteractionsAreNotRemembered(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	before := seenKeys(t, k)
	for name, p := range map[string]string{
		"no actions":          `{"type":"block_actions","user":{"id":"UNEIL"},"team":{"id":"T1"},"actions":[]}`,
		"submission, no view": `{"type":"view_submission","user":{"id":"UNEIL"},"team":{"id":"T1"}}`,
		"metadata tampered":   `{"type":"view_submission","user":{"id":"UNEIL"},"team":{"id":"T1"},"view":{"callback_id":"apologies.send","private_metadata":"{\"c\":"}}`,
		"a date not a string": `{"type":"view_submission","user":{"id":"UNEIL"},"view":{"state":{"values":{"b":{"a":{"selected_date":5}}}}}}`,
		"user not an object":  `{"type":"block_actions","user":"UNEIL"}`,
		"no type":             `{"user":{"id":"UNEIL"}}`,
	} {
		if status, body := k.Post("/slack/interactions", url.Values{"payload": {p}}); status != http.StatusBadRequest {
			t.Errorf("%s: status %d (%s), want 400", name, status, body)
		}
	}
	if n := seenKeys(t, k) - before; n != 0 {
		t.Errorf("%d refused interactions remembered, want none", n)
	}
	for name, p := range map[string]string{
		"shortcut":         `{"type":"shortcut","user":{"id":"UNEIL"},"callback_id":"x","trigger_id":"1.2.3"}`,
		"message_action":   `{"type":"message_action","user":{"id":"UNEIL"},"callback_id":"x","trigger_id":"1.2.4"}`,
		"view_closed":      `{"type":"view_closed","user":{"id":"UNEIL"},"view":{"callback_id":"declare"}}`,
		"block_suggestion": `{"type":"block_suggestion","user":{"id":"UNEIL"},"action_id":"x","value":"y"}`,
	} {
		if status, body := k.Post("/slack/interactions", url.Values{"payload": {p}}); status != http.StatusOK || len(body) != 0 {
			t.Errorf("%s: status %d (%s), want an empty 200", name, status, body)
		}
	}
	hook := k.NewHook()
	for _, c := range []struct{ action, value, want string }{
		{"nonsense.press", "1", "That button no longer does anything"},
		{"apologies.withdraw", "999999", "That meeting no longer exists"},
		{"apologies.withdraw", "-1", "That button is broken"},
		{"apologies.withdraw", "x", "That button is broken"},
	} {
		n := len(hook.Posts())
		if status, body := k.Interact(bottest.ButtonPayload(neil, c.action, c.value, hook.URL())); status != http.StatusOK {
			t.Errorf("%s %q: status %d (%s), want 200", c.action, c.value, status, body)
			continue
		}
		if posts := hook.Posts(); len(posts) != n+1 || !strings.Contains(bottest.PostText(posts[n]), c.want) {
			t.Errorf("%s %q: answered %d times (%v), want once with %q", c.action, c.value, len(posts)-n, posts[n:], c.want)
		}
	}
}

// TestControlCharactersAreTheUsersToCorrect: text with a control character
// (an escape sequence, a bell, DEL), which no one types on purpose and which
// could rewrite a terminal that shows the records, is refused in one line
// and nothing is saved; tabs and line breaks are text.
func TestControlCharactersAreTheUsersToCorrect(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	for _, text := range []string{"\x01\x7f", "Unwell\x1b[2J", "Unwell\x07", "Unwell\u009bx", "\x1b"} {
		r := k.Must(neil, "/apologies", text)
		if !strings.Contains(r.Response.Text, "a control character") || !strings.Contains(r.Response.Text, "nothing was saved") {
			t.Errorf("/apologies %q: reply %q, want it to say a control character is refused", text, r.Response.Text)
		}
	}
	wantText(t, k.Must(neil, "/apologies", "list"), "No apologies")
	wantText(t, k.Must(neil, "/apologies", "Unwell\tthen\r\nbetter"), "are recorded")
}

// TestTamperedFormsSaveNothing: a form submission or a button whose
// meeting is another committee's, whose metadata is not a meeting, or
// whose fields are missing, saves nothing and says why.
func TestTamperedFormsSaveNothing(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	// Another committee, in another channel, that Neil is not on.
	other := bottest.CommandForm(graeme, "/committee", "setup Other Board")
	other.Set("channel_id", "C2")
	k.AddUser(graeme, "Graeme Robson")
	if r := k.Slash(other); r.Status != http.StatusOK {
		t.Fatalf("second committee: %d %s", r.Status, r.Raw)
	}
	sched := bottest.CommandForm(graeme, "/meeting", "schedule 2026-12-11 10:00 Board Room")
	sched.Set("channel_id", "C2")
	k.Slash(sched)
	var otherMeeting int64
	if err := k.DB.SQL().QueryRow(`SELECT m.id FROM meetings m JOIN committees c ON c.id = m.committee_id WHERE c.channel_id = 'C2'`).Scan(&otherMeeting); err != nil {
		t.Fatal(err)
	}
	apologies := func() int {
		var n int
		if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM apologies`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for name, meta := range map[string]string{
		"another committee's meeting": `{"t":"T1","c":"C1","m":"` + strconv.FormatInt(otherMeeting, 10) + `"}`,
		"another team":                `{"t":"T9","c":"C2","m":"` + strconv.FormatInt(otherMeeting, 10) + `"}`,
		"not a meeting":               `{"t":"T1","c":"C1","m":"x"}`,
		"no meeting":                  `{"t":"T1","c":"C1"}`,
	} {
		view := map[string]any{"callback_id": commands.ApologyFormID, "private_metadata": meta}
		s := submit(t, k, neil, view, map[string]map[string]any{"reason": {"reason": textInput("Unwell")}})
		if s.Action != "errors" || s.Errors["reason"] == "" {
			t.Errorf("%s: answered %+v, want the form kept open saying why", name, s)
		}
	}
	// Fields missing altogether, and of another kind than the form's.
	view := map[string]any{"callback_id": commands.ApologyFormID, "private_metadata": `{"t":"T1","c":"C1","m":"` + strconv.FormatInt(otherMeeting, 10) + `"}`}
	for name, values := range map[string]map[string]map[string]any{
		"no fields":         nil,
		"a field of a kind": {"reason": {"reason": checked("a", "b")}},
	} {
		if s := submit(t, k, neil, view, values); s.Action != "errors" || s.Errors["reason"] == "" {
			t.Errorf("%s: answered %+v, want the form kept open saying why", name, s)
		}
	}
	hook := k.NewHook()
	if status, _ := k.Interact(bottest.ButtonPayload(neil, "apologies.send_next", strconv.FormatInt(otherMeeting, 10), hook.URL())); status != http.StatusOK {
		t.Errorf("button for another committee's meeting: status %d", status)
	}
	if n := apologies(); n != 0 {
		t.Errorf("%d apologies saved from tampered forms and buttons, want none", n)
	}
	if posts := hook.Posts(); len(posts) != 1 || !strings.Contains(bottest.PostText(posts[0]), "not a member") {
		t.Errorf("button for another committee's meeting answered %v, want that Neil is not a member", posts)
	}
}

// TestEventsThatAreNotEvents: a signed body that is JSON but not an event
// (an array, a string, an object without a type), or a URL check whose
// challenge is not a string, is a 400, as a body that is not JSON is: a
// 200 would tell Slack, checking the URL, that it passed. An event of a
// type or with an inner event Quorum does not know is a 200, so that Slack
// does not retry it; so is a retry whose first sending never arrived,
// which is handled.
func TestEventsThatAreNotEvents(t *testing.T) {
	k := newCommittee(t)
	k.Server.Settle()
	signed := bottest.SignJSON(nil)
	for name, b := range map[string]string{
		"array":                `[1]`,
		"string":               `"event_callback"`,
		"no type":              `{"challenge":"x"}`,
		"type not a string":    `{"type":5}`,
		"challenge not string": `{"type":"url_verification","challenge":5}`,
	} {
		if status, body := k.PostRaw("/slack/events", []byte(b), "application/json", signed); status != http.StatusBadRequest {
			t.Errorf("%s: status %d (%s), want 400", name, status, body)
		}
	}
	for name, b := range map[string]string{
		"unknown type":        `{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820}`,
		"unknown inner event": `{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"something_new"}}`,
		"inner event garbled": `{"type":"event_callback","team_id":"T1","event_id":"Ev2","event":"x"}`,
	} {
		if status, body := k.PostRaw("/slack/events", []byte(b), "application/json", signed); status != http.StatusOK {
			t.Errorf("%s: status %d (%s), want 200", name, status, body)
		}
	}
	before := len(k.Slack.Calls("views.publish"))
	retry := bottest.SignJSON(map[string]string{"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error"})
	opened := []byte(`{"type":"event_callback","team_id":"T1","event_id":"Ev3","event":{"type":"app_home_opened","user":"UNEIL","channel":"D1","tab":"home","event_ts":"1.2"}}`)
	if status, body := k.PostRaw("/slack/events", opened, "application/json", retry); status != http.StatusOK {
		t.Errorf("first retry of a lost event: status %d (%s), want 200", status, body)
	}
	k.Server.Settle()
	if n := len(k.Slack.Calls("views.publish")) - before; n != 1 {
		t.Errorf("%d Homes published for a retry whose first sending was lost, want 1", n)
	}
}

// TestSlashCommandsNamingNoWorkspace: Slack sends every slash command with
// the workspace and the channel it came from. One without either is
// refused with a 400 and reaches no committee: an empty workspace would
// otherwise match the sender's committees in every workspace.
func TestSlashCommandsNamingNoWorkspace(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	for _, field := range []string{"team_id", "channel_id"} {
		for name, f := range map[string]func(url.Values){
			"empty":   func(v url.Values) { v.Set(field, "") },
			"missing": func(v url.Values) { v.Del(field) },
		} {
			form := bottest.CommandForm(neil, "/apologies", "Unwell")
			f(form)
			if status, body := k.Post("/slack/commands", form); status != http.StatusBadRequest {
				t.Errorf("%s %s: status %d (%s), want 400", field, name, status, body)
			}
		}
	}
	var n int
	if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM apologies`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d apologies recorded from commands naming no workspace or channel, want none", n)
	}
}

// TestReplayedEventIsHandledOnce: the same signed event sent twice is
// answered 200 both times (so that Slack stops) and handled once.
func TestReplayedEventIsHandledOnce(t *testing.T) {
	k := newCommittee(t)
	k.Server.Settle()
	before := len(k.Slack.Calls("views.publish"))
	opened := []byte(`{"type":"event_callback","team_id":"T1","event_id":"Ev9","event":{"type":"app_home_opened","user":"UNEIL","channel":"D1","tab":"home","event_ts":"1.2"}}`)
	sign := capture()
	for i := range 2 {
		if status, body := k.PostRaw("/slack/events", opened, "application/json", sign); status != http.StatusOK {
			t.Errorf("sending %d: status %d (%s), want 200", i+1, status, body)
		}
	}
	k.Server.Settle()
	if n := len(k.Slack.Calls("views.publish")) - before; n != 1 {
		t.Errorf("%d Homes published for one event sent twice, want 1", n)
	}
}

// TestUnknownCommandNamesAreQuotedShort: a command Quorum does not know is
// named back in a few characters, however long its name, and without the
// control characters in it.
func TestUnknownCommandNamesAreQuotedShort(t *testing.T) {
	k := newCommittee(t)
	for _, name := range []string{"/" + strings.Repeat("x", 30000), "/nonsense\x1b[2J\x07"} {
		r := k.Must(neil, name, "")
		if txt := r.Response.Text; !strings.HasPrefix(txt, "I don't know the command /") || len(txt) > 1000 || strings.ContainsAny(txt, "\x1b\x07") {
			t.Errorf("unknown command of %d bytes: reply of %d bytes %.80q…, want it named in a few characters", len(name), len(txt), txt)
		}
	}
}

// TestInteractionsNamingNoWorkspace: a button press or a form submission
// whose payload has no team is taken to come from the sender's own
// workspace (user.team_id, which org-wide installs send in its place);
// one naming neither is refused with a 400, before anything is written,
// even the record kept to spot replays, rather than matched against the
// sender's committees in every workspace.
func TestInteractionsNamingNoWorkspace(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	id := nextMeetingID(t, k)
	value := strconv.FormatInt(id, 10)
	noTeam := func(p map[string]any) map[string]any {
		delete(p, "team")
		return p
	}
	noUserTeam := func(p map[string]any) map[string]any {
		delete(p["user"].(map[string]any), "team_id")
		return p
	}
	apologies := func() int {
		var n int
		if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM apologies`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	view := map[string]any{
		"callback_id": commands.ApologyFormID, "private_metadata": `{"m":"` + value + `"}`,
		"blocks": []any{map[string]any{"type": "input", "block_id": "reason", "label": map[string]any{"type": "plain_text", "text": "Reason"},
			"element": map[string]any{"type": "plain_text_input", "action_id": "reason"}}},
	}
	reason := map[string]map[string]any{"reason": {"reason": textInput("Unwell")}}
	seen := seenKeys(t, k)
	for name, p := range map[string]map[string]any{
		"button":     noUserTeam(noTeam(homeButtonPayload(neil, "apologies.send_next", value))),
		"submission": noUserTeam(noTeam(bottest.SubmissionPayload(neil, view, reason))),
	} {
		if status, body := k.Interact(p); status != http.StatusBadRequest {
			t.Errorf("%s naming no workspace: status %d (%s), want 400", name, status, body)
		}
	}
	if n := apologies(); n != 0 {
		t.Errorf("%d apologies recorded from interactions naming no workspace, want none", n)
	}
	if n := seenKeys(t, k) - seen; n != 0 {
		t.Errorf("%d refused interactions remembered as seen, want none", n)
	}

	// With user.team_id alone, the sender's own workspace is used.
	if status, body := k.Interact(noTeam(homeButtonPayload(neil, "apologies.send_next", value))); status != http.StatusOK {
		t.Fatalf("button naming only the user's workspace: status %d (%s)", status, body)
	}
	if got := strings.Join(standing(t, k, id), ";"); got != "Neil Frackelton: " {
		t.Errorf("apologies standing after a button naming only the user's workspace = %q", got)
	}
}

// TestHomeOpenedNamingNoWorkspace: a Home is built from one workspace's
// committees. An app_home_opened event without team_id takes the
// workspace of the Home it names; one naming none publishes nothing,
// rather than a Home gathered from every workspace.
func TestHomeOpenedNamingNoWorkspace(t *testing.T) {
	k := newCommittee(t)
	k.Server.Settle()
	signed := bottest.SignJSON(nil)
	before := len(k.Slack.Calls("views.publish"))
	for i, b := range []string{
		`{"type":"event_callback","event_id":"Ev21","event":{"type":"app_home_opened","user":"UNEIL","channel":"D1","tab":"home","event_ts":"1.2"}}`,
		`{"type":"event_callback","team_id":"","event_id":"Ev22","event":{"type":"app_home_opened","user":"UNEIL","channel":"D1","tab":"home","event_ts":"1.2","view":{"id":"V1","type":"home"}}}`,
	} {
		if status, body := k.PostRaw("/slack/events", []byte(b), "application/json", signed); status != http.StatusOK {
			t.Errorf("event %d: status %d (%s), want 200 so that Slack stops", i+1, status, body)
		}
	}
	k.Server.Settle()
	if n := len(k.Slack.Calls("views.publish")) - before; n != 0 {
		t.Errorf("%d Homes published for events naming no workspace, want none", n)
	}
	var viewers int
	if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM home_viewers WHERE team_id = ''`).Scan(&viewers); err != nil {
		t.Fatal(err)
	}
	if viewers != 0 {
		t.Errorf("%d Home viewers recorded without a workspace, want none", viewers)
	}
	// The Home already shown names its workspace.
	shown := `{"type":"event_callback","event_id":"Ev23","event":{"type":"app_home_opened","user":"UNEIL","channel":"D1","tab":"home","event_ts":"1.2","view":{"id":"V1","type":"home","team_id":"T1"}}}`
	if status, body := k.PostRaw("/slack/events", []byte(shown), "application/json", signed); status != http.StatusOK {
		t.Fatalf("event naming its Home's workspace: status %d (%s)", status, body)
	}
	k.Server.Settle()
	if n := len(k.Slack.Calls("views.publish")) - before; n != 1 {
		t.Errorf("%d Homes published for an event whose Home names the workspace, want 1", n)
	}
}
