package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

func meetingCommand() *Command {
	return &Command{
		Name:    "/meeting",
		Summary: "Schedule, move and cancel the committee's meetings; on the day, open one, take attendance, follow its items and close it.",
		Saves:   "the change",
		Subs: []Sub{{
			Name:    "schedule",
			Usage:   []string{"/meeting schedule DATE TIME [VENUE]"},
			Summary: "Schedule a meeting; it starts with the standard agenda items.",
			Examples: []string{
				"/meeting schedule 2026-12-10 10:00 Remote Meeting",
				"/meeting schedule 10/12/2026 10.00am Bootle Town Hall",
				"/meeting schedule 11 February 1400 Bootle Town Hall",
			},
			Date: scheduleDateHelp + " " + clockHelp,
			Who:  Officers, Doing: "schedule meetings", Run: scheduleMeeting,
		}, {
			Name:    "list",
			Usage:   []string{"/meeting list"},
			Summary: "The meetings to come, with their apologies, and the calendar feed.",
			Read:    true, Run: listMeetings,
		}, {
			Name: "calendar", Alone: true,
			Usage:   []string{"/meeting calendar"},
			Summary: "The calendar feed's address, to subscribe to the meetings.",
			Read:    true, Run: showCalendar,
		}, {
			Name:    "calendar reset",
			Usage:   []string{"/meeting calendar reset"},
			Summary: "Give the calendar feed a new secret address; the old one stops working at once.",
			Who:     Officers, Doing: "reset the calendar feed", Run: resetCalendar,
		}, {
			Name:     "cancel",
			Usage:    []string{"/meeting cancel DATE"},
			Summary:  "Cancel a meeting; a posted agenda is marked cancelled.",
			Examples: []string{"/meeting cancel 10 December"},
			Date:     givenDateHelp,
			Who:      Officers, Doing: "cancel meetings", Run: cancelMeeting,
		}, {
			Name:    "move",
			Usage:   []string{"/meeting move DATE NEW-DATE [TIME]"},
			Summary: "Move a meeting to another day, at the same time or at TIME; its agenda and apologies go with it.",
			Examples: []string{
				"/meeting move 10/12/2026 17/12/2026",
				"/meeting move 10 December 17 December 2pm",
			},
			Date: givenDateHelp + " NEW-DATE is the day it moves to. " + clockHelp,
			Who:  Officers, Doing: "move meetings", Run: moveMeeting,
		}, {
			Name:     "time",
			Usage:    []string{"/meeting time DATE TIME"},
			Summary:  "Change the time a meeting starts.",
			Examples: []string{"/meeting time 10/12/2026 2.30pm"},
			Date:     givenDateHelp + " " + clockHelp,
			Who:      Officers, Doing: "change meetings", Run: retimeMeeting,
		}, {
			Name:     "venue",
			Usage:    []string{"/meeting venue DATE VENUE|none"},
			Summary:  "Change where a meeting is held.",
			Examples: []string{"/meeting venue 10/12/2026 Bootle Town Hall"},
			Date:     givenDateHelp,
			Who:      Officers, Doing: "change meetings", Run: changeVenue,
		}, {
			Name:     "history",
			Usage:    []string{"/meeting history [DATE]"},
			Summary:  "Every change to a meeting's date, time or venue: who made it, when, from what to what.",
			Examples: []string{"/meeting history 17/12/2026"},
			Date:     tableDateHelp,
			Read:     true, Run: meetingHistory,
		}, {
			Name: "reminders", Aliases: []string{"reminder"}, Alone: true,
			Usage:   []string{"/meeting reminders"},
			Summary: "When reminders go to the channel before each meeting.",
			Read:    true, Run: showReminders,
		}, {
			Name: "reminders", Aliases: []string{"reminder"},
			Usage:    []string{"/meeting reminders DAYS [TIME]|off|on [TIME]"},
			Summary:  "Set the days before each meeting, and the time, that reminders go; or turn them off, or on again as last set.",
			Examples: []string{"/meeting reminders 7,1 09:00", "/meeting reminders off", "/meeting reminders on"},
			Who:      Officers, Doing: "change reminders", Run: setReminders,
		}},
	}
}

// MaxVenueLen bounds a venue's length.
const MaxVenueLen = 200

// yearNotClock is what to add when the date ended on w, four figures
// read as its year that are also a time from 19:00 on ("11 February 1930
// Town Hall"): the officer may have meant 19:30, which after a day and
// month takes its colon (takeDateBeforeClock).
func yearNotClock(w string) string {
	w = strings.TrimRight(w, ",")
	if len(w) != 4 || !allDigits([]string{w}) {
		return ""
	}
	if _, k, err := takeClock([]string{w}); err != nil || k != 1 {
		return ""
	}
	return fmt.Sprintf(" `%s` is read as the year; for the time %s:%s, type it with its colon.", w, w[:2], w[2:])
}

