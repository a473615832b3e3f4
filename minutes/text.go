package minutes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanLines splits text into trimmed lines with whitespace collapsed, bullet
// glyphs and markdown emphasis removed. Lines that held only a bullet become
// blank, which is how the extractor shows bullets anyway.
func cleanLines(text string) []string {
	raw := actionMargin(minuteColumns(labelColumn(tableColumns(presenceTables(rawLines(text))))))
	out := make([]string, 0, len(raw))
	var b strings.Builder
	for _, l := range raw {
		out = append(out, cleanLine(l, &b))
	}
	return out
}

// rawLines splits text into its lines as printed, one for each line
// cleanLines returns.
func rawLines(text string) []string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "")
	}
	// A document made on a Mac, or a PDF's text, may spell "é" as "e"
	// and a combining accent: read as typed in Slack is (NFC), its names,
	// titles and resolutions compare with what members type, and its
	// columns line up as printed, where an accent takes no room.
	text = norm.NFC.String(text)
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n", "\v", "\n", "\u2028", "\n", "\u2029", "\n").Replace(text)
	// A control character a PDF's text leaves in a line takes no room
	// on the page: gone before the columns are read, a table's heading
	// is read as one ("| Action \x05| Owner |"), as cleanLine would
	// read its words.
	if strings.ContainsFunc(text, isStrayControl) {
		text = strings.Map(func(r rune) rune {
			if isStrayControl(r) {
				return -1
			}
			return r
		}, text)
	}
	return strings.Split(text, "\n")
}

// isStrayControl reports a control character other than the tab and the
// line break rawLines keeps, and U+0085, which cleanLine reads as a space.
func isStrayControl(r rune) bool {
	return r != '\t' && r != '\n' && r != '\u0085' && unicode.IsControl(r)
}

var (
	// memberTableHeadRe heads an attendance table of two columns, each
	// member and the body they represent, as panels of several councils
	// print it: "Name      Representing".
	memberTableHeadRe = compileLater(`(?i)^\s*(?:name|members?|councillors?|panel\s+members?)\s{2,}(?:representing|authority|local\s+authority|council|organi[sz]ation|body|nominating\s+(?:body|authority)|title|job\s+title|role|position|designation|category(?:\s+of\s+governor)?|(?:type\s+of\s+)?governor(?:\s+type|\s+category)?)\s*$`)
	tableRowRe        = compileLater(`^\s*(\S(?:.*?\S)?)\s{3,}(\S(?:.*\S)?)\s*$`)
	// attendHeadRe is an attendance label alone on its line, over a
	// table of names and posts.
	attendHeadRe  = compileLater(`(?i)^\s*(?:present|members\s+present|in\s+attendance|also\s+in\s+attendance|also\s+present|officers(?:\s+present|\s+in\s+attendance)?)\s*:?\s*$`)
	bracketTailRe = compileLater(`\s*\([^)]*\)$`)
)

// tableColumns rewrites the rows under an attendance table's heading,
// "Councillor Sian Carew      Fenmouth District Council", as the name
// with the body in brackets, before the gap between the columns is lost
// with the rest of the spacing. The heading itself becomes a blank line,
// so that line numbers stay as printed.
//
// Under an attendance label alone on its line, rows of a name and a post,
// "Helen Marsh      Director of Public Health", are read the same way;
// a row of two names is two people, left for twoColumns.
func tableColumns(raw []string) []string {
	for i := 0; i < len(raw); i++ {
		// The headings are tried only on a line that can be one: a
		// table's has two spaces or a tab between its columns, a label
		// alone starts with its letter.
		switch {
		case (strings.Contains(raw[i], "  ") || strings.IndexByte(raw[i], '\t') >= 0) && memberTableHeadRe.MatchString(raw[i]):
			raw[i] = ""
			for i++; i < len(raw) && strings.TrimSpace(raw[i]) != ""; i++ {
				raw[i] = tableRowRe.ReplaceAllString(raw[i], "$1 ($2)")
			}
		case strings.Contains(raw[i], "   ") && (strings.Contains(raw[i], "nterest") || strings.Contains(raw[i], "NTEREST")) && declTableHeadRe.MatchString(raw[i]):
			i = declarationRows(raw, i)
		case mayBeAttendHead(raw[i]) && (attendHeadRe.MatchString(raw[i]) || apologiesHeadRe.MatchString(raw[i])):
			for i++; i < len(raw); i++ {
				if strings.TrimSpace(raw[i]) == "" {
					// A board's table goes on past a blank line to the
					// next group: "Voting Members", "Non-Voting Members".
					if j := nextText(raw, i); j < 0 || !memberGroupRe.MatchString(strings.TrimSpace(raw[j])) && memberRow(raw[j]) == "" {
						break
					}
					continue
				}
				if memberGroupRe.MatchString(strings.TrimSpace(raw[i])) || memberTableHeadRe.MatchString(raw[i]) {
					raw[i] = ""
					continue
				}
				if row := memberRow(raw[i]); row != "" {
					raw[i] = row
				}
			}
		}
	}
	return raw
}

