package commands_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// intrEntryID reads the number a "Registered #N" reply gives the entry.
func intrEntryID(t *testing.T, r commands.Reply) int64 {
	t.Helper()
	m := regexp.MustCompile(`Registered #(\d+)`).FindStringSubmatch(r.Text)
	if m == nil {
		t.Fatalf("no entry number in:\n%s", shown(r))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// intrJoined says every member of the kit's committee joined at at. The
// records take the database's clock when someone is added, and the
// register's deadlines count from that day, so the tests fix it.
func intrJoined(k *kit, at time.Time) {
	k.t.Helper()
	if _, err := k.db.SQL().Exec(`UPDATE members SET added_at = $1`, at); err != nil {
		k.t.Fatal(err)
	}
}

// intrEntries is user's register as the records hold it ("" for
// everyone's), with the entries that ended when withEnded is set.
func intrEntries(k *kit, user string, withEnded bool) []commands.Interest {
	k.t.Helper()
	es, err := k.db.Interests(context.Background(), k.committee().ID, user, withEnded)
	if err != nil {
		k.t.Fatal(err)
	}
	return es
}

// intrDMs are the direct messages to user among msgs.
func intrDMs(msgs []commands.OutboxMessage, user string) []commands.OutboxMessage {
	var out []commands.OutboxMessage
	for _, m := range msgs {
		if m.Kind == commands.OutboxDM && m.UserID == user {
			out = append(out, m)
		}
	}
	return out
}

// intrHomePart is the "Your register of interests" part of user's Home
// card, with the card's buttons; ok is false when the Home has no such
// part.
func intrHomePart(k *kit, user string) (text string, buttons []commands.Button, ok bool) {
	k.t.Helper()
	h, err := k.svc.Home(context.Background(), team, user, k.now)
	if err != nil {
		k.t.Fatal(err)
	}
	if len(h.Cards) == 0 {
		k.t.Fatalf("%s's Home has no committee: %+v", user, h)
	}
	for _, s := range h.Cards[0].Sections {
		if s.Title == "Your register of interests" {
			return s.Text, h.Cards[0].Buttons, true
		}
	}
	return "", h.Cards[0].Buttons, false
}

// intrRefused runs user's line, which must be refused with a reply
// starting with want.
func intrRefused(t *testing.T, k *kit, user, line, want string) {
	t.Helper()
	got := k.run(user, line)
	if !got.Refused || !strings.HasPrefix(got.Text, want) {
		t.Errorf("%s %s:\ngot  %q (refused %v)\nwant %q", user, intrShort(line), got.Text, got.Refused, want)
	}
}

func intrShort(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// TestInterestsAddListRemove: a member adds entries to their register,
// reads it back with the numbers to end them by, registers gifts against
// the committee's threshold, and removes an entry, which stays on record.
func TestInterestsAddListRemove(t *testing.T) {
	k := agendaKit(t)

	r := k.must(neil, "/interests add other Trustee of SWACA")
	swaca := intrEntryID(t, r)
	if diff := cmp.Diff(shown(r), fmt.Sprintf("Registered #%d: _other registrable interest_: Trustee of SWACA\n"+
		"It stands from Monday 23 November 2026; `/interests remove %d` ends it, keeping it on record.", swaca, swaca)); diff != "" || r.Visibility != commands.Private {
		t.Errorf("adding an entry is acknowledged privately (-got +want):\n%s", diff)
	}
	libraries := intrEntryID(t, k.must(neil, "/interests add employment Employed by Sefton Libraries for spouse"))

	// Adding counts as a review: the register says so, dated today.
	if diff := cmp.Diff(k.say(neil, "/interests"), fmt.Sprintf("*Register of interests* — Neil Frackelton, Safer Sefton Together\n"+
		"• #%d _other registrable interest_: Trustee of SWACA\n"+
		"• #%d _employment, office, trade, profession or vocation_: Employed by Sefton Libraries (spouse or civil partner)\n"+
		"Last reviewed Monday 23 November 2026; the next review is due by Tuesday 23 November 2027.", swaca, libraries)); diff != "" {
		t.Errorf("Neil's register (-got +want):\n%s", diff)
	}

	// Gifts: the day received, the value, and the giver read from "from".
	r = k.must(neil, "/interests gift 2026-11-03 £75 Dinner from Sefton CVS")
	dinner := intrEntryID(t, r)
	if got, want := shown(r), fmt.Sprintf("Registered #%d: _gifts and hospitality_: Dinner from Sefton CVS — £75, received Tuesday 3 November 2026.", dinner); got != want {
		t.Errorf("gift:\ngot  %q\nwant %q", got, want)
	}
	wantShown(t, k.say(neil, "/interests gift 2026-11-04 £40 Lunch"),
		"— £40, received Wednesday 4 November 2026.\nIt is worth less than £50, so it did not need registering; it is kept all the same.")
	wantShown(t, k.say(neil, "/interests gift 4/11/2026 75.5 GBP Flowers"), "— £75.50, received Wednesday 4 November 2026")

	// Only an officer moves the threshold; below it a gift is noted as
	// not needing registration, at or above it not.
	intrRefused(t, k, neil, "/interests threshold £30", "Only an officer of Safer Sefton Together can set the gift threshold.")
	intrRefused(t, k, ian, "/interests threshold £-1", `"£-1": the amount must not be negative.`)
	intrRefused(t, k, ian, "/interests threshold -£1", `"-£1": the amount must not be negative.`)
	if got := shown(k.must(ian, "/interests threshold £30")); got != "Gifts and hospitality worth £30 or more must now be registered in Safer Sefton Together." {
		t.Errorf("threshold: %q", got)
	}
	if got := k.say(neil, "/interests gift 2026-11-05 £40 Lunch"); strings.Contains(got, "worth less than") {
		t.Errorf("a £40 gift over a £30 threshold is noted as not needed:\n%s", got)
	}
	wantShown(t, k.say(neil, "/interests gift 2026-11-05 £29.99 Coffee"), "It is worth less than £30, so it did not need registering")

	es := intrEntries(k, neil, false)
	var gift commands.Interest
	for _, e := range es {
		if e.ID == dinner {
			gift = e
		}
	}
	if gift.GiftFrom != "Sefton CVS" || gift.ValuePence != 7500 || gift.GiftOn != (commands.Date{Year: 2026, Month: time.November, Day: 3}) || gift.Category != commands.CategoryGifts || gift.AddedBy != neil {
		t.Errorf("the dinner as recorded: %+v", gift)
	}

	// Removing ends the entry; it stays on record with the day and who.
	r = k.must(neil, fmt.Sprintf("/interests remove #%d", libraries))
	if got, want := shown(r), fmt.Sprintf("Removed #%d: _employment, office, trade, profession or vocation_: Employed by Sefton Libraries (spouse or civil partner)\n"+
		"It ended on Monday 23 November 2026 and stays on record: `/interests history` shows it.", libraries); got != want {
		t.Errorf("remove:\ngot  %q\nwant %q", got, want)
	}
	if got := k.say(neil, "/interests"); strings.Contains(got, "Sefton Libraries") || !strings.Contains(got, "Trustee of SWACA") {
		t.Errorf("Neil's register after the removal:\n%s", got)
	}
	intrRefused(t, k, neil, fmt.Sprintf("/interests end %d", libraries), fmt.Sprintf("Entry #%d was removed on Monday 23 November 2026 already.", libraries))
	all := intrEntries(k, neil, true)
	if len(all) != 7 {
		t.Errorf("%d entries kept, want 7: nothing is deleted", len(all))
	}
	for _, e := range all {
		if e.ID == libraries && (!e.Ended || e.EndedBy != neil || e.EndedOn != (commands.Date{Year: 2026, Month: time.November, Day: 23})) {
			t.Errorf("the removed entry as recorded: %+v", e)
		}
		if e.ID != libraries && e.Ended {
			t.Errorf("an entry ended that was not removed: %+v", e)
		}
	}

	// A review on a later day dates the register from then.
	k.now = now.Add(48 * time.Hour)
	if got := k.say(graeme, "/interests review"); got != "Recorded: the register of interests in Safer Sefton Together is up to date as of Wednesday 25 November 2026 (0 entries). The next review is due by Thursday 25 November 2027." {
		t.Errorf("review: %q", got)
	}
	wantShown(t, k.say(neil, "/interests review"), "(6 entries)")
	wantShown(t, k.say(graeme, "/interests"), "*Register of interests* — Graeme Robson, Safer Sefton Together\nNothing is registered.\nLast reviewed Wednesday 25 November 2026; the next review is due by Thursday 25 November 2027.")
}

// TestGiftDayWithoutItsYear: a gift is always received already, so a day
// given without its year is the most recent such day (on 7 December,
// last January's, not next), "yesterday" is read, and "next Thursday" is
// answered with a day gone.
func TestGiftDayWithoutItsYear(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 7, 10, 0, 0, 0, london)
	wantShown(t, k.say(neil, "/interests gift 14 January £60 Lunch from SWACA"), "Lunch from SWACA — £60, received Wednesday 14 January 2026")
	wantShown(t, k.say(neil, "/interests gift 14/01 £60 Tickets from SWACA"), "Tickets from SWACA — £60, received Wednesday 14 January 2026")
	wantShown(t, k.say(neil, "/interests gift yesterday £60 Supper from SWACA"), "Supper from SWACA — £60, received Sunday 6 December 2026")
	// A day a few days ahead is a slip or a gift not yet received, not
	// one received a year ago.
	if r := k.run(neil, "/interests gift 8 December £60 Dinner from Sefton CVS"); !r.Refused || !strings.Contains(r.Text, "still to come") {
		t.Errorf("8 December on 7 December: got %q, want it refused as still to come", r.Text)
	}
	r := k.run(neil, "/interests gift next Thursday £60 Lunch from SWACA")
	if want := "`next Thursday` may mean more than one day: give its date, e.g. `3 December`."; !r.Refused || !strings.HasPrefix(r.Text, want) {
		t.Errorf("next Thursday:\ngot  %q\nwant it to start %q", r.Text, want)
	}
}

// TestInterestsSensitive: the details of a sensitive entry are read by its
// member and the officers; any other member reads only that one is
// registered, and cannot end it.
// An entry the register already holds is not added again, whoever enters
// it; the same words for a spouse, or once the entry has ended, are added.
func TestInterestsAddTwice(t *testing.T) {
	k := agendaKit(t)
	swaca := intrEntryID(t, k.must(neil, "/interests add other Trustee of SWACA"))
	r := k.run(neil, "/interests add other  trustee of swaca")
	if got, want := shown(r), fmt.Sprintf("Your register already has that, as #%d: _other registrable interest_: Trustee of SWACA\n"+
		"Nothing was added; `/interests review` records that the register is up to date.", swaca); got != want || !r.Refused {
		t.Errorf("adding it again:\ngot  %q (refused %v)\nwant %q", got, r.Refused, want)
	}
	wantShown(t, k.say(ian, "/interests add <@UNEIL> other Trustee of SWACA"),
		fmt.Sprintf("<@UNEIL>'s register already has that, as #%d", swaca), "`/interests review <@UNEIL>`")
	wantShown(t, k.say(neil, "/interests add other Trustee of SWACA for spouse"), "Registered #")
	if es := intrEntries(k, neil, false); len(es) != 2 {
		t.Errorf("Neil's register has %d entries, want 2: %+v", len(es), es)
	}
	k.must(neil, fmt.Sprintf("/interests remove %d", swaca))
	wantShown(t, k.say(neil, "/interests add other Trustee of SWACA"), "Registered #")
}

// addingMeanwhile is a store on which something is done just before the
// first entry it is asked to add is added.
type addingMeanwhile struct {
	commands.Store
	then func()
}

func (m *addingMeanwhile) AddInterest(ctx context.Context, e commands.Interest, notice *commands.OutboxMessage) (commands.Interest, error) {
	if f := m.then; f != nil {
		m.then = nil
		f()
	}
	return m.Store.AddInterest(ctx, e, notice)
}

// TestInterestsFormSubmittedTwiceAtOnce: Neil's form is submitted twice
// at once (a double click, a retry): the second submission is added as
// the first is being. His register has the entry once, with one line of
// history, and the other submission is told it has it already; the same
// for a gift sent twice at once.
func TestInterestsFormSubmittedTwiceAtOnce(t *testing.T) {
	k := agendaKit(t)
	form := k.must(neil, "/interests add").Form
	values := map[string]string{"category": "other", "description": "Trustee of SWACA"}
	store := &addingMeanwhile{Store: k.db}
	svc := commands.New(store, nil)
	var first commands.Reply
	store.then = func() { first, _ = k.submit(k.home(neil), form, values) }
	sub := commands.Submission{Form: form.ID, Metadata: form.Metadata, Values: map[string][]string{}}
	for id, v := range values {
		sub.Values[id] = []string{v}
	}
	second, errs, err := svc.Submit(context.Background(), k.home(neil), sub)
	if err != nil || errs != nil {
		t.Fatalf("second submission: %v %v", err, errs)
	}
	wantShown(t, shown(first), "Registered #")
	swaca := intrEntryID(t, first)
	if got := shown(second); !second.Refused || !strings.HasPrefix(got, fmt.Sprintf("Your register already has that, as #%d", swaca)) {
		t.Errorf("second submission (refused %v):\n%s", second.Refused, got)
	}
	if es := intrEntries(k, neil, false); len(es) != 1 {
		t.Errorf("Neil's register has %d entries, want 1: %+v", len(es), es)
	}
	if got := k.say(neil, "/interests history"); strings.Count(got, "Trustee of SWACA") != 1 {
		t.Errorf("history:\n%s", got)
	}

	store.then = func() { k.must(neil, "/interests gift 2026-11-03 £75 Dinner from Sefton CVS") }
	r, err := svc.Run(context.Background(), k.request(neil, "/interests gift 2026-11-03 £75 Dinner from Sefton CVS"))
	if err != nil {
		t.Fatal(err)
	}
	if got := shown(r); !r.Refused || !strings.Contains(got, "Your register already has that gift") {
		t.Errorf("the gift sent again at once (refused %v):\n%s", r.Refused, got)
	}
	if es := intrEntries(k, neil, false); len(es) != 2 {
		t.Errorf("Neil's register has %d entries, want 2: %+v", len(es), es)
	}
}

// TestInterestsGiftTwice: the same gift sent again — the same day, value
// and words — is not registered twice, whoever enters it; another on the
// same day, or of another value, is.
func TestInterestsGiftTwice(t *testing.T) {
	k := agendaKit(t)
	dinner := intrEntryID(t, k.must(neil, "/interests gift 2026-11-03 £75 Dinner from Sefton CVS"))
	intrRefused(t, k, neil, "/interests gift 3/11/2026 75 GBP dinner from  Sefton CVS",
		fmt.Sprintf("Your register already has that gift, as #%d: _gifts and hospitality_: Dinner from Sefton CVS — £75, received Tuesday 3 November 2026\nNothing was added.", dinner))
	intrRefused(t, k, ian, "/interests gift <@UNEIL> 2026-11-03 £75 Dinner from Sefton CVS", fmt.Sprintf("<@UNEIL>'s register already has that gift, as #%d", dinner))
	wantShown(t, k.say(neil, "/interests gift 2026-11-03 £60 Dinner from Sefton CVS"), "Registered #")
	wantShown(t, k.say(neil, "/interests gift 2026-11-04 £75 Dinner from Sefton CVS"), "Registered #")
	if es := intrEntries(k, neil, false); len(es) != 3 {
		t.Errorf("Neil's register has %d entries, want 3: %+v", len(es), es)
	}
}

// TestInterestsHistory: a member reads every entry their register has
// had, those removed too, with who entered and who removed each; an
// officer reads anyone's, another member no one else's.
func TestInterestsHistory(t *testing.T) {
	k := agendaKit(t)
	swaca := intrEntryID(t, k.must(neil, "/interests add other Trustee of SWACA"))
	cvs := intrEntryID(t, k.must(ian, "/interests add <@UNEIL> employment Employed by Sefton CVS"))
	k.must(ian, fmt.Sprintf("/interests remove %d", swaca))
	k.now = k.now.Add(24 * time.Hour)
	k.must(neil, fmt.Sprintf("/interests remove %d", cvs))
	want := fmt.Sprintf("*History of the register of interests* — Neil Frackelton, Safer Sefton Together\n"+
		"• #%d _other registrable interest_: Trustee of SWACA — from Monday 23 November 2026; removed Monday 23 November 2026 _(by <@UIAN>)_\n"+
		"• #%d _employment, office, trade, profession or vocation_: Employed by Sefton CVS — from Monday 23 November 2026 _(entered by <@UIAN>)_; removed Tuesday 24 November 2026", swaca, cvs)
	for _, line := range []struct{ user, text string }{{neil, "/interests history"}, {neil, "/interests history <@UNEIL>"}, {ian, "/interests history <@UNEIL>"}} {
		if got := k.say(line.user, line.text); got != want {
			t.Errorf("%s %s:\ngot  %q\nwant %q", line.user, line.text, got, want)
		}
	}
	wantShown(t, k.say(graeme, "/interests history"), "— Graeme Robson, Safer Sefton Together\nNothing has been registered.")
	intrRefused(t, k, graeme, "/interests history <@UNEIL>", "You can read the history of your own register only; an officer of Safer Sefton Together can read <@UNEIL>'s.")
	intrRefused(t, k, ian, "/interests history neil", "A register is named by mention: did you mean Neil Frackelton (SWACA)? Name them as <@UNEIL>.")
	intrRefused(t, k, ian, "/interests history jo", "I don't know `jo`: say whose register with an @mention.")
	intrRefused(t, k, ian, "/interests history <@USTRANGER>", "<@USTRANGER> is not a member of Safer Sefton Together, and nothing of theirs is on its register.")
	// Removed from the committee, Neil's register stays on record for
	// the officers.
	k.must(ian, "/committee member remove <@UNEIL>")
	wantShown(t, k.say(ian, "/interests history <@UNEIL>"), "*History of the register of interests* — <@UNEIL>, Safer Sefton Together\n", "Trustee of SWACA", "Employed by Sefton CVS")
	// Asked for the register itself, the officer is pointed there, not
	// left to think it gone; a member is told only that Neil has left,
	// and someone never a member nothing of a history.
	leaver := "<@UNEIL> is no longer a member of Safer Sefton Together. Their register stays on record: `/interests history <@UNEIL>` shows it."
	intrRefused(t, k, ian, "/interests <@UNEIL>", leaver)
	intrRefused(t, k, ian, "/interests register <@UNEIL>", leaver)
	intrRefused(t, k, graeme, "/interests <@UNEIL>", "<@UNEIL> is not a member of Safer Sefton Together.")
	if got := k.say(graeme, "/interests <@UNEIL>"); strings.Contains(got, "history") {
		t.Errorf("a member is pointed to a history they may not read:\n%s", got)
	}
	intrRefused(t, k, ian, "/interests <@USTRANGER>", "<@USTRANGER> is not a member of Safer Sefton Together.")
}

func TestInterestsSensitive(t *testing.T) {
	k := agendaKit(t)
	bootle := intrEntryID(t, k.must(graeme, "/interests add sensitive land Home at 4 Marine Drive, Bootle"))
	k.must(graeme, "/interests add other Member of the Police Federation")

	// "You" is the member reading their own; an officer reads of "the
	// member".
	full := fmt.Sprintf("• #%d _land_: Home at 4 Marine Drive, Bootle — _sensitive: details shown only to you and the officers_", bootle)
	wantShown(t, k.say(graeme, "/interests"), full)
	wantShown(t, k.say(graeme, "/interests <@UGRAEME>"), full)
	toOfficer := fmt.Sprintf("• #%d _land_: Home at 4 Marine Drive, Bootle — _sensitive: details shown only to the member and the officers_", bootle)
	wantShown(t, k.say(ian, "/interests <@UGRAEME|graeme>"), toOfficer)
	wantShown(t, k.say(ian, "/interests register <@UGRAEME>"), toOfficer)
	for _, who := range []string{neil, sue} {
		got := k.say(who, "/interests <@UGRAEME>")
		wantShown(t, got, "*Register of interests* — Graeme Robson, Safer Sefton Together",
			"• A sensitive interest is registered (its details are withheld).", "Member of the Police Federation")
		if strings.Contains(got, "Marine Drive") || strings.Contains(got, fmt.Sprintf("#%d", bootle)) {
			t.Errorf("%s reads the sensitive entry:\n%s", who, got)
		}
	}
	intrRefused(t, k, neil, fmt.Sprintf("/interests remove %d", bootle), fmt.Sprintf("Entry #%d is in someone else's register: you can remove only your own.", bootle))
	if es := intrEntries(k, graeme, false); len(es) != 2 {
		t.Errorf("Graeme's entries after Neil's attempt: %+v", es)
	}
}

// TestInterestsOnBehalf: an officer adds, registers gifts, reviews and
// removes for a member, and the records keep who did it; members cannot
// do so for each other, nor anyone for someone outside the committee.
func TestInterestsOnBehalf(t *testing.T) {
	k := agendaKit(t)
	r := k.must(ian, "/interests add <@USUE> contracts Supplies stationery to Sefton CVS")
	stationery := intrEntryID(t, r)
	if got, want := shown(r), fmt.Sprintf("Registered #%d, on behalf of <@USUE>: _contracts_: Supplies stationery to Sefton CVS\n"+
		"It stands from Monday 23 November 2026; `/interests remove %d` ends it, keeping it on record. They are told by direct message.", stationery, stationery); got != want {
		t.Errorf("add for Sue:\ngot  %q\nwant %q", got, want)
	}
	wantShown(t, k.say(ian, "/interests gift <@USUE> 2026-11-03 £75 Dinner from SWACA"), ", on behalf of <@USUE>: _gifts and hospitality_: Dinner from SWACA — £75")
	wantShown(t, k.say(ian, "/interests review <@USUE>"), "Recorded, on behalf of <@USUE>: the register of interests in Safer Sefton Together is up to date as of Monday 23 November 2026 (2 entries).")
	// Ian's own register is his, even when he names himself.
	wantShown(t, k.say(ian, "/interests add <@UIAN> other Governor of Litherland High School"), "Registered #")
	wantShown(t, k.say(ian, "/interests"), "Governor of Litherland High School")

	es := intrEntries(k, sue, false)
	if len(es) != 2 {
		t.Fatalf("Sue's register: %+v", es)
	}
	for _, e := range es {
		if e.UserID != sue || e.Name != "Sue Holden" || e.AddedBy != ian {
			t.Errorf("an entry for Sue keeps who entered it: %+v", e)
		}
	}
	wantShown(t, k.say(sue, "/interests"), "Supplies stationery to Sefton CVS", "Dinner from SWACA")

	// Members cannot write in each other's registers.
	for _, line := range []string{
		"/interests add <@USUE> other Anything",
		"/interests gift <@USUE> 2026-11-03 £75 Dinner",
		"/interests review <@USUE>",
	} {
		intrRefused(t, k, neil, line, "Only an officer of Safer Sefton Together can change someone else's register.")
	}
	for _, line := range []string{
		"/interests add <@USTRANGER> other Anything",
		"/interests gift <@USTRANGER> 2026-11-03 £75 Dinner",
		"/interests review <@USTRANGER>",
	} {
		intrRefused(t, k, ian, line, "<@USTRANGER> is not a member of Safer Sefton Together.")
	}
	if es := intrEntries(k, "", true); len(es) != 3 {
		t.Errorf("%d entries after the refusals, want Sue's 2 and Ian's 1", len(es))
	}

	// An officer ends a member's entry; the reply names whose it was, and
	// the member is told.
	k.sent()
	r = k.must(ian, fmt.Sprintf("/interests delete %d", stationery))
	wantShown(t, shown(r), fmt.Sprintf("Removed #%d from <@USUE>'s register: _contracts_: Supplies stationery to Sefton CVS", stationery),
		"stays on record. They are told by direct message.")
	if diff := cmp.Diff(actDMs(k.sent(), sue), []string{fmt.Sprintf("<@UIAN> removed #%d from your register of interests in *Safer Sefton Together*: _contracts_: Supplies stationery to Sefton CVS\n"+
		"It ended on Monday 23 November 2026 and stays on record: `/interests history` shows it, and who removed it.", stationery)}); diff != "" {
		t.Errorf("Sue is told (-got +want):\n%s", diff)
	}
	for _, e := range intrEntries(k, sue, true) {
		if e.ID == stationery && (!e.Ended || e.EndedBy != ian) {
			t.Errorf("the ending keeps the officer who made it: %+v", e)
		}
	}
}

// outboxAlone is a store that cannot queue a message by itself: as if the
// process stopped between a write and a message queued after it.
type outboxAlone struct{ commands.Store }

func (outboxAlone) Enqueue(context.Context, ...commands.OutboxMessage) (bool, error) {
	return false, errDown
}

// TestInterestRemovalQueuesItsNotice: the message telling a member that an
// officer removed an entry from their register is queued with the removal,
// not after it, so a removal never stands with the member untold.
func TestInterestRemovalQueuesItsNotice(t *testing.T) {
	k := agendaKit(t)
	id := intrEntryID(t, k.must(ian, "/interests add <@USUE> contracts Supplies stationery to Sefton CVS"))
	k.sent()
	svc := commands.New(outboxAlone{k.db}, nil)
	r, err := svc.Run(context.Background(), k.request(ian, fmt.Sprintf("/interests remove %d", id)))
	if err != nil {
		t.Fatalf("the removal failed: %v", err)
	}
	wantShown(t, shown(r), fmt.Sprintf("Removed #%d from <@USUE>'s register", id), "stays on record. They are told by direct message.")
	if got := actDMs(k.sent(), sue); len(got) != 1 || !strings.Contains(got[0], fmt.Sprintf("removed #%d from your register of interests", id)) {
		t.Errorf("Sue is told %q, want the removal", got)
	}
}

// TestInterestsEndingForAName: a description that ends "for" and a name
// or a word two slips or more from "spouse" or "partner", or their
// plural, is registered as typed, the member's own; it is not asked
// about as a slip of "for spouse", which would leave it no way in.
func TestInterestsEndingForAName(t *testing.T) {
	k := committeeKit(t)
	for _, desc := range []string{"Consultant for Carter", "Agent for Porter", "Trustee of Homes for House", "Volunteer, Support for Partners"} {
		got := k.say(neil, "/interests add other "+desc)
		if !strings.Contains(got, "Registered #") || !strings.Contains(got, ": "+desc+"\n") || strings.Contains(got, "spouse") {
			t.Errorf("/interests add other %s:\n%s", desc, got)
		}
	}
}

// TestGiftLongAgo: a gift received more than a year ago is more likely a
// slip in the year; it is asked about, nothing is added, and it is taken
// when sent again with `confirm` last.
func TestGiftLongAgo(t *testing.T) {
	k := agendaKit(t)
	intrRefused(t, k, neil, "/interests gift 1990-01-01 £60 Tickets from Everton FC",
		"Monday 1 January 1990 is more than a year ago: check the year. Nothing was added. If the gift was received that day, send the same line again with `confirm` at the end.")
	if got := k.say(neil, "/interests"); strings.Contains(got, "Everton") {
		t.Errorf("a gift asked about was added:\n%s", got)
	}
	wantShown(t, k.say(neil, "/interests gift 2025-06-01 £60 Tickets from Everton FC confirm"),
		"_gifts and hospitality_: Tickets from Everton FC — £60, received Sunday 1 June 2025")
	wantShown(t, k.say(neil, "/interests"), "Tickets from Everton FC — £60, received Sunday 1 June 2025")
}

// TestInterestsMistakes: what a person reads when they type something the
// register cannot take, and that nothing is saved.
func TestInterestsMistakes(t *testing.T) {
	k := agendaKit(t)
	long := strings.Repeat("x", commands.MaxInterestLen+1)
	for _, tc := range []struct{ user, line, want string }{
		{neil, "/interests add sensitive", "Say which kind of interest it is (`employment`, "},
		{neil, "/interests add hobbies Fishing", `"hobbies" is not a category of the register: say ` + "`employment`"},
		// "@nobody" not picked in Slack arrives as text: it is the person
		// not found, not a category or a word unknown.
		{ian, "/interests add @nobody other Trustee of SWACA", "I could not find @nobody: type @ and pick the person, so that Slack links the name."},
		{ian, "/interests review @nobody", "I could not find @nobody: type @ and pick the person, so that Slack links the name."},
		// A member who is not an officer may not change another's register
		// at all: told so, not how to pick the person.
		{neil, "/interests add @nobody other Trustee of SWACA", "Only an officer of Safer Sefton Together can change someone else's register."},
		{neil, "/interests gift @nobody 2026-11-03 £75 Dinner", "Only an officer of Safer Sefton Together can change someone else's register."},
		{neil, "/interests review @nobody", "Only an officer of Safer Sefton Together can change someone else's register."},
		// A description typed without its category is shown with one put
		// in; a slip of a category's name is shown corrected.
		{neil, "/interests add Trustee of SWACA", `"Trustee" is not a category of the register: say ` + "`employment`, `sponsorship`, `contracts`, `land`, `licences`, `tenancies`, `securities` or `other`. If it is none of those, it is `other`: `/interests add other Trustee of SWACA`."},
		{ian, "/interests add <@UNEIL> Trustee of SWACA", `"Trustee" is not a category of the register: say ` + "`employment`, `sponsorship`, `contracts`, `land`, `licences`, `tenancies`, `securities` or `other`. If it is none of those, it is `other`: `/interests add <@UNEIL> other Trustee of SWACA`."},
		{ian, "/interests gift <@UNEIL> Dinner &amp; drinks £60 on 1/11/2026", "Start with the day it was received, then the value: `/interests gift <@UNEIL> 2026-11-01 £60 Dinner &amp; drinks`."},
		{neil, "/interests add employmnet Teacher at Chesterfield High", "`employmnet`: did you mean `/interests add employment Teacher at Chesterfield High`?\nUsage:"},
		{neil, "/interests add sensitive lnad Home in Formby", "`lnad`: did you mean `/interests add sensitive land Home in Formby`?\nUsage:"},
		{neil, "/interests add gift Dinner", "Gifts and hospitality have a date and a value: use `/interests gift DATE VALUE DESCRIPTION`."},
		{neil, "/interests add other", "Say what the interest is, e.g. `/interests add other Trustee of SWACA`."},
		{neil, "/interests add other for spouse", "Say what the interest is, e.g. `/interests add other Trustee of SWACA`."},
		// A slip of "for spouse" would register the spouse's interest as the
		// member's own: it is asked about, with the line that means it.
		{neil, "/interests add other Trustee of Bootle Strand for spuose", "`for spuose`: did you mean `/interests add other Trustee of Bootle Strand for spouse`?\nUsage:"},
		// With the category left out too, the command shown puts both
		// right, rather than one to be asked about again once sent.
		{neil, "/interests add Trustee of Bootle Strand for spuose", "\"Trustee\" is not a category of the register: say `employment`, `sponsorship`, `contracts`, `land`, `licences`, `tenancies`, `securities` or `other`. If it is none of those, it is `other`: `/interests add other Trustee of Bootle Strand for spouse`"},
		{neil, "/interests add lnad Home for parnter", "`lnad`: did you mean `/interests add land Home for partner`?"},
		{ian, "/interests add <@UNEIL> land Flat in Southport for parnter", "`for parnter`: did you mean `/interests add <@UNEIL> land Flat in Southport for partner`?"},
		{neil, "/interests add other — ", "Say what the interest is, e.g. `/interests add other Trustee of SWACA`."},
		{neil, "/interests add other " + long, "That description is too long (1001 characters; the limit is 1000)."},
		{neil, "/interests add other " + strings.Repeat("y", commands.MaxTextLen), "That is too long for /interests (4010 characters; the limit is 4000)."},
		{neil, "/interests add other Trustee\x00", "That text contains a NUL character, which cannot be stored: nothing was saved."},
		{neil, "/interests gift", "Start with the day it was received, e.g. `/interests gift 2026-11-03 £75 Dinner from Sefton CVS`."},
		{neil, "/interests gift Dinner £75", "Start with the day it was received"},
		// The day and the value given in other places are put where they go.
		{neil, "/interests gift Dinner from Acme Ltd £60 on 1 November 2026", "Start with the day it was received, then the value: `/interests gift 2026-11-01 £60 Dinner from Acme Ltd`."},
		{neil, "/interests gift £60 1/11/2026 Dinner from Acme Ltd", "Start with the day it was received, then the value: `/interests gift 2026-11-01 £60 Dinner from Acme Ltd`."},
		{neil, "/interests gift 1 November 2026 Dinner from Acme Ltd £60", "Put the value straight after the day: `/interests gift 2026-11-01 £60 Dinner from Acme Ltd`."},
		{neil, "/interests gift 2026-11-03", "Say what it was worth, e.g. £75."},
		{neil, "/interests gift 2026-11-03 £75", "Say what it was and who gave it, e.g. Dinner from Sefton CVS."},
		{neil, "/interests gift 2026-11-03 lots Dinner", `"lots" is not a value: say what it was worth in pounds, e.g. £75.`},
		// A backquote quoted back would open a code span that the usage's
		// closes: it is shown as the accent that looks like it.
		{neil, "/interests gift 1-1-00 `", `"ˋ" is not a value: say what it was worth in pounds, e.g. £75.`},
		{neil, "/interests gift 2026-11-03 `$75` Dinner", `"ˋ$75ˋ": give the value in pounds`},
		{neil, "/interests gift 2026-11-03 $75 Dinner", `"$75": give the value in pounds, e.g. £75, 75 GBP or £75.00.`},
		{neil, "/interests gift 2026-11-03 75 euros Dinner", `"75 euros": give the value in pounds`},
		{neil, "/interests gift 2026-11-03 £75 " + long, "That description is too long (1001 characters; the limit is 1000)."},
		{neil, "/interests gift 2026-12-03 £75 Dinner", "Thursday 3 December 2026 is still to come: register a gift once it has been received."},
		// Decades ago is more likely a slip in the year: asked about.
		{neil, "/interests gift 1990-01-01 £60 Dinner from Sefton CVS", "Monday 1 January 1990 is more than a year ago: check the year. Nothing was added. If the gift was received that day, send the same line again with `confirm` at the end."},
		{ian, "/interests gift <@UNEIL> 22/11/2025 £60 Dinner", "Saturday 22 November 2025 is more than a year ago: check the year."},
		{neil, "/interests remove", "Say which entry to remove, by its number: `/interests` lists yours.\nUsage:\n• `/interests remove ID`"},
		{neil, "/interests remove 1 2", "Remove one entry at a time, by its number alone: `/interests remove 1`."},
		{neil, "/interests remove 1 please", "Remove one entry at a time, by its number alone: `/interests remove 1`."},
		{neil, "/interests remove SWACA", `"SWACA" is not an entry's number: ` + "`/interests` lists yours."},
		{neil, "/interests remove #0", `"#0" is not an entry's number`},
		// Cut to its first twenty characters before it is escaped, not
		// after: "&amp;" cut short showed as "&a".
		{neil, "/interests remove Hospitality-from-M&Sx", `"Hospitality-from-M&amp;S…" is not an entry's number`},
		{neil, `/interests remove "Fire"`, `""Fire"" is not an entry's number`},
		{neil, "/interests remove 99999", "There is no entry #99999 in the register of Safer Sefton Together. `/interests` shows your entries and their numbers."},
		{ian, "/interests remove 99999", "There is no entry #99999 in the register of Safer Sefton Together. `/interests` shows your entries and their numbers, `/interests @member` a member's."},
		{neil, "/interests review everything", "Say `/interests review` alone, or an officer: `/interests review @member`."},
		{neil, "/interests review <@USUE> <@UGRAEME>", "Say `/interests review` alone, or an officer"},
		{neil, "/interests <@USUE> <@UGRAEME>", "Say whose register, e.g. `/interests @neil`, or `/interests` alone for yours."},
		{neil, "/interests changes", "I don't know `changes`: say whose register with an @mention."},
		// A subcommand mistyped, or an entry to change, is not asked whose
		// register it is.
		{neil, "/interests remvoe 1", "I don't know `remvoe`: did you mean `/interests remove`?\nUsage:\n• `/interests remove ID`"},
		{neil, "/interests gfit 2026-11-03 £75 Dinner", "I don't know `gfit`: did you mean `/interests gift`?"},
		{neil, "/interests change 1 Trustee of SWACA Ltd", "An entry is not changed in place: `/interests remove 1` ends it, keeping it on record, and `/interests add CATEGORY DESCRIPTION` registers it as it now stands.\nUsage:\n• `/interests remove ID`"},
		{neil, "/interests edit", "An entry is not changed in place: `/interests remove ID` ends it"},
		{ian, "/interests <@UNEIL> history", "Put `history` first: `/interests history <@UNEIL>`.\nUsage:\n• `/interests history`"},
		{neil, "/interests gift 2026-11-03 £1000000000 Dinner", `"£1000000000" is more than I can record: the most is £9,999,999.99.`},
		{neil, "/interests gift 2026-11-03 £60.555 Dinner", `"£60.555": give pence as two figures, e.g. £75.50.`},
		{ian, "/interests threshold 99999999999", `"99999999999" is more than I can record`},
		{neil, "/interests <@USTRANGER>", "<@USTRANGER> is not a member of Safer Sefton Together."},
		{neil, "/interests register", "Only an officer of Safer Sefton Together can see the whole register."},
		{neil, "/interests register <@UNEIL>", "Only an officer of Safer Sefton Together can see the whole register."},
		{neil, "/interests missing", "Only an officer of Safer Sefton Together can see whose register is missing."},
		{neil, "/interests threshold £10", "Only an officer of Safer Sefton Together can set the gift threshold."},
		{ian, "/interests threshold £30 please", "Say only the value, e.g. `/interests threshold £100`."},
		{ian, "/interests threshold lots", `"lots" is not a value`},
		{ian, "/interests register <@UNEIL> <@USUE>", "Say whose register with one @mention, or nothing for the whole register."},
		{ian, "/interests register Neil", "A register is named by mention: did you mean Neil Frackelton (SWACA)? Name them as <@UNEIL>."},
		{ian, "/interests register Jo", "Say whose register with an @mention, or nothing for the whole register."},
		{ian, "/interests register <@USTRANGER>", "<@USTRANGER> is not a member of Safer Sefton Together."},
		{stranger, "/interests", "You are not a member of Safer Sefton Together."},
		{stranger, "/interests add other Trustee of SWACA", "You are not a member of Safer Sefton Together."},
		{stranger, "/interests <@UNEIL>", "You are not a member of Safer Sefton Together."},
		{stranger, "/interests review", "You are not a member of Safer Sefton Together."},
		{stranger, "/interests gift 2026-11-03 £75 Dinner", "You are not a member of Safer Sefton Together."},
	} {
		t.Run(intrShort(tc.line), func(t *testing.T) { intrRefused(t, k, tc.user, tc.line, tc.want) })
	}
	if es := intrEntries(k, "", true); len(es) != 0 {
		t.Errorf("refused entries were saved: %+v", es)
	}
	if p, err := k.db.GiftThreshold(context.Background(), k.committee().ID); err != nil || p != commands.DefaultGiftThresholdPence {
		t.Errorf("the threshold after refusals is %d (%v), want the default", p, err)
	}

	// Text is kept as the sender saw it and shown escaped, so it cannot
	// ping anyone.
	wantShown(t, k.say(neil, "/interests add other <!channel> Trustee & chair"), "_other registrable interest_: @channel Trustee &amp; chair")
	if es := intrEntries(k, neil, false); len(es) != 1 || es[0].Description != "@channel Trustee & chair" {
		t.Errorf("Neil's entry as recorded: %+v", es)
	}
}

// TestInterestsHelp: help lists every form of /interests, the officers'
// marked as theirs.
func TestInterestsHelp(t *testing.T) {
	k := committeeKit(t)
	got := k.say(neil, "/interests help")
	inOrder(t, got, "/interests add [sensitive] CATEGORY DESCRIPTION [for spouse]", "/interests gift DATE VALUE DESCRIPTION",
		"/interests remove ID", "/interests review", "/interests threshold VALUE", "/interests register [@member]", "/interests missing")
	wantShown(t, k.say(neil, "/interests add help"), "employment, sponsorship, contracts, land, licences, tenancies, securities or other")
}

// TestInterestsForm: `/interests add` alone opens a form that adds the same
// entry as the command; mistakes are shown in the form, and a form from a
// committee one has left, or an out-of-date one, is refused.
func TestInterestsForm(t *testing.T) {
	k := committeeKit(t)
	r := k.must(neil, "/interests add")
	if r.Form == nil || r.Form.ID != "interests.add" || r.Form.Metadata != strconv.FormatInt(k.committee().ID, 10) || r.Text != "Opening the form to add to your register of interests…" {
		t.Fatalf("/interests add alone: %+v", r)
	}
	var ids, cats []string
	for _, f := range r.Form.Fields {
		ids = append(ids, f.ID)
		if f.ID == "category" {
			for _, o := range f.Options {
				cats = append(cats, o.Value)
			}
		}
	}
	if diff := cmp.Diff(ids, []string{"category", "description", "for", "sensitive"}); diff != "" {
		t.Errorf("the form's fields (-got +want):\n%s", diff)
	}
	// Gifts have their own command, with a date and a value.
	if diff := cmp.Diff(cats, []string{"employment", "sponsorship", "contracts", "land", "licences", "tenancies", "securities", "other"}); diff != "" {
		t.Errorf("the form's categories (-got +want):\n%s", diff)
	}

	for _, tc := range []struct {
		name   string
		values map[string]string
		want   map[string]string
	}{
		{"empty", map[string]string{"for": "spouse"}, map[string]string{"category": "Choose the category.", "description": "Say what the interest is, e.g. Trustee of SWACA."}},
		{"gifts", map[string]string{"category": "gifts", "description": "Dinner"}, map[string]string{"category": "Choose the category."}},
		{"blank", map[string]string{"category": "other", "description": " \n "}, map[string]string{"description": "Say what the interest is, e.g. Trustee of SWACA."}},
		{"long", map[string]string{"category": "other", "description": strings.Repeat("x", 1001)}, map[string]string{"description": "That is too long (1001 characters; the limit is 1000)."}},
		{"NUL", map[string]string{"category": "other", "description": "a\x00b"}, map[string]string{"description": "That text contains a NUL character, which cannot be stored: nothing was saved. Type it again without it."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := k.submit(k.home(neil), r.Form, tc.values)
			if diff := cmp.Diff(errs, tc.want); diff != "" {
				t.Errorf("the form's errors (-got +want):\n%s", diff)
			}
		})
	}
	if es := intrEntries(k, neil, true); len(es) != 0 {
		t.Fatalf("a form with mistakes saved %+v", es)
	}

	got, errs := k.submit(k.home(neil), r.Form, map[string]string{"category": "securities", "description": "Shares in\nAcme Builders Ltd", "for": "spouse", "sensitive": "yes"})
	if errs != nil || got.Refused {
		t.Fatalf("a filled form: %+v %v", got, errs)
	}
	id := intrEntryID(t, got)
	if want := fmt.Sprintf("Registered #%d: _securities_: Shares in Acme Builders Ltd (spouse or civil partner) — _sensitive: details shown only to you and the officers_\n"+
		"It stands from Monday 23 November 2026; `/interests remove %d` ends it, keeping it on record.", id, id); shown(got) != want {
		t.Errorf("the form's answer:\ngot  %q\nwant %q", shown(got), want)
	}
	wantShown(t, k.say(neil, "/interests"), "_securities_: Shares in Acme Builders Ltd (spouse or civil partner) — _sensitive")
	if got := k.say(graeme, "/interests <@UNEIL>"); strings.Contains(got, "Acme") {
		t.Errorf("Graeme reads Neil's sensitive entry:\n%s", got)
	}
	// Unticked and for oneself, the entry is neither sensitive nor the
	// spouse's.
	k.submit(k.home(neil), r.Form, map[string]string{"category": "other", "description": "Trustee of SWACA", "for": "self"})
	for _, e := range intrEntries(k, neil, false) {
		if e.Description == "Trustee of SWACA" && (e.Sensitive || e.Spouse || e.Category != commands.CategoryOther) {
			t.Errorf("the plain entry as recorded: %+v", e)
		}
	}

	// Someone not in the committee, or a form whose committee is unknown.
	valid := map[string]string{"category": "other", "description": "Trustee of SWACA"}
	for _, tc := range []struct {
		user, metadata, want string
	}{
		{stranger, r.Form.Metadata, "You are not a member of that committee, so nothing was recorded."},
		{neil, "x", "That form is out of date; run `/interests add` again."},
		{neil, "0", "That form is out of date; run `/interests add` again."},
		{neil, "99999", "You are not a member of that committee, so nothing was recorded."},
	} {
		form := *r.Form
		form.Metadata = tc.metadata
		if got, _ := k.submit(k.home(tc.user), &form, valid); !got.Refused || got.Text != tc.want {
			t.Errorf("%s submitting for %q: %+v, want %q", tc.user, tc.metadata, got, tc.want)
		}
	}
	if es := intrEntries(k, "", true); len(es) != 2 {
		t.Errorf("%d entries, want Neil's 2 from the forms", len(es))
	}
}

// TestInterestsWholeRegister: an officer reads every member's register,
// sensitive details included, member by member with their reviews.
func TestInterestsWholeRegister(t *testing.T) {
	k := agendaKit(t)
	intrJoined(k, time.Date(2026, 11, 2, 9, 0, 0, 0, london))
	swaca := intrEntryID(t, k.must(neil, "/interests add other Trustee of SWACA"))
	bootle := intrEntryID(t, k.must(graeme, "/interests add sensitive land Home at 4 Marine Drive, Bootle"))
	gone := intrEntryID(t, k.must(graeme, "/interests add other Volunteer at SWACA"))
	k.must(graeme, fmt.Sprintf("/interests remove %d", gone))

	notYet := "Not completed yet: due by Monday 30 November 2026 (`/interests review` if there is nothing to register)."
	// The officer reads how to review Sue's for her, not his own.
	suesNotYet := "Not completed yet: due by Monday 30 November 2026 (`/interests review <@USUE>` if there is nothing to register)."
	reviewed := "Last reviewed Monday 23 November 2026; the next review is due by Tuesday 23 November 2027."
	want := "*Register of interests* — Safer Sefton Together (sensitive details included: do not publish them)\n\n" +
		"*Graeme Robson* — " + reviewed + "\n" +
		fmt.Sprintf("• #%d _land_: Home at 4 Marine Drive, Bootle — _sensitive: details shown only to the member and the officers_\n\n", bootle) +
		"*Ian Barton* — " + notYet + "\nNothing is registered.\n\n" +
		"*Neil Frackelton* — " + reviewed + "\n" +
		fmt.Sprintf("• #%d _other registrable interest_: Trustee of SWACA\n\n", swaca) +
		"*Sue Holden* — " + suesNotYet + "\nNothing is registered."
	r := k.must(ian, "/interests register")
	if diff := cmp.Diff(shown(r), want); diff != "" || r.Visibility != commands.Private {
		t.Errorf("the whole register, privately (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(k.say(ian, "/interests register <@USUE>"), "*Register of interests* — Sue Holden, Safer Sefton Together\nNothing is registered.\n"+suesNotYet); diff != "" {
		t.Errorf("Sue's register (-got +want):\n%s", diff)
	}
	// A week on, Sue's register is overdue.
	k.now = time.Date(2026, 12, 1, 9, 0, 0, 0, london)
	wantShown(t, k.say(ian, "/interests <@USUE>"), "Nothing is registered.\nNever completed: it was due by Monday 30 November 2026.")
}

// TestInterestsRegisterSaysAReviewIsOverdue: a year on from the last
// review, the register shown to the member and to the officer says the
// annual review was due and is overdue, as `/interests missing` lists it,
// not that it "is due by" a day gone; on the last day it is still due.
func TestInterestsRegisterSaysAReviewIsOverdue(t *testing.T) {
	k := committeeKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	due := "Last reviewed Monday 23 November 2026; the next review is due by Tuesday 23 November 2027."
	overdue := "Last reviewed Monday 23 November 2026; its annual review was due by Tuesday 23 November 2027, and is overdue."
	k.now = time.Date(2027, 11, 23, 23, 0, 0, 0, london)
	wantShown(t, k.say(neil, "/interests"), due)
	k.now = time.Date(2027, 11, 24, 9, 0, 0, 0, london)
	wantShown(t, k.say(neil, "/interests"), overdue)
	wantShown(t, k.say(ian, "/interests <@UNEIL>"), overdue)
	wantShown(t, k.say(ian, "/interests register"), "*Neil Frackelton* — "+overdue)
	wantShown(t, k.say(ian, "/interests missing"), "• <@UNEIL> — last reviewed Monday 23 November 2026, more than 12 months ago")
	k.must(neil, "/interests review")
	wantShown(t, k.say(neil, "/interests"), "Last reviewed Wednesday 24 November 2027; the next review is due by Friday 24 November 2028.")
}

// TestInterestsMissing: officers see who has no register 28 days after
// joining, and whose last review is more than 12 months old, counted in
// days of the committee's time zone; those still in their 28 days are
// named apart, as not completed yet, and "none" is said only when every
// register is complete.
func TestInterestsMissing(t *testing.T) {
	k := agendaKit(t)
	intrJoined(k, time.Date(2026, 11, 2, 9, 0, 0, 0, london))
	k.must(neil, "/interests add other Trustee of SWACA")
	k.must(sue, "/interests review")

	head := "*Registers of interests missing or out of date* — Safer Sefton Together\n"
	notYet := head + "None overdue: no member is past their 28 days without a register, or 12 months from their last review.\n\n" +
		"*Not completed yet, and not yet due*\n" +
		"• <@UGRAEME> — joined Monday 2 November 2026, due by Monday 30 November 2026\n" +
		"• <@UIAN> — joined Monday 2 November 2026, due by Monday 30 November 2026"
	late := func(user string) string {
		return "• <@" + user + "> — no register: joined Monday 2 November 2026, it was due by Monday 30 November 2026"
	}
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{now, notYet},
		// The last day of the 28 is still in time, to its last minute.
		{time.Date(2026, 11, 30, 23, 59, 0, 0, london), notYet},
		{time.Date(2026, 12, 1, 0, 1, 0, 0, london), head + late(graeme) + "\n" + late(ian)},
		{time.Date(2027, 11, 23, 23, 0, 0, 0, london), head + late(graeme) + "\n" + late(ian)},
		{time.Date(2027, 11, 24, 9, 0, 0, 0, london), head + late(graeme) + "\n" + late(ian) + "\n" +
			"• <@UNEIL> — last reviewed Monday 23 November 2026, more than 12 months ago\n" +
			"• <@USUE> — last reviewed Monday 23 November 2026, more than 12 months ago"},
	} {
		k.now = tc.at
		if diff := cmp.Diff(k.say(ian, "/interests missing"), tc.want); diff != "" {
			t.Errorf("missing at %s (-got +want):\n%s", tc.at, diff)
		}
	}
	// An overdue register completed is no longer missing.
	k.must(graeme, "/interests review")
	if got := k.say(ian, "/interests missing"); strings.Contains(got, "UGRAEME") {
		t.Errorf("Graeme is still missing after his review:\n%s", got)
	}

	// Once every register is complete and reviewed, none is missing.
	k.must(ian, "/interests review")
	k.must(neil, "/interests review")
	k.must(sue, "/interests review")
	want := head + "None: every member has completed their register within 28 days of joining and reviewed it in the last 12 months."
	if diff := cmp.Diff(k.say(ian, "/interests missing"), want); diff != "" {
		t.Errorf("every register complete (-got +want):\n%s", diff)
	}
}

// TestInterestsHome: the Home shows a member's register part once they
// have a register or it is overdue: when it was last reviewed, how long
// ago, and a Review register button that records a review.
func TestInterestsHome(t *testing.T) {
	k := committeeKit(t)
	intrJoined(k, time.Date(2026, 11, 2, 9, 0, 0, 0, london))
	if text, _, ok := intrHomePart(k, neil); ok {
		t.Errorf("a new member, not yet late, is shown the register part:\n%s", text)
	}
	k.must(neil, "/interests add other Trustee of SWACA")
	id := strconv.FormatInt(k.committee().ID, 10)
	text, buttons, ok := intrHomePart(k, neil)
	if !ok || text != "Last changed Monday 23 November 2026 (today): 'Trustee of SWACA' added.\n`/interests` in the channel shows your register." {
		t.Errorf("Neil's register part: %q", text)
	}
	if !cmp.Equal(buttons[len(buttons)-1], commands.Button{Label: "Review register", Action: "interests.review", Value: id}) {
		t.Errorf("Neil's buttons: %+v", buttons)
	}
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{now.AddDate(0, 0, 1), "Last changed Monday 23 November 2026 (1 day ago): "},
		{now.AddDate(0, 0, 20), "Last changed Monday 23 November 2026 (20 days ago): "},
		{now.AddDate(0, 0, 45), "Last changed Monday 23 November 2026 (1 month ago): "},
		{now.AddDate(0, 0, 100), "Last changed Monday 23 November 2026 (3 months ago): "},
		{now.AddDate(1, 0, 0), "Last changed Monday 23 November 2026 (1 year ago): 'Trustee of SWACA' added.\n"},
		{now.AddDate(1, 0, 1), "Last changed Monday 23 November 2026 (1 year ago): 'Trustee of SWACA' added. A review is due: is it still up to date?"},
		{now.AddDate(3, 0, 2), "(3 years ago): 'Trustee of SWACA' added. A review is due"},
	} {
		k.now = tc.at
		if text, _, _ := intrHomePart(k, neil); !strings.Contains(text, tc.want) {
			t.Errorf("Neil's register part at %s: %q, want %q", tc.at.Format(time.DateOnly), text, tc.want)
		}
	}

	// Graeme has kept no register and is now late: his Home says so, and its
	// button records that he has nothing to register.
	k.now = time.Date(2026, 12, 1, 10, 0, 0, 0, london)
	text, buttons, ok = intrHomePart(k, graeme)
	if !ok || !strings.HasPrefix(text, "Never completed: it was due by Monday 30 November 2026.\n") {
		t.Errorf("Graeme's overdue register part (%v): %q", ok, text)
	}
	got := k.press(graeme, commands.Reply{Buttons: buttons}, "Nothing to register")
	if shown(got) != "Recorded: the register of interests in Safer Sefton Together is up to date as of Tuesday 1 December 2026 (0 entries). The next review is due by Wednesday 1 December 2027." {
		t.Errorf("Review register: %q", shown(got))
	}
	if text, _, _ := intrHomePart(k, graeme); !strings.HasPrefix(text, "Last reviewed Tuesday 1 December 2026 (today): confirmed with no change (0 entries).") {
		t.Errorf("Graeme's register part after the review: %q", text)
	}

	// Reviewed by an officer for him, his Home says whose review it was.
	k.must(ian, "/interests review <@UGRAEME>")
	if text, _, _ := intrHomePart(k, graeme); !strings.HasPrefix(text, "Last reviewed Tuesday 1 December 2026 (today), by <@UIAN>: confirmed with no change (0 entries).") {
		t.Errorf("Graeme's register part after the officer's review: %q", text)
	}

	for _, tc := range []struct{ user, value, want string }{
		{graeme, "x", "That button is broken; use `/interests review` in the committee's channel."},
		{graeme, "0", "That button is broken; use `/interests review` in the committee's channel."},
		{stranger, id, "You are not a member of that committee, so nothing was recorded."},
		{graeme, "99999", "You are not a member of that committee, so nothing was recorded."},
	} {
		if got := k.act(k.home(tc.user), "interests.review", tc.value); !got.Refused || got.Text != tc.want {
			t.Errorf("%s pressing Review register %q: %q, want %q", tc.user, tc.value, got.Text, tc.want)
		}
	}
}

// TestInterestsHomeSaysWhatChanged: a member's Home says what their last
// review of the register did — the entries it added or removed, and who
// entered them when it was not the member, or that it confirmed the
// register with no change — and counts what has changed since the
// register was last confirmed unchanged.
func TestInterestsHomeSaysWhatChanged(t *testing.T) {
	k := committeeKit(t)
	intrJoined(k, time.Date(2026, 11, 2, 9, 0, 0, 0, london))
	say := func(want string) {
		t.Helper()
		text, _, _ := intrHomePart(k, neil)
		if got, _, _ := strings.Cut(text, "\n`/interests`"); got != want {
			t.Errorf("Neil's register part:\ngot  %q\nwant %q", got, want)
		}
	}
	swaca := intrEntryID(t, k.must(neil, "/interests add other Trustee of SWACA"))
	say("Last changed Monday 23 November 2026 (today): 'Trustee of SWACA' added.")

	k.now = time.Date(2026, 11, 30, 9, 0, 0, 0, london)
	k.must(neil, "/interests review")
	say("Last reviewed Monday 30 November 2026 (today): confirmed with no change (1 entry).")

	// An officer enters one for him, and he ends another: the Home says
	// who made the last change, and counts both since his review.
	k.now = time.Date(2026, 12, 2, 9, 0, 0, 0, london)
	k.must(neil, fmt.Sprintf("/interests remove %d", swaca))
	k.now = time.Date(2026, 12, 3, 9, 0, 0, 0, london)
	k.must(ian, "/interests add <@UNEIL> employment Paid adviser to Sefton CVS")
	say("Last changed Thursday 3 December 2026 (today), by <@UIAN>: 'Paid adviser to Sefton CVS' added.\n" +
		"Since it was last confirmed unchanged, on Monday 30 November 2026: 1 entry added, 1 removed.")

	// A spouse's entry is said to be the spouse's, as the register lists
	// it: "for spouse" was not lost.
	k.now = time.Date(2026, 12, 3, 10, 0, 0, 0, london)
	k.must(neil, "/interests add land Flat in Southport for spouse")
	say("Last changed Thursday 3 December 2026 (today): 'Flat in Southport' (spouse or civil partner) added.\n" +
		"Since it was last confirmed unchanged, on Monday 30 November 2026: 2 entries added, 1 removed.")

	// Graeme's register, begun with two entries and never confirmed
	// unchanged, counts from its start; Neil's Home shows none of it.
	k.must(graeme, "/interests add other Governor of Litherland High")
	k.now = time.Date(2026, 12, 4, 9, 0, 0, 0, london)
	k.must(graeme, "/interests gift 2026-12-01 £80 Match tickets from Everton FC")
	text, _, _ := intrHomePart(k, graeme)
	wantShown(t, text, "Last changed Friday 4 December 2026 (today): gift 'Match tickets from Everton FC' added.\nSince it was begun: 2 entries added.")
	if text, _, _ := intrHomePart(k, neil); strings.Contains(text, "Litherland") || strings.Contains(text, "Everton") {
		t.Errorf("Neil's Home shows Graeme's register:\n%s", text)
	}
}

// TestInterestsReminders: a new member hears on joining and at 21 days if
// their register is still missing; a member whose review falls due hears a
// month before, with a button that records a review; each once.
func TestInterestsReminders(t *testing.T) {
	k := committeeKit(t)
	ctx := context.Background()
	joined := time.Date(2026, 11, 23, 9, 0, 0, 0, london)
	intrJoined(k, joined)
	remind := func(at time.Time) (int, []commands.OutboxMessage) {
		t.Helper()
		k.now = at
		n, err := k.svc.EnqueueRegisterReminders(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		return n, k.sent()
	}
	n, sent := remind(joined.Add(time.Hour))
	if n != 3 || len(sent) != 3 {
		t.Errorf("%d reminders on joining (%d sent), want one each for Ian, Neil and Graeme", n, len(sent))
	}
	if dms := intrDMs(sent, neil); len(dms) != 1 || dms[0].Reply.Text != "Welcome to *Safer Sefton Together*. Members register their interests within 28 days of joining, so yours is due by Monday 21 December 2026. "+
		"In <#C1>, `/interests add CATEGORY DESCRIPTION` adds each interest (e.g. `/interests add other Trustee of SWACA`), "+
		"and `/interests review` records that there is nothing to register. `/interests help` explains the categories." {
		t.Errorf("Neil's welcome: %+v", dms)
	}
	if n, _ := remind(joined.Add(2 * time.Hour)); n != 0 {
		t.Errorf("%d reminders again the same day, want none", n)
	}

	// Graeme completes his register; Neil and Ian do not.
	k.now = now
	k.must(graeme, "/interests review")
	n, sent = remind(joined.AddDate(0, 0, 21))
	if n != 2 || len(intrDMs(sent, graeme)) != 0 {
		t.Errorf("%d reminders at 21 days, want Ian's and Neil's: %+v", n, sent)
	}
	if dms := intrDMs(sent, neil); len(dms) != 1 {
		t.Errorf("Neil's reminders at 21 days: %+v", dms)
	} else {
		wantShown(t, dms[0].Reply.Text, "Reminder: your register of interests in *Safer Sefton Together* is due by Monday 21 December 2026 and is not complete yet.",
			"In <#C1>, `/interests add CATEGORY DESCRIPTION` adds each interest, and `/interests review` records that there is nothing to register.")
	}
	if n, _ := remind(joined.AddDate(0, 0, 40)); n != 0 {
		t.Errorf("%d reminders at 40 days, want none: each goes once", n)
	}

	// A month before Graeme's review falls due (23 November 2027) he is
	// asked to review it, and not a day sooner.
	if n, _ := remind(time.Date(2027, 10, 23, 23, 0, 0, 0, london)); n != 0 {
		t.Errorf("%d reminders 31 days before the review is due, want none", n)
	}
	n, sent = remind(time.Date(2027, 10, 24, 9, 0, 0, 0, london))
	dms := intrDMs(sent, graeme)
	if n != 1 || len(dms) != 1 {
		t.Fatalf("%d reminders a month before Graeme's review is due, want 1: %+v", n, sent)
	}
	if dms[0].Reply.Text != "Your register of interests in *Safer Sefton Together* was last reviewed on Monday 23 November 2026; its annual review is due by Tuesday 23 November 2027. "+
		"If nothing has changed, press Review register (or `/interests review` in <#C1>); `/interests` shows what is registered." {
		t.Errorf("Graeme's review reminder: %q", dms[0].Reply.Text)
	}
	got := k.press(graeme, dms[0].Reply, "Review register")
	if shown(got) != "Recorded: the register of interests in Safer Sefton Together is up to date as of Sunday 24 October 2027 (0 entries). The next review is due by Tuesday 24 October 2028." {
		t.Errorf("Review register: %q", shown(got))
	}
	if n, _ := remind(time.Date(2027, 10, 25, 9, 0, 0, 0, london)); n != 0 {
		t.Errorf("%d reminders after Graeme's review, want none", n)
	}
}

// intrDeclared lists the declarations standing for the next meeting as
// "Name: item nature".
func intrDeclared(k *kit) []string {
	k.t.Helper()
	ds, err := k.db.Declarations(context.Background(), k.next().ID)
	if err != nil {
		k.t.Fatal(err)
	}
	out := []string{}
	for _, d := range ds {
		out = append(out, d.Name+": "+d.Item+" "+d.Nature)
	}
	return out
}

// intrFormInitial is the initial value of a form's field.
func intrFormInitial(f *commands.Form, id string) string {
	if f == nil {
		return ""
	}
	for _, fl := range f.Fields {
		if fl.ID == id {
			// An option's value names the item; what the member sees
			// chosen is its number.
			n, _, _ := strings.Cut(fl.Initial, "#")
			return n
		}
	}
	return ""
}

// TestInterestsPrompts: when the agenda is posted, each member whose
// standing register may concern an item hears so privately, once, with
// buttons to declare (a form filled in for them to finish) or to say it is
// not relevant, which the Home then stops listing. A presenter is not
// prompted by the body they present for, nor anyone by an entry they ended.
func TestInterestsPrompts(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	k.must(graeme, "/interests add sensitive land Home at 4 Marine Drive, Bootle")
	// Graeme presents item 6 for Merseyside Police: his employment there
	// is who he presents for, not a prompt.
	k.must(graeme, "/interests add employment Employed by Merseyside Police")
	// A gift prompts by its giver.
	k.must(graeme, "/interests gift 2026-11-03 £60 Lunch from Sefton CVS")
	ended := intrEntryID(t, k.must(graeme, "/interests add other Volunteer at SWACA"))
	k.must(graeme, fmt.Sprintf("/interests remove %d", ended))
	k.must(sue, "/interests add employment Employed by SWACA for spouse")
	k.sent()

	wantShown(t, k.say(ian, "/agenda post"), "on its way")
	sent := k.sent()
	prompts := map[string]commands.Reply{}
	for _, who := range []string{ian, neil, graeme, sue} {
		dms := intrDMs(sent, who)
		if len(dms) > 1 {
			t.Errorf("%d prompts to %s, want at most one", len(dms), who)
		}
		if len(dms) == 1 {
			prompts[who] = dms[0].Reply
		}
	}
	if _, ok := prompts[ian]; ok || len(prompts) != 3 {
		t.Fatalf("prompts went to %v, want Neil, Graeme and Sue", prompts)
	}
	if got := shown(prompts[neil]); got != "You registered 'Trustee of SWACA' (other registrable interest). Item 7.5 (SWACA) at the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting may concern it: "+
		"the words that matched are “swaca”, in its title and organisation.\nOnly you can decide whether to declare an interest.\n[Declare an interest]\n[Not relevant]" {
		t.Errorf("Neil's prompt:\n%s", got)
	}
	wantShown(t, shown(prompts[graeme]), "You registered 'Lunch from Sefton CVS' (gifts and hospitality). Item 7.7 (Sefton CVS) at the meeting of *Safer Sefton Together*")
	wantShown(t, shown(prompts[sue]), "You registered 'Employed by SWACA' (employment, office, trade, profession or vocation). Item 7.5 (SWACA)")
	for who, p := range prompts {
		if p.Visibility != commands.Private {
			t.Errorf("%s's prompt is not private", who)
		}
	}
	// Posting again sends no second prompt.
	k.must(ian, "/agenda post")
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM {
			t.Errorf("a second post sent %+v", m)
		}
	}

	// Declare opens the /declare form with the item and the entry filled
	// in; nothing is declared until it is submitted.
	form := k.press(neil, prompts[neil], "Declare an interest")
	if form.Form == nil || form.Form.ID != "declare" || intrFormInitial(form.Form, "item") != "7.5" || intrFormInitial(form.Form, "nature") != "Trustee of SWACA" {
		t.Fatalf("Declare opened %+v", form.Form)
	}
	sueForm := k.press(sue, prompts[sue], "Declare an interest")
	if got := intrFormInitial(sueForm.Form, "nature"); got != "Spouse or civil partner: Employed by SWACA" {
		t.Errorf("Sue's form's nature: %q", got)
	}
	if got := intrDeclared(k); len(got) != 0 {
		t.Errorf("opening the form declared %q", got)
	}

	// The Home lists the open prompts until Not relevant is pressed.
	if text, _, _ := intrHomePart(k, neil); !strings.Contains(text, "• Item 7.5 (SWACA) may concern 'Trustee of SWACA'") {
		t.Errorf("Neil's Home before Not relevant:\n%s", text)
	}
	if got := shown(k.press(neil, prompts[neil], "Not relevant")); got != "Noted: your register does not concern Item 7.5 (SWACA). You will not be prompted about it again." {
		t.Errorf("Not relevant: %q", got)
	}
	if text, _, _ := intrHomePart(k, neil); strings.Contains(text, "may concern") {
		t.Errorf("Neil's Home after Not relevant still prompts:\n%s", text)
	}
	items := map[string]int64{}
	for _, it := range standing(k, k.db.AgendaItems, func(it commands.AgendaItem) string { return it.Number + "=" + strconv.FormatInt(it.ID, 10) }) {
		n, id, _ := strings.Cut(it, "=")
		items[n], _ = strconv.ParseInt(id, 10, 64)
	}
	if ds, err := k.db.DismissedPrompts(context.Background(), []int64{items["7.5"]}); err != nil || !cmp.Equal(ds, []commands.PromptDismissal{{UserID: neil, ItemID: items["7.5"]}}) {
		t.Errorf("dismissals of 7.5 (%v): %+v", err, ds)
	}
	// Graeme's Home still lists his; Sue's stops once she declares.
	if text, _, _ := intrHomePart(k, graeme); !strings.Contains(text, "• Item 7.7 (Sefton CVS) may concern 'Lunch from Sefton CVS'") || strings.Contains(text, "Volunteer") {
		t.Errorf("Graeme's Home:\n%s", text)
	}
	if r, errs := k.submit(k.home(sue), sueForm.Form, map[string]string{"item": "7.5", "kind": "personal", "nature": "Spouse or civil partner: Employed by SWACA"}); errs != nil || r.Refused {
		t.Fatalf("Sue's declaration: %+v %v", r, errs)
	}
	if text, _, _ := intrHomePart(k, sue); strings.Contains(text, "may concern") {
		t.Errorf("Sue's Home still prompts after she declared:\n%s", text)
	}

	// Declared, a registered interest is marked as such in the list; a
	// declaration of nothing registered is not.
	k.must(neil, "/declare 7.5 other Trustee of SWACA")
	k.must(graeme, "/declare 4 personal Member of the IOM board")
	for _, line := range strings.Split(k.say(ian, "/declare list"), "\n") {
		marked := strings.Contains(line, "— _on the register of interests_")
		if (strings.Contains(line, "Neil Frackelton") || strings.Contains(line, "Sue Holden")) && !marked || strings.Contains(line, "Graeme Robson") && marked {
			t.Errorf("/declare list marks the registered interest wrongly: %s", line)
		}
	}
	// The posted agenda, brought up to date, says the same.
	var agenda string
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxUpdate {
			agenda = shown(m.Reply)
		}
	}
	wantShown(t, agenda, "On the register of interests: ", "Neil Frackelton (Item 7.5)", "Sue Holden (Item 7.5)")
	if strings.Contains(agenda, "Graeme Robson (Item 4)") {
		t.Errorf("the agenda puts Graeme's declaration on the register:\n%s", agenda)
	}
}

