package main

import (
	"os"
	"regexp"
	"sort"
	"testing"
)

// notDeployed are the variables config reads that a deployment leaves
// alone: SLACK_API_URL points the bot at a fake Slack in tests.
var notDeployed = map[string]bool{"SLACK_API_URL": true}

// TestComposeNamesEveryVariable keeps docker-compose.yml and .env.example
// in step with config: a variable the bot reads but compose does not pass
// on is silently unset in a compose deployment (PUBLIC_URL was, and the
// calendar links were bare paths).
func TestComposeNamesEveryVariable(t *testing.T) {
	read := map[string]bool{}
	if _, err := loadConfig(func(name string) string { read[name] = true; return "" }); err != nil {
		t.Fatal(err)
	}
	compose, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range read {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if notDeployed[name] {
			continue
		}
		if !regexp.MustCompile(`(?m)^\s+` + name + `:`).Match(compose) {
			t.Errorf("docker-compose.yml does not pass %s to the bot", name)
		}
	}
	// What compose takes from .env, .env.example shows how to set.
	for _, m := range regexp.MustCompile(`\$\{([A-Z_]+)`).FindAllSubmatch(compose, -1) {
		name := string(m[1])
		if !regexp.MustCompile(`(?m)^#?\s*` + name + `=`).Match(example) {
			t.Errorf("docker-compose.yml reads %s from .env, but .env.example does not show it", name)
		}
	}
	if !regexp.MustCompile(`(?m)^PUBLIC_URL=https://\S+$`).Match(example) {
		t.Error(".env.example gives no example PUBLIC_URL: calendar links would be bare paths")
	}
}
