package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestServeStopsCleanlyUnderLoad runs the real serve code path, stops it
// (as SIGTERM does, by cancelling its context) while apologies are in
// flight, and checks that those in flight finish with a proper answer,
// that everything answered as saved is saved, and that serve returns
// within a few seconds.
func TestServeStopsCleanlyUnderLoad(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.CreateCommittee(ctx, commands.Committee{Name: "Safer Sefton Together", TeamID: bottest.Team, ChannelID: bottest.Channel},
		commands.Member{UserID: "UIAN", Name: "Ian Barton", Role: commands.RoleOfficer})
	if err != nil {
		t.Fatal(err)
	}
	const users = 10
	for i := range users {
		if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: fmt.Sprintf("U%02d", i), Name: fmt.Sprintf("Member %d", i), Organisation: "SWACA", Role: commands.RoleMember}, "UIAN"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Now().AddDate(0, 0, 30), Status: commands.MeetingScheduled}, "UIAN"); err != nil {
		t.Fatal(err)
	}

	// Every apology names a substitute nobody has looked up yet, and the
	// Slack API takes 500ms to answer users.info: requests stay in flight.
	slack := fakeslack.New()
	defer slack.Close()
	slack.Fail("users.info", fakeslack.Fault{Delay: 500 * time.Millisecond})

	env := map[string]string{
		"DATABASE_URL": dsn, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": bottest.Secret,
		"SLACK_API_URL": slack.URL(), "LISTEN_ADDR": "127.0.0.1:0", "LOG_LEVEL": "info",
	}
	addrc := make(chan string, 1)
	listening = func(a net.Addr) { addrc <- a.String() }
	defer func() { listening = func(net.Addr) {} }()
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	var logs syncBuffer
	errc := make(chan error, 1)
	go func() {
		errc <- run(sctx, []string{"serve"}, strings.NewReader(""), io.Discard, &logs, func(k string) string { return env[k] })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a
	case err := <-errc:
		t.Fatalf("serve returned at once: %v\n%s", err, logs.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not start listening\n%s", logs.String())
	}

	// An apology answered "working on it" (a loaded machine passing the
	// 2.8 s answer time) is judged by its outcome, posted here: serve
	// posts every outcome that follows before it returns.
	hook := bottest.NewHook(t)
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	type result struct {
		n          int
		at         time.Time
		status     int
		reply, err string
	}
	var (
		mu      sync.Mutex
		results []result
		next    int
	)
	stopLoad := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				select {
				case <-stopLoad:
					return
				default:
				}
				mu.Lock()
				n := next
				next++
				mu.Unlock()
				r := result{n: n, at: time.Now()}
				form := bottest.CommandForm(fmt.Sprintf("U%02d", n%users), "/apologies", fmt.Sprintf("Stopping %d sub <@USUB%d>", n, n))
				form.Set("response_url", hook.At(fmt.Sprintf("/commands/%d", n)))
				body := form.Encode()
				req, _ := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				bottest.Sign(req.Header, []byte(body), bottest.Secret, time.Now())
				resp, err := client.Do(req)
				if err != nil {
					r.err = err.Error()
					time.Sleep(5 * time.Millisecond) // refused once stopped: do not spin
				} else {
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					r.status, r.reply = resp.StatusCode, string(b)
				}
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
			}
		})
	}

	// Load for 1.2 s, and on a loaded machine until at least one request
	// of each client has been answered.
	time.Sleep(1200 * time.Millisecond)
	for end := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		n := len(results)
		mu.Unlock()
		if n >= 8 || time.Now().After(end) {
			break
		}
	}
	stoppedAt := time.Now()
	stop()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("serve did not return within 5s of being stopped\n%s", logs.String())
	}
	tookToStop := time.Since(stoppedAt)
	close(stopLoad)
	wg.Wait()

	var inFlight, answered int
	for _, r := range results {
		if r.status == http.StatusOK && strings.Contains(r.reply, bot.LateText) {
			if b, ok := hook.PostedTo(fmt.Sprintf("/commands/%d", r.n)); ok {
				r.reply = string(b)
			}
		}
		ok := r.status == http.StatusOK && (strings.Contains(r.reply, "are recorded") || strings.Contains(r.reply, "are updated"))
		if r.at.Before(stoppedAt.Add(-100 * time.Millisecond)) {
			// Sent well before the stop: it must have been answered, properly.
			inFlight++
			if !ok {
				t.Errorf("request %d, in flight at the stop: status %d, err %q: %s", r.n, r.status, r.err, r.reply)
			}
		}
		if r.err == "" {
			answered++
			if !ok {
				t.Errorf("request %d: status %d: %s", r.n, r.status, r.reply)
			}
			var n int
			if err := db.SQL().QueryRow(`SELECT count(*) FROM apology_history WHERE reason = $1`, fmt.Sprintf("Stopping %d", r.n)).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("request %d was answered as saved but is in the database %d times", r.n, n)
			}
		}
	}
	t.Logf("%d requests, %d answered, %d sent before the stop; serve stopped in %v", len(results), answered, inFlight, tookToStop.Round(time.Millisecond))
	if inFlight < 8 {
		t.Errorf("only %d requests before the stop: the drill did not load serve", inFlight)
	}
	if !strings.Contains(logs.String(), "stopped") {
		t.Errorf("serve did not log a clean stop:\n%s", logs.String())
	}
}
