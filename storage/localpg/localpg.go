// Package localpg runs a private PostgreSQL server from the postgres
// binaries installed on the machine. The console uses it when no
// DATABASE_URL is given, and tests use it for throwaway clusters. It speaks
// only over a Unix socket in a private directory, so servers never collide
// on ports and nothing listens on the network.
package localpg

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/lib/pq" // the server is checked by connecting to it
)

// ErrNoBinaries means the PostgreSQL server programs could not be found.
var ErrNoBinaries = errors.New(`PostgreSQL server binaries (initdb, postgres) not found on PATH or in /usr/lib/postgresql/*/bin.
Install them (Debian/Ubuntu: apt-get install postgresql; Fedora: dnf install postgresql-server; macOS: brew install postgresql@15)
or set DATABASE_URL (TEST_DATABASE_URL for tests) to a server you run yourself`)

// Options say how to run a server.
type Options struct {
	// DataDir holds the cluster. Empty: a new temporary directory, removed
	// by Stop. A DataDir that already holds a cluster is reused.
	DataDir string
	// Durable keeps fsync on. Throwaway clusters turn it off for speed.
	Durable bool
	// Log receives the server's output; nil discards it.
	Log io.Writer
	// Settings are extra postgres -c settings.
	Settings map[string]string
}

// Server is a running PostgreSQL server.
type Server struct {
	dataDir   string
	socketDir string
	temp      bool
	opts      Options
	uid, gid  int // the account the server runs as; -1: ours

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
}

// Port is the port number in the socket's name; nothing listens on TCP.
const Port = 5432

// BinDir finds the directory holding initdb and postgres.
func BinDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("postgres"); err == nil {
			real, err := filepath.EvalSymlinks(p)
			if err != nil {
				real = p
			}
			return filepath.Dir(real), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", ErrNoBinaries
}

func versionOf(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Start starts a server, creating its cluster first if needed. When run as
// root, the server runs as the "postgres" account, since PostgreSQL
// refuses to run as root.
func Start(ctx context.Context, opts Options) (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	s := &Server{dataDir: opts.DataDir, opts: opts, uid: -1, gid: -1}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("localpg: running as root needs a \"postgres\" account to run the server as (Debian's postgresql package creates it): %w", err)
		}
		s.uid, _ = strconv.Atoi(u.Uid)
		s.gid, _ = strconv.Atoi(u.Gid)
	}
	if s.dataDir == "" {
		dir, err := os.MkdirTemp("", "quorum-pg-")
		if err != nil {
			return nil, fmt.Errorf("localpg: %w", err)
		}
		s.dataDir, s.temp = filepath.Join(dir, "data"), true
	}
	if s.socketDir, err = os.MkdirTemp("", "quorum-sock-"); err != nil {
		return nil, fmt.Errorf("localpg: %w", err)
	}
	for _, d := range []string{s.socketDir, filepath.Dir(s.dataDir)} {
		if err := s.own(d); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(filepath.Join(s.dataDir, "PG_VERSION")); err != nil {
		if err := s.initdb(ctx, bin); err != nil {
			s.cleanup()
			return nil, err
		}
	}
	if err := s.start(ctx, bin); err != nil {
		s.cleanup()
		return nil, err
	}
	return s, nil
}

// own makes dir usable by the server's account.
func (s *Server) own(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("localpg: %w", err)
	}
	if s.uid >= 0 {
		if err := os.Chown(dir, s.uid, s.gid); err != nil {
			return fmt.Errorf("localpg: %w", err)
		}
	}
	return nil
}

func (s *Server) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	cmd.Dir = os.TempDir()
	cmd.SysProcAttr = &syscall.SysProcAttr{}
	if s.uid >= 0 {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(s.uid), Gid: uint32(s.gid)}
	}
	return cmd
}

