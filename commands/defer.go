package commands

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Business deferred to the next meeting: `/minute defer ITEM [REASON]`
// minutes the item as deferred and keeps the deferral, and the next
// meeting's agenda (as the officers see it) and the officers' Homes offer
// the item, with the command that adds it, until it is on a later agenda
// or dismissed.
//
// The item is offered rather than added to the next meeting's agenda for
// it: the next meeting is often not scheduled when the item is deferred,
// its agenda may be imported from the council's published one (importing
// it again would drop or duplicate an item added here) or posted already
// (an item appearing in a posted agenda unasked is a change the officer
// did not make), and the officer decides where on the agenda it goes. An
// offer the officer takes up with one command changes nothing unseen.

// DeferredText is the minute's narrative an item deferred reads, before
// the reason.
const DeferredText = "Consideration of this item was deferred to the next meeting."

// Deferral is an agenda item a meeting deferred to the next meeting, as
// its agenda gave it.
type Deferral struct {
	ID            int64
	CommitteeID   int64
	MeetingID     int64
	MeetingStarts time.Time // of the meeting that deferred it, read back
	Item          string    // its number on that meeting's agenda
	Title         string
	Presenter     string
	Organisation  string
	Reason        string
	By            string // who deferred it
	At            time.Time
}

// Errors DeferItem returns, as ErrConflicts, for an item that cannot be
// deferred.
var (
	// ErrDecided: the item's minute records a decision.
	ErrDecided = fmt.Errorf("item decided: %w", ErrConflict)
	// ErrDeferred: the item is deferred already (DeferItem), or deferred
	// and so not to be decided (a decision's WriteMinute).
	ErrDeferred = fmt.Errorf("item deferred already: %w", ErrConflict)
)

// DeferralStore keeps the items meetings deferred.
type DeferralStore interface {
	// DeferItem writes w, the item's minute saying it was deferred, and
	// records d, in one transaction: ErrDecided if the item's minute
	// records a decision, ErrDeferred if the item is deferred already,
	// and ErrConflict if the minutes are confirmed.
	DeferItem(ctx context.Context, w MinuteWrite, d Deferral) (Minute, error)
	// UndoDeferral undoes the deferral of w.Item at w.MeetingID, writing
	// the minute's narrative back as it was before it, in one
	// transaction: ErrNotFound if the item is not deferred, ErrConflict if
	// the minutes are confirmed.
	UndoDeferral(ctx context.Context, w MinuteWrite) (Minute, Deferral, error)
	// DismissDeferral marks the deferral of item at meetingID as not to be
	// offered again: ErrNotFound if there is none standing.
	DismissDeferral(ctx context.Context, committeeID, meetingID int64, item, by string, at time.Time) (Deferral, error)
	// OpenDeferrals are the committee's deferrals, from meetings that
	// started before before, neither undone nor dismissed nor yet on the
	// agenda of a later meeting, oldest first.
	OpenDeferrals(ctx context.Context, committeeID int64, before time.Time) ([]Deferral, error)
}

// deferSubs are /minute's subcommands for business deferred.
func deferSubs() []Sub {
	return []Sub{{
		Name:  "defer",
		Usage: []string{"/minute defer [DATE] ITEM [REASON]"},
		Summary: "Minute an agenda item as deferred to the next meeting (\"" + DeferredText + "\" and the reason); the next meeting's agenda and the officers' Home then offer it, " +
			"with the command that adds it, until it is added or dismissed.",
		Examples: []string{"/minute defer 5", "/minute defer 5 The report was not ready."},
		Date:     minutesDateHelp,
		Who:      Chairs, Doing: "defer agenda items", Meeting: (*Service).minutesMeeting, Run: deferItem,
	}, {
		Name:     "defer undo",
		Usage:    []string{"/minute defer undo [DATE] ITEM"},
		Summary:  "Undo an item's deferral while the minutes are a draft: its minute reads again as before it.",
		Examples: []string{"/minute defer undo 5"},
		Date:     minutesDateHelp,
		Who:      Chairs, Doing: "defer agenda items", Meeting: (*Service).minutesMeeting, Run: undoDeferral,
	}, {
		Name:     "defer dismiss",
		Usage:    []string{"/minute defer dismiss [DATE] ITEM"},
		Summary:  "Stop offering an item deferred at the meeting on DATE for the next meeting's agenda: it is not coming back.",
		Examples: []string{"/minute defer dismiss 2026-12-10 5"},
		Date:     minutesDateHelp,
		Who:      Officers, Doing: "dismiss deferred items", Run: dismissDeferral,
	}}
}

