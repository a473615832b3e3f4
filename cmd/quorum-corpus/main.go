// Command quorum-corpus fills a database with a large synthetic record of
// committee minutes, for measuring searches at scale:
//
//	DATABASE_URL=postgres://… quorum-corpus -resolutions 1000000
//
// The benchmarks in storage/corpus build their own corpus; pointing
// QUORUM_CORPUS_DSN at a database this command filled lets them reuse it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/corpus"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "quorum-corpus:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("quorum-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("resolutions", 1000000, "about how many resolutions to make")
	seed := fs.Uint64("seed", 1, "seed, for a reproducible corpus")
	share := fs.Float64("big-share", 0.05, "share of the resolutions that go to the largest committee (channel C0)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: DATABASE_URL=… quorum-corpus [-resolutions N] [-seed S] [-big-share F]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	dsn := getenv("DATABASE_URL")
	if dsn == "" {
		return errors.New("set DATABASE_URL to the database to fill")
	}
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx, nil); err != nil {
		return err
	}
	var built int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM committees WHERE team_id = $1`, corpus.BenchTeam).Scan(&built); err != nil {
		return err
	}
	if built > 0 {
		return fmt.Errorf("%s already holds a corpus (%d committees in team %s)", storage.Redact(dsn), built, corpus.BenchTeam)
	}
	res, err := corpus.Build(ctx, db.SQL(), corpus.Options{Resolutions: *n, Seed: *seed, BigShare: *share,
		Log: func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }})
	if err != nil {
		return err
	}
	big := res.Committees[0]
	fmt.Fprintf(stdout, "%d committees, %d meetings, %d minutes, %d resolutions in %s.\nLargest: %s (team %s, channel %s), %d minutes.\n",
		len(res.Committees), res.Meetings, res.Minutes, res.Resolutions, res.Took.Round(1e8), big.Name, big.TeamID, big.ChannelID, big.Minutes)
	return nil
}
