package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// daysFromToday is 10:00 in London, days from today by the database's
// clock (the machine's): the meetings of these tests are placed on either
// side of it, and of the requests' times, which differ from it as the
// console's clock does.
func daysFromToday(days int) time.Time {
	d := time.Now().In(london).AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, london)
}

func isoDate(t time.Time) string { return t.Format("2006-01-02") }

// clockKit is a committee set up, Neil and Graeme added, and meetings
// scheduled on each day given, all by requests made 150 days before the
// database's today.
func clockKit(t *testing.T, meetings ...time.Time) *kit {
	t.Helper()
	k := newKit(t)
	k.now = daysFromToday(-150).Add(2 * time.Hour)
	k.must(ian, "/committee setup Safer Sefton Together")
	k.must(ian, "/committee member add <@UNEIL> SWACA")
	k.must(ian, "/committee member add <@UGRAEME|graeme> Merseyside Police")
	for _, m := range meetings {
		k.must(ian, "/meeting schedule "+isoDate(m)+" 10:00 Remote Meeting")
	}
	return k
}

// TestMemberRemovedWithdrawsWhatComesAfterTheRequest: removing a member
// withdraws their apologies for the meetings after the removal was asked
// for, by the request's clock, not the database's: Neil, removed "60 days
// ago", keeps his apologies for a meeting before then and loses those for
// one after, which the database's clock has already passed; Graeme,
// removed "in 60 days", keeps those for a meeting the database's clock
// has still to come but the request has passed, and loses those after.
// The history shows the withdrawal, and the export the removal, at the
// time the removal was asked for.
func TestMemberRemovedWithdrawsWhatComesAfterTheRequest(t *testing.T) {
	m1, m2, m3, m4 := daysFromToday(-120), daysFromToday(-30), daysFromToday(30), daysFromToday(90)
	k := clockKit(t, m1, m2, m3, m4)
	for _, m := range []time.Time{m1, m2} {
		k.must(neil, "/apologies "+isoDate(m)+" Unwell")
	}
	for _, m := range []time.Time{m3, m4} {
		k.must(graeme, "/apologies "+isoDate(m)+" Court")
	}

	neilGoes := daysFromToday(-60).Add(4*time.Hour + 15*time.Minute)
	k.now = neilGoes
	if got, want := k.say(ian, "/committee member remove <@UNEIL>"),
		"<@UNEIL> is no longer a member of Safer Sefton Together. Withdrawn with them, and kept in the history: their apologies for a meeting to come. They are told by direct message."; got != want {
		t.Errorf("Neil's removal:\n got %q\nwant %q", got, want)
	}
	graemeGoes := daysFromToday(60).Add(5*time.Hour + 30*time.Minute)
	k.now = graemeGoes
	if got, want := k.say(ian, "/committee member remove <@UGRAEME>"),
		"<@UGRAEME> is no longer a member of Safer Sefton Together. Withdrawn with them, and kept in the history: their apologies for a meeting to come. They are told by direct message."; got != want {
		t.Errorf("Graeme's removal:\n got %q\nwant %q", got, want)
	}

	stamp := func(t time.Time) string { return t.In(london).Format("2 Jan 2006 15:04") }
	for _, tc := range []struct {
		meeting   time.Time
		who       string
		withdrawn time.Time // zero: kept
	}{
		{m1, "UNEIL", time.Time{}},
		{m2, "UNEIL", neilGoes},
		{m3, "UGRAEME", time.Time{}},
		{m4, "UGRAEME", graemeGoes},
	} {
		got := k.say(ian, "/history apologies "+isoDate(tc.meeting))
		if !strings.Contains(got, "sent apologies") {
			t.Errorf("the meeting of %s has no apologies on record:\n%s", isoDate(tc.meeting), got)
		}
		line := fmt.Sprintf("apologies of <@%s> withdrawn on removal from the committee", tc.who)
		switch {
		case tc.withdrawn.IsZero() && strings.Contains(got, "withdrawn"):
			t.Errorf("the apologies for the meeting of %s, before the removal was asked for, were withdrawn with it:\n%s", isoDate(tc.meeting), got)
		case !tc.withdrawn.IsZero():
			wantShown(t, got, "• "+stamp(tc.withdrawn)+" — "+line)
		}
	}

	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var removals []string
	for _, c := range changes {
		if c.Action == "removed" && c.MeetingID == 0 {
			removals = append(removals, stamp(c.At)+" "+c.UserID)
		}
	}
	if diff := cmp.Diff(removals, []string{stamp(neilGoes) + " UNEIL", stamp(graemeGoes) + " UGRAEME"}); diff != "" {
		t.Errorf("the removals in the export (-got +want):\n%s", diff)
	}
}

