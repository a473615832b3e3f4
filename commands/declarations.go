package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// InterestKind is the kind of interest a member declares.
type InterestKind string

// Kinds of interest. A member with a disclosable pecuniary interest must
// withdraw from the meeting for the item unless they hold a dispensation;
// with a personal or other interest they declare it and may stay.
const (
	InterestPecuniary InterestKind = "pecuniary"
	InterestPersonal  InterestKind = "personal"
	InterestOther     InterestKind = "other"
)

// Phrase is how the minutes name the kind: "a disclosable pecuniary
// interest". An other interest is any not called personal or pecuniary,
// registrable or not, so the minutes name no kind for it: "declared an
// interest" is what they say, where "an other interest" is no English.
func (k InterestKind) Phrase() string {
	switch k {
	case InterestPecuniary:
		return "a disclosable pecuniary interest"
	case InterestPersonal:
		return "a personal interest"
	}
	return "an interest"
}

// DispensationOutcome says what recording a dispensation changed.
type DispensationOutcome string

// Outcomes of recording a dispensation.
const (
	DispensationRecorded  DispensationOutcome = "recorded"  // recorded now
	DispensationUnchanged DispensationOutcome = "unchanged" // one was already recorded
	// DispensationWithdrawn: the declaration had been withdrawn, perhaps
	// after the command read it; nothing was recorded.
	DispensationWithdrawn DispensationOutcome = "withdrawn"
)

// Declaration is a member's declaration of an interest in an agenda item.
// It is a legal record: never edited; a withdrawal or a dispensation is a
// record of its own.
type Declaration struct {
	ID           int64
	MeetingID    int64
	Item         string // the agenda item's number
	UserID       string // empty for declarations imported from minutes
	Name         string
	Kind         InterestKind
	Nature       string
	Dispensation bool
	Withdrawn    bool
	DeclaredAt   time.Time
	By           string
	// Imported declarations were read from the meeting's minutes: whoever
	// imported them did not declare them for anyone, nor when imported.
	Imported bool

	// ItemID is the agenda item declared on, which the declaration
	// follows when it is renumbered (Item keeps the number it had when
	// the declaration was made); 0 when the meeting has no item of that
	// number (declarations imported from minutes).
	ItemID int64
	// OnItem is that item as it stands now, when ItemID is set.
	OnItem ItemRef
	// OnRegister: the declarant has registered the interest (see
	// onRegister), where the reader looked; the agenda says so.
	OnRegister bool
}

// MaxNatureLen bounds the nature of an interest.
const MaxNatureLen = 1000

// kindPhrases are the spellings people use for each kind, longest first
// within a kind so that "personal interest" is read whole.
var kindPhrases = []struct {
	words string
	kind  InterestKind
}{
	{"disclosable pecuniary interest", InterestPecuniary},
	{"disclosable pecuniary", InterestPecuniary},
	{"pecuniary interest", InterestPecuniary},
	{"pecuniary", InterestPecuniary},
	{"disclosable", InterestPecuniary},
	{"dpi", InterestPecuniary},
	{"financial", InterestPecuniary},
	{"non-pecuniary interest", InterestPersonal},
	{"non pecuniary interest", InterestPersonal},
	{"non-pecuniary", InterestPersonal},
	{"non pecuniary", InterestPersonal},
	{"nonpecuniary", InterestPersonal},
	{"personal interest", InterestPersonal},
	{"personal", InterestPersonal},
	{"other registrable interest", InterestOther},
	{"other registerable interest", InterestOther},
	{"other registrable", InterestOther},
	{"other registerable", InterestOther},
	{"non-registrable interest", InterestOther},
	{"non registrable interest", InterestOther},
	{"non-registrable", InterestOther},
	{"non registrable", InterestOther},
	{"other interest", InterestOther},
	{"registrable", InterestOther},
	{"other", InterestOther},
	{"ori", InterestOther},
	{"nri", InterestOther},
}

// takeKind reads a kind of interest from the start of words, in any of its
// common spellings ("dpi", "disclosable pecuniary interest", "non-pecuniary",
// "personal interest", "other registrable"), and says how many words it used.
func takeKind(words []string) (InterestKind, int) {
	best, bestN := InterestKind(""), 0
	for i, p := range kindPhrases {
		want := kindPhraseWords[i]
		if len(want) > len(words) || len(want) <= bestN {
			continue
		}
		match := true
		for i, w := range want {
			if strings.ToLower(strings.Trim(words[i], ",:;")) != w {
				match = false
				break
			}
		}
		if match {
			best, bestN = p.kind, len(want)
		}
	}
	return best, bestN
}

// kindPhraseWords are kindPhrases' words, split once: split at each
// declaration, they were a sixteenth of what serve allocated for one.
var kindPhraseWords = func() [][]string {
	words := make([][]string, len(kindPhrases))
	for i, p := range kindPhrases {
		words[i] = strings.Fields(p.words)
	}
	return words
}()

// ParseKind reads a whole string as a kind of interest.
func ParseKind(s string) (InterestKind, bool) {
	words := strings.Fields(s)
	k, n := takeKind(words)
	return k, n > 0 && n == len(words)
}

func declareCommand() *Command {
	return &Command{
		Name:    "/declare",
		Summary: "Declare an interest in an agenda item: pecuniary, personal or other.",
		Saves:   "your declaration",
		Fits:    fmt.Sprintf("the nature of an interest may be up to %d characters", MaxNatureLen),
		Subs: []Sub{{
			Usage: []string{"/declare [DATE] ITEM KIND NATURE",
				`/declare for @someone|"Name (Organisation)" [DATE] ITEM KIND NATURE   (officer or chair)`},
			Summary: "Declare an interest in an item of the next meeting's agenda, or of the meeting in progress (or, with a DATE first, that meeting's). An officer or the chair declares for someone else with `for` first.",
			Examples: []string{
				"/declare 7.5 personal Trustee of SWACA",
				"/declare 7.7 pecuniary Spouse employed by Sefton CVS",
				"/declare 4 other Member of the IOM board",
				"/declare for @graeme 7.7 pecuniary Spouse employed by Sefton CVS",
				"/declare for \"Jen Williams (NW Probation)\" 7.7 personal Trustee of SWACA",
			},
			Date: tableDateHelp,
			Also: []string{"add", "interest", "for"},
			Who:  Members, AtTable: true, SelfAdmit: true, Run: declareCmd,
		}, {
			Alone:   true,
			Usage:   []string{"/declare   (alone: opens a form)"},
			Summary: "Open a form to declare an interest in an item of the next meeting's agenda, or of the meeting in progress.",
			Read:    true, Who: Members, Run: declareForm,
		}, {
			Name:    "list",
			Usage:   []string{"/declare list [DATE]"},
			Summary: "The interests declared for the meeting in progress, else the next meeting, or the one on DATE, in agenda order.",
			Date:    tableDateHelp,
			Read:    true, Who: Members, Run: listDeclarations,
		}, {
			Name:    "withdraw",
			Usage:   []string{"/declare withdraw [DATE] ITEM", `/declare withdraw for @someone|"Name (Organisation)" [DATE] ITEM   (officer or chair)`},
			Summary: "Withdraw your declarations for an item of the next meeting, or of the one on DATE; the originals stay on record.",
			Date:    tableDateHelp,
			Who:     Members, SelfAdmit: true, Run: withdrawDeclarationCmd,
		}, {
			Name:    "minutes",
			Usage:   []string{"/declare minutes [DATE]   (officer)"},
			Summary: "The declarations of interest minute, in the minutes' own words.",
			Date:    "DATE is `next` or the meeting's day: " + dateForms + ". Without one, the meeting in progress or today's waiting to be opened, else one held earlier today, else the next; `next` is the next even then.",
			Read:    true, Who: Officers, Doing: "see the declarations of interest minute", Run: declarationsMinutes,
		}},
		Buttons: map[string]Action{
			"declare.withdraw":     withdrawDeclarationAction,
			"declare.dispensation": dispensationAction,
		},
		Forms: map[string]FormHandler{declareFormID: submitDeclaration},
	}
}

// declareArgs is a parsed "/declare [DATE] ITEM KIND NATURE".
type declareArgs struct {
	Date   Date
	Item   string
	Kind   InterestKind
	Nature string
}

// parseDeclaration reads the text of "/declare [DATE] ITEM KIND NATURE".
func parseDeclaration(args []string, now time.Time, loc *time.Location) (declareArgs, error) {
	var a declareArgs
	var rest []string
	var err error
	if err := nextAndDate("/declare", "…", args, now, loc); err != nil {
		return a, err
	}
	if a.Date, a.Item, rest, err = takeDateItem(args, now, loc); err != nil {
		return a, err
	}
	kind, n := takeKind(rest)
	if n == 0 {
		return a, &noKindError{head: args[:len(args)-len(rest)], nature: rest}
	}
	a.Kind = kind
	rest = rest[n:]
	if len(rest) > 0 && (rest[0] == "-" || rest[0] == "—" || rest[0] == ":") {
		rest = rest[1:]
	}
	a.Nature = plainMarked(rest)
	if a.Nature == "" {
		return a, errors.New("say what the interest is, e.g. Trustee of SWACA: a declaration must give its nature")
	}
	if err := tooLong("nature", a.Nature, MaxNatureLen); err != nil {
		return a, err
	}
	return a, nil
}

// noKindError is a declaration that does not say what kind of interest
// it is: head is what was typed before the kind belongs (the day and the
// item), nature what after.
type noKindError struct{ head, nature []string }

func (e *noKindError) Error() string {
	return "say what kind of interest it is: pecuniary, personal or other"
}

