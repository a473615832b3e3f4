package minutes

import (
	"strings"
	"unicode"
)

// Which cell of an action table names who acts. A heading row says so
// when there is one; without it, and beside a parish's subject, the
// owner is guessed from what the cells read as. Title case is no guide:
// "Review Funding Options" is printed like "Sue Holden", and a table of
// partners' actions is mostly capitalised words. What tells them apart is
// what the words are: a person the minutes name, a rank or "Cllr", a role
// ("Chief Executive", "Clerk"), a body ("Sefton CVS", "All Partners") on
// one side; a verb to start with ("Review", "Circulate"), or a sentence, on
// the other.

// actionVerbs start what is to be done, as action tables print it.
var actionVerbs = map[string]bool{}

// ownerWords are roles and bodies that act.
var ownerWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`review circulate report provide arrange write send chase obtain invite publish
		update prepare contact share organise organize bring consider confirm check agree draft produce investigate
		explore liaise ensure present add seek request establish develop identify meet email e-mail discuss look
		follow set source book complete submit distribute schedule raise respond reply ask inform notify collate
		compile feed escalate progress monitor repair replace order clear brief amend revise circulated reviewed
		write-up invite forward refer approach visit attend support promote advertise purchase buy install remove
		obtain research scope map consult engage recruit appoint investigate apply convene plan deliver`) {
		actionVerbs[w] = true
	}
	for _, w := range strings.Fields(`clerk chair chairman chairwoman chairperson vice-chair vice-chairman executive
		officer officers manager managers director directors head treasurer secretary lead coordinator co-ordinator
		inspector superintendent commissioner analyst solicitor members partners partnership all everyone council
		police cvs trust nhs ltd probation authority icb ccg association agencies agency organisations board panel
		forum team services`) {
		ownerWords[w] = true
	}
}

// acronymRe is a body's initials: "CVS", "SWACA", "ICB".
var acronymRe = compileLater(`^\p{Lu}{2,6}s?$`)

// smallWords are the lower-case words a name, role or body may print
// ("Head of Audit", "Friends of the Park").
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "&": true, "de": true, "van": true, "von": true, "le": true, "la": true}

// ownerScore is how much a cell reads as who acts (above 0) rather than
// what is to be done (below 0). people are the names the minutes list,
// lower case, each with its surname.
func ownerScore(cell string, people map[string]bool) int {
	words := strings.Fields(cell)
	if len(words) == 0 {
		return 0
	}
	score := 0
	if actionVerbs[strings.ToLower(strings.Trim(words[0], ".,:;"))] {
		score -= 4
	}
	if len(words) > 6 {
		score -= 2
	}
	if honorificRe.MatchString(cell) || rankRe.MatchString(cell) {
		score += 3
	}
	person := false
	switch {
	case knownPerson(cell, people):
		score, person = score+3, true
	case nameLike(cell):
		// Weaker: "Grass Cutting Contract" reads as a name too.
		score, person = score+1, true
	}
	role, sentence, topic := false, false, false
	// "Clerk/Chairman", "Treasurer & Clerk": each word on its own.
	for _, w := range strings.FieldsFunc(cell, func(r rune) bool { return unicode.IsSpace(r) || r == '/' || r == '&' || r == ',' }) {
		t := strings.Trim(w, ".,:;()")
		lw := strings.ToLower(t)
		switch {
		case ownerWords[lw] || acronymRe.MatchString(t):
			role = true
		case t != "" && unicode.IsLower([]rune(t)[0]) && !smallWords[lw]:
			sentence = true
		case notNameWords[lw] && !smallWords[lw]:
			topic = true // "Update", "Budget", "Report"
		}
	}
	if role {
		score += 2
	}
	if sentence {
		score--
	}
	if topic && !role && !person && !honorificRe.MatchString(cell) {
		score-- // "Knife Crime Update": a subject, not someone
	}
	return score
}

