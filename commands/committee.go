package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

func committeeCommand() *Command {
	return &Command{
		Name:    "/committee",
		Summary: "Set up this channel's committee and manage its members.",
		Saves:   "the change",
		Subs: []Sub{{
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
			Usage:   []string{"/committee member add @user ORGANISATION [member|officer|chair]"},
			Summary: "Add a member, or change their organisation or role.",
			Examples: []string{
				"/committee member add @neil SWACA",
				"/committee member add @graeme Merseyside Police chair",
			},
			Who: Officers, Doing: "add members", Run: addMember,
		}, {
			Name:    "member remove",
			Usage:   []string{"/committee member remove @user"},
			Summary: "Remove a member; the last officer stays.",
			Who:     Officers, Doing: "remove members", Run: removeMember,
		}},
	}
}

// MaxNameLen bounds committee, member and organisation names.
const MaxNameLen = 200

func setupCommittee(ctx context.Context, s *Service, in *Input) (Reply, error) {
	r := in.Request
	name := strings.TrimSpace(plain(in.Args))
	if name == "" {
		return Reply{}, usageErr("Give the committee's name.")
	}
	if len(name) > MaxNameLen {
		return Reply{}, userErr("That name is too long (the limit is %d characters).", MaxNameLen)
	}
	if existing, err := s.store.CommitteeByChannel(ctx, r.TeamID, r.ChannelID); err == nil {
		return Reply{}, userErr("This channel already belongs to %s.", Escape(existing.Name))
	} else if !errors.Is(err, ErrNotFound) {
		return Reply{}, err
	}
	officer := Member{UserID: r.UserID, Name: s.displayName(ctx, r.UserID, r.UserName), Role: RoleOfficer}
	c, err := s.store.CreateCommittee(ctx, Committee{
		Name: name, TeamID: r.TeamID, ChannelID: r.ChannelID, TimeZone: DefaultTimeZone,
		StandardItems: true, ReminderDays: []int{7, 1}, ReminderTime: "09:00",
	}, officer)
	if errors.Is(err, ErrConflict) {
		return Reply{}, userErr("A committee called %s already has another channel.", Escape(name))
	}
	if err != nil {
		return Reply{}, err
	}
	return Reply{Visibility: Public, Text: fmt.Sprintf(
		"This channel is now the channel of *%s*, and <@%s> is its officer.\nNext: add members with `/committee member add @user ORGANISATION` and schedule a meeting with `/meeting schedule DATE TIME [VENUE]`.",
		Escape(c.Name), r.UserID)}, nil
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
	m := Member{CommitteeID: c.ID, UserID: userID, Name: s.displayName(ctx, userID, hint), Organisation: org, Role: role}
	created, err := s.store.PutMember(ctx, m, r.UserID)
	if errors.Is(err, ErrConflict) {
		return Reply{}, userErr("%s is the last officer of %s; add another officer first.", Escape(m.Name), Escape(c.Name))
	}
	if err != nil {
		return Reply{}, err
	}
	verb := "is now"
	if !created {
		verb = "is now recorded as"
	}
	reply := private("<@%s> %s %s of %s, for %s.", userID, verb, article(role), Escape(c.Name), Escape(org))
	return reply, nil
}

// parseMemberAdd reads "@user ORGANISATION [member|officer|chair]".
func parseMemberAdd(args []string) (userID, hint, org string, role Role, err error) {
	if len(args) == 0 {
		return "", "", "", "", usageErr("Mention the person to add.")
	}
	userID, hint, ok := mention(args[0])
	if !ok {
		return "", "", "", "", usageErr("%s is not a mention: type @ and pick the person so Slack links their name.", Escape(args[0]))
	}
	role = RoleMember
	rest := args[1:]
	if n := len(rest); n > 0 {
		switch Role(strings.ToLower(rest[n-1])) {
		case RoleMember, RoleOfficer, RoleChair:
			role, rest = Role(strings.ToLower(rest[n-1])), rest[:n-1]
		}
	}
	org = plain(rest)
	if org == "" {
		return "", "", "", "", usageErr("Give their organisation, e.g. `SWACA` or `Merseyside Police`.")
	}
	if len(org) > MaxNameLen {
		return "", "", "", "", userErr("That organisation is too long (the limit is %d characters).", MaxNameLen)
	}
	return userID, hint, org, role, nil
}

func removeMember(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r, args := in.Committee, in.Request, in.Args
	if len(args) != 1 {
		return Reply{}, usageErr("Mention the one person to remove.")
	}
	userID, _, ok := mention(args[0])
	if !ok {
		return Reply{}, usageErr("%s is not a mention: type @ and pick the person.", Escape(args[0]))
	}
	err := s.store.RemoveMember(ctx, c.ID, userID, r.UserID)
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{}, userErr("<@%s> is not a member of %s.", userID, Escape(c.Name))
	case errors.Is(err, ErrConflict):
		return Reply{}, userErr("<@%s> is the last officer of %s; make someone else an officer first.", userID, Escape(c.Name))
	case err != nil:
		return Reply{}, err
	}
	reply := private("<@%s> is no longer a member of %s.", userID, Escape(c.Name))
	return reply, nil
}

func article(r Role) string {
	if r == RoleOfficer {
		return "an officer"
	}
	if r == RoleChair {
		return "the chair"
	}
	return "a member"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
