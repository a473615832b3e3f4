// Package corpus builds a large synthetic record of committee minutes, for
// measuring how searches behave at scale. Committees, meetings and numbered
// minutes are written with the vocabulary and habits of published council
// minutes: the standard items (apologies, declarations, the minutes of the
// previous meeting, the date of the next), "That the report be noted" over
// and over, planning and licensing decisions that name streets, and a
// sprinkling of rare subjects. Rows are streamed in with COPY.
package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lib/pq"
)

// Options say how large a corpus to build.
type Options struct {
	// Resolutions is about how many resolutions to make (at least 100).
	Resolutions int
	// Seed makes the corpus reproducible.
	Seed uint64
	// BigShare is the share of the resolutions that go to the largest
	// committee, the one benchmarks search (default 0.05).
	BigShare float64
	// Workers is how many connections load at once (default 2).
	Workers int
	// Log, if set, receives progress lines.
	Log func(format string, args ...any)
}

// Committee is a committee of the corpus.
type Committee struct {
	ID          int64
	Name        string
	TeamID      string
	ChannelID   string
	Minutes     int
	Resolutions int
}

// Result describes the corpus built.
type Result struct {
	// Committees, the largest first.
	Committees  []Committee
	Meetings    int
	Minutes     int
	Resolutions int
	// RareWords are subjects that occur in few of the largest committee's
	// minutes.
	RareWords []string
	Took      time.Duration
}

// BenchTeam is the workspace of the corpus's committees; committee i is in
// channel "C<i>".
const BenchTeam = "TCORPUS"

// rareSubjects each appear in about one minute in rareOdds.
var rareSubjects = []string{
	"defibrillator", "alleygating", "trampoline park", "Japanese knotweed", "pigeon nuisance", "ornamental fountain",
	"twinning association", "heritage tramway", "pier restoration", "bandstand", "allotment waiting list",
	"dog fouling enforcement", "Christmas illuminations", "war memorial", "bowling green", "sand dune management",
	"red squirrel", "natterjack toad", "model railway", "brass band", "beach huts", "ice rink", "lido", "skatepark",
	"cemetery chapel", "public conveniences", "drinking fountain", "civic regalia", "freedom of the borough", "Mayor's charity",
}

const rareOdds = 4000

// Build adds a corpus of about opts.Resolutions resolutions to the
// migrated database db. The search index is dropped while rows stream in
// and built again afterwards, which is several times faster than keeping
// it up to date row by row.
func Build(ctx context.Context, db *sql.DB, opts Options) (Result, error) {
	start := time.Now()
	if opts.Resolutions < 100 {
		opts.Resolutions = 100
	}
	if opts.BigShare <= 0 || opts.BigShare >= 1 {
		opts.BigShare = 0.05
	}
	if opts.Workers <= 0 {
		opts.Workers = 2
	}
	logf := opts.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	plans := plan(opts)
	var res Result
	ids, err := nextIDs(ctx, db)
	if err != nil {
		return res, err
	}
	indexes, err := dropIndexes(ctx, db)
	if err != nil {
		return res, err
	}
	logf("corpus: %d committees, about %d resolutions; indexes dropped", len(plans), opts.Resolutions)

	var mu sync.Mutex
	var done atomic.Int64
	work := make(chan int)
	errc := make(chan error, opts.Workers)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				c, err := loadCommittee(ctx, db, plans[i], ids)
				if err != nil {
					errc <- fmt.Errorf("corpus: committee %d: %w", i, err)
					for range work {
					}
					return
				}
				mu.Lock()
				plans[i].done = c
				res.Meetings += c.meetings
				res.Minutes += c.Minutes
				res.Resolutions += c.Resolutions
				if i == 0 {
					res.RareWords = c.rare
				}
				mu.Unlock()
				if n := done.Add(int64(c.Resolutions)); i%50 == 0 {
					logf("corpus: %d resolutions loaded (%s)", n, time.Since(start).Round(time.Second))
				}
			}
		}()
	}
	for i := range plans {
		select {
		case work <- i:
		case err := <-errc:
			close(work)
			wg.Wait()
			return res, err
		}
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errc:
		return res, err
	default:
	}
	logf("corpus: rows loaded in %s; building indexes", time.Since(start).Round(time.Second))
	if err := createIndexes(ctx, db, indexes); err != nil {
		return res, err
	}
	if err := fixSequences(ctx, db); err != nil {
		return res, err
	}
	for _, p := range plans {
		res.Committees = append(res.Committees, p.done.Committee)
	}
	res.Took = time.Since(start)
	logf("corpus: done in %s", res.Took.Round(time.Second))
	return res, nil
}

