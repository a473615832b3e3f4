package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/localpg"
)

// openDatabase opens DATABASE_URL, or with none starts the private server
// of the console (its cluster kept between runs) and opens that. The
// returned stop function closes both.
func openDatabase(ctx context.Context, cfg config, stderr io.Writer) (*storage.DB, func(), error) {
	if cfg.DatabaseURL != "" {
		db, err := storage.Open(ctx, cfg.DatabaseURL)
		if err != nil {
			if refused(err) {
				return nil, nil, refusedError(err)
			}
			return nil, nil, err
		}
		return db, func() { db.Close() }, nil
	}
	dir, err := consoleDir()
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(stderr, "Starting a private PostgreSQL in %s …\n", dir)
	srv, err := localpg.Start(ctx, localpg.Options{DataDir: dir, Durable: true})
	if err != nil {
		return nil, nil, err
	}
	if err := srv.EnsureDatabase(ctx, "quorum"); err != nil {
		srv.Close()
		return nil, nil, err
	}
	db, err := storage.Open(ctx, srv.DSN("quorum"))
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return db, func() { db.Close(); srv.Close() }, nil
}

// openMigrated opens the database as openDatabase does and brings its
// schema up to date.
func openMigrated(ctx context.Context, cfg config, stderr io.Writer) (*storage.DB, func(), error) {
	db, closeDB, err := openDatabase(ctx, cfg, stderr)
	if err != nil {
		return nil, nil, err
	}
	if err := db.Migrate(ctx, nil); err != nil {
		closeDB()
		return nil, nil, err
	}
	return db, closeDB, nil
}

// consoleDir is consoleDataDir, replaced in tests.
var consoleDir = consoleDataDir

// consoleDataDir is where the console keeps its cluster: under the user's
// cache directory, or, for root (whose home the postgres account cannot
// enter), under /var/tmp.
func consoleDataDir() (string, error) {
	if os.Geteuid() == 0 {
		return "/var/tmp/quorum-console/postgres", nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory for the console's database (set DATABASE_URL instead): %w", err)
	}
	return filepath.Join(cache, "quorum", "postgres"), nil
}
