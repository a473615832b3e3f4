package commands

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// InterestCategory is the heading an entry in the register of interests
// comes under: one of the seven kinds of disclosable pecuniary interest of
// the 2012 regulations, other registrable interests, or gifts and
// hospitality.
type InterestCategory string

// Categories of the register, each one word as typed.
const (
	CategoryEmployment  InterestCategory = "employment"
	CategorySponsorship InterestCategory = "sponsorship"
	CategoryContracts   InterestCategory = "contracts"
	CategoryLand        InterestCategory = "land"
	CategoryLicences    InterestCategory = "licences"
	CategoryTenancies   InterestCategory = "tenancies"
	CategorySecurities  InterestCategory = "securities"
	CategoryOther       InterestCategory = "other"
	CategoryGifts       InterestCategory = "gifts"
)

// interestCategories lists the categories in the register's order, with
// the register's wording and the words people use for each.
var interestCategories = []struct {
	cat      InterestCategory
	wording  string
	synonyms []string
}{
	{CategoryEmployment, "employment, office, trade, profession or vocation", []string{"employment", "employer", "employed", "job", "office", "trade", "profession", "vocation", "work"}},
	{CategorySponsorship, "sponsorship", []string{"sponsorship", "sponsor", "sponsors", "sponsored"}},
	{CategoryContracts, "contracts", []string{"contracts", "contract"}},
	{CategoryLand, "land", []string{"land", "property", "properties"}},
	{CategoryLicences, "licences", []string{"licences", "licence", "licenses", "license"}},
	{CategoryTenancies, "corporate tenancies", []string{"tenancies", "tenancy", "tenant", "tenants", "lease"}},
	{CategorySecurities, "securities", []string{"securities", "security", "shares", "shareholding", "shareholdings", "stock"}},
	{CategoryOther, "other registrable interest", []string{"other", "ori", "membership", "memberships", "bodies", "body", "charity", "charities", "union"}},
	{CategoryGifts, "gifts and hospitality", []string{"gifts", "gift", "hospitality"}},
}

// Wording is how the register names the category: "corporate tenancies".
func (c InterestCategory) Wording() string {
	for _, ic := range interestCategories {
		if ic.cat == c {
			return ic.wording
		}
	}
	return string(c)
}

// Pecuniary reports whether entries of the category are disclosable
// pecuniary interests.
func (c InterestCategory) Pecuniary() bool { return c != CategoryOther && c != CategoryGifts }

// ParseCategory reads one word as a category, in any of its synonyms.
func ParseCategory(w string) (InterestCategory, bool) {
	w = strings.ToLower(strings.Trim(w, ",:;."))
	for _, ic := range interestCategories {
		for _, s := range ic.synonyms {
			if s == w {
				return ic.cat, true
			}
		}
	}
	return "", false
}

// categoryWords lists the categories as typed, for usage errors.
func categoryWords() string {
	words := make([]string, 0, len(interestCategories))
	for _, ic := range interestCategories {
		if ic.cat != CategoryGifts {
			words = append(words, "`"+string(ic.cat)+"`")
		}
	}
	return joinOr(words)
}

// Interest is an entry in a member's register of interests. Like a
// declaration it is never edited: removing it records when it ended.
type Interest struct {
	ID          int64
	CommitteeID int64
	UserID      string
	Name        string
	Category    InterestCategory
	Description string
	Spouse      bool // the interest is the member's spouse's or civil partner's
	// Sensitive entries' details are shown only to the member and the
	// officers, as section 32 of the Localism Act 2011 allows.
	Sensitive bool
	StartedOn Date
	AddedBy   string
	AddedAt   time.Time
	// Ended is set once the entry no longer stands.
	Ended   bool
	EndedOn Date
	EndedBy string
	// EndedAt is when the ending was recorded: the review it counts as.
	EndedAt time.Time
	// Gifts and hospitality: the day received, the value and the giver.
	GiftOn     Date
	ValuePence int
	GiftFrom   string
}

