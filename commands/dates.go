package commands

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day in a committee's time zone. The zero Date means
// "the next meeting".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsNext reports whether d means "the next meeting" rather than a day.
func (d Date) IsNext() bool { return d.Year == 0 }

// Start is the first instant of d in loc.
func (d Date) Start(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// String formats d as UK readers expect: "Thursday 10 December 2026".
func (d Date) String() string {
	if d.IsNext() {
		return "next"
	}
	return d.Start(time.UTC).Format("Monday 2 January 2006")
}

// DateOf is the calendar day of t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, day := t.In(loc).Date()
	return Date{y, m, day}
}

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
}

var weekdays = map[string]bool{}

// weekdayOf is the day each of weekdays names.
var weekdayOf = map[string]time.Weekday{}

func init() {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		weekdayOf[name] = d
		weekdayOf[name[:3]] = d
	}
	// Other short forms people type ("next tues"): missed, they would be
	// read as the first word of a reason or a title.
	weekdayOf["tues"] = time.Tuesday
	weekdayOf["weds"] = time.Wednesday
	weekdayOf["thur"] = time.Thursday
	weekdayOf["thurs"] = time.Thursday
	for name := range weekdayOf {
		weekdays[name] = true
	}
}

// nextSpan are the spans "next" may start ("next week") with how far
// ahead each is, in months and days, for an example of a date in it.
var nextSpan = map[string][2]int{"week": {0, 7}, "fortnight": {0, 14}, "month": {1, 0}}

// takeDate reads a date from the start of words and says how many words it
// used (0: the words do not start with a date). Accepted: "next", "today",
// "tomorrow", ISO "2026-12-10", UK day-first "10/12/2026" (also with . or -),
// "10 December [2026]", "Thursday 10th December, 2026", "December 10 [2026]".
// A day without a year is the occurrence nearest to now. Words that are
// clearly meant as a date but name no real day ("31/02/2026") are an error.
func takeDate(words []string, now time.Time, loc *time.Location) (Date, int, error) {
	return takeDateRead(words, now, loc, nearest)
}

// takeDateBeforeClock is takeDate for a date a start time follows, as a
// meeting's: four figures straight after a day and its month that are a
// time on the 24-hour clock before 19:00 are that time, as they are after
// a full date ("11 February 1400" is 14:00 on the nearest 11 February).
// Figures from 1900 on stay a year ("11 February 2027 10:00"), as do
// figures a time follows: see clockNotYear.
func takeDateBeforeClock(words []string, now time.Time, loc *time.Location) (Date, int, error) {
	d, n, err := takeDate(words, now, loc)
	for i := 2; i < len(words) && i <= 4; i++ {
		if err == nil && n <= i {
			break // the date ended before these figures
		}
		if !clockNotYear(words[i]) {
			continue
		}
		if _, k, _ := takeClock(words[i+1:]); k > 0 {
			// "11 March 2025 10:00": a time follows, so the figures are
			// the year, though a year gone.
			break
		}
		if short, k, err := takeDate(words[:i], now, loc); err == nil && k == i && !short.IsNext() {
			return short, k, nil
		}
	}
	return d, n, err
}

// clockNotYear reports whether w, four figures, is a time on the 24-hour
// clock ("1400") that cannot be a year anyone would type: before 1900.
// Every year from 1900 on is a clock up to 2359, and a year gone typed by
// a slip ("17 December 2025") read as 20:25 would move a meeting and tell
// its members so, where as a year it is refused as gone; so a year it
// stays, and an evening time is typed with its colon ("19:30").
func clockNotYear(w string) bool {
	w = strings.TrimRight(w, ",")
	if len(w) != 4 || !allDigits([]string{w}) || w >= "1900" {
		return false
	}
	_, k, err := takeClock([]string{w})
	return err == nil && k == 1
}

// yearlessDay is how a day typed without its year is read.
type yearlessDay int

const (
	// nearest is the occurrence nearest to now, before or after: a
	// meeting's day, or an action's due date.
	nearest yearlessDay = iota
	// mostRecent is the latest occurrence not after today: a day
	// something has already happened on, as a gift received.
	mostRecent
)

