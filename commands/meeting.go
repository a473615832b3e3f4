package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

func meetingCommand() *Command {
	return &Command{
		Name:    "/meeting",
		Summary: "Schedule, list and cancel the committee's meetings.",
		Usage: []string{
			"/meeting schedule DATE TIME [VENUE]",
			"/meeting list",
			"/meeting cancel DATE",
		},
		Examples: []string{
			"/meeting schedule 2026-12-10 10:00 Remote Meeting",
			"/meeting schedule 10/12/2026 10.00am Bootle Town Hall",
			"/meeting cancel 10 December",
		},
		Saves: "the change",
		Reads: []string{"list"},
		Run:   runMeeting,
	}
}

// MaxVenueLen bounds a venue's length.
const MaxVenueLen = 200

func runMeeting(ctx context.Context, s *Service, r Request, args []string) (Reply, error) {
	cmd := s.commands["/meeting"]
	if len(args) == 0 {
		return Help(cmd), nil
	}
	switch strings.ToLower(args[0]) {
	case "schedule":
		return s.scheduleMeeting(ctx, r, args[1:])
	case "list":
		return s.listMeetings(ctx, r)
	case "cancel":
		return s.cancelMeeting(ctx, r, args[1:])
	}
	return Reply{}, usageErr(cmd, "I don't know `%s`.", Escape(args[0]))
}

func (s *Service) scheduleMeeting(ctx context.Context, r Request, args []string) (Reply, error) {
	cmd := s.commands["/meeting"]
	c, err := s.committee(ctx, r)
	if err != nil {
		return Reply{}, err
	}
	if _, err := s.officer(ctx, c, r, "schedule meetings"); err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	d, n, err := takeDate(args, r.Now, loc)
	if err != nil {
		return Reply{}, usageErr(cmd, "%s.", capitalise(err.Error()))
	}
	if n == 0 || d.IsNext() {
		return Reply{}, usageErr(cmd, "Start with the meeting's date.")
	}
	clock, k, err := takeClock(args[n:])
	if err != nil {
		return Reply{}, usageErr(cmd, "%s.", capitalise(err.Error()))
	}
	if k == 0 {
		return Reply{}, usageErr(cmd, "Give the start time after the date, e.g. `10:00` or `2.30pm`.")
	}
	venue := strings.Join(args[n+k:], " ")
	if len(venue) > MaxVenueLen {
		return Reply{}, userErr("That venue is too long (the limit is %d characters).", MaxVenueLen)
	}
	starts := d.At(clock, loc)
	if !starts.After(r.Now) {
		return Reply{}, userErr("%s has already passed.", formatWhen(starts, loc))
	}
	m, err := s.store.ScheduleMeeting(ctx, Meeting{CommitteeID: c.ID, StartsAt: starts, Venue: venue, Status: MeetingScheduled}, r.UserID)
	if errors.Is(err, ErrConflict) {
		return Reply{}, userErr("%s already has a meeting at %s.", Escape(c.Name), formatWhen(starts, loc))
	}
	if err != nil {
		return Reply{}, err
	}
	return Reply{Visibility: Public, Text: fmt.Sprintf("*%s* will meet on %s. Members can send apologies with `/apologies`.",
		Escape(c.Name), describeMeeting(m, loc))}, nil
}

func (s *Service) listMeetings(ctx context.Context, r Request) (Reply, error) {
	c, err := s.committee(ctx, r)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	ms, err := s.store.Meetings(ctx, c.ID, r.Now, r.Now.AddDate(10, 0, 0))
	if err != nil {
		return Reply{}, err
	}
	if len(ms) == 0 {
		return private("No meetings of %s are scheduled. An officer can schedule one with `/meeting schedule DATE TIME [VENUE]`.", Escape(c.Name)), nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Meetings of *%s* (times are %s):\n", Escape(c.Name), loc)
	for _, m := range ms {
		if m.Status == MeetingCancelled {
			fmt.Fprintf(&b, "• ~%s~ — cancelled\n", describeMeeting(m, loc))
			continue
		}
		fmt.Fprintf(&b, "• %s — %d %s\n", describeMeeting(m, loc), m.Apologies, plural(m.Apologies, "apology", "apologies"))
	}
	return private("%s", strings.TrimRight(b.String(), "\n")), nil
}

func (s *Service) cancelMeeting(ctx context.Context, r Request, args []string) (Reply, error) {
	cmd := s.commands["/meeting"]
	c, err := s.committee(ctx, r)
	if err != nil {
		return Reply{}, err
	}
	if _, err := s.officer(ctx, c, r, "cancel meetings"); err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	d, n, err := takeDate(args, r.Now, loc)
	if err != nil {
		return Reply{}, usageErr(cmd, "%s.", capitalise(err.Error()))
	}
	if n == 0 || n != len(args) {
		return Reply{}, usageErr(cmd, "Say which meeting to cancel by its date.")
	}
	m, err := s.meetingFor(ctx, c, d, r.Now)
	if err != nil {
		return Reply{}, err
	}
	if err := openMeeting(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	if err := s.store.SetMeetingStatus(ctx, m.ID, MeetingCancelled, r.UserID); err != nil {
		return Reply{}, err
	}
	return Reply{Visibility: Public, Text: fmt.Sprintf("The meeting of *%s* on %s is cancelled.", Escape(c.Name), describeMeeting(m, loc))}, nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
