package bot_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

const (
	helen = "UHELEN"
	kevin = "UKEVIN"
	joe   = "UJOE"
)

// TestRecordsFollowTheirItem: declarations and report links are on the
// agenda item itself, so they follow it when it is renumbered, and an item
// taken off the agenda keeps its records in sight.
func TestRecordsFollowTheirItem(t *testing.T) {
	k, _ := agendaCommittee(t)
	k.AddUser(helen, "Helen Armitage")
	k.Must(officer, "/committee", "member add <@"+helen+"> Sefton Council Public Health")
	k.Must(officer, "/agenda", "add 7.1 Merseyside Police — Graeme Robson (Merseyside Police)")
	k.Must(officer, "/agenda", "add 7a Late item — Helen Armitage (Sefton Council Public Health)")
	wantText(t, k.Must(helen, "/declare", "7a personal Trustee of Crosby Lakeside"), "Recorded")
	wantText(t, k.Must(helen, "/report", "7a https://example.org/late.pdf Late report"), "attached")
	wantText(t, k.Must(sue, "/declare", "6 pecuniary Spouse employed by Merseyside Police"), "Recorded")
	wantText(t, k.Must(graeme, "/report", "6 https://example.org/policing.pdf Policing report"), "attached")
	wantText(t, k.Must(officer, "/agenda", "post"), "on its way")
	k.Drain()

	wantText(t, k.Must(officer, "/agenda", "move 7a 7.11"), "Item 7a is now item *7.11*")
	wantText(t, k.Must(officer, "/agenda", "move 6 9"), "Item 6 is now item *9*")

	list := k.Must(neil, "/declare", "list")
	wantText(t, list, "• Item 7.11 (Late item) — Helen Armitage: personal interest — Trustee of Crosby Lakeside",
		", as item 7a)", "• Item 9 (Local Policing Update) — Sue Holden: disclosable pecuniary interest")
	if strings.Contains(list.Text(), "Item 7.1 (") {
		t.Errorf("a declaration on the late item shows under 7.1:\n%s", list.Text())
	}
	reports := k.Must(neil, "/report", "list")
	wantText(t, reports, "• Item 7.11 (Late item): <https://example.org/late.pdf|Late report> (example.org) — Helen Armitage",
		"• Item 9 (Local Policing Update): <https://example.org/policing.pdf|Policing report> (example.org) — Graeme Robson")
	// 7.1 has no report of its own: Helen's is not counted for it.
	wantText(t, k.Must(officer, "/report", "missing"), "• Item 7.1 (Merseyside Police) — Graeme Robson (Merseyside Police)")

	k.Drain()
	posted := shown(t, k.Slack.Messages(bottest.Channel)[0])
	for _, want := range []string{
		"*7.11* Late item — _Helen Armitage (Sefton Council Public Health)_ · <https://example.org/late.pdf|Late report>",
		"*9* Local Policing Update — _Graeme Robson (Merseyside Police)_ · <https://example.org/policing.pdf|Policing report>",
		"Helen Armitage declared a personal interest in Item 7.11 (Late item) as Trustee of Crosby Lakeside.",
		"Sue Holden declared a disclosable pecuniary interest in Item 9 (Local Policing Update) as Spouse employed by Merseyside Police",
	} {
		if !strings.Contains(posted, want) {
			t.Errorf("posted agenda lacks %q:\n%s", want, posted)
		}
	}
	if strings.Contains(posted, "_Graeme Robson (Merseyside Police)_ · <https://example.org/late.pdf") {
		t.Errorf("the late item's report shows under 7.1:\n%s", posted)
	}

	// Withdrawing goes by the item's number now.
	wantText(t, k.Must(helen, "/declare", "withdraw 7.11"), "Your declaration in Item 7.11 (Late item) is withdrawn.")

	// An item with records is removed only when the officer confirms, and
	// its records stay in sight under it.
	r := k.Must(officer, "/agenda", "remove 9")
	wantText(t, r, "Item 9 has 1 declaration of interest (Sue Holden, disclosable pecuniary) and 1 report link (Graeme Robson).",
		"`/agenda remove 9 confirm`")
	wantText(t, k.Must(neil, "/agenda", ""), "*9* Local Policing Update")
	wantText(t, k.Must(officer, "/agenda", "remove 9 confirm"), "Removed item *9*", "stays on record, listed under the removed item")
	wantText(t, k.Must(neil, "/declare", "list"), "• Item 9 (Local Policing Update, removed from the agenda) — Sue Holden: disclosable pecuniary interest")
	wantText(t, k.Must(neil, "/report", "list"), "• Item 9 (Local Policing Update, removed from the agenda): <https://example.org/policing.pdf|Policing report>")
	k.Drain()
	posted = shown(t, k.Slack.Messages(bottest.Channel)[0])
	for _, want := range []string{
		"Sue Holden declared a disclosable pecuniary interest in Item 9 (Local Policing Update, removed from the agenda)",
		"*9* Local Policing Update — _removed from the agenda_ · <https://example.org/policing.pdf|Policing report>",
	} {
		if !strings.Contains(posted, want) {
			t.Errorf("posted agenda lacks %q:\n%s", want, posted)
		}
	}
	// The records themselves keep the number they were made under.
	if n := rows(t, k, `SELECT count(*) FROM declarations WHERE item_number = '7a' AND item_id IS NOT NULL`); n != 1 {
		t.Errorf("%d declarations recorded under 7a, want Helen's, kept as made", n)
	}
}

