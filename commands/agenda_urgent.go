package commands

import (
	"context"
	"fmt"
	"strings"
)

// urgentHint is how an agenda change refused at the meeting in progress
// says that business not on its agenda comes in as urgent business.
const urgentHint = "An item not on the agenda that cannot wait is taken as urgent business: the chair or an officer adds it with `/agenda urgent TITLE because REASON`"

// UrgencySentence is what the minutes say of an item taken as urgent
// business: English local government requires them to give the reason
// the chair agreed it could not wait (Local Government Act 1972, section
// 100B(4)(b)).
func UrgencySentence(reason string) string {
	reason = strings.TrimRight(strings.TrimSpace(reason), ".")
	return "The Chair agreed to consider the following item as a matter of urgency, in accordance with Section 100B(4)(b) of the Local Government Act 1972, because " + reason + "."
}

// addUrgentItem is `/agenda urgent TITLE [— PRESENTER] because REASON`:
// an item of urgent business added to the meeting in progress, or to the
// day's meeting before it opens, after the last item (before Date of Next
// Meeting, which stays last). It is then an item like any other: taken
// up, declared in, resolved and minuted.
func addUrgentItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	typed := strings.Join(in.Args, " ")
	title, reason := cutBecause(typed)
	if strings.TrimSpace(title) == "" {
		return Reply{}, usageErr("Give the item's title and why it cannot wait: `/agenda urgent TITLE because REASON`.")
	}
	if reason == "" {
		short := Escape(truncateText(strings.TrimSpace(title), 80))
		return Reply{}, usageErr("Why can *%s* not wait for the next meeting? The minutes must give the reason the chair agreed to take it as urgent business: `/agenda urgent %s because REASON`.",
			short, short)
	}
	if len(reason) > MaxTitleLen*2 {
		return Reply{}, userErr("The reason is %d characters long; give it in %d or fewer.", len(reason), MaxTitleLen*2)
	}
	m, err := s.urgentMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	last := 0
	for _, it := range items {
		if n, err := ParseItemNumber(it.Number); err == nil && n.Section == 0 && n.Top > last {
			last = n.Top
		}
	}
	changes, at, _ := keepClosingLast(items, ItemNumber{Top: last + 1})
	if len(changes) > 0 {
		// Date of Next Meeting taken up or minuted already stays where
		// the meeting's log and its minute name it (a minute is filed by
		// its item's number): the urgent item comes after it.
		stays, err := s.itemUsedAtMeeting(ctx, c, m, changes[0].Move)
		if err != nil {
			return Reply{}, err
		}
		if stays {
			changes, at = nil, ItemNumber{Top: last + 1}
		}
	}
	number := at.String()
	it, _, err := s.parseItemOf(ctx, c, number+" "+strings.TrimSpace(title))
	if err != nil {
		return Reply{}, err
	}
	item := AgendaItem{MeetingID: m.ID, Number: number, Title: it.Title, Presenter: it.Presenter, Organisation: it.Organisation, Urgency: reason}
	if err := addedBefore(in, m, items, item); err != nil {
		return Reply{}, err
	}
	changes = append(changes, AgendaChange{Add: &item, Once: true})
	for i := range changes {
		changes[i].Urgent = true
	}
	in.agendaRefused = "urgent business is taken only while it sits, and nothing was added"
	in.agendaRunning = "its agenda changed as the item was being added, and nothing was added; see `/agenda` and try again"
	if err := s.addItem(ctx, in, &m, changes, item, "The agenda was changed by someone else just now, and nothing was added; see `/agenda` and try again."); err != nil {
		return Reply{}, err
	}
	reply := fmt.Sprintf("Added item *%s* %s to the agenda for %s as urgent business, because %s.",
		number, Escape(it.Title), describeMeeting(m, c.Location()), Escape(strings.TrimRight(reason, ".")))
	if len(changes) > 1 {
		reply += fmt.Sprintf(" %s is now item %s.", Escape(changes[0].Move), changes[0].To)
		for _, cur := range items {
			if cur.Number == changes[0].Move {
				reply = strings.Replace(reply, " "+Escape(changes[0].Move)+" is now", " "+Escape(cur.Title)+" is now", 1)
			}
		}
	}
	reply += fmt.Sprintf(" Take it up with `/meeting item %s`; the draft minutes give the reason for the urgency.", number)
	return s.afterAgendaChange(ctx, c, m, in.Request, reply)
}