// TestDeclaredInterestNotOnTheRegister: a declaration naming a body the
// member's register names, but in another standing to it (the CEO of a
// charity whose register says trustee), is not marked as on the register
// in the declarations list nor on the posted agenda: the public record
// would say an interest nobody registered was.
func TestDeclaredInterestNotOnTheRegister(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	k.must(sue, "/interests add employment Employed by SWACA for spouse")
	k.must(neil, "/declare 7.5 personal I am the CEO of SWACA")
	k.must(sue, "/declare 7.5 personal My husband works for SWACA")
	k.must(graeme, "/declare 7.5 personal Chair of the trustees of SWACA")
	list := k.say(ian, "/declare list")
	for _, line := range strings.Split(list, "\n") {
		marked := strings.Contains(line, "— _on the register of interests_")
		if strings.Contains(line, "Neil Frackelton") && marked || strings.Contains(line, "Sue Holden") && !marked || strings.Contains(line, "Graeme Robson") && marked {
			t.Errorf("/declare list marks the registered interest wrongly: %s", line)
		}
	}
	wantShown(t, k.say(ian, "/agenda post"), "on its way")
	var agenda string
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxPost || m.Kind == commands.OutboxUpdate {
			agenda = shown(m.Reply)
		}
	}
	wantShown(t, agenda, "On the register of interests: Sue Holden (Item 7.5).")
}

