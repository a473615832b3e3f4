// Package pgtest gives tests a real PostgreSQL database: each test gets its
// own database, cloned from a migrated template, on a throwaway cluster
// started from the postgres binaries (or on the server TEST_DATABASE_URL
// names). If PostgreSQL is missing, tests fail and say how to install it;
// they never skip.
//
// A package that uses it runs its tests through Main:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/localpg"
)

var (
	once     sync.Once
	server   *localpg.Server
	baseDSN  func(dbname string) string
	template string
	setupErr error
	counter  atomic.Int64
)

// Main runs the tests and then stops the cluster and drops the template.
func Main(m *testing.M) int {
	code := m.Run()
	if template != "" && server == nil && baseDSN != nil {
		if db, err := sql.Open("postgres", baseDSN("postgres")); err == nil {
			_, _ = db.Exec(`DROP DATABASE IF EXISTS ` + template)
			db.Close()
		}
	}
	if server != nil {
		server.Close()
	}
	return code
}

func setup() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		baseDSN = func(dbname string) string { return withDBName(u, dbname) }
	} else {
		server, setupErr = localpg.Start(ctx, localpg.Options{})
		if setupErr != nil {
			return
		}
		baseDSN = server.DSN
	}
	template = fmt.Sprintf("quorum_tmpl_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
	admin, err := sql.Open("postgres", baseDSN("postgres"))
	if err != nil {
		setupErr = err
		return
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+template); err != nil {
		setupErr = fmt.Errorf("create template: %w", err)
		return
	}
	db, err := storage.Open(ctx, baseDSN(template))
	if err != nil {
		setupErr = err
		return
	}
	defer db.Close()
	if err := db.Migrate(ctx, nil); err != nil {
		setupErr = err
	}
}

// withDBName replaces the database in a URL or key=value DSN.
func withDBName(dsn, dbname string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
		u.Path = "/" + dbname
		return u.String()
	}
	var out []string
	for _, f := range strings.Fields(dsn) {
		if !strings.HasPrefix(f, "dbname=") {
			out = append(out, f)
		}
	}
	return strings.Join(append(out, "dbname="+dbname), " ")
}

// DSN creates a fresh, migrated database for t and returns its DSN. The
// database is dropped when t ends.
func DSN(t testing.TB) string {
	t.Helper()
	return create(t, true)
}

// EmptyDSN creates a fresh database with no schema at all, for tests of
// migrating; it is dropped when t ends.
func EmptyDSN(t testing.TB) string {
	t.Helper()
	return create(t, false)
}

func create(t testing.TB, migrated bool) string {
	t.Helper()
	once.Do(setup)
	if setupErr != nil {
		t.Fatalf("pgtest: no PostgreSQL for the tests: %v", setupErr)
	}
	name := fmt.Sprintf("quorum_test_%d_%d", os.Getpid(), counter.Add(1))
	admin, err := sql.Open("postgres", baseDSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	from := "template0"
	if migrated {
		from = template
	}
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE ` + from + ` STRATEGY = FILE_COPY`); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("postgres", baseDSN("postgres"))
		if err != nil {
			return
		}
		defer admin.Close()
		_, _ = admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	})
	return baseDSN(name)
}

// New opens a fresh, migrated database for t, closed and dropped when t ends.
func New(t testing.TB) *storage.DB {
	t.Helper()
	db, err := storage.Open(context.Background(), DSN(t))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Server starts a cluster of t's own, for tests that stop and restart
// PostgreSQL under the bot. It is migrated and closed when t ends.
func Server(t testing.TB) (*localpg.Server, string) {
	t.Helper()
	return startServer(t, localpg.Options{})
}

// DurableServer is Server with fsync and synchronous commit on, as in
// production: for benchmarks, and for drills that kill PostgreSQL and
// count on what it acknowledged surviving.
func DurableServer(t testing.TB) (*localpg.Server, string) {
	t.Helper()
	return startServer(t, localpg.Options{Durable: true})
}

func startServer(t testing.TB, opts localpg.Options) (*localpg.Server, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := localpg.Start(ctx, opts)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	db, err := storage.Open(ctx, s.DSN("postgres"))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer db.Close()
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return s, s.DSN("postgres")
}
