package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/quorumhq/quorum/commands"
)

type committeeRow struct {
	ID            int64          `db:"id"`
	Name          string         `db:"name"`
	TeamID        sql.NullString `db:"team_id"`
	ChannelID     sql.NullString `db:"channel_id"`
	TimeZone      string         `db:"time_zone"`
	StandardItems bool           `db:"standard_items"`
	ReminderDays  pq.Int64Array  `db:"reminder_days"`
	ReminderTime  string         `db:"reminder_time"`
	CreatedAt     sql.NullTime   `db:"created_at"`
	CalendarToken sql.NullString `db:"calendar_token"`
}

const committeeColumns = `id, name, team_id, channel_id, time_zone, standard_items, reminder_days, to_char(reminder_time, 'HH24:MI') AS reminder_time, created_at, calendar_token`

func (r committeeRow) committee() commands.Committee {
	days := make([]int, len(r.ReminderDays))
	for i, d := range r.ReminderDays {
		days[i] = int(d)
	}
	return commands.Committee{
		ID: r.ID, Name: r.Name, TeamID: r.TeamID.String, ChannelID: r.ChannelID.String,
		TimeZone: r.TimeZone, StandardItems: r.StandardItems, ReminderDays: days,
		ReminderTime: r.ReminderTime, CreatedAt: r.CreatedAt.Time,
		CalendarToken: r.CalendarToken.String,
	}
}

func getCommittee(ctx context.Context, q sqlx.QueryerContext, where string, args ...any) (commands.Committee, error) {
	var row committeeRow
	err := sqlx.GetContext(ctx, q, &row, `SELECT `+committeeColumns+` FROM committees WHERE `+where, args...)
	if err != nil {
		return commands.Committee{}, err
	}
	return row.committee(), nil
}

