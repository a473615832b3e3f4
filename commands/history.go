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
	"unicode"
)

// HistoryRecord names a kind of a meeting's records whose history
// /history shows.
type HistoryRecord string

// The records with a history.
const (
	HistoryApologies    HistoryRecord = "apologies"
	HistoryDeclarations HistoryRecord = "declarations"
	HistoryReports      HistoryRecord = "reports"
	HistoryAgenda       HistoryRecord = "agenda"
)

// Change is one entry in the history of a meeting's records: who changed
// what, when, and for whom.
type Change struct {
	At          time.Time
	CommitteeID int64
	// MeetingID is 0 for a record of the committee that is no meeting's
	// (the register of interests, membership), which CommitteeHistory
	// alone lists; MeetingStarts is then the zero time.
	MeetingID     int64
	MeetingStarts time.Time
	// MeetingTimeUnknown: the meeting's start time is not known
	// (Meeting.TimeUnknown); MeetingStarts is the start of its day.
	MeetingTimeUnknown bool
	Record             HistoryRecord
	// Action is what happened: sent, changed, withdrawn or imported
	// (apologies); declared, imported, withdrawn or dispensation
	// (declarations); submitted or removed (reports); added, removed,
	// moved or edited (agenda items). CommitteeHistory's other records
	// have their own: an attendance mark's status; a meeting opened,
	// closed, moved, cancelled and the like, and who took its chair; a minute minuted, amended or
	// approved; an action added or done; an interest registered or ended;
	// a member added, changed or removed.
	Action string
	// Item is the agenda item's number as it was when the change was made.
	Item string
	// UserID and Name are the member the record is about (UserID is empty
	// for people named in imported minutes); for an agenda item, Name is
	// its presenter.
	UserID string
	Name   string
	Detail string // the reason and substitute, the interest, the link, the item's title
	// Reason is an apology's reason alone, which Detail begins with.
	Reason string
	// By is who made the change: a Slack user ID, or "import" and the like
	// for imports; ByName is their name where the committee knows them.
	By     string
	ByName string
	// Presenter is an agenda item's presenter, as printed.
	Presenter string
	// Was is what an agenda item changed in place (edited) read before:
	// its title, and its presenter after an em dash; for an item added as
	// urgent business, the reason for the urgency.
	Was string
	// WithRemoval: an apology or declaration withdrawn by removing the
	// member from the committee (By), not by the member.
	WithRemoval bool
	// MeetingCancelled: the meeting has been cancelled since; a record
	// for it is no longer in force.
	MeetingCancelled bool
}

// HistoryStore reads the history of the committees' records.
type HistoryStore interface {
	// History lists every change to one kind of record of a meeting,
	// oldest first.
	History(ctx context.Context, meetingID int64, record HistoryRecord) ([]Change, error)
	// MemberHistory lists the latest changes to userID's own records
	// (apologies, declarations, report links) for the meetings of the
	// committees starting after since, at most limit a committee, by
	// committee and newest first.
	MemberHistory(ctx context.Context, userID string, committeeIDs []int64, since time.Time, limit int) ([]Change, error)
	// CommitteeHistory lists every change to the records of the
	// committee and its meetings made at or after since, oldest first:
	// those History shows, and attendance, the meetings' own events,
	// minutes, decisions, actions, the register of interests and
	// membership.
	CommitteeHistory(ctx context.Context, committeeID int64, since time.Time) ([]Change, error)
	// CommitteeLog lists the latest limit changes to the committee's
	// membership (Record "membership") and its settings (Record
	// "committee": set up, quorum, reminders, year start, gift
	// threshold, calendar link reset), oldest first; with userID or name,
	// only the changes to that member's membership.
	CommitteeLog(ctx context.Context, committeeID int64, userID, name string, limit int) ([]Change, error)
}

// MaxHistoryLines is how many changes /history shows at once: the latest.
// Slack shows a reply in at most 50 blocks of 3000 characters; the rest
// are named, and `quorum export history` has them all.
const MaxHistoryLines = 150

