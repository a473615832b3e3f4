package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// OutboxStore is what the outbox worker needs of the records. Package
// storage implements it.
type OutboxStore interface {
	// ClaimOutbox claims up to limit messages due at now, for lease, and
	// commits the claim before returning.
	ClaimOutbox(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]commands.OutboxMessage, error)
	// OutboxSent records a message as sent (Slack's channel and ts). False:
	// it took a newer payload meanwhile and is due again.
	OutboxSent(ctx context.Context, m commands.OutboxMessage, channelID, ts string, now time.Time) (bool, error)
	// RenewOutbox extends m's claim to until; false if m is no longer
	// claimed by this worker.
	RenewOutbox(ctx context.Context, m commands.OutboxMessage, until time.Time) (bool, error)
	OutboxRetry(ctx context.Context, m commands.OutboxMessage, at time.Time, reason string) error
	OutboxFailed(ctx context.Context, m commands.OutboxMessage, reason string) error
	// OutboxDefer puts m back, due at at, without counting its claim as an
	// attempt.
	OutboxDefer(ctx context.Context, m commands.OutboxMessage, at time.Time, reason string) error
	// SlackMessage finds the message posted under key; ErrNotFound if none.
	SlackMessage(ctx context.Context, key string) (channelID, ts string, err error)
	// ForgetSlackMessage records that the message posted under m's key
	// cannot be updated any more, settling its pending updates as failed;
	// true if this call forgot it.
	ForgetSlackMessage(ctx context.Context, m commands.OutboxMessage, reason string) (bool, error)
	// PutSlackMessage records (or moves) the message kept under key: the
	// later parts of a message too long for one (see Pages).
	PutSlackMessage(ctx context.Context, key, channelID, ts string) error
}

// Outbox sends the outbox's messages to Slack: channel posts, in-place
// updates of posted messages, and direct messages.
//
// Delivery is at least once, not exactly once. A worker claims rows by
// setting a lease (locked_until) and committing, with FOR UPDATE SKIP
// LOCKED, before it sends anything; so two workers, on one replica or
// several, never hold the same row, and a row is marked sent only by the
// claim that sent it. What no database can settle is a crash (or a lost
// connection) after Slack accepted a message but before the row was marked
// sent: when the lease runs out the row is claimed again. Marking the row
// sent before sending would trade that rare duplicate for a rare silent
// loss, which is worse for formal notices. So a channel post carries its
// row's marker (message metadata, "quorum_outbox" with the row's ID), and a
// post claimed again (a crash, or a retry after a timeout Slack may have
// acted on) first looks for that marker among the channel's latest
// messages (conversations.history): found, the row is recorded as sent
// with that message, and nothing is posted twice. Where Slack will not
// show the history (no scope, not in the channel) the post goes again.
// Direct messages are not looked for and may repeat. A batch is claimed
// at once, but each row's lease is renewed just before it is sent (and the
// row skipped if the claim is gone), so a slow batch is never mistaken for
// a crash: the lease need only outlast one send, and is far longer than
// SendTimeout.
// Updates are idempotent (chat.update of the same ts), so only posts and
// direct messages can ever repeat.
type Outbox struct {
	Store   OutboxStore
	Slack   slackAPI          // a *slack.Client
	Service *commands.Service // told of messages given up on, to tell officers
	Log     *slog.Logger
	Now     func() time.Time
	// PublicURL is where the bot is reached, for the links of the Homes it
	// publishes (see Config.PublicURL).
	PublicURL string

	Lease       time.Duration // how long a claim holds a row; default DefaultLease
	SendTimeout time.Duration // bound on one send; default 10 seconds
	Batch       int           // rows claimed at once; default 20
	Poll        time.Duration // wait when nothing is due; default 1 second
	MaxAttempts int           // give up after this many; default 8
	BaseBackoff time.Duration // first retry delay, doubling; default 2 seconds
	MaxBackoff  time.Duration // default 10 minutes

	mu sync.Mutex
	// holds are Slack's refusals that are the bot's, not a message's: a
	// method rate-limited or missing its scope, or (under "") the token
	// refused for every method. While one stands, messages needing it
	// wait without spending attempts, and one at a time is tried when
	// it runs out.
	holds map[string]*hold
}

