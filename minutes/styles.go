package minutes

import (
	"sort"
	"strconv"
	"strings"
)

var (
	// A web page of minutes (ModernGov) labels each item's text "Minutes:"
	// and each linked paper "pdf icon PDF 168 KB"; its exports wrap items in
	// <AI1> … </AI1>.
	minutesLabelRe = compileLater(`^(?:Minutes:|</?AI\d{1,3}>|Additional documents:|No\. Item|Items)$`)
	pdfIconRe      = compileLater(`\s*(?:pdf icon )?PDF \d+ [KM]B$`)
	// A web page printed from a browser has the time it was printed and
	// the page's title at the head of every sheet, and its address and
	// "n/N" at the foot: "14/11/2024, 09:12 Agenda for Licensing …",
	// "https://democracy.westmoor.gov.uk/ieListDocuments.aspx?… 1/3".
	// Its date and time are not the meeting's, nor is either text.
	printedHeadRe = compileLater(`^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\s+\S`)
	printedFootRe = compileLater(`^(?:https?://|file:/)\S+\s+\d{1,3}/\d{1,3}$`)
	// siteFurnitureRe is the council site's own links above the page's
	// text, "Skip to main content Site map Accessibility" and the
	// breadcrumb "Home > Council and Democracy > …", and the map link
	// after the venue.
	siteFurnitureRe  = compileLater(`(?i)^skip\s+to\s+(?:main\s+)?content\b|^home\s*(?:>|›|»)\s*\S`)
	viewDirectionsRe = compileLater(`(?i)\s*view\s+directions$`)

	// "P061/24 1. APOLOGIES FOR ABSENCE": a minute reference before the
	// agenda number; the reference is the minute's number.
	refThenNumberRe = compileLater(`^([A-Z]{1,4}\d{1,4}/\d{2,4})\s+\d{1,3}[.)]?\s+(\S.*)$`)

	// Where a line is a whole page of text (PDF text without line breaks),
	// these mark where a new line would have been; "Apologies for absence
	// were received from …" too, or the names after it were read as the
	// last of those present.
	inlineHeadRe  = compileLater(`\s(?:(?:Item\s+No\.?\s*)?\d{1,3}[.:]|\d{3,4})\s+[A-Z][A-Z'’&,()/-]*[A-Z](?:\s|$)`)
	inlineLabelRe = compileLater(`\s(?:PRESENT|Present|APOLOGIES|Apologies|ALSO PRESENT|Also Present|Also present|IN ATTENDANCE|In attendance|RESOLVED)\s*:\s|\sItem\s+No\.?\s*\d{1,3}[.:]?\s|\sAnd\s+(?:unanimously\s+)?Resolved\b|\sProposed\s+by\s*:\s|\sThe\s+meeting\s+(?:closed|ended|finished|concluded)\b|\sApologies\s+(?:for\s+absence\s+)?(?:were|had\s+been)\s+(?:also\s+)?(?:received|submitted|given|tendered)\b`)
	inlineFootRe  = compileLater(`\s+Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s+(?i:chair(?:man|person|woman)?)\s*:?\s*[._…]{3,}(?:\s*(?i:date)\s*:?\s*[._…]{3,})?`)
	// "MONDAY4. MATTERS ARISING": a number glued to the word before it.
	gluedHeadRe = compileLater(`[A-Za-z]\d{1,2}\.\s+[A-Z][A-Z]+\s`)
	upperWordRe = compileLater(`^[A-Z0-9][A-Z0-9'’&,()/:-]*$|^[-–—&]$`)
	itemNoRe    = compileLater(`^Item\s+No\.?\s*(\d{1,3})[.:]?\s+(.*)$`)
	numberedRe  = compileLater(`^(\d{1,4})(?:[.)]\s*|\s+)(\S.*)$`)

	// A scan read by OCR prints the capital I as a bar: "| was asked",
	// "the Chair said | would", "| t was noted". A bar is read as I only
	// before the words that follow the pronoun (or "t", for "It"), so
	// that the cells of a table flattened to text keep their borders.
	ocrBarRe = compileLater(`(^|[\s"“(])\|(\s+(?:was|would|will|am|have|had|do|did|can|could|should|shall|must|may|might|think|thought|believe|hope|also|then|said|asked|noted|wish|wished|feel|felt)\b)`)
	ocrItRe  = compileLater(`(^|[\s"“(])\|\s?(t\s+(?:was|is|had|has|will|would)\b)`)

	// US city councils number items of the consent agenda "*1." and
	// special items "S-1.", and run them on in a paragraph: "*1. Approval
	// of the minutes. Motion by Adams … *2. Ordinance No. 2025-07 …".
	// Only a mark that starts an item counts: at the start of a line or
	// after the end of a sentence, before a capital.
	usMarkRe = compileLater(`(?:^|[.!?]\s+)((?:\*|S-)\d{1,3}\.\s+[A-Z])`)
	// usItemRe is an item's line: number, title (up to its full stop), text.
	// "No." inside a title ("Ordinance No. 2025-07") does not end it.
	usItemRe = compileLater(`^(?:\*|(S-))?(\d{1,3})\.\s+([A-Z](?:(?:No|Mr|Mrs|Ms|Dr|St)\.\s|[^.]){1,118}?[A-Za-z0-9)])(?:\.(?:\s+(.*))?)?$`)

	// Welsh councils print labels in both languages, Welsh first: "Yn
	// bresennol / Present:", "Cynghorwyr / Councillors: …", "Llofnodwyd
	// / Signed: …". The English label is the one read.
	bilingualLabelRe = compileLater(`^(?:[\p{L}'’]+\s+){0,3}[\p{L}'’]+\s*/\s*((?i:present|also\s+present|in\s+attendance|apologies(?:\s+for\s+absence)?|councillors?|officers|signed|date|chair(?:man|person)?|mayor)\s*(?:[:–—-].*)?)$`)
)

