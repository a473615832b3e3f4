package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The meeting itself: opening and closing it, who is here, whether it is
// quorate, and the live message in the channel that shows all three.

// conductSubs are the /meeting subcommands that run a meeting on the day.
func conductSubs() []Sub {
	return []Sub{{
		// "Open" is the chair's own word for it.
		Name: "start", Aliases: []string{"open"},
		Usage:    []string{"/meeting start [DATE] [TIME]"},
		Summary:  "Open today's meeting: posts the live \"Meeting in progress\" message with an I'm here button.",
		Examples: []string{"/meeting start", "/meeting start today 14:00"},
		Date:     startDateHelp,
		Who:      Chairs, Doing: "open the meeting", Run: startMeeting,
	}, {
		Name:    "adjourn",
		Usage:   []string{"/meeting adjourn"},
		Summary: "Adjourn the meeting in progress.",
		Who:     Chairs, Doing: "adjourn the meeting", Run: sittingAction(ActionAdjourned),
	}, {
		Name:    "resume",
		Usage:   []string{"/meeting resume"},
		Summary: "Resume an adjourned meeting.",
		Who:     Chairs, Doing: "resume the meeting", Run: sittingAction(ActionResumed),
	}, {
		Name:    "close",
		Usage:   []string{"/meeting close [anyway]"},
		Summary: "Close the meeting in progress; the live message becomes its summary. It asks first when someone who declared an interest is not marked in the attendance: `anyway` closes it as it is.",
		Who:     Chairs, Doing: "close the meeting", Run: sittingAction(ActionClosed),
	}, {
		Name:     "item",
		Usage:    []string{"/meeting item ITEM", "/meeting item undo"},
		Summary:  "Say which item is under discussion; the live message shows whether it is quorate. `undo` takes back the item last taken up, taken up in error: the item before it is under discussion again, and the minutes read as though the meeting never moved from it.",
		Examples: []string{"/meeting item 7.7", "/meeting item undo"},
		Who:      Chairs, Doing: "move the meeting on", Run: sittingAction(ActionItem),
	}, {
		Name:     "status",
		Usage:    []string{"/meeting status [ITEM]"},
		Summary:  "Who is here and whether the meeting, or one item, is quorate.",
		Examples: []string{"/meeting status", "/meeting status 7.7"},
		Read:     true, Run: meetingStatus,
	}, {
		Name:     "attendance",
		Usage:    []string{"/meeting attendance [DATE]"},
		Summary:  "The attendance paragraphs for the minutes: present, apologies, substitutes, arrivals and departures.",
		Examples: []string{"/meeting attendance", "/meeting attendance 10/12/2026"},
		Date:     attendedDateHelp,
		Read:     true, Run: meetingAttendance,
	}}
}

// quorumSubs are the /committee subcommands that show and set the quorum.
func quorumSubs() []Sub {
	return []Sub{{
		Name: "quorum", Alone: true,
		Usage:   []string{"/committee quorum"},
		Summary: "The committee's quorum, and what it comes to now.",
		Read:    true, Run: showQuorum,
	}, {
		Name:     "quorum",
		Usage:    []string{"/committee quorum N", "/committee quorum 1/3", "/committee quorum 1/4 min 3"},
		Summary:  "Set the quorum: a number of members, or a fraction of the voting members rounded up, with an optional minimum.",
		Examples: []string{"/committee quorum 4", "/committee quorum 1/4 min 3"},
		Who:      Officers, Doing: "set the quorum", Run: setQuorum,
	}, {
		Name:     "attendance",
		Usage:    []string{"/committee attendance [YEAR]"},
		Summary:  "Each member's attendance over a year: meetings expected, attended, by substitute, apologies, absent, and the percentage.",
		Examples: []string{"/committee attendance", "/committee attendance 2026"},
		Read:     true, Who: Officers, Doing: "see the attendance statistics", Run: committeeAttendance,
	}}
}

// withConduct adds the meeting's conduct to /meeting and the quorum to
// /committee, whose records live in their own files.
func withConduct(c *Command) *Command {
	switch c.Name {
	case "/meeting":
		c.Subs = append(c.Subs, conductSubs()...)
	case "/committee":
		for i := range c.Subs {
			if c.Subs[i].Name == "member add" {
				withVoting(&c.Subs[i])
			}
		}
		c.Subs = append(c.Subs, quorumSubs()...)
	}
	return c
}

// withVoting lets `/committee member add` end with non-voting: the
// member is saved with their vote in the one change that adds them (every
// add sets it, so adding again without the word makes them voting again),
// or, for a new chair or vice-chair, with the Confirm button's.
func withVoting(sub *Sub) {
	add := sub.Run
	for i, u := range sub.Usage {
		sub.Usage[i] = u + " [non-voting|voting]"
	}
	sub.Examples = append(sub.Examples, "/committee member add @amy Sefton Council non-voting")
	sub.Run = func(ctx context.Context, s *Service, in *Input) (Reply, error) {
		voting := true
		// Last as the usage has it, or before the role (`… non-voting
		// chair`): no organisation is called non-voting, and kept in
		// one it would leave them voting. `voting` there is what adding
		// them without a word gives, said: kept, it would end their
		// organisation's name in the minutes.
		if n := len(in.Args); n > 2 {
			for i := n - 1; i >= max(1, n-3); i-- {
				// `voting` is a word an organisation may have
				// ("Merseyside Voting Access Group"): only last, or
				// before the role, is it the member's vote.
				if isNonVoting(in.Args[i]) || strings.EqualFold(in.Args[i], "voting") && roleOnly(in.Args[i+1:]) {
					voting, in.Args = !isNonVoting(in.Args[i]), slices.Delete(slices.Clone(in.Args), i, i+1)
					break
				}
			}
		}
		in.voting = &voting
		return add(ctx, s, in)
	}
}

// roleOnly reports whether words are nothing, or a role as
// parseMemberAdd reads one at the end of `/committee member add`.
func roleOnly(words []string) bool {
	switch len(words) {
	case 0:
		return true
	case 1:
		switch w := strings.ToLower(words[0]); Role(w) {
		case RoleMember, RoleOfficer, RoleChair, RoleViceChair, "vicechair", "vice_chair", "vice–chair":
			return true
		}
	case 2:
		return strings.EqualFold(words[0], "vice") && strings.EqualFold(words[1], "chair")
	}
	return false
}

func isNonVoting(w string) bool {
	switch strings.ToLower(w) {
	case "non-voting", "nonvoting", "non_voting", "non–voting":
		return true
	}
	return false
}

// hereAction is the I'm here button.
const hereAction = "meeting_here"

func hereCommand() *Command {
	return &Command{
		Name:    "/here",
		Summary: "Say you are at the meeting in progress (the same as its I'm here button).",
		Saves:   "your attendance",
		Subs: []Sub{{
			Usage:   []string{"/here", "/here remote"},
			Summary: "Mark yourself present at the meeting in progress, or present remotely.",
			Also:    []string{"remote"},
			// Anyone: a substitute named in a member's apology is no
			// member, and is marked as their substitute.
			Who: Anyone, Run: hereNow,
		}},
		Buttons: map[string]Action{hereAction: pressHere},
	}
}

func attendanceCommand() *Command {
	return &Command{
		Name:    "/attendance",
		Summary: "Record who is at the meeting in progress: the officer or the chair marks anyone; members mark themselves.",
		Saves:   "the attendance",
		Fits:    fmt.Sprintf("a reason may be up to %d characters", MaxReasonLen),
		Subs: []Sub{{
			Usage: []string{
				"/attendance @person present|late [HH:MM]|left [HH:MM|none]|absent|remote|in-attendance",
				"/attendance @person substitute-for @member",
				"/attendance @member chair   (officer or chair: a member present takes the chair)",
				"/attendance @person apologies [REASON]|withdraw   (officer or chair: apologies received at the meeting, or withdrawn there)",
				"/attendance \"Name (Organisation)\" present|in-attendance|apologies|…   (officer or chair: someone not in Slack)",
			},
			Examples: []string{
				"/attendance @neil late 10:20",
				"/attendance @neil left 11:05",
				"/attendance @neil left none",
				"/attendance @helen apologies Unwell",
				"/attendance @helen apologies withdraw",
				"/attendance @graeme substitute-for @sue",
				"/attendance @graeme chair",
				"/attendance \"Jen Williams (NW Probation)\" in-attendance",
			},
			Also: []string{"present", "late", "left", "absent", "remote", "in-attendance", "substitute-for", "apologies", "chair"},
			Who:  Members, Run: markAttendance,
		}},
	}
}

// meetingState is what the live message, /meeting status and the
// attendance paragraphs are made from: a meeting's records as they stand.
type meetingState struct {
	c       Committee
	m       Meeting
	sit     Sitting
	log     []AttendanceMark
	att     []Attendee
	members []Member
	// former are those removed from the committee since they were marked
	// at the meeting (see FormerMembers): the record names them as the
	// members they were there, and its quorum counts them.
	former []Member
	// chair and vice are the Slack users who held the chair and the
	// vice-chair: now, or once the meeting is closed, when it closed (see
	// ChairsAt), so that a hand-over since leaves its record alone.
	chair, vice string
	// chairs are those recorded taking the chair (`/attendance @member
	// chair`), oldest first.
	chairs    []ChairTaken
	nonVoting map[string]bool
	apologies []Apology
	decls     []Declaration
	rule      QuorumRule
	// entered: name who entered each mark someone made for another, as
	// /meeting status does (the channel's message and the minutes do not).
	entered bool
	// asked is the item /meeting status was asked about: its line heads
	// the reply, so the count below leaves it out.
	asked string
	// minuteOf, for the minutes, numbers each agenda item as its minute
	// (one listed in its heading's minute, as that one): the minutes name
	// an item by the number they print, not the agenda's.
	minuteOf map[string]string
	// approval, for the declarations minute, is the confirmation of the
	// meeting's minutes, nil while they are a draft.
	approval *MinutesApproval
	// agenda, for the minutes and /meeting attendance, is the meeting's
	// agenda in its order: the order the chair took items in is told
	// against it.
	agenda []AgendaItem
	// rules, for the minutes and /meeting attendance, are the committee's
	// quorum rules with when each was set: the record says when the
	// meeting lost its quorum by the rule in force then, not today's.
	rules []QuorumRuleSet
}

func (s *Service) meetingState(ctx context.Context, c Committee, m Meeting) (meetingState, error) {
	st := meetingState{c: c, m: m, nonVoting: map[string]bool{}}
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return st, err
	}
	st.sit = SittingOf(events)
	if st.log, err = s.store.AttendanceLog(ctx, m.ID); err != nil {
		return st, err
	}
	st.att = Standing(st.log)
	if st.chairs, err = s.store.ChairsTaken(ctx, m.ID); err != nil {
		return st, err
	}
	if st.members, err = s.store.Members(ctx, c.ID); err != nil {
		return st, err
	}
	// The record of a meeting names its members as they were at it: one
	// removed since they were marked is still listed as present, not as a
	// guest, and counts to its quorum, in the minutes and, the meeting
	// still sitting, in its live count alike, or the two would disagree.
	if st.former, err = s.store.FormerMembers(ctx, c.ID, m.ID); err != nil {
		return st, err
	}
	if !st.sit.Closed.IsZero() {
		if st.chair, st.vice, err = s.store.ChairsAt(ctx, c.ID, m.ID); err != nil {
			return st, err
		}
	} else {
		st.chairsNow()
	}
	nv, err := s.store.NonVoting(ctx, c.ID)
	if err != nil {
		return st, err
	}
	for _, id := range nv {
		st.nonVoting[id] = true
	}
	if st.apologies, err = s.store.Apologies(ctx, m.ID); err != nil {
		return st, err
	}
	if st.decls, err = s.store.Declarations(ctx, m.ID); err != nil {
		return st, err
	}
	st.rule, err = s.store.QuorumRule(ctx, c.ID)
	return st, err
}

// chairsNow sets chair and vice to those holding the roles now.
func (st *meetingState) chairsNow() {
	for _, mb := range st.members {
		switch mb.Role {
		case RoleChair:
			st.chair = mb.UserID
		case RoleViceChair:
			st.vice = mb.UserID
		}
	}
}

// voters are the committee's members as the quorum sees them: officers
// never vote.
func (st meetingState) voters() []Voter {
	out := make([]Voter, 0, len(st.members)+len(st.former))
	seen := map[string]bool{}
	// Those removed since they were marked at the meeting count at it
	// (see former), once each: one added back is among the members too.
	for _, m := range slices.Concat(st.members, st.former) {
		if !seen[m.UserID] {
			seen[m.UserID] = true
			out = append(out, Voter{Key: m.UserID, Name: m.Name, Voting: !m.IsOfficer() && !st.nonVoting[m.UserID]})
		}
	}
	return out
}

// count is the quorum now, for the item given ("" for the meeting).
func (st meetingState) count(item string) Count {
	var withdraw map[string]bool
	if item != "" {
		withdraw = Withdrawing(st.decls, item)
	}
	return CountQuorum(st.rule, st.voters(), st.att, withdraw)
}

func (st meetingState) member(key string) (Member, bool) {
	for _, m := range slices.Concat(st.members, st.former) {
		if m.UserID == key {
			return m, true
		}
	}
	return Member{}, false
}

func (st meetingState) attendee(key string) (Attendee, bool) {
	for _, a := range st.att {
		if a.Key == key {
			return a, true
		}
	}
	return Attendee{}, false
}

// notTakenUp lists the apologies standing that name key's person as
// their member's substitute while that person is here otherwise: as a
// member in their own right, or standing in for another member. A person
// counts once, so the member who named them is not represented by them;
// the substitution stays recorded with the apologies, and is told as not
// taken up rather than silently dropped.
func (st meetingState) notTakenUp(key string) []Apology {
	a, ok := st.attendee(key)
	if !ok || a.UserID == "" || !a.Status.here() || a.InAttendance {
		return nil
	}
	if _, member := st.member(key); !member && a.SubstituteFor == "" {
		return nil
	}
	var out []Apology
	for _, ap := range st.apologies {
		if ap.UserID != "" && ap.SubstituteID == a.UserID && ap.UserID != a.SubstituteFor {
			out = append(out, ap)
		}
	}
	return out
}

// represented reports whether someone is here as member key's substitute.
func (st meetingState) represented(key string) bool {
	return slices.ContainsFunc(st.att, func(a Attendee) bool {
		return a.SubstituteFor == key && a.Status.here() && !a.Arrived.IsZero()
	})
}

// notTakenUpNote tells whoever marked mark's person here that the
// substitutions named in notTakenUp are not taken up, and whether the
// members who named them are left unrepresented.
func (st meetingState) notTakenUpNote(mark AttendanceMark, self bool) string {
	var notes []string
	for _, ap := range st.notTakenUp(mark.MemberKey) {
		member := st.keyName(ap.UserID)
		as := "as a member in their own right"
		if a, _ := st.attendee(mark.MemberKey); a.SubstituteFor != "" {
			as = "as substitute for " + st.keyName(a.SubstituteFor)
		}
		var note string
		if self {
			note = fmt.Sprintf("%s named you as their substitute, but you are here %s and count once: you cannot also stand in for them",
				member, strings.Replace(as, "their own", "your own", 1))
		} else {
			note = fmt.Sprintf("%s named %s as their substitute, but they are here %s and count once: they cannot also stand in for %s",
				member, Escape(mark.Name), as, member)
		}
		if !st.represented(ap.UserID) {
			note += fmt.Sprintf(", so %s is not represented", member)
		}
		notes = append(notes, note+".")
	}
	return strings.Join(notes, " ")
}

// memberHereNote says, for a mark that has someone here as a member's
// substitute while that member is here too, that the substitute does not
// count: the count in the answer would otherwise not have moved with no
// word why, as the live message gives it.
func (st meetingState) memberHereNote(mark AttendanceMark, self bool) string {
	if mark.SubstituteFor == "" || !mark.Status.attends() {
		return ""
	}
	a, ok := st.attendee(mark.SubstituteFor)
	if !ok || a.SubstituteFor != "" || a.Status == AttendAbsent || a.Status == AttendLeft || a.Arrived.IsZero() {
		return ""
	}
	who := "They are"
	if self {
		who = "You are"
	}
	return fmt.Sprintf("%s not counted while %s is here: a member and their substitute count once.", who, st.keyName(mark.SubstituteFor))
}

// nameOf is how the minutes name a person: "Sue Holden (Sefton CVS)".
func nameOf(name, org string) string {
	if org == "" {
		return Escape(name)
	}
	return Escape(name) + " (" + Escape(org) + ")"
}

// keyName names a member key: the member's name, or the person's as
// marked.
func (st meetingState) keyName(key string) string {
	// Someone marked is named as the paragraphs name them: once the
	// meeting has closed, as they were at it.
	if a, ok := st.attendee(key); ok {
		name, _ := st.attendeeAs(a)
		return Escape(name)
	}
	if m, ok := st.member(key); ok {
		return Escape(m.Name)
	}
	for _, a := range st.apologies {
		if a.UserID == key || NameKey(a.Name) == key {
			return Escape(a.Name)
		}
	}
	return Escape(strings.TrimPrefix(key, "name:"))
}

// substitutedName is the member key (a user, or "name:" and a name as
// keyed) whom a substitute at meeting meetingID stands in for, as text,
// named as the live message names them (keyName) from the members, the
// meeting's attendance log and its apologies; one the records no longer
// name (a member removed since, not marked) by the directory's name,
// else a mention.
func (s *Service) substitutedName(ctx context.Context, c Committee, meetingID int64, log []AttendanceMark, key string) (string, error) {
	st := meetingState{c: c, att: Standing(log)}
	var err error
	if st.members, err = s.store.Members(ctx, c.ID); err != nil {
		return "", err
	}
	if st.apologies, err = s.store.Apologies(ctx, meetingID); err != nil {
		return "", err
	}
	name := st.keyName(key)
	if strings.HasPrefix(key, "name:") || name != Escape(key) {
		return name, nil
	}
	if shown := s.displayName(ctx, key, ""); shown != key {
		return Escape(shown), nil
	}
	return "<@" + key + ">", nil
}

// runningMeeting is the committee's meeting in progress (open or
// adjourned).
func (s *Service) runningMeeting(ctx context.Context, c Committee) (Meeting, bool, error) {
	ms, err := s.store.RunningMeetings(ctx, []int64{c.ID})
	if err != nil || len(ms) == 0 {
		return Meeting{}, false, err
	}
	return ms[len(ms)-1], true, nil
}

