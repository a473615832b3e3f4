package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// behalf is the person an officer enters a record for, named in a `for`
// clause: a Slack user by mention, or someone not in Slack by name, with
// their organisation in brackets.
type behalf struct {
	UserID, Hint string
	Name, Org    string
}

// takeFor reads `for @person` or `for "Name (Organisation)"` at the start
// of words, as `/apologies` and `/declare` take them before everything
// else, and returns the other words. found is false, and words come back
// whole, when the words do not start so: "for" followed by anything else
// is a member's own reason ("/apologies for family reasons").
func takeFor(words []string) (b behalf, rest []string, found bool, err error) {
	if len(words) < 2 || !strings.EqualFold(words[0], "for") {
		return b, words, false, nil
	}
	who := words[1:]
	first := who[0]
	if strings.ContainsRune(quotes, firstRune(first)) {
		joined := strings.Join(who, " ")
		name, after, ok := quoted(joined)
		if !ok {
			if _, size := utf8.DecodeRuneInString(joined); strings.ContainsAny(joined[size:], quotes) {
				// Closed, so the name between the quotes is what is missing.
				return b, words, false, errors.New(`the name between the quotes is empty: for "Jen Williams (NW Probation)"`)
			}
			return b, words, false, errors.New(`put the person's name between quotes: for "Jen Williams (NW Probation)"`)
		}
		if quoteInName(after) {
			return b, words, false, errors.New(`the person's name cannot have quotation marks inside it: for "Jen Williams (NW Probation)"`)
		}
		// As the sender saw it: an organisation typed "sefton.gov.uk"
		// arrives as a link, and a member's is kept as shown.
		name, b.Org = splitOrg(oneLine(Unescape(ShownMarkup(name))))
		if name == "" || strings.ContainsAny(name, "()") {
			return behalf{}, words, false, errors.New(`give the person's name, then their organisation in brackets: for "Jen Williams (NW Probation)"`)
		}
		if utf8.RuneCountInString(name) > MaxNameLen || utf8.RuneCountInString(b.Org) > MaxNameLen {
			return behalf{}, words, false, errors.New("that name is too long")
		}
		b.Name = name
		return b, strings.Fields(after), true, nil
	}
	if id, hint, ok := mention(first); ok {
		return behalf{UserID: id, Hint: hint}, who[1:], true, nil
	}
	if strings.HasPrefix(first, "@") {
		return b, words, false, fmt.Errorf("I could not find %s: type @ and pick the person, so that Slack links the name", truncateText(first, 40))
	}
	return b, words, false, nil
}

// onBehalf is the person b names, for in's sender to enter a record for
// them: only an officer or the chair may (as for marking attendance), and
// a Slack user must be a member of the committee; a name is a member's
// if one has it, else someone not in Slack, taken as given. What names
// the sender is the sender. A record that adds (adds) is refused for a
// name that is a member's but for a slip (misnamed); a withdrawal is not,
// so that what was entered under such a name can still be withdrawn.
func (s *Service) onBehalf(ctx context.Context, in *Input, b behalf, doing, cmd string, adds bool) (Member, error) {
	c, me := in.Committee, in.Me
	if err := s.chairing(ctx, in.Request, Origin{Committee: c, Member: &me}, doing); err != nil {
		return Member{}, err
	}
	switch {
	case b.UserID == "":
		// A member named rather than mentioned is still the member: their
		// records are keyed by their Slack user, and a second, by name,
		// would count them twice.
		members, err := s.store.Members(ctx, c.ID)
		if err != nil {
			return Member{}, err
		}
		switch meant := membersNamed(members, b.Name, b.Org); {
		case len(meant) == 1:
			return meant[0], nil
		case len(meant) > 1:
			return Member{}, namedTwice(c, b.Name, b.Org, meant)
		}
		if adds {
			if m, ok := misnamed(members, b.Name, b.Org); ok {
				return Member{}, misnamedErr(c, b.Name, b.Org, m)
			}
			if err := oneWordErr(c, members, b.Name, b.Org); err != nil {
				return Member{}, err
			}
		}
		return Member{Name: b.Name, Organisation: b.Org}, nil
	case b.UserID == me.UserID:
		return me, nil
	}
	mem, err := s.store.Member(ctx, c.ID, b.UserID)
	if errors.Is(err, ErrNotFound) {
		return Member{}, &strangerError{error: notMemberFor(c, b.UserID, cmd, ""), userID: b.UserID}
	}
	return mem, err
}