// namesWhoActs reports whether a cell that is only a few capitalised
// words names who acts rather than what is to be done: it reads as
// people, or it is one word that is not one of the words of titles and
// bodies ("Mason", but not "Budget").
func namesWhoActs(cell string, people map[string]bool) bool {
	if !nameOnlyRe.MatchString(cell) {
		return false
	}
	s := ownerScore(cell, people)
	return s > 0 || s == 0 && !strings.Contains(cell, " ") && !notNameWords[strings.ToLower(cell)]
}

// knownPerson reports whether cell is the name, or the surname, of
// someone the minutes list.
func knownPerson(cell string, people map[string]bool) bool {
	if len(people) == 0 {
		return false
	}
	n := strings.ToLower(strings.Join(strings.Fields(rankRe.ReplaceAllString(cell, "")), " "))
	return n != "" && people[n]
}

// peopleNamed are the names of the people the minutes list, and of
// others the caller names, lower case, without rank or the body in
// brackets, and their surnames.
func peopleNamed(m *Minutes, others []string) map[string]bool {
	out := map[string]bool{}
	add := func(name string) {
		if i := strings.IndexByte(name, '('); i >= 0 {
			name = name[:i]
		}
		words := strings.Fields(strings.ToLower(rankRe.ReplaceAllString(strings.TrimSpace(name), "")))
		if len(words) == 0 {
			return
		}
		out[strings.Join(words, " ")] = true
		out[words[len(words)-1]] = true
	}
	for _, n := range m.Present {
		add(n)
	}
	for _, a := range m.Apologies {
		add(a.Name)
	}
	for _, n := range others {
		add(n)
	}
	return out
}

// dueCellRe is a due cell that is not a day: "Next meeting", "Ongoing".
var dueCellRe = compileLater(`(?i)^(?:(?:the\s+)?next\s+meeting|ongoing|asap|tbc|tba|immediate(?:ly)?|as\s+soon\s+as\s+possible|end\s+of\s+\S+|(?:` + monthAlt + `)\.?(?:\s+\d{4})?)$`)

// dueLike reports whether a cell reads as when an action is due.
func dueLike(cell string) bool {
	if cell == "" {
		return false
	}
	if dueCellRe.MatchString(cell) || firstDate(cell) != "" {
		return true
	}
	d := byDateRe.FindStringSubmatch("by " + cell)
	return d != nil && len(d[0]) == len(cell)+3
}

// guessColumns reads the rows of an action table printed without a
// heading row (or under one not read as such), from raw line from: rows
// of three or four cells, one of which says when each is due. The
// owner's column is the one that reads most as people, summed over the
// rows; the action's, of the others, the one that reads least so; when
// nothing tells them apart, they are in the order councils print them,
// the action first. It returns the columns and the line before the rows.
func guessColumns(raw []string, from int, people map[string]bool) (actionColumns, int, bool) {
	c := actionColumns{action: -1, owner: -1, due: -1, minute: -1, status: -1, subject: -1}
	var rows [][]string
	var at []int // the raw line of each row
	for i := from; i < len(raw) && i < from+50; i++ {
		l := raw[i]
		if strings.TrimSpace(l) == "" {
			break
		}
		cells, starts, pipes := tableCells(l)
		if pipes && strings.Trim(l, "|-: \t") == "" {
			continue
		}
		if len(rows) == 0 {
			if len(cells) < 3 || len(cells) > 4 {
				return c, 0, false
			}
			c.n, c.starts, c.pipes = len(cells), starts, pipes
		}
		if pipes != c.pipes {
			break
		}
		if len(cells) == c.n {
			rows, at = append(rows, cells), append(at, i)
		}
	}
	if len(rows) == 0 {
		return c, 0, false
	}
	best := 0
	for k := 0; k < c.n; k++ {
		n := 0
		for _, r := range rows {
			if dueLike(r[k]) {
				n++
			}
		}
		if n > best {
			best, c.due = n, k
		}
	}
	if 2*best <= len(rows) {
		return c, 0, false
	}
	h := from - 1
	if len(rows) > 1 && !dueLike(rows[0][c.due]) {
		// A heading row not read as one ("Agreed action | Responsible |
		// Date"): the rows are below it.
		h, rows = at[0], rows[1:]
	}
	scores := make([]int, c.n)
	for _, r := range rows {
		for k, cell := range r {
			scores[k] += ownerScore(cell, people)
		}
	}
	var others []int
	for k := 0; k < c.n; k++ {
		if k != c.due {
			others = append(others, k)
		}
	}
	c.action, c.owner = others[0], others[1]
	lo, hi := others[0], others[0]
	for _, k := range others {
		if scores[k] < scores[lo] {
			lo = k
		}
		if scores[k] > scores[hi] {
			hi = k
		}
	}
	if scores[lo] < scores[hi] {
		c.action, c.owner = lo, hi
	}
	return c, h, true
}

