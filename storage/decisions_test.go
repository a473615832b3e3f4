package storage_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

// TestMigrationKeepsImportedMinutesConfirmed fills a database under the
// schema before migration 00021 with minutes as an import wrote them then,
// migrates, and checks that they read as confirmed — published minutes
// are — so that nothing can be written over them, and that their
// resolution, stored before resolutions kept the word they were recorded
// under, reads as RESOLVED.
func TestMigrationKeepsImportedMinutesConfirmed(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 20)
	c := setupCommittee(t, db)
	london, _ := time.LoadLocation("Europe/London")
	day := time.Date(2021, 12, 9, 0, 0, 0, 0, london)
	held := commands.DateOf(day, london)
	x := db.SQL()
	meetingID := queryID(t, x, `INSERT INTO meetings (committee_id, starts_at, venue, status, source) VALUES ($1, $2, '', 'held', 'import') RETURNING id`,
		c.ID, day.Add(10*time.Hour))
	docID := queryID(t, x, `INSERT INTO minute_documents (committee_id, meeting_id, kind, sha256, imported_by, body, record)
		VALUES ($1, $2, 'minutes', 'h1', 'UOFF', '', '{}') RETURNING id`, c.ID, meetingID)
	minuteID := queryID(t, x, `INSERT INTO minutes (meeting_id, committee_id, document_id, number, position, title, held_on, resolved)
		VALUES ($1, $2, $3, '28', 1, 'SAFER SEFTON TOGETHER', '2021-12-09', 'That the Partnership be re-named.') RETURNING id`, meetingID, c.ID, docID)
	if _, err := x.ExecContext(ctx, `INSERT INTO resolutions (minute_id, position, body) VALUES ($1, 1, 'That the Partnership be re-named.')`, minuteID); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	ms, err := db.MinutesByNumber(ctx, c.ID, "28", commands.Date{}, 1)
	if err != nil || len(ms) != 1 {
		t.Fatalf("minutes 28: %v, %v", ms, err)
	}
	if ms[0].Draft {
		t.Error("imported minutes read as a draft after the migration")
	}
	if len(ms[0].Resolutions) != 1 || ms[0].Resolutions[0].Word() != "RESOLVED" {
		t.Errorf("resolutions after the migration: %+v, want one RESOLVED", ms[0].Resolutions)
	}
	body := "That it be withdrawn."
	_, err = db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: held, Item: "7", Number: "29",
		Resolution: &commands.Resolution{Body: body}, Action: "resolved", By: "UOFF"})
	if !errors.Is(err, commands.ErrConflict) {
		t.Errorf("writing a minute into imported minutes: %v, want ErrConflict", err)
	}
	err = db.ApproveMinutes(ctx, commands.MinutesApproval{MeetingID: meetingID, At: time.Now(), By: "UOFF"})
	if !errors.Is(err, commands.ErrConflict) {
		t.Errorf("approving imported minutes: %v, want ErrConflict", err)
	}

	// Down and up again: the imported minutes are kept, and read as
	// confirmed once more.
	if err := db.MigrateDownTo(ctx, 20); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if ms, err := db.MinutesByNumber(ctx, c.ID, "28", commands.Date{}, 1); err != nil || len(ms) != 1 || ms[0].Draft || ms[0].Resolved() != "That the Partnership be re-named." {
		t.Errorf("minute 28 after down and up: %+v, %v", ms, err)
	}
}

