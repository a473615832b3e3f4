package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

func agendaCommand() *Command {
	return &Command{
		Name:    "/agenda",
		Summary: "See the agenda of a meeting; officers build it, import it and post it to the channel.",
		Saves:   "the change",
		Subs: []Sub{{
			Usage:    []string{"/agenda [DATE]"},
			Summary:  "Show the agenda of the meeting in progress or the next one, or the one on DATE, to you alone.",
			Examples: []string{"/agenda"},
			Date:     tableDateHelp,
			Read:     true, AtTable: true, SelfAdmit: true, Run: showAgenda,
		}, {
			Name:     "post",
			Usage:    []string{"/agenda post [DATE]"},
			Summary:  "Post the agenda to the channel; posting again brings the posted message up to date.",
			Examples: []string{"/agenda post"},
			Date:     closedDateHelp,
			Who:      Officers, Doing: "post the agenda", Run: postAgenda,
		}, {
			Name:    "add",
			Usage:   []string{"/agenda add [DATE] NUMBER TITLE [— PRESENTER]"},
			Summary: "Add an item to the agenda of the next meeting, or the one on DATE; the presenter follows an em dash (or a spaced hyphen before a member's name, or a name with an organisation in brackets).",
			Examples: []string{
				"/agenda add 7.5 SWACA — Neil Frackelton",
				"/agenda add 4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams, James Gillett",
				"/agenda add 11/02/2027 4 Budget Consultation — Sue Holden",
			},
			Date: closedDateHelp,
			Who:  Officers, Doing: "change the agenda", Run: addAgendaItem,
		}, {
			Name:    "urgent",
			Usage:   []string{"/agenda urgent TITLE [— PRESENTER] because REASON"},
			Summary: "Add an item of urgent business to the meeting in progress, or to today's meeting before it opens: it takes the number after the last item (before Date of Next Meeting), is marked urgent on the agenda, and the draft minutes give REASON as why the chair agreed to take it (Local Government Act 1972, s.100B(4)(b)).",
			Examples: []string{
				"/agenda urgent Flooding at Marsh Lane because the Environment Agency's warning came after the agenda was published",
			},
			AtTable: true, Who: Chairs, Doing: "add urgent business", Run: addUrgentItem,
		}, {
			Name: "remove", Aliases: []string{"delete"},
			Usage:    []string{"/agenda remove [DATE] NUMBER [confirm]"},
			Summary:  "Take an item off the agenda of the next meeting, or the one on DATE. An item with declarations of interest or report links is removed only when `confirm` follows its number; they stay on record, under the removed item.",
			Examples: []string{"/agenda remove 7.5", "/agenda remove 6 confirm", "/agenda remove 11/02/2027 4 confirm"},
			Date:     closedDateHelp,
			Who:      Officers, Doing: "change the agenda", Run: removeAgendaItem,
		}, {
			Name: "edit", Aliases: []string{"rename", "retitle"},
			Usage:   []string{"/agenda edit [DATE] NUMBER [TITLE] [— PRESENTER|none]"},
			Summary: "Change an item's title or presenter where it stands, on the agenda of the next meeting or the one on DATE: what is not given is kept, and `— none` takes the presenter off. The item keeps its number, its declarations of interest and its report links; the history keeps what it read before.",
			Examples: []string{
				"/agenda edit 7.5 SWACA Services — Neil Frackelton",
				"/agenda edit 6 — Superintendent Graeme Robson",
				"/agenda edit 11/02/2027 4 Budget Consultation 2027/28",
			},
			Date: closedDateHelp,
			Who:  Officers, Doing: "change the agenda", Run: editAgendaItem,
		}, {
			Name: "move", Aliases: []string{"renumber"},
			Usage:    []string{"/agenda move [DATE] NUMBER NEW-NUMBER"},
			Summary:  "Renumber an item of the agenda of the next meeting, or the one on DATE.",
			Examples: []string{"/agenda move 7a 7.10"},
			Date:     closedDateHelp,
			Who:      Officers, Doing: "change the agenda", Run: moveAgendaItem,
		}, {
			Name:    "import",
			Usage:   []string{"/agenda import [DATE] [confirm]"},
			Summary: "Open a form to paste a published agenda into; with DATE, only that meeting's agenda is taken. An agenda that would take items off the meeting's agenda is imported only from a form opened with `confirm`; without it, the form says which items would go.",
			Date:    "DATE is the meeting whose agenda alone is taken: its day, " + dateForms + "; without one, each agenda pasted goes to the meeting it names.",
			Read:    true, Who: Officers, Doing: "import agendas", Run: openImportAgendaForm,
		}},
		Forms: map[string]FormHandler{importFormID: submitImportForm},
	}
}

// agendaKey names the channel message of a meeting's agenda.
func agendaKey(meetingID int64) string { return "agenda:" + strconv.FormatInt(meetingID, 10) }

// CurrentMessage is CurrentMessageAt with no clock: an agenda speaks of
// its meeting as held only once it is marked held.
func (s *Service) CurrentMessage(ctx context.Context, key string) (reply Reply, ok bool, err error) {
	return s.CurrentMessageAt(ctx, key, time.Time{})
}

// CurrentMessageAt is the message posted under key as it should read at
// now, for the outbox to send at the moment it edits the message: an
// update built earlier may be older than the records (two changes at once
// can queue their snapshots in either order). ok is false for keys whose
// messages are not rebuilt; the queued text is sent as it is.
func (s *Service) CurrentMessageAt(ctx context.Context, key string, now time.Time) (reply Reply, ok bool, err error) {
	kind, idText, _ := strings.Cut(key, ":")
	if kind != "agenda" && kind != "meeting" {
		return Reply{}, false, nil
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return Reply{}, false, nil
	}
	m, err := s.store.Meeting(ctx, id)
	if err != nil {
		return Reply{}, false, err
	}
	c, err := s.store.CommitteeByID(ctx, m.CommitteeID)
	if err != nil {
		return Reply{}, false, err
	}
	if kind == "meeting" { // the live message of a meeting in progress (LiveKey)
		st, err := s.meetingState(ctx, c, m)
		if err != nil {
			return Reply{}, false, err
		}
		return st.live(), true, nil
	}
	reply, err = s.agendaReply(ctx, c, m, now)
	return reply, err == nil, err
}

