package minutes

import (
	"fmt"
	"strconv"
	"strings"
)

var (
	agendaHeadRe   = compileLater(`(?i)^(?:(?:supplementary|revised|draft)\s+)?agenda(?:\s*$|\s*[-–—:]\s*\S|\s+(?:for|of|and\s+reports?|pack|papers)\b)`)
	membershipRe   = compileLater(`(?i)^(?:membership(?:\s+of\s+the\s+[a-z ]+)?|committee\s+membership|members(?:hip)?\s+of\s+the\s+(?:committee|board|panel|partnership)|members)\s*:\s*(.*)$|^(?i:membership)(?:\s*\(\d{1,3}\))?$`)
	memberLabelRe  = compileLater(`(?i)^(?:councillors?|cllrs?\.?|members?)\s*:\s*`)
	officerHeadRe  = compileLater(`(?i)^(?:(?:committee|democratic\s+services|contact|clerk|governance)\s+officer\s*(?:[:–—-]\s*(.*))?|officer\s*:?)$|^(?:contact|clerk\s+to\s+the\s+committee|enquiries\s+to|for\s+further\s+information\s+contact)\s*:\s*(.*)$`)
	contactLabelRe = compileLater(`(?i)^(?:telephone|tel|phone|mobile|e-?mail|fax|officer|committee|contact|web(?:site)?)\s*(?:no\.?)?\s*:?\s*$`)
	presenterLabel = compileLater(`(?i)^(?:presenter|presented\s+by|lead\s+officer|report\s+of|reporting\s+officer|speaker)\s*[:–—-]?\s*(.+)$`)
	willPresentRe  = compileLater(`^(.{3,200}?)\s+(?:will|to|are\s+to|is\s+to|would)\s+(?:deliver|present|give|provide|introduce|update|report|lead|attend|speak)\b`)
	nextMeetingRe  = compileLater(`(?i)next\s+meeting|future\s+meetings?|meeting\s+dates|dates?\s+of\s+(?:future\s+|next\s+)?meetings?|programme\s+of\s+meetings|schedule\s+of\s+meetings`)
	// nextMeetingHeadRe is the heading of the programme of meetings
	// printed without an item's number: "Date of Next Meeting", "Dates of
	// Future Meetings:".
	nextMeetingHeadRe = compileLater(`(?i)^(?:(?:the\s+)?dates?\s+of\s+(?:the\s+)?(?:next|future)\s+meetings?|future\s+meeting\s+dates|next\s+meeting)\s*(?:[:.–—-]|$)`)
	pagesRe           = compileLater(`(?i)\s*\(\s*pages?\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*\)`)
	setOfMinutesRe    = compileLater(`(?i)\bset\s+of\s+minutes\b`)
	// partHeadRe is a heading that divides an agenda into the business
	// taken in public and the exempt business ("PART B – EXEMPT ITEMS (NOT
	// OPEN TO THE PUBLIC)", "Part II", "PART II (EXEMPT)"); it belongs to
	// no item.
	partHeadRe = compileLater(`^(?i:part)\s+(?:[A-D]|I{1,3}|[1-3])(?:\s*[-–—:.]\s*(\S.{0,100})|(?:\s+|\s*\(\s*)(?i:items?|business|exempt|confidential|private|public|restricted|not\s+for\s+publication)\b.{0,80})?$|^(?i:exempt|confidential|restricted)\s+(?i:items?|business|information|reports?)$`)
	// partWordRe is what a part's heading says of its business, after
	// "Part 2 –": a line under an item such as "Part 1: the draft strategy"
	// says none of it, and is the item's.
	partWordRe = compileLater(`(?i)\b(?:items?|business|exempt|confidential|private|public|press|restricted|publication|open)\b`)
	// signRoleRe and signContactRe are the lines under the name that
	// signs an agenda: the officer's post ("General Counsel") and a
	// telephone number, an e-mail address or the date of issue.
	signRoleRe    = compileLater(`(?i)\b(?:counsel|executive|director|officer|manager|head|clerk|secretary|solicitor)\b`)
	signContactRe = compileLater(`^\+?[\d ()-]{9,}$|@`)
)

