package commands

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quorumhq/quorum/minutes"
)

// Decisions recorded as the meeting goes: /resolve and /minute write the
// minute of an agenda item into the same minutes and resolutions that
// imported minutes fill, as a draft until the committee confirms the
// minutes as a correct record.

// MinuteWrite is a change to the minute of one agenda item: its narrative,
// its RESOLVED text, or both (nil: unchanged). A minute that does not exist
// yet is made with Number, Position and Title.
type MinuteWrite struct {
	CommitteeID int64
	MeetingID   int64
	HeldOn      Date
	Item        string // the agenda item's number
	Number      string // the minute's number, for a new minute
	Position    int
	Title       string
	References  []string
	Narrative   *string
	Resolution  *Resolution
	// AddResolution: Resolution is added after the minute's resolutions
	// instead of replacing them.
	AddResolution bool
	Action        string // "minuted", "resolved" or "amended", for the history
	By            string
	// At is when the command was given, the time the history lists the
	// change at; zero: the database's now.
	At time.Time
	// IfChanged: the write is made only if it changes the minute's text;
	// otherwise nothing is written, not even history, and the error is
	// ErrUnchanged.
	IfChanged bool
	// Drawn, for a minute the draft writes from the records with nothing
	// recorded in the part the write sets (its narrative, or its RESOLVED
	// text), is what the draft showed there, unescaped: never the
	// minute's own text, it is kept in the history as what that part read
	// before the write, if the part is still empty as it is written.
	Drawn string
	// Replaces, when set, is what the part the write sets (its narrative,
	// or its RESOLVED text) read when the command read it. Another
	// officer's amendment written meanwhile would otherwise be replaced
	// unseen, the reply quoting as replaced a text that no longer stood:
	// if the part reads otherwise as it is written, nothing is written
	// and the error is ErrMinutesChanged.
	Replaces *string
	// Answers, for an amendment, is the corrections standing on the
	// minute when the command read them, which it is taken to answer
	// (see correctionsStanding), out of Corrections proposed to the
	// meeting's minutes in all (nil: not read): the store refuses the write with
	// ErrMinutesChanged when it finds another number under its lock, for
	// a correction sent meanwhile would be answered unnamed. Told is the
	// direct messages telling their members, queued with the write.
	Answers     []MinuteComment
	Corrections *int
	Told        []OutboxMessage
}

// MinutesApproval records minutes confirmed as a correct record.
type MinutesApproval struct {
	MeetingID int64 // the meeting the minutes record
	At        time.Time
	By        string
	// AtMeetingID is the meeting that approved them; 0: by correspondence.
	AtMeetingID int64
	// Record, when set, is the approving meeting's minute that says so,
	// written in the same transaction.
	Record *MinuteWrite
	// SetAside, for minutes confirmed as they stand, is the minute number
	// of each correction members proposed that no amendment followed,
	// one per correction: confirmed over them, the record says so.
	SetAside []string
	// Answered, for minutes confirmed in Quorum, is the corrections
	// members proposed that an amendment of their minute followed, which
	// it was taken to answer: the notice and the audit log name them, as
	// they name those set aside.
	Answered []MinuteComment
	// CommentsWeighed says the approval read the corrections proposed,
	// CommentsSeen of them, against EditsSeen changes to the minutes: the
	// store refuses it with ErrMinutesChanged when it finds another of
	// either under its lock, for an amendment made meanwhile may answer a
	// correction it would name as set aside.
	CommentsWeighed bool
	CommentsSeen    int
	EditsSeen       int
	// Seq, read back, orders the confirmation among the minutes' records
	// of the same time.
	Seq int64
	// EarlierRules, read back, are the rules of wording (record_rules)
	// that came in after the minutes were confirmed: a confirmed record,
	// they keep reading as they were confirmed (see Predates).
	EarlierRules []string
	// NamesConfirmed, read back for minutes confirmed before
	// RuleNamesAsMarked, are the committee's members by Slack user, named
	// as they stood when the minutes were confirmed (by the audit log of
	// changes to members): such minutes named each member so then, and
	// keep doing so (see meetingState.attendeeName).
	NamesConfirmed map[string]Member
}

// The rules of wording that a release brought in, as record_rules names
// them: minutes confirmed before each keep the wording they had.
const (
	// RuleDeclarationsAtTable: the declarations minute reads the
	// attendance for who left the meeting (see leftFor).
	RuleDeclarationsAtTable = "declarations at the table"
	// RuleAbsent: the minutes list under Absent the members marked
	// absent who sent no apologies.
	RuleAbsent = "absent listed"
	// RuleNamesAsMarked: the record of a meeting held names those marked
	// at it as the marks do, as they were at the meeting, not as the
	// committee names its members now.
	RuleNamesAsMarked = "names as marked"
	// RuleWithdrawalsAsRecorded: the minutes say a pecuniary declarant
	// left the meeting for an item only when they went for it, not when
	// they had left it for good before it was taken up, or before the
	// close of a meeting that never took it up ("…, having left the
	// meeting at 10:21"); and an inquorate item's note says a declarant
	// not counted for it did not count, not that they withdrew, which
	// the attendance may not show.
	RuleWithdrawalsAsRecorded = "withdrawals as recorded"
)

// Predates says the minutes a were confirmed before rule came in, so
// keep the wording they were confirmed with. No confirmation predates
// anything.
func (a *MinutesApproval) Predates(rule string) bool {
	return a != nil && slices.Contains(a.EarlierRules, rule)
}

// MinuteComment is a correction a member proposed to a draft minute.
type MinuteComment struct {
	MinuteNumber string
	Body         string
	// By is the Slack user the correction is from; ByName, with By
	// empty, someone not in Slack it was entered for.
	By, ByName string
	// EnteredBy is the officer or chair who entered it for them; empty
	// when they sent it themselves.
	EnteredBy string
	// At is when it was proposed (zero: the database's now); Seq, read
	// back, orders it among the minutes' records of the same time.
	At  time.Time
	Seq int64
}

// ProposedCorrection is a correction a member proposed, with what became
// of it: whether its minute was changed after it, and whether the minutes
// are confirmed.
type ProposedCorrection struct {
	MeetingID     int64
	MeetingStarts time.Time
	MinuteNumber  string
	Body          string
	At            time.Time
	// EnteredBy is the officer or chair who entered it for the member;
	// empty when they sent it themselves.
	EnteredBy string
	// Amended: the minute was changed after the correction was proposed.
	Amended bool
	// Confirmed: the meeting's minutes are confirmed as a correct record,
	// and the minute can be changed no more.
	Confirmed bool
}

// state is what became of k, in words: the Home's "proposed; not acted on
// yet", "the minute was amended after it", "confirmed, amended after it".
func (k ProposedCorrection) state() string {
	switch {
	case k.Confirmed && k.Amended:
		return "confirmed, amended after it"
	case k.Confirmed:
		return "confirmed without an amendment after it"
	case k.Amended:
		return "the minute was amended after it"
	}
	return "proposed; not acted on yet"
}

// correctionsHomePart lists, on a member's card, the corrections they
// proposed to the minutes of the last year's meetings, with what became
// of each: what they sent the officer is theirs to follow where they
// look, as their apologies are.
func correctionsHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	ks, total, err := s.store.MemberCorrections(ctx, in.Committee.ID, in.Member.UserID, in.Now.Add(-homeChangesFor), maxHomeLines)
	if err != nil || len(ks) == 0 {
		return err
	}
	loc := in.Committee.Location()
	var lines []string
	for _, k := range ks {
		// One an officer entered, sent another way, is marked so, as an
		// apology entered for them is: the member did not send it here.
		entered := ""
		if k.EnteredBy != "" {
			entered = " _(entered by <@" + k.EnteredBy + ">)_"
		}
		lines = append(lines, fmt.Sprintf("• Minute %s of %s: %s%s — _%s_", Escape(k.MinuteNumber), k.MeetingStarts.In(loc).Format("2 Jan 2006"),
			quoteText(truncateText(k.Body, 120)), entered, k.state()))
	}
	if total > len(ks) {
		lines = append(lines, fmt.Sprintf("… and %d more.", total-len(ks)))
	}
	// The latest meeting's, as the line before names it.
	lines = append(lines, fmt.Sprintf("`/history minutes %s` in the channel shows what became of each.", ks[0].MeetingStarts.In(loc).Format("2006-01-02")))
	card.Sections = append(card.Sections, Section{Title: "Your corrections to the minutes", Text: strings.Join(lines, "\n")})
	return nil
}

// from names who a correction is from, and who entered it for them.
func (k MinuteComment) from() string {
	who := personText(k.By, k.ByName)
	if k.EnteredBy != "" && k.EnteredBy != k.By {
		who += " _(entered by " + personText(k.EnteredBy, "") + ")_"
	}
	return who
}

// PublishedAttendance is what minutes imported for a meeting print of
// who was there, each list in order, and of when it closed.
type PublishedAttendance struct {
	Present      []string
	InAttendance []string // officers advising the meeting, "In attendance:"
	Absent       []string // marked absent without apologies
	Closing      string   // "The meeting closed at 3.25 pm.", as printed; "" when none
}

// DecisionStore keeps the minutes written in Quorum, their confirmation,
// comments on them, and actions.
type DecisionStore interface {
	// WriteMinute applies w in one transaction with its history:
	// ErrConflict if the meeting's minutes are confirmed; ErrMinutesChanged
	// if w makes the item's first minute under a number another item's
	// minute has.
	WriteMinute(ctx context.Context, w MinuteWrite) (Minute, error)
	// ApproveMinutes confirms the minutes of a meeting: ErrNotFound if it
	// has none, ErrConflict if they are confirmed already.
	ApproveMinutes(ctx context.Context, a MinutesApproval) error
	// MinutesApprovalOf is the confirmation of a meeting's minutes;
	// ErrNotFound if there is none.
	MinutesApprovalOf(ctx context.Context, meetingID int64) (MinutesApproval, error)
	// CommentMinute adds a member's proposed correction to minute
	// minuteID; with minuteID 0, to the minute of agenda item item.Item
	// of meeting item.MeetingID, made with no text in the same
	// transaction if none is recorded yet (the draft shows what it draws
	// from the records for it). ErrUnchanged if they proposed the same
	// one before; ErrConflict if the minute would be made in confirmed
	// minutes. notice, when not nil, is queued with a correction added,
	// in the same transaction, and not otherwise.
	CommentMinute(ctx context.Context, minuteID int64, item *MinuteWrite, k MinuteComment, notice *OutboxMessage) error
	// MinuteComments lists the comments on a meeting's minutes, oldest first.
	MinuteComments(ctx context.Context, meetingID int64) ([]MinuteComment, error)
	// MemberCorrections lists the corrections userID proposed to the
	// minutes of the committee's meetings starting after since, newest
	// first, at most limit, with how many there are in all.
	MemberCorrections(ctx context.Context, committeeID int64, userID string, since time.Time, limit int) (_ []ProposedCorrection, total int, err error)
	// MinuteHistory lists every change made in Quorum to a meeting's
	// minutes, oldest first.
	MinuteHistory(ctx context.Context, meetingID int64) ([]MinuteEdit, error)
	// MeetingMinutes lists all the minutes of a meeting, in order, with
	// their resolutions.
	MeetingMinutes(ctx context.Context, meetingID int64) ([]Minute, error)
	// ImportedAttendance is who was at a meeting as the minutes imported
	// for it print them, and when it closed: nothing when no minutes were
	// imported, or they list no one.
	ImportedAttendance(ctx context.Context, meetingID int64) (PublishedAttendance, error)
	// MinutesPage is the token of meeting id's printable minutes: the one
	// stored, or token, stored now. With token "" it only reads:
	// ErrNotFound when there is none.
	MinutesPage(ctx context.Context, meetingID int64, token string) (string, error)
	// DraftMinutesMeetings lists the committee's meetings whose minutes are
	// drafted in Quorum and not yet confirmed, oldest first, at most limit.
	DraftMinutesMeetings(ctx context.Context, committeeID int64, limit int) ([]Meeting, error)
	// UnminutedMeetings lists the committee's meetings held in Quorum
	// (opened here and closed) with nothing minuted yet and their minutes
	// not confirmed, nor those of any later meeting (which says they were
	// minuted elsewhere), the latest first, at most limit (none when
	// limit is 0).
	UnminutedMeetings(ctx context.Context, committeeID int64, limit int) ([]Meeting, error)
	ActionStore
}

// Limits on minutes written in Quorum.
const (
	maxMinuteText = 3000
	maxItemLen    = 16
)

func resolveCommand() *Command {
	return &Command{
		Name:    "/resolve",
		Summary: "Record what the meeting resolved under an agenda item (officers and the chair).",
		Saves:   "the resolution",
		Fits:    fmt.Sprintf("a minute may be up to %d characters", maxMinuteText),
		Subs: []Sub{{
			Usage:   []string{"/resolve [DATE] ITEM TEXT", "/resolve [DATE] ITEM NOTED:|AGREED:|DECISION:|RECOMMENDED: TEXT", "/resolve [DATE] ITEM remove"},
			Summary: "Record the decision on an agenda item, during or after the meeting; it is minuted, numbered, and found by /resolution at once as a draft. It is RESOLVED unless a leading label records it under another word. `remove` takes a decision recorded under the wrong item, or where none was taken, out of the draft minutes (its history keeps it).",
			Examples: []string{
				"/resolve 7.5 That the report be noted.",
				"/resolve 7 That (1) the reports be noted; (2) the figures be circulated; and (3) a further report be submitted.",
				"/resolve 5.1 NOTED: The report was noted.",
				"/resolve 5 remove",
			},
			Date: minutesDateHelp,
			Who:  Chairs, Doing: "record decisions", Meeting: (*Service).minutesMeeting, Run: func(ctx context.Context, s *Service, in *Input) (Reply, error) {
				return s.recordMinute(ctx, in, "resolved")
			},
		}},
	}
}

func minuteCommand() *Command {
	return &Command{
		Name:    "/minute",
		Summary: "Record the narrative of an agenda item's minute, or defer the item to the next meeting (officers and the chair).",
		Saves:   "the minute",
		Fits:    fmt.Sprintf("a minute may be up to %d characters", maxMinuteText),
		Subs: append([]Sub{{
			Usage:    []string{"/minute [DATE] ITEM TEXT"},
			Summary:  "Record what the meeting heard or discussed under an agenda item, during or after the meeting.",
			Examples: []string{"/minute 7.5 The Board considered the report of the Chief Executive of SWACA."},
			Date:     minutesDateHelp,
			Who:      Chairs, Doing: "record minutes", Meeting: (*Service).minutesMeeting, Run: func(ctx context.Context, s *Service, in *Input) (Reply, error) {
				return s.recordMinute(ctx, in, "minuted")
			},
		}}, deferSubs()...),
	}
}

