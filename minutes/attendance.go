package minutes

import (
	"strconv"
	"strings"
)

var (
	noApologiesRe = compileLater(`(?i)\bno\s+apologies\b|\bapologies\b[^.]{0,40}?[:\s-]\s*(?:none|nil)\b|\bthere\s+were\s+no\s+apologies\b`)
	apologiesRe   = compileLater(`(?i)^apologies(?:\s+for\s+absence)?(?:\s+were\s+received)?\s*[:–—-]\s*(.+)$|\bapologies\b(?:\s+for\s+(?:absence|lateness))?[^.:]{0,60}?\b(?:from|on\s+behalf\s+of)\s+(.+)$|(?:^apologies|(?-i:\bApologies))(?:\s+for\s+absence)?\s+((?:county\s+|district\s+)?(?:cllrs?|councillors?)\b.+)$|(?-i:\bApologies)\s*:\s*(.+)$`)
	// sentApologiesRe is apologies a person sent for their absence: "Cllr
	// E White sent her apologies", "D sent apologies for the meeting";
	// not "offered her apologies for the error in the minutes", said by
	// someone present.
	sentApologiesRe = compileLater(`(?i)^(.{1,80}?)\s+(?:had\s+|has\s+)?(?:sent|sends|tendered|offered|submitted|gave)\s+(?:his|her|their)?\s*apologies(?:\s+for\s+(?:absence|the\s+meeting|this\s+meeting|being\s+unable\s+to\s+attend)|\s+as\s+(?:he|she|they)\s+(?:was|were|is|are)\s+unable\s+to\s+attend)?\s*[.;]?\s*$`)
	// excusedRe is a US roll call's excused absences, which are what
	// apologies are elsewhere: "Absent: Councilmember Evans (excused)."
	excusedRe = compileLater(`(?i)\babsent\s*:\s*([^.:]{1,300}?\(excused\)[^.:]{0,300}?)(?:\.(?:\s|$)|$|\s\p{Lu}[a-z]+:)`)
	// apologiesEndRe ends a list of names where the sentence goes on
	// ("… M Daniels and were formally accepted", "…, it was resolved to
	// accept these", "…, who had recently given birth").
	apologiesEndRe = compileLater(`(?:,\s*|\s+and\s+|\s+)(?:it|these|which|who|were|was|had|has)\s|,\s*the\s+(?:meeting|chair|committee|council)\b|\s[–—-]\s`)
	// apologyReasonRe is a reason printed after a name: "(family commitment)".
	apologyReasonRe = compileLater(`(?i)^(?:family|work|personal|holiday|illness|ill|leave|other|business|prior|medical|health|unwell|away|on\s+holiday)\b`)
	// substituteRe is a substitute named in a list of apologies ("…
	// Councillor A, with Councillor B attending as substitute, and …",
	// "…, represented by Tom Smith") or in the bracket after the absent
	// member ("(substituted by Cllr B)", "(Cllr B deputising)"): present,
	// so not an apology.
	substituteRe = compileLater(`(?i)^(?:with|represented\s+by|substituted\s+by|deputised\s+by|replaced\s+by)\s|\bsubstitut|\bdeputis|\brepresented\s+by|\battend(?:ing|ed|s)\s+(?:as|in\s+(?:his|her|their)\s+place)\b`)
	// substituteTailRe is the substitute named after the absent member in
	// the same piece: "Mark Bell (Police) with Inspector Ann Kaye attending
	// in his place".
	substituteTailRe = compileLater(`(?i)\s+(?:with\s.*?\b(?:attending|substitut|deputis|in\s+(?:his|her|their)\s+place)|(?:represented|substituted|deputised|replaced)\s+by\b).*$`)
	// dashReasonRe is the dash between an absent member's name and the
	// reason.
	dashReasonRe = compileLater(`\s[–—-]\s`)
	// otherLabelRe ends a list of apologies printed on the line before the
	// next list ("Apologies: Fionnuala Roche Also Present: Ms. Orla Kinsella").
	otherLabelRe = compileLater(`\s(?:Also\s+[Pp]resent|ALSO\s+PRESENT|Present|PRESENT|In\s+[Aa]ttendance|IN\s+ATTENDANCE|Officers)\s*:`)
	declaredRe   = compileLater(`(?i)^(.*?)\s+(?:declared|declares|disclosed|made\s+a\s+declaration\s+of)\s+(?:an?\s+|their\s+|his\s+|her\s+)?(.{0,80}?)\binterests?\b(.*)$`)
	// declRefRe is a minute named by its reference alone, "in
	// TC/24/118(b)", without "item" or "minute" before it; the part in
	// brackets is the minute's, not another.
	declRefRe = compileLater(`^\s*(?i:in|on|under|regarding|concerning)\s+([A-Z]{1,4}/\d{2,4}/\d{1,4})(?:\([a-z]{1,4}\))?\b`)
	// declItemRe is the item a declaration is made in, or the items: "in
	// items 5 and 6", "in items 3, 4 and 7", "in items 5 to 7" (see
	// declItems).
	declItemRe   = compileLater(`(?i)\b(?:in|on|regarding|in\s+relation\s+to|relating\s+to|concerning|with\s+regard\s+to|under)\s+(?:agenda\s+)?(?:item|minute)s?\s+(?:no\.?\s*)?` + declItemList)
	declThisRe   = compileLater(`(?i)\b(?:in|on)\s+(?:this|the\s+(?:above|following))\s+(?:item|matter|minute)\b`)
	noDeclRe     = compileLater(`(?i)\bno\s+(?:declarations?|disclosures?)\b[^.]{0,120}?\b(?:received|made|declared|submitted|given|recorded)\b|\bthere\s+were\s+no\s+(?:declarations|interests\s+declared|disclosures)\b|\bno\s+(?:members?\s+)?(?:declared|disclosed)\s+(?:any\s+)?interests?\b|\bno\s+interests?\s+(?:were\s+)?(?:declared|disclosed)\b|\bdeclarations?\s+of\s+interests?\s*[:–—-]\s*none\b`)
	natureLeadRe = compileLater(`(?i)^(?:\([^)]*\)\s*)?[,;:–—-]?\s*(?:as\s+|fel\s+|because\s+|by\s+virtue\s+of\s+|in\s+that\s+|due\s+to\s+|being\s+|since\s+|owing\s+to\s+)?`)
	abbrevs      = map[string]bool{"No": true, "Nos": true, "Cllr": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Prof": true, "Rev": true, "Cllrs": true, "Cyng": true, "e.g": true, "i.e": true, "approx": true}
)

// declItemNum is an item's number as a declaration names it: "5",
// "23/075", "C251/24", "4.2", "5a".
const declItemNum = `(?-i:[A-Z]{1,4}[./ ]?)?\d{1,4}(?:/\d{2,4}){0,2}(?:\.\d{1,2})?[a-z]?`

// declItemEnd ends an item's number: a word's end, or a part of the
// item in brackets, "5(a)", the declaration being in the item (as
// declRefRe reads a minute's).
const declItemEnd = `(?:\([a-z]{1,3}\)|\b)`

// declItemList is the items one declaration names, as a group, in a
// sentence or a table's row: "5", "5 and 6", "3, 4 and 7", "5 & 6", "5 to
// 7", "5(a) and 6", and in Welsh "4 a 5" (see declItems).
const declItemList = `(` + declItemNum + declItemEnd + `(?:(?:,\s*|\s*,?\s+(?:and|(?-i:a))\s+|\s*&\s*|\s+to\s+)` + declItemNum + declItemEnd + `)*)`

// declItemSepRe is what separates the items of one declaration: "5 and
// 6", "3, 4 and 7", "5 & 6", and in Welsh "4 a 5".
var declItemSepRe = compileLater(`(?i)\s*,?\s+(?:and|(?-i:a))\s+|,\s*|\s*&\s*`)

// declItems are the items one declaration names (declItemRe's group):
// "5 and 6", "3, 4 and 7", and "5 to 7" for every item from 5 to 7, when
// both ends are whole numbers at most maxItemRange apart; other ends ("4.2
// to 4.5") are the two items named.
func declItems(s string) []string {
	var out []string
	for _, part := range declItemSepRe.Split(s, -1) {
		if i := strings.IndexByte(part, '('); i > 0 {
			// "5(a)": item 5, named once however many of its parts are.
			part = part[:i]
			if len(out) > 0 && out[len(out)-1] == part {
				continue
			}
		}
		f := strings.Fields(part)
		if len(f) != 3 || !strings.EqualFold(f[1], "to") {
			out = append(out, part)
			continue
		}
		from, to := f[0], f[2]
		a, errA := strconv.Atoi(from)
		b, errB := strconv.Atoi(to)
		if errA != nil || errB != nil || b <= a || b-a > maxItemRange {
			out = append(out, from, to)
			continue
		}
		for n := a; n <= b; n++ {
			out = append(out, strconv.Itoa(n))
		}
	}
	return out
}

// singleItemEndRe is where the items after "item" (not "items") end:
// before "to" or a lower-case "a", which join items only after "items"
// ("items 5 to 7", Welsh "eitemau 4 a 5").
var singleItemEndRe = compileLater(`\s+to\s+|\s*,?\s+a\s+`)

// pluralItems reports whether lead, what declItemRe matched before the
// items, names them in the plural: "in items", "on minutes".
func pluralItems(lead string) bool {
	lead = strings.ToLower(lead)
	return strings.Contains(lead, "items") || strings.Contains(lead, "minutes")
}

// maxItemRange bounds the items "items 5 to 7" stands for: a range wider
// than an agenda's items is a misprint or not a range of items.
const maxItemRange = 20

// sentences splits prose at full stops that end a sentence, not at "Minute
// No. 17" or "Cllr. Smith".
func sentences(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	var out []string
	last := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' || !startsUpper(s[i+2:]) {
			continue
		}
		w := s[last:i]
		if j := strings.LastIndexByte(w, ' '); j >= 0 {
			w = w[j+1:]
		}
		if abbrevs[w] || len(w) == 1 || initials(w) {
			continue
		}
		out = append(out, s[last:i+1])
		last = i + 2
	}
	if last < len(s) {
		out = append(out, s[last:])
	}
	return out
}

