// Package console drives Quorum's commands from a terminal: the way to try
// the bot without Slack. It reads slash commands typed at a prompt, runs
// them through the same command core as Slack does, and prints the replies
// as plain text.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// Console drives the commands from a terminal: it reads slash commands
// typed at a prompt, runs them through Service, and prints the replies as
// text. It plays the sample committee's channel, ":channel NAME" another
// channel of the workspace, and ":as NAME" switches between its members.
type Console struct {
	Service   *commands.Service
	In        io.Reader
	Out       io.Writer
	TeamID    string
	ChannelID string
	// ChannelName is the channel's name as shown (#name); the channel's
	// ID, lower-cased, when empty.
	ChannelName string
	Now         func() time.Time
	Log         *slog.Logger

	as   commands.SampleMember
	last commands.Reply
	// lastHome says the last thing shown was the Home: its buttons are
	// pressed, as in Slack, from outside any channel.
	lastHome bool
	// paste gathers the lines typed after ":paste" alone, until a line
	// holding only "."; nil when not pasting.
	paste *strings.Builder
	// first is the channel the console started in, its ID and name:
	// ":channel" with its name goes back to it.
	first [2]string
	// channels are the names of the channels the console has been in, by
	// their IDs, for the replies that name them (plainText).
	channels map[string]string
}

// Run reads commands until the input ends, ":quit", or ctx is done.
func (c *Console) Run(ctx context.Context) error {
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	c.as = commands.SampleMembers[0]
	if c.ChannelName == "" {
		c.ChannelName = strings.ToLower(c.ChannelID)
	}
	c.first = [2]string{c.ChannelID, c.ChannelName}
	c.channels = map[string]string{c.ChannelID: c.ChannelName}
	fmt.Fprintf(c.Out, "Quorum console — you are in #%s, the channel of %s.\n", c.ChannelName, commands.SampleCommittee)
	fmt.Fprintln(c.Out, "Type a slash command (/apologies help), :as NAME to be someone else, :who, :channel NAME, :home, :press N, :paste, :help or :quit.")
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(c.In)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	// more holds the lines so far of a command continued with a
	// backslash at a line's end: a minute of several paragraphs, as
	// Slack takes them from Shift+Enter, typed over several lines.
	var more strings.Builder
	for {
		switch {
		case c.paste != nil:
		case more.Len() > 0:
			fmt.Fprint(c.Out, "… ")
		default:
			fmt.Fprintf(c.Out, "%s> ", c.as.Name)
		}
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			fmt.Fprintln(c.Out)
			c.unsent(more.String())
			return nil
		case line, ok = <-lines:
		}
		if !ok {
			fmt.Fprintln(c.Out)
			c.unsent(more.String())
			return nil
		}
		if c.paste != nil {
			c.pasteLine(ctx, line)
			continue
		}
		if more.Len() > 0 && strings.HasPrefix(strings.TrimSpace(line), ":") {
			// The console's own line (:quit, :as) is no line of a
			// minute: it leaves the command unsent, as the end of the
			// input does.
			c.unsent(more.String())
			more.Reset()
		}
		if more.Len() > 0 || strings.HasPrefix(strings.TrimSpace(line), "/") {
			if rest, ok := strings.CutSuffix(strings.TrimRight(line, " \t"), "\\"); ok {
				more.WriteString(rest + "\n")
				continue
			}
			more.WriteString(line)
			line = more.String()
			more.Reset()
		}
		if quit := c.line(ctx, strings.TrimSpace(line)); quit {
			return nil
		}
	}
}

// unsent tells that a command continued with a backslash was not sent:
// the input ended, or a line of the console's own came, before its last
// line.
func (c *Console) unsent(command string) {
	if command == "" {
		return
	}
	name, _ := commandOf(strings.TrimSpace(command))
	fmt.Fprintf(c.Out, "%s was not sent: its last line ended with \\, which continues it on the next line, and none followed.\n", name)
}

