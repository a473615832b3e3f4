package commands

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// OutboxKind is what sending an outbox message does in Slack.
type OutboxKind string

// Outbox kinds.
const (
	OutboxPost   OutboxKind = "post"   // a new channel message
	OutboxUpdate OutboxKind = "update" // edit the message posted under MessageKey
	OutboxDM     OutboxKind = "dm"     // a direct message to UserID
	// OutboxHome publishes UserID's Home tab in TeamID again, built from
	// the records when it is sent: the writes that change what a Home
	// shows queue one in their own transaction.
	OutboxHome OutboxKind = "home"
)

// OutboxMessage is a message waiting to go to Slack. Commands never talk to
// Slack: they queue the Reply to send, and a worker sends it, retrying
// until Slack takes it, so nothing is lost when Slack or the network fails.
type OutboxMessage struct {
	ID          int64
	CommitteeID int64
	Kind        OutboxKind
	ChannelID   string // for posts and updates
	UserID      string // for direct messages and Homes
	TeamID      string // for Homes
	// MessageKey names a channel message that later updates edit in place,
	// e.g. "agenda:42".
	MessageKey string
	// DedupeKey makes the message go at most once, e.g. "reminder:42:7".
	// Queued again under a key whose message failed, it is tried afresh.
	DedupeKey string
	// Repeated marks a message queued again on every run of a loop while
	// what it says holds (an action's chase): one Slack would not take
	// is not tried afresh each run, which would also tell the officers
	// each time that it was given up; one settled unsent, because what
	// it said no longer held, is (an action reopened).
	Repeated bool
	Reply    Reply
	DueAt    time.Time

	// Set by the store when a worker claims the message.
	Attempts int
	Version  int    // goes up each time a pending update takes a newer Reply
	Claim    string // the claim's token; only its holder may settle it
}

// SettledUnsent begins the reason recorded for a message the outbox gave
// up without trying, because what it said no longer held when its turn
// came (ReminderOverdue): not a failure, so a message Repeated is queued
// again under its key when it holds again.
const SettledUnsent = "not sent: "

// noticePrefix marks the dedupe keys of notices to officers, which are not
// themselves reported when they fail.
const noticePrefix = "notice:"

// NotifyOutboxFailure tells the committee's officers, by direct message,
// that msg could not be sent and why. Notices that fail are not reported
// again.
func (s *Service) NotifyOutboxFailure(ctx context.Context, msg OutboxMessage, reason string, now time.Time) error {
	return s.NotifyUndeliverable(ctx, msg, reason, "", now)
}

// NotifyUndeliverable is NotifyOutboxFailure with advice: what the
// officers can do about it, in words the outbox chose from Slack's answer
// (which this package does not read). Empty, the notice gives the usual
// advice for a channel message, and none for a direct message, where
// checking the channel would not help.
func (s *Service) NotifyUndeliverable(ctx context.Context, msg OutboxMessage, reason, advice string, now time.Time) error {
	if strings.HasPrefix(msg.DedupeKey, noticePrefix) || msg.CommitteeID == 0 {
		return nil
	}
	if msg.Kind == OutboxHome {
		// A Home is a view, rebuilt whenever its owner opens it: nothing
		// was lost that an officer could send again.
		return nil
	}
	c, err := s.store.CommitteeByID(ctx, msg.CommitteeID)
	if err != nil {
		return err
	}
	officers, err := s.store.Officers(ctx, c.ID)
	if err != nil {
		return err
	}
	what := "a message"
	switch msg.Kind {
	case OutboxPost:
		what = "a message to <#" + msg.ChannelID + ">"
	case OutboxUpdate:
		what = "an update to a message in <#" + msg.ChannelID + ">"
	case OutboxDM:
		what = "a direct message to <@" + msg.UserID + ">"
	}
	title := msg.Reply.Headline()
	if title == "" {
		title = firstLine(strings.TrimSpace(msg.Reply.Text))
	}
	text := fmt.Sprintf("I could not send %s for *%s*, and have stopped trying.\nSlack said: `%s`", what, Escape(c.Name), Escape(truncateRunes(reason, 300)))
	if title != "" {
		text += "\nThe message began: " + cutEscaped(title, 200)
	}
	switch {
	case advice != "":
		text += "\n" + advice
	case msg.Kind != OutboxDM:
		text += "\nCheck that Quorum is in the channel, then send it again (for an agenda: `/agenda post`)."
	}
	var notices []OutboxMessage
	for _, m := range officers {
		notices = append(notices, OutboxMessage{
			CommitteeID: c.ID, Kind: OutboxDM, UserID: m.UserID,
			DedupeKey: fmt.Sprintf("%s%d:%d:%s", noticePrefix, msg.ID, msg.Version, m.UserID),
			Reply:     Reply{Visibility: Private, Text: text}, DueAt: now,
		})
	}
	if len(notices) == 0 {
		return nil
	}
	_, err = s.store.Enqueue(ctx, notices...)
	return err
}

