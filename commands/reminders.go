package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Reminder settings' bounds.
const (
	MaxReminderDays = 60 // the earliest reminder, in days before a meeting
	MaxReminders    = 5  // reminders per meeting
)

// SetupReminderDays are the days a committee's reminders go before each
// meeting from its setup until `/meeting reminders` first changes them.
var SetupReminderDays = []int{7, 1}

// ReminderGrace is how late a reminder may still go out: one missed while
// the bot was stopped is sent when it starts again, unless it is this stale.
// Reminders of a meeting scheduled after they were due are not sent.
const ReminderGrace = 12 * time.Hour

// PendingReminder is a reminder that has not been enqueued: the committee,
// the meeting, and how many days before the meeting it is due.
type PendingReminder struct {
	Committee Committee
	Meeting   Meeting
	Days      int
	// Key is the reminder's dedupe key: reminder:<meeting>:<days>, and
	// the day it is for once the meeting has moved to another day (see
	// ReminderStore.PendingReminders).
	Key string
	// Since is when the meeting was set for the day it is on: scheduled
	// (or scheduled again), or moved there from another day; zero when not
	// known. A reminder due before then is not sent: at its time there was
	// no meeting on that day to remind of.
	Since time.Time
}

// ReminderDue is when the reminder days before a meeting starting at starts
// is due: at clock on that calendar day in loc. It is computed on the
// calendar, not by subtracting hours, so a reminder is at 09:00 local time
// whether or not the clocks change in between, and at a time the clocks
// pass twice it is the first, as a meeting's is.
func ReminderDue(starts time.Time, days int, at Clock, loc *time.Location) time.Time {
	y, m, d := starts.In(loc).Date()
	return DateOf(time.Date(y, m, d-days, 12, 0, 0, 0, loc), loc).At(at, loc)
}

// reminderSettings is a parsed "/meeting reminders DAYS [TIME]|off|on [TIME]".
type reminderSettings struct {
	Off     bool
	On      bool  // on again, as last set (see remindersOn)
	Days    []int // most days first
	At      Clock
	HasTime bool
}

// isMeridiem reports whether w is "am" or "pm", as written apart from
// the hour ("9 am").
func isMeridiem(w string) bool {
	switch strings.ToLower(strings.ReplaceAll(w, ".", "")) {
	case "am", "pm":
		return true
	}
	return false
}

// hourAfterDays refuses args[i], the last word, when it is a number
// that may be an hour, standing apart after days joined by commas ("7,1
// 9"): whoever wrote the days as a list most likely meant the hour, and
// read as one more day it would set a reminder nine days before. days
// are the days read before it.
func hourAfterDays(args []string, i int, listed bool, days []int) error {
	w := args[i]
	if !listed || i != len(args)-1 || strings.Contains(w, ",") || strings.HasSuffix(args[i-1], ",") {
		return nil
	}
	h, err := strconv.Atoi(w)
	if err != nil || h > 23 {
		return nil
	}
	list := make([]string, len(days))
	for k, d := range days {
		list[k] = strconv.Itoa(d)
	}
	l := strings.Join(list, ",")
	twelve := fmt.Sprintf("%dam", h)
	switch {
	case h == 0:
		twelve = "12am"
	case h == 12:
		twelve = "12pm"
	case h > 12:
		twelve = fmt.Sprintf("%dpm", h-12)
	}
	return fmt.Errorf("`%s` after `%s` may be a time or another day: write the time as `%02d:00` or `%s` (`/meeting reminders %s %02d:00`), or the day in the list (`/meeting reminders %s,%d`)",
		w, strings.Join(args[:i], " "), h, twelve, l, h, l, h)
}