// minutesMeeting is the meeting whose minutes a command means: the one
// given by date, else the one in progress, else today's once held, else
// the last held.
func (s *Service) minutesMeeting(ctx context.Context, in *Input, d Date) (Meeting, error) {
	c := in.Committee
	if !d.IsNext() {
		return s.meetingFor(ctx, c, d, in.Now)
	}
	if run, ok, err := s.runningMeeting(ctx, c); err != nil || ok {
		return run, err
	}
	if today, ok, err := s.dayMeetingOf(ctx, c, in.Now); err != nil {
		return Meeting{}, err
	} else if ok && today.Status != MeetingCancelled && (!today.StartsAt.After(in.Now) || today.Status == MeetingHeld) {
		// Under way by its advertised start, or closed before it.
		return today, nil
	}
	m, err := s.store.PreviousMeeting(ctx, c.ID, in.Now.Add(time.Minute))
	if errors.Is(err, ErrNotFound) {
		return Meeting{}, s.heldNone(ctx, c, in.Now, in.typed())
	}
	return m, err
}

// typed is the command and subcommand in hand, as typed in full:
// "/resolve", "/history minutes".
func (in *Input) typed() string {
	if in.sub != nil && in.sub.Name != "" {
		return in.Command + " " + in.sub.Name
	}
	return in.Command
}

// heldNone refuses cmd, which reads or records a meeting held, in
// committee c, which has held none: no date would find one, so the answer
// names its first meeting and how it is opened, or how one is scheduled.
func (s *Service) heldNone(ctx context.Context, c Committee, now time.Time, cmd string) error {
	text := fmt.Sprintf("%s has held no meeting yet, and `%s` is for a meeting in progress or held.", Escape(c.Name), cmd)
	switch next, err := s.store.NextMeeting(ctx, c.ID, now); {
	case err == nil:
		text += fmt.Sprintf(" Its first is on %s; the officer or the chair opens it with `/meeting start`.", describeMeeting(next, c.Location()))
	case errors.Is(err, ErrNotFound):
		text += " An officer schedules its first with `/meeting schedule DATE TIME [VENUE]`."
	default:
		return err
	}
	return userErr("%s", text)
}

// closingResolution is the resolution Date of Next Meeting records by the
// schedule (nextResolution), when item is that item of the meeting d
// names and its draft offers it (MinutesSource.Next: nothing recorded
// under it, the minutes not confirmed, a meeting following); "" otherwise.
// closing says item is that item, still to record, with a resolution
// to offer or no meeting at all scheduled after m. It only fills in the example of an answer that saves nothing, so
// what cannot be read gives the plain example rather than a failure.
func (s *Service) closingResolution(ctx context.Context, in *Input, d Date, item string) (next string, closing bool) {
	m, err := s.minutesMeeting(ctx, in, d)
	if err != nil {
		return "", false
	}
	src, _, err := s.minutesSource(ctx, in.Committee, m)
	if err != nil {
		return "", false
	}
	it, ok := closingItem(src.Items)
	if !ok || it.Number != item || !closingOpen(src, it) {
		return "", false
	}
	if src.Next == nil {
		// No meeting the minutes heard of follows: closing only when none
		// is scheduled at all. One moved or scheduled since the meeting
		// closed is a date the meeting never heard, and is not offered;
		// nor is it said that there is none.
		after, err := s.meetingAfter(ctx, in.Committee, m, time.Time{})
		return "", err == nil && after == nil
	}
	return nextResolution(*src.Next, in.Committee.Location()), true
}

// recordMinute is /resolve and /minute.
func (s *Service) recordMinute(ctx context.Context, in *Input, action string) (Reply, error) {
	c := in.Committee
	d, n, err := in.takeDate()
	if err != nil {
		return Reply{}, err
	}
	if d.IsNext() && n > 0 {
		// `next` said names a meeting still to come, which has no
		// decisions; without a date the command means the last one held,
		// and writing there would change a record nobody named.
		item := "ITEM"
		if len(in.Args) > n {
			item = Escape(truncateText(in.Args[n], 16))
		}
		return Reply{}, usageErr("The next meeting has not taken place yet; decisions are recorded during or after it. For the meeting in progress or the last one held, leave out `next`: `%s %s …`.",
			in.cmd.Name, item)
	}
	args := dropLabel(in.Args[n:], "item")
	if item := strings.TrimRight(firstArg(args), ".:"); len(args) == 1 && len(item) <= maxItemLen {
		if _, ok := minuteNumber(item); ok {
			// The day typed stays in the form to copy: without it, the
			// text would go to the meeting in progress or the last held.
			day := ""
			if n > 0 {
				day = Escape(truncateText(strings.Join(in.Args[:n], " "), 40)) + " "
			}
			example := "That the report be noted."
			if in.cmd.Name == "/minute" {
				example = "The Board considered the report."
			} else if next, closing := s.closingResolution(ctx, in, d, item); next != "" {
				example = next
			} else if closing {
				// Date of Next Meeting with no meeting after this one
				// scheduled: a report noted is no decision on a date,
				// and the date, once scheduled, is offered here.
				return Reply{}, usageErr("Give the text to record under item %s, after its number. No meeting after this one is scheduled yet: once an officer schedules it (`/meeting schedule DATE TIME [VENUE]`), `%s %s%s` offers the resolution that records its date. Until then: `%s %s%s That the date of the next meeting be confirmed by the Chair.`",
					Escape(item), in.cmd.Name, day, Escape(item), in.cmd.Name, day, Escape(item))
			}
			return Reply{}, usageErr("Give the text to record under item %s, after its number: `%s %s%s %s`", Escape(item), in.cmd.Name, day, Escape(item), example)
		}
	}
	if len(args) < 2 {
		return Reply{}, usageErr("Give the agenda item's number and the text.")
	}
	item, err := agendaItemArg(args[0])
	if err != nil {
		return Reply{}, err
	}
	if action == "resolved" && len(args) == 2 && strings.EqualFold(strings.TrimRight(args[1], ".!"), "remove") {
		return s.removeDecision(ctx, in, d, item)
	}
	// A mention is kept as the name the sender saw, as in a reason
	// (plainMarked): the minutes are read long after, as text.
	words := args[1:]
	if action == "minuted" {
		words = in.typedLines(words)
	}
	text := cleanText(s.namedMentions(ctx, plainMarked(words)))
	switch {
	case text == "":
		// Nothing left once cleaned: recorded, it would wipe the minute.
		return Reply{}, usageErr("Give the agenda item's number and the text.")
	case utf8.RuneCountInString(text) > maxMinuteText:
		return Reply{}, usageErr("That is too long for a minute (%d characters; the limit is %d).", utf8.RuneCountInString(text), maxMinuteText)
	}
	m, base, w, was, err := s.minuteUnder(ctx, in, d, item)
	if err != nil {
		return Reply{}, err
	}
	// The same line sent twice (retyped, or pasted again) records it once:
	// a second "Resolved" would say something new was decided.
	w.Action, w.By, w.IfChanged = action, in.UserID, true
	part := "narrative"
	if action == "resolved" {
		r := ParseResolution(text)
		if r.Body == "" {
			// A label alone: recorded, it would wipe the decision.
			return Reply{}, usageErr("Give the agenda item's number and the text.")
		}
		if saysNothing(r.Body) {
			return Reply{}, nothingResolvedErr(r.Body, item)
		}
		w.Resolution = &r
		part = r.Word() + " text"
	} else {
		w.Narrative = &text
	}
	earlier := was.Narrative
	if action == "resolved" {
		earlier = was.Resolved()
		if w.Resolution.Body != earlier {
			if err := s.confirmationsUnder(ctx, c, m, was, "recorded", "a decision recorded again replaces the item's whole text"); err != nil {
				return Reply{}, err
			}
		}
		// Refused, rather than replaced unseen, if the item's text
		// changes between this read and the write: the confirmation of
		// the last minutes added to it meanwhile, say.
		replaces := earlier
		w.Replaces = &replaces
	}
	if earlier == "" {
		// A standard item (apologies, declarations, the previous
		// minutes) with nothing recorded in the part set stood in the
		// draft as written from the records there: kept as what the
		// minute read, as /minutes amend keeps it, whether or not the
		// other part, or a member's correction, was recorded first (the
		// store keeps it only if the part is still empty as it writes).
		if w.Drawn, err = s.drawnFor(ctx, c, m, base, item, action == "resolved"); err != nil {
			return Reply{}, err
		}
	}
	w.At = in.Now
	did := "recorded a decision in minute %s"
	if action == "minuted" {
		did = "minuted item " + Escape(item) + " in minute %s"
	}
	if err := s.answering(ctx, in, &w, did, cmp.Or(was.Number, w.Number), text); err != nil {
		return Reply{}, err
	}
	mi, err := s.store.WriteMinute(ctx, w)
	again := false
	if errors.Is(err, ErrUnchanged) && action == "resolved" {
		// The same decision sent again is taken again when it was
		// recorded while the meeting was inquorate and it is quorate now:
		// the chair put it once more so that it is the committee's, and
		// the clerk, sending the same line, means it to count.
		if again, err = s.quorateAgain(ctx, c, m, item); err == nil && again {
			w.IfChanged = false
			mi, err = s.store.WriteMinute(ctx, w)
		} else if err == nil {
			err = ErrUnchanged
		}
	}
	if errors.Is(err, ErrDeferred) {
		return Reply{}, deferredNotDecided(item, DateOf(m.StartsAt, c.Location()))
	}
	if errors.Is(err, ErrMinutesChanged) || errors.Is(err, ErrConflict) {
		// Changed: the item's minute number, worked out from the agenda,
		// was taken by another item's minute before the write, and the
		// number in the reply would not be the one the item's minute
		// gets. Or the minutes were confirmed.
		return Reply{}, writeRefused(c, m, err)
	}
	if errors.Is(err, ErrUnchanged) {
		return s.unchangedMinute(ctx, c, m, item, part)
	}
	if err != nil {
		return Reply{}, err
	}
	what := "Minuted"
	if action == "resolved" {
		what = "Resolved"
	}
	reply := writtenReply(c, mi)
	reply.Text = fmt.Sprintf("%s under item %s: minute %s of the meeting on %s, *draft — not yet confirmed*.", what, Escape(item), Escape(mi.Number), mi.HeldOn)
	if again {
		reply.Text = fmt.Sprintf("Resolved again under item %s, the meeting now quorate: minute %s of the meeting on %s, *draft — not yet confirmed*. The draft minutes no longer note it as recorded while the meeting was inquorate.",
			Escape(item), Escape(mi.Number), mi.HeldOn)
		earlier = ""
	}
	// Recording again under an item replaces its text: said, and shown as
	// /minutes amend shows it, for a clerk who meant to add a second
	// decision would otherwise read this as a first one and not know the
	// earlier is gone from the minutes.
	if action == "resolved" {
		if earlier == mi.Resolved() && was.Word() != mi.Word() {
			// The same text under another word (NOTED for AGREED): the
			// word is what changed, and "It read" the same text would
			// hide it.
			reply.Text += fmt.Sprintf(" Its text is unchanged; it was recorded as %s.", was.Word())
			earlier = ""
		}
	}
	if earlier != "" {
		replaced := part
		if action == "resolved" {
			// Named by the word it was recorded under: "replaces its
			// earlier RESOLVED text" of a NOTED would tell the clerk the
			// wrong thing left the minutes.
			replaced = was.Word() + " text"
		}
		reply.Text += fmt.Sprintf(" This replaces its earlier %s (kept in `/history minutes`)", replaced)
		if action == "resolved" {
			reply.Text += fmt.Sprintf("; to record both, send them together: `/resolve %s That (1) …; and (2) …`", Escape(item))
		}
		reply.Text += "."
		reply.Sections = append(reply.Sections, Section{Title: "It read", Text: plainText(cutBytes(earlier, maxNarrative))})
	} else if w.Drawn != "" {
		// From now on the officer's text stands, whatever those records
		// say: a clerk who expected the drawn paragraph to follow them
		// should know.
		reply.Text += fmt.Sprintf(" It stands in place of the %s the draft drew from the records (kept in `/history minutes`); later changes to those records no longer alter it.", part)
		reply.Sections = append(reply.Sections, Section{Title: "It read", Text: plainText(cutBytes(w.Drawn, maxNarrative))})
	}
	if action == "resolved" {
		reply.Text += s.sittingWarning(ctx, c, m, mi.Item, earlier != "")
		reply.Buttons = append(reply.Buttons, addActionButtonFor(mi))
	}
	if len(w.Answers) > 0 {
		reply.Sections = append(reply.Sections, answeringSection(w, mi.Number))
	}
	return reply, nil
}

// removeDecision is `/resolve ITEM remove`: the decision recorded under
// item taken out of the draft minutes, recorded under the wrong item, say,
// or where the meeting decided nothing. Its text is kept in the minute's
// history, with who removed it and when; the minute's narrative stays.
func (s *Service) removeDecision(ctx context.Context, in *Input, d Date, item string) (Reply, error) {
	c := in.Committee
	m, _, w, was, err := s.minuteUnder(ctx, in, d, item)
	if err != nil {
		return Reply{}, err
	}
	day := formatDay(m.StartsAt, c.Location())
	if len(was.Resolutions) == 0 {
		return private("No decision is recorded under item %s of the meeting on %s; nothing changed.", Escape(item), day), nil
	}
	if err := s.confirmationsUnder(ctx, c, m, was, "removed", "removing its decision would take it with it"); err != nil {
		return Reply{}, err
	}
	earlier := was.Resolved()
	w.Resolution, w.Replaces = &Resolution{}, &earlier
	w.Action, w.By, w.At = "removed", in.UserID, in.Now
	// What the minute reads without its decision: its narrative.
	if err := s.answering(ctx, in, &w, "removed the decision from minute %s", cmp.Or(was.Number, w.Number), cmp.Or(was.Narrative, "Nothing is recorded under it.")); err != nil {
		return Reply{}, err
	}
	mi, err := s.store.WriteMinute(ctx, w)
	if err != nil {
		return Reply{}, writeRefused(c, m, err)
	}
	text := fmt.Sprintf("The %s text of minute %s (item %s) of the meeting on %s is removed from the draft minutes; it is kept in `/history minutes`.",
		was.Word(), Escape(mi.Number), Escape(item), day)
	// Actions agreed under the decision stay under its minute: a
	// decision recorded under the wrong item took its actions there too,
	// and the clerk should know they are still printed.
	shown := []Minute{mi}
	if err := s.withActions(ctx, c, shown, in.Now); err != nil {
		return Reply{}, err
	}
	switch {
	case len(shown[0].Actions) > 0:
		n := len(shown[0].Actions)
		text += fmt.Sprintf(" Its %s under it in the minutes: `/action list` shows %s, and `/action done ID [NOTE]` closes one not meant for it.",
			plural(n, "action stays", "actions stay"), plural(n, "it", "them"))
	case mi.Narrative == "":
		text += fmt.Sprintf(" Nothing is recorded under item %s now: `/resolve %s That …` records its decision.", Escape(item), Escape(item))
	}
	sections := []Section{{Title: "It read", Text: was.labelled(plainText(cutBytes(earlier, maxNarrative)))}}
	if len(w.Answers) > 0 {
		sections = append(sections, answeringSection(w, mi.Number))
	}
	return Reply{Visibility: Private, Text: text, Sections: sections}, nil
}

