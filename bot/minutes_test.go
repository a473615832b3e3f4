package bot_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/internal/bottest"
)

const rename = "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together."

func seedPack(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/safer-sefton-together-2022-03-17-agenda-pack.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// submitMinutes pastes text into the /minutes import form as user.
// seedMinutes is the minutes of 9 December 2021 cut from the seed pack, as
// an officer would copy them from the published PDF.
func seedMinutes(t *testing.T) string {
	t.Helper()
	pack := seedPack(t)
	start := strings.Index(pack, "THIS SET OF MINUTES")
	end := strings.Index(pack, " National Refresh")
	if start < 0 || end < start {
		t.Fatal("the seed pack has no minutes where expected")
	}
	return pack[start:end]
}

func submitMinutes(t *testing.T, k *bottest.Kit, user, text string) (commands.Reply, map[string]string) {
	t.Helper()
	r := commands.Request{TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: user, Now: k.Now()}
	open, err := k.Service.Run(context.Background(), commands.Request{Command: "/minutes", Text: "import", TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: user, Now: k.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if open.Form == nil {
		return open, nil
	}
	// A form's submission comes without a channel; the form carries it.
	r.ChannelID = ""
	// Pasted as a person would: 3,000 characters a box, as Slack allows.
	values := map[string][]string{}
	for _, f := range open.Form.Fields {
		n := min(len(text), f.MaxLen)
		if n == 0 {
			break
		}
		cut := strings.LastIndex(text[:n], "\n") + 1
		if n == len(text) || cut == 0 {
			cut = n
		}
		values[f.ID] = []string{text[:cut]}
		text = text[cut:]
	}
	if text != "" {
		t.Fatalf("%d characters did not fit in the form", len(text))
	}
	reply, fieldErrs, err := k.Service.Submit(context.Background(), r, commands.Submission{
		Form: open.Form.ID, Metadata: open.Form.Metadata, Values: values,
	})
	if err != nil {
		t.Fatal(err)
	}
	return reply, fieldErrs
}

// importedCommittee is the test committee with the seed minutes imported.
func importedCommittee(t *testing.T) *bottest.Kit {
	t.Helper()
	k := newCommittee(t)
	reply, fieldErrs := submitMinutes(t, k, officer, seedMinutes(t))
	want := "Imported the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: 10 minutes (20–29), 8 resolutions, 14 present, 3 apologies, no declarations of interest."
	if reply.Text != want || fieldErrs != nil {
		t.Fatalf("import: %q %v\nwant %q", reply.Text, fieldErrs, want)
	}
	return k
}

// buttonValues lists a reply's buttons as action → values.
func buttonValues(r bottest.Reply) map[string][]string {
	out := map[string][]string{}
	for _, b := range r.Blocks {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					name, _, _ := strings.Cut(btn.ActionID, "#")
					out[name] = append(out[name], btn.Value)
				}
			}
		}
	}
	return out
}

// sections lists a reply's section texts.
func sections(r bottest.Reply) []string {
	var out []string
	for _, b := range r.Blocks {
		if s, ok := b.(*slack.SectionBlock); ok && s.Text != nil {
			out = append(out, s.Text.Text)
		}
	}
	return out
}