// CreateCommittee implements commands.CommitteeStore.
func (db *DB) CreateCommittee(ctx context.Context, c commands.Committee, officer commands.Member) (commands.Committee, error) {
	var out commands.Committee
	err := db.inTx(ctx, "create committee", func(tx *Tx) error {
		days := pq.Array(c.ReminderDays)
		if c.ReminderDays == nil {
			days = pq.Array([]int{})
		}
		c.Name = commands.NormalizeName(c.Name)
		// Setups wait for each other here, so that two look-alike names
		// cannot both pass the check below; setting up is rare.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('quorum: committee names'))`); err != nil {
			return err
		}
		if c.ChannelID != "" {
			// The index keeps one committee to a channel of one
			// workspace; a channel shared with another has the same ID
			// there, and setups waiting on the lock above cannot both
			// take it.
			var other string
			err := tx.GetContext(ctx, &other, `SELECT name FROM committees WHERE channel_id = $1 AND team_id IS DISTINCT FROM $2 LIMIT 1`, c.ChannelID, nullString(c.TeamID))
			if err == nil {
				return &commands.ChannelTaken{Name: other}
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		// Claim a committee of that name made by an import, if it has no channel yet.
		existing, err := getCommittee(ctx, tx, `lower(name) = lower($1) FOR UPDATE`, c.Name)
		switch {
		case err == nil && existing.ChannelID != "":
			return commands.ErrConflict
		case err == nil:
			// An import without --committee names the committee as its
			// document is headed, often in capitals; the name the officer
			// types at setup is how the committee writes it.
			name := existing.Name
			if name == strings.ToUpper(name) && c.Name != strings.ToUpper(c.Name) {
				name = c.Name
			}
			_, err = tx.ExecContext(ctx, `UPDATE committees SET team_id = $2, channel_id = $3, name = $4 WHERE id = $1`, existing.ID, c.TeamID, c.ChannelID, name)
			if err != nil {
				return err
			}
			c.ID = existing.ID
		case errors.Is(err, sql.ErrNoRows):
			if err := refuseLookAlike(ctx, tx, c.Name); err != nil {
				return err
			}
			err = tx.GetContext(ctx, &c.ID, `
				INSERT INTO committees (name, team_id, channel_id, time_zone, standard_items, reminder_days, reminder_time, created_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
				c.Name, nullString(c.TeamID), nullString(c.ChannelID), orDefault(c.TimeZone, commands.DefaultTimeZone),
				c.StandardItems, days, orDefault(c.ReminderTime, "09:00"), officer.UserID)
			if err != nil {
				return err
			}
		default:
			return err
		}
		if officer.UserID != "" {
			officer.CommitteeID, officer.Role = c.ID, commands.RoleOfficer
			if _, err := putMember(ctx, tx, officer, officer.UserID); err != nil {
				return err
			}
		}
		if err := auditAt(ctx, tx, c.ID, officer.UserID, "committee.setup", c.Name, map[string]any{"team": c.TeamID, "channel": c.ChannelID}, officer.At); err != nil {
			return err
		}
		out, err = getCommittee(ctx, tx, `id = $1`, c.ID)
		return err
	})
	return out, err
}

// CommitteeByChannel implements commands.CommitteeStore.
func (db *DB) CommitteeByChannel(ctx context.Context, teamID, channelID string) (commands.Committee, error) {
	c, err := getCommittee(ctx, db.x, `team_id = $1 AND channel_id = $2`, teamID, channelID)
	return c, mapErr("committee by channel", err)
}

// originSelect reads a committee by its channel ($1, $2), the sender's
// membership ($3) and a meeting of the committee: the one with ID $5 or,
// when $5 is 0, the next scheduled after $4. It is the whole of Origin's
// query; sendApologyFromSQL's first step, and sendApologiesFromSQL reads
// the same for each apology it sends.
var originSelect = `SELECT ` + originColumns + originFrom

// originFrom is originSelect after its columns: originJoins and
// originWhere.
var originFrom = originJoins + originWhere

// originJoins are the committee c, the member m and the meeting n of
// originSelect.
var originJoins = `
	FROM committees c
	LEFT JOIN members m ON m.committee_id = c.id AND m.user_id = $3 AND m.removed_at IS NULL` + meetingJoin("$5", "$4")

// meetingJoin is the meeting n of the committee c: the one with the ID in
// the SQL expression id or, when it is 0, the next scheduled after the
// time in the expression after and not opened (see notOpened).
func meetingJoin(id, after string) string {
	return `
	LEFT JOIN LATERAL (
		(SELECT id, starts_at, venue, status, time_known, revision FROM meetings
		 WHERE id = ` + id + ` AND committee_id = c.id)
		UNION ALL
		(SELECT id, starts_at, venue, status, time_known, revision FROM meetings
		 WHERE CAST(` + id + ` AS bigint) = 0 AND committee_id = c.id AND starts_at > ` + after + ` AND status = 'scheduled'
		   AND ` + notOpened("meetings.id") + `
		 ORDER BY starts_at LIMIT 1)
	) n ON true`
}

// requestArrays are the parameters, one array element a request, that a
// statement for many requests reads each one's origin (requestsOrigin)
// and replay key from: team, channel, sender, when it was sent (as text:
// lib/pq has no array of times), and the key with its nonce.
type requestArrays struct {
	teams, channels, users, ats pq.StringArray
	keys                        pq.ByteaArray
	nonces                      pq.Int64Array
}

func newRequestArrays(n int) requestArrays {
	return requestArrays{
		teams: make(pq.StringArray, n), channels: make(pq.StringArray, n), users: make(pq.StringArray, n),
		ats: make(pq.StringArray, n), keys: make(pq.ByteaArray, n), nonces: make(pq.Int64Array, n),
	}
}

// set is request i's.
func (a requestArrays) set(i int, team, channel, user string, at time.Time, key []byte, nonce int64) {
	a.teams[i], a.channels[i], a.users[i] = team, channel, user
	a.ats[i], a.keys[i], a.nonces[i] = at.UTC().Format(time.RFC3339Nano), key, nonce
}

// requestsOrigin is the FROM of a statement for many requests, the rows
// of the relation q (team_id, channel_id, user_id): each request's
// committee c, by its channel (none for a channel that is no
// committee's), and the sender's membership m, read by LATERAL, one index
// probe a request (joined on the committee with the user as a filter, a
// batch walked every member: TestApologyBatchReadsEachSenderOnly).
func requestsOrigin(q string) string {
	return `
	FROM ` + q + ` JOIN committees c ON c.team_id = ` + q + `.team_id AND c.channel_id = ` + q + `.channel_id
	LEFT JOIN LATERAL (
		SELECT user_id, name, organisation, role, added_at FROM members
		WHERE committee_id = c.id AND user_id = ` + q + `.user_id AND removed_at IS NULL
		LIMIT 1
	) m ON true`
}

const originWhere = `
	WHERE c.team_id = $1 AND c.channel_id = $2`

// originColumns are what originSelect reads of the committee c, the member
// m and the meeting n.
const originColumns = `c.id, c.name, c.team_id, c.channel_id, c.time_zone, c.standard_items, c.reminder_days,
		to_char(c.reminder_time, 'HH24:MI') AS reminder_time, c.created_at, c.calendar_token,
		m.user_id AS m_user_id, m.name AS m_name, m.organisation AS m_organisation, m.role AS m_role, m.added_at AS m_added_at,
		n.id AS n_id, n.starts_at AS n_starts_at, n.venue AS n_venue, n.status AS n_status,
		n.time_known AS n_time_known, n.revision AS n_revision`

// originRow is a row of originSelect.
type originRow struct {
	committeeRow
	MemberUserID       sql.NullString `db:"m_user_id"`
	MemberName         sql.NullString `db:"m_name"`
	MemberOrganisation sql.NullString `db:"m_organisation"`
	MemberRole         sql.NullString `db:"m_role"`
	MemberAddedAt      sql.NullTime   `db:"m_added_at"`
	NextID             sql.NullInt64  `db:"n_id"`
	NextStartsAt       sql.NullTime   `db:"n_starts_at"`
	NextVenue          sql.NullString `db:"n_venue"`
	NextStatus         sql.NullString `db:"n_status"`
	NextTimeKnown      sql.NullBool   `db:"n_time_known"`
	NextRevision       sql.NullInt64  `db:"n_revision"`
}

func (row originRow) origin() commands.Origin {
	o := commands.Origin{Committee: row.committee()}
	if row.MemberUserID.Valid {
		m := memberRow{CommitteeID: o.Committee.ID, UserID: row.MemberUserID.String, Name: row.MemberName.String,
			Organisation: row.MemberOrganisation.String, Role: row.MemberRole.String, AddedAt: row.MemberAddedAt}.member()
		o.Member = &m
	}
	o.Next = briefMeeting(o.Committee.ID, row.NextID, row.NextStartsAt, row.NextVenue, row.NextStatus, row.NextTimeKnown, row.NextRevision)
	return o
}

// briefMeeting is the meeting of the committee read in the columns
// given, without its count of apologies (as meetingBriefColumns); nil
// when there is none.
func briefMeeting(committeeID int64, id sql.NullInt64, startsAt sql.NullTime, venue, status sql.NullString, timeKnown sql.NullBool, revision sql.NullInt64) *commands.Meeting {
	if !id.Valid {
		return nil
	}
	return &commands.Meeting{ID: id.Int64, CommitteeID: committeeID, StartsAt: startsAt.Time,
		Venue: venue.String, Status: commands.MeetingStatus(status.String), Apologies: -1,
		TimeUnknown: timeKnown.Valid && !timeKnown.Bool, Revision: int(revision.Int64)}
}

// tableJoins are, for originJoins, the committee's meeting in progress r:
// the latest opened and not closed, when the SQL expression wanted is
// true; and the agenda items t standing on it or, when there is none, on
// the next meeting n, as agendaItems reads them, a column's array each.
// It reads the committee's own meetings, as RunningMeetings does: joined
// to the openings, a plan could start from every meeting any committee
// ever opened (TestOriginTableReadsTheCommitteesOwnMeetings). The items
// come as arrays rather than as JSON objects, which took serve a tenth of
// its CPU to decode under /declare.
func tableJoins(wanted string) string {
	return runningJoin("r", wanted) + `
	LEFT JOIN LATERAL (
		SELECT array_agg(i.id ORDER BY i.position, i.number) AS ids,
			array_agg(i.number ORDER BY i.position, i.number) AS numbers,
			array_agg(i.title ORDER BY i.position, i.number) AS titles,
			array_agg(i.presenter ORDER BY i.position, i.number) AS presenters,
			array_agg(i.organisation ORDER BY i.position, i.number) AS organisations,
			array_agg(i.description ORDER BY i.position, i.number) AS descriptions,
			array_agg(CAST(array_to_json(i.refs) AS text) ORDER BY i.position, i.number) AS refs,
			array_agg(i.standard ORDER BY i.position, i.number) AS standard,
			array_agg(i.urgency ORDER BY i.position, i.number) AS urgencies
		FROM agenda_items i WHERE ` + wanted + ` AND i.meeting_id = COALESCE(r.id, n.id) AND i.removed_at IS NULL
	) t ON true`
}

// runningJoin is the committee c's meeting in progress, named as, when
// the SQL expression wanted is true: the latest opened and not closed (see
// tableJoins).
func runningJoin(as, wanted string) string {
	return `
	LEFT JOIN LATERAL (
		SELECT r.id, r.starts_at, r.venue, r.status, r.time_known, r.revision FROM meetings r
		WHERE ` + wanted + ` AND r.committee_id = c.id
		  AND EXISTS (SELECT 1 FROM meeting_sessions o WHERE o.meeting_id = r.id AND o.action = 'opened')
		  AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = r.id AND s.action = 'closed')
		ORDER BY r.starts_at DESC LIMIT 1
	) ` + as + ` ON true`
}

// tableColumns read the meeting r and the items t of tableJoins, and,
// when the SQL expression wanted is true, whether today's meeting waits
// to be opened at the time at (waiting; commands.Table.Waits).
func tableColumns(wanted, at string) string {
	return `,
		` + wanted + ` AND EXISTS (` + waiting("c.id", "c.time_zone", at) + `) AS r_waits,
		r.id AS r_id, r.starts_at AS r_starts_at, r.venue AS r_venue, r.status AS r_status,
		r.time_known AS r_time_known, r.revision AS r_revision, COALESCE(r.id, n.id) AS t_items_of,
		t.ids AS t_ids, t.numbers AS t_numbers, t.titles AS t_titles, t.presenters AS t_presenters,
		t.organisations AS t_organisations, t.descriptions AS t_descriptions, t.refs AS t_refs, t.standard AS t_standard,
		t.urgencies AS t_urgencies`
}

// originTableSQL is originSelect with the table (tableJoins and
// tableColumns).
var originTableSQL = `SELECT ` + originColumns + tableColumns("true", "CAST($4 AS timestamptz)") + originJoins + tableJoins("true") + originWhere

// tableRow is what tableColumns read.
type tableRow struct {
	runningRow
	ItemsOf       sql.NullInt64  `db:"t_items_of"`
	IDs           pq.Int64Array  `db:"t_ids"`
	Numbers       pq.StringArray `db:"t_numbers"`
	Titles        pq.StringArray `db:"t_titles"`
	Presenters    pq.StringArray `db:"t_presenters"`
	Organisations pq.StringArray `db:"t_organisations"`
	Descriptions  pq.StringArray `db:"t_descriptions"`
	Refs          pq.StringArray `db:"t_refs"` // each item's, as a JSON array
	Standard      pq.BoolArray   `db:"t_standard"`
	Urgencies     pq.StringArray `db:"t_urgencies"`
}

func (t tableRow) table(committeeID int64) (*commands.Table, error) {
	out := &commands.Table{ItemsOf: t.ItemsOf.Int64,
		Running: t.running(committeeID), Waits: t.Waits}
	n := len(t.IDs)
	if n == 0 {
		return out, nil
	}
	for _, l := range []int{len(t.Numbers), len(t.Titles), len(t.Presenters), len(t.Organisations), len(t.Descriptions), len(t.Refs), len(t.Standard), len(t.Urgencies)} {
		if l != n {
			return nil, fmt.Errorf("agenda items: %d IDs and a column of %d", n, l)
		}
	}
	out.Items = make([]commands.AgendaItem, n)
	for i := range n {
		refs := []string{}
		if t.Refs[i] != "[]" {
			if err := json.Unmarshal([]byte(t.Refs[i]), &refs); err != nil {
				return nil, fmt.Errorf("agenda items: references: %w", err)
			}
		}
		out.Items[i] = commands.AgendaItem{ID: t.IDs[i], MeetingID: out.ItemsOf, Number: t.Numbers[i], Title: t.Titles[i],
			Presenter: t.Presenters[i], Organisation: t.Organisations[i], Description: t.Descriptions[i], References: refs, Standard: t.Standard[i], Urgency: t.Urgencies[i]}
	}
	commands.SortItems(out.Items)
	return out, nil
}

// Origin implements commands.CommitteeStore.
func (db *DB) Origin(ctx context.Context, teamID, channelID, userID string, after time.Time) (commands.Origin, error) {
	var row originRow
	if err := db.x.GetContext(ctx, &row, originSelect, teamID, channelID, userID, after, 0); err != nil {
		return commands.Origin{}, mapErr("committee and member", err)
	}
	return row.origin(), nil
}

// OriginFirstSeen implements commands.CommitteeStore: the replay check
// that every command but an apology makes first, and the read of its
// origin (with the table, if asked for) that it makes next, in one round
// trip, shared with the other calls checked at the same moment (see
// originBatcher). The key is recorded as FirstSeen records it, nonce and
// all, and the statement may be sent again as FirstSeen's may.
func (db *DB) OriginFirstSeen(ctx context.Context, teamID, channelID, userID string, after time.Time, replay string, table bool) (commands.Origin, error) {
	switch {
	case replay == "" && !table:
		return db.Origin(ctx, teamID, channelID, userID, after)
	case replay == "":
		var row struct {
			originRow
			tableRow
		}
		if err := db.x.GetContext(ctx, &row, originTableSQL, teamID, channelID, userID, after, 0); err != nil {
			return commands.Origin{}, mapErr("committee and member", err)
		}
		return row.originRow.originTable(row.tableRow, table)
	}
	db.pruneSeenLater()
	key, nonce := replayKey(replay)
	found, err := db.origins.do(ctx, originCall{team: teamID, channel: channelID, user: userID, after: after, key: key, nonce: nonce, table: table})
	switch {
	case err != nil:
		return commands.Origin{}, mapErr("committee and member", err)
	case !found.committee:
		// No committee here, so no row to say whether the key was new:
		// ask again with the same nonce, which finds the key as the
		// statement left it.
		first, err := db.seen.do(ctx, seenCall{key: [sha256.Size]byte(key), nonce: nonce})
		switch {
		case err != nil:
			return commands.Origin{}, mapErr("first seen", err)
		case !first:
			return commands.Origin{}, commands.ErrReplay
		}
		return commands.Origin{}, mapErr("committee and member", sql.ErrNoRows)
	case !found.First:
		return commands.Origin{}, commands.ErrReplay
	}
	return found.originRow.originTable(found.tableRow, table)
}

// originTable is the origin of row and, when it was read, the table.
func (row originRow) originTable(t tableRow, table bool) (commands.Origin, error) {
	o := row.origin()
	if table {
		var err error
		if o.Table, err = t.table(o.Committee.ID); err != nil {
			return commands.Origin{}, mapErr("committee and member", err)
		}
	}
	return o, nil
}

// refuseLookAlike returns a *commands.LookAlike when an existing
// committee's name reads the same as name (see commands.NameSkeleton).
// Names stored before they were normalised are compared normalised.
func refuseLookAlike(ctx context.Context, q sqlx.QueryerContext, name string) error {
	var names []string
	if err := sqlx.SelectContext(ctx, q, &names, `SELECT name FROM committees`); err != nil {
		return err
	}
	want := commands.NameSkeleton(name)
	for _, other := range names {
		if commands.NameSkeleton(other) == want {
			return &commands.LookAlike{Name: other}
		}
	}
	return nil
}

// CommitteeNames are the names of all the committees, in alphabetical
// order, for a command line that did not find the one it was given to say
// which there are.
func (db *DB) CommitteeNames(ctx context.Context) ([]string, error) {
	var names []string
	err := sqlx.SelectContext(ctx, db.x, &names, `SELECT name FROM committees ORDER BY lower(name)`)
	return names, mapErr("committee names", err)
}

// Workspaces are the Slack workspaces (team IDs) the committees are in,
// in order, for serve to check its bot token is for one of them.
func (db *DB) Workspaces(ctx context.Context) ([]string, error) {
	var teams []string
	err := sqlx.SelectContext(ctx, db.x, &teams, `SELECT DISTINCT team_id FROM committees WHERE team_id IS NOT NULL AND team_id <> '' ORDER BY team_id`)
	return teams, mapErr("workspaces", err)
}

// CommitteeByName implements commands.CommitteeStore.
func (db *DB) CommitteeByName(ctx context.Context, name string) (commands.Committee, error) {
	name = commands.NormalizeName(name)
	c, err := getCommittee(ctx, db.x, `lower(name) = lower($1)`, name)
	return c, mapErr("committee by name", err)
}

// EnsureCommittee returns the committee called name, creating it without a
// channel if there is none, as imports do, unless another committee's
// name reads the same (*commands.LookAlike) or is near it
// (*commands.NearName): an import for "Safer Sefton" beside "Safer Sefton
// Together" would otherwise split the committee's records in two.
func (db *DB) EnsureCommittee(ctx context.Context, name, by string) (commands.Committee, error) {
	var out commands.Committee
	name = commands.NormalizeName(name)
	err := db.inTx(ctx, "ensure committee", func(tx *Tx) error {
		var err error
		if out, err = getCommittee(ctx, tx, `lower(name) = lower($1)`, name); !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		// As setups do (CreateCommittee), so that two near names cannot
		// both pass the check below.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('quorum: committee names'))`); err != nil {
			return err
		}
		if err := refuseLookAlike(ctx, tx, name); err != nil {
			return err
		}
		var names []string
		if err := sqlx.SelectContext(ctx, tx, &names, `SELECT name FROM committees ORDER BY lower(name)`); err != nil {
			return err
		}
		if near := commands.NearNames(name, names); len(near) > 0 {
			return &commands.NearName{Name: name, Names: near}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO committees (name, created_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`, name, by); err != nil {
			return err
		}
		out, err = getCommittee(ctx, tx, `lower(name) = lower($1)`, name)
		return err
	})
	return out, err
}

type memberRow struct {
	CommitteeID  int64        `db:"committee_id"`
	UserID       string       `db:"user_id"`
	Name         string       `db:"name"`
	Organisation string       `db:"organisation"`
	Role         string       `db:"role"`
	AddedAt      sql.NullTime `db:"added_at"`
}

func (r memberRow) member() commands.Member {
	return commands.Member{CommitteeID: r.CommitteeID, UserID: r.UserID, Name: r.Name, Organisation: r.Organisation, Role: commands.Role(r.Role), AddedAt: r.AddedAt.Time}
}

const memberColumns = `committee_id, user_id, name, organisation, role, added_at`

// Members implements commands.CommitteeStore.
func (db *DB) Members(ctx context.Context, committeeID int64) ([]commands.Member, error) {
	return db.members(ctx, "members", committeeID, false)
}

// Officers implements commands.CommitteeStore.
func (db *DB) Officers(ctx context.Context, committeeID int64) ([]commands.Member, error) {
	return db.members(ctx, "officers", committeeID, true)
}

// roleRank is a role's place in a list of members, as members orders
// them: the chair, the vice-chair, officers, then everyone else.
func roleRank(role string) int {
	switch role {
	case "chair":
		return 0
	case "vice-chair":
		return 1
	case "officer":
		return 2
	}
	return 3
}

func (db *DB) members(ctx context.Context, op string, committeeID int64, officersOnly bool) ([]commands.Member, error) {
	var rows []memberRow
	err := db.x.SelectContext(ctx, &rows, `SELECT `+memberColumns+` FROM members
		WHERE committee_id = $1 AND removed_at IS NULL AND (NOT $2 OR role = 'officer')
		ORDER BY user_id`, committeeID, officersOnly)
	if err != nil {
		return nil, mapErr(op, err)
	}
	sortMembers(rows)
	out := make([]commands.Member, len(rows))
	for i, r := range rows {
		out[i] = r.member()
	}
	return out, nil
}

// FormerMembers implements commands.CommitteeStore. Marks and removals
// are both stamped by the database's clock, so they compare.
func (db *DB) FormerMembers(ctx context.Context, committeeID, meetingID int64) ([]commands.Member, error) {
	return db.selectMembers(ctx, "former members", `SELECT `+memberColumns+` FROM members m
		WHERE committee_id = $1 AND removed_at IS NOT NULL
		  AND EXISTS (SELECT 1 FROM attendance_marks a
		              WHERE a.meeting_id = $2 AND (a.member_key = m.user_id OR a.substitute_for = m.user_id)
		                AND a.entered_at < m.removed_at)
		ORDER BY lower(name), user_id`, committeeID, meetingID)
}

// membersAtSQL reads, for each of the meetings $2 of committee $1
// closed, the members (not officers) whose last entry in the audit log
// before the close was not their removal, both by the database's clock,
// as ChairsAt compares them.
const membersAtSQL = `WITH closed AS (
			SELECT meeting_id, max(COALESCE(recorded_at, at)) AS t FROM meeting_sessions
			WHERE meeting_id = ANY($2) AND action = 'closed' GROUP BY meeting_id
		), latest AS (
			SELECT DISTINCT ON (closed.meeting_id, l.subject) closed.meeting_id, l.subject, l.action, l.detail->>'role' AS role
			FROM closed JOIN audit_log l ON l.committee_id = $1 AND COALESCE(l.recorded_at, l.at) <= closed.t
			WHERE l.action IN ('member.add', 'member.change', 'member.remove')
			ORDER BY closed.meeting_id, l.subject, COALESCE(l.recorded_at, l.at) DESC, l.id DESC
		)
		SELECT latest.meeting_id, m.committee_id, m.user_id, m.name, m.organisation, COALESCE(NULLIF(latest.role, ''), m.role) AS role, m.added_at
		FROM latest JOIN members m ON m.committee_id = $1 AND m.user_id = latest.subject
		WHERE latest.action <> 'member.remove' AND COALESCE(NULLIF(latest.role, ''), m.role) <> 'officer'
		ORDER BY latest.meeting_id, lower(m.name), m.user_id`

// MembersAt implements commands.CommitteeStore. A member's role at a
// close is that of their last entry in the audit log before it, as in
// ChairsAt; one whose last entry is their removal was not a member then.
func (db *DB) MembersAt(ctx context.Context, committeeID int64, meetingIDs []int64) (map[int64][]commands.Member, error) {
	var rows []struct {
		MeetingID int64 `db:"meeting_id"`
		memberRow
	}
	err := db.x.SelectContext(ctx, &rows, membersAtSQL, committeeID, pq.Array(meetingIDs))
	if err != nil {
		return nil, mapErr("members at", err)
	}
	out := map[int64][]commands.Member{}
	for _, r := range rows {
		out[r.MeetingID] = append(out[r.MeetingID], r.memberRow.member())
	}
	return out, nil
}

// ChairsAt implements commands.CommitteeStore. Every change to a member
// (added, changed, removed) is in the audit log, the role it left them in
// with it; a member's role at the close is that of their last entry
// before it. The two are compared by the database's clock, which stamps
// both as written (recorded_at; their at is the request's); a close
// recorded before migration 00028 has only the request's time, which is
// near enough, and a change before 00057 only the database's. Where
// several held the chair at once (before migration 00014 allowed only
// one), the one made chair last.
func (db *DB) ChairsAt(ctx context.Context, committeeID, meetingID int64) (string, string, error) {
	var row struct {
		Chair string `db:"chair"`
		Vice  string `db:"vice"`
	}
	err := db.x.GetContext(ctx, &row, `WITH closed AS (
			SELECT COALESCE(recorded_at, at) AS t FROM meeting_sessions WHERE meeting_id = $2 AND action = 'closed'
		), latest AS (
			SELECT DISTINCT ON (l.subject) l.subject, l.action, l.detail->>'role' AS role, COALESCE(l.recorded_at, l.at) AS at
			FROM audit_log l JOIN closed ON COALESCE(l.recorded_at, l.at) <= closed.t
			WHERE l.committee_id = $1 AND l.action IN ('member.add', 'member.change', 'member.remove')
			ORDER BY l.subject, COALESCE(l.recorded_at, l.at) DESC, l.id DESC
		)
		SELECT COALESCE((SELECT subject FROM latest WHERE action <> 'member.remove' AND role = 'chair' ORDER BY at DESC, subject LIMIT 1), '') AS chair,
		       COALESCE((SELECT subject FROM latest WHERE action <> 'member.remove' AND role = 'vice-chair' ORDER BY at DESC, subject LIMIT 1), '') AS vice`,
		committeeID, meetingID)
	if err != nil {
		return "", "", mapErr("chairs at", err)
	}
	return row.Chair, row.Vice, nil
}

// Member implements commands.CommitteeStore.
func (db *DB) Member(ctx context.Context, committeeID int64, userID string) (commands.Member, error) {
	var row memberRow
	err := db.x.GetContext(ctx, &row, `SELECT `+memberColumns+` FROM members
		WHERE committee_id = $1 AND user_id = $2 AND removed_at IS NULL`, committeeID, userID)
	if err != nil {
		return commands.Member{}, mapErr("member", err)
	}
	return row.member(), nil
}

// WasMember implements commands.CommitteeStore.
func (db *DB) WasMember(ctx context.Context, committeeID int64, userID string) (bool, error) {
	_, err := db.FormerMember(ctx, committeeID, userID)
	if errors.Is(err, commands.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// FormerMember implements commands.CommitteeStore.
func (db *DB) FormerMember(ctx context.Context, committeeID int64, userID string) (commands.Member, error) {
	var row memberRow
	err := db.x.GetContext(ctx, &row, `SELECT `+memberColumns+` FROM members
		WHERE committee_id = $1 AND user_id = $2 AND removed_at IS NOT NULL`, committeeID, userID)
	if err != nil {
		return commands.Member{}, mapErr("former member", err)
	}
	return row.member(), nil
}

// RemovedMembers implements commands.Store.
func (db *DB) RemovedMembers(ctx context.Context, committeeID int64) ([]commands.Member, error) {
	return db.selectMembers(ctx, "removed members", `SELECT `+memberColumns+` FROM members
		WHERE committee_id = $1 AND removed_at IS NOT NULL ORDER BY lower(name), user_id`, committeeID)
}

// selectMembers runs query, which selects memberColumns, for the members
// it reads, in its order.
func (db *DB) selectMembers(ctx context.Context, op, query string, args ...any) ([]commands.Member, error) {
	var rows []memberRow
	if err := db.x.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, mapErr(op, err)
	}
	out := make([]commands.Member, len(rows))
	for i, r := range rows {
		out[i] = r.member()
	}
	return out, nil
}

// PutMember implements commands.CommitteeStore.
func (db *DB) PutMember(ctx context.Context, m commands.Member, by string) (bool, error) {
	return db.putMemberReplacing(ctx, "put member", m, "", by, nil, nil)
}

// HandOver implements commands.CommitteeStore.
func (db *DB) HandOver(ctx context.Context, m commands.Member, from, by string) (bool, error) {
	return db.putMemberReplacing(ctx, "hand over", m, from, by, nil, nil)
}

// GiveRole implements commands.CommitteeStore.
func (db *DB) GiveRole(ctx context.Context, m commands.Member, from, by string, notice, fromNotice *commands.OutboxMessage) (bool, error) {
	return db.putMemberReplacing(ctx, "give role", m, from, by, notice, fromNotice)
}

// putMemberReplacing puts m; when m becomes chair or vice-chair and from
// holds that role, from becomes a member in the same transaction. Anyone
// else holding it is a *commands.RoleTaken. The notice, when there is
// one, is queued with the change when it gives m a role they did not
// hold: read in the transaction, so that two changes at once, or one
// confirmed twice, tell them once. fromNotice is queued likewise when
// from is made a member.
func (db *DB) putMemberReplacing(ctx context.Context, op string, m commands.Member, from, by string, notice, fromNotice *commands.OutboxMessage) (bool, error) {
	var created bool
	err := db.inTx(ctx, op, func(tx *Tx) error {
		// Serialise changes to a committee's membership, so that the
		// last-officer rule holds under concurrent changes. FOR NO KEY
		// UPDATE, not FOR UPDATE: every write in the committee names it
		// (its audit entry, its Homes' marks in the outbox), and takes its
		// row FOR KEY SHARE to do so, after it has written what this
		// change then waits for (a mark of the same Home, a member's
		// apology it withdraws); under FOR UPDATE the two would wait for
		// each other until one was given up as deadlocked.
		if _, err := tx.ExecContext(ctx, `SELECT id FROM committees WHERE id = $1 FOR NO KEY UPDATE`, m.CommitteeID); err != nil {
			return err
		}
		if err := lockNamedRecords(ctx, tx, m.CommitteeID, m.At); err != nil {
			return err
		}
		var current memberRow
		err := tx.GetContext(ctx, &current, `SELECT `+memberColumns+` FROM members WHERE committee_id = $1 AND user_id = $2 AND removed_at IS NULL`, m.CommitteeID, m.UserID)
		joining := errors.Is(err, sql.ErrNoRows)
		if err == nil && current.Role == string(commands.RoleOfficer) && m.Role != commands.RoleOfficer {
			if err := ensureAnotherOfficer(ctx, tx, m.CommitteeID, m.UserID); err != nil {
				return err
			}
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if m.Role == commands.RoleChair || m.Role == commands.RoleViceChair {
			replaced, err := replaceHolder(ctx, tx, m, from, by)
			if err != nil {
				return err
			}
			if replaced && fromNotice != nil {
				if err := enqueue(ctx, tx, *fromNotice); err != nil {
					return err
				}
			}
		}
		created, err = putMember(ctx, tx, m, by)
		if err != nil {
			return err
		}
		if notice != nil && (joining || current.Role != string(m.Role)) {
			if err := enqueue(ctx, tx, *notice); err != nil {
				return err
			}
		}
		if joining {
			if err := ownedActionsStale(ctx, tx, m.CommitteeID, m.UserID, m.At); err != nil {
				return err
			}
			if err := namedSubstituteStale(ctx, tx, m.CommitteeID, m.UserID, m.At); err != nil {
				return err
			}
		}
		if err := claimNamedRecords(ctx, tx, m, by); err != nil {
			return err
		}
		if m.Voting == nil {
			return nil
		}
		_, err = setVoting(ctx, tx, m.CommitteeID, m.UserID, *m.Voting, by, m.At)
		return err
	})
	return created, err
}

// lockNamedRecords locks, before anything else is written, the records
// that claimNamedRecords may make the member's: those entered by name for
// the committee's meetings still to come (and apologies naming a
// substitute by name), and its outstanding actions given by name. A
// change to one of them (an officer changing an apology entered by name)
// writes the record, then marks what shows it (the officers' Homes, the
// posted agenda); adding a member marks those first (putMember), and
// would then wait for the record while the change waited for the marks,
// until one was given up as deadlocked and not saved.
func lockNamedRecords(ctx context.Context, tx *Tx, committeeID int64, at time.Time) error {
	for _, lock := range []string{
		`SELECT 1 FROM apologies a WHERE a.meeting_id IN (SELECT id FROM ahead)
		   AND (COALESCE(a.user_id, '') = '' OR a.substitute_id IS NULL AND a.substitute_name <> '') FOR UPDATE OF a`,
		`SELECT 1 FROM declarations d WHERE d.meeting_id IN (SELECT id FROM ahead) AND COALESCE(d.user_id, '') = '' FOR UPDATE OF d`,
		`SELECT 1 FROM report_current c WHERE c.meeting_id IN (SELECT id FROM ahead) AND COALESCE(c.user_id, '') = '' FOR UPDATE OF c`,
	} {
		if _, err := tx.ExecContext(ctx, `WITH `+claimAhead("$2")+` `+lock, committeeID, nullTime(at)); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM actions WHERE committee_id = $1 AND status = 'open' AND owner_user = '' FOR UPDATE`, committeeID)
	return err
}

// claimNamedRecords makes m's the apologies and declarations an officer
// entered by their name, before they were a member ("Jen Williams (NW
// Probation)", typed for someone not yet in Slack), for the committee's
// meetings still to come: a member's records are keyed by their Slack
// user (onBehalf), and one kept by name beside them would count them
// twice, and leave them expected, and reminded, with apologies sent. The
// name is matched as a name in quotes is matched to a member
// (namesMember): their name alone, or a Slack name with brackets of its
// own as typed with the organisation. A record they have already made
// themselves for the meeting (as a member before, removed since) keeps
// the one by name beside it rather than be overwritten; an apology of
// theirs that removing them withdrew gives way to the one by name
// (claimNamedOverWithdrawn), and a declaration of theirs withdrawn so
// stands withdrawn before the same one by name, which becomes theirs;
// of a report link of theirs and one by name for the same item, the
// later stands, as theirs.
// Meetings held or
// under way keep theirs as they were recorded; the records' histories
// stay with them, entered by the officer. The report links entered by
// their name for those meetings become theirs in the same way, the link
// standing (report_current) and its log (report_links) alike: the link
// they send themselves is keyed by their Slack user, and would otherwise
// stand beside the one entered for them rather than replace it, and
// their Home would say they owe it. The outstanding actions given to
// them by name (actionOwner's match: the name, with or without its
// organisation in brackets) become theirs too, so that they are reminded
// of them and may mark them done; each action's log says it was
// reassigned to them, by the officer who added them. So do the
// apologies of those meetings that name them as substitute
// (claimSubstitute).
func claimNamedRecords(ctx context.Context, q sqlx.ExtContext, m commands.Member, by string) error {
	var owned bool
	err := sqlx.GetContext(ctx, q, &owned, `
		WITH up AS (
			UPDATE actions a SET owner_user = $2, owner_name = $3
			WHERE a.committee_id = $1 AND a.status = 'open' AND a.owner_user = ''
			  AND (lower(regexp_replace(btrim(a.owner_name), '\s+', ' ', 'g')) = lower($4)
			       OR lower(regexp_replace(btrim(regexp_replace(a.owner_name, '\([^(]*\)\s*$', '')), '\s+', ' ', 'g')) = lower($4))
			RETURNING a.id, a.owner_user, a.owner_name, a.due_on
		), l AS (
			INSERT INTO action_log (action_id, kind, owner_user, owner_name, due_on, by_user, at)
			SELECT id, 'reassigned', owner_user, owner_name, due_on, $5, COALESCE(CAST($6 AS timestamptz), now()) FROM up
		)
		SELECT EXISTS (SELECT 1 FROM up)`, m.CommitteeID, m.UserID, m.Name, spacedName(m.Name), by, nullTime(m.At))
	if err != nil {
		return err
	}
	if owned {
		// The posted agenda lists the actions outstanding.
		if err := actionsStaleAt(ctx, q, m.CommitteeID, m.UserID, m.At); err != nil {
			return err
		}
	}
	// A link of their own standing for an item beside the one entered by
	// their name (theirs from before they were removed, and added back)
	// is one link too many: the latest of the two stands, as their own
	// next link would replace it, and the log of the one entered by name
	// becomes theirs. Once a member, they are named as the member, so
	// the one by name could not be removed.
	_, err = q.ExecContext(ctx, `
		WITH `+claimAhead("$4")+`, two AS (
			SELECT n.meeting_id, n.filed_on,
				(SELECT max(l.id) FROM report_links l WHERE l.meeting_id = n.meeting_id AND l.member_key = $3
				   AND `+filedOn("l.item_id", "l.item_number")+` = n.filed_on) >
				(SELECT max(l.id) FROM report_links l WHERE l.meeting_id = n.meeting_id AND l.member_key = $2
				   AND `+filedOn("l.item_id", "l.item_number")+` = n.filed_on) AS named_later
			FROM report_current n
			JOIN report_current o ON o.meeting_id = n.meeting_id AND o.filed_on = n.filed_on AND o.member_key = $2
			WHERE n.meeting_id IN (SELECT id FROM ahead) AND n.member_key = $3
		), gone AS (
			DELETE FROM report_current c USING two
			WHERE c.meeting_id = two.meeting_id AND c.filed_on = two.filed_on
			  AND c.member_key = CASE WHEN two.named_later THEN $2 ELSE $3 END
		), logged AS (
			UPDATE report_links l SET member_key = $2, user_id = $2
			FROM two
			WHERE l.meeting_id = two.meeting_id AND l.member_key = $3 AND NOT two.named_later
			  AND `+filedOn("l.item_id", "l.item_number")+` = two.filed_on
		)
		SELECT mark_stale($1, meeting_id, ARRAY[CAST($2 AS text)]) FROM two`,
		m.CommitteeID, m.UserID, memberKey("", m.Name), nullTime(m.At))
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `
		WITH `+claimAhead("$5")+`, aps AS (
			UPDATE apologies a SET member_key = $2, user_id = $2
			WHERE a.meeting_id IN (SELECT id FROM ahead) AND COALESCE(a.user_id, '') = ''
			  AND (a.member_key = $3 OR a.organisation <> ''
			       AND lower(regexp_replace(btrim(a.name || ' (' || a.organisation || ')'), '\s+', ' ', 'g')) = lower($4))
			  AND NOT EXISTS (SELECT 1 FROM apologies o WHERE o.meeting_id = a.meeting_id AND o.member_key = $2)
			RETURNING a.meeting_id
		), decls AS (
			-- Numbered after the same declaration of theirs that removing
			-- them withdrew, as declaring it again would be (withdrawnBefore):
			-- left by name beside it, it would not be on their Home, nor
			-- theirs to withdraw, and declaring it again would list it twice.
			UPDATE declarations d SET member_key = $2, user_id = $2,
			       revision = d.revision + (SELECT count(*) FROM declarations o WHERE `+sameDeclarationOf("$2")+`)
			WHERE d.meeting_id IN (SELECT id FROM ahead) AND COALESCE(d.user_id, '') = ''
			  AND (d.member_key = $3 OR lower(regexp_replace(btrim(d.name), '\s+', ' ', 'g')) = lower($4))
			  AND NOT EXISTS (SELECT 1 FROM declarations o WHERE `+sameDeclarationOf("$2")+`
			                  AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals w WHERE w.declaration_id = o.id))
			RETURNING d.meeting_id
		), reps AS (
			UPDATE report_current c SET member_key = $2, user_id = $2
			WHERE c.meeting_id IN (SELECT id FROM ahead) AND c.member_key = $3
			  AND NOT EXISTS (SELECT 1 FROM report_current o WHERE o.meeting_id = c.meeting_id AND o.filed_on = c.filed_on AND o.member_key = $2)
			RETURNING c.meeting_id, c.filed_on
		), replog AS (
			UPDATE report_links l SET member_key = $2, user_id = $2
			FROM reps
			WHERE l.meeting_id = reps.meeting_id AND l.member_key = $3
			  AND `+filedOn("l.item_id", "l.item_number")+` = reps.filed_on
		)
		SELECT mark_stale($1, meeting_id, ARRAY[CAST($2 AS text)])
		FROM (SELECT meeting_id FROM aps UNION SELECT meeting_id FROM decls UNION SELECT meeting_id FROM reps) changed`,
		m.CommitteeID, m.UserID, memberKey("", m.Name), spacedName(m.Name), nullTime(m.At))
	if err != nil {
		return err
	}
	if err := claimNamedOverWithdrawn(ctx, q, m); err != nil {
		return err
	}
	return claimSubstitute(ctx, q, m)
}

// sameDeclarationOf is the condition that o is declaration d made by key:
// the same meeting, item, kind and nature, the item known by its ID when
// it has one, as the unique indexes of declarations know it.
func sameDeclarationOf(key string) string {
	return `o.meeting_id = d.meeting_id AND o.member_key = ` + key + ` AND o.item_id IS NOT DISTINCT FROM d.item_id
		AND (d.item_id IS NOT NULL OR o.item_number = d.item_number) AND o.kind = d.kind AND declaration_nature(o.nature) = declaration_nature(d.nature)`
}

// claimNamedOverWithdrawn makes m's an apology entered by their name for
// a meeting to come where their own stands withdrawn: someone removed
// from the committee (which withdrew their apologies), entered by name
// meanwhile, and added back. The apology by name is withdrawn and theirs
// sent again with its reason and substitute, by the officer who entered
// it, as the two writes record them (history, posted agenda, Homes):
// left beside theirs, it would count them twice, and leave them expected
// and reminded.
func claimNamedOverWithdrawn(ctx context.Context, q sqlx.ExtContext, m commands.Member) error {
	var named []struct {
		MeetingID      int64          `db:"meeting_id"`
		MemberKey      string         `db:"member_key"`
		Reason         string         `db:"reason"`
		SubstituteID   sql.NullString `db:"substitute_id"`
		SubstituteName string         `db:"substitute_name"`
		By             string         `db:"by_user"`
	}
	err := sqlx.SelectContext(ctx, q, &named, `
		WITH `+claimAhead("$5")+`
		SELECT DISTINCT ON (a.meeting_id) a.meeting_id, a.member_key, a.reason, a.substitute_id, a.substitute_name,
			COALESCE((SELECT h.by_user FROM apology_history h WHERE h.apology_id = a.id ORDER BY h.id DESC LIMIT 1), '') AS by_user
		FROM apologies a
		JOIN apologies o ON o.meeting_id = a.meeting_id AND o.member_key = $2 AND o.withdrawn
		WHERE a.meeting_id IN (SELECT id FROM ahead)
		  AND COALESCE(a.user_id, '') = '' AND NOT a.withdrawn
		  AND (a.member_key = $3 OR a.organisation <> ''
		       AND lower(regexp_replace(btrim(a.name || ' (' || a.organisation || ')'), '\s+', ' ', 'g')) = lower($4))
		ORDER BY a.meeting_id, a.updated_at DESC, a.id DESC`,
		m.CommitteeID, m.UserID, memberKey("", m.Name), spacedName(m.Name), nullTime(m.At))
	if err != nil {
		return err
	}
	for _, a := range named {
		var w apologyWithdrawn
		if err := sqlx.GetContext(ctx, q, &w, withdrawApologySQL("true"), a.MeetingID, a.MemberKey, a.By, "", nullTime(m.At)); err != nil {
			return err
		}
		if err := w.result("withdraw apology by name", "meeting gone"); err != nil {
			return err
		}
		var r apologyWritten
		err := sqlx.GetContext(ctx, q, &r, sendApologySQL, apologyArgs(commands.Apology{
			MeetingID: a.MeetingID, UserID: m.UserID, Name: m.Name, Organisation: m.Organisation,
			Reason: a.Reason, SubstituteID: a.SubstituteID.String, SubstituteName: a.SubstituteName, By: a.By, At: m.At,
		}).sqlArgs("sent", true, commands.ApologyKeep{}, false)...)
		if err != nil {
			return err
		}
		if !r.Sent {
			return fmt.Errorf("meeting %d: %w", a.MeetingID, sql.ErrNoRows)
		}
	}
	return nil
}

// claimAhead is the CTE of the meetings whose records someone joining the
// committee takes over (claimNamedRecords), and whose records removing a
// member withdraws: those of the committee ($1) still to come after the
// request's time (the parameter at; NULL: the database's clock), and not
// yet opened (a meeting opened before its advertised start has started).
// The request's time, not the database's: a change made under the
// console's clock, or entered late, concerns the meetings after it.
func claimAhead(at string) string {
	return `ahead AS (
			SELECT id FROM meetings mt
			WHERE mt.committee_id = $1 AND mt.status IN ('scheduled', 'cancelled')
			  AND mt.starts_at > COALESCE(CAST(` + at + ` AS timestamptz), now())
			  AND NOT EXISTS (SELECT 1 FROM meeting_sessions s WHERE s.meeting_id = mt.id)
		)`
}

// claimSubstitute makes m the substitute that apologies for the meetings
// still to come name by m's name, typed before m was in Slack ("Jen
// Williams (NW Probation)"), as substituteNamed makes a member named so:
// the substitute is known by their Slack user, and only so does their
// Home say whom they substitute for, their own apologies say whom they
// leave without one, and a member who comes count once, in their own
// right. The name is matched as sameName matches it, and its
// organisation, when it gives one, must be m's: someone of the same name
// from another organisation is someone else. A Slack name with brackets
// of its own is matched whole. Its own statement: an apology that
// claimNamedRecords makes m's is never one naming m as substitute, but
// two updates of one row in a statement would leave one undone.
func claimSubstitute(ctx context.Context, q sqlx.ExtContext, m commands.Member) error {
	_, err := q.ExecContext(ctx, `
		WITH `+claimAhead("$6")+`, subs AS (
			UPDATE apologies a SET substitute_id = $2, substitute_name = $3
			WHERE a.meeting_id IN (SELECT id FROM ahead) AND a.substitute_id IS NULL AND NOT a.withdrawn AND a.member_key <> $2
			  AND (lower(regexp_replace(btrim(a.substitute_name), '\s+', ' ', 'g')) = lower($4)
			       OR lower(regexp_replace(btrim(regexp_replace(a.substitute_name, '\([^(]*\)\s*$', '')), '\s+', ' ', 'g')) = lower($4)
			          AND lower(regexp_replace(btrim(substring(a.substitute_name FROM '\(([^(]*)\)\s*$')), '\s+', ' ', 'g')) = lower($5))
			RETURNING a.meeting_id, a.user_id
		)
		SELECT mark_stale($1, meeting_id, ARRAY[CAST($2 AS text), user_id]) FROM subs`,
		m.CommitteeID, m.UserID, m.Name, spacedName(m.Name), spacedName(m.Organisation), nullTime(m.At))
	return err
}

// replaceHolder makes from, who holds m's role (chair or vice-chair), a
// member, so that m can take it. The committee is locked: no one else can
// take the role meanwhile, and the unique index members_one_chair stands
// behind that.
func replaceHolder(ctx context.Context, tx *Tx, m commands.Member, from, by string) (bool, error) {
	var holder memberRow
	err := tx.GetContext(ctx, &holder, `SELECT `+memberColumns+` FROM members
		WHERE committee_id = $1 AND role = $2 AND user_id <> $3 AND removed_at IS NULL`, m.CommitteeID, string(m.Role), m.UserID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, err
	case holder.UserID != from:
		return false, &commands.RoleTaken{Holder: holder.member()}
	}
	previous := holder.member()
	previous.Role = commands.RoleMember
	previous.At = m.At
	_, err = putMember(ctx, tx, previous, by)
	return err == nil, err
}

func ensureAnotherOfficer(ctx context.Context, q sqlx.QueryerContext, committeeID int64, userID string) error {
	var others int
	err := sqlx.GetContext(ctx, q, &others, `SELECT count(*) FROM members
		WHERE committee_id = $1 AND user_id <> $2 AND role = 'officer' AND removed_at IS NULL`, committeeID, userID)
	if err != nil {
		return err
	}
	if others == 0 {
		return commands.ErrLastOfficer
	}
	return nil
}

func putMember(ctx context.Context, q sqlx.ExtContext, m commands.Member, by string) (bool, error) {
	// rejoined is whether the row was a removed member's: read in the
	// same statement, from the snapshot before the upsert, since
	// RETURNING gives only the row as it now stands.
	var row struct {
		Created  bool `db:"created"`
		Rejoined bool `db:"rejoined"`
	}
	err := sqlx.GetContext(ctx, q, &row, `
		WITH was AS (SELECT removed_at IS NOT NULL AS removed FROM members WHERE committee_id = $1 AND user_id = $2)
		INSERT INTO members (committee_id, user_id, name, organisation, role, added_by, added_at)
		VALUES ($1, $2, $3, $4, $5, $6, COALESCE(CAST($7 AS timestamptz), now()))
		ON CONFLICT (committee_id, user_id) DO UPDATE
		SET name = EXCLUDED.name, organisation = EXCLUDED.organisation, role = EXCLUDED.role,
		    added_at = CASE WHEN members.removed_at IS NULL THEN members.added_at ELSE EXCLUDED.added_at END,
		    added_by = CASE WHEN members.removed_at IS NULL THEN members.added_by ELSE EXCLUDED.added_by END,
		    removed_at = NULL, removed_by = NULL
		WHERE members.removed_at IS NOT NULL
		   OR (members.name, members.organisation, members.role) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.organisation, EXCLUDED.role)
		RETURNING (xmax = 0) AS created, COALESCE((SELECT removed FROM was), false) AS rejoined`,
		m.CommitteeID, m.UserID, m.Name, m.Organisation, string(m.Role), by, nullTime(m.At))
	if errors.Is(err, sql.ErrNoRows) {
		// Added again as they stand: nothing changed, and the audit log,
		// which the committee's history reads, says nothing did.
		return false, nil
	}
	if err != nil {
		return false, err
	}
	// A removed member added back joins again: member.add, as the
	// membership at each meeting reads it (membersAtSQL), marked rejoined
	// so that the history says "added again", not that a member changed.
	detail := map[string]any{"name": m.Name, "organisation": m.Organisation, "role": m.Role}
	action := "member.change"
	switch {
	case row.Created:
		action = "member.add"
	case row.Rejoined:
		action, detail["rejoined"] = "member.add", true
	}
	if err := markHomesStale(ctx, q, m.CommitteeID, []string{m.UserID}); err != nil {
		return false, err
	}
	// A meeting in progress counts its voting members, and names its chair.
	if err := markLiveOf(ctx, q, m.CommitteeID); err != nil {
		return false, err
	}
	return row.Created, auditAt(ctx, q, m.CommitteeID, by, action, m.UserID, detail, m.At)
}

// RemoveMember implements commands.CommitteeStore.
func (db *DB) RemoveMember(ctx context.Context, committeeID int64, userID, by string, at time.Time, told func(commands.Removal) *commands.OutboxMessage) (commands.Removal, error) {
	var out commands.Removal
	err := db.inTx(ctx, "remove member", func(tx *Tx) error {
		out = commands.Removal{}
		// As putMemberReplacing, and FOR NO KEY UPDATE for the same reason.
		if _, err := tx.ExecContext(ctx, `SELECT id FROM committees WHERE id = $1 FOR NO KEY UPDATE`, committeeID); err != nil {
			return err
		}
		// The apologies and declarations the removal withdraws, before
		// anything is marked: the member (or an officer for them)
		// changing one writes it, then marks the officers' Homes; the
		// removal marks those as it withdraws the apologies, and would
		// then wait for a declaration while the change waited for the
		// marks, until one was given up as deadlocked and not saved.
		for _, lock := range []string{
			`SELECT 1 FROM apologies a WHERE a.meeting_id IN (SELECT id FROM ahead) AND a.user_id = $2 FOR UPDATE OF a`,
			`SELECT 1 FROM declarations d WHERE d.meeting_id IN (SELECT id FROM ahead) AND d.member_key = $2 FOR UPDATE OF d`,
		} {
			if _, err := tx.ExecContext(ctx, `WITH `+claimAhead("$3")+` `+lock, committeeID, userID, nullTime(at)); err != nil {
				return err
			}
		}
		var role string
		err := tx.GetContext(ctx, &role, `SELECT role FROM members WHERE committee_id = $1 AND user_id = $2 AND removed_at IS NULL`, committeeID, userID)
		if err != nil {
			return err
		}
		if role == string(commands.RoleOfficer) {
			if err := ensureAnotherOfficer(ctx, tx, committeeID, userID); err != nil {
				return err
			}
		}
		// removed_at stays on the database's clock: FormerMembers compares
		// it with the attendance marks' entered_at, stamped by that clock.
		// The history reads the removal from the audit log, at at.
		if _, err := tx.ExecContext(ctx, `UPDATE members SET removed_at = now(), removed_by = $3 WHERE committee_id = $1 AND user_id = $2`, committeeID, userID, by); err != nil {
			return err
		}
		if out.Apologies, err = withdrawRemovedApologies(ctx, tx, committeeID, userID, by, at); err != nil {
			return err
		}
		if out.Declarations, err = withdrawRemovedDeclarations(ctx, tx, committeeID, userID, by, at); err != nil {
			return err
		}
		// Their register's standing entries are left as they stand, and
		// counted to be said: the register of a committee is its members',
		// so they leave the register as published, and stay on record.
		if err := tx.GetContext(ctx, &out.Interests, `SELECT count(*) FROM interests i
			WHERE i.committee_id = $1 AND i.member_key = $2
			  AND NOT EXISTS (SELECT 1 FROM interest_endings x WHERE x.interest_id = i.id)`, committeeID, memberKey(userID, "")); err != nil {
			return err
		}
		if err := ownedActionsStale(ctx, tx, committeeID, userID, at); err != nil {
			return err
		}
		if err := namedSubstituteStale(ctx, tx, committeeID, userID, at); err != nil {
			return err
		}
		if told != nil {
			if msg := told(out); msg != nil {
				if err := enqueue(ctx, tx, *msg); err != nil {
					return err
				}
			}
		}
		if err := markHomesStale(ctx, tx, committeeID, []string{userID}); err != nil {
			return err
		}
		// A meeting in progress counts its voting members.
		if err := markLiveOf(ctx, tx, committeeID); err != nil {
			return err
		}
		return auditAt(ctx, tx, committeeID, by, "member.remove", userID, nil, at)
	})
	return out, err
}

// ownedActionsStale marks what lists the outstanding actions of the
// committee (actionsStale) when userID owns some: the posted agenda's
// actions from previous meetings say of an owner who has left that they
// are no longer a member, so it changes when they leave or come back.
func ownedActionsStale(ctx context.Context, q sqlx.ExtContext, committeeID int64, userID string, at time.Time) error {
	var owns bool
	if err := sqlx.GetContext(ctx, q, &owns, `SELECT EXISTS (SELECT 1 FROM actions
		WHERE committee_id = $1 AND owner_user = $2 AND status = 'open')`, committeeID, userID); err != nil || !owns {
		return err
	}
	return actionsStaleAt(ctx, q, committeeID, userID, at)
}

// namedSubstituteStale marks what shows the apologies for the committee's
// meetings still to come that name userID as substitute: the posted
// agenda lists a substitute who is a member as attending in their own
// right, not under "Substitutes:", and the Home of the member who named
// them says so beside their substitute; so both change when the
// substitute joins the committee or leaves it.
func namedSubstituteStale(ctx context.Context, q sqlx.ExtContext, committeeID int64, userID string, at time.Time) error {
	_, err := q.ExecContext(ctx, `WITH `+claimAhead("$3")+`
		SELECT mark_stale($1, a.meeting_id, COALESCE(array_agg(a.user_id) FILTER (WHERE COALESCE(a.user_id, '') <> ''), '{}'))
		FROM apologies a
		WHERE a.meeting_id IN (SELECT id FROM ahead) AND a.substitute_id = $2 AND NOT a.withdrawn
		GROUP BY a.meeting_id`, committeeID, userID, nullTime(at))
	return err
}

// withdrawRemovedApologies withdraws, in the caller's transaction, the
// apologies a member removed from the committee has standing for its
// meetings still to come: someone who is no longer a member is not
// expected, so their apologies must not count in the meeting's apologies,
// the agenda, the Homes or the reminders. They stay in the history, with
// the withdrawal by whoever removed the member; apologies for meetings
// already started (or opened early) or held are part of those meetings'
// record and stay. Those for a meeting cancelled are withdrawn as well:
// scheduled again, it would otherwise expect them. The Homes of the
// substitutes they named are marked with the member's, so that none goes
// on saying they substitute. Migration 00015 does the same for members
// removed before.
func withdrawRemovedApologies(ctx context.Context, tx *Tx, committeeID int64, userID, by string, at time.Time) (int, error) {
	var n int
	err := tx.GetContext(ctx, &n, `
		WITH `+claimAhead("$4")+`, w AS (
			UPDATE apologies a SET withdrawn = true, updated_at = COALESCE(CAST($4 AS timestamptz), now())
			WHERE a.meeting_id IN (SELECT id FROM ahead) AND a.user_id = $2 AND NOT a.withdrawn
			RETURNING a.id, a.meeting_id, a.substitute_id
		), hist AS (
			INSERT INTO apology_history (apology_id, action, by_user, with_removal, at)
			SELECT id, 'withdrawn', $3, true, COALESCE(CAST($4 AS timestamptz), now()) FROM w
		)
		-- The substitute an apology named is told on their Home that they
		-- substitute: withdrawn with it, they are not. Counted, for the
		-- reply to say what the removal withdrew.
		SELECT count(*) FROM (SELECT mark_stale($1, meeting_id, array_remove(ARRAY[CAST($2 AS text), substitute_id], NULL)) FROM w) marked`, committeeID, userID, by, nullTime(at))
	return n, err
}

// withdrawRemovedDeclarations withdraws, in the caller's transaction, the
// declarations of interest a member removed from the committee has
// standing for its meetings still to come, as withdrawRemovedApologies
// withdraws their apologies: they will not sit at those meetings as
// members, so the agenda, /declare list, the officers' Home and the
// minutes drawn from them must not name them as having declared. They
// stay in the history, withdrawn by whoever removed the member; those of
// meetings started or held are part of those meetings' record and stay.
// Anyone who does come to the meeting, as a substitute or to present an
// item, declares at the table. Migration 00053 does the same for members removed
// before.
func withdrawRemovedDeclarations(ctx context.Context, tx *Tx, committeeID int64, userID, by string, at time.Time) (int, error) {
	var n int
	err := tx.GetContext(ctx, &n, `
		WITH `+claimAhead("$4")+`, w AS (
			INSERT INTO declaration_withdrawals (declaration_id, withdrawn_by, with_removal, withdrawn_at)
			SELECT d.id, $3, true, COALESCE(CAST($4 AS timestamptz), now())
			FROM declarations d
			WHERE d.meeting_id IN (SELECT id FROM ahead) AND d.member_key = $2
			  AND NOT EXISTS (SELECT 1 FROM declaration_withdrawals x WHERE x.declaration_id = d.id)
			ON CONFLICT (declaration_id) DO NOTHING
			RETURNING declaration_id
		)
		, marked AS (
			SELECT mark_stale($1, d.meeting_id, ARRAY[CAST($2 AS text)])
			FROM (SELECT DISTINCT d.meeting_id FROM w JOIN declarations d ON d.id = w.declaration_id) d
		)
		SELECT (SELECT count(*) FROM w) FROM (SELECT count(*) FROM marked) m`, committeeID, userID, by, nullTime(at))
	return n, err
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
