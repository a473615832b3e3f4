package commands

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quorumhq/quorum/minutes"
)

// Minute is one numbered minute of a meeting: its title, what was RESOLVED
// under it, word for word, and the minutes it refers back to.
type Minute struct {
	ID            int64
	CommitteeID   int64
	CommitteeName string
	MeetingID     int64
	HeldOn        Date // the meeting's day in the committee's time zone
	Number        string
	Title         string
	Narrative     string
	Resolutions   []Resolution
	References    []string
	// Imported: read from a published document, whose text is the
	// record; After is the end of its Narrative that the document prints
	// after the resolutions, shown after them as printed. Both are set
	// only where the minutes are compiled (MeetingMinutes).
	Imported bool
	After    string
	// Highlight and Passage are set by searches: the resolution text, and
	// passages of the narrative, with each matched word between
	// HighlightStart and HighlightStop.
	Highlight string
	Passage   string
	// Draft: written in Quorum and not yet confirmed as a correct record.
	Draft bool
	Item  string // the agenda item of a minute written in Quorum
	// Actions are the actions agreed under the minute as they stand, a
	// line each: set by the look-ups that show it (withActions).
	Actions []string
	// FollowUps are the actions added under the minute after its minutes
	// were confirmed, which the meeting did not agree, a line each saying
	// who added them and when (withActions).
	FollowUps []string
	// Note is what the minutes print under the minute's decision when it
	// was recorded while the meeting was inquorate (inquorateResolutions),
	// set by the look-ups that show it (withNotes); "" otherwise.
	Note string
}

// Resolution is one RESOLVED block of a minute, with its numbered parts.
type Resolution struct {
	ID    int64
	Body  string // "That (1) the reports be noted; (2) …"
	Parts []string
	// RecordedAs is the word the minutes record it under, as a label:
	// "RESOLVED" (also when empty), a cabinet's "DECISION", a board's
	// "AGREED", "NOTED" when what was noted is the minute's outcome, a
	// Northern Irish council committee's "RECOMMENDED" to the Council, or
	// "RESOLVED FURTHER" (or "FURTHER RESOLVED") over a resolution that
	// goes on from the one before.
	RecordedAs string
	// After is, of an imported minute's resolution, the part of its
	// Narrative the document prints after it and before the next one;
	// set only where the minutes are compiled (MeetingMinutes).
	After string
}

// recordedWords are the words a resolution may be recorded under.
var recordedWords = map[string]bool{"RESOLVED": true, "DECISION": true, "AGREED": true, "NOTED": true, "RECOMMENDED": true,
	"RESOLVED FURTHER": true, "FURTHER RESOLVED": true}

// Word is the label r is quoted under: "RESOLVED", or the word the minutes
// printed instead ("DECISION").
func (r Resolution) Word() string {
	if r.RecordedAs == "" {
		return "RESOLVED"
	}
	return r.RecordedAs
}

// Word is the label m's resolutions are quoted under together: the word
// they share, or "RESOLVED" when they are recorded under different ones.
func (m Minute) Word() string {
	if len(m.Resolutions) == 0 {
		return "RESOLVED"
	}
	w := m.Resolutions[0].Word()
	for _, r := range m.Resolutions[1:] {
		if r.Word() != w {
			return "RESOLVED"
		}
	}
	return w
}

// words is the word of each of m's resolutions when they are recorded
// under different ones, and nil when they share one (Word).
func (m Minute) words() []string {
	out := make([]string, len(m.Resolutions))
	shared := true
	for i, r := range m.Resolutions {
		out[i] = r.Word()
		shared = shared && out[i] == out[0]
	}
	if shared {
		return nil
	}
	return out
}

// Markers around matched words in Minute.Highlight. Imported text never
// holds them (ImportMinutes strips control characters), so a marker in a
// highlight was put there by the search.
const (
	HighlightStart = "\x01"
	HighlightStop  = "\x02"
)

// Resolved is the minute's resolution text, one block a line.
func (m Minute) Resolved() string {
	bodies := make([]string, len(m.Resolutions))
	for i, r := range m.Resolutions {
		bodies[i] = r.Body
	}
	return strings.Join(bodies, "\n")
}

// DeclaredInterest is a declaration of interest as the minutes record it.
type DeclaredInterest struct {
	Name   string
	Item   string
	Kind   string // "pecuniary", "personal" or "other"
	Nature string
}

// MinutesRecord is a minutes document ready to store: the meeting it
// records and everything read from it.
type MinutesRecord struct {
	CommitteeID int64
	// The meeting is the committee's meeting on the day [DayStart, DayEnd);
	// if there is none, one is made at StartsAt.
	DayStart, DayEnd time.Time
	StartsAt         time.Time
	HeldOn           Date
	Venue            string
	// Hash identifies the document's content: the same minutes imported
	// twice have the same hash.
	Hash         string
	Body         string
	Record       []byte // what was read, as JSON
	Present      []string
	InAttendance []string // officers advising the meeting, "In attendance:"
	Absent       []string // marked absent without apologies
	Closing      string   // when the meeting closed, as printed
	Apologies    []Apology
	Declarations []DeclaredInterest
	Minutes      []Minute
	// Actions are the actions the minutes give people, open, under their
	// minutes by number; an owner who is a member has OwnerUser set.
	Actions []ActionPoint
	By      string
	// ReplaceDrafts lets the document replace minutes of the meeting
	// drafted in Quorum and not yet confirmed; without it the import is
	// refused with a *DraftMinutesError. The drafts replaced are kept, with
	// their history and comments, in the audit log.
	ReplaceDrafts bool
	// SkipActions stores the minutes without their actions (MinutesImportOptions).
	SkipActions bool
	// At is when the import was asked for: the drafts it replaces are
	// logged then (zero: the database's now).
	At time.Time
	// actionNotes are the import's notes on Actions (owners who are no
	// member, days not printed), said only if they are added.
	actionNotes []string
}

// MinutesImportOptions are how an import treats what Quorum holds already.
type MinutesImportOptions struct {
	// ReplaceDrafts: see MinutesRecord.ReplaceDrafts.
	ReplaceDrafts bool
	// SkipActions leaves the actions the minutes print out: an archive of
	// a committee's minutes is imported without them, and then its latest
	// minutes again with them, since each set of minutes prints the
	// actions outstanding when it was written, and only the latest are.
	SkipActions bool
	// At is when the import was asked for (MinutesRecord.At).
	At time.Time
}

// DraftMinutesError refuses an import that would replace minutes drafted
// in Quorum and not yet confirmed: the officer's work is not thrown away
// unless they say so (MinutesRecord.ReplaceDrafts).
type DraftMinutesError struct {
	MeetingID int64
	Numbers   []string // the draft minutes, in order
	Comments  int      // corrections proposed on them
}

func (e *DraftMinutesError) Error() string {
	return fmt.Sprintf("meeting %d has draft minutes %s written in quorum", e.MeetingID, strings.Join(e.Numbers, ", "))
}

// Unwrap makes the refusal a conflict, as the refusal over minutes
// confirmed in Quorum is.
func (e *DraftMinutesError) Unwrap() error { return ErrConflict }

// ImportOutcome says what importing a minutes document changed.
type ImportOutcome string

// Import outcomes.
const (
	MinutesImported  ImportOutcome = "imported"  // a new document
	MinutesReplaced  ImportOutcome = "replaced"  // a re-issued version replaced the earlier one
	MinutesUnchanged ImportOutcome = "unchanged" // this document was already imported
)