// TestInterestsPromptButtons: the prompt's buttons refuse, in words, a
// broken value, someone outside the committee and an item taken off the
// agenda; a later meeting's prompt opens that meeting's form.
func TestInterestsPromptButtons(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00 Remote Meeting")
	// Date of Next Meeting stays last, so the new item is number 4.
	k.must(ian, "/agenda add 2027-01-14 4 SWACA funding bid")
	k.must(neil, "/interests add other Trustee of SWACA")
	k.must(graeme, "/interests gift 2026-11-03 £60 Lunch from Sefton CVS")
	k.sent()
	k.must(ian, "/agenda post")
	k.must(ian, "/agenda post 2027-01-14")
	var next, later commands.Reply
	var graemes commands.Reply
	for _, m := range k.sent() {
		switch {
		case m.Kind != commands.OutboxDM:
		case m.UserID == graeme:
			graemes = m.Reply
		case strings.Contains(m.Reply.Text, "Item 7.5"):
			next = m.Reply
		case strings.Contains(m.Reply.Text, "Item 4 (SWACA funding bid)"):
			later = m.Reply
		}
	}
	if next.Text == "" || later.Text == "" || graemes.Text == "" {
		t.Fatalf("prompts: next %q, later %q, Graeme's %q", next.Text, later.Text, graemes.Text)
	}
	wantShown(t, later.Text, "at the meeting of *Safer Sefton Together* on Thursday 14 January 2027, 10:00, Remote Meeting may concern it")

	// The later meeting's Declare opens that meeting's form, with its
	// item, never the next meeting's.
	if got := k.press(neil, later, "Declare an interest"); got.Refused || got.Form == nil || intrFormInitial(got.Form, "item") != "4" ||
		got.Form.Metadata == strconv.FormatInt(k.next().ID, 10) || !strings.Contains(got.Form.Fields[0].Hint, "14 January 2027") {
		t.Errorf("Declare for a later meeting: %+v %+v", got, got.Form)
	}
	// Someone else pressing a prompt.
	for _, label := range []string{"Declare an interest", "Not relevant"} {
		if got := k.press(stranger, next, label); !got.Refused || got.Text != "That meeting no longer exists, or you are not a member of its committee." {
			t.Errorf("a stranger pressing %s: %+v", label, got)
		}
	}
	for _, tc := range []struct{ action, value, want string }{
		{"interests.declare", "x", "That button is broken; use `/declare` in the committee's channel."},
		{"interests.declare", "1:2", "That button is broken; use `/declare` in the committee's channel."},
		{"interests.declare", "1:0:2", "That button is broken; use `/declare` in the committee's channel."},
		{"interests.declare", "99999:1:1", "That meeting no longer exists, or you are not a member of its committee."},
		{"interests.dismiss", "1:2:3:4", "That button is broken."},
		{"interests.dismiss", "99999:1:1", "That meeting no longer exists, or you are not a member of its committee."},
	} {
		if got := k.act(k.home(neil), tc.action, tc.value); !got.Refused || got.Text != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.action, tc.value, got.Text, tc.want)
		}
	}

	// Item 7.7 taken off the agenda: Declare has nothing to declare in,
	// and Not relevant no longer names it.
	k.must(ian, "/agenda remove 7.7")
	if got := k.press(graeme, graemes, "Declare an interest"); !got.Refused || got.Text != "That item is no longer on the agenda." {
		t.Errorf("Declare for a removed item: %+v", got)
	}
	if got := shown(k.press(graeme, graemes, "Not relevant")); got != "Noted: your register does not concern that item. You will not be prompted about it again." {
		t.Errorf("Not relevant for a removed item: %q", got)
	}
	if got := intrDeclared(k); len(got) != 0 {
		t.Errorf("the buttons declared %q", got)
	}
}