var (
	// declTableHeadRe heads declarations of interest printed as a table
	// of who, which minute and what: "Councillor   Minute Number
	// Nature of Interest".
	declTableHeadRe = compileLater(`(?i)^\s*(councillor|member|name)\s{2,}(?:minute|item|agenda\s+item)(?:\s+(?:number|no\.?))?\s{2,}(?:nature|type|details)\s+of\s+(?:the\s+)?interest\s*$`)
	// declRowRe is a row of that table: "D.M. Cundy      5      Her
	// daughter is a tenant of the Council."
	// A row may name more than one item: "5 and 6", "5, 6", "5 & 6".
	declRowRe = compileLater(`^\s*(\S(?:.*?\S)?)\s{3,}(\S{1,12}(?:(?:,\s?|\s(?:and|&)\s)\S{1,12})*)\s{3,}(\S.*?)\s*$`)
)

// declarationRows rewrites the rows of a table of declarations, whose
// heading is raw[head], as the sentences other minutes print ("Councillor
// D.M. Cundy declared a personal interest in item 5: Her daughter …"), before
// the gaps between the columns are lost; a line of the last column alone
// goes on with the row above. It returns the table's last line.
func declarationRows(raw []string, head int) int {
	title := ""
	if g := declTableHeadRe.FindStringSubmatch(raw[head]); strings.EqualFold(g[1], "councillor") {
		title = "Councillor " // the column's heading is each name's title
	}
	// "DECLARATIONS OF PERSONAL INTERESTS" over the table: the kind of
	// every interest in it.
	interest := "an interest"
	for k := head - 1; k >= 0 && k >= head-3; k-- {
		if indexFold(raw[k], 0, "personal interest") >= 0 {
			interest = "a personal interest"
		}
	}
	raw[head] = ""
	row := -1
	i := head + 1
	for ; i < len(raw) && strings.TrimSpace(raw[i]) != ""; i++ {
		if g := declRowRe.FindStringSubmatch(raw[i]); g != nil {
			name := strings.Join(strings.Fields(g[1]), " ")
			// A name printed with its own title keeps it; the rows after
			// it still take the column's.
			named := title
			if honorificRe.MatchString(name) {
				named = ""
			}
			item := " in item "
			if strings.ContainsAny(g[2], " ,") {
				item = " in items "
			}
			raw[i] = named + name + " declared " + interest + item + g[2] + ": " + strings.Join(strings.Fields(g[3]), " ")
			row = i
			continue
		}
		if row < 0 || !strings.HasPrefix(raw[i], "   ") {
			break
		}
		raw[row] += " " + strings.Join(strings.Fields(raw[i]), " ")
		raw[i] = ""
	}
	return i - 1
}

var (
	// labelColRe is a line of a label column, as a Northern Irish
	// council prints its attendance: the label, a gap, the names.
	labelColRe = compileLater(`^(\S(?:.*?\S)?)\s{3,}(\S.*)$`)
	// attendLabelColRe are the labels such a column holds, the label
	// sometimes broken over two lines ("Officers in" over "Attendance").
	attendLabelColRe = compileLater(`(?i)^(?:members\s+present|present|(?:officers|others)\s+in\s+attendance|in\s+attendance|also\s+(?:present|in\s+attendance)|apologies)$`)
)

// mayBeAttendHead reports whether l, without its indent, starts as
// attendHeadRe or apologiesHeadRe needs: with "p", "m", "i", "a" or "o"
// in either case, none of which folds to a letter past ASCII.
func mayBeAttendHead(l string) bool {
	l = strings.TrimLeft(l, " \t")
	if l == "" {
		return false
	}
	switch l[0] | 0x20 {
	case 'p', 'm', 'i', 'a', 'o':
		return true
	}
	return false
}

// hasGap reports whether l has three spaces or tabs in a row: a line
// without them is one run of text (see chunks), and no column pattern
// (labelColRe, tableRowRe) matches it, since rawLines leaves no other
// whitespace byte in a line.
func hasGap(l string) bool {
	n := 0
	for i := 0; i < len(l); i++ {
		if l[i] != ' ' && l[i] != '\t' {
			n = 0
			continue
		}
		if n++; n == 3 {
			return true
		}
	}
	return false
}

// labelColumn rewrites an attendance printed with its labels in a column
// of their own, before the gap between the columns is lost:
//
//	Members Present              Councillor Mallon, Chair
//	Officers in                  Mr Toner, Chief Executive
//	Attendance                   Ms Conlon, Strategic Director
//
// becomes "Members Present: Councillor Mallon, Chair", "Officers in
// Attendance: Mr Toner, Chief Executive" and "Ms Conlon, Strategic
// Director", as other councils print it.
func labelColumn(raw []string) []string {
	for i := 0; i < len(raw); i++ {
		if !hasGap(raw[i]) {
			continue
		}
		g := labelColRe.FindStringSubmatch(raw[i])
		if g == nil {
			continue
		}
		label := strings.Join(strings.Fields(g[1]), " ")
		if attendLabelColRe.MatchString(label) {
			raw[i] = label + ": " + g[2]
			continue
		}
		// The label's second half on the next line, alone or beside
		// the next name.
		if i+1 >= len(raw) {
			continue
		}
		next := strings.TrimSpace(raw[i+1])
		rest := ""
		if hasGap(raw[i+1]) {
			if h := labelColRe.FindStringSubmatch(raw[i+1]); h != nil {
				next, rest = strings.TrimSpace(h[1]), h[2]
			}
		}
		if strings.HasPrefix(raw[i+1], " ") || !attendLabelColRe.MatchString(label+" "+next) {
			continue
		}
		raw[i] = label + " " + next + ": " + g[2]
		raw[i+1] = rest
		i++
	}
	return raw
}

