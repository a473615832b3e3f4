package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"time"

	"github.com/quorumhq/quorum/commands"
)

// InTx exposes inTx to the external tests.
func (db *DB) InTx(ctx context.Context, op string, fn func(tx *Tx) error) error {
	return db.inTx(ctx, op, fn)
}

// ApologiesInOneBatch is one batch of SendApologyFrom (sendApologiesFrom),
// for the external tests: for each request, whether its channel is a
// committee's, the origin and what was written.
func (db *DB) ApologiesInOneBatch(ctx context.Context, reqs []commands.ApologyRequest) ([]bool, []commands.Origin, []commands.ApologySent, error) {
	rs, err := db.sendApologiesFrom(ctx, reqs)
	if err != nil {
		return nil, nil, nil, err
	}
	found, origins, sent := make([]bool, len(rs)), make([]commands.Origin, len(rs)), make([]commands.ApologySent, len(rs))
	for i, r := range rs {
		found[i], origins[i], sent[i] = r.found, r.origin, r.sent
	}
	return found, origins, sent, nil
}

// ApologyReplaysInOneBatch is one batch of SendApologyFrom, for the
// external tests: for each request, whether it was refused as a replay.
func (db *DB) ApologyReplaysInOneBatch(ctx context.Context, reqs []commands.ApologyRequest) ([]bool, error) {
	rs, err := db.sendApologiesFrom(ctx, reqs)
	if err != nil {
		return nil, err
	}
	replayed := make([]bool, len(rs))
	for i, r := range rs {
		replayed[i] = r.replayed
	}
	return replayed, nil
}

// FirstSeenInOneBatch is one batch of FirstSeen (firstSeen), for the
// external tests: the keys as FirstSeen hashes them, with the nonces given.
func (db *DB) FirstSeenInOneBatch(ctx context.Context, keys []string, nonces []int64) ([]bool, error) {
	calls := make([]seenCall, len(keys))
	for i, k := range keys {
		calls[i] = seenCall{key: sha256.Sum256([]byte(k)), nonce: nonces[i]}
	}
	return db.firstSeen(ctx, calls)
}

// ApologiesQuery is apologiesQuery, for the external tests.
var ApologiesQuery = apologiesQuery

// DeclareSQL and StandingDeclarationSQL are declareSQL and
// standingDeclarationSQL, for the external tests.
var DeclareSQL, StandingDeclarationSQL = declareSQL, standingDeclarationSQL

// MeetingsDeclarationsSQL is meetingsDeclarationsSQL, for the plans' tests.
var MeetingsDeclarationsSQL = meetingsDeclarationsSQL

// WithdrawDeclarationsSQL is withdrawDeclarationsSQL, for the external
// tests.
var WithdrawDeclarationsSQL = withdrawDeclarationsSQL

// PreviousMeetingSQL is previousMeetingSQL, for the external tests.
var PreviousMeetingSQL = previousMeetingSQL

// DraftMinutesMeetingsSQL is draftMinutesMeetingsSQL, for the external
// tests.
var DraftMinutesMeetingsSQL = draftMinutesMeetingsSQL

// UnminutedMeetingsSQL is unminutedMeetingsSQL, for the external tests.
var UnminutedMeetingsSQL = unminutedMeetingsSQL

// ReminderDayOnSQL is reminderDayOnSQL, for the external tests.
var ReminderDayOnSQL = reminderDayOnSQL

// SubmitReportSQL is submitReportSQL, for the external tests.
var SubmitReportSQL = submitReportSQL

// Write is write (one statement sent on its own), for the external tests.
func (db *DB) Write(ctx context.Context, op string, dest any, query string, args ...any) error {
	return db.write(ctx, op, dest, query, args...)
}

// ExecAlone is execAlone, for the external tests: lib/pq reads an Exec's
// answer within the call, so a connection cut after sending is reported
// from the call itself.
func (db *DB) ExecAlone(ctx context.Context, op string, query string, args ...any) error {
	return db.execAlone(ctx, op, query, args...)
}

