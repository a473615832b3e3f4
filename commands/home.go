package commands

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Home is what one person sees on Quorum's Home tab: each of their
// committees with its next meeting, their apologies, and for officers what
// is still missing. It is built fresh from the records each time.
type Home struct {
	UserID string
	// Intro is the line at the top; it says what to do when the person is
	// in no committee.
	Intro string
	// Cards are the committees shown in full, soonest meeting first.
	Cards []HomeCard
	// More summarises, one line each, the committees beyond MaxHomeCards.
	More []string
}

// HomeCard is one committee on a Home.
type HomeCard struct {
	CommitteeID int64
	Title       string // the committee's name, escaped
	// Text is the member's role and the next meeting: date, time, venue.
	Text string
	// CalendarPath is the committee's meeting feed on Quorum's HTTP server
	// ("/calendar/{committee}.ics"); the transport makes it a link when it
	// knows its public address. Empty when there is nothing to subscribe to.
	CalendarPath string
	// Sections are the card's parts in homeParts order: "Your apologies",
	// "For officers", …
	Sections []Section
	Buttons  []Button
	// Summary is the card in one line, for when there is no room for more.
	Summary string
}

// MaxHomeCards is how many committees a Home shows in full; the rest are
// summarised one line each, so that a member of many committees stays
// within Slack's 100 blocks a Home tab.
const MaxHomeCards = 10

// maxHomeMore bounds the one-line summaries.
const maxHomeMore = 200

// homeInput is what a part of a card is made from.
type homeInput struct {
	UserID    string // whose Home it is
	Committee Committee
	Member    Member
	Next      *Meeting // nil when none is scheduled
	Apology   *Apology // the member's apology standing for Next
	Now       time.Time
	// Next's papers, read only for the committees shown in full:
	Items        []AgendaItem  // its agenda
	Reports      []ReportLink  // the report links standing for it
	Declarations []Declaration // the member's declarations standing for it
	AgendaPosted bool          // its agenda is posted, or queued for posting, in the channel
	// Received are everyone's declarations standing for it, read only
	// for those who see what the meeting has received: the officers, the
	// chair and the vice-chair.
	Received []Declaration
	// Changes are the member's latest changes to their own records in the
	// committee, newest first.
	Changes []Change
	// SubstituteFor are the apologies standing for Next that name the
	// member as substitute.
	SubstituteFor []Apology
	// Substitute: the person is no member of the committee, and is on
	// its card only as a substitute at Next (Member is then empty).
	Substitute bool
	// Running is the committee's meeting in progress, nil when none is:
	// Next is then the one after it, which the commands the card gives
	// name with `next` (without it they would be the running meeting's).
	Running *Meeting
	// Waits says that, with none in progress, Next is today's meeting,
	// begun by the clock and waiting to be opened (waitingToOpen): the
	// members are at its table, and what they send without a date is for
	// it (inFront), apologies among them until it is opened. After is
	// then the meeting after it, nil when none is scheduled.
	Waits bool
	After *Meeting
}

// next is what the card's commands for Next say before their other
// words: "next " while a meeting is in progress, whose they would
// otherwise be.
func (in homeInput) next() string {
	if in.Running != nil {
		return "next "
	}
	return ""
}

// which is how the card's sections name Next: "today's meeting" while it
// waits to be opened, which "the next meeting" would not be taken for.
func (in homeInput) which() string {
	if in.Waits {
		return "today's meeting"
	}
	return "the next meeting"
}

// maxHomeLines bounds the lines of a list on a card (declarations, reports
// owed, reports missing); the rest are counted, with the command that
// lists them all.
const maxHomeLines = 5

// homePart adds sections and buttons to a committee's card on the Home tab.
type homePart func(ctx context.Context, s *Service, in homeInput, card *HomeCard) error

// homeParts lists the parts of every card, in the order shown. A noun
// that belongs on the Home adds its part here.
func homeParts() []homePart {
	return []homePart{meetingHomePart, urgentHomePart, apologiesHomePart, substituteHomePart, declarationsHomePart, reportsOwedHomePart, officerHomePart, deferredHomePart, officerRecordsHomePart, officerRegisterHomePart, chairHomePart, historyHomePart, correctionsHomePart, interestsHomePart, giftsHomePart, actionsHomePart}
}

// HomeOpened records that userID has opened their Home in teamID: from now
// on a change to the records behind it queues it for publishing again. A
// notice is the outcome of a button pressed there: every Home published in
// the next HomeNoticeFor shows it, whichever replica publishes it, so a
// refresh the press itself queued cannot hide it.
func (s *Service) HomeOpened(ctx context.Context, teamID, userID string, now time.Time, notice string) error {
	return s.store.HomeOpened(ctx, teamID, userID, now, notice)
}

