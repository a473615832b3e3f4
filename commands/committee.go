package commands

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func committeeCommand() *Command {
	return &Command{
		Name:    "/committee",
		Summary: "Set up this channel's committee and manage its members.",
		Saves:   "the change",
		Subs: append([]Sub{{
			Name:     "setup",
			Usage:    []string{"/committee setup NAME"},
			Summary:  "Make this channel the committee's, with you as its first officer.",
			Examples: []string{"/committee setup Safer Sefton Together"},
			Who:      NoCommittee, Run: setupCommittee,
		}, {
			Name:    "members",
			Usage:   []string{"/committee members"},
			Summary: "The committee's members, with their organisations and roles.",
			Read:    true, Run: listMembers,
		}, {
			Name:    "member add",
			Usage:   []string{"/committee member add @user ORGANISATION [member|officer|chair|vice-chair]"},
			Summary: "Add a member, or change their organisation or role; added again with no role named, they keep the one they have. The role may come first, as it is spoken (`chair Sefton Council`). A new chair or vice-chair in place of another asks you to confirm.",
			Examples: []string{
				"/committee member add @neil SWACA",
				"/committee member add @trish Sefton Council chair",
				"/committee member add @graeme Merseyside Police vice-chair",
			},
			Who: Officers, Doing: "add members", Run: addMember,
		}, {
			Name:    "member remove",
			Usage:   []string{"/committee member remove @user"},
			Summary: "Remove a member, who is told by direct message; the last officer stays.",
			Who:     Officers, Doing: "remove members", Run: removeMember,
		}}, yearStartSubs()...),
		Buttons: map[string]Action{confirmRoleAction: confirmRole},
		Guess:   guessCommittee,
	}
}

// guessCommittee answers `/committee role …`: a role is given, as an
// organisation is, by adding the member again, which a word of its own
// would not tell.
func guessCommittee(args []string) string {
	if strings.EqualFold(args[0], "role") {
		return "I don't know `role`: a member's role is set with `/committee member add @user ORGANISATION ROLE`, their organisation given again, e.g. `/committee member add @trish Sefton Council chair`."
	}
	return ""
}

// MaxNameLen bounds committee, member and organisation names.
const MaxNameLen = 200

func setupCommittee(ctx context.Context, s *Service, in *Input) (Reply, error) {
	r := in.Request
	name := unwrapEmphasis(NormalizeName(plainShown(in.Args)))
	if name == "" {
		return Reply{}, usageErr("Give the committee's name.")
	}
	if utf8.RuneCountInString(name) > MaxNameLen {
		return Reply{}, userErr("That name is too long (the limit is %d characters).", MaxNameLen)
	}
	// A direct message made a committee's channel could not take its
	// agendas, and whoever else is in it would find what they type there
	// taken for that committee.
	if r.DirectMessage {
		return Reply{}, userErr("A committee needs a channel of its own, not a direct message: create one (or choose one) for it, invite Quorum, and type `/committee setup %s` there.", inCode(Escape(name)))
	}
	if existing, err := s.store.CommitteeByChannel(ctx, r.TeamID, r.ChannelID); err == nil {
		return Reply{}, userErr("This channel already belongs to %s.", Escape(existing.Name))
	} else if !errors.Is(err, ErrNotFound) {
		return Reply{}, err
	}
	officer := Member{UserID: r.UserID, Name: s.displayName(ctx, r.UserID, r.UserName), Role: RoleOfficer, At: r.Now}
	c, err := s.store.CreateCommittee(ctx, Committee{
		Name: name, TeamID: r.TeamID, ChannelID: r.ChannelID, TimeZone: DefaultTimeZone,
		StandardItems: true, ReminderDays: slices.Clone(SetupReminderDays), ReminderTime: "09:00",
	}, officer)
	var taken *ChannelTaken
	if errors.As(err, &taken) {
		return Reply{}, userErr("This channel already belongs to %s, set up in another Slack workspace that shares the channel. A committee needs a channel of its own: set this one up in another channel.", Escape(taken.Name))
	}
	var alike *LookAlike
	if errors.As(err, &alike) {
		return Reply{}, userErr("That name reads the same as *%s*, another committee's, though some of its letters differ (accents, look-alike letters from another alphabet, or invisible characters). Choose a name that reads differently.", Escape(alike.Name))
	}
	if errors.Is(err, ErrConflict) {
		// Named as it is, and where, rather than as typed: the officer
		// may have meant to go to its channel.
		where := "."
		if known, err := s.store.CommitteeByName(ctx, name); err == nil {
			name = known.Name
			if known.TeamID == r.TeamID && known.ChannelID != "" {
				where = fmt.Sprintf(": <#%s>.", known.ChannelID)
			}
		}
		return Reply{}, userErr("A committee called %s already has another channel%s", Escape(name), where)
	}
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf(
		"This channel is now the channel of *%s*, and <@%s> is its officer.\nNext: add members with `/committee member add @user ORGANISATION` and schedule a meeting with `/meeting schedule DATE TIME [VENUE]`.",
		Escape(c.Name), r.UserID)
	if scripts := MixedScripts(c.Name); scripts != nil {
		text += fmt.Sprintf("\n:warning: The name mixes letters of %s, which can look alike; check that it reads as meant.", strings.Join(scripts, " and "))
	}
	return Reply{Visibility: Public, Text: text}, nil
}

