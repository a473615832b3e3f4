package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

func serve(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("serve", "quorum serve (configured by the environment; see quorum -h)", stderr)
	// serve takes no flags: its help is what it reads from the
	// environment, which an operator setting it up needs in one place.
	fs.Usage = func() { fmt.Fprint(stderr, serveUsage) }
	if err := fs.Parse(args); err != nil {
		return flagMistake(fs, err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("serve takes no arguments (got %q): it is configured by the environment (LISTEN_ADDR for the address; see quorum -h)", fs.Arg(0))
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	if err := cfg.forServe(); err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	// Listen first: a serve that cannot have its address must stop before
	// it migrates, or runs an outbox and reminders beside the serve that
	// holds the address.
	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		return listenMistake(cfg.ListenAddr, err)
	}
	// Until the database is open and migrated, a request is answered at
	// once that serve is starting (/healthz that it runs), not held
	// unanswered: Slack would give up on a command after 3 seconds, tell
	// its sender it failed, and the command would be carried out once
	// serve began; a load balancer's check of the port would count it up.
	var ready atomic.Value // the bot's http.Handler, once it has one
	hs := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := ready.Load().(http.Handler); ok {
			h.ServeHTTP(w, r)
			return
		}
		if r.URL.Path == "/healthz" {
			fmt.Fprintln(w, "starting")
			return
		}
		w.Header().Set("Retry-After", "5")
		http.Error(w, "starting: the database is not open yet", http.StatusServiceUnavailable)
	}), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 15 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 2)
	go func() { errc <- hs.Serve(ln) }()
	defer hs.Close() // on a return before the shutdown below
	db, err := openWithRetry(ctx, cfg.DatabaseURL, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx, log); err != nil {
		return err
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	db.Warm(wctx)
	cancel()

	opts := []slack.Option{slack.OptionLog(slog.NewLogLogger(log.Handler(), slog.LevelDebug))}
	if cfg.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(cfg.APIURL))
	}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	client := slack.New(cfg.BotToken, opts...)
	if err := checkToken(ctx, client, db, log); err != nil {
		return err
	}
	svc := commands.New(db, bot.NewUsers(client))
	svc.SetPublicURL(cfg.PublicURL)
	metrics := bot.NewMetrics()
	metrics.WatchOutbox(db.OutboxDepth, log)
	srv := bot.NewServer(bot.Config{
		SigningSecret: cfg.SigningSecret, Service: svc, Slack: client, Ready: db.Ping, Log: log,
		PublicURL: cfg.PublicURL, Metrics: metrics, FirstSeen: db.FirstSeen,
	})
	defer srv.Close()

	// The outbox worker and the reminder scheduler stop with ctx (SIGTERM);
	// messages not yet sent stay in the outbox for the next start.
	var workers sync.WaitGroup
	wctx, stopWorkers := context.WithCancel(ctx)
	defer func() { stopWorkers(); workers.Wait() }()
	outbox := &bot.Outbox{Store: db, Slack: client, Service: svc, Log: log, PublicURL: cfg.PublicURL}
	metrics.WatchSlackRefusal(outbox.Refused)
	reminders := &commands.Reminders{Service: svc, Log: log, Registers: true}
	workers.Go(func() { _ = outbox.Run(wctx) })
	workers.Go(func() { _ = reminders.Run(wctx) })

	ready.Store(http.Handler(srv))
	log.Info("serving", "addr", ln.Addr().String(), "version", versionString())
	if cfg.PublicURL == "" {
		// Optional, so not a refusal; but links people expect are left
		// out, and nothing else would say why.
		log.Warn("PUBLIC_URL is not set: /meeting list shows the calendar feed as a path without its address, the Home tab leaves the link out, and /minutes post posts the minutes themselves rather than a link to the printable page; set it to the address people reach serve at, e.g. https://quorum.example.org")
	}
	listening(ln.Addr())
	// With an app-level token Slack's requests come over Socket Mode; the
	// HTTP server still serves /healthz, /readyz and the other GET routes.
	socketDone := make(chan struct{})
	if cfg.AppToken != "" {
		sock := bot.NewSocket(srv, socketmode.New(client, socketmode.OptionLog(slog.NewLogLogger(log.Handler(), slog.LevelDebug))))
		log.Info("socket mode: connecting to Slack")
		go func() {
			defer close(socketDone)
			if err := sock.Run(ctx); err != nil {
				errc <- err
			}
		}()
	} else {
		close(socketDone)
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	<-socketDone
	log.Info("stopping: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

const serveUsage = `Usage: quorum serve

Runs the bot: brings the schema up to date, then answers Slack over HTTP
(POST /slack/commands, /slack/interactions, /slack/events) or, with
SLACK_APP_TOKEN, over Socket Mode, and serves GET /healthz, /readyz,
/metrics, the calendar feeds and the printable minutes. It takes no flags
or arguments. It reads:

  DATABASE_URL          needed: postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=disable
  SLACK_BOT_TOKEN       needed: the Bot User OAuth Token, xoxb-…
  SLACK_SIGNING_SECRET  needed over HTTP: the app's Signing Secret (Basic Information)
  SLACK_APP_TOKEN       for Socket Mode instead of HTTP: an app-level token, xapp-…
  PUBLIC_URL            optional: the address people reach serve at, https://…,
                        for full calendar links and links to printable minutes
  LISTEN_ADDR           the HTTP address (default :8080)
  LOG_LEVEL             debug, info (default), warn or error
  SLACK_API_URL         the Web API's base URL (default Slack's)
  GOMEMLIMIT            Go's soft memory limit (default 18MiB for serve)
`

// checkToken asks Slack whose the bot token is (auth.test) before anything
// is sent with it: a token Slack refuses stops serve with one line naming
// SLACK_BOT_TOKEN, where it would otherwise start and every message wait
// on it. Slack not answering does not stop serve: commands do not need
// Slack to be up, and the outbox waits for it.
func checkToken(ctx context.Context, client *slack.Client, db *storage.DB, log *slog.Logger) error {
	actx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	who, err := client.AuthTestContext(actx)
	if code, refused := bot.TokenRefused(err); refused {
		return fmt.Errorf("SLACK_BOT_TOKEN is refused by Slack (%s): put the app's current Bot User OAuth Token (xoxb-…, under OAuth & Permissions; reinstall the app if it was revoked)", code)
	}
	if err != nil {
		log.Warn("could not ask Slack whether SLACK_BOT_TOKEN is good (auth.test); starting anyway: messages wait in the outbox until Slack answers", "err", err)
		return nil
	}
	log.Info("Slack takes SLACK_BOT_TOKEN", "team", who.Team, "team_id", who.TeamID, "bot_user", who.UserID)
	// A good token of another workspace (a test install's, say) posts
	// nowhere the committees are: every post would be refused with
	// channel_not_found, and the officers' notices of it too, since they
	// are in the committees' workspace. Said once, here; serve still
	// starts, since a committee may yet be set up in the token's.
	if who.TeamID == "" || who.EnterpriseID != "" {
		// An organisation-wide install's token is of the organisation,
		// not of one of its workspaces, whose committees it serves.
		return nil
	}
	teams, err := db.Workspaces(ctx)
	if err != nil || len(teams) == 0 || slices.Contains(teams, who.TeamID) {
		return nil
	}
	log.Error("SLACK_BOT_TOKEN is the bot's in a workspace where no committee is: posts to the committees' channels will fail. Put the Bot User OAuth Token of the app installed in their workspace", "token_team", who.Team, "token_team_id", who.TeamID, "committee_team_ids", strings.Join(teams, ","))
	return nil
}

// listening is told the address serve listens on (tests listen on port 0).
var listening = func(net.Addr) {}

// openWithRetry waits for the database for up to a minute, so that serve
// can start alongside it (docker compose, a rolling restart).
func openWithRetry(ctx context.Context, dsn string, log *slog.Logger) (*storage.DB, error) {
	deadline := time.Now().Add(time.Minute)
	for {
		db, err := storage.Open(ctx, dsn)
		if err == nil {
			return db, nil
		}
		if refused(err) {
			return nil, refusedError(err)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return nil, err
		}
		log.Warn("database not reachable yet; retrying", "err", err)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
}

// refused is whether the database answered and turned the connection
// down for a reason that stays until DATABASE_URL or the server is
// changed: a wrong password, a user or database that does not exist, no
// pg_hba.conf line for it. A server still starting up (57P03) or not yet
// listening is waited for.
func refused(err error) bool {
	var pgErr interface{ SQLState() string }
	if !errors.As(err, &pgErr) {
		return false
	}
	code := pgErr.SQLState()
	return strings.HasPrefix(code, "28") || code == "3D000"
}

// refusedError says which variable to look at when PostgreSQL refused
// the connection.
func refusedError(err error) error {
	return fmt.Errorf("DATABASE_URL: PostgreSQL answered and refused it, which waiting will not change: check the user, password and database name in DATABASE_URL (%w)", err)
}

// listenMistake names LISTEN_ADDR in the error of a listen that failed,
// which alone says neither where the address came from nor what to do.
func listenMistake(addr string, err error) error {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf("LISTEN_ADDR %s is in use (another quorum serve, or another program, listens there): stop it, or set LISTEN_ADDR to a free address, e.g. :8081", addr)
	case errors.Is(err, syscall.EACCES):
		return fmt.Errorf("LISTEN_ADDR %s: not allowed to listen there (a port below 1024 needs privileges): set LISTEN_ADDR to a port above 1023, e.g. :8080", addr)
	}
	return fmt.Errorf("LISTEN_ADDR %q: %v: give a host and port, e.g. :8080 or 127.0.0.1:8080", addr, err)
}