// TestInterestsPublished: the register as it may be published has each
// member's standing entries, a line for a member with none — that they
// have none once they have reviewed their register, that it is not yet
// completed until then, officers as others —, and for a sensitive entry
// only that one is registered; ended entries are left out.
func TestInterestsPublished(t *testing.T) {
	day := commands.Date{Year: 2026, Month: time.November, Day: 23}
	members := []commands.Member{{UserID: neil, Name: "Neil Frackelton"}, {UserID: ian, Name: "Ian Barton", Role: commands.RoleOfficer},
		{UserID: sue, Name: "Sue Holden"}}
	reviews := []commands.InterestReview{{UserID: neil, ReviewedAt: now}, {UserID: sue, ReviewedAt: now}}
	es := []commands.Interest{
		{UserID: neil, Category: commands.CategoryOther, Description: "Trustee of SWACA", StartedOn: day},
		{UserID: neil, Category: commands.CategoryLand, Description: "Home at 4 Marine Drive", Sensitive: true, StartedOn: day},
		{UserID: neil, Category: commands.CategoryGifts, Description: "<b>Dinner</b> from Sefton CVS", StartedOn: day,
			GiftOn: commands.Date{Year: 2026, Month: time.November, Day: 3}, ValuePence: 7550, GiftFrom: "Sefton CVS"},
		{UserID: neil, Category: commands.CategoryEmployment, Description: "Employed by Sefton Libraries", Spouse: true, StartedOn: day},
		{UserID: neil, Category: commands.CategoryContracts, Description: "Ended contract", StartedOn: day, Ended: true, EndedOn: day},
	}
	var got [][]string
	for _, r := range commands.PublishedRegister(members, es, reviews) {
		got = append(got, r.Cells())
	}
	want := [][]string{
		{"Ian Barton", "", "Register not yet completed", "", "", "", "", ""},
		{"Neil Frackelton", "other registrable interest", "Trustee of SWACA", "member", "2026-11-23", "", "", ""},
		{"Neil Frackelton", "", "A sensitive interest is registered; its details are withheld (Localism Act 2011, section 32)", "", "", "", "", ""},
		{"Neil Frackelton", "gifts and hospitality", "<b>Dinner</b> from Sefton CVS", "member", "2026-11-23", "£75.50", "2026-11-03", "Sefton CVS"},
		{"Neil Frackelton", "employment, office, trade, profession or vocation", "Employed by Sefton Libraries", "spouse or civil partner", "2026-11-23", "", "", ""},
		{"Sue Holden", "", "No interests registered", "", "", "", "", ""},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("published register (-got +want):\n%s", diff)
	}
	if len(commands.RegisterColumns) != len(want[0]) {
		t.Errorf("%d columns named, %d in each row", len(commands.RegisterColumns), len(want[0]))
	}
}

