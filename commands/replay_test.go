package commands_test

import (
	"context"
	"strings"

	"github.com/quorumhq/quorum/commands"
	"testing"
	"time"
)

// The people of the meeting of 9 December 2021 not in the kit's
// directory.
const (
	trish  = "UTRISH"
	john   = "UJOHN"
	helen  = "UHELEN"
	simon  = "USIMON"
	tracy  = "UTRACY"
	kevin  = "UKEVIN"
	tracie = "UTRACIE"
	tony   = "UTONY"
	jan    = "UJAN"
	andrea = "UANDREA"
)

// replayKit is the meeting of 9 December 2021 as its officer would have
// set it up in the week before: the partnership, its agenda and the
// apologies sent beforehand.
func replayKit(t *testing.T) *kit {
	t.Helper()
	k := newKit(t)
	for id, name := range map[string]string{trish: "Trish Hardy", john: "John Sayers", helen: "Helen Armitage", simon: "Simon Burnett",
		tracy: "Tracy Forshaw", kevin: "Kevin Sexton", tracie: "Tracy Trubshaw", tony: "Tony Harland", jan: "Jan Marlow", andrea: "Andrea Watts"} {
		k.dir[id] = name
	}
	k.now = time.Date(2021, 11, 25, 9, 0, 0, 0, london)
	k.must(ian, "/committee setup Safer Sefton Together")
	for _, m := range []string{
		"<@UTRISH> Sefton Council chair", "<@UJOHN> Sefton Council", "<@UHELEN> Sefton Council Public Health",
		"<@USIMON> Sefton Council", "<@UTRACY> Sefton CCG", "<@UGRAEME> Merseyside Police", "<@UKEVIN> Chesterfield High School",
		"<@UTRACIE> Merseyside Police", "<@UNEIL> SWACA", "<@UTONY> MFRA", "<@USUE> Sefton CVS", "<@UJAN> Probation Service",
		"<@UANDREA> Sefton Council officer",
	} {
		k.must(ian, "/committee member add "+m)
	}
	k.must(ian, "/meeting schedule 2021-12-09 10:00 Microsoft Teams Remote Meeting")
	for _, item := range []string{
		"4 SSCP - Relationship with Other Boards — Andrea Watts",
		"5 Youth Service and Youth Engagement — Simon Burnett",
		"6 Youth Offending Team — Ros Stanley",
		"7 Youth Anti-Social Behaviour - Partner Reports",
		"8 Future Agenda Items - Integrated Offender Management - Prevent Duty - Drug and Alcohol Services",
		"9 Future Name of Partnership — Andrea Watts",
	} {
		k.must(ian, "/agenda add "+item)
	}
	k.must(neil, "/apologies Unwell")
	k.must(tony, "/apologies Training")
	k.must(sue, `/apologies Leave sub "Sharron Cotterall (Sefton CVS)"`)
	return k
}

// sitting is the meeting of 9 December 2021 held in Quorum, as the
// officer would have recorded it at the table, up to its close.
func sitting(k *kit) {
	at := func(hh, mm int) { k.now = time.Date(2021, 12, 9, hh, mm, 0, 0, london) }
	at(9, 55)
	k.must(trish, "/meeting start")
	for _, u := range []string{trish, john, helen, simon, tracy, graeme, jan, tracie} {
		k.must(u, "/here")
	}
	at(10, 0)
	k.must(kevin, "/declare 7 personal Headteacher of Chesterfield High School")
	for _, l := range []string{
		`/attendance "Sharron Cotterall (Sefton CVS)" substitute-for <@USUE>`,
		`/attendance <@UANDREA> in-attendance`,
		`/attendance "Ros Stanley (Sefton Council)" in-attendance`,
		`/attendance "Sarah Quick (Sefton Council)" in-attendance`,
		`/attendance "Martin Cambers (Sefton Council)" in-attendance`,
	} {
		k.must(ian, l)
	}
	k.must(ian, "/minute 4 Further to Minute No. 17 of the meeting held on 9th September 2021, Andrea Watts – Executive Director, People submitted a report dealing with how the Strategic objectives were connected.")
	k.must(ian, "/resolve 4 That (1) the Board notes the cross representation in place across the Safeguarding Children Partnership, Sefton’s Safer Community Partnership Board and the YOT management board; and (2) the Executive Director for Adult Social Care and Health be requested to nominate a representative from the Sefton Safeguarding Adults Board to Sefton’s Safer Community Partnership.")
	at(10, 20)
	k.must(ian, "/attendance <@UKEVIN> late 10:15")
	k.must(ian, "/minute 5 Simon Burnett presented a report dealing with Sefton Council’s Youth service and youth engagement mechanisms.\n\nAs part of the youth offer the Council commissioned the following providers:\n\n• Bootle Youth and Community Centre\n• Brunswick Youth Centre")
	k.must(ian, "/resolve 5 That the report be noted.")
	k.must(ian, "/minute 6 Ros Stanley, Localities Service Manager (YOT) submitted a report which highlighted the Youth Offending Team’s experiences of Youth anti-social behaviour (ASB).")
	k.must(ian, "/resolve 6 That the report be noted.")
	k.must(ian, "/minute 7 Further to Minute No. 29 of the meeting held on 9 September 2021 it had been agreed that key issues be considered by the Board during 2021 as single agenda item meetings.")
	k.must(ian, "/resolve 7 That (1) the reports be noted; (2) all organisations be thanked for the detailed and thorough reports provided; and (3) further reports be submitted to the Board building on the issues raised.")
	at(11, 10)
	k.must(ian, "/attendance <@UGRAEME> left 11:05")
	k.must(ian, "/action add 7 <@UGRAEME> 2022-03-01 Report back on the youth ASB pilot")
	k.must(ian, "/minute 8 The Board was informed that the North West Probation and Police Leads would deliver a briefing on the national Integrated Offender Management Refresh.")
	k.must(ian, "/resolve 8 That (1) the report be noted; and (2) Violence Against Women and Girls be the theme for the next meeting.")
	k.must(ian, "/minute 9 Andrea Watts suggested that a new name be considered for the Partnership.")
	k.must(ian, "/resolve 9 That the Sefton Safer Communities Partnership be re-named Safer Sefton Together.")
	k.must(ian, "/resolve 10 That the next meeting be held on Thursday 17 March 2022 commencing at 10.00am.")
	at(11, 40)
	k.must(trish, "/meeting close")
}