// noneRunning refuses what takes a meeting in progress when c has none,
// saying what there is instead: today's meeting closed, today's still to
// be opened (the only one `/meeting start` opens), or the next meeting's
// day.
func (s *Service) noneRunning(ctx context.Context, c Committee, now time.Time) error {
	loc := c.Location()
	none := fmt.Sprintf("No meeting of %s is in progress.", Escape(c.Name))
	m, ok, err := s.dayMeetingOf(ctx, c, now)
	if err != nil {
		return err
	}
	var sit Sitting
	if ok {
		events, err := s.store.Sessions(ctx, m.ID)
		if err != nil {
			return err
		}
		sit = SittingOf(events)
		if sit.State == "" && m.Status == MeetingScheduled {
			if m.StartsAt.Sub(now) > StartWithin {
				return userErr("%s Today's starts at %s; the officer or the chair can open it with `/meeting start` from %s.", none,
					m.StartsAt.In(loc).Format("15:04"), m.StartsAt.Add(-StartWithin).In(loc).Format("15:04"))
			}
			return userErr("%s The officer or the chair opens today's with `/meeting start`.", none)
		}
	}
	next := ""
	switch n, err := s.store.NextMeeting(ctx, c.ID, now); {
	case err == nil:
		next = " The next is on " + formatDay(n.StartsAt, loc) + "."
	case !errors.Is(err, ErrNotFound):
		return err
	}
	switch {
	case sit.State == ActionClosed:
		return userErr("%s Today's closed at %s.%s", none, sit.Closed.In(loc).Format("15:04"), next)
	case sit.Running():
		// Opened a moment ago, by someone else.
		return userErr("%s Today's opened at %s: try again.", none, sit.Opened.In(loc).Format("15:04"))
	case ok:
		// Held without Quorum taking it (its minutes imported).
		return userErr("%s Today's has already taken place.%s", none, next)
	case next == "":
		return userErr("No meeting of %s is in progress, and none is scheduled: an officer schedules one with `/meeting schedule DATE TIME`.", Escape(c.Name))
	}
	return userErr("No meeting of %s is in progress, and there is none today.%s", Escape(c.Name), next)
}

// attendanceStands is noneRunning for a mark, which after today's meeting
// has been held is not what the clerk needs to hear: its attendance stands
// as the minutes print it, and what they say of who was there is put
// right by amending the minute concerned.
func (s *Service) attendanceStands(ctx context.Context, c Committee, now time.Time) error {
	err := s.noneRunning(ctx, c, now)
	ue := (*UserError)(nil)
	if !errors.As(err, &ue) {
		return err
	}
	m, ok, derr := s.dayMeetingOf(ctx, c, now)
	if derr != nil {
		return derr
	}
	if ok && m.Status == MeetingHeld {
		day := DateOf(m.StartsAt, c.Location()).iso()
		ue.Msg += fmt.Sprintf(" Its attendance now stands and can no longer be marked: to put the minutes right, an officer amends the minute concerned with `/minutes amend %s MINUTE TEXT` (`/minutes draft %s` gives the numbers); a declaration they leave out goes in the declarations minute.", day, day)
	}
	return ue
}

// apologiesBeforeOpening refuses apologies recorded, or withdrawn, with
// the attendance (a) while today's meeting, begun by the clock, waits to
// be opened: it takes them as before its start (openForApologies), the
// way the refusal gives, for the person and with the reason given, ready
// to send. nil otherwise, for noneRunning to answer.
func (s *Service) apologiesBeforeOpening(ctx context.Context, c Committee, now time.Time, a attendanceArgs) error {
	loc := c.Location()
	m, ok, err := s.waitingToOpen(ctx, c, now)
	if err != nil || !ok {
		return err
	}
	person, given := personArg(a.UserID, a.Name, a.Org)
	how := "sent as before its start: `/apologies for " + person + " today"
	switch {
	case a.Withdraw:
		how = "withdrawn as before its start: `/apologies withdraw for " + person + " today"
	case a.SetReason && a.Reason != "":
		how += " " + inCode(Escape(oneLine(a.Reason)))
	}
	return userErr("No meeting of %s is in progress: today's began at %s by the clock but has not been opened yet, and until it is, apologies for it are %s`%s. The officer or the chair opens it with `/meeting start`.",
		Escape(c.Name), m.StartsAt.In(loc).Format("15:04"), how, asGiven(given))
}

// waitingToOpen is today's meeting of c when it has begun by the clock
// and nobody has opened it yet (awaitingOpening), if so. Every meeting of
// the day is looked at, not only its first (dayMeeting), as storage's
// waiting does: records from earlier releases can hold two on one day,
// and at 14:05, the 10:00 closed, the members are at the 14:00's table.
// The latest begun is the one in front of them.
func (s *Service) waitingToOpen(ctx context.Context, c Committee, now time.Time) (Meeting, bool, error) {
	loc := c.Location()
	ms, err := s.store.Meetings(ctx, c.ID, now.Add(-12*time.Hour), DateOf(now, loc).Start(loc).AddDate(0, 0, 1))
	if err != nil {
		return Meeting{}, false, err
	}
	// Meetings lists them by their start: the latest begun is last.
	for _, m := range slices.Backward(ms) {
		if !awaitingOpening(m, now, loc) {
			continue
		}
		events, err := s.store.Sessions(ctx, m.ID)
		if err != nil {
			return Meeting{}, false, err
		}
		if SittingOf(events).State == "" {
			return m, true, nil
		}
	}
	return Meeting{}, false, nil
}

// dayMeetingOf is the meeting of the day at now, if any (see dayMeeting).
func (s *Service) dayMeetingOf(ctx context.Context, c Committee, now time.Time) (Meeting, bool, error) {
	loc := c.Location()
	ms, err := s.store.Meetings(ctx, c.ID, now.Add(-12*time.Hour), DateOf(now, loc).Start(loc).AddDate(0, 0, 1))
	if err != nil {
		return Meeting{}, false, err
	}
	m, ok := dayMeeting(ms, now, loc)
	return m, ok, nil
}

// todaysMeeting is the meeting d names, or with d "next" the meeting of
// the day in the committee's time zone.
func (s *Service) todaysMeeting(ctx context.Context, in *Input, d Date) (Meeting, error) {
	c := in.Committee
	if !d.IsNext() {
		return s.meetingFor(ctx, c, d, in.Now)
	}
	m, ok, err := s.dayMeetingOf(ctx, c, in.Now)
	if err != nil {
		return Meeting{}, err
	}
	if !ok {
		// The next meeting's date is the example where it could be
		// opened now (one just after midnight); given for one days away,
		// it would only be refused in turn, so the answer says when that
		// one opens, and how a meeting held today gets its record.
		loc := c.Location()
		next, err := s.store.NextMeeting(ctx, c.ID, in.Now)
		switch {
		case errors.Is(err, ErrNotFound):
			return Meeting{}, userErr("%s has no meeting today, and none is scheduled: an officer schedules one with `/meeting schedule DATE TIME`.", Escape(c.Name))
		case err != nil:
			return Meeting{}, err
		case next.StartsAt.Sub(in.Now) <= StartWithin:
			return Meeting{}, userErr("%s has no meeting today. Give the date of the one you mean: `/meeting start %s`.", Escape(c.Name), next.StartsAt.In(loc).Format("02/01/2006"))
		}
		return Meeting{}, userErr("%s has no meeting today. The next is on %s, and can be opened on the day from %s. If the committee meets today, an officer schedules the meeting first: `/meeting schedule today TIME`.",
			Escape(c.Name), formatWhen(next.StartsAt, loc), next.StartsAt.Add(-StartWithin).In(loc).Format("15:04"))
	}
	return m, nil
}

// startArgs reads `/meeting start`'s "[DATE] [TIME]": a time after the
// date, or alone for today, names one of the day's meetings where records
// from earlier releases hold more than one (meetingToOpen).
func startArgs(in *Input) (Date, *Clock, error) {
	d, n, err := in.takeDateBeforeClock()
	if err == nil && n < len(in.Args) {
		at, k, err := takeClock(in.Args[n:])
		if err != nil {
			return Date{}, nil, badArgs(err)
		}
		if k > 0 && n+k == len(in.Args) {
			return d, &at, nil
		}
	}
	d, err = in.date()
	return d, nil, err
}

// nearerBy is how much nearer to now one of a day's meetings must start
// than another for `/meeting start` to take it as the one meant; closer
// than that, which is meant is the sender's to say.
const nearerBy = time.Hour

// meetingToOpen is the meeting `/meeting start` opens: on day d (today's
// when d is next, as todaysMeeting finds it), at clock at when given.
// Commands name meetings by their day, but records from earlier releases
// can hold two on one day, say at 10:00 and 14:00: the one opened is then
// the one whose start is nearest to now among those not held, so that the
// 10:00, closed, is not reopened, nor opened at 13:55 when it never met.
// When both are about as near (nearerBy) it is refused, naming each with
// the command that opens it. One of them in progress is never passed
// over: it is the one meant, and startMeeting answers that it is in
// progress, as it did when a day held one meeting.
func (s *Service) meetingToOpen(ctx context.Context, in *Input, d Date, at *Clock) (Meeting, error) {
	m, err := s.todaysMeeting(ctx, in, d)
	if err != nil {
		return Meeting{}, err
	}
	c := in.Committee
	loc := c.Location()
	day := DateOf(m.StartsAt, loc)
	ms, err := s.store.Meetings(ctx, c.ID, day.Start(loc), day.Start(loc).AddDate(0, 0, 1))
	if err != nil {
		return Meeting{}, err
	}
	if at != nil {
		// A meeting at that time cancelled is refused as cancelled, as
		// startable says, rather than as missing; one kept is preferred
		// to it when a cancelled one was moved aside for it.
		var cancelled *Meeting
		for i, o := range ms {
			if t := o.StartsAt.In(loc); t.Hour() == at.Hour && t.Minute() == at.Minute {
				if o.Status != MeetingCancelled {
					return o, nil
				}
				cancelled = &ms[i]
			}
		}
		if cancelled != nil {
			return Meeting{}, startable(c, *cancelled, Sitting{}, in.Now)
		}
	}
	ms = slices.DeleteFunc(ms, func(o Meeting) bool { return o.Status == MeetingCancelled })
	var times []string
	for _, o := range ms {
		times = append(times, o.StartsAt.In(loc).Format("15:04"))
	}
	if at != nil {
		return Meeting{}, userErr("%s has no meeting at %s on %s: its meetings that day are at %s.", Escape(c.Name), at, day, joinAnd(times))
	}
	if len(ms) < 2 {
		return m, nil
	}
	var open []Meeting
	for _, o := range ms {
		if o.Status == MeetingHeld {
			continue
		}
		events, err := s.store.Sessions(ctx, o.ID)
		if err != nil {
			return Meeting{}, err
		}
		switch sit := SittingOf(events); {
		case sit.Running():
			return o, nil
		case sit.State != ActionClosed:
			open = append(open, o)
		}
	}
	if len(open) == 0 {
		return m, nil // refused as held by startable
	}
	away := func(o Meeting) time.Duration { return max(o.StartsAt.Sub(in.Now), in.Now.Sub(o.StartsAt)) }
	slices.SortStableFunc(open, func(a, b Meeting) int { return int(away(a) - away(b)) })
	if len(open) > 1 && away(open[1])-away(open[0]) < nearerBy {
		var ways, when []string
		for _, o := range open {
			when = append(when, o.StartsAt.In(loc).Format("15:04"))
		}
		slices.Sort(when)
		for _, w := range when {
			ways = append(ways, fmt.Sprintf("`/meeting start %s %s`", day.Start(loc).Format("2006-01-02"), w))
		}
		on := "on " + day.String()
		if day == DateOf(in.Now, loc) {
			on = "today"
		}
		count := strconv.Itoa(len(open))
		if len(open) == 2 {
			count = "two"
		}
		return Meeting{}, userErr("%s has %s meetings %s not yet held, at %s: say which to open, %s.",
			Escape(c.Name), count, on, joinAnd(when), joinOr(ways))
	}
	return open[0], nil
}