// agendaWordsUnread answers `/agenda` words that are not a date alone,
// of which takeDate read n. A word that cannot start a date was most
// likely meant for a subcommand ("ad", "rename"): answered as a date not
// understood, the officer would not learn that the subcommand is what
// was wrong, nor which ones there are.
func agendaWordsUnread(in *Input, n int) error {
	loc := in.Committee.Location()
	if err := nextAndDate("/agenda", "", in.Args, in.Now, loc); err != nil {
		return badArgs(err)
	}
	if n > 0 {
		return usageErr("I don't know `%s` after the date: `/agenda DATE` shows that meeting's agenda.", inCode(Escape(truncateText(strings.Join(in.Args[n:], " "), 40))))
	}
	if w := dayWords(in.Args); len(strings.Fields(w)) == len(in.Args) {
		if err := relativeDay(w, in.Now, loc, 0); err != nil {
			return badArgs(err)
		}
	}
	word := in.Args[0]
	if r := firstRune(word); r >= '0' && r <= '9' {
		return usageErr("I don't know `%s` as a date: give `next`, %s.", inCode(Escape(truncateText(strings.Join(in.Args, " "), 40))), dateForms)
	}
	msg := fmt.Sprintf("I don't know `/agenda %s`: after `/agenda` comes a meeting's day (`next`, %s) or one of these forms.", inCode(Escape(truncateText(word, 40))), dateForms)
	lw := strings.ToLower(word)
	if name, _ := in.cmd.nearest(lw); name != "" {
		msg = fmt.Sprintf("I don't know `/agenda %s`: did you mean `/agenda %s`?", inCode(Escape(word)), name)
	}
	if editWords[lw] {
		// There is no changing an item in place: say how it is done, not
		// leave the officer to find it among the forms.
		number := "NUMBER"
		if len(in.Args) > 1 {
			if n, err := ParseItemNumber(in.Args[1]); err == nil {
				number = n.String()
			}
		}
		msg += fmt.Sprintf(" An item's title or presenter is changed where it stands with `/agenda edit %s TITLE — PRESENTER`; its declarations and report links stay with it.", number)
	}
	return &UserError{Msg: msg, Usage: in.cmd.usage()}
}

// editWords are words an officer may try for changing an item in place
// that are not `/agenda edit`'s name or aliases.
var editWords = map[string]bool{"title": true, "presenter": true, "change": true}

// showAgenda is `/agenda [DATE]`. The agenda of the meeting at the table,
// asked for from a committee's channel, nearly every one, is one read
// (agendaFrom) when it is kept from before; any other goes the long way.
func showAgenda(ctx context.Context, s *Service, in *Input) (Reply, error) {
	if reply, ok, err := s.agendaFrom(ctx, in); ok || err != nil {
		return reply, err
	}
	if err := s.admitSelf(ctx, in); err != nil {
		return Reply{}, err
	}
	c := in.Committee
	d, n, err := in.takeDate()
	if err != nil {
		return Reply{}, err
	}
	if n != len(in.Args) {
		return Reply{}, agendaWordsUnread(in, n)
	}
	// The meeting in progress, while one is: its start has passed, but it
	// is the agenda the members have in front of them. `next` said is the
	// meeting after it.
	var m Meeting
	if saidNext(in.Args) {
		m, err = s.meetingOf(ctx, in, d)
	} else {
		m, _, err = s.meetingAtTable(ctx, c, in.Next, in.Table, d, in.Now)
	}
	if err != nil {
		return Reply{}, err
	}
	reply, err := s.agendaReply(ctx, c, m, in.Now)
	if err == nil {
		err = s.withDeferred(ctx, in, m, &reply)
	}
	reply.Visibility = Private
	return reply, err
}

// agendaFrom is showAgenda for the meeting at the table, from a
// committee's channel: where the request came from, the meeting in
// progress, the replay check and whether the agenda kept from before
// still stands, in one read (AgendaFrom). ok is false, with nothing done,
// for any other `/agenda`.
func (s *Service) agendaFrom(ctx context.Context, in *Input) (Reply, bool, error) {
	if in.committeeID != 0 || len(in.Args) != 0 {
		return Reply{}, false, nil
	}
	since := s.built.sinceFor(in.TeamID, in.ChannelID)
	a, err := s.store.AgendaFrom(ctx, AgendaRequest{
		TeamID: in.TeamID, ChannelID: in.ChannelID, UserID: in.UserID, At: in.Now, Since: since, Replay: in.Replay,
	})
	if read, err := readHere(err); !read {
		return Reply{}, false, err
	}
	in.admitFrom(a.Origin)
	c := in.Committee
	m, _, err := s.meetingAtTable(ctx, c, a.Origin.Next, &Table{Running: a.Running, Waits: a.Waits}, Date{}, in.Now)
	if err != nil {
		return Reply{}, true, err
	}
	reply, err := s.agendaReplyAsked(ctx, c, m, in.Now, &askedSince{since: since, snapshot: a.Snapshot, changed: a.Changed})
	if err == nil {
		err = s.withDeferred(ctx, in, m, &reply)
	}
	reply.Visibility = Private
	return reply, true, err
}

// agendaReply builds the agenda message of meeting m as it stands at now
// (zero: whenever it is read; see heldBy).
//
// Only as many agendas are built at once as there are processors (at
// least two); the rest wait their turn, within their deadline. An agenda
// holds every apology, declaration and report link of its meeting while
// it is built, thousands in a large partnership, and its cost is CPU:
// sixteen such agendas at once were built no faster in all than two at a
// time, and took serve's memory from 29 to 60 MiB, against 35
// (BENCHMARKS.md). The place is held through the agenda's reads as well,
// for what they read is what it holds. Reads wait on no lock, so a place
// is held long only when the database is slow to answer anything, and
// then every command waits with the agendas.
func (s *Service) agendaReply(ctx context.Context, c Committee, m Meeting, now time.Time) (Reply, error) {
	return s.agendaReplyAsked(ctx, c, m, now, nil)
}

