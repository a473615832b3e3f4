// Package bottest drives a real bot.Server in tests: signed HTTP requests
// as Slack sends them, a real PostgreSQL database from pgtest, and a fake
// Slack Web API from fakeslack.
package bottest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// Secret is the signing secret the kit's server trusts.
const Secret = "8f742231b10e8888abcd99yyyzzz85a5"

// Team and Channel are where the kit's requests come from.
const (
	Team    = "T1"
	Channel = "C1"
)

// Kit is a bot under test.
type Kit struct {
	T       testing.TB
	DB      *storage.DB
	Slack   *fakeslack.Server
	Client  *slack.Client
	Service *commands.Service
	Server  *bot.Server
	Metrics *bot.Metrics
	HTTP    *httptest.Server
	// Outbox sends queued messages to the fake Slack when Drain says so.
	Outbox *bot.Outbox

	mu  sync.Mutex
	now time.Time
	// responses is the response_url of the kit's commands, where an
	// outcome that follows a "working on it" answer is posted.
	responses *Hook

	logs logBuffer
}

// logBuffer is what the kit's server logs, kept for Logs.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// Logs is what the bot has logged so far, at INFO and above, one record a
// line in slog's text format.
func (k *Kit) Logs() string {
	k.logs.mu.Lock()
	defer k.logs.mu.Unlock()
	return k.logs.b.String()
}

// New starts a bot on a fresh database. Its clock reads the real time
// until SetNow pins it.
func New(t testing.TB) *Kit {
	t.Helper()
	return NewWithDB(t, pgtest.New(t))
}

// NewWithDB starts a bot on db.
func NewWithDB(t testing.TB, db *storage.DB) *Kit {
	t.Helper()
	return NewWithConfig(t, db, Config{})
}

// Config is what a test may change in how the kit's server runs; the zero
// value runs it as `quorum serve` does.
type Config struct {
	// AnswerWithin and Deadline are bot.Config's: when Slack is answered,
	// the outcome following by response_url when it is not ready, and how
	// long a command's work may take. Zero for the defaults.
	AnswerWithin, Deadline time.Duration
}

// NewWithConfig starts a bot on db, run as cfg says.
func NewWithConfig(t testing.TB, db *storage.DB, cfg Config) *Kit {
	t.Helper()
	k := &Kit{T: t, DB: db, Slack: fakeslack.New()}
	t.Cleanup(k.Slack.Close)
	k.responses = NewHook(t) // closed after the server, which posts to it
	k.Client = slack.New("xoxb-test", slack.OptionAPIURL(k.Slack.URL()))
	k.Service = commands.New(db, bot.NewUsers(k.Client))
	k.Service.SetPublicURL(PublicURL) // as serve sets it
	k.Metrics = bot.NewMetrics()
	k.Metrics.WatchOutbox(db.OutboxDepth, nil)
	k.Server = bot.NewServer(bot.Config{
		SigningSecret: Secret, Service: k.Service, Slack: k.Client, Ready: db.Ping, Now: k.Now,
		PublicURL: PublicURL, Metrics: k.Metrics, FirstSeen: db.FirstSeen,
		AnswerWithin: cfg.AnswerWithin, Deadline: cfg.Deadline,
		Log: slog.New(slog.NewTextHandler(&k.logs, nil)),
	})
	k.HTTP = httptest.NewServer(k.Server)
	t.Cleanup(k.HTTP.Close)
	t.Cleanup(k.Server.Close)
	// Slack refused these calls (invalid_blocks); whatever the test saw
	// of the bot's answer to that, a member would not have seen the post.
	t.Cleanup(func() {
		for _, c := range k.Slack.Invalid() {
			t.Errorf("%s broke Slack's limits: %s", c.Method, strings.Join(c.Invalid, "; "))
		}
		for _, p := range k.Slack.Socket.Invalid() {
			t.Errorf("a Socket Mode acknowledgement broke Slack's limits: %s", p)
		}
	})
	k.Outbox = &bot.Outbox{Store: db, Slack: k.Client, Service: k.Service, Now: k.Now, PublicURL: PublicURL}
	k.Metrics.WatchSlackRefusal(k.Outbox.Refused)
	return k
}

