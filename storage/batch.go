package storage

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/lib/pq"
)

// batcher runs the calls of one write that arrive while earlier ones are
// still in the database together: one statement for the lot, one round
// trip, one transaction and one flush of the log to disk, where each call
// alone would have had its own. Under load most of a small write's cost
// in PostgreSQL is not its rows but what surrounds them (the protocol, the
// executor's start and end, the commit), so a batch of eight costs about
// what two calls alone do (BENCHMARKS.md). When the database is idle a
// call finds a worker free and goes alone, at once; a batch only forms
// from calls that would otherwise have queued for a connection.
//
// A batch's answer is each call's answer: its rows are the calls' own,
// told apart by their place in the batch. What a failure means is
// unchanged too: the batch runs in one transaction, so a failure before
// its COMMIT leaves every call in it not saved, and one cut off at the
// COMMIT leaves each in doubt (inTx). A batch that PostgreSQL refuses for
// a reason in its data (one call's text it cannot store, or a deadlock)
// is run again one call at a time, so that a call is refused only for
// what it asked itself.
type batcher[Req, Res any] struct {
	// run writes reqs, all of distinct keys, and returns one answer for
	// each, in order.
	run func(ctx context.Context, reqs []Req) ([]Res, error)
	// key is what two calls in one batch must not share (the row they
	// write: a statement may not change one row twice).
	key func(Req) string
	// max is the most calls one batch takes; workers the most batches in
	// the database at once.
	max, workers int

	mu      sync.Mutex
	queue   []*batchCall[Req, Res]
	running int // workers started and not yet stopped
}

type batchCall[Req, Res any] struct {
	ctx   context.Context
	req   Req
	res   Res
	err   error
	taken bool // a worker has it; guarded by batcher.mu
	done  chan struct{}
}

// do runs req, in a batch with whatever else is waiting.
func (b *batcher[Req, Res]) do(ctx context.Context, req Req) (Res, error) {
	c := &batchCall[Req, Res]{ctx: ctx, req: req, done: make(chan struct{})}
	b.mu.Lock()
	b.queue = append(b.queue, c)
	if b.running < b.workers {
		b.running++
		go b.work()
	}
	b.mu.Unlock()
	select {
	case <-c.done:
		return c.res, c.err
	case <-ctx.Done():
	}
	b.mu.Lock()
	if !c.taken {
		// Never sent: take it out, and it is certainly not saved.
		for i, q := range b.queue {
			if q == c {
				b.queue = append(b.queue[:i], b.queue[i+1:]...)
				break
			}
		}
		b.mu.Unlock()
		var zero Res
		return zero, ctx.Err()
	}
	b.mu.Unlock()
	// Already in the database: what it did is known within the batch's
	// own deadline (the earliest of its calls'), and is the answer.
	<-c.done
	return c.res, c.err
}

// work runs batches until the queue is empty.
func (b *batcher[Req, Res]) work() {
	for {
		b.mu.Lock()
		batch := b.take()
		if len(batch) == 0 {
			b.running--
			b.mu.Unlock()
			return
		}
		b.mu.Unlock()
		b.runBatch(batch)
	}
}

// take removes from the queue, oldest first, up to max calls of distinct
// keys; a call whose key is taken waits for the next batch, in its place.
// It is called with mu held.
func (b *batcher[Req, Res]) take() []*batchCall[Req, Res] {
	if len(b.queue) == 0 {
		return nil
	}
	batch := make([]*batchCall[Req, Res], 0, min(len(b.queue), b.max))
	keys := make(map[string]bool, cap(batch))
	rest := b.queue[:0]
	for _, c := range b.queue {
		k := b.key(c.req)
		if len(batch) == b.max || keys[k] {
			rest = append(rest, c)
			continue
		}
		keys[k] = true
		c.taken = true
		batch = append(batch, c)
	}
	clear(b.queue[len(rest):])
	b.queue = rest
	return batch
}

// runBatch runs batch and gives each call its answer.
func (b *batcher[Req, Res]) runBatch(batch []*batchCall[Req, Res]) {
	ctx, cancel := batchContext(batch)
	defer cancel()
	reqs := make([]Req, len(batch))
	for i, c := range batch {
		reqs[i] = c.req
	}
	res, err := b.run(ctx, reqs)
	if err == nil && len(res) != len(batch) {
		err = errors.New("storage: a batch answered for the wrong number of calls")
	}
	if err != nil && len(batch) > 1 && refusedForData(err) {
		for _, c := range batch {
			one, err := b.run(ctx, []Req{c.req})
			if err == nil {
				c.res = one[0]
			}
			c.err = err
			close(c.done)
		}
		return
	}
	for i, c := range batch {
		if err != nil {
			c.err = err
		} else {
			c.res = res[i]
		}
		close(c.done)
	}
}

// batchContext is the context a batch runs under: the values of its first
// call's, the earliest deadline of all of theirs, and no cancellation, for
// a caller that leaves does not withdraw the others' calls.
func batchContext[Req, Res any](batch []*batchCall[Req, Res]) (context.Context, context.CancelFunc) {
	var deadline time.Time
	for _, c := range batch {
		if d, ok := c.ctx.Deadline(); ok && (deadline.IsZero() || d.Before(deadline)) {
			deadline = d
		}
	}
	ctx := context.WithoutCancel(batch[0].ctx)
	if deadline.IsZero() {
		return context.WithCancel(ctx)
	}
	return context.WithDeadline(ctx, deadline)
}

// refusedForData says whether PostgreSQL refused a statement for what it
// was given or met (a value it cannot store, a constraint, a deadlock or a
// serialization failure), rather than for being unreachable: such a batch
// is worth running again call by call.
func refusedForData(err error) bool {
	var pqErr *pq.Error
	if !errors.As(err, &pqErr) {
		return false
	}
	switch pqErr.Code.Class() {
	case "22", "23", "40":
		return true
	}
	return false
}