// longLine is the length past which a line is taken for a page of text
// that lost its line breaks.
const longLine = 400

// normaliseStyles rewrites the lines of a document in another council's
// house style into the plain shape the minutes reader expects (a minute
// number at the start of a line, its heading beside it or below, labels
// such as "Present:" and "Apologies:" starting lines) without changing any
// words. It returns, for each line it returns, the line of the document it
// came from (counted from 1), so that warnings can say where to look.
func normaliseStyles(lines []string) ([]string, []int, map[int]string) {
	out := make([]string, 0, len(lines))
	origin := make([]int, 0, len(lines))
	us := usStyle(lines)
	for i, whole := range lines {
		parts := []string{whole}
		if us {
			parts = splitUSItems(whole)
		}
		for _, l := range parts {
			for _, part := range normaliseLine(l) {
				out = append(out, part)
				origin = append(origin, i+1)
			}
		}
	}
	out, origin, items := agendaNumbersAbove(out, origin)
	out, origin = splitNumberedRuns(out, origin)
	return out, origin, items
}

var (
	// agendaAboveRe is an agenda's number alone on its line, over the
	// minute's: "7." or "Item 7". A number with no stop or "Item" could
	// be the page's, printed above the next page's first minute.
	agendaAboveRe = compileLater(`^(?:(?i:item)\s+(?:(?i:no)\.?\s*)?(\d{1,3}[a-z]?)[.:]?|(\d{1,3}[a-z]?)[.)])$`)
	// agendaTitledRe is an agenda's number with the item's title, over
	// the minute's reference alone: "1. Election of the Chairman;" over
	// "01/23".
	agendaTitledRe = compileLater(`^(?:(?i:item)\s+(?:(?i:no)\.?\s*)?)?(\d{1,3})[.):]?\s+(\p{Lu}.*)$`)
)

