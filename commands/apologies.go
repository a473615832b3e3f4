package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

func apologiesCommand() *Command {
	return &Command{
		Name:    "/apologies",
		Summary: "Send apologies for absence from a meeting, with a reason and a substitute.",
		Saves:   "your apology",
		Fits:    fmt.Sprintf("a reason may be up to %d characters", MaxReasonLen),
		Subs: []Sub{{
			Usage:   []string{apologyUsage, apologyForUsage},
			Summary: "Send apologies for the next meeting, or the one on DATE; sending again changes only what you name, and keeps the rest. An officer or the chair sends them for someone else with `for` first.",
			Examples: []string{
				"/apologies Unwell",
				"/apologies 10/12/2026 Attending court sub @graeme",
				"/apologies sub \"Jane Smith (Sefton CVS)\"",
				"/apologies sub none",
				"/apologies reason none",
				"/apologies for @neil Unwell",
				"/apologies for \"Jen Williams (NW Probation)\" Unwell",
			},
			Date: closedDateHelp,
			Also: []string{"send", "add", "give", "for", "reason", "sub"},
			Who:  Members, SelfAdmit: true, Run: sendApologyCmd,
		}, {
			Name:     "withdraw",
			Usage:    []string{"/apologies withdraw [DATE]", `/apologies withdraw for @someone|"Name (Organisation)" [DATE]   (officer or chair)`},
			Summary:  "Withdraw your apologies: you are expected after all.",
			Examples: []string{"/apologies withdraw", "/apologies withdraw for @neil"},
			Date:     closedDateHelp,
			Who:      Members, Run: withdrawApologyCmd,
		}, {
			Name:    "list",
			Usage:   []string{"/apologies list [DATE]"},
			Summary: "The apologies received for the meeting in progress, else the next meeting, or the one on DATE, as the minutes word them; officers also see the reasons.",
			Date:    tableDateHelp,
			Read:    true, Who: Members, Run: listApologies,
		}},
		Buttons: map[string]Action{
			"apologies.withdraw":  withdrawApologyAction,
			"apologies.send_next": sendNextApologyAction,
		},
		Forms: map[string]FormHandler{ApologyFormID: submitApologyForm},
	}
}

// MaxReasonLen bounds the reason given with an apology.
const MaxReasonLen = 500

// apologyArgs is a parsed `/apologies [DATE] [REASON] [sub …]`. A part
// the sender did not mention is not Set: an apology standing keeps its
// own. A part Set empty ("reason none", "sub none") is removed.
type apologyArgs struct {
	Date           Date
	Reason         string
	SetReason      bool
	SubstituteID   string
	SubstituteName string
	SetSubstitute  bool
	// SubWord is the word after a "sub" in a reason not given with
	// `reason` ("sub sue"): a member's, it names someone the sender
	// meant as substitute (see subNotNamed).
	SubWord string
	// Weekday is the day of the week a reason not given with `reason`
	// starts with, when no date came before it ("Thursday"): the sender
	// most likely meant the meeting's day (see weekdayMeant). It is also
	// the first word of such a reason that looks like a date mistyped
	// ("14.1", "tmorrow", "Thurday"), and Meant what it may mean;
	// MeantDay the day, when it names one.
	Weekday  string
	Meant    string
	MeantDay Date
}

// keep is what an update with a leaves of the apology standing.
func (a apologyArgs) keep() ApologyKeep {
	return ApologyKeep{Reason: !a.SetReason, Substitute: !a.SetSubstitute}
}

// apologyUsage is the grammar of `/apologies` as help shows it.
const apologyUsage = `/apologies [DATE] [REASON | reason none] [sub @someone | sub "Name (Organisation)" | sub none]`

// apologyForUsage is the officer's form, for someone else: the `for`
// clause comes first, before the DATE.
const apologyForUsage = `/apologies for @someone|"Name (Organisation)" [DATE] [REASON …] [sub …]   (officer or chair)`

// quotes open and close a substitute's name: straight, or curly as
// phones type them.
const quotes = "\"“”"

// parseApology reads the text of apologyUsage. The words after the date
// are the reason, "reason TEXT" or "reason none" says so explicitly, and
// a sub clause anywhere in them names the substitute: a mention, a name in
// quotes, "none", or a capitalised name ending the text.
func parseApology(args []string, now time.Time, loc *time.Location) (apologyArgs, error) {
	var a apologyArgs
	args = withoutMarks(args)
	d, n, err := takeDate(args, now, loc)
	if err != nil {
		return a, err
	}
	// "next Thursday 17 December" names a day as well as the next
	// meeting. Read as the next meeting, the day would start the reason,
	// and the apologies go to the next meeting whatever its day.
	if err := nextAndDate("/apologies", "…", args, now, loc); err != nil {
		return a, err
	}
	a.Date = d
	rest := args[n:]
	sub, rest, found, err := takeSubstitute(rest)
	if err != nil {
		return apologyArgs{Date: d}, err
	}
	if found {
		if _, _, again, _ := takeSubstitute(rest); again {
			return apologyArgs{Date: d}, errors.New("name one substitute only")
		}
		a.SubstituteID, a.SubstituteName, a.SetSubstitute = sub.SubstituteID, sub.SubstituteName, true
	}
	// "sub" at the end of a reason may be a word of it ("the planning
	// sub"); alone it is a substitute not named, not a reason.
	if len(rest) == 1 {
		if lw := strings.ToLower(strings.TrimRight(rest[0], ":")); lw == "sub" || lw == "substitute" {
			return apologyArgs{Date: d}, errors.New(`name the substitute after "` + lw + `": sub @someone, sub "Jane Smith (Sefton CVS)", or sub none`)
		}
	}
	if len(rest) > 0 && !found {
		if err := mentionLeads(rest); err != nil {
			return apologyArgs{Date: d}, err
		}
		if err := subcommandMeant(rest, now, loc); err != nil {
			return apologyArgs{Date: d}, err
		}
	}
	if len(rest) > 0 {
		a.SetReason = true
		explicit := false
		if lw := strings.ToLower(strings.TrimRight(rest[0], ":")); lw == "reason" {
			explicit = true
			switch {
			case len(rest) == 1:
				return apologyArgs{Date: d}, errors.New("say `reason none` to remove the reason, or give it after `reason`")
			case len(rest) == 2 && strings.EqualFold(rest[1], "none"):
				rest = nil
			default:
				rest = rest[1:]
			}
		}
		a.Reason = plainMarked(rest)
		if !found && !explicit {
			// Read from the reason as kept, so the word asked about is
			// the word the sender sees in it.
			a.SubWord = wordAfterSub(strings.Fields(a.Reason))
		}
		if n == 0 && !explicit && len(rest) > 0 {
			if weekdayLeads(rest[0]) {
				a.Weekday = rest[0]
			} else if meant, ok := dateSlip(rest[0], now, loc); ok {
				a.Weekday, a.Meant = rest[0], meant
			} else if day, k, ok := monthSlip(rest, now, loc, false); ok {
				a.Weekday, a.Meant, a.MeantDay = strings.Join(rest[:k], " "), dayMeant(day), day
			} else if day, k, ok := dateAfterWord(rest, now, loc); ok {
				a.Weekday, a.Meant, a.MeantDay = strings.Join(rest[:k], " "), dayMeant(day), day
			}
		}
	}
	if utf8.RuneCountInString(a.Reason) > MaxReasonLen {
		return apologyArgs{Date: d}, fmt.Errorf("that reason is too long (%d characters; the limit is %d)", utf8.RuneCountInString(a.Reason), MaxReasonLen)
	}
	if utf8.RuneCountInString(a.SubstituteName) > MaxNameLen {
		return apologyArgs{Date: d}, fmt.Errorf("that substitute's name is too long")
	}
	return a, nil
}

