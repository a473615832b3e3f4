// Command quorum-load sends properly signed Slack slash-command requests to
// a running `quorum serve` and reports throughput, errors by kind and
// latency percentiles.
//
// It runs open loop at a fixed rate (-rate: sends are scheduled by the
// clock and latency is measured from the intended send time, so a slow
// server cannot hide its slowness by slowing the sender), or closed loop
// with a fixed number of senders (-rate 0 -concurrency N). Requests come
// from many distinct users. With -setup it first makes its own committee,
// members and meeting through the same slash commands, as an officer; with
// -fake-slack it also answers the Slack Web API calls serve makes
// (users.info, auth.test, chat.*), so that a whole run needs no Slack.
//
// `quorum-load floor` serves the floor: the least a slash-command handler
// can do (verify the signature, parse the form, one prepared upsert into a
// table of its own, answer), to measure serve against. `quorum-load
// compare` starts the floor, in a process of its own as serve is, on the
// database serve uses, sends the same load
// to both in alternating rounds, closed loop and open loop, and prints
// serve's throughput and latency as ratios to the floor's; then, with
// -commands, each listed command's throughput on serve against the floor.
//
// It only ever sends to this machine: targets other than 127.0.0.0/8, ::1
// and localhost are refused, and the floor listens on loopback only. Runs
// are bounded in time and requests.
//
//	quorum-load -target http://127.0.0.1:8080 -secret S -fake-slack 127.0.0.1:9001 -setup -rate 500 -duration 20s
//	quorum-load compare -target http://127.0.0.1:8080 -secret S -floor-database "$DATABASE_URL" -concurrency 16 -rate 500 -duration 20s
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "quorum-load:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) > 0 {
		switch args[0] {
		case "floor":
			return runFloor(ctx, args[1:], stderr, getenv)
		case "compare":
			return runCompare(ctx, args[1:], stdout, stderr, getenv)
		}
	}
	o, fakeAddr, asJSON, err := parseFlags(args, stderr, getenv)
	if err != nil {
		return err
	}
	stopFake, err := fakeSlackFor(fakeAddr, stderr)
	if err != nil {
		return err
	}
	defer stopFake()
	if o.Setup {
		fmt.Fprintf(stderr, "setting up committee, %d members and a meeting …\n", o.Users)
		if err := setup(ctx, o); err != nil {
			return fmt.Errorf("setup: %w", err)
		}
	}
	fmt.Fprintf(stderr, "%s\n", o.describe())
	res, err := load(ctx, o)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res.summary())
	}
	res.print(stdout)
	return nil
}

// Hard caps, whatever the flags say.
const (
	capDuration    = 10 * time.Minute
	capRequests    = 2_000_000
	capRate        = 20_000
	capConcurrency = 2_000
	capUsers       = 100_000
)

func parseFlags(args []string, stderr io.Writer, getenv func(string) string) (o options, fakeAddr string, asJSON bool, err error) {
	fs := flag.NewFlagSet("quorum-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: quorum-load -target URL [flags]\n       quorum-load floor [flags]     (see quorum-load floor -h)\n       quorum-load compare [flags]   (see quorum-load compare -h)\n\nSends signed slash commands to a quorum serve on this machine.\n\n")
		fs.PrintDefaults()
	}
	loadFlags(fs, &o, &fakeAddr, getenv)
	fs.Float64Var(&o.Rate, "rate", 100, "requests per second, open loop; 0: closed loop with -concurrency senders")
	fs.IntVar(&o.Concurrency, "concurrency", 8, "senders in closed-loop mode (-rate 0)")
	fs.DurationVar(&o.Duration, "duration", 10*time.Second, fmt.Sprintf("how long to send (at most %s)", capDuration))
	fs.IntVar(&o.MaxRequests, "max-requests", 100_000, fmt.Sprintf("stop after this many requests (at most %d)", capRequests))
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return o, "", false, err
	}
	if fs.NArg() > 0 {
		return o, "", false, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if err := checkFakeAddr(fakeAddr); err != nil {
		return o, "", false, err
	}
	return o, fakeAddr, asJSON, o.check()
}

// loadFlags are the flags that say where load goes and what it is, the
// same for a plain run and a comparison with the floor.
func loadFlags(fs *flag.FlagSet, o *options, fakeAddr *string, getenv func(string) string) {
	fs.StringVar(&o.Target, "target", "http://127.0.0.1:8080", "base URL of quorum serve (loopback only)")
	fs.StringVar(&o.Secret, "secret", "", "signing secret serve trusts (default $SLACK_SIGNING_SECRET)")
	o.Secret = getenv("SLACK_SIGNING_SECRET") // set after, so that -h never prints it
	fs.IntVar(&o.MaxInFlight, "max-in-flight", 1000, "open loop: requests outstanding at once before sending waits")
	fs.IntVar(&o.Users, "users", 1000, "distinct users the requests come from")
	fs.StringVar(&o.Command, "command", "/apologies", "slash command to send")
	fs.StringVar(&o.Text, "text", "Load test {n}", "command text; {n} is the request's number, so each request writes")
	fs.StringVar(&o.Team, "team", "TLOAD", "team ID of the requests")
	fs.StringVar(&o.Channel, "channel", "CLOAD", "channel ID of the requests (the committee's channel)")
	fs.StringVar(&o.UserPrefix, "user-prefix", "ULOAD", "user IDs are this prefix and a number")
	fs.BoolVar(&o.Setup, "setup", false, "first set up the committee, its members and a meeting through slash commands")
	fs.StringVar(&o.Officer, "officer", "ULOADOFFICER", "officer user ID for -setup")
	fs.DurationVar(&o.Timeout, "timeout", 3*time.Second, "per-request timeout (Slack gives up after 3s)")
	fs.StringVar(fakeAddr, "fake-slack", "", "serve a fake Slack Web API on this loopback address (e.g. 127.0.0.1:9001) during the run")
}

// fakeSlackFor starts the fake Slack Web API on addr, unless addr is empty,
// and returns what stops it.
func fakeSlackFor(addr string, stderr io.Writer) (stop func(), err error) {
	if addr == "" {
		return func() {}, nil
	}
	f, err := startFakeSlack(addr)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "fake Slack Web API at %s (set SLACK_API_URL for serve)\n", f.URL())
	return func() { f.Close() }, nil
}

func checkFakeAddr(addr string) error {
	if addr == "" {
		return nil
	}
	if err := checkLoopbackAddr(addr); err != nil {
		return fmt.Errorf("-fake-slack: %w", err)
	}
	return nil
}