// reply asks for the kind with the command as it was typed and the kind
// put in, to copy; forWhom is "for @someone " when entered for them. What
// was typed comes as Slack sent it, escaped: it is unescaped before it
// is escaped again, and backquotes that would break the code span are
// shown as the accent that looks alike. A nature of thousands of letters
// is shortened: whole, it would fill the channel, and it is too long to
// declare as it is.
func (e *noKindError) reply(forWhom string) error {
	echo := func(words []string) string {
		return inCode(Escape(truncateText(Unescape(strings.Join(words, " ")), 200)))
	}
	if len(e.nature) > 1 {
		if kind := kindSlip(e.nature[0]); kind != "" {
			return usageErr("`%s` is not a kind of interest: did you mean `%s`? `/declare %s%s %s %s`.",
				echo(e.nature[:1]), kind, forWhom, echo(e.head), kind, echo(e.nature[1:]))
		}
	}
	nature := "NATURE"
	if len(e.nature) > 0 {
		nature = echo(e.nature)
	}
	return usageErr("Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare %s%s other %s`.", forWhom, echo(e.head), nature)
}

// kindSlipWords are the one-word kinds a slip is looked for in. "other"
// is not among them: a nature that starts "Mother …" or "Otter …" is
// more likely than the word mistyped.
var kindSlipWords = []string{"pecuniary", "personal", "disclosable", "registrable"}

// kindSlip is the kind w is a slip of the keyboard away from, or "":
// left as the nature's first word, the slip would be declared as an
// "other" interest where a pecuniary one was meant.
func kindSlip(w string) string {
	typed := []rune(strings.ToLower(strings.Trim(w, ",:;")))
	if len(typed) < 6 {
		return ""
	}
	for _, k := range kindSlipWords {
		limit := 1
		if len(k) > 8 {
			limit = 2
		}
		if slips(typed, []rune(k)) <= limit {
			return k
		}
	}
	return ""
}

