package commands

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// MinutesPath is the address, under the public URL, of meeting id's
// printable minutes.
func MinutesPath(meetingID int64, token string) string {
	return "/minutes/" + strconv.FormatInt(meetingID, 10) + "-" + token
}

// minutesLink is the URL of meeting m's printable minutes, its token made
// when first asked for.
func (s *Service) minutesLink(ctx context.Context, m Meeting) (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("minutes link: %w", err)
	}
	token, err := s.store.MinutesPage(ctx, m.ID, hex.EncodeToString(b))
	if err != nil {
		return "", err
	}
	return s.publicURL + MinutesPath(m.ID, token), nil
}

// MinutesPage is the printable HTML of the minutes a path segment names
// ("42-{token}"), as they stand at now. A wrong or unknown token is
// ErrNotFound, as is a meeting with none.
func (s *Service) MinutesPage(ctx context.Context, ref string, now time.Time) ([]byte, error) {
	idText, token, _ := strings.Cut(ref, "-")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 || token == "" {
		return nil, fmt.Errorf("minutes page %q: %w", ref, ErrNotFound)
	}
	stored, err := s.store.MinutesPage(ctx, id, "")
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare([]byte(stored), []byte(token)) != 1 {
		return nil, fmt.Errorf("minutes page %d: wrong token: %w", id, ErrNotFound)
	}
	m, err := s.store.Meeting(ctx, id)
	if err != nil {
		return nil, err
	}
	c, err := s.store.CommitteeByID(ctx, m.CommitteeID)
	if err != nil {
		return nil, err
	}
	src, _, err := s.minutesSource(ctx, c, m)
	if err != nil {
		return nil, err
	}
	// The draft of a meeting still to come is headed as to be held, on
	// the page as in Slack: "held on" would read as a record of it.
	src.ToCome = toCome(m, src.Opened, now)
	return MinutesHTML(CompileMinutes(src))
}

// MinutesDocumentOf compiles the minutes of committee c's meeting on d,
// for export. A meeting still to come at now, or cancelled, is refused: an export is
// what gets circulated, and minutes of a meeting not yet held, headed as
// held or not, would read as a record of it; the officer's draft of it is
// in Slack, where it is headed as to be held.
func (s *Service) MinutesDocumentOf(ctx context.Context, c Committee, d Date, now time.Time) (MinutesDocument, error) {
	m, err := s.meetingFor(ctx, c, d, now)
	if err != nil {
		return MinutesDocument{}, err
	}
	src, _, err := s.minutesSource(ctx, c, m)
	if err != nil {
		return MinutesDocument{}, err
	}
	if m.Status == MeetingCancelled && src.Opened.IsZero() {
		// Not held, it has no minutes: compiled, they would be headed as
		// held on its day.
		return MinutesDocument{}, userErr("The meeting on %s was cancelled, so it has no minutes to circulate.",
			formatDay(m.StartsAt, c.Location()))
	}
	if toCome(m, src.Opened, now) {
		return MinutesDocument{}, userErr("The meeting on %s has not taken place yet, so it has no minutes to circulate. The draft being prepared for it is shown in Slack by `/minutes draft %s`.",
			formatDay(m.StartsAt, c.Location()), m.StartsAt.In(c.Location()).Format("2006-01-02"))
	}
	return CompileMinutes(src), nil
}

// Markdown is the document as Markdown, unescaped from Slack's form. As
// the plain text and the printable page, it is for circulating, so it
// reads as the channel reads the minutes (forEveryone): a minute with
// nothing recorded says so, without the commands the officer's draft
// in Slack gives for it. What
// people typed is escaped, so that a renderer shows it as typed (a "<b>"
// as those characters, "(1)" lines as lines, not a list), as the
// printable page does; the lines of a paragraph end in hard breaks, so
// that "RESOLVED:" and each part of a resolution keep their own lines.
func (d MinutesDocument) Markdown() string {
	d = d.forEveryone()
	var b strings.Builder
	b.WriteString(d.head(mdLines))
	bold := func(s string) string { return "**" + mdEscape(Unescape(s), false) + "**" }
	for _, dm := range d.Minutes {
		b.WriteString("\n\n" + dm.text(mdLines, bold))
	}
	if d.Closing != "" {
		b.WriteString("\n\n" + mdLines(d.Closing))
	}
	return b.String() + "\n"
}

// mdLines is one Markdown paragraph of lines in Slack's escaped form (each
// may hold line breaks of its own), each line escaped, and ended by a
// hard break (two spaces) but the last.
func mdLines(lines ...string) string {
	var b strings.Builder
	first, prev := true, ""
	for _, l := range lines {
		for _, part := range strings.Split(Unescape(l), "\n") {
			part = mdEscape(part, true)
			switch {
			case first:
			case prev == "" || part == "":
				// A blank line parts paragraphs as it is.
				b.WriteString("\n")
			default:
				b.WriteString("  \n")
			}
			b.WriteString(part)
			first, prev = false, part
		}
	}
	return b.String()
}