// takePastDate is takeDate for a day that has already come, as a gift's:
// a day without a year is its most recent occurrence (on 7 December,
// "14 January" is 14 January of this year, not the next), "yesterday" is
// read, and the example given for "next Thursday" is a day gone.
func takePastDate(words []string, now time.Time, loc *time.Location) (Date, int, error) {
	return takeDateRead(words, now, loc, mostRecent)
}

// takeDateRead is takeDate with a day without a year read as r says.
func takeDateRead(words []string, now time.Time, loc *time.Location, r yearlessDay) (Date, int, error) {
	if len(words) == 0 {
		return Date{}, 0, nil
	}
	w0 := strings.ToLower(strings.TrimRight(words[0], ","))
	switch w0 {
	case "next":
		if len(words) > 1 {
			// The commas are not part of the word, and would be quoted
			// back: "next Thursday,,,," is "next Thursday".
			said := strings.TrimRight(words[1], ",")
			w1 := strings.ToLower(said)
			_, n, err := takeDateRead(words[1:], now, loc, r)
			if weekdays[w1] && err != nil {
				return Date{}, 0, err
			}
			if weekdays[w1] && n == 0 {
				// "next Thursday" is a day the sender has in mind; read as
				// the next meeting, "Thursday" would start the reason. Which
				// Thursday it means is not clear (this week's or the one
				// after), so ask for the date.
				// A day gone is given as the example of one, that
				// is read as meant (see takePastDate); there `next` is
				// no meeting.
				step, alone := 1, "; `next` alone is the next meeting"
				if r == mostRecent {
					step, alone = -1, ""
				}
				d := now.In(loc).AddDate(0, 0, step)
				for d.Weekday() != weekdayOf[w1] {
					d = d.AddDate(0, 0, step)
				}
				return Date{}, 0, fmt.Errorf("`next %s` may mean more than one day: give its date, e.g. `%s`%s", said, d.Format("2 January"), alone)
			}
			if later, ok := nextSpan[w1]; ok {
				// "next week" is a time the sender has in mind, not the
				// next meeting with "week" the start of what follows.
				e, alone := now.In(loc).AddDate(0, later[0], later[1]), "; `next` alone is the next meeting"
				if r == mostRecent {
					// A time to come is no day a gift was received on:
					// the example is a day gone, and the answer says why,
					// so that it does not read as the date meant.
					e = now.In(loc).AddDate(0, -later[0], -later[1])
					return Date{}, 0, fmt.Errorf("`next %s` is not a date, and a gift is registered once received: give the day it was received, e.g. `%s`", said, e.Format("2 January"))
				}
				return Date{}, 0, fmt.Errorf("`next %s` is not a date: give its date, e.g. `%s`%s", said, e.Format("2 January"), alone)
			}
			// "next Thursday 17 December" is the next meeting, then a
			// date, as /meeting move takes them.
		}
		return Date{}, 1, nil
	case "today":
		return DateOf(now, loc), 1, nil
	case "tomorrow":
		return DateOf(now.In(loc).AddDate(0, 0, 1), loc), 1, nil
	case "yesterday":
		if r == mostRecent {
			// Where a day to come is wanted it is a slip, answered by
			// relativeDay.
			return DateOf(now.In(loc).AddDate(0, 0, -1), loc), 1, nil
		}
	}
	skip := 0
	if weekdays[w0] && len(words) > 1 {
		skip = 1 // "Thursday 10 December"
	}
	d, n, err := dateAfterWeekday(words[skip:], now, loc, r)
	if err != nil || n == 0 {
		return Date{}, 0, err
	}
	if skip == 1 {
		if err := weekdayAgrees(words[:1+n], d, r == mostRecent && !d.Start(loc).After(DateOf(now, loc).Start(loc))); err != nil {
			return Date{}, 0, err
		}
	}
	return d, skip + n, nil
}

