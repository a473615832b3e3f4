package commands

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/quorumhq/quorum/minutes"
)

// AgendaImport is an agenda read from a published document, ready to store.
type AgendaImport struct {
	CommitteeID int64
	// SHA256 identifies the document's text, so that importing it again
	// changes nothing.
	SHA256 string
	// FormerSHA256 are the hashes earlier versions of Quorum gave the same
	// text (see formerHashes), which also mean it was imported before.
	FormerSHA256 []string
	StartsAt     time.Time
	Venue        string
	Items        []AgendaItem
	// Future are the meetings of the programme the agenda publishes
	// ("Date of Next Meeting"); made if missing, with FutureItems.
	Future      []time.Time
	FutureItems []AgendaItem
	// Ask, when not nil, is called when the import would take items off
	// the meeting's agenda, in its transaction and under the lock that
	// orders changes to that agenda, with what would go: whatever is
	// changed on the agenda, or declared or reported on its items, while
	// the import waits its turn is counted. An error from it is returned,
	// and nothing is imported. It reads nothing but what it is given.
	Ask func(AgendaGoing) error
	// At is when the import was asked for: the items it removes, moves,
	// changes and adds are recorded then, as /agenda's commands record
	// theirs, so that the agenda's history lists them in order with the
	// commands given at the same clock. Zero: the database's now.
	At time.Time
}

// MeetingUnderWay is what a store answers for an agenda import into a
// meeting opened and not closed, or a change to the agenda of one opened
// (AgendaStore.ChangeAgenda), found so under the lock that orders changes
// to its agenda: its items (the one under discussion among them) keep
// their numbers until it closes, and a meeting held keeps the agenda it
// was held on. Closed is when it closed; zero while it is in progress.
type MeetingUnderWay struct {
	StartsAt, Opened, Closed time.Time
}

func (e *MeetingUnderWay) Error() string {
	return fmt.Sprintf("the meeting at %s is under way (opened at %s)", e.StartsAt.Format(time.RFC3339), e.Opened.Format(time.RFC3339))
}

// Unwrap makes a MeetingUnderWay an ErrConflict.
func (e *MeetingUnderWay) Unwrap() error { return ErrConflict }

// AgendaGoing is what an agenda import, or a removal
// (AgendaChange.Ask), would take off its meeting's agenda, as read under
// the agenda's lock: the items standing that the import does not have in
// any form (an item it renumbers, or changes the presenter of, stays, with
// its records: see AgendaImportResult), or the item removed, and the
// declarations of interest and report links standing for the meeting.
type AgendaGoing struct {
	StartsAt     time.Time
	Items        []AgendaItem
	Declarations []Declaration
	ReportLinks  []ReportLink
}

// AgendaImportResult says what an import changed.
type AgendaImportResult struct {
	MeetingID int64
	// StartsAt is when the meeting starts: the agenda's printed time, or
	// the time of the meeting already scheduled that day, which it keeps.
	StartsAt       time.Time
	Unchanged      bool // the same document was imported before
	MeetingCreated bool
	ItemsAdded     int
	ItemsRemoved   int
	// ItemsMoved are the items standing that the agenda has under another
	// number (the same title, presenter and organisation, and a title no
	// other item has), renumbered as /agenda move renumbers one;
	// ItemsChanged those it has under the same number and title with
	// another presenter or organisation, changed in place as /agenda edit
	// changes one. Both keep their declarations and report links.
	ItemsMoved   int
	ItemsChanged int
	FutureAdded  int
	// PresentersRead are the presenters printed with a slip in a
	// member's surname that were recorded as that member.
	PresentersRead []PresenterRead
	// CorrectionsKept are the titles and presenters the officer changed
	// since the agenda was last imported (before any import, since the
	// item was added) that the document prints as they read before the
	// change, which the items keep; CorrectionsReplaced those the
	// officer set (/agenda edit, or typed with /agenda add) that the
	// document prints anew, which take the document's reading (Now).
	// See ReconcileItem.
	CorrectionsKept, CorrectionsReplaced []AgendaCorrection
	// Revised is whether an agenda of the meeting was imported before.
	Revised bool
}

// AgendaCorrection is a title or presenter of an item that the officer
// set, as an import of its agenda keeps or replaces it: Item as the
// officer left it, Printed as the last import printed it (before any, as
// the item was added), and Now as the document imported prints it, each
// differing from the other only in what the correction is of; set With
// the command named ("/agenda edit", "/agenda add") At, By whom.
type AgendaCorrection struct {
	Item, Printed, Now AgendaItem
	At                 time.Time
	With, By           string
}

