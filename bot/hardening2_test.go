package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
	"github.com/quorumhq/quorum/storage"
)

// TestDisguisedReportLink: a report titled with another address is posted
// in the channel's agenda, and listed, with a neutral text and the host it
// really opens; no link anywhere reads as the address it does not open.
func TestDisguisedReportLink(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "add 4 Community Safety — Neil Frackelton")
	k.Must(officer, "/agenda", "add 5 Local Policing Update — Graeme Robson")
	wantText(t, k.Must(neil, "/report", "4 https://evil.example/x https://sefton.gov.uk/official-report.pdf"),
		"<https://evil.example/x|report> (evil.example)", "reads like a web address")
	wantText(t, k.Must(graeme, "/report", "5 <https://police.example/r.pdf|sefton.gov.uk> Community safety report"),
		"<https://police.example/r.pdf|Community safety report> (police.example)")
	k.Must(officer, "/agenda", "post")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 {
		t.Fatalf("%d messages in the channel, want the agenda", len(msgs))
	}
	wantShown(t, msgs[0], "<https://evil.example/x|report> (evil.example)",
		"<https://police.example/r.pdf|Community safety report> (police.example)")
	list := k.Must(officer, "/report", "list")
	wantText(t, list, "<https://evil.example/x|report> (evil.example)")
	for _, text := range []string{shown(t, msgs[0]), list.Text()} {
		if strings.Contains(text, "|https://sefton") || strings.Contains(text, "|sefton.gov.uk") {
			t.Errorf("a link reads as an address it does not open:\n%s", text)
		}
	}
}

// TestGoneAgendaToldOnce: when Slack refuses updates of the posted agenda
// for good (the message deleted, the bot removed), twenty changes make one
// failed update and one notice to the officer, not one each; posting again
// posts afresh, and that message is kept up to date.
func TestGoneAgendaToldOnce(t *testing.T) {
	for _, slackErr := range []string{"message_not_found", "not_in_channel"} {
		t.Run(slackErr, func(t *testing.T) {
			k := newCommittee(t)
			k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
			k.Must(officer, "/agenda", "post")
			k.Drain()
			k.Slack.Fail("chat.update", fakeslack.Fault{Error: slackErr})
			updates := len(k.Slack.Calls("chat.update"))
			for i := range 20 {
				k.Must(officer, "/agenda", fmt.Sprintf("add %d Item %d", 4+i, i))
				k.Drain()
			}
			if n := len(k.Slack.Calls("chat.update")) - updates; n != 1 {
				t.Errorf("%d chat.update calls after Slack refused the first for good, want 1", n)
			}
			notices := k.Slack.Messages("D" + officer)
			if len(notices) != 1 {
				t.Fatalf("%d notices to the officer, want 1", len(notices))
			}
			wantShown(t, notices[0], "The agenda for the meeting on Thursday 10 December 2026 I posted in <#C1>",
				"can no longer be updated", slackErr, "`/agenda post 2026-12-10`")

			k.Slack.Heal()
			wantText(t, k.Must(officer, "/agenda", "post"), "on its way to <#C1>")
			k.Drain()
			msgs := k.Slack.Messages(bottest.Channel)
			if len(msgs) != 2 {
				t.Fatalf("%d messages in the channel, want the agenda posted again", len(msgs))
			}
			wantShown(t, msgs[1], "*23* Item 19")
			k.Must(neil, "/apologies", "Unwell")
			k.Drain()
			wantShown(t, k.Slack.Messages(bottest.Channel)[1], "Neil Frackelton (SWACA)")
			if n := len(k.Slack.Messages("D" + officer)); n != 1 {
				t.Errorf("%d notices to the officer in all, want 1", n)
			}
		})
	}
}

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

// setupIn runs /committee setup NAME as user from channel.
func setupIn(t *testing.T, k *bottest.Kit, channel, user, name string) string {
	t.Helper()
	form := bottest.CommandForm(user, "/committee", "setup "+name)
	form.Set("channel_id", channel)
	status, body := k.Post("/slack/commands", form)
	if status != http.StatusOK {
		t.Fatalf("setup %q: %d %s", name, status, body)
	}
	var r struct{ Text string }
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	return r.Text
}

