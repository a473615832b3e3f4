package commands

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// QuorumRule is how many voting members make a committee's meeting
// quorate: a fixed number, or a fraction of its voting members rounded up,
// with an optional minimum. The zero rule is none set.
type QuorumRule struct {
	Fixed                  int
	Numerator, Denominator int
	Minimum                int
}

// Set reports whether the committee has a rule.
func (r QuorumRule) Set() bool { return r.Fixed > 0 || r.Denominator > 0 }

// Need is the number of voting members that make a quorum when the
// committee has voting members. A fraction of none is none, but no meeting
// is quorate with nobody there, so a rule never asks for fewer than one.
func (r QuorumRule) Need(voting int) int {
	if r.Fixed > 0 {
		return r.Fixed
	}
	if r.Denominator <= 0 {
		return 0
	}
	n := (voting*r.Numerator + r.Denominator - 1) / r.Denominator
	return max(n, r.Minimum, 1)
}

// String is the rule as `/committee quorum` takes it: "4", "1/3",
// "1/4 min 3".
func (r QuorumRule) String() string {
	switch {
	case r.Fixed > 0:
		return strconv.Itoa(r.Fixed)
	case r.Denominator == 0:
		return ""
	case r.Minimum > 0:
		return fmt.Sprintf("%d/%d min %d", r.Numerator, r.Denominator, r.Minimum)
	}
	return fmt.Sprintf("%d/%d", r.Numerator, r.Denominator)
}

// ReadQuorumRule reads a rule as String writes it, as the history of a
// committee's rule keeps it.
func ReadQuorumRule(s string) (QuorumRule, error) {
	return parseQuorumRule(strings.Fields(s))
}

// QuorumRuleSet is a committee's quorum rule from when it was set.
type QuorumRuleSet struct {
	Rule QuorumRule
	At   time.Time
}

// ruleAt is the rule in force at t among sets (oldest first): the zero
// rule when none had been set by then.
func ruleAt(sets []QuorumRuleSet, t time.Time) QuorumRule {
	var r QuorumRule
	for _, s := range sets {
		if s.At.After(t) {
			break
		}
		r = s.Rule
	}
	return r
}

// parseQuorumRule reads "4", "1/3" or "1/4 min 3".
func parseQuorumRule(words []string) (QuorumRule, error) {
	bad := fmt.Errorf("give a number of members (4) or a fraction of the voting members (1/3, or 1/4 min 3)")
	if len(words) >= 3 && words[1] == "/" {
		// "1 / 3", spaced as it is said.
		words = append([]string{words[0] + "/" + words[2]}, words[3:]...)
	}
	if f, n := fractionSaid(words); n > 0 {
		// Read as the figures would be, so that a minimum they gave is
		// kept in the figures offered.
		if r, err := parseQuorumRule(append([]string{f}, words[n:]...)); err == nil && n < len(words) {
			return QuorumRule{}, fmt.Errorf("write the fraction in figures: %s", r)
		}
		return QuorumRule{}, fmt.Errorf("write the fraction in figures: %s (or %s min 3)", f, f)
	}
	if len(words) == 0 || len(words) > 3 || len(words) == 2 {
		return QuorumRule{}, bad
	}
	num, den, frac := strings.Cut(words[0], "/")
	if !frac {
		n, err := strconv.Atoi(words[0])
		if err == nil && n < 1 && len(words) == 1 {
			return QuorumRule{}, fmt.Errorf("a quorum is at least 1 member: give a number of members (4) or a fraction of the voting members (1/3, or 1/4 min 3)")
		}
		if err != nil || n < 1 || n > 1000 || len(words) != 1 {
			return QuorumRule{}, bad
		}
		return QuorumRule{Fixed: n}, nil
	}
	a, err1 := strconv.Atoi(num)
	b, err2 := strconv.Atoi(den)
	if err1 != nil || err2 != nil || a < 1 || b < 1 || a > b || b > 100 {
		// Shortened: either side of the stroke may be any number of
		// characters long.
		return QuorumRule{}, fmt.Errorf("%s is not a fraction of the members: use 1/3 or 1/4", truncateText(words[0], 24))
	}
	r := QuorumRule{Numerator: a, Denominator: b}
	if len(words) == 3 {
		m, err := strconv.Atoi(words[2])
		if !strings.EqualFold(words[1], "min") && !strings.EqualFold(words[1], "minimum") || err != nil || m < 1 || m > 1000 {
			return QuorumRule{}, bad
		}
		r.Minimum = m
	}
	return r, nil
}

