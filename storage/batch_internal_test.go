package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// echoBatcher answers each call with its own text upper-cased, records
// the batches it ran, and holds the first batch until release is closed,
// so that the calls after it queue and are seen to be batched.
type echoBatcher struct {
	*batcher[string, string]
	mu      sync.Mutex
	batches [][]string
	release chan struct{}
	fail    func([]string) error
	// hold is how long each batch after the first takes in the database,
	// or until its context ends.
	hold time.Duration
}

func newEchoBatcher(workers int) *echoBatcher {
	e := &echoBatcher{release: make(chan struct{})}
	e.batcher = &batcher[string, string]{
		key: func(s string) string { k, _, _ := strings.Cut(s, "#"); return k },
		max: 4, workers: workers,
		run: func(ctx context.Context, reqs []string) ([]string, error) {
			e.mu.Lock()
			e.batches = append(e.batches, append([]string(nil), reqs...))
			first := len(e.batches) == 1
			e.mu.Unlock()
			if first {
				<-e.release
			} else if e.hold > 0 {
				select {
				case <-time.After(e.hold):
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			}
			if strings.HasPrefix(reqs[0], "panic") {
				panic("run failed")
			}
			if e.fail != nil {
				if err := e.fail(reqs); err != nil {
					return nil, err
				}
			}
			out := make([]string, len(reqs))
			for i, r := range reqs {
				out[i] = strings.ToUpper(r)
			}
			return out, nil
		},
	}
	return e
}

// waitQueued waits until n calls are waiting in the queue.
func (e *echoBatcher) waitQueued(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		e.batcher.mu.Lock()
		q := len(e.queue)
		e.batcher.mu.Unlock()
		if q == n {
			return
		}
	}
	t.Fatalf("never %d calls queued", n)
}

// waitBatches waits until n batches have started.
func (e *echoBatcher) waitBatches(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		e.mu.Lock()
		got := len(e.batches)
		e.mu.Unlock()
		if got >= n {
			return
		}
	}
	t.Fatalf("never %d batches", n)
}

// waitFirst waits until the first batch is in run, held there.
func (e *echoBatcher) waitFirst(t *testing.T) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		e.mu.Lock()
		n := len(e.batches)
		e.mu.Unlock()
		if n == 1 {
			return
		}
	}
	t.Fatal("the first batch never ran")
}

// TestBatcherGathersWhatArrivesMeanwhile: while one call is in the
// database, the calls after it wait and go together, at most max at once,
// never two of one key in a batch, each answered with its own answer.
func TestBatcherGathersWhatArrivesMeanwhile(t *testing.T) {
	e := newEchoBatcher(1)
	calls := []string{"a", "b", "c", "b#again", "d", "e", "f"}
	got := make([]string, len(calls))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); got[0], _ = e.do(context.Background(), calls[0]) }()
	e.waitFirst(t) // "a" taken and held
	for i := 1; i < len(calls); i++ {
		wg.Add(1)
		go func() { defer wg.Done(); got[i], _ = e.do(context.Background(), calls[i]) }()
		e.waitQueued(t, i)
	}
	close(e.release)
	wg.Wait()
	for i, c := range calls {
		if got[i] != strings.ToUpper(c) {
			t.Errorf("call %q answered %q", c, got[i])
		}
	}
	want := [][]string{{"a"}, {"b", "c", "d", "e"}, {"b#again", "f"}}
	if fmt.Sprint(e.batches) != fmt.Sprint(want) {
		t.Errorf("batches = %v, want %v", e.batches, want)
	}
}

// TestBatcherCallLeftBeforeItIsSent: a caller whose context ends while its
// call still waits gets the context's error, and the call is never run;
// one whose call is already in the database gets the database's answer.
func TestBatcherCallLeftBeforeItIsSent(t *testing.T) {
	e := newEchoBatcher(1)
	ctxA, cancelA := context.WithCancel(context.Background())
	ctxB, cancelB := context.WithCancel(context.Background())
	var gotA, gotB string
	var errA, errB error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); gotA, errA = e.do(ctxA, "a") }()
	e.waitFirst(t)
	wg.Add(1)
	go func() { defer wg.Done(); gotB, errB = e.do(ctxB, "b") }()
	e.waitQueued(t, 1)
	cancelB()
	e.waitQueued(t, 0) // b took itself out
	cancelA()          // a is in the database: it waits for the answer
	time.Sleep(10 * time.Millisecond)
	close(e.release)
	wg.Wait()
	if gotA != "A" || errA != nil {
		t.Errorf("a: %q, %v; want its answer", gotA, errA)
	}
	if !errors.Is(errB, context.Canceled) || gotB != "" {
		t.Errorf("b: %q, %v; want context.Canceled", gotB, errB)
	}
	if fmt.Sprint(e.batches) != "[[a]]" {
		t.Errorf("batches = %v; b must never run", e.batches)
	}
}