// hold is one spell of Slack refusing the bot a method (or every method).
type hold struct {
	until    time.Time // when the next message may try it
	reason   string
	tries    int  // how many tries met the refusal, for the backoff
	operator bool // the token or a scope, not a rate limit: an operator must act
}

// allMethods holds every method: Slack refuses the token itself.
const allMethods = ""

func (o *Outbox) defaults() {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Lease == 0 {
		o.Lease = DefaultLease
	}
	if o.SendTimeout == 0 {
		o.SendTimeout = 10 * time.Second
	}
	if o.Batch == 0 {
		o.Batch = 20
	}
	if o.Poll == 0 {
		o.Poll = time.Second
	}
	if o.MaxAttempts == 0 {
		o.MaxAttempts = 8
	}
	if o.BaseBackoff == 0 {
		o.BaseBackoff = 2 * time.Second
	}
	if o.MaxBackoff == 0 {
		o.MaxBackoff = 10 * time.Minute
	}
}

// DefaultLease is how long a claim holds an outbox row: what a crashed
// worker's rows wait before another worker sends them. Each row's claim is
// renewed just before its send, so the lease need only outlast one send
// (SendTimeout), not a batch.
const DefaultLease = 30 * time.Second

// outboxMarker is the metadata event type that marks a post with its
// outbox row, so that a post claimed again can be found if it went.
const outboxMarker = "quorum_outbox"

// Run sends messages as they fall due until ctx is done. A message being
// sent when ctx ends is finished; the rest of its batch is released, due
// at once, for the next start.
func (o *Outbox) Run(ctx context.Context) error {
	o.defaults()
	for {
		n, err := o.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			o.Log.Warn("outbox", "err", err)
		}
		if ctx.Err() != nil {
			return nil
		}
		if n > 0 && err == nil {
			continue // more may be due
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(o.Poll):
		}
	}
}

// RunOnce claims one batch of due messages and sends them; it returns how
// many it claimed.
func (o *Outbox) RunOnce(ctx context.Context) (int, error) {
	o.defaults()
	if ctx.Err() != nil {
		return 0, nil
	}
	limit := o.Batch
	if until, held := o.heldUntil(allMethods); held {
		// Slack refuses the token: nothing can go, so nothing is claimed
		// but one message, to try it, when the wait is over.
		if o.Now().Before(until) {
			return 0, nil
		}
		limit = 1
	}
	msgs, err := o.Store.ClaimOutbox(ctx, o.Now(), o.Lease, limit)
	if err != nil {
		return 0, err
	}
	// Settle rows even while stopping: a claim left standing would hold
	// its row until the lease ran out.
	settle := context.WithoutCancel(ctx)
	for i, m := range msgs {
		if ctx.Err() != nil {
			for _, rest := range msgs[i:] {
				if err := o.Store.OutboxRetry(settle, rest, o.Now(), "released at shutdown"); err != nil {
					o.Log.Warn("outbox: release", "id", rest.ID, "err", err)
				}
			}
			return len(msgs), nil
		}
		o.deliver(settle, m)
	}
	return len(msgs), nil
}

