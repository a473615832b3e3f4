package commands

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestQuorumNeed(t *testing.T) {
	for _, tc := range []struct {
		rule   QuorumRule
		voting int
		want   int
	}{
		{QuorumRule{Fixed: 4}, 12, 4},
		{QuorumRule{Fixed: 4}, 0, 4},
		{QuorumRule{Numerator: 1, Denominator: 3}, 12, 4},
		{QuorumRule{Numerator: 1, Denominator: 3}, 13, 5}, // rounded up
		{QuorumRule{Numerator: 1, Denominator: 4, Minimum: 3}, 8, 3},
		{QuorumRule{Numerator: 1, Denominator: 4, Minimum: 3}, 20, 5},
		// A fraction of no voting members still needs someone there.
		{QuorumRule{Numerator: 1, Denominator: 3}, 0, 1},
		{QuorumRule{}, 10, 0},
	} {
		if got := tc.rule.Need(tc.voting); got != tc.want {
			t.Errorf("%q of %d: got %d, want %d", tc.rule, tc.voting, got, tc.want)
		}
	}
}

func TestParseQuorumRule(t *testing.T) {
	for _, tc := range []struct {
		in      []string
		want    QuorumRule
		wantErr bool
	}{
		{[]string{"4"}, QuorumRule{Fixed: 4}, false},
		{[]string{"1/3"}, QuorumRule{Numerator: 1, Denominator: 3}, false},
		{[]string{"1/4", "min", "3"}, QuorumRule{Numerator: 1, Denominator: 4, Minimum: 3}, false},
		{[]string{"1/4", "MIN", "3"}, QuorumRule{Numerator: 1, Denominator: 4, Minimum: 3}, false},
		{[]string{"0"}, QuorumRule{}, true},
		{[]string{"3/2"}, QuorumRule{}, true},
		{[]string{"1/0"}, QuorumRule{}, true},
		{[]string{"1/4", "min"}, QuorumRule{}, true},
		{[]string{"4", "min", "3"}, QuorumRule{}, true},
		{[]string{"half"}, QuorumRule{}, true},
	} {
		got, err := parseQuorumRule(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("%q: got %+v, %v; want %+v (error %v)", tc.in, got, err, tc.want, tc.wantErr)
		}
		if err == nil && got.String() != joinWords(tc.in) {
			t.Errorf("%q reads back as %q", tc.in, got.String())
		}
	}
}

func joinWords(ws []string) string {
	out := ""
	for i, w := range ws {
		if i > 0 {
			out += " "
		}
		if w == "MIN" {
			w = "min"
		}
		out += w
	}
	return out
}

var t0 = time.Date(2026, 12, 10, 10, 0, 0, 0, london)

func mark(id int64, key string, seq int, status AttendanceStatus, at time.Time) AttendanceMark {
	return AttendanceMark{ID: id, MemberKey: key, UserID: key, Name: key, Seq: seq, Status: status, At: at}
}

