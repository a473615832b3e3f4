package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// botOnItsOwnDatabase is a real bot on a database of its own, which the
// floor is to write to as well: the database's DSN, its records and the
// bot.
func botOnItsOwnDatabase(t *testing.T) (string, *storage.DB, *bottest.Kit) {
	t.Helper()
	dsn := pgtest.DSN(t)
	db, err := storage.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return dsn, db, bottest.NewWithDB(t, db)
}

// TestCompareFloorAndServe runs a short comparison as the command line
// would: a real bot and the floor on one database, set up through slash
// commands, two rounds each way, then a list of commands to the bot.
func TestCompareFloorAndServe(t *testing.T) {
	dsn, db, k := botOnItsOwnDatabase(t)
	const users = 8
	args := []string{"compare", "-target", k.HTTP.URL, "-floor-database", dsn,
		"-team", bottest.Team, "-channel", bottest.Channel, "-setup", "-users", strconv.Itoa(users),
		"-concurrency", "2", "-rate", "40", "-duration", "600ms", "-rounds", "2",
		"-serve-pid", strconv.Itoa(os.Getpid()),
		"-commands", "/apologies Away {n}, /declare 2 personal Trustee of charity {n},/report 3 https://example.org/r{n}.pdf Report {n},/agenda,/resolution youth"}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), args, &out, &errOut, func(string) string { return bottest.Secret }); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	report := out.String()
	t.Log("\n" + report)

	// The floor ran as a process of its own, as serve does, and is gone.
	started := regexp.MustCompile(`(?m)^floor: http://127\.0\.0\.1:\d+ \(started as process (\d+), `).FindStringSubmatch(report)
	if started == nil {
		t.Fatalf("no floor started as a process of its own in\n%s", report)
	}
	if pid, _ := strconv.Atoi(started[1]); pid == os.Getpid() || syscall.Kill(pid, 0) == nil {
		t.Errorf("floor process %d: this process, or still running after the comparison", pid)
	}

	// Every figure line has requests, no errors and a throughput; the
	// ratios are numbers.
	line := func(prefix string) string {
		t.Helper()
		for l := range strings.Lines(report) {
			if strings.HasPrefix(strings.TrimSpace(l), prefix) {
				return l
			}
		}
		t.Fatalf("no line starting %q in\n%s", prefix, report)
		return ""
	}
	figure := regexp.MustCompile(`requests (\d+)  errors 0  throughput (\d+\.\d)/s  p50 \S+  p99 \S+  \((.*)\)`)
	sections := strings.SplitN(report, "open loop", 2)
	if len(sections) != 2 {
		t.Fatalf("no open loop section:\n%s", report)
	}
	for _, sec := range sections {
		for _, who := range []string{"floor", "serve"} {
			var l string
			for s := range strings.Lines(sec) {
				if strings.HasPrefix(strings.TrimSpace(s), who+"  requests") {
					l = s
				}
			}
			m := figure.FindStringSubmatch(l)
			if m == nil {
				t.Errorf("%s: no figures with no errors in %q", who, l)
				continue
			}
			if n, _ := strconv.Atoi(m[1]); n == 0 {
				t.Errorf("%s: no requests: %q", who, l)
			}
			// Every request was a write that reported success.
			if m[3] != "ok "+m[1] {
				t.Errorf("%s: outcomes %q, want all %s ok", who, m[3], m[1])
			}
		}
	}
	for _, r := range []string{"closed-loop throughput", "closed-loop p50", "open-loop p50", "open-loop p99"} {
		if !regexp.MustCompile(`^\s+` + r + `\s+\d+\.\d\d\n$`).MatchString(line(r)) {
			t.Errorf("ratio line %q", line(r))
		}
	}
	// Open loop at 40/s for 600ms a target sends 24 requests to each.
	openPart := sections[1]
	for _, who := range []string{"floor", "serve"} {
		if !strings.Contains(openPart, who+"  requests 24 ") {
			t.Errorf("open loop: %s did not send 24 requests:\n%s", who, openPart)
		}
	}
	for _, cmd := range []string{"/apologies Away {n}", "/declare 2 personal Trustee of charity {n}", "/report 3 https://example.org/r{n}.pdf Report {n}", "/agenda", "/resolution youth"} {
		l := line(cmd + " ")
		if !figure.MatchString(l) || !regexp.MustCompile(`ratio \d+\.\d\d\n$`).MatchString(l) {
			t.Errorf("command line %q", l)
		}
	}
	// The writes among them were carried out, not refused.
	for _, cmd := range []string{"/apologies Away", "/declare 2", "/report 3"} {
		if m := figure.FindStringSubmatch(line(cmd)); m == nil || m[3] != "ok "+m[1] {
			t.Errorf("%s: not all ok: %q", cmd, line(cmd))
		}
	}
	if !regexp.MustCompile(`serve peak RSS \(VmHWM of pid \d+\): \d+\.\d MiB`).MatchString(report) {
		t.Errorf("no peak RSS in\n%s", report)
	}

	// The floor wrote its own table, one row per user, in the same
	// database; the bot recorded its apologies in its own.
	var floorRows, apologies int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM floor_apologies`).Scan(&floorRows); err != nil {
		t.Fatal(err)
	}
	if err := db.SQL().QueryRow(`SELECT count(*) FROM apologies WHERE NOT withdrawn`).Scan(&apologies); err != nil {
		t.Fatal(err)
	}
	if floorRows != users || apologies != users {
		t.Errorf("%d floor rows and %d apologies, want %d each", floorRows, apologies, users)
	}
	// No text was sent twice: every request the bot answered was a write.
	var history, distinct int
	if err := db.SQL().QueryRow(`SELECT count(*), count(DISTINCT reason) FROM apology_history`).Scan(&history, &distinct); err != nil {
		t.Fatal(err)
	}
	if history != distinct {
		t.Errorf("apology history has %d rows but %d reasons", history, distinct)
	}
}

// TestCompareFloorInProcess: with -floor-in-process the floor runs inside
// the load tool, and the comparison is made the same way.
func TestCompareFloorInProcess(t *testing.T) {
	dsn, db, k := botOnItsOwnDatabase(t)
	args := []string{"compare", "-target", k.HTTP.URL, "-floor-database", dsn, "-floor-in-process",
		"-team", bottest.Team, "-channel", bottest.Channel, "-setup", "-users", "4",
		"-concurrency", "2", "-rate", "40", "-duration", "200ms", "-rounds", "1"}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), args, &out, &errOut, func(string) string { return bottest.Secret }); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	report := out.String()
	if !regexp.MustCompile(`(?m)^floor: http://127\.0\.0\.1:\d+ \(started in this process, `).MatchString(report) {
		t.Errorf("no floor started in this process in\n%s", report)
	}
	if !regexp.MustCompile(`(?m)^  closed-loop throughput\s+\d+\.\d\d$`).MatchString(report) {
		t.Errorf("no throughput ratio in\n%s", report)
	}
	var floorRows int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM floor_apologies`).Scan(&floorRows); err != nil || floorRows != 4 {
		t.Errorf("%d floor rows (%v), want 4", floorRows, err)
	}
}

// TestCompareStopsAtAWrongSecret drives a floor already running
// (-floor-target) with a secret neither it nor the bot trusts: the first
// request is refused and the comparison stops there, printing no figures.
func TestCompareStopsAtAWrongSecret(t *testing.T) {
	base, db := startTestFloor(t)
	k := bottest.New(t)
	args := []string{"compare", "-target", k.HTTP.URL, "-floor-target", base, "-secret", "wrong",
		"-team", bottest.Team, "-channel", bottest.Channel, "-duration", "10s"}
	var out, errOut bytes.Buffer
	start := time.Now()
	err := run(context.Background(), args, &out, &errOut, func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), "floor: /apologies Load test probe: http_401") {
		t.Errorf("err = %v, want the floor's 401", err)
	}
	if out.Len() != 0 || time.Since(start) > 5*time.Second {
		t.Errorf("after %v printed %q", time.Since(start), out.String())
	}
	if rows := floorRows(t, db); len(rows) != 0 {
		t.Errorf("floor rows %+v", rows)
	}
}

func TestCompareFlags(t *testing.T) {
	env := func(k string) string {
		return map[string]string{"SLACK_SIGNING_SECRET": "s", "DATABASE_URL": "host=/tmp dbname=x sslmode=disable"}[k]
	}
	c, _, err := parseCompareFlags(nil, io.Discard, env)
	if err != nil {
		t.Fatal(err)
	}
	if c.Rate != 500 || c.Concurrency != 16 || c.Rounds != 2 || c.FloorDSN != env("DATABASE_URL") || c.FloorListen != "127.0.0.1:0" {
		t.Errorf("defaults: %+v", c)
	}
	c, _, err = parseCompareFlags([]string{"-commands", "/apologies {n}, /agenda ,/resolution youth anti-social"}, io.Discard, env)
	if err != nil {
		t.Fatal(err)
	}
	want := []slashCommand{{"/apologies", "{n}"}, {"/agenda", ""}, {"/resolution", "youth anti-social"}}
	if fmt.Sprint(c.Commands) != fmt.Sprint(want) {
		t.Errorf("commands %v, want %v", c.Commands, want)
	}
	for _, args := range [][]string{
		{"-target", "http://10.0.0.1:8080"},
		{"-floor-listen", "0.0.0.0:8089"},
		{"-floor-target", "http://192.168.1.2:8089"},
		{"-floor-database", ""},
		{"-rate", "0"},
		{"-rate", "50000"},
		{"-concurrency", "5000"},
		{"-rounds", "0"},
		{"-rounds", "11"},
		{"-duration", "11m"},
		{"-duration", "8m"}, // four runs of 8 minutes: over the 30-minute bound
		{"-duration", "4m", "-commands", "/a,/b,/c,/d,/e,/f"},
		{"-commands", "/a,/b,/c,/d,/e,/f,/g,/h,/i,/j,/k"},
		{"-commands", "apologies"},
		{"-serve-pid", "-1"},
		{"-fake-slack", "0.0.0.0:9001"},
	} {
		if _, _, err := parseCompareFlags(args, io.Discard, env); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

func TestRoundOrderAlternates(t *testing.T) {
	if got := roundOrder(3); got != "floor, serve, serve, floor, floor, serve" {
		t.Errorf("roundOrder(3) = %q", got)
	}
}

func TestPoolAddsRounds(t *testing.T) {
	a := &result{Sent: 3, Elapsed: time.Second, Kinds: map[string]int{kindOK: 2, kindTimeout: 1},
		Latency: []time.Duration{3 * time.Millisecond, 1 * time.Millisecond, 9 * time.Millisecond}}
	b := &result{Sent: 2, Elapsed: time.Second, Kinds: map[string]int{kindOK: 1, "http_503": 1},
		Latency: []time.Duration{2 * time.Millisecond, 4 * time.Millisecond}}
	p := pool([]*result{a, b})
	if p.Sent != 5 || p.failed() != 2 || p.throughput() != 1.5 || p.Elapsed != 2*time.Second {
		t.Errorf("pooled: sent %d, failed %d, %.2f/s over %v", p.Sent, p.failed(), p.throughput(), p.Elapsed)
	}
	if got := percentile(p.Latency, 0.5); got != 3*time.Millisecond {
		t.Errorf("pooled p50 %v, want 3ms", got)
	}
	if ratio(1, 0) != "n/a" || ratio(3, 2) != "1.50" {
		t.Error("ratio")
	}
}

func TestPeakRSS(t *testing.T) {
	kb, err := peakRSS(os.Getpid())
	if err != nil || kb <= 0 {
		t.Errorf("peakRSS(self) = %d, %v", kb, err)
	}
	if _, err := peakRSS(1 << 30); err == nil {
		t.Error("a process that does not exist has a peak RSS")
	}
}