// initials reports a word of initials before the last full stop, "D.M"
// of "Councillor D.M. Cundy": a name goes on after it.
func initials(w string) bool {
	if len(w) < 3 || len(w) > 11 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i%2 == 0 && (w[i] < 'A' || w[i] > 'Z') || i%2 == 1 && w[i] != '.' {
			return false
		}
	}
	return true
}

// titleNames reports whether a minute's title has one of words, given in
// capitals.
func titleNames(title string, words ...string) bool {
	t := strings.ToUpper(title)
	for _, w := range words {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

type textSource struct {
	text   string
	minute string // number of the minute the text belongs to, if any
}

// sources lists the texts to search for a topic: first the narratives of
// minutes whose title names it (by any of titleWords: the English word
// and the Welsh), then the text before the first minute, then every other
// narrative.
func (p *minutesParser) sources(titleWords ...string) []textSource {
	var first, rest []textSource
	for _, m := range p.out.Minutes {
		src := textSource{m.Narrative, m.Number}
		if titleNames(m.Title, titleWords...) {
			first = append(first, src)
		} else {
			rest = append(rest, src)
		}
	}
	out := append(first, textSource{paragraphs(p.preamble), ""})
	return append(out, rest...)
}

// apologiesLeadRe is a paragraph that announces the names in the next one:
// a label ("Apologies for Absence:-") or a sentence ending "received from:".
var apologiesLeadRe = compileLater(`(?i)(^apologies(?:\s+for\s+absence)?|\bfrom)\s*[:–—-]*$`)

// apologyParagraphs are the paragraphs of text, each announcing apologies
// joined to the names printed below it.
func apologyParagraphs(text string) []string {
	paras := strings.Split(text, "\n\n")
	out := make([]string, 0, len(paras))
	for i := 0; i < len(paras); i++ {
		if first, _, _ := strings.Cut(strings.TrimSpace(paras[i]), "\n"); presenceHeading(first) {
			continue
		}
		para := strings.Join(strings.Fields(paras[i]), " ")
		if g := apologiesLeadRe.FindStringSubmatch(para); g != nil && i+1 < len(paras) && namesFirst(paras[i+1]) {
			sep := ": "
			if strings.EqualFold(g[1], "from") {
				sep = " "
			}
			para = strings.TrimRight(para, ":–—- ") + sep + strings.Join(strings.Fields(paras[i+1]), " ")
			i++
		}
		out = append(out, para)
	}
	return out
}

func (p *minutesParser) readApologies() {
	for _, src := range p.sources("APOLOG", "YMDDIHEURIAD") {
		for _, para := range apologyParagraphs(src.text) {
			if !strings.Contains(strings.ToLower(para), "apolog") {
				if para = welshApologies(para); para == "" {
					continue
				}
			}
			if len(para) < 3000 && noApologiesRe.MatchString(para) {
				return
			}
			for _, sent := range sentences(para) {
				if len(sent) > 3000 || indexFold(sent, 0, "apolog") < 0 {
					continue
				}
				g := apologiesRe.FindStringSubmatch(sent)
				if g == nil {
					if s := sentApologiesRe.FindStringSubmatch(sent); s != nil && namesFirst(s[1]) {
						p.addApologies(s[1])
					}
					continue
				}
				p.addApologies(g[1] + g[2] + g[3] + g[4])
			}
			if len(p.out.Apologies) > 0 {
				return
			}
		}
	}
	// A US roll call: the absences marked excused (in the attendance, or
	// in the text).
	for _, src := range append([]textSource{{strings.Join(p.present, " "), ""}}, p.sources("ROLL")...) {
		for _, g := range excusedRe.FindAllStringSubmatch(strings.Join(strings.Fields(src.text), " "), -1) {
			for _, n := range expandCouncillors(g[1], splitOutside(g[1])) {
				name, why := splitBracket(strings.TrimSpace(n))
				if strings.EqualFold(why, "excused") && name != "" && len(name) <= 80 {
					p.out.Apologies = append(p.out.Apologies, Person{Name: name})
				}
			}
		}
		if len(p.out.Apologies) > 0 {
			return
		}
	}
	// An item titled "Apologies for Absence" whose text is just the names,
	// or whose title carries them ("Apologies for Absence – Cllr Cannon").
	for _, m := range p.out.Minutes {
		// "YMDDIHEURIADAU" is "apologies" in minutes printed only in Welsh.
		if !titleNames(m.Title, "APOLOG", "YMDDIHEURIAD") {
			continue
		}
		if _, names, ok := strings.Cut(m.Title, " – "); ok {
			p.addApologies(names)
		} else if first, _, _ := strings.Cut(m.Narrative, "\n\n"); first != "" && namesFirst(sentences(first)[0]) {
			// "Cllr P Green – holiday; Cllr T Hale – work. The apologies
			// were accepted.": the names are the first sentence.
			p.addApologies(sentences(first)[0])
		}
		if len(p.out.Apologies) > 0 {
			return
		}
	}
}

// welshApologyRe is apologies announced in minutes printed only in
// Welsh: "Derbyniwyd ymddiheuriadau gan" (apologies were received from),
// "Ymddiheuriadau am absenoldeb:" (apologies for absence:).
var welshApologyRe = compileLater(`(?i)(?:\b(?:derbyniwyd|cafwyd|cyflwynwyd)\s+)?\bymddiheuriadau(?:\s+am\s+(?:absenoldeb|eu\s+habsenoldeb))?(?:\s+(?:gan|oddi\s+wrth)\s+|\s*[:–—-]\s*)`)

// welshApologies gives a paragraph that announces apologies in Welsh in
// the English words the apologies are read by, its names joined by "and"
// where the Welsh has "a", "ac" or "a'r", and cut where a clause about
// the last name begins ("a oedd ar wyliau": who was on holiday). It is ""
// when the paragraph announces no apologies.
func welshApologies(para string) string {
	if indexFold(para, 0, "ymddiheuriad") < 0 {
		return ""
	}
	g := welshApologyRe.FindStringIndex(para)
	if g == nil {
		return ""
	}
	lead := "Apologies for absence: "
	if !strings.ContainsAny(para[g[0]:g[1]], ":–—-") {
		lead = "Apologies were received from "
	}
	words := strings.Fields(para[g[1]:])
	if len(words) > 0 && strings.EqualFold(strings.TrimRight(words[0], "."), "dim") {
		return "There were no apologies." // "Ymddiheuriadau: Dim."
	}
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case (w == "y" || w == "Y") && honorificRe.MatchString(next):
			continue // "y Cynghorydd": the article
		case w == "a" || w == "ac" || w == "a'r" || w == "a’r":
			if (next == "y" || next == "Y") && i+2 < len(words) && honorificRe.MatchString(words[i+2]) {
				i++ // "a'r", "ac y Cynghorydd"
			} else if !startsUpper(next) {
				i = len(words) // a clause about the name before
				continue
			}
			w = "and"
		case strings.EqualFold(w, "oherwydd"):
			i = len(words) // "oherwydd salwch": the reason
			continue
		}
		out = append(out, w)
	}
	return lead + strings.Join(out, " ")
}

