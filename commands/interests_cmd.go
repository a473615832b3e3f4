package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func interestsCommand() *Command {
	return &Command{
		Name:    "/interests",
		Summary: "Your register of interests: what you hold, gifts and hospitality, and its review; officers see the whole register.",
		Saves:   "your register entry",
		Fits:    fmt.Sprintf("a description may be up to %d characters", MaxInterestLen),
		Subs: []Sub{{
			Alone:   true,
			Usage:   []string{"/interests"},
			Summary: "Your register of interests in this committee.",
			Read:    true, Who: Own, Run: myInterests,
		}, {
			Usage:   []string{"/interests @member"},
			Summary: "Another member's register; the details of sensitive interests are withheld.",
			Read:    true, Who: Members, Run: memberInterests,
		}, {
			Name: "add",
			Usage: []string{"/interests add [sensitive] CATEGORY DESCRIPTION [for spouse]",
				"/interests add @member [sensitive] CATEGORY DESCRIPTION [for spouse]   (officer, on their behalf)"},
			Summary: "Add an entry to your register. CATEGORY is employment, sponsorship, contracts, land, licences, tenancies, securities or other.",
			Examples: []string{
				"/interests add other Trustee of SWACA",
				"/interests add employment Employed by Sefton CVS for spouse",
				"/interests add sensitive land Home address in Bootle",
			},
			Who: Members, Run: addInterestCmd,
		}, {
			Name:    "add",
			Alone:   true,
			Usage:   []string{"/interests add   (alone: opens a form)"},
			Summary: "Open a form to add an entry to your register.",
			Read:    true, Who: Members, Run: interestForm,
		}, {
			Name: "gift",
			Usage: []string{"/interests gift DATE VALUE DESCRIPTION [confirm]",
				"/interests gift @member DATE VALUE DESCRIPTION [confirm]   (officer, on their behalf)"},
			Summary:  "Register a gift or hospitality received, worth the committee's threshold (£50 unless set) or more. A day more than a year ago is asked about first; `confirm` at the end takes it.",
			Examples: []string{"/interests gift 2026-11-03 £75 Dinner from Sefton CVS"},
			Date:     "DATE is the day it was received, today or earlier: 2026-11-03, 3/11/2026 (day first) or 3 November 2026.",
			Who:      Members, Run: addGiftCmd,
		}, {
			Name:    "remove",
			Aliases: []string{"end", "delete"},
			Usage:   []string{"/interests remove ID"},
			Summary: "End an entry of your register (an officer may end anyone's); it stays on record with its end date.",
			Who:     Members, Run: removeInterestCmd,
		}, {
			Name:    "review",
			Usage:   []string{"/interests review", "/interests review @member   (officer, on their behalf)"},
			Summary: "Confirm your register is up to date; adding or removing an entry counts too.",
			Who:     Members, Run: reviewInterestsCmd,
		}, {
			Name:     "history",
			Usage:    []string{"/interests history", "/interests history @member   (officer)"},
			Summary:  "Every entry your register has had, those removed too: when each stood from, who entered it, and when and by whom it was removed.",
			Examples: []string{"/interests history"},
			Read:     true, Who: Own, Run: interestsHistoryCmd,
		}, {
			Name: "threshold", Alone: true,
			Usage:   []string{"/interests threshold"},
			Summary: "The value from which gifts and hospitality are registered (£50 unless an officer sets another).",
			Read:    true, Who: Members, Run: showGiftThreshold,
		}, {
			Name:     "threshold",
			Usage:    []string{"/interests threshold VALUE   (officer)"},
			Summary:  "Set the value from which gifts and hospitality must be registered (£50 unless set).",
			Examples: []string{"/interests threshold £100"},
			Who:      Officers, Doing: "set the gift threshold", Run: giftThresholdCmd,
		}, {
			Name:    "register",
			Usage:   []string{"/interests register [@member]   (officer)"},
			Summary: "The whole register, sensitive details included, or one member's.",
			Read:    true, Who: Officers, Doing: "see the whole register", Run: registerCmd,
		}, {
			Name:    "missing",
			Usage:   []string{"/interests missing   (officer)"},
			Summary: "Members with no register past their 28 days, or none reviewed in the last 12 months.",
			Read:    true, Who: Officers, Doing: "see whose register is missing", Run: missingInterestsCmd,
		}},
		Buttons: map[string]Action{
			"interests.review":  reviewInterestsAction,
			"interests.declare": readOnly(declarePromptAction),
			"interests.dismiss": dismissPromptAction,
		},
		Forms: map[string]FormHandler{interestFormID: submitInterest},
	}
}

// behalf is the member an entry is for: the sender, or, when an officer
// names someone, that member.
func (s *Service) behalf(ctx context.Context, in *Input, userID string) (Member, error) {
	if userID == "" || userID == in.UserID {
		return in.Me, nil
	}
	if !in.Me.IsOfficer() {
		return Member{}, userErr("Only an officer of %s can change someone else's register.", Escape(in.Committee.Name))
	}
	m, err := s.store.Member(ctx, in.Committee.ID, userID)
	if errors.Is(err, ErrNotFound) {
		return Member{}, userErr("<@%s> is not a member of %s.", userID, Escape(in.Committee.Name))
	}
	return m, err
}

