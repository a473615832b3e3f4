package commands

import (
	"context"
	"time"
)

// Store keeps the committee records. Package storage implements it on
// PostgreSQL. Methods return errors wrapping ErrNotFound, ErrConflict or
// ErrUnavailable where those apply.
type Store interface {
	CommitteeStore
	MeetingStore
	ApologyStore
	DeclarationStore
	ReportStore
	HomeStore
	AgendaStore
	OutboxStore
	ReminderStore
	MinutesStore
	HistoryStore
	ConductStore
	InterestStore
	DecisionStore
	DeferralStore
	CalendarStore
	ReplayStore
}

// ReplayStore remembers the requests that must run at most once.
type ReplayStore interface {
	// FirstSeen records key and reports whether it is new, across every
	// replica sharing the records.
	FirstSeen(ctx context.Context, key string) (bool, error)
}

// CalendarStore finds committees by their calendar feed's token.
type CalendarStore interface {
	// CommitteeByCalendarToken is the committee whose feed token is token;
	// ErrNotFound if none.
	CommitteeByCalendarToken(ctx context.Context, token string) (Committee, error)
	// ResetCalendarToken gives the committee's feed a new token, which it
	// returns; the old one stops working.
	ResetCalendarToken(ctx context.Context, committeeID int64, by string) (string, error)
}

// CommitteeStore keeps committees and their members.
type CommitteeStore interface {
	// CreateCommittee makes c the committee of its channel with officer as
	// its first officer. A committee of the same name that has no channel
	// yet (one made by an import) is claimed instead of duplicated.
	CreateCommittee(ctx context.Context, c Committee, officer Member) (Committee, error)
	CommitteeByChannel(ctx context.Context, teamID, channelID string) (Committee, error)
	CommitteeByName(ctx context.Context, name string) (Committee, error)
	// Origin is the committee of a channel, userID's membership of it and
	// its next scheduled meeting after t, read at once: what most commands
	// need before anything else.
	Origin(ctx context.Context, teamID, channelID, userID string, after time.Time) (Origin, error)
	// OriginFirstSeen is Origin and FirstSeen(replay) in one statement:
	// ErrReplay, and nothing read, if replay was seen before; ErrNotFound,
	// with replay recorded all the same, if the channel is no committee's.
	// With replay empty there is no check. With table, it reads
	// Origin.Table too.
	OriginFirstSeen(ctx context.Context, teamID, channelID, userID string, after time.Time, replay string, table bool) (Origin, error)
	Members(ctx context.Context, committeeID int64) ([]Member, error)
	// FormerMembers lists those removed from the committee after they
	// were marked at meeting meetingID, or named there as the member
	// someone substituted for: they were members at that meeting.
	FormerMembers(ctx context.Context, committeeID, meetingID int64) ([]Member, error)
	// RemovedMembers lists everyone removed from the committee and not
	// added back, as they were when removed.
	RemovedMembers(ctx context.Context, committeeID int64) ([]Member, error)
	// ChairsAt is who held the chair and who the vice-chair (Slack user
	// IDs, "" for none) when meeting meetingID closed, by the history of
	// the members' roles: the record of a meeting held names its own chair,
	// not today's. Both are "" if the meeting was not closed.
	ChairsAt(ctx context.Context, committeeID, meetingID int64) (chair, vice string, err error)
	// MembersAt lists, for each of the meetings closed in Quorum, those
	// who were members of the committee, officers apart, when it closed,
	// by the history of the membership as ChairsAt reads it, with their
	// name and organisation as they stand (removed since or not). A
	// meeting not closed in Quorum has no entry.
	MembersAt(ctx context.Context, committeeID int64, meetingIDs []int64) (map[int64][]Member, error)
	// Officers lists the committee's officers.
	Officers(ctx context.Context, committeeID int64) ([]Member, error)
	Member(ctx context.Context, committeeID int64, userID string) (Member, error)
	// WasMember reports whether userID was a member of the committee and
	// has been removed: one who never was is not told they are no longer.
	WasMember(ctx context.Context, committeeID int64, userID string) (bool, error)
	// FormerMember is userID's membership of the committee as it was when
	// they were removed; ErrNotFound if they are a member or never were.
	FormerMember(ctx context.Context, committeeID int64, userID string) (Member, error)
	// PutMember adds m or changes their organisation and role;
	// ErrLastOfficer if that would leave the committee with no officer.
	PutMember(ctx context.Context, m Member, by string) (created bool, err error)
	// RemoveMember removes a member, withdrawing their apologies and
	// declarations for meetings still to come after at, the time of the
	// request (zero: the database's clock); ErrLastOfficer if they are the
	// last officer. told, when given, is asked with what the removal did
	// for the message telling the member, queued with it (nil: none).
	RemoveMember(ctx context.Context, committeeID int64, userID, by string, at time.Time, told func(Removal) *OutboxMessage) (Removal, error)
	// HandOver is PutMember for a new chair or vice-chair (m.Role) in
	// place of from, who holds the role now and becomes a member. PutMember
	// and HandOver return a *RoleTaken when someone else holds the role.
	HandOver(ctx context.Context, m Member, from, by string) (created bool, err error)
	// GiveRole is PutMember, or HandOver when from is given, queuing the
	// notice with the change when it gives m a role they did not hold, and
	// fromNotice when it makes from, who held m's role, a member.
	GiveRole(ctx context.Context, m Member, from, by string, notice, fromNotice *OutboxMessage) (created bool, err error)
}