// confirmationPrefix and confirmationSuffix frame the block /minutes
// approve adds under the item of the approving meeting that confirms
// earlier minutes, around the day those minutes were of.
const (
	confirmationPrefix = "That the Minutes of the meeting held on "
	confirmationSuffix = " be confirmed as a correct record."
)

// confirmationsUnder refuses a change to was, the minute of an item of
// meeting m, that would take away its record that earlier minutes were
// confirmed at m — the block /minutes approve adds under the previous
// minutes' item — saying why (because) and how to word the whole text
// instead. Nothing is refused for a minute without one.
func (s *Service) confirmationsUnder(ctx context.Context, c Committee, m Meeting, was Minute, what, because string) error {
	if !strings.EqualFold(was.Title, StandardItems[2].Title) {
		return nil
	}
	var days []string
	for _, r := range was.Resolutions {
		day, ok := strings.CutPrefix(r.Body, confirmationPrefix)
		if ok {
			day, ok = strings.CutSuffix(day, confirmationSuffix)
		}
		if !ok {
			continue
		}
		at, err := time.Parse("2 January 2006", day)
		if err != nil {
			continue
		}
		if ok, err := s.confirmedAt(ctx, c, m, DateOf(at, time.UTC)); err != nil {
			return err
		} else if ok {
			days = append(days, day)
		}
	}
	if len(days) == 0 {
		return nil
	}
	return userErr("Nothing was %s: minute %s records that the minutes of %s were confirmed at this meeting, and %s. Give the text that should stand, the confirmation with it, with `/minutes amend %s TEXT`.",
		what, Escape(was.Number), joinAnd(days), because, Escape(was.Number))
}

// confirmedAt says whether the minutes of a meeting of c on d were
// confirmed at meeting m.
func (s *Service) confirmedAt(ctx context.Context, c Committee, m Meeting, d Date) (bool, error) {
	from := d.Start(c.Location())
	held, err := s.store.Meetings(ctx, c.ID, from, from.AddDate(0, 0, 1))
	if err != nil {
		return false, err
	}
	for _, h := range held {
		a, err := s.store.MinutesApprovalOf(ctx, h.ID)
		switch {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return false, err
		case a.AtMeetingID == m.ID:
			return true, nil
		}
	}
	return false, nil
}

// decisionMeeting is the meeting whose minutes a command recording
// something under item means, d being the date its words gave: refused
// when that meeting was cancelled or has not taken place yet, for its
// minutes are written during or after it.
func (s *Service) decisionMeeting(ctx context.Context, in *Input, d Date, item string) (Meeting, error) {
	c := in.Committee
	m, err := s.minutesMeeting(ctx, in, d)
	if err != nil {
		return Meeting{}, err
	}
	if d.IsNext() {
		if err := s.todayNotOpened(ctx, in, m, item); err != nil {
			return Meeting{}, err
		}
	}
	if m.Status == MeetingCancelled {
		return Meeting{}, userErr("The meeting on %s was cancelled; it takes no decisions.", formatDay(m.StartsAt, c.Location()))
	}
	if m.StartsAt.After(in.Now) && m.Status != MeetingHeld {
		if run, ok, err := s.runningMeeting(ctx, c); err != nil || !ok || run.ID != m.ID {
			if err != nil {
				return Meeting{}, err
			}
			return Meeting{}, userErr("The meeting on %s has not taken place yet; decisions are recorded during or after it.", formatDay(m.StartsAt, c.Location()))
		}
	}
	return m, nil
}

// minuteUnder is where a command records under agenda item item, d being
// the date its words gave: the meeting (see decisionMeeting), the number
// its minutes number on from (see minuteBase), the write that makes or
// changes the item's minute, and that minute as it stands.
func (s *Service) minuteUnder(ctx context.Context, in *Input, d Date, item string) (Meeting, int, MinuteWrite, Minute, error) {
	m, err := s.decisionMeeting(ctx, in, d, item)
	if err != nil {
		return Meeting{}, 0, MinuteWrite{}, Minute{}, err
	}
	// Worked out once for the write and the draft it is written into:
	// each time, the numbering reads back through the drafts before m.
	base, _, err := s.minuteBase(ctx, in.Committee, m)
	if err != nil {
		return Meeting{}, 0, MinuteWrite{}, Minute{}, err
	}
	w, was, err := s.itemWrite(ctx, in.Committee, m, base, item, in.typed())
	return m, base, w, was, err
}

// drawnFor is what the draft of m's minutes writes from the records for
// item's minute, in the part a write sets (its RESOLVED text, or its
// narrative), unescaped; "" when the draft draws nothing there. The
// draft's minutes number on from base (see minuteBase).
func (s *Service) drawnFor(ctx context.Context, c Committee, m Meeting, base int, item string, resolved bool) (string, error) {
	src, _, err := s.minutesSourceFrom(ctx, c, m, base, "")
	if err != nil {
		return "", err
	}
	for _, dm := range CompileMinutes(src).Minutes {
		switch {
		case dm.Item != item || dm.Pending:
		case resolved:
			return Unescape(strings.Join(dm.Resolved, "\n")), nil
		default:
			return Unescape(dm.Narrative), nil
		}
	}
	return "", nil
}