// TestMinuteKeepsItsParagraphs: a narrative typed in paragraphs, with a
// list of a line each, as minute 24 of 9 December 2021 is printed, keeps
// them in the draft, the export and after an amendment; it is not run
// into one paragraph the clerk has to break up again.
func TestMinuteKeepsItsParagraphs(t *testing.T) {
	k := replayKit(t)
	k.now = time.Date(2021, 12, 9, 10, 0, 0, 0, london)
	k.must(trish, "/meeting start")
	k.must(ian, "/minute 5 Simon Burnett presented a report dealing with Sefton Council’s Youth service.\n\nAs part of the youth offer across the borough the Council commissioned the following providers:\n\n•  Bootle Youth and Community Centre \n• Brunswick Youth Centre\n\n\n\nIn addition, schools were considered key to engaging with young people.")
	k.must(ian, "/resolve 5 That the report be noted.")
	want := "```\n5. YOUTH SERVICE AND YOUTH ENGAGEMENT\n\nSimon Burnett presented a report dealing with Sefton Council’s Youth service.\n\nAs part of the youth offer across the borough the Council commissioned the following providers:\n\n• Bootle Youth and Community Centre\n• Brunswick Youth Centre\n\nIn addition, schools were considered key to engaging with young people.\n\nRESOLVED:\nThat the report be noted."
	wantShown(t, k.say(ian, "/minutes draft"), want)
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), commands.DateOf(k.now, london), k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, doc.Markdown(), "providers:\n\n• Bootle Youth and Community Centre  \n• Brunswick Youth Centre\n\nIn addition")

	k.must(ian, "/minutes amend 5 Simon Burnett presented a report.\n\nThe report set out details of the Team.")
	wantShown(t, k.say(ian, "/minutes draft"), "```\n5. YOUTH SERVICE AND YOUTH ENGAGEMENT\n\nSimon Burnett presented a report.\n\nThe report set out details of the Team.\n\nRESOLVED:")
	// A decision amended over several lines is still one decision, its
	// parts set out by the draft.
	k.must(ian, "/minutes amend 5 That\n(1) the report be noted; and\n(2) the providers be thanked.")
	wantShown(t, k.say(ian, "/minutes draft"), "RESOLVED:\nThat\n(1) the report be noted; and\n(2) the providers be thanked.\n```")
}

// TestLetteredPartsSetOut: a decision whose parts are lettered, (a), (b),
// or numbered in roman numerals, (i), (ii), as councils print some, is
// set out a part to a line in the draft, as one numbered (1), (2) is, and
// /resolution counts its parts.
func TestLetteredPartsSetOut(t *testing.T) {
	k := replayKit(t)
	k.now = time.Date(2021, 12, 9, 10, 0, 0, 0, london)
	k.must(trish, "/meeting start")
	k.must(ian, "/resolve 9 That (a) the Sefton Safer Communities Partnership be re-named Safer Sefton Together; and (b) the terms of reference be amended accordingly.")
	k.must(ian, "/resolve 8 That (i) the report be noted; (ii) Violence Against Women and Girls be the theme for the next meeting; and (iii) Prevent Duty be considered in June.")
	wantShown(t, k.say(ian, "/minutes draft"),
		"RESOLVED:\nThat\n(a) the Sefton Safer Communities Partnership be re-named Safer Sefton Together; and\n(b) the terms of reference be amended accordingly.\n```",
		"RESOLVED:\nThat\n(i) the report be noted;\n(ii) Violence Against Women and Girls be the theme for the next meeting; and\n(iii) Prevent Duty be considered in June.\n```")
	res, err := k.db.MinutesByNumber(context.Background(), k.committee().ID, "9", commands.DateOf(k.now, london), 1)
	if err != nil || len(res) != 1 || len(res[0].Resolutions) != 1 {
		t.Fatalf("minute 9: %+v %v", res, err)
	}
	if got := res[0].Resolutions[0].Parts; len(got) != 2 || got[1] != "the terms of reference be amended accordingly." {
		t.Errorf("minute 9's parts: %q", got)
	}
}