func historyCommand() *Command {
	sub := func(rec HistoryRecord, alias, what, example string) Sub {
		return Sub{
			Name: string(rec), Aliases: []string{alias},
			Usage:    []string{"/history " + string(rec) + ` [DATE] [@member|"Name"]`},
			Summary:  "Every change to " + what + " for the meeting in progress or today's waiting to be opened, else the next, or the one on DATE: who, what, when, and who entered it.",
			Examples: []string{"/history " + string(rec), example},
			Date:     tableDateHelp,
			Read:     true, Who: Own, Run: rec.show,
		}
	}
	return &Command{
		Name:    "/history",
		Summary: "Who changed a meeting's records, what and when. Officers, the chair and the vice-chair see everyone's; members, and those who have left, see their own.",
		Subs: []Sub{
			sub(HistoryApologies, "apology", "the apologies", "/history apologies 10 December @neil"),
			sub(HistoryDeclarations, "declaration", "the declarations of interest", "/history declarations 17 March 2022"),
			sub(HistoryReports, "report", "the report links", "/history reports next @sue"),
			sub(HistoryAgenda, "items", "the agenda", "/history agenda 10/12/2026"),
			{
				Name:     "attendance",
				Usage:    []string{`/history attendance [DATE] [@member|"Name"]`},
				Summary:  "The attendance marks of the meeting in progress, or the last one, or the one on DATE (`next`: the next one), and who entered each; officers, the chair and the vice-chair also see when it was opened, adjourned, resumed and closed.",
				Examples: []string{"/history attendance", "/history attendance 10 December @neil"},
				Date:     attendedDateHelp,
				// Anyone: a substitute who is not a member reads their own
				// marks (attendanceHistory refuses the rest).
				Read: true, Who: Anyone, Run: attendanceHistory,
			},
			minutesHistorySub(),
			resolutionHistorySub(),
			{
				Name: "committee", Aliases: []string{"membership", "members"},
				Usage:    []string{`/history committee [@member|"Name"]`},
				Summary:  "Changes to the committee itself: who joined and left, roles and organisations changed, the quorum, reminders, municipal year and gift threshold set, and who made each; members see the changes to their own membership.",
				Examples: []string{"/history committee", "/history committee @neil"},
				Read:     true, Who: Own, Run: committeeHistory,
			},
		},
		Guess: guessHistory,
	}
}

// guessHistory answers `/history @neil`, `/history "Jen Williams"` or
// `/history 10/12/2026`, a member or a date given without the records to
// read, with where they go: after the kind of records.
//
// The history of a register of interests and of an action are kept by
// their own commands: asked of /history, it says where.
func guessHistory(args []string) string {
	const records = "`/history apologies`, `declarations`, `reports`, `agenda` or `attendance`"
	switch strings.ToLower(strings.TrimRight(args[0], ",.:")) {
	case "interests", "interest", "register", "registers", "gifts", "gift", "hospitality":
		if len(args) > 1 {
			if id, _, ok := mention(args[1]); ok {
				// The member asked for, where the answer goes.
				return fmt.Sprintf("The history of a register of interests, gifts and hospitality included, is `/interests history` (an officer: `/interests history <@%s>`).", id)
			}
		}
		return "The history of a register of interests, gifts and hospitality included, is `/interests history` (an officer: `/interests history @member`)."
	case "member":
		return "Changes to the membership (who joined, left, or changed role or organisation, and who made the change) are `/history committee`; `/committee members` shows the members now."
	case "quorum", "settings", "reminders":
		return "Changes to the quorum and the committee's other settings (the rule as it was set, who set it and when) are `/history committee`, for officers, the chair and the vice-chair; `/committee quorum` shows the quorum now."
	case "meeting", "meetings":
		// A meeting's own changes are /meeting history's: asked here, the
		// answer gives that form, with the day when one was given.
		day := " [DATE]"
		if len(args) > 1 {
			if dateShaped(args[1:]) == len(args)-1 {
				day = " " + Escape(strings.Join(args[1:], " "))
			}
		}
		return fmt.Sprintf("The history of a meeting itself (scheduled, moved, its time or venue changed, cancelled) is `/meeting history%s`; who came and when it was opened and closed, `/history attendance%s`.", day, day)
	case "decisions", "decision", "resolved":
		return "Decisions are kept in the minutes: `/history resolution [DATE] NUMBER` shows one minute's history, `/history minutes [DATE]` every minute of a meeting."
	case "actions", "action":
		if len(args) > 1 {
			if id, err := strconv.ParseInt(strings.TrimPrefix(args[1], "#"), 10, 64); err == nil && id > 0 {
				return fmt.Sprintf("The history of an action is `/action history %d`.", id)
			}
		}
		return "The history of an action is `/action history ID`, with the number `/action list all` gives it."
	}
	if _, hint, ok := mention(args[0]); ok {
		// Typed as it would be: @ and the name Slack gave with the mention.
		if hint == "" || strings.ContainsFunc(hint, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-", r)
		}) {
			hint = "name"
		}
		return fmt.Sprintf("Say which records first, then the member: %s, e.g. `/history apologies @%s`.", records, hint)
	}
	typed := inCode(Escape(truncateText(strings.Join(args, " "), 60)))
	if strings.ContainsRune(quotes, firstRune(Unescape(args[0]))) {
		return fmt.Sprintf("Say which records first, then the member: %s, e.g. `/history apologies %s`.", records, typed)
	}
	if dateShaped(args) > 0 {
		return fmt.Sprintf("Say which records first, then the date: `/history apologies`, `declarations`, `reports`, `agenda`, `attendance` or `minutes`, e.g. `/history apologies %s`.", typed)
	}
	return ""
}

// seesAll reports whether m may read everyone's history: officers, the
// chair and the vice-chair.
func seesAll(m Member) bool { return m.IsOfficer() || m.Presides() }

