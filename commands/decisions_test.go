package commands_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

// decDay is agendaKit on the morning of the meeting: Sue is the chair and
// has opened it, and it is 10:30 on Thursday 10 December 2026. Item 7.7
// (Sefton CVS) is the ninth on the agenda, so its minute is 9.
func decDay(t *testing.T) *kit {
	t.Helper()
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	return k
}

// decHeldOn is the meeting day of the kit's first meeting, as minutes
// record it.
var decHeldOn = commands.Date{Year: 2026, Month: time.December, Day: 10}

// decComplete minutes each item of the committee's closed meetings that
// has nothing recorded as deferred, as an officer completes the minutes
// before they are confirmed (an item with nothing recorded cannot be).
func decComplete(k *kit) {
	k.t.Helper()
	ctx := context.Background()
	ms, err := k.db.Meetings(ctx, k.committee().ID, time.Date(2000, 1, 1, 0, 0, 0, 0, london), k.now.AddDate(0, 0, 1))
	if err != nil {
		k.t.Fatal(err)
	}
	for _, m := range ms {
		if m.Status != commands.MeetingHeld {
			continue
		}
		items, err := k.db.AgendaItems(ctx, m.ID)
		if err != nil {
			k.t.Fatal(err)
		}
		minutes, err := k.db.MeetingMinutes(ctx, m.ID)
		if err != nil {
			k.t.Fatal(err)
		}
		done := map[string]bool{}
		for _, mi := range minutes {
			// A minute made only for a correction has nothing recorded.
			done[mi.Item] = mi.Narrative != "" || len(mi.Resolutions) > 0
		}
		for _, it := range items {
			// The previous minutes' item is left to the test: confirmed
			// at the meeting, it records so; otherwise it is recorded like
			// any other item.
			standard := false
			for _, st := range commands.StandardItems[:2] {
				standard = standard || strings.EqualFold(it.Title, st.Title)
			}
			if !done[it.Number] && !standard {
				k.must(ian, fmt.Sprintf("/minute %s %s The item was deferred to the next meeting.", m.StartsAt.In(london).Format("2006-01-02"), it.Number))
			}
		}
	}
}

// decConfirmed reports whether minutes, as decMinutes reads them, are
// the items decComplete minuted as deferred, confirmed, and last the one
// that begins with last (whole when it ends in "."), nothing else.
func decConfirmed(minutes []string, last string) bool {
	if len(minutes) == 0 {
		return false
	}
	for _, mi := range minutes[:len(minutes)-1] {
		if !strings.Contains(mi, " confirmed ") || !strings.HasSuffix(mi, "| The item was deferred to the next meeting. | ") {
			return false
		}
	}
	got := minutes[len(minutes)-1]
	if strings.HasSuffix(last, ".") {
		return got == last
	}
	return strings.HasPrefix(got, last)
}

// decMinutes reads back the minutes recorded for the meeting on day, one
// line each: number, draft or not, narrative and RESOLVED text.
func decMinutes(k *kit, day time.Time) []string {
	k.t.Helper()
	ctx := context.Background()
	ms, err := k.db.Meetings(ctx, k.committee().ID, day, day.AddDate(0, 0, 1))
	if err != nil || len(ms) == 0 {
		k.t.Fatalf("no meeting on %s: %v", day, err)
	}
	minutes, err := k.db.MeetingMinutes(ctx, ms[0].ID)
	if err != nil {
		k.t.Fatal(err)
	}
	var out []string
	for _, m := range minutes {
		state := "confirmed"
		if m.Draft {
			state = "draft"
		}
		out = append(out, m.Number+" "+state+" "+m.Title+" | "+m.Narrative+" | "+m.Resolved())
	}
	return out
}

// TestDecisionsRecordedAndFoundAtOnce: at the meeting, /resolve and
// /minute write an agenda item's minute, numbered by its place on the
// agenda; the officer reads it back as a draft, with a button to add an
// action under a decision, and /resolution finds it at once.
func TestDecisionsRecordedAndFoundAtOnce(t *testing.T) {
	k := decDay(t)
	r := k.must(ian, "/resolve 7.7 That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted.")
	wantShown(t, shown(r),
		"Resolved under item 7.7: minute 9 of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*.",
		"*Minute 9 — SEFTON CVS*", "_draft — not yet confirmed_",
		"RESOLVED: That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted.",
		"[Add an action]")

	// The chair may record too; the minute shown is the minute as it now
	// stands, the narrative just recorded and then the decision, and a
	// narrative offers no action.
	r = k.must(sue, "/minute 7.7: The Board considered the report of the Chief Executive of Sefton CVS.")
	inOrder(t, shown(r), "Minuted under item 7.7: minute 9 of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*.",
		"*Minute 9 — SEFTON CVS*", "_draft — not yet confirmed_",
		"The Board considered the report of the Chief Executive of Sefton CVS.",
		"RESOLVED: That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted.")
	for _, b := range r.Buttons {
		if b.Label == "Add an action" {
			t.Errorf("/minute, which records no decision, offers %q", b.Label)
		}
	}

	// Both writes land on the one minute.
	got := decMinutes(k, decHeldOn.Start(london))
	want := "9 draft SEFTON CVS | The Board considered the report of the Chief Executive of Sefton CVS. | That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted."
	if len(got) != 1 || got[0] != want {
		t.Errorf("minutes recorded: %q, want [%q]", got, want)
	}

	// Any member finds it at once, marked as a draft.
	wantShown(t, k.say(neil, "/resolution figures circulated partners"), "Minute 9 — SEFTON CVS", "draft — not yet confirmed", "That (1) the report be noted")
	wantShown(t, k.say(neil, "/resolution 9"), "draft — not yet confirmed", "the figures be circulated")
	wantShown(t, k.say(neil, "/resolution 2026-12-10"), "minutes of the meeting on Thursday 10 December 2026", "draft — not yet confirmed", "• 9. SEFTON CVS")

	// Text is recorded as typed, never as markup.
	k.must(ian, "/minute 4 Dates to be agreed <!channel> & partners.")
	if d := k.say(ian, "/minutes draft"); strings.Contains(d, "<!channel>") || !strings.Contains(d, "Dates to be agreed @channel &amp; partners.") {
		t.Errorf("the draft shows recorded text as markup:\n%s", d)
	}
}

// TestResolveRecordedAs: a leading NOTED:, AGREED: or DECISION: records
// the decision under that word, as imported minutes keep theirs; the reply,
// /resolution and the draft minutes quote it so. Without one it is
// RESOLVED, and recording the same text under another word changes the
// word.
func TestResolveRecordedAs(t *testing.T) {
	k := decDay(t)
	r := k.must(ian, "/resolve 7.7 NOTED: The report was noted.")
	wantShown(t, shown(r), "Resolved under item 7.7: minute 9", "NOTED: The report was noted.")
	if strings.Contains(shown(r), "RESOLVED") {
		t.Errorf("a noting is shown as RESOLVED:\n%s", shown(r))
	}
	wantShown(t, k.say(neil, "/resolution 9"), "NOTED: The report was noted.")
	wantShown(t, k.say(ian, "/minutes draft"), "NOTED:\nThe report was noted.")
	if got := decMinutes(k, decHeldOn.Start(london)); len(got) != 1 || !strings.HasSuffix(got[0], "| The report was noted.") {
		t.Errorf("minutes recorded: %q, want the text without its label", got)
	}

	// The label as a clerk may type it; the same text again under another
	// word is a change, not the line repeated.
	wantShown(t, k.say(ian, "/resolve 7.7 Agreed: The report was noted."), "AGREED: The report was noted.")
	wantShown(t, k.say(ian, "/resolve 7.7 The report was noted."), "RESOLVED: The report was noted.", "Its text is unchanged; it was recorded as AGREED.")
	wantShown(t, k.say(ian, "/resolve 7.7 DECISION: That the report be noted."), "DECISION: That the report be noted.")
	wantShown(t, k.say(ian, "/resolve 7.7 RECOMMENDED: That Council note the report."), "RECOMMENDED: That Council note the report.")
	wantShown(t, k.say(ian, "/resolve 7.7 RESOLVED: That the report be noted."), "RESOLVED: That the report be noted.")
	wantShown(t, k.say(ian, "/resolve 7.7 That the report be noted."), "already reads so; nothing changed")
	attRefused(k, ian, "/resolve 7.7 NOTED:", "Give the agenda item's number and the text.")
	// Amended, a labelled text is the decision too, under its word.
	wantShown(t, k.say(ian, "/minutes amend 9 NOTED: The report was noted."), "Minute 9 amended", "NOTED: The report was noted.")
	// Help names every label the command takes.
	wantShown(t, k.say(ian, "/resolve help"), "`/resolve [DATE] ITEM NOTED:|AGREED:|DECISION:|RECOMMENDED: TEXT")
}

// A decision recorded under NOTED (or AGREED, DECISION) is called by
// that word in the history of the minutes and in the answers, not
// "RESOLVED text".
func TestMinuteHistoryUsesTheWordRecordedUnder(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 NOTED: The report was noted.")
	wantShown(t, k.say(ian, "/resolve 7.7 NOTED: The report was noted."), "Minute 9's NOTED text already reads so; nothing changed.")
	k.must(ian, "/minutes amend 9 NOTED: The report was noted with thanks.")
	wantShown(t, k.say(ian, "/minutes amend 9 NOTED: The report was noted with thanks."), "Minute 9's NOTED text already reads so; nothing changed.")
	k.must(ian, "/minutes amend 9 AGREED: The report was agreed.")
	h := k.say(sue, "/history minutes")
	inOrder(t, h,
		"minute 9: resolved, recorded by <@UIAN> as NOTED: “The report was noted.”",
		"minute 9: NOTED text amended by <@UIAN>. It read: “The report was noted.” Now: “The report was noted with thanks.”",
		"minute 9: NOTED text amended by <@UIAN>, now recorded as AGREED. It read: “The report was noted with thanks.” Now: “The report was agreed.”")
	if strings.Contains(h, "RESOLVED") {
		t.Errorf("a decision never recorded as RESOLVED is called so:\n%s", h)
	}
}

// TestResolveLabelWithoutColon: the word typed in capitals without its
// colon, as it is read out ("RESOLVED That …"), or "Resolved that …", is
// the label, not the start of the text: the minutes do not print
// "RESOLVED: RESOLVED That …".
func TestResolveLabelWithoutColon(t *testing.T) {
	k := decDay(t)
	r := k.must(ian, "/resolve 7.7 RESOLVED That the report be noted.")
	wantShown(t, shown(r), "RESOLVED: That the report be noted.")
	if strings.Contains(shown(r), "RESOLVED That") {
		t.Errorf("the label is kept in the text:\n%s", shown(r))
	}
	wantShown(t, k.say(ian, "/resolve 7.7 Resolved that the report be noted."), "already reads so; nothing changed")
	wantShown(t, k.say(ian, "/resolve 7.7 NOTED The report was noted."), "NOTED: The report was noted.")
	wantShown(t, k.say(ian, "/minutes amend 9 AGREED That the report be noted."), "Minute 9 amended", "AGREED: That the report be noted.")
	// A word that only begins a sentence is the text.
	wantShown(t, k.say(ian, "/resolve 7.7 Noted the report with concern."), "RESOLVED: Noted the report with concern.")
}

// TestResolveWordChangedInHistory: the same text recorded again under
// another word (NOTED after AGREED) is a change of the word alone, and the
// answer and /history minutes say so — what it is recorded as now and what
// it was — rather than showing the same text twice. Sent again as it
// stands, nothing changes and the history gains nothing.
func TestResolveWordChangedInHistory(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 AGREED: That the report be noted.")
	r := k.say(ian, "/resolve 7.7 NOTED: That the report be noted.")
	wantShown(t, r, "Resolved under item 7.7: minute 9", "Its text is unchanged; it was recorded as AGREED.", "NOTED: That the report be noted.")
	if strings.Contains(r, "It read") || strings.Contains(r, "This replaces") {
		t.Errorf("a change of the word alone says the text was replaced:\n%s", r)
	}
	wantShown(t, k.say(ian, "/resolve 7.7 NOTED: That the report be noted."), "Minute 9's NOTED text already reads so; nothing changed.")
	h := k.say(sue, "/history minutes")
	inOrder(t, h,
		"minute 9: resolved, recorded by <@UIAN> as AGREED: “That the report be noted.”",
		"minute 9: resolved, recorded by <@UIAN> as NOTED, was AGREED; the text is unchanged: “That the report be noted.”")
	if n := strings.Count(h, "minute 9:"); n != 2 {
		t.Errorf("the history has %d lines for minute 9, want 2:\n%s", n, h)
	}
	// Amended under another word, the history says so too.
	k.must(ian, "/minutes amend 9 AGREED: That the report be noted.")
	wantShown(t, k.say(sue, "/history minutes"),
		"minute 9: amended by <@UIAN>: recorded as AGREED, was NOTED; the text is unchanged: “That the report be noted.”")
}

// TestResolveRefused: whoever may not record decisions, or gives a line
// that cannot be one, is told why and what to type, and nothing is
// minuted.
func TestResolveRefused(t *testing.T) {
	k := decDay(t)
	for _, tc := range []struct {
		user, line string
		want       []string
	}{
		{neil, "/resolve 7.7 That the report be noted.", []string{"Only an officer or the chair of Safer Sefton Together can record decisions."}},
		{neil, "/minute 7.7 The Board heard the report.", []string{"Only an officer or the chair of Safer Sefton Together can record minutes."}},
		{stranger, "/resolve 7.7 That the report be noted.", []string{"not a member of Safer Sefton Together"}},
		{ian, "/resolve 9.9 That the report be noted.", []string{"Item 9.9 is not on the agenda of the meeting on Thursday 10 December 2026. `/agenda 2026-12-10` shows its items."}},
		// The number of a minute, read off the draft, where the item's is
		// wanted: the answer gives the item's.
		{ian, "/minute 9 The Board heard the report.", []string{"Item 9 is not on the agenda of the meeting on Thursday 10 December 2026; its minute 9 is item 7.7 (Sefton CVS): `/minute 7.7 …`."}},
		{ian, "/resolve 7.7", []string{"Give the text to record under item 7.7, after its number: `/resolve 7.7 That the report be noted.`", "/resolve [DATE] ITEM TEXT"}},
		{ian, "/resolve", []string{"Give the agenda item's number and the text."}},
		{ian, "/resolve seven That it be noted.", []string{"`seven` is not an agenda item number; give it first, as on the agenda (7 or 7.5).", "/resolve [DATE] ITEM TEXT"}},
		{ian, "/resolve 1.2.3.4.5.6.7.8.9.1 That it be noted.", []string{"is not an agenda item number"}},
		{ian, "/minute 7.7 " + strings.Repeat("a", 3001), []string{"That is too long for a minute (3001 characters; the limit is 3000)."}},
		// Text that is nothing once cleaned of what cannot be stored.
		{ian, "/resolve 7.7 \uFFFD", []string{"Give the agenda item's number and the text."}},
		{ian, "/resolve 10/01/2027 7.7 That the report be noted.", []string{"Safer Sefton Together has no meeting on Sunday 10 January 2027."}},
		// A line sent before the decision was typed after "That": recorded,
		// it would replace the decision with a word.
		{ian, "/resolve 7.7 That", []string{"Say what was resolved after “That”, e.g. `That the report be noted.`; nothing was recorded."}},
		{ian, "/resolve 7.7 RESOLVED: that (1)", []string{"Say what was resolved after “That”"}},
		{ian, "/minutes amend 9 That.", []string{"Say what was resolved after “That”"}},
		{ian, "/minutes amend 9 NOTED:", []string{"Say what was resolved"}},
	} {
		r := k.run(tc.user, tc.line)
		if !r.Refused {
			t.Errorf("%s %s was not refused:\n%s", tc.user, tc.line, shown(r))
		}
		wantShown(t, shown(r), tc.want...)
	}
	if got := decMinutes(k, decHeldOn.Start(london)); len(got) != 0 {
		t.Errorf("refused lines minuted %q", got)
	}
}

