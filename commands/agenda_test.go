package commands_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

func TestAgendaShowAddRemove(t *testing.T) {
	k := committeeKit(t)
	wantShown(t, k.say(neil, "/agenda"), "No meeting of Safer Sefton Together is scheduled. An officer can schedule one with `/meeting schedule DATE TIME [VENUE]`.")
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")

	// A new meeting starts with the standard items.
	r := k.must(stranger, "/agenda")
	if r.Visibility != commands.Private {
		t.Error("/agenda is shown to the caller only")
	}
	want := "Agenda — Safer Sefton Together\n*Thursday 10 December 2026, 10:00* (Europe/London time)\n*Venue:* Remote Meeting\n" +
		"*Items*\n*1* Apologies for Absence\n*2* Declarations of Interest\n*3* Minutes of Previous Meeting\n*4* Date of Next Meeting\n" +
		"*Apologies*\nNo apologies for absence have been received.\n" +
		"*Declarations of interest*\nNo declarations of any disclosable pecuniary interests or personal interests were received.\n" +
		"Can't come? Send apologies with `/apologies 2026-12-10`. Declare an interest in an item with `/declare 2026-12-10 ITEM KIND NATURE`. Send the link to your report with `/report 2026-12-10 ITEM URL`."
	if diff := cmp.Diff(shown(r), want); diff != "" {
		t.Errorf("agenda (-got +want):\n%s", diff)
	}

	// Officers add items; the closing item stays last.
	k.marked()
	r = k.must(ian, "/agenda add 4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams, James Gillett")
	wantShown(t, r.Text, "Added item *4* Integrated Offender Management (IOM) Refresh Strategy — _Jen Williams, James Gillett_ to the agenda for Thursday 10 December 2026, 10:00, Remote Meeting. Date of Next Meeting is now item 5.")
	if diff := cmp.Diff(k.marked(), []string{graeme, ian, neil}); diff != "" {
		t.Errorf("an agenda change refreshes every Home (-got +want):\n%s", diff)
	}
	for _, add := range []string{
		"5 Violence against Women and Girls - Partner Reports",
		"5.1 Merseyside Police — Superintendent Graeme Robson",
		"5.10 Probation Service — Jan Marlow",
		"5.2 SWACA — Neil Frackelton",
		"5a Late report -- Sue Holden (Sefton CVS)",
	} {
		wantShown(t, k.say(ian, "/agenda add "+add), "Added item")
	}
	inOrder(t, k.say(graeme, "/agenda 10/12/2026"), "*4* Integrated", "*5* Violence against Women and Girls - Partner Reports",
		"*5.1* Merseyside Police — _Superintendent Graeme Robson_", "*5.2* SWACA", "*5.10* Probation Service",
		"*5a* Late report — _Sue Holden (Sefton CVS)_", "*6* Date of Next Meeting")

	k.steps([]step{
		{ian, "/agenda add 5.2 SWACA again — Neil", []string{"Item 5.2 is already on the agenda (SWACA). Remove it first with `/agenda remove 5.2`, or give another number."}},
		{ian, "/agenda add SWACA — Neil", []string{`"SWACA" is not an agenda number`, "• `/agenda add [DATE] NUMBER TITLE [— PRESENTER]`"}},
		{ian, "/agenda add 7.5", []string{"Give item 7.5 a title"}},
		{neil, "/agenda add 7.5 SWACA — Neil Frackelton", []string{"Only an officer of Safer Sefton Together can change the agenda."}},
		{ian, "/agenda add 8 <!channel> — <@U999>", []string{"*6* @channel — _&lt;@U999&gt;_"}},

		// Remove and renumber, with the agenda as it now stands.
		{ian, "/agenda remove 5.10", []string{"Removed item *5.10* from the agenda for Thursday 10 December 2026, 10:00, Remote Meeting.", "*Agenda*\n*1* Apologies"}},
		{ian, "/agenda delete 5.10", []string{"There is no item 5.10 on the agenda for Thursday 10 December 2026; `/agenda` shows it."}},
		{ian, "/agenda remove", []string{"Say which item to remove by its number, e.g. `/agenda remove 7.5`.", "• `/agenda remove [DATE] NUMBER [confirm]`"}},
		{ian, "/agenda remove five", []string{`"five" is not an agenda number`}},
		// A word after the number is refused for what it is; 5.2 stays.
		{ian, "/agenda remove 5.2 please", []string{"Only `confirm` may follow the item's number: `/agenda remove 5.2`."}},
		{ian, "/agenda move 5a 5.3", []string{"Item 5a is now item *5.3*."}},
		{ian, "/agenda renumber 5.3 to 5.1", []string{"There is already an item 5.1; move or remove it first."}},
		{ian, "/agenda move 12 13", []string{"There is no item 12 on the agenda for Thursday 10 December 2026; `/agenda` shows it."}},
		{ian, "/agenda move 5.3 5.3", []string{"Item 5.3 (Late report) is already numbered 5.3."}},
		{ian, "/agenda move 5.3", []string{"Give the item's number and its new number, e.g. `/agenda move 7.5 7.6`."}},
		{ian, "/agenda move x 5.4", []string{`"x" is not an agenda number`}},
		{ian, "/agenda move 5.3 x", []string{`"x" is not an agenda number`}},
	})
	r = k.must(neil, "/agenda")
	if strings.Contains(shown(r), "Probation Service") || strings.Contains(shown(r), "*5a*") {
		t.Errorf("removed or moved items still shown:\n%s", shown(r))
	}
	inOrder(t, shown(r), "*5.2* SWACA", "*5.3* Late report")

	// Report links and apologies so far.
	k.must(neil, "/report 5.2 https://example.org/swaca-draft.pdf")
	k.must(neil, "/report 5.2 https://example.org/swaca.pdf SWACA report")
	k.must(graeme, "/report 5.1 https://example.org/police.pdf")
	k.must(graeme, "/report remove 5.1")
	k.must(graeme, "/apologies Leave")
	r = k.must(neil, "/agenda")
	wantShown(t, shown(r), "*5.2* SWACA — _Neil Frackelton_ · <https://example.org/swaca.pdf|SWACA report>",
		"Apologies for absence were received from Graeme Robson (Merseyside Police).")
	if strings.Contains(shown(r), "swaca-draft") || strings.Contains(shown(r), "police.pdf") {
		t.Errorf("superseded or withdrawn report links shown:\n%s", shown(r))
	}
	k.steps([]step{
		{neil, "/agenda 2027-01-07", []string{"Safer Sefton Together has no meeting on Thursday 7 January 2027. `/meeting list` shows the meetings scheduled."}},
		{neil, "/agenda nonsense", []string{"I don't know `/agenda nonsense`: after `/agenda` comes a meeting's day (`next`, 2026-12-10, 10/12/2026 (day first) or 10 December 2026) or one of these forms.", "• `/agenda [DATE]`", "• `/agenda post [DATE]`"}},
		{neil, "/agenda Thursday", []string{"`Thursday` may mean more than one day: give its date, `19/11/2026` for the last, `26/11/2026` for the next."}},
		{neil, "/agenda 31/02/2027", []string{"There is no 31 February 2027"}},
	})
}

// TestAgendaAddHyphenPresenter: a keyboard hyphen (or en dash) with
// spaces marks the presenter, as an em dash does, when what follows is a
// member's name, or a name with an organisation in brackets; otherwise
// the text is all title.
func TestAgendaAddHyphenPresenter(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.steps([]step{
		{ian, "/agenda add 5.2 Sefton CVS - Sue Holden", []string{"Added item *5.2* Sefton CVS — _Sue Holden_ to the agenda"}},
		{ian, "/agenda add 5.3 SWACA – Cllr Neil Frackelton", []string{"Added item *5.3* SWACA — _Cllr Neil Frackelton_ to the agenda"}},
		{ian, "/agenda add 5.4 Probation - Jen Williams (NW Probation)", []string{"Added item *5.4* Probation — _Jen Williams (NW Probation)_ to the agenda"}},
		{ian, "/agenda add 5.5 VAWG - Partner Reports - Graeme Robson", []string{"Added item *5.5* VAWG - Partner Reports — _Graeme Robson_ to the agenda"}},
		{ian, "/agenda add 6 Violence against Women and Girls - Partner Reports", []string{"Added item *6* Violence against Women and Girls - Partner Reports to the agenda"}},
		{ian, "/agenda add 7 Anti-Social Behaviour - Community Trigger (ASB)", []string{"Added item *7* Anti-Social Behaviour - Community Trigger (ASB) to the agenda"}},
		{ian, "/agenda add 8 Budget - Kate Ellis", []string{"Added item *8* Budget - Kate Ellis to the agenda"}},
	})
}

// /agenda move finds its item as /declare and /report do: a lettered label
// is the item it stands for, and a number no item has is said to be none.
func TestAgendaMoveReadsItemLabels(t *testing.T) {
	k := agendaKit(t)
	history := k.say(ian, "/history agenda")
	k.steps([]step{
		{ian, "/agenda move 99 99", []string{"There is no item 99 on the agenda for Thursday 10 December 2026; `/agenda` shows it."}},
		{ian, "/agenda move 99 12", []string{"There is no item 99 on the agenda for Thursday 10 December 2026; `/agenda` shows it."}},
		{ian, "/agenda move 7e 7.5", []string{"Item 7.5 (SWACA) is already numbered 7.5."}},
		{ian, "/agenda move 7e 7e", []string{"Item 7.5 (SWACA) is already numbered 7.5."}},
		{ian, "/agenda move 7f 7.8", []string{"There is no item 7f on the agenda"}},
	})
	inOrder(t, k.say(neil, "/agenda"), "*7.5* SWACA", "*7.7* Sefton CVS")
	if diff := cmp.Diff(k.say(ian, "/history agenda"), history); diff != "" {
		t.Errorf("refused moves changed the history (-got +want):\n%s", diff)
	}
	k.steps([]step{
		{ian, "/agenda move 7e 7.11", []string{"Item 7.5 is now item *7.11*."}},
	})
	inOrder(t, k.say(neil, "/agenda"), "*7.7* Sefton CVS", "*7.11* SWACA")
}

// /agenda remove finds its item as /agenda move does: "7e" is item 7.5.
func TestAgendaRemoveReadsItemLabels(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{ian, "/agenda remove 99", []string{"There is no item 99 on the agenda for Thursday 10 December 2026; `/agenda` shows it."}},
		{ian, "/agenda remove 7f", []string{"There is no item 7f on the agenda"}},
		{ian, "/agenda remove 7e", []string{"Removed item *7.5* from the agenda"}},
	})
	if got := k.say(neil, "/agenda"); strings.Contains(got, "*7.5* SWACA") {
		t.Errorf("/agenda remove 7e left item 7.5 standing:\n%s", got)
	}
}

func TestAgendaWithoutStandardItems(t *testing.T) {
	k := committeeKit(t)
	if _, err := k.db.SQL().Exec(`UPDATE committees SET standard_items = false`); err != nil {
		t.Fatal(err)
	}
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	wantShown(t, k.say(neil, "/agenda"), "*Items*\nNo items yet. An officer can add them with `/agenda add NUMBER TITLE — PRESENTER` or import the published agenda with `/agenda import`.")
	k.must(ian, "/agenda add 1 Welcome")
	wantShown(t, k.say(neil, "/agenda"), "*1* Welcome")
}