// TestReportPermissions: an item with a presenter takes report links from
// its presenter, its organisation's members (or the presenter's) and
// officers; officers remove anyone's link, and the log keeps who did.
func TestReportPermissions(t *testing.T) {
	k, _ := agendaCommittee(t)
	k.AddUser(kevin, "Kevin Hollis")
	k.Must(officer, "/committee", "member add <@"+kevin+"> Merseyside Police")
	k.AddUser(joe, "Joe Bloggs")
	k.Must(officer, "/committee", "member add <@"+joe+"> Sefton CVS")
	k.Must(officer, "/agenda", "add 7.2 Community Safety — Superintendent Graeme Robson")

	r := k.Command(neil, "/report", "7.7 https://example.org/cvs.pdf CVS report")
	wantText(t, r, "Only Sue Holden, members from Sefton CVS or an officer can attach the report for Item 7.7 (Sefton CVS).")
	if n := rows(t, k, `SELECT count(*) FROM report_links`); n != 0 {
		t.Fatalf("%d report links stored after a refusal", n)
	}
	wantText(t, k.Must(officer, "/report", "missing"), "• Item 7.7 (Sefton CVS)")

	for _, tc := range []struct{ user, text string }{
		{sue, "7.7 https://example.org/cvs.pdf CVS report"},     // the presenter
		{joe, "7.7 https://example.org/cvs-2.pdf CVS appendix"}, // the item's organisation
		{kevin, "7.2 https://example.org/safety.pdf Safety"},    // the presenter's organisation
		{officer, "4 https://example.org/iom.pdf IOM strategy"}, // an officer
		{neil, "5 https://example.org/education.pdf Education"}, // no presenter: any member
		{graeme, "6 https://example.org/policing.pdf Policing"}, // the presenter, printed with a title
	} {
		wantText(t, k.Must(tc.user, "/report", tc.text), "is attached")
	}
	wantText(t, k.Command(neil, "/report", "7.2 https://example.org/x.pdf"), "Only Superintendent Graeme Robson, members from Merseyside Police or an officer")

	// A member removes only their own; an officer anyone's.
	wantText(t, k.Must(neil, "/report", "remove 7.7 <@"+sue+">"), "Only an officer or the chair can remove someone else's report link.")
	wantText(t, k.Must(officer, "/report", "remove 7.7"), "You have no report attached to Item 7.7 (Sefton CVS).", "<@"+sue+"> and <@"+joe+">")
	wantText(t, k.Must(officer, "/report", "remove 7.7 <@"+sue+">"), "Sue Holden's report for Item 7.7 (Sefton CVS) is removed")
	wantText(t, k.Must(officer, "/report", "remove 7.7 <@"+sue+">"), "<@"+sue+"> has no report attached to Item 7.7 (Sefton CVS)")
	list := k.Must(neil, "/report", "list")
	if strings.Contains(list.Text(), "cvs.pdf") || !strings.Contains(list.Text(), "cvs-2.pdf") {
		t.Errorf("after the officer removed Sue's link:\n%s", list.Text())
	}
	if n := rows(t, k, `SELECT count(*) FROM report_links WHERE action = 'removed' AND user_id = '`+sue+`' AND by_user = '`+officer+`'`); n != 1 {
		t.Errorf("%d removals of Sue's link by the officer in the log, want 1", n)
	}
	k.Drain()
	dms := k.Slack.Messages("D" + sue)
	if len(dms) != 1 || !strings.Contains(dms[0].Text, "<@"+officer+"> removed your report link for Item 7.7 (Sefton CVS)") {
		t.Errorf("Sue was not told her link was removed: %+v", dms)
	}
}

// TestClosingItemStaysLast: Date of Next Meeting stays the last top-level
// item with no gap before it, on a new meeting's standard items and on an
// imported agenda.
func TestClosingItemStaysLast(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	wantText(t, k.Must(officer, "/agenda", "add 5 Local Policing Update — Graeme Robson"),
		"Added item *4* Local Policing Update", "You asked for item 5", "Date of Next Meeting is now item 5.")
	agenda := k.Must(neil, "/agenda", "").Text()
	if !strings.Contains(agenda, "*3* Minutes of Previous Meeting\n*4* Local Policing Update — _Graeme Robson_\n*5* Date of Next Meeting") {
		t.Errorf("agenda after adding item 5 to items 1–4:\n%s", agenda)
	}
	wantText(t, k.Must(officer, "/agenda", "add 5 Any Other Business"), "Added item *5* Any Other Business", "Date of Next Meeting is now item 6.")

	// The seed pack's agenda, imported: items up to 8, Date of Next Meeting.
	k = newCommittee(t)
	k.SetNow(time.Date(2022, 3, 1, 12, 0, 0, 0, london))
	seed, err := os.ReadFile("../commands/testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := commands.ImportAgenda(context.Background(), k.DB, mustCommittee(t, k.DB), string(seed), officer); err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(officer, "/agenda", "add 8 Any Other Business"), "Added item *8* Any Other Business", "Date of Next Meeting is now item 9.")
	agenda = k.Must(neil, "/agenda", "").Text()
	if !strings.Contains(agenda, "*8* Any Other Business\n*9* Date of Next Meeting") {
		t.Errorf("imported agenda after adding item 8:\n%s", agenda)
	}
}