// MinutesImport is the result of ImportMinutes.
type MinutesImport struct {
	Outcome   ImportOutcome
	Committee Committee
	MeetingID int64
	HeldOn    Date
	Read      *minutes.Minutes
	// Notes are corrections the import made to what was read (numbers
	// printed twice, declarations without a nature, actions whose owner
	// is no member); they are also added to Read.Warnings.
	Notes []string
	// Actions is how many of the minutes' actions were imported, and
	// ActionsKnown how many were on record already (imported before).
	Actions, ActionsKnown int
}

// MinutesStored is what the store did with a MinutesRecord.
type MinutesStored struct {
	Outcome   ImportOutcome
	MeetingID int64
	// ActionsAdded is how many of the record's actions were new; the
	// others were on record under the meeting already.
	ActionsAdded int
	// LaterMinutes, when set, is the start of a later meeting of the
	// committee whose minutes are on record: the record's actions were not
	// added, as that meeting's are the ones outstanding.
	LaterMinutes time.Time
}

// Limits on what an import stores.
const (
	maxTitleLen     = 1000
	maxPresentLen   = 300
	maxNatureLen    = 1000
	maxMinuteNumLen = 16
)

// ImportMinutes reads text as the minutes of a meeting of c and stores
// them: the meeting (made if Quorum does not know it, marked held), those
// present, apologies, declarations and every numbered minute. Importing the
// same minutes again changes nothing; a re-issued version replaces the
// earlier one. by names who imported them.
// Minutes of the meeting drafted in Quorum and not yet confirmed are not
// replaced: the import is refused, naming them.
func (s *Service) ImportMinutes(ctx context.Context, c Committee, text, by string) (MinutesImport, error) {
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return MinutesImport{}, err
	}
	read, err := readMinutes(text, members)
	if err != nil {
		return MinutesImport{}, err
	}
	if err := datedMinutes(read); err != nil {
		return MinutesImport{}, err
	}
	return s.storeMinutes(ctx, c, read, text, by, MinutesImportOptions{})
}

// ImportMinutesOf is ImportMinutes for the committee called name, which is
// made (without a channel) if Quorum does not know it. Text that holds no
// minutes makes nothing.
func (s *Service) ImportMinutesOf(ctx context.Context, name, text, by string) (MinutesImport, error) {
	return s.ImportMinutesWith(ctx, name, text, by, MinutesImportOptions{})
}

// ImportMinutesOfReplacingDrafts is ImportMinutesOf for an officer who
// has been told that the meeting's minutes are being drafted in Quorum
// and wants the published ones instead: the drafts are replaced (and kept
// in the audit log).
func (s *Service) ImportMinutesOfReplacingDrafts(ctx context.Context, name, text, by string) (MinutesImport, error) {
	return s.ImportMinutesWith(ctx, name, text, by, MinutesImportOptions{ReplaceDrafts: true})
}

// ImportMinutesWith is ImportMinutesOf with opts.
func (s *Service) ImportMinutesWith(ctx context.Context, name, text, by string, opts MinutesImportOptions) (MinutesImport, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || utf8.RuneCountInString(name) > MaxNameLen {
		return MinutesImport{}, userErr("Give the committee's name (at most %d characters).", MaxNameLen)
	}
	// The members of a committee Quorum knows help read who acts in an
	// action table; one it does not know is made only once the minutes
	// are read.
	var members []Member
	switch known, err := s.store.CommitteeByName(ctx, name); {
	case err == nil:
		if members, err = s.store.Members(ctx, known.ID); err != nil {
			return MinutesImport{}, err
		}
	case !errors.Is(err, ErrNotFound):
		return MinutesImport{}, err
	}
	read, err := readMinutes(text, members)
	if err != nil {
		return MinutesImport{}, err
	}
	// Minutes with no date cannot be stored: refuse them before the
	// committee is made.
	if err := datedMinutes(read); err != nil {
		return MinutesImport{}, err
	}
	c, err := ImportCommittee(ctx, s.store, name, by)
	if err != nil {
		return MinutesImport{}, err
	}
	return s.storeMinutes(ctx, c, read, text, by, opts)
}

// ImportCommittee is the committee called name for an import from the
// command line, made if there is none (EnsureCommittee); a name that is
// near another committee's, or reads the same, is refused with the names
// it may mean and how to make a new committee of that name all the same:
// set up in Slack, where an officer chooses it, it is there for the
// import to find.
func ImportCommittee(ctx context.Context, store interface {
	EnsureCommittee(ctx context.Context, name, by string) (Committee, error)
}, name, by string) (Committee, error) {
	c, err := store.EnsureCommittee(ctx, name, by)
	var near *NearName
	var alike *LookAlike
	var names []string
	switch {
	case errors.As(err, &near):
		names = near.Names
	case errors.As(err, &alike):
		names = []string{alike.Name}
	default:
		return c, err
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = `"` + Escape(n) + `"`
	}
	name = Escape(NormalizeName(name))
	return Committee{}, userErr(`No committee is called "%s"; did you mean %s? Nothing was imported. Give the committee's name as it is (--committee %s); to import into a new committee called "%s", set it up first with /committee setup %s in its Slack channel.`,
		name, joinOr(quoted), quoted[0], name, name)
}

// ReadMinutes reads minutes from text, as an import would, writing
// nothing: minutes the import would refuse, for what the text holds, are
// refused in the same words.
func ReadMinutes(text string) (*minutes.Minutes, error) {
	read, err := readMinutes(text, nil)
	if err != nil {
		return nil, err
	}
	if err := datedMinutes(read); err != nil {
		return nil, err
	}
	return read, nil
}

// datedMinutes refuses minutes whose date could not be read, or is
// printed and is no day of the calendar: they would be filed under a day
// the meeting was not held on, if any.
func datedMinutes(read *minutes.Minutes) error {
	if read.Meeting.NotADate != "" {
		return errNotADate("The minutes are", read.Meeting.NotADate)
	}
	if _, err := time.Parse("2006-01-02", read.Meeting.Date); err != nil {
		return errNoMinutesDate()
	}
	return nil
}

// errNotADate refuses a document dated printed, which is no real date;
// subject says which ("The minutes are").
func errNotADate(subject, printed string) error {
	return userErr("%s dated “%s”, which is not a real date, so nothing was imported. Correct the date in the document and import it again.", subject, Escape(printed))
}

// readMinutes parses text, knowing the committee's members, turning the
// parser's refusals into sentences.
func readMinutes(text string, members []Member) (*minutes.Minutes, error) {
	names := make([]string, 0, len(members))
	for _, m := range members {
		names = append(names, m.Name)
	}
	read, err := minutes.ParseMinutesWith(text, minutes.Options{People: names})
	switch {
	case errors.Is(err, minutes.ErrNoMinutes):
		if a, err := minutes.ParseAgenda(text); err == nil && len(a.Items) > 0 {
			return nil, userErr("I could not find any numbered minutes in that text: it looks like an agenda, so import it as an agenda.")
		}
		return nil, userErr("I could not find any numbered minutes in that text.")
	case errors.Is(err, minutes.ErrTooLarge):
		return nil, userErr("That document is too large to import (the limit is %d MB).", minutes.MaxInputSize>>20)
	case err != nil:
		return nil, userErr("I could not read those minutes: %s.", err)
	}
	return read, nil
}