// ItemSetting is what is on record of how a standing item came to read
// as it does, for an import of its agenda to weigh the document against
// it: Printed, the item as the last import of its agenda printed it
// (before any, as it was added), and who set its title, and its
// presenter with their organisation, as they read now.
type ItemSetting struct {
	Printed          AgendaItem
	Title, Presenter SetBy
}

// SetBy is the officer's command that set a title or presenter (With,
// "/agenda edit" or "/agenda add"), when, and who gave it (By: a Slack
// user ID, or the name of an import); With is empty where an import, or
// the standard items a meeting is scheduled with, set it.
type SetBy struct {
	With, By string
	At       time.Time
}

// ReconcileItem is what item cur reads once an agenda printing it as now
// is imported, and which of the officer's corrections that keeps or
// replaces, field by field: the title, and the presenter with their
// organisation, as /agenda edit sets them.
//
// A field the officer changed since the last import printed the item
// (set.Printed) is kept where the document prints it as that import did:
// the document did not revise that field, and the officer's reading is
// the later. That holds too for an item no import printed, against what
// it read as added: a document printing just what the officer's edit
// replaced — a standard item's wording, or the slip in a name typed from
// the council's draft — brings nothing the officer had not seen and put
// right. A field the document prints anew takes the document's reading,
// as does one the officer did not change; where the officer set the
// reading it replaces (an edit the council adopted and has since
// printed otherwise, or text typed by hand with /agenda add), the reply
// says so, so that no one's correction is lost unsaid. Where the document
// prints the officer's reading, the council adopted it: nothing is said.
func ReconcileItem(cur, now AgendaItem, set ItemSetting) (reads AgendaItem, kept, replaced []AgendaCorrection) {
	reads = now
	base := set.Printed
	for _, f := range []struct {
		same func(a, b AgendaItem) bool
		copy func(to *AgendaItem, from AgendaItem)
		by   SetBy
	}{
		{func(a, b AgendaItem) bool { return a.Title == b.Title }, func(to *AgendaItem, from AgendaItem) { to.Title = from.Title }, set.Title},
		{func(a, b AgendaItem) bool { return a.Presenter == b.Presenter && a.Organisation == b.Organisation },
			func(to *AgendaItem, from AgendaItem) {
				to.Presenter, to.Organisation = from.Presenter, from.Organisation
			}, set.Presenter},
	} {
		changed := !f.same(cur, base)
		if f.same(cur, now) || !changed && f.by.With == "" {
			continue
		}
		fix := AgendaCorrection{Item: now, Printed: base, Now: now, At: f.by.At, With: f.by.With, By: f.by.By}
		if fix.With == "" {
			// Only the officer changes an item between imports: a
			// reading unlike the one printed is an edit's, though an
			// item older than the recorded order may not say whose.
			fix.With = "/agenda edit"
		}
		into := &replaced
		if changed && f.same(now, base) {
			f.copy(&reads, cur)
			into, fix.Item = &kept, base
		}
		// One line says all of an item that was set by one command at
		// one time: a title and presenter edited together.
		if n := len(*into); n > 0 && (*into)[n-1].With == fix.With && (*into)[n-1].By == fix.By && (*into)[n-1].At.Equal(fix.At) {
			fix = (*into)[n-1]
			*into = (*into)[:n-1]
		}
		f.copy(&fix.Item, cur)
		fix.Item.Number, fix.Item.ID = cur.Number, cur.ID
		*into = append(*into, fix)
	}
	return reads, kept, replaced
}

// PresenterRead is a presenter printed for item Number as Printed and
// recorded as the member named Member (see misspeltPresenters); Presenter
// is the item's presenter as the document prints it, with any honorific
// and organisation.
type PresenterRead struct {
	Number, Printed, Member, Presenter string
}

// misspeltPresenters records as a member each presenter of items printed
// with a slip of one letter in the member's name, where the item names
// the member's organisation too (presenterIndex.nearly: "Neil Frackleton"
// for Neil Frackelton, under "7.5 SWACA", as published agendas print), and
// says which it changed. Left as printed, the name is no one's where
// names are compared as stored: their report sent under the heading of
// the partner reports is filed there. The organisation is asked for as
// the reminders ask for it: "Sarah Quick (Sefton CVS)" is not the
// police's Sarah Quirk, nor "John Smyth" the council's John Smith, and a
// record rewritten to the wrong member is worse than a name left as
// printed. Only when no member has the name as printed.
func misspeltPresenters(items []AgendaItem, members []Member) []PresenterRead {
	x := newPresenterIndex(members)
	var read []PresenterRead
	for i, it := range items {
		names := presenterNames(it.Presenter)
		if len(names) != 1 || len(x.byName[names[0]]) > 0 {
			continue
		}
		mem, ok := x.nearly(names[0], it)
		if !ok {
			continue
		}
		printed := stripBrackets(it.Presenter)
		words := strings.Fields(printed)
		if len(words) < len(strings.Fields(names[0])) {
			continue
		}
		// Honorifics as printed stay: "Superintendent Graeme Robson".
		kept := words[:len(words)-len(strings.Fields(names[0]))]
		presenter := strings.Join(append(slices.Clip(kept), mem.Name), " ")
		for _, org := range bracketed(it.Presenter) {
			presenter += " (" + org + ")"
		}
		items[i].Presenter = clip(presenter, MaxPresenterLen)
		read = append(read, PresenterRead{Number: it.Number, Printed: printed, Member: mem.Name, Presenter: it.Presenter})
	}
	return read
}

