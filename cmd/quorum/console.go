package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/console"
)

// The console starts in the sample committee's channel of one workspace.
const (
	consoleTeam        = "TCONSOLE"
	consoleChannel     = "CCONSOLE"
	consoleChannelName = "safer-sefton-together"
)

// consoleCmd runs the console on the sample committee.
func consoleCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("console", "quorum console (uses DATABASE_URL if set, else a private database)", stderr)
	if err := fs.Parse(args); err != nil {
		return flagMistake(fs, err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("console takes no arguments (got %q): it reads commands from the terminal once started", fs.Arg(0))
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
	if _, err := svc.LoadSampleWithPack(ctx, consoleTeam, consoleChannel, time.Now(), commands.SamplePack); err != nil {
		return err
	}
	c := &console.Console{Service: svc, In: stdin, Out: stdout, TeamID: consoleTeam, ChannelID: consoleChannel, ChannelName: consoleChannelName, Log: log}
	return c.Run(ctx)
}