// unwrapEmphasis is name without the bold, italic or strike marks of
// Slack's formatting around the whole of it ("*Bootle Area
// Partnership*"): typed to set the name off, they would stand in it for
// good, and show it bold, or as asterisks where it is plain text.
func unwrapEmphasis(name string) string {
	for len(name) > 2 {
		first, last := name[0], name[len(name)-1]
		if first != last || !strings.ContainsRune("*_~", rune(first)) {
			break
		}
		name = strings.TrimSpace(name[1 : len(name)-1])
	}
	return name
}

func listMembers(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	ms, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "• %s", Escape(m.Name))
		if m.Organisation != "" {
			fmt.Fprintf(&b, " — %s", Escape(m.Organisation))
		}
		if m.Role != RoleMember {
			fmt.Fprintf(&b, " (%s)", m.Role)
		}
		b.WriteString("\n")
	}
	return Reply{Visibility: Private, Text: fmt.Sprintf("*%s* has %d %s:\n%s", Escape(c.Name), len(ms), plural(len(ms), "member", "members"), strings.TrimRight(b.String(), "\n"))}, nil
}

func addMember(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r := in.Committee, in.Request
	userID, hint, org, role, err := parseMemberAdd(in.Args)
	if err != nil {
		return Reply{}, err
	}
	was, err := s.store.Member(ctx, c.ID, userID)
	switch {
	case errors.Is(err, ErrNotFound):
		was = Member{}
	case err != nil:
		return Reply{}, err
	}
	if role == "" {
		// Added again with no role named, someone keeps the one they
		// have: an officer changing only an organisation does not mean
		// to unseat the chair.
		role = RoleMember
		if was.UserID != "" {
			role = was.Role
		}
	}
	name, err := s.memberName(ctx, userID, hint)
	if err != nil {
		return Reply{}, err
	}
	m := Member{CommitteeID: c.ID, UserID: userID, Name: name, Organisation: org, Role: role, Voting: in.voting, At: r.Now}
	if (was.Role == RoleChair || was.Role == RoleViceChair) && role != was.Role {
		// Taking the chair's role away leaves the committee without
		// one, as handing it to someone else does not: asked first, as
		// that is. The vice-chair made chair while another holds the
		// chair is asked about both at once: asked only whether to give
		// up the vice-chair, the officer would confirm and be asked
		// again about the chair.
		holder, err := s.roleHolder(ctx, c, role, userID)
		if err != nil {
			return Reply{}, err
		}
		if holder.UserID != "" {
			return confirmRoleReply(c, m, holder, was.Role, true), nil
		}
		return confirmRoleReply(c, m, was, "", true), nil
	}
	return s.putMember(ctx, c, m, "", r.UserID)
}

// roleHolder is the member of c other than userID who holds role, chair
// or vice-chair; the zero Member when no one does, or role is another.
func (s *Service) roleHolder(ctx context.Context, c Committee, role Role, userID string) (Member, error) {
	if role != RoleChair && role != RoleViceChair {
		return Member{}, nil
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return Member{}, err
	}
	for _, mem := range members {
		if mem.Role == role && mem.UserID != userID {
			return mem, nil
		}
	}
	return Member{}, nil
}

// memberName is the name a member is added under, as displayName gives
// it, save that when Slack cannot be asked for it just now (a timeout, a
// rate limit, or Slack refusing the bot) and the mention carries no name,
// the member is not added: kept, their Slack ID would stand for their name
// in the minutes and every list until they were added again. Someone Slack does not know is
// added under their ID, as before.
func (s *Service) memberName(ctx context.Context, userID, hint string) (string, error) {
	if s.users != nil && slackName(hint) == "" {
		name, err := s.users.DisplayName(ctx, userID)
		if re := (*RefusedError)(nil); errors.As(err, &re) {
			// "Try again" would have the officer try for ever.
			return "", userErr("Slack would not give <@%s>'s name: %s. They were not added and nothing was saved; add them once that is done.", userID, re.Advice)
		}
		if err != nil && !errors.Is(err, ErrNotFound) {
			return "", userErr("Slack did not give <@%s>'s name just now, and the minutes and lists name members by it, so they were not added. Try again in a moment.", userID)
		}
		if err == nil && slackName(name) != "" {
			return slackName(name), nil
		}
	}
	return s.displayName(ctx, userID, hint), nil
}

