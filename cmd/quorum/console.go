package main

import (
	"context"
	_ "embed"
	"io"
	"log/slog"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/console"
)

// samplePack is Safer Sefton Together's agenda pack of 17 March 2022 (the
// agenda, the minutes of 9 December 2021, partner reports): the console's
// sample committee is filled from it.
//
//go:embed sample/safer-sefton-together-2022-03-17-agenda-pack.txt
var samplePack string

// The console plays one channel of one workspace.
const (
	consoleTeam    = "TCONSOLE"
	consoleChannel = "CCONSOLE"
)

// consoleCmd runs the console on the sample committee.
func consoleCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("console", "quorum console (uses DATABASE_URL if set, else a private database)", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	log := newLogger(stderr, max(cfg.LogLevel, slog.LevelWarn))
	db, closeDB, err := openMigrated(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	svc := commands.New(db, commands.SampleDirectory{})
	if _, err := svc.LoadSampleWithPack(ctx, consoleTeam, consoleChannel, time.Now(), samplePack); err != nil {
		return err
	}
	c := &console.Console{Service: svc, In: stdin, Out: stdout, TeamID: consoleTeam, ChannelID: consoleChannel, Log: log}
	return c.Run(ctx)
}