// ownerBySurname is the person an action's owner printed by surname
// ("Frackelton", "Cllr Frackelton", "Insp. Holden", "Cllr N Frackelton")
// names, as the committee names them in people: the one person of that
// surname there (of that initial, when one is printed). The owner is
// kept as printed, and ok is false, when the owner is not printed so,
// when no one or several of people have that surname (those are in
// several, for a warning), or when the minutes list someone of that
// surname who is not that person (listed, as the minutes print them):
// an action is never given to the wrong member by a guess.
func ownerBySurname(owner string, people, listed []string) (name string, several []string, ok bool) {
	surname, initial, printedSo := surnameOf(owner)
	if !printedSo {
		return owner, nil, false
	}
	var match []string
	seen := map[string]bool{}
	for _, p := range people {
		words := personWords(p)
		if len(words) < 2 || words[len(words)-1] != surname || initial != 0 && []rune(words[0])[0] != initial {
			continue
		}
		if key := strings.Join(words, " "); !seen[key] {
			seen[key] = true
			match = append(match, strings.Join(strings.Fields(p), " "))
		}
	}
	if len(match) != 1 {
		if len(match) > 1 {
			several = match
		}
		return owner, several, false
	}
	one := personWords(match[0])
	for _, l := range listed {
		words := personWords(l)
		if len(words) < 2 || words[len(words)-1] != surname {
			continue
		}
		// "Councillor Frackelton" or "Cllr N Frackelton" in the minutes
		// may be the same person; "Inspector Mark Holden" is not Sue
		// Holden.
		if !sameForename(words[:len(words)-1], one[:len(one)-1]) {
			return owner, nil, false
		}
	}
	return match[0], nil, true
}

// surnameOf reads an owner printed as a surname, after any title or rank
// and at most an initial: "Cllr N. Frackelton" is "frackelton" with the
// initial 'n'. printedSo is false for anything else ("Clerk", "Neil
// Frackelton", "Sefton CVS").
func surnameOf(owner string) (surname string, initial rune, printedSo bool) {
	s := strings.TrimSpace(owner)
	rank := rankRe.FindString(s)
	words := strings.Fields(s[len(rank):])
	if len(words) == 2 {
		w := strings.TrimSuffix(words[0], ".")
		r := []rune(w)
		if len(r) != 1 || !unicode.IsUpper(r[0]) {
			return "", 0, false
		}
		initial, words = unicode.ToLower(r[0]), words[1:]
	}
	if len(words) != 1 {
		return "", 0, false
	}
	w := strings.TrimRight(words[0], ".,;:")
	if !capitalisedWord(w) || notNameWords[strings.ToLower(w)] || ownerWords[strings.ToLower(w)] || actionVerbs[strings.ToLower(w)] {
		return "", 0, false
	}
	return strings.ToLower(w), initial, true
}

// personWords are the words of a person's name, lower case, without any
// title or rank before it or the body in brackets after it.
func personWords(name string) []string {
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	words := strings.Fields(strings.ToLower(rankRe.ReplaceAllString(strings.TrimSpace(name), "")))
	out := words[:0]
	for _, w := range words {
		if w = strings.TrimRight(w, ".,"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// sameForename reports whether the forenames a and b, lower case, may
// be one person's: the same, or one an initial of the other ("n" and
// "neil").
func sameForename(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	x, y := a[0], b[0]
	if x == y {
		return true
	}
	rx, ry := []rune(x), []rune(y)
	return (len(rx) == 1 || len(ry) == 1) && rx[0] == ry[0]
}
