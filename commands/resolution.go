package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

func resolutionCommand() *Command {
	return &Command{
		Name:    "/resolution",
		Summary: "Find what the committee resolved, by minute number or by words, and share it in the channel.",
		Subs: []Sub{{
			Alone: true, Read: true, Who: NoCommittee, Run: showHelp,
		}, {
			Usage: []string{
				"/resolution NUMBER",
				"/resolution DATE NUMBER",
				"/resolution DATE",
				"/resolution WORDS…",
			},
			Summary: "Show a minute by its number (the latest so numbered, or that day's; an agenda item's number finds the minute written for it), a meeting's minutes by its date (or a month's meetings, or the last meeting's minutes), or the minutes that best match the words: `or` between words finds either, `-word` or `NOT word` leaves out the minutes that hold it, and quotes keep a phrase together.",
			Date:    "DATE is the day of a meeting held: 2021-12-09, 9/12/2021 (day first) or 9 December 2021; alone, it lists that meeting's minutes.",
			Examples: []string{
				"/resolution 28",
				"/resolution 2021-12-09 28",
				"/resolution 2021-12-09",
				"/resolution December 2021",
				"/resolution last meeting",
				"/resolution rename partnership",
				`/resolution "alternative provision"`,
				"/resolution youth -offending",
			},
			Also:     []string{"search", "find", "show"},
			AlsoForm: map[string]string{"search": "/resolution WORDS…", "find": "/resolution WORDS…"},
			Read:     true, SelfAdmit: true, Run: findResolution,
		}, {
			Name:     "share",
			Usage:    []string{"/resolution share [DATE] NUMBER"},
			Summary:  "Post a minute's resolution, word for word, in the channel, as its Share button does.",
			Date:     "DATE is the day of a meeting held: 2021-12-09, 9/12/2021 (day first) or 9 December 2021; needed when more than one minute has the number.",
			Examples: []string{"/resolution share 28", "/resolution share 2021-12-09 28"},
			Read:     true, Run: shareResolution,
		}},
		Buttons: map[string]Action{
			"resolution.share": shareResolutionAction,
			"resolution.show":  showMinuteAction,
		},
	}
}

// Limits on /resolution.
const (
	maxSearchLen = 200 // characters of search words
	maxHits      = 5   // results shown
	maxOthers    = 5   // other minutes with the same number offered
)

// resolutionQuery is a parsed "/resolution [DATE] NUMBER" or "/resolution WORDS…".
type resolutionQuery struct {
	On     Date   // zero: any meeting
	Number string // a minute number, or ""
	Words  string // search words (websearch syntax), or ""
	// Yearless: On was given without its year ("9/12"), and may be
	// any year's (see latestMinutesDay).
	Yearless bool
	// Month: a month and its year ("December 2021", "last month"),
	// Day 0: the meetings of that month with minutes on record.
	Month Date
	// Last: "last meeting", the latest meeting with minutes on record.
	Last bool
}

// lastMeetingWords are what members type for the latest meeting's
// minutes: "last meeting", "previous meeting", "latest minutes".
var lastMeetingWords = map[string]bool{"last": true, "previous": true, "latest": true}

// takeMonth reads args as a month rather than words to search for: a
// month and its year ("December 2021", "Dec 2021"), or "last month" and
// "this month". A month's name alone stays a word ("December" is in the
// minutes of every meeting that fixes the next one for December), and so
// does one followed by other words ("december budget").
func takeMonth(args []string, now time.Time, loc *time.Location) (Date, bool) {
	if len(args) != 2 {
		return Date{}, false
	}
	w0, w1 := strings.ToLower(strings.Trim(args[0], ",.")), strings.ToLower(strings.Trim(args[1], ",."))
	if w1 == "month" && (w0 == "last" || w0 == "this" || w0 == "previous") {
		d := DateOf(now, loc)
		t := time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC)
		if w0 != "this" {
			t = t.AddDate(0, -1, 0)
		}
		return Date{Year: t.Year(), Month: t.Month()}, true
	}
	m, ok := months[w0]
	if !ok || !yearNumberRe.MatchString(w1) {
		return Date{}, false
	}
	year, _ := strconv.Atoi(w1)
	return Date{Year: year, Month: m}, true
}

// parseResolutionQuery reads the text of a /resolution command: a minute
// number, a date and a number, a date alone (that meeting's minutes), or
// words to search for. "Minute 28", "min. 28", "min28" and "no. 28" are
// numbers too.
func parseResolutionQuery(args []string, now time.Time, loc *time.Location) (resolutionQuery, error) {
	var q resolutionQuery
	if len(args) == 0 {
		return q, errors.New("give a minute number or some words to look for")
	}
	if m, ok := takeMonth(args, now, loc); ok {
		q.Month = m
		return q, nil
	}
	if len(args) == 2 && lastMeetingWords[strings.ToLower(args[0])] {
		switch strings.ToLower(strings.Trim(args[1], ",.")) {
		case "meeting", "minutes":
			q.Last = true
			return q, nil
		}
	}
	if d, n, err := takeDate(args, now, loc); err != nil {
		// "41/23" is minute 41 of 2023, not a day of a 23rd month.
		if num, ok := minuteNumber(args[0]); ok && len(args) == 1 {
			q.Number = num
			return q, nil
		}
		return q, err
	} else if n > 0 && !d.IsNext() {
		q.On, q.Yearless = d, yearless(args[:n], d, now, loc)
		args = args[n:]
	}
	rest := args
	for len(rest) > 1 && isNumberPrefix(rest[0]) {
		rest = rest[1:]
	}
	if len(rest) == 1 {
		if num, ok := minuteNumber(rest[0]); ok {
			q.Number = num
			return q, nil
		}
		if num, ok := letteredMinuteNumber(rest[0]); ok {
			q.Number = num
			return q, nil
		}
		if num, ok := gluedMinuteNumber(rest[0]); ok {
			q.Number = num
			return q, nil
		}
	}
	if len(rest) == 2 {
		if num, ok := spacedMinuteNumber(rest[0], rest[1]); ok {
			q.Number = num
			return q, nil
		}
	}
	if len(args) == 0 {
		return q, nil // a date alone: that meeting's minutes
	}
	if w := strings.Trim(rest[0], "#.,:"); q.On.Year != 0 && len(rest) == 1 && w != "" && allDigits([]string{w}) {
		// A number too long to be one: "give a minute number" would
		// answer someone who gave one.
		return q, fmt.Errorf("there is no minute %s: give the minute's number as printed in the minutes, e.g. `/resolution 2021-12-09 28`", truncateText(w, 20))
	}
	if q.On.Year != 0 {
		return q, errors.New("after a date, give a minute number (`/resolution 2021-12-09 28`); to search by words, leave the date out")
	}
	q.Words = plainShown(args)
	if len(q.Words) > maxSearchLen {
		return q, fmt.Errorf("that is too much to search for (%d characters; the limit is %d)", len(q.Words), maxSearchLen)
	}
	q.Words = minusForNot(q.Words)
	if !strings.ContainsFunc(q.Words, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return q, errors.New("give a minute number or some words to look for")
	}
	switch looked, left := searchedWords(q.Words); {
	case looked:
	case left:
		// "-noted" alone would find every minute without the word.
		return q, errors.New("give at least one word to look for: words after a minus, such as -noted, only leave minutes out (`/resolution rename -noted`)")
	case len(strings.Fields(q.Words)) == 1:
		return q, fmt.Errorf("the word %s is too common to search for: give a more specific word (`/resolution %s`) or a minute number (`/resolution 28`)", quoteWords(q.Words), wordsExample)
	default:
		return q, fmt.Errorf("the words %s are all too common to search for: give a more specific word (`/resolution %s`) or a minute number (`/resolution 28`)", quoteWords(q.Words), wordsExample)
	}
	return q, nil
}