// partyLabelRe is a party's label over its members in a county council's
// membership: "Conservative (11):", "Liberal Democrat (1):".
var partyLabelRe = compileLater(`^(?:[A-Z][a-z]+|and)(?:\s+(?:[A-Z][a-z]+|and)){0,4}\s*\(\d{1,3}\)\s*:\s*`)

// memberTitleRe is where a member's name starts after a party's label.
var memberTitleRe = compileLater(`\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\s`)

// partyAhead reports whether the membership goes on after a blank line:
// the next party's label comes next, on its line or, wrapped in its
// column, on the line after ("Green and	Mr S R Campkin" over
// "Independent (1):").
func partyAhead(lines []string) bool {
	for k, l := range lines {
		if l == "" {
			continue
		}
		return partyLabelRe.MatchString(l) || k+1 < len(lines) && partyLabelRe.MatchString(lines[k+1]) && partyLabelRe.ReplaceAllString(lines[k+1], "") == ""
	}
	return false
}

// addMembers adds a line of the membership to members, without the
// party's label: a label alone on its line is the end of one wrapped in
// its column, whose start is before the first name on the line above.
func addMembers(members []string, l string) []string {
	rest := partyLabelRe.ReplaceAllString(l, "")
	if rest == l {
		return append(members, l)
	}
	k := len(members) - 1
	if rest == "" {
		if k >= 0 {
			if loc := memberTitleRe.FindStringIndex(members[k]); loc != nil && loc[0] > 0 && len(strings.Fields(members[k][:loc[0]])) <= 3 {
				members[k] = members[k][loc[0]:]
				endParty(members[:k])
			}
		}
		return members
	}
	endParty(members)
	return append(members, rest)
}

// endParty ends the last party's names with a comma, so that the next
// party's first name is not read as part of its last.
func endParty(members []string) {
	if k := len(members) - 1; k >= 0 && !strings.HasSuffix(members[k], ",") {
		members[k] += ","
	}
}

// signatureAt reports whether body[i] is the name that signs the agenda
// after its last item, with the officer's post and contact below it.
func signatureAt(body []string, i int) bool {
	if !nameLike(body[i]) {
		return false
	}
	var next []string
	for _, l := range body[i+1:] {
		if l != "" {
			next = append(next, l)
		}
		if len(next) == 3 {
			break
		}
	}
	if len(next) < 2 || len(next[0]) > 80 || !signRoleRe.MatchString(next[0]) || strings.ContainsAny(next[0], "0123456789") {
		return false
	}
	for _, l := range next[1:] {
		if signContactRe.MatchString(l) || len(findDates(l)) > 0 {
			return true
		}
	}
	return false
}

// partHead reports whether l is the heading of a part of the agenda
// (partHeadRe): one that says what business the part holds, or stands in
// capitals ("PART B – SCRUTINY"), not a line of an item's text that
// begins "Part 1:".
func partHead(l string) bool {
	m := partHeadRe.FindStringSubmatch(l)
	if m == nil {
		return false
	}
	return m[1] == "" || partWordRe.MatchString(m[1]) || strings.ToUpper(m[1]) == m[1]
}

// itemAhead reports whether lines number an item the parser would take
// next: then a name with a post and an e-mail address above it is a
// contact under an item, not the signature that ends the agenda.
func (a *agendaParser) itemAhead(lines []string) bool {
	return a.nextItem(lines) >= 0
}

// nextItem is the index in lines of the first that numbers an item the
// parser would take next, or -1.
func (a *agendaParser) nextItem(lines []string) int {
	probe := *a
	for k, l := range lines {
		if n, ok := parseItemLine(l); ok {
			if _, ok := probe.accept(n); ok {
				return k
			}
		}
	}
	return -1
}

// clipWarning shortens a line quoted in a warning.
func clipWarning(l string) string {
	if r := []rune(l); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return l
}

