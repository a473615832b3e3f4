package commands_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

const rename = "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together."

// buttonValues lists r's buttons' values by action.
func buttonValues(r commands.Reply) map[string][]string {
	out := map[string][]string{}
	for _, b := range r.Buttons {
		out[b.Action] = append(out[b.Action], b.Value)
	}
	return out
}

func TestResolutionLookups(t *testing.T) {
	k := importedKit(t)

	// By number: the rename, word for word, with the meeting and title.
	r := k.must(stranger, "/resolution 28")
	if diff := cmp.Diff(shown(r), "*Safer Sefton Together* — minute 28 of the meeting on Thursday 9 December 2021\n"+
		"*Minute 28 — FUTURE NAME OF PARTNERSHIP*\n_Safer Sefton Together, Thursday 9 December 2021_\nRESOLVED: "+rename+"\n[Share minute 28 in channel]"); diff != "" {
		t.Errorf("/resolution 28 (-got +want):\n%s", diff)
	}
	if r.Visibility != commands.Private {
		t.Error("a lookup is shown to everyone; want it private until shared")
	}
	k.steps([]step{
		{neil, "/resolution 2021-12-09 28", []string{"RESOLVED: " + rename}},
		{neil, "/resolution 9/12/2021 minute 28", []string{"RESOLVED: " + rename}},
		{neil, "/resolution No.28", []string{"RESOLVED: " + rename}},
		{neil, "/resolution 23", []string{"Refers to: Minute No. 17 of the meeting held on 9th September 2021", "(1) the Board notes the cross representation"}},
		{neil, "/resolution 29", []string{"Minute 29 — DATE OF NEXT MEETING"}},
		{neil, "/resolution 99", []string{"No minute 99 of *Safer Sefton Together* is on record. Search by words instead (`/resolution budget`), or an officer can import minutes with `/minutes import`."}},
		{neil, "/resolution 2021-12-10 28", []string{"No minutes of *Safer Sefton Together* for Friday 10 December 2021 are on record. `/resolution 28` finds minute 28 of whichever meeting has one"}},
		{neil, "/resolution 2021-12-09", []string{"*Safer Sefton Together* — minutes of the meeting on Thursday 9 December 2021. Show one with `/resolution 2021-12-09 NUMBER`.",
			"• 20. APOLOGIES FOR ABSENCE", "• 29. DATE OF NEXT MEETING"}},
		{neil, "/resolution 2020-01-01", []string{"No minutes of *Safer Sefton Together* for Wednesday 1 January 2020 are on record."}},
		{neil, "/resolution 2021-12-09 rename", []string{"After a date, give a minute number (`/resolution 2021-12-09 28`); to search by words, leave the date out.", "• `/resolution WORDS…`"}},
		{neil, "/resolution", []string{"*/resolution* — Find what the committee resolved"}},
		{neil, "/resolution help", []string{"/resolution 2021-12-09 28"}},
	})
}

func TestResolutionSearch(t *testing.T) {
	k := importedKit(t)
	for _, tc := range []struct{ words, first, shows string }{
		{"youth anti-social behaviour", "Minute 26 — YOUTH ANTI-SOCIAL BEHAVIOUR - PARTNER REPORTS", ""},
		{"rename partnership", "Minute 28 — FUTURE NAME OF PARTNERSHIP", "Safer Communities *Partnership* be re-named"},
		{`"alternative provision"`, "Minute 26 —", "Appropriate *Alternative* *Provision* to Mainstream"},
		{"report noted", "Minute 2", "be *noted*"},
		// The apologies recorded in the minutes are found too.
		{"Frackelton", "Minute 20 — APOLOGIES FOR ABSENCE", "Neil *Frackelton* (SWACA)"},
		// Slack sends a typed & as &amp;; the search is for what was typed.
		{"Fire &amp; Rescue", "Minute 26", ""},
	} {
		t.Run(tc.words, func(t *testing.T) {
			r := k.must(stranger, "/resolution "+tc.words)
			if len(r.Sections) < 1 || len(r.Sections) > 5 {
				t.Fatalf("%d results, want 1 to 5:\n%s", len(r.Sections), shown(r))
			}
			if !strings.Contains(r.Text, "best first") && len(r.Sections) > 1 {
				t.Errorf("heading: %q", r.Text)
			}
			if best := r.Sections[0].Title + "\n" + r.Sections[0].Text; !strings.HasPrefix(best, tc.first) || !strings.Contains(best, tc.shows) {
				t.Errorf("best result:\n%s\nwant %q first, showing %q", best, tc.first, tc.shows)
			}
			if got := len(buttonValues(r)["resolution.share"]); got != len(r.Sections) {
				t.Errorf("%d share buttons for %d results", got, len(r.Sections))
			}
		})
	}
	k.steps([]step{
		{neil, "/resolution photosynthesis", []string{"Nothing in the minutes of *Safer Sefton Together* matches “photosynthesis”: no minute holds it. Check its spelling, try another word for it, or give a minute number (`/resolution 28`)."}},
		// A phrase is not looked for word by word: that costs twice the
		// search's time, and the answer says to search without quotes.
		{neil, `/resolution "photosynthesis now"`, []string{"Try the words without quotes, or fewer of them."}},
		{neil, `/resolution "partnership youth"`, []string{"Try the words without quotes, or fewer of them."}},
		{neil, "/resolution &lt;!channel&gt; budget", []string{"matches “&lt;!channel&gt; budget”"}},
		{neil, "/resolution zebra &amp; &lt;!channel&gt;", []string{"matches “zebra &amp; &lt;!channel&gt;”"}},
		{neil, "/resolution ...", []string{"Give a minute number or some words to look for."}},
		{neil, "/resolution " + strings.Repeat("word ", 50), []string{"That is too much to search for (249 characters; the limit is 200)."}},
	})
	wantShown(t, k.say(neil, "/resolution FUTURE NAME"), "*Safer Sefton Together* — the minute that matches “FUTURE NAME”:")
}