// parseReminders reads "off", "on" (optionally with a time of day), or
// the days before each meeting ("7,1", "7, 1", "7 1", optionally followed
// by "days" or "days before") and an optional time of day ("09:00",
// "9am").
func parseReminders(args []string) (reminderSettings, error) {
	var rs reminderSettings
	if len(args) == 1 {
		switch strings.ToLower(args[0]) {
		case "off", "none", "stop":
			return reminderSettings{Off: true}, nil
		case "on":
			return reminderSettings{On: true}, nil
		}
	}
	if len(args) > 1 && strings.EqualFold(args[0], "on") {
		// "on 14:00", "on at 9am": on again, at the time given.
		rest := args[1:]
		if strings.EqualFold(rest[0], "at") && len(rest) > 1 {
			rest = rest[1:]
		}
		c, n, err := takeClock(rest)
		if err != nil {
			return rs, err
		}
		if n == 0 || n != len(rest) {
			return rs, fmt.Errorf("%q is not a time of day: use `on` alone, or with a time, `on 09:00` or `on 9am`", truncateText(strings.Join(rest, " "), 40))
		}
		return reminderSettings{On: true, At: c, HasTime: true}, nil
	}
	seen := map[int]bool{}
	i := 0
	listed := false // a comma has joined days so far
	for ; i < len(args); i++ {
		w := args[i]
		if strings.Trim(w, "0123456789,") != "" {
			break
		}
		if strings.Contains(w, ":") {
			break
		}
		if i > 0 && len(w) == 4 && !strings.Contains(w, ",") {
			break // "7,1 0900": four figures after the days are the time, as takeClock reads them
		}
		if i+1 < len(args) && isMeridiem(args[i+1]) {
			break // "9 am" is the time
		}
		if err := hourAfterDays(args, i, listed, rs.Days); err != nil {
			return rs, err
		}
		listed = listed || strings.Contains(w, ",")
		for _, p := range strings.Split(w, ",") {
			if p == "" {
				continue
			}
			if len(p) > 3 {
				// Shortened: p may be any number of digits long.
				return rs, fmt.Errorf("%s days is too far ahead: reminders go at most %d days before", truncateText(p, 12), MaxReminderDays)
			}
			d, err := strconv.Atoi(p)
			if err != nil {
				return rs, fmt.Errorf("%q is not a number of days", p)
			}
			if d > MaxReminderDays {
				return rs, fmt.Errorf("%d days is too far ahead: reminders go at most %d days before", d, MaxReminderDays)
			}
			if !seen[d] {
				seen[d] = true
				rs.Days = append(rs.Days, d)
			}
		}
	}
	if len(rs.Days) == 0 {
		return rs, errors.New("give the days before each meeting, e.g. `7,1`, or `off` or `on`")
	}
	if len(rs.Days) > MaxReminders {
		return rs, fmt.Errorf("that is %d reminders; the limit is %d a meeting", len(rs.Days), MaxReminders)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(rs.Days)))
	for i < len(args) {
		switch strings.ToLower(args[i]) {
		case "day", "days", "before", "at":
			i++
			continue
		}
		break
	}
	rest := args[i:]
	if len(rest) == 0 {
		return rs, nil
	}
	if w := strings.ToLower(rest[0]); (w == "week" || w == "weeks") && len(rs.Days) == 1 {
		// "1 week": reminders are set in days.
		return rs, fmt.Errorf("give the days before each meeting: `%d` for %d %s", rs.Days[0]*7, rs.Days[0], w)
	}
	c, n, err := takeClock(rest)
	if err != nil {
		return rs, err
	}
	if n == 0 || n != len(rest) {
		return rs, fmt.Errorf("%q is not a time of day: use 09:00 or 9am", truncateText(strings.Join(rest, " "), 40))
	}
	rs.At, rs.HasTime = c, true
	return rs, nil
}

// describeReminders says when c's reminders go out.
func describeReminders(c Committee) string {
	if len(c.ReminderDays) == 0 {
		return fmt.Sprintf("Reminders for *%s* are off.", Escape(c.Name))
	}
	parts := make([]string, len(c.ReminderDays))
	for i, d := range c.ReminderDays {
		switch d {
		case 0:
			// Read with the "each meeting" that follows.
			parts[i] = "on the day of"
		case 1:
			parts[i] = "1 day before"
		default:
			parts[i] = fmt.Sprintf("%d days before", d)
		}
	}
	return fmt.Sprintf("Reminders for *%s* go to the channel %s each meeting, at %s (%s time).", Escape(c.Name), joinAnd(parts), c.ReminderTime, c.Location())
}

