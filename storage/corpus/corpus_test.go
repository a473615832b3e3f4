package corpus_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/corpus"
	"github.com/quorumhq/quorum/storage/localpg"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestMain(m *testing.M) {
	code := pgtest.Main(m)
	if bench.srv != nil {
		bench.db.Close()
		bench.srv.Close()
	}
	os.Exit(code)
}

func resolution(t testing.TB, svc *commands.Service, channel, text string) commands.Reply {
	t.Helper()
	r, err := svc.Run(context.Background(), commands.Request{Command: "/resolution", Text: text, TeamID: corpus.BenchTeam, ChannelID: channel, UserID: "UBENCH", Now: time.Now()})
	if err != nil {
		t.Fatalf("/resolution %s: %v", text, err)
	}
	return r
}

func TestBuildSmallCorpus(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	res, err := corpus.Build(ctx, db.SQL(), corpus.Options{Resolutions: 3000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		var n int
		if err := db.SQL().QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := count(`SELECT count(*) FROM resolutions`); got != res.Resolutions || got < 2900 || got > 3300 {
		t.Errorf("%d resolutions in the database, %d reported; want about 3000", got, res.Resolutions)
	}
	if got := count(`SELECT count(*) FROM committees`); got != 3 || len(res.Committees) != 3 {
		t.Errorf("%d committees, want 3", got)
	}
	if got := count(`SELECT count(*) FROM pg_indexes WHERE indexname IN ('minutes_search', 'minutes_committee_number', 'minutes_committee_held')`); got != 3 {
		t.Errorf("%d of the search indexes are back after the load, want 3", got)
	}
	// Minutes are numbered from 1 each municipal year, and IDs continue.
	if got := count(`SELECT count(*) FROM minutes WHERE number = '1'`); got < 3 {
		t.Errorf("%d minutes numbered 1, want one a municipal year", got)
	}
	var c commands.Committee
	c, err = db.EnsureCommittee(ctx, "Another Committee", "test")
	if err != nil || c.ID <= int64(len(res.Committees)) {
		t.Errorf("a committee made after the load: id %d, err %v", c.ID, err)
	}

	svc := commands.New(db, nil)
	big := res.Committees[0]
	r := resolution(t, svc, big.ChannelID, "report noted")
	if len(r.Sections) != 5 || !strings.Contains(r.Sections[0].Text, "*noted*") {
		t.Errorf("report noted: %d results:\n%s", len(r.Sections), r.Text)
	}
	r = resolution(t, svc, big.ChannelID, "3")
	if !strings.Contains(r.Text, "minute 3 of the meeting on") || len(r.Buttons) < 2 {
		t.Errorf("minute 3: %s (%d buttons)", r.Text, len(r.Buttons))
	}
}

// The benchmarks run on a corpus of QUORUM_CORPUS resolutions (default
// 10,000), built once per run on a server of their own, or on the database
// QUORUM_CORPUS_DSN names (built there on first use, then reused).
var bench struct {
	once sync.Once
	srv  *localpg.Server
	db   *storage.DB
	res  corpus.Result
	err  error
}

func benchCorpus(b *testing.B) (*storage.DB, corpus.Committee) {
	b.Helper()
	bench.once.Do(func() { bench.err = buildBenchCorpus() })
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.db, bench.res.Committees[0]
}

func buildBenchCorpus() error {
	ctx := context.Background()
	n := 10000
	if v := os.Getenv("QUORUM_CORPUS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 100 {
			return fmt.Errorf("QUORUM_CORPUS=%q: give a number of resolutions, at least 100", v)
		}
	}
	dsn := os.Getenv("QUORUM_CORPUS_DSN")
	if dsn == "" {
		srv, err := localpg.Start(ctx, localpg.Options{Settings: map[string]string{
			"shared_buffers": "512MB", "max_wal_size": "8GB", "checkpoint_timeout": "30min", "work_mem": "16MB",
		}})
		if err != nil {
			return err
		}
		bench.srv = srv
		admin, err := sql.Open("postgres", srv.DSN("postgres"))
		if err != nil {
			return err
		}
		defer admin.Close()
		if _, err := admin.ExecContext(ctx, `CREATE DATABASE quorum_corpus`); err != nil {
			return err
		}
		dsn = srv.DSN("quorum_corpus")
	}
	db, err := storage.Open(ctx, dsn)
	if err != nil {
		return err
	}
	bench.db = db
	if err := db.Migrate(ctx, nil); err != nil {
		return err
	}
	var built int
	if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM committees WHERE team_id = $1`, corpus.BenchTeam).Scan(&built); err != nil {
		return err
	}
	if built > 0 {
		fmt.Fprintf(os.Stderr, "corpus: reusing the corpus in QUORUM_CORPUS_DSN\n")
		return describe(ctx, db)
	}
	bench.res, err = corpus.Build(ctx, db.SQL(), corpus.Options{Resolutions: n, Seed: 1, Log: func(f string, args ...any) {
		fmt.Fprintf(os.Stderr, f+"\n", args...)
	}})
	return err
}

// describe reads back what an earlier run built.
func describe(ctx context.Context, db *storage.DB) error {
	row := db.SQL().QueryRowContext(ctx, `SELECT c.id, c.name, c.channel_id,
		(SELECT count(*) FROM minutes mi WHERE mi.committee_id = c.id)
		FROM committees c WHERE c.team_id = $1 AND c.channel_id = 'C0'`, corpus.BenchTeam)
	var c corpus.Committee
	if err := row.Scan(&c.ID, &c.Name, &c.ChannelID, &c.Minutes); err != nil {
		return err
	}
	c.TeamID = corpus.BenchTeam
	bench.res.Committees = []corpus.Committee{c}
	bench.res.RareWords = corpus.RareSubjects()
	return nil
}

// latencies runs each text as /resolution in turn, b.N times in all, and
// reports the 50th and 99th percentile latencies.
func latencies(b *testing.B, svc *commands.Service, channel string, texts []string) {
	b.Helper()
	lat := make([]time.Duration, 0, b.N)
	empty := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		r := resolution(b, svc, channel, texts[i%len(texts)])
		lat = append(lat, time.Since(start))
		if len(r.Sections) == 0 {
			empty++
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(float64(len(lat))*p))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(empty)/float64(b.N), "no-match-share")
}

// BenchmarkResolutionSearch measures /resolution through the command core
// (committee lookup, search, reply) in the largest committee of the corpus.
func BenchmarkResolutionSearch(b *testing.B) {
	db, big := benchCorpus(b)
	svc := commands.New(db, nil)
	rare := []string{}
	for _, w := range bench.res.RareWords {
		if !slices.Contains(rare, w) {
			rare = append(rare, w)
		}
	}
	b.Logf("corpus: %d resolutions; searching %s (%d minutes); %d rare subjects", bench.res.Resolutions, big.Name, big.Minutes, len(rare))
	cases := []struct {
		name  string
		texts []string
	}{
		{"common", []string{"report noted", "minutes confirmed correct record", "next meeting", "report", "partnership",
			"update noted", "approved", "further report future meeting", "thanked presentation", "reports noted organisations thanked"}},
		{"topic", []string{"youth anti-social behaviour", "domestic abuse strategy", `"alternative provision"`, "rename partnership",
			"violence against women and girls", "household support fund", "knife crime", "climate emergency action plan"}},
		{"phrase", []string{`"report be noted"`, `"alternative provision"`, `"violence against women and girls"`, `"domestic abuse"`}},
		// Two common words that never stand side by side. Unbounded, all
		// 23,364 minutes holding both would be read to find that none
		// holds the phrase; the search reads its window only (see
		// storage.SearchMinutes).
		{"phrase-absent", []string{`"report noted"`, `"noted report"`}},
		// Phrases of words that are not common, but only just: 8 or 9 of
		// the committee's 2,000 most recent minutes hold them (common is
		// 10), so every minute that holds them is read for the phrase: 334
		// to 584 in the million-resolution corpus, the most of any such
		// pairs found there. None holds the phrase.
		{"phrase-uncommon", []string{`"assist year"`, `"housing trust"`, `"term year"`, `"democratic health"`}},
		{"rare", rare},
		{"none", []string{"photosynthesis", "quantum chromodynamics", "zebra crossing giraffe"}},
		{"number", []string{"3", "28", "150", "minute 12", "7"}},
	}
	for _, tc := range cases {
		if len(tc.texts) == 0 {
			continue
		}
		b.Run(tc.name, func(b *testing.B) { latencies(b, svc, big.ChannelID, tc.texts) })
	}
}

var importDay = time.Date(1950, 1, 2, 0, 0, 0, 0, time.UTC)

// BenchmarkImportMinutes measures importing the seed minutes (ten minutes,
// eight resolutions, fourteen present, three apologies; the whole 80 kB
// agenda pack is read) into the corpus, each time as a new meeting.
func BenchmarkImportMinutes(b *testing.B) {
	db, big := benchCorpus(b)
	svc := commands.New(db, nil)
	pack := commands.SamplePack
	c, err := db.CommitteeByChannel(context.Background(), big.TeamID, big.ChannelID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("new", func(b *testing.B) {
		docs := make([]string, b.N)
		for i := range docs {
			importDay = importDay.AddDate(0, 0, 1)
			docs[i] = strings.Replace(pack, "ON 9 DECEMBER 2021", strings.ToUpper(importDay.Format("ON 2 January 2006")), 1)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			im, err := svc.ImportMinutes(context.Background(), c, docs[i], "bench")
			if err != nil || im.Outcome != commands.MinutesImported {
				b.Fatalf("import %d: %v %v", i, im.Outcome, err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	})
	b.Run("unchanged", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := svc.ImportMinutes(context.Background(), c, pack, "bench"); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	})
}
