package commands_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

// declarations lists the declarations standing for the next meeting as
// "Name: item kind nature".
func (k *kit) declarations() []string {
	k.t.Helper()
	return standing(k, k.db.Declarations, func(d commands.Declaration) string {
		line := d.Name + ": " + d.Item + " " + string(d.Kind) + " " + d.Nature
		if d.Dispensation {
			line += " (dispensation)"
		}
		return line
	})
}

func TestDeclare(t *testing.T) {
	k := agendaKit(t)

	k.marked()
	r := k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	if diff := cmp.Diff(shown(r), "Recorded: you declared a personal interest in Item 7.5 (SWACA) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting.\n"+
		"Nature: Trustee of SWACA\nYou may remain in the meeting. If unsure whether you should withdraw or may vote, ask the Monitoring Officer.\n[Withdraw declaration]"); diff != "" {
		t.Errorf("declare (-got +want):\n%s", diff)
	}
	if r.Visibility != commands.Private || !cmp.Equal(k.marked(), []string{ian, neil}) {
		t.Errorf("a declaration is acknowledged privately and refreshes the declarer's Home: %+v", r)
	}
	k.steps([]step{
		{neil, "/declare 7.5 personal Trustee of SWACA", []string{"You had already declared this interest in Item 7.5 (SWACA) (on Monday 23 November 2026, 12:00); nothing changed."}},
		// 7e is how the pack labels 7.5's report.
		{neil, "/declare 7e personal interest Trustee of SWACA", []string{"already declared"}},
		{graeme, "/declare 4 other Member of the IOM board", []string{"an interest in Item 4"}},
		{graeme, "/declare 6 DPI Shares in a security firm", []string{"a disclosable pecuniary interest in Item 6"}},
		{graeme, "/declare item 7.7 non-pecuniary Volunteer at Sefton CVS", []string{"a personal interest in Item 7.7"}},
	})

	// A pecuniary interest: leave the room unless holding a dispensation.
	r = k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	wantShown(t, shown(r), "a disclosable pecuniary interest in Item 7.7 (Sefton CVS)",
		"A member with a *disclosable pecuniary interest* must withdraw from the meeting room, including the public gallery, for the whole of Item 7.7, unless they hold a dispensation. Do you hold a dispensation?",
		"[I hold a dispensation]\n[Withdraw declaration]")
	wantShown(t, shown(k.press(sue, r, "I hold a dispensation")), "Recorded: you hold a dispensation for your disclosable pecuniary interest in Item 7.7, so you may remain for it. The officer may ask to see it.")
	wantShown(t, shown(k.press(sue, r, "I hold a dispensation")), "Your dispensation for Item 7.7 was already recorded; nothing changed.")
	wantShown(t, shown(k.press(neil, r, "I hold a dispensation")), "That button belongs to someone else's declaration.")
	wantShown(t, shown(k.press(stranger, r, "I hold a dispensation")), "That declaration no longer exists, or you are not a member of its committee.")
	wantShown(t, shown(k.act(k.request(sue, ""), "declare.dispensation", "x")), "That button is broken; declare the interest again.")
	wantShown(t, shown(k.act(k.request(sue, ""), "declare.dispensation", "99999")), "That declaration no longer exists, or you are not a member of its committee.")
	wantShown(t, k.say(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS"), "You hold a dispensation, so you may remain for Item 7.7.")

	// The list: who, which item, which kind, the nature, when, in agenda order.
	if diff := cmp.Diff(k.say(graeme, "/declare list"), "*Declarations of interest* — Safer Sefton Together, meeting on Thursday 10 December 2026, 10:00, Remote Meeting\n"+
		"• Item 4 (Integrated Offender Management (IOM) Refresh Strategy) — Graeme Robson: other interest — Member of the IOM board (declared Monday 23 November 2026, 12:00)\n"+
		"• Item 6 (Local Policing Update) — Graeme Robson: disclosable pecuniary interest — Shares in a security firm (declared Monday 23 November 2026, 12:00) — withdraws for this item\n"+
		"• Item 7.5 (SWACA) — Neil Frackelton: personal interest — Trustee of SWACA (declared Monday 23 November 2026, 12:00)\n"+
		"• Item 7.7 (Sefton CVS) — Graeme Robson: personal interest — Volunteer at Sefton CVS (declared Monday 23 November 2026, 12:00)\n"+
		"• Item 7.7 (Sefton CVS) — Sue Holden: disclosable pecuniary interest — Spouse employed by Sefton CVS (declared Monday 23 November 2026, 12:00) — holds a dispensation"); diff != "" {
		t.Errorf("list (-got +want):\n%s", diff)
	}

	// Withdrawal: the original stays, with the withdrawal.
	k.steps([]step{
		{neil, "/declare withdraw 7.5", []string{"Your declaration in Item 7.5 (SWACA) is withdrawn. The original stays on record, with this withdrawal."}},
		{neil, "/declare withdraw 7.5", []string{"You have no declaration standing for Item 7.5 (SWACA) at the meeting on Thursday 10 December 2026."}},
		// A number not on the agenda is said to be, with the items it has,
		// as `/declare 9 …` is answered.
		{neil, "/declare withdraw 9", []string{"Item 9 is not on the agenda for the meeting on Thursday 10 December 2026. Its items are 1, 2, 3, 4, 5, 6, 7, 7.5, 7.7."}},
		{ian, "/declare withdraw for <@UNEIL> 9", []string{"Item 9 is not on the agenda for the meeting on Thursday 10 December 2026. Its items are 1, 2, 3, 4, 5, 6, 7, 7.5, 7.7."}},
		// The words in the order they are said ("for Graeme, withdraw")
		// are answered with the line that does it, not an item number.
		{ian, "/declare for <@UGRAEME> withdraw 7.7", []string{"`withdraw` comes first: `/declare withdraw for <@UGRAEME> 7.7`.", "• `/declare withdraw [DATE] ITEM`"}},
		// An officer with none of their own there is shown whose stand,
		// and how to withdraw theirs; a member is not.
		{ian, "/declare withdraw 7.7", []string{"You have no declaration standing for Item 7.7 (Sefton CVS) at the meeting on Thursday 10 December 2026. Declared in it: Graeme Robson — `/declare withdraw for <@UGRAEME> 7.7` withdraws theirs; Sue Holden — `/declare withdraw for <@USUE> 7.7` withdraws theirs."}},
		{ian, "/declare withdraw 10/12/2026 7.7", []string{"Declared in it: Graeme Robson — `/declare withdraw for <@UGRAEME> 10/12/2026 7.7` withdraws theirs;"}},
		{neil, "/declare withdraw", []string{"Say which item's declaration to withdraw, e.g. `/declare withdraw 7.5`, or `/declare withdraw 11/02/2027 4` for a later meeting.", "• `/declare withdraw [DATE] ITEM`"}},
	})
	if got := k.say(neil, "/declare withdraw 7.7"); strings.Contains(got, "Declared in it") {
		t.Errorf("a member is shown others' declarations to withdraw:\n%s", got)
	}
	if strings.Contains(k.say(neil, "/declare list"), "Trustee of SWACA") {
		t.Error("a withdrawn declaration is still listed")
	}
	wantShown(t, shown(k.press(sue, r, "I hold a dispensation")), "already recorded")
	k.must(sue, "/declare withdraw 7.7")
	wantShown(t, shown(k.press(sue, r, "I hold a dispensation")), "That declaration was withdrawn; declare the interest again if it stands.")
	wantShown(t, k.say(neil, "/declare 7.5 personal Trustee of SWACA"), "Recorded") // may be declared again

	// The minutes' paragraph is the officer's.
	k.steps([]step{
		{neil, "/declare minutes", []string{"Only an officer of Safer Sefton Together can see the declarations of interest minute."}},
		{ian, "/declare minutes", []string{"*DECLARATIONS OF INTEREST* — meeting on Thursday 10 December 2026, 10:00, Remote Meeting\n" +
			"Graeme Robson declared an interest in Item 4 (Integrated Offender Management (IOM) Refresh Strategy) as Member of the IOM board. " +
			"Graeme Robson declared a disclosable pecuniary interest in Item 6 (Local Policing Update) as Shares in a security firm, and will withdraw from the meeting for that item. " +
			"Neil Frackelton declared a personal interest in Item 7.5 (SWACA) as Trustee of SWACA. " +
			"Graeme Robson declared a personal interest in Item 7.7 (Sefton CVS) as Volunteer at Sefton CVS."}},
		{ian, "/declare minutes 1 January", []string{"Safer Sefton Together has no meeting on Friday 1 January 2027."}},
	})

	// A meeting that has been held, or is under way, takes no more.
	if _, err := k.db.SQL().Exec(`UPDATE meetings SET status = 'held'`); err != nil {
		t.Fatal(err)
	}
	wantShown(t, k.say(neil, "/declare 10/12/2026 7.7 personal Volunteer"), "The meeting on Thursday 10 December 2026 has already been held; declarations for it are closed.")
	if _, err := k.db.SQL().Exec(`UPDATE meetings SET status = 'scheduled'`); err != nil {
		t.Fatal(err)
	}
	// Past its start and not opened, it has not taken place: it waits
	// to be opened.
	k.now = time.Date(2026, 12, 10, 11, 0, 0, 0, london)
	wantShown(t, k.say(neil, "/declare 10/12/2026 7.7 personal Volunteer"), "The meeting on Thursday 10 December 2026 began at 10:00 by the clock but has not been opened yet: the officer or the chair opens it with `/meeting start`.")
	wantShown(t, k.say(ian, "/declare minutes 10/12/2026"), "Graeme Robson declared")
}

// withdrawnMeanwhile is the kit's store with the declaration withdrawn,
// by its declarant, just before a dispensation on it is recorded: after
// the command has read it standing.
type withdrawnMeanwhile struct{ *storage.DB }

func (s withdrawnMeanwhile) RecordDispensation(ctx context.Context, id int64, by string, at time.Time, notice *commands.OutboxMessage) (commands.DispensationOutcome, error) {
	d, err := s.Declaration(ctx, id)
	if err != nil {
		return "", err
	}
	if _, err := s.WithdrawDeclarations(ctx, d.MeetingID, d.ItemID, d.Item, d.UserID, d.UserID, d.ID, at, nil); err != nil {
		return "", err
	}
	return s.DB.RecordDispensation(ctx, id, by, at, notice)
}

// TestDispensationOnADeclarationWithdrawnMeanwhile: a dispensation
// pressed for as the declaration is withdrawn is not recorded, and its
// presser is told the declaration was withdrawn, not "Recorded".
func TestDispensationOnADeclarationWithdrawnMeanwhile(t *testing.T) {
	k := agendaKit(t)
	r := k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	k.svc = commands.New(withdrawnMeanwhile{k.db}, people{sue: "Sue Holden", ian: "Ian Barton"})
	got := k.press(sue, r, "I hold a dispensation")
	if diff := cmp.Diff(shown(got), "That declaration was withdrawn; declare the interest again if it stands."); diff != "" {
		t.Errorf("dispensation on a declaration withdrawn meanwhile (-got +want):\n%s", diff)
	}
	id, _ := strconv.ParseInt(r.Buttons[0].Value, 10, 64)
	if d, err := k.db.Declaration(context.Background(), id); err != nil || d.Dispensation || !d.Withdrawn {
		t.Errorf("the declaration = %+v, %v; want withdrawn, with no dispensation", d, err)
	}
}

// TestDispensationOnADeclarationMadeAgain: the button on the reply to a
// declaration since withdrawn and made again records the dispensation on
// the declaration standing, rather than asking for what the member has
// already done; a declaration made again of another kind takes none.
func TestDispensationOnADeclarationMadeAgain(t *testing.T) {
	k := agendaKit(t)
	first := k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	k.must(sue, "/declare withdraw 7.7")
	k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS as its treasurer")
	wantShown(t, shown(k.press(sue, first, "I hold a dispensation")), "Recorded: you hold a dispensation for your disclosable pecuniary interest in Item 7.7")
	ds, err := k.db.Declarations(context.Background(), k.next().ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || !ds[0].Dispensation || ds[0].Nature != "Spouse employed by Sefton CVS as its treasurer" {
		t.Errorf("declarations standing = %+v; want the one made again, with its dispensation", ds)
	}

	other := k.must(neil, "/declare 7.5 pecuniary Paid adviser to SWACA")
	k.must(neil, "/declare withdraw 7.5")
	k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	wantShown(t, shown(k.press(neil, other, "I hold a dispensation")), "That declaration was withdrawn; declare the interest again if it stands.")
}

func TestDeclareMistakes(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ user, text, want string }{
		{neil, "9 personal Trustee", "Item 9 is not on the agenda for the meeting on Thursday 10 December 2026. Its items are 1, 2, 3, 4, 5, 6, 7, 7.5, 7.7."},
		{neil, "7.5 personal", "Say what the interest is, e.g. Trustee of SWACA: a declaration must give its nature.\nUsage:\n• `/declare [DATE] ITEM KIND NATURE`"},
		// The kind left out is asked for in the form they typed, to copy.
		{neil, "7.5 Trustee of SWACA", "Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare 7.5 other Trustee of SWACA`."},
		{neil, "10/12/2026 7.5 Trustee of Smith &amp; Sons", "Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare 10/12/2026 7.5 other Trustee of Smith &amp; Sons`."},
		{neil, "7.5 Trustee of `SWACA`", "Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare 7.5 other Trustee of ˋSWACAˋ`."},
		{neil, "7.5", "Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare 7.5 other NATURE`."},
		{ian, "for <@UNEIL|neil> 7.5 Trustee of SWACA", "Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare for <@UNEIL> 7.5 other Trustee of SWACA`."},
		{ian, `for "Jen Williams (NW Probation)" 7.5 Trustee of SWACA`, "Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare for \"Jen Williams (NW Probation)\" 7.5 other Trustee of SWACA`."},
		// A slip of the kind's name is answered with the kind it may mean,
		// not with the slip kept as the first word of an "other" interest.
		{neil, "7.5 pecunary Paid adviser to SWACA", "`pecunary` is not a kind of interest: did you mean `pecuniary`? `/declare 7.5 pecuniary Paid adviser to SWACA`."},
		{neil, "7.5 Personel: Trustee", "`Personel:` is not a kind of interest: did you mean `personal`? `/declare 7.5 personal Trustee`."},
		{ian, "for <@UNEIL|neil> 7.5 pecunairy Paid adviser", "`pecunairy` is not a kind of interest: did you mean `pecuniary`? `/declare for <@UNEIL> 7.5 pecuniary Paid adviser`."},
		{neil, "SWACA personal Trustee", `"SWACA" is not an agenda item number: start with the item's number as printed, e.g. 4, 7.5 or 7a.`},
		// A slip of a subcommand's name is the subcommand meant, not an item.
		{neil, "lsit", "I don't know `lsit`: did you mean `/declare list`?\nUsage:\n• `/declare list [DATE]`"},
		{neil, "withdarw 7.5", "I don't know `withdarw`: did you mean `/declare withdraw`?"},
		{ian, "for <@UNEIL|neil> withdarw 7.5", "I don't know `withdarw`: did you mean `/declare withdraw`?"},
		{neil, "7.5 personal " + strings.Repeat("x", 1001), "That nature is too long (1001 characters; the limit is 1000)."},
		{stranger, "7.5 personal Trustee", "You are not a member of Safer Sefton Together."},
		{stranger, "list", "You are not a member of Safer Sefton Together."},
		{neil, "list of everything", "`list` takes only a date."},
		{neil, "withdraw 31/02/2027 7.5", "There is no 31 February 2027: February 2027 has 28 days.\nUsage:\n• `/declare withdraw [DATE] ITEM`"},
		{neil, "minutes", "Only an officer of Safer Sefton Together can see the declarations of interest minute."},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := k.run(tc.user, "/declare "+tc.text); !got.Refused || !strings.HasPrefix(got.Text, tc.want) {
				t.Errorf("got %q\nwant %q", got.Text, tc.want)
			}
		})
	}
	if got := k.declarations(); len(got) != 0 {
		t.Errorf("refused declarations were saved: %q", got)
	}
	wantShown(t, k.say(neil, "/declare 7.5 personal <!channel> ping"), "Nature: @channel ping")
}