// itemUsedAtMeeting reports whether meeting m has taken up the item
// numbered number, or recorded a minute under it: either names the item
// by that number, so the item keeps it.
func (s *Service) itemUsedAtMeeting(ctx context.Context, c Committee, m Meeting, number string) (bool, error) {
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return false, err
	}
	for _, e := range events {
		if e.Action == ActionItem && e.Item == number {
			return true, nil
		}
	}
	ms, err := s.store.MinutesOn(ctx, c.ID, DateOf(m.StartsAt, c.Location()))
	if err != nil {
		return false, err
	}
	for _, mi := range ms {
		if mi.MeetingID == m.ID && mi.Item == number {
			return true, nil
		}
	}
	return false, nil
}

// cutBecause splits "TITLE because REASON" at its first "because".
func cutBecause(typed string) (title, reason string) {
	lower := strings.ToLower(typed)
	i := strings.Index(lower, " because ")
	if i < 0 {
		if strings.HasPrefix(lower, "because ") {
			return "", strings.TrimSpace(typed[len("because "):])
		}
		return strings.TrimSuffix(strings.TrimSpace(typed), " because"), ""
	}
	return typed[:i], strings.TrimSpace(typed[i+len(" because "):])
}

// urgentMeeting is the meeting urgent business is added to: the one in
// progress, or one of today's not yet opened, even past its advertised
// start (a meeting often opens late). Business for a later meeting is no
// longer urgent: it goes on that meeting's agenda.
func (s *Service) urgentMeeting(ctx context.Context, in *Input) (Meeting, error) {
	c := in.Committee
	loc := c.Location()
	if m, running, err := s.runningAtTable(ctx, c, in.Table, Date{}, in.Now); err != nil || running {
		return m, err
	}
	from := DateOf(in.Now, loc).Start(loc)
	ms, err := s.store.Meetings(ctx, c.ID, from, from.AddDate(0, 0, 1))
	if err != nil {
		return Meeting{}, err
	}
	var closed error
	for _, m := range ms {
		if m.Status == MeetingCancelled {
			continue
		}
		// The day's meeting, closed already, has taken place.
		if closed = s.notUnderWay(ctx, c, m, "urgent business is taken only while it sits, and nothing was added"); closed == nil {
			return m, nil
		}
	}
	if closed != nil {
		return Meeting{}, closed
	}
	msg := fmt.Sprintf("No meeting of %s is in progress or due today, and nothing was added: urgent business is taken at the meeting in progress, or added on its day before it opens.", Escape(c.Name))
	if in.Next != nil {
		msg += fmt.Sprintf(" The next meeting is on %s; add the item to its agenda with `/agenda add NUMBER TITLE`.", formatDay(in.Next.StartsAt, loc))
	}
	return Meeting{}, userErr("%s", msg)
}

// urgentHomePart shows, on a committee's card, the urgent business added
// to the meeting in progress, or to the next when it is today: it is on
// no agenda the members were sent, so they learn of it here.
func urgentHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	var items []AgendaItem
	switch loc := in.Committee.Location(); {
	case in.Running != nil:
		var err error
		if items, err = s.store.AgendaItems(ctx, in.Running.ID); err != nil {
			return err
		}
	case in.Next != nil && DateOf(in.Next.StartsAt, loc) == DateOf(in.Now, loc):
		items = in.Items
	}
	var lines []string
	for _, it := range items {
		if it.Urgency != "" {
			lines = append(lines, fmt.Sprintf("• Item %s %s — taken as urgent business because %s.",
				it.Number, Escape(truncateText(it.Title, 80)), Escape(truncateText(strings.TrimRight(it.Urgency, "."), 160))))
		}
	}
	if len(lines) > 0 {
		card.Sections = append(card.Sections, Section{Title: "Urgent business", Text: strings.Join(lines, "\n")})
	}
	return nil
}