// TestInterestsChangesCountAsReviews: adding or removing an entry, by the
// member or an officer for them, dates the member's last review.
func TestInterestsChangesCountAsReviews(t *testing.T) {
	k := committeeKit(t)
	id := intrEntryID(t, k.must(neil, "/interests add other Trustee of SWACA"))
	k.now = time.Date(2027, 2, 1, 10, 0, 0, 0, london)
	k.must(neil, fmt.Sprintf("/interests remove %d", id))
	wantShown(t, k.say(neil, "/interests"), "Nothing is registered.\nLast reviewed Monday 1 February 2027; the next review is due by Tuesday 1 February 2028.")
	k.now = time.Date(2027, 3, 1, 10, 0, 0, 0, london)
	k.must(ian, "/interests add <@UGRAEME> other Member of the Police Federation")
	wantShown(t, k.say(graeme, "/interests"), "Last reviewed Monday 1 March 2027; the next review is due by Wednesday 1 March 2028.")
}

// TestPostedAgendaFollowsTheRegister: the posted agenda says which
// declarations are of interests on the register, so an entry added to
// the register, or ended, brings it up to date.
func TestPostedAgendaFollowsTheRegister(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/declare 7.5 other Trustee of SWACA")
	k.must(ian, "/agenda post")
	k.sent()
	agenda := func() string {
		t.Helper()
		text := ""
		for _, m := range k.sent() {
			if m.Kind == commands.OutboxUpdate && m.MessageKey == fmt.Sprintf("agenda:%d", k.next().ID) {
				text = shown(m.Reply)
			}
		}
		return text
	}
	swaca := intrEntryID(t, k.must(neil, "/interests add other Trustee of SWACA"))
	if got := agenda(); !strings.Contains(got, "On the register of interests: Neil Frackelton (Item 7.5)") {
		t.Errorf("after the entry was registered, the posted agenda was not brought up to date:\n%s", got)
	}
	k.must(neil, fmt.Sprintf("/interests remove %d", swaca))
	if got := agenda(); got == "" || strings.Contains(got, "On the register of interests") {
		t.Errorf("after the entry was ended, the posted agenda still reads (empty: not updated):\n%s", got)
	}
}