// MaxConns is the size of the pool, for the external tests.
const MaxConns = maxConns

// DeclarationsInOneBatch is one batch of Declare (declareMany), for the
// external tests: for each declaration, whether it was made, and what.
func (db *DB) DeclarationsInOneBatch(ctx context.Context, ds []commands.Declaration) ([]bool, []commands.Declaration, error) {
	calls := make([]declareCall, len(ds))
	for i, d := range ds {
		itemID, err := fileOnItem(ctx, db.x, d.MeetingID, d.ItemID, d.Item)
		if err != nil {
			return nil, nil, err
		}
		calls[i] = declareCall{d: d, key: memberKey(d.UserID, d.Name), itemID: itemID}
	}
	made, err := db.declareMany(ctx, calls)
	if err != nil {
		return nil, nil, err
	}
	ok, out := make([]bool, len(made)), make([]commands.Declaration, len(made))
	for i, m := range made {
		ok[i], out[i] = m.made, m.row.declaration()
	}
	return ok, out, nil
}

// ReportsInOneBatch is one batch of SubmitReport (submitReports), for the
// external tests: each link's outcome.
func (db *DB) ReportsInOneBatch(ctx context.Context, ls []commands.ReportLink) ([]commands.ReportOutcome, error) {
	calls := make([]reportCall, len(ls))
	for i, l := range ls {
		itemID, err := fileOnItem(ctx, db.x, l.MeetingID, l.ItemID, l.Item)
		if err != nil {
			return nil, err
		}
		calls[i] = reportCall{l: l, key: memberKey(l.UserID, l.Name), itemID: itemID}
	}
	return db.submitReports(ctx, calls)
}

// OriginsFirstSeenSQL and OriginTableFirstSeenSQL are originsFirstSeenSQL
// and originTableFirstSeenSQL, for the external tests.
var OriginsFirstSeenSQL, OriginTableFirstSeenSQL = originsFirstSeenSQL, originTableFirstSeenSQL

// OriginsInOneBatch is one batch of OriginFirstSeen (originsFirstSeen),
// for the external tests: for each call, whether its channel is a
// committee's, whether its key was seen first, and the origin.
func (db *DB) OriginsInOneBatch(ctx context.Context, teams, channels, users, replays []string, tables []bool) ([]bool, []bool, []commands.Origin, error) {
	calls := make([]originCall, len(teams))
	for i := range calls {
		key, nonce := replayKey(replays[i])
		calls[i] = originCall{team: teams[i], channel: channels[i], user: users[i], after: time.Now(), key: key, nonce: nonce, table: tables[i]}
	}
	found, err := db.originsFirstSeen(ctx, calls)
	if err != nil {
		return nil, nil, nil, err
	}
	committees, firsts, origins := make([]bool, len(found)), make([]bool, len(found)), make([]commands.Origin, len(found))
	for i, f := range found {
		committees[i], firsts[i] = f.committee, f.First
		if f.committee {
			if origins[i], err = f.originRow.originTable(f.tableRow, tables[i]); err != nil {
				return nil, nil, nil, err
			}
		}
	}
	return committees, firsts, origins, nil
}

// OriginFirstSeenWithNonce runs originFirstSeenSQL once with the given
// nonce, as database/sql would send it again after a broken connection:
// first, and whether the channel was a committee's.
func (db *DB) OriginFirstSeenWithNonce(ctx context.Context, team, channel, user, replay string, nonce int64) (first, committee bool, err error) {
	key, _ := replayKey(replay)
	var row struct {
		First bool `db:"first"`
		originRow
	}
	err = db.x.GetContext(ctx, &row, originFirstSeenSQL, team, channel, user, time.Now(), 0, key, nonce)
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, nil
	}
	return row.First, true, err
}

// DeclareManySQL is declareManySQL, for the external tests.
var DeclareManySQL = declareManySQL