// fractionSaid reads a quorum given in words, as the standing orders put
// it ("half", "one third", "a quarter"), for the figures that say it and
// how many words said it; 0 words for none.
func fractionSaid(words []string) (string, int) {
	n := 1
	if len(words) > 1 && (strings.EqualFold(words[0], "a") || strings.EqualFold(words[0], "one")) {
		n = 2
	}
	if len(words) < n {
		return "", 0
	}
	switch strings.TrimSuffix(strings.ToLower(words[n-1]), "s") {
	case "half":
		return "1/2", n
	case "third":
		return "1/3", n
	case "quarter":
		return "1/4", n
	}
	return "", 0
}

// AttendanceStatus is where a person stands at a meeting.
type AttendanceStatus string

// Attendance statuses. Present, late and remote count to the quorum (a
// voting member, or a substitute for one); in-attendance (officers,
// advisers, guests) and left do not.
const (
	AttendPresent      AttendanceStatus = "present"
	AttendLate         AttendanceStatus = "late"
	AttendLeft         AttendanceStatus = "left"
	AttendAbsent       AttendanceStatus = "absent"
	AttendRemote       AttendanceStatus = "remote"
	AttendInAttendance AttendanceStatus = "in-attendance"
)

// here reports whether the status puts someone in the room (or on the
// call) now.
func (s AttendanceStatus) here() bool {
	return s == AttendPresent || s == AttendLate || s == AttendRemote || s == AttendInAttendance
}

// attends reports whether the status marks someone here as one who takes
// part: present, late or on the call. In attendance (officers, guests)
// does not; a member marked so takes no part, and their apologies stand.
func (s AttendanceStatus) attends() bool {
	return s == AttendPresent || s == AttendLate || s == AttendRemote
}

// AttendanceMark is one entry in a meeting's attendance log.
type AttendanceMark struct {
	ID        int64
	MeetingID int64
	// MemberKey is the person: their Slack user ID, or "name:…" for
	// someone not in Slack (see NameKey).
	MemberKey    string
	Seq          int
	UserID       string
	Name         string
	Organisation string
	Status       AttendanceStatus
	// At is when they arrived or left, as entered.
	At time.Time
	// SubstituteFor is the MemberKey of the member they stand in for.
	SubstituteFor string
	By            string // who entered it
	// EnteredAt is when it was entered: as read, the database's time; as
	// written, the request's, which the apology it withdraws or restores
	// keeps.
	EnteredAt time.Time
	// Corrects: the mark withdraws the departure before it, entered by
	// mistake; the person never left. Status and SubstituteFor are what
	// they had before it, and At the time the departure gave.
	Corrects bool
	// Sole, for a mark that has someone here as SubstituteFor's
	// substitute, saves it only if no one else is here as theirs, as read
	// under the meeting's attendance lock: otherwise MarkAttendance fails
	// with ErrConflict and saves nothing. It is not itself saved.
	Sole bool
}

// splitOrg splits "Jen Williams (NW Probation)", as a person not in Slack
// is named, into the name and the organisation in its last brackets; a
// name without them has no organisation.
func splitOrg(s string) (name, org string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, "("); i > 0 && strings.HasSuffix(s, ")") {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
	}
	return s, ""
}

// NameKey is the MemberKey of a person not in Slack, as the apologies
// table keys them: the name folded (FoldName).
func NameKey(name string) string {
	return "name:" + FoldName(name)
}

// Attendee is a person's standing at a meeting, folded from the log.
type Attendee struct {
	Key, UserID, Name, Organisation string
	Status                          AttendanceStatus
	Arrived                         time.Time // first arrival
	Late                            bool      // arrived late
	Left                            time.Time // when Status is left
	Remote                          bool      // attended remotely at some point since last marked absent
	InAttendance                    bool      // came in attendance (not as a member); still so once left
	SubstituteFor                   string
	By                              string // who entered the standing mark
	first                           int64  // ID of the first mark, for order
}

