package commands

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTakeFor(t *testing.T) {
	cases := []struct {
		text  string
		want  behalf
		rest  string
		found bool
		err   string
	}{
		{text: "for <@UNEIL|neil> Unwell", want: behalf{UserID: "UNEIL", Hint: "neil"}, rest: "Unwell", found: true},
		{text: "FOR <@UNEIL> 10/12/2026 Unwell sub none", want: behalf{UserID: "UNEIL"}, rest: "10/12/2026 Unwell sub none", found: true},
		{text: `for "Jen Williams (NW Probation)" 7.7 personal Trustee`, want: behalf{Name: "Jen Williams", Org: "NW Probation"}, rest: "7.7 personal Trustee", found: true},
		{text: "for “Jen  Williams” Unwell", want: behalf{Name: "Jen Williams"}, rest: "Unwell", found: true},
		{text: `for "Jen Williams (NW Probation)"`, want: behalf{Name: "Jen Williams", Org: "NW Probation"}, found: true},
		{text: `for "A &amp; B (C)" x`, want: behalf{Name: "A & B", Org: "C"}, rest: "x", found: true},
		// A member's own reason that starts with "for".
		{text: "for family reasons", rest: "for family reasons"},
		{text: "for", rest: "for"},
		{text: "Unwell for a week", rest: "Unwell for a week"},
		{text: "7.7 personal for the council", rest: "7.7 personal for the council"},
		{text: "for @neil Unwell", rest: "for @neil Unwell", err: "could not find @neil"},
		{text: `for "Jen Williams Unwell`, rest: `for "Jen Williams Unwell`, err: "between quotes"},
		{text: `for "" Unwell`, rest: `for "" Unwell`, err: "the name between the quotes is empty"},
		{text: `for "(NW Probation)" Unwell`, rest: `for "(NW Probation)" Unwell`, err: "give the person's name"},
	}
	for _, c := range cases {
		b, rest, found, err := takeFor(strings.Fields(c.text))
		if found || err != nil {
			if !isFor(strings.Fields(c.text)) {
				t.Errorf("isFor(%q) = false: a for clause would take the fast path", c.text)
			}
		}
		if got := errText(err); !strings.Contains(got, c.err) || (c.err == "") != (err == nil) {
			t.Errorf("takeFor(%q) error = %q, want %q", c.text, got, c.err)
		}
		if diff := cmp.Diff(b, c.want); diff != "" {
			t.Errorf("takeFor(%q) person (-got +want):\n%s", c.text, diff)
		}
		if strings.Join(rest, " ") != c.rest || found != c.found {
			t.Errorf("takeFor(%q) = rest %q, found %v; want %q, %v", c.text, strings.Join(rest, " "), found, c.rest, c.found)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzTakeFor: a for clause names one person, a Slack user or a name
// within bounds; what is not one leaves the words whole.
func FuzzTakeFor(f *testing.F) {
	for _, s := range []string{
		"for <@UNEIL|neil> Unwell", `for "Jen Williams (NW Probation)" 7.7 personal x`, "for family reasons",
		`for "Jen`, `for “x” y`, `for "(a)"`, `for "Robert "Bob" Jones (SWACA)" Unwell`, `for “a “b” c”`, "for @x", "for <@> x", `for "a (b) (c)" d`, `for "a" "b"`,
		"for sue Unwell", "for Sue's Unwell", "for sue, Unwell", "for zoë x", `for "Zoë Ödön (Sefton CVS)" x`, "for next 7.5 pecuniary x",
		// /minutes comment for someone: a meeting's day and a minute's number follow.
		"for <@UNEIL> 9 The figures were for the last quarter.", `for "Jo Smith (Sefton CVS & Co)" 2026-12-10 9 x`, "for sue 9 x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		b, rest, found, err := takeFor(words)
		if (found || err != nil) && !isFor(words) {
			t.Fatalf("isFor(%q) = false, but takeFor reads a for clause", text)
		}
		switch {
		case err != nil || !found:
			if found || strings.Join(rest, " ") != strings.Join(words, " ") || b != (behalf{}) {
				t.Fatalf("takeFor(%q) = %+v, %q, %v, %v: not found must leave the words whole", text, b, rest, found, err)
			}
		case b.UserID != "":
			if b.Name != "" || strings.ContainsAny(b.UserID, " <>@") || len(rest) != len(words)-2 {
				t.Fatalf("takeFor(%q) = %+v, %q", text, b, rest)
			}
		default:
			if b.Name == "" || utf8.RuneCountInString(b.Name) > MaxNameLen || utf8.RuneCountInString(b.Org) > MaxNameLen || strings.ContainsAny(b.Name, "()") ||
				b.Name != oneLine(b.Name) || !utf8.ValidString(b.Name) && utf8.ValidString(text) {
				t.Fatalf("takeFor(%q) name = %q (%q)", text, b.Name, b.Org)
			}
			if len(rest) >= len(words) {
				t.Fatalf("takeFor(%q) took no words: %q", text, rest)
			}
		}
	})
}

// osa is the optimal string alignment distance between a and b, in
// letters: how many letters changed, left out, added or neighbours
// swapped, each letter edited once. It is the slow, plain reckoning the
// slip matcher is checked against.
func osa(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// FuzzMisnamed: a name typed for someone else's record is taken for a
// member's slip exactly when it is that member's name with one word of
// four letters or more one edit away, of the organisation given, and no
// other member's is so too; a member's own name, typed with or without its
// accents, is never a slip.
func FuzzMisnamed(f *testing.F) {
	members := []Member{
		{UserID: "USUE", Name: "Sue Holden", Organisation: "Sefton CVS"},
		{UserID: "USUE2", Name: "Sue Holdan", Organisation: "Merseyside Police"},
		{UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA"},
		{UserID: "UJEN", Name: "Jen  Williams", Organisation: "NW Probation"},
		{UserID: "UZOE", Name: "Zoë Ödön", Organisation: "Sefton Council"},
		{UserID: "UIAN", Name: "Ian Bo", Organisation: "Sefton Council"},
		{UserID: "UANN", Name: "Ann", Organisation: ""},
	}
	for _, s := range []string{"Sue Holdn", "sue holden", "Neil Frackleton", "Jen Wiliams", "Zoe Ödön", "Zoë Ödon", "Ian Boo", "Sue  Holdem",
		"", "Neil", "Neil Frackelton Jr", "Anne", "Sue Holdenn", "Sue Hodlen", "NEIL FRACKLETON", "Jen Williams", "Zoë \xffdön", "zoe odon", "Zoe Odn"} {
		f.Add(s, "")
		f.Add(s, "Sefton CVS")
	}
	f.Fuzz(func(t *testing.T, name, org string) {
		got, ok := misnamed(members, name, org)
		typed := strings.Fields(personKey(name))
		var want []Member
		for _, m := range members {
			if org != "" && personKey(org) != personKey(m.Organisation) {
				continue
			}
			theirs := strings.Fields(personKey(m.Name))
			if len(theirs) != len(typed) {
				continue
			}
			slips, near := 0, true
			for i := range theirs {
				if theirs[i] == typed[i] {
					continue
				}
				slips++
				if utf8.RuneCountInString(theirs[i]) < 4 || utf8.RuneCountInString(typed[i]) < 4 || osa(theirs[i], typed[i]) != 1 {
					near = false
				}
			}
			if slips == 1 && near {
				want = append(want, m)
			}
		}
		switch {
		case len(want) == 1 && (!ok || got.UserID != want[0].UserID):
			t.Fatalf("misnamed(%q, %q) = %q, %v; want %q", name, org, got.Name, ok, want[0].Name)
		case len(want) != 1 && ok:
			t.Fatalf("misnamed(%q, %q) = %q; want no one (%d near)", name, org, got.Name, len(want))
		}
		if ok && personKey(got.Name) == personKey(name) {
			t.Fatalf("misnamed(%q): the member's own name taken for a slip", name)
		}
	})
}

// FuzzMembersCalled: "/apologies for WORD …" without a mention is taken
// for a member only when WORD, as typed, is a word of their name; never
// for the sender, and never for a word of under three letters.
func FuzzMembersCalled(f *testing.F) {
	members := []Member{
		{UserID: "USUE", Name: "Sue Holden", Organisation: "Sefton CVS"},
		{UserID: "USUE2", Name: "Sue  Ryder", Organisation: "Merseyside Police"},
		{UserID: "UNEIL", Name: "Neil Frackelton", Organisation: "SWACA"},
		{UserID: "UZOE", Name: "Zoë O'Neil", Organisation: "Sefton Council"},
		{UserID: "UIAN", Name: "Ian Bo", Organisation: "Sefton Council"},
	}
	for _, s := range []string{"for sue Unwell", "for Sue's Unwell", "for sue, Unwell", "for SUE", "for zoë x", "for o'neil's x", "for bo x",
		"for ian", "for neil’s x", "for family reasons", "for", "for <@USUE> x", "for \xff", "for zoe x", "for o’neil x", "for Zoe\u0308 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		if !isFor(words) {
			return
		}
		meant := membersCalled(members, "UNEIL", words[1])
		word := bareWord(words[1])
		if word == "" && len(meant) > 0 || word != "" && utf8.RuneCountInString(word) < 3 {
			t.Fatalf("%q: %q, too short, names %d members", text, word, len(meant))
		}
		for _, m := range meant {
			if m.UserID == "UNEIL" {
				t.Fatalf("%q names the sender", text)
			}
			if !strings.Contains(" "+personKey(m.Name)+" ", " "+word+" ") {
				t.Fatalf("%q names %s, whose name has no word %q", text, m.Name, word)
			}
		}
	})
}

// FuzzDidYouMean: the "did you mean" answer keeps its code spans whole
// whatever the members' names hold, names each member meant by mention,
// and offers a name in quotes only as it could be typed.
func FuzzDidYouMean(f *testing.F) {
	for _, s := range []string{"Sue Holden", "Sue `Sunny` Holden", `Neil "Nifty" Frackelton`, "Jo “JJ” Bloggs", "A & B <c>", "`", `"`, "", "\xff"} {
		f.Add(s, "Sefton CVS", false)
		f.Add(s, "Sefton `CVS`", true)
	}
	f.Fuzz(func(t *testing.T, name, org string, two bool) {
		meant := []Member{{UserID: "USUE", Name: name, Organisation: org}}
		if two {
			meant = append(meant, Member{UserID: "USUE2", Name: name + " Parry", Organisation: org})
		}
		if got := didYouMean(meant, ""); strings.Count(got, "`")%2 != 0 || strings.Contains(got, "in quotes") {
			t.Fatalf("%q (%q), by mention only: %q", name, org, got)
		}
		for _, example := range []string{"`/apologies for %s …`", "`/apologies withdraw for %s`"} {
			got := didYouMean(meant, example)
			if strings.Count(got, "`")%2 != 0 {
				t.Fatalf("%q (%q): an odd number of backquotes: %q", name, org, got)
			}
			for _, m := range meant {
				if !strings.Contains(got, "<@"+m.UserID+">") {
					t.Fatalf("%q: %s is not named by mention: %q", name, m.UserID, got)
				}
			}
			if q, ok := quotedName(name, ""); ok && !two && !strings.Contains(got, fmt.Sprintf(example, q)) {
				t.Fatalf("%q: not offered in quotes: %q", name, got)
			}
		}
	})
}

// FuzzQuotedName: a name in quotes that an answer offers as a command to
// type reads back, typed, as the same person: by /attendance (marks by a
// name given at the meeting, with or without its organisation), and after
// `for` (a member's name, as "did you mean" offers it).
func FuzzQuotedName(f *testing.F) {
	for _, s := range []string{"Jen Williams (NW Probation)", "Jen Williams", "Sue Holden (she/her)", "Sue (Sunny) Holden", "A & B <c>", "A (B) (C)", "x)", "(x)", "Jo “JJ” Bloggs", "`", "Ann  Lee", " Ann"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		// Someone marked by name at the meeting, as the marks keep them.
		if a, err := parseAttendance(`"` + Escape(s) + `" present`); err == nil {
			full := a.Name
			if a.Org != "" {
				full += " (" + a.Org + ")"
			}
			for _, given := range []string{a.Name, full} {
				q, ok := quotedName(given, "")
				if !ok {
					continue
				}
				back, err := parseAttendance(q + " absent")
				if err != nil || NameKey(back.Name) != NameKey(a.Name) || given == full && back.Org != a.Org {
					t.Fatalf("%q, offered as %s, reads back as %q (%q), %v", given, q, back.Name, back.Org, err)
				}
			}
		}
		// A member's name, as Slack gives it, within the bound on member
		// names (MaxNameLen): `for` refuses a longer one as too long.
		name := oneLine(s)
		if name == "" || utf8.RuneCountInString(name) > MaxNameLen {
			return
		}
		q, ok := quotedName(name, "")
		if !ok {
			return
		}
		b, _, found, err := takeFor(strings.Fields("for " + q + " Unwell"))
		if err != nil || !found || NameKey(b.Name) != NameKey(name) {
			t.Fatalf("member %q, offered as %s, reads back as %q (%q), %v", name, q, b.Name, b.Org, err)
		}
	})
}

// TestQuotedName: a name is offered in quotes only where, typed as
// shown, it names the same person; brackets in it would be read as the
// organisation's.
func TestQuotedName(t *testing.T) {
	for _, tc := range []struct {
		name, org, want string
		ok              bool
	}{
		{"Jen Williams", "", `"Jen Williams"`, true},
		{"Jen Williams", "NW Probation", `"Jen Williams (NW Probation)"`, true},
		{"Smith & Jones", "", `"Smith &amp; Jones"`, true},
		{"Sue Holden (she/her)", "", anyName, false},
		{"Sue (Sunny) Holden", "", anyName, false},
		{"A (B)", "C", anyName, false},
		{"Jo “JJ” Bloggs", "", anyName, false},
		{"Sue `Sunny` Holden", "", anyName, false},
	} {
		if got, ok := quotedName(tc.name, tc.org); got != tc.want || ok != tc.ok {
			t.Errorf("quotedName(%q, %q) = %s, %v, want %s, %v", tc.name, tc.org, got, ok, tc.want, tc.ok)
		}
	}
	// A member whose Slack name has brackets is offered by mention alone:
	// in quotes, the brackets would be read as an organisation, and the
	// apologies recorded for someone not on the committee.
	got := didYouMean([]Member{{UserID: "USUE", Name: "Sue Holden (she/her)"}}, "`/apologies for %s …`")
	if want := "did you mean Sue Holden (she/her)? Name them as <@USUE>."; got != want {
		t.Errorf("did you mean:\n got %s\nwant %s", got, want)
	}
}

// FuzzNameTyped: "/attendance Neil Frackelton (SWACA) present" answers
// with the mention in place of the name however much of it was typed;
// what is left is never empty, and never starts with a word of the name
// that followed the one taken for it.
func FuzzNameTyped(f *testing.F) {
	m := Member{UserID: "UNEIL", Name: "Neil  Frackelton", Organisation: "SWACA (Sefton)"}
	for _, s := range []string{"neil present", "Neil Frackelton present", "neil frackelton (SWACA (Sefton)) late 10:20",
		"frackelton left", "Neil Frackelton", "Neil Frackelton (SWACA", "neil (swaca (sefton)) x", "neil neil neil", "neil's x", "\xff x", "neil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		args := strings.Fields(text)
		if len(args) < 2 {
			return
		}
		n := nameTyped(m, args)
		if n < 1 || n > len(args)-1 {
			t.Fatalf("%q: %d of %d words taken for the name", text, n, len(args))
		}
	})
}