// agendaReplyAsked is agendaReply with what the request's one read found
// of the records' changes, if it asked (see keptAgenda).
func (s *Service) agendaReplyAsked(ctx context.Context, c Committee, m Meeting, now time.Time, asked *askedSince) (Reply, error) {
	held, err := s.heldOrOpened(ctx, c, m, now)
	if err != nil {
		return Reply{}, err
	}
	var day Date
	if !now.IsZero() {
		day = DateOf(now, c.Location())
	}
	kept, ok, snapshot, err := s.keptAgenda(ctx, c, m, held, day, asked)
	if err != nil || ok {
		return kept, err
	}
	// Those asking at once for this meeting's agenda take turns: the
	// first builds it, and the others, when their turn comes, ask again
	// whether the records changed since it was built, and are answered
	// with it if not. Sixteen asking just after a burst of apologies
	// otherwise each built it again, a few at a time, and the last ran out
	// of time (BENCHMARKS.md).
	turn := s.built.turn(m.ID)
	select {
	case turn <- struct{}{}:
	default:
		select {
		case turn <- struct{}{}:
		case <-ctx.Done():
			return Reply{}, fmt.Errorf("%w: too many agendas being built at once: %w", ErrUnavailable, context.Cause(ctx))
		}
		if kept, ok, snapshot, err = s.keptAgenda(ctx, c, m, held, day, nil); err != nil || ok {
			<-turn
			return kept, err
		}
	}
	defer func() { <-turn }()
	built := time.Now()
	select {
	case s.agendas <- struct{}{}:
		defer func() { <-s.agendas }()
	case <-ctx.Done():
		return Reply{}, fmt.Errorf("%w: too many agendas being built at once: %w", ErrUnavailable, context.Cause(ctx))
	}
	p, err := s.papersOf(ctx, m)
	if err != nil {
		return Reply{}, err
	}
	var changes []MeetingChange
	if m.Revision > 0 {
		if changes, err = s.store.MeetingChanges(ctx, m.ID); err != nil {
			return Reply{}, err
		}
	}
	reply := agendaAt(c, m, p.items, p.reports, p.apologies, p.declarations, changes, held)
	// Outstanding actions are carried forward to the meetings to come.
	if m.Status == MeetingScheduled {
		sec, err := s.actionsSection(ctx, c, m, now)
		if err != nil {
			return Reply{}, err
		}
		if sec != nil {
			reply.Sections = append(reply.Sections, *sec)
		}
	}
	s.built.put(&builtAgenda{snapshot: snapshot, committee: c, meeting: m, held: held, day: day, built: built, reply: reply})
	return reply.clone(), nil
}

// heldBy reports whether meeting m has taken place at now: it is marked
// held, or it is not cancelled and its start has passed. A zero now goes
// by the mark alone.
func heldBy(m Meeting, now time.Time) bool {
	switch {
	case m.Status == MeetingHeld:
		return true
	case m.Status == MeetingCancelled || now.IsZero():
		return false
	}
	return !m.StartsAt.After(now)
}

// heldOrOpened is heldBy, and true too for a meeting opened before its
// advertised start: under way, it takes no apologies, and its agenda
// does not invite them. Only on the meeting's day before its start is
// there anything to read.
func (s *Service) heldOrOpened(ctx context.Context, c Committee, m Meeting, now time.Time) (bool, error) {
	loc := c.Location()
	if heldBy(m, now) || now.IsZero() || m.Status != MeetingScheduled || DateOf(now, loc) != DateOf(m.StartsAt, loc) {
		return heldBy(m, now), nil
	}
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return false, err
	}
	return !SittingOf(events).Opened.IsZero(), nil
}

// papers are what Quorum holds for a meeting: its agenda items, and the
// report links, apologies and declarations of interest standing.
type papers struct {
	items        []AgendaItem
	reports      []ReportLink
	apologies    []Apology
	declarations []Declaration
}

func (s *Service) papersOf(ctx context.Context, m Meeting) (papers, error) {
	var p papers
	var err error
	if p.items, err = s.store.AgendaItems(ctx, m.ID); err != nil {
		return papers{}, err
	}
	if p.reports, err = s.store.ReportLinks(ctx, m.ID); err != nil {
		return papers{}, err
	}
	if p.apologies, err = s.store.Apologies(ctx, m.ID); err != nil {
		return papers{}, err
	}
	if p.declarations, err = s.store.Declarations(ctx, m.ID); err != nil {
		return papers{}, err
	}
	if len(p.declarations) > 0 {
		es, err := s.store.Interests(ctx, m.CommitteeID, "", false)
		if err != nil {
			return papers{}, err
		}
		for i := range p.declarations {
			p.declarations[i].OnRegister = onRegister(es, p.declarations[i])
		}
	}
	return p, nil
}

// AgendaReply is the agenda of meeting m as the channel sees it: the
// meeting's facts, the numbered items with their presenters and report
// links, the apologies and declarations of interest so far, and how to
// send apologies and declare interests while it is to come.
func AgendaReply(c Committee, m Meeting, items []AgendaItem, reports []ReportLink, as []Apology, ds []Declaration) Reply {
	return agendaAt(c, m, items, reports, as, ds, nil, m.Status == MeetingHeld)
}