func TestAgendaPostedAndUpdatedInPlace(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/agenda add 4 Local Policing Update — Superintendent Graeme Robson")
	k.must(neil, "/apologies Unwell")

	r := k.must(ian, "/agenda post")
	if diff := cmp.Diff(r.Text, "The agenda for the meeting on Thursday 10 December 2026, 10:00, Remote Meeting is on its way to <#C1>. It will be kept up to date as apologies come in."); diff != "" {
		t.Errorf("post (-got +want):\n%s", diff)
	}
	msgs := k.sent()
	if len(msgs) != 1 || msgs[0].Kind != commands.OutboxPost || msgs[0].ChannelID != channel || msgs[0].Reply.Visibility != commands.Public {
		t.Fatalf("sent %+v, want the agenda posted in the channel", msgs)
	}
	agenda := shown(msgs[0].Reply)
	wantShown(t, agenda, "Agenda — Safer Sefton Together", "Thursday 10 December 2026, 10:00", "Remote Meeting",
		"*4* Local Policing Update — _Superintendent Graeme Robson_", "Apologies for absence were received from Neil Frackelton (SWACA).")

	// A later apology updates the posted message.
	r = k.must(graeme, "/apologies Annual leave")
	if strings.Contains(r.Text, "could not be updated") {
		t.Errorf("apology: %s", r.Text)
	}
	msgs = k.sent()
	if len(msgs) != 1 || msgs[0].Kind != commands.OutboxUpdate || msgs[0].MessageKey != fmt.Sprintf("agenda:%d", k.next().ID) {
		t.Fatalf("after an apology: %+v, want one update of the agenda", msgs)
	}
	wantShown(t, shown(msgs[0].Reply), "Neil Frackelton (SWACA) and Graeme Robson (Merseyside Police)")

	// Several changes before the outbox runs make one update, with the
	// records as they stand when it is sent.
	k.must(neil, "/apologies withdraw")
	k.must(graeme, "/apologies Annual leave sub Jan Marlow")
	k.must(ian, "/agenda add 5 SWACA — Neil Frackelton")
	k.must(neil, "/declare 5 personal Trustee of SWACA")
	k.must(neil, "/report 5 https://example.org/swaca.pdf SWACA perspective on VAWG")
	msgs = k.sent()
	if len(msgs) != 1 {
		t.Fatalf("%d messages for five changes, want them made one update", len(msgs))
	}
	agenda = shown(msgs[0].Reply)
	wantShown(t, agenda, "received from Graeme Robson (Merseyside Police).", "Jan Marlow for Graeme Robson", "*5* SWACA",
		"Neil Frackelton declared a personal interest in Item 5 (SWACA) as Trustee of SWACA.",
		"<https://example.org/swaca.pdf|SWACA perspective on VAWG>")
	if strings.Contains(agenda, "Neil Frackelton (SWACA)") {
		t.Error("a withdrawn apology is still on the posted agenda")
	}
	k.must(neil, "/declare withdraw 5")
	if msgs := k.sent(); len(msgs) != 1 || strings.Contains(shown(msgs[0].Reply), "Trustee of SWACA") {
		t.Errorf("after withdrawing the declaration: %+v", msgs)
	}

	// Posting again brings the message up to date instead of posting twice.
	wantShown(t, k.say(ian, "/agenda post"), "The agenda for the meeting on Thursday 10 December 2026, 10:00, Remote Meeting was posted before; the posted message is being brought up to date rather than posted twice.")
	if msgs := k.sent(); len(msgs) != 1 || msgs[0].Kind != commands.OutboxUpdate {
		t.Errorf("posting again sent %+v, want one update", msgs)
	}

	// Cancelling the meeting marks the posted agenda, which no longer
	// asks for apologies, declarations or reports.
	k.must(ian, "/meeting cancel 10 December")
	if msgs := k.sent(); len(msgs) != 1 || !strings.Contains(shown(msgs[0].Reply), "The meeting on Thursday 10 December 2026 is cancelled.") || strings.Contains(shown(msgs[0].Reply), "Can't come?") {
		t.Errorf("after cancelling: %+v", msgs)
	}
	wantShown(t, k.say(ian, "/agenda post 10/12/2026"), "The meeting on Thursday 10 December 2026 was cancelled.")
	wantShown(t, k.say(ian, "/agenda post tomorrow please"), "`post` takes only a date.")
}

// TestAgendaUpdateSendsTheRecordsAsTheyAreNow: an update queued with an
// older snapshot (two changes at once may queue theirs in either order)
// still edits the posted agenda to the records as they stand when sent.
func TestAgendaUpdateSendsTheRecordsAsTheyAreNow(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/agenda post")
	k.sent()
	k.must(neil, "/apologies Unwell")
	key := fmt.Sprintf("agenda:%d", k.next().ID)
	if _, err := k.db.Enqueue(context.Background(), commands.OutboxMessage{
		CommitteeID: k.committee().ID, Kind: commands.OutboxUpdate, ChannelID: channel,
		MessageKey: key, Reply: commands.Reply{Text: "an old snapshot"}, DueAt: k.now,
	}); err != nil {
		t.Fatal(err)
	}
	msgs := k.sent()
	if len(msgs) != 1 || strings.Contains(shown(msgs[0].Reply), "an old snapshot") {
		t.Fatalf("sent %+v, want the agenda as it stands", msgs)
	}
	wantShown(t, shown(msgs[0].Reply), "Apologies for absence were received from Neil Frackelton (SWACA).")

	// Messages other than agendas are sent as queued.
	for _, other := range []string{"reminder:1:7", "agenda:x", ""} {
		if _, ok, err := k.svc.CurrentMessage(context.Background(), other); ok || err != nil {
			t.Errorf("CurrentMessage(%q) = %v, %v; want it sent as queued", other, ok, err)
		}
	}
	if _, _, err := k.svc.CurrentMessage(context.Background(), "agenda:99999"); !isNotFound(err) {
		t.Errorf("the agenda of a meeting that is gone: %v", err)
	}
}

func TestAgendaImportForm(t *testing.T) {
	k := committeeKit(t)
	r := k.must(ian, "/agenda import")
	if r.Form == nil || r.Form.ID != "agenda.import" || r.Form.Fields[0].Kind != commands.FieldTextArea ||
		!strings.Contains(r.Form.Fields[0].Hint, "It is imported into Safer Sefton Together.") {
		t.Fatalf("/agenda import = %+v, want the import form with a text area", r)
	}
	text, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(text) > r.Form.Fields[0].MaxLen {
		t.Fatalf("the seed agenda (%d characters) does not fit the form's field (%d)", len(text), r.Form.Fields[0].MaxLen)
	}
	values := map[string]string{"text": string(text)}

	got, errs := k.submit(k.request(neil, ""), r.Form, values)
	if len(errs) > 0 || got.Text != "Only an officer of Safer Sefton Together can import agendas." {
		t.Errorf("a member's import: %+v %v", got, errs)
	}
	minutesText, err := os.ReadFile("../minutes/testdata/minutes-cabinet-decisions.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"hello", "I could not find an agenda in that text: it should start with the committee's name, the date, the time and numbered items."},
		{string(minutesText), "I could not find an agenda in that text: it looks like minutes, so import it as minutes."},
		{"  ", "Paste the agenda's text here."},
	} {
		if _, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": tc.text}); errs["text"] != tc.want {
			t.Errorf("importing %q: %v, want the form kept open saying %q", tc.text, errs, tc.want)
		}
	}

	got, errs = k.submit(k.request(ian, ""), r.Form, values)
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 17 March 2022: 17 items.",
		"The meeting was added to the calendar.", "4 later meetings of its programme added.")
	if marked := k.marked(); len(marked) != 3 {
		t.Errorf("an import refreshes every member's Home: %v", marked)
	}
	got, _ = k.submit(k.request(ian, ""), r.Form, values)
	if got.Text != "That agenda of *Safer Sefton Together* for the meeting on Thursday 17 March 2022 was imported before; nothing changed." {
		t.Errorf("second import: %+v", got)
	}
	if marked := k.marked(); len(marked) != 0 {
		t.Errorf("an import that changed nothing refreshes Homes: %v", marked)
	}

	agenda := k.say(neil, "/agenda 17 March 2022")
	wantShown(t, agenda, "Thursday 17 March 2022, 10:00", "Remote Meeting", "*7.5* SWACA — _Neil Frackelton_",
		"*4* Integrated Offender Management (IOM) Refresh Strategy — _Jen Williams (NW Probation Lead), James Gillett (Police)_")
	inOrder(t, agenda, "*1* Apologies", "*6* Local Policing Update", "*7* Violence", "*7.1* ", "*7.9* Probation Service", "*8* Date of Next Meeting")
	// The programme's meetings are scheduled (the clock reads 2026, so they
	// are past; ask by date).
	wantShown(t, k.say(neil, "/agenda 16 March 2023"), "Thursday 16 March 2023, 10:00", "*1* Apologies for Absence")
}

// TestAgendaImportFormAfterTheMeetingChanged: an agenda pasted into the
// import form for a meeting cancelled or held since the form opened, or,
// for a form opened for the meeting on a day, moved off that day, is not
// imported: the form stays open saying why, and the meeting keeps its
// agenda, with no second meeting scheduled in the place of one moved.
func TestAgendaImportFormAfterTheMeetingChanged(t *testing.T) {
	raw, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), "Thursday 17th March, 2022", "Thursday 10th December, 2026", 1)
	at := time.Date(2026, 12, 10, 11, 0, 0, 0, london)
	for _, tc := range []struct {
		name, open string
		change     []string
		now        time.Time
		want       string
	}{
		{"cancelled", "/agenda import", []string{"/meeting cancel 10 December"}, now,
			"The meeting on Thursday 10 December 2026 was cancelled; its agenda cannot be changed, and nothing was imported."},
		{"cancelled, form for the day", "/agenda import 10 December", []string{"/meeting cancel 10 December"}, now,
			"The meeting on Thursday 10 December 2026 was cancelled; its agenda cannot be changed, and nothing was imported."},
		{"moved, form for the day", "/agenda import 10 December", []string{"/meeting move 10 December 17 December"}, now,
			"The meeting on Thursday 10 December 2026 has moved to Thursday 17 December 2026, 10:00, Remote Meeting since this form opened; nothing was imported."},
		{"held", "/agenda import", []string{"/meeting start", "/meeting close"}, at,
			"The meeting on Thursday 10 December 2026 has already taken place (closed at 11:00); its agenda cannot be changed, and nothing was imported."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := meetingKit(t)
			open := k.must(ian, tc.open)
			k.now = tc.now
			for _, line := range tc.change {
				k.must(ian, line)
			}
			before := k.say(ian, "/meeting list")
			_, errs := k.submit(k.request(ian, ""), open.Form, map[string]string{"text": text})
			if errs["text"] != tc.want {
				t.Errorf("field errors %v, want the form kept open saying %q", errs, tc.want)
			}
			if got := k.say(ian, "/meeting list"); got != before {
				t.Errorf("the meetings changed:\n%s\nwere:\n%s", got, before)
			}
			var n int
			if err := k.db.SQL().QueryRow(`SELECT count(*) FROM minute_documents WHERE kind = 'agenda'`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d agendas on record, want none", n)
			}
		})
	}
}