// onBehalf is " (entered by an officer)" when by is not the member.
func onBehalf(m Member, by string) string {
	if by == m.UserID {
		return ""
	}
	return fmt.Sprintf(", on behalf of <@%s>", m.UserID)
}

// registerNotMentioned answers the first of args, where a register is
// named by mention, when it is a word of a member's name ("/interests
// sue"), with the member it may mean. It is nil when it is not, and
// where only an officer may name another's register (official) and the
// sender is not one: they are better told what else is wrong.
func (s *Service) registerNotMentioned(ctx context.Context, in *Input, args []string, official bool) error {
	if len(args) > 0 && len(args[0]) > 1 && strings.HasPrefix(args[0], "@") {
		// Someone else's register, which only an officer may change:
		// telling a member how to pick the person would invite them to
		// try again for a refusal.
		if official && !in.Me.IsOfficer() {
			return userErr("Only an officer of %s can change someone else's register.", Escape(in.Committee.Name))
		}
		// "@nobody" typed without picking the person arrives as text:
		// answered as a category or a subcommand, it would not say why.
		return usageErr("I could not find %s: type @ and pick the person, so that Slack links the name.", echoWord(args[0]))
	}
	if len(args) == 0 || official && !in.Me.IsOfficer() {
		return nil
	}
	return s.notMentioned(ctx, in, args[0], "A register is named by mention", "")
}

// describedByName is a register entry's description with each mention in
// it written as the name the sender saw, as in an apology's reason: the
// register is read and published as text, where Slack's markup would
// show as it is.
func (s *Service) describedByName(ctx context.Context, description string) (string, error) {
	description = s.namedMentions(ctx, description)
	if n := utf8.RuneCountInString(description); n > MaxInterestLen {
		return "", usageErr("That description is too long (%d characters; the limit is %d).", n, MaxInterestLen)
	}
	return description, nil
}

func addInterestCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	a, err := parseInterest(in.Args)
	if err != nil {
		if err := s.registerNotMentioned(ctx, in, in.Args, true); err != nil {
			return Reply{}, err
		}
		return Reply{}, badArgs(err)
	}
	if a.Description, err = s.describedByName(ctx, a.Description); err != nil {
		return Reply{}, err
	}
	m, err := s.behalf(ctx, in, a.For)
	if err != nil {
		return Reply{}, err
	}
	return s.addInterest(ctx, in.Committee, m, a, in.Request)
}

// addInterest adds an entry to m's register, as `/interests add` and its
// form do.
func (s *Service) addInterest(ctx context.Context, c Committee, m Member, a interestArgs, r Request) (Reply, error) {
	// An entry the register already holds is not added twice: a register
	// that lists one interest twice reads as two. The store looks for it
	// as it adds, so that the same entry sent twice at once (the form
	// submitted twice) is one entry too.
	entry := Interest{
		CommitteeID: c.ID, UserID: m.UserID, Name: m.Name, Category: a.Category, Description: a.Description,
		Spouse: a.Spouse, Sensitive: a.Sensitive, StartedOn: DateOf(r.Now, c.Location()), AddedBy: r.UserID, AddedAt: r.Now,
	}
	told := toldOf(c, m, r, entryAdded(c, entry))
	e, err := s.store.AddInterest(ctx, entry, told)
	if stands := (*EntryStands)(nil); errors.As(err, &stands) {
		e := stands.Entry
		return Reply{Visibility: Private, Refused: true, Text: fmt.Sprintf("%s already has that, as #%d: %s\nNothing was added; `/interests review%s` records that the register is up to date.",
			registerOf(m, r.UserID), e.ID, interestLine(e, true, r.UserID), reviewFor(m, r.UserID))}, nil
	}
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Registered #%d%s: %s\nIt stands from %s; `/interests remove %d` ends it, keeping it on record.",
		e.ID, onBehalf(m, r.UserID), interestLine(e, true, r.UserID), e.StartedOn, e.ID)
	return private("%s", withTold(text, told)), nil
}

// entryAdded tells a member of entry e added to their register of c by
// someone else (see toldOf), and how they end it if it is wrong.
func entryAdded(c Committee, e Interest) string {
	return fmt.Sprintf("added to your register of interests in *%s*: %s\nIf this is wrong, `/interests` in <#%s> lists your entries by number, and `/interests remove NUMBER` ends one, keeping it on record.",
		Escape(c.Name), interestLine(e, true, e.UserID), c.ChannelID)
}

// sameWords reports whether a and b are the same words, whatever their
// case and spacing.
// SameEntry reports whether b is entry a of a register given again: a
// gift received on the same day, of the same value, or another interest
// of the same category, for the same person; described in the same words
// either way.
func SameEntry(a, b Interest) bool {
	if a.Category != b.Category || !sameWords(a.Description, b.Description) {
		return false
	}
	if a.Category == CategoryGifts {
		return a.GiftOn == b.GiftOn && a.ValuePence == b.ValuePence
	}
	return a.Spouse == b.Spouse
}

// EntryStands is AddInterest's refusal of an entry its register already
// has: Entry, standing.
type EntryStands struct{ Entry Interest }

