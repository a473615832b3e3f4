package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// shown is everything a person reads in a posted message: its header,
// sections and small print.
func shown(t *testing.T, m fakeslack.Message) string {
	t.Helper()
	var blocks slack.Blocks
	if err := json.Unmarshal([]byte(m.Blocks), &blocks); err != nil {
		t.Fatalf("message blocks are not Block Kit: %v\n%s", err, m.Blocks)
	}
	var b strings.Builder
	for _, blk := range blocks.BlockSet {
		switch blk := blk.(type) {
		case *slack.HeaderBlock:
			b.WriteString(blk.Text.Text + "\n")
		case *slack.SectionBlock:
			b.WriteString(blk.Text.Text + "\n")
		case *slack.ContextBlock:
			for _, e := range blk.ContextElements.Elements {
				if tb, ok := e.(*slack.TextBlockObject); ok {
					b.WriteString(tb.Text + "\n")
				}
			}
		}
	}
	return b.String()
}

func wantShown(t *testing.T, m fakeslack.Message, parts ...string) {
	t.Helper()
	text := shown(t, m)
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("message lacks %q:\n%s", p, text)
		}
	}
}

// submitReport records a report link as /report will, for the agenda to show.
func submitReport(t *testing.T, k *bottest.Kit, meetingID int64, item, userID, name, url, title, action string) {
	t.Helper()
	_, err := k.DB.SQL().Exec(`INSERT INTO report_links (meeting_id, item_number, member_key, user_id, name, url, title, action, by_user)
		VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $3)`, meetingID, item, userID, name, url, title, action)
	if err != nil {
		t.Fatal(err)
	}
}

func nextMeetingID(t *testing.T, k *bottest.Kit) int64 {
	t.Helper()
	m, err := k.DB.NextMeeting(context.Background(), mustCommittee(t, k.DB).ID, k.Now())
	if err != nil {
		t.Fatal(err)
	}
	return m.ID
}

func TestAgendaPostedAndUpdatedInPlace(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "add 4 Local Policing Update — Superintendent Graeme Robson")
	k.Must(neil, "/apologies", "Unwell")

	wantText(t, k.Must(neil, "/agenda", "post"), "Only an officer of Safer Sefton Together can post the agenda")
	wantText(t, k.Must(officer, "/agenda", "post"), "on its way to <#C1>")
	if n := len(k.Slack.Calls("chat.postMessage")); n != 0 {
		t.Fatalf("posted %d messages before the outbox ran; commands must not call Slack", n)
	}
	k.Drain()
	msgs := k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 {
		t.Fatalf("%d messages in the channel, want the agenda", len(msgs))
	}
	wantShown(t, msgs[0], "Agenda — Safer Sefton Together", "Thursday 10 December 2026, 10:00", "Remote Meeting",
		"*4* Local Policing Update — _Superintendent Graeme Robson_", "Apologies for absence were received from Neil Frackelton (SWACA).",
		"`/apologies 2026-12-10`", "`/declare 2026-12-10 ITEM KIND NATURE`")
	if msgs[0].Text != "Agenda — Safer Sefton Together. Thursday 10 December 2026, 10:00 (Europe/London time)" {
		t.Errorf("notification text = %q", msgs[0].Text)
	}

	// A later apology edits the posted message; nothing new is posted.
	k.Must(graeme, "/apologies", "Annual leave")
	k.Drain()
	msgs = k.Slack.Messages(bottest.Channel)
	if len(msgs) != 1 || msgs[0].Edits != 1 {
		t.Fatalf("after an apology: %d messages, %d edits; want the one message edited once", len(msgs), msgs[0].Edits)
	}
	wantShown(t, msgs[0], "Neil Frackelton (SWACA) and Graeme Robson (Merseyside Police)")

	// Several changes before the worker runs make one edit with the last state.
	updates := len(k.Slack.Calls("chat.update"))
	k.Must(neil, "/apologies", "withdraw")
	k.Must(graeme, "/apologies", "Annual leave sub Jan Marlow")
	k.Must(officer, "/agenda", "add 5 SWACA — Neil Frackelton")
	k.Drain()
	if got := len(k.Slack.Calls("chat.update")) - updates; got != 1 {
		t.Errorf("%d chat.update calls for three changes, want them coalesced into 1", got)
	}
	msgs = k.Slack.Messages(bottest.Channel)
	wantShown(t, msgs[0], "received from Graeme Robson (Merseyside Police).", "Jan Marlow for Graeme Robson", "*5* SWACA")
	if strings.Contains(shown(t, msgs[0]), "Neil Frackelton (SWACA)") {
		t.Error("a withdrawn apology is still on the posted agenda")
	}

	// Declarations and report links show in the posted agenda too.
	updates = len(k.Slack.Calls("chat.update"))
	wantText(t, k.Must(neil, "/declare", "5 personal Trustee of SWACA"), "Recorded")
	wantText(t, k.Must(neil, "/report", "5 https://example.org/swaca.pdf SWACA perspective on VAWG"), "attached")
	k.Drain()
	if got := len(k.Slack.Calls("chat.update")) - updates; got != 1 {
		t.Errorf("%d chat.update calls after a declaration and a report, want 1", got)
	}
	wantShown(t, k.Slack.Messages(bottest.Channel)[0],
		"Neil Frackelton declared a personal interest in Item 5 (SWACA) as Trustee of SWACA.",
		"<https://example.org/swaca.pdf|SWACA perspective on VAWG>")
	wantText(t, k.Must(neil, "/declare", "withdraw 5"), "withdrawn")
	k.Drain()
	if strings.Contains(shown(t, k.Slack.Messages(bottest.Channel)[0]), "Trustee of SWACA") {
		t.Error("a withdrawn declaration is still on the posted agenda")
	}

	// Posting again brings the message up to date instead of posting twice.
	wantText(t, k.Must(officer, "/agenda", "post"), "was posted before")
	k.Drain()
	if n := len(k.Slack.Messages(bottest.Channel)); n != 1 {
		t.Errorf("%d agenda messages after posting twice, want 1", n)
	}
	if n := len(k.Slack.Calls("chat.postMessage")); n != 1 {
		t.Errorf("chat.postMessage called %d times, want 1", n)
	}

	// Cancelling the meeting marks the posted agenda.
	k.Must(officer, "/meeting", "cancel 10 December")
	k.Drain()
	wantShown(t, k.Slack.Messages(bottest.Channel)[0], "The meeting on Thursday 10 December 2026 is cancelled.")
}