// A declaration without its kind is answered with the command to copy,
// the kind put in; on an item the meeting does not have, that command
// would only be refused again, so the item is what the answer is about.
func TestDeclareWithoutKindOnAnItemNotOnTheAgenda(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ user, text, want string }{
		{neil, "99 Trustee of SWACA", "Item 99 is not on the agenda for the meeting on Thursday 10 December 2026. Its items are 1, 2, 3, 4, 5, 6, 7, 7.5, 7.7."},
		{neil, "7.6 Trustee of SWACA", "Item 7.6 is not on the agenda for the meeting on Thursday 10 December 2026."},
		{neil, "14 Janury 7.5 personal Trustee", "Item 14 is not on the agenda for the meeting on Thursday 10 December 2026."},
		{ian, "for <@UNEIL|neil> 8 Trustee of SWACA", "Item 8 is not on the agenda for the meeting on Thursday 10 December 2026."},
		{neil, "10/12/2026 7.5 Trustee of SWACA", "Say what kind of interest it is — pecuniary, personal or other — after the item: `/declare 10/12/2026 7.5 other Trustee of SWACA`."},
	} {
		if got := k.run(tc.user, "/declare "+tc.text); !got.Refused || !strings.HasPrefix(got.Text, tc.want) {
			t.Errorf("/declare %s: got %q\nwant %q", tc.text, got.Text, tc.want)
		}
	}
	if got := k.declarations(); len(got) != 0 {
		t.Errorf("refused declarations were saved: %q", got)
	}
}

func TestDeclarationsWhenNone(t *testing.T) {
	k := agendaKit(t)
	wantShown(t, k.say(ian, "/declare minutes"), "No declarations of any disclosable pecuniary interests or personal interests were received.")
	wantShown(t, k.say(neil, "/declare list"), "*Declarations of interest* — Safer Sefton Together, meeting on Thursday 10 December 2026, 10:00, Remote Meeting\nNo interests have been declared.")
}

// declareValues are the declare form's answers.
func declareValues(item, kind, nature string, dispensation bool) map[string]string {
	v := map[string]string{"item": item, "kind": kind, "nature": nature}
	if dispensation {
		v["dispensation"] = "yes"
	}
	return v
}