func scheduleMeeting(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r, args := in.Committee, in.Request, in.Args
	loc := c.Location()
	d, n, err := in.takeDateBeforeClock()
	if err != nil {
		return Reply{}, err
	}
	if n == 0 && len(args) > 0 {
		// "Thursday 10:00": which Thursday is the officer's to say.
		if err := relativeDay(dayWords(args), r.Now, loc, 1); err != nil {
			return Reply{}, badArgs(err)
		}
	}
	if n == 0 {
		if err := misspeltDate(args, r.Now, loc); err != nil {
			return Reply{}, err
		}
	}
	if n == 0 || d.IsNext() {
		return Reply{}, usageErr("Start with the meeting's date.")
	}
	clock, k, err := takeClock(args[n:])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if k == 0 && n < len(args) {
		// Something follows the date: saying the time must follow it
		// would be false.
		return Reply{}, usageErr("I could not read `%s` as the start time: give it after the date, e.g. `10:00`, `14:00` or `2.30pm`.%s", echoWord(args[n]), yearNotClock(args[n-1]))
	}
	if k == 0 {
		return Reply{}, usageErr("Give the start time after the date, e.g. `10:00` or `2.30pm`.")
	}
	venue := plainShown(args[n+k:])
	if utf8.RuneCountInString(venue) > MaxVenueLen {
		return Reply{}, userErr("That venue is too long (the limit is %d characters).", MaxVenueLen)
	}
	starts := d.At(clock, loc)
	if got := starts.In(loc); got.Hour() != clock.Hour || got.Minute() != clock.Minute {
		return Reply{}, userErr("There is no %s on %s: the clocks go forward that night. Choose another time.", clock, d)
	}
	// A meeting that began earlier today may be scheduled for its real
	// start: the officer at a meeting never scheduled in Quorum can then
	// open it and take its record. No reminder goes for it (they go only
	// for meetings still to come); apologies are taken until it is opened
	// (openForApologies), then with the attendance.
	begun := !starts.After(r.Now)
	switch {
	case begun && d != DateOf(r.Now, loc) && !yearGiven(args[:n]) && r.Now.Sub(starts) > 31*24*time.Hour:
		// A day without its year is the nearest, which may be behind:
		// "14 Jan" said in June is most likely next January's. One
		// passed in the last month is more likely a slip, or a meeting
		// held and not scheduled, than one a year off.
		later := Date{d.Year + 1, d.Month, d.Day}
		if _, err := makeDate(later.Year, later.Month, later.Day); err != nil {
			later.Year += 3 // 29 February: the leap year after
		}
		return Reply{}, userErr("%s has already passed. For %s, give the year: `/meeting schedule %s %s`.",
			formatWhen(starts, loc), later, later.Start(time.UTC).Format("2/01/2006"), clock)
	case begun && d != DateOf(r.Now, loc):
		return Reply{}, userErr("%s has already passed.", formatWhen(starts, loc))
	case begun && r.Now.Sub(starts) >= 12*time.Hour:
		// A meeting runs for at most 12 hours (startable): one begun
		// longer ago could be neither opened nor moved, and would hold
		// the day.
		return Reply{}, userErr("%s has already passed: a meeting that started 12 hours ago or more cannot be opened.", formatWhen(starts, loc))
	}
	// Commands name meetings by their day, so a committee meets at most
	// once a day.
	sameDay, err := s.store.Meetings(ctx, c.ID, d.Start(loc), d.Start(loc).AddDate(0, 0, 1))
	if err != nil {
		return Reply{}, err
	}
	for _, other := range sameDay {
		if other.Status != MeetingCancelled && !other.StartsAt.Equal(starts) {
			return Reply{}, s.sameDayErr(ctx, c, other, r.Now)
		}
	}
	m := Meeting{CommitteeID: c.ID, StartsAt: starts, Venue: venue, Status: MeetingScheduled, ScheduledAt: r.Now}
	if c.StandardItems {
		m.Items = standardItems()
	}
	// The meeting cancelled that day is the day's meeting: scheduled
	// again at another time, it comes back moved there, with its agenda
	// and the apologies and declarations sent for it, as it does at its
	// own time. A meeting of its own beside it would leave those behind,
	// and those who apologised for the day expected.
	var again Meeting
	for _, other := range sameDay {
		if other.StartsAt.Equal(starts) {
			// At its own time too it comes back as itself, so that a new
			// venue is recorded as a change and the reply says what stands.
			again = Meeting{}
			if other.Status == MeetingCancelled {
				again = other
			}
			break
		}
		if other.Status == MeetingCancelled && again.ID == 0 {
			again = other
		}
	}
	m.Reinstates = again.ID
	m, err = s.store.ScheduleMeeting(ctx, m, r.UserID)
	if errors.Is(err, ErrConflict) {
		// The same meeting again: held or under way, the answer is the one
		// any other meeting that day gets; still to come, it says how to
		// change what else was meant.
		for _, other := range sameDay {
			if !other.StartsAt.Equal(starts) || other.Status == MeetingCancelled {
				continue
			}
			if err := s.metErr(ctx, c, other, r.Now); err != nil {
				return Reply{}, err
			}
		}
		day := DateOf(starts, loc).Start(time.UTC).Format("2006-01-02")
		return Reply{}, userErr("%s already has a meeting on %s; nothing changed. `/meeting venue %s VENUE` changes its venue, `/meeting time %s TIME` its time; `/meeting list` shows the meetings scheduled.",
			Escape(c.Name), formatWhen(starts, loc), day, day)
	}
	if err != nil {
		return Reply{}, err
	}
	reinstated := ""
	switch {
	case again.ID != 0 && again.StartsAt.Equal(starts):
		reinstated = " The meeting cancelled at this time is scheduled again, with its agenda, apologies and declarations."
	case again.ID != 0:
		reinstated = fmt.Sprintf(" The meeting cancelled for %s that day is scheduled again at this time, with its agenda, apologies and declarations.",
			again.StartsAt.In(loc).Format("15:04"))
	}
	if begun {
		return Reply{Visibility: Public, Text: fmt.Sprintf("*%s* meets today, %s: it has begun by the clock, and `/meeting start` opens it. Until then members can send apologies with `/apologies %s`.%s",
			Escape(c.Name), describeMeeting(m, loc), m.StartsAt.In(loc).Format("2006-01-02"), reinstated)}, nil
	}
	// The command names the day, as the posted agenda's footer does:
	// `/apologies` alone is for the next meeting, which this one, read
	// in the channel by everyone, may not be.
	return Reply{Visibility: Public, Text: fmt.Sprintf("*%s* will meet on %s.%s Members can send apologies with `/apologies %s`.",
		Escape(c.Name), describeMeeting(m, loc), reinstated, m.StartsAt.In(loc).Format("2006-01-02")) + sameDayReminderNote(c, m)}, nil
}