// TestMinutesSayWhenTheMeetingClosed: the minutes of the meeting of 9
// December 2021, held in Quorum, end with the time it closed, in the
// draft, the printable page and the exports, as the heading gives the
// time it began; minutes of a meeting still sitting do not.
func TestMinutesSayWhenTheMeetingClosed(t *testing.T) {
	k := replayKit(t)
	k.now = time.Date(2021, 12, 9, 10, 0, 0, 0, london)
	k.must(trish, "/meeting start")
	k.must(ian, "/resolve 10 That the next meeting be held on Thursday 17 March 2022 commencing at 10.00am.")
	if d := k.say(ian, "/minutes draft"); strings.Contains(d, "closed") {
		t.Errorf("the minutes of a meeting still sitting say it closed:\n%s", d)
	}
	k.now = time.Date(2021, 12, 9, 11, 40, 0, 0, london)
	k.must(trish, "/meeting close")
	k.now = time.Date(2021, 12, 9, 14, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minutes draft"), "Minutes of the meeting held on Thursday 9 December 2021 at 10:00, Microsoft Teams Remote Meeting\n",
		"commencing at 10.00am.\n```\n```\nThe meeting closed at 11:40.\n```")
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), commands.DateOf(k.now, london), k.now)
	if err != nil {
		t.Fatal(err)
	}
	for format, text := range map[string]string{"Markdown": doc.Markdown(), "text": doc.PlainText()} {
		if !strings.HasSuffix(text, "commencing at 10.00am.\n\nThe meeting closed at 11:40.\n") {
			t.Errorf("the minutes as %s end:\n%s", format, text[max(0, len(text)-200):])
		}
	}
	page, err := commands.MinutesHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, string(page), "</section>\n<p>The meeting closed at 11:40.</p>\n</body>")
}