// TestMemberJoiningTakesOverWhatComesAfterTheRequest: someone added to
// the committee takes over the apologies entered by their name for the
// meetings after they were added, by the request's clock: Jen, added "60
// days ago", has her apologies for a meeting since (which the database's
// clock has passed) as hers, and those for a meeting before stay by name,
// part of that meeting's record as it was. Removed, and added back "in 60
// days", she takes over those entered by name meanwhile for the meetings
// after that request only: not for one the database's clock has still to
// come but the request has passed. The history names whose each is.
func TestMemberJoiningTakesOverWhatComesAfterTheRequest(t *testing.T) {
	const jen = "UJEN"
	m1, m2, m3, m4 := daysFromToday(-120), daysFromToday(-30), daysFromToday(30), daysFromToday(90)
	k := clockKit(t, m1, m2, m3, m4)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", jen: "Jen Williams"})
	for _, m := range []time.Time{m1, m2} {
		k.must(ian, `/apologies for "Jen Williams (NW Probation)" `+isoDate(m)+" Court")
	}
	k.now = daysFromToday(-60)
	k.must(ian, "/committee member add <@UJEN> NW Probation")
	k.must(ian, "/committee member remove <@UJEN>")
	for _, m := range []time.Time{m3, m4} {
		k.must(ian, `/apologies for "Jen Williams (NW Probation)" `+isoDate(m)+" Leave")
	}
	k.now = daysFromToday(60)
	k.must(ian, "/committee member add <@UJEN> NW Probation")

	for _, tc := range []struct {
		meeting time.Time
		reason  string
		hers    bool
	}{
		{m1, "Court", false},
		{m2, "Court", true},
		{m3, "Leave", false},
		{m4, "Leave", true},
	} {
		// The history names the member whose apology it is: Jen, once it
		// is hers, and the name typed while it is not.
		got := k.say(ian, "/history apologies "+isoDate(tc.meeting))
		want, not := "Jen Williams sent apologies: "+tc.reason, "<@UJEN> sent apologies"
		if tc.hers {
			want, not = "<@UJEN> sent apologies: "+tc.reason, "Jen Williams sent apologies"
		}
		if !strings.Contains(got, want) || strings.Contains(got, not) {
			t.Errorf("the apologies entered by Jen's name for the meeting of %s are hers: want %v:\n%s", isoDate(tc.meeting), tc.hers, got)
		}
	}
}

// TestCommitteeSettingsAndMembershipListedAtTheirCommandsTimes: the
// export lists the committee's setup, its members added and changed, and
// its quorum set, at the time each command was given, as it lists the
// apologies, also when that is not the database's clock.
func TestCommitteeSettingsAndMembershipListedAtTheirCommandsTimes(t *testing.T) {
	k := newKit(t)
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, london) }
	k.now = at(2, 9)
	k.must(ian, "/committee setup Safer Sefton Together")
	k.now = at(3, 10)
	k.must(ian, "/committee member add <@UNEIL> SWACA")
	k.now = at(4, 11)
	k.must(ian, "/committee member add <@UNEIL> SWACA non-voting")
	k.now = at(5, 12)
	k.must(ian, "/committee quorum 3")
	changes, err := k.db.CommitteeHistory(context.Background(), k.committee().ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, c.At.In(london).Format("2 Jan 15:04")+" "+string(c.Record)+" "+c.Action+" "+c.UserID)
	}
	want := []string{
		"2 Nov 09:00 membership added UIAN",
		"2 Nov 09:00 committee set up ",
		"3 Nov 10:00 membership added UNEIL",
		// Made non-voting, as they stood otherwise: one change, not a
		// change of role or organisation besides.
		"4 Nov 11:00 membership non-voting UNEIL",
		"5 Nov 12:00 committee quorum ",
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("the export (-got +want):\n%s", diff)
	}
}

// TestPastMeetingNamesItsOwnChairUnderAnEarlierClock: a meeting held, by
// the requests' clock, ten days before the database's today, and a chair
// made the day after it, still names the chair who chaired it "(in the
// Chair)": the change to the members is listed at its request's time,
// which is before the close as the database stamped it, and is compared
// with the close by the database's clock, which it is stamped by too.
func TestPastMeetingNamesItsOwnChairUnderAnEarlierClock(t *testing.T) {
	held := daysFromToday(-10)
	k := clockKit(t, held)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.now = held.Add(-5 * time.Minute)
	k.must(sue, "/meeting start")
	k.must(sue, "/here")
	k.must(graeme, "/here")
	k.now = held.Add(90 * time.Minute)
	k.must(sue, "/meeting close")
	k.now = held.Add(23 * time.Hour)
	ask := k.run(ian, "/committee member add <@UGRAEME> Merseyside Police chair")
	k.press(ian, ask, "Confirm: Graeme Robson as chair")
	att := k.say(ian, "/meeting attendance "+isoDate(held))
	wantShown(t, att, "Present: Sue Holden (Sefton CVS) (in the Chair) and Graeme Robson (Merseyside Police).")
	if strings.Contains(att, "Robson (Merseyside Police) (in the Chair)") {
		t.Errorf("the chair made since is named in the Chair of a meeting held before:\n%s", att)
	}
}
