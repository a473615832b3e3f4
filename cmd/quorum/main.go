// Command quorum runs the Quorum Slack bot and its tools: the HTTP server
// (serve), a console that drives the same commands from a terminal, schema
// migrations, importers for published agendas and minutes, and an export
// of the records' history for audits.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	_ "time/tzdata" // committees' time zones work on machines without a zone database

	"github.com/quorumhq/quorum/commands"
)

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

const usage = `Quorum: a Slack bot for committee clerks.

Usage:
  quorum serve                     run the bot (HTTP, or Socket Mode with SLACK_APP_TOKEN)
  quorum console                   try the commands in a terminal, on a private database
  quorum migrate                   bring the database schema up to date
  quorum import minutes PATH… --committee NAME [--dry-run] [--json] [--replace-drafts]
  quorum import agenda PATH… [--committee NAME] [--dry-run] [--json] [--replace]
  quorum export history --committee NAME [--since DATE] --csv
  quorum export attendance --committee NAME [--year YEAR] --csv
  quorum export interests --committee NAME --csv|--html
  quorum export minutes --committee NAME --date DATE [--format html|txt|md]
  quorum version                   print the version

Every subcommand answers -h (quorum help import is quorum import -h).
Configuration comes from the environment:
DATABASE_URL, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN,
SLACK_API_URL, LISTEN_ADDR (default :8080), LOG_LEVEL (debug, info, warn, error),
PUBLIC_URL (optional: where people reach the bot, for calendar links).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		limitServeMemory(os.Getenv)
	}
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "quorum:", err)
		os.Exit(1)
	}
}

// serveMemoryLimit is the soft limit on the Go runtime's memory that
// serve runs under when GOMEMLIMIT does not set one. Left to itself the
// collector lets the heap grow to twice what is live before it runs, so a
// burst (the schema's migration files parsed at start, each with a 4 MiB
// buffer; an agenda of a thousand apologies built for sixteen people at
// once) leaves the process twice the size it needs for the rest of its
// life. Live, serve holds 3 to 7 MiB; under this limit the collector runs
// sooner in a burst and no more often otherwise. The limit is soft: past
// it the collector takes at most about half the CPU and the heap grows as
// it must, so nothing fails for it.
const serveMemoryLimit = 18 << 20

// limitServeMemory sets serveMemoryLimit unless GOMEMLIMIT is set, which
// the runtime has applied already ("off" included).
func limitServeMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}

// run dispatches a subcommand.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("say which subcommand to run")
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stderr, getenv)
	case "console":
		return consoleCmd(ctx, args[1:], stdin, stdout, stderr, getenv)
	case "migrate":
		return migrate(ctx, args[1:], stderr, getenv)
	case "import":
		return importCmd(ctx, args[1:], stdout, stderr, getenv)
	case "export":
		return exportCmd(ctx, args[1:], stdout, stderr, getenv)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "quorum", versionString())
		return nil
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[0] == "help" {
			// "quorum help import" is "quorum import -h", on stdout as
			// quorum help is, so that it can be piped to a pager.
			switch args[1] {
			case "serve", "console", "migrate", "import", "export":
				return run(ctx, []string{args[1], "-h"}, stdin, stdout, stdout, getenv)
			case "version", "help":
				// Their help is their line in this one.
				fmt.Fprint(stdout, usage)
				return nil
			}
			fmt.Fprint(stderr, usage)
			return fmt.Errorf("no help on %q: the subcommands are serve, console, migrate, import, export and version", args[1])
		}
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown subcommand %q", args[0])
}

func versionString() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	return v
}

// newFlags makes a subcommand's flag set, printing its usage on -h.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package would print a mistake itself, and main prints the
	// error it returns: the same line twice, above and below the usage.
	// Only the usage goes to stderr here; main says the mistake, last.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\n", synopsis)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// flagMistake says a mistake fs.Parse returned in quorum's own words,
// the usage having been printed above it: a flag there is not with the
// one it may be a slip of, a flag missing its value with what the value
// is. Other errors, and -h's flag.ErrHelp, are returned as they are.
func flagMistake(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		name = strings.TrimLeft(name, "-")
		if meant := meantFlag(fs, name); meant != "" {
			return fmt.Errorf("%s has no flag --%s: did you mean --%s?", fs.Name(), name, meant)
		}
		flags := 0
		fs.VisitAll(func(*flag.Flag) { flags++ })
		if flags == 0 {
			return fmt.Errorf("%s takes no flags (--%s given)", fs.Name(), name)
		}
		return fmt.Errorf("%s has no flag --%s: its flags are listed above", fs.Name(), name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		name = strings.TrimLeft(name, "-")
		value := "a value"
		if f := fs.Lookup(name); f != nil {
			if v, _ := flag.UnquoteUsage(f); v != "" {
				value = v
			}
		}
		return fmt.Errorf("%s: --%s needs its %s after it: --%s %s", fs.Name(), name, value, name, value)
	}
	return err
}

// meantFlag is the flag of fs that name is most likely a slip of: one it
// begins, or one within two letters of it; "" when none is near.
func meantFlag(fs *flag.FlagSet, name string) string {
	best, bestD := "", 3
	fs.VisitAll(func(f *flag.Flag) {
		d := commands.Slips(strings.ToLower(name), f.Name)
		if len(name) >= 3 && strings.HasPrefix(f.Name, strings.ToLower(name)) {
			d = 0
		}
		if d < bestD {
			best, bestD = f.Name, d
		}
	})
	return best
}

// newLogger logs as text to w at the configured level.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if s == "" {
		return slog.LevelInfo, nil
	}
	err := l.UnmarshalText([]byte(strings.ToUpper(s)))
	if err != nil {
		return l, fmt.Errorf("LOG_LEVEL %q: use debug, info, warn or error", s)
	}
	return l, nil
}