// TestResolveRefusedOnCancelledMeeting: a cancelled meeting never took
// place, so no decision can be recorded for it, even by its date, and it
// has no minutes to confirm.
func TestResolveRefusedOnCancelledMeeting(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting cancel 2026-12-10")
	k.now = time.Date(2026, 12, 10, 15, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/resolve 7.7 That the report be noted."), "Safer Sefton Together has held no meeting yet, and `/resolve` is for a meeting in progress or held. An officer schedules its first with `/meeting schedule DATE TIME [VENUE]`.")
	for _, line := range []string{"/resolve 10/12/2026 7.7 That the report be noted.", "/minute 10/12/2026 7.7 The Board heard the report."} {
		r := k.run(ian, line)
		if !r.Refused || !strings.Contains(r.Text, "was cancelled") {
			t.Errorf("%s was not refused, though that meeting was cancelled:\n%s", line, shown(r))
		}
	}
	if got := decMinutes(k, decHeldOn.Start(london)); len(got) != 0 {
		t.Errorf("a cancelled meeting has minutes: %q", got)
	}
	wantShown(t, k.say(ian, "/minutes approve 10/12/2026"), "The meeting on Thursday 10 December 2026 was cancelled; it has no minutes to confirm.")
}

// TestResolveWhichMeeting: without a date a decision goes to the meeting
// in progress, else today's once it has begun, else the last one held; a
// meeting yet to be held takes none, and a committee that has held none
// is told which its first is, not to give a date that would find none.
func TestResolveWhichMeeting(t *testing.T) {
	k := agendaKit(t)
	wantShown(t, k.say(ian, "/resolve 7.7 That the report be noted."),
		"Safer Sefton Together has held no meeting yet, and `/resolve` is for a meeting in progress or held. Its first is on Thursday 10 December 2026, 10:00, Remote Meeting; the officer or the chair opens it with `/meeting start`.")
	wantShown(t, k.say(ian, "/resolve 10/12/2026 7.7 That the report be noted."),
		"The meeting on Thursday 10 December 2026 has not taken place yet; decisions are recorded during or after it.")

	// Opened early, at 09:45, the meeting takes decisions before its
	// advertised start.
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 9, 45, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/resolve 7.7 That the report be noted."), "Resolved under item 7.7: minute 9 of the meeting on Thursday 10 December 2026")
	k.must(sue, "/meeting close")

	// Later that day, without the meeting open, today's is still meant.
	k.now = time.Date(2026, 12, 10, 15, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/resolve 5 That the settings be reviewed."), "Resolved under item 5: minute 5 of the meeting on Thursday 10 December 2026")

	// Weeks later, the last meeting held.
	k.now = time.Date(2027, 1, 5, 12, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minute 6 The Superintendent gave the update."), "Minuted under item 6: minute 6 of the meeting on Thursday 10 December 2026")
	got := decMinutes(k, decHeldOn.Start(london))
	want := []string{
		"5 draft PROVISION OF ALTERNATIVE EDUCATION SETTINGS |  | That the settings be reviewed.",
		"6 draft LOCAL POLICING UPDATE | The Superintendent gave the update. | ",
		"9 draft SEFTON CVS |  | That the report be noted.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("minutes recorded:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDecisionsOfAMeetingClosedBeforeItsStart: a meeting opened and
// closed before its advertised start was held, from when it was opened.
// Decisions recorded after it without a date are its own, and it is the
// meeting at which the last one's minutes are confirmed, not a meeting
// still to come.
func TestDecisionsOfAMeetingClosedBeforeItsStart(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 15:30 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 13, 50, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(sue, "/meeting close")

	k.now = time.Date(2027, 1, 14, 14, 0, 0, 0, london)
	k.steps([]step{
		{ian, "/resolve 1 That the apologies be noted.", []string{"Resolved under item 1: minute 10 of the meeting on Thursday 14 January 2027"}},
		{ian, "/minute 2 No declarations were made.", []string{"Minuted under item 2: minute 11 of the meeting on Thursday 14 January 2027"}},
		{ian, "/minutes draft", []string{"Draft minutes of the meeting of *Safer Sefton Together* on Thursday 14 January 2027. Numbered on from minute 9 of Thursday 10 December 2026."}},
		{ian, "/history minutes", []string{"*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 14 January 2027."}},
		{sue, "/minutes approve", []string{"The minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are confirmed as a correct record, at the meeting on Thursday 14 January 2027, by <@USUE>."}},
	})
	if got := decMinutes(k, decHeldOn.Start(london)); !decConfirmed(got, "9 confirmed SEFTON CVS |  | That the report be noted.") {
		t.Errorf("the minutes of 10 December 2026 read back as %q", got)
	}
}

// TestMinutesApprovalAtTheNextMeeting follows a meeting's minutes from the
// table to the record: amended by the officer, corrected by a member,
// confirmed by the chair at the next meeting, which minutes the
// confirmation in its own numbering, and unchangeable after.
func TestMinutesApprovalAtTheNextMeeting(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted.")
	k.must(ian, "/minute 7.7 The Board considered the report of the Chief Executive of Sefton CVS.")

	// The officer amends the narrative; the reply shows the minute as it
	// now stands, the new narrative with its decision, then what it read.
	r := k.must(ian, "/minutes amend 9 The Board considered the report of the Chief Executive of Sefton CVS, and thanked her.")
	inOrder(t, shown(r), "Minute 9 amended; the earlier text is kept in its history.",
		"The Board considered the report of the Chief Executive of Sefton CVS, and thanked her.",
		"RESOLVED: That (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted.",
		"*It read*\nThe Board considered the report of the Chief Executive of Sefton CVS.")
	// Text beginning "That", or "RESOLVED:", replaces the decision instead.
	r = k.must(ian, "/minutes amend 9 RESOLVED: That (1) the report be noted; and (2) the figures be circulated.")
	inOrder(t, shown(r), "Minute 9 amended",
		"The Board considered the report of the Chief Executive of Sefton CVS, and thanked her.",
		"RESOLVED: That (1) the report be noted; and (2) the figures be circulated.",
		"*It read*\nThat (1) the report be noted; (2) the figures be circulated to partners; and (3) a further report be submitted.")
	k.steps([]step{
		{neil, "/minutes amend 9 Something else.", []string{"Only an officer of Safer Sefton Together can amend minutes."}},
		{ian, "/minutes amend 99 Something else.", []string{"The draft minutes of the meeting on Thursday 10 December 2026 have minutes 1 to 9; there is no minute 99."}},
		{ian, "/minutes amend nine Something else.", []string{"`nine` is not a minute number."}},
		{ian, "/minutes amend 9", []string{"Give minute 9's new text, after its number: `/minutes amend 9 TEXT`."}},
		{ian, "/minutes amend 9 " + strings.Repeat("b", 3001), []string{"That is too long (3001 characters; the limit is 3000)."}},
		{ian, "/minutes amend 9 \uFFFD", []string{"Give the minute's number and the text."}},
		{graeme, "/minutes comment 9 \uFFFD", []string{"Give the minute's number and the text."}},
		{graeme, "/minutes comment 9 The figures were for the last quarter.", []string{"Your correction to minute 9 is recorded; the officer sees it with the draft minutes."}},
		{stranger, "/minutes comment 9 I was there.", []string{"not a member of Safer Sefton Together"}},
		{ian, "/minutes draft", []string{"and thanked her.", "That\n(1) the report be noted; and\n(2) the figures be circulated.", "The figures were for the last quarter."}},
	})
	got := decMinutes(k, decHeldOn.Start(london))
	want := "9 draft SEFTON CVS | The Board considered the report of the Chief Executive of Sefton CVS, and thanked her. | That (1) the report be noted; and (2) the figures be circulated."
	if len(got) != 1 || got[0] != want {
		t.Errorf("minutes after amendment: %q, want [%q]", got, want)
	}

	// The meeting in progress cannot confirm its own minutes, nor can
	// one not yet held.
	k.steps([]step{
		{sue, "/minutes approve 10 December 2026", []string{"The meeting on Thursday 10 December 2026 is still in progress; its minutes can be confirmed once it has closed."}},
		{sue, "/minutes approve", []string{"Safer Sefton Together has no earlier meeting whose minutes could be confirmed."}},
	})
	k.must(sue, "/meeting close")
	decComplete(k)

	// The next meeting confirms them; its item 3 records it, numbered on
	// from minute 9.
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	shownApprove := k.say(sue, "/minutes approve 14 January 2027")
	wantShown(t, shownApprove, "The minutes of the meeting on Thursday 14 January 2027 can be confirmed once it has closed.")
	noApproveUsage(t, shownApprove)
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	wantShown(t, k.say(neil, "/minutes approve"), "Only an officer or the chair of Safer Sefton Together can confirm minutes.")
	k.must(sue, "/meeting start")
	// Graeme's correction was not acted on: confirmed, the minutes would
	// leave it out for good, so the chair is shown it first.
	attRefused(k, sue, "/minutes approve", "The minutes of the meeting on Thursday 10 December 2026 are not confirmed: members proposed corrections that no change to their minute has followed:\n• Minute 9 — <@UGRAEME>: “The figures were for the last quarter.”\nAmend a minute with `/minutes amend NUMBER TEXT`, or, if the meeting does not accept them, confirm the minutes as they stand: `/minutes approve 2026-12-10 as they stand`.")
	r = k.must(sue, "/minutes approve as they stand")
	if r.Visibility != commands.Public {
		t.Error("the confirmation of minutes is not announced in the channel")
	}
	wantShown(t, r.Text, "The minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are confirmed as a correct record as they stand, at the meeting on Thursday 14 January 2027, by <@USUE>, setting aside 1 correction to minute 9 that members proposed and no amendment followed. They can no longer be changed. Minute 12 of this meeting records it.")
	wantShown(t, k.say(ian, "/minutes draft"),
		"Draft minutes of the meeting of *Safer Sefton Together* on Thursday 14 January 2027. Numbered on from minute 9 of Thursday 10 December 2026.",
		"```\n12. MINUTES OF PREVIOUS MEETING\n\nRESOLVED:\nThat the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.")
	if got := decMinutes(k, decHeldOn.Start(london)); !decConfirmed(got, "9 confirmed ") {
		t.Errorf("confirmed minutes read back as %q", got)
	}

	// Unchangeable after, however it is tried; each refusal says what
	// can be done instead.
	const correctionWay = "A correction now is for the committee to make: an officer puts it on the next meeting's agenda (`/agenda add next NUMBER Correction to the minutes of 10 December 2026`) and minutes it there."
	k.steps([]step{
		{ian, "/minutes amend 9 Something else.", []string{"Minute 9 (Thursday 10 December 2026) is confirmed as a correct record and can no longer be changed. " + correctionWay}},
		{ian, "/resolve 10/12/2026 7.7 That the report be withdrawn.", []string{"The minutes of the meeting on Thursday 10 December 2026 are confirmed as a correct record and can no longer be changed. " + correctionWay}},
		{ian, "/minute 10/12/2026 7.7 Withdrawn.", []string{"The minutes of the meeting on Thursday 10 December 2026 are confirmed as a correct record and can no longer be changed. " + correctionWay}},
		{graeme, "/minutes comment 9 Too late.", []string{"Minute 9 (Thursday 10 December 2026) is confirmed as a correct record and can no longer be commented on. " + correctionWay}},
		{sue, "/minutes approve 10 December 2026", []string{"The minutes of the meeting on Thursday 10 December 2026 are already confirmed as a correct record."}},
		{sue, "/minutes approve 3 March 2027", []string{"Safer Sefton Together has no meeting on Wednesday 3 March 2027."}},
		{sue, "/minutes approve soon", []string{"/minutes approve [DATE-OF-THE-MINUTES]"}},
	})
	noApproveUsage(t, k.say(sue, "/minutes approve 10 December 2026"))
	if got := decMinutes(k, decHeldOn.Start(london)); !decConfirmed(got, strings.Replace(want, "draft", "confirmed", 1)) {
		t.Errorf("confirmed minutes changed: %q", got)
	}
	// Confirmed, they no longer ask the officer to act on the corrections
	// proposed to the draft; /history minutes keeps those.
	confirmed := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, confirmed, "Confirmed as a correct record at the meeting held on 14 January 2027.")
	for _, not := range []string{"Corrections proposed by members", "/minutes amend"} {
		if strings.Contains(confirmed, not) {
			t.Errorf("the confirmed minutes show %q:\n%s", not, confirmed)
		}
	}
	wantShown(t, k.say(ian, "/history minutes 10/12/2026"), "correction proposed by <@UGRAEME>")
	wantShown(t, k.say(neil, "/resolution 12"), "That the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.", "draft — not yet confirmed")
	if r := k.say(neil, "/resolution 9"); strings.Contains(r, "draft") {
		t.Errorf("confirmed minutes are still marked draft:\n%s", r)
	}
	if r := k.say(neil, "/resolution 2026-12-10"); strings.Contains(r, "draft") || !strings.Contains(r, "• 9. SEFTON CVS") {
		t.Errorf("the list of confirmed minutes:\n%s", r)
	}
}

// TestMinutesApprovalByCorrespondence: away from any meeting, the chair or
// an officer confirms the last meeting's minutes by correspondence; a
// meeting with nothing minuted has nothing to confirm.
func TestMinutesApprovalByCorrespondence(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")

	// A day later: the last meeting's minutes, by default.
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	// `next` names a meeting whose minutes do not exist yet: refused, not
	// read as the default, and nothing is confirmed.
	if r := k.run(ian, "/minutes approve next"); !r.Refused || !strings.HasPrefix(r.Text, "The next meeting has no minutes to confirm yet. Give the day of the meeting whose minutes these are, or no date for the last meeting's.") {
		t.Errorf("/minutes approve next: %+v", r)
	}
	if d := k.say(ian, "/minutes draft 10 December 2026"); strings.Contains(d, "Confirmed as a correct record") {
		t.Errorf("a refused approval confirmed the minutes:\n%s", d)
	}
	r := k.must(ian, "/minutes approve")
	wantShown(t, r.Text, "The minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are confirmed as a correct record, by correspondence, by <@UIAN>. They can no longer be changed.")
	if strings.Contains(r.Text, "records it") {
		t.Errorf("a confirmation by correspondence claims a minute records it: %s", r.Text)
	}
	wantShown(t, k.say(ian, "/minutes draft 10 December 2026"), "Confirmed as a correct record by correspondence on Friday 11 December 2026.")

	// The January meeting is held with nothing minuted.
	k.now = time.Date(2027, 1, 15, 9, 0, 0, 0, london)
	wantShown(t, k.say(sue, "/minutes approve 14 January 2027"),
		"No minutes of the meeting on Thursday 14 January 2027 are on record to confirm. Record them with `/resolve` and `/minute`, or import them.")
	wantShown(t, k.say(sue, "/minutes approve 14 February 2027"), "Safer Sefton Together has no meeting on Sunday 14 February 2027.")
}

// TestMinutesApprovalOnTheDayItClosed: a meeting does not confirm its
// own minutes; closed earlier the same day, they are confirmed by
// correspondence, as they would be the day after, and not refused as if
// the meeting were still open.
func TestMinutesApprovalOnTheDayItClosed(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 10, 15, 0, 0, 0, london)
	r := k.must(ian, "/minutes approve 10 December 2026")
	wantShown(t, r.Text, "The minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are confirmed as a correct record, by correspondence, by <@UIAN>.")
	if got := decMinutes(k, decHeldOn.Start(london)); !decConfirmed(got, "9 confirmed ") {
		t.Errorf("confirmed minutes read back as %q", got)
	}
}

// secondMeetingOpened holds the meeting of 10 December 2026, closing it
// with a decision minuted and every item recorded, its minutes not
// confirmed, and opens that of 14 January 2027 at 10:05.
func secondMeetingOpened(t *testing.T) *kit {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	return k
}

// twoMeetingsMinuted holds the meeting of 10 December 2026 and then
// that of 14 January 2027, closing each with a decision minuted, neither's
// minutes confirmed; the clock is left at the second's close.
func twoMeetingsMinuted(t *testing.T) *kit {
	k := secondMeetingOpened(t)
	k.must(ian, "/resolve 4 That the report be noted.")
	k.now = time.Date(2027, 1, 14, 12, 0, 0, 0, london)
	k.must(sue, "/meeting close")
	decComplete(k)
	return k
}

// TestMinutesOfPreviousMeetingAsHappened: the minutes record of the
// previous minutes what the meeting did. Confirmed at it, they are
// RESOLVED; nothing confirming them, the agenda's "To confirm the Minutes
// … as a correct record" is not recorded as though it were a minute: the
// item has nothing recorded, and confirming the minutes waits for it as
// for any item, until the officer records what became of it.
func TestMinutesOfPreviousMeetingAsHappened(t *testing.T) {
	held := func(t *testing.T, confirm bool) *kit {
		k := secondMeetingOpened(t)
		if confirm {
			k.must(sue, "/minutes approve 10 December 2026")
		}
		k.must(ian, "/minute 4 The next meeting's date is to be agreed.")
		k.now = time.Date(2027, 1, 14, 12, 0, 0, 0, london)
		k.must(sue, "/meeting close")
		k.now = time.Date(2027, 1, 15, 9, 0, 0, 0, london)
		return k
	}
	const asked = "To confirm the Minutes of the meeting held on 10 December 2026"

	k := held(t, false)
	draft := k.say(ian, "/minutes draft 14 January 2027")
	if strings.Contains(draft, asked) {
		t.Errorf("the draft records the agenda's question as the minute:\n%s", draft)
	}
	wantShown(t, draft, "MINUTES OF PREVIOUS MEETING\n\n[Nothing recorded yet")
	r := k.run(sue, "/minutes approve 14 January 2027")
	if !r.Refused {
		t.Fatalf("minutes confirmed with the previous minutes' item empty:\n%s", shown(r))
	}
	wantShown(t, r.Text, "cannot be confirmed yet: nothing is recorded for minute", "(item 3, Minutes of Previous Meeting)",
		"`/minutes approve 10 December 2026` if they were confirmed, or `/minute 2027-01-14 3 The item was deferred to the next meeting.`")
	wantShown(t, draft, "Confirmed, /minutes approve 10 December 2026 records it here and in them; not confirmed, /minute this item (deferred, say).]")
	k.must(ian, "/minute 2027-01-14 3 The minutes of the meeting held on 10 December 2026 were not available; they are to be confirmed at the next meeting.")
	k.must(sue, "/minutes approve 14 January 2027")
	confirmed := k.say(ian, "/minutes draft 14 January 2027")
	wantShown(t, confirmed, "Confirmed as a correct record", "The minutes of the meeting held on 10 December 2026 were not available")
	if strings.Contains(confirmed, asked) || strings.Contains(confirmed, "Nothing recorded yet") {
		t.Errorf("the confirmed minutes:\n%s", confirmed)
	}

	// Followed the next day, the hint confirms the previous minutes by
	// correspondence, and both meetings' minutes say so: none reads
	// confirmed while the other is still a draft.
	k = held(t, false)
	k.must(sue, "/minutes approve 10 December 2026")
	wantShown(t, k.say(ian, "/minutes draft 14 January 2027"),
		"The Minutes of the meeting held on 10 December 2026 were confirmed as a correct record by correspondence on 15 January 2027.")
	if dec := k.say(ian, "/minutes draft 10 December 2026"); strings.Contains(dec, "not yet confirmed") {
		t.Errorf("10 December's minutes are still a draft:\n%s", dec)
	}
	k.must(sue, "/minutes approve 14 January 2027")

	// Confirmed at the meeting: RESOLVED, and nothing more to record.
	k = held(t, true)
	wantShown(t, k.say(ian, "/minutes draft 14 January 2027"), "RESOLVED:\nThat the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.")
	k.must(sue, "/minutes approve 14 January 2027")
}

// TestConfirmedMinutesKeepThePreviousMinutesAsConfirmed: minutes
// confirmed while they said the previous meeting's were still to confirm
// read so for good: the previous minutes confirmed later, by
// correspondence, do not change them.
func TestConfirmedMinutesKeepThePreviousMinutesAsConfirmed(t *testing.T) {
	k := twoMeetingsMinuted(t)
	k.now = time.Date(2027, 1, 15, 9, 0, 0, 0, london)
	k.must(sue, "/minutes approve 14 January 2027")
	before := k.say(ian, "/minutes draft 14 January 2027")
	wantShown(t, before, "MINUTES OF PREVIOUS MEETING\n\nThe item was deferred to the next meeting.")
	k.now = time.Date(2027, 1, 15, 10, 0, 0, 0, london)
	k.must(sue, "/minutes approve 10 December 2026")
	if after := k.say(ian, "/minutes draft 14 January 2027"); after != before {
		t.Errorf("the confirmed minutes of 14 January changed:\n%s\nwere:\n%s", after, before)
	}
	wantShown(t, k.say(ian, "/minutes draft 10 December 2026"), "Confirmed as a correct record by correspondence on Friday 15 January 2027.")
}

// TestMinutesApprovalAfterTodaysAreConfirmed: the previous minutes
// confirmed on the day of a meeting whose own minutes were confirmed after
// it closed are confirmed by correspondence, the reply saying why; they
// are not refused as confirmed already, and the confirmed minutes of the
// day are not changed.
func TestMinutesApprovalAfterTodaysAreConfirmed(t *testing.T) {
	k := twoMeetingsMinuted(t)
	k.now = time.Date(2027, 1, 14, 15, 0, 0, 0, london)
	k.must(sue, "/minutes approve 14 January 2027")
	before := k.say(ian, "/minutes draft 14 January 2027")
	k.now = k.now.Add(5 * time.Minute)
	r := k.run(sue, "/minutes approve 10 December 2026")
	if r.Refused {
		t.Fatalf("the previous minutes were refused:\n%s", shown(r))
	}
	wantShown(t, r.Text, "The minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are confirmed as a correct record, by correspondence, by <@USUE>.",
		"(Today's meeting's own minutes are confirmed already, and cannot record it.)")
	wantShown(t, k.say(ian, "/minutes draft 10 December 2026"), "Confirmed as a correct record by correspondence on Thursday 14 January 2027.")
	if after := k.say(ian, "/minutes draft 14 January 2027"); after != before {
		t.Errorf("the confirmed minutes of the day changed:\n%s\nwere:\n%s", after, before)
	}
}

// TestMinutesApprovalPointsToTheDraft: `/minutes approve` alone, the
// day a meeting closed, is about the meeting before it; where that one
// has no minutes to confirm, the answer names the minutes drafted and
// not yet confirmed, with the form that confirms them, as the officer's
// Home does.
func TestMinutesApprovalPointsToTheDraft(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 10, 15, 0, 0, 0, london)
	r := k.run(ian, "/minutes approve")
	wantShown(t, r.Text, "Minutes drafted in Quorum and not yet confirmed: Thursday 10 December 2026 (`/minutes approve 2026-12-10`).")
	// Asked for as they stand, the form given keeps it.
	r = k.run(ian, "/minutes approve as they stand")
	wantShown(t, r.Text, "Minutes drafted in Quorum and not yet confirmed: Thursday 10 December 2026 (`/minutes approve 2026-12-10 as they stand`).")
	if got := decMinutes(k, decHeldOn.Start(london)); decConfirmed(got, "9 confirmed ") {
		t.Errorf("a refused approval confirmed the minutes: %q", got)
	}
	// Given with their day, they are confirmed.
	wantShown(t, k.say(ian, "/minutes approve 2026-12-10"), "are confirmed as a correct record, by correspondence")
	if r := k.run(ian, "/minutes approve"); strings.Contains(r.Text, "not yet confirmed:") {
		t.Errorf("confirmed minutes still offered: %q", r.Text)
	}
}

// TestMinutesApprovalKeepsWhatItem3Records: confirming minutes at a
// meeting adds to what its "Minutes of Previous Meeting" minute already
// records — the officer's own words, or another meeting's minutes confirmed
// at it — rather than writing over it, so that the reply's "Minute 16
// of this meeting records it" stays true.
func TestMinutesApprovalKeepsWhatItem3Records(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-02-11 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/resolve 4 That the next meeting be held on 11 February 2027.")
	k.must(sue, "/meeting close")
	decComplete(k)

	// In February the officer minutes item 3 in her own words; the chair
	// then confirms January's minutes, and December's, still a draft.
	k.now = time.Date(2027, 2, 11, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	own := "That the Minutes of the meeting held on 14 January 2027 be confirmed as a correct record, subject to minute 13 reading 11 February."
	k.must(ian, "/resolve 3 "+own)
	wantShown(t, k.say(sue, "/minutes approve"), "on Thursday 14 January 2027 are confirmed as a correct record, at the meeting on Thursday 11 February 2027", "Minute 16 of this meeting records it.")
	wantShown(t, k.say(sue, "/minutes approve 10 December 2026"), "on Thursday 10 December 2026 are confirmed as a correct record, at the meeting on Thursday 11 February 2027", "Minute 16 of this meeting records it.")

	got := decMinutes(k, time.Date(2027, 2, 11, 0, 0, 0, 0, london))
	want := "16 draft MINUTES OF PREVIOUS MEETING |  | " + own + "\nThat the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record."
	if len(got) != 1 || got[0] != want {
		t.Errorf("February's minutes: %q, want [%q]", got, want)
	}
}

// TestMinutesApprovalNeedsEveryItemRecorded: minutes are confirmed as a
// correct record only once they say what became of every item: until
// then the confirmation is refused, naming each item with nothing recorded
// and how to record it, and nothing is confirmed.
func TestMinutesApprovalNeedsEveryItemRecorded(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	attRefused(k, ian, "/minutes approve",
		"The minutes of the meeting on Thursday 10 December 2026 cannot be confirmed yet: nothing is recorded for minute 4 (item 4, Integrated Offender Management (IOM) Refresh Strategy), minute 5 (item 5, Provision of Alternative Education Settings), minute 6 (item 6, Local Policing Update), minute 7 (item 7, Date of Next Meeting) and minute 8 (item 7.5, SWACA). Record what became of each — `/minute 2026-12-10 4 The item was deferred to the next meeting.`, or `/resolve` — then confirm them.")
	for _, line := range []string{
		"/minute 2026-12-10 4 The item was deferred to the next meeting.",
		"/resolve 2026-12-10 5 That the report be noted.",
		"/minute 2026-12-10 6 Superintendent Robson gave a verbal update.",
		"/resolve 2026-12-10 7 That the next meeting be held on 14 January 2027.",
	} {
		k.must(ian, line)
	}
	attRefused(k, ian, "/minutes approve 10 December 2026", "nothing is recorded for minute 8 (item 7.5, SWACA). Record what became of each — `/minute 2026-12-10 7.5 The item was deferred")
	if d := k.say(ian, "/minutes draft 10 December 2026"); !strings.Contains(d, "DRAFT") || !strings.Contains(d, "Nothing recorded yet") {
		t.Errorf("a refused confirmation confirmed the minutes:\n%s", d)
	}
	k.must(ian, "/minute 2026-12-10 7.5 The item was withdrawn.")
	wantShown(t, k.say(ian, "/minutes approve"), "are confirmed as a correct record, by correspondence")
	if d := k.say(ian, "/minutes draft 10 December 2026"); strings.Contains(d, "Nothing recorded yet") || !strings.Contains(d, "The item was withdrawn.") {
		t.Errorf("the confirmed minutes:\n%s", d)
	}
}

// TestMinutesApprovalBeforeAnythingIsMinuted: the day after a meeting
// held in Quorum, before anything is minuted, /minutes draft shows the
// minutes drawn from the records; confirming them names the items still
// to record, as once something is minuted, rather than saying no minutes
// of the meeting are on record.
func TestMinutesApprovalBeforeAnythingIsMinuted(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	attRefused(k, ian, "/minutes approve 10/12/2026",
		"The minutes of the meeting on Thursday 10 December 2026 cannot be confirmed yet: nothing is recorded for minute 4 (item 4, Integrated Offender Management (IOM) Refresh Strategy),",
		"Record what became of each — `/minute 2026-12-10 4 The item was deferred to the next meeting.`, or `/resolve` — then confirm them.")
}

// TestMinutesApprovalAsIs: "as is" or "as they are" after the date is
// answered with the words that confirm the minutes as they stand, not
// with "takes only a date".
func TestMinutesApprovalAsIs(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	attRefused(k, sue, "/minutes approve 10/12/2026 as is",
		"`as is` is not read: to confirm the minutes as they stand, over corrections proposed, type `/minutes approve 10/12/2026 as they stand`.")
	attRefused(k, sue, "/minutes approve as they are",
		"`as they are` is not read: to confirm the minutes as they stand, over corrections proposed, type `/minutes approve as they stand`.")
}

// TestConfirmedMinutesNotReplacedByImport: minutes written in Quorum and
// confirmed there cannot be changed by importing published minutes for
// the same meeting either: the import is refused with the reason, and the
// TestImportedMinutesAreConfirmedAlready: minutes imported from the
// published record are confirmed; /minutes approve says so, rather than
// asking for items to be recorded that can no longer be changed.
func TestImportedMinutesAreConfirmedAlready(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	if _, errs := k.importMinutes(ian, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2026", 1)); len(errs) != 0 {
		t.Fatal(errs)
	}
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	attRefused(k, ian, "/minutes approve 10 December 2026", "The minutes of the meeting on Thursday 10 December 2026 are already confirmed as a correct record.")
	// Nor are they written to: the published minutes are the record,
	// whatever the item, on the agenda or not (their own numbers need
	// not follow it), and the way on is a correction at a later meeting.
	const published = "The minutes of the meeting on Thursday 10 December 2026 were imported from the published minutes, which are the record, and can no longer be changed. A correction now is for the committee to make: an officer puts it on the next meeting's agenda (`/agenda add next NUMBER Correction to the minutes of 10 December 2026`) and minutes it there."
	attRefused(k, ian, "/resolve 2026-12-10 45 That the report be noted.", published)
	attRefused(k, ian, "/resolve 2026-12-10 7.7 That the report be noted.", published)
	attRefused(k, ian, "/minute 2026-12-10 45 The Board heard a report.", published)
	attRefused(k, ian, "/minute defer 2026-12-10 45", published)
}

// minutes and their history stand.
func TestConfirmedMinutesNotReplacedByImport(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(ian, "/minutes approve")

	text := strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2026", 1)
	r, errs := k.importMinutes(ian, text)
	if errs == nil {
		t.Errorf("the import over confirmed minutes was not refused: %s", shown(r))
	}
	wantShown(t, errs["text"], "The minutes of the meeting on Thursday 10 December 2026 were confirmed as a correct record in Quorum and can no longer be changed: they were not replaced by these. A correction now is for the committee to make: an officer puts it on the next meeting's agenda (`/agenda add next NUMBER Correction to the minutes of 10 December 2026`) and minutes it there.")
	if got := decMinutes(k, decHeldOn.Start(london)); !decConfirmed(got, "9 confirmed SEFTON CVS |  | That the report be noted.") {
		t.Errorf("confirmed minutes after the import: %q", got)
	}
	wantShown(t, k.say(ian, "/history minutes 10 December 2026"), "minute 9: resolved, recorded by <@UIAN>: “That the report be noted.”")
}

// TestDraftMinutesNotReplacedByImport: minutes drafted in Quorum and not
// yet confirmed are not lost to an import of published minutes for the
// same meeting either: the import is refused, naming the draft minutes and
// how to replace them on purpose, and the drafts, their history and the
// corrections members proposed stand.
func TestDraftMinutesNotReplacedByImport(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(ian, "/minute 4 The Board received an update on the refresh strategy.")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(neil, "/minutes comment 9 Please record that the figures go to partners.")

	text := strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2026", 1)
	r, errs := k.importMinutes(ian, text)
	if errs == nil {
		t.Errorf("the import over draft minutes was not refused: %s", shown(r))
	}
	wantShown(t, errs["text"],
		"The minutes of the meeting on Thursday 10 December 2026 are being drafted in Quorum (minutes 4 and 9, not yet confirmed, with 1 correction proposed)",
		"these published minutes would replace them, so they were not imported",
		"--replace-drafts")
	want := []string{
		"4 draft INTEGRATED OFFENDER MANAGEMENT (IOM) REFRESH STRATEGY | The Board received an update on the refresh strategy. | ",
		"9 draft SEFTON CVS |  | That the report be noted.",
	}
	if diff := cmp.Diff(decMinutes(k, decHeldOn.Start(london)), want); diff != "" {
		t.Errorf("draft minutes after the refused import (-got +want):\n%s", diff)
	}
	wantShown(t, k.say(ian, "/history minutes 10 December 2026"),
		"minute 9: resolved, recorded by <@UIAN>: “That the report be noted.”",
		"Please record that the figures go to partners.")
}

// TestPostedDraftNamesItsMeetingToCorrect: the notice /minutes post gives
// for a draft names the meeting in the form it gives members, so that a
// correction sent as it says goes to that meeting's minute, not to the
// minute of that number of a later meeting in a new municipal year.
func TestPostedDraftNamesItsMeetingToCorrect(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 4 The Board received an update on the refresh strategy.")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-06-10 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 6, 10, 12, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/resolve 4 That the next meeting be held in September."), "minute 4 of the meeting on Thursday 10 June 2027")
	k.now = time.Date(2027, 6, 11, 9, 0, 0, 0, london)
	k.must(ian, "/minutes post 10 December 2026")
	const form = "`/minutes comment 2026-12-10 MINUTE TEXT`"
	wantShown(t, minutesPosted(k), "The draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are ready", form)
	k.must(neil, strings.Replace(strings.Trim(form, "`"), "MINUTE TEXT", "4 The update was on the 2022 strategy.", 1))
	wantShown(t, k.say(ian, "/minutes draft 10 December 2026"), "• Minute 4 — <@UNEIL>", "The update was on the 2022 strategy.")
	if d := k.say(ian, "/minutes draft 10 June 2027"); strings.Contains(d, "2022 strategy") {
		t.Errorf("the correction went to the June meeting's minute 4:\n%s", d)
	}
}

// TestDecisionNumberingAcrossYears: minutes are numbered on from the last
// on record in the same municipal year (May to April), and from 1 again
// in a new one.
func TestDecisionNumberingAcrossYears(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(ian, "/meeting schedule 2027-06-10 10:00 Bootle Town Hall")

	// January: items 1 to 4 are minutes 10 to 13.
	k.now = time.Date(2027, 1, 14, 12, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/resolve 4 That the next meeting be held on 10 June 2027."), "Resolved under item 4: minute 13 of the meeting on Thursday 14 January 2027")
	// June is in the next municipal year: item 4 is minute 4.
	k.now = time.Date(2027, 6, 10, 12, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/resolve 4 That the next meeting be held in September."), "Resolved under item 4: minute 4 of the meeting on Thursday 10 June 2027")
	wantShown(t, k.say(ian, "/minutes draft 10 June 2027"),
		"Numbering starts again at 1: the last minutes on record (minute 13, Thursday 14 January 2027) are of the previous municipal year.")
	// The earlier meetings' minutes are still there, given by date.
	wantShown(t, k.say(ian, "/minute 14/01/2027 1 Apologies were received."), "Minuted under item 1: minute 10 of the meeting on Thursday 14 January 2027")
}

// TestDecisionNumberingAfterLetteredMinutes: after imported minutes
// numbered "SSP 17/22", whose figures cannot be told from the year's, the
// draft says that numbering cannot go on from them, not that there are no
// earlier minutes; imported minutes carry their own numbers and no note.
func TestDecisionNumberingAfterLetteredMinutes(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-partnership-prefixed-numbers.txt")
	k.now = time.Date(2022, 10, 3, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2022-11-16 10:00 County Hall")
	d := k.say(ian, "/minutes draft")
	wantShown(t, d, "The last minutes on record (minute SSP 17/22, Wednesday 21 September 2022) are numbered in a form Quorum cannot number on from, so numbering starts at 1.")
	wantNotShown(t, d, "the draft says there are no earlier minutes", "No earlier minutes")
	if r := k.must(ian, "/minutes draft 21 September 2022"); r.Text != "Minutes of the meeting of *Safer Sefton Together* on Wednesday 21 September 2022." {
		t.Errorf("imported minutes: %q, want no note of numbering", r.Text)
	}
}

// TestDecisionMinutesPosted: /minutes post shares the minutes' printable
// page in the channel, saying whether they are a draft or confirmed, once
// anything is minuted; where the bot's address is not known, a link would
// lead nowhere, and the minutes themselves are posted.
func TestDecisionMinutesPosted(t *testing.T) {
	k := decDay(t)
	wantShown(t, k.say(ian, "/minutes post"), "Nothing is minuted for the meeting on Thursday 10 December 2026 yet: record decisions with `/resolve` first.")
	k.must(ian, "/resolve 7.7 That the report be noted.")
	wantShown(t, k.say(neil, "/minutes post"), "Only an officer or the chair of Safer Sefton Together can post minutes.")
	// Every item recorded, the answer is the post itself (items with
	// nothing recorded: TestMinutesPostedWithItemsEmpty).
	decFill(k)
	r := k.must(sue, "/minutes post")
	if r.Visibility != commands.Public {
		t.Error("/minutes post answered privately")
	}
	wantShown(t, shown(r), "The draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are ready. They are not yet confirmed; members can propose a correction with `/minutes comment 2026-12-10 MINUTE TEXT`.",
		"```\n9. SEFTON CVS", "That the report be noted.")
	if d := k.say(ian, "/minutes draft"); strings.Contains(r.Text+d, "/minutes/") {
		t.Errorf("a link to the printable page with no address to give it:\n%s\n%s", r.Text, d)
	}

	k.svc.SetPublicURL("https://quorum.example.org/")
	r = k.must(sue, "/minutes post")
	wantShown(t, r.Text, "The draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are ready: <https://quorum.example.org/minutes/",
		"|read and print them>. They are not yet confirmed; members can propose a correction with `/minutes comment 2026-12-10 MINUTE TEXT`.")
	if len(r.Sections) > 0 {
		t.Errorf("the minutes posted with their printable page's link: %+v", r.Sections)
	}
	if d := k.say(ian, "/minutes draft"); !strings.Contains(d, r.Text[strings.Index(r.Text, "<https://")+1:strings.Index(r.Text, "|read")]) {
		t.Errorf("the draft gives another address than the post:\n%s\n%s", r.Text, d)
	}

	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(ian, "/minutes approve")
	wantShown(t, k.say(ian, "/minutes post 10 December 2026"), "The minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026, confirmed as a correct record: <https://quorum.example.org/minutes/")
}

// minutesPosted is the minutes /minutes post sent to the channel through
// the outbox, which it must have done once.
func minutesPosted(k *kit) string {
	k.t.Helper()
	var posts []string
	for _, m := range k.sent() {
		if strings.HasPrefix(m.MessageKey, "minutes:") {
			posts = append(posts, shown(m.Reply))
		}
	}
	if len(posts) != 1 {
		k.t.Fatalf("posted the minutes %d times, want once", len(posts))
	}
	return posts[0]
}

// decFill minutes each item of the meeting in progress that has nothing
// recorded, by its number, as deferred.
func decFill(k *kit) {
	k.t.Helper()
	for _, item := range []string{"3", "4", "5", "6", "7", "7.5"} {
		k.must(ian, "/minute "+item+" The item was deferred to the next meeting.")
	}
}

// TestMinutesPostedWithItemsEmpty: draft minutes posted while items have
// nothing recorded still go to the channel, for comment, saying so; what
// everyone reads there is that nothing is recorded yet, never the
// officer's commands or the schedule's suggested resolution, and the
// officer alone is told which items are empty and how to fill them.
func TestMinutesPostedWithItemsEmpty(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 4 The Board received an update on the refresh strategy.")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 10, 12, 0, 0, 0, london)
	r := k.must(ian, "/minutes post 10 December 2026")
	if r.Visibility != commands.Private {
		t.Errorf("the answer naming the empty items went to the channel: %+v", r)
	}
	wantShown(t, r.Text, "The draft minutes of the meeting on Thursday 10 December 2026 are on their way to <#C1>, for comment. Nothing is recorded yet for minute ",
		"(item 5, Provision of Alternative Education Settings)", "`/minute 2026-12-10 ")
	post := minutesPosted(k)
	wantShown(t, post, "The draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are ready. They are not yet confirmed, and some items have nothing recorded yet;",
		"The Board received an update on the refresh strategy.", "Nothing recorded yet.")
	for _, hint := range []string{"/resolve", "/minute ", "by the schedule", "[Nothing recorded yet"} {
		if strings.Contains(post, hint) {
			t.Errorf("the minutes posted for everyone hold the officer's hint %q:\n%s", hint, post)
		}
	}
	// The officer's own draft keeps the hints.
	wantShown(t, k.say(ian, "/minutes draft 10 December 2026"), "[Nothing recorded yet: /resolve or /minute this item")
}

// TestDecisionHistory: /history minutes tells the officer and the chair
// each minute as recorded and amended, by whom and what it read, the
// corrections members proposed, and the confirmation; members read it
// without the corrections others proposed.
func TestDecisionHistory(t *testing.T) {
	k := decDay(t)
	wantShown(t, k.say(ian, "/history minutes"), "*History of the minutes* of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.", "Nothing has been minuted")
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/minute 7.7 The Board considered the report of the Chief Executive of Sefton CVS.")
	k.must(ian, "/minutes amend 9 That the report be noted and the figures circulated.")
	k.must(graeme, "/minutes comment 9 The figures were for the last quarter.")

	h := k.say(neil, "/history minutes")
	wantShown(t, h, "minute 9: RESOLVED text amended by <@UIAN>.", "Corrections proposed by other members are shown only to them, the officers and the chair.")
	if strings.Contains(h, "UGRAEME") {
		t.Errorf("a member reads another's correction:\n%s", h)
	}
	h = k.say(sue, "/history minutes")
	inOrder(t, h,
		"minute 9: resolved, recorded by <@UIAN>: “That the report be noted.”",
		"minute 9: minuted by <@USUE>: “The Board considered the report of the Chief Executive of Sefton CVS.”",
		"minute 9: RESOLVED text amended by <@UIAN>. It read: “That the report be noted.” Now: “That the report be noted and the figures circulated.”",
		"minute 9: correction proposed by <@UGRAEME>: “The figures were for the last quarter.”")

	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(sue, "/minutes approve as they stand")
	wantShown(t, k.say(ian, "/history minutes 10 December 2026"),
		"confirmed as a correct record as they stood, at the meeting on Thursday 14 January 2027, by <@USUE>, setting aside 1 correction to minute 9", "RESOLVED text amended")
}

// TestViceChairMinutesTheMeetingTheChairMissed: the day after a meeting,
// /resolve and /minute without a date write that meeting's minutes, so
// it is for that meeting that the vice-chair must be acting for the
// chair, not the next one: the chair who chaired December's meeting and
// sent apologies for January's leaves December's minutes to herself and
// the officer; the vice-chair who chaired December's records them.
func TestViceChairMinutesTheMeetingTheChairMissed(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(sue, "/apologies 14/01/2027 Called away")
	k.now = time.Date(2026, 12, 11, 10, 0, 0, 0, london)
	for _, line := range []string{"/resolve 7.7 That the report be noted.", "/minute 7.7 The Board considered the report."} {
		if r := k.run(graeme, line); !r.Refused || !strings.Contains(r.Text, "Sue Holden has sent none for the meeting on Thursday 10 December 2026") {
			t.Errorf("the vice-chair, the chair having chaired the meeting, %s: %q", line, r.Text)
		}
	}
	// The history of the minutes is a public record, read as a member
	// reads it.
	if r := k.run(graeme, "/history minutes"); r.Refused || !strings.Contains(r.Text, "Nothing has been minuted in Quorum for it.") {
		t.Errorf("the vice-chair, the chair having chaired the meeting, /history minutes: %q", r.Text)
	}
	if got := decMinutes(k, time.Date(2026, 12, 10, 0, 0, 0, 0, london)); len(got) != 0 {
		t.Errorf("the vice-chair minuted the meeting the chair chaired: %q", got)
	}

	// The other way about: the chair away in December, the vice-chair
	// records its minutes the next day.
	k = agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
	k.must(sue, "/apologies Called away")
	k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	k.must(graeme, "/meeting start")
	k.must(graeme, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 10, 0, 0, 0, london)
	wantShown(t, k.say(graeme, "/resolve 7.7 That the report be noted."), "Resolved under item 7.7: minute 9 of the meeting on Thursday 10 December 2026")
}

// TestViceChairConfirmsAtTheMeetingSheChairs: minutes are confirmed by
// the meeting in progress, so it is from that meeting that the chair must
// be away for the vice-chair to confirm them, whatever meeting's minutes
// the date names.
func TestViceChairConfirmsAtTheMeetingSheChairs(t *testing.T) {
	for _, chairAway := range []string{"10/12/2026", "14/01/2027"} {
		k := agendaKit(t)
		k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
		k.must(ian, "/committee member add <@UGRAEME> Merseyside Police vice-chair")
		k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
		k.must(sue, "/apologies "+chairAway+" Called away")
		k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
		k.must(ian, "/meeting start")
		k.must(ian, "/resolve 7.7 That the report be noted.")
		k.must(ian, "/meeting close")
		decComplete(k)
		k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
		k.must(ian, "/meeting start")
		r := k.run(graeme, "/minutes approve 10 December 2026")
		switch chairAway {
		case "10/12/2026":
			if !r.Refused || !strings.Contains(r.Text, "Sue Holden has sent none for the meeting on Thursday 14 January 2027") {
				t.Errorf("the vice-chair confirmed at a meeting the chair chairs: %q", r.Text)
			}
		default:
			if r.Refused || !strings.Contains(r.Text, "are confirmed as a correct record, at the meeting on Thursday 14 January 2027") {
				t.Errorf("the vice-chair in the chair could not confirm: %q", r.Text)
			}
		}
	}
}

// TestMinuteNumbersNeverRepeatWithinAMeeting: a meeting's minutes are
// numbered on from the previous meeting's last minute, which can grow
// while this meeting's minutes are being written (the officer is still
// writing up the previous meeting). A minute keeps the number it was
// given, and one written or drafted afterwards takes a number no other
// minute of the meeting has.
func TestMinuteNumbersNeverRepeatWithinAMeeting(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2026-11-26 10:00 Remote Meeting")
	k.must(ian, "/agenda add 26/11/2026 4 Community Safety Partnership Plan")
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")

	// The previous meeting's first minute is 1, so this one's start at 2.
	wantShown(t, k.say(ian, "/minute 26/11/2026 1 Apologies were received."), "minute 1 of the meeting on Thursday 26 November 2026")
	wantShown(t, k.say(ian, "/minute 5 The Board received a presentation on alternative education."),
		"Minuted under item 5: minute 6 of the meeting on Thursday 10 December 2026")
	// The previous meeting's minutes now run to 3.
	wantShown(t, k.say(ian, "/minute 26/11/2026 3 The minutes were confirmed."), "minute 3 of the meeting on Thursday 26 November 2026")

	r := k.run(ian, "/minute 3 The minutes of the meeting held on 26 November 2026 were confirmed.")
	if r.Refused || strings.Contains(shown(r), "minute 6 of") {
		t.Errorf("/minute for item 3, after item 5's minute was numbered 6:\n%s", shown(r))
	}
	seen := map[string]string{}
	for _, line := range decMinutes(k, decHeldOn.Start(london)) {
		n, _, _ := strings.Cut(line, " ")
		if other, ok := seen[n]; ok {
			t.Errorf("minute %s twice:\n%s\n%s", n, other, line)
		}
		seen[n] = line
	}
	draft := k.say(ian, "/minutes draft 10/12/2026")
	heads := map[string]string{}
	lines := strings.Split(draft, "\n")
	for i, line := range lines {
		// A minute's heading opens its code block.
		n, _, ok := strings.Cut(line, ". ")
		if !ok || i == 0 || lines[i-1] != "```" || n == "" || strings.Trim(n, "0123456789") != "" {
			continue
		}
		if other, dup := heads[n]; dup {
			t.Errorf("the draft numbers two minutes %s: %q and %q", n, other, line)
		}
		heads[n] = line
	}
	if len(heads) == 0 {
		t.Fatalf("no numbered minutes in the draft:\n%s", draft)
	}

	// The next meeting numbers on from the highest its draft shows, not
	// from the minute of the agenda's latest item.
	top := 0
	for n := range heads {
		var v int
		if _, err := fmt.Sscan(n, &v); err != nil {
			t.Fatal(err)
		}
		top = max(top, v)
	}
	k.must(ian, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	k.now = time.Date(2027, 1, 14, 11, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minute 14/01/2027 1 No apologies were received."), fmt.Sprintf("minute %d of the meeting on Thursday 14 January 2027", top+1))
}

// TestResolveBeforeTodaysMeetingIsOpened: on the day of a meeting not yet
// opened, a decision typed without a date is nearly always the meeting's
// about to start, not the last one's: it is refused with both ways on,
// rather than written into the last meeting's minutes.
func TestResolveBeforeTodaysMeetingIsOpened(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 15:30 Bootle Town Hall")
	k.must(ian, "/agenda add 2027-01-14 4 Budget")
	k.now = time.Date(2027, 1, 14, 13, 0, 0, 0, london)
	for _, line := range []string{"/resolve 5 That the settings be reviewed.", "/minute 5 The Board heard the report."} {
		attRefused(k, ian, line,
			"Today's meeting, at 15:30, has not been opened yet: open it with `/meeting start` to record its decisions and minutes.",
			"For the meeting on Thursday 10 December 2026, give its date: `"+strings.Fields(line)[0]+" 2026-12-10 5 …`")
	}
	if got := decMinutes(k, decHeldOn.Start(london)); len(got) != 1 {
		t.Errorf("lines refused were minuted for the last meeting: %q", got)
	}
	// Named by its date, the last meeting's minutes are written as ever.
	wantShown(t, k.say(ian, "/resolve 2026-12-10 5 That the settings be reviewed."), "Resolved under item 5: minute 5 of the meeting on Thursday 10 December 2026")
	// Once the meeting is open, it is the one meant.
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/resolve 4 That the budget be approved."), "Resolved under item 4: minute", "of the meeting on Thursday 14 January 2027")
}

// TestMinuteCommentTwiceIsOneComment: a correction sent again (as the
// answer to a save in doubt asks) is the one on record, not a second for
// the officer to read twice, and the second answer says so.
func TestMinuteCommentTwiceIsOneComment(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	wantShown(t, k.say(graeme, "/minutes comment 9 The figures were for the last quarter."), "Your correction to minute 9 is recorded")
	again := k.say(graeme, "/minutes comment 9 The figures were for the last quarter.")
	wantShown(t, again, "You had already proposed this correction to minute 9; nothing changed.")
	if strings.Contains(again, "is recorded") {
		t.Errorf("the correction sent again is answered as if it were new:\n%s", again)
	}
	k.must(neil, "/minutes comment 9 The figures were for the last quarter.")
	rows, err := k.db.SQL().Query(`SELECT by_user FROM minute_comments ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var by []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			t.Fatal(err)
		}
		by = append(by, u)
	}
	if diff := cmp.Diff(by, []string{graeme, neil}); diff != "" {
		t.Errorf("corrections on record, by whom (-got +want):\n%s", diff)
	}
}

// TestResolveOrMinuteSentTwice: the same /resolve or /minute sent again —
// retyped, or pasted twice — changes nothing and says so, showing the
// minute as it stands, and the minute's history records it once.
func TestResolveOrMinuteSentTwice(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(ian, "/minute 7.7 The Board considered the report.")
	for _, tc := range []struct{ line, want string }{
		{"/resolve 7.7 That the report be noted.", "Minute 9's RESOLVED text already reads so; nothing changed."},
		{"/minute 7.7 The Board considered the report.", "Minute 9's narrative already reads so; nothing changed."},
	} {
		got := k.say(sue, tc.line)
		wantShown(t, got, tc.want, "The Board considered the report.", "RESOLVED: That the report be noted.")
		if strings.Contains(got, "Resolved under") || strings.Contains(got, "Minuted under") {
			t.Errorf("%s sent again says it was recorded:\n%s", tc.line, got)
		}
	}
	h := k.say(sue, "/history minutes")
	if n := strings.Count(h, "resolved, recorded by"); n != 1 {
		t.Errorf("the resolution is in the history %d times:\n%s", n, h)
	}
	if n := strings.Count(h, "minuted by"); n != 1 {
		t.Errorf("the narrative is in the history %d times:\n%s", n, h)
	}
	// A changed text is still recorded.
	wantShown(t, k.say(sue, "/resolve 7.7 That the report be noted and circulated."), "Resolved under item 7.7: minute 9")
}

// TestResolveAgainSaysWhatItReplaced: a second /resolve (or /minute) under
// an item replaces the first, as README says; a clerk who meant to add a
// second decision learns so from the answer, which says it replaced the
// earlier text and shows it, as /minutes amend does, rather than reading
// like a first recording.
func TestResolveAgainSaysWhatItReplaced(t *testing.T) {
	k := decDay(t)
	r := k.must(ian, "/resolve 7.7 That the report be noted.")
	if got := shown(r); strings.Contains(got, "replaces") || strings.Contains(got, "It read") {
		t.Errorf("a first decision says it replaced one:\n%s", got)
	}
	k.must(ian, "/minute 7.7 The Board considered the report.")
	for _, tc := range []struct{ line, want, was string }{
		{"/resolve 7.7 That the figures be circulated to partners.",
			"Resolved under item 7.7: minute 9 of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*. This replaces its earlier RESOLVED text (kept in `/history minutes`); to record both, send them together: `/resolve 7.7 That (1) …; and (2) …`.",
			"*It read*\nThat the report be noted."},
		{"/minute 7.7 The Board heard the report of Sefton CVS.",
			"Minuted under item 7.7: minute 9 of the meeting on Thursday 10 December 2026, *draft — not yet confirmed*. This replaces its earlier narrative (kept in `/history minutes`).",
			"*It read*\nThe Board considered the report."},
	} {
		wantShown(t, k.say(ian, tc.line), tc.want, tc.was)
	}
	got := decMinutes(k, decHeldOn.Start(london))
	want := "9 draft SEFTON CVS | The Board heard the report of Sefton CVS. | That the figures be circulated to partners."
	if len(got) != 1 || got[0] != want {
		t.Errorf("minutes recorded: %q, want [%q]", got, want)
	}
}

// TestMinutesHistoryEachStepOnce: the minutes' history lists each step
// once, who took it and when, and what it changed: a decision or a
// narrative recorded again over one already there says it replaced it and
// what it read, as the answer to it did, rather than reading as a second
// decision or the same minute written twice; a step that changed nothing
// is not listed, and corrections and amendments follow in order.
func TestMinutesHistoryEachStepOnce(t *testing.T) {
	k := decDay(t)
	for _, s := range []struct{ user, line string }{
		{ian, "/resolve 7.7 That the report be noted."},
		{ian, "/minute 7.7 The Board considered the report."},
		{sue, "/resolve 7.7 That the report be noted and circulated."},
		{ian, "/minute 7.7 The Board heard the report of Sefton CVS."},
		{ian, "/minute 7.7 The Board heard the report of Sefton CVS."},
		{ian, "/resolve 7.7 NOTED: The report was noted."},
	} {
		k.must(s.user, s.line)
	}
	k.must(sue, "/meeting close")
	k.must(neil, "/minutes comment 9 The report was by the deputy chief executive.")
	k.must(ian, "/minutes amend 9 The Board heard the report of the deputy chief executive of Sefton CVS.")
	h := k.say(sue, "/history minutes 10 December 2026")
	m := "10 Dec 2026 10:30 — minute 9: "
	inOrder(t, h,
		m+"resolved, recorded by <@UIAN>: “That the report be noted.”\n",
		m+"minuted by <@UIAN>: “The Board considered the report.”\n",
		m+"resolved again by <@USUE>, replacing its RESOLVED text. It read: “That the report be noted.” Now: “That the report be noted and circulated.”\n",
		m+"minuted again by <@UIAN>, replacing its narrative. It read: “The Board considered the report.” Now: “The Board heard the report of Sefton CVS.”\n",
		m+"resolved again by <@UIAN> as NOTED, replacing its RESOLVED text. It read: “That the report be noted and circulated.” Now: “The report was noted.”\n",
		m+"correction proposed by <@UNEIL>: “The report was by the deputy chief executive.”\n",
		m+"narrative amended by <@UIAN>. It read: “The Board heard the report of Sefton CVS.” Now: “The Board heard the report of the deputy chief executive of Sefton CVS.”")
	if n := strings.Count(h, "minute 9:"); n != 7 {
		t.Errorf("the history has %d lines for minute 9, want one for each of the 7 steps:\n%s", n, h)
	}
	// One minute's history reads the same.
	wantShown(t, k.say(neil, "/history resolution 10 December 2026 9"),
		"minute 9: resolved again by <@USUE>, replacing its RESOLVED text. It read: “That the report be noted.” Now: “That the report be noted and circulated.”")
}

// TestResolveAgainNamesTheWordReplaced: a decision recorded under another
// word than the one it replaces says which left the minutes — the earlier
// NOTED, not the RESOLVED just typed — both ways round.
func TestResolveAgainNamesTheWordReplaced(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 6 NOTED: the policing update.")
	wantShown(t, k.say(ian, "/resolve 6 That the policing update be noted and the Superintendent thanked."),
		"This replaces its earlier NOTED text (kept in `/history minutes`)", "*It read*\nthe policing update.")
	wantShown(t, k.say(ian, "/resolve 6 NOTED: the policing update, with thanks."),
		"This replaces its earlier RESOLVED text (kept in `/history minutes`)")
}

// TestResolutionByItemNumber: someone reading the agenda asks for a
// meeting's decision by its item's number; minutes written in Quorum are
// numbered on from the last meeting's, so item 7.7 is minute 9, and the
// reply shows that minute and says so rather than finding nothing.
func TestResolutionByItemNumber(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	got := k.say(neil, "/resolution 10/12/2026 7.7")
	wantShown(t, got, "No minute of the meeting on Thursday 10 December 2026 is numbered 7.7; its agenda item 7.7 is minute 9.",
		"RESOLVED: That the report be noted.", "[Share minute 9 in channel]")
	// A minute of that number is what is shown when there is one.
	wantShown(t, k.say(neil, "/resolution 10/12/2026 9"), "minute 9 of the meeting on Thursday 10 December 2026")
	// An item with nothing recorded is not on record.
	wantShown(t, k.say(neil, "/resolution 10/12/2026 7.5"), "No minute 7.5 of the meeting on Thursday 10 December 2026")
}

// TestDecisionsNameTheItemAsPrinted: "Item 7.7" and "Minute 9", as the
// agenda and the minutes print them, are the item's and the minute's
// numbers.
func TestDecisionsNameTheItemAsPrinted(t *testing.T) {
	k := decDay(t)
	wantShown(t, k.say(ian, "/resolve item 7.7 That the report be noted."), "Resolved under item 7.7: minute 9")
	wantShown(t, k.say(ian, "/minute Item 7.7: The Board heard the report."), "Minuted under item 7.7: minute 9")
	wantShown(t, k.say(ian, "/minutes amend Minute 9 The Board heard the report of Sefton CVS."), "Minute 9 amended")
	wantShown(t, k.say(graeme, "/minutes comment minute 9 It was the quarter's report."), "Your correction to minute 9 is recorded")
	// A minute whose text starts with the word is not mistaken for it.
	wantShown(t, k.say(ian, "/minute 7.7 Item noted."), "Item noted.")
}

// TestResolveNextIsRefused: `next` names the meeting still to come, which
// has taken no decisions: /resolve next and /minute next are refused, not
// written into the last meeting's minutes.
func TestResolveNextIsRefused(t *testing.T) {
	k := decDay(t)
	k.now = time.Date(2026, 12, 10, 12, 0, 0, 0, london)
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	for _, line := range []string{"/resolve next 7.7 That the report be noted.", "/minute next 7.7 The Board heard the report."} {
		attRefused(k, ian, line, "The next meeting has not taken place yet; decisions are recorded during or after it. For the meeting in progress or the last one held, leave out `next`: `"+strings.Fields(line)[0]+" 7.7 …`.")
	}
	if got := decMinutes(k, decHeldOn.Start(london)); len(got) != 0 {
		t.Errorf("lines refused were minuted for the last meeting: %q", got)
	}
}

// TestMinutesApprovalWeighsCorrections: a correction a member proposed
// holds up the confirmation of the minutes until a change to its minute
// follows it, or the chair confirms them as they stand; a correction to
// another minute still holds it up.
func TestMinutesApprovalWeighsCorrections(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(neil, "/minutes comment 9 Please record that the figures go to partners.")
	attRefused(k, sue, "/minutes approve 10/12/2026", "• Minute 9 — <@UNEIL>: “Please record that the figures go to partners.”")
	k.now = k.now.Add(time.Hour)
	k.must(ian, "/minutes amend 9 RESOLVED: That the report be noted and the figures go to partners.")
	k.must(graeme, "/minutes comment 4 Graeme Robson gave his apologies.")
	got := k.say(sue, "/minutes approve 10/12/2026")
	if !strings.Contains(got, "• Minute 4 — <@UGRAEME>") || strings.Contains(got, "Minute 9 —") {
		t.Errorf("approval with minute 9 amended after Neil's correction and Graeme's to minute 4 standing:\n%s", got)
	}
	k.must(neil, "/minutes comment 4 The date was wrong.")
	k.must(neil, "/minutes comment 2 No declarations were made.")
	// Confirmed over them, the record says the corrections were set
	// aside, not only that the minutes were confirmed.
	r := k.must(sue, "/minutes approve 10/12/2026 as they stand")
	if r.Visibility != commands.Public {
		t.Error("the confirmation of minutes is not announced in the channel")
	}
	wantShown(t, r.Text, "are confirmed as a correct record as they stand, by correspondence, by <@USUE>, setting aside 3 corrections to minutes 4 and 2 that members proposed and no amendment followed.")
	if n := attRows(k, `SELECT count(*) FROM minutes_approvals`); n != 1 {
		t.Errorf("%d approvals on record, want 1", n)
	}
	wantShown(t, k.say(sue, "/history minutes 10/12/2026"),
		"confirmed as a correct record as they stood, by correspondence, by <@USUE>, setting aside 3 corrections to minutes 4 and 2 that members proposed and no amendment followed")
	if n := attRows(k, `SELECT count(*) FROM audit_log WHERE action = 'minutes.approve' AND detail->'set_aside' = '["4", "4", "2"]'`); n != 1 {
		t.Errorf("%d audit entries of the confirmation name the corrections set aside, want 1", n)
	}
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var approvals []string
	for _, c := range changes {
		if c.Action == "approved" {
			approvals = append(approvals, c.Detail)
		}
	}
	// In the words the channel was given.
	if want := []string{"by correspondence; as they stood, setting aside 3 corrections to minutes 4 and 2 that members proposed and no amendment followed"}; !slices.Equal(approvals, want) {
		t.Errorf("the export's confirmation of the minutes: %q, want %q", approvals, want)
	}
}

// TestChairSeesCorrections: the chair, who confirms the minutes, sees the
// corrections members proposed with the draft, as the officer does; a
// member does not.
func TestChairSeesCorrections(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(neil, "/minutes comment 9 Please record that the figures go to partners.")
	wantShown(t, k.say(sue, "/minutes draft"), "*Corrections proposed by members*", "Please record that the figures go to partners.", "`as they stand`")
	if got := k.say(graeme, "/minutes draft"); strings.Contains(got, "Corrections proposed by members") {
		t.Errorf("a member sees the corrections proposed:\n%s", got)
	}
}

// TestMinuteCommentOnADay: a correction may name the meeting's day before
// the minute's number, as the draft is read ("10/12/2026 9"); a day with
// no such minute says so, and a minute numbered like a day is still read
// as that minute.
func TestMinuteCommentOnADay(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.steps([]step{
		{graeme, "/minutes comment 2026-12-10 9 The figures were for the last quarter.", []string{"Your correction to minute 9 is recorded"}},
		{graeme, "/minutes comment 10 December 2026 minute 9 Please name the presenter.", []string{"Your correction to minute 9 is recorded"}},
		{graeme, "/minutes comment 2026-12-11 9 Wrong day.", []string{"No minute 9 of the meeting on Friday 11 December 2026 is on record."}},
		{ian, "/minutes amend 10/12/2026 9 The Board considered the report.", []string{"Minute 9 amended"}},
	})
	if n := attRows(k, `SELECT count(*) FROM minute_comments`); n != 2 {
		t.Errorf("%d corrections on record, want 2", n)
	}
}

// TestMinuteCommentForSomeone: an officer or the chair enters a correction
// a member sent some other way (by email, on paper) for them, or for
// someone not in Slack by name: it is theirs under the draft and in the
// history, which says who entered it, and the member follows it as their
// own. A member cannot enter one for someone else.
func TestMinuteCommentForSomeone(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.steps([]step{
		{graeme, "/minutes comment for <@UNEIL> 9 The figures were for the last quarter.", []string{"Only an officer or the chair of Safer Sefton Together can enter a correction for someone else."}},
		{ian, "/minutes comment for <@UNEIL> 9 The figures were for the last quarter.", []string{"The correction to minute 9 from <@UNEIL> is recorded; the officer sees it with the draft minutes."}},
		{ian, "/minutes comment for <@UNEIL> 9 The figures were for the last quarter.", []string{"This correction to minute 9 from <@UNEIL> was already entered for them by you; nothing changed."}},
		{sue, `/minutes comment for "Jo Smith (Sefton CVS & Co)" 9 Jo Smith presented the report.`, []string{"The correction to minute 9 from Jo Smith (Sefton CVS &amp; Co) is recorded"}},
		{ian, `/minutes comment for "Neil Frackelton" 9 The figures were for the last quarter.`, []string{"This correction to minute 9 from <@UNEIL> was already entered for them by you; nothing changed."}},
		{ian, "/minutes comment for neil 9 The figures were for the last quarter.", []string{"`/minutes comment for` names someone by mention or in quotes: did you mean Neil Frackelton (SWACA)?", "`/minutes comment for \"Neil Frackelton\" MINUTE TEXT`"}},
	})
	wantShown(t, k.say(ian, "/minutes draft"),
		"• Minute 9 — <@UNEIL> _(entered by <@UIAN>)_,",
		"• Minute 9 — Jo Smith (Sefton CVS &amp; Co) _(entered by <@USUE>)_,")
	inOrder(t, k.say(ian, "/history minutes"),
		"minute 9: correction proposed by <@UNEIL> _(entered by <@UIAN>)_: “The figures were for the last quarter.”",
		"minute 9: correction proposed by Jo Smith (Sefton CVS &amp; Co) _(entered by <@USUE>)_: “Jo Smith presented the report.”")
	mine := k.say(neil, "/history minutes")
	wantShown(t, mine, "minute 9: correction proposed by <@UNEIL> _(entered by <@UIAN>)_: “The figures were for the last quarter.”")
	if strings.Contains(mine, "Jo Smith") {
		t.Errorf("neil's history shows another's correction:\n%s", mine)
	}
	// His Home says who entered it, as it does for apologies entered for
	// him: he did not send it here himself.
	sec, _ := attSection(k, neil, "Your corrections to the minutes")
	wantShown(t, sec.Text, "• Minute 9 of 10 Dec 2026: “The figures were for the last quarter.” _(entered by <@UIAN>)_ — _proposed; not acted on yet_")
}

// TestMinuteCommentAlreadyEnteredForThem: a correction sent again is the
// one on record, and the answer says who entered it, as the history
// does: a member sending what an officer entered for them is not told
// they had proposed it, the chair entering again what the officer entered
// is not told the member had, and a member's own, entered again by the
// officer, is said to be the member's.
func TestMinuteCommentAlreadyEnteredForThem(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(ian, "/minutes comment for <@UNEIL> 9 The figures were for the last quarter.")
	k.must(graeme, "/minutes comment 9 Please name the presenter.")
	k.steps([]step{
		{neil, "/minutes comment 9 The figures were for the last quarter.", []string{"This correction to minute 9 was already proposed for you, entered by <@UIAN>; nothing changed."}},
		{sue, "/minutes comment for <@UNEIL> 9 The figures were for the last quarter.", []string{"This correction to minute 9 from <@UNEIL> was already entered for them by <@UIAN>; nothing changed."}},
		{ian, "/minutes comment for <@UGRAEME> 9 Please name the presenter.", []string{"<@UGRAEME> had already proposed this correction to minute 9; nothing changed."}},
	})
	if got := k.say(neil, "/minutes comment 9 The figures were for the last quarter."); strings.Contains(got, "You had already proposed") {
		t.Errorf("neil is told he proposed what the officer entered for him:\n%s", got)
	}
	if n := attRows(k, `SELECT count(*) FROM minute_comments`); n != 2 {
		t.Errorf("%d corrections on record, want 2", n)
	}
}

// TestResolveWhileInquorate: a decision recorded while the meeting in
// progress lacks its quorum for the item (here, because the one member
// present withdraws for it) is recorded as sent, the chair is told the
// meeting is inquorate for it, and the draft minutes note it; a quorate
// item says nothing of it.
func TestResolveWhileInquorate(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/committee quorum 2")
	k.must(neil, "/here")
	k.must(graeme, "/here")
	r := k.must(sue, "/resolve 7.7 That the report be noted.")
	if strings.Contains(r.Text, "inquorate") {
		t.Errorf("a quorate item is said to be inquorate: %q", r.Text)
	}
	k.must(neil, "/declare 7.5 pecuniary Employed by SWACA")
	r = k.must(sue, "/resolve 7.5 That the report be noted.")
	wantShown(t, shown(r), "Resolved under item 7.5",
		"The meeting is *inquorate* for item 7.5 (1 present, quorum 2; Neil Frackelton withdraws for it): business done without a quorum is not the committee's. The decision is recorded as sent, and the draft minutes note that it was recorded while the meeting was inquorate; the chair may adjourn the meeting (`/meeting adjourn`).")
	// The draft says so under the item, and not under the quorate one.
	draft := k.say(ian, "/minutes draft")
	if n := strings.Count(draft, "[Note: recorded at "); n != 1 ||
		!strings.Contains(draft, "when the meeting was inquorate (1 voting member present, quorum 2; Neil Frackelton did not count for the item): not a decision of the committee.]") {
		t.Errorf("the draft does not note the decision recorded without a quorum, once:\n%s", draft)
	}
}

// TestMinutesCommentOnAnyMinuteOfTheDraft: a member proposes a correction
// to any minute the draft shows, including those written from the records
// (apologies, declarations, the previous minutes) and one with nothing
// recorded yet; the draft still shows the paragraph drawn from the
// records, lists the correction for the officer, and confirmation weighs
// it as any other until the minute is amended.
func TestMinutesCommentOnAnyMinuteOfTheDraft(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.steps([]step{
		{neil, "/minutes comment 2 My interest in item 5 was as a parent", []string{"Your correction to minute 2 is recorded"}},
		{neil, "/minutes comment 2026-12-10 1 I sent my apologies by email.", []string{"Your correction to minute 1 is recorded"}},
		{ian, `/minutes comment for "Jo Smith (Sefton CVS)" 3 The previous minutes were circulated late.`, []string{"The correction to minute 3 from Jo Smith (Sefton CVS) is recorded"}},
		{neil, "/minutes comment 2 My interest in item 5 was as a parent", []string{"You had already proposed this correction to minute 2; nothing changed."}},
		{neil, "/minutes comment 99 No such minute.", []string{"The draft minutes of the meeting on Thursday 10 December 2026 have minutes 1 to 9; there is no minute 99."}},
	})
	draft := k.say(ian, "/minutes draft 2026-12-10")
	wantShown(t, draft,
		"```\n2. DECLARATIONS OF INTEREST\n\nNo declarations of any disclosable pecuniary interests or personal interests were received.",
		"```\n3. MINUTES OF PREVIOUS MEETING",
		"• Minute 2 — <@UNEIL>", "My interest in item 5 was as a parent",
		"• Minute 1 — <@UNEIL>", "• Minute 3 — Jo Smith (Sefton CVS) _(entered by <@UIAN>)_")
	// Nothing else of the meeting reads as recorded for a minute only
	// commented on: /resolution finds no minute 2.
	if got := k.say(graeme, "/resolution 2026-12-10 2"); strings.Contains(got, "DECLARATIONS OF INTEREST") {
		t.Errorf("/resolution shows a minute only commented on:\n%s", got)
	}
	attRefused(k, sue, "/minutes approve 10/12/2026",
		"• Minute 2 — <@UNEIL>: “My interest in item 5 was as a parent”",
		"• Minute 1 — <@UNEIL>: “I sent my apologies by email.”",
		"• Minute 3 — Jo Smith (Sefton CVS) _(entered by <@UIAN>)_")
	k.now = k.now.Add(time.Hour)
	k.must(ian, "/minutes amend 2 Neil Frackelton declared a personal interest in Minute No. 5 as a parent of a pupil.")
	got := k.say(sue, "/minutes approve 10/12/2026")
	if strings.Contains(got, "Minute 2 —") || !strings.Contains(got, "• Minute 1 — <@UNEIL>") {
		t.Errorf("approval after minute 2 was amended:\n%s", got)
	}
	inOrder(t, k.say(ian, "/history minutes 2026-12-10"),
		"minute 2: correction proposed by <@UNEIL>: “My interest in item 5 was as a parent”",
		"minute 2: narrative amended by <@UIAN>, in place of the paragraph drawn from the records. It read: “No declarations of any disclosable pecuniary interests or personal interests were received.” Now: “Neil Frackelton declared a personal interest in Minute No. 5 as a parent of a pupil.”")
	// Confirmed, the minutes written from the records are closed as the
	// others are.
	k.must(sue, "/minutes approve 10/12/2026 as they stand")
	k.steps([]step{
		{neil, "/minutes comment 2026-12-10 3 Too late.", []string{"Minute 3 (Thursday 10 December 2026) is confirmed as a correct record and can no longer be commented on."}},
		{ian, "/minutes amend 2026-12-10 1 Too late.", []string{"Minute 1 (Thursday 10 December 2026) is confirmed as a correct record and can no longer be changed."}},
	})
}

// TestMinutesAmendAnyMinuteOfTheDraft: the officer amends any minute the
// draft shows. One written from the records takes the officer's text in
// place of the paragraph drawn from them, in the draft and its history;
// one with nothing recorded yet is minuted as /minute would, and no
// longer stops the minutes being confirmed. A number the draft does not
// show is refused, naming those it does.
func TestMinutesAmendAnyMinuteOfTheDraft(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/apologies 10/12/2026 Unwell")
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	r := k.must(ian, "/minutes amend 2026-12-10 1 Apologies were received from Trish Hardy.")
	wantShown(t, shown(r), "Minute 1 amended", "Apologies were received from Trish Hardy.", "*It read*", "Apologies for absence were received from Neil Frackelton (SWACA).")
	k.steps([]step{
		{ian, "/minutes amend 2026-12-10 4 The item was deferred.", []string{"Minute 4 amended", "The item was deferred."}},
		{ian, "/minutes amend 2026-12-10 4 The item was deferred.", []string{"Minute 4's narrative already reads so; nothing changed."}},
		{ian, "/minutes amend 2026-12-10 99 The item was deferred.", []string{"The draft minutes of the meeting on Thursday 10 December 2026 have minutes 1 to 9; there is no minute 99."}},
		{neil, "/minutes amend 2026-12-10 1 I was there.", []string{"Only an officer"}},
	})
	draft := k.say(ian, "/minutes draft 2026-12-10")
	wantShown(t, draft, "```\n1. APOLOGIES FOR ABSENCE\n\nApologies were received from Trish Hardy.", "```\n4. ")
	if strings.Contains(draft, "received from Neil Frackelton") {
		t.Errorf("the draft still shows the paragraph drawn from the records:\n%s", draft)
	}
	if strings.Contains(draft[strings.Index(draft, "```\n4. "):], "[Nothing recorded yet") && !strings.Contains(draft, "```\n5. ") {
		t.Errorf("minute 4 still has nothing recorded:\n%s", draft)
	}
	inOrder(t, k.say(ian, "/history minutes 2026-12-10"),
		"minute 1: narrative amended by <@UIAN>, in place of the paragraph drawn from the records. It read: “Apologies for absence were received from Neil Frackelton (SWACA).” Now: “Apologies were received from Trish Hardy.”",
		"minute 4: amended by <@UIAN>. Now: “The item was deferred.”")
	// Minute 4 no longer stops confirmation; the other items still do,
	// a correction proposed to one with nothing recorded included.
	k.must(neil, "/minutes comment 5 This item was not reached.")
	wantShown(t, k.say(ian, "/minutes draft 2026-12-10"), "```\n5. PROVISION OF ALTERNATIVE EDUCATION SETTINGS\n\n[Nothing recorded yet")
	got := k.say(sue, "/minutes approve 10/12/2026")
	if strings.Contains(got, "minute 4 (") || !strings.Contains(got, "minute 5 (") {
		t.Errorf("approval after minute 4 was amended:\n%s", got)
	}
}

// TestMinutesCorrectionGivenAnItemsNumber: /minutes comment and amend
// given an agenda item's number, as /resolve takes it ("7.5", "Item 7.5"),
// are answered with the minute that item is, and nothing is recorded; the
// meeting's day before "Item 7.5" is not taken for the number.
func TestMinutesCorrectionGivenAnItemsNumber(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/agenda add 2026-12-10 8 Any Other Business")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.steps([]step{
		// Item 7.5, with nothing minuted, is listed in the minute of item
		// 7 (Any Other Business), under which it is numbered.
		{neil, "/minutes comment 2026-12-10 Item 7.5 The SWACA figures were for Q3.", []string{"there is no minute 7.5. Item 7.5 is listed in minute 7: give that minute's number, 7."}},
		{neil, "/minutes comment Item 7.5 The SWACA figures were for Q3.", []string{"there is no minute 7.5. Item 7.5 is listed in minute 7: give that minute's number, 7."}},
		{ian, "/minutes amend 2026-12-10 7.7 That the report be noted and circulated.", []string{"there is no minute 7.7. Item 7.7 is minute 8: give the minute's number, 8."}},
		{neil, "/minutes comment 2026-12-10 about 7.5", []string{"`about` is not a minute number."}},
		// Minute 8 is item 7.7's: "Item 8" does not correct it, and the
		// answer gives the minute item 8 is; item 9 there is none of.
		{neil, "/minutes comment Item 8 The date was wrong.", []string{"Minute 8 is not item 8's. Item 8 is minute 9: give the minute's number, 9."}},
		{neil, "/minutes comment Item 9 The date was wrong.", []string{"Minute 9 is not item 9's: give the number of the minute, as the draft minutes show it (`/minutes draft 2026-12-10`)."}},
	})
	if n := attRows(k, `SELECT count(*) FROM minute_comments`); n != 0 {
		t.Errorf("%d corrections on record, want none", n)
	}
	k.must(neil, "/minutes comment 2026-12-10 Minute 8 The SWACA figures were for Q3.")
}

// TestMinutesCommentWhichMeetingWithoutADay: without the meeting's day, a
// correction goes to the latest minute of that number, and a draft minute
// on record is meant before one of a later meeting's draft with nothing
// recorded in it: in a new municipal year the numbers start again, and
// members correct the previous minutes at the meeting that confirms them.
func TestMinutesCommentWhichMeetingWithoutADay(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(ian, "/minutes amend 2 No declarations of interest were made.")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-06-10 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 6, 10, 12, 0, 0, 0, london)
	k.steps([]step{
		{neil, "/minutes comment 2 I declared an interest in item 5.", []string{"Your correction to minute 2 is recorded"}},
		{neil, "/minutes comment 3 The previous minutes were not circulated.", []string{"Your correction to minute 3 is recorded"}},
		{neil, "/minutes comment 2027-06-10 2 Nothing to declare today.", []string{"Your correction to minute 2 is recorded"}},
	})
	december := k.say(ian, "/history minutes 2026-12-10")
	wantShown(t, december, "minute 2: correction proposed by <@UNEIL>: “I declared an interest in item 5.”")
	june := k.say(ian, "/history minutes 2027-06-10")
	wantShown(t, june, "minute 3: correction proposed by <@UNEIL>: “The previous minutes were not circulated.”",
		"minute 2: correction proposed by <@UNEIL>: “Nothing to declare today.”")
	if strings.Contains(december, "not circulated") || strings.Contains(june, "item 5") {
		t.Errorf("corrections under the wrong meeting:\n%s\n\n%s", december, june)
	}
}

