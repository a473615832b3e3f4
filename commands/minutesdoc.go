package commands

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MinutesSource is everything a meeting's minutes are compiled from.
type MinutesSource struct {
	Committee Committee
	Meeting   Meeting
	Items     []AgendaItem // the agenda, in order
	Minutes   []Minute     // the minutes recorded, by item
	Base      int          // the number of the first minute
	// Attendance paragraphs, from the attendance records when there are
	// any (Recorded), otherwise from apologies and, for minutes imported,
	// those their document prints as present.
	Recorded                                        bool
	Present, AlsoPresent, InAttendance, Substitutes []string
	Apologies                                       []string
	// Absent are the members marked absent who sent no apologies (of
	// minutes imported, those the document marks absent), listed after
	// the apologies.
	Absent       []string
	Notes        []string
	Declarations string // the paragraph /declare minutes gives
	Previous     string // the previous meeting's date, "9 December 2021"
	// PreviousApproval is the confirmation of the previous meeting's
	// minutes, if Quorum records one; PreviousApprovedAt the date of the
	// meeting that confirmed them ("" by correspondence).
	PreviousApproval   *MinutesApproval
	PreviousApprovedAt string
	// PreviousElsewhere says why /minutes approve cannot confirm the
	// previous meeting's minutes, not held in Quorum (minutedElsewhere):
	// "which are not on record in Quorum …"; "" when it can.
	PreviousElsewhere string
	// Approval is the minutes' confirmation, if any; ApprovedAt the date
	// of the meeting that confirmed them ("" by correspondence).
	Approval   *MinutesApproval
	ApprovedAt string
	// Opened is when the meeting was opened in Quorum (zero if it was
	// not): the time it actually began, which the heading gives rather
	// than the time it was advertised for.
	Opened time.Time
	// Closed is when the meeting was closed in Quorum (zero if it was
	// not, or is still sitting).
	Closed time.Time
	// ClosedAsPrinted is, for minutes imported, the line of the document
	// saying when the meeting closed ("The meeting closed at 3.25 pm."),
	// escaped; "" when it prints none.
	ClosedAsPrinted string
	// Inquorate notes, by minute number, the RESOLVED text recorded while
	// the meeting was inquorate for its item (see inquorateResolutions).
	Inquorate map[string]string
	// Next is the committee's next meeting after this one, by the
	// schedule (held or to come, not cancelled), if the agenda closes
	// with Date of Next Meeting and nothing is recorded under it yet:
	// the draft gives the command that records its date (nextResolution).
	Next *Meeting
	// Actions are those recorded against the meeting's minutes, in the
	// order they were added (see agreedActions).
	Actions []AgreedAction
	// ToCome: the meeting has not taken place when the minutes are
	// compiled (toCome), so the draft an officer prepares ahead of it is
	// headed as of a meeting to be held, not one held.
	ToCome bool
	// tableHints tell the officer what the records leave the declarations
	// minute unable to say (see meetingState.tableHints); the minutes
	// themselves never print them.
	tableHints []string
}

// toCome reports whether meeting m, opened in Quorum at opened (zero if
// it was not), has yet to take place at now: it is scheduled, not opened
// early, and its start is still to come.
func toCome(m Meeting, opened, now time.Time) bool {
	return m.Status == MeetingScheduled && opened.IsZero() && m.StartsAt.After(now)
}

// MinutesDocument is a meeting's minutes as the council prints them.
type MinutesDocument struct {
	Committee  string
	Heading    string // "Minutes of the meeting held on …"
	Status     string
	Draft      bool
	Attendance []string // paragraphs: "Present: A, B and C."
	Notes      []string
	Minutes    []DocMinute
	// Closing ends the minutes: when the meeting closed ("" when Quorum
	// does not know).
	Closing string
}