// MarkDayHomes marks for publishing again the Homes that turn with the
// day, between since and now, with nothing recorded to mark them:
//   - the vice-chair's, which offers `/minutes approve` only while a
//     meeting the chair sent apologies for is held today (see
//     recordsLines), so at its advertised start and the midnight after it;
//   - at the advertised start of a meeting not opened in Quorum, the
//     Homes that showed it as the next meeting (NextMeetings reads those
//     not yet begun): its members' and the substitutes its apologies
//     name; and those of the substitutes named at the one after, whose
//     card appears. Opening a meeting marks those Homes as it is
//     recorded. Its members' again when, never opened, it stops waiting
//     to be opened (awaitingOpening), at the midnight after its start or
//     twelve hours after it, whichever comes first: their Homes show it
//     as today's meeting until then (homeWaiting);
//   - at the midnight after an open action's due day, when it turns
//     overdue (isOverdue), its owner's Home and those that count the
//     overdue: the officers', the chair's and the vice-chair's; and the
//     agendas posted for the committee's meetings to come, which list
//     it (actionsSection).
//
// The reminders' loop calls it on each tick; a Home opened is rebuilt in
// any case.
func (s *Service) MarkDayHomes(ctx context.Context, since, now time.Time) (int, error) {
	if !since.Before(now) {
		return 0, nil
	}
	return s.store.MarkDayHomes(ctx, since, now)
}

// dayHomesLookBack bounds how far a reminders' loop starting again looks
// back for Homes that turned: a Home left open longer than this is out of
// date whatever is marked, and one opened is rebuilt in any case.
const dayHomesLookBack = 7 * 24 * time.Hour

// dayHomesFrom is where a reminders' loop starting at now begins marking
// the Homes that turn with the day: where the marking left off (see
// HomeStore.DayHomesMarked), at most dayHomesLookBack before now; one tick
// back if nothing was ever marked or that cannot be read.
func (s *Service) dayHomesFrom(ctx context.Context, now time.Time, tick time.Duration) time.Time {
	from := now.Add(-tick)
	if marked, err := s.store.DayHomesMarked(ctx); err == nil && !marked.IsZero() {
		from = marked
		if earliest := now.Add(-dayHomesLookBack); from.Before(earliest) {
			from = earliest
		}
	}
	return from
}

// HomeNoticeFor is how long a Home keeps showing the outcome of a button.
const HomeNoticeFor = time.Minute

// HomeNotice is the notice userID's Home shows at now (see HomeOpened).
func (s *Service) HomeNotice(ctx context.Context, teamID, userID string, now time.Time) (string, error) {
	return s.store.HomeNotice(ctx, teamID, userID, now.Add(-HomeNoticeFor))
}

// PublishingHome runs publish holding the lock on userID's Home: a Home
// is built from the records and published by one worker at a time,
// whichever replica and whichever path (the outbox, or a person opening
// their Home or pressing a button on it), so that one built from older
// records never lands after one built from newer.
//
// What publish returns comes back as it is (a Slack error stays one, for
// the outbox to judge), not as the lock's.
func (s *Service) PublishingHome(ctx context.Context, teamID, userID string, publish func() error) error {
	var published error
	err := s.store.WithHomeLock(ctx, teamID, userID, func() error {
		published = publish()
		return nil
	})
	if published != nil {
		return published
	}
	return err
}

