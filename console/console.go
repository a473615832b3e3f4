// Package console drives Quorum's commands from a terminal: the way to try
// the bot without Slack. It reads slash commands typed at a prompt, runs
// them through the same command core as Slack does, and prints the replies
// as plain text.
package console

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// Console drives the commands from a terminal: it reads slash commands
// typed at a prompt, runs them through Service, and prints the replies as
// text. It plays the sample committee's channel, and
// ":as NAME" switches between its members.
type Console struct {
	Service   *commands.Service
	In        io.Reader
	Out       io.Writer
	TeamID    string
	ChannelID string
	Now       func() time.Time
	Log       *slog.Logger

	as   commands.SampleMember
	last commands.Reply
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
	fmt.Fprintf(c.Out, "Quorum console — you are in the channel of %s.\n", commands.SampleCommittee)
	fmt.Fprintln(c.Out, "Type a slash command (/apologies help), :as NAME to be someone else, :who, :press N, :help or :quit.")
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
	for {
		fmt.Fprintf(c.Out, "%s> ", c.as.Name)
		var line string
		var ok bool
		select {
		case <-ctx.Done():
			fmt.Fprintln(c.Out)
			return nil
		case line, ok = <-lines:
		}
		if !ok {
			fmt.Fprintln(c.Out)
			return nil
		}
		if quit := c.line(ctx, strings.TrimSpace(line)); quit {
			return nil
		}
	}
}

// line handles one line of input; it reports whether to stop.
func (c *Console) line(ctx context.Context, line string) bool {
	switch {
	case line == "":
	case line == ":quit" || line == ":q" || line == ":exit":
		return true
	case line == ":help":
		var names []string
		for _, cmd := range c.Service.Commands() {
			names = append(names, fmt.Sprintf("  %-12s %s", cmd.Name, cmd.Summary))
		}
		fmt.Fprintf(c.Out, "Commands (each answers help, e.g. /apologies help):\n%s\n", strings.Join(names, "\n"))
		fmt.Fprintln(c.Out, "Console: :as NAME (be another member), :who (list members), :press N (press a button of the last reply), :quit")
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
		if !ok {
			fmt.Fprintf(c.Out, "No member called %q; :who lists them.\n", who)
			break
		}
		c.as = m
		fmt.Fprintf(c.Out, "You are now %s (%s).\n", m.Name, m.Organisation)
	case strings.HasPrefix(line, ":press"):
		c.press(ctx, strings.TrimSpace(strings.TrimPrefix(line, ":press")))
	case strings.HasPrefix(line, "/"):
		name, text, _ := strings.Cut(line, " ")
		req := c.request(name, linkMentions(commands.Escape(text)))
		c.show(c.run(ctx, req, func(ctx context.Context) (commands.Reply, error) {
			return c.Service.Run(ctx, req)
		}))
	default:
		fmt.Fprintln(c.Out, "Start with / for a command (try /apologies help) or : for the console (:help).")
	}
	return false
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
	var b [2]byte
	_, _ = rand.Read(b[:])
	ref := hex.EncodeToString(b[:])
	c.Log.Error("command failed", "ref", ref, "command", req.Command, "user", req.UserID, "err", err)
	return commands.FailureReply(err, ref)
}

// show prints a reply as plain text.
func (c *Console) show(r commands.Reply) {
	c.last = r
	if r.Visibility == commands.Public {
		fmt.Fprintln(c.Out, "── posted in the channel ──")
	} else {
		fmt.Fprintln(c.Out, "── only you can see this ──")
	}
	if r.Header != "" {
		fmt.Fprintln(c.Out, strings.ToUpper(r.Header))
	}
	if r.Text != "" {
		fmt.Fprintln(c.Out, plainText(r.Text))
	}
	for _, s := range r.Sections {
		if s.Title != "" {
			fmt.Fprintln(c.Out, plainText("*"+s.Title+"*"))
		}
		fmt.Fprintln(c.Out, plainText(s.Text))
	}
	if r.Footer != "" {
		fmt.Fprintln(c.Out, plainText(r.Footer))
	}
	for i, b := range r.Buttons {
		fmt.Fprintf(c.Out, "[%d: %s] ", i+1, b.Label)
	}
	if len(r.Buttons) > 0 {
		fmt.Fprintln(c.Out, " (:press N)")
	}
	if r.Form != nil {
		fmt.Fprintf(c.Out, "(Slack would open the form %q here; in the console, use the command's text form instead.)\n", r.Form.Title)
	}
}

var mentionRE = regexp.MustCompile(`<@([A-Z0-9]+)(?:\|[^>]*)?>`)

// plainText turns reply mrkdwn into terminal text: mentions become names.
func plainText(s string) string {
	s = mentionRE.ReplaceAllStringFunc(s, func(m string) string {
		id := mentionRE.FindStringSubmatch(m)[1]
		if name, err := (commands.SampleDirectory{}).DisplayName(context.Background(), id); err == nil {
			return "@" + name
		}
		return "@" + id
	})
	return commands.Unescape(s)
}

var atRE = regexp.MustCompile(`(^|\s)@([A-Za-z][A-Za-z0-9._-]*)`)

// linkMentions turns "@neil" into the mention Slack would send, "<@U…|neil>".
func linkMentions(text string) string {
	return atRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := atRE.FindStringSubmatch(m)
		if mem, ok := commands.FindSampleMember(sub[2]); ok && (mem.Handle == strings.ToLower(sub[2])) {
			return sub[1] + "<@" + mem.UserID + "|" + sub[2] + ">"
		}
		return m
	})
}
