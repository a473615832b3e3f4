package commands

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ReportLink is a link to a member's written report for an agenda item.
// Links are kept as an append-only log: a new link from the same member for
// the same item replaces the old one, which stays in the history.
type ReportLink struct {
	ID        int64
	MeetingID int64
	Item      string
	UserID    string
	Name      string
	URL       string // exactly as given
	Title     string
	At        time.Time
	By        string

	// ItemID is the agenda item the report is for, which the link follows
	// when it is renumbered (Item keeps the number it had when the link was
	// sent); 0 when the meeting has no item of that number.
	ItemID int64
	OnItem ItemRef // that item as it stands now, when ItemID is set
}

// ReportOutcome says what submitting a report link changed.
type ReportOutcome string

// Outcomes of submitting a report link.
const (
	ReportRecorded  ReportOutcome = "recorded"  // the member's first link for the item
	ReportReplaced  ReportOutcome = "replaced"  // a new link replaced the member's earlier one
	ReportUnchanged ReportOutcome = "unchanged" // the same link again
)

// Limits on report links.
const (
	MaxURLLen         = 2000
	MaxReportTitleLen = 200
)

// CheckURL reports whether s may be stored as a link to a report: an
// absolute http or https address with a host and, if it gives a port, one
// from 1 to 65535, at most MaxURLLen characters, with no white space or
// control characters and no user name or password in it.
func CheckURL(s string) error {
	switch {
	case s == "":
		return errors.New("give the report's web address, starting https://")
	case !utf8.ValidString(s):
		return errors.New("that address is not valid text")
	case utf8.RuneCountInString(s) > MaxURLLen:
		return fmt.Errorf("that address is too long (%d characters; the limit is %d)", utf8.RuneCountInString(s), MaxURLLen)
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r) {
			return errors.New("that address contains spaces or control characters")
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return errors.New("that is not a web address I can read; it should look like https://example.org/report.pdf")
	}
	// "example.org/x" has no scheme, and "example.org:8080/x" reads as one
	// named "example.org": both are addresses typed without their start,
	// which is not guessed (a site may not answer on https).
	if u.Scheme == "" || strings.Contains(u.Scheme, ".") {
		return noScheme(s)
	}
	if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" {
		return errors.New("only http and https links can be attached (no javascript:, file: or other kinds)")
	}
	if u.Opaque != "" {
		return errors.New("that is not a full web address; it should look like https://example.org/report.pdf")
	}
	if u.User != nil {
		return errors.New("that address carries a user name or password; share a link without them")
	}
	host := u.Hostname()
	if host == "" {
		return errors.New("that address has no host; it should look like https://example.org/report.pdf")
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("that address's port (%s) is not one a web address can have: ports run from 1 to 65535", truncateText(p, 20))
		}
	}
	if net.ParseIP(host) == nil {
		for _, r := range host {
			if r != '-' && r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return errors.New("that address's host name is not valid")
			}
		}
	}
	return nil
}

// noScheme asks for the full address of s, typed without its scheme,
// shown back with https:// before it when that shows cleanly.
func noScheme(s string) error {
	full := "https://" + strings.TrimPrefix(s, "//")
	if strings.ContainsAny(full, "`<>&|") || utf8.RuneCountInString(full) > 100 {
		full = "https://example.org/report.pdf"
	}
	return fmt.Errorf("give the full address, starting https://, e.g. `%s`", full)
}

// LinkText renders a report link for reply text (Slack mrkdwn): as a link
// "<url|title> (host)" when the address cannot break out of Slack's link
// syntax, otherwise as escaped plain text. A title that looks like a web
// address or a domain is not shown as the link's text (see linkLabel), and
// the host beside it is the one the link opens.
func LinkText(rawURL, title string) string {
	if oneLine(title) == "" {
		if CheckURL(rawURL) == nil && !strings.ContainsAny(rawURL, "|<>") {
			return "<" + strings.ReplaceAll(rawURL, "&", "&amp;") + "|" + Escape(rawURL) + ">"
		}
		return Escape(rawURL)
	}
	label := linkLabel(title)
	if CheckURL(rawURL) == nil && !strings.ContainsAny(rawURL, "|<>") {
		return "<" + strings.ReplaceAll(rawURL, "&", "&amp;") + "|" + Escape(label) + "> (" + Escape(LinkHost(rawURL)) + ")"
	}
	return Escape(label) + " — " + Escape(rawURL)
}

// unwrapLink undoes Slack's escaping of a link in command text:
// "<https://x>" or "<https://x|label>" is https://x. Within the brackets
// Slack writes & as &amp; (and < and > as &lt; &gt;), so those are
// unescaped to give the address as the person typed it.
func unwrapLink(w string) string {
	if len(w) > 2 && strings.HasPrefix(w, "<") && strings.HasSuffix(w, ">") {
		inner := w[1 : len(w)-1]
		u, _, _ := strings.Cut(inner, "|")
		return Unescape(u)
	}
	return Unescape(w) // typed without brackets: Slack still sends &, <, > as entities
}