func (s *Server) initdb(ctx context.Context, bin string) error {
	args := []string{"-D", s.dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"}
	if !s.opts.Durable {
		args = append(args, "--no-sync")
	}
	cmd := s.command(ctx, filepath.Join(bin, "initdb"), args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("localpg: initdb %s: %w\n%s", s.dataDir, err, out.String())
	}
	return nil
}

func (s *Server) start(ctx context.Context, bin string) error {
	settings := map[string]string{
		"listen_addresses":        "",
		"unix_socket_directories": s.socketDir,
		"port":                    strconv.Itoa(Port),
		"max_connections":         "200",
		"shared_buffers":          "64MB",
		"log_min_messages":        "warning",
	}
	if !s.opts.Durable {
		settings["fsync"] = "off"
		settings["synchronous_commit"] = "off"
		settings["full_page_writes"] = "off"
	}
	for k, v := range s.opts.Settings {
		settings[k] = v
	}
	args := []string{"-D", s.dataDir}
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		args = append(args, "-c", k+"="+settings[k])
	}
	// Not tied to ctx: the server outlives the call that starts it.
	cmd := s.command(context.Background(), filepath.Join(bin, "postgres"), args...)
	// If this process dies without stopping the server, the server shuts
	// down rather than linger.
	cmd.SysProcAttr.Pdeathsig = syscall.SIGQUIT
	var out bytes.Buffer
	w := io.Writer(&out)
	if s.opts.Log != nil {
		w = io.MultiWriter(&out, s.opts.Log)
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("localpg: start postgres: %w", err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	s.mu.Lock()
	s.cmd, s.done = cmd, done
	s.mu.Unlock()

	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case <-done:
			if strings.Contains(out.String(), `lock file "postmaster.pid" already exists`) {
				return fmt.Errorf("localpg: the private database in %s is in use by another quorum (a console left open?): close it first, or set DATABASE_URL", s.dataDir)
			}
			return fmt.Errorf("localpg: postgres exited at start:\n%s", out.String())
		case <-ctx.Done():
			s.Stop()
			return ctx.Err()
		default:
		}
		if s.ping(ctx) == nil {
			return nil
		}
		if time.Now().After(deadline) {
			s.Stop()
			return fmt.Errorf("localpg: postgres did not accept connections within 30s:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *Server) ping(ctx context.Context) error {
	db, err := sql.Open("postgres", s.DSN("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	pctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return db.PingContext(pctx)
}

// DSN is a connection string for database dbname on this server.
func (s *Server) DSN(dbname string) string {
	return fmt.Sprintf("host=%s port=%d user=postgres dbname=%s sslmode=disable", s.socketDir, Port, dbname)
}

// Stop shuts the server down (fast shutdown: open sessions are ended,
// committed work is kept) and waits for it to exit.
func (s *Server) Stop() error { return s.halt(syscall.SIGINT) }

// Kill stops the server at once, as a crash would (immediate shutdown:
// no checkpoint; the next start recovers from the write-ahead log).
func (s *Server) Kill() error { return s.halt(syscall.SIGQUIT) }

// halt sends the postmaster sig and waits for it to exit, killing it if it
// has not within 15 seconds.
func (s *Server) halt(sig syscall.Signal) error {
	s.mu.Lock()
	cmd, done := s.cmd, s.done
	s.cmd = nil
	s.mu.Unlock()
	if cmd != nil {
		_ = cmd.Process.Signal(sig)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}
	return nil
}

// Restart starts a stopped server again on the same cluster and socket.
func (s *Server) Restart(ctx context.Context) error {
	bin, err := BinDir()
	if err != nil {
		return err
	}
	return s.start(ctx, bin)
}

// Close stops the server and removes what Start created for it alone: the
// socket directory, and the cluster when it was temporary.
func (s *Server) Close() error {
	err := s.Stop()
	s.cleanup()
	return err
}

func (s *Server) cleanup() {
	os.RemoveAll(s.socketDir)
	if s.temp {
		os.RemoveAll(filepath.Dir(s.dataDir))
	}
}

// EnsureDatabase creates database name on the server unless it exists.
// name is the program's own, never a person's text.
func (s *Server) EnsureDatabase(ctx context.Context, name string) error {
	admin, err := sql.Open("postgres", s.DSN("postgres"))
	if err != nil {
		return err
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var exists bool
	if err := admin.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("localpg: look for database %s: %w", name, err)
	}
	if exists {
		return nil
	}
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		return fmt.Errorf("localpg: create database %s: %w", name, err)
	}
	return nil
}