func TestDeclareForm(t *testing.T) {
	k := agendaKit(t)
	r := k.must(neil, "/declare")
	f := r.Form
	if f == nil || f.ID != "declare" || f.Metadata != strconv.FormatInt(k.next().ID, 10) || len(f.Fields) != 4 {
		t.Fatalf("/declare alone = %+v, want the declare form", r)
	}
	var items []string
	for _, o := range f.Fields[0].Options {
		n, _, _ := strings.Cut(o.Value, "#")
		items = append(items, n+"="+o.Label)
	}
	if diff := cmp.Diff(items, []string{"1=1 Apologies for Absence", "2=2 Declarations of Interest", "3=3 Minutes of Previous Meeting",
		"4=4 Integrated Offender Management (IOM) Refresh Strategy", "5=5 Provision of Alternative Education Settings", "6=6 Local Policing Update", "7=7 Date of Next Meeting", "7.5=7.5 SWACA", "7.7=7.7 Sefton CVS"}); diff != "" {
		t.Errorf("items offered (-got +want):\n%s", diff)
	}

	// Mistakes are shown in the form, which stays open.
	for _, tc := range []struct {
		name   string
		values map[string]string
		want   map[string]string
	}{
		{"empty", declareValues("", "", "  ", false), map[string]string{
			"item": "Choose the agenda item.", "kind": "Choose the kind of interest.", "nature": "Say what the interest is, e.g. Trustee of SWACA.",
		}},
		{"unknown item", declareValues("9", "pecuniary", "x", false), map[string]string{"item": "That item is no longer on the agenda."}},
		{"long nature", declareValues("7.5", "pecuniary", strings.Repeat("x", 1001), false), map[string]string{"nature": "That is too long (1001 characters; the limit is 1000)."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := k.submit(k.request(neil, ""), f, tc.values)
			if diff := cmp.Diff(errs, tc.want); diff != "" {
				t.Errorf("field errors (-got +want):\n%s", diff)
			}
		})
	}

	// A good submission answers as the slash command does; a double
	// submit stores one declaration.
	got, errs := k.submit(k.request(neil, ""), f, declareValues("7.5", "pecuniary", "Paid adviser to SWACA", true))
	if len(errs) > 0 {
		t.Fatalf("good submission: %v", errs)
	}
	wantShown(t, shown(got), "Recorded: you declared a disclosable pecuniary interest in Item 7.5 (SWACA)", "You hold a dispensation, so you may remain for Item 7.5.", "[Withdraw declaration]")
	got, _ = k.submit(k.request(neil, ""), f, declareValues("7.5", "pecuniary", "Paid adviser to SWACA", true))
	wantShown(t, shown(got), "You had already declared this interest")
	if diff := cmp.Diff(k.declarations(), []string{"Neil Frackelton: 7.5 pecuniary Paid adviser to SWACA (dispensation)"}); diff != "" {
		t.Errorf("declarations (-got +want):\n%s", diff)
	}

	// Someone who is not a member cannot use a form they did not get.
	got, errs = k.submit(k.request(stranger, ""), f, declareValues("7.7", "personal", "x", false))
	if got.Text != "That meeting no longer exists, or you are not a member of its committee." || len(errs) > 0 {
		t.Errorf("non-member: %+v %v", got, errs)
	}
	got, _ = k.submit(k.request(neil, ""), &commands.Form{ID: "declare", Metadata: "x"}, declareValues("7.7", "personal", "x", false))
	if got.Text != "That form is out of date; run `/declare` again." {
		t.Errorf("broken form: %+v", got)
	}

	// The meeting under way: the form says so against the item.
	k.now = time.Date(2026, 12, 10, 11, 0, 0, 0, london)
	if _, errs := k.submit(k.request(neil, ""), f, declareValues("7.7", "personal", "Volunteer", false)); errs["item"] != "The meeting on Thursday 10 December 2026 began at 10:00 by the clock but has not been opened yet: the officer or the chair opens it with `/meeting start`. Until then, `next` where a date goes is for the meeting after it, as in `/declare next 5 …`." {
		t.Errorf("meeting under way: %v", errs)
	}
	// `/declare` alone is for that meeting, in front of the members and
	// not yet opened, not for the next (there is none): it says why it
	// takes none yet.
	wantShown(t, k.say(neil, "/declare"), "The meeting on Thursday 10 December 2026 began at 10:00 by the clock but has not been opened yet: the officer or the chair opens it with `/meeting start`.")

	// No form for someone who is not a member, or with nothing on the agenda.
	k.now = now
	if r := k.run(stranger, "/declare"); r.Form != nil || !strings.Contains(r.Text, "not a member") {
		t.Errorf("stranger: %+v", r)
	}
	if _, err := k.db.SQL().Exec(`UPDATE agenda_items SET removed_at = now()`); err != nil {
		t.Fatal(err)
	}
	if r := k.run(neil, "/declare"); r.Form != nil || r.Text != "The agenda for the meeting on Thursday 10 December 2026 has no items yet, so there is nothing to declare an interest in." {
		t.Errorf("empty agenda: %+v", r)
	}
}

// TestWithdrawButtonWithdrawsItsOwnDeclaration: two interests in one item;
// the Withdraw button under the second withdraws that one and leaves the
// first standing, whether pressed in the channel or on the Home tab.
func TestWithdrawButtonWithdrawsItsOwnDeclaration(t *testing.T) {
	k := agendaKit(t)
	first := k.must(neil, "/declare 7.5 personal Trustee of SWACA")
	second := k.must(neil, "/declare 7.5 other Volunteer at SWACA")
	wantShown(t, shown(k.press(neil, second, "Withdraw declaration")), "Your declaration in Item 7.5 (SWACA) is withdrawn.")
	if diff := cmp.Diff(k.declarations(), []string{"Neil Frackelton: 7.5 personal Trustee of SWACA"}); diff != "" {
		t.Errorf("declarations (-got +want):\n%s", diff)
	}
	// Pressed again, it does not say that none stands: the first does.
	wantShown(t, shown(k.press(neil, second, "Withdraw declaration")), "That declaration — an interest in Item 7.5 (SWACA): Volunteer at SWACA — was withdrawn already; nothing changed. Your other declaration in the item stands: personal interest — Trustee of SWACA.")
	wantShown(t, shown(k.press(stranger, first, "Withdraw declaration")), "That meeting no longer exists, or you are not a member of its committee.")
	for _, b := range first.Buttons {
		if got := k.act(k.home(neil), b.Action, b.Value); !strings.Contains(got.Text, "is withdrawn") {
			t.Errorf("on the Home: %+v", got)
		}
	}
	if got := k.declarations(); len(got) != 0 {
		t.Errorf("declarations after both withdrawn: %q", got)
	}
	for _, value := range []string{"", "x:7.5", "1", "1:7.5:x", "1:seven:2", "0:7.5", "1:7.5:2:3", "1:7.5:-1"} {
		if got := k.act(k.request(neil, ""), "declare.withdraw", value); got.Text != "That button is broken; use `/declare withdraw ITEM`." {
			t.Errorf("value %q: %q", value, got.Text)
		}
	}
}

// TestDeclarationsOfThoseAwayNotMinuted: a member who declared an interest
// ahead of the meeting and then sent apologies, or was marked absent, was
// not there to declare it: the minutes do not say they declared it, or
// that they left the room for the item. The officer is told what was left
// out; the list still shows it.
func TestDeclarationsOfThoseAwayNotMinuted(t *testing.T) {
	k := attDay(t) // Neil has sent apologies
	k.now = attAt(9, 9, 0)
	k.must(neil, "/declare 10/12/2026 7.7 pecuniary Spouse employed by Sefton CVS")
	k.must(attAnn, "/declare 10/12/2026 7.7 personal Volunteer at Sefton CVS")
	k.must(graeme, "/declare 10/12/2026 7.7 personal Trustee of Sefton CVS")
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.must(ian, "/attendance <@UANN> absent")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	const kept = "Graeme Robson declared a personal interest in Item 7.7 (Sefton CVS) as Trustee of Sefton CVS."
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft, "```\n2. DECLARATIONS OF INTEREST\n\nGraeme Robson declared a personal interest in Minute No. 5 (Sefton CVS) as Trustee of Sefton CVS.\n",
		"Not minuted: the declarations of Neil Frackelton (who sent apologies) and Ann (marked absent).")
	wantShown(t, k.say(ian, "/declare minutes 10/12/2026"), kept)
	for _, r := range []string{draft, k.say(ian, "/declare minutes 10/12/2026")} {
		if strings.Contains(r, "Neil Frackelton declared") || strings.Contains(r, "Ann declared") {
			t.Errorf("the declarations of those away are minuted:\n%s", r)
		}
	}
	wantShown(t, k.say(ian, "/declare list 10/12/2026"), "Neil Frackelton: disclosable pecuniary interest", "Ann: personal interest")
}

