package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// responseTimeout bounds one post to a response_url.
const responseTimeout = 2 * time.Second

// respond posts resp to a response_url Slack gave with an interaction, as a
// new message (replace_original false). Slack accepts five posts to a
// response_url within 30 minutes.
func (s *Server) respond(ctx context.Context, responseURL string, resp Response) error {
	u, err := url.Parse(responseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("bot: respond: bad response_url")
	}
	body, err := json.Marshal(struct {
		Response
		ReplaceOriginal bool `json:"replace_original"`
	}{Response: resp})
	if err != nil {
		return fmt.Errorf("bot: respond: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, responseTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("bot: respond: %w", err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	res, err := s.cfg.HTTPClient.Do(req)
	if err != nil {
		return fmt.Errorf("bot: respond to %s: %w", u.Host, err)
	}
	defer res.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(res.Body, 512))
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("bot: respond to %s: status %d: %s", u.Host, res.StatusCode, strings.TrimSpace(string(msg)))
	}
	return nil
}

// postResponses posts msgs to a response_url in the background, one
// after another in order, stopping at the first that fails.
func (s *Server) postResponses(responseURL string, msgs []Response) {
	s.posts.Add(1)
	go func() {
		defer s.posts.Done()
		for _, msg := range msgs {
			if err := s.respond(context.Background(), responseURL, msg); err != nil {
				s.log.Warn("reply not posted to response_url", "err", err)
				return
			}
		}
	}()
}

// postResponse posts msg to a response_url in the background, for replies
// that need not hold up an acknowledgement. Close waits for these.
func (s *Server) postResponse(responseURL string, msg Response) {
	s.posts.Add(1)
	go func() {
		defer s.posts.Done()
		if err := s.respond(context.Background(), responseURL, msg); err != nil {
			s.log.Warn("reply not posted to response_url", "err", err)
		}
	}()
}