// mentionLeads refuses a reason that starts with a mention, or with a
// slip of `for` and a mention ("fro @neil"): the sender meant `for` (or
// `sub`), and as it stands the apologies would be their own, with a
// mention for a reason. A reason that starts so is given with `reason`.
func mentionLeads(rest []string) error {
	lead, at := "with a mention", rest[0]
	if len(rest) > 1 && !strings.EqualFold(rest[0], "reason") && oneEdit(strings.ToLower(rest[0]), "for") {
		lead, at = "`"+inCode(Escape(rest[0]))+"` and a mention", rest[1]
	}
	id, _, ok := mention(at)
	if !ok {
		return nil
	}
	return fmt.Errorf("apologies starting %s would be your own, with that as their reason: to send them for <@%s>, write `for` before the mention (an officer or the chair); to name your substitute, `sub`. For a reason that starts so, write `/apologies reason …`", lead, id)
}

// weekdayLeads reports whether w, the first word of a reason, is a day
// of the week, "Thursday" or "thu". "Sat" and "sun" are words of their
// own ("Sun holiday").
func weekdayLeads(w string) bool {
	lw := strings.ToLower(strings.TrimRight(w, ",.:"))
	return weekdays[lw] && lw != "sat" && lw != "sun"
}

// weekdayMeant refuses apologies for m whose reason starts with a day of
// the week, or with what looks like a date mistyped, given with no date
// (apologyArgs.Weekday, Meant): the sender most likely meant the
// meeting's day, and sent as they stand the apologies would be for the
// next meeting, whatever its day, with the day for a reason. The answer
// names the meeting's day (today's, while it waits to be opened), and
// what the slip may mean.
func weekdayMeant(c Committee, m Meeting, a apologyArgs, forPart string, now time.Time) error {
	loc := c.Location()
	// The day said is the next meeting's: sent as they stand, the
	// apologies reach the meeting meant, the day kept in the reason.
	if a.Weekday == "" || !a.MeantDay.IsNext() && a.MeantDay == DateOf(m.StartsAt, loc) {
		return nil
	}
	typed := inCode(Escape(truncateText(a.Weekday, 40)))
	meant := ""
	if a.Meant != "" {
		meant = " (did you mean " + a.Meant + "?)"
	}
	cmd := "/apologies"
	if forPart != "" {
		cmd += " " + forPart
	}
	// Without a date, while today's meeting waits to be opened, it is
	// the one meant (inFront), and `next` names the meeting after it.
	which, word := "the next meeting is on "+formatDay(m.StartsAt, loc), "next"
	if a.Date.IsNext() && awaitingOpening(m, now, loc) {
		which, word = "today's meeting, "+formatDay(m.StartsAt, loc)+", waits to be opened", "today"
	}
	return userErr("`%s` is not read as a date%s: %s. `%s %s …` sends apologies for it, or give a meeting's date, as in `%s %s …`; for a reason that starts with `%s`, write `%s reason %s …`.",
		typed, meant, which, cmd, word, cmd, m.StartsAt.In(loc).Format("2/01/2006"), typed, cmd, typed)
}

// dateAfterWord reports whether rest, a reason given with no date,
// starts with a day still to come as it is said ("on 14/01", "for 14
// January", "this Thursday"), how many words that is, and the day it
// names (none for a day of the week). Taken as the start of the reason,
// the apologies would go to the next meeting, whatever day was meant. A
// day gone ("for 24/7 cover", read as 24 July) is no meeting's to come:
// the words are the reason. "Yesterday …" is a reason too ("Yesterday I
// broke my leg").
func dateAfterWord(rest []string, now time.Time, loc *time.Location) (day Date, n int, ok bool) {
	lead := strings.ToLower(strings.TrimRight(rest[0], ",.:"))
	if len(rest) < 2 || lead != "on" && lead != "for" && lead != "this" {
		return Date{}, 0, false
	}
	if weekdayLeads(rest[1]) && (len(rest) == 2 || !startsDate(rest[2:], now, loc)) {
		return Date{}, 2, true
	}
	d, k, err := takeDate(rest[1:], now, loc)
	if k == 0 || err != nil || d.IsNext() || dayGone(d, now, loc) {
		return Date{}, 0, false
	}
	return d, k + 1, true
}

// dayMeant is day as a slip's answer gives it: "`14/01/2027`, Thursday
// 14 January 2027"; "" for none.
func dayMeant(d Date) string {
	if d.IsNext() {
		return ""
	}
	return fmt.Sprintf("`%d/%02d/%d`, %s", d.Day, int(d.Month), d.Year, d)
}

// startsDate reports whether words start with a date takeDate reads.
func startsDate(words []string, now time.Time, loc *time.Location) bool {
	_, k, err := takeDate(words, now, loc)
	return k > 0 && err == nil
}

// withdrawWords, typed alone, mean `/apologies withdraw`: no one gives
// them as the reason they cannot come.
var withdrawWords = map[string]bool{"cancel": true, "cancelled": true, "retract": true, "undo": true, "remove": true, "delete": true}

// subcommandMeant refuses a reason that is one word, alone or before a
// date, which is `withdraw` or `list` but for a slip ("witdraw", "lsit"),
// or another word for withdrawing ("cancel"): the sender meant the
// subcommand, and taken as the reason it would send apologies, or change
// the reason of those standing, from someone who meant to take them back.
// A reason that is such a word is given with `reason`.
func subcommandMeant(rest []string, now time.Time, loc *time.Location) error {
	if len(rest) > 1 {
		if _, n, err := takeDate(rest[1:], now, loc); err != nil || n != len(rest)-1 {
			return nil
		}
	}
	word := strings.ToLower(strings.TrimRight(rest[0], ".!"))
	meant := ""
	switch {
	case withdrawWords[word] || oneEdit(word, "withdraw"):
		meant = "withdraw"
	case oneEdit(word, "list"):
		meant = "list"
	default:
		return nil
	}
	typed := inCode(Escape(truncateText(rest[0], 40)))
	return fmt.Errorf("`%s` is not read as a reason: did you mean `/apologies %s`? For that reason, write `/apologies reason %s`", typed, meant, typed)
}

// takeSubstitute finds the first sub clause in words and returns the
// substitute it names (both empty for "none") and the other words. found
// is false, and words come back whole, when there is none: "sub" followed
// by anything else is part of the reason ("the sub committee meeting").
func takeSubstitute(words []string) (sub ApologyParts, rest []string, found bool, err error) {
	for i, w := range words {
		lw := strings.ToLower(strings.TrimRight(w, ":"))
		if lw != "sub" && lw != "substitute" || i == len(words)-1 {
			continue
		}
		who := words[i+1:]
		before := words[:i:i]
		switch first := who[0]; {
		case strings.ContainsRune(quotes, firstRune(first)):
			name, after, ok := quoted(strings.Join(who, " "))
			if !ok {
				return sub, words, false, errors.New(`put the substitute's name between quotes: sub "Jane Smith (Sefton CVS)"`)
			}
			if quoteInName(after) {
				// Read as it stands, the name would end at the inner quote
				// and the rest of it would replace the reason.
				return sub, words, false, errors.New(`the substitute's name cannot have quotation marks inside it: sub "Jane Smith (Sefton CVS)"`)
			}
			name = ShownMarkup(name) // as the sender saw it, as a member's organisation is kept
			if n, org := splitOrg(oneLine(Unescape(name))); n == "" || strings.ContainsAny(n+org, "()") {
				// "(Sefton CVS)" or "Jane Smith (" would be shown on the
				// agenda as a substitute with no name, or half a bracket.
				return sub, words, false, errors.New(`give the substitute's name, then their organisation in brackets: sub "Jane Smith (Sefton CVS)"`)
			}
			sub.SubstituteName = Unescape(name)
			return sub, append(before, strings.Fields(after)...), true, nil
		case strings.EqualFold(first, "none"):
			return sub, append(before, who[1:]...), true, nil
		}
		if id, hint, ok := mention(who[0]); ok {
			sub.SubstituteID, sub.SubstituteName = id, hint
			return sub, append(before, who[1:]...), true, nil
		}
		if strings.HasPrefix(who[0], "@") {
			return sub, words, false, fmt.Errorf("I could not find %s: type @ and pick the person, so that Slack links the name", echoWord(who[0]))
		}
		if looksLikeName(who) {
			sub.SubstituteName = plainShown(who)
			return sub, before, true, nil
		}
	}
	return sub, words, false, nil
}