// noStartTime opens the warning of an agenda that prints no start time.
const noStartTime = "no start time found"

// DefaultMeetingTime is assumed when an agenda prints no start time.
var DefaultMeetingTime = Clock{10, 0}

// ImportAgenda reads an agenda as published (a whole agenda pack will do:
// the agenda part is found in it) and records it for committee c: the
// meeting, its items, and the future meetings of its programme. It returns
// what it read, for printing, and what changed. Importing the same text
// twice changes nothing.
func ImportAgenda(ctx context.Context, store Store, c Committee, text, by string) (*minutes.Agenda, AgendaImportResult, error) {
	return importAgenda(ctx, store, c, text, by, time.Time{}, nil)
}

// AgendaImportOptions are the choices of an import from a file (`quorum
// import agenda`).
type AgendaImportOptions struct {
	// Replace lets the agenda take off the meeting's agenda items that
	// have declarations of interest or report links on record, which stay
	// on record under the items removed. Without it such an import is
	// refused, naming them, and nothing is imported: a revised agenda
	// replaces items that changed without a word, and a declaration left
	// under an item removed is one nobody looks for.
	Replace bool
	// At is when the import was asked for (AgendaImport.At).
	At time.Time
}

// ImportAgendaWith is ImportAgenda with opts.
func ImportAgendaWith(ctx context.Context, store Store, c Committee, text, by string, opts AgendaImportOptions) (*minutes.Agenda, AgendaImportResult, error) {
	var ask func(AgendaGoing) error
	if !opts.Replace {
		ask = askBeforeRecordsGo(c)
	}
	return importAgenda(ctx, store, c, text, by, opts.At, ask)
}

// ReadAgenda reads an agenda from text, as an import would, writing
// nothing; text that holds none is refused with a sentence that says what
// it looks like, as the import refuses it.
func ReadAgenda(text string) (*minutes.Agenda, error) {
	a, err := minutes.ParseAgenda(text)
	if errors.Is(err, minutes.ErrNoAgenda) {
		if m, err := minutes.ParseMinutes(text); err == nil && len(m.Minutes) > 0 && m.Meeting.Date != "" {
			return nil, userErr("I could not find an agenda in that text: it looks like minutes, so import it as minutes.")
		}
		return nil, userErr("I could not find an agenda in that text: it should start with the committee's name, the date, the time and numbered items.")
	}
	if errors.Is(err, minutes.ErrTooLarge) {
		return nil, userErr("That document is too large to import.")
	}
	if err != nil {
		return nil, fmt.Errorf("read agenda: %w", err)
	}
	if a.Meeting.NotADate != "" {
		return nil, errNotADate("The agenda is", a.Meeting.NotADate)
	}
	return a, nil
}