// Standing folds a meeting's attendance log into each person's standing,
// in the order they were first marked. Marks are applied in Seq order per
// person, whatever order the log comes in.
func Standing(log []AttendanceMark) []Attendee {
	marks := append([]AttendanceMark(nil), log...)
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].MemberKey != marks[j].MemberKey {
			return marks[i].MemberKey < marks[j].MemberKey
		}
		return marks[i].Seq < marks[j].Seq
	})
	byKey := map[string]*Attendee{}
	var order []*Attendee
	for _, m := range marks {
		a := byKey[m.MemberKey]
		if a == nil {
			a = &Attendee{Key: m.MemberKey, first: m.ID}
			byKey[m.MemberKey] = a
			order = append(order, a)
		}
		a.UserID, a.Name, a.Organisation, a.By = m.UserID, m.Name, m.Organisation, m.By
		was := a.Status
		a.Status = m.Status
		// Each mark says whom they stand in for: those who record a
		// substitute coming and going carry it, and a member's own mark
		// without it (one marked as a substitute by mistake) ends it.
		a.SubstituteFor = m.SubstituteFor
		switch m.Status {
		case AttendPresent, AttendLate, AttendRemote, AttendInAttendance:
			// A late arrival marked for someone already here corrects
			// when they arrived (they pressed I'm here on arriving, or
			// the time was typed wrong); someone coming back after they
			// left keeps their first arrival.
			if a.Arrived.IsZero() || m.Status == AttendLate && was.here() {
				a.Arrived, a.Late = m.At, m.Status == AttendLate
			}
			a.Remote = a.Remote || m.Status == AttendRemote
			a.InAttendance = m.Status == AttendInAttendance
			a.Left = time.Time{}
		case AttendLeft:
			a.Left = m.At
		case AttendAbsent:
			// Absent undoes the attendance marked before it, a remote
			// mark made by mistake included: nothing else can.
			a.Arrived, a.Late, a.Left, a.InAttendance, a.Remote = time.Time{}, false, time.Time{}, false, false
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].first < order[j].first })
	out := make([]Attendee, len(order))
	for i, a := range order {
		out[i] = *a
	}
	return out
}

// Voter is a member as the quorum sees them.
type Voter struct {
	Key    string
	Name   string
	Voting bool // false for non-voting members and for officers
}

// Count is a quorum count: who counts, how many are needed, and who
// withdraws for the item counted.
type Count struct {
	Rule      QuorumRule
	Present   int      // voting members counted, in person, remotely or by substitute
	Need      int      // 0 when the committee has no rule
	Withdrawn []string // names of members who withdraw for the item
}

// Quorate reports whether the count makes a quorum; with no rule set, any
// meeting is.
func (c Count) Quorate() bool { return c.Need == 0 || c.Present >= c.Need }

// Line is the count as the live message shows it: "Quorate: 7 present,
// quorum 4". It ends without a full stop, whatever the count, so that
// each caller ends its sentence once.
func (c Count) Line() string {
	switch {
	case c.Need == 0:
		return fmt.Sprintf("%d voting %s present; no quorum is set (`/committee quorum N`)", c.Present, plural(c.Present, "member", "members"))
	case c.Quorate():
		return fmt.Sprintf("Quorate: %d present, quorum %d", c.Present, c.Need)
	}
	return fmt.Sprintf("*Inquorate*: %d present, quorum %d", c.Present, c.Need)
}

// CountQuorum counts the voting members at a meeting: those here in person
// or remotely, and those a substitute is here for, each once. Members in
// withdraw (a pecuniary interest in the item under discussion) do not
// count, nor does a substitute for them, nor a substitute in withdraw
// themselves.
func CountQuorum(rule QuorumRule, voters []Voter, attendees []Attendee, withdraw map[string]bool) Count {
	voting := map[string]Voter{}
	nVoting := 0
	for _, v := range voters {
		if v.Voting {
			voting[v.Key] = v
			nVoting++
		}
	}
	counted := map[string]bool{}
	var withdrawn []string
	withdraws := func(name string) {
		if !slices.Contains(withdrawn, name) {
			withdrawn = append(withdrawn, name)
		}
	}
	for _, a := range attendees {
		if !a.Status.here() || a.Status == AttendInAttendance {
			continue
		}
		key := a.Key
		if a.SubstituteFor != "" {
			key = a.SubstituteFor
		}
		if _, ok := voting[key]; !ok {
			continue
		}
		if a.SubstituteFor != "" && withdraw[a.Key] {
			name := a.Name
			if v, ok := voting[a.Key]; ok {
				name = v.Name
			}
			withdraws(name)
			continue
		}
		if counted[key] {
			continue
		}
		if withdraw[key] {
			withdraws(voting[key].Name)
			continue
		}
		counted[key] = true
	}
	return Count{Rule: rule, Present: len(counted), Need: rule.Need(nVoting), Withdrawn: withdrawn}
}