// PublicURL is the address the kit's server says it is reached at.
const PublicURL = "https://quorum.example.org"

// StartSocket connects the bot to the fake Slack in Socket Mode, as
// `quorum serve` does with SLACK_APP_TOKEN set, and waits until it is
// connected. The connection closes when the test ends.
func (k *Kit) StartSocket() {
	k.T.Helper()
	api := slack.New("xoxb-test", slack.OptionAPIURL(k.Slack.URL()), slack.OptionAppLevelToken("xapp-1-test"))
	sock := bot.NewSocket(k.Server, socketmode.New(api))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sock.Run(ctx) }()
	k.T.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				k.T.Errorf("socket mode stopped with %v", err)
			}
		case <-time.After(10 * time.Second):
			k.T.Errorf("socket mode did not stop within 10s of being told to")
		}
	})
	if err := k.Slack.Socket.WaitConnections(1, 5*time.Second); err != nil {
		k.T.Fatal(err)
	}
	k.WaitHealthz("socket: connected")
}

// WaitHealthz waits until /healthz says want, failing the test after 15
// seconds.
func (k *Kit) WaitHealthz(want string) {
	k.T.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(k.HTTP.URL + "/healthz")
		if err != nil {
			k.T.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), want) {
			return
		}
		if time.Now().After(deadline) {
			k.T.Fatalf("/healthz = %q, want %q", b, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// SignJSON returns a signer for PostRaw that signs as Slack does now and
// sets the given extra headers.
func SignJSON(extra map[string]string) func(http.Header, []byte) {
	return func(h http.Header, b []byte) {
		Sign(h, b, Secret, time.Now())
		for k, v := range extra {
			h.Set(k, v)
		}
	}
}

// Drain runs the outbox worker until nothing more is due at the kit's
// clock, and returns how many messages it handled (sent, retried later or
// given up on).
func (k *Kit) Drain() int {
	k.T.Helper()
	total := 0
	for i := 0; i < 1000; i++ {
		n, err := k.Outbox.RunOnce(context.Background())
		if err != nil {
			k.T.Fatalf("outbox: %v", err)
		}
		if n == 0 {
			return total
		}
		total += n
	}
	k.T.Fatal("outbox: still busy after 1000 rounds")
	return total
}

// Remind queues the reminders due at the kit's clock, as the scheduler
// does every minute, and returns how many it queued.
func (k *Kit) Remind() int {
	k.T.Helper()
	n, err := k.Service.EnqueueDueReminders(context.Background(), k.Now())
	if err != nil {
		k.T.Fatalf("reminders: %v", err)
	}
	return n
}

// Advance moves the kit's pinned clock on by d.
func (k *Kit) Advance(d time.Duration) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.now = k.now.Add(d)
}

// Now is the kit's clock.
func (k *Kit) Now() time.Time {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.now.IsZero() {
		return time.Now()
	}
	return k.now
}

// SetNow pins the clock the bot sees (request signatures still use the
// real time, as Slack's do).
func (k *Kit) SetNow(t time.Time) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.now = t
}

// AddUser makes the fake Slack know a person by ID and real name.
func (k *Kit) AddUser(id, name string) {
	k.Slack.AddUser(fakeslack.User{ID: id, Name: strings.ToLower(strings.Fields(name)[0]), RealName: name})
}

// Sign signs a request body as Slack does, at time ts.
func Sign(h http.Header, body []byte, secret string, ts time.Time) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}

// Post sends a signed form POST to path and returns the status and body.
func (k *Kit) Post(path string, form url.Values) (int, []byte) {
	k.T.Helper()
	return k.PostRaw(path, []byte(form.Encode()), "application/x-www-form-urlencoded", func(h http.Header, b []byte) {
		Sign(h, b, Secret, time.Now())
	})
}