// TestAgendasBuiltAFewAtATime: while as many agendas are being built as
// there are places, another waits; one whose deadline passes while it
// waits fails as a read fails, saying nothing was lost, and the next,
// once a place is free, is built.
func TestAgendasBuiltAFewAtATime(t *testing.T) {
	k := agendaKit(t)
	release := k.svc.HoldAgendas()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := k.svc.Run(ctx, k.request(neil, "/agenda"))
	if !errors.Is(err, commands.ErrUnavailable) {
		t.Fatalf("agenda with no place free: %v; want ErrUnavailable", err)
	}
	if got, want := commands.FailureReply(err, "7f3a").Text, "Sorry — the committee records are unavailable right now; please try again in a minute."; got != want {
		t.Errorf("reply %q, want %q", got, want)
	}
	done := make(chan string, 1)
	go func() {
		r, err := k.svc.Run(context.Background(), k.request(neil, "/agenda"))
		done <- fmt.Sprint(shown(r), err)
	}()
	select {
	case got := <-done:
		t.Fatalf("agenda built with no place free: %q", got)
	case <-time.After(100 * time.Millisecond):
	}
	release()
	select {
	case got := <-done:
		if !strings.Contains(got, "Agenda — Safer Sefton Together") {
			t.Errorf("agenda once a place was free:\n%s", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("agenda not built once a place was free")
	}
}

// TestPostedAgendaOfMeetingScheduledAgain: a cancelled meeting scheduled
// again at its time takes back its posted agenda, which no longer says it
// is cancelled.
func TestPostedAgendaOfMeetingScheduledAgain(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/agenda post")
	k.sent()
	k.must(ian, "/meeting cancel 10 December")
	msgs := k.sent()
	if len(msgs) != 1 || !strings.Contains(shown(msgs[0].Reply), "The meeting on Thursday 10 December 2026 is cancelled.") {
		t.Fatalf("after cancelling: %+v", msgs)
	}
	k.must(ian, "/meeting schedule 2026-12-10 10:00")
	msgs = k.sent()
	if len(msgs) != 1 || msgs[0].Kind != commands.OutboxUpdate || strings.Contains(shown(msgs[0].Reply), "cancelled") || !strings.Contains(shown(msgs[0].Reply), "Can't come?") {
		t.Errorf("after scheduling it again, sent %+v; want the posted agenda edited, no longer cancelled, asking for apologies again", msgs)
	}
}

// TestAgendaImportRefusedWhileMeetingUnderWay: the agenda of a meeting in
// progress keeps its items, pasted into the import form or not.
func TestAgendaImportRefusedWhileMeetingUnderWay(t *testing.T) {
	k := attDay(t) // 10 December 2026, 09:55
	k.must(sue, "/meeting start")
	before := k.say(neil, "/agenda")
	r := k.must(ian, "/agenda import")
	raw, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), "Thursday 17th March, 2022", "Thursday 10th December, 2026", 1)
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text})
	if !strings.Contains(errs["text"]+got.Text, "under way") {
		t.Errorf("import into the meeting under way: %q %v; want it refused", got.Text, errs)
	}
	if after := k.say(neil, "/agenda"); after != before {
		t.Errorf("the agenda of the meeting under way changed:\n%s\nwas:\n%s", after, before)
	}
}

// TestAgendaImportFindsTheDaysMeeting: a published agenda whose printed
// time is not the one the officer scheduled is still the agenda of that
// day's meeting, not of a second meeting the same day.
func TestAgendaImportFindsTheDaysMeeting(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-10 14:00 Bootle Town Hall")
	raw, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), "Thursday 17th March, 2022", "Thursday 10th December, 2026", 1) // printed 10.00 am
	r := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text})
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "Warning: the meeting that day is at 14:00, not 10:00 as the agenda has it; it keeps its time")
	if strings.Contains(got.Text, "The meeting was added to the calendar.") {
		t.Errorf("the import made a second meeting on the day:\n%s", got.Text)
	}
	list := k.say(ian, "/meeting list")
	if n := strings.Count(list, "10 December 2026"); n != 1 {
		t.Errorf("/meeting list names 10 December 2026 %d times, want once:\n%s", n, list)
	}
	wantShown(t, k.say(neil, "/agenda 10/12/2026"), "Thursday 10 December 2026, 14:00", "Bootle Town Hall", "*7.5* SWACA")
}

// TestAgendaImportProgrammeWithoutTimes: a programme that prints its
// dates alone ("11 March 2027, 13 May 2027") schedules them at the time
// of the meeting the agenda is for, rather than skipping them as "not a
// date", and a day already scheduled keeps its own time.
func TestAgendaImportProgrammeWithoutTimes(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 11/03/2027 10:00")
	text := "BOOTLE AREA PARTNERSHIP\n\nDate: Thursday, 14 January 2027\nTime: 14:00\nVenue: Bootle Town Hall\n\nAGENDA\n\n" +
		"1. Apologies for Absence\n\n2. Bootle Regeneration Update — Sue Holden\n\n3. Date of Next Meeting\n" +
		"To note the dates of future meetings: 11 March 2027, 13 May 2027.\n"
	r := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text})
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "1 later meeting of its programme added.",
		"Warning: the programme prints no time for 2027-03-11, 2027-05-13; unless already scheduled, they are added at 14:00, this meeting's time")
	if strings.Contains(got.Text, "not a date") {
		t.Errorf("the programme's dates were refused as no dates:\n%s", got.Text)
	}
	inOrder(t, k.say(neil, "/meeting list"), "Thursday 14 January 2027, 14:00", "Thursday 11 March 2027, 10:00", "Thursday 13 May 2027, 14:00")
}

// TestImpossibleDayWithoutAYear: a day that no month has, typed without a
// year ("31/02", "32 January"), is refused without naming a year the
// officer never typed, and one long past at that.
func TestImpossibleDayWithoutAYear(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ user, line, want string }{
		{ian, "/agenda 32/01", "There is no 32 January: January has 31 days."},
		{neil, "/apologies 31/02 Unwell", "There is no 31 February: February has 28 days, 29 in a leap year."},
		{neil, "/apologies 31 June Unwell", "There is no 31 June: June has 30 days."},
	} {
		attRefused(k, tc.user, tc.line, tc.want)
	}
}

// TestAgendaAddTwice: the same item added again — the command repeated —
// is not a second item: the reply names the one on the agenda, and the
// closing item is not pushed on a second time. Another presenter is
// another item.
func TestAgendaAddTwice(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/agenda add 9 Any Other Business")
	r := k.run(ian, "/agenda add 9 Any Other Business")
	if !r.Refused {
		t.Errorf("the same item was added twice:\n%s", shown(r))
	}
	wantShown(t, r.Text, "Item 7 is already Any Other Business on the agenda for Thursday 10 December 2026; nothing was added. `/agenda move 7 NEW-NUMBER` renumbers it.")
	k.must(ian, "/agenda add 7.8 Sefton CVS — Jan Marlow")
	attRefused(k, ian, "/agenda add 7.9 sefton cvs — Sue Holden (Sefton CVS)", "Item 7.7 is already Sefton CVS")
	got := k.say(ian, "/agenda")
	if strings.Count(got, "Any Other Business") != 1 {
		t.Errorf("the agenda has the item twice:\n%s", got)
	}
	wantShown(t, got, "*8* Date of Next Meeting", "*7.8* Sefton CVS — _Jan Marlow_")
}

// TestAgendaImportSectionNumbers: an agenda numbered by section, as
// county councils print theirs ("A1", "B1"), keeps its numbers: its items
// are imported, listed in order, and declared on by number.
func TestAgendaImportSectionNumbers(t *testing.T) {
	k := committeeKit(t)
	text := "AGENDA\nSAFER SEFTON TOGETHER\nThursday, 10th December, 2026, at 10.00 am\nCouncil Chamber, Bootle Town Hall\n\n" +
		"A - Committee Business\nA1\tApologies and Substitutes\nA2\tDeclarations of Interest\n\n" +
		"B - Matters for Decision\nB1\tCommunity Safety Strategy 2027-2030 (Pages 11 - 40)\nB2\tSWACA Annual Report (Pages 41 - 60)\n\n" +
		"C - Other Items\nC1\tWork Programme (Pages 61 - 64)\nC2\tDate of Next Meeting\n"
	r := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text})
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "6 items.")
	if strings.Contains(got.Text, "Warning") {
		t.Errorf("import warned:\n%s", got.Text)
	}
	wantShown(t, k.say(neil, "/agenda 10/12/2026"), "*A1* Apologies and Substitutes", "*A2* Declarations of Interest",
		"*B1* Community Safety Strategy 2027-2030", "*B2* SWACA Annual Report", "*C1* Work Programme")
	wantShown(t, k.say(neil, "/declare B2 personal Trustee of SWACA"), "a personal interest in Item B2")
	// Date of Next Meeting, numbered in its section, keeps its number.
	k.must(ian, "/agenda add 10/12/2026 C3 Urgent Business")
	inOrder(t, k.say(neil, "/agenda 10/12/2026"), "*C1* Work Programme", "*C2* Date of Next Meeting", "*C3* Urgent Business")
}

