package commands

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"
)

// Reminders queues reminders as they fall due: every Every (default a
// minute) it asks Service for the reminders due now, which go out through
// the outbox. Running it on several replicas at once is safe: each
// reminder has a dedupe key.
type Reminders struct {
	Service *Service
	Log     *slog.Logger
	Now     func() time.Time
	Every   time.Duration

	// Registers: also remind members about their registers of interests
	// (see EnqueueRegisterReminders), once an hour.
	Registers bool

	registers time.Time // when register reminders were last queued
	days      time.Time // up to when Homes that turn with the day were marked
}

// Run checks for due reminders until ctx is done.
func (r *Reminders) Run(ctx context.Context) error {
	if r.Now == nil {
		r.Now = time.Now
	}
	if r.Log == nil {
		r.Log = slog.New(slog.DiscardHandler)
	}
	if r.Every == 0 {
		r.Every = time.Minute
	}
	t := time.NewTicker(r.Every)
	defer t.Stop()
	for {
		r.tick(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// tick queues what is due now. A panic in it is logged with its stack and
// the loop goes on: one reminder that trips a bug must not end serve's
// process, which would start again and trip on it again, every minute,
// taking every request in flight with it.
func (r *Reminders) tick(ctx context.Context) {
	defer func() {
		if p := recover(); p != nil {
			r.Log.Error("reminders: panic", "panic", p, "stack", string(debug.Stack()))
		}
	}()
	now := r.Now()
	n, err := r.Service.EnqueueDueReminders(ctx, now)
	if err != nil && ctx.Err() == nil {
		r.Log.Warn("reminders", "err", err)
	}
	if n > 0 {
		r.Log.Info("reminders queued", "count", n)
	}
	// Homes that turn with the day are marked for the moments passed
	// since the last tick; one that failed is looked for again on the
	// next. The first looks back to where any replica's loop left off,
	// so that what turned while the bot was down is not missed.
	since := r.days
	if since.IsZero() {
		since = r.Service.dayHomesFrom(ctx, now, r.Every)
	}
	if _, err := r.Service.MarkDayHomes(ctx, since, now); err != nil {
		if ctx.Err() == nil {
			r.Log.Warn("homes of the day", "err", err)
		}
	} else if now.After(since) {
		r.days = now
	}
	// Registers of interests are reminded of by the day: once an hour
	// is soon enough, and each reminder goes once.
	if r.Registers && now.Sub(r.registers) >= time.Hour {
		r.registers = now
		if n, err := r.Service.EnqueueRegisterReminders(ctx, now); err != nil && ctx.Err() == nil {
			r.Log.Warn("register of interests reminders", "err", err)
		} else if n > 0 {
			r.Log.Info("register of interests reminders queued", "count", n)
		}
	}
}
