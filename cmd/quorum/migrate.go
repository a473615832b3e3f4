package main

import (
	"context"
	"errors"
	"io"
)

func migrate(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("migrate", "quorum migrate (uses DATABASE_URL)", stderr)
	if err := fs.Parse(args); err != nil {
		return err
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