// namesFirst reports text that starts with a person's name or title, as a
// list of apologies does.
func namesFirst(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.Contains(strings.ToLower(s), "apolog") {
		return false
	}
	first := s
	if i := strings.IndexAny(s, ",;(&"); i > 0 {
		first = s[:i]
	}
	return honorificRe.MatchString(s) || nameLike(strings.TrimSpace(first))
}

// addApologies reads a list of names ("Cllr L Watson and Cllr J Foster
// (family commitment), Cllr A Hart") up to where the sentence goes on.
func (p *minutesParser) addApologies(list string) {
	if i := otherLabelRe.FindStringIndex(list); i != nil {
		list = list[:i[0]]
	}
	if strings.Contains(list, ";") && dashReasonRe.MatchString(list) {
		// "Cllr P Green – holiday; Cllr T Hale – work commitments": each
		// name with its reason after a dash.
		pieces := strings.Split(list, ";")
		for i, piece := range pieces {
			if j := dashReasonRe.FindStringIndex(piece); j != nil {
				pieces[i] = piece[:j[0]]
			}
		}
		list = strings.Join(pieces, ",")
	}
	if i := apologiesEndRe.FindStringIndex(list); i != nil {
		list = list[:i[0]]
	}
	sep := separateNames(list)
	names := expandCouncillors(sep, splitOutside(sep))
	for i, n := range names {
		n = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(n, "from "), "councillors "))
		if loc := substituteTailRe.FindStringIndex(n); loc != nil {
			p.addSubstitute(n[loc[0]:])
		}
		name, org := splitBracket(substituteTailRe.ReplaceAllString(n, ""))
		if substituteRe.MatchString(name) {
			p.addSubstitute(name)
			continue
		}
		if substituteRe.MatchString(org) {
			p.addSubstitute(org)
		}
		if chairPost(name) {
			// "from the Chair, Cllr A Moss, and …", "from the Chair (Cllr
			// A Moss)": the post names the person after it, who is the
			// apology; a post named alone stays, as no one else says who.
			if org != "" && (honorificRe.MatchString(org) || nameLike(org)) {
				name, org = org, ""
			} else if i+1 < len(names) && postNamesNext(list, name, names[i+1]) {
				continue
			} else if k := len(p.out.Apologies) - 1; k >= 0 && i > 0 && postOfPrevious(list, p.out.Apologies[k].Name, name) {
				// "from Councillor White, the Vice-Chair": White's post,
				// not another apology.
				continue
			}
		}
		if apologyReasonRe.MatchString(org) || substituteRe.MatchString(org) {
			org = ""
		}
		if name == "" || !hasLetter(name) || len(name) > 80 {
			continue
		}
		p.out.Apologies = append(p.out.Apologies, Person{Name: name, Organisation: org})
	}
}