// TestDeclarationsMinuteAfterTheMeetingClosed: the officer writing the
// minutes after the meeting closed, with the next one scheduled, is given
// the declarations made at the meeting just held, not the next meeting's
// "No declarations"; the next one's are still there by its date or `next`.
func TestDeclarationsMinuteAfterTheMeetingClosed(t *testing.T) {
	k := attDay(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Bootle Town Hall")
	k.must(sue, "/meeting start")
	k.must(graeme, "/declare 7.7 personal Trustee of Sefton CVS")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	k.now = attAt(10, 11, 30)
	wantShown(t, k.say(ian, "/declare minutes"), "meeting on Thursday 10 December 2026",
		"Graeme Robson declared a personal interest in Item 7.7 (Sefton CVS) as Trustee of Sefton CVS.")
	wantShown(t, k.say(ian, "/declare minutes next"), "meeting on Thursday 14 January 2027", commands.NoDeclarations)
	k.now = attAt(11, 9, 0)
	wantShown(t, k.say(ian, "/declare minutes"), "meeting on Thursday 14 January 2027", commands.NoDeclarations)
}

// TestDeclareAfterTheMeetingClosed: a member who declares at the table a
// moment after the chair closed the meeting, with no other meeting yet
// scheduled, is told that the meeting has been held and its declarations
// are closed, not that no meeting is scheduled; nothing is recorded.
func TestDeclareAfterTheMeetingClosed(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/meeting start")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	k.now = attAt(10, 11, 2)
	const held = "The meeting on Thursday 10 December 2026 has already been held; declarations for it are closed."
	for _, line := range []string{"/declare 7.7 personal Trustee of Sefton CVS", "/declare for <@UGRAEME> 7.7 personal Trustee of Sefton CVS"} {
		user := graeme
		if strings.Contains(line, " for ") {
			user = ian
		}
		r := k.run(user, line)
		if !r.Refused || !strings.Contains(shown(r), held) {
			t.Errorf("%s after the meeting closed:\n%s\nwant %q", line, shown(r), held)
		}
	}
	if strings.Contains(k.say(ian, "/declare list 10/12/2026"), "Graeme") {
		t.Errorf("a declaration was recorded after the meeting closed")
	}
}

// TestReportAfterTheMeetingClosed: a report link sent, entered or removed
// for a meeting held is refused for its report links, not for
// declarations, which the sender was not making; nothing changes.
func TestReportAfterTheMeetingClosed(t *testing.T) {
	k := attDay(t)
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf")
	k.must(sue, "/meeting start")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	k.now = attAt(10, 11, 2)
	const held = "The meeting on Thursday 10 December 2026 has already been held; report links for it are closed."
	for _, s := range []struct{ user, line string }{
		{sue, "/report 2026-12-10 7.7 https://example.org/cvs-2.pdf"},
		{ian, "/report for <@UGRAEME> 2026-12-10 7.7 https://example.org/police.pdf"},
		{sue, "/report remove 2026-12-10 7.7"},
	} {
		r := k.run(s.user, s.line)
		if got := shown(r); !r.Refused || !strings.Contains(got, held) || strings.Contains(got, "declarations") {
			t.Errorf("%s after the meeting closed:\n%s\nwant %q", s.line, got, held)
		}
	}
	if got := k.say(ian, "/report list 2026-12-10"); !strings.Contains(got, "cvs.pdf") || strings.Contains(got, "cvs-2.pdf") || strings.Contains(got, "police.pdf") {
		t.Errorf("the report links changed after the meeting closed:\n%s", got)
	}
}

// TestItemNumberWithAFullStop: an item's number copied as the agenda
// prints it, "7.7.", is the item, for declarations, reports and the item
// under discussion as for /agenda remove.
func TestItemNumberWithAFullStop(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{sue, "/declare 7.7. personal Chair of Sefton CVS", []string{"Recorded: you declared a personal interest in Item 7.7 (Sefton CVS)"}},
		{sue, "/report 7.7. https://example.org/cvs.pdf", []string{"Your report for Item 7.7 (Sefton CVS)"}},
		{sue, "/declare withdraw 7.7.", []string{"Your declaration in Item 7.7 (Sefton CVS) is withdrawn."}},
	})
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	k.must(sue, "/meeting start")
	wantShown(t, k.say(sue, "/meeting item 7.7."), "Item 7.7 (Sefton CVS) is under discussion.")
	wantShown(t, k.say(sue, "/meeting status 7.7."), "Item 7.7:")
}

// TestItemTitleEndingInBrackets: an item whose title ends with its
// organisation in brackets is named with it once, not in brackets within
// brackets.
func TestItemTitleEndingInBrackets(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/agenda add 7.8 SWACA report (SWACA)")
	k.must(neil, "/interests add other Trustee of SWACA")
	got := k.say(neil, "/declare 7.8 other Trustee of SWACA")
	wantShown(t, got, "in Item 7.8 (SWACA report, SWACA) at the meeting")
	k.must(neil, "/declare withdraw 7.8")
	home := section(t, k.svc, neil, "Your register of interests")
	wantShown(t, home, "• Item 7.8 (SWACA report, SWACA) may concern 'Trustee of SWACA'")
	for _, text := range []string{got, home} {
		if strings.Contains(text, "))") {
			t.Errorf("brackets within brackets:\n%s", text)
		}
	}
}

// A mention in a declaration's nature ("Friend of @graeme") is kept as
// the name the sender saw, in the reply, the list and the minutes, as in
// an apology's reason, not as Slack's markup.
func TestDeclarationNatureNamesAMention(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{neil, "/declare 6 personal Friend of <@UGRAEME|graeme>", []string{"Nature: Friend of @Graeme Robson"}},
		{ian, "/declare for <@USUE> 6 personal Married to <@UGRAEME|graeme>", []string{"Married to @Graeme Robson"}},
		{ian, "/declare list", []string{"Friend of @Graeme Robson", "Married to @Graeme Robson"}},
		{ian, "/declare minutes", []string{"Friend of @Graeme Robson"}},
	})
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	// At the table, the declaration takes one round trip.
	wantShown(t, k.say(graeme, "/declare 4 personal Colleague of <@UNEIL|neil>"), "Nature: Colleague of @Neil Frackelton")
	if got := k.say(ian, "/declare list"); strings.Contains(got, "|graeme>") || strings.Contains(got, "|neil>") || strings.Contains(got, "&lt;@") {
		t.Errorf("the list shows mention markup:\n%s", got)
	}
}

// Mention markup typed as text reaches the bot escaped, as Slack sends
// what is typed: it is kept as typed, not taken for a mention of someone
// the sender never named, before the meeting and at the table.
func TestDeclarationNatureKeepsMarkupTypedAsText(t *testing.T) {
	k := agendaKit(t)
	got := k.say(neil, "/declare 6 personal Wrote the &lt;@UGRAEME&gt; guide")
	wantShown(t, got, "Nature: Wrote the &lt;@UGRAEME&gt; guide")
	if strings.Contains(got, "Graeme Robson") {
		t.Errorf("text typed as markup was taken for a mention:\n%s", got)
	}
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	got = k.say(graeme, "/declare 4 personal Edits the &lt;@UNEIL&gt; column")
	wantShown(t, got, "Nature: Edits the &lt;@UNEIL&gt; column")
	if strings.Contains(got, "Neil Frackelton") {
		t.Errorf("text typed as markup was taken for a mention at the table:\n%s", got)
	}
}

// TestDeclarationOnARemovedItemNotWithdrawnFor: a pecuniary interest
// declared in an item later taken off the agenda stays on record under the
// removed item, but the item never comes before the meeting: neither the
// agenda nor the minutes say the member will withdraw, or withdrew, for it.
func TestDeclarationOnARemovedItemNotWithdrawnFor(t *testing.T) {
	k := attDay(t)
	k.now = attAt(9, 9, 0)
	k.must(graeme, "/declare 10/12/2026 7.7 pecuniary Spouse employed by Sefton CVS")
	k.must(ian, "/agenda remove 10/12/2026 7.7 confirm")
	const said = "Graeme Robson declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS, removed from the agenda) as Spouse employed by Sefton CVS."
	wantShown(t, k.say(graeme, "/agenda 10/12/2026"), said)
	if list := k.say(ian, "/declare list 10/12/2026"); strings.Contains(list, "withdraws for this item") {
		t.Errorf("the list says Graeme withdraws for an item taken off the agenda:\n%s", list)
	}
	h, err := k.svc.Home(context.Background(), team, graeme, k.now)
	if err != nil || len(h.Cards) == 0 {
		t.Fatalf("Graeme's Home: %+v %v", h, err)
	}
	for _, sec := range h.Cards[0].Sections {
		if sec.Title == "Your declarations" && (!strings.Contains(sec.Text, "removed from the agenda") || strings.Contains(sec.Text, "leave the room")) {
			t.Errorf("Graeme's Home on his declaration in an item taken off the agenda:\n%s", sec.Text)
		}
	}
	k.now = attAt(10, 9, 55)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.now = attAt(10, 11, 0)
	k.must(sue, "/meeting close")
	wantShown(t, k.say(ian, "/declare minutes 10/12/2026"), said)
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), said)
}

