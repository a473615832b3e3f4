package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Request is one invocation of a command, as a transport received it.
type Request struct {
	Command string // "/apologies"
	// Text is what followed the command, as Slack sends it: &, < and >
	// typed by the person arrive as &amp;, &lt; and &gt;, while mentions
	// and links arrive in angle brackets (<@U123|neil>, <https://…>).
	Text      string
	TeamID    string
	ChannelID string
	// DirectMessage: the request came from a direct message, or a group
	// of people messaging each other, not a channel. The transport tells
	// (Slack's, by the conversation's ID and name).
	DirectMessage bool
	UserID        string
	UserName      string // display name, as the transport knows it
	Now           time.Time
	// Replay, when set, identifies a request that must run at most once
	// (a signed request's signature, which anyone who saw it could send
	// again within its five minutes): one seen before is refused with
	// ErrReplay and does nothing. It is checked before the subcommand
	// runs: in the read of where the request came from when there is one
	// (replayHere), or, for the busiest write (SelfAdmit), in the statement
	// that writes, saving a round trip either way.
	Replay string
	// committeeID is the committee the sender chose, with a button, for a
	// command sent where the channel is not a committee's (see
	// originElsewhere).
	committeeID int64
	// replayHere has origin check Replay in the same statement that reads
	// the origin. Run sets it for its one such read, which clears it: a
	// second check of the same request would find it seen.
	replayHere bool
}

// Command is a declared slash command: its subcommands, and the buttons and
// forms its replies offer. Dispatch, help and usage errors are generated
// from these records, so none of them is written twice.
type Command struct {
	Name    string // "/apologies"
	Summary string // one line
	// Saves names what a write that failed did not save, e.g. "your
	// apology"; the subcommands that are reads say nothing was lost.
	Saves string
	// Fits says how long the longest part of the command's text may be
	// ("a reason may be up to 500 characters"), where that is less than
	// MaxTextLen: text over MaxTextLen is refused before it is read, and
	// the refusal says what would fit.
	Fits string
	// Subs are the subcommands, in the order help lists them.
	Subs []Sub
	// Buttons and Forms are the actions the command's replies offer, by
	// action name and by form ID. What they change is the command's: a
	// failure is reported with Saves.
	Buttons map[string]Action
	Forms   map[string]FormHandler
	// Guess, when set, says what someone probably meant by words that
	// name no subcommand (`/action 12`), in place of a bare "I don't
	// know"; "" when it has no better idea.
	Guess func(args []string) string
}

// Sub is one subcommand: the word that selects it, its usage, whether it
// changes anything, who may use it, and its handler.
type Sub struct {
	// Name is the word, or words ("member add"), that select it. The
	// default, named "", takes the text when no other name matches
	// (`/apologies Unwell`, `/agenda 10/12/2026`).
	Name    string
	Aliases []string // other words that select it ("delete" for "remove")
	// Also are words someone may ask help for that name no subcommand
	// but mean this one (`/report help add`: a report is sent by the
	// default form); they select nothing.
	Also []string
	// AlsoForm gives the form an Also word asks for where it is neither
	// a word of that form nor the first form (`/resolution help search`
	// is the search by words, not the look-up by number).
	AlsoForm map[string]string
	// Alone: chosen only when nothing follows its name. A record of the
	// same name without Alone takes the text otherwise: `/declare` alone
	// opens a form, `/declare 7.5 …` declares.
	Alone    bool
	Usage    []string // its forms, one a line; shown by help and with usage errors
	Summary  string   // one line for `/cmd help NAME`
	Examples []string
	// Date says, for help, what DATE in its usage is and what it is
	// without one, where that is not dateHelp's meeting, next by default.
	Date string
	// Read: it changes nothing, so a failure never says "NOT saved".
	Read bool
	// Who may use it. Dispatch finds the channel's committee and checks
	// the sender's role before Run is called.
	Who Access
	// Doing finishes "Only an officer of … can" when Who is Officers
	// (or Chairs).
	Doing string
	// SelfAdmit: dispatch leaves finding the committee, checking Who and
	// the replay check (Request.Replay) to the handler, which does them
	// in the statement that writes (the busiest write, `/apologies`), or
	// calls checkReplay and admitInput.
	SelfAdmit bool
	// AtTable: dispatch reads the meeting in progress and an agenda with
	// the committee (Input.Table), for a subcommand that acts on an item
	// of the meeting at the table (meetingAtTable, agendaItemOf).
	AtTable bool
	// Meeting, when set, finds the meeting the subcommand acts on from
	// the date its words give (next when none): for a subcommand for
	// Chairs, it is that meeting the chair must have sent apologies for
	// for the vice-chair to act (see chairing). The minutes commands act
	// on the meeting held, not the next one.
	Meeting func(s *Service, ctx context.Context, in *Input, d Date) (Meeting, error)
	// Carried, when set, reads from the subcommand's words the committee
	// they name (an action's number is of one committee), 0 for none:
	// sent where the channel is no committee's by a member of several,
	// it is that committee's, rather than a question which (see carried).
	Carried func(s *Service, ctx context.Context, args []string) (int64, error)
	Run     Handler
}

// Access says who may use a subcommand.
type Access int

// Who may use a subcommand: anyone in a committee's channel (the zero
// value), its members, its officers, or anyone anywhere, for the one
// subcommand that needs no committee (`/committee setup`).
const (
	Anyone Access = iota
	Members
	Officers
	NoCommittee
	// Chairs: officers, and the chair of the meeting at hand (see
	// chairing), for a meeting's conduct and its minutes.
	Chairs
	// Own: members, and those who have left the committee, for the
	// history of records of their own. A person's own apologies,
	// declarations, register and actions stay theirs to read once they
	// leave: a former member is admitted as they were, with no role
	// (Input.Former), so that what a member sees of others is never
	// theirs to see.
	Own
)

// Handler carries out a subcommand.
type Handler func(ctx context.Context, s *Service, in *Input) (Reply, error)

// Input is a subcommand's invocation as dispatch prepared it.
type Input struct {
	Request
	Args      []string  // the words after the subcommand's name
	Committee Committee // the channel's (unless the Sub needs none)
	Me        Member    // the sender, when the Sub is for Members or Officers
	// Former: the sender has left the committee and is admitted by Own,
	// to the history of their own records alone; Me is their membership
	// as it was, with no role.
	Former bool
	// Next is the committee's next scheduled meeting, read with the
	// committee (nil when none is scheduled); see meetingOf.
	Next *Meeting
	// Table is read with the committee for a Sub that is AtTable, in a
	// committee's channel; nil otherwise.
	Table *Table
	cmd   *Command
	sub   *Sub
	// voting is the vote `/committee member add` gives (see withVoting).
	voting *bool
	// agendaRefused is how an agenda change refuses a meeting under way,
	// set by agendaMeeting for changeAgenda; agendaRunning is how it
	// refuses one in progress, not closed.
	agendaRefused, agendaRunning string
}

// Action is what a button press runs.
type Action func(ctx context.Context, s *Service, r Request, value string) (Reply, error)

// Submission is what a person entered in a Form: the form's ID and
// metadata, and each field's values by field ID.
type Submission struct {
	Form     string
	Metadata string
	Values   map[string][]string
}

// Value is the first value of field id on one line: runs of white space,
// line breaks included, fold into single spaces, as the words of a slash
// command do, so that text typed in a form cannot add lines to a list it
// is shown in. A field whose lines matter is read from Values.
func (sub Submission) Value(id string) string {
	if v := sub.Values[id]; len(v) > 0 {
		return oneLine(v[0])
	}
	return ""
}

// FormHandler receives a Form's submission. Field errors (by field ID) are
// shown in the form, which stays open; otherwise the form closes and the
// Reply is shown.
type FormHandler func(ctx context.Context, s *Service, r Request, sub Submission) (Reply, map[string]string, error)

// MaxTextLen is the longest command text accepted. Slack sends at most a
// few thousand characters; anything longer is refused before parsing.
const MaxTextLen = 4000

// Service runs commands against a Store.
type Service struct {
	store    Store
	users    Directory
	commands map[string]*Command
	actions  map[string]owned[Action]
	forms    map[string]owned[FormHandler]
	// publicURL is where the bot is reached, for links; see SetPublicURL.
	publicURL string
	// agendas holds a place for each agenda being built (agendaReply).
	agendas chan struct{}
	// built keeps agendas built, for asking again (builtAgendas).
	built builtAgendas
}

// owned is a button's or form's handler with the command that offers it.
type owned[H any] struct {
	cmd *Command
	run H
}

// New builds a Service with every command registered.
func New(store Store, users Directory) *Service {
	s := &Service{store: store, users: users, commands: map[string]*Command{},
		actions: map[string]owned[Action]{}, forms: map[string]owned[FormHandler]{},
		agendas: make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))}
	for _, c := range registry() {
		s.commands[c.Name] = c
		for name, a := range c.Buttons {
			s.actions[name] = owned[Action]{c, a}
		}
		s.actions[chooseAction(c.Name)] = owned[Action]{c, runChosen(c)}
		for id, f := range c.Forms {
			s.forms[id] = owned[FormHandler]{c, f}
		}
	}
	return s
}

// registry lists every command. Each lives in the file of its noun.
func registry() []*Command {
	return []*Command{withConduct(committeeCommand()), withConduct(meetingCommand()), apologiesCommand(), agendaCommand(), declareCommand(), reportCommand(), resolutionCommand(), minutesCommand(), historyCommand(), interestsCommand(), hereCommand(), attendanceCommand(), resolveCommand(), minuteCommand(), actionCommand()}
}