// line handles one line of input; it reports whether to stop.
func (c *Console) line(ctx context.Context, line string) bool {
	switch {
	case line == "":
	case line == ":quit" || line == ":q" || line == ":exit":
		return true
	case line == "help" || strings.HasPrefix(line, "help "):
		// Typed as in Slack, without the console's colon: the list, or
		// one command's own help.
		if name := strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(line, "help")), "/"); name != "" {
			return c.line(ctx, "/"+name+" help")
		}
		return c.line(ctx, ":help")
	case line == ":help":
		var names []string
		for _, cmd := range c.Service.Commands() {
			names = append(names, fmt.Sprintf("  %-12s %s", cmd.Name, cmd.Summary))
		}
		fmt.Fprintf(c.Out, "Commands (each answers help, e.g. /apologies help):\n%s\n", strings.Join(names, "\n"))
		fmt.Fprintln(c.Out, "Console: :as NAME (be another member), :who (list members), :channel NAME (go to another channel of the workspace, where /committee setup sets up another committee), :home (your Home tab), :press N (press a button of the last reply), :paste [FILE] (fill in the last reply's form to paste a document into), :quit. A command's line ending in \\ continues on the next line: a minute of several paragraphs, \\ alone between them.")
	case line == ":who":
		for _, m := range commands.SampleMembers {
			marker := " "
			if m.UserID == c.as.UserID {
				marker = "*"
			}
			fmt.Fprintf(c.Out, "%s @%-8s %s (%s, %s)\n", marker, m.Handle, m.Name, m.Organisation, m.Role)
		}
	case strings.HasPrefix(line, ":as"):
		who := strings.TrimSpace(strings.TrimPrefix(line, ":as"))
		m, ok := commands.FindSampleMember(who)
		if named := commands.SampleMembersNamed(who); !ok && len(named) > 1 {
			var names []string
			for _, n := range named {
				names = append(names, fmt.Sprintf("%s (@%s)", n.Name, n.Handle))
			}
			fmt.Fprintf(c.Out, "%q is part of more than one name: %s? :as and the handle picks one.\n", who, strings.Join(names, " or "))
			break
		}
		if !ok {
			fmt.Fprintf(c.Out, "No member called %q; :who lists them.\n", who)
			break
		}
		c.as = m
		fmt.Fprintf(c.Out, "You are now %s (%s).\n", m.Name, m.Organisation)
	case line == ":channel" || strings.HasPrefix(line, ":channel "):
		c.channel(strings.TrimSpace(strings.TrimPrefix(line, ":channel")))
	case line == ":home":
		c.home(ctx)
	case strings.HasPrefix(line, ":press"):
		c.press(ctx, strings.TrimSpace(strings.TrimPrefix(line, ":press")))
	case strings.HasPrefix(line, ":paste"):
		c.startPaste(ctx, strings.TrimSpace(strings.TrimPrefix(line, ":paste")))
	case strings.HasPrefix(line, "/"):
		name, text := commandOf(line)
		req := c.request(name, linkMentions(commands.Escape(text)))
		c.show(c.run(ctx, req, func(ctx context.Context) (commands.Reply, error) {
			return c.Service.Run(ctx, req)
		}))
	default:
		fmt.Fprintln(c.Out, "Start with / for a command (try /apologies help) or : for the console (:help).")
	}
	return false
}