// sameDayErr refuses a second meeting on the day of other. Only a
// meeting still to come can be cancelled to make way: one held, or under
// way, keeps its day (metErr).
func (s *Service) sameDayErr(ctx context.Context, c Committee, other Meeting, now time.Time) error {
	if err := s.metErr(ctx, c, other, now); err != nil {
		return err
	}
	loc := c.Location()
	return userErr("%s already meets on %s, at %s. Cancel that meeting first (`/meeting cancel %s`) or choose another day.",
		Escape(c.Name), formatDay(other.StartsAt, loc), other.StartsAt.In(loc).Format("15:04"), other.StartsAt.In(loc).Format("2006-01-02"))
}

// metErr refuses to put another meeting on the day of other, or to move
// or cancel it, when other has met or is meeting: held, under way, or
// past its start. It is nil for a meeting still to come.
func (s *Service) metErr(ctx context.Context, c Committee, other Meeting, now time.Time) error {
	loc := c.Location()
	events, err := s.store.Sessions(ctx, other.ID)
	if err != nil {
		return err
	}
	day := formatDay(other.StartsAt, loc)
	switch sit := SittingOf(events); {
	case sit.State == ActionClosed:
		return userErr("%s has already met on %s (its meeting closed at %s), and meets at most once a day. Choose another day.",
			Escape(c.Name), day, sit.Closed.In(loc).Format("15:04"))
	case sit.State != "":
		return userErr("The meeting of %s on %s is under way (opened at %s), and a committee meets at most once a day. Choose another day.",
			Escape(c.Name), day, sit.Opened.In(loc).Format("15:04"))
	case awaitingOpening(other, now, loc):
		// Its start has passed but nobody has opened it: it may be
		// the meeting in the room, scheduled late, or one that cannot
		// go ahead, which is cancelled first.
		return userErr("%s already meets today, at %s, and meets at most once a day; that meeting has not been opened: `/meeting start` opens it, or `/meeting cancel %s` cancels it.",
			Escape(c.Name), other.StartsAt.In(loc).Format("15:04"), other.StartsAt.In(loc).Format("2006-01-02"))
	case other.Status == MeetingHeld || !other.StartsAt.After(now):
		return userErr("%s has already met on %s, at %s, and meets at most once a day. Choose another day.",
			Escape(c.Name), day, other.StartsAt.In(loc).Format("15:04"))
	}
	return nil
}

