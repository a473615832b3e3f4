package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/quorumhq/quorum/commands"
)

// Socket is the Socket Mode transport: Quorum connects out to Slack over a
// websocket, so it needs no public address, and every envelope that
// arrives goes through the same code as the HTTP endpoints (handle,
// interaction, event). Socket Mode needs no signing secret: the
// connection itself is opened with the app-level token.
type Socket struct {
	srv    *Server
	client *socketmode.Client
	sem    chan struct{}
	wg     sync.WaitGroup
}

// maxAckBytes is the largest acknowledgement that carries a reply. Slack
// drops Socket Mode acknowledgements of 20 KB or more; larger replies are
// posted to the command's response_url instead.
const maxAckBytes = 12 << 10

// maxInFlight bounds the envelopes handled at once.
const maxInFlight = 32

// NewSocket serves srv's commands, buttons, forms and events over client,
// which must carry the app-level token (slack.OptionAppLevelToken).
func NewSocket(srv *Server, client *socketmode.Client) *Socket {
	return &Socket{srv: srv, client: client, sem: make(chan struct{}, maxInFlight)}
}

// Run connects and serves until ctx is done, reconnecting whenever the
// connection drops or Slack asks for a new one (socketmode does both, with
// backoff). It returns nil once ctx is done and the envelopes under way
// are answered, or an error if Slack refuses the app token.
func (k *Socket) Run(ctx context.Context) error {
	k.srv.setSocket("connecting")
	defer k.srv.setSocket("disconnected")
	errc := make(chan error, 1)
	go func() { errc <- k.client.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			select {
			case <-errc:
			case <-time.After(5 * time.Second):
				k.srv.log.Warn("socket mode: connection did not close in time")
			}
			k.wg.Wait()
			return nil
		case err := <-errc:
			k.wg.Wait()
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("socket mode: %w", err)
		case evt := <-k.client.Events:
			k.dispatch(ctx, evt)
		}
	}
}

func (k *Socket) dispatch(ctx context.Context, evt socketmode.Event) {
	log := k.srv.log
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		k.srv.setSocket("connecting")
	case socketmode.EventTypeConnected, socketmode.EventTypeHello:
		if k.srv.setSocket("connected") {
			log.Info("socket mode: connected")
		}
	case socketmode.EventTypeConnectionError:
		k.srv.setSocket("disconnected")
		if e, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			log.Warn("socket mode: cannot connect; retrying", "attempt", e.Attempt, "backoff", e.Backoff, "err", e.ErrorObj)
		}
	case socketmode.EventTypeInvalidAuth:
		k.srv.setSocket("disconnected")
		log.Error("socket mode: Slack refused the app token (SLACK_APP_TOKEN)")
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		log.Warn("socket mode: connection trouble", "type", evt.Type, "detail", fmt.Sprintf("%+v", evt.Data))
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if ok && evt.Request != nil {
			env := *evt.Request
			k.spawn(ctx, func(ctx context.Context) { k.slashCommand(ctx, env, cmd) })
		}
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if ok && evt.Request != nil {
			env := *evt.Request
			k.spawn(ctx, func(ctx context.Context) {
				ack, err := k.srv.interaction(ctx, cb)
				if err != nil {
					log.Warn("socket mode: interaction not understood", "err", err)
					ack = k.srv.refused(cb, err)
				}
				k.ack(ctx, env, ack)
			})
		}
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if ok && evt.Request != nil {
			env := *evt.Request
			k.spawn(ctx, func(ctx context.Context) {
				defer k.ack(ctx, env, nil)
				if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && !k.srv.firstEvent(ctx, cb.EventID) {
					log.Info("event already handled", "event_id", cb.EventID, "retry", env.RetryAttempt)
					return
				}
				k.srv.event(ctx, ev) // returns at once
			})
		}
	}
}

// spawn runs fn for one envelope, at most maxInFlight at once. Envelopes
// under way when ctx ends are still answered: fn's context outlives ctx,
// bounded by the command deadline.
func (k *Socket) spawn(ctx context.Context, fn func(context.Context)) {
	select {
	case k.sem <- struct{}{}:
	case <-ctx.Done():
		return
	}
	k.wg.Add(1)
	go func() {
		defer func() { <-k.sem; k.wg.Done() }()
		// Over HTTP net/http recovers a handler's panic; here nothing
		// would, and one envelope that trips a bug would end the process
		// and every envelope under way with it. Unacknowledged, Slack
		// sends it again, and it fails again, alone.
		defer func() {
			if p := recover(); p != nil {
				k.srv.log.Error("socket mode: panic while handling an envelope", "panic", p, "stack", string(debug.Stack()))
			}
		}()
		fn(context.WithoutCancel(ctx))
	}()
}

func (k *Socket) ack(ctx context.Context, env socketmode.Request, payload any) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := k.client.AckCtx(ctx, env.EnvelopeID, payload); err != nil {
		k.srv.log.Warn("socket mode: not acknowledged", "envelope", env.EnvelopeID, "err", err)
	}
}

// slashCommand answers a slash command in its acknowledgement when the
// reply is small; a larger one is acknowledged empty and posted.
func (k *Socket) slashCommand(ctx context.Context, env socketmode.Request, cmd slack.SlashCommand) {
	if cmd.Command == "" || cmd.UserID == "" {
		k.ack(ctx, env, nil)
		return
	}
	if cmd.TeamID == "" || cmd.ChannelID == "" {
		// As over HTTP: an empty workspace would match the sender's
		// committees in every workspace.
		k.srv.cfg.Metrics.reject(RejectMalformed)
		k.ack(ctx, env, Message(commands.Reply{Visibility: commands.Private, Text: NoWorkspaceText}))
		return
	}
	req := commands.Request{
		Command: cmd.Command, Text: cmd.Text, TeamID: cmd.TeamID, ChannelID: cmd.ChannelID,
		DirectMessage: directMessage(cmd.ChannelID, cmd.ChannelName),
		UserID:        cmd.UserID, UserName: cmd.UserName, Now: k.srv.cfg.Now(),
	}
	// No replay key: Socket Mode's requests come over the app's own
	// connection, not signed HTTP anyone could send again.
	reply, opened, _ := k.srv.answer(ctx, req, cmd.TriggerID, time.Now())
	if opened {
		k.ack(ctx, env, nil)
		return
	}
	parts := replyParts(reply)
	if len(parts) == 1 {
		if b, err := json.Marshal(parts[0]); err == nil && len(b) <= maxAckBytes {
			k.ack(ctx, env, parts[0])
			return
		}
	}
	k.ack(ctx, env, nil)
	if cmd.ResponseURL != "" {
		k.srv.postResponses(cmd.ResponseURL, parts)
		return
	}
	for _, msg := range parts {
		if err := k.srv.postMessage(ctx, req, msg); err != nil {
			k.srv.log.Warn("large reply not posted", "command", req.Command, "user", req.UserID, "err", err)
			return
		}
	}
}

// NoWorkspaceText answers a command or a button that does not say which
// workspace (or, for a command, which channel) it came from.
const NoWorkspaceText = "Sorry, Slack did not say where this came from, so nothing was done. Please try again."

// postMessage sends msg with the Web API, for a reply that has no
// response_url: privately to r's sender, or to the channel.
func (s *Server) postMessage(ctx context.Context, r commands.Request, msg Response) error {
	if s.cfg.Slack == nil {
		return errors.New("no Web API client")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return deliver(ctx, s.cfg.Slack, r, msg)
}

// setSocket records the Socket Mode connection's state for /healthz and
// reports whether it changed.
func (s *Server) setSocket(state string) bool {
	return s.socket.Swap(state) != state
}