// quorateAgain says whether the decision under item at m, the meeting in
// progress, was recorded while m was inquorate and m is quorate for the
// item now.
func (s *Service) quorateAgain(ctx context.Context, c Committee, m Meeting, item string) (bool, error) {
	run, ok, err := s.runningMeeting(ctx, c)
	if err != nil || !ok || run.ID != m.ID {
		return false, err
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil || !st.count(item).Quorate() {
		return false, err
	}
	if st.rules, err = s.store.QuorumRules(ctx, c.ID); err != nil {
		return false, err
	}
	written, err := s.store.MeetingMinutes(ctx, m.ID)
	if err != nil {
		return false, err
	}
	for _, mi := range written {
		if mi.Item == item {
			notes, err := s.inquorateResolutions(ctx, st, []Minute{mi})
			return len(notes) > 0, err
		}
	}
	return false, nil
}

// sittingWarning is a warning, to follow a decision recorded under item
// at m, when m is in progress and the decision may not be what the
// meeting decided ("" if not). The decision is recorded all the same, as
// a clerk records what happened, often catching up; a failure to read the
// meeting says nothing, for the decision is saved.
//
// Adjourned, the meeting decides nothing: only what it decided before the
// adjournment is for the minutes. Sitting, a decision under another item
// than the one under discussion may be a slip of the item's number, which
// the clerk should see at once rather than in the draft. And without its
// quorum for the item, business done may be challenged, and the chair, who
// would adjourn, should know at once rather than from the minutes: the
// draft minutes mark it as no decision of the committee
// (inquorateResolutions).
func (s *Service) sittingWarning(ctx context.Context, c Committee, m Meeting, item string, replaced bool) string {
	run, ok, err := s.runningMeeting(ctx, c)
	if err != nil || !ok || run.ID != m.ID {
		return ""
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return ""
	}
	// How to take it back: a decision that replaced another is undone by
	// putting back the one it replaced, not by removing the item's
	// decision, which would leave it with none.
	undo := fmt.Sprintf("`/resolve %s remove` takes it away from item %s", Escape(item), Escape(item))
	if replaced {
		undo = fmt.Sprintf("`/resolve %s` with the text it replaced (below) puts item %s's own decision back", Escape(item), Escape(item))
	}
	if st.sit.State == ActionAdjourned {
		return fmt.Sprintf("\nThe meeting is *adjourned* (since %s): record this only if it was decided before the adjournment. If it was not, %s.",
			adjournedAt(st.sit.Events).In(c.Location()).Format("15:04"), undo)
	}
	warning := ""
	if under := st.sit.Item; under != "" && under != item && !strings.HasPrefix(under, item+".") && !strings.HasPrefix(item, under+".") {
		// A heading's item and those under it are minuted together
		// (listedUnder): either is the business in hand.
		warning = fmt.Sprintf("\nItem %s is under discussion, not item %s: if this was meant for item %s, %s, and `/resolve %s That …` records it there.",
			Escape(under), Escape(item), Escape(under), undo, Escape(under))
	}
	cnt := st.count(item)
	if cnt.Quorate() {
		return warning
	}
	why := fmt.Sprintf("%d present, quorum %d", cnt.Present, cnt.Need)
	if len(cnt.Withdrawn) > 0 {
		why += fmt.Sprintf("; %s %s for it", joinAnd(cnt.Withdrawn), plural(len(cnt.Withdrawn), "withdraws", "withdraw"))
	}
	return warning + fmt.Sprintf("\nThe meeting is *inquorate* for item %s (%s): business done without a quorum is not the committee's. The decision is recorded as sent, and the draft minutes note that it was recorded while the meeting was inquorate; the chair may adjourn the meeting (`/meeting adjourn`).",
		Escape(item), why)
}

// dropLabel drops the word label ("item", "minute") from the start of
// args when a number follows it: people write "Item 4" and "Minute 33" as
// the agenda and the minutes print them.
func dropLabel(args []string, label string) []string {
	if len(args) > 1 && strings.EqualFold(strings.TrimRight(args[0], ":."), label) {
		return args[1:]
	}
	return args
}

// unchangedMinute answers a /resolve or /minute whose text item's minute
// at m has already: nothing was written, and the minute is shown as it
// stands.
func (s *Service) unchangedMinute(ctx context.Context, c Committee, m Meeting, item, part string) (Reply, error) {
	written, err := s.store.MeetingMinutes(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	for _, mi := range written {
		if mi.Item == item {
			reply := writtenReply(c, mi)
			reply.Text = fmt.Sprintf("Minute %s's %s already reads so; nothing changed.", Escape(mi.Number), part)
			return reply, nil
		}
	}
	return private("Item %s's minute already reads so; nothing changed.", Escape(item)), nil
}

// todayNotOpened refuses a decision or a minute that would go, for want
// of a date, to m, the last meeting held, while today's meeting is still
// to be opened: typed then, it is nearly always the meeting's about to
// start, and written into the last one's minutes it would change a record
// nobody meant to touch.
func (s *Service) todayNotOpened(ctx context.Context, in *Input, m Meeting, item string) error {
	c := in.Committee
	loc := c.Location()
	today, ok, err := s.dayMeetingOf(ctx, c, in.Now)
	if err != nil || !ok || today.ID == m.ID || today.Status != MeetingScheduled || !today.StartsAt.After(in.Now) {
		return err
	}
	return userErr("Today's meeting, at %s, has not been opened yet: open it with `/meeting start` to record its decisions and minutes. For the meeting on %s, give its date: `%s %s %s …`",
		today.StartsAt.In(loc).Format("15:04"), formatDay(m.StartsAt, loc), in.typed(), DateOf(m.StartsAt, loc).iso(), Escape(item))
}

// writtenReply shows minute m as a write (/resolve, /minute, /minutes
// amend) left it: its narrative and its RESOLVED text, both whole, so that
// whoever wrote either reads what they recorded as the minute now stands.
// A lookup (minuteSection) leads with the decision alone instead.
func writtenReply(c Committee, m Minute) Reply {
	reply := minuteReply(c, m)
	var b strings.Builder
	fmt.Fprintf(&b, "_%s, %s_", Escape(m.CommitteeName), m.HeldOn)
	if m.Draft {
		b.WriteString("\n" + DraftMark)
	}
	if m.Narrative != "" {
		b.WriteString("\n" + plainText(m.Narrative))
	}
	if len(m.Resolutions) > 0 {
		b.WriteString("\n" + m.Word() + ": " + plainText(m.Resolved()))
	}
	if len(m.References) > 0 {
		b.WriteString("\nRefers to: " + refersTo(m.References, plainText))
	}
	reply.Sections = []Section{{Title: reply.Sections[0].Title, Text: b.String()}}
	return reply
}

// minutesChangedErr answers a write refused with ErrMinutesChanged.
func minutesChangedErr() error {
	return userErr("The minutes changed as you sent this; look at `/minutes draft` and send it again. Nothing was saved.")
}

// writeRefused is the answer to err, a write to the minutes of m refused
// because they changed as it was sent or are confirmed; any other err as
// it is.
func writeRefused(c Committee, m Meeting, err error) error {
	switch {
	case errors.Is(err, ErrMinutesChanged):
		return minutesChangedErr()
	case errors.Is(err, ErrConflict):
		return confirmedErr(c, m)
	}
	return err
}

// confirmedErr refuses a change to the minutes of m, confirmed as a
// correct record.
func confirmedErr(c Committee, m Meeting) error {
	return userErr("The minutes of the meeting on %s are confirmed as a correct record and can no longer be changed. %s", formatDay(m.StartsAt, c.Location()), correctionWay(DateOf(m.StartsAt, c.Location())))
}

// publishedErr refuses a change to the minutes of m, imported from the
// published document, whose text is the record.
func publishedErr(c Committee, m Meeting) error {
	return userErr("The minutes of the meeting on %s were imported from the published minutes, which are the record, and can no longer be changed. %s", formatDay(m.StartsAt, c.Location()), correctionWay(DateOf(m.StartsAt, c.Location())))
}

// correctionWay is the way on from a refusal to change the minutes of the
// meeting held on day, once they are the record: nothing in Quorum
// changes them then, so a correction is the committee's, made at a later
// meeting as an item of its agenda and minuted there. Every refusal says
// the same, so that a clerk learns one way.
func correctionWay(day Date) string {
	return fmt.Sprintf("A correction now is for the committee to make: an officer puts it on the next meeting's agenda (`/agenda add next NUMBER Correction to the minutes of %s`) and minutes it there.",
		day.Start(time.UTC).Format("2 January 2006"))
}

// recordFixed refuses, for cmd, a write to the minutes of m, written,
// once they are the record (confirmed, or imported): before the agenda
// is read, whose items imported minutes need not follow, and before a
// refusal that would send the clerk to undo what can no longer change.
func recordFixed(c Committee, m Meeting, written []Minute) error {
	for _, mi := range written {
		switch {
		case mi.Imported:
			return publishedErr(c, m)
		case !mi.Draft:
			return confirmedErr(c, m)
		}
	}
	return nil
}

// itemWrite is the write that makes or changes the minute of agenda item
// item of meeting m: its number allocated from the agenda's order, on
// from base (see minuteNumbers and minuteBase), and the item's minute as
// it stands (none: zero). cmd is the command the user typed, for the answer to a
// minute's number given where the item's is wanted ("" when the item
// comes from the agenda itself).
func (s *Service) itemWrite(ctx context.Context, c Committee, m Meeting, base int, item, cmd string) (MinuteWrite, Minute, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return MinuteWrite{}, Minute{}, err
	}
	written, err := s.store.MeetingMinutes(ctx, m.ID)
	if err != nil {
		return MinuteWrite{}, Minute{}, err
	}
	if cmd != "" {
		if err := recordFixed(c, m, written); err != nil {
			return MinuteWrite{}, Minute{}, err
		}
	}
	numbers := numberMinutes(items, written, base, item)
	listed := listedUnder(items, written, "")
	for i, it := range items {
		if it.Number == item {
			var was Minute
			for _, mi := range written {
				if mi.Item == item {
					was = mi
				}
			}
			if h := listed[i]; h >= 0 && cmd != "" {
				if err := s.laterMinutesNumbered(ctx, c, m, item, items[h], numbers[h]); err != nil {
					return MinuteWrite{}, Minute{}, err
				}
			}
			return MinuteWrite{
				CommitteeID: c.ID, MeetingID: m.ID, HeldOn: DateOf(m.StartsAt, c.Location()),
				Item: item, Number: numbers[i], Position: i + 1, Title: strings.ToUpper(it.Title), References: it.References,
			}, was, nil
		}
	}
	day := formatDay(m.StartsAt, c.Location())
	for i, it := range items {
		// A minute's number read off the draft, where the item's is
		// wanted: the two differ once minutes number on from the last
		// meeting's.
		if numbers[i] == item && cmd != "" {
			return MinuteWrite{}, Minute{}, userErr("Item %s is not on the agenda of the meeting on %s; its minute %s is item %s (%s): `%s %s …`.",
				Escape(item), day, Escape(item), Escape(it.Number), Escape(it.Title), cmd, Escape(it.Number))
		}
	}
	return MinuteWrite{}, Minute{}, userErr("Item %s is not on the agenda of the meeting on %s. `/agenda %s` shows its items.",
		Escape(item), day, DateOf(m.StartsAt, c.Location()).Start(time.UTC).Format("2006-01-02"))
}

// laterMinutesNumbered refuses to give item, listed in the minute
// (number) of its heading, a minute of its own once a later meeting of
// m's municipal year has minutes written: its number would come after
// the heading's, moving every number m's draft shows after it, and the
// later meeting's minutes, numbered on from those, would have them too.
// Until then the numbers that move are only shown in drafts, as when the
// previous meeting's minutes grow.
func (s *Service) laterMinutesNumbered(ctx context.Context, c Committee, m Meeting, item string, heading AgendaItem, number string) error {
	start, err := s.store.YearStart(ctx, c.ID)
	if err != nil {
		return err
	}
	loc := c.Location()
	held := DateOf(m.StartsAt, loc)
	next := Date{Year: municipalYear(held, start) + 1, Month: start, Day: 1}
	last, err := s.store.LastMinute(ctx, c.ID, next.Start(loc))
	switch {
	case errors.Is(err, ErrNotFound):
		return nil
	case err != nil:
		return err
	case last.MeetingID == m.ID || last.HeldOn.Start(time.UTC).Before(held.Start(time.UTC)):
		return nil
	}
	day := held.Start(time.UTC).Format("2006-01-02")
	return userErr("Item %s is listed in minute %s (%s) with the other items under item %s, and can no longer have a minute of its own: the minutes of %s are numbered on from this meeting's. Record it in minute %s: `/resolve %s %s …` and `/minute %s %s …` replace what that minute holds, so send its decision or narrative again with this added (`/resolve %s %s That (1) …; and (2) …`). Nothing was saved.",
		Escape(item), Escape(number), Escape(heading.Title), Escape(heading.Number), formatDay(last.HeldOn.Start(loc), loc), Escape(number), day, Escape(heading.Number), day, Escape(heading.Number), day, Escape(heading.Number))
}

// minuteNumbers numbers the minutes of a meeting's agenda items, in
// order: an item whose minute is written keeps that minute's number, for
// it was given in a reply and may be cited; the others are numbered on
// from base, or from the number of the written minute before them, passing
// over every number a minute of the meeting has. The base can move while
// a meeting's minutes are written (the previous meeting's grow, or the
// municipal year's start changes), so the agenda's order alone would give
// a number twice. An item listed in its heading's minute (listedUnder)
// has none: "".
func minuteNumbers(items []AgendaItem, written []Minute, base int) []string {
	return numberMinutes(items, written, base, "")
}

// numberMinutes is minuteNumbers with item own numbered as a minute of its
// own though nothing is written for it yet: the item a write is about to
// minute takes the number the draft will show it under. Numbers the draft
// showed for later items with nothing written move on by one then, as
// they do when the previous meeting's minutes grow; once a later meeting
// has minutes numbered on from them, the write is refused
// (laterMinutesNumbered). A sub-item minuted after the items below it
// were takes the first number no written minute has, out of the agenda's
// order, as a number written must not change.
func numberMinutes(items []AgendaItem, written []Minute, base int, own string) []string {
	taken := map[string]bool{}
	byItem := map[string]string{}
	for _, mi := range written {
		taken[mi.Number] = true
		if mi.Item != "" {
			byItem[mi.Item] = mi.Number
		}
	}
	under := listedUnder(items, written, own)
	out := make([]string, len(items))
	next := base
	for i, it := range items {
		if under[i] >= 0 {
			continue
		}
		if n, ok := byItem[it.Number]; ok {
			out[i] = n
			if v, ok := leadingNumber(n); ok && v >= next {
				next = v + 1
			}
			continue
		}
		for taken[fmt.Sprint(next)] {
			next++
		}
		out[i] = fmt.Sprint(next)
		next++
	}
	return out
}

// listedUnder gives, for each of items, the index of the heading whose
// minute lists it, or -1 for an item that is a minute of its own. The
// partner reports numbered under item 7 (7.1 to 7.9) are minuted as
// clerks minute them: one minute for the heading, listing the reports
// considered, its discussion and its decision; a minute each would stand
// in the draft with nothing recorded, and hold up the minutes' confirmation
// until someone minuted nine items nobody decided apart. An item under a
// heading that has a minute of its own written (`/resolve 7.3`), or that
// was taken as urgent business (whose minute must say so), or is own (see
// numberMinutes), or whose heading is a standard item, stays its own
// minute.
func listedUnder(items []AgendaItem, written []Minute, own string) []int {
	out := make([]int, len(items))
	headings := map[ItemNumber]int{}
	nums := make([]ItemNumber, len(items))
	parsed := make([]bool, len(items))
	for i, it := range items {
		out[i] = -1
		n, err := ParseItemNumber(it.Number)
		if err != nil {
			continue
		}
		nums[i], parsed[i] = n, true
		// A standard item (Date of Next Meeting, say, moved into the
		// number of an item whose sub-items were added first) heads
		// nothing: what is numbered after it is not its business.
		if n.Sub == 0 && n.Letter == 0 && !it.Standard && !isClosing(it) {
			headings[n] = i
		}
	}
	for i, it := range items {
		n := nums[i]
		if !parsed[i] || n.Sub == 0 && n.Letter == 0 || it.Number == own || it.Urgency != "" {
			continue
		}
		h, ok := headings[ItemNumber{Top: n.Top, Section: n.Section}]
		if !ok || slices.ContainsFunc(written, func(mi Minute) bool { return mi.Item == it.Number }) {
			continue
		}
		out[i] = h
	}
	return out
}

// minuteBase is the number of the first minute of meeting m: on from the
// last minute on record in the same municipal year, else 1; and a note
// that says which. The previous meeting's draft counts as on record: its
// items with nothing recorded yet have numbers it shows and will keep
// (minuteNumbers), which m's must not take again.
func (s *Service) minuteBase(ctx context.Context, c Committee, m Meeting) (int, string, error) {
	start, err := s.store.YearStart(ctx, c.ID)
	if err != nil {
		return 0, "", err
	}
	return s.minuteBaseFrom(ctx, c, m, start)
}

// minuteBaseFrom is minuteBase in a municipal year that starts in month
// start. The previous meeting's draft numbers on from its own base, found
// the same way, back through every draft behind it in the year: looked
// at only so far, its numbers here would differ from those its draft
// shows once more drafts than that stand in a row, as they do for a
// committee that closes its meetings in Quorum and minutes them
// elsewhere, and numbers would be given twice. The look stops at the
// first meeting whose minutes are confirmed (see draftBefore), and at the
// year's start: for a committee that confirms its minutes, a few reads.
func (s *Service) minuteBaseFrom(ctx context.Context, c Committee, m Meeting, start time.Month) (int, string, error) {
	loc := c.Location()
	year := municipalYear(DateOf(m.StartsAt, loc), start)
	base, note := 1, "No earlier minutes are on record, so numbering starts at 1."
	last, err := s.store.LastMinute(ctx, c.ID, m.StartsAt)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return 0, "", err
	default:
		n, ok := leadingNumber(last.Number)
		switch {
		case municipalYear(last.HeldOn, start) != year:
			// "The previous" only when it is: minutes of years ago,
			// called so, would have a clerk look for a year missing.
			which := "the previous municipal year"
			if municipalYear(last.HeldOn, start) != year-1 {
				which = "an earlier municipal year"
			}
			note = fmt.Sprintf("Numbering starts again at 1: the last minutes on record (minute %s, %s) are of %s.", Escape(last.Number), last.HeldOn, which)
		case !ok:
			// Imported minutes numbered "LSC/16/26" or "P064" give no
			// number to count on from that Quorum has always counted on
			// from: which figures are the minute's and which the year's
			// cannot be told, and counting on from "P064" now would
			// renumber the items without a minute of meetings whose
			// minutes were confirmed numbered from 1, which the minutes
			// of record must not. The note must not say there are none.
			note = fmt.Sprintf("The last minutes on record (minute %s, %s) are numbered in a form Quorum cannot number on from, so numbering starts at 1.", Escape(last.Number), last.HeldOn)
		default:
			base, note = n+1, fmt.Sprintf("Numbered on from minute %s of %s.", Escape(last.Number), last.HeldOn)
		}
	}
	p, written, err := s.draftBefore(ctx, c, m, start, year)
	switch {
	case errors.Is(err, ErrNotFound):
		return base, note, nil
	case err != nil:
		return 0, "", err
	}
	held := DateOf(p.StartsAt, loc)
	items, err := s.store.AgendaItems(ctx, p.ID)
	if err != nil {
		return 0, "", err
	}
	// A draft with a minute written for every item shows the numbers
	// written, whatever it numbers on from (minuteNumbers): the drafts
	// behind it settle nothing here, and are not read. The draft before
	// the meeting under way is most often such a one, its minutes written
	// and waiting to be confirmed.
	from := 1
	if !everyItemWritten(items, written) {
		if from, _, err = s.minuteBaseFrom(ctx, c, p, start); err != nil {
			return 0, "", err
		}
	}
	top := 0
	for _, n := range minuteNumbers(items, written, from) {
		if v, ok := leadingNumber(n); ok && v > top {
			top = v
		}
	}
	if top >= base {
		base, note = top+1, fmt.Sprintf("Numbered on from minute %d of %s, as its draft numbers it.", top, held)
	}
	return base, note, nil
}

// everyItemWritten reports whether each of items has a minute among
// written, or is listed in its heading's, so that minuteNumbers gives them
// the numbers written, from any base.
func everyItemWritten(items []AgendaItem, written []Minute) bool {
	under := listedUnder(items, written, "")
	for i, it := range items {
		if under[i] < 0 && !slices.ContainsFunc(written, func(mi Minute) bool { return mi.Item == it.Number }) {
			return false
		}
	}
	return true
}

// draftBefore finds the meeting before m, in m's municipal year (year,
// starting in month start), whose draft m numbers on from, with its
// minutes; ErrNotFound if there is none.
func (s *Service) draftBefore(ctx context.Context, c Committee, m Meeting, start time.Month, year int) (Meeting, []Minute, error) {
	p, err := s.store.PreviousMeeting(ctx, c.ID, m.StartsAt)
	if err == nil && p.ID == m.ID {
		// m, opened before its advertised start, is the last held before
		// it; the one before m is the last held before m was opened.
		var opened time.Time
		if opened, err = s.heldFrom(ctx, m); err == nil {
			p, err = s.store.PreviousMeeting(ctx, c.ID, opened)
		}
	}
	for before := m.StartsAt; ; {
		if err != nil {
			return Meeting{}, nil, err
		}
		// One called for after m and opened before it may be the last
		// held before m's start: only one called for earlier is looked
		// at, so that each look goes further back and the looking ends.
		if !p.StartsAt.Before(before) || municipalYear(DateOf(p.StartsAt, c.Location()), start) != year {
			return Meeting{}, nil, ErrNotFound
		}
		var written []Minute
		if written, err = s.store.MeetingMinutes(ctx, p.ID); err != nil {
			return Meeting{}, nil, err
		}
		drafting, err := s.draftHere(ctx, p, written)
		if err != nil {
			return Meeting{}, nil, err
		}
		switch {
		case drafting:
			return p, written, nil
		case p.Status == MeetingHeld || len(written) > 0 && !written[0].Draft:
			// Its minutes confirmed, or imported: the last minute on
			// record is where numbering goes on from.
			return Meeting{}, nil, ErrNotFound
		}
		// Held elsewhere (its agenda posted here, say) with nothing
		// minuted here, it numbers nothing; a draft before it still
		// holds its numbers, which the meeting after must not take.
		before = p.StartsAt
		p, err = s.store.PreviousMeeting(ctx, c.ID, before)
	}
}

// partMark finds the numbers of a multi-part resolution: "(1)", "(2)" …,
// or its letters, "(a)", "(b)" …, or roman numerals, "(i)", "(ii)" …, as
// councils letter the parts of some decisions.
var partMark = regexp.MustCompile(`\((\d{1,2}|[a-z]|[ivx]{1,5})\)\s*`)

// partMarks are the marks of text's parts (partMark's submatch indexes),
// or nil when it has not two or more counting up, in order, from "(1)",
// "(a)" or "(i)". The first of those decides the kind; a mark of another
// kind is text of the part it is in ("(a)" in a decision numbered (1),
// (2); "(i)" and "(ii)" within part (a) of one lettered (a), (b); "(c)"
// before its "(1)"), as is one straight after a letter or digit ("Section
// 100B(4)(b)"). One of its kind out of order ("(4)" before "(1)") leaves
// the decision whole, as a reference would be misread as a part.
func partMarks(text string) [][]int {
	var free [][]int
	for _, mk := range partMark.FindAllStringSubmatchIndex(text, -1) {
		if r, _ := utf8.DecodeLastRuneInString(text[:mk[0]]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			free = append(free, mk)
		}
	}
	scheme := ""
	for _, mk := range free {
		if scheme = partSchemes[text[mk[2]:mk[3]]]; scheme != "" {
			break
		}
	}
	if scheme == "" {
		return nil
	}
	var marks [][]int
	for _, mk := range free {
		v := text[mk[2]:mk[3]]
		want := minutes.PartLabel(scheme, len(marks))
		roman := strings.Trim(v, "ivx") == ""
		switch {
		case v == want:
			marks = append(marks, mk)
		case scheme == "num" && !isDigits(v), scheme == "alpha" && (len(v) > 1 || roman), scheme == "roman" && !roman:
			// Another kind: text of its part.
		default:
			return nil
		}
	}
	if len(marks) < 2 {
		return nil
	}
	return marks
}

