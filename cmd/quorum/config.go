package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/storage"
)

// config is read once from the environment and validated.
type config struct {
	DatabaseURL   string
	BotToken      string
	SigningSecret string
	AppToken      string
	APIURL        string
	ListenAddr    string
	LogLevel      slog.Level
	// PublicURL is where people reach the bot (optional), for links such
	// as the calendar feed shown by /meeting list and the Home tab.
	PublicURL string
}

func loadConfig(getenv func(string) string) (config, error) {
	c := config{
		DatabaseURL:   strings.TrimSpace(getenv("DATABASE_URL")),
		BotToken:      strings.TrimSpace(getenv("SLACK_BOT_TOKEN")),
		SigningSecret: strings.TrimSpace(getenv("SLACK_SIGNING_SECRET")),
		AppToken:      strings.TrimSpace(getenv("SLACK_APP_TOKEN")),
		APIURL:        strings.TrimSpace(getenv("SLACK_API_URL")),
		ListenAddr:    strings.TrimSpace(getenv("LISTEN_ADDR")),
		PublicURL:     strings.TrimRight(strings.TrimSpace(getenv("PUBLIC_URL")), "/"),
	}
	if c.ListenAddr == "" {
		c.ListenAddr = ":8080"
	}
	var err error
	if c.LogLevel, err = parseLevel(getenv("LOG_LEVEL")); err != nil {
		return c, err
	}
	if c.DatabaseURL != "" {
		if err := checkDatabaseURL(c.DatabaseURL); err != nil {
			return c, err
		}
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			if !strings.Contains(c.PublicURL, "://") {
				return c, fmt.Errorf("PUBLIC_URL %q has no scheme: write it as people open it, https://%s", c.PublicURL, c.PublicURL)
			}
			return c, fmt.Errorf("PUBLIC_URL %q is not an http(s) URL: write it as people open it, e.g. https://quorum.example.org", c.PublicURL)
		}
	}
	if c.APIURL != "" {
		u, err := url.Parse(c.APIURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c, fmt.Errorf("SLACK_API_URL %q is not an http(s) URL", c.APIURL)
		}
		if !strings.HasSuffix(c.APIURL, "/") {
			c.APIURL += "/"
		}
	}
	return c, nil
}

// forServe checks what serve needs.
func (c config) forServe() error {
	var missing []string
	if c.DatabaseURL == "" {
		missing = append(missing, "DATABASE_URL")
	}
	if c.BotToken == "" {
		missing = append(missing, "SLACK_BOT_TOKEN")
	}
	if c.AppToken == "" && c.SigningSecret == "" {
		missing = append(missing, "SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)")
	}
	if len(missing) > 0 {
		return errors.New("serve needs " + strings.Join(missing, ", "))
	}
	if c.AppToken != "" && !strings.HasPrefix(c.AppToken, "xapp-") {
		return errors.New("SLACK_APP_TOKEN must be an app-level token (xapp-…)")
	}
	// Slack would refuse each of these only later, one call or request at
	// a time, while serve looked healthy: every post failing with
	// invalid_auth, every command with a 401.
	const botToken = "the app's Bot User OAuth Token (xoxb-…, under OAuth & Permissions)"
	const signingSecret = "the app's Signing Secret (under Basic Information → App Credentials)"
	switch {
	case c.BotToken == envExampleBotToken:
		return errors.New("SLACK_BOT_TOKEN is still the placeholder of .env.example: put " + botToken)
	case strings.HasPrefix(c.BotToken, "xapp-"):
		return errors.New("SLACK_BOT_TOKEN holds an app-level token (xapp-…), which belongs in SLACK_APP_TOKEN: put " + botToken)
	case strings.HasPrefix(c.BotToken, "xoxp-"):
		return errors.New("SLACK_BOT_TOKEN holds a user token (xoxp-…), which would act as that person: put " + botToken)
	case !strings.HasPrefix(c.BotToken, "xoxb-") && !strings.HasPrefix(c.BotToken, "xoxe.xoxb-"):
		// A rotating bot token begins xoxe.xoxb-.
		return errors.New("SLACK_BOT_TOKEN is not a bot token (those begin xoxb-): put " + botToken)
	case c.SigningSecret == envExampleSigningSecret:
		if c.AppToken != "" {
			return errors.New("SLACK_SIGNING_SECRET is still the placeholder of .env.example, which anyone could sign requests to the HTTP routes with: put " + signingSecret + ", or leave SLACK_SIGNING_SECRET out when using SLACK_APP_TOKEN")
		}
		return errors.New("SLACK_SIGNING_SECRET is still the placeholder of .env.example: put " + signingSecret)
	case strings.HasPrefix(c.SigningSecret, "xox") || strings.HasPrefix(c.SigningSecret, "xapp-"):
		return errors.New("SLACK_SIGNING_SECRET holds a token, not the signing secret: put " + signingSecret)
	}
	return nil
}

// The placeholders .env.example gives, which a deployment copies and may
// forget to fill in.
const (
	envExampleBotToken      = "xoxb-your-bot-token"
	envExampleSigningSecret = "your-signing-secret"
)

// checkDatabaseURL refuses a DATABASE_URL that cannot be read, before
// anything connects: no wait will mend it, and lib/pq's own message may
// quote the whole string, password and all ("missing "=" after
// "mysql://quorum:s3cret@db/x""), which serve would log.
func checkDatabaseURL(dsn string) error {
	_, err := pq.NewConfig(dsn)
	if err == nil {
		return nil
	}
	shown := storage.Redact(dsn)
	if scheme, _, ok := strings.Cut(dsn, "://"); ok && !strings.Contains(scheme, "=") && scheme != "postgres" && scheme != "postgresql" {
		// lib/pq reads any other scheme as key=value settings, and
		// says only that an "=" is missing.
		return fmt.Errorf("DATABASE_URL %s begins %s://: a PostgreSQL URL begins postgres:// (postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=disable)", shown, scheme)
	}
	if !strings.Contains(dsn, "://") {
		shown = settingsShown(dsn)
	}
	detail := quoted.ReplaceAllStringFunc(err.Error(), func(q string) string {
		if strings.Contains(shown, strings.Trim(q, `"`)) {
			return q
		}
		return `"…"`
	})
	var bad *url.Error
	if errors.As(err, &bad) {
		// url.Error's text is the URL itself and a piece of it.
		detail = "not a valid URL"
	}
	detail = strings.TrimPrefix(detail, "pq: ")
	return fmt.Errorf("DATABASE_URL %s cannot be read (%s): write it as postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=disable, with special characters in the password escaped (%%25 for %%, %%2F for /, %%40 for @), or as key=value settings (host=… dbname=… user=… password=…)", shown, detail)
}

// settingsShown is key=value settings that lib/pq could not read, each
// key=value kept but the password's. A word that is not key=value is left
// out as "…": it is most often the rest of a value with a space in it not
// quoted ("password=ab cd"), which may be the password's.
func settingsShown(dsn string) string {
	var out []string
	for _, f := range strings.Fields(dsn) {
		k, _, ok := strings.Cut(f, "=")
		switch {
		case !ok || k == "" || strings.ContainsAny(k, `'\`):
			out = append(out, "…")
		case strings.EqualFold(k, "password"):
			out = append(out, k+"=xxxxx")
		default:
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}

// quoted finds the quoted pieces of an error, which lib/pq takes from the
// string it was given.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