// channel is ":channel [NAME]": the channel named, as a member goes to
// another channel of the workspace, where another committee is (or is
// set up with /committee setup). A channel's ID comes from its name, so
// that the console's database, kept between runs, finds the committee
// set up in it on another day. The channel the console started in keeps
// its own ID.
func (c *Console) channel(name string) {
	name = strings.ToLower(strings.TrimPrefix(name, "#"))
	if name == "" {
		fmt.Fprintf(c.Out, "You are in #%s. :channel NAME goes to another channel (:channel %s comes back here).\n", c.ChannelName, c.first[1])
		return
	}
	id := ""
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			id += string(r - 'a' + 'A')
		case r >= '0' && r <= '9':
			id += string(r)
		case r == '-' || r == '_':
		default:
			fmt.Fprintf(c.Out, "A channel's name is lower-case letters, digits, - and _, as Slack's are: %q is not one.\n", name)
			return
		}
	}
	if len(name) > maxChannelName || id == "" {
		fmt.Fprintf(c.Out, "A channel's name is 1 to %d letters or digits, as Slack's are.\n", maxChannelName)
		return
	}
	if name == c.first[1] {
		c.ChannelID, c.ChannelName = c.first[0], c.first[1]
	} else {
		c.ChannelID, c.ChannelName = "C"+id, name
	}
	c.channels[c.ChannelID] = c.ChannelName
	fmt.Fprintf(c.Out, "You are now in #%s. A committee's commands act on the committee of the channel; with none here, the officer sets one up with /committee setup NAME.\n", c.ChannelName)
}

// maxChannelName is the longest name Slack gives a channel.
const maxChannelName = 80

// commandOf splits a command line into the command's name and its text.
// The name ends at a space or, in a command continued on the next line
// (Run), at the line's end.
func commandOf(line string) (name, text string) {
	i := strings.IndexAny(line, " \t\n")
	if i < 0 {
		return line, ""
	}
	return line[:i], line[i+1:]
}

func (c *Console) request(command, text string) commands.Request {
	return commands.Request{
		Command: command, Text: text, TeamID: c.TeamID, ChannelID: c.ChannelID,
		UserID: c.as.UserID, UserName: c.as.Handle, Now: c.Now(),
	}
}

func (c *Console) press(ctx context.Context, which string) {
	if len(c.last.Buttons) == 0 {
		fmt.Fprintln(c.Out, "The last reply has no buttons.")
		return
	}
	var n int
	if _, err := fmt.Sscan(which, &n); err != nil || n < 1 || n > len(c.last.Buttons) {
		fmt.Fprintf(c.Out, "Say which button: :press 1 to :press %d.\n", len(c.last.Buttons))
		return
	}
	b := c.last.Buttons[n-1]
	req := c.request("", "")
	if c.lastHome {
		req.ChannelID = ""
	}
	c.show(c.run(ctx, req, func(ctx context.Context) (commands.Reply, error) {
		return c.Service.Act(ctx, req, b.Action, b.Value)
	}))
}

// commandTimeout bounds one command's work in the console.
const commandTimeout = 10 * time.Second

// run runs fn for req. A failure becomes the reply a Slack user would see,
// "nothing was saved (ref …)", and is logged with the same reference.
func (c *Console) run(ctx context.Context, req commands.Request, fn func(context.Context) (commands.Reply, error)) commands.Reply {
	ctx, cancel := context.WithTimeout(ctx, commandTimeout)
	defer cancel()
	reply, err := fn(ctx)
	if err == nil {
		return reply
	}
	ref := commands.NewRef()
	c.Log.Error("command failed", "ref", ref, "command", req.Command, "user", req.UserID, "err", err)
	return commands.FailureReply(err, ref)
}

// home prints the member's Home, what Slack shows in the app's Home tab,
// with its buttons numbered across the committees for :press.
func (c *Console) home(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, commandTimeout)
	defer cancel()
	h, err := c.Service.Home(ctx, c.TeamID, c.as.UserID, c.Now())
	if err != nil {
		ref := commands.NewRef()
		c.Log.Error("home failed", "ref", ref, "user", c.as.UserID, "err", err)
		fmt.Fprintf(c.Out, "Your Home could not be shown: the records could not be read (ref %s).\n", ref)
		return
	}
	fmt.Fprintln(c.Out, "── your Home (Slack's Home tab) ──")
	if h.Intro != "" {
		fmt.Fprintln(c.Out, c.plainText(h.Intro))
	}
	var buttons []commands.Button
	for _, card := range h.Cards {
		fmt.Fprintln(c.Out, strings.ToUpper(c.plainText(card.Title)))
		c.body(card.Text, card.Sections)
		c.buttons(card.Buttons, len(buttons))
		buttons = append(buttons, card.Buttons...)
	}
	for _, line := range h.More {
		fmt.Fprintln(c.Out, c.plainText(line))
	}
	c.last, c.lastHome = commands.Reply{Buttons: buttons}, true
}

