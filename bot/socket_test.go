package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// responseURLs is a stand-in for Slack's response_url endpoint: it keeps
// what is posted to it.
type responseURLs struct {
	srv   *httptest.Server
	posts chan string
}

func newResponseURLs(t *testing.T) *responseURLs {
	r := &responseURLs{posts: make(chan string, 16)}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		if !strings.HasPrefix(req.Header.Get("Content-Type"), "application/json") {
			t.Errorf("response_url post has Content-Type %q", req.Header.Get("Content-Type"))
		}
		r.posts <- string(b)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *responseURLs) url() string { return r.srv.URL + "/commands/T1/1/x" }

func (r *responseURLs) next(t *testing.T) string {
	t.Helper()
	select {
	case p := <-r.posts:
		return p
	case <-time.After(15 * time.Second):
		t.Fatal("nothing was posted to the response_url")
		return ""
	}
}

func slashPayload(user, command, text, responseURL string) slack.SlashCommand {
	return slack.SlashCommand{
		Token: "legacy", TeamID: bottest.Team, TeamDomain: "sefton", ChannelID: bottest.Channel, ChannelName: "safer-sefton",
		UserID: user, UserName: strings.ToLower(user), Command: command, Text: text,
		ResponseURL: responseURL, TriggerID: "1.2.3", APIAppID: "A1",
	}
}