// Home builds userID's Home tab in team teamID at time now.
func (s *Service) Home(ctx context.Context, teamID, userID string, now time.Time) (Home, error) {
	h := Home{UserID: userID}
	ms, err := s.store.Memberships(ctx, teamID, userID)
	if err != nil {
		return Home{}, err
	}
	// Someone who is no member, named as a substitute, has nowhere else
	// to learn that they are expected: their Home shows those committees
	// too (see substituteHomePart).
	subs, err := s.store.SubstituteCommittees(ctx, teamID, userID, now)
	if err != nil {
		return Home{}, err
	}
	if len(ms) == 0 && len(subs) == 0 {
		h.Intro = notMemberIntro
		return h, nil
	}
	ids := make([]int64, 0, len(ms)+len(subs))
	for _, m := range ms {
		ids = append(ids, m.Committee.ID)
	}
	for _, c := range subs {
		ids = append(ids, c.ID)
	}
	meetings, err := s.store.NextMeetings(ctx, ids, now)
	if err != nil {
		return Home{}, err
	}
	next := map[int64]*Meeting{}
	for i := range meetings {
		next[meetings[i].CommitteeID] = &meetings[i]
	}
	// Only the member's committees: someone who is no member is shown a
	// committee for the meeting they are named at (see below), which
	// today's would hide.
	committees := make([]Committee, 0, len(ms))
	for _, m := range ms {
		committees = append(committees, m.Committee)
	}
	after, err := s.homeWaiting(ctx, committees, next, now)
	if err != nil {
		return Home{}, err
	}
	// Someone who is no member is shown today's meeting waiting to be
	// opened when it names them, as the member who named them is: they
	// are expected at it. Named at the one after it alone, their card is
	// of that one.
	subNext := maps.Clone(next)
	subAfter, err := s.homeWaiting(ctx, subs, subNext, now)
	if err != nil {
		return Home{}, err
	}
	if len(subAfter) > 0 {
		waiting := make([]int64, 0, len(subAfter))
		for id := range subAfter {
			waiting = append(waiting, subNext[id].ID)
		}
		named, err := s.substituteFor(ctx, userID, waiting)
		if err != nil {
			return Home{}, err
		}
		for id, a := range subAfter {
			if w := subNext[id]; len(named[w.ID]) > 0 {
				next[id], after[id] = w, a
			}
		}
	}
	meetingIDs := make([]int64, 0, len(next))
	for _, m := range next {
		meetingIDs = append(meetingIDs, m.ID)
	}
	mine := map[int64]*Apology{}
	if len(meetingIDs) > 0 {
		as, err := s.store.MemberApologies(ctx, userID, meetingIDs)
		if err != nil {
			return Home{}, err
		}
		for i := range as {
			mine[as[i].MeetingID] = &as[i]
		}
	}
	subFor, err := s.substituteFor(ctx, userID, meetingIDs)
	if err != nil {
		return Home{}, err
	}
	// Named at the meeting under way, they are expected now (see
	// meetingHomePart).
	underWay := map[int64]bool{}
	if len(subs) > 0 {
		subIDs := make([]int64, len(subs))
		for i, c := range subs {
			subIDs[i] = c.ID
		}
		running, err := s.store.RunningMeetings(ctx, subIDs)
		if err != nil {
			return Home{}, err
		}
		runningIDs := make([]int64, len(running))
		for i, m := range running {
			runningIDs[i] = m.ID
		}
		named, err := s.substituteFor(ctx, userID, runningIDs)
		if err != nil {
			return Home{}, err
		}
		for _, m := range running {
			if len(named[m.ID]) > 0 {
				underWay[m.CommitteeID] = true
			}
		}
	}
	// Named for a later meeting only, they are not yet expected: the
	// card, like a member's Substituting, is of the next meeting.
	nMember, nSub := len(ms), 0
	substitute := map[int64]bool{}
	for _, c := range subs {
		if n := next[c.ID]; n != nil && len(subFor[n.ID]) > 0 || underWay[c.ID] {
			ms = append(ms, Membership{Committee: c})
			substitute[c.ID] = true
			nSub++
		}
	}
	if len(ms) == 0 {
		h.Intro = notMemberIntro
		return h, nil
	}
	// Soonest meeting first; committees with none scheduled last, by name.
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := next[ms[i].Committee.ID], next[ms[j].Committee.ID]
		switch {
		case a != nil && b != nil:
			return a.StartsAt.Before(b.StartsAt)
		case a != nil || b != nil:
			return a != nil
		}
		return false
	})
	at := "the next meeting"
	for id := range substitute {
		if _, waits := after[id]; underWay[id] || waits {
			// The card shows the meeting in progress above the next, or
			// today's waiting to be opened.
			at = "a meeting"
		}
	}
	switch {
	case nSub == 0:
		h.Intro = fmt.Sprintf("You are a member of %d %s.", nMember, plural(nMember, "committee", "committees"))
	case nMember == 0:
		h.Intro = fmt.Sprintf("You are named as a substitute at %s of %d %s.", at, nSub, plural(nSub, "committee", "committees"))
	default:
		h.Intro = fmt.Sprintf("You are a member of %d %s, and named as a substitute at %s of %d more.", nMember, plural(nMember, "committee", "committees"), at, nSub)
	}
	papers, err := s.homePapers(ctx, userID, ms[:min(len(ms), MaxHomeCards)], next)
	if err != nil {
		return Home{}, err
	}
	shown := make([]int64, 0, min(len(ms), MaxHomeCards))
	for _, m := range ms[:min(len(ms), MaxHomeCards)] {
		shown = append(shown, m.Committee.ID)
	}
	changes, err := s.store.MemberHistory(ctx, userID, shown, now.Add(-homeChangesFor), maxHomeChanges)
	if err != nil {
		return Home{}, err
	}
	for i, m := range ms {
		in := homeInput{UserID: userID, Committee: m.Committee, Member: m.Member, Next: next[m.Committee.ID], Now: now, Substitute: substitute[m.Committee.ID]}
		if a, ok := after[m.Committee.ID]; ok {
			in.Waits, in.After = true, a
		}
		for _, ch := range changes {
			if ch.CommitteeID == m.Committee.ID {
				in.Changes = append(in.Changes, ch)
			}
		}
		if in.Next != nil {
			in.Apology, in.SubstituteFor = mine[in.Next.ID], subFor[in.Next.ID]
			if p := papers[in.Next.ID]; p != nil {
				in.Items, in.Reports, in.Declarations, in.AgendaPosted, in.Received = p.Items, p.Reports, p.Declarations, p.AgendaPosted, p.Received
			}
		}
		if i >= MaxHomeCards {
			if len(h.More) < maxHomeMore {
				h.More = append(h.More, homeSummary(in))
			}
			continue
		}
		card, err := s.homeCard(ctx, in)
		if err != nil {
			return Home{}, err
		}
		h.Cards = append(h.Cards, card)
	}
	if hidden := len(ms) - MaxHomeCards - len(h.More); hidden > 0 {
		h.More = append(h.More, fmt.Sprintf("… and %d more.", hidden))
	}
	return h, nil
}

