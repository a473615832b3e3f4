package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/slack-go/slack"
)

// errTooLarge is a body over MaxBodyBytes.
var errTooLarge = errors.New("request body too large")

// verified reads r's body, checking Slack's signature over it (and that its
// timestamp is within five minutes) before anything parses it. It answers
// the request itself and returns ok=false when the check fails: 401 for a
// missing, forged or stale signature, 413 for a body over the limit.
func (s *Server) verified(w http.ResponseWriter, r *http.Request) (body []byte, ok bool) {
	v, err := slack.NewSecretsVerifier(r.Header, s.cfg.SigningSecret)
	if err != nil {
		s.cfg.Metrics.reject(RejectSignature)
		s.quiet.log(s.log, slog.LevelInfo, "rejected request", "path", r.URL.Path, "reason", err.Error())
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	body, err = io.ReadAll(io.TeeReader(r.Body, &v))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.cfg.Metrics.reject(RejectTooLarge)
		http.Error(w, errTooLarge.Error(), http.StatusRequestEntityTooLarge)
		return nil, false
	}
	if err != nil {
		s.cfg.Metrics.reject(RejectMalformed)
		http.Error(w, "could not read body", http.StatusBadRequest)
		return nil, false
	}
	if err := v.Ensure(); err != nil {
		s.cfg.Metrics.reject(RejectSignature)
		s.quiet.log(s.log, slog.LevelInfo, "rejected request", "path", r.URL.Path, "reason", err.Error())
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}

// firstTime reports whether the verified request r is seen for the first
// time. Slack's signature covers the body and a timestamp, and is checked
// only to be within five minutes: the same signed request sent again
// inside that window would pass the signature check, so every signature is
// recorded (in PostgreSQL, shared between replicas) and a second sight of
// one is a replay. Slack never sends a slash command or an interaction
// twice. The trigger_id and the body are under the signature, so a replay
// cannot change them. An error means it cannot tell: the caller refuses
// the request rather than risk acting twice.
func (s *Server) firstTime(ctx context.Context, r *http.Request) (bool, error) {
	if s.cfg.FirstSeen == nil {
		return true, nil
	}
	return s.cfg.FirstSeen(ctx, replayKey(r))
}

// replayKey is the key a verified request is remembered by: its signature,
// in lower case. The signature is hex, whose digits verify in either case,
// so the same signed request could otherwise be sent again under another
// spelling of it.
func replayKey(r *http.Request) string {
	return "signature:" + strings.ToLower(r.Header.Get("X-Slack-Signature"))
}

// refuseReplay answers a replayed request.
func (s *Server) refuseReplay(w http.ResponseWriter, r *http.Request) {
	s.cfg.Metrics.reject(RejectReplay)
	http.Error(w, "request already handled", http.StatusUnauthorized)
}