// minusForNot writes "NOT word", outside quotes, as "-word": members
// type NOT as other search boxes take it, and the search, to which "not"
// is a word too common to look for, would find the very minutes they
// meant to leave out. Only NOT in capitals is taken so, as "or" is by the
// search itself: "decisions not yet taken" is words.
func minusForNot(words string) string {
	if !strings.Contains(words, "NOT") {
		return words
	}
	f := strings.Fields(words)
	out := make([]string, 0, len(f))
	inQuote := false
	for i := 0; i < len(f); i++ {
		if !inQuote && f[i] == "NOT" && i+1 < len(f) && !strings.HasPrefix(f[i+1], "-") {
			f[i+1] = "-" + f[i+1]
			continue
		}
		out = append(out, f[i])
		if strings.Count(f[i], `"`)%2 == 1 {
			inQuote = !inQuote
		}
	}
	return strings.Join(out, " ")
}

// searchStopWords are the words that PostgreSQL's English text search
// leaves out as too common to look for (its english.stop), which the
// search of the minutes uses: a search of these alone finds nothing.
// TestSearchStopWords checks them against the database.
var searchStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`i me my myself we our ours ourselves you your yours yourself yourselves
		he him his himself she her hers herself it its itself they them their theirs themselves what which who
		whom this that these those am is are was were be been being have has had having do does did doing a an
		the and but if or because as until while of at by for with about against between into through during
		before after above below to from up down in out on off over under again further then once here there when
		where why how all any both each few more most other some such no nor not only own same so than too very s
		t can will just don should now`) {
		m[w] = true
	}
	return m
}()

// searchedWords reads words as the search does (websearch_to_tsquery):
// looked is whether some word is one to look for, neither too common to
// search for (searchStopWords) nor one of those left out, by a minus before
// it ("-noted", -"report noted"); left is whether some word is left out. A
// word the search could read otherwise counts as one to look for, so that
// no search is refused that would have found something.
func searchedWords(words string) (looked, left bool) {
	w, left := lookedFor(words)
	return len(w) > 0, left
}

// lookedFor is searchedWords's reading of words: the words looked for,
// each once, in order, and whether some word is left out.
func lookedFor(words string) (looked []string, left bool) {
	seen := map[string]bool{}
	inQuote, outQuote := false, false
	for _, f := range strings.Fields(words) {
		out := outQuote
		if !inQuote {
			out = strings.HasPrefix(f, "-")
		}
		for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			switch {
			case out:
				left = true
			case !searchStopWords[strings.ToLower(w)] && !seen[strings.ToLower(w)]:
				seen[strings.ToLower(w)] = true
				looked = append(looked, w)
			}
		}
		if strings.Count(f, `"`)%2 == 1 {
			inQuote = !inQuote
			outQuote = inQuote && out
		}
	}
	return looked, left
}

// isNumberPrefix reports whether w is a word that may come before a minute
// number: "minute", "min.", "no.", "#".
func isNumberPrefix(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ".:")) {
	case "minute", "minutes", "min", "no", "number", "#", "item":
		return true
	}
	return false
}

// gluedMinuteNumber reads a minute number typed without a space after
// the word before it: "min28", "Minute28", "item7.5". "M28" is not one:
// it may be a motorway.
func gluedMinuteNumber(w string) (string, bool) {
	lw := strings.ToLower(w)
	for _, p := range []string{"minute", "min.", "min", "item"} {
		if len(lw) > len(p) && strings.HasPrefix(lw, p) && lw[len(p)] >= '0' && lw[len(p)] <= '9' {
			return minuteNumber(w[len(p):])
		}
	}
	return "", false
}

// minuteNumber reads a minute number as minutes print it: "28", "28.",
// "150/20", "7a", "#28", "No.28". ok is false for anything else.
func minuteNumber(w string) (string, bool) {
	w = strings.TrimPrefix(w, "#")
	if lw := strings.ToLower(w); strings.HasPrefix(lw, "no.") {
		w = w[3:]
	}
	w = strings.TrimRight(w, ".,:")
	if w == "" || len(w) > maxMinuteNumLen || w[0] < '0' || w[0] > '9' {
		return "", false
	}
	digits, slash := 0, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case (c == '/' || c == '.') && !slash && i > 0 && i < len(w)-1:
			slash = true
		case c >= 'a' && c <= 'z' && i == len(w)-1:
		case c >= 'A' && c <= 'Z' && i == len(w)-1:
			w = w[:i] + strings.ToLower(w[i:])
		default:
			return "", false
		}
	}
	if digits > 8 {
		return "", false
	}
	return w, true
}

// letteredMinuteRe is a minute number with letters before it, as the
// minutes reader takes them ("P061/24", "RMD.31.23", "FC/23/001", "S-1";
// see minutes.minuteNumPat).
var letteredMinuteRe = regexp.MustCompile(`^(?i:[a-z]{1,4}[./]?\d{1,4}(?:[./]\d{1,4}){1,2}|s-\d{1,3})$`)

// spacedLettersRe and spacedNumberRe are the two words of a minute number
// printed with a space after its letters ("SSP 12/22").
var (
	spacedLettersRe = regexp.MustCompile(`^[A-Za-z]{2,4}$`)
	spacedNumberRe  = regexp.MustCompile(`^\d{1,4}/\d{2,4}$`)
)

// spacedMinuteNumber reads a minute number printed as letters, a space and
// the number with its year: "SSP 16/22", typed as two words.
func spacedMinuteNumber(letters, number string) (string, bool) {
	number = strings.TrimRight(number, ".,:")
	if !spacedLettersRe.MatchString(letters) || !spacedNumberRe.MatchString(number) {
		return "", false
	}
	return strings.ToUpper(letters) + " " + number, true
}

// letteredMinuteNumber reads a minute number printed with letters before
// it: imported minutes keep the letters in capitals, as printed.
func letteredMinuteNumber(w string) (string, bool) {
	w = strings.TrimRight(w, ".,:")
	if !letteredMinuteRe.MatchString(w) {
		return "", false
	}
	return strings.ToUpper(w), true
}

func findResolution(ctx context.Context, s *Service, in *Input) (Reply, error) {
	if reply, ok, err := s.findFrom(ctx, in); ok || err != nil {
		return reply, err
	}
	if err := s.admitSelf(ctx, in); err != nil {
		return Reply{}, err
	}
	c := in.Committee
	q, err := parseResolutionQuery(s.mentionsNamed(ctx, in.Args), in.Now, c.Location())
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if q.Yearless {
		if q.On, err = s.latestMinutesDay(ctx, c, q.On, in.Now); err != nil {
			return Reply{}, err
		}
	}
	switch {
	case q.Last:
		return s.lastMeetingMinutes(ctx, c, in.Now)
	case q.Month.Year != 0:
		return s.minutesOfMonth(ctx, c, q.Month)
	case q.Number != "":
		return s.minuteByNumber(ctx, c, q, in.Now)
	case q.Words != "":
		return s.searchMinutes(ctx, c, q.Words, in.searchMeant(), in.Now)
	default:
		return s.minutesOfDay(ctx, c, q.On)
	}
}

