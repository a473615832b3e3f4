package main

import (
	"context"
	"errors"
	"fmt"
	"io"
)

func migrate(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("migrate", "quorum migrate (uses DATABASE_URL)", stderr)
	if err := fs.Parse(args); err != nil {
		return flagMistake(fs, err)
	}
	if fs.NArg() > 0 {
		// Say so rather than migrate and leave "migrate down" or a
		// version seeming to have been obeyed.
		fs.Usage()
		return fmt.Errorf("migrate takes no arguments (got %q): it brings the schema up to date, and cannot go back", fs.Arg(0))
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	if cfg.DatabaseURL == "" {
		return errors.New("migrate needs DATABASE_URL")
	}
	log := newLogger(stderr, cfg.LogLevel)
	db, closeDB, err := openDatabase(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := db.Migrate(ctx, log); err != nil {
		return err
	}
	log.Info("schema is up to date")
	return nil
}
