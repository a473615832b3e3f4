package minutes

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	// presenceHeadRe heads the names column of an attendance printed as a
	// table of who was there: "Member   Present   Apologies".
	presenceHeadRe = compileLater(`(?i)^(?:names?|members?|councillors?|committee\s+members?|attendees?|membership)$`)
	// presenceColRe is the heading of a column that marks each member:
	// one for each outcome ("Present", "Apologies", "Absent"), ticked or
	// "Yes", or one column whose cells say it ("Attendance": "P", "A",
	// "Present", "Apologies").
	presenceColRe = compileLater(`(?i)^(?:(present|attended|in\s+attendance)|(apologies(?:\s+(?:received|given|sent))?|apols?\.?|sent\s+apologies)|(absent|not\s+present|did\s+not\s+attend)|(attendance|status))$`)
	// presenceMarkRe is a cell that marks its column: a tick, a cross or
	// "Yes".
	presenceMarkRe = compileLater(`(?i)^(?:yes|y|✓|✔|☑|✅|x|✗|✘|\*|•)$`)
	// presenceNoRe is a cell that says the column does not apply.
	presenceNoRe = compileLater(`(?i)^(?:no|n|-|–|—)$`)
	// presenceWordRe is what a single attendance column prints of each
	// member: present, apologies or absent, in full or by its letter.
	presenceWordRe = compileLater(`(?i)^(?:(present|p|yes|y|attended|✓|✔|☑|✅)|(apologies|apology|apols?\.?|a|sent\s+apologies|apologies\s+(?:received|given))|(absent|ab|no|n|did\s+not\s+attend))$`)
)

// The outcomes of a row of an attendance table.
const (
	rowUnread = iota
	rowPresent
	rowApologies
	rowAbsent
	// columnOther is a column of the table that marks nothing the reader
	// knows.
	columnOther
)

// presenceColumn is a column of an attendance table that marks members.
type presenceColumn struct {
	col  int // where its heading starts, or its cell's place in a line of tabs (see presenceCells)
	kind int // rowPresent, rowApologies or rowAbsent; rowUnread for a column of words; columnOther
}

// presenceCells splits a line of an attendance table into its cells. A
// line set out with tabs is read by the order of its cells between single
// tabs, where an empty one is a column left blank: where a tab takes the
// text to depends on the tab stops of the program that printed it, so the
// characters before a mark do not say which column it is under, and
// counting a tab as one put a mark under Present in the Apologies column.
// Other lines are read by where their runs of text start (see chunks).
func presenceCells(l string) (cells []chunk, tabs bool) {
	if strings.IndexByte(l, '\t') < 0 {
		for _, c := range chunks(l) {
			cells = append(cells, splitMarks(c)...)
		}
		return cells, false
	}
	for i, c := range strings.Split(strings.TrimRight(l, " \t"), "\t") {
		if c = strings.Join(strings.Fields(c), " "); c != "" {
			cells = append(cells, chunk{col: i, text: c})
		}
	}
	return cells, true
}

// splitMarks parts a mark from the name before it when only two spaces
// set them apart ("Amir Khan  Yes"), too few for chunks: the row has its
// own mark, and is a member's row of its own, not the end of a name
// wrapped from the row above.
func splitMarks(c chunk) []chunk {
	i := strings.LastIndex(c.text, "  ")
	if i < 0 {
		return []chunk{c}
	}
	mark := strings.TrimLeft(c.text[i:], " ")
	if !presenceMarkRe.MatchString(mark) && !presenceWordRe.MatchString(mark) {
		return []chunk{c}
	}
	at := c.col + utf8.RuneCountInString(c.text[:len(c.text)-len(mark)])
	return append(splitMarks(chunk{c.col, strings.TrimSpace(c.text[:i])}), chunk{at, mark})
}

// presenceHeading reports whether l, its gaps gone, is the heading of an
// attendance table of marks: "Member Attended Apologies", "Name Present
// Sent apologies". A table left in a minute's body as printed (see
// presenceTablesIn) keeps it, and its "Apologies" before the names under
// it is no list of apologies.
func presenceHeading(l string) bool {
	w := strings.Fields(l)
	if len(w) < 2 || len(w) > 12 || !presenceHeadRe.MatchString(w[0]) {
		return false
	}
	return presenceColumnWords(w[1:])
}

// presenceColumnWords reports whether w is a run of attendance columns'
// headings, each of one to three words.
func presenceColumnWords(w []string) bool {
	if len(w) == 0 {
		return true
	}
	for n := 1; n <= min(3, len(w)); n++ {
		if presenceColRe.MatchString(strings.Join(w[:n], " ")) && presenceColumnWords(w[n:]) {
			return true
		}
	}
	return false
}