// InterestReview is when a member last confirmed their register.
type InterestReview struct {
	UserID     string
	ReviewedAt time.Time
	By         string
}

// PromptDismissal is a member's "Not relevant" to a prompt about an item.
type PromptDismissal struct {
	UserID string
	ItemID int64
}

// MaxInterestLen bounds an entry's description.
const MaxInterestLen = 1000

// DefaultGiftThresholdPence is the value of gifts and hospitality from
// which they must be registered, unless the committee sets its own.
const DefaultGiftThresholdPence = 5000

// RegisterDays is how long a new member has to complete their register
// (section 30 of the Localism Act 2011).
const RegisterDays = 28

// registerDue is the last day, in the committee's time zone, on which a
// member who joined at joined may complete their register in time.
func registerDue(joined time.Time, loc *time.Location) Date {
	d := DateOf(joined, loc)
	return DateOf(d.Start(loc).AddDate(0, 0, RegisterDays), loc)
}

// reviewDue is the last day, in the committee's time zone, of the twelve
// months a review made at reviewed covers.
func reviewDue(reviewed time.Time, loc *time.Location) Date {
	d := DateOf(reviewed, loc)
	return DateOf(d.Start(loc).AddDate(1, 0, 0), loc)
}

// dateBefore reports whether a is an earlier day than b.
func dateBefore(a, b Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// interestArgs is a parsed "/interests add [@member] [sensitive] CATEGORY
// DESCRIPTION [for spouse]".
type interestArgs struct {
	For         string // the member an officer enters it for; "" for oneself
	Sensitive   bool
	Category    InterestCategory
	Description string
	Spouse      bool
}

// spouseEndings are the words that end an entry held by the member's
// spouse or civil partner, longest first.
var spouseEndings = [][]string{
	{"for", "civil", "partner"}, {"for", "my", "spouse"}, {"for", "my", "partner"}, {"for", "spouse"}, {"for", "partner"}, {"(spouse)"}, {"(partner)"},
}

// parseInterest reads the words after "/interests add".
func parseInterest(words []string) (interestArgs, error) {
	var a interestArgs
	typed := words
	if len(words) > 0 {
		if id, _, ok := mention(words[0]); ok {
			a.For, words = id, words[1:]
		}
	}
	if len(words) > 0 && strings.EqualFold(words[0], "sensitive") {
		a.Sensitive, words = true, words[1:]
	}
	if len(words) == 0 {
		return a, fmt.Errorf("say which kind of interest it is (%s) and what it is", categoryWords())
	}
	cat, ok := ParseCategory(words[0])
	switch {
	case !ok:
		return a, unknownCategory(typed[:len(typed)-len(words)], words)
	case cat == CategoryGifts:
		return a, errors.New("gifts and hospitality have a date and a value: use `/interests gift DATE VALUE DESCRIPTION`")
	}
	a.Category, words = cat, words[1:]
	for _, end := range spouseEndings {
		if len(words) >= len(end) && equalFoldWords(words[len(words)-len(end):], end) {
			a.Spouse, words = true, words[:len(words)-len(end)]
			break
		}
	}
	if meant := spouseSlip(words); !a.Spouse && meant != "" {
		// words are as Slack sent them, escaped, mentions and all.
		line := "/interests add " + strings.Join(append(slices.Clone(typed[:len(typed)-1]), meant), " ")
		return a, fmt.Errorf("`for %s`: did you mean `%s`?", inCode(truncateText(words[len(words)-1], 40)), inCode(truncateText(line, 200)))
	}
	if len(words) > 0 && (words[0] == "-" || words[0] == "—" || words[0] == ":") {
		words = words[1:]
	}
	a.Description = plainMarked(words)
	if a.Description == "" {
		return a, fmt.Errorf("say what the interest is, e.g. `/interests add %s Trustee of SWACA`", cat)
	}
	return a, tooLong("description", a.Description, MaxInterestLen)
}

// unknownCategory refuses words, whose first is no category's name, after
// lead (the mention and "sensitive" before it). A member who typed the
// interest without its category ("Trustee of SWACA") or misspelt one is
// shown the command that would register it, theirs to check and send: a
// list of categories alone leaves them to work out where the word goes.
func unknownCategory(lead, words []string) error {
	again := func(cat string, rest []string) string {
		// The command shown is one to send as it stands: a slip of "for
		// spouse" put right too, rather than asked about once the
		// category is.
		if meant := spouseSlip(rest); meant != "" {
			rest = append(slices.Clone(rest[:len(rest)-1]), meant)
		}
		// words are as Slack sent them, escaped, mentions and all.
		line := strings.Join(append(append(append([]string{"/interests add"}, lead...), cat), rest...), " ")
		return "`" + inCode(truncateText(line, 200)) + "`"
	}
	w := []rune(strings.ToLower(strings.Trim(words[0], ",:;.")))
	meant := ""
	if len(w) >= 3 && len(w) <= 20 {
		for _, ic := range interestCategories {
			for _, syn := range ic.synonyms {
				if ic.cat != CategoryGifts && aSlipOf(w, []rune(syn)) {
					if meant != "" && meant != string(ic.cat) {
						meant = "-" // as near to two: near none
					} else {
						meant = string(ic.cat)
					}
				}
			}
		}
	}
	typed := inCode(Escape(truncateText(Unescape(words[0]), 40)))
	if meant != "" && meant != "-" {
		return fmt.Errorf("`%s`: did you mean %s?", typed, again(meant, words[1:]))
	}
	msg := fmt.Sprintf("%s is not a category of the register: say %s", quotedValue(words[0]), categoryWords())
	if len(words) > 1 && unicode.IsUpper([]rune(words[0])[0]) {
		// A capital is where a description starts, not a category.
		msg += ". If it is none of those, it is `other`: " + again(string(CategoryOther), words)
	}
	return errors.New(msg)
}

// spouseSlip is "spouse" or "partner" when words end "for" and a slip of
// it, as typed for the spouse's interest, or "". Read as part of the
// description, "for spuose" would register the spouse's interest as the
// member's own. One slip only, and not the plural: two would take in
// names and words that end descriptions as typed ("Consultant for
// Carter", "Agent for Porter", "Trustee of Homes for House", "Support for
// Partners"), which could then not be registered at all.
func spouseSlip(words []string) string {
	n := len(words)
	if n < 2 || !strings.EqualFold(words[n-2], "for") {
		return ""
	}
	last := []rune(strings.ToLower(strings.TrimRight(words[n-1], ".")))
	for _, meant := range []string{"spouse", "partner"} {
		if string(last) != meant && string(last) != meant+"s" && slips(last, []rune(meant)) <= 1 {
			return meant
		}
	}
	return ""
}

func equalFoldWords(got, want []string) bool {
	for i := range want {
		if !strings.EqualFold(got[i], want[i]) {
			return false
		}
	}
	return true
}

// giftArgs is a parsed "/interests gift [@member] DATE VALUE DESCRIPTION".
type giftArgs struct {
	For         string
	On          Date
	Pence       int
	Description string
	From        string // the giver, read from "… from GIVER"
}

// moneyPattern is an amount in pounds: 75, 75.5, 75.00, 1,200, 1200.50.
var moneyPattern = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.(\d{1,2}))?$`)

// takeMoney reads a value in pounds from the start of words: "75",
// "£75", "£75.00", "75 GBP", "GBP 75", and says how many words it used.
func takeMoney(words []string) (pence int, n int, err error) {
	if len(words) == 0 {
		return 0, 0, errors.New("say what it was worth, e.g. £75")
	}
	w, n := words[0], 1
	if strings.EqualFold(w, "gbp") && len(words) > 1 {
		w, n = words[1], 2
	}
	w = strings.TrimPrefix(w, "£")
	if len(w) > 3 && strings.EqualFold(w[len(w)-3:], "gbp") {
		w = w[:len(w)-3]
	} else if n == 1 && len(words) > 1 && strings.EqualFold(words[1], "gbp") {
		n = 2
	} else if n == 1 && len(words) > 1 && otherCurrencies[strings.ToLower(words[1])] {
		return 0, 0, fmt.Errorf("%s: give the value in pounds, e.g. £75, 75 GBP or £75.00", quotedValue(words[0]+" "+words[1]))
	}
	m := moneyPattern.FindStringSubmatch(w)
	if m == nil && (strings.HasPrefix(w, "-") || strings.HasPrefix(w, "−") || strings.HasPrefix(words[0], "-")) {
		return 0, 0, fmt.Errorf("%s: the amount must not be negative", quotedValue(words[0]))
	}
	if m == nil {
		// A number, but too big or with too many pence: "not a value"
		// would leave the member to guess which.
		if whole, frac, _ := strings.Cut(w, "."); isDigits(strings.ReplaceAll(whole, ",", "")) {
			if len(frac) > 2 && isDigits(frac) {
				return 0, 0, fmt.Errorf("%s: give pence as two figures, e.g. £75.50", quotedValue(words[0]))
			}
			if len(strings.ReplaceAll(whole, ",", "")) > 7 && (frac == "" || isDigits(frac)) {
				return 0, 0, fmt.Errorf("%s is more than I can record: the most is £9,999,999.99", quotedValue(words[0]))
			}
		}
		if strings.ContainsAny(words[0], "$€¥") || len(words) > 1 && len(words[1]) == 3 && strings.ToUpper(words[1]) == words[1] && isDigits(strings.TrimPrefix(w, "£")) {
			return 0, 0, fmt.Errorf("%s: give the value in pounds, e.g. £75, 75 GBP or £75.00", quotedValue(words[0]))
		}
		return 0, 0, fmt.Errorf("%s is not a value: say what it was worth in pounds, e.g. £75", quotedValue(words[0]))
	}
	pounds, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	if err != nil || pounds > 9_999_999 {
		return 0, 0, fmt.Errorf("%s is more than I can record", quotedValue(words[0]))
	}
	pennies := 0
	if m[2] != "" {
		frac := m[2]
		if len(frac) == 1 {
			frac += "0"
		}
		pennies, _ = strconv.Atoi(frac)
	}
	return pounds*100 + pennies, n, nil
}

// quotedValue is a value as typed, quoted back in a refusal: shortened,
// escaped once, and with no backquote that would open a code span the
// usage below it then closes.
func quotedValue(w string) string {
	return `"` + inCode(Escape(truncateText(Unescape(w), 20))) + `"`
}

// otherCurrencies are currencies a value may be given in by mistake.
var otherCurrencies = map[string]bool{"usd": true, "eur": true, "euro": true, "euros": true, "dollars": true, "dollar": true, "aud": true, "cad": true, "chf": true, "jpy": true}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// formatPence writes a value as the register does: "£75" or "£75.50".
func formatPence(p int) string {
	if p%100 == 0 {
		return "£" + strconv.Itoa(p/100)
	}
	return fmt.Sprintf("£%d.%02d", p/100, p%100)
}

// parseGift reads the words after "/interests gift". A gift cannot be
// received on a day still to come in the committee's time zone.
func parseGift(words []string, now time.Time, loc *time.Location) (giftArgs, error) {
	var g giftArgs
	if len(words) > 0 {
		if id, _, ok := mention(words[0]); ok {
			g.For, words = id, words[1:]
		}
	}
	typed := words
	d, n, err := takePastDate(words, now, loc)
	switch {
	case err != nil:
		return g, err
	case n == 0 && len(words) > 0 && relativeDay(dayWords(words), now, loc, -1) != nil:
		return g, relativeDay(dayWords(words), now, loc, -1)
	case n == 0 || d.IsNext():
		if again := giftInOrder(g.For, typed, now, loc); again != "" {
			return g, errors.New("start with the day it was received, then the value: " + again)
		}
		return g, errors.New("start with the day it was received, e.g. `/interests gift 2026-11-03 £75 Dinner from Sefton CVS`")
	case dateBefore(DateOf(now, loc), d):
		return g, fmt.Errorf("%s is still to come: register a gift once it has been received", d)
	}
	g.On, words = d, words[n:]
	// A gift received more than a year ago is more likely a slip in the
	// year (1990 for 2026) than a gift registered that late, but a late
	// one, over a term of office, is not impossible: it is asked about,
	// and taken with `confirm` last, as /agenda remove takes an item with
	// records under it. `confirm` is read so only for such a day, so that
	// a recent gift's description may end with the word.
	longAgo, confirmed := dateBefore(d, DateOf(now.AddDate(-1, 0, 0), loc)), false
	if k := len(words) - 1; longAgo && k >= 0 && strings.EqualFold(words[k], "confirm") {
		confirmed, words = true, words[:k]
	}
	g.Pence, n, err = takeMoney(words)
	if err != nil {
		if again := giftInOrder(g.For, typed, now, loc); again != "" {
			return g, errors.New("put the value straight after the day: " + again)
		}
		return g, err
	}
	words = words[n:]
	g.Description = plainMarked(words)
	if g.Description == "" {
		return g, errors.New("say what it was and who gave it, e.g. Dinner from Sefton CVS")
	}
	if err := tooLong("description", g.Description, MaxInterestLen); err != nil {
		return g, err
	}
	for i := len(words) - 2; i >= 0; i-- {
		if strings.EqualFold(words[i], "from") {
			g.From = plainMarked(words[i+1:])
			break
		}
	}
	if longAgo && !confirmed {
		return g, fmt.Errorf("%s is more than a year ago: check the year. Nothing was added. If the gift was received that day, send the same line again with `confirm` at the end", d)
	}
	return g, nil
}

// InterestMatch is why an entry in a register may concern an agenda item:
// the words of the entry found in the item, and where.
type InterestMatch struct {
	Words []string // as normalised, e.g. ["sefton", "cvs"]
	// Fields are the parts of the item they were found in: "title",
	// "presenter", "organisation".
	Fields []string
}

// ItemText is the text of an agenda item the matcher reads.
type ItemText struct {
	Title, Presenter, Organisation string
}

// MatchInterest says whether a register entry (its description) may
// concern an agenda item, and why. It is conservative: an entry matches
// only by a name it contains — a run of capitalised words such as "Sefton
// CVS", "SWACA" or "Bootle Strand" — found whole, in order, in the item;
// an entry typed all in lower case matches by two of its words found
// together. Case, punctuation, "Ltd"/"Limited" and "&"/"and" do not count.
// Names that are only a role or a generic word ("Council", "Trustee") never
// match alone.
func MatchInterest(entry string, item ItemText) (InterestMatch, bool) {
	return matchNames(entryNames(entry, true), item)
}

// MatchGiver is MatchInterest for the giver of a gift: a name, not a
// sentence, so its first word counts as the others do ("Acme Builders"
// is a name of two words, where "Trustee of SWACA" starts a sentence).
func MatchGiver(giver string, item ItemText) (InterestMatch, bool) {
	return matchNames(entryNames(giver, false), item)
}

// matchNames finds names in item's fields.
func matchNames(names [][]string, item ItemText) (InterestMatch, bool) {
	var out InterestMatch
	seen := map[string]bool{}
	for _, f := range []struct{ name, text string }{{"title", item.Title}, {"presenter", item.Presenter}, {"organisation", item.Organisation}} {
		toks := matchTokens(f.text)
		found := false
		for _, name := range names {
			if run, ok := matchedRun(toks, name); ok {
				found = true
				for _, w := range run {
					if !seen[w] {
						seen[w] = true
						out.Words = append(out.Words, w)
					}
				}
			}
		}
		if found {
			out.Fields = append(out.Fields, f.name)
		}
	}
	return out, len(out.Fields) > 0
}

// genericWords are words too common in registers and agendas to match on
// their own: roles, kinds of body, places' generic parts.
var genericWords = map[string]bool{
	"the": true, "of": true, "and": true, "for": true, "a": true, "an": true, "in": true, "on": true, "to": true, "at": true, "by": true, "with": true,
	"ltd": true, "plc": true, "llp": true, "cic": true, "inc": true, "co": true, "company": true, "group": true, "uk": true,
	"council": true, "borough": true, "county": true, "city": true, "metropolitan": true, "town": true, "parish": true,
	"head": true, "deputy": true, "teacher": true, "manager": true, "officer": true, "volunteer": true, "chief": true, "executive": true, "councillor": true,
	"member": true, "trustee": true, "director": true, "chair": true, "governor": true, "employee": true, "employed": true, "owner": true,
	"board": true, "committee": true, "trust": true, "association": true, "society": true, "partnership": true, "limited": true,
	"update": true, "report": true, "strategy": true, "plan": true, "review": true, "service": true, "services": true,
	"local": true, "national": true, "community": true, "north": true, "south": true, "east": true, "west": true,
	"charity": true, "charities": true, "school": true, "schools": true, "church": true, "club": true, "party": true, "home": true, "flat": true,
	"shares": true, "house": true, "road": true, "street": true, "land": true, "my": true, "spouse": true, "partner": true, "i": true,
}

// connectors may sit inside a name: "Bank of England", "Friends of the Earth".
var connectors = map[string]bool{"of": true, "and": true, "the": true, "for": true, "de": true}

// entryNames finds the names in an entry, each as normalised words: runs
// of capitalised words (in a sentence, the first word of the entry counts
// only when it is all capitals, as sentences start with a capital), with
// connectors inside them. A name of generic words only is dropped. An
// entry with no capitals gives its pairs of adjacent non-generic words
// instead.
func entryNames(entry string, sentence bool) [][]string {
	var names [][]string
	var run []string
	flush := func() {
		for len(run) > 0 && connectors[run[len(run)-1]] {
			run = run[:len(run)-1]
		}
		if len(run) > 0 && !allGeneric(run) {
			names = append(names, run)
		}
		run = nil
	}
	anyCap, first := false, true
	// Punctuation ends a name: "Head Teacher, Chesterfield High School"
	// names two things.
	for _, part := range nameBreaks.Split(Unescape(entry), -1) {
		for _, w := range rawWords(part) {
			lw := normalWord(w)
			if lw == "" {
				continue
			}
			capital := isCapitalised(w) && (!first || !sentence || isAllCaps(w))
			first = false
			switch {
			case capital:
				anyCap = true
				run = append(run, lw)
			case len(run) > 0 && connectors[lw]:
				run = append(run, lw)
			default:
				flush()
			}
		}
		flush()
	}
	if anyCap {
		return names
	}
	// All in lower case: pairs of adjacent words that are not generic, or
	// the one such word when there is only one ("trustee of swaca").
	toks := matchTokens(entry)
	var own []string
	for _, w := range toks {
		if !genericWords[w] {
			own = append(own, w)
		}
	}
	if len(own) == 1 && len(own[0]) >= 4 {
		return [][]string{own}
	}
	for i := 0; i+1 < len(toks); i++ {
		if !genericWords[toks[i]] && !genericWords[toks[i+1]] {
			names = append(names, []string{toks[i], toks[i+1]})
		}
	}
	return names
}

// nameBreaks are the punctuation that separates names in an entry.
var nameBreaks = regexp.MustCompile(`[,;:()\[\]/–—]|\s-\s|\.\s`)

func allGeneric(words []string) bool {
	for _, w := range words {
		if !genericWords[w] && !connectors[w] {
			return false
		}
	}
	return true
}

// rawWords splits text into words as typed, "&" standing alone as "and"
// and punctuation other than apostrophes and hyphens inside words
// separating them.
func rawWords(s string) []string {
	s = Unescape(s)
	s = strings.ReplaceAll(s, "&", " and ")
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’')
	})
}

// normalWord is a word as matched: lower case, without apostrophes or a
// possessive "s", "limited" as "ltd".
func normalWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = apostrophes.Replace(w)
	if w == "limited" {
		w = "ltd"
	}
	return w
}

// apostrophes removes them. Made once: a Replacer builds its table on
// first use, and an agenda matches every declaration against the register
// word by word.
var apostrophes = strings.NewReplacer("'", "", "’", "")

// matchTokens is text as normalised words.
func matchTokens(s string) []string {
	var out []string
	for _, w := range rawWords(s) {
		if n := normalWord(w); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters >= 2
}

// companySuffixes may be missing from an item's name of a company:
// "Acme Ltd" matches "Acme".
var companySuffixes = map[string]bool{"ltd": true, "plc": true, "llp": true, "cic": true, "inc": true, "co": true}

// containsRun reports whether name's words appear in toks, in order and
// adjacent, but for a company suffix at its end.
func containsRun(toks, name []string) bool {
	_, ok := matchedRun(toks, name)
	return ok
}

// matchedRun is containsRun with the words of name found in toks: all of
// them, or all but the company suffixes the item leaves out ("Acme" for
// "Acme Ltd"), which the answer must not say the item names.
func matchedRun(toks, name []string) ([]string, bool) {
	if hasRun(toks, name) {
		return name, len(name) > 0
	}
	core := name
	for len(core) > 1 && companySuffixes[core[len(core)-1]] {
		core = core[:len(core)-1]
	}
	if len(core) == 0 || len(core) == len(name) {
		return nil, false
	}
	return core, hasRun(toks, core)
}

// hasRun reports whether run's words appear in toks, in order and
// adjacent.
func hasRun(toks, run []string) bool {
	for i := 0; i+len(run) <= len(toks); i++ {
		if slices.Equal(toks[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// giftInOrder is the gift command for words that give the day received
// and a value in pounds (with its £ or GBP) somewhere other than where
// they go ("Dinner from Acme £60 on 1 November 2026"), with them put
// first, in a code span; "" when words do not hold both. The day is the
// first run of words read as one; "on" before it, and "worth" or "valued
// at" before the value, are dropped.
func giftInOrder(forID string, words []string, now time.Time, loc *time.Location) string {
	var (
		day   Date
		found bool
		rest  []string
	)
	for i := range words {
		if d, n, err := takePastDate(words[i:], now, loc); err == nil && n > 0 && !d.IsNext() {
			j := i
			if j > 0 && strings.EqualFold(words[j-1], "on") {
				j--
			}
			day, found = d, true
			rest = append(append(rest, words[:j]...), words[i+n:]...)
			break
		}
	}
	if !found {
		return ""
	}
	for i, w := range rest {
		if !strings.HasPrefix(w, "£") && !strings.EqualFold(w, "gbp") && (i+1 >= len(rest) || !strings.EqualFold(rest[i+1], "gbp")) {
			continue
		}
		pence, n, err := takeMoney(rest[i:])
		if err != nil {
			return ""
		}
		j := i
		switch {
		case j > 0 && strings.EqualFold(rest[j-1], "worth"):
			j--
		case j > 1 && strings.EqualFold(rest[j-2], "valued") && strings.EqualFold(rest[j-1], "at"):
			j -= 2
		}
		desc := append(append([]string{}, rest[:j]...), rest[i+n:]...)
		if len(desc) == 0 {
			return ""
		}
		line := "/interests gift "
		if forID != "" {
			line += "<@" + forID + "> "
		}
		// desc is as Slack sent it, escaped.
		line += day.iso() + " " + formatPence(pence) + " " + strings.Join(desc, " ")
		return "`" + inCode(truncateText(line, 200)) + "`"
	}
	return ""
}
