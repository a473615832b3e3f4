package minutes

import (
	"errors"
	"slices"
)

// MaxInputSize is the largest document the parsers accept. Real agenda packs
// are well under a megabyte of text; the cap keeps a stray upload from tying
// up the bot.
const MaxInputSize = 5 << 20

var (
	// ErrNoAgenda means the text holds nothing that looks like an agenda.
	ErrNoAgenda = errors.New("minutes: no agenda found in text")
	// ErrNoMinutes means the text holds nothing that looks like minutes.
	ErrNoMinutes = errors.New("minutes: no minutes found in text")
	// ErrTooLarge means the text is larger than MaxInputSize.
	ErrTooLarge = errors.New("minutes: document larger than 5 MB")
)

// Meeting identifies one meeting of a committee.
type Meeting struct {
	Committee string `json:"committee,omitempty"` // as printed
	Date      string `json:"date"`                // ISO "2021-12-09"; "" if not found
	// NotADate is the meeting's date as printed when no calendar has it
	// ("31 February 2026", "29 February 2025"); Date is then "".
	NotADate string `json:"not_a_date,omitempty"`
	Time     string `json:"time,omitempty"` // 24h "10:00"
	Venue    string `json:"venue,omitempty"`
}

// Person is someone named in the minutes, with the body they represent when
// the minutes print it in brackets after the name.
type Person struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation,omitempty"`
}

// Declaration is one declaration of interest.
type Declaration struct {
	Name   string `json:"name"`
	Item   string `json:"item"`
	Kind   string `json:"kind"` // "pecuniary", "personal" or "other"
	Nature string `json:"nature"`
}

// Minute is one numbered minute.
type Minute struct {
	Number      string     `json:"number"`
	Title       string     `json:"title"`
	Narrative   string     `json:"narrative,omitempty"`
	Resolutions []string   `json:"resolutions"`
	Parts       [][]string `json:"parts,omitempty"` // aligned with Resolutions when set
	// RecordedAs is the word each resolution was recorded under, aligned
	// with Resolutions: "RESOLVED", "DECISION", "AGREED", "NOTED",
	// "RECOMMENDED", "RESOLVED FURTHER" or "FURTHER RESOLVED". It is set only
	// when one of them is not "RESOLVED".
	RecordedAs []string `json:"recorded_as,omitempty"`
	References []string `json:"references"`
	// After is the end of Narrative that the minutes print after the
	// resolutions ("ACTION: …" under a "Decision: …"), so that they can
	// be shown in the order printed; "" when nothing follows them.
	After string `json:"after,omitempty"`
	// Between is, for each resolution but the last, the part of
	// Narrative the minutes print after it and before the next one (""
	// for none): a paragraph between "RESOLVED: …" and "RESOLVED
	// FURTHER: …", shown there as printed. It comes after the text
	// before the first resolution, and before After, in the order
	// printed; nil when nothing is printed between them.
	Between []string `json:"between,omitempty"`

	// earlier is, for each resolution recorded as RESOLVED FURTHER, what
	// it read as before that label was known ("FURTHER: That …", under
	// RESOLVED), and "" for the others; nil when there are none. It is
	// not part of the record (AsReadBefore).
	earlier []string
}

// AsReadBefore is m as readings before "RESOLVED FURTHER" was a label
// read it: those resolutions recorded under RESOLVED, their text beginning
// with the word. Imports keep a hash of what they read, to tell the same
// document imported again from a re-issue; minutes imported before are
// told by the hash of this.
func (m Minute) AsReadBefore() Minute {
	if m.earlier == nil {
		return m
	}
	m.Resolutions = slices.Clone(m.Resolutions)
	parts, anyParts := make([][]string, len(m.Resolutions)), false
	for i := range m.Resolutions {
		if i < len(m.earlier) && m.earlier[i] != "" {
			m.Resolutions[i] = m.earlier[i]
		}
		if parts[i] = resolutionParts(m.Resolutions[i]); len(parts[i]) > 0 {
			anyParts = true
		} else {
			parts[i] = []string{}
		}
	}
	m.Parts = nil
	if anyParts {
		m.Parts = parts
	}
	words, anyWord := slices.Clone(m.RecordedAs), false
	for i, w := range words {
		if w == "RESOLVED FURTHER" {
			words[i] = "RESOLVED"
		}
		anyWord = anyWord || words[i] != "RESOLVED"
	}
	m.RecordedAs = nil
	if anyWord {
		m.RecordedAs = words
	}
	m.earlier = nil
	return m
}

// Minutes is the record of one meeting.
type Minutes struct {
	Meeting Meeting  `json:"meeting"`
	Present []string `json:"present"`
	// InAttendance are those the minutes list as in attendance ("In
	// attendance: Ms A Kerr (Community Safety Manager)"): officers
	// advising the meeting, not members present; left out when the
	// minutes list none.
	InAttendance []string `json:"in_attendance,omitempty"`
	Apologies    []Person `json:"apologies"`
	// Absent are those an attendance table marks absent, or a list
	// printed with those present names absent ("Absent: Councillor P
	// Kelly"): neither present nor sending apologies, as the document
	// says; left out when it names no one so.
	Absent         []string      `json:"absent,omitempty"`
	Declarations   []Declaration `json:"declarations"`
	NoDeclarations bool          `json:"no_declarations,omitempty"`
	Minutes        []Minute      `json:"minutes"`
	// Actions are the actions the minutes give people, in the order
	// printed; left out when there are none.
	Actions []Action `json:"actions,omitempty"`
	// Closed is the line that says when the meeting closed, as printed
	// ("The meeting closed at 3.25 pm."); "" when the minutes print none.
	Closed   string   `json:"closed,omitempty"`
	Warnings []string `json:"warnings"`

	// earlierPresent is Present as read before InAttendance was a list
	// of its own, those in attendance among those present; nil when the
	// minutes list no one in attendance. It is not part of the record
	// (AsReadBefore).
	earlierPresent []string
}

// AsReadBefore is m as earlier readings read it: those in attendance
// among those present, no closing line, and each minute as its
// AsReadBefore. Imports keep a hash of what they read, to tell the same
// document imported again from a re-issue; minutes imported before are
// told by the hash of this.
func (m Minutes) AsReadBefore() Minutes {
	if m.earlierPresent != nil {
		m.Present, m.InAttendance, m.earlierPresent = m.earlierPresent, nil, nil
	}
	m.Closed = ""
	m.Minutes = slices.Clone(m.Minutes)
	for i := range m.Minutes {
		m.Minutes[i] = m.Minutes[i].AsReadBefore()
	}
	return m
}

// Item is one agenda item.
type Item struct {
	Number       string   `json:"number"`
	Title        string   `json:"title"`
	Presenter    string   `json:"presenter,omitempty"`
	Organisation string   `json:"organisation,omitempty"`
	Description  string   `json:"description,omitempty"`
	References   []string `json:"references,omitempty"`
}

// Agenda is the agenda of one meeting.
type Agenda struct {
	Meeting      Meeting  `json:"meeting"`
	Membership   []string `json:"membership,omitempty"`
	Items        []Item   `json:"items"`
	NextMeetings []string `json:"next_meetings"`
	Officer      string   `json:"officer,omitempty"`
	Warnings     []string `json:"warnings"`
}