func TestCountQuorum(t *testing.T) {
	voters := []Voter{{"A", "Ann", true}, {"B", "Bob", true}, {"C", "Cat", true}, {"D", "Dan", true}, {"O", "Olive", false}}
	rule := QuorumRule{Fixed: 3}
	sub := func(id int64, key, for_ string) AttendanceMark {
		m := mark(id, key, 1, AttendPresent, t0)
		m.SubstituteFor = for_
		return m
	}
	for _, tc := range []struct {
		name     string
		log      []AttendanceMark
		withdraw map[string]bool
		want     int
		quorate  bool
	}{
		{"present, late and remote count", []AttendanceMark{mark(1, "A", 1, AttendPresent, t0), mark(2, "B", 1, AttendLate, t0), mark(3, "C", 1, AttendRemote, t0)}, nil, 3, true},
		{"left does not count", []AttendanceMark{mark(1, "A", 1, AttendPresent, t0), mark(2, "B", 1, AttendPresent, t0), mark(3, "C", 1, AttendPresent, t0), mark(4, "C", 2, AttendLeft, t0.Add(time.Hour))}, nil, 2, false},
		{"left and came back counts", []AttendanceMark{mark(1, "A", 1, AttendPresent, t0), mark(2, "A", 2, AttendLeft, t0), mark(3, "A", 3, AttendPresent, t0)}, nil, 1, false},
		{"officers and in attendance do not count", []AttendanceMark{mark(1, "O", 1, AttendPresent, t0), mark(2, "X", 1, AttendInAttendance, t0), mark(3, "A", 1, AttendInAttendance, t0)}, nil, 0, false},
		{"a non-member does not count", []AttendanceMark{mark(1, "name:jen", 1, AttendPresent, t0)}, nil, 0, false},
		{"a substitute counts for the member", []AttendanceMark{sub(1, "G", "A"), mark(2, "B", 1, AttendPresent, t0), mark(3, "C", 1, AttendPresent, t0)}, nil, 3, true},
		{"a substitute for someone who then turns up counts once", []AttendanceMark{sub(1, "G", "A"), mark(2, "A", 1, AttendPresent, t0)}, nil, 1, false},
		{"a pecuniary interest withdraws the member", []AttendanceMark{mark(1, "A", 1, AttendPresent, t0), mark(2, "B", 1, AttendPresent, t0), mark(3, "C", 1, AttendPresent, t0)}, map[string]bool{"C": true}, 2, false},
		{"and their substitute", []AttendanceMark{sub(1, "G", "C"), mark(2, "A", 1, AttendPresent, t0)}, map[string]bool{"C": true}, 1, false},
		{"marks out of order fold by seq", []AttendanceMark{mark(2, "A", 2, AttendLeft, t0), mark(1, "A", 1, AttendPresent, t0)}, nil, 0, false},
	} {
		got := CountQuorum(rule, voters, Standing(tc.log), tc.withdraw)
		if got.Present != tc.want || got.Quorate() != tc.quorate {
			t.Errorf("%s: got %d present (quorate %v), want %d (%v)", tc.name, got.Present, got.Quorate(), tc.want, tc.quorate)
		}
	}
	// A substitute with a pecuniary interest of their own in the item
	// withdraws for it too, is named, and counts for no one, whether the
	// member they replace is there or not.
	for _, log := range [][]AttendanceMark{
		{sub(1, "B", "A"), mark(2, "C", 1, AttendPresent, t0), mark(3, "D", 1, AttendPresent, t0)},
		{mark(1, "A", 1, AttendPresent, t0), sub(2, "B", "A"), mark(3, "C", 1, AttendPresent, t0)},
		{sub(1, "B", "A"), mark(2, "A", 1, AttendPresent, t0), mark(3, "C", 1, AttendPresent, t0)},
	} {
		got := CountQuorum(rule, voters, Standing(log), map[string]bool{"B": true})
		if got.Present != 2 || !cmp.Equal(got.Withdrawn, []string{"Bob"}) {
			t.Errorf("a substitute with their own pecuniary interest: got %d present, withdrawn %q; want 2, [Bob]", got.Present, got.Withdrawn)
		}
	}
}

func TestWithdrawing(t *testing.T) {
	ds := []Declaration{
		{UserID: "A", Item: "7.7", Kind: InterestPecuniary},
		{UserID: "B", Item: "7.7", Kind: InterestPecuniary, Dispensation: true},
		{UserID: "C", Item: "7.7", Kind: InterestPersonal},
		{UserID: "D", Item: "7.7", Kind: InterestPecuniary, Withdrawn: true},
		{UserID: "E", Item: "4", Kind: InterestPecuniary},
		{Name: "Jen Williams", Item: "7.7", Kind: InterestPecuniary},
	}
	got := Withdrawing(ds, "7.7")
	want := map[string]bool{"A": true, "name:jen williams": true}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("withdrawing (-got +want):\n%s", diff)
	}
}

func TestStandingApologyThenPresent(t *testing.T) {
	// Late, left, back: the arrival stays the first, marked late; the
	// departure is cleared by the return.
	log := []AttendanceMark{
		mark(1, "A", 1, AttendLate, t0.Add(20*time.Minute)),
		mark(2, "A", 2, AttendLeft, t0.Add(time.Hour)),
		mark(3, "A", 3, AttendRemote, t0.Add(2*time.Hour)),
	}
	got := Standing(log)
	if len(got) != 1 || !got[0].Late || !got[0].Arrived.Equal(t0.Add(20*time.Minute)) || !got[0].Left.IsZero() || !got[0].Remote || got[0].Status != AttendRemote {
		t.Errorf("standing: %+v", got)
	}
}