// Withdrawing lists the members who withdraw for item: those with a
// disclosable pecuniary interest in it standing and no dispensation. A
// declaration follows its item when it is renumbered, so it is matched by
// the item's number as it stands, not the one it was declared under
// (which another item may have taken since); one on an item taken off the
// agenda is on no item.
func Withdrawing(ds []Declaration, item string) map[string]bool {
	out := map[string]bool{}
	for _, d := range ds {
		f := d.filed()
		if d.Withdrawn || d.Dispensation || d.Kind != InterestPecuniary || (f.ID != 0 && f.On.Removed) || !strings.EqualFold(f.number(), item) {
			continue
		}
		out[declarantKey(d)] = true
	}
	return out
}

// SessionAction is an entry in a meeting's conduct log.
type SessionAction string

// Session actions. ActionItem records the item taken up; the others move
// the meeting from one state to the next.
const (
	ActionOpened    SessionAction = "opened"
	ActionAdjourned SessionAction = "adjourned"
	ActionResumed   SessionAction = "resumed"
	ActionClosed    SessionAction = "closed"
	ActionItem      SessionAction = "item"
	// ActionItemUndone takes back the item last taken up, taken up in
	// error: the meeting never considered it then (see SittingOf).
	ActionItemUndone SessionAction = "item undone"
)

// ChairTaken is an entry in a meeting's log of who took the chair: the
// member (their MemberKey) who presides from At, recorded by By, while
// they are here and until the chair comes back into the room (see
// meetingState.inTheChair).
type ChairTaken struct {
	MeetingID int64
	Seq       int
	MemberKey string
	At        time.Time
	By        string
}

// SessionEvent is one entry in a meeting's conduct log.
type SessionEvent struct {
	MeetingID int64
	Seq       int
	Action    SessionAction
	Item      string
	At        time.Time
	By        string
}

// Sitting is a meeting's conduct as its log stands: its state (the last
// action other than an item; "" when never opened), when it opened and
// closed, and the item under discussion. Events are what the meeting did,
// without an item taken up in error and the entry undoing it; Log is
// every entry, for its history.
type Sitting struct {
	State          SessionAction
	Opened, Closed time.Time
	OpenedBy       string
	Item           string
	Events         []SessionEvent
	Log            []SessionEvent
}

// SittingOf folds a conduct log, in Seq order. An item undone
// (ActionItemUndone) is dropped from Events with the entry that undid it,
// and the item before it is under discussion again, as though the meeting
// had never moved from it: the minutes place nothing during an item the
// chair took up by mistake, nor say the order of business was varied.
func SittingOf(log []SessionEvent) Sitting {
	var s Sitting
	s.Log = log
	for _, e := range log {
		switch e.Action {
		case ActionItem:
			s.Item = e.Item
			s.Events = append(s.Events, e)
			continue
		case ActionItemUndone:
			if i := lastItemTaken(s.Events); i >= 0 {
				s.Events = slices.Delete(s.Events, i, i+1)
			}
			s.Item = ""
			for _, was := range slices.Backward(s.Events) {
				if was.Action == ActionItem {
					s.Item = was.Item
					break
				}
			}
			continue
		case ActionOpened:
			s.Opened, s.OpenedBy = e.At, e.By
		case ActionClosed:
			s.Closed = e.At
			s.Item = ""
		}
		s.State = e.Action
		s.Events = append(s.Events, e)
	}
	return s
}

// lastItemTaken is the index in events of the last item taken up since
// the meeting last opened or resumed, or -1: what `/meeting item undo`
// takes back.
func lastItemTaken(events []SessionEvent) int {
	for i, e := range slices.Backward(events) {
		switch e.Action {
		case ActionItem:
			return i
		case ActionOpened, ActionResumed, ActionAdjourned, ActionClosed:
			return -1
		}
	}
	return -1
}

// Running reports whether the meeting is open or adjourned, not closed.
func (s Sitting) Running() bool {
	return s.State == ActionOpened || s.State == ActionResumed || s.State == ActionAdjourned
}

// sittingAfter lists the states from which action may follow.
func sittingAfter(action SessionAction) []SessionAction {
	switch action {
	case ActionOpened:
		return []SessionAction{""}
	case ActionAdjourned:
		return []SessionAction{ActionOpened, ActionResumed}
	case ActionResumed:
		return []SessionAction{ActionAdjourned}
	case ActionClosed:
		return []SessionAction{ActionOpened, ActionResumed, ActionAdjourned}
	case ActionItem, ActionItemUndone:
		return []SessionAction{ActionOpened, ActionResumed}
	}
	return nil
}