// chunk is a run of text on a line, between gaps of three spaces or
// more, with the column (in characters) it starts at.
type chunk struct {
	col  int
	text string
}

// chunks splits a line as printed into its runs of text.
func chunks(l string) []chunk {
	r := []rune(l)
	var out []chunk
	for i := 0; i < len(r); {
		if r[i] == ' ' || r[i] == '\t' {
			i++
			continue
		}
		start, gap := i, 0
		j := i
		for ; j < len(r); j++ {
			if r[j] == ' ' || r[j] == '\t' {
				gap++
				if gap >= 3 {
					break
				}
				continue
			}
			gap = 0
		}
		out = append(out, chunk{start, strings.TrimSpace(string(r[start:j]))})
		i = j
	}
	return out
}

var (
	// columnNumRe is a minute's number in the first column of a table
	// of minutes.
	columnNumRe = compileLater(`^(?:\d{1,4}/\d{2,4}|[A-Z]{1,4}\d{0,4}/\d{2,4}|\d{1,3}\.?)$`)
	// columnHeadRe is that table's heading: "Minute   Subject
	// Resolution", with "No." under "Minute".
	columnHeadRe = compileLater(`(?i)^(?:minute|min\.?|item)(?:\s+no\.?)?$|^no\.?$`)
)

// minuteColumns rewrites minutes printed as a table of three columns, as
// a county council prints them: the minute's number, its subject (over
// as many lines as it needs) and the discussion and resolution beside
// them:
//
//	48/24      Highways Capital                The Committee considered the report
//	           Programme 2025/26               of the Director (HT/24/19) setting out
//
// becomes "48/24 Highways Capital Programme 2025/26" with the text on the
// lines below, as other minutes print them, before the gaps between the
// columns are lost. It keeps the number of lines. Two rows or more must
// put their text at one column, or the lines are left as they are.
func minuteColumns(raw []string) []string {
	type row struct{ line, title, text int }
	var rows []row
	cols := map[int]int{}
	for i, l := range raw {
		if !hasGap(l) {
			continue // one run of text
		}
		c := chunks(l)
		if len(c) < 2 || !columnNumRe.MatchString(c[0].text) || !startsUpper(c[1].text) {
			continue
		}
		r := row{line: i, title: c[1].col, text: -1}
		if len(c) >= 3 {
			r.text = c[2].col
			cols[c[2].col]++
		}
		rows = append(rows, r)
	}
	textCol, most := -1, 0
	for c, n := range cols {
		if n > most || n == most && c < textCol {
			textCol, most = c, n
		}
	}
	if most < 2 {
		return raw
	}
	near := func(a, b int) bool { return a-b <= 1 && b-a <= 1 }
	// The third column runs on below its rows: an agenda's "Pages 3 -
	// 8" beside each item does not.
	below := 0
	for i := rows[0].line; i < len(raw); i++ {
		if c := chunks(raw[i]); len(c) > 0 && near(c[0].col, textCol) {
			below++
		}
	}
	if below < 2 {
		return raw
	}
	var titled []int // lines of rows whose subject is being read
	var title []string
	carry := ""
	flush := func() {
		if len(titled) > 0 {
			raw[titled[0]] = strings.Join(title, " ")
		}
		titled, title = nil, nil
	}
	first := rows[0].line
	for j := max(0, first-3); j < first; j++ {
		if c := chunks(raw[j]); len(c) > 0 && columnHeadRe.MatchString(c[0].text) {
			raw[j] = ""
		}
	}
	titleCol := rows[0].title
	for i := first; i < len(raw); i++ {
		c := chunks(raw[i])
		if len(c) == 0 {
			if carry != "" {
				raw[i], carry = carry, ""
			}
			continue
		}
		text := ""
		switch {
		case len(c) >= 2 && columnNumRe.MatchString(c[0].text) && near(c[1].col, titleCol):
			flush()
			titled, title = []int{i}, []string{c[0].text, c[1].text}
			if len(c) >= 3 && near(c[2].col, textCol) {
				text = joinChunks(c[2:])
			}
			raw[i] = ""
		case near(c[0].col, titleCol) && len(titled) > 0:
			title = append(title, c[0].text)
			if len(c) >= 2 && near(c[1].col, textCol) {
				text = joinChunks(c[1:])
			}
			raw[i] = ""
		case c[0].col >= textCol-1:
			text = joinChunks(c)
			raw[i] = ""
		case c[0].col < titleCol-1:
			// "The meeting ended at 12.20 pm.": the table is over.
			flush()
			if carry != "" {
				raw[i] = carry + " " + strings.TrimSpace(raw[i])
			}
			return raw
		default:
			continue // "Page 14", centred between the columns
		}
		switch {
		case carry != "" && text != "":
			raw[i], carry = carry+" "+text, ""
		case carry != "":
			raw[i], carry = carry, ""
		case i == titled[0]:
			carry = text // the row's own line holds its subject
		default:
			raw[i] = text
		}
	}
	flush()
	return raw
}

