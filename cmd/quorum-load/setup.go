package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// setup makes the committee of o's channel, with o's officer, o.Users
// members and a meeting to send apologies for, through the same slash
// commands a person would use. What already exists is kept, so a second
// run on the same database reuses it.
func setup(ctx context.Context, o options) error {
	c := newClient(o, 8)
	defer c.http.CloseIdleConnections()
	do := func(user, command, text string, ok ...string) error {
		status, body, err := c.send(ctx, user, command, text)
		if err != nil {
			return fmt.Errorf("%s %s: %w", command, text, err)
		}
		if status != 200 {
			return fmt.Errorf("%s %s: HTTP %d: %s", command, text, status, body)
		}
		for _, want := range ok {
			if strings.Contains(string(body), want) {
				return nil
			}
		}
		return fmt.Errorf("%s %s: unexpected reply: %s", command, text, body)
	}
	if err := do(o.Officer, "/committee", "setup Load Test Committee "+o.Channel, "is now the channel of", "already belongs to"); err != nil {
		return err
	}
	// Members, a few at a time.
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	work := make(chan int)
	for range 8 {
		wg.Go(func() {
			for i := range work {
				err := do(o.Officer, "/committee", fmt.Sprintf("member add <@%s> Load Testing Org %d", o.user(i), i%10), "is now", "is already a member")
				if err != nil {
					once.Do(func() { first = err })
				}
			}
		})
	}
	for i := range o.Users {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	if first != nil {
		return first
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	// A meeting well ahead, so that it is the next one for the whole run.
	day := time.Now().AddDate(0, 0, 60).Format("2006-01-02")
	return do(o.Officer, "/meeting", "schedule "+day+" 10:00 Load Test Room", "will meet on", "already has a meeting")
}