// show is `/history RECORD [DATE] [@member|"Name"]`.
func (rec HistoryRecord) show(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, who, name, err := s.historyArgs(ctx, in)
	if isUserErr(err) && seesAll(in.Me) {
		err = s.unquotedName(ctx, in, rec, err)
	}
	if err != nil {
		return Reply{}, err
	}
	if name != "" {
		if who, err = s.namedMember(ctx, c, name); err != nil {
			return Reply{}, err
		}
	}
	// Who was named, as the form that reads today's meeting repeats it.
	named := ""
	if who != "" || name != "" {
		person, _ := personArg(who, name, "")
		named = " " + person
	}
	if !seesAll(in.Me) {
		if who != "" && who != in.UserID || who == "" && name != "" {
			return Reply{}, userErr("You can read the history of your own records only, so I can't show you %s's. An officer, the chair or the vice-chair of %s can. Yours: `/history %s`.",
				personText(who, name), Escape(c.Name), rec)
		}
		who, name = in.UserID, ""
	}
	// Undated, the meeting in progress, or today's waiting to be opened,
	// as `/apologies list` and `/declare list` read it at the table
	// (inFront); else the next.
	var m Meeting
	found := false
	if d.IsNext() && !saidNext(in.Args) {
		if m, _, found, err = s.inFront(ctx, c, in.Table, d, in.Now); err != nil {
			return Reply{}, err
		}
	}
	if !found {
		if d.IsNext() && in.Next == nil {
			return Reply{}, s.noMeetingScheduled(ctx, c, in.Now, "/history "+string(rec))
		}
		if m, err = s.meetingOf(ctx, in, d); err != nil {
			return Reply{}, err
		}
	}
	changes, err := s.store.History(ctx, m.ID, rec)
	if err != nil {
		return Reply{}, err
	}
	if who == "" && name != "" {
		mem := Member{Name: name}
		if changes, err = changesOf(mem, rec, changes, s.presentsOf(ctx, c, mem)); err != nil {
			return Reply{}, err
		}
	}
	if who != "" {
		mem := in.Me
		if who != in.UserID {
			mem, err = s.store.Member(ctx, c.ID, who)
			if errors.Is(err, ErrNotFound) {
				mem, err = Member{UserID: who}, nil
			}
			if err != nil {
				return Reply{}, err
			}
		}
		if changes, err = changesOf(mem, rec, changes, s.presentsOf(ctx, c, mem)); err != nil {
			return Reply{}, err
		}
	}
	r := historyReply(c, m, rec, who, name, in.Me, changes)
	if len(changes) == 0 && d.IsNext() && !saidNext(in.Args) && !found {
		// Undated, this is the next meeting's; just after today's closed,
		// today's may well be the one meant, as /history attendance
		// reads it.
		today, ok, err := s.dayMeetingOf(ctx, c, in.Now)
		if err != nil {
			return Reply{}, err
		}
		loc := c.Location()
		if ok && today.ID != m.ID && today.Status == MeetingHeld && DateOf(today.StartsAt, loc) == DateOf(in.Now, loc) {
			r.Text += fmt.Sprintf("\nFor the meeting held today: `/history %s %s%s`.", rec, today.StartsAt.In(loc).Format("2006-01-02"), named)
		}
	}
	if len(changes) == 0 && found && in.Next != nil && in.Next.ID != m.ID {
		// Undated while a meeting sits or waits to be opened, this is
		// its history; with none, the records being gathered may well
		// be the next meeting's.
		loc := c.Location()
		r.Text += fmt.Sprintf("\nFor the next meeting, on %s: `/history %s next%s`.", DateOf(in.Next.StartsAt, loc), rec, named)
	}
	return r, nil
}

// unquotedName is refused, the refusal of words historyArgs did not
// know, with the form that names in quotes the person they are, where
// they name someone with no Slack account who has rec's records at the
// meeting asked for ("Tony Harland", read from imported minutes): their
// name, as the records keep it, is not a member's, so nothing else
// suggests it.
func (s *Service) unquotedName(ctx context.Context, in *Input, rec HistoryRecord, refused error) error {
	cmd := "/history " + in.sub.Name
	loc := in.Committee.Location()
	_, _, _, stray, _ := readHistoryArgs(cmd, in.Args, in.Now, loc)
	if stray.word == "" || rec == HistoryAgenda {
		return refused
	}
	d, _, err := takeDate(stray.date, in.Now, loc)
	if err != nil {
		return refused
	}
	m, err := s.meetingOf(ctx, in, d)
	if isUserErr(err) {
		return refused
	}
	if err != nil {
		return err
	}
	changes, err := s.store.History(ctx, m.ID, rec)
	if err != nil {
		return err
	}
	typed := plain(stray.rest)
	for _, ch := range changes {
		if ch.UserID != "" || !namedAs(ch.Name, typed) {
			continue
		}
		quoted, ok := quotedName(splitOrg(ch.Name))
		if !ok {
			return refused
		}
		var ue *UserError
		errors.As(refused, &ue)
		return usageErr("%s Someone without a Slack account is named in quotes, as on record: `%s %s`.",
			ue.Msg, inCode(Escape(strings.Join(append([]string{cmd}, stray.date...), " "))), quoted)
	}
	return refused
}