// truncateText shortens s to n characters for quoting in an error, and
// says so with "…". A word of n characters or fewer is quoted whole, and
// without the "…", whatever its bytes: an accented or Welsh word is no
// longer for them.
func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// declareCmd is `/declare [for @person | for "Name (Organisation)"]
// [DATE] ITEM KIND NATURE`: the sender's declaration, or, from an officer
// or the chair, that of the person named, entered by them. A member's own
// declaration for the meeting at the table, nearly every one, is one
// statement that also finds the committee, the member, the meeting and
// the item (DeclareFrom): one round trip to the records. Any other, and
// one that statement does not let through, goes the long way, which says
// what is wrong in the order every command does.
func declareCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	if reply, ok, err := s.declareFrom(ctx, in); ok || err != nil {
		return reply, err
	}
	// stranger: the sender, or the person `for` names, is in Slack but no
	// member; taken if the meeting has them at its table (atTable).
	stranger, err := s.admitStranger(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	c := in.Committee
	b, args, found, err := takeFor(in.Args)
	if err != nil {
		return Reply{}, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	who := in.Me
	switch {
	case stranger != nil && (found || isFor(args)):
		// Only an officer or the chair enters for someone else.
		return Reply{}, stranger
	case stranger != nil:
		who = Member{UserID: in.UserID}
	case found:
		if who, err = s.onBehalf(ctx, in, b, "declare an interest for someone else", "/declare", true); errors.As(err, &stranger) {
			who, err = Member{UserID: stranger.userID}, nil
		}
		if err != nil {
			return Reply{}, err
		}
	case isFor(args):
		return Reply{}, s.forNotNamed(ctx, in, args, "/declare", " …", "declare an interest for someone else")
	}
	if found && len(args) > 0 && strings.EqualFold(args[0], "withdraw") {
		// "For Graeme, withdraw 7.7", as it is said: the line that does it.
		person, given := personArg(who.UserID, who.Name, who.Organisation)
		item := "ITEM"
		if len(args) > 1 {
			item = inCode(Escape(truncateText(strings.Join(args[1:], " "), 40)))
		}
		ue := &UserError{Msg: fmt.Sprintf("`withdraw` comes first: `/declare withdraw for %s %s`%s.", person, item, asGiven(given))}
		if w := in.cmd.variant("withdraw", false); w != nil {
			ue.Usage = w.Usage
		}
		return Reply{}, ue
	}
	a, err := parseDeclaration(args, in.Now, c.Location())
	if nk := (*noKindError)(nil); errors.As(err, &nk) {
		// The command given back to copy must name an item the meeting
		// has: one it has not would be refused again once corrected.
		if _, _, err := s.openItem(ctx, in, a.Date, saidNextFirst(args), a.Item, "declarations"); err != nil {
			return Reply{}, err
		}
		forWhom := ""
		if found {
			person, _ := personArg(who.UserID, who.Name, who.Organisation)
			forWhom = "for " + person + " "
		}
		return Reply{}, nk.reply(forWhom)
	}
	if err != nil {
		if slip := in.subSlip(args); slip != nil {
			return Reply{}, slip
		}
		return Reply{}, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	// A mention is kept as the name the sender saw, as in a reason: the
	// nature is read in lists and the minutes, as text.
	a.Nature = s.namedMentions(ctx, a.Nature)
	if n := utf8.RuneCountInString(a.Nature); n > MaxNatureLen {
		return Reply{}, usageErr("That nature is too long (%d characters; the limit is %d).", n, MaxNatureLen)
	}
	m, it, err := s.openItem(ctx, in, a.Date, saidNextFirst(args), a.Item, "declarations")
	if err != nil {
		return Reply{}, err
	}
	if who, err = s.declarantAt(ctx, c, m, who, stranger, in.UserID, true); err != nil {
		return Reply{}, err
	}
	reply, err := s.declare(ctx, c, who, m, it, a.Kind, a.Nature, false, in.Request)
	if err == nil && stranger != nil && who.UserID == in.UserID {
		reply = strangerDeclared(reply, c, m, it)
	}
	return reply, err
}

// declarantAt is who, as /declare (adds) and `/declare withdraw` take
// them at meeting m of c: a member; someone not in Slack, as m's records
// spell them (onRecordAt), or, where none of that name is on record, the
// one person in Slack of that name (and organisation, where both are
// given) m has at its table; or, for stranger (who is not a member), that
// person as m has them at its table — refused, with how they come to be
// there, if m does not. A stranger's declaration standing at m is
// withdrawn whether or not m still has them at its table: the apologies
// that named them withdrawn, it would otherwise stand for good.
func (s *Service) declarantAt(ctx context.Context, c Committee, m Meeting, who Member, stranger *strangerError, sender string, adds bool) (Member, error) {
	if stranger == nil {
		if who.UserID != "" {
			return who, nil
		}
		known, err := s.peopleAt(ctx, m.ID)
		if err != nil {
			return Member{}, err
		}
		rec, err := onRecord(known, who)
		if err != nil || slices.ContainsFunc(known, func(k namedPerson) bool { return personKey(k.Name) == personKey(who.Name) }) {
			return rec, err
		}
		people, err := s.slackPeopleAt(ctx, m)
		if err != nil {
			return Member{}, err
		}
		people = slices.DeleteFunc(people, func(p Member) bool {
			return personKey(p.Name) != personKey(who.Name) ||
				who.Organisation != "" && p.Organisation != "" && personKey(p.Organisation) != personKey(who.Organisation)
		})
		switch len(people) {
		case 0:
			return rec, nil
		case 1:
			return people[0], nil
		}
		mentions := make([]string, len(people))
		for i, p := range people {
			mentions[i] = "<@" + p.UserID + ">"
		}
		return Member{}, userErr("%s at the meeting in Slack are called %s: name the one meant by mention. Nothing was recorded.", joinAnd(mentions), Escape(who.Name))
	}
	at, ok, err := s.atTable(ctx, m, who.UserID)
	switch {
	case err != nil:
		return Member{}, err
	case ok:
		return at, nil
	case !adds:
		ds, err := s.store.Declarations(ctx, m.ID)
		if err != nil {
			return Member{}, err
		}
		for _, d := range ds {
			if d.UserID == who.UserID && !d.Withdrawn {
				return Member{UserID: d.UserID, Name: d.Name}, nil
			}
		}
	}
	if who.UserID == sender {
		return Member{}, userErr("%s Someone who comes as a member's substitute declares here once the member's apologies name them, or the meeting's attendance marks them.", stranger.Error())
	}
	return Member{}, userErr("%s A substitute, or someone in attendance, is entered for once the meeting's attendance marks them (`/attendance <@%s> substitute-for @member`, or `/attendance <@%s> in-attendance`) or a member's apologies name them as substitute.",
		stranger.Error(), who.UserID, who.UserID)
}

// askDispensation is the question a pecuniary declarant's answer asks
// above its button; strangerDeclared, with no button to offer, replaces it.
const askDispensation = "Do you hold a dispensation?"

// admitStranger admits in's sender as admitSelf does, and, where they
// are not a member, still, for /declare and `/declare withdraw` to take
// them where the meeting has them at its table (declarantAt): the
// returned refusal is kept to be given if it does not, in having the
// committee the request came from.
func (s *Service) admitStranger(ctx context.Context, in *Input) (*strangerError, error) {
	err := s.admitSelf(ctx, in)
	var stranger *strangerError
	if err == nil || !errors.As(err, &stranger) || stranger.userID != in.UserID {
		return nil, err
	}
	in.Committee, in.Next, in.Table = stranger.origin.Committee, stranger.origin.Next, stranger.origin.Table
	return stranger, nil
}

// strangerDeclared is reply, the answer to someone who is not a member
// of c and declared for themselves at meeting m, without its buttons,
// which act for members: the way to withdraw, and who records a
// dispensation, are said instead.
func strangerDeclared(reply Reply, c Committee, m Meeting, it AgendaItem) Reply {
	reply.Buttons = nil
	reply.Text = strings.Replace(reply.Text, askDispensation, "If you hold one, an officer or the chair records it.", 1)
	reply.Text += fmt.Sprintf("\n`/declare withdraw %s %s` withdraws it.", DateOf(m.StartsAt, c.Location()).iso(), Escape(it.Number))
	return reply
}

// declareFrom is declareCmd's one round trip, for a member's own
// declaration for the meeting at the table; ok is false, with nothing
// done, for any other.
func (s *Service) declareFrom(ctx context.Context, in *Input) (Reply, bool, error) {
	// `next` said, while a meeting is in progress, is the meeting after
	// it, which the statement, finding the meeting at the table, is not.
	if in.committeeID != 0 || len(in.Args) == 0 || strings.EqualFold(in.Args[0], "for") || saidNextFirst(in.Args) {
		return Reply{}, false, nil
	}
	// Whether the text starts with a date does not depend on the time
	// zone; only which day a relative one names does.
	a, err := parseDeclaration(in.Args, in.Now, time.UTC)
	// A mention in the nature is named by declareCmd, which asks the
	// directory.
	if err != nil || !a.Date.IsNext() || len(a.Item) > MaxItemLen || strings.Contains(a.Nature, mentionMark) {
		return Reply{}, false, nil
	}
	f, ok, err := s.store.DeclareFrom(ctx, DeclareRequest{
		TeamID: in.TeamID, ChannelID: in.ChannelID, UserID: in.UserID, At: in.Now,
		Items: itemAliases(a.Item), Kind: a.Kind, Nature: a.Nature, Replay: in.Replay,
	})
	if read, err := readHere(err); !read || !ok {
		return Reply{}, false, err
	}
	in.admitFrom(f.Origin)
	return declaredReply(in.Committee, in.Me, f.Meeting, f.Item, f.Declaration, f.Created, f.Unmarked, in.Request), true, nil
}

// openItem finds item n on the agenda of the meeting d names, refusing
// meetings that no longer take declarations or reports. Without a date,
// that is the meeting in progress while one is; `next` said (next) is the
// meeting after it.
func (s *Service) openItem(ctx context.Context, in *Input, d Date, next bool, n, what string) (Meeting, AgendaItem, error) {
	c, now := in.Committee, in.Now
	var m Meeting
	var running bool
	var err error
	if next {
		m, err = s.meetingSaid(ctx, in, d, true)
	} else {
		m, running, err = s.meetingAtTable(ctx, c, in.Next, in.Table, d, now)
	}
	if isUserErr(err) && d.IsNext() && !next {
		// None scheduled after today's, which the chair has just closed:
		// that meeting, the one meant at the table, is what to answer about.
		if day, ok, derr := s.dayMeetingOf(ctx, c, now); derr != nil {
			return Meeting{}, AgendaItem{}, derr
		} else if ok && day.Status == MeetingHeld {
			return Meeting{}, AgendaItem{}, s.heldWayOn(ctx, c, day, openFor(c, day, now, what), what)
		}
	}
	if err != nil {
		return Meeting{}, AgendaItem{}, err
	}
	if err := openFor(c, m, now, what); err != nil && !running {
		return Meeting{}, AgendaItem{}, s.heldWayOn(ctx, c, m, err, what)
	}
	it, _, err := s.agendaItemOf(ctx, in.Table, c, m, n)
	return m, it, err
}

// heldWayOn adds to refused, the refusal of a declaration for meeting m,
// the way on once m has been held: a declaration made at the meeting goes
// in the declarations minute while the minutes are a draft, amended by
// the number the draft gives it; once they are confirmed, the committee
// corrects them at a later meeting. what is what was refused
// (openFor): report links have no minute to go in.
func (s *Service) heldWayOn(ctx context.Context, c Committee, m Meeting, refused error, what string) error {
	ue := (*UserError)(nil)
	if what != "declarations" || m.Status != MeetingHeld || !errors.As(refused, &ue) {
		return refused
	}
	src, _, err := s.minutesSource(ctx, c, m)
	if err != nil {
		return err
	}
	doc := CompileMinutes(src)
	held := DateOf(m.StartsAt, c.Location())
	if !doc.Draft {
		ue.Msg += " Its minutes are confirmed as a correct record. " + correctionWay(held)
		return ue
	}
	number := "NUMBER"
	if it, ok := declarationsItem(src.Items); ok {
		for _, dm := range doc.Minutes {
			if dm.Item == it.Number {
				number = dm.Number
			}
		}
	}
	ue.Msg += fmt.Sprintf(" A declaration made at the meeting goes in its declarations minute while the minutes are a draft: an officer amends it with `/minutes amend %s %s TEXT`, TEXT being the minute as it should then read (`/minutes draft %s` shows it).", held.iso(), number, held.iso())
	return ue
}

// openForDeclarations refuses meetings that are cancelled, held or under way.
func openForDeclarations(c Committee, m Meeting, now time.Time) error {
	return openFor(c, m, now, "declarations")
}

// openFor is openForDeclarations for what ("declarations", "report
// links"), which a held meeting's refusal names: /report is refused for
// its links, not for declarations.
func openFor(c Committee, m Meeting, now time.Time, what string) error {
	if m.Status == MeetingHeld {
		return userErr("The meeting on %s has already been held; %s for it are closed.", formatDay(m.StartsAt, c.Location()), what)
	}
	return openMeeting(c, m, now)
}

// takingDeclarations is openForDeclarations for a meeting a form or a
// button names: a meeting in progress takes them until it closes, as
// the typed `/declare` does (see meetingAtTable).
func (s *Service) takingDeclarations(ctx context.Context, c Committee, m Meeting, now time.Time) error {
	err := openForDeclarations(c, m, now)
	if err == nil || m.Status != MeetingScheduled {
		return err
	}
	run, running, rerr := s.meetingAtTable(ctx, c, nil, nil, Date{}, now)
	if rerr != nil && !isUserErr(rerr) {
		return rerr
	}
	if running && run.ID == m.ID {
		return nil
	}
	return err
}

// declare records who's declaration, entered by r's sender, and answers
// with what follows from it.
func (s *Service) declare(ctx context.Context, c Committee, who Member, m Meeting, it AgendaItem, kind InterestKind, nature string, dispensation bool, r Request) (Reply, error) {
	loc := c.Location()
	told := toldOf(c, who, r, fmt.Sprintf("declared %s for you in %s at the meeting of *%s* on %s.\nNature: %s\nIf this is wrong, `/declare withdraw %s %s` in <#%s> withdraws it.",
		kind.Phrase(), Escape(itemLabel(it)), Escape(c.Name), describeMeeting(m, loc), Escape(nature), DateOf(m.StartsAt, loc).iso(), Escape(it.Number), c.ChannelID))
	d, created, err := s.store.Declare(ctx, Declaration{
		MeetingID: m.ID, Item: it.Number, ItemID: it.ID, UserID: who.UserID, Name: who.Name,
		Kind: kind, Nature: nature, Dispensation: dispensation, DeclaredAt: r.Now, By: r.UserID,
	}, told)
	if err != nil {
		return Reply{}, err
	}
	unmarked, err := s.unmarkedAt(ctx, c, m, who)
	if err != nil {
		return Reply{}, err
	}
	return declaredReply(c, who, m, it, d, created, unmarked, r), nil
}

// unmarkedAt reports whether m is in progress and its attendance does not
// mark who: their declaration is made at the table, and the minutes leave
// out the declarations of those they do not list as there (see
// minutedDeclarations).
func (s *Service) unmarkedAt(ctx context.Context, c Committee, m Meeting, who Member) (bool, error) {
	run, ok, err := s.runningMeeting(ctx, c)
	if err != nil || !ok || run.ID != m.ID {
		return false, err
	}
	log, err := s.store.AttendanceLog(ctx, m.ID)
	if err != nil {
		return false, err
	}
	return !(meetingState{att: Standing(log)}).marked(personOf(who.UserID, who.Name)), nil
}

// declaredReply answers r's sender, who declared (or had declared) d for
// who. unmarked says the meeting in progress does not mark who in its
// attendance: they are told now, while it can still be put right, as the
// minutes would leave the declaration out.
func declaredReply(c Committee, who Member, m Meeting, it AgendaItem, d Declaration, created, unmarked bool, r Request) Reply {
	if who.UserID != r.UserID {
		reply := declaredFor(c, who, m, it, d, created)
		if unmarked {
			reply.Text += fmt.Sprintf("\n%s is not marked in the attendance, so the minutes would leave this declaration out: %s.", whoText(who), markThem(d))
		}
		return reply
	}
	kind := d.Kind
	loc := c.Location()
	var b strings.Builder
	switch {
	case created:
		fmt.Fprintf(&b, "Recorded: you declared %s in %s at the meeting of *%s* on %s.", kind.Phrase(), Escape(itemLabel(it)), Escape(c.Name), describeMeeting(m, loc))
	case enteredFor(d.By, who.UserID) && !d.Imported:
		// Entered for them by an officer or the chair: the member did not
		// declare it, and should know who did before trusting it stands.
		fmt.Fprintf(&b, "This interest in %s was already declared for you, entered by <@%s> (on %s); nothing changed.", Escape(itemLabel(it)), d.By, formatWhen(d.DeclaredAt, loc))
	default:
		fmt.Fprintf(&b, "You had already declared this interest in %s (on %s); nothing changed.", Escape(itemLabel(it)), formatWhen(d.DeclaredAt, loc))
	}
	fmt.Fprintf(&b, "\nNature: %s", Escape(d.Nature))
	reply := Reply{Visibility: Private}
	switch {
	case kind == InterestPecuniary && d.Dispensation:
		fmt.Fprintf(&b, "\nYou hold a dispensation, so you may remain for %s.", Escape("Item "+it.Number))
	case kind == InterestPecuniary:
		fmt.Fprintf(&b, "\nA member with a *disclosable pecuniary interest* must withdraw from the meeting room, including the public gallery, for the whole of %s, unless they hold a dispensation. %s", Escape("Item "+it.Number), askDispensation)
		reply.Buttons = append(reply.Buttons, Button{Label: "I hold a dispensation", Action: "declare.dispensation", Value: strconv.FormatInt(d.ID, 10), Style: "primary"})
	default:
		b.WriteString("\nYou may remain in the meeting. If unsure whether you should withdraw or may vote, ask the Monitoring Officer.")
	}
	if unmarked {
		b.WriteString("\nYou are not marked present at this meeting, so the minutes would leave this declaration out: `/here` marks you present.")
	}
	reply.Text = b.String()
	reply.Buttons = append(reply.Buttons, Button{Label: "Withdraw declaration", Action: "declare.withdraw", Value: withdrawValue(m.ID, it.Number, d.ID), Style: "danger"})
	return reply
}

// declaredFor answers an officer who declared an interest for who. The
// buttons under a member's own answer act for the presser, so the only
// one is the dispensation's, which records it for who: the officer
// withdraws it with `/declare withdraw for …`.
func declaredFor(c Committee, who Member, m Meeting, it AgendaItem, d Declaration, created bool) Reply {
	loc := c.Location()
	var b strings.Builder
	if created {
		fmt.Fprintf(&b, "Recorded: %s declared %s in %s at the meeting of *%s* on %s, entered by you.", whoText(who), d.Kind.Phrase(), Escape(itemLabel(it)), Escape(c.Name), describeMeeting(m, loc))
		if who.UserID != "" {
			b.WriteString(" " + toldThem)
		}
	} else {
		fmt.Fprintf(&b, "%s had already declared this interest in %s (on %s); nothing changed.", whoText(who), Escape(itemLabel(it)), formatWhen(d.DeclaredAt, loc))
	}
	fmt.Fprintf(&b, "\nNature: %s", Escape(d.Nature))
	reply := Reply{Visibility: Private}
	if d.Kind == InterestPecuniary && !d.Dispensation {
		fmt.Fprintf(&b, "\nUnless they hold a dispensation, they must withdraw from the meeting room for the whole of %s.", Escape("Item "+it.Number))
		// A dispensation the member holds is often sent to the officer
		// with the declaration, or after it: the officer records it here,
		// for a declaration they entered or one the member made.
		reply.Buttons = []Button{{Label: "They hold a dispensation", Action: "declare.dispensation", Value: strconv.FormatInt(d.ID, 10), Style: "primary"}}
	}
	reply.Text = b.String()
	return reply
}

// withdrawValue is a Withdraw button's value: the meeting, the item and
// the one declaration it withdraws ("12:7.5:345").
func withdrawValue(meetingID int64, item string, declarationID int64) string {
	return strconv.FormatInt(meetingID, 10) + ":" + item + ":" + strconv.FormatInt(declarationID, 10)
}

func withdrawDeclarationCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	// stranger: as in declareCmd, someone in Slack who is no member,
	// whose declaration at the table is withdrawn as it was made.
	stranger, err := s.admitStranger(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	b, args, found, err := takeFor(in.Args)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	who := Member{UserID: in.UserID}
	switch {
	case stranger != nil && (found || isFor(args)):
		return Reply{}, stranger
	case found:
		if who, err = s.onBehalf(ctx, in, b, "withdraw a declaration for someone else", "/declare withdraw", false); errors.As(err, &stranger) {
			who, err = Member{UserID: stranger.userID}, nil
		}
		if err != nil {
			return Reply{}, err
		}
	case isFor(args):
		return Reply{}, s.forNotNamed(ctx, in, args, "/declare withdraw", " …", "withdraw a declaration for someone else")
	}
	// A declaration may be made on any meeting's item (`/declare DATE
	// ITEM …`), so it may be withdrawn from any, the same way.
	d, n, err := takeDate(args, in.Now, in.Committee.Location())
	if err != nil {
		return Reply{}, badArgs(err) // a date that does not exist, as every command says it
	}
	item, k := takeItem(args[n:])
	if k == 0 && len(args) > n {
		// A word where the item's number goes is answered as /declare
		// answers it, not as if no item had been given.
		_, _, _, err := takeDateItem(args, in.Now, in.Committee.Location())
		return Reply{}, badArgs(err)
	}
	if k == 0 || len(args) > n+k {
		return Reply{}, usageErr("Say which item's declaration to withdraw, e.g. `/declare withdraw 7.5`, or `/declare withdraw 11/02/2027 4` for a later meeting.")
	}
	// Without a date, the meeting in progress while one is, as for
	// `/declare ITEM …`; `next` said is the meeting after it.
	var m Meeting
	if saidNextFirst(args) {
		m, err = s.meetingSaid(ctx, in, d, true)
	} else {
		m, _, err = s.meetingAtTable(ctx, in.Committee, in.Next, in.Table, d, in.Now)
	}
	if err != nil {
		return Reply{}, err
	}
	if who.UserID != in.UserID || stranger != nil {
		if who, err = s.declarantAt(ctx, in.Committee, m, who, stranger, in.UserID, false); err != nil {
			return Reply{}, err
		}
	}
	if who.UserID != in.UserID {
		return s.withdrawDeclarationsOf(ctx, in.Committee, who, m, in.Request, item)
	}
	reply, err := s.withdrawDeclarations(ctx, in.Committee, m, in.Request, item, 0)
	// An officer or the chair with none of their own on the item may
	// have meant someone else's: name whose stand, with the form that
	// withdraws each, the day kept as typed.
	var none *noneStandingError
	if errors.As(err, &none) && (in.Me.IsOfficer() || in.Me.Role == RoleChair) {
		day := ""
		if n > 0 {
			day = inCode(Escape(plain(args[:n]))) + " "
		}
		return Reply{}, s.othersStanding(ctx, m, none, in.UserID, day)
	}
	return reply, err
}

// noneStandingError is a withdrawal of one's own declarations that found
// none standing on item it.
type noneStandingError struct {
	*UserError
	it AgendaItem
}

func (e *noneStandingError) Unwrap() error { return e.UserError }

// othersStanding is none with the declarations others have standing on its
// item at m, if any, each with the command that withdraws it for them.
func (s *Service) othersStanding(ctx context.Context, m Meeting, none *noneStandingError, userID, day string) error {
	ds, err := s.store.Declarations(ctx, m.ID)
	if err != nil {
		return err
	}
	var theirs []string
	seen := map[string]bool{}
	for _, d := range ds {
		key := d.UserID + "\x00" + d.Name
		if d.Withdrawn || d.UserID == userID || seen[key] || !d.filed().on(none.it) {
			continue
		}
		seen[key] = true
		name, org := d.Name, ""
		if d.UserID == "" {
			name, org = splitOrg(d.Name)
		}
		person, _ := personArg(d.UserID, name, org)
		theirs = append(theirs, fmt.Sprintf("%s — `/declare withdraw for %s %s%s` withdraws theirs", Escape(d.Name), person, day, Escape(none.it.Number)))
	}
	if len(theirs) == 0 {
		return none.UserError
	}
	return userErr("%s Declared in it: %s.", none.Msg, strings.Join(theirs, "; "))
}

// withdrawDeclarationsOf withdraws who's declarations for item at meeting
// m of c, by r's sender, an officer or the chair.
func (s *Service) withdrawDeclarationsOf(ctx context.Context, c Committee, who Member, m Meeting, r Request, item string) (Reply, error) {
	if err := s.takingDeclarations(ctx, c, m, r.Now); err != nil {
		return Reply{}, err
	}
	it, label, err := s.itemOn(ctx, m, item)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	told := toldOf(c, who, r, fmt.Sprintf("withdrew your declaration of interest in %s at the meeting of *%s* on %s. It stays on record, with who withdrew it. If it should stand, declare it again with `/declare %s %s KIND NATURE` in <#%s>.",
		Escape(label), Escape(c.Name), describeMeeting(m, loc), DateOf(m.StartsAt, loc).iso(), Escape(it.Number), c.ChannelID))
	n, err := s.store.WithdrawDeclarations(ctx, m.ID, it.ID, it.Number, recordKey(who), r.UserID, 0, r.Now, told)
	if err != nil {
		return Reply{}, err
	}
	if n == 0 {
		return Reply{}, s.noneStanding(ctx, c, m, it, fmt.Sprintf("%s has no declaration standing for %s at the meeting on %s.", whoText(who), Escape(label), formatDay(m.StartsAt, loc)))
	}
	return private("%s", withTold(fmt.Sprintf("The %s of %s in %s %s withdrawn. The original stays on record, with this withdrawal by you.",
		plural(n, "declaration", "declarations"), whoText(who), Escape(label), plural(n, "is", "are")), told)), nil
}

// noneStanding is the answer to a withdrawal that found no declaration
// standing for it (msg), unless it is on no agenda item: then that it is
// not on the agenda, with the items that are, as a declaration for it is
// answered, so that a mistyped number is not taken for one with nothing
// declared. (A declaration filed under a number with no item, as imported
// ones may be, is still withdrawn by that number.)
func (s *Service) noneStanding(ctx context.Context, c Committee, m Meeting, it AgendaItem, msg string) error {
	if it.ID != 0 {
		return userErr("%s", msg)
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return err
	}
	return s.notOnAgendaErr(ctx, c, m, it.Number, items)
}

// withdrawDeclarations withdraws r's sender's declarations for item at
// meeting m of c, as `/declare withdraw` and the Withdraw buttons do: all
// of them, or (from a button) only the one numbered only.
func (s *Service) withdrawDeclarations(ctx context.Context, c Committee, m Meeting, r Request, item string, only int64) (Reply, error) {
	if err := s.takingDeclarations(ctx, c, m, r.Now); err != nil {
		return Reply{}, err
	}
	it, label, err := s.itemOn(ctx, m, item)
	if err != nil {
		return Reply{}, err
	}
	if only != 0 {
		// A button names its declaration, whose item may have been
		// renumbered since the button was made.
		d, err := s.store.Declaration(ctx, only)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return Reply{}, err
		}
		if err == nil && d.MeetingID == m.ID {
			items, err := s.store.AgendaItems(ctx, m.ID)
			if err != nil {
				return Reply{}, err
			}
			label = d.filed().label(items)
		}
	}
	n, err := s.store.WithdrawDeclarations(ctx, m.ID, it.ID, it.Number, r.UserID, r.UserID, only, r.Now, nil)
	if err != nil {
		return Reply{}, err
	}
	if n == 0 && only != 0 {
		if err := s.othersStandBeside(ctx, c, m, r, only, label); err != nil {
			return Reply{}, err
		}
	}
	if n == 0 {
		err := s.noneStanding(ctx, c, m, it, fmt.Sprintf("You have no declaration standing for %s at the meeting on %s.", Escape(label), formatDay(m.StartsAt, c.Location())))
		if ue := (*UserError)(nil); it.ID != 0 && errors.As(err, &ue) {
			err = &noneStandingError{UserError: ue, it: it}
		}
		return Reply{}, err
	}
	reply := private("Your %s in %s %s withdrawn. The original stays on record, with this withdrawal.",
		plural(n, "declaration", "declarations"), Escape(label), plural(n, "is", "are"))
	return reply, nil
}

// othersStandBeside answers a Withdraw button whose declaration (only),
// at meeting m, was withdrawn already (by an officer for the member, or
// from another button) when the presser has other declarations standing
// in its item, before it or since: "no declaration standing" would be
// untrue, and those standing are not the one the button named, so they
// are left as they are. nil otherwise.
func (s *Service) othersStandBeside(ctx context.Context, c Committee, m Meeting, r Request, only int64, label string) error {
	d, err := s.store.Declaration(ctx, only)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil
	case err != nil:
		return err
	case d.MeetingID != m.ID || d.UserID != r.UserID || !d.Withdrawn:
		return nil
	}
	ds, err := s.store.Declarations(ctx, m.ID)
	if err != nil {
		return err
	}
	var standing []string
	for _, o := range ds {
		sameItem := o.ItemID != 0 && o.ItemID == d.ItemID || o.ItemID == 0 && d.ItemID == 0 && o.Item == d.Item
		if o.UserID == d.UserID && !o.Withdrawn && sameItem {
			standing = append(standing, fmt.Sprintf("%s interest — %s", kindWord(o.Kind), Escape(o.Nature)))
		}
	}
	if len(standing) == 0 {
		return nil
	}
	return userErr("That declaration — %s in %s: %s — was withdrawn already; nothing changed. Your other %s in the item %s: %s. `/declare withdraw %s %s` withdraws %s.",
		d.Kind.Phrase(), Escape(label), Escape(d.Nature), plural(len(standing), "declaration", "declarations"), plural(len(standing), "stands", "stand"),
		strings.Join(standing, "; "), DateOf(m.StartsAt, c.Location()).iso(), Escape(d.filed().number()), plural(len(standing), "it", "them"))
}