// homeWaiting puts in next, for each of committees with no meeting in
// progress whose meeting today has begun by the clock and waits to be
// opened (waitingToOpen), that meeting in place of the one after it,
// which it returns by committee (nil where none is scheduled). A member
// pressing Send apologies at 10:05 means today's meeting, as
// `/apologies` without a date does: the Home shows it, and its buttons
// act on it.
func (s *Service) homeWaiting(ctx context.Context, committees []Committee, next map[int64]*Meeting, now time.Time) (map[int64]*Meeting, error) {
	after := map[int64]*Meeting{}
	if len(committees) == 0 {
		return after, nil
	}
	ids := make([]int64, len(committees))
	for i, c := range committees {
		ids[i] = c.ID
	}
	running, err := s.store.RunningMeetings(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, c := range committees {
		if slices.ContainsFunc(running, func(m Meeting) bool { return m.CommitteeID == c.ID }) {
			continue
		}
		m, ok, err := s.waitingToOpen(ctx, c, now)
		if err != nil {
			return nil, err
		}
		if ok {
			after[c.ID] = next[c.ID]
			next[c.ID] = &m
		}
	}
	return after, nil
}

// notMemberIntro is the Home of someone in no committee, and named as
// substitute at none.
// Not "yet": it is also the Home of someone removed from their last.
const notMemberIntro = "You are not a member of any committee. An officer adds members with `/committee member add @you ORGANISATION` in the committee's channel."

// homeInput's papers of one meeting.
type homePapers struct {
	Items        []AgendaItem
	Reports      []ReportLink
	Declarations []Declaration
	AgendaPosted bool
	Received     []Declaration
}

// homePapers reads the papers of the next meetings of the committees ms
// (those shown in full), for userID, in a few queries whatever their number.
func (s *Service) homePapers(ctx context.Context, userID string, ms []Membership, next map[int64]*Meeting) (map[int64]*homePapers, error) {
	out := map[int64]*homePapers{}
	var ids []int64
	var keys []string
	var overseen []int64
	for _, m := range ms {
		n := next[m.Committee.ID]
		if n == nil {
			continue
		}
		out[n.ID] = &homePapers{}
		ids = append(ids, n.ID)
		if m.Member.IsOfficer() || m.Member.Presides() {
			keys = append(keys, agendaKey(n.ID))
			overseen = append(overseen, n.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	items, err := s.store.AgendaItemsFor(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		if p := out[it.MeetingID]; p != nil {
			p.Items = append(p.Items, it)
		}
	}
	for _, p := range out {
		SortItems(p.Items)
	}
	reports, err := s.store.ReportLinksFor(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		if p := out[r.MeetingID]; p != nil {
			p.Reports = append(p.Reports, r)
		}
	}
	ds, err := s.store.MemberDeclarations(ctx, userID, ids)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		if p := out[d.MeetingID]; p != nil {
			p.Declarations = append(p.Declarations, d)
		}
	}
	// Everyone's declarations are read only for the meetings whose
	// officers' or chair's Home this is: a member's Home shows their own.
	received, err := s.store.MeetingsDeclarations(ctx, overseen)
	if err != nil {
		return nil, err
	}
	for _, d := range received {
		if p := out[d.MeetingID]; p != nil {
			p.Received = append(p.Received, d)
		}
	}
	if len(keys) > 0 {
		posted, err := s.store.PostedMessages(ctx, keys)
		if err != nil {
			return nil, err
		}
		isPosted := map[string]bool{}
		for _, k := range posted {
			isPosted[k] = true
		}
		for id, p := range out {
			p.AgendaPosted = isPosted[agendaKey(id)]
		}
	}
	return out, nil
}

func (s *Service) homeCard(ctx context.Context, in homeInput) (HomeCard, error) {
	c := in.Committee
	card := HomeCard{CommitteeID: c.ID, Title: Escape(c.Name), Summary: homeSummary(in)}
	role := "Member"
	switch {
	case in.Substitute:
		role = "Substitute"
	case in.Member.Role == RoleOfficer:
		role = "Officer"
	case in.Member.Role == RoleChair:
		role = "Chair"
	case in.Member.Role == RoleViceChair:
		role = "Vice-chair"
	}
	if in.Member.Organisation != "" {
		role += " for " + Escape(in.Member.Organisation)
	}
	running, err := s.store.RunningMeetings(ctx, []int64{c.ID})
	if err != nil {
		return HomeCard{}, err
	}
	if len(running) > 0 {
		in.Running = &running[len(running)-1]
	}
	switch {
	case in.Waits:
		// Past its start, today's meeting has not taken place until
		// someone opens it: the members are at its table, and it is
		// theirs to send apologies for until then.
		moved, err := s.movedFrom(ctx, *in.Next, c.Location())
		if err != nil {
			return HomeCard{}, err
		}
		card.Text = role + "\nToday's meeting: " + describeMeeting(*in.Next, c.Location()) + moved +
			"\nIt began by the clock and has not been opened yet"
		if in.Substitute {
			// Someone who is no member sends no apologies: they are
			// there for the member who did.
			card.Text += "."
		} else {
			card.Text += "; apologies can still be sent for it until it is."
		}
		if in.Member.IsOfficer() || in.Member.Presides() {
			// Those who run it can open it (the chair may be late).
			card.Text += " `/meeting start` in the channel opens it."
		}
		if in.After != nil {
			card.Text += "\nThe meeting after it: " + describeMeeting(*in.After, c.Location())
		} else {
			card.Text += "\nNo further meeting is scheduled."
		}
		card.CalendarPath = CalendarPath(c)
	case in.Next == nil && in.Running != nil:
		// Beside the meeting in progress "no meeting" would deny the one
		// in front of them.
		card.Text = role + "\nNo further meeting is scheduled."
	case in.Next == nil:
		card.Text = role + "\nNo meeting is scheduled."
	default:
		moved, err := s.movedFrom(ctx, *in.Next, c.Location())
		if err != nil {
			return HomeCard{}, err
		}
		card.Text = role + "\nNext meeting: " + describeMeeting(*in.Next, c.Location()) + moved
		card.CalendarPath = CalendarPath(c)
	}
	if in.Next == nil && in.Member.Role == RoleOfficer && !in.Substitute {
		// A committee just set up has nothing else on its card: an
		// officer is shown the way on rather than a dead end.
		card.Text += " `/meeting schedule DATE TIME [VENUE]` in the channel schedules one."
	}
	parts := homeParts()
	if in.Substitute {
		// No member: nothing else on a card is theirs to do.
		parts = []homePart{meetingHomePart, substituteHomePart}
	}
	for _, part := range parts {
		if err := part(ctx, s, in, &card); err != nil {
			return HomeCard{}, err
		}
	}
	return card, nil
}

// homeSummary is a committee in one line: "*Name* — Thursday 10 December
// 2026, 10:00 (apologies sent)".
func homeSummary(in homeInput) string {
	line := "*" + Escape(in.Committee.Name) + "* — "
	if in.Next == nil {
		return line + "no meeting scheduled"
	}
	line += meetingWhen(*in.Next, in.Committee.Location())
	if in.Substitute {
		line += " (substituting)"
	}
	if in.Apology != nil {
		line += " (apologies sent)"
	}
	return line
}

// apologiesHomePart says whether the member is expected at the next
// meeting, with a button to send or withdraw apologies.
func apologiesHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if in.Next == nil {
		return nil
	}
	if a := in.Apology; a != nil {
		text := "You have sent apologies for " + in.which() + "."
		if enteredFor(a.By, in.UserID) {
			// Sent by an officer or the chair, they are not the member's
			// doing: the member is told whose, as the history says.
			text = fmt.Sprintf("Apologies for %s are recorded for you, entered by %s.", in.which(), personText(a.By, ""))
		}
		if a.Reason != "" {
			text += "\nReason: " + Escape(oneLine(a.Reason))
		}
		if a.SubstituteID != "" {
			text += fmt.Sprintf("\nSubstitute: <@%s>", a.SubstituteID)
		} else if a.SubstituteName != "" {
			text += "\nSubstitute: " + Escape(a.SubstituteName)
		}
		if a.SubstituteMember {
			// As the note when they were named said, and the lists say.
			text += " — a member in their own right, who attends as themselves and cannot also stand in for you"
		}
		card.Sections = append(card.Sections, Section{Title: "Your apologies", Text: text})
		card.Buttons = append(card.Buttons, Button{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: shownValue(*in.Next), Style: "danger"})
		return nil
	}
	card.Sections = append(card.Sections, Section{Title: "Your apologies", Text: "None sent: you are expected at " + in.which() + ". `/apologies " + in.next() + "REASON` in the channel gives a reason or a substitute."})
	card.Buttons = append(card.Buttons, Button{Label: "Send apologies", Action: "apologies.send_next", Value: shownValue(*in.Next)})
	return nil
}

// substituteFor is, by meeting, the apologies standing for the meetings
// that name userID as substitute.
func (s *Service) substituteFor(ctx context.Context, userID string, meetingIDs []int64) (map[int64][]Apology, error) {
	out := map[int64][]Apology{}
	if len(meetingIDs) == 0 {
		return out, nil
	}
	as, err := s.store.SubstituteApologies(ctx, userID, meetingIDs)
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		out[a.MeetingID] = append(out[a.MeetingID], a)
	}
	return out, nil
}

// substituteHomePart tells a member, or someone who is no member, who has
// named them as substitute at the next meeting: they are the one to go,
// and would otherwise learn it only if the sender told them. A member
// is told too that, coming, they count once, as themselves. It shows
// nothing when no one has.
func substituteHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if in.Next == nil || len(in.SubstituteFor) == 0 {
		return nil
	}
	var names []string
	for _, a := range in.SubstituteFor {
		names = append(names, nameOf(a.Name, a.Organisation))
	}
	verb := "has"
	if len(names) > 1 {
		verb = "have"
	}
	text := fmt.Sprintf("%s %s named you as their substitute at %s.", joinAnd(names), verb, in.which())
	// As /apologies list says it: the substitute may hear of it from the
	// officer who entered it rather than from the member.
	if e := enteredSentence(in.SubstituteFor); e != "" {
		text += "\n" + e
	}
	if in.Apology != nil {
		// Not refused when sent: an apology is never lost. But whoever
		// counts on them should hear of it.
		text += "\nYou have sent apologies for it yourself: tell them, so that they can name someone else."
	} else if !in.Substitute {
		// A person counts once (see notTakenUp): a member who comes is
		// there in their own right, and would otherwise learn only when
		// pressing I'm here that the member who named them is not
		// represented.
		text += "\nYou are a member yourself: if you attend, you count once, in your own right, and cannot also stand in for them."
	}
	if in.Substitute {
		// No member, they are marked here only as that substitute, by
		// themselves or by the officer: say where.
		text += fmt.Sprintf("\nWhen it opens, press *I'm here* on its message in <#%s>, or type `/here` there.", in.Committee.ChannelID)
	}
	card.Sections = append(card.Sections, Section{Title: "Substituting", Text: text})
	return nil
}