func (e *EntryStands) Error() string { return fmt.Sprintf("entry #%d stands already", e.Entry.ID) }

// Unwrap makes an EntryStands an ErrConflict.
func (e *EntryStands) Unwrap() error { return ErrConflict }

func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// registerOf is m's register as by reads of it: "Your register", or
// "<@U…>'s register" for an officer entering for m.
func registerOf(m Member, by string) string {
	if m.UserID == by {
		return "Your register"
	}
	return "<@" + m.UserID + ">'s register"
}

// reviewFor is what follows `/interests review` for m's register when
// by enters it: nothing for their own, the mention on their behalf.
func reviewFor(m Member, by string) string {
	if m.UserID == by {
		return ""
	}
	return " <@" + m.UserID + ">"
}

// interestFormID names the form `/interests add` alone opens.
const interestFormID = "interests.add"

// interestForm is the form `/interests add` alone opens: the same entry
// as the command, field by field.
func interestForm(_ context.Context, _ *Service, in *Input) (Reply, error) {
	var cats []Option
	for _, ic := range interestCategories {
		if ic.cat != CategoryGifts {
			cats = append(cats, Option{Value: string(ic.cat), Label: capitalise(ic.wording)})
		}
	}
	return Reply{
		Visibility: Private,
		Text:       "Opening the form to add to your register of interests…",
		Form: &Form{
			ID: interestFormID, Title: "Register an interest", Submit: "Register",
			Metadata: strconv.FormatInt(in.Committee.ID, 10),
			Fields: []Field{
				{ID: "category", Label: "Category", Kind: FieldSelect, Options: cats,
					Hint: "Gifts and hospitality: /interests gift DATE VALUE DESCRIPTION"},
				{ID: "description", Label: "The interest", Kind: FieldTextArea, MaxLen: MaxInterestLen,
					Hint: "e.g. Trustee of SWACA; Employed by Sefton CVS"},
				{ID: "for", Label: "Whose interest", Kind: FieldRadio, Initial: "self", Options: []Option{
					{Value: "self", Label: "Mine"}, {Value: "spouse", Label: "My spouse's or civil partner's"},
				}},
				{ID: "sensitive", Label: "Sensitive", Kind: FieldCheckbox, Optional: true, Options: []Option{
					{Value: "yes", Label: "Sensitive: show the details only to me and the officers"},
				}},
			},
		},
	}, nil
}

// submitInterest receives the form of `/interests add`.
func submitInterest(ctx context.Context, s *Service, r Request, sub Submission) (Reply, map[string]string, error) {
	id, err := strconv.ParseInt(sub.Metadata, 10, 64)
	if err != nil || id <= 0 {
		return Reply{}, nil, userErr("That form is out of date; run `/interests add` again.")
	}
	ms, err := s.store.Memberships(ctx, r.TeamID, r.UserID)
	if err != nil {
		return Reply{}, nil, err
	}
	var ship *Membership
	for i := range ms {
		if ms[i].Committee.ID == id {
			ship = &ms[i]
		}
	}
	if ship == nil {
		return Reply{}, nil, userErr("You are not a member of that committee, so nothing was recorded.")
	}
	errs := map[string]string{}
	a := interestArgs{Description: oneLine(sub.Value("description")), Spouse: sub.Value("for") == "spouse"}
	if cat, ok := ParseCategory(sub.Value("category")); ok && cat != CategoryGifts {
		a.Category = cat
	} else {
		errs["category"] = "Choose the category."
	}
	switch {
	case a.Description == "":
		errs["description"] = "Say what the interest is, e.g. Trustee of SWACA."
	case utf8.RuneCountInString(a.Description) > MaxInterestLen:
		errs["description"] = fmt.Sprintf("That is too long (%d characters; the limit is %d).", utf8.RuneCountInString(a.Description), MaxInterestLen)
	}
	if len(errs) > 0 {
		return Reply{}, errs, nil
	}
	for _, v := range sub.Values["sensitive"] {
		a.Sensitive = a.Sensitive || v == "yes"
	}
	formAway(ctx, r, ship.Committee)
	reply, err := s.addInterest(ctx, ship.Committee, ship.Member, a, r)
	return reply, nil, err
}

func addGiftCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	loc := in.Committee.Location()
	g, err := parseGift(in.Args, in.Now, loc)
	if err != nil {
		if err := s.registerNotMentioned(ctx, in, in.Args, true); err != nil {
			return Reply{}, err
		}
		return Reply{}, badArgs(err)
	}
	if g.Description, err = s.describedByName(ctx, g.Description); err != nil {
		return Reply{}, err
	}
	g.From = s.namedMentions(ctx, g.From)
	m, err := s.behalf(ctx, in, g.For)
	if err != nil {
		return Reply{}, err
	}
	threshold, err := s.store.GiftThreshold(ctx, in.Committee.ID)
	if err != nil {
		return Reply{}, err
	}
	// The same gift sent twice (a retry, a second try after a slow
	// answer, two at once) is one gift, as an entry added twice is one
	// entry: the store looks for it as it adds.
	entry := Interest{
		CommitteeID: in.Committee.ID, UserID: m.UserID, Name: m.Name, Category: CategoryGifts, Description: g.Description,
		StartedOn: g.On, GiftOn: g.On, ValuePence: g.Pence, GiftFrom: g.From, AddedBy: in.UserID, AddedAt: in.Now,
	}
	told := toldOf(in.Committee, m, in.Request, entryAdded(in.Committee, entry))
	e, err := s.store.AddInterest(ctx, entry, told)
	if stands := (*EntryStands)(nil); errors.As(err, &stands) {
		return Reply{Visibility: Private, Refused: true, Text: fmt.Sprintf("%s already has that gift, as #%d: %s\nNothing was added.",
			registerOf(m, in.UserID), stands.Entry.ID, interestLine(stands.Entry, true, in.UserID))}, nil
	}
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Registered #%d%s: %s.", e.ID, onBehalf(m, in.UserID), interestLine(e, true, in.UserID))
	if g.Pence < threshold {
		text += fmt.Sprintf("\nIt is worth less than %s, so it did not need registering; it is kept all the same.", formatPence(threshold))
	}
	return private("%s", withTold(text, told)), nil
}

func removeInterestCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	if len(in.Args) == 0 {
		return Reply{}, usageErr("Say which entry to remove, by its number: `/interests` lists yours.")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(in.Args[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return Reply{}, usageErr("\"%s\" is not an entry's number: `/interests` lists yours.", Escape(truncateText(in.Args[0], 20)))
	}
	if len(in.Args) != 1 {
		// The number was given: say what is wrong with what follows it,
		// not ask again for the number.
		return Reply{}, usageErr("Remove one entry at a time, by its number alone: `/interests remove %d`.", id)
	}
	e, err := s.store.Interest(ctx, id)
	if errors.Is(err, ErrNotFound) || err == nil && e.CommitteeID != in.Committee.ID {
		where := "`/interests` shows your entries and their numbers"
		if in.Me.IsOfficer() {
			where += ", `/interests @member` a member's"
		}
		return Reply{}, userErr("There is no entry #%d in the register of %s. %s.", id, Escape(in.Committee.Name), where)
	}
	if err != nil {
		return Reply{}, err
	}
	if e.UserID != in.UserID && !in.Me.IsOfficer() {
		return Reply{}, userErr("Entry #%d is in someone else's register: you can remove only your own.", id)
	}
	if e.Ended {
		return Reply{}, userErr("Entry #%d was removed on %s already.", id, e.EndedOn)
	}
	on := DateOf(in.Now, in.Committee.Location())
	// The member hears of it from the officer, rather than finding it
	// gone: the message is queued with the removal, so that neither
	// stands without the other.
	notice := toldOf(in.Committee, Member{UserID: e.UserID}, in.Request, fmt.Sprintf("removed #%d from your register of interests in *%s*: %s\nIt ended on %s and stays on record: `/interests history` shows it, and who removed it.",
		id, Escape(in.Committee.Name), interestLine(e, true, e.UserID), on))
	if err := s.store.EndInterest(ctx, id, on, in.UserID, in.Now, notice); err != nil {
		if errors.Is(err, ErrConflict) {
			return Reply{}, userErr("Entry #%d was removed already.", id)
		}
		return Reply{}, err
	}
	if notice == nil {
		return private("Removed #%d: %s\nIt ended on %s and stays on record: `/interests history` shows it.", id, interestLine(e, true, in.UserID), on), nil
	}
	return private("Removed #%d from <@%s>'s register: %s\nIt ended on %s and stays on record. %s", id, e.UserID, interestLine(e, true, in.UserID), on, toldThem), nil
}

func reviewInterestsCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	var who string
	if len(in.Args) == 1 {
		id, _, ok := mention(in.Args[0])
		if !ok {
			if err := s.registerNotMentioned(ctx, in, in.Args, true); err != nil {
				return Reply{}, err
			}
			return Reply{}, usageErr("Say `/interests review` alone, or an officer: `/interests review @member`.")
		}
		who = id
	} else if len(in.Args) > 1 {
		if err := s.registerNotMentioned(ctx, in, in.Args, true); err != nil {
			return Reply{}, err
		}
		return Reply{}, usageErr("Say `/interests review` alone, or an officer: `/interests review @member`.")
	}
	m, err := s.behalf(ctx, in, who)
	if err != nil {
		return Reply{}, err
	}
	return s.reviewInterests(ctx, in.Committee, m, in.Request)
}

// reviewInterests records that m's register is up to date, as
// `/interests review` and the Review button on the Home do.
func (s *Service) reviewInterests(ctx context.Context, c Committee, m Member, r Request) (Reply, error) {
	// The entries are counted before the review is saved, which leaves
	// them as they are: a read failing after it would say NOT saved of a
	// review that was.
	es, err := s.store.Interests(ctx, c.ID, m.UserID, false)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	told := toldOf(c, m, r, fmt.Sprintf("recorded a review of your register of interests in *%s*: it is up to date as of %s (%s). If it is not, `/interests` in <#%s> lists your entries, and `/interests add` adds one.",
		Escape(c.Name), DateOf(r.Now, loc), plural(len(es), "1 entry", strconv.Itoa(len(es))+" entries"), c.ChannelID))
	if err := s.store.ReviewInterests(ctx, c.ID, m.UserID, r.UserID, r.Now, told); err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Recorded%s: the register of interests in %s is up to date as of %s (%s). The next review is due by %s.",
		onBehalf(m, r.UserID), Escape(c.Name), DateOf(r.Now, loc), plural(len(es), "1 entry", strconv.Itoa(len(es))+" entries"), reviewDue(r.Now, loc))
	return private("%s", withTold(text, told)), nil
}

func reviewInterestsAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 {
		return Reply{}, userErr("That button is broken; use `/interests review` in the committee's channel.")
	}
	ms, err := s.store.Memberships(ctx, r.TeamID, r.UserID)
	if err != nil {
		return Reply{}, err
	}
	for _, ship := range ms {
		if ship.Committee.ID == id {
			return s.reviewInterests(ctx, ship.Committee, ship.Member, r)
		}
	}
	return Reply{}, userErr("You are not a member of that committee, so nothing was recorded.")
}

func myInterests(ctx context.Context, s *Service, in *Input) (Reply, error) {
	if in.Former {
		return s.formerRegister(ctx, in)
	}
	return s.showRegister(ctx, in, in.Me, true)
}

// formerRegister is `/interests` for someone no longer a member: the
// register of a committee is its members', so theirs has left it as
// published, but their entries stay on record and theirs to read, as
// they stood when they left.
func (s *Service) formerRegister(ctx context.Context, in *Input) (Reply, error) {
	c := in.Committee
	es, err := s.store.Interests(ctx, c.ID, in.UserID, false)
	if err != nil {
		return Reply{}, err
	}
	head := fmt.Sprintf("You are no longer a member of %s, so your register of interests is no longer part of the committee's register. It stays on record, as it stood when you left:", Escape(c.Name))
	lines := registerLines(es, true, in.UserID)
	if len(lines) == 0 {
		lines = []string{"Nothing was registered."}
	}
	return private("%s\n%s\n`/interests history` shows every entry it has had, those removed too.", head, strings.Join(lines, "\n")), nil
}

func memberInterests(ctx context.Context, s *Service, in *Input) (Reply, error) {
	if err := s.registerNotMentioned(ctx, in, in.Args, false); err != nil {
		return Reply{}, err
	}
	if err := notWhose(in); err != nil {
		return Reply{}, err
	}
	if len(in.Args) != 1 {
		return Reply{}, usageErr("Say whose register, e.g. `/interests @neil`, or `/interests` alone for yours.")
	}
	id, _, ok := mention(in.Args[0])
	if !ok {
		return Reply{}, usageErr("I don't know `%s`: say whose register with an @mention.", Escape(truncateText(in.Args[0], 40)))
	}
	m, err := s.store.Member(ctx, in.Committee.ID, id)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, s.notOnRegister(ctx, in, id)
	}
	if err != nil {
		return Reply{}, err
	}
	return s.showRegister(ctx, in, m, id == in.UserID || in.Me.IsOfficer())
}

// notOnRegister answers a register asked for of id, who is not a member of
// the committee. A former member's register stays on record, and an
// officer, who may read it, is pointed to its history rather than left to
// think it gone; others are told only that id is not a member.
func (s *Service) notOnRegister(ctx context.Context, in *Input, id string) error {
	c := in.Committee
	if in.Me.IsOfficer() {
		was, err := s.store.WasMember(ctx, c.ID, id)
		if err != nil {
			return err
		}
		if was {
			return userErr("<@%s> is no longer a member of %s. Their register stays on record: `/interests history <@%s>` shows it.", id, Escape(c.Name), id)
		}
	}
	return userErr("<@%s> is not a member of %s.", id, Escape(c.Name))
}

// interestChangeWords are words a member may try for changing an entry
// in place, which the register does not do: an entry stands as it was
// registered, from its day, until it is ended.
var interestChangeWords = map[string]bool{"change": true, "edit": true, "update": true, "amend": true, "correct": true, "modify": true}

// notWhose answers `/interests WORD …` where WORD is no mention and says
// what was meant: a subcommand mistyped (`remvoe`), or changing an entry.
// Asked whose register, someone who meant to change theirs is no wiser.
func notWhose(in *Input) error {
	if len(in.Args) == 0 {
		return nil
	}
	w := strings.ToLower(in.Args[0])
	if id, _, ok := mention(in.Args[0]); ok {
		// `/interests @neil history`: the subcommand goes first.
		if sub, n := in.cmd.named(in.Args[1:]); sub != nil && (sub.Name == "history" || sub.Name == "review" || sub.Name == "register") && len(in.Args) == 1+n {
			return &UserError{Msg: fmt.Sprintf("Put `%s` first: `/interests %s <@%s>`.", sub.Name, sub.Name, id), Usage: sub.Usage}
		}
		return nil
	}
	if interestChangeWords[w] {
		id := "ID"
		if len(in.Args) > 1 {
			if _, err := strconv.ParseInt(strings.TrimPrefix(in.Args[1], "#"), 10, 64); err == nil {
				id = strings.TrimPrefix(in.Args[1], "#")
			}
		}
		return &UserError{Msg: fmt.Sprintf("An entry is not changed in place: `/interests remove %s` ends it, keeping it on record, and `/interests add CATEGORY DESCRIPTION` registers it as it now stands.", id),
			Usage: []string{"/interests remove ID", "/interests add [sensitive] CATEGORY DESCRIPTION [for spouse]"}}
	}
	if name, usage := in.cmd.nearest(w); name != "" {
		return &UserError{Msg: fmt.Sprintf("I don't know `%s`: did you mean `/interests %s`?", Escape(truncateText(in.Args[0], 40)), name), Usage: usage}
	}
	return nil
}

