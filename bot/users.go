package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/slack-go/slack"
)

// Users finds people's names with Slack's users.info, remembering them for
// an hour so that busy channels do not hit Slack's rate limits.
type Users struct {
	client slackAPI
	ttl    time.Duration

	mu    sync.Mutex
	names map[string]cachedName
}

type cachedName struct {
	name    string
	expires time.Time
}

// NewUsers builds a directory over client, a *slack.Client.
func NewUsers(client slackAPI) *Users {
	return &Users{client: client, ttl: time.Hour, names: map[string]cachedName{}}
}

// DisplayName implements commands.Directory: the person's real name, or
// their display name, or their handle.
func (u *Users) DisplayName(ctx context.Context, userID string) (string, error) {
	u.mu.Lock()
	c, ok := u.names[userID]
	u.mu.Unlock()
	if ok && time.Now().Before(c.expires) {
		return c.name, nil
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	info, err := u.client.GetUserInfoContext(ctx, userID)
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && (se.Err == "user_not_found" || se.Err == "user_not_visible") {
		// Told apart from Slack not answering: a member added under
		// their ID is better than none, but not for a passing failure.
		return "", fmt.Errorf("users.info %s: %s: %w", userID, se.Err, commands.ErrNotFound)
	}
	if err != nil {
		if advice := lookUpRefused(err); advice != "" {
			return "", &commands.RefusedError{Advice: advice, Err: fmt.Errorf("users.info %s: %w", userID, err)}
		}
		return "", err
	}
	name := firstNonEmpty(info.Profile.RealName, info.RealName, info.Profile.DisplayName, info.Name)
	u.mu.Lock()
	if len(u.names) > 10000 {
		u.names = map[string]cachedName{} // bounded; refills as people speak
	}
	u.names[userID] = cachedName{name: name, expires: time.Now().Add(u.ttl)}
	u.mu.Unlock()
	return name, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// lookUpRefused is what to do, as a clause, when err is Slack refusing
// the bot itself a look-up (its token, or the users:read scope); "" for
// any other error, which may pass.
func lookUpRefused(err error) string {
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &se) && se.Err == "missing_scope":
		needed := se.Needed
		if needed == "" {
			needed = "users:read"
		}
		return "the app lacks the permission " + needed + "; whoever runs Quorum adds it under OAuth & Permissions at api.slack.com/apps and reinstalls the app"
	case errors.As(err, &se) && tokenRefused[se.Err]:
		return "Slack refuses the bot's token (" + se.Err + "); whoever runs Quorum sets SLACK_BOT_TOKEN to the app's Bot User OAuth Token and restarts it"
	}
	return ""
}