// agendaNumbersAbove reads minutes that print the agenda's number on the
// line above the minute's: "7." over "28. YOUTH ANTI-SOCIAL BEHAVIOUR",
// "Item 7" over "Minute 28 – Youth …", or, as a district council does,
// "1. Election of the Chairman of the Council;" over "01/23". Each pair
// is one minute, numbered as the minute: the agenda's line becomes a
// blank one (with the title joined to the minute's reference when it was
// printed beside the agenda's number), and items gives the agenda item
// of the minute that starts at each line of the document, for an action
// log's "Item" column. A pair is read so only when the document has two
// or more, their agenda numbers counting up: one "7." over a minute may
// be a page's number or the end of a list.
func agendaNumbersAbove(lines []string, origin []int) ([]string, []int, map[int]string) {
	type pair struct {
		agenda, minute int // lines
		item           string
		joined         string // the minute's line, when the title is joined to it
	}
	var pairs []pair
	for i, l := range lines {
		// Both patterns start with a digit or "item".
		if l == "" || !isDigit(l[0]) && l[0]|0x20 != 'i' {
			continue
		}
		item, title := "", ""
		if g := agendaAboveRe.FindStringSubmatch(l); g != nil {
			item = g[1] + g[2]
		} else if g := agendaTitledRe.FindStringSubmatch(l); g != nil && len(l) <= 160 {
			item, title = g[1], strings.TrimRight(g[2], " ;:,")
		} else {
			continue
		}
		j := i + 1
		for j < len(lines) && j <= i+3 && lines[j] == "" {
			j++
		}
		if j >= len(lines) || lines[j] == "" {
			continue
		}
		h, ok := parseMinuteHeader(lines[j])
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(strings.TrimRight(item, "abcdefghijklmnopqrstuvwxyz"))
		switch {
		case title != "":
			// The title beside the agenda's number: the minute's
			// reference alone below it, never a number that could be the
			// next item's or a page's.
			if h.title != "" || isDigits(h.number) || !headingLike(title) {
				continue
			}
			pairs = append(pairs, pair{i, j, item, h.number + " " + title})
		case h.number == item || strings.HasPrefix(h.number, item+".") || isDigits(h.number) && h.primary < n:
			// "7." over "7. TITLE", over "7.1 The Partnership …" (the
			// minute's own number over its paragraphs, numbered within
			// it), or over an earlier number: not an agenda's number over
			// a minute's.
		case h.title != "" || !isDigits(h.number) || hasPrefixFold(lines[j], "minute"):
			pairs = append(pairs, pair{agenda: i, minute: j, item: item})
		}
	}
	if len(pairs) < 2 {
		return lines, origin, nil
	}
	last := -1
	for _, p := range pairs {
		n, _ := strconv.Atoi(strings.TrimRight(p.item, "abcdefghijklmnopqrstuvwxyz"))
		if n < last {
			return lines, origin, nil
		}
		last = n
	}
	out := append([]string(nil), lines...)
	items := map[int]string{}
	for _, p := range pairs {
		out[p.agenda] = ""
		if p.joined != "" {
			out[p.minute] = p.joined
		}
		items[origin[p.minute]] = p.item
	}
	return out, origin, items
}