// whileAgendaLocked sends each line as user at once, while a change to
// meeting id's agenda holds the meeting's row: each has read the agenda
// and waits to change it. It then lets the change go and returns the
// answers in the order of lines.
func whileAgendaLocked(k *kit, id int64, user string, lines ...string) []result {
	k.t.Helper()
	sends := make([][2]string, len(lines))
	for i, line := range lines {
		sends[i] = [2]string{user, line}
	}
	return whileHeld(k, "the agenda", `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, id, sends)
}

// TestAgendaAddTwiceAtOnce: the same item sent twice at once, with the
// same number or another, is added once; the other is refused as the
// command repeated, as when sent one after the other.
func TestAgendaAddTwiceAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name, title string
		lines       []string
		want        string // the refusal
	}{
		{"same number", "Youth Service", []string{"/agenda add 7.8 Youth Service — Ann Lee", "/agenda add 7.8 Youth Service — Ann Lee"},
			"Item 7.8 is already Youth Service on the agenda for Thursday 10 December 2026; nothing was added. `/agenda move 7.8 NEW-NUMBER` renumbers it."},
		{"another number", "Youth Service", []string{"/agenda add 7.8 Youth Service — Ann Lee", "/agenda add 7.9 youth service — Ann  Lee"},
			// Either may be first.
			"on the agenda for Thursday 10 December 2026; nothing was added. `/agenda move 7."},
		{"the closing item moved on", "Any Other Business", []string{"/agenda add 9 Any Other Business", "/agenda add 9 Any Other Business"},
			"Item 7 is already Any Other Business on the agenda for Thursday 10 December 2026; nothing was added. `/agenda move 7 NEW-NUMBER` renumbers it."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := agendaKit(t)
			id := k.next().ID
			before, err := k.db.AgendaItems(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			oneDoneOneRefused(t, whileAgendaLocked(k, id, ian, tc.lines...), "Added item", tc.want)
			items, err := k.db.AgendaItems(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, it := range items {
				if strings.EqualFold(it.Title, tc.title) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("the item is on the agenda %d times:\n%s", n, k.say(ian, "/agenda"))
			}
			if len(items) != len(before)+1 {
				t.Errorf("%d items after, %d before", len(items), len(before))
			}
		})
	}
}

// A word after /agenda that is neither a date nor one of its subcommands
// is answered as a subcommand not known, with the one it may mean and
// every form, rather than as a date not understood; a weekday alone is
// answered with the days it may mean, as for a meeting's day elsewhere.
func TestAgendaUnknownWord(t *testing.T) {
	k := agendaKit(t)
	for line, want := range map[string][]string{
		"/agenda ad 8 Any Other Business": {"I don't know `/agenda ad`: did you mean `/agenda add`?", "• `/agenda add [DATE] NUMBER TITLE [— PRESENTER]`", "• `/agenda move [DATE] NUMBER NEW-NUMBER`"},
		"/agenda psot":                    {"I don't know `/agenda psot`: did you mean `/agenda post`?"},
		"/agenda title 6 Policing":        {"I don't know `/agenda title`: after `/agenda` comes a meeting's day", "• `/agenda remove [DATE] NUMBER [confirm]`", "An item's title or presenter is changed where it stands with `/agenda edit 6 TITLE — PRESENTER`; its declarations and report links stay with it."},
		"/agenda presenter 7.5 Neil":      {"An item's title or presenter is changed where it stands with `/agenda edit 7.5 TITLE — PRESENTER`"},
		"/agenda Thursday":                {"`Thursday` may mean more than one day: give its date, `19/11/2026` for the last, `26/11/2026` for the next."},
		"/agenda 10/12/2026 7.5":          {"I don't know `7.5` after the date: `/agenda DATE` shows that meeting's agenda."},
		"/agenda remove 7.5 confrim":      {"Only `confirm` may follow the item's number: did you mean `/agenda remove 7.5 confirm`?"},
	} {
		r := k.run(ian, line)
		if !r.Refused {
			t.Errorf("%s was not refused: %s", line, shown(r))
		}
		wantShown(t, shown(r), want...)
	}
	if got := k.say(ian, "/agenda 6"); !strings.Contains(got, "I don't know `6` as a date") {
		t.Errorf("/agenda 6 = %q, want it read as a date not understood", got)
	}
}

// TestAgendaBuiltOnceForManyAsking: many asking at once for an agenda
// whose records changed (a channel after a burst of apologies) wait for
// one of them to build it from the records they all saw, and are answered
// with it, rather than each building it again in turn until the last of
// them runs out of time.
func TestAgendaBuiltOnceForManyAsking(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/agenda")
	k.must(neil, "/apologies Unwell")
	release := k.svc.HoldAgendas()
	before := k.svc.AgendasBuilt()
	const asking = 6
	done := make(chan string, asking)
	for range asking {
		go func() {
			r, err := k.svc.Run(context.Background(), k.request(neil, "/agenda"))
			done <- fmt.Sprint(shown(r), err)
		}()
	}
	time.Sleep(200 * time.Millisecond)
	release()
	for range asking {
		select {
		case got := <-done:
			if !strings.Contains(got, "Apologies for absence were received from Neil Frackelton") {
				t.Errorf("agenda without the apologies sent before it was asked for:\n%s", got)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("agenda not answered")
		}
	}
	if n := k.svc.AgendasBuilt() - before; n != 1 {
		t.Errorf("%d agendas built for %d asking at once after one change; want 1", n, asking)
	}
}

// TestAgendaEditInPlace: an officer changes an item's title or presenter
// where it stands; the declarations and report links made on it stay
// with it, the posted agenda is brought up to date, and the history says
// what it read before, while its entry as added still reads as added.
func TestAgendaEditInPlace(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	k.must(ian, "/agenda post")
	k.sent()
	k.marked()

	r := k.must(ian, "/agenda edit 7.5 SWACA Services — Neil Frackelton")
	wantShown(t, r.Text, "Item *7.5* now reads SWACA Services — _Neil Frackelton_ (it read SWACA — _Kate Ellis (SWACA)_). Its 1 declaration of interest (Neil Frackelton, personal) stays with it.")
	wantShown(t, shown(r), "*7.5* SWACA Services — _Neil Frackelton_")
	if diff := cmp.Diff(k.marked(), []string{graeme, ian, neil, sue}); diff != "" {
		t.Errorf("an edit refreshes every Home (-got +want):\n%s", diff)
	}
	msgs := k.sent()
	if len(msgs) != 1 || msgs[0].Kind != commands.OutboxUpdate {
		t.Fatalf("after the edit: %+v, want one update of the posted agenda", msgs)
	}
	wantShown(t, shown(msgs[0].Reply), "*7.5* SWACA Services — _Neil Frackelton_", "Neil Frackelton declared a personal interest in Item 7.5 (SWACA Services) as Trustee of SWACA.")
	wantShown(t, k.say(ian, "/declare list"), "• Item 7.5 (SWACA Services) — Neil Frackelton: personal interest — Trustee of SWACA")

	k.steps([]step{
		// The title alone, keeping the presenter; the presenter alone,
		// keeping the title; a presenter taken off.
		{ian, "/agenda edit 7.7 Sefton CVS Annual Report", []string{"Item *7.7* now reads Sefton CVS Annual Report — _Sue Holden (Sefton CVS)_ (it read Sefton CVS — _Sue Holden (Sefton CVS)_). Its 1 report link (Sue Holden) stays with it."}},
		{ian, "/agenda edit 6 — Superintendent Graeme Robson", []string{"Item *6* now reads Local Policing Update — _Superintendent Graeme Robson_ (it read Local Policing Update — _Graeme Robson (Merseyside Police)_)."}},
		{ian, "/agenda edit 5 Alternative Education - Sue Holden", []string{"Item *5* now reads Alternative Education — _Sue Holden_"}},
		{ian, "/agenda edit 5 — none", []string{"Item *5* now reads Alternative Education (it read Alternative Education — _Sue Holden_)."}},
		{ian, "/agenda edit 5 alternative  education", []string{"Item *5* now reads alternative education (it read Alternative Education)."}},
		{ian, "/agenda edit 5 alternative education", []string{"Item 5 already reads alternative education; nothing was changed."}},
		// Mistakes, and people who may not.
		{ian, "/agenda edit 5", []string{"Give item 5's new title, its new presenter after an em dash, or both: `/agenda edit 5 TITLE — PRESENTER`.", "• `/agenda edit [DATE] NUMBER [TITLE] [— PRESENTER|none]`"}},
		// For a meeting other than the next, the form to copy names its day:
		// without it, it would change the next meeting's item 5.
		{ian, "/meeting schedule 2026-12-17 10:00", []string{"will meet on Thursday 17 December 2026"}},
		{ian, "/agenda edit 17/12/2026 4", []string{"Give item 4's new title, its new presenter after an em dash, or both: `/agenda edit 2026-12-17 4 TITLE — PRESENTER`."}},
		{ian, "/agenda edit", []string{"Say which item to change by its number", "• `/agenda edit [DATE] NUMBER [TITLE] [— PRESENTER|none]`"}},
		{ian, "/agenda edit five Policing", []string{`"five" is not an agenda number`}},
		{ian, "/agenda edit 99 Policing", []string{"There is no item 99 on the agenda for Thursday 10 December 2026; `/agenda` shows it."}},
		{ian, "/agenda edit 5 " + strings.Repeat("x", commands.MaxTitleLen+1), []string{"That title is too long"}},
		{neil, "/agenda edit 5 Policing", []string{"Only an officer of Safer Sefton Together can change the agenda."}},
		// The word tried before there was an edit is the edit.
		{ian, "/agenda rename 6 Neighbourhood Policing", []string{"Item *6* now reads Neighbourhood Policing — _Superintendent Graeme Robson_"}},
	})
	inOrder(t, k.say(neil, "/agenda"), "*5* alternative education\n", "*6* Neighbourhood Policing — _Superintendent Graeme Robson_",
		"*7.5* SWACA Services — _Neil Frackelton_", "*7.7* Sefton CVS Annual Report — _Sue Holden (Sefton CVS)_ · <https://example.org/cvs.pdf|CVS report>")

	// The history: each change with what the item read before; the item
	// as added reads as it was added.
	history := k.say(ian, "/history agenda")
	inOrder(t, history,
		"item 7.5: added: SWACA — Kate Ellis _(entered by <@UIAN>)_",
		"item 7.5: changed to SWACA Services — Neil Frackelton (it read SWACA — Kate Ellis (SWACA)) _(entered by <@UIAN>)_",
		"item 7.7: changed to Sefton CVS Annual Report — Sue Holden (Sefton CVS) (it read Sefton CVS — Sue Holden (Sefton CVS))",
		"item 5: changed to alternative education (it read Alternative Education)")
	if strings.Count(history, "changed to") != 7 {
		t.Errorf("want seven changes in the history (the one that changed nothing is none):\n%s", history)
	}
	// Sue's history of the items she presents has the one she was taken off.
	wantShown(t, k.say(sue, "/history agenda"), "item 5: changed to Alternative Education (it read Alternative Education — Sue Holden)")
}

// TestAgendaImportAsksBeforeTakingItemsOff: a pasted agenda that would
// take items off the meeting's agenda (a short paste over a full one) is
// not imported until the officer confirms, as `/agenda remove` asks: the
// form says which items would go and what is on record for them. The
// standard items a new meeting starts with go without asking.
func TestAgendaImportAsksBeforeTakingItemsOff(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	before := k.say(neil, "/agenda")
	short := "Safer Sefton Together\nThursday 10 December 2026\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n" +
		"4. Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)\n5. Date of Next Meeting\n"

	r := k.must(ian, "/agenda import")
	_, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": short})
	want := "This agenda would take 4 items off the agenda for Thursday 10 December 2026: " +
		"5 Provision of Alternative Education Settings; 6 Local Policing Update — Graeme Robson (Merseyside Police); " +
		"7.5 SWACA — Kate Ellis (SWACA), with 1 declaration of interest (Neil Frackelton, personal); " +
		"7.7 Sefton CVS — Sue Holden (Sefton CVS), with 1 report link (Sue Holden). Nothing was imported. " +
		"To import it all the same, run `/agenda import confirm` and paste it again; what the items have stays on record, under the items removed."
	if diff := cmp.Diff(errs["text"], want); diff != "" {
		t.Errorf("a short paste over the agenda (-got +want):\n%s", diff)
	}
	if after := k.say(neil, "/agenda"); after != before {
		t.Errorf("the agenda changed before the officer confirmed:\n%s\nwas:\n%s", after, before)
	}
	// Only `confirm` may follow the date.
	k.steps([]step{
		{ian, "/agenda import confrim", []string{"did you mean `/agenda import confirm`?"}},
		{ian, "/agenda import 10/12/2026 please", []string{"I don't know `please`"}},
	})

	r = k.must(ian, "/agenda import 10/12/2026 confirm")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": short})
	if len(errs) > 0 {
		t.Fatalf("confirmed import: %v", errs)
	}
	wantShown(t, got.Text, "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 10 December 2026: 5 items (1 item renumbered, 4 earlier items replaced).")
	inOrder(t, k.say(neil, "/agenda"), "*4* Integrated Offender Management (IOM) Refresh Strategy — _Jen Williams (NW Probation)_", "*5* Date of Next Meeting")
	wantShown(t, k.say(ian, "/declare list"), "Trustee of SWACA")

	// Into a meeting with the standard items alone, nothing is asked.
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	r = k.must(ian, "/agenda import")
	got, errs = k.submit(k.request(ian, ""), r.Form, map[string]string{"text": strings.Replace(short, "Thursday 10 December 2026", "Thursday 14 January 2027", 1)})
	if len(errs) > 0 {
		t.Fatalf("import over the standard items: %v", errs)
	}
	wantShown(t, got.Text, "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 14 January 2027: 5 items")
}

// TestAgendaImportKeepsItemsRenumberedOrChanged: a revised agenda pasted
// over the one on record keeps the items it still has, as /agenda move
// and /agenda edit would: one it renumbers (a new item inserted before
// it, two items swapped) keeps its declarations and report links under
// its new number, and one with a new presenter keeps them where it
// stands. Nothing is asked, for nothing is going.
func TestAgendaImportKeepsItemsRenumberedOrChanged(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	k.must(neil, "/declare 5 personal Governor of Hillside School")
	k.must(graeme, "/declare 6 personal Serving police officer")
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	revised := "Safer Sefton Together\nThursday 10 December 2026\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n" +
		"4. Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)\n" +
		"5. Local Policing Update — Graeme Robson (Merseyside Police)\n" +
		"6. Provision of Alternative Education Settings\n" +
		"7. Violence against Women and Girls - Partner Reports\n" +
		"7.1 Sefton Council and Domestic Abuse Multi Agency Partnership — Janette Maxwell\n" +
		"7.3 Merseyside Police — Superintendent Graeme Robson\n" +
		"7.5 Merseyside Fire and Rescue Service — Kevin Hollis\n" +
		"7.6 SWACA — Kate Ellis (SWACA)\n" +
		"7.7 Sefton CVS — Angela White (Sefton CVS)\n" +
		"8. Date of Next Meeting\n"

	r := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": revised})
	if len(errs) > 0 {
		t.Fatalf("a revised agenda that takes nothing off was refused: %v", errs)
	}
	wantShown(t, got.Text, "Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 10 December 2026: 13 items (4 items renumbered, 1 item changed in place).")
	inOrder(t, k.say(neil, "/agenda"), "*5* Local Policing Update — _Graeme Robson (Merseyside Police)_", "*6* Provision of Alternative Education Settings",
		"*7.5* Merseyside Fire and Rescue Service — _Kevin Hollis_", "*7.6* SWACA — _Kate Ellis (SWACA)_",
		"*7.7* Sefton CVS — _Angela White (Sefton CVS)_ · <https://example.org/cvs.pdf|CVS report>")
	// Each declaration is under the item it was made on, as it now stands.
	wantShown(t, k.say(ian, "/declare list"),
		"• Item 5 (Local Policing Update) — Graeme Robson: personal interest — Serving police officer",
		"• Item 6 (Provision of Alternative Education Settings) — Neil Frackelton: personal interest — Governor of Hillside School",
		"• Item 7.6 (SWACA) — Neil Frackelton: personal interest — Trustee of SWACA")
	// The report stays on the item with its new presenter, which is not
	// missing one.
	missing := k.say(ian, "/report missing")
	wantShown(t, missing, "• Item 7.5 (Merseyside Fire and Rescue Service) — Kevin Hollis")
	if strings.Contains(missing, "7.7") || strings.Contains(missing, "Sefton CVS") {
		t.Errorf("the item whose presenter changed has its report, yet:\n%s", missing)
	}
	// The history has each move and change as /agenda move and /agenda
	// edit record theirs; of two items swapped, each is one move, though
	// one stepped aside to a spare number for the other.
	hist := k.say(ian, "/history agenda")
	inOrder(t, hist,
		"item 7.5: added: SWACA — Kate Ellis",
		"item 7.5: moved to 7.6 — SWACA",
		"item 6: moved to 5 — Local Policing Update",
		"item 5: moved to 6 — Provision of Alternative Education Settings",
		"item 7.5: added: Merseyside Fire and Rescue Service — Kevin Hollis",
		"item 7.7: changed to Sefton CVS — Angela White (Sefton CVS) (it read Sefton CVS — Sue Holden (Sefton CVS))")
	if strings.Contains(hist, "~") {
		t.Errorf("the history shows the spare number a swap stepped through:\n%s", hist)
	}
}

// TestAgendaImportAsksOnlyAboutItemsGoing: of two items of one title (Any
// Other Business), which the title does not tell apart, the one the
// revised agenda has where it stood is kept, and only the other is asked
// about; an item renumbered is not.
func TestAgendaImportAsksOnlyAboutItemsGoing(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	head := "Safer Sefton Together\nThursday 14 January 2027\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n"
	first := head + "4. Any Other Business\n5. Youth Justice — Adele Maddocks\n6. Any Other Business\n7. Date of Next Meeting\n"
	r := k.must(ian, "/agenda import 14/01/2027")
	if _, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": first}); len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	k.must(neil, "/declare 14/01/2027 5 personal Volunteer with the Youth Justice Service")

	revised := head + "4. Any Other Business\n5. Youth Justice — Adele Maddocks\n6. Date of Next Meeting\n"
	r = k.must(ian, "/agenda import 14/01/2027")
	_, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": revised})
	want := "This agenda would take 1 item off the agenda for Thursday 14 January 2027: 6 Any Other Business. Nothing was imported. " +
		"To import it all the same, run `/agenda import Thursday 14 January 2027 confirm` and paste it again; what the items have stays on record, under the items removed."
	if diff := cmp.Diff(errs["text"], want); diff != "" {
		t.Errorf("the ask (-got +want):\n%s", diff)
	}
	r = k.must(ian, "/agenda import 14/01/2027 confirm")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": revised})
	if len(errs) > 0 {
		t.Fatalf("confirmed import: %v", errs)
	}
	wantShown(t, got.Text, "6 items (1 item renumbered, 1 earlier item replaced).")
	agenda := k.say(neil, "/agenda 14/01/2027")
	inOrder(t, agenda, "*4* Any Other Business", "*5* Youth Justice — _Adele Maddocks_", "*6* Date of Next Meeting")
	if strings.Count(agenda, "Any Other Business") != 1 {
		t.Errorf("want one Any Other Business:\n%s", agenda)
	}
	wantShown(t, k.say(ian, "/declare list 14/01/2027"), "• Item 5 (Youth Justice) — Neil Frackelton: personal interest — Volunteer with the Youth Justice Service")
}

// TestAgendaHistoryNamesAMovedItemAsItReadThen: an item moved after it
// was changed in place is named in /history agenda by the title it had
// when it moved, and one moved before the change by the title it had then.
func TestAgendaHistoryNamesAMovedItemAsItReadThen(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{ian, "/agenda move 7.5 7.4", []string{"7.4"}},
		{ian, "/agenda edit 7.4 SWACA Services — Neil Frackelton", []string{"Item *7.4* now reads SWACA Services"}},
		{ian, "/agenda move 7.4 7.6", []string{"7.6"}},
		{ian, "/agenda edit 7.6 SWACA Annual Report", []string{"Item *7.6* now reads SWACA Annual Report"}},
		{ian, "/agenda move 7.6 7.8", []string{"7.8"}},
	})
	history := k.say(ian, "/history agenda")
	inOrder(t, history,
		"item 7.5: added: SWACA — Kate Ellis _(entered by <@UIAN>)_",
		"item 7.5: moved to 7.4 — SWACA _(entered by <@UIAN>)_",
		"item 7.4: changed to SWACA Services — Neil Frackelton (it read SWACA — Kate Ellis (SWACA))",
		"item 7.4: moved to 7.6 — SWACA Services _(entered by <@UIAN>)_",
		"item 7.6: changed to SWACA Annual Report — Neil Frackelton (it read SWACA Services — Neil Frackelton)",
		"item 7.6: moved to 7.8 — SWACA Annual Report _(entered by <@UIAN>)_")
}