// deferredItem reads the date and the item from in's words, as /minute
// reads them, and the words after the item.
func deferredItem(in *Input) (Date, string, []string, error) {
	d, n, err := in.takeDate()
	if err != nil {
		return Date{}, "", nil, err
	}
	if d.IsNext() && n > 0 {
		return Date{}, "", nil, usageErr("The next meeting has not taken place yet; its items are deferred during or after it. For the meeting in progress or the last one held, leave out `next`.")
	}
	args := dropLabel(in.Args[n:], "item")
	if len(args) == 0 {
		return Date{}, "", nil, usageErr("Give the agenda item's number, as on the agenda: `%s 5`.", in.typed())
	}
	item, err := agendaItemArg(args[0])
	if err != nil {
		return Date{}, "", nil, err
	}
	return d, item, args[1:], nil
}

// agendaItemArg is word as the number of an agenda item given first, as
// /resolve, /minute and /minute defer take it ("7", "7.5."), or a usage
// error saying it is none.
func agendaItemArg(word string) (string, error) {
	item := strings.TrimRight(word, ".:")
	if _, ok := minuteNumber(item); !ok || len(item) > maxItemLen {
		return "", usageErr("`%s` is not an agenda item number; give it first, as on the agenda (7 or 7.5).", inCode(echoWord(word)))
	}
	return item, nil
}

// deferredNarrative is the minute of an item deferred for reason: the
// standard sentence, and the reason as a sentence of its own.
func deferredNarrative(reason string) string {
	if reason == "" {
		return DeferredText
	}
	return DeferredText + " " + ended(capitalise(reason))
}

// deferItem is `/minute defer`.
func deferItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, item, words, err := deferredItem(in)
	if err != nil {
		return Reply{}, err
	}
	reason := cleanText(s.namedMentions(ctx, plainMarked(words)))
	if n := utf8.RuneCountInString(reason); n > MaxReasonLen {
		return Reply{}, usageErr("That reason is too long (%d characters; the limit is %d).", n, MaxReasonLen)
	}
	m, base, w, was, err := s.minuteUnder(ctx, in, d, item)
	if err != nil {
		return Reply{}, err
	}
	day := formatDay(m.StartsAt, c.Location())
	if len(was.Resolutions) > 0 {
		return Reply{}, decidedErr(item, was, day)
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	var it AgendaItem
	for _, cur := range items {
		if cur.Number == item {
			it = cur
		}
	}
	// What was minuted of the discussion before the deferral stays, the
	// deferral after it.
	text := deferredNarrative(reason)
	if was.Narrative != "" {
		text = was.Narrative + "\n\n" + text
	} else if w.Drawn, err = s.drawnFor(ctx, c, m, base, item, false); err != nil {
		return Reply{}, err
	}
	if utf8.RuneCountInString(text) > maxMinuteText {
		return Reply{}, userErr("Item %s's minute would then be too long (%d characters; the limit is %d). Nothing was saved.", Escape(item), utf8.RuneCountInString(text), maxMinuteText)
	}
	w.Narrative, w.Action, w.By, w.At = &text, "minuted", in.UserID, in.Now
	if err := s.answering(ctx, in, &w, "minuted item "+Escape(item)+" as deferred in minute %s", cmp.Or(was.Number, w.Number), text); err != nil {
		return Reply{}, err
	}
	dl := Deferral{Item: item, Title: it.Title, Presenter: it.Presenter, Organisation: it.Organisation, Reason: reason}
	mi, err := s.store.DeferItem(ctx, w, dl)
	switch {
	case errors.Is(err, ErrDecided):
		// Recorded since it was read.
		return Reply{}, userErr("Item %s has a decision recorded; an item decided is not deferred. Nothing was saved.", Escape(item))
	case errors.Is(err, ErrDeferred):
		return Reply{}, userErr("Item %s of the meeting on %s is deferred already; nothing changed. `/minute defer undo %s` undoes it while the minutes are a draft.", Escape(item), day, Escape(item))
	case errors.Is(err, ErrConflict):
		// The minutes changed as it was sent (ErrMinutesChanged is a
		// conflict too), or are confirmed.
		return Reply{}, writeRefused(c, m, err)
	case err != nil:
		return Reply{}, err
	}
	reply := writtenReply(c, mi)
	reply.Text = fmt.Sprintf("Deferred to the next meeting: item %s, %s. Minute %s of the meeting on %s, *draft — not yet confirmed*, records it.",
		Escape(item), Escape(it.Title), Escape(mi.Number), mi.HeldOn)
	reply.Text += " " + s.deferredWayOn(ctx, c, m, dl)
	reply.Text += fmt.Sprintf(" `/minute defer undo %s` undoes the deferral while the minutes are a draft.", Escape(item))
	if len(w.Answers) > 0 {
		reply.Sections = append(reply.Sections, answeringSection(w, mi.Number))
	}
	return reply, nil
}