// partSchemes are the kinds of part marks by the mark a first part starts
// with (minutes.PartLabel's schemes).
var partSchemes = map[string]string{"1": "num", "a": "alpha", "i": "roman"}

// saysNothing reports whether a resolution's text, its label cut, is
// "That" and no more (sent before the decision was typed, or with only a
// part's number after it), or a word for no decision at all ("none",
// "n/a": see noDecisionWords): recorded, it would replace the decision
// with a word, and the minutes would print that word as resolved.
func saysNothing(body string) bool {
	return noDecisionWord(body) != "" || strings.Trim(afterThat(body), " .,:;…—-") == ""
}

// afterThat is a resolution's text without its leading "That" and the
// marks of its parts.
func afterThat(body string) string {
	rest := strings.TrimSpace(body)
	if len(rest) >= 4 && strings.EqualFold(rest[:4], "that") {
		rest = rest[4:]
	}
	return partMark.ReplaceAllString(rest, "")
}

// noDecisionWords are what a clerk types where no decision was taken, or
// to take one away: never the text of a decision.
var noDecisionWords = map[string]bool{
	"none": true, "nothing": true, "n/a": true, "na": true, "nil": true, "null": true,
	"no decision": true, "no resolution": true, "not applicable": true,
	"remove": true, "removed": true, "delete": true, "deleted": true, "clear": true,
}

// noDecisionWord is body as typed when it is one of noDecisionWords
// ("None."), else "".
func noDecisionWord(body string) string {
	word := strings.Trim(afterThat(body), " .,:;…—-!")
	if !noDecisionWords[strings.ToLower(word)] {
		return ""
	}
	return word
}

// nothingResolvedErr refuses body, a resolution's text that says nothing
// (saysNothing), for item's minute. A word for no decision is answered
// with how a decision is taken away: the clerk who typed "none" meant the
// one recorded to go, and recording "none" would print it as resolved.
func nothingResolvedErr(body, item string) error {
	word := noDecisionWord(body)
	if word == "" {
		return usageErr("Say what was resolved after “That”, e.g. `That the report be noted.`; nothing was recorded.")
	}
	text := fmt.Sprintf("“%s” is not a decision, and the minutes would print it as one: nothing was recorded.", Escape(word))
	if item != "" {
		text += fmt.Sprintf(" To take away the decision recorded under item %s while the minutes are a draft, type `/resolve %s remove`; to record what was decided, `/resolve %s That the report be noted.`", Escape(item), Escape(item), Escape(item))
	}
	// Not a slip of the command's form: its usage would not help.
	return userErr("%s", text)
}

// ParseResolution reads a resolution as typed: "That (1) the reports be
// noted; (2) …; and (3) …" has three parts, each without its number and
// the "; and" that joins it to the next. Text without numbered parts has
// none. A leading label picks the word it is recorded under ("NOTED: The
// report was noted."; see recordedLabel); without one it is RESOLVED.
func ParseResolution(text string) Resolution {
	word, text := recordedLabel(strings.TrimSpace(text))
	r := Resolution{Body: text}
	if word != "RESOLVED" {
		r.RecordedAs = word
	}
	marks := partMarks(text)
	for i, mk := range marks {
		end := len(text)
		if i+1 < len(marks) {
			end = marks[i+1][0]
		}
		part := strings.TrimSpace(text[mk[1]:end])
		part = strings.TrimRight(part, ";, ")
		if rest, ok := strings.CutSuffix(part, " and"); ok {
			part = strings.TrimRight(rest, ";, ")
		}
		if part != "" {
			r.Parts = append(r.Parts, part)
		}
	}
	return r
}

// recordedLabel cuts from text a leading label that names one of the
// words a resolution is recorded under, in any case: "NOTED: The report
// was noted." is noted, as the minutes would print it. word is "" when
// text has none, and text comes back whole.
func recordedLabel(text string) (word, rest string) {
	head, tail, ok := strings.Cut(text, ":")
	if !ok || len(head) > len("DECISION ") && !strings.EqualFold(strings.TrimSpace(head), "RECOMMENDED") {
		return spokenLabel(text)
	}
	word = strings.ToUpper(strings.TrimSpace(head))
	if !recordedWords[word] {
		return "", text
	}
	return word, strings.TrimSpace(tail)
}

// spokenLabel is recordedLabel for a label typed without its colon, as
// it is read out: the word in capitals ("RESOLVED That …", "NOTED The
// report …"), or in any case before "that" ("Resolved that …"). A word
// that merely begins a sentence ("Noted the report with concern") is
// the text.
func spokenLabel(text string) (word, rest string) {
	head, tail, ok := strings.Cut(text, " ")
	tail = strings.TrimSpace(tail)
	word = strings.ToUpper(head)
	if !ok || tail == "" || !recordedWords[word] {
		return "", text
	}
	next, _, _ := strings.Cut(tail, " ")
	if head != word && !strings.EqualFold(next, "that") {
		return "", text
	}
	if next == "that" {
		// As the minutes print it: "RESOLVED: That …".
		tail = "T" + tail[1:]
	}
	return word, tail
}

// DraftMark marks a minute not yet confirmed wherever it is shown.
const DraftMark = "_draft — not yet confirmed_"

func amendMinuteSub() Sub {
	return Sub{
		Name:     "amend",
		Usage:    []string{"/minutes amend [MEETING-DAY] MINUTE TEXT"},
		Summary:  "Replace the text of any minute the draft shows (its RESOLVED text when TEXT begins \"That\" or a label such as \"NOTED:\"); the earlier text is kept in its history. A minute written from the records (apologies, declarations, previous minutes) takes TEXT in place of what they give; one with nothing recorded is minuted, as with /minute. MEETING-DAY names the meeting where another has a minute of that number. It is taken to answer the corrections members proposed to the minute that no amendment has followed: the reply names them, and each member is told by direct message, with the new text, to propose it again if it does not answer theirs.",
		Examples: []string{"/minutes amend 28 The Board considered the report of the Chief Executive of SWACA.", "/minutes amend 28 That the report be noted and circulated."},
		Who:      Officers, Doing: "amend minutes", Run: amendMinute,
	}
}

func commentMinuteSub() Sub {
	return Sub{
		Name:     "comment",
		Usage:    []string{"/minutes comment [MEETING-DAY] MINUTE TEXT", "/minutes comment for @someone|\"Name (Organisation)\" [MEETING-DAY] MINUTE TEXT   (officer or chair, for a correction sent another way)"},
		Summary:  "Propose a correction to any minute the draft shows, those written from the records included; the officer sees it with the draft. MEETING-DAY names the meeting where another has a minute of that number: without it, the latest. An amendment of the minute after it is taken to answer it; sent again, the same correction stands again.",
		Examples: []string{"/minutes comment 28 I gave my apologies for this item", "/minutes comment 2026-12-10 9 The figures were for the last quarter."},
		Who:      Members, Run: commentMinute,
	}
}

func approveMinutesSub() Sub {
	return Sub{
		Name:     "approve",
		Usage:    []string{"/minutes approve [DATE-OF-THE-MINUTES] [as they stand]"},
		Summary:  "Confirm a meeting's minutes as a correct record (by default the last meeting's), at the meeting in progress or by correspondence; they can no longer be changed. Corrections members proposed that no amendment followed are listed first; `as they stand` confirms over them.",
		Examples: []string{"/minutes approve", "/minutes approve 9 December 2021"},
		Date:     approveDateHelp,
		Who:      Chairs, Doing: "confirm minutes", Meeting: (*Service).approvingMeeting, Run: approveMinutes,
	}
}

// correctionsStanding is the corrections members proposed to meeting m's
// minutes that no change to their minute has followed since: what the
// officer has not acted on, which confirmation would leave out of the
// record for good. answered is the rest: those a change to their minute
// has followed, which that change is taken to answer (/minutes amend
// names them, and tells their members); with open, every correction
// proposed. edited is how many changes the minutes have had.
func (s *Service) correctionsStanding(ctx context.Context, m Meeting) (open, answered []MinuteComment, total, edited int, err error) {
	comments, err := s.store.MinuteComments(ctx, m.ID)
	if err != nil || len(comments) == 0 {
		return nil, nil, 0, 0, err
	}
	edits, err := s.store.MinuteHistory(ctx, m.ID)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	// Records of one time (a clock set, or one instant) are ordered by
	// their Seq: an amendment written after a correction of the same time
	// answers it.
	changed := map[string]MinuteEdit{}
	for _, e := range edits {
		if recordedAfter(e.At, e.Seq, changed[e.MinuteNumber].At, changed[e.MinuteNumber].Seq) {
			changed[e.MinuteNumber] = e
		}
	}
	for i, c := range comments {
		switch {
		case recordedAfter(c.At, c.Seq, changed[c.MinuteNumber].At, changed[c.MinuteNumber].Seq):
			open = append(open, c)
		case !proposedAgain(c, comments[i+1:]):
			// One proposed again after the amendment is the member saying
			// it did not answer theirs: counted once, as the later.
			answered = append(answered, c)
		}
	}
	return open, answered, len(comments), len(edits), nil
}

// proposedAgain says whether correction c is among later, by the same
// member to the same minute in the same words.
func proposedAgain(c MinuteComment, later []MinuteComment) bool {
	for _, o := range later {
		if o.By == c.By && o.ByName == c.ByName && o.MinuteNumber == c.MinuteNumber && o.Body == c.Body && recordedAfter(o.At, o.Seq, c.At, c.Seq) {
			return true
		}
	}
	return false
}

// recordedAfter says whether a record at (at, seq) was made after one at
// (than, thanSeq): by time, and of one time by the order written.
func recordedAfter(at time.Time, seq int64, than time.Time, thanSeq int64) bool {
	return at.After(than) || at.Equal(than) && seq > thanSeq
}

// correctionLines are corrections as the refusal to confirm lists them,
// a line each.
func correctionLines(cs []MinuteComment) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		lines[i] = fmt.Sprintf("• Minute %s — %s: “%s”", Escape(c.MinuteNumber), c.from(), Escape(c.Body))
	}
	return strings.Join(lines, "\n")
}

// setAsideText says what minutes confirmed as they stand were confirmed
// over: "1 correction to minute 4". The numbers are
// a's SetAside, one per correction; "" when none was set aside.
func setAsideText(a MinutesApproval) string {
	n := len(a.SetAside)
	if n == 0 {
		return ""
	}
	var minutes []string
	for _, number := range a.SetAside {
		if !slices.Contains(minutes, number) {
			minutes = append(minutes, number)
		}
	}
	return fmt.Sprintf("%d %s to %s %s", n, plural(n, "correction", "corrections"),
		plural(len(minutes), "minute", "minutes"), Escape(joinAnd(minutes)))
}

// correctionStood answers a correction k, for who, that was on record
// already: by whom it was entered, as the history says, for a member who
// did not send it themselves must not be told they had, nor an officer
// that the member had when another officer entered it.
func (s *Service) correctionStood(ctx context.Context, in *Input, t draftTarget, k MinuteComment, who Member) (Reply, error) {
	const seen = " The officer sees it with the draft minutes."
	number := Escape(t.Minute.Number)
	meetingID := t.Minute.MeetingID
	if meetingID == 0 && t.New != nil {
		meetingID = t.New.MeetingID
	}
	cs, err := s.store.MinuteComments(ctx, meetingID)
	if err != nil {
		return Reply{}, err
	}
	var stood MinuteComment
	for _, c := range cs {
		if c.MinuteNumber == t.Minute.Number && c.Body == k.Body && c.By == k.By && c.ByName == k.ByName {
			stood = c
		}
	}
	by := "<@" + stood.EnteredBy + ">"
	if stood.EnteredBy == in.UserID {
		by = "you"
	}
	switch {
	case k.EnteredBy == "" && stood.EnteredBy != "":
		return private("This correction to minute %s was already proposed for you, entered by %s; nothing changed.%s", number, by, seen), nil
	case k.EnteredBy == "":
		return private("You had already proposed this correction to minute %s; nothing changed.%s", number, seen), nil
	case stood.EnteredBy != "":
		return private("This correction to minute %s from %s was already entered for them by %s; nothing changed.%s", number, whoText(who), by, seen), nil
	}
	return private("%s had already proposed this correction to minute %s; nothing changed.%s", whoText(who), number, seen), nil
}

// draftTarget is the minute /minutes amend or /minutes comment is for.
type draftTarget struct {
	Minute
	// New, for a minute the draft shows with nothing recorded under its
	// agenda item yet (one written from the records, or an item not yet
	// minuted), is the write that makes it; Minute.ID is then 0.
	New *MinuteWrite
	// Shown is the minute as the draft shows it, its text escaped; zero
	// for a minute on record that no draft shows (imported minutes).
	Shown DocMinute
}