// DocMinute is one numbered minute of a MinutesDocument.
type DocMinute struct {
	Number    string
	Title     string
	Narrative string
	Resolved  []string
	// Word labels Resolved: "RESOLVED", or the word imported minutes
	// printed instead ("DECISION").
	Word string
	// Words, when the resolutions are recorded under different words
	// (what a board AGREED and what it NOTED), is the word of each,
	// aligned with Resolved; then each stands under its own.
	Words      []string
	References []string
	// Urgency: the item was taken as urgent business, and why (escaped);
	// the minute opens with the sentence the law requires of it.
	Urgency string
	// Pending: nothing is recorded under the item yet.
	Pending bool
	// Confirms, while Pending, is the date of the previous meeting
	// whose minutes the item is to confirm ("9 December 2021"), which
	// the officer's draft names; "" for any other item.
	Confirms string
	// Elsewhere, with Confirms, says why /minutes approve cannot confirm
	// those minutes (MinutesSource.PreviousElsewhere): this meeting's
	// decision on them is recorded under the item, with /resolve.
	Elsewhere string
	// Plain, for minutes everyone reads (forEveryone): a Pending minute
	// says only that nothing is recorded, as the printable page does,
	// without the commands and suggested resolution shown the officer.
	Plain bool
	// Suggest, while Pending, is a command that records the minute as the
	// records have it (Date of Next Meeting's, from the schedule),
	// escaped; "" when they do not.
	Suggest string
	// Considered lists, escaped, the items numbered under this one's
	// (7.1 to 7.9 under 7) with no minute of their own, as the reports
	// it considered (see listedUnder); Under are their numbers.
	Considered string
	Under      []string
	// Item is the agenda item's number the minute is for; "" for one on
	// no item of the agenda.
	Item string
	// After follows the resolutions: the text imported minutes print
	// after them.
	After string
	// Between, aligned with Resolved, is the text imported minutes print
	// after each resolution and before the next; nil when none.
	Between []string
	// Note follows the resolutions: that they were recorded while the
	// meeting was inquorate, so are not the committee's decision.
	Note string
	// Actions follow the resolutions, escaped, one line each: "ACTION:
	// Jen Williams to circulate the strategy (by 31 March 2022)."
	Actions []string
}

// pendingText stands for a minute not yet written.
const pendingText = "[Nothing recorded yet: /resolve or /minute this item.]"

// pendingPlainText stands for a minute not yet written in minutes posted
// for everyone, who have no command to fill it.
const pendingPlainText = "Nothing recorded yet."

// forEveryone is d as the channel reads it: its minutes with nothing
// recorded say so plainly (Plain).
func (d MinutesDocument) forEveryone() MinutesDocument {
	d.Minutes = slices.Clone(d.Minutes)
	for i := range d.Minutes {
		d.Minutes[i].Plain = true
	}
	return d
}

// pendingListedText stands for a heading's minute not yet written that
// lists the items under it: where each of them is decided apart (planning
// applications), the way to say so is by the item's own number, until a
// later meeting's minutes number on (laterMinutesNumbered).
const pendingListedText = "[Nothing recorded yet: /resolve or /minute this item; an item listed here decided on its own is minuted by its number, /resolve ITEM, until the next meeting's minutes are begun.]"

// nextResolution is what councils resolve under Date of Next Meeting,
// for the meeting next: "That the next meeting be held on Thursday 9 June
// 2022 at 10:00."
func nextResolution(next Meeting, loc *time.Location) string {
	if next.TimeUnknown {
		return "That the next meeting be held on " + formatDay(next.StartsAt, loc) + "."
	}
	return "That the next meeting be held on " + formatDay(next.StartsAt, loc) + " at " + ClockIn(next.StartsAt, loc, "15:04") + "."
}

