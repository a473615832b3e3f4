package commands

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// MinuteEdit is one line of a minute's history: its narrative and RESOLVED
// text after a change made in Quorum, and who made it.
type MinuteEdit struct {
	MinuteNumber string
	Action       string // minuted, resolved or amended; drawn: the minute as the draft drew a part from the records, before the officer's text replaced it
	Narrative    string
	Resolved     string
	// Word is the word the resolutions were recorded under after the
	// change (Minute.Word); "" when the minute had none, or for a change
	// recorded before the word was kept.
	Word string
	At   time.Time
	// Seq orders the change among the minutes' records of the same time.
	Seq int64
	By  string
}

// minutesHistorySub is /history minutes.
func minutesHistorySub() Sub {
	return Sub{
		Name:     "minutes",
		Usage:    []string{"/history minutes [DATE]"},
		Summary:  "The history of a meeting's minutes (`next`: the next meeting's): each minute as recorded and amended (with who, when and the earlier text), corrections proposed, and their confirmation. A member sees the corrections they proposed themselves; officers and the chair see everyone's.",
		Examples: []string{"/history minutes", "/history minutes 10 December 2026"},
		Date:     minutesDateHelp,
		// Own, not Chairs: the minutes are a public record, found by
		// anyone with /resolution, and so is how they came to read as
		// they do. Only the corrections others proposed are narrowed:
		// those who have left read their own, as a member does.
		Read: true, Who: Own, Meeting: (*Service).minutesHistoryMeeting, Run: minutesHistory,
	}
}

// minutesHistory is `/history minutes [DATE]`, for the meeting the minutes
// commands mean: the one in progress, else today's once held, else the
// last held.
func minutesHistory(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	// Everyone reads the minutes' own trail. A correction is what one
	// member sent the officer: the officers and the chair read them all,
	// a member their own.
	var refused *UserError
	if err := s.chairing(ctx, in.Request, Origin{Committee: c, Member: &in.Me}, "read the history of the minutes"); err != nil && !errors.As(err, &refused) {
		return Reply{}, err
	}
	d, err := in.date()
	if err != nil {
		return Reply{}, err
	}
	m, err := s.minutesHistoryMeeting(ctx, in, d)
	if err != nil {
		return Reply{}, err
	}
	return s.minutesHistoryOf(ctx, in, m, "", refused == nil)
}

// resolutionHistorySub is /history resolution: one minute's history.
func resolutionHistorySub() Sub {
	return Sub{
		Name: "resolution", Aliases: []string{"minute"},
		Usage:    []string{"/history resolution [DATE] NUMBER"},
		Summary:  "The history of one minute, found by its number as `/resolution` finds it (the latest so numbered, or that meeting's): as recorded and amended, with who, when and the earlier text, corrections proposed, and its confirmation. A member sees the corrections they proposed themselves; officers and the chair see everyone's.",
		Examples: []string{"/history resolution 28", "/history resolution 2021-12-09 28"},
		Date:     "DATE is the day of the meeting whose minute it is, where another meeting has a minute of that number: 2021-12-09, 9/12/2021 (day first) or 9 December 2021.",
		Read:     true, Who: Own, Run: resolutionHistory,
	}
}

// resolutionHistory is `/history resolution [DATE] NUMBER`: the history of
// minutes narrowed to one minute, which anyone who can find it with
// /resolution may read.
func resolutionHistory(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	var refused *UserError
	if err := s.chairing(ctx, in.Request, Origin{Committee: c, Member: &in.Me}, "read every correction proposed"); err != nil && !errors.As(err, &refused) {
		return Reply{}, err
	}
	q, err := parseResolutionQuery(in.Args, in.Now, c.Location())
	if _, _, bad := takeDate(in.Args, in.Now, c.Location()); err != nil && bad != nil {
		// A day that is no day ("31/02/2027") is answered as that, not as
		// a number missing.
		return Reply{}, badArgs(bad)
	}
	if err != nil || q.Number == "" {
		return Reply{}, usageErr("Give the minute's number, as `/resolution` shows it: `/history resolution 28`.")
	}
	if q.Yearless {
		if q.On, err = s.latestMinutesDay(ctx, c, q.On, in.Now); err != nil {
			return Reply{}, err
		}
	}
	ms, err := s.store.MinutesByNumber(ctx, c.ID, q.Number, q.On, 1)
	if err != nil {
		return Reply{}, err
	}
	if len(ms) == 0 {
		// A minute the draft writes from the records, or with nothing
		// recorded yet, is on no list /resolution searches, but may have
		// corrections proposed to it: found as /minutes comment finds it.
		t, ok, _, err := s.minuteToCorrect(ctx, in, q.On, q.Number)
		if err != nil {
			return Reply{}, err
		}
		if ok && t.MeetingID != 0 {
			m, err := s.store.Meeting(ctx, t.MeetingID)
			if err != nil {
				return Reply{}, err
			}
			return s.minutesHistoryOf(ctx, in, m, t.Number, refused == nil)
		}
		where := ""
		if q.On.Year != 0 {
			where = " of the meeting on " + q.On.String()
		}
		return Reply{}, userErr("No minute %s%s of *%s* is on record. `/resolution WORDS…` finds a minute by its words.", Escape(q.Number), where, Escape(c.Name))
	}
	m, err := s.store.Meeting(ctx, ms[0].MeetingID)
	if err != nil {
		return Reply{}, err
	}
	return s.minutesHistoryOf(ctx, in, m, ms[0].Number, refused == nil)
}

