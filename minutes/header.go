package minutes

import (
	"fmt"
	"slices"
	"strings"
)

var (
	kvRe = compileLater(`(?i)^(date|time|venue|place|location|where|committee|meeting|meeting of)\s*:\s*(.+)$`)
	// minutesOfRe is "Minutes of the meeting of …"; Northern Irish
	// councils print "Minutes of the proceedings of the meeting of …".
	minutesOfRe = compileLater(`(?i)^(?:the\s+)?minutes?\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:proceedings\s+of\s+(?:the\s+|a\s+|an\s+)?)?(?:ordinary\s+|extraordinary\s+|special\s+|remote\s+|virtual\s+)?(?:meeting|proceedings)\s+of\s+(?:the\s+)?)?(.+?)(?:\s+(?:meeting\s+)?held\b.*|\s+on\s+.*|\s*,.*|\s+meeting)?$`)
	meetingOfRe = compileLater(`(?i)^(?:a\s+|an\s+)?(?:ordinary\s+|extraordinary\s+|special\s+)?meeting\s+of\s+(?:the\s+)?(.+?)\s+(?:will\s+be\s+|to\s+be\s+|was\s+)?held\b`)
	agendaForRe = compileLater(`(?i)^agenda\s*(?:for|of)\s+(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(.+?)(?:\s+(?:meeting\s+)?(?:to\s+be\s+)?held\b.*|\s+on\s+.*|\s*,.*)?$`)
	// forMeetingRe is the line under "AGENDA" that names the committee:
	// "for the meeting of the CABINET".
	forMeetingRe = compileLater(`(?i)^for\s+(?:the|a|an)\s+(?:(?:ordinary|extraordinary|special)\s+)?meeting\s+of\s+(?:the\s+)?(.+?)(?:\s+(?:to\s+be\s+|will\s+be\s+)?held\b.*|\s+on\s+.*|\s*,.*)?$`)
	// inVenueRe is a venue printed on a line of its own after "in" or "at".
	inVenueRe     = compileLater(`(?i)^(?:in|at)\s+(?:the\s+)?`)
	agendaDashRe  = compileLater(`(?i)^agenda\s*[-–—:]\s*(.+?)(?:\s+[-–—]\s+.*|\s*,.*)?$`)
	skipCommittee = compileLater(`(?i)^(?:public\s+document\s+pack|agenda|minutes|cofnodion|notice\s+of\s+(?:a\s+)?meeting|present|membership|members|to|dear|summons|open\s+to\s+the\s+public|part\s+[i1]|this\s+set\s+of\s+minutes|\(?draft\)?|confirmed|unconfirmed)\b`)
	notCommittee  = compileLater(`(?i)^(?:meeting\s+held|held|on|at|date|time|venue|place|location)\b|call.in|\.gov\.|@|https?:`)
	heldAsRe      = compileLater(`(?i)\bheld\s+(?:as\s+an?|at|in|via|on)\s+(?:the\s+)?(.+?)(?:\s+on\s+|\s+at\s+\d|,?\s+commencing|,?\s+starting|\s+from\s+\d|\s*$)`)
	afterTimeRe   = compileLater(`(?i)(?:\d(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\b\.?|y\.?\s?[bph]\b\.?|yr\s+hwyr\b)|\b\d{1,2}:\d{2}\b|\b(?:\d{1,2}[.:]|\d{2})\d{2}\s*(?:hrs|hours)\b|\b(?:noon|midday)\b)\)?\s*(?:,\s*(?:in\b|at\b)?|;|[-–—]|\bin\b|\bat\b|\bvia\b)\s*(?:the\s+)?(.+)$`)
	// afterDateRe is the venue printed after the meeting's date where the
	// time comes before it: "held at 7.30pm on Tuesday 3rd March 2026 in
	// the Guildhall".
	afterDateRe = compileLater(`(?i)^\s*,?\s*(?:in|at)\s+(?:the\s+)?(.+)$`)
	// A venue printed only in Welsh: "Neuadd y Pentref", "Siambr y Cyngor".
	venueWordRe = compileLater(`(?i)\b(?:chamber|room|hall|centre|center|remote|virtual|online|teams|zoom|offices?|house|suite|library|town hall|civic|building|siambr|neuadd|ystafell|swyddfeydd)\b`)
)

