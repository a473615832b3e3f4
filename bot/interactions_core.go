package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// interaction acts on a button press or a form submission. Both transports
// call it: POST /slack/interactions and Socket Mode's interactive
// envelopes. It returns what to acknowledge Slack with at once: nil for an
// empty acknowledgement, or for a form, a response that shows field errors
// or closes it. The reply to a button goes to its response_url in the
// background; a button on the Home tab has none, so its reply is shown at
// the top of the refreshed Home instead.
func (s *Server) interaction(ctx context.Context, cb slack.InteractionCallback) (ack any) {
	req := commands.Request{
		TeamID: cb.Team.ID, ChannelID: cb.Channel.ID, UserID: cb.User.ID, UserName: cb.User.Name, Now: s.cfg.Now(),
	}
	switch cb.Type {
	case slack.InteractionTypeBlockActions:
		for _, a := range cb.ActionCallback.BlockActions {
			name, value := ActionName(a.ActionID), a.Value
			reply := run(ctx, s.cfg.Service, s.log, s.cfg.Deadline, req, func(ctx context.Context) (commands.Reply, error) {
				return s.cfg.Service.Act(ctx, req, name, value)
			})
			switch {
			case cb.View.Type == slack.VTHomeTab:
				s.homes.refresh(req.TeamID, req.UserID, reply.Text)
			case cb.ResponseURL != "":
				s.postResponse(cb.ResponseURL, Message(reply))
			default:
				s.log.Warn("button reply has nowhere to go", "action", name, "user", req.UserID)
			}
			s.refreshHomes(req.TeamID, reply)
		}
		return nil
	case slack.InteractionTypeViewSubmission:
		sub := commands.Submission{Form: cb.View.CallbackID, Metadata: cb.View.PrivateMetadata, Values: formValues(cb.View.State)}
		var fieldErrs map[string]string
		reply := run(ctx, s.cfg.Service, s.log, s.cfg.Deadline, req, func(ctx context.Context) (commands.Reply, error) {
			reply, errs, err := s.cfg.Service.Submit(ctx, req, sub)
			fieldErrs = errs
			return reply, err
		})
		if len(fieldErrs) > 0 {
			return slack.NewErrorsViewSubmissionResponse(fieldErrs)
		}
		if len(cb.ResponseURLs) > 0 {
			s.postResponse(cb.ResponseURLs[0].ResponseURL, Message(reply))
		} else if reply.Text != "" {
			// A form has no response_url unless it asks for one; its
			// outcome is shown on the Home tab.
			s.homes.refresh(req.TeamID, req.UserID, reply.Text)
		}
		s.refreshHomes(req.TeamID, reply)
		return slack.NewClearViewSubmissionResponse()
	}
	return nil
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
			default:
				out[blockID] = append(out[blockID], in.Value)
			}
		}
	}
	return out
}

// postResponse posts msg to a response_url in the background, under its
// own timeout. Slack takes five posts to one within 30 minutes.
func (s *Server) postResponse(url string, msg Response) {
	s.posts.Add(1)
	go func() {
		defer s.posts.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.post(ctx, url, msg); err != nil {
			s.log.Warn("reply not posted to response_url", "err", err)
		}
	}()
}

func (s *Server) post(ctx context.Context, url string, msg Response) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.cfg.HTTPClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("response_url answered %s", resp.Status)
	}
	return nil
}