// dateAfterWeekday is takeDate's reading of the date itself, after any
// weekday.
func dateAfterWeekday(words []string, now time.Time, loc *time.Location, r yearlessDay) (Date, int, error) {
	if d, ok, err := dayMonth(words[0], now, loc, r); ok || err != nil {
		if err != nil {
			return Date{}, 0, err
		}
		return d, 1, nil
	}
	if d, ok, err := numericDate(words[0]); ok || err != nil {
		if err != nil {
			return Date{}, 0, err
		}
		return d, 1, nil
	}
	return wordDate(words, now, loc, r)
}

// weekdayAgrees refuses a date whose weekday is not the day it falls on
// ("Tue 9 Dec" when 9 December is a Thursday): one of the two is a slip,
// and which is the sender's to say; taking the date alone could put
// apologies or a meeting on a day no one meant. typed are the words, the
// weekday first. The answer names the year only when it was typed; past
// says the day was read as the last such day, not the nearest.
func weekdayAgrees(typed []string, d Date, past bool) error {
	said := weekdayOf[strings.ToLower(strings.TrimRight(typed[0], ","))]
	is := d.Start(time.UTC).Weekday()
	if said == is {
		return nil
	}
	text := Escape(truncateText(strings.Join(typed, " "), 60))
	day := d.Start(time.UTC).Format("2 January")
	if strings.Contains(strings.Join(typed[1:], " "), strconv.Itoa(d.Year)) {
		return fmt.Errorf("`%s` names two days: %s %d is a %s, not a %s. Give the date again, e.g. `%s`",
			text, day, d.Year, is, said, d.Start(time.UTC).Format("2/01/2006"))
	}
	which := "nearest"
	if past {
		which = "last"
	}
	return fmt.Errorf("`%s` names two days: the %s %s is a %s, not a %s. Give the date again: `%s` alone, or with its year",
		text, which, day, is, said, day)
}

// relativeDay refuses w, typed where a date is wanted, when it names a day
// only by where it lies from today ("Thursday", "thu", "yesterday"):
// read as no date, it would be answered as if none had been given, or
// taken for the words after the date. Which Thursday is meant is the
// sender's to say, so the answer gives the one it may be: dir says where
// the day lies, 1 ahead (an action's due date), -1 past (a gift
// received), 0 either (a meeting's day), which gives both. It is nil for
// any other word.
func relativeDay(w string, now time.Time, loc *time.Location, dir int) error {
	word := strings.ToLower(strings.TrimRight(w, ",."))
	if day, ok := strings.CutPrefix(word, "this "); ok && weekdays[day] {
		word = day // "this Thursday" is no clearer
	}
	typed := inCode(Escape(truncateText(w, 40)))
	today := now.In(loc)
	day := func(t time.Time) string { return "`" + t.Format("2/01/2006") + "`" }
	if word == "yesterday" {
		return fmt.Errorf("`%s` is not read as a date: give its date, %s", typed, day(today.AddDate(0, 0, -1)))
	}
	if !weekdays[word] {
		return nil
	}
	// The nearest such day after today, and before it: the same day of
	// the week as today is a week away.
	is := func(t time.Time) bool { return t.Weekday() == weekdayOf[word] }
	next, last := today.AddDate(0, 0, 1), today.AddDate(0, 0, -1)
	for !is(next) {
		next = next.AddDate(0, 0, 1)
	}
	for !is(last) {
		last = last.AddDate(0, 0, -1)
	}
	switch {
	case dir > 0:
		return fmt.Errorf("`%s` may mean more than one day: give its date, e.g. %s", typed, day(next))
	case dir < 0:
		return fmt.Errorf("`%s` may mean more than one day: give its date, e.g. %s", typed, day(last))
	}
	return fmt.Errorf("`%s` may mean more than one day: give its date, %s for the last, %s for the next", typed, day(last), day(next))
}

// dayWords is the words relativeDay is to read from the start of words:
// "this Thursday" together, else the first word.
func dayWords(words []string) string {
	if len(words) > 1 && strings.EqualFold(words[0], "this") && weekdays[strings.ToLower(strings.TrimRight(words[1], ",."))] {
		return words[0] + " " + words[1]
	}
	return words[0]
}

