package storage

import (
	"context"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// MigrateDownTo takes the schema back down to version, for the tests of
// a migration's Down.
func (db *DB) MigrateDownTo(ctx context.Context, version int64) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db.x.DB, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	return err
}