// importAgenda is ImportAgenda that has ask (when not nil) settle whether
// the items the import would take off may go (AgendaImport.Ask).
func importAgenda(ctx context.Context, store Store, c Committee, text, by string, at time.Time, ask func(AgendaGoing) error) (*minutes.Agenda, AgendaImportResult, error) {
	a, err := ReadAgenda(text)
	if err != nil {
		return nil, AgendaImportResult{}, err
	}
	imp, warnings, err := agendaImport(c, a, text)
	a.Warnings = append(a.Warnings, warnings...)
	if err != nil {
		return a, AgendaImportResult{}, err
	}
	members, err := store.Members(ctx, c.ID)
	if err != nil {
		return a, AgendaImportResult{}, err
	}
	read := misspeltPresenters(imp.Items, members)
	imp.Ask, imp.At = ask, at
	res, err := store.ImportAgenda(ctx, imp, by)
	if !res.Unchanged {
		// A presenter read as a member on an item that keeps the
		// officer's own presenter is not what the item records: not
		// said; the line of the correction kept quotes the presenter as
		// the document prints it instead, not as read. Both name the item
		// by the number the document gives it, which a revision may have
		// moved on. One whose title alone was corrected records the
		// member read, and says so.
		shown := read[:0]
		for _, p := range read {
			i := slices.IndexFunc(res.CorrectionsKept, func(k AgendaCorrection) bool {
				return k.Now.Number == p.Number && (k.Item.Presenter != k.Printed.Presenter || k.Item.Organisation != k.Printed.Organisation)
			})
			if i < 0 {
				shown = append(shown, p)
				continue
			}
			res.CorrectionsKept[i].Printed.Presenter = p.Presenter
		}
		res.PresentersRead = shown
	}
	if under := (*MeetingUnderWay)(nil); errors.As(err, &under) {
		refused := "its agenda cannot be changed, and nothing was imported"
		return a, res, sittingErr(c, under.StartsAt, under.Opened, under.Closed, refused, refused)
	}
	if err == nil && !res.StartsAt.IsZero() && !res.StartsAt.Equal(imp.StartsAt) {
		// The day's meeting was scheduled already, at another time, which
		// stands: what the agenda printed (or the time assumed for it) is
		// no longer what the meeting starts at.
		loc := c.Location()
		kept := a.Warnings[:0]
		for _, w := range a.Warnings {
			if !strings.HasPrefix(w, noStartTime) {
				kept = append(kept, w)
			}
		}
		a.Warnings = append(kept, fmt.Sprintf("the meeting that day is at %s, not %s as the agenda has it; it keeps its time (`/meeting time %s TIME` changes it)",
			res.StartsAt.In(loc).Format("15:04"), imp.StartsAt.In(loc).Format("15:04"), a.Meeting.Date))
	}
	return a, res, err
}

// agendaImport turns a parsed agenda into records for c, in c's time zone.
func agendaImport(c Committee, a *minutes.Agenda, text string) (AgendaImport, []string, error) {
	loc := c.Location()
	var warnings []string
	day, err := time.ParseInLocation("2006-01-02", a.Meeting.Date, loc)
	if err != nil {
		return AgendaImport{}, nil, userErr("I could not find the meeting's date in that agenda (found %q).", Escape(a.Meeting.Date))
	}
	clock := DefaultMeetingTime
	if a.Meeting.Time != "" {
		if cl, n, err := takeClock([]string{a.Meeting.Time}); err == nil && n == 1 {
			clock = cl
		}
	} else {
		warnings = append(warnings, fmt.Sprintf(noStartTime+"; assumed %s (`/meeting time %s TIME` sets it)", clock, a.Meeting.Date))
	}
	imp := AgendaImport{
		CommitteeID:  c.ID,
		SHA256:       documentHash(text),
		FormerSHA256: formerHashes(text),
		StartsAt:     DateOf(day, loc).At(clock, loc),
		Venue:        clip(a.Meeting.Venue, MaxVenueLen),
	}
	// A time the clocks skip, which /meeting schedule refuses, is taken
	// as the time it becomes (01:30 as 02:30) rather than the agenda
	// refused for it; the officer is told.
	if w := skippedTime(a.Meeting.Date, clock, imp.StartsAt, loc); w != "" {
		warnings = append(warnings, w)
	}
	seen := map[string]bool{}
	for _, it := range a.Items {
		n, err := ParseItemNumber(it.Number)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("item %q skipped: not an agenda number", it.Number))
			continue
		}
		if seen[n.String()] {
			warnings = append(warnings, fmt.Sprintf("item %s appears twice; the first is kept", n))
			continue
		}
		seen[n.String()] = true
		refs := make([]string, 0, len(it.References))
		for _, r := range it.References {
			refs = append(refs, clip(r, MaxTitleLen))
		}
		imp.Items = append(imp.Items, AgendaItem{
			Number: n.String(), Title: clip(it.Title, MaxTitleLen),
			Presenter: clip(it.Presenter, MaxPresenterLen), Organisation: clip(it.Organisation, MaxNameLen),
			Description: clip(it.Description, 4000), References: refs,
		})
	}
	SortItems(imp.Items)
	var untimed []string
	for _, next := range a.NextMeetings {
		t, err := time.ParseInLocation("2006-01-02T15:04", next, loc)
		if err != nil {
			// Programmes often print the dates alone ("11 March 2027, 13
			// May 2027"), the committee meeting at its usual time: that of
			// the meeting the agenda is for. A day already scheduled keeps
			// its own time (see ensureMeeting).
			d, derr := time.ParseInLocation("2006-01-02", next, loc)
			if derr != nil {
				warnings = append(warnings, fmt.Sprintf("next meeting %q skipped: not a date and time", next))
				continue
			}
			t = DateOf(d, loc).At(clock, loc)
			if t.After(imp.StartsAt) {
				untimed = append(untimed, next)
			}
		}
		if t.After(imp.StartsAt) {
			imp.Future = append(imp.Future, t)
			if day, hm, ok := strings.Cut(next, "T"); ok {
				if cl, n, err := takeClock([]string{hm}); err == nil && n == 1 {
					if w := skippedTime(day, cl, t, loc); w != "" {
						warnings = append(warnings, w)
					}
				}
			}
		}
	}
	if len(untimed) > 0 {
		warnings = append(warnings, fmt.Sprintf("the programme prints no time for %s; unless already scheduled, %s added at %s, this meeting's time (`/meeting time %s TIME` changes one)",
			strings.Join(untimed, ", "), plural(len(untimed), "it is", "they are"), clock, untimed[0]))
	}
	if c.StandardItems {
		imp.FutureItems = standardItems()
	}
	return imp, warnings, nil
}