// Commands lists the registered commands by name.
func (s *Service) Commands() []*Command {
	out := make([]*Command, 0, len(s.commands))
	for _, c := range s.commands {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Run runs the subcommand r names. Mistakes the user can fix come back as
// a private Reply; a non-nil error means the request could not be carried
// out, and FailureReply says so.
func (s *Service) Run(ctx context.Context, r Request) (Reply, error) {
	cmd, ok := s.commands[r.Command]
	if !ok && strings.EqualFold(r.Command, "/help") {
		return s.once(ctx, r, s.commandList())
	}
	if !ok {
		return s.once(ctx, r, refused(s.unknown(r.Command)))
	}
	r.Text = typed(r.Text)
	if utf8.RuneCountInString(r.Text) > MaxTextLen {
		fits := "send it again, shorter"
		if cmd.Fits != "" {
			fits = cmd.Fits
		}
		return s.once(ctx, r, refused(private("That is too long for %s (%d characters; the limit is %d). Nothing was saved; %s.", cmd.Name, utf8.RuneCountInString(r.Text), MaxTextLen, fits)))
	}
	if what := unstorable(r.Text); what != "" {
		return s.once(ctx, r, refused(private("%s", unstorableText(what))))
	}
	sub, args, help, err := cmd.choose(strings.Fields(r.Text))
	switch {
	case err != nil:
		reply, err := settle(cmd, nil, Reply{}, err)
		if err != nil {
			return reply, err
		}
		return s.once(ctx, r, reply)
	case help:
		return s.once(ctx, r, cmd.helpFor(sub, args))
	}
	in := &Input{Request: r, Args: args, cmd: cmd, sub: sub}
	if sub.Carried != nil && r.committeeID == 0 {
		if in.committeeID, err = s.carried(ctx, r, sub, args); err != nil {
			return settle(cmd, sub, Reply{}, err)
		}
	}
	ctx, v := visiting(ctx, true)
	switch {
	case sub.SelfAdmit:
		// The handler admits the sender itself (see Sub.SelfAdmit).
	case sub.Who == NoCommittee:
		err = s.checkReplay(ctx, in)
	default:
		err = s.admitSelf(ctx, in)
	}
	if err != nil {
		return settle(cmd, sub, Reply{}, err)
	}
	reply, err := sub.Run(ctx, s, in)
	return settle(cmd, sub, v.private(reply), err)
}

// once is reply, a refusal or help that runs no subcommand, for a request
// that is not a replay: a replay of it is refused as any other is.
func (s *Service) once(ctx context.Context, r Request, reply Reply) (Reply, error) {
	if err := s.checkReplay(ctx, &Input{Request: r}); err != nil {
		return Reply{}, err
	}
	return reply, nil
}

// checkReplay refuses in's request with ErrReplay if its Replay key was
// seen before. A failure to look is returned as it is: the request is
// refused rather than run unchecked.
func (s *Service) checkReplay(ctx context.Context, in *Input) error {
	if in.Replay == "" {
		return nil
	}
	first, err := s.store.FirstSeen(ctx, in.Replay)
	if err != nil {
		return err
	}
	if !first {
		return ErrReplay
	}
	return nil
}

// choose finds the subcommand args select and the words that follow its
// name. help is set when args ask for help: with sub nil, the command's,
// and rest the words help was asked for that name no subcommand (see
// helpFor); otherwise that subcommand's ("help add" or "add help").
func (cmd *Command) choose(args []string) (sub *Sub, rest []string, help bool, err error) {
	if len(args) > 0 && isHelp(args[0]) {
		sub, _ := cmd.named(args[1:])
		if sub == nil {
			return nil, args[1:], true, nil
		}
		return sub, nil, true, nil
	}
	// "add help" where no subcommand is named add: help asked for a word
	// that names none, but one the command knows something of. Any other
	// words before "help" are the default's (a search for "youth help").
	if len(args) == 2 && isHelp(args[1]) {
		if sub, _ := cmd.named(args[:1]); sub == nil && cmd.knowsOf(args[0]) {
			return nil, args[:1], true, nil
		}
	}
	if sub, n := cmd.named(args); sub != nil {
		rest = args[n:]
		if len(rest) == 1 && isHelp(rest[0]) {
			return sub, nil, true, nil
		}
		if v := cmd.variant(sub.Name, len(rest) == 0); v != nil {
			return v, rest, false, nil
		}
		return nil, nil, false, &UserError{Msg: fmt.Sprintf("`%s` takes nothing after it.", sub.Name), Usage: sub.Usage}
	}
	if len(args) > 0 {
		if next, usage := cmd.nextWords(args[0]); len(next) > 0 {
			msg := fmt.Sprintf("Say %s.", joinOr(next))
			if len(args) > 1 {
				msg = fmt.Sprintf("I don't know `%s %s`.", Escape(args[0]), Escape(truncateText(args[1], 40)))
			}
			return nil, nil, false, &UserError{Msg: msg, Usage: usage}
		}
	}
	if def := cmd.variant("", len(args) == 0); def != nil {
		return def, args, false, nil
	}
	if len(args) == 0 {
		return nil, nil, true, nil
	}
	if cmd.Guess != nil {
		if msg := cmd.Guess(args); msg != "" {
			return nil, nil, false, usageErr("%s", msg)
		}
	}
	if names, usage := cmd.firstWords(args[0]); len(names) > 0 {
		return nil, nil, false, &UserError{Msg: fmt.Sprintf("I don't know `%s`: did you mean %s?", Escape(truncateText(args[0], 40)), joinOr(names)), Usage: usage}
	}
	if len(args) > 1 {
		if name, usage := cmd.nearestOfTwo(args[0], args[1]); name != "" {
			return nil, nil, false, &UserError{Msg: fmt.Sprintf("I don't know `%s %s`: did you mean `%s %s`?", Escape(truncateText(args[0], 40)), Escape(truncateText(args[1], 40)), cmd.Name, name), Usage: usage}
		}
	}
	if err := cmd.slipOf(args[0]); err != nil {
		return nil, nil, false, err
	}
	return nil, nil, false, usageErr("I don't know `%s`.", Escape(truncateText(args[0], 40)))
}

// nearestOfTwo is the subcommand name of two words whose first word is
// a slip of first and whose second is second ("memebr add" for `member
// add`), and its usage: what follows the slip says which was meant, where
// a name of one word may be as near ("members"). A slip of two such names
// is of none.
func (cmd *Command) nearestOfTwo(first, second string) (string, []string) {
	w := []rune(strings.ToLower(first))
	if len(w) < 2 || len(w) > 20 {
		return "", nil
	}
	limit := 1
	if len(w) > 5 {
		limit = 2
	}
	name := ""
	var usage []string
	for _, sub := range cmd.Subs {
		for _, n := range append([]string{sub.Name}, sub.Aliases...) {
			words := strings.Fields(n)
			if len(words) != 2 || !strings.EqualFold(words[1], second) || slips(w, []rune(words[0])) > limit {
				continue
			}
			if name != "" && sub.Name != name {
				return "", nil
			}
			name = sub.Name
			usage = append(usage, sub.Usage...)
		}
	}
	return name, slices.Compact(usage)
}

// subSlip answers words the default form of in's command could not read
// ("/declare lsit", "/report misisng"), whose first is a slip of one of the
// command's subcommands' names, as choose answers a slip where a command
// has no default form: the sender meant the subcommand, not an agenda
// item. It is nil for any other words.
func (in *Input) subSlip(args []string) error {
	if in.cmd == nil || len(args) == 0 {
		return nil
	}
	return in.cmd.slipOf(args[0])
}

// slipOf asks about the subcommand word is a slip of (nearest), with its
// usage; nil when it is a slip of none.
func (cmd *Command) slipOf(word string) error {
	name, usage := cmd.nearest(word)
	if name == "" {
		return nil
	}
	return &UserError{Msg: fmt.Sprintf("I don't know `%s`: did you mean `%s %s`?", Escape(truncateText(word, 40)), cmd.Name, name), Usage: usage}
}

// nearest is the one-word subcommand name (or alias) that word is a slip
// of the keyboard away from ("strat", "clsoe"), and the usage of the
// subcommand so named. A chair in front of the room is better shown the
// form they meant than every form of the command ("ad" for add). A word
// as near to two names is near none.
func (cmd *Command) nearest(word string) (string, []string) {
	w := []rune(strings.ToLower(word))
	if len(w) < 2 || len(w) > 20 {
		return "", nil
	}
	// The limit goes by the word typed: a short slip ("dance") is not
	// taken for a longer name ("cancel").
	limit := 1
	if len(w) > 5 {
		limit = 2
	}
	// The nearest name wins: "minuets" is one slip from `minutes` and two
	// from `minute`. Two subcommands as near as each other are near none.
	name, best, tied := "", limit+1, false
	var usage []string
	for _, sub := range cmd.Subs {
		for _, n := range append([]string{sub.Name}, sub.Aliases...) {
			if n == "" || strings.Contains(n, " ") {
				continue
			}
			d := slips(w, []rune(n))
			if first, _, ok := strings.Cut(n, "-"); ok && strings.EqualFold(string(w), first) {
				// The first word of a name of two joined by a hyphen
				// ("/committee year May", or "year start May" as it is
				// said) is as near to it as a slip.
				d = 1
			}
			switch {
			case d > limit || d > best:
				continue
			case d < best:
				// The subcommand's own name, not the alias it is a slip of.
				name, best, tied, usage = sub.Name, d, false, nil
			case sub.Name != name:
				tied = true
			}
			// A name given twice, alone and with more after it.
			usage = append(usage, sub.Usage...)
		}
	}
	if tied || name == "" {
		return "", nil
	}
	return name, slices.Compact(usage)
}

// aSlipOf reports whether typed is a slip of the keyboard away from
// name: one letter wrong, left out, added or swapped, two for a name of
// more than five letters (a command's or a category's name; a subcommand's
// slips are counted by the word typed, see nearest).
func aSlipOf(typed, name []rune) bool {
	limit := 1
	if len(name) > 5 {
		limit = 2
	}
	return slips(typed, name) <= limit
}

// Slips is slips of two strings, for the command line's flags to be
// answered as the commands' words are.
func Slips(a, b string) int { return slips([]rune(a), []rune(b)) }

// slips is how many letters typed, left out, changed or swapped with
// their neighbour turn a into b (the optimal string alignment distance).
func slips(a, b []rune) int {
	// One table, on the stack for words of up to 15 letters: this runs on
	// every apology's first word, where a table from the allocator was 5%
	// of what an apology allocated.
	w := len(b) + 1
	var small [256]int
	var d []int
	if n := (len(a) + 1) * w; n <= len(small) {
		d = small[:n]
	} else {
		d = make([]int, n)
	}
	for i := 0; i <= len(a); i++ {
		d[i*w] = i
	}
	for j := 0; j < w; j++ {
		d[j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j < w; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			c := min(d[(i-1)*w+j]+1, d[i*w+j-1]+1, d[(i-1)*w+j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, d[(i-2)*w+j-2]+1)
			}
			d[i*w+j] = c
		}
	}
	return d[len(a)*w+len(b)]
}

// named finds the subcommand whose name (or alias) args start with, the
// longest such name first, and says how many words the name took.
func (cmd *Command) named(args []string) (*Sub, int) {
	var best *Sub
	bestN := 0
	for i := range cmd.Subs {
		sub := &cmd.Subs[i]
		for _, name := range append([]string{sub.Name}, sub.Aliases...) {
			words := strings.Fields(name)
			if len(words) == 0 || len(words) > len(args) || len(words) <= bestN {
				continue
			}
			if slices.EqualFunc(words, args[:len(words)], strings.EqualFold) {
				best, bestN = sub, len(words)
			}
		}
	}
	return best, bestN
}

// variant is the record named name to use: the one for the name alone
// when nothing follows it and there is one, otherwise the other.
func (cmd *Command) variant(name string, alone bool) *Sub {
	var found *Sub
	for i := range cmd.Subs {
		sub := &cmd.Subs[i]
		if sub.Name != name {
			continue
		}
		if sub.Alone == alone {
			return sub
		}
		if !sub.Alone {
			found = sub
		}
	}
	return found
}

// nextWords lists, quoted, the words that may follow word in the names of
// subcommands of more than one word ("add" and "remove" after "member"),
// and those subcommands' usage.
func (cmd *Command) nextWords(word string) (next, usage []string) {
	for _, sub := range cmd.Subs {
		if words := strings.Fields(sub.Name); len(words) > 1 && strings.EqualFold(words[0], word) {
			next = append(next, "`"+words[1]+"`")
			usage = append(usage, sub.Usage...)
		}
	}
	return next, usage
}

// firstWords lists, quoted with the command ("`/committee member add`"),
// the subcommands of two words whose second word is word, and their usage:
// `/committee add @neil SWACA` has left out "member", and is better shown
// that one form than every form of the command.
func (cmd *Command) firstWords(word string) (names, usage []string) {
	for _, sub := range cmd.Subs {
		words := strings.Fields(sub.Name)
		if len(words) != 2 || !strings.EqualFold(words[1], word) {
			continue
		}
		if name := "`" + cmd.Name + " " + sub.Name + "`"; !slices.Contains(names, name) {
			names = append(names, name)
		}
		usage = append(usage, sub.Usage...)
	}
	return names, slices.Compact(usage)
}

func isHelp(w string) bool { return strings.EqualFold(w, "help") || w == "?" }

// admit finds the committee of r's channel and r's sender in it, who must
// be a member or an officer when who says so.
func (s *Service) admit(ctx context.Context, r Request, who Access, doing string) (Committee, Member, error) {
	o, err := s.admitOrigin(ctx, r, who, doing, false)
	if err != nil || o.Member == nil {
		return o.Committee, Member{}, err
	}
	return o.Committee, *o.Member, nil
}

// carried is the committee sub's words name (Sub.Carried), for r sent
// where the channel is no committee's by one of its members; 0 otherwise,
// and the committee is found as for any request. The reminder of an
// action, in a direct message, gives the command that marks it done: typed
// there by a member of two committees it would ask which, and the other
// would refuse it.
func (s *Service) carried(ctx context.Context, r Request, sub *Sub, args []string) (int64, error) {
	// The channel first: in a committee's channel, as nearly always, the
	// words are not read.
	if _, err := s.store.CommitteeByChannel(ctx, r.TeamID, r.ChannelID); !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	id, err := sub.Carried(s, ctx, args)
	if err != nil || id == 0 {
		return 0, err
	}
	return s.ifMemberOf(ctx, r, id)
}

// ifMemberOf is committeeID when r's sender is a member of it, else 0.
func (s *Service) ifMemberOf(ctx context.Context, r Request, committeeID int64) (int64, error) {
	ms, err := s.store.Memberships(ctx, r.TeamID, r.UserID)
	if err != nil {
		return 0, err
	}
	for _, m := range ms {
		if m.Committee.ID == committeeID {
			return committeeID, nil
		}
	}
	return 0, nil
}

// admitCarried is admit for a button or form that carries the committee
// it is of. In a committee's channel it is that channel's committee, as
// for any other, which the caller checks is the one carried; anywhere else
// it is the committee carried, of which the sender must be a member. A
// member of several committees given an answer in a direct message (the
// committee chosen for it) presses its buttons there, and would otherwise
// be asked which committee, with nothing to run again.
func (s *Service) admitCarried(ctx context.Context, r Request, committeeID int64, who Access, doing string) (Committee, Member, error) {
	if r.committeeID == 0 && committeeID > 0 {
		_, err := s.store.CommitteeByChannel(ctx, r.TeamID, r.ChannelID)
		switch {
		case errors.Is(err, ErrNotFound):
			r.committeeID = committeeID
		case err != nil:
			return Committee{}, Member{}, err
		}
	}
	return s.admit(ctx, r, who, doing)
}

// ownRecord is the committee of a record a button or form names by its
// ID (committeeID, 0 when there is no such record) as admitCarried is to
// take it: where the channel is no committee's, it is kept only if the
// sender is a member of it, and is 0 otherwise, as for a record that does
// not exist. The ID is the sender's to change on its way, and one of
// another committee's records must be answered as a missing one is, or
// anyone could learn which IDs are on record elsewhere.
func (s *Service) ownRecord(ctx context.Context, r Request, committeeID int64) (int64, error) {
	if r.committeeID != 0 || committeeID <= 0 {
		return committeeID, nil
	}
	if _, err := s.store.CommitteeByChannel(ctx, r.TeamID, r.ChannelID); !errors.Is(err, ErrNotFound) {
		// admitCarried takes the channel's committee, which the caller
		// compares with the record's.
		return committeeID, err
	}
	return s.ifMemberOf(ctx, r, committeeID)
}

// admitInput admits in's sender to its subcommand (see admit), filling in
// the committee, the sender and the next meeting.
func (s *Service) admitInput(ctx context.Context, in *Input) error {
	o, err := s.admitOrigin(ctx, in.Request, in.sub.Who, in.sub.Doing, in.sub.AtTable)
	in.replayHere = false
	if err != nil {
		return err
	}
	in.Committee, in.Next, in.Table, in.Former = o.Committee, o.Next, o.Table, o.Former
	if o.Member != nil {
		in.Me = *o.Member
	}
	return nil
}

// admitSelf checks in's replay key, in the read of where it came from when
// there is one, and admits the sender: what dispatch does before a
// subcommand runs, and a SelfAdmit one's handler when it goes the long
// way.
func (s *Service) admitSelf(ctx context.Context, in *Input) error {
	in.replayHere = in.Replay != "" && in.committeeID == 0
	if !in.replayHere {
		if err := s.checkReplay(ctx, in); err != nil {
			return err
		}
	}
	return s.admitInput(ctx, in)
}

// readHere settles the error of a SelfAdmit handler's one read (the
// store's …From): from a channel that is no committee's the request goes
// the long way, where the committee is the sender's (nothing was
// recorded, the replay key included); any other error is the request's.
func readHere(err error) (bool, error) {
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// admitFrom keeps in in what a SelfAdmit handler's one read found of
// where the request came from, as admitInput keeps what dispatch reads.
func (in *Input) admitFrom(o Origin) {
	in.Committee, in.Next = o.Committee, o.Next
	if o.Member != nil {
		in.Me = *o.Member
	}
}

// admitOrigin is admit, keeping what the one read found: the committee,
// the sender's membership (nil for Anyone who is not a member), the next
// meeting and, when asked for, the table.
func (s *Service) admitOrigin(ctx context.Context, r Request, who Access, doing string, table bool) (Origin, error) {
	o, err := s.origin(ctx, r, table)
	switch {
	case err != nil:
		return Origin{}, err
	case who == Anyone:
		return o, nil
	case o.Member == nil && who == Own:
		return s.admitFormer(ctx, r, o)
	case o.Member == nil:
		return Origin{}, &strangerError{error: s.notMemberNow(ctx, o.Committee, r.UserID), userID: r.UserID, origin: o}
	case who == Officers && !o.Member.IsOfficer():
		return Origin{}, userErr("Only an officer of %s can %s.", Escape(o.Committee.Name), doing)
	case who == Chairs:
		return o, s.chairing(ctx, r, o, doing)
	}
	return o, nil
}

// admitFormer admits r's sender, who is not a member of o's committee, to
// the history of their own records (Own) if they have been one, as they
// were when they left but with no role: an officer or chair who has left
// sees no one else's records. Someone who never was is refused as for any
// member's command.
func (s *Service) admitFormer(ctx context.Context, r Request, o Origin) (Origin, error) {
	m, err := s.store.FormerMember(ctx, o.Committee.ID, r.UserID)
	if errors.Is(err, ErrNotFound) {
		return Origin{}, notMember(o.Committee, r.UserID)
	}
	if err != nil {
		return Origin{}, err
	}
	m.Role = RoleMember
	o.Member, o.Former = &m, true
	return o, nil
}

// Act runs the named button's action.
func (s *Service) Act(ctx context.Context, r Request, action, value string) (Reply, error) {
	a, ok := s.actions[action]
	if !ok {
		return refused(private("That button no longer does anything; try the command again.")), nil
	}
	ctx, v := visiting(ctx, false)
	reply, err := a.run(ctx, s, r, value)
	return settle(a.cmd, nil, v.private(reply), err)
}

// Submit hands a form's submission to its handler. A UserError from the
// handler is shown as the reply; field errors keep the form open.
func (s *Service) Submit(ctx context.Context, r Request, sub Submission) (Reply, map[string]string, error) {
	h, ok := s.forms[sub.Form]
	if !ok {
		return refused(private("That form is out of date; run the command again.")), nil, nil
	}
	sub = withoutStrays(typedValues(sub))
	if errs := unstorableFields(sub); errs != nil {
		return Reply{}, errs, nil
	}
	ctx, v := visiting(ctx, false)
	reply, fieldErrs, err := h.run(ctx, s, r, sub)
	if len(fieldErrs) > 0 && err == nil {
		return Reply{}, fieldErrs, nil
	}
	reply, err = settle(h.cmd, nil, v.private(reply), err)
	return reply, nil, err
}

// typed is text as a person typed it, in one Unicode form (NFC): a Mac,
// or a name pasted from a document, may send "é" as "e" and a combining
// accent, which reads the same but is another string to every comparison
// and search, so that "Siân" typed one way would not find her name added
// the other, nor a declaration typed again be the same declaration. A
// word processor's hyphen and non-breaking hyphen, pasted, are the "-"
// they show, as the document reader reads them: the search reads only
// "-" as a hyphen, so "co‑ordinated" was a word no search found.
func typed(s string) string {
	s = norm.NFC.String(s)
	if !strings.ContainsAny(s, "\u2010\u2011") {
		return s
	}
	// A web address is kept as given: another character in it would be
	// another address.
	return typedWord.ReplaceAllStringFunc(s, func(w string) string {
		if strings.Contains(w, "://") {
			return w
		}
		return typedHyphens.Replace(w)
	})
}

// typedWord is a word of typed text: what lies between the characters
// unicode.IsSpace calls spaces.
var typedWord = regexp.MustCompile(`[^\s\v\x{85}\p{Z}]+`)

var typedHyphens = strings.NewReplacer("\u2010", "-", "\u2011", "-")

// typedValues is sub with its values as typed gives them.
func typedValues(sub Submission) Submission {
	values := make(map[string][]string, len(sub.Values))
	for id, vs := range sub.Values {
		nfc := make([]string, len(vs))
		for i, v := range vs {
			nfc[i] = typed(v)
		}
		values[id] = nfc
	}
	sub.Values = values
	return sub
}

// settle turns user mistakes into replies, with sub's usage (or, with sub
// nil, the command's) where the mistake asks for it, and marks other
// errors with what they did not save: nothing, when sub is a read.
func settle(cmd *Command, sub *Sub, reply Reply, err error) (Reply, error) {
	var ue *UserError
	var q *question
	var f *failed
	switch {
	case errors.As(err, &q):
		return q.reply, nil
	case errors.As(err, &f):
		// Settled already, by the Run a button ran again (runChosen).
		return reply, err
	}
	if errors.As(err, &ue) {
		usage := ue.Usage
		if ue.showUsage && usage == nil {
			usage = cmd.usage()
			if sub != nil && len(sub.Usage) > 0 {
				usage = sub.Usage
			}
		}
		return errorReply(ue.Msg, usage), nil
	}
	if err != nil {
		f := &failed{saves: cmd.Saves, err: err}
		if sub != nil && sub.Read {
			f.saves = ""
		}
		return Reply{}, f
	}
	return reply, nil
}

// failed is an error from Run, Act or Submit: it says what the request
// would have saved, for FailureReply.
type failed struct {
	saves string
	err   error
}

func (f *failed) Error() string { return f.err.Error() }
func (f *failed) Unwrap() error { return f.err }

// readOnly is a button that saves nothing (it opens a form, or shows a
// record): when it fails, it says nothing was lost, as a subcommand that
// is a Read does, rather than that what its command saves was not saved.
func readOnly(a Action) Action {
	return func(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
		reply, err := a(ctx, s, r, value)
		var ue *UserError
		var q *question
		if err == nil || errors.As(err, &ue) || errors.As(err, &q) {
			return reply, err
		}
		return reply, &failed{err: err}
	}
}

func errorReply(msg string, usage []string) Reply {
	var b strings.Builder
	b.WriteString(msg)
	if len(usage) > 0 {
		b.WriteString("\nUsage:")
		for _, u := range usage {
			b.WriteString("\n• `" + u + "`")
		}
	}
	return Reply{Visibility: Private, Text: b.String(), Refused: true}
}

func refused(r Reply) Reply {
	r.Refused = true
	return r
}

// usage is every form of every subcommand, in order.
func (cmd *Command) usage() []string {
	var out []string
	for _, sub := range cmd.Subs {
		out = append(out, sub.Usage...)
	}
	return out
}

// knowsOf reports whether word, which names no subcommand, is one help
// has something to say of: a word of a subcommand's Also, the first word
// of subcommands of two, or a slip of a subcommand's name.
func (cmd *Command) knowsOf(word string) bool {
	if cmd.also(word) != nil {
		return true
	}
	if next, _ := cmd.nextWords(word); len(next) > 0 {
		return true
	}
	name, _ := cmd.nearest(word)
	return name != ""
}

// also is the subcommand one of whose Also is word, nil when none.
func (cmd *Command) also(word string) *Sub {
	for i := range cmd.Subs {
		sub := &cmd.Subs[i]
		if len(sub.Usage) > 0 && slices.ContainsFunc(sub.Also, func(a string) bool { return strings.EqualFold(a, word) }) {
			return sub
		}
	}
	return nil
}

// helpFor is the help for sub, or, with sub nil, for the words asked
// (`/agenda help nonsense`): said first that they name no subcommand, lest
// the whole help be taken for the answer, then the help of the subcommand
// they may mean — one of whose Also they are, or the one they are a slip
// of — or the command's.
func (cmd *Command) helpFor(sub *Sub, asked []string) Reply {
	if sub != nil || len(asked) == 0 {
		return cmd.help(sub)
	}
	word := asked[0]
	typed := inCode(Escape(truncateText(word, 40)))
	if next, _ := cmd.nextWords(word); len(next) > 0 {
		return cmd.helpAfter(fmt.Sprintf("`%s help %s` is followed by %s.", cmd.Name, typed, joinOr(next)), nil)
	}
	if sub := cmd.also(word); sub != nil {
		// The form the word is part of (`for` in `/apologies for
		// @someone …`), else the first.
		usage := sub.Usage[0]
		if form, ok := sub.AlsoForm[strings.ToLower(word)]; ok {
			usage = form
		}
		inForm := false
		for _, u := range sub.Usage {
			words := strings.FieldsFunc(u, func(r rune) bool { return r == ' ' || r == '|' || r == '[' || r == ']' })
			if slices.ContainsFunc(words, func(f string) bool { return strings.EqualFold(f, word) }) {
				usage, inForm = u, true
				break
			}
		}
		if inForm {
			// "No subcommand `remote`: use `/here remote`" would read as
			// refusing what it then offers: the word is one of the form's.
			return cmd.helpAfter(fmt.Sprintf("`%s` is no subcommand of `%s` but a word of this form: `%s`.", typed, cmd.Name, usage), sub)
		}
		return cmd.helpAfter(fmt.Sprintf("`%s` has no subcommand `%s`: for that, use `%s`.", cmd.Name, typed, usage), sub)
	}
	if name, _ := cmd.nearest(word); name != "" {
		sub, _ := cmd.named(strings.Fields(name))
		return cmd.helpAfter(fmt.Sprintf("`%s` has no subcommand `%s`: did you mean `%s %s`?", cmd.Name, typed, cmd.Name, name), sub)
	}
	return cmd.helpAfter(fmt.Sprintf("`%s` has no subcommand `%s`.", cmd.Name, typed), nil)
}

// helpAfter is note, then the help for sub (the command's when nil).
func (cmd *Command) helpAfter(note string, sub *Sub) Reply {
	r := cmd.help(sub)
	r.Text = note + "\n" + r.Text
	return r
}

// help is the generated help for cmd, or with sub set for that
// subcommand: its usage, examples and, where it takes a date, the forms a
// date may take. A subcommand of two records (`/meeting reminders` alone
// and with days) shows each record's usage with its summary.
func (cmd *Command) help(sub *Sub) Reply {
	var b strings.Builder
	var subs []Sub
	for _, s := range cmd.Subs {
		// The default's record for the command alone, when it only shows
		// this help, has nothing of its own to show.
		if sub == nil || s.Name == sub.Name && (len(s.Usage) > 0 || s.Name != "") {
			subs = append(subs, s)
		}
	}
	switch {
	case sub == nil:
		fmt.Fprintf(&b, "*%s* — %s\n", cmd.Name, cmd.Summary)
	case len(subs) == 1:
		summary := sub.Summary
		if summary == "" && sub.Name == "" {
			// The command's own form says no more than the command does.
			summary = cmd.Summary
		}
		fmt.Fprintf(&b, "*%s*%s\n", strings.TrimSpace(cmd.Name+" "+sub.Name), prefixed(" — ", summary))
		if sub.Who == Officers {
			b.WriteString("For officers.\n")
		}
		if sub.Who == Chairs {
			b.WriteString("For officers and the chair.\n")
		}
	case sub.Name == "":
		// The command's own forms, each record's summary beside its
		// usage below: the command's says what they are for.
		fmt.Fprintf(&b, "*%s* — %s\n", cmd.Name, cmd.Summary)
	default:
		fmt.Fprintf(&b, "*%s*\n", strings.TrimSpace(cmd.Name+" "+sub.Name))
	}
	var examples []string
	for _, s := range subs {
		for i, u := range s.Usage {
			if sub == nil && !strings.Contains(u, "(officer") {
				// Every form of the command in one list: whose forms
				// are whose, as the forms that say so in their usage do.
				switch s.Who {
				case Officers:
					u += "   (officer)"
				case Chairs:
					u += "   (officer or chair)"
				}
			}
			b.WriteString("• `" + u + "`")
			if i == len(s.Usage)-1 {
				b.WriteString(otherWords(cmd.Name, s))
			}
			if sub != nil && len(subs) > 1 && i == len(s.Usage)-1 {
				b.WriteString(prefixed(" — ", s.Summary))
				if s.Who == Officers {
					b.WriteString(" (officers)")
				}
			}
			b.WriteString("\n")
		}
		examples = append(examples, s.Examples...)
	}
	if len(examples) > 0 {
		b.WriteString("Examples:\n")
		for _, e := range examples {
			b.WriteString("• `" + e + "`\n")
		}
	}
	// Each meaning of DATE once; where subcommands differ in it, each
	// but the usual one names the subcommands it is for.
	var dates []string
	usedBy := map[string][]string{}
	for _, s := range subs {
		if !strings.Contains(strings.Join(s.Usage, "\n"), "DATE") {
			continue
		}
		d := s.Date
		if d == "" {
			d = dateHelp
		}
		if !slices.Contains(dates, d) {
			dates = append(dates, d)
		}
		if name := "`" + strings.TrimSpace(cmd.Name+" "+s.Name) + "`"; !slices.Contains(usedBy[d], name) {
			usedBy[d] = append(usedBy[d], name)
		}
	}
	for _, d := range dates {
		if len(dates) > 1 && d != dateHelp {
			b.WriteString("In " + joinAnd(usedBy[d]) + ", ")
		}
		b.WriteString(d + "\n")
	}
	if sub == nil {
		for _, s := range cmd.Subs {
			if s.Name != "" {
				fmt.Fprintf(&b, "`%s help %s` explains one of them.", cmd.Name, s.Name)
				break
			}
		}
	}
	return Reply{Visibility: Private, Text: strings.TrimRight(b.String(), "\n")}
}

// otherWords names, after a subcommand's usage, the other words that
// select it (" — also `/meeting open`"), which the README teaches and a
// member may have heard in the room; a word that differs from the name
// only as one and many does not need saying. It follows the usage and
// whose it is, so that it cannot read as another to whom it is open.
func otherWords(command string, s Sub) string {
	var ws []string
	for _, a := range s.Aliases {
		if a+"s" != s.Name && s.Name+"s" != a {
			ws = append(ws, "`"+command+" "+a+"`")
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return " — also " + joinOr(ws)
}

// dateHelp is what DATE is in most usage: a meeting, the next by default.
// A subcommand whose DATE is another day, or whose default is another
// meeting, says so in its Date.
const dateHelp = "DATE is `next` (the default), " + dateForms + "."

// dateForms are the ways a day may be written, for help.
const dateForms = "2026-12-10, 10/12/2026 (day first) or 10 December 2026"

// scheduleDateHelp is DATE where it is the day of a meeting to be.
const scheduleDateHelp = "DATE is the day of the new meeting: " + dateForms + "."

// clockHelp is TIME where a meeting's start is given.
const clockHelp = "TIME is `10:00`, `10.00am`, `2.30 pm`, `at 2pm` or the 24-hour clock without its colon, `1400`, also straight after a day and month: `11 February 1400` is 14:00 (four figures there from 1900 on are the year, as is any a time follows: `11 February 2027 10:00`; an evening time takes its colon, `19:30`)."

// givenDateHelp is DATE where a meeting must be named.
const givenDateHelp = "DATE is the meeting's day, which must be given: `next`, " + dateForms + "."

// startDateHelp is DATE for opening a meeting.
const startDateHelp = "DATE is the day of the meeting to open: " + dateForms + "; without one, today's. On a day with two meetings, the one whose start is nearest and not yet held; a time after the date names one: `/meeting start today 14:00`."

// tableDateHelp is DATE where, undated, it is the meeting in progress at
// the table, or today's waiting to be opened, else the next (inFront): `/history apologies`, the
// lists read at the table (meetingRead), `/agenda` and the like.
const tableDateHelp = "DATE is `next` or the meeting's day: " + dateForms + ". Without one, the meeting in progress or today's waiting to be opened, else the next; `next` is the next even then."

// closedDateHelp is DATE where, undated, it is the meeting in progress,
// which refuses the change, or today's waiting to be opened, else the
// next (meetingSaid): `/apologies`,
// `/agenda add` and the like.
const closedDateHelp = "DATE is `next` or the meeting's day: " + dateForms + ". Without one, the meeting in progress (which no longer takes this) or today's waiting to be opened, else the next; `next` is the next even then."

// attendedDateHelp is DATE where it is a meeting attended.
const attendedDateHelp = "DATE is the day of the meeting: " + dateForms + "; without one, the meeting in progress, else the last one held."

// draftDateHelp is DATE where it is the meeting whose minutes are
// compiled (draftMeeting).
const draftDateHelp = "DATE is the day of the meeting: " + dateForms + "; without one, the meeting in progress, else the last one if it began in the last 12 hours or its minutes are still a draft, else the next; `next`, the next."

// approveDateHelp is DATE where it is the meeting whose minutes are
// confirmed (approveMinutes).
const approveDateHelp = "DATE is the day of the meeting whose minutes are confirmed: " + dateForms + "; without one, the last meeting's before the one in progress (or before now)."

// minutesDateHelp is DATE where it is the meeting being minuted.
const minutesDateHelp = "DATE is the day of the meeting: " + dateForms + "; without one, the meeting in progress, else today's once it has started, else the last one held."

// showHelp is the handler of a command that alone shows its help.
func showHelp(_ context.Context, _ *Service, in *Input) (Reply, error) {
	return in.cmd.help(nil), nil
}

// commandList answers `/help`, which is none of ours but asks for what
// is: each command with what it is for.
func (s *Service) commandList() Reply {
	lines := []string{"Quorum's commands; each answers `help` (`/apologies help`) with its forms and examples:"}
	for _, c := range s.Commands() {
		lines = append(lines, "• `"+c.Name+"` — "+c.Summary)
	}
	return private("%s", strings.Join(lines, "\n"))
}

func (s *Service) unknown(name string) Reply {
	// The name is quoted back without control characters, which Slack
	// would show as nothing and a terminal would act on, and shortened: a
	// name of thousands of characters would fill the reply.
	quoted := Escape(truncateText(strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, name), 40))
	if meant := s.commandMeant(strings.TrimPrefix(name, "/")); meant != "" {
		cmd, sub, _ := strings.Cut(meant, " ")
		return private("I don't know the command %s: did you mean `%s`? `%s help%s` explains it.", quoted, meant, cmd, prefixed(" ", sub))
	}
	names := make([]string, 0, len(s.commands))
	for _, c := range s.Commands() {
		names = append(names, "`"+c.Name+"`")
	}
	return private("I don't know the command %s. I know %s; each answers `help`.", quoted, joinAnd(names))
}

// commandMeant is the command, or command and subcommand, that word, a
// command of none of ours, most likely meant: one whose name it is but
// for a slip or its ending ("apology"), or one of a single subcommand so named or
// started ("adjourn", "remind" for `/meeting reminders`: Slack's own
// /remind, where the committee's reminders are wanted). "" when none, or
// more than one, is near.
func (s *Service) commandMeant(word string) string {
	w := []rune(strings.ToLower(word))
	if len(w) < 3 || len(w) > 20 {
		return ""
	}
	near := func(name string) bool {
		n := []rune(name)
		// Or the same word with another ending: "apology", "apologies".
		common := 0
		for common < min(len(w), len(n)) && w[common] == n[common] {
			common++
		}
		return aSlipOf(w, n) || len(w) >= 4 && strings.HasPrefix(name, string(w)) || common >= 5 && len(w)-common <= 2
	}
	var cmds, subs []string
	for _, c := range s.Commands() {
		if near(strings.TrimPrefix(c.Name, "/")) {
			cmds = append(cmds, c.Name)
		}
		for _, sub := range c.Subs {
			for _, n := range append([]string{sub.Name}, sub.Aliases...) {
				if n != "" && !strings.Contains(n, " ") && near(n) {
					subs = append(subs, c.Name+" "+sub.Name)
				}
			}
		}
	}
	subs = slices.Compact(subs)
	switch {
	case len(cmds) == 1:
		return cmds[0]
	case len(cmds) == 0 && len(subs) == 1:
		return subs[0]
	}
	return ""
}

// origin is where r was sent from: committee, member and next meeting
// (and, with table, the Table), in one read. Where the channel is not a
// committee's, the committee is the sender's own (originElsewhere), and
// the table is left unread.
func (s *Service) origin(ctx context.Context, r Request, table bool) (Origin, error) {
	if r.committeeID == 0 {
		var o Origin
		var err error
		switch {
		case r.replayHere:
			o, err = s.store.OriginFirstSeen(ctx, r.TeamID, r.ChannelID, r.UserID, r.Now, r.Replay, table)
		case table:
			o, err = s.store.OriginFirstSeen(ctx, r.TeamID, r.ChannelID, r.UserID, r.Now, "", true)
		default:
			o, err = s.store.Origin(ctx, r.TeamID, r.ChannelID, r.UserID, r.Now)
		}
		if !errors.Is(err, ErrNotFound) {
			return o, err
		}
	}
	return s.originElsewhere(ctx, r)
}

// noMeeting says that c has no meeting scheduled.
func noMeeting(c Committee) error {
	return userErr("No meeting of %s is scheduled. An officer can schedule one with `/meeting schedule DATE TIME [VENUE]`.", Escape(c.Name))
}

// meetingOf is meetingFor for a subcommand, taking the next meeting from
// what dispatch read rather than reading it again.
func (s *Service) meetingOf(ctx context.Context, in *Input, d Date) (Meeting, error) {
	return s.meetingSaid(ctx, in, d, saidNext(in.Args))
}

// meetingSaid is meetingOf where the caller knows whether `next` was
// said. Without a date, while a meeting is in progress, or today's waits
// to be opened, it is that meeting the sender has in mind (inFront): a
// write is then refused as that meeting refuses it, not made silently for
// the meeting after, which `next`, said, names.
func (s *Service) meetingSaid(ctx context.Context, in *Input, d Date, said bool) (Meeting, error) {
	if d.IsNext() && !said {
		if m, _, ok, err := s.inFront(ctx, in.Committee, in.Table, d, in.Now); err != nil || ok {
			return m, err
		}
	}
	if d.IsNext() && in.Next != nil {
		return *in.Next, nil
	}
	return s.meetingFor(ctx, in.Committee, d, in.Now)
}

// noCommittee refuses userID, in a channel of no committee and a member
// of none. Only an officer can add a member, so the command given is the
// one to pass on to the officer, with userID's mention in it.
func noCommittee(userID string) error {
	return userErr("This channel does not belong to a committee, and you are not a member of one. "+
		"Ask your committee's officer to add you: they run `/committee member add <@%s> ORGANISATION` in the committee's channel. "+
		"An officer can set up a committee in its own channel with `/committee setup NAME`.", userID)
}

// notMember refuses userID, who is not a member of c, with the command
// its officer runs to add them (see noCommittee).
func notMember(c Committee, userID string) error {
	return userErr("You are not a member of %s. Ask its officer to add you: they run `/committee member add <@%s> ORGANISATION` in its channel.", Escape(c.Name), userID)
}

// notMemberNow refuses userID, who is not a member of c, as notMember
// does; someone removed from c is told they are no longer one, with where
// their records stand, rather than asked to be added as if they never
// were. Read only on the way to a refusal.
func (s *Service) notMemberNow(ctx context.Context, c Committee, userID string) error {
	if _, err := s.store.FormerMember(ctx, c.ID, userID); err != nil {
		// Never a member, or unknown just now: the refusal stands either
		// way, said as for anyone.
		return notMember(c, userID)
	}
	return userErr("You are no longer a member of %s, so this is not yours to do. Your records from before stay in its history: `/history apologies`, `/history declarations`, `/interests` show them. If you should be a member again, its officer adds you back: `/committee member add <@%s> ORGANISATION` in its channel.", Escape(c.Name), userID)
}

// displayName is the best name the directory knows for userID.
func (s *Service) displayName(ctx context.Context, userID, fallback string) string {
	if s.users != nil {
		if name, err := s.users.DisplayName(ctx, userID); err == nil && slackName(name) != "" {
			return slackName(name)
		}
	}
	if fallback = slackName(fallback); fallback != "" {
		return fallback
	}
	return userID
}

// slackName is a name as Slack gives it, fit to keep and show. Nothing
// Quorum was sent refused what it holds (see unstorable): a NUL would keep
// the member from being saved, a line break would start a line of its own
// in a list, reading as someone else's entry, and a direction override
// would turn round the words after it. Those are left out, and spacing
// made single.
func slackName(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case isControl(r), isOverride(r):
			return -1
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, name)
	return typed(strings.Join(strings.Fields(name), " "))
}

// plain is free text from a command as the person typed it: the entities
// Slack sends (see Request.Text) are undone. It is escaped again wherever
// it is shown.
func plain(words []string) string { return Unescape(strings.Join(words, " ")) }

// plainShown is plain, with Slack's markup other than mentions written as
// the sender saw it (ShownMarkup): a venue, an agenda item or an
// organisation is shown long after, in posted agendas, the minutes and
// calendars, where "<https://x.org|x.org>" would read as Slack's markup.
func plainShown(words []string) string { return Unescape(ShownMarkup(strings.Join(words, " "))) }

// mentionMark stands, in free text read by plainMarked, for a mention
// until namedMentions names the person: NUL, the user ID, "|", Slack's
// hint of their name, NUL.
const mentionMark = "\x00"

// mentionMarkup is a Slack user mention within free text, punctuation
// and all around it ("<@U123|neil>,").
var mentionMarkup = regexp.MustCompile(`<@([A-Za-z0-9]{1,32})(?:\|([^<>|]{1,80}))?>`)

// plainMarked is plain, with each mention in words marked for
// namedMentions. A reason is read long after it was sent, in the minutes
// and in lists, where Slack's markup would show as "<@U123|neil>", or as
// a mention of someone who was never meant to be notified; the sender saw
// "@Neil Frackelton", and that is what is kept. Markup typed as text
// reaches the bot escaped ("&lt;@U1&gt;"), so is not taken for a mention.
func plainMarked(words []string) string {
	raw := strings.Join(words, " ")
	var b strings.Builder
	at := 0
	for _, m := range mentionMarkup.FindAllStringSubmatchIndex(raw, -1) {
		b.WriteString(strings.ReplaceAll(Unescape(ShownMarkup(raw[at:m[0]])), mentionMark, ""))
		hint := ""
		if m[4] >= 0 {
			hint = Unescape(raw[m[4]:m[5]])
		}
		b.WriteString(mentionMark + raw[m[2]:m[3]] + "|" + strings.ReplaceAll(hint, mentionMark, "") + mentionMark)
		at = m[1]
	}
	b.WriteString(strings.ReplaceAll(Unescape(ShownMarkup(raw[at:])), mentionMark, ""))
	return strings.TrimSpace(b.String())
}

// otherMarkup is Slack's markup, other than a user's mention, within free
// text: a channel (<#C123|general>), a special mention (<!here>,
// <!subteam^S1|@clerks>, <!date^…|fallback>), a link Slack made of an
// address or an e-mail address typed (<https://x.org|x.org>,
// <mailto:jo@x.org|jo@x.org>). Slack sends a typed "<" escaped, so every
// "<" in the text is markup.
var otherMarkup = regexp.MustCompile(`<([#!][^<>]*|[A-Za-z][A-Za-z0-9+.-]*:[^<>]*)>`)

// ShownMarkup writes the markup in s (otherMarkup) as the sender saw it,
// and as the console shows a reply's: "#general", "@here", "jo@x.org",
// "x.org". Kept as markup, it would show
// in lists and minutes as "<mailto:jo@x.org|jo@x.org>" (the text is
// escaped when shown) or, were it not, notify a channel long after. The
// result is still escaped as Slack sends text, for Unescape.
func ShownMarkup(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return otherMarkup.ReplaceAllStringFunc(s, func(m string) string {
		inner := m[1 : len(m)-1]
		target, label, labelled := strings.Cut(inner, "|")
		switch {
		case target[0] == '#':
			if labelled && label != "" {
				return "#" + strings.TrimPrefix(label, "#")
			}
			return target
		case target[0] == '!':
			if labelled && label != "" {
				if name, _, _ := strings.Cut(target[1:], "^"); name == "here" || name == "channel" || name == "everyone" {
					return "@" + strings.TrimPrefix(label, "@")
				}
				return label
			}
			name, _, _ := strings.Cut(target[1:], "^")
			return "@" + name
		case labelled && label != "" && !strings.HasPrefix(target, "tel:") && label != target && label != strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(target, "mailto:"), "https://"), "http://"):
			// A link given a label of its own keeps where it goes, so
			// that the label cannot stand for another address.
			return label + " (" + strings.TrimPrefix(target, "mailto:") + ")"
		case labelled && label != "":
			return label
		default:
			return strings.TrimPrefix(target, "mailto:")
		}
	})
}

// tooLong refuses marked text (plainMarked) longer than limit, saying
// what it is. A mention is counted as one character, fewer than it can be
// once namedMentions names it ("@" and a name): Slack's markup for it is
// longer than the name kept, and must not make a text that fits too long.
// Whoever names the mentions checks the length of the text as kept.
func tooLong(what, text string, limit int) error {
	if !strings.Contains(text, mentionMark) {
		if n := utf8.RuneCountInString(text); n > limit {
			return fmt.Errorf("that %s is too long (%d characters; the limit is %d)", what, n, limit)
		}
		return nil
	}
	if unnamedLen(text) > limit {
		return fmt.Errorf("that %s is too long (the limit is %d characters)", what, limit)
	}
	return nil
}

// unnamedLen is the length of marked text with each mention counted as
// one character (see tooLong).
func unnamedLen(text string) int {
	n := 0
	for i, part := range strings.Split(text, mentionMark) {
		if i%2 == 1 {
			n++
			continue
		}
		n += utf8.RuneCountInString(part)
	}
	return n
}

// withoutMarks is words without mentionMark, which no one types (Slack
// sends none), so that a word of the text is a word of what is kept.
func withoutMarks(words []string) []string {
	if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, mentionMark) }) {
		return words
	}
	out := make([]string, 0, len(words))
	for _, w := range words {
		if w = strings.ReplaceAll(w, mentionMark, ""); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// namedMentions replaces the mentions plainMarked marked in text with
// "@" and the name the directory knows for each (Slack's hint of it, or
// the user ID, when it knows none).
func (s *Service) namedMentions(ctx context.Context, text string) string {
	if !strings.Contains(text, mentionMark) {
		return text
	}
	parts := strings.Split(text, mentionMark)
	for i := 1; i < len(parts); i += 2 {
		id, hint, _ := strings.Cut(parts[i], "|")
		parts[i] = "@" + s.displayName(ctx, id, hint)
	}
	return strings.Join(parts, "")
}

// joinAnd joins names as the minutes do: "A, B and C".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// joinOr joins choices: "A, B or C".
func joinOr(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// maxUserID and maxUserHint are the longest user ID and name a mention is
// read with: Slack's IDs are a dozen or so letters and digits, and its
// names at most 80 characters.
const (
	maxUserID   = 32
	maxUserHint = 80
)

// mention reads a Slack user mention, "<@U123>" or "<@U123|name>".
func mention(w string) (userID, name string, ok bool) {
	if !strings.HasPrefix(w, "<@") || !strings.HasSuffix(w, ">") {
		return "", "", false
	}
	inner := w[2 : len(w)-1]
	userID, name, _ = strings.Cut(inner, "|")
	// Slack's user IDs are letters and digits. Anything else is not a
	// mention Slack made, and echoed back in a reply a backquote or a * in
	// it would break the reply's formatting; an ID or a name of thousands
	// of letters would fill the channel (mentionMarkup reads neither).
	if userID == "" || len(userID) > maxUserID || utf8.RuneCountInString(name) > maxUserHint || strings.IndexFunc(userID, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) >= 0 {
		return "", "", false
	}
	return userID, name, true
}

// meetingFor finds the meeting a command is about: the next one, or the one
// on the given day.
func (s *Service) meetingFor(ctx context.Context, c Committee, d Date, now time.Time) (Meeting, error) {
	loc := c.Location()
	if d.IsNext() {
		m, err := s.store.NextMeeting(ctx, c.ID, now)
		if errors.Is(err, ErrNotFound) {
			return Meeting{}, noMeeting(c)
		}
		return m, err
	}
	from := d.Start(loc)
	to := from.AddDate(0, 0, 1)
	ms, err := s.store.Meetings(ctx, c.ID, from, to)
	if err != nil {
		return Meeting{}, err
	}
	if len(ms) == 0 {
		// The day may be the one the reminders, the direct messages and
		// the agenda named before the meeting moved off it: say where.
		switch m, err := s.store.MovedOff(ctx, c.ID, from, to); {
		case err == nil:
			return Meeting{}, userErr("%s has no meeting on %s: the meeting due that day has moved to %s. Give its new date, %s.",
				Escape(c.Name), d, describeMeeting(m, loc), m.StartsAt.In(loc).Format("2006-01-02"))
		case !errors.Is(err, ErrNotFound):
			return Meeting{}, err
		}
		return Meeting{}, userErr("%s has no meeting on %s. `/meeting list` shows the meetings scheduled.", Escape(c.Name), d)
	}
	for _, m := range ms {
		if m.Status != MeetingCancelled {
			return m, nil
		}
	}
	return ms[0], nil
}

// takeDate reads a date from the start of in's words, as takeDate does,
// in the committee's time zone.
func (in *Input) takeDate() (Date, int, error) {
	return dateAsked(takeDate(in.Args, in.Now, in.Committee.Location()))
}

// takeDateBeforeClock is in.takeDate for a date a start time follows
// (takeDateBeforeClock).
func (in *Input) takeDateBeforeClock() (Date, int, error) {
	return dateAsked(takeDateBeforeClock(in.Args, in.Now, in.Committee.Location()))
}

// dateAsked is a date read from a command's words, its refusal put to the
// sender.
func dateAsked(d Date, n int, err error) (Date, int, error) {
	if err != nil {
		return Date{}, 0, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	return d, n, nil
}

// date reads the date that is all a subcommand takes: "[DATE]", the next
// meeting's when none is given.
func (in *Input) date() (Date, error) {
	d, n, err := in.takeDate()
	if err != nil {
		return Date{}, err
	}
	if n != len(in.Args) {
		if err := nextAndDate(strings.TrimSpace(in.cmd.Name+" "+in.sub.Name), "", in.Args, in.Now, in.Committee.Location()); err != nil {
			return Date{}, badArgs(err)
		}
		if n == 0 {
			if err := relativeDay(dayWords(in.Args), in.Now, in.Committee.Location(), 0); err != nil {
				return Date{}, badArgs(err)
			}
			if err := misspeltDate(in.Args, in.Now, in.Committee.Location()); err != nil {
				return Date{}, err
			}
		}
		if err := shortYear(in.Args, n, d); err != nil {
			return Date{}, badArgs(err)
		}
		return Date{}, usageErr("`%s` takes only a date.", in.sub.Name)
	}
	return d, nil
}

// shortYear refuses a year not given in full after a day and a month ("1
// January 1"), which takeDate leaves unread: "takes only a date" would
// answer as if the sender had typed something besides a date. n is how
// many words the date d took.
func shortYear(words []string, n int, d Date) error {
	if d.IsNext() || n < 2 || len(words) != n+1 || !allDigits(words[n:]) || len(words[n]) == 4 {
		return nil
	}
	named := false
	for _, w := range words[:n] {
		w = strings.ToLower(strings.Trim(w, ",.:"))
		if len(w) == 4 && allDigits([]string{w}) {
			return nil // the year was given: what follows is something else
		}
		_, ok := months[w]
		named = named || ok
	}
	if !named {
		return nil
	}
	typed := strings.Join(words, " ")
	return fmt.Errorf("`%s` is not a date: give the year in full, e.g. `%s %d`", Escape(truncateText(typed, 40)), Escape(strings.Join(words[:n], " ")), d.Year)
}

// meetingOn is the meeting of the date that is all in takes ("/apologies
// list [DATE]").
func (s *Service) meetingOn(ctx context.Context, in *Input) (Meeting, error) {
	d, err := in.date()
	if err != nil {
		return Meeting{}, err
	}
	return s.meetingOf(ctx, in, d)
}

// saidNext reports whether args name the next meeting in words ("next"),
// which, unlike no date, does not mean the meeting in progress.
func saidNext(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool { return strings.EqualFold(a, "next") })
}

// saidNextFirst reports whether words start with "next", for a command
// whose date comes first and free text after it, where "next" may be a
// word of the text ("back next week").
func saidNextFirst(words []string) bool {
	return len(words) > 0 && strings.EqualFold(strings.TrimRight(words[0], ","), "next")
}

// meetingRead is meetingOn for what is read at the table (`/apologies
// list`, `/declare list`): without a date, the meeting in progress when
// there is one (see meetingAtTable), not the next.
func (s *Service) meetingRead(ctx context.Context, in *Input) (Meeting, error) {
	d, err := in.date()
	if err != nil {
		return Meeting{}, err
	}
	if saidNext(in.Args) {
		return s.meetingOf(ctx, in, d)
	}
	m, _, err := s.meetingAtTable(ctx, in.Committee, in.Next, in.Table, d, in.Now)
	return m, err
}

// openMeeting refuses meetings that are cancelled or already under way.
func openMeeting(c Committee, m Meeting, now time.Time) error {
	loc := c.Location()
	switch {
	case m.Status == MeetingCancelled:
		return userErr("The meeting on %s was cancelled.", formatDay(m.StartsAt, loc))
	case awaitingOpening(m, now, loc):
		// A member cannot open it, and without a date their command is
		// for it (inFront): the refusal says how to reach the meeting
		// after it, which they may well have meant.
		return userErr("The meeting on %s began at %s by the clock but has not been opened yet: the officer or the chair opens it with `/meeting start`. Until then, `next` where a date goes is for the meeting after it, as in `/declare next 5 …`.",
			formatDay(m.StartsAt, loc), m.StartsAt.In(loc).Format("15:04"))
	case !m.StartsAt.After(now):
		return userErr("The meeting on %s has already taken place.", formatDay(m.StartsAt, loc))
	}
	return nil
}

// awaitingOpening reports whether m, still scheduled, began by the clock
// earlier today, less than the 12 hours a meeting runs for (dayMeeting):
// the chair may be late, and until someone opens it with `/meeting start`
// it has not taken place. The caller has found it not opened (its
// sittings); opened, it is under way, and refused as such first. The
// statements that read and write in one round trip repeat this rule in
// SQL (storage's waiting), only to decline while a meeting waits and
// leave the request to inFront: the two must say the same.
func awaitingOpening(m Meeting, now time.Time, loc *time.Location) bool {
	return m.Status == MeetingScheduled && !m.StartsAt.After(now) && now.Sub(m.StartsAt) < 12*time.Hour &&
		DateOf(m.StartsAt, loc) == DateOf(now, loc)
}

// openForApologies is openMeeting for apologies, which a meeting takes
// until it is opened rather than until its advertised start: a member
// stuck in traffic at five past, the chair not yet there, is still
// absent with apologies, and the minutes record them as such. Once it is
// opened they are taken with the attendance (the caller refuses that
// first, notUnderWayOr).
func openForApologies(c Committee, m Meeting, now time.Time) error {
	if awaitingOpening(m, now, c.Location()) {
		return nil
	}
	return openMeeting(c, m, now)
}

// describeMeeting is "Thursday 10 December 2026, 10:00, Remote Meeting".
func describeMeeting(m Meeting, loc *time.Location) string {
	s := meetingWhen(m, loc)
	if m.Venue != "" {
		s += ", " + Escape(m.Venue)
	}
	return s
}

// originElsewhere is the origin of r sent where the channel is not a
// committee's (a direct message, or a channel of no committee): the
// committee is the sender's, if they belong to one; the one they chose
// with a button (r.committeeID), if they belong to several, whom dispatch
// otherwise asks which; and there is none for someone who belongs to none.
// The choice is checked against the sender's memberships as they stand
// when it is used, so a button's value, which the sender could change,
// reaches no committee they are not a member of.
func (s *Service) originElsewhere(ctx context.Context, r Request) (Origin, error) {
	ms, err := s.store.Memberships(ctx, r.TeamID, r.UserID)
	if err != nil {
		return Origin{}, err
	}
	if o, ok, err := s.hereElsewhere(ctx, r, ms); err != nil || ok {
		return o, err
	}
	var m *Membership
	switch {
	case r.committeeID != 0:
		for i := range ms {
			if ms[i].Committee.ID == r.committeeID {
				m = &ms[i]
			}
		}
		if m == nil {
			// Someone named as substitute at a meeting in progress of a
			// committee they are not on, asked which meeting `/here` is
			// for (hereNow), chose that committee's.
			if c, err := s.store.CommitteeByID(ctx, r.committeeID); err == nil && c.TeamID == r.TeamID {
				if _, ok, err := s.substituteSitting(ctx, c, r.UserID); err != nil {
					return Origin{}, err
				} else if ok {
					if v, ok := ctx.Value(visitKey{}).(*visit); ok {
						v.away, v.committee = true, c
					}
					return Origin{Committee: c}, nil
				}
			} else if !errors.Is(err, ErrNotFound) && err != nil {
				return Origin{}, err
			}
			// The button's value may name a committee the sender never
			// belonged to, changed on its way.
			was, err := s.store.WasMember(ctx, r.committeeID, r.UserID)
			if err != nil {
				return Origin{}, err
			}
			if !was {
				return Origin{}, userErr("You are not a member of that committee; run the command again.")
			}
			return Origin{}, userErr("You are not a member of that committee any more; run the command again.")
		}
	case len(ms) == 0:
		return Origin{}, noCommittee(r.UserID)
	case len(ms) == 1:
		m = &ms[0]
	default:
		return Origin{}, askCommittee(ctx, r, ms)
	}
	o := Origin{Committee: m.Committee, Member: &m.Member}
	next, err := s.store.NextMeeting(ctx, m.Committee.ID, r.Now)
	switch {
	case err == nil:
		o.Next = &next
	case !errors.Is(err, ErrNotFound):
		return Origin{}, err
	}
	if v, ok := ctx.Value(visitKey{}).(*visit); ok {
		v.away, v.committee = true, m.Committee
	}
	return o, nil
}

// maxChoices is the most committees offered as buttons; Slack shows 25
// in a message, and more would not be read.
const maxChoices = 20

// maxButtonValue is Slack's limit on a button's value.
const maxButtonValue = 2000

// askCommittee is the question put to a member of several committees who
// sent r where the channel is none of theirs: which committee it is for.
// Each button runs r's command again for one of them (runChosen); its
// value is the committee's ID and r's text. What cannot be offered as
// buttons — a press of a button or a form, which has no command to run
// again, a text too long for a button, too many committees — is answered
// with their channels.
func askCommittee(ctx context.Context, r Request, ms []Membership) error {
	if v, _ := ctx.Value(visitKey{}).(*visit); v != nil && v.command {
		cs := make([]Committee, len(ms))
		for i, m := range ms {
			cs[i] = m.Committee
		}
		if q := whichOf(r, "You are a member of several committees, and this channel is not one of theirs.", "committee", cs); q != nil {
			return q
		}
	}
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = Escape(m.Committee.Name)
		if m.Committee.ChannelID != "" {
			names[i] += " (<#" + m.Committee.ChannelID + ">)"
		}
	}
	return userErr("This channel is not a committee's, and you are a member of %s: use this in the committee's channel.", joinAnd(names))
}

// whichOf asks which of cs r, a command typed where the channel is no
// committee's, is for, after head: a button each runs it again for one
// (runChosen). nil when the buttons would not fit: too many, or the text
// too long for a button's value.
func whichOf(r Request, head, what string, cs []Committee) *question {
	if len(cs) > maxChoices || len(r.Text)+40 > maxButtonValue {
		return nil
	}
	reply := private("%s Which %s is `%s` for?", head, what, Escape(truncateText(strings.TrimSpace(r.Command+" "+Unescape(r.Text)), 100)))
	for _, c := range cs {
		reply.Buttons = append(reply.Buttons, Button{Label: c.Name, Action: chooseAction(r.Command), Value: strconv.FormatInt(c.ID, 10) + " " + r.Text})
	}
	return &question{reply: reply}
}

// chooseAction names the button that runs command for a committee chosen
// by askCommittee: "apologies.committee" for "/apologies". It is the
// command's own, so that a failure says what the command did not save.
func chooseAction(command string) string {
	return strings.TrimPrefix(command, "/") + ".committee"
}

// runChosen is the action of askCommittee's buttons: cmd with the text
// the value carries, for the committee it names. Dispatch admits the
// presser again, as for the command itself.
func runChosen(cmd *Command) Action {
	return func(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
		idText, text, _ := strings.Cut(value, " ")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || id <= 0 || utf8.RuneCountInString(text) > MaxTextLen {
			return Reply{}, userErr("That button is broken; run %s again.", cmd.Name)
		}
		r.Command, r.Text, r.committeeID = cmd.Name, text, id
		return s.Run(ctx, r)
	}
}

// question is dispatch's answer when it must ask before running a
// command; settle gives its reply.
type question struct{ reply Reply }

func (q *question) Error() string { return "a question: " + q.reply.Text }

// visit is what admitting the sender of one request found that changes
// how its reply is shown.
type visit struct {
	command   bool      // a slash command, which askCommittee's buttons can run again
	away      bool      // its committee is the sender's, not the channel's
	committee Committee // the sender's, when away
}

type visitKey struct{}

// visiting starts the visit of one request.
func visiting(ctx context.Context, command bool) (context.Context, *visit) {
	v := &visit{command: command}
	return context.WithValue(ctx, visitKey{}, v), v
}

// formAway marks the visit of r, a form's submission for c, as away from
// c's channel when the form was opened elsewhere (a direct message, where
// a member of several committees chose c), as originElsewhere does for a
// command: the form carries its committee, so its handler finds it without
// going the long way, and the reply would not say which committee it was
// for. A form opened from the Home tab has no channel, and its outcome
// shows on the Home.
func formAway(ctx context.Context, r Request, c Committee) {
	if r.ChannelID == "" || r.ChannelID == c.ChannelID {
		return
	}
	if v, ok := ctx.Value(visitKey{}).(*visit); ok {
		v.away, v.committee = true, c
	}
}

// private keeps a reply meant for the channel to the sender when the
// request was sent away from the committee's channel: a direct message
// with someone, or another group's channel, is no place to post a
// committee's business. The sender can post it from the committee's
// channel.
func (v *visit) private(r Reply) Reply {
	if !v.away {
		return r
	}
	if r.Visibility != Public {
		return v.named(r)
	}
	r.Visibility = Private
	note := "Only you can see this: it was not sent in the committee's channel."
	if v.committee.ChannelID != "" {
		note = "Only you can see this: it was not sent in <#" + v.committee.ChannelID + ">, the channel of " + Escape(v.committee.Name) + "."
	}
	r.Footer = strings.TrimSpace(r.Footer + "\n" + note)
	return r
}

// named adds the committee's name to a private reply away from its
// channel that does not give it ("You are marked present.", "Registered
// #1: …"): typed in a direct message, it was carried out for the
// sender's committee, or the one they chose, and someone on two
// committees meeting the same day, or keeping a register in each, must
// be able to tell which.
func (v *visit) named(r Reply) Reply {
	if r.Form != nil || r.Text == "" && r.Header == "" && len(r.Sections) == 0 {
		return r
	}
	all := r.Header + "\n" + r.Text + "\n" + r.Footer
	for _, s := range r.Sections {
		all += "\n" + s.Title + "\n" + s.Text
	}
	if strings.Contains(all, v.committee.Name) || strings.Contains(all, Escape(v.committee.Name)) {
		return r
	}
	note := "Committee: *" + Escape(v.committee.Name) + "*"
	if v.committee.ChannelID != "" {
		note += " (<#" + v.committee.ChannelID + ">)"
	}
	r.Footer = strings.TrimSpace(r.Footer + "\n" + note + ".")
	return r
}

// typedLines is words, the last words of what was typed, with the line
// breaks they were typed with: a minute's narrative is typed in
// paragraphs, and lists of a line each, which the minutes print so. Spaces
// within a line, and blank lines after the first, are one; words that are
// not the end of what was typed are joined with spaces, as plainMarked
// joins them.
func (in *Input) typedLines(words []string) []string {
	all := strings.Fields(in.Text)
	if len(words) == 0 || len(words) > len(all) || !slices.Equal(all[len(all)-len(words):], words) {
		return words
	}
	rest := in.Text
	for range len(all) - len(words) {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		rest = rest[strings.IndexFunc(rest, unicode.IsSpace):]
	}
	var lines []string
	blank := false
	for _, l := range strings.Split(strings.TrimSpace(rest), "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" && blank {
			continue
		}
		blank = l == ""
		lines = append(lines, l)
	}
	return []string{strings.Join(lines, "\n")}
}