// withdrawDeclarationAction is a Withdraw button, under a declaration's
// acknowledgement or on the Home tab: its value names the meeting, the
// item and the declaration (see withdrawValue).
func withdrawDeclarationAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	meeting, item, only, ok := parseWithdrawValue(value)
	if !ok {
		return Reply{}, userErr("That button is broken; use `/declare withdraw ITEM`.")
	}
	c, _, m, err := s.meetingOfMember(ctx, r, meeting)
	if err != nil {
		return Reply{}, err
	}
	return s.withdrawDeclarations(ctx, c, m, r, item, only)
}

// parseWithdrawValue reads a Withdraw button's value: "12:7.5:345", or
// "12:7.5" from buttons made before a button named its declaration.
func parseWithdrawValue(value string) (meeting int64, item string, only int64, ok bool) {
	parts := strings.Split(value, ":")
	if len(parts) < 2 || len(parts) > 3 || !isItemNumber(parts[1]) {
		return 0, "", 0, false
	}
	meeting, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || meeting <= 0 {
		return 0, "", 0, false
	}
	if len(parts) == 3 {
		if only, err = strconv.ParseInt(parts[2], 10, 64); err != nil || only < 0 {
			return 0, "", 0, false
		}
	}
	return meeting, parts[1], only, true
}

