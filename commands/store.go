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
	MinutesStore
}

// CommitteeStore keeps committees and their members.
type CommitteeStore interface {
	// CreateCommittee makes c the committee of its channel with officer as
	// its first officer. A committee of the same name that has no channel
	// yet (one made by an import) is claimed instead of duplicated.
	CreateCommittee(ctx context.Context, c Committee, officer Member) (Committee, error)
	CommitteeByChannel(ctx context.Context, teamID, channelID string) (Committee, error)
	CommitteeByName(ctx context.Context, name string) (Committee, error)
	Members(ctx context.Context, committeeID int64) ([]Member, error)
	Member(ctx context.Context, committeeID int64, userID string) (Member, error)
	// PutMember adds m or changes their organisation and role.
	PutMember(ctx context.Context, m Member, by string) (created bool, err error)
	// RemoveMember removes a member; ErrConflict if they are the last officer.
	RemoveMember(ctx context.Context, committeeID int64, userID, by string) error
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
	// NextMeeting is the first scheduled meeting starting after t.
	NextMeeting(ctx context.Context, committeeID int64, after time.Time) (Meeting, error)
	Meeting(ctx context.Context, id int64) (Meeting, error)
	SetMeetingStatus(ctx context.Context, id int64, status MeetingStatus, by string) error
}

// ApologyStore keeps apologies and their history.
type ApologyStore interface {
	// SendApology records or updates a's apology for its meeting, keeping
	// the history.
	SendApology(ctx context.Context, a Apology) (ApologyOutcome, error)
	// WithdrawApology withdraws userID's apology; ErrNotFound if none stands.
	WithdrawApology(ctx context.Context, meetingID int64, userID, by string) error
	// Apologies lists the apologies standing for a meeting, in the order sent.
	Apologies(ctx context.Context, meetingID int64) ([]Apology, error)
	// ApologyHistory lists every change to apologies for a meeting, oldest first.
	ApologyHistory(ctx context.Context, meetingID int64) ([]ApologyEvent, error)
}

// MinutesStore keeps imported minutes and finds what was resolved.
type MinutesStore interface {
	// EnsureCommittee returns the committee called name, making it (with no
	// channel) if there is none.
	EnsureCommittee(ctx context.Context, name, by string) (Committee, error)
	// ImportMinutes stores rec in one transaction: nothing if a document
	// with its hash is already the meeting's minutes; otherwise rec
	// replaces the meeting's earlier minutes, which are kept marked
	// replaced. It returns the meeting's ID.
	ImportMinutes(ctx context.Context, rec MinutesRecord) (ImportOutcome, int64, error)
	// MinutesByNumber lists the committee's minutes numbered number, the
	// most recent first, at most limit; a non-zero on keeps those of that day.
	MinutesByNumber(ctx context.Context, committeeID int64, number string, on Date, limit int) ([]Minute, error)
	// MinutesOn lists the minutes of the committee's meetings on day, in order.
	MinutesOn(ctx context.Context, committeeID int64, day Date) ([]Minute, error)
	// SearchMinutes finds the committee's minutes whose title, resolutions
	// or narrative match words (web search syntax: "quoted phrase", or,
	// -not), best first, at most limit, with Highlight set.
	SearchMinutes(ctx context.Context, committeeID int64, words string, limit int) ([]Minute, error)
	Minute(ctx context.Context, id int64) (Minute, error)
	// LastMinute is the last minute of the latest meeting before t that has
	// minutes on record.
	LastMinute(ctx context.Context, committeeID int64, before time.Time) (Minute, error)
	// PreviousMeeting is the latest meeting before t that was not cancelled.
	PreviousMeeting(ctx context.Context, committeeID int64, before time.Time) (Meeting, error)
	// MeetingDeclarations lists the declarations of interest standing for
	// a meeting, in the order made.
	MeetingDeclarations(ctx context.Context, meetingID int64) ([]DeclaredInterest, error)
}

// ApologyEvent is one entry in an apology's history.
type ApologyEvent struct {
	UserID         string
	Name           string
	Action         string // "sent", "changed", "withdrawn"
	Reason         string
	SubstituteName string
	By             string
	At             time.Time
}

// Directory finds people's display names, e.g. from Slack's users.info.
type Directory interface {
	DisplayName(ctx context.Context, userID string) (string, error)
}
