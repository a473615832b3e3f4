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
)

// ActionPoint is an action the minutes give someone: a member, or a
// person named only, to do by a date, or by none when the minutes it was
// imported from print none.
type ActionPoint struct {
	ID           int64
	CommitteeID  int64
	MeetingID    int64 // the meeting whose minute it comes from
	HeldOn       Date
	MinuteID     int64
	MinuteNumber string
	OwnerUser    string // the member's Slack user; "" for a person named only
	OwnerName    string
	Due          Date // the zero Date when no due date was given
	Text         string
	// AsPrinted is, of an action being imported, its words as the minutes
	// print them, owner and deadline with them, as releases before stored
	// them as Text: the same action imported again is told by either.
	AsPrinted string
	Done      bool
	DoneNote  string
	CreatedBy string
	// Progress is the latest note of progress on it (/action note), made
	// at ProgressAt; "" when none was made.
	Progress   string
	ProgressAt time.Time
}

// ActionChange is one line of an action's log: what was done to it, by
// whom and when, and the owner and due date it then had.
type ActionChange struct {
	At        time.Time
	Kind      string // added, imported (from minutes), noted, done, reopened, reassigned or redated
	OwnerUser string
	OwnerName string
	Due       Date   // the zero Date while it had none
	Note      string // what was done, for done; the progress, for noted
	By        string
	ByName    string // By's name where the committee knows them
}

// AgreedAction is an action recorded against a minute as the meeting's
// minutes print it: what is to be done, and First, its log's first line,
// with the owner and due date it was given when it was added or imported.
// Seq orders First among records of one time as written, as the minutes'
// histories and their confirmation are ordered (recordedAfter).
type AgreedAction struct {
	ID           int64
	MinuteID     int64 // 0 when its minute is no longer on record
	MinuteNumber string
	Text         string
	First        ActionChange
	Seq          int64
}

// ActionStore keeps actions and their log.
type ActionStore interface {
	// AddAction records a, with its log's first line; added is false,
	// and the action is the one on record, when the same action (minute,
	// owner, due date and text) is on record and open already.
	// Its time is at, the database's clock's if at is zero, as for the
	// other changes below. told, when not nil, is given the action as
	// recorded, numbered, when it is added, and what it returns is queued
	// in the same transaction; it is not called for one on record already.
	AddAction(ctx context.Context, a ActionPoint, at time.Time, told func(ActionPoint) []OutboxMessage) (_ ActionPoint, added bool, err error)
	// ActionPointByID is an action; ErrNotFound if there is none.
	ActionPointByID(ctx context.Context, id int64) (ActionPoint, error)
	// CompleteAction marks an action done; ErrConflict if it is done
	// already. Notices, to those whose action it is, are queued with the
	// change, as they are by the changes below: neither stands without
	// the other.
	CompleteAction(ctx context.Context, id int64, note, by string, at time.Time, notices ...OutboxMessage) error
	// NoteAction logs a note of progress on an open action, which stays
	// open; ErrConflict if it is done.
	NoteAction(ctx context.Context, id int64, note, by string, at time.Time, notices ...OutboxMessage) error
	// ReopenAction makes a done action outstanding again, with its log;
	// ErrConflict if it is not done.
	ReopenAction(ctx context.Context, id int64, by string, at time.Time, notices ...OutboxMessage) error
	// ChangeAction reassigns an open action (ownerName set) or re-dates
	// it (due set), with its log, keeping what is not set as it stands;
	// ErrConflict if it is done.
	ChangeAction(ctx context.Context, id int64, ownerUser, ownerName string, due Date, by string, at time.Time, notices ...OutboxMessage) error
	// MeetingActions lists the actions recorded against a meeting's
	// minutes, in the order they were added, each with its log's first
	// line: one read for the whole meeting, for its minutes.
	MeetingActions(ctx context.Context, meetingID int64) ([]AgreedAction, error)
	// ActionLog lists the changes to action id, oldest first.
	ActionLog(ctx context.Context, id int64) ([]ActionChange, error)
	// ActionPoints lists a committee's actions, at most MaxActionsListed:
	// the open ones, due first (those with no due date last), then, when
	// all, those done, the latest due first.
	ActionPoints(ctx context.Context, committeeID int64, all bool) ([]ActionPoint, error)
	// ActionOwnerNames lists the owners given by name (not a member's
	// Slack user) of a committee's actions, open or done, each once, in
	// the order first given: all of them, however many actions it has.
	ActionOwnerNames(ctx context.Context, committeeID int64) ([]string, error)
	// MinuteActions lists the actions recorded against the minutes
	// minuteIDs, as they stand, in the order they were added.
	MinuteActions(ctx context.Context, minuteIDs []int64) ([]ActionPoint, error)
	// ListActions lists the actions f picks, in ActionPoints' order, from
	// f.Offset, at most f.Limit, with how many f picks in all.
	ListActions(ctx context.Context, f ActionFilter) (_ []ActionPoint, total int, err error)
	// ActionCounts counts a committee's open actions, and of those the
	// ones due before today: all of them, however many a list reads.
	ActionCounts(ctx context.Context, committeeID int64, today Date) (open, overdue int, err error)
	// ActionsDueBy lists the open actions of members due on or before
	// their committee's day at by, in every committee; an action with no
	// due date is never among them.
	ActionsDueBy(ctx context.Context, now time.Time, days int) ([]ActionPoint, error)
	// ActionsBeforeMeetings lists the open actions of members whose
	// committee has a meeting scheduled in (now, now+days], each with
	// that meeting's ID.
	ActionsBeforeMeetings(ctx context.Context, now time.Time, days int) ([]ActionPoint, []int64, error)
}

// Limits on actions.
const maxActionText = 1000

// MaxActionsListed is how many actions a committee's list reads at most:
// a page of /action list.
const MaxActionsListed = 200

// ActionFilter picks the actions of a list.
type ActionFilter struct {
	CommitteeID int64
	All         bool   // those done too
	Owner       string // only this Slack user's; "" for anyone's
	// DueBefore, when set, picks the open actions due before that day.
	DueBefore     Date
	Offset, Limit int
}

// actionDateHelp is what DATE is in /action's usage.
const actionDateHelp = "DATE is the day the action is due by, today or later: 2027-03-01, 1/3/2027 (day first) or 1 March 2027."

// ChaseDays is how many days before its due date an action's owner is
// reminded of it.
const ChaseDays = 3

func actionCommand() *Command {
	return &Command{
		Name:    "/action",
		Summary: "Record the actions the minutes give people, and chase them until done.",
		Saves:   "the action",
		Fits:    fmt.Sprintf("an action, or a note of what was done, may be up to %d characters", maxActionText),
		Subs: []Sub{{
			Alone:   true,
			Usage:   []string{"/action"},
			Summary: "The committee's outstanding actions, as `/action list` shows them.",
			Read:    true, Run: listActions,
		}, {
			Name:     "add",
			Usage:    []string{"/action add [MEETING-DAY] MINUTE @owner|\"Name\" DATE TEXT"},
			Summary:  "Record an action under a minute, for a member or a person named, due by a date.",
			Examples: []string{"/action add 26 @neil 2027-03-01 Circulate the SWACA figures to partners", `/action add 26 "Jo Smith" 1 March 2027 Report back on the pilot`, "/action add 26 @neil Circulate the SWACA figures by 1 March 2027", "/action add 9/12/2021 28 @neil 2027-03-01 Report on the youth ASB pilot"},
			Date:     actionDateHelp + " It may instead end TEXT, after \"by\". MEETING-DAY, before the minute's number, is the day of the meeting whose minute it is, when another meeting has a minute of that number: without it, the latest.",
			Who:      Chairs, Doing: "record actions", Run: addAction,
		}, {
			Name:     "note",
			Carried:  actionCommittee,
			Usage:    []string{"/action note ID NOTE"},
			Summary:  "Note progress on an outstanding action without closing it (its owner, an officer or the chair); the latest note is shown beside it, and the history keeps them all.",
			Examples: []string{"/action note 12 Cohort figures requested from the police"},
			// Own, so that someone removed whose action is still theirs is
			// told why they may not, and what becomes of it (mayClose),
			// as for done and reopen; they write nothing.
			Who: Own, Run: noteAction,
		}, {
			Name:     "done",
			Carried:  actionCommittee,
			Usage:    []string{"/action done ID [NOTE]"},
			Summary:  "Mark an action done (its owner, an officer or the chair), with a note of what was done.",
			Examples: []string{"/action done 12 Figures circulated on 27 February"},
			Who:      Own, Run: completeAction,
		}, {
			Name:     "reopen",
			Carried:  actionCommittee,
			Usage:    []string{"/action reopen ID"},
			Summary:  "Make an action marked done by mistake outstanding again (its owner, an officer or the chair); the log keeps that it was done.",
			Examples: []string{"/action reopen 12"},
			Who:      Own, Run: reopenAction,
		}, {
			Name:     "move",
			Carried:  actionCommittee,
			Usage:    []string{"/action move ID DATE"},
			Summary:  "Give an open action a new due date; the log keeps the old one.",
			Examples: []string{"/action move 12 2027-04-01"},
			Date:     actionDateHelp,
			Who:      Chairs, Doing: "re-date actions", Run: moveAction,
		}, {
			Name:     "reassign",
			Carried:  actionCommittee,
			Usage:    []string{"/action reassign ID @owner|\"Name\""},
			Summary:  "Give an open action to someone else; the log keeps who had it.",
			Examples: []string{"/action reassign 12 @graeme", `/action reassign 12 "Jo Smith"`},
			Who:      Chairs, Doing: "reassign actions", Run: reassignAction,
		}, {
			Name:     "history",
			Carried:  actionCommittee,
			Usage:    []string{"/action history ID"},
			Summary:  "Every change to an action: added, re-dated, reassigned, done and reopened, by whom and when.",
			Examples: []string{"/action history 12"},
			// The list is anyone's in the channel; who changed what, and
			// when, is the committee's, and an owner's who has left it.
			Read: true, Who: Own, Run: actionHistory,
		}, {
			Name:     "list",
			Usage:    []string{"/action list [mine|overdue|all] [page N]"},
			Summary:  fmt.Sprintf("List the committee's outstanding actions; yours, the overdue ones, or all with those done; %d a page, the next with `page 2`.", MaxActionsListed),
			Examples: []string{"/action list", "/action list mine", "/action list overdue", "/action list all page 2"},
			Read:     true, Run: listActions,
		}},
		Buttons: map[string]Action{addActionButton: readOnly(openAddActionForm)},
		Forms:   map[string]FormHandler{addActionFormID: submitAddActionForm},
		Guess:   guessAction,
	}
}