// committeePlan is what to make for one committee.
type committeePlan struct {
	index       int
	name        string
	kind        string // "planning", "licensing" or "general"
	resolutions int
	seed        uint64
	done        loaded
}

type loaded struct {
	Committee
	meetings int
	rare     []string
}

// plan shares the resolutions among committees of about a thousand each
// (twenty-five years of a committee's business), the largest first.
func plan(opts Options) []committeePlan {
	n := max(1, opts.Resolutions/1000)
	big := int(float64(opts.Resolutions) * opts.BigShare)
	if n == 1 {
		big = opts.Resolutions
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 1))
	plans := []committeePlan{{index: 0, name: "Safer Sefton Together", kind: "general", resolutions: big, seed: opts.Seed<<20 | 0}}
	rest := opts.Resolutions - big
	seen := map[string]bool{"Safer Sefton Together": true}
	for i := 1; i < n; i++ {
		share := rest / (n - i)
		if i < n-1 {
			share = share/2 + rng.IntN(share+1)
		}
		rest -= share
		name := ""
		for try := 0; name == "" || seen[name]; try++ {
			name = places[rng.IntN(len(places))] + " " + bodies[rng.IntN(len(bodies))]
			if try > 5 {
				name += " " + strconv.Itoa(i)
			}
		}
		seen[name] = true
		kind := "general"
		switch {
		case strings.Contains(name, "Planning"):
			kind = "planning"
		case strings.Contains(name, "Licensing"):
			kind = "licensing"
		}
		plans = append(plans, committeePlan{index: i, name: name, kind: kind, resolutions: max(share, 10), seed: opts.Seed<<20 | uint64(i)})
	}
	return plans
}

// idBlocks hands out blocks of row IDs to the workers.
type idBlocks struct {
	committee, meeting, minute, resolution atomic.Int64
}

func nextIDs(ctx context.Context, db *sql.DB) (*idBlocks, error) {
	ids := &idBlocks{}
	for _, t := range []struct {
		table string
		next  *atomic.Int64
	}{{"committees", &ids.committee}, {"meetings", &ids.meeting}, {"minutes", &ids.minute}, {"resolutions", &ids.resolution}} {
		var maxID int64
		if err := db.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM `+t.table).Scan(&maxID); err != nil {
			return nil, fmt.Errorf("corpus: %s: %w", t.table, err)
		}
		t.next.Store(maxID)
	}
	return ids, nil
}

func fixSequences(ctx context.Context, db *sql.DB) error {
	for _, t := range []string{"committees", "meetings", "minutes", "resolutions"} {
		if _, err := db.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM `+t+`), 1))`, t); err != nil {
			return fmt.Errorf("corpus: sequence of %s: %w", t, err)
		}
	}
	return nil
}

// dropIndexes drops the secondary indexes of minutes and resolutions
// (those that back no constraint) and returns their definitions.
func dropIndexes(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT i.indexname, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND i.tablename IN ('minutes', 'resolutions')
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)
	if err != nil {
		return nil, fmt.Errorf("corpus: list indexes: %w", err)
	}
	defer rows.Close()
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, err := db.ExecContext(ctx, `DROP INDEX `+pq.QuoteIdentifier(n)); err != nil {
			return nil, fmt.Errorf("corpus: drop index %s: %w", n, err)
		}
	}
	return defs, nil
}

