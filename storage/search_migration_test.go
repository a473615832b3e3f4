package storage_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
)

// TestNarrativeHyphensMigration: after migration 00061 a search for
// "antisocial" finds a minute whose narrative alone writes "anti-social",
// as it found one whose title or resolution does; it goes down (where the
// narrative's hyphenated words are not indexed joined) and up again with
// the minutes kept.
func TestNarrativeHyphensMigration(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	narrative := "The Board heard of anti-social behaviour in Bootle parks."
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, day.Location()), Item: "4",
		Number: "4", Position: 1, Title: "PARKS", Narrative: &narrative, Action: "minuted", By: "UOFF"}); err != nil {
		t.Fatal(err)
	}
	found := func() int {
		t.Helper()
		ms, _, err := db.SearchMinutes(ctx, c.ID, "antisocial", 6)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	if n := found(); n != 1 {
		t.Fatalf("antisocial found %d minutes, want the one whose narrative says anti-social", n)
	}
	if err := db.MigrateDownTo(ctx, 60); err != nil {
		t.Fatal(err)
	}
	if n := found(); n != 0 {
		t.Errorf("below 00061, antisocial found %d minutes; want none", n)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if n := found(); n != 1 {
		t.Errorf("after down and up, antisocial found %d minutes, want 1", n)
	}
}

// TestSearchLettersMigration: after migration 00064 a search typed
// without accents finds a minute whose narrative has them, and one typed
// with them a minute printed without, in every case shown in the minute's
// own letters; below 00064 (down) neither is found, and up again both are.
func TestSearchLettersMigration(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	write := func(number, narrative string) {
		t.Helper()
		if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, day.Location()), Item: number,
			Number: number, Position: len(number), Title: "PRESENTATION", Narrative: &narrative, Action: "minuted", By: "UOFF"}); err != nil {
			t.Fatal(err)
		}
	}
	write("4", "The Board thanked Siân Jones and Zoë Hardy for their presentation on the Straße café.")
	write("5", "Sean Kelly gave the rôle of the ÉTUDE group.")
	found := func(words string) (string, string) {
		t.Helper()
		ms, _, err := db.SearchMinutes(ctx, c.ID, words, 6)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			return "", ""
		}
		return ms[0].Number, ms[0].Passage
	}
	cases := []struct{ words, number, passage string }{
		{"Sian", "4", "\x01Siân\x02 Jones"},
		{"Zoe", "4", "\x01Zoë\x02 Hardy"},
		{"cafe", "4", "\x01café\x02"},
		{"Strasse", "4", ""},
		{"Siân Jones", "4", "\x01Siân\x02 \x01Jones\x02"},
		{`"sian jones"`, "4", "\x01Siân\x02 \x01Jones\x02"},
		{"Seán", "5", "\x01Sean\x02 Kelly"},
		{"role", "5", "\x01rôle\x02"},
		{"étude", "5", "\x01ÉTUDE\x02"},
	}
	for _, tc := range cases {
		n, p := found(tc.words)
		if n != tc.number || !strings.Contains(p, tc.passage) {
			t.Errorf("%s found minute %q, passage %q; want minute %s, passage with %q", tc.words, n, p, tc.number, tc.passage)
		}
	}
	if err := db.MigrateDownTo(ctx, 63); err != nil {
		t.Fatal(err)
	}
	if n, _ := found("Sian"); n != "" {
		t.Errorf("below 00064, Sian found minute %s; want none", n)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if n, p := found("Sian"); n != "4" || !strings.Contains(p, "\x01Siân\x02") {
		t.Errorf("after down and up, Sian found minute %q, passage %q", n, p)
	}
}

// TestSearchPassageInItsOwnPlacesLetters: a passage is given back the
// letters of the place in the minute it was found at, not of an earlier
// place with the same words: minutes print a name both ways, and a
// narrative's own " … " is not where the search's passage is cut.
func TestSearchPassageInItsOwnPlacesLetters(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	narrative := "Sean Kelly welcomed everyone to the hall. Zoë said the members noted the report and asked for a report in the new year. " +
		"After a break the members went back to the hall. Zoe said the members noted the report and asked for a report in the new year … the café in Bootle …"
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, day.Location()), Item: "4",
		Number: "4", Position: 1, Title: "PRESENTATION", Narrative: &narrative, Action: "minuted", By: "UOFF"}); err != nil {
		t.Fatal(err)
	}
	ms, _, err := db.SearchMinutes(ctx, c.ID, "cafe", 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 {
		t.Fatalf("cafe found %d minutes, want 1", len(ms))
	}
	if p := ms[0].Passage; !strings.Contains(p, "Zoe said") || strings.Contains(p, "Zoë") || !strings.Contains(p, "\x01café\x02") {
		t.Errorf("passage %q: want the words round café as the minute prints them there (Zoe), café in bold", p)
	}
}

// TestSearchFoldsLetters: the search's words are made plain (plainWords)
// as migration 00064's search_text makes the minutes' text, for every
// letter of Latin-1 Supplement and Latin Extended-A and B and the
// typographic punctuation, so that the two tables cannot drift apart; and
// the letters are made the letters they decompose to.
func TestSearchFoldsLetters(t *testing.T) {
	db, _, _, _ := heldMeeting(t)
	var all []rune
	for r := rune(0x20); r <= 0x24F; r++ {
		all = append(all, r)
	}
	all = append(all, []rune("ẞ\u2018\u2019\u201A\u201B\u02BC\u201C\u201D\u201E\u201F\u2013\u2014\u2026\u00A0\u202F\u2009")...)
	for _, r := range all {
		in := "x" + string(r) + "y"
		var sql string
		if err := db.SQL().QueryRow(`SELECT search_text($1)`, in).Scan(&sql); err != nil {
			t.Fatal(err)
		}
		if got := storage.PlainWords(in); got != sql {
			t.Errorf("%q (U+%04X): the search reads %q, the index %q", in, r, got, sql)
		}
	}
	from, to := []rune(storage.AccentedLetters), []rune(storage.PlainLetters)
	if len(from) != len(to) {
		t.Fatalf("%d accented letters, %d plain", len(from), len(to))
	}
	own := map[rune]rune{'Ø': 'O', 'ø': 'o', 'Đ': 'D', 'đ': 'd', 'Ð': 'D', 'ð': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'Ŀ': 'L', 'ŀ': 'l', 'Ł': 'L', 'ł': 'l', 'Ŧ': 'T', 'ŧ': 't', 'ſ': 's', 'Ŋ': 'N', 'ŋ': 'n'}
	for i, r := range from {
		want, ok := own[r]
		if !ok {
			want = []rune(norm.NFD.String(string(r)))[0]
		}
		if to[i] != want {
			t.Errorf("%c is made %c, want %c", r, to[i], want)
		}
	}
	for r := rune(0xC0); r <= 0x17F; r++ {
		d := []rune(norm.NFD.String(string(r)))
		if len(d) > 1 && d[0] < 0x80 && !strings.ContainsRune(storage.AccentedLetters, r) {
			t.Errorf("%c (U+%04X), %c with a diacritic, is not made plain", r, r, d[0])
		}
	}
}
