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
	n, err := db.MigrateCount(ctx, log)
	if err != nil {
		return err
	}
	if n > 0 {
		log.Info("schema is up to date", "applied", n)
	} else {
		// Said apart, so that a run that did nothing is not read as one
		// that did what it was meant to.
		log.Info("schema was already up to date: nothing applied")
	}
	return nil
}