// wordAfterSub is the word after the first "sub" or "substitute" of a
// reason, "" when there is none. It is the word as the sender meant it:
// without the punctuation after it ("sub sue.") or Slack's emphasis
// around it ("sub *sue*"), which would be quoted back in a refusal or
// hide the member it names.
func wordAfterSub(words []string) string {
	for i, w := range words[:max(len(words)-1, 0)] {
		if lw := strings.ToLower(strings.TrimRight(w, ":")); lw == "sub" || lw == "substitute" {
			// A word of a mention (marked) or of markup is no name
			// mistyped: a whole mention was taken as the substitute.
			if strings.ContainsAny(words[i+1], "<>|"+mentionMark) {
				return ""
			}
			return strings.TrimLeft(strings.TrimRight(words[i+1], ",.:;!?"+emphasisMarks), emphasisMarks)
		}
	}
	return ""
}

// emphasisMarks are Slack's marks for bold, italics, strike and code.
const emphasisMarks = "*_~`"

// quoted reads a name between quotes at the start of s (any of quotes
// opens or closes it) and what follows the closing quote. A name must
// have something in it.
func quoted(s string) (name, after string, ok bool) {
	_, size := utf8.DecodeRuneInString(s)
	inner := s[size:]
	end := strings.IndexAny(inner, quotes)
	if end < 0 {
		return "", "", false
	}
	name = strings.TrimSpace(inner[:end])
	_, closing := utf8.DecodeRuneInString(inner[end:])
	return name, inner[end+closing:], name != ""
}