// MeetingStore keeps meetings.
type MeetingStore interface {
	// ScheduleMeeting adds a meeting; ErrConflict if one is already
	// scheduled at that time. A cancelled meeting at the same time is
	// reinstated.
	ScheduleMeeting(ctx context.Context, m Meeting, by string) (Meeting, error)
	// Meetings lists the committee's meetings starting in [from, to), with
	// their apology counts, earliest first.
	Meetings(ctx context.Context, committeeID int64, from, to time.Time) ([]Meeting, error)
	// NextMeeting is the first scheduled meeting starting after t, in
	// brief: its Apologies count is not read, and is -1.
	NextMeeting(ctx context.Context, committeeID int64, after time.Time) (Meeting, error)
	Meeting(ctx context.Context, id int64) (Meeting, error)
	SetMeetingStatus(ctx context.Context, id int64, status MeetingStatus, by string) error
	// CancelMeeting cancels a scheduled meeting that has not been opened.
	// It and opening the meeting (RecordSession) exclude each other: of
	// the two sent at once, one is carried out and the other finds it
	// done. ErrConflict, with nothing changed, when the meeting is not
	// scheduled or has been opened. substitutes, unless empty, is queued in
	// the same transaction to each substitute named by the apologies
	// standing, once.
	CancelMeeting(ctx context.Context, id int64, by string, at time.Time, substitutes Reply) error
	// ChangeMeeting moves a scheduled meeting or changes its venue, keeping
	// the change in its history, in one transaction: the posted agenda and
	// the Homes are marked stale, and the notices are queued (see
	// MeetingNotices). ErrConflict if the meeting is no longer at
	// ch.Revision or no longer scheduled, or another meeting of the
	// committee starts at the new time.
	ChangeMeeting(ctx context.Context, ch MeetingChange, notices MeetingNotices) (Meeting, error)
	// MeetingChanges lists a meeting's changes, oldest first.
	MeetingChanges(ctx context.Context, meetingID int64) ([]MeetingChange, error)
	// MovedOff is the committee's meeting, not cancelled, that was due to
	// start in [from, to) and has moved out of it since (the one moved
	// last); ErrNotFound if none. It is read in brief: Apologies is -1.
	MovedOff(ctx context.Context, committeeID int64, from, to time.Time) (Meeting, error)
	// ChangedMeeting is the ID of the meeting change changeID changed;
	// ErrNotFound when there is no such change.
	ChangedMeeting(ctx context.Context, changeID int64) (int64, error)
	// MeetingEvents lists who scheduled, cancelled, scheduled again or
	// imported a meeting, and when, oldest first.
	MeetingEvents(ctx context.Context, meetingID int64) ([]MeetingEvent, error)
}

