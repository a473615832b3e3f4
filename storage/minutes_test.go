package storage_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// readSeed is the seed agenda pack, as the console's sample embeds it.
func readSeed(t testing.TB) string {
	t.Helper()
	return commands.SamplePack
}

// importSeed imports the minutes of 9 December 2021 from the seed pack.
func importSeed(t *testing.T, db *storage.DB, c commands.Committee, text string) commands.MinutesImport {
	t.Helper()
	im, err := commands.New(db, nil).ImportMinutes(context.Background(), c, text, "UOFF")
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return im
}

// tableCounts counts the rows of every table an import writes to.
func tableCounts(t *testing.T, db *storage.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"committees", "meetings", "minute_documents", "meeting_attendance", "minutes", "resolutions",
		"apologies", "apology_history", "declarations", "declaration_withdrawals", "audit_log"} {
		var n int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func TestImportSeedMinutes(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	text := readSeed(t)

	im := importSeed(t, db, c, text)
	if im.Outcome != commands.MinutesImported {
		t.Errorf("outcome = %s, want imported", im.Outcome)
	}
	if got, want := im.HeldOn.String(), "Thursday 9 December 2021"; got != want {
		t.Errorf("held on %s, want %s", got, want)
	}
	m, err := db.Meeting(ctx, im.MeetingID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != commands.MeetingHeld || m.Venue != "Microsoft Teams Remote Meeting" || m.CommitteeID != c.ID {
		t.Errorf("meeting = %+v, want held, Microsoft Teams Remote Meeting", m)
	}

	ms, err := db.MinutesOn(ctx, c.ID, commands.Date{Year: 2021, Month: time.December, Day: 9})
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, m := range ms {
		numbers = append(numbers, m.Number)
	}
	if diff := cmp.Diff(numbers, strings.Fields("20 21 22 23 24 25 26 27 28 29")); diff != "" {
		t.Errorf("minute numbers (-got +want):\n%s", diff)
	}

	// Every RESOLVED block with its numbered parts, word for word.
	type res struct {
		Number string
		Body   string
		Parts  []string
	}
	var got []res
	for _, n := range numbers {
		byNum, err := db.MinutesByNumber(ctx, c.ID, n, commands.Date{}, 5)
		if err != nil || len(byNum) != 1 {
			t.Fatalf("minute %s: %d found, err %v", n, len(byNum), err)
		}
		for _, r := range byNum[0].Resolutions {
			got = append(got, res{n, r.Body, r.Parts})
		}
	}
	want := []res{
		{"22", "That the Minutes of the meeting held on 9 September 2021 be confirmed as a correct record.", []string{}},
		{"23", "That (1) the Board notes the cross representation in place across the Safeguarding Children Partnership, Sefton’s Safer Community Partnership Board and the YOT management board; and (2) the Executive Director for Adult Social Care and Health be requested to nominate a representative from the Sefton Safeguarding Adults Board to Sefton’s Safer Community Partnership.", []string{
			"the Board notes the cross representation in place across the Safeguarding Children Partnership, Sefton’s Safer Community Partnership Board and the YOT management board",
			"the Executive Director for Adult Social Care and Health be requested to nominate a representative from the Sefton Safeguarding Adults Board to Sefton’s Safer Community Partnership",
		}},
		{"24", "That the report be noted.", []string{}},
		{"25", "That the report be noted.", []string{}},
		{"26", "That (1) the reports be noted; (2) all organisations be thanked for the detailed and thorough reports provided; and (3) further reports be submitted to the Board building on the issues raised.", []string{
			"the reports be noted", "all organisations be thanked for the detailed and thorough reports provided", "further reports be submitted to the Board building on the issues raised",
		}},
		{"27", "That (1) the report be noted; and (2) Violence Against Women and Girls be the theme for the next meeting.", []string{
			"the report be noted", "Violence Against Women and Girls be the theme for the next meeting",
		}},
		{"28", "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together.", []string{}},
		{"29", "That the next meeting be held on Thursday 17 March 2022 commencing at 10.00am.", []string{}},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("resolutions (-got +want):\n%s", diff)
	}

	// The cross references.
	m23, _ := db.MinutesByNumber(ctx, c.ID, "23", commands.Date{}, 1)
	m26, _ := db.MinutesByNumber(ctx, c.ID, "26", commands.Date{}, 1)
	if diff := cmp.Diff([][]string{m23[0].References, m26[0].References}, [][]string{
		{"Minute No. 17 of the meeting held on 9th September 2021"},
		{"Minute No. 29 of the meeting held on 9 September 2021"},
	}); diff != "" {
		t.Errorf("references (-got +want):\n%s", diff)
	}

	// The three apologies with their organisations, recorded as imported.
	as, err := db.Apologies(ctx, im.MeetingID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := commands.ApologiesSentence(as), "Apologies for absence were received from Neil Frackelton (SWACA), Tony Harland (MFRA) and Sue Holden (Sefton CVS)."; got != want {
		t.Errorf("apologies:\n got %s\nwant %s", got, want)
	}
	hist, err := db.ApologyHistory(ctx, im.MeetingID)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hist {
		if h.Action != "imported" || h.UserID != "" {
			t.Errorf("apology history %+v, want action imported with no Slack user", h)
		}
	}
	// No declarations.
	if !im.Read.NoDeclarations {
		t.Error("the minutes say no declarations were received; the import did not read that")
	}
	counts := tableCounts(t, db)
	for table, want := range map[string]int{"declarations": 0, "meeting_attendance": 14, "minute_documents": 1, "minutes": 10, "resolutions": 8, "apologies": 3} {
		if counts[table] != want {
			t.Errorf("%s: %d rows, want %d", table, counts[table], want)
		}
	}

	// Importing the same document again changes nothing; nor does the
	// same minutes cut out of the pack.
	again := importSeed(t, db, c, text)
	if again.Outcome != commands.MinutesUnchanged || again.MeetingID != im.MeetingID {
		t.Errorf("second import: %s, meeting %d; want unchanged, meeting %d", again.Outcome, again.MeetingID, im.MeetingID)
	}
	start := strings.Index(text, " Agenda Item 3")
	cut := importSeed(t, db, c, text[start:strings.Index(text, " National Refresh")])
	if cut.Outcome != commands.MinutesUnchanged {
		t.Errorf("the minutes alone: %s, want unchanged", cut.Outcome)
	}
	if diff := cmp.Diff(tableCounts(t, db), counts); diff != "" {
		t.Errorf("row counts after importing again (-got +want):\n%s", diff)
	}
}

func TestReissuedMinutesReplaceTheEarlierVersion(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	original := readSeed(t)
	first := importSeed(t, db, c, original)

	reissued := strings.Replace(original, "be re-named Safer Sefton\nTogether.", "be re-named Safer Sefton\nTogether with effect from 1 April 2022.", 1)
	reissued = strings.Replace(reissued, "Neil Frackelton (SWACA), Tony\nHarland (MFRA)", "Tony\nHarland (MFRA)", 1)
	if reissued == original {
		t.Fatal("the test's edits did not apply to the seed text")
	}
	im := importSeed(t, db, c, reissued)
	if im.Outcome != commands.MinutesReplaced || im.MeetingID != first.MeetingID {
		t.Fatalf("re-issued: %s, meeting %d; want replaced, meeting %d", im.Outcome, im.MeetingID, first.MeetingID)
	}
	ms, err := db.MinutesByNumber(ctx, c.ID, "28", commands.Date{}, 5)
	if err != nil || len(ms) != 1 {
		t.Fatalf("minute 28: %d found, err %v; want the re-issued one only", len(ms), err)
	}
	if got, want := ms[0].Resolved(), "That the Sefton Safer Communities Partnership be re-named Safer Sefton Together with effect from 1 April 2022."; got != want {
		t.Errorf("minute 28 resolved:\n got %s\nwant %s", got, want)
	}
	as, _ := db.Apologies(ctx, im.MeetingID)
	if got, want := commands.ApologiesSentence(as), "Apologies for absence were received from Tony Harland (MFRA) and Sue Holden (Sefton CVS)."; got != want {
		t.Errorf("apologies after re-issue:\n got %s\nwant %s", got, want)
	}
	var docs []struct {
		Replaced bool
		HasBody  bool
	}
	rows, err := db.SQL().Query(`SELECT replaced_at IS NOT NULL, body <> '' FROM minute_documents ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var d struct{ Replaced, HasBody bool }
		if err := rows.Scan(&d.Replaced, &d.HasBody); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if diff := cmp.Diff(docs, []struct{ Replaced, HasBody bool }{{true, true}, {false, true}}); diff != "" {
		t.Errorf("documents (-got +want): the earlier one must stay, marked replaced\n%s", diff)
	}
	counts := tableCounts(t, db)
	if counts["minutes"] != 10 || counts["resolutions"] != 8 {
		t.Errorf("after re-issue: %d minutes, %d resolutions; want 10 and 8", counts["minutes"], counts["resolutions"])
	}

	// Going back to the first version brings its document back.
	back := importSeed(t, db, c, original)
	if back.Outcome != commands.MinutesReplaced {
		t.Errorf("the first version again: %s, want replaced", back.Outcome)
	}
	as, _ = db.Apologies(ctx, im.MeetingID)
	if len(as) != 3 {
		t.Errorf("apologies after going back: %d, want 3", len(as))
	}
	var n int
	_ = db.SQL().QueryRow(`SELECT count(*) FROM minute_documents`).Scan(&n)
	if n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
}

func TestImportJoinsTheMeetingScheduledInQuorum(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	london, _ := time.LoadLocation("Europe/London")
	scheduled, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: time.Date(2021, 12, 9, 10, 0, 0, 0, london)}, "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	// Neil sent his apologies from Slack before the meeting.
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SendApology(ctx, commands.Apology{MeetingID: scheduled.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Reason: "Unwell", By: "UNEIL"}); err != nil {
		t.Fatal(err)
	}
	im := importSeed(t, db, c, readSeed(t))
	if im.MeetingID != scheduled.ID {
		t.Errorf("imported into meeting %d, want the scheduled one, %d", im.MeetingID, scheduled.ID)
	}
	m, _ := db.Meeting(ctx, scheduled.ID)
	if m.Status != commands.MeetingHeld || m.Venue != "Microsoft Teams Remote Meeting" {
		t.Errorf("meeting after import: %+v, want held with the venue from the minutes", m)
	}
	as, _ := db.Apologies(ctx, scheduled.ID)
	if len(as) != 3 || as[0].UserID != "UNEIL" || as[0].Reason != "Unwell" {
		t.Errorf("apologies: %+v; want Neil's own from Slack and the two others imported", as)
	}
}

func TestSearchMinutes(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	importSeed(t, db, c, readSeed(t))
	// Another committee's minutes are never found from this one.
	other, err := db.EnsureCommittee(ctx, "Wirral Community Safety Partnership", "UOFF")
	if err != nil {
		t.Fatal(err)
	}
	importSeed(t, db, other, readSeed(t))

	cases := []struct {
		words     string
		first     string // number of the best match; "" for none
		highlight string // a part of its highlight
	}{
		{"rename partnership", "28", "Sefton Safer Communities \x01Partnership\x02 be re-named"},
		{"renamed", "28", ""},
		{"re-named", "28", "\x01re\x02-\x01named\x02"},
		{"youth anti-social behaviour", "26", ""},
		{`"alternative provision"`, "26", "Appropriate \x01Alternative\x02 \x01Provision\x02"},
		{"Frackelton", "20", "Neil \x01Frackelton\x02 (SWACA)"},
		{"violence against women", "27", "\x01Violence\x02 Against \x01Women\x02"},
		{"future name", "28", ""},
		{"photosynthesis", "", ""},
		{"the and of", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.words, func(t *testing.T) {
			ms, _, err := db.SearchMinutes(ctx, c.ID, tc.words, 5)
			if err != nil {
				t.Fatal(err)
			}
			if tc.first == "" {
				if len(ms) > 0 {
					t.Errorf("found minute %s, want nothing", ms[0].Number)
				}
				return
			}
			if len(ms) == 0 {
				t.Fatalf("nothing found, want minute %s", tc.first)
			}
			if len(ms) > 5 {
				t.Errorf("%d results, want at most 5", len(ms))
			}
			if ms[0].Number != tc.first {
				t.Errorf("best match minute %s, want %s", ms[0].Number, tc.first)
			}
			for _, m := range ms {
				if m.CommitteeID != c.ID {
					t.Errorf("minute %d of committee %d found, want only %d's", m.ID, m.CommitteeID, c.ID)
				}
			}
			if !strings.Contains(ms[0].Highlight+ms[0].Passage, tc.highlight) {
				t.Errorf("highlight %q and passage %q lack %q", ms[0].Highlight, ms[0].Passage, tc.highlight)
			}
		})
	}
}

// TestFindMinutesFrom: a look-up sent from a committee's channel, with
// the read of where it came from and the replay check in the same
// statement, finds what MinutesByNumber (of any day) and SearchMinutes
// find, resolutions and all, in the same order; a replay of it is
// refused; from a channel that is no committee's, nothing is found and
// the key is not recorded.
func TestFindMinutesFrom(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	importSeed(t, db, c, readSeed(t))
	// A second import under another date: two minutes of each number.
	importSeed(t, db, c, strings.Replace(readSeed(t), "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2020", 1))
	if _, err := db.PutMember(ctx, commands.Member{CommitteeID: c.ID, UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA", Role: commands.RoleMember}, "UOFF"); err != nil {
		t.Fatal(err)
	}
	resolutions := 0
	for i, tc := range []struct{ number, words string }{
		{number: "28"}, {number: "20"}, {number: "999"},
		{words: "partnership"}, {words: "youth anti-social behaviour"}, {words: `"alternative provision"`}, {words: "photosynthesis"},
	} {
		var want []commands.Minute
		var wantRecent bool
		var err error
		if tc.number != "" {
			want, err = db.MinutesByNumber(ctx, c.ID, tc.number, commands.Date{}, 5)
		} else {
			want, wantRecent, err = db.SearchMinutes(ctx, c.ID, tc.words, 5)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range want {
			resolutions += len(m.Resolutions)
		}
		req := commands.FindRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: "UNEIL", At: time.Now(),
			Number: tc.number, Words: tc.words, Limit: 5, Replay: fmt.Sprintf("sig-%d", i)}
		o, got, recent, err := db.FindMinutesFrom(ctx, req)
		if err != nil {
			t.Fatalf("%+v: %v", tc, err)
		}
		if d := cmp.Diff(want, got, cmpopts.EquateEmpty()); d != "" || recent != wantRecent {
			t.Errorf("%+v: recent only %v, want %v; found (-want +got):\n%s", tc, recent, wantRecent, d)
		}
		if o.Committee.ID != c.ID || o.Member == nil || o.Member.Name != "Neil Frackelton" {
			t.Errorf("%+v: origin %+v, member %+v", tc, o.Committee, o.Member)
		}
		if _, _, _, err := db.FindMinutesFrom(ctx, req); !errors.Is(err, commands.ErrReplay) {
			t.Errorf("%+v sent again: %v, want a replay", tc, err)
		}
	}
	if resolutions == 0 {
		t.Fatal("no resolution among the minutes found: nothing was compared")
	}
	// Searches sent together, in one statement, each find what they find
	// alone, in the same order.
	var reqs []commands.FindRequest
	var want [][]int64
	for i, words := range []string{"partnership", "photosynthesis", "youth anti-social behaviour", `"alternative provision"`, "partnership"} {
		ms, _, err := db.SearchMinutes(ctx, c.ID, words, 5)
		if err != nil {
			t.Fatal(err)
		}
		ids := []int64{0}
		if len(ms) > 0 {
			ids = nil
			for _, m := range ms {
				ids = append(ids, m.ID)
			}
		}
		want = append(want, ids)
		reqs = append(reqs, commands.FindRequest{TeamID: c.TeamID, ChannelID: c.ChannelID, UserID: "UNEIL", At: time.Now(),
			Words: words, Limit: 5, Replay: fmt.Sprintf("batch-%d", i)})
	}
	reqs[4].Replay = "sig-3" // the search for partnership above
	want[4] = want[0]
	reqs = append(reqs, commands.FindRequest{TeamID: c.TeamID, ChannelID: "CNONE", UserID: "UNEIL", At: time.Now(), Words: "partnership", Limit: 5, Replay: "batch-none"})
	want = append(want, nil)
	ids, replayed, err := db.SearchesInOneBatch(ctx, reqs)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, ids); d != "" || !slices.Equal(replayed, []bool{false, false, false, false, true, false}) {
		t.Errorf("in one batch: replayed %v; minutes found (-want +got):\n%s", replayed, d)
	}
	if first, err := db.FirstSeen(ctx, "batch-none"); err != nil || !first {
		t.Errorf("the key of a search from no committee's channel, in a batch, was recorded: first %v, %v", first, err)
	}
	elsewhere := commands.FindRequest{TeamID: c.TeamID, ChannelID: "CNONE", UserID: "UNEIL", At: time.Now(), Words: "partnership", Limit: 5, Replay: "sig-elsewhere"}
	if _, _, _, err := db.FindMinutesFrom(ctx, elsewhere); !errors.Is(err, commands.ErrNotFound) {
		t.Errorf("from no committee's channel: %v, want not found", err)
	}
	if first, err := db.FirstSeen(ctx, elsewhere.Replay); err != nil || !first {
		t.Errorf("the key of a search from no committee's channel was recorded: first %v, %v", first, err)
	}
}

func TestMinutesByNumberLatestFirst(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	text := readSeed(t)
	importSeed(t, db, c, text)
	// The same numbers a year earlier.
	importSeed(t, db, c, strings.Replace(text, "ON 9 DECEMBER 2021", "ON 10 DECEMBER 2020", 1))

	ms, err := db.MinutesByNumber(ctx, c.ID, "28", commands.Date{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, m := range ms {
		days = append(days, m.HeldOn.String())
	}
	if diff := cmp.Diff(days, []string{"Thursday 9 December 2021", "Thursday 10 December 2020"}); diff != "" {
		t.Errorf("minutes 28 (-got +want):\n%s", diff)
	}
	ms, _ = db.MinutesByNumber(ctx, c.ID, "28", commands.Date{Year: 2020, Month: time.December, Day: 10}, 5)
	if len(ms) != 1 || ms[0].HeldOn.Year != 2020 {
		t.Errorf("minute 28 of 10 December 2020: %+v", ms)
	}
	last, err := db.LastMinute(ctx, c.ID, time.Date(2022, 3, 17, 10, 0, 0, 0, time.UTC))
	if err != nil || last.Number != "29" || last.HeldOn.Year != 2021 {
		t.Errorf("last minute before 17 March 2022: %s of %s, err %v; want 29 of 9 December 2021", last.Number, last.HeldOn, err)
	}
}

// TestReimportedDeclarationComesBack: minutes with a declaration, a
// re-issue without it (withdrawn), then the first version again: the
// declaration stands once more, and a sentence printed twice is one record.
func TestReimportedDeclarationComesBack(t *testing.T) {
	db := pgtest.New(t)
	c := setupCommittee(t, db)
	none := "No declarations of any disclosable pecuniary interests or personal\ninterests were received."
	decl := "Councillor Hardy declared a personal interest in Minute No. 26 as a\ntrustee of SWACA."
	original := readSeed(t)
	if !strings.Contains(original, none) {
		t.Fatal("the seed's declarations sentence is not where the test expects it")
	}
	with := strings.Replace(original, none, decl+"\n"+decl, 1)
	standing := func() int {
		t.Helper()
		var n int
		err := db.SQL().QueryRow(`SELECT count(*) FROM declarations d
			WHERE NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = d.id)`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	importSeed(t, db, c, with)
	if n := standing(); n != 1 {
		t.Fatalf("%d declarations standing after the first import, want 1", n)
	}
	importSeed(t, db, c, original)
	if n := standing(); n != 0 {
		t.Fatalf("%d declarations standing after the re-issue without it, want 0", n)
	}
	importSeed(t, db, c, with)
	if n := standing(); n != 1 {
		t.Errorf("%d declarations standing after going back, want 1", n)
	}
}

// addMinutes gives the committee one meeting a day from first on, each
// with one minute that resolved the text given, oldest first.
func addMinutes(t *testing.T, db *storage.DB, committeeID int64, first time.Time, resolved []string) {
	t.Helper()
	_, err := db.SQL().Exec(`
		WITH r AS (SELECT body, n FROM unnest($3::text[]) WITH ORDINALITY AS r(body, n)),
		m AS (
			INSERT INTO meetings (committee_id, starts_at, status, source)
			SELECT $1, $2::timestamptz + r.n * interval '1 day', 'held', 'import' FROM r
			RETURNING id, starts_at
		)
		INSERT INTO minutes (meeting_id, committee_id, number, position, title, resolved, held_on)
		SELECT m.id, $1, '1', 1, 'Reports', r.body, (m.starts_at AT TIME ZONE 'UTC')::date
		FROM m JOIN r ON $2::timestamptz + r.n * interval '1 day' = m.starts_at`,
		committeeID, first, pq.Array(resolved))
	if err != nil {
		t.Fatal(err)
	}
}

func repeat(text string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = text
	}
	return out
}

// TestSearchPhraseAmongMinutesHoldingItsWords: a phrase held by one old
// minute among thousands that hold its words apart ("report be noted" is
// not "report noted") is found, unless the words are common in the
// committee's recent minutes and it has more minutes than the search
// window, where a phrase is looked for among the recent minutes only.
func TestSearchPhraseAmongMinutesHoldingItsWords(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	const (
		phrase = "That the report noted the progress made be welcomed."
		apart  = "That the report be noted."
		other  = "That the accounts be approved."
	)
	start := time.Date(1990, 1, 1, 9, 0, 0, 0, time.UTC)
	committees := map[string]int64{}
	add := func(name string, resolved ...[]string) {
		t.Helper()
		c, err := db.EnsureCommittee(ctx, name, "UOFF")
		if err != nil {
			t.Fatal(err)
		}
		addMinutes(t, db, c.ID, start, slices.Concat(resolved...))
		committees[name] = c.ID
	}
	// Every minute fits in the search window: all are read for the phrase.
	add("small", []string{phrase}, repeat(apart, 1500))
	// The window holds none of the words; 3,000 older minutes hold both.
	add("quiet lately", []string{phrase}, repeat(apart, 3000), repeat(other, 2100))
	// The window is full of the words: the phrase is looked for there only.
	add("busy", []string{phrase}, repeat(apart, 2500), []string{phrase}, repeat(apart, 10))
	// Either side of common: nine of the window's minutes hold the words
	// (every minute is read for the phrase), or ten (the window only).
	add("just under", []string{phrase}, repeat(apart, 3000), repeat(other, 1991), repeat(apart, 9))
	add("just common", []string{phrase}, repeat(apart, 3000), repeat(other, 1990), repeat(apart, 10))

	cases := []struct {
		committee  string
		words      string
		want       []string // dates of the minutes found, best first
		recentOnly bool     // whether the search was of the recent minutes only
	}{
		{"small", `"report noted"`, []string{"1990-01-02"}, false},
		{"small", `"noted report"`, nil, false},
		{"quiet lately", `"report noted"`, []string{"1990-01-02"}, false},
		{"quiet lately", `"accounts noted"`, nil, false},
		{"busy", `"report noted"`, []string{"1996-11-07"}, true},
		{"busy", `"noted report"`, nil, true},
		{"just under", `"report noted"`, []string{"1990-01-02"}, false},
		{"just common", `"report noted"`, nil, true},
		// The old one is found with another of its words.
		{"busy", `"report noted" progress`, []string{"1996-11-07", "1990-01-02"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.committee+" "+tc.words, func(t *testing.T) {
			ms, recent, err := db.SearchMinutes(ctx, committees[tc.committee], tc.words, 5)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ms {
				got = append(got, m.HeldOn.Start(time.UTC).Format("2006-01-02"))
				if !strings.Contains(m.Highlight, "\x01report\x02 \x01noted\x02") {
					t.Errorf("minute of %s: highlight %q lacks the phrase", got[len(got)-1], m.Highlight)
				}
			}
			if diff := cmp.Diff(got, tc.want); diff != "" {
				t.Errorf("minutes found (-got +want):\n%s", diff)
			}
			if recent != tc.recentOnly {
				t.Errorf("searched recent minutes only = %v, want %v", recent, tc.recentOnly)
			}
		})
	}
}

// TestResolutionRecordedAsNoted: what a board NOTED as a minute's outcome
// is stored under that word beside what it AGREED, and read back so; the
// schema cannot be taken back below migration 00035 while such a record
// exists, and is left as it was when that is refused.
func TestResolutionRecordedAsNoted(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	text := `ASHCOMBE HEALTH AND WELLBEING BOARD
MINUTES
of the meeting held on Thursday 18 April 2024 at 2.00 pm
Present: Cllr Teresa Hanlon (Chair)

3.     Minutes and Action Log

       The minutes of the meeting held on 25 January 2024 were AGREED as a
       correct record.

       The Board NOTED the action log.

4.     Appeal Decisions

       The Committee noted the appeal decisions received since the last meeting.
`
	importSeed(t, db, c, text)
	words := func() map[string][]string {
		t.Helper()
		out := map[string][]string{}
		for _, n := range []string{"3", "4"} {
			ms, err := db.MinutesByNumber(ctx, c.ID, n, commands.Date{}, 1)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				for _, r := range m.Resolutions {
					out[m.Number] = append(out[m.Number], r.Word()+": "+r.Body)
				}
			}
		}
		return out
	}
	want := map[string][]string{
		"3": {"AGREED: The minutes of the meeting held on 25 January 2024 were AGREED as a correct record.", "NOTED: The action log."},
		"4": {"NOTED: The appeal decisions received since the last meeting."},
	}
	if diff := cmp.Diff(words(), want); diff != "" {
		t.Errorf("resolutions (-got +want):\n%s", diff)
	}
	if err := db.MigrateDownTo(ctx, 34); err == nil {
		t.Error("migrated below 00035 with resolutions recorded as NOTED")
	}
	if diff := cmp.Diff(words(), want); diff != "" {
		t.Errorf("resolutions after the refused migration (-got +want):\n%s", diff)
	}
}

// BenchmarkPreviousMeeting: the previous meeting of a committee with
// 3,000 meetings of imported minutes behind ten held in Quorum, and a
// date of its programme since that passed with nothing recorded, looked
// for as /minute and the draft look for it: now, and the meeting before
// the last.
func BenchmarkPreviousMeeting(b *testing.B) {
	db := pgtest.New(b)
	ctx := context.Background()
	c, err := db.CreateCommittee(ctx, commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"},
		commands.Member{UserID: "UOFF", Name: "Ian Barton"})
	if err != nil {
		b.Fatal(err)
	}
	first := time.Date(2026, 1, 8, 10, 0, 0, 0, time.UTC)
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO meetings (committee_id, starts_at, venue, status, source)
		SELECT $1, $2::timestamptz - i * interval '7 days', 'Bootle Town Hall', 'held', 'import' FROM generate_series(1, 3000) i`,
		c.ID, first); err != nil {
		b.Fatal(err)
	}
	held := heldMonthly(b, db, c.ID, first, 10)
	if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: c.ID, StartsAt: first.AddDate(0, 10, 0)}, "UOFF"); err != nil {
		b.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name   string
		before time.Time
		want   int64
	}{
		{"now", first.AddDate(0, 11, 0), held[9].ID},
		{"before the last", held[9].StartsAt, held[8].ID},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				p, err := db.PreviousMeeting(ctx, c.ID, bc.before)
				if err != nil || p.ID != bc.want {
					b.Fatalf("previous meeting %d, %v; want %d", p.ID, err, bc.want)
				}
			}
		})
	}
}