// TestMinutesCorrectedFromTheRecords: a correction proposed to a minute
// the draft writes from the records (minute 1, the apologies) makes no
// minutes "drafted" where nothing is, and the minute's own history shows
// the correction.
func TestMinutesCorrectedFromTheRecords(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(neil, "/minutes comment 2026-12-10 1 I sent my apologies by email.")
	ms, err := k.db.DraftMinutesMeetings(context.Background(), k.committee().ID, 5)
	if err != nil || len(ms) != 0 {
		t.Errorf("meetings with minutes drafted: %d (%v); want none, for nothing is minuted", len(ms), err)
	}
	wantShown(t, k.say(neil, "/history resolution 2026-12-10 1"), "I sent my apologies by email.")
}

// minutedMeanwhile is the kit's database with another item's minute
// written under the number a correction makes, between the command's
// reading of the draft and its write: the agenda renumbered and `/minute`
// sent at that moment.
type minutedMeanwhile struct {
	*storage.DB
	t *testing.T
}

func (m minutedMeanwhile) CommentMinute(ctx context.Context, minuteID int64, item *commands.MinuteWrite, k commands.MinuteComment, notice *commands.OutboxMessage) error {
	if item != nil {
		if _, err := m.SQL().Exec(`INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, refs, held_on, resolved, status, item_number)
			VALUES ($1, $2, $3, 99, 'ANY OTHER BUSINESS', 'Written meanwhile.', '{}', $4, '', 'draft', 'AOB')`,
			item.MeetingID, item.CommitteeID, item.Number, fmt.Sprintf("%04d-%02d-%02d", item.HeldOn.Year, item.HeldOn.Month, item.HeldOn.Day)); err != nil {
			m.t.Fatal(err)
		}
	}
	return m.DB.CommentMinute(ctx, minuteID, item, k, notice)
}

