package bot_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// syncBuffer is a log a test reads while the worker writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// queuePosts queues n channel posts due at the kit's clock, named
// prefix 0 … prefix n-1, and returns their texts in order.
func queuePosts(t *testing.T, k *bottest.Kit, prefix string, n int) []string {
	t.Helper()
	var texts []string
	for i := range n {
		text := fmt.Sprintf("%s %d", prefix, i)
		if _, err := k.DB.Enqueue(context.Background(), commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: bottest.Channel,
			CommitteeID: committeeID(t, k), Reply: commands.Reply{Text: text}, DueAt: k.Now()}); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text)
	}
	return texts
}

func committeeID(t *testing.T, k *bottest.Kit) int64 {
	t.Helper()
	var id int64
	if err := k.DB.SQL().QueryRow(`SELECT id FROM committees ORDER BY id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// channelTexts is what the channel shows, oldest first.
func channelTexts(k *bottest.Kit) []string {
	var out []string
	for _, m := range k.Slack.Messages(bottest.Channel) {
		out = append(out, m.Text)
	}
	return out
}

func spentAttempts(t *testing.T, k *bottest.Kit) int {
	t.Helper()
	var n int
	if err := k.DB.SQL().QueryRow(`SELECT COALESCE(sum(attempts), 0) FROM outbox WHERE state = 'pending'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOutboxWaitsOutARefusedToken: Slack refuses the bot's token (or a
// scope it needs) for every message. Nothing is marked failed and no
// officer is told of lost messages; one message at a time tries the token,
// backing off; the log says once what to do; quorum_slack_refused is 1.
// Once the token works, everything queued goes, in order, once.
func TestOutboxWaitsOutARefusedToken(t *testing.T) {
	k := newCommittee(t)
	var logs syncBuffer
	k.Outbox.Log = slog.New(slog.NewTextHandler(&logs, nil))
	for _, c := range []struct{ code, needed, want string }{
		{"invalid_auth", "", "SLACK_BOT_TOKEN"},
		{"token_revoked", "", "SLACK_BOT_TOKEN"},
		{"token_expired", "", "SLACK_BOT_TOKEN"},
		{"account_inactive", "", "SLACK_BOT_TOKEN"},
		{"not_authed", "", "SLACK_BOT_TOKEN"},
		{"missing_scope", "chat:write", "lacks the scope chat:write"},
	} {
		t.Run(c.code, func(t *testing.T) {
			k.Slack.Reset()
			sent := len(k.Slack.Messages(bottest.Channel))
			notices := len(k.Slack.Messages("D" + officer))
			before := strings.Count(logs.String(), c.want)
			texts := queuePosts(t, k, c.code, 25) // more than one batch
			k.Slack.Fail("chat.postMessage", fakeslack.Fault{Error: c.code, Needed: c.needed})
			for round := range 6 {
				k.Drain()
				if n := len(k.Slack.Calls("chat.postMessage")); n != round+1 {
					t.Fatalf("round %d: %d posts tried in all, want one try a round", round, n)
				}
				k.Advance(time.Minute)
			}
			if got := outboxState(t, k.DB); got["failed"] != 0 || got["pending"] != 25 {
				t.Errorf("outbox while refused = %v, want all 25 pending, none failed", got)
			}
			if n := spentAttempts(t, k); n != 0 {
				t.Errorf("%d attempts spent on a refusal that is the bot's", n)
			}
			if n := strings.Count(logs.String(), c.want) - before; n != 1 {
				t.Errorf("the log says %q %d times in the spell, want once:\n%s", c.want, n, logs.String())
			}
			if m, _ := scrape(t, k); m["quorum_slack_refused"] != 1 {
				t.Errorf("quorum_slack_refused = %v while Slack refuses, want 1", m["quorum_slack_refused"])
			}

			k.Slack.Heal()
			k.Advance(time.Minute)
			k.Drain()
			if got := channelTexts(k)[sent:]; strings.Join(got, "|") != strings.Join(texts, "|") {
				t.Errorf("once the token works the channel shows %q, want %q", got, texts)
			}
			if got := outboxState(t, k.DB); got["failed"] != 0 || got["pending"] != 0 {
				t.Errorf("outbox after = %v, want everything sent", got)
			}
			if n := len(k.Slack.Messages("D"+officer)) - notices; n != 0 {
				t.Errorf("%d notices of failure to the officer, want none: nothing was lost", n)
			}
			if m, _ := scrape(t, k); m["quorum_slack_refused"] != 0 {
				t.Errorf("quorum_slack_refused = %v after, want 0", m["quorum_slack_refused"])
			}
		})
	}
}

// TestOutboxBurstWaitsOutARateLimit: 40 reminders fall due together and
// Slack answers 429 Retry-After 30 for as long as the limit lasts. The
// worker pauses chat.postMessage for what Slack said, one try when it
// runs out, and no row spends an attempt: after ten spells of the limit
// (more than MaxAttempts) nothing is failed and no officer is told of
// lost messages, and all 40 go, in order, once Slack allows them.
func TestOutboxBurstWaitsOutARateLimit(t *testing.T) {
	k := newCommittee(t)
	texts := queuePosts(t, k, "reminder", 40)
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusTooManyRequests, RetryAfter: 30})
	for round := range 10 {
		k.Drain()
		if n := len(k.Slack.Calls("chat.postMessage")); n != round+1 {
			t.Fatalf("round %d: %d posts tried in all, want one try each time the limit runs out", round, n)
		}
		k.Advance(29 * time.Second)
		if k.Drain(); len(k.Slack.Calls("chat.postMessage")) != round+1 {
			t.Fatalf("round %d: tried again before the 30 seconds Slack said", round)
		}
		k.Advance(2 * time.Second)
	}
	if got := outboxState(t, k.DB); got["failed"] != 0 {
		t.Errorf("outbox = %v: rows failed for Slack's rate limit", got)
	}
	k.Slack.Heal()
	k.Drain()
	if got := channelTexts(k); strings.Join(got, "|") != strings.Join(texts, "|") {
		t.Errorf("the channel shows %q, want %q", got, texts)
	}
	if got := outboxState(t, k.DB); got["failed"] != 0 || got["pending"] != 0 {
		t.Errorf("outbox after = %v, want everything sent", got)
	}
	if n := len(k.Slack.Messages("D" + officer)); n != 0 {
		t.Errorf("%d notices of failure to the officer, want none", n)
	}
}