// TestLookAlikeCommitteeNames: a name that differs from an existing
// committee's only by invisible characters, compatibility forms or
// look-alike letters of another alphabet is refused; a name mixing scripts
// is stored normalised, with a warning.
func TestLookAlikeCommitteeNames(t *testing.T) {
	k := newCommittee(t)
	for i, name := range []string{
		"Safer Sefton\u200b Together", // zero-width space
		"Safer \u202eSefton Together", // right-to-left override
		"Ｓafer Sefton Together",       // full-width S
		"S\u00adafer Sefton Together", // soft hyphen
		"S\u0430fer Sefton Together",  // Cyrillic а
		"SAFER SEFT\u041eN TOGETHER",  // capitals, with a Cyrillic О
	} {
		text := setupIn(t, k, fmt.Sprintf("C9%d", i), "UOTHER", name)
		if !strings.Contains(text, "Safer Sefton Together") || strings.Contains(text, "is now the channel of") {
			t.Errorf("setup %q was not refused as Safer Sefton Together's look-alike: %s", name, text)
		}
	}
	text := setupIn(t, k, "C80", "UOTHER", "Bootle\u200d Area \u2066Partnership\u2069 \u0421ommittee")
	if !strings.Contains(text, "is now the channel of *Bootle Area Partnership \u0421ommittee*") ||
		!strings.Contains(text, "mixes letters of Cyrillic and Latin") {
		t.Errorf("a mixed-script name: %s", text)
	}
	if _, err := k.DB.CommitteeByName(context.Background(), "Bootle Area Partnership \u0421ommittee"); err != nil {
		t.Errorf("the name is not stored normalised: %v", err)
	}
	text = setupIn(t, k, "C81", "UOTHER", "Bootle Area Partnership Committee")
	if !strings.Contains(text, "reads the same as *Bootle Area Partnership \u0421ommittee*") {
		t.Errorf("the Latin twin of a mixed-script name: %s", text)
	}
}

// TestLateOutcomeFollowsByResponseURL: a command whose work outlasts the
// time Slack must be answered by is answered by then all the same, saying
// the outcome follows; when the apology is saved the outcome is posted to
// the command's response_url. Before, the answer waited for the work, and
// a member whose apology was saved at 3.02 s saw Slack's timeout. (The
// work's own deadline is set beyond the answer's here to make the overrun
// that load causes in production.)
func TestLateOutcomeFollowsByResponseURL(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	const deadline = 400 * time.Millisecond
	srv := bot.NewServer(bot.Config{
		SigningSecret: bottest.Secret, Service: k.Service, Slack: k.Client, Now: k.Now,
		FirstSeen: k.DB.FirstSeen, Deadline: 10 * time.Second, AnswerWithin: deadline,
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	t.Cleanup(srv.Close)
	hook := k.NewHook()

	// Hold the meeting's row so that the apology waits for it, as it would
	// behind a slow database.
	ctx := context.Background()
	tx, err := k.DB.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, nextMeetingID(t, k)); err != nil {
		t.Fatal(err)
	}
	release := time.AfterFunc(1500*time.Millisecond, func() { _ = tx.Rollback() })
	defer release.Stop()

	form := bottest.CommandForm(neil, "/apologies", "Unwell")
	form.Set("response_url", hook.URL())
	body := []byte(form.Encode())
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/slack/commands", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	bottest.Sign(req.Header, body, bottest.Secret, time.Now())
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if resp.StatusCode != http.StatusOK || took > deadline+300*time.Millisecond {
		t.Fatalf("answered in %v with %d, want 200 by the %v deadline: %s", took, resp.StatusCode, deadline, answer)
	}
	if !strings.Contains(string(answer), "the outcome will appear here") {
		t.Errorf("the answer at the deadline does not say the outcome follows: %s", answer)
	}

	for end := time.Now().Add(10 * time.Second); len(hook.Posts()) == 0 && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("answered in %v; outcome posted after %v", took, time.Since(start))
	if got := hook.Last(); !strings.Contains(got, "Your apologies for the meeting") {
		t.Fatalf("the outcome posted to response_url = %q, want the apology's confirmation", got)
	}
	as, err := k.DB.Apologies(ctx, nextMeetingID(t, k))
	if err != nil || len(as) != 1 || as[0].Reason != "Unwell" {
		t.Errorf("apologies = %+v %v, want Neil's, saved", as, err)
	}
}

// lostRecord is the records as a worker killed between Slack's answer and
// the UPDATE saw them: the send happens, its recording never does.
type lostRecord struct{ *storage.DB }

func (lostRecord) OutboxSent(context.Context, commands.OutboxMessage, string, string, time.Time) (bool, error) {
	return false, errors.New("killed before the row was marked sent")
}

// TestCrashedPostIsNotRepeated: a worker posts the agenda and dies before
// recording it. Its claim runs out within DefaultLease (30 s, not two
// minutes); the next worker finds the post in the channel by its marker,
// records it instead of posting again, and keeps that message up to date.
func TestCrashedPostIsNotRepeated(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "post")
	crashed := &bot.Outbox{Store: lostRecord{k.DB}, Slack: k.Client, Service: k.Service, Now: k.Now}
	if n, err := crashed.RunOnce(context.Background()); err != nil || n != 1 {
		t.Fatalf("the crashed worker claimed %d: %v", n, err)
	}
	if n := len(k.Slack.Messages(bottest.Channel)); n != 1 {
		t.Fatalf("%d messages after the crashed worker, want its post", n)
	}
	k.Advance(bot.DefaultLease - time.Second)
	if n := k.Drain(); n != 0 {
		t.Errorf("%d rows sent while the dead worker's claim stood", n)
	}
	k.Advance(2 * time.Second)
	if bot.DefaultLease > 30*time.Second {
		t.Errorf("a crashed worker's rows wait %v", bot.DefaultLease)
	}
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	// Acknowledged: the one agenda post queued ("on its way"); what the
	// channel holds stands for the database here.
	f := figures{acknowledged: 1, inDatabase: len(msgs)}
	if len(msgs) == 0 {
		f.lost = 1
	} else {
		f.duplicates = len(msgs) - 1
	}
	f.report(t, "crashed-post")
	if len(msgs) != 1 {
		t.Fatalf("%d agendas in the channel after the restart, want the one posted before the crash", len(msgs))
	}
	if n := len(k.Slack.Calls("conversations.history")); n != 1 {
		t.Errorf("%d conversations.history calls, want 1", n)
	}
	if got := outboxState(t, k.DB); got["pending"] != 0 || got["failed"] != 0 {
		t.Errorf("outbox = %v, want the post recorded as sent", got)
	}
	k.Must(neil, "/apologies", "Unwell")
	k.Drain()
	msgs = k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 || msgs[0].Edits != 1 {
		t.Fatalf("after an apology: %d messages, the first edited %d times; want the found post edited", len(msgs), msgs[0].Edits)
	}
	wantShown(t, msgs[0], "Neil Frackelton (SWACA)")
}

