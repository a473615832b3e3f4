package bot_test

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// TestPublicRoutesFloodedCommandsUnaffected floods /calendar and /readyz
// from one address while members send signed commands from the same
// address: the flood gets 429 past each client's budget, the commands are
// never limited and are answered well within Slack's 3 seconds.
func TestPublicRoutesFloodedCommandsUnaffected(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	feed := k.HTTP.URL + commands.CalendarPath(mustCommittee(t, k.DB))

	var mu sync.Mutex
	statuses := map[int]int{}
	stop := make(chan struct{})
	flooded := time.Now()
	var wg sync.WaitGroup
	for i := range 4 {
		url := feed
		if i%2 == 1 {
			url = k.HTTP.URL + "/readyz"
		}
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(url)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				mu.Lock()
				statuses[resp.StatusCode]++
				mu.Unlock()
			}
		})
	}
	var took []time.Duration
	for i := range 40 {
		r := k.Must(neil, "/apologies", "Unwell "+strings.Repeat("!", i))
		took = append(took, r.Took)
		if !strings.Contains(r.Text(), "are recorded") && !strings.Contains(r.Text(), "are updated") {
			t.Errorf("command %d during the flood: %s", i, r.Text())
		}
	}
	close(stop)
	wg.Wait()
	// The budget served is 20 at once and 2 a second for as long as the
	// flood lasted, which a loaded machine draws out.
	budget := 20 + 2*int(time.Since(flooded).Seconds()+1)
	slices.Sort(took)
	t.Logf("flood: %v; 40 signed commands: p50 %v, max %v", statuses, took[len(took)/2], took[len(took)-1])
	if statuses[http.StatusTooManyRequests] == 0 || statuses[http.StatusOK] == 0 || statuses[http.StatusOK] > budget {
		t.Errorf("flood answered %v, want the budget (20 at once, 2 a second: %d) served and the rest 429", statuses, budget)
	}
	// Commands are never limited (one that was would be refused, 429, or
	// kept waiting); the bounds are loose, as a loaded machine slows some.
	if p50, max := took[len(took)/2], took[len(took)-1]; p50 > time.Second || max > 3*time.Second {
		t.Errorf("signed commands during the flood took %v (median), %v (slowest); want them unlimited, within Slack's 3 seconds", p50, max)
	}
	got, _ := scrape(t, k)
	if n := got[`quorum_http_rejected_total{reason="rate_limited"}`]; int(n) != statuses[http.StatusTooManyRequests] {
		t.Errorf("rate_limited counted %v, want %d", n, statuses[http.StatusTooManyRequests])
	}
}

// TestForgedSignaturesDoNotFloodTheLog: each forged request is counted in
// the metrics, but the log has a few lines for them, not one each.
func TestForgedSignaturesDoNotFloodTheLog(t *testing.T) {
	k := bottest.New(t)
	const forged = 300
	body := []byte(bottest.CommandForm(neil, "/apologies", "Unwell").Encode())
	start := time.Now()
	for range forged {
		status, _ := k.PostRaw("/slack/commands", body, "application/x-www-form-urlencoded", func(h http.Header, b []byte) {
			bottest.Sign(h, b, "not the secret", time.Now())
		})
		if status != http.StatusUnauthorized {
			t.Fatalf("forged request: status %d, want 401", status)
		}
	}
	lines := strings.Count(k.Logs(), `msg="rejected request"`)
	// A burst of 5, then one a second.
	most := 5 + int(time.Since(start).Seconds()) + 1
	got, _ := scrape(t, k)
	t.Logf("%d forged requests: %d log lines, %v counted", forged, lines, got[`quorum_http_rejected_total{reason="signature"}`])
	if lines == 0 || lines > most {
		t.Errorf("%d log lines for %d forged requests, want at most %d", lines, forged, most)
	}
	if n := got[`quorum_http_rejected_total{reason="signature"}`]; n != forged {
		t.Errorf("forged requests counted: %v, want %d", n, forged)
	}
}