// body prints a reply's or a Home card's text and sections.
func (c *Console) body(text string, sections []commands.Section) {
	if text != "" {
		fmt.Fprintln(c.Out, c.plainText(text))
	}
	for _, s := range sections {
		if s.Title != "" {
			fmt.Fprintln(c.Out, c.plainText("*"+s.Title+"*"))
		}
		fmt.Fprintln(c.Out, c.plainText(s.Text))
	}
}

// buttons prints bs numbered for :press, from after+1: a Home numbers its
// cards' buttons on from the cards before.
func (c *Console) buttons(bs []commands.Button, after int) {
	for i, b := range bs {
		fmt.Fprintf(c.Out, "[%d: %s] ", after+i+1, b.Label)
	}
	if len(bs) > 0 {
		fmt.Fprintln(c.Out, " (:press N)")
	}
}

// show prints a reply as plain text.
func (c *Console) show(r commands.Reply) {
	c.last, c.lastHome = r, false
	if r.Visibility == commands.Public {
		fmt.Fprintln(c.Out, "── posted in the channel ──")
	} else {
		fmt.Fprintln(c.Out, "── only you can see this ──")
	}
	if r.Header != "" {
		fmt.Fprintln(c.Out, strings.ToUpper(r.Header))
	}
	c.body(r.Text, r.Sections)
	if r.Footer != "" {
		fmt.Fprintln(c.Out, c.plainText(r.Footer))
	}
	c.buttons(r.Buttons, 0)
	switch {
	case pasteForm(r.Form):
		fmt.Fprintf(c.Out, "(Slack would open the form %q here, to paste a document into. In the console: :paste FILE reads it from a file; :paste alone takes the lines you type or paste next, up to a line holding only \".\". The console has no 3,000-character limit.)\n", r.Form.Title)
	case r.Form != nil:
		fmt.Fprintf(c.Out, "(Slack would open the form %q here; in the console, use the command's text form instead.)\n", r.Form.Title)
	}
}

// pasteForm reports whether f is a form to paste a document into: text
// areas only, the first of them for the text (see commands' pasteFields).
func pasteForm(f *commands.Form) bool {
	if f == nil || len(f.Fields) == 0 {
		return false
	}
	for _, fl := range f.Fields {
		if fl.Kind != commands.FieldTextArea {
			return false
		}
	}
	return true
}

// maxPasteFile bounds a file read by :paste; documents are well under it.
const maxPasteFile = 5 << 20

// startPaste is ":paste [FILE]": the document for the last reply's form,
// from FILE, or from the lines that follow.
func (c *Console) startPaste(ctx context.Context, file string) {
	if !pasteForm(c.last.Form) {
		fmt.Fprintln(c.Out, "The last reply has no form to paste into (try /minutes import or /agenda import).")
		return
	}
	if file == "" {
		c.paste = &strings.Builder{}
		fmt.Fprintf(c.Out, "Paste the text for %q; end with a line holding only \".\".\n", c.last.Form.Title)
		return
	}
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintf(c.Out, "I could not read %s: %v\n", file, err)
		return
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPasteFile+1))
	switch {
	case err != nil:
		fmt.Fprintf(c.Out, "I could not read %s: %v\n", file, err)
	case len(b) > maxPasteFile:
		fmt.Fprintf(c.Out, "%s is larger than %d MB: not a document I can import.\n", file, maxPasteFile>>20)
	default:
		c.submitPaste(ctx, string(b))
	}
}

// pasteLine takes one line of a document being pasted.
func (c *Console) pasteLine(ctx context.Context, line string) {
	if strings.TrimSpace(line) == "." {
		text := c.paste.String()
		c.paste = nil
		c.submitPaste(ctx, text)
		return
	}
	c.paste.WriteString(line + "\n")
}

