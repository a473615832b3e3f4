package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// slashCommand serves POST /slack/commands: verify, then parse, then act.
func (s *Server) slashCommand(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	body, ok := s.verified(w, r)
	if !ok {
		return
	}
	form, err := parseSlashForm(string(body))
	// Slack names the workspace and the channel of every command; without
	// them an empty workspace would match the sender's committees in all.
	if err != nil || form.command == "" || form.userID == "" || form.teamID == "" || form.channelID == "" {
		s.cfg.Metrics.reject(RejectMalformed)
		http.Error(w, "malformed slash command", http.StatusBadRequest)
		return
	}
	req := commands.Request{
		Command:       form.command,
		Text:          form.text,
		TeamID:        form.teamID,
		ChannelID:     form.channelID,
		DirectMessage: directMessage(form.channelID, form.channelName),
		UserID:        form.userID,
		UserName:      form.userName,
		Now:           s.cfg.Now(),
	}
	if s.cfg.FirstSeen != nil {
		// The command checks for a replay itself (see firstTime for why
		// one is looked for): the busiest, /apologies, in the statement
		// that writes the apology, saving a round trip.
		req.Replay = replayKey(r)
	}
	// Slack shows a timeout to a user it has not answered within 3
	// seconds, even for a command that then succeeded. The work is bounded
	// by Deadline, but may overrun it (a query being cancelled, a commit
	// finishing at the last moment), so Slack is answered apart from it: if
	// its outcome is not ready by AnswerWithin (counted from the request's
	// arrival), a timer answers that it is on its way, and the outcome,
	// when it comes, goes to response_url. Close waits for it.
	//
	// The command runs on this goroutine, not one of its own: the
	// connection's goroutine keeps the stack it grew for the commands
	// before, where a new one grew its stack two or three times over for
	// each command, copying it each time (8% of serve's CPU under load).
	work := context.WithoutCancel(r.Context())
	s.posts.Add(1)
	defer s.posts.Done()
	var (
		mu       sync.Mutex
		answered bool // Slack has been answered: by the outcome, or that it is late
	)
	lateAnswer := time.AfterFunc(time.Until(start.Add(s.cfg.AnswerWithin)), func() {
		mu.Lock()
		defer mu.Unlock()
		if answered {
			return
		}
		answered = true
		s.cfg.Metrics.late()
		s.log.Info("command outcome late; it follows by response_url", "command", req.Command, "user", req.UserID)
		// Whole, with its length, and flushed: the handler has not
		// returned, and Slack must have the answer now, not then.
		writeReplyNow(w, commands.Reply{Visibility: commands.Private, Text: LateText})
	})
	settle := func() (late bool) {
		lateAnswer.Stop()
		mu.Lock()
		defer mu.Unlock()
		late, answered = answered, true
		return late
	}
	// Once this handler returns, however it does, the timer must not
	// write: net/http has the ResponseWriter back.
	defer settle()
	reply, opened, replay := s.answer(work, req, form.triggerID, start)
	late := settle()
	switch {
	case !late && replay:
		s.refuseReplay(w, r)
	case !late && opened:
		// The modal is the answer: an empty 200 shows nothing more.
		w.WriteHeader(http.StatusOK)
	case !late:
		if !fitsOneBySize(reply) {
			if parts := replyParts(reply); len(parts) > 1 {
				// The first part answers Slack, sent before the rest
				// follow so that they come after it.
				writeResponseNow(w, parts[0])
				s.postResponses(form.responseURL, parts[1:])
				break
			}
		}
		writeReply(w, reply)
	case replay:
		// Found out only once Slack had been answered that the outcome
		// would follow (a replay waits, in the database, for the
		// original it copies to commit): it did nothing, and nothing
		// follows.
		s.cfg.Metrics.reject(RejectReplay)
	case opened:
	default:
		for _, part := range replyParts(reply) {
			if err := s.respond(context.Background(), form.responseURL, part); err != nil {
				s.log.Warn("late outcome not posted to response_url", "command", req.Command, "user", req.UserID, "err", err)
				break
			}
		}
	}
}

// LateText answers Slack for a command whose outcome is not ready in time;
// the outcome follows by the command's response_url.
const LateText = "Working on it: this is taking longer than usual, and the outcome will appear here in a moment. Please don't send it again."