// TestResolutionNeedsAWordToLookFor: words that only leave minutes out
// ("-noted"), or words too common for the search to look for ("the"), are
// answered with what to give instead, not with unrelated minutes or an
// empty search.
func TestResolutionNeedsAWordToLookFor(t *testing.T) {
	k := importedKit(t)
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"/resolution -noted", []string{"Give at least one word to look for: words after a minus, such as -noted, only leave minutes out (`/resolution rename -noted`).", "• `/resolution WORDS…`"}},
		{"/resolution -noted -report", []string{"Give at least one word to look for: words after a minus"}},
		{"/resolution the -noted", []string{"Give at least one word to look for"}},
		{"/resolution -\"report be noted\"", []string{"Give at least one word to look for"}},
		{"/resolution the", []string{"The word “the” is too common to search for: give a more specific word (`/resolution budget`) or a minute number (`/resolution 28`)."}},
		{"/resolution to be or not", []string{"The words “to be or not” are all too common to search for: give a more specific word"}},
		{`/resolution "The"`, []string{"The word “\"The\"” is too common to search for"}},
	} {
		r := k.run(neil, tc.line)
		got := shown(r)
		wantShown(t, got, tc.want...)
		if len(r.Sections) > 0 && strings.HasPrefix(r.Sections[0].Title, "Minute") || strings.Contains(got, "Nothing in the minutes") {
			t.Errorf("%s: answered with a search:\n%s", tc.line, got)
		}
	}
	// A word to look for, with words to leave out or common ones, is
	// searched for as ever.
	for _, line := range []string{"/resolution partnership -noted", "/resolution -noted partnership", "/resolution the partnership", `/resolution "future name"`, `/resolution "the -noted"`} {
		if r := k.must(neil, line); len(r.Sections) == 0 {
			t.Errorf("%s found nothing:\n%s", line, shown(r))
		}
	}
}

// TestSearchStopWords: the words /resolution refuses as too common to
// search for are the words the database's search leaves out.
func TestSearchStopWords(t *testing.T) {
	k := newKit(t)
	var words []string
	for w := range commands.SearchStopWords {
		words = append(words, w)
	}
	words = append(words, "noted", "partnership", "28")
	rows, err := k.db.SQL().Query(`SELECT w FROM unnest($1::text[]) w WHERE to_tsvector('english', w) = ''::tsvector`, pq.Array(words))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	left := map[string]bool{}
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			t.Fatal(err)
		}
		left[w] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if left[w] != commands.SearchStopWords[w] {
			t.Errorf("%q: left out by the database %v, by /resolution %v", w, left[w], commands.SearchStopWords[w])
		}
	}
}

func TestShareResolution(t *testing.T) {
	k := importedKit(t)
	r := k.must(neil, "/resolution 28")
	shared := k.press(graeme, r, "Share minute 28 in channel")
	if shared.Visibility != commands.Public {
		t.Error("a shared resolution is private; want it in the channel")
	}
	if diff := cmp.Diff(shared.Text, "<@UGRAEME> shared *Safer Sefton Together*, meeting of Thursday 9 December 2021 — minute 28, FUTURE NAME OF PARTNERSHIP:\n>RESOLVED: "+rename); diff != "" {
		t.Errorf("shared (-got +want):\n%s", diff)
	}
	share := buttonValues(r)["resolution.share"][0]
	// Pressed in another channel, which is not the committee's, the share
	// is shown to Graeme alone: the minute is not posted there.
	other := k.request(graeme, "")
	other.ChannelID = "COTHER"
	if got := k.act(other, "resolution.share", share); got.Visibility == commands.Public || !strings.Contains(got.Footer, "Only you can see this: it was not sent in <#C1>") {
		t.Errorf("share from a channel with no committee: %+v", got)
	}
	for value, want := range map[string]string{
		"x'; DROP TABLE minutes": "That button is broken; look the minute up again with `/resolution`.",
		"999999":                 "That minute is not on record for Safer Sefton Together any more; look it up again with `/resolution`.",
	} {
		if got := k.act(k.request(graeme, ""), "resolution.share", value); got.Visibility == commands.Public || got.Text != want {
			t.Errorf("share %q: %+v, want %q", value, got, want)
		}
	}
	// A minute with references and no resolution is quoted as narrated.
	wantShown(t, k.press(neil, k.must(neil, "/resolution 23"), "Share minute 23 in channel").Text, "Refers to: Minute No. 17")
	wantShown(t, k.press(neil, k.must(neil, "/resolution 20"), "Share minute 20 in channel").Text, ">Apologies for absence were received from")
}