// draftMinute reads "MINUTE TEXT" and finds the minute, which must be a
// draft: any minute the draft shows, whether recorded or written from the
// records. confirmed says why one that is not is refused, as it is to be
// amended or commented on.
func (s *Service) draftMinute(ctx context.Context, in *Input, confirmed string) (draftTarget, string, error) {
	c := in.Committee
	// "Minute 28" as the minutes print it, or "Item 7.7" as the agenda
	// does, which is answered with the item's minute number.
	asItem := len(in.Args) > 1 && strings.EqualFold(strings.TrimRight(in.Args[0], ":."), "item")
	args := dropLabel(dropLabel(in.Args, "minute"), "item")
	// The meeting's day may come first, where numbers start again each
	// year: taken so only where that meeting has a minute of the number
	// after it, so that a minute numbered like a day ("9/12") is still
	// that minute.
	var on Date
	var t draftTarget
	found := false
	d, dn, err := takeDate(args, in.Now, c.Location())
	if _, number := minuteNumber(firstArg(args)); err != nil && !number {
		// A day that is no day ("31/02/2027") is answered as that, not as
		// a minute number.
		return draftTarget{}, "", badArgs(err)
	}
	if err == nil && dn > 0 && !d.IsNext() {
		rest := dropLabel(args[dn:], "minute")
		if len(rest) > 1 && strings.EqualFold(strings.TrimRight(rest[0], ":."), "item") {
			asItem, rest = true, rest[1:]
		}
		if number, ok := minuteNumber(firstArg(rest)); ok {
			got, ok, missing, err := s.minuteToCorrect(ctx, in, d, number)
			if err != nil {
				return draftTarget{}, "", err
			}
			if ok {
				on, args, t, found = d, rest, got, true
			} else if _, also := minuteNumber(args[0]); !also {
				if missing == "" {
					missing = fmt.Sprintf("No minute %s of the meeting on %s is on record.", Escape(number), d)
				}
				return draftTarget{}, "", usageErr("%s", missing)
			}
		} else if _, also := minuteNumber(args[0]); !also && len(rest) > 0 {
			// The day was read as one: the word after it is what is no
			// minute number, not the day.
			return draftTarget{}, "", usageErr("`%s` is not a minute number.", inCode(echoWord(rest[0])))
		}
	}
	if number, ok := minuteNumber(firstArg(args)); ok && len(args) == 1 {
		// The day given stays in the form to copy, which without it would
		// name the latest minute of that number.
		day := ""
		if found {
			day = on.Start(time.UTC).Format("2006-01-02") + " "
		}
		if in.sub.Name == "amend" {
			return draftTarget{}, "", usageErr("Give minute %s's new text, after its number: `/minutes amend %s%s TEXT`.", Escape(number), day, Escape(number))
		}
		return draftTarget{}, "", usageErr("Give the correction to minute %s, after its number: `/minutes comment %s%s TEXT`.", Escape(number), day, Escape(number))
	}
	if len(args) < 2 {
		return draftTarget{}, "", usageErr("Give the minute's number and the text.")
	}
	number, ok := minuteNumber(args[0])
	if !ok {
		return draftTarget{}, "", usageErr("`%s` is not a minute number.", inCode(echoWord(args[0])))
	}
	words := args[1:]
	if in.sub.Name == "amend" {
		// A narrative amended keeps its paragraphs, as /minute does.
		words = in.typedLines(words)
	}
	text := cleanText(s.namedMentions(ctx, plainMarked(words))) // see recordMinute
	switch {
	case text == "":
		return draftTarget{}, "", usageErr("Give the minute's number and the text.")
	case utf8.RuneCountInString(text) > maxMinuteText:
		return draftTarget{}, "", usageErr("That is too long (%d characters; the limit is %d).", utf8.RuneCountInString(text), maxMinuteText)
	}
	if !found {
		got, ok, missing, err := s.minuteToCorrect(ctx, in, on, number)
		if err != nil {
			return draftTarget{}, "", err
		}
		if !ok {
			if missing == "" {
				missing = fmt.Sprintf("No minute %s of %s is on record.", Escape(number), Escape(c.Name))
			}
			return draftTarget{}, "", usageErr("%s", missing)
		}
		t = got
	}
	if asItem && t.Item != number {
		// Minute 8 is not item 8's where the numbers differ: the minute
		// the item is, not the one its number names, is meant, and the
		// answer gives it, as it does where no minute has the number.
		its, listed, err := s.itemsMinute(ctx, c, t.HeldOn, in.Now, number)
		if err != nil {
			return draftTarget{}, "", err
		}
		if its != "" {
			return draftTarget{}, "", usageErr("Minute %s is not item %s's. %s", Escape(t.Number), Escape(number), itemMinuteHint(number, its, listed))
		}
		return draftTarget{}, "", usageErr("Minute %s is not item %s's: give the number of the minute, as the draft minutes show it (`/minutes draft %s`).",
			Escape(t.Number), Escape(number), t.HeldOn.Start(time.UTC).Format("2006-01-02"))
	}
	if !t.Draft {
		return draftTarget{}, "", userErr("Minute %s (%s) is confirmed as a correct record and %s %s", Escape(t.Number), t.HeldOn, confirmed, correctionWay(t.HeldOn))
	}
	return t, text, nil
}

// minuteToCorrect finds minute number of the meeting on day on, or, with
// no day, the latest: a minute on record, or one the draft of the meeting
// the minutes commands mean shows — written from the records (apologies,
// declarations, the previous minutes) or with nothing recorded yet — for
// a member reads the draft and cites its numbers. Not found, missing says
// why, naming the numbers the draft has, where there is a draft to name
// them from ("" otherwise).
func (s *Service) minuteToCorrect(ctx context.Context, in *Input, on Date, number string) (t draftTarget, ok bool, missing string, err error) {
	c := in.Committee
	loc := c.Location()
	ms, err := s.store.MinutesByNumber(ctx, c.ID, number, on, 1)
	if err != nil {
		return draftTarget{}, false, "", err
	}
	var m Meeting
	if on.IsNext() {
		m, err = s.minutesMeeting(ctx, in, on)
	} else {
		m, err = s.meetingFor(ctx, c, on, in.Now)
	}
	var none *UserError
	switch {
	case errors.As(err, &none):
		// No meeting held, or none that day: only minutes on record.
		return draftTarget{Minute: firstMinute(ms)}, len(ms) > 0, "", nil
	case err != nil:
		return draftTarget{}, false, "", err
	}
	if len(ms) > 0 && ms[0].MeetingID != m.ID && !ms[0].HeldOn.Start(time.UTC).Before(DateOf(m.StartsAt, loc).Start(time.UTC)) {
		return draftTarget{Minute: ms[0]}, true, "", nil
	}
	day := formatDay(m.StartsAt, loc)
	if m.Status == MeetingCancelled || (m.StartsAt.After(in.Now) && m.Status != MeetingHeld) {
		if len(ms) > 0 {
			return draftTarget{Minute: ms[0]}, true, "", nil
		}
		if m.Status == MeetingCancelled {
			return draftTarget{}, false, fmt.Sprintf("The meeting on %s was cancelled; it has no minutes.", day), nil
		}
		if run, ok, err := s.runningMeeting(ctx, c); err != nil {
			return draftTarget{}, false, "", err
		} else if !ok || run.ID != m.ID {
			return draftTarget{}, false, fmt.Sprintf("The meeting on %s has not taken place yet; its minutes are written during or after it.", day), nil
		}
	}
	src, _, err := s.minutesSource(ctx, c, m)
	if err != nil {
		return draftTarget{}, false, "", err
	}
	doc := CompileMinutes(src)
	numbers := minuteNumbers(src.Items, src.Minutes, src.Base)
	var shown *draftTarget
	for _, dm := range doc.Minutes {
		if dm.Number != Escape(number) {
			continue
		}
		t := draftTarget{Shown: dm}
		for _, mi := range src.Minutes {
			if (dm.Item != "" && mi.Item == dm.Item) || (dm.Item == "" && mi.Item == "" && mi.Number == number) {
				t.Minute = mi
			}
		}
		if t.ID != 0 {
			// Confirmed with the rest, whatever its own row says: the
			// draft's status is the minutes'.
			t.Draft = t.Draft && doc.Draft
			return t, true, "", nil
		}
		for i, it := range src.Items {
			if it.Number != dm.Item {
				continue
			}
			w := MinuteWrite{CommitteeID: c.ID, MeetingID: m.ID, HeldOn: DateOf(m.StartsAt, loc), Item: it.Number, Number: numbers[i],
				Position: i + 1, Title: strings.ToUpper(it.Title), References: it.References}
			t.New = &w
			t.Minute = Minute{CommitteeID: c.ID, CommitteeName: c.Name, MeetingID: m.ID, HeldOn: w.HeldOn, Number: w.Number,
				Title: w.Title, References: it.References, Draft: doc.Draft, Item: it.Number}
			shown = &t
		}
	}
	switch {
	case len(ms) > 0 && ms[0].Draft:
		// An earlier meeting's draft minute, on record, is the one meant
		// over a minute of this meeting nothing is recorded in yet: at
		// the meeting that confirms them, members correct the previous
		// minutes, whose numbers this meeting's repeat in a new year.
		return draftTarget{Minute: ms[0]}, true, "", nil
	case shown != nil:
		return *shown, true, "", nil
	case len(ms) > 0:
		return draftTarget{Minute: ms[0]}, true, "", nil
	}
	if !doc.Draft || len(doc.Minutes) == 0 {
		return draftTarget{}, false, "", nil
	}
	missing = fmt.Sprintf("The draft minutes of the meeting on %s have %s; there is no minute %s.", day, docNumbers(doc), Escape(number))
	// The number of an agenda item, as /resolve and /minute take it, is
	// answered with its minute's, which the reply to those gave.
	if its, listed := docItemMinute(doc, number); its != "" {
		missing += " " + itemMinuteHint(number, its, listed)
	}
	return draftTarget{}, false, missing, nil
}

// docItemMinute is the number doc gives agenda item item's minute, or
// that of the minute listing it under its heading (listed); "" if none.
func docItemMinute(doc MinutesDocument, item string) (number string, listed bool) {
	for _, dm := range doc.Minutes {
		switch {
		case dm.Item == item:
			return dm.Number, false
		case slices.Contains(dm.Under, item):
			return dm.Number, true
		}
	}
	return "", false
}

// itemMinuteHint answers an agenda item's number given for a minute's:
// "Item 7.5 is minute 8: give the minute's number, 8.", or, for one listed
// in its heading's minute, "Item 7.5 is listed in minute 7: give that
// minute's number, 7."
func itemMinuteHint(item, minute string, listed bool) string {
	if listed {
		return fmt.Sprintf("Item %s is listed in minute %s: give that minute's number, %s.", Escape(item), minute, minute)
	}
	return fmt.Sprintf("Item %s is minute %s: give the minute's number, %s.", Escape(item), minute, minute)
}

// itemsMinute is the number the draft minutes of the meeting on day on
// give agenda item item's minute, or "" where they have none for it;
// listed when it is its heading's, which lists it (docItemMinute).
func (s *Service) itemsMinute(ctx context.Context, c Committee, on Date, now time.Time, item string) (string, bool, error) {
	m, err := s.meetingFor(ctx, c, on, now)
	var none *UserError
	switch {
	case errors.As(err, &none):
		return "", false, nil
	case err != nil:
		return "", false, err
	}
	src, _, err := s.minutesSource(ctx, c, m)
	if err != nil {
		return "", false, err
	}
	n, listed := docItemMinute(CompileMinutes(src), item)
	return n, listed, nil
}

// firstMinute is ms[0], or the zero Minute.
func firstMinute(ms []Minute) Minute {
	if len(ms) == 0 {
		return Minute{}
	}
	return ms[0]
}

// docNumbers names the numbers of doc's minutes as a reader would say
// them: "minutes 30 to 38" when they run on, else each ("minutes 4, 5
// and 9"), or "only minute 4".
func docNumbers(doc MinutesDocument) string {
	if len(doc.Minutes) == 1 {
		return "only minute " + doc.Minutes[0].Number
	}
	run := true
	first, _ := strconv.Atoi(doc.Minutes[0].Number)
	for i, dm := range doc.Minutes {
		if n, err := strconv.Atoi(dm.Number); err != nil || n != first+i {
			run = false
		}
	}
	if run {
		return fmt.Sprintf("minutes %s to %s", doc.Minutes[0].Number, doc.Minutes[len(doc.Minutes)-1].Number)
	}
	names := make([]string, len(doc.Minutes))
	for i, dm := range doc.Minutes {
		names[i] = dm.Number
	}
	return "minutes " + joinAnd(names)
}

// deferredNotDecided refuses a decision recorded, by /resolve or an
// amendment, under item, deferred at the meeting held on day: its minute
// would read both.
func deferredNotDecided(item string, day Date) error {
	return userErr("Item %s was deferred to the next meeting at the meeting on %s; a deferred item is not decided there, and its minute would say both. Nothing was saved. If it was taken after all, `/minute defer undo %s %s` takes the deferral back; then record the decision.",
		Escape(item), day, day.iso(), Escape(item))
}

func amendMinute(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	t, text, err := s.draftMinute(ctx, in, "can no longer be changed.")
	if err != nil {
		return Reply{}, err
	}
	mi := t.Minute
	w := MinuteWrite{CommitteeID: c.ID, MeetingID: mi.MeetingID, HeldOn: mi.HeldOn, Item: mi.Item, Number: mi.Number, Title: mi.Title}
	if t.New != nil {
		// Nothing recorded under the item yet: amending it minutes it, as
		// /minute would, and the text stands in the draft in place of
		// what was drawn from the records.
		w = *t.New
	}
	w.Action, w.By, w.IfChanged = "amended", in.UserID, true
	// A decision is recorded on one line, as /resolve records it; the
	// draft sets its parts out.
	flat := strings.Join(strings.Fields(text), " ")
	// A word for no decision ("None.") is refused only where the minute
	// has a decision it would print as resolved: a narrative minute reads
	// "None." under any other business, as it always could.
	word, rest := recordedLabel(flat)
	if word != "" || strings.HasPrefix(rest, "That ") || saysNothing(rest) && (len(mi.Resolutions) > 0 || noDecisionWord(rest) == "") {
		r := ParseResolution(flat)
		if saysNothing(r.Body) {
			return Reply{}, nothingResolvedErr(r.Body, mi.Item)
		}
		w.Resolution = &r
	} else {
		w.Narrative = &text
	}
	// The part replaced, as the draft showed it: drawn from the records
	// when the minute has none of its own.
	was, drawn := mi.Narrative, t.Shown.Narrative
	if w.Resolution != nil {
		was, drawn = mi.Resolved(), strings.Join(t.Shown.Resolved, "\n")
	}
	if was == "" {
		w.Drawn = Unescape(drawn)
	}
	w.At, w.Replaces = in.Now, &was
	if err := s.answering(ctx, in, &w, "amended minute %s", mi.Number, text); err != nil {
		return Reply{}, err
	}
	out, err := s.store.WriteMinute(ctx, w)
	if errors.Is(err, ErrMinutesChanged) {
		return Reply{}, minutesChangedErr()
	}
	if errors.Is(err, ErrDeferred) {
		return Reply{}, deferredNotDecided(mi.Item, mi.HeldOn)
	}
	if errors.Is(err, ErrConflict) {
		return Reply{}, userErr("The minutes of %s are confirmed as a correct record and can no longer be changed. %s", mi.HeldOn, correctionWay(mi.HeldOn))
	}
	if errors.Is(err, ErrUnchanged) {
		part := "narrative"
		if w.Resolution != nil {
			part = w.Resolution.Word() + " text"
		}
		return private("Minute %s's %s already reads so; nothing changed.", Escape(mi.Number), part), nil
	}
	if err != nil {
		return Reply{}, err
	}
	reply := writtenReply(c, out)
	reply.Text = fmt.Sprintf("Minute %s amended; the earlier text is kept in its history.", Escape(out.Number))
	switch {
	case was != "":
		reply.Sections = append(reply.Sections, Section{Title: "It read", Text: plainText(cutBytes(was, maxNarrative))})
	case drawn != "":
		// Drawn from the records, it was never kept as the minute's text:
		// from now on the officer's stands, whatever those records say.
		reply.Text = fmt.Sprintf("Minute %s amended: your text stands in the minutes in place of what they drew from the records (below); later changes to those records no longer alter it.", Escape(out.Number))
		reply.Sections = append(reply.Sections, Section{Title: "It read", Text: strings.ReplaceAll(cutBytes(drawn, maxNarrative), "*", "∗")})
	case t.Shown.Pending:
		reply.Text = fmt.Sprintf("Minute %s amended: nothing was recorded under item %s before.", Escape(out.Number), Escape(out.Item))
	case mi.Narrative == "" && len(mi.Resolutions) == 0:
		// A minute written from the records, given its first RESOLVED
		// text: nothing of it was replaced.
		reply.Text = fmt.Sprintf("Minute %s amended.", Escape(out.Number))
	}
	if len(w.Answers) > 0 {
		reply.Sections = append(reply.Sections, answeringSection(w, mi.Number))
	}
	return reply, nil
}