// actionMarginRe is who acts, as a board's minutes print them in the
// margin: "COO", "DoF", "Chief Nurse", "HA/GL".
var actionMarginRe = compileLater(`^\p{Lu}[\p{L}&/.,' -]{0,24}$`)

// actionMarginAt is the column of the "Action" heading over the right
// margin of minutes printed beside a column of who acts ("Minute   Item
// Action"), and its line; -1 when there is none.
func actionMarginAt(raw []string) (col, line int) {
	for i, l := range raw {
		if !hasGap(l) {
			continue // one run of text
		}
		c := chunks(l)
		if len(c) < 2 || len(c) > 4 || c[len(c)-1].col < 40 {
			continue
		}
		last, first := strings.ToLower(c[len(c)-1].text), strings.ToLower(strings.TrimRight(c[0].text, ".:"))
		if (last == "action" || last == "actions" || last == "action by") && (first == "minute" || first == "min" || first == "item" || first == "no" || first == "ref") {
			return c[len(c)-1].col, i
		}
	}
	return -1, -1
}

// marginOwner is who acts printed in the action margin of line l (the
// margin at column col), and the line without it; ok is false when the
// line prints nothing there.
func marginOwner(l string, col int) (owner, rest string, ok bool) {
	if !hasGap(l) {
		return "", l, false
	}
	c := chunks(l)
	if len(c) < 2 {
		return "", l, false
	}
	last := c[len(c)-1]
	if last.col < col-2 || !actionMarginRe.MatchString(last.text) {
		return "", l, false
	}
	return last.text, strings.TrimRight(string([]rune(l)[:last.col]), " \t"), true
}

// actionMargin takes out of minutes printed beside a column of who acts
// that column and its heading, which are not the minutes' words; the
// actions are read from the lines as printed (see readActions).
func actionMargin(raw []string) []string {
	col, head := actionMarginAt(raw)
	if col < 0 {
		return raw
	}
	raw[head] = ""
	for i := head + 1; i < len(raw); i++ {
		if _, rest, ok := marginOwner(raw[i], col); ok {
			raw[i] = rest
		}
	}
	return raw
}

// joinChunks is the text of runs on one line, in one column.
func joinChunks(c []chunk) string {
	parts := make([]string, len(c))
	for i, x := range c {
		parts[i] = x.text
	}
	return strings.Join(parts, " ")
}

var (
	apologiesHeadRe = compileLater(`(?i)^\s*apologies(?:\s+for\s+absence)?\s*:?\s*$`)
	// memberGroupRe heads a group of a board's members in its table.
	memberGroupRe = compileLater(`(?i)^(?:(?:non[- ])?voting\s+members|(?:board|partnership|committee)\s+members|members|officers|advisers|advisors)\s*:?$`)
)

// nextText is the index of the first line after i with text, or -1.
func nextText(raw []string, i int) int {
	for j := i + 1; j < len(raw); j++ {
		if strings.TrimSpace(raw[j]) != "" {
			return j
		}
	}
	return -1
}

// memberRow reads a row of an attendance table, "Dr Alasdair Munro
// NHS Strathglen", as the name with the post or body in brackets after
// it; "" when the row is not a name and a post.
func memberRow(l string) string {
	g := tableRowRe.FindStringSubmatch(l)
	if g == nil {
		return ""
	}
	name, mark := splitBracket(strings.Join(strings.Fields(g[1]), " "))
	// "Trust Secretary (minutes)", "School Business Manager (for item
	// 6)": the post, and a note on it.
	post, note := splitBracket(strings.Join(strings.Fields(g[2]), " "))
	if !nameLike(name) || nameLike(post) || personTitleRe.MatchString(post) || strings.ContainsAny(name+post, "()") {
		return ""
	}
	if mark != "" {
		name += " (" + mark + ")" // "Dr Raj Bhandari (Vice-Chair)"
	}
	if note != "" {
		post += ", " + note
	}
	return name + " (" + post + ")"
}