// createIndexes builds the indexes again, two at a time.
func createIndexes(ctx context.Context, db *sql.DB, defs []string) error {
	errc := make(chan error, len(defs))
	sem := make(chan struct{}, 2)
	for _, def := range defs {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			conn, err := db.Conn(ctx)
			if err != nil {
				errc <- err
				return
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, `SET maintenance_work_mem = '512MB'`); err != nil {
				errc <- err
				return
			}
			if _, err := conn.ExecContext(ctx, def); err != nil {
				errc <- fmt.Errorf("corpus: %s: %w", def, err)
				return
			}
			errc <- nil
		}()
	}
	var errs []error
	for range defs {
		errs = append(errs, <-errc)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, `ANALYZE committees, meetings, minutes, resolutions`)
	return err
}

type meetingRow struct {
	id       int64
	startsAt time.Time
	venue    string
}

type minuteRow struct {
	meetingID        int64
	number           string
	position         int
	title, narrative string
	refs             []string
	heldOn           string
	resolutions      []resolutionRow
}

type resolutionRow struct {
	body  string
	parts []string
}

var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// loadCommittee makes one committee's records and streams them in, in one
// transaction.
func loadCommittee(ctx context.Context, db *sql.DB, p committeePlan, ids *idBlocks) (loaded, error) {
	g := newWriter(p)
	g.generate()
	out := loaded{
		Committee: Committee{Name: p.name, TeamID: BenchTeam, ChannelID: "C" + strconv.Itoa(p.index), Minutes: len(g.minutes), Resolutions: g.resolutions},
		meetings:  len(g.meetings), rare: g.rareUsed,
	}
	out.ID = ids.committee.Add(1)
	meetingBase := ids.meeting.Add(int64(len(g.meetings))) - int64(len(g.meetings))
	minuteBase := ids.minute.Add(int64(len(g.minutes))) - int64(len(g.minutes))
	resBase := ids.resolution.Add(int64(g.resolutions)) - int64(g.resolutions)

	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return out, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO committees (id, name, team_id, channel_id, created_by) VALUES ($1, $2, $3, $4, 'corpus')`,
		out.ID, out.Name, out.TeamID, out.ChannelID); err != nil {
		return out, err
	}
	err = copyRows(ctx, tx, pq.CopyIn("meetings", "id", "committee_id", "starts_at", "venue", "status", "source", "created_by"), func(put func(...any) error) error {
		for i, m := range g.meetings {
			if err := put(meetingBase+int64(i)+1, out.ID, m.startsAt, m.venue, "held", "corpus", "corpus"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	err = copyRows(ctx, tx, pq.CopyIn("minutes", "id", "meeting_id", "committee_id", "number", "position", "title", "narrative", "refs", "held_on", "resolved"), func(put func(...any) error) error {
		for i, m := range g.minutes {
			bodies := make([]string, len(m.resolutions))
			for j, r := range m.resolutions {
				bodies[j] = r.body
			}
			if err := put(minuteBase+int64(i)+1, meetingBase+m.meetingID+1, out.ID, m.number, m.position, m.title, m.narrative,
				pq.Array(orEmpty(m.refs)), m.heldOn, strings.Join(bodies, "\n")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	err = copyRows(ctx, tx, pq.CopyIn("resolutions", "id", "minute_id", "position", "body", "parts"), func(put func(...any) error) error {
		next := resBase
		for i, m := range g.minutes {
			for j, r := range m.resolutions {
				next++
				if err := put(next, minuteBase+int64(i)+1, j+1, r.body, pq.Array(orEmpty(r.parts))); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	return out, tx.Commit()
}

// copyRows runs one COPY statement, feeding it the rows rows puts.
func copyRows(ctx context.Context, tx *sql.Tx, copyStmt string, rows func(put func(...any) error) error) error {
	stmt, err := tx.PrepareContext(ctx, copyStmt)
	if err != nil {
		return err
	}
	put := func(args ...any) error {
		_, err := stmt.ExecContext(ctx, args...)
		return err
	}
	if err := rows(put); err != nil {
		stmt.Close()
		return err
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return err
	}
	return stmt.Close()
}

// writer writes one committee's meetings and minutes.
type writer struct {
	p           committeePlan
	rng         *rand.Rand
	meetings    []meetingRow
	minutes     []minuteRow
	resolutions int
	rareUsed    []string
}

func newWriter(p committeePlan) *writer {
	return &writer{p: p, rng: rand.New(rand.NewPCG(p.seed, 2))}
}

func (g *writer) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *writer) person() string { return g.pick(firstNames) + " " + g.pick(surnames) }

// generate writes meetings until the committee has its resolutions. A
// committee's business is spread over twenty-five years, so a large one
// meets often and resolves much at each meeting.
func (g *writer) generate() {
	perMeeting := 6
	switch g.p.kind {
	case "planning":
		perMeeting = 12
	case "licensing":
		perMeeting = 8
	}
	meetings := max(1, g.p.resolutions/perMeeting)
	perYear := max(4, meetings/25)
	if meetings > perYear*25 {
		perMeeting = g.p.resolutions/(perYear*25) + 1
	}
	gap := time.Duration(365*24/perYear) * time.Hour
	// Meetings run back from the end of 2025; numbering is then done
	// forwards, restarting each May with the municipal year.
	t := time.Date(2025, 12, 11, 10, 0, 0, 0, london)
	var dates []time.Time
	for left := g.p.resolutions; left > 0; left -= perMeeting {
		dates = append(dates, t)
		t = t.Add(-gap)
		for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
			t = t.Add(-24 * time.Hour)
		}
	}
	number, year := 0, 0
	left := g.p.resolutions
	for i := len(dates) - 1; i >= 0 && left > 0; i-- {
		d := dates[i]
		my := d.Year()
		if d.Month() < time.May {
			my--
		}
		if my != year {
			year, number = my, 0
		}
		var prev, next time.Time
		if i+1 < len(dates) {
			prev = dates[i+1]
		}
		if i > 0 {
			next = dates[i-1]
		} else {
			next = d.Add(gap)
		}
		n := min(left, perMeeting+g.rng.IntN(3)-1)
		left -= g.meeting(d, prev, next, &number, max(n, 2))
	}
}

// meeting writes one meeting with about n resolutions and returns how many.
func (g *writer) meeting(d, prev, next time.Time, number *int, n int) int {
	mi := int64(len(g.meetings))
	venue := "Town Hall, Bootle"
	if d.Year() >= 2020 && g.rng.IntN(2) == 0 {
		venue = "Remote Meeting"
	}
	g.meetings = append(g.meetings, meetingRow{id: mi, startsAt: d, venue: venue})
	heldOn := d.Format("2006-01-02")
	pos := 0
	count := 0
	add := func(title, narrative string, refs []string, res ...resolutionRow) {
		*number++
		pos++
		g.minutes = append(g.minutes, minuteRow{meetingID: mi, number: strconv.Itoa(*number), position: pos,
			title: title, narrative: narrative, refs: refs, heldOn: heldOn, resolutions: res})
		count += len(res)
		g.resolutions += len(res)
	}
	add("APOLOGIES FOR ABSENCE", g.apologies(), []string{})
	add("DECLARATIONS OF INTEREST", g.declarations(*number+3), []string{})
	if !prev.IsZero() {
		add("MINUTES OF PREVIOUS MEETING", "", []string{}, resolutionRow{body: "That the Minutes of the meeting held on " + prev.Format("2 January 2006") + " be confirmed as a correct record."})
	}
	for count < n-1 {
		title, narrative, refs, res := g.item(prev)
		add(title, narrative, refs, res...)
	}
	add("DATE OF NEXT MEETING", "", []string{}, resolutionRow{body: "That the next meeting be held on " + next.Format("Monday 2 January 2006") + " commencing at 10.00am."})
	return count
}

func (g *writer) apologies() string {
	k := g.rng.IntN(4)
	if k == 0 {
		return "No apologies for absence were received."
	}
	names := make([]string, k)
	for i := range names {
		names[i] = g.person() + " (" + strings.TrimPrefix(g.pick(orgs), "the ") + ")"
	}
	return "Apologies for absence were received from " + joinAnd(names) + "."
}

func (g *writer) declarations(item int) string {
	if g.rng.IntN(20) > 0 {
		return "No declarations of any disclosable pecuniary interests or personal interests were received."
	}
	return fmt.Sprintf("Councillor %s declared a personal interest in Minute No. %d below as a member of the board of %s and remained in the room, taking part in the consideration of the item.",
		g.pick(surnames), item, strings.TrimPrefix(g.pick(orgs), "the "))
}

// item writes one minute of business: its title, narrative, references
// and resolutions.
func (g *writer) item(prev time.Time) (string, string, []string, []resolutionRow) {
	switch {
	case g.p.kind == "planning" && g.rng.IntN(5) > 0:
		return g.planning()
	case g.p.kind == "licensing" && g.rng.IntN(3) > 0:
		return g.licensing()
	}
	topic := g.pick(topics)
	if g.rng.IntN(rareOdds/8) == 0 {
		topic = g.pick(rareSubjects)
		g.rareUsed = append(g.rareUsed, topic)
	}
	presenter := g.person()
	narrative := fmt.Sprintf("%s, %s, presented a report on %s. %s", presenter, strings.TrimPrefix(g.pick(officers), "the "), topic, g.sentence(topic))
	var refs []string
	if !prev.IsZero() && g.rng.IntN(8) == 0 {
		ref := fmt.Sprintf("Minute No. %d of the meeting held on %s", 3+g.rng.IntN(20), prev.Format("2 January 2006"))
		narrative = "Further to " + ref + ", " + strings.ToLower(narrative[:1]) + narrative[1:]
		refs = append(refs, ref)
	}
	title := strings.ToUpper(topic)
	if g.rng.IntN(3) == 0 {
		title = strings.ToUpper(topic + " " + g.pick(docs))
	}
	return title, narrative, refs, g.resolve(topic)
}

func (g *writer) sentence(topic string) string {
	switch g.rng.IntN(6) {
	case 0:
		return fmt.Sprintf("Members asked questions about %s and its links with %s.", topic, g.pick(topics))
	case 1:
		return fmt.Sprintf("The report set out the progress made over the year and the priorities for the coming year, including %s.", g.pick(topics))
	case 2:
		return fmt.Sprintf("%s of %s gave an update on partnership working.", g.person(), g.pick(orgs))
	case 3:
		if g.rng.IntN(rareOdds/16) == 0 {
			r := g.pick(rareSubjects)
			g.rareUsed = append(g.rareUsed, r)
			return fmt.Sprintf("Members raised concerns about the %s at %s.", r, g.pick(streets))
		}
		return "Members welcomed the report and thanked officers for their work."
	default:
		return fmt.Sprintf("The report dealt with the performance of the service and the risks identified, and the actions being taken on %s.", topic)
	}
}

// resolve writes what was resolved on topic: mostly that the report be
// noted, as in real minutes.
func (g *writer) resolve(topic string) []resolutionRow {
	doc := g.pick(docs)
	switch r := g.rng.IntN(100); {
	case r < 35:
		return []resolutionRow{{body: "That the report be noted."}}
	case r < 45:
		return []resolutionRow{{body: "That the update be noted."}}
	case r < 58:
		parts := []string{"the report be noted", fmt.Sprintf("%s be requested to submit a further report on %s to a future meeting", g.pick(officers), topic)}
		return []resolutionRow{{body: fmt.Sprintf("That (1) %s; and (2) %s.", parts[0], parts[1]), parts: parts}}
	case r < 66:
		return []resolutionRow{{body: fmt.Sprintf("That the %s %s be approved.", topic, doc)}}
	case r < 72:
		return []resolutionRow{{body: fmt.Sprintf("That the %s %s be recommended to Council for approval.", topic, doc)}}
	case r < 78:
		return []resolutionRow{{body: fmt.Sprintf("That %s be thanked for the presentation on %s.", g.pick(orgs), topic)}}
	case r < 82:
		return []resolutionRow{{body: fmt.Sprintf("That %s be the theme for the next meeting.", topic)}}
	case r < 88:
		parts := []string{"the reports be noted", "all organisations be thanked for the detailed and thorough reports provided",
			fmt.Sprintf("further reports on %s be submitted to the Board", topic)}
		return []resolutionRow{{body: fmt.Sprintf("That (1) %s; (2) %s; and (3) %s.", parts[0], parts[1], parts[2]), parts: parts}}
	case r < 93:
		return []resolutionRow{{body: fmt.Sprintf("That an allocation of £%d,000 from the %s be agreed for %s.", 5+g.rng.IntN(400), g.pick([]string{"Household Support Fund", "Shared Prosperity Fund", "Community Safety Fund", "Better Care Fund"}), topic)}}
	case r < 97:
		return []resolutionRow{
			{body: "That the report be noted."},
			{body: fmt.Sprintf("That %s be appointed as lead officer for %s.", g.person(), topic)},
		}
	case r < 99:
		return []resolutionRow{{body: fmt.Sprintf("That the %s be referred to the Overview and Scrutiny Committee for consideration.", doc)}}
	default:
		return []resolutionRow{{body: fmt.Sprintf("That the %s be re-named the %s %s Partnership.", g.pick(bodies), g.pick(places), g.pick([]string{"Together", "Community", "Safety", "Wellbeing"}))}}
	}
}

func (g *writer) planning() (string, string, []string, []resolutionRow) {
	ref := fmt.Sprintf("DC/%d/%05d", 2000+g.rng.IntN(26), g.rng.IntN(100000))
	addr := fmt.Sprintf("%d %s", 1+g.rng.IntN(300), g.pick(streets))
	what := g.pick([]string{"Erection of a two storey side extension", "Change of use from retail (Class E) to a hot food takeaway",
		"Demolition of the existing building and erection of 14 dwellings", "Conversion of the dwelling into 4 self-contained flats",
		"Erection of a single storey rear extension", "Installation of a 20 metre telecommunications mast"})
	title := fmt.Sprintf("%s - %s", strings.ToUpper(addr), ref)
	narrative := fmt.Sprintf("The Committee considered the report of the Chief Planning Officer recommending that the above application for %s be %s.",
		strings.ToLower(what[:1])+what[1:], g.pick([]string{"granted", "refused"}))
	if g.rng.IntN(3) == 0 {
		narrative += fmt.Sprintf(" Prior to consideration of the application, the Committee received a petition from %s on behalf of the objectors.", g.person())
	}
	body := "That the application be granted subject to the conditions and for the reasons stated or referred to in the report."
	if g.rng.IntN(4) == 0 {
		body = "That the application be refused for the reasons stated in the report."
	}
	return title, narrative, []string{}, []resolutionRow{{body: body}}
}

func (g *writer) licensing() (string, string, []string, []resolutionRow) {
	venue := g.pick(venueNames) + ", " + g.pick(streets)
	title := "APPLICATION FOR A PREMISES LICENCE - " + strings.ToUpper(venue)
	narrative := fmt.Sprintf("The Sub-Committee considered the report of the Chief Legal and Democratic Officer on an application for a premises licence for %s, and representations from Merseyside Police and local residents.", venue)
	body := fmt.Sprintf("That the application for a premises licence for %s be granted subject to the conditions set out in the report.", venue)
	if g.rng.IntN(3) == 0 {
		body = fmt.Sprintf("That the application for a premises licence for %s be refused, the Sub-Committee being satisfied that granting it would undermine the licensing objectives.", venue)
	}
	return title, narrative, []string{}, []resolutionRow{{body: body}}
}

func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// RareSubjects lists the rare subjects the corpus sprinkles in.
func RareSubjects() []string { return append([]string(nil), rareSubjects...) }

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