// takeItem4Off has the officer take item 4 off the agenda, as on 3
// December 2026 (the database stamps a removal with its own clock, not the
// kit's), and returns the refusal a record for it then gets.
func takeItem4Off(t *testing.T, k *kit) string {
	t.Helper()
	k.must(ian, "/agenda remove 4")
	if _, err := k.db.SQL().Exec(`UPDATE agenda_items SET removed_at = '2026-12-03 15:00+00' WHERE removed_at IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	return "Item 4 (Integrated Offender Management (IOM) Refresh Strategy) was taken off the agenda for the meeting on Thursday 10 December 2026, on Thursday 3 December 2026. Its items are 1, 2, 3, 5, 6, 7, 7.5, 7.7."
}

// A declaration for an item taken off the agenda says so, and when, not
// only that the item is not there: the member may have the agenda as
// first circulated. So does one entered for someone, and one made at the
// table, which otherwise takes one round trip.
func TestDeclareOnAnItemTakenOffTheAgenda(t *testing.T) {
	k := agendaKit(t)
	want := takeItem4Off(t, k)
	for _, line := range []struct{ user, text string }{
		{neil, "/declare 4 personal Trustee of the IOM board"},
		{ian, "/declare for <@UNEIL> 4 personal Trustee of the IOM board"},
		{neil, "/declare withdraw 4"},
	} {
		r := k.run(line.user, line.text)
		if !r.Refused || r.Text != want {
			t.Errorf("%s (refused %v):\n got %s\nwant %s", line.text, r.Refused, r.Text, want)
		}
	}
	// A number that was never on the agenda is answered as before.
	wantShown(t, k.say(neil, "/declare 9 personal Trustee"), "Item 9 is not on the agenda for the meeting on Thursday 10 December 2026. Its items are 1, 2, 3, 5, 6, 7, 7.5, 7.7.")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	wantShown(t, k.say(neil, "/declare 4 personal Trustee of the IOM board"), want)
	wantShown(t, k.say(neil, "/declare 5 personal Governor of a school"), "Recorded: you declared a personal interest in Item 5 (Provision of Alternative Education Settings)")
}

// formOption is the value of the option in the select field id of f
// whose label starts with number, as Slack sends it back when chosen.
func formOption(t *testing.T, f *commands.Form, id, number string) string {
	t.Helper()
	for _, fl := range f.Fields {
		for _, o := range fl.Options {
			if fl.ID == id && strings.HasPrefix(o.Label, number+" ") {
				return o.Value
			}
		}
	}
	t.Fatalf("no option %s in the form's %s", number, id)
	return ""
}

// TestDeclareFormAfterTheAgendaChanged: the declare form is opened, and
// before it is sent the item chosen in it is renumbered and another item
// given its old number. The declaration is recorded on the item the
// member chose, under its new number, not on the item that now has the
// number it had; an item removed meanwhile is refused in the form.
func TestDeclareFormAfterTheAgendaChanged(t *testing.T) {
	k := agendaKit(t)
	f := k.must(neil, "/declare").Form
	swaca, education := formOption(t, f, "item", "7.5"), formOption(t, f, "item", "5")
	k.must(ian, "/agenda move 7.5 8")
	k.must(ian, "/agenda add 7.5 Community Safety Fund")
	got, errs := k.submit(k.request(neil, ""), f, declareValues(swaca, "personal", "Trustee of SWACA", false))
	if len(errs) > 0 {
		t.Fatalf("submission: %v", errs)
	}
	wantShown(t, shown(got), "Recorded: you declared a personal interest in Item 8 (SWACA)")
	wantShown(t, k.say(ian, "/declare list"), "• Item 8 (SWACA) — Neil Frackelton: personal interest — Trustee of SWACA")

	k.must(ian, "/agenda remove 5 confirm")
	k.must(ian, "/agenda move 6 5")
	if _, errs := k.submit(k.request(neil, ""), f, declareValues(education, "personal", "Governor of a school", false)); errs["item"] != "That item is no longer on the agenda." {
		t.Errorf("item removed since the form opened: %v", errs)
	}
	if got := k.say(ian, "/declare list"); strings.Contains(got, "Governor") {
		t.Errorf("declared on another item:\n%s", got)
	}
}

// An item taken off and added again under another number, as a revised
// agenda imported over the first renumbers it, is pointed to by the
// refusal of a record for its old number.
func TestDeclareOnAnItemRenumbered(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/agenda remove 7.5")
	k.must(ian, "/agenda add 7.4 SWACA")
	r := k.run(neil, "/declare 7.5 personal Trustee of SWACA")
	if !r.Refused || !strings.Contains(r.Text, "was taken off the agenda") || !strings.Contains(r.Text, " An item of that title stands as item 7.4.") {
		t.Errorf("/declare 7.5 after SWACA became 7.4 (refused %v): %s", r.Refused, r.Text)
	}
	// Another item taken off points nowhere.
	k.must(ian, "/agenda remove 4")
	if r := k.run(neil, "/declare 4 personal Trustee of the IOM board"); !r.Refused || strings.Contains(r.Text, "stands as") {
		t.Errorf("/declare 4 after item 4 was taken off (refused %v): %s", r.Refused, r.Text)
	}
}

// TestDeclaredAfterTheItemMinuted: an interest declared at the table in an
// item the meeting has already dealt with (a member arriving late, or
// remembering late) is minuted as declared after the item was considered,
// not as if the member had left the meeting for it; one declared in the
// item under discussion still has them leave.
func TestDeclaredAfterTheItemMinuted(t *testing.T) {
	k := agendaKit(t)
	openWithAllHere(k)
	k.now = attAt(10, 10, 0)
	k.must(ian, "/meeting item 5")
	k.must(ian, "/resolve 5 That the report be noted.")
	k.now = attAt(10, 10, 20)
	k.must(ian, "/meeting item 6")
	k.now = attAt(10, 10, 25)
	k.must(neil, "/declare 5 pecuniary Trustee of a school offering alternative provision")
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.must(ian, "/attendance <@UGRAEME> left")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"),
		"Neil Frackelton declared a disclosable pecuniary interest in Minute No. 5 (Provision of Alternative Education Settings) as Trustee of a school offering alternative provision, after that item had been considered.",
		"Graeme Robson declared a disclosable pecuniary interest in Minute No. 6 (Local Policing Update) as Spouse employed by Merseyside Police, and left the meeting for that item.")
}

// TestWithdrawButtonAfterTheDeclarationWasWithdrawn: Neil's pecuniary
// interest in item 7.5 is withdrawn for him by the officer, and he
// declares a personal one in the item instead. Withdraw declaration,
// pressed under the reply to the first, does not say he has none
// standing, which is untrue, nor withdraw the second, which it did not
// name: it says the first was withdrawn already and that the second
// stands, with the command that withdraws it.
func TestWithdrawButtonAfterTheDeclarationWasWithdrawn(t *testing.T) {
	k := agendaKit(t)
	first := k.must(neil, "/declare 7.5 pecuniary Trustee of SWACA")
	k.must(ian, "/declare withdraw for <@UNEIL> 7.5")
	k.must(neil, "/declare 7.5 personal Friend of the SWACA director")
	r := k.press(neil, first, "Withdraw declaration")
	if want := "That declaration — a disclosable pecuniary interest in Item 7.5 (SWACA): Trustee of SWACA — was withdrawn already; nothing changed. " +
		"Your other declaration in the item stands: personal interest — Friend of the SWACA director. `/declare withdraw 2026-12-10 7.5` withdraws it."; !r.Refused || r.Text != want {
		t.Errorf("Withdraw pressed again (refused %v):\n%s\nwant:\n%s", r.Refused, r.Text, want)
	}
	if diff := cmp.Diff(k.declarations(), []string{"Neil Frackelton: 7.5 personal Friend of the SWACA director"}); diff != "" {
		t.Errorf("declarations (-got +want):\n%s", diff)
	}
	// With nothing declared since, none stands, as it says.
	k.must(neil, "/declare withdraw 7.5")
	wantShown(t, shown(k.press(neil, first, "Withdraw declaration")), "You have no declaration standing for Item 7.5 (SWACA) at the meeting on Thursday 10 December 2026.")
}

// TestDeclareAgainInOtherWords: the interest Neil declared in item 6,
// declared again with another case, spacing, a full stop at the end and a
// curly apostrophe, is answered as declared already, and the minutes list
// it once; an interest of another nature in the same item is a second
// declaration.
func TestDeclareAgainInOtherWords(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 6 other Trustee of Sefton CVS's board")
	for _, again := range []string{"/declare 6 other trustee of  Sefton CVS’s board.", "/declare 6 other TRUSTEE OF SEFTON CVS'S BOARD"} {
		wantShown(t, k.say(neil, again), "You had already declared this interest in Item 6")
	}
	k.must(neil, "/declare 6 other Employed by Sefton Council")
	minutes := k.say(ian, "/declare minutes")
	if n := strings.Count(strings.ToLower(minutes), "trustee of sefton cvs"); n != 1 {
		t.Errorf("the interest is in the minutes %d times, want once:\n%s", n, minutes)
	}
	wantShown(t, minutes, "Employed by Sefton Council")
	home, err := k.svc.Home(context.Background(), team, neil, k.now)
	if err != nil {
		t.Fatal(err)
	}
	var yours string
	for _, c := range home.Cards {
		for _, s := range c.Sections {
			if s.Title == "Your declarations" {
				yours = s.Text
			}
		}
	}
	if n := strings.Count(strings.ToLower(yours), "trustee of sefton cvs"); n != 1 || !strings.Contains(yours, "Employed by Sefton Council") {
		t.Errorf("the interest is on the Home %d times, want once, beside the other:\n%s", n, yours)
	}
}

// TestDispensationButtonOfAnotherCommitteeAsIfMissing: the I hold a
// dispensation button, given the ID of a declaration at Safer Sefton
// Together by someone not on it, answers exactly as for an ID that is no
// declaration's.
func TestDispensationButtonOfAnotherCommitteeAsIfMissing(t *testing.T) {
	k := agendaKit(t)
	r := k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	real := buttonValues(r)["declare.dispensation"][0]
	got, missing := k.act(k.home(stranger), "declare.dispensation", real), k.act(k.home(stranger), "declare.dispensation", "99999")
	if !got.Refused || shown(got) != shown(missing) {
		t.Errorf("another committee's declaration:\n%s\nno such declaration:\n%s", shown(got), shown(missing))
	}
}

// openWithAllHere opens the meeting of 10 December at 09:55, with Neil,
// Graeme and Sue marked here.
func openWithAllHere(k *kit) {
	k.t.Helper()
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	for _, who := range []string{neil, graeme, sue} {
		k.must(who, "/here")
	}
}

// TestPecuniaryWithdrawalMinutedAsRecorded: the minutes say a member with
// a disclosable pecuniary interest left the meeting for its item only when
// the attendance records them leaving. Graeme leaves for item 6 and comes
// back as item 7 is taken up; Neil declares in item 5 and nobody records
// him leaving: his sentence says only what he declared, and the officer,
// not a member, is told how to record his departure, which, recorded,
// is minuted. Sue, never recorded leaving for hers, is the officer's to
// put right in the minutes once the meeting has closed.
func TestPecuniaryWithdrawalMinutedAsRecorded(t *testing.T) {
	k := agendaKit(t)
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	openWithAllHere(k)
	k.now = attAt(10, 10, 0)
	k.must(ian, "/meeting item 5")
	k.must(neil, "/declare 5 pecuniary Trustee of a school offering alternative provision")
	k.now = attAt(10, 10, 20)
	k.must(ian, "/meeting item 6")
	k.must(ian, "/attendance <@UGRAEME> left 10:20")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/attendance <@UGRAEME> late 10:30")
	k.must(ian, "/meeting item 7")
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft,
		"Neil Frackelton declared a disclosable pecuniary interest in Minute No. 5 (Provision of Alternative Education Settings) as Trustee of a school offering alternative provision. ",
		"Graeme Robson declared a disclosable pecuniary interest in Minute No. 6 (Local Policing Update) as Spouse employed by Merseyside Police, and left the meeting for that item.",
		"Neil Frackelton declared a disclosable pecuniary interest in Item 5 (Provision of Alternative Education Settings) but is not recorded leaving the meeting for it, so the minutes do not say they did: if they left, `/attendance <@UNEIL> left HH:MM`, then `/attendance <@UNEIL> late HH:MM` when they came back.")
	if strings.Contains(draft, "alternative provision, and left") {
		t.Errorf("the minutes say Neil left when nobody recorded it:\n%s", draft)
	}
	if strings.Contains(draft, "Graeme Robson declared a disclosable pecuniary interest in Item 6") {
		t.Errorf("the officer is asked for the departure of a member recorded leaving:\n%s", draft)
	}
	if member := k.say(neil, "/minutes draft"); strings.Contains(member, "not recorded leaving") {
		t.Errorf("a member is shown the officer's note:\n%s", member)
	}
	// Recorded, the departure is minuted and the note goes.
	k.must(ian, "/attendance <@UNEIL> left 10:05")
	k.must(ian, "/attendance <@UNEIL> late 10:20")
	k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	k.now = attAt(10, 10, 40)
	closed := k.say(ian, "/meeting close")
	if strings.Contains(closed, "Only an officer") {
		t.Errorf("the officer closing the meeting is told to pass the notes on:\n%s", closed)
	}
	wantShown(t, closed, "Sue Holden declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) but is not recorded leaving the meeting for it, so the minutes do not say they did: the meeting is closed and its attendance stands, so if they left, say so in the declarations minute with `/minutes amend 2026-12-10 2 TEXT`.")
	if strings.Contains(closed, "Neil Frackelton declared") {
		t.Errorf("the close asks for a departure recorded:\n%s", closed)
	}
	draft = k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, draft, "as Trustee of a school offering alternative provision, and left the meeting for that item.", "as Spouse employed by Sefton CVS.", "Sue Holden declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) but is not recorded leaving")
}

// TestPecuniaryDeclarantStayingThroughTheItem: a member recorded leaving
// and back while the item was still under discussion was in the room for
// part of it; the minutes do not say they left for it.
func TestPecuniaryDeclarantStayingThroughTheItem(t *testing.T) {
	k := agendaKit(t)
	openWithAllHere(k)
	k.now = attAt(10, 10, 20)
	k.must(ian, "/meeting item 6")
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.now = attAt(10, 10, 21)
	k.must(ian, "/attendance <@UGRAEME> left")
	k.now = attAt(10, 10, 25)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 10, 30)
	k.must(ian, "/meeting item 7")
	k.must(ian, "/meeting close")
	draft := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, draft, "as Spouse employed by Merseyside Police.\n", "Graeme Robson declared a disclosable pecuniary interest in Item 6 (Local Policing Update) but is not recorded leaving the meeting for it")
}

// TestDeclarantNotMarkedInTheAttendance: Sue declared ahead of the
// meeting, and the attendance never marks her. Her declaration is not
// minuted as if made at the table, and the officer is told how to mark
// her while the meeting sits, and how to put the minutes right once it
// has closed.
func TestDeclarantNotMarkedInTheAttendance(t *testing.T) {
	k := agendaKit(t)
	k.must(sue, "/declare 7.7 personal Volunteer at Sefton CVS")
	k.must(graeme, "/declare 6 personal Volunteer with Merseyside Police cadets")
	k.must(ian, `/declare for "Jen Williams (NW Probation)" 4 personal Trustee of SWACA`)
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	k.must(neil, "/here")
	k.must(graeme, "/here")
	k.now = attAt(10, 10, 30)
	notMinuted := "Not minuted: the declarations of Sue Holden (not marked in the attendance) and Jen Williams (not marked in the attendance)."
	draft := k.say(ian, "/minutes draft")
	wantShown(t, draft, notMinuted, "Jen Williams declared an interest but is not marked in the attendance, so the minutes leave out their declarations: `/attendance \"Jen Williams\" present` (or `absent`) records them.", "Sue Holden declared an interest but is not marked in the attendance, so the minutes leave out their declarations: `/attendance <@USUE> present` (or `absent`) records them.",
		"Graeme Robson declared a personal interest in Minute No. 6 (Local Policing Update) as Volunteer with Merseyside Police cadets.")
	if strings.Contains(draft, "Sue Holden declared a personal interest") {
		t.Errorf("the minutes print the declaration of someone not marked at the meeting:\n%s", draft)
	}
	k.now = attAt(10, 10, 40)
	attRefused(k, ian, "/meeting close", "Sue Holden declared an interest but is not marked in the attendance: `/attendance <@USUE> present` (or `absent`) records them.", "`/meeting close anyway`")
	wantShown(t, k.say(ian, "/meeting close anyway"), "Sue Holden declared an interest but is not marked in the attendance, so the minutes leave out their declarations: the meeting is closed and its attendance stands, so if they were there, say so in the declarations minute with `/minutes amend 2026-12-10 2 TEXT`.")
	draft = k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, draft, notMinuted)
	if strings.Contains(draft, "Sue Holden declared a personal interest") {
		t.Errorf("the minutes print the declaration of someone not marked at the meeting:\n%s", draft)
	}
}