// itemNum is an agenda number as printed: "7", "7.1", "7a", "(a)", "B2".
type itemNum struct {
	top     int // -1 for a bare "(a)"
	sub     int
	letter  byte
	section byte // 'B' for "B2", as county councils number by part
	title   string
}

// parseItemLine reads a leading agenda number. It rejects times ("10.00
// am"), dates ("9 June 2022") and running prose ("5 members attended").
func parseItemLine(l string) (itemNum, bool) {
	s := l
	hadItem := false
	if len(s) > 5 && strings.EqualFold(s[:5], "item ") {
		s = strings.TrimLeft(s[5:], " ")
		if len(s) > 3 && strings.EqualFold(s[:3], "no.") {
			s = strings.TrimLeft(s[3:], " ")
		}
		hadItem = true
	}
	n := itemNum{top: -1}
	i := 0
	if len(s) >= 2 && s[0] >= 'A' && s[0] <= 'Z' && isDigit(s[1]) && !hadItem {
		// "B2 Kent Active Travel Fund": the section's letter, then the
		// number within it.
		n.section = s[0]
		s = s[1:]
	}
	switch {
	case len(s) >= 3 && s[0] == '(' && isLowerASCII(s[1]) && s[2] == ')':
		n.letter, i = s[1], 3
	case len(s) >= 2 && isLowerASCII(s[0]) && s[1] == ')':
		n.letter, i = s[0], 2
	default:
		for i < len(s) && i < 4 && isDigit(s[i]) {
			i++
		}
		if i == 0 || i > 3 || (i < len(s) && isDigit(s[i])) {
			return n, false
		}
		n.top = atoi(s[:i])
		switch {
		case i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]):
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j-(i+1) > 2 || s[i+1] == '0' {
				return n, false
			}
			n.sub = atoi(s[i+1 : j])
			i = j
		case i < len(s) && isLowerASCII(s[i]) && (i+1 == len(s) || !isLetterASCII(s[i+1])):
			n.letter = s[i]
			i++
		case i+2 < len(s) && s[i] == '(' && isLowerASCII(s[i+1]) && s[i+2] == ')':
			n.letter = s[i+1]
			i += 3
		}
	}
	if n.section != 0 && (n.sub != 0 || n.letter != 0 || n.top < 1 || n.top > 99) {
		return n, false
	}
	rest := s[i:]
	punct := false
	if rest != "" && strings.ContainsRune(".):", rune(rest[0])) {
		rest = rest[1:]
		punct = true
	}
	if rest != "" && rest[0] != ' ' {
		// "24.YOUTH" is glued; "4th" or "2022/23" is not a number.
		if !punct || !startsUpper(rest) {
			return n, false
		}
	}
	rest = strings.TrimSpace(rest)
	for _, d := range []string{"- ", "– ", "— "} {
		rest = strings.TrimSpace(strings.TrimPrefix(rest, d))
	}
	if rest != "" {
		first := rest[0]
		if !startsUpper(rest) && first != '(' && first != '"' && !strings.HasPrefix(rest, "“") && !strings.HasPrefix(rest, "‘") {
			return n, false
		}
		if isDigit(first) && !punct && !hadItem && n.sub == 0 && n.letter == 0 && n.section == 0 || startsWithMonth(rest) || !hasLetter(rest) {
			return n, false
		}
		if !hadItem && !punct && n.sub == 0 && n.letter == 0 && n.section == 0 && !titleLike(rest) {
			return n, false
		}
	}
	n.title = rest
	return n, true
}