func startMeeting(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, at, err := startArgs(in)
	if err != nil {
		return Reply{}, err
	}
	run, running, err := s.runningMeeting(ctx, c)
	if err != nil {
		return Reply{}, err
	}
	m, err := s.meetingToOpen(ctx, in, d, at)
	if running && (isUserErr(err) || err == nil && m.ID != run.ID) {
		if err := s.adjournedErr(ctx, c, run); err != nil {
			return Reply{}, err
		}
	}
	if running && err == nil && m.ID != run.ID && DateOf(run.StartsAt, c.Location()) == DateOf(m.StartsAt, c.Location()) {
		// Another of the day's meetings, named by its time, while one
		// sits: with two open, marks meant for the one sitting would go
		// to the other. A day's meeting never opened beside another of
		// that day before a time could name it, and does not now.
		loc := c.Location()
		return Reply{}, userErr("The meeting at %s is in progress: `/meeting close` closes it before the one at %s is opened.",
			run.StartsAt.In(loc).Format("15:04"), m.StartsAt.In(loc).Format("15:04"))
	}
	if err != nil {
		return Reply{}, err
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	if st.sit.Running() {
		return s.alreadyRunning(st), nil
	}
	if err := startable(c, m, st.sit, in.Now); err != nil {
		return Reply{}, err
	}
	opened := SessionEvent{MeetingID: m.ID, Action: ActionOpened, At: in.Now, By: in.UserID}
	st.sit = SittingOf(append(st.sit.Events, opened))
	post := &LivePost{Apologies: st.apologies, Message: OutboxMessage{CommitteeID: c.ID, Kind: OutboxPost, ChannelID: c.ChannelID,
		MessageKey: LiveKey(m.ID), DedupeKey: LiveKey(m.ID), Reply: st.live(), DueAt: in.Now}}
	added, err := s.store.RecordSession(ctx, opened, sittingAfter(ActionOpened), post)
	if err != nil {
		return Reply{}, err
	}
	if !added {
		// Someone opened it, closed it or cancelled it a moment before.
		if m, err = s.store.Meeting(ctx, m.ID); err != nil {
			return Reply{}, err
		}
		if st, err = s.meetingState(ctx, c, m); err != nil {
			return Reply{}, err
		}
		if st.sit.Running() {
			return s.alreadyRunning(st), nil
		}
		return Reply{}, startable(c, m, st.sit, in.Now)
	}
	// The chair opening the meeting is in the room, but no mark says so:
	// without one the minutes name no one in the chair.
	self := ""
	if in.Me.UserID != "" {
		self = " Opening it does not mark you here: type `/here` yourself."
	}
	return private("You opened the meeting of *%s* at %s. The live message is going to the channel; members press *I'm here* or type `/here`.%s `/meeting close` ends it.",
		Escape(c.Name), in.Now.In(c.Location()).Format("15:04"), self), nil
}

// adjournedErr refuses opening a meeting while run, another, stands
// adjourned to be continued (on another day, say): with two open, the
// sitting's commands act on the later, and the adjourned one could never
// be resumed. One merely left in progress, never closed, is taken to be
// over, as before: the new one is opened.
func (s *Service) adjournedErr(ctx context.Context, c Committee, run Meeting) error {
	loc := c.Location()
	events, err := s.store.Sessions(ctx, run.ID)
	if err != nil || SittingOf(events).State != ActionAdjourned {
		return err
	}
	return userErr("The meeting on %s is adjourned (since %s), not closed: `/meeting resume` reconvenes it, or `/meeting close` closes it before another is opened.",
		formatDay(run.StartsAt, loc), formatWhen(adjournedAt(events), loc))
}

// adjournedAt is when the meeting was last adjourned.
func adjournedAt(events []SessionEvent) time.Time {
	var at time.Time
	for _, e := range events {
		if e.Action == ActionAdjourned {
			at = e.At
		}
	}
	return at
}

func (s *Service) alreadyRunning(st meetingState) Reply {
	r := st.live()
	r.Visibility = Private
	loc := st.c.Location()
	head := fmt.Sprintf("The meeting is already in progress: <@%s> opened it at %s.", st.sit.OpenedBy, st.sit.Opened.In(loc).Format("15:04"))
	if st.sit.State == ActionAdjourned {
		// A chair reconvening says "start": the answer is the command
		// that does, not only that it is open.
		head = fmt.Sprintf("The meeting is adjourned (since %s), not closed: `/meeting resume` reconvenes it. <@%s> opened it at %s.",
			adjournedAt(st.sit.Events).In(loc).Format("15:04"), st.sit.OpenedBy, st.sit.Opened.In(loc).Format("15:04"))
	}
	r.Text = head + "\n" + r.Text
	r.Refused = true
	return r
}

// sittingAction adjourns, resumes, closes or moves to an item the meeting
// in progress.
func sittingAction(action SessionAction) Handler {
	return func(ctx context.Context, s *Service, in *Input) (Reply, error) {
		c := in.Committee
		loc := c.Location()
		m, ok, err := s.runningMeeting(ctx, c)
		if err != nil {
			return Reply{}, err
		}
		if !ok {
			return Reply{}, s.noneRunning(ctx, c, in.Now)
		}
		e := SessionEvent{MeetingID: m.ID, Action: action, At: in.Now, By: in.UserID}
		var taken AgendaItem
		prev := "" // the item under discussion until now
		switch {
		case action == ActionItem && len(in.Args) == 1 && strings.EqualFold(in.Args[0], "undo"):
			return s.undoItem(ctx, c, m, in)
		case action == ActionItem:
			// "Item 7.7", as the chair reads it off the agenda, is 7.7.
			n, used := takeItem(in.Args)
			if used == 0 && len(in.Args) == 1 {
				n, used = in.Args[0], 1
			}
			if used == 0 || used != len(in.Args) {
				return Reply{}, usageErr("Give the item's number, e.g. `/meeting item 7.7`.")
			}
			it, _, err := s.agendaItem(ctx, c, m, n)
			if err != nil {
				return Reply{}, err
			}
			e.Item = it.Number
			taken = it
			// Taken up again while it is under discussion (the chair asking
			// for its quorum anew, say), nothing happened at the meeting:
			// the answer gives the quorum, and the log and the history are
			// left without a second entry.
			st, err := s.meetingState(ctx, c, m)
			if err != nil {
				return Reply{}, err
			}
			if st.sit.Item == it.Number && st.sit.State != ActionAdjourned && st.sit.State != ActionClosed {
				since := ""
				for _, ev := range st.sit.Events {
					if ev.Action == ActionItem {
						since = ev.At.In(loc).Format("15:04")
					}
				}
				return private("%s is under discussion already, since %s; nothing changed. %s%s", Escape(itemLabel(it)), since, itemQuorum(st.count(it.Number)),
					prefixed("\n", strings.Join(st.itemNotes(it.Number, "", in.Now), "\n"))), nil
			}
			prev = st.sit.Item
		case action == ActionClosed && len(in.Args) == 1 && strings.EqualFold(in.Args[0], "anyway"):
		case action == ActionClosed && len(in.Args) == 0:
			// Once closed, the attendance stands, and a declaration by
			// someone it does not mark is left out of the minutes for
			// good: only an officer's rewording of the minute brings it
			// back. The chair, often on a phone, is asked once, at the
			// close, rather than reminded on every item: one refusal
			// naming each declarant with the line that marks them, and
			// the line that closes anyway, costs one more message, and
			// only at a meeting whose record would otherwise be wrong.
			st, err := s.meetingState(ctx, c, m)
			if err != nil {
				return Reply{}, err
			}
			if ds := st.unmarkedDeclarants(""); len(ds) > 0 {
				notes := make([]string, len(ds))
				for i, d := range ds {
					notes[i] = fmt.Sprintf("%s declared an interest but is not marked in the attendance: %s.", Escape(oneLine(d.Name)), markThem(d))
				}
				return Reply{}, userErr("The meeting is still open. Once it closes its attendance stands, and the minutes leave out the declarations of anyone it does not mark:\n%s\nThen `/meeting close` again, or `/meeting close anyway` to close it as it is.", strings.Join(notes, "\n"))
			}
		case len(in.Args) > 0:
			return Reply{}, usageErr("`%s` takes nothing after it.", in.sub.Name)
		}
		added, err := s.store.RecordSession(ctx, e, sittingAfter(action), nil)
		if err != nil {
			return Reply{}, err
		}
		at := in.Now.In(loc).Format("15:04")
		if !added {
			events, err := s.store.Sessions(ctx, m.ID)
			if err != nil {
				return Reply{}, err
			}
			sit := SittingOf(events)
			switch sit.State {
			case ActionAdjourned:
				if action == ActionAdjourned {
					return Reply{}, userErr("The meeting is already adjourned (since %s): `/meeting resume` resumes it.", adjournedAt(events).In(loc).Format("15:04"))
				}
				return Reply{}, userErr("The meeting is adjourned: `/meeting resume` resumes it first.")
			case ActionClosed:
				return Reply{}, s.noneRunning(ctx, c, in.Now)
			}
			// Resumed, or never adjourned: the chair is told how it stands
			// and what can be done, not only what it is not.
			item := ""
			if sit.Item != "" {
				item = "; item " + Escape(sit.Item) + " under discussion"
			}
			return Reply{}, userErr("The meeting is in progress, not adjourned (opened at %s%s), so there is nothing to resume: `/meeting adjourn` adjourns it, `/meeting close` closes it.",
				sit.Opened.In(loc).Format("15:04"), item)
		}
		switch action {
		case ActionAdjourned:
			return Reply{Visibility: Public, Text: fmt.Sprintf("The meeting of *%s* was adjourned at %s.", Escape(c.Name), at)}, nil
		case ActionResumed:
			return Reply{Visibility: Public, Text: fmt.Sprintf("The meeting of *%s* resumed at %s.", Escape(c.Name), at)}, nil
		case ActionItem:
			// The item is recorded: a failure to read the quorum now must
			// not say it was not.
			// The item is named as on the agenda, so the chair sees it is
			// the one they meant, and its quorum is said once.
			st, err := s.meetingState(ctx, c, m)
			if err != nil {
				return private("%s is under discussion.", Escape(itemLabel(taken))), nil
			}
			return private("%s is under discussion. %s%s", Escape(itemLabel(taken)), itemQuorum(st.count(e.Item)),
				prefixed("\n", strings.Join(st.itemNotes(e.Item, prev, in.Now), "\n"))), nil
		}
		r := Reply{Visibility: Private, Text: fmt.Sprintf("You closed the meeting of *%s* at %s; the live message now shows its summary. `/meeting attendance` gives the paragraphs for the minutes.", Escape(c.Name), at)}
		// The meeting is closed: a failure to read what its declarants
		// leave unrecorded must not say it was not. Those closing it keep
		// the record, and are told now, while the room remembers.
		if src, _, err := s.minutesSource(ctx, c, m); err == nil && len(src.tableHints) > 0 {
			text := strings.Join(src.tableHints, "\n")
			if !in.Me.IsOfficer() {
				// The notes' `/minutes amend` is an officer's: a chair
				// closing the meeting passes them on.
				text = "Only an officer can amend the minutes: pass these on to one.\n" + text
			}
			r.Sections = append(r.Sections, Section{Title: "Declarations the minutes cannot yet record", Text: text})
		}
		return r, nil
	}
}

// undoItem is `/meeting item undo`: the item last taken up, since the
// meeting opened or resumed, was taken up in error (6 typed for 5, say).
// An entry in the log takes it back, rather than the entry being removed,
// so the history keeps both; the minutes read the log without them (see
// SittingOf), and place nothing during an item the meeting never turned
// to. The chair is told which item is under discussion now.
func (s *Service) undoItem(ctx context.Context, c Committee, m Meeting, in *Input) (Reply, error) {
	loc := c.Location()
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	if st.sit.State == ActionAdjourned {
		return Reply{}, userErr("The meeting is adjourned: `/meeting resume` resumes it first.")
	}
	i := lastItemTaken(st.sit.Events)
	if i < 0 {
		return Reply{}, userErr("No item has been taken up since the meeting opened or resumed, so there is none to take back.")
	}
	undone := st.sit.Events[i]
	e := SessionEvent{MeetingID: m.ID, Action: ActionItemUndone, Item: undone.Item, At: in.Now, By: in.UserID}
	added, err := s.store.RecordSession(ctx, e, sittingAfter(ActionItemUndone), nil)
	if err != nil {
		return Reply{}, err
	}
	if !added {
		// Closed or adjourned a moment ago, by someone else.
		return Reply{}, s.noneRunning(ctx, c, in.Now)
	}
	text := fmt.Sprintf("Item %s, taken up at %s, is taken back: the minutes read as though the meeting never moved to it.", Escape(undone.Item), undone.At.In(loc).Format("15:04"))
	st, err = s.meetingState(ctx, c, m)
	if err != nil {
		return private("%s", text), nil
	}
	if st.sit.Item == "" {
		return private("%s No item is under discussion: `/meeting item ITEM` takes one up.", text), nil
	}
	return private("%s Item %s is under discussion again. %s", text, Escape(st.sit.Item), itemQuorum(st.count(st.sit.Item))), nil
}

func itemLine(item string, cnt Count) string {
	return fmt.Sprintf("Item %s: %s", Escape(item), itemQuorum(cnt))
}

// itemNotes are what whoever takes the meeting on to item is to mark in
// the attendance as it happens: who withdraws (withdrawalNotes), and who
// declared an interest in it but is not marked at all, whose declaration
// the minutes would leave out, said while the attendance can still be
// put right.
func (st meetingState) itemNotes(item, prev string, now time.Time) []string {
	notes := st.withdrawalNotes(item, prev, now)
	for _, d := range st.unmarkedDeclarants(item) {
		notes = append(notes, fmt.Sprintf("%s declared an interest in this item but is not marked in the attendance, so the minutes would leave it out: %s.", Escape(oneLine(d.Name)), markThem(d)))
	}
	return notes
}

// withdrawalNotes tell whoever takes the meeting on to item what to mark
// in the attendance, as it happens, for the minutes to say who withdrew:
// they say a pecuniary declarant left for an item only when the
// attendance shows it (see leftFor). They name those who withdraw for
// item and are still marked here, with how to mark them leaving and
// coming back, and those who withdrew for prev, the item before it (gone
// since the minute before it was taken up), and are not yet marked back,
// with how to mark their return: unmarked, the minutes have them away to
// the close. now is compared as it is, to the
// second, as the marks keep their times: cut to the minute, it would put
// a return or an arrival earlier in the same minute still to come.
func (st meetingState) withdrawalNotes(item, prev string, now time.Time) []string {
	away := absences(st.log)
	withdraw := Withdrawing(st.decls, item)
	earlier := map[string]bool{}
	var prevAt time.Time // when the meeting last took up prev
	if prev != "" && !strings.EqualFold(prev, item) {
		earlier = Withdrawing(st.decls, prev)
		for _, e := range st.sit.Events {
			if e.Action == ActionItem && strings.EqualFold(e.Item, prev) {
				prevAt = e.At
			}
		}
	}
	var notes []string
	for _, a := range st.att {
		if a.Status == AttendAbsent || a.Arrived.IsZero() || !withdraw[a.Key] && !earlier[a.Key] {
			continue
		}
		person, given := personArg(a.UserID, oneLine(a.Name), "")
		here := st.hereAt(a.Key, now, away[a.Key])
		switch {
		case withdraw[a.Key] && here:
			notes = append(notes, fmt.Sprintf("As %s leaves, mark it: `/attendance %s left`, and `/attendance %s present` on their return%s, for the minutes to say they withdrew.",
				Escape(oneLine(a.Name)), person, person, asGiven(given)))
		case earlier[a.Key] && !withdraw[a.Key] && !here && !goneBefore(away[a.Key], prevAt):
			notes = append(notes, fmt.Sprintf("%s withdrew for item %s: when they come back, `/attendance %s present`%s; until then the minutes have them away to the close.",
				Escape(oneLine(a.Name)), Escape(prev), person, asGiven(given)))
		}
	}
	return notes
}

// goneBefore reports whether the last of away began more than a minute
// before at (times are entered to the minute): gone then, someone left
// the meeting, not for what it took up at.
func goneBefore(away []absence, at time.Time) bool {
	return len(away) > 0 && away[len(away)-1].left.Before(at.Add(-time.Minute))
}

// itemQuorum is whether an item is quorate, and who withdraws for it.
func itemQuorum(cnt Count) string {
	line := cnt.Line()
	if len(cnt.Withdrawn) > 0 {
		line += fmt.Sprintf(". %s %s for it (disclosable pecuniary interest)", joinAnd(cnt.Withdrawn), plural(len(cnt.Withdrawn), "withdraws", "withdraw"))
	}
	return line + "."
}

func meetingStatus(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	if len(in.Args) > 1 {
		return Reply{}, usageErr("`status` takes at most an item's number.")
	}
	m, ok, err := s.runningMeeting(ctx, c)
	if err != nil {
		return Reply{}, err
	}
	if !ok {
		return Reply{}, s.noneRunning(ctx, c, in.Now)
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	st.entered = true
	head := ""
	if len(in.Args) == 1 {
		it, _, err := s.agendaItem(ctx, c, m, in.Args[0])
		if err != nil {
			return Reply{}, err
		}
		st.asked = it.Number
		head = itemLine(it.Number, st.count(it.Number)) + "\n"
	}
	r := st.live()
	r.Visibility = Private
	r.Text = head + r.Text
	return r, nil
}

// live is the channel's "Meeting in progress" message, or once the
// meeting is closed its summary.
func (st meetingState) live() Reply {
	loc := st.c.Location()
	r := Reply{Visibility: Public}
	var b strings.Builder
	fmt.Fprintf(&b, "*%s* — %s\n", Escape(st.c.Name), describeMeeting(st.m, loc))
	switch st.sit.State {
	case ActionClosed:
		r.Header = "Meeting closed"
		fmt.Fprintf(&b, "Opened at %s, closed at %s.", st.sit.Opened.In(loc).Format("15:04"), st.sit.Closed.In(loc).Format("15:04"))
	case ActionAdjourned:
		r.Header = "Meeting adjourned"
		fmt.Fprintf(&b, "Opened at %s; adjourned.", st.sit.Opened.In(loc).Format("15:04"))
	default:
		r.Header = "Meeting in progress"
		fmt.Fprintf(&b, "Opened at %s.", st.sit.Opened.In(loc).Format("15:04"))
	}
	if st.sit.State != ActionClosed {
		b.WriteString("\n" + st.count("").Line())
		if st.sit.Item != "" && st.sit.Item != st.asked {
			b.WriteString("\n" + itemLine(st.sit.Item, st.count(st.sit.Item)))
		}
	}
	r.Text = b.String()
	p := st.paragraphs()
	add := func(title string, names []string) {
		if len(names) > 0 {
			r.Sections = append(r.Sections, Section{Title: title, Text: strings.Join(names, "\n")})
		}
	}
	present, substitutes := p.present, p.substitutes
	if st.sit.State != ActionClosed {
		// Live, those who left are listed as such, not as present.
		present, substitutes = p.here, p.substitutesHere
	}
	add(fmt.Sprintf("Present (%d)", len(present)), present)
	add("Substitutes", substitutes)
	// As the minutes print them: others present, then those serving the
	// meeting (see meetingAttendance).
	add("Also present", p.alsoPresent)
	add("In attendance", p.inAttendance)
	add("Apologies", p.apologies)
	// After the apologies, as the minutes list them: the chair sees at
	// the table whom the minutes will record absent.
	add("Absent", p.absent)
	add("Left", p.left)
	if st.sit.Running() {
		r.Buttons = []Button{{Label: "I'm here", Action: hereAction, Value: strconv.FormatInt(st.m.ID, 10), Style: "primary"}}
		// Members' own apologies closed when the meeting opened: those
		// arriving now are the officer's or the chair's to record.
		r.Footer = "Press *I'm here* or type `/here`. Officer or chair: `/attendance @person late 10:20`, `… left 11:05`, `… substitute-for @member`, `… apologies [REASON]` (received at the meeting)."
	}
	return r
}

// paragraphs are the attendance lists, one entry a person, as the minutes
// print them.
type paragraphs struct {
	present, alsoPresent, inAttendance, apologies, substitutes, absent, left, notes []string
	// here are those of present who have not left, and count; a
	// substitute whose member is here does not (see paragraphs).
	here []string
	// substitutesHere are substitutes as the live message lists them:
	// whether each counts now.
	substitutesHere []string
}

func (st meetingState) paragraphs() paragraphs {
	loc := st.c.Location()
	var p paragraphs
	chairKey, presiding := st.inTheChair()
	var notes, left []timed
	away := absences(st.log)
	// Members here in their own right: a substitute for one of them does
	// not count (CountQuorum counts each member once), so is not listed
	// live among those present, where the list would outnumber the count.
	here := map[string]bool{}
	for _, a := range st.att {
		if a.SubstituteFor == "" && a.Status != AttendAbsent && a.Status != AttendLeft && !a.Arrived.IsZero() {
			here[a.Key] = true
		}
	}
	for _, a := range st.att {
		name := st.attendeeName(a)
		m, isMember := st.member(a.Key)
		switch {
		case a.Status == AttendAbsent:
			// Their apologies say it already; "Absent" is for those who
			// sent none, and for members who take part: a guest or a
			// substitute marked absent was marked here by mistake, and
			// was never expected, and an officer attends in attendance,
			// as the attendance figures count them.
			if isMember && !m.IsOfficer() && !st.apologised(a.Key) {
				p.absent = append(p.absent, name)
			}
			continue
		case a.Arrived.IsZero():
			continue
		}
		hereName := name
		if a.Key == chairKey {
			name += " (in the Chair)"
		}
		if a.Key == presiding {
			hereName += " (in the Chair)"
		}
		suffix := ""
		if a.Remote {
			suffix += " (remotely)"
		}
		if st.entered && a.By != "" && a.By != a.Key {
			suffix += " — marked by " + st.keyName(a.By)
		}
		name, hereName = name+suffix, hereName+suffix
		switch {
		case a.SubstituteFor != "":
			p.present = append(p.present, name)
			sub := fmt.Sprintf("%s for %s", nameOf(a.Name, a.Organisation), st.keyName(a.SubstituteFor))
			p.substitutes = append(p.substitutes, sub)
			switch {
			case a.Status != AttendLeft && here[a.SubstituteFor]:
				sub += fmt.Sprintf(" — not counted while %s is here: a member and their substitute count once", st.keyName(a.SubstituteFor))
			case a.Status != AttendLeft:
				p.here = append(p.here, hereName)
			}
			p.substitutesHere = append(p.substitutesHere, sub)
		case a.InAttendance || (isMember && m.IsOfficer()):
			p.inAttendance = append(p.inAttendance, name)
		case !isMember:
			p.alsoPresent = append(p.alsoPresent, name)
		default:
			// Whoever is in the chair heads the list, as the minutes
			// print it, whenever they were marked.
			if a.Key == chairKey {
				p.present = append([]string{name}, p.present...)
			} else {
				p.present = append(p.present, name)
			}
			switch {
			case a.Status == AttendLeft:
			case a.Key == presiding:
				p.here = append([]string{hereName}, p.here...)
			default:
				p.here = append(p.here, hereName)
			}
		}
		if a.Late {
			notes = append(notes, timed{a.Arrived, fmt.Sprintf("%s arrived at %s%s.", Escape(a.Name), a.Arrived.In(loc).Format("15:04"), st.during(a.Arrived))})
		}
		if a.Status == AttendLeft {
			left = append(left, timed{a.Left, fmt.Sprintf("%s at %s", Escape(a.Name), a.Left.In(loc).Format("15:04"))})
		}
		for _, ab := range away[a.Key] {
			line := fmt.Sprintf("%s left the meeting at %s%s", Escape(a.Name), ab.left.In(loc).Format("15:04"), st.during(ab.left))
			if !ab.back.IsZero() {
				line += " and returned at " + ab.back.In(loc).Format("15:04")
			}
			notes = append(notes, timed{ab.left, line + "."})
		}
	}
	// After the chair's departure, which it follows; or, the vice-chair
	// arriving or returning while the chair is out, at that moment, as
	// the live message shows them in the chair from then.
	if chairKey != "" && chairKey == st.chair && st.vice != "" {
		vc, _ := st.attendee(st.vice)
		for _, ab := range away[st.chair] {
			moments := []time.Time{ab.left, vc.Arrived}
			for _, vab := range away[st.vice] {
				moments = append(moments, vab.back)
			}
			var took time.Time
			for _, t := range moments {
				if t.IsZero() || t.Before(ab.left) || !ab.back.IsZero() && !t.Before(ab.back) || !st.hereAt(st.vice, t, away[st.vice]) {
					continue
				}
				if took.IsZero() || t.Before(took) {
					took = t
				}
			}
			switch {
			case took.IsZero():
			case took.Equal(ab.left):
				notes = append(notes, timed{took, fmt.Sprintf("%s (Vice-Chair) took the Chair in the absence of %s.", st.keyName(st.vice), st.keyName(st.chair))})
			default:
				notes = append(notes, timed{took, fmt.Sprintf("%s (Vice-Chair) took the Chair at %s in the absence of %s.", st.keyName(st.vice), took.In(loc).Format("15:04"), st.keyName(st.chair))})
			}
		}
	}
	notes = append(notes, st.chairNotes(away)...)
	// A substitution named in apologies and not taken up, its substitute
	// being here otherwise, is shown live, so that the officer sees whom
	// no one represents; the minutes record only who substituted.
	for _, a := range st.att {
		for _, ap := range st.notTakenUp(a.Key) {
			as := "as a member in their own right"
			if a.SubstituteFor != "" {
				as = "as substitute for " + st.keyName(a.SubstituteFor)
			}
			name := nameOf(a.Name, a.Organisation)
			if m, ok := st.member(a.Key); ok {
				name = nameOf(m.Name, m.Organisation)
			}
			p.substitutesHere = append(p.substitutesHere, fmt.Sprintf("%s for %s — not taken up: %s is here %s, and counts once",
				name, st.keyName(ap.UserID), st.keyName(a.Key), as))
		}
	}
	// The quorum lost, and found again, follows the departure or the
	// arrival that did it, which is told at the same moment.
	turns := st.quorumTurns()
	if n := len(turns); n > 0 && !turns[n-1].count.Quorate() && !st.sit.Closed.IsZero() {
		// What the meeting did after it lost the quorum for good is no
		// decision of the committee: the record says it closed so.
		notes = append(notes, timed{st.sit.Closed, fmt.Sprintf("The meeting was still inquorate when it closed at %s.", st.sit.Closed.In(loc).Format("15:04"))})
	}
	for _, tu := range turns {
		line := fmt.Sprintf("The meeting was quorate again at %s%s.", tu.at.In(loc).Format("15:04"), st.during(tu.at))
		if !tu.count.Quorate() {
			line = fmt.Sprintf("The meeting became inquorate at %s%s (%d voting %s present, quorum %d).", tu.at.In(loc).Format("15:04"),
				st.during(tu.at), tu.count.Present, plural(tu.count.Present, "member", "members"), tu.count.Need)
		}
		notes = append(notes, timed{tu.at, line})
	}
	// So are the adjournments, as the minutes record them.
	var adjourned time.Time
	for _, e := range st.sit.Events {
		switch {
		case e.Action == ActionAdjourned:
			adjourned = e.At
		case e.Action == ActionResumed && !adjourned.IsZero():
			// Continued on another day, the time alone would read as
			// earlier that day; the comings and goings after it follow in
			// time order, so are read on that day.
			back := "at " + e.At.In(loc).Format("15:04")
			if e.At.In(loc).Format(time.DateOnly) != adjourned.In(loc).Format(time.DateOnly) {
				back = "on " + formatDay(e.At, loc) + " " + back
			}
			notes = append(notes, timed{adjourned, fmt.Sprintf("The meeting was adjourned at %s and reconvened %s.", adjourned.In(loc).Format("15:04"), back)})
			adjourned = time.Time{}
		}
	}
	if !adjourned.IsZero() {
		notes = append(notes, timed{adjourned, fmt.Sprintf("The meeting was adjourned at %s.", adjourned.In(loc).Format("15:04"))})
	}
	notes = append(notes, st.orderVaried()...)
	// Comings and goings are told in the order they happened, whatever
	// order people were first marked in.
	p.notes, p.left = inTimeOrder(notes), inTimeOrder(left)
	for _, a := range st.apologies {
		p.apologies = append(p.apologies, nameOf(a.Name, a.Organisation))
	}
	return p
}

// inTheChair is who the minutes list as in the Chair: the chair if
// there, else the vice-chair if there, else the first member recorded
// taking the chair who came; and who presides now, "" when no one does.
// The chair who has left the room hands the chair to the vice-chair, if
// here, until they return; a member recorded taking the chair presides
// while here, until the chair comes back into the room, or someone else
// takes it. The live message names whoever presides, the minutes say who
// took the chair and when.
func (st meetingState) inTheChair() (chairKey, presiding string) {
	came := func(key string) bool {
		a, ok := st.attendee(key)
		return key != "" && ok && a.Status != AttendAbsent && !a.Arrived.IsZero()
	}
	for _, key := range []string{st.chair, st.vice} {
		if chairKey == "" && came(key) {
			chairKey = key
		}
	}
	for _, ct := range st.chairs {
		if chairKey == "" && came(ct.MemberKey) {
			chairKey = ct.MemberKey
		}
	}
	presiding = chairKey
	if chairKey != "" && chairKey == st.chair && st.vice != "" {
		if ch, _ := st.attendee(st.chair); ch.Status == AttendLeft {
			if vc, ok := st.attendee(st.vice); ok && vc.Status.here() && !vc.Arrived.IsZero() {
				presiding = st.vice
			}
		}
	}
	if n := len(st.chairs); n > 0 && st.chairs[n-1].MemberKey != st.chair {
		ct := st.chairs[n-1]
		back := slices.ContainsFunc(absences(st.log)[st.chair], func(ab absence) bool { return ab.back.After(ct.At) })
		if a, ok := st.attendee(ct.MemberKey); ok && a.Status.attends() && !back {
			presiding = ct.MemberKey
		}
	}
	if a, ok := st.attendee(presiding); !ok || !a.Status.here() {
		presiding = ""
	}
	return chairKey, presiding
}

// chairNotes are the minutes' lines saying who took the chair, as
// recorded (`/attendance @member chair`): "Graeme Robson took the Chair at
// 10:20 in the absence of Sue Holden.", and the chair taking it back,
// "Sue Holden resumed the Chair at 10:40.".
func (st meetingState) chairNotes(away map[string][]absence) []timed {
	loc := st.c.Location()
	var out []timed
	for i, ct := range st.chairs {
		at := ct.At.In(loc).Format("15:04")
		switch {
		case ct.MemberKey == st.chair && i > 0:
			out = append(out, timed{ct.At, fmt.Sprintf("%s resumed the Chair at %s.", st.keyName(ct.MemberKey), at)})
		case ct.MemberKey == st.chair:
		case st.chair != "" && !st.hereAt(st.chair, ct.At, away[st.chair]):
			out = append(out, timed{ct.At, fmt.Sprintf("%s took the Chair at %s in the absence of %s.", st.keyName(ct.MemberKey), at, st.keyName(st.chair))})
		default:
			out = append(out, timed{ct.At, fmt.Sprintf("%s took the Chair at %s.", st.keyName(ct.MemberKey), at)})
		}
	}
	return out
}

// hereAt reports whether key was at the meeting at t: arrived by then and
// not away, by their absences.
func (st meetingState) hereAt(key string, t time.Time, away []absence) bool {
	a, ok := st.attendee(key)
	if !ok || a.Status == AttendAbsent || a.Arrived.IsZero() || a.Arrived.After(t) {
		return false
	}
	for _, ab := range away {
		if !ab.left.After(t) && (ab.back.IsZero() || ab.back.After(t)) {
			return false
		}
	}
	return true
}

// attendeeName is how the attendance paragraphs name a. While the
// meeting sits, a member is named as the committee names them now, as the
// live message follows a rename, and a mark made before it. Once it has
// closed, the record names everyone as their mark does, as they were at
// the meeting: a member's change of organisation since must not reword
// its minutes, least of all confirmed ones. Minutes confirmed before that
// rule (RuleNamesAsMarked) named a member as the committee did whenever
// they were printed: they name them as it did when they were confirmed,
// as they read then, or, where the records do not say, as it does now.
func (st meetingState) attendeeName(a Attendee) string {
	return nameOf(st.attendeeAs(a))
}

// attendeeAs is the name and organisation attendeeName gives a.
func (st meetingState) attendeeAs(a Attendee) (name, organisation string) {
	m, isMember := st.member(a.Key)
	switch {
	case !isMember:
	case st.approval.Predates(RuleNamesAsMarked):
		if then, ok := st.approval.NamesConfirmed[a.Key]; ok {
			return then.Name, then.Organisation
		}
		return m.Name, m.Organisation
	case st.sit.Closed.IsZero():
		return m.Name, m.Organisation
	}
	return a.Name, a.Organisation
}

// quorumTurn is a moment the meeting lost its quorum or found it again,
// and the count then.
type quorumTurn struct {
	at    time.Time
	count Count
}

// quorumTurns are the moments the meeting, once quorate, lost its quorum,
// and found it again, by the rule in force at each (st.rules): a meeting
// that opens before enough members have come is not said to have been
// inquorate. The standing at a moment is read from the times the log
// gives (a departure entered later at the time it happened), as the
// minutes tell the comings and goings; until the meeting closes, or now.
func (st meetingState) quorumTurns() []quorumTurn {
	if len(st.rules) == 0 || st.sit.Opened.IsZero() {
		return nil
	}
	away := absences(st.log)
	moments := []time.Time{st.sit.Opened}
	for _, a := range st.att {
		if a.Status != AttendAbsent && !a.Arrived.IsZero() {
			moments = append(moments, a.Arrived)
		}
		for _, ab := range away[a.Key] {
			moments = append(moments, ab.left)
			if !ab.back.IsZero() {
				moments = append(moments, ab.back)
			}
		}
	}
	for _, r := range st.rules {
		moments = append(moments, r.At)
	}
	slices.SortFunc(moments, func(a, b time.Time) int { return a.Compare(b) })
	moments = slices.CompactFunc(moments, func(a, b time.Time) bool { return a.Equal(b) })
	var out []quorumTurn
	quorate := false
	for _, t := range moments {
		if t.Before(st.sit.Opened) || !st.sit.Closed.IsZero() && t.After(st.sit.Closed) {
			continue
		}
		cnt := st.countAt(t, "")
		switch {
		case cnt.Quorate() == quorate:
		case cnt.Quorate() && len(out) == 0 && !quorate:
			// Quorate for the first time: the meeting's business begins.
			quorate = true
		default:
			quorate = cnt.Quorate()
			out = append(out, quorumTurn{at: t, count: cnt})
		}
	}
	return out
}

// countAt is the quorum at t for item ("" for the meeting), by who was
// here then and the rule in force then (st.rules).
func (st meetingState) countAt(t time.Time, item string) Count {
	away := absences(st.log)
	then := make([]Attendee, 0, len(st.att))
	for _, a := range st.att {
		if a.Status == AttendAbsent || a.Arrived.IsZero() {
			continue
		}
		a.Status = AttendPresent
		switch {
		case !st.hereAt(a.Key, t, away[a.Key]):
			a.Status = AttendLeft
		case a.InAttendance:
			a.Status = AttendInAttendance
		}
		then = append(then, a)
	}
	var withdraw map[string]bool
	if item != "" {
		withdraw = Withdrawing(st.decls, item)
	}
	return CountQuorum(ruleAt(st.rules, t), st.voters(), then, withdraw)
}

// absence is a departure from a meeting, and the return from it (zero
// if there was none).
type absence struct{ left, back time.Time }

// absences are each person's departures, in the order they happened: the
// minutes record someone who left and came back (withdrawing for an item,
// say), whom their standing alone shows as simply present. A departure
// marked again before a return corrects its time; one withdrawn (`left
// none`) is gone; absent clears them.
func absences(log []AttendanceMark) map[string][]absence {
	marks := append([]AttendanceMark(nil), log...)
	slices.SortStableFunc(marks, func(a, b AttendanceMark) int {
		if c := strings.Compare(a.MemberKey, b.MemberKey); c != 0 {
			return c
		}
		return a.Seq - b.Seq
	})
	out := map[string][]absence{}
	was := map[string]AttendanceStatus{}
	for _, m := range marks {
		as := out[m.MemberKey]
		switch {
		case m.Corrects && was[m.MemberKey] == AttendLeft && len(as) > 0:
			// The departure was entered by mistake: they never left.
			as = as[:len(as)-1]
		case m.Status == AttendLeft && was[m.MemberKey] == AttendLeft && len(as) > 0:
			as[len(as)-1].left = m.At
		case m.Status == AttendLeft:
			as = append(as, absence{left: m.At})
		case m.Status.here() && was[m.MemberKey] == AttendLeft && len(as) > 0:
			as[len(as)-1].back = m.At
		case m.Status == AttendAbsent:
			as = nil
		}
		out[m.MemberKey], was[m.MemberKey] = as, m.Status
	}
	return out
}

// timed is a line of the minutes and the moment it tells of.
type timed struct {
	at   time.Time
	line string
}

// inTimeOrder is the lines of ts in the order of their moments; lines of
// the same moment keep their order.
func inTimeOrder(ts []timed) []string {
	slices.SortStableFunc(ts, func(a, b timed) int { return a.at.Compare(b.at) })
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.line
	}
	return out
}

// during says which item was under discussion at t: " during
// consideration of item 7.7", or nothing. An adjournment suspends the
// item rather than ending it: the meeting resumes on it, as SittingOf,
// `/meeting item` and the live message have it.
func (st meetingState) during(t time.Time) string {
	item, adjourned := "", false
	for _, e := range st.sit.Events {
		if e.At.After(t) {
			break
		}
		switch e.Action {
		case ActionItem:
			item = e.Item
		case ActionAdjourned:
			adjourned = true
		case ActionResumed:
			adjourned = false
		case ActionClosed:
			item = ""
		}
	}
	if item == "" || adjourned {
		return ""
	}
	return " during consideration of " + st.itemRef(item)
}

// headingOf reports whether agenda item heading's minute lists item (see
// listedUnder), so that the two are one minute.
func (st meetingState) headingOf(heading, item string) bool {
	h, listed := st.listedIn(item)
	return listed && h.Number == heading
}

// listedIn is the heading whose minute lists agenda item item (see
// headingListing); false for an item that is a minute of its own, or not
// on the agenda.
func (st meetingState) listedIn(item string) (AgendaItem, bool) {
	i := slices.IndexFunc(st.agenda, func(it AgendaItem) bool { return it.Number == item })
	if i < 0 {
		return AgendaItem{}, false
	}
	return headingListing(st.agenda, st.agenda[i], st.minuteOf)
}

// itemRef names an agenda item as the minutes do, by its minute's number
// where they have one: "Minute No. 34", else "item 7.7". A report listed
// in its heading's minute (listedUnder) is named by both, "Minute No. 17,
// item 7.3", as declarations name it: the minute alone would not say
// which report, and one report taken before another would read as a
// minute considered before itself.
func (st meetingState) itemRef(item string) string {
	n, ok := st.minuteOf[item]
	if !ok {
		return "item " + Escape(item)
	}
	if _, listed := st.listedIn(item); listed {
		return "Minute No. " + Escape(n) + ", item " + Escape(item)
	}
	return "Minute No. " + Escape(n)
}

// consideredBefore reports whether the meeting had finished with item by
// t: taken up, then moved on from (to another item, or the close), and not
// taken up again after t, when someone declaring an interest in it could
// still withdraw.
func (st meetingState) consideredBefore(item string, t time.Time) bool {
	done, current := false, ""
	for _, e := range st.sit.Events {
		switch {
		case e.At.After(t):
			if e.Action == ActionItem && e.Item == item {
				return false
			}
		case e.Action == ActionItem && e.Item == item:
			done, current = false, e.Item
		case e.Action == ActionItem:
			done, current = done || current == item, e.Item
		case e.Action == ActionClosed:
			done = done || current == item
			current = ""
		}
	}
	return done
}

// orderVaried says where the chair took an item before one that comes
// ahead of it on the agenda: the minutes keep the agenda's order, and
// would otherwise read as if the meeting had too. Each item is placed by
// when it was first taken; items never taken up (the standard ones, often)
// vary nothing.
func (st meetingState) orderVaried() []timed {
	pos := map[string]int{}
	for i, it := range st.agenda {
		pos[it.Number] = i
	}
	var taken []SessionEvent
	seen := map[string]bool{}
	for _, e := range st.sit.Events {
		if _, ok := pos[e.Item]; ok && e.Action == ActionItem && !seen[e.Item] {
			seen[e.Item] = true
			taken = append(taken, e)
		}
	}
	var out []timed
	for i, e := range taken {
		ahead := ""
		for _, later := range taken[i+1:] {
			if st.headingOf(later.Item, e.Item) {
				// A report taken before the heading whose minute lists it
				// is not taken before that minute: the minute is both.
				continue
			}
			if pos[later.Item] < pos[e.Item] && (ahead == "" || pos[later.Item] < pos[ahead]) {
				ahead = later.Item
			}
		}
		if ahead == "" {
			continue
		}
		lead := capitalise(st.itemRef(e.Item))
		if len(out) == 0 {
			lead = "The Chair agreed to vary the order of business: " + st.itemRef(e.Item)
		}
		out = append(out, timed{e.At, fmt.Sprintf("%s was considered before %s.", lead, st.itemRef(ahead))})
	}
	return out
}

func meetingAttendance(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, err := in.date()
	if err != nil {
		return Reply{}, err
	}
	m, err := s.attendedMeeting(ctx, in, d, "/meeting attendance")
	if err != nil {
		return Reply{}, err
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	if len(st.log) == 0 && st.sit.Opened.IsZero() && m.Status == MeetingScheduled && m.StartsAt.After(in.Now) {
		// A meeting still to come: "no attendance was recorded" would read
		// as if it had met with no one marked.
		return private("The meeting on %s has not been held yet: attendance is taken on the day, from `/meeting start` to `/meeting close`.", formatDay(m.StartsAt, c.Location())), nil
	}
	if len(st.log) == 0 && m.Status == MeetingCancelled {
		// Nor does a cancelled one: it did not meet.
		return private("The meeting on %s was cancelled: it did not meet, so no attendance was taken.", formatDay(m.StartsAt, c.Location())), nil
	}
	var b strings.Builder
	para := func(head string, names []string) {
		if len(names) > 0 {
			fmt.Fprintf(&b, "%s %s.\n\n", head, joinAnd(names))
		}
	}
	if len(st.log) == 0 {
		// A meeting whose minutes were imported: they print who was
		// there, which is its record of attendance.
		pub, err := s.store.ImportedAttendance(ctx, m.ID)
		if err != nil {
			return Reply{}, err
		}
		if len(pub.Present) == 0 && len(pub.InAttendance) == 0 && len(pub.Absent) == 0 {
			return private("No attendance was recorded at the meeting on %s.", formatDay(m.StartsAt, c.Location())), nil
		}
		as, err := s.store.Apologies(ctx, m.ID)
		if err != nil {
			return Reply{}, err
		}
		apologies := make([]string, len(as))
		for i, a := range as {
			apologies[i] = nameOf(a.Name, a.Organisation)
		}
		fmt.Fprintf(&b, "Attendance at the meeting of *%s* on %s, as the minutes imported for it record it:\n\n", Escape(c.Name), formatDay(m.StartsAt, c.Location()))
		para("Present:", escapeAll(pub.Present))
		para("In attendance:", escapeAll(pub.InAttendance))
		para("Apologies for absence were received from", escapeAll(apologies))
		para("Absent:", escapeAll(pub.Absent))
		return Reply{Visibility: Private, Text: strings.TrimSpace(b.String())}, nil
	}
	if st.agenda, err = s.store.AgendaItems(ctx, m.ID); err != nil {
		return Reply{}, err
	}
	if st.rules, err = s.store.QuorumRules(ctx, c.ID); err != nil {
		return Reply{}, err
	}
	p := st.paragraphs()
	fmt.Fprintf(&b, "Attendance at the meeting of *%s* on %s:\n\n", Escape(c.Name), formatDay(m.StartsAt, c.Location()))
	para("Present:", p.present)
	para("Also present:", p.alsoPresent)
	para("In attendance:", p.inAttendance)
	para("Apologies for absence were received from", p.apologies)
	para("Substitutes:", p.substitutes)
	para("Absent:", p.absent)
	for _, n := range p.notes {
		b.WriteString(n + "\n")
	}
	return Reply{Visibility: Private, Text: strings.TrimSpace(b.String())}, nil
}

// attendedMeeting is the meeting whose attendance d asks about: the one
// on DATE, or by default the meeting in progress, else today's once
// closed, else the last one held. cmd names the command in the answer
// when there is none.
func (s *Service) attendedMeeting(ctx context.Context, in *Input, d Date, cmd string) (Meeting, error) {
	c := in.Committee
	if !d.IsNext() {
		return s.meetingFor(ctx, c, d, in.Now)
	}
	if run, ok, err := s.runningMeeting(ctx, c); err != nil || ok {
		return run, err
	}
	if today, ok, err := s.dayMeetingOf(ctx, c, in.Now); err != nil {
		return Meeting{}, err
	} else if ok && today.Status == MeetingHeld {
		// Closed today, perhaps before its advertised start.
		return today, nil
	}
	m, err := s.store.PreviousMeeting(ctx, c.ID, in.Now.Add(time.Minute))
	if errors.Is(err, ErrNotFound) {
		return Meeting{}, s.heldNone(ctx, c, in.Now, cmd)
	}
	return m, err
}

// hereNow is /here: the sender is at the meeting in progress.
func hereNow(ctx context.Context, s *Service, in *Input) (Reply, error) {
	status := AttendPresent
	switch {
	case len(in.Args) == 1 && isRemote(in.Args[0]):
		status = AttendRemote
	case len(in.Args) > 0:
		return Reply{}, hereSomeone(in.Args)
	}
	m, ok, err := s.runningMeeting(ctx, in.Committee)
	if err != nil {
		return Reply{}, err
	}
	if !ok {
		return Reply{}, s.noneRunning(ctx, in.Committee, in.Now)
	}
	if err := s.hereWhich(ctx, in); err != nil {
		return Reply{}, err
	}
	if in.Me.UserID == "" {
		return s.substituteHere(ctx, in.Committee, m, in.UserID, in.UserName, status, in.Now)
	}
	return s.markSelf(ctx, in.Committee, in.Me, m, status, in.Now)
}

// hereWhich asks which meeting `/here` is for when it was sent away from
// any committee's channel by a member whose committee is meeting, and who
// is also named as substitute at a meeting in progress of a committee they
// are not on: they may be at either, and marking them at their own would
// leave them unrecorded at the other. Each button runs `/here` again for
// one committee, as askCommittee's do.
func (s *Service) hereWhich(ctx context.Context, in *Input) error {
	if v, ok := ctx.Value(visitKey{}).(*visit); !ok || !v.away || !v.command || in.committeeID != 0 || in.Me.UserID == "" {
		return nil
	}
	at, err := s.substituteSittings(ctx, in.TeamID, in.UserID, in.Now)
	if err != nil || len(at) == 0 {
		return err
	}
	head := fmt.Sprintf("Your committee, %s, is meeting, and you are named as substitute at the meeting in progress of %s.", Escape(in.Committee.Name), joinAnd(committeeNames(at)))
	if q := whichOf(in.Request, head, "meeting", append([]Committee{in.Committee}, at...)); q != nil {
		return q
	}
	return nil
}

// substituteSittings is the committees, not userID's own, at whose
// meeting in progress userID is named as a member's substitute.
func (s *Service) substituteSittings(ctx context.Context, teamID, userID string, now time.Time) ([]Committee, error) {
	cs, err := s.store.SubstituteCommittees(ctx, teamID, userID, now)
	if err != nil {
		return nil, err
	}
	var at []Committee
	for _, c := range cs {
		_, ok, err := s.substituteSitting(ctx, c, userID)
		if err != nil {
			return nil, err
		}
		if ok {
			at = append(at, c)
		}
	}
	return at, nil
}

// hereElsewhere is the committee `/here`, typed where the channel is no
// committee's (a direct message), is for when its sender is named as
// substitute at a meeting in progress of a committee they are not on
// (ms is the committees they are on). A substitute goes to the meeting
// they were named for, and would be turned away (no committee, or theirs
// not meeting) if /here went to their own: with one such meeting and none
// of their own in progress it is that one; with several, or beside
// several committees of their own, it asks which, a button for each.
// A member of one committee that is meeting is asked by hereWhich.
func (s *Service) hereElsewhere(ctx context.Context, r Request, ms []Membership) (Origin, bool, error) {
	v, ok := ctx.Value(visitKey{}).(*visit)
	if !ok || !v.command || r.Command != "/here" || r.committeeID != 0 {
		return Origin{}, false, nil
	}
	at, err := s.substituteSittings(ctx, r.TeamID, r.UserID, r.Now)
	if err != nil || len(at) == 0 {
		return Origin{}, false, err
	}
	if len(ms) == 1 {
		if _, running, err := s.runningMeeting(ctx, ms[0].Committee); err != nil || running {
			return Origin{}, false, err
		}
	}
	if len(ms) <= 1 && len(at) == 1 {
		v.away, v.committee = true, at[0]
		return Origin{Committee: at[0]}, true, nil
	}
	offer := at
	if len(ms) > 1 {
		offer = nil
		for _, m := range ms {
			offer = append(offer, m.Committee)
		}
		offer = append(offer, at...)
	}
	head, what := fmt.Sprintf("You are named as substitute at the meetings in progress of %s.", joinAnd(committeeNames(at))), "meeting"
	if len(ms) > 1 {
		head, what = fmt.Sprintf("You are a member of several committees, and named as substitute at the meeting in progress of %s.", joinAnd(committeeNames(at))), "committee"
	}
	if q := whichOf(r, head, what, offer); q != nil {
		return Origin{}, false, q
	}
	return Origin{}, false, nil
}

// committeeNames is the committees' names, escaped.
func committeeNames(cs []Committee) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = Escape(c.Name)
	}
	return out
}