// nextAndDate refuses words that start with `next` and then a date ("next
// 17/12", "next Thursday 17 December"): the next meeting, and a day that
// may be another meeting's. Read as the next meeting, the date would be
// taken for what follows it (a reason, an item's number). cmd is the
// command, for the answer's examples, and more what follows the date in
// them ("…" or "").
func nextAndDate(cmd, more string, words []string, now time.Time, loc *time.Location) error {
	d, n, err := takeDate(words, now, loc)
	if err != nil || n != 1 || !d.IsNext() || len(words) < 2 {
		return nil
	}
	day, k, err := takeDate(words[1:], now, loc)
	if err != nil || k == 0 || day.IsNext() {
		return nil
	}
	more = prefixed(" ", more)
	return fmt.Errorf("`%s` gives both `next` and a date: give one or the other, `%s %s%s` for the meeting on %s, or `%s next%s` for the next meeting, whatever its day",
		Escape(truncateText(strings.Join(words[:1+k], " "), 60)), cmd, day.Start(time.UTC).Format("2/01/2006"), more, day, cmd, more)
}

// ParseDate reads a whole string as a date, for forms and tests.
func ParseDate(s string, now time.Time, loc *time.Location) (Date, error) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return Date{}, nil
	}
	d, n, err := takeDate(words, now, loc)
	if err != nil {
		return Date{}, err
	}
	if n != len(words) {
		return Date{}, notADate(fmt.Sprintf("%q is not a date I know: try 2026-12-10, 10/12/2026 or 10 December 2026", s))
	}
	return d, nil
}

// ErrNotADate is ParseDate's error for words not read as a date at all,
// as against a date that does not exist ("2026-02-30"), whose error says
// why: the command line answers the one with an example, the other with
// the bot's own reason.
var ErrNotADate = errors.New("not a date")

type notADate string

func (e notADate) Error() string        { return string(e) }
func (e notADate) Is(target error) bool { return target == ErrNotADate }

// numericDate reads ISO and day-first numeric dates. ok is false when w is
// not shaped like one at all.
func numericDate(w string) (d Date, ok bool, err error) {
	w = strings.TrimRight(w, ",.:")
	var sep string
	for _, s := range []string{"-", "/", "."} {
		if strings.Count(w, s) == 2 {
			sep = s
			break
		}
	}
	if sep == "" {
		return Date{}, false, nil
	}
	parts := strings.Split(w, sep)
	nums := make([]int, 3)
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			if sep == "/" && p != "" && allDigits(parts) {
				// Shortened: a part may be any number of digits long.
				return Date{}, true, fmt.Errorf("%s is not a date: try 14/01/2027", truncateText(w, 24))
			}
			return Date{}, false, nil
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, false, nil
		}
		nums[i] = n
	}
	var y, m, day int
	switch {
	case len(parts[0]) == 4: // 2026-12-10
		y, m, day = nums[0], nums[1], nums[2]
	case len(parts[2]) == 4 || len(parts[2]) == 2: // 10/12/2026, 10/12/26
		day, m, y = nums[0], nums[1], nums[2]
		if len(parts[2]) == 2 {
			y += 2000
		}
	default:
		return Date{}, false, nil
	}
	if m < 1 || m > 12 {
		return Date{}, true, fmt.Errorf("%s is not a date: there is no month %d (dates are day first: 10/12/2026 is 10 December 2026)", w, m)
	}
	d, err = makeDate(y, time.Month(m), day)
	return d, true, err
}

// dayMonth reads a day-first date without its year, "14/01": the
// occurrence r says. Slashes only, so that "10.00" stays a time.
func dayMonth(w string, now time.Time, loc *time.Location, r yearlessDay) (Date, bool, error) {
	w = strings.TrimRight(w, ",.:")
	ds, ms, found := strings.Cut(w, "/")
	if !found || strings.Contains(ms, "/") || ds == "" || ms == "" || len(ds) > 2 || len(ms) > 2 {
		return Date{}, false, nil
	}
	day, err1 := strconv.Atoi(ds)
	month, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || day < 0 || month < 0 {
		return Date{}, false, nil
	}
	if month < 1 || month > 12 {
		return Date{}, true, fmt.Errorf("%s is not a date: there is no month %d (dates are day first: 14/01 is 14 January)", w, month)
	}
	d, n, err := wordDate([]string{strconv.Itoa(day), time.Month(month).String()}, now, loc, r)
	if err != nil || n == 0 {
		if err == nil {
			err = fmt.Errorf("%s is not a date", w)
		}
		return Date{}, true, err
	}
	return d, true, nil
}