// normaliseLine is normaliseStyles for one line: the line or the lines it
// stands for.
func normaliseLine(l string) []string {
	// A bar for I is read only on a line with one bar: a table flattened
	// to text has more ("| Footpath | Clerk | will write |").
	if strings.Count(l, "|") == 1 && !strings.HasSuffix(strings.TrimSpace(l), "|") {
		l = ocrBarRe.ReplaceAllString(l, "${1}I${2}")
		l = ocrItRe.ReplaceAllString(l, "${1}I${2}")
	}
	l = stripCells(l)
	// Each pattern is tried only on a line that has what it needs (its
	// first byte, a literal, its length): nearly every line is plain text
	// that none of them matches, and a document is thousands of lines.
	if furniture(l) {
		l = ""
	}
	if mayEndViewDirections(l) {
		l = viewDirectionsRe.ReplaceAllString(l, "")
	}
	// "*2. Staffing Matters": an item marked (exempt, or on a consent
	// agenda) is numbered 2.
	if len(l) > 2 && l[0] == '*' && isDigit(l[1]) {
		l = l[1:]
	}
	if strings.HasSuffix(l, "B") && strings.Contains(l, "PDF ") {
		l = pdfIconRe.ReplaceAllString(l, "")
	}
	// The patterns below all need a slash: most lines have none.
	if strings.IndexByte(l, '/') < 0 {
		if len(l) > longLine {
			return splitLongLine(l)
		}
		return []string{l}
	}
	if g := bilingualLabelRe.FindStringSubmatch(l); g != nil {
		l = g[1]
	}
	// "Daeth y cyfarfod i ben am 8.20yh. / The meeting closed at 8.20pm.":
	// the English half ends the minutes as it would alone.
	if _, en, ok := strings.Cut(l, " / "); ok && endMarkerRe.MatchString(en) {
		l = en
	}
	if l != "" && isUpper(l[0]) {
		if g := refThenNumberRe.FindStringSubmatch(l); g != nil {
			l = g[1] + " " + g[2]
		}
	}
	if len(l) > longLine {
		return splitLongLine(l)
	}
	// "PENDERFYNWYD: Cymeradwyo'r cofnodion. / RESOLVED: To approve the
	// minutes.": a resolution in both languages on one line is two, so
	// that the English one is read alone.
	if g := bothLanguagesRe.FindStringSubmatch(l); g != nil && welshOutcomeRe.MatchString(g[1]) != welshOutcomeRe.MatchString(g[2]) {
		return []string{g[1], g[2]}
	}
	return []string{l}
}

// furniture reports a line of a web page's furniture (minutesLabelRe,
// printedHeadRe, printedFootRe, siteFurnitureRe), trying each pattern
// only on a line that starts as it must.
func furniture(l string) bool {
	if l == "" {
		return false
	}
	c := l[0]
	switch {
	case len(l) <= len("Additional documents:") && minutesLabelRe.MatchString(l):
		return true
	case isDigit(c):
		return printedHeadRe.MatchString(l)
	case c == 'h' || c == 'f':
		return printedFootRe.MatchString(l) || c == 'h' && siteFurnitureRe.MatchString(l)
	}
	// Case folded, "s" is also "ſ" (U+017F), which starts with a byte
	// past ASCII.
	return (c|0x20 == 's' || c|0x20 == 'h' || c >= 0x80) && siteFurnitureRe.MatchString(l)
}

// mayEndViewDirections reports whether l can end as viewDirectionsRe
// needs, in "ns" in either case, or in a letter past ASCII ("ſ").
func mayEndViewDirections(l string) bool {
	n := len(l)
	if n < len("view directions") {
		return false
	}
	return l[n-1] >= 0x80 || l[n-1]|0x20 == 's' && l[n-2]|0x20 == 'n'
}

var (
	// welshOutcomeRe starts the Welsh text of a resolution, printed beside
	// the English one: "PENDERFYNWYD:" (resolved), "Penderfyniad"
	// (decision), "Cytunwyd" (agreed), "Nodwyd" (noted).
	welshOutcomeRe = compileLater(`^(?i:penderfynwyd|penderfyniad(?:au)?|cytunwyd|nodwyd)\b`)
	// bothLanguagesRe is a line holding one outcome after another, apart
	// by a slash after the first's full stop.
	bothLanguagesRe = compileLater(`^((?i:resolved|agreed|penderfynwyd|penderfyniad|cytunwyd)\b.*?[.;])\s+/\s+((?i:resolved|agreed|penderfynwyd|penderfyniad|cytunwyd)\b.*)$`)
	// welshFirstLabelRe is an outcome's label in both languages, Welsh
	// first, as the labels of the rest of the document: "PENDERFYNWYD /
	// RESOLVED:". The English label is read.
	welshFirstLabelRe = compileLater(`^(?i:penderfynwyd|penderfyniad|cytunwyd)\s*/\s*((?i:resolved|decision|agreed)\b.*)$`)
)