// showRegister lists m's register; the details of sensitive entries only
// when full (the member themself, or an officer).
func (s *Service) showRegister(ctx context.Context, in *Input, m Member, full bool) (Reply, error) {
	c := in.Committee
	es, err := s.store.Interests(ctx, c.ID, m.UserID, false)
	if err != nil {
		return Reply{}, err
	}
	reviews, err := s.store.InterestReviews(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	head := fmt.Sprintf("*Register of interests* — %s, %s", Escape(m.Name), Escape(c.Name))
	lines := registerLines(es, full, in.UserID)
	lines = append(lines, reviewLine(m, reviews, c.Location(), in.Now, in.Me))
	if len(es) == 0 {
		return private("%s\nNothing is registered.\n%s", head, strings.Join(lines, "\n")), nil
	}
	return private("%s\n%s", head, strings.Join(lines, "\n")), nil
}

// interestsHistoryCmd is `/interests history [@member]`: every entry of
// a register, standing or removed, with who entered and who removed it.
// A member reads their own; an officer anyone's.
func interestsHistoryCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m := in.Me
	if err := s.registerNotMentioned(ctx, in, in.Args, false); err != nil {
		return Reply{}, err
	}
	switch {
	case len(in.Args) > 1:
		return Reply{}, usageErr("Say `/interests history` for yours, or an officer `/interests history @member`.")
	case len(in.Args) == 1:
		id, _, ok := mention(in.Args[0])
		if !ok {
			return Reply{}, usageErr("I don't know `%s`: say whose register with an @mention.", Escape(truncateText(in.Args[0], 40)))
		}
		if id != in.UserID {
			if !in.Me.IsOfficer() {
				return Reply{}, userErr("You can read the history of your own register only; an officer of %s can read <@%s>'s. Yours: `/interests history`.", Escape(c.Name), id)
			}
			var err error
			m, err = s.store.Member(ctx, c.ID, id)
			if errors.Is(err, ErrNotFound) {
				// A former member's register stays on record, and is
				// theirs to be read.
				m, err = Member{UserID: id}, nil
			}
			if err != nil {
				return Reply{}, err
			}
		}
	}
	es, err := s.store.Interests(ctx, c.ID, m.UserID, true)
	if err != nil {
		return Reply{}, err
	}
	reviews, err := s.store.ReviewsOf(ctx, c.ID, m.UserID)
	if err != nil {
		return Reply{}, err
	}
	who := Escape(m.Name)
	if m.Name == "" {
		if len(es) == 0 && len(reviews) == 0 {
			return Reply{}, userErr("<@%s> is not a member of %s, and nothing of theirs is on its register.", m.UserID, Escape(c.Name))
		}
		who = "<@" + m.UserID + ">"
	}
	head := fmt.Sprintf("*History of the register of interests* — %s, %s", who, Escape(c.Name))
	reviewed := make([]string, len(reviews))
	for i, r := range reviews {
		line := "• Reviewed: nothing to change — " + DateOf(r.ReviewedAt, c.Location()).String()
		if r.By != "" && r.By != m.UserID {
			line += " _(by " + personText(r.By, "") + ")_"
		}
		reviewed[i] = line
	}
	if len(es) == 0 {
		return private("%s\n%s", head, strings.Join(append([]string{"Nothing has been registered."}, reviewed...), "\n")), nil
	}
	lines := make([]string, 0, len(es)+len(reviews))
	for _, e := range es {
		line := fmt.Sprintf("• #%d %s", e.ID, interestLine(e, true, in.UserID))
		if e.Category != CategoryGifts {
			// A gift stands from the day it was received, which its
			// line says already.
			line += " — from " + e.StartedOn.String()
		}
		if e.AddedBy != e.UserID {
			line += " _(entered by " + personText(e.AddedBy, "") + ")_"
		}
		if e.Ended {
			line += "; removed " + e.EndedOn.String()
			if e.EndedBy != e.UserID {
				line += " _(by " + personText(e.EndedBy, "") + ")_"
			}
		}
		// A history reads in the order things happened: a review that
		// found nothing to change stands before the entries added after
		// it, not after them all. Both come oldest first.
		for len(reviews) > 0 && reviews[0].ReviewedAt.Before(e.AddedAt) {
			lines = append(lines, reviewed[0])
			reviews, reviewed = reviews[1:], reviewed[1:]
		}
		lines = append(lines, line)
	}
	lines = append(lines, reviewed...)
	return Reply{Visibility: Private, Text: head, Sections: []Section{{Text: strings.Join(lines, "\n")}}}, nil
}

// registerLines is one line an entry, as reader reads them, sensitive
// details withheld unless full.
func registerLines(es []Interest, full bool, reader string) []string {
	var lines []string
	for _, e := range es {
		if e.Sensitive && !full {
			lines = append(lines, "• A sensitive interest is registered (its details are withheld).")
			continue
		}
		lines = append(lines, fmt.Sprintf("• #%d %s", e.ID, interestLine(e, full, reader)))
	}
	return lines
}

