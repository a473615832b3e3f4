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
		Saves:   "the change",
		Subs: []Sub{{
			Name:    "schedule",
			Usage:   []string{"/meeting schedule DATE TIME [VENUE]"},
			Summary: "Schedule a meeting; it starts with the standard agenda items.",
			Examples: []string{
				"/meeting schedule 2026-12-10 10:00 Remote Meeting",
				"/meeting schedule 10/12/2026 10.00am Bootle Town Hall",
			},
			Who: Officers, Doing: "schedule meetings", Run: scheduleMeeting,
		}, {
			Name:    "list",
			Usage:   []string{"/meeting list"},
			Summary: "The meetings to come, with their apologies, and the calendar feed.",
			Read:    true, Run: listMeetings,
		}, {
			Name:     "cancel",
			Usage:    []string{"/meeting cancel DATE"},
			Summary:  "Cancel a meeting; a posted agenda is marked cancelled.",
			Examples: []string{"/meeting cancel 10 December"},
			Who:      Officers, Doing: "cancel meetings", Run: cancelMeeting,
		}, {
			Name: "reminders", Aliases: []string{"reminder"}, Alone: true,
			Usage:   []string{"/meeting reminders"},
			Summary: "When reminders go to the channel before each meeting.",
			Read:    true, Run: showReminders,
		}, {
			Name: "reminders", Aliases: []string{"reminder"},
			Usage:    []string{"/meeting reminders DAYS TIME|off"},
			Summary:  "Set the days before each meeting, and the time, that reminders go; or turn them off.",
			Examples: []string{"/meeting reminders 7,1 09:00", "/meeting reminders off"},
			Who:      Officers, Doing: "change reminders", Run: setReminders,
		}},
	}
}

// MaxVenueLen bounds a venue's length.
const MaxVenueLen = 200

func scheduleMeeting(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r, args := in.Committee, in.Request, in.Args
	loc := c.Location()
	d, n, err := in.takeDate()
	if err != nil {
		return Reply{}, err
	}
	if n == 0 || d.IsNext() {
		return Reply{}, usageErr("Start with the meeting's date.")
	}
	clock, k, err := takeClock(args[n:])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if k == 0 {
		return Reply{}, usageErr("Give the start time after the date, e.g. `10:00` or `2.30pm`.")
	}
	venue := plain(args[n+k:])
	if len(venue) > MaxVenueLen {
		return Reply{}, userErr("That venue is too long (the limit is %d characters).", MaxVenueLen)
	}
	starts := d.At(clock, loc)
	if got := starts.In(loc); got.Hour() != clock.Hour || got.Minute() != clock.Minute {
		return Reply{}, userErr("There is no %s on %s: the clocks go forward that night. Choose another time.", clock, d)
	}
	if !starts.After(r.Now) {
		return Reply{}, userErr("%s has already passed.", formatWhen(starts, loc))
	}
	// Commands name meetings by their day, so a committee meets at most
	// once a day.
	sameDay, err := s.store.Meetings(ctx, c.ID, d.Start(loc), d.Start(loc).AddDate(0, 0, 1))
	if err != nil {
		return Reply{}, err
	}
	for _, other := range sameDay {
		if other.Status != MeetingCancelled && !other.StartsAt.Equal(starts) {
			return Reply{}, userErr("%s already meets on %s, at %s. Cancel that meeting first (`/meeting cancel %s`) or choose another day.",
				Escape(c.Name), formatDay(other.StartsAt, loc), other.StartsAt.In(loc).Format("15:04"), other.StartsAt.In(loc).Format("2006-01-02"))
		}
	}
	m := Meeting{CommitteeID: c.ID, StartsAt: starts, Venue: venue, Status: MeetingScheduled}
	if c.StandardItems {
		m.Items = standardItems()
	}
	m, err = s.store.ScheduleMeeting(ctx, m, r.UserID)
	if errors.Is(err, ErrConflict) {
		return Reply{}, userErr("%s already has a meeting at %s.", Escape(c.Name), formatWhen(starts, loc))
	}
	if err != nil {
		return Reply{}, err
	}
	return Reply{Visibility: Public, Text: fmt.Sprintf("*%s* will meet on %s. Members can send apologies with `/apologies`.",
		Escape(c.Name), describeMeeting(m, loc))}, nil
}

func listMeetings(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r := in.Committee, in.Request
	loc := c.Location()
	ms, err := s.store.Meetings(ctx, c.ID, r.Now, r.Now.AddDate(10, 0, 0))
	if err != nil {
		return Reply{}, err
	}
	feed := fmt.Sprintf("Calendar feed (subscribe in Outlook or Google Calendar): %s", s.calendarLink(c))
	if len(ms) == 0 {
		return private("No meetings of %s are scheduled. An officer can schedule one with `/meeting schedule DATE TIME [VENUE]`.\n%s", Escape(c.Name), feed), nil
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
	b.WriteString(feed)
	return private("%s", b.String()), nil
}

func cancelMeeting(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r := in.Committee, in.Request
	if len(in.Args) == 0 {
		return Reply{}, usageErr("Say which meeting to cancel by its date.")
	}
	m, err := s.meetingOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	if err := openMeeting(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	if err := s.store.SetMeetingStatus(ctx, m.ID, MeetingCancelled, r.UserID); err != nil {
		return Reply{}, err
	}
	m.Status = MeetingCancelled
	return Reply{Visibility: Public, Text: fmt.Sprintf("The meeting of *%s* on %s is cancelled.", Escape(c.Name), describeMeeting(m, loc))}, nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