// deliver sends one message and records what became of it.
func (o *Outbox) deliver(ctx context.Context, m commands.OutboxMessage) {
	if ok, err := o.Store.RenewOutbox(ctx, m, o.Now().Add(o.Lease)); err != nil || !ok {
		if err != nil {
			o.Log.Warn("outbox: renew claim", "id", m.ID, "err", err)
		}
		return // not ours any more, or the database is away: the lease decides
	}
	if o.Service != nil {
		if late, err := o.Service.ReminderOverdue(ctx, m, o.Now()); err == nil && late {
			// Not a failure to tell officers of: the reminder's moment
			// has passed, or what it reminds of changed, so it is
			// settled unsent.
			o.Log.Info("outbox: reminder dropped: its meeting has started, is off or moved, or its action or member changed", "id", m.ID, "key", m.DedupeKey)
			if err := o.Store.OutboxFailed(ctx, m, commands.SettledUnsent+"its meeting had started, is no longer scheduled or moved to another day, or its action is done or another's, or its member has left"); err != nil {
				o.Log.Warn("outbox: mark failed", "id", m.ID, "err", err)
			}
			return
		}
	}
	if at, reason, held := o.heldFor(m); held {
		// Not tried: Slack would refuse it as it refused the one before.
		if err := o.Store.OutboxDefer(ctx, m, at, reason); err != nil {
			o.Log.Warn("outbox: defer", "id", m.ID, "err", err)
		}
		return
	}
	sctx, cancel := context.WithTimeout(ctx, o.SendTimeout)
	channel, ts, err := o.sendRecovered(sctx, m)
	cancel()
	now := o.Now()
	if err == nil {
		o.release(m, nil)
		done, err := o.Store.OutboxSent(ctx, m, channel, ts, now)
		if err != nil {
			// Sent, but not marked: the lease will run out and the
			// message go again. See the comment on Outbox.
			o.Log.Error("outbox: sent but not recorded", "id", m.ID, "kind", m.Kind, "err", err)
		} else if !done {
			o.Log.Debug("outbox: changed while sending; sending again", "id", m.ID)
		}
		return
	}
	if o.holdOn(err, now) {
		// The bot's fault or Slack's limit, not the message's: it waits,
		// its attempt not spent, in its place in the queue. But where the
		// first page of a post went before a later part was refused, the
		// attempt counts, so that the next looks for that page in the
		// channel (alreadyPosted) rather than post it again.
		at, derr := o.deferTo(m, err), error(nil)
		if m.Kind == commands.OutboxPost && ts != "" {
			derr = o.Store.OutboxRetry(ctx, m, at, err.Error())
		} else {
			derr = o.Store.OutboxDefer(ctx, m, at, err.Error())
		}
		if derr != nil {
			o.Log.Warn("outbox: defer", "id", m.ID, "err", derr)
		}
		return
	}
	o.release(m, err)
	retry, wait := classify(err)
	reason := err.Error()
	if retry && m.Attempts < o.MaxAttempts {
		if wait == 0 {
			wait = o.backoff(m.Attempts)
		}
		o.Log.Info("outbox: will retry", "id", m.ID, "kind", m.Kind, "attempt", m.Attempts, "in", wait, "err", err)
		if err := o.Store.OutboxRetry(ctx, m, now.Add(wait), reason); err != nil {
			o.Log.Warn("outbox: retry", "id", m.ID, "err", err)
		}
		return
	}
	if m.Kind == commands.OutboxUpdate && errors.Is(err, errNeverPosted) {
		// The message was never posted, or was forgotten when Slack refused
		// an earlier update of it; officers were told then.
		o.Log.Info("outbox: update of a message not posted or gone; dropped", "id", m.ID, "key", m.MessageKey)
		if err := o.Store.OutboxFailed(ctx, m, reason); err != nil {
			o.Log.Warn("outbox: mark failed", "id", m.ID, "err", err)
		}
		return
	}
	if m.Kind == commands.OutboxUpdate && !retry {
		// Slack will not take any update of this message (deleted, the
		// bot removed from the channel, …): forget it, so that later
		// changes queue nothing to fail, and tell the officers once.
		o.Log.Warn("outbox: posted message cannot be updated; forgotten", "id", m.ID, "key", m.MessageKey, "err", err)
		forgot, ferr := o.Store.ForgetSlackMessage(ctx, m, reason)
		if ferr != nil {
			o.Log.Warn("outbox: forget message", "id", m.ID, "err", ferr)
			return // the lease decides; it will be tried again
		}
		if forgot && o.Service != nil {
			if err := o.Service.NotifyMessageGone(ctx, m, reason, now); err != nil {
				o.Log.Warn("outbox: tell officers", "id", m.ID, "err", err)
			}
		}
		return
	}
	o.Log.Error("outbox: giving up", "id", m.ID, "kind", m.Kind, "attempts", m.Attempts, "err", err)
	if err := o.Store.OutboxFailed(ctx, m, reason); err != nil {
		o.Log.Warn("outbox: mark failed", "id", m.ID, "err", err)
		return
	}
	if o.Service != nil {
		if err := o.Service.NotifyUndeliverable(ctx, m, reason, advice(m, err), now); err != nil {
			o.Log.Warn("outbox: tell officers", "id", m.ID, "err", err)
		}
	}
}