// TestDeclarationAtTheTableByOneNotMarked: Neil declares at the table
// without having been marked here. He is told at once, and how to be
// marked; so is the officer who declares for Sue; the chair is told on
// taking up the item, and the close asks first, while the attendance can
// still be put right, rather than closing and leaving the declarations
// out of the minutes for good. Once closed, a mark is refused with how
// to put the minutes right instead.
func TestDeclarationAtTheTableByOneNotMarked(t *testing.T) {
	k := agendaKit(t)
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	k.must(graeme, "/here")
	wantShown(t, k.say(neil, "/declare 6 personal Head teacher at a Bootle school"), "You are not marked present at this meeting, so the minutes would leave this declaration out: `/here` marks you present.")
	wantShown(t, k.say(ian, "/declare for <@USUE> 5 personal Governor of a school"), "<@USUE> is not marked in the attendance, so the minutes would leave this declaration out: `/attendance <@USUE> present` (or `absent`) records them.")
	if got := k.say(graeme, "/declare 4 personal Trustee of the IOM board"); strings.Contains(got, "not marked") {
		t.Errorf("Graeme, marked here, is told he is not:\n%s", got)
	}
	k.now = attAt(10, 10, 10)
	wantShown(t, k.say(ian, "/meeting item 6"), "Neil Frackelton declared an interest in this item but is not marked in the attendance, so the minutes would leave it out: `/attendance <@UNEIL> present` (or `absent`) records them.")
	k.now = attAt(10, 10, 20)
	attRefused(k, ian, "/meeting close", "The meeting is still open.",
		"Neil Frackelton declared an interest but is not marked in the attendance: `/attendance <@UNEIL> present` (or `absent`) records them.",
		"Sue Holden declared an interest but is not marked in the attendance: `/attendance <@USUE> present` (or `absent`) records them.",
		"`/meeting close anyway`")
	k.must(ian, "/attendance <@UNEIL> present")
	k.must(ian, "/attendance <@USUE> absent")
	k.must(ian, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "Neil Frackelton declared a personal interest in Minute No. 6 (Local Policing Update) as Head teacher at a Bootle school.")
	attRefused(k, ian, "/attendance <@USUE> present", "Its attendance now stands and can no longer be marked: to put the minutes right, an officer amends the minute concerned with `/minutes amend 2026-12-10 MINUTE TEXT`")
}

// TestDeclarationNatureInTheFirstPerson: the minutes are in the third
// person, so a nature the member wrote in the first person is quoted as
// their words, not read as the minutes' own ("as I am a trustee"); one in
// the third person reads as before.
func TestDeclarationNatureInTheFirstPerson(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 personal My partner works for SWACA.")
	k.must(graeme, "/declare 6 pecuniary I am a trustee of a police charity")
	k.must(sue, "/declare 7.7 personal Trustee of Sefton CVS")
	wantShown(t, k.say(ian, "/declare minutes"),
		"Graeme Robson declared a disclosable pecuniary interest in Item 6 (Local Policing Update): “I am a trustee of a police charity”, and will withdraw from the meeting for that item.",
		"Neil Frackelton declared a personal interest in Item 7.5 (SWACA): “My partner works for SWACA”.",
		"Sue Holden declared a personal interest in Item 7.7 (Sefton CVS) as Trustee of Sefton CVS.")
	wantShown(t, k.say(ian, "/declare list"), "My partner works for SWACA")
}