func reportCommand() *Command {
	return &Command{
		Name:    "/report",
		Summary: "Attach a link to your written report for an agenda item.",
		Saves:   "your report link",
		Subs: []Sub{{
			Alone: true, Read: true, Who: NoCommittee, Run: showHelp,
		}, {
			Usage:    []string{"/report [DATE] ITEM URL [TITLE]", `/report for @someone|"Name (Organisation)" [DATE] ITEM URL [TITLE]   (officer or chair)`},
			Summary:  "Attach the link to your report for an item of the meeting in progress, else of the next meeting; sending another replaces it. An item with a presenter takes links from its presenter, members of its organisation (or the presenter's) and officers. An officer or the chair attaches a member's report for them with `for` first.",
			Examples: []string{"/report 7.5 https://example.org/swaca-vawg.pdf SWACA perspective on VAWG", "/report for @graeme 6 https://example.org/policing.pdf Policing update"},
			Also:     []string{"add", "send", "submit", "attach", "for"},
			Date:     tableDateHelp,
			Who:      Members, AtTable: true, SelfAdmit: true, Run: submitReport,
		}, {
			Name:     "list",
			Usage:    []string{"/report list [DATE]"},
			Summary:  "The report links attached for the meeting in progress, else the next meeting, or the one on DATE.",
			Examples: []string{"/report list"},
			Date:     tableDateHelp,
			Read:     true, Who: Members, Run: listReports,
		}, {
			Name:    "missing",
			Usage:   []string{"/report missing [DATE]   (officer)"},
			Summary: "The items with a presenter and no report yet.",
			Date:    tableDateHelp,
			Read:    true, Who: Officers, Doing: "see which reports are missing", Run: missingReports,
		}, {
			Name:     "remove",
			Usage:    []string{"/report remove [DATE] ITEM [@member|\"Name (Organisation)\"]"},
			Summary:  "Remove your report link for an item of the meeting in progress, else the next, or the one on DATE (an officer or the chair: anyone's, naming them); the history keeps it and who removed it.",
			Examples: []string{"/report remove 7.5", "/report remove 7.5 @neil", "/report remove 11/02/2027 5 @sue", `/report remove 4 "Jen Williams (NW Probation)"`},
			Date:     tableDateHelp,
			Who:      Members, Run: removeReport,
		}},
	}
}

// reportArgs is a parsed "/report [DATE] ITEM URL [TITLE]".
type reportArgs struct {
	Date  Date
	Item  string
	URL   string
	Title string
}

// addressForItem answers words whose item number is missing because an
// address stands where it goes, or is run into it ("7.5https://…"): the
// address quoted back as not an item number would not say what to do.
// It is nil for any other words.
func addressForItem(args []string, now time.Time, loc *time.Location) error {
	_, n, err := takeDate(args, now, loc)
	if err != nil || n >= len(args) {
		return nil
	}
	w := unwrapLink(args[n])
	// Found byte by byte: lowering w would change its length where it is
	// not UTF-8.
	i := -1
	for j := 0; j+4 <= len(w); j++ {
		if strings.EqualFold(w[j:j+4], "http") {
			i = j
			break
		}
	}
	if i < 0 || !strings.Contains(w[i:], "://") {
		return nil
	}
	// The caller escapes the answer, which quotes the address twice: cut
	// by bytes, not characters, two hundred of which, not UTF-8 or four
	// bytes each, made an answer of kilobytes.
	url := inCode(shortAddress(w[i:]))
	if i == 0 {
		return fmt.Errorf("give the item's number before the address, as printed on the agenda: `/report ITEM %s`, e.g. `/report 7.5 %s`", url, url)
	}
	if _, err := ParseItemNumber(w[:i]); err == nil {
		return fmt.Errorf("put a space between the item's number and the address: `/report %s %s`", inCode(w[:i]), url)
	}
	return nil
}

// shortAddress is address as an answer quotes it: valid UTF-8, and at
// most 200 bytes, cut at a character's start and marked so.
func shortAddress(address string) string {
	address = strings.ToValidUTF8(address, "\uFFFD")
	if len(address) <= 200 {
		return address
	}
	cut := 200
	for cut > 0 && !utf8.RuneStart(address[cut]) {
		cut--
	}
	return address[:cut] + "…"
}

// parseReport reads the text of "/report [DATE] ITEM URL [TITLE]". It
// reads the text rather than its words because words are split at any
// white space: an address with a tab, a line break or another kind of
// space in it would otherwise be read cut short, and the rest taken for
// its title.
func parseReport(text string, now time.Time, loc *time.Location) (reportArgs, error) {
	var a reportArgs
	var rest []string
	var err error
	args := strings.Fields(text)
	if err := nextAndDate("/report", "…", args, now, loc); err != nil {
		return a, err
	}
	if a.Date, a.Item, rest, err = takeDateItem(args, now, loc); err != nil {
		if err := addressForItem(args, now, loc); err != nil {
			return a, err
		}
		return a, err
	}
	if len(rest) == 0 {
		return a, errors.New("give the report's web address after the item number")
	}
	// The word that ends the address: the link's own, or, for a link
	// Slack wrote with the words the sender gave it ("<https://x.org/r.pdf|
	// Annual report>", made in Slack's composer), the last of them.
	end := len(args) - len(rest)
	label, labelled := "", false
	if words := labelledWords(rest); words > 0 {
		link := strings.Join(rest[:words], " ")
		_, label, labelled = strings.Cut(link[1:len(link)-1], "|")
		end += words - 1
		rest = append([]string{link}, rest[words:]...)
	} else if w := rest[0]; strings.HasPrefix(w, "<") && strings.HasSuffix(w, ">") {
		_, label, labelled = strings.Cut(w[1:len(w)-1], "|")
	}
	a.URL = unwrapLink(rest[0])
	if err := CheckURL(a.URL); err != nil {
		return a, err
	}
	if len(rest) > 1 && !spaceAfter(text, end) {
		return a, errors.New("that address is broken by a tab, a line break or another kind of space; a link cannot contain spaces or control characters, so send it again written in one piece")
	}
	// A cut in the host first: %20 typed for the space, as spaceInAddress
	// advises for one in a path, would make no address at all.
	if err := addressCut(a.URL, rest[1:]); err != nil {
		return a, err
	}
	if err := spaceInAddress(a.URL, rest[1:]); err != nil {
		return a, err
	}
	rest = rest[1:]
	if len(rest) > 0 && (rest[0] == "-" || rest[0] == "—" || rest[0] == ":") {
		rest = rest[1:]
	}
	a.Title = plainMarked(rest)
	if a.Title == "" && labelled {
		// The words the sender gave the link are its title, unless they
		// are an address, as the one Slack gives a link typed is.
		if t := cleanText(Unescape(label)); !LooksLikeAddress(t) {
			a.Title = t
		}
	}
	if err := tooLong("title", a.Title, MaxReportTitleLen); err != nil {
		return a, err
	}
	return a, nil
}

