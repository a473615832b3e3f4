package minutes

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Action is one action the minutes give someone: an "ACTION:" line in a
// minute, or a row of an action table.
type Action struct {
	Minute string `json:"minute"` // the number of the minute it is under
	// Item is the agenda item an action log puts it under when the
	// minutes do not say which minute covers that item: Minute is then
	// "", rather than a minute the item's number only looks like.
	Item  string `json:"item,omitempty"`
	Text  string `json:"text"`            // what is to be done, as printed
	Owner string `json:"owner,omitempty"` // who is to do it, as printed
	Due   string `json:"due,omitempty"`   // ISO day; a month alone is its last day
	// DuePrinted is the deadline as printed when it is not a day or a
	// month ("Next meeting", "Ongoing").
	DuePrinted string `json:"due_printed,omitempty"`
	Status     string `json:"status,omitempty"` // the table's status column, as printed
}

// Task is what is to be done, as /action add takes it: the action's
// words without the owner printed before them ("Ms A Kerr to …") when
// that is Owner, nor the deadline printed in them ("by 31 December
// 2026") ending them when Due was read from it, with a capital and no full stop:
// "Submit the funding bid". Words that are all owner or deadline are
// kept as printed.
func (a Action) Task() string {
	task := a.Text
	if a.Owner != "" {
		if m := actionOwnerRe.FindStringSubmatch(task); m != nil && m[1] == a.Owner {
			task = m[2]
		}
	}
	// A deadline that ends the words goes when it is Due, which says it;
	// one inside them ("by March to the Board") may say something else,
	// and one a table's Due column disagrees with is kept, not lost. A
	// day or month printed without its year is placed from Due itself:
	// the first such day on or after it is Due when they agree.
	if at := byDateRe.FindStringSubmatchIndex(task); a.Due != "" && at != nil && strings.Trim(task[at[1]:], " .,;:") == "" {
		g := make([]string, len(at)/2)
		for i := range g {
			if at[2*i] >= 0 {
				g[i] = task[at[2*i]:at[2*i+1]]
			}
		}
		if deadline(g, a.Due) == a.Due {
			task = task[:at[0]]
		}
	}
	task = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(task), ".,;:"))
	if task == "" {
		return a.Text
	}
	r, n := utf8.DecodeRuneInString(task)
	return string(unicode.ToUpper(r)) + task[n:]
}

var (
	// actionLineRe is a line that records an action: "ACTION: Chief
	// Inspector Smith to circulate the figures by 31 January." The label
	// is in capitals or starts one; "action:" inside a sentence is not.
	actionLineRe = compileLater(`^(?:ACTIONS?|Actions?)\s*(?::|[-–—]\s)\s*(\S.*)$`)
	// actionOwnerRe splits "Chief Inspector Smith to circulate …" into its
	// owner and what they are to do; "The Clerk and Cllr Amos to write …"
	// has two owners, kept together as printed.
	actionOwnerRe = compileLater(`^(?:The\s+|the\s+)?(\S.{0,80}?)\s+to\s+(\p{Ll}.*)$`)
	// byDateRe is the deadline in an action's words: "by 31 January",
	// "by Friday 14 March 2025", "by 31/01/2025", "by the end of March".
	byDateRe = compileLater(`(?i)\bby\s+(?:the\s+)?(?:(?:end|close)\s+of\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?` +
		`(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)\b\.?(?:,?\s+(\d{4}))?|(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b|(` + monthAlt + `)\b(?:\s+(\d{4}))?)`)
	// A heading cell of an action table, by what the column holds.
	actionColRe = compileLater(`(?i)^(?:agreed\s+)?actions?(?:\s+(?:required|agreed|points?|to\s+be\s+taken))?$`)
	ownerColRe  = compileLater(`(?i)^(?:(?:action\s+)?owner(?:s|\(s\))?|lead(?:\s+(?:officer|person|partner|agency|organisation|member))?|by\s+whom|responsible(?:\s+(?:officer|person|party))?|person\s+responsible|responsibility|who|action\s+by|officer)$`)
	dueColRe    = compileLater(`(?i)^(?:due(?:\s+date)?|deadline|by\s+when|target(?:\s+date)?|date\s+due|timescales?|completion\s+date|by)$`)
	minuteColRe = compileLater(`(?i)^(?:minute|min\.?|item|agenda\s+item)(?:\s+(?:no\.?|number|ref(?:erence)?\.?))?$`)
	// itemColRe is a minute column headed "Item" or "Agenda Item": what
	// it holds are the agenda's numbers, which are the minutes' only
	// where the minutes number their items so.
	itemColRe = compileLater(`(?i)^(?:agenda\s+)?item\b`)
	// subjectColRe is a parish's "Subject" column: what the row is about.
	subjectColRe = compileLater(`(?i)^(?:subject|topic|matter|heading)$`)
	// minuteCellRe is the label a minute cell may print before the
	// number: "Minute 25/34", "Min. 3", "Item No. 7".
	minuteCellRe = compileLater(`^(?i:minute|min|item)\.?\s*(?i:no\.?\s*|ref\.?\s*)?`)
	// nameOnlyRe is an action cell that names only who acts ("Clerk",
	// "Cllr Mason", "Clerk/Chairman"), as a parish's action column does
	// beside the subject.
	nameOnlyRe  = compileLater(`^\p{Lu}[\p{L}.'’-]*(?:(?:\s+|\s*[/&]\s*|\s+and\s+)\p{Lu}[\p{L}.'’-]*){0,3}$`)
	statusColRe = compileLater(`(?i)^(?:status|progress|rag(?:\s+status)?)$`)
	cellGapRe   = compileLater(`\s{2,}|\t+`)
)