// addItems puts n items of the longest title allowed on the next meeting's
// agenda, numbered from 10, as a long imported agenda would have them.
func addItems(t *testing.T, k *bottest.Kit, n int) {
	t.Helper()
	_, err := k.DB.SQL().Exec(`INSERT INTO agenda_items (meeting_id, number, position, title)
		SELECT $1, (9 + i)::text, 100 + i, 'Item ' || (9 + i) || ' ' || repeat('x', $3 - 12)
		FROM generate_series(1, $2) AS i`, nextMeetingID(t, k), n, commands.MaxTitleLen)
	if err != nil {
		t.Fatal(err)
	}
}

// TestLongAgendaPostedWhole: an agenda of 500 items of 300 characters is
// posted across as many messages as it needs, every item in one of them
// and each within Slack's limits; a change edits those messages in place,
// and an agenda that becomes shorter leaves its spare part saying so.
func TestLongAgendaPostedWhole(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	addItems(t, k, 500)
	k.Must(officer, "/agenda", "post")
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) < 2 {
		t.Fatalf("%d messages, want the agenda in parts", len(msgs))
	}
	all := func(msgs []fakeslack.Message) string {
		var b strings.Builder
		for i, m := range msgs {
			var blocks []json.RawMessage
			if err := json.Unmarshal([]byte(m.Blocks), &blocks); err != nil || len(blocks) > 50 {
				t.Errorf("message %d: %d blocks (%v), want at most 50", i, len(blocks), err)
			}
			b.WriteString(shown(t, m))
		}
		return b.String()
	}
	text := all(msgs)
	for _, n := range []int{10, 250, 509} {
		if !strings.Contains(text, fmt.Sprintf("*%d* Item %d x", n, n)) {
			t.Errorf("item %d is not in the posted agenda", n)
		}
	}
	if strings.Contains(text, "not shown") {
		t.Error("the posted agenda leaves parts out")
	}
	wantShown(t, msgs[len(msgs)-1], "No apologies for absence have been received.", "`/apologies`")
	wantShown(t, msgs[1], fmt.Sprintf("Agenda — Safer Sefton Together, continued (part 2 of %d)", len(msgs)))

	k.Must(neil, "/apologies", "Unwell")
	k.Drain()
	after := k.Slack.Messages(bottest.Channel)
	if len(after) != len(msgs) {
		t.Fatalf("%d messages after an apology, want the %d parts edited in place", len(after), len(msgs))
	}
	wantShown(t, after[len(after)-1], "Neil Frackelton (SWACA)")

	// Most items removed: the agenda fits fewer messages; the spare ones
	// say they are no longer needed.
	if _, err := k.DB.SQL().Exec(`UPDATE agenda_items SET removed_at = now() WHERE number ~ '^[0-9]+$' AND number::int >= 20`); err != nil {
		t.Fatal(err)
	}
	k.Must(officer, "/agenda", "post")
	k.Drain()
	after = k.Slack.Messages(bottest.Channel)
	if len(after) != len(msgs) {
		t.Fatalf("%d messages after the agenda shrank, want %d", len(after), len(msgs))
	}
	wantShown(t, after[0], "*19* Item 19", "Neil Frackelton (SWACA)")
	wantShown(t, after[len(after)-1], "No longer needed")
}