// TestBatcherRefusedBatchRunsOneByOne: a batch PostgreSQL refuses for one
// call's data is run again call by call, so that only that call fails; a
// batch that fails for want of the database fails every call in it.
func TestBatcherRefusedBatchRunsOneByOne(t *testing.T) {
	for _, tc := range []struct {
		name    string
		err     error
		wantErr []bool // for b, c, bad
	}{
		{"data", &pq.Error{Code: "22021", Message: "invalid byte sequence"}, []bool{false, false, true}},
		{"unavailable", &pq.Error{Code: "57P01", Message: "terminating connection"}, []bool{true, true, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEchoBatcher(1)
			e.fail = func(reqs []string) error {
				for _, r := range reqs {
					if r == "bad" {
						return tc.err
					}
				}
				return nil
			}
			var wg sync.WaitGroup
			wg.Add(1)
			go func() { defer wg.Done(); _, _ = e.do(context.Background(), "a") }()
			e.waitFirst(t)
			calls := []string{"b", "c", "bad"}
			errs := make([]error, len(calls))
			for i, c := range calls {
				wg.Add(1)
				go func() { defer wg.Done(); _, errs[i] = e.do(context.Background(), c) }()
				e.waitQueued(t, i+1)
			}
			close(e.release)
			wg.Wait()
			for i, c := range calls {
				if (errs[i] != nil) != tc.wantErr[i] {
					t.Errorf("%s: err = %v, want failed %v", c, errs[i], tc.wantErr[i])
				}
			}
		})
	}
}

// queueBehindFirst starts a call "first" and holds it in the database, so
// that the calls started next queue and go together in the next batch.
func (e *echoBatcher) queueBehindFirst(t *testing.T, wg *sync.WaitGroup) {
	t.Helper()
	wg.Add(1)
	go func() { defer wg.Done(); _, _ = e.do(context.Background(), "first") }()
	e.waitFirst(t)
}

// TestBatcherNoCallCutShortByAnother: a batch runs until the latest of its
// calls' deadlines, and not under any one caller's cancellation: a call
// with time left is not failed because another in its batch had less, or
// gave up.
func TestBatcherNoCallCutShortByAnother(t *testing.T) {
	for _, leave := range []bool{false, true} {
		t.Run(fmt.Sprintf("leave=%v", leave), func(t *testing.T) {
			// The short deadline is to pass while the batch is in the
			// database: after the calls are queued, which a loaded machine
			// can take a while over, and well before the batch is done.
			e := newEchoBatcher(1)
			e.leave, e.hold = leave, 2*time.Second
			var wg sync.WaitGroup
			e.queueBehindFirst(t, &wg)
			short, cancelShort := context.WithTimeout(context.Background(), time.Second)
			defer cancelShort()
			long, cancelLong := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancelLong()
			gone, cancelGone := context.WithCancel(context.Background())
			type answer struct {
				got string
				err error
				at  time.Duration
			}
			answers := make([]answer, 3)
			start := time.Now()
			for i, ctx := range []context.Context{short, gone, long} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got, err := e.do(ctx, fmt.Sprint("call", i))
					answers[i] = answer{got, err, time.Since(start)}
				}()
				e.waitQueued(t, i+1)
			}
			close(e.release)
			e.waitBatches(t, 2)
			cancelGone()
			wg.Wait()
			if a := answers[2]; a.got != "CALL2" || a.err != nil {
				t.Errorf("the call with time left: %q, %v; want its answer", a.got, a.err)
			}
			for i, a := range answers[:2] {
				switch {
				case !leave && (a.got != fmt.Sprint("CALL", i) || a.err != nil):
					t.Errorf("call %d, in the database when its caller gave up: %q, %v; want the answer", i, a.got, a.err)
				case leave && (a.err == nil || a.at >= e.hold):
					t.Errorf("call %d, whose caller left: %q, %v after %v; want its context's error at once, not after the batch", i, a.got, a.err, a.at)
				}
			}
			if fmt.Sprint(e.batches[1]) != "[call0 call1 call2]" {
				t.Errorf("second batch = %v", e.batches[1])
			}
		})
	}
}

