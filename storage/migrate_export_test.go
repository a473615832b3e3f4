package storage

import "context"

// MigrateUpTo brings the schema up to version and no further, so that
// tests of a migration can fill a database as the schema before it was.
func (db *DB) MigrateUpTo(ctx context.Context, version int64) error {
	p, err := db.provider()
	if err != nil {
		return err
	}
	_, err = p.UpTo(ctx, version)
	return err
}

// MigrateDownTo takes the schema back down to version, for the tests of
// a migration's Down.
func (db *DB) MigrateDownTo(ctx context.Context, version int64) error {
	p, err := db.provider()
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	return err
}