// CompileMinutes makes the minutes document of a meeting from its
// records, its text escaped for Slack as the attendance names and the
// declarations paragraph given to it are: every agenda item becomes a
// minute (but one its heading's minute lists: listedUnder), numbered on from
// src.Base in the agenda's order, past the numbers the minutes already
// written have (see minuteNumbers); the standard items are written from the
// apologies, declarations and previous meeting; what was recorded with
// /resolve and /minute stands over all of that.
func CompileMinutes(src MinutesSource) MinutesDocument {
	c, m := src.Committee, src.Meeting
	loc := c.Location()
	doc := MinutesDocument{Committee: Escape(c.Name)}
	held := "held"
	if src.ToCome {
		held = "to be held"
	}
	heading := "Minutes of the meeting " + held + " on " + formatDay(m.StartsAt, loc)
	// A meeting keeps its day (see sameDayErr); one opened the evening
	// before an early start gives its advertised time, as the opening's
	// would read as on the meeting's day.
	switch {
	// A time the clocks read twice that night carries its zone.
	case !src.Opened.IsZero() && DateOf(src.Opened, loc) == DateOf(m.StartsAt, loc):
		heading += " at " + ClockIn(src.Opened, loc, "15:04")
	case !m.TimeUnknown:
		heading += " at " + ClockIn(m.StartsAt, loc, "15:04")
	}
	if m.Venue != "" {
		heading += ", " + Escape(m.Venue)
	}
	doc.Heading = heading
	// Councils end the minutes with the time the meeting closed, as the
	// heading gives the time it began.
	switch {
	case src.Closed.IsZero():
		// Minutes imported print when the meeting closed as the
		// document does.
		doc.Closing = src.ClosedAsPrinted
	case DateOf(src.Closed, loc) == DateOf(m.StartsAt, loc):
		doc.Closing = "The meeting closed at " + ClockIn(src.Closed, loc, "15:04") + "."
	default:
		// Adjourned to another day, and closed then.
		doc.Closing = "The meeting closed on " + formatDay(src.Closed, loc) + " at " + ClockIn(src.Closed, loc, "15:04") + "."
	}
	doc.Draft = true
	for _, mi := range src.Minutes {
		if !mi.Draft {
			doc.Draft = false
		}
	}
	switch {
	case src.Approval != nil && src.ApprovedAt != "":
		doc.Draft = false
		doc.Status = fmt.Sprintf("Confirmed as a correct record at the meeting held on %s.", src.ApprovedAt)
	case src.Approval != nil:
		doc.Draft = false
		doc.Status = fmt.Sprintf("Confirmed as a correct record by correspondence on %s.", formatDay(src.Approval.At, loc))
	case !doc.Draft:
		doc.Status = "Published minutes."
	default:
		doc.Status = "DRAFT — not yet confirmed as a correct record."
	}
	para := func(head string, names []string) {
		if len(names) > 0 {
			doc.Attendance = append(doc.Attendance, head+" "+joinAnd(names)+".")
		}
	}
	// Present and In attendance are the attendance records' or, without
	// them, the imported minutes' lists; a meeting with neither has none.
	para("Present:", src.Present)
	if src.Recorded {
		para("Also present:", src.AlsoPresent)
	}
	para("In attendance:", src.InAttendance)
	// The apologies and substitutes are the Apologies for Absence
	// minute's, as councils print them, and are not said twice; only an
	// agenda without that item has them under those present.
	apologiesItem := slices.ContainsFunc(src.Items, func(it AgendaItem) bool { return strings.EqualFold(it.Title, StandardItems[0].Title) })
	var substitutes, absent string
	if src.Recorded && len(src.Substitutes) > 0 {
		substitutes = "Substitutes: " + joinAnd(src.Substitutes) + "."
	}
	if len(src.Absent) > 0 {
		absent = "Absent: " + joinAnd(src.Absent) + "."
	}
	if !apologiesItem {
		para("Apologies for absence were received from", src.Apologies)
		for _, line := range []string{substitutes, absent} {
			if line != "" {
				doc.Attendance = append(doc.Attendance, line)
			}
		}
	}
	doc.Notes = src.Notes

	byItem := map[string]Minute{}
	for _, mi := range src.Minutes {
		if mi.Item != "" {
			byItem[mi.Item] = mi
		}
	}
	actions := agreedActions(src)
	used := map[string]bool{}
	numbers := minuteNumbers(src.Items, src.Minutes, src.Base)
	under := listedUnder(src.Items, src.Minutes, "")
	for i, it := range src.Items {
		if under[i] >= 0 {
			continue
		}
		dm := DocMinute{Number: Escape(numbers[i]), Title: Escape(strings.ToUpper(it.Title)), References: escapeAll(it.References), Item: it.Number,
			Urgency: Escape(it.Urgency)}
		switch {
		case strings.EqualFold(it.Title, StandardItems[0].Title):
			dm.Narrative = draftApologies(nil)
			if len(src.Apologies) > 0 {
				dm.Narrative = "Apologies for absence were received from " + joinAnd(src.Apologies) + "."
			}
			dm.Narrative += prefixed("\n\n", substitutes) + prefixed("\n\n", absent)
		case strings.EqualFold(it.Title, StandardItems[1].Title):
			dm.Narrative = src.Declarations
		case strings.EqualFold(it.Title, StandardItems[2].Title):
			var asked bool
			dm.Narrative, dm.Resolved, asked = previousMinutes(src)
			if asked && doc.Draft {
				// The agenda's question is not what the meeting did:
				// confirmed with it, the minutes would say the previous
				// minutes were put to the meeting when nothing records
				// that they were, let alone confirmed. Until they are
				// confirmed at this meeting, or the officer records what
				// became of them (deferred, say), nothing is recorded,
				// and the minutes wait for it as for any item. Minutes
				// confirmed with the question keep it: they are the
				// record as it was confirmed.
				dm.Narrative, dm.Pending, dm.Confirms, dm.Elsewhere = "", true, src.Previous, src.PreviousElsewhere
			}
		default:
			dm.Pending = true
			if closing, ok := closingItem(src.Items); ok && src.Next != nil && closing.Number == it.Number {
				dm.Suggest = Escape(fmt.Sprintf("/resolve %s %s %s", DateOf(m.StartsAt, loc).Start(time.UTC).Format("2006-01-02"), it.Number, nextResolution(*src.Next, loc)))
			}
		}
		dm.Considered, dm.Under = considered(src.Items, under, i)
		if mi, ok := byItem[it.Number]; ok {
			used[it.Number] = true
			dm.Number = Escape(mi.Number)
			// A minute made only for a correction to stand on has no
			// text: what the records give, or "nothing recorded", stands.
			dm.Pending = dm.Pending && mi.Narrative == "" && len(mi.Resolutions) == 0
			if mi.Narrative != "" {
				dm.Narrative = Escape(mi.Narrative)
			}
			dm.Actions = actions[mi.ID]
			if len(mi.Resolutions) > 0 {
				dm.Resolved, dm.Word, dm.Words = nil, mi.Word(), mi.words()
				for _, r := range mi.Resolutions {
					dm.Resolved = append(dm.Resolved, Escape(setOut(r.Body)))
				}
				dm.Note = src.Inquorate[mi.Number]
			}
		}
		doc.Minutes = append(doc.Minutes, dm)
	}
	// Minutes whose item has left the agenda, and imported ones, stand as
	// recorded.
	for _, mi := range src.Minutes {
		if mi.Item != "" && used[mi.Item] {
			continue
		}
		dm := DocMinute{Number: Escape(mi.Number), Title: Escape(mi.Title), Narrative: Escape(mi.Narrative), References: escapeAll(mi.References),
			Word: mi.Word(), Words: mi.words(), Actions: actions[mi.ID]}
		if mi.Imported {
			// The published text is the record, in the order printed:
			// the minutes it refers to are named in it already, and
			// what it prints after the resolutions stays after them.
			dm.References = nil
			if before, ok := strings.CutSuffix(mi.Narrative, mi.After); ok && mi.After != "" {
				dm.Narrative, dm.After = Escape(strings.TrimSpace(before)), Escape(mi.After)
				mi.Narrative = strings.TrimSpace(before)
			}
			if before, between, ok := printedBetween(mi); ok {
				dm.Narrative, dm.Between = Escape(before), escapeAll(between)
			}
		}
		for _, r := range mi.Resolutions {
			dm.Resolved = append(dm.Resolved, Escape(setOut(r.Body)))
		}
		doc.Minutes = append(doc.Minutes, dm)
	}
	return doc
}