// TestPromptDeclareFillsOnlyTheirOwnEntry: a Declare button whose value
// names an entry of someone else's register, a sensitive one included,
// or no entry at all, is refused in words: the form it opens would show
// the entry's description as the nature of the interest.
func TestPromptDeclareFillsOnlyTheirOwnEntry(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	secret := intrEntryID(t, k.must(sue, "/interests add sensitive land Home at 4 Marine Drive"))
	k.sent()
	k.must(ian, "/agenda post")
	var prompt commands.Reply
	for _, m := range k.sent() {
		if m.Kind == commands.OutboxDM && m.UserID == neil {
			prompt = m.Reply
		}
	}
	if len(prompt.Buttons) == 0 {
		t.Fatal("Neil was not prompted")
	}
	parts := strings.Split(prompt.Buttons[0].Value, ":")
	for _, entry := range []string{fmt.Sprint(secret), "999999"} {
		value := parts[0] + ":" + parts[1] + ":" + entry
		reply, err := k.svc.Act(context.Background(), k.home(neil), "interests.declare", value)
		if err != nil {
			t.Fatalf("Declare with entry %s: %v", entry, err)
		}
		if reply.Form != nil {
			for _, f := range reply.Form.Fields {
				if strings.Contains(f.Initial, "Marine Drive") {
					t.Errorf("Declare with Sue's entry shows it to Neil: %q", f.Initial)
				}
			}
		}
		if !reply.Refused {
			t.Errorf("Declare with entry %s was not refused: %+v", entry, reply)
		}
	}
	// His own still opens the form, filled in.
	got := k.press(neil, prompt, "Declare an interest")
	if got.Form == nil {
		t.Fatalf("his own prompt opened no form: %+v", got)
	}
}