// PostRaw sends body to path, letting sign set the headers.
func (k *Kit) PostRaw(path string, body []byte, contentType string, sign func(http.Header, []byte)) (int, []byte) {
	k.T.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, k.HTTP.URL+path, strings.NewReader(string(body)))
	if err != nil {
		k.T.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if sign != nil {
		sign(req.Header, body)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		k.T.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusOK {
		CheckLimits(k.T, "the answer to "+path, out)
	}
	return resp.StatusCode, out
}

// CheckLimits fails t, naming what, when body (JSON posted to Slack or
// answered to it: a message, or an interaction's response with a view)
// breaks Block Kit's limits, which Slack enforces by dropping it whole.
// A body that is empty or not a JSON object is not a message, and left
// alone.
func CheckLimits(t testing.TB, what string, body []byte) {
	t.Helper()
	for _, p := range fakeslack.CheckReply(body) {
		t.Errorf("%s breaks Slack's limits: %s", what, p)
	}
}

// seq numbers what Slack makes unique in each request it sends (a slash
// command's response_url, an interaction's trigger_id), so that two
// requests alike in all else are not taken for a replay of each other.
var seq atomic.Int64

// CommandForm is the form Slack posts for a slash command. Its response_url
// is new each time, as Slack's is.
func CommandForm(user, command, text string) url.Values {
	return url.Values{
		"token": {"legacy"}, "team_id": {Team}, "team_domain": {"sefton"},
		"channel_id": {Channel}, "channel_name": {"safer-sefton"},
		"user_id": {user}, "user_name": {strings.ToLower(user)},
		"command": {command}, "text": {text},
		"response_url": {fmt.Sprintf("https://hooks.slack.invalid/commands/T1/%d/x", seq.Add(1))},
		"trigger_id":   {"13345224609.738474920.8088930838d88f008e0"},
		"api_app_id":   {"A1"},
	}
}

// Reply is a slash command's answer as the kit read it: the outcome a
// member sees in the end.
type Reply struct {
	Status int
	bot.Response
	Raw string
	// Took is how long Slack waited for its answer to the request. When
	// that answer said the outcome follows (bot.LateText), Late is true
	// and the rest is the outcome as posted to the command's response_url.
	Took time.Duration
	Late bool
	// Parts are the messages that followed the first by response_url, for
	// a reply too long for one message (its first says "(part 1 of N)").
	Parts []Reply
}

// Text is the reply's fallback text and every section's text, joined.
func (r Reply) Text() string {
	var b strings.Builder
	b.WriteString(r.Response.Text)
	for _, blk := range r.Blocks {
		if s, ok := blk.(*slack.SectionBlock); ok && s.Text != nil {
			b.WriteString("\n" + s.Text.Text)
		}
	}
	for _, p := range r.Parts {
		b.WriteString("\n" + p.Text())
	}
	return b.String()
}

// firstOf reads "(part 1 of N)" at the end of a reply's text: how many
// parts it comes in, or 0.
var firstOf = regexp.MustCompile(`\(part 1 of (\d+)\)$`)

// Public reports whether the reply is shown in the channel.
func (r Reply) Public() bool { return r.ResponseType == slack.ResponseTypeInChannel }

// Command runs "/command text" as user through POST /slack/commands.
func (k *Kit) Command(user, command, text string) Reply {
	k.T.Helper()
	return k.Slash(CommandForm(user, command, text))
}

// lateWait bounds how long the kit waits for an outcome that Slack was
// answered would follow: on a loaded machine a command's work, cancelled at
// its deadline, can take seconds more to end.
const lateWait = 15 * time.Second

// Slash posts a slash command's form as Slack does and returns its outcome.
// Its response_url is made the kit's own (see Prepare), so that an outcome
// not ready by the time Slack must be answered is read where it is posted
// then: the answer alone would be "working on it" (bot.LateText), which the
// busy machines tests run on give now and then, past the server's 2.8 s,
// to commands that are quick elsewhere. An outcome that comes at once is
// returned at once.
func (k *Kit) Slash(form url.Values) Reply {
	k.T.Helper()
	p := k.Prepare(form)
	start := time.Now()
	status, body := k.Post("/slack/commands", p.Form)
	took := time.Since(start)
	r := p.Outcome(status, body)
	r.Took = took
	return r
}

// Pending is a slash command about to be sent, whose outcome the kit
// listens for.
type Pending struct {
	// Form is the command's form to send, its response_url the kit's.
	Form url.Values
	k    *Kit
	path string
	// forms is how many forms Slack had opened before.
	forms int
}

// Prepare readies form to be sent (by Slash, or by a test's own client):
// its response_url, new as Slack's is each time, is one the kit listens on.
func (k *Kit) Prepare(form url.Values) *Pending {
	p := &Pending{Form: make(url.Values, len(form)), k: k, path: fmt.Sprintf("/commands/%s/%d/x", Team, seq.Add(1))}
	for name, v := range form {
		p.Form[name] = append([]string(nil), v...)
	}
	p.Form.Set("response_url", k.responses.At(p.path))
	p.forms = k.formsOpened()
	return p
}

// formsOpened counts the forms Slack has opened: views.open answered as
// Slack does, not with a fault (after which the bot says it could not).
func (k *Kit) formsOpened() int {
	n := 0
	for _, c := range k.Slack.Calls("views.open") {
		if !c.Faulted {
			n++
		}
	}
	return n
}

// Outcome is what came of the command, Slack having been answered with
// status and body: that answer, or when it said the outcome follows, the
// outcome once it has (waiting up to lateWait): a message posted to the
// response_url, or a form opened, whose answer is an empty 200. Safe to
// call from any goroutine.
func (p *Pending) Outcome(status int, body []byte) Reply {
	k := p.k
	r := k.reply(status, body)
	if status != http.StatusOK || r.Response.Text != bot.LateText {
		return p.rest(r, 0)
	}
	for end := time.Now().Add(lateWait); ; time.Sleep(10 * time.Millisecond) {
		if body, ok := k.responses.PostedTo(p.path); ok {
			out := k.reply(http.StatusOK, body)
			out.Late = true
			return p.rest(out, 1)
		}
		if k.formsOpened() > p.forms {
			return Reply{Status: http.StatusOK, Late: true}
		}
		if time.Now().After(end) {
			// Errorf, not Fatalf: tests send commands from goroutines too.
			k.T.Errorf("%s %s: Slack was answered that the outcome follows, and none came within %v", p.Form.Get("command"), p.Form.Get("text"), lateWait)
			return r
		}
	}
}

// rest waits for the parts that follow r by the response_url, when r says
// it is the first of several, and adds them to it; skip is how many posts
// to the response_url came before them.
func (p *Pending) rest(r Reply, skip int) Reply {
	m := firstOf.FindStringSubmatch(r.Response.Text)
	if m == nil {
		return r
	}
	n, _ := strconv.Atoi(m[1])
	for end := time.Now().Add(lateWait); ; time.Sleep(10 * time.Millisecond) {
		if posts := p.k.responses.AllPostedTo(p.path); len(posts) >= skip+n-1 {
			for _, body := range posts[skip : skip+n-1] {
				r.Parts = append(r.Parts, p.k.reply(http.StatusOK, body))
			}
			return r
		}
		if time.Now().After(end) {
			p.k.T.Errorf("%s %s: the reply said it comes in %d parts, and the rest did not come within %v", p.Form.Get("command"), p.Form.Get("text"), n, lateWait)
			return r
		}
	}
}

// reply reads the JSON of a command's answer or of its late outcome.
func (k *Kit) reply(status int, body []byte) Reply {
	r := Reply{Status: status, Raw: string(body)}
	if status == http.StatusOK && len(body) > 0 {
		var raw struct {
			ResponseType string       `json:"response_type"`
			Text         string       `json:"text"`
			Blocks       slack.Blocks `json:"blocks"`
		}
		if err := json.Unmarshal(body, &raw); err != nil {
			k.T.Errorf("reply is not JSON: %v\n%s", err, body)
			return r
		}
		r.ResponseType, r.Response.Text, r.Blocks = raw.ResponseType, raw.Text, raw.Blocks.BlockSet
	}
	return r
}

// Must runs a command and fails the test unless Slack got a 200.
func (k *Kit) Must(user, command, text string) Reply {
	k.T.Helper()
	r := k.Command(user, command, text)
	if r.Status != http.StatusOK {
		k.T.Fatalf("%s %s: status %d: %s", command, text, r.Status, r.Raw)
	}
	return r
}

// SetupCommittee makes the kit's channel the committee's, with officer as
// its officer and the given members (user ID → "Name|Organisation").
func (k *Kit) SetupCommittee(name, officer string, members map[string]string) {
	k.T.Helper()
	k.Must(officer, "/committee", "setup "+name)
	for id, v := range members {
		nameOrg := strings.SplitN(v, "|", 2)
		k.AddUser(id, nameOrg[0])
		r := k.Must(officer, "/committee", "member add <@"+id+"> "+nameOrg[1])
		if !strings.Contains(r.Text(), "is now") {
			k.T.Fatalf("adding %s: %s", id, r.Text())
		}
	}
}

// Interact posts an interaction payload as Slack does: a signed,
// form-encoded body whose one field, payload, is the JSON.
func (k *Kit) Interact(payload any) (int, []byte) {
	k.T.Helper()
	b, err := json.Marshal(payload)
	if err != nil {
		k.T.Fatal(err)
	}
	return k.Post("/slack/interactions", url.Values{"payload": {string(b)}})
}

// ButtonPayload is the block_actions payload Slack sends when user presses
// a button (action ID and value as rendered) in an ephemeral message in the
// kit's channel; Slack's answers go to responseURL.
func ButtonPayload(user, actionID, value, responseURL string) map[string]any {
	return map[string]any{
		"type":       "block_actions",
		"user":       map[string]any{"id": user, "username": strings.ToLower(user), "name": strings.ToLower(user), "team_id": Team},
		"api_app_id": "A1", "token": "legacy",
		"container":  map[string]any{"type": "message", "message_ts": "1700000000.000100", "channel_id": Channel, "is_ephemeral": true},
		"trigger_id": fmt.Sprintf("13345224609.738474920.%d", seq.Add(1)),
		"team":       map[string]any{"id": Team, "domain": "sefton"},
		"enterprise": nil, "is_enterprise_install": false,
		"channel":      map[string]any{"id": Channel, "name": "safer-sefton"},
		"state":        map[string]any{"values": map[string]any{}},
		"response_url": responseURL,
		"actions": []any{map[string]any{
			"action_id": actionID, "block_id": "b1", "type": "button", "value": value,
			"text": map[string]any{"type": "plain_text", "text": "Button", "emoji": true}, "action_ts": "1700000001.000200",
		}},
	}
}

// SubmissionPayload is the view_submission payload Slack sends when user
// submits a modal: view is the view as the bot opened it (from the
// recorded views.open call) and values its state, by block ID and then
// action ID, in Slack's shape (e.g. {"type": "plain_text_input", "value": …}).
func SubmissionPayload(user string, view map[string]any, values map[string]map[string]any) map[string]any {
	v := map[string]any{
		"id": "V0123", "team_id": Team, "type": "modal", "hash": "1700000000.abc", "app_id": "A1", "bot_id": "BQUORUM",
		"root_view_id": "V0123", "previous_view_id": nil, "clear_on_close": false, "notify_on_close": false,
		"state": map[string]any{"values": values},
	}
	for _, k := range []string{"blocks", "private_metadata", "callback_id", "title", "submit", "close"} {
		if x, ok := view[k]; ok {
			v[k] = x
		}
	}
	return map[string]any{
		"type":       "view_submission",
		"team":       map[string]any{"id": Team, "domain": "sefton"},
		"user":       map[string]any{"id": user, "username": strings.ToLower(user), "name": strings.ToLower(user), "team_id": Team},
		"api_app_id": "A1", "token": "legacy", "trigger_id": fmt.Sprintf("13345224609.738474920.%d", seq.Add(1)),
		"view": v, "response_urls": []any{}, "is_enterprise_install": false, "enterprise": nil,
	}
}

// maxResponsePosts is how many posts Slack takes to one response_url
// (within 30 minutes of the request; a test takes less).
const maxResponsePosts = 5

// Hook is a response_url: an HTTP server that records the JSON the bot
// posts to it, in the order it came. Each of its addresses (URL, At) is a
// response_url of its own, and more than five posts to one fail the
// test, as Slack refuses them: the member would never see the rest.
type Hook struct {
	srv   *httptest.Server
	mu    sync.Mutex
	posts []map[string]any
	paths []string // of each post, in order
	raw   [][]byte
}

// NewHook starts a Hook, closed when the test ends.
func (k *Kit) NewHook() *Hook { return NewHook(k.T) }

// NewHook starts a Hook, closed when t ends, for a test without a Kit.
func NewHook(t testing.TB) *Hook {
	h := &Hook{}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json; charset=utf-8" || json.Unmarshal(body, &m) != nil {
			http.Error(w, "bad post", http.StatusBadRequest)
			return
		}
		CheckLimits(t, "the post to "+r.URL.Path, body)
		h.mu.Lock()
		h.posts = append(h.posts, m)
		h.paths = append(h.paths, r.URL.Path)
		h.raw = append(h.raw, body)
		n := 0
		for _, p := range h.paths {
			if p == r.URL.Path {
				n++
			}
		}
		h.mu.Unlock()
		if n > maxResponsePosts {
			// Recorded all the same, so that the test can show what came
			// and in what order; Slack answers so.
			t.Errorf("post %d to the response_url %s: Slack takes at most %d to one", n, r.URL.Path, maxResponsePosts)
			http.Error(w, "used_url", http.StatusNotFound)
			return
		}
		_, _ = w.Write([]byte("ok"))
	}))
	t.Cleanup(h.srv.Close)
	return h
}

