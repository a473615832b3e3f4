package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/quorumhq/quorum/storage"
)

// A comparison drives the floor (see floor.go) and quorum serve with the
// same load, on the same machine and the same PostgreSQL, and reports
// serve's figures as ratios to the floor's: closed loop (fixed senders,
// as fast as answers come) and open loop (fixed rate, latency from the
// intended send time).
//
// Fairness: each mode is run in -rounds rounds per target, each a share of
// -duration, in the order floor, serve, serve, floor, floor, serve, … Other
// work on the machine and the growth of the database over the run then
// fall on both alike, rather than on whichever went second. Requests are
// numbered from the clock in microseconds and on through every round, so
// no text is ever sent twice, in this run or a later one: every request is
// a write for serve as for the floor.
//
// With -commands, each listed command is then sent to serve alone, closed
// loop, for -duration, and its throughput is given as a ratio to the
// floor's closed-loop throughput (the floor answers every command alike).
type comparison struct {
	base        options // what to send; Target is serve's
	Rate        float64 // open loop
	Concurrency int     // closed loop
	Duration    time.Duration
	Rounds      int
	FloorTarget string // a floor already running; empty: start one
	FloorListen string
	// FloorHere starts the floor inside this process, sharing a scheduler
	// and a collector with the senders, rather than in one of its own.
	FloorHere bool
	FloorDSN  string
	ServePID  int
	Commands  []slashCommand
}

// slashCommand is one entry of -commands.
type slashCommand struct{ Command, Text string }

func (s slashCommand) String() string { return strings.TrimSpace(s.Command + " " + s.Text) }

// Bounds of a comparison, beyond those of each run.
const (
	capRounds       = 10
	capCommands     = 10
	capCompareTotal = 30 * time.Minute
)

