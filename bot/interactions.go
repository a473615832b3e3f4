package bot

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// formState is what travels through a modal's private_metadata: the
// channel the command came from (so the confirmation goes back there) and
// the form's own metadata.
type formState struct {
	Team    string `json:"t,omitempty"`
	Channel string `json:"c,omitempty"`
	Meta    string `json:"m,omitempty"`
}

// Timing of interactions within Slack's 3 seconds: the work gets
// interactionWork, and posting its reply the rest.
const (
	interactionWork = 2 * time.Second
	postTimeout     = 800 * time.Millisecond
)

// interaction serves POST /slack/interactions: verify, then parse, then act.
// Button presses (block_actions) run the button's action and answer through
// the payload's response_url; form submissions (view_submission) run the
// form's handler and answer in the modal: field errors keep it open,
// success clears it and the reply is sent to the person privately.
func (s *Server) interaction(w http.ResponseWriter, r *http.Request) {
	body, ok := s.verified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("payload") == "" {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil || cb.User.ID == "" || cb.Type == "" {
		http.Error(w, "malformed interaction payload", http.StatusBadRequest)
		return
	}
	switch cb.Type {
	case slack.InteractionTypeBlockActions:
		s.blockActions(w, r, &cb)
	case slack.InteractionTypeViewSubmission:
		s.viewSubmission(w, r, &cb)
	default:
		// view_closed, shortcuts …: nothing to do, and Slack wants a 200.
		w.WriteHeader(http.StatusOK)
	}
}

// commandOf names the command an action or form belongs to
// ("apologies.withdraw" → "/apologies"), so that failures say what was not
// saved.
func commandOf(name string) string {
	head, _, _ := strings.Cut(name, ".")
	return "/" + head
}

func (s *Server) workDeadline() time.Duration {
	return min(s.cfg.Deadline, interactionWork)
}

func (s *Server) blockActions(w http.ResponseWriter, r *http.Request, cb *slack.InteractionCallback) {
	if len(cb.ActionCallback.BlockActions) == 0 {
		http.Error(w, "no action", http.StatusBadRequest)
		return
	}
	act := cb.ActionCallback.BlockActions[0]
	name := ActionName(act.ActionID)
	channel := cb.Channel.ID
	if channel == "" {
		channel = cb.Container.ChannelID
	}
	req := commands.Request{
		Command: commandOf(name), TeamID: cb.Team.ID, ChannelID: channel,
		UserID: cb.User.ID, UserName: cb.User.Name, Now: s.cfg.Now(),
	}
	svc := s.cfg.Service
	reply := run(r.Context(), svc, s.log, s.workDeadline(), req, func(ctx context.Context) (commands.Reply, error) {
		return svc.Act(ctx, req, name, act.Value)
	})
	if cb.ResponseURL != "" {
		if err := s.respond(r.Context(), cb.ResponseURL, Message(reply)); err != nil {
			s.log.Warn("could not answer a button", "action", name, "user", req.UserID, "err", err)
		}
	} else {
		s.send(r.Context(), req, reply)
	}
	w.WriteHeader(http.StatusOK)
}

func (s *Server) viewSubmission(w http.ResponseWriter, r *http.Request, cb *slack.InteractionCallback) {
	var st formState
	if err := json.Unmarshal([]byte(cb.View.PrivateMetadata), &st); err != nil {
		http.Error(w, "malformed form metadata", http.StatusBadRequest)
		return
	}
	team := cb.Team.ID
	if team == "" {
		team = st.Team
	}
	req := commands.Request{
		Command: commandOf(cb.View.CallbackID), TeamID: team, ChannelID: st.Channel,
		UserID: cb.User.ID, UserName: cb.User.Name, Now: s.cfg.Now(),
	}
	sub := commands.Submission{Form: cb.View.CallbackID, Metadata: st.Meta, Values: map[string][]string{}}
	if cb.View.State != nil {
		for blockID, actions := range cb.View.State.Values {
			for _, a := range actions {
				var vals []string
				if a.Value != "" {
					vals = append(vals, a.Value)
				}
				if a.SelectedOption.Value != "" {
					vals = append(vals, a.SelectedOption.Value)
				}
				for _, o := range a.SelectedOptions {
					vals = append(vals, o.Value)
				}
				sub.Values[blockID] = append(sub.Values[blockID], vals...)
			}
		}
	}
	svc := s.cfg.Service
	var fieldErrs map[string]string
	reply, failed := attempt(r.Context(), svc, s.log, s.workDeadline(), req, func(ctx context.Context) (commands.Reply, error) {
		reply, errs, err := svc.Submit(ctx, req, sub)
		fieldErrs = errs
		return reply, err
	})
	if failed {
		// Nothing was saved: say so in the form, which stays open with
		// what the person typed, so they can try again.
		if id := firstInput(cb.View.Blocks); id != "" {
			fieldErrs = map[string]string{id: commands.Unescape(reply.Text)}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	if len(fieldErrs) > 0 {
		_ = json.NewEncoder(w).Encode(slack.NewErrorsViewSubmissionResponse(fieldErrs))
		return
	}
	s.send(r.Context(), req, reply)
	_ = json.NewEncoder(w).Encode(slack.NewClearViewSubmissionResponse())
}

// firstInput is the block ID of a view's first input block.
func firstInput(blocks slack.Blocks) string {
	for _, b := range blocks.BlockSet {
		if in, ok := b.(*slack.InputBlock); ok && in.BlockID != "" {
			return in.BlockID
		}
	}
	return ""
}

// send posts a reply outside an answer to Slack: privately to the person
// in the channel (chat.postEphemeral), in the channel if the reply is
// public, or as a direct message when there is no channel.
func (s *Server) send(ctx context.Context, req commands.Request, reply commands.Reply) {
	if s.cfg.Slack == nil || reply.Text == "" && len(reply.Sections) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, postTimeout)
	defer cancel()
	msg := Message(reply)
	opts := []slack.MsgOption{slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...)}
	var err error
	switch {
	case req.ChannelID == "":
		_, _, err = s.cfg.Slack.PostMessageContext(ctx, req.UserID, opts...)
	case reply.Visibility == commands.Public:
		_, _, err = s.cfg.Slack.PostMessageContext(ctx, req.ChannelID, opts...)
	default:
		_, err = s.cfg.Slack.PostEphemeralContext(ctx, req.ChannelID, req.UserID, opts...)
	}
	if err != nil {
		s.log.Warn("could not send a reply", "command", req.Command, "user", req.UserID, "channel", req.ChannelID, "err", err)
	}
}

// errMetadataTooLong is a form whose state does not fit in a modal.
var errMetadataTooLong = errors.New("form metadata over Slack's limit")

// openForm opens reply's form as a modal for the person whose slash command
// carried triggerID. The trigger expires 3 seconds after Slack sent the
// command, so the call must finish by deadline.
func (s *Server) openForm(ctx context.Context, req commands.Request, triggerID string, form commands.Form, deadline time.Time) error {
	if s.cfg.Slack == nil {
		return errors.New("no Slack client")
	}
	meta, err := json.Marshal(formState{Team: req.TeamID, Channel: req.ChannelID, Meta: form.Metadata})
	if err != nil {
		return err
	}
	if len(meta) > maxPrivateMeta {
		return errMetadataTooLong
	}
	form.Metadata = string(meta)
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	_, err = s.cfg.Slack.OpenViewContext(ctx, triggerID, Modal(form))
	return err
}