func TestMinutesImportForm(t *testing.T) {
	k := newCommittee(t)
	// Only officers import.
	reply, _ := submitMinutes(t, k, neil, seedMinutes(t))
	if !strings.Contains(reply.Text, "Only an officer") || reply.Form != nil {
		t.Errorf("member importing: %q, want a refusal", reply.Text)
	}
	open, err := k.Service.Run(context.Background(), commands.Request{Command: "/minutes", Text: "import", TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: officer, Now: k.Now()})
	if err != nil || open.Form == nil || len(open.Form.Fields) < 2 || open.Form.Fields[0].Kind != commands.FieldTextArea {
		t.Fatalf("/minutes import: %+v, %v; want a form of text areas", open, err)
	}
	// Over HTTP the slash command opens the form as a modal.
	k.Must(officer, "/minutes", "import")
	if calls := k.Slack.Calls("views.open"); len(calls) != 1 || !strings.Contains(calls[0].Arg("view"), "Import minutes") {
		t.Errorf("views.open calls = %d; want the minutes form opened", len(calls))
	}

	_, fieldErrs := submitMinutes(t, k, officer, "Notes of a chat about the weather.")
	if !strings.Contains(fieldErrs["text"], "could not find any numbered minutes") {
		t.Errorf("pasting no minutes: field errors %v", fieldErrs)
	}
	first, _ := submitMinutes(t, k, officer, seedMinutes(t))
	if !strings.HasPrefix(first.Text, "Imported the minutes") {
		t.Errorf("first import: %q", first.Text)
	}
	again, _ := submitMinutes(t, k, officer, seedMinutes(t))
	if !strings.Contains(again.Text, "already imported; nothing changed") {
		t.Errorf("second import: %q", again.Text)
	}
}

func TestResolutionLookups(t *testing.T) {
	k := importedCommittee(t)

	// By number: the rename, word for word, with the meeting and title.
	r := k.Must(stranger, "/resolution", "28")
	wantText(t, r, "Safer Sefton Together", "minute 28 of the meeting on Thursday 9 December 2021", "Minute 28 — FUTURE NAME OF PARTNERSHIP", "RESOLVED: "+rename)
	if r.Public() {
		t.Error("a lookup is shown to everyone; want it private until shared")
	}
	share := buttonValues(r)["resolution.share"]
	if len(share) != 1 {
		t.Fatalf("share buttons %v, want one", share)
	}
	wantText(t, k.Must(neil, "/resolution", "2021-12-09 28"), "RESOLVED: "+rename)
	wantText(t, k.Must(neil, "/resolution", "9/12/2021 minute 28"), "RESOLVED: "+rename)
	wantText(t, k.Must(neil, "/resolution", "23"), "Refers to: Minute No. 17 of the meeting held on 9th September 2021",
		"(1) the Board notes the cross representation")
	wantText(t, k.Must(neil, "/resolution", "99"), "No minute 99 of *Safer Sefton Together* is on record")
	wantText(t, k.Must(neil, "/resolution", "2021-12-09"), "• 20. APOLOGIES FOR ABSENCE", "• 29. DATE OF NEXT MEETING")

	// By words, best first, matched words in bold.
	cases := []struct {
		words, first, shows string
	}{
		{"youth anti-social behaviour", "Minute 26 — YOUTH ANTI-SOCIAL BEHAVIOUR - PARTNER REPORTS", ""},
		{"rename partnership", "Minute 28 — FUTURE NAME OF PARTNERSHIP", "Safer Communities *Partnership* be re-named"},
		{`"alternative provision"`, "Minute 26 —", "Appropriate *Alternative* *Provision* to Mainstream"},
		{"report noted", "Minute 2", "be *noted*"},
		// The apologies and declarations recorded in the minutes are found too.
		{"Frackelton", "Minute 20 — APOLOGIES FOR ABSENCE", "Neil *Frackelton* (SWACA)"},
	}
	for _, tc := range cases {
		t.Run(tc.words, func(t *testing.T) {
			r := k.Must(stranger, "/resolution", tc.words)
			secs := sections(r)
			if len(secs) < 2 || len(secs) > 6 {
				t.Fatalf("%d sections, want a heading and 1 to 5 results:\n%s", len(secs), r.Text())
			}
			if !strings.HasPrefix(secs[1], "*"+tc.first) {
				t.Errorf("best result:\n%s\nwant %q first", secs[1], tc.first)
			}
			if !strings.Contains(secs[1], tc.shows) {
				t.Errorf("best result:\n%s\nlacks %q", secs[1], tc.shows)
			}
			if got := len(buttonValues(r)["resolution.share"]); got != len(secs)-1 {
				t.Errorf("%d share buttons for %d results", got, len(secs)-1)
			}
		})
	}
	wantText(t, k.Must(neil, "/resolution", "photosynthesis"), "Nothing in the minutes of *Safer Sefton Together* matches “photosynthesis”", "broader")
	wantText(t, k.Must(neil, "/resolution", "<!channel> budget"), "matches “&lt;!channel&gt; budget”")
	wantText(t, k.Must(neil, "/resolution", "help"), "/resolution 2021-12-09 28")

	// Share: everyone in the channel sees the exact words.
	shared, err := k.Service.Act(context.Background(), commands.Request{TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: graeme, Now: k.Now()}, "resolution.share", share[0])
	if err != nil {
		t.Fatal(err)
	}
	if shared.Visibility != commands.Public {
		t.Error("shared resolution is private; want it public")
	}
	want := "<@" + graeme + "> shared *Safer Sefton Together*, meeting of Thursday 9 December 2021 — minute 28, FUTURE NAME OF PARTNERSHIP:\n>RESOLVED: " + rename
	if shared.Text != want {
		t.Errorf("shared:\n got %q\nwant %q", shared.Text, want)
	}
	// A minute of another committee cannot be shared from this channel.
	other, err := k.Service.Act(context.Background(), commands.Request{TeamID: bottest.Team, ChannelID: "COTHER", UserID: graeme, Now: k.Now()}, "resolution.share", share[0])
	if err != nil || other.Visibility == commands.Public {
		t.Errorf("share from a channel with no committee: %+v, %v", other, err)
	}
	broken, _ := k.Service.Act(context.Background(), commands.Request{TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: graeme, Now: k.Now()}, "resolution.share", "x'; DROP TABLE minutes")
	if broken.Visibility == commands.Public || !strings.Contains(broken.Text, "broken") {
		t.Errorf("share with a bad value: %+v", broken)
	}
}