// importWhileHeld submits text to the agenda import form as the officer
// while another transaction holds what lock takes (a statement given id),
// as submitWhileHeld.
func importWhileHeld(k *kit, lock string, id int64, ahead [][2]string, form *commands.Form, text string, meanwhile func()) ([]result, commands.Reply, map[string]string) {
	k.t.Helper()
	return submitWhileHeld(k, lock, id, ahead, k.request(ian, ""), form, map[string]string{"text": text}, meanwhile)
}

// submitWhileHeld submits values to form as r while another transaction
// holds what lock takes (a statement given id). The commands ahead are
// sent first, each waiting for the lock before the next is sent, then
// the form, which has read what it reads before its transaction by the
// time it waits; meanwhile (when not nil), which that lock does not hold
// up, runs then. The lock is let go, and the answers of the commands
// ahead and of the form are returned.
func submitWhileHeld(k *kit, lock string, id int64, ahead [][2]string, r commands.Request, form *commands.Form, values map[string]string, meanwhile func()) ([]result, commands.Reply, map[string]string) {
	k.t.Helper()
	hold, err := k.db.SQL().Begin()
	if err != nil {
		k.t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.Exec(lock, id); err != nil {
		k.t.Fatal(err)
	}
	var sent []<-chan result
	for i, a := range ahead {
		sent = append(sent, k.runAsync(a[0], a[1]))
		if !waitFor(func() bool { return lockWaiters(k) >= i+1 }) {
			k.t.Fatalf("%s never waited for the lock", a[1])
		}
	}
	type answer struct {
		reply commands.Reply
		errs  map[string]string
		err   error
	}
	done := make(chan answer, 1)
	sub := commands.Submission{Form: form.ID, Metadata: form.Metadata, Values: map[string][]string{}}
	for id, v := range values {
		sub.Values[id] = []string{v}
	}
	go func() {
		reply, errs, err := k.svc.Submit(context.Background(), r, sub)
		done <- answer{reply, errs, err}
	}()
	if !waitFor(func() bool { return lockWaiters(k) >= len(ahead)+1 }) {
		k.t.Fatalf("the %s form never waited for the lock", form.ID)
	}
	if meanwhile != nil {
		meanwhile()
	}
	if err := hold.Rollback(); err != nil {
		k.t.Fatal(err)
	}
	out := make([]result, len(sent))
	for i, c := range sent {
		out[i] = <-c
	}
	a := <-done
	if a.err != nil {
		k.t.Fatalf("%s: %v", form.ID, a.err)
	}
	return out, a.reply, a.errs
}

// TestAgendaImportAsksUnderTheLock: whether an import would take items off
// the agenda is settled as it writes, not before: an item added, or a
// declaration made on an item it would take off, while the import waits
// its turn is asked about as if made before it was pasted, and nothing is
// imported.
func TestAgendaImportAsksUnderTheLock(t *testing.T) {
	short := "Safer Sefton Together\nThursday 10 December 2026\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n" +
		"4. Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)\n5. Date of Next Meeting\n"
	for _, tc := range []struct {
		name string
		// revised is the agenda pasted again, which takes nothing off
		// that the officer must be asked about when it is pasted.
		revised   string
		meanwhile [2]string // a user and a line
		want      string
	}{
		{"an item added", strings.Replace(short, "Remote Meeting", "Remote Meeting (Teams)", 1),
			[2]string{ian, "/agenda add 4.1 Youth Service — Ann Lee"},
			"This agenda would take 1 item off the agenda for Thursday 10 December 2026: 4.1 Youth Service — Ann Lee. Nothing was imported. " +
				"To import it all the same, run `/agenda import confirm` and paste it again; what the items have stays on record, under the items removed."},
		{"a declaration on a standard item", strings.Replace(short, "3. Minutes of Previous Meeting", "3. Minutes of the Previous Meeting", 1),
			[2]string{neil, "/declare 3 personal Trustee of SWACA"},
			"This agenda would take 1 item off the agenda for Thursday 10 December 2026: 3 Minutes of Previous Meeting, with 1 declaration of interest (Neil Frackelton, personal). Nothing was imported. " +
				"To import it all the same, run `/agenda import confirm` and paste it again; what the items have stays on record, under the items removed."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := agendaKit(t)
			r := k.must(ian, "/agenda import confirm")
			if _, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": short}); len(errs) > 0 {
				t.Fatalf("first import: %v", errs)
			}
			r = k.must(ian, "/agenda import")
			_, got, errs := importWhileHeld(k, `SELECT id FROM committees WHERE id = $1 FOR NO KEY UPDATE`, k.committee().ID, nil,
				r.Form, tc.revised, func() { k.must(tc.meanwhile[0], tc.meanwhile[1]) })
			if diff := cmp.Diff(errs["text"], tc.want); diff != "" {
				t.Errorf("the import, after %s (-got +want):\n%s\nreply: %s", tc.meanwhile[1], diff, got.Text)
			}
			agenda := k.say(neil, "/agenda")
			wantShown(t, agenda, "*3* Minutes of Previous Meeting")
			if tc.name == "an item added" {
				wantShown(t, agenda, "*4.1* Youth Service — _Ann Lee_")
			}
		})
	}
}

