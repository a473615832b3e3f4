package commands

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Slug is a committee's name as a URL path segment: "Safer Sefton
// Together" → "safer-sefton-together". Letters lose their accents, as a
// name typed without them is matched (personKey), so that "Comité" is
// "comite" rather than "comit".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range personKey(name) {
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
// "/calendar/TOKEN-safer-sefton-together.ics". The token is the
// committee's unguessable feed token and finds it, so that the feeds of a
// deployment cannot be listed by counting; the name after it is there for
// people, so links keep working when a committee is renamed. It is "" when
// c's token is not known.
func CalendarPath(c Committee) string {
	if c.CalendarToken == "" {
		return ""
	}
	p := "/calendar/" + c.CalendarToken
	if slug := Slug(c.Name); slug != "" {
		p += "-" + slug
	}
	return p + ".ics"
}

// calendarTokenLen is the length of a feed token: 64 hex digits.
const calendarTokenLen = 64

// isCalendarToken reports whether s has a feed token's form, so that
// anything else is refused without a query.
func isCalendarToken(s string) bool {
	if len(s) != calendarTokenLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// SetPublicURL sets the address the bot is reached at (e.g.
// https://quorum.example.org), for links such as the calendar feed.
func (s *Service) SetPublicURL(u string) { s.publicURL = strings.TrimRight(u, "/") }

// calendarLink is the feed's URL, or its path when the public URL is not known.
func (s *Service) calendarLink(c Committee) string {
	return s.publicURL + CalendarPath(c)
}

// calendarFeedLine offers the feed's link, as /meeting list does.
func (s *Service) calendarFeedLine(c Committee) string {
	return fmt.Sprintf("Calendar feed (subscribe in Outlook or Google Calendar): %s\nThe address is private to the committee; an officer can replace it with `/meeting calendar reset` if it is shared too widely.", s.calendarLink(c))
}

// showCalendar is /meeting calendar: the feed's link.
func showCalendar(ctx context.Context, s *Service, in *Input) (Reply, error) {
	return private("%s", s.calendarFeedLine(in.Committee)), nil
}

// resetCalendar is /meeting calendar reset: the feed gets a new token, and
// the old address stops working at once.
func resetCalendar(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	token, err := s.store.ResetCalendarToken(ctx, c.ID, in.UserID)
	if err != nil {
		return Reply{}, err
	}
	c.CalendarToken = token
	return private("The calendar feed of %s has a new address: %s\nThe old address no longer works; anyone who subscribed needs the new one (`/meeting calendar` and the App Home show it).", Escape(c.Name), s.calendarLink(c)), nil
}

// Calendar finds the committee a calendar path segment names by its feed
// token ("TOKEN" or "TOKEN-safer-sefton-together") and its meetings from a
// year before now on. An unknown or replaced token, or a committee's ID as
// feeds had before they had tokens, is ErrNotFound.
func (s *Service) Calendar(ctx context.Context, ref string, now time.Time) (Committee, []Meeting, error) {
	token, _, _ := strings.Cut(ref, "-")
	if !isCalendarToken(token) {
		return Committee{}, nil, fmt.Errorf("calendar: %w", ErrNotFound)
	}
	c, err := s.store.CommitteeByCalendarToken(ctx, token)
	if err != nil {
		return Committee{}, nil, err
	}
	ms, err := s.store.Meetings(ctx, c.ID, now.AddDate(-1, 0, 0), now.AddDate(10, 0, 0))
	return c, ms, err
}