func TestResolutionOffersOtherMinutesWithTheSameNumber(t *testing.T) {
	k := importedCommittee(t)
	reply, _ := submitMinutes(t, k, officer, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2020", 1))
	if !strings.HasPrefix(reply.Text, "Imported the minutes of the meeting of Safer Sefton Together on Thursday 10 December 2020") {
		t.Fatalf("import of 2020: %q", reply.Text)
	}
	r := k.Must(neil, "/resolution", "28")
	wantText(t, r, "minute 28 of the meeting on Thursday 9 December 2021, the latest; earlier minutes numbered 28 are below")
	others := buttonValues(r)["resolution.show"]
	if len(others) != 1 {
		t.Fatalf("other minutes offered: %v, want the one of 2020", others)
	}
	shown, err := k.Service.Act(context.Background(), commands.Request{TeamID: bottest.Team, ChannelID: bottest.Channel, UserID: neil, Now: k.Now()}, "resolution.show", others[0])
	if err != nil || !strings.Contains(shown.Text, "minute 28 of the meeting on Thursday 10 December 2020") {
		t.Errorf("showing the other: %+v, %v", shown, err)
	}
	wantText(t, k.Must(neil, "/resolution", "2020-12-10 28"), "Thursday 10 December 2020")
}

func TestMinutesDraft(t *testing.T) {
	k := importedCommittee(t)
	k.SetNow(time.Date(2022, 3, 1, 9, 0, 0, 0, london))
	wantText(t, k.Must(officer, "/meeting", "schedule 17/03/2022 10:00 Remote Meeting"), "17 March 2022")
	wantText(t, k.Must(neil, "/apologies", "Unwell"), "recorded")
	meeting, err := k.DB.NextMeeting(context.Background(), mustCommittee(t, k.DB).ID, k.Now())
	if err != nil {
		t.Fatal(err)
	}

	wantText(t, k.Must(neil, "/minutes", "draft"), "Only an officer")
	want := "```\n" +
		"**30. APOLOGIES FOR ABSENCE**\n\n" +
		"Apologies for absence were received from Neil Frackelton (SWACA).\n\n" +
		"**31. DECLARATIONS OF INTEREST**\n\n" +
		"No declarations of any disclosable pecuniary interests or personal interests were received.\n\n" +
		"**32. MINUTES OF PREVIOUS MEETING**\n\n" +
		"RESOLVED:\n" +
		"That the Minutes of the meeting held on 9 December 2021 be confirmed as a correct record.\n" +
		"```"
	for _, text := range []string{"draft", "draft 17 March 2022"} {
		r := k.Must(officer, "/minutes", text)
		wantText(t, r, "Draft opening minutes of the meeting of *Safer Sefton Together* on Thursday 17 March 2022. Numbered on from minute 29 of Thursday 9 December 2021.")
		if secs := sections(r); len(secs) != 2 || secs[1] != want {
			t.Errorf("/minutes %s:\n%s\nwant\n%s", text, strings.Join(secs, "\n---\n"), want)
		}
	}

	// Declarations standing for the meeting are listed instead.
	_, err = k.DB.SQL().Exec(`INSERT INTO declarations (meeting_id, item_number, member_key, user_id, name, kind, nature)
		VALUES ($1, '7.5', $2, $2, 'Neil Frackelton', 'personal', 'Chief Executive of SWACA')`, meeting.ID, neil)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, k.Must(officer, "/minutes", "draft"), "Neil Frackelton declared a personal interest in Item 7.5 as Chief Executive of SWACA.")

	wantText(t, k.Must(officer, "/minutes", "draft 18 March 2022"), "has no meeting on Friday 18 March 2022")
	wantText(t, k.Must(officer, "/minutes", "publish"), "I don't know `publish`", "/minutes draft [DATE]")
}