// ApologyStore keeps apologies and their history.
type ApologyStore interface {
	// SendApology records or updates a's apology for its meeting, keeping
	// the history. ErrConflict, with nothing written, once the meeting has
	// been opened: apologies and the opening are ordered, and those sent
	// as it commits are refused.
	SendApology(ctx context.Context, a Apology) (ApologyOutcome, error)
	// UpdateApology is SendApology keeping the parts of the apology
	// standing that keep names, in the same one statement, and says what
	// stood before and stands now. ErrConflict, with nothing written, as
	// well once the meeting has been cancelled, or moved from
	// a.MeetingStartsAt when that is set: a cancelling and a move are
	// ordered with apologies as the opening is, and apologies sent as
	// either commits are refused. notice, when not nil, is the direct
	// message telling the member of apologies entered for them, queued
	// with the apology in the same transaction when it changed anything.
	UpdateApology(ctx context.Context, a Apology, keep ApologyKeep, notice *OutboxMessage) (ApologySent, error)
	// SendApologyFrom is what Origin reads and UpdateApology writes (with
	// req.Keep), at once: the committee of the request's channel, the sender's
	// membership and the meeting (req.MeetingID, or the next), and, if the
	// sender is a member and the meeting is scheduled and still to come,
	// their apology. The outcome is empty when nothing was sent; the Origin
	// (Next: the meeting aimed at) says why. With req.Replay, the key is
	// recorded as FirstSeen records it, in the same statement, for a
	// request from a committee's channel; seen before, nothing is written
	// and the error is ErrReplay. From any other channel the key is not
	// recorded (and ErrNotFound says so).
	SendApologyFrom(ctx context.Context, req ApologyRequest) (Origin, ApologySent, error)
	// WithdrawApology withdraws userID's apology; ErrNotFound if none stands.
	// userID may be the name key of someone not in Slack (see recordKey).
	// ErrConflict, with nothing withdrawn, once the meeting has been
	// opened or cancelled, or has moved from m.StartsAt (m is the meeting
	// as the sender was shown it): a withdrawal is ordered with those as
	// apologies sent are (ConductStore.WithdrawApologyAtMeeting withdraws
	// them at the meeting in progress). at is when it was asked for, which
	// the history keeps. notice, when not nil, is queued with the
	// withdrawal, in the same transaction.
	WithdrawApology(ctx context.Context, m Meeting, userID, by string, at time.Time, notice *OutboxMessage) error
	// Apologies lists the apologies standing for a meeting, in the order sent.
	Apologies(ctx context.Context, meetingID int64) ([]Apology, error)
	// ApologyHistory lists every change to apologies for a meeting, oldest first.
	ApologyHistory(ctx context.Context, meetingID int64) ([]ApologyEvent, error)
}

// HomeStore reads what a member's Home tab shows, for all their
// committees at once.
type HomeStore interface {
	// Memberships lists the committees of team teamID ("" for any) that
	// userID is a member of, by committee name.
	Memberships(ctx context.Context, teamID, userID string) ([]Membership, error)
	// NextMeetings is the next scheduled meeting after t of each of the
	// committees that has one, with apology counts.
	NextMeetings(ctx context.Context, committeeIDs []int64, after time.Time) ([]Meeting, error)
	// MemberApologies lists userID's apologies standing for the meetings.
	MemberApologies(ctx context.Context, userID string, meetingIDs []int64) ([]Apology, error)
	// SubstituteApologies lists the apologies standing for the meetings
	// that name userID as substitute, by meeting, oldest first.
	SubstituteApologies(ctx context.Context, userID string, meetingIDs []int64) ([]Apology, error)
	// SubstituteCommittees lists the committees of team teamID ("" for
	// any) that userID is no member of, and whose scheduled meetings not
	// opened that start after t or in the 12 hours before (today's waiting
	// to be opened among them), or meeting under way, have apologies
	// standing that name userID as substitute, by name.
	SubstituteCommittees(ctx context.Context, teamID, userID string, after time.Time) ([]Committee, error)
	// MarkDayHomes marks for publishing again (see OutboxHome) the Homes,
	// of people who have opened theirs, that turn with the day after since
	// and by until (times of day in the committee's time zone): the
	// vice-chair's, of a committee with a meeting, not cancelled, whose
	// advertised start or the midnight after it fell then; the members'
	// and the named substitutes', of a scheduled meeting not opened whose
	// advertised start fell then, and the substitutes' named at the
	// meeting next after until; and the owner's and the officers', the
	// chair's and the vice-chair's, of an open action whose due day's
	// following midnight fell then, and the agendas posted for its
	// committee's meetings to come. It reports how many Homes it marked, and
	// keeps until as the moment marked up to (DayHomesMarked), unless a
	// later one is kept already.
	MarkDayHomes(ctx context.Context, since, until time.Time) (int, error)
	// DayHomesMarked is the latest until MarkDayHomes was given, by any
	// replica; zero if none.
	DayHomesMarked(ctx context.Context) (time.Time, error)
	// AgendaItemsFor lists the agenda items of the meetings, by meeting.
	AgendaItemsFor(ctx context.Context, meetingIDs []int64) ([]AgendaItem, error)
	// ReportLinksFor lists the report links standing for the meetings.
	ReportLinksFor(ctx context.Context, meetingIDs []int64) ([]ReportLink, error)
	// MemberDeclarations lists userID's declarations standing (not
	// withdrawn) for the meetings, by meeting, oldest first.
	MemberDeclarations(ctx context.Context, userID string, meetingIDs []int64) ([]Declaration, error)
	// MeetingsDeclarations lists everyone's declarations standing for
	// the meetings, by meeting, oldest first.
	MeetingsDeclarations(ctx context.Context, meetingIDs []int64) ([]Declaration, error)
	// HomeOpened records that userID opened their Home, so that changes to
	// the records behind it mark it for publishing again (see
	// OutboxHome).
	// A notice, when given, is the outcome of a button pressed on the
	// Home, which HomeNotice gives back for a while.
	HomeOpened(ctx context.Context, teamID, userID string, at time.Time, notice string) error
	// HomeNotice is the notice recorded with HomeOpened since since, if any.
	HomeNotice(ctx context.Context, teamID, userID string, since time.Time) (string, error)
	// WithHomeLock runs fn holding a lock on the person's Home that holds
	// across replicas: one Home is built and published at a time.
	WithHomeLock(ctx context.Context, teamID, userID string, fn func() error) error
	// PostedMessages says which of the message keys name a channel message
	// that is posted or queued for posting (see OutboxStore.MessagePosted).
	PostedMessages(ctx context.Context, keys []string) ([]string, error)
}