// submitPaste submits the last reply's form with text in its first box, as
// Slack would submit it. The console has no 3,000-character limit a box,
// so the whole document goes in the first; the form's own handler does
// the rest, as it does for Slack. A mistake keeps the form for another
// :paste.
func (c *Console) submitPaste(ctx context.Context, text string) {
	f := c.last.Form
	req := c.request("", "")
	sub := commands.Submission{Form: f.ID, Metadata: f.Metadata, Values: map[string][]string{f.Fields[0].ID: {text}}}
	var fieldErrs map[string]string
	reply := c.run(ctx, req, func(ctx context.Context) (commands.Reply, error) {
		r, errs, err := c.Service.Submit(ctx, req, sub)
		fieldErrs = errs
		return r, err
	})
	if len(fieldErrs) > 0 {
		for _, fl := range f.Fields {
			if msg, ok := fieldErrs[fl.ID]; ok {
				fmt.Fprintf(c.Out, "── the form says ──\n%s: %s\n", fl.Label, c.plainText(msg))
			}
		}
		fmt.Fprintln(c.Out, "The form is still open: :paste again.")
		return
	}
	c.show(reply)
}

var mentionRE = regexp.MustCompile(`<@([A-Z0-9]+)(?:\|[^>]*)?>`)

// channelRE is Slack's markup for a channel, with its name if Slack gave
// it.
var channelRE = regexp.MustCompile(`<#([A-Z0-9]+)(\|[^>]*)?>`)

// plainText turns reply mrkdwn into terminal text, as Slack would show
// it: mentions become names, and the rest of Slack's markup is shown as
// commands.ShownMarkup shows what a sender typed (a link its words, and
// the address after them when they differ; "<!channel>" "@channel"); a
// channel Slack gave no name is named as it was when the console was in
// it (else by its ID, lower-cased, as a channel's name is when none is
// given).
func (c *Console) plainText(s string) string {
	s = mentionRE.ReplaceAllStringFunc(s, func(m string) string {
		id := mentionRE.FindStringSubmatch(m)[1]
		if name, err := (commands.SampleDirectory{}).DisplayName(context.Background(), id); err == nil {
			return "@" + name
		}
		return "@" + id
	})
	s = channelRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := channelRE.FindStringSubmatch(m)
		if len(sub[2]) > 1 {
			return m
		}
		name, ok := c.channels[sub[1]]
		if !ok {
			name = strings.ToLower(sub[1])
		}
		return "<#" + sub[1] + "|" + name + ">"
	})
	return commands.Unescape(commands.ShownMarkup(s))
}

var atRE = regexp.MustCompile(`(^|\s)@([A-Za-z][A-Za-z0-9._-]*)`)

// atNameRE finds a member named in full as the console shows them
// ("@Helen Armitage"), longest names first, so that a hint copied from a
// reply (`/interests review @Helen Armitage`) names that member, as the
// mention it shows would in Slack, rather than "@helen" and a stray word.
var atNameRE = func() *regexp.Regexp {
	names := make([]string, 0, len(commands.SampleMembers))
	for _, m := range commands.SampleMembers {
		names = append(names, regexp.QuoteMeta(m.Name))
	}
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	return regexp.MustCompile(`(?i)(^|\s)@(` + strings.Join(names, "|") + `)\b`)
}()

// linkMentions turns "@neil" (or "@Neil Frackelton") into the mention
// Slack would send, "<@U…|neil>".
func linkMentions(text string) string {
	text = atNameRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := atNameRE.FindStringSubmatch(m)
		for _, mem := range commands.SampleMembers {
			if strings.EqualFold(mem.Name, sub[2]) {
				return sub[1] + "<@" + mem.UserID + "|" + mem.Handle + ">"
			}
		}
		return m
	})
	return atRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := atRE.FindStringSubmatch(m)
		if mem, ok := commands.FindSampleMember(sub[2]); ok && (mem.Handle == strings.ToLower(sub[2])) {
			return sub[1] + "<@" + mem.UserID + "|" + sub[2] + ">"
		}
		return m
	})
}
