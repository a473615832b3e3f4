package commands_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// seedMinutes is the minutes of 9 December 2021 cut from the seed pack, as
// an officer would copy them from the published PDF.
func seedMinutes(t *testing.T) string {
	t.Helper()
	pack := commands.SamplePack
	start := strings.Index(pack, "THIS SET OF MINUTES")
	end := strings.Index(pack, " National Refresh")
	if start < 0 || end < start {
		t.Fatal("the seed pack has no minutes where expected")
	}
	return pack[start:end]
}

// importMinutes pastes text into the /minutes import form as user, 3,000
// characters a box, as Slack allows, and returns the answer.
func (k *kit) importMinutes(user, text string) (commands.Reply, map[string]string) {
	k.t.Helper()
	open := k.run(user, "/minutes import")
	if open.Form == nil {
		return open, nil
	}
	// A form's submission comes without a channel; the form carries it.
	return k.submit(k.home(user), open.Form, k.minutesValues(open.Form, text))
}

// minutesValues cuts text into the boxes of the /minutes import form,
// 3,000 characters a box, as Slack allows.
func (k *kit) minutesValues(form *commands.Form, text string) map[string]string {
	k.t.Helper()
	values := map[string]string{}
	for _, f := range form.Fields {
		n := min(len(text), f.MaxLen)
		if n == 0 {
			break
		}
		cut := strings.LastIndex(text[:n], "\n") + 1
		if n == len(text) || cut == 0 {
			cut = n
		}
		values[f.ID] = text[:cut]
		text = text[cut:]
	}
	if text != "" {
		k.t.Fatalf("%d characters did not fit in the form", len(text))
	}
	return values
}

// importedKit is committeeKit with the seed minutes imported.
func importedKit(t *testing.T) *kit {
	t.Helper()
	k := committeeKit(t)
	r, errs := k.importMinutes(ian, seedMinutes(t))
	// The seed minutes print the partnership's former name.
	want := "Imported the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: 10 minutes (20–29), 8 resolutions, 14 present, 3 apologies, no declarations of interest.\nNote: the document is headed SEFTON SAFER COMMUNITIES PARTNERSHIP."
	if r.Text != want || errs != nil {
		t.Fatalf("import: %q %v\nwant %q", r.Text, errs, want)
	}
	return k
}

func TestMinutesImportForm(t *testing.T) {
	k := committeeKit(t)
	if r, _ := k.importMinutes(neil, seedMinutes(t)); r.Text != "Only an officer of Safer Sefton Together can import minutes." || r.Form != nil {
		t.Errorf("member importing: %+v, want a refusal", r)
	}
	open := k.must(ian, "/minutes import")
	if open.Form == nil || open.Form.ID != "minutes.import" || len(open.Form.Fields) != 8 || open.Form.Fields[0].Kind != commands.FieldTextArea || open.Form.Metadata != "T1/C1/"+strconv.FormatInt(k.committee().ID, 10) {
		t.Fatalf("/minutes import: %+v; want a form of text areas that carries the channel and the committee", open)
	}
	wantShown(t, k.say(ian, "/minutes import now"), "`import` opens a form to paste the minutes into; it takes nothing after it.")

	agenda, err := os.ReadFile("../minutes/testdata/agenda-cabinet-exempt-star.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Notes of a chat about the weather.", "I could not find any numbered minutes in that text."},
		{string(agenda), "I could not find any numbered minutes in that text: it looks like an agenda, so import it as an agenda."},
		{"", "Paste the minutes here."},
		{"MINUTES OF THE MEETING held on Thursday 31 February 2026\n\nPresent: Ian Barton (Chair)\n\n1. APOLOGIES\nNone.\n\n2. FINANCE\nRESOLVED: That the accounts be approved.\n",
			"The minutes are dated “31 February 2026”, which is not a real date, so nothing was imported. Correct the date in the document and import it again."},
	} {
		if _, errs := k.importMinutes(ian, tc.text); errs["text"] != tc.want {
			t.Errorf("pasting %q: field errors %v, want %q", tc.text, errs, tc.want)
		}
	}
	first, _ := k.importMinutes(ian, seedMinutes(t))
	if !strings.HasPrefix(first.Text, "Imported the minutes") {
		t.Errorf("first import: %q", first.Text)
	}
	again, _ := k.importMinutes(ian, seedMinutes(t))
	if again.Text != "These minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021 were already imported; nothing changed.\nNote: the document is headed SEFTON SAFER COMMUNITIES PARTNERSHIP." {
		t.Errorf("second import: %q", again.Text)
	}
	// A re-issued version replaces the earlier one.
	reissued, _ := k.importMinutes(ian, strings.Replace(seedMinutes(t), "re-named Safer Sefton\nTogether.", "re-named Safer Sefton\nTogether Partnership.", 1))
	wantShown(t, reissued.Text, "Replaced the earlier version of the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: 10 minutes (20–29)")
	wantShown(t, k.say(neil, "/resolution 28"), "re-named Safer Sefton Together Partnership")
}