// minutesHistoryOf is the history of m's minutes, or of its minute
// numbered number when that is given; unless whole, the corrections in it
// are the sender's own.
func (s *Service) minutesHistoryOf(ctx context.Context, in *Input, m Meeting, number string, whole bool) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	edits, err := s.store.MinuteHistory(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	comments, err := s.store.MinuteComments(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	approval, err := s.store.MinutesApprovalOf(ctx, m.ID)
	approved := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return Reply{}, err
	}
	type event struct {
		at   time.Time
		seq  int64
		line string
	}
	var events []event
	last := map[string]MinuteEdit{}
	// The last change to each minute other than what the draft drew,
	// which is kept with the amendment that replaces it, not before it.
	lastChange := map[string]MinuteEdit{}
	for _, e := range edits {
		if number != "" && e.MinuteNumber != number {
			continue
		}
		prev, had := last[e.MinuteNumber]
		last[e.MinuteNumber] = e
		if e.Action == "drawn" {
			// What the draft drew from the records, kept as the text the
			// first amendment replaced: said with that amendment.
			continue
		}
		head := fmt.Sprintf("%s — minute %s: ", historyTime(e.At, loc), Escape(e.MinuteNumber))
		by := personText(e.By, "")
		// The same text recorded under another word (NOTED after AGREED)
		// would otherwise read as the same line twice.
		reworded := had && prev.Word != "" && e.Word != "" && prev.Word != e.Word
		var line string
		switch {
		case e.Action == "removed":
			line = fmt.Sprintf("%s text removed by %s. It read: %s", cmp.Or(prev.Word, "RESOLVED"), by, quoteText(prev.Resolved))
		case reworded && e.Action == "amended" && prev.Resolved == e.Resolved && prev.Narrative == e.Narrative:
			line = fmt.Sprintf("amended by %s: recorded as %s, was %s; the text is unchanged: %s", by, e.Word, prev.Word, quoteText(e.Resolved))
		case reworded && e.Action == "amended" && prev.Resolved != e.Resolved:
			line = fmt.Sprintf("%s text amended by %s, now recorded as %s. It read: %s Now: %s", prev.Word, by, e.Word, quoteText(prev.Resolved), quoteText(e.Resolved))
		case reworded && e.Action == "resolved" && prev.Resolved == e.Resolved:
			line = fmt.Sprintf("resolved, recorded by %s as %s, was %s; the text is unchanged: %s", by, e.Word, prev.Word, quoteText(e.Resolved))
		case e.Action == "amended" && had && prev.Resolved != e.Resolved:
			// Called by the word it was recorded under (NOTED, AGREED):
			// "RESOLVED" for a noting misreports the minute.
			line = fmt.Sprintf("%s text amended by %s%s. It read: %s Now: %s", cmp.Or(e.Word, "RESOLVED"), by, drawnFrom(prev), quoteText(prev.Resolved), quoteText(e.Resolved))
		case e.Action == "amended" && had && prev.Narrative == e.Narrative:
			line = fmt.Sprintf("amended by %s, to the text it had%s: %s", by, drawnFrom(prev), quoteText(strings.TrimSpace(e.Narrative+" "+e.Resolved)))
		case e.Action == "amended" && had:
			line = fmt.Sprintf("narrative amended by %s%s. It read: %s Now: %s", by, drawnFrom(prev), quoteText(prev.Narrative), quoteText(e.Narrative))
		case e.Action == "amended":
			line = fmt.Sprintf("amended by %s. Now: %s", by, quoteText(strings.TrimSpace(e.Narrative+" "+e.Resolved)))
		case e.Action == "resolved" && prev.Action == "drawn" && prev.Resolved != "":
			// /resolve on a standard item, over what the draft drew.
			line = fmt.Sprintf("resolved, recorded by %s%s. It read: %s Now: %s", by, drawnFrom(prev), quoteText(prev.Resolved), quoteText(e.Resolved))
		case e.Action == "minuted" && prev.Action == "drawn" && prev.Narrative != "":
			line = fmt.Sprintf("minuted by %s%s. It read: %s Now: %s", by, drawnFrom(prev), quoteText(prev.Narrative), quoteText(e.Narrative))
		case e.Action == "resolved" && had && prev.Resolved != "" && strings.HasPrefix(e.Resolved, prev.Resolved+"\n"):
			// A further block after the decision there (the confirmation
			// of the last minutes, approved at this meeting): nothing
			// of it was replaced, and the line says what was added.
			line = fmt.Sprintf("resolved by %s, added to its %s text: %s", by, cmp.Or(prev.Word, "RESOLVED"), quoteText(strings.TrimPrefix(e.Resolved, prev.Resolved+"\n")))
		case e.Action == "resolved" && had && prev.Resolved != "" && prev.Resolved != e.Resolved:
			// /resolve again replaces the decision recorded, as its
			// answer says: given alone, the new text read as a second
			// decision, and what it replaced was nowhere.
			as := ""
			if reworded {
				as = " as " + e.Word
			}
			line = fmt.Sprintf("resolved again by %s%s, replacing its %s text. It read: %s Now: %s", by, as, cmp.Or(prev.Word, "RESOLVED"), quoteText(prev.Resolved), quoteText(e.Resolved))
		case e.Action == "minuted" && had && prev.Narrative != "" && prev.Narrative != e.Narrative:
			line = fmt.Sprintf("minuted again by %s, replacing its narrative. It read: %s Now: %s", by, quoteText(prev.Narrative), quoteText(e.Narrative))
		case e.Action == "resolved" && e.Word != "" && e.Word != "RESOLVED":
			line = fmt.Sprintf("resolved, recorded by %s as %s: %s", by, e.Word, quoteText(e.Resolved))
		case e.Action == "resolved":
			line = fmt.Sprintf("resolved, recorded by %s: %s", by, quoteText(e.Resolved))
		default:
			line = fmt.Sprintf("minuted by %s: %s", by, quoteText(e.Narrative))
		}
		before, changed := lastChange[e.MinuteNumber]
		lastChange[e.MinuteNumber] = e
		if ans := answeredBy(e, before, changed, comments, whole, in.Me.UserID); ans != "" {
			line += " " + ans
		}
		events = append(events, event{e.At, e.Seq, head + line})
	}
	for _, k := range comments {
		if !whole && k.By != in.Me.UserID || number != "" && k.MinuteNumber != number {
			continue
		}
		events = append(events, event{k.At, k.Seq, fmt.Sprintf("%s — minute %s: correction proposed by %s: %s",
			historyTime(k.At, loc), Escape(k.MinuteNumber), k.from(), quoteText(k.Body))})
	}
	if approved {
		where := "by correspondence"
		if approval.AtMeetingID != 0 {
			if at, err := s.store.Meeting(ctx, approval.AtMeetingID); err == nil {
				where = "at the meeting on " + formatDay(at.StartsAt, loc)
			} else if !errors.Is(err, ErrNotFound) {
				return Reply{}, err
			}
		}
		line := fmt.Sprintf("%s — confirmed as a correct record %s, by %s", historyTime(approval.At, loc), where, personText(approval.By, ""))
		if aside := setAsideText(approval); aside != "" {
			line = fmt.Sprintf("%s — confirmed as a correct record as they stood, %s, by %s, setting aside %s that members proposed and no amendment followed",
				historyTime(approval.At, loc), where, personText(approval.By, ""), aside)
		}
		events = append(events, event{approval.At, approval.Seq, line})
	}
	// Records of one time, given under a clock that is set, read in the
	// order they were made.
	sort.SliceStable(events, func(i, j int) bool {
		return recordedAfter(events[j].at, events[j].seq, events[i].at, events[i].seq)
	})
	what := "the minutes"
	if number != "" {
		what = "minute " + Escape(number)
	}
	reply := Reply{Visibility: Private, Text: fmt.Sprintf("*History of %s* of the meeting of *%s* on %s.", what, Escape(c.Name), formatDay(m.StartsAt, loc))}
	if len(events) == 0 && number != "" {
		// Found, and never written in Quorum: read from published minutes.
		reply.Text += fmt.Sprintf("\nIt is as imported from the published minutes, and has not been changed in Quorum: `/resolution %s %s` shows it.",
			m.StartsAt.In(loc).Format("2006-01-02"), Escape(number))
		return reply, nil
	}
	if len(events) == 0 {
		// Nothing written in Quorum, but its published minutes may be
		// here: "nothing has been minuted" would read as though none were.
		day := DateOf(m.StartsAt, loc)
		imported, err := s.store.MinutesOn(ctx, c.ID, day)
		if err != nil {
			return Reply{}, err
		}
		if len(imported) > 0 {
			reply.Text += fmt.Sprintf("\nThey are as imported from the published minutes, and have not been changed in Quorum: `/resolution %s` lists them.",
				m.StartsAt.In(loc).Format("2006-01-02"))
			return reply, nil
		}
		events, err := s.store.Sessions(ctx, m.ID)
		if err != nil {
			return Reply{}, err
		}
		reply.Text += "\n" + nothingYet(m, SittingOf(events), in.Now, "Nothing has been minuted in Quorum for it.")
		return reply, nil
	}
	if hidden := len(events) - MaxHistoryLines; hidden > 0 {
		reply.Text += fmt.Sprintf("\nThe latest %d changes of %d.", MaxHistoryLines, len(events))
		events = events[hidden:]
	}
	lines := make([]string, len(events))
	for i, e := range events {
		lines[i] = "• " + e.line
	}
	reply.Sections = []Section{{Text: strings.Join(lines, "\n")}}
	reply.Footer = "Times are " + loc.String() + "."
	if !whole {
		reply.Footer += " Corrections proposed by other members are shown only to them, the officers and the chair."
	}
	return reply, nil
}