func (s *Service) storeMinutes(ctx context.Context, c Committee, read *minutes.Minutes, text, by string, opts MinutesImportOptions) (MinutesImport, error) {
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return MinutesImport{}, err
	}
	rec, notes, err := minutesRecord(c, read, text, by, members)
	if err != nil {
		return MinutesImport{}, err
	}
	rec.ReplaceDrafts, rec.SkipActions, rec.At = opts.ReplaceDrafts, opts.SkipActions, opts.At
	stored, err := s.store.ImportMinutes(ctx, rec)
	var drafts *DraftMinutesError
	if errors.As(err, &drafts) {
		return MinutesImport{}, draftMinutesRefusal(c, rec.HeldOn, drafts)
	}
	if errors.Is(err, ErrConflict) {
		return MinutesImport{}, userErr("The minutes of the meeting on %s were confirmed as a correct record in Quorum and can no longer be changed: they were not replaced by these. %s", formatDay(rec.HeldOn.Start(c.Location()), c.Location()), correctionWay(rec.HeldOn))
	}
	if err != nil {
		return MinutesImport{}, err
	}
	im := MinutesImport{Outcome: stored.Outcome, Committee: c, MeetingID: stored.MeetingID, HeldOn: rec.HeldOn, Read: read,
		Actions: stored.ActionsAdded, ActionsKnown: len(rec.Actions) - stored.ActionsAdded}
	if skipped := actionsNotAdded(c, rec, stored); skipped != "" {
		notes = append(notes, skipped)
		im.ActionsKnown = 0
	} else {
		notes = append(notes, rec.actionNotes...)
	}
	im.Notes = notes
	read.Warnings = append(read.Warnings, notes...)
	return im, nil
}

// actionsNotAdded says why the actions rec prints were not added, or
// nothing when they were (or it prints none).
func actionsNotAdded(c Committee, rec MinutesRecord, stored MinutesStored) string {
	what := fmt.Sprintf("The %d actions these minutes print were", len(rec.Actions))
	if len(rec.Actions) == 1 {
		what = "The action these minutes print was"
	}
	switch {
	case len(rec.Actions) == 0:
		return ""
	case rec.SkipActions:
		return what + " not added: the actions still outstanding are those of the latest minutes, which are imported with theirs."
	case !stored.LaterMinutes.IsZero():
		loc := c.Location()
		return fmt.Sprintf("%s not added: the minutes of a later meeting, on %s, are on record, and the actions still outstanding are theirs.", what, formatDay(stored.LaterMinutes.In(loc), loc))
	}
	return ""
}

// draftMinutesRefusal says which minutes drafted in Quorum an import
// would have replaced, and how to go on: replace them on purpose, or keep
// them.
func draftMinutesRefusal(c Committee, held Date, e *DraftMinutesError) error {
	loc := c.Location()
	which := "minute " + e.Numbers[0]
	if len(e.Numbers) > 1 {
		which = "minutes " + joinAnd(e.Numbers)
	}
	comments := ""
	switch {
	case e.Comments == 1:
		comments = ", with 1 correction proposed"
	case e.Comments > 1:
		comments = fmt.Sprintf(", with %d corrections proposed", e.Comments)
	}
	return userErr("The minutes of the meeting on %s are being drafted in Quorum (%s, not yet confirmed%s): "+
		"these published minutes would replace them, so they were not imported. "+
		"To replace the drafts with the published minutes, import them with `quorum import minutes FILE --committee \"%s\" --replace-drafts` "+
		"(the drafts are kept in the audit log); to keep the drafts, leave these out.",
		formatDay(held.Start(loc), loc), Escape(which), comments, Escape(c.Name))
}

func errNoMinutesDate() error {
	return userErr("I could not find the date of the meeting in those minutes; it is usually in the heading (\"… held on 9 December 2021\").")
}

// minutesRecord turns what the parser read into the record to store,
// checking what the database requires and noting what it had to correct.
// An action's owner named as one of members is that member.
func minutesRecord(c Committee, read *minutes.Minutes, text, by string, members []Member) (MinutesRecord, []string, error) {
	var notes []string
	loc := c.Location()
	day, err := time.ParseInLocation("2006-01-02", read.Meeting.Date, loc)
	if err != nil {
		return MinutesRecord{}, nil, errNoMinutesDate()
	}
	held := DateOf(day, loc)
	if _, err := makeDate(held.Year, held.Month, held.Day); err != nil {
		return MinutesRecord{}, nil, userErr("The minutes' date, %s, is not one I can store.", read.Meeting.Date)
	}
	rec := MinutesRecord{
		CommitteeID: c.ID,
		DayStart:    held.Start(loc),
		DayEnd:      held.Start(loc).AddDate(0, 0, 1),
		StartsAt:    held.Start(loc),
		HeldOn:      held,
		Venue:       clean(read.Meeting.Venue, MaxVenueLen),
		Body:        text,
		By:          by,
	}
	if h, m, ok := strings.Cut(read.Meeting.Time, ":"); ok {
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		if err1 == nil && err2 == nil && hh >= 0 && hh < 24 && mm >= 0 && mm < 60 {
			rec.StartsAt = held.At(Clock{hh, mm}, loc)
		}
	}
	for _, p := range read.Present {
		if p = clean(p, maxPresentLen); p != "" {
			rec.Present = append(rec.Present, p)
		}
	}
	rec.InAttendance = cleanAll(read.InAttendance, maxPresentLen)
	rec.Absent = cleanAll(read.Absent, maxPresentLen)
	rec.Closing = clean(read.Closed, maxActionTextLen)
	seen := map[string]bool{}
	for _, a := range read.Apologies {
		name := clean(a.Name, MaxNameLen)
		key := FoldName(name)
		if name == "" || seen[key] {
			continue
		}
		seen[key] = true
		rec.Apologies = append(rec.Apologies, Apology{Name: name, Organisation: clean(a.Organisation, MaxNameLen), By: by})
	}
	for _, d := range read.Declarations {
		di := DeclaredInterest{Name: clean(d.Name, MaxNameLen), Item: clean(d.Item, maxMinuteNumLen), Kind: d.Kind, Nature: clean(d.Nature, maxNatureLen)}
		if di.Name == "" {
			continue
		}
		switch di.Kind {
		case "pecuniary", "personal", "other":
		default:
			notes = append(notes, fmt.Sprintf("declaration by %s: kind %q stored as \"other\"", di.Name, d.Kind))
			di.Kind = "other"
		}
		if di.Nature == "" {
			di.Nature = "(not stated in the minutes)"
		}
		rec.Declarations = append(rec.Declarations, di)
	}
	// A number printed twice is stored the second time as "N-2", or the
	// next "N-k" that no minute of the document is printed with: the
	// renamed minute must not take the number of a real one.
	printed := map[string]bool{}
	for _, m := range read.Minutes {
		printed[clean(m.Number, maxMinuteNumLen)] = true
	}
	stored := map[string]bool{}
	for _, m := range read.Minutes {
		mi := Minute{
			Number:     clean(m.Number, maxMinuteNumLen),
			Title:      clean(m.Title, maxTitleLen),
			Narrative:  cleanText(m.Narrative),
			References: cleanAll(m.References, maxTitleLen),
			After:      cleanText(m.After),
		}
		if mi.Number == "" {
			notes = append(notes, fmt.Sprintf("a minute titled %q has no number and was not stored", mi.Title))
			continue
		}
		if stored[mi.Number] {
			renamed := mi.Number
			for k := 2; stored[renamed] || printed[renamed]; k++ {
				renamed = fmt.Sprintf("%s-%d", mi.Number, k)
			}
			notes = append(notes, fmt.Sprintf("minute %s appears more than once; this one is stored as %s", mi.Number, renamed))
			mi.Number = renamed
		}
		stored[mi.Number] = true
		for i, body := range m.Resolutions {
			r := Resolution{Body: cleanText(body)}
			if i < len(m.Between) {
				r.After = cleanText(m.Between[i])
			}
			if i < len(m.Parts) {
				r.Parts = cleanAll(m.Parts[i], 0)
			}
			if i < len(m.RecordedAs) && recordedWords[m.RecordedAs[i]] {
				r.RecordedAs = m.RecordedAs[i]
			}
			if r.Body != "" {
				mi.Resolutions = append(mi.Resolutions, r)
			}
		}
		rec.Minutes = append(rec.Minutes, mi)
	}
	rec.Actions, rec.actionNotes = importedActions(read, rec, members)
	// The hash is of what was read, not of the text: the same minutes cut
	// from two agenda packs are one document, and so is a copy that
	// differs only in spacing. Warnings are left out; they describe the
	// reading, not the minutes. What is printed between two resolutions
	// and who is marked absent are left out too: earlier releases did not
	// read them, so hashing them would tell minutes imported before from
	// the very same document imported again, and rebuild them. Such a
	// document is answered as unchanged and left as it was: its minutes
	// show the text between resolutions above them, and no one absent,
	// until a changed copy of it is imported. The text between
	// resolutions is part of the narrative hashed; only who is marked
	// absent, alone of all a document says, does not tell two apart.
	// For the same reason a "RESOLVED FURTHER:" is hashed as they read it,
	// a resolution beginning "FURTHER:" (AsReadBefore); the resolutions of
	// minutes imported before were read again as the label when upgraded
	// (migration 00078). So are those "In attendance:", among those
	// present, and the closing line, left out: minutes imported before
	// that list officers in attendance keep them among those present,
	// and print no closing line, until a changed copy is imported.
	canon := *read
	canon.Warnings = nil
	basis := canon.AsReadBefore()
	basis.Absent = nil
	for i := range basis.Minutes {
		basis.Minutes[i].Between = nil
	}
	record, err := json.Marshal(basis)
	if err != nil {
		return MinutesRecord{}, nil, fmt.Errorf("import minutes: %w", err)
	}
	sum := sha256.Sum256(record)
	rec.Hash = hex.EncodeToString(sum[:])
	withWarnings := canon
	withWarnings.Warnings = append(append([]string{}, read.Warnings...), notes...)
	if rec.Record, err = json.Marshal(withWarnings); err != nil {
		return MinutesRecord{}, nil, fmt.Errorf("import minutes: %w", err)
	}
	return rec, notes, nil
}