// TestBatcherCallAlreadyCancelledNeverRuns: a call whose context has ended
// before it is made is refused at once, and never sent.
func TestBatcherCallAlreadyCancelledNeverRuns(t *testing.T) {
	e := newEchoBatcher(1)
	close(e.release)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, err := e.do(ctx, "late"); !errors.Is(err, context.Canceled) || got != "" {
		t.Errorf("do = %q, %v; want context.Canceled", got, err)
	}
	if len(e.batches) != 0 {
		t.Errorf("batches = %v; want none", e.batches)
	}
}

// TestBatcherPanicFailsItsBatchOnly: a panic while a batch is written
// fails that batch's calls as in doubt (it may have come after the
// COMMIT), and the batcher goes on with the next.
func TestBatcherPanicFailsItsBatchOnly(t *testing.T) {
	e := newEchoBatcher(1)
	var wg sync.WaitGroup
	e.queueBehindFirst(t, &wg)
	errs := make([]error, 2)
	for i, c := range []string{"panic", "with it"} {
		wg.Add(1)
		go func() { defer wg.Done(); _, errs[i] = e.do(context.Background(), c) }()
		e.waitQueued(t, i+1)
	}
	close(e.release)
	wg.Wait()
	for i, err := range errs {
		if !errors.Is(err, commands.ErrInDoubt) {
			t.Errorf("call %d: %v; want in doubt", i, err)
		}
	}
	if got, err := e.do(context.Background(), "after"); got != "AFTER" || err != nil {
		t.Errorf("after the panic: %q, %v", got, err)
	}
}

// TestBatcherSecondWorkerOnlyForABatchHeldUp: with room for two batches
// in the database, the calls that arrive while a quick batch is written
// wait for it and go together; but a batch held there beyond spill gets
// one beside it, so that the calls behind it are answered meanwhile, and
// the batcher goes back to one at a time once it is through.
func TestBatcherSecondWorkerOnlyForABatchHeldUp(t *testing.T) {
	// Spill long enough for a loaded machine to queue three calls within it.
	e := newEchoBatcher(2)
	e.spill = time.Second
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _, _ = e.do(context.Background(), "held") }()
	e.waitFirst(t)

	// Queued within spill: they wait for a worker, none is started.
	answered := make(chan string, 3)
	for i, c := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() { defer wg.Done(); got, _ := e.do(context.Background(), c); answered <- got }()
		e.waitQueued(t, i+1)
	}
	e.batcher.mu.Lock()
	running := e.running
	e.batcher.mu.Unlock()
	if running != 1 {
		t.Fatalf("%d workers within spill of the first batch; want 1", running)
	}

	// Held past spill: the queued calls go as one batch beside it, and are
	// answered while it is still held.
	got := map[string]bool{}
	for range 3 {
		select {
		case a := <-answered:
			got[a] = true
		case <-time.After(15 * time.Second):
			t.Fatalf("calls behind a held batch not answered; got %v", got)
		}
	}
	if !got["A"] || !got["B"] || !got["C"] {
		t.Errorf("answers behind the held batch: %v", got)
	}
	e.mu.Lock()
	batches := fmt.Sprint(e.batches)
	e.mu.Unlock()
	if batches != "[[held] [a b c]]" {
		t.Errorf("batches = %s; want the held one, then the three together", batches)
	}
	close(e.release)
	wg.Wait()

	// Through: the next call finds no worker and goes alone, and leaves
	// none behind.
	if got, err := e.do(context.Background(), "after"); got != "AFTER" || err != nil {
		t.Errorf("after: %q, %v", got, err)
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(time.Millisecond) {
		e.batcher.mu.Lock()
		running, inDB := e.running, len(e.inDB)
		e.batcher.mu.Unlock()
		if running == 0 && inDB == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d workers and %d batches left running", running, inDB)
		}
	}
}