// advice is what officers can do about a message Slack refused for good,
// in words they can act on, for the refusals whose cause is in their
// hands; "" for the rest.
func advice(m commands.OutboxMessage, err error) string {
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) {
		return ""
	}
	again := "then send it again (for an agenda: `/agenda post`)."
	them := "<@" + m.UserID + ">"
	switch se.Err {
	case "not_in_channel", "channel_not_found":
		return "Quorum is not in <#" + m.ChannelID + ">, or cannot see it (a private channel it was never added to, or one deleted): add it by typing `/invite @Quorum` in the channel, " + again
	case "is_archived":
		return "<#" + m.ChannelID + "> is archived: unarchive it (in the channel's settings) and, if Quorum is no longer in it, type `/invite @Quorum` there; " + again
	case "user_disabled":
		return "The Slack account of " + them + " is deactivated. If they have left, take them off the committee (`/committee member remove @them`) so that nothing more is sent to them."
	case "user_not_found":
		return "Slack does not know " + them + " (the account was deleted, or is in another workspace). If they have left, take them off the committee (`/committee member remove @them`) so that nothing more is sent to them."
	case "team_access_not_granted":
		return "Quorum has not been granted access to the workspace of <#" + m.ChannelID + ">: an admin of your Slack organisation adds the app to that workspace, " + again
	case "ekm_access_denied":
		return "Your Slack organisation's key management has revoked access to <#" + m.ChannelID + ">: an admin of the organisation restores it, " + again
	case "cannot_dm_bot":
		return them + " is a bot, which cannot be sent direct messages: take it off the committee (`/committee member remove @it`)."
	}
	return ""
}

// firstPageKey is the key under which the first page of post m is kept
// while its later parts go: its row's, not its message's, which an
// earlier post of the same message may hold; and the row's version, since
// a row given up is taken again for the same post sent again (Enqueue),
// whose first page is not the one the failed attempt posted.
func firstPageKey(m commands.OutboxMessage) string {
	return "outbox-row:" + strconv.FormatInt(m.ID, 10) + ":" + strconv.Itoa(m.Version)
}

// errNeverPosted is an update of a message that was never posted.
var errNeverPosted = errors.New("the message to update was never posted")

// errNoChannel is an answer to conversations.open that says ok but names
// no channel; like any other garbled answer it is retried.
var errNoChannel = errors.New("Slack opened no direct-message channel")

