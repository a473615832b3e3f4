package commands

import (
	"sync"
	"time"
)

// Role is a member's role in a committee.
type Role string

// Roles. Officers run the committee's business in Quorum; the chair and
// members take part.
const (
	RoleMember  Role = "member"
	RoleOfficer Role = "officer"
	RoleChair   Role = "chair"
	// RoleViceChair chairs in the chair's absence; a committee has at most
	// one chair and one vice-chair.
	RoleViceChair Role = "vice-chair"
)

// DefaultTimeZone is where a committee meets unless it says otherwise.
const DefaultTimeZone = "Europe/London"

// Committee is a named body with members, meetings and a Slack channel.
type Committee struct {
	ID        int64
	Name      string
	TeamID    string
	ChannelID string
	TimeZone  string
	// StandardItems: new meetings get the standard agenda items.
	StandardItems bool
	// ReminderDays before a meeting, at ReminderTime local time; none when
	// reminders are off.
	ReminderDays []int
	ReminderTime string // "09:00"
	CreatedAt    time.Time
	// CalendarToken is the secret in the calendar feed's URL (see
	// CalendarPath); an officer can replace it.
	CalendarToken string
}

// Location is the committee's time zone, Europe/London when unknown.
func (c Committee) Location() *time.Location {
	if c.TimeZone == "" || c.TimeZone == DefaultTimeZone {
		return london
	}
	if loc, ok := zones.Load(c.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return london
	}
	zones.Store(c.TimeZone, loc)
	return loc
}

// zones holds the time zones loaded so far: loading one reads and parses
// the zone database, too dear to do on every request.
var zones sync.Map

var london = mustLoad(DefaultTimeZone)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// The time zone database is embedded (see tzdata import in
		// cmd/quorum), so this means a broken build.
		panic(err)
	}
	return loc
}

// Member is a person in a committee: a Slack user with their organisation
// and role.
type Member struct {
	CommitteeID  int64
	UserID       string
	Name         string
	Organisation string
	Role         Role
	AddedAt      time.Time
	// Voting, when set on a member put (PutMember, HandOver), is whether
	// they vote, saved with them; nil leaves it as it stands. Reads leave
	// it nil.
	Voting *bool
	// At, on a member put, is the time of the request: the time they are
	// added (or added back), changed, and take over what was entered by
	// their name for the meetings still to come after it. Zero: the
	// database's clock. Reads leave it zero.
	At time.Time
}

// IsOfficer reports whether m may run the committee's business.
func (m Member) IsOfficer() bool { return m.Role == RoleOfficer }

// Presides reports whether m is the committee's chair or vice-chair.
func (m Member) Presides() bool { return m.Role == RoleChair || m.Role == RoleViceChair }

// Membership is a person's place in one committee.
type Membership struct {
	Committee Committee
	Member    Member
}

// Removal is what removing a member withdrew with them: their apologies
// and declarations of interest standing for meetings still to come.
type Removal struct {
	Apologies, Declarations int
	// Interests counts the entries standing in their register of
	// interests, which leave the register as published with them.
	Interests int
}

// MeetingStatus is where a meeting stands.
type MeetingStatus string

// Meeting statuses.
const (
	MeetingScheduled MeetingStatus = "scheduled"
	MeetingHeld      MeetingStatus = "held"
	MeetingCancelled MeetingStatus = "cancelled"
)

// Meeting is one meeting of a committee.
type Meeting struct {
	ID          int64
	CommitteeID int64
	StartsAt    time.Time
	Venue       string
	Status      MeetingStatus
	// Apologies is the number of apologies standing, where the query
	// counted them.
	Apologies int
	// Items, when scheduling, are the agenda items a new meeting starts
	// with (the standard items); ignored for a reinstated meeting.
	Items []AgendaItem
	// TimeUnknown: no start time is known (minutes that print none);
	// StartsAt is then the start of its day, and no time is shown.
	TimeUnknown bool
	// Revision counts the changes to its date, time or venue (see
	// MeetingChange).
	Revision int
	// Sequence is its event's SEQUENCE in the committee's calendar: the
	// changes counted by Revision, and each time it was cancelled or
	// brought back, so that calendars take each of those. Read with the
	// committee's meetings (MeetingStore.Meetings), which the calendar
	// is made from.
	Sequence int
	// ScheduledAt, when scheduling, is the moment it is scheduled (or
	// scheduled again): reminders due before then are not sent. Zero when
	// not known.
	ScheduledAt time.Time
	// Reinstates, when scheduling, is the ID of the meeting cancelled on
	// the same day at another time that this scheduling brings back, moved
	// to StartsAt (and Venue, unless it is empty), with its agenda and
	// records; 0 for a meeting scheduled afresh, or again at its own time.
	Reinstates int64
}