// agreedActions are the lines the minutes print under each minute, by the
// minute's ID, for the actions recorded against it in Quorum: each as it
// was first agreed, with the owner and due date its log's first line
// holds, for the minutes record what the meeting agreed, and the action
// list where the action stands now. A done one is printed still, as it
// was agreed. Actions imported from minutes are not: the minutes they
// were read from print them in their own words, which the imported
// minute's text keeps. Confirmed minutes read as they were confirmed: an
// action added after their approval is left out, as are all those added
// under a minute imported, which was confirmed by being published.
func agreedActions(src MinutesSource) map[int64][]string {
	draft := map[int64]bool{}
	for _, mi := range src.Minutes {
		draft[mi.ID] = mi.Draft
	}
	out := map[int64][]string{}
	for _, a := range src.Actions {
		d, ours := draft[a.MinuteID]
		if !ours || a.First.Kind == "imported" || followUp(a, d, src.Approval) {
			continue
		}
		out[a.MinuteID] = append(out[a.MinuteID], agreedActionLine(a))
	}
	return out
}

// followUp says whether action a, under a minute that is a draft or not,
// of minutes confirmed by approval (nil while they are not), was added
// after the minutes were confirmed: under a minute imported, which was
// confirmed by being published, or after the approval. The meeting did
// not agree such an action, so its minutes do not print it; /resolution
// shows it apart from those they do. An action imported from minutes
// was agreed by the meeting they record.
func followUp(a AgreedAction, draft bool, approval *MinutesApproval) bool {
	switch {
	case a.First.Kind == "imported":
		return false
	case approval != nil:
		return recordedAfter(a.First.At, a.Seq, approval.At, approval.Seq)
	}
	return !draft
}