// guessAction answers `/action 12`, which someone who has just read the
// list's numbers types to look one up, with the ways to see or close it.
func guessAction(args []string) string {
	id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return ""
	}
	return fmt.Sprintf("To see action %d and its changes, say `/action history %d`; to note progress on it, `/action note %d NOTE`; to mark it done, `/action done %d`.", id, id, id, id)
}

// parseOwner reads an action's owner at the start of args: a mention, or
// a name in quotes ("Jo Smith", which may span words). n is how many words
// it took.
func parseOwner(args []string) (userID, name string, n int, err error) {
	if len(args) == 0 {
		return "", "", 0, errors.New("give the action's owner: @someone, or a name in quotes")
	}
	if id, nm, ok := mention(args[0]); ok {
		return id, nm, 1, nil
	}
	first := Unescape(args[0])
	if len(first) > 1 && strings.HasPrefix(first, "@") {
		// "@nobody" typed without picking the person arrives as text:
		// answered as the other commands answer it, with how to link it.
		return "", "", 0, fmt.Errorf("I could not find %s: type @ and pick the person, so that Slack links the name, or give a name in quotes (\"Jo Smith\") for someone not in Slack", echoWord(args[0]))
	}
	if !strings.HasPrefix(first, `"`) && !strings.HasPrefix(first, "“") {
		return "", "", 0, fmt.Errorf("give the action's owner as @someone, or a name in quotes (\"Jo Smith\"), not `%s`", inCode(echoWord(args[0])))
	}
	var words []string
	for i, w := range args {
		w = Unescape(ShownMarkup(w)) // "Jo Smyth (sefton.gov.uk)" as the sender saw it
		if i == 0 {
			// One opening quote only: `""` is an empty name, closed.
			if rest, ok := strings.CutPrefix(w, `"`); ok {
				w = rest
			} else {
				w = strings.TrimPrefix(w, "“")
			}
		}
		if strings.HasSuffix(w, `"`) || strings.HasSuffix(w, "”") {
			words = append(words, strings.TrimRight(w, `"”`))
			name = clean(strings.Join(words, " "), MaxNameLen)
			if name == "" {
				return "", "", 0, errors.New("the owner's name is empty")
			}
			return "", name, i + 1, nil
		}
		words = append(words, w)
	}
	return "", "", 0, errors.New("the owner's name has no closing quote")
}

// oneOwner refuses a second owner after the first (userID, or name), as
// in `/action add 28 @neil @graeme …`, `… @neil and @graeme …` (or "&",
// "+", "with", or a comma after the first) or `… @neil and "Jo Smith"
// 2027-03-01 …`: read on, the second would be taken for a missing due
// date, and the clerk told to give one they had given. A mention is always
// an owner, straight after or joined. A name in quotes is one only when
// joined and followed by the due date, where the owner stands: the text
// may start with words in quotes ("@neil and "Safer Streets" leaflet
// …" is a text).
func oneOwner(number, userID, name string, rest []string, now time.Time, loc *time.Location) error {
	joined := len(rest) > 1 && ownerJoins[strings.ToLower(Unescape(rest[0]))]
	if joined {
		rest = rest[1:]
	}
	id, other, n, err := parseOwner(rest)
	if err != nil {
		return nil
	}
	if id == "" {
		if !joined {
			return nil
		}
		if _, dn, err := takeDate(rest[n:], now, loc); err != nil || dn == 0 {
			return nil
		}
	}
	first, _ := personArg(userID, name, "")
	second, _ := personArg(id, other, "")
	return userErr("An action has one owner: record one action for each (`/action add %s %s …`, `/action add %s %s …`), or name one owner and the other in the text. Nothing was added.",
		Escape(number), first, Escape(number), second)
}

// ownerJoins are the words that join a second owner to the first.
var ownerJoins = map[string]bool{"and": true, "&": true, "+": true, "with": true, ",": true}

// ownerNotMentioned answers an owner typed as a word of a member's name
// ("graeme", or "Graeme Robson" unquoted), which parseOwner takes for no
// one, with the member it may mean and how to name them, as in example.
func (s *Service) ownerNotMentioned(ctx context.Context, in *Input, word, example string) error {
	return s.notMentioned(ctx, in, word, "An action's owner is named by mention or in quotes", example)
}

// fraction is a day and a month in figures without a year, which after
// "by" at the end of an action's text is more likely a share ("by 1/3")
// than a due date.
var fraction = regexp.MustCompile(`^\d{1,2}/\d{1,2}\.?$`)

// dueAtEnd reads a due date that ends words after "by" ("… by 10
// January 2027"), returning it and where "by" is. The last "by" that a
// whole date follows is taken: "a report by SWACA by 1 March" is due on 1
// March, by SWACA. What follows the last "by" that is a date mistaken
// ("by 31/02/2027", "by Tue 9 Dec" on a Wednesday, "by Thursday") is
// answered as that mistake: the action has no other date.
func dueAtEnd(words []string, now time.Time, loc *time.Location) (Date, int, bool, error) {
	last := true
	for i := len(words) - 2; i > 0; i-- {
		if !strings.EqualFold(words[i], "by") {
			continue
		}
		tail := words[i+1:]
		// A full stop that ends the text is not part of the date.
		tail = append(tail[:len(tail)-1:len(tail)-1], strings.TrimRight(tail[len(tail)-1], "."))
		if len(tail) == 1 && fraction.MatchString(tail[0]) {
			// "Cut the waiting list by 3/4" is a fraction, not 3 April;
			// a date in figures at the end needs its year.
			last = false
			continue
		}
		d, n, err := takeDate(tail, now, loc)
		switch {
		case err == nil && n == len(tail) && !d.IsNext():
			return d, i, true, nil
		case err != nil && last:
			return Date{}, 0, false, err
		}
		last = false
	}
	return Date{}, 0, false, nil
}

// misspeltDue refuses an action whose due date, after the owner or after
// "by" at the end of the text, is a day with its month mistyped ("14
// Janaury"), saying what it may mean: "Give the date the action is due
// by" would tell a clerk who gave one to do what they had done.
func misspeltDue(rest []string, now time.Time, loc *time.Location) error {
	at := []int{0}
	for i := len(rest) - 2; i > 0; i-- {
		if strings.EqualFold(rest[i], "by") {
			at = append(at, i+1)
		}
	}
	for _, i := range at {
		day, n, ok := monthSlip(rest[i:], now, loc, false)
		if !ok || i > 0 && i+n != len(rest) {
			// After "by", the slip must end the text, as a due date
			// read there does.
			continue
		}
		typed := Escape(strings.TrimRight(strings.Join(rest[i:i+n], " "), "."))
		if day.IsNext() {
			return usageErr("`%s` is not read as a date: give the date the action is due by, e.g. `1 March 2027`.", typed)
		}
		return usageErr("`%s` is not read as a date: did you mean %s?", typed, dayMeant(day))
	}
	return nil
}

