package main

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
)

// The console plays one channel of one workspace.
const (
	consoleTeam    = "TCONSOLE"
	consoleChannel = "CCONSOLE"
)

func console(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("console", "quorum console (uses DATABASE_URL if set, else a private database)", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	log := newLogger(stderr, max(cfg.LogLevel, slog.LevelWarn))
	db, closeDB, err := openDatabase(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := db.Migrate(ctx, nil); err != nil {
		return err
	}
	if _, err := commands.LoadSample(ctx, db, consoleTeam, consoleChannel, time.Now()); err != nil {
		return err
	}
	svc := commands.New(db, commands.SampleDirectory{})
	c := &bot.Console{Service: svc, In: stdin, Out: stdout, TeamID: consoleTeam, ChannelID: consoleChannel, Log: log}
	return c.Run(ctx)
}