// agreedActionLine is action a as councils print it under its minute, in
// Slack's escaped form: "ACTION: " and AgreedActionText.
func agreedActionLine(a AgreedAction) string {
	return Escape("ACTION: " + AgreedActionText(a))
}

// AgreedActionText is what the minutes print of action a after "ACTION:",
// with the owner and due date first agreed. An instruction, as actions are
// typed ("Circulate the strategy to partners", "To brief the board"), is
// given its owner as councils print it: "Jen Williams to circulate the
// strategy to partners (by 31 March 2022).", which reads back as the same
// action when the minutes are imported — the owner before "to", the day
// after "by". Any other text (one naming who acts, "Sefton CVS to
// circulate the bulletin"; one that is no instruction, "Figures to be
// circulated"; one the owner's name cannot go before) is printed as typed,
// the owner and day after it: "Figures to be circulated (Jo Smith, by 31
// March 2022)." Imported minutes are matched to the actions on record by
// it (storage's importActions), so that minutes exported and imported
// again do not give each action twice.
func AgreedActionText(a AgreedAction) string {
	text := strings.TrimSuffix(strings.TrimSpace(a.Text), ".")
	owner := strings.TrimSpace(a.First.OwnerName)
	by := ""
	if !a.First.Due.IsNext() {
		by = "by " + printedDay(a.First.Due)
	}
	if rest, to := cutTo(text); owner != "" && (to || instruction(text)) {
		line := owner + " to " + lowerInitial(rest)
		if by != "" {
			line += " (" + by + ")"
		}
		return line + "."
	}
	who := strings.Join(slices.DeleteFunc([]string{owner, by}, func(s string) bool { return s == "" }), ", ")
	if who == "" {
		return text + "."
	}
	return text + " (" + who + ")."
}

// cutTo is text without a leading "to " (in any case), and whether it had
// one: "To brief the board" is to be printed "… to brief the board".
func cutTo(text string) (string, bool) {
	if len(text) > 3 && strings.EqualFold(text[:3], "to ") {
		return text[3:], true
	}
	return text, false
}