func listMeetings(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r := in.Committee, in.Request
	loc := c.Location()
	// From 12 hours back, for today's meeting begun by the clock and
	// waiting to be opened, which is still to take place.
	ms, err := s.store.Meetings(ctx, c.ID, r.Now.Add(-12*time.Hour), r.Now.AddDate(10, 0, 0))
	if err != nil {
		return Reply{}, err
	}
	// A meeting opened before its advertised start is under way, or once
	// closed held: not upcoming.
	run, running, err := s.runningMeeting(ctx, c)
	if err != nil {
		return Reply{}, err
	}
	ms = slices.DeleteFunc(ms, func(m Meeting) bool {
		return m.Status == MeetingHeld || running && m.ID == run.ID || !m.StartsAt.After(r.Now) && !awaitingOpening(m, r.Now, loc)
	})
	feed := s.calendarFeedLine(c)
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
		moved, err := s.movedFrom(ctx, m, loc)
		if err != nil {
			return Reply{}, err
		}
		waiting := ""
		if !m.StartsAt.After(r.Now) {
			waiting = " — begun by the clock, not yet opened (`/meeting start`)"
		}
		fmt.Fprintf(&b, "• %s%s%s — %d %s\n", describeMeeting(m, loc), moved, waiting, m.Apologies, plural(m.Apologies, "apology", "apologies"))
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
	// Said first, since a meeting in progress has not "already taken
	// place", nor is it waiting to be opened.
	if err := s.notUnderWay(ctx, c, m, "it cannot be cancelled"); err != nil {
		return Reply{}, err
	}
	// One begun by the clock and not opened has not taken place either:
	// the chair may never arrive, or it cannot go ahead, and until it is
	// opened the officer can still call it off, as its apologies are
	// still taken until then (openForApologies).
	if err := openForApologies(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	// A substitute named by a member's apologies may not be in the
	// channel: told of a move (changeMeeting), they are told of this too,
	// rather than come to a meeting that will not take place.
	substitutes := Reply{Visibility: Private, Text: fmt.Sprintf("The meeting of *%s* on %s, which you are named to attend as a substitute, is cancelled.",
		Escape(c.Name), describeMeeting(m, loc))}
	err = s.store.CancelMeeting(ctx, m.ID, r.UserID, r.Now, substitutes)
	if errors.Is(err, ErrConflict) {
		// Opened, or cancelled, a moment before: say which.
		if m, err = s.store.Meeting(ctx, m.ID); err != nil {
			return Reply{}, err
		}
		if m.Status == MeetingCancelled {
			return Reply{}, userErr("The meeting on %s was cancelled a moment ago; nothing changed.", formatDay(m.StartsAt, loc))
		}
		if err := s.notUnderWay(ctx, c, m, "it cannot be cancelled"); err != nil {
			return Reply{}, err
		}
		return Reply{}, userErr("The meeting on %s changed as you cancelled it; nothing changed. Try again.", formatDay(m.StartsAt, loc))
	}
	if err != nil {
		return Reply{}, err
	}
	m.Status = MeetingCancelled
	// Members who sent apologies, declared or sent a report for it read
	// what became of them, rather than send them again for a meeting
	// that does not take place, or fear them lost.
	return Reply{Visibility: Public, Text: fmt.Sprintf("The meeting of *%s* on %s is cancelled. The apologies, declarations of interest and reports sent for it stay on record with it; if it is scheduled again on the same day they stand again, and a meeting on another day needs them sent again.",
		Escape(c.Name), describeMeeting(m, loc))}, nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	// The first rune whole: a byte of one alone (a quotation mark, an
	// accented letter) is not a character, and would show as "�".
	_, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(s[:n]) + s[n:]
}

// meetingWhen is when meeting m starts, for people in loc: "Thursday 10
// December 2026, 10:00", or the day alone when its time is not known.
func meetingWhen(m Meeting, loc *time.Location) string {
	if m.TimeUnknown {
		return formatDay(m.StartsAt, loc)
	}
	return formatWhen(m.StartsAt, loc)
}

// meetingFacts is the first line of an agenda or a reminder: when m
// starts, and in which time zone.
func meetingFacts(m Meeting, loc *time.Location) string {
	if m.TimeUnknown {
		return fmt.Sprintf("*%s* (start time not known)", meetingWhen(m, loc))
	}
	return fmt.Sprintf("*%s* (%s time)", meetingWhen(m, loc), loc)
}

// movedNote says where m was first due to be held, from its changes,
// when it has moved since: "\n_Moved from Thursday 10 December 2026,
// 10:00._"; "" otherwise.
func movedNote(m Meeting, changes []MeetingChange, loc *time.Location) string {
	if first, moved := firstPlanned(m, changes); moved {
		return "\n_Moved from " + meetingWhen(first, loc) + "._"
	}
	return ""
}

// firstPlanned is when m was first due to start, from its changes, and
// whether it has moved from then.
func firstPlanned(m Meeting, changes []MeetingChange) (Meeting, bool) {
	if len(changes) == 0 {
		return m, false
	}
	first := Meeting{StartsAt: changes[0].OldStartsAt, TimeUnknown: changes[0].OldTimeUnknown}
	return first, !first.StartsAt.Equal(m.StartsAt) || first.TimeUnknown != m.TimeUnknown
}

// movedFrom is " (moved from Thursday 10 December 2026, 10:00)" when m
// has moved, for a line that lists it; "" otherwise.
func (s *Service) movedFrom(ctx context.Context, m Meeting, loc *time.Location) (string, error) {
	if m.Revision == 0 {
		return "", nil
	}
	changes, err := s.store.MeetingChanges(ctx, m.ID)
	if err != nil {
		return "", err
	}
	if first, moved := firstPlanned(m, changes); moved {
		return " (moved from " + meetingWhen(first, loc) + ")", nil
	}
	return "", nil
}

// misspeltDate refuses words that start with a day and a month mistyped
// ("14 Janaury 2027"), saying what they may mean: "Start with the
// meeting's date" would tell an officer who did to do what they had done.
func misspeltDate(words []string, now time.Time, loc *time.Location) error {
	day, n, ok := monthSlip(words, now, loc, true)
	if !ok {
		return nil
	}
	typed := Escape(strings.Join(words[:n], " "))
	if day.IsNext() {
		return usageErr("`%s` is not read as a date: give the meeting's date, %s.", typed, dateForms)
	}
	return usageErr("`%s` is not read as a date: did you mean %s?", typed, dayMeant(day))
}

// meetingToChange is the meeting on the date in's words start with, which
// must be scheduled and still to come, and the words after the date. read
// reads the date: (*Input).takeDateBeforeClock where a time follows it.
func (s *Service) meetingToChange(ctx context.Context, in *Input, read func(*Input) (Date, int, error)) (Meeting, []string, error) {
	d, n, err := read(in)
	if err != nil {
		return Meeting{}, nil, err
	}
	if n == 0 && len(in.Args) > 0 {
		if err := relativeDay(dayWords(in.Args), in.Now, in.Committee.Location(), 0); err != nil {
			return Meeting{}, nil, badArgs(err)
		}
	}
	if n == 0 {
		if err := misspeltDate(in.Args, in.Now, in.Committee.Location()); err != nil {
			return Meeting{}, nil, err
		}
		return Meeting{}, nil, usageErr("Start with the meeting's date.")
	}
	m, err := s.meetingFor(ctx, in.Committee, d, in.Now)
	if err != nil {
		return Meeting{}, nil, err
	}
	loc := in.Committee.Location()
	switch {
	case m.Status == MeetingCancelled:
		return Meeting{}, nil, userErr("The meeting on %s was cancelled; `/meeting schedule` schedules it again.", formatDay(m.StartsAt, loc))
	case awaitingOpening(m, in.Now, loc):
		// Not taken place, but begun by the clock: members have come to
		// its advertised time and place, and the reminders and agenda
		// gave them; moved now, the record would say they met otherwise.
		return Meeting{}, nil, userErr("The meeting on %s began at %s by the clock, so its day, time and venue stand as advertised; it has not been opened yet: the officer or the chair opens it with `/meeting start`.",
			formatDay(m.StartsAt, loc), m.StartsAt.In(loc).Format("15:04"))
	case m.Status == MeetingHeld || !m.StartsAt.After(in.Now):
		return Meeting{}, nil, userErr("The meeting on %s has already taken place; it cannot be changed.", formatDay(m.StartsAt, loc))
	}
	if err := s.notUnderWay(ctx, in.Committee, m, "it cannot be changed"); err != nil {
		return Meeting{}, nil, err
	}
	return m, in.Args[n:], nil
}

// notUnderWay refuses what a meeting takes only before it starts once m
// has been opened, saying why (refused: "it cannot be changed"): a meeting
// may be opened before its advertised start (StartWithin), and one under
// way keeps its day, time, venue and status, and takes no apologies.
func (s *Service) notUnderWay(ctx context.Context, c Committee, m Meeting, refused string) error {
	return s.notUnderWayOr(ctx, c, m, refused, refused)
}

// notUnderWayOr is notUnderWay saying running, rather than refused, of a
// meeting in progress: what can still be done at it.
func (s *Service) notUnderWayOr(ctx context.Context, c Committee, m Meeting, refused, running string) error {
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return err
	}
	sit := SittingOf(events)
	if sit.State == "" {
		return nil
	}
	var closed time.Time
	if sit.State == ActionClosed {
		closed = sit.Closed
	}
	return sittingErr(c, m.StartsAt, sit.Opened, closed, refused, running)
}