// answering sets on w, a change to minute number that makes text its
// new part, the corrections standing on the minute, which any change to
// it is taken to answer, and the direct messages telling each member who
// proposed one, other than the officer making it, with the minute's new
// text: what the officer did not mean to answer, the member can propose
// again before the minutes are confirmed, rather than find it confirmed
// over. /minutes amend, /minute, /resolve, a deferral and its undoing,
// and the confirmation /minutes approve adds all change a minute so.
//
// did says what the officer did, in the words of the message that
// follows their mention, with %s for the minute's number: "amended
// minute %s", "recorded a decision in minute %s". Each member is told
// what was done, not, whatever it was, that the minute was amended.
func (s *Service) answering(ctx context.Context, in *Input, w *MinuteWrite, did, number, text string) error {
	open, _, n, _, err := s.correctionsStanding(ctx, Meeting{ID: w.MeetingID})
	if err != nil {
		return err
	}
	w.Corrections = &n
	for _, k := range open {
		if k.MinuteNumber == number {
			w.Answers = append(w.Answers, k)
		}
	}
	c := in.Committee
	var told []string
	for _, k := range w.Answers {
		if slices.Contains(told, k.By) {
			continue
		}
		told = append(told, k.By)
		var yours []string
		for _, o := range w.Answers {
			if o.By == k.By && o.ByName == k.ByName {
				yours = append(yours, "“"+Escape(o.Body)+"”")
			}
		}
		m := toldOf(c, Member{UserID: k.By}, in.Request, fmt.Sprintf(did+" of the meeting of *%s* on %s, which is now taken to answer your %s: %s\nIt now reads:\n>%s\nIf it does not answer %s, propose it again before the minutes are confirmed: `/minutes comment %s %s TEXT` in <#%s>.",
			Escape(number), Escape(c.Name), w.HeldOn, plural(len(yours), "correction", "corrections"), joinAnd(yours),
			Escape(cutBytes(strings.Join(strings.Fields(text), " "), maxNarrative)), plural(len(yours), "it", "one of them"), w.HeldOn.iso(), Escape(number), c.ChannelID))
		if m != nil {
			w.Told = append(w.Told, *m)
		}
	}
	return nil
}

// answeringSection is the part of the reply to w, a change to minute
// number, that names the corrections it is
// taken to answer, and how one it does not answer stands again.
func answeringSection(w MinuteWrite, number string) Section {
	day := w.HeldOn
	told := ""
	if len(w.Told) > 0 {
		told = " Those who proposed them are told by direct message, with the minute's new text."
	}
	return Section{Title: "Corrections it is taken to answer", Text: fmt.Sprintf("%s\nThe minutes can be confirmed over them without `as they stand`.%s A correction it does not answer stands again when proposed again: `/minutes comment %s %s TEXT` (for a member, `/minutes comment for @someone %s %s TEXT`).",
		correctionLines(w.Answers), told, day.iso(), Escape(number), day.iso(), Escape(number))}
}

// answeredText says, in the notice of minutes confirmed, which
// corrections members proposed were answered by an amendment of their
// minute, as it says which were set aside: "2 corrections members
// proposed were answered by an amendment of their minute: <@U1>'s and
// <@U2>'s to minute 4." Their text is not quoted: a member reads only
// their own in the history, and the notice is the channel's. "" when
// none was.
func answeredText(cs []MinuteComment) string {
	if len(cs) == 0 {
		return ""
	}
	var minutes []string
	by := map[string][]string{}
	for _, k := range cs {
		if _, ok := by[k.MinuteNumber]; !ok {
			minutes = append(minutes, k.MinuteNumber)
		}
		by[k.MinuteNumber] = append(by[k.MinuteNumber], personText(k.By, k.ByName)+"'s")
	}
	parts := make([]string, len(minutes))
	for i, number := range minutes {
		parts[i] = joinAnd(by[number]) + " to minute " + Escape(number)
	}
	return fmt.Sprintf("%d %s members proposed %s answered by an amendment of %s minute: %s.", len(cs), plural(len(cs), "correction", "corrections"),
		plural(len(cs), "was", "were"), plural(len(cs), "its", "their"), strings.Join(parts, "; "))
}

func commentMinute(ctx context.Context, s *Service, in *Input) (Reply, error) {
	// Confirmed minutes are corrected, if at all, by the committee at a
	// later meeting, which is where a member's point must go.
	//
	// An officer or the chair enters one a member sent another way (by
	// email, on paper) with `for` first, as apologies are entered: it is
	// theirs, and says who entered it.
	const doing = "enter a correction for someone else"
	b, args, found, err := takeFor(in.Args)
	if err != nil {
		return Reply{}, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	who := in.Me
	if found {
		if who, err = s.onBehalf(ctx, in, b, doing, "/minutes comment", true); err != nil {
			return Reply{}, err
		}
		in.Args = args
	} else if isFor(args) {
		return Reply{}, s.forNotNamed(ctx, in, args, "/minutes comment", " MINUTE TEXT", doing)
	}
	const closed = "can no longer be commented on."
	t, text, err := s.draftMinute(ctx, in, closed)
	if err != nil {
		return Reply{}, err
	}
	mi := t.Minute
	k := MinuteComment{Body: text, By: who.UserID, At: in.Now}
	if who.UserID == "" {
		// Kept as given: it is escaped where it is shown.
		k.ByName = who.Name
		if who.Organisation != "" {
			k.ByName += " (" + who.Organisation + ")"
		}
	}
	if who.UserID != in.UserID {
		k.EnteredBy = in.UserID
	}
	// The correction is the member's, weighed as theirs before the
	// minutes are confirmed: one they did not send is theirs to disown.
	told := toldOf(in.Committee, who, in.Request, fmt.Sprintf("entered a correction for you to minute %s of the meeting of *%s* on %s: “%s”\nThe officer sees it as yours with the draft minutes. If it is not yours, tell the officer before the minutes are confirmed.",
		Escape(mi.Number), Escape(in.Committee.Name), mi.HeldOn, Escape(text)))
	// A minute the draft writes from the records, or one with nothing
	// recorded yet, is made (t.New) for the correction to stand on.
	err = s.store.CommentMinute(ctx, mi.ID, t.New, k, told)
	switch {
	case errors.Is(err, ErrMinutesChanged):
		// The minute's number, read from the draft, was taken by another
		// item's minute before the write: the member's correction may be
		// meant for that one, so it is not put on either.
		return Reply{}, minutesChangedErr()
	case errors.Is(err, ErrConflict):
		return Reply{}, userErr("Minute %s (%s) is confirmed as a correct record and %s", Escape(mi.Number), mi.HeldOn, closed)
	case errors.Is(err, ErrUnchanged):
		return s.correctionStood(ctx, in, t, k, who)
	case err != nil:
		return Reply{}, err
	case k.EnteredBy != "":
		return private("%s", withTold(fmt.Sprintf("The correction to minute %s from %s is recorded; the officer sees it with the draft minutes.", Escape(mi.Number), whoText(who)), told)), nil
	}
	return private("Your correction to minute %s is recorded; the officer sees it with the draft minutes.", Escape(mi.Number)), nil
}

func approveMinutes(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	// Minutes are confirmed after their meeting: the next meeting has
	// none yet, and taking `next` as the default would confirm others.
	if len(in.Args) > 0 && strings.EqualFold(in.Args[0], "next") {
		return Reply{}, usageErr("The next meeting has no minutes to confirm yet. Give the day of the meeting whose minutes these are, or no date for the last meeting's.")
	}
	// "as they stand": confirmed over corrections members proposed that
	// no change to their minute followed (refused below without it).
	asTheyStand := false
	if n := len(in.Args); n >= 3 && strings.EqualFold(strings.Join(in.Args[n-3:], " "), "as they stand") {
		asTheyStand, in.Args = true, in.Args[:n-3]
	}
	if _, n, err := in.takeDate(); err == nil && n < len(in.Args) && strings.EqualFold(in.Args[n], "as") {
		// "as is", "as they are": the words that confirm over corrections
		// are "as they stand", which "takes only a date" would not say.
		form := strings.Join(append(slices.Clone(in.Args[:n]), "as they stand"), " ")
		return Reply{}, usageErr("`%s` is not read: to confirm the minutes as they stand, over corrections proposed, type `/minutes approve %s`.",
			Escape(truncateText(strings.Join(in.Args[n:], " "), 40)), Escape(form))
	}
	d, err := in.date()
	if err != nil {
		return Reply{}, err
	}
	// The meeting that approves: the one in progress, or held today.
	var at *Meeting
	if am, err := s.approvingMeeting(ctx, in, d); err == nil {
		at = &am
	} else if !errors.Is(err, errByCorrespondence) {
		return Reply{}, err
	}
	var m Meeting
	if !d.IsNext() {
		if m, err = s.meetingFor(ctx, c, d, in.Now); err != nil {
			return Reply{}, err
		}
	} else {
		before := in.Now
		if at != nil {
			// Before the approving meeting was held, not its advertised
			// start: opened early, it is not its own previous meeting.
			if before, err = s.heldFrom(ctx, *at); err != nil {
				return Reply{}, err
			}
		}
		m, err = s.store.PreviousMeeting(ctx, c.ID, before)
		if errors.Is(err, ErrNotFound) {
			drafts, err := s.draftsToConfirm(ctx, c, asTheyStand)
			if err != nil {
				return Reply{}, err
			}
			return Reply{}, userErr("%s has no earlier meeting whose minutes could be confirmed.%s", Escape(c.Name), drafts)
		}
		if err != nil {
			return Reply{}, err
		}
	}
	if m.Status == MeetingCancelled {
		return Reply{}, userErr("The meeting on %s was cancelled; it has no minutes to confirm.", formatDay(m.StartsAt, loc))
	}
	if at != nil && at.ID == m.ID {
		// A meeting does not confirm its own minutes. Held earlier today
		// and closed, it is confirmed by correspondence, as it would be
		// tomorrow; still in progress, it is refused below.
		at = nil
	}
	// Today's meeting, closed with its own minutes confirmed since, can
	// no longer record the confirmation in its minutes, which say these
	// were still to confirm: it is by correspondence, as it would be
	// tomorrow, not refused as if these were confirmed already.
	sealed := false
	if at != nil {
		if _, err := s.store.MinutesApprovalOf(ctx, at.ID); err == nil {
			at, sealed = nil, true
		} else if !errors.Is(err, ErrNotFound) {
			return Reply{}, err
		}
	}
	if m.StartsAt.After(in.Now) && m.Status != MeetingHeld {
		return Reply{}, userErr("The minutes of the meeting on %s can be confirmed once it has closed.", formatDay(m.StartsAt, loc))
	}
	if run, ok, err := s.runningMeeting(ctx, c); err != nil {
		return Reply{}, err
	} else if ok && run.ID == m.ID {
		return Reply{}, userErr("The meeting on %s is still in progress; its minutes can be confirmed once it has closed.", formatDay(m.StartsAt, loc))
	}
	// Minutes confirmed as a correct record say what became of every
	// item: an item with nothing recorded would be confirmed, for good,
	// as "Nothing recorded yet".
	// Minutes with nothing recorded at all, or confirmed already
	// (imported minutes are), are refused below, as such. A meeting held
	// in Quorum has its draft drawn from the records before anything is
	// minuted: the answer names what is still to record, as /minutes
	// draft shows it, rather than that no minutes are on record.
	here, err := s.heldHere(ctx, m)
	if err != nil {
		return Reply{}, err
	}
	var setAside []string // the minute of each correction confirmed over
	weighed, seen, edits := false, 0, 0
	var settled []MinuteComment // the corrections an amendment answered
	if src, _, err := s.minutesSource(ctx, c, m); err != nil {
		return Reply{}, err
	} else if doc := CompileMinutes(src); doc.Draft && (len(src.Minutes) > 0 || here) {
		if pending, first := pendingMinutes(doc, src.Items); len(pending) > 0 {
			return Reply{}, userErr("The minutes of the meeting on %s cannot be confirmed yet: nothing is recorded for %s. Record what became of each — %s — then confirm them.",
				formatDay(m.StartsAt, loc), joinAnd(pending), pendingExample(m, loc, first))
		}
		open, answered, total, edited, err := s.correctionsStanding(ctx, m)
		if err != nil {
			return Reply{}, err
		}
		weighed, seen, edits, settled = true, total, edited, answered
		if len(open) > 0 && !asTheyStand {
			return Reply{}, userErr("The minutes of the meeting on %s are not confirmed: members proposed corrections that no change to their minute has followed:\n%s\nAmend a minute with `/minutes amend NUMBER TEXT`, or, if the meeting does not accept them, confirm the minutes as they stand: `/minutes approve %s as they stand`.",
				formatDay(m.StartsAt, loc), correctionLines(open), DateOf(m.StartsAt, loc).Start(time.UTC).Format("2006-01-02"))
		}
		for _, k := range open {
			setAside = append(setAside, k.MinuteNumber)
		}
	}
	a := MinutesApproval{MeetingID: m.ID, At: in.Now, By: in.UserID, SetAside: setAside, Answered: settled, CommentsWeighed: weighed, CommentsSeen: seen, EditsSeen: edits}
	where := "by correspondence"
	recordedIn := ""  // the approving meeting's minute that records it
	confirmItem := "" // the approving meeting's item that takes them
	if at != nil {
		a.AtMeetingID = at.ID
		where = "at the meeting on " + formatDay(at.StartsAt, loc)
		if items, err := s.store.AgendaItems(ctx, at.ID); err != nil {
			return Reply{}, err
		} else {
			for _, it := range items {
				if strings.EqualFold(it.Title, StandardItems[2].Title) {
					confirmItem = it.Number
					base, _, err := s.minuteBase(ctx, c, *at)
					if err != nil {
						return Reply{}, err
					}
					w, _, err := s.itemWrite(ctx, c, *at, base, it.Number, "")
					if err != nil {
						return Reply{}, err
					}
					recordedIn = w.Number
					// What the item records already stands — the officer's
					// own words, or other minutes confirmed at this meeting:
					// the confirmation is added to it, unless it names
					// these minutes already.
					done, err := s.store.MeetingMinutes(ctx, at.ID)
					if err != nil {
						return Reply{}, err
					}
					named, had := false, ""
					for _, mi := range done {
						if mi.Item == it.Number {
							recordedIn = mi.Number
							named = strings.Contains(mi.Resolved(), previousDay(m, loc))
							had = mi.Resolved()
						}
					}
					if named {
						break
					}
					r := ParseResolution(confirmationPrefix + previousDay(m, loc) + confirmationSuffix)
					w.Resolution, w.AddResolution, w.Action, w.By, w.At = &r, true, "resolved", in.UserID, in.Now
					// The confirmation changes the minute, as an amendment
					// does: corrections proposed to it are taken as
					// answered, and their members told.
					if err := s.answering(ctx, in, &w, "added the confirmation of the last minutes to minute %s", recordedIn, strings.TrimSpace(had+"\n"+r.Body)); err != nil {
						return Reply{}, err
					}
					a.Record = &w
					break
				}
			}
		}
	}
	err = s.store.ApproveMinutes(ctx, a)
	switch {
	case errors.Is(err, ErrNotFound):
		drafts := ""
		if d.IsNext() {
			if drafts, err = s.draftsToConfirm(ctx, c, asTheyStand); err != nil {
				return Reply{}, err
			}
		}
		if !here && confirmItem != "" {
			// Minuted before the committee came to Quorum: today's
			// meeting records what it did about them under its own item,
			// rather than the clerk writing up a meeting long past.
			return Reply{}, userErr("No minutes of the meeting on %s are on record in Quorum to confirm: it was not held here. %s To confirm them here instead, import them first (`/minutes import`).",
				formatDay(m.StartsAt, loc), confirmedHere(m, *at, confirmItem, loc))
		}
		return Reply{}, userErr("No minutes of the meeting on %s are on record to confirm. Record them with `/resolve` and `/minute`, or import them.%s", formatDay(m.StartsAt, loc), drafts)
	case errors.Is(err, ErrMinutesChanged):
		// The approving meeting's minute that records it lost its number
		// to another item's minute meanwhile, or that meeting's own
		// minutes were confirmed (sent again, this is by
		// correspondence), or a correction or amendment was made after
		// the approval weighed them.
		return Reply{}, minutesChangedErr()
	case errors.Is(err, ErrConflict):
		if !here && confirmItem != "" {
			// Imported as published, with no confirmation on record:
			// today's meeting records what it did about them, as for
			// minutes Quorum does not hold.
			if _, aerr := s.store.MinutesApprovalOf(ctx, m.ID); errors.Is(aerr, ErrNotFound) {
				return Reply{}, userErr("The minutes of the meeting on %s are already confirmed as a correct record: Quorum holds them as they were published. %s",
					formatDay(m.StartsAt, loc), confirmedHere(m, *at, confirmItem, loc))
			}
		}
		return Reply{}, userErr("The minutes of the meeting on %s are already confirmed as a correct record.", formatDay(m.StartsAt, loc))
	case err != nil:
		return Reply{}, err
	}
	text := fmt.Sprintf("The minutes of the meeting of *%s* on %s are confirmed as a correct record, %s, by <@%s>. They can no longer be changed.",
		Escape(c.Name), formatDay(m.StartsAt, loc), where, in.UserID)
	if aside := setAsideText(a); aside != "" {
		text = fmt.Sprintf("The minutes of the meeting of *%s* on %s are confirmed as a correct record as they stand, %s, by <@%s>, setting aside %s that members proposed and no amendment followed. They can no longer be changed.",
			Escape(c.Name), formatDay(m.StartsAt, loc), where, in.UserID, aside)
	}
	if answered := answeredText(a.Answered); answered != "" {
		text += " " + answered
	}
	if recordedIn != "" {
		text += fmt.Sprintf(" Minute %s of this meeting records it.", Escape(recordedIn))
	}
	if sealed {
		text += " (Today's meeting's own minutes are confirmed already, and cannot record it.)"
	}
	return Reply{Visibility: Public, Text: text}, nil
}

// draftsToConfirm names, for the answer to `/minutes approve` without a
// date that found nothing to confirm, the minutes drafted in Quorum and
// not yet confirmed, each with the form that confirms them: without a
// date the minutes are the previous meeting's, and on the day a meeting
// closed those are not the ones the officer has in mind. The form keeps
// `as they stand` when it was asked for. "" when none.
func (s *Service) draftsToConfirm(ctx context.Context, c Committee, asTheyStand bool) (string, error) {
	ms, err := s.store.DraftMinutesMeetings(ctx, c.ID, 5)
	if err != nil || len(ms) == 0 {
		return "", err
	}
	loc := c.Location()
	names := make([]string, len(ms))
	for i, m := range ms {
		form := "/minutes approve " + m.StartsAt.In(loc).Format("2006-01-02")
		if asTheyStand {
			form += " as they stand"
		}
		names[i] = fmt.Sprintf("%s (`%s`)", formatDay(m.StartsAt, loc), form)
	}
	return " Minutes drafted in Quorum and not yet confirmed: " + joinAnd(names) + ".", nil
}

// pendingMinutes names the minutes of doc with nothing recorded, by their
// numbers and items ("minute 35 (item 7.7, Sefton CVS)"), and gives the
// first one, whose item the answer's example records.
func pendingMinutes(doc MinutesDocument, items []AgendaItem) (names []string, first DocMinute) {
	for _, dm := range doc.Minutes {
		if !dm.Pending {
			continue
		}
		if len(names) == 0 {
			first = dm
		}
		title := ""
		for _, it := range items {
			if it.Number == dm.Item {
				title = ", " + Escape(it.Title)
			}
		}
		names = append(names, fmt.Sprintf("minute %s (item %s%s)", dm.Number, dm.Item, title))
	}
	return names, first
}

// pendingExample is the command that records first, a minute of m with
// nothing recorded, with the other way to write it: the schedule's
// resolution for Date of Next Meeting, else the item deferred.
func pendingExample(m Meeting, loc *time.Location, first DocMinute) string {
	if first.Suggest != "" {
		// Date of Next Meeting, with the schedule's resolution.
		return "`" + first.Suggest + "`, or `/minute`"
	}
	day := DateOf(m.StartsAt, loc)
	deferred := deferredLine(day, first.Item)
	if first.Elsewhere != "" {
		return confirmedLine(day, first.Item, first.Confirms) + " if they were confirmed, or " + deferred
	}
	if first.Confirms != "" {
		// The previous minutes: confirming them is an approval, which
		// both meetings' minutes read, not a resolution of this one.
		return fmt.Sprintf("`/minutes approve %s` if they were confirmed, or %s", first.Confirms, deferred)
	}
	return deferred + ", or `/resolve`"
}

// confirmedHere is how meeting at, today's, records what it did about
// the minutes of m, which /minutes approve cannot confirm: under its item
// item, the one that takes them.
func confirmedHere(m, at Meeting, item string, loc *time.Location) string {
	day := DateOf(at.StartsAt, loc)
	return fmt.Sprintf("Record what today's meeting did about them under its item %s: %s if they were confirmed, or %s",
		Escape(item), confirmedLine(day, Escape(item), previousDay(m, loc)), deferredLine(day, Escape(item)))
}

// confirmedLine is the /resolve that records, under item of the meeting
// on day, that the minutes of the meeting held on confirms ("9 December
// 2021") were confirmed, in the words /minutes approve records.
func confirmedLine(day Date, item, confirms string) string {
	return fmt.Sprintf("`/resolve %s %s %s%s%s`", day.iso(), item, confirmationPrefix, confirms, confirmationSuffix)
}

// deferredLine is the /minute that records item of the meeting on day as
// deferred, the way on for an item with nothing recorded.
func deferredLine(day Date, item string) string {
	return fmt.Sprintf("`/minute %s %s The item was deferred to the next meeting.`", day.iso(), item)
}

// errByCorrespondence is approvingMeeting's answer when no meeting is in
// progress or held today: the minutes are confirmed by correspondence.
var errByCorrespondence = userErr("no meeting is in progress or held today")

// approvingMeeting is the meeting that confirms minutes now: the one in
// progress, or one held today. It is that meeting the chair must be away
// from for the vice-chair to confirm them (chairing), whichever meeting's
// minutes they are; by correspondence, the default rule applies.
func (s *Service) approvingMeeting(ctx context.Context, in *Input, _ Date) (Meeting, error) {
	c := in.Committee
	if run, ok, err := s.runningMeeting(ctx, c); err != nil || ok {
		return run, err
	}
	today, ok, err := s.dayMeetingOf(ctx, c, in.Now)
	switch {
	case err != nil:
		return Meeting{}, err
	case ok && today.Status != MeetingCancelled:
		// Held today: from its advertised start, or closed before it.
		if from, err := s.heldFrom(ctx, today); err != nil {
			return Meeting{}, err
		} else if !from.After(in.Now) {
			return today, nil
		}
	}
	return Meeting{}, errByCorrespondence
}

// heldFrom is when meeting m was held from: its advertised start, or when
// it was opened if that was earlier. A meeting opened early is held, not
// still to come.
// draftHere reports whether the minutes of meeting m, written as
// MeetingMinutes reads them, are a draft being written in Quorum: a draft
// minute with text on record, or, none confirmed, m held here. A
// correction proposed to a minute with nothing recorded makes no minute
// on record (nor moves the next meeting's numbers); minutes imported are
// confirmed, and a meeting marked held by an import in which no minute
// could be read was not held here.
func (s *Service) draftHere(ctx context.Context, m Meeting, written []Minute) (bool, error) {
	for _, mi := range written {
		if mi.Draft && (mi.Item == "" || mi.Narrative != "" || len(mi.Resolutions) > 0) {
			return true, nil
		}
	}
	if len(written) > 0 && !written[0].Draft {
		return false, nil
	}
	return s.heldHere(ctx, m)
}

// heldHere reports whether meeting m was held in Quorum: opened here, and
// closed (marked held) since. One marked held by an import of its
// published minutes, or still open, was not.
func (s *Service) heldHere(ctx context.Context, m Meeting) (bool, error) {
	if m.Status != MeetingHeld {
		return false, nil
	}
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return false, err
	}
	return !SittingOf(events).Opened.IsZero(), nil
}