// TestAgendaImportWaitsBehindAChange: an import sent while a change to the
// agenda waits for it goes after that change, and is asked about what the
// change added; neither waits for the other for ever.
func TestAgendaImportWaitsBehindAChange(t *testing.T) {
	k := agendaKit(t)
	short := "Safer Sefton Together\nThursday 10 December 2026\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n" +
		"4. Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation)\n5. Date of Next Meeting\n"
	r := k.must(ian, "/agenda import confirm")
	if _, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": short}); len(errs) > 0 {
		t.Fatalf("first import: %v", errs)
	}
	r = k.must(ian, "/agenda import")
	ahead, got, errs := importWhileHeld(k, `SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, k.next().ID,
		[][2]string{{ian, "/agenda add 4.1 Youth Service — Ann Lee"}}, r.Form, strings.Replace(short, "Remote Meeting", "Remote Meeting (Teams)", 1), nil)
	if ahead[0].err != nil || ahead[0].reply.Refused {
		t.Fatalf("the change ahead of the import: %v %s", ahead[0].err, shown(ahead[0].reply))
	}
	want := "This agenda would take 1 item off the agenda for Thursday 10 December 2026: 4.1 Youth Service — Ann Lee. Nothing was imported. " +
		"To import it all the same, run `/agenda import confirm` and paste it again; what the items have stays on record, under the items removed."
	if diff := cmp.Diff(errs["text"], want); diff != "" {
		t.Errorf("the import after the change (-got +want):\n%s\nreply: %s", diff, got.Text)
	}
	wantShown(t, k.say(neil, "/agenda"), "*4.1* Youth Service — _Ann Lee_")
}

// TestAgendaImportRefusedOnceOpenedMeanwhile: whether the meeting is
// under way is settled as the import writes, not before: a meeting opened
// while the import waits its turn keeps its agenda, and the import says
// why nothing was imported.
func TestAgendaImportRefusedOnceOpenedMeanwhile(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	short := "Safer Sefton Together\nThursday 10 December 2026\n10.00 am, Remote Meeting\n" +
		"1. Apologies for Absence\n2. Declarations of Interest\n3. Minutes of Previous Meeting\n5. Date of Next Meeting\n"
	r := k.must(ian, "/agenda import confirm")
	_, got, errs := importWhileHeld(k, `SELECT id FROM committees WHERE id = $1 FOR NO KEY UPDATE`, k.committee().ID, nil,
		r.Form, short, func() { k.must(sue, "/meeting start") })
	want := "The meeting on Thursday 10 December 2026 is under way (opened at 09:30); its agenda cannot be changed, and nothing was imported."
	if diff := cmp.Diff(errs["text"], want); diff != "" {
		t.Errorf("the import, after the meeting was opened (-got +want):\n%s\nreply: %s", diff, got.Text)
	}
	wantShown(t, k.say(neil, "/agenda"), "*7.7* Sefton CVS — _Sue Holden (Sefton CVS)_")
}

// TestAgendaRemoveAsksUnderTheLock: whether an item has records that
// `/agenda remove` must ask about is settled as it removes the item, not
// before: a declaration of interest or a report link made on it while
// the removal waits its turn is asked about as if made before it was
// sent, and the item stays; with `confirm`, the reply names it.
func TestAgendaRemoveAsksUnderTheLock(t *testing.T) {
	asked := "Item 7.5 has %s. Removing it keeps them on record, listed under the removed item in `/declare list`, `/report list` and the agenda. " +
		"To remove it all the same: `/agenda remove 7.5 confirm`."
	for _, tc := range []struct {
		name      string
		line      string
		meanwhile [2]string // a user and a line
		want      string
		removed   bool
	}{
		{"a declaration", "/agenda remove 7.5", [2]string{neil, "/declare 7.5 personal Trustee of SWACA"},
			fmt.Sprintf(asked, "1 declaration of interest (Neil Frackelton, personal)"), false},
		{"a report link", "/agenda remove 7.5", [2]string{ian, "/report 7.5 https://example.org/swaca.pdf SWACA Annual Report"},
			fmt.Sprintf(asked, "1 report link (Ian Barton)"), false},
		{"a declaration, confirmed", "/agenda remove 7.5 confirm", [2]string{neil, "/declare 7.5 personal Trustee of SWACA"},
			"Removed item *7.5* from the agenda for Thursday 10 December 2026, 10:00, Remote Meeting. " +
				"What it had — 1 declaration of interest (Neil Frackelton, personal) — stays on record, listed under the removed item.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := agendaKit(t)
			rs := whileHeldMeanwhile(k, "the agenda", `SELECT id FROM meetings WHERE id = $1 FOR NO KEY UPDATE`, k.next().ID,
				[][2]string{{ian, tc.line}}, func() { k.must(tc.meanwhile[0], tc.meanwhile[1]) })
			if rs[0].err != nil {
				t.Fatalf("%s: %v", tc.line, rs[0].err)
			}
			if rs[0].reply.Refused == tc.removed {
				t.Errorf("%s, after %s: refused %v, want %v: %s", tc.line, tc.meanwhile[1], rs[0].reply.Refused, !tc.removed, shown(rs[0].reply))
			}
			wantShown(t, shown(rs[0].reply), tc.want)
			agenda := k.say(neil, "/agenda")
			if stands := strings.Contains(agenda, "*7.5* SWACA"); stands == tc.removed {
				t.Errorf("after %s, item 7.5 stands: %v, want %v:\n%s", tc.line, stands, !tc.removed, agenda)
			}
		})
	}
}

// TestAgendaChangeRefusedOnceOpenedMeanwhile: whether the meeting is under
// way is settled as the change writes, not before: a change whose own
// check found the meeting not yet opened, and which then waits its turn
// behind `/meeting start`, is refused as it would be sent after it, and
// the agenda stays as it was.
func TestAgendaChangeRefusedOnceOpenedMeanwhile(t *testing.T) {
	refused := "The meeting on Thursday 10 December 2026 is under way (opened at 09:30); its agenda cannot be changed, and nothing was changed (`/agenda %s next …` is for the meeting after it)."
	for _, tc := range []struct {
		line, sub string
		stands    []string // what the agenda still shows
		gone      string   // what it must not show
	}{
		{"/agenda add 7.8 Late Item — Ann Lee", "add", []string{"*7.7* Sefton CVS"}, "Late Item"},
		{"/agenda remove 7.5", "remove", []string{"*7.5* SWACA — _Kate Ellis (SWACA)_"}, ""},
		{"/agenda move 7.5 7.6", "move", []string{"*7.5* SWACA"}, "*7.6*"},
		{"/agenda edit 7.5 SWACA Services", "edit", []string{"*7.5* SWACA — _Kate Ellis (SWACA)_"}, "SWACA Services"},
	} {
		t.Run(tc.sub, func(t *testing.T) {
			k := agendaKit(t)
			k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
			k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
			r := openedWhileWaiting(k, ian, tc.line)
			if r.err != nil {
				t.Fatalf("%s: %v", tc.line, r.err)
			}
			if !r.reply.Refused {
				t.Errorf("%s, sent as the meeting was opened, was not refused: %s", tc.line, shown(r.reply))
			}
			want := fmt.Sprintf(refused, tc.sub)
			if tc.sub == "add" {
				// Business for the meeting in progress comes in as urgent business.
				want = strings.Replace(want, "nothing was changed (", "nothing was changed. An item not on the agenda that cannot wait is taken as urgent business: "+
					"the chair or an officer adds it with `/agenda urgent TITLE because REASON` (", 1)
			}
			wantShown(t, shown(r.reply), want)
			agenda := k.say(neil, "/agenda")
			wantShown(t, agenda, tc.stands...)
			if tc.gone != "" && strings.Contains(agenda, tc.gone) {
				t.Errorf("after %s, the agenda of the meeting under way shows %q:\n%s", tc.line, tc.gone, agenda)
			}
		})
	}
}

// openedWhileWaiting sends line as user while `/meeting start`, sent
// first, holds the meeting's row and has not yet written the opening: the
// line's own check finds the meeting not opened, and it then waits for
// the row until the opening is committed.
func openedWhileWaiting(k *kit, user, line string) result {
	k.t.Helper()
	hold, err := k.db.SQL().Begin()
	if err != nil {
		k.t.Fatal(err)
	}
	defer hold.Rollback()
	// The opening is written to the meeting's log after its row is taken;
	// nothing else here writes to the log.
	if _, err := hold.Exec(`LOCK TABLE meeting_sessions IN SHARE MODE`); err != nil {
		k.t.Fatal(err)
	}
	start := k.runAsync(sue, "/meeting start")
	if !waitFor(func() bool { return waitingFor(k, "relation") > 0 }) {
		k.t.Fatal("the opening never waited to write the meeting's log")
	}
	change := k.runAsync(user, line)
	if !waitFor(func() bool { return waitingFor(k, "transactionid", "tuple") > 0 }) {
		k.t.Fatalf("%s never waited for the meeting's row", line)
	}
	if err := hold.Rollback(); err != nil {
		k.t.Fatal(err)
	}
	if r := <-start; r.err != nil || r.reply.Refused {
		k.t.Fatalf("/meeting start: %v %s", r.err, shown(r.reply))
	}
	return <-change
}

// waitingFor counts the statements waiting for a lock of one of the
// kinds given: "relation" for a table, "transactionid" or "tuple" for a
// row another transaction holds.
func waitingFor(k *kit, kinds ...string) int {
	k.t.Helper()
	var n int
	if err := k.db.SQL().QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
		AND wait_event = ANY(string_to_array($1, ',')) AND datname = current_database()`, strings.Join(kinds, ",")).Scan(&n); err != nil {
		k.t.Fatal(err)
	}
	return n
}