// TestMinutesSayOnWhichDayAMeetingReconvenedClosed: a meeting adjourned
// to the next day closes then, and its minutes say on which day.
func TestMinutesSayOnWhichDayAMeetingReconvenedClosed(t *testing.T) {
	k := replayKit(t)
	k.now = time.Date(2021, 12, 9, 10, 0, 0, 0, london)
	k.must(trish, "/meeting start")
	k.now = time.Date(2021, 12, 9, 11, 0, 0, 0, london)
	k.must(trish, "/meeting adjourn")
	k.now = time.Date(2021, 12, 10, 10, 0, 0, 0, london)
	k.must(trish, "/meeting resume")
	k.now = time.Date(2021, 12, 10, 10, 30, 0, 0, london)
	k.must(trish, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 9 December 2021"), "```\nThe meeting closed on Friday 10 December 2021 at 10:30.\n```")
}

// TestReplay9December2021 holds the meeting of 9 December 2021 in Quorum
// as its officer and chair would have, and reads the draft as the clerk
// would before publishing it: the attendance, the apologies with the
// substitute, the declaration at the table, a narrative in paragraphs,
// decisions in parts, the time the meeting closed; then the next
// meeting confirms the minutes, numbering on from them.
func TestReplay9December2021(t *testing.T) {
	k := replayKit(t)
	sitting(k)
	d := k.say(ian, "/minutes draft")
	inOrder(t, d,
		"SAFER SEFTON TOGETHER\nMinutes of the meeting held on Thursday 9 December 2021 at 09:55, Microsoft Teams Remote Meeting\nDRAFT — not yet confirmed as a correct record.",
		"Present: Trish Hardy (Sefton Council) (in the Chair), John Sayers (Sefton Council), ",
		" and Kevin Sexton (Chesterfield High School).\n\nIn attendance: Andrea Watts (Sefton Council), Ros Stanley (Sefton Council), Sarah Quick (Sefton Council) and Martin Cambers (Sefton Council).",
		"Kevin Sexton arrived at 10:15.\nGraeme Robson left the meeting at 11:05.",
		"```\n1. APOLOGIES FOR ABSENCE\n\nApologies for absence were received from Neil Frackelton (SWACA), Tony Harland (MFRA) and Sue Holden (Sefton CVS).\n\nSubstitutes: Sharron Cotterall (Sefton CVS) for Sue Holden.",
		"```\n2. DECLARATIONS OF INTEREST\n\nKevin Sexton declared a personal interest in Minute No. 7 (Youth Anti-Social Behaviour - Partner Reports) as Headteacher of Chesterfield High School.",
		"```\n5. YOUTH SERVICE AND YOUTH ENGAGEMENT\n\nSimon Burnett presented a report dealing with Sefton Council’s Youth service and youth engagement mechanisms.\n\nAs part of the youth offer the Council commissioned the following providers:\n\n• Bootle Youth and Community Centre\n• Brunswick Youth Centre\n\nRESOLVED:\nThat the report be noted.",
		"```\n7. YOUTH ANTI-SOCIAL BEHAVIOUR - PARTNER REPORTS",
		"RESOLVED:\nThat\n(1) the reports be noted;\n(2) all organisations be thanked for the detailed and thorough reports provided; and\n(3) further reports be submitted to the Board building on the issues raised.",
		"```\n10. DATE OF NEXT MEETING\n\nRESOLVED:\nThat the next meeting be held on Thursday 17 March 2022 commencing at 10.00am.\n```\n```\nThe meeting closed at 11:40.\n```",
	)

	k.now = time.Date(2022, 3, 17, 10, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2022-03-17 10:00 Remote Meeting")
	k.must(trish, "/meeting start")
	wantShown(t, k.say(ian, "/minutes approve"), "Minute 13 of this meeting records it.")
	wantShown(t, k.say(ian, "/minutes draft"), "Numbered on from minute 10 of Thursday 9 December 2021.",
		"```\n13. MINUTES OF PREVIOUS MEETING\n\nRESOLVED:\nThat the Minutes of the meeting held on 9 December 2021 be confirmed as a correct record.\n```")
	wantShown(t, k.say(ian, "/minutes draft 9 December 2021"), "Confirmed as a correct record at the meeting held on 17 March 2022.")
}

// march2022 is the meeting of 17 March 2022 as its officer would have set
// it up: the meeting of 9 December 2021 held in Quorum, then, three weeks
// before, the published agenda imported whole.
func march2022(t *testing.T) *kit {
	t.Helper()
	k, _ := march2022Imported(t)
	return k
}

// march2022Imported is march2022 with what the officer read on importing
// the agenda.
func march2022Imported(t *testing.T) (*kit, string) {
	t.Helper()
	k := replayKit(t)
	sitting(k)
	k.now = time.Date(2022, 2, 24, 9, 0, 0, 0, london)
	got := importMarch2022(k, march2022Text(t))
	if !strings.Contains(got, "17 items") {
		t.Fatalf("importing the agenda of 17 March 2022: %s", got)
	}
	return k, got
}

// TestMisspeltPresenterIsTheMember: the agenda of 17 March 2022 prints
// item 7.5's presenter "Neil Frackleton"; the member is Neil Frackelton.
// The import records the item as his and tells the officer so: his report
// sent under the heading, 7, is sent on to 7.5, and 7.5 is listed among
// the reports missing under his name. Other presenters printed as no
// member's (Tracy McKeating, beside Tracy Forshaw) are kept as printed.
func TestMisspeltPresenterIsTheMember(t *testing.T) {
	k, imported := march2022Imported(t)
	wantShown(t, imported, "Item 7.5: “Neil Frackleton” read as Neil Frackelton, a member; if it is someone else, `/agenda edit 2022-03-17 7.5 — NAME` sets it.")
	if n := strings.Count(imported, "read as"); n != 1 {
		t.Errorf("%d presenters read as members, want 1:\n%s", n, imported)
	}
	wantShown(t, k.say(neil, "/report 7 https://example.org/swaca.pdf"),
		"Your report is for Item 7.5 (SWACA), numbered under Item 7 (Violence against Women and Girls - Partner Reports): `/report 7.5 URL` attaches it there. Nothing was attached.")
	wantShown(t, k.say(ian, "/report missing 2022-03-17"), "• Item 7.5 (SWACA) — Neil Frackelton\n", "• Item 5 (Provision of Alternative Education Settings) — Tracy McKeating\n")
	wantShown(t, k.say(ian, "/agenda 2022-03-17"), "*7.5* SWACA — _Neil Frackelton_")
}

// TestPartnerReportNotFiledUnderTheHeading: a partner who sends their
// report under the heading of the partner reports (item 7), which the
// agenda prints on a line of its own above theirs, is told which item is
// theirs, rather than told it is attached while their item stays missing
// and they are chased for it; one entered for them likewise. Anyone else
// may still attach a paper to the heading, as to any item with no
// presenter.
func TestPartnerReportNotFiledUnderTheHeading(t *testing.T) {
	k := march2022(t)
	// A colleague of the chair's at Sefton Council presents its report,
	// 7.1; the chair does not.
	k.dir["UJANETTE"] = "Janette Maxwell"
	k.must(ian, "/committee member add <@UJANETTE> Sefton Council")
	k.steps([]step{
		{sue, "/report 7 https://example.org/cvs.pdf Sefton CVS VAWG report", []string{"Your report is for Item 7.7 (Sefton CVS), numbered under Item 7 (Violence against Women and Girls - Partner Reports): `/report 7.7 URL` attaches it there. Nothing was attached."}},
		{sue, "/report 17/03/2022 7 https://example.org/cvs.pdf", []string{"`/report 2022-03-17 7.7 URL`"}},
		{ian, "/report for <@USUE> 7 https://example.org/cvs.pdf", []string{"<@USUE> presents Item 7.7 (Sefton CVS), numbered under Item 7 (Violence against Women and Girls - Partner Reports): enter their report under item 7.7 instead. Nothing was attached."}},
		// Graeme presents 7.3 as printed, "Superintendent Graeme Robson".
		{graeme, "/report 7 https://example.org/police.pdf", []string{"Your report is for Item 7.3 (Merseyside Police)"}},
		{"UJANETTE", "/report 7 https://example.org/damap.pdf", []string{"Your report is for Item 7.1 (Sefton Council and Domestic Abuse Multi Agency Partnership)"}},
		{trish, "/report 7 https://example.org/vawg-strategy.pdf Sefton VAWG strategy", []string{"Your report for Item 7 (Violence against Women and Girls - Partner Reports) at the meeting on Thursday 17 March 2022 is attached."}},
	})
	wantShown(t, k.say(ian, "/report missing"), "• Item 7.7 (Sefton CVS) — Sue Holden")
	if l := k.say(ian, "/report list"); strings.Contains(l, "cvs.pdf") || strings.Contains(l, "police.pdf") {
		t.Errorf("a partner's report is filed under the heading:\n%s", l)
	}
	wantShown(t, k.say(sue, "/report 7.7 https://example.org/cvs.pdf Sefton CVS VAWG report"), "Your report for Item 7.7 (Sefton CVS) at the meeting on Thursday 17 March 2022 is attached.")
}

// TestHeadingLinksOfTheHeadingsPresenterTheChairAndOfficers: the heading's
// redirect is only for someone named for an item under it. Someone named
// for the heading itself attaches to it; the chair attaches a paper to it
// though an item under it is titled with her organisation; an officer's
// own link to it is attached, with a date or without, as an officer may
// attach any item's report.
func TestHeadingLinksOfTheHeadingsPresenterTheChairAndOfficers(t *testing.T) {
	k := march2022(t)
	k.must(ian, "/agenda edit 2022-03-17 7 — Sue Holden")
	k.must(ian, "/agenda add 2022-03-17 7.10 Sefton Council — Janette Maxwell")
	wantShown(t, k.say(sue, "/report 7 https://example.org/overview.pdf"), "Your report for Item 7 (Violence against Women and Girls - Partner Reports) at the meeting on Thursday 17 March 2022 is attached.")
	k.must(ian, "/agenda edit 2022-03-17 7 — none")
	wantShown(t, k.say(trish, "/report 7 https://example.org/vawg-strategy.pdf"), "Your report for Item 7 (Violence against Women and Girls - Partner Reports) at the meeting on Thursday 17 March 2022 is attached.")
	k.must(ian, "/committee member add <@USUE> Sefton CVS officer")
	wantShown(t, k.say(sue, "/report 7 https://example.org/a.pdf"), "Your report for Item 7 (Violence against Women and Girls - Partner Reports) at the meeting on Thursday 17 March 2022 is replaced")
	wantShown(t, k.say(sue, "/report 17/03/2022 7 https://example.org/b.pdf"), "Your report for Item 7 (Violence against Women and Girls - Partner Reports) at the meeting on Thursday 17 March 2022 is replaced")
}

// atTheTable is the meeting of 17 March 2022 opened, its minutes
// numbering on from 9 December 2021's (item 7 is minute 17), and the
// partner reports resolved as one.
func atTheTable(k *kit) {
	k.now = time.Date(2022, 3, 17, 9, 55, 0, 0, london)
	k.must(trish, "/meeting start")
	k.now = time.Date(2022, 3, 17, 11, 0, 0, 0, london)
	k.must(ian, "/resolve 7 NOTED: the reports of partners on Violence against Women and Girls.")
}

// TestActionUnderTheItemOfTheMeetingAtTheTable: an action typed at the
// meeting of 17 March 2022 with the number of its item 7, as the agenda
// prints it, is not filed without a word under minute 7 of 9 December
// 2021, to be listed and chased as that meeting's: the answer gives the
// item's minute, 17, and how to have the earlier one.
func TestActionUnderTheItemOfTheMeetingAtTheTable(t *testing.T) {
	k := march2022(t)
	atTheTable(k)
	k.steps([]step{
		{ian, "/action add 7 <@UJAN> 2022-06-09 Report back on the Merseyside Women's Team", []string{"Item 7 of the meeting on Thursday 17 March 2022 is minute 17: `/action add 17 …` records the action under it. Minute 7 on record is of the meeting on Thursday 9 December 2021; for it, give that day first: `/action add 2021-12-09 7 …`. Nothing was added."}},
		{jan, "/action list mine", []string{"Your outstanding actions of *Safer Sefton Together*: none."}},
		{ian, "/action add 17 <@UJAN> 2022-06-09 Report back on the Merseyside Women's Team", []string{"Action 2 recorded under minute 17: <@UJAN>"}},
		{ian, "/action add 2021-12-09 7 <@UGRAEME> 2022-06-09 Report back on the pilot's second phase", []string{"Action 3 recorded under minute 7: <@UGRAEME>"}},
		{jan, "/action list mine", []string{"• 2. Report back on the Merseyside Women's Team — <@UJAN>, due Thursday 9 June 2022 (minute 17, Thursday 17 March 2022)"}},
	})
	// An item whose minute has its own number still takes it.
	k.must(ian, "/resolve 6 That the update be noted.")
	wantShown(t, k.say(ian, "/action add 16 <@UGRAEME> 2022-06-09 Circulate the policing figures"), "Action 4 recorded under minute 16")
}

// TestHomeAtTheTableDoesNotOfferToConfirmItsOwnMinutes: while the meeting
// of 17 March 2022 sits, with its first minutes taken, the chair's and the
// officer's Homes say its minutes are being taken, and confirmed once it
// has closed, rather than offer a `/minutes approve` that would be refused
// as the meeting is still in progress; once closed, they offer it.
func TestHomeAtTheTableDoesNotOfferToConfirmItsOwnMinutes(t *testing.T) {
	k := march2022(t)
	atTheTable(k)
	k.must(ian, "/minutes approve")
	if r := k.run(trish, "/minutes approve 2022-03-17"); !r.Refused {
		t.Fatalf("the meeting in progress confirms its own minutes: %s", shown(r))
	}
	for _, u := range []string{trish, ian} {
		home := homeText(t, k, u)
		wantShown(t, home, "Minutes of Thursday 17 March 2022 being taken at the meeting in progress: `/minutes draft 2022-03-17` to read them, `/minutes approve 2022-03-17` to confirm them once it has closed.")
		if strings.Contains(home, "drafted, not yet confirmed") {
			t.Errorf("%s's Home, at the table, offers to confirm the meeting's minutes:\n%s", u, home)
		}
	}
	k.now = time.Date(2022, 3, 17, 11, 40, 0, 0, london)
	k.must(trish, "/meeting close")
	wantShown(t, homeText(t, k, trish), "Minutes of Thursday 17 March 2022 drafted, for confirmation at the meeting on Thursday 9 June 2022 (item 3): `/minutes draft 2022-03-17` to read them; `/minutes approve 2022-03-17` at that meeting confirms them (before it, that confirms them by correspondence).")
}

// TestHomeBeforeTheMeetingLeavesItsMinutesItem: in the weeks before the
// meeting of 17 March 2022, the chair's and the officer's Home show the
// minutes of 9 December 2021 as the meeting's to confirm, under its item
// 3, Minutes of Previous Meeting; `/minutes approve` given then would
// confirm them by correspondence, and the Home says so rather than offer
// it as the thing to do.
func TestHomeBeforeTheMeetingLeavesItsMinutesItem(t *testing.T) {
	k := march2022(t)
	k.now = time.Date(2022, 3, 10, 9, 0, 0, 0, london)
	for _, u := range []string{trish, ian} {
		home := homeText(t, k, u)
		wantShown(t, home, "Minutes of Thursday 9 December 2021 drafted, for confirmation at the meeting on Thursday 17 March 2022 (item 3): `/minutes draft 2021-12-09` to read them; `/minutes approve 2021-12-09` at that meeting confirms them (before it, that confirms them by correspondence).")
		if strings.Contains(home, "to confirm them.") {
			t.Errorf("%s's Home offers to confirm the minutes before the meeting that is to:\n%s", u, home)
		}
	}
	// At the meeting, the Home offers it as the meeting's business.
	atTheTable(k)
	wantShown(t, homeText(t, k, trish), "Minutes of Thursday 9 December 2021 drafted, not yet confirmed: `/minutes draft 2021-12-09` to read them, `/minutes approve 2021-12-09` to confirm them.")
}

// TestActionGivenThePartnerReportsNumber: at the meeting of 17 March
// 2022, the partner reports noted by one decision on item 7, an action
// for Probation typed with its report's number, 7.9, as the agenda prints
// it, is answered with the minute to give: item 7's, whose decision it
// comes from, or 7.9's own once something is minuted there; not only
// told that no minute 7.9 is on record.
func TestActionGivenThePartnerReportsNumber(t *testing.T) {
	k := march2022(t)
	atTheTable(k)
	k.steps([]step{
		{ian, "/action add 7.9 <@UJAN> 2022-06-09 Report back on the Merseyside Women's Team", []string{"No minute 7.9 of the meeting on Thursday 17 March 2022 is on record: its item 7.9 has no minute of its own; minute 17, of item 7, under which it is numbered, lists it. An action from its decision goes under that minute: `/action add 17 …`. For a decision on item 7.9 alone, minute it on its own (`/resolve 7.9 …`), then give the number its reply gives."}},
		{ian, "/action add 17/03/2022 7.9 <@UJAN> 2022-06-09 Report back on the Merseyside Women's Team", []string{"goes under that minute: `/action add 2022-03-17 17 …`. For a decision on item 7.9 alone, minute it on its own (`/resolve 2022-03-17 7.9 …`)"}},
		{ian, "/action add 17 <@UJAN> 2022-06-09 Report back on the Merseyside Women's Team", []string{"Action 2 recorded under minute 17: <@UJAN>"}},
	})
	// Minuted on its own, 7.9 is a minute of its own, with the number
	// its reply gave.
	wantShown(t, k.say(ian, "/resolve 7.9 That the Women's Team's report be circulated."), "minute 18 of the meeting on Thursday 17 March 2022")
	wantShown(t, k.say(ian, "/action add 7.9 <@UJAN> 2022-06-09 Circulate the report"), "item 7.9 of the meeting on Thursday 17 March 2022 is minute 18")
}

// TestPartnerReportsMinutedAsOne: at the meeting of 17 March 2022 the
// partner reports (items 7.1 to 7.9) are noted by one decision on item 7,
// as the clerk minutes them: the draft has one minute for the heading,
// listing the reports and who presented them, not nine minutes with
// nothing recorded; an interest declared in a report names the heading's
// minute; the minutes are confirmed at the next meeting without anyone
// minuting nine items nobody decided apart; the items after take the
// numbers on from item 7's.
func TestPartnerReportsMinutedAsOne(t *testing.T) {
	k := march2022(t)
	k.must(graeme, "/declare 7.3 personal Chair of the VAWG board")
	k.now = time.Date(2022, 3, 17, 9, 55, 0, 0, london)
	k.must(trish, "/meeting start")
	// Before anything is minuted, the heading is one minute with nothing
	// recorded, listing its reports.
	d := k.say(ian, "/minutes draft")
	wantShown(t, d, "```\n17. VIOLENCE AGAINST WOMEN AND GIRLS - PARTNER REPORTS\n\n[Nothing recorded yet: /resolve or /minute this item; an item listed here decided on its own is minuted by its number, /resolve ITEM, until the next meeting's minutes are begun.]\n\nThe following reports were considered:\n7.1 Sefton Council and Domestic Abuse Multi Agency Partnership — Report of Janette Maxwell.\n",
		"```\n18. DATE OF NEXT MEETING\n")
	if n := strings.Count(d, "Nothing recorded yet"); n != 6 {
		t.Errorf("the draft has %d minutes with nothing recorded, not 6 (items 3, 4, 5, 6, 7 and 8):\n%s", n, d)
	}
	k.now = time.Date(2022, 3, 17, 11, 0, 0, 0, london)
	k.must(ian, "/resolve 7 NOTED: That the reports be noted.")
	d = k.say(ian, "/minutes draft")
	wantShown(t, d, "```\n17. VIOLENCE AGAINST WOMEN AND GIRLS - PARTNER REPORTS\n\nThe following reports were considered:\n"+
		"7.1 Sefton Council and Domestic Abuse Multi Agency Partnership — Report of Janette Maxwell.\n"+
		"7.2 Sefton CCG — Report of Tracy Forshaw.\n"+
		"7.3 Merseyside Police — Report of Superintendent Graeme Robson.\n"+
		"7.4 Merseyside Fire and Rescue Service — Report of Kevin Hollis.\n"+
		"7.5 SWACA — Report of Neil Frackelton.\n"+
		"7.6 Sefton Youth Justice Service — Report of Adele Maddocks.\n"+
		"7.7 Sefton CVS — Report of Sue Holden.\n"+
		"7.8 Schools Sexual Abuse Report- Chesterfield High School — Report of Kevin Sexton.\n"+
		"7.9 Probation Service - Feedback From Merseyside Women's Team — Report of Jan Marlow.\n\n"+
		"NOTED:\nThat the reports be noted.\n```\n```\n18. DATE OF NEXT MEETING\n")
	// An interest in a report is in the heading's minute, which lists it.
	wantShown(t, d, "Graeme Robson declared a personal interest in Minute No. 17 (Violence against Women and Girls - Partner Reports), item 7.3 (Merseyside Police) as Chair of the VAWG board.")
	if n := strings.Count(d, "Nothing recorded yet"); n != 5 {
		t.Errorf("the draft has %d minutes with nothing recorded, not 5 (items 3, 4, 5, 6 and 8):\n%s", n, d)
	}
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), commands.DateOf(k.now, london), k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, doc.PlainText(), "17. VIOLENCE AGAINST WOMEN AND GIRLS - PARTNER REPORTS\n\nThe following reports were considered:\n7.1 Sefton Council", "Report of Jan Marlow.\n\nNOTED:")
	wantShown(t, doc.Markdown(), "The following reports were considered:  \n7\\.1 Sefton Council and Domestic Abuse Multi Agency Partnership — Report of Janette Maxwell.  \n7\\.2 Sefton CCG")
	page, err := commands.MinutesHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, string(page), "<p>The following reports were considered:\n7.1 Sefton Council", "Report of Jan Marlow.</p>\n<p class=\"resolved\">NOTED:</p>")

	for _, l := range []string{"/resolve 4 That the briefing be noted.", "/resolve 5 That the report be noted.", "/resolve 6 That the update be noted.",
		"/resolve 8 That the next meeting be held on Thursday 9 June 2022.",
		"/minute 3 The minutes of the meeting held on 9 December 2021 were deferred to the next meeting."} {
		k.must(ian, l)
	}
	wantShown(t, k.say(ian, "/minutes draft"), "```\n18. DATE OF NEXT MEETING\n\nRESOLVED:\nThat the next meeting be held on Thursday 9 June 2022.\n```")
	k.now = time.Date(2022, 3, 17, 11, 40, 0, 0, london)
	k.must(trish, "/meeting close")
	// The decision on item 8 called the next meeting.
	k.now = time.Date(2022, 6, 9, 10, 0, 0, 0, london)
	k.must(trish, "/meeting start")
	wantShown(t, k.say(ian, "/minutes approve"), "The minutes of the meeting of *Safer Sefton Together* on Thursday 17 March 2022 are confirmed as a correct record")
	wantShown(t, k.say(ian, "/minutes draft 17 March 2022"), "Confirmed as a correct record at the meeting held on 9 June 2022.", "7.9 Probation Service")
}