// substituteWordsRe are the words around a substitute's name: "with …
// attending as substitute", "substituted by …", "… deputising".
var substituteWordsRe = compileLater(`(?i)^(?:with|represented\s+by|substituted\s+by|deputised\s+by|replaced\s+by)\s+|\s+(?:attending|substitut|deputis|as\s+(?:a\s+)?substitute|in\s+(?:his|her|their)\s+place).*$`)

// addSubstitute records the substitute named in s, what the apologies say
// of them ("substituted by Councillor C"), when it reads as a name.
func (p *minutesParser) addSubstitute(s string) {
	s = strings.Trim(strings.TrimSpace(s), "(),;.")
	s = strings.Trim(substituteWordsRe.ReplaceAllString(s, ""), " (),;")
	if s == "" || len(s) > 80 || !honorificRe.MatchString(s) && !nameLike(s) {
		return
	}
	p.substitutes = append(p.substitutes, s)
}

// postNamesNext reports whether the post in a list of apologies is
// followed by a comma and a person's name, who holds it ("the Chair, Cllr
// A Moss"), rather than by "and", "&" or ";" and another who sent
// apologies ("the Chair and Cllr White"), or by another post.
func postNamesNext(list, post, next string) bool {
	rest, ok := afterComma(list, post)
	if !ok {
		return false
	}
	if hasPrefixFold(rest, "and ") || hasPrefixFold(rest, "& ") {
		return false
	}
	next, _ = splitBracket(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(next), "from ")))
	return honorificRe.MatchString(next) || nameLike(next)
}

// postOfPrevious reports whether the post in a list of apologies follows
// the person named just before it after a comma, and ends the list or is
// set off by a comma or semicolon after it: "Councillor White, the
// Vice-Chair" or "Councillor White, the Vice-Chair, and …" is White's
// post. "Councillor White, the Vice-Chair and Councillor Lee" may be three
// people, as "the Chair, the Vice-Chair and Councillor White" are, and is
// read so.
func postOfPrevious(list, prev, post string) bool {
	if chairPost(prev) {
		return false
	}
	rest, ok := afterComma(list, prev)
	if !ok || !strings.HasPrefix(rest, post) {
		return false
	}
	rest = strings.TrimSpace(rest[len(post):])
	return rest == "" || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ";") || strings.HasPrefix(rest, ".")
}

// afterComma is what follows s in list when a comma comes straight after
// it, trimmed.
func afterComma(list, s string) (string, bool) {
	i := strings.Index(list, s)
	if i < 0 {
		return "", false
	}
	rest := strings.TrimSpace(list[i+len(s):])
	if !strings.HasPrefix(rest, ",") {
		return "", false
	}
	return strings.TrimSpace(rest[1:]), true
}

// chairPost reports whether s is only the post of one who chairs, as an
// apology may name it before the person: "the Chair", "the Vice-Chair",
// "the Chairman".
func chairPost(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "vice-"), "vice "), "deputy ")
	switch s {
	case "chair", "chairman", "chairwoman", "chairperson", "chair of the committee", "chair of the board":
		return true
	}
	return false
}

