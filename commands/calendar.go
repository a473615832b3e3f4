package commands

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Slug is a committee's name as a URL path segment: "Safer Sefton
// Together" → "safer-sefton-together".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return b.String()
}

// CalendarPath is the path of c's calendar feed:
// "/calendar/12-safer-sefton-together.ics". The number is the committee's
// ID and finds it; the name after it is there for people, so links keep
// working when a committee is renamed.
func CalendarPath(c Committee) string {
	p := "/calendar/" + strconv.FormatInt(c.ID, 10)
	if slug := Slug(c.Name); slug != "" {
		p += "-" + slug
	}
	return p + ".ics"
}

// SetPublicURL sets the address the bot is reached at (e.g.
// https://quorum.example.org), for links such as the calendar feed.
func (s *Service) SetPublicURL(u string) { s.publicURL = strings.TrimRight(u, "/") }

// calendarLink is the feed's URL, or its path when the public URL is not known.
func (s *Service) calendarLink(c Committee) string {
	return s.publicURL + CalendarPath(c)
}

// Calendar finds the committee a calendar path segment names ("12" or
// "12-safer-sefton-together") and its meetings from a year before now on.
// An unknown committee is ErrNotFound.
func (s *Service) Calendar(ctx context.Context, ref string, now time.Time) (Committee, []Meeting, error) {
	idText, _, _ := strings.Cut(ref, "-")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return Committee{}, nil, fmt.Errorf("calendar %q: %w", ref, ErrNotFound)
	}
	c, err := s.store.CommitteeByID(ctx, id)
	if err != nil {
		return Committee{}, nil, err
	}
	ms, err := s.store.Meetings(ctx, c.ID, now.AddDate(-1, 0, 0), now.AddDate(10, 0, 0))
	return c, ms, err
}