// Apology is a member's apology for absence from a meeting.
type Apology struct {
	ID             int64
	MeetingID      int64
	UserID         string // empty for apologies imported from minutes
	Name           string
	Organisation   string
	Reason         string
	SubstituteID   string
	SubstituteName string
	Withdrawn      bool
	SentAt         time.Time
	UpdatedAt      time.Time
	By             string // who made this change
	// Imported apologies were read from the meeting's minutes: they are
	// recorded there, and when they were imported says nothing of when
	// they were sent.
	Imported bool
	// ReceivedBy, for apologies received at the meeting (entered with the
	// attendance once it had opened), is who entered them.
	ReceivedBy string
	// SubstituteMember: the substitute named is a member of the
	// committee in their own right (not an officer), who counts once, as
	// themselves, and so is not shown as substituting (substitutesSentence).
	SubstituteMember bool
	// MeetingStartsAt, for apologies being sent, is when the meeting
	// starts as their sender was shown it: set, they are sent only while
	// it still does (see ApologyStore.UpdateApology).
	MeetingStartsAt time.Time
	// At, for apologies being sent, is when they were: the request's
	// time, which their history keeps (zero: the database's now).
	At time.Time
}

// ApologyRequest is an apology sent from a committee's channel, for
// ApologyStore.SendApologyFrom: the sender's name and organisation are
// their membership's.
type ApologyRequest struct {
	TeamID, ChannelID, UserID string
	MeetingID                 int64 // 0: the committee's next meeting
	Reason                    string
	SubstituteID              string
	SubstituteName            string
	At                        time.Time // when it was sent: the meeting must start after it
	// Keep leaves parts of an apology already standing as they are.
	Keep ApologyKeep
	// Replay is the request's Request.Replay: empty, or a key the
	// apology is sent only once for.
	Replay string
}

// DeclareRequest is a member's own declaration of interest, sent from a
// channel, on an item of the meeting at the table (DeclareFrom).
type DeclareRequest struct {
	TeamID, ChannelID, UserID string
	At                        time.Time // when it was sent
	// Items are the spellings of the item's number, lower case, in the
	// order findItem tries them ("7a", "7.1").
	Items  []string
	Kind   InterestKind
	Nature string
	// Replay is the request's Request.Replay: empty, or a key the
	// declaration is made only once for.
	Replay string
}

// DeclaredFrom is what DeclareFrom read and wrote: where the request came
// from, the meeting at the table and the item declared on, and the
// declaration, made now (Created) or standing already.
type DeclaredFrom struct {
	Origin      Origin
	Meeting     Meeting
	Item        AgendaItem
	Declaration Declaration
	Created     bool
	// Unmarked: the meeting at the table is in progress, and its
	// attendance does not mark the declarant.
	Unmarked bool
}

// ReportRequest is a member's own report link, sent from a channel, for
// an item of the meeting at the table (SubmitReportFrom). Items and
// Replay are as DeclareRequest's.
type ReportRequest struct {
	TeamID, ChannelID, UserID string
	At                        time.Time
	Items                     []string
	URL, Title                string
	Replay                    string
}

// ReportedFrom is what SubmitReportFrom read and wrote.
type ReportedFrom struct {
	Origin  Origin
	Meeting Meeting
	Item    AgendaItem
	Outcome ReportOutcome
}

// FindRequest is a look-up of the minutes of the committee whose channel
// a request came from (FindMinutesFrom): by Number, or by Words as
// SearchMinutes takes them; at most Limit minutes found; Replay as
// DeclareRequest's.
type FindRequest struct {
	TeamID, ChannelID, UserID string
	At                        time.Time
	Number, Words             string
	Limit                     int
	Replay                    string
}

// AgendaRequest asks for the agenda of the meeting at the table of the
// committee whose channel a request came from (AgendaFrom): Since is the
// snapshot of an agenda of the committee kept from before, or empty;
// Replay as DeclareRequest's.
type AgendaRequest struct {
	TeamID, ChannelID, UserID string
	At                        time.Time
	Since                     string
	Replay                    string
}