// actionColumns are the columns of an action table, by position in its
// heading row; -1 for one it does not have.
type actionColumns struct {
	action, owner, due, minute, status int
	subject                            int
	items                              bool  // the minute column is headed "Item": it holds agenda items
	starts                             []int // where each heading cell starts, for rows spaced out
	pipes                              bool  // cells between "|"
	n                                  int
}

// tableCells splits a row of a table into its cells with where each
// starts: between "|" in a table of that kind, otherwise at gaps of two
// spaces or more.
func tableCells(l string) (cells []string, starts []int, pipes bool) {
	if strings.Count(l, "|") >= 2 {
		for _, c := range strings.Split(strings.Trim(strings.TrimSpace(l), "|"), "|") {
			cells = append(cells, strings.Join(strings.Fields(c), " "))
		}
		return cells, nil, true
	}
	at := 0
	for _, loc := range cellGapRe.FindAllStringIndex(l+"  ", -1) {
		if c := strings.TrimSpace(l[at:loc[0]]); c != "" {
			cells = append(cells, strings.Join(strings.Fields(c), " "))
			starts = append(starts, at)
		}
		at = loc[1]
	}
	return cells, starts, false
}

// actionHeading reads a heading row of an action table: it has columns for
// the action, its owner and when it is due.
func actionHeading(l string) (actionColumns, bool) {
	cells, starts, pipes := tableCells(l)
	c := actionColumns{action: -1, owner: -1, due: -1, minute: -1, status: -1, subject: -1, starts: starts, pipes: pipes, n: len(cells)}
	if len(cells) < 3 || len(cells) > 8 {
		return c, false
	}
	for i, h := range cells {
		h = strings.TrimRight(h, ":")
		switch {
		case c.action < 0 && actionColRe.MatchString(h):
			c.action = i
		case c.owner < 0 && ownerColRe.MatchString(h):
			c.owner = i
		case c.due < 0 && dueColRe.MatchString(h):
			c.due = i
		case c.minute < 0 && minuteColRe.MatchString(h):
			c.minute = i
			c.items = itemColRe.MatchString(h)
		case c.status < 0 && statusColRe.MatchString(h):
			c.status = i
		case c.subject < 0 && subjectColRe.MatchString(h):
			c.subject = i
		}
	}
	// Columns for the action, its owner and its date; or a column naming
	// the minute beside the action and one of the others, as a parish's
	// "Subject | Minute | Action" prints it.
	return c, c.action >= 0 && (c.owner >= 0 && c.due >= 0 || c.minute >= 0 && (c.owner >= 0 || c.due >= 0 || c.subject >= 0))
}