// agendaAt is AgendaReply saying, from changes, where the meeting moved
// from, and speaking of what declarations mean in the past tense once it
// is held and in the future before.
func agendaAt(c Committee, m Meeting, items []AgendaItem, reports []ReportLink, as []Apology, ds []Declaration, changes []MeetingChange, held bool) Reply {
	loc := c.Location()
	facts := meetingFacts(m, loc) + movedNote(m, changes, loc)
	if m.Venue != "" {
		facts += "\n*Venue:* " + Escape(m.Venue)
	}
	if m.Status == MeetingCancelled {
		// First, with its day: a notification shows the heading and this
		// line alone (Headline), and "this meeting" there is no meeting.
		facts = "*The meeting on " + formatDay(m.StartsAt, loc) + " is cancelled.*\n" + facts
	}
	reply := Reply{
		Visibility: Public,
		Header:     "Agenda — " + c.Name,
		Text:       facts,
		Sections: []Section{
			{Title: "Items", Text: itemLines(items, reports, true)},
			{Title: "Apologies", Text: ApologiesSentence(as) + prefixed("\n", substitutesSentence(as)) + prefixed("\n", enteredSentence(as))},
			// Once the meeting has begun the agenda claims no departure:
			// it does not read the attendance, and the minutes say who
			// is recorded leaving for an item (see leftFor). Saying every
			// pecuniary declarant "left" contradicted them, and said it
			// of items not yet reached.
			{Title: "Declarations of interest", Text: Escape(declarationsParagraph(ds, items, !held, nil, nil, nil, false)) + prefixed("\n", declarationsEntered(ds, items)) + prefixed("\n", declarationsRegistered(ds, items))},
		},
	}
	// What to send before the meeting is asked for only while it is to
	// come: of a meeting cancelled, or held, it would send members to
	// apologise for what will not, or did, take place. The commands name
	// the meeting's day: without it they act on the next meeting, which a
	// posted agenda of a later one, read while an earlier one is to come,
	// is not.
	if m.Status != MeetingCancelled && !held {
		day := m.StartsAt.In(loc).Format("2006-01-02")
		reply.Footer = fmt.Sprintf("Can't come? Send apologies with `/apologies %s`. Declare an interest in an item with `/declare %s ITEM KIND NATURE`. Send the link to your report with `/report %s ITEM URL`.", day, day, day)
	}
	return reply
}

