package bot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/bot"
	"github.com/quorumhq/quorum/bot/fakeslack"
	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// BenchmarkReminders1000 queues and posts the 7-day reminders of 1,000
// committees, each with one meeting, through the outbox worker, against a
// fake Slack that answers at once. Each iteration is 1,000 reminders:
// finding them, building them (agenda, apologies, missing reports) and
// queueing them, then claiming, sending and recording them.
func BenchmarkReminders1000(b *testing.B) {
	const committees = 1000
	ctx := context.Background()
	db := pgtest.New(b)
	fake := fakeslack.New()
	b.Cleanup(fake.Close)
	london, _ := time.LoadLocation("Europe/London")
	ids := make([]int64, committees)
	for i := range committees {
		c, err := db.CreateCommittee(ctx, commands.Committee{
			Name: fmt.Sprintf("Committee %04d", i), TeamID: "T1", ChannelID: fmt.Sprintf("C%04d", i),
			StandardItems: true, ReminderDays: []int{7, 1}, ReminderTime: "09:00",
		}, commands.Member{UserID: "UOFFICER", Name: "Ian Barton"})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = c.ID
	}
	svc := commands.New(db, nil)
	client := slack.New("xoxb-bench", slack.OptionAPIURL(fake.URL()))
	var now time.Time
	worker := &bot.Outbox{Store: db, Slack: client, Service: svc, Batch: 100, Now: func() time.Time { return now }}
	var enqueueTook, sendTook time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		base := time.Date(2027, 1, 4, 0, 0, 0, 0, london).AddDate(0, 0, 30*i)
		starts := base.AddDate(0, 0, 8).Add(10 * time.Hour)
		for _, id := range ids {
			if _, err := db.ScheduleMeeting(ctx, commands.Meeting{CommitteeID: id, StartsAt: starts, Venue: "Remote Meeting", Items: commands.StandardItems}, "bench"); err != nil {
				b.Fatal(err)
			}
		}
		now = commands.ReminderDue(starts, 7, commands.Clock{Hour: 9}, london)
		fake.Reset()
		b.StartTimer()

		t0 := time.Now()
		n, err := svc.EnqueueDueReminders(ctx, now)
		if err != nil || n != committees {
			b.Fatalf("queued %d reminders (%v), want %d", n, err, committees)
		}
		t1 := time.Now()
		for {
			claimed, err := worker.RunOnce(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if claimed == 0 {
				break
			}
		}
		t2 := time.Now()
		enqueueTook += t1.Sub(t0)
		sendTook += t2.Sub(t1)

		b.StopTimer()
		if posted := len(fake.Calls("chat.postMessage")); posted != committees {
			b.Fatalf("posted %d reminders, want %d", posted, committees)
		}
		b.StartTimer()
	}
	runs := float64(b.N)
	b.ReportMetric(float64(committees)*runs/(enqueueTook+sendTook).Seconds(), "reminders/s")
	b.ReportMetric(float64(enqueueTook.Milliseconds())/runs, "enqueue-ms/op")
	b.ReportMetric(float64(sendTook.Milliseconds())/runs, "send-ms/op")
}
