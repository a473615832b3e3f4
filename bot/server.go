package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// Config holds what a Server needs.
type Config struct {
	// SigningSecret verifies that requests come from Slack.
	SigningSecret string
	Service       *commands.Service
	// Slack is the Web API client (users.info, views.open, …): a
	// *slack.Client.
	Slack slackAPI
	// Ready reports whether the records can be reached, for /readyz.
	Ready func(ctx context.Context) error
	Log   *slog.Logger
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Deadline bounds a command's work so that Slack always gets its
	// answer within its 3 seconds. Default 2.5s.
	Deadline time.Duration
	// AnswerWithin is when, counted from a slash command's arrival over
	// HTTP, Slack must have its answer, whatever the work is doing: a
	// command's work can overrun Deadline (a query being cancelled, a
	// commit finishing at the last moment). An outcome not ready by then
	// is posted to the command's response_url when it comes, Slack having
	// been answered that it is on its way. Default 2.8s.
	AnswerWithin time.Duration
	// PublicURL is the address this server is reached at, for links to its
	// pages (the calendar feeds); empty when it is not reachable from
	// outside, as in Socket Mode behind a firewall.
	PublicURL string
	// HTTPClient posts replies to Slack's response_url; a client with a
	// 5-second timeout when nil.
	HTTPClient *http.Client
	// Metrics, when set, count requests and are served at GET /metrics.
	Metrics *Metrics
	// FirstSeen records key (a request's signature, or an event's ID) and
	// reports whether it is new, across every replica
	// (storage.DB.FirstSeen). A signed request seen before is a replay and
	// is refused. When nil, replays are not looked for. Interactions are
	// checked with it here; a slash command carries its key to the
	// Service (Request.Replay), whose store checks it, with the write for
	// /apologies.
	FirstSeen func(ctx context.Context, key string) (bool, error)
}

// Server serves Slack's HTTP requests.
type Server struct {
	cfg Config
	log *slog.Logger
	mux *http.ServeMux

	homes *homes
	seen  *seenEvents
	// clients limits the unauthenticated routes per client; quiet limits
	// the log lines that unauthenticated requests cause.
	clients *clients
	quiet   *quietLog
	// socket is the Socket Mode connection's state for /healthz; empty in
	// HTTP mode.
	socket atomic.Value
	// posts tracks replies being posted to response_urls.
	posts sync.WaitGroup
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
	if cfg.AnswerWithin == 0 {
		cfg.AnswerWithin = 2800 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 5 * time.Second}
	}
	s := &Server{cfg: cfg, log: cfg.Log, mux: http.NewServeMux(), seen: newSeenEvents(maxSeenEvents), names: map[string]bool{}}
	s.homes = newHomes(s)
	s.clients, s.quiet = newClients(), newQuietLog()
	s.socket.Store("")
	if cfg.Service != nil {
		var names []string
		for _, c := range cfg.Service.Commands() {
			s.names[c.Name] = true
			names = append(names, c.Name)
		}
		cfg.Metrics.known(names)
	}
	s.mux.HandleFunc("POST /slack/commands", s.slashCommand)
	s.mux.HandleFunc("POST /slack/interactions", s.interactions)
	s.mux.HandleFunc("POST /slack/events", s.events)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /readyz", s.limited(s.readyz))
	s.mux.HandleFunc("GET /calendar/{file}", s.limited(s.calendar))
	s.mux.HandleFunc("GET /minutes/{ref}", s.limited(s.minutesPage))
	if cfg.Metrics != nil {
		s.mux.Handle("GET /metrics", cfg.Metrics.Handler())
	}
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

// Close stops the work a Server does after answering (Home tabs being
// published, replies being posted), waiting for what is under way.
func (s *Server) Close() {
	s.homes.close()
	s.posts.Wait()
}

// Settle waits until the Home tabs queued for publishing are published.
func (s *Server) Settle() {
	s.homes.wait()
}