// itemLines lists items one a line, sub-items indented, with presenters
// and, when withLinks, the report links standing for each.
func itemLines(items []AgendaItem, reports []ReportLink, withLinks bool) string {
	if len(items) == 0 {
		return "No items yet. An officer can add them with `/agenda add NUMBER TITLE — PRESENTER` or import the published agenda with `/agenda import`."
	}
	var b strings.Builder
	links := func(on func(ReportLink) bool) {
		for _, rep := range reports {
			if !on(rep) {
				continue
			}
			title := rep.Title
			if title == "" {
				title = "report"
			}
			b.WriteString(" · " + LinkText(rep.URL, title))
		}
	}
	for _, it := range items {
		if IsSubItem(it.Number) {
			b.WriteString("\u2003")
		}
		fmt.Fprintf(&b, "*%s* %s", it.Number, Escape(it.Title))
		if who := presenterText(it); who != "" {
			b.WriteString(" — _" + who + "_")
		}
		if it.Urgency != "" {
			b.WriteString(" · *urgent business*")
		}
		if withLinks {
			links(func(rep ReportLink) bool { return rep.filed().on(it) })
		}
		b.WriteString("\n")
	}
	if withLinks {
		// Links for items taken off the agenda stay in sight, under the
		// item as it was.
		var gone []AgendaItem
		for _, rep := range reports {
			if it, standing := rep.filed().place(items); !standing && rep.ItemID != 0 && !containsItem(gone, it.ID) {
				gone = append(gone, it)
			}
		}
		for _, it := range gone {
			fmt.Fprintf(&b, "*%s* %s — _removed from the agenda_", Escape(it.Number), Escape(it.Title))
			links(func(rep ReportLink) bool { return rep.ItemID == it.ID })
			b.WriteString("\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func presenterText(it AgendaItem) string {
	who := Escape(it.Presenter)
	if it.Organisation != "" {
		if who != "" {
			who += " (" + Escape(it.Organisation) + ")"
		} else {
			who = Escape(it.Organisation)
		}
	}
	return who
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// postAgenda queues the agenda for posting to the committee's channel. If
// it was posted before, the posted message is brought up to date instead.
func postAgenda(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, err := in.date()
	if err != nil {
		return Reply{}, err
	}
	m, err := s.meetingOf(ctx, in, d)
	if err != nil {
		return Reply{}, err
	}
	// Without a date, while a meeting sits, that meeting is meant: its
	// agenda was posted before it opened and is kept up to date. Said
	// first, since a meeting in progress has not "already taken place".
	said := 0
	if saidNext(in.Args) {
		said = 1
	}
	if err := s.notUnderWay(ctx, c, m, "it is too late to post its agenda"+nextHint(d, said, "/agenda post next")); err != nil {
		return Reply{}, err
	}
	if err := openMeeting(c, m, in.Now); err != nil {
		return Reply{}, err
	}
	msg, err := s.agendaReply(ctx, c, m, in.Now)
	if err != nil {
		return Reply{}, err
	}
	key := agendaKey(m.ID)
	ok, err := s.store.Enqueue(ctx, OutboxMessage{
		CommitteeID: c.ID, Kind: OutboxPost, ChannelID: c.ChannelID,
		MessageKey: key, DedupeKey: key + ":post", Reply: msg, DueAt: in.Now,
	})
	if err != nil {
		return Reply{}, err
	}
	// The agenda is queued whatever happens to the prompts, which posting
	// again sends (each once): see promptInterests.
	_, promptErr := s.promptInterests(ctx, c, m, in.Now)
	loc := c.Location()
	if ok {
		return withPromptNote(private("The agenda for the meeting on %s is on its way to <#%s>. It will be kept up to date as apologies come in.", describeMeeting(m, loc), c.ChannelID), promptErr), nil
	}
	if _, err := s.store.Enqueue(ctx, OutboxMessage{
		CommitteeID: c.ID, Kind: OutboxUpdate, ChannelID: c.ChannelID, MessageKey: key, Reply: msg, DueAt: in.Now,
	}); err != nil {
		return Reply{}, err
	}
	return withPromptNote(private("The agenda for the meeting on %s was posted before; the posted message is being brought up to date rather than posted twice.", describeMeeting(m, loc)), promptErr), nil
}

// parseItemOf reads an item as typed ("7.5 SWACA - Neil Frackelton"),
// with the members of c where it needs them, which it returns too: a
// hyphen marks a presenter only before a member's name or a name with
// its organisation (hyphenPresenter), and a member mentioned is named
// (mentionsNamed).
func (s *Service) parseItemOf(ctx context.Context, c Committee, typed string) (itemText, []Member, error) {
	var members []Member
	if strings.Contains(strings.Join(strings.Fields(typed), " "), " - ") || strings.Contains(typed, "<@") {
		var err error
		if members, err = s.store.Members(ctx, c.ID); err != nil {
			return itemText{}, nil, err
		}
	}
	it, err := parseItemText(typed, members)
	if err != nil {
		return itemText{}, nil, badArgs(err)
	}
	return it, members, nil
}

// addItem makes changes, which add item, to m's agenda. Refused as the
// agenda changed meanwhile, the same item added (the command sent twice at
// once) is answered as the command repeated (addedBefore), anything else
// with conflict.
func (s *Service) addItem(ctx context.Context, in *Input, m *Meeting, changes []AgendaChange, item AgendaItem, conflict string) error {
	err := s.changeAgenda(ctx, in, m, changes)
	if !errors.Is(err, ErrConflict) {
		return err
	}
	if items, rerr := s.store.AgendaItems(ctx, m.ID); rerr == nil {
		if err := addedBefore(in, *m, items, item); err != nil {
			return err
		}
	}
	return userErr("%s", conflict)
}

func addAgendaItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.agendaMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	typed := strings.Join(in.Args, " ")
	it, members, err := s.parseItemOf(ctx, c, typed)
	if err != nil {
		return Reply{}, err
	}
	if again, err := s.presenterByOneName(ctx, c, typed, it.Presenter, it.Organisation, &members); err != nil {
		return Reply{}, err
	} else if again != typed {
		if it, err = parseItemText(again, members); err != nil {
			return Reply{}, badArgs(err)
		}
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	// The same item sent again is the command repeated, not a second
	// item; added, it would also push the closing item on again.
	item := AgendaItem{MeetingID: m.ID, Title: it.Title, Presenter: it.Presenter, Organisation: it.Organisation}
	if err := addedBefore(in, m, items, item); err != nil {
		return Reply{}, err
	}
	changes, at, note := keepClosingLast(items, it.Number)
	number := at.String()
	for _, cur := range items {
		if cur.Number == number && !(len(changes) > 0 && changes[0].Move == cur.Number) {
			return Reply{}, userErr("Item %s is already on the agenda (%s). Remove it first with `/agenda remove%s %s`, or give another number.", number, Escape(cur.Title), agendaDateWord(in, m), number)
		}
	}
	item.Number = number
	// Once: sent twice at once, the item is added by the first and the
	// second finds it, under the agenda's lock, as if sent after.
	changes = append(changes, AgendaChange{Add: &item, Once: true})
	if err := s.addItem(ctx, in, &m, changes, item, fmt.Sprintf("Item %s was added by someone else just now; see `/agenda%s`.", number, agendaDateWord(in, m))); err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Added item *%s* %s", number, Escape(it.Title))
	if who := presenterText(item); who != "" {
		text += " — _" + who + "_"
	}
	text += " to the agenda for " + describeMeeting(m, c.Location()) + "." + note
	return s.afterAgendaChange(ctx, c, m, in.Request, text)
}

// presenterByOneName gives typed, an item whose presenter was typed as one
// word that is one member's first name or surname alone ("— Neil"), with
// that word made a mention of them, to be read again as a mention is:
// their name and organisation. Kept as "Neil", the item would not be
// theirs: not theirs to attach the report for, nor to be reminded of.
// A word that is two members' names is asked about; one that is no
// member's is kept as typed, the name of someone from outside. members
// is read when the caller has not read it.
func (s *Service) presenterByOneName(ctx context.Context, c Committee, typed, presenter, org string, members *[]Member) (string, error) {
	// A full stop or comma typed after the name ("— Neil.") is not part
	// of it: kept, it would be the name of no member.
	const stops = ".,;:!"
	word := strings.TrimRight(strings.TrimSpace(presenter), stops)
	rest := strings.TrimRight(strings.TrimSpace(typed), stops)
	if word == "" || org != "" || strings.ContainsAny(word, " ()<>") || !strings.HasSuffix(rest, word) {
		return typed, nil
	}
	if *members == nil {
		ms, err := s.store.Members(ctx, c.ID)
		if err != nil {
			return "", err
		}
		*members = ms
	}
	named := membersCalled(*members, "", word)
	switch len(named) {
	case 0:
		return typed, nil
	case 1:
		return strings.TrimSuffix(rest, word) + "<@" + named[0].UserID + ">", nil
	}
	var who []string
	for _, mem := range named {
		who = append(who, Escape(nameOf(mem.Name, mem.Organisation)))
	}
	return "", userErr("The presenter %q could be %s: name them with an @mention, or in full.", word, joinOr(who))
}

// addedBefore refuses item, about to be added to m's agenda, when the
// same item stands among items: see SameItem.
func addedBefore(in *Input, m Meeting, items []AgendaItem, item AgendaItem) error {
	for _, cur := range items {
		if SameItem(cur, item) {
			return userErr("Item %s is already %s on the agenda for %s; nothing was added. `/agenda move%s %s NEW-NUMBER` renumbers it.",
				cur.Number, Escape(cur.Title), formatDay(m.StartsAt, in.Committee.Location()), agendaDateWord(in, m), cur.Number)
		}
	}
	return nil
}

// SameItem reports whether a and b are one item of an agenda, whatever
// their numbers: the same title, presenter and organisation, as typed
// give or take case and spacing.
func SameItem(a, b AgendaItem) bool {
	return FoldName(a.Title) == FoldName(b.Title) && FoldName(a.Presenter) == FoldName(b.Presenter) &&
		FoldName(a.Organisation) == FoldName(b.Organisation)
}

// TitleKey is an item's title as SameItem compares it, give or take case
// and spacing: two items whose titles have one key have the same title.
func TitleKey(title string) string {
	return FoldName(title)
}

// keepClosingLast applies the numbering rule around the closing item
// (Date of Next Meeting): it stays the last top-level item, and top-level
// numbers stay contiguous. A top-level item added at or after its number
// takes that number, and the closing item moves on by one: on items 1–4,
// adding item 5 (or 4) adds it as 4 and moves Date of Next Meeting to 5.
// It returns the changes to make before the addition, the number the new
// item takes, and what the reply says of it.
func keepClosingLast(items []AgendaItem, added ItemNumber) ([]AgendaChange, ItemNumber, string) {
	if added.Section != 0 {
		return nil, added, ""
	}
	closing, ok := closingItem(items)
	if !ok {
		return nil, added, ""
	}
	cn, _ := ParseItemNumber(closing.Number)
	if added.Sub > 0 || added.Letter != 0 {
		// A part of the closing item is most often business of its own
		// numbered one too far: added, but said, as a move there is.
		if added.Top == cn.Top {
			return nil, added, fmt.Sprintf(" It is under %s (item %s).", Escape(closing.Title), closing.Number)
		}
		return nil, added, ""
	}
	if added.Top < cn.Top {
		return nil, added, ""
	}
	to := strconv.Itoa(cn.Top + 1)
	note := fmt.Sprintf(" %s is now item %s.", closing.Title, to)
	if added.Top != cn.Top {
		note = fmt.Sprintf(" You asked for item %d: %s stays the last item and the numbers run on without a gap, so the new item takes its number, %d, and %s is now item %s.",
			added.Top, closing.Title, cn.Top, closing.Title, to)
	}
	return []AgendaChange{{Move: closing.Number, To: to}}, ItemNumber{Top: cn.Top}, note
}

// closingItem is the agenda's closing item: Date of Next Meeting, when it
// is the last top-level item (the standard one, or one imported).
func closingItem(items []AgendaItem) (AgendaItem, bool) {
	var closing AgendaItem
	last, found := 0, false
	for _, it := range items {
		n, err := ParseItemNumber(it.Number)
		if err != nil || n.Section != 0 {
			// An agenda numbered by section keeps the numbers printed:
			// its last item is not renumbered to stay last.
			continue
		}
		switch {
		case n.Top > last:
			last, found = n.Top, false
			if n.Sub == 0 && n.Letter == 0 && isClosing(it) {
				closing, found = it, true
			}
		case n.Top == last && n.Sub == 0 && n.Letter == 0 && isClosing(it):
			closing, found = it, true
		}
	}
	return closing, found
}

func removeAgendaItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.agendaMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	confirmed := len(in.Args) == 2 && strings.EqualFold(in.Args[1], "confirm")
	if len(in.Args) == 0 {
		return Reply{}, usageErr("Say which item to remove by its number, e.g. `/agenda remove 7.5`.")
	}
	n, err := ParseItemNumber(in.Args[0])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if len(in.Args) != 1 && !confirmed {
		// The number was given: say what is wrong with what follows it,
		// not ask again for the number.
		if len(in.Args) == 2 && oneEdit(strings.ToLower(in.Args[1]), "confirm") {
			// A slip in `confirm` is not taken for it: it removes an item
			// with records on it.
			return Reply{}, usageErr("Only `confirm` may follow the item's number: did you mean `/agenda remove%s %s confirm`?", agendaDateWord(in, m), n)
		}
		return Reply{}, usageErr("Only `confirm` may follow the item's number: `/agenda remove%s %s`.", agendaDateWord(in, m), n)
	}
	items, it, err := s.standingItem(ctx, in, m, n)
	if err != nil {
		return Reply{}, err
	}
	number := it.Number
	if n, err = ParseItemNumber(number); err != nil {
		return Reply{}, badArgs(err)
	}
	// What the item has is read as it is removed, under the agenda's lock
	// (AgendaChange.Ask), not before: a declaration or report link made
	// on it while the removal waits its turn would otherwise go unasked.
	var records string
	ask := func(g AgendaGoing) error {
		records = ""
		for _, it := range g.Items {
			records = recordsText(it, g.Declarations, g.ReportLinks)
		}
		if records != "" && !confirmed {
			return userErr("Item %s has %s. Removing it keeps them on record, listed under the removed item in `/declare list`, `/report list` and the agenda. To remove it all the same: `/agenda remove%s %s confirm`.", number, records, agendaDateWord(in, m), number)
		}
		return nil
	}
	changes, note := closeGap(items, n)
	changes = append([]AgendaChange{{Remove: number, Ask: ask}}, changes...)
	err = s.changeAgenda(ctx, in, &m, changes)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, userErr("There is no item %s on the agenda for %s; `/agenda%s` shows it.", number, formatDay(m.StartsAt, c.Location()), agendaDateWord(in, m))
	}
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Removed item *%s* from the agenda for %s.", number, describeMeeting(m, c.Location()))
	if records != "" {
		text += " What it had — " + records + " — stays on record, listed under the removed item."
	}
	return s.afterAgendaChange(ctx, c, m, in.Request, text+note+subItemsLeft(items, n, agendaDateWord(in, m)))
}

// subItemsLeft says, for a heading removed (item 7), that the items
// numbered under it (7.1, 7a) stay, and how to remove or renumber them:
// the agenda would otherwise show them under the item before, with no
// word of why. "" when it has none.
func subItemsLeft(items []AgendaItem, removed ItemNumber, dateWord string) string {
	if removed.Sub > 0 || removed.Letter != 0 || removed.Section != 0 {
		return ""
	}
	var under []string
	for _, it := range items {
		if n, err := ParseItemNumber(it.Number); err == nil && n.Section == 0 && n.Top == removed.Top && (n.Sub > 0 || n.Letter != 0) {
			under = append(under, it.Number)
		}
	}
	if len(under) == 0 {
		return ""
	}
	return fmt.Sprintf(" %s %s, numbered under it, %s on the agenda: `/agenda remove%s %s` removes one, `/agenda move%s %s NEW-NUMBER` renumbers it.",
		plural(len(under), "Item", "Items"), joinAnd(under), plural(len(under), "stays", "stay"), dateWord, under[0], dateWord, under[0])
}

// editAgendaItem is `/agenda edit`: the item keeps its row, and with it
// its number and the declarations and report links that refer to it,
// where removing it and adding it again would leave them under the item
// removed.
func editAgendaItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.agendaMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if len(in.Args) == 0 {
		return Reply{}, usageErr("Say which item to change by its number, then its new title, its new presenter after an em dash, or both, e.g. `/agenda edit 7.5 SWACA — Neil Frackelton`.")
	}
	typed := strings.Join(in.Args, " ")
	var members []Member
	if strings.Contains(" "+strings.Join(strings.Fields(typed), " "), " - ") || strings.Contains(typed, "<@") {
		// A hyphen marks a presenter only before a member's name or a
		// name with its organisation (hyphenPresenter); a member
		// mentioned is named (mentionsNamed).
		if members, err = s.store.Members(ctx, c.ID); err != nil {
			return Reply{}, err
		}
	}
	e, err := parseItemEdit(typed, members)
	if nothing := (nothingToEdit{}); errors.As(err, &nothing) {
		nothing.day = agendaDateWord(in, m)
		err = nothing
	}
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if !e.KeepPresenter {
		if again, err := s.presenterByOneName(ctx, c, typed, e.Presenter, e.Organisation, &members); err != nil {
			return Reply{}, err
		} else if again != typed {
			if e, err = parseItemEdit(again, members); err != nil {
				return Reply{}, badArgs(err)
			}
		}
	}
	_, it, err := s.standingItem(ctx, in, m, e.Number)
	if err != nil {
		return Reply{}, err
	}
	next := it
	if !e.KeepTitle {
		next.Title = e.Title
	}
	if !e.KeepPresenter {
		next.Presenter, next.Organisation = e.Presenter, e.Organisation
	}
	if next.Title == it.Title && next.Presenter == it.Presenter && next.Organisation == it.Organisation {
		return Reply{}, userErr("Item %s already reads %s; nothing was changed.", it.Number, itemReads(it))
	}
	records, err := s.recordsOn(ctx, m, it.Number)
	if err != nil {
		return Reply{}, err
	}
	err = s.changeAgenda(ctx, in, &m, []AgendaChange{{Edit: &next}})
	if errors.Is(err, ErrNotFound) {
		// Removed or renumbered since it was read.
		return Reply{}, userErr("Item %s was changed by someone else just now; nothing was changed. See `/agenda%s`.", it.Number, agendaDateWord(in, m))
	}
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Item *%s* now reads %s (it read %s).", it.Number, itemReads(next), itemReads(it))
	if records != "" {
		verb := "stay"
		if strings.HasPrefix(records, "1 ") && !strings.Contains(records, ") and ") {
			verb = "stays"
		}
		text += " Its " + records + " " + verb + " with it."
	}
	return s.afterAgendaChange(ctx, c, m, in.Request, text)
}

// itemReads is an item's title and presenter as a reply shows them:
// "SWACA — _Kate Ellis (SWACA)_".
func itemReads(it AgendaItem) string {
	if who := presenterText(it); who != "" {
		return Escape(it.Title) + " — _" + who + "_"
	}
	return Escape(it.Title)
}

// standingItem is item n on m's agenda, with the items standing, found
// as declarations and reports find theirs: "7e" is item 7.5 where no
// item is numbered 7e.
func (s *Service) standingItem(ctx context.Context, in *Input, m Meeting, n ItemNumber) ([]AgendaItem, AgendaItem, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return nil, AgendaItem{}, err
	}
	it, ok := findItem(items, n.String())
	if !ok {
		return nil, AgendaItem{}, userErr("There is no item %s on the agenda for %s; `/agenda%s` shows it.", n, formatDay(m.StartsAt, in.Committee.Location()), agendaDateWord(in, m))
	}
	return items, it, nil
}