// MinutesStore keeps imported minutes and finds what was resolved.
type MinutesStore interface {
	// EnsureCommittee returns the committee called name, making it (with no
	// channel) if there is none.
	EnsureCommittee(ctx context.Context, name, by string) (Committee, error)
	// ImportMinutes stores rec in one transaction: nothing if a document
	// with its hash is already the meeting's minutes; otherwise rec
	// replaces the meeting's earlier minutes, which are kept marked
	// replaced. It returns the meeting's ID; ErrConflict if the meeting's
	// minutes were confirmed in Quorum, and a *DraftMinutesError if they
	// are drafted in Quorum and rec.ReplaceDrafts is not set. The
	// record's actions are added, each under its minute, unless the
	// meeting has one under that minute with the same text already (an
	// earlier import's, or entered by hand): a re-issued version adds no
	// second of an action that may have been re-dated, reassigned or done
	// since; none is added when rec.SkipActions, or when a later meeting
	// has published minutes on record (MinutesStored.LaterMinutes). Their
	// log says they were recorded from the minutes ("imported", by whoever
	// imported them, which /action history does not show).
	ImportMinutes(ctx context.Context, rec MinutesRecord) (MinutesStored, error)
	// MinutesByNumber lists the committee's minutes numbered number, the
	// most recent first, at most limit; a non-zero on keeps those of that day.
	MinutesByNumber(ctx context.Context, committeeID int64, number string, on Date, limit int) ([]Minute, error)
	// MinutesOn lists the minutes of the committee's meetings on day, in order.
	MinutesOn(ctx context.Context, committeeID int64, day Date) ([]Minute, error)
	// SearchMinutes finds the committee's minutes whose title, resolutions
	// or narrative match words (web search syntax: "quoted phrase", or,
	// -not), best first, at most limit, with Highlight set; recentOnly
	// says whether it looked among the committee's RecentMinutes most
	// recent minutes only: it does for a phrase whose words are common,
	// which no index can rule out quickly among tens of thousands of
	// minutes.
	SearchMinutes(ctx context.Context, committeeID int64, words string, limit int) (found []Minute, recentOnly bool, err error)
	// WordsNotInMinutes lists those of words that no minute of the
	// committee holds, each looked for alone as SearchMinutes looks for
	// it, in their order.
	WordsNotInMinutes(ctx context.Context, committeeID int64, words []string) ([]string, error)
	// AcronymDefinitions is the text that stands before the acronym in
	// brackets, "(VAWG)", in the committee's records other than its minutes'
	// search text (its agenda items, and the documents it imported, the
	// latest first), at most limit places, each up to 120 characters: where
	// the words it stands for are spelt out. acronym is 2–6 capitals.
	AcronymDefinitions(ctx context.Context, committeeID int64, acronym string, limit int) ([]string, error)
	// FindMinutesFrom is what Origin reads, and what MinutesByNumber (of
	// any day) or SearchMinutes finds for req.Number or req.Words, at once,
	// for the committee of the request's channel. With req.Replay, the key
	// is recorded as FirstSeen records it, in the same statement; seen
	// before, the error is ErrReplay. From a channel that is no
	// committee's, the error is ErrNotFound and nothing is recorded.
	FindMinutesFrom(ctx context.Context, req FindRequest) (o Origin, found []Minute, recentOnly bool, err error)
	Minute(ctx context.Context, id int64) (Minute, error)
	// LastMinute is the last minute of the latest meeting before t that has
	// minutes on record; a minute made only for a correction to stand on,
	// with nothing recorded in it, is not one.
	LastMinute(ctx context.Context, committeeID int64, before time.Time) (Minute, error)
	// PreviousMeeting is the latest meeting held before t: marked held,
	// or not cancelled and opened or with records of its own (an imported
	// agenda, the agenda posted, apologies, declarations, report links).
	// A meeting opened before its advertised start was held from when it
	// was opened.
	PreviousMeeting(ctx context.Context, committeeID int64, before time.Time) (Meeting, error)
}

