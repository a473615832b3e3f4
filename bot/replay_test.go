package bot_test

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
)

// capture signs a request the first time and sends the same headers every
// time after, as someone replaying a captured request does.
func capture() func(http.Header, []byte) {
	var saved http.Header
	return func(h http.Header, b []byte) {
		if saved == nil {
			bottest.Sign(h, b, bottest.Secret, time.Now())
			saved = h.Clone()
			return
		}
		for k, v := range saved {
			h[k] = v
		}
	}
}

// TestReplayDrill replays a captured /apologies after the member changed
// the reason, within Slack's five minutes, to this replica and to another
// sharing the database: both refuse it, and the reason stays the latest.
func TestReplayDrill(t *testing.T) {
	k := newCommittee(t)
	other := bottest.NewWithDB(t, k.DB) // a second replica
	other.SetNow(now)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	const form = "application/x-www-form-urlencoded"
	old := []byte(bottest.CommandForm(neil, "/apologies", "Unwell").Encode())
	sign := capture()
	if status, out := k.PostRaw("/slack/commands", old, form, sign); status != http.StatusOK {
		t.Fatalf("the original: %d %s", status, out)
	}
	wantText(t, k.Must(neil, "/apologies", "Train strike"), "are updated")

	var replays, refused int
	for _, kit := range []*bottest.Kit{k, other, k} {
		status, out := kit.PostRaw("/slack/commands", old, form, sign)
		replays++
		if status == http.StatusUnauthorized {
			refused++
		} else {
			t.Errorf("replay %d: status %d, want 401: %s", replays, status, out)
		}
	}
	m, err := k.DB.NextMeeting(context.Background(), mustCommittee(t, k.DB).ID, now)
	if err != nil {
		t.Fatal(err)
	}
	as, err := k.DB.Apologies(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := k.DB.ApologyHistory(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Reason != "Train strike" || len(hist) != 2 {
		t.Errorf("after the replays: apologies %+v, %d history entries; want one, \"Train strike\", and 2 entries", as, len(hist))
	}
	got, _ := scrape(t, k)
	t.Logf("replay drill: %d replays, %d refused, %d acted on", replays, refused, len(hist)-2)
	// Acknowledged: the original and the change. A replay that was refused
	// yet changed the record is phantom; one acted on is a duplicate.
	f := figures{acknowledged: 2, inDatabase: len(hist), duplicates: replays - refused}
	seen := map[string]bool{}
	for _, h := range hist {
		seen[h.Reason] = true
	}
	for _, r := range []string{"Unwell", "Train strike"} {
		if !seen[r] {
			f.lost++
		}
	}
	if len(hist) > 2 {
		f.phantom = len(hist) - 2 - f.duplicates
		if f.phantom < 0 {
			f.phantom = 0
		}
	}
	f.report(t, "replay")
	if n := got[`quorum_http_rejected_total{reason="replay"}`]; n != 2 {
		t.Errorf("replays counted on this replica: %v, want 2", n)
	}
}

// TestReplayedCommandsAreRefused: a captured command sent again is refused
// whichever way the command goes: the apology written with its check in
// one statement, an officer's apology for someone else and one from a
// direct message (which go the long way), a declaration made in one
// statement too, one for someone else and one the statement refuses
// (which go the long way), a report link from an officer (one
// statement) and one from the item's presenter (the long way, where the
// presenter's rule is), and reads: an agenda, and minutes found by words
// and by number, with the check in the statement that finds them. Sent
// eight times at once, to two replicas, a captured apology is acted on
// once. Nothing a replay could change has changed.
func TestReplayedCommandsAreRefused(t *testing.T) {
	k := newCommittee(t)
	other := bottest.NewWithDB(t, k.DB) // a second replica
	other.SetNow(now)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "add 7.5 SWACA — Neil Frackelton")
	const form = "application/x-www-form-urlencoded"
	dm := bottest.CommandForm(neil, "/apologies", "From a direct message")
	dm.Set("channel_id", "DNEIL")
	for _, tc := range []struct {
		name string
		body []byte
	}{
		{"apology", []byte(bottest.CommandForm(neil, "/apologies", "Unwell").Encode())},
		{"apology for someone else", []byte(bottest.CommandForm(officer, "/apologies", "for <@UGRAEME> Ill").Encode())},
		{"apology from a direct message", []byte(dm.Encode())},
		{"declaration", []byte(bottest.CommandForm(neil, "/declare", "7.5 personal Trustee of SWACA").Encode())},
		{"declaration for someone else", []byte(bottest.CommandForm(officer, "/declare", "for <@UGRAEME> 7.5 other Governor").Encode())},
		{"declaration on an item not on the agenda", []byte(bottest.CommandForm(neil, "/declare", "9 personal Trustee of SWACA").Encode())},
		{"report link from an officer", []byte(bottest.CommandForm(officer, "/report", "7.5 https://example.org/o.pdf Officer's note").Encode())},
		{"report link from the item's presenter", []byte(bottest.CommandForm(neil, "/report", "7.5 https://example.org/n.pdf SWACA report").Encode())},
		{"read", []byte(bottest.CommandForm(neil, "/agenda", "").Encode())},
		{"search of the minutes", []byte(bottest.CommandForm(neil, "/resolution", "youth anti-social behaviour").Encode())},
		{"minute by number", []byte(bottest.CommandForm(neil, "/resolution", "28").Encode())},
	} {
		sign := capture()
		if status, out := k.PostRaw("/slack/commands", tc.body, form, sign); status != http.StatusOK {
			t.Fatalf("%s, the original: %d %s", tc.name, status, out)
		}
		before := replayRecords(t, k)
		for _, kit := range []*bottest.Kit{k, other} {
			if status, out := kit.PostRaw("/slack/commands", tc.body, form, sign); status != http.StatusUnauthorized {
				t.Errorf("%s, replayed: status %d, want 401: %s", tc.name, status, out)
			}
		}
		if after := replayRecords(t, k); after != before {
			t.Errorf("%s: a replay changed the records: %d history rows before, %d after", tc.name, before, after)
		}
	}

	body := []byte(bottest.CommandForm(graeme, "/apologies", "Called away").Encode())
	sign := capture()
	sign(http.Header{}, body) // signed once; every sending below is the same
	var wg sync.WaitGroup
	statuses := make(chan int, 8)
	for i := range 8 {
		kit := k
		if i%2 == 1 {
			kit = other
		}
		wg.Go(func() {
			status, _ := kit.PostRaw("/slack/commands", body, form, sign)
			statuses <- status
		})
	}
	wg.Wait()
	close(statuses)
	count := map[int]int{}
	for s := range statuses {
		count[s]++
	}
	if count[http.StatusOK] != 1 || count[http.StatusUnauthorized] != 7 {
		t.Errorf("eight sendings at once: statuses %v, want one 200 and seven 401", count)
	}
}

// replayRecords counts the rows of history a command could add to.
func replayRecords(t *testing.T, k *bottest.Kit) int {
	t.Helper()
	var n int
	err := k.DB.SQL().QueryRowContext(context.Background(), `SELECT
		(SELECT count(*) FROM apology_history) + (SELECT count(*) FROM declarations) + (SELECT count(*) FROM audit_log)`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReplayedInteractionIsRefused: a button press or form submission
// sent again is refused like a slash command.
func TestReplayedInteractionIsRefused(t *testing.T) {
	k := newCommittee(t)
	payload, err := json.Marshal(bottest.ButtonPayload(neil, "home_refresh", "", k.NewHook().URL()))
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("payload=" + string(payload))
	sign := capture()
	first, _ := k.PostRaw("/slack/interactions", body, "application/x-www-form-urlencoded", sign)
	again, _ := k.PostRaw("/slack/interactions", body, "application/x-www-form-urlencoded", sign)
	if first == http.StatusUnauthorized || again != http.StatusUnauthorized {
		t.Errorf("an interaction and its replay: status %d and %d, want the replay refused with 401", first, again)
	}
}

// TestEventRetryReachingAnotherReplica: Slack retries an event under a new
// signature; the retry is answered but not handled again, whichever
// replica it reaches.
func TestEventRetryReachingAnotherReplica(t *testing.T) {
	k := newCommittee(t)
	other := bottest.NewWithDB(t, k.DB)
	other.SetNow(now)
	other.AddUser(neil, "Neil Frackelton")
	opened, _ := json.Marshal(homeOpened("Ev200", neil))
	if status, body := k.PostRaw("/slack/events", opened, "application/json", bottest.SignJSON(nil)); status != http.StatusOK {
		t.Fatalf("app_home_opened: %d %s", status, body)
	}
	k.Server.Settle()
	retry := bottest.SignJSON(map[string]string{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
	if status, _ := other.PostRaw("/slack/events", opened, "application/json", retry); status != http.StatusOK {
		t.Errorf("retry: status %d, want 200 so that Slack stops retrying", status)
	}
	other.Server.Settle()
	if n, m := len(homesOf(k, neil)), len(homesOf(other, neil)); n != 1 || m != 0 {
		t.Errorf("Homes published for an event and its retry: %d by the first replica, %d by the second; want 1 and 0", n, m)
	}
	// A new event still reaches the second replica.
	fresh, _ := json.Marshal(homeOpened("Ev201", neil))
	other.PostRaw("/slack/events", fresh, "application/json", bottest.SignJSON(nil))
	other.Server.Settle()
	if m := len(homesOf(other, neil)); m != 1 {
		t.Errorf("a new event on the second replica published %d Homes, want 1", m)
	}
}

// TestReplayedRefusalsAreRefused: a replay of a request that runs no
// subcommand (help, a mistyped subcommand, an unknown command) is refused
// as a replay too, not answered again.
func TestReplayedRefusalsAreRefused(t *testing.T) {
	k := newCommittee(t)
	const form = "application/x-www-form-urlencoded"
	for _, tc := range []struct{ cmd, text string }{
		{"/apologies", "help"}, {"/agenda", "nonsense-subcommand"}, {"/nosuchcommand", ""},
	} {
		body := []byte(bottest.CommandForm(neil, tc.cmd, tc.text).Encode())
		sign := capture()
		if status, out := k.PostRaw("/slack/commands", body, form, sign); status != http.StatusOK {
			t.Fatalf("%s %s, the original: %d %s", tc.cmd, tc.text, status, out)
		}
		if status, out := k.PostRaw("/slack/commands", body, form, sign); status != http.StatusUnauthorized {
			t.Errorf("%s %s replayed: status %d, want 401: %.80s", tc.cmd, tc.text, status, out)
		}
	}
}

// TestLateReplayIsCountedAndNotPosted: a replay sent while its original is
// held up in the database waits there for it, past the moment Slack must
// be answered, and so is answered that the outcome follows. It then
// writes nothing, is counted as a replay, and posts nothing: the only
// outcome posted to response_url is the original's.
func TestLateReplayIsCountedAndNotPosted(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	ts, srv := answeringWithin(t, k, 400*time.Millisecond)
	hook := k.NewHook()

	// The meeting is locked until both requests are waiting in the
	// database.
	ctx := context.Background()
	tx := lockMeeting(t, k)
	form := bottest.CommandForm(neil, "/apologies", "Unwell")
	form.Set("response_url", hook.URL())
	body := []byte(form.Encode())
	hdr := http.Header{}
	bottest.Sign(hdr, body, bottest.Secret, time.Now())
	post := func() int {
		req, err := http.NewRequest(http.MethodPost, ts.URL+"/slack/commands", strings.NewReader(string(body)))
		if err != nil {
			t.Error(err)
			return 0
		}
		maps.Copy(req.Header, hdr)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0
		}
		defer resp.Body.Close()
		_, _ = io.ReadAll(resp.Body)
		return resp.StatusCode
	}
	waiting := func(n int) {
		t.Helper()
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
			var got int
			if err := k.DB.SQL().QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got >= n {
				return
			}
		}
		t.Fatalf("fewer than %d requests waiting in the database", n)
	}
	var wg sync.WaitGroup
	statuses := make(chan int, 2)
	wg.Go(func() { statuses <- post() })
	waiting(1)
	wg.Go(func() { statuses <- post() })
	waiting(2)
	// Both are answered while held, so past AnswerWithin: waiting for
	// the answers, not a fixed time, which a loaded machine can outrun.
	var got []int
	for range 2 {
		select {
		case s := <-statuses:
			got = append(got, s)
		case <-time.After(30 * time.Second):
			t.Fatal("a request held in the database was not answered")
		}
	}
	_ = tx.Rollback()
	wg.Wait()
	srv.Close() // waits for the outcomes that follow
	for _, s := range got {
		if s != http.StatusOK && s != http.StatusUnauthorized {
			t.Errorf("status %d", s)
		}
	}
	if posts := hook.Posts(); len(posts) != 1 || !strings.Contains(hook.Last(), "Your apologies for the meeting") {
		t.Errorf("posted to response_url: %v; want the original's outcome alone", posts)
	}
	mresp, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	mb, _ := io.ReadAll(mresp.Body)
	mresp.Body.Close()
	if !strings.Contains(string(mb), `quorum_http_rejected_total{reason="replay"} 1`) {
		t.Errorf("the replay is not counted as one")
	}
	if hist, err := k.DB.ApologyHistory(ctx, nextMeetingID(t, k)); err != nil || len(hist) != 1 {
		t.Errorf("history %d entries (%v), want the original's alone", len(hist), err)
	}
}

// TestReplayWithSignatureRespelledIsRefused: a signature's hex digits may
// be written in upper case and still verify, so a captured request sent
// again with its signature re-spelt is the same request, and refused.
func TestReplayWithSignatureRespelledIsRefused(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	const form = "application/x-www-form-urlencoded"
	body := []byte(bottest.CommandForm(officer, "/agenda", "add 9 Replayed Item").Encode())
	sign := capture()
	if status, out := k.PostRaw("/slack/commands", body, form, sign); status != http.StatusOK {
		t.Fatalf("the original: %d %s", status, out)
	}
	before := replayRecords(t, k)
	respelt := func(h http.Header, b []byte) {
		sign(h, b)
		h.Set("X-Slack-Signature", "v0="+strings.ToUpper(strings.TrimPrefix(h.Get("X-Slack-Signature"), "v0=")))
	}
	if status, out := k.PostRaw("/slack/commands", body, form, respelt); status != http.StatusUnauthorized {
		t.Errorf("replayed with the signature in upper case: status %d, want 401: %.120s", status, out)
	}
	if after := replayRecords(t, k); after != before {
		t.Errorf("a replay changed the records: %d rows before, %d after", before, after)
	}

	payload, err := json.Marshal(bottest.ButtonPayload(neil, "home_refresh", "", k.NewHook().URL()))
	if err != nil {
		t.Fatal(err)
	}
	press := []byte("payload=" + string(payload))
	sign = capture()
	if status, _ := k.PostRaw("/slack/interactions", press, form, sign); status == http.StatusUnauthorized {
		t.Fatalf("the original button press was refused")
	}
	if status, _ := k.PostRaw("/slack/interactions", press, form, respelt); status != http.StatusUnauthorized {
		t.Errorf("a button press replayed with the signature in upper case: status %d, want 401", status)
	}
}
