package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	// interactionCheck bounds the replay check before the work, in the
	// 200 ms that the two above leave of Slack's 3 seconds.
	interactionCheck = 200 * time.Millisecond
)

// errMalformed is an interaction payload that cannot be acted on;
// errNoWorkspace one of them, naming no workspace.
var (
	errMalformed   = errors.New("malformed interaction payload")
	errNoWorkspace = fmt.Errorf("%w: no workspace", errMalformed)
)

// interactions serves POST /slack/interactions: verify, then parse, then
// act through interaction.
func (s *Server) interactions(w http.ResponseWriter, r *http.Request) {
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
	if err := checkInteraction(&cb); err != nil {
		// Refused before the replay check, which would remember it.
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	cctx, cancel := context.WithTimeout(r.Context(), interactionCheck)
	first, err := s.firstTime(cctx, r)
	cancel()
	if err != nil {
		s.log.Warn("could not look for a replay; interaction refused", "user", cb.User.ID, "type", cb.Type, "err", err)
		// Slack shows a failed request as an error of its own, which says
		// neither that nothing was saved nor to try again: the form and
		// the button say it themselves where they can.
		if ack, told := s.unchecked(cb); told {
			if ack == nil {
				w.WriteHeader(http.StatusOK)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(ack)
			return
		}
		http.Error(w, "records unavailable, nothing was done", http.StatusServiceUnavailable)
		return
	}
	if !first {
		s.refuseReplay(w, r)
		return
	}
	ack, err := s.interaction(r.Context(), cb)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if ack == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(ack)
}

// interaction acts on a button press or a form submission. Both transports
// call it: POST /slack/interactions and Socket Mode's interactive
// envelopes. It returns what to acknowledge Slack with at once: nil for an
// empty acknowledgement, or, for a form, a response that shows field
// errors or closes it. Button presses (block_actions) run the button's
// action and answer through the payload's response_url (or, on the Home
// tab, at the top of the refreshed Home); form submissions
// (view_submission) run the form's handler: field errors keep the form
// open, success clears it and the reply is sent to the person privately.
func (s *Server) interaction(ctx context.Context, cb slack.InteractionCallback) (ack any, err error) {
	if err := checkInteraction(&cb); err != nil {
		return nil, err
	}
	switch cb.Type {
	case slack.InteractionTypeBlockActions:
		return nil, s.blockActions(ctx, &cb)
	case slack.InteractionTypeViewSubmission:
		return s.viewSubmission(ctx, &cb)
	}
	// view_closed, shortcuts …: nothing to do, and Slack wants an empty ack.
	return nil, nil
}

// checkInteraction refuses a payload that cannot be acted on: a button
// press naming no action, a form submission whose metadata is not the
// bot's, either naming no workspace. It sets cb.Team.ID to the workspace
// the payload is acted on in: the payload's team; for a form, else the
// workspace it was opened in; else the sender's own (user.team_id, which
// org-wide installs send when team is missing). An empty workspace would
// match the sender's committees in every workspace.
func checkInteraction(cb *slack.InteractionCallback) error {
	var formTeam string
	switch cb.Type {
	case slack.InteractionTypeBlockActions:
		if len(cb.ActionCallback.BlockActions) == 0 {
			return fmt.Errorf("%w: no action", errMalformed)
		}
	case slack.InteractionTypeViewSubmission:
		var st formState
		if err := json.Unmarshal([]byte(cb.View.PrivateMetadata), &st); err != nil {
			return fmt.Errorf("%w: form metadata", errMalformed)
		}
		formTeam = st.Team
	default:
		return nil
	}
	for _, team := range []string{cb.Team.ID, formTeam, cb.User.TeamID} {
		if team != "" {
			cb.Team.ID = team
			return nil
		}
	}
	return errNoWorkspace
}

// refused tells the sender, over Socket Mode, that a payload refused as
// err did nothing, and returns what to acknowledge it with: a form stays
// open, saying so, where an empty acknowledgement would close it as if it
// had been saved; a button's refusal goes to its response_url, where
// there is one. (Over HTTP the refusal is a 400, which Slack shows.)
func (s *Server) refused(cb slack.InteractionCallback, err error) any {
	text := "Sorry, that could not be read, so nothing was done. Please try again."
	if errors.Is(err, errNoWorkspace) {
		text = NoWorkspaceText
	}
	switch {
	case cb.Type == slack.InteractionTypeViewSubmission && firstInput(cb.View.Blocks) != "":
		return slack.NewErrorsViewSubmissionResponse(map[string]string{firstInput(cb.View.Blocks): text})
	case cb.Type == slack.InteractionTypeBlockActions && cb.ResponseURL != "":
		// In the background: the acknowledgement is not held up for it.
		s.postResponse(cb.ResponseURL, Message(commands.Reply{Visibility: commands.Private, Text: text}))
	}
	return nil
}

// UncheckedText answers a button or form that could not be checked for a
// replay, the records being unavailable: it was not acted on.
const UncheckedText = "Sorry — the committee records are unavailable, so this was NOT saved and nothing was done; please try again in a minute."

// unchecked tells the sender of cb that it was not acted on, the check
// for a replay having failed, where the payload has a way to say so: a
// form stays open with it against its first field (ack), a button's
// answer goes to its response_url. told is false for a payload with
// neither, such as a button on the Home tab.
func (s *Server) unchecked(cb slack.InteractionCallback) (ack any, told bool) {
	switch {
	case cb.Type == slack.InteractionTypeViewSubmission && firstInput(cb.View.Blocks) != "":
		return slack.NewErrorsViewSubmissionResponse(map[string]string{firstInput(cb.View.Blocks): UncheckedText}), true
	case cb.Type == slack.InteractionTypeBlockActions && cb.ResponseURL != "":
		s.postResponse(cb.ResponseURL, Message(commands.Reply{Visibility: commands.Private, Text: UncheckedText}))
		return nil, true
	}
	return nil, false
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

func (s *Server) blockActions(ctx context.Context, cb *slack.InteractionCallback) error {
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
	reply := run(ctx, svc, s.log, s.workDeadline(), req, func(ctx context.Context) (commands.Reply, error) {
		return svc.Act(ctx, req, name, act.Value)
	})
	if reply.Form != nil && cb.TriggerID != "" {
		// A button that opens a form (a prompt's Declare) answers with it.
		if err := s.openForm(ctx, req, cb.TriggerID, *reply.Form, time.Now().Add(formDeadline)); err == nil {
			return nil
		}
		reply = commands.Reply{Visibility: commands.Private, Text: "Sorry, Slack did not open the form just now. Press the button again, or use /declare in the channel."}
	}
	switch {
	case cb.View.Type == slack.VTHomeTab:
		// The presser's Home is refreshed here, with the outcome on top.
		s.homeOutcome(ctx, req, reply.Text)
	case cb.ResponseURL != "":
		// A button may run a command (the committee chosen for it), whose
		// reply comes whole, in parts, as the command's own would: the
		// first before Slack is answered, the rest after it.
		parts := replyParts(reply)
		if err := s.respond(ctx, cb.ResponseURL, parts[0]); err != nil {
			s.log.Warn("could not answer a button", "action", name, "user", req.UserID, "err", err)
		} else if len(parts) > 1 {
			s.postResponses(cb.ResponseURL, parts[1:])
		}
	default:
		s.send(ctx, req, reply)
	}
	return nil
}

func (s *Server) viewSubmission(ctx context.Context, cb *slack.InteractionCallback) (any, error) {
	var st formState
	_ = json.Unmarshal([]byte(cb.View.PrivateMetadata), &st) // checked by checkInteraction
	req := commands.Request{
		Command: commandOf(cb.View.CallbackID), TeamID: cb.Team.ID, ChannelID: st.Channel,
		UserID: cb.User.ID, UserName: cb.User.Name, Now: s.cfg.Now(),
	}
	sub := commands.Submission{Form: cb.View.CallbackID, Metadata: st.Meta, Values: formValues(cb.View.State)}
	svc := s.cfg.Service
	var fieldErrs map[string]string
	reply, failed := attempt(ctx, svc, s.log, s.workDeadline(), req, func(ctx context.Context) (commands.Reply, error) {
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
	if len(fieldErrs) > 0 {
		return slack.NewErrorsViewSubmissionResponse(fieldErrs), nil
	}
	if req.ChannelID == "" && reply.Text != "" {
		// A form opened from the Home tab: its outcome shows there.
		s.homeOutcome(ctx, req, reply.Text)
	} else {
		s.send(ctx, req, reply)
	}
	return slack.NewClearViewSubmissionResponse(), nil
}

// formValues reads a submitted form's state: by block ID (a Field's ID),
// whatever its one input holds.
func formValues(state *slack.ViewState) map[string][]string {
	out := map[string][]string{}
	if state == nil {
		return out
	}
	for blockID, inputs := range state.Values {
		for _, in := range inputs {
			switch {
			case len(in.SelectedOptions) > 0:
				for _, o := range in.SelectedOptions {
					out[blockID] = append(out[blockID], o.Value)
				}
			case in.SelectedOption.Value != "":
				out[blockID] = append(out[blockID], in.SelectedOption.Value)
			case in.SelectedDate != "":
				out[blockID] = append(out[blockID], in.SelectedDate)
			case in.SelectedUser != "":
				out[blockID] = append(out[blockID], in.SelectedUser)
			case in.Value != "":
				out[blockID] = append(out[blockID], in.Value)
			}
		}
	}
	return out
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
	if err := deliver(ctx, s.cfg.Slack, req, Message(reply)); err != nil {
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

// homeOutcome shows the outcome of something done on req's sender's Home
// at the top of it. The outcome is recorded first, at once: the change
// itself queued a refresh of the same Home in the outbox, which any
// replica may send, and that refresh shows the recorded outcome too (see
// commands.Service.HomeOpened) rather than hide it. Only a refresh sent
// in the moment between the change's commit and this call can miss it.
func (s *Server) homeOutcome(ctx context.Context, req commands.Request, outcome string) {
	if err := s.cfg.Service.HomeOpened(ctx, req.TeamID, req.UserID, s.cfg.Now(), outcome); err != nil {
		s.log.Warn("home outcome not recorded", "user", req.UserID, "err", err)
	}
	s.homes.refresh(req.TeamID, req.UserID, outcome)
}