// putMember adds m or changes them, as /committee member add and its
// Confirm button do. from is the chair or vice-chair m replaces, as the
// officer confirmed; when someone holds m's role and from is not them,
// nothing changes and the reply asks to confirm the change.
func (s *Service) putMember(ctx context.Context, c Committee, m Member, from, by string) (Reply, error) {
	// What they were before, to say what changed. It is read apart from
	// the write, so two changes at once may both say they changed the
	// same thing; the audit log holds each change as written.
	was, err := s.store.Member(ctx, c.ID, m.UserID)
	switch {
	case errors.Is(err, ErrNotFound):
		was = Member{}
	case err != nil:
		return Reply{}, err
	}
	// Whether from still holds the role, read apart from the write as was
	// is: a Confirm pressed again, or after from left the committee, hands
	// nothing over, and the answer says so.
	handedOver := false
	if from != "" {
		holder, err := s.store.Member(ctx, c.ID, from)
		switch {
		case err == nil:
			handedOver = holder.Role == m.Role
		case !errors.Is(err, ErrNotFound):
			return Reply{}, err
		}
	}
	wasNonVoting := false
	if was.UserID != "" {
		nv, err := s.store.NonVoting(ctx, c.ID)
		if err != nil {
			return Reply{}, err
		}
		wasNonVoting = slices.Contains(nv, m.UserID)
	}
	// Told of a role that lets them act for others, which they would
	// otherwise learn of only by the commands it opens to them; the store
	// queues it only if the change gives them the role. Told too of such
	// a role taken from them, as is the chair or vice-chair m replaces:
	// they would otherwise find out when a command was refused.
	var told, fromTold *OutboxMessage
	byReq := Request{UserID: by, Now: m.At}
	if powers := rolePowers(m.Role); powers != "" {
		told = toldOf(c, m, byReq, fmt.Sprintf("made you %s of *%s*. %s", article(m.Role), Escape(c.Name), powers))
	} else if was.UserID != "" && rolePowers(was.Role) != "" {
		told = toldOf(c, m, byReq, fmt.Sprintf("made you a member of *%s*: you are no longer %s. What you entered for others stays on record.", Escape(c.Name), article(was.Role)))
	}
	if from != "" {
		did := fmt.Sprintf("made <@%s> %s", m.UserID, article(m.Role))
		if m.UserID == by {
			did = "took " + article(m.Role)
		}
		fromTold = toldOf(c, Member{UserID: from}, byReq, fmt.Sprintf("%s of *%s* in your place: you are a member now. What you entered for others stays on record.", did, Escape(c.Name)))
	}
	created, err := s.store.GiveRole(ctx, m, from, by, told, fromTold)
	var taken *RoleTaken
	switch {
	case errors.As(err, &taken):
		return confirmRoleReply(c, m, taken.Holder, was.Role, was.UserID != ""), nil
	case errors.Is(err, ErrLastOfficer):
		return Reply{}, userErr("%s is the last officer of %s; add another officer first.", Escape(m.Name), Escape(c.Name))
	case err != nil:
		return Reply{}, err
	}
	if !created && was.UserID != "" && !handedOver && was.Organisation == m.Organisation && was.Role == m.Role && was.Name == m.Name &&
		(m.Voting == nil || *m.Voting != wasNonVoting) {
		// Added again as they stand (twice by mistake, or to check): the
		// answer says nothing changed rather than that they now are.
		reply := private("<@%s> is already %s of %s, for %s; nothing changed.", m.UserID, article(m.Role), Escape(c.Name), Escape(m.Organisation))
		if wasNonVoting {
			reply.Text += " They do not vote, and do not count to the quorum."
		}
		return reply, nil
	}
	verb := "is now"
	if !created {
		verb = "is now recorded as"
	}
	reply := private("<@%s> %s %s of %s, for %s.", m.UserID, verb, article(m.Role), Escape(c.Name), Escape(m.Organisation))
	if !created && was.UserID == "" {
		// Removed earlier and added back: "recorded as" would read as a
		// change to someone who was a member all along.
		reply = private("<@%s> is back on %s, as %s, for %s.", m.UserID, Escape(c.Name), article(m.Role), Escape(m.Organisation))
	}
	if !created && was.UserID != "" {
		var changed []string
		switch {
		case was.Organisation == m.Organisation:
		case was.Organisation == "":
			// The officer who set the committee up has none until
			// one is given.
			changed = append(changed, "for no organisation")
		default:
			changed = append(changed, "for "+Escape(was.Organisation))
		}
		if was.Role != m.Role {
			changed = append(changed, article(was.Role))
		}
		if was.Name != m.Name && was.Name != "" {
			// Renamed in Slack since: the record takes the name now.
			changed = append(changed, "named "+Escape(was.Name))
		}
		if len(changed) > 0 {
			reply.Text += " (Was " + strings.Join(changed, ", ") + ".)"
		}
	}
	if handedOver {
		reply.Text += fmt.Sprintf(" <@%s> is now a member; the audit log keeps the change.", from)
	}
	if (was.Role == RoleChair || was.Role == RoleViceChair) && m.Role != was.Role {
		reply.Text += fmt.Sprintf(" %s has no %s now.", Escape(c.Name), was.Role)
	}
	switch {
	case m.Voting != nil && !*m.Voting:
		reply.Text += " They do not vote, and do not count to the quorum."
	case wasNonVoting && m.Voting != nil && *m.Voting && m.IsOfficer():
		// Officers never vote, whatever the word says.
		reply.Text += " As an officer, they do not vote, and do not count to the quorum."
	case wasNonVoting && m.Voting != nil && *m.Voting:
		reply.Text += " They vote, and count to the quorum."
	}
	toldMember, toldFrom := told != nil && (was.UserID == "" || was.Role != m.Role), handedOver && fromTold != nil
	switch {
	case toldMember && toldFrom:
		reply.Text += " Both are told by direct message."
	case toldMember:
		reply.Text += " " + toldThem
	case toldFrom:
		reply.Text += fmt.Sprintf(" <@%s> is told by direct message.", from)
	}
	return reply, nil
}