// send makes the Slack calls for m and returns the channel and ts of the
// message it posted or updated.
func (o *Outbox) send(ctx context.Context, m commands.OutboxMessage) (string, string, error) {
	reply := m.Reply
	switch m.Kind {
	case commands.OutboxPost:
		pages := Pages(reply)
		if m.Attempts > 1 {
			// The first page of a long post that went before a later
			// part failed was recorded as it went: known without asking
			// Slack's history, which may be as rate-limited as the part.
			if channel, ts, err := o.Store.SlackMessage(ctx, firstPageKey(m)); err == nil {
				return channel, ts, o.syncParts(ctx, m.MessageKey, channel, pages[1:])
			}
			if channel, ts, ok := o.alreadyPosted(ctx, m); ok {
				o.Log.Info("outbox: post found in the channel; not posted again", "id", m.ID, "ts", ts)
				return channel, ts, o.syncParts(ctx, m.MessageKey, channel, pages[1:])
			}
		}
		opts := append(msgOptions(pages[0]), slack.MsgOptionMetadata(slack.SlackMetadata{
			EventType: outboxMarker, EventPayload: map[string]any{"row": strconv.FormatInt(m.ID, 10), "version": strconv.Itoa(m.Version)},
		}))
		channel, ts, err := o.Slack.PostMessageContext(ctx, m.ChannelID, opts...)
		if err != nil || len(pages) == 1 {
			return channel, ts, called("chat.postMessage", err)
		}
		if err := o.Store.PutSlackMessage(ctx, firstPageKey(m), channel, ts); err != nil {
			// The history lookup remains (alreadyPosted).
			o.Log.Warn("outbox: record first page", "id", m.ID, "err", err)
		}
		// The rest of a long message follows as parts, each kept under
		// its own key so that updates edit them in place.
		return channel, ts, o.syncParts(ctx, m.MessageKey, channel, pages[1:])
	case commands.OutboxUpdate:
		if o.Service != nil {
			// Edit to the records as they are now, not as they were when
			// the update was queued.
			current, ok, err := o.Service.CurrentMessageAt(ctx, m.MessageKey, o.Now())
			if err != nil {
				return "", "", err
			}
			if ok {
				reply = current
			}
		}
		channel, ts, err := o.Store.SlackMessage(ctx, m.MessageKey)
		if errors.Is(err, commands.ErrNotFound) {
			return "", "", errNeverPosted
		}
		if err != nil {
			return "", "", err
		}
		pages := Pages(reply)
		channel, ts, _, err = o.Slack.UpdateMessageContext(ctx, channel, ts, msgOptions(pages[0])...)
		if err != nil {
			return channel, ts, called("chat.update", err)
		}
		return channel, ts, o.syncParts(ctx, m.MessageKey, channel, pages[1:])
	case commands.OutboxDM:
		ch, _, _, err := o.Slack.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{m.UserID}})
		if err != nil {
			return "", "", called("conversations.open", err)
		}
		if ch == nil || ch.ID == "" {
			// slack-go returns no channel and no error for an answer of
			// {"ok":true} alone: a broken proxy or a Slack fault, not
			// something to dereference.
			return "", "", errNoChannel
		}
		channel, ts, err := o.Slack.PostMessageContext(ctx, ch.ID, msgOptions(Message(reply))...)
		return channel, ts, called("chat.postMessage", err)
	case commands.OutboxHome:
		// Built now, from the records as they are: the row only says the
		// Home is out of date.
		return "", "", o.Service.PublishingHome(ctx, m.TeamID, m.UserID, func() error {
			home, err := o.Service.Home(ctx, m.TeamID, m.UserID, o.Now())
			if err != nil {
				return err
			}
			notice, err := o.Service.HomeNotice(ctx, m.TeamID, m.UserID, o.Now())
			if err != nil {
				return err
			}
			_, err = o.Slack.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: m.UserID, View: HomeView(home, notice, o.PublicURL)})
			return called("views.publish", err)
		})
	}
	return "", "", fmt.Errorf("unknown outbox kind %q", m.Kind)
}