const withdrawnDeclaration = "That declaration was withdrawn; declare the interest again if it stands."

// declaredAgain is the pecuniary interest standing (Declarations reads
// only those) at withdrawn's meeting that its declarant has declared again on its item since
// withdrawing it, the latest of them; zero when there is none.
func (s *Service) declaredAgain(ctx context.Context, withdrawn Declaration) (Declaration, error) {
	ds, err := s.store.Declarations(ctx, withdrawn.MeetingID)
	if err != nil {
		return Declaration{}, err
	}
	var again Declaration
	for _, d := range ds {
		sameItem := d.ItemID != 0 && d.ItemID == withdrawn.ItemID || d.ItemID == 0 && withdrawn.ItemID == 0 && d.Item == withdrawn.Item
		if d.UserID == withdrawn.UserID && sameItem && d.Kind == InterestPecuniary {
			again = d // oldest first: the last is the latest
		}
	}
	return again, nil
}

func dispensationAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 {
		return Reply{}, userErr("That button is broken; declare the interest again.")
	}
	// A declaration of another committee's is answered as one that does
	// not exist (see errNotYourMeeting), before anything of it is looked
	// at but its meeting.
	notYours := userErr("That declaration no longer exists, or you are not a member of its committee.")
	d, err := s.store.Declaration(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, notYours
	}
	if err != nil {
		return Reply{}, err
	}
	c, me, m, err := s.meetingOfMember(ctx, r, d.MeetingID)
	if errors.Is(err, errNotYourMeeting) {
		return Reply{}, notYours
	}
	if err != nil {
		return Reply{}, err
	}
	forOther := d.UserID != r.UserID
	if forOther {
		if !me.IsOfficer() && me.Role != RoleChair && me.Role != RoleViceChair {
			return Reply{}, userErr("That button belongs to someone else's declaration.")
		}
		// Whoever may declare for someone may record their dispensation,
		// checked as `/declare for` is: the vice-chair only for a meeting
		// the chair has sent apologies for, which is the declaration's
		// meeting, named by its day as the command would name it.
		at := r
		at.Command, at.Text = "/declare", m.StartsAt.In(c.Location()).Format("2006-01-02")
		if err := s.chairing(ctx, at, Origin{Committee: c, Member: &me}, "record a dispensation for someone else"); err != nil {
			return Reply{}, err
		}
	}
	if err := s.takingDeclarations(ctx, c, m, r.Now); err != nil {
		return Reply{}, err
	}
	if d.Withdrawn {
		// The button stays on the reply to the declaration since withdrawn:
		// when the member has declared the interest again on the item, it
		// is that declaration the press means.
		again, err := s.declaredAgain(ctx, d)
		if err != nil {
			return Reply{}, err
		}
		if again.ID == 0 {
			return Reply{}, userErr(withdrawnDeclaration)
		}
		d = again
	}
	// A member told only that an interest was declared for them would
	// otherwise learn that they are taken to hold a dispensation, and so
	// to stay in the room for the item, only from their Home.
	loc := c.Location()
	told := toldOf(c, Member{UserID: d.UserID}, r, fmt.Sprintf("recorded that you hold a dispensation for your disclosable pecuniary interest in Item %s at the meeting of *%s* on %s, so you may remain for it.\nNature: %s\nIf you hold none, tell the officer: without one, you must withdraw from the meeting room for the whole of the item.",
		Escape(d.filed().number()), Escape(c.Name), describeMeeting(m, loc), Escape(d.Nature)))
	outcome, err := s.store.RecordDispensation(ctx, d.ID, r.UserID, r.Now, told)
	if err != nil {
		return Reply{}, err
	}
	// Withdrawn since it was read above: the store checks again as it
	// writes, so that no dispensation is recorded on a withdrawn one.
	if outcome == DispensationWithdrawn {
		return Reply{}, userErr(withdrawnDeclaration)
	}
	created := outcome == DispensationRecorded
	if forOther {
		who := personText(d.UserID, d.Name)
		if !created {
			return private("The dispensation of %s for Item %s was already recorded; nothing changed.", who, Escape(d.filed().number())), nil
		}
		return private("%s", withTold(fmt.Sprintf("Recorded: %s holds a dispensation for their disclosable pecuniary interest in Item %s, so may remain for it. Their history says you recorded it.", who, Escape(d.filed().number())), told)), nil
	}
	if !created {
		return private("Your dispensation for Item %s was already recorded; nothing changed.", Escape(d.filed().number())), nil
	}
	reply := private("Recorded: you hold a dispensation for your disclosable pecuniary interest in Item %s, so you may remain for it. The officer may ask to see it.", Escape(d.filed().number()))
	return reply, nil
}

func listDeclarations(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, ds, items, err := s.declarationsOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	es, err := s.store.Interests(ctx, c.ID, "", false)
	if err != nil {
		return Reply{}, err
	}
	lines := make([]string, len(ds))
	for i, d := range ds {
		when := "declared " + formatWhen(d.DeclaredAt, loc)
		if d.Imported {
			when = "recorded in the minutes of " + formatDay(m.StartsAt, loc)
		}
		lines[i] = fmt.Sprintf("• %s — %s: %s interest — %s (%s%s)", Escape(d.filed().label(items)), Escape(d.Name), kindWord(d.Kind), Escape(d.Nature), when, madeAs(d.filed(), items))
		switch {
		case d.Kind == InterestPecuniary && d.Dispensation:
			lines[i] += " — holds a dispensation"
		case d.Kind == InterestPecuniary && !d.filed().takenOff(items):
			lines[i] += " — withdraws for this item"
		}
		if onRegister(es, d) {
			lines[i] += " — _on the register of interests_"
		}
		if !d.Imported {
			lines[i] += enteredBy(d.By, d.UserID)
		}
	}
	head := fmt.Sprintf("*Declarations of interest* — %s, meeting on %s", Escape(c.Name), describeMeeting(m, loc))
	return listing(head, "No interests have been declared.", lines), nil
}

func kindWord(k InterestKind) string {
	if k == InterestPecuniary {
		return "disclosable pecuniary"
	}
	return string(k)
}