// showReminders serves "/meeting reminders".
func showReminders(_ context.Context, _ *Service, in *Input) (Reply, error) {
	return private("%s", describeReminders(in.Committee)), nil
}

// setReminders serves "/meeting reminders DAYS [TIME]|off".
func setReminders(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r := in.Committee, in.Request
	rs, err := parseReminders(in.Args)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	at := reminderClock(c)
	if rs.HasTime {
		at = rs.At
	}
	again := ""
	if rs.On {
		switch {
		case len(c.ReminderDays) > 0 && (!rs.HasTime || rs.At.String() == reminderClock(c).String()):
			return private("%s Nothing was changed: they are on.", describeReminders(c)), nil
		case len(c.ReminderDays) > 0:
			// On already: the time given is the change asked for.
			rs.Days = slices.Clone(c.ReminderDays)
		default:
			if rs.Days, at, again, err = s.remindersOn(ctx, c); err != nil {
				return Reply{}, err
			}
			if rs.HasTime {
				at = rs.At
			}
		}
	}
	late, err := s.lateOnTheDay(ctx, in, rs.Days, at)
	if err != nil {
		return Reply{}, err
	}
	if err := s.store.SetReminders(ctx, c.ID, rs.Days, at, r.UserID, r.Now); err != nil {
		return Reply{}, err
	}
	c.ReminderDays, c.ReminderTime = rs.Days, at.String()
	return private("%s%s%s", again, describeReminders(c), late), nil
}

// remindersOn are the settings `/meeting reminders on` restores to c,
// whose reminders are off: the last set with reminders on, which the
// committee's history keeps ("reminders set: 3 days before, at 14:30"),
// or, never set so, those of its setup at its time of day. again leads
// the reply, saying which.
func (s *Service) remindersOn(ctx context.Context, c Committee) (days []int, at Clock, again string, err error) {
	days, was, err := s.store.LastReminders(ctx, c.ID)
	if err != nil {
		return nil, Clock{}, "", err
	}
	if len(days) == 0 {
		return slices.Clone(SetupReminderDays), reminderClock(c), "Reminders are on again, on the days a committee starts with. ", nil
	}
	return days, reminderClock(Committee{ReminderTime: was}), "Reminders are on again, as last set. ", nil
}

// lateOnTheDay checks a reminder on the day (days holds 0) at clock at
// against the meetings to come: one that would come at or after the next
// meeting starts is refused, since it would never go (a reminder is not
// sent once its meeting has started); later meetings that start before
// it are named in the note returned, as getting none on their day.
func (s *Service) lateOnTheDay(ctx context.Context, in *Input, days []int, at Clock) (string, error) {
	if !slices.Contains(days, 0) {
		return "", nil
	}
	c := in.Committee
	loc := c.Location()
	late := func(m Meeting) bool {
		return !m.TimeUnknown && !ReminderDue(m.StartsAt, 0, at, loc).Before(m.StartsAt)
	}
	if next := in.Next; next != nil && late(*next) {
		start := next.StartsAt.In(loc).Format("15:04")
		return "", usageErr("A reminder on the day at %s would come after the next meeting has started (%s), so it would never go. Choose a time before %s.",
			at, meetingWhen(*next, loc), start)
	}
	ms, err := s.store.Meetings(ctx, c.ID, in.Now, in.Now.AddDate(1, 0, 0))
	if err != nil {
		return "", err
	}
	var names []string
	for _, m := range ms {
		if m.Status == MeetingScheduled && late(m) {
			names = append(names, meetingWhen(m, loc))
		}
	}
	if len(names) == 0 {
		return "", nil
	}
	if len(names) == 1 {
		return fmt.Sprintf("\nNote: the meeting on %s starts before %s, so it gets no reminder on the day.", names[0], at), nil
	}
	return fmt.Sprintf("\nNote: the meetings on %s start before %s, so they get no reminder on the day.", joinAnd(names), at), nil
}

// reminderClock is c's reminder time of day, 09:00 when unset.
func reminderClock(c Committee) Clock {
	if cl, n, err := takeClock([]string{c.ReminderTime}); err == nil && n == 1 {
		return cl
	}
	return Clock{9, 0}
}

