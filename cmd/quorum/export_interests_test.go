package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestExportInterests(t *testing.T) {
	dsn := pgtest.DSN(t)
	historyRecords(t, dsn)
	ctx := context.Background()
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.CommitteeByName(ctx, "Safer Sefton Together")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	day := commands.Date{Year: 2026, Month: time.November, Day: 23}
	for _, e := range []commands.Interest{
		{UserID: "UNEIL", Name: "Neil Frackelton", Category: commands.CategoryOther, Description: "Trustee of SWACA"},
		{UserID: "UNEIL", Name: "Neil Frackelton", Category: commands.CategoryLand, Description: "Home at 4 Marine Drive", Sensitive: true},
		{UserID: "UNEIL", Name: "Neil Frackelton", Category: commands.CategoryGifts, Description: "<b>Dinner</b> from Sefton CVS", GiftOn: commands.Date{Year: 2026, Month: time.November, Day: 3}, ValuePence: 7500, GiftFrom: "Sefton CVS"},
	} {
		e.CommitteeID, e.StartedOn, e.AddedBy, e.AddedAt = c.ID, day, "UNEIL", at
		if _, err := db.AddInterest(ctx, e, nil); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	out, stderr, err := quorum(t, dsn, "export", "interests", "--committee", "Safer Sefton Together", "--csv")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"member,category,description,for,since,value,received,from\n",
		"Ian Barton,,Register not yet completed,,,,,\n",
		"Neil Frackelton,other registrable interest,Trustee of SWACA,member,2026-11-23,,,\n",
		"Neil Frackelton,,\"A sensitive interest is registered; its details are withheld (Localism Act 2011, section 32)\",,,,,\n",
		"Neil Frackelton,gifts and hospitality,<b>Dinner</b> from Sefton CVS,member,2026-11-23,£75,2026-11-03,Sefton CVS\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Marine Drive") {
		t.Errorf("CSV shows a sensitive entry's details:\n%s", out)
	}
	// Both formats at once is not a missing format.
	if _, _, err := quorum(t, dsn, "export", "interests", "--committee", "Safer Sefton Together", "--csv", "--html"); err == nil || err.Error() != "export interests: give one format, --csv or --html, not both" {
		t.Errorf("--csv --html: %v", err)
	}
	page, _, err := quorum(t, dsn, "export", "interests", "--committee", "Safer Sefton Together", "--html")
	if err != nil || !strings.Contains(page, "<td>Trustee of SWACA</td>") || !strings.Contains(page, "&lt;b&gt;Dinner&lt;/b&gt;") || strings.Contains(page, "Marine Drive") {
		t.Errorf("HTML (%v):\n%s", err, page)
	}
	if _, _, err := quorum(t, dsn, "export", "interests", "--committee", "Safer Sefton Together"); err == nil || !strings.Contains(err.Error(), "--csv or --html") {
		t.Errorf("no format: %v", err)
	}
}