// URL is a new address of the hook, to put in a payload's response_url:
// each is its own, as Slack gives each request its own.
func (h *Hook) URL() string { return h.srv.URL + fmt.Sprintf("/actions/%s/%d/x", Team, seq.Add(1)) }

// Posts are the bodies posted so far.
func (h *Hook) Posts() []map[string]any {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]map[string]any(nil), h.posts...)
}

// At is the hook's address with path, to tell one request's posts from
// another's (PostedTo); posts to it are counted as to one response_url.
func (h *Hook) At(path string) string { return h.srv.URL + path }

// PostedTo is the first body posted to path, if any.
func (h *Hook) PostedTo(path string) ([]byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, p := range h.paths {
		if p == path {
			return h.raw[i], true
		}
	}
	return nil, false
}

// AllPostedTo are the bodies posted to path, in order.
func (h *Hook) AllPostedTo(path string) [][]byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out [][]byte
	for i, p := range h.paths {
		if p == path {
			out = append(out, h.raw[i])
		}
	}
	return out
}

// Last is the text of the latest post with its blocks' text, or "".
func (h *Hook) Last() string {
	posts := h.Posts()
	if len(posts) == 0 {
		return ""
	}
	return PostText(posts[len(posts)-1])
}

// PostText is a posted message's text and its sections' text, joined.
func PostText(m map[string]any) string {
	var b strings.Builder
	if s, ok := m["text"].(string); ok {
		b.WriteString(s)
	}
	blocks, _ := m["blocks"].([]any)
	for _, blk := range blocks {
		if bm, ok := blk.(map[string]any); ok {
			if t, ok := bm["text"].(map[string]any); ok {
				if s, ok := t["text"].(string); ok {
					b.WriteString("\n" + s)
				}
			}
		}
	}
	return b.String()
}