// usStyle reports a document numbered as US city councils number their
// agendas: at least three "*N." or "S-N." marks that start items (two
// asterisked items can be a British agenda's exempt ones).
func usStyle(lines []string) bool {
	n := 0
	for _, l := range lines {
		if strings.IndexByte(l, '*') < 0 && !strings.Contains(l, "S-") {
			continue // every mark has one or the other
		}
		n += len(usMarkRe.FindAllStringIndex(l, -1))
		if n >= 3 {
			return true
		}
	}
	return false
}

// splitUSItems puts each item run on in l on a line of its own, its
// number ("*2." read as "2.") and title on one line and its text on the
// next: "*1. Approval of the minutes. Motion by Adams …" becomes
// "1. Approval of the minutes" and "Motion by Adams …".
func splitUSItems(l string) []string {
	cuts := []int{0}
	for _, m := range usMarkRe.FindAllStringSubmatchIndex(l, -1) {
		if m[2] > 0 {
			cuts = append(cuts, m[2])
		}
	}
	var out []string
	for i, c := range cuts {
		end := len(l)
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		part := strings.TrimSpace(l[c:end])
		if part == "" {
			continue
		}
		g := usItemRe.FindStringSubmatch(part)
		if g == nil {
			out = append(out, strings.TrimPrefix(part, "*"))
			continue
		}
		// Parts are cut from a paragraph only at "*N." and "S-N."; a line
		// that starts with a plain number ("3. Public Comment. None
		// stated.") is an item of the same agenda.
		title, text := g[3], g[4]
		// "4. Conflicts of interest: Councilmember Chen declared …": the
		// title ends at the colon.
		if i := strings.Index(title, ": "); i > 2 && i < 60 {
			title, text = title[:i], strings.TrimSpace(title[i+2:]+". "+text)
		}
		out = append(out, g[1]+g[2]+". "+title)
		if text != "" {
			out = append(out, text)
		}
	}
	return out
}

// stripCells drops the cell borders of a table flattened to text
// ("1. | Apologies for Absence: |").
func stripCells(l string) string {
	if l == "|" {
		return ""
	}
	if !strings.Contains(l, "|") {
		return l
	}
	l = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "| "), "|"))
	if i := strings.Index(l, " | "); i >= 0 && i < 12 {
		// "1. | text": the number's cell and the text's cell.
		l = l[:i] + " " + l[i+3:]
	}
	return l
}

// splitLongLine breaks a page of text before minute numbers followed by a
// heading in capitals, and before labels, and after such headings.
func splitLongLine(l string) []string {
	l = dropInlinePageEdges(l)
	var cuts []int
	for _, m := range inlineHeadRe.FindAllStringIndex(l, -1) {
		if n, err := strconv.Atoi(strings.TrimSpace(l[m[0]+1 : m[0]+5])); err == nil && n >= 1900 && n <= 2100 {
			continue // a year: "… MONDAY 7 JULY 2008 AND THE …"
		}
		cuts = append(cuts, m[0]+1)
	}
	for _, m := range gluedHeadRe.FindAllStringIndex(l, -1) {
		cuts = append(cuts, m[0]+1)
	}
	for _, m := range inlineLabelRe.FindAllStringIndex(l, -1) {
		cuts = append(cuts, m[0]+1)
	}
	if len(cuts) == 0 {
		return []string{l}
	}
	sort.Ints(cuts)
	var out []string
	prev := 0
	for _, c := range cuts {
		if c <= prev {
			continue
		}
		out = append(out, strings.TrimSpace(l[prev:c]))
		prev = c
	}
	out = append(out, strings.TrimSpace(l[prev:]))
	var split []string
	for _, part := range out {
		split = append(split, splitHeading(part)...)
	}
	return split
}