// wordDate reads "10 December [2026]", "10th of December", "December 10
// [2026]"; without a year, the occurrence r says.
func wordDate(words []string, now time.Time, loc *time.Location, r yearlessDay) (Date, int, error) {
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.:")) }
	var day, used int
	var month time.Month
	if len(words) >= 2 {
		if n, ok := ordinal(clean(words[0])); ok {
			i := 1
			if clean(words[i]) == "of" && len(words) > 2 {
				i++
			}
			if m, ok := months[clean(words[i])]; ok {
				day, month, used = n, m, i+1
			}
		} else if m, ok := months[clean(words[0])]; ok {
			if n, ok := ordinal(clean(words[1])); ok {
				day, month, used = n, m, 2
			}
		}
	}
	if used == 0 {
		return Date{}, 0, nil
	}
	if used < len(words) {
		if y, err := strconv.Atoi(clean(words[used])); err == nil && len(clean(words[used])) == 4 {
			d, err := makeDate(y, month, day)
			return d, used + 1, err
		}
	}
	// No year: the occurrence nearest to now, or the latest not after
	// today.
	today := DateOf(now, loc)
	best, bestDist := Date{}, time.Duration(-1)
	soon := Date{}                                    // the occurrence ahead within soonAhead, if any
	for y := today.Year - 4; y <= today.Year+4; y++ { // 29 February needs up to four years
		d, err := makeDate(y, month, day)
		if err != nil {
			continue // 29 February in a common year
		}
		dist := d.Start(loc).Sub(today.Start(loc))
		if r == mostRecent && dist > 0 {
			if !d.Start(loc).After(today.Start(loc).AddDate(0, soonAhead, 0)) {
				soon = d
			}
			continue
		}
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = d, dist
		}
	}
	if soon.Year != 0 {
		// A day a little ahead is a slip in the day or a gift not yet
		// received, not one received almost a year ago: read as the day to
		// come, it is refused as such rather than registered a year out.
		return soon, used, nil
	}
	if bestDist < 0 {
		return Date{}, 0, noSuchDay(month, day)
	}
	return best, used, nil
}

// soonAhead is how many months ahead a day without its year, read as a
// day gone (mostRecent), is still taken as the day to come. A gift's day
// a few days or weeks ahead is far likelier a mistyped day, or a gift
// registered before it is received, than one received eleven months
// ago; further ahead ("14 January" on 7 December) it is last year's.
const soonAhead = 1

// noSuchDay refuses a day that month never has, typed without a year: a
// year in the answer would be one the officer never typed.
func noSuchDay(m time.Month, day int) error {
	if m == time.February {
		return fmt.Errorf("there is no %d February: February has 28 days, 29 in a leap year", day)
	}
	return fmt.Errorf("there is no %d %s: %s has %d days", day, m, m, time.Date(2001, m+1, 0, 0, 0, 0, 0, time.UTC).Day())
}

// ordinal reads "9", "09", "9th", "1st", "22nd", "3rd".
func ordinal(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if w == "" || len(w) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0
}

// makeDate checks that the day exists.
func makeDate(y int, m time.Month, day int) (Date, error) {
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("%d is not a year I can schedule in", y)
	}
	if m < time.January || m > time.December {
		return Date{}, fmt.Errorf("there is no month %d", m)
	}
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return Date{}, fmt.Errorf("there is no %d %s %d: %s %d has %d days", day, m, y, m, y, last)
	}
	return Date{y, m, day}, nil
}

// Clock is a time of day.
type Clock struct{ Hour, Minute int }

