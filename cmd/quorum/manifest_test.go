package main

import (
	"os"
	"regexp"
	"testing"

	"github.com/quorumhq/quorum/commands"
)

// TestManifestDeclaresEveryCommand keeps slack-manifest.yml and the command
// registry in step: a command Slack does not know of can never be typed.
func TestManifestDeclaresEveryCommand(t *testing.T) {
	raw, err := os.ReadFile("../../slack-manifest.yml")
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s*- command: (/\S+)`).FindAllStringSubmatch(string(raw), -1) {
		declared[m[1]] = true
	}
	for _, c := range commands.New(nil, nil).Commands() {
		if !declared[c.Name] {
			t.Errorf("%s is registered but slack-manifest.yml does not declare it", c.Name)
		}
	}
	// The Home tab is published when a member opens it, in either mode.
	for _, decl := range []string{`(?m)^\s*home_tab_enabled: true`, `(?m)^\s*- app_home_opened$`, `(?m)^\s*socket_mode_enabled: (true|false)\b`} {
		if !regexp.MustCompile(decl).Match(raw) {
			t.Errorf("the manifest does not declare %s", decl)
		}
	}
	for _, route := range []string{"/slack/commands", "/slack/interactions", "/slack/events"} {
		if !regexp.MustCompile(regexp.QuoteMeta(route)).Match(raw) {
			t.Errorf("the manifest does not point Slack at %s", route)
		}
	}
}

// TestManifestShowsDirectMessages: Quorum writes to members directly
// (report chases, notices to officers of messages that could not be sent),
// and Slack shows an app's direct messages in its App Home's Messages tab.
// With the tab switched off they cannot be read there.
func TestManifestShowsDirectMessages(t *testing.T) {
	raw, err := os.ReadFile("../../slack-manifest.yml")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s*- im:write$`).Match(raw) {
		t.Error("the manifest does not ask for im:write, which opening a direct message needs")
	}
	if !regexp.MustCompile(`(?m)^\s*messages_tab_enabled: true\b`).Match(raw) {
		t.Error("the manifest switches the App Home's Messages tab off, where members read the direct messages Quorum sends; want messages_tab_enabled: true")
	}
}