// syncParts brings the parts after the first of the message kept under
// key to rest: each edited in place where it was posted before, posted
// (after the messages in the channel by then) where it is new, and any
// part beyond them edited to say it is no longer needed, kept for when the
// message grows again. A part is never posted without its key being
// recorded at once, so a retry edits rather than posts it again.
func (o *Outbox) syncParts(ctx context.Context, key, channel string, rest []Response) error {
	if key == "" {
		for _, p := range rest {
			if _, _, err := o.Slack.PostMessageContext(ctx, channel, msgOptions(p)...); err != nil {
				return called("chat.postMessage", err)
			}
		}
		return nil
	}
	for n := 2; ; n++ {
		page := unusedPart
		if n-2 < len(rest) {
			page = rest[n-2]
		}
		pch, pts, err := o.Store.SlackMessage(ctx, partKey(key, n))
		switch {
		case errors.Is(err, commands.ErrNotFound) && n-2 >= len(rest):
			return nil // no more parts, in use or not
		case errors.Is(err, commands.ErrNotFound):
			pch, pts, err = o.Slack.PostMessageContext(ctx, channel, msgOptions(page)...)
			if err != nil {
				return called("chat.postMessage", err)
			}
			if err := o.Store.PutSlackMessage(ctx, partKey(key, n), pch, pts); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if _, _, _, err := o.Slack.UpdateMessageContext(ctx, pch, pts, msgOptions(page)...); err != nil {
				return called("chat.update", err)
			}
		}
	}
}

// historyDepth is how many of a channel's latest messages are searched for
// a post's marker.
const historyDepth = 100

// alreadyPosted looks among m's channel's latest messages for one marked
// with m's row, as a post a crashed worker sent before it could record it
// would be. Anything in the way (no scope, no access, an error) is "not
// found": the post then goes again, as it always did.
func (o *Outbox) alreadyPosted(ctx context.Context, m commands.OutboxMessage) (string, string, bool) {
	hist, err := o.Slack.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
		ChannelID: m.ChannelID, Limit: historyDepth, IncludeAllMetadata: true,
	})
	if err != nil {
		o.Log.Info("outbox: could not look for an earlier post", "id", m.ID, "err", err)
		return "", "", false
	}
	row := strconv.FormatInt(m.ID, 10)
	for _, msg := range hist.Messages {
		// A marker without a version is of a post made before markers
		// carried it: its row alone is compared, as then.
		v, versioned := msg.Metadata.EventPayload["version"]
		if msg.Metadata.EventType == outboxMarker && fmt.Sprint(msg.Metadata.EventPayload["row"]) == row && (!versioned || fmt.Sprint(v) == strconv.Itoa(m.Version)) {
			return m.ChannelID, msg.Timestamp, true
		}
	}
	return "", "", false
}

// classify says whether an error from Slack is worth retrying, and after
// how long when Slack said (Retry-After). Network failures, timeouts, 5xx
// and 429 are; Slack's own refusals (channel_not_found, not_in_channel,
// invalid_blocks …) are not, except the few that mean "try later". Rate
// limits and refusals of the token or a scope do not come here: refusal
// takes them first, to hold the method rather than spend an attempt.
func classify(err error) (retry bool, wait time.Duration) {
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	var ne net.Error
	switch {
	case errors.As(err, &rl):
		return true, max(rl.RetryAfter, time.Second)
	case errors.As(err, &sc):
		return sc.Code >= 500 || sc.Code == 429 || sc.Code == 408, 0
	case errors.As(err, &se):
		switch se.Err {
		case "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout":
			return true, 0
		}
		return false, 0
	case errors.Is(err, errNeverPosted):
		return false, 0
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne):
		return true, 0
	case commands.IsUnavailable(err):
		return true, 0
	}
	// Anything else (a garbled answer, a proxy's error page) is more likely
	// passing than permanent.
	return true, 0
}

// sendRecovered is send, with a panic turned into an error: the outbox
// runs in serve's process, and one message that trips a bug must fail on
// its own (and be retried until MaxAttempts, then reported) rather than
// end the process, which would claim the same row again when restarted.
func (o *Outbox) sendRecovered(ctx context.Context, m commands.OutboxMessage) (channel, ts string, err error) {
	defer func() {
		if p := recover(); p != nil {
			o.Log.Error("outbox: panic while sending", "id", m.ID, "kind", m.Kind, "panic", p, "stack", string(debug.Stack()))
			channel, ts, err = "", "", fmt.Errorf("outbox: internal error while sending: %v", p)
		}
	}()
	return o.send(ctx, m)
}