// historyMeeting is the meeting `/history attendance` and `/history
// minutes` read: the next one when `next` is said, as every /history kind
// reads it (none scheduled is said so), else the one def finds.
func (s *Service) historyMeeting(ctx context.Context, in *Input, d Date, kind string, def func(context.Context, *Input, Date, string) (Meeting, error)) (Meeting, error) {
	if !saidNext(in.Args) {
		return def(ctx, in, d, "/history "+kind)
	}
	m, err := s.meetingSaid(ctx, in, d, true)
	if isUserErr(err) {
		return Meeting{}, s.noMeetingScheduled(ctx, in.Committee, in.Now, "/history "+kind)
	}
	return m, err
}

// noMeetingScheduled is the refusal of cmd ("/history apologies"), which
// reads the next meeting, when none is scheduled. Its example is the day
// committee c last met, so that it works as typed: a committee set up in
// Slack has no other day on record.
func (s *Service) noMeetingScheduled(ctx context.Context, c Committee, now time.Time, cmd string) error {
	last, err := s.store.PreviousMeeting(ctx, c.ID, now)
	switch {
	case errors.Is(err, ErrNotFound):
		return userErr("No meeting of %s is scheduled, nor held yet: an officer schedules one with `/meeting schedule DATE TIME [VENUE]`.", Escape(c.Name))
	case err != nil:
		return err
	}
	return userErr("No meeting of %s is scheduled. Give the date of a past meeting, e.g. `%s %s`.",
		Escape(c.Name), cmd, last.StartsAt.In(c.Location()).Format("2 January 2006"))
}

// nothingYet is what a history with nothing in it says of meeting m: that
// nothing is recorded yet for a meeting still to come and not opened, else
// none.
func nothingYet(m Meeting, sit Sitting, now time.Time, none string) string {
	if m.Status == MeetingScheduled && sit.State == "" && m.StartsAt.After(now) {
		return "Nothing is recorded for it yet: the meeting is still to come."
	}
	return none
}

// historyArgs reads in's "[DATE] [@member|"Name"]" (parseHistoryArgs). A
// word it does not know that is a word of a member's name ("neil", or
// "Neil Frackelton" unquoted) is answered with the member it may mean,
// and the command, the date kept, that names them.
func (s *Service) historyArgs(ctx context.Context, in *Input) (d Date, who, name string, err error) {
	cmd := "/history " + in.sub.Name
	d, who, name, stray, err := readHistoryArgs(cmd, in.Args, in.Now, in.Committee.Location())
	if stray.word != "" && who == "" && name == "" {
		example := "`" + inCode(Escape(strings.Join(append([]string{cmd}, stray.date...), " "))) + " %s`"
		if err := s.notMentioned(ctx, in, stray.word, "A member is named by mention or in quotes", example); err != nil {
			return Date{}, "", "", err
		}
	}
	return d, who, name, err
}

// parseHistoryArgs reads "[DATE] [@member|"Name"]", the words of cmd
// ("/history apologies"); who and name are empty when no one is named. A
// name in quotes is someone with no Slack account (a presenter, or a
// member named in imported minutes), whose records are kept under their
// name.
func parseHistoryArgs(cmd string, args []string, now time.Time, loc *time.Location) (d Date, who, name string, err error) {
	d, who, name, _, err = readHistoryArgs(cmd, args, now, loc)
	return d, who, name, err
}

// strayWord is a word of "[DATE] [@member|"Name"]" that is neither: the
// words of the date before it, as typed, and the word.
type strayWord struct {
	date []string
	word string
	rest []string // the word and those after it
}