func (p *minutesParser) readDeclarations() {
	seen := map[Declaration]bool{}
	none := false
	// "buddiant" (interest) is looked for only in minutes that title
	// their declarations in Welsh; English minutes never print it.
	welsh := false
	for _, m := range p.out.Minutes {
		welsh = welsh || titleNames(m.Title, "DATGAN")
	}
	var inWelsh []Declaration // read from a sentence in Welsh
	for _, src := range p.sources("DECLARATION", "DATGAN") {
		for _, sent := range declarationPieces(src.text) {
			if len(sent) > 3000 {
				continue
			}
			if indexFold(sent, 0, "fuddian") >= 0 || indexFold(sent, 0, "buddian") >= 0 {
				// "Datganodd y Cynghorydd Huws fuddiant …", "Ni
				// chafwyd unrhyw ddatganiadau o fuddiant.": the Welsh
				// sentence, read in the English words it says.
				// A declaration first: "…, ond dim buddiant ariannol"
				// (but no financial interest) is its nature.
				if en := welshDeclaration(sent); en != "" {
					for _, d := range parseDeclaration(en, src.minute) {
						if !seen[d] {
							seen[d] = true
							inWelsh = append(inWelsh, d)
							p.out.Declarations = append(p.out.Declarations, d)
						}
					}
					continue
				}
				if welshNoDeclRe.MatchString(sent) {
					none = true
					continue
				}
			}
			if indexFold(sent, 0, "declar") < 0 && indexFold(sent, 0, "disclos") < 0 && indexFold(sent, 0, "interest") < 0 && (!welsh || indexFold(sent, 0, "buddiant") < 0) {
				continue
			}
			if noDeclRe.MatchString(sent) {
				none = true
			}
			for _, d := range parseDeclaration(sent, src.minute) {
				if !seen[d] {
					seen[d] = true
					p.out.Declarations = append(p.out.Declarations, d)
				}
			}
		}
	}
	if len(inWelsh) > 0 {
		p.out.Declarations = dropTranslated(p.out.Declarations, inWelsh)
	}
	p.applicationItems()
	for _, m := range p.out.Minutes {
		// "DATGAN BUDDIANT", "DATGANIADAU O FUDDIANT": the Welsh.
		if titleNames(m.Title, "DECLARATION", "DATGAN") {
			switch strings.ToLower(strings.TrimRight(strings.TrimSpace(m.Narrative), ".")) {
			case "none", "nil", "none declared", "none received", "dim", "dim datganiadau":
				none = true
			}
		}
	}
	p.out.NoDeclarations = none && len(p.out.Declarations) == 0
}

// applicationDeclRe is a declaration made in a planning application by
// its reference, as planning committees print it: "in application
// 25/01234/FUL as a ward member".
var applicationDeclRe = compileLater(`(?i)^in\s+(?:planning\s+)?application\s+(?:no\.?\s*|number\s+|ref(?:erence)?\.?\s*)?([A-Z0-9][A-Z0-9/.-]*\d[A-Z0-9/-]*)(.*)$`)

// applicationItems files a declaration made in a planning application
// under the one minute whose title names that application: left under
// no minute, with "in application 25/01234/FUL" as its nature, it was
// not where the committee took the application.
func (p *minutesParser) applicationItems() {
	for i, d := range p.out.Declarations {
		if d.Item != "" {
			continue
		}
		g := applicationDeclRe.FindStringSubmatch(d.Nature)
		if g == nil {
			continue
		}
		var under []string
		for _, m := range p.out.Minutes {
			if indexFold(m.Title, 0, g[1]) >= 0 {
				under = append(under, m.Number)
			}
		}
		if len(under) != 1 {
			continue
		}
		p.out.Declarations[i].Item = under[0]
		p.out.Declarations[i].Nature = strings.TrimRight(strings.TrimSpace(natureLeadRe.ReplaceAllString(strings.TrimSpace(g[2]), "")), ". ")
	}
}

// welshNoDeclRe is a sentence in Welsh saying no interest was declared:
// "Ni chafwyd unrhyw ddatganiadau o fuddiant." (none were received),
// "Dim datganiadau o fuddiant." (no declarations), "Ni ddatganwyd
// unrhyw fuddiant." (no interest was declared).
var welshNoDeclRe = compileLater(`(?i)\bni\s+(?:chafwyd|chyflwynwyd|dderbyniwyd|wnaed|ddatganwyd|ddatganodd\s+(?:neb|unrhyw\s+aelod))\s+(?:unrhyw\s+)?(?:ddatganiad(?:au)?\s+o\s+)?[fb]udd(?:iant|iannau)\b|\bdim\s+(?:datganiad(?:au)?\s+o\s+)?[fb]udd(?:iant|iannau)\b|\bdim\s+datganiad(?:au)?\b`)

// welshDeclRe is a declaration in Welsh, up to the word for interest:
// "Datganodd y Cynghorydd Huws fuddiant", "Datganodd y Cynghorwyr Parry a
// Lloyd fuddiant", "Datganodd Cyng. Jones fuddiant".
var welshDeclRe = compileLater(`(?i)^(.{0,20}?)\bdatganodd\s+(.{1,120}?)\s+[fb]udd(?:iant|iannau)\b`)

// welshDeclItemRe is the item a Welsh declaration is made in, after the
// kind of interest: " personol yn eitem 5", " yn eitemau 4 a 5",
// " personol a rhagfarnol ar gofnod 7".
var welshDeclItemRe = compileLater(`(?i)^(.{0,60}?)\s*\b(?:yn|ar|i|mewn\s+perthynas\s+(?:ag?|â))\s+(?:(eitem)(au)?|(?:[cg]|ngh)ofnod(ion)?)\s+`)