// outcomeWords are the words in capitals minutes record an outcome by.
var outcomeWords = map[string]bool{"RESOLVED": true, "RECOMMENDED": true, "AGREED": true, "NOTED": true, "DECISION": true}

// dropInlinePageEdges takes out of a page pasted on one line the foot of
// each page ("Page 2 Chairman ……… Date ………") and the running header
// after it: the words that follow every foot but the last alike
// ("Overview and Scrutiny Committee – 3 March 2026"). Left in, they ran
// on into the minute's words, a resolution's among them.
func dropInlinePageEdges(l string) string {
	locs := inlineFootRe.FindAllStringIndex(l, -1)
	if len(locs) == 0 {
		return l
	}
	var after [][]string
	for _, m := range locs {
		if w := strings.Fields(l[m[1]:]); len(w) > 0 {
			after = append(after, w[:min(len(w), 20)])
		}
	}
	header := 0 // the running header's words
	if len(after) >= 2 {
		for header < len(after[0]) {
			same := true
			for _, w := range after[1:] {
				same = same && header < len(w) && w[header] == after[0][header]
			}
			if !same {
				break
			}
			header++
		}
		if header < 3 {
			header = 0
		}
	}
	var b strings.Builder
	prev := 0
	for _, m := range locs {
		b.WriteString(l[prev:m[0]])
		prev = m[1]
		if header > 0 {
			prev = len(l) - len(skipWords(l[prev:], header))
		}
	}
	b.WriteString(l[prev:])
	return b.String()
}

// skipWords is s after its first n words.
func skipWords(s string, n int) string {
	for ; n > 0; n-- {
		s = strings.TrimLeft(s, " \t")
		if i := strings.IndexAny(s, " \t"); i >= 0 {
			s = s[i:]
		} else {
			return ""
		}
	}
	return s
}

// splitHeading puts a heading printed in capitals after a minute number
// on its own line: "1. APOLOGIES FOR ABSENCE Cllr T Marsh" becomes
// "1. APOLOGIES FOR ABSENCE" and "Cllr T Marsh". "Item No. 1. Election
// of Mayor: Proposed by …" is cut after the colon.
func splitHeading(part string) []string {
	if g := itemNoRe.FindStringSubmatch(part); g != nil {
		if i := strings.Index(g[2], ": "); i > 2 && i < 60 {
			return []string{"Item " + g[1] + ". " + g[2][:i], strings.TrimSpace(g[2][i+1:])}
		}
		return []string{part}
	}
	g := numberedRe.FindStringSubmatchIndex(part)
	if g == nil {
		return []string{part}
	}
	words := strings.Fields(part[g[4]:])
	n := 0
	for n < len(words) && upperWordRe.MatchString(words[n]) && hasLetter(words[n]) || n < len(words) && n > 0 && (words[n] == "-" || words[n] == "–") ||
		// "BUDGET MONITORING QUARTER 3 The Head of …": a number ends the
		// heading when a sentence starts after it ("APOLOGIES 3 members
		// …" is the text's).
		n > 0 && n+1 < len(words) && isDigits(words[n]) && startsUpper(words[n+1]) {
		n++
	}
	// "LEISURE CENTRE CONTRACT RECOMMENDED to Council that …": the word
	// in capitals that records the outcome starts the text, not the end
	// of the heading, or the recommendation was lost in the title.
	if n > 2 && n < len(words) && outcomeWords[strings.TrimRight(words[n-1], ":–-")] && !upperWordRe.MatchString(words[n]) {
		n--
	}
	if n < 2 || n == len(words) {
		return []string{part}
	}
	// A capitalised word that starts the text ("Cllr") is not part of the
	// heading; one-letter words are initials.
	for n > 2 && len(strings.Trim(words[n-1], ".,")) == 1 && !isDigits(words[n-1]) {
		n--
	}
	head := part[:g[4]] + strings.Join(words[:n], " ")
	return []string{head, strings.Join(words[n:], " ")}
}

