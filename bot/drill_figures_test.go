package bot_test

import "testing"

// figures are what a fault or attack drill counts, printed in one line so
// that a run of the drills can be read, and compared, at a glance:
//
//	go test -run 'Killed|SlackFails|Crashed|Replay|Hostile' -v ./bot ./cmd/quorum | grep 'drill '
type figures struct {
	acknowledged int // answered as done (recorded, queued)
	inDatabase   int // of what the drill wrote, what the database (or the channel) holds
	lost         int // acknowledged but not there
	phantom      int // answered NOT saved, or refused, yet there
	inDoubt      int // answered "cannot tell": either outcome is right
	duplicates   int // there more than once
}

// report prints the drill's figures and fails it if anything was lost,
// appeared unasked for, or was done twice.
func (f figures) report(t *testing.T, drill string) {
	t.Helper()
	t.Logf("drill %s: acknowledged=%d in-database=%d lost=%d phantom=%d in-doubt=%d duplicates=%d",
		drill, f.acknowledged, f.inDatabase, f.lost, f.phantom, f.inDoubt, f.duplicates)
	if f.lost != 0 || f.phantom != 0 || f.duplicates != 0 {
		t.Errorf("drill %s: %d lost, %d phantom, %d duplicates; want none", drill, f.lost, f.phantom, f.duplicates)
	}
}