// welshNatureRe is where a Welsh declaration says what the interest is,
// "fel aelod o …" (as a member of …), when it names no item.
var welshNatureRe = compileLater(`(?i)^(.{0,60}?),?\s+fel\s`)

// welshDeclaration gives a declaration printed in Welsh ("Datganodd y
// Cynghorydd Huws fuddiant personol yn eitem 5 fel aelod o …") in the
// English words a declaration is read by ("Cynghorydd Huws declared a
// personol interest in item 5 as aelod o …"): the names, the kind and
// the nature stay as printed, only the words around them change. It is ""
// when the sentence declares nothing in Welsh.
func welshDeclaration(sent string) string {
	if indexFold(sent, 0, "datganodd") < 0 {
		return ""
	}
	g := welshDeclRe.FindStringSubmatchIndex(sent)
	if g == nil {
		return ""
	}
	lead := sent[g[2]:g[3]]
	words := strings.Fields(sent[g[4]:g[5]])
	names := make([]string, 0, len(words))
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case (w == "y" || w == "Y") && honorificRe.MatchString(next):
			continue // "y Cynghorydd": the article
		case (w == "a" || w == "ac" || w == "a'r" || w == "a’r") && startsUpper(next):
			w = "and" // "Cynghorwyr Parry a Lloyd", "… a'r Cynghorydd Lloyd"
		}
		names = append(names, w)
	}
	rest := sent[g[1]:]
	kind := ""
	if m := welshDeclItemRe.FindStringSubmatchIndex(rest); m != nil {
		kind = rest[m[2]:m[3]]
		noun := "minute"
		if m[4] >= 0 {
			noun = "item"
		}
		if m[6] >= 0 || m[8] >= 0 {
			noun += "s"
		}
		rest = " in " + noun + " " + rest[m[1]:]
	} else if m := welshNatureRe.FindStringSubmatchIndex(rest); m != nil {
		kind = rest[m[2]:m[3]]
		rest = rest[m[1]-1:]
	} else if len(rest) <= 60 {
		kind, rest = strings.TrimRight(rest, ". "), ""
	}
	return lead + strings.Join(names, " ") + " declared a " + strings.TrimSpace(kind) + " interest" + rest
}