// readMeeting reads the committee, date, time and venue from the lines that
// head an agenda or a set of minutes.
func readMeeting(lines []string) Meeting {
	var m Meeting
	var kept []string
	for _, l := range lines {
		if l == "" || labelRe.MatchString(l) || len(l) > 300 {
			continue
		}
		if len(kept) == 40 {
			break
		}
		kept = append(kept, l)
		if g := kvRe.FindStringSubmatch(l); g != nil {
			v := strings.TrimSpace(g[2])
			switch strings.ToLower(g[1]) {
			case "date":
				if m.Date == "" && m.NotADate == "" {
					m.Date, m.NotADate = meetingDate(v)
				}
				if m.Time == "" {
					m.Time = firstTime(v)
				}
			case "time":
				if m.Time == "" {
					m.Time = firstTime(v)
				}
			case "venue", "place", "location", "where":
				if m.Venue == "" {
					m.Venue = cleanVenue(v)
				}
			default:
				if m.Committee == "" {
					m.Committee = strings.TrimRight(v, ".,; ")
				}
			}
		}
	}
	text := strings.Join(kept, " ")
	if m.Date == "" && m.NotADate == "" {
		m.Date, m.NotADate = meetingDate(text)
	}
	if m.Time == "" {
		m.Time = firstTime(text)
	}
	if m.Venue == "" {
		for _, l := range kept {
			if g := afterTimeRe.FindStringSubmatch(l); g != nil {
				if v := cleanVenue(g[1]); v != "" {
					m.Venue = v
					break
				}
			}
		}
	}
	if m.Venue == "" {
		if g := heldAsRe.FindStringSubmatch(text); g != nil {
			m.Venue = cleanVenue(g[1])
		}
	}
	if m.Venue == "" {
		for _, l := range kept {
			if d := findDates(l); len(d) > 0 && len(findTimes(l[:d[0].start])) > 0 {
				if g := afterDateRe.FindStringSubmatch(l[d[len(d)-1].end:]); g != nil {
					if m.Venue = cleanVenue(g[1]); m.Venue != "" {
						break
					}
				}
			}
		}
	}
	if m.Venue == "" {
		for k, l := range kept {
			l = englishHalf(l)
			if len(l) < 80 && venueWordRe.MatchString(l) && len(findDates(l)) == 0 && !skipCommittee.MatchString(l) && !minutesOfRe.MatchString(l) {
				m.Venue = cleanVenue(inVenueRe.ReplaceAllString(l, ""))
				if k+1 < len(kept) && m.Venue != "" && venueGoesOn(l, kept[k+1]) {
					m.Venue += ", " + kept[k+1]
				}
				break
			}
		}
	}
	if m.Committee == "" {
		m.Committee = committee(kept)
	}
	return m
}

// committee prefers a name given in a sentence ("Minutes of the meeting of
// the Planning Committee held …"), then the first heading line that is not
// just the council's own name.
func committee(lines []string) string {
	for _, l := range lines {
		if c, matched := committeeFromSentence(l); matched && c != "" {
			return fullTitle(c, lines)
		}
		if c := committeeAfterCouncil(l); c != "" {
			return fullTitle(c, lines)
		}
	}
	// "ASHCOMBE HEALTH AND WELLBEING BOARD" over "MINUTES": the
	// heading names the body, whatever logos ("NHS") stand above it.
	for i, l := range lines {
		if i > 0 && minutesWordRe.MatchString(l) {
			if c := committeeFromLine(lines[i-1]); c != "" && !councilName(c) {
				return c
			}
		}
	}
	var plain []string
	for _, l := range lines {
		if _, matched := committeeFromSentence(l); matched {
			continue
		}
		if c := committeeFromLine(l); c != "" {
			plain = append(plain, c)
		}
	}
	for _, c := range plain {
		if !councilName(c) {
			return c
		}
	}
	if len(plain) > 0 {
		return plain[0]
	}
	return ""
}

// committeeAfterCouncil is the committee a heading names after the
// council's own name on the same line: "THORNBURY DISTRICT COUNCIL
// MINUTES of the meeting of the Overview and Scrutiny Committee held …",
// as a page pasted without its line breaks runs the two lines of its
// heading together. Printed on lines of their own, the second is the
// sentence committeeFromSentence reads.
func committeeAfterCouncil(l string) string {
	words := 0
	for i := 0; i < len(l) && words < 8; i++ {
		if l[i] != ' ' {
			continue
		}
		words++
		if !councilName(strings.TrimSpace(l[:i])) {
			continue
		}
		if c, matched := committeeFromSentence(strings.TrimSpace(l[i:])); matched {
			return c
		}
	}
	return ""
}

