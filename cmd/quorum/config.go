package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
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
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c, fmt.Errorf("PUBLIC_URL %q is not an http(s) URL", c.PublicURL)
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
	return nil
}