// deferredWayOn says how d, deferred at meeting m, reaches the next
// meeting: the command that adds it to that meeting's agenda, or, with
// none scheduled, that it will be offered once one is. The deferral is
// saved by then, so what cannot be read gives the way on without the
// command rather than a failure.
func (s *Service) deferredWayOn(ctx context.Context, c Committee, m Meeting, d Deferral) string {
	const offered = "its agenda (`/agenda`, as the officers see it) and the officers' Home offer the item, with the command that adds it, until it is added or dismissed."
	next, err := s.store.NextMeeting(ctx, c.ID, m.StartsAt)
	if errors.Is(err, ErrNotFound) {
		return "No later meeting is scheduled yet: once one is, " + offered
	}
	var items []AgendaItem
	if err == nil {
		items, err = s.store.AgendaItems(ctx, next.ID)
	}
	if err != nil {
		return "The next meeting's " + offered
	}
	return fmt.Sprintf("To put it on the agenda of the next meeting, on %s: %s. Until it is on it, that agenda (as the officers see it) and the officers' Home offer it.",
		formatDay(next.StartsAt, c.Location()), addDeferredCommand(c, next, items, d))
}

// decidedErr refuses to defer item, whose minute, was, records a
// decision, at the meeting on day.
func decidedErr(item string, was Minute, day string) error {
	return userErr("Item %s of the meeting on %s has a decision recorded (minute %s, %s: %s); an item decided is not deferred. Nothing was saved.",
		Escape(item), day, Escape(was.Number), was.Word(), Escape(truncateText(was.Resolved(), 120)))
}

// undoDeferral is `/minute defer undo`.
func undoDeferral(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, item, words, err := deferredItem(in)
	if err != nil {
		return Reply{}, err
	}
	if len(words) > 0 {
		return Reply{}, usageErr("Give only the item's number after `%s`: `%s %s`.", in.typed(), in.typed(), Escape(item))
	}
	m, _, w, was, err := s.minuteUnder(ctx, in, d, item)
	if err != nil {
		return Reply{}, err
	}
	w.Action, w.By, w.At = "minuted", in.UserID, in.Now
	// What the minute reads again: what was minuted before the deferral
	// paragraph, which the deferral added after it.
	before := "Nothing is recorded under it."
	if i := strings.LastIndex(was.Narrative, "\n\n"); i > 0 {
		before = was.Narrative[:i]
	}
	if err := s.answering(ctx, in, &w, "took back the deferral of item "+Escape(item)+" in minute %s", cmp.Or(was.Number, w.Number), before); err != nil {
		return Reply{}, err
	}
	mi, _, err := s.store.UndoDeferral(ctx, w)
	day := formatDay(m.StartsAt, c.Location())
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{}, userErr("Item %s of the meeting on %s is not deferred; nothing changed.", Escape(item), day)
	case errors.Is(err, ErrConflict):
		// Changed as it was sent, or confirmed meanwhile: answered as
		// every write to the minutes is.
		return Reply{}, writeRefused(c, m, err)
	case err != nil:
		return Reply{}, err
	}
	reply := writtenReply(c, mi)
	reply.Text = fmt.Sprintf("Item %s of the meeting on %s is no longer deferred: minute %s reads again as before the deferral, and the next meeting's agenda no longer offers the item (kept in `/history minutes`).",
		Escape(item), day, Escape(mi.Number))
	if len(w.Answers) > 0 {
		reply.Sections = append(reply.Sections, answeringSection(w, mi.Number))
	}
	return reply, nil
}

// dismissDeferral is `/minute defer dismiss`.
func dismissDeferral(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, item, words, err := deferredItem(in)
	if err != nil {
		return Reply{}, err
	}
	if len(words) > 0 {
		return Reply{}, usageErr("Give only the date of the meeting that deferred it and the item's number: `%s 2026-12-10 %s`.", in.typed(), Escape(item))
	}
	m, err := s.minutesMeeting(ctx, in, d)
	if err != nil {
		return Reply{}, err
	}
	day := formatDay(m.StartsAt, c.Location())
	dl, err := s.store.DismissDeferral(ctx, c.ID, m.ID, item, in.UserID, in.Now)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, userErr("No item %s deferred at the meeting on %s is waiting for an agenda; nothing changed. The next meeting's agenda (`/agenda`) lists those that are, with the date of the meeting that deferred each.", Escape(item), day)
	}
	if err != nil {
		return Reply{}, err
	}
	return private("Item %s, %s, deferred at the meeting on %s, is no longer offered for the next meeting's agenda. Its minute is unchanged.", Escape(item), Escape(dl.Title), day), nil
}