// TestCommentOnAMinuteNumberedMeanwhile: a correction to a minute the
// draft shows, whose number another item's minute took as it was sent, is
// refused with what to do, not as minutes confirmed, and nothing of it is
// saved.
func TestCommentOnAMinuteNumberedMeanwhile(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.svc = commands.New(minutedMeanwhile{DB: k.db, t: t}, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden"})
	attRefused(k, graeme, "/minutes comment 4 Graeme Robson gave his apologies.",
		"The minutes changed as you sent this; look at `/minutes draft` and send it again. Nothing was saved.")
	if n := attRows(k, `SELECT count(*) FROM minute_comments`); n != 0 {
		t.Errorf("%d corrections saved, want none", n)
	}
}

// numberedMeanwhile is the kit's database with another item's minute
// written under the number `/resolve` or `/minute` worked out, between the
// command's reading of the agenda and its write: the agenda renumbered and
// another item minuted at that moment.
type numberedMeanwhile struct {
	*storage.DB
	t *testing.T
}

func (m numberedMeanwhile) WriteMinute(ctx context.Context, w commands.MinuteWrite) (commands.Minute, error) {
	if _, err := m.SQL().Exec(`INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, refs, held_on, resolved, status, item_number)
		VALUES ($1, $2, $3, 99, 'ANY OTHER BUSINESS', 'Written meanwhile.', '{}', $4, '', 'draft', 'AOB ' || $3)`,
		w.MeetingID, w.CommitteeID, w.Number, fmt.Sprintf("%04d-%02d-%02d", w.HeldOn.Year, w.HeldOn.Month, w.HeldOn.Day)); err != nil {
		m.t.Fatal(err)
	}
	return m.DB.WriteMinute(ctx, w)
}

// TestMinuteNumberedMeanwhile: `/resolve` and `/minute` under an item
// whose minute number another item's minute took as they were sent are
// refused with what to do, not as minutes confirmed, and nothing of them
// is saved.
func TestMinuteNumberedMeanwhile(t *testing.T) {
	k := decDay(t)
	k.svc = commands.New(numberedMeanwhile{DB: k.db, t: t}, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden"})
	for _, line := range []string{"/resolve 7.7 That the report be noted.", "/minute 7.5 The Board heard the report."} {
		r := k.run(ian, line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", line, shown(r))
		}
		wantShown(t, shown(r), "The minutes changed as you sent this; look at `/minutes draft` and send it again. Nothing was saved.")
		if strings.Contains(shown(r), "confirmed as a correct record") {
			t.Errorf("%s: told the minutes are confirmed:\n%s", line, shown(r))
		}
	}
	if n := attRows(k, `SELECT count(*) FROM minutes WHERE item_number IN ('7.5', '7.7')`); n != 0 {
		t.Errorf("%d minutes of items 7.5 and 7.7 saved, want none", n)
	}
	if n := attRows(k, `SELECT count(*) FROM minute_history`); n != 0 {
		t.Errorf("%d minute histories saved, want none", n)
	}
}

// TestCorrectionLeavesTheNextMinutesNumbered: a correction proposed to a
// minute the draft writes from the records keeps that minute at the number
// the draft showed, and does not count as a minute on record when the next
// meeting's minutes are numbered: that meeting's first minute is the
// number it would have been without the correction, not one after it.
func TestCorrectionLeavesTheNextMinutesNumbered(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-11-26 10:00 Remote Meeting")
	k.must(neil, "/apologies 26/11/2026 Unwell")
	k.now = time.Date(2026, 11, 27, 9, 0, 0, 0, london)
	k.must(graeme, "/minutes comment 2026-11-26 1 I sent my apologies too.")
	wantShown(t, k.say(ian, "/minutes draft 2026-11-26"),
		"```\n1. APOLOGIES FOR ABSENCE\n\nApologies for absence were received from Neil Frackelton (SWACA).",
		"• Minute 1 — <@UGRAEME>")

	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/minutes draft"), "```\n1. APOLOGIES FOR ABSENCE", "numbering starts at 1")
	wantShown(t, k.say(ian, "/minute 1 No apologies were received."), "Minuted under item 1: minute 1 of the meeting on Thursday 10 December 2026")
	// The correction still stands on the earlier meeting's minute 1.
	wantShown(t, k.say(ian, "/history minutes 2026-11-26"), "minute 1: correction proposed by <@UGRAEME>: “I sent my apologies too.”")
}

// TestAmendedRecordsMinuteKeepsWhatItRead: amending a minute the draft
// writes from the records keeps, in /history minutes and /history
// resolution, the paragraph the draft drew from the records before, as
// the text the amendment replaced, with who amended it; a further
// amendment reads as any other.
func TestAmendedRecordsMinuteKeepsWhatItRead(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, `/apologies for "Jo Smith (Merseyside Fire & Rescue)" 10/12/2026 Unwell`)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minutes draft 2026-12-10"), "Apologies for absence were received from Jo Smith (Merseyside Fire &amp; Rescue).")
	k.must(ian, "/minutes amend 2026-12-10 1 Apologies were received from Trish Hardy.")
	k.must(ian, "/minutes amend 2026-12-10 2 No declarations of interest were made.")
	k.must(ian, "/minutes amend 2026-12-10 2 No declarations of interest were made at the meeting.")
	first := "minute 1: narrative amended by <@UIAN>, in place of the paragraph drawn from the records. It read: “Apologies for absence were received from Jo Smith (Merseyside Fire &amp; Rescue).” Now: “Apologies were received from Trish Hardy.”"
	inOrder(t, k.say(ian, "/history minutes 2026-12-10"), first,
		"minute 2: narrative amended by <@UIAN>, in place of the paragraph drawn from the records. It read: “No declarations of any disclosable pecuniary interests or personal interests were received.” Now: “No declarations of interest were made.”",
		"minute 2: narrative amended by <@UIAN>. It read: “No declarations of interest were made.” Now: “No declarations of interest were made at the meeting.”")
	got := k.say(neil, "/history resolution 2026-12-10 1")
	wantShown(t, got, first)
	if n := strings.Count(got, "• "); n != 1 {
		t.Errorf("/history resolution 1 has %d lines, want the amendment alone:\n%s", n, got)
	}
}

// TestCorrectionToARecordsMinuteFollowedUp: a correction proposed to a
// minute the draft writes from the records is followed as one to any
// other minute: the officers' Home counts it until the minute is amended,
// the proposer's Home says what became of it, and confirmation is refused
// over it unless the minutes are confirmed as they stand.
func TestCorrectionToARecordsMinuteFollowedUp(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(neil, "/minutes comment 1 I sent my apologies by email.")
	k.must(graeme, "/minutes comment 2 I declared an interest in item 5.")
	officer := func() string {
		t.Helper()
		sec, _ := attSection(k, ian, "Minutes and actions")
		return sec.Text
	}
	corrections := func(user string) string {
		t.Helper()
		sec, _ := attSection(k, user, "Your corrections to the minutes")
		return sec.Text
	}
	wantShown(t, officer(), "Minutes of Thursday 10 December 2026 being taken at the meeting in progress", "2 corrections proposed by members that no amendment has followed.")
	wantShown(t, corrections(neil), "• Minute 1 of 10 Dec 2026: “I sent my apologies by email.” — _proposed; not acted on yet_")
	wantShown(t, corrections(graeme), "• Minute 2 of 10 Dec 2026: “I declared an interest in item 5.” — _proposed; not acted on yet_")

	k.must(ian, "/minutes amend 1 Apologies for absence were received from Neil Frackelton (SWACA), by email.")
	wantShown(t, officer(), "1 correction proposed by members that no amendment has followed.")
	wantShown(t, corrections(neil), "“I sent my apologies by email.” — _the minute was amended after it_")

	k.must(sue, "/meeting close")
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	attRefused(k, sue, "/minutes approve", "• Minute 2 — <@UGRAEME>: “I declared an interest in item 5.”")
	k.must(sue, "/minutes approve as they stand")
	wantShown(t, corrections(neil), "— _confirmed, amended after it_")
	wantShown(t, corrections(graeme), "— _confirmed without an amendment after it_")
}

// TestMinuteOnARecordsItemKeepsWhatItRead: /minute and /resolve on a
// standard item the draft writes from the records (the apologies, the
// previous minutes) say that the officer's text now stands in place of
// what the draft drew, show it, and keep it in the minute's history as
// what the minute read, as /minutes amend does.
func TestMinuteOnARecordsItemKeepsWhatItRead(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, `/apologies for "Jo Smith (Merseyside Fire & Rescue)" 10/12/2026 Unwell`)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	drawn := "Apologies for absence were received from Jo Smith (Merseyside Fire &amp; Rescue)."
	wantShown(t, k.say(ian, "/minutes draft"), drawn)
	got := k.say(ian, "/minute 1 Apologies were received from Jo Smith and Trish Hardy.")
	wantShown(t, got, "It stands in place of the narrative the draft drew from the records (kept in `/history minutes`)", "It read", drawn)
	// Recorded again, it replaces the officer's own text, as for any item.
	got = k.say(ian, "/minute 1 Apologies were received from Jo Smith, Trish Hardy and Neil Frackelton.")
	wantShown(t, got, "This replaces its earlier narrative")
	if strings.Contains(got, "drew from the records") {
		t.Errorf("a second /minute said it replaced the drawn paragraph:\n%s", got)
	}
	wantShown(t, k.say(ian, "/minutes draft"), "Apologies were received from Jo Smith, Trish Hardy and Neil Frackelton.")
	inOrder(t, k.say(ian, "/history minutes"),
		"minute 1: minuted by <@UIAN>, in place of the paragraph drawn from the records. It read: “"+drawn+"” Now: “Apologies were received from Jo Smith and Trish Hardy.”",
		"minute 1: minuted again by <@UIAN>, replacing its narrative. It read: “Apologies were received from Jo Smith and Trish Hardy.” Now: “Apologies were received from Jo Smith, Trish Hardy and Neil Frackelton.”")

	// An item with nothing drawn says nothing of it.
	got = shown(k.must(ian, "/resolve 4 That the report be noted."))
	if strings.Contains(got, "drew from the records") || strings.Contains(got, "It read") {
		t.Errorf("/resolve on an item with nothing drawn spoke of a drawn paragraph:\n%s", got)
	}
}

// TestMinuteOnARecordsItemWithACorrection: /minute on a standard item the
// draft writes from the records, after a member proposed a correction to
// it (which the minute stands on, with no text of its own), says and
// keeps what the draft drew, as it does with none proposed.
func TestMinuteOnARecordsItemWithACorrection(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, `/apologies for "Jo Smith (Merseyside Fire & Rescue)" 10/12/2026 Unwell`)
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	drawn := "Apologies for absence were received from Jo Smith (Merseyside Fire &amp; Rescue)."
	k.must(graeme, "/minutes comment 1 I sent apologies too.")
	wantShown(t, k.say(ian, "/minutes draft"), drawn)
	got := k.say(ian, "/minute 1 Apologies were received from Jo Smith and Graeme Robson.")
	wantShown(t, got, "It stands in place of the narrative the draft drew from the records (kept in `/history minutes`)", "It read", drawn)
	wantShown(t, k.say(ian, "/history minutes"),
		"minute 1: minuted by <@UIAN>, in place of the paragraph drawn from the records. It read: “"+drawn+"” Now: “Apologies were received from Jo Smith and Graeme Robson.”")
}

// A day that is no day, where the meeting's day may come first, is
// answered as the date it is meant to be, not as a minute number.
func TestMinutesCorrectionOnAnImpossibleDay(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.7 The Board considered the report of the Chief Executive of Sefton CVS.")
	k.steps([]step{
		{ian, "/minutes amend 31/02/2027 9 The Board considered it.", []string{"There is no 31 February 2027: February 2027 has 28 days.", "/minutes amend [MEETING-DAY] MINUTE TEXT"}},
		{graeme, "/minutes comment 31/02/2027 9 The figures were for the last quarter.", []string{"There is no 31 February 2027: February 2027 has 28 days.", "/minutes comment [MEETING-DAY] MINUTE TEXT"}},
		// A word that is neither is still answered as no minute number.
		{ian, "/minutes amend nine Something else.", []string{"`nine` is not a minute number."}},
	})
}

// A mention in a minute, a resolution or an action ("That @Graeme …",
// which Slack sends as "<@UGRAEME|graeme>") is kept as the name the
// sender saw, as in an apology's reason: the minutes are read and printed
// long after, where the markup would show as it is.
func TestMentionInAMinuteIsTheName(t *testing.T) {
	k := decDay(t)
	k.steps([]step{
		{ian, "/minute 7.7 The report of <@USUE|sue> was considered.", []string{"The report of @Sue Holden was considered."}},
		{ian, "/resolve 7.7 That <@UGRAEME|graeme> circulate the figures.", []string{"RESOLVED: That @Graeme Robson circulate the figures."}},
		{ian, "/minutes amend 9 The report of <@USUE|sue> was considered, and <@UNEIL> thanked her.", []string{"The report of @Sue Holden was considered, and @Neil Frackelton thanked her."}},
		{graeme, "/minutes comment 9 It was <@UNEIL|neil> who thanked her.", []string{"Your correction to minute 9 is recorded"}},
		{ian, "/action add 9 <@UNEIL> 31/12/2026 Send the figures to <@UGRAEME|graeme>", []string{"Send the figures to @Graeme Robson, due Thursday 31 December 2026"}},
	})
	got := k.say(ian, "/minutes draft")
	wantShown(t, got, "That @Graeme Robson circulate the figures.", "It was @Neil Frackelton who thanked her.")
	if strings.Contains(got, "&lt;@") {
		t.Errorf("the draft shows mention markup:\n%s", got)
	}
}

// An item's number without the text is answered with the text to add
// after it, not with a request for the number just given.
func TestResolveWithoutTheText(t *testing.T) {
	k := decDay(t)
	k.steps([]step{
		{ian, "/resolve 7.7", []string{"Give the text to record under item 7.7, after its number: `/resolve 7.7 That the report be noted.`"}},
		{ian, "/minute Item 7.7", []string{"Give the text to record under item 7.7, after its number: `/minute 7.7 The Board considered the report.`"}},
		// The day typed stays in the form to copy: without it, the text
		// would go to another meeting's minutes.
		{ian, "/minute 10/12/2026 7.7", []string{"Give the text to record under item 7.7, after its number: `/minute 10/12/2026 7.7 The Board considered the report.`"}},
		{ian, "/resolve 10 December 2026 7.7", []string{"Give the text to record under item 7.7, after its number: `/resolve 10 December 2026 7.7 That the report be noted.`"}},
		{ian, "/minutes amend 9", []string{"Give minute 9's new text, after its number: `/minutes amend 9 TEXT`."}},
		{graeme, "/minutes comment 9", []string{"Give the correction to minute 9, after its number: `/minutes comment 9 TEXT`."}},
		{ian, "/minutes amend 10/12/2026 9", []string{"Give minute 9's new text, after its number: `/minutes amend 2026-12-10 9 TEXT`."}},
		{graeme, "/minutes comment 10/12/2026 9", []string{"Give the correction to minute 9, after its number: `/minutes comment 2026-12-10 9 TEXT`."}},
		{ian, "/resolve", []string{"Give the agenda item's number and the text."}},
		{ian, "/minutes amend", []string{"Give the minute's number and the text."}},
	})
}

// TestMinuteAfterResolveOnARecordsItem: on the item of the previous
// minutes, whose narrative the draft writes from the records, a /resolve
// recorded first leaves the narrative drawn; the /minute after it says
// and keeps what the draft drew, as a first /minute would, and the
// resolution stands unchanged beside it in the history.
func TestMinuteAfterResolveOnARecordsItem(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	drawn := "To confirm the Minutes of the previous meeting as a correct record."
	k.must(ian, "/resolve 3 That the minutes of the meeting held on 9 December 2021 be confirmed as a correct record.")
	wantShown(t, k.say(ian, "/minutes draft"), drawn)
	got := k.say(ian, "/minute 3 The minutes of the meeting held on 9 December 2021 were considered.")
	wantShown(t, got, "It stands in place of the narrative the draft drew from the records (kept in `/history minutes`)", "It read", drawn)
	inOrder(t, k.say(ian, "/history minutes"),
		"minute 3: resolved, recorded by <@UIAN>: “That the minutes of the meeting held on 9 December 2021 be confirmed as a correct record.”",
		"minute 3: minuted by <@UIAN>, in place of the paragraph drawn from the records. It read: “"+drawn+"” Now: “The minutes of the meeting held on 9 December 2021 were considered.”")
	// Amended after, the narrative's change is from the officer's text.
	k.must(ian, "/minutes amend 3 The minutes of the meeting held on 9 December 2021 were considered and agreed.")
	wantShown(t, k.say(ian, "/history minutes"),
		"minute 3: narrative amended by <@UIAN>. It read: “The minutes of the meeting held on 9 December 2021 were considered.” Now: “The minutes of the meeting held on 9 December 2021 were considered and agreed.”")
}

// TestMinutesDraftTheDayAfterIsTheMeetingHeld: the day after a meeting at
// which nothing was minuted, /minutes draft shows that meeting's draft,
// the one /minute writes to and /minutes comment corrects, not a preview
// of the next meeting; once its minutes are confirmed, the next one's.
func TestMinutesDraftTheDayAfterIsTheMeetingHeld(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 15:30 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/minutes draft"), "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.")
	wantShown(t, k.say(ian, "/minute 4 The item was deferred to the next meeting."), "of the meeting on Thursday 10 December 2026")
	wantShown(t, k.say(ian, "/minutes draft"), "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026.", "The item was deferred to the next meeting.")
	decComplete(k)
	k.must(ian, "/minutes approve")
	wantShown(t, k.say(ian, "/minutes draft"), "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 14 January 2027.")
}

// TestNextMeetingNumbersOnFromThePreviousDraft: minutes of the next
// meeting recorded while the previous meeting's draft still has items with
// nothing recorded are numbered on from the last number that draft shows,
// not from the last minute written, so that no number of the year is
// given twice; the previous meeting's items keep the numbers their draft
// showed.
func TestNextMeetingNumbersOnFromThePreviousDraft(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 1 Apologies were noted.")
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	before := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, before, "```\n9. SEFTON CVS")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/resolve 1 That the apologies be noted."), "Resolved under item 1: minute 10 of the meeting on Thursday 14 January 2027")
	wantShown(t, k.say(ian, "/minute 2026-12-10 4 The item was deferred."), "Minuted under item 4: minute 4 of the meeting on Thursday 10 December 2026")
	wantShown(t, k.say(ian, "/minutes draft"), "Numbered on from minute 9 of Thursday 10 December 2026, as its draft numbers it.", "```\n10. APOLOGIES FOR ABSENCE")
	if after := k.say(ian, "/minutes draft 10/12/2026"); !strings.Contains(after, "```\n9. SEFTON CVS") || strings.Contains(after, "```\n10.") {
		t.Errorf("the previous meeting's draft after the next meeting's minute:\n%s", after)
	}
}