// declarationsOn finds the meeting of the date that is all in takes, and
// lists its standing declarations in agenda order, with the agenda's items.
func (s *Service) declarationsOn(ctx context.Context, in *Input) (Meeting, []Declaration, []AgendaItem, error) {
	m, err := s.meetingReadOrHeld(ctx, in)
	if err != nil {
		return Meeting{}, nil, nil, err
	}
	return s.declarationsAt(ctx, m)
}

// meetingReadOrHeld is meetingRead, but for a command given no date when
// no meeting is scheduled after today's, which has closed: the meeting
// just held, whose declarations those at it look for, rather than a
// refusal saying none is scheduled.
func (s *Service) meetingReadOrHeld(ctx context.Context, in *Input) (Meeting, error) {
	m, err := s.meetingRead(ctx, in)
	if !isUserErr(err) || len(in.Args) > 0 {
		return m, err
	}
	day, ok, derr := s.dayMeetingOf(ctx, in.Committee, in.Now)
	if derr != nil {
		return Meeting{}, derr
	}
	if ok && day.Status == MeetingHeld {
		return day, nil
	}
	return m, err
}

// declarationsAt is m with its declarations, in agenda order, and agenda.
func (s *Service) declarationsAt(ctx context.Context, m Meeting) (Meeting, []Declaration, []AgendaItem, error) {
	ds, err := s.store.Declarations(ctx, m.ID)
	if err != nil {
		return Meeting{}, nil, nil, err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Meeting{}, nil, nil, err
	}
	sortDeclarations(ds, items)
	return m, ds, items, nil
}

// sortDeclarations orders ds by their items' places on the agenda, then as
// declared.
func sortDeclarations(ds []Declaration, items []AgendaItem) {
	sort.SliceStable(ds, func(i, j int) bool {
		pi, pj := ds[i].filed().key(items), ds[j].filed().key(items)
		if pi != pj {
			return pi < pj
		}
		return ds[i].DeclaredAt.Before(ds[j].DeclaredAt)
	})
}

func declarationsMinutes(ctx context.Context, s *Service, in *Input) (Reply, error) {
	m, err := s.meetingReadOrHeld(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if len(in.Args) == 0 && m.Status == MeetingScheduled && m.StartsAt.After(in.Now) {
		// The minute is written after the meeting: asked for on the day
		// it closed, it is that meeting's, not the next one's, which has
		// no declarations yet.
		today, ok, err := s.dayMeetingOf(ctx, in.Committee, in.Now)
		if err != nil {
			return Reply{}, err
		}
		if ok && today.Status == MeetingHeld {
			m = today
		}
	}
	m, ds, items, err := s.declarationsAt(ctx, m)
	if err != nil {
		return Reply{}, err
	}
	st, err := s.meetingState(ctx, in.Committee, m)
	if err != nil {
		return Reply{}, err
	}
	approval, err := s.store.MinutesApprovalOf(ctx, m.ID)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return Reply{}, err
	default:
		st.approval = &approval
	}
	ms, err := s.store.MeetingMinutes(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	// Before the meeting, nobody has left the room: the paragraph says
	// what a pecuniary interest will mean, as the agenda does; after, what
	// the attendance recorded.
	ahead := !heldBy(m, in.Now) && st.sit.Opened.IsZero()
	text, away, hints := st.declarationsMinute(ds, items, ms, ahead)
	return private("*DECLARATIONS OF INTEREST* — meeting on %s\n%s%s%s", describeMeeting(m, in.Committee.Location()), Escape(text), prefixed("\n", away), prefixed("\n", strings.Join(hints, "\n"))), nil
}

// declarationsMinute is the declarations minute of st's meeting from ds,
// the officer's note of whose declarations it leaves out ("" when none),
// and the officer's notes of what its records leave it unable to say (see
// tableHints). Minutes confirmed before the minute read the attendance for
// who left the meeting (RuleDeclarationsAtTable) read as they were
// confirmed: every pecuniary declarant without a dispensation left for the
// item, nobody is left out for not being marked, natures are not quoted,
// an interest of no kind is "an other interest".
// They are a legal record, and a new release must not reword them. No
// notes come with confirmed minutes, which cannot change, nor once the
// officer has written the declarations minute in their own words (in ms):
// what the notes would have them say is theirs to judge.
func (st meetingState) declarationsMinute(ds []Declaration, items []AgendaItem, ms []Minute, ahead bool) (text, away string, hints []string) {
	if st.approval.Predates(RuleDeclarationsAtTable) {
		ds, away = minutedDeclarations(ds, st.apologies, st.att, false)
		return declarationsParagraph(ds, items, false, st.minuteOf, st.consideredBefore, alwaysLeft, true), away, nil
	}
	ds, away = minutedDeclarations(ds, st.apologies, st.att, true)
	text = declarationsParagraph(ds, items, ahead, st.minuteOf, st.consideredBefore, st.leaving, false)
	if it, ok := declarationsItem(items); ok && slices.ContainsFunc(ms, func(mi Minute) bool { return mi.Item == it.Number && mi.Narrative != "" }) {
		return text, "", nil
	}
	if ahead || st.approval != nil {
		return text, away, nil
	}
	return text, away, st.tableHints(items)
}

// declarationsItem is the agenda's "Declarations of Interest" item.
func declarationsItem(items []AgendaItem) (AgendaItem, bool) {
	i := slices.IndexFunc(items, func(it AgendaItem) bool { return strings.EqualFold(it.Title, StandardItems[1].Title) })
	if i < 0 {
		return AgendaItem{}, false
	}
	return items[i], true
}

// leftForTheItem is how the minutes say a pecuniary declarant left the
// meeting for their item.
const leftForTheItem = ", and left the meeting for that item"

// alwaysLeft is how minutes confirmed before the minutes read the
// attendance said a pecuniary declarant without a dispensation left the
// meeting for the item: always (see declarationsMinute). They read as
// they were confirmed.
func alwaysLeft(Declaration, string) string { return leftForTheItem }

// minutedDeclarations is ds without the declarations of those not
// recorded at the meeting — whose apologies stand, whom the attendance
// marks absent, or whom it does not mark at all once it marks anyone —
// who are not known to have been there to declare, nor to leave the room
// for the item; and a sentence naming them for the officer ("" when
// none). The minutes list those present from the attendance: a
// declaration by someone the list leaves out would read as made at the
// table by someone not there. A meeting whose attendance was never taken
// says nothing of who was there, and its declarations stand. Without
// unmarked (the earlier rule: see declarationsMinute), someone the
// attendance does not mark keeps their declarations.
func minutedDeclarations(ds []Declaration, as []Apology, att []Attendee, unmarked bool) ([]Declaration, string) {
	why := map[string]string{}
	if unmarked && len(att) > 0 {
		for _, d := range ds {
			why[personOf(d.UserID, d.Name)] = "not marked in the attendance"
		}
		for _, a := range att {
			delete(why, personOf(a.UserID, a.Name))
		}
	}
	for _, a := range as {
		why[personOf(a.UserID, a.Name)] = "who sent apologies"
	}
	for _, a := range att {
		if a.Status == AttendAbsent {
			why[personOf(a.UserID, a.Name)] = "marked absent"
		}
	}
	var minuted []Declaration
	var away []string
	named := map[string]bool{}
	for _, d := range ds {
		who := personOf(d.UserID, d.Name)
		w, ok := why[who]
		// Declarations read from imported minutes are as those minutes
		// recorded them.
		if !ok || d.Imported {
			minuted = append(minuted, d)
			continue
		}
		if !d.Withdrawn && !named[who] {
			named[who] = true
			away = append(away, Escape(d.Name)+" ("+w+")")
		}
	}
	if len(away) == 0 {
		return minuted, ""
	}
	return minuted, "Not minuted: the declarations of " + joinAnd(away) + "."
}

// personOf tells apart the people of a meeting's records: a Slack user by
// their ID, someone not in Slack by their name as it is matched
// (personKey), so that records entered under that name spelt otherwise
// (without its accents, with the other apostrophe) are still theirs.
func personOf(userID, name string) string {
	if userID != "" {
		return userID
	}
	return "name:" + personKey(name)
}

// NoDeclarations is the minutes' sentence when nobody declared an interest.
const NoDeclarations = "No declarations of any disclosable pecuniary interests or personal interests were received."

// DeclarationsParagraph is the "Declarations of Interest" minute, in the
// minutes' own style: NoDeclarations, or one sentence per declaration in
// agenda order, e.g. "Neil Frackelton declared a personal interest in Item
// 7.5 (SWACA) as Trustee of SWACA." It is plain text: Escape it before
// putting it in a reply. Read without the meeting's attendance, it says
// nothing of whether a pecuniary declarant left the meeting.
func DeclarationsParagraph(ds []Declaration, items []AgendaItem) string {
	return declarationsParagraph(ds, items, false, nil, nil, nil, false)
}

// declarationsParagraph is DeclarationsParagraph, saying what a pecuniary
// interest means in the future tense when the meeting is still ahead:
// before it, nobody has left the room yet. With minuteOf (the minutes'
// numbering of the agenda's items), an item on the agenda is named by its
// minute, as the minutes print it: "Minute No. 34 (SWACA)". With
// considered (whether the meeting had finished with an item by a moment),
// a declaration made at the table once its item had been dealt with says
// so, rather than that the declarant left the meeting for it. With left
// (what the meeting's records show of the declarant leaving for the
// item, "" for nothing; see leaving), a pecuniary declarant without a
// dispensation is said to have left the meeting only when they did. A nature in the
// first person is quoted (see natureClause), and an interest of no kind
// is "an interest" (Phrase), unless earlier: the wording of minutes
// confirmed before those rules (see declarationsMinute), which read as
// they were confirmed, "an other interest" and natures unquoted.
func declarationsParagraph(ds []Declaration, items []AgendaItem, ahead bool, minuteOf map[string]string, considered func(item string, at time.Time) bool, left func(d Declaration, item string) string, earlier bool) string {
	var standing []Declaration
	for _, d := range ds {
		if !d.Withdrawn {
			standing = append(standing, d)
		}
	}
	if len(standing) == 0 {
		return NoDeclarations
	}
	sortDeclarations(standing, items)
	sentences := make([]string, 0, len(standing))
	for _, d := range standing {
		label := d.filed().label(items)
		it, onAgenda := d.filed().place(items)
		if onAgenda && minuteOf[it.Number] != "" {
			label = "Minute No. " + minuteOf[it.Number]
			if h, ok := headingListing(items, it, minuteOf); ok {
				// Listed in its heading's minute (see listedUnder): the
				// minute is the heading's, the interest in the report.
				label += " (" + bracketable(h.Title) + "), item " + it.Number
			}
			if it.Title != "" {
				label += " (" + bracketable(it.Title) + ")"
			}
		}
		var b strings.Builder
		phrase := d.Kind.Phrase()
		if earlier && d.Kind == InterestOther {
			phrase = "an other interest"
		}
		fmt.Fprintf(&b, "%s declared %s in %s", oneLine(d.Name), phrase, oneLine(label))
		b.WriteString(natureClause(d.Nature, !earlier))
		switch {
		case onAgenda && considered != nil && considered(it.Number, d.DeclaredAt):
			b.WriteString(", after that item had been considered")
		case d.Kind == InterestPecuniary && !d.filed().takenOff(items):
			item := ""
			if onAgenda {
				item = it.Number
			}
			switch {
			case d.Dispensation && ahead:
				b.WriteString(", and will remain in the meeting under a dispensation")
			case d.Dispensation:
				b.WriteString(", and remained in the meeting under a dispensation")
			case ahead:
				b.WriteString(", and will withdraw from the meeting for that item")
			case left != nil:
				b.WriteString(left(d, item))
			}
			// Otherwise nothing recorded shows the declarant leaving: the
			// minutes are the meeting's legal record, and say only what
			// was declared rather than either that they left or that they
			// stayed, which nobody recorded either. The officer is told
			// how to record the departure (tableHints).
		}
		b.WriteString(".")
		sentences = append(sentences, b.String())
	}
	return strings.Join(sentences, " ")
}

// natureClause is the nature of an interest as the minutes read it after
// "declared … in Item 7.5 (SWACA)": " as Trustee of SWACA", or " through
// …" where the member began with such a word. Words in the first person
// ("My partner works for SWACA", "I am a trustee") are the member's own,
// and the minutes, written in the third person, quote them rather than
// read them as their own (": “My partner works for SWACA”"): no rewording
// of them could be sure to keep their sense. Without quote, as minutes
// confirmed before that read them, they are not.
func natureClause(nature string, quote bool) string {
	nature = strings.TrimRight(oneLine(nature), ".")
	if nature == "" {
		return ""
	}
	if quote && firstPerson(nature) {
		return ": “" + nature + "”"
	}
	switch strings.ToLower(strings.Fields(nature)[0]) {
	case "as", "because", "being", "by", "since", "through":
		return " " + nature
	}
	return " as " + nature
}

// firstPersonWords are the words that put a nature in the first person.
var firstPersonWords = map[string]bool{
	"i": true, "i'm": true, "i've": true, "i'd": true, "i'll": true, "me": true, "my": true, "mine": true, "myself": true,
	"we": true, "we're": true, "we've": true, "we'd": true, "we'll": true, "us": true, "our": true, "ours": true, "ourselves": true,
}

// firstPerson reports whether words speak in the first person: one of
// firstPersonWords stands among them, whatever its case, but for words
// in capitals ("ME Association", "US company"), which are names; an "I"
// within an initialism ("I.T."); and a lone "I" after a capitalised word
// other than the sentence's first ("Grade I listed"), which numbers it.
// "Since I joined" and "I am a trustee" are the member's own words.
func firstPerson(words string) bool {
	start, afterName := true, false
	for _, field := range strings.Fields(strings.ReplaceAll(words, "’", "'")) {
		for _, w := range strings.FieldsFunc(field, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '.' }) {
			w = strings.Trim(w, "'.")
			switch {
			case w == "" || strings.Contains(w, "."):
				// An initialism, not a word.
			case w == "I":
				if !afterName {
					return true
				}
			case len(w) > 1 && w == strings.ToUpper(w):
			case firstPersonWords[strings.ToLower(w)]:
				return true
			}
			afterName = !start && w != "" && unicode.IsUpper([]rune(w)[0])
			start = false
		}
		start = strings.ContainsAny(field[len(field)-1:], ".!?:;")
	}
	return false
}