// answer runs a slash command for either transport. When the reply
// carries a form it opens the form with triggerID and reports opened; if
// Slack will not open it, the reply says so instead. replay says the
// request was a replay (req.Replay seen before): nothing was done, and
// there is no reply.
func (s *Server) answer(ctx context.Context, req commands.Request, triggerID string, start time.Time) (reply commands.Reply, opened, replay bool) {
	// The command's deadline counts from when the request arrived, not
	// from now: what came before (reading and verifying it) is part of it.
	wctx, cancel := context.WithDeadline(ctx, start.Add(s.cfg.Deadline))
	reply, replay = s.handle(wctx, req)
	cancel()
	if replay || reply.Form == nil {
		return reply, false, replay
	}
	err := s.openForm(ctx, req, triggerID, *reply.Form, start.Add(formDeadline))
	if err == nil {
		return reply, true, false
	}
	s.log.Warn("could not open a form", "command", req.Command, "user", req.UserID, "err", err)
	return commands.Reply{Visibility: commands.Private, Text: "Sorry, Slack did not open the form just now. Try again, or type the command in full (" + req.Command + " help shows how)."}, false, false
}

// formDeadline is when, after a slash command arrives, views.open must have
// answered: Slack's trigger_id lasts 3 seconds.
const formDeadline = 2800 * time.Millisecond

// writeReply answers Slack with the rendered reply.
func writeReply(w http.ResponseWriter, reply commands.Reply) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(rendered.json(reply))
}

// writeReplyNow is writeReply for an answer sent while the handler goes
// on: with its length, so that it is whole without the handler's return,
// and flushed to the connection. The connection is closed after it: the
// handler holds it until the command's outcome, and a request sent
// behind this one on it (a client reusing its connections) would wait
// for that. serve speaks HTTP/1.1 (TLS ends at a proxy in front of it),
// where this holds; an HTTP/2 stream would end only with the handler.
func writeReplyNow(w http.ResponseWriter, reply commands.Reply) {
	writeJSONNow(w, rendered.json(reply))
}

// writeResponseNow is writeReplyNow for a message already rendered.
func writeResponseNow(w http.ResponseWriter, msg Response) {
	b, err := json.Marshal(msg)
	if err != nil {
		http.Error(w, "reply not rendered", http.StatusInternalServerError)
		return
	}
	writeJSONNow(w, b)
}

// writeJSONNow writes the answer b whole, with its length, flushed, the
// connection to close after it (see writeReplyNow).
func writeJSONNow(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("Connection", "close")
	_, _ = w.Write(b)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// fitsOneBySize reports, from the sizes of its texts alone, that reply
// is one message, as nearly every reply is, so that it is not rendered
// as pages to find out. A text of n bytes is cut into at most 2n/3000+2
// blocks (chunks cuts at a line's end: two blocks take at least 3000
// bytes), and a header, buttons and small print take at most four.
func fitsOneBySize(reply commands.Reply) bool {
	n := 4
	if reply.Text != "" {
		n += 2*len(reply.Text)/maxSectionText + 2
	}
	for _, s := range reply.Sections {
		n += 2*(len(s.Title)+len(s.Text)+3)/maxSectionText + 2
	}
	return n <= maxBlocks
}

// maxParts is how many messages a reply to a command may be sent in:
// Slack takes five posts to a command's response_url.
const maxParts = 5

// replyParts renders a command's reply as the messages that show it
// whole: one when it fits in a message, else its parts as Pages splits
// a channel post, each after the first to follow by the response_url.
// A reply too long for even that is one message cut to fit, which says
// where to read the rest (Reply.More).
func replyParts(reply commands.Reply) []Response {
	if fitsOneBySize(reply) {
		return []Response{Message(reply)}
	}
	pages := Pages(reply)
	if len(pages) == 1 || len(pages) > maxParts {
		return []Response{Message(reply)}
	}
	// The first part's own words say nothing of the rest; its
	// notification does.
	pages[0].Text = truncate(pages[0].Text, maxSectionText-len(" (part 1 of 5)")) + fmt.Sprintf(" (part 1 of %d)", len(pages))
	return pages
}

// directMessage reports whether the conversation a slash command came
// from, by its ID and the name Slack sends with it, is a direct message
// ("D…", "directmessage") or a group of people messaging each other
// ("mpdm-…", whose ID is of a private channel's kind, "G…", as an old
// private channel's is), not a channel.
func directMessage(channelID, channelName string) bool {
	return strings.HasPrefix(channelID, "D") || channelName == "directmessage" || strings.HasPrefix(channelName, "mpdm-")
}