// dropTranslated takes out of decls each declaration read in Welsh that
// the minutes print in English too, as a bilingual council prints every
// paragraph twice: the English is the record, as it is of the
// apologies and the resolutions. The two are one when they name the same
// item by the same surname, titles and natures being in two languages.
func dropTranslated(decls, inWelsh []Declaration) []Declaration {
	welsh := make(map[Declaration]bool, len(inWelsh))
	for _, d := range inWelsh {
		welsh[d] = true
	}
	type key struct{ surname, item string }
	surname := func(name string) string {
		w := personWords(name)
		if len(w) == 0 {
			return ""
		}
		return w[len(w)-1]
	}
	english := map[key]bool{}
	for _, d := range decls {
		if !welsh[d] {
			english[key{surname(d.Name), d.Item}] = true
		}
	}
	out := decls[:0]
	for _, d := range decls {
		if welsh[d] && english[key{surname(d.Name), d.Item}] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// declPieceRe separates declarations printed in one paragraph: "(1)
// Councillor A declared … (2) Councillor B declared …", "Cllr A declared
// …; Cllr B declared …".
var declPieceRe = compileLater(`\s\(\d{1,2}\)\s+|;\s+|\s[–—-]\s`)

func declarationPieces(text string) []string {
	// "Datganodd … / Councillor Llewelyn declared …": a bilingual
	// council's Welsh, a slash, then the English, two sentences.
	text = strings.ReplaceAll(text, ". / ", ". ")
	var out []string
	// Each paragraph on its own: a heading with no full stop
	// ("DECLARATIONS OF INTEREST", "Apologies: Mr N Frackelton") would
	// otherwise start the sentence after it, and be taken for the name of
	// whoever declared.
	var paras []string
	for _, para := range strings.Split(text, "\n\n") {
		if n := len(paras); n > 0 && continuesDeclaration(paras[n-1], para) {
			paras[n-1] += " " + para
			continue
		}
		paras = append(paras, para)
	}
	var sents []string
	for _, para := range paras {
		sents = append(sents, sentences(para)...)
	}
	for _, sent := range sents {
		if dashDeclRe.MatchString(sent) {
			out = append(out, sent)
			continue
		}
		for i, piece := range declPieceRe.Split(sent, -1) {
			// "in item C251/24 – Community Grants, as a member of …":
			// the item's title and the nature after a dash, no
			// declaration of their own.
			if i > 0 && len(out) > 0 && itemTitleDashRe.MatchString(out[len(out)-1]) && !strings.Contains(strings.ToLower(piece), "declar") {
				out[len(out)-1] += " – " + piece
				continue
			}
			out = append(out, andDeclared(piece)...)
		}
	}
	return out
}

// continuesDeclaration reports whether para is the rest of the declaration
// prev breaks off in, as a page break leaves it ("… as she is a member of
// the" over "board of Bootle Business Improvement District."): prev
// declares and ends no sentence, and para starts in lower case, or
// neither declares nor starts with a name. Read on its own, the end of the
// nature was lost without a word.
func continuesDeclaration(prev, para string) bool {
	prev, para = strings.TrimSpace(prev), strings.TrimSpace(para)
	if para == "" || sentenceEndRe.MatchString(prev) || isUpperLine(prev) || !strings.Contains(strings.ToLower(prev), "declar") {
		return false
	}
	return !startsUpper(para) || !strings.Contains(strings.ToLower(para), "declar") && !honorificRe.MatchString(para)
}

// andDeclared splits a sentence in which a second person declares after
// the first, joined by "and": "Cllr Smith declared a personal interest in
// item 5 as a trustee and Cllr Jones declared a pecuniary interest in
// item 6 as …" is two declarations, not one whose nature runs on into the
// other's. Only a sentence that declares twice is looked at.
func andDeclared(piece string) []string {
	lower := strings.ToLower(piece)
	declared := strings.Count(lower, "declar")
	// "… as a governor of St Mary's School, and Councillor Jones an
	// interest in item 6 as …": the second declares with the verb left
	// out, which only a sentence naming an interest more often than it
	// declares can.
	elided := declared >= 1 && strings.Count(lower, "interest") > declared
	if declared < 2 && !elided {
		return []string{piece}
	}
	var out []string
	from := 0
	for at := 0; ; {
		j := strings.Index(lower[at:], " and ")
		if j < 0 {
			break
		}
		j += at
		next := j + len(" and ")
		at = next
		if !strings.Contains(lower[from:j], "declar") || !honorificRe.MatchString(piece[next:]) {
			continue
		}
		if g := declaredRe.FindStringSubmatch(piece[next:]); g != nil && namesOnly(strings.TrimSuffix(g[1], " also")) {
			// "… and Councillor Jones declared …", not "… and Councillor
			// Jones asked that it be noted she had declared …".
			out = append(out, strings.TrimRight(piece[from:j], ", "))
			from = next
		} else if g := elidedDeclRe.FindStringSubmatchIndex(piece[next:]); elided && g != nil && namesOnly(piece[next:next+g[3]]) && !notKindRe.MatchString(piece[next+g[4]:next+g[5]]) {
			out = append(out, strings.TrimRight(piece[from:j], ", "))
			// Given its verb back, it reads as any declaration.
			piece = piece[:next+g[3]] + " declared" + piece[next+g[3]:]
			lower = strings.ToLower(piece)
			from = next
		}
	}
	return append(out, piece[from:])
}

// namesOnly reports whether s is only names, as those declaring with
// the verb left out are ("Cllrs Jones and Lee"): capitalised words
// joined by "and", not "Councillor Jones has".
func namesOnly(s string) bool {
	for _, w := range strings.Fields(s) {
		if !startsUpper(w) && w != "and" && w != "&" {
			return false
		}
	}
	return true
}

// elidedDeclRe is a declaration with its verb left out, after another's
// and "and": "Councillor Jones an interest in item 6", "Cllrs Jones and
// Lee a pecuniary interest in …". The article is what tells it from a
// name in the first one's nature ("a friend of Mr Brown and Mrs Brown").
var elidedDeclRe = compileLater(`^([^,;()]{1,60}?)\s+(?:also\s+)?(?:an?|their|his|her)\s+([^,;]{0,40}?)\binterests?\s+(?:in|on|under|regarding|in\s+relation\s+to|relating\s+to|concerning)\s`)

// notKindRe is a word that cannot stand between the article and
// "interest" of a declaration with its verb left out, which has only
// the interest's kind there ("a disclosable pecuniary interest"): "Mr
// Evans and Councillor Jones a note of her interest in the site" and
// "her husband and Councillor Jones a business partner have an interest"
// say something else of them.
var notKindRe = compileLater(`(?i)\b(?:of|her|his|their|its|the|an?|have|has|had|is|are|was|were|with)\b`)

// itemTitleRe is an item's title after its number and a dash, before
// the nature of the interest: " – Community Grants, ".
var itemTitleRe = compileLater(`^\s*[–—-]\s*[^,;]{1,60},\s*`)

var itemTitleOnlyRe = compileLater(`^\s*[–—-]\s*[^,;]{1,60}$`)

// itemTitleDashRe is a declaration that ends naming its item, before the
// item's title after a dash.
var itemTitleDashRe = compileLater(`(?i)\bdeclared\b.*\b(?:item|minute)\s+(?:no\.?\s*)?\S+$`)

// dashDeclRe is a declaration printed as the row of a table, its cells
// joined by dashes: "Cllr Booth – item 23/075(b) – personal interest –
// lives adjacent to the site". Minutes printed only in Welsh print the
// row in Welsh: "S. Jenkins – eitem 4 – buddiant personol – …". A row
// may name more than one item, as a sentence may: "items 5 and 6",
// "eitemau 4 a 5".
var dashDeclRe = compileLater(`(?i)^(.{2,80}?)\s[–—-]\s(?:(?:agenda\s+)?(?:items?|minutes?)|eitem(?:au)?|cofnod(?:ion)?)\s+(?:no\.?\s*)?` +
	declItemList + `\S*\s[–—-]\s(.{0,60}?\binterests?|buddiant\s+\pL+)\b\s*(?:[–—:,-]\s*(.*))?$`)

// genericDeclarers are leads that name no one: "Councillors declared
// interests as follows".
var genericDeclarers = map[string]bool{"councillors": true, "members": true, "cllrs": true, "the following": true, "the following members": true}

func parseDeclaration(sent, minute string) []Declaration {
	if g := dashDeclRe.FindStringSubmatch(sent); g != nil && (honorificRe.MatchString(g[1]) || nameLike(g[1])) {
		var out []Declaration
		for _, it := range declItems(g[2]) {
			out = append(out, Declaration{Name: strings.TrimSpace(g[1]), Item: it, Kind: interestKind(g[3]), Nature: strings.TrimRight(strings.TrimSpace(g[4]), ". ")})
		}
		return out
	}
	g := declaredRe.FindStringSubmatch(sent)
	if g == nil {
		return nil
	}
	lead := strings.TrimSpace(g[1])
	if i := strings.LastIndex(lead, ", "); i >= 0 {
		lead = lead[i+2:]
	}
	lead = strings.TrimSpace(strings.TrimPrefix(lead, "(")) // "(1) Councillor" split at "(1)"
	// "1.1 Councillor Buchan declared …": the number of the item's
	// paragraph, as a Scottish council prints it.
	if lead != "" && isDigit(lead[0]) {
		if i := strings.IndexByte(lead, ' '); i > 0 && strings.Trim(lead[:i], "0123456789.") == "" {
			lead = strings.TrimSpace(lead[i+1:])
		}
	}
	lower := strings.ToLower(lead)
	// "Having declared an interest, Councillor Rennie left the meeting":
	// the declaration made earlier, recalled at its item.
	if strings.HasPrefix(lower, "having") {
		return nil
	}
	if lead == "" || genericDeclarers[lower] || strings.HasPrefix(lower, "no ") || strings.Contains(lower, " no ") || lower == "none" || strings.HasPrefix(lower, "there") || !startsUpper(lead) {
		return nil
	}
	if strings.HasSuffix(lower, " who") {
		lead = strings.TrimSpace(lead[:len(lead)-4])
	}
	kind := interestKind(g[2])
	rest := g[3]
	item := ""
	var more []string // the other items one interest is declared in
	if m := declItemRe.FindStringSubmatchIndex(rest); m != nil {
		if !pluralItems(rest[m[0]:m[2]]) {
			// "in item 6 to 8 Mill Lane", "in item 5 a 2 storey
			// extension": one item, and an address or a description
			// after it, not a range or a Welsh "and".
			if j := singleItemEndRe.FindStringIndex(rest[m[2]:m[3]]); j != nil {
				m[3] = m[2] + j[0]
				m[1] = m[3]
			}
		}
		items := declItems(rest[m[2]:m[3]])
		item, more = items[0], items[1:]
		rest = rest[m[1]:]
		if t := itemTitleRe.FindStringIndex(rest); t != nil {
			rest = rest[t[1]:] // " – Community Grants, as …": its title
		} else if itemTitleOnlyRe.MatchString(rest) {
			rest = "" // " – Community Grants.": its title, and no nature
		} else if strings.HasPrefix(rest, ", ") && startsUpper(rest[2:]) {
			// ", Grants to Community Groups, as …": its title between
			// commas, as Northern Irish councils print it.
			if j := strings.Index(rest[2:], ", as "); j > 0 && j <= 60 && !strings.ContainsAny(rest[2:2+j], ",;") {
				rest = rest[2+j+1:]
			}
		}
	} else if m := declRefRe.FindStringSubmatchIndex(rest); m != nil {
		item = rest[m[2]:m[3]]
		rest = rest[m[1]:]
	} else if m := declThisRe.FindStringIndex(rest); m != nil {
		item = minute
		rest = rest[m[1]:]
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSpace(natureLeadRe.ReplaceAllString(rest, ""))
	rest = strings.TrimRight(rest, ". ")
	names := expandCouncillors(lead, splitOutside(lead))
	out := make([]Declaration, 0, len(names)*(1+len(more)))
	for _, n := range names {
		if !startsUpper(n) {
			continue
		}
		// One interest in several items is a declaration in each.
		for _, it := range append([]string{item}, more...) {
			out = append(out, Declaration{Name: n, Item: it, Kind: kind, Nature: rest})
		}
	}
	return out
}

// titleQualifier are words printed before a title, part of it: "District
// Councillor", "Detective Inspector".
var titleQualifier = map[string]bool{"county": true, "district": true, "parish": true, "town": true, "borough": true, "city": true,
	"deputy": true, "vice": true, "former": true, "acting": true, "interim": true, "detective": true, "police": true, "the": true}

// isInitial reports whether w is an initial: one capital letter, with or
// without its full stop ("H.", "H").
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// separateNames puts a comma between names that a list printed one to a
// line (or one to a bullet) ran together: "Cllr A Smith Cllr B Jones"
// becomes "Cllr A Smith, Cllr B Jones". A title after another title
// ("Cllr Mrs J Pell"), after a word that qualifies it ("District
// Councillor") or after a word in lower case ("and", "from") starts no new
// name. Names of initials and a surname run together the same way: "H.
// Evans S. Jenkins" becomes "H. Evans, S. Jenkins".
func separateNames(s string) string {
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		prev := strings.TrimRight(words[i-1], ".")
		if strings.HasSuffix(prev, ")") && i+1 < len(words) && nameLike(words[i]+" "+strings.Trim(words[i+1], ",.;()")) {
			// "Councillor James Whyte (Strathglen Council) Kenneth
			// Ross (Staff Side Representative)": a table's rows.
			words[i-1] += ","
			continue
		}
		if i >= 2 && isInitial(words[i]) && !isInitial(words[i-1]) && len(prev) > 1 && startsUpper(prev) && isInitial(words[i-2]) &&
			!strings.HasSuffix(words[i-1], ",") && !strings.HasSuffix(words[i-1], ";") {
			// "H. Evans S. Jenkins": initials and a surname, then another
			// initial, as names printed one to a line run together; an
			// initial after a first name ("Mary J. Blige") starts none.
			words[i-1] += ","
			continue
		}
		if !honorificRe.MatchString(words[i]) || !startsUpper(prev) || titleQualifier[strings.ToLower(prev)] || honorificRe.MatchString(prev) && len(prev) <= len("Councillors") || strings.HasSuffix(words[i-1], ",") || strings.HasSuffix(words[i-1], ";") {
			continue
		}
		words[i-1] += ","
	}
	return strings.Join(words, " ")
}

// interestKind reads the kind of an interest from the words before
// "interest": "pecuniary", "personal" or "other".
func interestKind(words string) string {
	kindText := strings.ToLower(words)
	switch {
	case strings.Contains(kindText, "non-pecuniary") || strings.Contains(kindText, "non pecuniary") || strings.Contains(kindText, "nonpecuniary"):
		return "personal" // as /declare reads it
	case strings.Contains(kindText, "pecuniary"):
		return "pecuniary"
	case strings.Contains(kindText, "personal"), strings.Contains(kindText, "personol"):
		return "personal"
	}
	return "other"
}