// `/resolution share 28` shares minute 28 in the channel, as its Share
// button does, rather than searching the minutes for "share 28".
func TestShareResolutionByCommand(t *testing.T) {
	k := importedKit(t)
	want := "<@UGRAEME> shared *Safer Sefton Together*, meeting of Thursday 9 December 2021 — minute 28, FUTURE NAME OF PARTNERSHIP:\n>RESOLVED: " + rename
	for _, line := range []string{"/resolution share 28", "/resolution share 9/12/2021 28", "/resolution share minute 28"} {
		r := k.must(graeme, line)
		if r.Visibility != commands.Public || r.Text != want {
			t.Errorf("%s: %+v\nwant in the channel: %q", line, r, want)
		}
	}
	for line, want := range map[string]string{
		"/resolution share":               "Give the number of the minute to share",
		"/resolution share youth":         "Give the number of the minute to share: `/resolution share 28`, or `/resolution share 2021-12-09 28`. To find it, `/resolution youth` and press its Share button.",
		"/resolution share 99":            "No minute 99 of *Safer Sefton Together* is on record.",
		"/resolution share 10/12/2021 28": "No minute 28 of the meeting on Friday 10 December 2021",
	} {
		r := k.run(graeme, line)
		if r.Visibility == commands.Public || !r.Refused || !strings.Contains(r.Text, want) {
			t.Errorf("%s: %+v\nwant a private refusal saying %q", line, r, want)
		}
	}
	// Two minutes so numbered: which is meant is asked, not guessed, since
	// what is shared is posted for everyone.
	k.importMinutes(ian, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2020", 1))
	r := k.run(graeme, "/resolution share 28")
	if r.Visibility == commands.Public || !strings.Contains(r.Text, "More than one minute is numbered 28: give the meeting's date, `/resolution share 9/12/2021 28` or `/resolution share 10/12/2020 28`.") {
		t.Errorf("ambiguous share: %+v", r)
	}
}

func TestResolutionOffersOtherMinutesWithTheSameNumber(t *testing.T) {
	k := importedKit(t)
	r, _ := k.importMinutes(ian, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2020", 1))
	if !strings.HasPrefix(r.Text, "Imported the minutes of the meeting of Safer Sefton Together on Thursday 10 December 2020") {
		t.Fatalf("import of 2020: %q", r.Text)
	}
	r = k.must(neil, "/resolution 28")
	wantShown(t, shown(r), "minute 28 of the meeting on Thursday 9 December 2021, the latest; earlier minutes numbered 28 are below", "[Minute 28 of 10 Dec 2020]")
	other := k.press(neil, r, "Minute 28 of 10 Dec 2020")
	wantShown(t, shown(other), "*Safer Sefton Together* — minute 28 of the meeting on Thursday 10 December 2020", "[Share minute 28 in channel]")
	wantShown(t, k.say(neil, "/resolution 2020-12-10 28"), "Thursday 10 December 2020")
}

// TestResolutionSearchOverYearsNamesEachMinutesMeeting: minute numbers
// start again each municipal year, so a search can find minute 28 of two
// meetings; each Share button says which meeting's it shares, and shares
// that one, rather than two buttons reading "Share minute 28 in channel".
func TestResolutionSearchOverYearsNamesEachMinutesMeeting(t *testing.T) {
	k := importedKit(t)
	r, _ := k.importMinutes(ian, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2020", 1))
	if !strings.HasPrefix(r.Text, "Imported the minutes of the meeting of Safer Sefton Together on Thursday 10 December 2020") {
		t.Fatalf("import of 2020: %q", r.Text)
	}
	found := k.must(neil, "/resolution rename partnership")
	got := shown(found)
	wantShown(t, got, "[Share minute 28 of 9 Dec 2021 in channel]", "[Share minute 28 of 10 Dec 2020 in channel]")
	shared := k.press(neil, found, "Share minute 28 of 10 Dec 2020 in channel")
	wantShown(t, shared.Text, "meeting of Thursday 10 December 2020 — minute 28")
	// A number found once keeps the shorter label.
	wantShown(t, shown(k.must(neil, "/resolution 2021-12-09 28")), "[Share minute 28 in channel]")
}

// confined is the records of a committee so large, and so full of the
// words searched for, that a phrase of them is looked for among its most
// recent minutes only.
type confined struct{ commands.Store }

func (c confined) SearchMinutes(ctx context.Context, committeeID int64, words string, limit int) ([]commands.Minute, bool, error) {
	ms, _, err := c.Store.SearchMinutes(ctx, committeeID, words, limit)
	return ms, true, err
}

func (c confined) FindMinutesFrom(ctx context.Context, req commands.FindRequest) (commands.Origin, []commands.Minute, bool, error) {
	o, ms, _, err := c.Store.FindMinutesFrom(ctx, req)
	return o, ms, req.Words != "", err
}

// TestNothingFoundAmongRecentMinutesSaysSo: when a phrase of common words
// was looked for among the most recent minutes only and is not there, the
// reply does not claim that no minute holds it.
func TestNothingFoundAmongRecentMinutesSaysSo(t *testing.T) {
	k := importedKit(t)
	svc := commands.New(confined{k.db}, nil)
	r, err := svc.Run(context.Background(), k.request(neil, `/resolution "noted partnership"`))
	if err != nil {
		t.Fatal(err)
	}
	want := "Nothing in the 2,000 most recent minutes of *Safer Sefton Together* matches “\"noted partnership\"”. Its words are in so many minutes that older ones are not searched for the phrase: add a word that only the minute you want would hold, or search without quotes."
	if diff := cmp.Diff(r.Text, want); diff != "" {
		t.Errorf("reply (-got +want):\n%s", diff)
	}
	// Where the whole of the minutes was searched, nothing found says so.
	if got := k.say(neil, `/resolution "noted partnership"`); !strings.Contains(got, "Nothing in the minutes of *Safer Sefton Together* matches") {
		t.Errorf("reply = %q", got)
	}
}

// TestResolutionByLetteredNumber: minutes numbered with letters before the
// number ("P064/24", "RMD.31.23", "FC/23/003", "SSP 16/22"), which the
// import reads, are found by that number as printed.
func TestResolutionByLetteredNumber(t *testing.T) {
	k := committeeKit(t)
	for _, f := range []string{"corpus/style-parish-dual-numbering.txt", "corpus/style-moderngov-reference-on-own-line.txt",
		"minutes-town-council-references.txt", "minutes-partnership-prefixed-numbers.txt"} {
		importMinutesFile(k, f)
	}
	k.steps([]step{
		{neil, "/resolution P064/24", []string{"minute P064/24 of the meeting on Tuesday 19 March 2024", "Minute P064/24 — PLANNING APPLICATIONS"}},
		{neil, "/resolution minute p064/24", []string{"Minute P064/24 — PLANNING APPLICATIONS"}},
		{neil, "/resolution RMD.31.23", []string{"Minute RMD.31.23 — Election of the Cathaoirleach"}},
		{neil, "/resolution FC/23/003", []string{"Minute FC/23/003 — MINUTES OF THE PREVIOUS MEETING", "be approved and signed as a true record"}},
		{neil, "/resolution SSP 16/22", []string{"Minute SSP 16/22 — SERIOUS VIOLENCE DUTY", "That the update be noted"}},
	})
}

// TestResolutionNoted: a board's minutes record what it noted as the
// minute's outcome, "The Board NOTED the action log."; it is quoted as
// NOTED, found by its words, and shown beside the AGREED record of the
// same minute each under its own word.
func TestResolutionNoted(t *testing.T) {
	k := committeeKit(t)
	for _, f := range []string{"minutes-health-wellbeing-board.txt", "minutes-planning-substitutes.txt"} {
		importMinutesFile(k, f)
	}
	k.steps([]step{
		{neil, "/resolution 50/21", []string{"Minute 50/21 — Appeal Decisions", "NOTED: The appeal decisions received since the last meeting."}},
		{neil, "/resolution appeal decisions", []string{"Minute 50/21 — Appeal Decisions", "NOTED: The *appeal* *decisions* received"}},
		{neil, "/resolution 3", []string{"AGREED: The minutes of the meeting held on 25 January 2024 were AGREED as a correct record.", "NOTED: The action log."}},
		{neil, "/resolution action log", []string{"Minute 3 — Minutes and Action Log", "NOTED: The *action* *log*."}},
	})
	for _, line := range []string{"/resolution 50/21", "/resolution 3"} {
		if got := k.say(neil, line); strings.Contains(got, "RESOLVED") {
			t.Errorf("%s calls what the board noted RESOLVED:\n%s", line, got)
		}
	}
	shared := k.press(neil, k.must(neil, "/resolution 50/21"), "Share minute 50/21 in channel")
	wantShown(t, shared.Text, ">NOTED: The appeal decisions received since the last meeting.")
	// The board's minutes as a document, as exported and printed: each
	// resolution of minute 3 under its own word.
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), commands.DateOf(time.Date(2024, 4, 18, 0, 0, 0, 0, london), london), k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, doc.PlainText(), "AGREED:\nThe minutes of the meeting held on 25 January 2024 were AGREED as a correct record.\n\nNOTED:\nThe action log.")
	page, err := commands.MinutesHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, string(page), `<p class="resolved">AGREED:</p>`, `<p class="resolved">NOTED:</p>`)
}