// EnqueueDueReminders queues every reminder due at now that has not gone
// out: for each, a post to the committee's channel and direct messages to
// presenters whose reports are missing. Each reminder is queued once (its
// dedupe key is reminder:<meeting>:<days>, with the day once the meeting
// has moved; see PendingReminder.Key), however often this runs and
// however many replicas run it. A reminder due at or after its meeting's
// start is never queued. It returns how many it queued.
func (s *Service) EnqueueDueReminders(ctx context.Context, now time.Time) (int, error) {
	pending, err := s.store.PendingReminders(ctx, now, now.AddDate(0, 0, MaxReminderDays+1))
	if err != nil {
		return 0, err
	}
	queued := 0
	var errs []error
	for _, p := range pending {
		loc := p.Committee.Location()
		due := ReminderDue(p.Meeting.StartsAt, p.Days, reminderClock(p.Committee), loc)
		if due.After(now) || now.Sub(due) > ReminderGrace || !now.Before(p.Meeting.StartsAt) {
			continue
		}
		if p.Since.After(due) {
			// Scheduled, or moved to its day, after the reminder was due:
			// the grace above is for a reminder missed while the bot was
			// stopped, not for one that had no meeting to remind of at its
			// time. Sent now, it would follow straight on the move's own
			// announcement, or repeat the one sent for the day it moved
			// from.
			continue
		}
		// Reminders off, or this one left out, when it fell due: the
		// grace is for a bot stopped, and turning reminders on again asks
		// for those to come, not for the one the officer had stopped.
		if on, err := s.store.ReminderDayOn(ctx, p.Committee.ID, p.Days, due); err != nil || !on {
			if err != nil {
				errs = append(errs, fmt.Errorf("reminder for meeting %d: %w", p.Meeting.ID, err))
			}
			continue
		}
		msgs, err := s.reminderMessages(ctx, p, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("reminder for meeting %d: %w", p.Meeting.ID, err))
			continue
		}
		ok, err := s.store.Enqueue(ctx, msgs...)
		if err != nil {
			errs = append(errs, fmt.Errorf("reminder for meeting %d: %w", p.Meeting.ID, err))
			continue
		}
		if ok {
			queued++
		}
	}
	// Owners of actions falling due are reminded once for each due date.
	n, err := s.EnqueueActionChases(ctx, now)
	return queued + n, errors.Join(append(errs, err)...)
}

// ReminderOverdue reports whether msg is a reminder (its channel post or
// a presenter's direct message) that should no longer go at now: its
// meeting has started (or been opened), is no longer scheduled, or has moved off the day
// the reminder was for. A reminder queued in time can still be sent late,
// after Slack failed and the outbox retried; by then it would only
// mislead ("meets tomorrow" of a meeting moved to next week).
//
// An action's reminder to its owner (action:…) should no longer go once the
// action is done, is someone else's, has a new due date, or its owner has
// left the committee: they would be chased for what is not theirs to do.
//
// A notice that a meeting moved (meeting-change:…), to those whose
// apologies stood and their substitutes, should no longer go once the
// meeting is cancelled or has begun: it would send them to a meeting that
// will not be held there, or is being held.
func (s *Service) ReminderOverdue(ctx context.Context, msg OutboxMessage, now time.Time) (bool, error) {
	if rest, ok := strings.CutPrefix(msg.DedupeKey, "action:"); ok && msg.Kind == OutboxDM {
		return s.actionChaseStale(ctx, rest, msg, now)
	}
	if rest, ok := strings.CutPrefix(msg.DedupeKey, "meeting-change:"); ok && msg.Kind == OutboxDM {
		// meeting-change:<change>:[substitute:]<user>
		change, _, _ := strings.Cut(rest, ":")
		id, err := strconv.ParseInt(change, 10, 64)
		if err != nil {
			return false, nil
		}
		mid, err := s.store.ChangedMeeting(ctx, id)
		if errors.Is(err, ErrNotFound) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		_, past, err := s.remindedMeeting(ctx, mid, now)
		return past, err
	}
	rest, ok := strings.CutPrefix(msg.DedupeKey, "reminder:")
	if !ok || (msg.Kind != OutboxPost && msg.Kind != OutboxDM) {
		return false, nil
	}
	// reminder:<meeting>:<days>[:<YYYY-MM-DD>][:dm:<user>]
	parts := strings.Split(rest, ":")
	id, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return false, nil
	}
	m, past, err := s.remindedMeeting(ctx, id, now)
	if past || err != nil {
		return past, err
	}
	// Opened before its advertised start, it has started as surely.
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return false, err
	}
	if len(events) > 0 {
		return true, nil
	}
	// A presenter removed from the committee since is not chased for its
	// report.
	if msg.Kind == OutboxDM {
		if _, err := s.store.Member(ctx, m.CommitteeID, msg.UserID); errors.Is(err, ErrNotFound) {
			return true, nil
		} else if err != nil {
			return false, err
		}
	}
	// The key names the day once the meeting had moved off its first
	// day; without one it was for that first day.
	keyDay := ""
	if len(parts) > 2 && len(parts[2]) == len("2006-01-02") {
		keyDay = parts[2]
	}
	return s.movedOff(ctx, m, keyDay)
}

