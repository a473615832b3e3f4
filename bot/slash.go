package bot

import (
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/quorumhq/quorum/commands"
)

// slashCommand serves POST /slack/commands: verify, then parse, then act.
func (s *Server) slashCommand(w http.ResponseWriter, r *http.Request) {
	body, ok := s.verified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("command") == "" || form.Get("user_id") == "" {
		s.cfg.Metrics.reject(RejectMalformed)
		http.Error(w, "malformed slash command", http.StatusBadRequest)
		return
	}
	req := commands.Request{
		Command:   form.Get("command"),
		Text:      form.Get("text"),
		TeamID:    form.Get("team_id"),
		ChannelID: form.Get("channel_id"),
		UserID:    form.Get("user_id"),
		UserName:  form.Get("user_name"),
		Now:       s.cfg.Now(),
	}
	reply := s.handle(r.Context(), req)
	writeReply(w, reply)
}

// writeReply answers Slack with the rendered reply.
func writeReply(w http.ResponseWriter, reply commands.Reply) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(Message(reply))
}