// nextItemNumber is the number to give an item added to items: that of
// the closing item (Date of Next Meeting), which the new item takes as
// the closing item moves on, or else the one after the last top-level
// item.
func nextItemNumber(items []AgendaItem) string {
	if closing, ok := closingItem(items); ok {
		return closing.Number
	}
	last := 0
	for _, it := range items {
		if n, err := ParseItemNumber(it.Number); err == nil && n.Section == 0 {
			last = max(last, n.Top)
		}
	}
	return ItemNumber{Top: last + 1}.String()
}

// addDeferredCommand is the command that adds d to the agenda of meeting
// m, whose items are items: its title and presenter carried.
func addDeferredCommand(c Committee, m Meeting, items []AgendaItem, d Deferral) string {
	who := d.Presenter
	if d.Organisation != "" {
		who = strings.TrimSpace(who + " (" + d.Organisation + ")")
	}
	cmd := fmt.Sprintf("/agenda add %s %s %s", DateOf(m.StartsAt, c.Location()).iso(), nextItemNumber(items), d.Title)
	if who != "" {
		cmd += " — " + who
	}
	return "`" + Escape(cmd) + "`"
}

// deferredLines are ds, the items deferred to meeting m not yet on it,
// whose agenda is items: each with the command that adds it and the one
// that dismisses it, at most limit of them (0: all) and a count of the
// rest.
func deferredLines(c Committee, m Meeting, items []AgendaItem, ds []Deferral, limit int) []string {
	loc := c.Location()
	var lines []string
	for i, d := range ds {
		if limit > 0 && i == limit {
			lines = append(lines, fmt.Sprintf("… and %d more: `/agenda %s` lists them all.", len(ds)-i, DateOf(m.StartsAt, loc).iso()))
			break
		}
		line := fmt.Sprintf("• Item %s, %s", Escape(d.Item), Escape(d.Title))
		if who := presenterText(AgendaItem{Presenter: d.Presenter, Organisation: d.Organisation}); who != "" {
			line += " — _" + who + "_"
		}
		line += fmt.Sprintf(", deferred at the meeting on %s", formatDay(d.MeetingStarts, loc))
		if d.Reason != "" {
			line += ": " + Escape(d.Reason)
		}
		line += fmt.Sprintf("\n   Add it: %s · Not coming back: `/minute defer dismiss %s %s`",
			addDeferredCommand(c, m, items, d), DateOf(d.MeetingStarts, loc).iso(), Escape(d.Item))
		lines = append(lines, line)
	}
	return lines
}

// withDeferred adds to reply, the agenda of meeting m shown to in's
// sender, the items deferred to it not yet on it, when the sender is an
// officer, who adds them, and m is still to come. The agenda the channel
// sees, and the one kept for others, are built without them: the offer
// is the officer's to take up.
func (s *Service) withDeferred(ctx context.Context, in *Input, m Meeting, reply *Reply) error {
	if !in.Me.IsOfficer() || m.Status != MeetingScheduled || heldBy(m, in.Now) {
		return nil
	}
	// The agenda is read again only when something is waiting for it.
	ds, err := s.store.OpenDeferrals(ctx, in.Committee.ID, m.StartsAt)
	if err != nil || len(ds) == 0 {
		return err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return err
	}
	lines := deferredLines(in.Committee, m, items, ds, 0)
	reply.Sections = append(reply.Sections, Section{Title: "Deferred to this meeting, not yet on its agenda (officers)", Text: strings.Join(lines, "\n")})
	return nil
}

// deferredHomePart shows an officer the items deferred to the next
// meeting not yet on its agenda, with the commands that add or dismiss
// them.
func deferredHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if !in.Member.IsOfficer() || in.Next == nil {
		return nil
	}
	ds, err := s.store.OpenDeferrals(ctx, in.Committee.ID, in.Next.StartsAt)
	if err != nil || len(ds) == 0 {
		return err
	}
	lines := deferredLines(in.Committee, *in.Next, in.Items, ds, maxHomeLines)
	card.Sections = append(card.Sections, Section{Title: "Deferred to the next meeting", Text: strings.Join(lines, "\n")})
	return nil
}
