package bot

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/quorumhq/quorum/commands"
)

// MeetingLength is how long a meeting is shown in calendars: agendas give
// a start time only.
const MeetingLength = 2 * time.Hour

// calendar serves GET /calendar/{committee}.ics: the committee's meetings,
// a year back and all to come, as an iCalendar feed people subscribe to.
// The path segment is the committee's ID, optionally followed by a dash and
// its name as a slug ("/calendar/12-safer-sefton-together.ics"); see
// commands.CalendarPath. Meeting times are public in a council's
// committees, so the feed needs no signature.
func (s *Server) calendar(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	ref, ok := strings.CutSuffix(file, ".ics")
	if !ok || ref == "" {
		http.NotFound(w, r)
		return
	}
	now := s.cfg.Now()
	c, meetings, err := s.cfg.Service.Calendar(r.Context(), ref, now)
	if errors.Is(err, commands.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		// The committee by the name in the path, never the secret token
		// before it: whoever reads the logs could subscribe with it.
		_, slug, _ := strings.Cut(ref, "-")
		ref := newRef()
		s.log.Warn("calendar failed", "ref", ref, "committee", slug, "err", err)
		http.Error(w, "calendar unavailable (ref "+ref+")", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	// The file is named for the committee, without the feed's secret
	// token: a saved or forwarded file would otherwise carry the address.
	saveAs := "calendar.ics"
	if slug := commands.Slug(c.Name); slug != "" {
		saveAs = slug + ".ics"
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="%s"`, saveAs))
	_, _ = w.Write([]byte(Calendar(c, meetings, now)))
}

// Calendar renders a committee's meetings as iCalendar text.
func Calendar(c commands.Committee, meetings []commands.Meeting, now time.Time) string {
	cal := ics.NewCalendarFor("Quorum")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(c.Name)
	cal.SetXWRCalName(c.Name)
	cal.SetXWRTimezone(c.Location().String())
	cal.SetRefreshInterval("PT6H")
	for _, m := range meetings {
		e := cal.AddEvent(fmt.Sprintf("meeting-%d@quorum", m.ID))
		e.SetDtStampTime(now)
		if m.TimeUnknown {
			// No time is known: an all-day event on its day, not one
			// at midnight.
			day := m.StartsAt.In(c.Location())
			e.SetAllDayStartAt(day)
			e.SetAllDayEndAt(day.AddDate(0, 0, 1))
		} else {
			e.SetStartAt(m.StartsAt)
			e.SetEndAt(m.StartsAt.Add(MeetingLength))
		}
		// Calendars take a moved or cancelled meeting's change from a
		// higher SEQUENCE.
		e.SetSequence(m.Sequence)
		if m.Venue != "" {
			e.SetLocation(m.Venue)
		}
		day := m.StartsAt.In(c.Location()).Format("2006-01-02")
		if m.Status == commands.MeetingCancelled {
			e.SetStatus(ics.ObjectStatusCancelled)
			// Google Calendar, and others, show a subscribed feed's
			// cancelled event as any other: its title says so, and
			// it invites no apologies.
			e.SetSummary("Cancelled: " + c.Name)
			e.SetDescription(fmt.Sprintf("The meeting of %s on %s is cancelled.", c.Name, day))
		} else {
			e.SetStatus(ics.ObjectStatusConfirmed)
			e.SetSummary(c.Name)
			e.SetDescription(fmt.Sprintf("Meeting of %s. The agenda: /agenda %s in its Slack channel. Apologies: /apologies %s.", c.Name, day, day))
		}
	}
	// RFC 5545 ends every line, folded ones too, with CRLF.
	return cal.Serialize(ics.WithNewLineWindows)
}