// RoleTaken is what a change that would give a committee a second chair
// or vice-chair returns: Holder holds the role now.
type RoleTaken struct{ Holder Member }

func (e *RoleTaken) Error() string {
	return fmt.Sprintf("%s is already the %s", e.Holder.UserID, e.Holder.Role)
}

// Unwrap makes a RoleTaken an ErrConflict.
func (e *RoleTaken) Unwrap() error { return ErrConflict }

// confirmRoleAction names the button that confirms a new chair or
// vice-chair in place of the one holding the role.
const confirmRoleAction = "committee.confirm_role"

// roleChange is what the Confirm button carries: the whole change, and who
// was to be replaced, so that a press after someone else changed the role
// asks again rather than replacing the wrong person.
type roleChange struct {
	Committee    int64  `json:"c"`
	UserID       string `json:"u"`
	Name         string `json:"n"`
	Organisation string `json:"o"`
	Role         Role   `json:"r"`
	From         string `json:"f"`
	// Voting is whether they are to vote, as the officer asked; nil on
	// buttons made before it was carried, which leave the vote as it is.
	Voting *bool `json:"v,omitempty"`
	// Member: they were a member when the officer was asked. Removed
	// since, by another officer, they are not put back by a press of a
	// question asked before.
	Member bool `json:"m,omitempty"`
	// Leaves is the role, chair or vice-chair, that the member gives up
	// for Role, leaving no one in it; From is then empty.
	Leaves Role `json:"l,omitempty"`
}

// confirmRoleReply asks to confirm m in holder's role, chair or
// vice-chair, in place of holder; or, where holder is m, m giving that
// role up for another, which leaves the committee without one. gives is
// the role m holds now, said when m gives up the other of the two for
// holder's, which leaves the committee without that one.
func confirmRoleReply(c Committee, m Member, holder Member, gives Role, member bool) Reply {
	ch := roleChange{Committee: c.ID, UserID: m.UserID, Name: m.Name, Organisation: m.Organisation, Role: m.Role, From: holder.UserID, Voting: m.Voting, Member: member}
	also := ""
	if (gives == RoleChair || gives == RoleViceChair) && gives != m.Role {
		also = fmt.Sprintf(", and %s would have no %s", Escape(c.Name), gives)
	}
	text := fmt.Sprintf("<@%s> is %s of %s. Make <@%s> %s instead? <@%s> would become a member%s. Nothing changes unless you press Confirm.",
		holder.UserID, article(m.Role), Escape(c.Name), m.UserID, article(m.Role), holder.UserID, also)
	if also != "" {
		text = fmt.Sprintf("<@%s> is %s of %s, and <@%s> %s. Make <@%s> %s instead? <@%s> would become a member%s. Nothing changes unless you press Confirm.",
			holder.UserID, article(m.Role), Escape(c.Name), m.UserID, article(gives), m.UserID, article(m.Role), holder.UserID, also)
	}
	if holder.UserID == m.UserID {
		ch.From, ch.Leaves = "", holder.Role
		text = fmt.Sprintf("<@%s> is %s of %s. Make them %s instead? %s would have no %s. Nothing changes unless you press Confirm.",
			m.UserID, article(holder.Role), Escape(c.Name), article(m.Role), Escape(c.Name), holder.Role)
	}
	value, _ := json.Marshal(ch)
	return Reply{
		Visibility: Private,
		Text:       text,
		Buttons:    []Button{{Label: "Confirm: " + truncateText(m.Name, 30) + " as " + string(m.Role), Action: confirmRoleAction, Value: string(value), Style: "primary"}},
	}
}

// valid reports whether ch is a change confirmRoleReply asks about: a
// chair or vice-chair in place of another, or one of them given up.
func (ch roleChange) valid() bool {
	if ch.Leaves != "" {
		return ch.From == "" && (ch.Leaves == RoleChair || ch.Leaves == RoleViceChair) && ch.Role != ch.Leaves
	}
	return ch.From != "" && (ch.Role == RoleChair || ch.Role == RoleViceChair)
}