// BenchmarkMinuteAfterDrafts: the first /minute on each item of a
// meeting under way (an agenda of 64), with the six meetings before it in
// the municipal year closed in Quorum and their drafts not yet confirmed,
// behind 3,000 meetings of imported minutes of earlier years: the drafts
// with nothing minuted (a committee that minutes its meetings elsewhere),
// and with every item minuted (drafts waiting to be confirmed at the next
// meeting). Past the 64th, the items are minuted again.
func BenchmarkMinuteAfterDrafts(b *testing.B) {
	for _, bc := range []struct {
		name    string
		written bool
	}{
		{"nothing minuted", false},
		{"every item minuted", true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			db := pgtest.New(b)
			ctx := context.Background()
			svc := commands.New(db, nil)
			london, err := time.LoadLocation("Europe/London")
			if err != nil {
				b.Fatal(err)
			}
			now := time.Date(2026, 5, 1, 9, 0, 0, 0, london)
			run := func(line string) commands.Reply {
				b.Helper()
				command, text, _ := strings.Cut(line, " ")
				r, err := svc.Run(ctx, commands.Request{Command: command, Text: text, TeamID: "T1", ChannelID: "C1", UserID: "UOFF", Now: now})
				if err != nil || r.Refused {
					b.Fatalf("%s: %v %s", line, err, r.Text)
				}
				return r
			}
			run("/committee setup Safer Sefton Together")
			c, err := db.CommitteeByChannel(ctx, "T1", "C1")
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.SQL().ExecContext(ctx, `INSERT INTO meetings (committee_id, starts_at, venue, status, source)
				SELECT $1, $2::timestamptz - i * interval '7 days', 'Bootle Town Hall', 'held', 'import' FROM generate_series(1, 3000) i`,
				c.ID, now); err != nil {
				b.Fatal(err)
			}
			for month := time.June; month <= time.December; month++ {
				starts := time.Date(2026, month, 3, 10, 0, 0, 0, london)
				run("/meeting schedule " + starts.Format("2006-01-02 15:04") + " Bootle Town Hall")
				if month == time.December {
					for n := 10; n < 70; n++ {
						run(fmt.Sprintf("/agenda add %d Report %d", n, n))
					}
				}
				now = starts.Add(5 * time.Minute)
				run("/meeting start")
				if month == time.December {
					break
				}
				if bc.written {
					ms, err := db.Meetings(ctx, c.ID, starts, starts.Add(time.Hour))
					if err != nil || len(ms) != 1 {
						b.Fatalf("the meeting of %s: %v, %v", starts, ms, err)
					}
					items, err := db.AgendaItems(ctx, ms[0].ID)
					if err != nil {
						b.Fatal(err)
					}
					for _, it := range items {
						run("/minute " + it.Number + " The item was considered.")
					}
				}
				run("/meeting close")
			}
			if _, err := db.SQL().ExecContext(ctx, `ANALYZE`); err != nil {
				b.Fatal(err)
			}
			ms, err := db.Meetings(ctx, c.ID, now.Add(-time.Hour), now)
			if err != nil || len(ms) != 1 {
				b.Fatalf("the meeting under way: %v, %v", ms, err)
			}
			items, err := db.AgendaItems(ctx, ms[0].ID)
			if err != nil || len(items) != 64 {
				b.Fatalf("its agenda: %d items, %v", len(items), err)
			}
			i := 0
			for b.Loop() {
				it := items[i%len(items)]
				i++
				if r := run(fmt.Sprintf("/minute %s The item was considered (%d).", it.Number, i)); !strings.Contains(r.Text, "of the meeting on Thursday 3 December 2026") {
					b.Fatalf("/minute: %s", r.Text)
				}
			}
		})
	}
}
