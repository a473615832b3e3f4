package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// Config holds what a Server needs.
type Config struct {
	// SigningSecret verifies that requests come from Slack.
	SigningSecret string
	Service       *commands.Service
	// Slack is the Web API client (users.info, views.open, …).
	Slack *slack.Client
	// Ready reports whether the records can be reached, for /readyz.
	Ready func(ctx context.Context) error
	Log   *slog.Logger
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Deadline bounds a command's work so that Slack always gets its
	// answer within its 3 seconds. Default 2.5s.
	Deadline time.Duration
	// Metrics, when set, count requests and are served at GET /metrics.
	Metrics *Metrics
}

// Server serves Slack's HTTP requests.
type Server struct {
	cfg   Config
	log   *slog.Logger
	users *Users
	mux   *http.ServeMux
	// names are the registered commands, the only command labels metrics use.
	names map[string]bool
}

// MaxBodyBytes bounds a request body from Slack. Slash commands and
// interaction payloads are far smaller.
const MaxBodyBytes = 64 << 10

// NewServer builds a Server.
func NewServer(cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Deadline == 0 {
		cfg.Deadline = 2500 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: cfg.Log, mux: http.NewServeMux(), names: map[string]bool{}}
	if cfg.Service != nil {
		var names []string
		for _, c := range cfg.Service.Commands() {
			s.names[c.Name] = true
			names = append(names, c.Name)
		}
		cfg.Metrics.known(names)
	}
	s.mux.HandleFunc("POST /slack/commands", s.slashCommand)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /readyz", s.readyz)
	if cfg.Metrics != nil {
		s.mux.Handle("GET /metrics", cfg.Metrics.Handler())
	}
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.cfg.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.cfg.Ready(ctx); err != nil {
			s.log.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("database unavailable\n"))
			return
		}
	}
	_, _ = w.Write([]byte("ready\n"))
}

// handle runs a request through the command core. Both transports call it.
// It never fails: errors become replies that say what did not happen, and
// are logged once, here, with the reference the user sees.
func (s *Server) handle(ctx context.Context, req commands.Request) commands.Reply {
	start := time.Now()
	var err error
	reply := run(ctx, s.cfg.Service, s.log, s.cfg.Deadline, req, func(ctx context.Context) (commands.Reply, error) {
		var r commands.Reply
		r, err = s.cfg.Service.Run(ctx, req)
		return r, err
	})
	s.cfg.Metrics.observe(s.commandLabel(req.Command), outcome(reply, err), time.Since(start))
	return reply
}

// commandLabel is the command's name if it is registered, else "other".
func (s *Server) commandLabel(name string) string {
	if s.names[name] {
		return name
	}
	return otherCommand
}

// run applies the deadline and turns errors into replies.
func run(ctx context.Context, svc *commands.Service, log *slog.Logger, deadline time.Duration, req commands.Request, fn func(context.Context) (commands.Reply, error)) commands.Reply {
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	start := time.Now()
	reply, err := fn(ctx)
	if err == nil {
		return reply
	}
	ref := newRef()
	level := slog.LevelError
	if commands.IsUnavailable(err) {
		level = slog.LevelWarn
	}
	log.Log(ctx, level, "command failed", "ref", ref, "command", req.Command, "team", req.TeamID,
		"channel", req.ChannelID, "user", req.UserID, "took", time.Since(start), "err", err,
		"deadline", errors.Is(err, context.DeadlineExceeded))
	return svc.Failure(req, err, ref)
}

func newRef() string {
	var b [2]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