// yearless reports whether words, read as the date d, gave no year: read
// a year earlier, they name another day. "today" and "tomorrow" name a
// day of their own.
func yearless(words []string, d Date, now time.Time, loc *time.Location) bool {
	switch strings.ToLower(strings.TrimRight(words[0], ",")) {
	case "today", "tomorrow":
		return false
	}
	earlier, _, err := takeDate(words, now.AddDate(-1, 0, 0), loc)
	return err == nil && earlier != d
}

// minutesYearsBack is how many years latestMinutesDay looks back.
const minutesYearsBack = 10

// latestMinutesDay is the day, of those with d's day and month, of the
// latest meeting of c with minutes on record, for a day given without
// its year: the minutes are of meetings held, and the nearest such day
// to now, which takeDate reads, may be still to come ("9/12" early in
// December). When none of the last minutesYearsBack years has minutes,
// it is the latest such day not after today, which the answer names.
func (s *Service) latestMinutesDay(ctx context.Context, c Committee, d Date, now time.Time) (Date, error) {
	today := DateOf(now, c.Location()).Start(time.UTC)
	// 29 February, in a year without one, is not a day to look at.
	exists := func(d Date) bool { return d.Start(time.UTC).Day() == d.Day }
	day := d
	// Bounded: a leap day is at most eight years back.
	for i := 0; i < 9 && (day.Start(time.UTC).After(today) || !exists(day)); i++ {
		day.Year--
	}
	first := day
	for range minutesYearsBack {
		if exists(day) {
			ms, err := s.store.MinutesOn(ctx, c.ID, day)
			if err != nil {
				return Date{}, err
			}
			if len(ms) > 0 {
				return day, nil
			}
		}
		day.Year--
	}
	return first, nil
}

// minuteByNumber shows the latest minute with q's number (of q's day, if
// given) and offers the others; with none so numbered, the minute of the
// agenda item of that number (itemMinute).
func (s *Service) minuteByNumber(ctx context.Context, c Committee, q resolutionQuery, now time.Time) (Reply, error) {
	ms, err := s.store.MinutesByNumber(ctx, c.ID, q.Number, q.On, maxOthers+1)
	if err != nil {
		return Reply{}, err
	}
	if len(ms) > 0 {
		return s.numberReply(ctx, c, q, ms, now)
	}
	return s.itemMinute(ctx, c, q, now)
}

// itemMinute answers a look-up by number that found no minute so
// numbered: minutes written in Quorum are numbered on from the last
// meeting's, so the agenda's "item 4" is minute 33, and someone reading
// the agenda gives the item's number. Of q's day, or without one of the
// latest meeting with minutes on record (the one at the table, asked
// about as it goes), the minute of the item so numbered is shown and
// named; otherwise the answer is that no minute is so numbered.
func (s *Service) itemMinute(ctx context.Context, c Committee, q resolutionQuery, now time.Time) (Reply, error) {
	on := q.On
	if on.Year == 0 {
		// LastMinute reads the days before its time's: a day on, so
		// that today's meeting is the latest.
		last, err := s.store.LastMinute(ctx, c.ID, now.Add(24*time.Hour))
		if errors.Is(err, ErrNotFound) {
			return s.noMinuteNumbered(ctx, c, q, now)
		}
		if err != nil {
			return Reply{}, err
		}
		on = last.HeldOn
	}
	day, err := s.store.MinutesOn(ctx, c.ID, on)
	if err != nil {
		return Reply{}, err
	}
	if len(day) == 0 && q.On.Year != 0 {
		// A day mistyped, or a meeting whose minutes are not here:
		// "no minute 28 of the meeting on …" would say it met.
		none, err := s.noMinutesOn(ctx, c, q.On)
		if err != nil {
			return Reply{}, err
		}
		return private("%s `/resolution %s` finds minute %s of whichever meeting has one; an officer can import minutes with `/minutes import`.",
			none, Escape(q.Number), Escape(q.Number)), nil
	}
	for _, mi := range day {
		if mi.Item == "" || mi.Item != q.Number {
			continue
		}
		// Read whole, with its resolutions, as a lookup by number is.
		whole, err := s.store.MinutesByNumber(ctx, c.ID, mi.Number, on, 1)
		if err != nil {
			return Reply{}, err
		}
		if len(whole) == 0 {
			break
		}
		if err := s.withRecord(ctx, c, whole, now); err != nil {
			return Reply{}, err
		}
		reply := minuteReply(c, whole[0])
		if q.On.Year != 0 {
			reply.Text = fmt.Sprintf("No minute of the meeting on %s is numbered %s; its agenda item %s is minute %s.",
				on, Escape(q.Number), Escape(mi.Item), Escape(mi.Number))
		} else {
			reply.Text = fmt.Sprintf("No minute of *%s* is numbered %s; agenda item %s of the meeting on %s is minute %s.",
				Escape(c.Name), Escape(q.Number), Escape(mi.Item), on, Escape(mi.Number))
		}
		return reply, nil
	}
	return s.noMinuteNumbered(ctx, c, q, now)
}

// yearNumberRe is a number that may be a year: a member asking what was
// resolved in 2021 types the year alone.
var yearNumberRe = regexp.MustCompile(`^(19|20)\d\d$`)

// wordsExample is the words a refusal gives as an example of a search:
// words any committee's minutes may hold, not one committee's business.
const wordsExample = "budget"

// noMinuteNumbered answers a look-up by number that found nothing. A
// number that reads as a year of the committee's minutes is taken for
// the year, not a minute: the answer names that year's latest meeting
// with minutes on record and how to list them, or says there is none.
func (s *Service) noMinuteNumbered(ctx context.Context, c Committee, q resolutionQuery, now time.Time) (Reply, error) {
	year, _ := strconv.Atoi(q.Number)
	if q.On.Year != 0 || !yearNumberRe.MatchString(q.Number) || year > DateOf(now, c.Location()).Year {
		return numberReply(c, q, nil), nil
	}
	last, err := s.store.LastMinute(ctx, c.ID, time.Date(year+1, time.January, 1, 0, 0, 0, 0, c.Location()))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return Reply{}, err
	}
	if err != nil || last.HeldOn.Year != year {
		return private("No minute %s of *%s* is on record, nor minutes of any of its meetings in %d. Search by words instead (`/resolution %s`), or an officer can import minutes with `/minutes import`.",
			Escape(q.Number), Escape(c.Name), year, wordsExample), nil
	}
	return private("No minute %s of *%s* is on record. For what a meeting in %d resolved, give its date: the latest of %d with minutes on record is %s (`/resolution %s`).",
		Escape(q.Number), Escape(c.Name), year, year, last.HeldOn, last.HeldOn.Start(time.UTC).Format("2006-01-02")), nil
}