func TestAgendaRefusedToNonOfficers(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Server.Settle() // the Home tabs refreshed by the schedule
	k.Slack.Reset()
	for _, text := range []string{"post", "add 5 X", "remove 1", "move 1 9", "import"} {
		wantText(t, k.Must(neil, "/agenda", text), "Only an officer of Safer Sefton Together")
	}
	wantText(t, k.Must(neil, "/meeting", "reminders 3 10:00"), "Only an officer")
	k.Drain()
	if n := len(k.Slack.Calls("")); n > 0 {
		for _, c := range k.Slack.Calls("") {
			if c.Method != "users.info" {
				t.Errorf("a refused command reached Slack: %s", c.Method)
			}
		}
	}
}

func TestCalendarFeed(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "schedule 2027-06-10 10:00 Bootle Town Hall")
	k.Must(officer, "/meeting", "schedule 2027-01-14 14:30")
	k.Must(officer, "/meeting", "cancel 2027-01-14")
	c := mustCommittee(t, k.DB)
	path := commands.CalendarPath(c)
	wantText(t, k.Must(neil, "/meeting", "list"), "Calendar feed", path)

	get := func(p string) (int, string, string) {
		resp, err := http.Get(k.HTTP.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := resp.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return resp.StatusCode, resp.Header.Get("Content-Type"), b.String()
	}
	status, ct, body := get(path)
	if status != http.StatusOK || !strings.HasPrefix(ct, "text/calendar") {
		t.Fatalf("GET %s = %d %s", path, status, ct)
	}
	body = strings.ReplaceAll(body, "\r\n ", "") // unfold
	for _, want := range []string{
		"BEGIN:VCALENDAR", "X-WR-CALNAME:Safer Sefton Together",
		"DTSTART:20261210T100000Z", "DTEND:20261210T120000Z", "LOCATION:Remote Meeting",
		"DTSTART:20270610T090000Z", // 10:00 BST
		"LOCATION:Bootle Town Hall", "DTSTART:20270114T143000Z", "STATUS:CANCELLED",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("feed lacks %q:\n%s", want, body)
		}
	}
	if n := strings.Count(body, "BEGIN:VEVENT"); n != 3 {
		t.Errorf("%d events, want 3", n)
	}
	// The ID alone finds the committee; the name after it is decoration.
	if status, _, _ := get("/calendar/" + strings.Split(strings.TrimPrefix(path, "/calendar/"), "-")[0] + ".ics"); status != http.StatusOK {
		t.Errorf("by ID alone: %d", status)
	}
	for _, p := range []string{"/calendar/999-nobody.ics", "/calendar/safer-sefton-together.ics", "/calendar/1", "/calendar/.ics"} {
		if status, _, _ := get(p); status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, status)
		}
	}
}

// TestAgendaUpdateSendsTheRecordsAsTheyAreNow: an update queued with an
// older snapshot (two changes at once may queue theirs in either order)
// still edits the posted agenda to the records as they stand when sent.
func TestAgendaUpdateSendsTheRecordsAsTheyAreNow(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/agenda", "post")
	k.Drain()
	k.Must(neil, "/apologies", "Unwell")
	if _, err := k.DB.Enqueue(context.Background(), commands.OutboxMessage{
		CommitteeID: mustCommittee(t, k.DB).ID, Kind: commands.OutboxUpdate, ChannelID: bottest.Channel,
		MessageKey: fmt.Sprintf("agenda:%d", nextMeetingID(t, k)), Reply: commands.Reply{Text: "an old snapshot"}, DueAt: k.Now(),
	}); err != nil {
		t.Fatal(err)
	}
	k.Drain()
	msg := k.Slack.Messages(bottest.Channel)[0]
	if strings.Contains(shown(t, msg), "an old snapshot") {
		t.Error("the posted agenda was edited to an old snapshot")
	}
	wantShown(t, msg, "Apologies for absence were received from Neil Frackelton (SWACA).")
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
	wantShown(t, msgs[len(msgs)-1], "No apologies for absence have been received.", "`/apologies 2026-12-10`")
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