// mdEntity is the start of an HTML character reference, which Markdown
// would show as the character it names.
var mdEntity = regexp.MustCompile(`^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// mdLineStart is what makes a line a heading, quote, list, rule or code
// block in Markdown, up to the character to escape.
var mdLineStart = regexp.MustCompile(`^( *)([#>+=-]|[0-9]{1,9}[.)])`)

// mdEscape escapes s so that Markdown shows it as it reads: the characters
// that mark emphasis, code, links, HTML and character references
// anywhere, and, when s starts a line, what would make the line a block
// of another kind.
func mdEscape(s string, lineStart bool) string {
	var b strings.Builder
	if lineStart {
		s = strings.TrimLeft(s, " \t")
		if m := mdLineStart.FindStringSubmatchIndex(s); m != nil {
			at := m[5] - 1
			s = s[:at] + "\\" + s[at:]
			b.WriteString(s[:at+2])
			s = s[at+2:]
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '~', '|':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '&':
			if mdEntity.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// PlainText is the document as plain text, unescaped from Slack's form; a
// member's own asterisks stay. It reads as the channel reads the minutes,
// as Markdown does.
func (d MinutesDocument) PlainText() string {
	return Unescape(d.forEveryone().Text()) + "\n"
}

var minutesTemplate = template.Must(template.New("minutes").Funcs(template.FuncMap{"urgency": UrgencySentence}).Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Committee}} — {{.Heading}}</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.45; color: #000; max-width: 46em; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 16pt; text-transform: uppercase; text-align: center; margin-bottom: 0.2em; }
  .heading { text-align: center; font-weight: bold; margin-top: 0; }
  .status { text-align: center; font-style: italic; }
  .draft { color: #a00; }
  .minute { margin-top: 1.4em; page-break-inside: avoid; break-inside: avoid; }
  .minute h2 { font-size: 12pt; margin: 0 0 0.5em; }
  .minute h2 .number { display: inline-block; min-width: 3em; }
  .refs { font-style: italic; }
  .resolved { font-weight: bold; margin-bottom: 0.2em; }
  .pending { color: #666; font-style: italic; }
  p { margin: 0 0 0.6em; white-space: pre-line; }
  @page { size: A4; margin: 2cm; }
  @media print { body { margin: 0; max-width: none; } .draft { color: #000; } }
</style>
</head>
<body>
<h1>{{.Committee}}</h1>
<p class="heading">{{.Heading}}</p>
<p class="status{{if .Draft}} draft{{end}}">{{.Status}}</p>
{{range .Attendance}}<p>{{.}}</p>
{{end}}{{range .Notes}}<p>{{.}}</p>
{{end}}{{range .Minutes}}<section class="minute">
<h2><span class="number">{{.Number}}.</span> {{.Title}}</h2>
{{if .Urgency}}<p>{{urgency .Urgency}}</p>
{{end}}{{range .References}}<p class="refs">({{.}})</p>
{{end}}{{if .Pending}}<p class="pending">Nothing recorded yet.</p>
{{end}}{{if .Considered}}<p>{{.Considered}}</p>
{{end}}{{if .Narrative}}<p>{{.Narrative}}</p>
{{end}}{{range .Blocks}}<p class="resolved">{{.Word}}:</p>
{{range .Lines}}<p>{{.}}</p>
{{end}}{{if .After}}<p>{{.After}}</p>
{{end}}{{end}}{{if .After}}<p>{{.After}}</p>
{{end}}{{if .Note}}<p class="refs">{{.Note}}</p>
{{end}}{{range .Actions}}<p>{{.}}</p>
{{end}}</section>
{{end}}{{if .Closing}}<p>{{.Closing}}</p>
{{end}}</body>
</html>
`))

// MinutesHTML renders the document as a printable page in the council's
// style: numbered minutes, RESOLVED in bold, A4 margins. The document's
// text is in Slack's escaped form; the template escapes it for HTML.
func MinutesHTML(d MinutesDocument) ([]byte, error) {
	un := func(in []string) []string {
		out := make([]string, len(in))
		for i, s := range in {
			out[i] = Unescape(s)
		}
		return out
	}
	page := d
	page.Committee, page.Heading, page.Status, page.Closing = Unescape(d.Committee), Unescape(d.Heading), Unescape(d.Status), Unescape(d.Closing)
	page.Attendance, page.Notes = un(d.Attendance), un(d.Notes)
	page.Minutes = make([]DocMinute, len(d.Minutes))
	for i, dm := range d.Minutes {
		page.Minutes[i] = DocMinute{Number: Unescape(dm.Number), Title: Unescape(dm.Title), Narrative: Unescape(dm.Narrative),
			Resolved: un(dm.Resolved), Word: dm.word(), Words: dm.Words, References: un(dm.References), Pending: dm.Pending, Considered: Unescape(dm.Considered), Urgency: Unescape(dm.Urgency), Note: Unescape(dm.Note),
			After: Unescape(dm.After), Between: un(dm.Between), Actions: un(dm.Actions)}
	}
	var b bytes.Buffer
	if err := minutesTemplate.Execute(&b, page); err != nil {
		return nil, fmt.Errorf("minutes page: %w", err)
	}
	return b.Bytes(), nil
}