// TestPartnerReportMinutedOnItsOwn: a partner report the meeting decided
// on apart (7.3) is a minute of its own, with the number its reply gave,
// and is no longer listed under the heading; the items after with
// nothing written move on by one, but a number given in a reply does not
// change: a report minuted after the item below it takes the next free
// number.
func TestPartnerReportMinutedOnItsOwn(t *testing.T) {
	k := march2022(t)
	atTheTable(k)
	wantShown(t, k.say(ian, "/minutes draft"), "```\n18. DATE OF NEXT MEETING\n")
	wantShown(t, k.say(ian, "/resolve 7.3 That the policing figures be circulated to partners."), "Resolved under item 7.3: minute 18 of the meeting on Thursday 17 March 2022")
	wantShown(t, k.say(ian, "/resolve 8 That the next meeting be held on Thursday 9 June 2022."), "Resolved under item 8: minute 19 of the meeting on Thursday 17 March 2022")
	wantShown(t, k.say(ian, "/minute 7.5 The SWACA report was presented by Neil Frackleton."), "Minuted under item 7.5: minute 20 of the meeting on Thursday 17 March 2022")
	d := k.say(ian, "/minutes draft")
	inOrder(t, d,
		"```\n17. VIOLENCE AGAINST WOMEN AND GIRLS - PARTNER REPORTS\n\nThe following reports were considered:\n7.1 Sefton Council and Domestic Abuse Multi Agency Partnership — Report of Janette Maxwell.\n7.2 Sefton CCG — Report of Tracy Forshaw.\n7.4 Merseyside Fire and Rescue Service — Report of Kevin Hollis.\n7.6 Sefton Youth Justice Service",
		"```\n18. MERSEYSIDE POLICE\n\nRESOLVED:\nThat the policing figures be circulated to partners.\n```",
		"```\n20. SWACA\n\nThe SWACA report was presented by Neil Frackleton.\n```",
		"```\n19. DATE OF NEXT MEETING\n\nRESOLVED:\nThat the next meeting be held on Thursday 9 June 2022.\n```")
	if strings.Contains(d, "7.3 Merseyside Police") || strings.Contains(d, "7.5 SWACA") {
		t.Errorf("a report minuted on its own is still listed under the heading:\n%s", d)
	}
	wantShown(t, k.say(ian, "/action add 18 <@UGRAEME> 2022-06-09 Circulate the policing figures"), "recorded under minute 18")
}