// TestResolutionWelsh: a Welsh council's minutes print each resolution in
// Welsh and in English. The English text is quoted as the resolution and
// found by its words; the Welsh text is kept in the minute's narrative,
// so that a search in Welsh finds the minute too.
func TestResolutionWelsh(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-town-council-bilingual.txt")
	k.steps([]step{
		{neil, "/resolution 24/35", []string{"RESOLVED: (a) to award a grant of £750 to the Llanferys Eisteddfod; (b) to award a grant of £400 to Llanferys Junior Football Club."}},
		{neil, "/resolution grant Junior Football Club", []string{"Minute 24/35 — CEISIADAU AM GRANT / GRANT APPLICATIONS"}},
		{neil, "/resolution Glwb Pêl-droed", []string{"Minute 24/35 — CEISIADAU AM GRANT / GRANT APPLICATIONS", "*Glwb*"}},
		{neil, "/resolution cofnod cywir", []string{"Minute 24/33 — COFNODION / MINUTES"}},
	})
	for _, line := range []string{"/resolution 24/35", "/resolution 24/33"} {
		if got := k.say(neil, line); strings.Contains(got, "PENDERFYNWYD") || strings.Contains(got, "rhoi grant") || strings.Contains(got, "Cymeradwyo") {
			t.Errorf("%s quotes the Welsh text as the resolution:\n%s", line, got)
		}
	}
}

// TestResolutionKeepsTheMinutesWord: a cabinet's minutes record its
// decisions as "DECISION:"; they are quoted under that word, looked up by
// number or by words and shared, while its RESOLVED minutes stay RESOLVED.
func TestResolutionKeepsTheMinutesWord(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-cabinet-decisions.txt")
	k.steps([]step{
		{neil, "/resolution 48", []string{"DECISION: (1) That Council be recommended to approve the General Fund revenue budget"}},
		{neil, "/resolution 47", []string{"RESOLVED: That the minutes of the meeting held on 11 January 2023 be approved"}},
		{neil, "/resolution Bidder B offer", []string{"Minute 52 — DISPOSAL OF THE FORMER DEPOT, MILL ROAD", "DECISION: That the *offer* from *Bidder* *B* be accepted"}},
	})
	if got := k.say(neil, "/resolution 48"); strings.Contains(got, "RESOLVED") {
		t.Errorf("/resolution 48 calls the cabinet's decision RESOLVED:\n%s", got)
	}
	shared := k.press(neil, k.must(neil, "/resolution 52"), "Share minute 52 in channel")
	wantShown(t, shared.Text, ">DECISION: That the offer from Bidder B be accepted, subject to contract.")
	// The meeting's minutes as a document, as exported and printed.
	doc, err := k.svc.MinutesDocumentOf(context.Background(), k.committee(), commands.DateOf(time.Date(2023, 2, 8, 0, 0, 0, 0, london), london), k.now)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, doc.PlainText(), "DECISION:\nThat the offer from Bidder B be accepted", "RESOLVED:\nThat the minutes of the meeting held on 11 January 2023")
	page, err := commands.MinutesHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	wantShown(t, string(page), `<p class="resolved">DECISION:</p>`)
}

// importMinutesFile imports, as the officer, the minutes in the importer's
// test document named, and fails the test unless they are imported whole.
// TestResolutionRecommended: a Northern Irish council committee records
// what it recommends to the Council as "RECOMMENDED –"; imported, it is
// quoted under that word, beside what the committee AGREED, never as
// RESOLVED.
func TestResolutionRecommended(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-ni-council-committee-agreed-recommended.txt")
	k.steps([]step{
		{neil, "/resolution 4", []string{"Minute 4 — KERBSIDE GLASS COLLECTION", "RECOMMENDED: That Council extends kerbside glass collection to all households"}},
		{neil, "/resolution kerbside glass", []string{"RECOMMENDED: That Council extends *kerbside* *glass*"}},
		{neil, "/resolution 3", []string{"AGREED: That the minutes of the meeting held on Tuesday 8 October 2024 be taken as read"}},
	})
	if got := k.say(neil, "/resolution 4"); strings.Contains(got, "RESOLVED") {
		t.Errorf("what the committee recommended is called RESOLVED:\n%s", got)
	}
}

func importMinutesFile(k *kit, name string) {
	k.t.Helper()
	if r, errs := k.importMinutes(ian, readMinutesFile(k, name)); !strings.HasPrefix(r.Text, "Imported the minutes") || errs != nil {
		k.t.Fatalf("import %s: %q %v", name, r.Text, errs)
	}
}

// readMinutesFile is the text of the minutes reader's test document name.
func readMinutesFile(k *kit, name string) string {
	k.t.Helper()
	text, err := os.ReadFile("../minutes/testdata/" + name)
	if err != nil {
		k.t.Fatal(err)
	}
	return string(text)
}

// TestImportedParishActionLog: a parish's minutes record what members
// noted ("Members NOTED …", "NOTED:") as the minute's outcome, quoted under
// that word, and print an action log after the meeting closed whose "Item"
// column names each action's minute: each action is under the minute its
// row names, not the last, and one with no date printed has none.
func TestImportedParishActionLog(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-parish-action-log-subject.txt")
	k.steps([]step{
		{neil, "/resolution 25/103", []string{"NOTED: The report and the correspondence log."}},
		{neil, "/resolution 25/104", []string{"NOTED: The crime figures for September."}},
		{neil, "/resolution 25/106", []string{"NOTED: The County Council has been told of the stile."}},
	})
	inOrder(t, k.say(ian, "/action list"),
		"• 1. Obtain two quotes for a water trough — Clerk, due Friday 31 October 2025 (minute 25/105, Tuesday 7 October 2025) — *overdue*",
		"• 4. Invite PCSO Daly to the November meeting — Clerk, due Sunday 30 November 2025 (minute 25/104, Tuesday 7 October 2025) — *overdue*",
		"• 2. Write to the association with the quotes — Cllr Bell, due: no date given (minute 25/105, Tuesday 7 October 2025)\n",
		"• 3. Chase the County Council about the stile at Low Farm — Cllr Mason, due: no date given (minute 25/106, Tuesday 7 October 2025)")
}

// A day given without its year ("9/12", "9 December") is, for the
// minutes, the latest such day with minutes on record, not the one
// nearest today, which may be still to come: `/resolution 9/12` in
// November 2026 is the meeting of 9 December 2021.
func TestResolutionDayWithoutAYear(t *testing.T) {
	k := importedKit(t)
	k.steps([]step{
		{neil, "/resolution 9/12", []string{"*Safer Sefton Together* — minutes of the meeting on Thursday 9 December 2021.", "• 28. FUTURE NAME OF PARTNERSHIP"}},
		{neil, "/resolution 9 December 28", []string{"RESOLVED: " + rename}},
		{neil, "/resolution 9/12 minute 28", []string{"RESOLVED: " + rename}},
		{neil, "/resolution 10/12", []string{"No minutes of *Safer Sefton Together* for Wednesday 10 December 2025 are on record."}},
		{neil, "/resolution 9/12/2026", []string{"No minutes of *Safer Sefton Together* for Wednesday 9 December 2026 are on record."}},
	})
}