// tableLine reports whether l may be a line of an attendance table: its
// cells are set apart by a gap or a tab.
func tableLine(l string) bool {
	return hasGap(l) || strings.IndexByte(strings.TrimSpace(l), '\t') >= 0
}

// presenceTable is an attendance table printed with a column of names
// and columns that mark them, as a council prints its committee's
// attendance:
//
//	Member                              Present    Apologies
//	Councillor T Hardy (Chair)          Yes
//	Mr N Frackelton (SWACA)                        Yes
type presenceTable struct {
	head      int      // the heading's line
	end       int      // the line after its last row
	present   []string // names, as printed
	apologies []string
	absent    []string // marked absent: neither present nor sending apologies
	rows      []int    // the lines of the rows, read or not
	unread    []int    // the lines of rows whose marks were not read
}

// presenceColumns reads l as the heading of an attendance table: the
// names' column first, then the columns that mark them. It returns nil
// when l is no such heading; tabs is whether its columns are set with
// tabs.
func presenceColumns(l string) (cols []presenceColumn, tabs bool) {
	if !tableLine(l) {
		return nil, false
	}
	c, tabs := presenceCells(l)
	if len(c) < 2 || !presenceHeadRe.MatchString(c[0].text) {
		return nil, false
	}
	out := make([]presenceColumn, 0, len(c)-1)
	known := false
	for _, x := range c[1:] {
		g := presenceColRe.FindStringSubmatch(x.text)
		if g == nil {
			// A column the reader does not know ("Substitute", "Notes"):
			// a row with anything in it is not read, and warned of.
			out = append(out, presenceColumn{col: x.col, kind: columnOther})
			continue
		}
		known = true
		kind := rowUnread
		switch {
		case g[1] != "":
			kind = rowPresent
		case g[2] != "":
			kind = rowApologies
		case g[3] != "":
			kind = rowAbsent
		}
		out = append(out, presenceColumn{col: x.col, kind: kind})
	}
	if !known {
		return nil, false
	}
	return out, tabs
}

// readPresenceTable reads the attendance table whose heading is raw[head],
// when it is one. A blank line ends it unless the line after is a row
// read as one (a page break, or a gap the council left between groups of
// members), and a line holding only the end of a name ("Councillor
// Margaret   Yes" over "Thistlethwaite-Jones") ends the name in the row
// above: the rows after the blank were run into the names, and the name
// stored cut short.
func readPresenceTable(raw []string, head int) (presenceTable, bool) {
	cols, tabs := presenceColumns(raw[head])
	if cols == nil {
		return presenceTable{}, false
	}
	t := presenceTable{head: head}
	type row struct {
		name    string
		outcome int
		line    int
	}
	var read []row
	mixed := false
	i := head + 1
	for ; i < len(raw); i++ {
		if strings.TrimSpace(raw[i]) == "" {
			j := i + 1
			for j < len(raw) && strings.TrimSpace(raw[j]) == "" {
				j++
			}
			if j == len(raw) {
				break
			}
			if _, outcome := presenceRow(raw[j], cols, tabs); outcome == rowUnread {
				break
			}
			i = j
		}
		t.rows = append(t.rows, i)
		if n := len(read); n > 0 && raw[i-1] != "" && read[n-1].outcome != rowUnread {
			if rest, ok := nameEnd(raw[i], cols); ok {
				read[n-1].name += " " + rest
				continue
			}
		}
		name, outcome := presenceRow(raw[i], cols, tabs)
		read = append(read, row{name, outcome, i})
		if c, rowTabs := presenceCells(raw[i]); len(c) > 1 && rowTabs != tabs {
			mixed = true
		}
	}
	t.end = i
	for _, r := range read {
		if r.outcome == rowUnread || mixed {
			t.unread = append(t.unread, r.line)
		}
	}
	if mixed {
		// Rows set out with tabs and rows with spaces: which column a
		// mark is under cannot be told with confidence in either, so
		// every row is warned of and nobody is read from the table.
		return t, true
	}
	for _, r := range read {
		switch r.outcome {
		case rowPresent:
			t.present = append(t.present, r.name)
		case rowApologies:
			t.apologies = append(t.apologies, r.name)
		case rowAbsent:
			t.absent = append(t.absent, r.name)
		}
	}
	return t, true
}