func TestLostQuorumBy(t *testing.T) {
	voters := []Voter{{"A", "A", true}, {"B", "B", true}, {"C", "C", true}}
	rule := QuorumRule{Fixed: 2}
	log := []AttendanceMark{
		mark(1, "A", 1, AttendPresent, t0),
		mark(2, "B", 1, AttendPresent, t0), // quorate
		mark(3, "B", 2, AttendLeft, t0),    // lost
		mark(4, "C", 1, AttendPresent, t0), // quorate again
	}
	if lostQuorumBy(rule, voters, log[:1]) || lostQuorumBy(rule, voters, log[:2]) {
		t.Error("lost before the meeting was quorate")
	}
	if !lostQuorumBy(rule, voters, log[:3]) {
		t.Error("B leaving did not lose the quorum")
	}
	if lostQuorumBy(rule, voters, log) {
		t.Error("C arriving lost the quorum")
	}
	if !lostQuorumBy(rule, voters, append(log, mark(5, "A", 2, AttendLeft, t0))) {
		t.Error("A leaving did not lose it again")
	}
	if lostQuorumBy(QuorumRule{}, voters, log[:3]) {
		t.Error("lost with no rule")
	}
}

func TestDayMeeting(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, london) }
	today := Meeting{ID: 1, StartsAt: at(10, 18, 0), Status: MeetingScheduled}
	cancelled := Meeting{ID: 2, StartsAt: at(10, 10, 0), Status: MeetingCancelled}
	lateNight := Meeting{ID: 3, StartsAt: at(9, 22, 0), Status: MeetingScheduled}
	for _, tc := range []struct {
		name string
		ms   []Meeting
		now  time.Time
		want int64
	}{
		{"the day's meeting, hours ahead", []Meeting{today}, at(10, 8, 0), 1},
		{"a cancelled one is passed over", []Meeting{cancelled, today}, at(10, 9, 0), 1},
		{"running past midnight", []Meeting{lateNight}, at(10, 0, 30), 3},
		{"yesterday's long over", []Meeting{lateNight}, at(10, 13, 0), 0},
		{"none", nil, at(10, 9, 0), 0},
	} {
		got, ok := dayMeeting(tc.ms, tc.now, london)
		if !ok {
			got.ID = 0
		}
		if got.ID != tc.want {
			t.Errorf("%s: got meeting %d, want %d", tc.name, got.ID, tc.want)
		}
	}
}