// sittingErr is the refusal of notUnderWayOr for a meeting starting at
// startsAt, opened at opened and, unless it is zero, closed at closed.
func sittingErr(c Committee, startsAt, opened, closed time.Time, refused, running string) error {
	loc := c.Location()
	if !closed.IsZero() {
		// Opened before its advertised start and closed, it was held,
		// though its start time may still be to come.
		return userErr("The meeting on %s has already taken place (closed at %s); %s.",
			formatDay(startsAt, loc), closed.In(loc).Format("15:04"), refused)
	}
	return userErr("The meeting on %s is under way (opened at %s); %s.",
		formatDay(startsAt, loc), opened.In(loc).Format("15:04"), running)
}

// moveMeeting serves "/meeting move DATE NEW-DATE [TIME]". Without TIME
// the meeting keeps its time of day.
func moveMeeting(ctx context.Context, s *Service, in *Input) (Reply, error) {
	loc := in.Committee.Location()
	m, rest, err := s.meetingToChange(ctx, in, (*Input).takeDate)
	if err != nil {
		return Reply{}, err
	}
	d, clock, k, err := parseNewDate(rest, in.Now, loc)
	if err != nil {
		return Reply{}, err
	}
	if d.IsNext() && len(rest) > 0 {
		// "Tuesday": which Tuesday is the officer's to say.
		if err := relativeDay(dayWords(rest), in.Now, loc, 1); err != nil {
			return Reply{}, badArgs(err)
		}
	}
	if d.IsNext() {
		// The example moves it a week on, not to a day it may be on.
		return Reply{}, usageErr("Give the new date after the meeting's, e.g. `/meeting move %s %s`.",
			m.StartsAt.In(loc).Format("2006-01-02"), m.StartsAt.In(loc).AddDate(0, 0, 7).Format("2006-01-02"))
	}
	unknown := false
	if k == 0 {
		t := m.StartsAt.In(loc)
		clock, unknown = Clock{t.Hour(), t.Minute()}, m.TimeUnknown
	}
	return s.changeMeeting(ctx, in, m, d, clock, unknown, m.Venue)
}