// withRecord sets on ms, minutes of c shown by /resolution or shared,
// what is shown with them beyond their text: their actions
// (withActions), and the minutes' note of a decision recorded while the
// meeting was inquorate (withNotes).
func (s *Service) withRecord(ctx context.Context, c Committee, ms []Minute, now time.Time) error {
	if err := s.withActions(ctx, c, ms, now); err != nil {
		return err
	}
	return s.withNotes(ctx, c, ms)
}

// numberReply is numberReply with the actions of the minute it shows.
func (s *Service) numberReply(ctx context.Context, c Committee, q resolutionQuery, ms []Minute, now time.Time) (Reply, error) {
	if len(ms) > 0 {
		if err := s.withRecord(ctx, c, ms[:1], now); err != nil {
			return Reply{}, err
		}
	}
	return numberReply(c, q, ms), nil
}

// numberReply shows ms, the minutes of c numbered as q asks, the latest
// first.
func numberReply(c Committee, q resolutionQuery, ms []Minute) Reply {
	if len(ms) == 0 {
		where := ""
		if q.On.Year != 0 {
			where = " of the meeting on " + q.On.String()
		}
		return private("No minute %s%s of *%s* is on record. Search by words instead (`/resolution %s`), or an officer can import minutes with `/minutes import`.",
			Escape(q.Number), where, Escape(c.Name), wordsExample)
	}
	m := ms[0]
	reply := minuteReply(c, m)
	if len(ms) > 1 {
		reply.Text += fmt.Sprintf(", the latest; earlier minutes numbered %s are below", Escape(m.Number))
	}
	for _, o := range ms[1:min(len(ms), maxOthers+1)] {
		reply.Buttons = append(reply.Buttons, Button{
			Label:  fmt.Sprintf("Minute %s of %s", o.Number, o.HeldOn.Start(time.UTC).Format("2 Jan 2006")),
			Action: "resolution.show", Value: strconv.FormatInt(o.ID, 10),
		})
	}
	return reply
}

// minutesOfDay lists the minutes of the meeting held on d.
func (s *Service) minutesOfDay(ctx context.Context, c Committee, d Date) (Reply, error) {
	ms, err := s.store.MinutesOn(ctx, c.ID, d)
	if err != nil {
		return Reply{}, err
	}
	if len(ms) == 0 {
		none, err := s.noMinutesOn(ctx, c, d)
		if err != nil {
			return Reply{}, err
		}
		return private("%s", none), nil
	}
	return minutesOfDayReply(c, d, ms), nil
}

// lastMeetingMinutes lists the minutes of c's latest meeting with
// minutes on record: "last meeting" means the one whose decisions are
// wanted, and a meeting held since without minutes has none to show.
func (s *Service) lastMeetingMinutes(ctx context.Context, c Committee, now time.Time) (Reply, error) {
	// LastMinute reads the days before its time's: a day on, so that
	// today's meeting is the latest.
	last, err := s.store.LastMinute(ctx, c.ID, now.Add(24*time.Hour))
	if errors.Is(err, ErrNotFound) {
		return private("No minutes of *%s* are on record. An officer can import minutes with `/minutes import`.", Escape(c.Name)), nil
	}
	if err != nil {
		return Reply{}, err
	}
	return s.minutesOfDay(ctx, c, last.HeldOn)
}

// maxMonthMeetings bounds the meetings of a month looked up one by one.
const maxMonthMeetings = 31

// minutesOfMonth answers a month (month.Day is 0): the minutes of its one
// meeting with minutes on record, or its meetings, each with how to list
// its minutes. The meetings are read one at a time from the latest
// (LastMinute, an index read each), since a committee meets a few times
// in a month at most.
func (s *Service) minutesOfMonth(ctx context.Context, c Committee, month Date) (Reply, error) {
	loc := c.Location()
	first := time.Date(month.Year, month.Month, 1, 0, 0, 0, 0, loc)
	before := first.AddDate(0, 1, 0)
	name := first.Format("January 2006")
	var days []Date
	for range maxMonthMeetings {
		last, err := s.store.LastMinute(ctx, c.ID, before)
		if errors.Is(err, ErrNotFound) {
			break
		}
		if err != nil {
			return Reply{}, err
		}
		if last.HeldOn.Year != month.Year || last.HeldOn.Month != month.Month {
			break
		}
		days = append(days, last.HeldOn)
		before = last.HeldOn.Start(loc)
	}
	switch len(days) {
	case 0:
		return private("No minutes of *%s* for a meeting in %s are on record. For a meeting's minutes give its date (`/resolution 2021-12-09`); `/resolution last meeting` lists the latest on record.", Escape(c.Name), name), nil
	case 1:
		return s.minutesOfDay(ctx, c, days[0])
	}
	var b strings.Builder
	for i := len(days) - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "• %s — `/resolution %s`\n", days[i], days[i].Start(time.UTC).Format("2006-01-02"))
	}
	return Reply{
		Visibility: Private,
		Text:       fmt.Sprintf("*%s* — %d meetings in %s have minutes on record. List a meeting's minutes with its date:", Escape(c.Name), len(days), name),
		Sections:   []Section{{Text: strings.TrimRight(b.String(), "\n")}},
	}, nil
}

// noMinutesOn says that c has no minutes on record for d, and why, where
// its meetings say: the meeting that day was cancelled, or moved to
// another day (whose minutes, if any, it points to). An officer looking
// up a cancelled meeting would otherwise be told only that its minutes
// are missing, as if it had met.
func (s *Service) noMinutesOn(ctx context.Context, c Committee, d Date) (string, error) {
	loc := c.Location()
	none := fmt.Sprintf("No minutes of *%s* for %s are on record", Escape(c.Name), d)
	from := d.Start(loc)
	to := from.AddDate(0, 0, 1)
	ms, err := s.store.Meetings(ctx, c.ID, from, to)
	if err != nil {
		return "", err
	}
	var cancelled, others []Meeting
	for _, m := range ms {
		if m.Status == MeetingCancelled {
			cancelled = append(cancelled, m)
		} else {
			others = append(others, m)
		}
	}
	at := func(m Meeting) string {
		if m.TimeUnknown {
			return ""
		}
		return " at " + ClockIn(m.StartsAt, loc, "15:04")
	}
	switch {
	case len(cancelled) > 0 && len(others) == 0:
		return none + ": the meeting that day was cancelled.", nil
	case len(cancelled) > 0:
		// Another meeting that day has no minutes either, or they
		// would have been found.
		other := "the other meeting that day has none on record either"
		if len(others) == 1 && !others[0].TimeUnknown {
			other = "the one" + at(others[0]) + " has none on record either"
		}
		return fmt.Sprintf("%s: the meeting%s that day was cancelled, and %s.", none, at(cancelled[0]), other), nil
	case len(others) > 0:
		return none + ".", nil
	}
	m, err := s.store.MovedOff(ctx, c.ID, from, to)
	if errors.Is(err, ErrNotFound) {
		return none + ".", nil
	}
	if err != nil {
		return "", err
	}
	moved := fmt.Sprintf("%s: the meeting due that day moved to %s.", none, describeMeeting(m, loc))
	day := DateOf(m.StartsAt, loc)
	if there, err := s.store.MinutesOn(ctx, c.ID, day); err != nil {
		return "", err
	} else if len(there) > 0 {
		moved += fmt.Sprintf(" `/resolution %s` lists its minutes.", day.Start(time.UTC).Format("2006-01-02"))
	}
	return moved, nil
}