func addAction(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	args := in.Args
	// A minute's number may come after its meeting's day: numbers start
	// again each year at many councils, and minute 28 of one year is not
	// minute 28 of the next. Read as a minute and an owner first, "26"
	// and "9/12" are minutes, not days.
	var heldOn Date
	if _, ok := minuteNumber(firstArg(args)); !ok || !startsOwner(args[min(1, len(args)):]) {
		d, dn, err := takeDate(args, in.Now, loc)
		if err != nil {
			return Reply{}, badArgs(err)
		}
		if dn > 0 && !d.IsNext() {
			heldOn, args = d, args[dn:]
		}
	}
	// "Minute 9" as the minutes print it, or "Item 7.7" as the agenda
	// does, which itemNotMinute below answers with the minute's number.
	args = dropLabel(dropLabel(args, "minute"), "item")
	// Three words may be all but the text ("9 @graeme 2027-01-10"), which
	// is answered below with what is missing.
	if len(args) < 3 {
		return Reply{}, usageErr("Give the minute's number, the owner, the due date and what is to be done.")
	}
	number, ok := minuteNumber(args[0])
	if !ok {
		return Reply{}, usageErr("`%s` is not a minute number.", inCode(echoWord(args[0])))
	}
	owned := args[1:]
	if w, ok := strings.CutSuffix(firstArg(owned), ","); ok && len(owned) > 1 {
		if _, _, isMention := mention(w); isMention {
			// "@neil, @graeme": the comma may join a second owner.
			owned = append([]string{w, ","}, owned[1:]...)
		}
	}
	userID, name, n, err := parseOwner(owned)
	if err != nil {
		if err := s.ownerNotMentioned(ctx, in, args[1], "`/action add "+Escape(number)+" %s …`"); err != nil {
			return Reply{}, err
		}
		return Reply{}, badArgs(err)
	}
	rest := owned[n:]
	if err := oneOwner(number, userID, name, rest, in.Now, loc); err != nil {
		return Reply{}, err
	}
	if len(rest) > 0 && rest[0] == "," {
		rest = rest[1:] // no second owner: the comma ends the first
	}
	due, dn, err := takeDate(rest, in.Now, loc)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	words, dated := rest[dn:], dn > 0
	if !dated {
		// "Circulate the figures by 10 January" is how an action is said
		// aloud and minuted: a date that ends the text after "by" is the
		// due date, and the words before it the text.
		d, i, ok, err := dueAtEnd(rest, in.Now, loc)
		if err != nil {
			return Reply{}, badArgs(err)
		}
		if ok {
			due, words, dated = d, rest[:i], true
		}
	}
	if !dated && len(rest) > 0 {
		if err := relativeDay(dayWords(rest), in.Now, loc, 1); err != nil {
			return Reply{}, badArgs(err)
		}
	}
	if !dated {
		if err := misspeltDue(rest, in.Now, loc); err != nil {
			return Reply{}, err
		}
	}
	if !dated || due.IsNext() {
		return Reply{}, usageErr("Give the date the action is due by, after the owner (`2027-03-01`) or at the end of the text (`… by 1 March 2027`).")
	}
	if due.Start(loc).Before(DateOf(in.Now, loc).Start(loc)) {
		return Reply{}, usageErr("The due date, %s, is in the past.", due)
	}
	// A mention is kept as the name the sender saw, as in a reason
	// (plainMarked).
	text := clean(s.namedMentions(ctx, plainMarked(words)), 0)
	switch {
	case text == "":
		return Reply{}, usageErr("Say what is to be done, after the date.")
	case utf8.RuneCountInString(text) > maxActionText:
		return Reply{}, usageErr("That is too long for an action (%d characters; the limit is %d).", utf8.RuneCountInString(text), maxActionText)
	}
	ms, err := s.store.MinutesByNumber(ctx, c.ID, number, heldOn, 2)
	if err != nil {
		return Reply{}, err
	}
	if len(ms) == 0 {
		if err := s.itemNotMinute(ctx, in, heldOn, number); err != nil {
			return Reply{}, err
		}
		if !heldOn.IsNext() {
			return Reply{}, usageErr("No minute %s of the meeting on %s is on record. Record the decision first with `/resolve`, or give the day of the meeting whose minute it is.", Escape(number), heldOn)
		}
		return Reply{}, usageErr("No minute %s of %s is on record. Record the decision first with `/resolve`.", Escape(number), Escape(c.Name))
	}
	if heldOn.IsNext() {
		if err := s.itemOfThisMeeting(ctx, in, number, ms[0]); err != nil {
			return Reply{}, err
		}
	}
	// The owner is read with the minute's meeting, whose records may name
	// them already.
	owner, ok, err := s.actionOwner(ctx, c, ms[0].MeetingID, userID, name)
	if err != nil {
		return Reply{}, err
	}
	if !ok {
		return Reply{}, usageErr("<@%s> is not a member of %s. Record the action by the person's name, in quotes: `/action add %s \"Jo Smith\" …`.", userID, Escape(c.Name), Escape(number))
	}
	r, saved, err := s.saveAction(ctx, c, in.Request, ms[0], ActionPoint{
		CommitteeID: c.ID, OwnerUser: owner.UserID, OwnerName: owner.Name, Due: due, Text: text, CreatedBy: in.UserID,
	})
	switch {
	case err != nil:
		return Reply{}, err
	case len(ms) > 1 && heldOn.IsNext():
		// The latest of two minutes with the number: say which, and how
		// to have the other.
		r.Text += fmt.Sprintf("\nThat is minute %s of the meeting on %s. For another meeting's minute %s, give its day first: `/action add %s %s …`.",
			Escape(number), ms[0].HeldOn, Escape(number), ms[1].HeldOn.Start(time.UTC).Format("2006-01-02"), Escape(number))
	case heldOn.IsNext():
		// The only minute of the number is of an earlier municipal year
		// than the meeting being minuted: numbering has started again, and
		// at the new year's meeting, its own minute of the number not
		// recorded yet, the clerk most likely meant that one.
		cur, err := s.minutesMeeting(ctx, in, heldOn)
		if err != nil || cur.ID == ms[0].MeetingID {
			break
		}
		start, err := s.store.YearStart(ctx, c.ID)
		if err != nil {
			return Reply{}, err
		}
		if day := DateOf(cur.StartsAt, loc); municipalYear(ms[0].HeldOn, start) < municipalYear(day, start) {
			r.Text += fmt.Sprintf("\nThat is minute %s of the meeting on %s, of an earlier municipal year: the meeting on %s has no minute %s on record yet. If the action is that meeting's, close this one with `/action done %d Added under last year's minute` and add it again once its minute %s is recorded.",
				Escape(number), ms[0].HeldOn, day, Escape(number), saved.ID, Escape(number))
		}
	}
	return r, nil
}

// itemNotMinute refuses an action given the number of an agenda item
// where a minute's is wanted: /resolve and /minute take the item's number
// and answer with the minute's, which differ once minutes are numbered on
// from the last meeting's, so a clerk fresh from /resolve types the item's.
// The item is looked for in the minutes of heldOn, or of the meeting being
// minuted; nil when none of its items has the number.
func (s *Service) itemNotMinute(ctx context.Context, in *Input, heldOn Date, item string) error {
	c := in.Committee
	day := heldOn
	if day.IsNext() {
		m, err := s.minutesMeeting(ctx, in, heldOn)
		if isUserErr(err) {
			return nil
		}
		if err != nil {
			return err
		}
		day = DateOf(m.StartsAt, c.Location())
	}
	ms, err := s.store.MinutesOn(ctx, c.ID, day)
	if err != nil {
		return err
	}
	for _, mi := range ms {
		if mi.Item != item || mi.Number == item {
			continue
		}
		if heldOn.IsNext() {
			return usageErr("No minute %s of %s is on record: item %s of the meeting on %s is minute %s. Give the minute's number: `/action add %s …`.",
				Escape(item), Escape(c.Name), Escape(item), day, Escape(mi.Number), Escape(mi.Number))
		}
		return usageErr("No minute %s of the meeting on %s is on record: its item %s is minute %s. Give the minute's number: `/action add %s %s …`.",
			Escape(item), day, Escape(item), Escape(mi.Number), day.Start(time.UTC).Format("2006-01-02"), Escape(mi.Number))
	}
	return s.itemNotMinutedYet(ctx, in, heldOn, day, item, ms)
}

// itemNotMinutedYet refuses an action given the number of an agenda item
// of the meeting on day with nothing minuted yet, minutes ms: the partner
// reports numbered under item 7 are often noted by one decision on item
// 7, so the clerk typing 7.9 for Probation's action is given that
// decision's minute, as well as the item's own to come. nil when the
// meeting has no such item, or its minute is numbered as the item is.
func (s *Service) itemNotMinutedYet(ctx context.Context, in *Input, heldOn, day Date, item string, ms []Minute) error {
	c := in.Committee
	m, err := s.minutesMeeting(ctx, in, heldOn)
	if isUserErr(err) {
		return nil
	}
	if err != nil {
		return err
	}
	base, _, err := s.minuteBase(ctx, c, m)
	if err != nil {
		return err
	}
	w, _, err := s.itemWrite(ctx, c, m, base, item, "")
	if isUserErr(err) || err == nil && w.Number == item {
		return nil
	}
	if err != nil {
		return err
	}
	dayWord := ""
	if !heldOn.IsNext() {
		dayWord = day.Start(time.UTC).Format("2006-01-02") + " "
	}
	if text, err := s.listedItemAction(ctx, m, base, item, day, dayWord); err != nil {
		return err
	} else if text != "" {
		return usageErr("%s", text)
	}
	text := fmt.Sprintf("No minute %s of the meeting on %s is on record: its item %s, minute %s, has nothing minuted yet. Record its decision first (`/resolve %s%s …`), then give the minute's number: `/action add %s%s …`.",
		Escape(item), day, Escape(item), Escape(w.Number), dayWord, Escape(item), dayWord, Escape(w.Number))
	if n, err := ParseItemNumber(item); err == nil && n.Section == 0 && (n.Sub > 0 || n.Letter != 0) {
		top := fmt.Sprint(n.Top)
		for _, mi := range ms {
			if mi.Item == top {
				text += fmt.Sprintf(" An action from the decision on item %s, under which it is numbered, goes under its minute: `/action add %s%s …`.", top, dayWord, Escape(mi.Number))
			}
		}
	}
	return usageErr("%s", text)
}

// listedItemAction is the answer to an action given the number of an item
// of meeting m (on day, typed with dayWord) listed in its heading's minute
// (see listedUnder): the minute to give is the heading's, which the draft
// shows the item in. The number the item would take minuted on its own is
// not given, as the draft shows it for the item after. "" for any other
// item.
func (s *Service) listedItemAction(ctx context.Context, m Meeting, base int, item string, day Date, dayWord string) (string, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return "", err
	}
	written, err := s.store.MeetingMinutes(ctx, m.ID)
	if err != nil {
		return "", err
	}
	under := listedUnder(items, written, "")
	numbers := minuteNumbers(items, written, base)
	for i, it := range items {
		if it.Number != item || under[i] < 0 {
			continue
		}
		h := items[under[i]]
		n := Escape(numbers[under[i]])
		text := fmt.Sprintf("No minute %s of the meeting on %s is on record: its item %s has no minute of its own; minute %s, of item %s, under which it is numbered, lists it.",
			Escape(item), day, Escape(item), n, Escape(h.Number))
		if slices.ContainsFunc(written, func(mi Minute) bool { return mi.Item == h.Number }) {
			text += fmt.Sprintf(" An action from its decision goes under that minute: `/action add %s%s …`.", dayWord, n)
		} else {
			text += fmt.Sprintf(" Nothing is minuted there yet: record the decision first (`/resolve %s%s …`), then give the minute's number: `/action add %s%s …`.", dayWord, Escape(h.Number), dayWord, n)
		}
		text += fmt.Sprintf(" For a decision on item %s alone, minute it on its own (`/resolve %s%s …`), then give the number its reply gives.", Escape(item), dayWord, Escape(item))
		return text, nil
	}
	return "", nil
}

// itemOfThisMeeting refuses an action for minute number when the only
// such minute found, mi, is an earlier meeting's while the meeting being
// minuted has a minute of another number recorded for its item of that
// number: at the meeting of 17 March 2022, minutes numbered on from 9
// December 2021's, `/action add 7 …` typed just after `/resolve 7` (minute
// 17) would otherwise go, without a word, under minute 7 of 9 December
// 2021, listed and reminded as that meeting's. An item with nothing
// recorded yet says nothing of what the clerk means, and is let be.
func (s *Service) itemOfThisMeeting(ctx context.Context, in *Input, number string, mi Minute) error {
	c := in.Committee
	cur, err := s.minutesMeeting(ctx, in, Date{})
	if isUserErr(err) || err == nil && cur.ID == mi.MeetingID {
		return nil
	}
	if err != nil {
		return err
	}
	day := DateOf(cur.StartsAt, c.Location())
	ms, err := s.store.MinutesOn(ctx, c.ID, day)
	if err != nil {
		return err
	}
	for _, w := range ms {
		if w.MeetingID != cur.ID || w.Item != number || w.Number == number {
			continue
		}
		return usageErr("Item %s of the meeting on %s is minute %s: `/action add %s …` records the action under it. Minute %s on record is of the meeting on %s; for it, give that day first: `/action add %s %s …`. Nothing was added.",
			Escape(number), day, Escape(w.Number), Escape(w.Number), Escape(number), mi.HeldOn, mi.HeldOn.Start(time.UTC).Format("2006-01-02"), Escape(number))
	}
	return nil
}