// quoteInName reports whether what follows the quote that quoted took as
// closing carries on the same word ("Robert "Bob" Jones"): that quote was
// inside the name, not its end. A number straight after it is what comes
// next, typed without a space (`for "Jen Williams"4 …`, the item).
func quoteInName(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return after != "" && (unicode.IsLetter(r) || strings.ContainsRune(quotes, r))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// looksLikeName accepts "Jane Smith" after "sub" but not the rest of a
// sentence ("sub committee meeting").
func looksLikeName(words []string) bool {
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// sendApologyCmd is `/apologies [DATE] [REASON] [sub …]`. An apology for
// the next meeting, nearly every one, is one statement that also finds
// the committee, checks that the sender is a member and picks the meeting
// (SendApologyFrom): one round trip to the records. One for a DATE needs
// the committee's time zone to read the date, and a mistake must be
// reported after "you are not a member", as for every command: those go
// the long way, through sendApologyOn. So does one sent where the channel
// is not a committee's: the committee is then the sender's own.
func sendApologyCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	// Whether the text starts with a date does not depend on the time
	// zone; only which day a relative one names does.
	a, err := parseApology(in.Args, in.Now, time.UTC)
	// One naming a substitute goes the long way too: who may substitute
	// depends on the sender's name and on the apologies already sent.
	// One for `next`, said, goes the long way too: the statement's meeting
	// is the one an apology without a date means.
	// So does one whose reason has "sub" and a word that may be a
	// member's: subNotNamed reads the members.
	// So does one whose reason starts with a day of the week: the answer
	// names the next meeting's day (weekdayMeant).
	// So does one whose reason mentions someone: namedMentions names them.
	if err != nil || !a.Date.IsNext() || strings.Contains(a.Reason, mentionMark) || a.SubstituteID != "" || a.SubstituteName != "" || a.SubWord != "" || a.Weekday != "" || in.committeeID != 0 || isFor(in.Args) || saidNextFirst(in.Args) {
		return s.sendApologyOn(ctx, in)
	}
	o, sent, err := s.store.SendApologyFrom(ctx, ApologyRequest{
		TeamID: in.TeamID, ChannelID: in.ChannelID, UserID: in.UserID, At: in.Now,
		Reason: a.Reason, SubstituteID: a.SubstituteID, SubstituteName: a.SubstituteName, Keep: a.keep(),
		Replay: in.Replay,
	})
	switch {
	case errors.Is(err, ErrNotFound):
		// Not a committee's channel: the replay key was not recorded.
		return s.sendApologyOn(ctx, in)
	case err != nil:
		return Reply{}, err
	case o.Member == nil:
		return Reply{}, s.notMemberNow(ctx, o.Committee, in.UserID)
	case o.Next == nil || sent.Outcome == "":
		// The next meeting is scheduled and to come by definition; say
		// what the statement would not write rather than guess. Without
		// a date, a meeting in progress is the one meant.
		if o.Next != nil {
			// Removed from the committee while the statement waited: the
			// membership it read was as it stood when it began.
			if err := s.stillMember(ctx, o.Committee, in.UserID, in.UserID); err != nil {
				return Reply{}, err
			}
		}
		run, running, ok, err := s.inFront(ctx, o.Committee, nil, Date{}, in.Now)
		switch {
		case err != nil:
			return Reply{}, err
		case ok && !running:
			// Today's, begun by the clock, waits to be opened: the
			// statement declined, and the apology is for it, the long
			// way.
			return s.sendApologyDeclined(ctx, in)
		case !ok && o.Next == nil:
			return Reply{}, noMeeting(o.Committee)
		case !ok:
			// Read again: the statement read the meeting as it was when
			// it began, and a cancelling or a move it waited for is not
			// in that.
			if run, err = s.store.Meeting(ctx, o.Next.ID); err != nil {
				return Reply{}, err
			}
		}
		if err := s.notUnderWay(ctx, o.Committee, run, apologiesClosed); err != nil {
			return Reply{}, err
		}
		if err := openForApologies(o.Committee, run, in.Now); err != nil {
			return Reply{}, err
		}
		if o.Next != nil && o.Next.ID == run.ID {
			if err := movedMeanwhile(o.Committee, *o.Next, run); err != nil {
				return Reply{}, err
			}
		}
		// Declined for a reason the rules read here do not give (a
		// meeting the statement found waiting that is not found so now,
		// its opening or cancelling in between): the long way reads it
		// all again and answers, rather than failing with nothing
		// recorded.
		return s.sendApologyDeclined(ctx, in)
	}
	return s.apologyReply(o.Committee, *o.Next, sent, Member{}, true), nil
}

// sendApologyDeclined sends, the long way (sendApologyOn), an apology
// the statement SendApologyFrom declined to write. The statement recorded
// the replay key as new, so it is not checked again: it would be found
// seen, and the request refused as a replay.
func (s *Service) sendApologyDeclined(ctx context.Context, in *Input) (Reply, error) {
	long := *in
	long.Replay = ""
	return s.sendApologyOn(ctx, &long)
}

// isFor reports whether args might start with a `for` clause (see
// takeFor): those go the long way, where an officer's right to enter them
// is checked. So does a reason that starts with "for", which may name a
// member without a mention (forBareName).
func isFor(args []string) bool {
	return len(args) >= 2 && strings.EqualFold(args[0], "for")
}

// forBareName refuses apologies whose words start "for" and a word of a
// member's name, not mentioned or quoted ("/apologies for sue Unwell"):
// sent as they stand they are the sender's own, with the reason "for sue
// Unwell", while the sender meant Sue's. A reason of one's own that
// starts so is given with `reason`. Whom the sender may have meant is
// named only to an officer or the chair, who may send them for another.
func (s *Service) forBareName(ctx context.Context, in *Input, args []string) error {
	if !isFor(args) {
		return nil
	}
	meant, err := s.membersMeant(ctx, in, args[1])
	if err != nil || len(meant) == 0 {
		return err
	}
	// The answer quotes back code spans: a backquote in the word typed
	// would end one.
	typed := inCode(Escape(truncateText(args[1], 40)))
	lead := fmt.Sprintf("Apologies `for %s …` would be your own, with that as their reason", typed)
	tail := fmt.Sprintf(" For a reason of your own that starts with \"for\", write `/apologies reason for %s …`.", typed)
	const doing = "send apologies for someone else"
	if err := s.chairing(ctx, in.Request, Origin{Committee: in.Committee, Member: &in.Me}, doing); err != nil {
		if !isUserErr(err) {
			return err
		}
		return userErr("%s; only an officer or the chair of %s can %s.%s", lead, Escape(in.Committee.Name), doing, tail)
	}
	return userErr("%s: %s%s", lead, didYouMean(meant, "`/apologies for %s …`"), tail)
}

// membersMeant are the members, other than in's sender, that word (typed
// after "for" without a mention or quotes) may name: see membersCalled.
func (s *Service) membersMeant(ctx context.Context, in *Input, word string) ([]Member, error) {
	if bareWord(word) == "" {
		return nil, nil
	}
	members, err := s.store.Members(ctx, in.Committee.ID)
	if err != nil {
		return nil, err
	}
	return membersCalled(members, in.UserID, word), nil
}

// notMentioned answers word, typed where someone is named by mention (or
// in quotes), when it is a word of a member's name ("sue", or the "Sue"
// of Sue Holden typed bare): lead, then the members it may mean, the
// sender too, and how to name them (didYouMean; example "" where only a
// mention will do). It is nil when word names no member, for the caller
// to answer as it would any other word.
func (s *Service) notMentioned(ctx context.Context, in *Input, word, lead, example string) error {
	if _, _, ok := mention(word); ok || bareWord(word) == "" {
		return nil
	}
	members, err := s.store.Members(ctx, in.Committee.ID)
	if err != nil {
		return err
	}
	meant := membersCalled(members, "", word)
	if len(meant) == 0 {
		return nil
	}
	return userErr("%s: %s", lead, didYouMean(meant, example))
}

// didYouMean asks which of meant (one or more) was meant, and how to name
// them: by mention, or for one alone in quotes as in example (a
// `code` span with %s for the quoted name) where the name can be so
// given and example is not "". Two members may share a name; their
// mentions tell them apart.
func didYouMean(meant []Member, example string) string {
	// The names stand beside code spans: see inCode.
	names := make([]string, len(meant))
	mentions := make([]string, len(meant))
	for i, m := range meant {
		names[i] = inCode(nameOf(m.Name, m.Organisation))
		mentions[i] = "<@" + m.UserID + ">"
	}
	if len(meant) > 1 {
		return fmt.Sprintf("did you mean %s? Name the one you mean as %s.", joinOr(names), joinOr(mentions))
	}
	quoted := ""
	if q, ok := quotedName(meant[0].Name, ""); ok && example != "" {
		quoted = ", or in quotes: " + fmt.Sprintf(example, q)
	}
	return fmt.Sprintf("did you mean %s? Name them as %s%s.", names[0], mentions[0], quoted)
}

// inCode is s fit to stand in or beside a `code` span, which a backquote
// would end (Slack's mrkdwn has no escape for one): each is shown as a
// modifier grave accent, which looks alike. For words quoted back, not
// for a name to be typed as it stands.
func inCode(s string) string {
	return strings.ReplaceAll(s, "`", "ˋ")
}

// anyName is what a suggested command shows for someone named by name
// whose name quotedName cannot give: the form, theirs to fill in.
const anyName = `"Name (Organisation)"`

// quotedName is name, with org in brackets when there is one, between
// quotes and escaped, as a command suggested in a `code` span names
// someone by name. ok is false when it cannot stand there and still be
// typed as shown and read as the same person: a backquote would end the
// span (inCode would change the name), a quote would end the name, and a
// bracket in either would be read as the organisation's, or refused
// after `for`: someone marked as "Jen Williams (Probation) (NW)" is Jen
// Williams (Probation) of NW, and their name alone, offered as
// `"Jen Williams (Probation)"`, would be read back as Jen Williams of
// Probation.
func quotedName(name, org string) (string, bool) {
	if strings.ContainsAny(name+org, "`()"+quotes) {
		return anyName, false
	}
	if org != "" {
		name += " (" + org + ")"
	}
	return `"` + Escape(name) + `"`, true
}

// personArg names someone in a suggested command: their mention, or, for
// someone not in Slack, their name in quotes (quotedName). given is false
// where the name cannot be given so and the form to fill in stands in
// its place; asGiven then says how to fill it in.
func personArg(userID, name, org string) (person string, given bool) {
	if userID != "" {
		return "<@" + userID + ">", true
	}
	return quotedName(name, org)
}

// asGiven follows a suggested command whose person personArg could not
// give: how to fill in the form that stands in their place.
func asGiven(given bool) string {
	if given {
		return ""
	}
	return ", with their name as it was given"
}

// bareWord is w as a word of a name ("sue" of "Sue's,"), or "" when it is
// too short to be taken for one.
func bareWord(w string) string {
	word := strings.TrimSuffix(personKey(strings.TrimRight(w, ",.:;!?")), "'s")
	if utf8.RuneCountInString(word) < 3 {
		return ""
	}
	return word
}

// membersCalled are the members, other than the sender me, with w (as
// bareWord reads it) as a word of their name.
func membersCalled(members []Member, me, w string) []Member {
	word := bareWord(w)
	if word == "" {
		return nil
	}
	return membersWithWord(members, me, word, "")
}

// membersWithWord are the members, other than me, with word (folded as
// personKey folds) as a word of their name, and of org where it is given.
func membersWithWord(members []Member, me, word, org string) []Member {
	var meant []Member
	for _, m := range members {
		if m.UserID != me && slices.Contains(strings.Fields(personKey(m.Name)), word) && (org == "" || personKey(org) == personKey(m.Organisation)) {
			meant = append(meant, m)
		}
	}
	return meant
}

// sendApologyOn is sendApologyCmd the long way: the sender admitted as
// dispatch admits them, the date read in the committee's time zone. An
// officer's `for @person` or `for "Name (Organisation)"` first sends the
// apology of that person, entered by the officer.
func (s *Service) sendApologyOn(ctx context.Context, in *Input) (Reply, error) {
	if err := s.admitSelf(ctx, in); err != nil {
		return Reply{}, err
	}
	b, args, found, err := takeFor(in.Args)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	who := in.Me
	if found {
		if who, err = s.onBehalf(ctx, in, b, "send apologies for someone else", "/apologies", true); err != nil {
			return Reply{}, err
		}
	} else if err := s.forBareName(ctx, in, args); err != nil {
		return Reply{}, err
	}
	a, err := parseApology(args, in.Now, in.Committee.Location())
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if err := s.subNotNamed(ctx, in, a.SubWord, subExample(who, in.UserID, a)); err != nil {
		return Reply{}, err
	}
	m, err := s.meetingSaid(ctx, in, a.Date, saidNextFirst(args))
	if err != nil {
		return Reply{}, err
	}
	// The commands the refusal suggests keep `for …`: without it, an
	// officer copying them would send their own apologies.
	forPart := ""
	if found {
		person, _ := personArg(who.UserID, who.Name, who.Organisation)
		forPart = "for " + person
	}
	if err := weekdayMeant(in.Committee, m, a, forPart, in.Now); err != nil {
		return Reply{}, err
	}
	if who, err = s.onRecordAt(ctx, m, who); err != nil {
		return Reply{}, err
	}
	return s.sendApologyAs(ctx, in.Committee, who, in.Me, m, in.Request, a)
}

// subNotNamed refuses apologies whose reason has "sub" followed by word,
// a word of a member's name neither mentioned nor quoted ("/apologies sub
// sue"): sent as they stand, "sub sue" would be the reason and no one the
// substitute. A reason that says so is given with `reason`.
func (s *Service) subNotNamed(ctx context.Context, in *Input, word, example string) error {
	meant, err := s.membersMeant(ctx, in, word)
	if err != nil || len(meant) == 0 {
		return err
	}
	return userErr("`sub %s` names no one: %s", inCode(Escape(truncateText(word, 40))), didYouMean(meant, example))
}

// subExample is the form, for didYouMean, that names a substitute in the
// apologies a of who sent by sender: for who, when they are someone else,
// and on the date given, so that typed as shown it names the substitute
// at the same meeting, not at the next.
func subExample(who Member, sender string, a apologyArgs) string {
	cmd := "/apologies"
	if who.UserID != sender {
		name, _ := personArg(who.UserID, who.Name, who.Organisation)
		cmd += " for " + strings.ReplaceAll(name, "%", "%%")
	}
	if !a.Date.IsNext() {
		cmd += " " + a.Date.Start(time.UTC).Format("2006-01-02")
	}
	return "`" + cmd + " sub %s`"
}

// sendApology records r's sender's apologies for meeting m of c, as
// `/apologies`, the apology form and the Home's Send button do, and says
// what changed. Parts a does not set are kept as they stand: the Home's
// button sets none, and pressing it must not wipe out a reason given
// before.
func (s *Service) sendApology(ctx context.Context, c Committee, me Member, m Meeting, r Request, a apologyArgs) (Reply, error) {
	return s.sendApologyAs(ctx, c, me, me, m, r, a)
}

// sendApologyAs is sendApology for who, the sender or the person an
// officer enters apologies for (UserID empty for someone not in Slack):
// the apology is theirs, and its history says the sender, by, entered it.
func (s *Service) sendApologyAs(ctx context.Context, c Committee, who, by Member, m Meeting, r Request, a apologyArgs) (Reply, error) {
	// Opened, even before its advertised start, it has started: apologies
	// sent now would stand beside the attendance taken. Said first, since
	// a meeting in progress has not "already taken place".
	self := who.UserID == r.UserID
	closed, running := apologiesClosed, apologiesClosed
	if !self {
		// `/apologies next …` would be the officer's own apologies.
		name, _ := personArg(who.UserID, who.Name, who.Organisation)
		closed = "apologies for it are closed (`/apologies for " + name + " next …` sends them for the meeting after it)"
		// Apologies received on the day are taken with the attendance.
		running = "apologies for it are closed (`/apologies for " + name + " next …` sends them for the meeting after it; `/attendance " +
			name + " apologies REASON` records those received at it)"
	}
	if err := s.notUnderWayOr(ctx, c, m, closed, running); err != nil {
		return Reply{}, err
	}
	if err := openForApologies(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	// A member named as substitute is found first: their name may be
	// who's but for an accent (Sean Murphy, Seán Murphy), two people.
	if a.SubstituteID == "" && a.SubstituteName != "" {
		if err := s.substituteNamed(ctx, c, who, r.UserID, &a); err != nil {
			return Reply{}, err
		}
	}
	// Their own substitute: named by mention, or by their own name.
	own := a.SubstituteID != "" && a.SubstituteID == who.UserID ||
		a.SubstituteID == "" && a.SubstituteName != "" && sameName(a.SubstituteName, who.Name)
	switch {
	case own && self:
		return Reply{}, userErr("You cannot be your own substitute.")
	case own:
		return Reply{}, userErr("%s cannot be their own substitute.", whoText(who))
	}
	if a.SubstituteID != "" || a.SubstituteName != "" {
		if err := s.substituteAway(ctx, who, m, a); err != nil {
			return Reply{}, err
		}
	}
	if a.SubstituteID != "" {
		a.SubstituteName = s.displayName(ctx, a.SubstituteID, a.SubstituteName)
	}
	a.Reason = s.namedMentions(ctx, a.Reason)
	if utf8.RuneCountInString(a.Reason) > MaxReasonLen {
		return Reply{}, userErr("That reason is too long (%d characters; the limit is %d).", utf8.RuneCountInString(a.Reason), MaxReasonLen)
	}
	loc := c.Location()
	told := toldOf(c, who, r, apologiesEntered(c, m, a, fmt.Sprintf("If this is wrong, `/apologies withdraw %s` in <#%s> withdraws them.", DateOf(m.StartsAt, loc).iso(), c.ChannelID)))
	sent, err := s.store.UpdateApology(ctx, Apology{
		MeetingID: m.ID, UserID: who.UserID, Name: who.Name, Organisation: who.Organisation,
		Reason: a.Reason, SubstituteID: a.SubstituteID, SubstituteName: a.SubstituteName, By: r.UserID,
		MeetingStartsAt: m.StartsAt, At: r.Now,
	}, a.keep(), told)
	if errors.Is(err, ErrConflict) {
		if err := s.apologiesClosedNow(ctx, c, m, closed, running, r.Now); err != nil {
			return Reply{}, err
		}
		if who.UserID != "" {
			if err := s.stillMember(ctx, c, who.UserID, r.UserID); err != nil {
				return Reply{}, err
			}
		}
	}
	if err != nil {
		return Reply{}, err
	}
	note, err := s.memberSubstitute(ctx, c, who, self, sent)
	if err != nil {
		return Reply{}, err
	}
	if self {
		who = Member{}
	}
	reply := s.apologyReply(c, m, sent, who, by.IsOfficer() || a.SetReason)
	reply.Text += note
	if told != nil && sent.Outcome != ApologyUnchanged {
		reply.Text += "\n" + toldThem
	}
	return reply, nil
}

// apologiesEntered tells a member of apologies a entered for them for
// meeting m of c (see toldOf): the parts a sets, which the member did not
// write, and undo, how they withdraw them, which differs once the meeting
// is in progress.
func apologiesEntered(c Committee, m Meeting, a apologyArgs, undo string) string {
	loc := c.Location()
	var b strings.Builder
	fmt.Fprintf(&b, "recorded your apologies for the meeting of *%s* on %s", Escape(c.Name), describeMeeting(m, loc))
	if a.SetReason && a.Reason != "" {
		b.WriteString(": " + Escape(a.Reason))
	}
	b.WriteString(".")
	if sub := substituteOf(ApologyParts{SubstituteID: a.SubstituteID, SubstituteName: a.SubstituteName}); a.SetSubstitute && sub != "" {
		b.WriteString("\nSubstitute: " + sub)
	}
	b.WriteString("\n" + undo)
	return b.String()
}

// memberSubstitute warns, when the substitute ap names is a member of c,
// that they count once: come as a member, they are there in their own
// right and the substitution is not taken up (notTakenUp), leaving who
// unrepresented, which the sender would otherwise learn only at the
// meeting. It is kept, not refused, since the member may be marked as
// who's substitute at the table instead. self is whether who sent it.
// It is said once, when the substitute is named, not again with each
// change to the reason; and not of an officer, who never counts.
func (s *Service) memberSubstitute(ctx context.Context, c Committee, who Member, self bool, sent ApologySent) (string, error) {
	ap := sent.Now
	if ap.SubstituteID == "" || who.UserID == "" {
		// Only a member's apologies are represented at the table.
		return "", nil
	}
	if sent.Was != nil && sent.Was.SubstituteID == ap.SubstituteID {
		return "", nil
	}
	sub, err := s.store.Member(ctx, c.ID, ap.SubstituteID)
	if errors.Is(err, ErrNotFound) || (err == nil && sub.IsOfficer()) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	whom := whoText(who)
	if self {
		whom = "you"
	}
	return fmt.Sprintf("\nNote: %s is a member of %s in their own right and counts once: come as a member, they cannot also stand in for %s, and the minutes will name no substitute. To stand in instead, they are marked so at the meeting: `/attendance <@%s> substitute-for <@%s>`.",
		Escape(sub.Name), Escape(c.Name), whom, sub.UserID, who.UserID), nil
}

// stillMember refuses apologies for userID, sent by sender, that the
// store would not write because userID was removed from committee c
// since the sender's membership was read: as they would be refused now.
// nil means userID is a member, and the caller says what else stopped
// them.
func (s *Service) stillMember(ctx context.Context, c Committee, userID, sender string) error {
	_, err := s.store.Member(ctx, c.ID, userID)
	switch {
	case !errors.Is(err, ErrNotFound):
		return err
	case userID == sender:
		return s.notMemberNow(ctx, c, sender)
	}
	return notMemberFor(c, userID, "/apologies", ", and nothing was saved")
}

// apologiesClosedNow is the refusal of apologies for meeting m that the
// store would not send or withdraw: opened, cancelled or moved since m
// was read, refused as they now would be, the meeting read again (with
// refused and running as for notUnderWayOr). nil means none of those,
// and the caller reports the store's error.
func (s *Service) apologiesClosedNow(ctx context.Context, c Committee, m Meeting, refused, running string, now time.Time) error {
	was := m
	m, err := s.store.Meeting(ctx, m.ID)
	if err != nil {
		return err
	}
	if err := s.notUnderWayOr(ctx, c, m, refused, running); err != nil {
		return err
	}
	if err := openForApologies(c, m, now); err != nil {
		return err
	}
	return movedMeanwhile(c, was, m)
}

// movedMeanwhile refuses what was sent for meeting was, which has moved
// to now's day and time since its sender was shown it: done for the new
// day, it would not be what they meant, and the move told only those
// whose apologies stood as it was made.
func movedMeanwhile(c Committee, was, now Meeting) error {
	if now.StartsAt.Equal(was.StartsAt) {
		return nil
	}
	loc := c.Location()
	return userErr("The meeting on %s has just moved to %s; nothing changed. Send it again if it still applies to the new day.",
		formatDay(was.StartsAt, loc), describeMeeting(now, loc))
}

// substituteNamed makes a substitute named by a member's name (a's
// SubstituteName) that member, as a name after `for` is: kept as a name
// only, the member would not be told they were named when they send
// apologies of their own, and their Home and the replies would not
// mention them. It refuses a name that is a member's but for a slip
// (misnamed), as an entry for someone is: the minutes would name a
// stranger substituting, and the member who came would not be taken for
// the substitute.
func (s *Service) substituteNamed(ctx context.Context, c Committee, who Member, sender string, a *apologyArgs) error {
	sub := a.SubstituteName
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return err
	}
	name, org := splitOrg(sub)
	switch meant := membersNamed(members, name, ""); {
	case len(meant) == 1:
		if meant[0].UserID != "" {
			a.SubstituteID, a.SubstituteName = meant[0].UserID, meant[0].Name
		}
		return nil
	case len(meant) > 1:
		return namedTwice(c, name, "", meant)
	}
	// One word of a member's name ("sub Graeme") is that member, as it is
	// in lower case (subNotNamed): a stranger known by one word alone
	// could not be minuted as substituting.
	if org == "" && len(strings.Fields(name)) == 1 {
		if meant := membersCalled(members, "", name); len(meant) > 0 {
			return userErr("`sub %s` names no one: %s", inCode(Escape(truncateText(name, 40))), didYouMean(meant, subExample(who, sender, *a)))
		}
	}
	if m, ok := misnamed(members, name, org); ok {
		return misnamedErr(c, name, org, m)
	}
	return nil
}

// apologiesClosed is the refusal of apologies for a meeting in progress,
// which says how to send them for the meeting after it.
const apologiesClosed = "apologies for it are closed (`/apologies next …` sends them for the meeting after it)"

// sameName reports whether a substitute named as sub ("Neil Frackelton
// (SWACA)") is the person called name, whatever the case and spacing of
// either and whatever organisation sub gives.
func sameName(sub, name string) bool {
	sub, _ = splitOrg(sub)
	return personKey(sub) == personKey(name)
}

// substituteAway refuses a substitute, named in a for who's apologies for
// m, who has sent apologies of their own for m: they will not be there to
// stand in. Who's own apology, which a names the substitute of, is not
// theirs.
func (s *Service) substituteAway(ctx context.Context, who Member, m Meeting, a apologyArgs) error {
	as, err := s.store.Apologies(ctx, m.ID)
	if err != nil {
		return err
	}
	for _, ap := range as {
		if ap.UserID != "" && ap.UserID == who.UserID || ap.UserID == "" && who.UserID == "" && NameKey(ap.Name) == NameKey(who.Name) {
			continue
		}
		if a.SubstituteID != "" && ap.UserID == a.SubstituteID || a.SubstituteID == "" && sameName(a.SubstituteName, ap.Name) {
			return userErr("%s has sent apologies for that meeting, so cannot substitute.", Escape(ap.Name))
		}
	}
	return nil
}

// apologyReply says what sending apologies for meeting m of c did: for
// an update, which parts changed and which were kept, then the parts as
// they now stand. for is the person an officer sent them for; zero for
// the sender's own. readsReason says the sender may read the reason
// they stand with: an officer, or one who gave it in this request. A
// reason kept from before, often medical, is shown to the member and
// the officers only, as `/apologies list` and the history show it, not
// to a chair entering apologies for someone without one — and which the
// request gave is what tells, not the reason read before the write,
// which the member may have changed as it was written.
func (s *Service) apologyReply(c Committee, m Meeting, sent ApologySent, forWho Member, readsReason bool) Reply {
	loc := c.Location()
	now := sent.Now
	other := forWho.UserID != "" || forWho.Name != ""
	whose := "Your apologies"
	if other {
		whose = "The apologies of " + whoText(forWho)
	}
	var b strings.Builder
	switch {
	case sent.Outcome == ApologyUnchanged && other:
		fmt.Fprintf(&b, "%s for the meeting of *%s* on %s already stood as these; nothing changed.", whose, Escape(c.Name), describeMeeting(m, loc))
	case sent.Outcome == ApologyUnchanged:
		fmt.Fprintf(&b, "You had already sent these apologies for the meeting of *%s* on %s; nothing changed.", Escape(c.Name), describeMeeting(m, loc))
	case sent.Outcome == ApologyChanged:
		fmt.Fprintf(&b, "%s for the meeting of *%s* on %s are updated", whose, Escape(c.Name), describeMeeting(m, loc))
		if sent.Was != nil {
			b.WriteString(": " + apologyChanges(*sent.Was, now))
		}
		b.WriteString(".")
	default:
		fmt.Fprintf(&b, "%s for the meeting of *%s* on %s are recorded.", whose, Escape(c.Name), describeMeeting(m, loc))
	}
	if other && sent.Outcome != ApologyUnchanged {
		b.WriteString(" Their history says you entered them.")
	}
	switch {
	case now.Reason == "":
	case other && !readsReason:
		b.WriteString("\nReason: given, shown to officers only")
	default:
		fmt.Fprintf(&b, "\nReason: %s", Escape(now.Reason))
	}
	if sub := substituteOf(now); sub != "" {
		b.WriteString("\nSubstitute: " + sub)
	} else if sent.Outcome == ApologyChanged {
		b.WriteString("\nSubstitute: " + noSubstitute)
	}
	if len(sent.SubstituteFor) > 0 {
		names := make([]string, len(sent.SubstituteFor))
		for i, n := range sent.SubstituteFor {
			names[i] = Escape(n)
		}
		named := "You are"
		if other {
			named = whoText(forWho) + " is"
		}
		fmt.Fprintf(&b, "\n%s named as substitute for %s at this meeting, who will need someone else.", named, joinAnd(names))
	}
	// The posted agenda and the Homes that count the apologies were marked
	// for an update by the statement that saved them.
	reply := Reply{Visibility: Private, Text: b.String()}
	if !other {
		// The button withdraws the presser's own apologies.
		reply.Buttons = []Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: shownValue(m) + sentMark, Style: "danger"}}
	}
	return reply
}