// parseNewDate reads what follows the meeting's date in "/meeting move":
// "[to] NEW-DATE [TIME]". d is the zero Date when no new date is given;
// k is how many words the time took (0: none given).
func parseNewDate(words []string, now time.Time, loc *time.Location) (d Date, clock Clock, k int, err error) {
	if len(words) > 0 && strings.EqualFold(words[0], "to") {
		words = words[1:]
	}
	d, n, err := takeDateBeforeClock(words, now, loc)
	if err != nil {
		return Date{}, Clock{}, 0, badArgs(err)
	}
	if n == 0 || d.IsNext() {
		return Date{}, Clock{}, 0, nil
	}
	clock, k, err = takeClock(words[n:])
	if err != nil {
		return Date{}, Clock{}, 0, badArgs(err)
	}
	if n+k != len(words) {
		return Date{}, Clock{}, 0, usageErr("I don't know `%s`: after the new date only a time may follow.", inCode(Escape(truncateText(strings.Join(words[n+k:], " "), 40))))
	}
	return d, clock, k, nil
}

// retimeMeeting serves "/meeting time DATE TIME".
func retimeMeeting(ctx context.Context, s *Service, in *Input) (Reply, error) {
	m, rest, err := s.meetingToChange(ctx, in, (*Input).takeDateBeforeClock)
	if err != nil {
		return Reply{}, err
	}
	clock, k, err := takeClock(rest)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if k == 0 || k != len(rest) {
		return Reply{}, usageErr("Give the new start time after the date, e.g. `10:00` or `2.30pm`.")
	}
	return s.changeMeeting(ctx, in, m, DateOf(m.StartsAt, in.Committee.Location()), clock, false, m.Venue)
}