// minutesOfDayReply lists ms, the minutes of c's meeting on d.
func minutesOfDayReply(c Committee, d Date, ms []Minute) Reply {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "• %s. %s", Escape(m.Number), plainTitle(m.Title))
		if m.Draft {
			b.WriteString(" — " + DraftMark)
		}
		b.WriteString("\n")
	}
	return Reply{
		Visibility: Private,
		Text:       fmt.Sprintf("*%s* — minutes of the meeting on %s. Show one with `/resolution %s NUMBER`.", Escape(c.Name), d, d.Start(time.UTC).Format("2006-01-02")),
		Sections:   []Section{{Text: strings.TrimRight(b.String(), "\n")}},
	}
}

// RecentMinutes is how many of a committee's most recent minutes a search
// for a phrase of common words looks through (see
// MinutesStore.SearchMinutes).
const RecentMinutes = 2000

// formatCount writes n with thousands separated: 2,000.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// searchMinutes shows the minutes that best match words; meant is
// searchReply's.
func (s *Service) searchMinutes(ctx context.Context, c Committee, words, meant string, now time.Time) (Reply, error) {
	// One more than are shown, to know whether more match.
	ms, recentOnly, err := s.store.SearchMinutes(ctx, c.ID, words, maxHits+1)
	if err != nil {
		return Reply{}, err
	}
	return s.searchReply(ctx, c, words, ms, recentOnly, meant, now)
}

// findFrom is a look-up by number, or a search by words, from a
// committee's channel, in one round trip with the read of where it came
// from and the replay check (FindMinutesFrom); ok is false, with nothing
// done, for any other `/resolution` (a day's minutes, or a number of a
// day), which goes the long way. Whether the words are a date or a number
// does not depend on the time zone; only which day a relative date names
// does.
func (s *Service) findFrom(ctx context.Context, in *Input) (Reply, bool, error) {
	if in.committeeID != 0 {
		return Reply{}, false, nil
	}
	q, err := parseResolutionQuery(s.mentionsNamed(ctx, in.Args), in.Now, time.UTC)
	if err != nil || q.On.Year != 0 || q.Number == "" && q.Words == "" {
		return Reply{}, false, nil
	}
	limit := maxHits + 1 // one more than are shown: whether more match
	if q.Number != "" {
		limit = maxOthers + 1
	}
	o, ms, recentOnly, err := s.store.FindMinutesFrom(ctx, FindRequest{
		TeamID: in.TeamID, ChannelID: in.ChannelID, UserID: in.UserID, At: in.Now,
		Number: q.Number, Words: q.Words, Limit: limit, Replay: in.Replay,
	})
	if read, err := readHere(err); !read {
		return Reply{}, false, err
	}
	in.admitFrom(o)
	if q.Number != "" && len(ms) == 0 {
		reply, err := s.itemMinute(ctx, o.Committee, q, in.Now)
		return reply, true, err
	}
	if q.Number != "" {
		reply, err := s.numberReply(ctx, o.Committee, q, ms, in.Now)
		return reply, true, err
	}
	reply, err := s.searchReply(ctx, o.Committee, q.Words, ms, recentOnly, in.searchMeant(), in.Now)
	return reply, true, err
}

// mentionsNamed is args with each mention of a person ("@Graeme", which
// reaches the bot as "<@U123|graeme>") replaced by their name, as the
// minutes print it: a search for someone is for the minutes that name
// them, and no minute holds their Slack ID.
func (s *Service) mentionsNamed(ctx context.Context, args []string) []string {
	text := strings.Join(args, " ")
	if !strings.Contains(text, "<@") {
		return args
	}
	var b strings.Builder
	last := 0
	for _, at := range mentionMarkup.FindAllStringSubmatchIndex(text, -1) {
		before := text[last:at[0]]
		name := s.displayName(ctx, text[at[2]:at[3]], unescapedGroup(text, at, 2))
		// Left out ("-@graeme", "NOT @graeme"), the person is every word
		// of their name: a phrase, so that "-Graeme Robson" does not leave
		// out Graeme and ask for Robson.
		trimmed := strings.TrimRight(before, " ")
		switch {
		case strings.HasSuffix(before, "-"):
			name = `"` + strings.ReplaceAll(name, `"`, "") + `"`
		case strings.HasSuffix(trimmed, "NOT") && (len(trimmed) == 3 || trimmed[len(trimmed)-4] == ' '):
			name = `"` + strings.ReplaceAll(name, `"`, "") + `"`
		default:
			name = " " + name
		}
		b.WriteString(before + name + " ")
		last = at[1]
	}
	b.WriteString(text[last:])
	return strings.Fields(b.String())
}

// unescapedGroup is group n of a match at (FindStringSubmatchIndex) of
// text, unescaped; "" when the group did not take part.
func unescapedGroup(text string, at []int, n int) string {
	if at[2*n] < 0 {
		return ""
	}
	return Unescape(text[at[2*n]:at[2*n+1]])
}

// searchMeant is the subcommand a search's first word is a slip of, as
// the command it may mean ("/resolution sahre 28": `/resolution share
// 28`), or "". A word search takes any words, so a slip is not refused
// as other commands' are, only asked about when it finds nothing.
func (in *Input) searchMeant() string {
	if in.cmd == nil || len(in.Args) == 0 {
		return ""
	}
	name, _ := in.cmd.nearest(in.Args[0])
	if name == "" {
		return ""
	}
	return in.cmd.Name + " " + name + inCode(Escape(prefixed(" ", truncateText(plain(in.Args[1:]), 40))))
}

// searchReply shows the minutes of c found for words. When none is
// found and the first word is a slip of a subcommand's name, it asks
// about the command meant (searchMeant).
func (s *Service) searchReply(ctx context.Context, c Committee, words string, ms []Minute, recentOnly bool, meant string, now time.Time) (Reply, error) {
	if len(ms) == 0 && meant != "" && !recentOnly {
		return private("Nothing in the minutes of *%s* matches %s. Did you mean `%s`?", Escape(c.Name), quoteWords(words), meant), nil
	}
	if len(ms) == 0 {
		if recentOnly {
			return private("Nothing in the %s most recent minutes of *%s* matches %s. Its words are in so many minutes that older ones are not searched for the phrase: add a word that only the minute you want would hold, or search without quotes.",
				formatCount(RecentMinutes), Escape(c.Name), quoteWords(words)), nil
		}
		if reply, ok, err := s.acronymSearch(ctx, c, words, now); ok || err != nil {
			return reply, err
		}
		return s.nothingFound(ctx, c, words)
	}
	if reply, ok, err := s.acronymAlso(ctx, c, words, ms, now); ok || err != nil {
		return reply, err
	}
	return s.foundReply(ctx, c, words, ms, now)
}

// foundReply is searchReply with the actions of the minutes it shows.
func (s *Service) foundReply(ctx context.Context, c Committee, words string, ms []Minute, now time.Time) (Reply, error) {
	if err := s.withRecord(ctx, c, ms[:min(len(ms), maxHits)], now); err != nil {
		return Reply{}, err
	}
	return searchReply(c, words, ms), nil
}