// Limits on an imported action, as the actions table keeps them.
const (
	maxActionOwnerLen = 300
	maxActionTextLen  = 1000
)

// ownerTitleRe is a title minutes print before a member's name
// ("Councillor Neil Frackelton", "Mr G Robson"), which the member's name
// in Quorum does not carry.
var ownerTitleRe = regexp.MustCompile(`^(?i:councillor|cllr\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?)\s+`)

// importedActions are the open actions read from the minutes, ready to
// store under rec's meeting: an owner printed as a member's name (with or
// without a title before it) is that member, by the same exact match as
// a name in quotes to /action add; any other owner is kept as printed and
// the action is no one's to be reminded of, which a note says, as it does
// of an action with no day printed to be due by, which has no due date
// (rather than the meeting's day, which would make it overdue at once)
// until an officer gives it one. An action an action log puts under an
// agenda item whose minute the minutes do not give is kept on the meeting
// under no minute, and a note says so. Actions the table marks done are
// not imported.
func importedActions(read *minutes.Minutes, rec MinutesRecord, members []Member) (out []ActionPoint, notes []string) {
	var strangers, undated, done, unplaced []string
	for _, a := range read.Actions {
		ap := ActionPoint{
			CommitteeID:  rec.CommitteeID,
			MinuteNumber: clean(a.Minute, maxMinuteNumLen),
			OwnerName:    clean(a.Owner, maxActionOwnerLen),
			// What is to be done, as /action add takes it: the owner and
			// due date are the action's own, and a list giving them
			// after the text repeated them.
			Text:      clean(a.Task(), maxActionTextLen),
			AsPrinted: clean(a.Text, maxActionTextLen),
			CreatedBy: rec.By,
		}
		item := clean(a.Item, maxMinuteNumLen)
		if ap.MinuteNumber == "" && item == "" || ap.Text == "" {
			continue
		}
		where := "minute " + ap.MinuteNumber
		if ap.MinuteNumber == "" {
			// An action log's agenda item whose minute the minutes do not
			// give: the action is the meeting's, under no minute.
			where = "agenda item " + item
			unplaced = append(unplaced, where+", "+ap.Text)
		}
		if doneStatusRe.MatchString(a.Status) {
			done = append(done, where+", "+ap.Text)
			continue
		}
		if t, err := time.Parse("2006-01-02", a.Due); err == nil {
			if d, err := makeDate(t.Year(), t.Month(), t.Day()); err == nil {
				ap.Due = d
			}
		} else if printed := clean(a.DuePrinted, maxActionTextLen); printed != "" {
			undated = append(undated, where+", "+ap.Text+" (printed: "+printed+")")
		} else {
			undated = append(undated, where+", "+ap.Text)
		}
		for _, m := range members {
			if ap.OwnerName != "" && (sameName(ap.OwnerName, m.Name) || sameName(ownerTitleRe.ReplaceAllString(ap.OwnerName, ""), m.Name)) {
				ap.OwnerUser, ap.OwnerName = m.UserID, m.Name
				break
			}
		}
		switch {
		case ap.OwnerUser != "":
		case ap.OwnerName == "":
			ap.OwnerName = "(not named in the minutes)"
			strangers = append(strangers, "no one named ("+where+")")
		default:
			strangers = append(strangers, ap.OwnerName+" ("+where+")")
		}
		out = append(out, ap)
	}
	if len(unplaced) > 0 {
		notes = append(notes, "Actions under an agenda item these minutes do not say which minute covers, kept on the meeting under no minute: "+strings.Join(unplaced, "; ")+".")
	}
	if len(strangers) > 0 {
		notes = append(notes, "Actions whose owner is not a member, kept under the name printed and assigned to no one: "+strings.Join(strangers, "; ")+".")
	}
	if len(undated) > 0 {
		notes = append(notes, "Actions with no day printed to be due by, kept without a due date (`/action move ID DATE` gives one): "+strings.Join(undated, "; ")+".")
	}
	if len(done) > 0 {
		notes = append(notes, "Actions the minutes mark done, not imported: "+strings.Join(done, "; ")+".")
	}
	return out, notes
}

// doneStatusRe is an action table's status for an action completed.
var doneStatusRe = regexp.MustCompile(`(?i)^(?:complete[d]?|done|closed|finished|discharged)\b`)

// cleanText drops control characters other than line breaks and tabs, so
// that stored text cannot carry highlight markers or terminal escapes.
func cleanText(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\uFFFD' {
			return -1
		}
		return r
	}, s))
}

// clean is cleanText on one line, cut to at most n bytes (0: no limit).
// A cut just after a space drops the space: what clean gives, cleaned
// again, is the same, so a value stored cleaned compares equal to itself
// read back and cleaned.
func clean(s string, n int) string {
	s = strings.Join(strings.Fields(cleanText(s)), " ")
	if n > 0 && len(s) > n {
		s = strings.TrimSuffix(cutBytes(s, n), " ")
	}
	return s
}

