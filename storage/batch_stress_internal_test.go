package storage

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestBatcherManyCallersNoneStranded: many callers, few keys (so
// takes leave duplicates queued), a small max (so takes leave the rest
// queued), batches of random length around spill, callers that give up
// before or during their call. Every call must be answered, no more than
// workers batches may ever be in run at once, no batch may hold a key
// twice, and the batcher must end with no worker, queue or batch.
func TestBatcherManyCallersNoneStranded(t *testing.T) {
	for _, tc := range []struct {
		workers int
		spill   time.Duration
		leave   bool
	}{
		{1, time.Millisecond, false},
		{2, time.Millisecond, false},
		{2, time.Millisecond, true},
		{3, 500 * time.Microsecond, false},
		{2, 0, false},
	} {
		t.Run(fmt.Sprintf("workers=%d,spill=%v,leave=%v", tc.workers, tc.spill, tc.leave), func(t *testing.T) {
			var inRun, maxInRun atomic.Int32
			var badBatch atomic.Value
			b := &batcher[string, string]{
				key: func(s string) string { k, _, _ := strings.Cut(s, "#"); return k },
				max: 3, workers: tc.workers, spill: tc.spill, leave: tc.leave,
				run: func(ctx context.Context, reqs []string) ([]string, error) {
					n := inRun.Add(1)
					defer inRun.Add(-1)
					for {
						m := maxInRun.Load()
						if n <= m || maxInRun.CompareAndSwap(m, n) {
							break
						}
					}
					seen := map[string]bool{}
					for _, r := range reqs {
						k, _, _ := strings.Cut(r, "#")
						if seen[k] {
							badBatch.Store(fmt.Sprint(reqs))
						}
						seen[k] = true
					}
					switch x := rand.IntN(10); {
					case x < 4:
					case x < 8:
						time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
					default:
						time.Sleep(time.Duration(1+rand.IntN(4)) * time.Millisecond)
					}
					out := make([]string, len(reqs))
					for i, r := range reqs {
						out[i] = strings.ToUpper(r)
					}
					return out, nil
				},
			}
			stop := make(chan struct{})
			var invariant atomic.Value
			go func() { // invariants, sampled under the lock
				for {
					select {
					case <-stop:
						return
					default:
					}
					b.mu.Lock()
					if b.running > b.workers || len(b.inDB) > b.running || b.running < 0 {
						invariant.Store(fmt.Sprintf("running %d, inDB %d, workers %d", b.running, len(b.inDB), b.workers))
					}
					b.mu.Unlock()
					time.Sleep(50 * time.Microsecond)
				}
			}()
			const callers, each = 48, 60
			var wg sync.WaitGroup
			var stranded atomic.Int32
			for g := range callers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						req := fmt.Sprintf("k%d#%d.%d", rand.IntN(5), g, i)
						ctx, cancel := context.Background(), context.CancelFunc(func() {})
						if rand.IntN(4) == 0 {
							ctx, cancel = context.WithTimeout(ctx, time.Duration(rand.IntN(2000))*time.Microsecond)
						}
						done := make(chan struct{})
						var got string
						var err error
						go func() { got, err = b.do(ctx, req); close(done) }()
						select {
						case <-done:
						case <-time.After(15 * time.Second): // never, unless stranded: a loaded machine is slow, not this slow
							stranded.Add(1)
							b.mu.Lock()
							t.Errorf("call %s stranded: running %d, inDB %d, queue %d, armed %v",
								req, b.running, len(b.inDB), len(b.queue), b.armed)
							b.mu.Unlock()
							<-done
						}
						cancel()
						if err == nil && got != strings.ToUpper(req) {
							t.Errorf("%s answered %q", req, got)
						}
						if err != nil && !errors.Is(err, context.DeadlineExceeded) {
							t.Errorf("%s: %v", req, err)
						}
						if rand.IntN(8) == 0 {
							time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
						}
					}
				}()
			}
			wg.Wait()
			close(stop)
			if v := invariant.Load(); v != nil {
				t.Errorf("invariant broken: %v", v)
			}
			if m := maxInRun.Load(); int(m) > tc.workers {
				t.Errorf("%d batches in run at once; workers %d", m, tc.workers)
			}
			if v := badBatch.Load(); v != nil {
				t.Errorf("a batch held a key twice: %v", v)
			}
			for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(time.Millisecond) {
				b.mu.Lock()
				running, inDB, q, armed := b.running, len(b.inDB), len(b.queue), b.armed
				b.mu.Unlock()
				if running == 0 && inDB == 0 && q == 0 && !armed {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("left: running %d, inDB %d, queue %d, armed %v", running, inDB, q, armed)
				}
			}
			t.Logf("max batches in run at once: %d", maxInRun.Load())
		})
	}
}