// acronymAlso answers a search of one acronym whose minutes found spell
// it out ("Violence Against Women and Girls (VAWG)"), as minutes do once
// before using the words alone, with the minutes that hold either the
// acronym or the words; ok is false when none of ms spells it out (read
// from ms, with no look-up) or the words find no more minutes.
func (s *Service) acronymAlso(ctx context.Context, c Committee, words string, ms []Minute, now time.Time) (Reply, bool, error) {
	acronym := strings.Trim(words, `"'.,:;()`)
	if !IsAcronym(acronym) || len(ms) > maxHits {
		return Reply{}, false, nil
	}
	meaning := ""
	for _, m := range ms {
		for _, text := range []string{m.Title, m.Resolved(), m.Narrative} {
			if i := strings.Index(text, "("+acronym+")"); i > 0 && meaning == "" {
				meaning = spelledOut(lastBytes(text[:i], 120), acronym)
			}
		}
	}
	if meaning == "" {
		return Reply{}, false, nil
	}
	either := acronym + ` or "` + meaning + `"`
	more, _, err := s.store.SearchMinutes(ctx, c.ID, either, maxHits+1)
	if err != nil || len(more) <= len(ms) {
		return Reply{}, false, err
	}
	reply, err := s.foundReply(ctx, c, acronym+" or "+meaning, more, now)
	if err != nil {
		return Reply{}, false, err
	}
	reply.Text = fmt.Sprintf("%s: searched as %s too, which it stands for. %s", Escape(acronym), quoteWords(meaning), reply.Text)
	return reply, true, nil
}

// lastBytes is the end of s, at most n bytes, cut at a character.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// acronymWordRe is a search of one acronym: 2–6 capitals ("VAWG", "PCSO").
var acronymWordRe = regexp.MustCompile(`^[A-Z]{2,6}$`)

// IsAcronym reports whether w is an acronym as a search takes one: 2–6
// capital letters, and nothing a regular expression would read otherwise.
func IsAcronym(w string) bool { return acronymWordRe.MatchString(w) }

// acronymSearch answers a search of one acronym that found nothing with
// the minutes that hold the words it stands for, where the committee's
// records spell it out ("Violence Against Women and Girls (VAWG)"):
// minutes often define an acronym once and use the words, and a member
// types the acronym. ok is false when it is not an acronym, no record
// spells it out, or its words find nothing either. A thesaurus
// dictionary would do this inside the search, but it is configuration of
// the whole database, and one committee's IOM is not another's.
func (s *Service) acronymSearch(ctx context.Context, c Committee, words string, now time.Time) (Reply, bool, error) {
	acronym := strings.Trim(words, `"'.,:;()`)
	if !IsAcronym(acronym) {
		return Reply{}, false, nil
	}
	places, err := s.store.AcronymDefinitions(ctx, c.ID, acronym, 5)
	if err != nil {
		return Reply{}, false, err
	}
	for _, before := range places {
		meaning := spelledOut(before, acronym)
		if meaning == "" {
			continue
		}
		phrase := `"` + meaning + `"`
		ms, _, err := s.store.SearchMinutes(ctx, c.ID, phrase, maxHits+1)
		if err != nil {
			return Reply{}, false, err
		}
		if len(ms) == 0 {
			return Reply{}, false, nil
		}
		reply, err := s.foundReply(ctx, c, meaning, ms, now)
		if err != nil {
			return Reply{}, false, err
		}
		reply.Text = fmt.Sprintf("%s: searched as %s, which it stands for. %s", Escape(acronym), quoteWords(meaning), reply.Text)
		return reply, true, nil
	}
	return Reply{}, false, nil
}

// acronymJoiners are the small words a definition holds that its acronym
// leaves out: "Violence Against Women and Girls (VAWG)".
var acronymJoiners = map[string]bool{"and": true, "of": true, "the": true, "for": true, "in": true, "on": true, "to": true, "&": true, "&amp;": true}

// spelledOut is the words at the end of before whose initials spell
// acronym, in small letters ("violence against women and girls"), or ""
// if they do not. A hyphenated word gives an initial for each part
// ("anti-social behaviour (ASB)"); small joining words may be left out.
// A joining word in small letters is first taken as one, so that "the
// Office of the Police and Crime Commissioner (OPCC)" begins at Office,
// not at "of"; failing that, as giving its letter ("Department of Health
// (DOH)").
func spelledOut(before, acronym string) string {
	if out := spelledOutAs(before, acronym, true); out != "" {
		return out
	}
	return spelledOutAs(before, acronym, false)
}

func spelledOutAs(before, acronym string, joinersFirst bool) string {
	fields := strings.Fields(before)
	letters := []rune(acronym)
	var words []string
	for i := len(fields) - 1; i >= 0 && len(letters) > 0; i-- {
		w := strings.Trim(fields[i], `"'‘’“”,;:`)
		joiner := len(words) > 0 && acronymJoiners[strings.ToLower(w)]
		if joinersFirst && joiner && w == strings.ToLower(w) {
			words = append([]string{w}, words...)
			continue
		}
		parts := strings.Split(w, "-")
		left := letters
		for j := len(parts) - 1; j >= 0 && left != nil; j-- {
			r := []rune(parts[j])
			if len(r) == 0 || len(left) == 0 || unicode.ToUpper(r[0]) != left[len(left)-1] {
				left = nil
				break
			}
			left = left[:len(left)-1]
		}
		switch {
		case left != nil:
			letters = left
		case joiner:
		default:
			return ""
		}
		words = append([]string{w}, words...)
	}
	if len(letters) > 0 {
		return ""
	}
	return strings.ToLower(strings.Join(words, " "))
}

// maxWordsChecked bounds the words of a search that found nothing that
// nothingFound looks for one by one.
const maxWordsChecked = 8

// nothingFound answers a search of c's minutes for words that found
// nothing. Which of its words no minute holds is what the member needs to
// know: a misspelling ("camras"), or a word the minutes do not use; when
// each is in some minute, it is their being together that found nothing.
func (s *Service) nothingFound(ctx context.Context, c Committee, words string) (Reply, error) {
	none := fmt.Sprintf("Nothing in the minutes of *%s* matches %s", Escape(c.Name), quoteWords(words))
	looked, _ := lookedFor(words)
	looked = looked[:min(len(looked), maxWordsChecked)]
	var absent []string
	if !strings.Contains(words, `"`) {
		// A phrase not found is most often words that are each in many
		// minutes but never side by side, and each word's look-up reads
		// every minute holding it (GIN gives bitmaps, not a first match):
		// twice the search's own time. The answer says to search without
		// the quotes, which then names a word no minute holds.
		var err error
		if absent, err = s.store.WordsNotInMinutes(ctx, c.ID, looked); err != nil {
			return Reply{}, err
		}
	}
	quoted := make([]string, len(absent))
	for i, w := range absent {
		quoted[i] = quoteWords(w)
	}
	// One word typed may be read as several ("O'Neill" as "o" and
	// "neill"): none of them held is the word not held, and naming its
	// pieces would read as though two words had been typed.
	typed := len(strings.Fields(words))
	switch {
	case typed == 1 && len(absent) > 0 && len(absent) == len(looked):
		return private("%s: no minute holds it. Check its spelling, try another word for it, or give a minute number (`/resolution 28`).", none), nil
	case len(absent) == 1:
		return private("%s: no minute holds %s. Check its spelling, or try another word for it.", none, quoted[0]), nil
	case len(absent) > 1:
		return private("%s: no minute holds %s. Check their spelling, or try other words for them.", none, joinOr(quoted)), nil
	case strings.Contains(words, `"`):
		return private("%s. Try the words without quotes, or fewer of them.", none), nil
	case len(looked) > 1 && typed > 1:
		return private("%s: each word is in the minutes, but no minute holds them all. Try fewer words, or `or` between them (`/resolution %s`).",
			none, Escape(truncateText(strings.Join(looked[:2], " or "), 60))), nil
	}
	return private("%s. Try fewer or broader words, a single key word, or a minute number (`/resolution 28`).", none), nil
}