// interestLine is an entry in words, as reader reads it: "_other
// registrable interest_: Trustee of SWACA (spouse) — sensitive".
func interestLine(e Interest, full bool, reader string) string {
	line := "_" + e.Category.Wording() + "_: " + Escape(e.Description)
	if e.Category == CategoryGifts {
		line += fmt.Sprintf(" — %s, received %s", formatPence(e.ValuePence), e.GiftOn)
	}
	if e.Spouse {
		line += " (spouse or civil partner)"
	}
	if e.Sensitive && full {
		if reader == e.UserID {
			line += " — _sensitive: details shown only to you and the officers_"
		} else {
			line += " — _sensitive: details shown only to the member and the officers_"
		}
	}
	return line
}

// lastReview is m's latest review, if any.
func lastReview(m Member, reviews []InterestReview) (time.Time, bool) {
	for _, r := range reviews {
		if r.UserID == m.UserID {
			return r.ReviewedAt, true
		}
	}
	return time.Time{}, false
}

// reviewLine is when m's register was last reviewed, or when it is due,
// as reader reads it. A register not yet completed points at the command
// that completes it for the reader: another member cannot, and an
// officer's plain `/interests review` would review their own.
func reviewLine(m Member, reviews []InterestReview, loc *time.Location, now time.Time, reader Member) string {
	at, ok := lastReview(m, reviews)
	if !ok {
		due := registerDue(m.AddedAt, loc)
		if dateBefore(due, DateOf(now, loc)) {
			return fmt.Sprintf("Never completed: it was due by %s.", due)
		}
		if m.UserID != reader.UserID && !reader.IsOfficer() {
			return fmt.Sprintf("Not completed yet: due by %s.", due)
		}
		return fmt.Sprintf("Not completed yet: due by %s (`/interests review%s` if there is nothing to register).", due, reviewFor(m, reader.UserID))
	}
	// A day gone is not "due by": the register is out of date, as
	// `/interests missing` says of it.
	if due := reviewDue(at, loc); dateBefore(due, DateOf(now, loc)) {
		return fmt.Sprintf("Last reviewed %s; its annual review was due by %s, and is overdue.", DateOf(at, loc), due)
	}
	return fmt.Sprintf("Last reviewed %s; the next review is due by %s.", DateOf(at, loc), reviewDue(at, loc))
}

func registerCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	if err := s.registerNotMentioned(ctx, in, in.Args, false); err != nil {
		return Reply{}, err
	}
	if len(in.Args) == 1 {
		id, _, ok := mention(in.Args[0])
		if !ok {
			return Reply{}, usageErr("Say whose register with an @mention, or nothing for the whole register.")
		}
		m, err := s.store.Member(ctx, c.ID, id)
		if errors.Is(err, ErrNotFound) {
			return Reply{}, s.notOnRegister(ctx, in, id)
		}
		if err != nil {
			return Reply{}, err
		}
		return s.showRegister(ctx, in, m, true)
	} else if len(in.Args) > 1 {
		return Reply{}, usageErr("Say whose register with one @mention, or nothing for the whole register.")
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	es, err := s.store.Interests(ctx, c.ID, "", false)
	if err != nil {
		return Reply{}, err
	}
	reviews, err := s.store.InterestReviews(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	byMember := map[string][]Interest{}
	for _, e := range es {
		byMember[e.UserID] = append(byMember[e.UserID], e)
	}
	SortByName(members, memberName)
	var b strings.Builder
	fmt.Fprintf(&b, "*Register of interests* — %s (sensitive details included: do not publish them)", Escape(c.Name))
	for _, m := range members {
		fmt.Fprintf(&b, "\n\n*%s* — %s", Escape(m.Name), reviewLine(m, reviews, c.Location(), in.Now, in.Me))
		lines := registerLines(byMember[m.UserID], true, in.UserID)
		if len(lines) == 0 {
			lines = []string{"Nothing is registered."}
		}
		b.WriteString("\n" + strings.Join(lines, "\n"))
	}
	reply := private("%s", b.String())
	reply.More = "`/interests register @member` shows one member's in full."
	return reply, nil
}

func missingInterestsCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	loc := c.Location()
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	reviews, err := s.store.InterestReviews(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	today := DateOf(in.Now, loc)
	SortByName(members, memberName)
	var lines, notYet []string
	for _, m := range members {
		at, st := registerStanding(m, reviews, loc, today)
		switch st {
		case registerNeverCompleted:
			lines = append(lines, fmt.Sprintf("• <@%s> — no register: joined %s, it was due by %s", m.UserID, DateOf(m.AddedAt, loc), registerDue(m.AddedAt, loc)))
		case registerNotYetDue:
			notYet = append(notYet, fmt.Sprintf("• <@%s> — joined %s, due by %s", m.UserID, DateOf(m.AddedAt, loc), registerDue(m.AddedAt, loc)))
		case registerReviewOverdue:
			lines = append(lines, fmt.Sprintf("• <@%s> — last reviewed %s, more than 12 months ago", m.UserID, DateOf(at, loc)))
		}
	}
	// Members still in their 28 days are not missing, but not complete
	// either: they are named apart, so that "none" is never said of a
	// register that is not there.
	none := "None: every member has completed their register within 28 days of joining and reviewed it in the last 12 months."
	if len(notYet) > 0 {
		none = "None overdue: no member is past their 28 days without a register, or 12 months from their last review."
	}
	r := listing(fmt.Sprintf("*Registers of interests missing or out of date* — %s", Escape(c.Name)), none, lines)
	if len(notYet) > 0 {
		r.Text += "\n\n*Not completed yet, and not yet due*\n" + strings.Join(notYet, "\n")
	}
	return r, nil
}

// registerState is where a member's register stands against its
// deadlines: 28 days from joining to complete it, 12 months between
// reviews.
type registerState int

const (
	registerUpToDate registerState = iota
	registerNotYetDue
	registerNeverCompleted
	registerReviewOverdue
)

// registerStanding is where m's register stands on today, with its latest
// review when it has one. `/interests missing` and the officers' Home
// both judge by it, so that the count on the Home is the list's length.
func registerStanding(m Member, reviews []InterestReview, loc *time.Location, today Date) (time.Time, registerState) {
	at, ok := lastReview(m, reviews)
	switch {
	case !ok && dateBefore(registerDue(m.AddedAt, loc), today):
		return at, registerNeverCompleted
	case !ok:
		return at, registerNotYetDue
	case dateBefore(reviewDue(at, loc), today):
		return at, registerReviewOverdue
	}
	return at, registerUpToDate
}

// RegisterRow is one line of the register as published: an entry, or a
// member with none.
type RegisterRow struct {
	Member, Category, Description, For, Since, Value, Received, From string
}

// RegisterColumns are the published register's columns, as in RegisterRow.
var RegisterColumns = []string{"member", "category", "description", "for", "since", "value", "received", "from"}

// Cells are the row's values in RegisterColumns order.
func (r RegisterRow) Cells() []string {
	return []string{r.Member, r.Category, r.Description, r.For, r.Since, r.Value, r.Received, r.From}
}

// PublishedRegister is the register of the members' standing entries as it
// may be published: by member (a former member's entries, not ended, are
// left out with them), a sensitive entry's details withheld (only
// that one is registered is said), and a line for a member with none.
// A member with none who has never completed their register (no entry,
// and no review, which an entry added or ended also dates) is said to be
// so, as `/interests missing` counts them, officers too: to the public,
// "No interests registered" is a member's word that they have none.
// Texts are plain, not escaped.
func PublishedRegister(members []Member, es []Interest, reviews []InterestReview) []RegisterRow {
	byMember := map[string][]Interest{}
	for _, e := range es {
		if !e.Ended {
			byMember[e.UserID] = append(byMember[e.UserID], e)
		}
	}
	sorted := append([]Member(nil), members...)
	SortByName(sorted, memberName)
	var rows []RegisterRow
	for _, m := range sorted {
		if len(byMember[m.UserID]) == 0 {
			none := "No interests registered"
			if _, ok := lastReview(m, reviews); !ok {
				none = "Register not yet completed"
			}
			rows = append(rows, RegisterRow{Member: m.Name, Description: none})
		}
		for _, e := range byMember[m.UserID] {
			if e.Sensitive {
				rows = append(rows, RegisterRow{Member: m.Name, Description: "A sensitive interest is registered; its details are withheld (Localism Act 2011, section 32)"})
				continue
			}
			row := RegisterRow{Member: m.Name, Category: e.Category.Wording(), Description: e.Description, For: "member", Since: e.StartedOn.iso()}
			if e.Spouse {
				row.For = "spouse or civil partner"
			}
			if e.Category == CategoryGifts {
				row.Value, row.Received, row.From = formatPence(e.ValuePence), e.GiftOn.iso(), e.GiftFrom
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// showGiftThreshold is `/interests threshold` alone: the value from
// which gifts are registered, as `/committee quorum` alone shows the
// quorum, and to an officer how to set another.
func showGiftThreshold(ctx context.Context, s *Service, in *Input) (Reply, error) {
	pence, err := s.store.GiftThreshold(ctx, in.Committee.ID)
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Gifts and hospitality %s are registered in %s.", fromThreshold(pence), Escape(in.Committee.Name))
	if in.Me.IsOfficer() {
		text += " `/interests threshold £100` sets another."
	}
	return private("%s", text), nil
}

func giftThresholdCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	pence, n, err := takeMoney(in.Args)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if n != len(in.Args) {
		return Reply{}, usageErr("Say only the value, e.g. `/interests threshold £100`.")
	}
	if err := s.store.SetGiftThreshold(ctx, in.Committee.ID, pence, in.UserID); err != nil {
		return Reply{}, err
	}
	return private("Gifts and hospitality %s must now be registered in %s.", fromThreshold(pence), Escape(in.Committee.Name)), nil
}

// fromThreshold says which gifts a threshold takes in. A threshold of
// nothing is a committee registering every gift, which "worth £0 or
// more" would leave the officer to work out.
func fromThreshold(pence int) string {
	if pence == 0 {
		return "of any value"
	}
	return "worth " + formatPence(pence) + " or more"
}