// ApologyEvent is one entry in an apology's history.
type ApologyEvent struct {
	UserID         string
	Name           string
	Action         string // "sent", "changed", "withdrawn", "imported" (read from the minutes: At is when imported, not sent), "restored", "received" (at the meeting)
	Reason         string
	SubstituteName string
	By             string
	At             time.Time
}

// DeclarationStore keeps declarations of interest. Declarations are never
// changed: withdrawals and dispensations are records of their own.
type DeclarationStore interface {
	// Declare records d. If the same declaration (meeting, item, member,
	// kind, nature) already stands, as after a double submit, it returns
	// that one with created false. notice, when not nil, is queued with a
	// declaration created, in the same transaction, and not otherwise.
	Declare(ctx context.Context, d Declaration, notice *OutboxMessage) (stored Declaration, created bool, err error)
	// DeclareFrom is what dispatch reads for a `/declare` (the committee
	// of the request's channel, the sender's membership and the meeting at
	// the table: the one in progress, if it opened in the last twelve
	// hours, or the next) and what Declare writes, at once: the sender's
	// declaration on the item of that meeting's agenda that req.Items
	// names. ok is false, with nothing written and the replay key not
	// recorded, when the sender is not a member, no meeting is at the
	// table or the item is not on its agenda: the caller goes the long
	// way, which says which. With req.Replay, the key is recorded in the
	// same statement as the declaration; seen before, nothing is written
	// and the error is ErrReplay. From a channel that is no committee's,
	// the error is ErrNotFound and nothing is recorded.
	DeclareFrom(ctx context.Context, req DeclareRequest) (out DeclaredFrom, ok bool, err error)
	// Declaration is one declaration, standing or withdrawn.
	Declaration(ctx context.Context, id int64) (Declaration, error)
	// Declarations lists the declarations standing for a meeting, in the
	// order made.
	Declarations(ctx context.Context, meetingID int64) ([]Declaration, error)
	// WithdrawDeclarations withdraws userID's standing declarations for an
	// item and says how many there were: for item itemID (and any filed
	// on no item under its number), or, when itemID is 0, for the items
	// numbered item taken off the agenda; only the one numbered only when
	// only is not 0. userID may be a name key, as for WithdrawApology. at
	// is when it was asked for, which the history keeps. notice, when not
	// nil, is queued with the withdrawal when there was any, in the same
	// transaction.
	WithdrawDeclarations(ctx context.Context, meetingID, itemID int64, item, userID, by string, only int64, at time.Time, notice *OutboxMessage) (int, error)
	// RecordDispensation records that the declarant holds a dispensation,
	// as of at, which the history keeps: DispensationUnchanged if one was
	// already recorded; DispensationWithdrawn, with nothing written, if
	// the declaration has been withdrawn, even by a withdrawal that was
	// being committed as this was called. notice, when not nil, is queued
	// with a dispensation recorded, in the same transaction, and not
	// otherwise.
	RecordDispensation(ctx context.Context, declarationID int64, by string, at time.Time, notice *OutboxMessage) (DispensationOutcome, error)
}