// substituteSitting is the meeting of c in progress at which userID is
// named as a member's substitute, in apologies standing, if there is one.
func (s *Service) substituteSitting(ctx context.Context, c Committee, userID string) (Meeting, bool, error) {
	m, ok, err := s.runningMeeting(ctx, c)
	if err != nil || !ok {
		return Meeting{}, false, err
	}
	as, err := s.store.SubstituteApologies(ctx, userID, []int64{m.ID})
	if err != nil {
		return Meeting{}, false, err
	}
	for _, a := range as {
		if a.UserID != "" && a.SubstituteID == userID {
			return m, true, nil
		}
	}
	return Meeting{}, false, nil
}

// isRemote is whether w says one is at the meeting from the call, in the
// words /attendance takes for it.
func isRemote(w string) bool {
	switch strings.ToLower(w) {
	case "remote", "remotely", "online":
		return true
	}
	return false
}

// hereSomeone refuses /here with words after it. An officer at the table
// who names someone ("/here @neil") means to mark them: the answer gives
// the /attendance line that does.
func hereSomeone(args []string) error {
	status := "present"
	if n := len(args); n > 1 && isRemote(args[n-1]) {
		status, args = "remote", args[:n-1]
	}
	person := ""
	if id, _, ok := mention(args[0]); ok && len(args) == 1 {
		person = "<@" + id + ">"
	} else if strings.HasPrefix(args[0], `"`) || strings.HasPrefix(args[0], "“") {
		// The name as /attendance reads it, not the words as Slack sent
		// them (escaped already: escaped again, an & would show as
		// &amp;); the form to fill in where they name no one it can read,
		// or the name cannot be typed as shown (see quotedName).
		a, rest, err := takePerson(strings.Join(args, " "))
		switch {
		case err != nil:
			person = anyName
		case strings.TrimSpace(rest) == "" && a.UserID != "":
			person = "<@" + a.UserID + ">"
		case strings.TrimSpace(rest) == "":
			person, _ = quotedName(a.Name, a.Org)
		}
	}
	if person == "" {
		return usageErr("`/here` takes nothing, or `remote`.")
	}
	return usageErr("`/here` marks only you. To mark someone else, the officer or the chair types `/attendance %s %s`.", person, status)
}

