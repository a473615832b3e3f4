package commands

import (
	"context"
	"errors"
	"fmt"
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
	Committee Committee
	Member    Member
	Next      *Meeting // nil when none is scheduled
	Apology   *Apology // the member's apology standing for Next
	Now       time.Time
}

// homePart adds sections and buttons to a committee's card on the Home tab.
type homePart func(ctx context.Context, s *Service, in homeInput, card *HomeCard) error

// homeParts lists the parts of every card, in the order shown. A noun
// that belongs on the Home (declarations, reports owed, whether the agenda
// is posted) adds its part here.
func homeParts() []homePart {
	return []homePart{apologiesHomePart, officerHomePart}
}

// Home builds userID's Home tab in team teamID at time now.
func (s *Service) Home(ctx context.Context, teamID, userID string, now time.Time) (Home, error) {
	h := Home{UserID: userID}
	ms, err := s.store.Memberships(ctx, teamID, userID)
	if err != nil {
		return Home{}, err
	}
	if len(ms) == 0 {
		h.Intro = "You are not a member of any committee yet. An officer adds members with `/committee member add @you ORGANISATION` in the committee's channel."
		return h, nil
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.Committee.ID
	}
	meetings, err := s.store.NextMeetings(ctx, ids, now)
	if err != nil {
		return Home{}, err
	}
	next := map[int64]*Meeting{}
	meetingIDs := make([]int64, 0, len(meetings))
	for i := range meetings {
		next[meetings[i].CommitteeID] = &meetings[i]
		meetingIDs = append(meetingIDs, meetings[i].ID)
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
	h.Intro = fmt.Sprintf("You are a member of %d %s.", len(ms), plural(len(ms), "committee", "committees"))
	for i, m := range ms {
		in := homeInput{Committee: m.Committee, Member: m.Member, Next: next[m.Committee.ID], Now: now}
		if in.Next != nil {
			in.Apology = mine[in.Next.ID]
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

func (s *Service) homeCard(ctx context.Context, in homeInput) (HomeCard, error) {
	c := in.Committee
	card := HomeCard{CommitteeID: c.ID, Title: Escape(c.Name), Summary: homeSummary(in)}
	role := "Member"
	switch in.Member.Role {
	case RoleOfficer:
		role = "Officer"
	case RoleChair:
		role = "Chair"
	}
	if in.Member.Organisation != "" {
		role += " for " + Escape(in.Member.Organisation)
	}
	if in.Next == nil {
		card.Text = role + "\nNo meeting is scheduled."
	} else {
		card.Text = role + "\nNext meeting: " + describeMeeting(*in.Next, c.Location())
		card.CalendarPath = CalendarPath(c)
	}
	for _, part := range homeParts() {
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
	line += formatWhen(in.Next.StartsAt, in.Committee.Location())
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
	id := strconv.FormatInt(in.Next.ID, 10)
	if a := in.Apology; a != nil {
		text := "You have sent apologies for the next meeting."
		if a.Reason != "" {
			text += "\nReason: " + Escape(a.Reason)
		}
		if a.SubstituteID != "" {
			text += fmt.Sprintf("\nSubstitute: <@%s>", a.SubstituteID)
		} else if a.SubstituteName != "" {
			text += "\nSubstitute: " + Escape(a.SubstituteName)
		}
		card.Sections = append(card.Sections, Section{Title: "Your apologies", Text: text})
		card.Buttons = append(card.Buttons, Button{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: id, Style: "danger"})
		return nil
	}
	card.Sections = append(card.Sections, Section{Title: "Your apologies", Text: "None sent: you are expected at the next meeting. `/apologies REASON` in the channel gives a reason or a substitute."})
	card.Buttons = append(card.Buttons, Button{Label: "Send apologies", Action: "apologies.send_next", Value: id})
	return nil
}

// officerHomePart shows an officer what the next meeting is still missing.
func officerHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if !in.Member.IsOfficer() || in.Next == nil {
		return nil
	}
	lines := []string{fmt.Sprintf("%d %s received for the next meeting (`/apologies list` in the channel).",
		in.Next.Apologies, plural(in.Next.Apologies, "apology", "apologies"))}
	card.Sections = append(card.Sections, Section{Title: "For officers", Text: strings.Join(lines, "\n")})
	return nil
}

// meetingOfMember finds meeting id and its committee, which r's sender must
// be a member of. Buttons carry the meeting, so that they work wherever
// they are pressed: in the committee's channel or on the Home tab.
func (s *Service) meetingOfMember(ctx context.Context, r Request, id int64) (Committee, Member, Meeting, error) {
	m, err := s.store.Meeting(ctx, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return Committee{}, Member{}, Meeting{}, userErr("That meeting no longer exists.")
		}
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
	return Committee{}, Member{}, Meeting{}, userErr("You are not a member of the committee that meets then.")
}

// sendNextApologyAction is the Home tab's "Send apologies" button: an
// apology without a reason for the meeting shown (the committee's next).
func sendNextApologyAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 {
		return Reply{}, userErr("That button is broken; use `/apologies` in the committee's channel.")
	}
	c, me, m, err := s.meetingOfMember(ctx, r, id)
	if err != nil {
		return Reply{}, err
	}
	if err := openMeeting(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	// Pressing twice, or after sending one with a reason, changes nothing.
	standing, err := s.store.MemberApologies(ctx, r.UserID, []int64{m.ID})
	if err != nil {
		return Reply{}, err
	}
	if len(standing) > 0 {
		return Reply{Visibility: Private, Text: fmt.Sprintf("You had already sent apologies for the meeting of *%s* on %s; nothing changed.", Escape(c.Name), describeMeeting(m, loc)),
			Refresh: []string{r.UserID}}, nil
	}
	if _, err := s.store.SendApology(ctx, Apology{MeetingID: m.ID, UserID: r.UserID, Name: me.Name, Organisation: me.Organisation, By: r.UserID}); err != nil {
		return Reply{}, err
	}
	return Reply{
		Visibility: Private,
		Text:       fmt.Sprintf("Your apologies for the meeting of *%s* on %s are recorded.", Escape(c.Name), describeMeeting(m, loc)) + refreshNote(s.refreshAgenda(ctx, c, m, r.Now)),
		Buttons:    []Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: strconv.FormatInt(m.ID, 10), Style: "danger"}},
		Refresh:    []string{r.UserID},
	}, nil
}