func TestImportMinutesOf(t *testing.T) {
	k := newKit(t)
	ctx := context.Background()
	im, err := k.svc.ImportMinutesOf(ctx, "  Safer   Sefton Together ", seedMinutes(t), ian)
	if err != nil {
		t.Fatal(err)
	}
	if im.Committee.Name != "Safer Sefton Together" || im.Outcome != commands.MinutesImported || len(im.Read.Minutes) != 10 {
		t.Errorf("import: %+v", im)
	}
	for _, tc := range []struct{ name, text, want string }{
		{"", seedMinutes(t), "Give the committee's name (at most 200 characters)."},
		{"Board", "Nothing here.", "I could not find any numbered minutes in that text."},
	} {
		if _, err := k.svc.ImportMinutesOf(ctx, tc.name, tc.text, ian); err == nil || err.Error() != tc.want {
			t.Errorf("ImportMinutesOf(%q): %v, want %q", tc.name, err, tc.want)
		}
	}
	// The committee set up later in a channel claims the imported one.
	k.must(ian, "/committee setup Safer Sefton Together")
	wantShown(t, k.say(ian, "/resolution 28"), "minute 28 of the meeting on Thursday 9 December 2021")
}

func TestMinutesDraft(t *testing.T) {
	k := importedKit(t)
	k.now = time.Date(2022, 3, 1, 9, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minutes draft"), "No meeting of Safer Sefton Together is scheduled. Give the date of a past meeting, e.g. `/minutes draft 9 December 2021`.")
	k.must(ian, "/meeting schedule 17/03/2022 10:00 Remote Meeting")
	k.must(neil, "/apologies Unwell")

	wantShown(t, k.say(neil, "/minutes draft"), "Only an officer or the chair of Safer Sefton Together can draft minutes.")
	// The whole document, compiled from the records: heading, then a
	// minute for every agenda item, numbered on, the apologies in theirs.
	// The meeting is still to come: the draft is of one to be held.
	want := []string{
		"```\nSAFER SEFTON TOGETHER\nMinutes of the meeting to be held on Thursday 17 March 2022 at 10:00, Remote Meeting\nDRAFT — not yet confirmed as a correct record.\n```",
		"```\n30. APOLOGIES FOR ABSENCE\n\nApologies for absence were received from Neil Frackelton (SWACA).\n```",
		"```\n31. DECLARATIONS OF INTEREST\n\nNo declarations of any disclosable pecuniary interests or personal interests were received.\n```",
		"```\n32. MINUTES OF PREVIOUS MEETING\n\n[Nothing recorded yet: the minutes to confirm are those of the meeting held on 9 December 2021, which Quorum holds as they were published, so /minutes approve has nothing to confirm. Confirmed, /resolve this item (That the Minutes of the meeting held on 9 December 2021 be confirmed as a correct record.); not confirmed, /minute this item (deferred, say).]\n```",
		"```\n33. DATE OF NEXT MEETING\n\n[Nothing recorded yet: /resolve or /minute this item.]\n```",
	}
	for _, text := range []string{"draft", "draft 17 March 2022"} {
		r := k.must(ian, "/minutes "+text)
		if r.Text != "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 17 March 2022. Numbered on from minute 29 of Thursday 9 December 2021." {
			t.Errorf("/minutes %s: %q", text, r.Text)
		}
		var got []string
		for _, s := range r.Sections {
			got = append(got, s.Text)
		}
		if diff := cmp.Diff(got, want); diff != "" {
			t.Errorf("/minutes %s (-got +want):\n%s", text, diff)
		}
	}

	// Declarations standing for the meeting are minuted, but not those of
	// someone who has sent apologies.
	k.must(ian, "/agenda add 7.5 SWACA — Neil Frackelton")
	k.must(graeme, "/declare 7.5 personal Trustee of SWACA")
	k.must(neil, "/declare 7.5 personal Chief Executive of SWACA")
	// The minutes name the item by its minute's number, as they print it:
	// item 7.5 is minute 34.
	wantShown(t, k.say(ian, "/minutes draft"), "Graeme Robson declared a personal interest in Minute No. 34 (SWACA) as Trustee of SWACA.\n",
		"```\n34. SWACA", "Not minuted: the declarations of Neil Frackelton (who sent apologies).")

	k.steps([]step{
		{ian, "/minutes draft 18 March 2022", []string{"Safer Sefton Together has no meeting on Friday 18 March 2022."}},
		{ian, "/minutes draft tomorrow please", []string{"`draft` takes only a date."}},
		{ian, "/minutes publish", []string{"I don't know `publish`.", "• `/minutes draft [DATE]`"}},
		{ian, "/minutes <!channel>", []string{"I don't know `&lt;!channel&gt;`."}},
	})
}

// TestMinutesDraftConfirmsOnlyWhatWasConfirmed: the draft's "Minutes of
// Previous Meeting" minute says RESOLVED only once the previous minutes
// are confirmed at the meeting; until then it leaves them for the meeting
// to confirm, and once confirmed by correspondence it says so.
func TestMinutesDraftConfirmsOnlyWhatWasConfirmed(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)

	// December's minutes are still a draft.
	d := k.say(ian, "/minutes draft 14 January 2027")
	wantShown(t, d, "```\n12. MINUTES OF PREVIOUS MEETING\n\n[Nothing recorded yet: the minutes to confirm are those of the meeting held on 10 December 2026. Confirmed, /minutes approve 10 December 2026 records it here and in them; not confirmed, /minute this item (deferred, say).]\n```")
	if strings.Contains(d, "be confirmed as a correct record") {
		t.Errorf("the draft confirms minutes that are not confirmed:\n%s", d)
	}

	// Confirmed by correspondence, they are not confirmed by January's
	// meeting either.
	k.must(ian, "/minutes approve")
	d = k.say(ian, "/minutes draft 14 January 2027")
	wantShown(t, d, "```\n12. MINUTES OF PREVIOUS MEETING\n\nThe Minutes of the meeting held on 10 December 2026 were confirmed as a correct record by correspondence on 11 December 2026.\n```")
	if strings.Contains(d, "RESOLVED") {
		t.Errorf("the draft resolves what the meeting did not:\n%s", d)
	}
}