// AgendaAsked is what AgendaFrom read: where the request came from, the
// committee's meeting in progress (nil when none is), and whether its
// records changed since the snapshot asked about, with the snapshot to
// build its agenda from (see RecordsChangedSince).
type AgendaAsked struct {
	Origin   Origin
	Running  *Meeting
	Waits    bool // as Table.Waits
	Snapshot string
	Changed  bool
}

// ApologyKeep says which parts of the apology standing an update leaves as
// they are: the parts the sender did not mention. A part not kept is set
// to what the update says, empty to remove it. An apology withdrawn, or
// none, has nothing to keep: its kept parts start empty.
type ApologyKeep struct {
	Reason, Substitute bool
}

// ApologyParts are the parts of an apology an update may change.
type ApologyParts struct {
	Reason         string
	SubstituteID   string
	SubstituteName string
}

// ApologySent is what sending an apology did: its outcome (empty when
// nothing was sent), the parts of the apology that stood before (Was, nil
// when none stood) and those standing now.
type ApologySent struct {
	Outcome ApologyOutcome
	Was     *ApologyParts
	Now     ApologyParts
	// SubstituteFor names the people whose apologies for the meeting name
	// the sender (by their Slack user) as their substitute: the apology
	// stands, and the reply says they will need someone else.
	SubstituteFor []string
}

// ApologyOutcome says what sending an apology changed.
type ApologyOutcome string

// Outcomes of sending an apology.
const (
	ApologyRecorded  ApologyOutcome = "recorded"  // new
	ApologyChanged   ApologyOutcome = "changed"   // reason or substitute updated
	ApologyUnchanged ApologyOutcome = "unchanged" // the same apology again
	ApologyRenewed   ApologyOutcome = "renewed"   // sent again after a withdrawal
)

// Origin is what a command finds where it was sent: the committee of the
// channel, the sender's membership (nil when they are not a member) and the
// committee's next scheduled meeting (nil when none is scheduled; its
// Apologies count is not read, and is -1).
type Origin struct {
	Committee Committee
	Member    *Member
	// Former: Member is the sender's membership as it was before they
	// left the committee (admitFormer).
	Former bool
	Next   *Meeting
	// Table is read only when asked for (Sub.AtTable); nil otherwise.
	Table *Table
}

// Table is what the subcommands that act on an item of the meeting at
// the table (Sub.AtTable) need besides the origin, read with it.
type Table struct {
	// Running is the committee's meeting in progress (the latest opened
	// and not closed), as runningMeeting finds it; nil when none is.
	Running *Meeting
	// Waits says that, with none in progress, today's meeting has begun
	// by the clock and waits to be opened (awaitingOpening): only then
	// does inFront read it.
	Waits bool
	// Items are the agenda items standing on the meeting with the ID
	// ItemsOf, as AgendaItems lists them: the meeting in progress, else
	// the next meeting (0 when there is neither).
	Items   []AgendaItem
	ItemsOf int64
}

// MeetingChange is a change to a meeting's date, time or venue: who made
// it, when, and what it was before and after.
type MeetingChange struct {
	ID          int64
	MeetingID   int64
	CommitteeID int64
	// Revision is the meeting's revision the change was made against.
	Revision                       int
	OldStartsAt, NewStartsAt       time.Time
	OldTimeUnknown, NewTimeUnknown bool
	OldVenue, NewVenue             string
	By                             string
	At                             time.Time
}

// MeetingEvent is a meeting scheduled, cancelled or recorded from imported
// minutes: who did it, and when.
type MeetingEvent struct {
	Action string // one of the MeetingEvent… words
	By     string
	At     time.Time
}

// The things a MeetingEvent records.
const (
	MeetingEventScheduled = "scheduled"
	MeetingEventCancelled = "cancelled"
	MeetingEventImported  = "imported"
)

// MeetingNotices are the direct messages a change to a meeting sends, in
// the change's transaction: to each member whose apologies for it stand,
// and to each substitute (with a Slack account) named in them. A notice
// with no text is not sent.
type MeetingNotices struct {
	Apologies   Reply
	Substitutes Reply
}

// Moved reports whether the change moved the meeting in time.
func (ch MeetingChange) Moved() bool {
	return !ch.OldStartsAt.Equal(ch.NewStartsAt) || ch.OldTimeUnknown != ch.NewTimeUnknown
}
