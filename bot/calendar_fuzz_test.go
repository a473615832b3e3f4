package bot

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/quorumhq/quorum/commands"
)

// A committee's name and a meeting's venue are typed by people, and go
// into the calendar feeds others subscribe to: whatever they hold, the
// feed reads back as one event a meeting, with that name and venue, and
// adds nothing else to a subscriber's calendar.
func FuzzCalendar(f *testing.F) {
	f.Add("Safer Sefton Together", "Bootle Town Hall, Committee Room 1", false, "")
	f.Add("A; B, C \\ D", "Room 2;\nBEGIN:VEVENT\nSUMMARY:fake\nEND:VEVENT", true, "Europe/Paris")
	f.Add(strings.Repeat("Ünïcödé ", 25), strings.Repeat("€", 200), false, "America/New_York")
	f.Add("END:VCALENDAR", "END:VEVENT", false, "Nowhere/Else")
	f.Add("x\r\ny", "\"quoted\" 'and' :colons:", true, "")
	f.Fuzz(func(t *testing.T, name, venue string, unknown bool, zone string) {
		// As commands store them: one line, words joined by one space.
		name = strings.Join(strings.Fields(name), " ")
		venue = strings.Join(strings.Fields(venue), " ")
		c := commands.Committee{ID: 1, Name: name, TimeZone: zone}
		starts := time.Date(2026, time.December, 10, 18, 30, 0, 0, time.UTC)
		ms := []commands.Meeting{
			{ID: 1, StartsAt: starts, Venue: venue, TimeUnknown: unknown},
			{ID: 2, StartsAt: starts.AddDate(0, 1, 0), Venue: venue, Status: commands.MeetingCancelled, Sequence: 2},
		}
		feed := Calendar(c, ms, starts.AddDate(0, 0, -7))
		cal, err := ics.ParseCalendar(strings.NewReader(feed))
		if err != nil {
			t.Fatalf("the feed of %q at %q does not read back: %v\n%s", name, venue, err, feed)
		}
		events := cal.Events()
		if len(events) != len(ms) {
			t.Fatalf("the feed of %q at %q has %d events, want %d\n%s", name, venue, len(events), len(ms), feed)
		}
		for i, e := range events {
			want := name
			if ms[i].Status == commands.MeetingCancelled {
				want = "Cancelled: " + name
			}
			if got := text(e.GetProperty(ics.ComponentPropertySummary)); got != want {
				t.Fatalf("event %d of %q reads back named %q\n%s", i, name, got, feed)
			}
			if got := text(e.GetProperty(ics.ComponentPropertyLocation)); got != venue {
				t.Fatalf("event %d of %q reads back at %q, want %q\n%s", i, name, got, venue, feed)
			}
		}
		for _, p := range cal.CalendarProperties {
			if p.IANAToken == string(ics.PropertyXWRCalName) && p.Value != name {
				t.Fatalf("the feed of %q reads back called %q\n%s", name, p.Value, feed)
			}
		}
	})
}

// text is a property's value, "" when it is missing.
func text(p *ics.IANAProperty) string {
	if p == nil {
		return ""
	}
	return p.Value
}