// leftFor reports whether the attendance log shows d's declarant away
// for item: gone, each time the meeting took the item up, by the time it
// moved on from it (to another item, or the close), having left before
// then and not come back until the minute before. Times are entered to
// the minute, and marked as they happen to the second: someone marked
// back at 10:30, or at 10:30:50, when the meeting moved on at 10:31:05
// came back as it did, and was away for the whole of the item. An item
// never taken up by its own number is taken up with the heading it is run
// under (`/meeting item 7` for 7.5 and 7.7); one never taken up at all
// is left to awayToTheClose.
func (st meetingState) leftFor(d Declaration, item string) bool {
	away := st.absencesOf(d)
	if len(away) == 0 {
		return false
	}
	gone := func(end time.Time) bool {
		return slices.ContainsFunc(away, func(ab absence) bool {
			return ab.left.Before(end) && (ab.back.IsZero() || !ab.back.Add(time.Minute).Before(end))
		})
	}
	takes := func(taken string) bool { return item != "" && taken == item }
	if !slices.ContainsFunc(st.sit.Events, func(e SessionEvent) bool { return e.Action == ActionItem && takes(e.Item) }) {
		takes = func(taken string) bool { return item != "" && runUnder(item, taken) }
	}
	current, taken := "", false
	for _, e := range st.sit.Events {
		if e.Action != ActionItem && e.Action != ActionClosed {
			continue
		}
		if takes(current) && (e.Action == ActionClosed || !takes(e.Item)) && !gone(e.At) {
			return false
		}
		current = ""
		if e.Action == ActionItem {
			current, taken = e.Item, taken || takes(e.Item)
		}
	}
	if !taken {
		return st.awayToTheClose(d, item, away)
	}
	if takes(current) {
		// Still under discussion: they are away if they have not come back.
		return away[len(away)-1].back.IsZero()
	}
	return true
}

// leaving is what the minutes say of d's declarant leaving the meeting
// for item: nothing unless the attendance shows them away for it
// (leftFor); that they left for it; or, gone for good before the meeting
// took it up, or before the close of a meeting that never recorded taking
// it up, when they left the meeting ("…, having left the meeting at
// 10:21"): they did not go for an item they were no longer there for.
// Minutes confirmed before that rule (RuleWithdrawalsAsRecorded) read as
// they were confirmed, that they left for the item.
func (st meetingState) leaving(d Declaration, item string) string {
	if !st.leftFor(d, item) {
		return ""
	}
	if at, ok := st.goneFor(d, item); ok && !st.approval.Predates(RuleWithdrawalsAsRecorded) {
		return ", having left the meeting at " + at.In(st.c.Location()).Format("15:04")
	}
	return leftForTheItem
}

// goneFor is when d's declarant left the meeting for good, if they
// did before it took up item (by its own number or, never so, by the
// heading it is run under; see leftFor), more than a minute before, as
// times are entered to the minute; or, the meeting never having taken it
// up, at all.
func (st meetingState) goneFor(d Declaration, item string) (time.Time, bool) {
	away := st.absencesOf(d)
	if len(away) == 0 || !away[len(away)-1].back.IsZero() {
		return time.Time{}, false
	}
	var first time.Time
	for _, under := range []bool{false, true} {
		for _, e := range st.sit.Events {
			if e.Action == ActionItem && item != "" && (!under && strings.EqualFold(e.Item, item) || under && runUnder(item, e.Item)) {
				first = e.At
				break
			}
		}
		if !first.IsZero() {
			break
		}
	}
	return away[len(away)-1].left, first.IsZero() || goneBefore(away, first)
}

// absencesOf are the absences of d's declarant, as the attendance log
// records them (none if it does not mark them).
func (st meetingState) absencesOf(d Declaration) []absence {
	i := slices.IndexFunc(st.att, func(a Attendee) bool { return personOf(a.UserID, a.Name) == personOf(d.UserID, d.Name) })
	if i < 0 {
		return nil
	}
	return absences(st.log)[st.att[i].Key]
}

// runUnder reports whether item is run under heading, the item its
// number sits under ("7" for 7.5 and 7a).
func runUnder(item, heading string) bool {
	n, err := ParseItemNumber(item)
	h, herr := ParseItemNumber(heading)
	return err == nil && herr == nil && (n.Sub != 0 || n.Letter != 0) && h == ItemNumber{Top: n.Top, Section: n.Section}
}

// awayToTheClose is leftFor of an item the meeting never recorded taking
// up (or a declaration on no item of the agenda): nothing says when the
// meeting came to it, only that it came after the declaration, the
// opening, and each item before it on the agenda that the meeting took
// up. A declarant gone by the last of those, within the minute, and not
// back by the close was away for it, whenever it came; any other
// departure may have been for something else.
func (st meetingState) awayToTheClose(d Declaration, item string, away []absence) bool {
	from := d.DeclaredAt
	if st.sit.Opened.After(from) {
		from = st.sit.Opened
	}
	if n, err := ParseItemNumber(item); err == nil {
		for _, e := range st.sit.Events {
			if t, err := ParseItemNumber(e.Item); err == nil && e.Action == ActionItem && t.Key() < n.Key() && e.At.After(from) {
				from = e.At
			}
		}
	}
	last := away[len(away)-1]
	return last.back.IsZero() && last.left.Before(from.Add(time.Minute))
}

// marked reports whether the attendance marks person (see personOf).
func (st meetingState) marked(person string) bool {
	return slices.ContainsFunc(st.att, func(a Attendee) bool { return personOf(a.UserID, a.Name) == person })
}