// TestResolutionNumberOnADayWithNoMinutes: a minute asked for by number
// on a day with no minutes on record is answered with that, and how to
// find the minute of that number whatever its meeting, not as though
// there were a meeting that day lacking only that minute.
func TestResolutionNumberOnADayWithNoMinutes(t *testing.T) {
	k := importedKit(t)
	got := k.say(neil, "/resolution 2030-01-01 28")
	want := "No minutes of *Safer Sefton Together* for Tuesday 1 January 2030 are on record. `/resolution 28` finds minute 28 of whichever meeting has one; an officer can import minutes with `/minutes import`."
	if got != want {
		t.Errorf("/resolution 2030-01-01 28 =\n%s\nwant\n%s", got, want)
	}
}

// A search whose first word is a slip of `share` ("sahre") that finds
// nothing asks about the share meant; a word as near that finds minutes
// ("Sharon", presenting a report) is answered with them.
func TestResolutionSearchSlipOfShare(t *testing.T) {
	k := importedKit(t)
	for line, want := range map[string]string{
		"/resolution sahre 28":     "Nothing in the minutes of *Safer Sefton Together* matches “sahre 28”. Did you mean `/resolution share 28`?",
		"/resolution shore 28":     "Nothing in the minutes of *Safer Sefton Together* matches “shore 28”. Did you mean `/resolution share 28`?",
		"/resolution shrae":        "Nothing in the minutes of *Safer Sefton Together* matches “shrae”. Did you mean `/resolution share`?",
		"/resolution Sahre 9/12 2": "Did you mean `/resolution share 9/12 2`?",
	} {
		if got := k.say(neil, line); !strings.Contains(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", line, got, want)
		}
	}
	got := k.run(neil, "/resolution Sharon")
	if len(got.Sections) == 0 || strings.Contains(shown(got), "Did you mean") {
		t.Errorf("a search that finds minutes:\n%s", shown(got))
	}
	// A search with no slip is answered as before.
	wantShown(t, k.say(neil, "/resolution photosynthesis"), "no minute holds it. Check its spelling")
}