// searchReply shows ms, the minutes of c found for words.
func searchReply(c Committee, words string, ms []Minute) Reply {
	reply := Reply{Visibility: Private}
	switch {
	case len(ms) == 1:
		reply.Text = fmt.Sprintf("*%s* — the minute that matches %s:", Escape(c.Name), quoteWords(words))
	case len(ms) > maxHits:
		// Told only "the 5 that best match", a member who does not see
		// the minute wanted would take it not to be in the minutes.
		ms = ms[:maxHits]
		reply.Text = fmt.Sprintf("*%s* — the %d minutes that best match %s, best first; more match: add a word to find fewer.", Escape(c.Name), len(ms), quoteWords(words))
	default:
		reply.Text = fmt.Sprintf("*%s* — the %d minutes that best match %s, best first:", Escape(c.Name), len(ms), quoteWords(words))
	}
	// Numbering starts again each municipal year, so a search over years
	// finds minutes of one number at several meetings: their buttons say
	// which meeting, or they read alike and the wrong one gets shared.
	seen := map[string]int{}
	for _, m := range ms {
		seen[m.Number]++
	}
	for _, m := range ms {
		reply.Sections = append(reply.Sections, minuteSection(m, true))
		b := shareButton(m)
		if m.Number != "" && seen[m.Number] > 1 {
			b.Label = fmt.Sprintf("Share minute %s of %s in channel", m.Number, m.HeldOn.Start(time.UTC).Format("2 Jan 2006"))
		}
		reply.Buttons = append(reply.Buttons, b)
	}
	return reply
}

func quoteWords(w string) string { return "“" + Escape(w) + "”" }

func shareButton(m Minute) Button {
	label := "Share in channel"
	if m.Number != "" {
		label = fmt.Sprintf("Share minute %s in channel", m.Number)
	}
	return Button{Label: label, Action: "resolution.share", Value: strconv.FormatInt(m.ID, 10), Style: "primary"}
}

// labelled puts the word the resolutions were recorded under before
// text, m's resolutions one a line as shown: once, when they share it,
// or before each line when they do not, so that what a board NOTED is not
// quoted as RESOLVED beside what it AGREED. When a resolution runs over
// several lines the lines no longer match the resolutions: RESOLVED then
// stands before all, as it did before minutes kept their words.
func (m Minute) labelled(text string) string {
	lines, words := strings.Split(text, "\n"), m.words()
	if len(words) == 0 || len(lines) != len(words) {
		return m.Word() + ": " + text
	}
	for i, w := range words {
		lines[i] = w + ": " + lines[i]
	}
	return strings.Join(lines, "\n")
}

// followUpsHeading stands over the actions added under a minute after
// its minutes were confirmed (Minute.FollowUps): not "Actions agreed",
// for the meeting did not agree them, and a quotation shared in a channel
// must not say it did.
const followUpsHeading = "Follow-up actions since:"

// maxNarrative bounds the narrative shown for a minute that resolved nothing.
const maxNarrative = 600

// minuteSection shows one minute: number, title, date, what was resolved
// (highlighted, for a search) and what it refers to.
func minuteSection(m Minute, highlighted bool) Section {
	var b strings.Builder
	fmt.Fprintf(&b, "_%s, %s_\n", Escape(m.CommitteeName), m.HeldOn)
	if m.Draft {
		b.WriteString(DraftMark + "\n")
	}
	switch {
	case highlighted && len(m.Resolutions) > 0:
		b.WriteString(m.labelled(Highlight(m.Highlight)))
	case len(m.Resolutions) > 0:
		b.WriteString(m.labelled(plainText(m.Resolved())))
	case highlighted && strings.Contains(m.Passage, HighlightStart):
		b.WriteString(Highlight(passageIn(m.Narrative, m.Passage)))
	case m.Narrative != "":
		b.WriteString(plainText(cutBytes(m.Narrative, maxNarrative)))
		if len(m.Narrative) > maxNarrative {
			b.WriteString("…")
		}
	default:
		b.WriteString("(Nothing was resolved under this minute.)")
	}
	// Words found only in the narrative are shown where they were found.
	if highlighted && len(m.Resolutions) > 0 && !strings.Contains(m.Highlight, HighlightStart) && strings.Contains(m.Passage, HighlightStart) {
		b.WriteString("\nFrom the minute: " + Highlight(passageIn(m.Narrative, m.Passage)))
	}
	if m.Note != "" && len(m.Resolutions) > 0 {
		// Under the decision, as the minutes print it.
		b.WriteString("\n" + plainText(m.Note))
	}
	if len(m.References) > 0 {
		b.WriteString("\nRefers to: " + refersTo(m.References, plainText))
	}
	if len(m.Actions) > 0 {
		b.WriteString("\nActions agreed:\n" + strings.Join(m.Actions, "\n"))
	}
	if len(m.FollowUps) > 0 {
		b.WriteString("\n" + followUpsHeading + "\n" + strings.Join(m.FollowUps, "\n"))
	}
	return Section{Title: fmt.Sprintf("Minute %s — %s", plainTitle(m.Number), plainTitle(m.Title)), Text: b.String()}
}

// PassageDelimiter is what a passage shows between the parts of it the
// search found the words in.
const PassageDelimiter = " … "

// PassageBreak is what the search puts between those parts: a control
// character, which no minute holds, where " … " may be the minute's own
// and would split a part in two.
const PassageBreak = "\x18"

// nearEnd is how close to either end of a narrative a passage may start
// or stop and be shown to it, rather than with "…": a word or two that
// the search leaves off ("The", a full stop) is shown.
const nearEnd = 24

// passageIn is passage, the parts of narrative that hold the words
// searched for, saying with "…" where it leaves out words before its
// first part or after its last, as between its parts: a passage that
// stops mid-sentence would read as the whole minute. A part not found in
// narrative as written is shown as it is.
func passageIn(narrative, passage string) string {
	unmarked := strings.NewReplacer(HighlightStart, "", HighlightStop, "")
	parts := strings.Split(passage, PassageBreak)
	first, last := unmarked.Replace(parts[0]), unmarked.Replace(parts[len(parts)-1])
	passage = strings.Join(parts, PassageDelimiter)
	if i := strings.Index(narrative, first); i > 0 && first != "" {
		if before := narrative[:i]; len(before) <= nearEnd {
			passage = before + passage
		} else {
			passage = "… " + passage
		}
	}
	if i := strings.LastIndex(narrative, last); i >= 0 && last != "" {
		if after := narrative[i+len(last):]; len(after) <= nearEnd {
			passage += after
		} else {
			passage += " …"
		}
	}
	return passage
}