// declarationsHomePart lists the member's declarations of interest for the
// next meeting, each with a button to withdraw it. It shows nothing when
// they have declared none.
func declarationsHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if in.Next == nil || len(in.Declarations) == 0 {
		return nil
	}
	var lines []string
	for i, d := range in.Declarations {
		if i == maxHomeLines {
			lines = append(lines, fmt.Sprintf("… and %d more: `/declare list%s` in the channel shows them all.", len(in.Declarations)-i, strings.TrimSuffix(" "+in.next(), " ")))
			break
		}
		lines = append(lines, declarationHomeLine(d, in.Items, in.UserID))
		if in.Waits {
			// A declaration is changed at the meeting once it is opened,
			// as `/declare withdraw` answers: a button would only be
			// refused.
			continue
		}
		// One button a declaration: each withdraws its own, and no other.
		// An item taken off the agenda may have had its number given to
		// another the member declared on too: the labels tell them apart.
		label := "Withdraw declaration " + d.filed().number()
		if d.filed().takenOff(in.Items) {
			label += " (removed)"
		}
		card.Buttons = append(card.Buttons, Button{Label: label, Action: "declare.withdraw", Value: withdrawValue(in.Next.ID, d.Item, d.ID), Style: "danger"})
	}
	card.Sections = append(card.Sections, Section{Title: "Your declarations", Text: strings.Join(lines, "\n")})
	return nil
}