// skippedTime warns of a meeting on day at clock that the clocks skip
// (01:30 on the night they go forward), so that it is at starts, an hour
// later; "" when the time is the agenda's.
func skippedTime(day string, clock Clock, starts time.Time, loc *time.Location) string {
	if got := starts.In(loc); got.Hour() == clock.Hour && got.Minute() == clock.Minute {
		return ""
	}
	return fmt.Sprintf("there is no %s on %s: the clocks go forward that night; the meeting is at %s (`/meeting time %s TIME` changes it)",
		clock, day, starts.In(loc).Format("15:04"), day)
}

// documentHash identifies a document's text whatever its line endings,
// trailing spaces and byte order mark (which Notepad and Word write at the
// start of text saved as UTF-8, and a copy pasted from a page has not), so
// that a copy pasted or saved again counts as the same.
func documentHash(text string) string {
	return hashLines(strings.ReplaceAll(text, "\uFEFF", ""))
}

// formerHashes are the hashes that text, or the same text saved with a
// byte order mark, was stored under before documentHash left the mark
// out: an agenda imported then is still "imported before". The one of the
// text without a mark is documentHash's, and is not repeated.
func formerHashes(text string) []string {
	now := documentHash(text)
	var out []string
	for _, h := range []string{hashLines(text), hashLines("\uFEFF" + strings.TrimLeft(text, "\uFEFF"))} {
		if h != now && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// hashLines is the hash of text with its line endings and trailing spaces
// made one.
func hashLines(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(strings.Join(lines, "\n"))))
	return hex.EncodeToString(sum[:])
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

const importFormID = "agenda.import"

// agendaBoxes is how many text areas the agenda form has: Slack's hold 3000
// characters each, and a published agenda fits in two.
const agendaBoxes = 2

func openImportAgendaForm(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	// `confirm` last lets the agenda pasted take items off the meeting's
	// agenda (see itemsGoing); a slip of it is not taken for it.
	args, confirmed, err := takeConfirm(in.Args, "/agenda import")
	if err != nil {
		return Reply{}, err
	}
	in.Args = args
	d, n, err := in.takeDate()
	if err != nil {
		return Reply{}, err
	}
	if n != len(in.Args) {
		loc := c.Location()
		if err := nextAndDate("/agenda import", "", in.Args, in.Now, loc); err != nil {
			return Reply{}, badArgs(err)
		}
		if n == 0 {
			if err := relativeDay(dayWords(in.Args), in.Now, loc, 0); err != nil {
				return Reply{}, badArgs(err)
			}
		}
		return Reply{}, usageErr("I don't know `%s`: only a date and `confirm` may follow `/agenda import`.", Escape(truncateText(strings.Join(in.Args[n:], " "), 40)))
	}
	// The form carries the date it was opened for, so that an agenda of
	// another meeting pasted into it by mistake is refused, and whether
	// the officer confirmed that items may go.
	into, day := c.Name, ""
	if !d.IsNext() {
		into += ", for the meeting on " + d.String()
		day = d.Start(time.UTC).Format("2006-01-02")
	}
	// And the committee ("c3"): opened in a direct message, the channel
	// does not say which it is.
	meta := strings.TrimSpace(day + " c" + strconv.FormatInt(c.ID, 10))
	if confirmed {
		meta += " confirm"
		into += "; items it does not have are taken off the agenda"
	}
	if day != "" {
		// The meeting that day, if one is scheduled, goes with the form
		// too ("#12"), so that one moved off the day while the form is
		// open is not given a new meeting in its place.
		if ms, err := s.store.Meetings(ctx, c.ID, d.Start(c.Location()), d.Start(c.Location()).AddDate(0, 0, 1)); err != nil {
			return Reply{}, err
		} else if m, ok := scheduledOf(ms); ok {
			meta += " #" + strconv.FormatInt(m.ID, 10)
		}
	}
	return Reply{Visibility: Private, Text: "Paste the published agenda into the form. (Where no form opens, import the file with `quorum import agenda FILE --committee NAME`.)", Form: &Form{
		ID: importFormID, Title: "Import an agenda", Submit: "Import", Metadata: meta,
		Fields: pasteFields("Agenda text",
			"Paste the agenda as published: title, date, time, venue and the numbered items. It is imported into "+into+".", agendaBoxes),
	}}, nil
}

// submitImportForm imports the agenda pasted into the form.
func submitImportForm(ctx context.Context, s *Service, r Request, sub Submission) (Reply, map[string]string, error) {
	// The metadata is the date the form was opened for, `confirm`, the
	// meeting that day ("#12"), each when there is one, and the committee
	// ("c3"); forms opened before `confirm`, the meeting or the committee
	// were carried hold less.
	var day string
	var confirm bool
	var opened, committeeID int64
	for _, f := range strings.Fields(sub.Metadata) {
		switch {
		case f == "confirm":
			confirm = true
		case strings.HasPrefix(f, "#"):
			opened, _ = strconv.ParseInt(f[1:], 10, 64)
		case strings.HasPrefix(f, "c"):
			committeeID, _ = strconv.ParseInt(f[1:], 10, 64)
		default:
			day = f
		}
	}
	c, _, err := s.admitCarried(ctx, r, committeeID, Officers, "import agendas")
	if err != nil {
		return Reply{}, nil, err
	}
	if committeeID > 0 && c.ID != committeeID {
		return Reply{}, nil, userErr("That form belongs to another committee's channel; nothing was imported.")
	}
	var a *minutes.Agenda
	var res AgendaImportResult
	var ask func(AgendaGoing) error
	if !confirm {
		ask = askBeforeItemsGo(c, day)
	}
	fieldErrs, err := importPasted(sub, agendaBoxes, "Paste the agenda's text here.", func(text string) (err error) {
		if read, err := minutes.ParseAgenda(text); err == nil && read.Meeting.Date != "" {
			if day != "" && read.Meeting.Date != day {
				return userErr("That is the agenda of the meeting on %s, not of the one on %s; nothing was imported. Paste that meeting's agenda, or run `/agenda import` again.",
					dayName(read.Meeting.Date), dayName(day))
			}
			if err := s.agendaStillOpen(ctx, c, read.Meeting.Date, opened); err != nil {
				return err
			}
		}
		a, res, err = importAgenda(ctx, s.store, c, text, r.UserID, r.Now, ask)
		return err
	})
	if fieldErrs != nil || err != nil {
		return Reply{}, fieldErrs, err
	}
	text := AgendaImportSummary(c, a, res)
	// An agenda pasted from a council's site may be of a meeting long
	// gone, pasted to fill the next one's: the agenda's own day decides,
	// so the officer is told the next meeting's agenda did not change.
	if held, err := time.ParseInLocation("2006-01-02", a.Meeting.Date, c.Location()); err == nil && !res.Unchanged && held.AddDate(0, 0, 1).Before(r.Now) {
		// The import is saved by now: a failure to read the next meeting
		// leaves the note out rather than say nothing was imported.
		if next, err := s.store.NextMeeting(ctx, c.ID, r.Now); err == nil {
			text += fmt.Sprintf("\nThat meeting is past: the agenda of the next meeting, on %s, is as it was (`/agenda` shows it).", formatDay(next.StartsAt, c.Location()))
		}
	}
	return private("%s", text), nil, nil
}

// agendaStillOpen refuses, for the form, the agenda of a meeting on day
// ("2026-12-10") that was cancelled or held in Quorum, as `/agenda add`
// refuses a change to it, and, when the form was opened for the meeting
// opened (its ID, or 0), that meeting moved off the day or gone: the
// import would otherwise schedule a second meeting in its place. The file
// import (`quorum import agenda`) keeps taking them, for the record.
// Opening the meeting is settled again as the agenda is written.
func (s *Service) agendaStillOpen(ctx context.Context, c Committee, day string, opened int64) error {
	loc := c.Location()
	t, err := time.ParseInLocation("2006-01-02", day, loc)
	if err != nil {
		return nil // importAgenda says what is wrong with it
	}
	const refused = "its agenda cannot be changed, and nothing was imported"
	if opened > 0 {
		m, err := s.store.Meeting(ctx, opened)
		switch {
		case errors.Is(err, ErrNotFound):
			return userErr("The meeting on %s is no longer on the calendar; nothing was imported.", formatDay(t, loc))
		case err != nil:
			return err
		case m.Status != MeetingCancelled && DateOf(m.StartsAt, loc) != DateOf(t, loc):
			return userErr("The meeting on %s has moved to %s since this form opened; nothing was imported.", formatDay(t, loc), describeMeeting(m, loc))
		}
	}
	ms, err := s.store.Meetings(ctx, c.ID, t, t.AddDate(0, 0, 1))
	if err != nil || len(ms) == 0 {
		return err
	}
	m, ok := scheduledOf(ms)
	if !ok {
		return userErr("The meeting on %s was cancelled; %s.", formatDay(ms[0].StartsAt, loc), refused)
	}
	return s.notUnderWay(ctx, c, m, refused)
}

// scheduledOf is the first of ms not cancelled.
func scheduledOf(ms []Meeting) (Meeting, bool) {
	for _, m := range ms {
		if m.Status != MeetingCancelled {
			return m, true
		}
	}
	return Meeting{}, false
}

// takeConfirm takes `confirm` off the end of args, the words after form
// ("/agenda import"), reporting whether it was there. A slip of it is
// refused with the form meant, not taken for it: it lets records go.
func takeConfirm(args []string, form string) ([]string, bool, error) {
	k := len(args) - 1
	if k < 0 {
		return args, false, nil
	}
	switch w := strings.ToLower(args[k]); {
	case w == "confirm":
		return args[:k], true, nil
	case oneEdit(w, "confirm"):
		return nil, false, usageErr("Only `confirm` may follow the date: did you mean `%s%s confirm`?", form, Escape(prefixed(" ", strings.Join(args[:k], " "))))
	}
	return args, false, nil
}

// askBeforeRecordsGo refuses an agenda imported from a file that would
// take off the agenda of its day's meeting items with declarations of
// interest or report links on record (AgendaImportOptions.Replace), as
// askBeforeItemsGo does for the form; items with nothing on record go
// without a word, as a revised agenda replaces the items that changed.
func askBeforeRecordsGo(c Committee) func(AgendaGoing) error {
	return func(g AgendaGoing) error {
		var going []string
		for _, cur := range g.Items {
			if records := recordsText(cur, g.Declarations, g.ReportLinks); records != "" {
				going = append(going, itemGoing(cur, records))
			}
		}
		if len(going) == 0 {
			return nil
		}
		return userErr("This agenda would take %d %s with records off the agenda for %s: %s. Nothing was imported. To import it all the same, run `quorum import agenda FILE --committee \"%s\" --replace`; what the items have stays on record, under the items removed.",
			len(going), plural(len(going), "item", "items"), formatDay(g.StartsAt, c.Location()), goingList(going), c.Name)
	}
}

// askBeforeItemsGo refuses, until the officer confirms, an agenda that
// would take items off the agenda of its day's meeting: a short paste over
// a full agenda would otherwise replace it without a word, and the
// declarations and report links on the items taken off would be left
// under removed items. It says which items would go, and what is on
// record for them, as `/agenda remove` does for one. Standard items with
// nothing on record, which every new meeting starts with, go without
// asking. day is the date the form was opened for, if any. It is asked
// as the import writes (AgendaImport.Ask), not before: an item added, or
// a declaration made on one, while the import waits for the agenda would
// otherwise go unasked.
func askBeforeItemsGo(c Committee, day string) func(AgendaGoing) error {
	return func(g AgendaGoing) error {
		going := itemsGoing(g)
		if len(going) == 0 {
			return nil
		}
		loc := c.Location()
		again := "/agenda import confirm"
		if day != "" {
			again = "/agenda import " + DateOf(g.StartsAt, loc).String() + " confirm"
		}
		return userErr("This agenda would take %d %s off the agenda for %s: %s. Nothing was imported. To import it all the same, run `%s` and paste it again; what the items have stays on record, under the items removed.",
			len(going), plural(len(going), "item", "items"), formatDay(g.StartsAt, loc), goingList(going), again)
	}
}

// goingList joins the items an import would take off (itemGoing), the
// first ten of them and how many more.
func goingList(going []string) string {
	if len(going) > 10 {
		return strings.Join(going[:10], "; ") + fmt.Sprintf("; and %d more", len(going)-10)
	}
	return strings.Join(going, "; ")
}

// itemGoing describes item cur, going with records (recordsText): "7.5
// SWACA — Kate Ellis (SWACA), with 1 declaration of interest (Neil
// Frackelton, personal)".
func itemGoing(cur AgendaItem, records string) string {
	line := Escape(cur.Number) + " " + Escape(cur.Title)
	if who := presenterText(cur); who != "" {
		line += " — " + who
	}
	if records != "" {
		line += ", with " + records
	}
	return line
}

// itemsGoing describes the items an import would take off (g.Items), but
// for standard items with nothing on record: "7.5 SWACA — Kate Ellis
// (SWACA), with 1 declaration of interest (Neil Frackelton, personal)".
func itemsGoing(g AgendaGoing) []string {
	var out []string
	for _, cur := range g.Items {
		records := recordsText(cur, g.Declarations, g.ReportLinks)
		if cur.Standard && records == "" {
			continue
		}
		out = append(out, itemGoing(cur, records))
	}
	return out
}

// dayName is an ISO day as people read it: "Thursday 11 February 2027".
func dayName(iso string) string {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return t.Format("Monday 2 January 2006")
	}
	return Escape(iso)
}