// dayMeeting picks the meeting of the day at now in loc from ms: the
// first not cancelled that starts on today's date, or else one that
// started in the 12 hours before (a meeting running past midnight).
func dayMeeting(ms []Meeting, now time.Time, loc *time.Location) (Meeting, bool) {
	today := DateOf(now, loc)
	var found *Meeting
	for i := range ms {
		m := ms[i]
		if m.Status == MeetingCancelled {
			continue
		}
		if DateOf(m.StartsAt, loc) == today {
			return m, true
		}
		if found == nil && !m.StartsAt.After(now) && now.Sub(m.StartsAt) < 12*time.Hour {
			found = &ms[i]
		}
	}
	if found != nil {
		return *found, true
	}
	return Meeting{}, false
}

// StartWithin is how long before its start time a meeting may be opened.
const StartWithin = 3 * time.Hour

// startable refuses to open m at now: cancelled, closed or held already,
// more than a few hours away, or long past.
func startable(c Committee, m Meeting, s Sitting, now time.Time) error {
	loc := c.Location()
	switch {
	case m.Status == MeetingCancelled:
		return userErr("The meeting on %s was cancelled, so it cannot be opened.", formatDay(m.StartsAt, loc))
	case s.State == ActionClosed:
		return userErr("The meeting on %s was closed at %s; it cannot be opened again.", formatDay(m.StartsAt, loc), s.Closed.In(loc).Format("15:04"))
	case m.Status == MeetingHeld:
		// Held without Quorum taking it (its minutes imported): opened
		// now, it would show as in progress and take attendance today.
		return userErr("The meeting on %s was held; it cannot be opened again.", formatDay(m.StartsAt, loc))
	case now.Sub(m.StartsAt) >= 12*time.Hour:
		// As for the meeting of the day (dayMeeting), a meeting runs for
		// at most twelve hours: one that started longer ago is over.
		return userErr("The meeting on %s started at %s more than 12 hours ago; it cannot be opened now.", formatDay(m.StartsAt, loc), m.StartsAt.In(loc).Format("15:04"))
	case m.StartsAt.Sub(now) > StartWithin:
		// Asked on another day, "from 07:00" alone reads as this morning.
		open := m.StartsAt.Add(-StartWithin)
		clock := open.In(loc).Format("15:04")
		from := "from " + clock
		switch {
		case DateOf(open, loc) == DateOf(now, loc):
		case DateOf(open, loc) == DateOf(m.StartsAt, loc):
			from = "on the day, from " + clock
		default:
			from = "from " + clock + " on " + formatDay(open, loc)
		}
		return userErr("The meeting on %s starts at %s: it can be opened %s.", formatDay(m.StartsAt, loc),
			m.StartsAt.In(loc).Format("15:04"), from)
	}
	return nil
}

// clockDuring is the instant at clock c during a meeting opened at start,
// read at now: on the day it opened, or the next when that is before it
// opened and the next day's has come (a meeting running past midnight).
// Across a clock change the wall time is read in loc, so 11:05 is 11:05
// as the room's clocks showed it. The instant may still be before start
// or after now; the caller refuses those.
func clockDuring(start, now time.Time, c Clock, loc *time.Location) time.Time {
	t := DateOf(start, loc).At(c, loc)
	if back := clockBack(t, loc); back != 0 && t.Before(start.Truncate(time.Minute)) && sameReading(t, t.Add(back), loc) &&
		!t.Add(back).Before(start.Truncate(time.Minute)) {
		// The night the clocks go back, a time read twice is the second
		// when the meeting opened after the first.
		return t.Add(back)
	}
	if t.Before(start.Truncate(time.Minute)) {
		d := DateOf(start, loc)
		next := DateOf(time.Date(d.Year, d.Month, d.Day+1, 0, 0, 0, 0, loc), loc).At(c, loc)
		if !next.After(now) {
			t = next
		}
	}
	return t
}

// markTimeErr refuses t, given for a mark of status, when it is before
// the meeting opened at start or still to come at now: a mark tells what
// happened at the meeting.
func markTimeErr(t, start, now time.Time, status AttendanceStatus, loc *time.Location) error {
	what := "arrived late"
	if status == AttendLeft {
		what = "left"
	}
	clock := t.In(loc).Format("15:04")
	switch {
	case t.Before(start.Truncate(time.Minute)):
		return userErr("The meeting opened at %s, so no one %s at %s. Give a time from %s to now (%s), or leave the time out for now.",
			start.In(loc).Format("15:04"), what, clock, start.In(loc).Format("15:04"), now.In(loc).Format("15:04"))
	case t.After(now):
		return userErr("%s is still to come: it is %s now. Give a time from %s to now, or leave the time out for now.",
			clock, now.In(loc).Format("15:04"), start.In(loc).Format("15:04"))
	}
	return nil
}