// confirmRole is the Confirm button of confirmRoleReply.
func confirmRole(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	var ch roleChange
	if err := json.Unmarshal([]byte(value), &ch); err != nil || ch.UserID == "" || !ch.valid() {
		return Reply{}, userErr("That button is out of date; run `/committee member add` again.")
	}
	c, _, err := s.admitCarried(ctx, r, ch.Committee, Officers, "change the chair")
	if err != nil {
		return Reply{}, err
	}
	if c.ID != ch.Committee {
		return Reply{}, userErr("That button belongs to another committee's channel.")
	}
	if ch.Member {
		if _, err := s.store.Member(ctx, c.ID, ch.UserID); errors.Is(err, ErrNotFound) {
			return Reply{}, userErr("<@%s> has been removed from %s since you were asked; nothing changed. `/committee member add <@%s> %s %s` adds them back as %s.",
				ch.UserID, Escape(c.Name), ch.UserID, Escape(ch.Organisation), ch.Role, article(ch.Role))
		} else if err != nil {
			return Reply{}, err
		}
	}
	if ch.Leaves != "" {
		// The question was whether they give up the role they held then;
		// given another since (by a later question confirmed), a press of
		// this one would take that from them without asking.
		now, err := s.store.Member(ctx, c.ID, ch.UserID)
		if errors.Is(err, ErrNotFound) || (err == nil && now.Role != ch.Leaves) {
			return Reply{}, userErr("That button is out of date: <@%s> is no longer %s of %s; nothing changed. Run `/committee member add` again.",
				ch.UserID, article(ch.Leaves), Escape(c.Name))
		} else if err != nil {
			return Reply{}, err
		}
	}
	m := Member{CommitteeID: c.ID, UserID: ch.UserID, Name: ch.Name, Organisation: ch.Organisation, Role: ch.Role, Voting: ch.Voting, At: r.Now}
	return s.putMember(ctx, c, m, ch.From, r.UserID)
}

// chairing admits r's sender to a subcommand for Chairs: an officer, the
// chair, or the vice-chair when the chair is absent from the meeting at
// hand, that is has sent apologies for it (or the committee has no
// chair). The meeting at hand is the one the subcommand's words name by
// date, or else the one under way (started in the last 12 hours) or the
// next.
func (s *Service) chairing(ctx context.Context, r Request, o Origin, doing string) error {
	me, c := *o.Member, o.Committee
	switch {
	case me.IsOfficer() || me.Role == RoleChair:
		return nil
	case me.Role != RoleViceChair:
		return userErr("Only an officer or the chair of %s can %s.", Escape(c.Name), doing)
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return err
	}
	var chair *Member
	for i := range members {
		if members[i].Role == RoleChair {
			chair = &members[i]
		}
	}
	if chair == nil {
		return nil
	}
	m, err := s.meetingAtHand(ctx, r, c)
	if err != nil {
		return err
	}
	as, err := s.store.MemberApologies(ctx, chair.UserID, []int64{m.ID})
	if err != nil {
		return err
	}
	if len(as) > 0 {
		return nil
	}
	return userErr("The vice-chair acts for the chair at a meeting the chair has sent apologies for, and %s has sent none for the meeting on %s: only the chair or an officer can %s.",
		Escape(chair.Name), formatDay(m.StartsAt, c.Location()), doing)
}

// meetingAtHand is the meeting r is about, for chairing: the one its
// subcommand acts on when it says (Sub.Meeting), else the one its
// subcommand's words name by date, or else the one under way (started in
// the last 12 hours) or the next. The date of an entry made for someone
// else comes after whom it is for ("for @someone 14/01/2027 …"), and it
// is that meeting the chair's absence is checked for.
func (s *Service) meetingAtHand(ctx context.Context, r Request, c Committee) (Meeting, error) {
	if cmd, ok := s.commands[r.Command]; ok {
		if sub, args, _, err := cmd.choose(strings.Fields(r.Text)); err == nil {
			if _, rest, found, err := takeFor(args); err == nil && found {
				args = rest
			}
			d, n, err := takeDate(args, r.Now, c.Location())
			if err == nil && sub != nil && sub.Meeting != nil {
				// Where it finds none, the subcommand will say so
				// whoever runs it; until then the default rule stands.
				m, err := sub.Meeting(s, ctx, &Input{Request: r, Args: args, Committee: c, cmd: cmd, sub: sub}, d)
				if err == nil || !isUserErr(err) {
					return m, err
				}
			}
			if err == nil && n > 0 && !d.IsNext() {
				return s.meetingFor(ctx, c, d, r.Now)
			}
		}
	}
	// The next meeting is the one after a meeting in progress.
	if run, ok, err := s.runningAtTable(ctx, c, nil, Date{}, r.Now); err != nil || ok {
		return run, err
	}
	m, err := s.store.NextMeeting(ctx, c.ID, r.Now.Add(-12*time.Hour))
	if errors.Is(err, ErrNotFound) {
		return Meeting{}, noMeeting(c)
	}
	return m, err
}