// ReportStore keeps links to written reports, as an append-only log.
type ReportStore interface {
	// SubmitReport records l, replacing the member's earlier link for the
	// same item (which stays in the log). notice, when not nil, is queued
	// with a link recorded or replaced, in the same transaction, and not
	// with the same link again.
	SubmitReport(ctx context.Context, l ReportLink, notice *OutboxMessage) (ReportOutcome, error)
	// SubmitReportFrom is DeclareFrom for a member's own report link: the
	// origin and the meeting at the table read, and the link submitted,
	// at once, on an item with no presenter, or by an officer. ok is
	// false, with nothing written and the replay key not recorded, for
	// any other (and as DeclareFrom's is): the caller goes the long way,
	// which applies the presenter's rule (mayReport) and says why.
	SubmitReportFrom(ctx context.Context, req ReportRequest) (out ReportedFrom, ok bool, err error)
	// RemoveReport removes userID's link for item itemID (for a link
	// filed on no item: the one under number item), or with userID empty
	// that of name, someone not in Slack; by is who removed it, the
	// member, an officer or the chair, kept in the log, at the time of the
	// request (the database's clock when zero). ErrNotFound if none
	// stands. notice, when not nil, is the direct message telling the
	// member, queued with the removal, by the same statement.
	RemoveReport(ctx context.Context, meetingID, itemID int64, item, userID, name, by string, at time.Time, notice *OutboxMessage) error
	// ReportLinks lists the links standing for a meeting, oldest first.
	ReportLinks(ctx context.Context, meetingID int64) ([]ReportLink, error)
}

// Directory finds people's display names, e.g. from Slack's users.info.
// Someone it does not know is an error wrapping ErrNotFound; any other
// error means it could not be asked just now.
type Directory interface {
	DisplayName(ctx context.Context, userID string) (string, error)
}

// RefusedError is a Directory refused by Slack for the bot itself (its
// token, its permissions), not for the one look-up: asking again will not
// help until whoever runs Quorum does what Advice says.
type RefusedError struct {
	// Advice says what is wrong and who puts it right, as a clause.
	Advice string
	Err    error
}

func (e *RefusedError) Error() string { return e.Err.Error() }
func (e *RefusedError) Unwrap() error { return e.Err }

// AgendaStore keeps agendas: the numbered items of each meeting, and the
// reports submitted for them.
type AgendaStore interface {
	// CommitteeByID finds a committee by its ID.
	CommitteeByID(ctx context.Context, id int64) (Committee, error)
	// AgendaItems lists a meeting's standing items in natural order.
	AgendaItems(ctx context.Context, meetingID int64) ([]AgendaItem, error)
	// RemovedItem finds the item numbered as one of numbers (in lower
	// case) taken off a meeting's agenda last, and when it was;
	// ErrNotFound when none was. Only a refusal asks it.
	RemovedItem(ctx context.Context, meetingID int64, numbers []string) (AgendaItem, time.Time, error)
	// ChangeAgenda applies changes to a meeting's items in order, in one
	// transaction: all or nothing. Adding a number that stands, or any
	// change to a meeting cancelled, is ErrConflict; removing or moving
	// one that does not is ErrNotFound; a meeting opened is
	// *MeetingUnderWay.
	// It holds the meeting's row from before it reads what a removal asks
	// about (AgendaChange.Ask) until it commits.
	ChangeAgenda(ctx context.Context, meetingID int64, changes []AgendaChange, by string) error
	// ImportAgenda records an imported agenda in one transaction: its
	// meeting (made if missing), its items, and the future meetings of its
	// programme. The same document twice changes nothing. It holds the
	// meeting's row, as ChangeAgenda does, from before it reads the agenda
	// it replaces (and calls imp.Ask with what would go) until it commits.
	ImportAgenda(ctx context.Context, imp AgendaImport, by string) (AgendaImportResult, error)
	// RecordsChangedSince reports whether a transaction that the database
	// snapshot since (as returned before) did not see has changed any
	// record a committee's agendas show, and returns the snapshot now, to
	// be taken before reading records it will vouch for. With since empty,
	// changed is true.
	RecordsChangedSince(ctx context.Context, committeeID int64, since string) (now string, changed bool, err error)
	// AgendaFrom is what Origin reads, with the committee's meeting in
	// progress, and what RecordsChangedSince says of req.Since, at once,
	// for the committee of the request's channel. With req.Replay, the key
	// is recorded as FirstSeen records it, in the same statement; seen
	// before, the error is ErrReplay. From a channel that is no
	// committee's, the error is ErrNotFound and nothing is recorded.
	AgendaFrom(ctx context.Context, req AgendaRequest) (AgendaAsked, error)
}

