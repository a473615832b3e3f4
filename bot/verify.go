package bot

import (
	"errors"
	"io"
	"net/http"

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
		s.log.Info("rejected request", "path", r.URL.Path, "reason", err.Error())
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
		s.log.Info("rejected request", "path", r.URL.Path, "reason", err.Error())
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	return body, true
}
