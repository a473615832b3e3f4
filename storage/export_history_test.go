package storage

import (
	"context"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// MigrateUpToVersion brings the schema up to version and no further, so
// that a test can fill the records as an earlier schema held them before
// migrating the rest of the way.
func (db *DB) MigrateUpToVersion(ctx context.Context, version int64) error {
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