func cleanLine(l string, b *strings.Builder) string {
	b.Reset()
	space := false
	start := true
	for _, r := range l {
		switch {
		case r == '\uFFFD' || r == 0:
			continue
		case unicode.IsSpace(r) || r == '\u200B' || r == '\u00A0':
			space = !start
			continue
		case isBulletRune(r):
			if start {
				continue
			}
			space = true
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Co, r) || r == '\uFEFF':
			continue
		case r == '\u2010' || r == '\u2011':
			// A word processor's hyphen or non-breaking hyphen
			// ("co‑ordinated"): the search reads only "-" as one,
			// and a line ending in it is a word going on.
			r = '-'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		start = false
		b.WriteRune(r)
	}
	s := b.String()
	if strings.Contains(s, softHyphen) {
		// Kept only at the end of the line, where it says the word goes
		// on in the next (see glue).
		trailing := strings.HasSuffix(s, softHyphen)
		s = strings.ReplaceAll(s, softHyphen, "")
		if trailing && s != "" {
			s += softHyphen
		}
	}
	if len(s) >= 3 && strings.Trim(s, "_-=*~") == "" {
		return "" // a rule drawn across the page between minutes
	}
	if strings.Contains(s, "**") {
		s = strings.TrimSpace(strings.ReplaceAll(s, "**", ""))
	}
	if strings.HasPrefix(s, "__") && strings.Contains(s[2:], "__") {
		s = strings.TrimSpace(strings.ReplaceAll(s, "__", ""))
	}
	if strings.HasPrefix(s, "#") {
		s = strings.TrimSpace(strings.TrimLeft(s, "#"))
	}
	return s
}

func isBulletRune(r rune) bool {
	switch r {
	case '•', '▪', '●', '◦', '➢', '➤', '■', '□', '▫', '‣', '⁃', '∙', '○', '◆', '♦', '✓', '✔', '►', '▶', '·':
		return true
	}
	return false
}

var (
	pageFooterRe = compileLater(`(?i)^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}\s*\|\s*page|page\s*\|\s*\d{1,4})$`)
	trailPageRe  = compileLater(`(?i)\bpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?$`)
	// numberedFooterRe is a short footer with the page's number before
	// or after it: "1 – Council (21.11.24)", "Cabinet 5.3.24 | 2".
	numberedFooterRe = compileLater(`^(?:\d{1,4}\s*[–—|-]\s*(\S.{0,60}?)|(\S.{0,60}?)\s*[–—|-]\s*\d{1,4})$`)
	pageOfRe         = compileLater(`(?i)\bpage\s+\d{1,4}\s+of\s+\d{1,4}$`)
	labelRe          = compileLater(`(?i)^agenda\s+item\s+(\d{1,3}(?:\.\d{1,2})?[a-z]?)\.?$`)
	weekdayRe        = compileLater(`(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`)
	monthWordRe      = compileLater(`(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b`)
)

// initialsRe is the box at the foot of each page where the chair initials
// the signed copy: "Chairman’s Initials ……………".
var initialsRe = compileLater(`(?i)^(?:chair(?:man|person|woman)?['’]?s?\s+)?(?:initials|signature)\s*:?[\s._…]*$`)

var signBoxTailRe = compileLater(`(?i)\s+(?:chair(?:man|person|woman)?(?:['’]s)?|initials|signed)\s*:?\s*[._…]{3,}$`)

// isPageNoise reports lines that are page furniture wherever they appear.
func isPageNoise(l string) bool {
	if initialsRe.MatchString(l) {
		return true
	}
	if len(l) > 120 || !strings.ContainsAny(l, "0123456789") {
		return false
	}
	// "Page 1 of 2   Chairman ……": the footer beside the chair's
	// initials box.
	l = signBoxTailRe.ReplaceAllString(l, "")
	if pageFooterRe.MatchString(l) || len(l) < 120 && pageOfRe.MatchString(l) {
		return true
	}
	if len(l) < 120 && trailPageRe.MatchString(l) && (weekdayRe.MatchString(l) || monthWordRe.MatchString(l) || strings.Contains(strings.ToLower(l), "minutes")) {
		return true
	}
	return false
}

// runningHeaders finds lines repeated at page tops: they recur, are short
// and carry a weekday, month or the committee name. Resolution wording and
// list markers recur too, so repetition alone is not enough. A line that
// holds nothing but the committee's name and the meeting's date
// ("Licensing Committee – 5th April 2022") is a page's header even when
// the text shows only one page break.
func runningHeaders(lines []string, committee, date string) map[string]bool {
	counts := map[string]int{}
	for _, l := range lines {
		if l != "" && len(l) < 120 {
			counts[l]++
		}
	}
	committee = strings.ToUpper(committee)
	hdr := map[string]bool{}
	for l, n := range counts {
		if n < 2 {
			hdr[l] = committeeAndDate(l, committee, date)
			continue
		}
		lower := strings.ToLower(l)
		if strings.HasPrefix(lower, "resolved") || strings.HasPrefix(lower, "that ") || strings.HasSuffix(l, ".") && !strings.Contains(lower, "minutes") {
			continue
		}
		if weekdayRe.MatchString(l) || monthWordRe.MatchString(l) || (len(committee) > 3 && strings.Contains(strings.ToUpper(l), committee)) {
			hdr[l] = true
		}
	}
	// "1 – Council (21.11.24)" and "2 – Council (21.11.24)": a footer
	// that numbers its page, so that no two are alike, and names the
	// meeting's day.
	numbered := map[string]int{}
	footers := map[string]string{} // line → what it prints beside the number
	for l, n := range counts {
		if !isDigit(l[0]) && !isDigit(l[len(l)-1]) {
			continue // the number starts or ends a footer
		}
		if g := numberedFooterRe.FindStringSubmatch(l); g != nil {
			numbered[g[1]+g[2]] += n
			footers[l] = g[1] + g[2]
		}
	}
	for l, text := range footers {
		if numbered[text] < 2 || date == "" {
			continue
		}
		for _, d := range findDates(text) {
			if d.value == date {
				hdr[l] = true
			}
		}
	}
	return hdr
}