// answeredBy says, after the line of change e to a minute (prev the
// change before it, what the draft drew aside; had whether there was one), which corrections it was
// taken to answer: those proposed to the minute after the change before
// it, as correctionsStanding counts them when the minutes are confirmed.
// Only those the reader may see (whole, or their own, by me) are named,
// as the correction lines themselves are. "" when none.
func answeredBy(e, prev MinuteEdit, had bool, comments []MinuteComment, whole bool, me string) string {
	var named []string
	for _, k := range comments {
		if k.MinuteNumber != e.MinuteNumber || !whole && k.By != me ||
			!recordedAfter(e.At, e.Seq, k.At, k.Seq) || had && !recordedAfter(k.At, k.Seq, prev.At, prev.Seq) {
			continue
		}
		named = append(named, fmt.Sprintf("%s's correction “%s”", k.from(), Escape(k.Body)))
	}
	if len(named) == 0 {
		return ""
	}
	return "It was taken to answer " + joinAnd(named) + "."
}

// drawnFrom says, after who amended a minute, that the text the
// amendment replaced was not the minute's own but what the draft drew
// from the records; "" when it was the minute's own.
func drawnFrom(prev MinuteEdit) string {
	if prev.Action == "drawn" {
		return ", in place of the paragraph drawn from the records"
	}
	return ""
}

// minutesHistoryMeeting is the meeting `/history minutes` reads: the
// minutes commands' (minutesMeeting), or the next when `next` is said.
func (s *Service) minutesHistoryMeeting(ctx context.Context, in *Input, d Date) (Meeting, error) {
	return s.historyMeeting(ctx, in, d, "minutes", func(ctx context.Context, in *Input, d Date, _ string) (Meeting, error) {
		return s.minutesMeeting(ctx, in, d)
	})
}

// quoteText is recorded text quoted in a history line, on one line and
// shortened.
func quoteText(s string) string {
	s = oneLine(s)
	if s == "" {
		return "(nothing)"
	}
	return "“" + Escape(truncateText(s, 300)) + "”"
}