// parseMemberAdd reads "@user ORGANISATION [member|officer|chair]". The
// role is empty when none is named: someone added again keeps theirs.
func parseMemberAdd(args []string) (userID, hint, org string, role Role, err error) {
	if len(args) == 0 {
		return "", "", "", "", usageErr("Mention the person to add.")
	}
	// A comma typed after the mention, as in a sentence ("@sue, Sefton
	// CVS"), is not part of it.
	userID, hint, ok := mention(strings.TrimRight(args[0], ",;:"))
	if !ok {
		return "", "", "", "", usageErr("`%s` is not a mention: type @ and pick the person so Slack links their name.", echoWord(args[0]))
	}
	rest := args[1:]
	if n := len(rest); n > 1 && strings.EqualFold(rest[n-2], "vice") && strings.EqualFold(rest[n-1], "chair") {
		role, rest = RoleViceChair, rest[:n-2]
	} else if n > 0 {
		switch w := strings.ToLower(rest[n-1]); Role(w) {
		case RoleMember, RoleOfficer, RoleChair, RoleViceChair:
			role, rest = Role(w), rest[:n-1]
		case "vicechair", "vice_chair", "vice–chair":
			role, rest = RoleViceChair, rest[:n-1]
		}
	}
	if n := len(rest); role == "" && n > 1 {
		// The role said first, as it is spoken ("chair, SWACA"), in the
		// small letters roles are typed in: kept, "chair SWACA" would be
		// the organisation and the role left as it was. A name starting
		// with a capital is a name (Member Services).
		w := strings.TrimRight(rest[0], ",;:")
		switch {
		case n > 2 && w == "vice" && strings.TrimRight(rest[1], ",;:") == string(RoleChair):
			role, rest = RoleViceChair, rest[2:]
		case w == string(RoleMember) || w == string(RoleOfficer) || w == string(RoleChair) || w == string(RoleViceChair) || w == "vicechair":
			role, rest = Role(strings.Replace(w, "vicechair", string(RoleViceChair), 1)), rest[1:]
		}
	}
	org = plainShown(rest)
	if org == "" {
		return "", "", "", "", usageErr("Give their organisation, e.g. `SWACA` or `Merseyside Police`.")
	}
	// A second mention straight after the first is someone else, not
	// the start of an organisation's name: two people added at once would
	// otherwise leave the first recorded "for <@neil> Sefton CVS" and the
	// second not added at all. Further into the organisation a mention is
	// text, kept as typed and shown escaped, as any other.
	if len(rest) > 0 {
		if _, _, ok := mention(strings.TrimRight(rest[0], ",;:.")); ok {
			return "", "", "", "", usageErr("Add one person at a time, each with their organisation: `/committee member add @neil SWACA`, then `/committee member add @sue Sefton CVS`; nothing was saved.")
		}
	}
	if n := len(rest); substituteWord(rest[0]) || substituteWord(rest[n-1]) {
		// "Sefton Council substitute": a substitute is no role a member
		// has, and stored, the word would be printed as part of their
		// organisation in the minutes, the CSV and the Home.
		return "", "", "", "", errSubstituteNoMember
	}
	if err := roleSlip(rest, role != ""); err != nil {
		return "", "", "", "", err
	}
	if utf8.RuneCountInString(org) > MaxNameLen {
		return "", "", "", "", userErr("That organisation is too long (the limit is %d characters).", MaxNameLen)
	}
	return userID, hint, org, role, nil
}

// errSubstituteNoMember refuses to add someone as a substitute, saying how
// a substitute is named.
var errSubstituteNoMember = userErr("A substitute is not a member: they are named in the apologies of the member they stand in for (`/apologies for @member sub @someone`), or at the meeting (`/attendance @someone substitute-for @member`). Nothing was saved.")

// substituteWord reports whether w, typed first or last where the
// organisation goes, is a word Quorum names substitutes by: `substitute`
// in any case, or `sub` and `substitute-for` as the commands take them,
// in small letters (the Sub-Aqua Club is an organisation).
func substituteWord(w string) bool {
	w = strings.TrimRight(w, ",;:.")
	switch {
	case strings.EqualFold(w, "substitute"), strings.EqualFold(w, "substitutes"):
		return true
	}
	return w == "sub" || w == "substitute-for"
}

// roleWords are the words an officer may put where a role goes, for
// roleSlip: the roles, and substitute, which is no role.
var roleWords = []string{string(RoleChair), string(RoleViceChair), string(RoleOfficer), string(RoleMember), "substitute"}