// declarationHomeLine is userID's declaration d on their Home, its item
// named as items has it: the kind, the nature, whether they leave the
// room for it, and who entered it when they did not.
func declarationHomeLine(d Declaration, items []AgendaItem, userID string) string {
	label := d.filed().shortLabel(items, maxHomeTitle)
	line := fmt.Sprintf("• %s: %s — %s", Escape(label), kindName(d.Kind), Escape(truncateText(oneLine(d.Nature), 120)))
	switch {
	case d.Kind == InterestPecuniary && d.Dispensation:
		line += " _(you hold a dispensation)_"
	case d.Kind == InterestPecuniary && !d.filed().takenOff(items):
		line += " _(you must leave the room for this item unless you hold a dispensation)_"
	}
	if enteredFor(d.By, userID) {
		line += " _(entered by " + personText(d.By, "") + ")_"
	}
	return line
}

// enteredFor reports whether a record of userID's was last entered by
// someone else (by): an officer or the chair, for them. Imported records
// name no one.
func enteredFor(by, userID string) bool {
	return by != "" && by != userID && isUserID(by)
}

// kindName is a kind of interest as a label: "Disclosable pecuniary
// interest", "Other interest" (whose Phrase names no kind).
func kindName(k InterestKind) string {
	if k == InterestOther {
		return "Other interest"
	}
	p := strings.TrimPrefix(k.Phrase(), "a ")
	return capitalise(p)
}

// reportsOwed are the items of the agenda that mem presents (as presents
// says: see presentsOf) and has attached no report to.
func reportsOwed(mem Member, items []AgendaItem, reports []ReportLink, presents func(AgendaItem) (bool, error)) ([]AgendaItem, error) {
	var theirs []ReportLink
	for _, r := range reports {
		if r.UserID == mem.UserID {
			theirs = append(theirs, r)
		}
	}
	var out []AgendaItem
	for _, it := range MissingReports(items, theirs) {
		if ok, err := presents(it); err != nil {
			return nil, err
		} else if ok {
			out = append(out, it)
		}
	}
	return out, nil
}