// decNextMeeting completes the minutes of the kit's meeting and opens the
// next, on 14 January 2027, at which they can be confirmed.
func decNextMeeting(k *kit) {
	k.t.Helper()
	decComplete(k)
	k.must(ian, "/meeting schedule 2027-01-14 15:30 Bootle Town Hall")
	k.now = time.Date(2027, 1, 14, 15, 25, 0, 0, london)
	k.must(sue, "/meeting start")
}

// predateRule has every confirmation so far made before rule came in, as
// if the minutes were confirmed before the release that brought it.
func predateRule(k *kit, rule string) {
	k.t.Helper()
	if attRows(k, `WITH r AS (UPDATE record_rules SET approvals_before = (SELECT max(seq) FROM minutes_approvals) WHERE rule = '`+rule+`' RETURNING 1) SELECT count(*) FROM r`) != 1 {
		k.t.Fatalf("no record of when the rule %q came in", rule)
	}
}

// TestMinutesConfirmedBeforeDeclarationsReadTheAttendance: minutes
// confirmed before the minutes read the attendance for who left the
// meeting read as they were confirmed: Graeme left for his item though
// nobody recorded it, Sue's declaration stands though the attendance does
// not mark her, and the officer is given no notes for them. Minutes
// confirmed since keep the wording they were confirmed with.
func TestMinutesConfirmedBeforeDeclarationsReadTheAttendance(t *testing.T) {
	k := decDay(t)
	k.must(sue, "/declare 7.7 personal Volunteer at Sefton CVS")
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.must(neil, "/declare 7.5 personal My partner works for SWACA")
	k.must(neil, "/declare 6 other Friend of the Chief Inspector")
	k.must(neil, "/here")
	k.must(graeme, "/here")
	k.must(ian, "/resolve 7.7 That the report be noted.")
	k.must(sue, "/meeting close anyway")
	decNextMeeting(k)
	k.must(sue, "/minutes approve")
	newRule := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, newRule, "as Spouse employed by Merseyside Police.", ": “My partner works for SWACA”.", "Neil Frackelton declared an interest in Minute No.")
	if strings.Contains(newRule, "Sue Holden declared a personal interest") || strings.Contains(newRule, "not recorded leaving") || strings.Contains(newRule, "/minutes amend") {
		t.Errorf("confirmed under the rule, the minutes changed or came with notes:\n%s", newRule)
	}
	// The same minutes, as if confirmed before the rule came in.
	predateRule(k, "declarations at the table")
	for _, got := range []string{k.say(ian, "/minutes draft 10/12/2026"), k.say(ian, "/declare minutes 10/12/2026")} {
		// Confirmed as "an other interest", they read so.
		wantShown(t, got, "as Spouse employed by Merseyside Police, and left the meeting for that item.", "Sue Holden declared a personal interest", "as My partner works for SWACA.",
			"Neil Frackelton declared an other interest in ")
		if strings.Contains(got, "not recorded leaving") || strings.Contains(got, "not marked in the attendance") || strings.Contains(got, "“") {
			t.Errorf("minutes confirmed before the rule read by it:\n%s", got)
		}
	}
}

// TestPecuniaryDeclarantGoneBeforeTheItem: Neil leaves the meeting for
// good during item 4. The minutes do not say he left for item 7.5, taken
// up after he had gone, nor for 7.7, never taken up, but when he left;
// moving on from 7.5 does not say he withdrew for it. Graeme, never
// recorded leaving, is noted as not counted for the item resolved
// without a quorum, not as having withdrawn. Minutes confirmed before
// that wording read as they were confirmed.
func TestPecuniaryDeclarantGoneBeforeTheItem(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/committee quorum 2")
	k.must(neil, "/declare 7.5 pecuniary Trustee of SWACA")
	k.must(neil, "/declare 7.7 pecuniary Volunteer at Sefton CVS")
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	for _, who := range []string{sue, neil, graeme} {
		k.must(who, "/here")
	}
	k.now = attAt(10, 10, 35)
	k.must(sue, "/meeting item 4")
	k.now = attAt(10, 10, 36)
	k.must(sue, "/attendance <@UNEIL> left")
	k.now = attAt(10, 10, 40)
	k.must(sue, "/meeting item 7.5")
	k.now = attAt(10, 10, 45)
	if got := k.say(sue, "/meeting item 6"); strings.Contains(got, "Neil Frackelton withdrew") {
		t.Errorf("moving on from 7.5, Neil, gone since item 4, is said to have withdrawn for it:\n%s", got)
	}
	k.must(sue, "/resolve 6 That the report be noted.")
	k.now = attAt(10, 10, 50)
	k.must(sue, "/meeting close")
	const (
		gone75  = "as Trustee of SWACA, having left the meeting at 10:36."
		gone77  = "as Volunteer at Sefton CVS, having left the meeting at 10:36."
		counted = "(1 voting member present, quorum 2; Graeme Robson did not count for the item)"
	)
	draft := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, draft, gone75, gone77, "as Spouse employed by Merseyside Police.", counted)
	if strings.Contains(draft, "left the meeting for that item") || strings.Contains(draft, "withdrew") {
		t.Errorf("the minutes describe withdrawals that did not happen:\n%s", draft)
	}
	decNextMeeting(k)
	k.must(sue, "/minutes approve")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), gone75, gone77, counted)
	// The same minutes, as if confirmed before the rule came in.
	predateRule(k, commands.RuleWithdrawalsAsRecorded)
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "as Trustee of SWACA, and left the meeting for that item.", "as Volunteer at Sefton CVS, and left the meeting for that item.",
		"(1 voting member present, quorum 2; Graeme Robson withdrew for the item)")
}

// TestDeclarationsListedJustAfterTheClose: with no meeting scheduled
// after today's, a member asking for the declarations, or the officer for
// their minute, just after it closed is shown today's, not told that no
// meeting is scheduled.
func TestDeclarationsListedJustAfterTheClose(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 6 personal Governor of a Bootle school")
	openWithAllHere(k)
	k.now = attAt(10, 10, 40)
	k.must(ian, "/meeting close")
	k.now = attAt(10, 10, 45)
	wantShown(t, k.say(neil, "/declare list"), "meeting on Thursday 10 December 2026", "Neil Frackelton: personal interest — Governor of a Bootle school")
	wantShown(t, k.say(ian, "/declare minutes"), "Neil Frackelton declared a personal interest in Item 6 (Local Policing Update) as Governor of a Bootle school.")
}

// TestPecuniaryDeclarantBackAsTheItemEnds: Graeme, marked back less than
// a minute before the meeting moved on, was away for the whole of his
// item: the minutes say he left for it, and nobody is asked to record it.
func TestPecuniaryDeclarantBackAsTheItemEnds(t *testing.T) {
	k := agendaKit(t)
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	openWithAllHere(k)
	k.now = attAt(10, 10, 20)
	k.must(ian, "/meeting item 6")
	k.must(ian, "/attendance <@UGRAEME> left")
	k.now = attAt(10, 10, 30).Add(50 * time.Second)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 10, 31).Add(5 * time.Second)
	k.must(ian, "/meeting item 7.5")
	k.now = attAt(10, 10, 40)
	closed := k.say(ian, "/meeting close")
	draft := k.say(ian, "/minutes draft 10/12/2026")
	wantShown(t, draft, "Merseyside Police, and left the meeting for that item.")
	if strings.Contains(closed+draft, "not recorded leaving") {
		t.Errorf("the officer is asked to record a departure recorded:\n%s\n%s", closed, draft)
	}
}

// TestPecuniaryDeclarantOfAnItemNeverTakenUp: nothing records when the
// meeting came to Sue's item, 7.7, so a departure while an earlier item
// was under discussion, back before the close, says nothing of leaving
// for it, and the officer is told; gone before the last item ahead of it
// and not back by the close, she was away for it whenever it came, and is
// minuted as having left the meeting when she did. An item run under its
// heading is taken up with it.
func TestPecuniaryDeclarantOfAnItemNeverTakenUp(t *testing.T) {
	for _, c := range []struct {
		name    string
		items   []string
		left    time.Time
		back    time.Time
		minuted bool
	}{
		{"away during item 4 and back", []string{"4", "5", "6", "7.5"}, attAt(10, 10, 5), attAt(10, 10, 10), false},
		{"gone before item 7.5 and not back", []string{"4", "5", "6", "7.5"}, attAt(10, 10, 29), time.Time{}, true},
		{"gone after item 7.5 was taken up", []string{"4", "5", "6", "7.5"}, attAt(10, 10, 33), time.Time{}, false},
		{"away for the heading it is run under", []string{"4", "5", "7", "6"}, attAt(10, 10, 19), attAt(10, 10, 30), true},
		{"back while its heading was under discussion", []string{"4", "5", "7", "6"}, attAt(10, 10, 19), attAt(10, 10, 25), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := agendaKit(t)
			k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
			openWithAllHere(k)
			for i, item := range c.items {
				k.now = attAt(10, 10, 0).Add(time.Duration(i) * 10 * time.Minute)
				k.must(ian, "/meeting item "+item)
			}
			k.now = attAt(10, 10, 45)
			k.must(ian, "/attendance <@USUE> left "+c.left.Format("15:04"))
			if !c.back.IsZero() {
				k.must(ian, "/attendance <@USUE> late "+c.back.Format("15:04"))
			}
			k.must(ian, "/meeting close")
			draft := k.say(ian, "/minutes draft 10/12/2026")
			// Gone for good, she is minuted as having left the meeting
			// then, not for an item nothing says was taken up.
			left := strings.Contains(draft, "as Spouse employed by Sefton CVS, and left the meeting for that item.") && !c.back.IsZero() ||
				strings.Contains(draft, "as Spouse employed by Sefton CVS, having left the meeting at "+c.left.Format("15:04")+".") && c.back.IsZero()
			noted := strings.Contains(draft, "Sue Holden declared a disclosable pecuniary interest in Item 7.7 (Sefton CVS) but is not recorded leaving")
			if left != c.minuted || noted == c.minuted {
				t.Errorf("minuted as leaving: %v, want %v; the officer told: %v\n%s", left, c.minuted, noted, draft)
			}
		})
	}
}