// noSubstitute follows "Substitute: " in the answer to apologies changed
// that name none: how to name one with /apologies.
const noSubstitute = "none (add `sub @someone` to name one)"

// apologyChanges says how an apology that stood as was came to stand as
// now: "reason changed, substitute kept".
func apologyChanges(was, now ApologyParts) string {
	part := func(name, before, after string) string {
		switch {
		case before == after && after == "":
			return ""
		case before == after:
			return name + " kept"
		case after == "":
			return name + " removed"
		case before == "":
			return name + " added"
		}
		return name + " changed"
	}
	var out []string
	for _, p := range []string{part("reason", was.Reason, now.Reason), part("substitute", substituteOf(was), substituteOf(now))} {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// substituteOf is how a reply names an apology's substitute: a mention,
// or the name as given.
func substituteOf(p ApologyParts) string {
	if p.SubstituteID != "" {
		return "<@" + p.SubstituteID + ">"
	}
	return Escape(p.SubstituteName)
}

// withdrawApologyCmd is `/apologies withdraw [for …] [DATE]`: the
// sender's own, or from an officer or the chair someone else's.
func withdrawApologyCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	b, args, found, err := takeFor(in.Args)
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if !found && isFor(args) {
		return Reply{}, s.forNotNamed(ctx, in, args, "/apologies withdraw", "", "withdraw apologies for someone else")
	}
	if !found {
		m, err := s.meetingOn(ctx, in)
		if err != nil {
			return Reply{}, err
		}
		return s.withdrawApology(ctx, in.Committee, m, in.Request)
	}
	who, err := s.onBehalf(ctx, in, b, "withdraw apologies for someone else", "/apologies withdraw", false)
	if err != nil {
		return Reply{}, err
	}
	in.Args = args
	m, err := s.meetingOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if who, err = s.onRecordAt(ctx, m, who); err != nil {
		return Reply{}, err
	}
	reply, err := s.withdrawApologyAs(ctx, in.Committee, who, m, in.Request)
	if isUserErr(err) && b.UserID == "" && who.UserID != "" {
		// The name is a member's without its accents, or with the other
		// apostrophe: apologies entered under it before they were on the
		// committee stand under the name as typed, which joining did not
		// claim (only the name as they spell it is).
		if named, nerr := s.withdrawApologyAs(ctx, in.Committee, Member{Name: b.Name, Organisation: b.Org}, m, in.Request); nerr == nil {
			return named, nil
		}
	}
	return reply, err
}

// withdrawApology withdraws r's sender's apologies for meeting m of c, as
// `/apologies withdraw` and the Withdraw button do.
func (s *Service) withdrawApology(ctx context.Context, c Committee, m Meeting, r Request) (Reply, error) {
	return s.withdrawApologyAs(ctx, c, Member{UserID: r.UserID}, m, r)
}

// withdrawApologyAs withdraws who's apologies, by r's sender.
func (s *Service) withdrawApologyAs(ctx context.Context, c Committee, who Member, m Meeting, r Request) (Reply, error) {
	// The apologies of a meeting in progress are part of its record, as
	// they are once it has started on time: the officer or the chair
	// withdraws those entered by mistake with the attendance.
	self := who.UserID == r.UserID
	closed := "its apologies can no longer be withdrawn (`/apologies withdraw next` is for the meeting after it)"
	running := closed
	if !self {
		name, _ := personArg(who.UserID, who.Name, who.Organisation)
		running = "its apologies can no longer be withdrawn with `/apologies` (`/attendance " + name +
			" apologies withdraw` withdraws those entered by mistake)"
	}
	if err := s.notUnderWayOr(ctx, c, m, closed, running); err != nil {
		return Reply{}, err
	}
	if err := openForApologies(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	told := toldOf(c, who, r, fmt.Sprintf("withdrew your apologies for the meeting of *%s* on %s: you are expected to attend. If you cannot, `/apologies %s REASON` in <#%s> sends them again.",
		Escape(c.Name), describeMeeting(m, c.Location()), DateOf(m.StartsAt, c.Location()).iso(), c.ChannelID))
	err := s.store.WithdrawApology(ctx, m, recordKey(who), r.UserID, r.Now, told)
	if errors.Is(err, ErrConflict) {
		if err := s.apologiesClosedNow(ctx, c, m, closed, running, r.Now); err != nil {
			return Reply{}, err
		}
	}
	switch {
	case errors.Is(err, ErrNotFound) && self:
		// While today's meeting waits to be opened, `/apologies withdraw`
		// is for it, and the member's apologies may well stand for the
		// meeting after it: the reply says how to reach those, as the
		// refusal does while a meeting is in progress.
		after := ""
		if awaitingOpening(m, r.Now, c.Location()) {
			after = " (`/apologies withdraw next` is for the meeting after it)"
		}
		return Reply{}, userErr("You have no apologies standing for the meeting on %s%s.", formatDay(m.StartsAt, c.Location()), after)
	case errors.Is(err, ErrNotFound):
		return Reply{}, userErr("%s has no apologies standing for the meeting on %s.", whoText(who), formatDay(m.StartsAt, c.Location()))
	case err != nil:
		return Reply{}, err
	case !self:
		return private("%s", withTold(fmt.Sprintf("The apologies of %s for the meeting of *%s* on %s are withdrawn: they are expected to attend. Their history says you withdrew them.",
			whoText(who), Escape(c.Name), describeMeeting(m, c.Location())), told)), nil
	}
	reply := private("Your apologies for the meeting of *%s* on %s are withdrawn: you are expected to attend.", Escape(c.Name), describeMeeting(m, c.Location()))
	return reply, nil
}

// sentMark ends the value of the Withdraw apologies button under the
// reply to apologies sent, after the shownValue of their meeting.
const sentMark = "@sent"

// withdrawApologyAction is the Withdraw apologies button, on the Home
// (its value says the start shown, as sendNextApologyAction's does) and
// under the reply to apologies sent (the start it gave, and sentMark; the
// meeting alone on replies made before).
func withdrawApologyAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	const broken = "That button is broken; use `/apologies withdraw`."
	if shown, sent := strings.CutSuffix(value, sentMark); sent {
		// Apologies go with a meeting that moves. The reply stays as it
		// was, for the day the member could not come: pressed since, it
		// would withdraw them from a day they were never asked about.
		// Unlike the Home's, the button is not made again for the new day,
		// so the answer gives the command instead of pressing again.
		c, _, m, err := s.shownMeeting(ctx, r, shown, broken, "")
		var moved *movedError
		if errors.As(err, &moved) {
			c, m = moved.c, moved.m
			return Reply{}, userErr("The meeting of *%s* has moved since you sent these apologies: it is now on %s, and they stand for it. If you can come then, `/apologies withdraw %s` withdraws them.",
				Escape(c.Name), describeMeeting(m, c.Location()), DateOf(m.StartsAt, c.Location()).iso())
		}
		if err != nil {
			return Reply{}, err
		}
		return s.withdrawApology(ctx, c, m, r)
	}
	c, _, m, err := s.shownMeeting(ctx, r, value, broken, "Your apologies were not withdrawn; if you can come then, press Withdraw apologies again.")
	if err != nil {
		return Reply{}, err
	}
	return s.withdrawApology(ctx, c, m, r)
}

// sendNextApologyAction is the Home tab's "Send apologies" button: an
// apology without a reason for the meeting shown (the committee's next).
//
// Its value is the meeting and the start the Home showed (shownValue):
// pressed on a Home shown before the meeting moved, it sends nothing,
// since someone who cannot come on the day they saw may well come on the
// new one.
func sendNextApologyAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	c, me, m, err := s.shownMeeting(ctx, r, value, "That button is broken; use `/apologies` in the committee's channel.", "Nothing was sent; if you cannot come then either, press Send apologies again.")
	if err != nil {
		return Reply{}, err
	}
	return s.sendApology(ctx, c, me, m, r, apologyArgs{})
}

