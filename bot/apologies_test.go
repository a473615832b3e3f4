package bot_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

// updateCommittee is the committee with its next meeting, 10 December
// 2026, which Neil sends apologies for.
func updateCommittee(t *testing.T) *bottest.Kit {
	t.Helper()
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	return k
}

// neilsApology is Neil's apology standing for the next meeting, as
// "reason / substitute ID / substitute name".
func neilsApology(t *testing.T, k *bottest.Kit) string {
	t.Helper()
	as, err := k.DB.Apologies(context.Background(), nextMeetingID(t, k))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.UserID == neil {
			return a.Reason + " / " + a.SubstituteID + " / " + a.SubstituteName
		}
	}
	return "none standing"
}

func wantApology(t *testing.T, k *bottest.Kit, want string) {
	t.Helper()
	if got := neilsApology(t, k); got != want {
		t.Errorf("Neil's apology = %q, want %q", got, want)
	}
}

// A second /apologies changes what it names and keeps the rest: the
// reason alone keeps the substitute, the substitute alone keeps the
// reason, and the reply says which was kept.
func TestApologyUpdateKeepsWhatItDoesNotName(t *testing.T) {
	k := updateCommittee(t)
	wantText(t, k.Must(neil, "/apologies", "Attending court sub <@"+graeme+"|graeme>"), "are recorded")
	wantApology(t, k, "Attending court / "+graeme+" / Graeme Robson")

	r := k.Must(neil, "/apologies", "Attending Crown Court")
	wantText(t, r, "are updated: reason changed, substitute kept.", "Reason: Attending Crown Court", "Substitute: <@"+graeme+">")
	wantApology(t, k, "Attending Crown Court / "+graeme+" / Graeme Robson")

	// The substitute alone keeps the reason.
	k.Must(neil, "/apologies", "withdraw")
	k.Must(neil, "/apologies", "Attending court")
	r = k.Must(neil, "/apologies", "sub <@"+graeme+"|graeme>")
	wantText(t, r, "are updated: reason kept, substitute added.", "Reason: Attending court", "Substitute: <@"+graeme+">")
	wantApology(t, k, "Attending court / "+graeme+" / Graeme Robson")

	// The same, for a meeting named by its date: the long way keeps alike.
	r = k.Must(neil, "/apologies", "10/12/2026 Unwell")
	wantText(t, r, "are updated: reason changed, substitute kept.")
	wantApology(t, k, "Unwell / "+graeme+" / Graeme Robson")

	// The history records each apology as it then stood.
	hist, err := k.DB.ApologyHistory(context.Background(), nextMeetingID(t, k))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hist {
		got = append(got, h.Action+": "+h.Reason+" / "+h.SubstituteName)
	}
	want := []string{
		"sent: Attending court / Graeme Robson",
		"changed: Attending Crown Court / Graeme Robson",
		"withdrawn:  / ",
		"sent: Attending court / ",
		"changed: Attending court / Graeme Robson",
		"changed: Unwell / Graeme Robson",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestApologySubNoneRemovesTheSubstitute(t *testing.T) {
	k := updateCommittee(t)
	k.Must(neil, "/apologies", "Attending court sub <@"+graeme+"|graeme>")
	r := k.Must(neil, "/apologies", "sub none")
	wantText(t, r, "are updated: reason kept, substitute removed.", "Reason: Attending court", "Substitute: none")
	wantApology(t, k, "Attending court /  / ")
	// For a date too.
	k.Must(neil, "/apologies", "sub <@"+graeme+"|graeme>")
	wantText(t, k.Must(neil, "/apologies", "10 December sub none"), "substitute removed")
	wantApology(t, k, "Attending court /  / ")
}

func TestApologyReasonNoneRemovesTheReason(t *testing.T) {
	k := updateCommittee(t)
	k.Must(neil, "/apologies", "Attending court sub <@"+graeme+"|graeme>")
	r := k.Must(neil, "/apologies", "reason none")
	wantText(t, r, "are updated: reason removed, substitute kept.", "Substitute: <@"+graeme+">")
	if strings.Contains(r.Text(), "Reason:") {
		t.Errorf("a removed reason is shown:\n%s", r.Text())
	}
	wantApology(t, k, " / "+graeme+" / Graeme Robson")
	// reason TEXT sets it again, explicitly.
	wantText(t, k.Must(neil, "/apologies", "reason: Sub committee meeting"), "reason added", "Reason: Sub committee meeting")
	wantApology(t, k, "Sub committee meeting / "+graeme+" / Graeme Robson")
}

// A substitute without a Slack account is named in quotes, straight or
// curly as phones type them; the reason stands.
func TestApologyQuotedSubstitute(t *testing.T) {
	for name, text := range map[string]string{
		"straight": `sub "Jane Smith (Sefton CVS)"`,
		"curly":    "sub “Jane Smith (Sefton CVS)”",
	} {
		t.Run(name, func(t *testing.T) {
			k := updateCommittee(t)
			k.Must(neil, "/apologies", "Attending court")
			r := k.Must(neil, "/apologies", text)
			wantText(t, r, "reason kept, substitute added", "Reason: Attending court", "Substitute: Jane Smith (Sefton CVS)")
			wantApology(t, k, "Attending court /  / Jane Smith (Sefton CVS)")
			wantText(t, k.Must(graeme, "/apologies", "list"), "Substitutes: Jane Smith (Sefton CVS) for Neil Frackelton.")
			// With a reason, in one go, for a member with none standing.
			r = k.Must(graeme, "/apologies", "Annual leave "+strings.Replace(text, "Jane", "Jan", 1))
			wantText(t, r, "are recorded", "Reason: Annual leave", "Substitute: Jan Smith (Sefton CVS)")
		})
	}
	k := updateCommittee(t)
	wantText(t, k.Must(neil, "/apologies", `Unwell sub "Jane Smith`), "Put the substitute's name between quotes")
	wantApology(t, k, "none standing")
}

// slashIn runs "/command text" as user from channel, as Kit.Command does
// from the committee's.
func slashIn(t *testing.T, k *bottest.Kit, channel, user, command, text string) bottest.Reply {
	t.Helper()
	form := bottest.CommandForm(user, command, text)
	form.Set("channel_id", channel)
	r := k.Slash(form)
	if r.Status != http.StatusOK {
		t.Fatalf("%s %s: status %d: %s", command, text, r.Status, r.Raw)
	}
	return r
}

const dm = "DNEIL"

// A member of one committee sends apologies from a direct message: they
// go to that committee, and the answer is private.
func TestApologiesFromADirectMessage(t *testing.T) {
	k := updateCommittee(t)
	r := slashIn(t, k, dm, neil, "/apologies", "Unwell")
	wantText(t, r, "Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.", "Reason: Unwell")
	if r.Public() {
		t.Error("a reply in a direct message is public")
	}
	wantApology(t, k, "Unwell /  / ")
	// Other commands that need a committee find it too.
	wantText(t, slashIn(t, k, dm, neil, "/apologies", "list"), "Apologies for absence were received from Neil Frackelton (SWACA).")
	wantText(t, slashIn(t, k, dm, neil, "/meeting", "list"), "Thursday 10 December 2026")

	// What an officer would post in the channel stays with them.
	r = slashIn(t, k, "DIAN", officer, "/meeting", "schedule 2027-01-14 10:00 Remote Meeting")
	wantText(t, r, "will meet on Thursday 14 January 2027")
	if r.Public() || !strings.Contains(r.Raw, "Only you can see this: it was not sent in \\u003c#"+bottest.Channel+"\\u003e, the channel of Safer Sefton Together.") {
		t.Errorf("a channel post from a direct message: %s", r.Raw)
	}

	// Someone in no committee is told how to join.
	wantText(t, slashIn(t, k, "DSTRANGER", stranger, "/apologies", "Unwell"),
		"This channel does not belong to a committee, and you are not a member of one.",
		"Ask your committee's officer to add you: they run `/committee member add <@USTRANGER> ORGANISATION` in the committee's channel.")
}

// A member of several committees is asked which; the button runs the
// command for the one chosen, and checks again that they are a member.
func TestApologiesFromADirectMessageAskWhichCommittee(t *testing.T) {
	k := updateCommittee(t)
	const second = "C2"
	wantText(t, slashIn(t, k, second, officer, "/committee", "setup Sefton Youth Forum"), "is now the channel of")
	wantText(t, slashIn(t, k, second, officer, "/committee", "member add <@"+neil+"> SWACA"), "is now")
	wantText(t, slashIn(t, k, second, officer, "/meeting", "schedule 2026-12-03 18:00 Bootle Town Hall"), "will meet")
	const third = "C3"
	slashIn(t, k, third, officer, "/committee", "setup Licensing Panel")

	r := slashIn(t, k, dm, neil, "/apologies", "Unwell sub “Jane Smith”")
	wantText(t, r, "You are a member of several committees", "Which committee is `/apologies Unwell sub “Jane Smith”` for?")
	if r.Public() {
		t.Error("the question is public")
	}
	var youth *slack.ButtonBlockElement
	var labels []string
	for _, b := range buttons(r) {
		labels = append(labels, b.Text.Text)
		if b.Text.Text == "Sefton Youth Forum" {
			youth = b
		}
	}
	if strings.Join(labels, ", ") != "Safer Sefton Together, Sefton Youth Forum" || youth == nil {
		t.Fatalf("buttons %q, want Neil's two committees", labels)
	}
	wantApology(t, k, "none standing")

	press := func(user, value string) string {
		t.Helper()
		hook := k.NewHook()
		p := bottest.ButtonPayload(user, youth.ActionID, value, hook.URL())
		p["channel"] = map[string]any{"id": dm, "name": "directmessage"}
		p["container"].(map[string]any)["channel_id"] = dm
		if status, body := k.Interact(p); status != http.StatusOK {
			t.Fatalf("press: status %d: %s", status, body)
		}
		return hook.Last()
	}
	got := press(neil, youth.Value)
	if !strings.Contains(got, "Your apologies for the meeting of *Sefton Youth Forum* on Thursday 3 December 2026, 18:00, Bootle Town Hall are recorded.") ||
		!strings.Contains(got, "Substitute: Jane Smith") {
		t.Errorf("pressing Sefton Youth Forum answered:\n%s", got)
	}
	wantApology(t, k, "none standing") // nothing for the other committee
	var n int
	if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM apologies a JOIN meetings m ON m.id = a.meeting_id
		JOIN committees c ON c.id = m.committee_id WHERE c.name = 'Sefton Youth Forum' AND a.user_id = $1 AND a.reason = 'Unwell'`, neil).Scan(&n); err != nil || n != 1 {
		t.Errorf("Neil's apologies to the youth forum: %d, %v", n, err)
	}

	// A value changed to name a committee Neil is not a member of reaches
	// nothing: the press is admitted like the command.
	var panel int64
	if err := k.DB.SQL().QueryRow(`SELECT id FROM committees WHERE name = 'Licensing Panel'`).Scan(&panel); err != nil {
		t.Fatal(err)
	}
	_, text, _ := strings.Cut(youth.Value, " ")
	got = press(neil, strconv.FormatInt(panel, 10)+" "+text)
	if !strings.Contains(got, "You are not a member of that committee") {
		t.Errorf("a tampered button answered:\n%s", got)
	}
	// Nor can someone else use Neil's button for a committee of his.
	if got := press(stranger, youth.Value); !strings.Contains(got, "You are not a member of that committee") {
		t.Errorf("a stranger pressing Neil's button:\n%s", got)
	}
	if got := press(neil, "x; DROP TABLE apologies"); !strings.Contains(got, "That button is broken") {
		t.Errorf("a broken button:\n%s", got)
	}
	var all int
	if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM apologies`).Scan(&all); err != nil || all != 1 {
		t.Errorf("apologies on record: %d, %v; want only Neil's to the youth forum", all, err)
	}
}

// TestImportedApologiesAreFromTheMinutes: apologies read from imported
// minutes were not sent when they were imported; the officer's list says
// they are recorded in the minutes, and so does their history, also when a
// re-issued version drops one and a later one lists it again.
func TestImportedApologiesAreFromTheMinutes(t *testing.T) {
	k := importedCommittee(t)
	r := k.Must(officer, "/apologies", "list 9/12/2021")
	wantText(t, r, "Neil Frackelton (SWACA)", "• Neil Frackelton: no reason given (recorded in the minutes of Thursday 9 December 2021)")
	if strings.Contains(r.Text(), "(sent ") {
		t.Errorf("imported apologies are shown as sent:\n%s", r.Text())
	}

	ctx := context.Background()
	c := mustCommittee(t, k.DB)
	reissued := strings.Replace(commands.SamplePack, "received from Neil Frackelton (SWACA), Tony", "received from Tony", 1)
	for _, text := range []string{reissued, commands.SamplePack} {
		if _, err := k.Service.ImportMinutes(ctx, c, text, officer); err != nil {
			t.Fatal(err)
		}
	}
	wantText(t, k.Must(officer, "/apologies", "list 9/12/2021"), "• Neil Frackelton: no reason given (recorded in the minutes of Thursday 9 December 2021)")
	var actions string
	if err := k.DB.SQL().QueryRowContext(ctx, `SELECT string_agg(h.action, ',' ORDER BY h.id) FROM apology_history h
		JOIN apologies a ON a.id = h.apology_id WHERE a.name = 'Neil Frackelton'`).Scan(&actions); err != nil {
		t.Fatal(err)
	}
	if got, want := actions, "imported,withdrawn,imported"; got != want {
		t.Errorf("Neil's apology history = %s, want %s: listed again by the minutes is not sent", got, want)
	}
}

// TestRemovedMembersApologiesDoNotCount: once a member is removed, their
// apologies for the meeting to come no longer count — not in the list for
// the minutes, the meeting's count, the posted agenda or the officers'
// Home — and their history keeps them, withdrawn by the officer.
func TestRemovedMembersApologiesDoNotCount(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 10/12/2026 10:00 Remote Meeting")
	k.Must(neil, "/apologies", "Unwell")
	k.Must(graeme, "/apologies", "Attending court")
	wantText(t, k.Must(officer, "/agenda", "post"), "on its way")
	openHomes(t, k, officer)
	homeText(t, k, officer, "2 apologies received for the next meeting")
	wantText(t, k.Must(officer, "/meeting", "list"), "Remote Meeting — 2 apologies")

	wantText(t, k.Must(officer, "/committee", "member remove <@"+neil+">"), "no longer a member")
	r := k.Must(officer, "/apologies", "list")
	wantText(t, r, "Apologies for absence were received from Graeme Robson (Merseyside Police).")
	if strings.Contains(r.Text(), "Neil") {
		t.Errorf("a removed member's apologies are listed:\n%s", r.Text())
	}
	wantText(t, k.Must(officer, "/meeting", "list"), "Remote Meeting — 1 apology")
	homeText(t, k, officer, "1 apology received for the next meeting")
	updates := k.Slack.Calls("chat.update")
	if len(updates) == 0 {
		t.Fatal("the posted agenda was not updated")
	}
	if got := updates[len(updates)-1].Arg("blocks"); strings.Contains(got, "Neil Frackelton") || !strings.Contains(got, "Graeme Robson") {
		t.Errorf("the posted agenda does not show the apologies standing:\n%s", got)
	}
	var actions string
	if err := k.DB.SQL().QueryRowContext(context.Background(), `SELECT string_agg(h.action || ' by ' || h.by_user, ',' ORDER BY h.id)
		FROM apology_history h JOIN apologies a ON a.id = h.apology_id WHERE a.user_id = $1`, neil).Scan(&actions); err != nil {
		t.Fatal(err)
	}
	if want := "sent by " + neil + ",withdrawn by " + officer; actions != want {
		t.Errorf("Neil's apology history = %s, want %s", actions, want)
	}
}