func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// takeClock reads a time of day from the start of words: "10:00", "10.00",
// "10.00am", "10.00 am", "10am", "2 pm", "14:30", "1400", each after "at"
// or not ("at 2pm"). It says how many words it used (0: none).
func takeClock(words []string) (Clock, int, error) {
	if len(words) == 0 {
		return Clock{}, 0, nil
	}
	if len(words) > 1 && strings.EqualFold(words[0], "at") {
		// "at 2pm", as people write a time after a date.
		c, n, err := takeClock(words[1:])
		if n == 0 || err != nil {
			return Clock{}, 0, err
		}
		return c, n + 1, nil
	}
	w := strings.ToLower(strings.TrimRight(words[0], ","))
	used := 1
	suffix := ""
	for _, s := range []string{"am", "pm", "a.m.", "p.m."} {
		if strings.HasSuffix(w, s) {
			suffix, w = s[:1], strings.TrimSuffix(w, s)
			break
		}
	}
	if suffix == "" && len(words) > 1 {
		switch strings.ToLower(strings.TrimRight(words[1], ",")) {
		case "am", "a.m.":
			suffix, used = "a", 2
		case "pm", "p.m.":
			suffix, used = "p", 2
		}
	}
	hs, ms, found := strings.Cut(w, ":")
	if !found {
		hs, ms, found = strings.Cut(w, ".")
	}
	switch {
	case found:
	case suffix == "" && len(w) == 4 && strings.Trim(w, "0123456789") == "":
		// Four figures are the 24-hour clock written without its colon,
		// as timetables print it: "1400" is 14:00.
		hs, ms = w[:2], w[2:]
	case suffix == "":
		return Clock{}, 0, nil // a bare number is not a time
	default:
		ms = "00"
	}
	if hs == "" || len(hs) > 2 || len(ms) != 2 {
		return Clock{}, 0, nil
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || m < 0 {
		return Clock{}, 0, nil
	}
	if suffix != "" {
		if h < 1 || h > 12 {
			return Clock{}, 0, fmt.Errorf("%s is not a time: use 10:00, 10.00am or 14:30", words[0])
		}
		h %= 12
		if suffix == "p" {
			h += 12
		}
	}
	if h > 23 || m > 59 {
		return Clock{}, 0, fmt.Errorf("%s is not a time: use 10:00, 10.00am or 14:30", strings.Join(words[:used], " "))
	}
	return Clock{h, m}, used, nil
}

// At is the instant of d at c in loc. A time the clocks pass twice (01:30
// on the night they go back) is the first of the two, as calendars read
// it (RFC 5545), and as anyone at 01:30 would take it; Go's time.Date
// gives the second. A time that does not exist moves forward.
func (d Date) At(c Clock, loc *time.Location) time.Time {
	t := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, loc)
	if first, ok := firstReading(t, loc); ok {
		return first
	}
	return t
}

// clockBack is how far loc's clocks go back around t, 0 when they do not
// then: t is within 12 hours of the change.
func clockBack(t time.Time, loc *time.Location) time.Duration {
	_, before := t.Add(-12 * time.Hour).In(loc).Zone()
	_, after := t.Add(12 * time.Hour).In(loc).Zone()
	if before <= after {
		return 0
	}
	return time.Duration(before-after) * time.Second
}

// firstReading is the earlier instant that reads as t does on loc's
// clocks, when there is one: t falls in the hour after the clocks went
// back.
func firstReading(t time.Time, loc *time.Location) (time.Time, bool) {
	back := clockBack(t, loc)
	if back == 0 || !sameReading(t, t.Add(-back), loc) {
		return time.Time{}, false
	}
	return t.Add(-back), true
}

// twice reports whether the clocks of loc read t's time twice that night
// (they go back), so that the time alone does not say which.
func twice(t time.Time, loc *time.Location) bool {
	back := clockBack(t, loc)
	return back != 0 && (sameReading(t, t.Add(-back), loc) || sameReading(t, t.Add(back), loc))
}

