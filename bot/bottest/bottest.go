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
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

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

	mu  sync.Mutex
	now time.Time
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
	k := &Kit{T: t, DB: db, Slack: fakeslack.New()}
	t.Cleanup(k.Slack.Close)
	k.Client = slack.New("xoxb-test", slack.OptionAPIURL(k.Slack.URL()))
	k.Service = commands.New(db, bot.NewUsers(k.Client))
	k.Metrics = bot.NewMetrics()
	k.Metrics.WatchOutbox(db.OutboxDepth, nil)
	k.Server = bot.NewServer(bot.Config{
		SigningSecret: Secret, Service: k.Service, Slack: k.Client, Ready: db.Ping, Now: k.Now, Metrics: k.Metrics,
	})
	k.HTTP = httptest.NewServer(k.Server)
	t.Cleanup(k.HTTP.Close)
	return k
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
	return resp.StatusCode, out
}

// CommandForm is the form Slack posts for a slash command.
func CommandForm(user, command, text string) url.Values {
	return url.Values{
		"token": {"legacy"}, "team_id": {Team}, "team_domain": {"sefton"},
		"channel_id": {Channel}, "channel_name": {"safer-sefton"},
		"user_id": {user}, "user_name": {strings.ToLower(user)},
		"command": {command}, "text": {text},
		"response_url": {"https://hooks.slack.invalid/commands/T1/1/x"},
		"trigger_id":   {"13345224609.738474920.8088930838d88f008e0"},
		"api_app_id":   {"A1"},
	}
}

// Reply is a slash command's answer as the kit read it.
type Reply struct {
	Status int
	bot.Response
	Raw string
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
	return b.String()
}

// Public reports whether the reply is shown in the channel.
func (r Reply) Public() bool { return r.ResponseType == slack.ResponseTypeInChannel }

// Command runs "/command text" as user through POST /slack/commands.
func (k *Kit) Command(user, command, text string) Reply {
	k.T.Helper()
	status, body := k.Post("/slack/commands", CommandForm(user, command, text))
	r := Reply{Status: status, Raw: string(body)}
	if status == http.StatusOK {
		var raw struct {
			ResponseType string          `json:"response_type"`
			Text         string          `json:"text"`
			Blocks       slack.Blocks    `json:"blocks"`
			Extra        json.RawMessage `json:"-"`
		}
		if err := json.Unmarshal(body, &raw); err != nil {
			k.T.Fatalf("reply is not JSON: %v\n%s", err, body)
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