// firstArg is args[0], or "" when there is none.
func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// startsOwner reports whether args start with an action's owner: a
// mention, or a name in quotes.
func startsOwner(args []string) bool {
	if len(args) == 0 {
		return false
	}
	_, _, ok := mention(args[0])
	w := Unescape(args[0])
	return ok || strings.HasPrefix(w, `"`) || strings.HasPrefix(w, "“")
}

// actionOwner is who an action under a minute of meeting meetingID,
// given to userID, or to name when userID is empty, belongs to: a member,
// mentioned or named (a member named in quotes is still the member, so
// that the action is theirs to see, mark done and be reminded of), or
// else someone outside the committee, by name. ok is false for a mention
// of someone who is not a member; a name that is a member's but for a slip
// (misnamed), or one word of members' names (calledByWord), is refused
// with an ownerMeantError naming the members it may mean.
func (s *Service) actionOwner(ctx context.Context, c Committee, meetingID int64, userID, name string) (owner Member, ok bool, err error) {
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return Member{}, false, err
	}
	for _, m := range members {
		if userID != "" && m.UserID == userID || userID == "" && sameName(name, m.Name) {
			return m, true, nil
		}
	}
	if userID == "" {
		bare, org := splitOrg(name)
		if m, ok := misnamed(members, bare, org); ok {
			return Member{}, false, &ownerMeantError{misnamedErr(c, bare, org, m), []Member{m}}
		}
		if meant := calledByWord(members, bare, org); len(meant) > 0 {
			return Member{}, false, &ownerMeantError{userErr("\"%s\" is not a member of %s: %s For someone not on the committee, give their full name.",
				Escape(name), Escape(c.Name), didYouMean(meant, "")), meant}
		}
		// Someone the meeting's records name (their apologies, attendance
		// or declaration), or who owns actions already, is the same owner
		// however their name is typed this time, spelt as on record: the
		// minutes name them alike. The meeting's spelling comes first.
		known, err := s.peopleAt(ctx, meetingID)
		if err != nil {
			return Member{}, false, err
		}
		names, err := s.store.ActionOwnerNames(ctx, c.ID)
		if err != nil {
			return Member{}, false, err
		}
		for _, n := range names {
			var p namedPerson
			p.Name, p.Org = splitOrg(n)
			known = append(known, p)
		}
		// An action's owner is only named in it, sharing no record kept
		// under their name: taken as keyed by none of them, onRecord
		// refuses nobody, someone of the same name from another
		// organisation included.
		for i := range known {
			known[i].Keyed, known[i].Sub = false, false
		}
		who, err := onRecord(known, Member{Name: bare, Organisation: org})
		if err != nil {
			return Member{}, false, err
		}
		if name = who.Name; who.Organisation != "" {
			name += " (" + who.Organisation + ")"
		}
	}
	return Member{Name: name}, userID == "", nil
}

// ownerMeantError refuses an action's owner named in quotes who is not a
// member but may mean members (meant), for the form to name them in its
// own words.
type ownerMeantError struct {
	error // the refusal, a UserError
	meant []Member
}

func (e *ownerMeantError) Unwrap() error { return e.error }

// calledByWord are the members that name, a single word ("Kevin"), may
// mean: those with that word in their name and, where org is given
// ("Neil (SWACA)"), of that organisation. Taken as given, a record for
// such a name would be a stranger's, kept apart from the member's: an
// action so owned missing from their list, Home and reminders. Where the
// word is two members', it is either's, and which is for the sender to
// say, as it is where it is one's.
func calledByWord(members []Member, name, org string) []Member {
	if len(strings.Fields(name)) != 1 {
		return nil
	}
	// A name in quotes is given as one, however short ("Jo", "Ed"):
	// bareWord's floor of three letters is for the bare words of a
	// sentence, where "to" or "on" would otherwise name someone.
	return membersWithWord(members, "", personKey(strings.TrimSpace(name)), org)
}

// saveAction records a under minute mi of committee c, for r's /action
// add and its form. An action added under a minute already confirmed
// (approved, or imported from published minutes) is kept, as a follow-up
// to it, but is not printed in the minutes (agreedActions), and the reply
// says so.
func (s *Service) saveAction(ctx context.Context, c Committee, r Request, mi Minute, a ActionPoint) (Reply, ActionPoint, error) {
	a.MeetingID, a.MinuteID, a.MinuteNumber = mi.MeetingID, mi.ID, mi.Number
	// The owner learns the action is theirs from the message, as one given
	// them by reassignment, not from a reminder days before it is due.
	// Its number, which the message gives, is the one the store gives it.
	var told []OutboxMessage
	a, added, err := s.store.AddAction(ctx, a, r.Now, func(a ActionPoint) []OutboxMessage {
		told = ownerNotice(c, r, a, actionGiven(c, a))
		return told
	})
	if err != nil {
		return Reply{}, a, err
	}
	if !added {
		// Sent again, as the answer to a save in doubt asks: one action.
		return private("Action %d is on record already under minute %s: %s — %s, %s. Nothing was added; mark it done with `/action done %d`.",
			a.ID, Escape(a.MinuteNumber), ownerOf(a), Escape(a.Text), dueLabel(a.Due), a.ID), a, nil
	}
	reply := private("Action %d recorded under minute %s: %s — %s, %s. Mark it done with `/action done %d`.",
		a.ID, Escape(a.MinuteNumber), ownerOf(a), Escape(a.Text), dueLabel(a.Due), a.ID)
	if len(told) > 0 {
		reply.Text += " " + toldThem
	}
	if !mi.Draft {
		reply.Text += fmt.Sprintf("\nThe minutes of the meeting on %s are confirmed already, so the action is not printed in them: it is kept on the action list as a follow-up to minute %s.",
			mi.HeldOn, Escape(mi.Number))
	}
	return reply, a, nil
}

// ownerOf names an action's owner: a mention for a member.
func ownerOf(a ActionPoint) string {
	if a.OwnerUser != "" {
		return "<@" + a.OwnerUser + ">"
	}
	return Escape(a.OwnerName)
}