// shownValue is the value of a Home button about meeting m: the meeting
// and the start the Home shows ("12@1765360800").
func shownValue(m Meeting) string {
	return strconv.FormatInt(m.ID, 10) + "@" + strconv.FormatInt(m.StartsAt.Unix(), 10)
}

// shownMeeting is buttonMeeting for a shownValue (or, from Homes
// published before, the meeting alone): a press on a Home shown before
// the meeting moved is refused, saying where it is now, and notDone.
func (s *Service) shownMeeting(ctx context.Context, r Request, value, broken, notDone string) (Committee, Member, Meeting, error) {
	id, shown, dated := strings.Cut(value, "@")
	c, me, m, err := s.buttonMeeting(ctx, r, id, broken)
	if err != nil || !dated {
		return c, me, m, err
	}
	at, err := strconv.ParseInt(shown, 10, 64)
	if err != nil {
		return Committee{}, Member{}, Meeting{}, userErr("%s", broken)
	}
	if m.Status != MeetingCancelled && m.StartsAt.Unix() != at {
		return Committee{}, Member{}, Meeting{}, &movedError{UserError: &UserError{Msg: fmt.Sprintf("The meeting of *%s* is no longer when your Home showed it: it is now on %s. %s",
			Escape(c.Name), describeMeeting(m, c.Location()), notDone)}, c: c, m: m}
	}
	return c, me, m, nil
}