// TestMinuteReferenceSaysRefersOnce: an item the published agenda marks
// "Minute No. 26 refers" shows, once minuted, "Refers to: Minute No. 26"
// — in the answer to /resolve, in /resolution and when shared — not
// "Refers to: Minute No. 26 refers".
func TestMinuteReferenceSaysRefersOnce(t *testing.T) {
	k := committeeKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/meeting schedule 2026-12-10 10:00 Remote Meeting")
	raw, err := os.ReadFile("testdata/sefton-2022-03-17-agenda.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), "Thursday 17th March, 2022", "Thursday 10th December, 2026", 1)
	r := k.must(ian, "/agenda import")
	if _, errs := k.submit(k.request(ian, ""), r.Form, map[string]string{"text": text}); len(errs) > 0 {
		t.Fatalf("import: %v", errs)
	}
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	resolved := k.must(ian, "/resolve 5 That the report be noted.")
	found := k.must(neil, "/resolution 2026-12-10 5")
	shared := k.press(neil, found, "Share minute 5 in channel")
	for name, got := range map[string]string{"/resolve": shown(resolved), "/resolution": shown(found), "shared": shown(shared)} {
		if !strings.Contains(got, "Refers to: Minute No. 26") || strings.Contains(got, "26 refers") {
			t.Errorf("%s: want \"Refers to: Minute No. 26\", once:\n%s", name, got)
		}
	}
}

// A day whose meeting was cancelled, or moved off it, has no minutes
// because it did not meet: the answer says so rather than that its
// minutes are missing.
func TestResolutionDayOfCancelledOrMovedMeeting(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-02-11 10:00 Town Hall")
	k.must(ian, "/meeting cancel 2027-02-11")
	k.must(ian, "/meeting schedule 2027-03-11 10:00 Town Hall")
	k.must(ian, "/meeting move 2027-03-11 2027-03-18")
	k.steps([]step{
		{neil, "/resolution 2027-02-11", []string{"No minutes of *Safer Sefton Together* for Thursday 11 February 2027 are on record: the meeting that day was cancelled."}},
		{neil, "/resolution 2027-02-11 5", []string{"No minutes of *Safer Sefton Together* for Thursday 11 February 2027 are on record: the meeting that day was cancelled. `/resolution 5` finds minute 5"}},
		{neil, "/resolution 2027-03-11", []string{"No minutes of *Safer Sefton Together* for Thursday 11 March 2027 are on record: the meeting due that day moved to Thursday 18 March 2027, 10:00, Town Hall."}},
		{neil, "/resolution 2027-04-01", []string{"No minutes of *Safer Sefton Together* for Thursday 1 April 2027 are on record."}},
	})
}

// TestResolutionDayOfCancelledMeetingInTheHourTwice: on the night the
// clocks go back, a meeting cancelled at 01:30 is named with its zone, as
// every other time in that hour is, since "01:30" alone is two times.
func TestResolutionDayOfCancelledMeetingInTheHourTwice(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-10-31 01:30 Town Hall")
	k.must(ian, "/meeting cancel 2027-10-31")
	k.must(ian, "/meeting schedule 2027-11-04 10:00 Town Hall")
	k.must(ian, "/meeting move 2027-11-04 2027-10-31 10:00")
	got := k.say(neil, "/resolution 2027-10-31")
	want := "the meeting at 01:30 BST that day was cancelled, and the one at 10:00 has none on record either."
	if !strings.Contains(got, want) {
		t.Errorf("/resolution 2027-10-31:\n%s\nwant %q", got, want)
	}
}

// TestResolutionSearchForAWebAddress: a web address typed in Slack
// reaches the bot as its link markup; searched for, it is looked for as
// the member typed it, and found in the resolution that gives it, shown
// in bold whole, not as the search's several words side by side.
func TestResolutionSearchForAWebAddress(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the consultation at <http://www.sefton.gov.uk/budget|www.sefton.gov.uk/budget> be noted.")
	got := k.say(neil, "/resolution <http://www.sefton.gov.uk/budget|www.sefton.gov.uk/budget>")
	if !strings.Contains(got, "That the consultation at *www.sefton.gov.uk/budget* be noted.") || strings.Contains(got, "<http") {
		t.Errorf("searched for the address:\n%s", got)
	}
}

// TestResolutionSearchSpellings: a member types a word as they spell it,
// not as the minutes do. "anti-social" finds minutes that write
// "antisocial", and "organization" finds "organisations": a search that
// finds nothing for what the minutes plainly record sends them away.
func TestResolutionSearchSpellings(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.7 The Board heard of antisocial behaviour in Bootle parks, and thanked the organisations who reported on it.")
	for _, words := range []string{"anti-social behaviour", `"anti-social behaviour" Bootle`, "organization", "organizations thanked", "Bootle anti-social organizations"} {
		r := k.must(neil, "/resolution "+words)
		if len(r.Sections) != 1 || !strings.HasPrefix(r.Sections[0].Title, "Minute 9 — ") {
			t.Errorf("/resolution %s: want minute 9:\n%s", words, shown(r))
		}
	}
}

// TestResolutionSearchLeavesOutInBrackets: a word left out in brackets,
// "(-anti-social)", is left out as "-anti-social" is: not searched in
// another spelling beside, which would bring back the minutes it left out.
func TestResolutionSearchLeavesOutInBrackets(t *testing.T) {
	k := importedKit(t)
	titles := func(line string) []string {
		var out []string
		for _, sec := range k.must(neil, line).Sections {
			out = append(out, sec.Title)
		}
		return out
	}
	want := titles("/resolution youth -anti-social")
	if len(want) == 0 || len(want) == len(titles("/resolution youth")) {
		t.Fatalf("youth -anti-social finds %q: the test needs a minute left out", want)
	}
	if diff := cmp.Diff(want, titles("/resolution youth (-anti-social)")); diff != "" {
		t.Errorf("youth (-anti-social) finds otherwise (-want +got):\n%s", diff)
	}
}

// TestResolutionByItemNumberDuringTheMeeting: at the table, a member asks
// what was just resolved under the agenda's item 7.7 without giving the
// day; the minute written for it is minute 9, and the answer shows it
// rather than saying that nothing numbered 7.7 is on record.
func TestResolutionByItemNumberDuringTheMeeting(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the report be noted.")
	for _, line := range []string{"/resolution 7.7", "/resolution item 7.7"} {
		wantShown(t, k.say(neil, line),
			"No minute of *Safer Sefton Together* is numbered 7.7; agenda item 7.7 of the meeting on Thursday 10 December 2026 is minute 9.",
			"RESOLVED: That the report be noted.", "[Share minute 9 in channel]")
	}
	// An item with nothing recorded is not on record.
	wantShown(t, k.say(neil, "/resolution 7.5"), "No minute 7.5 of *Safer Sefton Together* is on record.")
}

// TestResolutionYearAlone: "/resolution 2021" asks for that year's
// decisions, not for a minute numbered 2021; the answer says how to see
// a meeting's minutes of that year, naming the latest on record, rather
// than only that no minute 2021 is on record.
func TestResolutionYearAlone(t *testing.T) {
	k := importedKit(t)
	k.steps([]step{
		{neil, "/resolution 2021", []string{"No minute 2021 of *Safer Sefton Together* is on record. For what a meeting in 2021 resolved, give its date: the latest of 2021 with minutes on record is Thursday 9 December 2021 (`/resolution 2021-12-09`)."}},
		{neil, "/resolution 2020", []string{"No minute 2020 of *Safer Sefton Together* is on record, nor minutes of any of its meetings in 2020."}},
		{neil, "/resolution 99", []string{"No minute 99 of *Safer Sefton Together* is on record. Search by words instead"}},
	})
}

// TestNothingFoundSaysWhichWordNoMinuteHolds: a search that finds nothing
// says which of its words no minute holds ("camras", the slip in
// "anti-socal"), so the member can see the misspelling or the word the
// minutes do not use; when every word is in some minute, but none holds
// them all, it says so and how to look for either.
func TestNothingFoundSaysWhichWordNoMinuteHolds(t *testing.T) {
	k := importedKit(t)
	k.steps([]step{
		{neil, "/resolution youth camras", []string{"Nothing in the minutes of *Safer Sefton Together* matches “youth camras”: no minute holds “camras”. Check its spelling, or try another word for it."}},
		{neil, "/resolution anti-socal behaviour", []string{"no minute holds “socal”."}},
		{neil, "/resolution CCTV camras", []string{"no minute holds “CCTV” or “camras”. Check their spelling, or try other words for them."}},
		{neil, "/resolution photosynthesis", []string{"Nothing in the minutes of *Safer Sefton Together* matches “photosynthesis”: no minute holds it. Check its spelling, try another word for it, or give a minute number (`/resolution 28`)."}},
		{neil, "/resolution rename youth", []string{"Nothing in the minutes of *Safer Sefton Together* matches “rename youth”: each word is in the minutes, but no minute holds them all. Try fewer words, or `or` between them (`/resolution rename or youth`)."}},
		{neil, "/resolution organizations camras", []string{"no minute holds “camras”."}},
		// One name typed, which the search reads as two words: the
		// answer is about the name, not its pieces.
		{neil, "/resolution O'Neill", []string{"Nothing in the minutes of *Safer Sefton Together* matches “O'Neill”: no minute holds it."}},
		{neil, "/resolution Frackelton-Jones", []string{"matches “Frackelton-Jones”: no minute holds “Jones”."}},
	})
}

// TestResolutionSearchForAMember: "/resolution @Graeme" reaches the bot
// as a mention, and finds the minutes that name him, as his name typed
// out does, not nothing for his Slack ID.
func TestResolutionSearchForAMember(t *testing.T) {
	k := importedKit(t)
	for line, want := range map[string]string{
		"/resolution <@UGRAEME|graeme>":     "Report of Superintendent *Graeme* *Robson*",
		"/resolution <@UNEIL> apologies":    "Neil Frackelton",
		"/resolution Merseyside <@UGRAEME>": "Minute 26 — ",
	} {
		r := k.must(neil, line)
		if got := shown(r); len(r.Sections) == 0 || !strings.Contains(got, want) {
			t.Errorf("%s: want %q among the results:\n%s", line, want, got)
		}
	}
}

// TestResolutionSearchLeavingAMemberOut: "-@graeme" and "NOT @graeme"
// leave out the minutes that name him, as "-graeme" does; his name is not
// split into a word left out and a word asked for.
func TestResolutionSearchLeavingAMemberOut(t *testing.T) {
	k := importedKit(t)
	found := func(line string) []string {
		var out []string
		for _, l := range strings.Split(shown(k.must(neil, line)), "\n") {
			if strings.HasPrefix(l, "*Minute ") {
				out = append(out, l)
			}
		}
		return out
	}
	want := found("/resolution youth -graeme")
	all := found("/resolution youth")
	if len(want) == 0 || len(want) == len(all) {
		t.Fatalf("youth -graeme finds %q of %q: the test needs a minute left out", want, all)
	}
	for _, line := range []string{"/resolution youth -<@UGRAEME|graeme>", "/resolution youth NOT <@UGRAEME>"} {
		if diff := cmp.Diff(want, found(line)); diff != "" {
			t.Errorf("%s finds otherwise than youth -graeme (-want +got):\n%s", line, diff)
		}
	}
}

// TestResolutionSearchNot: "youth NOT offending", as search boxes
// elsewhere take it, leaves out the minutes about offending; read as
// words, NOT is too common to look for and the search found only the
// minute it was asked to leave out. In quotes it is part of the phrase.
func TestResolutionSearchNot(t *testing.T) {
	k := importedKit(t)
	r := k.must(neil, "/resolution youth NOT offending")
	got := shown(r)
	if len(r.Sections) == 0 || strings.Contains(got, "Minute 25 — YOUTH OFFENDING TEAM") {
		t.Errorf("want the minutes about youth without the one about offending:\n%s", got)
	}
	wantShown(t, got, "match “youth -offending”", "Minute 24 — YOUTH SERVICE")
	wantShown(t, k.say(neil, `/resolution "youth NOT offending"`), "matches “\"youth NOT offending\"”")
}

// TestResolutionSearchSaysWhenMoreMatch: a search shows the five minutes
// that best match; when more match, the reply says so, so that a member
// who does not see the minute wanted knows to add a word rather than
// conclude it is not in the minutes.
func TestResolutionSearchSaysWhenMoreMatch(t *testing.T) {
	k := importedKit(t)
	r := k.must(neil, "/resolution sefton")
	if len(r.Sections) != 5 || len(r.Buttons) != 5 {
		t.Errorf("%d results and %d buttons, want 5 of each:\n%s", len(r.Sections), len(r.Buttons), shown(r))
	}
	wantShown(t, r.Text, "*Safer Sefton Together* — the 5 minutes that best match “sefton”, best first; more match: add a word to find fewer.")
	// Five in all, all shown: nothing more to say.
	if got := k.must(neil, "/resolution report").Text; got != "*Safer Sefton Together* — the 5 minutes that best match “report”, best first:" {
		t.Errorf("all five shown: %q", got)
	}
}

// TestResolutionNumberWithoutASpace: "min28" and "Minute28", typed in a
// hurry, are minute 28, as "min 28" is, not words no minute holds.
func TestResolutionNumberWithoutASpace(t *testing.T) {
	k := importedKit(t)
	for _, line := range []string{"/resolution min28", "/resolution Minute28", "/resolution min.28", "/resolution 9/12/2021 minute28"} {
		wantShown(t, k.say(neil, line), "minute 28 of the meeting on Thursday 9 December 2021", "RESOLVED: "+rename)
	}
	// Words that only start so are words.
	wantShown(t, k.say(neil, "/resolution minutes2"), "matches “minutes2”")
}

// TestResolutionMonthAndLastMeeting: "/resolution December 2021" asks for
// that month's meetings, and "/resolution last meeting" for the latest
// minutes, not for minutes holding those words; a month's name alone, or
// with other words, is still searched for.
func TestResolutionMonthAndLastMeeting(t *testing.T) {
	k := importedKit(t)
	k.now = time.Date(2022, 1, 10, 12, 0, 0, 0, london)
	day := "*Safer Sefton Together* — minutes of the meeting on Thursday 9 December 2021. Show one with `/resolution 2021-12-09 NUMBER`."
	k.steps([]step{
		{neil, "/resolution December 2021", []string{day, "• 28. FUTURE NAME OF PARTNERSHIP"}},
		{neil, "/resolution dec 2021", []string{day}},
		{neil, "/resolution last month", []string{day}},
		{neil, "/resolution last meeting", []string{day, "• 29. DATE OF NEXT MEETING"}},
		{neil, "/resolution previous meeting", []string{day}},
		{neil, "/resolution November 2021", []string{"No minutes of *Safer Sefton Together* for a meeting in November 2021 are on record."}},
		{neil, "/resolution this month", []string{"for a meeting in January 2022 are on record"}},
		{neil, "/resolution december budget", []string{"“december budget”"}},
		{neil, "/resolution December", []string{"“December”"}},
	})
	r, _ := k.importMinutes(ian, strings.Replace(seedMinutes(t), "ON 9 DECEMBER 2021", "ON 2 DECEMBER 2021", 1))
	if !strings.HasPrefix(r.Text, "Imported the minutes of the meeting of Safer Sefton Together on Thursday 2 December 2021") {
		t.Fatalf("import of 2 December: %q", r.Text)
	}
	k.steps([]step{
		{neil, "/resolution December 2021", []string{"*Safer Sefton Together* — 2 meetings in December 2021 have minutes on record. List a meeting's minutes with its date:",
			"• Thursday 2 December 2021 — `/resolution 2021-12-02`\n• Thursday 9 December 2021 — `/resolution 2021-12-09`"}},
		{neil, "/resolution last meeting", []string{day}},
	})
}

// TestResolutionSearchJoinsNarrativeHyphens: "antisocial" finds a minute
// whose narrative alone writes "anti-social", as it finds one whose title
// or resolution does; and "co-ordinated", typed either way, finds it too.
func TestResolutionSearchJoinsNarrativeHyphens(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.7 The Board heard of anti-social behaviour in Bootle parks, and of the co-ordinated patrols.")
	for _, words := range []string{"antisocial", "antisocial Bootle", "coordinated", "co-ordinated patrols"} {
		r := k.must(neil, "/resolution "+words)
		if len(r.Sections) != 1 || !strings.HasPrefix(r.Sections[0].Title, "Minute 9 — ") {
			t.Errorf("/resolution %s: want minute 9:\n%s", words, shown(r))
		}
	}
}

// TestResolutionSearchSpellsOutAcronym: "/resolution VAWG", where the
// minutes use the words and only the agenda spells them out as
// "Violence Against Women and Girls (VAWG)", finds the minutes that hold
// the words, saying what it searched for; an acronym spelt out nowhere is
// answered as any word no minute holds.
func TestResolutionSearchSpellsOutAcronym(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, "/agenda add 8 Violence Against Women and Girls (VAWG) — Kate Ellis (SWACA)")
	k.now = time.Date(2026, 12, 10, 10, 30, 0, 0, london)
	k.must(sue, "/meeting start")
	k.must(ian, "/minute 7.5 SWACA spoke of its work on violence against women and girls in Bootle.")
	k.must(ian, "/minute 7.7 Partners reported that integrated offender management in Sefton had improved.")
	k.steps([]step{
		{neil, "/resolution VAWG", []string{"VAWG: searched as “violence against women and girls”, which it stands for. *Safer Sefton Together* — the minute that matches “violence against women and girls”:", "Minute 8 — SWACA"}},
		{neil, "/resolution IOM", []string{"IOM: searched as “integrated offender management”, which it stands for.", "Minute 9 — SEFTON CVS"}},
		{neil, "/resolution PCSO", []string{"Nothing in the minutes of *Safer Sefton Together* matches “PCSO”: no minute holds it."}},
		{neil, "/resolution vawg", []string{"Nothing in the minutes of *Safer Sefton Together* matches “vawg”: no minute holds it."}},
	})
}

