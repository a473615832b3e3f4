package commands

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SampleMember is a person in the sample committee.
type SampleMember struct {
	UserID, Handle, Name, Organisation string
	Role                               Role
}

// SamplePack is Safer Sefton Together's published agenda pack of 17 March
// 2022 (the agenda, the minutes of 9 December 2021, partners' reports):
// the console's sample committee is filled from it, and tests read it as
// the documents a committee officer imports.
//
//go:embed sample/safer-sefton-together-2022-03-17-agenda-pack.txt
var SamplePack string

// SampleCommittee is the committee the console starts with: Safer Sefton
// Together, with the members named in its agenda of 17 March 2022.
const SampleCommittee = "Safer Sefton Together"

// SampleMembers are the sample committee's members, officer first.
var SampleMembers = []SampleMember{
	{"U0IANBARTON", "ian", "Ian Barton", "Sefton Council", RoleOfficer},
	{"U0TRISHHARDY", "trish", "Trish Hardy", "Sefton Council", RoleChair},
	{"U0JOHNSAYERS", "john", "John Sayers", "Sefton Council", RoleMember},
	{"U0NEILFRACKELTON", "neil", "Neil Frackelton", "SWACA", RoleMember},
	{"U0GRAEMEROBSON", "graeme", "Graeme Robson", "Merseyside Police", RoleMember},
	{"U0KEVINHOLLIS", "kevin", "Kevin Hollis", "Merseyside Fire and Rescue Service", RoleMember},
	{"U0SUEHOLDEN", "sue", "Sue Holden", "Sefton CVS", RoleMember},
	{"U0JANETTEMAXWELL", "janette", "Janette Maxwell", "Sefton Council", RoleMember},
	{"U0TRACYFORSHAW", "tracy", "Tracy Forshaw", "Sefton CCG", RoleMember},
	{"U0HELENARMITAGE", "helen", "Helen Armitage", "Sefton Council Public Health", RoleMember},
	{"U0KEVINSEXTON", "kevins", "Kevin Sexton", "Chesterfield High School", RoleMember},
	{"U0JANMARLOW", "jan", "Jan Marlow", "Probation Service", RoleMember},
}

// LoadSample sets up the sample committee in the given channel, with its
// members and a next meeting (the second Thursday of next month, 10:00,
// Remote Meeting). It does nothing if the channel already has a committee.
func LoadSample(ctx context.Context, store Store, teamID, channelID string, now time.Time) (bool, error) {
	if _, err := store.CommitteeByChannel(ctx, teamID, channelID); err == nil {
		return false, nil
	} else if !errors.Is(err, ErrNotFound) {
		return false, err
	}
	officer := SampleMembers[0]
	c, err := store.CreateCommittee(ctx, Committee{
		Name: SampleCommittee, TeamID: teamID, ChannelID: channelID, TimeZone: DefaultTimeZone,
		StandardItems: true, ReminderDays: []int{7, 1}, ReminderTime: "09:00",
	}, Member{UserID: officer.UserID, Name: officer.Name, Organisation: officer.Organisation, At: now})
	if err != nil {
		return false, fmt.Errorf("sample committee: %w", err)
	}
	for _, m := range SampleMembers {
		if _, err := store.PutMember(ctx, Member{CommitteeID: c.ID, UserID: m.UserID, Name: m.Name, Organisation: m.Organisation, Role: m.Role, At: now}, officer.UserID); err != nil {
			return false, fmt.Errorf("sample member %s: %w", m.Name, err)
		}
	}
	loc := c.Location()
	local := now.In(loc)
	first := time.Date(local.Year(), local.Month()+1, 1, 10, 0, 0, 0, loc)
	for first.Weekday() != time.Thursday {
		first = first.AddDate(0, 0, 1)
	}
	_, err = store.ScheduleMeeting(ctx, Meeting{CommitteeID: c.ID, StartsAt: first.AddDate(0, 0, 7), Venue: "Remote Meeting", Status: MeetingScheduled}, officer.UserID)
	if err != nil && !errors.Is(err, ErrConflict) {
		return false, fmt.Errorf("sample meeting: %w", err)
	}
	return true, nil
}

// SampleDirectory knows the sample members' names, for the console.
type SampleDirectory struct{}

// DisplayName implements Directory.
func (SampleDirectory) DisplayName(_ context.Context, userID string) (string, error) {
	for _, m := range SampleMembers {
		if m.UserID == userID {
			return m.Name, nil
		}
	}
	return "", fmt.Errorf("no sample member %s: %w", userID, ErrNotFound)
}