// row places the cells of a table row under the heading's columns: by
// order when there are as many as headings (or the table has bars), by
// where they start otherwise, each under the last heading that starts at
// or before it (give or take two characters).
func (c actionColumns) row(l string) []string {
	cells, starts, pipes := tableCells(l)
	out := make([]string, c.n)
	// A row between bars under a heading spaced out (or the other way
	// round, as a pasted table can mix them) has no places to go by:
	// its cells go by order.
	if c.pipes || pipes || len(cells) == c.n || len(starts) < len(cells) {
		copy(out, cells)
		return out
	}
	for k, cell := range cells {
		col := 0
		for j, s := range c.starts {
			if s <= starts[k]+2 {
				col = j
			}
		}
		if out[col] != "" {
			out[col] += " "
		}
		out[col] += cell
	}
	return out
}

func (c actionColumns) cell(row []string, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	return row[col]
}

// minuteSpan is where one minute stands in the document, by line number.
type minuteSpan struct {
	number string
	line   int
}

// minuteAt is the number of the minute line n stands in; "" before the
// first. spans are in the order of the document.
func minuteAt(spans []minuteSpan, n int) string {
	k := sort.Search(len(spans), func(i int) bool { return spans[i].line > n })
	if k == 0 {
		return ""
	}
	return spans[k-1].number
}

// actionReader is what reading the actions needs of the minutes.
type actionReader struct {
	raw     []string
	spans   []minuteSpan
	numbers map[string]bool // the minutes' numbers
	// items are the minutes that cover agenda items, by the item's
	// number, where the minutes print it (see agendaItems).
	items map[string]string
	// people are the names of the people the minutes list (see
	// peopleNamed), to tell an owner's cell from an action's.
	people  map[string]bool
	meeting string // the meeting's ISO date, for a deadline printed without its year
	// decisions are the last resolution of each minute, by its number:
	// the action of an "Action:" line that names only who acts.
	decisions map[string]string
	warn      func(string, ...any)
}

// readActions finds the actions in the minutes: "ACTION:" lines within a
// minute (raw lines from..to, 1-based), and action tables from the first
// minute to tableTo.
func (r *actionReader) readActions(to, tableTo int) []Action {
	raw, spans := r.raw, r.spans
	if len(spans) == 0 {
		return nil
	}
	var out []Action
	var b strings.Builder
	clean := func(i int) string { return cleanLine(raw[i], &b) }
	margin, _ := actionMarginAt(raw)
	for i := spans[0].line - 1; i < len(raw) && i < tableTo; i++ {
		if owner, _, ok := marginOwner(raw[i], margin); margin >= 0 && ok {
			out = append(out, r.marginAction(i, owner, margin, to))
			continue
		}
		if cols, ok := actionHeading(raw[i]); ok {
			var got []Action
			got, i = r.readActionTable(i, cols)
			out = append(out, got...)
			continue
		}
		l := clean(i)
		if actionsHeadRe.MatchString(l) {
			// "Actions" over a table without a heading row.
			j := i + 1
			for j < len(raw) && j <= i+3 && strings.TrimSpace(raw[j]) == "" {
				j++
			}
			if j < len(raw) && j < tableTo {
				if _, headed := actionHeading(raw[j]); !headed {
					if cols, h, ok := guessColumns(raw, j, r.people); ok {
						var got []Action
						got, i = r.readActionTable(h, cols)
						out = append(out, got...)
						continue
					}
				}
			}
		}
		if i >= to {
			continue
		}
		g := actionLineRe.FindStringSubmatch(l)
		if g == nil {
			continue
		}
		// The action runs on to the end of its paragraph.
		text := g[1]
		for j := i + 1; j < len(raw) && j < to && j <= i+6; j++ {
			l := clean(j)
			if l == "" || actionLineRe.MatchString(l) || actionsHeadRe.MatchString(l) {
				break
			}
			if _, ok := parseMinuteHeader(l); ok {
				break
			}
			if _, _, ok := splitResolved(l); ok {
				break // "RESOLVED:" straight under the action
			}
			text = joinPair(text, l)
			i = j
		}
		a := Action{Minute: minuteAt(spans, i+1), Text: text}
		// "Figures to be circulated" names no one.
		if m := actionOwnerRe.FindStringSubmatch(text); m != nil && len(strings.Fields(m[1])) <= 10 && !strings.HasPrefix(m[2], "be ") {
			a.Owner = m[1]
		} else if did := r.decisions[a.Minute]; did != "" && onlyWhoActs(strings.TrimRight(text, "."), r.people) {
			// "Action: Chief Officer" under a board's decision: who
			// carries the decision out, not what is to be done.
			a.Owner, a.Text = strings.TrimRight(text, "."), did
		} else {
			r.warn("line %d: action with no owner printed: %q", i+1, clip(text))
		}
		if d := byDateRe.FindStringSubmatch(text); d != nil {
			a.Due = deadline(d, r.meeting)
		}
		out = append(out, a)
	}
	return out
}