// fullTitle is the body's full title printed in the heading when the
// minutes' sentence calls it by a short name: "MINUTES OF THE MEETING OF
// THE FIRE AUTHORITY" under "NORTHMOOR FIRE AND RESCUE AUTHORITY". A
// heading line is the full title when it ends with the short name's last
// word and holds all its words in order; "AUDIT COMMITTEE" under the
// authority's name is a committee of its own.
func fullTitle(short string, lines []string) string {
	words := titleWords(short)
	if len(words) == 0 {
		return short
	}
	for _, l := range lines {
		if _, matched := committeeFromSentence(l); matched {
			continue
		}
		full := committeeFromLine(l)
		fw := titleWords(full)
		// "MINUTE of MEETING of the EDUCATION AND" broken at the end of
		// its line: the heading that goes on from those words.
		cut := smallTitleWord[words[len(words)-1]] && len(fw) > len(words) && slices.Equal(fw[:len(words)], words)
		if !cut && (len(fw) <= len(words) || fw[len(fw)-1] != words[len(words)-1]) {
			continue
		}
		k := 0
		for _, w := range fw {
			if k < len(words) && w == words[k] {
				k++
			}
		}
		if k == len(words) {
			return full
		}
	}
	return short
}

// titleWords are the words of a body's name, lower-cased, without "the".
func titleWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if w != "the" {
			out = append(out, w)
		}
	}
	return out
}

var councilNameRe = compileLater(`(?i)\b(?:borough|district|county|city|town|parish|metropolitan|unitary)\s+council$|^(?:the\s+)?(?:london|royal)\s+borough\s+of\s|\bcombined\s+authority$`)

// "COFNODION" heads minutes printed only in Welsh.
var minutesWordRe = compileLater(`(?i)^(?:draft\s+|confirmed\s+|unconfirmed\s+)?minutes$|^cofnodion$`)

// ownNameRe is a council named by its place alone, as Scottish and
// unitary councils are ("GLENMORAY COUNCIL", "The Highland Council");
// "FULL COUNCIL" names the meeting.
var ownNameRe = compileLater(`(?i)^(?:the\s+)?((?:[a-z'’-]+\s+){0,2}[a-z'’-]+)\s+council$`)

// welshWordRe is a word of a Welsh body's name or heading, which its
// English name does not have.
var welshWordRe = compileLater(`(?i)\b(?:cyngor|pwyllgor|cofnodion|bwrdd|craffu|cyfarfod|cymuned|cynllunio|trwyddedu|archwilio|llywodraethu|siambr|neuadd|ystafell|swyddfeydd|thrwy)\b`)

// englishHalf is the English half of a heading printed in Welsh and in
// English, either way round, with a slash between ("Siambr, Neuadd y Sir
// / Chamber, County Hall", or as councils in the south print it,
// "Chamber, County Hall / Siambr, Neuadd y Sir"); l itself otherwise.
func englishHalf(l string) string {
	if strings.IndexByte(l, '/') < 0 {
		return l
	}
	if first, second, ok := strings.Cut(l, " / "); ok && !strings.Contains(second, " / ") {
		switch cy1, cy2 := welshWordRe.MatchString(first), welshWordRe.MatchString(second); {
		case cy1 && !cy2:
			return second
		case cy2 && !cy1:
			return first
		}
	}
	return l
}

// welshCouncilRe is a council named in Welsh, where the word for council
// comes first: "Cyngor Sir …", "Cyngor Tref …", "Cyngor Cymuned …".
var welshCouncilRe = compileLater(`(?i)^cyngor\s`)

func councilName(c string) bool {
	if councilNameRe.MatchString(c) || welshCouncilRe.MatchString(c) {
		return true
	}
	g := ownNameRe.FindStringSubmatch(c)
	return g != nil && !strings.EqualFold(g[1], "full") && !strings.EqualFold(g[1], "special") && !strings.EqualFold(g[1], "annual")
}

func committeeFromSentence(l string) (string, bool) {
	if len(l) > 200 {
		return "", false
	}
	for _, re := range []*lazyRegexp{minutesOfRe, meetingOfRe, agendaForRe, agendaDashRe, forMeetingRe} {
		if g := re.FindStringSubmatch(l); g != nil {
			c := boardNotPart(strings.TrimRight(strings.TrimSpace(g[1]), ".,;: "))
			lc := strings.ToLower(c)
			if c != "" && lc != "meeting" && lc != "the meeting" && len(findDates(c)) == 0 && hasLetter(c) && len(c) < 100 {
				return c, true
			}
			return "", true
		}
	}
	return "", false
}