// isItemLine reports whether l starts with an agenda number.
func isItemLine(l string) bool {
	_, ok := parseItemLine(l)
	return l != "" && ok
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isUpper(c byte) bool       { return c >= 'A' && c <= 'Z' }
func isLowerASCII(c byte) bool  { return c >= 'a' && c <= 'z' }
func isLetterASCII(c byte) bool { return isLowerASCII(c) || (c >= 'A' && c <= 'Z') }
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

type agendaParser struct {
	out        *Agenda
	warn       func(string, ...any)
	lastTop    int
	lastSub    int
	lastLetter byte
	// lastSection is the section of the items so far ("B" after "B2"),
	// when the first item was numbered with one: then every item is, and
	// a numbered list in an item's text ("1. 23/00102 …") is not an item.
	lastSection byte
	// inNext is true under an unnumbered "Date of Next Meeting" heading,
	// whose lines (nextText) give the programme of meetings, not the
	// last item's text.
	inNext   bool
	nextText []string
	// headAt is the line of the "AGENDA" heading in the lines read (-1
	// without one): above it, as before the first item, the officer's
	// details are part of the heading rather than the end of the agenda.
	headAt int
}

// accept checks an agenda number against the numbering so far and returns
// its normalised form. Numbers only move forward, which keeps dates, times
// and numbered lists in item descriptions from being read as items.
func (a *agendaParser) accept(n itemNum) (string, bool) {
	first := a.lastTop < 0
	if !first && (n.section == 0) != (a.lastSection == 0) {
		return "", false
	}
	switch {
	case n.section != 0:
		// An agenda numbered by section starts at A1: "G1 Committee
		// Room" above items 1, 2, 3 is where the meeting is.
		ok := first && n.section == 'A' && n.top == 1 ||
			!first && n.section == a.lastSection && n.top > a.lastTop && n.top <= a.lastTop+3 ||
			!first && n.section > a.lastSection && n.section <= a.lastSection+3 && n.top <= 2
		if !ok {
			return "", false
		}
		a.lastSection, a.lastTop, a.lastSub, a.lastLetter = n.section, n.top, 0, 0
		return fmt.Sprintf("%c%d", n.section, n.top), true
	case n.top < 0:
		if first || n.letter != nextLetter(a.lastLetter) {
			return "", false
		}
		a.lastLetter = n.letter
		return fmt.Sprintf("%d%c", a.lastTop, n.letter), true
	case n.sub > 0:
		ok := (!first && n.top == a.lastTop && n.sub > a.lastSub && n.sub <= a.lastSub+2) ||
			((first && n.top <= 5 || !first && n.top == a.lastTop+1) && n.sub == 1)
		if !ok {
			return "", false
		}
		a.lastTop, a.lastSub, a.lastLetter = n.top, n.sub, 0
		return fmt.Sprintf("%d.%d", n.top, n.sub), true
	case n.letter != 0:
		ok := (!first && n.top == a.lastTop && n.letter == nextLetter(a.lastLetter)) ||
			((first && n.top <= 5 || !first && n.top == a.lastTop+1) && n.letter == 'a')
		if !ok {
			return "", false
		}
		a.lastTop, a.lastSub, a.lastLetter = n.top, 0, n.letter
		return fmt.Sprintf("%d%c", n.top, n.letter), true
	default:
		ok := (first && n.top <= 5) || (!first && n.top > a.lastTop && n.top <= a.lastTop+3)
		if !ok {
			return "", false
		}
		a.lastTop, a.lastSub, a.lastLetter = n.top, 0, 0
		return fmt.Sprintf("%d", n.top), true
	}
}

func nextLetter(c byte) byte {
	if c == 0 {
		return 'a'
	}
	return c + 1
}

// ParseAgenda finds the agenda in text (which may be a whole agenda pack)
// and reads it, stopping before any minutes or reports that follow.
func ParseAgenda(text string) (*Agenda, error) {
	if len(text) > MaxInputSize {
		return nil, ErrTooLarge
	}
	lines := cleanLines(text)
	head := -1
	for i, l := range lines {
		if agendaHeadRe.MatchString(l) && !labelRe.MatchString(l) {
			head = i
			break
		}
	}
	start, bodyStart := 0, 0
	if head >= 0 {
		bodyStart = head + 1
		start = head
		// Twelve printed lines, blank ones not counted: a heading
		// spaced out with a blank line between each line lost the
		// committee, the date and the venue above "AGENDA".
		if len(nonBlank(lines[:head])) <= 12 {
			start = 0
		}
		for i := head - 1; i >= start; i-- {
			if labelRe.MatchString(lines[i]) {
				start = i + 1
				break
			}
		}
	}
	end := len(lines)
	for i := bodyStart; i < len(lines); i++ {
		l := lines[i]
		// "Report of: Lucy Farrant, Head of …" under an item's title
		// names who reports; on a line of its own it starts a report.
		underItem := i > 0 && isItemLine(lines[i-1])
		if labelRe.MatchString(l) && labelInList(lines[bodyStart:i], lines[i+1:], l) {
			continue
		}
		if labelRe.MatchString(l) || presentRe.MatchString(l) || welshPresent(l) || reportToRe.MatchString(l) && !underItem || setOfMinutesRe.MatchString(l) {
			end = i
			break
		}
		if head < 0 {
			if _, _, ok := splitResolved(l); ok {
				end = i
				break
			}
		}
	}
	out := &Agenda{Items: []Item{}, NextMeetings: []string{}, Warnings: []string{}}
	a := &agendaParser{out: out, lastTop: -1, headAt: -1}
	a.warn = func(format string, args ...any) { out.Warnings = append(out.Warnings, fmt.Sprintf(format, args...)) }

	// The committee and the date, read ahead, tell a page's header or
	// footer ("Planning Committee - 7 June 2023") even when it is seen once.
	ahead := readMeeting(lines[start:min(end, bodyStart+40)])
	hdrs := runningHeaders(lines[bodyStart:end], ahead.Committee, ahead.Date)
	body := make([]string, 0, end-start)
	for i, l := range lines[start:end] {
		if start+i == head {
			l = agendaHeadLine(l)
			a.headAt = len(body)
		}
		if hdrs[l] || isPageNoise(l) {
			continue
		}
		// "*Item 7", "*7.": an exempt item, marked.
		if len(l) > 2 && l[0] == '*' && (isDigit(l[1]) || hasPrefixFold(l[1:], "item ")) {
			l = l[1:]
		}
		// An agenda copied from the council's web page: each paper's
		// link ("PDF 210 KB") after an item's title, the map link after
		// the venue and the page's labels ("Items", "Additional
		// documents:") were read as the words of the title, the venue and
		// the item.
		if minutesLabelRe.MatchString(l) && !strings.HasPrefix(l, "Minutes:") || labelRe.MatchString(l) {
			continue
		}
		if strings.HasSuffix(l, "B") && strings.Contains(l, "PDF ") {
			l = pdfIconRe.ReplaceAllString(l, "")
		}
		if mayEndViewDirections(l) {
			l = strings.TrimRight(viewDirectionsRe.ReplaceAllString(l, ""), ". ")
		}
		body = append(body, pagesRe.ReplaceAllString(l, ""))
	}
	a.run(body)
	if head < 0 && len(out.Items) < 2 {
		return nil, ErrNoAgenda
	}
	if len(out.Items) == 0 && out.Meeting.Date == "" {
		return nil, ErrNoAgenda
	}
	if len(out.Items) == 0 {
		a.warn("no agenda items found")
	}
	for _, it := range out.Items {
		if nextMeetingRe.MatchString(it.Title) {
			out.NextMeetings = append(out.NextMeetings, dateTimes(it.Title+" "+it.Description)...)
		}
	}
	if len(a.nextText) > 0 {
		out.NextMeetings = append(out.NextMeetings, dateTimes(strings.Join(a.nextText, " "))...)
	}
	return out, nil
}

// pageColumnRe is the pages of an item's papers printed in a column at
// the right of its title: "Minutes	5 - 10", "Minute of Meeting	Pages 3 - 8".
var pageColumnRe = compileLater(`\s+(?:(?i:pages?|pp\.?)\s*)?(\d{1,3})\s*[-–]\s*(\d{1,3})$`)

// withoutPageColumn drops the pages from a title; a range that does not
// count up ("Key Stage 4 - 2") is not pages.
func withoutPageColumn(title string) string {
	g := pageColumnRe.FindStringSubmatchIndex(title)
	if g == nil || atoi(title[g[2]:g[3]]) >= atoi(title[g[4]:g[5]]) || g[0] == 0 {
		return title
	}
	return title[:g[0]]
}

// dropPageColumn takes the pages printed in a column beside the items
// off their titles, when there is such a column: two items or more end in
// a range of pages. One title alone that ends so ("Support for Years
// 7 - 11") keeps it.
func (a *agendaParser) dropPageColumn() {
	n := 0
	for _, it := range a.out.Items {
		if withoutPageColumn(it.Title) != it.Title {
			n++
		}
	}
	if n < 2 {
		return
	}
	for i, it := range a.out.Items {
		a.out.Items[i].Title = strings.TrimRight(strings.TrimSpace(withoutPageColumn(it.Title)), " :")
	}
}

// sectionHeadRe is the heading of a section of an agenda numbered by
// section ("B - Key or Significant Cabinet Member Decision(s)" over items
// B1, B2 …); it belongs to no item.
var sectionHeadRe = compileLater(`^([A-Z])\s*[-–—:.]\s+\S`)

// sectionHead reports whether body[i] heads the section whose items come
// next, and how many lines the heading takes: a long one wraps.
func (a *agendaParser) sectionHead(body []string, i int) (int, bool) {
	g := sectionHeadRe.FindStringSubmatch(body[i])
	if g == nil || len(body[i]) > 160 || a.lastTop >= 0 && (a.lastSection == 0 || g[1][0] <= a.lastSection) {
		return 0, false
	}
	n := 1
	for j := i + 1; j < len(body) && j <= i+8; j++ {
		if body[j] == "" {
			continue
		}
		num, ok := parseItemLine(body[j])
		if ok && num.section != 0 {
			if num.section != g[1][0] {
				return 0, false
			}
			return n, true
		}
		if j == i+n && n < 3 {
			n++ // the heading goes on in the line below
		}
	}
	return 0, false
}

// agendaHeadLine keeps what follows "AGENDA –" on the heading line, which is
// often the committee name.
func agendaHeadLine(l string) string {
	if agendaForRe.MatchString(l) || agendaDashRe.MatchString(l) {
		return l
	}
	return ""
}

type itemBuilder struct {
	item  Item
	body  []string
	title bool // title still to be read from the body
}

func (a *agendaParser) run(body []string) {
	var cur *itemBuilder
	var membership []string
	inMembers := false
	var officer []string
	var preItems []string
	between := false // after a part's heading, before its first item
	i := 0
	for ; i < len(body); i++ {
		l := body[i]
		if officerHeadRe.MatchString(l) && (i < a.headAt || a.lastTop < 0 && a.nextItem(body[i+1:]) >= 0) {
			// "Contact Officer: Tom Brookes, …" in the heading, above
			// "AGENDA" or under it before the first item: taken for the
			// details that end an agenda, it lost every item.
			if officer == nil {
				officer = []string{l}
			}
			continue
		}
		if l != "" && (officerHeadRe.MatchString(l) || strings.EqualFold(l, "committee") && i+1 < len(body) && officerHeadRe.MatchString(body[i+1])) {
			// The officer's details usually end the agenda, but an item
			// numbered on from the last after them is still an item: one
			// typed at the end of a published agenda pasted into the form
			// ("9. New item — Sue Holden") was lost with the details.
			k := -1
			if a.lastTop >= 0 {
				k = a.nextItem(body[i+1:])
			}
			if k < 0 {
				officer = body[i:]
				break
			}
			if officer == nil {
				officer = body[i : i+1+k]
			}
			a.finishItem(cur)
			cur, inMembers, between = nil, false, false
			i += k
			continue
		}
		if l != "" && a.lastTop >= 0 && signatureAt(body, i) && !a.itemAhead(body[i+1:]) {
			officer = body[i:]
			break
		}
		if l != "" {
			if n, ok := parseItemLine(l); ok {
				if num, ok := a.accept(n); ok {
					a.finishItem(cur)
					cur = &itemBuilder{item: Item{Number: num, Title: n.title}, title: n.title == ""}
					inMembers, between, a.inNext = false, false, false
					continue
				}
				if cur != nil && a.lastSection == 0 && n.section == 0 && n.sub == 0 && n.letter == 0 && n.top > a.lastTop+3 && n.top < 100 && n.title != "" {
					// Numbers run on by at most three, which keeps dates and
					// lists in an item's text from being read as items; a
					// line numbered further on ("9. New item — Sue Holden"
					// after item 3) is kept in the item's text, and said.
					a.warn("%q is read as part of item %s, not as item %d: items are numbered on from the one before, and item %d does not follow item %d",
						clipWarning(l), cur.item.Number, n.top, n.top, a.lastTop)
				}
			}
		}
		if n, ok := a.sectionHead(body, i); ok {
			a.finishItem(cur)
			cur, between = nil, false
			i += n - 1
			continue
		}
		switch {
		case a.lastTop >= 0 && nextMeetingHeadRe.MatchString(l) && (cur == nil || !cur.title || len(nonBlank(cur.body)) > 0):
			// "Date of Next Meeting" printed without a number after the
			// last item: the dates under it are the programme, which
			// were read as that item's text. Under an item's number
			// ("5." over "Date of Next Meeting") it is that item's title.
			a.finishItem(cur)
			cur, between, a.inNext = nil, false, true
			a.nextText = append(a.nextText, l)
		case a.inNext:
			a.nextText = append(a.nextText, l)
		case partHead(l):
			// The heading and any note under it ("there are no exempt
			// items") belong to no item.
			a.finishItem(cur)
			cur, between = nil, a.lastTop >= 0
		case between:
		case cur != nil && membershipRe.MatchString(l) && (i == 0 || body[i-1] == ""):
			// "Committee Membership: …" printed after the business, as
			// Scottish councils print it, is no part of the last item.
			a.finishItem(cur)
			cur, inMembers = nil, true
			if g := membershipRe.FindStringSubmatch(l); g != nil && g[1] != "" {
				membership = append(membership, g[1])
			}
		case cur != nil:
			cur.body = append(cur.body, l)
		case l == "":
			inMembers = inMembers && (len(membership) == 0 || partyAhead(body[i+1:]))
		case membershipRe.MatchString(l):
			inMembers = true
			if g := membershipRe.FindStringSubmatch(l); g != nil && g[1] != "" {
				membership = append(membership, g[1])
			}
		case inMembers:
			membership = addMembers(membership, l)
		default:
			preItems = append(preItems, l)
		}
	}
	a.finishItem(cur)
	a.dropPageColumn()
	// Lines before the first item that are not the membership are the
	// meeting details.
	a.out.Meeting = readMeeting(preItems)
	if w := dateWarning(preItems, a.out.Meeting); w != "" {
		a.warn("%s", w)
	}
	if len(membership) > 0 {
		s := memberLabelRe.ReplaceAllString(joinAll(membership), "")
		for _, m := range expandCouncillors(s, splitOutside(s)) {
			m = memberLabelRe.ReplaceAllString(m, "")
			if hasLetter(m) && len(m) < 100 {
				a.out.Membership = append(a.out.Membership, m)
			}
		}
	}
	a.out.Officer = officerName(officer)
}

// labelInList reports whether the label "Agenda Item 4" stands in the
// list of items, over the item it names, rather than at the head of that
// item's report after the list: no item of its number is listed before
// it, and the next item line after it has that number. A pack's reports
// follow the whole list, so their labels name items already listed; read
// as a report's, a label in the list lost the items after it without a
// word.
func labelInList(before, after []string, label string) bool {
	g := labelRe.FindStringSubmatch(label)
	n, err := strconv.Atoi(strings.TrimRight(g[1], "abcdefghijklmnopqrstuvwxyz"))
	if err != nil || strings.Contains(g[1], ".") {
		return false
	}
	for _, l := range before {
		if it, ok := parseItemLine(l); ok && it.top == n && it.section == 0 {
			return false
		}
	}
	for _, l := range after {
		if l == "" {
			continue
		}
		it, ok := parseItemLine(l)
		return ok && it.top == n && it.section == 0 && it.sub == 0
	}
	return false
}

func officerName(block []string) string {
	for i, l := range block {
		if l == "" {
			continue
		}
		if g := officerHeadRe.FindStringSubmatch(l); g != nil && i <= 1 {
			if v := strings.TrimSpace(g[1] + g[2]); v != "" {
				return cutContact(v)
			}
			continue
		}
		if contactLabelRe.MatchString(l) || strings.EqualFold(l, "committee") {
			continue
		}
		if v := cutContact(l); nameLike(v) {
			return v
		}
	}
	return ""
}

var contactCutRe = compileLater(`(?i)\s*(?:,|;|\btel\b|\btelephone\b|\be-?mail\b|\(|\d|\S+@).*$`)

func cutContact(v string) string {
	return strings.TrimSpace(contactCutRe.ReplaceAllString(v, ""))
}

func (a *agendaParser) finishItem(b *itemBuilder) {
	if b == nil {
		return
	}
	lines := b.body
	k := 0
	if b.title {
		for k < len(lines) && lines[k] == "" {
			k++
		}
		if k < len(lines) {
			b.item.Title = lines[k]
			k++
		}
	}
	// A wrapped title continues on a short line that is not a name.
	for cont := 0; k < len(lines) && lines[k] != "" && b.item.Title != "" && cont < 3; cont++ {
		next := lines[k]
		t := b.item.Title
		if len(t) < 30 || strings.ContainsAny(t[len(t)-1:], ".:;?!") || len(strings.Fields(next)) > 4 ||
			strings.HasSuffix(next, ".") || strings.HasSuffix(next, ":") || nameLike(next) || strings.HasPrefix(next, "(") {
			break
		}
		if _, ok := presenterList(next); ok {
			break
		}
		b.item.Title = joinPair(t, next)
		k++
	}
	b.item.Title = strings.TrimRight(strings.TrimSpace(b.item.Title), " :")
	var desc []string
	var presenters []Person
	// "New item — Sue Holden": the presenter after an em dash (or a
	// spaced en dash), as an officer types an item into Quorum. A
	// hyphen is left in the title, where it joins words far more often
	// ("Violence against Women and Girls - Partner Reports").
	for _, sep := range []string{"—", " – "} {
		if i := strings.LastIndex(b.item.Title, sep); i > 0 {
			if people, ok := presenterList(b.item.Title[i+len(sep):]); ok {
				if title := strings.TrimSpace(b.item.Title[:i]); title != "" {
					b.item.Title, presenters = title, people
				}
			}
			break
		}
	}
	for _, l := range lines[k:] {
		if l != "" {
			if people, ok := presenterList(l); ok {
				presenters = append(presenters, people...)
				continue
			}
			if g := presenterLabel.FindStringSubmatch(l); g != nil {
				if people, ok := presenterList(g[1]); ok {
					presenters = append(presenters, people...)
					continue
				}
				// "Presented by: Aisha Rahman, Senior Planning Officer"
				if name, role, ok := strings.Cut(g[1], ","); ok && nameLike(name) {
					presenters = append(presenters, Person{Name: strings.TrimSpace(name), Organisation: strings.TrimRight(strings.TrimSpace(role), ". ")})
					continue
				}
			}
		}
		desc = append(desc, l)
	}
	b.item.Description = paragraphs(desc)
	if len(presenters) == 0 {
		if g := willPresentRe.FindStringSubmatch(b.item.Description); g != nil {
			if people, ok := presenterList(g[1]); ok {
				presenters = people
			}
		}
	}
	b.item.Presenter, b.item.Organisation = presenterText(presenters)
	if refs := references(b.item.Description); len(refs) > 0 {
		b.item.References = refs
	}
	if b.item.Title == "" {
		a.warn("item %s: no title found", b.item.Number)
	}
	a.out.Items = append(a.out.Items, b.item)
}
