package storage_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// TestOriginFirstSeenOncePerKey: the read of the origin with the replay check
// is first once per key, in a committee's channel and elsewhere, across
// replicas at once; a statement sent again with its own nonce (database/sql
// retrying) is still first; another nonce is a replay.
func TestOriginFirstSeenOncePerKey(t *testing.T) {
	replicas := openReplicas(t, 4)
	db := replicas[0]
	ctx := context.Background()
	if _, err := db.CreateCommittee(ctx, commands.Committee{Name: "Safer Sefton Together", TeamID: "T1", ChannelID: "C1"},
		commands.Member{UserID: "UOFF", Name: "Ian Barton"}); err != nil {
		t.Fatal(err)
	}

	// Sent again with the same nonce: first both times.
	for _, channel := range []string{"C1", "DNOWHERE"} {
		key := "signature:retry-" + channel
		for try := range 2 {
			first, committee, err := db.OriginFirstSeenWithNonce(ctx, "T1", channel, "UOFF", key, 42)
			if err != nil {
				t.Fatal(err)
			}
			if committee && !first {
				t.Errorf("%s try %d: the same nonce taken for a replay", channel, try)
			}
		}
		if _, err := db.OriginFirstSeen(ctx, "T1", channel, "UOFF", time.Now(), key); !errors.Is(err, commands.ErrReplay) {
			t.Errorf("%s: another nonce: %v; want ErrReplay", channel, err)
		}
	}

	// Concurrent: first exactly once per key and channel.
	for _, channel := range []string{"C1", "DNOWHERE"} {
		var mu sync.Mutex
		firsts, replays := 0, 0
		var wg sync.WaitGroup
		for _, rdb := range replicas {
			for range 4 {
				wg.Go(func() {
					_, err := rdb.OriginFirstSeen(ctx, "T1", channel, "UOFF", time.Now(), "signature:race-"+channel)
					mu.Lock()
					defer mu.Unlock()
					switch {
					case errors.Is(err, commands.ErrReplay):
						replays++
					case err == nil || errors.Is(err, commands.ErrNotFound):
						firsts++
					default:
						t.Error(err)
					}
				})
			}
		}
		wg.Wait()
		if firsts != 1 || replays != 15 {
			t.Errorf("%s: %d firsts, %d replays; want 1 and 15", channel, firsts, replays)
		}
	}
}