// TestCommentMakesTheMinuteOfAnItem: a correction to a minute the draft
// writes from the records makes that minute, with no text, for it to
// stand on: once, whoever comments after; it is not looked up or found as
// a minute, for nothing is recorded in it; and it is not made in minutes
// confirmed meanwhile.
func TestCommentMakesTheMinuteOfAnItem(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	london, x := day.Location(), db.SQL()
	item := func(number, title string) *commands.MinuteWrite {
		return &commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, london), Item: number, Number: number,
			Position: 1, Title: title}
	}
	apologies := item("1", "APOLOGIES FOR ABSENCE")
	if err := db.CommentMinute(ctx, 0, apologies, commands.MinuteComment{Body: "I sent apologies.", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.CommentMinute(ctx, 0, apologies, commands.MinuteComment{Body: "I sent apologies.", By: "UNEIL"}, nil); !errors.Is(err, commands.ErrUnchanged) {
		t.Errorf("the same correction again: %v, want ErrUnchanged", err)
	}
	if err := db.CommentMinute(ctx, 0, apologies, commands.MinuteComment{Body: "So did I.", By: "UGRAEME"}, nil); err != nil {
		t.Fatal(err)
	}
	ks, err := db.MinuteComments(ctx, meetingID)
	if err != nil || len(ks) != 2 || ks[0].MinuteNumber != "1" || ks[1].MinuteNumber != "1" {
		t.Errorf("comments: %+v, %v; want two on minute 1", ks, err)
	}
	if n := queryID(t, x, `SELECT count(*) FROM minutes WHERE meeting_id = $1`, meetingID); n != 1 {
		t.Errorf("%d minutes made, want 1", n)
	}
	if ms, err := db.MinutesByNumber(ctx, c.ID, "1", commands.Date{}, 5); err != nil || len(ms) != 0 {
		t.Errorf("minute 1 looked up: %+v, %v; want none", ms, err)
	}
	if ms, err := db.MinutesOn(ctx, c.ID, commands.DateOf(day, london)); err != nil || len(ms) != 0 {
		t.Errorf("minutes of the day: %+v, %v; want none", ms, err)
	}
	if ms, _, err := db.SearchMinutes(ctx, c.ID, "apologies", 5); err != nil || len(ms) != 0 {
		t.Errorf("search: %+v, %v; want none", ms, err)
	}
	if err := db.ApproveMinutes(ctx, commands.MinutesApproval{MeetingID: meetingID, At: time.Now(), By: "UOFF"}); err != nil {
		t.Fatal(err)
	}
	err = db.CommentMinute(ctx, 0, item("2", "DECLARATIONS OF INTEREST"), commands.MinuteComment{Body: "Late.", By: "UNEIL"}, nil)
	if !errors.Is(err, commands.ErrConflict) {
		t.Errorf("a correction making a minute in confirmed minutes: %v, want ErrConflict", err)
	}
	if n := queryID(t, x, `SELECT count(*) FROM minutes WHERE meeting_id = $1`, meetingID); n != 1 {
		t.Errorf("%d minutes after the refused correction, want 1", n)
	}
}

// TestCommentRefusesAMinuteNumberTaken: the number of a minute a
// correction makes is worked out before the meeting's lock is taken; if
// another item's minute has taken that number meanwhile (the agenda
// changed and `/minute` wrote it), the correction is refused and nothing
// is written, rather than two minutes of the meeting carrying one number.
// The item's own minute, made by an earlier correction, is not another.
func TestCommentRefusesAMinuteNumberTaken(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	london, x := day.Location(), db.SQL()
	item := func(number, title string) *commands.MinuteWrite {
		return &commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, london), Item: number, Number: number,
			Position: 1, Title: title}
	}
	// Minute 2 written meanwhile for the item now numbered 2, once 3.
	queryID(t, x, `INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, refs, held_on, resolved, status, item_number)
		VALUES ($1, $2, '2', 1, 'MINUTES OF THE LAST MEETING', 'Agreed.', '{}', $3, '', 'draft', '3') RETURNING id`, meetingID, c.ID, day.Format("2006-01-02"))
	err := db.CommentMinute(ctx, 0, item("2", "DECLARATIONS OF INTEREST"), commands.MinuteComment{Body: "I declared.", By: "UNEIL"}, nil)
	if !errors.Is(err, commands.ErrMinutesChanged) {
		t.Errorf("a correction making a second minute 2: %v, want ErrMinutesChanged", err)
	}
	if n := queryID(t, x, `SELECT count(*) FROM minutes WHERE meeting_id = $1`, meetingID); n != 1 {
		t.Errorf("%d minutes after the refused correction, want 1", n)
	}
	if n := queryID(t, x, `SELECT count(*) FROM minute_comments`); n != 0 {
		t.Errorf("%d corrections saved after the refusal, want none", n)
	}

	// A number no other minute has is made, and a second correction to
	// the same item finds its own minute.
	apologies := item("1", "APOLOGIES FOR ABSENCE")
	if err := db.CommentMinute(ctx, 0, apologies, commands.MinuteComment{Body: "I sent apologies.", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.CommentMinute(ctx, 0, apologies, commands.MinuteComment{Body: "So did I.", By: "UGRAEME"}, nil); err != nil {
		t.Errorf("a second correction to the item's own minute: %v", err)
	}
	if n := queryID(t, x, `SELECT count(*) FROM minutes WHERE meeting_id = $1`, meetingID); n != 2 {
		t.Errorf("%d minutes, want 2", n)
	}
}

// TestUnminutedMeetingsByTheCommitteesDay: a meeting held here with
// nothing minuted is passed over once minutes of a meeting on a later day
// are confirmed, the day read in the committee's time zone: one held at
// 00:30 in June, still the day before in UTC, stays listed beside
// confirmed minutes of a meeting later that day.
func TestUnminutedMeetingsByTheCommitteesDay(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	c := setupCommittee(t, db)
	held := func(at string) int64 {
		var id int64
		if err := db.SQL().QueryRowContext(ctx, `INSERT INTO meetings (committee_id, starts_at, venue, status, opened_at)
			VALUES ($1, $2, 'Bootle Town Hall', 'held', $2) RETURNING id`, c.ID, at).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	held("2027-06-03T10:00:00+01:00")
	early := held("2027-06-10T00:30:00+01:00")
	later := held("2027-06-10T10:00:00+01:00")
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO minutes (meeting_id, committee_id, number, position, title, narrative, held_on, status)
		VALUES ($1, $2, '1', 1, 'ITEM', 'The Board considered it.', '2027-06-10', 'confirmed')`, later, c.ID); err != nil {
		t.Fatal(err)
	}
	ms, err := db.UnminutedMeetings(ctx, c.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, m := range ms {
		got = append(got, m.ID)
	}
	if len(got) != 1 || got[0] != early {
		t.Errorf("unminuted meetings %v; want only %d, held at 00:30 on the day of the confirmed minutes", got, early)
	}
}

// TestApprovalWeighsEveryCorrection: an approval that weighed the
// corrections proposed is refused, nothing confirmed, when another is on
// record by the time it holds the meeting (a correction sent as it was
// sent), or another change to the minutes (an amendment that may answer
// one); and a correction to a minute of minutes confirmed is refused,
// nothing added, rather than recorded after the record was closed.
func TestApprovalWeighsEveryCorrection(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	london, x := day.Location(), db.SQL()
	minute, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, london), Item: "4",
		Number: "4", Position: 1, Title: "SWACA", Resolution: &commands.Resolution{Body: "That the report be noted."}, Action: "resolved", By: "UOFF"})
	if err != nil {
		t.Fatal(err)
	}
	minuteID := minute.ID
	if err := db.CommentMinute(ctx, minuteID, nil, commands.MinuteComment{Body: "The figures were for the last quarter.", By: "UNEIL"}, nil); err != nil {
		t.Fatal(err)
	}
	weighedNone := commands.MinutesApproval{MeetingID: meetingID, At: time.Now(), By: "UOFF", CommentsWeighed: true, CommentsSeen: 0}
	if err := db.ApproveMinutes(ctx, weighedNone); !errors.Is(err, commands.ErrMinutesChanged) {
		t.Errorf("an approval that weighed no correction, with one on record: %v, want ErrMinutesChanged", err)
	}
	if confirmed := queryID(t, x, `SELECT count(*) FROM minutes_approvals WHERE meeting_id = $1`, meetingID); confirmed != 0 {
		t.Fatalf("the refused approval confirmed the minutes")
	}
	// Weighed with the minute as it was written, the correction standing:
	// an amendment made since answers it, and the approval, which would
	// name it as set aside, is refused.
	weighedOne := weighedNone
	weighedOne.CommentsSeen, weighedOne.EditsSeen, weighedOne.SetAside = 1, 1, []string{"4"}
	amended := "The figures were for the last quarter."
	if _, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, london), Item: "4",
		Number: "4", Position: 1, Title: "SWACA", Narrative: &amended, Action: "amended", By: "UOFF"}); err != nil {
		t.Fatal(err)
	}
	if err := db.ApproveMinutes(ctx, weighedOne); !errors.Is(err, commands.ErrMinutesChanged) {
		t.Errorf("an approval that weighed the minute before its amendment: %v, want ErrMinutesChanged", err)
	}
	if confirmed := queryID(t, x, `SELECT count(*) FROM minutes_approvals WHERE meeting_id = $1`, meetingID); confirmed != 0 {
		t.Fatalf("the refused approval confirmed the minutes")
	}
	weighedOne.EditsSeen, weighedOne.SetAside = 2, nil
	if err := db.ApproveMinutes(ctx, weighedOne); err != nil {
		t.Fatal(err)
	}
	err = db.CommentMinute(ctx, minuteID, nil, commands.MinuteComment{Body: "Too late.", By: "UGRAEME"}, nil)
	if !errors.Is(err, commands.ErrConflict) {
		t.Errorf("a correction to confirmed minutes: %v, want ErrConflict", err)
	}
	if n := queryID(t, x, `SELECT count(*) FROM minute_comments`); n != 1 {
		t.Errorf("%d corrections on record, want 1", n)
	}
}

// heldMeeting is a database with a committee whose meeting of 10 December
// 2026, 10:00 in London, held in Quorum, has no minutes yet.
func heldMeeting(t *testing.T) (db *storage.DB, c commands.Committee, meetingID int64, day time.Time) {
	t.Helper()
	db = pgtest.New(t)
	c = setupCommittee(t, db)
	london, _ := time.LoadLocation("Europe/London")
	day = time.Date(2026, 12, 10, 10, 0, 0, 0, london)
	meetingID = queryID(t, db.SQL(), `INSERT INTO meetings (committee_id, starts_at, venue, status, source) VALUES ($1, $2, '', 'held', 'slack') RETURNING id`, c.ID, day)
	return db, c, meetingID, day
}

// TestApprovalAtAMeetingWhoseOwnMinutesWereConfirmedMeanwhile: the
// previous minutes confirmed at today's meeting, whose own minutes were
// confirmed as the approval was sent, cannot be recorded in them; the
// approval is refused as the minutes having changed, nothing confirmed,
// not as if the previous minutes were confirmed already.
func TestApprovalAtAMeetingWhoseOwnMinutesWereConfirmedMeanwhile(t *testing.T) {
	ctx := context.Background()
	db, c, today, day := heldMeeting(t)
	london, x := day.Location(), db.SQL()
	before := day.AddDate(0, -1, 0)
	previous := queryID(t, x, `INSERT INTO meetings (committee_id, starts_at, venue, status, source) VALUES ($1, $2, '', 'held', 'slack') RETURNING id`, c.ID, before)
	noted := func(meetingID int64, on time.Time, item string) commands.MinuteWrite {
		return commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(on, london), Item: item, Number: item, Position: 1,
			Title: "ITEM " + item, Resolution: &commands.Resolution{Body: "That the report be noted."}, Action: "resolved", By: "UOFF"}
	}
	for _, w := range []commands.MinuteWrite{noted(previous, before, "4"), noted(today, day, "5")} {
		if _, err := db.WriteMinute(ctx, w); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.ApproveMinutes(ctx, commands.MinutesApproval{MeetingID: today, At: day.Add(3 * time.Hour), By: "UOFF"}); err != nil {
		t.Fatal(err)
	}
	record := noted(today, day, "3")
	err := db.ApproveMinutes(ctx, commands.MinutesApproval{MeetingID: previous, At: day.Add(3 * time.Hour), By: "UOFF", AtMeetingID: today, Record: &record})
	if !errors.Is(err, commands.ErrMinutesChanged) {
		t.Errorf("approval recorded in minutes confirmed meanwhile: %v, want ErrMinutesChanged", err)
	}
	if n := queryID(t, x, `SELECT count(*) FROM minutes_approvals WHERE meeting_id = $1`, previous); n != 0 {
		t.Errorf("the refused approval confirmed the previous minutes")
	}
}

// TestRecordedOrderMigration: migration 00059 leaves the minutes'
// records already kept to be ordered by their times, as they were (seq
// 0), whatever order they were written in; records written after it come
// after them at the same time; and it goes down and up again with records
// kept.
func TestRecordedOrderMigration(t *testing.T) {
	ctx := context.Background()
	db, c, meetingID, day := heldMeeting(t)
	if err := db.MigrateDownTo(ctx, 58); err != nil {
		t.Fatal(err)
	}
	london := day.Location()
	// A narrative, not a decision: a decision's write reads the
	// deferrals, which the schema at 58 does not have yet.
	narrative := "The Board considered the report."
	mi, err := db.WriteMinute(ctx, commands.MinuteWrite{CommitteeID: c.ID, MeetingID: meetingID, HeldOn: commands.DateOf(day, london), Item: "4",
		Number: "4", Position: 1, Title: "ITEM 4", Narrative: &narrative, Action: "minuted", By: "UOFF"})
	if err != nil {
		t.Fatal(err)
	}
	// Written second, proposed first: as an import, or a clock set back.
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO minute_comments (minute_id, body, by_user, at) VALUES ($1, 'The date was wrong.', 'UNEIL', now() - interval '1 hour')`, mi.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	history := func() ([]commands.MinuteEdit, []commands.MinuteComment) {
		t.Helper()
		hs, err := db.MinuteHistory(ctx, meetingID)
		if err != nil {
			t.Fatal(err)
		}
		ks, err := db.MinuteComments(ctx, meetingID)
		if err != nil {
			t.Fatal(err)
		}
		return hs, ks
	}
	h, k := history()
	if len(h) != 1 || len(k) != 1 || h[0].Seq != 0 || k[0].Seq != 0 {
		t.Fatalf("after the migration: history %+v, comments %+v; want both ordered by their times alone", h, k)
	}
	// At the very time of the change kept, and written after it.
	if err := db.CommentMinute(ctx, mi.ID, nil, commands.MinuteComment{Body: "So was the venue.", By: "UNEIL", At: h[0].At}, nil); err != nil {
		t.Fatal(err)
	}
	ps, _, err := db.MemberCorrections(ctx, c.ID, "UNEIL", day.AddDate(0, 0, -1), 5)
	if err != nil || len(ps) != 2 || ps[0].Amended || !ps[1].Amended {
		t.Errorf("corrections after the migration: %+v, %v; want the one written after the change standing, the earlier one answered", ps, err)
	}
	if err := db.MigrateDownTo(ctx, 58); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if h, k = history(); len(h) != 1 || len(k) != 2 {
		t.Errorf("after down and up: history %+v, comments %+v", h, k)
	}
}

// TestMigrationReadsResolvedFurther: minutes imported before "RESOLVED
// FURTHER:" was read as a label held a resolution beginning "FURTHER:",
// quoted as "RESOLVED: FURTHER: That …". Migration 00078 reads it as an
// import now does, in the resolution, the minute's search and its quote;
// a resolution written in Quorum is kept as typed; and down again gives
// back what was stored.
func TestMigrationReadsResolvedFurther(t *testing.T) {
	ctx := context.Background()
	db := schemaAt(t, 77)
	c := setupCommittee(t, db)
	x := db.SQL()
	day := time.Date(2026, 11, 26, 18, 30, 0, 0, time.UTC)
	imported := queryID(t, x, `INSERT INTO meetings (committee_id, starts_at, venue, status, source) VALUES ($1, $2, '', 'held', 'import') RETURNING id`, c.ID, day)
	// The document as printed: the labels the reading before kept at the
	// head of each further resolution.
	const printed = "22. YOUTH ANTI-SOCIAL BEHAVIOUR\nRESOLVED: That the report be noted.\nRESOLVED FURTHER: That a further report be brought.\n" +
		"Resolved further that the Committee write to the Minister.\nRESOLVED FURTHER (unanimously): That (1) B be approved; and (2) C be noted.\n" +
		"RESOLVED FURTHER – to thank the officers.\nRESOLVED: Further to the report, that D be noted.\nRESOLVED: Further, that E be noted.\n"
	docID := queryID(t, x, `INSERT INTO minute_documents (committee_id, meeting_id, kind, sha256, imported_by, body, record)
		VALUES ($1, $2, 'minutes', 'h1', 'UOFF', $3, '{}') RETURNING id`, c.ID, imported, printed)
	bodies := []string{"That the report be noted.", "FURTHER: That a further report be brought.", "further that the Committee write to the Minister.",
		"FURTHER (unanimously): That (1) B be approved; and (2) C be noted.", "FURTHER – to thank the officers.", "Further to the report, that D be noted.",
		"Further, that E be noted."}
	minuteID := queryID(t, x, `INSERT INTO minutes (meeting_id, committee_id, document_id, number, position, title, held_on, resolved)
		VALUES ($1, $2, $3, '22', 1, 'YOUTH ANTI-SOCIAL BEHAVIOUR', '2026-11-26', $4) RETURNING id`, imported, c.ID, docID, strings.Join(bodies, "\n"))
	for i, b := range bodies {
		if _, err := x.ExecContext(ctx, `INSERT INTO resolutions (minute_id, position, body) VALUES ($1, $2, $3)`, minuteID, i+1, b); err != nil {
			t.Fatal(err)
		}
	}
	// Minutes whose document prints no such label (imported as JSON, or
	// "RESOLVED: FURTHER: …" as printed) are kept as they are.
	other := queryID(t, x, `INSERT INTO meetings (committee_id, starts_at, venue, status, source) VALUES ($1, $2, '', 'held', 'import') RETURNING id`, c.ID, day.AddDate(0, -1, 0))
	otherDoc := queryID(t, x, `INSERT INTO minute_documents (committee_id, meeting_id, kind, sha256, imported_by, body, record)
		VALUES ($1, $2, 'minutes', 'h2', 'UOFF', '{"minutes": []}', '{}') RETURNING id`, c.ID, other)
	otherMinute := queryID(t, x, `INSERT INTO minutes (meeting_id, committee_id, document_id, number, position, title, held_on, resolved)
		VALUES ($1, $2, $3, '12', 1, 'FIREWORKS', '2026-10-26', 'FURTHER: That the letter be sent.') RETURNING id`, other, c.ID, otherDoc)
	if _, err := x.ExecContext(ctx, `INSERT INTO resolutions (minute_id, position, body) VALUES ($1, 1, 'FURTHER: That the letter be sent.')`, otherMinute); err != nil {
		t.Fatal(err)
	}
	// Typed into a minute of a meeting held in Quorum: kept as typed.
	held := queryID(t, x, `INSERT INTO meetings (committee_id, starts_at, venue, status) VALUES ($1, $2, '', 'held') RETURNING id`, c.ID, day.AddDate(0, 0, 7))
	typed := queryID(t, x, `INSERT INTO minutes (meeting_id, committee_id, number, position, title, held_on, resolved)
		VALUES ($1, $2, '30', 1, 'FIREWORKS', '2026-12-03', 'FURTHER: That the letter be sent.') RETURNING id`, held, c.ID)
	if _, err := x.ExecContext(ctx, `INSERT INTO resolutions (minute_id, position, body) VALUES ($1, 1, 'FURTHER: That the letter be sent.')`, typed); err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, nil); err != nil {
		t.Fatal(err)
	}
	ms, err := db.MinutesByNumber(ctx, c.ID, "22", commands.Date{}, 1)
	if err != nil || len(ms) != 1 {
		t.Fatalf("minutes 22: %v, %v", ms, err)
	}
	var got []string
	for _, r := range ms[0].Resolutions {
		got = append(got, r.Word()+": "+r.Body)
	}
	want := []string{"RESOLVED: That the report be noted.", "RESOLVED FURTHER: That a further report be brought.",
		"RESOLVED FURTHER: That the Committee write to the Minister.",
		"RESOLVED FURTHER: (unanimously) That (1) B be approved; and (2) C be noted.", "RESOLVED FURTHER: To thank the officers.",
		"RESOLVED: Further to the report, that D be noted.", "RESOLVED: Further, that E be noted."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("resolutions after the migration:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var resolved string
	if err := x.QueryRowContext(ctx, `SELECT resolved FROM minutes WHERE id = $1`, minuteID).Scan(&resolved); err != nil {
		t.Fatal(err)
	}
	if resolved != ms[0].Resolved() {
		t.Errorf("the minute's search reads %q, its resolutions %q", resolved, ms[0].Resolved())
	}
	if ms, err := db.MinutesByNumber(ctx, c.ID, "12", commands.Date{}, 1); err != nil || len(ms) != 1 || ms[0].Resolutions[0].Word() != "RESOLVED" || ms[0].Resolved() != "FURTHER: That the letter be sent." {
		t.Errorf("minute imported from a document without the label after the migration: %+v, %v", ms, err)
	}
	if ms, err := db.MinutesByNumber(ctx, c.ID, "30", commands.Date{}, 1); err != nil || len(ms) != 1 || ms[0].Resolutions[0].Word() != "RESOLVED" || ms[0].Resolved() != "FURTHER: That the letter be sent." {
		t.Errorf("minute written in Quorum after the migration: %+v, %v", ms, err)
	}

	if err := db.MigrateDownTo(ctx, 77); err != nil {
		t.Fatal(err)
	}
	var after string
	if err := x.QueryRowContext(ctx, `SELECT string_agg(body, E'\n' ORDER BY position) FROM resolutions WHERE minute_id = $1`, minuteID).Scan(&after); err != nil {
		t.Fatal(err)
	}
	wantDown := []string{"That the report be noted.", "FURTHER: That a further report be brought.", "FURTHER: That the Committee write to the Minister.",
		"FURTHER: (unanimously) That (1) B be approved; and (2) C be noted.", "FURTHER: To thank the officers.", "Further to the report, that D be noted.",
		"Further, that E be noted."}
	if after != strings.Join(wantDown, "\n") {
		t.Errorf("resolutions after down:\n%s\nwant:\n%s", after, strings.Join(wantDown, "\n"))
	}
}