// actionCommittee is the committee of the action whose number starts
// args (Sub.Carried); 0 when they start with none.
func actionCommittee(s *Service, ctx context.Context, args []string) (int64, error) {
	if len(args) == 0 {
		return 0, nil
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, nil
	}
	a, err := s.store.ActionPointByID(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	return a.CommitteeID, err
}

// ownAction reads the action number that starts in.Args and loads the
// action, refusing other committees'.
func (s *Service) ownAction(ctx context.Context, in *Input) (ActionPoint, error) {
	c := in.Committee
	if len(in.Args) == 0 {
		return ActionPoint{}, usageErr("Give the action's number, as `/action list` shows it.")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(in.Args[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return ActionPoint{}, usageErr("`%s` is not an action number.", inCode(echoWord(in.Args[0])))
	}
	a, err := s.store.ActionPointByID(ctx, id)
	if errors.Is(err, ErrNotFound) || err == nil && a.CommitteeID != c.ID {
		no := usageErr("There is no action %d of %s. `/action list` shows them.", id, Escape(c.Name))
		if err == nil {
			// Numbers run across committees: one on two is pointed to the
			// channel where the action is theirs to act on. Others learn
			// nothing of a committee they are not on.
			if ms, merr := s.store.Memberships(ctx, in.TeamID, in.UserID); merr == nil {
				for _, m := range ms {
					if m.Committee.ID == a.CommitteeID {
						no = userErr("Action %d is of %s, not of %s: use the command in <#%s>.", id, Escape(m.Committee.Name), Escape(c.Name), m.Committee.ChannelID)
					}
				}
			}
		}
		return ActionPoint{}, no
	}
	return a, err
}

func moveAction(ctx context.Context, s *Service, in *Input) (Reply, error) {
	loc := in.Committee.Location()
	a, err := s.ownAction(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	due, n, err := takeDate(in.Args[1:], in.Now, loc)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if n == 0 && len(in.Args) > 1 {
		if err := relativeDay(dayWords(in.Args[1:]), in.Now, loc, 1); err != nil {
			return Reply{}, badArgs(err)
		}
	}
	if n == 0 || due.IsNext() || n != len(in.Args)-1 {
		return Reply{}, usageErr("Give the new due date after the action's number: `/action move %d 2027-04-01`.", a.ID)
	}
	if due.Start(loc).Before(DateOf(in.Now, loc).Start(loc)) {
		return Reply{}, usageErr("The due date, %s, is in the past.", due)
	}
	if due == a.Due && !a.Done {
		return private("Action %d is already due %s; nothing was changed.", a.ID, due), nil
	}
	was := fmt.Sprintf("it was due %s", a.Due)
	if a.Due.IsNext() {
		was = "it had no due date"
	}
	// The owner learns of the new date from the message, as of any other
	// change someone else makes to their action, rather than from a
	// reminder that comes days later or earlier than they planned for.
	c := in.Committee
	notices := ownerNotice(c, in.Request, a, fmt.Sprintf("re-dated your action %d in *%s*: %s It is now due %s (%s). `/action history %d` in <#%s> keeps every date it was given.",
		a.ID, Escape(c.Name), Escape(ended(a.Text)), due, was, a.ID, c.ChannelID))
	err = s.store.ChangeAction(ctx, a.ID, "", "", due, in.UserID, in.Now, notices...)
	if errors.Is(err, ErrConflict) {
		return private("Action %d is done; it is no longer due. If it was marked done by mistake, `/action reopen %d` makes it outstanding again.", a.ID, a.ID), nil
	}
	if err != nil {
		return Reply{}, err
	}
	if a.OwnerUser != in.UserID {
		// Someone else's action: the reply names whose, as one marked
		// done for its owner does.
		reply := private("Action %d, %s's, is now due %s (%s).", a.ID, ownerOf(a), due, was)
		if len(notices) > 0 {
			reply.Text += " " + toldThem
		}
		return reply, nil
	}
	return private("Action %d is now due %s (%s).", a.ID, due, was), nil
}

func reassignAction(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	a, err := s.ownAction(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	userID, name, n, err := parseOwner(in.Args[1:])
	if err != nil {
		if len(in.Args) > 1 {
			if err := s.ownerNotMentioned(ctx, in, in.Args[1], fmt.Sprintf("`/action reassign %d %%s`", a.ID)); err != nil {
				return Reply{}, err
			}
		}
		return Reply{}, badArgs(err)
	}
	if n != len(in.Args)-1 {
		return Reply{}, usageErr("`reassign` takes the action's number and its new owner only.")
	}
	owner, ok, err := s.actionOwner(ctx, c, a.MeetingID, userID, name)
	if err != nil {
		return Reply{}, err
	}
	if !ok {
		return Reply{}, usageErr("<@%s> is not a member of %s. Give the person's name, in quotes, instead: \"Jo Smith\".", userID, Escape(c.Name))
	}
	if owner.UserID == a.OwnerUser && owner.Name == a.OwnerName && !a.Done {
		return private("Action %d is %s's already; nothing was changed.", a.ID, ownerOf(a)), nil
	}
	was := a
	a.OwnerUser, a.OwnerName = owner.UserID, owner.Name
	// The new owner learns the action is theirs from the message, not from
	// a reminder days before it is due; whoever had it learns it is off
	// their list.
	notices := ownerNotice(c, in.Request, a, actionGiven(c, a))
	if was.OwnerUser != a.OwnerUser {
		notices = append(notices, ownerNotice(c, in.Request, was, fmt.Sprintf("gave your action %d in *%s* to %s: %s It is no longer on your list.",
			a.ID, Escape(c.Name), ownerOf(a), Escape(ended(a.Text))))...)
	}
	err = s.store.ChangeAction(ctx, a.ID, owner.UserID, owner.Name, Date{}, in.UserID, in.Now, notices...)
	if errors.Is(err, ErrConflict) {
		return private("Action %d is done; it cannot be reassigned. If it was marked done by mistake, `/action reopen %d` makes it outstanding again.", a.ID, a.ID), nil
	}
	if err != nil {
		return Reply{}, err
	}
	if a.OwnerUser != "" && a.OwnerUser != in.UserID {
		return private("Action %d is now %s's. %s", a.ID, ownerOf(a), toldThem), nil
	}
	return private("Action %d is now %s's.", a.ID, ownerOf(a)), nil
}

// ownerNotice is the direct message telling a's owner, a member, what
// r's sender did to their action in committee c, as toldOf tells a member
// of any record entered in their name. None when a is owned by a person
// named only, or by the sender, who knows already.
func ownerNotice(c Committee, r Request, a ActionPoint, did string) []OutboxMessage {
	if m := toldOf(c, Member{UserID: a.OwnerUser}, r, did); m != nil {
		return []OutboxMessage{*m}
	}
	return nil
}

// actionGiven tells a's owner that it is theirs (see ownerNotice), and
// how they note progress on it and mark it done.
func actionGiven(c Committee, a ActionPoint) string {
	return fmt.Sprintf("gave you action %d in *%s*: %s — %s (%s). Note progress on it with `/action note %d NOTE`, and mark it done with `/action done %d [NOTE]`, in <#%s>.",
		a.ID, Escape(c.Name), Escape(ended(a.Text)), dueLabel(a.Due), minuteLabel(a), a.ID, a.ID, c.ChannelID)
}

func noteAction(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	a, err := s.ownAction(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if err := s.mayClose(ctx, in, a, fmt.Sprintf("note progress on action %d", a.ID)); err != nil {
		return Reply{}, err
	}
	// A note is progress towards doing an action. Once it is done, the
	// note it was marked done with is its last word, which lists and the
	// minutes' follow-ups show: a note after it would read there as
	// progress on something finished. More to do is the action reopened,
	// which its history keeps, and noted then.
	if a.Done {
		return Reply{}, userErr("Action %d is done, so progress can no longer be noted on it. If there is more to do, `/action reopen %d` makes it outstanding again.", a.ID, a.ID)
	}
	// A mention is kept as the name the sender saw, as in a done note.
	note := clean(s.namedMentions(ctx, plainMarked(in.Args[1:])), 0)
	if note == "" {
		return Reply{}, usageErr("Give the note after the action's number: `/action note %d Cohort figures requested from the police`.", a.ID)
	}
	if n := utf8.RuneCountInString(note); n > maxActionText {
		return Reply{}, usageErr("That note is too long (%d characters; the limit is %d). Nothing was saved.", n, maxActionText)
	}
	notices := ownerNotice(c, in.Request, a, fmt.Sprintf("noted progress on your action %d in *%s* (%s): %s\n`/action history %d` in <#%s> keeps every note.",
		a.ID, Escape(c.Name), Escape(truncateText(oneLine(a.Text), 200)), Escape(ended(note)), a.ID, c.ChannelID))
	err = s.store.NoteAction(ctx, a.ID, note, in.UserID, in.Now, notices...)
	if errors.Is(err, ErrConflict) {
		return Reply{}, userErr("Action %d was marked done just now, so the note was not saved. If there is more to do, `/action reopen %d` makes it outstanding again.", a.ID, a.ID)
	}
	if err != nil {
		return Reply{}, err
	}
	if len(notices) > 0 {
		return private("Noted on action %d, %s's: %s `/action history %d` keeps it, and that you noted it. %s", a.ID, ownerOf(a), Escape(ended(note)), a.ID, toldThem), nil
	}
	return private("Noted on action %d: %s `/action history %d` keeps every note.", a.ID, Escape(ended(note)), a.ID), nil
}

func completeAction(ctx context.Context, s *Service, in *Input) (Reply, error) {
	a, err := s.ownAction(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	id := a.ID
	// A mention is kept as the name the sender saw, as in the action's
	// own text.
	note := clean(s.namedMentions(ctx, plainMarked(in.Args[1:])), 0)
	if err := s.mayClose(ctx, in, a, fmt.Sprintf("mark action %d done", id)); err != nil {
		return Reply{}, err
	}
	if n := utf8.RuneCountInString(note); n > maxActionText {
		return Reply{}, usageErr("That note is too long (%d characters; the limit is %d). Nothing was saved.", n, maxActionText)
	}
	// The note is said back as it was kept, as every entry is: it is what
	// the action list, the owner's Home and the minutes' follow-up show,
	// and a mention in it has become the name the sender saw. The owner,
	// when someone else marks it done, is told it in the same words.
	done := ""
	if note != "" {
		done = " Note: " + Escape(ended(note))
	}
	notices := ownerNotice(in.Committee, in.Request, a, fmt.Sprintf("marked your action %d in *%s* done: %s%s If it is not done, `/action reopen %d` in <#%s> makes it outstanding again.",
		id, Escape(in.Committee.Name), Escape(ended(a.Text)), done, id, in.Committee.ChannelID))
	err = s.store.CompleteAction(ctx, id, note, in.UserID, in.Now, notices...)
	if errors.Is(err, ErrConflict) {
		return private("Action %d is already done. If it was marked done by mistake, `/action reopen %d` makes it outstanding again.", id, id), nil
	}
	if err != nil {
		return Reply{}, err
	}
	if a.OwnerUser != in.UserID {
		// Marked done for its owner (reported at the meeting, or by
		// email): the reply names whose it was, as an entry made for
		// someone else does.
		told := ""
		if len(notices) > 0 {
			told = " " + toldThem
		}
		return private("Action %d, %s's, is done: %s%s Its history says you marked it done.%s", id, ownerOf(a), Escape(ended(a.Text)), done, told), nil
	}
	return private("Action %d is done: %s%s", id, Escape(ended(a.Text)), done), nil
}

// mayClose refuses, unless the sender may note progress on a, mark it
// done or reopen it: its owner, an officer, or whoever chairs — who gives
// actions and re-dates them, and hears them reported done at the meeting
// (the vice-chair when acting for the chair, as for the rest of the
// meeting's conduct).
//
// Someone removed from the committee (admitted by Own) no longer acts in
// its name, and writes nothing to its records, their own actions
// included: what they did about one is for an officer to hear and note,
// and who takes it on for them to decide. Told only that they are not a
// member, the owner of an action still listed as theirs would not know
// why, nor what becomes of it.
func (s *Service) mayClose(ctx context.Context, in *Input, a ActionPoint, doing string) error {
	if in.Former {
		if a.OwnerUser != in.UserID {
			return s.notMemberNow(ctx, in.Committee, in.UserID)
		}
		if a.Done {
			return userErr("You are no longer a member of %s, so you cannot %s. It is done; if there is more to do, an officer or the chair can reopen it (`/action reopen %d`).",
				Escape(in.Committee.Name), doing, a.ID)
		}
		return userErr("You are no longer a member of %s, so you cannot %s. It is listed as yours until an officer or the chair gives it to someone else (`/action reassign %d @someone`): tell them how it stands, for them to note.",
			Escape(in.Committee.Name), doing, a.ID)
	}
	if a.OwnerUser != "" && a.OwnerUser == in.UserID {
		return nil
	}
	err := s.chairing(ctx, in.Request, Origin{Committee: in.Committee, Member: &in.Me}, doing)
	var refused *UserError
	if errors.As(err, &refused) && in.Me.Role != RoleViceChair {
		return userErr("Only the action's owner, an officer or the chair of %s can %s.", Escape(in.Committee.Name), doing)
	}
	return err
}

func reopenAction(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	a, err := s.ownAction(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if len(in.Args) != 1 {
		return Reply{}, usageErr("`reopen` takes the action's number only: `/action reopen %d`.", a.ID)
	}
	if err := s.mayClose(ctx, in, a, fmt.Sprintf("reopen action %d", a.ID)); err != nil {
		return Reply{}, err
	}
	notices := ownerNotice(c, in.Request, a, fmt.Sprintf("reopened your action %d in *%s*: it is outstanding again: %s — %s. `/action history %d` in <#%s> keeps that it was done.",
		a.ID, Escape(c.Name), Escape(ended(a.Text)), dueLabel(a.Due), a.ID, c.ChannelID))
	err = s.store.ReopenAction(ctx, a.ID, in.UserID, in.Now, notices...)
	if errors.Is(err, ErrConflict) {
		return private("Action %d is not done; it is still outstanding.", a.ID), nil
	}
	if err != nil {
		return Reply{}, err
	}
	a.Done, a.DoneNote = false, ""
	reply := private("Action %d is outstanding again:\n%s", a.ID, actionLine(a, c.Location(), in.Now))
	// The same action may have been added again while this one was done
	// (/action add refuses a second only while the first is open): say so,
	// rather than leave two to be chased.
	open, err := s.store.ActionPoints(ctx, c.ID, false)
	if err != nil {
		return reply, nil // reopened all the same; the check is a courtesy
	}
	for _, o := range open {
		if o.ID != a.ID && o.MeetingID == a.MeetingID && o.MinuteNumber == a.MinuteNumber && o.OwnerUser == a.OwnerUser &&
			strings.EqualFold(o.OwnerName, a.OwnerName) && o.Due == a.Due && o.Text == a.Text {
			reply.Text += fmt.Sprintf("\nAction %d, outstanding too, is the same (minute, owner, due date and text): if it stands for this one, `/action done %d Same as action %d` closes it.", o.ID, o.ID, a.ID)
			break
		}
	}
	return reply, nil
}

// parseActionList reads the words after `/action list`: which actions
// ("", mine, overdue or all) and the page, from 1.
func parseActionList(args []string) (which string, page int, err error) {
	page = 1
	if len(args) > 0 {
		switch w := strings.ToLower(args[0]); w {
		case "mine", "overdue", "all":
			which, args = w, args[1:]
		}
	}
	example := strings.Join(strings.Fields("/action list "+which+" page 2"), " ")
	if len(args) > 0 && strings.EqualFold(args[0], "page") {
		if len(args) != 2 {
			return "", 0, usageErr("A page is a number from 1: `%s`.", example)
		}
		n, err := strconv.Atoi(args[1])
		if err != nil || n < 1 || n > maxActionPage {
			return "", 0, usageErr("A page is a number from 1: `%s`.", example)
		}
		return which, n, nil
	}
	if len(args) > 0 {
		return "", 0, usageErr("`list` takes mine, overdue or all, and a page: `/action list mine page 2`.")
	}
	return which, page, nil
}

// maxActionPage bounds the page asked for, so that its offset cannot
// overflow.
const maxActionPage = 100000

func listActions(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	which, page, err := parseActionList(in.Args)
	if err != nil {
		return Reply{}, err
	}
	f := ActionFilter{CommitteeID: c.ID, All: which == "all", Offset: (page - 1) * MaxActionsListed, Limit: MaxActionsListed}
	switch which {
	case "mine":
		f.Owner = in.UserID
	case "overdue":
		f.DueBefore = DateOf(in.Now, loc)
	}
	as, total, err := s.store.ListActions(ctx, f)
	if err != nil {
		return Reply{}, err
	}
	what := map[string]string{"": "Outstanding actions", "mine": "Your outstanding actions", "overdue": "Overdue actions", "all": "All actions"}[which]
	if total == 0 {
		return private("%s of *%s*: none.", what, Escape(c.Name)), nil
	}
	pages := (total + MaxActionsListed - 1) / MaxActionsListed
	cmd := strings.TrimSpace("/action list " + which)
	if len(as) == 0 {
		last := fmt.Sprintf("`%s page %d` is the last", cmd, pages)
		if pages == 1 {
			last = fmt.Sprintf("`%s` shows it", cmd)
		}
		return Reply{}, userErr("There %s %d %s of %s: %s.", plural(pages, "is", "are"), pages, plural(pages, "page", "pages"),
			strings.ToLower(what[:1])+what[1:], last)
	}
	former, err := s.formerOwners(ctx, c, as)
	if err != nil {
		return Reply{}, err
	}
	var b strings.Builder
	var orphans []string
	for _, a := range as {
		b.WriteString(actionLineOwned(a, ownerListed(a, former)+", ", loc, in.Now) + "\n")
		if !a.Done && former[a.OwnerUser] {
			orphans = append(orphans, strconv.FormatInt(a.ID, 10))
		}
	}
	head := fmt.Sprintf("%s of *%s*:", what, Escape(c.Name))
	if pages > 1 {
		head = fmt.Sprintf("%s of *%s* (%d; page %d of %d):", what, Escape(c.Name), total, page, pages)
	}
	r := Reply{Visibility: Private, Text: head, Sections: []Section{{Text: strings.TrimRight(b.String(), "\n")}}}
	if len(orphans) > 0 && (in.Me.IsOfficer() || in.Me.Role == RoleChair) {
		// Those who may always reassign them (see chairing) are told
		// how: nobody is reminded of these, and their owners can no
		// longer mark them done.
		text := fmt.Sprintf("Action %s is of someone no longer a member, who is not reminded of it: give it to someone else with `/action reassign %s @someone`.", orphans[0], orphans[0])
		if len(orphans) > 1 {
			text = fmt.Sprintf("Actions %s are of people no longer members, who are not reminded of them: give each to someone else with `/action reassign %s @someone`.", joinAnd(orphans), orphans[0])
		}
		r.Sections = append(r.Sections, Section{Text: text})
	}
	if page < pages {
		r.Footer = fmt.Sprintf("Page %d of %d, %d of %d actions: `%s page %d` shows the next.", page, pages, len(as), total, cmd, page+1)
	}
	return r, nil
}

// actionHistory is `/action history ID`: the action's log, oldest first.
func actionHistory(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	a, err := s.ownAction(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if len(in.Args) != 1 {
		return Reply{}, usageErr("`history` takes the action's number only: `/action history %d`.", a.ID)
	}
	log, err := s.store.ActionLog(ctx, a.ID)
	if err != nil {
		return Reply{}, err
	}
	if in.Former && !slices.ContainsFunc(log, func(l ActionChange) bool { return l.OwnerUser == in.UserID }) {
		// Someone who has left reads the actions that are or were theirs.
		return Reply{}, userErr("You are no longer a member of %s, so you can read the history of your own actions only: action %d is not yours.", Escape(c.Name), a.ID)
	}
	loc := c.Location()
	head := fmt.Sprintf("*History of action %d* of *%s*: %s (%s", a.ID, Escape(c.Name), Escape(truncateText(oneLine(a.Text), 200)), minuteLabel(a))
	if a.HeldOn.Year != 0 {
		head += ", " + a.HeldOn.String()
	}
	head += ")."
	if hidden := len(log) - MaxHistoryLines; hidden > 0 {
		head += fmt.Sprintf("\nThe latest %d changes of %d.", MaxHistoryLines, len(log))
		log = log[hidden:]
	}
	lines := make([]string, len(log))
	for i, l := range log {
		owner := ownerOf(ActionPoint{OwnerUser: l.OwnerUser, OwnerName: l.OwnerName})
		what := map[string]string{
			"added":      fmt.Sprintf("added for %s, %s", owner, dueSaid(l.Due)),
			"imported":   fmt.Sprintf("recorded from the minutes for %s, %s", owner, dueSaid(l.Due)),
			"redated":    fmt.Sprintf("re-dated: due %s", l.Due),
			"reassigned": "reassigned to " + owner,
			"noted":      "progress noted",
			"done":       "marked done",
			"reopened":   "reopened: outstanding again",
		}[l.Kind]
		if (l.Kind == "done" || l.Kind == "noted") && l.Note != "" {
			what += ": " + Escape(truncateText(oneLine(l.Note), 160))
		}
		lines[i] = "• " + historyTime(l.At, loc) + " — " + what
		if l.Kind != "imported" {
			// An action read from minutes is the meeting's, not
			// something whoever imported them entered.
			lines[i] += " _(by " + personText(l.By, l.ByName) + ")_"
		}
	}
	return Reply{Visibility: Private, Text: head, Sections: []Section{{Text: strings.Join(lines, "\n")}},
		Footer: "Times are " + loc.String() + "."}, nil
}

// dueLabel is an action's due date as lists show it: "due Friday 15
// January 2027", or "due: no date given" for an action imported from
// minutes that print none.
func dueLabel(d Date) string {
	if d.IsNext() {
		return "due: no date given"
	}
	return "due " + d.String()
}

// dueSaid is an action's due date in a sentence: "due Friday 15 January
// 2027", or "with no due date given".
func dueSaid(d Date) string {
	if d.IsNext() {
		return "with no due date given"
	}
	return "due " + d.String()
}

// isOverdue reports whether open action a was due before today (the
// first instant of today in loc). An action with no due date never is.
func isOverdue(a ActionPoint, loc *time.Location, today time.Time) bool {
	return !a.Due.IsNext() && a.Due.Start(loc).Before(today)
}

// minuteLabel is the minute an action is under, "minute 42", or "no
// minute" for one imported from an action log under an agenda item whose
// minute the minutes did not give.
func minuteLabel(a ActionPoint) string {
	if a.MinuteNumber == "" {
		return "no minute"
	}
	return "minute " + Escape(a.MinuteNumber)
}

// fromLabel is where an action comes from, for a reminder: "minute 42",
// or the meeting when it is under no minute.
func fromLabel(a ActionPoint) string {
	switch {
	case a.MinuteNumber != "":
		return "minute " + Escape(a.MinuteNumber)
	case a.HeldOn.Year != 0:
		return "the meeting of " + a.HeldOn.String()
	}
	return "a meeting's minutes"
}

// formerOwners are the owners of the outstanding actions of as who are
// no longer members of c: they are not reminded of them and can no longer
// mark them done, so a list marks them (ownerListed) for someone to give
// the actions to another. Nil, without reading the members, when no
// outstanding action is a Slack user's.
func (s *Service) formerOwners(ctx context.Context, c Committee, as []ActionPoint) (map[string]bool, error) {
	if !slices.ContainsFunc(as, func(a ActionPoint) bool { return !a.Done && a.OwnerUser != "" }) {
		return nil, nil
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	current := make(map[string]bool, len(members))
	for _, m := range members {
		current[m.UserID] = true
	}
	former := map[string]bool{}
	for _, a := range as {
		if !a.Done && a.OwnerUser != "" && !current[a.OwnerUser] {
			former[a.OwnerUser] = true
		}
	}
	return former, nil
}

// ownerListed is ownerOf as a list of actions names the owner, marking an
// outstanding action's owner who is no longer a member (former).
func ownerListed(a ActionPoint, former map[string]bool) string {
	if !a.Done && former[a.OwnerUser] {
		return ownerOf(a) + " (no longer a member)"
	}
	return ownerOf(a)
}

// actionLine is one action as lists show it.
func actionLine(a ActionPoint, loc *time.Location, now time.Time) string {
	return actionLineOwned(a, ownerOf(a)+", ", loc, now)
}

// actionLineOwned is actionLine with owner (and its comma) as given: none
// on the owner's own Home, where naming them on every line is noise.
func actionLineOwned(a ActionPoint, owner string, loc *time.Location, now time.Time) string {
	from := minuteLabel(a)
	if a.HeldOn.Year != 0 {
		from += ", " + a.HeldOn.String()
	}
	return actionLineFrom(a, owner, " ("+from+")", loc, now)
}

// actionLineFrom is actionLineOwned with where the action comes from as
// given: none under its own minute, which says it already.
func actionLineFrom(a ActionPoint, owner, from string, loc *time.Location, now time.Time) string {
	line := fmt.Sprintf("• %d. %s — %s%s%s", a.ID, Escape(a.Text), owner, dueLabel(a.Due), from)
	switch {
	case a.Done && a.DoneNote != "":
		line += " — done: " + Escape(a.DoneNote)
	case a.Done:
		line += " — done"
	case isOverdue(a, loc, DateOf(now, loc).Start(loc)):
		line += " — *overdue*"
	}
	if !a.Done && a.Progress != "" {
		// Where the action stands, so that whoever reads the list (the
		// chair, at the meeting, under the agenda's actions) sees it
		// without asking its owner.
		line += fmt.Sprintf(" — latest note (%s): %s", formatDay(a.ProgressAt, loc), Escape(truncateText(oneLine(a.Progress), 200)))
	}
	return line
}

// maxMinuteActions is how many of a minute's actions a look-up shows
// under it; a minute with more says how many more and where they are.
const maxMinuteActions = 5

// withActions sets the Actions and FollowUps of ms, read in one go.
// Someone looking a decision up during a meeting asks next what was to be
// done about it, by whom, and whether it has been: the minute's actions
// answer that where they stand now, with the number `/action done` takes.
// Those added after the minutes were confirmed are kept apart, with who
// added them and when, rather than left out: they are what was done about
// the decision since, but the meeting did not agree them, and the minutes
// do not print them (followUp).
func (s *Service) withActions(ctx context.Context, c Committee, ms []Minute, now time.Time) error {
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	as, err := s.store.MinuteActions(ctx, ids)
	if err != nil {
		return err
	}
	later, err := s.followUps(ctx, ms, as)
	if err != nil {
		return err
	}
	loc := c.Location()
	under := make(map[int64][]ActionPoint, len(ms))
	since := make(map[int64][]ActionPoint, len(ms))
	for _, a := range as {
		if _, ok := later[a.ID]; ok {
			since[a.MinuteID] = append(since[a.MinuteID], a)
		} else {
			under[a.MinuteID] = append(under[a.MinuteID], a)
		}
	}
	for i, m := range ms {
		ms[i].Actions = minuteActionLines(under[m.ID], func(a ActionPoint) string {
			return actionLineFrom(a, ownerOf(a)+", ", "", loc, now)
		})
		ms[i].FollowUps = minuteActionLines(since[m.ID], func(a ActionPoint) string {
			added := later[a.ID].First
			return actionLineFrom(a, ownerOf(a)+", ", fmt.Sprintf(" — added by %s on %s", personText(added.By, added.ByName), formatDay(added.At, loc)), loc, now)
		})
	}
	return nil
}

// minuteActionLines are the lines of as under a minute, each by line: the
// first maxMinuteActions, then how many more and where they are.
func minuteActionLines(as []ActionPoint, line func(ActionPoint) string) []string {
	var lines []string
	for _, a := range as[:min(len(as), maxMinuteActions)] {
		lines = append(lines, line(a))
	}
	if more := len(as) - maxMinuteActions; more > 0 {
		lines = append(lines, fmt.Sprintf("… and %s more: `/action list all`", formatCount(more)))
	}
	return lines
}

// followUps are those of as, the actions under ms, added after their
// minutes were confirmed (followUp), by ID, with their log's first line.
// Only the meetings of confirmed minutes with actions are read: a
// draft's actions are all agreed.
func (s *Service) followUps(ctx context.Context, ms []Minute, as []ActionPoint) (map[int64]AgreedAction, error) {
	out := map[int64]AgreedAction{}
	if len(as) == 0 {
		return out, nil
	}
	draft := make(map[int64]bool, len(ms))
	for _, m := range ms {
		draft[m.ID] = m.Draft
	}
	read := map[int64]bool{}
	for _, a := range as {
		if draft[a.MinuteID] || read[a.MeetingID] {
			continue
		}
		read[a.MeetingID] = true
		approval, err := s.store.MinutesApprovalOf(ctx, a.MeetingID)
		switch {
		case errors.Is(err, ErrNotFound):
		case err != nil:
			return nil, err
		}
		var confirmed *MinutesApproval
		if err == nil {
			confirmed = &approval
		}
		agreed, err := s.store.MeetingActions(ctx, a.MeetingID)
		if err != nil {
			return nil, err
		}
		for _, g := range agreed {
			if followUp(g, draft[g.MinuteID], confirmed) {
				out[g.ID] = g
			}
		}
	}
	return out, nil
}

// actionsSection is the agenda's "Actions from previous meetings": the
// committee's outstanding actions from meetings before m.
func (s *Service) actionsSection(ctx context.Context, c Committee, m Meeting, now time.Time) (*Section, error) {
	as, err := s.store.ActionPoints(ctx, c.ID, false)
	if err != nil {
		return nil, err
	}
	former, err := s.formerOwners(ctx, c, as)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, a := range as {
		if a.MeetingID != m.ID && a.HeldOn.Start(c.Location()).Before(m.StartsAt) {
			lines = append(lines, actionLineOwned(a, ownerListed(a, former)+", ", c.Location(), now))
		}
	}
	if len(lines) == 0 {
		return nil, nil
	}
	return &Section{Title: "Actions from previous meetings", Text: strings.Join(lines, "\n")}, nil
}

// actionsHomePart shows, on a member's card, the actions they own: the
// first few, due first, and how many more, counted in full.
func actionsHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	as, mine, err := s.store.ListActions(ctx, ActionFilter{CommitteeID: in.Committee.ID, Owner: in.Member.UserID, Limit: maxHomeLines})
	if err != nil || len(as) == 0 {
		return err
	}
	var lines []string
	for _, a := range as {
		lines = append(lines, actionLineOwned(a, "", in.Committee.Location(), in.Now))
	}
	if mine > len(as) {
		lines = append(lines, fmt.Sprintf("… and %d more: `/action list mine` in the channel shows them all.", mine-len(as)))
	}
	card.Sections = append(card.Sections, Section{Title: "Your actions", Text: strings.Join(lines, "\n") + "\nTo note progress on one: `/action note ID NOTE`; when one is done: `/action done ID [NOTE]`."})
	return nil
}

// officerRecordsHomePart shows an officer what is left over from meetings
// held: minutes drafted and not yet confirmed, and the committee's
// outstanding actions, the oldest overdue first. It shows nothing when
// neither is waiting.
func officerRecordsHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if !in.Member.IsOfficer() {
		return nil
	}
	lines, err := s.recordsLines(ctx, in)
	if err != nil {
		return err
	}
	if len(lines) > 0 {
		card.Sections = append(card.Sections, Section{Title: "Minutes and actions", Text: strings.Join(lines, "\n")})
	}
	return nil
}

// recordsLines are the lines of officerRecordsHomePart: the minutes
// awaiting confirmation and the outstanding actions of in's committee.
// Their commands are the chair's as much as the officers'.
func (s *Service) recordsLines(ctx context.Context, in homeInput) ([]string, error) {
	loc := in.Committee.Location()
	// One more than the lines hold, to know whether to say there are more.
	drafts, err := s.store.DraftMinutesMeetings(ctx, in.Committee.ID, maxHomeLines+1)
	if err != nil {
		return nil, err
	}
	// A meeting just closed has nothing minuted yet, and is the one the
	// officers have to write up next: it is listed with the drafts, in the
	// order they were held, so that it is not missed until a first minute
	// is written. The latest come first to the lines the drafts leave: a
	// committee that minutes its meetings elsewhere leaves one with
	// nothing minuted here at every meeting, and the oldest would
	// otherwise stand on the Home for good in place of the one just held.
	// The latest keeps a line even when the drafts would fill them all, so
	// that a committee slow to confirm its minutes is still asked for the
	// meeting just held; the drafts' lines say how many more wait.
	unminuted, err := s.store.UnminutedMeetings(ctx, in.Committee.ID, maxHomeLines)
	if err != nil {
		return nil, err
	}
	unminuted = unminuted[:min(len(unminuted), max(maxHomeLines-len(drafts), 1))]
	moreDrafts := false
	if room := maxHomeLines - len(unminuted); len(drafts) > room {
		drafts, moreDrafts = drafts[:room-1], true
	}
	blank := map[int64]bool{}
	for _, m := range unminuted {
		blank[m.ID] = true
	}
	drafts = append(drafts, unminuted...)
	sort.SliceStable(drafts, func(i, j int) bool { return drafts[i].StartsAt.Before(drafts[j].StartsAt) })
	var lines []string
	var confirming *minutesConfirming // read for the first draft not in progress
	for _, m := range drafts {
		day := m.StartsAt.In(loc).Format("2006-01-02")
		// The vice-chair minutes and confirms minutes only while chairing
		// for an absent chair: the commands are offered when they would be
		// taken from them now, by the same rule. Each asks it of its own
		// meeting: /minutes approve of the meeting that confirms them (the
		// one in progress, or held today), /minute of the meeting minuted.
		chairs := true
		if in.Member.Role == RoleViceChair {
			r := Request{Command: "/minutes", Text: "approve " + day, UserID: in.Member.UserID, Now: in.Now}
			doing := "confirm minutes"
			if blank[m.ID] {
				r.Command, r.Text, doing = "/minute", day+" 1 text", "record minutes"
			}
			err := s.chairing(ctx, r, Origin{Committee: in.Committee, Member: &in.Member}, doing)
			switch {
			case isUserErr(err):
				chairs = false
			case err != nil:
				return nil, err
			}
		}
		var line string
		if blank[m.ID] {
			// With its date: without one, /minute writes to the meeting
			// in progress, or the last held, which may be another.
			write := fmt.Sprintf(", `/minute %s ITEM TEXT` in the channel to record an item's minute", day)
			if !chairs {
				write = "; the chair or an officer minutes it"
			}
			line = fmt.Sprintf("Meeting of %s held, nothing minuted yet: `/minutes draft %s` to read the draft written from its records%s.",
				formatDay(m.StartsAt, loc), day, write)
		} else if in.Running != nil && in.Running.ID == m.ID {
			// A meeting does not confirm its own minutes, and /minutes
			// approve refuses them while it sits: they are being taken.
			approve := fmt.Sprintf(", `/minutes approve %s` to confirm them once it has closed", day)
			if !chairs {
				approve = "; the chair or an officer confirms them once it has closed"
			}
			line = fmt.Sprintf("Minutes of %s being taken at the meeting in progress: `/minutes draft %s` to read them%s.",
				formatDay(m.StartsAt, loc), day, approve)
		} else {
			if confirming == nil {
				if confirming, err = s.confirmingOf(ctx, in); err != nil {
					return nil, err
				}
			}
			line = confirming.line(m, day, chairs, loc)
		}
		open, _, _, _, err := s.correctionsStanding(ctx, m)
		if err != nil {
			return nil, err
		}
		if n := len(open); n > 0 {
			line += fmt.Sprintf(" %d %s proposed by members that no amendment has followed.", n, plural(n, "correction", "corrections"))
		}
		lines = append(lines, line)
	}
	if moreDrafts {
		lines = append(lines, "… and minutes of later meetings drafted, not yet confirmed: `/minutes draft DATE` to read a meeting's.")
	}
	as, err := s.store.ActionPoints(ctx, in.Committee.ID, false)
	if err != nil {
		return nil, err
	}
	// The list read holds at most MaxActionsListed, the oldest due first:
	// the overdue shown come from it, and the numbers are counted.
	today := DateOf(in.Now, loc)
	open, nOverdue, err := s.store.ActionCounts(ctx, in.Committee.ID, today)
	if err != nil {
		return nil, err
	}
	var overdue []ActionPoint
	for _, a := range as {
		if isOverdue(a, loc, today.Start(loc)) {
			overdue = append(overdue, a)
		}
	}
	sort.SliceStable(overdue, func(i, j int) bool { return overdue[i].Due.Start(loc).Before(overdue[j].Due.Start(loc)) })
	outstanding := fmt.Sprintf("%d outstanding %s", open, plural(open, "action", "actions"))
	switch {
	case open == 0:
	case nOverdue == 0:
		lines = append(lines, outstanding+" (`/action list` in the channel); none overdue.")
	default:
		lines = append(lines, fmt.Sprintf("%s (`/action list` in the channel); %d overdue, the oldest first:", outstanding, nOverdue))
		// Marked as the list marks them: an overdue action of someone who
		// has left will not be done by them, nor are they reminded of it.
		former, err := s.formerOwners(ctx, in.Committee, overdue)
		if err != nil {
			return nil, err
		}
		for i, a := range overdue {
			if i == maxHomeLines {
				break
			}
			lines = append(lines, actionLineOwned(a, ownerListed(a, former)+", ", loc, in.Now))
		}
		if shown := min(len(overdue), maxHomeLines); nOverdue > shown {
			// The list reads them a page at a time, and says so.
			all := "lists them all"
			if nOverdue > MaxActionsListed {
				all = fmt.Sprintf("lists them all, %d a page", MaxActionsListed)
			}
			lines = append(lines, fmt.Sprintf("… and %d more: `/action list overdue` in the channel %s.", nOverdue-shown, all))
		}
	}
	return lines, nil
}

// EnqueueActionChases queues, once for each due date and owner, a direct
// message to the owner of each open action due within ChaseDays. Each
// names its committee, since an owner may sit on several, and the one sent
// before a meeting names the meeting's day.
func (s *Service) EnqueueActionChases(ctx context.Context, now time.Time) (int, error) {
	as, err := s.store.ActionsDueBy(ctx, now, ChaseDays)
	if err != nil {
		return 0, err
	}
	committees := map[int64]Committee{}
	committee := func(id int64) (Committee, error) {
		if c, ok := committees[id]; ok {
			return c, nil
		}
		c, err := s.store.CommitteeByID(ctx, id)
		if err == nil {
			committees[id] = c
		}
		return c, err
	}
	queued := 0
	var errs []error
	for _, a := range as {
		c, err := committee(a.CommitteeID)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ok, err := s.store.Enqueue(ctx, OutboxMessage{
			CommitteeID: a.CommitteeID, Kind: OutboxDM, UserID: a.OwnerUser, Repeated: true,
			// Once for each due date and owner: given to someone else
			// after the chase, it is theirs to be reminded of.
			DedupeKey: fmt.Sprintf("action:%d:%s:%s", a.ID, a.Due.Start(time.UTC).Format("2006-01-02"), a.OwnerUser),
			Reply: Reply{Visibility: Private, Text: fmt.Sprintf("A reminder from *%s*: action %d, from %s, is due by %s — %s When it is done: `/action done %d [NOTE]`.",
				Escape(c.Name), a.ID, fromLabel(a), a.Due, Escape(ended(a.Text)), a.ID)},
			DueAt: now,
		})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if ok {
			queued++
		}
	}
	// And before the next meeting, where the actions are reported on.
	before, meetings, err := s.store.ActionsBeforeMeetings(ctx, now, ChaseDays)
	if err != nil {
		return queued, errors.Join(append(errs, err)...)
	}
	for i, a := range before {
		c, err := committee(a.CommitteeID)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		m, err := s.store.Meeting(ctx, meetings[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		loc := c.Location()
		// It names the meeting's day: once the meeting has moved off its
		// first day the key names the day too, as a meeting's reminders'
		// do, so that the owner is told the new one.
		key := fmt.Sprintf("action:%d:meeting:%d:%s", a.ID, meetings[i], a.OwnerUser)
		first, err := s.firstDay(ctx, m, loc)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if day := m.StartsAt.In(loc).Format("2006-01-02"); day != first {
			key += ":" + day
		}
		ok, err := s.store.Enqueue(ctx, OutboxMessage{
			CommitteeID: a.CommitteeID, Kind: OutboxDM, UserID: a.OwnerUser, Repeated: true,
			DedupeKey: key,
			Reply: Reply{Visibility: Private, Text: fmt.Sprintf("Before the meeting of *%s* on %s: action %d, from %s, is yours%s — %s The agenda lists it under Actions from previous meetings; when it is done: `/action done %d [NOTE]`.",
				Escape(c.Name), meetingWhen(m, loc), a.ID, fromLabel(a), dueBefore(a.Due, DateOf(now, loc)), Escape(ended(a.Text)), a.ID)},
			DueAt: now,
		})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if ok {
			queued++
		}
	}
	return queued, errors.Join(errs...)
}

// dueBefore is what the reminder before a meeting says of an action's due
// date, after "is yours", on the day today: a date passed is said so.
func dueBefore(d, today Date) string {
	switch {
	case d.IsNext():
		return ", with no due date given"
	case dateBefore(d, today):
		return " and was due by " + d.String() + ": it is overdue"
	}
	return " and due by " + d.String()
}

// ended is an action's text as a sentence ends, with one full stop: text
// imported from minutes often has its own ("… by 31 January."), and a
// reply that added another would show two.
func ended(text string) string {
	if strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") {
		return text
	}
	return text + "."
}

// minutesConfirming is where minutes drafted and not in progress would be
// confirmed, as the Home offers them: at the meeting in progress or held
// today (at, 0 when none), else by correspondence; and the next meeting,
// which confirms the minutes of its previous meeting (previous) under its
// "Minutes of Previous Meeting" item (item, "" when its agenda has none).
type minutesConfirming struct {
	at, previous int64
	next         *Meeting
	item         string
}

// confirmingOf reads where in's committee's drafted minutes are confirmed.
func (s *Service) confirmingOf(ctx context.Context, in homeInput) (*minutesConfirming, error) {
	c := in.Committee
	mc := &minutesConfirming{}
	at, err := s.approvingMeeting(ctx, &Input{Request: Request{UserID: in.UserID, Now: in.Now}, Committee: c}, Date{})
	switch {
	case err == nil:
		mc.at = at.ID
	case !errors.Is(err, errByCorrespondence):
		return nil, err
	}
	if in.Next == nil {
		return mc, nil
	}
	prev, err := s.store.PreviousMeeting(ctx, c.ID, in.Next.StartsAt)
	if errors.Is(err, ErrNotFound) {
		return mc, nil
	} else if err != nil {
		return nil, err
	}
	items := in.Items
	if items == nil {
		if items, err = s.store.AgendaItems(ctx, in.Next.ID); err != nil {
			return nil, err
		}
	}
	mc.next, mc.previous = in.Next, prev.ID
	for _, it := range items {
		if strings.EqualFold(it.Title, StandardItems[2].Title) {
			mc.item = it.Number
			break
		}
	}
	return mc, nil
}

// line is the Home's line for the draft minutes of m (held on day). Until
// the next meeting, its previous meeting's minutes are for it to confirm,
// under its item on them, as the chair expects: `/minutes approve` typed
// before it confirms them by correspondence, which the line says rather
// than offer it as the thing to do now. A meeting does not confirm its
// own minutes: held today, they are the next meeting's to confirm too.
// chairs says the reader may confirm minutes (see recordsLines).
func (mc *minutesConfirming) line(m Meeting, day string, chairs bool, loc *time.Location) string {
	now := mc.at != 0 && mc.at != m.ID
	if !now && mc.next != nil && mc.previous == m.ID {
		where := "the meeting on " + formatDay(mc.next.StartsAt, loc)
		if mc.item != "" {
			where += " (item " + Escape(mc.item) + ")"
		}
		confirm := fmt.Sprintf("; `/minutes approve %s` at that meeting confirms them (before it, that confirms them by correspondence)", day)
		if !chairs {
			confirm = "; the chair or an officer confirms them there"
		}
		return fmt.Sprintf("Minutes of %s drafted, for confirmation at %s: `/minutes draft %s` to read them%s.",
			formatDay(m.StartsAt, loc), where, day, confirm)
	}
	approve := fmt.Sprintf(", `/minutes approve %s` to confirm them", day)
	if !now {
		approve += " by correspondence"
	}
	if !chairs {
		approve = "; the chair or an officer confirms them"
	}
	return fmt.Sprintf("Minutes of %s drafted, not yet confirmed: `/minutes draft %s` to read them%s.",
		formatDay(m.StartsAt, loc), day, approve)
}