// NotifyMessageGone tells the officers of msg's committee, once for the
// posted message, that it can no longer be kept up to date (Slack answered
// an update of it with reason, a permanent error such as
// message_not_found) and how to post it again. The outbox calls it after
// forgetting the message, so later changes queue no update to fail.
func (s *Service) NotifyMessageGone(ctx context.Context, msg OutboxMessage, reason string, now time.Time) error {
	if msg.CommitteeID == 0 {
		return nil
	}
	c, err := s.store.CommitteeByID(ctx, msg.CommitteeID)
	if err != nil {
		return err
	}
	officers, err := s.store.Officers(ctx, c.ID)
	if err != nil {
		return err
	}
	what, again := "A message I posted in <#"+msg.ChannelID+">", "post it again"
	if idText, ok := strings.CutPrefix(msg.MessageKey, "agenda:"); ok {
		what, again = "The agenda I posted in <#"+msg.ChannelID+">", "post it again with `/agenda post`"
		if id, err := strconv.ParseInt(idText, 10, 64); err == nil {
			if m, err := s.store.Meeting(ctx, id); err == nil {
				what = fmt.Sprintf("The agenda for the meeting on %s I posted in <#%s>", formatDay(m.StartsAt, c.Location()), msg.ChannelID)
				again = fmt.Sprintf("post it again with `/agenda post %s`", m.StartsAt.In(c.Location()).Format("2006-01-02"))
			}
		}
	}
	text := fmt.Sprintf("%s for *%s* can no longer be updated, so I have stopped updating it and changes will not show there.\nSlack said: `%s` (the message was deleted, or Quorum was removed from the channel).\nTo show it again, make sure Quorum is in the channel (`/invite @Quorum`), then %s.",
		what, Escape(c.Name), Escape(truncateRunes(reason, 300)), again)
	var notices []OutboxMessage
	for _, m := range officers {
		notices = append(notices, OutboxMessage{
			CommitteeID: c.ID, Kind: OutboxDM, UserID: m.UserID,
			DedupeKey: fmt.Sprintf("%sgone:%d:%s", noticePrefix, msg.ID, m.UserID),
			Reply:     Reply{Visibility: Private, Text: text}, DueAt: now,
		})
	}
	if len(notices) == 0 {
		return nil
	}
	_, err = s.store.Enqueue(ctx, notices...)
	return err
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// cutEscaped is truncateRunes of text in Slack's escaped form, not
// leaving half an escape ("&am…") at the cut.
func cutEscaped(s string, n int) string {
	cut := truncateRunes(s, n)
	if cut == s {
		return s
	}
	head := strings.TrimSuffix(cut, "…")
	if i := strings.LastIndexByte(head, '&'); i >= 0 && !strings.Contains(head[i:], ";") {
		return head[:i] + "…"
	}
	return cut
}

// truncateRunes shortens s to at most n runes, marking the cut.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