// ClockIn formats t in loc by layout, which ends in the time of day
// ("15:04"), with the zone after it when the clocks read that time twice
// ("01:30 BST", then "01:30 GMT"), which would otherwise read alike: for
// meetings' times (formatWhen), the histories, attendance marks and the
// history's export.
func ClockIn(t time.Time, loc *time.Location, layout string) string {
	if twice(t, loc) {
		layout += " MST"
	}
	return t.In(loc).Format(layout)
}

func sameReading(a, b time.Time, loc *time.Location) bool {
	const reading = "2006-01-02 15:04:05"
	return a.In(loc).Format(reading) == b.In(loc).Format(reading)
}

// formatWhen formats an instant for people in loc: "Thursday 10 December 2026, 10:00".
// A time the clocks show twice that night carries its zone ("01:30 BST",
// "01:30 GMT"), which says which of the two it is.
func formatWhen(t time.Time, loc *time.Location) string {
	return ClockIn(t, loc, "Monday 2 January 2006, 15:04")
}

// formatDay formats the day of an instant in loc: "Thursday 10 December 2026".
func formatDay(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("Monday 2 January 2006")
}

// allDigits reports whether every part is digits only, so that an error
// quoting them quotes nothing but digits and slashes.
func allDigits(parts []string) bool {
	for _, p := range parts {
		for _, r := range p {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}

// slipDays are the words a date may be given as that a slip of the
// keyboard turns into something takeDate does not read ("tmorrow",
// "Thurday"), each with how many slips it may carry: one, two in the
// long words, where two are common ("tommorow", "wensday") and no other
// word is as near.
var slipDays = []struct {
	word  string
	slips int
}{
	{"today", 1}, {"tomorrow", 2}, {"Monday", 1}, {"Tuesday", 1}, {"Wednesday", 2},
	{"Thursday", 2}, {"Friday", 1}, {"Saturday", 2}, {"Sunday", 1},
}

// slipMonths are the months a slip of the keyboard may turn into a word
// takeDate does not read ("Janury", "Febuary"), with how many slips each
// may carry. June, July and March are left out: a slip away from each is a
// word of its own ("jury", "tune", "duly", "marsh").
var slipMonths = []struct {
	month time.Month
	slips int
}{
	{time.January, 2}, {time.February, 2}, {time.April, 1}, {time.August, 2},
	{time.September, 2}, {time.October, 2}, {time.November, 2}, {time.December, 2},
}

// monthSlip reports whether words, those of a reason given with no date,
// start with a day and a month mistyped ("14 Janury", "Febuary 3rd",
// with or without a year), how many words that is, and what they may
// mean, as dateSlip does. Taken as the start of the reason, the apologies
// would go to the next meeting, not the one on the day the sender meant.
// A day gone is asked about only where gone days are meant (pastToo: a
// command's date, as `/minutes draft 2 Agust 2026`); in a reason it is
// more likely words of the reason ("2 Augur").
func monthSlip(words []string, now time.Time, loc *time.Location, pastToo bool) (day Date, n int, ok bool) {
	if len(words) < 2 {
		return Date{}, 0, false
	}
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.:")) }
	dd, dayOK := ordinal(clean(words[0]))
	word := clean(words[1])
	if !dayOK {
		dd, dayOK = ordinal(clean(words[1]))
		word = clean(words[0])
	}
	if !dayOK || months[word] != 0 {
		return Date{}, 0, false
	}
	typed := []rune(word)
	for _, s := range slipMonths {
		name := []rune(strings.ToLower(s.month.String()))
		if len(typed) < 4 || typed[0] != name[0] || string(typed) == string(name)+"s" {
			continue
		}
		if k := slips(typed, name); k == 0 || k > s.slips {
			continue
		}
		n = 2
		var d Date
		var err error
		if len(words) > 2 && len(clean(words[2])) == 4 {
			if y, yerr := strconv.Atoi(clean(words[2])); yerr == nil {
				n = 3
				d, err = makeDate(y, s.month, dd)
			}
		}
		if n == 2 {
			var used int
			d, used, err = wordDate([]string{strconv.Itoa(dd), s.month.String()}, now, loc, nearest)
			if used == 0 && err == nil {
				err = fmt.Errorf("no date")
			}
		}
		switch {
		case err != nil:
			// No such day ("31 Novmber"): asked about all the same.
			return Date{}, n, true
		case !pastToo && dayGone(d, now, loc):
			return Date{}, 0, false
		}
		return d, n, true
	}
	return Date{}, 0, false
}

// dateSlip reports whether w, the first word of a reason given with no
// date, looks like a date mistyped (day and month with a dot, or a slip
// of a day's name), and what it may mean (for the answer:
// "`14/01`, Thursday 14 January 2027", "`tomorrow`", or "" when it is no
// date at all, as "32.1"). Taken as the start of the reason, the
// apologies would go to the next meeting whatever day the sender meant.
// A number with a dot that can be a time ("10.30", a clinic's) is not a
// date, nor a word that is a day's name with more to it ("Tuesdays",
// "Today's").
func dateSlip(w string, now time.Time, loc *time.Location) (string, bool) {
	if parts := strings.Split(strings.TrimRight(w, ",:;."), "."); len(parts) == 2 && allDigits(parts) {
		if parts[0] == "" || parts[1] == "" || len(parts[0]) > 2 || len(parts[1]) > 2 {
			return "", false
		}
		day, _ := strconv.Atoi(parts[0])
		month, _ := strconv.Atoi(parts[1])
		if len(parts[1]) == 2 && day < 24 && month < 60 && (month == 0 || month > 12) {
			return "", false // a time: "10.30", "9.00"
		}
		d, ok, err := dayMonth(fmt.Sprintf("%d/%d", day, month), now, loc, nearest)
		if !ok || err != nil {
			return "", true
		}
		return fmt.Sprintf("`%d/%02d`, %s", day, month, d), true
	}
	lw := []rune(strings.ToLower(strings.TrimRight(w, ",.:;!")))
	if len(lw) < 4 {
		return "", false
	}
	for _, s := range slipDays {
		name := []rune(strings.ToLower(s.word))
		if max(len(lw)-len(name), len(name)-len(lw)) > s.slips {
			continue // more slips than it may carry, in the lengths alone
		}
		if n := slips(lw, name); n == 0 || n > s.slips || string(lw) == string(name)+"s" {
			continue
		}
		return "`" + s.word + "`", true
	}
	return "", false
}

// yearGiven reports whether words, a date as typed, give its year
// ("10 December 2026", "10/12/26"), rather than leave it to be the
// nearest.
func yearGiven(words []string) bool {
	for _, w := range words {
		if _, ok, _ := numericDate(w); ok {
			return true
		}
		if y := strings.Trim(w, ",.:"); len(y) == 4 && allDigits([]string{y}) {
			return true
		}
	}
	return false
}

// dateShaped is how many words, from the start of words, are a date as
// typed, whatever day it names: for answers that need only know whether
// a date was typed, and have no clock to read one by. Whether words are a
// date does not depend on the day or the zone, only which day they name
// does; but a day without its year is read against a clock, and a zero
// one names no year a day can be in, so a real day stands in for it. A
// weekday that is not the date's is a date typed all the same.
func dateShaped(words []string) int {
	someDay := time.Date(2026, time.June, 1, 12, 0, 0, 0, time.UTC)
	if _, n, err := takeDate(words, someDay, time.UTC); err == nil && n > 0 {
		return n
	}
	if len(words) > 1 && weekdays[strings.ToLower(strings.TrimRight(words[0], ","))] {
		if _, n, err := takeDate(words[1:], someDay, time.UTC); err == nil && n > 0 && !weekdays[strings.ToLower(strings.TrimRight(words[1], ","))] {
			return n + 1
		}
	}
	return 0
}

// daysBetween is how many calendar days b is after a.
func daysBetween(a, b Date) int {
	return int(b.Start(time.UTC).Sub(a.Start(time.UTC)) / (24 * time.Hour))
}

// dayGone reports whether d is before the day of now.
func dayGone(d Date, now time.Time, loc *time.Location) bool {
	return d.Start(loc).Before(DateOf(now, loc).Start(loc))
}
