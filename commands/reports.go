package commands

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
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
// absolute http or https address with a host, at most MaxURLLen bytes, with
// no white space or control characters and no user name or password in it.
func CheckURL(s string) error {
	switch {
	case s == "":
		return errors.New("give the report's web address, starting https://")
	case len(s) > MaxURLLen:
		return fmt.Errorf("that address is too long (%d characters; the limit is %d)", len(s), MaxURLLen)
	case !utf8.ValidString(s):
		return errors.New("that address is not valid text")
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
	if net.ParseIP(host) == nil {
		for _, r := range host {
			if r != '-' && r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return errors.New("that address's host name is not valid")
			}
		}
	}
	return nil
}

// LinkText renders a report link for reply text (Slack mrkdwn): as a link
// "<url|title>" when the address cannot break out of Slack's link syntax,
// otherwise as escaped plain text.
func LinkText(rawURL, title string) string {
	label := oneLine(title)
	if label == "" {
		label = rawURL
	}
	if CheckURL(rawURL) == nil && !strings.ContainsAny(rawURL, "|<>") {
		return "<" + strings.ReplaceAll(rawURL, "&", "&amp;") + "|" + Escape(label) + ">"
	}
	if title != "" {
		return Escape(label) + " — " + Escape(rawURL)
	}
	return Escape(rawURL)
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
			Usage:    []string{"/report ITEM URL [TITLE]"},
			Summary:  "Attach the link to your report for an item of the next meeting's agenda; sending another replaces it.",
			Examples: []string{"/report 7.5 https://example.org/swaca-vawg.pdf SWACA perspective on VAWG"},
			Who:      Members, Run: submitReport,
		}, {
			Name:     "list",
			Usage:    []string{"/report list [DATE]"},
			Summary:  "The report links attached for the next meeting, or the one on DATE.",
			Examples: []string{"/report list"},
			Read:     true, Who: Members, Run: listReports,
		}, {
			Name:    "missing",
			Usage:   []string{"/report missing [DATE]   (officer)"},
			Summary: "The items with a presenter and no report yet.",
			Read:    true, Who: Officers, Doing: "see which reports are missing", Run: missingReports,
		}, {
			Name:     "remove",
			Usage:    []string{"/report remove ITEM"},
			Summary:  "Remove your report link for an item; the history keeps it.",
			Examples: []string{"/report remove 7.5"},
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

// parseReport reads the text of "/report [DATE] ITEM URL [TITLE]".
func parseReport(args []string, now time.Time, loc *time.Location) (reportArgs, error) {
	var a reportArgs
	var rest []string
	var err error
	if a.Date, a.Item, rest, err = takeDateItem(args, now, loc); err != nil {
		return a, err
	}
	if len(rest) == 0 {
		return a, errors.New("give the report's web address after the item number")
	}
	a.URL = unwrapLink(rest[0])
	if err := CheckURL(a.URL); err != nil {
		return a, err
	}
	rest = rest[1:]
	if len(rest) > 0 && (rest[0] == "-" || rest[0] == "—" || rest[0] == ":") {
		rest = rest[1:]
	}
	a.Title = plain(rest)
	if len(a.Title) > MaxReportTitleLen {
		return a, fmt.Errorf("that title is too long (%d characters; the limit is %d)", len(a.Title), MaxReportTitleLen)
	}
	return a, nil
}

func submitReport(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	a, err := parseReport(in.Args, in.Now, c.Location())
	if err != nil {
		return Reply{}, usageErr("%s.", capitalise(Escape(err.Error())))
	}
	m, it, err := s.openItem(ctx, c, a.Date, a.Item, in.Now)
	if err != nil {
		return Reply{}, err
	}
	outcome, err := s.store.SubmitReport(ctx, ReportLink{
		MeetingID: m.ID, Item: it.Number, UserID: in.UserID, Name: in.Me.Name, URL: a.URL, Title: a.Title, At: in.Now, By: in.UserID,
	})
	if err != nil {
		return Reply{}, err
	}
	var b strings.Builder
	switch outcome {
	case ReportUnchanged:
		fmt.Fprintf(&b, "You had already attached this report to %s; nothing changed.", Escape(itemLabel(it)))
	case ReportReplaced:
		fmt.Fprintf(&b, "Your report for %s at the meeting on %s is replaced (the earlier link stays in the history).", Escape(itemLabel(it)), formatDay(m.StartsAt, c.Location()))
	default:
		fmt.Fprintf(&b, "Your report for %s at the meeting on %s is attached.", Escape(itemLabel(it)), formatDay(m.StartsAt, c.Location()))
	}
	fmt.Fprintf(&b, "\nReport: %s\nAddress: %s", LinkText(a.URL, a.Title), Escape(a.URL))
	reply := Reply{Visibility: Private}
	if outcome != ReportUnchanged {
	}
	reply.Text = b.String()
	return reply, nil
}

func removeReport(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	item, n := takeItem(in.Args)
	if n == 0 || n != len(in.Args) {
		return Reply{}, usageErr("Say which item's report to remove, e.g. `/report remove 7.5`.")
	}
	m, err := s.meetingFor(ctx, c, Date{}, in.Now)
	if err != nil {
		return Reply{}, err
	}
	if err := openForDeclarations(c, m, in.Now); err != nil {
		return Reply{}, err
	}
	item, label, err := s.itemLabelOn(ctx, m, item)
	if err != nil {
		return Reply{}, err
	}
	err = s.store.RemoveReport(ctx, m.ID, item, in.UserID, in.UserID)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, userErr("You have no report attached to %s for the meeting on %s.", Escape(label), formatDay(m.StartsAt, c.Location()))
	}
	if err != nil {
		return Reply{}, err
	}
	reply := private("Your report for %s is removed (the history keeps a record of it).", Escape(label))
	return reply, nil
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
		lines[i] = fmt.Sprintf("• %s: %s — %s, %s", Escape(labelFor(items, l.Item)), LinkText(l.URL, l.Title), Escape(l.Name), formatWhen(l.At, loc))
	}
	head := fmt.Sprintf("*Reports* — %s, meeting on %s", Escape(c.Name), describeMeeting(m, loc))
	return listing(head, "No reports have been attached yet.", lines), nil
}

// reportsOn finds the meeting of the date that is all in takes, and lists
// its standing report links in agenda order, with the agenda's items.
func (s *Service) reportsOn(ctx context.Context, in *Input) (Meeting, []ReportLink, []AgendaItem, error) {
	m, err := s.meetingOn(ctx, in)
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
	pos := func(n string) int {
		if it, ok := findItem(items, n); ok {
			return ItemKey(it.Number)
		}
		return 1 << 30
	}
	sort.SliceStable(links, func(i, j int) bool { return pos(links[i].Item) < pos(links[j].Item) })
	return m, links, items, nil
}

func missingReports(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, links, items, err := s.reportsOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	have := map[string]bool{}
	for _, l := range links {
		have[strings.ToLower(l.Item)] = true
	}
	var b strings.Builder
	missing := 0
	for _, it := range items {
		if it.Presenter == "" || have[strings.ToLower(it.Number)] {
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