// TestAgendaChangeRefusedOnceCancelledMeanwhile: a cancelled meeting's
// agenda cannot be changed, and that too is settled as the change
// writes: a change whose own check found the meeting scheduled, and
// which then waits its turn behind `/meeting cancel`, is refused as it
// would be sent after it, and the agenda stays as it was.
func TestAgendaChangeRefusedOnceCancelledMeanwhile(t *testing.T) {
	for _, tc := range []struct{ sub, line string }{
		{"add", "/agenda add 7.8 Late Item — Ann Lee"},
		{"remove", "/agenda remove 7.5"},
		{"move", "/agenda move 7.5 7.6"},
		{"edit", "/agenda edit 7.5 SWACA Services"},
	} {
		t.Run(tc.sub, func(t *testing.T) {
			k := agendaKit(t)
			id := k.next().ID
			ctx := context.Background()
			before, err := k.db.AgendaItems(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			cancel, r := whileCancelling(k, id, ian, tc.line)
			if cancel.err != nil || cancel.reply.Refused {
				t.Fatalf("the cancelling: %v %s", cancel.err, shown(cancel.reply))
			}
			if r.err != nil {
				t.Fatalf("%s: %v", tc.line, r.err)
			}
			if !r.reply.Refused {
				t.Errorf("%s, sent as the meeting was cancelled, was not refused: %s", tc.line, shown(r.reply))
			}
			wantShown(t, shown(r.reply), "The meeting on Thursday 10 December 2026 was cancelled.")
			after, err := k.db.AgendaItems(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(after, before); diff != "" {
				t.Errorf("%s changed the agenda of a meeting cancelled before it (-got +want):\n%s", tc.line, diff)
			}
		})
	}
}

// A presenter named by mention, as Slack sends "— @Neil" ("<@UNEIL|neil>"),
// is printed as the member, with their organisation, not as the markup,
// which the posted agenda would show as text.
func TestAgendaPresenterByMention(t *testing.T) {
	k := agendaKit(t)
	r := k.must(ian, "/agenda add 7.6 Sefton Youth Justice Service — <@UNEIL|neil>")
	wantShown(t, shown(r), "*7.6* Sefton Youth Justice Service — _Neil Frackelton (SWACA)_")
	r = k.must(ian, "/agenda edit 7.5 SWACA — <@USUE|sue>")
	wantShown(t, shown(r), "*7.5* SWACA — _Sue Holden (Sefton CVS)_")
	r = k.must(ian, "/agenda edit 6 - <@UNEIL|neil>")
	wantShown(t, shown(r), "*6* Local Policing Update — _Neil Frackelton (SWACA)_")
	r = k.must(ian, "/agenda add 7.8 Partners' update — <@UNEIL|neil>, <@UGRAEME>")
	wantShown(t, shown(r), "*7.8* Partners' update — _Neil Frackelton (SWACA), Graeme Robson (Merseyside Police)_")
	// A name is kept as typed, to be escaped where it is shown.
	k.must(ian, "/committee member add <@UGRAEME> Fire &amp; Rescue")
	r = k.must(ian, "/agenda edit 6 - <@UGRAEME|graeme>")
	wantShown(t, shown(r), "*6* Local Policing Update — _Graeme Robson (Fire &amp; Rescue)_")
	// Someone who is not a member is named as Slack showed them.
	r = k.must(ian, "/agenda add 7.9 Mallory's report — <@USTRANGER|mallory>")
	wantShown(t, shown(r), "*7.9* Mallory's report — _mallory_")
	if got := shown(r); strings.Contains(got, "&lt;@") || strings.Contains(got, "<@") {
		t.Errorf("the agenda shows mention markup:\n%s", got)
	}
}

// TestAgendaChangeAsTheMeetingMoves: an agenda change sent as the meeting
// is moved, waiting its turn behind the move, is made to the meeting's
// agenda (it is the same meeting), as its agenda on the new day shows,
// and the answer names the day it is now on, where it names one, never
// the day it was on when the change was sent.
func TestAgendaChangeAsTheMeetingMoves(t *testing.T) {
	for _, tc := range []struct {
		sub, line string
		names     bool   // the answer names the meeting's day
		shows     string // the agenda on the new day shows, after
		hides     string // and no longer shows
	}{
		{"add", "/agenda add 7.8 Late Item — Ann Lee", true, "Late Item", ""},
		{"remove", "/agenda remove 7.5", true, "Sefton CVS", "SWACA"},
		{"move", "/agenda move 7.5 7.6", false, "7.6", "7.5"},
		{"edit", "/agenda edit 7.5 SWACA Services", false, "SWACA Services", ""},
	} {
		t.Run(tc.sub, func(t *testing.T) {
			k := agendaKit(t)
			id := k.next().ID
			moved, r := whileChanging(k, id, "/meeting move 10 December 17 December", ian, tc.line)
			if moved.err != nil || moved.reply.Refused {
				t.Fatalf("the move: %v %s", moved.err, shown(moved.reply))
			}
			if r.err != nil || r.reply.Refused {
				t.Fatalf("%s: %v %s", tc.line, r.err, shown(r.reply))
			}
			if tc.names {
				wantShown(t, shown(r.reply), "Thursday 17 December 2026")
			}
			if strings.Contains(shown(r.reply), "10 December") {
				t.Errorf("%s names the day the meeting was moved from:\n%s", tc.line, shown(r.reply))
			}
			agenda := k.say(ian, "/agenda 17 December 2026")
			wantShown(t, agenda, "Thursday 17 December 2026", tc.shows)
			if tc.hides != "" && strings.Contains(agenda, tc.hides) {
				t.Errorf("after %s the agenda still shows %q:\n%s", tc.line, tc.hides, agenda)
			}
		})
	}
}

// TestAgendaOfAMeetingHeldAsksNothing: once a meeting has started, its
// agenda — shown, or as posted and brought up to date at the table — no
// longer tells members to send apologies, declare interests or send
// reports for it.
func TestAgendaOfAMeetingHeldAsksNothing(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.sent() // Sue told she is the chair
	k.must(ian, "/agenda post")
	if msgs := k.sent(); len(msgs) != 1 || !strings.Contains(shown(msgs[0].Reply), "Can't come?") {
		t.Fatalf("posted before the meeting: %+v", msgs)
	}
	k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/attendance <@UNEIL> apologies Unwell")
	msgs := k.sent()
	updated := false
	for _, m := range msgs {
		if m.Kind == commands.OutboxUpdate {
			updated = true
			// As the outbox's worker edits it, at the moment it sends.
			r, _, err := k.svc.CurrentMessageAt(context.Background(), m.MessageKey, k.now)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(shown(r), "Can't come?") {
				t.Errorf("the posted agenda, at the table:\n%s", shown(r))
			}
		}
	}
	if !updated {
		t.Errorf("the posted agenda was not brought up to date at the table: %+v", msgs)
	}
	k.now = time.Date(2026, 12, 10, 13, 0, 0, 0, london)
	if got := k.say(neil, "/agenda 10/12/2026"); strings.Contains(got, "Can't come?") || !strings.Contains(got, "Agenda — Safer Sefton Together") {
		t.Errorf("the agenda of the meeting held:\n%s", got)
	}
}

// TestAgendaOfAMeetingOpenedEarlyAsksNothing: a meeting opened before
// its advertised start is under way: its agenda, shown or as posted and
// brought up to date, invites no apologies, which it no longer takes.
func TestAgendaOfAMeetingOpenedEarlyAsksNothing(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	if got := k.say(neil, "/agenda"); !strings.Contains(got, "Can't come?") {
		t.Fatalf("the agenda before the meeting opens:\n%s", got)
	}
	k.must(ian, "/agenda post")
	k.sent()
	k.must(sue, "/meeting start")
	if got := k.say(neil, "/agenda"); strings.Contains(got, "Can't come?") || !strings.Contains(got, "Agenda — Safer Sefton Together") {
		t.Errorf("the agenda of the meeting opened early:\n%s", got)
	}
	attRefused(k, neil, "/apologies 2026-12-10 Unwell", "is under way")
	k.must(ian, "/attendance <@UNEIL> apologies Unwell")
	for _, m := range k.sent() {
		if m.Kind != commands.OutboxUpdate {
			continue
		}
		r, _, err := k.svc.CurrentMessageAt(context.Background(), m.MessageKey, k.now)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(shown(r), "Can't come?") {
			t.Errorf("the posted agenda, opened early:\n%s", shown(r))
		}
	}
}

// TestAgendaImportOfAPastMeetingSaysSo: an officer of a new committee
// pasting a published agenda of years ago, meaning to fill the next
// meeting's, is told the meeting it went to is past and that the next
// meeting's agenda is as it was; its programme's meetings, past too, are
// not called future ones.
func TestAgendaImportOfAPastMeetingSaysSo(t *testing.T) {
	k := meetingKit(t)
	text, err := os.ReadFile("../minutes/testdata/agenda-scrutiny-plain.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": string(text)})
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "for the meeting on Monday 7 March 2022: 11 items.", "3 later meetings of its programme added.",
		"That meeting is past: the agenda of the next meeting, on Thursday 10 December 2026, is as it was (`/agenda` shows it).")
	if strings.Contains(got.Text, "future") {
		t.Errorf("past meetings called future ones:\n%s", got.Text)
	}
	wantShown(t, k.say(ian, "/agenda"), "*1* Apologies for Absence\n*2* Declarations of Interest\n*3* Minutes of Previous Meeting\n*4* Date of Next Meeting")
}

// nextMeetingDown is the records when the next meeting cannot be read.
type nextMeetingDown struct{ commands.Store }

func (nextMeetingDown) NextMeeting(context.Context, int64, time.Time) (commands.Meeting, error) {
	return commands.Meeting{}, errors.New("connection refused")
}

// TestAgendaImportOfAPastMeetingSavedWhateverFollows: the note that the
// next meeting's agenda did not change is read after the import is
// saved; when it cannot be read, the reply still says what was imported,
// not that nothing was.
func TestAgendaImportOfAPastMeetingSavedWhateverFollows(t *testing.T) {
	k := meetingKit(t)
	text, err := os.ReadFile("../minutes/testdata/agenda-scrutiny-plain.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := k.must(ian, "/agenda import")
	k.svc = commands.New(nextMeetingDown{k.db}, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", stranger: "Mallory"})
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": string(text)})
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "for the meeting on Monday 7 March 2022: 11 items.")
	if strings.Contains(got.Text, "That meeting is past") {
		t.Errorf("the note made without the next meeting:\n%s", got.Text)
	}
}

// TestAgendaPresenterByOneName: a presenter typed as a member's first name
// or surname alone ("— Neil") is that member, named in full with their
// organisation as a mention would be, so that the report is theirs to
// attach and they are not left among the reports missing as "Neil"; a
// name two members share is asked about, and one no member has is kept.
func TestAgendaPresenterByOneName(t *testing.T) {
	k := agendaKit(t)
	wantShown(t, k.say(ian, "/agenda add 7 Partner update — Neil"), "Added item *7* Partner update — _Neil Frackelton (SWACA)_")
	wantShown(t, k.say(neil, "/report 7 https://example.org/update.pdf Update"), "Your report for Item 7 (Partner update) at the meeting on Thursday 10 December 2026 is attached.")
	wantShown(t, k.say(ian, "/agenda edit 7 — Robson"), "Item *7* now reads Partner update — _Graeme Robson (Merseyside Police)_")
	wantShown(t, k.say(ian, "/agenda add 8 Youth Forum — Priya"), "Added item *8* Youth Forum — _Priya_")
	// A hyphen with spaces marks the presenter before a name that is one
	// member's; before any other word it is part of the title.
	wantShown(t, k.say(ian, "/agenda add 9 Partnership update - Sue"), "Added item *9* Partnership update — _Sue Holden (Sefton CVS)_")
	wantShown(t, k.say(ian, "/agenda add 10 Community Trigger - Review"), "Added item *10* Community Trigger - Review to the agenda")

	k.svc = commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", "UNEIL2": "Neil Smith"})
	k.must(ian, "/committee member add <@UNEIL2> Sefton Council")
	r := k.run(ian, "/agenda add 11 Budget — Neil")
	if want := `The presenter "Neil" could be Neil Frackelton (SWACA) or Neil Smith (Sefton Council): name them with an @mention, or in full.`; !r.Refused || r.Text != want {
		t.Errorf("a name two members share: %q (refused %v)\nwant %q", r.Text, r.Refused, want)
	}
	if strings.Contains(k.say(ian, "/agenda"), "Budget") {
		t.Error("an item was added with a presenter two members could be")
	}
}

// TestAgendaPresenterByOneNameWithAStop: a full stop or comma typed after
// a presenter's one name ("— Neil.") does not make a stranger of the
// member: the item is theirs, as without it, and the title may hold the
// name too.
func TestAgendaPresenterByOneNameWithAStop(t *testing.T) {
	k := agendaKit(t)
	wantShown(t, k.say(ian, "/agenda add 7 Partner update — Neil."), "Added item *7* Partner update — _Neil Frackelton (SWACA)_")
	wantShown(t, k.say(ian, "/agenda add 8 Neil's review — Neil,"), "Added item *8* Neil's review — _Neil Frackelton (SWACA)_")
	wantShown(t, k.say(ian, "/agenda edit 8 — Robson."), "Item *8* now reads Neil's review — _Graeme Robson (Merseyside Police)_")
	wantShown(t, k.say(neil, "/report 7 https://example.org/update.pdf Update"), "Your report for Item 7 (Partner update) at the meeting on Thursday 10 December 2026 is attached.")
	wantShown(t, k.say(ian, "/agenda add 9 Youth Forum — Priya."), "Added item *9* Youth Forum — _Priya._")
}

// TestAgendaRemoveHeadingWithItemsUnderIt: removing an item that has
// items numbered under it (7, with 7.5 and 7.7) says that they stay, and
// how to remove or renumber one; an item
// with none under it says nothing of the kind.
func TestAgendaRemoveHeadingWithItemsUnderIt(t *testing.T) {
	k := agendaKit(t)
	wantShown(t, k.say(ian, "/agenda remove 2026-12-10 7"),
		"Removed item *7* from the agenda for Thursday 10 December 2026, 10:00, Remote Meeting. Items 7.5 and 7.7, numbered under it, stay on the agenda: `/agenda remove 7.5` removes one, `/agenda move 7.5 NEW-NUMBER` renumbers it.")
	if got := k.say(ian, "/agenda remove 5"); strings.Contains(got, "numbered under it") {
		t.Errorf("an item with none under it is said to have some:\n%s", got)
	}
}

// TestAgendaHistoryAtTheRequestsTime: /history agenda lists each change
// at the time its command was given, and those given at one instant in
// the order they were made: an item added, changed, moved and removed is
// not read as removed before it was added.
func TestAgendaHistoryAtTheRequestsTime(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 11, 24, 9, 0, 0, 0, london)
	k.must(ian, "/agenda add 7.9 Youth Services — Kate Ellis")
	k.must(ian, "/agenda edit 7.9 Youth Services Review")
	k.must(ian, "/agenda move 7.9 7.8")
	k.must(ian, "/agenda remove 7.8")
	inOrder(t, k.say(ian, "/history agenda"),
		"• 24 Nov 2026 09:00 — item 7.9: added: Youth Services — Kate Ellis",
		"• 24 Nov 2026 09:00 — item 7.9: changed to Youth Services Review",
		"• 24 Nov 2026 09:00 — item 7.9: moved to 7.8",
		"• 24 Nov 2026 09:00 — item 7.8: removed")
}