// declarantKey is the MemberKey of a declaration's maker.
func declarantKey(d Declaration) string {
	if d.UserID != "" {
		return d.UserID
	}
	return NameKey(d.Name)
}

// LiveKey names the channel message of a meeting in progress.
func LiveKey(meetingID int64) string { return "meeting:" + strconv.FormatInt(meetingID, 10) }

// LivePost is the live message an opening posts, and the apologies
// standing that it was built from. The message is built before the
// opening takes the meeting's row, and apologies sent or withdrawn as
// the meeting opens commit before the opening is granted it (their
// statements hold the row): they are part of what the meeting started
// from. The store, once it holds the row, marks the message for an
// update in the opening's own transaction when the apologies standing
// are not these, so that the edit commits with the opening or not at all.
type LivePost struct {
	Message   OutboxMessage
	Apologies []Apology
}

// MeetingRecord is one meeting's attendance as the year's statistics read
// it: the attendance log and the apologies standing.
type MeetingRecord struct {
	Meeting   Meeting
	Log       []AttendanceMark
	Apologies []Apology
	// Members are those expected at it: its members, officers apart, as
	// they were when it closed. Nil when that is not known (a meeting not
	// closed in Quorum): those added before it started are expected.
	Members []Member
}

// MemberStats is one member's attendance over a period, as councils
// publish it.
type MemberStats struct {
	Member      Member
	Expected    int // meetings held while they were a member
	Attended    int // in person or remotely
	Remotely    int // of Attended
	Substituted int // attended by a substitute instead
	Apologies   int // sent apologies (and did not attend)
	// InAttendance: there, but marked in attendance (advising, not as a
	// member), so not attended; not absent either, which would say they
	// were not there.
	InAttendance int
	Absent       int // neither there nor sent apologies
}

// Percent is attended ÷ expected, rounded to the nearest whole number;
// apologies and substitutes do not count as attended. It is 0 when no
// meeting was expected of the member, which PercentText leaves blank.
func (s MemberStats) Percent() int {
	if s.Expected == 0 {
		return 0
	}
	return (s.Attended*200 + s.Expected) / (s.Expected * 2)
}

// PercentText is Percent as figures, or "" when no meeting was expected
// of the member (one who joined after the meetings counted): 0 would
// publish that they missed every meeting, when there was none to attend.
func (s MemberStats) PercentText() string {
	if s.Expected == 0 {
		return ""
	}
	return strconv.Itoa(s.Percent())
}

// AttendanceStats counts each member's attendance at the meetings: a
// meeting is expected of a member who was one when it closed (its
// Members), or, where that is not known, when it started.
func AttendanceStats(members []Member, meetings []MeetingRecord) []MemberStats {
	out := make([]MemberStats, 0, len(members))
	for _, mem := range members {
		st := MemberStats{Member: mem}
		for _, rec := range meetings {
			switch {
			case rec.Members != nil:
				if !slices.ContainsFunc(rec.Members, func(m Member) bool { return m.UserID == mem.UserID }) {
					continue
				}
			case !mem.AddedAt.IsZero() && mem.AddedAt.After(rec.Meeting.StartsAt):
				continue
			}
			st.Expected++
			attended, remote, substituted, advising := false, false, false, false
			for _, a := range Standing(rec.Log) {
				switch {
				case a.Key == mem.UserID && !a.Arrived.IsZero() && a.InAttendance:
					advising = true
				case a.Key == mem.UserID && !a.Arrived.IsZero():
					attended, remote = true, a.Remote
				case a.SubstituteFor == mem.UserID && !a.Arrived.IsZero():
					substituted = true
				}
			}
			apologised := false
			for _, ap := range rec.Apologies {
				if ap.UserID == mem.UserID {
					apologised = true
				}
			}
			switch {
			case attended:
				st.Attended++
				if remote {
					st.Remotely++
				}
			case substituted:
				st.Substituted++
			case apologised:
				// Apologies sent as a member stand though they came to
				// advise, as the minutes list them.
				st.Apologies++
			case advising:
				st.InAttendance++
			default:
				st.Absent++
			}
		}
		out = append(out, st)
	}
	return out
}
