package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

type interestRow struct {
	ID          int64          `db:"id"`
	CommitteeID int64          `db:"committee_id"`
	UserID      sql.NullString `db:"user_id"`
	Name        string         `db:"name"`
	Category    string         `db:"category"`
	Description string         `db:"description"`
	ForWhom     string         `db:"for_whom"`
	Sensitive   bool           `db:"sensitive"`
	StartedOn   time.Time      `db:"started_on"`
	AddedBy     string         `db:"added_by"`
	AddedAt     time.Time      `db:"added_at"`
	EndedOn     sql.NullTime   `db:"ended_on"`
	EndedBy     sql.NullString `db:"ended_by"`
	EndedAt     sql.NullTime   `db:"ended_at"`
	GiftOn      sql.NullTime   `db:"gift_on"`
	ValuePence  sql.NullInt64  `db:"value_pence"`
	GiftFrom    string         `db:"gift_from"`
}

func (r interestRow) interest() commands.Interest {
	e := commands.Interest{
		ID: r.ID, CommitteeID: r.CommitteeID, UserID: r.UserID.String, Name: r.Name,
		Category: commands.InterestCategory(r.Category), Description: r.Description, Spouse: r.ForWhom == "spouse",
		Sensitive: r.Sensitive, StartedOn: dayOf(r.StartedOn), AddedBy: r.AddedBy, AddedAt: r.AddedAt,
		Ended: r.EndedOn.Valid, EndedBy: r.EndedBy.String, EndedAt: r.EndedAt.Time, ValuePence: int(r.ValuePence.Int64), GiftFrom: r.GiftFrom,
	}
	if r.EndedOn.Valid {
		e.EndedOn = dayOf(r.EndedOn.Time)
	}
	if r.GiftOn.Valid {
		e.GiftOn = dayOf(r.GiftOn.Time)
	}
	return e
}

// dayOf reads a date column, which the driver gives as midnight UTC.
func dayOf(t time.Time) commands.Date {
	y, m, d := t.UTC().Date()
	return commands.Date{Year: y, Month: m, Day: d}
}

// dayParam writes a day for a date column; NULL for the zero Date.
func dayParam(d commands.Date) sql.NullString {
	if d.IsNext() {
		return sql.NullString{}
	}
	return sql.NullString{String: fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day), Valid: true}
}

const interestColumns = `i.id, i.committee_id, i.user_id, i.name, i.category, i.description, i.for_whom, i.sensitive,
	i.started_on, i.added_by, i.added_at, e.ended_on, e.ended_by, e.ended_at, i.gift_on, i.value_pence, i.gift_from`

const interestFrom = ` FROM interests i LEFT JOIN interest_endings e ON e.interest_id = i.id `

// AddInterest implements commands.InterestStore. The notice, when there
// is one, is queued with the entry, and not for one that stands already.
func (db *DB) AddInterest(ctx context.Context, e commands.Interest, notice *commands.OutboxMessage) (commands.Interest, error) {
	var out commands.Interest
	err := db.inTx(ctx, "add interest", func(tx *Tx) error {
		forWhom := "self"
		if e.Spouse {
			forWhom = "spouse"
		}
		// One addition at a time to a member's register, so that the
		// same entry sent twice at once (a form submitted twice) is found
		// by the second as it is added, rather than added beside the first.
		key := memberKey(e.UserID, e.Name)
		if err := lockRegister(ctx, tx, e.CommitteeID, key); err != nil {
			return err
		}
		var standing []interestRow
		if err := tx.SelectContext(ctx, &standing, interestsSQL, e.CommitteeID, key, false); err != nil {
			return err
		}
		for _, r := range standing {
			if was := r.interest(); commands.SameEntry(was, e) {
				return &commands.EntryStands{Entry: was}
			}
		}
		var value sql.NullInt64
		if e.Category == commands.CategoryGifts {
			value = sql.NullInt64{Int64: int64(e.ValuePence), Valid: true}
		}
		var id int64
		err := tx.GetContext(ctx, &id, `
			INSERT INTO interests (committee_id, member_key, user_id, name, category, description, for_whom, sensitive, started_on, gift_on, value_pence, gift_from, added_by, added_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
			RETURNING id`,
			e.CommitteeID, memberKey(e.UserID, e.Name), nullString(e.UserID), e.Name, string(e.Category), e.Description, forWhom, e.Sensitive,
			dayParam(e.StartedOn), dayParam(e.GiftOn), value, e.GiftFrom, e.AddedBy, e.AddedAt)
		if err != nil {
			return err
		}
		if err := review(ctx, tx, e.CommitteeID, e.UserID, e.AddedBy, e.AddedAt); err != nil {
			return err
		}
		if err := markDeclaredAgendas(ctx, tx, e.CommitteeID, e.UserID); err != nil {
			return err
		}
		if err := tell(ctx, tx, notice, true); err != nil {
			return err
		}
		if err := audit(ctx, tx, e.CommitteeID, e.AddedBy, "interest.add", e.UserID,
			map[string]any{"interest": id, "category": e.Category, "sensitive": e.Sensitive}); err != nil {
			return err
		}
		return getInterest(ctx, tx, &out, id)
	})
	return out, err
}