// TestResolutionSearchAcronymDefinedInAMinute: a minute that spells out
// "Violence Against Women and Girls (VAWG)" once, where others use the
// words alone, is found by "/resolution VAWG" with those others, and the
// answer says the words were searched for too.
func TestResolutionSearchAcronymDefinedInAMinute(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.5 SWACA presented its work on Violence Against Women and Girls (VAWG) across Sefton.")
	k.must(ian, "/minute 7.7 Sefton CVS spoke of funding for violence against women and girls services.")
	r := k.must(neil, "/resolution VAWG")
	got := shown(r)
	wantShown(t, got, "VAWG: searched as “violence against women and girls” too, which it stands for. *Safer Sefton Together* — the 2 minutes that best match “VAWG or violence against women and girls”, best first:",
		"Minute 8 — SWACA", "Minute 9 — SEFTON CVS")
}

// TestResolutionSearchPassageSaysWhereItIsCut: the passage of a minute
// found by words says with "…" where it leaves words of the minute out,
// before and after it as between its parts; it read as the whole minute,
// or as a minute ending "and of". A minute found by a word its passage
// cannot mark ("antisocial", written "anti-social") is shown as a minute
// found by number is, not by its first fifteen words.
func TestResolutionSearchPassageSaysWhereItIsCut(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.7 The Board heard of anti-social behaviour in Bootle parks, and of the co-ordinated patrols that residents in the north of the borough had welcomed over the summer months, from Seaforth to Formby and Maghull, where the Police and the Council had walked together every Friday night.")
	wantShown(t, k.say(neil, "/resolution Maghull"),
		"… that residents in the north of the borough had welcomed over the summer months, from Seaforth to Formby and *Maghull*, where the Police and the Council had walked together every Friday night.\n")
	wantShown(t, k.say(neil, "/resolution Bootle parks"),
		"The Board heard of anti-social behaviour in *Bootle* *parks*, and of the co-ordinated patrols that residents in the north of the borough had welcomed over the summer months, from Seaforth to Formby and Maghull, where the Police …\n")
	wantShown(t, k.say(neil, "/resolution antisocial"),
		"The Board heard of anti-social behaviour in Bootle parks, and of the co-ordinated patrols that residents in the north of the borough had welcomed over the summer months, from Seaforth to Formby and Maghull, where the Police and the Council had walked together every Friday night.\n")
}