// labelledWords is how many of words make up a link Slack wrote with
// words of the sender's that have spaces in them ("<https://x.org/r.pdf|
// Annual", "report>"): 0 where words[0] is not such a link's start or the
// link does not close. Slack sends a "<" or ">" typed as an entity, so the
// first ">" closes it.
func labelledWords(words []string) int {
	w := words[0]
	if !strings.HasPrefix(w, "<") || strings.Contains(w, ">") || !strings.Contains(w, "|") {
		return 0
	}
	for i := 1; i < len(words); i++ {
		switch {
		case strings.Contains(words[i], "<"):
			return 0
		case strings.HasSuffix(words[i], ">") && strings.Count(words[i], ">") == 1:
			return i + 1
		case strings.Contains(words[i], ">"):
			return 0
		}
	}
	return 0
}

// documentEndings are the endings of the files reports are written in.
var documentEndings = []string{".pdf", ".docx", ".doc", ".odt", ".xlsx", ".xls", ".ods", ".pptx", ".ppt", ".odp", ".rtf"}

// spaceInAddress refuses a title whose words run up to a file's name
// ("https://example.org/a b.pdf") after an address that ends in none: the
// address had a space in it, and saved as typed the link would lead to a
// page that is not there, with "b.pdf" for its title.
func spaceInAddress(rawURL string, title []string) error {
	ends := func(w string) bool {
		w = strings.ToLower(w)
		return slices.ContainsFunc(documentEndings, func(e string) bool { return strings.HasSuffix(w, e) && len(w) > len(e) })
	}
	path := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		path = u.Path
		// A sharing link names no file (SharePoint's /:b:/s/…, OneDrive's,
		// Google's, any with a query), nor does a folder's address: a
		// title after it naming a file is the file's name, as councils
		// send their reports, not the rest of the address.
		host := strings.ToLower(u.Hostname())
		if u.Fragment == "" && queryNamesFileCut(u.RawQuery, ends) {
			// "getfile.php?name=Annual Report.pdf": the query names the
			// file, and its name stops short of an ending the title's
			// first words carry.
			return runsOn(rawURL, title, ends)
		}
		if u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(path, "/") || strings.HasPrefix(path, "/:") ||
			host == "1drv.ms" || host == "docs.google.com" || host == "drive.google.com" {
			return nil
		}
	}
	// An address that ends in a page's or a file's name of any kind
	// (report.pdf, report.html, mgConvert2PDF.aspx) is whole.
	if pageEnding(path[strings.LastIndex(path, "/")+1:]) {
		return nil
	}
	return runsOn(rawURL, title, ends)
}

// addressCut refuses a title whose first word carries on the address
// where a space cut it: in its host ("https://www.sef ton.gov.uk/report",
// "https://www.sefton .gov.uk/report"), just after it ("https://sefton.gov.uk
// /council"), or before a file's ending ("…/report .pdf"). Saved as typed,
// the link would open another host, or a page that is not there, and the
// rest of the address would stand as its title. A title after a dash is
// the title, as in runsOn.
func addressCut(rawURL string, title []string) error {
	u, err := url.Parse(rawURL)
	if err != nil || len(title) == 0 || u.RawQuery != "" || u.Fragment != "" {
		return nil
	}
	// The rest of a cut address, if it looks like one, arrives as a link
	// Slack made of it: read it as typed.
	w := Unescape(ShownMarkup(title[0]))
	atHost := u.Path == ""
	cut := false
	switch {
	case strings.HasPrefix(w, ".") && len(w) > 1:
		next := rune(w[1])
		ending := strings.ToLower(w)
		if i := strings.IndexAny(ending, "?&#"); i >= 0 {
			ending = ending[:i]
		}
		cut = (unicode.IsLetter(next) || unicode.IsDigit(next)) && (atHost || slices.Contains(documentEndings, ending))
	case strings.HasPrefix(w, "/"):
		cut = atHost && len(w) > 1
	default:
		cut = atHost && strings.Contains(w, "/") && !strings.Contains(w, "://") && LooksLikeAddress(w)
	}
	if !cut {
		return nil
	}
	return fmt.Errorf("a link cannot contain a space, and `%s` looks like the rest of the address: send it again written in one piece, e.g. `%s`, then the title; if it is the title, put a dash before it: `%s - %s`",
		truncateText(w, 100), truncateText(rawURL+w, 200), truncateText(rawURL, 200), truncateText(Unescape(strings.Join(title, " ")), 100))
}

// fileKeys are the names a download address's query gives the file it
// serves (getfile.php?name=…, download.aspx?file=…).
var fileKeys = []string{"name", "file", "filename", "fname", "doc", "document", "attachment"}

// queryNamesFileCut reports whether the last parameter of query names a
// file (fileKeys) without a document's ending: cut short by a space, as
// a title naming no file never is.
func queryNamesFileCut(query string, ends func(string) bool) bool {
	if query == "" {
		return false
	}
	key, value, _ := strings.Cut(query[strings.LastIndex(query, "&")+1:], "=")
	if v, err := url.QueryUnescape(value); err == nil {
		value = v
	}
	// A number, or a GUID, is the file's id (download.aspx?doc=4471,
	// ViewDocument.aspx?document=4f2a9c1e-77b0-…), not a name.
	id := strings.Trim(value, "0123456789") == "" || guid(value)
	return !id && slices.Contains(fileKeys, strings.ToLower(key)) && !ends(value)
}

// guid reports whether s is a GUID, with or without its dashes and braces.
func guid(s string) bool {
	s = strings.ReplaceAll(strings.Trim(s, "{}"), "-", "")
	return len(s) == 32 && strings.Trim(strings.ToLower(s), "0123456789abcdef") == ""
}