// closeGap keeps the numbering rule of keepClosingLast when top-level item
// removed goes: when it was the last before Date of Next Meeting, and no
// sub-item of it stands, Date of Next Meeting moves back into its number,
// so that removing what `/agenda add` added puts the agenda back as it
// was. Items numbered before it keep their numbers, as printed.
func closeGap(items []AgendaItem, removed ItemNumber) ([]AgendaChange, string) {
	if removed.Sub > 0 || removed.Letter != 0 || removed.Section != 0 {
		return nil, ""
	}
	closing, ok := closingItem(items)
	if !ok {
		return nil, ""
	}
	cn, _ := ParseItemNumber(closing.Number)
	if cn.Top != removed.Top+1 {
		return nil, ""
	}
	for _, it := range items {
		if n, err := ParseItemNumber(it.Number); err == nil && n.Section == 0 && n.Top == removed.Top && n != removed {
			return nil, ""
		}
	}
	to := strconv.Itoa(removed.Top)
	return []AgendaChange{{Move: closing.Number, To: to}}, fmt.Sprintf(" %s is now item %s.", Escape(closing.Title), to)
}

// recordsOn says what declarations of interest and report links stand for
// item number of m's agenda ("1 declaration of interest (Sue Holden) and
// 1 report link (Graeme Robson)"); "" when none do.
func (s *Service) recordsOn(ctx context.Context, m Meeting, number string) (string, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return "", err
	}
	var it AgendaItem
	for _, cur := range items {
		if cur.Number == number {
			it = cur
		}
	}
	if it.Number == "" {
		return "", nil
	}
	ds, err := s.store.Declarations(ctx, m.ID)
	if err != nil {
		return "", err
	}
	links, err := s.store.ReportLinks(ctx, m.ID)
	if err != nil {
		return "", err
	}
	return recordsText(it, ds, links), nil
}

