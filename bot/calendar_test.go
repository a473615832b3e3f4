package bot_test

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/internal/bottest"
)

// feedPath is the calendar feed's path in a reply, as a member reads it.
var feedPath = regexp.MustCompile(`/calendar/[^\s|>]+\.ics`)

func getFeed(t *testing.T, k *bottest.Kit, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(k.HTTP.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// TestCalendarFeedsCannotBeEnumerated: the feed's address is the one
// /meeting list gives, with a secret token; counting through committee IDs
// or slugs finds nothing; an officer's reset retires the old address; the
// feed's lines end with CRLF.
func TestCalendarFeedsCannotBeEnumerated(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	c := mustCommittee(t, k.DB)
	for _, path := range []string{
		fmt.Sprintf("/calendar/%d.ics", c.ID),
		fmt.Sprintf("/calendar/%d-safer-sefton-together.ics", c.ID),
		"/calendar/safer-sefton-together.ics",
		"/calendar/" + strings.Repeat("0", 64) + ".ics",
	} {
		if status, body := getFeed(t, k, path); status != http.StatusNotFound || strings.Contains(body, "Safer Sefton") {
			t.Errorf("GET %s: %d, want 404:\n%.200s", path, status, body)
		}
	}

	old := feedPath.FindString(k.Must(neil, "/meeting", "list").Text())
	if old == "" {
		t.Fatal("/meeting list gives no calendar feed")
	}
	status, body := getFeed(t, k, old)
	if status != http.StatusOK || !strings.Contains(body, "SUMMARY:Safer Sefton Together") {
		t.Fatalf("GET %s: %d\n%s", old, status, body)
	}
	if bare := strings.Count(body, "\n") - strings.Count(body, "\r\n"); bare != 0 || !strings.HasSuffix(body, "END:VCALENDAR\r\n") {
		t.Errorf("%d lines of the feed end without CRLF:\n%q", bare, body)
	}
	// A feed saved to a file, or the file forwarded, does not give
	// its address away.
	resp, err := http.Get(k.HTTP.URL + old)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	token, _, _ := strings.Cut(strings.TrimPrefix(old, "/calendar/"), "-")
	if got := resp.Header.Get("Content-Disposition"); got != `inline; filename="safer-sefton-together.ics"` {
		t.Errorf("Content-Disposition %q, want the committee's name without the token %s", got, token)
	}

	wantText(t, k.Must(neil, "/meeting", "calendar reset"), "Only an officer")
	if status, _ := getFeed(t, k, old); status != http.StatusOK {
		t.Errorf("a member's refused reset changed the feed: %d", status)
	}
	reset := k.Must(officer, "/meeting", "calendar reset")
	fresh := feedPath.FindString(reset.Text())
	wantText(t, reset, "The old address no longer works")
	if fresh == "" || fresh == old {
		t.Fatalf("reset gave %q (was %q)", fresh, old)
	}
	if status, _ := getFeed(t, k, old); status != http.StatusNotFound {
		t.Errorf("the old feed after a reset: %d, want 404", status)
	}
	if status, _ := getFeed(t, k, fresh); status != http.StatusOK {
		t.Errorf("the new feed: %d, want 200", status)
	}
	if got := feedPath.FindString(k.Must(neil, "/meeting", "calendar").Text()); got != fresh {
		t.Errorf("/meeting calendar gives %q, want %q", got, fresh)
	}
}

// TestCalendarTokenNotLogged: a feed that cannot be served while the
// database is away is logged without its secret token, which would let
// anyone who reads the logs subscribe to it.
func TestCalendarTokenNotLogged(t *testing.T) {
	k := newCommittee(t)
	path := feedPath.FindString(k.Must(neil, "/meeting", "calendar").Text())
	token, _, _ := strings.Cut(strings.TrimPrefix(path, "/calendar/"), "-")
	if len(token) != 64 {
		t.Fatalf("/meeting calendar gives %q, with no token", path)
	}
	if _, err := k.DB.SQL().Exec(`ALTER TABLE committees RENAME TO committees_away`); err != nil {
		t.Fatal(err)
	}
	defer k.DB.SQL().Exec(`ALTER TABLE committees_away RENAME TO committees`)
	if status, _ := getFeed(t, k, path); status != http.StatusServiceUnavailable {
		t.Fatalf("GET %s with the committees away: %d, want 503", path, status)
	}
	if logs := k.Logs(); !strings.Contains(logs, "calendar failed") || strings.Contains(logs, token) {
		t.Errorf("the failure is not logged, or logged with the feed's token %s:\n%s", token, logs)
	}
}

// TestCalendarFeedTimeTheClocksPassTwice: a meeting at 01:30 on the night
// the clocks go back is at the first 01:30, 00:30 UTC, in the feed as in
// the answer to the officer who scheduled it.
func TestCalendarFeedTimeTheClocksPassTwice(t *testing.T) {
	k := newCommittee(t)
	wantText(t, k.Must(officer, "/meeting", "schedule 2027-10-31 01:30 Bootle Town Hall"), "Sunday 31 October 2027, 01:30 BST")
	path := feedPath.FindString(k.Must(neil, "/meeting", "calendar").Text())
	status, body := getFeed(t, k, path)
	if status != http.StatusOK || !strings.Contains(body, "DTSTART:20271031T003000Z\r\n") {
		t.Errorf("GET %s: %d, want the meeting to start at 00:30 UTC:\n%s", path, status, body)
	}
}