// TestMinutesDraftNumbering: minutes are numbered on through a municipal
// year, from 1 when there are none, and afresh after the annual meeting in
// May; the previous meeting is named when known.
func TestMinutesDraftNumbering(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-10 10:00")
	r := k.must(ian, "/minutes draft")
	wantShown(t, shown(r), "No earlier minutes are on record, so numbering starts at 1.", "```\n1. APOLOGIES FOR ABSENCE",
		"No apologies for absence were received.", "To confirm the Minutes of the previous meeting as a correct record.")

	k = importedKit(t)
	k.now = time.Date(2022, 6, 1, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2022-06-09 10:00")
	wantShown(t, k.say(ian, "/minutes draft"), "Numbering starts again at 1: the last minutes on record (minute 29, Thursday 9 December 2021) are of the previous municipal year.")
	// Years later, they are of an earlier year, not the previous one.
	later := importedKit(t)
	later.must(ian, "/meeting schedule 2026-12-10 10:00")
	wantShown(t, later.say(ian, "/minutes draft"), "Numbering starts again at 1: the last minutes on record (minute 29, Thursday 9 December 2021) are of an earlier municipal year.")
	// Just after the meeting began, it is still the one drafted.
	k.now = time.Date(2022, 6, 9, 15, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minutes draft"), "on Thursday 9 June 2022.")
}

// TestMinutesHeadingSaysWhenTheMeetingBegan: the minutes of a meeting
// opened in Quorum give the time it was opened, not the time it was
// advertised for; those of a meeting not opened give the advertised time
// (as of one to be held, while it is still to come).
func TestMinutesHeadingSaysWhenTheMeetingBegan(t *testing.T) {
	k := meetingKit(t)
	wantShown(t, k.say(ian, "/minutes draft"), "Minutes of the meeting to be held on Thursday 10 December 2026 at 10:00, Remote Meeting\n")
	k.now = time.Date(2026, 12, 10, 8, 39, 0, 0, london)
	k.must(ian, "/meeting start")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting close")
	d := k.say(ian, "/minutes draft 2026-12-10")
	wantShown(t, d, "Minutes of the meeting held on Thursday 10 December 2026 at 08:39, Remote Meeting\n")
	if strings.Contains(d, "10:00") {
		t.Errorf("the minutes give the advertised time of a meeting that began at 08:39:\n%s", d)
	}
}

// TestImportedApologiesNotEnteredByTheImporter: apologies read from
// imported minutes were not entered for the members by whoever imported
// them: the list says they were recorded in the minutes, and no "Entered
// for them" line names the officer.
func TestImportedApologiesNotEnteredByTheImporter(t *testing.T) {
	k := committeeKit(t)
	if _, errs := k.importMinutes(ian, seedMinutes(t)); len(errs) != 0 {
		t.Fatal(errs)
	}
	for _, line := range []string{"/apologies list 9/12/2021", "/agenda 9/12/2021"} {
		got := k.say(ian, line)
		wantShown(t, got, "Apologies for absence were received from Neil Frackelton (SWACA), Tony Harland (MFRA) and Sue Holden (Sefton CVS).")
		if strings.Contains(got, "Entered for them") {
			t.Errorf("%s says the importer entered the minutes' apologies:\n%s", line, got)
		}
	}
}

// TestImportedDeclarationsNotEnteredByTheImporter: declarations read from
// imported minutes were neither made by whoever imported them nor at the
// time of the import: the list says they are recorded in the minutes, and
// neither it nor the agenda names the officer as having entered them.
func TestImportedDeclarationsNotEnteredByTheImporter(t *testing.T) {
	k := committeeKit(t)
	text := strings.Replace(seedMinutes(t), "No declarations of any disclosable pecuniary interests or personal\ninterests were received.",
		"Superintendent Graeme Robson declared a personal interest in Minute No. 24\n(Youth Service and Youth Engagement) as a trustee of a youth club.", 1)
	if _, errs := k.importMinutes(ian, text); len(errs) != 0 {
		t.Fatal(errs)
	}
	got := k.say(ian, "/declare list 9/12/2021")
	wantShown(t, got, "• Item 24 — Superintendent Graeme Robson: personal interest — a trustee of a youth club (recorded in the minutes of Thursday 9 December 2021)")
	if strings.Contains(got, "entered by") || strings.Contains(got, "declared ") {
		t.Errorf("/declare list says the importer entered the minutes' declaration, or when:\n%s", got)
	}
	got = k.say(ian, "/agenda 9/12/2021")
	wantShown(t, got, "Superintendent Graeme Robson declared a personal interest in Item 24 as a trustee of a youth club.")
	if strings.Contains(got, "Entered for them") {
		t.Errorf("the agenda says the importer entered the minutes' declaration:\n%s", got)
	}
}

// TestHistoryOfARecordUnderATitle: minutes print a member's name with a
// title ("Superintendent Graeme Robson"); the member reads the record as
// their own, and an officer finds it under the member, as the member's
// plain name would be.
func TestHistoryOfARecordUnderATitle(t *testing.T) {
	k := committeeKit(t)
	text := strings.Replace(seedMinutes(t), "No declarations of any disclosable pecuniary interests or personal\ninterests were received.",
		"Superintendent Graeme Robson declared a personal interest in Minute No. 24\n(Youth Service and Youth Engagement) as a trustee of a youth club.", 1)
	if _, errs := k.importMinutes(ian, text); len(errs) != 0 {
		t.Fatal(errs)
	}
	for _, tc := range []struct{ user, line, head string }{
		{graeme, "/history declarations 9/12/2021", "your records."},
		{ian, "/history declarations 9/12/2021 <@UGRAEME>", "<@UGRAEME>'s records."},
		// Named as the minutes print him, he is still the member.
		{graeme, `/history declarations 9/12/2021 "Superintendent Graeme Robson"`, "your records."},
		{ian, `/history declarations 9/12/2021 "Superintendent Graeme Robson"`, "<@UGRAEME>'s records."},
	} {
		wantShown(t, k.say(tc.user, tc.line), tc.head, "item 24: declaration of Superintendent Graeme Robson recorded from the minutes")
	}
	if got := k.say(neil, "/history declarations 9/12/2021"); strings.Contains(got, "Graeme Robson") {
		t.Errorf("Neil reads Graeme's declaration as his own:\n%s", got)
	}
}

// TestMinutesDraftNext: `next`, said, is the next meeting's minutes, as in
// /history minutes next, not the last meeting's that no date means; with
// none scheduled, the reply says so.
func TestMinutesDraftNext(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.now = time.Date(2026, 12, 10, 12, 0, 0, 0, london)
	k.must(sue, "/meeting close")
	if r := k.run(sue, "/minutes draft next"); !r.Refused || !strings.Contains(r.Text, "No meeting of Safer Sefton Together is scheduled.") {
		t.Errorf("/minutes draft next with none scheduled: %q", shown(r))
	}
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	wantShown(t, k.say(sue, "/minutes draft"), "of *Safer Sefton Together* on Thursday 10 December 2026")
	wantShown(t, k.say(sue, "/minutes draft next"), "of *Safer Sefton Together* on Thursday 14 January 2027")
	wantShown(t, k.say(sue, "/minutes post next"), "Thursday 14 January 2027")
}

// TestMinutesImportWaitsBehindAnAgendaChange: minutes imported while a
// change to their meeting's agenda waits for it go after that change;
// neither waits for the other for ever. The change, once it has the
// meeting, writes rows that name the committee, whose row the import
// holds while it waits for the meeting.
func TestMinutesImportWaitsBehindAnAgendaChange(t *testing.T) {
	k := agendaKit(t)
	// The seed minutes, as if of the meeting the agenda is for.
	text := strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2026", 1)
	open := k.must(ian, "/minutes import")
	ahead, got, errs := submitWhileHeld(k, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, k.next().ID,
		[][2]string{{ian, "/agenda add 4.1 Youth Service — Ann Lee"}}, k.home(ian), open.Form, k.minutesValues(open.Form, text), nil)
	if ahead[0].err != nil || ahead[0].reply.Refused {
		t.Fatalf("the change ahead of the import: %v %s", ahead[0].err, shown(ahead[0].reply))
	}
	want := "Imported the minutes of the meeting of Safer Sefton Together on Thursday 10 December 2026: 10 minutes (20–29), 8 resolutions, 14 present, 3 apologies, no declarations of interest.\nNote: the document is headed SEFTON SAFER COMMUNITIES PARTNERSHIP."
	if got.Text != want || errs != nil {
		t.Errorf("the import after the change: %q %v\nwant %q", got.Text, errs, want)
	}
	wantShown(t, k.say(neil, "/resolution 28"), "minute 28 of the meeting on Thursday 10 December 2026")
	wantShown(t, k.say(neil, "/agenda 10/12/2026"), "*4.1* Youth Service — _Ann Lee_")
}

// TestMinutesDraftWithNothingScheduledNamesTheCommitteesOwnDay: with no
// meeting to come, /minutes draft's example is a day the committee met on,
// not one of another committee's.
func TestMinutesDraftWithNothingScheduledNamesTheCommitteesOwnDay(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 14:00 Youth Centre")
	k.must(neil, "/apologies Holiday")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	for _, line := range []string{"/minutes draft", "/minutes draft next"} {
		want := "No meeting of Safer Sefton Together is scheduled. Give the date of a past meeting, e.g. `/minutes draft 3 December 2026`."
		if r := k.run(ian, line); !r.Refused || r.Text != want {
			t.Errorf("%s: %q\nwant %q", line, r.Text, want)
		}
	}
}

// Minutes imported over drafts written in Quorum log the drafts they
// replace at the time of the request, as the drafting itself was
// recorded, not at the database's clock: the committee's history lists
// the replacement when it was asked for.
func TestMinutesImportDraftsReplacedAtTheRequestsTime(t *testing.T) {
	k := committeeKit(t)
	ctx := context.Background()
	c, err := k.db.CommitteeByName(ctx, "Safer Sefton Together")
	if err != nil {
		t.Fatal(err)
	}
	held := time.Date(2021, 12, 9, 10, 0, 0, 0, london) // the seed minutes' meeting
	m, err := k.db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: held, Venue: "Remote Meeting", Status: commands.MeetingScheduled}, ian)
	if err != nil {
		t.Fatal(err)
	}
	k.now = time.Date(2026, 11, 24, 9, 0, 0, 0, london)
	if _, err := k.db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: m.ID, HeldOn: commands.DateOf(held, london), Item: "7.5",
		Number: "27", Position: 1, Title: "SWACA", Resolution: &commands.Resolution{Body: "That the SWACA report be noted."}, Action: "resolved", By: ian, At: k.now}); err != nil {
		t.Fatal(err)
	}
	if _, err := k.svc.ImportMinutesWith(ctx, c.Name, seedMinutes(t), ian, commands.MinutesImportOptions{ReplaceDrafts: true, At: k.now}); err != nil {
		t.Fatal(err)
	}
	// What `quorum export history` lists.
	changes, err := k.db.CommitteeHistory(ctx, c.ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ch := range changes {
		if ch.MeetingID == m.ID && ch.Record == "minutes" {
			got = append(got, ch.At.In(london).Format("2006-01-02 15:04")+" "+ch.Action)
		}
	}
	if !slices.Contains(got, "2026-11-24 09:00 drafts replaced") {
		t.Errorf("the minutes' history: %q; want the drafts replaced at 2026-11-24 09:00, when the import was asked for", got)
	}
}

// TestMinutesDraftOfMeetingToCome: the draft an officer prepares before
// the meeting is headed as of a meeting to be held, not one held; once
// the meeting has begun it is headed as held.
func TestMinutesDraftOfMeetingToCome(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 9, 9, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minutes draft 10 December 2026"), "Minutes of the meeting to be held on Thursday 10 December 2026 at 10:00, Remote Meeting")
	k.now = time.Date(2026, 12, 10, 12, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minutes draft 10 December 2026"), "Minutes of the meeting held on Thursday 10 December 2026 at 10:00, Remote Meeting")
}