// nameEnd reads l as the end of a name wrapped onto the line under its
// row: one short run of text in the names' column, no title starting a
// name of its own, and neither a heading nor a sentence.
func nameEnd(l string, cols []presenceColumn) (string, bool) {
	c, _ := presenceCells(l)
	if len(c) != 1 || c[0].col >= cols[0].col {
		return "", false
	}
	x := c[0].text
	if len(strings.Fields(x)) > 3 || honorificRe.MatchString(x) || isUpperLine(x) || strings.HasSuffix(x, ".") || strings.HasSuffix(x, ":") {
		return "", false
	}
	return x, true
}

// presenceRow reads one row of an attendance table: the name in the first
// run of text, each mark under the column whose heading starts nearest it.
// A row marked twice in different ways, or not at all, is unread, and so
// is a row set out with tabs under a heading set out with spaces, or the
// other way about, whose columns cannot be matched with confidence.
func presenceRow(l string, cols []presenceColumn, tabs bool) (string, int) {
	c, rowTabs := presenceCells(l)
	if len(c) < 2 || rowTabs != tabs || c[0].col >= cols[0].col {
		return "", rowUnread
	}
	name := c[0].text
	if !honorificRe.MatchString(name) && !nameLike(strings.TrimSpace(bracketTailRe.ReplaceAllString(name, ""))) {
		return "", rowUnread
	}
	outcome := rowUnread
	for _, x := range c[1:] {
		col := cols[0]
		for _, k := range cols[1:] {
			if abs(k.col-x.col) < abs(col.col-x.col) {
				col = k
			}
		}
		got := rowUnread
		switch {
		case col.kind == columnOther:
			return name, rowUnread
		case col.kind == rowUnread:
			if g := presenceWordRe.FindStringSubmatch(x.text); g != nil {
				got = rowPresent
				if g[2] != "" {
					got = rowApologies
				} else if g[3] != "" {
					got = rowAbsent
				}
			}
		case presenceMarkRe.MatchString(x.text):
			got = col.kind
		case presenceNoRe.MatchString(x.text):
			continue
		}
		if got == rowUnread || outcome != rowUnread && outcome != got {
			return name, rowUnread
		}
		outcome = got
	}
	return name, outcome
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// presenceTablesIn reads the attendance tables in raw that come before the
// first minute, where a list of those present would be: below a "Minutes
// of …" heading, before a minute's heading. A table in a minute's body
// (the attendance at training a report sets out) is that minute's text,
// not the meeting's attendance, and is left as printed.
func presenceTablesIn(raw []string) []presenceTable {
	var out []presenceTable
	minuteSeen := false
	for i := 0; i < len(raw); i++ {
		l := strings.TrimSpace(raw[i])
		if minutesHeading(l) {
			minuteSeen = false
			continue
		}
		if minuteStarts(l) {
			minuteSeen = true
			continue
		}
		if minuteSeen || !tableLine(raw[i]) {
			continue
		}
		t, ok := readPresenceTable(raw, i)
		if !ok || len(t.rows) == 0 {
			continue
		}
		out = append(out, t)
		i = t.end - 1
	}
	return out
}

// presenceTables rewrites each attendance table of marks in raw as the
// labels other councils print: "Present: A; B" on the heading's line,
// "Apologies: C" on its first row's, and its other rows blank, so that
// line numbers stay as printed. Rows it cannot read are blanked too:
// ParseMinutesWith warns of them (see presenceRest), which a name
// with its marks run on into the list of those present would not be.
func presenceTables(raw []string) []string {
	for _, t := range presenceTablesIn(raw) {
		for _, r := range t.rows {
			raw[r] = ""
		}
		raw[t.head] = ""
		if len(t.present) > 0 {
			raw[t.head] = "Present: " + strings.Join(t.present, "; ")
		}
		if len(t.apologies) > 0 {
			raw[t.rows[0]] = "Apologies: " + strings.Join(t.apologies, "; ")
		}
	}
	return raw
}

// presenceRest is what the attendance tables in text say that the
// "Present:" and "Apologies:" labels they are rewritten as (see
// presenceTables) cannot: those marked absent, and warnings for the rows
// whose marks were not read, whose member is in neither the present nor
// the apologies. Only the tables headed in lines from to to (the minutes'
// own, as printed) are the meeting's: another body's minutes later in an
// agenda pack print their own attendance, whose list of those present is
// not read either.
func presenceRest(text string, from, to int) (absent, warnings []string) {
	raw := rawLines(text)
	for _, t := range presenceTablesIn(raw) {
		if t.head < from || t.head >= to {
			continue
		}
		absent = append(absent, t.absent...)
		for _, r := range t.unread {
			warnings = append(warnings, "line "+strconv.Itoa(r+1)+": attendance table row not read: "+strconv.Quote(clip(strings.Join(strings.Fields(raw[r]), " "))))
		}
	}
	return absent, warnings
}
