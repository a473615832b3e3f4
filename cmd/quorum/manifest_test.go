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
	for _, route := range []string{"/slack/commands", "/slack/interactions", "/slack/events"} {
		if !regexp.MustCompile(regexp.QuoteMeta(route)).Match(raw) {
			t.Errorf("the manifest does not point Slack at %s", route)
		}
	}
}