// strangerError refuses someone in Slack who is not a member of the
// committee: the sender (notMember), or the person `for` names
// (onBehalf). /declare takes them all the same where the meeting has
// them at its table (atTable): a substitute declares there.
type strangerError struct {
	error
	userID string
	// origin is where the sender's request came from, when the stranger
	// is the sender: the committee is known, only the membership is not.
	origin Origin
}

func (e *strangerError) Unwrap() error { return e.error }

// atTable is userID, someone in Slack who is not a member of the
// committee, as meeting m has them at its table: marked in its attendance
// other than absent (a substitute, someone in attendance), or named as a
// member's substitute by apologies standing for it. A substitute declares
// at the table, as README has it, and so do others who come; their
// declaration is theirs, kept under their Slack user, so that the minutes
// find it by their mark in the attendance. ok is false when m has no such
// person.
func (s *Service) atTable(ctx context.Context, m Meeting, userID string) (Member, bool, error) {
	people, err := s.slackPeopleAt(ctx, m)
	if err != nil {
		return Member{}, false, err
	}
	for _, p := range people {
		if p.UserID == userID {
			return p, true, nil
		}
	}
	return Member{}, false, nil
}

// slackPeopleAt are the people in Slack meeting m has at its table
// (atTable), once each: those its attendance marks first, then the
// substitutes its apologies name. Members among them are not told apart.
func (s *Service) slackPeopleAt(ctx context.Context, m Meeting) ([]Member, error) {
	log, err := s.store.AttendanceLog(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	var out []Member
	seen := map[string]bool{}
	for _, a := range Standing(log) {
		if a.UserID != "" && a.Status != AttendAbsent && !seen[a.UserID] {
			seen[a.UserID] = true
			out = append(out, Member{UserID: a.UserID, Name: a.Name, Organisation: a.Organisation})
		}
	}
	as, err := s.store.Apologies(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		if a.UserID != "" && !a.Withdrawn && a.SubstituteID != "" && !seen[a.SubstituteID] {
			seen[a.SubstituteID] = true
			out = append(out, Member{UserID: a.SubstituteID, Name: s.displayName(ctx, a.SubstituteID, a.SubstituteName)})
		}
	}
	return out, nil
}

// oneWordErr refuses name, given with no organisation, when it is one
// word (a first name, "Sue", or a surname, "Holden") of members' names:
// taken as given, it would make a stranger of the member meant, counted
// apart. Someone who is called by one word is named with their
// organisation, "Sue (Organisation)", which this does not refuse.
func oneWordErr(c Committee, members []Member, name, org string) error {
	if org != "" {
		return nil
	}
	meant := calledByWord(members, name, "")
	if len(meant) == 0 {
		return nil
	}
	return userErr("\"%s\" is not a member of %s: %s For someone not on the committee, give their organisation too: \"%s (Organisation)\".",
		Escape(name), Escape(c.Name), didYouMean(meant, ""), Escape(name))
}

// notMemberFor is the refusal of cmd entered for userID, who is not a
// member of c; done, if not empty, says what did not happen.
func notMemberFor(c Committee, userID, cmd, done string) error {
	return userErr("<@%s> is not a member of %s%s. Add them first (`/committee member add <@%s> ORGANISATION`), or enter it by name for someone not in Slack: `%s for \"Name (Organisation)\" …`.",
		userID, Escape(c.Name), done, userID, cmd)
}

// forNotNamed refuses cmd's `for` followed by neither a mention nor a
// name in quotes ("/apologies withdraw for sue", "/declare for sue 7.7
// …"), which can mean nothing but someone: with the members a bare word
// of a name may mean, as `/apologies for sue` is answered (forBareName),
// else with the forms that name someone. Only an officer or the chair may
// act for another (doing); anyone else is told that first. rest is what
// follows the person in cmd's examples.
func (s *Service) forNotNamed(ctx context.Context, in *Input, args []string, cmd, rest, doing string) error {
	if err := s.chairing(ctx, in.Request, Origin{Committee: in.Committee, Member: &in.Me}, doing); err != nil {
		return err
	}
	lead := "`" + cmd + " for` names someone by mention or in quotes"
	meant, err := s.membersMeant(ctx, in, args[1])
	if err != nil {
		return err
	}
	if len(meant) == 0 {
		return usageErr("%s: `%s for @someone%s`, or `%s for \"Name (Organisation)\"%s` for someone not in Slack.", lead, cmd, rest, cmd, rest)
	}
	return userErr("%s: %s", lead, didYouMean(meant, "`"+cmd+" for %s"+rest+"`"))
}

// namesMember reports whether name, with org, as a name in quotes is
// read ("Jen Williams (NW Probation)"), is member m's name: their name
// alone, or, for a Slack name with brackets of its own ("Ann Lee
// (she/her)"), the whole of what was typed, which is how Slack shows it.
func namesMember(m Member, name, org string) bool {
	return personKey(m.Name) == personKey(name) || org != "" && personKey(m.Name) == personKey(name+" ("+org+")")
}

// misnamed is the one member whose name is name but for a slip (oneSlip:
// a letter mistyped, left out, added, or two swapped, in a word of four
// letters or more: "Sue Holdn" for Sue Holden), and of org when one is
// given. Taken as given, such a name makes a stranger of the member: their
// apology, declaration or mark would be minuted under a name no member
// has, and their own record would be missing. Two such members, and it is
// no one.
func misnamed(members []Member, name, org string) (Member, bool) {
	words := strings.Fields(personKey(name))
	var found Member
	n := 0
	for _, m := range members {
		if org != "" && personKey(org) != personKey(m.Organisation) {
			continue
		}
		if oneSlip(words, strings.Fields(personKey(m.Name))) {
			found, n = m, n+1
		}
	}
	return found, n == 1
}

// misnamedErr asks whether name, typed for a record with org (or none),
// meant member m. Given with the member's organisation, which misnamed
// then asked of them, the name is not told to add one.
func misnamedErr(c Committee, name, org string, m Member) error {
	if org != "" {
		return userErr("\"%s\" is not a member of %s: did you mean %s? Name them as <@%s>.",
			nameOf(name, org), Escape(c.Name), nameOf(m.Name, m.Organisation), m.UserID)
	}
	return userErr("\"%s\" is not a member of %s: did you mean %s? Name them as <@%s>; for someone not on the committee, give their organisation too: \"%s (Organisation)\".",
		Escape(name), Escape(c.Name), nameOf(m.Name, m.Organisation), m.UserID, Escape(name))
}

// enteredBy says, in a list, who entered a record for someone else:
// " — entered by <@UIAN>"; nothing for a member's own record, or one
// read from imported minutes.
func enteredBy(by, userID string) string {
	if by == "" || by == userID || !isUserID(by) {
		return ""
	}
	return " — _entered by <@" + by + ">_"
}

// toldOf is the direct message telling who what r's sender did to a
// record in their name: did follows the sender's mention ("recorded your
// apologies for …"). It goes to the store with the write, which queues it
// in the write's own transaction: a write that fails tells nothing, and
// one made is told even when Slack is down, the outbox trying again. A
// member would otherwise learn of a declaration or apologies in their name
// only by opening their Home, and a wrong one is theirs to answer for.
// It is nil for the member's own record, and for someone not in Slack,
// who has nowhere to be told.
func toldOf(c Committee, who Member, r Request, did string) *OutboxMessage {
	if who.UserID == "" || who.UserID == r.UserID {
		return nil
	}
	return &OutboxMessage{CommitteeID: c.ID, Kind: OutboxDM, UserID: who.UserID, DueAt: r.Now,
		Reply: Reply{Visibility: Private, Text: "<@" + r.UserID + "> " + did}}
}

// toldThem ends the reply to a record entered for someone told of it
// (toldOf).
const toldThem = "They are told by direct message."

// withTold is text, the reply to a record entered for someone, saying
// that they are told of it when they are (told is not nil).
func withTold(text string, told *OutboxMessage) string {
	if told == nil {
		return text
	}
	return text + " " + toldThem
}

// whoText names the person a record is for in a reply: a mention, or the
// name and organisation as given.
func whoText(m Member) string {
	if m.UserID != "" {
		return "<@" + m.UserID + ">"
	}
	return nameOf(m.Name, m.Organisation)
}

// isUserErr reports whether err is a sentence for the user rather than
// a failure.
func isUserErr(err error) bool {
	var ue *UserError
	return errors.As(err, &ue)
}

// declarationsEntered names the standing declarations someone else
// entered, and who, in agenda order: "Entered for them: Graeme Robson
// (Item 7.7) by <@UIAN>." The minutes' paragraph leaves this out.
func declarationsEntered(ds []Declaration, items []AgendaItem) string {
	var standing []Declaration
	for _, d := range ds {
		if !d.Withdrawn && !d.Imported && enteredBy(d.By, d.UserID) != "" {
			standing = append(standing, d)
		}
	}
	if len(standing) == 0 {
		return ""
	}
	sortDeclarations(standing, items)
	parts := make([]string, len(standing))
	for i, d := range standing {
		parts[i] = Escape(d.Name) + " (Item " + Escape(d.filed().number()) + ") by <@" + d.By + ">"
	}
	return "Entered for them: " + joinAnd(parts) + "."
}

// recordKey is how the stores' withdrawals name whose records to withdraw:
// a Slack user's ID, or for someone not in Slack the key of their name
// (NameKey), which the stores take as it is.
func recordKey(m Member) string {
	if m.UserID != "" {
		return m.UserID
	}
	return NameKey(m.Name)
}

// namedPerson is someone a meeting's records name who is not in Slack:
// their name and organisation as first entered, and whether a record is
// kept under their name (an apology, a mark, a declaration, a report
// link) or they are only named in one (a substitute named in a member's
// apologies, an action's owner), and whether they are a substitute so
// named, whose attendance mark will be kept under their name when they
// are marked at the table.
type namedPerson struct {
	Name, Org  string
	Keyed, Sub bool
}

// namedPeople are the people not in Slack that a meeting's apologies,
// attendance log, declarations and report links name, in that order.
//
// Declarations and report links keep no organisation, so theirs is the
// one of the apology or attendance mark kept under the same key: left
// empty, it would match any organisation typed, and another of that name
// from elsewhere would be taken for the person who declared.
func namedPeople(as []Apology, log []AttendanceMark, ds []Declaration, links []ReportLink) []namedPerson {
	orgs := map[string]string{}
	for _, a := range as {
		if a.UserID == "" && orgs[NameKey(a.Name)] == "" {
			orgs[NameKey(a.Name)] = a.Organisation
		}
	}
	for _, mk := range log {
		if mk.UserID == "" && orgs[NameKey(mk.Name)] == "" {
			orgs[NameKey(mk.Name)] = mk.Organisation
		}
	}
	var out []namedPerson
	for _, a := range as {
		if a.UserID == "" {
			out = append(out, namedPerson{Name: a.Name, Org: a.Organisation, Keyed: true})
		}
		if a.SubstituteID == "" && a.SubstituteName != "" {
			name, org := splitOrg(a.SubstituteName)
			out = append(out, namedPerson{Name: name, Org: org, Sub: true})
		}
	}
	for _, mk := range log {
		if mk.UserID == "" {
			out = append(out, namedPerson{Name: mk.Name, Org: mk.Organisation, Keyed: true})
		}
	}
	for _, d := range ds {
		if d.UserID == "" {
			out = append(out, namedPerson{Name: d.Name, Org: orgs[NameKey(d.Name)], Keyed: true})
		}
	}
	for _, l := range links {
		if l.UserID == "" {
			out = append(out, namedPerson{Name: l.Name, Org: orgs[NameKey(l.Name)], Keyed: true})
		}
	}
	return out
}

// onRecord is the person not in Slack typed as who, as known spells them:
// the same name, ignoring case, spacing, accents and the form of an
// apostrophe (personKey), as a member's is matched, is the same person,
// so "Sean O'Neill" typed at the table is Seán O’Neill (Sefton CVS) who
// sent apologies, and the spelling and organisation on record are kept.
//
// Their records are then found by the key of that spelling (NameKey),
// unchanged, rather than by a key folded as personKey folds: keys stored
// before names were matched so match as they are, and no stored row is
// rewritten. Re-keying them in a migration would need SQL to fold exactly
// as personKey does, which search_text (migration 00064) does not (it
// spells ß as ss and leaves the grave accent and prime typed for an
// apostrophe), and would merge rows the unique indexes keep apart — two
// apologies, two declarations of one meeting — keeping one and losing
// the other's history.
//
// An organisation given that is not the one on record is someone else of
// the same name. Their records would be kept under the same key as the
// other's, so one kept under a name, or a substitute named in a member's
// apologies (who is marked under it at the table), is refused rather
// than merged, with how to tell the two apart. An action's owner is only
// named in the action, so another of that name is not refused for them.
func onRecord(known []namedPerson, who Member) (Member, error) {
	if who.UserID != "" {
		return who, nil
	}
	var same, other, exact *namedPerson
	twoOrgs := false
	for i, k := range known {
		switch {
		case personKey(k.Name) != personKey(who.Name):
		case who.Organisation != "" && k.Org != "" && personKey(who.Organisation) != personKey(k.Org):
			if (k.Keyed || k.Sub) && other == nil {
				other = &known[i]
			}
		case who.Organisation == "" && same != nil && k.Org != "" && same.Org != "" && personKey(k.Org) != personKey(same.Org):
			twoOrgs = true
		default:
			if k.Keyed && exact == nil && NameKey(k.Name) == NameKey(who.Name) {
				exact = &known[i]
			}
			if same == nil || k.Keyed && !same.Keyed {
				same = &known[i]
			}
		}
	}
	// Records entered before names were matched may be kept under two
	// spellings of one name: those under the spelling typed are found by
	// it, rather than by the other's key, which was found first.
	if exact != nil {
		same = exact
	}
	if other != nil && (same == nil || !same.Keyed) {
		return Member{}, userErr("\"%s\" has the name of %s, who is already on record for this meeting, and would share their records. Enter them by a name that tells the two apart, with an initial or a middle name.",
			nameOf(who.Name, who.Organisation), nameOf(other.Name, other.Org))
	}
	// The name alone of two from different organisations is neither's:
	// taking the first would give one what was meant for the other.
	if same == nil || twoOrgs {
		return who, nil
	}
	org := same.Org
	if org == "" {
		org = who.Organisation
	}
	return Member{Name: same.Name, Organisation: org}, nil
}

// onRecordAt is onRecord with the people meeting m's records name.
func (s *Service) onRecordAt(ctx context.Context, m Meeting, who Member) (Member, error) {
	if who.UserID != "" {
		return who, nil
	}
	known, err := s.peopleAt(ctx, m.ID)
	if err != nil {
		return Member{}, err
	}
	return onRecord(known, who)
}

// peopleAt are the people not in Slack that meeting meetingID's records
// name (namedPeople).
func (s *Service) peopleAt(ctx context.Context, meetingID int64) ([]namedPerson, error) {
	as, err := s.store.Apologies(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	log, err := s.store.AttendanceLog(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	ds, err := s.store.Declarations(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	links, err := s.store.ReportLinks(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	return namedPeople(as, log, ds, links), nil
}