// TestPartnerReportMinutedAfterTheNextMeetingNumberedOn: a partner report
// of 17 March 2022, listed in item 7's minute, cannot be given a minute of
// its own once the meeting of 7 April 2022 has minutes numbered on from
// March's draft: it would move the numbers of March's items after it into
// April's, two minutes of one number in one municipal year. The officer
// is told where to record it, and nothing is saved; March's numbers and
// April's stand.
func TestPartnerReportMinutedAfterTheNextMeetingNumberedOn(t *testing.T) {
	k := march2022(t)
	atTheTable(k)
	k.must(ian, "/resolve 8 That the next meeting be held on Thursday 7 April 2022.")
	k.now = time.Date(2022, 3, 17, 11, 40, 0, 0, london)
	k.must(trish, "/meeting close")
	k.must(ian, "/meeting schedule 2022-04-07 10:00 Remote Meeting")
	k.now = time.Date(2022, 4, 7, 10, 0, 0, 0, london)
	k.must(trish, "/meeting start")
	wantShown(t, k.say(ian, "/minute 1 Apologies for absence were received from Neil Frackelton."), "minute 19 of the meeting on Thursday 7 April 2022")
	wantShown(t, k.say(ian, "/resolve 2022-03-17 7.3 That the policing figures be circulated to partners."),
		"Item 7.3 is listed in minute 17 (Violence against Women and Girls - Partner Reports) with the other items under item 7, and can no longer have a minute of its own: the minutes of Thursday 7 April 2022 are numbered on from this meeting's. Record it in minute 17: `/resolve 2022-03-17 7 …` and `/minute 2022-03-17 7 …` replace what that minute holds, so send its decision or narrative again with this added (`/resolve 2022-03-17 7 That (1) …; and (2) …`). Nothing was saved.")
	wantShown(t, k.say(ian, "/minute 2022-03-17 7.5 The SWACA report was presented."), "can no longer have a minute of its own")
	d := k.say(ian, "/minutes draft 2022-03-17")
	wantShown(t, d, "```\n17. VIOLENCE AGAINST WOMEN AND GIRLS - PARTNER REPORTS\n", "7.3 Merseyside Police — Report of Superintendent Graeme Robson.", "```\n18. DATE OF NEXT MEETING\n")
	if strings.Contains(d, "policing figures") {
		t.Errorf("the refused decision is in March's draft:\n%s", d)
	}
	wantShown(t, k.say(ian, "/minutes draft"), "```\n19. APOLOGIES FOR ABSENCE\n")
}