// runsOn refuses a title whose first words run up to a file's name: the
// rest of rawURL, cut at a space.
func runsOn(rawURL string, title []string, ends func(string) bool) error {
	// The first few words only, up to a dash that begins a title: a file
	// named later in a title is the title's business.
	for i, w := range title[:min(len(title), 3)] {
		if w == "-" || w == "—" || w == ":" {
			break
		}
		if strings.Contains(w, "://") || strings.HasPrefix(strings.ToLower(w), "www.") {
			// An address of its own, given as the title: LinkText shows
			// which host the link really goes to.
			break
		}
		// The address may go on past the file's name, with a query, more
		// of one, or a fragment: "Report.pdf&id=4", "Report.pdf#page=2".
		name := Unescape(w)
		if i := strings.IndexAny(name, "?&#"); i >= 0 {
			name = name[:i]
		}
		if ends(w) || ends(name) {
			// The words come as Slack sent them, escaped (`&amp;`); the
			// refusal is escaped as a whole, and shows them as typed.
			rest := Unescape(strings.Join(title[:i+1], " "))
			whole := rawURL + "%20" + strings.ReplaceAll(rest, " ", "%20")
			return fmt.Errorf("a link cannot contain a space, and `%s` looks like the rest of the address: type each space in it as %%20, e.g. `%s`, then the title; if it is the title, put a dash before it: `%s - %s`", truncateText(rest, 100), truncateText(whole, 200), truncateText(rawURL, 200), truncateText(Unescape(strings.Join(title, " ")), 100))
		}
	}
	return nil
}