// remindedMeeting is the meeting of id, which a reminder's key names, and
// whether a reminder of it should no longer go at now: it is gone, no
// longer scheduled, or has begun.
func (s *Service) remindedMeeting(ctx context.Context, id int64, now time.Time) (Meeting, bool, error) {
	m, err := s.store.Meeting(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Meeting{}, true, nil
	}
	if err != nil {
		return Meeting{}, false, err
	}
	return m, m.Status != MeetingScheduled || !now.Before(m.StartsAt), nil
}

// movedOff reports whether m is no longer on the day a reminder of it was
// for: keyDay ("2006-01-02"), or, when "", the day it was first due to be
// held.
func (s *Service) movedOff(ctx context.Context, m Meeting, keyDay string) (bool, error) {
	if m.Revision == 0 && keyDay == "" {
		return false, nil // never changed: still on the day it was for
	}
	c, err := s.store.CommitteeByID(ctx, m.CommitteeID)
	if err != nil {
		return false, err
	}
	loc := c.Location()
	if keyDay == "" {
		if keyDay, err = s.firstDay(ctx, m, loc); err != nil {
			return false, err
		}
	}
	return m.StartsAt.In(loc).Format("2006-01-02") != keyDay, nil
}

// actionChaseStale reports whether the reminder msg to an action's owner,
// keyed action:<action>:<YYYY-MM-DD>:<owner> (before its due date) or
// action:<action>:meeting:<meeting>:<owner>[:<YYYY-MM-DD>] (before a
// meeting, the day once it had moved off its first; rest is the key after
// "action:"), no longer applies at now.
func (s *Service) actionChaseStale(ctx context.Context, rest string, msg OutboxMessage, now time.Time) (bool, error) {
	parts := strings.Split(rest, ":")
	id, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || len(parts) < 3 {
		return false, nil
	}
	a, err := s.store.ActionPointByID(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if a.Done || a.OwnerUser != msg.UserID {
		return true, nil
	}
	if parts[1] == "meeting" {
		mid, err := strconv.ParseInt(parts[2], 10, 64)
		if err != nil {
			return false, nil
		}
		m, past, err := s.remindedMeeting(ctx, mid, now)
		if past || err != nil {
			return past, err
		}
		// It names the day the meeting was on: the key's, or, without
		// one, the meeting's first (its day still if it never changed).
		keyDay := ""
		if len(parts) > 4 {
			keyDay = parts[4]
		}
		if moved, err := s.movedOff(ctx, m, keyDay); moved || err != nil {
			return moved, err
		}
	} else if a.Due.Start(time.UTC).Format("2006-01-02") != parts[1] {
		return true, nil // re-dated: the new date has a reminder of its own
	}
	if _, err := s.store.Member(ctx, a.CommitteeID, msg.UserID); errors.Is(err, ErrNotFound) {
		return true, nil
	} else if err != nil {
		return false, err
	}
	return false, nil
}

// firstDay is the day, in loc, meeting m was first due to be held
// ("2006-01-02"), from its changes.
func (s *Service) firstDay(ctx context.Context, m Meeting, loc *time.Location) (string, error) {
	if m.Revision == 0 {
		return m.StartsAt.In(loc).Format("2006-01-02"), nil
	}
	changes, err := s.store.MeetingChanges(ctx, m.ID)
	if err != nil {
		return "", err
	}
	first, _ := firstPlanned(m, changes)
	return first.StartsAt.In(loc).Format("2006-01-02"), nil
}

// reminderMessages builds a reminder: the channel post and the direct
// messages to presenters whose reports are missing.
func (s *Service) reminderMessages(ctx context.Context, p PendingReminder, now time.Time) ([]OutboxMessage, error) {
	c, m := p.Committee, p.Meeting
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	reports, err := s.store.ReportLinks(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	as, err := s.store.Apologies(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	// A meeting moved or re-timed since an earlier reminder says so, as
	// its posted agenda does: members who read that reminder, or put the
	// first day in their diaries, would not otherwise notice the change.
	var changes []MeetingChange
	if m.Revision != 0 {
		if changes, err = s.store.MeetingChanges(ctx, m.ID); err != nil {
			return nil, err
		}
	}
	// The commands the reminder gives act on the next meeting unless given
	// a date: reminding of a later one (weekly meetings, reminders a week
	// ahead), they name its day, or apologies would go to the wrong one.
	day := ""
	next, err := s.store.NextMeeting(ctx, c.ID, now)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	// They name it too while another meeting is under way, or waits to
	// be opened: without a date, they act then on that one (inFront).
	front, _, atTable, rerr := s.inFront(ctx, c, nil, Date{}, now)
	if rerr != nil {
		return nil, rerr
	}
	if err != nil || next.ID != m.ID || atTable && front.ID != m.ID {
		day = m.StartsAt.In(c.Location()).Format("2006-01-02") + " "
	}
	missing := MissingReports(items, reports)
	key := p.Key
	if key == "" {
		key = fmt.Sprintf("reminder:%d:%d", m.ID, p.Days)
	}
	// It says how far off the meeting is from the day it is sent, which is
	// not the reminder's own once it is sent late past midnight (one missed
	// while the bot was stopped): "tomorrow" on the day would send members
	// to the meeting a day late.
	reply := ReminderReply(c, m, changes, day, daysBetween(DateOf(now, c.Location()), DateOf(m.StartsAt, c.Location())), items, as, missing)
	// The actions owed are carried forward here as on the agenda, so owners
	// see before the meeting what they will be asked about.
	sec, err := s.actionsSection(ctx, c, m, now)
	if err != nil {
		return nil, err
	}
	if sec != nil {
		reply.Sections = append(reply.Sections, *sec)
	}
	msgs := []OutboxMessage{{
		CommitteeID: c.ID, Kind: OutboxPost, ChannelID: c.ChannelID, MessageKey: key, DedupeKey: key,
		Reply: reply, DueAt: now,
	}}
	for _, dm := range presenterDMs(c, m, day, missing, members, as) {
		dm.DedupeKey = key + ":dm:" + dm.UserID
		dm.DueAt = now
		msgs = append(msgs, dm)
	}
	return msgs, nil
}

// MissingReports are the items that name a presenter but have no report
// link standing. Standard items need no report.
func MissingReports(items []AgendaItem, reports []ReportLink) []AgendaItem {
	var out []AgendaItem
	for _, it := range items {
		if it.Standard || strings.TrimSpace(it.Presenter) == "" || hasReport(it, reports) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// ReminderReply is the reminder posted to the channel days before meeting
// m, whose changes (oldest first) say whether it has moved. day, when not
// "", is m's date and a space ("2026-12-17 "), given in the commands it
// shows when m is not the next meeting.
func ReminderReply(c Committee, m Meeting, changes []MeetingChange, day string, days int, items []AgendaItem, as []Apology, missing []AgendaItem) Reply {
	loc := c.Location()
	when := fmt.Sprintf("in %d days", days)
	switch days {
	case 0:
		when = "today"
	case 1:
		when = "tomorrow"
	}
	facts := meetingFacts(m, loc) + movedNote(m, changes, loc)
	if m.Venue != "" {
		facts += "\n*Venue:* " + Escape(m.Venue)
	}
	reply := Reply{
		Visibility: Public,
		Header:     "Reminder: " + c.Name + " meets " + when,
		Text:       facts,
		Sections: []Section{
			{Title: "Agenda", Text: itemLines(items, nil, false)},
			{Title: "Apologies received", Text: ApologiesSentence(as) + prefixed("\n", substitutesSentence(as))},
		},
		Footer: fmt.Sprintf("Can't come? Send apologies with `/apologies%s`. Declare an interest with `/declare %sITEM KIND NATURE`. Send your report's link with `/report %sITEM URL`. The full agenda: `/agenda%s`.",
			prefixed(" ", strings.TrimSpace(day)), day, day, prefixed(" ", strings.TrimSpace(day))),
	}
	if len(missing) > 0 {
		var b strings.Builder
		for _, it := range missing {
			fmt.Fprintf(&b, "• *%s* %s — _%s_\n", it.Number, Escape(it.Title), presenterText(it))
		}
		reply.Sections = append(reply.Sections, Section{Title: "Reports still missing", Text: strings.TrimRight(b.String(), "\n")})
	}
	return reply
}

// presenterDMs are the direct messages to members who present items whose
// reports are missing, one per member, found by presenterIndex. A member
// whose apologies stand (among as) is not asked to send them again: their
// report is wanted all the same.
func presenterDMs(c Committee, m Meeting, day string, missing []AgendaItem, members []Member, as []Apology) []OutboxMessage {
	byName := newPresenterIndex(members)
	var order []string
	owed := map[string][]AgendaItem{}
	for _, it := range missing {
		for _, mem := range byName.presenters(it) {
			if _, seen := owed[mem.UserID]; !seen {
				order = append(order, mem.UserID)
			}
			if l := owed[mem.UserID]; len(l) == 0 || l[len(l)-1].Number != it.Number {
				owed[mem.UserID] = append(l, it)
			}
		}
	}
	loc := c.Location()
	var out []OutboxMessage
	for _, userID := range order {
		its := owed[userID]
		var b strings.Builder
		if len(its) == 1 {
			fmt.Fprintf(&b, "Your report for the meeting of *%s* on %s has not arrived yet:\n", Escape(c.Name), describeMeeting(m, loc))
		} else {
			fmt.Fprintf(&b, "Your %d reports for the meeting of *%s* on %s have not arrived yet:\n", len(its), Escape(c.Name), describeMeeting(m, loc))
		}
		for _, it := range its {
			fmt.Fprintf(&b, "• *%s* %s\n", it.Number, Escape(it.Title))
		}
		if len(its) == 1 {
			fmt.Fprintf(&b, "Please send its link from <#%s> with `/report %s%s URL`.", c.ChannelID, day, its[0].Number)
		} else {
			fmt.Fprintf(&b, "Please send each one's link from <#%s> with `/report %sITEM URL`, e.g. `/report %s%s URL`.", c.ChannelID, day, day, its[0].Number)
		}
		if slices.ContainsFunc(as, func(a Apology) bool { return a.UserID == userID }) {
			fmt.Fprintf(&b, " Your apologies for the meeting are recorded; %s wanted all the same.", plural(len(its), "the report is", "the reports are"))
		} else {
			fmt.Fprintf(&b, " If you can't come, send apologies there with `/apologies%s`.", prefixed(" ", strings.TrimSpace(day)))
		}
		out = append(out, OutboxMessage{CommitteeID: c.ID, Kind: OutboxDM, UserID: userID, Reply: Reply{Visibility: Private, Text: b.String()}})
	}
	return out
}

// presenterIndex finds the members who present an agenda item. Presenters
// are matched to members by name, ignoring case, spacing and titles such as
// "Superintendent"; an item may name several presenters. A name printed
// with a slip of one letter is still the member's when the item names
// their organisation too (nearly).
type presenterIndex struct {
	// byName holds the members of each name as presenterNames folds it:
	// two, for members whose names differ by an accent alone.
	byName  map[string][]Member
	members []Member
}

func newPresenterIndex(members []Member) presenterIndex {
	x := presenterIndex{byName: map[string][]Member{}, members: members}
	for _, mem := range members {
		for _, n := range presenterNames(mem.Name) {
			x.byName[n] = append(x.byName[n], mem)
		}
	}
	return x
}

// presenters lists the members who present it, in the order it names them.
// A name that may be either of two members (Sean Murphy, Seán Murphy) is
// the one it spells exactly, or neither: told of a report that is not
// theirs, a member would chase the wrong one.
func (x presenterIndex) presenters(it AgendaItem) []Member {
	var out []Member
	for _, n := range presenterNames(it.Presenter) {
		if mems := x.byName[n]; len(mems) == 1 {
			out = append(out, mems[0])
		} else if len(mems) > 1 {
			for _, mem := range mems {
				if strings.Contains(FoldName(it.Presenter), FoldName(mem.Name)) {
					out = append(out, mem)
				}
			}
		} else if mem, ok := x.nearly(n, it); ok {
			out = append(out, mem)
		}
	}
	return out
}

// presentsAny reports whether x (an index of one member, or several)
// finds any of its members presenting it, and whether by name exactly,
// not only by a misprint (nearly) or without its accents, which another
// member's name may be too.
func (x presenterIndex) presentsAny(it AgendaItem) (found, exactly bool) {
	for _, n := range presenterNames(it.Presenter) {
		for _, mem := range x.byName[n] {
			if strings.Contains(FoldName(it.Presenter), FoldName(mem.Name)) {
				return true, true
			}
		}
	}
	return len(x.presenters(it)) > 0, false
}

// includes reports whether mem is among the members x finds presenting it.
func (x presenterIndex) includes(it AgendaItem, mem Member) bool {
	return slices.ContainsFunc(x.presenters(it), func(p Member) bool { return p.UserID == mem.UserID })
}

// presentsOf answers whether mem, a member of c, presents an item. A
// misprinted presenter is mem's only if it is no closer to another
// member's name (nearly): for such an item, and only then, the committee's
// members are read.
func (s *Service) presentsOf(ctx context.Context, c Committee, mem Member) func(AgendaItem) (bool, error) {
	alone := newPresenterIndex([]Member{mem})
	var all *presenterIndex
	return func(it AgendaItem) (bool, error) {
		found, exactly := alone.presentsAny(it)
		if !found || exactly {
			return found, nil
		}
		if all == nil {
			ms, err := s.store.Members(ctx, c.ID)
			if err != nil {
				return false, err
			}
			x := newPresenterIndex(ms)
			all = &x
		}
		return all.includes(it, mem), nil
	}
}

// nearly is the one member whose name is name but for a letter mistyped,
// left out, added, or two letters swapped in one of its words ("Neil
// Frackleton" for Neil Frackelton: published agendas carry such slips),
// and whose organisation it names, in its presenter, as its organisation
// or as its title (partner reports are titled so: "7.5 SWACA"). Two such
// members, or a word under four letters, and it is no one: a reminder
// sent to the wrong person is worse than none.
func (x presenterIndex) nearly(name string, it AgendaItem) (Member, bool) {
	words := strings.Fields(name)
	var found Member
	n := 0
	for _, mem := range x.members {
		org := FoldName(mem.Organisation)
		if org == "" || (FoldName(it.Organisation) != org && !strings.Contains(FoldName(it.Presenter), org) && foldOrg(it.Title) != foldOrg(mem.Organisation)) {
			continue
		}
		for _, mine := range presenterNames(mem.Name) {
			if oneSlip(words, strings.Fields(mine)) {
				found, n = mem, n+1
				break
			}
		}
	}
	return found, n == 1
}

// oneSlip reports whether a and b, words of a name, are the same words but
// for one that differs by one edit (oneEdit), in a word of four letters
// or more.
func oneSlip(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	slips := 0
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if slips++; slips > 1 || min(utf8.RuneCountInString(a[i]), utf8.RuneCountInString(b[i])) < 4 || !oneEdit(a[i], b[i]) {
			return false
		}
	}
	return slips == 1
}

// oneEdit reports whether a and b differ by exactly one letter changed,
// left out or added, or two neighbouring letters swapped.
func oneEdit(a, b string) bool {
	return slips([]rune(a), []rune(b)) == 1
}