// TestDepartureDuringAListedReport: a member leaving during a partner
// report listed in its heading's minute is minuted as during that minute's
// report, not the heading's minute alone, which would not say which report;
// nor does taking one report before another, or before its heading, read
// as one minute taken before itself.
func TestDepartureDuringAListedReport(t *testing.T) {
	k := march2022(t)
	k.now = time.Date(2022, 3, 17, 9, 55, 0, 0, london)
	k.must(trish, "/meeting start")
	k.must(graeme, "/here")
	k.now = time.Date(2022, 3, 17, 10, 30, 0, 0, london)
	k.must(trish, "/meeting item 7.3")
	k.now = time.Date(2022, 3, 17, 10, 45, 0, 0, london)
	k.must(ian, "/attendance <@UGRAEME> left 10:40")
	k.must(trish, "/meeting item 7.1")
	k.now = time.Date(2022, 3, 17, 10, 50, 0, 0, london)
	k.must(trish, "/meeting item 7")
	d := k.say(ian, "/minutes draft")
	wantShown(t, d, "Graeme Robson left the meeting at 10:40 during consideration of Minute No. 17, item 7.3.",
		"The Chair agreed to vary the order of business: Minute No. 17, item 7.3 was considered before Minute No. 17, item 7.1.")
	// The heading taken after its reports is the same minute.
	if strings.Contains(d, "before Minute No. 17.") {
		t.Errorf("a report is said to be considered before the minute that lists it:\n%s", d)
	}
}