// pageEnding reports whether name ends as a page's or a file's name does
// (.html, .aspx, .mp4): a letter after the last dot, then letters or
// digits, five at most. A dot in a date (12.03.2026), a version (v1.2) or
// "St." is no ending: the address may go on past a space.
func pageEnding(name string) bool {
	i := strings.LastIndex(name, ".")
	if i < 0 {
		return false
	}
	ext := name[i+1:]
	if ext == "" || len(ext) > 5 || !unicode.IsLetter(rune(ext[0])) {
		return false
	}
	for _, r := range ext {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// spaceAfter reports whether word i of text (as strings.Fields splits it)
// is followed by plain spaces alone, the way words are typed apart.
func spaceAfter(text string, i int) bool {
	inWord := false
	for j, r := range text {
		switch {
		case !unicode.IsSpace(r):
			inWord = true
		case inWord:
			inWord = false
			if i == 0 {
				end := strings.IndexFunc(text[j:], func(r rune) bool { return !unicode.IsSpace(r) })
				if end < 0 {
					return true // white space at the end cuts nothing short
				}
				return strings.Trim(text[j:j+end], " ") == ""
			}
			i--
		}
	}
	return true
}

// submitReport is `/report [DATE] ITEM URL [TITLE]`. A link for the
// meeting at the table, on an item with no presenter or from an officer,
// is one statement that also finds the committee, the member, the
// meeting and the item (SubmitReportFrom), as a declaration is; any
// other goes the long way, where the presenter's rule is applied.
func submitReport(ctx context.Context, s *Service, in *Input) (Reply, error) {
	if reply, ok, err := s.submitReportFrom(ctx, in); ok || err != nil {
		return reply, err
	}
	if err := s.admitSelf(ctx, in); err != nil {
		return Reply{}, err
	}
	c := in.Committee
	// An officer or the chair attaches a member's report for them with
	// `for` first, as apologies and declarations are entered: the link is
	// the member's, and its history says who entered it.
	b, args, found, err := takeFor(in.Args)
	if err != nil {
		return Reply{}, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	who, text := in.Me, in.Text
	if found {
		if who, err = s.onBehalf(ctx, in, b, "attach a report for someone else", "/report", true); err != nil {
			return Reply{}, err
		}
		text = textFrom(in.Text, len(in.Args)-len(args), args)
	} else if isFor(args) {
		return Reply{}, s.forNotNamed(ctx, in, args, "/report", " ITEM URL", "attach a report for someone else")
	}
	a, err := parseReport(text, in.Now, c.Location())
	if err != nil {
		if slip := in.subSlip(args); slip != nil {
			return Reply{}, slip
		}
		return Reply{}, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	// A mention is kept as the name the sender saw, as in a reason: the
	// title is a link's text, where markup cannot show as a mention.
	a.Title = s.namedMentions(ctx, a.Title)
	if n := utf8.RuneCountInString(a.Title); n > MaxReportTitleLen {
		return Reply{}, usageErr("That title is too long (%d characters; the limit is %d).", n, MaxReportTitleLen)
	}
	m, it, err := s.openItem(ctx, in, a.Date, saidNextFirst(strings.Fields(text)), a.Item, "report links")
	if err != nil {
		return Reply{}, err
	}
	if who, err = s.onRecordAt(ctx, m, who); err != nil {
		return Reply{}, err
	}
	saidDay := ""
	if !a.Date.IsNext() || saidNextFirst(strings.Fields(text)) {
		saidDay = " " + m.StartsAt.In(c.Location()).Format("2006-01-02")
	}
	// An officer's own paper for a heading is theirs to attach, as the
	// one-statement path lets it be (reportFromSQL).
	if own := who.UserID == in.UserID; !own || !in.Me.IsOfficer() {
		if err := s.headingNotTheirs(ctx, c, m, it, who, own, saidDay); err != nil {
			return Reply{}, err
		}
	}
	// An officer attaches any item's report, for anyone; the chair
	// entering one for someone does so only where that person may.
	if !in.Me.IsOfficer() {
		if err := s.mayReport(ctx, c, who, it); err != nil {
			var ue *UserError
			if who.UserID != in.UserID && errors.As(err, &ue) {
				// The refusal speaks of the person it is entered for.
				return Reply{}, userErr("%s may not send the report for %s, so it cannot be entered for them. %s", personText(who.UserID, who.Name), Escape(itemLabel(it)), ue.Msg)
			}
			return Reply{}, err
		}
	}
	loc := c.Location()
	told := toldOf(c, who, in.Request, fmt.Sprintf("attached a report for you to %s at the meeting of *%s* on %s: %s\nIf this is wrong, `/report remove %s %s` in <#%s> removes it.",
		Escape(itemLabel(it)), Escape(c.Name), describeMeeting(m, loc), LinkText(a.URL, a.Title), DateOf(m.StartsAt, loc).iso(), Escape(it.Number), c.ChannelID))
	outcome, err := s.store.SubmitReport(ctx, ReportLink{
		MeetingID: m.ID, Item: it.Number, ItemID: it.ID, UserID: who.UserID, Name: who.Name, URL: a.URL, Title: a.Title, At: in.Now, By: in.UserID,
	}, told)
	if err != nil {
		return Reply{}, err
	}
	stood, err := s.unchangedLink(ctx, m.ID, it, who, outcome)
	if err != nil {
		return Reply{}, err
	}
	if who.UserID == in.UserID {
		who = Member{}
	}
	return reportedReplyFor(c, m, it, a, outcome, who, in.UserID, stood), nil
}

// textFrom is text after its first n words (as strings.Fields splits
// them), white space inside the rest kept as typed, so that parseReport
// still finds an address broken by a tab or a line break; rest is those
// words, as takeFor returned them. A quoted name closed inside a word
// (`"Jen Williams"4`) leaves words that are not text's own: the rest is
// then rest joined by spaces.
func textFrom(text string, n int, rest []string) string {
	i := 0
	for ; n > 0; n-- {
		i += strings.IndexFunc(text[i:], func(r rune) bool { return !unicode.IsSpace(r) })
		end := strings.IndexFunc(text[i:], unicode.IsSpace)
		if end < 0 {
			i = len(text)
			break
		}
		i += end
	}
	after := text[i:]
	if slices.Equal(strings.Fields(after), rest) {
		return after
	}
	return strings.Join(rest, " ")
}

// submitReportFrom is submitReport's one round trip; ok is false, with
// nothing done, for a link it does not take.
func (s *Service) submitReportFrom(ctx context.Context, in *Input) (Reply, bool, error) {
	// `next` said, while a meeting is in progress, is the meeting after
	// it, which the statement, finding the meeting at the table, is not.
	if in.committeeID != 0 || saidNextFirst(strings.Fields(in.Text)) {
		return Reply{}, false, nil
	}
	// Whether the text starts with a date does not depend on the time
	// zone; only which day a relative one names does.
	a, err := parseReport(in.Text, in.Now, time.UTC)
	// A mention in the title is named by submitReport, which asks the
	// directory.
	if err != nil || !a.Date.IsNext() || len(a.Item) > MaxItemLen || strings.Contains(a.Title, mentionMark) {
		return Reply{}, false, nil
	}
	f, ok, err := s.store.SubmitReportFrom(ctx, ReportRequest{
		TeamID: in.TeamID, ChannelID: in.ChannelID, UserID: in.UserID, At: in.Now,
		Items: itemAliases(a.Item), URL: a.URL, Title: a.Title, Replay: in.Replay,
	})
	if read, err := readHere(err); !read || !ok {
		return Reply{}, false, err
	}
	in.admitFrom(f.Origin)
	stood, err := s.unchangedLink(ctx, f.Meeting.ID, f.Item, Member{UserID: in.UserID}, f.Outcome)
	if err != nil {
		return Reply{}, false, err
	}
	return reportedReplyFor(in.Committee, f.Meeting, f.Item, a, f.Outcome, Member{}, in.UserID, stood), true, nil
}

// unchangedLink is the link of who (by user, or by name for someone not
// in Slack) standing on item it of meeting meetingID, when a submission
// left it unchanged: the reply says when it was attached and, when
// someone else entered it, who. It reads only for a link unchanged, which
// is rare; the zero link otherwise.
func (s *Service) unchangedLink(ctx context.Context, meetingID int64, it AgendaItem, who Member, outcome ReportOutcome) (ReportLink, error) {
	if outcome != ReportUnchanged {
		return ReportLink{}, nil
	}
	links, err := s.store.ReportLinks(ctx, meetingID)
	if err != nil {
		return ReportLink{}, err
	}
	for _, l := range links {
		onIt := l.ItemID == it.ID && (it.ID != 0 || l.Item == it.Number)
		theirs := l.UserID == who.UserID && (who.UserID != "" || l.Name == who.Name)
		if theirs && onIt {
			return l, nil
		}
	}
	return ReportLink{}, nil
}

// reportedReplyFor says what became of the link a for item it of meeting
// m, sent by sender and entered for forWho by an officer or the chair
// (zero for the sender's own). stood, for a link left unchanged, is the
// link as it stands: when it was attached, and by whom.
func reportedReplyFor(c Committee, m Meeting, it AgendaItem, a reportArgs, outcome ReportOutcome, forWho Member, sender string, stood ReportLink) Reply {
	var b strings.Builder
	other := forWho.UserID != "" || forWho.Name != ""
	// When it was attached, as a declaration left unchanged says when it
	// was declared: a member who forgot sending it learns when they did.
	on := ""
	if !stood.At.IsZero() {
		on = " (on " + formatWhen(stood.At, c.Location()) + ")"
	}
	switch {
	case !other && outcome == ReportUnchanged && enteredFor(stood.By, sender):
		// They did not attach it: whoever did should be named, as the
		// history names them.
		fmt.Fprintf(&b, "This report for %s was already attached for you, entered by <@%s>%s; nothing changed.", Escape(itemLabel(it)), stood.By, on)
	case other && outcome == ReportUnchanged:
		fmt.Fprintf(&b, "The report of %s for %s was already attached%s; nothing changed.", whoText(forWho), Escape(itemLabel(it)), on)
	case other:
		done := "attached"
		if outcome == ReportReplaced {
			done = "replaced (the earlier link stays in the history)"
		}
		fmt.Fprintf(&b, "The report of %s for %s at the meeting on %s is %s. Its history says you entered it.",
			whoText(forWho), Escape(itemLabel(it)), formatDay(m.StartsAt, c.Location()), done)
		if forWho.UserID != "" {
			// Told by toldOf, queued with the link.
			b.WriteString(" " + toldThem)
		}
	case outcome == ReportUnchanged:
		fmt.Fprintf(&b, "You had already attached this report to %s%s; nothing changed.", Escape(itemLabel(it)), on)
	case outcome == ReportReplaced:
		fmt.Fprintf(&b, "Your report for %s at the meeting on %s is replaced (the earlier link stays in the history).", Escape(itemLabel(it)), formatDay(m.StartsAt, c.Location()))
	default:
		fmt.Fprintf(&b, "Your report for %s at the meeting on %s is attached.", Escape(itemLabel(it)), formatDay(m.StartsAt, c.Location()))
	}
	// The address is said once, as the link itself: under a title, on a
	// line of its own, where the sender can check it in full (the lists
	// show the title and the host only); without one, it is the report.
	if oneLine(a.Title) == "" {
		fmt.Fprintf(&b, "\nReport: %s", LinkText(a.URL, ""))
	} else {
		fmt.Fprintf(&b, "\nReport: %s\nAddress: %s", Escape(linkLabel(a.Title)), LinkText(a.URL, ""))
	}
	if a.Title != "" && linkLabel(a.Title) == neutralLabel {
		fmt.Fprintf(&b, "\nThe title reads like a web address, so the link shows as \"%s\" with the host it opens: a link's text never names another address.", neutralLabel)
	}
	return Reply{Visibility: Private, Text: b.String()}
}

// parseReportRemove reads "[DATE] ITEM [@member|"Name (Organisation)"]":
// whose is the member mentioned, none when no one is named; named is
// someone named in quotes, whose link was entered by name (or a member,
// by their name). ok is false when the words say neither.
func parseReportRemove(args []string, now time.Time, loc *time.Location) (d Date, item, whose string, named *behalf, ok bool) {
	d, item, rest, err := takeDateItem(args, now, loc)
	if err != nil {
		return d, item, "", nil, false
	}
	switch {
	case len(rest) == 0:
		return d, item, "", nil, true
	case len(rest) == 1 && !strings.ContainsRune(quotes, firstRune(rest[0])):
		whose, _, ok = mention(rest[0])
		return d, item, whose, nil, ok
	}
	b, after, found, err := takeFor(append([]string{"for"}, rest...))
	if err != nil || !found || len(after) > 0 || b.UserID != "" {
		return d, item, "", nil, false
	}
	return d, item, "", &b, true
}

func removeReport(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	if err := nextAndDate("/report remove", "…", in.Args, in.Now, c.Location()); err != nil {
		return Reply{}, badArgs(err)
	}
	d, item, whose, named, ok := parseReportRemove(in.Args, in.Now, c.Location())
	if whose == "" && named == nil {
		whose = in.UserID
	}
	if _, _, rest, err := takeDateItem(in.Args, in.Now, c.Location()); !ok && err == nil && len(rest) > 0 {
		// The item was given: what is wrong is whose, which is named by
		// mention, or in quotes. A member's name typed bare is answered
		// with them.
		typed := inCode(Escape(truncateText(strings.Join(rest, " "), 40)))
		if err := s.notMentioned(ctx, in, rest[0], fmt.Sprintf("`%s` is not a mention", typed), ""); err != nil {
			return Reply{}, err
		}
		return Reply{}, usageErr("After the item, name whose report to remove by mention, e.g. `/report remove %s @neil`, or someone not in Slack in quotes, e.g. `/report remove %s \"Jen Williams (NW Probation)\"`; `%s` is neither.", inCode(Escape(item)), inCode(Escape(item)), typed)
	}
	if _, n, err := takeDate(in.Args, in.Now, c.Location()); !ok && (err != nil || n < len(in.Args)) {
		// A date that does not exist, or a word where the item's number
		// goes, is answered as /report answers it, not as if no item had
		// been given.
		if _, _, _, err := takeDateItem(in.Args, in.Now, c.Location()); err != nil {
			return Reply{}, badArgs(err)
		}
	}
	if !ok {
		return Reply{}, usageErr("Say which item's report to remove, e.g. `/report remove 7.5`; an officer or the chair may add whose, e.g. `/report remove 7.5 @neil`, or `/report remove 4 \"Jen Williams (NW Probation)\"` for someone not in Slack.")
	}
	// Without a date, the meeting in progress while one is, where
	// `/report ITEM URL` attached the link; `next` said is the meeting
	// after it.
	var m Meeting
	var running bool
	var err error
	if saidNextFirst(in.Args) {
		m, err = s.meetingSaid(ctx, in, d, true)
	} else {
		m, running, err = s.meetingAtTable(ctx, c, in.Next, in.Table, d, in.Now)
	}
	if err != nil {
		return Reply{}, err
	}
	// The commands the replies suggest name the meeting unless it is the
	// next, so that following them changes this meeting's links.
	on := ""
	if !d.IsNext() && (in.Next == nil || in.Next.ID != m.ID) {
		on = m.StartsAt.In(c.Location()).Format("2006-01-02") + " "
	}
	// The chair removes what the chair may enter for someone (`/report
	// for`), as an officer does.
	if whose != in.UserID {
		if err := s.chairing(ctx, in.Request, Origin{Committee: c, Member: &in.Me}, "remove someone else's report link"); err != nil {
			if !isUserErr(err) {
				return Reply{}, err
			}
			return Reply{}, userErr("Only an officer or the chair can remove someone else's report link. You can remove your own with `/report remove %s%s`.", on, Escape(item))
		}
	}
	var who Member
	if named != nil {
		// A member's name is the member: their link is under their user.
		if who, err = s.onBehalf(ctx, in, *named, "remove someone else's report link", "/report remove", false); err != nil {
			return Reply{}, err
		}
		whose = who.UserID
	}
	// A meeting under way takes links until it closes, past its starting
	// time too, as attaching one does (openItem).
	if err := openFor(c, m, in.Now, "report links"); err != nil && !running {
		return Reply{}, err
	}
	it, label, err := s.itemOn(ctx, m, item)
	if err != nil {
		return Reply{}, err
	}
	links, err := s.store.ReportLinks(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	var onItem []ReportLink
	for _, l := range links {
		f := l.filed()
		if it.ID != 0 && f.on(it) || it.ID == 0 && strings.EqualFold(f.number(), item) {
			onItem = append(onItem, l)
		}
	}
	var link *ReportLink
	for i, l := range onItem {
		if l.UserID == whose && (whose != "" || sameName(l.Name, who.Name)) {
			link = &onItem[i]
		}
	}
	day := formatDay(m.StartsAt, c.Location())
	if link == nil && it.ID == 0 && len(onItem) == 0 {
		// No such item and no link filed under its number: answered as
		// attaching one is, with the items there are.
		items, err := s.store.AgendaItems(ctx, m.ID)
		if err != nil {
			return Reply{}, err
		}
		return Reply{}, s.notOnAgendaErr(ctx, c, m, item, items)
	}
	if link == nil {
		switch {
		case whose == "":
			return Reply{}, userErr("%s has no report attached to %s for the meeting on %s.", whoText(who), Escape(label), day)
		case whose != in.UserID:
			return Reply{}, userErr("<@%s> has no report attached to %s for the meeting on %s.", whose, Escape(label), day)
		case in.Me.IsOfficer() && len(onItem) > 0:
			who := make([]string, len(onItem))
			for i, l := range onItem {
				who[i] = Escape(l.Name)
				if l.UserID != "" {
					who[i] = "<@" + l.UserID + ">"
				}
			}
			return Reply{}, userErr("You have no report attached to %s. The links standing for it are from %s: say whose to remove, e.g. `/report remove %s%s @member`.", Escape(label), joinAnd(who), on, Escape(item))
		}
		return Reply{}, userErr("You have no report attached to %s for the meeting on %s.", Escape(label), day)
	}
	label = link.filed().label(nil)
	if it.ID != 0 {
		label = itemLabel(it)
	}
	history := ""
	if on != "" {
		history = " " + strings.TrimSpace(on)
	}
	// The member hears of it from the officer, rather than finding it
	// gone: the message is queued with the removal, so that neither
	// stands without the other.
	text := fmt.Sprintf("removed your report link for %s at the meeting of *%s* on %s: %s. `/history reports%s` keeps it, and who removed it.",
		Escape(label), Escape(c.Name), day, LinkText(link.URL, link.Title), history)
	if it.ID != 0 {
		text += fmt.Sprintf(" If a report should stand, send its link with `/report %s%s URL` in <#%s>.", on, Escape(it.Number), c.ChannelID)
	}
	notice := toldOf(c, Member{UserID: whose}, in.Request, text)
	err = s.store.RemoveReport(ctx, m.ID, link.ItemID, link.Item, whose, link.Name, in.UserID, in.Now, notice)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, userErr("That report link was removed just now; `/report list` shows those standing.")
	}
	if err != nil {
		return Reply{}, err
	}
	switch {
	case whose == "":
		return private("%s's report for %s is removed: %s. `/history reports%s` keeps the link, and that you removed it.", Escape(link.Name), Escape(label), LinkText(link.URL, link.Title), history), nil
	case notice == nil:
		return private("Your report for %s is removed; `/history reports%s` shows it, and when you removed it.", Escape(label), history), nil
	}
	return private("%s's report for %s is removed: %s. `/history reports%s` keeps the link, and that you removed it. %s", Escape(link.Name), Escape(label), LinkText(link.URL, link.Title), history, toldThem), nil
}

// mayReport refuses me a report link for it unless they may send one: for
// an item with a presenter, the presenter, a member of the organisation
// printed for the item or of a presenter's, or an officer; for an item
// with none, any member.
func (s *Service) mayReport(ctx context.Context, c Committee, me Member, it AgendaItem) error {
	if strings.TrimSpace(it.Presenter) == "" || me.IsOfficer() {
		return nil
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return err
	}
	p := presentersOf(it, members)
	if p.includes(me) {
		return nil
	}
	// A presenter removed from the committee since the item was added
	// still speaks for their organisation's item: its other members, the
	// one who took their place among them, send the report, rather than
	// be sent to someone who can no longer send it. Read only here, as
	// refusals are few.
	removed, err := s.store.RemovedMembers(ctx, c.ID)
	if err != nil {
		return err
	}
	if p = presentersOf(it, append(members, removed...)); p.includes(me) {
		return nil
	}
	who := []string{Escape(oneLine(stripBrackets(it.Presenter)))}
	for _, org := range p.orgNames {
		who = append(who, "members from "+Escape(org))
	}
	who = append(who, "an officer")
	return userErr("Only %s can attach the report for %s. Ask one of them to send it, or an officer to attach it.", joinOr(who), Escape(itemLabel(it)))
}

// headingNotTheirs refuses a link for a heading (item 7, "Partner
// Reports") from someone who presents an item numbered under it (7.7): a
// partner typing the heading's number, which the agenda prints on its own
// line above theirs, would otherwise be told the report is attached while
// their own item stays missing, and they are reminded of it. own says the
// link is the sender's; dateWord is what to type before the item's number.
func (s *Service) headingNotTheirs(ctx context.Context, c Committee, m Meeting, it AgendaItem, who Member, own bool, dateWord string) error {
	n, err := ParseItemNumber(it.Number)
	// Someone named for the heading itself presents it too.
	if err != nil || n.Section != 0 || n.Sub > 0 || n.Letter != 0 || presentersOf(it, nil).includes(who) {
		return nil
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return err
	}
	var theirs []AgendaItem
	for _, sub := range items {
		sn, err := ParseItemNumber(sub.Number)
		if err != nil || sn.Section != 0 || sn.Top != n.Top || sn.Sub == 0 && sn.Letter == 0 || strings.TrimSpace(sub.Presenter) == "" {
			continue
		}
		// Named as printed: not a colleague of the organisation the item
		// is for (the chair, of Sefton Council, is not the presenter of
		// "11.1 Sefton Council — Janette Maxwell" and may attach a paper
		// to the heading).
		if presentersOf(sub, nil).includes(who) {
			theirs = append(theirs, sub)
		}
	}
	if len(theirs) == 0 {
		return nil
	}
	labels := make([]string, len(theirs))
	for i, sub := range theirs {
		labels[i] = Escape(itemLabel(sub))
	}
	if !own {
		return userErr("%s presents %s, numbered under %s: enter their report under item %s instead. Nothing was attached.",
			personText(who.UserID, who.Name), joinAnd(labels), Escape(itemLabel(it)), theirs[0].Number)
	}
	return userErr("Your report is for %s, numbered under %s: `/report%s %s URL` attaches it there. Nothing was attached.",
		joinAnd(labels), Escape(itemLabel(it)), dateWord, theirs[0].Number)
}

// itemPresenters are who present an item: the names printed, and the
// organisations (the item's, those in brackets after names, and those of
// the members who present it).
type itemPresenters struct {
	names    map[string]bool // folded, titles dropped (see presenterNames)
	orgs     map[string]bool // folded
	orgNames []string        // as printed, once each
}

func presentersOf(it AgendaItem, members []Member) itemPresenters {
	p := itemPresenters{names: map[string]bool{}, orgs: map[string]bool{}}
	addOrg := func(org string) {
		org = oneLine(org)
		if k := foldOrg(org); k != "" && !p.orgs[k] {
			p.orgs[k] = true
			p.orgNames = append(p.orgNames, org)
		}
	}
	addOrg(it.Organisation)
	for _, org := range bracketed(it.Presenter) {
		addOrg(org)
	}
	for _, n := range presenterNames(stripBrackets(it.Presenter)) {
		p.names[n] = true
	}
	for _, mem := range members {
		for _, n := range presenterNames(mem.Name) {
			if p.names[n] {
				addOrg(mem.Organisation)
				break
			}
		}
		// An item titled with an organisation's name, as partner reports
		// are ("7.5 SWACA"), is that organisation's: the name printed
		// for it may be misspelt, or someone else may present.
		if k := foldOrg(mem.Organisation); k != "" && k == foldOrg(it.Title) {
			addOrg(mem.Organisation)
		}
	}
	return p
}

// includes reports whether me presents the item or belongs to one of its
// organisations.
func (p itemPresenters) includes(me Member) bool {
	for _, n := range presenterNames(me.Name) {
		if p.names[n] {
			return true
		}
	}
	return p.orgs[foldOrg(me.Organisation)]
}

// foldOrg folds an organisation's name for matching: "The Sefton CVS" and
// "sefton  cvs" are one.
func foldOrg(org string) string {
	org = strings.Trim(FoldName(org), " .,")
	return strings.TrimPrefix(org, "the ")
}

// bracketed lists the texts in brackets in s: the organisations printed
// after presenters' names, "Jen Williams (NW Probation), James Gillett
// (Sefton Council)".
func bracketed(s string) []string {
	var out []string
	for {
		open := strings.Index(s, "(")
		if open < 0 {
			return out
		}
		end := strings.Index(s[open:], ")")
		if end < 0 {
			return out
		}
		out = append(out, s[open+1:open+end])
		s = s[open+end+1:]
	}
}

// stripBrackets is s without its bracketed texts.
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	left := false // a bracketed part was just left out
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
			left = depth == 0
		case depth == 0:
			if left && strings.ContainsRune(",;", r) {
				// "Jen Williams (NW Probation), James Gillett": the space
				// before the bracket goes with it, or the name would read
				// "Jen Williams , James Gillett".
				kept := strings.TrimRight(b.String(), " ")
				b.Reset()
				b.WriteString(kept)
			}
			left = left && r == ' '
			b.WriteRune(r)
		}
	}
	return oneLine(b.String())
}

func listReports(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, links, items, err := s.reportsOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	lines := make([]string, len(links))
	for i, l := range links {
		lines[i] = fmt.Sprintf("• %s: %s — %s, %s%s%s", Escape(l.filed().label(items)), LinkText(l.URL, l.Title), Escape(l.Name), formatWhen(l.At, loc), madeAs(l.filed(), items),
			enteredBy(l.By, l.UserID))
	}
	head := fmt.Sprintf("*Reports* — %s, meeting on %s", Escape(c.Name), describeMeeting(m, loc))
	return listing(head, "No reports have been attached yet.", lines), nil
}

// reportsOn finds the meeting of the date that is all in takes, and lists
// its standing report links in agenda order, with the agenda's items.
func (s *Service) reportsOn(ctx context.Context, in *Input) (Meeting, []ReportLink, []AgendaItem, error) {
	m, err := s.meetingRead(ctx, in)
	if err != nil {
		return Meeting{}, nil, nil, err
	}
	links, err := s.store.ReportLinks(ctx, m.ID)
	if err != nil {
		return Meeting{}, nil, nil, err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Meeting{}, nil, nil, err
	}
	sort.SliceStable(links, func(i, j int) bool { return links[i].filed().key(items) < links[j].filed().key(items) })
	return m, links, items, nil
}

func missingReports(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, links, items, err := s.reportsOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	var b strings.Builder
	missing := 0
	for _, it := range items {
		if it.Presenter == "" || hasReport(it, links) {
			continue
		}
		missing++
		who := it.Presenter
		if it.Organisation != "" {
			who += " (" + it.Organisation + ")"
		}
		fmt.Fprintf(&b, "\n• %s — %s", Escape(itemLabel(it)), Escape(who))
	}
	head := fmt.Sprintf("*Reports missing* — meeting on %s", describeMeeting(m, c.Location()))
	if missing == 0 {
		return private("%s\nEvery item with a presenter has a report attached.", head), nil
	}
	return private("%s\n%d %s with a presenter %s no report yet:%s", head, missing, plural(missing, "item", "items"), plural(missing, "has", "have"), b.String()), nil
}

// hasReport reports whether a link stands for it among links.
func hasReport(it AgendaItem, links []ReportLink) bool {
	for _, l := range links {
		if l.filed().on(it) {
			return true
		}
	}
	return false
}