// DeclarationsThroughBatcher runs ds as one batch of the declaration
// batcher (runBatch), as the batcher would had they arrived at once:
// for each, whether it was made, and its error.
func (db *DB) DeclarationsThroughBatcher(ctx context.Context, ds []commands.Declaration) ([]bool, []error, error) {
	batch := make([]*batchCall[declareCall, declareMade], len(ds))
	for i, d := range ds {
		itemID, err := fileOnItem(ctx, db.x, d.MeetingID, d.ItemID, d.Item)
		if err != nil {
			return nil, nil, err
		}
		batch[i] = &batchCall[declareCall, declareMade]{ctx: ctx, req: declareCall{d: d, key: memberKey(d.UserID, d.Name), itemID: itemID}, done: make(chan struct{})}
	}
	db.declarations.runBatch(batch)
	made, errs := make([]bool, len(ds)), make([]error, len(ds))
	for i, c := range batch {
		<-c.done
		made[i], errs[i] = c.res.made, c.err
	}
	return made, errs, nil
}

// ReportsThroughBatcher is DeclarationsThroughBatcher for SubmitReport.
func (db *DB) ReportsThroughBatcher(ctx context.Context, ls []commands.ReportLink) ([]commands.ReportOutcome, []error, error) {
	batch := make([]*batchCall[reportCall, commands.ReportOutcome], len(ls))
	for i, l := range ls {
		itemID, err := fileOnItem(ctx, db.x, l.MeetingID, l.ItemID, l.Item)
		if err != nil {
			return nil, nil, err
		}
		batch[i] = &batchCall[reportCall, commands.ReportOutcome]{ctx: ctx, req: reportCall{l: l, key: memberKey(l.UserID, l.Name), itemID: itemID}, done: make(chan struct{})}
	}
	db.reports.runBatch(batch)
	out, errs := make([]commands.ReportOutcome, len(ls)), make([]error, len(ls))
	for i, c := range batch {
		<-c.done
		out[i], errs[i] = c.res, c.err
	}
	return out, errs, nil
}

// PruneChanges exposes pruneChanges to the external tests.
func (db *DB) PruneChanges(ctx context.Context, kept time.Duration) error {
	return db.pruneChanges(ctx, kept)
}

// RecordsChangedSQL is RecordsChangedSince's statement, for the plan tests.
var RecordsChangedSQL = recordsChangedSQL

// AgendaFromSQL is AgendaFrom's statement, for the plan tests.
var AgendaFromSQL = agendaFromSQL

// DeclaredInBatch is what one batch of DeclareFrom said of one request,
// for the external tests.
type DeclaredInBatch struct {
	Found, Admitted, Replayed, Made, OnRunning bool
	MeetingID                                  int64
	Item                                       string
}

// DeclarationsFromInOneBatch is one batch of DeclareFrom (declaresFrom), for
// the external tests.
func (db *DB) DeclarationsFromInOneBatch(ctx context.Context, reqs []commands.DeclareRequest) ([]DeclaredInBatch, error) {
	calls := make([]declareFromCall, len(reqs))
	for i, r := range reqs {
		call, err := db.newAtTableCall("declare", r.Items, r.Replay)
		if err != nil {
			return nil, err
		}
		calls[i] = declareFromCall{req: r, atTableCall: call}
	}
	rs, err := db.declaresFrom(ctx, calls)
	if err != nil {
		return nil, err
	}
	out := make([]DeclaredInBatch, len(rs))
	for i, r := range rs {
		out[i] = DeclaredInBatch{Found: r.Ord != 0, Admitted: r.Admitted, Replayed: r.Replayed, Made: r.MadeID.Valid,
			OnRunning: r.OnRunning, MeetingID: r.meetingID(), Item: r.ItemNumber.String}
	}
	return out, nil
}

