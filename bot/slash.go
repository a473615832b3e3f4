package bot

import (
	"context"
	"net/http"
	"strings"
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
	// finishing at the last moment), so it runs apart from the answer: if
	// its outcome is not ready by AnswerWithin (counted from the request's
	// arrival), Slack is answered that it is on its way, and the outcome,
	// when it comes, goes to response_url. Close waits for it.
	type outcome struct {
		reply          commands.Reply
		opened, replay bool
	}
	done := make(chan outcome, 1)
	work := context.WithoutCancel(r.Context())
	s.posts.Add(1)
	go func() {
		defer s.posts.Done()
		reply, opened, replay := s.answer(work, req, form.triggerID, start)
		done <- outcome{reply, opened, replay}
	}()
	answerBy := time.NewTimer(time.Until(start.Add(s.cfg.AnswerWithin)))
	defer answerBy.Stop()
	select {
	case o := <-done:
		if o.replay {
			s.refuseReplay(w, r)
			return
		}
		if o.opened {
			// The modal is the answer: an empty 200 shows nothing more.
			w.WriteHeader(http.StatusOK)
			return
		}
		writeReply(w, o.reply)
	case <-answerBy.C:
		responseURL := form.responseURL
		s.cfg.Metrics.late()
		s.log.Info("command outcome late; it follows by response_url", "command", req.Command, "user", req.UserID)
		writeReply(w, commands.Reply{Visibility: commands.Private, Text: LateText})
		s.posts.Add(1)
		go func() {
			defer s.posts.Done()
			o := <-done
			if o.replay {
				// Found out only once Slack had been answered that the
				// outcome would follow (a replay waits, in the database,
				// for the original it copies to commit): it did nothing,
				// and nothing follows.
				s.cfg.Metrics.reject(RejectReplay)
				return
			}
			if o.opened {
				return
			}
			if err := s.respond(context.Background(), responseURL, Message(o.reply)); err != nil {
				s.log.Warn("late outcome not posted to response_url", "command", req.Command, "user", req.UserID, "err", err)
			}
		}()
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

// directMessage reports whether the conversation a slash command came
// from, by its ID and the name Slack sends with it, is a direct message
// ("D…", "directmessage") or a group of people messaging each other
// ("mpdm-…", whose ID is of a private channel's kind, "G…", as an old
// private channel's is), not a channel.
func directMessage(channelID, channelName string) bool {
	return strings.HasPrefix(channelID, "D") || channelName == "directmessage" || strings.HasPrefix(channelName, "mpdm-")
}