func cleanAll(in []string, n int) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = clean(s, n); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cutBytes shortens s to at most n bytes on a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// MinutesImportSummary says in a sentence or two what an import did.
func MinutesImportSummary(im MinutesImport) string {
	var b strings.Builder
	when := im.HeldOn.String()
	switch im.Outcome {
	case MinutesUnchanged:
		if im.Actions > 0 {
			// Imported before without their actions (an archive's latest).
			fmt.Fprintf(&b, "These minutes of the meeting of %s on %s were already imported; added the %s they print.", Escape(im.Committee.Name), when, countOf(im.Actions, "action", "actions"))
		} else {
			fmt.Fprintf(&b, "These minutes of the meeting of %s on %s were already imported; nothing changed.", Escape(im.Committee.Name), when)
		}
		b.WriteString(headedNote(im.Read.Meeting.Committee, im.Committee))
		return b.String()
	case MinutesReplaced:
		fmt.Fprintf(&b, "Replaced the earlier version of the minutes of the meeting of %s on %s", Escape(im.Committee.Name), when)
	default:
		fmt.Fprintf(&b, "Imported the minutes of the meeting of %s on %s", Escape(im.Committee.Name), when)
	}
	read := im.Read
	res := 0
	for _, m := range read.Minutes {
		res += len(m.Resolutions)
	}
	fmt.Fprintf(&b, ": %s", countOf(len(read.Minutes), "minute", "minutes"))
	if n := len(read.Minutes); n > 0 {
		first, last := read.Minutes[0].Number, read.Minutes[n-1].Number
		if n > 1 {
			fmt.Fprintf(&b, " (%s–%s)", Escape(first), Escape(last))
		} else {
			fmt.Fprintf(&b, " (%s)", Escape(first))
		}
	}
	fmt.Fprintf(&b, ", %s, %s present", countOf(res, "resolution", "resolutions"), strconv.Itoa(len(read.Present)))
	if len(read.InAttendance) > 0 {
		// The officers advising the meeting, not counted as present.
		fmt.Fprintf(&b, ", %d in attendance", len(read.InAttendance))
	}
	fmt.Fprintf(&b, ", %s", countOf(len(read.Apologies), "apology", "apologies"))
	if len(read.Absent) > 0 {
		// Only where the minutes mark someone absent: most never do.
		fmt.Fprintf(&b, ", %d absent", len(read.Absent))
	}
	switch {
	case len(read.Declarations) > 0:
		fmt.Fprintf(&b, ", %s", countOf(len(read.Declarations), "declaration of interest", "declarations of interest"))
	case read.NoDeclarations:
		b.WriteString(", no declarations of interest")
	}
	switch {
	case im.Actions > 0 && im.ActionsKnown > 0:
		fmt.Fprintf(&b, ", %s (%d on record already)", countOf(im.Actions, "action", "actions"), im.ActionsKnown)
	case im.Actions > 0:
		fmt.Fprintf(&b, ", %s", countOf(im.Actions, "action", "actions"))
	case im.ActionsKnown > 0:
		fmt.Fprintf(&b, ", no new actions (%d on record already)", im.ActionsKnown)
	}
	b.WriteString(".")
	b.WriteString(headedNote(read.Meeting.Committee, im.Committee))
	return b.String()
}