// TestShareResolutionThroughSlack presses "Share in channel" as Slack sends
// it, a signed block_actions payload: the resolution goes to the channel,
// word for word, through the payload's response_url.
func TestShareResolutionThroughSlack(t *testing.T) {
	k := importedCommittee(t)
	r := k.Must(neil, "/resolution", "28")
	values := buttonValues(r)["resolution.share"]
	if len(values) != 1 {
		t.Fatalf("share buttons = %v, want one", values)
	}
	hook := k.NewHook()
	status, body := k.Interact(bottest.ButtonPayload(neil, "resolution.share", values[0], hook.URL()))
	if status != http.StatusOK || len(body) != 0 {
		t.Fatalf("button: %d %q", status, body)
	}
	posts := hook.Posts()
	if len(posts) != 1 {
		t.Fatalf("%d posts to the response_url, want 1", len(posts))
	}
	if rt, _ := posts[0]["response_type"].(string); rt != "in_channel" {
		t.Errorf("response_type = %q, want in_channel: the chair quotes it to everyone", rt)
	}
	if got := bottest.PostText(posts[0]); !strings.Contains(got, "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together.") {
		t.Errorf("shared text lacks the resolution word for word:\n%s", got)
	}
	// A forged value names nothing.
	k.Interact(bottest.ButtonPayload(neil, "resolution.share", "999999", hook.URL()))
	if got := hook.Last(); strings.Contains(got, "re-named") {
		t.Errorf("a forged share value shared something: %q", got)
	}
}

// TestResolutionSearchWithAmpersand: Slack sends a typed & as &amp;; the
// search is for what was typed.
func TestResolutionSearchWithAmpersand(t *testing.T) {
	k := importedCommittee(t)
	wantText(t, k.Must(neil, "/resolution", "Fire &amp; Rescue"), "Minute 26")
	r := k.Must(neil, "/resolution", "zebra &amp; &lt;!channel&gt;")
	wantText(t, r, "matches “zebra &amp; &lt;!channel&gt;”")
}

// TestReportLinkTypedWithoutBrackets: a bare link arrives with & as &amp;;
// the link kept is the one typed.
func TestReportLinkTypedWithoutBrackets(t *testing.T) {
	k, _ := agendaCommittee(t)
	wantText(t, k.Must(neil, "/report", "7.5 https://example.org/x?a=1&amp;b=2 SWACA report"), "Address: https://example.org/x?a=1&amp;b=2")
	links, err := k.DB.ReportLinks(context.Background(), nextMeetingID(t, k))
	if err != nil || len(links) != 1 || links[0].URL != "https://example.org/x?a=1&b=2" {
		t.Errorf("stored links = %+v, %v; want the address as typed", links, err)
	}
}
