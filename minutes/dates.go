package minutes

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// monthAlt are the months as printed, with "Febuary", a slip common
// enough in minutes to read as February.
const monthAlt = `jan(?:uary)?|feb(?:ruary|uary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

// welshMonthAlt are the months as a Welsh council prints them after the
// day ("Dydd Iau, 14 Tachwedd 2024"). After a day a month is printed as
// it stands, unmutated; the day may be a Welsh ordinal ("1af", "2il",
// "3ydd", "5ed", "7fed", "11eg", "21ain"). They are read day first only,
// the one order Welsh prints.
const welshMonthAlt = `ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr`

var (
	dayFirstRe   = compileLater(`(?i)\b(\d{1,2})(?:\s?(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)\s*|\s+)(?:of\s+)?(` + monthAlt + `|` + welshMonthAlt + `)\b\.?,?\s+(\d{4})\b`)
	monthFirstRe = compileLater(`(?i)\b(` + monthAlt + `)\b\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	numericRe    = compileLater(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`)
	isoRe        = compileLater(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dayMonthRe   = compileLater(`(?i)\b(\d{1,2})(?:\s?(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?(` + monthAlt + `)\b`)
	// longestMonth is how many days each month has in a leap year.
	longestMonth = [12]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

	ampmRe  = compileLater(`(?i)\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?`)
	clock24 = compileLater(`\b(\d{1,2}):(\d{2})\b`)
	// hoursRe is a 24-hour time written with "hrs" or "hours": "18.30hrs",
	// "1830 hrs", "19.00 hours".
	// "120 hours" is a length of time, not a clock's.
	hoursRe = compileLater(`(?i)\b(?:(\d{1,2})[.:]|(\d{2}))(\d{2})\s*(?:hrs|hours)\b`)
	noonRe  = compileLater(`(?i)\b(?:12(?:[.:]00)?\s*)?(noon|midday)\b`)
	// welshTimeRe is a time as Welsh prints it: "2.00 y.p." (yn y
	// prynhawn, afternoon), "10.00 y.b." (y bore, morning), "8.20yh",
	// "7.00 yr hwyr" (evening), read as "2.00 pm" and "10.00 am" are.
	// It is tried only where a digit is followed by a "y" (welshClock).
	welshTimeRe = compileLater(`(?i)\b(\d{1,2})(?:[.:](\d{2}))?\s*(?:y\.?\s?([bph])\b\.?|yr\s+(h)wyr\b|y\s+(b)ore\b|(?:yn\s+)?y\s+(p)rynhawn\b)`)
	monthMap    = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
		// The Welsh months (welshMonthAlt) by their first three letters,
		// which no English month shares.
		"ion": 1, "chw": 2, "maw": 3, "ebr": 4, "mai": 5, "meh": 6, "gor": 7, "aws": 8, "med": 9, "hyd": 10, "tac": 11, "rha": 12}
)

type span struct {
	start, end int
	value      string
	// notReal marks a date printed with its month in words that no
	// calendar has ("31 February 2026", "29 February 2025"); value is
	// then the text as printed.
	notReal bool
}

func monthNumber(s string) int {
	if len(s) < 3 {
		return 0
	}
	return monthMap[strings.ToLower(s[:3])]
}

func isoDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// findDates returns every date in s, in order of appearance, as ISO strings.
// Numeric dates are read day-first because that is how UK councils write
// them.
func findDates(s string) []span {
	all := findDateLike(s)
	out := all[:0]
	for _, d := range all {
		if !d.notReal {
			out = append(out, d)
		}
	}
	return out
}

// findDateLike is findDates with the dates printed that are not real
// (notReal): a day the month does not have, or 29 February of a year that
// is not a leap year. Printed in figures, a day and month with a year
// after the same separator ("31/02/2026", "30.02.26") are a date no
// calendar has; without the year they are left out, as "31.02" is as
// likely a paragraph number as a date.
func findDateLike(s string) []span {
	// Every pattern below needs a digit: most lines have none.
	if strings.IndexAny(s, "0123456789") < 0 {
		return nil
	}
	var out []span
	add := func(start, end, y, m, d int) {
		if v, ok := isoDate(y, m, d); ok {
			out = append(out, span{start: start, end: end, value: v})
		}
	}
	addWords := func(start, end, y, m, d int) {
		if v, ok := isoDate(y, m, d); ok {
			out = append(out, span{start: start, end: end, value: v})
		} else if y >= 1900 && y <= 2200 && m >= 1 && d >= 1 && d <= 31 {
			out = append(out, span{start: start, end: end, value: strings.TrimRight(s[start:end], ".,"), notReal: true})
		}
	}
	for _, g := range dayFirstRe.FindAllStringSubmatchIndex(s, -1) {
		d, _ := strconv.Atoi(s[g[2]:g[3]])
		y, _ := strconv.Atoi(s[g[6]:g[7]])
		addWords(g[0], g[1], y, monthNumber(s[g[4]:g[5]]), d)
	}
	for _, g := range monthFirstRe.FindAllStringSubmatchIndex(s, -1) {
		d, _ := strconv.Atoi(s[g[4]:g[5]])
		y, _ := strconv.Atoi(s[g[6]:g[7]])
		addWords(g[0], g[1], y, monthNumber(s[g[2]:g[3]]), d)
	}
	// "30th Febuary" with no year is no date in any year.
	for _, g := range dayMonthRe.FindAllStringSubmatchIndex(s, -1) {
		d, _ := strconv.Atoi(s[g[2]:g[3]])
		if m := monthNumber(s[g[4]:g[5]]); m > 0 && d > longestMonth[m-1] && d <= 31 {
			out = append(out, span{start: g[0], end: g[1], value: strings.TrimRight(s[g[0]:g[1]], ".,"), notReal: true})
		}
	}
	for _, g := range numericRe.FindAllStringSubmatchIndex(s, -1) {
		d, _ := strconv.Atoi(s[g[2]:g[3]])
		m, _ := strconv.Atoi(s[g[4]:g[5]])
		y, _ := strconv.Atoi(s[g[6]:g[7]])
		if g[7]-g[6] == 2 {
			y += 2000
		}
		if _, ok := isoDate(y, m, d); !ok && y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && s[g[3]] == s[g[5]] {
			out = append(out, span{start: g[0], end: g[1], value: s[g[0]:g[1]], notReal: true})
			continue
		}
		add(g[0], g[1], y, m, d)
	}
	if strings.IndexByte(s, '-') < 0 {
		return dropOverlaps(out)
	}
	for _, g := range isoRe.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[g[2]:g[3]])
		m, _ := strconv.Atoi(s[g[4]:g[5]])
		d, _ := strconv.Atoi(s[g[6]:g[7]])
		add(g[0], g[1], y, m, d)
	}
	return dropOverlaps(out)
}

func dropOverlaps(in []span) []span {
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].start != in[j].start {
			return in[i].start < in[j].start
		}
		return in[i].end > in[j].end
	})
	out := in[:0]
	last := -1
	for _, sp := range in {
		if sp.start < last {
			continue
		}
		out = append(out, sp)
		last = sp.end
	}
	return out
}

// twelveHour is the 24-hour "HH:MM" of a 12-hour time matched in s at g,
// the hour in its first group and the minutes, if any, in its second; ok
// is false for an hour or minutes no clock shows.
func twelveHour(s string, g []int, pm bool) (string, bool) {
	h, _ := strconv.Atoi(s[g[2]:g[3]])
	m := 0
	if g[4] >= 0 {
		m, _ = strconv.Atoi(s[g[4]:g[5]])
	}
	if h < 1 || h > 12 || m > 59 {
		return "", false
	}
	switch {
	case pm && h != 12:
		h += 12
	case !pm && h == 12:
		h = 0
	}
	return fmt.Sprintf("%02d:%02d", h, m), true
}

// findTimes returns every clock time in s as 24-hour "HH:MM". A bare "10.00"
// is not taken as a time: agenda numbers look just like it.
func findTimes(s string) []span {
	var out []span
	// A clock time needs a digit, noon its word: most lines have neither.
	if strings.IndexAny(s, "0123456789") >= 0 {
		for _, g := range ampmRe.FindAllStringSubmatchIndex(s, -1) {
			if v, ok := twelveHour(s, g, strings.EqualFold(s[g[6]:g[7]], "p")); ok {
				out = append(out, span{start: g[0], end: g[1], value: v})
			}
		}
		if welshClock(s) {
			for _, g := range welshTimeRe.FindAllStringSubmatchIndex(s, -1) {
				morning := false
				for k := 6; k < len(g); k += 2 {
					if g[k] >= 0 {
						morning = s[g[k]]|0x20 == 'b'
					}
				}
				if v, ok := twelveHour(s, g, !morning); ok {
					out = append(out, span{start: g[0], end: g[1], value: v})
				}
			}
		}
		for _, g := range hoursRe.FindAllStringSubmatchIndex(s, -1) {
			hs := g[2:4]
			if hs[0] < 0 {
				hs = g[4:6]
			}
			h, _ := strconv.Atoi(s[hs[0]:hs[1]])
			m, _ := strconv.Atoi(s[g[6]:g[7]])
			if h > 23 || m > 59 {
				continue
			}
			out = append(out, span{start: g[0], end: g[1], value: fmt.Sprintf("%02d:%02d", h, m)})
		}
		for _, g := range clock24.FindAllStringSubmatchIndex(s, -1) {
			h, _ := strconv.Atoi(s[g[2]:g[3]])
			m, _ := strconv.Atoi(s[g[4]:g[5]])
			if h > 23 || m > 59 {
				continue
			}
			out = append(out, span{start: g[0], end: g[1], value: fmt.Sprintf("%02d:%02d", h, m)})
		}
	}
	if indexFold(s, 0, "noon") >= 0 || indexFold(s, 0, "midday") >= 0 {
		for _, g := range noonRe.FindAllStringIndex(s, -1) {
			out = append(out, span{start: g[0], end: g[1], value: "12:00"})
		}
	}
	return dropOverlaps(out)
}

// welshClock reports whether s has a digit followed, after at most one
// space, by a "y": where a Welsh time ("2.00 y.p.") may be.
func welshClock(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i]|0x20 != 'y' {
			continue
		}
		j := i - 1
		if s[j] == ' ' && j > 0 {
			j--
		}
		if isDigit(s[j]) {
			return true
		}
	}
	return false
}

func firstDate(s string) string {
	if d := findDates(s); len(d) > 0 {
		return d[0].value
	}
	return ""
}

var (
	// notMeetingDateRe precedes a date in a heading that is not the
	// meeting's: "Moved from 9th October 2018", "Uploaded on May 25, 2021",
	// "documents published after 1 May 2020".
	notMeetingDateRe = compileLater(`(?i)(?:(?:moved|postponed|rescheduled|adjourned|changed)\s+from|uploaded(?:\s+on)?|published(?:\s+(?:on|after|before))?|printed(?:\s+on)?|after|before)\s*$`)
	heldDateRe       = compileLater(`(?i)(?:\bheld\b|day)\W{0,4}(?:on\W{0,2})?(?:the\s+)?$`)
)

// meetingDate is the date of the meeting in the text that heads minutes:
// dates said to be another's are passed over, and one printed after "held
// on" or a weekday is preferred to one before it. A date in that place
// that is not real is not passed over for another: notReal says so, and
// the date is "".
func meetingDate(s string) (date string, notReal string) {
	d, ok := meetingDateSpan(s)
	switch {
	case !ok:
		return "", ""
	case d.notReal:
		return "", d.value
	}
	return d.value, ""
}

func meetingDateSpan(s string) (span, bool) {
	var kept []span
	for _, d := range findDateLike(s) {
		if !notMeetingDateRe.MatchString(s[max(0, d.start-30):d.start]) {
			kept = append(kept, d)
		}
	}
	for _, d := range kept {
		if heldDateRe.MatchString(s[max(0, d.start-20):d.start]) {
			return d, true
		}
	}
	if len(kept) > 0 {
		return kept[0], true
	}
	return span{}, false
}

// weekdayBeforeRe is a weekday printed before a date: "Thursday, 5",
// "Thursday the 5th".
var weekdayBeforeRe = compileLater(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\W{0,3}(?:the\s+)?$`)

// wrongWeekday says, when the date the meeting was read to be held on
// (iso) is printed in s after a weekday that is not its own ("Thursday, 5
// December 2026", a Saturday), what was printed and the date's weekday.
func wrongWeekday(s, iso string) (printed, actual string, wrong bool) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return "", "", false
	}
	for _, d := range findDates(s) {
		if d.value != iso {
			continue
		}
		g := weekdayBeforeRe.FindStringSubmatchIndex(s[max(0, d.start-16):d.start])
		if g == nil {
			continue
		}
		day := s[max(0, d.start-16)+g[2] : max(0, d.start-16)+g[3]]
		if strings.EqualFold(day, t.Weekday().String()) {
			return "", "", false
		}
		return strings.TrimSpace(s[max(0, d.start-16)+g[2] : d.end]), t.Weekday().String(), true
	}
	return "", "", false
}

func firstTime(s string) string {
	if t := findTimes(s); len(t) > 0 {
		return t[0].value
	}
	return ""
}

// dateTimes pairs each date in s with the first time printed after it and
// before the next date, which is how programmes of meetings are written
// ("Thursday 9 June 2022 commencing at 10.00am; Thursday 8 September …").
func dateTimes(s string) []string {
	dates := findDates(s)
	times := findTimes(s)
	out := make([]string, 0, len(dates))
	k := 0
	for i, d := range dates {
		limit := len(s)
		if i+1 < len(dates) {
			limit = dates[i+1].start
		}
		for k < len(times) && times[k].start < d.end {
			k++
		}
		v := d.value
		if k < len(times) && times[k].start < limit && times[k].start-d.end <= 80 {
			v += "T" + times[k].value
		}
		out = append(out, v)
	}
	return out
}

var monthStartRe = compileLater(`(?i)^(?:` + monthAlt + `)\b`)

func startsWithMonth(s string) bool { return monthStartRe.MatchString(s) }