// substituteHere marks userID, who is not a member, as the substitute
// named in a member's apology for m; anyone else is refused.
func (s *Service) substituteHere(ctx context.Context, c Committee, m Meeting, userID, userName string, status AttendanceStatus, now time.Time) (Reply, error) {
	as, err := s.store.Apologies(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	for _, a := range as {
		if a.SubstituteID != userID || a.UserID == "" {
			continue
		}
		st, err := s.meetingState(ctx, c, m)
		if err != nil {
			return Reply{}, err
		}
		if !st.sit.Running() {
			return Reply{}, userErr("The meeting on %s is not in progress.", formatDay(m.StartsAt, c.Location()))
		}
		mark := AttendanceMark{MeetingID: m.ID, MemberKey: userID, UserID: userID, Name: s.displayName(ctx, userID, userName),
			Status: status, At: now, SubstituteFor: a.UserID, By: userID}
		// One substitute at a time, as /attendance holds it: someone the
		// officer marked in the member's place stands, and the mark is
		// saved only if no one else is here as theirs when it commits.
		if err := st.substituteErr(mark); err != nil {
			return Reply{}, err
		}
		mark.Sole = true
		st.arrivingLate(&mark)
		return s.mark(ctx, st, mark, now, true)
	}
	return Reply{}, userErr("You are not a member of %s, so I cannot mark you here. The officer or the chair can record you: `/attendance @you in-attendance`, or `/attendance @you substitute-for @member`.", Escape(c.Name))
}

// pressHere is the I'm here button, on the live message or the Home.
func pressHere(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 {
		return Reply{}, userErr("That button is out of date; type `/here` instead.")
	}
	m, err := s.store.Meeting(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, errNotYourMeeting
	}
	if err != nil {
		return Reply{}, err
	}
	c, err := s.store.CommitteeByID(ctx, m.CommitteeID)
	if err != nil {
		return Reply{}, err
	}
	me, err := s.store.Member(ctx, c.ID, r.UserID)
	if errors.Is(err, ErrNotFound) {
		// Someone on no committee of m's, pressing where the live message
		// is not (the Home, another channel), who is not named there as a
		// substitute, has a button whose value was changed: answered as
		// for a meeting that does not exist (see errNotYourMeeting), not
		// with the committee's name.
		if r.ChannelID == "" || r.ChannelID != c.ChannelID {
			as, err := s.store.SubstituteApologies(ctx, r.UserID, []int64{m.ID})
			if err != nil {
				return Reply{}, err
			}
			// Any standing apology naming them, as the Home's does that
			// offers them the button: one entered by name too, which
			// substituteHere answers with whom to ask.
			if !slices.ContainsFunc(as, func(a Apology) bool { return a.SubstituteID == r.UserID }) {
				return Reply{}, errNotYourMeeting
			}
		}
		return s.substituteHere(ctx, c, m, r.UserID, r.UserName, AttendPresent, r.Now)
	}
	if err != nil {
		return Reply{}, err
	}
	return s.markSelf(ctx, c, me, m, AttendPresent, r.Now)
}

// markSelf is one action for /here and the button: me is at meeting m.
func (s *Service) markSelf(ctx context.Context, c Committee, me Member, m Meeting, status AttendanceStatus, now time.Time) (Reply, error) {
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	if !st.sit.Running() {
		return Reply{}, userErr("The meeting on %s is not in progress.", formatDay(m.StartsAt, c.Location()))
	}
	if me.IsOfficer() && status == AttendPresent {
		// Officers serve the meeting; the minutes print them as in attendance.
		status = AttendInAttendance
	}
	mark := AttendanceMark{MeetingID: m.ID, MemberKey: me.UserID, UserID: me.UserID, Name: me.Name, Organisation: me.Organisation,
		Status: status, At: now, By: me.UserID}
	// Marked by the officer as another member's substitute, they press I'm
	// here to say they are here, not to undo that: a mark without the
	// substitute ends it (Standing), and a mistaken one is the officer's
	// to correct with /attendance.
	if a, ok := st.attendee(me.UserID); ok {
		mark.SubstituteFor = a.SubstituteFor
	}
	st.arrivingLate(&mark)
	return s.mark(ctx, st, mark, now, true)
}

// arrivingLate makes mark, someone marking themselves here, a late
// arrival at its time when business has started, as the officer's `late`
// would: the minutes then say when they arrived ("… arrived at 13:34
// during consideration of Minute No. 5"), rather than list them as
// present throughout, there for decisions taken before they came. Only a
// first arrival is: someone back after leaving returns, as the minutes
// already say, and one here already is not arriving. Officers, in
// attendance, and a move to the call are left as they are.
func (st meetingState) arrivingLate(mark *AttendanceMark) {
	if mark.Status != AttendPresent {
		return
	}
	var last AttendanceMark
	for _, l := range st.log {
		if l.MemberKey == mark.MemberKey && l.Seq > last.Seq {
			last = l
		}
	}
	switch {
	case last.Status == AttendLate:
		// Pressed again, it is the mark they have, and answered so, not a
		// second arrival.
		mark.Status, mark.At = AttendLate, last.At
	case last.Seq != 0 && last.Status != AttendAbsent:
		// Here already, or back after leaving: not arriving.
	case slices.ContainsFunc(st.sit.Events, func(e SessionEvent) bool { return e.Action == ActionItem && !e.At.After(mark.At) }):
		mark.Status = AttendLate
	}
}

// mark records mark and answers; self says the person marked themselves.
// st is the meeting as read before the mark: the answer counts the quorum
// from it and the mark.
func (s *Service) mark(ctx context.Context, st meetingState, mark AttendanceMark, now time.Time, self bool) (Reply, error) {
	// The apology the mark withdraws or restores takes the request's
	// time, as the apologies' history does; the mark itself is entered
	// by the database's clock (see storage's markAs).
	mark.EnteredAt = now
	// The notice that the mark lost the quorum is queued with it, from the
	// log as the mark's transaction reads it.
	added, err := s.store.MarkAttendance(ctx, mark, func(log []AttendanceMark) []OutboxMessage {
		return st.inquorateNotices(log, now)
	})
	if mark.Sole && errors.Is(err, ErrConflict) {
		// Another substitute for the member was marked meanwhile: the
		// answer names them, as it would have had they come first.
		if again, rerr := s.meetingState(ctx, st.c, st.m); rerr == nil {
			if serr := again.substituteErr(mark); serr != nil {
				return Reply{}, serr
			}
		}
	}
	if err != nil {
		return Reply{}, err
	}
	// Here after all, their apologies were withdrawn with the mark
	// (MarkAttendance): the answer says so, as their history does.
	withdrew := ""
	if added && st.apologised(mark.MemberKey) && mark.Status.attends() {
		withdrew = " Their apologies for this meeting are withdrawn: they are here."
		if self {
			withdrew = " Your apologies for this meeting are withdrawn: you are here."
		}
	}
	_, presided := st.inTheChair()
	// Marked present for the first time by someone else once business
	// has started: they may have been there from the start, unmarked, or
	// have come in just now. The minutes list them as present throughout,
	// so the officer is told, with the mark that says when they came.
	arrived := ""
	if added && !self && mark.Status == AttendPresent && !slices.ContainsFunc(st.log, func(l AttendanceMark) bool { return l.MemberKey == mark.MemberKey }) &&
		slices.ContainsFunc(st.sit.Events, func(e SessionEvent) bool { return e.Action == ActionItem && !e.At.After(mark.At) }) {
		person := "<@" + mark.UserID + ">"
		if mark.UserID == "" {
			person, _ = quotedName(mark.Name, mark.Organisation)
		}
		arrived = fmt.Sprintf(" Business has started, and the minutes list them as present from the start; if they came in later, `/attendance %s late %s` records when.",
			person, mark.At.In(st.c.Location()).Format("15:04"))
	}
	if added {
		st.log = withMark(st.log, mark)
		st.att = Standing(st.log)
		if mark.Status == AttendAbsent {
			// Apologies a mistaken mark of them here took back stand again
			// (MarkAttendance): read as saved. The mark is saved, so a read
			// failing now only leaves the note out.
			if aps, err := s.store.Apologies(ctx, st.m.ID); err == nil {
				st.apologies = aps
			}
		}
	}
	line := st.count("").Line()
	c := st.c
	who := Escape(mark.Name)
	if self {
		who = "You"
	}
	state := describeMark(mark, st, c.Location())
	if mark.Status == AttendAbsent && st.apologised(mark.MemberKey) {
		// Marked absent after a mark that took their apologies back: they
		// stand again (MarkAttendance), and the officer is told so.
		state += ". Their apologies stand"
	}
	if note := st.notTakenUpNote(mark, self); note != "" {
		line = note + " " + line
	}
	if note := st.memberHereNote(mark, self); note != "" {
		line = note + " " + line
	}
	if _, presiding := st.inTheChair(); added && presided == mark.MemberKey && presiding == "" {
		// With no vice-chair here to take it, the record would otherwise
		// have no one in the chair for what is decided meanwhile.
		line = "No one is in the Chair now: `/attendance @member chair` records the member present who takes it. " + line
	}
	if !added {
		return private("%s %s already. %s", who, strings.Replace(state, "are ", "were ", 1), line), nil
	}
	return private("%s %s.%s%s %s", who, state, withdrew, arrived, line), nil
}

func describeMark(mark AttendanceMark, st meetingState, loc *time.Location) string {
	verb := "is"
	if mark.By == mark.MemberKey {
		verb = "are"
	}
	at := ClockIn(mark.At, loc, "15:04")
	// Officers serve the meeting and never count: the live message and the
	// minutes list them in attendance however they came, so the answer
	// does too rather than call them present.
	present := "present"
	if m, ok := st.member(mark.MemberKey); ok && m.IsOfficer() && mark.SubstituteFor == "" {
		present = "in attendance"
	}
	if mark.Corrects {
		return fmt.Sprintf("%s marked as not having left at %s after all (the departure was entered by mistake)", verb, at)
	}
	switch mark.Status {
	case AttendLate:
		if st.returning(mark) {
			return fmt.Sprintf("%s marked as having returned at %s", verb, at)
		}
		return fmt.Sprintf("%s marked %s, arrived late at %s", verb, present, at)
	case AttendLeft:
		return fmt.Sprintf("%s marked as having left at %s", verb, at)
	case AttendAbsent:
		return verb + " marked absent"
	case AttendRemote:
		if present != "present" {
			return verb + " marked in attendance, remotely"
		}
		return verb + " marked present remotely"
	case AttendInAttendance:
		return verb + " marked in attendance"
	}
	if mark.SubstituteFor != "" {
		return fmt.Sprintf("%s marked present as substitute for %s", verb, st.keyName(mark.SubstituteFor))
	}
	return verb + " marked " + present
}

// apologised reports whether the person of member key key has apologies
// standing for the meeting.
func (st meetingState) apologised(key string) bool {
	return slices.ContainsFunc(st.apologies, func(a Apology) bool {
		return a.UserID != "" && a.UserID == key || a.UserID == "" && NameKey(a.Name) == key
	})
}

// returning reports whether mark, a late arrival, brings back someone
// whose mark before it says they had left: the minutes record that as a
// return, and a reply calling it a late arrival would contradict them. A
// mark not yet numbered is the one just saved, its person's latest.
func (st meetingState) returning(mark AttendanceMark) bool {
	seq := mark.Seq
	if seq == 0 {
		for _, l := range st.log {
			if l.MemberKey == mark.MemberKey && l.Seq > seq {
				seq = l.Seq
			}
		}
	}
	prev := AttendanceMark{}
	for _, l := range st.log {
		if l.MemberKey == mark.MemberKey && l.Seq < seq && l.Seq > prev.Seq {
			prev = l
		}
	}
	return prev.Status == AttendLeft
}

// withMark is log with mark added after the person's last.
func withMark(log []AttendanceMark, mark AttendanceMark) []AttendanceMark {
	for _, l := range log {
		if l.MemberKey == mark.MemberKey && l.Seq >= mark.Seq {
			mark.Seq = l.Seq + 1
		}
	}
	return append(slices.Clip(log), mark)
}

// inquorateNotices tell the chair and the officers, privately, that the
// meeting in progress has become inquorate, when the last mark of log
// took it below its quorum. The moment is that mark, found in the log
// itself, so the notice's dedupe key sends one per loss of the quorum,
// whichever replica saves the mark.
func (st meetingState) inquorateNotices(log []AttendanceMark, now time.Time) []OutboxMessage {
	if st.sit.State != ActionOpened && st.sit.State != ActionResumed || !lostQuorumBy(st.rule, st.voters(), log) {
		return nil
	}
	lost := log[len(log)-1].ID
	cnt := CountQuorum(st.rule, st.voters(), Standing(log), nil)
	text := fmt.Sprintf("The meeting of *%s* is now *inquorate*: %d voting %s present, quorum %d. `/meeting adjourn` adjourns it.",
		Escape(st.c.Name), cnt.Present, plural(cnt.Present, "member", "members"), cnt.Need)
	var msgs []OutboxMessage
	for _, m := range st.members {
		if m.IsOfficer() || m.Role == RoleChair {
			msgs = append(msgs, OutboxMessage{CommitteeID: st.c.ID, Kind: OutboxDM, UserID: m.UserID,
				DedupeKey: fmt.Sprintf("inquorate:%d:%d:%s", st.m.ID, lost, m.UserID),
				Reply:     Reply{Visibility: Private, Text: text}, DueAt: now})
		}
	}
	return msgs
}

// lostQuorumBy says whether the last mark in log took a quorate meeting
// below its quorum.
func lostQuorumBy(rule QuorumRule, voters []Voter, log []AttendanceMark) bool {
	if len(log) == 0 || !rule.Set() {
		return false
	}
	before := CountQuorum(rule, voters, Standing(log[:len(log)-1]), nil)
	return before.Quorate() && !CountQuorum(rule, voters, Standing(log), nil).Quorate()
}

// attendanceArgs is a parsed /attendance: who, and what to record.
type attendanceArgs struct {
	UserID, Hint  string // a Slack user, by mention
	Name, Org     string // or a person not in Slack, by name
	Status        AttendanceStatus
	Clock         *Clock // for late and left, when given
	SubstituteFor string // user ID of the member replaced
	// NotLeft: `left none`, the departure last marked was entered by
	// mistake.
	NotLeft bool
	// Apologies: `apologies [REASON]`, apologies received at the meeting,
	// with Reason when SetReason (otherwise a reason standing is kept);
	// with Withdraw, `apologies withdraw`: those standing are withdrawn.
	Apologies bool
	Reason    string
	SetReason bool
	Withdraw  bool
	// Chair: `chair`, the member takes the chair.
	Chair bool
}

// takePerson reads the person text starts with, `@person` or `"Name
// (Org)"`, and what follows them.
func takePerson(text string) (a attendanceArgs, rest string, err error) {
	text = strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(text, "<@"):
		word, after, _ := strings.Cut(text, " ")
		// "@neil, late 10:20": the comma is the sender's, not the mention's.
		if i := strings.LastIndex(word, ">"); i > 0 && i < len(word)-1 && strings.Trim(word[i+1:], ",.;:!") == "" {
			word = word[:i+1]
		}
		id, hint, ok := mention(word)
		if !ok {
			return a, "", fmt.Errorf("%s is not a mention: type @ and pick the person", Escape(truncateText(word, 40)))
		}
		a.UserID, a.Hint, rest = id, hint, after
	case strings.HasPrefix(text, `"`) || strings.HasPrefix(text, "“"):
		open := text[:1]
		closeQ := `"`
		if open != `"` {
			open, closeQ = "“", "”"
		}
		inner, after, ok := strings.Cut(text[len(open):], closeQ)
		if !ok {
			return a, "", fmt.Errorf("close the name's quotation marks")
		}
		if id, hint, ok := mention(strings.TrimSpace(inner)); ok {
			// A member picked with @ inside the quotation marks is that
			// member, not a guest whose name is Slack's markup.
			a.UserID, a.Hint, rest = id, hint, after
			return a, rest, nil
		}
		shown := strings.Join(strings.Fields(Unescape(ShownMarkup(inner))), " ")
		if strings.HasPrefix(shown, "@") {
			// "@neil" typed without picking the person, or Slack's markup
			// for @channel or a user group, shown as "@channel": a guest
			// of that name would be listed as such in the minutes. The
			// name is read as shown, so that the "@channel" quoted here is
			// refused the same when typed again.
			return a, "", fmt.Errorf("I could not find %s: type @ and pick the person, so that Slack links the name, or give \"Name (Organisation)\" for someone not in Slack", Escape(truncateText(shown, 40)))
		}
		name, org := splitOrg(shown)
		a.Org = org
		if strings.ContainsAny(name+org, "()") {
			// A bracket left in the name ("Jane (") or an organisation
			// alone ("(Sefton CVS)") is no one's name: the minutes would
			// list it as someone present.
			return a, "", fmt.Errorf("give the person's name, then their organisation in brackets: \"Jen Williams (NW Probation)\"")
		}
		if name == "" || utf8.RuneCountInString(name) > MaxNameLen || utf8.RuneCountInString(a.Org) > MaxNameLen {
			return a, "", fmt.Errorf("give the person's name in quotation marks, e.g. \"Jen Williams (NW Probation)\"")
		}
		a.Name, rest = name, after
	case strings.HasPrefix(text, "@"):
		word, _, _ := strings.Cut(text, " ")
		return a, "", fmt.Errorf("I could not find %s: type @ and pick the person, so that Slack links the name, or give \"Name (Organisation)\" for someone not in Slack", Escape(truncateText(Unescape(word), 40)))
	default:
		return a, "", fmt.Errorf("start with the person: @name, or \"Name (Organisation)\" for someone not in Slack")
	}
	return a, rest, nil
}