// OutboxStore queues messages for Slack. A worker in package bot sends
// them; see OutboxMessage.
type OutboxStore interface {
	// Enqueue adds msgs in one transaction. If any carries a DedupeKey
	// already used, nothing is added and ok is false — unless that message
	// failed for good, when it is queued afresh. An update coalesces with a
	// pending update of the same MessageKey, which takes its Reply.
	Enqueue(ctx context.Context, msgs ...OutboxMessage) (ok bool, err error)
	// MessagePosted reports whether a post of key was sent or is pending.
	MessagePosted(ctx context.Context, key string) (bool, error)
}

// ReminderStore keeps reminder settings and finds the reminders not yet
// sent.
type ReminderStore interface {
	// SetReminders sets a committee's reminder days (none: off) and time,
	// as of now.
	SetReminders(ctx context.Context, committeeID int64, days []int, at Clock, by string, now time.Time) error
	// ReminderDayOn reports whether the committee's reminder settings at
	// at had reminders on, days before a meeting.
	ReminderDayOn(ctx context.Context, committeeID int64, days int, at time.Time) (bool, error)
	// LastReminders are the committee's last reminder settings with
	// reminders on, as `/meeting reminders` set them: the days (none when
	// never set so) and the time.
	LastReminders(ctx context.Context, committeeID int64) (days []int, at string, err error)
	// SetYearStart sets the month a committee's municipal year starts in.
	SetYearStart(ctx context.Context, committeeID int64, month time.Month, by string) error
	// YearStart is the month a committee's municipal year starts in (May
	// unless set), from which minutes are numbered afresh.
	YearStart(ctx context.Context, committeeID int64) (time.Month, error)
	// PendingReminders lists, for committees with a channel, each
	// scheduled meeting starting in (from, to] and each of its
	// committee's reminder days for which no reminder was enqueued yet.
	PendingReminders(ctx context.Context, from, to time.Time) ([]PendingReminder, error)
}

// ConductStore keeps the meeting itself: its conduct log, its attendance
// log, and the committee's quorum rule and voting members. Both logs are
// append-only; what stands is folded from them (SittingOf, Standing).
type ConductStore interface {
	// RecordSession appends e to its meeting's conduct log when the
	// meeting's state (see Sitting) is one of after; added is false when
	// it is not, as when another replica made the same change first. A
	// post, when given, is queued in the same transaction (the live
	// message), and marked for an update there too when the apologies
	// standing are not those it was built from (see LivePost); every
	// change marks the live message for an update.
	RecordSession(ctx context.Context, e SessionEvent, after []SessionAction, post *LivePost) (added bool, err error)
	// Sessions is a meeting's conduct log, oldest first.
	Sessions(ctx context.Context, meetingID int64) ([]SessionEvent, error)
	// TakeChair appends c to its meeting's log of who took the chair
	// while the meeting is open or adjourned, numbered c.Seq, the number
	// after the last of the log as read (ChairsTaken); added is false when
	// it has closed (or never opened), or when another entry has taken
	// that number meanwhile. It marks the live message and the Homes for
	// an update.
	TakeChair(ctx context.Context, c ChairTaken) (added bool, err error)
	// ChairsTaken is a meeting's log of who took the chair, oldest first.
	ChairsTaken(ctx context.Context, meetingID int64) ([]ChairTaken, error)
	// RunningMeetings lists the meetings of the committees that are open
	// or adjourned, not closed.
	RunningMeetings(ctx context.Context, committeeIDs []int64) ([]Meeting, error)
	// MarkAttendance appends m to the attendance log unless the person's
	// standing mark already says the same (added is false). A member
	// marked here who had sent apologies has them withdrawn, with history,
	// in the same transaction. lost, when not nil, is called in that
	// transaction when the mark may take the meeting below its quorum (it
	// takes someone counted away), with the meeting's log, oldest first,
	// ending with the mark: no other mark is committed between that read
	// and the mark's commit. What lost returns is queued with the mark
	// (once per dedupe key).
	MarkAttendance(ctx context.Context, m AttendanceMark, lost func(log []AttendanceMark) []OutboxMessage) (added bool, err error)
	// ReceiveApology records a's apologies for its meeting, in progress,
	// as received at it and entered by a.By (the history's action is
	// "received"), keeping the reason standing when keep.Reason, in one
	// statement with its history and the stale marks of what shows it.
	// ErrConflict, with nothing written, when the meeting is not in
	// progress or the person's latest attendance mark has them at it (any
	// but absent): read under the attendance lock, so that no mark of them
	// here commits between that read and the apology's commit. notice,
	// when not nil, is queued with apologies that changed anything, in the
	// same transaction, and not otherwise.
	ReceiveApology(ctx context.Context, a Apology, keep ApologyKeep, notice *OutboxMessage) (ApologySent, error)
	// WithdrawApologyAtMeeting withdraws the apologies standing for the
	// person of member key userID at the meeting, in progress, by by, with
	// their history and the stale marks of what shows them. ErrNotFound if
	// none stands; ErrConflict, with nothing written, when the meeting is
	// not in progress: read under the attendance lock, as ReceiveApology
	// reads it. at is when it was asked for, which the history keeps.
	// notice, when not nil, is queued with the withdrawal, in the same
	// transaction, and not when nothing was withdrawn.
	WithdrawApologyAtMeeting(ctx context.Context, meetingID int64, userID, by string, at time.Time, notice *OutboxMessage) error
	// AttendanceLog is a meeting's attendance log, oldest first.
	AttendanceLog(ctx context.Context, meetingID int64) ([]AttendanceMark, error)
	// QuorumRule is the committee's rule; the zero rule when none is set.
	QuorumRule(ctx context.Context, committeeID int64) (QuorumRule, error)
	// QuorumRules are the rules the committee has had, oldest first, each
	// with when it was set: the rule in force at a meeting held before a
	// change is not today's.
	QuorumRules(ctx context.Context, committeeID int64) ([]QuorumRuleSet, error)
	// SetQuorumRule sets the committee's rule, keeping the change in the
	// audit log at at, the time of the request (zero: the database's
	// clock).
	SetQuorumRule(ctx context.Context, committeeID int64, r QuorumRule, by string, at time.Time) error
	// NonVoting lists the user IDs of the committee's members who do not vote.
	NonVoting(ctx context.Context, committeeID int64) ([]string, error)
}

