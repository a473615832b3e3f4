package bot_test

import (
	"strings"
	"testing"
)

// These tests go across the pieces of the work on records: agendas of any
// meeting, records on item ids, officers removing links, partial apology
// updates, /history, the chair and commands from a direct message.

// TestLaterMeetingsAgendaAndRecords: on a meeting given by its date, the
// replies suggest commands for that meeting, not the next one; an officer
// removes a report link there; removing the item added before Date of
// Next Meeting moves it back; and /history tells it in the order it
// happened.
func TestLaterMeetingsAgendaAndRecords(t *testing.T) {
	k := newCommittee(t)
	k.AddUser(sue, "Sue Holden")
	k.Must(officer, "/committee", "member add <@"+sue+"> Sefton CVS")
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	k.Must(officer, "/meeting", "schedule 2027-02-11 10:00 Bootle Town Hall")

	wantText(t, k.Must(officer, "/agenda", "add 11/02/2027 5 Youth Services — Sue Holden (Sefton CVS)"),
		"Added item *4* Youth Services", "Date of Next Meeting is now item 5.")
	wantText(t, k.Must(sue, "/declare", "11/02/2027 4 personal Employee of Sefton CVS"), "Recorded")
	// A declaration on a later meeting is withdrawn the same way it was made.
	wantText(t, k.Must(sue, "/declare", "withdraw 11/02/2027 4"), "withdrawn")
	if n := rows(t, k, `SELECT count(*) FROM declaration_withdrawals`); n != 1 {
		t.Fatalf("%d declarations withdrawn, want 1", n)
	}
	wantText(t, k.Must(sue, "/declare", "11/02/2027 4 personal Employee of Sefton CVS"), "Recorded")
	wantText(t, k.Must(sue, "/report", "11/02/2027 4 https://example.org/youth.pdf"), "is attached")
	wantText(t, k.Must(sue, "/report", "11/02/2027 4 https://example.org/youth-2.pdf"), "is replaced")

	// The officer removes Sue's link on that meeting, not on the next.
	wantText(t, k.Must(officer, "/report", "remove 11/02/2027 4"), "The links standing for it are from <@USUE>", "`/report remove 2027-02-11 4 @member`")
	wantText(t, k.Must(officer, "/report", "remove 11/02/2027 4 <@"+sue+">"), "Sue Holden's report for Item 4 (Youth Services) is removed", "`/history reports 2027-02-11` keeps the link")
	if n := rows(t, k, `SELECT count(*) FROM report_links WHERE action = 'removed' AND by_user = 'UIAN'`); n != 1 {
		t.Errorf("%d removals by the officer on record, want 1", n)
	}
	k.Drain()
	if dms := k.Slack.Messages("D" + sue); len(dms) != 1 || !strings.Contains(dms[0].Text, "`/report 2027-02-11 4 URL`") || !strings.Contains(dms[0].Text, "`/history reports 2027-02-11` keeps it") {
		t.Errorf("Sue's notice does not say how to send the link for that meeting: %+v", dms)
	}
	wantText(t, k.Must(officer, "/history", "reports 11/02/2027"),
		"item 4: <@USUE> submitted the report: https://example.org/youth.pdf\n",
		"item 4: <@USUE> report link removed: https://example.org/youth-2.pdf _(removed by <@UIAN>)_")
	wantText(t, k.Must(sue, "/report", "help remove"), "/report remove [DATE] ITEM [@member]")

	// The warning names the meeting: `/agenda remove 4 confirm` would take
	// item 4 off the next meeting's agenda.
	r := k.Must(officer, "/agenda", "remove 11/02/2027 4")
	wantText(t, r, "Item 4 has 1 declaration of interest (Sue Holden, personal).", "`/agenda remove 2027-02-11 4 confirm`")
	if strings.Contains(r.Text(), "`/agenda remove 4 confirm`") {
		t.Errorf("the warning suggests removing the next meeting's item 4:\n%s", r.Text())
	}
	wantText(t, k.Must(officer, "/agenda", "remove 11/02/2027 4 confirm"), "Removed item *4*", "Date of Next Meeting is now item 4.")
	wantText(t, k.Must(neil, "/agenda", "11/02/2027"), "*3* Minutes of Previous Meeting\n*4* Date of Next Meeting",
		"Sue Holden declared a personal interest in Item 4 (Youth Services, removed from the agenda)")
	wantText(t, k.Must(neil, "/agenda", ""), "*4* Date of Next Meeting") // the next meeting's, untouched
	wantText(t, k.Must(officer, "/agenda", "add 11/02/2027 4 Youth Services"), "Added item *4* Youth Services", "Date of Next Meeting is now item 5.")

	// Date of Next Meeting moved off 4 before the new item took it; the
	// history says so in that order, and which item moved.
	h := k.Must(officer, "/history", "agenda 11/02/2027").Text()
	order := []string{
		"item 4: added: Date of Next Meeting",
		"item 4: moved to 5 — Date of Next Meeting",
		"item 4: added: Youth Services — Sue Holden",
		"item 4: removed: Youth Services — Sue Holden",
		"item 5: moved to 4 — Date of Next Meeting",
		"item 4: moved to 5 — Date of Next Meeting",
		"item 4: added: Youth Services _(entered by",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(h[at:], want)
		if i < 0 {
			t.Fatalf("the history lacks %q after %q:\n%s", want, h[:at], h)
		}
		at += i + len(want)
	}
}

