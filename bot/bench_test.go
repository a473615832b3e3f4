package bot_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// benchUsers is how many distinct members send apologies in the benchmarks.
const benchUsers = 1000

// benchKit is a bot on a durable PostgreSQL (fsync and synchronous commit
// on, as in production) with a committee of benchUsers members and a
// meeting to send apologies for.
func benchKit(b *testing.B) *bottest.Kit {
	b.Helper()
	_, dsn := pgtest.DurableServer(b)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	k := bottest.NewWithDB(b, db)
	k.SetNow(now)
	seedCommittee(b, db, benchUsers)
	return k
}

// seedCommittee makes the committee of the kit's channel directly in the
// database, with n members (benchUser(0…n-1)) and a meeting on 10 December
// 2026, the next after the pinned clock.
func seedCommittee(tb testing.TB, db *storage.DB, n int) {
	tb.Helper()
	ctx := context.Background()
	c, err := db.CreateCommittee(ctx, commands.Committee{
		Name: "Safer Sefton Together", TeamID: bottest.Team, ChannelID: bottest.Channel, TimeZone: commands.DefaultTimeZone,
	}, commands.Member{UserID: officer, Name: "Ian Barton", Role: commands.RoleOfficer})
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		m := commands.Member{CommitteeID: c.ID, UserID: benchUser(i), Name: fmt.Sprintf("Member %d", i), Organisation: "SWACA", Role: commands.RoleMember}
		if _, err := db.PutMember(ctx, m, officer); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := db.ScheduleMeeting(ctx, commands.Meeting{
		CommitteeID: c.ID, StartsAt: time.Date(2026, 12, 10, 10, 0, 0, 0, london), Venue: "Remote Meeting", Status: commands.MeetingScheduled,
	}, officer); err != nil {
		tb.Fatal(err)
	}
}

func benchUser(i int) string { return fmt.Sprintf("UBENCH%04d", i%benchUsers) }

// sendApology posts a freshly signed /apologies from user i with a reason
// of its own, so that every request writes, and returns how long the
// handler took to answer.
func sendApology(b *testing.B, client *http.Client, url string, i int) time.Duration {
	form := bottest.CommandForm(benchUser(i), "/apologies", fmt.Sprintf("Unwell (%d)", i))
	body := form.Encode()
	req, err := http.NewRequest(http.MethodPost, url+"/slack/commands", strings.NewReader(body))
	if err != nil {
		b.Error(err)
		return 0
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	bottest.Sign(req.Header, []byte(body), bottest.Secret, time.Now())
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		b.Error(err)
		return 0
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err != nil || resp.StatusCode != http.StatusOK || !(strings.Contains(string(out), "are recorded") || strings.Contains(string(out), "are updated")) {
		b.Errorf("apology %d: status %d: %s %v", i, resp.StatusCode, out, err)
	}
	return took
}

// reportPercentiles adds p50 and p99 (milliseconds) to the benchmark's report.
func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	at := func(q float64) float64 {
		i := int(q * float64(len(lat)-1))
		return float64(lat[i].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkApologies sends /apologies through the HTTP handler, one after
// another, from distinct members, each signed as Slack signs it, on a
// PostgreSQL with fsync on. Target: p99 under 10 ms.
func BenchmarkApologies(b *testing.B) {
	k := benchKit(b)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	// Warm the pool and the caches as a running bot would be.
	for i := range 20 {
		sendApology(b, client, k.HTTP.URL, i)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 20; b.Loop(); i++ {
		lat = append(lat, sendApology(b, client, k.HTTP.URL, i))
	}
	b.StopTimer()
	reportPercentiles(b, lat)
}

// BenchmarkApologiesParallel is BenchmarkApologies from concurrent senders
// (GOMAXPROCS×-cpu goroutines; -cpu 8 gives 16 on this machine), which
// lets PostgreSQL commit several at one flush.
func BenchmarkApologiesParallel(b *testing.B) {
	k := benchKit(b)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	var mu sync.Mutex
	var lat []time.Duration
	var next int
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			mu.Lock()
			i := next
			next++
			mu.Unlock()
			mine = append(mine, sendApology(b, client, k.HTTP.URL, i))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	reportPercentiles(b, lat)
}