func TestStartable(t *testing.T) {
	c := Committee{Name: "Safer Sefton Together"}
	m := Meeting{StartsAt: t0, Status: MeetingScheduled}
	for _, tc := range []struct {
		name string
		m    Meeting
		sit  Sitting
		now  time.Time
		want string
	}{
		{"on time", m, Sitting{}, t0, ""},
		{"an hour early", m, Sitting{}, t0.Add(-time.Hour), ""},
		{"too early", m, Sitting{}, t0.Add(-4 * time.Hour), "The meeting on Thursday 10 December 2026 starts at 10:00: it can be opened from 07:00."},
		{"the day before", m, Sitting{}, t0.Add(-24 * time.Hour), "The meeting on Thursday 10 December 2026 starts at 10:00: it can be opened on the day, from 07:00."},
		{"opening the evening before", Meeting{StartsAt: t0.Add(-9 * time.Hour), Status: MeetingScheduled}, Sitting{}, t0.Add(-48 * time.Hour), "The meeting on Thursday 10 December 2026 starts at 01:00: it can be opened from 22:00 on Wednesday 9 December 2026."},
		{"cancelled", Meeting{StartsAt: t0, Status: MeetingCancelled}, Sitting{}, t0, "The meeting on Thursday 10 December 2026 was cancelled, so it cannot be opened."},
		{"closed", m, Sitting{State: ActionClosed, Closed: t0.Add(time.Hour)}, t0.Add(2 * time.Hour), "The meeting on Thursday 10 December 2026 was closed at 11:00; it cannot be opened again."},
		{"late", m, Sitting{}, t0.Add(11 * time.Hour), ""},
		{"long past", m, Sitting{}, t0.Add(12 * time.Hour), "The meeting on Thursday 10 December 2026 started at 10:00 more than 12 hours ago; it cannot be opened now."},
		{"held", Meeting{StartsAt: t0, Status: MeetingHeld}, Sitting{}, t0, "The meeting on Thursday 10 December 2026 was held; it cannot be opened again."},
	} {
		got := ""
		if err := startable(c, tc.m, tc.sit, tc.now); err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestClockDuring(t *testing.T) {
	late := time.Date(2026, 12, 10, 23, 0, 0, 0, london)
	// The clocks go back at 02:00 on 25 October 2026 in London.
	night := time.Date(2026, 10, 24, 23, 30, 0, 0, london)
	afternoon := time.Date(2026, 12, 3, 13, 50, 0, 0, london)
	for _, tc := range []struct {
		name  string
		start time.Time
		now   time.Time
		c     Clock
		want  time.Time
	}{
		{"the same day", t0, t0.Add(time.Hour), Clock{10, 20}, time.Date(2026, 12, 10, 10, 20, 0, 0, london)},
		{"just before the start", t0, t0.Add(time.Hour), Clock{9, 45}, time.Date(2026, 12, 10, 9, 45, 0, 0, london)},
		{"past midnight", late, time.Date(2026, 12, 11, 0, 40, 0, 0, london), Clock{0, 30}, time.Date(2026, 12, 11, 0, 30, 0, 0, london)},
		{"across the clock change", night, time.Date(2026, 10, 25, 3, 10, 0, 0, london), Clock{3, 0}, time.Date(2026, 10, 25, 3, 0, 0, 0, london)},
		// The morning before a meeting opened in the afternoon is that
		// day's, not tomorrow's, which has not come.
		{"the morning before", afternoon, afternoon.Add(3 * time.Minute), Clock{9, 0}, time.Date(2026, 12, 3, 9, 0, 0, 0, london)},
	} {
		if got := clockDuring(tc.start, tc.now, tc.c, london); !got.Equal(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestParseAttendance(t *testing.T) {
	c := func(h, m int) *Clock { return &Clock{h, m} }
	for _, tc := range []struct {
		in      string
		want    attendanceArgs
		wantErr string
	}{
		{"<@U1|neil> present", attendanceArgs{UserID: "U1", Hint: "neil", Status: AttendPresent}, ""},
		{"<@U1> late 10:20", attendanceArgs{UserID: "U1", Status: AttendLate, Clock: c(10, 20)}, ""},
		{"<@U1> left at 11.05am", attendanceArgs{UserID: "U1", Status: AttendLeft, Clock: c(11, 5)}, ""},
		{"<@U1> late", attendanceArgs{UserID: "U1", Status: AttendLate}, ""},
		{"<@U1> in attendance", attendanceArgs{UserID: "U1", Status: AttendInAttendance}, ""},
		{"<@U1> remote", attendanceArgs{UserID: "U1", Status: AttendRemote}, ""},
		{"<@U1> absent", attendanceArgs{UserID: "U1", Status: AttendAbsent}, ""},
		{"<@U2> substitute-for <@U3|sue>", attendanceArgs{UserID: "U2", Status: AttendPresent, SubstituteFor: "U3"}, ""},
		{"<@U2> substitute for <@U3>", attendanceArgs{UserID: "U2", Status: AttendPresent, SubstituteFor: "U3"}, ""},
		{`"Jen Williams (NW Probation)" present`, attendanceArgs{Name: "Jen Williams", Org: "NW Probation", Status: AttendPresent}, ""},
		{`“Jen Williams” in-attendance`, attendanceArgs{Name: "Jen Williams", Status: AttendInAttendance}, ""},
		{"<@U1> late 25:00", attendanceArgs{}, "25:00 is not a time: use 10:00, 10.00am or 14:30"},
		{"<@U1> late soon", attendanceArgs{}, "soon is not a time: use 10:20 or 10.20am"},
		{"<@U1> present now", attendanceArgs{}, "present takes nothing after it"},
		{"<@U1>", attendanceArgs{}, "say what to record: present, late HH:MM, left HH:MM, absent, apologies [REASON], remote, in-attendance, substitute-for @member or chair"},
		{"<@U1> apologies", attendanceArgs{UserID: "U1", Apologies: true}, ""},
		{"<@U1> Apologies Unwell, sends regrets", attendanceArgs{UserID: "U1", Apologies: true, Reason: "Unwell, sends regrets", SetReason: true}, ""},
		{`"Jen Williams (NW Probation)" apologised held up in court`, attendanceArgs{Name: "Jen Williams", Org: "NW Probation", Apologies: true, Reason: "held up in court", SetReason: true}, ""},
		{"<@U1> apologies reason none", attendanceArgs{UserID: "U1", Apologies: true, SetReason: true}, ""},
		{"<@U1> apologies reason: the sub committee", attendanceArgs{UserID: "U1", Apologies: true, Reason: "the sub committee", SetReason: true}, ""},
		{"<@U1> apologies reason", attendanceArgs{}, "say `reason none` to remove the reason, or give it after `reason`"},
		{"<@U1> apologies Unwell sub <@U2>", attendanceArgs{}, "a substitute is recorded when they come: mark the substitute with `/attendance @person substitute-for @member`, and give the apologies without them"},
		{"<@U1> apologies " + strings.Repeat("x", MaxReasonLen+1), attendanceArgs{}, "that reason is too long (501 characters; the limit is 500)"},
		{"neil present", attendanceArgs{}, "start with the person: @name, or \"Name (Organisation)\" for someone not in Slack"},
		{`"Jen present`, attendanceArgs{}, "close the name's quotation marks"},
		// @channel or a user group picked inside the quotation marks is
		// no one's name: refused as "@sue" typed there is, not marked as
		// a guest called "@channel" whom the minutes would list.
		{`"<!channel>" present`, attendanceArgs{}, "I could not find @channel: type @ and pick the person, so that Slack links the name, or give \"Name (Organisation)\" for someone not in Slack"},
		{`"<!subteam^S1|@council> " present`, attendanceArgs{}, "I could not find @council: type @ and pick the person, so that Slack links the name, or give \"Name (Organisation)\" for someone not in Slack"},
		{"<@U1> substitute-for sue", attendanceArgs{}, "sue is not a mention: type @ and pick the member they stand in for"},
	} {
		got, err := parseAttendance(tc.in)
		gotErr := ""
		if err != nil {
			gotErr, got = err.Error(), attendanceArgs{}
		}
		if gotErr != tc.wantErr {
			t.Errorf("%q: error %q, want %q", tc.in, gotErr, tc.wantErr)
		}
		if diff := cmp.Diff(got, tc.want); diff != "" {
			t.Errorf("%q (-got +want):\n%s", tc.in, diff)
		}
	}
}

func FuzzParseAttendance(f *testing.F) {
	for _, s := range []string{"<@U1> late 10:20", `"Jen Williams (NW Probation)" present`, "<@U2> substitute-for <@U3>", `“x”`, "<@U1> left at 25:61", "<@U1> left 11:05", "<@U1> left", `"Jen Williams" left 23:59`,
		"<@U1> left none", "<@U1|sue> left NONE", `"Jen Williams (NW Probation)" left none`, "<@U1> late none", "<@U1> left at none", "<@U1> left none 10:00", "<@U1> gone none",
		"<@U1> apologies", "<@U1> apologies Unwell", `"Jen Williams (NW Probation)" apologised Held up`, "<@U1> apologies reason none", "<@U1> apologies reason",
		"<@U1> apologies sub <@U2>", "<@U1> apology Unwell sub \"Jane\"", "<@U1> apologies sub", "<@U1> apologies 10:20", "<@U1> apologies reason: none at all",
		"<@U1> apologies withdraw", `"Jen Williams (NW Probation)" apologies WITHDRAW`, "<@U1> apologies withdraw now", "<@U1> apologies reason withdraw",
		`"(Sefton CVS)" present`, `"Jane Smith (" present`, `"Jane) (Sefton CVS)" present`, `"<!here>" present`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := parseAttendance(s)
		if err != nil {
			return
		}
		if a.UserID == "" && a.Name == "" {
			t.Errorf("%q: no one to mark", s)
		}
		if a.Status == "" && !a.Apologies || a.Status != "" && a.Apologies {
			t.Errorf("%q: status %q, apologies %v: one of the two", s, a.Status, a.Apologies)
		}
		// Apologies carry a reason alone, one given or none.
		if a.Apologies && (a.Clock != nil || a.SubstituteFor != "" || a.NotLeft) || !a.Apologies && (a.Reason != "" || a.SetReason) ||
			!a.SetReason && a.Reason != "" || utf8.RuneCountInString(a.Reason) > MaxReasonLen {
			t.Errorf("%q: %+v", s, a)
		}
		if a.Clock != nil && (a.Clock.Hour > 23 || a.Clock.Minute > 59) {
			t.Errorf("%q: clock %v", s, a.Clock)
		}
		// `apologies withdraw` withdraws them: no reason goes with it.
		if a.Withdraw && (!a.Apologies || a.SetReason || a.Reason != "") {
			t.Errorf("%q: %+v withdraws apologies and records more", s, a)
		}
		// `left none` withdraws a departure: nothing else goes with it.
		if a.NotLeft && (a.Status != AttendLeft || a.Clock != nil || a.SubstituteFor != "") {
			t.Errorf("%q: %+v withdraws a departure and records more", s, a)
		}
		if a.UserID != "" && (a.Name != "" || strings.ContainsAny(a.UserID, " <>@|")) ||
			utf8.RuneCountInString(a.Name) > MaxNameLen || utf8.RuneCountInString(a.Org) > MaxNameLen {
			t.Errorf("%q: person %+v", s, a)
		}
	})
}

func FuzzHereSomeone(f *testing.F) {
	for _, s := range []string{"<@U1>", "<@U1|neil> remote", `"Jen Williams (NW Probation)"`, `"Jen Williams" remote`, `“Jen”`, "later", "neil present", "<@U1> <@U2>", "remote remote", `"`, "<@> x",
		`"Smith &amp; Jones (Sefton CVS)"`, "\"Jen `JJ` Williams\" remote", `"Jen Williams remote`, `"Jen" late`, `"A &lt;!channel&gt;"`, "<@`>", "<@U*1>", `" <!>"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		args := strings.Fields(s)
		if len(args) == 0 {
			return
		}
		err := hereSomeone(args)
		if !isUserErr(err) {
			t.Fatalf("%q: %v, want a sentence for the user", s, err)
		}
		// The /attendance line is offered only for someone named.
		_, _, named := mention(args[0])
		named = named || strings.HasPrefix(Unescape(args[0]), `"`) || strings.HasPrefix(Unescape(args[0]), "“")
		if strings.Contains(err.Error(), "/attendance") && !named {
			t.Errorf("%q: %s", s, err)
		}
		if strings.Count(err.Error(), "`")%2 != 0 {
			t.Fatalf("%q: an odd number of backquotes: %q", s, err)
		}
		// The /attendance line offered, typed as shown (Slack sends & < >
		// escaped), marks the person /attendance reads from the words
		// typed after /here.
		_, offered, ok := strings.Cut(err.Error(), "`/attendance ")
		if !ok {
			return
		}
		offered, _, _ = strings.Cut(offered, "`")
		if strings.HasPrefix(offered, anyName+" ") {
			// The form to fill in names no one.
			return
		}
		typed := Escape(Unescape(offered))
		if strings.HasPrefix(offered, "<@") {
			// A mention is typed by picking the person: Slack sends it as is.
			typed = offered
		}
		got, gotErr := parseAttendance(typed)
		want, wantErr := parseAttendance(strings.Join(args, " ") + " present")
		if n := len(args); n > 1 && strings.EqualFold(args[n-1], "remote") {
			want, wantErr = parseAttendance(strings.Join(args, " "))
		}
		// The hint is the name Slack shows with a mention: not the person.
		got.Hint, want.Hint = "", ""
		if gotErr != nil || wantErr != nil || got != want {
			t.Fatalf("%q: offers `/attendance %s`, read as %+v (%v); /attendance reads the words as %+v (%v)", s, offered, got, gotErr, want, wantErr)
		}
	})
}

func TestAttendanceStats(t *testing.T) {
	m := func(id int64, days int) Meeting { return Meeting{ID: id, StartsAt: t0.AddDate(0, 0, days)} }
	recs := []MeetingRecord{
		{Meeting: m(1, 0), Log: []AttendanceMark{mark(1, "A", 1, AttendPresent, t0), mark(2, "A", 2, AttendLeft, t0)}},
		{Meeting: m(2, 7), Log: []AttendanceMark{mark(3, "A", 1, AttendRemote, t0), mark(4, "B", 1, AttendInAttendance, t0)}, Apologies: []Apology{{UserID: "B"}}},
		{Meeting: m(3, 14), Log: []AttendanceMark{{ID: 5, MemberKey: "S", Seq: 1, Status: AttendPresent, At: t0, SubstituteFor: "B"}}},
	}
	members := []Member{{UserID: "A"}, {UserID: "B"}, {UserID: "C", AddedAt: t0.AddDate(0, 0, 10)}}
	got := AttendanceStats(members, recs)
	want := []MemberStats{
		{Member: members[0], Expected: 3, Attended: 2, Remotely: 1, Absent: 1},
		// In attendance is not attending as a member.
		{Member: members[1], Expected: 3, Apologies: 1, Substituted: 1, Absent: 1},
		// Joined after the first two.
		{Member: members[2], Expected: 1, Absent: 1},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("stats (-got +want):\n%s", diff)
	}
	for _, tc := range []struct{ attended, expected, want int }{{2, 3, 67}, {1, 3, 33}, {0, 0, 0}, {1, 2, 50}, {3, 3, 100}} {
		if got := (MemberStats{Attended: tc.attended, Expected: tc.expected}).Percent(); got != tc.want {
			t.Errorf("%d of %d: %d%%, want %d%%", tc.attended, tc.expected, got, tc.want)
		}
	}
}

func FuzzParseQuorumRule(f *testing.F) {
	for _, s := range []string{"4", "1/3", "1/4 min 3", "0/0", "3/2 min -1", "1/" + strings.Repeat("7", 2000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := parseQuorumRule(strings.Fields(s))
		if err != nil {
			// A refusal quotes what was typed shortened, never whole: it
			// is posted back to the sender.
			if len(err.Error()) > 400 {
				t.Fatalf("parseQuorumRule(%.60q…) refused with a %d-byte message", s, len(err.Error()))
			}
			return
		}
		if !r.Set() {
			t.Errorf("%q: a rule that is not set", s)
		}
		for _, voting := range []int{0, 1, 7, 1000} {
			if n := r.Need(voting); n < 1 || (r.Fixed == 0 && n > max(voting, r.Minimum, 1)) {
				t.Errorf("%q of %d voting members needs %d", s, voting, n)
			}
		}
		if back, err := parseQuorumRule(strings.Fields(r.String())); err != nil || back != r {
			t.Errorf("%q reads back as %+v, %v", s, back, err)
		}
	})
}

// FuzzAttendanceApologies: `/attendance PERSON apologies REASON` records
// the reason as it was typed (after a `reason` that may head it), for the
// person as named; what it refuses, it says.
func FuzzAttendanceApologies(f *testing.F) {
	for _, s := range [][2]string{{"", "Unwell"}, {"Jen Williams (NW Probation)", "reason: Held up in court"}, {"Jen", "Fire &amp; Rescue inspection"},
		{"", "reason none"}, {"", "Reason NONE please"}, {"", "sub committee"}, {"", "Reason"}, {"", "  tabs\tand\nlines "}, {"A (B) (C)", "x"},
		{"", "Unwell sub <@U2>"}, {"Jen &lt;x&gt;", "&lt;!channel&gt;"}, {"", "none"}, {"", "reason reason"},
		{"", "Seeing <@U2|sue>, then <@U3>"}, {"", "<@U2|a\x00b> \x00"}, {"", "ask <mailto:a@b.org|a@b.org> in <#C1|general> <!here>"},
		{"0", "<@0|A\x00<@A|\x00>A\x00A"}, {"", "<@A|\x00> away"}} {
		f.Add(s[0], s[0] != "", uint8(0), s[1])
	}
	keywords := []string{"apologies", "apology", "apologised", "apologized", "apologises", "apologizes", "Apologies", "APOLOGISED"}
	f.Fuzz(func(t *testing.T, name string, byName bool, kw uint8, reason string) {
		person := "<@U1>"
		if byName {
			if strings.Contains(name, `"`) {
				return
			}
			person = `"` + name + `"`
		}
		// As markAttendance hands it on: the words joined by spaces.
		text := strings.Join(strings.Fields(person+" "+keywords[int(kw)%len(keywords)]+" "+reason), " ")
		a, err := parseAttendance(text)
		if err != nil {
			if msg := badArgs(err).Error(); strings.TrimSpace(strings.TrimSuffix(msg, ".")) == "" {
				t.Fatalf("%q: refused with %q", text, msg)
			}
			return
		}
		if !a.Apologies || a.Status != "" {
			t.Fatalf("%q: read as %+v, not apologies", text, a)
		}
		words := strings.Fields(reason)
		setReason := len(words) > 0
		if setReason && strings.EqualFold(strings.TrimRight(words[0], ":"), "reason") {
			if len(words) == 2 && strings.EqualFold(words[1], "none") {
				words = nil
			} else {
				words = words[1:]
			}
		}
		// A mention is kept marked, to be named (plainMarked); written back
		// as markup, the reason is what was typed, Slack's other markup as
		// the sender saw it (ShownMarkup). A mention whose hint is only
		// NULs (which Slack never sends) is kept with no hint, and so is
		// written back as "<@A>".
		typed := mentionMarkup.ReplaceAllStringFunc(strings.Join(words, " "), func(m string) string {
			if id, hint, ok := strings.Cut(m[2:len(m)-1], "|"); ok && strings.ReplaceAll(hint, mentionMark, "") == "" {
				return "<@" + id + ">"
			}
			return m
		})
		if want := strings.TrimSpace(strings.ReplaceAll(Unescape(ShownMarkup(typed)), mentionMark, "")); unmarked(a.Reason) != want || a.SetReason != setReason {
			t.Fatalf("%q: reason %q (set %v), want %q (set %v)", text, a.Reason, a.SetReason, want, setReason)
		}
		if byName {
			wantName, wantOrg := splitOrg(oneLine(Unescape(name)))
			if a.Name != wantName || a.Org != wantOrg || a.UserID != "" {
				t.Fatalf("%q: person %q (%q), want %q (%q)", text, a.Name, a.Org, wantName, wantOrg)
			}
		} else if a.UserID != "U1" || a.Name != "" {
			t.Fatalf("%q: person %+v, want <@U1>", text, a)
		}
	})
}

// TestHereSomeone: /here naming someone gives the /attendance line that
// marks them, one that works as shown and typed.
func TestHereSomeone(t *testing.T) {
	const lead = "`/here` marks only you. To mark someone else, the officer or the chair types "
	for _, tc := range []struct{ text, want string }{
		{"<@U1|neil>", lead + "`/attendance <@U1> present`."},
		{`"Jen Williams (NW Probation)" remote`, lead + "`/attendance \"Jen Williams (NW Probation)\" remote`."},
		// Slack sends a typed & as &amp;: shown once escaped, not twice.
		{`"Smith &amp; Jones (Sefton CVS)"`, lead + "`/attendance \"Smith &amp; Jones (Sefton CVS)\" present`."},
		// A backquote would end the line's code span; an unclosed quote
		// would make a line /attendance refuses: the form to fill in.
		{"\"Jen `JJ` Williams\" remote", lead + "`/attendance \"Name (Organisation)\" remote`."},
		{`"Jen Williams remote`, lead + "`/attendance \"Name (Organisation)\" remote`."},
		// More than the person and `remote`, as with a mention.
		{`"Jen" late`, "`/here` takes nothing, or `remote`."},
		{"<@U1> late", "`/here` takes nothing, or `remote`."},
		{"later", "`/here` takes nothing, or `remote`."},
	} {
		if got := hereSomeone(strings.Fields(tc.text)).Error(); got != tc.want {
			t.Errorf("/here %s:\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// unmarked writes the mentions plainMarked marked in s back as Slack's
// markup.
func unmarked(s string) string {
	parts := strings.Split(s, mentionMark)
	for i := 1; i < len(parts); i += 2 {
		if id, hint, _ := strings.Cut(parts[i], "|"); hint != "" {
			parts[i] = "<@" + id + "|" + hint + ">"
		} else {
			parts[i] = "<@" + id + ">"
		}
	}
	return strings.Join(parts, "")
}