// roleSlip refuses an organisation that is one word and a role's name
// but for a slip (`chiar`, `vice chiar`), or `substitute`: stored, it
// would be the member's organisation, and their role left as it was. An
// organisation of more words is taken as typed, so that the Home Office
// is not an officer mistyped; so is one followed by a role (named), the
// way to add a member of an organisation called Choir.
func roleSlip(org []string, named bool) error {
	if role := roleInOtherWords(org); role != "" && !named {
		return usageErr("Did you mean %s? Give their organisation and then the role, e.g. `/committee member add @trish Sefton Council %s`; nothing was saved.", role, role)
	}
	w := strings.ToLower(strings.Join(org, " "))
	if len(org) == 2 && strings.EqualFold(org[0], "vice") {
		w = "vice-" + strings.ToLower(org[1])
	} else if len(org) != 1 {
		return roleSwapped(org, named)
	}
	if isNonVoting(w) {
		return usageErr("Give their organisation before `%s`, e.g. `SWACA non-voting`.", echoWord(org[0]))
	}
	if named || len([]rune(w)) < 3 {
		return nil
	}
	for _, role := range roleWords {
		if !aSlipOf([]rune(w), []rune(role)) {
			continue
		}
		if role == "substitute" {
			return errSubstituteNoMember
		}
		return usageErr("Did you mean %s? Give their organisation and then the role, e.g. `/committee member add @trish Sefton Council %s`; nothing was saved.", role, role)
	}
	return nil
}

// roleSwapped refuses an organisation of more words whose last is a
// role's name with two letters swapped (`SWACA chiar`, `Sefton CVS vice
// chiar`): stored, "SWACA chiar" would be the member's organisation and
// their role left as it was. Other slips, and a word with a capital
// (Cahir, a town), are taken as typed there, so that a choir is no chair.
func roleSwapped(org []string, named bool) error {
	n := len(org)
	if named || n < 2 {
		return nil
	}
	// A name's word starts with a capital ("Friends of Cahir"); a role
	// slipped is typed as roles are, in small letters.
	if org[n-1] != strings.ToLower(org[n-1]) {
		return nil
	}
	last := []rune(org[n-1])
	for _, role := range []Role{RoleChair, RoleViceChair, RoleOfficer, RoleMember} {
		if !swappedPair(last, []rune(role)) {
			continue
		}
		if role == RoleChair && n > 2 && strings.EqualFold(org[n-2], "vice") {
			role = RoleViceChair
		}
		return usageErr("Did you mean %s? Give their organisation and then the role, e.g. `/committee member add @trish Sefton Council %s`; if `%s` is part of the organisation's name, end with the role: `… %s member`. Nothing was saved.",
			role, role, echoWord(org[n-1]), Escape(strings.Join(org, " ")))
	}
	return nil
}

// swappedPair reports whether a is b with two neighbouring letters
// swapped, and no other change.
func swappedPair(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == string(b[i+2:])
	}
	return false
}

// chairWords are the chair's role in the words a committee may use for
// it, which no organisation's name ends in.
var chairWords = map[string]bool{"chairman": true, "chairwoman": true, "chairperson": true}

// roleInOtherWords is the role org ends in, in other words (`Sefton
// Council chairman`), or "". Unlike a slip, it is looked for however many
// words org has: no organisation is called that.
func roleInOtherWords(org []string) Role {
	n := len(org)
	if n == 0 {
		return ""
	}
	last := strings.ToLower(org[n-1])
	if vice, ok := strings.CutPrefix(last, "vice"); ok && chairWords[strings.TrimLeft(vice, "-–_")] {
		return RoleViceChair
	}
	if chairWords[last] {
		if n > 1 && strings.EqualFold(org[n-2], "vice") {
			return RoleViceChair
		}
		return RoleChair
	}
	return ""
}

