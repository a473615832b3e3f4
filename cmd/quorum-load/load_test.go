package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestMain(m *testing.M) {
	// compare starts the floor by running its own program again with
	// "floor": under go test that program is this test binary.
	if len(os.Args) > 1 && os.Args[1] == "floor" {
		main()
		os.Exit(0)
	}
	os.Exit(pgtest.Main(m))
}

func testOptions(target string) options {
	return options{
		Target: target, Secret: bottest.Secret, Rate: 100, Concurrency: 4,
		Duration: 10 * time.Second, MaxRequests: 200, MaxInFlight: 100, Users: 40,
		Command: "/apologies", Text: "Load test {n}", Team: bottest.Team, Channel: bottest.Channel,
		UserPrefix: "ULOAD", Setup: true, Officer: "ULOADOFFICER", Timeout: 3 * time.Second,
	}
}

// reasonsInHistory is every reason the database recorded an apology with.
func reasonsInHistory(t *testing.T, k *bottest.Kit) map[string]bool {
	t.Helper()
	rows, err := k.DB.SQL().Query(`SELECT reason FROM apology_history`)
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
	return out
}

// TestOpenLoopRunIsCountedAndRecorded sets up through slash commands, then
// sends 200 apologies at 100/s to a real bot: every one is answered, every
// one that reported success is in the database.
func TestOpenLoopRunIsCountedAndRecorded(t *testing.T) {
	k := bottest.New(t)
	o := testOptions(k.HTTP.URL)
	ctx := context.Background()
	if err := setup(ctx, o); err != nil {
		t.Fatal(err)
	}
	// Setting up twice changes nothing and does not fail.
	if err := setup(ctx, o); err != nil {
		t.Fatalf("second setup: %v", err)
	}
	start := time.Now()
	res, err := load(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if res.Sent != 200 || res.Kinds[kindOK] != 200 || len(res.Kinds) != 1 {
		t.Fatalf("sent %d, outcomes %v; want 200 sent, all ok", res.Sent, res.Kinds)
	}
	// Open loop at 100/s: 200 requests take about two seconds, not less.
	if took < 1900*time.Millisecond || took > 6*time.Second {
		t.Errorf("200 requests at 100/s took %v", took)
	}
	if len(res.Latency) != 200 || percentile(res.Latency, 1) <= 0 || percentile(res.Latency, 0.5) > percentile(res.Latency, 0.99) {
		t.Errorf("latencies: %d samples, p50 %v, p99 %v", len(res.Latency), percentile(res.Latency, 0.5), percentile(res.Latency, 0.99))
	}
	recorded := reasonsInHistory(t, k)
	for _, n := range res.OK {
		if !recorded[o.text(n)] {
			t.Errorf("request %d reported success but %q is not in the database", n, o.text(n))
		}
	}
	// The users were distinct members: 40 apologies stand.
	var standing int
	if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM apologies WHERE NOT withdrawn`).Scan(&standing); err != nil {
		t.Fatal(err)
	}
	if standing != 40 {
		t.Errorf("%d apologies stand, want 40 (one per user)", standing)
	}
	var out bytes.Buffer
	res.print(&out)
	for _, want := range []string{"200 sent, 200 answered", "outcomes: ok 200", "p99.9"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestClosedLoopAndErrorKinds(t *testing.T) {
	k := bottest.New(t)
	o := testOptions(k.HTTP.URL)
	o.Rate, o.MaxRequests = 0, 60
	if err := setup(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	res, err := load(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != 60 || res.Kinds[kindOK] != 60 {
		t.Errorf("closed loop: sent %d, outcomes %v", res.Sent, res.Kinds)
	}

	// The wrong secret: every request is a 401, counted by status.
	o.Secret = "wrong"
	o.MaxRequests = 10
	res, err = load(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kinds["http_401"] != 10 {
		t.Errorf("wrong secret: outcomes %v, want http_401 10", res.Kinds)
	}

	// Users who are not members get an answer that is not a success.
	o.Secret, o.UserPrefix = bottest.Secret, "UNOBODY"
	res, err = load(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kinds[kindOtherReply] != 10 || len(res.OK) != 0 {
		t.Errorf("non-members: outcomes %v", res.Kinds)
	}
}

func TestTimeoutsAreCountedAndBounded(t *testing.T) {
	slow := http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(400 * time.Millisecond)
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go slow.Serve(ln)
	t.Cleanup(func() { slow.Close() })
	o := testOptions("http://" + ln.Addr().String())
	o.Timeout, o.MaxRequests, o.Rate = 100*time.Millisecond, 5, 50
	res, err := load(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kinds[kindTimeout] != 5 {
		t.Errorf("outcomes %v, want timeout 5", res.Kinds)
	}
}

func TestOnlyLoopbackTargets(t *testing.T) {
	for _, tc := range []struct {
		target string
		ok     bool
	}{
		{"http://127.0.0.1:8080", true},
		{"http://127.1.2.3:8080", true},
		{"http://localhost:8080", true},
		{"http://[::1]:8080", true},
		{"http://10.0.0.1:8080", false},
		{"http://192.168.1.10", false},
		{"http://8.8.8.8", false},
		{"http://example.com", false},
		{"http://localhost.example.com", false},
		{"http://127.0.0.1.nip.io", false},
		{"https://127.0.0.1", false},
		{"127.0.0.1:8080", false},
		{"http://[::ffff:10.0.0.1]", false},
	} {
		err := checkLoopbackURL(tc.target)
		if (err == nil) != tc.ok {
			t.Errorf("checkLoopbackURL(%q) = %v, want ok=%v", tc.target, err, tc.ok)
		}
	}
	for _, addr := range []string{"0.0.0.0:9001", ":9001", "10.0.0.1:9001"} {
		if checkLoopbackAddr(addr) == nil {
			t.Errorf("fake Slack address %q accepted", addr)
		}
	}
}

func TestFlagsAreCapped(t *testing.T) {
	env := func(string) string { return "secret" }
	for _, args := range [][]string{
		{"-duration", "11m"},
		{"-max-requests", "3000000"},
		{"-rate", "50000"},
		{"-rate", "0", "-concurrency", "5000"},
		{"-users", "0"},
		{"-target", "http://10.1.1.1:8080"},
		{"-fake-slack", "0.0.0.0:9001"},
	} {
		if _, _, _, err := parseFlags(args, io.Discard, env); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
	if _, _, _, err := parseFlags(nil, io.Discard, func(string) string { return "" }); err == nil {
		t.Error("no secret accepted")
	}
}

// TestWholeRunWithFakeSlack drives run() as the command line would: the
// built-in fake Slack API names the users, and the report is JSON.
func TestWholeRunWithFakeSlack(t *testing.T) {
	fake, err := startFakeSlack("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	resp, err := http.PostForm(fake.URL()+"users.info", map[string][]string{"user": {"ULOAD00042"}})
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		OK   bool
		User struct {
			RealName string `json:"real_name"`
		}
	}
	err = json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if err != nil || !info.OK || info.User.RealName != "Load User 42" {
		t.Fatalf("users.info: %+v %v", info, err)
	}

	k := bottest.New(t)
	var out, errOut bytes.Buffer
	args := []string{"-target", k.HTTP.URL, "-team", bottest.Team, "-channel", bottest.Channel, "-setup", "-users", "10",
		"-rate", "200", "-max-requests", "50", "-duration", "5s", "-json"}
	if err := run(context.Background(), args, &out, &errOut, func(string) string { return bottest.Secret }); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	var s summary
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if s.Sent != 50 || s.Answered != 50 || s.Outcomes[kindOK] != 50 {
		t.Errorf("summary: %+v", s)
	}
	for _, q := range []string{"p50", "p90", "p99", "p99.9", "max"} {
		if _, ok := s.LatencyMS[q]; !ok {
			t.Errorf("no %s in %v", q, s.LatencyMS)
		}
	}
}