// FindSampleMember finds a sample member by handle or by (part of) name.
func FindSampleMember(who string) (SampleMember, bool) {
	who = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(who), "@"))
	if who == "" {
		return SampleMember{}, false
	}
	for _, m := range SampleMembers {
		if m.Handle == who || strings.ToLower(m.Name) == who {
			return m, true
		}
	}
	// A part of a name is the member's only when it is part of no other's:
	// "kev" is Kevin Hollis and Kevin Sexton, and playing the wrong one
	// would send apologies, or mark attendance, as someone else.
	if named := SampleMembersNamed(who); len(named) == 1 {
		return named[0], true
	}
	return SampleMember{}, false
}

// SampleMembersNamed lists the sample members whose name contains who,
// ignoring case.
func SampleMembersNamed(who string) []SampleMember {
	who = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(who), "@"))
	var named []SampleMember
	for _, m := range SampleMembers {
		if who != "" && strings.Contains(strings.ToLower(m.Name), who) {
			named = append(named, m)
		}
	}
	return named
}

// LoadSampleWithPack sets up the sample committee as LoadSample does and,
// while it has no minutes on record, fills it from pack, the committee's
// published agenda pack: the minutes of the previous meeting (so that
// /resolution finds them), the agenda of its meeting and programme, and
// the same items on the agenda of the sample's next meeting.
func (s *Service) LoadSampleWithPack(ctx context.Context, teamID, channelID string, now time.Time, pack string) (bool, error) {
	loaded, err := LoadSample(ctx, s.store, teamID, channelID, now)
	if err != nil || pack == "" {
		return loaded, err
	}
	c, err := s.store.CommitteeByChannel(ctx, teamID, channelID)
	if err != nil {
		return loaded, err
	}
	if _, err := s.store.LastMinute(ctx, c.ID, now); !errors.Is(err, ErrNotFound) {
		return loaded, err // filled before, or the records cannot be read
	}
	by := SampleMembers[0].UserID
	if _, err := s.ImportMinutesOf(ctx, c.Name, pack, by); err != nil {
		return true, fmt.Errorf("sample minutes: %w", err)
	}
	a, _, err := ImportAgenda(ctx, s.store, c, pack, by)
	if err != nil {
		return true, fmt.Errorf("sample agenda: %w", err)
	}
	imp, _, err := agendaImport(c, a, pack)
	if err != nil {
		return true, fmt.Errorf("sample agenda: %w", err)
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return true, err
	}
	misspeltPresenters(imp.Items, members)
	next, err := s.store.NextMeeting(ctx, c.ID, now)
	if err != nil {
		return true, fmt.Errorf("sample meeting: %w", err)
	}
	standing, err := s.store.AgendaItems(ctx, next.ID)
	if err != nil {
		return true, err
	}
	var changes []AgendaChange
	for _, it := range standing {
		changes = append(changes, AgendaChange{Remove: it.Number})
	}
	for i := range imp.Items {
		changes = append(changes, AgendaChange{Add: &imp.Items[i]})
	}
	if err := s.store.ChangeAgenda(ctx, next.ID, changes, by); err != nil {
		return true, fmt.Errorf("sample agenda items: %w", err)
	}
	for _, e := range SampleInterests {
		m := SampleMembers[e.Member]
		if _, err := s.store.AddInterest(ctx, Interest{CommitteeID: c.ID, UserID: m.UserID, Name: m.Name, Category: e.Category,
			Description: e.Description, Sensitive: e.Sensitive, StartedOn: DateOf(now, c.Location()), AddedBy: m.UserID, AddedAt: now}, nil); err != nil {
			return true, fmt.Errorf("sample register of interests: %w", err)
		}
	}
	return true, nil
}

// SampleInterests are entries of the sample members' registers of
// interests, so that posting the sample agenda prompts Neil about item
// 7.5 (SWACA) and Kevin Sexton about 7.8 (Chesterfield High School).
var SampleInterests = []struct {
	Member      int // in SampleMembers
	Category    InterestCategory
	Description string
	Sensitive   bool
}{
	{3, CategoryOther, "Trustee of SWACA", false},
	{4, CategoryLand, "Home in Formby", true},
	{10, CategoryEmployment, "Deputy Head Teacher, Chesterfield High School", false},
	{6, CategoryOther, "Member of Unison", false},
}
