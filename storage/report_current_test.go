package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// reportCurrentInStep fails t unless every row of report_current is the
// latest row of report_links for its meeting, filing and member, and the
// log never holds the same link submitted twice running or two removals
// running.
func reportCurrentInStep(t *testing.T, db *storage.DB) {
	t.Helper()
	ctx := context.Background()
	var bad int
	if err := db.SQL().QueryRowContext(ctx, `
		WITH l AS (
			SELECT *, CASE WHEN item_id IS NULL THEN 'number:' || item_number ELSE 'item:' || item_id END AS filed_on,
			       lag(action) OVER w AS prev_action, lag(url) OVER w AS prev_url, lag(title) OVER w AS prev_title,
			       row_number() OVER (PARTITION BY meeting_id, CASE WHEN item_id IS NULL THEN 'number:' || item_number ELSE 'item:' || item_id END, member_key ORDER BY id DESC) AS rn
			FROM report_links
			WINDOW w AS (PARTITION BY meeting_id, CASE WHEN item_id IS NULL THEN 'number:' || item_number ELSE 'item:' || item_id END, member_key ORDER BY id)
		)
		SELECT (SELECT count(*) FROM l WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM report_current c
		          WHERE c.meeting_id = l.meeting_id AND c.filed_on = l.filed_on AND c.member_key = l.member_key
		            AND c.url = l.url AND c.title = l.title AND c.action = l.action))
		     + (SELECT count(*) FROM report_current c WHERE NOT EXISTS (SELECT 1 FROM l
		          WHERE c.meeting_id = l.meeting_id AND c.filed_on = l.filed_on AND c.member_key = l.member_key))
		     + (SELECT count(*) FROM l WHERE action = 'submitted' AND prev_action = 'submitted' AND url = prev_url AND title = prev_title)
		     + (SELECT count(*) FROM l WHERE action = 'removed' AND prev_action = 'removed')`).Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("report_current and report_links disagree in %d places", bad)
	}
}

// Sendings, removals and both at once on one member's link are ordered:
// the same link sent at once is recorded once; different links at once
// are one recorded and the rest replaced; a link removed twice at once is
// removed once, the other told there is none; and report_current stays
// the latest row of the log throughout.
func TestReportCurrentUnderRaces(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"})
	link := func(url string) commands.ReportLink {
		return commands.ReportLink{MeetingID: m.ID, Item: "7.5", UserID: "UNEIL", Name: "Neil Frackelton", URL: url, Title: "SWACA", By: "UNEIL"}
	}
	const n = 12

	// Different links at once.
	var mu sync.Mutex
	outcomes := map[commands.ReportOutcome]int{}
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got, err := db.SubmitReport(ctx, link(fmt.Sprintf("https://example.org/%d.pdf", i)), nil)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			outcomes[got]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if outcomes[commands.ReportRecorded] != 1 || outcomes[commands.ReportReplaced] != n-1 {
		t.Errorf("different links at once: %v, want 1 recorded and %d replaced", outcomes, n-1)
	}
	reportCurrentInStep(t, db)

	// Removed twice at once.
	var removed, none int
	for range n {
		wg.Go(func() {
			err := db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "", "UNEIL", time.Time{}, nil)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				removed++
			case errors.Is(err, commands.ErrNotFound) && !errors.Is(err, commands.ErrInDoubt):
				none++
			default:
				t.Errorf("removal: %v", err)
			}
		})
	}
	wg.Wait()
	if removed != 1 || none != n-1 {
		t.Errorf("removed at once: %d removed, %d none, want 1 and %d", removed, none, n-1)
	}
	reportCurrentInStep(t, db)

	// Sendings and removals mixed, each answer consistent with the log.
	for round := range 20 {
		for i := range 6 {
			wg.Go(func() {
				var err error
				if i%2 == 0 {
					_, err = db.SubmitReport(ctx, link(fmt.Sprintf("https://example.org/r%d-%d.pdf", round, i%4)), nil)
				} else {
					err = db.RemoveReport(ctx, m.ID, 0, "7.5", "UNEIL", "", "UOFF", time.Time{}, nil)
				}
				if err != nil && !errors.Is(err, commands.ErrNotFound) {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	reportCurrentInStep(t, db)
}

// A link filed under a number no item had (item_id NULL) is listed under
// the item of that number once one is added, and removing it from there
// removes it, as before report_current: the caller passes the link's own
// filing (ItemID 0), as commands.removeReport does.
func TestUnfiledLinkRemovedAfterItsItemIsAdded(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db, commands.AgendaItem{Number: "7.5", Title: "SWACA"})
	l := commands.ReportLink{MeetingID: m.ID, Item: "9", UserID: "UNEIL", Name: "Neil Frackelton", URL: "https://example.org/nine.pdf", By: "UNEIL"}
	if got, err := db.SubmitReport(ctx, l, nil); err != nil || got != commands.ReportRecorded {
		t.Fatalf("sending on 9 with no item 9: %s %v", got, err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, '9', 9, 'Any Other Business')`, m.ID); err != nil {
		t.Fatal(err)
	}
	links, err := db.ReportLinks(ctx, m.ID)
	if err != nil || len(links) != 1 || links[0].ItemID != 0 || links[0].Item != "9" {
		t.Fatalf("links standing: %+v %v, want Neil's on no item under 9", links, err)
	}
	// What removeReport does with the link it found standing.
	if err := db.RemoveReport(ctx, m.ID, links[0].ItemID, links[0].Item, "UNEIL", "", "UNEIL", time.Time{}, nil); err != nil {
		t.Errorf("removing the unfiled link on 9 once item 9 exists: %v, want it removed", err)
	}
	if links, _ := db.ReportLinks(ctx, m.ID); len(links) != 0 {
		t.Errorf("still standing: %+v", links)
	}
}

// A member with a link filed under a number and another on the item now
// of that number removes the first twice (a double tap, or a retry after
// an answer lost): the second must find it gone, not remove the other.
func TestRemoveReportTwiceRemovesOnlyOne(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	m := meetingWithItems(t, db)
	unfiled := commands.ReportLink{MeetingID: m.ID, Item: "7.6", UserID: "UNEIL", Name: "Neil", URL: "https://example.org/unfiled.pdf", By: "UNEIL"}
	if _, err := db.SubmitReport(ctx, unfiled, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, number, position, title) VALUES ($1, '7.6', 1, 'Youth Violence')`, m.ID); err != nil {
		t.Fatal(err)
	}
	onItem := unfiled
	onItem.URL = "https://example.org/item.pdf"
	if _, err := db.SubmitReport(ctx, onItem, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveReport(ctx, m.ID, 0, "7.6", "UNEIL", "", "UNEIL", time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	err := db.RemoveReport(ctx, m.ID, 0, "7.6", "UNEIL", "", "UNEIL", time.Time{}, nil)
	links, lerr := db.ReportLinks(ctx, m.ID)
	if lerr != nil {
		t.Fatal(lerr)
	}
	if !errors.Is(err, commands.ErrNotFound) || len(links) != 1 {
		t.Errorf("removing the unfiled link again: %v; standing %+v", err, links)
	}
}