// TestPecuniaryDeclarantOfAMeetingWithNoAttendance: the meeting opened and
// closed with nobody marked in the attendance. Nothing records Graeme
// leaving for his item, so the minutes do not say he did, and the officer
// is told how to put it right.
func TestPecuniaryDeclarantOfAMeetingWithNoAttendance(t *testing.T) {
	k := agendaKit(t)
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	k.now = attAt(10, 10, 40)
	closed := k.say(ian, "/meeting close")
	draft := k.say(ian, "/minutes draft 10/12/2026")
	hint := "Graeme Robson declared a disclosable pecuniary interest in Item 6 (Local Policing Update) but is not recorded leaving the meeting for it, so the minutes do not say they did"
	wantShown(t, closed, hint)
	wantShown(t, draft, "as Spouse employed by Merseyside Police.", hint)
	if strings.Contains(draft, "not marked in the attendance") {
		t.Errorf("with no attendance taken, a declarant is left out:\n%s", draft)
	}
}

// TestDeclarationsMinuteAmendedTakesNoNotes: once the officer has written
// the declarations minute in their own words, as the notes ask, the notes
// of what the records leave it unable to say, and of whose declarations
// it leaves out, go: the minute is theirs.
func TestDeclarationsMinuteAmendedTakesNoNotes(t *testing.T) {
	k := agendaKit(t)
	k.must(sue, "/declare 7.7 pecuniary Spouse employed by Sefton CVS")
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	k.must(neil, "/here")
	k.must(graeme, "/here")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/meeting close anyway")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "Not minuted: the declarations of Sue Holden", "Sue Holden declared an interest but is not marked", "Graeme Robson declared a disclosable pecuniary interest in Item 6 (Local Policing Update) but is not recorded leaving")
	k.must(ian, "/minutes amend 2026-12-10 2 Graeme Robson and Sue Holden declared disclosable pecuniary interests in Minute No. 6 and Item 7.7, and left the meeting for those items.")
	for _, got := range []string{k.say(ian, "/minutes draft 10/12/2026"), k.say(ian, "/declare minutes 10/12/2026")} {
		if strings.Contains(got, "Not minuted") || strings.Contains(got, "not marked in the attendance") || strings.Contains(got, "not recorded leaving") {
			t.Errorf("the notes stay once the officer has written the minute:\n%s", got)
		}
	}
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "and left the meeting for those items.")
}

// TestChairClosingTheMeetingToldToPassTheNotesOn: Sue, the chair, closes
// the meeting; she cannot amend the minutes, and is told to pass the
// notes on to an officer (one closing it is told them as they are: see
// TestPecuniaryWithdrawalMinutedAsRecorded).
func TestChairClosingTheMeetingToldToPassTheNotesOn(t *testing.T) {
	k := decDay(t)
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.must(graeme, "/here")
	hint := "Graeme Robson declared a disclosable pecuniary interest in Item 6 (Local Policing Update) but is not recorded leaving"
	closed := k.say(sue, "/meeting close")
	wantShown(t, closed, "Only an officer can amend the minutes: pass these on to one.\n"+hint)
}

// TestMeetingItemSaysHowToMarkWithdrawals: the minutes say a pecuniary
// declarant left for an item only when the attendance shows it, so the
// chair taking the meeting on to the item is told, there and then, how to
// mark them leaving; moving on, how to mark them back.
func TestMeetingItemSaysHowToMarkWithdrawals(t *testing.T) {
	k := agendaKit(t)
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.must(neil, "/declare 6 personal Trustee of SWACA")
	openWithAllHere(k)
	k.now = attAt(10, 10, 10)
	if got := k.say(ian, "/meeting item 5"); strings.Contains(got, "withdr") {
		t.Errorf("an item nobody withdraws for has notes:\n%s", got)
	}
	k.now = attAt(10, 10, 20)
	taken := k.say(ian, "/meeting item 6")
	wantShown(t, taken, "Graeme Robson withdraws for it (disclosable pecuniary interest).\nAs Graeme Robson leaves, mark it: `/attendance <@UGRAEME> left`, and `/attendance <@UGRAEME> present` on their return, for the minutes to say they withdrew.")
	if strings.Contains(taken, "Neil Frackelton") {
		t.Errorf("a personal interest is told to withdraw:\n%s", taken)
	}
	k.must(ian, "/attendance <@UGRAEME> left")
	// Gone, he is not told to go again when the item is asked for anew.
	if again := k.say(ian, "/meeting item 6"); strings.Contains(again, "as they leave") {
		t.Errorf("a member marked gone is to be marked leaving again:\n%s", again)
	}
	k.now = attAt(10, 10, 30)
	moved := k.say(ian, "/meeting item 7")
	wantShown(t, moved, "Graeme Robson withdrew for item 6: when they come back, `/attendance <@UGRAEME> present`; until then the minutes have them away to the close.")
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 10, 40)
	k.must(ian, "/meeting close")
	wantShown(t, k.say(ian, "/minutes draft 10/12/2026"), "as Spouse employed by Merseyside Police, and left the meeting for that item.")
}

// TestWithdrawalNotesWithinTheMinute: marks keep their seconds, so a
// return marked in the minute the chair moves on is already a return. Graeme
// arrives in the minute item 6 is taken up, and is still told how to mark
// his leaving; he leaves, comes back in the minute item 7 is taken up,
// and moving on to it does not say he is still away.
func TestWithdrawalNotesWithinTheMinute(t *testing.T) {
	k := agendaKit(t)
	k.must(graeme, "/declare 6 pecuniary Spouse employed by Merseyside Police")
	k.now = attAt(10, 9, 55)
	k.must(ian, "/meeting start")
	k.must(neil, "/here")
	k.must(sue, "/here")
	k.now = attAt(10, 10, 10).Add(20 * time.Second)
	k.must(graeme, "/here")
	k.now = attAt(10, 10, 10).Add(40 * time.Second)
	wantShown(t, k.say(ian, "/meeting item 6"), "As Graeme Robson leaves, mark it: `/attendance <@UGRAEME> left`")
	k.now = attAt(10, 10, 10).Add(50 * time.Second)
	k.must(ian, "/attendance <@UGRAEME> left")
	k.now = attAt(10, 10, 11).Add(30 * time.Second)
	k.must(ian, "/attendance <@UGRAEME> present")
	k.now = attAt(10, 10, 11).Add(50 * time.Second)
	if moved := k.say(ian, "/meeting item 7"); strings.Contains(moved, "withdrew for item 6") {
		t.Errorf("a member marked back in this minute is said to be still away:\n%s", moved)
	}
}

// TestDeclarationAfterTheCloseSaysWhereItGoes: a declaration made at the
// table and missed is refused once the meeting has closed, with how to
// put it in the minutes: the declarations minute, amended by the number
// the draft gives it, while they are a draft; a correction at a later
// meeting once they are confirmed. /attendance, given a declaration,
// points to /declare.
func TestDeclarationAfterTheCloseSaysWhereItGoes(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	k.must(ian, "/meeting start")
	attRefused(k, ian, "/attendance <@USUE> declares 7.7 personal Trustee of Sefton Women's Refuge",
		"A declaration of interest is entered with /declare, not /attendance: `/declare for <@USUE> 7.7 personal Trustee of Sefton Women's Refuge` (KIND is pecuniary, personal or other).")
	attRefused(k, ian, "/attendance \"Jen Williams (NW Probation)\" interest",
		"`/declare for \"Jen Williams (NW Probation)\" ITEM KIND NATURE`")
	k.must(ian, "/attendance <@USUE> present")
	k.must(ian, "/meeting close anyway")

	attRefused(k, ian, "/declare for <@USUE> 2026-12-10 7.7 personal Trustee of Sefton Women's Refuge",
		"The meeting on Thursday 10 December 2026 has already been held; declarations for it are closed. A declaration made at the meeting goes in its declarations minute while the minutes are a draft: an officer amends it with `/minutes amend 2026-12-10 2 TEXT`, TEXT being the minute as it should then read (`/minutes draft 2026-12-10` shows it).")
	k.must(ian, "/minutes amend 2026-12-10 2 Sue Holden declared a personal interest in Item 7.7 (Sefton CVS) as Trustee of Sefton Women's Refuge.")
	wantShown(t, k.say(ian, "/minutes draft 2026-12-10"), "2. DECLARATIONS OF INTEREST\n\nSue Holden declared a personal interest in Item 7.7 (Sefton CVS) as Trustee of Sefton Women's Refuge.")
}