// changeVenue serves "/meeting venue DATE VENUE|none".
func changeVenue(ctx context.Context, s *Service, in *Input) (Reply, error) {
	m, rest, err := s.meetingToChange(ctx, in, (*Input).takeDate)
	if err != nil {
		return Reply{}, err
	}
	venue := plainShown(rest)
	switch {
	case venue == "":
		return Reply{}, usageErr("Give the new venue after the date, or `none`.")
	case strings.EqualFold(venue, "none"):
		venue = ""
	case utf8.RuneCountInString(venue) > MaxVenueLen:
		return Reply{}, userErr("That venue is too long (the limit is %d characters).", MaxVenueLen)
	}
	loc := in.Committee.Location()
	t := m.StartsAt.In(loc)
	// The answer changeMeeting gives when nothing changes names the day,
	// which the officer did not ask about; this names the venue.
	switch {
	case venue == m.Venue && venue == "":
		return Reply{}, userErr("The meeting on %s has no venue yet: it is to be announced; nothing changed. `/meeting venue %s VENUE` sets one.", meetingWhen(m, loc), t.Format("2006-01-02"))
	case venue == m.Venue:
		return Reply{}, userErr("The meeting on %s is already at %s; nothing changed.", meetingWhen(m, loc), Escape(venue))
	}
	return s.changeMeeting(ctx, in, m, DateOf(t, loc), Clock{t.Hour(), t.Minute()}, m.TimeUnknown, venue)
}

// changeMeeting moves meeting m to day d at clock (unknown: its time is
// still not known) and venue, refusing what cannot be: a time that does
// not exist or has passed, and a day the committee already meets on. The
// members whose apologies stand are told by direct message when it moves.
func (s *Service) changeMeeting(ctx context.Context, in *Input, m Meeting, d Date, clock Clock, unknown bool, venue string) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	starts := d.At(clock, loc)
	if got := starts.In(loc); got.Hour() != clock.Hour || got.Minute() != clock.Minute {
		return Reply{}, userErr("There is no %s on %s: the clocks go forward that night. Choose another time.", clock, d)
	}
	moved := Meeting{ID: m.ID, CommitteeID: m.CommitteeID, StartsAt: starts, TimeUnknown: unknown, Venue: venue, Status: m.Status}
	was := describeMeeting(m, loc)
	switch {
	case starts.Equal(m.StartsAt) && unknown == m.TimeUnknown && venue == m.Venue:
		return Reply{}, userErr("The meeting is already on %s; nothing changed.", was)
	case !starts.After(in.Now):
		return Reply{}, userErr("%s has already passed: a meeting can only move to a time still to come.", meetingWhen(moved, loc))
	}
	if !starts.Equal(m.StartsAt) {
		others, err := s.store.Meetings(ctx, c.ID, d.Start(loc), d.Start(loc).AddDate(0, 0, 1))
		if err != nil {
			return Reply{}, err
		}
		for _, other := range others {
			switch {
			case other.ID == m.ID:
			case other.Status != MeetingCancelled:
				// One held or under way keeps its day: it can be neither
				// moved nor cancelled, so the answer does not offer it.
				if err := s.metErr(ctx, c, other, in.Now); err != nil {
					return Reply{}, err
				}
				return Reply{}, userErr("%s already meets on %s. Move or cancel that meeting first, or choose another day.", Escape(c.Name), describeMeeting(other, loc))
			case other.StartsAt.Equal(starts):
				return Reply{}, userErr("The meeting of %s cancelled for %s was at that time: `/meeting schedule %s %s` schedules it again, with its agenda. Or choose another time.",
					Escape(c.Name), meetingWhen(other, loc), starts.In(loc).Format("2006-01-02"), clock)
			}
		}
	}
	ch := MeetingChange{
		MeetingID: m.ID, CommitteeID: c.ID, Revision: m.Revision,
		OldStartsAt: m.StartsAt, NewStartsAt: starts, OldTimeUnknown: m.TimeUnknown, NewTimeUnknown: unknown,
		OldVenue: m.Venue, NewVenue: venue, By: in.UserID, At: in.Now,
	}
	var notices MeetingNotices
	if ch.Moved() {
		notices.Apologies = Reply{Visibility: Private, Text: fmt.Sprintf("The meeting of *%s* on %s has moved to %s.\n"+
			"Your apologies for it stand: you are not expected. If you can come now, withdraw them with `/apologies withdraw %s` in <#%s>.",
			Escape(c.Name), was, describeMeeting(moved, loc), starts.In(loc).Format("2006-01-02"), c.ChannelID)}
		notices.Substitutes = Reply{Visibility: Private, Text: fmt.Sprintf("The meeting of *%s* on %s, which you are named to attend as a substitute, has moved to %s.",
			Escape(c.Name), was, describeMeeting(moved, loc))}
	}
	got, err := s.store.ChangeMeeting(ctx, ch, notices)
	if errors.Is(err, ErrConflict) {
		// Opened meanwhile: say so, as had it been opened before.
		if uerr := s.notUnderWay(ctx, c, m, "it cannot be changed"); uerr != nil {
			return Reply{}, uerr
		}
		return Reply{}, userErr("The meeting on %s was changed by someone else just now; `/meeting list` shows it as it is.", formatDay(m.StartsAt, loc))
	}
	if err != nil {
		return Reply{}, err
	}
	var text string
	if ch.Moved() {
		text = fmt.Sprintf("The meeting of *%s* on %s has moved to *%s*. Its agenda, apologies and declarations go with it; members whose apologies stand are told by direct message.",
			Escape(c.Name), was, describeMeeting(got, loc))
		text += sameDayReminderNote(c, got)
	} else {
		text = fmt.Sprintf("The meeting of *%s* on %s will now be held at %s.", Escape(c.Name), meetingWhen(got, loc), venueText(got.Venue))
	}
	return Reply{Visibility: Public, Text: text}, nil
}