// healthz answers 200 while the process runs. In Socket Mode a second line
// says how the connection to Slack stands, "socket: connected",
// "socket: connecting" or "socket: disconnected": the process is alive
// while it reconnects, so liveness does not depend on it.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
	if state, _ := s.socket.Load().(string); state != "" {
		_, _ = w.Write([]byte("socket: " + state + "\n"))
	}
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.cfg.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.cfg.Ready(ctx); err != nil {
			s.quiet.log(s.log, slog.LevelWarn, "not ready", "err", err)
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
func (s *Server) handle(ctx context.Context, req commands.Request) (reply commands.Reply, replay bool) {
	start := time.Now()
	var err error
	reply, failed := attempt(ctx, s.cfg.Service, s.log, s.cfg.Deadline, req, func(ctx context.Context) (commands.Reply, error) {
		var r commands.Reply
		r, err = s.cfg.Service.Run(ctx, req)
		if errors.Is(err, commands.ErrReplay) {
			// Not a failure: refused by the caller, and counted there.
			replay = true
			return commands.Reply{}, nil
		}
		return r, err
	})
	if replay {
		return commands.Reply{}, true
	}
	if failed && err == nil {
		// The command panicked (runRecovering) and never returned its
		// error: a failure all the same.
		err = errPanicked
	}
	s.cfg.Metrics.observe(s.commandLabel(req.Command), outcome(reply, err), time.Since(start))
	return reply, false
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
	reply, _ := attempt(ctx, svc, log, deadline, req, fn)
	return reply
}

// attempt is run that also says whether the request failed, so that a
// form can show the failure in place.
func attempt(ctx context.Context, _ *commands.Service, log *slog.Logger, deadline time.Duration, req commands.Request, fn func(context.Context) (commands.Reply, error)) (commands.Reply, bool) {
	if d, ok := ctx.Deadline(); !ok || time.Until(d) > deadline {
		// The caller's own deadline, when sooner, stands (a slash
		// command's counts from its arrival); a context for nothing is a
		// cost on every command.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, deadline)
		defer cancel()
	}
	start := time.Now()
	reply, err := runRecovering(ctx, fn)
	if err == nil {
		return reply, false
	}
	ref := newRef()
	var p *panicked
	if errors.As(err, &p) {
		log.Error("command panicked", "ref", ref, "command", req.Command, "team", req.TeamID,
			"channel", req.ChannelID, "user", req.UserID, "took", time.Since(start), "panic", p.value, "stack", string(p.stack))
		return commands.Reply{Visibility: commands.Private, Text: fmt.Sprintf(PanicText, ref)}, true
	}
	level := slog.LevelError
	if commands.IsUnavailable(err) {
		level = slog.LevelWarn
	}
	log.Log(ctx, level, "command failed", "ref", ref, "command", req.Command, "team", req.TeamID,
		"channel", req.ChannelID, "user", req.UserID, "took", time.Since(start), "err", err,
		// A statement cancelled at the deadline fails with PostgreSQL's
		// error for a cancelled statement, not the context's.
		"deadline", errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded))
	return commands.FailureReply(err, ref), true
}

func newRef() string { return commands.NewRef() }

// PanicText answers a command that failed in a way the code did not
// foresee (a panic), with the reference its log entry bears. Something
// may have been saved before it, so it says neither saved nor NOT saved.
const PanicText = "Sorry — something went wrong while doing that (ref %s), and I cannot tell whether it was saved. Please check before sending it again."

// errPanicked counts a command that panicked among the failures.
var errPanicked = errors.New("command panicked")

// panicked is a command's panic, with the stack it was raised on.
type panicked struct {
	value any
	stack []byte
}

func (p *panicked) Error() string { return fmt.Sprintf("panic: %v", p.value) }

// runRecovering runs fn, turning a panic into an error. A command runs on
// the goroutine of its request, where net/http would recover a panic by
// closing the connection: Slack would show the member its own error, and
// the log would lack the command and whom it was for.
func runRecovering(ctx context.Context, fn func(context.Context) (commands.Reply, error)) (reply commands.Reply, err error) {
	defer func() {
		if v := recover(); v != nil {
			reply, err = commands.Reply{}, &panicked{value: v, stack: debug.Stack()}
		}
	}()
	return fn(ctx)
}
