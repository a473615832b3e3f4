package bot_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/internal/bottest"
)

// scrape reads GET /metrics into a map from series ("name{labels}") to value.
func scrape(t *testing.T, k *bottest.Kit) (map[string]float64, string) {
	t.Helper()
	resp, err := http.Get(k.HTTP.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d\n%s", resp.StatusCode, body)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(string(body)))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("bad metrics line %q", line)
		}
		out[line[:i]] = v
	}
	return out, string(body)
}

func TestMetricsCountCommandsOutcomesAndRejects(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	before, _ := scrape(t, k)

	wantText(t, k.Must(neil, "/apologies", "Unwell"), "are recorded")
	wantText(t, k.Must(graeme, "/apologies", ""), "are recorded")
	wantText(t, k.Must(neil, "/apologies", "list"), "Apologies for absence")
	wantText(t, k.Must(neil, "/apologies", "31/02/2027 Unwell"), "no 31 February")
	wantText(t, k.Must(stranger, "/apologies", "Unwell"), "not a member")
	wantText(t, k.Must(neil, "/meeting", "schedule 2026-12-17 10:00"), "Only an officer")
	// Unknown commands share one label, whatever was typed.
	k.Must(neil, "/nonsense", "")
	k.Must(neil, "/<!channel>-secret-word", "")

	// Rejected requests.
	body := []byte(bottest.CommandForm(neil, "/apologies", "Unwell").Encode())
	const form = "application/x-www-form-urlencoded"
	k.PostRaw("/slack/commands", body, form, func(h http.Header, b []byte) { bottest.Sign(h, b, "forged", time.Now()) })
	k.PostRaw("/slack/commands", body, form, nil)
	k.Post("/slack/commands", bottest.CommandForm(neil, "/apologies", strings.Repeat("x", 70<<10)))
	k.Post("/slack/commands", url.Values{"text": {"no command"}})

	// The records unavailable: a lock holds the write past the deadline.
	ctx := context.Background()
	tx, err := k.DB.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`LOCK TABLE apologies IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(neil, "/apologies", "Still unwell"), "NOT saved")
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}

	// A pending message in the outbox shows in the depth gauge.
	if _, err := k.DB.SQL().Exec(`INSERT INTO outbox (kind, channel_id, payload) VALUES ('post', 'C1', '{}')`); err != nil {
		t.Fatal(err)
	}

	after, text := scrape(t, k)
	got := map[string]float64{}
	for _, series := range []string{
		`quorum_commands_total{command="/apologies",outcome="ok"}`,
		`quorum_commands_total{command="/apologies",outcome="user_error"}`,
		`quorum_commands_total{command="/apologies",outcome="unavailable"}`,
		`quorum_commands_total{command="/apologies",outcome="error"}`,
		`quorum_commands_total{command="/meeting",outcome="user_error"}`,
		`quorum_commands_total{command="other",outcome="user_error"}`,
		`quorum_command_duration_seconds_count{command="/apologies"}`,
		`quorum_http_rejected_total{reason="signature"}`,
		`quorum_http_rejected_total{reason="too_large"}`,
		`quorum_http_rejected_total{reason="malformed"}`,
	} {
		got[series] = after[series] - before[series]
	}
	got["quorum_outbox_pending"] = after["quorum_outbox_pending"]
	want := map[string]float64{
		`quorum_commands_total{command="/apologies",outcome="ok"}`:          3,
		`quorum_commands_total{command="/apologies",outcome="user_error"}`:  2,
		`quorum_commands_total{command="/apologies",outcome="unavailable"}`: 1,
		`quorum_commands_total{command="/apologies",outcome="error"}`:       0,
		`quorum_commands_total{command="/meeting",outcome="user_error"}`:    1,
		`quorum_commands_total{command="other",outcome="user_error"}`:       2,
		`quorum_command_duration_seconds_count{command="/apologies"}`:       6,
		`quorum_http_rejected_total{reason="signature"}`:                    2,
		`quorum_http_rejected_total{reason="too_large"}`:                    1,
		`quorum_http_rejected_total{reason="malformed"}`:                    1,
		"quorum_outbox_pending": 1,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metrics moved wrongly (-want +got):\n%s", diff)
	}
	for _, leak := range []string{"nonsense", "secret-word", "channel"} {
		if strings.Contains(text, leak) {
			t.Errorf("what a user typed (%q) became a metric label", leak)
		}
	}
	if after["process_resident_memory_bytes"] == 0 {
		t.Error("process metrics missing")
	}
}