// TestDraftsOfMeetingsClosedInARowNeverShareANumber: a committee that
// closes its meetings in Quorum and minutes them elsewhere leaves a
// draft behind each, every one holding the numbers its items would take;
// however many there are in the municipal year, each meeting's draft
// numbers on from the one before, and no number is shown by two.
func TestDraftsOfMeetingsClosedInARowNeverShareANumber(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	days := []string{"10/12/2026"}
	for _, d := range []time.Time{
		time.Date(2027, 1, 14, 10, 0, 0, 0, london),
		time.Date(2027, 2, 11, 10, 0, 0, 0, london),
		time.Date(2027, 3, 11, 10, 0, 0, 0, london),
		time.Date(2027, 4, 8, 10, 0, 0, 0, london),
	} {
		k.must(ian, "/meeting schedule "+d.Format("2006-01-02 15:04")+" Bootle Town Hall")
		k.now = d.Add(5 * time.Minute)
		k.must(sue, "/meeting start")
		k.must(sue, "/meeting close")
		days = append(days, d.Format("02/01/2006"))
	}
	k.now = time.Date(2027, 4, 9, 9, 0, 0, 0, london)
	heading := regexp.MustCompile("(?m)^```\n(\\d+)\\. ")
	shownBy := map[string]string{}
	for _, d := range days {
		draft := k.say(ian, "/minutes draft "+d)
		numbers := heading.FindAllStringSubmatch(draft, -1)
		if len(numbers) == 0 {
			t.Fatalf("no numbered minutes in the draft of %s:\n%s", d, draft)
		}
		for _, n := range numbers {
			if was, ok := shownBy[n[1]]; ok {
				t.Errorf("minute %s is shown by the drafts of %s and %s", n[1], was, d)
			}
			shownBy[n[1]] = d
		}
	}
}