// TestResolutionSearchPassageKeepsAngleBrackets: the passage of a minute
// found by words quotes it as written. PostgreSQL's headline takes
// "<to be confirmed>" for an HTML tag and left a gap where it stood, so
// the member read that the costs were "  by Sefton CVS".
func TestResolutionSearchPassageKeepsAngleBrackets(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.7 The Board heard that the youth scheme's costs were <to be confirmed> by Sefton CVS in January, and that <b>three</b> schools had joined.")
	wantShown(t, k.say(neil, "/resolution youth scheme"),
		"costs were &lt;to be confirmed&gt; by Sefton CVS", "and that &lt;b&gt;three&lt;/b&gt; schools")
}

// TestResolutionSearchTypographicPunctuation: Slack on a phone or a Mac
// writes "council’s" and “Safer Streets” with curly marks; a member
// searching for "council", "Safer Streets" or "O'Neill" typed straight
// finds the minute, the words found in bold. Under a database whose
// LC_CTYPE is C the marks were read as letters of the words beside them,
// and nothing was found.
func TestResolutionSearchTypographicPunctuation(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/resolve 7.7 That the council’s “Safer Streets” bid, presented by Seán O’Neill, be supported.")
	for q, want := range map[string]string{
		"council":         "That the *council*’s",
		"Safer Streets":   "“*Safer* *Streets*”",
		"O'Neill":         "Seán *O*’*Neill*",
		"council’s bid":   "*bid*",
		"“Safer Streets”": "“*Safer* *Streets*”",
	} {
		r := k.must(neil, "/resolution "+q)
		if got := shown(r); len(r.Sections) != 1 || !strings.Contains(got, want) {
			t.Errorf("/resolution %s: want the minute, with %q:\n%s", q, want, got)
		}
	}
}

// TestResolutionSearchAccents: members type on phones and keyboards
// without accents, and published minutes have them: "/resolution Sian"
// finds the minute about Siân Jones, its passage quoting the minute's own
// "Siân" in bold; a search typed with accents finds both the minutes that
// have them and those printed without, and a resolution's words are shown
// as resolved.
func TestResolutionSearchAccents(t *testing.T) {
	k := decDay(t)
	k.must(ian, "/minute 7.5 The Board thanked Siân Jones (Sefton CVS) for her presentation on the café in Bootle.")
	k.must(ian, "/resolve 7.7 That Sean Kelly take on the rôle of Zoë Hardy.")
	for q, want := range map[string]string{
		"Sian":       "Minute 8 — ",
		"siân jones": "Minute 8 — ",
		"cafe":       "Minute 8 — ",
		"Seán":       "Minute 9 — ",
		"role":       "Minute 9 — ",
		"Zoe":        "Minute 9 — ",
	} {
		r := k.must(neil, "/resolution "+q)
		if len(r.Sections) != 1 || !strings.HasPrefix(r.Sections[0].Title, want) {
			t.Errorf("/resolution %s: want %s:\n%s", q, want, shown(r))
		}
	}
	wantShown(t, k.say(neil, "/resolution Sian"), "The Board thanked *Siân* Jones (Sefton CVS)")
	wantShown(t, k.say(neil, "/resolution Zoe"), "RESOLVED: That Sean Kelly take on the rôle of *Zoë* Hardy.")
}

// TestShareButtonOfAnotherCommitteeAsIfMissing: a Share button's value,
// changed to the ID of a minute of Safer Sefton Together, is answered in
// a direct message from someone who is not on that committee exactly as
// an ID that is no minute's: which minutes exist elsewhere is not told.
func TestShareButtonOfAnotherCommitteeAsIfMissing(t *testing.T) {
	k := importedKit(t)
	share := buttonValues(k.must(neil, "/resolution 28"))["resolution.share"][0]
	dm := func(user string) commands.Request {
		r := k.request(user, "")
		r.ChannelID = "D" + user
		return r
	}
	same := func(who string) {
		t.Helper()
		real, missing := k.act(dm(stranger), "resolution.share", share), k.act(dm(stranger), "resolution.share", "999999")
		if real.Visibility == commands.Public || shown(real) != shown(missing) {
			t.Errorf("%s: another committee's minute:\n%s\nno such minute:\n%s", who, shown(real), shown(missing))
		}
	}
	same("on no committee")
	r := k.request(ian, "/committee setup Sefton Youth Board")
	r.ChannelID = "C2"
	if _, err := k.svc.Run(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	r = k.request(ian, "/committee member add <@USTRANGER> Youth Council chair")
	r.ChannelID = "C2"
	if _, err := k.svc.Run(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	same("on another committee")
}