// TestRecordsSeamsAcrossPieces: partial apology updates read right in the
// history; an item titled with an organisation takes its members' links;
// /history, /report remove and /meeting move work from a direct message;
// the chair may not move a meeting.
func TestRecordsSeamsAcrossPieces(t *testing.T) {
	k, _ := agendaCommittee(t)
	k.AddUser(kevin, "Kevin Hollis")
	k.Must(officer, "/committee", "member add <@"+kevin+"> Merseyside Fire and Rescue Service")
	k.AddUser(trish, "Trish Hardy")
	k.Must(officer, "/committee", "member add <@"+trish+"> Sefton Council chair")

	// Apologies changed part by part: the history gives each state, kept
	// parts and a substitute named in quotes included.
	for _, text := range []string{"Attending court sub <@" + graeme + ">", "sub “Jane Smith (Sefton CVS)”", "reason none", "sub none"} {
		wantText(t, k.Must(neil, "/apologies", text), "Your apologies")
	}
	wantText(t, k.Must(officer, "/history", "apologies <@"+neil+">"),
		"<@UNEIL> sent apologies: Attending court; substitute: Graeme Robson\n",
		"<@UNEIL> changed their apologies: Attending court; substitute: Jane Smith (Sefton CVS)\n",
		"<@UNEIL> changed their apologies: substitute: Jane Smith (Sefton CVS)\n",
		"<@UNEIL> changed their apologies: no reason or substitute")

	// A partner report titled with the organisation, its presenter's name
	// misspelt: the organisation's member may attach it; others are told
	// who may.
	k.Must(officer, "/agenda", "add 7.4 Merseyside Fire and Rescue Service — Kevin Holis")
	wantText(t, k.Must(neil, "/report", "7.4 https://example.org/fire.pdf"),
		"Only Kevin Holis, members from Merseyside Fire and Rescue Service or an officer can attach the report for Item 7.4")
	wantText(t, k.Must(kevin, "/report", "7.4 https://example.org/fire.pdf Fire report"), "is attached")

	// From direct messages.
	const dmIan = "DIAN"
	wantText(t, slashIn(t, k, dmIan, officer, "/report", "remove 7.4 <@"+kevin+">"), "Kevin Hollis's report for Item 7.4 (Merseyside Fire and Rescue Service) is removed")
	wantText(t, slashIn(t, k, dmIan, officer, "/history", "reports"), "item 7.4: <@UKEVIN> report link removed: https://example.org/fire.pdf (Fire report) _(removed by <@UIAN>)_")
	r := slashIn(t, k, dm, neil, "/history", "apologies")
	wantText(t, r, ": your records.", "<@UNEIL> sent apologies")
	if r.Public() {
		t.Error("history in a direct message is public")
	}
	wantText(t, slashIn(t, k, dm, neil, "/history", "apologies <@"+graeme+">"), "You can read the history of your own records only")

	// The chair conducts meetings; moving one is the officer's.
	wantText(t, k.Must(trish, "/meeting", "move 10/12/2026 17/12/2026"), "Only an officer of Safer Sefton Together can move meetings.")
	wantText(t, slashIn(t, k, "DTRISH", trish, "/meeting", "move 10/12/2026 17/12/2026"), "Only an officer of Safer Sefton Together can move meetings.")
	r = slashIn(t, k, dmIan, officer, "/meeting", "move 10/12/2026 17/12/2026")
	wantText(t, r, "has moved to *Thursday 17 December 2026, 10:00, Remote Meeting*")
	if r.Public() {
		t.Error("a move from a direct message is answered in public there")
	}
	wantText(t, k.Must(neil, "/meeting", "list"), "Thursday 17 December 2026, 10:00, Remote Meeting (moved from Thursday 10 December 2026, 10:00)")
	// The records went with the meeting.
	wantText(t, k.Must(neil, "/apologies", "list 17/12/2026"), "Neil Frackelton")
	wantText(t, k.Must(officer, "/history", "reports 17/12/2026"), "item 7.4: <@UKEVIN> submitted the report")
}