// Highlight renders text holding highlight markers as Slack mrkdwn, matched
// words in bold. The text is escaped first, and asterisks of its own are
// shown as "∗" so that they cannot pair with the highlighting's: only the
// search's markers make bold.
func Highlight(marked string) string {
	// Matches side by side (a web address is several words to the search:
	// "www.sefton.gov.uk" and "/budget") are one stretch of bold: "*a**b*"
	// would show its asterisks.
	s := plainText(strings.ReplaceAll(marked, HighlightStop+HighlightStart, ""))
	s = strings.ReplaceAll(s, HighlightStart, "*")
	return strings.ReplaceAll(s, HighlightStop, "*")
}

// plainText escapes stored text for display among formatting of our own:
// no mentions or links, and no asterisks that could pair with ours.
func plainText(s string) string {
	return strings.ReplaceAll(Escape(s), "*", "∗")
}

// plainTitle is plainText on one line.
func plainTitle(s string) string {
	return plainText(strings.Join(strings.Fields(s), " "))
}

// ownMinute loads the minute a button names, refusing minutes of other
// committees than the channel's, or than the sender's own elsewhere, as
// it refuses a minute that does not exist; with its actions, as shown.
func (s *Service) ownMinute(ctx context.Context, r Request, value string) (Committee, Minute, error) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 {
		return Committee{}, Minute{}, userErr("That button is broken; look the minute up again with `/resolution`.")
	}
	m, err := s.store.Minute(ctx, id)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return Committee{}, Minute{}, err
	}
	// Nothing of the minute but its committee is looked at until the
	// sender is admitted to it.
	var c Committee
	carried, aerr := s.ownRecord(ctx, r, m.CommitteeID)
	if aerr == nil {
		c, _, aerr = s.admitCarried(ctx, r, carried, Anyone, "")
	}
	if aerr != nil {
		return Committee{}, Minute{}, aerr
	}
	if errors.Is(err, ErrNotFound) || m.CommitteeID != c.ID {
		return Committee{}, Minute{}, userErr("That minute is not on record for %s any more; look it up again with `/resolution`.", Escape(c.Name))
	}
	ms := []Minute{m}
	if err := s.withRecord(ctx, c, ms, r.Now); err != nil {
		return Committee{}, Minute{}, err
	}
	return c, ms[0], nil
}

// shareResolution is `/resolution share [DATE] NUMBER`: the minute so
// numbered posted as its Share button posts it. What is posted is read
// by everyone, so a number that more than one meeting's minutes have is
// asked about rather than the latest taken, as a lookup takes it.
func shareResolution(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	q, err := parseResolutionQuery(in.Args, in.Now, c.Location())
	if err != nil && len(in.Args) > 0 {
		return Reply{}, badArgs(err)
	}
	if q.Number == "" {
		find := "WORDS"
		if q.Words != "" {
			find = Escape(truncateText(strings.Join(in.Args, " "), 60))
		}
		return Reply{}, userErr("Give the number of the minute to share: `/resolution share 28`, or `/resolution share 2021-12-09 28`. To find it, `/resolution %s` and press its Share button.", find)
	}
	if q.Yearless {
		if q.On, err = s.latestMinutesDay(ctx, c, q.On, in.Now); err != nil {
			return Reply{}, err
		}
	}
	ms, err := s.store.MinutesByNumber(ctx, c.ID, q.Number, q.On, maxOthers+1)
	if err != nil {
		return Reply{}, err
	}
	switch {
	case len(ms) == 0:
		r := numberReply(c, q, ms)
		r.Refused = true
		return r, nil
	case len(ms) > 1:
		forms := make([]string, len(ms))
		for i, m := range ms {
			forms[i] = fmt.Sprintf("`/resolution share %s %s`", m.HeldOn.Start(time.UTC).Format("2/01/2006"), Escape(m.Number))
		}
		return Reply{}, userErr("More than one minute is numbered %s: give the meeting's date, %s.", Escape(q.Number), joinOr(forms))
	}
	if err := s.withRecord(ctx, c, ms, in.Now); err != nil {
		return Reply{}, err
	}
	return Reply{Visibility: Public, Text: SharedMinute(c, ms[0], in.UserID)}, nil
}

// shareResolutionAction posts the minute's resolution, word for word, for
// everyone in the channel.
func shareResolutionAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	c, m, err := s.ownMinute(ctx, r, value)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Visibility: Public, Text: SharedMinute(c, m, r.UserID)}, nil
}

// SharedMinute is the quotation of a minute that Share posts: committee,
// date, number and title, then the resolution word for word.
func SharedMinute(c Committee, m Minute, by string) string {
	var b strings.Builder
	if by != "" {
		fmt.Fprintf(&b, "<@%s> shared ", by)
	}
	fmt.Fprintf(&b, "*%s*, meeting of %s — minute %s, %s:\n", Escape(c.Name), m.HeldOn, Escape(m.Number), Escape(m.Title))
	if m.Draft {
		b.WriteString(DraftMark + "\n")
	}
	var body string
	switch {
	case len(m.Resolutions) > 0:
		lines := make([]string, len(m.Resolutions))
		for i, r := range m.Resolutions {
			lines[i] = r.Word() + ": " + Escape(r.Body)
		}
		body = strings.Join(lines, "\n")
	case m.Narrative != "":
		body = Escape(m.Narrative)
	default:
		body = "(Nothing was resolved under this minute.)"
	}
	for _, l := range strings.Split(body, "\n") {
		b.WriteString(">" + l + "\n")
	}
	if m.Note != "" && len(m.Resolutions) > 0 {
		// Outside the quotation: the minutes' note, not the decision's
		// words.
		b.WriteString(Escape(m.Note) + "\n")
	}
	if len(m.References) > 0 {
		b.WriteString("Refers to: " + refersTo(m.References, Escape) + "\n")
	}
	if len(m.Actions) > 0 {
		b.WriteString("Actions agreed:\n" + strings.Join(m.Actions, "\n") + "\n")
	}
	if len(m.FollowUps) > 0 {
		b.WriteString(followUpsHeading + "\n" + strings.Join(m.FollowUps, "\n") + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// showMinuteAction shows another minute with the same number.
func showMinuteAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	c, m, err := s.ownMinute(ctx, r, value)
	if err != nil {
		return Reply{}, err
	}
	return minuteReply(c, m), nil
}

// minuteReply shows minute m of c, with a button to share it.
func minuteReply(c Committee, m Minute) Reply {
	return Reply{
		Visibility: Private,
		Text:       fmt.Sprintf("*%s* — minute %s of the meeting on %s", Escape(c.Name), Escape(m.Number), m.HeldOn),
		Sections:   []Section{minuteSection(m, false)},
		Buttons:    []Button{shareButton(m)},
	}
}

// refersSuffix is the "refers" an agenda prints after a reference ("Minute
// No. 26 refers").
var refersSuffix = regexp.MustCompile(`(?i)[\s.,;:]*\brefers?[\s.]*$`)

// refersTo is a minute's references as they read after "Refers to:", each
// shown by show: without their own "refers", which would say it twice.
func refersTo(refs []string, show func(string) string) string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		if t := refersSuffix.ReplaceAllString(r, ""); t != "" {
			r = t
		}
		out = append(out, show(r))
	}
	return strings.Join(out, "; ")
}