// methodError is an error of one Slack method, so that a refusal that is
// the bot's (a rate limit, a missing scope) holds that method only. It
// reads as Slack's error alone, as officers are shown it.
type methodError struct {
	method string
	err    error
}

func (e *methodError) Error() string { return e.err.Error() }
func (e *methodError) Unwrap() error { return e.err }

// called marks err as method's.
func called(method string, err error) error {
	if err == nil {
		return nil
	}
	return &methodError{method: method, err: err}
}

// methodsOf are the Slack methods that sending m needs.
func methodsOf(m commands.OutboxMessage) []string {
	switch m.Kind {
	case commands.OutboxPost:
		return []string{"chat.postMessage"}
	case commands.OutboxUpdate:
		return []string{"chat.update"}
	case commands.OutboxDM:
		return []string{"conversations.open", "chat.postMessage"}
	case commands.OutboxHome:
		return []string{"views.publish"}
	}
	return nil
}

// tokenRefused are Slack's answers that the bot's token is no good for
// anything: every message would get the same, and none is to blame.
var tokenRefused = map[string]bool{
	"invalid_auth": true, "not_authed": true, "token_revoked": true, "token_expired": true,
	"account_inactive": true, "not_allowed_token_type": true, "org_login_required": true,
	// Not ekm_access_denied or team_access_not_granted: those refuse one
	// channel or one workspace of an organisation, so are the message's.
}

// TokenRefused says whether err is Slack refusing the bot's token itself,
// and with which error (invalid_auth …): no call made with it will do.
func TokenRefused(err error) (string, bool) {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && tokenRefused[se.Err] {
		return se.Err, true
	}
	return "", false
}

// refusal says whether err is Slack refusing the bot rather than the
// message: the method it holds (allMethods for the token), how long
// Slack said to wait (0: back off), and whether an operator must act (a
// token or scope) rather than wait (a rate limit).
func refusal(err error) (method string, wait time.Duration, operator, ok bool) {
	var me *methodError
	if errors.As(err, &me) {
		method = me.method
	}
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &rl):
		return method, max(rl.RetryAfter, time.Second), false, true
	case errors.As(err, &sc) && sc.Code == 429:
		return method, 0, false, true
	case errors.As(err, &se) && se.Err == "ratelimited":
		return method, 0, false, true
	case errors.As(err, &se) && tokenRefused[se.Err]:
		return allMethods, 0, true, true
	case errors.As(err, &se) && se.Err == "missing_scope":
		return method, 0, true, true
	}
	return "", 0, false, false
}

