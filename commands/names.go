package commands

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Committee names are compared, and shown to people choosing between
// committees, so two that read the same must not both exist: one with a
// zero-width space, a right-to-left mark or a Cyrillic "а" in it would pass
// for the other. Names are normalised before they are compared or stored,
// compared by their look-alike skeleton, and a name mixing scripts is
// pointed out to the officer who chose it.

// NormalizeName is a committee's name as it is stored: Unicode NFKC (so
// full-width and compatibility letters become their plain forms), without
// invisible format characters (zero-width spaces and joiners, bidi
// controls, soft hyphens, byte-order marks) or invisible fillers, and with
// its white space collapsed to single spaces.
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) || invisibleFillers[r] {
			return -1
		}
		return r
	}, s)
	// Normalised again, as what the invisible character stood between
	// now meets: "A", a zero-width space and a grave accent is "À", as
	// NFKC writes it, or the name would not be stored or compared as the
	// same name typed with "À".
	s = norm.NFKC.String(s)
	return strings.Join(strings.Fields(s), " ")
}

// invisibleFillers are letters that show as nothing, which NFKC keeps.
var invisibleFillers = map[rune]bool{'\u115F': true, '\u1160': true, '\u3164': true, '\uFFA0': true, '\u034F': true}

// NameSkeleton is what a name looks like, for telling whether two names
// would be mistaken for each other: normalised, without accents (an
// officer typing "Safer Séfton Together" means the committee without
// one, and a reader of the two names takes one for the other), with the
// Cyrillic and Greek letters that look like Latin ones read as those
// (before folding case, as an upper-case letter can look like another
// letter than its lower case does), then in lower case.
func NameSkeleton(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		if l, ok := latinLookAlikes[r]; ok {
			return l
		}
		return r
	}, norm.NFD.String(NormalizeName(s)))
	return strings.ToLower(s)
}

// latinLookAlikes maps letters of other scripts to the Latin letters they
// cannot be told from in most typefaces (after Unicode's confusables list,
// UTS #39).
var latinLookAlikes = map[rune]rune{
	// Cyrillic
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
	'Х': 'X', 'У': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԛ': 'Q', 'Ԝ': 'W', 'Һ': 'H', 'Ӏ': 'I',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j',
	'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ѵ': 'v',
	// Greek
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
	'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	'α': 'a', 'ο': 'o', 'ρ': 'p', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'υ': 'u',
}

// scriptsToTell are the scripts whose mixing in one name is pointed out.
var scriptsToTell = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek},
	{"Armenian", unicode.Armenian}, {"Cherokee", unicode.Cherokee}, {"Georgian", unicode.Georgian},
	{"Hebrew", unicode.Hebrew}, {"Arabic", unicode.Arabic}, {"Han", unicode.Han},
	{"Hiragana", unicode.Hiragana}, {"Katakana", unicode.Katakana}, {"Hangul", unicode.Hangul},
	{"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai},
}

// MixedScripts names the scripts of the letters in s, in order, when they
// are more than one (a name in Latin letters with a Cyrillic "а" is
// "Cyrillic, Latin"); nil when s is written in one script.
func MixedScripts(s string) []string {
	seen := map[string]bool{}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, sc := range scriptsToTell {
			if unicode.Is(sc.table, r) {
				seen[sc.name] = true
				break
			}
		}
	}
	if len(seen) < 2 {
		return nil
	}
	var out []string
	for name := range seen {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// LookAlike is the error of a committee name that reads the same as an
// existing committee's (Name), though its characters differ.
type LookAlike struct{ Name string }

func (e *LookAlike) Error() string { return "name looks like committee " + e.Name }

// Unwrap makes a LookAlike an ErrConflict.
func (e *LookAlike) Unwrap() error { return ErrConflict }

// ChannelTaken is the error of setting up a committee in a channel that
// another workspace's committee has: a channel shared between workspaces
// keeps its ID in each, and two committees there would post their agendas
// and reminders into one channel, each taking the other's members' words
// for its own business. Name is that committee's.
type ChannelTaken struct{ Name string }

func (e *ChannelTaken) Error() string { return "channel belongs to committee " + e.Name }

// Unwrap makes a ChannelTaken an ErrConflict.
func (e *ChannelTaken) Unwrap() error { return ErrConflict }

// NearName is the error of a committee name, given to an import, that no
// committee has but that is near the names of committees that exist
// (Names): most likely one of them mistyped or shortened, for which a
// second committee would be made and its records split from the first's.
type NearName struct {
	Name  string
	Names []string
}

func (e *NearName) Error() string {
	return "no committee is called " + e.Name + "; near " + strings.Join(e.Names, ", ")
}

// Unwrap makes a NearName an ErrConflict.
func (e *NearName) Unwrap() error { return ErrConflict }

// NearNames are those of names near name (see nearName), in their order.
func NearNames(name string, names []string) []string {
	var out []string
	for _, n := range names {
		if nearName(name, n) {
			out = append(out, n)
		}
	}
	return out
}

// nearName reports whether committee names a and b are near enough to be
// taken for one another: they look alike (NameSkeleton), or differ by a
// slip of the keyboard or two (one for every eight letters), or the
// shorter's words, two or more, are the first words of the other, which
// only adds to them ("Safer Sefton" for "Safer Sefton Together"). Names
// that differ in a word that tells committees apart — a number, a single
// letter, a direction ("Area Committee 2", "Sub-Committee B", "Planning
// Committee South") — are never near, however alike: councils number and
// letter their committees, and taking one for another would import
// records into the wrong one. Nor are names where words come before or
// inside the other's ("Strategic Planning Committee"), which is as often
// another committee as a longer name of the same.
func nearName(a, b string) bool {
	a, b = NameSkeleton(a), NameSkeleton(b)
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 100 || len(rb) > 100 {
		return false
	}
	wa, wb := nameWords(a), nameWords(b)
	if toldApart(wa, wb) {
		return false
	}
	if slips(ra, rb) <= max(1, min(len(ra), len(rb))/8) {
		return true
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	return len(wa) >= 2 && slices.Equal(wa, wb[:len(wa)])
}

// toldApart reports whether a word of one name and not the other is one
// that tells committees apart: a number, a single letter, a Roman numeral
// or a direction.
func toldApart(wa, wb []string) bool {
	for _, pair := range [][2][]string{{wa, wb}, {wb, wa}} {
		for _, w := range pair[0] {
			if slices.Contains(pair[1], w) {
				continue
			}
			if utf8.RuneCountInString(w) == 1 || isDigits(w) || distinguishingWords[w] {
				return true
			}
		}
	}
	return false
}

// distinguishingWords tell one committee from another of the same name.
var distinguishingWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "upper": true, "lower": true, "inner": true, "outer": true,
	"ii": true, "iii": true, "iv": true, "vi": true, "vii": true, "viii": true, "ix": true, "xi": true, "xii": true,
}

// nameWords are the words of a name, lower case, without punctuation and
// the small words that say nothing of which committee it is.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if w != "the" && w != "and" && w != "of" && w != "for" {
			out = append(out, w)
		}
	}
	return out
}