// reportsOwedHomePart lists the items of the next meeting that the member
// presents and has not sent the report's link for.
func reportsOwedHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if in.Next == nil {
		return nil
	}
	owed, err := reportsOwed(in.Member, in.Items, in.Reports, s.presentsOf(ctx, in.Committee, in.Member))
	if err != nil || len(owed) == 0 {
		return err
	}
	var lines []string
	for i, it := range owed {
		if i == maxHomeLines {
			lines = append(lines, fmt.Sprintf("… and %d more.", len(owed)-i))
			break
		}
		line := "• Report owed for item " + it.Number
		if it.Title != "" {
			line += " (" + Escape(truncateText(bracketable(it.Title), 80)) + ")"
		}
		lines = append(lines, line)
	}
	send := fmt.Sprintf("Send each report's link with `/report %s%s URL` in <#%s>.", in.next(), owed[0].Number, in.Committee.ChannelID)
	if in.Waits {
		// As `/report` answers until the meeting is opened.
		send = "Once the meeting is opened, s" + strings.TrimPrefix(send, "S")
	}
	lines = append(lines, send)
	card.Sections = append(card.Sections, Section{Title: "Reports you owe", Text: strings.Join(lines, "\n")})
	return nil
}

// officerHomePart shows an officer what the next meeting is still missing:
// the apologies so far, the reports not yet in, and whether the agenda
// has been posted.
func officerHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if !in.Member.IsOfficer() || in.Next == nil {
		return nil
	}
	card.Sections = append(card.Sections, Section{Title: "For officers", Text: strings.Join(nextMeetingLines(in, true), "\n")})
	receivedSection(in, card)
	return nil
}

// nextMeetingLines are what in.Next is still missing, as officerHomePart
// says it; with the commands that put it right when officer, the reader
// being one who can use them.
func nextMeetingLines(in homeInput, officer bool) []string {
	next := strings.TrimSuffix(" "+in.next(), " ")
	lines := []string{fmt.Sprintf("%d %s received for %s (`/apologies list%s` in the channel).",
		in.Next.Apologies, plural(in.Next.Apologies, "apology", "apologies"), in.which(), next)}
	missing := MissingReports(in.Items, in.Reports)
	switch {
	case len(in.Items) == 0 && officer && !in.Waits:
		// Today's meeting, begun by the clock, takes no new items until
		// it is opened, as `/agenda add` answers.
		lines = append(lines, "The agenda has no items yet: `/agenda add"+next+"` or `/agenda import"+next+"` in the channel.")
	case len(in.Items) == 0:
		lines = append(lines, "The agenda has no items yet.")
	case len(missing) == 0:
		lines = append(lines, "Every item with a presenter has its report.")
	default:
		count := fmt.Sprintf("%d %s missing", len(missing), plural(len(missing), "report", "reports"))
		if officer {
			count += " (`/report missing" + next + "` in the channel)"
		}
		lines = append(lines, count+":")
		for i, it := range missing {
			if i == maxHomeLines {
				lines = append(lines, fmt.Sprintf("… and %d more.", len(missing)-i))
				break
			}
			lines = append(lines, fmt.Sprintf("• %s — _%s_", Escape(truncateText(itemLabel(it), 80)), presenterText(it)))
		}
	}
	switch {
	case in.AgendaPosted:
		lines = append(lines, "Agenda posted in the channel.")
	case officer && in.Waits:
		// As `/agenda post` answers until the meeting is opened.
		lines = append(lines, "Agenda not posted yet: once the meeting is opened, `/agenda post` in the channel posts it.")
	case officer:
		lines = append(lines, "Agenda not posted yet: `/agenda post"+next+"` in the channel posts it.")
	default:
		lines = append(lines, "Agenda not posted yet.")
	}
	return lines
}

// chairHomePart shows the chair and the vice-chair, who do not run the
// committee's business but preside over it, what the officers' Home
// shows of the next meeting and of the minutes and actions left over:
// read-only, with only the commands they can use themselves. An officer
// who is also the chair has the officers' sections already.
func chairHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if !in.Member.Presides() || in.Member.IsOfficer() {
		return nil
	}
	var lines []string
	if in.Next != nil {
		lines = nextMeetingLines(in, false)
	}
	records, err := s.recordsLines(ctx, in)
	if err != nil {
		return err
	}
	if lines = append(lines, records...); len(lines) > 0 {
		card.Sections = append(card.Sections, Section{Title: "For the chair", Text: strings.Join(lines, "\n")})
	}
	if in.Next != nil {
		receivedSection(in, card)
	}
	return nil
}

// maxHomeTitle bounds an item's title in a line of the Home naming the
// item a declaration is on.
const maxHomeTitle = 70

// maxHomeDeclarants bounds the people named on one item's line of
// receivedSection; the rest are counted.
const maxHomeDeclarants = 4