// Moving an item past Date of Next Meeting, or past the exclusion of the
// press and public into the exempt part, is done as asked, and the reply
// says where the item now stands: its new number alone does not.
func TestAgendaMovePastClosingOrIntoExemptPart(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/agenda add 8 Exclusion of the Press and Public")
	k.must(ian, "/agenda add 9 Staffing Restructure")
	for _, tc := range []struct{ line, want string }{
		{"/agenda move 4 10", "Item 4 is now item *10*. It is now after Exclusion of the Press and Public (item 7), in Part II (exempt), taken with the press and public excluded. It is now after Date of Next Meeting (item 9).\n"},
		{"/agenda move 8 6.1", "Item 8 is now item *6.1*. It is now before Exclusion of the Press and Public (item 7), in Part I, taken in public.\n"},
		{"/agenda move 9 4", "Item 9 is now item *4*. Date of Next Meeting is no longer the last item: Provision of Alternative Education Settings (item 5) comes after it.\n"},
		{"/agenda move 5 5.5", "Item 5 is now item *5.5*.\n"},
	} {
		if got := k.say(ian, tc.line); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q…", tc.line, got, tc.want)
		}
	}
	wantShown(t, k.say(ian, "/agenda"), "*4* Date of Next Meeting\n", "*10* Integrated Offender Management")
}

// An agenda imported records the items it removes, moves, changes and
// adds at the time of its request, as /agenda's commands record theirs:
// the agenda's history lists them in the order they were made, among
// the commands given at the same clock.
func TestAgendaImportHistoryAtTheRequestsTime(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 11, 24, 9, 0, 0, 0, london)
	k.must(ian, "/agenda add 7.9 Youth Services — Kate Ellis")
	text := "SAFER SEFTON TOGETHER\n\nDate: Thursday, 10 December 2026\nTime: 10:00\nVenue: Remote Meeting\n\nAGENDA\n\n" +
		"1. Apologies for Absence\n\n2. Declarations of Interest\n\n3. Minutes of Previous Meeting\n\n" +
		"4. Integrated Offender Management (IOM) Refresh Strategy — Sue Holden\n\n" +
		"5. Local Policing Update — Graeme Robson (Merseyside Police)\n\n6. SWACA — Kate Ellis (SWACA)\n\n7. Date of Next Meeting\n"
	r := k.must(ian, "/agenda import confirm")
	if _, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text}); len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	k.must(ian, "/agenda add 6.5 Late Item")
	inOrder(t, k.say(ian, "/history agenda"),
		"• 24 Nov 2026 09:00 — item 7.9: added: Youth Services — Kate Ellis",
		"• 24 Nov 2026 09:00 — item 5: removed: Provision of Alternative Education Settings",
		"• 24 Nov 2026 09:00 — item 7.7: removed: Sefton CVS — Sue Holden",
		"• 24 Nov 2026 09:00 — item 7.9: removed: Youth Services — Kate Ellis",
		"• 24 Nov 2026 09:00 — item 6: moved to 5 — Local Policing Update",
		"• 24 Nov 2026 09:00 — item 7.5: moved to 6 — SWACA",
		"• 24 Nov 2026 09:00 — item 4: changed to Integrated Offender Management (IOM) Refresh Strategy — Sue Holden",
		"• 24 Nov 2026 09:00 — item 6.5: added: Late Item")
}

// TestAgendaImportAtATimeTheClocksSkip: an agenda for a meeting at a time
// the clocks skip (01:30 on the night they go forward), which /meeting
// schedule refuses, is imported with the meeting at the time it becomes,
// and the officer is told so, for the meeting and for its programme's.
func TestAgendaImportAtATimeTheClocksSkip(t *testing.T) {
	k := committeeKit(t)
	text := "BOOTLE AREA PARTNERSHIP\n\nDate: Sunday, 28 March 2027\nTime: 1.30am\nVenue: Bootle Town Hall\n\nAGENDA\n\n" +
		"1. Apologies for Absence\n\n2. Night-time Economy — Sue Holden\n\n3. Date of Next Meeting\n" +
		"To note the date of the next meeting: 26 March 2028 at 1.30am.\n"
	r := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text})
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "there is no 01:30 on 2027-03-28: the clocks go forward that night; the meeting is at 02:30",
		"there is no 01:30 on 2028-03-26: the clocks go forward that night; the meeting is at 02:30")
	inOrder(t, k.say(neil, "/meeting list"), "Sunday 28 March 2027, 02:30", "Sunday 26 March 2028, 02:30")
}

// TestAgendaAddUnderTheClosingItem: a part of Date of Next Meeting added
// (7.8, where 7 closes the agenda) is most often business of its own
// numbered one too far: it is added, and the reply says where it stands.
func TestAgendaAddUnderTheClosingItem(t *testing.T) {
	k := agendaKit(t)
	wantShown(t, k.say(ian, "/agenda add 7.8 Youth Services — Neil Frackelton"), "Added item *7.8* Youth Services", "It is under Date of Next Meeting (item 7).")
	if got := k.say(ian, "/agenda add 6.1 Youth Justice"); strings.Contains(got, "It is under") {
		t.Errorf("a part of another item said to be under the closing one:\n%s", got)
	}
}

// TestAgendaImportMisspeltPresenterOnlyWhenSure: a presenter printed with
// a member's forename and a slip in their surname, for an item that names
// the member's organisation, is read as the member and the officer told
// so; not when another member has the name as printed, nor when two
// members of organisations the item names are one slip from it, nor for a
// surname of three letters, nor when the forename differs too, nor for a
// guest near a member of another organisation.
func TestAgendaImportMisspeltPresenterOnlyWhenSure(t *testing.T) {
	k := committeeKit(t)
	for id, m := range map[string][2]string{
		"UJAN": {"Jan Marlow", "Probation Service"}, "UJAN2": {"Jan Marlowe", "Sefton Council"},
		"UCHRIS": {"Chris Hewitt", "MFRA"}, "UCHRIS2": {"Chris Hewett", "Sefton CCG"}, "UJO": {"Jo Day", "Sefton CVS"},
		// Near the names of guests printed with their own organisations.
		"USARAH": {"Sarah Quirk", "Merseyside Police"}, "UJOHN": {"John Smith", "Sefton Council"}, "UDAVID": {"David Brown", "MFRA"},
	} {
		k.dir[id] = m[0]
		k.must(ian, "/committee member add <@"+id+"> "+m[1])
	}
	text := "SAFER SEFTON TOGETHER\n\nDate: Thursday, 14 January 2027\nTime: 14:00\nVenue: Bootle Town Hall\n\nAGENDA\n\n" +
		"1. Apologies for Absence\n\n2. SWACA — Cllr Neil Frackleton (SWACA)\n\n3. Probation — Jan Marlow\n\n4. Fire Service — Chris Hewtt\n\n" +
		"5. CVS — Jo Dey\n\n6. Police — Neal Frackleton\n\n7. Volunteering — Sarah Quick (Sefton CVS)\n\n" +
		"8. Housing — John Smyth (Onevision Homes)\n\n9. Fire — David Browne\n"
	r := k.must(ian, "/agenda import")
	got, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text})
	if len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	wantShown(t, got.Text, "Item 2: “Cllr Neil Frackleton” read as Neil Frackelton, a member; if it is someone else, `/agenda edit 2027-01-14 2 — NAME` sets it.")
	if n := strings.Count(got.Text, "read as"); n != 1 {
		t.Errorf("%d presenters read as members, want 1:\n%s", n, got.Text)
	}
	wantShown(t, k.say(ian, "/agenda 14/01/2027"), "*2* SWACA — _Cllr Neil Frackelton (SWACA)_", "*3* Probation — _Jan Marlow_",
		"*4* Fire Service — _Chris Hewtt_", "*5* CVS — _Jo Dey_", "*6* Police — _Neal Frackleton_",
		"*7* Volunteering — _Sarah Quick (Sefton CVS)_", "*8* Housing — _John Smyth (Onevision Homes)_", "*9* Fire — _David Browne_")
}

// TestCancelledAgendaNotificationSaysWhichMeeting: the posted agenda of a
// meeting cancelled, brought up to date, notifies members with its
// heading and first line (Headline), which say which meeting is off, by
// its day, not "This meeting is cancelled." of none in particular.
func TestCancelledAgendaNotificationSaysWhichMeeting(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/agenda post")
	k.sent()
	k.must(ian, "/meeting cancel 10 December")
	msgs := k.sent()
	if len(msgs) != 1 {
		t.Fatalf("cancelling sent %d messages, want the agenda's update", len(msgs))
	}
	if got, want := msgs[0].Reply.Headline(), "Agenda — Safer Sefton Together. The meeting on Thursday 10 December 2026 is cancelled."; got != want {
		t.Errorf("the cancelled agenda's notification reads %q, want %q", got, want)
	}
}