// TestPromptDismissNoSuchItem: a Not relevant button whose value names an
// item that never was is refused in words, not answered as a failure.
func TestPromptDismissNoSuchItem(t *testing.T) {
	k := agendaKit(t)
	value := fmt.Sprintf("%d:999999:1", k.next().ID)
	reply, err := k.svc.Act(context.Background(), k.home(neil), "interests.dismiss", value)
	if err != nil {
		t.Fatalf("Not relevant for no item: %v", err)
	}
	if !reply.Refused || reply.Text != "That item is no longer on the agenda." {
		t.Errorf("Not relevant for no item: %+v", reply)
	}
}

// TestPromptDismissOtherCommitteesItemAsIfMissing: a Not relevant button
// whose value names Neil's meeting and an item of another committee's
// meeting answers exactly as for an item that never was, and records
// nothing: which item IDs exist elsewhere is not told.
func TestPromptDismissOtherCommitteesItemAsIfMissing(t *testing.T) {
	k := agendaKit(t)
	for _, line := range []string{"/committee setup Sefton Youth Board", "/meeting schedule 2026-12-11 10:00 Bootle Town Hall", "/agenda add 3 Youth Council report"} {
		r := k.request(ian, line)
		r.ChannelID = "C2"
		if _, err := k.svc.Run(context.Background(), r); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
	}
	c, err := k.db.CommitteeByChannel(context.Background(), team, "C2")
	if err != nil {
		t.Fatal(err)
	}
	m, err := k.db.NextMeeting(context.Background(), c.ID, k.now)
	if err != nil {
		t.Fatal(err)
	}
	items, err := k.db.AgendaItems(context.Background(), m.ID)
	if err != nil || len(items) == 0 {
		t.Fatalf("the Youth Board's items: %v %v", items, err)
	}
	elsewhere := k.act(k.home(neil), "interests.dismiss", fmt.Sprintf("%d:%d:1", k.next().ID, items[len(items)-1].ID))
	missing := k.act(k.home(neil), "interests.dismiss", fmt.Sprintf("%d:999999:1", k.next().ID))
	if !elsewhere.Refused || shown(elsewhere) != shown(missing) {
		t.Errorf("another committee's item:\n%s\nno such item:\n%s", shown(elsewhere), shown(missing))
	}
}

// TestInterestsPromptsOnAFullHome: a register that may concern many items
// shows five of them on the Home, and how many more there are.
func TestInterestsPromptsOnAFullHome(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add land Owner of Bootle Strand")
	for n := 10; n <= 16; n++ {
		k.must(ian, fmt.Sprintf("/agenda add %d Bootle Strand, phase %d", n, n))
	}
	text, _, ok := intrHomePart(k, neil)
	if !ok || strings.Count(text, "may concern 'Owner of Bootle Strand'") != 5 || !strings.Contains(text, "… and 2 more items that may concern your register.") {
		t.Errorf("Neil's register on his Home:\n%s", text)
	}
}

// goneAfterReview is the records when the database stops answering just
// after a review of a register is saved.
type goneAfterReview struct {
	commands.Store
	gone bool
}

func (g *goneAfterReview) ReviewInterests(ctx context.Context, committeeID int64, userID, by string, at time.Time, notice *commands.OutboxMessage) error {
	err := g.Store.ReviewInterests(ctx, committeeID, userID, by, at, notice)
	g.gone = err == nil
	return err
}

func (g *goneAfterReview) Interests(ctx context.Context, committeeID int64, userID string, withEnded bool) ([]commands.Interest, error) {
	if g.gone {
		return nil, errDown
	}
	return g.Store.Interests(ctx, committeeID, userID, withEnded)
}

// TestInterestsReviewSavedIsNeverNotSaved: a review saved is said to be
// recorded, even when the records stop answering straight after it; it is
// never reported NOT saved.
func TestInterestsReviewSavedIsNeverNotSaved(t *testing.T) {
	k := committeeKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	svc := commands.New(&goneAfterReview{Store: k.db}, nil)
	r, err := svc.Run(context.Background(), k.request(neil, "/interests review"))
	if err != nil {
		r = commands.FailureReply(err, "ref")
	}
	if strings.Contains(r.Text, "NOT saved") || !strings.HasPrefix(r.Text, "Recorded: the register of interests in Safer Sefton Together is up to date") {
		t.Errorf("a review that was saved is answered:\n%s", shown(r))
	}
	reviews, err := k.db.InterestReviews(context.Background(), k.committee().ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, rv := range reviews {
		if rv.UserID == neil {
			n++
		}
	}
	if n == 0 {
		t.Errorf("the review is not on record")
	}
}

// TestInterestsHistoryShowsReviews: a review that found nothing to
// change is part of the register's history, dated, with who made it when
// an officer made it for the member; adding or removing an entry, which
// counts as a review, is not listed twice.
func TestInterestsHistoryShowsReviews(t *testing.T) {
	k := agendaKit(t)
	swaca := intrEntryID(t, k.must(neil, "/interests add other Trustee of SWACA"))
	k.now = k.now.Add(24 * time.Hour)
	k.must(neil, "/interests review")
	k.now = k.now.Add(24 * time.Hour)
	k.must(ian, "/interests review <@UNEIL>")
	k.now = k.now.Add(24 * time.Hour)
	k.must(neil, fmt.Sprintf("/interests remove %d", swaca))
	got := k.say(ian, "/interests history <@UNEIL>")
	wantShown(t, got,
		"• Reviewed: nothing to change — Tuesday 24 November 2026\n",
		"• Reviewed: nothing to change — Wednesday 25 November 2026 _(by <@UIAN>)_")
	if n := strings.Count(got, "Reviewed"); n != 2 {
		t.Errorf("%d reviews listed, want the two that changed nothing:\n%s", n, got)
	}
	k.must(graeme, "/interests review")
	wantShown(t, k.say(graeme, "/interests history"), "Nothing has been registered.\n• Reviewed: nothing to change — Thursday 26 November 2026")
	// An entry added after a review is listed after it: the history
	// reads in the order things happened.
	k.now = k.now.Add(24 * time.Hour)
	k.must(graeme, "/interests add other Volunteer at Sefton Foodbank")
	inOrder(t, k.say(graeme, "/interests history"), "• Reviewed: nothing to change — Thursday 26 November 2026", "Volunteer at Sefton Foodbank")
}

// TestInterestsReviewPressedTwice: Review register pressed twice on the
// Home (a double click, or later the same day) is one review in the
// register's history and in the audit log, not two; the next day's is
// another.
func TestInterestsReviewPressedTwice(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	k.now = k.now.Add(24 * time.Hour)
	value := strconv.FormatInt(k.committee().ID, 10)
	for _, later := range []time.Duration{0, time.Second, 3 * time.Hour} {
		k.now = k.now.Add(later)
		wantShown(t, shown(k.act(k.home(neil), "interests.review", value)), "Recorded: the register of interests in Safer Sefton Together is up to date as of Tuesday 24 November 2026 (1 entry).")
	}
	got := k.say(neil, "/interests history")
	if n := strings.Count(got, "Reviewed"); n != 1 {
		t.Errorf("%d reviews listed, want one:\n%s", n, got)
	}
	if n := attRows(k, `SELECT count(*) FROM audit_log WHERE action = 'interest.review'`); n != 1 {
		t.Errorf("%d reviews in the audit log, want one", n)
	}
	k.now = k.now.Add(24 * time.Hour)
	k.act(k.home(neil), "interests.review", value)
	wantShown(t, k.say(neil, "/interests history"), "• Reviewed: nothing to change — Tuesday 24 November 2026\n", "• Reviewed: nothing to change — Wednesday 25 November 2026")
	// A review after the register changed the same day is a review of
	// the register as it now stands, and is recorded.
	k.now = k.now.Add(time.Hour)
	k.must(neil, "/interests add other Member of Unison")
	k.now = k.now.Add(time.Hour)
	k.act(k.home(neil), "interests.review", value)
	if n := attRows(k, `SELECT count(*) FROM audit_log WHERE action = 'interest.review'`); n != 3 {
		t.Errorf("%d reviews in the audit log, want 3: the one after the change is its own", n)
	}
}

// TestInterestsReviewHintIsTheReaders: a register not yet completed
// points at the command that would complete it for whoever reads it:
// `/interests review` for the member, `/interests review @member` for an
// officer (the plain form would review the officer's own), and none for
// another member, who cannot review it.
func TestInterestsReviewHintIsTheReaders(t *testing.T) {
	k := agendaKit(t)
	intrJoined(k, time.Date(2026, 11, 2, 9, 0, 0, 0, london))
	due := "Not completed yet: due by Monday 30 November 2026"
	for _, tc := range []struct{ user, line, want string }{
		{sue, "/interests", due + " (`/interests review` if there is nothing to register)."},
		{ian, "/interests <@USUE>", due + " (`/interests review <@USUE>` if there is nothing to register)."},
		{ian, "/interests register <@USUE>", due + " (`/interests review <@USUE>` if there is nothing to register)."},
		{neil, "/interests <@USUE>", due + "."},
	} {
		got := k.say(tc.user, tc.line)
		if !strings.HasSuffix(got, "\n"+tc.want) {
			t.Errorf("%s %s:\ngot  %q\nwant it to end %q", tc.user, tc.line, got, tc.want)
		}
	}
	wantShown(t, k.say(ian, "/interests register"),
		"*Sue Holden* — "+due+" (`/interests review <@USUE>` if there is nothing to register).",
		"*Ian Barton* — "+due+" (`/interests review` if there is nothing to register).")
}

// TestInterestsMemberByBareName: a register named by a word of its
// member's name, not mentioned ("/interests sue"), is answered with the
// member it may mean, rather than "I don't know"; an officer entering for
// them is answered so too, rather than told the name is no category.
func TestInterestsMemberByBareName(t *testing.T) {
	k := agendaKit(t)
	sue := "did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>."
	for _, tc := range []struct{ user, line, want string }{
		{neil, "/interests sue", "A register is named by mention: " + sue},
		{neil, "/interests Sue Holden", "A register is named by mention: " + sue},
		{ian, "/interests history sue", "A register is named by mention: " + sue},
		{ian, "/interests register Sue", "A register is named by mention: " + sue},
		{ian, "/interests review sue", "A register is named by mention: " + sue},
		{ian, "/interests add sue other Governor of Bootle High", "A register is named by mention: " + sue},
		{ian, "/interests gift sue 2026-11-03 £75 Dinner", "A register is named by mention: " + sue},
	} {
		r := k.run(tc.user, tc.line)
		if got := shown(r); !r.Refused || got != tc.want {
			t.Errorf("%s %s:\ngot  %q (refused %v)\nwant %q", tc.user, tc.line, got, r.Refused, tc.want)
		}
	}
	if es := intrEntries(k, "", true); len(es) != 0 {
		t.Errorf("refused entries were saved: %+v", es)
	}
}

// TestInterestsThresholdShown: `/interests threshold` alone says what
// the threshold is, to anyone in the committee, as `/committee quorum`
// and `/committee year-start` alone do; an officer is told how to set it.
func TestInterestsThresholdShown(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ user, want string }{
		{neil, "Gifts and hospitality worth £50 or more are registered in Safer Sefton Together."},
		{ian, "Gifts and hospitality worth £50 or more are registered in Safer Sefton Together. `/interests threshold £100` sets another."},
	} {
		r := k.run(tc.user, "/interests threshold")
		if got := shown(r); r.Refused || got != tc.want {
			t.Errorf("%s: got %q (refused %v), want %q", tc.user, got, r.Refused, tc.want)
		}
	}
	k.must(ian, "/interests threshold £100")
	if got := k.say(neil, "/interests threshold"); got != "Gifts and hospitality worth £100 or more are registered in Safer Sefton Together." {
		t.Errorf("after it was set: %q", got)
	}
	// A threshold of nothing registers every gift, and says so.
	if got := k.say(ian, "/interests threshold £0"); got != "Gifts and hospitality of any value must now be registered in Safer Sefton Together." {
		t.Errorf("threshold £0: %q", got)
	}
	if got := k.say(neil, "/interests threshold"); got != "Gifts and hospitality of any value are registered in Safer Sefton Together." {
		t.Errorf("threshold £0 shown: %q", got)
	}
}