// socketCommand sends a slash command over Socket Mode and returns the
// acknowledgement's payload.
func socketCommand(t *testing.T, k *bottest.Kit, p slack.SlashCommand) json.RawMessage {
	t.Helper()
	id, err := k.Slack.Socket.Send("slash_commands", p)
	if err != nil {
		t.Fatal(err)
	}
	ack, err := k.Slack.Socket.Ack(id, 15*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return ack
}

func ackText(t *testing.T, ack json.RawMessage) string {
	t.Helper()
	var msg struct {
		ResponseType string       `json:"response_type"`
		Text         string       `json:"text"`
		Blocks       slack.Blocks `json:"blocks"`
	}
	if err := json.Unmarshal(ack, &msg); err != nil {
		t.Fatalf("acknowledgement is not a message: %v\n%s", err, ack)
	}
	return msg.Text
}

func healthz(t *testing.T, k *bottest.Kit) string {
	t.Helper()
	resp, err := http.Get(k.HTTP.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz = %d", resp.StatusCode)
	}
	return string(b)
}

func standing(t *testing.T, k *bottest.Kit, meetingID int64) []string {
	t.Helper()
	as, err := k.DB.Apologies(context.Background(), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range as {
		out = append(out, a.Name+": "+a.Reason)
	}
	return out
}

// homesOf returns the Home tabs published for user, as JSON.
func homesOf(k *bottest.Kit, user string) []string {
	var out []string
	for _, c := range k.Slack.Calls("views.publish") {
		if c.Arg("user_id") == user {
			out = append(out, c.Arg("view"))
		}
	}
	return out
}

// latestHome waits until the Home last published for user holds want,
// and returns it. It runs the outbox as it waits: a change to the records
// queues the Homes it concerns there.
func latestHome(t *testing.T, k *bottest.Kit, user, want string) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		k.Drain()
		hs := homesOf(k, user)
		if len(hs) > 0 && strings.Contains(hs[len(hs)-1], want) {
			return hs[len(hs)-1]
		}
		if time.Now().After(deadline) {
			last := "none"
			if len(hs) > 0 {
				last = hs[len(hs)-1]
			}
			t.Fatalf("no Home for %s holds %q; the last published:\n%s", user, want, last)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSocketModeCommandsButtonsAndForms(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	openHomes(t, k, neil)
	if got := healthz(t, k); got != "ok\n" {
		t.Errorf("/healthz in HTTP mode = %q", got)
	}
	k.StartSocket()
	if got := healthz(t, k); !strings.Contains(got, "socket: connected") {
		t.Errorf("/healthz = %q, want the socket connected", got)
	}
	id := nextMeetingID(t, k)
	replies := newResponseURLs(t)

	// Setting a committee up in a group's messages is refused over the
	// socket as over HTTP: Socket Mode's command carries the channel's
	// name too.
	group := slashPayload(neil, "/committee", "setup Sefton Youth Board", replies.url())
	group.ChannelID, group.ChannelName = "G0GROUP", "mpdm-ian--neil--sue-1"
	if got := ackText(t, socketCommand(t, k, group)); !strings.Contains(got, "not a direct message") {
		t.Errorf("setup in a group's messages over the socket: %s", got)
	}

	// A slash command: the reply rides in the acknowledgement.
	ack := socketCommand(t, k, slashPayload(neil, "/apologies", "Unwell", replies.url()))
	if got := ackText(t, ack); !strings.Contains(got, "are recorded") || !strings.Contains(got, "Reason: Unwell") {
		t.Errorf("acknowledgement = %s", ack)
	}
	if diff := strings.Join(standing(t, k, id), ";"); diff != "Neil Frackelton: Unwell" {
		t.Errorf("apologies standing = %q", diff)
	}
	// Sending apologies refreshes the sender's Home in the background.
	latestHome(t, k, neil, "You have sent apologies for the next meeting.\\nReason: Unwell")

	// The Withdraw button in that reply: an empty acknowledgement, and the
	// reply goes to the response_url.
	envID, err := k.Slack.Socket.Send("interactive", map[string]any{
		"type": "block_actions", "team": map[string]any{"id": bottest.Team}, "user": map[string]any{"id": neil, "name": "neil"},
		"channel": map[string]any{"id": bottest.Channel}, "response_url": replies.url(), "trigger_id": "1.2.3",
		"container": map[string]any{"type": "message"},
		"actions":   []map[string]any{{"type": "button", "action_id": "apologies.withdraw", "block_id": "b", "value": strconv.FormatInt(id, 10)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ack, err := k.Slack.Socket.Ack(envID, 15*time.Second); err != nil || string(ack) != "null" {
		t.Errorf("button acknowledgement = %s, %v; want empty", ack, err)
	}
	if post := replies.next(t); !strings.Contains(post, "are withdrawn") {
		t.Errorf("response_url got %s", post)
	}
	if got := standing(t, k, id); len(got) != 0 {
		t.Errorf("apologies standing after withdrawal = %q", got)
	}

	// A form with a mistake stays open, showing the error by its field.
	submit := func(reason string) json.RawMessage {
		t.Helper()
		envID, err := k.Slack.Socket.Send("interactive", map[string]any{
			"type": "view_submission", "team": map[string]any{"id": bottest.Team}, "user": map[string]any{"id": neil},
			"view": map[string]any{
				"id": "V1", "type": "modal", "callback_id": commands.ApologyFormID, "private_metadata": `{"t":"` + bottest.Team + `","m":"` + strconv.FormatInt(id, 10) + `"}`,
				"state": map[string]any{"values": map[string]any{"reason": map[string]any{"reason": map[string]any{"type": "plain_text_input", "value": reason}}}},
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		ack, err := k.Slack.Socket.Ack(envID, 15*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return ack
	}
	var resp struct {
		ResponseAction string            `json:"response_action"`
		Errors         map[string]string `json:"errors"`
	}
	if err := json.Unmarshal(submit(strings.Repeat("x", 600)), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.ResponseAction != "errors" || !strings.Contains(resp.Errors["reason"], "too long") {
		t.Errorf("submission with a long reason acknowledged with %+v", resp)
	}
	if got := standing(t, k, id); len(got) != 0 {
		t.Errorf("a refused form saved %q", got)
	}
	resp.Errors = nil
	if err := json.Unmarshal(submit("Attending court"), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.ResponseAction != "clear" || len(resp.Errors) > 0 {
		t.Errorf("good submission acknowledged with %+v", resp)
	}
	if diff := strings.Join(standing(t, k, id), ";"); diff != "Neil Frackelton: Attending court" {
		t.Errorf("apologies standing after the form = %q", diff)
	}
}

func TestSocketModeHomeButtons(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.StartSocket()
	id := nextMeetingID(t, k)

	k.Server.Settle()
	before := len(homesOf(k, graeme))
	// Opening the Home tab publishes it.
	envID, err := k.Slack.Socket.Send("events_api", homeOpened("Ev1", graeme))
	if err != nil {
		t.Fatal(err)
	}
	if ack, err := k.Slack.Socket.Ack(envID, 15*time.Second); err != nil || string(ack) != "null" {
		t.Errorf("event acknowledgement = %s, %v", ack, err)
	}
	k.Server.Settle()
	if n := len(homesOf(k, graeme)); n != before+1 {
		t.Fatalf("opening the Home published %d views, want 1", n-before)
	}
	home := latestHome(t, k, graeme, "Safer Sefton Together")
	for _, want := range []string{"Safer Sefton Together", "Member for Merseyside Police", "Next meeting: Thursday 10 December 2026, 10:00, Remote Meeting",
		"None sent: you are expected", `"action_id":"apologies.send_next"`, bottest.PublicURL + "/calendar/"} {
		if !strings.Contains(home, want) {
			t.Errorf("Home lacks %q:\n%s", want, home)
		}
	}
	// A retry of the same event is acknowledged, not handled again.
	envID, err = k.Slack.Socket.SendRetry("events_api", homeOpened("Ev1", graeme), 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.Slack.Socket.Ack(envID, 15*time.Second); err != nil {
		t.Fatal(err)
	}
	k.Server.Settle()
	if n := len(homesOf(k, graeme)); n != before+1 {
		t.Errorf("a retried event was handled again: %d views published, want 1", n-before)
	}

	// "Send apologies" on the Home: no response_url, so the outcome is
	// shown at the top of the refreshed Home.
	homeButton := func(action string) {
		t.Helper()
		envID, err := k.Slack.Socket.Send("interactive", map[string]any{
			"type": "block_actions", "team": map[string]any{"id": bottest.Team}, "user": map[string]any{"id": graeme},
			"container": map[string]any{"type": "view", "view_id": "V1"}, "view": map[string]any{"id": "V1", "type": "home"},
			"actions": []map[string]any{{"type": "button", "action_id": action, "block_id": "b", "value": strconv.FormatInt(id, 10)}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := k.Slack.Socket.Ack(envID, 15*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	homeButton("apologies.send_next")
	home = latestHome(t, k, graeme, "are recorded")
	for _, want := range []string{"Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.",
		"You have sent apologies for the next meeting", `"action_id":"apologies.withdraw"`} {
		if !strings.Contains(home, want) {
			t.Errorf("Home after Send apologies lacks %q:\n%s", want, home)
		}
	}
	if got := strings.Join(standing(t, k, id), ";"); got != "Graeme Robson: " {
		t.Errorf("apologies standing = %q", got)
	}
	homeButton("apologies.withdraw")
	home = latestHome(t, k, graeme, "are withdrawn")
	if !strings.Contains(home, "None sent") {
		t.Errorf("Home after Withdraw:\n%s", home)
	}
}

func homeOpened(eventID, user string) map[string]any {
	return map[string]any{
		"token": "legacy", "team_id": bottest.Team, "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": time.Now().Unix(),
		"event": map[string]any{"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home", "event_ts": "1.2"},
	}
}

func TestSocketModeLargeReplyGoesToResponseURL(t *testing.T) {
	k := newCommittee(t)
	c := mustCommittee(t, k.DB)
	for i := range 150 {
		m := commands.Member{CommitteeID: c.ID, UserID: fmt.Sprintf("UM%03d", i), Name: fmt.Sprintf("Member %03d", i),
			Organisation: "Sefton Council for Voluntary Service and Community Partnerships " + strings.Repeat("·", 40), Role: commands.RoleMember}
		if _, err := k.DB.PutMember(context.Background(), m, officer); err != nil {
			t.Fatal(err)
		}
	}
	k.StartSocket()
	replies := newResponseURLs(t)
	// Over HTTP the same reply is well over the 12 KB an acknowledgement may carry.
	if r := k.Must(neil, "/committee", "members"); len(r.Raw) < 20<<10 {
		t.Fatalf("the reply is only %d bytes; the test needs one over 20 KB", len(r.Raw))
	}
	ack := socketCommand(t, k, slashPayload(neil, "/committee", "members", replies.url()))
	if string(ack) != "null" {
		t.Errorf("acknowledgement carries %d bytes, want none", len(ack))
	}
	post := replies.next(t)
	var msg struct {
		bot.Response
		Blocks slack.Blocks `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(post), &msg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg.Text, "153 members") || msg.ResponseType != "ephemeral" || len(msg.Blocks.BlockSet) == 0 {
		t.Errorf("response_url got %.300s", post)
	}
	// A small reply still rides in the acknowledgement.
	if got := ackText(t, socketCommand(t, k, slashPayload(neil, "/apologies", "help", replies.url()))); !strings.Contains(got, "/apologies") {
		t.Errorf("help acknowledged with %q", got)
	}
}

func TestSocketModeReconnects(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.StartSocket()
	ask := func() {
		t.Helper()
		if got := ackText(t, socketCommand(t, k, slashPayload(neil, "/apologies", "list", ""))); !strings.Contains(got, "No apologies for absence") {
			t.Errorf("/apologies list = %q", got)
		}
	}
	ask()

	// The network drops the connection: the bot connects again by itself.
	k.Slack.Socket.Drop()
	if err := k.Slack.Socket.WaitConnections(2, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	ask()
	// Slack asks for a new connection, as it does every few hours.
	if err := k.Slack.Socket.Disconnect(); err != nil {
		t.Fatal(err)
	}
	if err := k.Slack.Socket.WaitConnections(3, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	ask()
	if got := healthz(t, k); !strings.Contains(got, "socket: connected") {
		t.Errorf("/healthz after reconnecting = %q", got)
	}
	if n := len(k.Slack.Calls("apps.connections.open")); n < 3 {
		t.Errorf("apps.connections.open called %d times, want a fresh URL for each of 3 connections", n)
	}
}

func TestSocketModeWhileSlackIsUnreachable(t *testing.T) {
	k := newCommittee(t)
	k.StartSocket()
	// apps.connections.open fails for a while: /healthz says so, and the
	// bot keeps trying until it is back.
	k.Slack.Fail("apps.connections.open", fakeslack.Fault{Status: http.StatusInternalServerError, Times: 3})
	k.Slack.Socket.Drop()
	seen := map[string]bool{}
	deadline := time.Now().Add(15 * time.Second)
	for !seen["socket: disconnected"] && time.Now().Before(deadline) {
		lines := strings.Split(strings.TrimSpace(healthz(t, k)), "\n")
		seen[lines[len(lines)-1]] = true
		time.Sleep(2 * time.Millisecond)
	}
	if !seen["socket: disconnected"] {
		t.Errorf("/healthz never said the socket was disconnected while Slack was unreachable; it said %v", seen)
	}
	if err := k.Slack.Socket.WaitConnections(2, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if got := ackText(t, socketCommand(t, k, slashPayload(neil, "/committee", "members", ""))); !strings.Contains(got, "3 members") {
		t.Errorf("after reconnecting: %q", got)
	}
}

// TestSocketModeOpensForms: a command whose reply is a form (/declare
// alone) opens the modal in Socket Mode as over HTTP, with the command's
// trigger, and is acknowledged empty; the form's submission over the
// socket records the declaration.
func TestSocketModeOpensForms(t *testing.T) {
	k, meetingID := agendaCommittee(t)
	k.StartSocket()
	replies := newResponseURLs(t)

	ack := socketCommand(t, k, slashPayload(neil, "/declare", "", replies.url()))
	if string(ack) != "null" {
		t.Errorf("acknowledgement = %s, want empty", ack)
	}
	trigger, view := openedView(t, k)
	if trigger != "1.2.3" {
		t.Errorf("views.open trigger_id = %q, want the command's", trigger)
	}
	if view["callback_id"] != "declare" {
		t.Errorf("opened view = %v, want the declare form", view)
	}
	var meta map[string]string
	if err := json.Unmarshal([]byte(view["private_metadata"].(string)), &meta); err != nil || meta["c"] != bottest.Channel || meta["m"] != strconv.FormatInt(meetingID, 10) {
		t.Errorf("private_metadata = %v (%v)", view["private_metadata"], err)
	}

	p := bottest.SubmissionPayload(neil, view, declareValues("7.5", "personal", "Trustee of SWACA", false))
	envID, err := k.Slack.Socket.Send("interactive", p)
	if err != nil {
		t.Fatal(err)
	}
	ack, err = k.Slack.Socket.Ack(envID, 15*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		ResponseAction string `json:"response_action"`
	}
	if err := json.Unmarshal(ack, &resp); err != nil || resp.ResponseAction != "clear" {
		t.Errorf("submission acknowledged with %s (%v)", ack, err)
	}
	if n := rows(t, k, `SELECT count(*) FROM declarations WHERE item_number = '7.5' AND kind = 'personal'`); n != 1 {
		t.Errorf("%d declarations stored, want 1", n)
	}
	if c := lastEphemeral(t, k); c.Arg("user") != neil || !strings.Contains(c.Arg("text"), "Recorded: you declared a personal interest in Item 7.5 (SWACA)") {
		t.Errorf("confirmation to %s: %s", c.Arg("user"), c.Arg("text"))
	}

	// Slack refusing the modal: the acknowledgement says so.
	k.Slack.Fail("views.open", fakeslack.Fault{Error: "expired_trigger_id", Times: 1})
	if got := ackText(t, socketCommand(t, k, slashPayload(neil, "/declare", "", replies.url()))); !strings.Contains(got, "Slack did not open the form") {
		t.Errorf("acknowledgement when the form did not open: %q", got)
	}
}

// TestSocketModeCommandsNamingNoWorkspace: over Socket Mode as over HTTP
// (TestSlashCommandsNamingNoWorkspace), a slash command naming no
// workspace or no channel reaches no committee. It is acknowledged with a
// sentence saying nothing was done, and nothing is recorded.
func TestSocketModeCommandsNamingNoWorkspace(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.StartSocket()
	for name, f := range map[string]func(*slack.SlashCommand){
		"no team_id":    func(p *slack.SlashCommand) { p.TeamID = "" },
		"no channel_id": func(p *slack.SlashCommand) { p.ChannelID = "" },
	} {
		p := slashPayload(neil, "/apologies", "Unwell", "")
		f(&p)
		ack := socketCommand(t, k, p)
		if got := ackText(t, ack); !strings.Contains(got, "nothing was done") {
			t.Errorf("%s: acknowledgement = %s, want it to say nothing was done", name, ack)
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

// TestSocketModeFormNamingNoWorkspace: over Socket Mode, a form submitted
// naming no workspace (no team, no user.team_id, and none in the form's
// metadata) is refused in the form, which stays open saying nothing was
// saved, rather than closed as if it had been; nothing is recorded.
func TestSocketModeFormNamingNoWorkspace(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.StartSocket()
	id := strconv.FormatInt(nextMeetingID(t, k), 10)
	envID, err := k.Slack.Socket.Send("interactive", map[string]any{
		"type": "view_submission", "user": map[string]any{"id": neil},
		"view": map[string]any{
			"id": "V1", "type": "modal", "callback_id": commands.ApologyFormID, "private_metadata": `{"m":"` + id + `"}`,
			"blocks": []any{map[string]any{"type": "input", "block_id": "reason", "label": map[string]any{"type": "plain_text", "text": "Reason"},
				"element": map[string]any{"type": "plain_text_input", "action_id": "reason"}}},
			"state": map[string]any{"values": map[string]any{"reason": map[string]any{"reason": map[string]any{"type": "plain_text_input", "value": "Unwell"}}}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ack, err := k.Slack.Socket.Ack(envID, 15*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		ResponseAction string            `json:"response_action"`
		Errors         map[string]string `json:"errors"`
	}
	if err := json.Unmarshal(ack, &resp); err != nil || resp.ResponseAction != "errors" || !strings.Contains(resp.Errors["reason"], "nothing was done") {
		t.Errorf("submission naming no workspace acknowledged with %s (%v), want the form kept open saying nothing was done", ack, err)
	}
	if got := standing(t, k, nextMeetingID(t, k)); len(got) != 0 {
		t.Errorf("apologies recorded from a form naming no workspace: %q", got)
	}
}

// TestSocketModeButtonNamingNoWorkspace: over Socket Mode, a button
// pressed naming no workspace does nothing, and the presser is told so
// through the response_url, since no refusal reaches them otherwise.
func TestSocketModeButtonNamingNoWorkspace(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.StartSocket()
	replies := newResponseURLs(t)
	id := strconv.FormatInt(nextMeetingID(t, k), 10)
	envID, err := k.Slack.Socket.Send("interactive", map[string]any{
		"type": "block_actions", "user": map[string]any{"id": neil, "name": "neil"},
		"channel": map[string]any{"id": bottest.Channel}, "response_url": replies.url(), "trigger_id": "1.2.3",
		"container": map[string]any{"type": "message"},
		"actions":   []map[string]any{{"type": "button", "action_id": "apologies.send_next", "block_id": "b", "value": id}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ack, err := k.Slack.Socket.Ack(envID, 15*time.Second); err != nil || string(ack) != "null" {
		t.Errorf("button acknowledgement = %s, %v; want empty", ack, err)
	}
	if post := replies.next(t); !strings.Contains(post, "nothing was done") {
		t.Errorf("response_url got %s, want it to say nothing was done", post)
	}
	if got := standing(t, k, nextMeetingID(t, k)); len(got) != 0 {
		t.Errorf("apologies recorded from a button naming no workspace: %q", got)
	}
}
