package storage

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

// batcher runs the calls of one write that arrive while earlier ones are
// still in the database together: one statement for the lot, one round
// trip, one transaction and one flush of the log to disk, where each call
// alone would have had its own. Under load most of a small write's cost
// in PostgreSQL is not its rows but what surrounds them (the protocol, the
// executor's start and end, the commit), so a batch of eight costs about
// what two calls alone do (BENCHMARKS.md). When the database is idle a
// call finds no batch in it and goes alone, at once; one that arrives
// while a batch is being written waits for it, and goes in the next with
// every other call that arrived meanwhile (see spill for the exception).
//
// A batch's answer is each call's answer: its rows are the calls' own,
// told apart by their place in the batch. What a failure means is
// unchanged too: the batch is one statement, committed whole or not at
// all, so a batch PostgreSQL refused leaves every call in it not saved,
// and one cut off after it was sent leaves each in doubt (writeAlone). A
// batch that PostgreSQL refuses for a reason in its data (one call's text
// it cannot store, or a deadlock) is run again one call at a time, so that a call is refused only for
// what it asked itself. Nor is a call cut short by another's deadline: a
// batch runs until the latest of its calls' deadlines.
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
	// spill is how long a batch may be in the database before the calls
	// queued behind it get a worker of their own (up to workers). One
	// batch at a time gathers the most calls into each, and a call costs
	// the database least in a large batch (BENCHMARKS.md); but a batch held
	// up (waiting on a lock, or a database gone quiet) must not hold up
	// every call after it for longer than this. Zero: a worker for every
	// call that finds none free, up to workers.
	spill time.Duration
	// leave lets a caller whose context ends while its call is in the
	// database return at once, with its context's error, where a write's
	// caller waits to learn whether it was saved: for a call whose answer
	// no longer matters once its caller has gone (FirstSeen).
	leave bool

	mu      sync.Mutex
	queue   []*batchCall[Req, Res]
	running int         // workers started and not yet stopped
	inDB    []time.Time // when each batch now in the database was sent
	// spillAt, when armed, looks again at spill's condition when the
	// oldest batch in the database will have been there for spill.
	spillAt *time.Timer
	armed   bool
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
	var zero Res
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	c := &batchCall[Req, Res]{ctx: ctx, req: req, done: make(chan struct{})}
	b.mu.Lock()
	b.queue = append(b.queue, c)
	b.startWorker()
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
		return zero, ctx.Err()
	}
	b.mu.Unlock()
	if b.leave {
		return zero, ctx.Err()
	}
	// Already in the database: what it did is known within the batch's
	// own deadline, and is the answer.
	<-c.done
	return c.res, c.err
}

// startWorker starts a worker for the queue if it needs one: none is
// running, or (spill) every worker has a batch in the database and every
// one has been there too long; if none is yet but one will be, spillAt
// looks again then. A worker not in the database will take the queue
// itself. It is called with mu held.
func (b *batcher[Req, Res]) startWorker() {
	if len(b.queue) == 0 || b.running >= b.workers {
		return
	}
	wait := b.spillIn(time.Now())
	if b.spill <= 0 || b.running == 0 || len(b.inDB) == b.running && wait <= 0 {
		b.running++
		go b.work()
		return
	}
	if b.armed || len(b.inDB) < b.running {
		return
	}
	if b.spillAt == nil {
		b.spillAt = time.AfterFunc(wait, b.lookAgain)
	} else {
		b.spillAt.Reset(wait)
	}
	b.armed = true
}

// spillIn is how long from now until the batches in the database have
// all been there for spill: at most zero when they have, or when spill
// is zero.
func (b *batcher[Req, Res]) spillIn(now time.Time) time.Duration {
	if b.spill <= 0 {
		return 0
	}
	wait := time.Duration(0)
	for _, sent := range b.inDB {
		wait = max(wait, sent.Add(b.spill).Sub(now))
	}
	return wait
}

