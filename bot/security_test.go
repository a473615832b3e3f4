package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/internal/bottest"
)

// TestReplayedApologyIsNotDuplicated: Slack's signing scheme accepts the same
// signed request again within its five minutes, so a captured /apologies can
// be replayed. The bot refuses a signature it has seen (TestReplayDrill);
// and the apology model is idempotent besides: the replays change nothing.
func TestReplayedApologyIsNotDuplicated(t *testing.T) {
	k := newCommittee(t)
	k.Must(officer, "/meeting", "schedule 2026-12-10 10:00 Remote Meeting")
	body := []byte(bottest.CommandForm(neil, "/apologies", "Unwell sub <@UGRAEME>").Encode())
	sign := capture()
	var statuses []int
	var first string
	for i := range 3 {
		status, out := k.PostRaw("/slack/commands", body, "application/x-www-form-urlencoded", sign)
		statuses = append(statuses, status)
		if i == 0 {
			first = string(out)
		}
	}
	if !strings.Contains(first, "are recorded") || !slices.Equal(statuses, []int{http.StatusOK, http.StatusUnauthorized, http.StatusUnauthorized}) {
		t.Errorf("statuses of the original and its replays %v, want 200 401 401; the original's reply: %s", statuses, first)
	}
	m, err := k.DB.NextMeeting(context.Background(), mustCommittee(t, k.DB).ID, now)
	if err != nil {
		t.Fatal(err)
	}
	as, err := k.DB.Apologies(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := k.DB.ApologyHistory(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || len(hist) != 1 {
		t.Errorf("after two replays: %d apologies, %d history entries; want 1 and 1", len(as), len(hist))
	}
}

func TestOversizedBodiesAreRefusedBeforeReading(t *testing.T) {
	k := bottest.New(t)
	// No Content-Length (chunked): the limit still holds while reading.
	big := strings.NewReader("text=" + strings.Repeat("a", 200<<10))
	req, err := http.NewRequest(http.MethodPost, k.HTTP.URL+"/slack/commands", io.MultiReader(big))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	bottest.Sign(req.Header, nil, bottest.Secret, time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked 200 KB body: status %d, want 413", resp.StatusCode)
	}
	// Unsigned and oversized: the signature is checked first (401).
	status, _ := k.PostRaw("/slack/commands", []byte(strings.Repeat("a", 100<<10)), "application/x-www-form-urlencoded", nil)
	if status != http.StatusUnauthorized {
		t.Errorf("unsigned 100 KB body: status %d, want 401", status)
	}
}

// Hostile text: SQL meta-characters and Slack markup that would notify a
// channel, spoof a mention or disguise a link.
var hostile = []string{
	`'; DROP TABLE apologies; --`,
	`$1 $2::text \ \\ \'; SELECT pg_sleep(10); --`,
	`<!channel> <!here> <!everyone> <@U0ADMIN> <#C0GENERAL>`,
	`<https://evil.example/login|click> <javascript:alert(1)|x> <mailto:a@evil.example>`,
	`&lt;!channel&gt; *bold* _it_ ~s~ ` + "`code`",
}

// hostileKept is what a reason keeps of each hostile text: what the
// sender saw of Slack's markup in it (a mention's name, for U0ADMIN
// unknown to the directory its ID; a broadcast as @channel; a link as its
// label with where it goes), and what was typed of the rest.
var hostileKept = []string{
	`'; DROP TABLE apologies; --`,
	`$1 $2::text \ \\ \'; SELECT pg_sleep(10); --`,
	`@channel @here @everyone @U0ADMIN #C0GENERAL`,
	`click (https://evil.example/login) x (javascript:alert(1)) a@evil.example`,
	`<!channel> *bold* _it_ ~s~ ` + "`code`",
}

// namedKept is what a name, an organisation or a venue keeps of each
// hostile text: as a reason does, a broadcast as @channel, a channel as
// its ID and a link as its label with where it goes, as the sender saw
// them; a mention stays the mention it was (shown escaped, as text).
var namedKept = []string{
	`'; DROP TABLE apologies; --`,
	`$1 $2::text \ \\ \'; SELECT pg_sleep(10); --`,
	`@channel @here @everyone <@U0ADMIN> #C0GENERAL`,
	`click (https://evil.example/login) x (javascript:alert(1)) a@evil.example`,
	`<!channel> *bold* _it_ ~s~ ` + "`code`",
}

// forbidden is markup that must never reach Slack from user text.
var forbidden = []string{"<!channel>", "<!here>", "<!everyone>", "<@U0ADMIN", "<#C0GENERAL", "<https://evil", "<javascript:", "<mailto:"}

// post runs a slash command in channel and returns the status, the reply's
// text and every string in the JSON Slack receives.
func post(t *testing.T, k *bottest.Kit, channel, user, command, text string) (string, []string) {
	t.Helper()
	form := bottest.CommandForm(user, command, text)
	form.Set("channel_id", channel)
	status, body := k.Post("/slack/commands", form)
	if status != http.StatusOK {
		t.Fatalf("%s %s: status %d: %s", command, text, status, body)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%s %s: reply is not JSON: %v", command, text, err)
	}
	var all []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			all = append(all, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	text0, _ := v.(map[string]any)["text"].(string)
	return text0, all
}

// TestHostileTextIsStoredVerbatimAndRenderedHarmlessly puts hostile text in
// every free-text field — committee name, organisation, venue, apology
// reason, substitute name, and a member's Slack name — then reads it all
// back: the database holds exactly what was typed (Slack's markup as the
// sender saw it: @channel, a link's label, in a reason a mention's name),
// and no reply carries live markup from it.
func TestHostileTextIsStoredVerbatimAndRenderedHarmlessly(t *testing.T) {
	k := bottest.New(t)
	k.SetNow(now)
	k.AddUser(officer, "Ian Barton")
	k.AddUser(neil, "Neil Frackelton")
	k.AddUser("UMALLORY", "Mallory <!here> <@U0ADMIN>")
	ctx := context.Background()
	// Every hostile field written counts as acknowledged; one stored as
	// typed is in the database, one stored otherwise is lost.
	var f figures
	for i, p := range hostile {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			channel := fmt.Sprintf("CHOSTILE%d", i)
			var strs []string
			var sawEscaped bool
			run := func(user, command, text, want string) {
				t.Helper()
				reply, all := post(t, k, channel, user, command, text)
				if !strings.Contains(reply, want) {
					t.Errorf("%s %s:\nreply %q\nlacks %q", command, text, reply, want)
				}
				if strings.Contains(reply, "&lt;") {
					sawEscaped = true
				}
				strs = append(strs, all...)
			}
			// A reason's first word is not "reason": `reason TEXT` is the
			// explicit form, which stores TEXT.
			name, org, venue, reason := "Committee "+p, "Org "+p, "Venue "+p, "Because "+p
			run(officer, "/committee", "setup "+name, "is now the channel of")
			run(officer, "/committee", "member add <@UNEIL> "+org, "is now a member")
			run(officer, "/committee", "member add <@UMALLORY|<!channel>> "+org+" chair", "is now the chair")
			run(officer, "/meeting", "schedule 2026-12-10 10:00 "+venue, "will meet on")
			run(neil, "/apologies", reason+" sub O'Brien'); DROP TABLE", "are recorded")
			run("UMALLORY", "/apologies", reason+" sub <@UNOBODY|<!channel>>", "are recorded")
			run(officer, "/apologies", "Away sub Evil<!channel> X<@U0ADMIN> Back\\Slash", "are recorded")
			run(officer, "/committee", "members", "has 3 members")
			run(officer, "/meeting", "list", "3 apologies")
			run(officer, "/apologies", "list", "Apologies for absence were received from")
			run(neil, "/apologies", "list", "Substitutes:")
			run(officer, "/committee", "setup Another", "already belongs to")
			for _, s := range strs {
				for _, f := range forbidden {
					if strings.Contains(s, f) {
						t.Errorf("live markup %q reached Slack in:\n%s", f, s)
					}
				}
			}
			if !sawEscaped && strings.Contains(p, "<") {
				t.Error("the hostile text never came back (escaped) in a reply: the check above proves nothing")
			}

			// Stored verbatim.
			c, err := k.DB.CommitteeByChannel(ctx, bottest.Team, channel)
			if err != nil {
				t.Fatal(err)
			}
			m, err := k.DB.Member(ctx, c.ID, neil)
			if err != nil {
				t.Fatal(err)
			}
			mal, err := k.DB.Member(ctx, c.ID, "UMALLORY")
			if err != nil {
				t.Fatal(err)
			}
			mt, err := k.DB.NextMeeting(ctx, c.ID, now)
			if err != nil {
				t.Fatal(err)
			}
			as, err := k.DB.Apologies(ctx, mt.ID)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{c.Name, m.Organisation, mal.Name, mal.Organisation, mt.Venue}
			for _, a := range as {
				got = append(got, a.Reason+" | "+a.SubstituteName)
			}
			// Slack sends typed &, < and > as entities; the record holds
			// what the person typed, and of Slack's markup what they saw
			// (namedKept, hostileKept).
			named := func(field string) string { return field + " " + namedKept[i] }
			said := func(string) string { return "Because " + hostileKept[i] }
			want := []string{named("Committee"), named("Org"), "Mallory <!here> <@U0ADMIN>", named("Org"), named("Venue"),
				said(reason) + " | O'Brien'); DROP TABLE", said(reason) + " | <!channel>", "Away | Evil@channel X<@U0ADMIN> Back\\Slash"}
			f.acknowledged += len(want)
			for j, w := range want {
				if j < len(got) && got[j] == w {
					f.inDatabase++
				} else {
					f.lost++
				}
			}
			if len(got) > len(want) {
				f.phantom += len(got) - len(want)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("stored text differs from what was typed (-want +got):\n%s", diff)
			}
		})
	}
	// The tables the SQL meta-characters named are all still there.
	for _, table := range []string{"apologies", "members", "committees", "meetings"} {
		var n int
		if err := k.DB.SQL().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil || n == 0 {
			t.Errorf("table %s: %d rows, %v", table, n, err)
		}
	}
	f.report(t, "hostile-text")
	// Nothing hostile was posted through the Web API either.
	for _, call := range k.Slack.Calls("") {
		for _, f := range forbidden {
			for _, v := range []string{call.Arg("text"), call.Arg("blocks")} {
				if strings.Contains(v, f) {
					t.Errorf("%s carried %q", call.Method, f)
				}
			}
		}
	}
}