// lockRegister waits for, and holds until tx ends, the register of the
// member with the key given: one change to it at a time.
func lockRegister(ctx context.Context, tx *Tx, committeeID int64, key string) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('quorum: register ' || $1::text || ' ' || $2))`, committeeID, key)
	return err
}

// review records a review of userID's register and marks the Homes that
// show when it was last reviewed.
func review(ctx context.Context, q sqlx.ExtContext, committeeID int64, userID, by string, at time.Time) error {
	if _, err := q.ExecContext(ctx, `INSERT INTO interest_reviews (committee_id, member_key, reviewed_at, reviewed_by) VALUES ($1, $2, COALESCE($3, now()), $4)`,
		committeeID, memberKey(userID, ""), nullTime(at), by); err != nil {
		return err
	}
	return markHomesStale(ctx, q, committeeID, []string{userID})
}

// markDeclaredAgendas marks the agendas of the committee's meetings still
// to be held on which userID has declared interests: an agenda names the
// declarations of interests on the register, so an entry added or ended
// changes what a posted one should say.
func markDeclaredAgendas(ctx context.Context, q sqlx.ExtContext, committeeID int64, userID string) error {
	if userID == "" {
		return nil
	}
	_, err := q.ExecContext(ctx, `SELECT mark_stale(m.committee_id, m.id, ARRAY[CAST($2 AS text)]) FROM meetings m
		WHERE m.committee_id = $1 AND m.status = 'scheduled'
		  AND EXISTS (SELECT 1 FROM declarations d WHERE d.meeting_id = m.id AND d.member_key = $2)`, committeeID, memberKey(userID, ""))
	return err
}

func getInterest(ctx context.Context, q sqlx.QueryerContext, out *commands.Interest, id int64) error {
	var row interestRow
	if err := sqlx.GetContext(ctx, q, &row, `SELECT `+interestColumns+interestFrom+`WHERE i.id = $1`, id); err != nil {
		return err
	}
	*out = row.interest()
	return nil
}

// Interest implements commands.InterestStore.
func (db *DB) Interest(ctx context.Context, id int64) (commands.Interest, error) {
	var out commands.Interest
	return out, mapErr("interest", getInterest(ctx, db.x, &out, id))
}

// EndInterest implements commands.InterestStore. The notice is queued in
// the ending's own transaction: an ending committed without it would leave
// the member never told.
func (db *DB) EndInterest(ctx context.Context, id int64, on commands.Date, by string, at time.Time, notice *commands.OutboxMessage) error {
	return db.inTx(ctx, "end interest", func(tx *Tx) error {
		var e commands.Interest
		if err := getInterest(ctx, tx, &e, id); err != nil {
			return err
		}
		// The ending is written once: its key is the entry, so a second
		// removal (a double press, two replicas) changes nothing.
		// Ended at the review it counts as, so that ReviewsOf can tell
		// the two apart.
		res, err := tx.ExecContext(ctx, `INSERT INTO interest_endings (interest_id, ended_on, ended_by, ended_at) VALUES ($1, $2, $3, COALESCE($4, now()))
			ON CONFLICT (interest_id) DO NOTHING`, id, dayParam(on), by, nullTime(at))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return fmt.Errorf("interest %d ended already: %w", id, commands.ErrConflict)
		}
		if err := review(ctx, tx, e.CommitteeID, e.UserID, by, at); err != nil {
			return err
		}
		if err := markDeclaredAgendas(ctx, tx, e.CommitteeID, e.UserID); err != nil {
			return err
		}
		if err := tell(ctx, tx, notice, true); err != nil {
			return err
		}
		return audit(ctx, tx, e.CommitteeID, by, "interest.end", e.UserID, map[string]any{"interest": id})
	})
}

// Interests implements commands.InterestStore.
func (db *DB) Interests(ctx context.Context, committeeID int64, userID string, withEnded bool) ([]commands.Interest, error) {
	var rows []interestRow
	err := db.x.SelectContext(ctx, &rows, interestsSQL, committeeID, keyOrEmpty(userID), withEnded)
	if err != nil {
		return nil, mapErr("interests", err)
	}
	out := make([]commands.Interest, len(rows))
	for i, r := range rows {
		out[i] = r.interest()
	}
	return out, nil
}

// interestsSQL lists the entries in committee $1's register, ended ones
// too when $3: the member's with the key $2 or, when $2 is empty,
// everyone's. The two are read apart (as onItemOrNumber reads
// declarations): as one condition with an OR, a generic plan read the
// whole committee's register to find one member's entries (286 buffers
// for three among 20,000). A member's entries are found in
// interests_member, and each one's ending by its key: joined, a generic
// plan, expecting a member to have a committee's share of the entries,
// hashed every ending in the committee's register instead (32 buffers
// for 5,000 endings; so, 9 for three entries). The LIMIT keeps the
// lateral read from being planned as that join again.
var interestsSQL = `SELECT ` + interestNames + ` FROM (
	(SELECT ` + interestColumns + `, i.member_key FROM interests i
	 LEFT JOIN LATERAL (SELECT x.interest_id, x.ended_on, x.ended_by, x.ended_at FROM interest_endings x
	                    WHERE x.interest_id = i.id LIMIT 1) e ON true
	 WHERE $2 <> '' AND i.committee_id = $1 AND i.member_key = $2 AND ($3 OR e.interest_id IS NULL))
	UNION ALL
	(SELECT ` + interestColumns + `, i.member_key` + interestFrom + `
	 WHERE $2 = '' AND i.committee_id = $1 AND ($3 OR e.interest_id IS NULL))) r
	ORDER BY name, member_key, id`

// interestNames are interestColumns as a subquery names them: without
// their tables' aliases.
var interestNames = strings.NewReplacer("i.", "", "e.", "").Replace(interestColumns)

func keyOrEmpty(userID string) string {
	if userID == "" {
		return ""
	}
	return memberKey(userID, "")
}

// ReviewInterests implements commands.InterestStore. The notice, when
// there is one, is queued with the review, and not for one made already.
func (db *DB) ReviewInterests(ctx context.Context, committeeID int64, userID, by string, at time.Time, notice *commands.OutboxMessage) error {
	return db.inTx(ctx, "review interests", func(tx *Tx) error {
		// The same review made twice in a day by the same person (the
		// button pressed twice, or two presses at once) says no more than
		// once: the register's history would list it twice. The review
		// already made stands for both, unless the register changed since
		// (or that review was itself a change): then this one confirms the
		// register as it now stands.
		key := memberKey(userID, "")
		if err := lockRegister(ctx, tx, committeeID, key); err != nil {
			return err
		}
		var made bool
		if err := tx.GetContext(ctx, &made, `SELECT EXISTS (SELECT 1 FROM interest_reviews r JOIN committees c ON c.id = r.committee_id
			WHERE r.committee_id = $1 AND r.member_key = $2 AND r.reviewed_by = $3
			  AND (r.reviewed_at AT TIME ZONE c.time_zone)::date = (COALESCE(CAST($4 AS timestamptz), now()) AT TIME ZONE c.time_zone)::date
			  AND NOT EXISTS (SELECT 1 FROM interests i LEFT JOIN interest_endings e ON e.interest_id = i.id
				WHERE i.committee_id = r.committee_id AND i.member_key = r.member_key
				  AND (i.added_at >= r.reviewed_at OR e.ended_at >= r.reviewed_at)))`,
			committeeID, key, by, nullTime(at)); err != nil {
			return err
		}
		if made {
			return nil
		}
		if err := review(ctx, tx, committeeID, userID, by, at); err != nil {
			return err
		}
		if err := tell(ctx, tx, notice, true); err != nil {
			return err
		}
		return audit(ctx, tx, committeeID, by, "interest.review", userID, nil)
	})
}

// InterestReviews implements commands.InterestStore.
func (db *DB) InterestReviews(ctx context.Context, committeeID int64) ([]commands.InterestReview, error) {
	var rows []struct {
		Key string    `db:"member_key"`
		At  time.Time `db:"reviewed_at"`
		By  string    `db:"reviewed_by"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT DISTINCT ON (member_key) member_key, reviewed_at, reviewed_by
		FROM interest_reviews WHERE committee_id = $1 ORDER BY member_key, reviewed_at DESC, id DESC`, committeeID)
	if err != nil {
		return nil, mapErr("interest reviews", err)
	}
	out := make([]commands.InterestReview, len(rows))
	for i, r := range rows {
		out[i] = commands.InterestReview{UserID: r.Key, ReviewedAt: r.At, By: r.By}
	}
	return out, nil
}

// ReviewsOf implements commands.InterestStore. A review written with an
// entry's addition or ending has that entry's time (AddInterest,
// EndInterest); the others are reviews alone.
func (db *DB) ReviewsOf(ctx context.Context, committeeID int64, userID string) ([]commands.InterestReview, error) {
	var rows []struct {
		At time.Time `db:"reviewed_at"`
		By string    `db:"reviewed_by"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT r.reviewed_at, r.reviewed_by FROM interest_reviews r
		WHERE r.committee_id = $1 AND r.member_key = $2
		  AND NOT EXISTS (SELECT 1 FROM interests i LEFT JOIN interest_endings e ON e.interest_id = i.id
			WHERE i.committee_id = r.committee_id AND i.member_key = r.member_key
			  AND (i.added_at = r.reviewed_at OR e.ended_at = r.reviewed_at))
		ORDER BY r.reviewed_at, r.id`, committeeID, memberKey(userID, ""))
	if err != nil {
		return nil, mapErr("interest reviews", err)
	}
	out := make([]commands.InterestReview, len(rows))
	for i, r := range rows {
		out[i] = commands.InterestReview{UserID: userID, ReviewedAt: r.At, By: r.By}
	}
	return out, nil
}

// DismissPrompt implements commands.InterestStore.
func (db *DB) DismissPrompt(ctx context.Context, committeeID int64, userID string, itemID int64, by string, at time.Time) (bool, error) {
	var created bool
	err := db.inTx(ctx, "dismiss prompt", func(tx *Tx) error {
		// Only an item of the committee's: one of another committee's,
		// named by a changed button, is no item, as one that never was.
		var found, n int
		err := tx.QueryRowxContext(ctx, `WITH it AS (
				SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = $2 AND m.committee_id = $5
			), ins AS (
				INSERT INTO interest_dismissals (member_key, item_id, dismissed_by, dismissed_at)
				SELECT $1, it.id, $3, COALESCE($4, now()) FROM it
				ON CONFLICT (member_key, item_id) DO NOTHING
				RETURNING 1
			)
			SELECT (SELECT count(*) FROM it), (SELECT count(*) FROM ins)`, memberKey(userID, ""), itemID, by, nullTime(at), committeeID).Scan(&found, &n)
		if err != nil {
			return err
		}
		if found == 0 {
			return fmt.Errorf("storage: dismiss prompt: no item %d of committee %d: %w", itemID, committeeID, commands.ErrNotFound)
		}
		if n == 0 {
			return nil
		}
		created = true
		return markHomesStale(ctx, tx, committeeID, []string{userID})
	})
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "23503" {
		return false, fmt.Errorf("storage: dismiss prompt: no item %d: %w", itemID, commands.ErrNotFound)
	}
	return created, err
}

// DismissedPrompts implements commands.InterestStore.
func (db *DB) DismissedPrompts(ctx context.Context, itemIDs []int64) ([]commands.PromptDismissal, error) {
	var rows []struct {
		Key    string `db:"member_key"`
		ItemID int64  `db:"item_id"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT member_key, item_id FROM interest_dismissals WHERE item_id = ANY($1) ORDER BY item_id, member_key`, pq.Array(itemIDs))
	if err != nil {
		return nil, mapErr("dismissed prompts", err)
	}
	out := make([]commands.PromptDismissal, len(rows))
	for i, r := range rows {
		out[i] = commands.PromptDismissal{UserID: r.Key, ItemID: r.ItemID}
	}
	return out, nil
}

// GiftThreshold implements commands.InterestStore.
func (db *DB) GiftThreshold(ctx context.Context, committeeID int64) (int, error) {
	var p int
	err := db.x.GetContext(ctx, &p, `SELECT gift_threshold_pence FROM committees WHERE id = $1`, committeeID)
	return p, mapErr("gift threshold", err)
}

// RegisterStates implements commands.InterestStore.
func (db *DB) RegisterStates(ctx context.Context) ([]commands.RegisterState, error) {
	var rows []struct {
		CommitteeID int64          `db:"committee_id"`
		Committee   string         `db:"committee"`
		TeamID      sql.NullString `db:"team_id"`
		ChannelID   sql.NullString `db:"channel_id"`
		TimeZone    string         `db:"time_zone"`
		UserID      string         `db:"user_id"`
		Name        string         `db:"name"`
		AddedAt     time.Time      `db:"added_at"`
		ReviewedAt  sql.NullTime   `db:"reviewed_at"`
	}
	err := db.x.SelectContext(ctx, &rows, `SELECT c.id AS committee_id, c.name AS committee, c.team_id, c.channel_id, c.time_zone,
			m.user_id, m.name, m.added_at,
			(SELECT max(r.reviewed_at) FROM interest_reviews r WHERE r.committee_id = c.id AND r.member_key = m.user_id) AS reviewed_at
		FROM members m JOIN committees c ON c.id = m.committee_id
		WHERE m.removed_at IS NULL AND c.channel_id IS NOT NULL
		ORDER BY c.id, m.user_id`)
	if err != nil {
		return nil, mapErr("register states", err)
	}
	out := make([]commands.RegisterState, len(rows))
	for i, r := range rows {
		out[i] = commands.RegisterState{
			Committee:  commands.Committee{ID: r.CommitteeID, Name: r.Committee, TeamID: r.TeamID.String, ChannelID: r.ChannelID.String, TimeZone: r.TimeZone},
			Member:     commands.Member{CommitteeID: r.CommitteeID, UserID: r.UserID, Name: r.Name, AddedAt: r.AddedAt},
			ReviewedAt: r.ReviewedAt.Time,
		}
	}
	return out, nil
}

// SetGiftThreshold implements commands.InterestStore.
func (db *DB) SetGiftThreshold(ctx context.Context, committeeID int64, pence int, by string) error {
	return db.inTx(ctx, "set gift threshold", func(tx *Tx) error {
		var was int
		if err := tx.GetContext(ctx, &was, `SELECT gift_threshold_pence FROM committees WHERE id = $1 FOR UPDATE`, committeeID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE committees SET gift_threshold_pence = $2 WHERE id = $1`, committeeID, pence); err != nil {
			return err
		}
		return audit(ctx, tx, committeeID, by, "interest.gift_threshold", "", map[string]any{"from": was, "to": pence})
	})
}