func removeMember(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r, args := in.Committee, in.Request, in.Args
	if len(args) != 1 {
		return Reply{}, usageErr("Mention the one person to remove.")
	}
	userID, _, ok := mention(args[0])
	if !ok {
		return Reply{}, usageErr("`%s` is not a mention: type @ and pick the person.", echoWord(args[0]))
	}
	// Removed from the chair of the meeting sitting, no one would
	// preside, and its minutes would name no one in the Chair for the
	// time they held it: the removal waits for the close.
	if m, ok, err := s.runningMeeting(ctx, c); err != nil {
		return Reply{}, err
	} else if ok {
		st, err := s.meetingState(ctx, c, m)
		if err != nil {
			return Reply{}, err
		}
		if chair, presiding := st.inTheChair(); chair == userID || presiding == userID {
			return Reply{}, userErr("<@%s> is in the Chair of the meeting under way, so is not removed; nothing changed. Remove them once the meeting has closed.", userID)
		}
	}
	// Their outstanding actions are read first: read after the removal
	// and failing, the reply would say the removal was not saved.
	as, err := s.store.ActionPoints(ctx, c.ID, false)
	if err != nil {
		return Reply{}, err
	}
	// Their actions stay theirs, unreminded, until someone else has them.
	var ids []string
	for _, a := range as {
		if a.OwnerUser == userID {
			ids = append(ids, strconv.FormatInt(a.ID, 10))
		}
	}
	// They are told with the removal, as of any record withdrawn in their
	// name, rather than find their Home and their apologies gone.
	told := func(removed Removal) *OutboxMessage {
		text := fmt.Sprintf("removed you from *%s*.", Escape(c.Name))
		if went := removalWent(removed, "your"); len(went) > 0 {
			text += fmt.Sprintf(" Withdrawn with you, and kept in the history: %s.", joinAnd(went))
		}
		if removed.Interests > 0 {
			text += fmt.Sprintf(" Your register of interests (%s) leaves the committee's published register and stays on record: `/interests` in <#%s> still shows it to you.",
				plural(removed.Interests, "1 entry", strconv.Itoa(removed.Interests)+" entries"), c.ChannelID)
		}
		if len(ids) > 0 {
			text += fmt.Sprintf(" %s %s stay%s yours until an officer or the chair gives %s to someone else; you will not be reminded of %s.",
				plural(len(ids), "Action", "Actions"), joinAnd(ids), plural(len(ids), "s", ""), plural(len(ids), "it", "them"), plural(len(ids), "it", "them"))
		}
		return toldOf(c, Member{UserID: userID}, r, text)
	}
	removed, err := s.store.RemoveMember(ctx, c.ID, userID, r.UserID, r.Now, told)
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{}, userErr("<@%s> is not a member of %s.", userID, Escape(c.Name))
	case errors.Is(err, ErrLastOfficer):
		return Reply{}, userErr("<@%s> is the last officer of %s; make someone else an officer first.", userID, Escape(c.Name))
	case err != nil:
		return Reply{}, err
	}
	reply := private("<@%s> is no longer a member of %s.", userID, Escape(c.Name))
	// What went with them, so that the officer is not surprised by a list
	// grown shorter: they are no longer expected at the meetings to come.
	if went := removalWent(removed, "their"); len(went) > 0 {
		reply.Text += fmt.Sprintf(" Withdrawn with them, and kept in the history: %s.", joinAnd(went))
	}
	if removed.Interests > 0 {
		// The register of a committee is its members': a former member's
		// entries leave it as published, and are not ended, for they
		// hold what they held.
		reply.Text += fmt.Sprintf(" Their register of interests (%s) leaves the committee's published register and stays on record, its entries not ended: `/interests history <@%s>` shows it.",
			plural(removed.Interests, "1 entry", strconv.Itoa(removed.Interests)+" entries"), userID)
	}
	if len(ids) > 0 {
		reply.Text += fmt.Sprintf("\nThey have %s outstanding (%s %s), of which they will not be reminded: give %s to someone else with `/action reassign %s @someone`.",
			plural(len(ids), "1 action", strconv.Itoa(len(ids))+" actions"), plural(len(ids), "number", "numbers"), joinAnd(ids), plural(len(ids), "it", "each"), ids[0])
	}
	if told(removed) != nil {
		reply.Text += " " + toldThem
	}
	return reply, nil
}

// removalWent is what removing a member withdrew with them, for a list,
// as whose ("their", "your").
func removalWent(removed Removal, whose string) []string {
	var went []string
	if removed.Apologies > 0 {
		went = append(went, plural(removed.Apologies, whose+" apologies for a meeting to come", fmt.Sprintf("%s apologies for %d meetings to come", whose, removed.Apologies)))
	}
	if removed.Declarations > 0 {
		went = append(went, plural(removed.Declarations, whose+" declaration of interest for a meeting to come", fmt.Sprintf("%s %d declarations of interest for meetings to come", whose, removed.Declarations)))
	}
	return went
}

// rolePowers says what role r lets its holder do for others, told to
// whoever is given it; "" for a member, who acts for no one.
func rolePowers(r Role) string {
	switch r {
	case RoleOfficer:
		return "An officer manages the committee's members, meetings, agendas and minutes, and may enter or withdraw apologies, declarations, register entries and actions on anyone's behalf; each member is told when you do."
	case RoleChair:
		return "The chair may do what an officer does for a meeting's conduct and its minutes: " + chairsPowers
	case RoleViceChair:
		return "At a meeting the chair has sent apologies for (or when there is no chair), the vice-chair may do what the chair does for its conduct and its minutes: " + chairsPowers
	}
	return ""
}

// chairsPowers is what the chair, and the vice-chair in their absence,
// may do for others at a meeting (Chairs), for rolePowers.
const chairsPowers = "open, adjourn and close it (`/meeting start`), record attendance for others, record resolutions and minutes (`/resolve`, `/minute`, `/minutes draft`, `/minutes approve`), and add, move and reassign actions. The history of everyone's records is open to you, but for the reasons members give for their apologies, which only officers read."

func article(r Role) string {
	if r == RoleOfficer {
		return "an officer"
	}
	if r == RoleChair {
		return "the chair"
	}
	if r == RoleViceChair {
		return "the vice-chair"
	}
	return "a member"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
