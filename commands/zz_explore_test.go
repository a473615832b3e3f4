package commands_test

import (
	"testing"
	"time"
)

func TestZZExplore(t *testing.T) {
	k := committeeKit(t)
	k.now = time.Date(2027, 6, 10, 12, 0, 0, 0, london)
	k.must(ian, "/meeting schedule 2027-06-16 10:00 Remote")
	k.must(ian, "/meeting schedule 2027-06-23 10:00 Remote")
	for _, l := range []string{"/meeting schedule 14 Jan 10:00", "/meeting schedule this Thursday 10:00", "/meeting move 2027-06-23 this Friday"} {
		t.Logf("%s\n=> %s", l, k.say(ian, l))
	}
	// actions
	k.now = time.Date(2027, 6, 15, 23, 30, 0, 0, time.UTC) // 00:30 Wed 16 June London
	for _, l := range []string{"/action add <@UNEIL> today Check figures", "/action add <@UNEIL> tomorrow Other", "/action list", "/agenda", "/apologies Unwell", "/report help"} {
		t.Logf("%s\n=> %s", l, k.say(ian, l))
	}
	t.Log(homeText(t, k, neil))
	t.Log(homeText(t, k, ian))
}