// InterestStore keeps the register of interests. Entries are never edited:
// removing one records its end; adding, removing and reviewing each count
// as a review of the member's register.
type InterestStore interface {
	// AddInterest records e, and a review of its member's register; an
	// *EntryStands, with nothing recorded, if an entry SameEntry as e
	// stands on the register, found as e would be added. notice, when not
	// nil, is queued with the entry, in the same transaction.
	AddInterest(ctx context.Context, e Interest, notice *OutboxMessage) (Interest, error)
	// Interest is one entry, standing or ended; ErrNotFound if none.
	Interest(ctx context.Context, id int64) (Interest, error)
	// EndInterest records that entry id ended on the day given, and (at
	// at) a review of its member's register; ErrConflict if it had ended
	// already. notice, when not nil, is queued with the ending, in the same
	// transaction.
	EndInterest(ctx context.Context, id int64, on Date, by string, at time.Time, notice *OutboxMessage) error
	// Interests lists a committee's entries (userID's only, unless it is
	// ""), oldest first; ended ones only when withEnded.
	Interests(ctx context.Context, committeeID int64, userID string, withEnded bool) ([]Interest, error)
	// ReviewInterests records that userID's register was reviewed at at.
	// notice, when not nil, is queued with the review, in the same
	// transaction; a review by is made already that day, nothing is.
	ReviewInterests(ctx context.Context, committeeID int64, userID, by string, at time.Time, notice *OutboxMessage) error
	// InterestReviews is the latest review of each member's register.
	InterestReviews(ctx context.Context, committeeID int64) ([]InterestReview, error)
	// ReviewsOf lists the reviews of userID's register that were only
	// reviews, oldest first: adding or removing an entry, which counts as
	// one, is in the entry's own history.
	ReviewsOf(ctx context.Context, committeeID int64, userID string) ([]InterestReview, error)
	// DismissPrompt remembers that userID said item itemID does not
	// concern their register, at at (the database's clock if zero);
	// created is false if they had said so.
	DismissPrompt(ctx context.Context, committeeID int64, userID string, itemID int64, by string, at time.Time) (created bool, err error)
	// DismissedPrompts lists the dismissals of prompts about the items.
	DismissedPrompts(ctx context.Context, itemIDs []int64) ([]PromptDismissal, error)
	// RegisterStates lists every member of each committee that has a
	// channel, with the latest review of their register.
	RegisterStates(ctx context.Context) ([]RegisterState, error)
	// GiftThreshold is the value, in pence, from which the committee's
	// members register gifts and hospitality.
	GiftThreshold(ctx context.Context, committeeID int64) (int, error)
	// SetGiftThreshold sets it, keeping the change in the audit log.
	SetGiftThreshold(ctx context.Context, committeeID int64, pence int, by string) error
}