// severalPeople refuses a mark of more than one person (`@neil @graeme
// present`, `@neil, @graeme and @ann late 10:20`), which would otherwise
// quote the second mention back as Slack's markup, a word not known: the
// answer gives each person's line to copy.
func severalPeople(a attendanceArgs, words []string) error {
	var ids []string
	n := 0
	for ; n < len(words); n++ {
		w := strings.TrimRight(words[n], ",;")
		if w == "" || strings.EqualFold(w, "and") || w == "&amp;" {
			continue
		}
		id, _, ok := mention(w)
		if !ok {
			break
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil
	}
	status := "present"
	if n < len(words) {
		status = Escape(Unescape(truncateText(strings.Join(words[n:], " "), 60)))
	}
	first := fmt.Sprintf("<@%s>", a.UserID)
	if a.UserID == "" {
		first = `"` + nameOf(a.Name, a.Org) + `"`
	}
	lines := []string{fmt.Sprintf("`/attendance %s %s`", first, inCode(status))}
	for _, id := range ids {
		lines = append(lines, fmt.Sprintf("`/attendance <@%s> %s`", id, inCode(status)))
	}
	return fmt.Errorf("mark one person at a time: %s", strings.Join(lines, ", then "))
}

// declareHint answers a declaration of interest given to /attendance,
// words being what followed "declares": /attendance records who is
// there, and a declaration made at the table is entered with /declare,
// which the answer gives to copy.
func declareHint(a attendanceArgs, words []string) error {
	rest := "ITEM KIND NATURE"
	if len(words) > 0 {
		rest = Escape(Unescape(truncateText(strings.Join(words, " "), 120)))
	}
	who, given := personArg(a.UserID, a.Name, a.Org)
	return fmt.Errorf("a declaration of interest is entered with /declare, not /attendance: `/declare for %s %s`%s (KIND is pecuniary, personal or other)", who, inCode(rest), asGiven(given))
}

// parseAttendance reads `@person STATUS` or `"Name (Org)" STATUS`.
func parseAttendance(text string) (attendanceArgs, error) {
	a, rest, err := takePerson(text)
	if err != nil {
		return a, err
	}
	words := strings.Fields(rest)
	if len(words) == 0 {
		return a, fmt.Errorf("say what to record: present, late HH:MM, left HH:MM, absent, apologies [REASON], remote, in-attendance, substitute-for @member or chair")
	}
	if err := severalPeople(a, words); err != nil {
		return a, err
	}
	w := strings.ToLower(words[0])
	words = words[1:]
	if (w == "in" || w == "substitute") && len(words) > 0 && (strings.EqualFold(words[0], "attendance") || strings.EqualFold(words[0], "for")) {
		w += "-" + strings.ToLower(words[0])
		words = words[1:]
	}
	switch w {
	case "present", "here":
		a.Status = AttendPresent
	case "late", "arrived":
		a.Status = AttendLate
	case "left", "leaves", "gone":
		a.Status = AttendLeft
	case "absent":
		a.Status = AttendAbsent
	case "remote", "remotely", "online":
		a.Status = AttendRemote
	case "in-attendance", "attending", "attendance":
		a.Status = AttendInAttendance
	case "chair", "chairing":
		if len(words) > 0 {
			return a, fmt.Errorf("chair takes nothing after it: `/attendance @member chair` records that they take the chair now")
		}
		a.Chair = true
		return a, nil
	case "apologies", "apology", "apologised", "apologized", "apologises", "apologizes":
		return apologiesArgs(a, words)
	case "declares", "declare", "declared", "declaring", "declaration", "interest":
		return a, declareHint(a, words)
	case "substitute-for", "sub-for", "substituting":
		if len(words) != 1 {
			return a, fmt.Errorf("name the member they stand in for: substitute-for @member")
		}
		id, _, ok := mention(words[0])
		if !ok {
			return a, fmt.Errorf("%s is not a mention: type @ and pick the member they stand in for", Escape(truncateText(words[0], 40)))
		}
		a.Status, a.SubstituteFor = AttendPresent, id
		return a, nil
	default:
		return a, fmt.Errorf("I don't know \"%s\": say present, late HH:MM, left HH:MM, absent, apologies [REASON], remote, in-attendance, substitute-for @member or chair", echoWord(w))
	}
	if a.Status == AttendLate || a.Status == AttendLeft {
		if strings.EqualFold(strings.Join(words, " "), "") {
			return a, nil
		}
		if a.Status == AttendLeft && len(words) == 1 && strings.EqualFold(words[0], "none") {
			a.NotLeft = true
			return a, nil
		}
		if strings.EqualFold(words[0], "at") {
			words = words[1:]
		}
		c, n, err := takeClock(words)
		if err != nil {
			return a, err
		}
		if n == 0 || n != len(words) {
			return a, fmt.Errorf("%s is not a time: use 10:20 or 10.20am", Escape(truncateText(strings.Join(words, " "), 40)))
		}
		a.Clock = &c
		return a, nil
	}
	if len(words) > 0 {
		return a, fmt.Errorf("%s takes nothing after it", w)
	}
	return a, nil
}

// apologiesArgs reads what follows `apologies`: the reason, if any. A
// substitute is not named here: one who comes is marked as such when they
// arrive (`substitute-for`), and the minutes name them from that mark.
func apologiesArgs(a attendanceArgs, words []string) (attendanceArgs, error) {
	a.Apologies = true
	if _, _, found, err := takeSubstitute(words); found || err != nil {
		return a, errors.New("a substitute is recorded when they come: mark the substitute with `/attendance @person substitute-for @member`, and give the apologies without them")
	}
	if len(words) == 0 {
		return a, nil
	}
	if len(words) == 1 && strings.EqualFold(words[0], "withdraw") {
		// As `left none` takes back a departure: a reason of the one
		// word "withdraw" is not one anyone gives.
		a.Withdraw = true
		return a, nil
	}
	a.SetReason = true
	if lw := strings.ToLower(strings.TrimRight(words[0], ":")); lw == "reason" {
		switch {
		case len(words) == 1:
			return a, errors.New("say `reason none` to remove the reason, or give it after `reason`")
		case len(words) == 2 && strings.EqualFold(words[1], "none"):
			return a, nil
		}
		words = words[1:]
	}
	a.Reason = plainMarked(words)
	if n := utf8.RuneCountInString(a.Reason); n > MaxReasonLen {
		return a, fmt.Errorf("that reason is too long (%d characters; the limit is %d)", n, MaxReasonLen)
	}
	return a, nil
}

// attendanceBareName refuses a mark that starts with a word of a
// member's name rather than their mention ("/attendance neil present"),
// naming whom it may mean and the line that marks them.
func (s *Service) attendanceBareName(ctx context.Context, in *Input) error {
	if len(in.Args) < 2 || strings.IndexAny(in.Args[0], "@<\"“") == 0 {
		return nil
	}
	meant, err := s.membersMeant(ctx, in, in.Args[0])
	if err != nil || len(meant) == 0 {
		return err
	}
	lines := make([]string, len(meant))
	for i, m := range meant {
		rest := inCode(Escape(truncateText(strings.Join(in.Args[nameTyped(m, in.Args):], " "), 60)))
		lines[i] = fmt.Sprintf("`/attendance <@%s> %s` for %s", m.UserID, rest, inCode(Escape(nameOf(m.Name, m.Organisation))))
	}
	return userErr("Start with the person's mention: %s.", joinOr(lines))
}

// nameTyped is how many of args, from the first, name m: the word of
// their name that args[0] is, the words of it that follow, and their
// organisation in brackets after them ("Neil Frackelton (SWACA)"). The
// mention suggested in their place must not leave a surname in front of
// what is to be recorded. At least one word is always left.
func nameTyped(m Member, args []string) int {
	words := strings.Fields(personKey(m.Name))
	j := slices.Index(words, bareWord(args[0]))
	if j < 0 {
		return 1
	}
	n := 1
	for n < len(args)-1 && j+n < len(words) && personKey(strings.TrimRight(args[n], ",")) == words[j+n] {
		n++
	}
	if m.Organisation == "" || !strings.HasPrefix(args[n], "(") {
		return n
	}
	for k := n; k < len(args)-1; k++ {
		if strings.HasSuffix(args[k], ")") {
			org := strings.TrimSuffix(strings.TrimPrefix(Unescape(ShownMarkup(strings.Join(args[n:k+1], " "))), "("), ")")
			if FoldName(org) == FoldName(m.Organisation) {
				return k + 1
			}
			break
		}
	}
	return n
}

func markAttendance(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, me := in.Committee, in.Me
	a, err := parseAttendance(strings.Join(in.Args, " "))
	if err != nil {
		if err := s.attendanceBareName(ctx, in); err != nil {
			return Reply{}, err
		}
		return Reply{}, badArgs(err)
	}
	// marksOthers: the sender marks anyone, as an officer or the chair
	// does; otherwise they mark only themselves.
	marksOthers := me.IsOfficer() || me.Role == RoleChair
	if a.UserID != me.UserID && !marksOthers {
		marksOthers = true
		if me.Role != RoleViceChair {
			return Reply{}, userErr("Only an officer or the chair of %s can mark someone else. You can mark yourself with `/here` or the *I'm here* button.", Escape(c.Name))
		}
		// The vice-chair chairs a meeting the chair sent apologies for,
		// and opens it (Chairs): they mark the others at it too.
		if err := s.chairing(ctx, in.Request, Origin{Committee: c, Member: &me}, "mark someone else"); err != nil {
			return Reply{}, err
		}
	}
	if a.Apologies && !marksOthers {
		// A member's own apologies closed when the meeting opened: those
		// received at it are the officer's or the chair's to record, and
		// to withdraw.
		doing := "record apologies at the meeting"
		if a.Withdraw {
			doing = "withdraw apologies at the meeting"
		}
		if err := s.chairing(ctx, in.Request, Origin{Committee: c, Member: &me}, doing); err != nil {
			return Reply{}, err
		}
	}
	m, ok, err := s.runningMeeting(ctx, c)
	if err != nil {
		return Reply{}, err
	}
	if !ok {
		if a.Apologies {
			if err := s.apologiesBeforeOpening(ctx, c, in.Now, a); err != nil {
				return Reply{}, err
			}
		}
		return Reply{}, s.attendanceStands(ctx, c, in.Now)
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	mark := AttendanceMark{MeetingID: m.ID, Status: a.Status, At: in.Now, SubstituteFor: a.SubstituteFor, By: in.UserID}
	if a.Clock != nil {
		start := st.sit.Opened
		if start.IsZero() {
			start = m.StartsAt
		}
		mark.At = clockDuring(start, in.Now, *a.Clock, c.Location())
		if err := markTimeErr(mark.At, start, in.Now, a.Status, c.Location()); err != nil {
			return Reply{}, err
		}
	}
	if a.SubstituteFor != "" {
		mem, ok := st.member(a.SubstituteFor)
		if !ok {
			return Reply{}, userErr("<@%s> is not a member of %s, so no one can substitute for them.", a.SubstituteFor, Escape(c.Name))
		}
		if mem.IsOfficer() {
			// Officers serve the meeting and never count: a substitute for
			// one would stand in for no vote, and a member marked so would
			// no longer count in their own right.
			return Reply{}, userErr("%s is an officer of %s and does not vote, so no one substitutes for them. Mark the person present, or in attendance, instead.",
				Escape(mem.Name), Escape(c.Name))
		}
		// The minutes print a substitute as standing in for the member: a
		// member records that of themselves only where that member named
		// them, as pressing I'm here does for a substitute who is no member.
		if !marksOthers && !slices.ContainsFunc(st.apologies, func(ap Apology) bool {
			return ap.UserID == a.SubstituteFor && ap.SubstituteID == me.UserID
		}) {
			return Reply{}, userErr("Only an officer or the chair of %s can record you as another member's substitute: %s's apologies for this meeting do not name you. Mark yourself with `/here`.",
				Escape(c.Name), st.keyName(a.SubstituteFor))
		}
	}
	if a.UserID == "" {
		// A member named rather than mentioned is still the member, as
		// for the records entered for them (onBehalf): marked by name, they
		// would not count to the quorum, be listed twice when they press
		// I'm here, and keep their apologies standing.
		switch meant := membersNamed(st.members, a.Name, a.Org); {
		case len(meant) == 1:
			a.UserID = meant[0].UserID
		case len(meant) > 1:
			return Reply{}, namedTwice(c, a.Name, a.Org, meant)
		}
		if a.UserID == "" {
			// Someone on record by name is the same person however their
			// name is typed at the table, and keeps the spelling and
			// organisation on record.
			who, err := s.onRecordAt(ctx, m, Member{Name: a.Name, Organisation: a.Org})
			if err != nil {
				return Reply{}, err
			}
			a.Name, a.Org = who.Name, who.Organisation
		}
		// Someone marked by a name before is marked again by it, so that a
		// mark made under a misspelt name can still be corrected.
		if _, marked := st.attendee(NameKey(a.Name)); a.UserID == "" && !marked {
			if mem, ok := misnamed(st.members, a.Name, a.Org); ok {
				return Reply{}, misnamedErr(c, a.Name, a.Org, mem)
			}
			if err := oneWordErr(c, st.members, a.Name, a.Org); err != nil {
				return Reply{}, err
			}
			if ap, ok := st.misnamedSubstitute(a.Name, a.Org); ok {
				return Reply{}, userErr("%s's apologies name %s as substitute: did you mean them? Name them as the apologies do, \"%s\"; nothing is recorded for \"%s\".",
					st.keyName(ap.UserID), Escape(ap.SubstituteName), Escape(ap.SubstituteName), nameOf(a.Name, a.Org))
			}
		}
	}
	if a.Chair {
		return s.takeChair(ctx, st, a, in, marksOthers)
	}
	if a.Apologies && a.Withdraw {
		return s.withdrawAtMeeting(ctx, st, a, in)
	}
	if a.Apologies {
		return s.receiveApology(ctx, st, a, in)
	}
	if a.NotLeft {
		return s.withdrawDeparture(ctx, c, m, st, a, in)
	}
	if a.SubstituteFor != "" && a.UserID == a.SubstituteFor {
		return Reply{}, userErr("%s cannot substitute for themselves: a substitute stands in for another member. Mark them present with `/attendance <@%s> present`.",
			st.keyName(a.SubstituteFor), a.SubstituteFor)
	}
	if mem, ok := st.member(a.UserID); ok && a.UserID != "" && a.SubstituteFor != "" && mem.IsOfficer() {
		// An officer serves the meeting and never votes, as one
		// substituted for would not: standing in for a member, they
		// would count to the quorum and be minuted as voting in their
		// place.
		return Reply{}, userErr("%s is an officer of %s and does not vote, so cannot substitute for %s: officers are in attendance however they are marked. Mark them present with `/attendance <@%s> present`.",
			Escape(mem.Name), Escape(c.Name), st.keyName(a.SubstituteFor), a.UserID)
	}
	switch {
	case a.UserID == "":
		mark.MemberKey, mark.Name, mark.Organisation = NameKey(a.Name), a.Name, a.Org
		if prev, ok := st.attendee(mark.MemberKey); ok {
			// Marked before by name: they stay who they were, as a
			// member does, however the name is typed the second time.
			mark.Name, mark.Organisation = prev.Name, prev.Organisation
			if a.SubstituteFor == "" {
				mark.SubstituteFor = prev.SubstituteFor
			}
		} else if ap, ok := st.namedSubstitute(a); ok {
			mark.Name, mark.Organisation = splitOrg(ap.SubstituteName)
			mark.SubstituteFor = ap.UserID
		}
	default:
		mark.MemberKey, mark.UserID = a.UserID, a.UserID
		if mem, ok := st.member(a.UserID); ok {
			mark.Name, mark.Organisation = mem.Name, mem.Organisation
			if prev, ok := st.attendee(a.UserID); ok && a.SubstituteFor == "" && (a.Status == AttendLeft || a.Status == AttendAbsent) {
				// A member standing in for another who leaves still stood
				// in for them; marked here again, they are themselves.
				mark.SubstituteFor = prev.SubstituteFor
			}
		} else if prev, ok := st.attendee(a.UserID); ok {
			// Marked before (a substitute, a guest): they stay who they were.
			mark.Name, mark.Organisation = prev.Name, prev.Organisation
			if a.SubstituteFor == "" {
				mark.SubstituteFor = prev.SubstituteFor
			}
		} else if a.Status == AttendInAttendance || a.SubstituteFor != "" {
			mark.Name = s.displayName(ctx, a.UserID, a.Hint)
		} else if ap, ok := st.namedSubstitute(a); ok {
			mark.Name = s.displayName(ctx, a.UserID, a.Hint)
			mark.SubstituteFor = ap.UserID
		} else {
			return Reply{}, &UserError{Msg: fmt.Sprintf("<@%s> is not a member of %s. Add them first (`/committee member add <@%s> ORGANISATION`), record them as in attendance (`/attendance <@%s> in-attendance`), or by name (`/attendance \"Name (Organisation)\" present`).",
				a.UserID, Escape(c.Name), a.UserID, a.UserID), Usage: in.sub.Usage}
		}
	}
	if mark.SubstituteFor != "" && mark.Status != AttendLeft && mark.Status != AttendAbsent {
		if err := st.substituteErr(mark); err != nil {
			return Reply{}, err
		}
		// Sent at once as another substitute for the member, each would
		// pass the check above: the mark is saved only if it still holds.
		mark.Sole = true
	}
	self := a.UserID != "" && a.UserID == in.UserID
	if mark.Status == AttendLeft {
		if err := leftErr(st, mark, in.Now, self); err != nil {
			return Reply{}, err
		}
	}
	if mark.Status.here() {
		if err := backErr(st, mark, in.Now, self); err != nil {
			return Reply{}, err
		}
	}
	return s.mark(ctx, st, mark, in.Now, a.UserID == in.UserID)
}

// takeChair is `/attendance @member chair`: a member present takes the
// chair, recorded by the officer or the chair (marksOthers), as when the
// chair leaves the room with no vice-chair there. The live message names
// them in the Chair, and the minutes say who took it and when.
func (s *Service) takeChair(ctx context.Context, st meetingState, a attendanceArgs, in *Input, marksOthers bool) (Reply, error) {
	c := st.c
	if !marksOthers {
		return Reply{}, userErr("Only an officer or the chair of %s records who takes the chair.", Escape(c.Name))
	}
	mem, isMember := st.member(a.UserID)
	switch {
	case a.UserID == "" || !isMember:
		return Reply{}, userErr("Only a member of %s present takes the chair: name them by mention, `/attendance @member chair`.", Escape(c.Name))
	case mem.IsOfficer():
		return Reply{}, userErr("%s is an officer of %s and does not take the chair: name the member present who does, `/attendance @member chair`.", Escape(mem.Name), Escape(c.Name))
	}
	if at, ok := st.attendee(a.UserID); !ok || !at.Status.attends() {
		return Reply{}, userErr("%s is not marked here, so cannot take the chair: mark them present first (`/attendance <@%s> present`).", Escape(mem.Name), a.UserID)
	}
	if _, presiding := st.inTheChair(); presiding == a.UserID {
		return private("%s is in the Chair already; nothing changed.", Escape(mem.Name)), nil
	}
	// Whoever presides now decides whether this is a new taking of the
	// chair, not whoever the log names last: a member who took it, saw
	// the chair come back, and takes it again as the chair leaves once
	// more is recorded again, or the minutes would leave the second time
	// out and no one would preside.
	ct := ChairTaken{MeetingID: st.m.ID, Seq: 1, MemberKey: a.UserID, At: in.Now, By: in.UserID}
	if n := len(st.chairs); n > 0 {
		ct.Seq = st.chairs[n-1].Seq + 1
	}
	added, err := s.store.TakeChair(ctx, ct)
	if err != nil {
		return Reply{}, err
	}
	if !added {
		// Closed meanwhile, or someone else recorded who takes the chair
		// since this read the log: decide again on what stands now, which
		// may find the member in the Chair already.
		again, err := s.meetingState(ctx, c, st.m)
		if err != nil {
			return Reply{}, err
		}
		if !again.sit.Running() {
			return Reply{}, userErr("The meeting on %s is not in progress.", formatDay(st.m.StartsAt, c.Location()))
		}
		return s.takeChair(ctx, again, a, in, marksOthers)
	}
	return private("%s takes the Chair at %s; the minutes will say so. %s", Escape(mem.Name), in.Now.In(c.Location()).Format("15:04"), st.count("").Line()), nil
}

// receiveApology is `/attendance @person apologies [REASON]`: apologies
// received at the meeting in progress, once members' own are closed,
// entered for the person by the officer or the chair. They are the
// person's apologies as any sent before (listed, minuted, and withdrawn
// if they turn up), with a history that says they were received at the
// meeting and who entered them. Someone marked absent keeps the mark; the
// minutes list them among the apologies instead (paragraphs).
func (s *Service) receiveApology(ctx context.Context, st meetingState, a attendanceArgs, in *Input) (Reply, error) {
	c := st.c
	who := Member{UserID: a.UserID, Name: a.Name, Organisation: a.Org}
	key := a.UserID
	switch {
	case a.UserID != "":
		mem, ok := st.member(a.UserID)
		if !ok {
			return Reply{}, userErr("<@%s> is not a member of %s. Add them first (`/committee member add <@%s> ORGANISATION`), or record apologies by name for someone not in Slack: `/attendance \"Name (Organisation)\" apologies`.",
				a.UserID, Escape(c.Name), a.UserID)
		}
		who = mem
	default:
		key = NameKey(a.Name)
		if prev, ok := st.attendee(key); ok {
			// Marked before by name: they stay who they were.
			who.Name, who.Organisation = prev.Name, prev.Organisation
		}
	}
	if err := st.hereErr(key, who); err != nil {
		return Reply{}, err
	}
	reason := s.namedMentions(ctx, a.Reason)
	// Told as apologies sent for them before the meeting are, but their
	// own withdrawal is closed now the meeting sits: coming after all is
	// what takes them back.
	told := toldOf(c, who, in.Request, apologiesEntered(c, st.m, apologyArgs{Reason: reason, SetReason: a.SetReason},
		fmt.Sprintf("They were received at the meeting, which is in progress: if you come after all, `/here` in <#%s> as you arrive marks you present and withdraws them.", c.ChannelID)))
	sent, err := s.store.ReceiveApology(ctx, Apology{
		MeetingID: st.m.ID, UserID: who.UserID, Name: who.Name, Organisation: who.Organisation, Reason: reason, By: in.UserID,
		At: in.Now,
	}, ApologyKeep{Reason: !a.SetReason, Substitute: true}, told)
	if errors.Is(err, ErrConflict) {
		// Marked here, or the meeting closed, since it was read: the
		// answer says which.
		if err := s.closedSince(ctx, st, in.Now); err != nil {
			return Reply{}, err
		}
		again, rerr := s.meetingState(ctx, c, st.m)
		if rerr != nil {
			return Reply{}, rerr
		}
		if herr := again.hereErr(key, who); herr != nil {
			return Reply{}, herr
		}
		return Reply{}, err
	}
	if err != nil {
		return Reply{}, err
	}
	reply := s.apologyReply(c, st.m, sent, who, in.Me.IsOfficer() || a.SetReason)
	// `/attendance … apologies` names no substitute (apologiesArgs): one
	// who comes is marked as such, which only a member can be stood in for.
	sub := "none"
	if who.UserID != "" {
		sub = "none (one who comes is marked with `/attendance @person substitute-for <@" + who.UserID + ">`)"
	}
	reply.Text = strings.Replace(reply.Text, "Substitute: "+noSubstitute, "Substitute: "+sub, 1)
	if told != nil && sent.Outcome != ApologyUnchanged {
		reply.Text += "\n" + toldThem
	}
	reply.Text += "\n" + st.count("").Line()
	return reply, nil
}

// closedSince answers a write at the meeting of st that the store refused
// because the meeting may have closed since st was read: with the answer
// for no meeting in progress if it has, nil if it still sits.
func (s *Service) closedSince(ctx context.Context, st meetingState, now time.Time) error {
	run, ok, err := s.runningMeeting(ctx, st.c)
	switch {
	case err != nil:
		return err
	case !ok || run.ID != st.m.ID:
		return s.noneRunning(ctx, st.c, now)
	}
	return nil
}

// withdrawAtMeeting is `/attendance @person apologies withdraw`: the
// person's apologies standing for the meeting in progress, received at it
// or sent before, withdrawn by the officer or the chair, as `/apologies
// withdraw for` does before the meeting opens — for apologies entered by
// mistake. Their history says who withdrew them, and, unlike apologies
// taken back by a mark of the person here, marking them absent does not
// restore them.
func (s *Service) withdrawAtMeeting(ctx context.Context, st meetingState, a attendanceArgs, in *Input) (Reply, error) {
	c := st.c
	who := Member{UserID: a.UserID, Name: a.Name, Organisation: a.Org}
	if mem, ok := st.member(a.UserID); ok && a.UserID != "" {
		who = mem
	}
	told := toldOf(c, who, in.Request, fmt.Sprintf("withdrew your apologies for the meeting of *%s* on %s, which is in progress: you are expected to attend. If you cannot, tell the officer or the chair, who records them again.",
		Escape(c.Name), describeMeeting(st.m, c.Location())))
	err := s.store.WithdrawApologyAtMeeting(ctx, st.m.ID, recordKey(who), in.UserID, in.Now, told)
	if errors.Is(err, ErrConflict) {
		// Closed since it was read: a closed meeting's apologies stand as
		// they were when it closed, and the answer says it closed.
		if err := s.closedSince(ctx, st, in.Now); err != nil {
			return Reply{}, err
		}
		return Reply{}, err
	}
	if errors.Is(err, ErrNotFound) {
		name := whoText(who)
		if who.UserID != "" && who.Name != "" {
			name = nameOf(who.Name, who.Organisation)
		}
		return Reply{}, userErr("%s has no apologies standing for this meeting.", name)
	}
	if err != nil {
		return Reply{}, err
	}
	return private("%s", withTold(fmt.Sprintf("The apologies of %s for the meeting of *%s* on %s are withdrawn. Their history says you withdrew them.",
		whoText(who), Escape(c.Name), describeMeeting(st.m, c.Location())), told)), nil
}

// hereErr refuses apologies for who (member key key) while their latest
// mark has them at the meeting: they are minuted as there. A mark made by
// mistake is corrected by marking them absent first.
func (st meetingState) hereErr(key string, who Member) error {
	at, ok := st.attendee(key)
	if !ok || at.Status == AttendAbsent {
		return nil
	}
	person, given := personArg(who.UserID, who.Name, who.Organisation)
	name := Escape(who.Name)
	if m, ok := st.member(key); ok {
		name = Escape(m.Name)
	}
	how := "marked present"
	switch {
	case at.Status == AttendLeft:
		how = "marked as having left at " + at.Left.In(st.c.Location()).Format("15:04")
	case at.Status == AttendInAttendance:
		how = "marked in attendance"
	case at.Status == AttendRemote:
		how = "marked present remotely"
	}
	absent := "`/attendance " + person + " absent`" + asGiven(given)
	return userErr("%s is %s at this meeting, so cannot send apologies for it. If that mark was a mistake, mark them absent first (%s), then record their apologies.",
		name, how, absent)
}

// substituteErr refuses mark, which has someone here as a member's
// substitute, when another is here as theirs already. One substitute at
// a time: a second stands for no one, and the minutes would name two
// people in one member's place. The refusal says that the person mark is
// for was not recorded, lest the clerk take them for marked.
func (st meetingState) substituteErr(mark AttendanceMark) error {
	for _, o := range st.att {
		if o.Key != mark.MemberKey && o.SubstituteFor == mark.SubstituteFor && o.Status.here() {
			// The names stand beside a `code` span: see inCode.
			person, given := personArg(o.UserID, o.Name, o.Organisation)
			again := "`/attendance " + person + " present`" + asGiven(given)
			unrecorded, resend := "nothing was recorded for "+inCode(nameOf(mark.Name, mark.Organisation)), "mark them"
			if mark.UserID != "" && mark.UserID == mark.By {
				// Said of the substitute's mark alone: the sender may be
				// marked here already, as themselves or in attendance.
				unrecorded, resend = "you are not marked as their substitute", "mark yourself"
			}
			return userErr("%s is already marked as substitute for %s, so %s. If that was a mistake, mark them as themselves first: %s; then %s again.",
				inCode(Escape(o.Name)), inCode(st.keyName(mark.SubstituteFor)), unrecorded, again, resend)
		}
	}
	return nil
}

// withdrawDeparture is `/attendance @person left none`: the departure
// last marked for the person was entered by mistake. A mark of its own
// records that they never left — the log keeps both — and puts them back
// as they were before it, so the minutes do not have them leave and
// return.
func (s *Service) withdrawDeparture(ctx context.Context, c Committee, m Meeting, st meetingState, a attendanceArgs, in *Input) (Reply, error) {
	key := a.UserID
	// Named as the other attendance replies name them (see leftErr);
	// by a mention only when the directory has no name for them.
	person := "<@" + a.UserID + ">"
	if name := s.displayName(ctx, a.UserID, a.Hint); name != a.UserID {
		person = inCode(Escape(name))
	}
	if key == "" {
		key, person = NameKey(a.Name), `"`+nameOf(a.Name, a.Org)+`"`
	}
	var mine []AttendanceMark
	for _, mk := range st.log {
		if mk.MemberKey == key {
			mine = append(mine, mk)
		}
	}
	slices.SortStableFunc(mine, func(x, y AttendanceMark) int { return x.Seq - y.Seq })
	self := a.UserID != "" && a.UserID == in.UserID
	if len(mine) == 0 || mine[len(mine)-1].Status != AttendLeft {
		if self {
			return Reply{}, userErr("You are not marked as having left, so there is no departure to withdraw.")
		}
		return Reply{}, userErr("%s is not marked as having left, so there is no departure to withdraw.", person)
	}
	left := mine[len(mine)-1]
	// What they were before it: the mark before the departure (marked
	// again to correct its time, it is one departure still).
	var before *AttendanceMark
	for i := len(mine) - 1; i >= 0 && before == nil; i-- {
		if mine[i].Status.here() {
			before = &mine[i]
		}
	}
	if before == nil {
		return Reply{}, fmt.Errorf("attendance: a departure of %s with no arrival before it", key)
	}
	mark := AttendanceMark{MeetingID: m.ID, MemberKey: key, UserID: left.UserID, Name: left.Name, Organisation: left.Organisation,
		Status: before.Status, At: left.At, SubstituteFor: before.SubstituteFor, By: in.UserID, Corrects: true}
	reply, err := s.mark(ctx, st, mark, in.Now, self)
	if errors.Is(err, ErrConflict) {
		return Reply{}, userErr("%s was marked again just now; `/meeting status` shows where they stand.", person)
	}
	return reply, err
}

// leftErr refuses mark, a departure, for someone not marked present at
// the meeting (they would be listed nowhere but in the history), at a
// time before they last arrived (the minutes would have them leave before
// they came), or before a later mark that has them still here (moving to
// the call at 14:40 and leaving at 14:35 cannot both be true). self says
// they mark themselves.
func leftErr(st meetingState, mark AttendanceMark, now time.Time, self bool) error {
	loc := st.c.Location()
	// Their marks in the order they were made: arrived is the first of
	// the latest run of marks that say they were here, when they last
	// arrived, and latest the last of that run; a run ends with a
	// departure, and a departure marked again (to correct its time) is
	// still of the run it ended.
	var mine []AttendanceMark
	for _, m := range st.log {
		if m.MemberKey == mark.MemberKey {
			mine = append(mine, m)
		}
	}
	slices.SortStableFunc(mine, func(a, b AttendanceMark) int { return a.Seq - b.Seq })
	var arrived, latest *AttendanceMark
	here := false
	for i := range mine {
		switch {
		case mine[i].Status == AttendAbsent:
			arrived, latest, here = nil, nil, false
		case mine[i].Status == AttendLeft:
			here = false
		case mine[i].Corrects:
			// The departure withdrawn never was: the run it ended goes on.
			here = true
		case !here:
			arrived, latest, here = &mine[i], &mine[i], true
		default:
			latest = &mine[i]
		}
	}
	// The name stands beside `code` spans: see inCode.
	who := inCode(Escape(mark.Name))
	if self {
		who = "You"
	}
	if arrived == nil {
		if self {
			return userErr("You are not marked present at this meeting, so you cannot be marked as having left. Mark yourself present first with `/here`.")
		}
		person, given := personArg(mark.UserID, mark.Name, mark.Organisation)
		return userErr("%s is not marked present at this meeting, so cannot be marked as having left. Mark them present first: `/attendance %s present`, or `/attendance %s late HH:MM` if they came late%s.",
			who, person, person, asGiven(given))
	}
	so := "so"
	if self {
		so = "so you"
	}
	if mark.At.Before(arrived.At.Truncate(time.Minute)) {
		arr := arrived.At.In(loc).Format("15:04")
		return userErr("%s arrived at %s, %s cannot have left at %s. Give a time from %s to now (%s), or leave the time out for now.",
			who, arr, so, mark.At.In(loc).Format("15:04"), arr, now.In(loc).Format("15:04"))
	}
	if mark.At.Before(latest.At.Truncate(time.Minute)) {
		at := latest.At.In(loc).Format("15:04")
		was := "were"
		if !self {
			was = "was"
		}
		return userErr("%s %s marked %s at %s, %s cannot have left at %s. Give a time from %s to now (%s), or leave the time out for now.",
			who, was, stillHere(latest.Status), at, so, mark.At.In(loc).Format("15:04"), at, now.In(loc).Format("15:04"))
	}
	return nil
}

// namedSubstitute is the standing apology that names the person a marks
// here — a Slack user, or someone by name — as its member's substitute,
// when a marks them present without saying for whom: the substitute a
// member named attends in their place, as they would by pressing I'm
// here (substituteHere), not as a guest.
func (st meetingState) namedSubstitute(a attendanceArgs) (Apology, bool) {
	if a.SubstituteFor != "" || !a.Status.here() || a.Status == AttendInAttendance {
		return Apology{}, false
	}
	for _, ap := range st.apologies {
		switch {
		case ap.UserID == "":
		case a.UserID != "" && ap.SubstituteID == a.UserID,
			a.UserID == "" && ap.SubstituteID == "" && ap.SubstituteName != "" && sameName(ap.SubstituteName, a.Name):
			return ap, true
		}
	}
	return Apology{}, false
}

// misnamedSubstitute is the standing apology whose substitute, named by
// name, is name (of org, when given) but for a slip, as misnamed finds a
// member's: taken as given, the substitute who came would be minuted as a
// guest under a name no apology gives, and the member they stand in for
// left unrepresented and uncounted.
func (st meetingState) misnamedSubstitute(name, org string) (Apology, bool) {
	var named []Apology
	var subs []Member
	for _, ap := range st.apologies {
		if ap.UserID == "" || ap.SubstituteID != "" || ap.SubstituteName == "" {
			continue
		}
		subName, subOrg := splitOrg(ap.SubstituteName)
		sub := Member{Name: subName, Organisation: subOrg}
		if !slices.Contains(subs, sub) {
			// Named by two members' apologies, they are one person.
			named, subs = append(named, ap), append(subs, sub)
		}
	}
	sub, ok := misnamed(subs, name, org)
	if !ok {
		return Apology{}, false
	}
	return named[slices.IndexFunc(subs, func(m Member) bool { return m == sub })], true
}

// backErr refuses mark, a return, at a time before its person left: the
// minutes would have them come back before they went.
func backErr(st meetingState, mark AttendanceMark, now time.Time, self bool) error {
	a, ok := st.attendee(mark.MemberKey)
	if !ok || a.Status != AttendLeft || !mark.At.Before(a.Left.Truncate(time.Minute)) {
		return nil
	}
	loc := st.c.Location()
	left := a.Left.In(loc).Format("15:04")
	who, so := Escape(a.Name), "so"
	if self {
		who, so = "You", "so you"
	}
	return userErr("%s left at %s, %s cannot have come back at %s. Give a time from %s to now (%s), or leave the time out for now.",
		who, left, so, mark.At.In(loc).Format("15:04"), left, now.In(loc).Format("15:04"))
}

// stillHere says how a mark of status, one that has someone here, had
// them: "present remotely".
func stillHere(status AttendanceStatus) string {
	switch status {
	case AttendRemote:
		return "present remotely"
	case AttendInAttendance:
		return "in attendance"
	case AttendLate:
		return "present (late)"
	}
	return "present"
}

func showQuorum(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	rule, err := s.store.QuorumRule(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	if !rule.Set() {
		return private("%s has no quorum set. An officer sets one with `/committee quorum 4`, `/committee quorum 1/3` or `/committee quorum 1/4 min 3`.", Escape(c.Name)), nil
	}
	what, err := s.quorumNow(ctx, c, rule)
	if err != nil {
		return Reply{}, err
	}
	return private("The quorum of %s is %s: %s", Escape(c.Name), describeRule(rule), what), nil
}

// quorumNow says what rule comes to with c's voting members as they
// stand, and warns when no meeting could be quorate with them.
func (s *Service) quorumNow(ctx context.Context, c Committee, rule QuorumRule) (string, error) {
	st := meetingState{c: c, rule: rule, nonVoting: map[string]bool{}}
	var err error
	if st.members, err = s.store.Members(ctx, c.ID); err != nil {
		return "", err
	}
	nv, err := s.store.NonVoting(ctx, c.ID)
	if err != nil {
		return "", err
	}
	for _, id := range nv {
		st.nonVoting[id] = true
	}
	voting := 0
	for _, v := range st.voters() {
		if v.Voting {
			voting++
		}
	}
	need := rule.Need(voting)
	what := fmt.Sprintf("%d of its %d voting %s now (officers do not vote).", need, voting, plural(voting, "member", "members"))
	if need > voting {
		// Allowed (members may be added next), but every meeting until
		// then would be inquorate, which is better known now.
		what += " No meeting can be quorate until it has more voting members."
	}
	return what, nil
}

func describeRule(r QuorumRule) string {
	switch {
	case r.Fixed > 0:
		return fmt.Sprintf("%d %s", r.Fixed, plural(r.Fixed, "member", "members"))
	case r.Minimum > 0:
		return fmt.Sprintf("%d/%d of the voting members, rounded up, and at least %d", r.Numerator, r.Denominator, r.Minimum)
	}
	return fmt.Sprintf("%d/%d of the voting members, rounded up", r.Numerator, r.Denominator)
}

func setQuorum(ctx context.Context, s *Service, in *Input) (Reply, error) {
	rule, err := parseQuorumRule(in.Args)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if err := s.store.SetQuorumRule(ctx, in.Committee.ID, rule, in.UserID, in.Request.Now); err != nil {
		return Reply{}, err
	}
	what, err := s.quorumNow(ctx, in.Committee, rule)
	if err != nil {
		// The rule is saved; only what it comes to could not be read.
		return private("The quorum of %s is now %s.", Escape(in.Committee.Name), describeRule(rule)), nil
	}
	return private("The quorum of %s is now %s: %s", Escape(in.Committee.Name), describeRule(rule), what), nil
}

// meetingAtTable is the meeting a declaration, or `/agenda`, is for: the
// one in progress when d is "next" or its day, since members declare at
// the table and follow its agenda until the meeting closes; otherwise the
// meeting d names. running says it is
// in progress. next and table are the next meeting and the table as
// dispatch read them, if it did; they are not read again.
func (s *Service) meetingAtTable(ctx context.Context, c Committee, next *Meeting, table *Table, d Date, now time.Time) (Meeting, bool, error) {
	if m, running, ok, err := s.inFront(ctx, c, table, d, now); err != nil || ok {
		return m, running, err
	}
	if d.IsNext() && next != nil {
		return *next, false, nil
	}
	m, err := s.meetingFor(ctx, c, d, now)
	return m, false, err
}

// inFront is the meeting in front of the members that d means without
// `next` said, if there is one: the meeting in progress (runningAtTable;
// running), or, without a date, today's when it has begun by the clock
// and waits to be opened (waitingToOpen). The members are at its table
// and the chair is late: a command without a date is for it, as for one
// in progress, not for the meeting after it, which `next`, said, names.
// Everything else about the meeting waiting (which of its records are
// still taken) is as its date, given, would have it. table, when read
// with the committee, says whether one waits (Table.Waits), so that
// today's is read, in a round trip of its own, only then; the statements
// that write in one (SendApologyFrom, the item at the table) decline
// while one waits, and leave it to this.
func (s *Service) inFront(ctx context.Context, c Committee, table *Table, d Date, now time.Time) (m Meeting, running, ok bool, err error) {
	if m, ok, err := s.runningAtTable(ctx, c, table, d, now); err != nil || ok {
		return m, ok, ok, err
	}
	if !d.IsNext() || table != nil && !table.Waits {
		return Meeting{}, false, false, nil
	}
	m, ok, err = s.waitingToOpen(ctx, c, now)
	return m, false, ok, err
}

// runningAtTable is the meeting in progress that d ("next", or its day)
// means at the table, if there is one: see meetingAtTable.
func (s *Service) runningAtTable(ctx context.Context, c Committee, table *Table, d Date, now time.Time) (Meeting, bool, error) {
	var m Meeting
	var ok bool
	if table != nil {
		// Read with the committee (Sub.AtTable).
		if table.Running != nil {
			m, ok = *table.Running, true
		}
	} else {
		var err error
		if m, ok, err = s.runningMeeting(ctx, c); err != nil {
			return Meeting{}, false, err
		}
	}
	// A meeting left open (never closed) long ago does not take today's
	// declarations: only one that began in the last twelve hours does.
	if ok && now.Sub(m.StartsAt) < 12*time.Hour && (d.IsNext() || d == DateOf(m.StartsAt, c.Location())) {
		return m, true, nil
	}
	return Meeting{}, false, nil
}

// meetingHomePart shows, on a committee's card, its meeting in progress:
// whether the member is marked here, and the I'm here button until they
// are; the quorum, to those who run the meeting; and the member's
// declarations at it.
func meetingHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if in.Running == nil {
		return nil
	}
	m := *in.Running
	log, err := s.store.AttendanceLog(ctx, m.ID)
	if err != nil {
		return err
	}
	var me *Attendee
	for _, a := range Standing(log) {
		if a.Key == in.UserID {
			me = &a
		}
	}
	loc := in.Committee.Location()
	text := "You are not marked here yet."
	// saysMark: the text tells the member's standing mark, which may be
	// someone else's doing.
	saysMark := me != nil
	switch {
	case me == nil && in.Substitute:
		named, err := s.substituteFor(ctx, in.UserID, []int64{m.ID})
		if err != nil {
			return err
		}
		var names []string
		for _, a := range named[m.ID] {
			names = append(names, nameOf(a.Name, a.Organisation))
		}
		if len(names) > 0 {
			text = "You are named as substitute for " + joinOr(names) + ": you are not marked here yet."
		}
	case me == nil || me.Status == AttendAbsent:
		// Someone who sent apologies is not expected: "not marked here
		// yet" would read as though they were. Marked absent, they are
		// told so, as the minutes will list them, unless their apologies
		// stand again: marked present by mistake, then absent.
		if me != nil {
			text = "You are marked absent."
		}
		as, err := s.store.MemberApologies(ctx, in.UserID, []int64{m.ID})
		if err != nil {
			return err
		}
		if len(as) > 0 && in.UserID != "" {
			sub := ""
			switch {
			case as[0].SubstituteID != "":
				sub = " (substitute: <@" + as[0].SubstituteID + ">)"
			case as[0].SubstituteName != "":
				sub = " (substitute: " + Escape(as[0].SubstituteName) + ")"
			}
			text, saysMark = "You sent apologies for this meeting"+sub+". Here after all? *I'm here* marks you present and withdraws them.", false
			if enteredFor(as[0].By, in.UserID) {
				// Received at the meeting or entered before it by an
				// officer or the chair: not the member's own doing.
				text = personText(as[0].By, "") + " entered apologies for you for this meeting" + sub + ". Here after all? *I'm here* marks you present and withdraws them."
			}
		}
	case me.Status == AttendLeft:
		text = fmt.Sprintf("You are marked as having left at %s.", me.Left.In(loc).Format("15:04"))
	case me.Status == AttendRemote && in.Member.IsOfficer():
		text = "You are marked in attendance, remotely."
	case me.Status == AttendRemote:
		text = "You are marked present remotely."
	case me.Status == AttendInAttendance || in.Member.IsOfficer():
		// Officers never count: the live message lists them in attendance.
		text = "You are marked in attendance."
	default:
		text = "You are marked present."
	}
	if saysMark && me.Status.here() && me.SubstituteFor != "" {
		// Marked as a substitute, they count for the member they stand
		// in for, not in their own right: the card says for whom, as the
		// live message lists them, so that a mark for the wrong member, or
		// none, can be put right.
		name, err := s.substitutedName(ctx, in.Committee, m.ID, log, me.SubstituteFor)
		if err != nil {
			return err
		}
		text = strings.TrimSuffix(text, ".") + " as substitute for " + name + "."
	}
	if saysMark && enteredFor(me.By, in.UserID) {
		// Marked by the officer or the chair, as the history says.
		text = strings.TrimSuffix(text, ".") + ", by " + personText(me.By, "") + "."
	}
	if saysMark && me.Status.here() && me.Late {
		// The minutes will say when they arrived ("… arrived at 10:20."):
		// the member reads it where they look, to have it put right if it
		// is wrong.
		text = strings.TrimSuffix(text, ".") + fmt.Sprintf(", arriving late at %s.", me.Arrived.In(loc).Format("15:04"))
	}
	// Adjourned, the meeting is not sitting: a card still saying it is in
	// progress would send members looking for it, as the live message,
	// headed "Meeting adjourned", does not.
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return err
	}
	title, adjourned := "Meeting in progress", ""
	if SittingOf(events).State == ActionAdjourned {
		title = "Meeting adjourned"
		adjourned = fmt.Sprintf("\nAdjourned at %s.", adjournedAt(events).In(loc).Format("15:04"))
	}
	if me != nil && me.Status.here() {
		if me.Status == AttendInAttendance || in.Member.IsOfficer() {
			title += " — you are marked in attendance"
		} else {
			title += " — you are marked present"
		}
	} else {
		card.Buttons = append(card.Buttons, Button{Label: "I'm here", Action: hereAction, Value: strconv.FormatInt(m.ID, 10), Style: "primary"})
	}
	quorum := ""
	if in.Member.IsOfficer() || in.Member.Role == RoleChair || in.Member.Role == RoleViceChair {
		// Those who run the meeting see the quorum where they look for
		// the meeting, as the live message in the channel gives it: its
		// marks, the declarations and the rule all mark their Homes.
		st, err := s.meetingState(ctx, in.Committee, m)
		if err != nil {
			return err
		}
		quorum = "\n" + st.count("").Line()
		if st.sit.Item != "" {
			quorum += "\n" + itemLine(st.sit.Item, st.count(st.sit.Item))
		}
	}
	if in.UserID != "" && !in.Substitute {
		// "Your declarations" is the next meeting's, which while one sits
		// is the meeting after it: the member at the table finds here
		// those they made for this one, and the items they leave the room
		// for.
		ds, err := s.store.MemberDeclarations(ctx, in.UserID, []int64{m.ID})
		if err != nil {
			return err
		}
		if len(ds) > 0 {
			items, err := s.store.AgendaItems(ctx, m.ID)
			if err != nil {
				return err
			}
			sortDeclarations(ds, items)
			text += "\nYour declarations at this meeting:"
			for i, d := range ds {
				if i == maxHomeLines {
					text += fmt.Sprintf("\n… and %d more: `/declare list` in the channel shows them all.", len(ds)-i)
					break
				}
				text += "\n" + declarationHomeLine(d, items, in.UserID)
			}
		}
	}
	card.Sections = append(card.Sections, Section{Title: title, Text: fmt.Sprintf("%s%s%s\n%s", describeMeeting(m, loc), adjourned, quorum, text)})
	return nil
}

// LiveReply is the live message of meeting m from its records, as the
// outbox sends it: the conduct log, the attendance log, who took the
// chair, the committee's members (nonVoting: the user IDs of those who do
// not vote), the apologies and declarations standing, and the quorum rule.
func LiveReply(c Committee, m Meeting, events []SessionEvent, log []AttendanceMark, chairs []ChairTaken, members []Member, nonVoting []string,
	apologies []Apology, decls []Declaration, rule QuorumRule) Reply {
	st := meetingState{c: c, m: m, sit: SittingOf(events), log: log, att: Standing(log), chairs: chairs, members: members,
		nonVoting: map[string]bool{}, apologies: apologies, decls: decls, rule: rule}
	for _, id := range nonVoting {
		st.nonVoting[id] = true
	}
	st.chairsNow()
	return st.live()
}

// AttendanceYear reads the meetings of committee c held in year (in its
// time zone) at which attendance was taken, with their records.
func (s *Service) AttendanceYear(ctx context.Context, c Committee, year int) ([]Member, []MeetingRecord, error) {
	loc := c.Location()
	from := time.Date(year, 1, 1, 0, 0, 0, 0, loc)
	ms, err := s.store.Meetings(ctx, c.ID, from, from.AddDate(1, 0, 0))
	if err != nil {
		return nil, nil, err
	}
	var recs []MeetingRecord
	for _, m := range ms {
		if m.Status != MeetingHeld {
			continue
		}
		log, err := s.store.AttendanceLog(ctx, m.ID)
		if err != nil {
			return nil, nil, err
		}
		if len(log) == 0 {
			// Held before Quorum took attendance (minutes imported):
			// nothing says who was there.
			continue
		}
		as, err := s.store.Apologies(ctx, m.ID)
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, MeetingRecord{Meeting: m, Log: log, Apologies: as})
	}
	ids := make([]int64, len(recs))
	for i, rec := range recs {
		ids[i] = rec.Meeting.ID
	}
	at, err := s.store.MembersAt(ctx, c.ID, ids)
	if err != nil {
		return nil, nil, err
	}
	for i := range recs {
		if ms, ok := at[recs[i].Meeting.ID]; ok {
			recs[i].Members = ms
		}
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	var voters []Member
	seen := map[string]bool{}
	for _, m := range members {
		if !m.IsOfficer() {
			voters, seen[m.UserID] = append(voters, m), true
		}
	}
	// Those who were members at a meeting of the year, and are no longer
	// (or are officers now), are counted for it too, after those who are.
	var former []Member
	for _, rec := range recs {
		for _, m := range rec.Members {
			if !seen[m.UserID] {
				former, seen[m.UserID] = append(former, m), true
			}
		}
	}
	slices.SortFunc(former, func(a, b Member) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return namedAsMarked(append(voters, former...), recs), recs, nil
}

// namedAsMarked names each of members as their last mark at the latest of
// recs (in the order held) that marked them does: the figures are the
// record of the meetings, and a change to a member since does not reword
// them (see RuleNamesAsMarked). One marked at none keeps their name now.
func namedAsMarked(members []Member, recs []MeetingRecord) []Member {
	marked := map[string]AttendanceMark{}
	for _, rec := range recs {
		for _, mk := range rec.Log {
			if mk.UserID != "" && mk.MemberKey == mk.UserID {
				marked[mk.UserID] = mk
			}
		}
	}
	out := slices.Clone(members)
	for i, m := range out {
		if mk, ok := marked[m.UserID]; ok {
			out[i].Name, out[i].Organisation = mk.Name, mk.Organisation
		}
	}
	return out
}

// municipalYearForm is a municipal year as councils write it: 2026/27,
// 2026-27, 2026/2027.
var municipalYearForm = regexp.MustCompile(`^((?:19|2[01])\d\d)[/-](\d\d|(?:19|2[01])\d\d)$`)

// nextYear reports whether second ("27" or "2027") is the year after
// first ("2026"), as in a municipal year; "2026-12" is no such year.
func nextYear(first, second string) bool {
	f, _ := strconv.Atoi(first)
	n, _ := strconv.Atoi(second)
	if len(second) == 2 {
		return n == (f+1)%100
	}
	return n == f+1
}

func committeeAttendance(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	year := in.Now.In(c.Location()).Year()
	switch {
	case len(in.Args) > 1:
		return Reply{}, usageErr("`attendance` takes only a year.")
	case len(in.Args) == 1:
		y, err := strconv.Atoi(in.Args[0])
		if m := municipalYearForm.FindStringSubmatch(in.Args[0]); err != nil && m != nil && nextYear(m[1], m[2]) {
			// "2026/27" is a municipal year, May to April at most
			// councils; the figures are by calendar year, and "use
			// 2026" would pass January to December for it unsaid.
			first, _ := strconv.Atoi(m[1])
			return Reply{}, usageErr("The attendance figures are by calendar year, January to December, not by municipal year: give one, `/committee attendance %d` or `/committee attendance %d`.", first, first+1)
		}
		if err != nil || y < 1990 || y > 2200 {
			return Reply{}, usageErr("%s is not a year: use %d.", Escape(truncateText(in.Args[0], 20)), year)
		}
		year = y
	}
	members, recs, err := s.AttendanceYear(ctx, c, year)
	if err != nil {
		return Reply{}, err
	}
	if len(recs) == 0 {
		return private("No meeting of %s held in %d has attendance recorded. Attendance is taken from `/meeting start` to `/meeting close`.", Escape(c.Name), year), nil
	}
	var lines []string
	for _, st := range AttendanceStats(members, recs) {
		if st.Expected == 0 {
			continue
		}
		line := fmt.Sprintf("• %s: expected %d, attended %d", nameOf(st.Member.Name, st.Member.Organisation), st.Expected, st.Attended)
		if st.Remotely > 0 {
			line += fmt.Sprintf(" (%d remotely)", st.Remotely)
		}
		line += fmt.Sprintf(", by substitute %d, apologies %d", st.Substituted, st.Apologies)
		if st.InAttendance > 0 {
			line += fmt.Sprintf(", in attendance (not as a member) %d", st.InAttendance)
		}
		line += fmt.Sprintf(", absent %d — *%d%%*", st.Absent, st.Percent())
		lines = append(lines, line)
	}
	return listing(fmt.Sprintf("*Attendance at %s in %d* (%d %s with attendance taken; attended ÷ expected, where apologies and substitutes do not count as attended):",
		Escape(c.Name), year, len(recs), plural(len(recs), "meeting", "meetings")), "", lines), nil
}
