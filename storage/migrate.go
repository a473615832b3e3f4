package storage

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrate brings the schema up to date. It holds a PostgreSQL advisory lock
// while it works, so several replicas can start at once.
func (db *DB) Migrate(ctx context.Context, log *slog.Logger) error {
	_, err := db.MigrateCount(ctx, log)
	return err
}

// MigrateCount is Migrate, saying how many migrations it applied: none
// when the schema was already up to date.
func (db *DB) MigrateCount(ctx context.Context, log *slog.Logger) (int, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return 0, fmt.Errorf("storage: migrate: %w", err)
	}
	p, err := db.provider(goose.WithSessionLocker(locker))
	if err != nil {
		return 0, fmt.Errorf("storage: migrate: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return 0, mapErr("migrate", err)
	}
	for _, r := range results {
		if log != nil {
			log.Info("migrated", "version", r.Source.Version, "file", r.Source.Path, "took", r.Duration)
		}
	}
	return len(results), nil
}

// provider runs the embedded migrations on db, with opts.
func (db *DB) provider(opts ...goose.ProviderOption) (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(goose.DialectPostgres, db.x.DB.DB, sub, append(opts, goose.WithDisableGlobalRegistry(true))...)
}