// receivedSection adds, for the officers and those who preside, the
// declarations of interest standing for the next meeting: one line an
// item, in agenda order, naming who declared what kind of interest and,
// for a pecuniary one, whether they hold a dispensation or withdraw for
// the item — which is who leaves the room, what the chair must know
// before the item is taken. Declarations on an item taken off the agenda
// come last, labelled as such: they are for the officer to withdraw or
// move. Nothing is shown when none stand.
func receivedSection(in homeInput, card *HomeCard) {
	if in.Next == nil || len(in.Received) == 0 {
		return
	}
	ds := slices.Clone(in.Received)
	sortDeclarations(ds, in.Items)
	type itemLine struct {
		label    string
		standing bool
		who      []string // in order of first declaration
		names    map[string]string
		kinds    map[string][]string
	}
	var lines []*itemLine
	byItem := map[string]*itemLine{}
	for _, d := range ds {
		f := d.filed()
		it, standing := f.place(in.Items)
		key := fmt.Sprintf("%d:%s", it.ID, it.Number)
		l := byItem[key]
		if l == nil {
			l = &itemLine{label: f.shortLabel(in.Items, maxHomeTitle), standing: standing, names: map[string]string{}, kinds: map[string][]string{}}
			byItem[key] = l
			lines = append(lines, l)
		}
		// Told apart as the records tell them: two people of one name
		// are two lines' worth, and one person's spellings one.
		who := d.UserID
		if who == "" {
			who = "name:" + d.Name
		}
		if _, ok := l.kinds[who]; !ok {
			l.who = append(l.who, who)
			l.names[who] = Escape(d.Name)
		}
		kind := kindWord(d.Kind)
		switch {
		case d.Kind == InterestPecuniary && d.Dispensation:
			kind += ", holds a dispensation"
		case d.Kind == InterestPecuniary && !f.takenOff(in.Items):
			kind += ", withdraws for the item"
		}
		if !slices.Contains(l.kinds[who], kind) {
			l.kinds[who] = append(l.kinds[who], kind)
		}
	}
	// The count heads a list of names, so it says how many people as well
	// as how many declarations: one member may declare several.
	people := map[string]bool{}
	for _, l := range lines {
		for _, who := range l.who {
			people[who] = true
		}
	}
	text := []string{fmt.Sprintf("%d %s by %d %s for %s (`/declare list %s` in the channel lists them):",
		len(ds), plural(len(ds), "interest declared", "interests declared"),
		len(people), plural(len(people), "member", "members"), in.which(),
		in.Next.StartsAt.In(in.Committee.Location()).Format("2006-01-02"))}
	for i, l := range lines {
		if i == maxHomeLines {
			more := fmt.Sprintf("… and %d more %s", len(lines)-i, plural(len(lines)-i, "item", "items"))
			removed := 0
			for _, rest := range lines[i:] {
				if !rest.standing {
					removed++
				}
			}
			if removed > 0 {
				more += fmt.Sprintf(", %d of them no longer on the agenda", removed)
			}
			text = append(text, more+".")
			break
		}
		var who []string
		for j, key := range l.who {
			if j == maxHomeDeclarants {
				who = append(who, fmt.Sprintf("and %d more", len(l.who)-j))
				break
			}
			who = append(who, l.names[key]+": "+strings.Join(l.kinds[key], "; "))
		}
		text = append(text, "• "+Escape(l.label)+" — "+strings.Join(who, " · "))
	}
	card.Sections = append(card.Sections, Section{Title: "Declarations of interest", Text: strings.Join(text, "\n")})
}

// buttonMeeting is meetingOfMember for the meeting a button's value (or a
// form's metadata) names; broken is the answer when it names none.
func (s *Service) buttonMeeting(ctx context.Context, r Request, value, broken string) (Committee, Member, Meeting, error) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 {
		return Committee{}, Member{}, Meeting{}, userErr("%s", broken)
	}
	return s.meetingOfMember(ctx, r, id)
}

// errNotYourMeeting refuses a button or form naming a meeting that does
// not exist, or is of a committee the sender is not on, in the same words:
// the ID is the sender's to change, and told apart the answers would say
// which meetings exist elsewhere.
var errNotYourMeeting = &UserError{Msg: "That meeting no longer exists, or you are not a member of its committee."}

// meetingOfMember finds meeting id and its committee, which r's sender must
// be a member of. Buttons carry the meeting, so that they work wherever
// they are pressed: in the committee's channel or on the Home tab.
func (s *Service) meetingOfMember(ctx context.Context, r Request, id int64) (Committee, Member, Meeting, error) {
	m, err := s.store.Meeting(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Committee{}, Member{}, Meeting{}, errNotYourMeeting
	}
	if err != nil {
		return Committee{}, Member{}, Meeting{}, err
	}
	ms, err := s.store.Memberships(ctx, r.TeamID, r.UserID)
	if err != nil {
		return Committee{}, Member{}, Meeting{}, err
	}
	for _, ship := range ms {
		if ship.Committee.ID == m.CommitteeID {
			return ship.Committee, ship.Member, m, nil
		}
	}
	return Committee{}, Member{}, Meeting{}, errNotYourMeeting
}