// headedNote is the note, on a line of its own, that a document imported
// into c prints another name at its head, as an agenda's import gives it:
// a committee renamed since is nothing to worry about, but minutes
// imported into the wrong committee by a slip of --committee are seen at
// once.
func headedNote(printed string, c Committee) string {
	if printed == "" || FoldName(printed) == FoldName(c.Name) {
		return ""
	}
	return fmt.Sprintf("\nNote: the document is headed %s.", Escape(printed))
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func minutesCommand() *Command {
	return &Command{
		Name:    "/minutes",
		Summary: "Draft a meeting's minutes from its records, correct and confirm them, or import published minutes.",
		Saves:   "the minutes",
		Fits:    fmt.Sprintf("a minute may be up to %d characters", maxMinuteText),
		Subs: []Sub{{
			Name:     "draft",
			Usage:    []string{"/minutes draft [DATE]"},
			Summary:  "Compile a meeting's minutes from its records — attendance, apologies, declarations and every item's minute — numbered on from the last on record.",
			Examples: []string{"/minutes draft", "/minutes draft 17 March 2022"},
			Date:     draftDateHelp,
			Read:     true, Who: Chairs, Doing: "draft minutes", Meeting: (*Service).draftMeeting, Run: draftMinutes,
		}, {
			Name:     "import",
			Usage:    []string{"/minutes import"},
			Summary:  "Open a form to paste published minutes into, so that /resolution finds them.",
			Examples: []string{"/minutes import"},
			Read:     true, Who: Officers, Doing: "import minutes", Run: openImportMinutesForm,
		}, amendMinuteSub(), commentMinuteSub(), approveMinutesSub(), postMinutesSub()},
		Forms: map[string]FormHandler{importMinutesFormID: submitImportMinutes},
	}
}

func openImportMinutesForm(_ context.Context, _ *Service, in *Input) (Reply, error) {
	if len(in.Args) > 0 {
		return Reply{}, usageErr("`import` opens a form to paste the minutes into; it takes nothing after it.")
	}
	return Reply{Visibility: Private, Text: "Paste the minutes into the form.", Form: importMinutesForm(in.Request, in.Committee.ID)}, nil
}

// importMinutesFormID names the form /minutes import opens.
const importMinutesFormID = "minutes.import"

// minutesBoxes is how many text areas the minutes form has (Slack's hold
// 3000 characters each): enough for the minutes of a typical meeting;
// longer ones are imported with the quorum command.
const minutesBoxes = 8

// importMinutesForm is the form, carrying where it was opened and the
// committee it was opened for: opened in a direct message, the channel
// alone does not say which committee it is.
func importMinutesForm(r Request, committeeID int64) *Form {
	return &Form{
		ID:       importMinutesFormID,
		Title:    "Import minutes",
		Submit:   "Import",
		Metadata: r.TeamID + "/" + r.ChannelID + "/" + strconv.FormatInt(committeeID, 10),
		Fields: pasteFields("Minutes",
			"Paste the minutes as published, from the heading to the last minute, 3,000 characters a box. Longer documents: quorum import minutes FILE --committee NAME.", minutesBoxes),
	}
}

// submitImportMinutes imports the minutes pasted into the form.
func submitImportMinutes(ctx context.Context, s *Service, r Request, sub Submission) (Reply, map[string]string, error) {
	// A form's submission does not say which channel it came from; the
	// form carries it, and the committee (forms opened before it was
	// carried hold only the channel).
	team, channel, ok := strings.Cut(sub.Metadata, "/")
	channel, id, _ := strings.Cut(channel, "/")
	if ok && r.ChannelID == "" {
		r.TeamID, r.ChannelID = team, channel
	}
	committeeID, _ := strconv.ParseInt(id, 10, 64)
	c, _, err := s.admitCarried(ctx, r, committeeID, Officers, "import minutes")
	if err != nil {
		return Reply{}, nil, err
	}
	if committeeID > 0 && c.ID != committeeID {
		return Reply{}, nil, userErr("That form belongs to another committee's channel; nothing was imported.")
	}
	var im MinutesImport
	fieldErrs, err := importPasted(sub, minutesBoxes, "Paste the minutes here.", func(text string) (err error) {
		im, err = s.ImportMinutes(ctx, c, text, r.UserID)
		return err
	})
	if fieldErrs != nil || err != nil {
		return Reply{}, fieldErrs, err
	}
	reply := Reply{Visibility: Private, Text: MinutesImportSummary(im)}
	if len(im.Read.Warnings) > 0 {
		lines := make([]string, len(im.Read.Warnings))
		for i, w := range im.Read.Warnings {
			lines[i] = "• " + Escape(w)
		}
		reply.Sections = append(reply.Sections, Section{Title: "Please check", Text: strings.Join(lines, "\n")})
	}
	return reply, nil, nil
}

// The standard opening items of a meeting, as the minutes title them.
const (
	apologiesTitle    = "APOLOGIES FOR ABSENCE"
	declarationsTitle = "DECLARATIONS OF INTEREST"
	previousTitle     = "MINUTES OF PREVIOUS MEETING"
)

// minutesSections is doc as the minutes commands show it in Slack: its
// heading, then each minute, in blocks of their own.
func minutesSections(doc MinutesDocument) []Section {
	sections := fenced(nil, doc.Head())
	for _, dm := range doc.Minutes {
		sections = fenced(sections, dm.Text())
	}
	if doc.Closing != "" {
		sections = fenced(sections, doc.Closing)
	}
	return sections
}

// fenced appends text to sections as code blocks of at most blockText
// bytes each. A longer block would be cut by Slack's renderer inside the
// code block, leaving the first part's fence open and the rest of the
// minute out of it, read as formatting; so each part is fenced on its own,
// cut at a line's end, else between words.
func fenced(sections []Section, text string) []Section {
	const fence, room = "```", blockText - 8
	start := len(sections)
	for len(text) > room {
		// The line break or space cut at goes with the cut: the next
		// part starts with what followed it, its indentation kept.
		cut, next := strings.LastIndexByte(text[:room], '\n'), 1
		if cut <= 0 {
			cut = strings.LastIndexByte(text[:room], ' ')
		}
		if cut <= 0 {
			cut, next = room, 0
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
			if cut == 0 { // not UTF-8: any cut will do, but one must be made
				cut = room
			}
		}
		sections = append(sections, Section{Text: fence + "\n" + text[:cut] + "\n" + fence})
		text = text[cut+next:]
	}
	if strings.TrimSpace(text) == "" && len(sections) > start {
		return sections
	}
	return append(sections, Section{Text: fence + "\n" + text + "\n" + fence})
}

// One message shows at most messageBlocks blocks of blockText characters
// (Slack's limits; the console shows all). A section longer than a block
// is split at line ends, so a block is counted as less than full.
const (
	messageBlocks = 50
	blockText     = 3000
)

// fitsOneMessage reports whether sections, with a line of text above
// them, show whole in one message.
func fitsOneMessage(sections []Section) bool {
	n := 2 // the text above, and room to spare
	for _, sec := range sections {
		if size := len(sec.Title) + len(sec.Text); size <= blockText {
			n++
		} else {
			n += size/(blockText*3/4) + 1
		}
	}
	return n <= messageBlocks
}

// draftMinutes compiles the minutes of a meeting from its records: by
// default the meeting in progress or held today, else the last one held
// until its minutes are confirmed, else the next.
func draftMinutes(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	d, err := in.date()
	if err != nil {
		return Reply{}, err
	}
	m, err := s.draftMeeting(ctx, in, d)
	if err != nil {
		return Reply{}, err
	}
	src, note, err := s.minutesSource(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	src.ToCome = toCome(m, src.Opened, in.Now)
	doc := CompileMinutes(src)
	what := "Draft minutes"
	if !doc.Draft {
		what = "Minutes"
	}
	reply := Reply{
		Visibility: Private,
		Text:       fmt.Sprintf("%s of the meeting of *%s* on %s.%s", what, Escape(c.Name), formatDay(m.StartsAt, loc), prefixed(" ", note)),
		Sections:   minutesSections(doc),
	}
	if in.Me.IsOfficer() && len(src.tableHints) > 0 {
		reply.Sections = append(reply.Sections, Section{Title: "Declarations the minutes cannot yet record", Text: strings.Join(src.tableHints, "\n")})
	}
	reply.Footer = "`/minutes post` shares them in the channel."
	reply.More = "`quorum export minutes` writes them whole."
	if s.publicURL != "" {
		link, err := s.minutesLink(ctx, m)
		if err != nil {
			return Reply{}, err
		}
		reply.Footer = "Printable page: " + link + " — `/minutes post` shares it in the channel."
		reply.More = "the printable page below has them whole."
	}
	comments, err := s.store.MinuteComments(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	// Confirmed minutes cannot be amended: the corrections proposed to the
	// draft were settled then, and /history minutes keeps them.
	// The chair sees them too: they confirm the minutes, which those no
	// amendment has followed hold up (approveMinutes).
	if len(comments) > 0 && (in.Me.IsOfficer() || in.Me.Role == RoleChair) && doc.Draft {
		lines := make([]string, len(comments))
		for i, k := range comments {
			lines[i] = fmt.Sprintf("• Minute %s — %s, %s: %s", Escape(k.MinuteNumber), k.from(), formatWhen(k.At, loc), Escape(k.Body))
		}
		how := "\nAmend a minute with `/minutes amend NUMBER TEXT`."
		if !in.Me.IsOfficer() {
			how = "\nAn officer amends a minute with `/minutes amend NUMBER TEXT`; those no amendment has followed hold up `/minutes approve`, unless confirmed `as they stand`."
		}
		reply.Sections = append(reply.Sections, Section{Title: "Corrections proposed by members", Text: strings.Join(lines, "\n") + how})
	}
	return reply, nil
}

// draftMeeting is the meeting /minutes draft means (see draftMinutes).
func (s *Service) draftMeeting(ctx context.Context, in *Input, d Date) (Meeting, error) {
	c := in.Committee
	if !d.IsNext() {
		return s.meetingFor(ctx, c, d, in.Now)
	}
	if saidNext(in.Args) {
		// `next`, said, is the next meeting, as /history minutes next
		// reads it, not the last one held that no date means.
		m, err := s.meetingSaid(ctx, in, d, true)
		if isUserErr(err) {
			return Meeting{}, s.noMeetingScheduled(ctx, c, in.Now, in.typed())
		}
		return m, err
	}
	// The meeting /minute writes to and /minutes comment corrects, while
	// its minutes are to be confirmed: the draft a member reads is the one
	// whose numbers those commands take. A meeting closed in Quorum with
	// nothing minuted yet has a draft too, written from its records; one
	// never held here (an old meeting of an imported programme, with
	// apologies or report links) gives way to the next.
	prev, err := s.minutesMeeting(ctx, in, d)
	switch {
	case err == nil:
		ms, err := s.store.MeetingMinutes(ctx, prev.ID)
		if err != nil {
			return Meeting{}, err
		}
		if len(ms) > 0 && ms[0].Draft || in.Now.Sub(prev.StartsAt) < 12*time.Hour {
			return prev, nil
		}
		if draft, err := s.draftHere(ctx, prev, ms); err != nil || draft {
			return prev, err
		}
	case !isUserErr(err):
		return Meeting{}, err
	}
	m, err := s.store.NextMeeting(ctx, c.ID, in.Now.Add(-12*time.Hour))
	if errors.Is(err, ErrNotFound) {
		return Meeting{}, s.noMeetingScheduled(ctx, c, in.Now, "/minutes draft")
	}
	return m, err
}

// closingOpen says whether the minutes of src still have Date of Next
// Meeting, item closing, to record: they are not confirmed, and nothing is
// recorded under it.
func closingOpen(src MinutesSource, closing AgendaItem) bool {
	return src.Approval == nil && !slices.ContainsFunc(src.Minutes, func(mi Minute) bool {
		return mi.Item == closing.Number && (mi.Narrative != "" || len(mi.Resolutions) > 0)
	})
}

// minutesSource gathers the records meeting m's minutes are compiled
// from, and a note of how they are numbered.
func (s *Service) minutesSource(ctx context.Context, c Committee, m Meeting) (MinutesSource, string, error) {
	base, note, err := s.minuteBase(ctx, c, m)
	if err != nil {
		return MinutesSource{Committee: c, Meeting: m}, "", err
	}
	return s.minutesSourceFrom(ctx, c, m, base, note)
}

// minutesSourceFrom is minutesSource with m's minutes numbered on from
// base, as minuteBase gives it with note.
func (s *Service) minutesSourceFrom(ctx context.Context, c Committee, m Meeting, base int, note string) (MinutesSource, string, error) {
	loc := c.Location()
	src := MinutesSource{Committee: c, Meeting: m, Base: base}
	p, err := s.papersOf(ctx, m)
	if err != nil {
		return src, "", err
	}
	src.Items = p.items
	if src.Minutes, err = s.store.MeetingMinutes(ctx, m.ID); err != nil {
		return src, "", err
	}
	if len(src.Minutes) > 0 && !slices.ContainsFunc(src.Minutes, func(mi Minute) bool { return !mi.Imported }) {
		// Imported minutes carry the numbers they were published with:
		// how Quorum would number them says nothing true of them.
		note = ""
	}
	st, err := s.meetingState(ctx, c, m)
	if err != nil {
		return src, "", err
	}
	// The minutes name an agenda item by the number of its minute; one
	// listed in its heading's minute, by that one's.
	st.minuteOf = map[string]string{}
	numbers := minuteNumbers(src.Items, src.Minutes, src.Base)
	under := listedUnder(src.Items, src.Minutes, "")
	for i, n := range numbers {
		if under[i] >= 0 {
			n = numbers[under[i]]
		}
		st.minuteOf[src.Items[i].Number] = n
	}
	st.agenda = src.Items
	if st.rules, err = s.store.QuorumRules(ctx, c.ID); err != nil {
		return src, "", err
	}
	src.Opened, src.Closed = st.sit.Opened, st.sit.Closed
	// Confirmed, the minutes are worded as they were confirmed: the
	// attendance too (see MinutesApproval.Predates).
	if src.Approval, src.ApprovedAt, err = s.approvalOf(ctx, m, loc); err != nil {
		return src, "", err
	}
	st.approval = src.Approval
	if len(st.log) > 0 {
		pa := st.paragraphs()
		src.Recorded = true
		src.Present, src.AlsoPresent, src.InAttendance, src.Substitutes, src.Notes = pa.present, pa.alsoPresent, pa.inAttendance, pa.substitutes, pa.notes
		src.Apologies = pa.apologies
		if !src.Approval.Predates(RuleAbsent) {
			src.Absent = pa.absent
		}
	} else {
		for _, a := range p.apologies {
			src.Apologies = append(src.Apologies, nameOf(a.Name, a.Organisation))
		}
		// Minutes imported for a meeting not taken here print who was
		// present as the council published it: that list is the record.
		pub, err := s.store.ImportedAttendance(ctx, m.ID)
		if err != nil {
			return src, "", err
		}
		src.Present, src.InAttendance, src.Absent = escapeAll(pub.Present), escapeAll(pub.InAttendance), escapeAll(pub.Absent)
		src.ClosedAsPrinted = Escape(pub.Closing)
	}
	if src.Inquorate, err = s.inquorateResolutions(ctx, st, src.Minutes); err != nil {
		return src, "", err
	}
	// The meeting before m was held before m was: opened early, m is not
	// its own previous meeting.
	before := m.StartsAt
	if !st.sit.Opened.IsZero() && st.sit.Opened.Before(before) {
		before = st.sit.Opened
	}
	prev, err := s.store.PreviousMeeting(ctx, c.ID, before)
	switch {
	case err == nil:
		src.Previous = previousDay(prev, loc)
		if src.PreviousApproval, src.PreviousApprovedAt, err = s.approvalOf(ctx, prev, loc); err != nil {
			return src, "", err
		}
		if src.PreviousApproval == nil {
			if src.PreviousElsewhere, err = s.minutedElsewhere(ctx, prev); err != nil {
				return src, "", err
			}
		}
	case !errors.Is(err, ErrNotFound):
		return src, "", err
	}
	decls, away, hints := st.declarationsMinute(p.declarations, p.items, src.Minutes, false)
	src.Declarations, src.tableHints = Escape(decls), hints
	note += prefixed(" ", away)
	if closing, ok := closingItem(src.Items); ok && closingOpen(src, closing) {
		// Only for the hint in its pending minute: it is read only then.
		if src.Next, err = s.meetingAfter(ctx, c, m, scheduleAsOf(m, src.Opened, src.Closed, loc)); err != nil {
			return src, "", err
		}
	}
	if src.Actions, err = s.store.MeetingActions(ctx, m.ID); err != nil {
		return src, "", err
	}
	if a := src.PreviousApproval; a != nil && src.Approval != nil && a.AtMeetingID != m.ID && a.At.After(src.Approval.At) {
		// m's minutes were confirmed saying the previous ones were still
		// to confirm: confirmed later, elsewhere, they do not change
		// what m's confirmed minutes read.
		src.PreviousApproval, src.PreviousApprovedAt = nil, ""
	}
	return src, note, nil
}

// meetingAfter is committee c's next meeting after m, held or to come but
// not cancelled, within two years, as the schedule stood at asOf (zero:
// as it stands): the meeting m would have named. One scheduled after
// asOf is passed over; should the one next then have been moved or
// cancelled since, the date m named is not the schedule's now, and nil is
// returned, as when there is none: the hint it feeds had better be
// missing than offer a date the meeting never heard.
func (s *Service) meetingAfter(ctx context.Context, c Committee, m Meeting, asOf time.Time) (*Meeting, error) {
	later, err := s.store.Meetings(ctx, c.ID, m.StartsAt.Add(time.Minute), m.StartsAt.AddDate(2, 0, 0))
	if err != nil {
		return nil, err
	}
	for _, n := range later {
		if asOf.IsZero() {
			if n.Status == MeetingCancelled {
				continue
			}
			return &n, nil
		}
		events, err := s.store.MeetingEvents(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		if len(events) > 0 && events[0].At.After(asOf) {
			continue
		}
		if n.Status == MeetingCancelled {
			if slices.ContainsFunc(events, func(e MeetingEvent) bool { return e.Action == MeetingEventCancelled && e.At.After(asOf) }) {
				return nil, nil
			}
			continue
		}
		changes, err := s.store.MeetingChanges(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(changes, func(ch MeetingChange) bool { return ch.At.After(asOf) }) {
			return nil, nil
		}
		return &n, nil
	}
	return nil, nil
}

// scheduleAsOf is when meeting m heard the schedule it would minute under
// Date of Next Meeting: as it closed, if it was closed in Quorum; zero
// (as the schedule stands) while it sits; else the end of its day.
func scheduleAsOf(m Meeting, opened, closed time.Time, loc *time.Location) time.Time {
	switch {
	case !closed.IsZero():
		return closed
	case !opened.IsZero():
		return time.Time{}
	}
	return DateOf(m.StartsAt, loc).Start(loc).AddDate(0, 0, 1)
}

// minutedElsewhere says why /minutes approve cannot confirm the minutes
// of meeting m, not held in Quorum, as the last meeting before a
// committee came to Quorum: none are on record, or those on record were
// imported as published, which are the record already. What the next
// meeting did about them is then minuted there. "" when it can.
func (s *Service) minutedElsewhere(ctx context.Context, m Meeting) (string, error) {
	if here, err := s.heldHere(ctx, m); err != nil || here {
		return "", err
	}
	written, err := s.store.MeetingMinutes(ctx, m.ID)
	switch {
	case err != nil:
		return "", err
	case len(written) == 0:
		return "which are not on record in Quorum for /minutes approve to confirm", nil
	case !written[0].Draft:
		return "which Quorum holds as they were published, so /minutes approve has nothing to confirm", nil
	}
	return "", nil
}

// approvalOf is the confirmation of meeting m's minutes, nil if Quorum
// records none, and the date of the meeting that confirmed them ("" by
// correspondence).
func (s *Service) approvalOf(ctx context.Context, m Meeting, loc *time.Location) (*MinutesApproval, string, error) {
	a, err := s.store.MinutesApprovalOf(ctx, m.ID)
	if errors.Is(err, ErrNotFound) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	if a.AtMeetingID == 0 {
		return &a, "", nil
	}
	at, err := s.store.Meeting(ctx, a.AtMeetingID)
	if err != nil {
		return nil, "", err
	}
	return &a, previousDay(at, loc), nil
}

// apologyWhen says when an apology to meeting m was made, for lists:
// "sent Thursday 3 December 2026, 09:12", or for one read from the
// meeting's minutes "recorded in the minutes of Thursday 9 December 2021":
// the time it was imported says nothing of when it was sent. Apologies
// received at the meeting say so, and who entered them, as their history
// does.
func apologyWhen(a Apology, m Meeting, loc *time.Location) string {
	if a.Imported {
		return "recorded in the minutes of " + formatDay(m.StartsAt, loc)
	}
	if a.ReceivedBy != "" {
		return "received at the meeting, entered by " + personText(a.ReceivedBy, "")
	}
	return "sent " + formatWhen(a.UpdatedAt, loc)
}

// draftApologies is the apologies minute: the sentence the minutes use.
func draftApologies(as []Apology) string {
	if len(as) == 0 {
		return "No apologies for absence were received."
	}
	return ApologiesSentence(as)
}

// leadingNumber reads the number a minute number starts with: "29" → 29,
// "150/20" → 150.
func leadingNumber(s string) (int, bool) {
	end := 0
	for end < len(s) && end < 6 && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:end])
	return n, err == nil
}

// municipalYear is the year a municipal year starting in month start
// starts in: councils number their minutes afresh from the annual meeting,
// most in May.
func municipalYear(d Date, start time.Month) int {
	if d.Month < start {
		return d.Year - 1
	}
	return d.Year
}

// withNotes sets the Note of each of ms, minutes of committee c, whose
// decision its minutes note as recorded while the meeting was inquorate:
// a minute looked up or shared must not quote as the committee's what the
// minutes say is not. Only minutes written in Quorum with a decision are
// looked at, each meeting once: minutes imported, which a search mostly
// finds, cost no query.
func (s *Service) withNotes(ctx context.Context, c Committee, ms []Minute) error {
	byMeeting := map[int64][]int{}
	for i, mi := range ms {
		if mi.Item != "" && len(mi.Resolutions) > 0 {
			byMeeting[mi.MeetingID] = append(byMeeting[mi.MeetingID], i)
		}
	}
	if len(byMeeting) == 0 {
		return nil
	}
	rules, err := s.store.QuorumRules(ctx, c.ID)
	if err != nil || len(rules) == 0 {
		return err
	}
	for id, at := range byMeeting {
		m, err := s.store.Meeting(ctx, id)
		if err != nil {
			return err
		}
		st, err := s.meetingState(ctx, c, m)
		if err != nil {
			return err
		}
		st.rules = rules
		// Confirmed minutes are quoted as they were confirmed, the
		// note too (MinutesApproval.Predates), as /minutes draft
		// words them.
		if st.approval, _, err = s.approvalOf(ctx, m, c.Location()); err != nil {
			return err
		}
		group := make([]Minute, len(at))
		for j, i := range at {
			group[j] = ms[i]
		}
		notes, err := s.inquorateResolutions(ctx, st, group)
		if err != nil {
			return err
		}
		for _, i := range at {
			ms[i].Note = notes[ms[i].Number]
		}
	}
	return nil
}

// inquorateResolutions notes, by minute number, the minutes of st's
// meeting whose RESOLVED text was last recorded during it while the
// meeting was inquorate for the item. Such a decision is recorded, not
// refused: a clerk records what was said, a count can be wrong until the
// attendance is put right (the note then goes, being read from the log),
// and a meeting may still minute what it could not decide. But it is not
// the committee's decision, and the minutes must not read as if it were.
// Text recorded after the meeting is not judged: when it was decided is
// not known. A correction of the text recorded during the meeting keeps
// its note, as it words the same decision; text recorded after the
// decision was removed is a decision of its own.
func (s *Service) inquorateResolutions(ctx context.Context, st meetingState, ms []Minute) (map[string]string, error) {
	if len(st.rules) == 0 || st.sit.Opened.IsZero() {
		return nil, nil
	}
	hist, err := s.store.MinuteHistory(ctx, st.m.ID)
	if err != nil {
		return nil, err
	}
	// The history is in the order written. A decision taken out with
	// /resolve ITEM remove takes its note with it: the note was a
	// judgment of that text, and what is recorded in its place after
	// the meeting is not judged, as no decision recorded then is.
	resolved := map[string]time.Time{}
	for _, h := range hist {
		switch {
		case h.Action == "removed":
			delete(resolved, h.MinuteNumber)
		case h.Action == "resolved" && !h.At.Before(st.sit.Opened) && (st.sit.Closed.IsZero() || !h.At.After(st.sit.Closed)):
			resolved[h.MinuteNumber] = h.At
		}
	}
	loc := st.c.Location()
	out := map[string]string{}
	for _, mi := range ms {
		at, ok := resolved[mi.Number]
		if !ok || len(mi.Resolutions) == 0 {
			continue
		}
		cnt := st.countAt(at, mi.Item)
		if cnt.Quorate() {
			continue
		}
		why := fmt.Sprintf("%d voting %s present, quorum %d", cnt.Present, plural(cnt.Present, "member", "members"), cnt.Need)
		switch {
		case len(cnt.Withdrawn) == 0:
		case st.approval.Predates(RuleWithdrawalsAsRecorded):
			why += fmt.Sprintf("; %s withdrew for the item", joinAnd(cnt.Withdrawn))
		default:
			// The count leaves out a pecuniary declarant whether or not
			// the attendance shows them leaving the room: the note says
			// what the count did, not what nobody may have recorded.
			why += fmt.Sprintf("; %s did not count for the item", joinAnd(cnt.Withdrawn))
		}
		out[mi.Number] = fmt.Sprintf("[Note: recorded at %s, when the meeting was inquorate (%s): not a decision of the committee.]",
			at.In(loc).Format("15:04"), why)
	}
	return out, nil
}