// unmarkedDeclarants are the first standing declaration of each person
// the minutes leave out for not being marked in the attendance (see
// minutedDeclarations), or of those with one in item (see onOrUnder)
// when it is given:
// none while nobody is marked, when the minutes leave nobody out.
func (st meetingState) unmarkedDeclarants(item string) []Declaration {
	var out []Declaration
	named := map[string]bool{}
	for _, d := range st.decls {
		who := personOf(d.UserID, d.Name)
		apologised := slices.ContainsFunc(st.apologies, func(a Apology) bool { return personOf(a.UserID, a.Name) == who })
		if d.Withdrawn || d.Imported || named[who] || apologised || st.marked(who) || len(st.att) == 0 || item != "" && !onOrUnder(d, item) {
			continue
		}
		named[who] = true
		out = append(out, d)
	}
	return out
}

// onOrUnder reports whether d is on item, or on one run under it (7.4
// when the meeting takes up 7).
func onOrUnder(d Declaration, item string) bool {
	n := d.filed().number()
	return strings.EqualFold(n, item) || runUnder(n, item)
}

// markThem is how to record in the attendance d's declarant, whom it
// does not mark.
func markThem(d Declaration) string {
	person, given := personArg(d.UserID, oneLine(d.Name), "")
	return fmt.Sprintf("`/attendance %s present` (or `absent`) records them%s", person, asGiven(given))
}

// tableHints are the officer's notes of what the meeting's records leave
// the minutes unable to say of its declarants (see minutedDeclarations and
// declarationsParagraph): who declared but is not marked in the attendance,
// and who declared a disclosable pecuniary interest without a dispensation
// but is not recorded leaving the meeting for its item. Each says how to
// put it right: while the meeting sits, by marking the attendance; once it
// has closed, when the attendance can no longer be marked, by amending the
// declarations minute. None before the meeting opens, unless someone is
// marked at it; a meeting whose attendance was never taken leaves nobody
// out, but records no departure either, and the officer is told so.
func (st meetingState) tableHints(items []AgendaItem) []string {
	if len(st.att) == 0 && st.sit.Opened.IsZero() && st.m.Status != MeetingHeld {
		return nil
	}
	// The meeting's day is given, for once another meeting is held,
	// `/minutes amend` without it amends that one's minutes.
	amend := "the meeting is closed and its attendance stands, so if %s, say so in the declarations minute with `/minutes amend " + DateOf(st.m.StartsAt, st.c.Location()).Start(time.UTC).Format("2006-01-02") + " %s"
	// Amended by the number the draft gives it, which only the minutes'
	// numbering (minuteOf) knows.
	minute := "NUMBER TEXT` (`/minutes draft` gives its number)"
	if it, ok := declarationsItem(items); ok && st.minuteOf[it.Number] != "" {
		minute = st.minuteOf[it.Number] + " TEXT`"
	}
	minuted, _ := minutedDeclarations(st.decls, st.apologies, st.att, true)
	var hints []string
	for _, d := range st.unmarkedDeclarants("") {
		how := fmt.Sprintf(amend, "they were there", minute)
		if st.sit.Running() {
			how = markThem(d)
		}
		hints = append(hints, fmt.Sprintf("%s declared an interest but is not marked in the attendance, so the minutes leave out their declarations: %s.", Escape(oneLine(d.Name)), how))
	}
	sortDeclarations(minuted, items)
	for _, d := range minuted {
		if d.Withdrawn || d.Imported || d.Kind != InterestPecuniary || d.Dispensation || d.filed().takenOff(items) {
			continue
		}
		item := ""
		if it, onAgenda := d.filed().place(items); onAgenda {
			if st.consideredBefore(it.Number, d.DeclaredAt) {
				continue
			}
			item = it.Number
		}
		if st.leftFor(d, item) {
			continue
		}
		person, given := personArg(d.UserID, oneLine(d.Name), "")
		how := fmt.Sprintf("if they left, `/attendance %s left HH:MM`, then `/attendance %s late HH:MM` when they came back%s", person, person, asGiven(given))
		if !st.sit.Running() {
			how = fmt.Sprintf(amend, "they left", minute)
		}
		hints = append(hints, fmt.Sprintf("%s declared a disclosable pecuniary interest in %s but is not recorded leaving the meeting for it, so the minutes do not say they did: %s.", Escape(oneLine(d.Name)), Escape(d.filed().label(items)), how))
	}
	return hints
}

// oneLine folds runs of white space (new lines included) into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// itemOption is the value of item it's option in a form. It names the
// item itself, not only its number: between the form's opening and its
// submission the item may be renumbered (`/agenda move`) and another
// given its number, and the member meant the item they read.
func itemOption(it AgendaItem) string {
	return it.Number + "#" + strconv.FormatInt(it.ID, 10)
}

// chosenItem is the item of the agenda items that an option's value
// (itemOption) names, under whatever number it has now; a bare number,
// from a form opened before options named their items, is the item of
// that number.
func chosenItem(items []AgendaItem, value string) (AgendaItem, bool) {
	n, idText, named := strings.Cut(value, "#")
	if !named {
		return findItem(items, n)
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return AgendaItem{}, false
	}
	for _, it := range items {
		if it.ID == id {
			return it, true
		}
	}
	return AgendaItem{}, false
}

// declareFormID names the form "/declare" alone opens.
const declareFormID = "declare"

// declareForm is the form "/declare" alone opens for the next meeting.
func declareForm(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, running, err := s.meetingAtTable(ctx, c, in.Next, in.Table, Date{}, in.Now)
	if err != nil {
		return Reply{}, err
	}
	if err := openForDeclarations(c, m, in.Now); err != nil && !running {
		return Reply{}, err
	}
	return s.declareFormOf(ctx, c, m)
}

// declareFormOf is the declare form for meeting m, which takes
// declarations.
func (s *Service) declareFormOf(ctx context.Context, c Committee, m Meeting) (Reply, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	if len(items) == 0 {
		return Reply{}, userErr("The agenda for the meeting on %s has no items yet, so there is nothing to declare an interest in.", formatDay(m.StartsAt, c.Location()))
	}
	opts := make([]Option, 0, len(items))
	for _, it := range items {
		opts = append(opts, Option{Value: itemOption(it), Label: it.Number + " " + oneLine(it.Title)})
	}
	return Reply{
		Visibility: Private,
		Text:       "Opening the form to declare an interest…",
		Form: &Form{
			ID: declareFormID, Title: "Declare an interest", Submit: "Declare",
			Metadata: strconv.FormatInt(m.ID, 10),
			Fields: []Field{
				{ID: "item", Label: "Agenda item", Kind: FieldSelect, Options: opts,
					Hint: "Meeting on " + formatWhen(m.StartsAt, c.Location()),
					More: "`/declare ITEM KIND NATURE` in the channel declares an interest in any item"},
				{ID: "kind", Label: "Kind of interest", Kind: FieldRadio, Options: []Option{
					{Value: string(InterestPecuniary), Label: "Disclosable pecuniary interest"},
					{Value: string(InterestPersonal), Label: "Personal interest"},
					{Value: string(InterestOther), Label: "Other interest"},
				}},
				{ID: "nature", Label: "Nature of the interest", Kind: FieldTextArea, MaxLen: MaxNatureLen,
					Hint: "e.g. Trustee of SWACA; Spouse employed by Sefton CVS"},
				{ID: "dispensation", Label: "Dispensation", Kind: FieldCheckbox, Optional: true, Options: []Option{
					{Value: "yes", Label: "I hold a dispensation for this interest"},
				}},
			},
		},
	}, nil
}

// submitDeclaration receives the declare form.
func submitDeclaration(ctx context.Context, s *Service, r Request, sub Submission) (Reply, map[string]string, error) {
	c, me, m, err := s.buttonMeeting(ctx, r, sub.Metadata, "That form is out of date; run `/declare` again.")
	if err != nil {
		return Reply{}, nil, err
	}
	errs := map[string]string{}
	if err := s.takingDeclarations(ctx, c, m, r.Now); isUserErr(err) {
		errs["item"] = Unescape(err.Error())
	} else if err != nil {
		return Reply{}, nil, err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, nil, err
	}
	it, ok := chosenItem(items, sub.Value("item"))
	switch {
	case errs["item"] != "":
	case sub.Value("item") == "":
		errs["item"] = "Choose the agenda item."
	case !ok:
		errs["item"] = "That item is no longer on the agenda."
	}
	kind := InterestKind(sub.Value("kind"))
	if k, ok := ParseKind(string(kind)); ok {
		kind = k
	} else {
		errs["kind"] = "Choose the kind of interest."
	}
	nature := oneLine(sub.Value("nature"))
	switch {
	case nature == "":
		errs["nature"] = "Say what the interest is, e.g. Trustee of SWACA."
	case utf8.RuneCountInString(nature) > MaxNatureLen:
		errs["nature"] = fmt.Sprintf("That is too long (%d characters; the limit is %d).", utf8.RuneCountInString(nature), MaxNatureLen)
	}
	if len(errs) > 0 {
		return Reply{}, errs, nil
	}
	dispensation := false
	for _, v := range sub.Values["dispensation"] {
		dispensation = dispensation || v == "yes"
	}
	formAway(ctx, r, c)
	reply, err := s.declare(ctx, c, me, m, it, kind, nature, dispensation, r)
	return reply, nil, err
}

// headingListing is the heading whose minute lists item it, by minuteOf
// (the minutes' numbering, a listed item given its heading's number);
// false when it is a minute of its own.
func headingListing(items []AgendaItem, it AgendaItem, minuteOf map[string]string) (AgendaItem, bool) {
	n, err := ParseItemNumber(it.Number)
	if err != nil || n.Sub == 0 && n.Letter == 0 {
		return AgendaItem{}, false
	}
	for _, h := range items {
		hn, err := ParseItemNumber(h.Number)
		if err == nil && hn == (ItemNumber{Top: n.Top, Section: n.Section}) {
			return h, minuteOf[h.Number] == minuteOf[it.Number]
		}
	}
	return AgendaItem{}, false
}