// committeeAndDate reports a line that holds the committee's name (given in
// capitals) and the date, and nothing else but punctuation and "Page n".
func committeeAndDate(l, committee, date string) bool {
	if len(committee) <= 3 || date == "" {
		return false
	}
	i := strings.Index(strings.ToUpper(l), committee)
	if i < 0 || len(strings.ToUpper(l)) != len(l) {
		return false
	}
	rest := l[:i] + " " + l[i+len(committee):]
	dates := findDates(rest)
	if len(dates) != 1 || dates[0].value != date {
		return false
	}
	rest = rest[:dates[0].start] + rest[dates[0].end:]
	rest = weekdayRe.ReplaceAllString(trailPageRe.ReplaceAllString(strings.TrimSpace(rest), ""), "")
	return !hasLetter(rest) && !strings.ContainsAny(rest, "0123456789")
}

// hasLetter reports whether s has at least one letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isUpperLine reports text printed in capitals: at least two letters and
// none lower case.
func isUpperLine(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// softHyphen is where a word may be broken at the end of a line; text
// exported from a word processor keeps it.
const softHyphen = "\u00ad"

// keepHyphen lists word beginnings that are normally written with a hyphen,
// so "re-\nnamed" stays "re-named" while "reoff-\nending" becomes
// "reoffending".
var keepHyphen = map[string]bool{
	"re": true, "pre": true, "co": true, "non": true, "anti": true, "self": true, "multi": true,
	"cross": true, "post": true, "well": true, "sub": true, "inter": true, "semi": true, "ex": true,
	"pan": true, "mid": true, "over": true, "under": true, "long": true, "short": true, "full": true,
	"part": true, "high": true, "low": true, "cost": true, "far": true, "one": true, "two": true,
	"three": true, "four": true, "five": true, "six": true, "year": true, "day": true, "face": true,
	"follow": true, "e": true, "x": true, "in": true, "on": true, "off": true, "up": true, "out": true,
	"front": true, "joint": true, "end": true, "age": true, "old": true, "tri": true, "bi": true,
	"vice": true, "step": true, "half": true, "all": true, "top": true, "life": true, "place": true,
}

// glue decides how physical line b continues the text ending in a: how
// many bytes of a to drop (a hyphen that only split a word) and what to put
// between them. Only the end of a is looked at, so callers may pass a tail.
func glue(a, b string) (drop int, sep string) {
	if a == "" || b == "" {
		return 0, ""
	}
	if strings.HasSuffix(a, softHyphen) {
		return len(softHyphen), "" // a word broken where it allowed
	}
	if strings.HasSuffix(a, "-") && !strings.HasSuffix(a, " -") && len(a) >= 2 {
		before, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
		if unicode.IsLetter(before) {
			if startsLower(b) {
				frag := a[:len(a)-1]
				if i := strings.LastIndexAny(frag, " -/("); i >= 0 {
					frag = frag[i+1:]
				}
				if keepHyphen[strings.ToLower(frag)] {
					return 0, ""
				}
				return 1, ""
			}
			return 0, ""
		}
	}
	return 0, " "
}

// joinPair joins two physical lines of one logical line, repairing
// hyphenation at the break where that is safe.
func joinPair(a, b string) string {
	drop, sep := glue(a, b)
	return a[:len(a)-drop] + sep + b
}

// joiner builds long text line by line in linear time.
type joiner struct{ buf []byte }

func (j *joiner) tail() string { return string(j.buf[max(0, len(j.buf)-64):]) }

// join appends l as a continuation of the same line.
func (j *joiner) join(l string) {
	drop, sep := glue(j.tail(), l)
	j.buf = append(append(j.buf[:len(j.buf)-drop], sep...), l...)
}

// add appends l after sep (sep is left out at the start).
func (j *joiner) add(sep, l string) {
	if len(j.buf) > 0 {
		j.buf = append(j.buf, sep...)
	}
	j.buf = append(j.buf, l...)
}

func (j *joiner) empty() bool    { return len(j.buf) == 0 }
func (j *joiner) String() string { return string(j.buf) }

func joinAll(lines []string) string {
	var j joiner
	for _, l := range lines {
		j.join(l)
	}
	return j.String()
}

var glueColonRe = compileLater(`([a-z0-9)]):([A-Z])`)

// fixGlue separates words the extractor ran together across a colon,
// "2022/2023:Thursday".
func fixGlue(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	return glueColonRe.ReplaceAllString(s, "$1: $2")
}

// paragraphs turns physical lines into text: blank lines separate
// paragraphs ("\n\n"), lines inside a paragraph are joined with spaces, and
// short list-like lines keep their own line ("\n"). gapBefore[i] is the
// number of blank lines before paragraph i, which is how bullet lists show up
// after extraction.
func paragraphs(lines []string) string {
	var paras [][]string
	var gaps []int
	var cur []string
	gap := 0
	for _, l := range lines {
		if l == "" {
			if len(cur) > 0 {
				paras = append(paras, cur)
				gaps = append(gaps, gap)
				cur = nil
				gap = 0
			}
			gap++
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
		gaps = append(gaps, gap)
	}
	var out []string
	pendingMarker := ""
	for i, p := range paras {
		trailingMarker := ""
		if len(p) > 1 && isListMarker(p[len(p)-1]) {
			trailingMarker = p[len(p)-1]
			p = p[:len(p)-1]
		}
		text := joinParagraph(p, gaps[i])
		if isListMarker(text) {
			if pendingMarker != "" {
				out = append(out, pendingMarker)
			}
			pendingMarker = text
			continue
		}
		if pendingMarker != "" {
			text = pendingMarker + " " + text
			pendingMarker = ""
		}
		out = append(out, fixGlue(text))
		pendingMarker = trailingMarker
	}
	if pendingMarker != "" {
		out = append(out, pendingMarker)
	}
	return strings.Join(out, "\n\n")
}

var listMarkerRe = compileLater(`^(?:[A-Z]|[a-z]|\d{1,2}|[ivx]{1,4})[.)]$|^\((?:[A-Za-z]|\d{1,2}|[ivx]{1,4})\)$`)

func isListMarker(s string) bool { return len(s) <= 8 && listMarkerRe.MatchString(s) }

func joinParagraph(p []string, gap int) string {
	if len(p) == 1 {
		return p[0]
	}
	bullets := gap - 1
	if bullets >= 2 && bullets == len(p) {
		return strings.Join(p, "\n")
	}
	list := bullets >= 2 || numberedLines(p)
	if !list && len(p) >= 3 {
		list = true
		for _, l := range p {
			if utf8.RuneCountInString(l) > 60 || !startsUpper(l) {
				list = false
				break
			}
		}
	}
	if !list {
		return joinAll(p)
	}
	var j joiner
	j.add("", p[0])
	for _, l := range p[1:] {
		prevEnd := lastRune(j.tail())
		if startsUpper(l) || prevEnd == ';' || prevEnd == '.' || prevEnd == ':' {
			j.add("\n", l)
		} else {
			j.join(l)
		}
	}
	return j.String()
}

// numberedLineRe starts a line of a numbered list: "1. ", "2) ".
var numberedLineRe = compileLater(`^(\d{1,2})[.)]\s`)

// numberedLines reports lines that each start an entry of a list numbered
// from 1 up by one ("1. 23/00102 – Street Lighting", "2. 23/00109 – …"):
// each keeps its line.
func numberedLines(p []string) bool {
	for i, l := range p {
		g := numberedLineRe.FindStringSubmatch(l)
		if g == nil || atoi(g[1]) != i+1 {
			return false
		}
	}
	return true
}

// titleCase is used for venues printed in capitals.
func titleCase(s string) string {
	small := map[string]bool{"a": true, "an": true, "the": true, "and": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "or": true, "by": true, "as": true, "via": true}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && small[w] {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// splitOutside splits s at commas, semicolons, ampersands and the word
// "and", ignoring separators inside brackets, which hold organisations and
// roles.
func splitOutside(s string) []string {
	var parts []string
	depth := 0
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';', '&':
			if depth == 0 {
				parts = append(parts, s[last:i])
				last = i + 1
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				parts = append(parts, s[last:i])
				last = i + 5
				i += 4
			}
		}
	}
	parts = append(parts, s[last:])
	out := parts[:0]
	for _, p := range parts {
		p = strings.TrimSpace(p)
		p = strings.TrimSpace(strings.TrimPrefix(p, "and "))
		p = strings.TrimRight(p, ". ")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// "Cynghorydd" (councillor), "Cynghorwyr" (councillors) and "Cyng." are
// the Welsh titles, printed as the English ones are.
var honorificRe = compileLater(`^(?:Councillors?|Cllrs?\.?|Cynghorydd|Cynghorwyr|Cyng\.?|Mr|Mrs|Ms|Miss|Dr|Prof(?:essor)?|Rev(?:erend)?|Superintendent|Chief|Inspector|Sergeant|Sgt|PC|DCI|DI|Father|Sister|Sir|Dame|Lord|Lady|Alderman)\b`)

var areaCouncillorsRe = compileLater(`^(County|District|Borough|Town|Parish|City)\s+Councillors\s+`)

// pluralTitled reports a list of names under one title, which
// expandCouncillors gives to each: "Councillors Brown, Lee and Jones",
// "Cllrs Brown, Lee", "Cynghorwyr Huws a Lloyd", "County Councillors P
// Ahmed, S Beaumont". What follows its first comma is more names, not the
// first one's post.
func pluralTitled(s string) bool {
	return strings.HasPrefix(s, "Councillors ") || strings.HasPrefix(s, "Cllrs") ||
		strings.HasPrefix(s, "Cynghorwyr ") || areaCouncillorsRe.MatchString(s)
}

// expandCouncillors turns "Councillors Smith, Jones and Brown" into one
// "Councillor …" entry per name: that is how people are looked up later.
// src is the text the names were split from, where a semicolon before a
// name ends the list the title is carried over ("Councillors D Marsh and
// H Rossi; Mr T Webb").
func expandCouncillors(src string, names []string) []string {
	prefix := ""
	out := make([]string, 0, len(names))
	pos := 0
	for _, n := range names {
		newList := false
		if i := strings.Index(src[pos:], strings.TrimSpace(n)); i >= 0 {
			newList = strings.Contains(src[pos:pos+i], ";")
			pos += i + len(strings.TrimSpace(n))
		}
		switch {
		case strings.HasPrefix(n, "Councillors "):
			prefix = "Councillor "
			n = prefix + strings.TrimPrefix(n, "Councillors ")
		case areaCouncillorsRe.MatchString(n):
			// "County Councillors P Ahmed, S Beaumont": each a County
			// Councillor.
			g := areaCouncillorsRe.FindStringSubmatch(n)
			prefix = g[1] + " Councillor "
			n = prefix + n[len(g[0]):]
		case strings.HasPrefix(n, "Cynghorwyr "):
			prefix = "Cynghorydd "
			n = prefix + strings.TrimPrefix(n, "Cynghorwyr ")
		case strings.HasPrefix(n, "Y Cynghorydd "), strings.HasPrefix(n, "y Cynghorydd "):
			// "Y Cynghorydd G. Huws": Welsh puts the article before the
			// title, where English has none.
			prefix = ""
			n = n[2:]
		case strings.HasPrefix(n, "Cllrs "), strings.HasPrefix(n, "Cllrs. "):
			prefix = "Cllr "
			n = prefix + strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(n, "Cllrs."), "Cllrs"))
		case prefix != "" && titleRe.MatchString(n) && !newList && !notCouncillor(n):
			// "Councillors Mrs A Smith, Dr K Patel and B Jones": a
			// personal title under the list's is each a councillor's,
			// and so are the names after it.
			n = prefix + n
		case honorificRe.MatchString(n):
			prefix = ""
		case prefix != "" && startsUpper(n):
			n = prefix + n
		}
		// "Cynghorwyr Huws a Lloyd": Welsh joins the last two names
		// with "a" (or "ac"), as English with "and".
		if prefix == "Cynghorydd " {
			for _, and := range []string{" a ", " ac "} {
				if a, b, ok := strings.Cut(n, and); ok && startsUpper(b) {
					out = append(out, a)
					n = prefix + b
					break
				}
			}
		}
		out = append(out, n)
	}
	return out
}

// notCouncillor reports whether n prints in brackets a post or a seat
// that is no councillor's, "Mr P Lee (Clerk)", "Mr T Webb (Independent
// Member)", though it follows a list of them.
func notCouncillor(n string) bool {
	_, b := splitBracket(n)
	return b != "" && !chairMarkRe.MatchString(b) && (postRe.MatchString(b) || notCouncillorSeatRe.MatchString(b))
}

var notCouncillorSeatRe = compileLater(`(?i)\b(?:member|independent|co-?opted|representative|governor|observer|advis[eo]r|parent)\b`)

var referenceRe = compileLater(`(?i)\bMinutes?\s+(?:Nos?\.?\s*)?\d{1,4}(?:/\d{2,4})?(?:\s*(?:,|and|&|to)\s*\d{1,4}(?:/\d{2,4})?)*(?:\s+of\s+the\s+(?:[A-Za-z'’ ]{0,60}?\s)?(?:meeting|committee|board|council|cabinet|partnership)[A-Za-z'’ ]{0,60}?\s+held\s+on\s+(?:[A-Za-z]+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}))?(?:\s+refers?)?`)

// findReferences runs referenceRe only near the word "minute": the
// expression is large, and narratives can be long.
func findReferences(t string) []string {
	var out []string
	from := 0
	for {
		i := indexFold(t, from, "minute")
		if i < 0 {
			return out
		}
		end := min(len(t), i+400)
		if i > 0 && isWordByte(t[i-1]) {
			from = i + len("minute")
			continue
		}
		if m := referenceRe.FindStringIndex(t[i:end]); m != nil && m[0] == 0 {
			out = append(out, t[i:i+m[1]])
			from = i + m[1]
		} else {
			from = i + len("minute")
		}
	}
}

// indexFold finds ASCII word w in s at or after from, ignoring case,
// without changing byte offsets as strings.ToLower might.
func indexFold(s string, from int, w string) int {
	for i := from; i+len(w) <= len(s); i++ {
		if (s[i]|0x20) == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// references returns the cross references printed in s, as printed.
func references(texts ...string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range texts {
		for _, m := range findReferences(t) {
			m = strings.Join(strings.Fields(m), " ")
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}
