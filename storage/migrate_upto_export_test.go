package storage

import (
	"context"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// MigrateUpTo migrates the schema up to version and no further, for tests
// that fill a database as an earlier schema held it and then migrate it.
func (db *DB) MigrateUpTo(ctx context.Context, version int64) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db.x.DB, sub, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = p.UpTo(ctx, version)
	return err
}