// lookAgain is spillAt's: the calls still queued may need a worker now.
func (b *batcher[Req, Res]) lookAgain() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.armed = false
	b.startWorker()
}

// work runs batches until the queue is empty, or until another worker
// will do: after a batch, a worker stops if another has one in the
// database that has not been there for spill, and will take the queue
// when it is through. The lock is held from the end of one batch to the
// taking of the next, so that a call arriving in between finds the worker
// about to take it rather than starting another.
func (b *batcher[Req, Res]) work() {
	b.mu.Lock()
	for {
		batch := b.take()
		if len(batch) == 0 {
			b.running--
			b.mu.Unlock()
			return
		}
		sent := time.Now()
		b.inDB = append(b.inDB, sent)
		// What this batch left queued (more than max, or a key twice)
		// waits for it, or for spill.
		b.startWorker()
		b.mu.Unlock()
		b.runBatch(batch)
		b.mu.Lock()
		i := slices.Index(b.inDB, sent)
		b.inDB = slices.Delete(b.inDB, i, i+1)
		if b.running > 1 && len(b.inDB) > 0 && b.spillIn(time.Now()) > 0 {
			b.running--
			b.startWorker() // arms spillAt for what is queued
			b.mu.Unlock()
			return
		}
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
		if len(batch) == b.max || keys[k] || c.ctx.Err() != nil {
			// A call whose caller has gone stays until do takes it out.
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

// runBatch runs batch and gives each call its answer. A panic in run
// fails the calls in the batch that have no answer yet, rather than the
// process or the callers' waits.
func (b *batcher[Req, Res]) runBatch(batch []*batchCall[Req, Res]) {
	ctx, cancel := batchContext(batch)
	defer cancel()
	answered := 0
	defer func() {
		if p := recover(); p != nil {
			for _, c := range batch[answered:] {
				c.err = fmt.Errorf("%w: storage: a batch of %d failed: panic: %v", commands.ErrInDoubt, len(batch), p)
				close(c.done)
			}
		}
	}()
	answer := func(c *batchCall[Req, Res], res Res, err error) {
		c.res, c.err = res, err
		close(c.done)
		answered++
	}
	reqs := make([]Req, len(batch))
	for i, c := range batch {
		reqs[i] = c.req
	}
	res, err := b.run(ctx, reqs)
	if err == nil && len(res) != len(batch) {
		// run checks its rows before it commits; this is a bug in run.
		err = fmt.Errorf("%w: storage: a batch of %d answered for %d calls", commands.ErrInDoubt, len(batch), len(res))
	}
	var zero Res
	if err != nil && len(batch) > 1 && refusedForData(err) {
		for _, c := range batch {
			one, err := b.run(ctx, []Req{c.req})
			switch {
			case err != nil:
				answer(c, zero, err)
			case len(one) != 1:
				answer(c, zero, fmt.Errorf("%w: storage: a batch of 1 answered for %d calls", commands.ErrInDoubt, len(one)))
			default:
				answer(c, one[0], nil)
			}
		}
		return
	}
	for i, c := range batch {
		if err != nil {
			answer(c, zero, err)
		} else {
			answer(c, res[i], nil)
		}
	}
}

// batchContext is the context a batch runs under: the values of its first
// call's, the latest deadline of all of theirs (batchNoDeadline from now
// for a call without one), and no cancellation, for a caller that leaves
// does not withdraw the others' calls.
func batchContext[Req, Res any](batch []*batchCall[Req, Res]) (context.Context, context.CancelFunc) {
	var deadline time.Time
	for _, c := range batch {
		d, ok := c.ctx.Deadline()
		if !ok {
			d = time.Now().Add(batchNoDeadline)
		}
		if d.After(deadline) {
			deadline = d
		}
	}
	return context.WithDeadline(context.WithoutCancel(batch[0].ctx), deadline)
}

// batchNoDeadline bounds a batch holding a call that has no deadline of
// its own: long enough for any statement here, short enough that a
// database that stopped answering is given up on.
const batchNoDeadline = 30 * time.Second

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