// genericNameWords name a kind of committee, not one.
var genericNameWords = map[string]bool{
	"committee": true, "board": true, "panel": true, "partnership": true, "council": true, "cabinet": true,
	"forum": true, "group": true, "scrutiny": true, "sub": true, "joint": true, "executive": true,
}

// personKey is a person's name as it is matched against a name typed for
// them: an officer on a British keyboard types "Sian Ni Bhriain" for Siân
// Ní Bhriain, "O'Neill" for O’Neill, and a name sent by a Mac may spell é
// as e and a combining accent. Normalised (NormalizeName), without
// accents, with one apostrophe, in lower case. Not a stored key: see
// NameKey for those.
func personKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		if nameApostrophes[r] {
			return '\''
		}
		if l, ok := undecomposed[r]; ok {
			return l
		}
		return r
	}, norm.NFD.String(NormalizeName(s)))
	return strings.ToLower(s)
}

// nameApostrophes are the characters typed, or put by autocorrect, for the
// apostrophe of a name.
var nameApostrophes = map[rune]bool{'’': true, '‘': true, 'ʼ': true, '`': true, '´': true, '′': true}

// undecomposed are accented letters of names that Unicode gives no
// decomposition, so that they keep their accent in NFD: "Lukasz" typed for
// Łukasz.
var undecomposed = map[rune]rune{'Ł': 'L', 'ł': 'l', 'Ø': 'O', 'ø': 'o', 'Đ': 'D', 'đ': 'd', 'ı': 'i'}

// collators are British English collators that ignore case, accents and
// width, so that people are listed as a reader looks a name up: Órla under
// O, Éamon under E, "dani morris" among the Ds, not after Zoë as their
// character codes, or a database under the C locale, would put them. A
// Collator keeps buffers, so each sort takes one of its own.
var collators = sync.Pool{New: func() any { return collate.New(language.BritishEnglish, collate.Loose) }}

// SortByName sorts people by name (name gives it), keeping the order s
// came in for names that compare the same.
func SortByName[T any](s []T, name func(T) string) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	slices.SortStableFunc(s, func(a, b T) int { return c.CompareString(name(a), name(b)) })
}

func memberName(m Member) string { return m.Name }

// membersNamed are the members name (with org, as namesMember reads them)
// names: the one whose name it is as written, ignoring case and spacing;
// else every member it names without accents or with the other apostrophe
// (namesMember). Two members may differ by an accent alone (Sean Murphy,
// Seán Murphy): written exactly, the name is the one it spells; written
// loosely, it is both, and the caller asks which rather than take the
// first.
func membersNamed(members []Member, name, org string) []Member {
	var loose []Member
	for _, m := range members {
		if FoldName(m.Name) == FoldName(name) || org != "" && FoldName(m.Name) == FoldName(name+" ("+org+")") {
			return []Member{m}
		}
		if namesMember(m, name, org) {
			loose = append(loose, m)
		}
	}
	return loose
}

// namedTwice refuses name, with org, written for members it names more
// than one of (membersNamed): which is meant is the sender's to say.
func namedTwice(c Committee, name, org string, meant []Member) error {
	if org != "" {
		name += " (" + org + ")"
	}
	return userErr("\"%s\" may be any of %d members of %s: %s", Escape(truncateText(name, 60)), len(meant), Escape(c.Name), didYouMean(meant, ""))
}