// recordsText says which of ds and links stand for item it, as recordsOn.
func recordsText(it AgendaItem, ds []Declaration, links []ReportLink) string {
	var parts, names []string
	for _, d := range ds {
		if d.filed().on(it) {
			names = append(names, oneLine(d.Name)+", "+kindWord(d.Kind))
		}
	}
	if len(names) > 0 {
		parts = append(parts, fmt.Sprintf("%d %s (%s)", len(names), plural(len(names), "declaration of interest", "declarations of interest"), Escape(strings.Join(names, "; "))))
	}
	names = nil
	for _, l := range links {
		if l.filed().on(it) {
			names = append(names, oneLine(l.Name))
		}
	}
	if len(names) > 0 {
		parts = append(parts, fmt.Sprintf("%d %s (%s)", len(names), plural(len(names), "report link", "report links"), Escape(strings.Join(names, "; "))))
	}
	return strings.Join(parts, " and ")
}

func moveAgendaItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.agendaMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	args := in.Args
	if len(args) == 3 && strings.EqualFold(args[1], "to") {
		args = []string{args[0], args[2]}
	}
	if len(args) != 2 {
		return Reply{}, usageErr("Give the item's number and its new number, e.g. `/agenda move 7.5 7.6`.")
	}
	from, err := ParseItemNumber(args[0])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	to, err := ParseItemNumber(args[1])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	// Its new number is taken exactly as given.
	items, it, err := s.standingItem(ctx, in, m, from)
	if err != nil {
		return Reply{}, err
	}
	// "7e" to "7e" names item 7.5 twice: it is already there, not to be
	// renumbered 7e.
	if it.Number == to.String() || from == to {
		return Reply{}, userErr("%s is already numbered %s.", Escape(itemLabel(it)), it.Number)
	}
	err = s.changeAgenda(ctx, in, &m, []AgendaChange{{Move: it.Number, To: to.String()}})
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{}, userErr("There is no item %s on the agenda for %s; `/agenda%s` shows it.", from, formatDay(m.StartsAt, c.Location()), agendaDateWord(in, m))
	case errors.Is(err, ErrConflict):
		return Reply{}, userErr("There is already an item %s; move or remove it first.", to)
	case err != nil:
		return Reply{}, err
	}
	return s.afterAgendaChange(ctx, c, m, in.Request, fmt.Sprintf("Item %s is now item *%s*.%s", it.Number, to, movedPastNote(items, it, to)))
}