var (
	// publicPartLeadRe is a board named with the part of its meeting
	// held in public or in private: "Public Board of Directors",
	// "Private Trust Board". "Public Health Committee" and "Public
	// Accounts Committee" are committees of their own.
	publicPartLeadRe = compileLater(`(?i)^(?:public|private)\s+((?:trust\s+)?board\b.*|council\s+of\s+governors\b.*)$`)
	// publicPartTailRe is the part printed after the board's name:
	// "Board of Directors Meeting in Public", "Trust Board (Public)",
	// "Board of Directors (Part 1 – Public)".
	publicPartTailRe = compileLater(`(?i)(?:\s+meeting)?(?:\s+(?:held\s+)?in\s+(?:public|private)|\s*\((?:part\s+\w{1,2}\s*[–—:-]?\s*)?(?:public|private)\)|\s+[–—-]\s*(?:public|private))$`)
)

// boardNotPart is the name of the board whose minutes c heads, without
// the part of its meeting they record: an NHS trust's board meets in
// public and again in private, and both parts' minutes are its own, as
// minutes headed "Board of Directors Meeting held in Public" are filed
// under "Board of Directors". A clerk files both under the board.
func boardNotPart(c string) string {
	if indexFold(c, 0, "public") < 0 && indexFold(c, 0, "private") < 0 {
		return c
	}
	// "Public Board" alone is a board's whole name, not a part of one.
	if g := publicPartLeadRe.FindStringSubmatch(c); g != nil && !strings.EqualFold(g[1], "board") {
		c = g[1]
	}
	if i := publicPartTailRe.FindStringIndex(c); i != nil && i[0] > 0 {
		c = c[:i[0]]
	}
	return strings.TrimSuffix(strings.TrimSuffix(c, " Meeting"), " meeting")
}

func committeeFromLine(l string) string {
	if skipCommittee.MatchString(l) || notCommittee.MatchString(l) || len(l) > 100 {
		return ""
	}
	if len(findDates(l)) > 0 || len(findTimes(l)) > 0 || strings.HasSuffix(l, ".") || !startsUpper(l) || !hasLetter(l) {
		return ""
	}
	if strings.ContainsAny(l, "0123456789") {
		return ""
	}
	// "PWYLLGOR CRAFFU CYMUNEDAU / COMMUNITIES SCRUTINY COMMITTEE": a
	// Welsh council's heading in Welsh, then in English; the committee
	// is known by its English name, as the minutes' sentences call it.
	if en := englishHalf(l); en != l {
		return committeeFromLine(en)
	}
	return strings.TrimRight(l, ".,;: ")
}

// contactColumnRe is the second column of a heading printed in two
// ("Council Chamber, Shire Hall	Telephone: 01632 960118"), which text
// extraction joins to the venue.
var contactColumnRe = compileLater(`(?i)\s+(?:ask\s+for|telephone|tel|phone|e-?mail|contact|enquiries(?:\s+to)?)\s*:.*$`)

func cleanVenue(v string) string {
	v = contactColumnRe.ReplaceAllString(strings.TrimSpace(v), "")
	v = strings.TrimRight(v, ".,;: ")
	if v == "" || len(v) > 120 || !hasLetter(v) || len(findDates(v)) > 0 || len(findTimes(v)) > 0 {
		return ""
	}
	if startsLower(v) && !strings.HasPrefix(strings.ToLower(v), "via") {
		return ""
	}
	if isUpperLine(v) {
		v = titleCase(v)
	}
	return v
}

// venueGoesOn reports whether the venue printed in l, ending in a comma
// before any second column ("County Hall,	Telephone: …"), is finished by
// next, a town's name alone: "Maidstone".
func venueGoesOn(l, next string) bool {
	v := strings.TrimSpace(contactColumnRe.ReplaceAllString(l, ""))
	if !strings.HasSuffix(v, ",") || len(next) > 40 || !startsUpper(next) || strings.ContainsAny(next, "0123456789:()@") {
		return false
	}
	return len(strings.Fields(next)) <= 3 && !skipCommittee.MatchString(next) && !agendaHeadRe.MatchString(next)
}

// dateWarning says what is wrong with the date printed at the head of the
// document (lines), read into m: none found, one that is not a real
// date, or a weekday printed with it that is not its own. The last is a
// warning, not a refusal: the day, month and year are what the meeting
// is known by (and what other minutes cite), while the weekday is the
// word a clerk's template carries over from the last meeting, and a
// published document cannot be corrected by whoever imports it. The
// reader says so, that someone may check it.
func dateWarning(lines []string, m Meeting) string {
	switch {
	case m.NotADate != "":
		return fmt.Sprintf("the date printed, %q, is not a real date", m.NotADate)
	case m.Date == "":
		return "meeting date not found"
	}
	if printed, day, wrong := wrongWeekday(strings.Join(lines, " "), m.Date); wrong {
		return fmt.Sprintf("the date printed, %q, names the wrong day of the week: %s was a %s; the date is read as %s", printed, m.Date, day, m.Date)
	}
	return ""
}