// AgendaImportSummary says in a few lines what an agenda import did.
func AgendaImportSummary(c Committee, a *minutes.Agenda, res AgendaImportResult) string {
	loc := c.Location()
	var b strings.Builder
	when := "the meeting"
	if day, err := time.ParseInLocation("2006-01-02", a.Meeting.Date, loc); err == nil {
		when = "the meeting on " + formatDay(day, loc)
	}
	if res.Unchanged {
		fmt.Fprintf(&b, "That agenda of *%s* for %s was imported before; nothing changed.", Escape(c.Name), when)
	} else {
		fmt.Fprintf(&b, "Imported the agenda of *%s* for %s: %d %s", Escape(c.Name), when, len(a.Items), plural(len(a.Items), "item", "items"))
		var done []string
		if res.ItemsMoved > 0 {
			done = append(done, fmt.Sprintf("%d %s renumbered", res.ItemsMoved, plural(res.ItemsMoved, "item", "items")))
		}
		if res.ItemsChanged > 0 {
			done = append(done, fmt.Sprintf("%d %s changed in place", res.ItemsChanged, plural(res.ItemsChanged, "item", "items")))
		}
		if res.ItemsRemoved > 0 {
			done = append(done, fmt.Sprintf("%d earlier %s replaced", res.ItemsRemoved, plural(res.ItemsRemoved, "item", "items")))
		}
		if len(done) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(done, ", "))
		}
		b.WriteString(".")
		if res.MeetingCreated {
			b.WriteString(" The meeting was added to the calendar.")
		}
		if res.FutureAdded > 0 {
			// Later than the agenda's, which may itself be long past.
			fmt.Fprintf(&b, " %d later %s of its programme added.", res.FutureAdded, plural(res.FutureAdded, "meeting", "meetings"))
		}
	}
	for _, p := range res.PresentersRead {
		// Said, so that a wrong guess is put right.
		fmt.Fprintf(&b, "\nItem %s: “%s” read as %s, a member; if it is someone else, `/agenda edit %s %s — NAME` sets it.",
			Escape(p.Number), Escape(p.Printed), Escape(p.Member), a.Meeting.Date, Escape(p.Number))
	}
	for _, k := range res.CorrectionsKept {
		// By the number the agenda now gives it, which a revision
		// inserting an item before it has moved on.
		fmt.Fprintf(&b, "\nItem %s keeps %s, %s; the agenda still prints %s.",
			Escape(k.Now.Number), correctionText(k.Item, k.Printed), k.setText(loc), correctionText(k.Printed, k.Item))
	}
	agenda := "agenda"
	if res.Revised {
		agenda = "revised agenda"
	}
	for _, r := range res.CorrectionsReplaced {
		// By the number the agenda now gives it, as above.
		fmt.Fprintf(&b, "\nItem %s now reads %s, as the %s prints it, in place of %s, %s.",
			Escape(r.Now.Number), correctionText(r.Now, r.Item), agenda, correctionText(r.Item, r.Now), r.setText(loc))
	}
	b.WriteString(headedNote(a.Meeting.Committee, c))
	for i, w := range a.Warnings {
		if i == 5 {
			fmt.Fprintf(&b, "\n… and %d more warnings.", len(a.Warnings)-5)
			break
		}
		fmt.Fprintf(&b, "\nWarning: %s", Escape(w))
	}
	return b.String()
}

// setText says how the correction was set: "set with `/agenda edit` by
// <@U…> on Tuesday 1 March 2022". Who is named, as an officer may have
// corrected an item for another, or someone else before the import.
func (c AgendaCorrection) setText(loc *time.Location) string {
	by := ""
	if c.By != "" {
		by = " by " + personText(c.By, "")
	}
	return fmt.Sprintf("set with `%s`%s on %s", c.With, by, formatDay(c.At, loc))
}

// correctionText is what of item it reads other than other: its title in
// quotes, its presenter (presenterText), or both, "“Title” — Presenter".
func correctionText(it, other AgendaItem) string {
	title := "“" + Escape(it.Title) + "”"
	who := presenterText(it)
	if who == "" {
		who = "no presenter"
	}
	switch {
	case it.Title == other.Title:
		return who
	case it.Presenter == other.Presenter && it.Organisation == other.Organisation:
		return title
	}
	return title + " — " + who
}