func venueText(v string) string {
	if v == "" {
		return "a venue still to be announced"
	}
	return Escape(v)
}

// sameDayReminderNote warns, after m is scheduled or moved, when c's
// reminder on the day of a meeting would come at or after m starts: it is
// then not sent (see EnqueueDueReminders).
func sameDayReminderNote(c Committee, m Meeting) string {
	if !slices.Contains(c.ReminderDays, 0) || m.TimeUnknown {
		return ""
	}
	at := reminderClock(c)
	if ReminderDue(m.StartsAt, 0, at, c.Location()).Before(m.StartsAt) {
		return ""
	}
	return fmt.Sprintf("\nNote: reminders on the day go at %s, after this meeting starts, so none will go on its day. `/meeting reminders` changes when they go.", at)
}

// meetingHistory serves "/meeting history [DATE]": who scheduled the
// meeting, moved it, changed its venue, cancelled it or scheduled it
// again, and when, oldest first.
func meetingHistory(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	m, err := s.meetingOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	var changes []MeetingChange
	if m.Apologies < 0 || m.Revision > 0 {
		if changes, err = s.store.MeetingChanges(ctx, m.ID); err != nil {
			return Reply{}, err
		}
	}
	events, err := s.store.MeetingEvents(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	type line struct {
		at   time.Time
		text string
	}
	var lines []line
	cancelled := false
	for _, e := range events {
		what := map[string]string{
			MeetingEventScheduled: "scheduled it",
			MeetingEventCancelled: "cancelled it",
			MeetingEventImported:  "recorded it from imported minutes",
		}[e.Action]
		if e.Action == MeetingEventScheduled && cancelled {
			what = "scheduled it again"
		}
		cancelled = e.Action == MeetingEventCancelled
		lines = append(lines, line{e.At, fmt.Sprintf("• %s — %s %s", formatWhen(e.At, loc), Escape(s.displayName(ctx, e.By, e.By)), what)})
	}
	for _, ch := range changes {
		who := Escape(s.displayName(ctx, ch.By, ch.By))
		from := Meeting{StartsAt: ch.OldStartsAt, TimeUnknown: ch.OldTimeUnknown}
		to := Meeting{StartsAt: ch.NewStartsAt, TimeUnknown: ch.NewTimeUnknown}
		var parts []string
		if ch.Moved() {
			parts = append(parts, fmt.Sprintf("moved it from %s to %s", meetingWhen(from, loc), meetingWhen(to, loc)))
		}
		if ch.OldVenue != ch.NewVenue {
			parts = append(parts, fmt.Sprintf("changed the venue from %s to %s", venueText(ch.OldVenue), venueText(ch.NewVenue)))
		}
		lines = append(lines, line{ch.At, fmt.Sprintf("• %s — %s %s", formatWhen(ch.At, loc), who, joinAnd(parts))})
	}
	// Stable: at the same minute, being scheduled comes before a move.
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].at.Before(lines[j].at) })
	head := fmt.Sprintf("*%s* — changes to the meeting on %s", Escape(c.Name), describeMeeting(m, loc))
	none := "It has not been changed since it was scheduled."
	if m.Status == MeetingCancelled {
		// The changes listed are moves; a cancellation is none of them,
		// and "not changed" would hide it.
		head += " (cancelled)"
		none = "It was cancelled; its date, time and venue had not been changed."
	}
	out := make([]string, 0, len(lines)+1)
	for _, l := range lines {
		out = append(out, l.text)
	}
	if len(changes) == 0 && len(out) > 0 {
		out = append(out, none)
	}
	return listing(head, none, out), nil
}