func (s *Service) heldFrom(ctx context.Context, m Meeting) (time.Time, error) {
	events, err := s.store.Sessions(ctx, m.ID)
	if err != nil {
		return time.Time{}, err
	}
	if opened := SittingOf(events).Opened; !opened.IsZero() && opened.Before(m.StartsAt) {
		return opened, nil
	}
	return m.StartsAt, nil
}

func postMinutesSub() Sub {
	return Sub{
		Name:     "post",
		Usage:    []string{"/minutes post [DATE]"},
		Summary:  "Post a short notice to the channel with a link to the minutes as a printable page.",
		Examples: []string{"/minutes post", "/minutes post 10 December 2026"},
		Date:     draftDateHelp,
		Who:      Chairs, Doing: "post minutes", Meeting: (*Service).draftMeeting, Run: postMinutes,
	}
}

func postMinutes(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, err := in.date()
	if err != nil {
		return Reply{}, err
	}
	m, err := s.draftMeeting(ctx, in, d)
	if err != nil {
		return Reply{}, err
	}
	ms, err := s.store.MeetingMinutes(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	// A minute made only for a correction to stand on minutes nothing.
	if !slices.ContainsFunc(ms, func(mi Minute) bool { return mi.Narrative != "" || len(mi.Resolutions) > 0 }) {
		return Reply{}, userErr("Nothing is minuted for the meeting on %s yet: record decisions with `/resolve` first.", formatDay(m.StartsAt, c.Location()))
	}
	src, _, err := s.minutesSource(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	doc := CompileMinutes(src)
	// Items with nothing recorded yet do not hold the draft back: it is
	// posted for comment on what is recorded, as a draft goes round
	// before the meeting that confirms it, and approval refuses it until
	// every item is filled. What the channel reads of them is what the
	// printable page says, without the officer's hints (forEveryone);
	// the officer is told which they are, and how to fill them.
	pending, first := pendingMinutes(doc, src.Items)
	// Where the bot's address is not known (PUBLIC_URL unset, or the
	// console), a link to the printable page would lead nowhere: the
	// minutes themselves are posted.
	read, sections := "", []Section(nil)
	if s.publicURL != "" {
		link, err := s.minutesLink(ctx, m)
		if err != nil {
			return Reply{}, err
		}
		read = fmt.Sprintf(": <%s|read and print them>", link)
	} else {
		sections = minutesSections(doc.forEveryone())
	}
	loc := c.Location()
	day := formatDay(m.StartsAt, loc)
	var post Reply
	if ms[0].Draft {
		empty := ""
		if len(pending) > 0 {
			empty = ", and some items have nothing recorded yet"
		}
		// The form names the meeting: without its day a minute's number
		// is the latest minute of that number, which after a new
		// municipal year, or with a later meeting minuted, is another
		// meeting's.
		post = Reply{Visibility: Public, Sections: sections, Text: fmt.Sprintf("The draft minutes of the meeting of *%s* on %s are ready%s. They are not yet confirmed%s; members can propose a correction with `/minutes comment %s MINUTE TEXT`.",
			Escape(c.Name), day, read, empty, DateOf(m.StartsAt, loc).Start(time.UTC).Format("2006-01-02"))}
	} else {
		post = Reply{Visibility: Public, Sections: sections, Text: fmt.Sprintf("The minutes of the meeting of *%s* on %s, confirmed as a correct record%s.", Escape(c.Name), day, read)}
		if read == "" && len(sections) > 0 {
			post.Text = fmt.Sprintf("The minutes of the meeting of *%s* on %s, confirmed as a correct record:", Escape(c.Name), day)
		}
	}
	if fitsOneMessage(sections) && len(pending) == 0 {
		return post, nil
	}
	// Too long for the one message a command's answer is, the minutes go
	// to the channel as a post of several parts, as a long agenda does:
	// cut short, they would read as whole. Posted with items still empty,
	// they go the same way, so that the answer, the officer's alone, can
	// say which. Each request posts them anew, as a short answer would,
	// so the key is the request's.
	key := fmt.Sprintf("minutes:%d:%d", m.ID, in.Now.UnixNano())
	if _, err := s.store.Enqueue(ctx, OutboxMessage{
		CommitteeID: c.ID, Kind: OutboxPost, ChannelID: c.ChannelID,
		MessageKey: key, DedupeKey: key + ":post", Reply: post, DueAt: in.Now,
	}); err != nil {
		return Reply{}, err
	}
	if len(pending) > 0 {
		return private("The draft minutes of the meeting on %s are on their way to <#%s>, for comment. Nothing is recorded yet for %s: the channel reads \"Nothing recorded yet\" there. Record what became of each — %s — and post them again before they are confirmed.",
			day, c.ChannelID, joinAnd(pending), pendingExample(m, loc, first)), nil
	}
	return private("The minutes of the meeting on %s are too long for one message: they are on their way to <#%s> in parts.", day, c.ChannelID), nil
}