// splitNumberedRuns finds minutes numbered without punctuation or a
// heading ("2105 The Chairman opened the meeting …"): a run of at least
// four lines whose numbers count up by one is taken for the minutes, and
// each number is put on its own line, so that the text becomes the
// minute's narrative. A numbered list of options inside a minute is
// shorter, so it stays text.
func splitNumberedRuns(lines []string, origin []int) ([]string, []int) {
	type cand struct {
		line, n int
		header  bool
	}
	var cands []cand
	for i, l := range lines {
		if l == "" || !isDigit(l[0]) {
			continue
		}
		g := numberedRe.FindStringSubmatch(l)
		if g == nil {
			continue
		}
		n, err := strconv.Atoi(g[1])
		if err != nil || n >= 1900 && n <= 2100 || !startsUpper(g[2]) {
			continue
		}
		if rest := l[len(g[1]):]; len(rest) > 1 && rest[0] == '.' && isDigit(rest[1]) {
			continue // a paragraph "6.4.1 To retain …" is not minute 6
		}
		_, header := parseMinuteHeader(l)
		cands = append(cands, cand{i, n, header})
	}
	// The longest chain of numbers counting up by one, each taken from a
	// later line than the one before: chain[i] extends the chain ending
	// at the latest line numbered cands[i].n-1, in one pass.
	prev := make([]int, len(cands))
	length := make([]int, len(cands))
	latest := map[int]int{} // number → index in cands of its latest line
	end := -1
	for i, c := range cands {
		prev[i], length[i] = -1, 1
		if j, ok := latest[c.n-1]; ok {
			prev[i], length[i] = j, length[j]+1
		}
		latest[c.n] = i
		if end < 0 || length[i] > length[end] {
			end = i
		}
	}
	var best []cand
	for i := end; i >= 0; i = prev[i] {
		best = append(best, cands[i])
	}
	if len(best) < 4 {
		return lines, origin
	}
	split := map[int]bool{}
	for _, c := range best {
		split[c.line] = !c.header
	}
	out := make([]string, 0, len(lines)+len(best))
	outOrigin := make([]int, 0, len(lines)+len(best))
	for i, l := range lines {
		if !split[i] {
			out = append(out, l)
			outOrigin = append(outOrigin, origin[i])
			continue
		}
		g := numberedRe.FindStringSubmatch(l)
		head := g[1] + "."
		if k := headingAbove(out); k >= 0 {
			// "APOLOGIES" over "1035 Apologies were …": the heading is
			// printed above the number.
			head += " " + out[k]
			out = append(out[:k], out[k+1:]...)
			outOrigin = append(outOrigin[:k], outOrigin[k+1:]...)
		}
		out = append(out, head, g[2])
		outOrigin = append(outOrigin, origin[i], origin[i])
	}
	return out, outOrigin
}

// headingAbove finds a heading in capitals printed over a minute's number
// as the last line of out, above at most two blank lines and below a blank
// line or a rule, and returns its index, or -1.
func headingAbove(out []string) int {
	k := len(out) - 1
	for blanks := 0; k >= 0 && out[k] == "" && blanks < 2; blanks++ {
		k--
	}
	if k < 0 || out[k] == "" || k > 0 && out[k-1] != "" {
		return -1
	}
	l := out[k]
	if len(l) > 100 || !isUpperLine(l) || !titleLike(l) || numberedRe.MatchString(l) || presentRe.MatchString(l) || attendLabelRe.FindString(l) != "" ||
		minutesTitleRe.MatchString(l) || labelRe.MatchString(l) || len(findDates(l)) > 0 {
		return -1
	}
	return k
}
