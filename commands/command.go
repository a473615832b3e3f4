package commands

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
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
	UserID    string
	UserName  string // display name, as the transport knows it
	Now       time.Time
}

// Command is a declared slash command: its help is generated from these
// fields, so it is never written twice.
type Command struct {
	Name     string   // "/apologies"
	Summary  string   // one line
	Usage    []string // the forms, one a line
	Examples []string
	// Saves names what a failed write did not save, e.g. "your apology".
	Saves string
	// Reads lists the subcommands that change nothing ("list").
	Reads []string
	// IsRead, when set, decides instead of Reads whether a command's
	// arguments ask for something that changes nothing.
	IsRead func(args []string) bool
	Run    func(ctx context.Context, s *Service, r Request, args []string) (Reply, error)
}

// Action is what a button press or form submission runs.
type Action func(ctx context.Context, s *Service, r Request, value string) (Reply, error)

// Submission is what a person entered in a Form: the form's ID and
// metadata, and each field's values by field ID.
type Submission struct {
	Form     string
	Metadata string
	Values   map[string][]string
}

// Value is the first value of field id, trimmed.
func (sub Submission) Value(id string) string {
	if v := sub.Values[id]; len(v) > 0 {
		return strings.TrimSpace(v[0])
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
	actions  map[string]Action
	forms    map[string]FormHandler
	// publicURL is where the bot is reached, for links; see SetPublicURL.
	publicURL string
	officers  officerCache // see withOfficers
}

// New builds a Service with every command registered.
func New(store Store, users Directory) *Service {
	s := &Service{store: store, users: users, commands: map[string]*Command{}, actions: map[string]Action{}, forms: forms()}
	for _, c := range registry() {
		s.commands[c.Name] = c
	}
	for name, a := range actions() {
		s.actions[name] = a
	}
	return s
}

// registry lists every command. Each lives in the file of its noun.
func registry() []*Command {
	return []*Command{committeeCommand(), meetingCommand(), apologiesCommand(), agendaCommand(), declareCommand(), reportCommand(), resolutionCommand(), minutesCommand()}
}

// actions lists every button and form action by name.
func actions() map[string]Action {
	return map[string]Action{
		"apologies.withdraw":   withdrawApologyAction,
		"declare.withdraw":     withdrawDeclarationAction,
		"declare.dispensation": dispensationAction,
		"apologies.send_next":  sendNextApologyAction,
		"resolution.share":     shareResolutionAction,
		"resolution.show":      showMinuteAction,
	}
}

// forms lists every form's handler by form ID.
func forms() map[string]FormHandler {
	return map[string]FormHandler{
		"declare":           submitDeclaration,
		ApologyFormID:       submitApologyForm,
		importFormID:        submitImportForm,
		importMinutesFormID: submitImportMinutes,
	}
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

// Run runs the command r names. Mistakes the user can fix come back as a
// private Reply; a non-nil error means the request could not be carried out
// (see Failure).
func (s *Service) Run(ctx context.Context, r Request) (Reply, error) {
	cmd, ok := s.commands[r.Command]
	if !ok {
		return refused(s.unknown(r.Command)), nil
	}
	if len(r.Text) > MaxTextLen {
		return refused(private("That is too long for %s (%d characters; the limit is %d).", cmd.Name, len(r.Text), MaxTextLen)), nil
	}
	args := strings.Fields(r.Text)
	if len(args) > 0 && (strings.EqualFold(args[0], "help") || args[0] == "?") {
		return Help(cmd), nil
	}
	reply, err := cmd.Run(ctx, s, r, args)
	return settle(reply, err)
}

// Act runs the named button or form action.
func (s *Service) Act(ctx context.Context, r Request, action, value string) (Reply, error) {
	a, ok := s.actions[action]
	if !ok {
		return refused(private("That button no longer does anything; try the command again.")), nil
	}
	reply, err := a(ctx, s, r, value)
	return settle(reply, err)
}

// Submit hands a form's submission to its handler. A UserError from the
// handler is shown as the reply; field errors keep the form open.
func (s *Service) Submit(ctx context.Context, r Request, sub Submission) (Reply, map[string]string, error) {
	h, ok := s.forms[sub.Form]
	if !ok {
		return refused(private("That form is out of date; run the command again.")), nil, nil
	}
	reply, fieldErrs, err := h(ctx, s, r, sub)
	if len(fieldErrs) > 0 && err == nil {
		return Reply{}, fieldErrs, nil
	}
	reply, err = settle(reply, err)
	return reply, nil, err
}

// settle turns user mistakes into replies and passes other errors on.
func settle(reply Reply, err error) (Reply, error) {
	var ue *UserError
	if errors.As(err, &ue) {
		return errorReply(ue), nil
	}
	if err != nil {
		return Reply{}, err
	}
	return reply, nil
}

// Failure is the reply to r when Run or Act returned err; ref identifies the
// failure in the operator's logs.
func (s *Service) Failure(r Request, err error, ref string) Reply {
	what := ""
	if r.Command == "" {
		what = "your change" // a button or form
	}
	if cmd, ok := s.commands[r.Command]; ok {
		what = cmd.Saves
		if cmd.IsRead != nil {
			if cmd.IsRead(strings.Fields(r.Text)) {
				what = ""
			}
		} else if args := strings.Fields(r.Text); len(args) > 0 {
			for _, read := range cmd.Reads {
				if strings.EqualFold(args[0], read) {
					what = ""
				}
			}
		}
	}
	return FailureReply(err, what, ref)
}

func errorReply(e *UserError) Reply {
	var b strings.Builder
	b.WriteString(e.Msg)
	if len(e.Usage) > 0 {
		b.WriteString("\nUsage:")
		for _, u := range e.Usage {
			b.WriteString("\n• `" + u + "`")
		}
	}
	return Reply{Visibility: Private, Text: b.String(), Refused: true}
}

func refused(r Reply) Reply {
	r.Refused = true
	return r
}

// Help is the generated help for cmd.
func Help(cmd *Command) Reply {
	var b strings.Builder
	fmt.Fprintf(&b, "*%s* — %s\n", cmd.Name, cmd.Summary)
	for _, u := range cmd.Usage {
		b.WriteString("• `" + u + "`\n")
	}
	if len(cmd.Examples) > 0 {
		b.WriteString("Examples:\n")
		for _, e := range cmd.Examples {
			b.WriteString("• `" + e + "`\n")
		}
	}
	for _, u := range cmd.Usage {
		if strings.Contains(u, "DATE") {
			b.WriteString(dateHelp)
			break
		}
	}
	return Reply{Visibility: Private, Text: strings.TrimRight(b.String(), "\n")}
}

const dateHelp = "DATE is `next` (the default), 2026-12-10, 10/12/2026 (day first) or 10 December 2026."

func (s *Service) unknown(name string) Reply {
	names := make([]string, 0, len(s.commands))
	for _, c := range s.Commands() {
		names = append(names, "`"+c.Name+"`")
	}
	return private("I don't know the command %s. I know %s; each answers `help`.", Escape(name), joinAnd(names))
}

// committee is the committee whose channel r came from.
func (s *Service) committee(ctx context.Context, r Request) (Committee, error) {
	c, err := s.store.CommitteeByChannel(ctx, r.TeamID, r.ChannelID)
	if errors.Is(err, ErrNotFound) {
		return Committee{}, errNoCommittee
	}
	return c, err
}

// member is r's sender as a member of c.
func (s *Service) member(ctx context.Context, c Committee, r Request) (Member, error) {
	m, err := s.store.Member(ctx, c.ID, r.UserID)
	if errors.Is(err, ErrNotFound) {
		return Member{}, notMember(c)
	}
	return m, err
}

// origin is where r was sent from: committee, member and next meeting, in
// one read. A channel with no committee is refused.
func (s *Service) origin(ctx context.Context, r Request) (Origin, error) {
	o, err := s.store.Origin(ctx, r.TeamID, r.ChannelID, r.UserID, r.Now)
	if errors.Is(err, ErrNotFound) {
		return Origin{}, errNoCommittee
	}
	return o, err
}

// meetingOf is meetingFor, taking the next meeting from o when d asks for
// it rather than reading it again.
func (s *Service) meetingOf(ctx context.Context, o Origin, d Date, now time.Time) (Meeting, error) {
	if d.IsNext() && o.Next != nil {
		return *o.Next, nil
	}
	return s.meetingFor(ctx, o.Committee, d, now)
}

// committeeMember is committee and member at once, for the busiest
// commands: one query instead of two. The member is nil when r's sender is
// not one.
func (s *Service) committeeMember(ctx context.Context, r Request) (Committee, *Member, error) {
	c, m, err := s.store.CommitteeMember(ctx, r.TeamID, r.ChannelID, r.UserID)
	if errors.Is(err, ErrNotFound) {
		return Committee{}, nil, errNoCommittee
	}
	return c, m, err
}

var errNoCommittee = &UserError{Msg: "This channel does not belong to a committee. An officer can set one up here with `/committee setup NAME`."}

func notMember(c Committee) error {
	return userErr("You are not a member of %s. Ask its officer to add you: `/committee member add @you ORGANISATION`.", Escape(c.Name))
}

// officer is r's sender as an officer of c; anyone else is refused.
func (s *Service) officer(ctx context.Context, c Committee, r Request, doing string) (Member, error) {
	m, err := s.member(ctx, c, r)
	if err != nil {
		return Member{}, err
	}
	if !m.IsOfficer() {
		return Member{}, userErr("Only an officer of %s can %s.", Escape(c.Name), doing)
	}
	return m, nil
}

// displayName is the best name the directory knows for userID.
func (s *Service) displayName(ctx context.Context, userID, fallback string) string {
	if s.users != nil {
		if name, err := s.users.DisplayName(ctx, userID); err == nil && name != "" {
			return name
		}
	}
	if fallback != "" {
		return fallback
	}
	return userID
}

// plain is free text from a command as the person typed it: the entities
// Slack sends (see Request.Text) are undone. It is escaped again wherever
// it is shown.
func plain(words []string) string { return Unescape(strings.Join(words, " ")) }

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

// mention reads a Slack user mention, "<@U123>" or "<@U123|name>".
func mention(w string) (userID, name string, ok bool) {
	if !strings.HasPrefix(w, "<@") || !strings.HasSuffix(w, ">") {
		return "", "", false
	}
	inner := w[2 : len(w)-1]
	userID, name, _ = strings.Cut(inner, "|")
	if userID == "" || strings.ContainsAny(userID, " <>@") {
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
			return Meeting{}, userErr("No meeting of %s is scheduled. An officer can schedule one with `/meeting schedule DATE TIME [VENUE]`.", Escape(c.Name))
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
		return Meeting{}, userErr("%s has no meeting on %s. `/meeting list` shows the meetings scheduled.", Escape(c.Name), d)
	}
	for _, m := range ms {
		if m.Status != MeetingCancelled {
			return m, nil
		}
	}
	return ms[0], nil
}

// openForApologies refuses meetings that are cancelled or already under way.
func openMeeting(c Committee, m Meeting, now time.Time) error {
	loc := c.Location()
	switch {
	case m.Status == MeetingCancelled:
		return userErr("The meeting on %s was cancelled.", formatDay(m.StartsAt, loc))
	case !m.StartsAt.After(now):
		return userErr("The meeting on %s has already taken place.", formatDay(m.StartsAt, loc))
	}
	return nil
}

// describeMeeting is "Thursday 10 December 2026, 10:00, Remote Meeting".
func describeMeeting(m Meeting, loc *time.Location) string {
	s := formatWhen(m.StartsAt, loc)
	if m.Venue != "" {
		s += ", " + Escape(m.Venue)
	}
	return s
}