// marginAction is the action beside which owner is printed in the
// margin (at column margin) on raw line i: the sentence that line is part
// of, "The Director of Finance to circulate the due diligence report" over
// "to Board members by 30 September 2024."
func (r *actionReader) marginAction(i int, owner string, margin, to int) Action {
	var b strings.Builder
	text := func(j int) string {
		_, rest, _ := marginOwner(r.raw[j], margin)
		return cleanLine(rest, &b)
	}
	words := text(i)
	for j := i - 1; j >= 0 && !strings.HasSuffix(words, ".") && j > i-4; j-- {
		prev := text(j)
		if prev == "" || strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, ":") {
			break
		}
		if _, ok := parseMinuteHeader(prev); ok {
			break
		}
		words = joinPair(prev, words)
	}
	if k := strings.LastIndex(words, ". "); k >= 0 {
		words = words[k+2:] // the sentence before it on the same line
	}
	for j := i + 1; j < len(r.raw) && j < to && j <= i+4 && !strings.HasSuffix(words, "."); j++ {
		next := text(j)
		if next == "" {
			break
		}
		if _, ok := parseMinuteHeader(next); ok {
			break
		}
		if _, _, ok := splitResolved(next); ok {
			break
		}
		if k := strings.Index(next, ". "); k >= 0 {
			next = next[:k+1] // the next sentence starts on its line
		}
		words = joinPair(words, next)
	}
	a := Action{Minute: minuteAt(r.spans, i+1), Text: words, Owner: owner}
	if d := byDateRe.FindStringSubmatch(words); d != nil {
		a.Due = deadline(d, r.meeting)
	}
	return a
}

// onlyWhoActs reports an action line that names who acts and nothing
// else: "Chief Officer", "Head of Strategic Planning", "Cllr Moss".
func onlyWhoActs(text string, people map[string]bool) bool {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		if !smallWords[strings.ToLower(w)] && !startsUpper(w) {
			return false
		}
	}
	return namesWhoActs(text, people) || ownerScore(text, people) > 0
}

// actionsHeadRe is the title printed over an action table, "Actions" or
// "Action log", which does not run on an action before it.
var actionsHeadRe = compileLater(`(?i)^actions?(?:\s+(?:log|list|arising|agreed|table))?:?$`)