// TestMeetingOpenedEarlyNumbersOnFromThePreviousDraft: a meeting opened
// before its advertised start numbers on from the previous meeting's
// draft as one opened on time does, not from 1 again.
func TestMeetingOpenedEarlyNumbersOnFromThePreviousDraft(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 15:30 Bootle Town Hall")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "```\n9. SEFTON CVS")
	k.now = time.Date(2027, 1, 14, 13, 50, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/resolve 1 That the apologies be noted."), "minute 10 of the meeting on Thursday 14 January 2027")
}

// TestMeetingHeldElsewhereLeavesTheDraftBeforeIt: a meeting held
// elsewhere between two (its agenda posted, never opened in Quorum, nothing
// minuted here) numbers nothing of its own, as a meeting known only by its
// records does not; the meeting after it numbers on from the draft of the
// meeting closed here before it, not from 1 again, which that draft shows
// already.
func TestMeetingHeldElsewhereLeavesTheDraftBeforeIt(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "```\n1. APOLOGIES FOR ABSENCE", "```\n9. SEFTON CVS")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 13, 10, 0, 0, 0, london)
	k.must(ian, "/agenda post")
	k.sent()
	k.must(ian, "/meeting schedule 2027-02-11 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 2, 11, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/resolve 1 That the apologies be noted."), "minute 10 of the meeting on Thursday 11 February 2027")
}

// minutesReads is the kit's store, counting the meetings whose minutes
// are read.
type minutesReads struct {
	*storage.DB
	of map[int64]int
}

func (r minutesReads) MeetingMinutes(ctx context.Context, meetingID int64) ([]commands.Minute, error) {
	r.of[meetingID]++
	return r.DB.MeetingMinutes(ctx, meetingID)
}

// TestWrittenDraftSettlesTheNumbersAfterIt: a draft with a minute written
// for every item, waiting to be confirmed, shows the numbers written;
// the next meeting numbers on from its last, and the drafts behind it are
// not read again on every /minute.
func TestWrittenDraftSettlesTheNumbersAfterIt(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "```\n9. SEFTON CVS")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	ctx := context.Background()
	ms, err := k.db.Meetings(ctx, k.committee().ID, time.Date(2026, 12, 10, 0, 0, 0, 0, london), time.Date(2027, 1, 15, 0, 0, 0, 0, london))
	if err != nil || len(ms) != 2 {
		t.Fatalf("meetings: %v, %v", ms, err)
	}
	december, january := ms[0], ms[1]
	items, err := k.db.AgendaItems(ctx, january.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		k.must(ian, "/minute "+it.Number+" The item was considered.")
	}
	k.must(sue, "/meeting close")
	last := fmt.Sprint(9 + len(items))
	wantShown(t, k.say(ian, "/minutes draft 14/01/2027"), "```\n"+last+". ")
	k.must(ian, "/meeting schedule 2027-02-11 10:00 Bootle Town Hall")
	k.now = time.Date(2027, 2, 11, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	reads := minutesReads{DB: k.db, of: map[int64]int{}}
	k.svc = commands.New(reads, people{ian: "Ian Barton", sue: "Sue Holden"})
	next := fmt.Sprint(10 + len(items))
	wantShown(t, k.say(ian, "/minute 1 Apologies were received."), "Minuted under item 1: minute "+next+" of the meeting on Thursday 11 February 2027")
	if n := reads.of[december.ID]; n > 0 {
		t.Errorf("/minute read the minutes of 10 December %d times; the draft of 14 January settles its numbers", n)
	}
}

// TestImportedMinutesWithNoNumbersAreNoDraft: minutes imported for a
// meeting, in which no numbered minute could be read, mark it held with
// nothing minuted; it was not held in Quorum, and its minutes are the
// published ones, not a draft to finish: /minutes draft without a date
// goes on to the next meeting, whose minutes do not number on from its
// agenda.
func TestImportedMinutesWithNoNumbersAreNoDraft(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	text := "SAFER SEFTON TOGETHER\nMEETING HELD AS A MICROSOFT TEAMS REMOTE MEETING\nON 10 DECEMBER 2026\n\nPRESENT:\n\nCouncillor Hardy (in the Chair)\nSuperintendent Graeme Robson.\n\nThe Board discussed partnership matters.\n"
	if _, errs := k.importMinutes(ian, text); len(errs) != 0 {
		t.Fatal(errs)
	}
	ms, err := k.db.Meetings(context.Background(), k.committee().ID, time.Date(2026, 12, 10, 0, 0, 0, 0, london), time.Date(2026, 12, 11, 0, 0, 0, 0, london))
	if err != nil || len(ms) != 1 || ms[0].Status != commands.MeetingHeld {
		t.Fatalf("the meeting the minutes were imported for: %+v %v", ms, err)
	}
	wantShown(t, k.say(ian, "/minutes draft"), "Draft minutes of the meeting of *Safer Sefton Together* on Thursday 14 January 2027.")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/resolve 1 That the apologies be noted."), "Resolved under item 1: minute 1 of the meeting on Thursday 14 January 2027")
}

// TestCorrectionOnlyDraftStillHoldsItsNumbers: a meeting closed in Quorum
// with nothing minuted but a correction a member proposed is still a
// draft: the next meeting numbers on from the numbers it shows.
func TestCorrectionOnlyDraftStillHoldsItsNumbers(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/meeting close")
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(graeme, "/minutes comment 2026-12-10 1 I sent my apologies.")
	wantShown(t, k.say(ian, "/minutes draft 2026-12-10"), "```\n9. SEFTON CVS")
	k.now = time.Date(2027, 1, 14, 10, 5, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(ian, "/resolve 1 That the apologies be noted."), "Resolved under item 1: minute 10 of the meeting on Thursday 14 January 2027")
}

// TestNothingHeldYetNamesTheFirstMeeting: in a committee that has held no
// meeting, what reads or records a meeting held is not sent to a made-up
// date, where it would find nothing, nor /minute to /resolve: the answer
// names the committee's first meeting and how it is opened.
func TestNothingHeldYetNamesTheFirstMeeting(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/meeting schedule 2026-12-03 14:00 Youth Centre")
	k.now = time.Date(2026, 12, 3, 10, 0, 0, 0, london)
	for _, line := range []string{"/resolve 4 That the report be noted.", "/minute 4 The forum considered the report.", "/meeting attendance", "/history attendance"} {
		cmd := strings.Fields(line)[0]
		if cmd == "/meeting" || cmd == "/history" {
			cmd = strings.Join(strings.Fields(line)[:2], " ")
		}
		want := "Safer Sefton Together has held no meeting yet, and `" + cmd + "` is for a meeting in progress or held. Its first is on Thursday 3 December 2026, 14:00, Youth Centre; the officer or the chair opens it with `/meeting start`."
		if r := k.run(ian, line); !r.Refused || r.Text != want {
			t.Errorf("%s:\n%q\nwant %q", line, r.Text, want)
		}
	}
	k = committeeKit(t)
	want := "Safer Sefton Together has held no meeting yet, and `/resolve` is for a meeting in progress or held. An officer schedules its first with `/meeting schedule DATE TIME [VENUE]`."
	if r := k.run(ian, "/resolve 4 That the report be noted."); !r.Refused || r.Text != want {
		t.Errorf("none scheduled:\n%q\nwant %q", r.Text, want)
	}
}

// TestMinutesPostedTooLongForOneMessage: where no printable page can be
// linked, minutes too long for one message are not posted cut short, to
// read as whole in the channel, nor left unposted: they go to the channel
// through the outbox, whole, to be sent in parts, and the chair is told.
func TestMinutesPostedTooLongForOneMessage(t *testing.T) {
	k := agendaKit(t)
	for n := 10; n < 40; n++ {
		k.must(ian, fmt.Sprintf("/agenda add 2026-12-10 %d Report %d", n, n))
	}
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	// Added past the end, the items are numbered on from the last: 8 to 36.
	decFill(k)
	k.must(ian, "/minute 37 The date of the next meeting is to be agreed.")
	for n := 8; n <= 36; n++ {
		k.must(ian, fmt.Sprintf("/minute %d The board heard the report: %s.", n, strings.Repeat("the figures ", 240)))
		k.must(ian, fmt.Sprintf("/resolve %d That the report be noted: %s.", n, strings.Repeat("the figures ", 240)))
	}
	k.sent() // the meeting's live message
	r := k.must(sue, "/minutes post")
	if r.Visibility == commands.Public || r.Text != "The minutes of the meeting on Thursday 10 December 2026 are too long for one message: they are on their way to <#C1> in parts." {
		t.Errorf("answer to /minutes post of long minutes (%v):\n%s", r.Visibility, r.Text)
	}
	sent := k.sent()
	if len(sent) != 1 || sent[0].Kind != commands.OutboxPost || sent[0].ChannelID != "C1" {
		t.Fatalf("posts queued: %+v", sent)
	}
	post := sent[0].Reply
	wantShown(t, post.Text, "The draft minutes of the meeting of *Safer Sefton Together* on Thursday 10 December 2026 are ready. They are not yet confirmed;")
	var all strings.Builder
	for _, sec := range post.Sections {
		all.WriteString(sec.Title + "\n" + sec.Text + "\n")
	}
	if got := strings.Count(all.String(), "That the report be noted: the figures"); got != 29 {
		t.Errorf("%d of 29 resolutions in the post", got)
	}
	for n := 10; n < 39; n++ {
		if !strings.Contains(all.String(), fmt.Sprintf(". REPORT %d\n", n)) {
			t.Errorf("Report %d is not in the minutes posted", n)
		}
	}
	// Posted again, they are posted again, as short minutes would be.
	k.now = k.now.Add(time.Minute)
	k.must(sue, "/minutes post")
	if sent := k.sent(); len(sent) != 1 {
		t.Errorf("posted again: %d posts queued", len(sent))
	}
}

// TestMinutesHistoryAtTheRequestsTime: the minutes' history lists each
// change and correction at the time its command was given, and those
// given at one instant in the order they were made: an amendment made
// after a correction at the same time answers it, and one made before it
// does not, for the confirmation and for the members' Homes.
func TestMinutesHistoryAtTheRequestsTime(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	k.must(ian, "/minutes amend 4 The item was deferred to January.")
	k.must(neil, "/minutes comment 9 Please record that the figures go to partners.")
	k.must(ian, "/minutes amend 9 RESOLVED: That the report be noted and the figures go to partners.")
	k.must(graeme, "/minutes comment 4 Graeme Robson gave his apologies.")
	got := k.say(sue, "/minutes approve 10/12/2026")
	if !strings.Contains(got, "• Minute 4 — <@UGRAEME>") || strings.Contains(got, "Minute 9 —") {
		t.Errorf("approval with minute 9 amended after Neil's correction, and minute 4 before Graeme's, at the same time:\n%s", got)
	}
	inOrder(t, k.say(sue, "/history minutes 10/12/2026"),
		"• 10 Dec 2026 10:30 — minute 9: resolved, recorded by <@UIAN>",
		"• 11 Dec 2026 09:00 — minute 4: narrative amended by <@UIAN>",
		"• 11 Dec 2026 09:00 — minute 9: correction proposed by <@UNEIL>",
		"• 11 Dec 2026 09:00 — minute 9: RESOLVED text amended by <@UIAN>",
		"• 11 Dec 2026 09:00 — minute 4: correction proposed by <@UGRAEME>")
	s, _ := attSection(k, neil, "Your corrections to the minutes")
	wantShown(t, s.Text, "the minute was amended after it")
	s, _ = attSection(k, graeme, "Your corrections to the minutes")
	wantShown(t, s.Text, "proposed; not acted on yet")
	// The export lists them in the same order.
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, k.now)
	if err != nil {
		t.Fatal(err)
	}
	var got2 []string
	for _, c := range changes {
		got2 = append(got2, c.Action+" "+c.Item)
	}
	if want := []string{"amended 4", "correction proposed 7.7", "amended 7.7", "correction proposed 4"}; !slices.Equal(got2, want) {
		t.Errorf("the export at 09:00: %q, want %q", got2, want)
	}
}