// readHistoryArgs is parseHistoryArgs, and where it refuses a word it does
// not know, that word and the date before it.
func readHistoryArgs(cmd string, args []string, now time.Time, loc *time.Location) (d Date, who, name string, stray strayWord, err error) {
	// The member may be named before the date or after it.
	for i, a := range args {
		if id, _, ok := mention(a); ok {
			who, args = id, append(args[:i:i], args[i+1:]...)
			break
		}
		if u := Unescape(a); strings.HasPrefix(u, `"`) || strings.HasPrefix(u, "“") {
			_, nm, n, err := parseOwner(args[i:])
			if err != nil {
				return Date{}, "", "", strayWord{}, usageErr("%s.", capitalise(strings.Replace(Escape(err.Error()), "owner's name", "name", 1)))
			}
			name, args = nm, append(args[:i:i], args[i+n:]...)
			break
		}
	}
	if err := nextAndDate(cmd, "", args, now, loc); err != nil {
		return Date{}, "", "", strayWord{}, badArgs(err)
	}
	d, n, err := takeDate(args, now, loc)
	if err != nil {
		return Date{}, "", "", strayWord{}, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	if n != len(args) {
		if n == 0 {
			if err := relativeDay(dayWords(args), now, loc, 0); err != nil {
				return Date{}, "", "", strayWord{}, badArgs(err)
			}
		}
		return Date{}, who, name, strayWord{date: args[:n], word: args[n], rest: args[n:]}, usageErr("Give a date and a member, or either, e.g. `10 December @neil`; I don't know `%s`.", Escape(truncateText(strings.Join(args[n:], " "), 40)))
	}
	return d, who, name, strayWord{}, nil
}

// changesOf keeps the changes to mem's records: for the agenda, to the
// items they present. A record with no Slack user that names mem (read
// from imported minutes) is theirs too, as a name in quotes that is a
// member's is that member.
func changesOf(mem Member, rec HistoryRecord, changes []Change, presents func(AgendaItem) (bool, error)) ([]Change, error) {
	var out []Change
	for _, ch := range changes {
		mine := mem.UserID != "" && ch.UserID == mem.UserID || ch.UserID == "" && mem.Name != "" && namedAs(ch.Name, mem.Name)
		if rec == HistoryAgenda {
			// The title can be what names the member's organisation
			// ("7.5 SWACA — Neil Frackleton"), as their reminders read it;
			// a move's detail gives it after the number it moved to.
			it := AgendaItem{Presenter: ch.Presenter, Title: ch.Detail}
			if ch.Action == "moved" {
				_, it.Title, _ = strings.Cut(ch.Detail, " — ")
			}
			ok, err := presents(it)
			if err != nil {
				return nil, err
			}
			if ch.Action == "edited" && !ok {
				// An item they were taken off is theirs too.
				title, presenter, _ := strings.Cut(ch.Was, " — ")
				if ok, err = presents(AgendaItem{Title: title, Presenter: presenter}); err != nil {
					return nil, err
				}
			}
			mine = mem.Name != "" && ok
		}
		if mine {
			out = append(out, ch)
		}
	}
	return out, nil
}

// namedAs reports whether printed, a name as minutes print it, names the
// person called name: the same name, or with a title before it
// ("Superintendent Graeme Robson", "Councillor Trish Hardy"), as a
// presenter's is read.
func namedAs(printed, name string) bool {
	// Asked for as "Jen Williams (NW Probation)", someone not in Slack
	// is found under the name their records keep, without it.
	if bare, org := splitOrg(name); org != "" && !strings.Contains(printed, "(") {
		name = bare
	}
	if sameName(printed, name) {
		return true
	}
	bare, _ := splitOrg(printed)
	names := presenterNames(bare)
	return len(names) == 1 && names[0] == personKey(name)
}

// historyReply lists changes, the latest MaxHistoryLines of them.
func historyReply(c Committee, m Meeting, rec HistoryRecord, who, name string, me Member, changes []Change) Reply {
	loc := c.Location()
	head := fmt.Sprintf("*History of the %s* for the meeting of *%s* on %s", historyNoun(rec), Escape(c.Name), formatDay(m.StartsAt, loc))
	switch {
	case who == "" && name == "":
	case rec == HistoryAgenda && who == me.UserID:
		head += ", for the items you present"
	case rec == HistoryAgenda:
		head += fmt.Sprintf(", for the items %s presents", personText(who, name))
	case who == me.UserID:
		head += ": your records"
	default:
		head += fmt.Sprintf(": %s's records", personText(who, name))
	}
	head += "."
	reply := Reply{Visibility: Private, Text: head}
	if len(changes) == 0 {
		reply.Text += "\nNo changes are on record."
		return reply
	}
	if hidden := len(changes) - MaxHistoryLines; hidden > 0 {
		reply.Text += fmt.Sprintf("\nThe latest %d changes of %d; the %d before them: `quorum export history --committee \"%s\" --csv`, or name a member.",
			MaxHistoryLines, len(changes), hidden, Escape(c.Name))
		changes = changes[hidden:]
	}
	// An apology's reason is often medical: as /apologies list shows the
	// reasons to the officers only, so does the history, and to the
	// member whose apologies they are; the chair and the vice-chair read
	// who sent apologies and when, and their substitutes.
	reasons := me.IsOfficer() || who == me.UserID
	lines := make([]string, len(changes))
	for i, ch := range changes {
		if ch.Record == HistoryApologies && !reasons && ch.UserID != me.UserID {
			ch.Detail = reasonWithheld(ch)
		}
		lines[i] = "• " + changeLine(ch, loc, true)
	}
	reply.Sections = []Section{{Text: strings.Join(lines, "\n")}}
	// A member reads the times too: in the committee's zone, which their
	// own Slack may not be in.
	reply.Footer = "Times are " + loc.String() + "."
	if seesAll(me) {
		reply.Footer += " Every change for the committee, as CSV: `quorum export history --committee NAME --csv`."
	}
	return reply
}

func historyNoun(rec HistoryRecord) string {
	switch rec {
	case HistoryDeclarations:
		return "declarations of interest"
	case HistoryReports:
		return "report links"
	}
	return string(rec)
}

// historyTime is when a change was made, short: "23 Nov 2026 12:00". One
// made in the hour the clocks pass twice carries its zone ("01:40 BST",
// then "01:20 GMT"), or the history would seem out of order.
func historyTime(t time.Time, loc *time.Location) string {
	return ClockIn(t, loc, "2 Jan 2006 15:04")
}

// maxCommitteeLog is how many changes /history committee shows: the
// latest; the export has them all.
const maxCommitteeLog = 60

// committeeHistory is `/history committee [@member|"Name"]`: the latest
// changes to the committee's membership and settings, kept in its audit
// log, which only the export read before. Officers, the chair and the
// vice-chair see them all, or one member's; a member, the changes to
// their own membership.
func committeeHistory(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, who, name, err := s.historyArgs(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if !d.IsNext() || saidNext(in.Args) {
		return Reply{}, usageErr("The committee's changes are not a meeting's: `/history committee` takes no date, only a member (`/history committee @neil`).")
	}
	if name != "" {
		// A member named in quotes is found as the history's other forms
		// find them; someone not in Slack stays a name.
		found, err := s.namedMember(ctx, c, name)
		if err != nil {
			return Reply{}, err
		}
		if found != "" {
			who, name = found, ""
		}
	}
	if !seesAll(in.Me) {
		if who != "" && who != in.UserID || name != "" {
			return Reply{}, userErr("You can read the changes to your own membership only, so I can't show you %s's. An officer, the chair or the vice-chair of %s can. Yours: `/history committee`.",
				personText(who, name), Escape(c.Name))
		}
		who = in.UserID
	}
	// The member's changes are found before the latest are taken: among
	// the committee's latest, a member's own may be none.
	changes, err := s.store.CommitteeLog(ctx, c.ID, who, name, maxCommitteeLog)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	var lines []string
	for _, ch := range changes {
		lines = append(lines, "• "+committeeLogLine(ch, loc))
	}
	title := fmt.Sprintf("*History of the committee* %s", Escape(c.Name))
	switch {
	case who != "" && !seesAll(in.Me):
		title = fmt.Sprintf("*History of your membership* of %s", Escape(c.Name))
	case who != "" || name != "":
		title = fmt.Sprintf("*History of the membership* of %s in %s", personText(who, name), Escape(c.Name))
	}
	if len(lines) == 0 {
		return private("%s: no changes are on record.", title), nil
	}
	footer := "Times are " + loc.String() + "."
	if len(changes) == maxCommitteeLog {
		footer += fmt.Sprintf(" The latest %d changes; `quorum export history --committee NAME --csv` writes them all.", maxCommitteeLog)
	}
	return Reply{Visibility: Private, Text: title + ".", Sections: []Section{{Text: strings.Join(lines, "\n")}}, Footer: footer}, nil
}

// committeeLogLine is one change to the committee's membership or
// settings: "6 Dec 2026 07:10 — <@neil> added: member; SWACA, by <@ian>".
func committeeLogLine(ch Change, loc *time.Location) string {
	detail := Escape(truncateText(oneLine(ch.Detail), 160))
	var what string
	if ch.Record == "membership" {
		what = personText(ch.UserID, ch.Name) + " " + map[string]string{
			"added": "added", "added again": "added again", "changed": "changed", "removed": "removed", "voting": "made voting", "non-voting": "made non-voting",
		}[ch.Action]
		if detail != "" && ch.Action != "removed" {
			what += ": " + strings.TrimPrefix(detail, "role: ")
		}
	} else {
		what = map[string]string{
			"set up": "committee set up as", "reminders": "reminders set:", "year start": "municipal year set: it",
			"quorum": "quorum set:", "gift threshold": "gift threshold changed", "calendar link reset": "calendar feed given a new address",
		}[ch.Action]
		if what == "" {
			what = Escape(ch.Action)
		}
		if detail != "" {
			what += " " + detail
		}
	}
	by := ""
	if ch.By != "" {
		by = ", by " + personText(ch.By, ch.ByName)
	}
	return historyTime(ch.At, loc) + " — " + what + by
}

// reasonWithheld is an apology's detail in the history ("Unwell;
// substitute: Graeme Robson") with its reason left out and said to be
// shown to officers only, its substitute kept. The reason is cut off by
// its own text, which Detail begins with, not by looking for the
// substitute's label: a reason typed in the form can itself read
// "; substitute: …".
func reasonWithheld(ch Change) string {
	if ch.Reason == "" {
		return ch.Detail
	}
	const withheld = "a reason, shown to officers only"
	rest, ok := strings.CutPrefix(ch.Detail, ch.Reason)
	if !ok {
		// Not as storage joins them: keep nothing rather than guess.
		return withheld
	}
	return withheld + rest
}

// changeLine is one change, for people: "23 Nov 2026 12:00 — item 7.5:
// <@neil> declared a personal interest: Trustee — entered by <@ian>".
// withMember names the member the record is about.
func changeLine(ch Change, loc *time.Location, withMember bool) string {
	var b strings.Builder
	b.WriteString(historyTime(ch.At, loc) + " — ")
	if ch.Item != "" {
		b.WriteString("item " + Escape(ch.Item) + ": ")
	}
	member := ""
	if withMember {
		member = personText(ch.UserID, ch.Name) + " "
	}
	detail := Escape(truncateText(oneLine(ch.Detail), 160))
	// What was done to a member's record rather than by them reads with
	// the member after the record ("apologies of <@sue> received at the
	// meeting"): put first, "<@sue> apologies received …" read as a word
	// left out.
	passive := map[HistoryRecord]map[string][2]string{
		HistoryApologies: {
			"imported": {"apologies", "recorded from the minutes"},
			"received": {"apologies", "received at the meeting"},
		},
		HistoryDeclarations: {
			"imported":     {"declaration", "recorded from the minutes"},
			"dispensation": {"dispensation recorded for the declaration", ""},
		},
		HistoryReports: {"removed": {"report link", "removed"}},
	}
	p, isPassive := passive[ch.Record][ch.Action]
	switch {
	case ch.Action == "withdrawn" && ch.WithRemoval:
		// The member did not withdraw it: removing them did.
		noun := map[HistoryRecord]string{HistoryApologies: "apologies", HistoryDeclarations: "declaration"}[ch.Record]
		if member != "" {
			noun += " of " + strings.TrimSuffix(member, " ")
		}
		b.WriteString(noun + " withdrawn on removal from the committee")
	case isPassive && member != "":
		b.WriteString(strings.TrimSuffix(p[0]+" of "+strings.TrimSuffix(member, " ")+" "+p[1], " "))
	case ch.Record == HistoryApologies:
		if ch.Action == "changed" && detail == "" {
			// An update that removed both leaves apologies with neither.
			detail = "no reason or substitute"
		}
		// Without the member named, the line is on the member's own Home:
		// "withdrew their apologies" there reads as someone else's.
		whose := "their"
		if !withMember {
			whose = "your"
		}
		b.WriteString(member + map[string]string{
			"sent": "sent apologies", "changed": "changed " + whose + " apologies", "withdrawn": "withdrew " + whose + " apologies",
			"imported": "apologies recorded from the minutes", "restored": "had " + whose + " apologies restored on being marked absent",
			"received": "apologies received at the meeting",
		}[ch.Action])
	case ch.Record == HistoryDeclarations:
		b.WriteString(member + map[string]string{
			"declared": "declared", "imported": "declaration recorded from the minutes",
			"withdrawn": "withdrew the declaration", "dispensation": "dispensation recorded for the declaration",
		}[ch.Action])
	case ch.Record == HistoryReports:
		b.WriteString(member + map[string]string{"submitted": "submitted the report", "removed": "report link removed"}[ch.Action])
	case ch.Record == HistoryAgenda:
		b.WriteString(map[string]string{"added": "added", "removed": "removed", "moved": "moved", "edited": "changed to"}[ch.Action])
		if ch.Action != "moved" && ch.Presenter != "" {
			detail += " — " + Escape(truncateText(ch.Presenter, 80))
		}
		if ch.Action == "added" && ch.Was != "" {
			b.WriteString(" as urgent business")
			detail += " (urgent because " + Escape(truncateText(oneLine(ch.Was), 240)) + ")"
		}
		if ch.Action == "edited" {
			detail += " (it read " + Escape(truncateText(oneLine(ch.Was), 240)) + ")"
		}
	}
	if detail != "" {
		if ch.Record == HistoryAgenda && (ch.Action == "moved" || ch.Action == "edited") {
			b.WriteString(" " + detail)
		} else {
			b.WriteString(": " + detail)
		}
	}
	if ch.By != "" && ch.By != ch.UserID {
		// A removal is someone else's doing, not an entry for the member.
		by := "entered by "
		if ch.Action == "removed" && ch.Record != HistoryAgenda || ch.WithRemoval {
			by = "removed by "
		}
		b.WriteString(" _(" + by + personText(ch.By, ch.ByName) + ")_")
	}
	return b.String()
}

// personText names someone in a reply: a mention for a Slack user,
// otherwise the name as recorded ("import" for an import).
func personText(userID, name string) string {
	if isUserID(userID) {
		return "<@" + userID + ">"
	}
	if name == "" {
		name = userID
	}
	return Escape(name)
}

// isUserID reports whether s looks like a Slack user ID (U…, W…), rather
// than the name of an import.
func isUserID(s string) bool {
	if len(s) < 2 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// maxHomeChanges is how many of a member's latest changes their Home shows
// for each committee, from the records of the meetings of the last
// homeChangesFor and to come: a Home is built often, and a committee's
// older meetings can be many.
const (
	maxHomeChanges = 3
	homeChangesFor = 366 * 24 * time.Hour
)

// historyHomePart shows the member's latest changes to their own records
// in the committee: apologies, declarations and report links.
func historyHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if len(in.Changes) == 0 {
		return nil
	}
	loc := in.Committee.Location()
	var lines []string
	for _, ch := range in.Changes {
		// Apologies for a meeting cancelled since read as if they stood.
		cancelled := ""
		if ch.MeetingCancelled {
			cancelled = ", cancelled"
		}
		lines = append(lines, fmt.Sprintf("• %s (meeting on %s%s)", changeLine(ch, loc, false), ch.MeetingStarts.In(loc).Format("2 Jan 2006"), cancelled))
	}
	lines = append(lines, "`/history apologies`, `declarations` or `reports` in the channel shows more.")
	card.Sections = append(card.Sections, Section{Title: "Your latest changes", Text: strings.Join(lines, "\n")})
	return nil
}

// attendanceHistory is `/history attendance [DATE] [@member|"Name"]`: the
// meeting's attendance log, each mark with who entered it, and for
// officers and the chair its conduct log too, in the order of the times
// they record. A member sees their own marks, and those of a substitute for
// them. Someone who is not a member sees their own marks at the meeting,
// as a substitute or in attendance, and nothing else: with none there,
// they are told they are not a member, as for any member's command.
func attendanceHistory(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	member := in.Me.UserID != ""
	d, who, name, err := s.historyArgs(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if name != "" {
		if who, err = s.namedMember(ctx, c, name); err != nil {
			return Reply{}, err
		}
	}
	othersRefused := func() error {
		return userErr("You can read your own attendance marks only, so I can't show you %s's. An officer, the chair or the vice-chair of %s can. Yours: `/history attendance`.",
			personText(who, name), Escape(c.Name))
	}
	if member && !seesAll(in.Me) && (who != "" && who != in.UserID || who == "" && name != "") {
		return Reply{}, othersRefused()
	}
	m, err := s.historyMeeting(ctx, in, d, "attendance", s.attendedMeeting)
	if err != nil {
		if !member && isUserErr(err) {
			return Reply{}, s.notMemberNow(ctx, c, in.UserID)
		}
		return Reply{}, err
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	if !member {
		marked := slices.ContainsFunc(st.log, func(a AttendanceMark) bool { return a.MemberKey == in.UserID })
		switch {
		case !marked:
			return Reply{}, s.notMemberNow(ctx, c, in.UserID)
		case who != "" && who != in.UserID || who == "" && name != "":
			return Reply{}, othersRefused()
		}
	}
	if !seesAll(in.Me) {
		who, name = in.UserID, ""
	}
	loc := c.Location()
	type line struct {
		at   time.Time
		text string
	}
	var lines []line
	if who == "" && name == "" {
		for _, e := range st.sit.Log {
			text := "meeting " + string(e.Action)
			switch e.Action {
			case ActionItem:
				text = "item " + Escape(e.Item) + " taken up"
			case ActionItemUndone:
				text = "item " + Escape(e.Item) + " taken back, taken up in error,"
			}
			lines = append(lines, line{e.At, text + " by " + personText(e.By, "")})
		}
	}
	for _, ct := range st.chairs {
		if who == "" && name == "" || who == ct.MemberKey {
			lines = append(lines, line{ct.At, fmt.Sprintf("<@%s> took the chair _(entered by %s)_", ct.MemberKey, personText(ct.By, ""))})
		}
	}
	for _, mark := range st.log {
		if who != "" && mark.MemberKey != who && mark.SubstituteFor != who ||
			who == "" && name != "" && (mark.UserID != "" || !sameName(mark.Name, name)) {
			continue
		}
		person := nameOf(mark.Name, mark.Organisation)
		if mark.UserID != "" {
			person = "<@" + mark.UserID + ">"
		}
		text := person + " " + strings.TrimPrefix(strings.TrimPrefix(describeMark(mark, st, loc), "is "), "are ")
		if mark.By != mark.MemberKey {
			text += " _(entered by " + personText(mark.By, "") + ")_"
		}
		// At is the time the mark records (a late arrival's 10:20), which
		// is when it was entered unless a time was given.
		lines = append(lines, line{mark.At, text})
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].at.Before(lines[j].at) })

	head := fmt.Sprintf("*History of the attendance* at the meeting of *%s* on %s", Escape(c.Name), formatDay(m.StartsAt, loc))
	switch {
	case who == "" && name == "":
	case who == in.UserID:
		head += ": your marks"
	default:
		head += fmt.Sprintf(": %s's marks", personText(who, name))
	}
	reply := Reply{Visibility: Private, Text: head + "."}
	if len(lines) == 0 {
		reply.Text += "\n" + nothingYet(m, st.sit, in.Now, "Nothing is on record.")
		for _, a := range st.apologies {
			if who != "" && a.UserID == who || who == "" && name != "" && a.UserID == "" && sameName(a.Name, name) {
				// Apologies, received at the meeting with /attendance or
				// sent before it, are apologies' history, not the marks':
				// "nothing" alone would read as though they were lost.
				whose, named := "Their", " "+personText(who, name)
				switch {
				case who == in.UserID:
					whose, named = "Your", ""
				case who == "":
					named = ` "` + Escape(name) + `"`
				}
				reply.Text += fmt.Sprintf(" %s apologies for the meeting stand: `/history apologies %s%s` shows them.", whose, m.StartsAt.In(loc).Format("2006-01-02"), named)
				break
			}
		}
		return reply, nil
	}
	if hidden := len(lines) - MaxHistoryLines; hidden > 0 {
		reply.Text += fmt.Sprintf("\nThe latest %d entries of %d; name a member to see theirs.", MaxHistoryLines, len(lines))
		lines = lines[hidden:]
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = "• " + historyTime(l.at, loc) + " — " + l.text
	}
	reply.Sections = []Section{{Text: strings.Join(out, "\n")}}
	reply.Footer = "Times are " + loc.String() + ": when the meeting was opened, or the time a mark records."
	return reply, nil
}

// namedMember is the Slack user of the member whose name is name, with or
// without a title, so that `/history apologies "Neil Frackelton"` reads
// Neil's records as his mention would; "" for someone who is not a member.
func (s *Service) namedMember(ctx context.Context, c Committee, name string) (string, error) {
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return "", err
	}
	for _, m := range members {
		if m.UserID != "" && namedAs(name, m.Name) {
			return m.UserID, nil
		}
	}
	return "", nil
}