// readActionTable reads the rows under an action table's heading at raw
// line h. A row with nothing under the owner and due columns goes on the
// action of the row before it; a blank line ends the table unless the next
// line is a row of as many cells. It returns the actions and the last
// line read.
func (ar *actionReader) readActionTable(h int, cols actionColumns) ([]Action, int) {
	raw, spans, numbers, meeting, warn := ar.raw, ar.spans, ar.numbers, ar.meeting, ar.warn
	var rows [][]string
	var rowLines []int
	i := h + 1
	for ; i < len(raw); i++ {
		l := raw[i]
		if strings.TrimSpace(l) == "" {
			if i+1 < len(raw) {
				if _, heading := actionHeading(raw[i+1]); !heading {
					if cells, _, _ := tableCells(raw[i+1]); len(cells) >= cols.n-1 && len(cells) >= 3 {
						continue
					}
				}
			}
			break
		}
		if cols.pipes && strings.Trim(l, "|-: \t") == "" {
			continue // the rule under a heading of bars
		}
		if cols.pipes && strings.Count(l, "|") < 2 {
			break
		}
		r := cols.row(l)
		if len(rows) > 0 && cols.cell(r, cols.owner) == "" && cols.cell(r, cols.due) == "" && cols.cell(r, cols.minute) == "" && cols.cell(r, cols.subject) == "" {
			prev := rows[len(rows)-1]
			for k, v := range r {
				if v != "" {
					prev[k] = joinPair(prev[k], v)
				}
			}
			continue
		}
		rows = append(rows, r)
		rowLines = append(rowLines, i+1)
	}
	var out []Action
	// A row whose minute cell is left blank is under the minute of the
	// row above, as a log lists several actions of one minute.
	named := ""
	for k, r := range rows {
		text := cols.cell(r, cols.action)
		m := strings.TrimRight(minuteCellRe.ReplaceAllString(cols.cell(r, cols.minute), ""), ".")
		if m != "" {
			named = m
		}
		if text == "" {
			continue
		}
		a := Action{Minute: minuteAt(spans, rowLines[k]), Text: text, Owner: cols.cell(r, cols.owner), Status: cols.cell(r, cols.status)}
		if cols.owner < 0 {
			// No owner column: the owner is in the action's words
			// ("Clerk to write …"), or the action cell names only who
			// acts and the subject says what about.
			if g := actionOwnerRe.FindStringSubmatch(text); g != nil && len(strings.Fields(g[1])) <= 10 && !strings.HasPrefix(g[2], "be ") {
				a.Owner = g[1]
			} else if subject := cols.cell(r, cols.subject); subject != "" && namesWhoActs(text, ar.people) {
				a.Owner, a.Text = text, subject
			}
		}
		switch minute, covered := ar.items[named]; {
		case named == "":
		case cols.items && covered:
			a.Minute = minute
		case cols.items && !numbers[named]:
			// An agenda item whose minute cannot be known: no minute
			// rather than one its number only looks like.
			warn("line %d: action under agenda item %s, which these minutes do not say which minute covers: kept without a minute number: %q", rowLines[k], named, clip(a.Text))
			a.Minute, a.Item = "", named
		default:
			if !numbers[named] {
				warn("line %d: action under minute %s, which these minutes do not hold: %q", rowLines[k], named, clip(a.Text))
			}
			a.Minute = named
		}
		due := cols.cell(r, cols.due)
		if d := byDateRe.FindStringSubmatch("by " + due); d != nil && len(d[0]) == len(due)+3 {
			a.Due = deadline(d, meeting)
		} else if d := firstDate(due); d != "" {
			a.Due = d
		}
		if a.Due == "" && due != "" {
			a.DuePrinted = due
		}
		if cols.due < 0 {
			// No date column: the date in the action's words, as in an
			// ACTION line ("… by 28 February").
			if d := byDateRe.FindStringSubmatch(a.Text); d != nil {
				a.Due = deadline(d, meeting)
			}
		}
		if a.Owner == "" {
			warn("line %d: action with no owner printed: %q", rowLines[k], clip(a.Text))
		}
		out = append(out, a)
	}
	return out, i
}

// deadline is the ISO day a byDateRe match names: a day without its year
// is the first such day on or after the meeting; a month alone is its last
// day. "" when it names no day that can be placed.
func deadline(g []string, meeting string) string {
	met, err := time.Parse("2006-01-02", meeting)
	switch {
	case g[1] != "":
		d, _ := strconv.Atoi(g[1])
		m := monthNumber(g[2])
		if g[3] != "" {
			y, _ := strconv.Atoi(g[3])
			v, _ := isoDate(y, m, d)
			return v
		}
		if err != nil {
			return ""
		}
		for y := met.Year(); y <= met.Year()+1; y++ {
			if v, ok := isoDate(y, m, d); ok && v >= meeting {
				return v
			}
		}
	case g[4] != "":
		d, _ := strconv.Atoi(g[4])
		m, _ := strconv.Atoi(g[5])
		y, _ := strconv.Atoi(g[6])
		if len(g[6]) == 2 {
			y += 2000
		}
		v, _ := isoDate(y, m, d)
		return v
	case g[7] != "":
		m := monthNumber(g[7])
		y := 0
		if g[8] != "" {
			y, _ = strconv.Atoi(g[8])
		} else if err == nil {
			y = met.Year()
			if m < int(met.Month()) {
				y++
			}
		}
		if y < 1900 || y > 2200 || m == 0 {
			return ""
		}
		return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	}
	return ""
}