// instruction reports whether text reads as an instruction, a verb first
// in a capital ("Circulate the strategy to partners", "Report back on the
// pilot"), that the owner's name and "to" can go before: not one naming
// who acts ("Sefton CVS to circulate", "SWACA to report", "Neil to send"),
// nor one with no instruction ("Figures to be circulated"), nor a
// question. Where it cannot tell ("Write to the council"), it says no:
// the text printed as typed reads right whatever it is, the owner put
// before it only if it is an instruction.
func instruction(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 || strings.HasSuffix(text, "?") {
		return false
	}
	first := []rune(words[0])
	if len(first) < 2 || !unicode.IsUpper(first[0]) {
		return false
	}
	for _, r := range first[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	to := slices.IndexFunc(words, func(w string) bool { return strings.EqualFold(w, "to") })
	switch {
	case to < 0 || to > 5:
		return true
	case to+1 < len(words) && strings.EqualFold(words[to+1], "be"):
		// "Figures to be circulated".
		return false
	}
	// Names, each word in a capital, up to "to": "Sefton CVS to
	// circulate", "Neil to send", as "Write to the council".
	return slices.ContainsFunc(words[:to], func(w string) bool { return !unicode.IsUpper([]rune(w)[0]) })
}

// lowerInitial puts the first letter of a capitalised word starting s in
// lower case, as it reads after "to": "Circulate the figures" is "circulate
// the figures", but "IOM partners" and "A&E figures" keep their capitals.
func lowerInitial(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if !unicode.IsUpper(r) || !unicode.IsLower(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// considered is the paragraph of heading i's minute listing the items
// under it (under, as listedUnder gives it), escaped, and their numbers:
// "The following reports were considered:", then a line for each, "7.3
// Merseyside Police — Report of Superintendent Graeme Robson.", in the
// clerk's manner, by the agenda's numbers, which members find the papers
// under. "" and nil when it lists none.
func considered(items []AgendaItem, under []int, i int) (string, []string) {
	var lines, numbers []string
	reports := true
	for j, it := range items {
		if under[j] != i {
			continue
		}
		line := it.Number + " " + strings.TrimSuffix(strings.TrimSpace(it.Title), ".")
		var by []string
		for _, p := range strings.Split(it.Presenter, ",") {
			if p = strings.TrimSuffix(strings.TrimSpace(p), "."); p != "" {
				by = append(by, p)
			}
		}
		if len(by) > 0 {
			line += " — Report of " + joinAnd(by)
		} else {
			reports = false
		}
		lines = append(lines, Escape(line+"."))
		numbers = append(numbers, it.Number)
	}
	if len(lines) == 0 {
		return "", nil
	}
	lead := "The following items were considered:"
	if reports {
		lead = "The following reports were considered:"
	}
	return lead + "\n" + strings.Join(lines, "\n"), numbers
}

// previousMinutes is what the "Minutes of Previous Meeting" minute says
// when nothing is recorded under it: what Quorum records of the previous
// minutes' confirmation. Only a confirmation at this meeting is RESOLVED
// here; minutes not yet confirmed (a draft, none on record, or published
// ones whose confirmation Quorum does not hold) are left for the meeting
// to confirm, for the draft must not say it resolved what it has not:
// the narrative is then the agenda's question, and asked is true when
// the previous meeting is on record.
func previousMinutes(src MinutesSource) (narrative string, resolved []string, asked bool) {
	previous := src.Previous
	if previous == "" {
		// The committee's first meeting held in Quorum: the previous one
		// was minuted elsewhere. No placeholder for its date, which would
		// stand in these minutes once they are confirmed, if no one
		// amended it first; an officer may name the meeting with
		// /minutes amend.
		//
		// Not asked: with no previous meeting on record, Quorum has no
		// minutes of its own that the sentence contradicts.
		return "To confirm the Minutes of the previous meeting as a correct record.", nil, false
	}
	a := src.PreviousApproval
	switch {
	case a != nil && a.AtMeetingID == src.Meeting.ID:
		return "", []string{"That the Minutes of the meeting held on " + previous + " be confirmed as a correct record."}, false
	case a != nil && a.AtMeetingID != 0:
		return fmt.Sprintf("The Minutes of the meeting held on %s were confirmed as a correct record at the meeting held on %s.", previous, src.PreviousApprovedAt), nil, false
	case a != nil:
		on := printedDay(DateOf(a.At, src.Committee.Location()))
		return fmt.Sprintf("The Minutes of the meeting held on %s were confirmed as a correct record by correspondence on %s.", previous, on), nil, false
	}
	return "To confirm the Minutes of the meeting held on " + previous + " as a correct record.", nil, true
}

// Text is the document as Slack shows it, in code blocks (minutesSections):
// plain text in Slack's escaped form, without bold, which a code block
// would show as asterisks around every minute's title.
func (d MinutesDocument) Text() string {
	var b strings.Builder
	b.WriteString(d.Head())
	for _, dm := range d.Minutes {
		b.WriteString("\n\n" + dm.Text())
	}
	if d.Closing != "" {
		b.WriteString("\n\n" + d.Closing)
	}
	return b.String()
}

// upperCommittee is the committee's name in capitals, as councils head
// their minutes, in Slack's escaped form: capitals of the name, not of its
// escapes ("&AMP;" is no character Slack or a reader knows).
func (d MinutesDocument) upperCommittee() string {
	return Escape(strings.ToUpper(Unescape(d.Committee)))
}

// Head is the document's heading, status and attendance paragraphs.
func (d MinutesDocument) Head() string { return d.head(slackParagraph) }

// head is Head with each paragraph, given as its lines in Slack's escaped
// form, written by para.
func (d MinutesDocument) head(para func(lines ...string) string) string {
	var b strings.Builder
	b.WriteString(para(d.upperCommittee(), d.Heading, d.Status))
	for _, p := range d.Attendance {
		b.WriteString("\n\n" + para(p))
	}
	if len(d.Notes) > 0 {
		b.WriteString("\n\n" + para(d.Notes...))
	}
	return b.String()
}

// slackParagraph is a paragraph of lines as Slack and the plain text show
// it: the lines as they are.
func slackParagraph(lines ...string) string { return strings.Join(lines, "\n") }

// Text is one minute as Text shows it: number and title, narrative,
// RESOLVED text, and the minutes it refers to.
func (dm DocMinute) Text() string {
	return dm.text(slackParagraph, func(s string) string { return s })
}

// text is Text with each paragraph written by para, as head's, and the
// minute's number and title by bold.
func (dm DocMinute) text(para func(lines ...string) string, bold func(string) string) string {
	var b strings.Builder
	b.WriteString(bold(dm.Number + ". " + dm.Title))
	if dm.Urgency != "" {
		b.WriteString("\n\n" + para(UrgencySentence(dm.Urgency)))
	}
	for _, r := range dm.References {
		b.WriteString("\n\n" + para("("+strings.TrimSuffix(r, ".")+".)"))
	}
	switch {
	case dm.Pending && dm.Plain:
		b.WriteString("\n\n" + para(pendingPlainText))
	case dm.Pending && len(dm.Under) > 0:
		b.WriteString("\n\n" + para(pendingListedText))
	case dm.Pending && dm.Elsewhere != "":
		// Nothing in Quorum for /minutes approve to confirm, nor for a
		// decision here to contradict: the decision is this minute's.
		b.WriteString("\n\n" + para("[Nothing recorded yet: the minutes to confirm are those of the meeting held on "+dm.Confirms+
			", "+dm.Elsewhere+". Confirmed, /resolve this item ("+confirmationPrefix+dm.Confirms+confirmationSuffix+
			"); not confirmed, /minute this item (deferred, say).]"))
	case dm.Pending && dm.Confirms != "":
		// Confirming them is /minutes approve, which records it where
		// both meetings' minutes read it: a /resolve saying so here would
		// leave the previous minutes a draft while these said otherwise.
		b.WriteString("\n\n" + para("[Nothing recorded yet: the minutes to confirm are those of the meeting held on "+dm.Confirms+
			". Confirmed, /minutes approve "+dm.Confirms+" records it here and in them; not confirmed, /minute this item (deferred, say).]"))
	case dm.Pending && dm.Suggest != "":
		b.WriteString("\n\n" + para(strings.TrimSuffix(pendingText, ".]")+"; by the schedule: "+dm.Suggest+"]"))
	case dm.Pending:
		b.WriteString("\n\n" + para(pendingText))
	}
	if dm.Considered != "" {
		b.WriteString("\n\n" + para(dm.Considered))
	}
	if dm.Narrative != "" {
		b.WriteString("\n\n" + para(dm.Narrative))
	}
	for _, blk := range dm.Blocks() {
		b.WriteString("\n\n" + para(append([]string{blk.Word + ":"}, blk.Lines...)...))
		if blk.After != "" {
			b.WriteString("\n\n" + para(blk.After))
		}
	}
	if dm.After != "" {
		b.WriteString("\n\n" + para(dm.After))
	}
	if dm.Note != "" {
		b.WriteString("\n\n" + para(dm.Note))
	}
	for _, a := range dm.Actions {
		b.WriteString("\n\n" + para(a))
	}
	return b.String()
}

// printedBetween parts the narrative of imported minute mi, its After
// already cut from it, into the text before its first resolution and what
// it prints after each of the others, from the end of the narrative back.
// It is false when mi prints nothing between its resolutions, or when the
// narrative does not end with that text in that order (a minute imported
// before it was kept, or edited since): the narrative is then shown
// whole above the resolutions, as before.
func printedBetween(mi Minute) (string, []string, bool) {
	rest := mi.Narrative
	between := make([]string, len(mi.Resolutions))
	found := false
	for i := len(mi.Resolutions) - 1; i >= 0; i-- {
		a := mi.Resolutions[i].After
		if a == "" {
			continue
		}
		before, ok := strings.CutSuffix(rest, a)
		if !ok {
			return "", nil, false
		}
		rest, between[i], found = strings.TrimSpace(before), a, true
	}
	return rest, between, found
}

// DocBlock is resolutions of a minute under the word they are recorded
// under, and what imported minutes print after them.
type DocBlock struct {
	Word  string
	Lines []string
	After string
}

// Blocks are dm's resolutions under their words: all under one word, as
// councils print them, or each under its own when the words differ. Text
// imported minutes print between two resolutions ends a block, and the
// next resolution starts another, under its word again, as printed.
func (dm DocMinute) Blocks() []DocBlock {
	var out []DocBlock
	for i, r := range dm.Resolved {
		word, apart := dm.word(), len(dm.Words) == len(dm.Resolved)
		if apart {
			word = dm.Words[i]
		}
		if n := len(out); n == 0 || apart || out[n-1].After != "" {
			out = append(out, DocBlock{Word: word})
		}
		blk := &out[len(out)-1]
		blk.Lines = append(blk.Lines, r)
		if i < len(dm.Between) {
			blk.After = dm.Between[i]
		}
	}
	return out
}

// setOut lays a decision in parts out as councils print it, each part on
// a line of its own after "That": "That\n(1) the report be noted;\n(2) …".
// The words stay as written; a decision of one part stays on its line.
func setOut(body string) string {
	if len(ParseResolution(body).Parts) < 2 {
		return body
	}
	var b strings.Builder
	prev := 0
	for _, mk := range partMarks(body) {
		b.WriteString(strings.TrimRight(body[prev:mk[0]], " ") + "\n")
		prev = mk[0]
	}
	b.WriteString(body[prev:])
	return b.String()
}

// previousDay is the date of meeting m as the minutes name it: "9
// December 2021".
func previousDay(m Meeting, loc *time.Location) string {
	return printedDay(DateOf(m.StartsAt, loc))
}

// printedDay is d as the minutes print a day: "9 December 2021".
func printedDay(d Date) string {
	return d.Start(time.UTC).Format("2 January 2006")
}

func escapeAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = Escape(s)
	}
	return out
}

// word is the label of dm's resolutions: "RESOLVED" unless set.
func (dm DocMinute) word() string {
	if dm.Word == "" {
		return "RESOLVED"
	}
	return dm.Word
}