// movedError is shownMeeting's refusal of a press about meeting m of c,
// which has moved since the button was shown.
type movedError struct {
	*UserError
	c Committee
	m Meeting
}

func (e *movedError) Unwrap() error { return e.UserError }

func listApologies(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.meetingRead(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	as, err := s.store.Apologies(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	head := fmt.Sprintf("*%s* — meeting on %s", Escape(c.Name), describeMeeting(m, loc))
	if m.Status == MeetingCancelled {
		head += " (cancelled)"
	}
	reply := Reply{Visibility: Private, Text: head + "\n" + ApologiesSentence(as)}
	if subs := substitutesSentence(as); subs != "" {
		reply.Text += "\n" + subs
	}
	if entered := enteredSentence(as); entered != "" {
		reply.Text += "\n" + entered
	}
	if in.Me.IsOfficer() && len(as) > 0 {
		var b strings.Builder
		for _, a := range as {
			reason := "no reason given"
			if a.Reason != "" {
				reason = Escape(oneLine(a.Reason))
			}
			fmt.Fprintf(&b, "• %s: %s (%s)\n", Escape(a.Name), reason, apologyWhen(a, m, loc))
		}
		reply.Sections = append(reply.Sections, Section{Title: "Reasons (shown to officers only)", Text: strings.TrimRight(b.String(), "\n")})
		if away := absentSubstitutes(as); away != "" {
			reply.Sections = append(reply.Sections, Section{Title: "Substitutes who have sent apologies", Text: away})
		}
	}
	return reply, nil
}

// absentSubstitutes names the substitutes who have sent apologies of their
// own for the meeting, and whom they were to stand in for: "Sue Holden,
// substitute for Neil Frackelton, has sent apologies." Naming one is
// refused (substituteAway), but a substitute's own apologies, sent after,
// are recorded.
func absentSubstitutes(as []Apology) string {
	var lines []string
	for _, a := range as {
		if a.SubstituteID == "" && a.SubstituteName == "" {
			continue
		}
		for _, b := range as {
			if b.ID == a.ID {
				continue
			}
			if a.SubstituteID != "" && b.UserID == a.SubstituteID || a.SubstituteID == "" && sameName(a.SubstituteName, b.Name) {
				lines = append(lines, fmt.Sprintf("• %s, substitute for %s, has sent apologies.", Escape(b.Name), Escape(a.Name)))
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// ApologiesSentence says who sent apologies, in the minutes' own words:
// "Apologies for absence were received from Neil Frackelton (SWACA), Tony
// Harland (MFRA) and Sue Holden (Sefton CVS)."
func ApologiesSentence(as []Apology) string {
	if len(as) == 0 {
		return "No apologies for absence have been received."
	}
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = nameOf(a.Name, a.Organisation)
	}
	return "Apologies for absence were received from " + joinAnd(names) + "."
}

// substitutesSentence names the substitutes: "Substitutes: Graeme Robson
// for Neil Frackelton." A substitute who is a member in their own right
// counts once, as themselves (see memberSubstitute), so is said to attend
// as themselves rather than listed as substituting, which the note to the
// sender contradicted.
func substitutesSentence(as []Apology) string {
	var parts, members []string
	for _, a := range as {
		switch {
		case a.SubstituteName == "":
		case a.SubstituteMember:
			members = append(members, fmt.Sprintf("%s, named as substitute for %s, is a member in their own right and attends as themselves.", Escape(a.SubstituteName), Escape(a.Name)))
		default:
			parts = append(parts, Escape(a.SubstituteName)+" for "+Escape(a.Name))
		}
	}
	if len(parts) > 0 {
		members = append([]string{"Substitutes: " + joinAnd(parts) + "."}, members...)
	}
	return strings.Join(members, " ")
}

// enteredSentence names the apologies someone else entered, and who:
// "Entered for them: Neil Frackelton by <@UIAN>." The minutes' sentence
// leaves this out; a list says it. Apologies read from imported minutes
// were not entered for anyone: whoever imported them is no part of them.
func enteredSentence(as []Apology) string {
	var parts []string
	for _, a := range as {
		if !a.Imported && enteredBy(a.By, a.UserID) != "" {
			parts = append(parts, nameOf(a.Name, a.Organisation)+" by <@"+a.By+">")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Entered for them: " + joinAnd(parts) + "."
}

// ApologyFormID is the form that sends apologies, with a reason, for one
// meeting; its Metadata is the meeting's ID.
const ApologyFormID = "apologies.send"

// ApologyForm asks for the reason for apologies for meeting m of c.
func ApologyForm(c Committee, m Meeting) *Form {
	return &Form{
		ID: ApologyFormID, Title: "Send apologies", Submit: "Send",
		Metadata: strconv.FormatInt(m.ID, 10),
		Fields: []Field{{
			ID: "reason", Label: "Reason", Kind: FieldTextArea, Optional: true, MaxLen: MaxReasonLen,
			Hint: "For the meeting of " + c.Name + " on " + formatWhen(m.StartsAt, c.Location()) + ".",
		}},
	}
}

// submitApologyForm records the apologies entered in an ApologyForm.
// Mistakes are shown against the reason, so the form stays open.
func submitApologyForm(ctx context.Context, s *Service, r Request, sub Submission) (Reply, map[string]string, error) {
	reason := sub.Value("reason")
	if utf8.RuneCountInString(reason) > MaxReasonLen {
		return Reply{}, map[string]string{"reason": fmt.Sprintf("That reason is too long (%d characters; the limit is %d).", utf8.RuneCountInString(reason), MaxReasonLen)}, nil
	}
	c, me, m, err := s.buttonMeeting(ctx, r, sub.Metadata, "That form is out of date; use `/apologies` in the committee's channel.")
	var reply Reply
	if err == nil {
		formAway(ctx, r, c)
		// An empty reason mentions nothing: the form cannot say "remove".
		reply, err = s.sendApology(ctx, c, me, m, r, apologyArgs{Reason: reason, SetReason: reason != ""})
	}
	var ue *UserError
	if errors.As(err, &ue) {
		return Reply{}, map[string]string{"reason": ue.Msg}, nil
	}
	return reply, nil, err
}