// movedPastNote warns when moving it to number to takes it past an item
// that divides the meeting: after Date of Next Meeting, which closes the
// business, or past the exclusion of the press and public, into the
// exempt part (Part II) or out of it. The move is the officer's to make
// (an item may be taken late, or in private): it is made, and the reply
// says plainly where it has put the item, which its new number alone
// does not.
func movedPastNote(items []AgendaItem, it AgendaItem, to ItemNumber) string {
	was, now := ItemKey(it.Number), to.Key()
	var notes []string
	closingPassed := false // said once, of the first item now after it
	for _, o := range items {
		n, err := ParseItemNumber(o.Number)
		if o.ID == it.ID || err != nil || n.Sub > 0 || n.Letter != 0 {
			continue
		}
		k := n.Key()
		after := now > k
		if after == (was > k) {
			continue
		}
		label := fmt.Sprintf("%s (item %s)", Escape(o.Title), o.Number)
		switch {
		case isClosing(o) && after:
			notes = append(notes, "It is now after "+label+".")
		case isClosing(it) && !after:
			if !closingPassed {
				notes = append(notes, fmt.Sprintf("%s is no longer the last item: %s comes after it.", Escape(it.Title), label))
			}
			closingPassed = true
		case isExclusion(o) && after:
			notes = append(notes, "It is now after "+label+", in Part II (exempt), taken with the press and public excluded.")
		case isExclusion(o):
			notes = append(notes, "It is now before "+label+", in Part I, taken in public.")
		}
	}
	if len(notes) == 0 {
		return ""
	}
	return " " + strings.Join(notes, " ")
}

// isExclusion reports whether it is the resolution to exclude the press
// and public that opens an agenda's exempt part: "Exclusion of the Press
// and Public", "Exclusion of the Public".
func isExclusion(it AgendaItem) bool {
	t := FoldName(it.Title)
	return strings.Contains(t, "exclusion of") && (strings.Contains(t, "public") || strings.Contains(t, "press"))
}

// afterAgendaChange answers with the agenda as it now stands. The change
// marked the posted agenda for an update as it was saved. The committee's
// Homes are refreshed: the reports presenters owe and officers' missing
// reports follow the agenda.
func (s *Service) afterAgendaChange(ctx context.Context, c Committee, m Meeting, r Request, text string) (Reply, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{Visibility: Private, Text: text}, nil
	}
	return Reply{Visibility: Private, Text: text, Sections: []Section{{Title: "Agenda", Text: itemLines(items, nil, false)}}}, nil
}

// AgendaChange is one change to a meeting's agenda: add an item, remove
// one by number, move one to another number, or change the title,
// presenter and organisation of the standing item whose ID Edit has.
type AgendaChange struct {
	Add  *AgendaItem
	Edit *AgendaItem
	// Once adds Add only if no item standing is the same item (SameItem),
	// as read under the lock that orders the agenda's changes: otherwise
	// the change fails with ErrConflict and nothing is changed.
	Once   bool
	Remove string
	// Ask, when not nil, is called with Remove before the item goes, in
	// the change's transaction and under the lock that orders changes to
	// the agenda, with the item (AgendaGoing.Items, the one standing with
	// that number) and the declarations of interest and report links
	// standing for the meeting: what is made on the item while the change
	// waits its turn is counted. An error from it is returned, and nothing
	// is changed. It reads nothing but what it is given.
	Ask  func(AgendaGoing) error
	Move string
	To   string
	// Urgent: the change is part of adding urgent business (an Add with
	// its Urgency, and the closing item moved on for it), which may be
	// made while the meeting sits, as long as it has not closed.
	Urgent bool
	// At is when the change was asked for, the time the history lists it
	// at; zero: the database's now.
	At time.Time
}

func containsItem(items []AgendaItem, id int64) bool {
	for _, it := range items {
		if it.ID == id {
			return true
		}
	}
	return false
}