// holdOn starts or lengthens the hold err calls for, if it is Slack
// refusing the bot; the first refusal of a spell is logged with what to
// do about it.
func (o *Outbox) holdOn(err error, now time.Time) bool {
	method, wait, operator, ok := refusal(err)
	if !ok {
		return false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.holds == nil {
		o.holds = map[string]*hold{}
	}
	h := o.holds[method]
	first := h == nil
	if first {
		h = &hold{operator: operator}
		o.holds[method] = h
	}
	h.tries++
	if wait == 0 {
		wait = o.holdWait(h.tries)
	}
	h.until, h.reason = now.Add(wait), err.Error()
	if !first {
		return true
	}
	var se slack.SlackErrorResponse
	errors.As(err, &se)
	switch {
	case method == allMethods && operator:
		o.Log.Error("Slack refuses the bot's token: nothing is sent until it works again; queued messages wait and none is lost. Set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (api.slack.com/apps, OAuth & Permissions; reinstall the app if it was revoked) and restart quorum serve", "slack_error", err.Error())
	case operator:
		needed := se.Needed
		if needed == "" {
			needed = "(Slack did not say which)"
		}
		o.Log.Error("Slack refuses "+method+": the bot's token lacks the scope "+needed+". Add it under OAuth & Permissions at api.slack.com/apps and reinstall the app (a new token goes in SLACK_BOT_TOKEN); messages needing it wait, none is lost, and go once it works", "slack_error", err.Error(), "needed", se.Needed, "provided", se.Provided)
	default:
		o.Log.Warn("Slack rate-limits "+method+": messages needing it wait, their attempts not spent, until Slack allows them", "retry_after", wait)
	}
	return true
}

// holdWait is the wait before trying a held method again: doubling from
// BaseBackoff, at most a minute, so that a token or scope put right is
// found soon without a restart.
func (o *Outbox) holdWait(tries int) time.Duration {
	d := o.BaseBackoff
	for i := 1; i < tries && d < time.Minute; i++ {
		d *= 2
	}
	return min(d, time.Minute, o.MaxBackoff)
}

// heldUntil is when method's hold lets the next message try it; false if
// it is not held.
func (o *Outbox) heldUntil(method string) (time.Time, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if h := o.holds[method]; h != nil {
		return h.until, true
	}
	return time.Time{}, false
}

// heldFor says whether m must wait for a hold, and until when it is due:
// under the token's hold its own due time, so that the queue keeps its
// order (nothing is claimed meanwhile but the message that tries the
// token); under a method's, when the method may be tried again (the rows
// held then follow in the order they were queued).
func (o *Outbox) heldFor(m commands.OutboxMessage) (time.Time, string, bool) {
	now := o.Now()
	o.mu.Lock()
	defer o.mu.Unlock()
	if h := o.holds[allMethods]; h != nil && now.Before(h.until) {
		return inPlace(m, now), h.reason, true
	}
	for _, method := range methodsOf(m) {
		if h := o.holds[method]; h != nil && now.Before(h.until) {
			return h.until, h.reason, true
		}
	}
	return time.Time{}, "", false
}

// deferTo is when m, refused as err says, is due again.
func (o *Outbox) deferTo(m commands.OutboxMessage, err error) time.Time {
	method, _, _, _ := refusal(err)
	until, _ := o.heldUntil(method)
	if method == allMethods {
		return inPlace(m, o.Now())
	}
	return until
}

// inPlace is m's due time as it was claimed, to keep its place in the
// queue, but never after now: an update's or Home's was set by the
// database's clock, which may be ahead of the worker's.
func inPlace(m commands.OutboxMessage, now time.Time) time.Time {
	if m.DueAt.After(now) {
		return now
	}
	return m.DueAt
}

// release ends the holds that sending m shows to be over: Slack took it
// (err nil), or answered it with a refusal of the message's own, which it
// gives only to a token it accepts.
func (o *Outbox) release(m commands.OutboxMessage, err error) {
	methods := methodsOf(m)
	if err != nil {
		var se slack.SlackErrorResponse
		var me *methodError
		if !errors.As(err, &se) || !errors.As(err, &me) {
			return
		}
		methods = []string{me.method}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, method := range append(methods, allMethods) {
		if h := o.holds[method]; h != nil {
			delete(o.holds, method)
			what := method
			if method == allMethods {
				what = "the bot's token"
			}
			o.Log.Info("Slack takes "+what+" again: sending what waited", "tries", h.tries)
		}
	}
}

// Refused reports whether Slack refuses the bot's token or one of its
// scopes, so that messages wait until an operator puts it right.
func (o *Outbox) Refused() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, h := range o.holds {
		if h.operator {
			return true
		}
	}
	return false
}

// backoff is the wait before attempt+1: doubling from BaseBackoff, capped,
// with jitter so that many rows failing together do not retry together.
func (o *Outbox) backoff(attempt int) time.Duration {
	d := o.BaseBackoff
	for i := 1; i < attempt && d < o.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, o.MaxBackoff)
	return d - time.Duration(rand.Int64N(int64(d)/5+1))
}