// TestOfficersToldWhatToDoWhenSlackWillNotTakeAMessage: a new post into a
// channel archived or without Quorum, and a reminder to a member whose
// account is deactivated, gone or a bot, are each given up once, and the
// officers are told what to do about it in words they can act on, not to
// check the channel when the message was a direct one. Running the
// worker and the reminders again tells them nothing more.
func TestOfficersToldWhatToDoWhenSlackWillNotTakeAMessage(t *testing.T) {
	for _, c := range []struct {
		method, code string
		want         []string
	}{
		{"chat.postMessage", "is_archived", []string{"<#C1> is archived: unarchive it", "`/invite @Quorum`", "`/agenda post`"}},
		{"chat.postMessage", "not_in_channel", []string{"Quorum is not in <#C1>", "`/invite @Quorum`", "`/agenda post`"}},
		{"chat.postMessage", "channel_not_found", []string{"Quorum is not in <#C1>, or cannot see it", "`/invite @Quorum`"}},
		{"conversations.open", "user_disabled", []string{"is deactivated", "`/committee member remove @them`"}},
		{"conversations.open", "user_not_found", []string{"Slack does not know", "`/committee member remove @them`"}},
		{"conversations.open", "cannot_dm_bot", []string{"is a bot, which cannot be sent direct messages"}},
		// Refusals of one channel or workspace of an organisation, not of
		// the token: held as the token's, the message would be tried
		// again and again ahead of everything else queued.
		{"chat.postMessage", "team_access_not_granted", []string{"Quorum has not been granted access to the workspace of <#C1>: an admin of your Slack organisation adds the app"}},
		{"chat.postMessage", "ekm_access_denied", []string{"key management has revoked access to <#C1>: an admin of the organisation restores it"}},
	} {
		t.Run(c.code, func(t *testing.T) {
			k := newCommittee(t)
			k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
			k.Drain()
			k.Slack.Fail(c.method, fakeslack.Fault{Error: c.code, Times: 1})
			if c.method == "chat.postMessage" {
				k.Must(officer, "/agenda", "post")
			} else if n, err := k.Service.EnqueueRegisterReminders(context.Background(), k.Now()); err != nil || n == 0 {
				t.Fatalf("register reminders: %d, %v", n, err)
			}
			for range 3 {
				k.Drain()
				k.Remind()
				k.Advance(time.Hour)
			}
			if got := outboxState(t, k.DB); got["failed"] != 1 || got["pending"] != 0 {
				t.Errorf("outbox = %v, want the one message given up and nothing left", got)
			}
			var user string
			if err := k.DB.SQL().QueryRow(`SELECT user_id FROM outbox WHERE state = 'failed'`).Scan(&user); err != nil {
				t.Fatal(err)
			}
			var notices []fakeslack.Message
			for _, m := range k.Slack.Messages("D" + officer) {
				if strings.Contains(shown(t, m), "I could not send") {
					notices = append(notices, m)
				}
			}
			if len(notices) != 1 {
				t.Fatalf("%d notices to the officer, want 1", len(notices))
			}
			want := append([]string{c.code}, c.want...)
			if user != "" {
				want = append(want, "<@"+user+">")
			}
			wantShown(t, notices[0], want...)
			if text := shown(t, notices[0]); c.method == "conversations.open" && strings.Contains(text, "in the channel") {
				t.Errorf("a direct message's notice sends the officer to the channel:\n%s", text)
			}
		})
	}
}

