package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

func apologiesCommand() *Command {
	return &Command{
		Name:    "/apologies",
		Summary: "Send apologies for absence from a meeting, with a reason and a substitute.",
		Saves:   "your apology",
		Subs: []Sub{{
			Usage:   []string{"/apologies [DATE] [REASON] [sub @someone]"},
			Summary: "Send apologies for the next meeting, or the one on DATE; sending again updates them.",
			Examples: []string{
				"/apologies Unwell",
				"/apologies 10/12/2026 Attending court sub @graeme",
			},
			Who: Members, SelfAdmit: true, Run: sendApologyCmd,
		}, {
			Name:     "withdraw",
			Usage:    []string{"/apologies withdraw [DATE]"},
			Summary:  "Withdraw your apologies: you are expected after all.",
			Examples: []string{"/apologies withdraw"},
			Who:      Members, Run: withdrawApologyCmd,
		}, {
			Name:    "list",
			Usage:   []string{"/apologies list [DATE]"},
			Summary: "The apologies received, as the minutes word them; officers also see the reasons.",
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

// apologyArgs is a parsed "/apologies [DATE] [REASON] [sub @someone]".
type apologyArgs struct {
	Date           Date
	Reason         string
	SubstituteID   string
	SubstituteName string
}

// parseApology reads the text of "/apologies [DATE] [REASON] [sub @someone]".
func parseApology(args []string, now time.Time, loc *time.Location) (apologyArgs, error) {
	var a apologyArgs
	d, n, err := takeDate(args, now, loc)
	if err != nil {
		return a, err
	}
	a.Date = d
	rest := args[n:]
	for i, w := range rest {
		lw := strings.ToLower(strings.TrimRight(w, ":"))
		if lw != "sub" && lw != "substitute" || i == len(rest)-1 {
			continue
		}
		who := rest[i+1:]
		if id, hint, ok := mention(who[0]); ok && len(who) == 1 {
			a.SubstituteID, a.SubstituteName = id, hint
			rest = rest[:i]
			break
		}
		if strings.HasPrefix(who[0], "@") && len(who) == 1 {
			return a, fmt.Errorf("I could not find %s: type @ and pick the person, so that Slack links the name", who[0])
		}
		if looksLikeName(who) {
			a.SubstituteName = plain(who)
			rest = rest[:i]
			break
		}
	}
	a.Reason = plain(rest)
	if len(a.Reason) > MaxReasonLen {
		return a, fmt.Errorf("that reason is too long (%d characters; the limit is %d)", len(a.Reason), MaxReasonLen)
	}
	if len(a.SubstituteName) > MaxNameLen {
		return a, fmt.Errorf("that substitute's name is too long")
	}
	return a, nil
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

// sendApologyCmd is `/apologies [DATE] [REASON] [sub @someone]`. An
// apology for the next meeting, nearly every one, is one statement that
// also finds the committee, checks that the sender is a member and picks
// the meeting (SendApologyFrom): one round trip to the records. One for a
// DATE needs the committee's time zone to read the date, and a mistake
// must be reported after "you are not a member", as for every command:
// those go the long way, through sendApologyOn.
func sendApologyCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	// Whether the text starts with a date does not depend on the time
	// zone; only which day a relative one names does.
	a, err := parseApology(in.Args, in.Now, time.UTC)
	if err != nil || !a.Date.IsNext() || a.SubstituteID == in.UserID {
		return s.sendApologyOn(ctx, in)
	}
	if a.SubstituteID != "" {
		a.SubstituteName = s.displayName(ctx, a.SubstituteID, a.SubstituteName)
	}
	o, outcome, err := s.store.SendApologyFrom(ctx, ApologyRequest{
		TeamID: in.TeamID, ChannelID: in.ChannelID, UserID: in.UserID, At: in.Now,
		Reason: a.Reason, SubstituteID: a.SubstituteID, SubstituteName: a.SubstituteName,
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{}, errNoCommittee
	case err != nil:
		return Reply{}, err
	case o.Member == nil:
		return Reply{}, notMember(o.Committee)
	case o.Next == nil:
		return Reply{}, noMeeting(o.Committee)
	case outcome == "":
		// The next meeting is scheduled and to come by definition; say
		// what the statement would not write rather than guess.
		if err := openMeeting(o.Committee, *o.Next, in.Now); err != nil {
			return Reply{}, err
		}
		return Reply{}, errors.New("apology not written for an open meeting")
	}
	return s.apologyReply(ctx, o.Committee, *o.Next, in.Request, a, outcome), nil
}

// sendApologyOn is sendApologyCmd the long way: the sender admitted as
// dispatch admits them, the date read in the committee's time zone.
func (s *Service) sendApologyOn(ctx context.Context, in *Input) (Reply, error) {
	if err := s.admitInput(ctx, in); err != nil {
		return Reply{}, err
	}
	a, err := parseApology(in.Args, in.Now, in.Committee.Location())
	if err != nil {
		return Reply{}, badArgs(err)
	}
	m, err := s.meetingOf(ctx, in, a.Date)
	if err != nil {
		return Reply{}, err
	}
	return s.sendApology(ctx, in.Committee, in.Me, m, in.Request, a, false)
}

// sendApology records r's sender's apologies for meeting m of c, as
// `/apologies`, the apology form and the Home's Send button do, and says
// what changed. With keep, apologies already standing are left as they
// are: the Home's button sends them without a reason, and pressing it
// must not wipe out a reason given before.
func (s *Service) sendApology(ctx context.Context, c Committee, me Member, m Meeting, r Request, a apologyArgs, keep bool) (Reply, error) {
	if err := openMeeting(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	if a.SubstituteID == r.UserID {
		return Reply{}, userErr("You cannot be your own substitute.")
	}
	if a.SubstituteID != "" {
		a.SubstituteName = s.displayName(ctx, a.SubstituteID, a.SubstituteName)
	}
	var outcome ApologyOutcome
	if keep {
		standing, err := s.store.MemberApologies(ctx, r.UserID, []int64{m.ID})
		if err != nil {
			return Reply{}, err
		}
		if len(standing) > 0 {
			outcome = ApologyUnchanged
			a.Reason, a.SubstituteID, a.SubstituteName = standing[0].Reason, standing[0].SubstituteID, standing[0].SubstituteName
		}
	}
	if outcome == "" {
		var err error
		outcome, err = s.store.SendApology(ctx, Apology{
			MeetingID: m.ID, UserID: r.UserID, Name: me.Name, Organisation: me.Organisation,
			Reason: a.Reason, SubstituteID: a.SubstituteID, SubstituteName: a.SubstituteName, By: r.UserID,
		})
		if err != nil {
			return Reply{}, err
		}
	}
	return s.apologyReply(ctx, c, m, r, a, outcome), nil
}

// apologyReply says what sending apologies a for meeting m of c did.
func (s *Service) apologyReply(ctx context.Context, c Committee, m Meeting, r Request, a apologyArgs, outcome ApologyOutcome) Reply {
	loc := c.Location()
	var b strings.Builder
	switch outcome {
	case ApologyUnchanged:
		fmt.Fprintf(&b, "You had already sent these apologies for the meeting of *%s* on %s; nothing changed.", Escape(c.Name), describeMeeting(m, loc))
	case ApologyChanged:
		fmt.Fprintf(&b, "Your apologies for the meeting of *%s* on %s are updated.", Escape(c.Name), describeMeeting(m, loc))
	default:
		fmt.Fprintf(&b, "Your apologies for the meeting of *%s* on %s are recorded.", Escape(c.Name), describeMeeting(m, loc))
	}
	if a.Reason != "" {
		fmt.Fprintf(&b, "\nReason: %s", Escape(a.Reason))
	}
	if a.SubstituteID != "" {
		fmt.Fprintf(&b, "\nSubstitute: <@%s>", a.SubstituteID)
	} else if a.SubstituteName != "" {
		fmt.Fprintf(&b, "\nSubstitute: %s", Escape(a.SubstituteName))
	} else if outcome == ApologyChanged {
		b.WriteString("\nSubstitute: none (add `sub @someone` to name one)")
	}
	// The posted agenda and the Homes that count the apologies were marked
	// for an update by the statement that saved them.
	return Reply{
		Visibility: Private,
		Text:       b.String(),
		Buttons:    []Button{{Label: "Withdraw apologies", Action: "apologies.withdraw", Value: strconv.FormatInt(m.ID, 10), Style: "danger"}},
	}
}

func withdrawApologyCmd(ctx context.Context, s *Service, in *Input) (Reply, error) {
	m, err := s.meetingOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	return s.withdrawApology(ctx, in.Committee, m, in.Request)
}

// withdrawApology withdraws r's sender's apologies for meeting m of c, as
// `/apologies withdraw` and the Withdraw button do.
func (s *Service) withdrawApology(ctx context.Context, c Committee, m Meeting, r Request) (Reply, error) {
	if err := openMeeting(c, m, r.Now); err != nil {
		return Reply{}, err
	}
	err := s.store.WithdrawApology(ctx, m.ID, r.UserID, r.UserID)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, userErr("You have no apologies standing for the meeting on %s.", formatDay(m.StartsAt, c.Location()))
	}
	if err != nil {
		return Reply{}, err
	}
	reply := private("Your apologies for the meeting of *%s* on %s are withdrawn: you are expected to attend.", Escape(c.Name), describeMeeting(m, c.Location()))
	return reply, nil
}

func withdrawApologyAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	c, _, m, err := s.buttonMeeting(ctx, r, value, "That button is broken; use `/apologies withdraw`.")
	if err != nil {
		return Reply{}, err
	}
	return s.withdrawApology(ctx, c, m, r)
}

// sendNextApologyAction is the Home tab's "Send apologies" button: an
// apology without a reason for the meeting shown (the committee's next).
func sendNextApologyAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	c, me, m, err := s.buttonMeeting(ctx, r, value, "That button is broken; use `/apologies` in the committee's channel.")
	if err != nil {
		return Reply{}, err
	}
	return s.sendApology(ctx, c, me, m, r, apologyArgs{}, true)
}

func listApologies(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.meetingOn(ctx, in)
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
	}
	return reply, nil
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
		names[i] = Escape(a.Name)
		if a.Organisation != "" {
			names[i] += " (" + Escape(a.Organisation) + ")"
		}
	}
	return "Apologies for absence were received from " + joinAnd(names) + "."
}

// substitutesSentence names the substitutes: "Graeme Robson will attend as
// substitute for Neil Frackelton."
func substitutesSentence(as []Apology) string {
	var parts []string
	for _, a := range as {
		if a.SubstituteName != "" {
			parts = append(parts, Escape(a.SubstituteName)+" for "+Escape(a.Name))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Substitutes: " + joinAnd(parts) + "."
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
	if len(reason) > MaxReasonLen {
		return Reply{}, map[string]string{"reason": fmt.Sprintf("That reason is too long (%d characters; the limit is %d).", len(reason), MaxReasonLen)}, nil
	}
	c, me, m, err := s.buttonMeeting(ctx, r, sub.Metadata, "That form is out of date; use `/apologies` in the committee's channel.")
	var reply Reply
	if err == nil {
		reply, err = s.sendApology(ctx, c, me, m, r, apologyArgs{Reason: reason}, false)
	}
	var ue *UserError
	if errors.As(err, &ue) {
		return Reply{}, map[string]string{"reason": ue.Msg}, nil
	}
	return reply, nil, err
}