func parseCompareFlags(args []string, stderr io.Writer, getenv func(string) string) (c comparison, fakeAddr string, err error) {
	fs := flag.NewFlagSet("quorum-load compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, `Usage: quorum-load compare -target URL -floor-database DSN [flags]

Starts the floor (verify, parse, one prepared upsert, answer) on a loopback port,
in a process of its own, writing to -floor-database, then sends the same load to it and to the quorum serve
at -target, closed loop and open loop, in alternating rounds, and prints each one's
requests, errors, throughput, p50 and p99, and serve's figures as ratios to the floor's.

`)
		fs.PrintDefaults()
	}
	loadFlags(fs, &c.base, &fakeAddr, getenv)
	fs.Float64Var(&c.Rate, "rate", 500, "requests per second in the open-loop rounds")
	fs.IntVar(&c.Concurrency, "concurrency", 16, "senders in the closed-loop rounds")
	fs.DurationVar(&c.Duration, "duration", 10*time.Second, "time each target gets in each mode, over all rounds; and each of -commands")
	fs.IntVar(&c.Rounds, "rounds", 2, "rounds per target and mode, alternating floor, serve, serve, floor, …")
	fs.IntVar(&c.base.MaxRequests, "max-requests", 1_000_000, fmt.Sprintf("a round stops after this many requests (at most %d)", capRequests))
	fs.StringVar(&c.FloorDSN, "floor-database", "", "PostgreSQL the floor writes to: serve's own, for a fair comparison (default $DATABASE_URL)")
	c.FloorDSN = getenv("DATABASE_URL") // set after, so that -h never prints it
	fs.StringVar(&c.FloorListen, "floor-listen", "127.0.0.1:0", "loopback address the floor listens on")
	fs.StringVar(&c.FloorTarget, "floor-target", "", "base URL of a floor already running (quorum-load floor) instead of starting one")
	fs.BoolVar(&c.FloorHere, "floor-in-process", false, "start the floor inside this process, beside the senders, rather than in a process of its own as serve is")
	fs.IntVar(&c.ServePID, "serve-pid", 0, "process ID of serve: print its peak RSS (VmHWM) after the run")
	commands := fs.String("commands", "", `commands to send to serve one after another after the comparison, comma-separated, e.g. "/apologies {n},/agenda"`)
	if err := fs.Parse(args); err != nil {
		return c, "", err
	}
	if fs.NArg() > 0 {
		return c, "", fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if err := checkFakeAddr(fakeAddr); err != nil {
		return c, "", err
	}
	if c.Commands, err = parseCommands(*commands); err != nil {
		return c, "", err
	}
	return c, fakeAddr, c.check()
}

// parseCommands reads -commands: "/command text" entries separated by commas.
func parseCommands(s string) ([]slashCommand, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []slashCommand
	for _, e := range strings.Split(s, ",") {
		cmd, text, _ := strings.Cut(strings.TrimSpace(e), " ")
		if !strings.HasPrefix(cmd, "/") || len(cmd) < 2 {
			return nil, fmt.Errorf("-commands: %q does not start with a slash command", strings.TrimSpace(e))
		}
		out = append(out, slashCommand{Command: cmd, Text: strings.TrimSpace(text)})
	}
	if len(out) > capCommands {
		return nil, fmt.Errorf("-commands: at most %d commands", capCommands)
	}
	return out, nil
}

func (c comparison) check() error {
	switch {
	case c.Rate <= 0:
		return errors.New("-rate must be positive: the comparison runs open loop at that rate")
	case c.Rounds < 1 || c.Rounds > capRounds:
		return fmt.Errorf("-rounds must be between 1 and %d", capRounds)
	case c.Duration/time.Duration(c.Rounds) < 10*time.Millisecond:
		return errors.New("-duration is too short for that many rounds")
	case c.ServePID < 0:
		return errors.New("-serve-pid must be a process ID")
	}
	if total := c.Duration * time.Duration(4+len(c.Commands)); total > capCompareTotal {
		return fmt.Errorf("the whole comparison would take %s; at most %s", total, capCompareTotal)
	}
	if c.FloorTarget != "" {
		if err := checkLoopbackURL(c.FloorTarget); err != nil {
			return fmt.Errorf("-floor-target: %w", err)
		}
	} else {
		if c.FloorDSN == "" {
			return errors.New("give the database the floor writes to (-floor-database or DATABASE_URL): serve's, for a fair comparison")
		}
		if err := checkLoopbackAddr(c.FloorListen); err != nil {
			return fmt.Errorf("-floor-listen: %w", err)
		}
	}
	if err := c.closed(c.base.Target).check(); err != nil {
		return err
	}
	return c.open(c.base.Target).check()
}

// closed is one closed-loop round against target.
func (c comparison) closed(target string) options {
	o := c.base
	o.Target, o.Rate, o.Concurrency, o.Duration = target, 0, c.Concurrency, c.Duration/time.Duration(c.Rounds)
	return o
}

// open is one open-loop round against target.
func (c comparison) open(target string) options {
	o := c.base
	o.Target, o.Rate, o.Duration = target, c.Rate, c.Duration/time.Duration(c.Rounds)
	return o
}

// runCompare is `quorum-load compare`.
func runCompare(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	c, fakeAddr, err := parseCompareFlags(args, stderr, getenv)
	if err != nil {
		return err
	}
	stopFake, err := fakeSlackFor(fakeAddr, stderr)
	if err != nil {
		return err
	}
	defer stopFake()
	floorURL, floorWhere := c.FloorTarget, "already running"
	switch {
	case floorURL != "":
	case c.FloorHere:
		log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		f, err := startFloor(ctx, c.FloorListen, c.FloorDSN, c.base.Secret, log)
		if err != nil {
			return err
		}
		defer f.Close()
		floorURL, floorWhere = f.URL(), "started in this process, writing to "+storage.Redact(c.FloorDSN)
	default:
		f, err := startFloorProcess(ctx, c.FloorListen, c.FloorDSN, c.base.Secret)
		if err != nil {
			return err
		}
		defer f.Close(stderr)
		floorURL, floorWhere = f.url, fmt.Sprintf("started as process %d, writing to %s", f.cmd.Process.Pid, storage.Redact(c.FloorDSN))
	}
	if c.base.Setup {
		fmt.Fprintf(stderr, "setting up committee, %d members and a meeting …\n", c.base.Users)
		if err := setup(ctx, c.base); err != nil {
			return fmt.Errorf("setup: %w", err)
		}
	}
	// One request to each first: a wrong secret or a missing committee
	// stops the run here rather than after minutes of errors.
	if err := probe(ctx, c.closed(floorURL), stderr); err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	if err := probe(ctx, c.closed(c.base.Target), stderr); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	for _, cmd := range c.Commands {
		o := c.closed(c.base.Target)
		o.Command, o.Text = cmd.Command, cmd.Text
		if err := probe(ctx, o, stderr); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}

	fmt.Fprintf(stdout, "floor: %s (%s)\nserve: %s\n", floorURL, floorWhere, c.base.Target)
	fmt.Fprintf(stdout, "load: %s %q from %d users; %d rounds per target and mode, in the order %s\n\n",
		c.base.Command, c.base.Text, c.base.Users, c.Rounds, roundOrder(c.Rounds))
	// Numbers from the clock in microseconds: no run sends a request a
	// microsecond, so a later run never repeats an earlier one's texts.
	next := int(time.Now().UnixMicro())
	closedF, closedS, err := interleave(ctx, c.closed(floorURL), c.closed(c.base.Target), c.Rounds, &next, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "closed loop, %d senders, %s per target:\n", c.Concurrency, c.Duration)
	printLine(stdout, "floor", closedF)
	printLine(stdout, "serve", closedS)
	openF, openS, err := interleave(ctx, c.open(floorURL), c.open(c.base.Target), c.Rounds, &next, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "open loop at %g/s, %s per target (latency from the intended send time):\n", c.Rate, c.Duration)
	printLine(stdout, "floor", openF)
	printLine(stdout, "serve", openS)
	fmt.Fprintf(stdout, "ratios serve/floor (throughput under 1, latency over 1: serve is slower):\n")
	fmt.Fprintf(stdout, "  closed-loop throughput  %s\n", ratio(closedS.throughput(), closedF.throughput()))
	fmt.Fprintf(stdout, "  closed-loop p50         %s\n", ratio(ms(percentile(closedS.Latency, 0.5)), ms(percentile(closedF.Latency, 0.5))))
	fmt.Fprintf(stdout, "  open-loop p50           %s\n", ratio(ms(percentile(openS.Latency, 0.5)), ms(percentile(openF.Latency, 0.5))))
	fmt.Fprintf(stdout, "  open-loop p99           %s\n", ratio(ms(percentile(openS.Latency, 0.99)), ms(percentile(openF.Latency, 0.99))))

	if len(c.Commands) > 0 {
		fmt.Fprintf(stdout, "\ncommands to serve, closed loop, %d senders, %s each (ratio: throughput to the floor's closed-loop %.1f/s):\n",
			c.Concurrency, c.Duration, closedF.throughput())
		width := 0
		for _, cmd := range c.Commands {
			width = max(width, len(cmd.String()))
		}
		for _, cmd := range c.Commands {
			o := c.closed(c.base.Target)
			o.Command, o.Text, o.Duration, o.First = cmd.Command, cmd.Text, c.Duration, next
			fmt.Fprintf(stderr, "  %s …\n", cmd)
			r, err := load(ctx, o)
			if err != nil {
				return err
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			next += r.Sent
			fmt.Fprintf(stdout, "  %-*s  %s  ratio %s\n", width, cmd, figures(r), ratio(r.throughput(), closedF.throughput()))
		}
	}
	if c.ServePID > 0 {
		kb, err := peakRSS(c.ServePID)
		if err != nil {
			fmt.Fprintf(stdout, "\nserve peak RSS: could not be read: %v\n", err)
		} else {
			fmt.Fprintf(stdout, "\nserve peak RSS (VmHWM of pid %d): %.1f MiB\n", c.ServePID, float64(kb)/1024)
		}
	}
	return nil
}

// probe sends o's command once and fails unless it is properly answered.
func probe(ctx context.Context, o options, stderr io.Writer) error {
	c := newClient(o, 1)
	defer c.http.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	cmd := slashCommand{o.Command, strings.ReplaceAll(o.Text, "{n}", "probe")}
	status, body, err := c.send(ctx, o.user(0), cmd.Command, cmd.Text)
	kind := classify(status, body, err)
	if isError(kind) {
		if err != nil {
			return fmt.Errorf("%s: %w", cmd, err)
		}
		return fmt.Errorf("%s: %s: %s", cmd, kind, firstLine(body))
	}
	fmt.Fprintf(stderr, "%s → %s\n", cmd, firstLine(body))
	return nil
}

// firstLine is the first line of a reply's text, for showing what a
// command answered.
func firstLine(body []byte) string {
	var r struct {
		Text string `json:"text"`
	}
	s := string(body)
	if json.Unmarshal(body, &r) == nil && r.Text != "" {
		s = r.Text
	}
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// roundOrder spells out the order of the rounds.
func roundOrder(rounds int) string {
	var parts []string
	for i := range rounds {
		if i%2 == 0 {
			parts = append(parts, "floor", "serve")
		} else {
			parts = append(parts, "serve", "floor")
		}
	}
	return strings.Join(parts, ", ")
}

// interleave runs rounds of floor and serve in the order roundOrder says,
// numbering requests on from *next, and returns each target's rounds
// pooled.
func interleave(ctx context.Context, floor, serve options, rounds int, next *int, stderr io.Writer) (f, s *result, err error) {
	var fr, sr []*result
	for i := range rounds {
		for j, who := range []string{"floor", "serve"} {
			if i%2 == 1 {
				who = []string{"serve", "floor"}[j]
			}
			o := floor
			if who == "serve" {
				o = serve
			}
			o.First = *next
			fmt.Fprintf(stderr, "  round %d/%d: %s, %s\n", i+1, rounds, who, strings.TrimPrefix(o.describe(), "sending "))
			r, err := load(ctx, o)
			if err != nil {
				return nil, nil, err
			}
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			*next += r.Sent
			if who == "floor" {
				fr = append(fr, r)
			} else {
				sr = append(sr, r)
			}
		}
	}
	return pool(fr), pool(sr), nil
}

// pool is the rounds of one target as one result: counts and latencies
// together, elapsed time summed.
func pool(rs []*result) *result {
	out := &result{Options: rs[0].Options, Started: rs[0].Started, Kinds: map[string]int{}}
	for _, r := range rs {
		out.Elapsed += r.Elapsed
		out.Sent += r.Sent
		out.Waited += r.Waited
		for k, v := range r.Kinds {
			out.Kinds[k] += v
		}
		out.Latency = append(out.Latency, r.Latency...)
		out.OK = append(out.OK, r.OK...)
		out.NotSaved = append(out.NotSaved, r.NotSaved...)
	}
	sort.Slice(out.Latency, func(i, j int) bool { return out.Latency[i] < out.Latency[j] })
	return out
}

// isError reports whether an outcome is a failure: no answer, an HTTP
// error, or an answer saying the work was not (or may not have been) done.
// A reply that is none of these (ok, or any other answer: a read, a
// refusal) is not.
func isError(kind string) bool { return kind != kindOK && kind != kindOtherReply }

// failed is how many requests failed.
func (r *result) failed() int {
	n := 0
	for k, v := range r.Kinds {
		if isError(k) {
			n += v
		}
	}
	return n
}

// throughput is the requests answered without error a second.
func (r *result) throughput() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Sent-r.failed()) / r.Elapsed.Seconds()
}

// printLine prints one target's figures on one line.
func printLine(w io.Writer, who string, r *result) {
	fmt.Fprintf(w, "  %-5s  %s\n", who, figures(r))
}

// figures are a run's requests, errors, throughput, p50 and p99, and its
// outcomes.
func figures(r *result) string {
	kinds := make([]string, 0, len(r.Kinds))
	for k := range r.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for i, k := range kinds {
		kinds[i] = fmt.Sprintf("%s %d", k, r.Kinds[k])
	}
	return fmt.Sprintf("requests %d  errors %d  throughput %.1f/s  p50 %s  p99 %s  (%s)",
		r.Sent, r.failed(), r.throughput(), round(percentile(r.Latency, 0.5)), round(percentile(r.Latency, 0.99)), strings.Join(kinds, ", "))
}

// ratio is a/b to two places, or n/a when b is nothing.
func ratio(a, b float64) string {
	if b <= 0 {
		return "n/a"
	}
	return strconv.FormatFloat(a/b, 'f', 2, 64)
}

// peakRSS is the peak resident set size of process pid in kB, from
// /proc/PID/status (Linux).
func peakRSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}