// TestLongPostRateLimitedMidwayIsNotPostedTwice: the first page of a post
// too long for one message goes, and Slack rate-limits the next. When the
// limit is over the rest follows, and the first page is not posted again.
func TestLongPostRateLimitedMidwayIsNotPostedTwice(t *testing.T) {
	k := newCommittee(t)
	r := commands.Reply{Visibility: commands.Public, Header: "Agenda — Safer Sefton Together"}
	for i := range 120 {
		r.Sections = append(r.Sections, commands.Section{Text: fmt.Sprintf("section #%d.", i)})
	}
	if _, err := k.DB.Enqueue(context.Background(), commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: bottest.Channel,
		MessageKey: "test:long", DedupeKey: "test:long", Reply: r, DueAt: k.Now()}); err != nil {
		t.Fatal(err)
	}
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Times: 1})
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusTooManyRequests, RetryAfter: 30, Times: 1})
	// The channel's history, where a post claimed again is looked for,
	// is rate-limited too, as it may well be in such a spell: the first
	// page is known to have gone without it.
	k.Slack.Fail("conversations.history", fakeslack.Fault{Status: http.StatusTooManyRequests, RetryAfter: 30, Times: 1})
	k.Drain()
	k.Advance(31 * time.Second)
	k.Drain()
	first := 0
	for _, m := range k.Slack.Messages(bottest.Channel) {
		if strings.Contains(m.Blocks, "section #0.") {
			first++
		}
	}
	if first != 1 {
		t.Errorf("the first page was posted %d times, want once", first)
	}
	if got := outboxState(t, k.DB); got["pending"] != 0 || got["failed"] != 0 {
		t.Errorf("outbox = %v, want the post sent", got)
	}
}

// TestPostSentAgainAfterFailingMidwayPostsItsFirstPage: a long post whose
// second part Slack refused is given up; sent again (its row taken again
// for it) and its first try failing, the retry posts the new first page,
// not taking the failed attempt's first page for it.
func TestPostSentAgainAfterFailingMidwayPostsItsFirstPage(t *testing.T) {
	k := newCommittee(t)
	long := func(word string) commands.OutboxMessage {
		r := commands.Reply{Visibility: commands.Public, Header: "Agenda — Safer Sefton Together"}
		for i := range 120 {
			r.Sections = append(r.Sections, commands.Section{Text: fmt.Sprintf("%s section #%d.", word, i)})
		}
		return commands.OutboxMessage{Kind: commands.OutboxPost, ChannelID: bottest.Channel, MessageKey: "test:long", DedupeKey: "test:long", Reply: r, DueAt: k.Now()}
	}
	if _, err := k.DB.Enqueue(context.Background(), long("OLD")); err != nil {
		t.Fatal(err)
	}
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Times: 1})
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Error: "invalid_blocks", Times: 1})
	k.Drain()
	if got := outboxState(t, k.DB); got["failed"] != 1 {
		t.Fatalf("outbox = %v, want the old post given up", got)
	}
	if _, err := k.DB.Enqueue(context.Background(), long("NEW")); err != nil {
		t.Fatal(err)
	}
	k.Slack.Fail("chat.postMessage", fakeslack.Fault{Status: http.StatusInternalServerError, Times: 1})
	k.Drain()
	k.Advance(time.Minute)
	k.Drain()
	first := 0
	for _, m := range k.Slack.Messages(bottest.Channel) {
		if strings.Contains(m.Blocks, "NEW section #0.") {
			first++
		}
	}
	if first != 1 {
		t.Errorf("the new post's first page was posted %d times, want once", first)
	}
}