// TestLongMinuteFencedInParts: a minute longer than one of Slack's blocks
// is shown in parts each within a block and each a code block of its own,
// so that no part is cut inside its fence, and none of its words is lost.
func TestLongMinuteFencedInParts(t *testing.T) {
	k := decDay(t)
	narrative := "The board heard the report." + strings.Repeat(" The figures for the quarter were discussed at length.", 54)
	k.must(ian, "/minute 7.7 "+narrative)
	k.must(ian, "/resolve 7.7 That the report be noted."+strings.Repeat(" The figures for the quarter were discussed at length.", 30))
	r := k.must(ian, "/minutes draft")
	var words []string
	parts := 0
	for _, sec := range r.Sections {
		if len(sec.Text) > 3000 || !strings.HasPrefix(sec.Text, "```\n") || !strings.HasSuffix(sec.Text, "\n```") {
			t.Errorf("a part of %d bytes, not one code block within a block of Slack's:\n%.80s … %s", len(sec.Text), sec.Text, sec.Text[max(0, len(sec.Text)-40):])
		}
		if strings.Contains(sec.Text, "The figures for the quarter") {
			parts++
		}
		words = append(words, strings.Fields(strings.Trim(sec.Text, "`"))...)
	}
	if parts < 2 {
		t.Errorf("the minute is in %d parts", parts)
	}
	if got, want := strings.Count(strings.Join(words, " "), "The figures for the quarter were discussed at length."), 84; got != want {
		t.Errorf("%d of the minute's %d sentences shown", got, want)
	}
}

// amendingMeanwhile is a store on which another amendment is made just
// before the first minute write it is asked for, after the command has
// read the minute.
type amendingMeanwhile struct {
	commands.Store
	then func()
}

func (m *amendingMeanwhile) WriteMinute(ctx context.Context, w commands.MinuteWrite) (commands.Minute, error) {
	if f := m.then; f != nil {
		m.then = nil
		f()
	}
	return m.Store.WriteMinute(ctx, w)
}

// TestMinutesAmendedByTwoAtOnce: two officers amend minute 9 at once.
// The one whose amendment is written second had read the minute before
// the first's stood: it is not written over the first's unseen (the reply
// quoting as replaced a text that no longer stood); they are told the
// minutes changed, nothing saved, and the first amendment stands, with
// one history line.
func TestMinutesAmendedByTwoAtOnce(t *testing.T) {
	k, _ := actDay(t)
	k.must(ian, "/committee member add <@UGRAEME> Merseyside Police officer")
	store := &amendingMeanwhile{Store: k.db}
	svc := commands.New(store, nil)
	store.then = func() { k.must(ian, "/minutes amend 9 That the figures be circulated to all partners.") }
	r, err := svc.Run(context.Background(), k.request(graeme, "/minutes amend 9 That the figures be published."))
	if err != nil {
		t.Fatal(err)
	}
	if got := shown(r); !r.Refused || got != "The minutes changed as you sent this; look at `/minutes draft` and send it again. Nothing was saved." {
		t.Errorf("the second amendment (refused %v):\n%s", r.Refused, got)
	}
	wantShown(t, k.say(ian, "/minutes draft"), "RESOLVED:\nThat the figures be circulated to all partners.")
	got := k.say(ian, "/history minutes")
	if strings.Contains(got, "published") || strings.Count(got, "amended") != 1 {
		t.Errorf("history:\n%s", got)
	}

	// Sent again, having seen the draft, it is made.
	wantShown(t, k.say(graeme, "/minutes amend 9 That the figures be published."), "Minute 9 amended", "*It read*\nThat the figures be circulated to all partners.")
}

