package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/quorumhq/quorum/minutes"
)

// AgendaItem is one numbered item on a meeting's agenda, as printed: "7.5
// SWACA — Neil Frackelton".
type AgendaItem struct {
	ID           int64
	MeetingID    int64
	Number       string // "4", "7.5", "7a"
	Title        string
	Presenter    string // as printed; several people separated by commas
	Organisation string
	Description  string
	References   []string // "Minute No. 26 refers"
	// Standard items are the ones every meeting has (Apologies for
	// Absence, Declarations of Interest, …).
	Standard bool
	// Urgency is why the chair took the item as urgent business, added
	// to the meeting in progress or on its day; "" for any other item.
	Urgency string
}

// ItemNumber is an agenda number: 7, 7.5, 7a, or B2 on an agenda
// numbered by section, as county councils print theirs.
type ItemNumber struct {
	Top     int  // 1–999; 1–99 after a section
	Sub     int  // 1–99 for "7.5"; 0 otherwise
	Letter  byte // 'a'–'z' for "7a"; 0 otherwise
	Section byte // 'A'–'Z' for "B2"; 0 otherwise
}

// Limits on agenda text.
const (
	MaxTitleLen     = 300
	MaxPresenterLen = 300
)

// ParseItemNumber reads an agenda number as printed: "4", "7.5", "7.10",
// "7a", "7A", "7." (a trailing full stop is ignored), "B2" (or "b2").
func ParseItemNumber(s string) (ItemNumber, error) {
	bad := func() (ItemNumber, error) {
		shown := s
		if utf8.RuneCountInString(shown) > 20 {
			shown = string([]rune(shown)[:20]) + "…"
		}
		return ItemNumber{}, fmt.Errorf("%q is not an agenda number: use 4, 7.5 or 7a", shown)
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	var section byte
	digits := s
	if len(s) > 1 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		section, digits = s[0]&^0x20, s[1:] // upper case
	}
	i := 0
	for i < len(digits) && digits[i] >= '0' && digits[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 || digits[0] == '0' || section != 0 && i > 2 {
		return bad()
	}
	top, _ := strconv.Atoi(digits[:i])
	n := ItemNumber{Top: top, Section: section}
	rest := digits[i:]
	switch {
	case section != 0 && rest != "":
		// Sections number their items in one sequence, without sub-items.
		return bad()
	case rest == "":
	case rest[0] == '.':
		d := rest[1:]
		// Digits only: strconv reads a sign ("7.+5") as a number too.
		if d == "" || len(d) > 2 || d[0] == '0' || strings.Trim(d, "0123456789") != "" {
			return bad()
		}
		sub, err := strconv.Atoi(d)
		if err != nil || sub < 1 {
			return bad()
		}
		n.Sub = sub
	case len(rest) == 1 && (rest[0] >= 'a' && rest[0] <= 'z' || rest[0] >= 'A' && rest[0] <= 'Z'):
		n.Letter = rest[0] | 0x20 // lower case
	default:
		return bad()
	}
	return n, nil
}

func (n ItemNumber) String() string {
	switch {
	case n.Section != 0:
		return fmt.Sprintf("%c%d", n.Section, n.Top)
	case n.Sub > 0:
		return fmt.Sprintf("%d.%d", n.Top, n.Sub)
	case n.Letter != 0:
		return fmt.Sprintf("%d%c", n.Top, n.Letter)
	}
	return strconv.Itoa(n.Top)
}

// Key orders items naturally: 1, 2, …, 7, 7.1, 7.2, …, 7.10, 7a, 7b, 8,
// then A1, A2, B1. Keys are stored (agenda_items.position, an integer), so
// they keep their values and stay below 1<<30, where numbers that do not
// parse go.
func (n ItemNumber) Key() int {
	if n.Section != 0 {
		return 1_000_000_000 + int(n.Section-'A')*1000 + n.Top
	}
	k := n.Top * 1_000_000
	switch {
	case n.Sub > 0:
		k += n.Sub * 1000
	case n.Letter != 0:
		k += 100_000 + int(n.Letter)
	}
	return k
}

// ItemKey is the ordering key of an agenda number as printed; numbers that
// do not parse sort last, in text order.
func ItemKey(number string) int {
	n, err := ParseItemNumber(number)
	if err != nil {
		return 1 << 30
	}
	return n.Key()
}

// SortItems puts items in natural order.
func SortItems(items []AgendaItem) {
	sort.SliceStable(items, func(i, j int) bool {
		ki, kj := ItemKey(items[i].Number), ItemKey(items[j].Number)
		if ki != kj {
			return ki < kj
		}
		return items[i].Number < items[j].Number
	})
}

// IsSubItem reports whether number is a sub-item ("7.5", "7a").
func IsSubItem(number string) bool {
	n, err := ParseItemNumber(number)
	return err == nil && (n.Sub > 0 || n.Letter != 0)
}

// StandardItems are the items a new meeting starts with, unless its
// committee turns them off. The last one stays last: see closingItem.
var StandardItems = []AgendaItem{
	{Number: "1", Title: "Apologies for Absence", Standard: true},
	{Number: "2", Title: "Declarations of Interest", Standard: true},
	{Number: "3", Title: "Minutes of Previous Meeting", Standard: true},
	{Number: "4", Title: closingTitle, Standard: true},
}

const closingTitle = "Date of Next Meeting"

// standardItems is a fresh copy of StandardItems.
func standardItems() []AgendaItem {
	out := make([]AgendaItem, len(StandardItems))
	copy(out, StandardItems)
	return out
}

// isClosing reports whether it is the closing item, which is kept
// numbered after every other top-level item: the standard one, or one
// imported under one of the names agendas give it.
func isClosing(it AgendaItem) bool {
	return closingTitles[strings.TrimRight(FoldName(it.Title), ".")]
}

var closingTitles = map[string]bool{
	"date of next meeting": true, "date of the next meeting": true, "dates of next meetings": true,
	"date and time of next meeting": true, "date and time of the next meeting": true,
	"dates of future meetings": true, "date of future meetings": true,
}

// itemText is a parsed "NUMBER TITLE [— PRESENTER [(ORGANISATION)]]".
type itemText struct {
	Number       ItemNumber
	Title        string
	Presenter    string
	Organisation string
}

// parseItemText reads the text of "/agenda add": the number, the title and,
// after an em dash (or " – " or " -- "), the presenters. A single
// presenter may be followed by their organisation in brackets:
// "4 IOM Refresh — Jen Williams (NW Probation Lead)". A hyphen typed with
// spaces, as keyboards have no dash, marks the presenter too, after the
// last one, when what follows is one (hyphenPresenter: members are the
// committee's); otherwise it is part of the title ("Violence against
// Women and Girls - Partner Reports").
func parseItemText(text string, members []Member) (itemText, error) {
	it, _, err := readItemText(text, members)
	if err != nil {
		return it, err
	}
	if it.Title == "" {
		return it, fmt.Errorf("give item %s a title", it.Number)
	}
	return it, nil
}

// itemEdit is a parsed "/agenda edit NUMBER [TITLE] [— PRESENTER|none]":
// what is not given is kept.
type itemEdit struct {
	itemText
	// KeepTitle and KeepPresenter say that the title, or the presenter
	// and organisation, were not given.
	KeepTitle, KeepPresenter bool
}

// parseItemEdit reads the text of "/agenda edit" as parseItemText reads
// that of "/agenda add", but the title may be left out ("5 — Sue
// Holden") and so may the presenter ("5 New title"): each is then kept
// as it stands. "— none" takes the presenter off.
func parseItemEdit(text string, members []Member) (itemEdit, error) {
	text = strings.Join(strings.Fields(text), " ")
	num, rest, _ := strings.Cut(text, " ")
	// A presenter alone, after a dash: "5 - Sue Holden" has no title
	// before the hyphen for readItemText to find it after.
	for _, d := range []string{"- ", "– ", "-- "} {
		if r, ok := strings.CutPrefix(rest, d); ok {
			rest = "— " + r
			break
		}
	}
	it, dashed, err := readItemText(num+" "+rest, members)
	e := itemEdit{itemText: it, KeepTitle: it.Title == "", KeepPresenter: !dashed}
	if err != nil {
		return e, err
	}
	if dashed && it.Organisation == "" && strings.EqualFold(it.Presenter, "none") {
		e.Presenter = ""
	}
	if e.KeepTitle && e.KeepPresenter {
		return e, nothingToEdit{it.Number.String(), ""}
	}
	if dashed && !e.KeepPresenter && it.Presenter == "" && it.Organisation == "" {
		return e, fmt.Errorf("give item %s's presenter after the dash, or `none` to take the presenter off", it.Number)
	}
	return e, nil
}

// nothingToEdit is parseItemEdit's answer to an item's number alone. day
// is " 2026-12-17" for the form to name a meeting other than the next,
// which without it would change the next meeting's item.
type nothingToEdit struct{ number, day string }

func (e nothingToEdit) Error() string {
	return fmt.Sprintf("give item %s's new title, its new presenter after an em dash, or both: `/agenda edit%s %s TITLE — PRESENTER`", e.number, e.day, e.number)
}

// readItemText reads "NUMBER TITLE [— PRESENTER]" for parseItemText and
// parseItemEdit; the title may be empty. dashed reports whether a
// presenter was marked.
func readItemText(text string, members []Member) (it itemText, dashed bool, err error) {
	text = plainShown(strings.Fields(text)) // as typed; see Request.Text
	text = mentionsNamed(text, members)
	num, rest, _ := strings.Cut(text, " ")
	if num == "" {
		return it, false, fmt.Errorf("give the item's number and title, e.g. `7.5 SWACA — Neil Frackelton`")
	}
	n, err := ParseItemNumber(num)
	if err != nil {
		return it, false, err
	}
	it.Number = n
	title, presenter := rest, ""
	for _, sep := range []string{"—", " – ", " -- "} {
		if t, p, ok := strings.Cut(rest, sep); ok {
			title, presenter, dashed = t, p, true
			break
		}
	}
	if i := strings.LastIndex(rest, " - "); !dashed && i >= 0 && hyphenPresenter(rest[i+len(" - "):], members) {
		title, presenter, dashed = rest[:i], rest[i+len(" - "):], true
	}
	it.Title = strings.TrimSpace(title)
	presenter = strings.TrimSpace(presenter)
	if strings.Count(presenter, "(") == 1 && strings.HasSuffix(presenter, ")") {
		open := strings.Index(presenter, "(")
		it.Organisation = strings.TrimSpace(presenter[open+1 : len(presenter)-1])
		presenter = strings.TrimSpace(presenter[:open])
	}
	it.Presenter = strings.Trim(presenter, " ,")
	switch {
	case utf8.RuneCountInString(it.Title) > MaxTitleLen:
		return it, dashed, fmt.Errorf("that title is too long (the limit is %d characters)", MaxTitleLen)
	case utf8.RuneCountInString(it.Presenter)+utf8.RuneCountInString(it.Organisation) > MaxPresenterLen:
		return it, dashed, fmt.Errorf("that presenter is too long (the limit is %d characters)", MaxPresenterLen)
	}
	return it, dashed, nil
}

// mentionsNamed writes each mention in an item's text ("— @Neil", which
// Slack sends as "<@UNEIL|neil>") as the agenda prints a presenter: a
// member by name and organisation, so that a presenter mentioned alone
// reads as one typed "Neil Frackelton (SWACA)", and anyone else by the
// name Slack showed. The agenda is posted and printed as text, where the
// markup would show as it is.
func mentionsNamed(text string, members []Member) string {
	return mentionMarkup.ReplaceAllStringFunc(text, func(markup string) string {
		m := mentionMarkup.FindStringSubmatch(markup)
		for _, member := range members {
			if member.UserID == m[1] && member.Organisation != "" {
				return member.Name + " (" + member.Organisation + ")"
			}
			if member.UserID == m[1] {
				return member.Name
			}
		}
		if m[2] != "" {
			return m[2]
		}
		return markup
	})
}

// hyphenPresenter reports whether p, the text after a spaced hyphen in an
// item, is its presenter: names that are all members' (as presenterNames
// reads them, honorifics dropped), or one person's name with their
// organisation in brackets, "Jen Williams (NW Probation)". Anything else
// ("Partner Reports", "Community Trigger (ASB)", a name alone that is no
// member's) is more of the title, as it was before a hyphen could mark
// a presenter.
func hyphenPresenter(p string, members []Member) bool {
	p = strings.TrimSpace(p)
	if name, ok := strings.CutSuffix(p, ")"); ok && strings.Count(p, "(") == 1 {
		if minutes.NameLike(name[:strings.Index(name, "(")]) {
			return true
		}
	}
	names := presenterNames(p)
	if len(names) == 1 && !strings.Contains(names[0], " ") {
		// A first name or surname alone ("- Neil") is a member's when it
		// is one member's only: presenterByOneName then names them in
		// full. Two members', or none, and it is more of the title.
		return len(membersCalled(members, "", names[0])) == 1
	}
	for _, n := range names {
		if !slices.ContainsFunc(members, func(m Member) bool { return personKey(m.Name) == n }) {
			return false
		}
	}
	return len(names) > 0
}

// honorifics are dropped when matching a presenter to a member:
// "Superintendent Graeme Robson" presents as Graeme Robson.
var honorifics = map[string]bool{
	"councillor": true, "cllr": true, "cllr.": true, "superintendent": true, "chief": true,
	"inspector": true, "detective": true, "sergeant": true, "dr": true, "dr.": true,
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "miss": true,
	"prof": true, "prof.": true, "professor": true, "supt": true, "supt.": true,
}

// presenterNames splits a presenter as printed into people's names,
// folded for matching: "Jen Williams, James Gillett" → "jen williams",
// "james gillett". Organisations printed in brackets after the names are
// not part of them.
func presenterNames(presenter string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(bracketRE.ReplaceAllString(presenter, " "), func(r rune) bool { return r == ',' || r == '&' || r == ';' || r == '/' }) {
		for _, name := range strings.Split(" "+part+" ", " and ") {
			// As a member's name is matched when typed for them
			// (personKey): an agenda typed on a British keyboard prints
			// Siân Ní Bhriain as "Sian Ni Bhriain".
			words := strings.Fields(personKey(name))
			for len(words) > 1 && honorifics[words[0]] {
				words = words[1:]
			}
			if len(words) > 0 {
				out = append(out, strings.Join(words, " "))
			}
		}
	}
	return out
}

// bracketRE matches text in brackets: "(Merseyside Police)".
var bracketRE = regexp.MustCompile(`\([^()]*\)`)

// FoldName is a name as it is matched exactly: lower case, single spaces.
// The stores fold names the same way, as the keys of people not in Slack
// (NameKey) are compared with what they hold, so they use this one.
func FoldName(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// MaxItemLen bounds an agenda item number as typed ("7.5", "12a").
const MaxItemLen = 16

// takeItem reads an agenda item number from the start of words: "7.5",
// "Item 7.5", "7a", "item 4:". It says how many words it used (0: none).
func takeItem(words []string) (string, int) {
	if len(words) == 0 {
		return "", 0
	}
	used := 0
	w := words[0]
	if strings.EqualFold(strings.TrimRight(w, ":"), "item") && len(words) > 1 {
		w, used = words[1], 1
	}
	// "7.7." is the number as an agenda prints it, with its full stop.
	w = strings.TrimRight(w, ":,;).")
	w = strings.TrimLeft(w, "(")
	if !isItemNumber(w) {
		return "", 0
	}
	return w, used + 1
}

// takeDateItem reads "[DATE] ITEM" from the start of args, as declarations
// and reports begin, and returns the words after them.
func takeDateItem(args []string, now time.Time, loc *time.Location) (Date, string, []string, error) {
	d, n, err := takeDate(args, now, loc)
	if err != nil {
		return Date{}, "", nil, err
	}
	rest := args[n:]
	item, n := takeItem(rest)
	if n == 0 {
		if len(rest) == 0 {
			return Date{}, "", nil, errors.New("start with the agenda item's number, e.g. 7.5")
		}
		return Date{}, "", nil, fmt.Errorf("%q is not an agenda item number: start with the item's number as printed, e.g. 4, 7.5 or 7a", truncateText(rest[0], 40))
	}
	return d, item, rest[n:], nil
}

// isItemNumber accepts agenda numbers as printed: 4, 7.5, 7a.
func isItemNumber(w string) bool {
	if len(w) > MaxItemLen {
		return false
	}
	_, err := ParseItemNumber(w)
	return err == nil
}

// itemAliases are the ways an item's number may be written: the reports
// behind items 7.1 … 7.9 are labelled "Agenda Item 7a" … "7i".
func itemAliases(n string) []string {
	n = strings.ToLower(n)
	if n == "" {
		return nil
	}
	out := []string{n}
	if last := n[len(n)-1]; last >= 'a' && last <= 'z' {
		out = append(out, n[:len(n)-1]+"."+strconv.Itoa(int(last-'a'+1)))
	} else if head, tail, ok := cutLast(n, "."); ok {
		if k, err := strconv.Atoi(tail); err == nil && k >= 1 && k <= 26 && strconv.Itoa(k) == tail {
			out = append(out, head+string(rune('a'+k-1)))
		}
	}
	return out
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// findItem finds the item numbered n (in any of its spellings).
func findItem(items []AgendaItem, n string) (AgendaItem, bool) {
	n = strings.TrimSuffix(n, ".") // as an agenda prints it: "7.7."
	if len(n) > MaxItemLen {
		return AgendaItem{}, false
	}
	for _, alias := range itemAliases(n) {
		for _, it := range items {
			if strings.EqualFold(it.Number, alias) {
				return it, true
			}
		}
	}
	return AgendaItem{}, false
}

// itemLabel is how replies name an item: "Item 7.5 (SWACA)".
func itemLabel(it AgendaItem) string {
	if it.Title == "" {
		return "Item " + it.Number
	}
	return "Item " + it.Number + " (" + bracketable(it.Title) + ")"
}

// bracketable is title fit to be put in brackets after an item's number:
// one that ends with its own bracketed part, as titles often end with the
// organisation ("SWACA report (SWACA)"), has that part after a comma
// instead ("SWACA report, SWACA"), so that a label never reads "Item 5
// (SWACA report (SWACA))".
func bracketable(title string) string {
	if !strings.HasSuffix(title, ")") {
		return title
	}
	open := strings.LastIndex(title, " (")
	if open <= 0 {
		return title
	}
	inner := title[open+2 : len(title)-1]
	if inner == "" || strings.ContainsAny(inner, "()") {
		return title
	}
	return title[:open] + ", " + inner
}

// itemOn is item n of m's agenda and how replies name it ("Item 7.5
// (SWACA)"); an item no longer on the agenda has ID 0 and is "Item n".
func (s *Service) itemOn(ctx context.Context, m Meeting, n string) (AgendaItem, string, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return AgendaItem{}, "", err
	}
	if it, ok := findItem(items, n); ok {
		return it, itemLabel(it), nil
	}
	return AgendaItem{Number: n}, "Item " + n, nil
}

// agendaItem finds item n on m's agenda, or says why it cannot be used.
func (s *Service) agendaItem(ctx context.Context, c Committee, m Meeting, n string) (AgendaItem, []AgendaItem, error) {
	return s.agendaItemOf(ctx, nil, c, m, n)
}

// agendaItemOf is agendaItem, taking m's items from table when they were
// read with the committee (Sub.AtTable).
func (s *Service) agendaItemOf(ctx context.Context, table *Table, c Committee, m Meeting, n string) (AgendaItem, []AgendaItem, error) {
	var items []AgendaItem
	if table != nil && table.ItemsOf != 0 && table.ItemsOf == m.ID {
		items = table.Items
	} else {
		var err error
		if items, err = s.store.AgendaItems(ctx, m.ID); err != nil {
			return AgendaItem{}, nil, err
		}
	}
	it, ok := findItem(items, n)
	if !ok {
		return AgendaItem{}, items, s.notOnAgendaErr(ctx, c, m, n, items)
	}
	return it, items, nil
}

// notOnAgendaErr refuses item n, not on m's agenda (items): as
// notOnAgenda does, or, when an item of that number was taken off it,
// saying so, for the sender may have it from the agenda as first
// circulated. It reads the records only here, on the way to a refusal:
// a declaration or report made in one round trip never comes this way.
func (s *Service) notOnAgendaErr(ctx context.Context, c Committee, m Meeting, n string, items []AgendaItem) error {
	n = strings.TrimSuffix(n, ".")
	if n == "" || len(n) > MaxItemLen {
		return userErr("%s", notOnAgenda(c, m, n, items))
	}
	gone, at, err := s.store.RemovedItem(ctx, m.ID, itemAliases(n))
	if errors.Is(err, ErrNotFound) {
		return userErr("%s", notOnAgenda(c, m, n, items))
	}
	if err != nil {
		return err
	}
	loc := c.Location()
	msg := Escape(itemLabel(gone)) + " was taken off the agenda for the meeting on " + formatDay(m.StartsAt, loc) + ", on " + formatDay(at, loc) + "."
	// A revised agenda imported over the first renumbers by taking an item
	// off and adding it again: the same title standing under another
	// number is most likely the item meant.
	if title := strings.TrimSpace(gone.Title); title != "" {
		for _, it := range items {
			if strings.EqualFold(strings.TrimSpace(it.Title), title) {
				msg += " An item of that title stands as item " + Escape(it.Number) + "."
				break
			}
		}
	}
	if len(items) == 0 {
		return userErr("%s The agenda has no items now.", msg)
	}
	return userErr("%s Its items are %s.", msg, itemNumbers(items))
}

// notOnAgenda explains that item n is not on m's agenda. n is as typed,
// and may be a word of any length: it is quoted no longer than an item's
// number can be.
func notOnAgenda(c Committee, m Meeting, n string, items []AgendaItem) string {
	day := formatDay(m.StartsAt, c.Location())
	n = truncateText(n, MaxItemLen)
	if len(items) == 0 {
		return "The agenda for the meeting on " + day + " has no items yet, so there is no item " + Escape(n) + "."
	}
	return "Item " + Escape(n) + " is not on the agenda for the meeting on " + day + "." + itemMeant(n, items) + " Its items are " + itemNumbers(items) + "."
}

// itemNumbers lists items' numbers for a refusal: "1, 2, 3, 5, 7".
func itemNumbers(items []AgendaItem) string {
	nums := make([]string, 0, len(items))
	for _, it := range items {
		nums = append(nums, Escape(it.Number))
	}
	if len(nums) > 30 {
		nums = append(nums[:30], "…")
	}
	return strings.Join(nums, ", ")
}

// itemMeant asks about the item n meant with another mark where the
// number has its dot ("7,5", as a phone's keypad offers it, "7-5",
// "7/5"), when the agenda has it: " Did you mean item 7.5?", or "".
func itemMeant(n string, items []AgendaItem) string {
	// "02" or "7.05", figures written with a leading nought: item 2 or 7.5
	// as the agenda prints them, asked about rather than taken, for an
	// agenda may number 7.05 apart from 7.5.
	parts := strings.Split(n, ".")
	for i, p := range parts {
		if len(p) > 1 && strings.Trim(p, "0123456789") == "" {
			parts[i] = strings.TrimLeft(p, "0")
			if parts[i] == "" {
				parts[i] = "0"
			}
		}
	}
	if unpadded := strings.Join(parts, "."); unpadded != n {
		if it, ok := findItem(items, unpadded); ok {
			return " Did you mean item " + Escape(it.Number) + "?"
		}
	}
	for _, mark := range []string{",", "-", "/", ";", ":"} {
		if !strings.Contains(n, mark) {
			continue
		}
		if it, ok := findItem(items, strings.ReplaceAll(n, mark, ".")); ok {
			return " Did you mean item " + Escape(it.Number) + "?"
		}
	}
	return ""
}

// ItemRef is the agenda item a declaration or report link is on, as it
// stands now: it may have been renumbered, or taken off the agenda, since
// the record was made.
type ItemRef struct {
	Number  string
	Title   string
	Removed bool
}

// filed is where a declaration or report link is filed: its item (0 when
// none of the meeting's items had its number), the number the item had
// when it was made, and the item as it stands.
type filed struct {
	ID   int64
	Made string
	On   ItemRef
}

func (d Declaration) filed() filed { return filed{d.ItemID, d.Item, d.OnItem} }
func (l ReportLink) filed() filed  { return filed{l.ItemID, l.Item, l.OnItem} }

// place finds the item a record is on among the agenda's standing items:
// by the item itself when the record knows it, so that the record follows
// it when renumbered, else by the number it was made under. An item taken
// off the agenda comes back as it was, with standing false.
func (f filed) place(items []AgendaItem) (it AgendaItem, standing bool) {
	if f.ID != 0 {
		for _, it := range items {
			if it.ID == f.ID {
				return it, true
			}
		}
		if f.On.Number != "" {
			return AgendaItem{ID: f.ID, Number: f.On.Number, Title: f.On.Title}, false
		}
	}
	if it, ok := findItem(items, f.Made); ok && (f.ID == 0 || it.ID == 0) {
		return it, true
	}
	return AgendaItem{ID: f.ID, Number: f.Made}, false
}

// takenOff reports whether the record's item was taken off the agenda
// (items): it never comes before the meeting, so nobody withdraws for it,
// whatever they declared in it. A record filed on no item is not.
func (f filed) takenOff(items []AgendaItem) bool {
	_, standing := f.place(items)
	return !standing && f.ID != 0
}

// label names the record's item as replies and the minutes do: "Item 7.11
// (Late item)" for the item as it now stands, marked when it has been
// taken off the agenda: "Item 6 (Local Policing Update, removed from the
// agenda)".
func (f filed) label(items []AgendaItem) string { return f.shortLabel(items, -1) }

// shortLabel is label with the item's title cut to n characters (not cut
// when n < 0), for a line with room for little: cutting the whole label
// instead would cut off the mark of an item taken off the agenda, and
// with it what tells the reader nobody withdraws for it.
func (f filed) shortLabel(items []AgendaItem, n int) string {
	it, standing := f.place(items)
	title := ""
	if it.Title != "" {
		if title = bracketable(it.Title); n >= 0 {
			title = truncateText(title, n)
		}
	}
	off := !standing && f.ID != 0 // takenOff, from the place just found
	switch {
	case off && title == "":
		return "Item " + it.Number + " (removed from the agenda)"
	case off:
		return "Item " + it.Number + " (" + title + ", removed from the agenda)"
	case title == "":
		return "Item " + it.Number
	}
	return "Item " + it.Number + " (" + title + ")"
}

// number is the record's item's number as it stands, or the number it was
// made under when its item is not known.
func (f filed) number() string {
	if f.ID != 0 && f.On.Number != "" {
		return f.On.Number
	}
	return f.Made
}

// madeAs notes, for lists, the number a record was made under when its
// item has been renumbered since: ", as item 7a".
func madeAs(f filed, items []AgendaItem) string {
	if n := f.renumbered(items); n != "" {
		return ", as item " + n
	}
	return ""
}

// key orders records by their items' places on the agenda; records on
// items no longer on it come last.
func (f filed) key(items []AgendaItem) int {
	if it, standing := f.place(items); standing {
		return ItemKey(it.Number)
	}
	return 1 << 30
}

// renumbered is the number the record was made under when its item has
// been renumbered since, else "".
func (f filed) renumbered(items []AgendaItem) string {
	if it, _ := f.place(items); f.Made != "" && !strings.EqualFold(it.Number, f.Made) {
		return f.Made
	}
	return ""
}

// on reports whether the record is on item it.
func (f filed) on(it AgendaItem) bool {
	if f.ID != 0 && it.ID != 0 {
		return f.ID == it.ID
	}
	_, ok := findItem([]AgendaItem{it}, f.Made)
	return ok
}
