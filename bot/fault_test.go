package bot_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// sent is one request of a drill and what came of it.
type sent struct {
	n      int
	reason string
	at     time.Time
	took   time.Duration
	status int
	reply  string
	err    error
}

func (s sent) saved() bool {
	return strings.Contains(s.reply, "are recorded") || strings.Contains(s.reply, "are updated")
}

func (s sent) notSaved() bool { return strings.Contains(s.reply, "NOT saved") }

// inDoubt: the database went away during the commit; the reply says it
// cannot tell, and either outcome is right.
func (s sent) inDoubt() bool { return strings.Contains(s.reply, "cannot tell whether it was") }

// recordedReasons is every reason an apology was ever recorded with.
func recordedReasons(t *testing.T, db *storage.DB) map[string]bool {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT reason FROM apology_history`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		out[r] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// repeatedReasons counts the apologies recorded more than once: each
// request of a drill has its own reason, so a reason twice in the history is
// one request acted on twice.
func repeatedReasons(t *testing.T, db *storage.DB) int {
	t.Helper()
	var n int
	err := db.SQL().QueryRow(`SELECT coalesce(sum(c - 1), 0)::int FROM
		(SELECT count(*) AS c FROM apology_history WHERE reason LIKE 'Drill %'
		 GROUP BY reason HAVING count(*) > 1) AS r`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDatabaseKilledUnderLoad kills PostgreSQL (immediate shutdown, as a
// crash) while members send apologies, and restarts it: every request is
// answered within Slack's 3 seconds; every apology reported saved is in
// the database and none reported NOT saved is; the bot recovers by itself.
func TestDatabaseKilledUnderLoad(t *testing.T) {
	srv, dsn := pgtest.DurableServer(t)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	k := bottest.NewWithDB(t, db)
	k.SetNow(now)
	const users = 50
	seedCommittee(t, db, users)

	client := &http.Client{Timeout: 10 * time.Second}
	var (
		mu      sync.Mutex
		results []sent
		next    int
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				mu.Lock()
				n := next
				next++
				mu.Unlock()
				s := sent{n: n, reason: fmt.Sprintf("Drill %d", n), at: time.Now()}
				// The kit listens on its response_url: an apology answered
				// "working on it" (the machine is loaded, or the database
				// slow to refuse) is counted by the outcome that follows.
				sending := k.Prepare(bottest.CommandForm(benchUser(n%users), "/apologies", s.reason))
				body := sending.Form.Encode()
				req, _ := http.NewRequest(http.MethodPost, k.HTTP.URL+"/slack/commands", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				bottest.Sign(req.Header, []byte(body), bottest.Secret, time.Now())
				resp, err := client.Do(req)
				if err == nil {
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					s.took = time.Since(s.at)
					s.status, s.reply = resp.StatusCode, sending.Outcome(resp.StatusCode, b).Raw
				}
				s.err = err
				mu.Lock()
				results = append(results, s)
				mu.Unlock()
				time.Sleep(2 * time.Millisecond)
			}
		})
	}

	// Each phase lasts its time, and on a loaded machine until it has
	// seen what it is there for, so that the drill exercises all three.
	phase := func(least time.Duration, what string, seen func(sent) bool) {
		t.Helper()
		time.Sleep(least)
		for end := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			mu.Lock()
			n := 0
			for _, s := range results {
				if seen(s) {
					n++
				}
			}
			mu.Unlock()
			if n > 0 {
				return
			}
			if time.Now().After(end) {
				t.Errorf("the drill saw no %s within 30s", what)
				return
			}
		}
	}
	phase(800*time.Millisecond, "apology saved before the kill", sent.saved)
	killedAt := time.Now()
	if err := srv.Kill(); err != nil {
		t.Fatal(err)
	}
	phase(800*time.Millisecond, "apology reported NOT saved", func(s sent) bool { return s.at.After(killedAt) && s.notSaved() })
	if err := srv.Restart(context.Background()); err != nil {
		t.Fatal(err)
	}
	restartedAt := time.Now()
	phase(1500*time.Millisecond, "apology saved after the restart", func(s sent) bool { return s.at.After(restartedAt) && s.saved() })
	close(stop)
	wg.Wait()

	recorded := recordedReasons(t, db)
	var savedBefore, savedAfter, notSaved, inDoubt int
	var f figures
	for _, s := range results {
		switch {
		case s.saved():
			f.acknowledged++
			if !recorded[s.reason] {
				f.lost++
			}
		case s.notSaved() && recorded[s.reason]:
			f.phantom++
		case s.inDoubt():
			f.inDoubt++
		}
		if recorded[s.reason] {
			f.inDatabase++
		}
	}
	f.duplicates = repeatedReasons(t, db)
	for _, s := range results {
		switch {
		case s.err != nil || s.status != http.StatusOK:
			t.Errorf("request %d: status %d, %v: %s", s.n, s.status, s.err, s.reply)
		case s.took > 3*time.Second:
			t.Errorf("request %d answered after %v; Slack gives up at 3s", s.n, s.took)
		case s.saved():
			if !recorded[s.reason] {
				t.Errorf("request %d was reported saved but %q is not in the database", s.n, s.reason)
			}
			if s.at.Before(killedAt) {
				savedBefore++
			} else if s.at.After(restartedAt) {
				savedAfter++
			}
		case s.notSaved():
			notSaved++
			if recorded[s.reason] {
				t.Errorf("request %d was reported NOT saved but %q is in the database", s.n, s.reason)
			}
		case s.inDoubt():
			inDoubt++
		default:
			t.Errorf("request %d: unexpected reply %s", s.n, s.reply)
		}
	}
	t.Logf("%d requests: %d saved before the kill, %d NOT saved, %d in doubt, %d saved after the restart", len(results), savedBefore, notSaved, inDoubt, savedAfter)
	f.report(t, "database-killed")
	if savedBefore == 0 || notSaved == 0 || savedAfter == 0 {
		t.Errorf("the drill did not exercise all three phases: %d saved before, %d NOT saved, %d saved after", savedBefore, notSaved, savedAfter)
	}
}

// figures are what a fault or attack drill counts, printed in one line so
// that a run of the drills can be read, and compared, at a glance:
//
//	go test -run 'Killed|SlackFails|Crashed|Replay|Hostile' -v ./bot ./cmd/quorum | grep 'drill '
type figures struct {
	acknowledged int // answered as done (recorded, queued)
	inDatabase   int // of what the drill wrote, what the database (or the channel) holds
	lost         int // acknowledged but not there
	phantom      int // answered NOT saved, or refused, yet there
	inDoubt      int // answered "cannot tell": either outcome is right
	duplicates   int // there more than once
}

// report prints the drill's figures and fails it if anything was lost,
// appeared unasked for, or was done twice.
func (f figures) report(t *testing.T, drill string) {
	t.Helper()
	t.Logf("drill %s: acknowledged=%d in-database=%d lost=%d phantom=%d in-doubt=%d duplicates=%d",
		drill, f.acknowledged, f.inDatabase, f.lost, f.phantom, f.inDoubt, f.duplicates)
	if f.lost != 0 || f.phantom != 0 || f.duplicates != 0 {
		t.Errorf("drill %s: %d lost, %d phantom, %d duplicates; want none", drill, f.lost, f.phantom, f.duplicates)
	}
}