// TestDateOfNextMeetingFromTheSchedule: the minute of Date of Next
// Meeting names the meeting the schedule has next (a cancelled one
// passed over): `/resolve 7` without text offers the resolution to send,
// and the draft, while nothing is recorded, gives the command that
// records it, which then stands as the minute.
func TestDateOfNextMeetingFromTheSchedule(t *testing.T) {
	k := decDay(t)
	// With no meeting after it scheduled, the report noted is no example
	// for a date: the officer is told how the date comes to be offered.
	attRefused(k, ian, "/resolve 7", "Give the text to record under item 7, after its number. No meeting after this one is scheduled yet: once an officer schedules it (`/meeting schedule DATE TIME [VENUE]`), `/resolve 7` offers the resolution that records its date. Until then: `/resolve 7 That the date of the next meeting be confirmed by the Chair.`")
	if got := k.say(ian, "/resolve 7"); strings.Contains(got, "That the report be noted") {
		t.Errorf("Date of Next Meeting offered a report noted:\n%s", got)
	}
	k.must(ian, "/meeting schedule 2027-01-07 10:00 Remote Meeting")
	k.must(ian, "/meeting schedule 2027-01-14 14:00 Bootle Town Hall")
	k.must(ian, "/meeting cancel 7 January 2027")

	attRefused(k, ian, "/resolve 7", "Give the text to record under item 7, after its number: `/resolve 7 That the next meeting be held on Thursday 14 January 2027 at 14:00.`")
	// Another item's example is the plain one.
	attRefused(k, ian, "/resolve 6", "`/resolve 6 That the report be noted.`")

	suggested := "/resolve 2026-12-10 7 That the next meeting be held on Thursday 14 January 2027 at 14:00."
	wantShown(t, k.say(ian, "/minutes draft"), "```\n7. DATE OF NEXT MEETING\n\n[Nothing recorded yet: /resolve or /minute this item; by the schedule: "+suggested+"]\n```")

	k.must(ian, suggested)
	d := k.say(ian, "/minutes draft")
	wantShown(t, d, "```\n7. DATE OF NEXT MEETING\n\nRESOLVED:\nThat the next meeting be held on Thursday 14 January 2027 at 14:00.\n```")
	if strings.Contains(d, "by the schedule") {
		t.Errorf("the draft still offers the command once the minute is recorded:\n%s", d)
	}
	// Nor does /resolve without text, as the draft does not.
	attRefused(k, ian, "/resolve 7", "`/resolve 7 That the report be noted.`")
}

// TestDateOfNextMeetingAsTheMeetingHeardIt: the schedule's next meeting
// is the one the meeting heard of: one scheduled after it closed is
// passed over; once the one next then has been moved, the draft offers no
// date at all rather than one the meeting never heard.
func TestDateOfNextMeetingAsTheMeetingHeardIt(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/meeting schedule 2027-01-14 14:00 Bootle Town Hall")
	k.now = time.Date(2026, 12, 10, 11, 30, 0, 0, london)
	k.must(sue, "/meeting close")
	k.now = time.Date(2026, 12, 17, 9, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2026-12-21 16:00 Remote Meeting")
	wantShown(t, k.say(ian, "/minutes draft 2026-12-10"), "by the schedule: /resolve 2026-12-10 7 That the next meeting be held on Thursday 14 January 2027 at 14:00.]")
	attRefused(k, ian, "/resolve 2026-12-10 7", "`/resolve 2026-12-10 7 That the next meeting be held on Thursday 14 January 2027 at 14:00.`")
	// Confirming the minutes with it the first left to record, the
	// refusal's example is that resolution.
	for _, item := range []string{"4", "5", "6"} {
		k.must(ian, "/minute 2026-12-10 "+item+" The item was deferred to the next meeting.")
	}
	attRefused(k, ian, "/minutes approve 2026-12-10", "nothing is recorded for minute 7 (item 7, Date of Next Meeting), minute 8 (item 7.5, SWACA) and minute 9 (item 7.7, Sefton CVS). Record what became of each — `/resolve 2026-12-10 7 That the next meeting be held on Thursday 14 January 2027 at 14:00.`, or `/minute` — then confirm them.")

	k.must(ian, "/meeting move 2027-01-14 2027-01-28")
	d := k.say(ian, "/minutes draft 2026-12-10")
	wantShown(t, d, "```\n7. DATE OF NEXT MEETING\n\n[Nothing recorded yet: /resolve or /minute this item.]\n```")
	attRefused(k, ian, "/resolve 2026-12-10 7", "`/resolve 2026-12-10 7 That the report be noted.`")
}

// TestDateOfNextMeetingOnlyTheClosingItem: an item titled as a closing
// item that is not the agenda's last (Date of Next Meeting follows it)
// is given no resolution by the schedule.
func TestDateOfNextMeetingOnlyTheClosingItem(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/agenda add 8 Dates of future meetings")
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/meeting schedule 2027-01-14 14:00 Bootle Town Hall")
	d := k.say(ian, "/minutes draft")
	if n := strings.Count(d, "by the schedule"); n != 1 {
		t.Errorf("%d minutes offer the schedule's next meeting, not 1 (Date of Next Meeting):\n%s", n, d)
	}
	wantShown(t, d, "by the schedule: /resolve 2026-12-10 8 That the next meeting")
}

// noApproveUsage fails t when got, the answer to `/minutes approve`, shows
// the command's usage: a refusal for the minutes' state (confirmed
// already, their meeting not yet closed) is no slip in how it was typed,
// and the usage after it reads as though it were.
func noApproveUsage(t *testing.T, got string) {
	t.Helper()
	if strings.Contains(got, "/minutes approve [DATE-OF-THE-MINUTES]") {
		t.Errorf("a refusal that is no slip of syntax shows the usage:\n%s", got)
	}
}

// decMinuted is the kit the morning after its first meeting closed,
// with the report under item 7.7 (minute 9) noted and nothing left to
// record: minutes to correct, amend and confirm.
func decMinuted(t *testing.T) *kit {
	t.Helper()
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close")
	decComplete(k)
	k.now = time.Date(2026, 12, 11, 9, 0, 0, 0, london)
	return k
}

// TestAmendmentNamesTheCorrectionsItAnswers: Sue's and Neil's corrections
// to one minute, and one amendment of it that takes up Neil's alone. The
// amendment is taken to answer both: its reply names them, each member is
// told by direct message with the minute's new text and how to keep a
// correction standing, and the officer's own correction tells him
// nothing. Neil's sent again after it stands again; the confirmation sets
// it aside, counting it alone, and names the two the amendment answered.
func TestAmendmentNamesTheCorrectionsItAnswers(t *testing.T) {
	k := decMinuted(t)
	k.must(ian, "/minute 2026-12-10 7.7 The Board considered the funding gap of £40,000.")
	k.must(sue, "/minutes comment 9 I declared a personal interest as a trustee of the refuge; please minute it.")
	k.must(neil, "/minutes comment 9 The gap was £45,000, not £40,000.")
	k.must(ian, "/minutes comment 9 The report was tabled late.")
	k.sent()
	k.now = k.now.Add(time.Hour)
	r := k.must(ian, "/minutes amend 9 The Board considered the funding gap of £45,000.")
	wantShown(t, shown(r), "Corrections it is taken to answer",
		"• Minute 9 — <@USUE>: “I declared a personal interest as a trustee of the refuge; please minute it.”",
		"• Minute 9 — <@UNEIL>: “The gap was £45,000, not £40,000.”",
		"• Minute 9 — <@UIAN>: “The report was tabled late.”",
		"Those who proposed them are told by direct message",
		"`/minutes comment 2026-12-10 9 TEXT`")
	sent := k.sent()
	tell := func(correction string) []string {
		return []string{"<@UIAN> amended minute 9 of the meeting of *Safer Sefton Together* on Thursday 10 December 2026, which is now taken to answer your correction: “" + correction + "”\n" +
			"It now reads:\n>The Board considered the funding gap of £45,000.\n" +
			"If it does not answer it, propose it again before the minutes are confirmed: `/minutes comment 2026-12-10 9 TEXT` in <#C1>."}
	}
	for user, want := range map[string][]string{
		sue:  tell("I declared a personal interest as a trustee of the refuge; please minute it."),
		neil: tell("The gap was £45,000, not £40,000."),
		ian:  nil,
	} {
		if diff := cmp.Diff(actDMs(sent, user), want); diff != "" {
			t.Errorf("%s is told (-got +want):\n%s", user, diff)
		}
	}

	// Answered, the same correction sent again stands again, and counts
	// once: set aside, no longer answered.
	wantShown(t, k.say(neil, "/minutes comment 9 The gap was £45,000, not £40,000."), "Your correction to minute 9 is recorded")
	attRefused(k, sue, "/minutes approve 10/12/2026", "• Minute 9 — <@UNEIL>: “The gap was £45,000, not £40,000.”")
	got := k.must(sue, "/minutes approve 10/12/2026 as they stand").Text
	wantShown(t, got, "setting aside 1 correction to minute 9 that members proposed and no amendment followed.",
		"2 corrections members proposed were answered by an amendment of their minute: <@USUE>'s and <@UIAN>'s to minute 9.")
}

// TestMinutesHistorySaysWhatAnAmendmentAnswered: the history of the
// minutes says, with each change, which corrections it was taken to
// answer, as the amendment's reply did; a member reads only their own
// there, as they read only their own correction lines.
func TestMinutesHistorySaysWhatAnAmendmentAnswered(t *testing.T) {
	k := decMinuted(t)
	k.must(sue, "/minutes comment 9 I declared a personal interest; please minute it.")
	k.must(neil, "/minutes comment 9 The figures go to partners.")
	k.now = k.now.Add(time.Hour)
	k.must(ian, "/minutes amend 9 That the report be noted and the figures go to partners.")
	k.now = k.now.Add(time.Hour)
	k.must(ian, "/minutes amend 9 That the report be noted and the figures be sent to partners.")

	got := k.say(ian, "/history minutes 2026-12-10")
	wantShown(t, got, "Now: “That the report be noted and the figures go to partners.” It was taken to answer <@USUE>'s correction “I declared a personal interest; please minute it.” and <@UNEIL>'s correction “The figures go to partners.”")
	if n := strings.Count(got, "taken to answer"); n != 1 {
		t.Errorf("%d changes of minute 9 are said to answer corrections, want only the first amendment:\n%s", n, got)
	}
	got = k.say(neil, "/history minutes 2026-12-10")
	wantShown(t, got, "Now: “That the report be noted and the figures go to partners.” It was taken to answer <@UNEIL>'s correction “The figures go to partners.”")
	if strings.Contains(got, "I declared") {
		t.Errorf("Neil reads Sue's correction in the history:\n%s", got)
	}
}

// TestDeferralAnswersCorrectionsSaid: deferring an item, and undoing the
// deferral, change its minute as an amendment does: the corrections
// proposed to it are named in the reply and their members told, and the
// confirmation counts each once.
func TestDeferralAnswersCorrectionsSaid(t *testing.T) {
	k := decDay(t)
	k.now = k.now.Add(time.Minute)
	k.must(graeme, "/minutes comment 9 The report was not taken: the Chair deferred it to March.")
	k.sent()
	k.now = k.now.Add(time.Minute)
	r := shown(k.must(ian, "/minute defer 7.7"))
	wantShown(t, r, "<@UGRAEME>: “The report was not taken: the Chair deferred it to March.”")
	if told := actDMs(k.sent(), graeme); len(told) != 1 || !strings.HasPrefix(told[0], "<@UIAN> minuted item 7.7 as deferred in minute 9 of the meeting of *Safer Sefton Together* on Thursday 10 December 2026, which is now taken to answer your correction") {
		t.Errorf("Graeme is told %q of the deferral", told)
	}
	k.now = k.now.Add(time.Minute)
	k.must(graeme, "/minutes comment 9 The Chair did not defer it after all.")
	k.sent()
	k.now = k.now.Add(time.Minute)
	wantShown(t, shown(k.must(ian, "/minute defer undo 7.7")), "<@UGRAEME>: “The Chair did not defer it after all.”")
	if told := actDMs(k.sent(), graeme); len(told) != 1 || !strings.HasPrefix(told[0], "<@UIAN> took back the deferral of item 7.7 in minute 9 of the meeting") {
		t.Errorf("Graeme is told %q of the deferral undone", told)
	}
}

// TestConfirmationNamesTheCorrectionsAnswered: minutes confirmed with
// every correction answered by an amendment say which, and minutes
// confirmed as they stand over two corrections no amendment followed
// count both.
func TestConfirmationNamesTheCorrectionsAnswered(t *testing.T) {
	k := decMinuted(t)
	k.must(sue, "/minutes comment 9 I declared an interest.")
	k.must(neil, "/minutes comment 9 The figures go to partners.")
	k.now = k.now.Add(time.Hour)
	k.must(ian, "/minutes amend 9 That the report be noted and the figures go to partners.")
	got := k.must(sue, "/minutes approve 10/12/2026").Text
	wantShown(t, got, "are confirmed as a correct record, by correspondence, by <@USUE>. They can no longer be changed. 2 corrections members proposed were answered by an amendment of their minute: <@USUE>'s and <@UNEIL>'s to minute 9.")
	if n := attRows(k, `SELECT count(*) FROM audit_log WHERE action = 'minutes.approve' AND detail->'answered' = '[{"minute": "9", "by": "USUE"}, {"minute": "9", "by": "UNEIL"}]'`); n != 1 {
		t.Errorf("%d confirmations in the audit log name the corrections answered", n)
	}

	k = decMinuted(t)
	k.must(sue, "/minutes comment 9 I declared an interest.")
	k.must(neil, "/minutes comment 9 The figures go to partners.")
	got = k.must(sue, "/minutes approve 10/12/2026 as they stand").Text
	wantShown(t, got, "setting aside 2 corrections to minute 9 that members proposed and no amendment followed. They can no longer be changed.")
	if strings.Contains(got, "answered") {
		t.Errorf("minutes confirmed with no amendment say corrections were answered:\n%s", got)
	}
}

// TestCorrectionSentAsTheMinuteIsAmended: Neil's correction is written
// after the officer's amendment read the corrections it answers, and
// before it is written: the amendment is refused, nothing saved, rather
// than take Neil's correction as answered without naming it or telling
// him; sent again, it names his.
func TestCorrectionSentAsTheMinuteIsAmended(t *testing.T) {
	k := decMinuted(t)
	store := &amendingMeanwhile{Store: k.db}
	svc := commands.New(store, nil)
	store.then = func() { k.must(neil, "/minutes comment 9 The figures go to partners.") }
	r, err := svc.Run(context.Background(), k.request(ian, "/minutes amend 9 That the report be noted and published."))
	if err != nil {
		t.Fatal(err)
	}
	if got := shown(r); !r.Refused || got != "The minutes changed as you sent this; look at `/minutes draft` and send it again. Nothing was saved." {
		t.Errorf("the amendment written over a correction it did not read (refused %v):\n%s", r.Refused, got)
	}
	k.sent()
	k.now = k.now.Add(time.Hour)
	wantShown(t, k.say(ian, "/minutes amend 9 That the report be noted and published."), "• Minute 9 — <@UNEIL>: “The figures go to partners.”")
	wantTold(t, k, neil, "<@UIAN> amended minute 9 of the meeting of *Safer Sefton Together* on Thursday 10 December 2026, which is now taken to answer your correction: “The figures go to partners.”\n"+
		"It now reads:\n>That the report be noted and published.\n"+
		"If it does not answer it, propose it again before the minutes are confirmed: `/minutes comment 2026-12-10 9 TEXT` in <#C1>.")
}

// TestResolveAgainNamesTheCorrectionsItAnswers: a decision recorded again
// with /resolve, or removed, changes its minute as /minutes amend does, so
// is taken to answer the corrections standing on it: its reply names
// them, and their member is told.
func TestResolveAgainNamesTheCorrectionsItAnswers(t *testing.T) {
	k := decMinuted(t)
	k.must(neil, "/minutes comment 9 The figures go to partners.")
	k.sent()
	wantShown(t, k.say(ian, "/resolve 2026-12-10 7.7 That the report be noted and the figures go to partners."),
		"*Corrections it is taken to answer*\n• Minute 9 — <@UNEIL>: “The figures go to partners.”")
	wantTold(t, k, neil, "<@UIAN> recorded a decision in minute 9 of the meeting of *Safer Sefton Together* on Thursday 10 December 2026, which is now taken to answer your correction: “The figures go to partners.”\n"+
		"It now reads:\n>That the report be noted and the figures go to partners.\n"+
		"If it does not answer it, propose it again before the minutes are confirmed: `/minutes comment 2026-12-10 9 TEXT` in <#C1>.")

	k.now = k.now.Add(time.Hour)
	k.must(graeme, "/minutes comment 9 No decision was taken.")
	k.sent()
	wantShown(t, k.say(ian, "/resolve 2026-12-10 7.7 remove"), "• Minute 9 — <@UGRAEME>: “No decision was taken.”")
	wantTold(t, k, graeme, "<@UIAN> removed the decision from minute 9 of the meeting of *Safer Sefton Together* on Thursday 10 December 2026, which is now taken to answer your correction: “No decision was taken.”\n"+
		"It now reads:\n>Nothing is recorded under it.\n"+
		"If it does not answer it, propose it again before the minutes are confirmed: `/minutes comment 2026-12-10 9 TEXT` in <#C1>.")
}

// TestFirstMinutesConfirmPreviousHeldElsewhere: a committee's first
// meeting in Quorum has minutes of the meeting before it to confirm that
// Quorum does not hold. The draft does not send the clerk to /minutes
// approve, which has nothing to confirm; the refusal of it says what
// today's meeting can record instead, and that works.
func TestFirstMinutesConfirmPreviousHeldElsewhere(t *testing.T) {
	k := meetingKit(t)
	// December's meeting is on record by an apology sent to it, but was
	// not held in Quorum.
	k.must(neil, "/apologies 2026-12-10 Unwell")
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	k.now = time.Date(2027, 1, 14, 10, 0, 0, 0, london)
	k.must(ian, "/meeting start")
	k.must(ian, "/meeting close anyway")

	d := k.say(ian, "/minutes draft 2027-01-14")
	wantShown(t, d, "MINUTES OF PREVIOUS MEETING\n\n[Nothing recorded yet: the minutes to confirm are those of the meeting held on 10 December 2026, which are not on record in Quorum for /minutes approve to confirm. Confirmed, /resolve this item (That the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.); not confirmed, /minute this item (deferred, say).]")
	wantNotShown(t, d, "/minutes approve 10 December 2026")

	const way = "No minutes of the meeting on Thursday 10 December 2026 are on record in Quorum to confirm: it was not held here. Record what today's meeting did about them under its item 3: `/resolve 2027-01-14 3 That the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.` if they were confirmed, or `/minute 2027-01-14 3 The item was deferred to the next meeting.` To confirm them here instead, import them first (`/minutes import`)."
	attRefused(k, ian, "/minutes approve 10 December 2026", way)
	attRefused(k, ian, "/minutes approve", way)

	k.must(ian, "/resolve 2027-01-14 3 That the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.")
	wantShown(t, k.say(ian, "/minutes draft 2027-01-14"), "MINUTES OF PREVIOUS MEETING\n\nRESOLVED:\nThat the Minutes of the meeting held on 10 December 2026 be confirmed as a correct record.")

	// Minutes imported as published are the record already: the next
	// meeting records what it did about them the same way.
	k = importedKit(t)
	k.now = time.Date(2022, 3, 17, 10, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 17/03/2022 10:00 Remote Meeting")
	k.must(ian, "/meeting start")
	k.must(ian, "/meeting close anyway")
	attRefused(k, ian, "/minutes approve 9 December 2021", "The minutes of the meeting on Thursday 9 December 2021 are already confirmed as a correct record: Quorum holds them as they were published. Record what today's meeting did about them under its item 3: `/resolve 2022-03-17 3 That the Minutes of the meeting held on 9 December 2021 be confirmed as a correct record.` if they were confirmed, or `/minute 2022-03-17 3 The item was deferred to the next meeting.`")
}