// TestInterestsPromptsOnTheHome: the Home lists what may concern a
// member's register with the same two buttons as the private prompt, for
// each item listed, which do what the prompt's do.
func TestInterestsPromptsOnTheHome(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	k.marked()
	text, buttons, _ := intrHomePart(k, neil)
	wantShown(t, text, "• Item 7.5 (SWACA) may concern 'Trustee of SWACA'")
	// The prompt's own actions, as the private message has them.
	var labels []string
	var prompt []commands.Button
	for _, b := range buttons {
		if b.Action == "interests.declare" || b.Action == "interests.dismiss" {
			labels, prompt = append(labels, b.Label), append(prompt, b)
		}
	}
	if want := []string{"Declare: item 7.5", "Not relevant: item 7.5"}; !cmp.Equal(labels, want) {
		t.Fatalf("Neil's Home's prompt buttons: %q, want %q (all: %+v)", labels, want, buttons)
	}
	form := k.act(k.home(neil), prompt[0].Action, prompt[0].Value)
	if form.Form == nil || form.Form.ID != "declare" || intrFormInitial(form.Form, "item") != "7.5" || intrFormInitial(form.Form, "nature") != "Trustee of SWACA" {
		t.Fatalf("Declare on the Home opened %+v", form.Form)
	}
	if got := shown(k.act(k.home(neil), prompt[1].Action, prompt[1].Value)); got != "Noted: your register does not concern Item 7.5 (SWACA). You will not be prompted about it again." {
		t.Errorf("Not relevant on the Home: %q", got)
	}
	if text, buttons, _ := intrHomePart(k, neil); strings.Contains(text, "may concern") || slices.ContainsFunc(buttons, func(b commands.Button) bool { return b.Action == "interests.dismiss" }) {
		t.Errorf("Neil's Home after Not relevant:\n%s\n%+v", text, buttons)
	}
	if got := k.marked(); !slices.Contains(got, neil) {
		t.Errorf("Not relevant marked the Homes of %v, not Neil's", got)
	}
}

// TestInterestsPromptWhileSitting: while a meeting sits, the Home's
// prompt is for the next meeting after it, and its Declare button opens
// the form for that meeting, not a refusal saying it is not the next.
func TestInterestsPromptWhileSitting(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	tenth := k.next().ID
	k.must(ian, "/meeting schedule 2026-11-23 13:00")
	k.must(ian, "/meeting start")
	_, buttons, _ := intrHomePart(k, neil)
	var declare *commands.Button
	for i, b := range buttons {
		if b.Action == "interests.declare" {
			declare = &buttons[i]
		}
	}
	if declare == nil {
		t.Fatalf("Neil's Home has no Declare button for item 7.5: %+v", buttons)
	}
	r := k.act(k.home(neil), declare.Action, declare.Value)
	if r.Form == nil || r.Form.Metadata != strconv.FormatInt(tenth, 10) || intrFormInitial(r.Form, "item") != "7.5" {
		t.Fatalf("Declare on the Home while a meeting sits: %s %+v", shown(r), r.Form)
	}
}

// A mention in a register entry ("Trustee alongside @neil") is kept as the
// name the sender saw, as in an apology's reason: the register is read
// and published as text, where Slack's markup would show as it is.
func TestInterestDescriptionNamesAMention(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{graeme, "/interests add other Trustee alongside <@UNEIL|neil>", []string{"Trustee alongside @Neil Frackelton"}},
		{graeme, "/interests gift 1/11/2026 £80 Dinner with <@USUE|sue>", []string{"Dinner with @Sue Holden"}},
		{ian, "/interests add <@UGRAEME> other Governor with <@UNEIL|neil>", []string{"on behalf of", "Governor with @Neil Frackelton"}},
		{graeme, "/interests", []string{"Trustee alongside @Neil Frackelton", "Dinner with @Sue Holden", "Governor with @Neil Frackelton"}},
	})
	if got := k.say(ian, "/interests register"); strings.Contains(got, "|neil>") || strings.Contains(got, "|sue>") || strings.Contains(got, "&lt;@") {
		t.Errorf("the register shows mention markup:\n%s", got)
	}
}

// TestGiftFromAMentionIsNamed: a gift from someone mentioned keeps, as its
// giver, the name the sender saw, as its description does, not Slack's
// markup, which the published register would show as it is; markup typed
// as text (which Slack sends escaped) stays as typed.
func TestGiftFromAMentionIsNamed(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests gift 2026-11-03 £75 Dinner from <@USUE|sue>")
	k.must(neil, "/interests add other Editor of the &lt;@UGRAEME&gt; newsletter")
	var gift, other commands.Interest
	for _, e := range intrEntries(k, neil, false) {
		switch e.Category {
		case commands.CategoryGifts:
			gift = e
		default:
			other = e
		}
	}
	if gift.Description != "Dinner from @Sue Holden" || gift.GiftFrom != "@Sue Holden" {
		t.Errorf("the gift as recorded: description %q, from %q; want both to name @Sue Holden", gift.Description, gift.GiftFrom)
	}
	if other.Description != "Editor of the <@UGRAEME> newsletter" {
		t.Errorf("an entry with markup typed as text is recorded as %q", other.Description)
	}
}

// TestInterestsHomeNeverCompletedSaysWhatItsButtonRecords: a member whose
// register was never completed, and is late, reads on their Home how to
// register what they hold, and that its button records they hold nothing,
// as the button is named; not a Review register button that returns
// their register empty when pressed to look at it.
func TestInterestsHomeNeverCompletedSaysWhatItsButtonRecords(t *testing.T) {
	k := committeeKit(t)
	intrJoined(k, time.Date(2026, 11, 2, 9, 0, 0, 0, london))
	k.now = time.Date(2026, 12, 1, 10, 0, 0, 0, london)
	text, buttons, _ := intrHomePart(k, graeme)
	want := "Never completed: it was due by Monday 30 November 2026.\n" +
		"`/interests add CATEGORY DESCRIPTION` in the channel registers each interest you hold; if you hold none, *Nothing to register* records that.\n" +
		"`/interests` in the channel shows your register."
	if text != want || slices.ContainsFunc(buttons, func(b commands.Button) bool { return b.Label == "Review register" }) {
		t.Errorf("Graeme's overdue register part: %q %+v, want %q", text, buttons, want)
	}
	// Once it has an entry, the review is of what it holds.
	k.must(graeme, "/interests add other Trustee of SWACA")
	k.now = k.now.AddDate(1, 0, 2)
	if text, buttons, _ := intrHomePart(k, graeme); strings.Contains(text, "Nothing to register") || !slices.ContainsFunc(buttons, func(b commands.Button) bool { return b.Label == "Review register" }) {
		t.Errorf("Graeme's register part once it has an entry, a year on: %q %+v", text, buttons)
	}
}

// Not relevant is recorded at the time it was pressed, as the request
// has it, not by the database's clock: the history says when.
func TestNotRelevantAtTheRequestsTime(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/interests add other Trustee of SWACA")
	k.sent()
	k.must(ian, "/agenda post")
	dms := intrDMs(k.sent(), neil)
	if len(dms) != 1 {
		t.Fatalf("%d prompts to Neil, want one", len(dms))
	}
	k.press(neil, dms[0].Reply, "Not relevant")
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	stamp := func(t time.Time) string { return t.In(london).Format("2 Jan 2006 15:04") }
	var got []string
	for _, c := range changes {
		if c.Action == "not relevant" {
			got = append(got, stamp(c.At)+" "+c.UserID+" "+c.Item)
		}
	}
	if diff := cmp.Diff(got, []string{stamp(k.now) + " UNEIL 7.5"}); diff != "" {
		t.Errorf("the dismissal in the history (-got +want):\n%s", diff)
	}
}

// TestRegisterInAlphabeticalOrder: the officer's whole register, and the
// list of registers missing, go member by member as a reader looks a name
// up: "dani morris" among the Ds and Órla Quinn among the Os, not after
// Sue Holden, where sorting by character code put them.
func TestRegisterInAlphabeticalOrder(t *testing.T) {
	k := agendaKit(t)
	k.dir["UORLA"] = "Órla Quinn"
	k.dir["UDANI"] = "dani morris"
	k.must(ian, "/committee member add <@UORLA> Sefton CVS")
	k.must(ian, "/committee member add <@UDANI> SWACA")
	inOrder(t, k.say(ian, "/interests register"),
		"*dani morris*", "*Graeme Robson*", "*Ian Barton*", "*Neil Frackelton*", "*Órla Quinn*", "*Sue Holden*")
	inOrder(t, k.say(ian, "/interests missing"), "<@UDANI>", "<@UGRAEME>", "<@UIAN>", "<@UNEIL>", "<@UORLA>", "<@USUE>")
}

// TestInterestsOfAFormerMember: a member removed from the committee
// leaves its register, as listed and as published, their entries not
// ended; they still read their own, as they stood, with `/interests`.
func TestInterestsOfAFormerMember(t *testing.T) {
	k := agendaKit(t)
	governor := intrEntryID(t, k.must(ian, "/interests add <@UNEIL> other Governor of Litherland High"))
	k.must(ian, "/committee member remove <@UNEIL>")
	if got := k.say(ian, "/interests register"); strings.Contains(got, "Litherland") {
		t.Errorf("the register lists a former member's entry:\n%s", got)
	}
	if es := intrEntries(k, neil, false); len(es) != 1 {
		t.Errorf("removing Neil ended his entries: %+v", es)
	}
	if diff := cmp.Diff(k.say(neil, "/interests"), fmt.Sprintf("You are no longer a member of Safer Sefton Together, so your register of interests is no longer part of the committee's register. It stays on record, as it stood when you left:\n"+
		"• #%d _other registrable interest_: Governor of Litherland High\n"+
		"`/interests history` shows every entry it has had, those removed too.", governor)); diff != "" {
		t.Errorf("Neil's register, once he has left (-got +want):\n%s", diff)
	}
	// Others' registers stay closed to them.
	wantShown(t, k.say(neil, "/interests <@UGRAEME>"), "no longer a member of Safer Sefton Together")
}

// TestGiftWording: a gift registered for someone ends its sentence
// before saying they are told, and its history gives the day received
// once.
func TestGiftWording(t *testing.T) {
	k := agendaKit(t)
	r := k.must(ian, "/interests gift <@USUE> 2026-11-03 £150 Dinner from Sefton CVS")
	gift := intrEntryID(t, r)
	wantShown(t, shown(r), "— £150, received Tuesday 3 November 2026. They are told by direct message.")
	if got, want := k.say(sue, "/interests history"), fmt.Sprintf("*History of the register of interests* — Sue Holden, Safer Sefton Together\n"+
		"• #%d _gifts and hospitality_: Dinner from Sefton CVS — £150, received Tuesday 3 November 2026 _(entered by <@UIAN>)_", gift); got != want {
		t.Errorf("gift's history:\ngot  %q\nwant %q", got, want)
	}
}