// ReportedInBatch is what one batch of SubmitReportFrom said of one
// request, for the external tests.
type ReportedInBatch struct {
	Found, Admitted, Replayed bool
	Outcome                   commands.ReportOutcome
	Item                      string
}

// ReportsFromInOneBatch is one batch of SubmitReportFrom (reportsFrom),
// for the external tests.
func (db *DB) ReportsFromInOneBatch(ctx context.Context, reqs []commands.ReportRequest) ([]ReportedInBatch, error) {
	calls := make([]reportFromCall, len(reqs))
	for i, r := range reqs {
		call, err := db.newAtTableCall("submit report", r.Items, r.Replay)
		if err != nil {
			return nil, err
		}
		calls[i] = reportFromCall{req: r, atTableCall: call}
	}
	rs, err := db.reportsFrom(ctx, calls)
	if err != nil {
		return nil, err
	}
	out := make([]ReportedInBatch, len(rs))
	for i, r := range rs {
		out[i] = ReportedInBatch{Found: r.Ord != 0, Admitted: r.Admitted, Replayed: r.Replayed,
			Outcome: commands.ReportOutcome(r.Outcome.String), Item: r.ItemNumber.String}
	}
	return out, nil
}

// AgendasInOneBatch is one batch of AgendaFrom (agendas), for the
// external tests: for each request, whether its channel is a committee's,
// whether it was a replay, whether the records changed and the meeting in
// progress (0 for none).
func (db *DB) AgendasInOneBatch(ctx context.Context, reqs []commands.AgendaRequest) (found, replayed, changed []bool, running []int64, err error) {
	calls := make([]agendaCall, len(reqs))
	for i, r := range reqs {
		calls[i] = agendaCall{req: r}
		calls[i].key, calls[i].nonce = replayKey(r.Replay)
	}
	rows, err := db.agendas(ctx, calls)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	for _, r := range rows {
		found, replayed, changed = append(found, r.Ord != 0), append(replayed, r.Replayed), append(changed, r.Changed)
		running = append(running, r.RunningID.Int64)
	}
	return found, replayed, changed, running, nil
}

// SearchesInOneBatch is one batch of FindMinutesFrom's searches
// (searches), for the external tests: for each request, its rows' minute
// IDs in order (0 for none found), and whether it was a replay.
func (db *DB) SearchesInOneBatch(ctx context.Context, reqs []commands.FindRequest) ([][]int64, []bool, error) {
	calls := make([]findCall, len(reqs))
	for i, r := range reqs {
		calls[i] = findCall{req: r, seq: int64(i)}
		calls[i].key, calls[i].nonce = replayKey(r.Replay)
	}
	rows, err := db.searches(ctx, calls)
	if err != nil {
		return nil, nil, err
	}
	ids, replayed := make([][]int64, len(rows)), make([]bool, len(rows))
	for i, rs := range rows {
		for _, r := range rs {
			ids[i] = append(ids[i], r.ID)
			replayed[i] = r.Replayed
		}
	}
	return ids, replayed, nil
}

// MarkDayHomesQuery is MarkDayHomes's statement, for the plan tests: its
// arguments are since and until.
var MarkDayHomesQuery = markDayHomesSQL

// InterestsSQL is interestsSQL, for the external tests.
var InterestsSQL = interestsSQL

// CountActionsSQL and ListActionsSQL are countActionsSQL and
// listActionsSQL, for the external tests.
var CountActionsSQL, ListActionsSQL = countActionsSQL, listActionsSQL

// SubstituteCommitteesSQL is substituteCommitteesSQL, for the external
// tests.
var SubstituteCommitteesSQL = substituteCommitteesSQL

// MembersAtSQL is the statement of MembersAt, for the plan tests.
var MembersAtSQL = membersAtSQL

// PlainWords is plainWords, the search's words as the index reads them.
func PlainWords(s string) string { return plainWords(s) }

// The search's table of letters with diacritics and their plain letters.
const (
	AccentedLetters = accentedLetters
	PlainLetters    = plainLetters
)