// readActions adds to the minutes the actions recorded in them. ACTION
// lines are read up to where the minutes end; tables to the end of the
// minutes' part of the text (end, a line of lines), since an action log
// is often printed after "The meeting closed at …".
func (p *minutesParser) readActions(text string, origin []int, end int) {
	spans := make([]minuteSpan, 0, len(p.builders))
	numbers := map[string]bool{}
	for _, b := range p.builders {
		spans = append(spans, minuteSpan{b.m.Number, b.line})
		numbers[b.m.Number] = true
	}
	raw := rawLines(text)
	to := len(raw)
	if p.stop > 0 {
		to = p.stop - 1
	}
	tableTo := len(raw)
	if end > 0 && end <= len(origin) {
		tableTo = origin[end-1]
	}
	items := agendaItems(raw, spans)
	for _, b := range p.builders {
		if it, ok := p.itemAt[b.line]; ok {
			if _, seen := items[it]; !seen {
				items[it] = b.m.Number
			}
		}
	}
	decisions := map[string]string{}
	for _, m := range p.out.Minutes {
		if n := len(m.Resolutions); n > 0 {
			decisions[m.Number] = m.Resolutions[n-1]
		}
	}
	r := &actionReader{raw: raw, spans: spans, numbers: numbers, items: items, people: peopleNamed(p.out, p.people), meeting: p.out.Meeting.Date,
		decisions: decisions, warn: p.warn}
	p.out.Actions = r.readActions(to, tableTo)
	if len(p.people) == 0 {
		return
	}
	// An owner printed by surname is the committee's one person of that
	// surname, named as the committee names them, so that the action is
	// theirs once imported; the minutes' own list of who attended says
	// whether someone else of that surname was there.
	var listed []string
	listed = append(listed, p.out.Present...)
	for _, a := range p.out.Apologies {
		listed = append(listed, a.Name)
	}
	for i, a := range p.out.Actions {
		name, several, ok := ownerBySurname(a.Owner, p.people, listed)
		switch {
		case ok:
			p.out.Actions[i].Owner = name
		case len(several) > 0:
			p.warn("action owner %q may be %s: kept as printed: %q", a.Owner, strings.Join(several, " or "), clip(a.Text))
		}
	}
}

var (
	// itemTagRe is the agenda item printed after a minute's title:
	// "SERIOUS VIOLENCE DUTY [Item 5]", "Minutes (Agenda Item 3)".
	itemTagRe = compileLater(`(?i)[\[(](?:agenda\s+)?item\s+(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,2}|[a-z])?)[\])]`)
	// itemAfterRefRe is the agenda item printed after the minute's
	// reference: "P061/24 1. APOLOGIES".
	itemAfterRefRe = compileLater(`^\S+\s+(\d{1,3}(?:\.\d{1,2})?)[.)]?\s+\S`)
	// refRe is a minute's reference that is not an agenda's number:
	// "P061/24", "25/34", never "41".
	refRe = compileLater(`^[\p{L}\d]*\d[/-]\d+$|^\p{L}+\d+$`)
)

// agendaItems are the minutes that cover agenda items, by the item's
// number, where the minutes print it with the minute's heading: after
// its title ("[Item 5]", on the heading line or the next, where a long
// title runs on), or between the minute's reference and its title
// ("P061/24 1. APOLOGIES"). An item printed with two minutes is the
// first's.
func agendaItems(raw []string, spans []minuteSpan) map[string]string {
	out := map[string]string{}
	var b strings.Builder
	for k, sp := range spans {
		end := len(raw)
		if k+1 < len(spans) {
			end = spans[k+1].line - 1
		}
		for i := sp.line - 1; i >= 0 && i < end && i <= sp.line; i++ {
			l := cleanLine(raw[i], &b)
			item := ""
			if g := itemTagRe.FindStringSubmatch(l); g != nil {
				item = g[1]
			} else if g := itemAfterRefRe.FindStringSubmatch(l); g != nil && i == sp.line-1 && strings.HasPrefix(l, sp.number+" ") && refRe.MatchString(sp.number) {
				item = g[1]
			}
			if item != "" {
				if _, seen := out[item]; !seen {
					out[item] = sp.number
				}
				break
			}
		}
	}
	return out
}
