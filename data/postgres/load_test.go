package postgres_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// synthetic is n events a minute apart from 2000 on, some of them week-long spans, with
// words and names to search, in three lanes.
func synthetic(n int) []timeline.Event {
	evs := make([]timeline.Event, n)
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range evs {
		at := base.Add(time.Duration(i) * time.Hour)
		e := storetest.Event(fmt.Sprintf("ev%07d", i), fmt.Sprintf("Report %d from the border", i), at.Format("2006-01-02T15:04:05Z"), "")
		if i%50 == 0 {
			e.End = timeline.MustParseDate(at.Add(7 * 24 * time.Hour).Format("2006-01-02T15:04:05Z"))
		}
		e.Lane = fmt.Sprintf("Lane %d", i%3)
		e.Actors = []string{fmt.Sprintf("Actor %d", i%97)}
		e.Description = "会面 встреча meeting " + fmt.Sprint(i%1000)
		evs[i] = e
	}
	return evs
}

// The window query runs on the GiST index of int8range(earliest, latest), and the query
// an analyst's store sends reads the events it names by their key: no scan of the case,
// row-level security and all.
func TestWindowQueryUsesTheIndex(t *testing.T) {
	tm := newTeam(t)
	s := tm.open(t, tm.writer, "big", true)
	evs := synthetic(20000)
	start := time.Now()
	if _, err := s.PutStream(ctx, len(evs), storetest.Chunked(evs, 5000)); err != nil {
		t.Fatal(err)
	}
	t.Logf("20000 events streamed in %v", time.Since(start))
	su := tm.raw(t, "postgres")
	if _, err := su.Exec(ctx, "ANALYZE chronoscope.events"); err != nil {
		t.Fatal(err)
	}
	explain := func(conn *pgx.Conn, q string, args ...any) string {
		rows, err := conn.Query(ctx, "EXPLAIN "+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var lines []string
		for rows.Next() {
			var l string
			rows.Scan(&l)
			lines = append(lines, l)
		}
		return strings.Join(lines, "\n")
	}
	var id int64
	su.QueryRow(ctx, "SELECT id FROM chronoscope.cases WHERE name = 'big'").Scan(&id)
	from, to := timeline.MustParseDate("2001-03-01").Earliest, timeline.MustParseDate("2001-03-07").Latest
	inner := explain(su, "SELECT id FROM chronoscope.events WHERE case_id = $1 AND span && int8range($2, $3, '[]')", id, from, to)
	if !strings.Contains(inner, "events_window") {
		t.Errorf("the window does not use events_window:\n%s", inner)
	}
	w := tm.raw(t, tm.writer)
	outer := explain(w, `SELECT e.id FROM chronoscope.events e WHERE e.case_id = $1 AND e.id IN
		(SELECT chronoscope.matching($1, $2::bigint, $3::bigint, NULL, NULL, NULL, NULL))`, id, from, to)
	if strings.Contains(outer, "Seq Scan on events") || !strings.Contains(outer, "events_pkey") {
		t.Errorf("an analyst's window query scans:\n%s", outer)
	}
	f := timeline.Filter{From: from, To: to, HasFrom: true, HasTo: true}
	want := 0
	for _, e := range evs {
		if e.Earliest() <= to && e.Latest() >= from {
			want++
		}
	}
	if n, err := s.Count(ctx, f); err != nil || n != want {
		t.Errorf("a week holds %d events (%v), want %d", n, err, want)
	}
}

// Eight analysts add and edit on one case at once, each from their own store: nothing is
// lost, and every edit that started from a version someone else had replaced was refused
// with a conflict (and tried again on the new version) instead of overwriting.
func TestEightAnalystsLoseNothing(t *testing.T) {
	tm := newTeam(t)
	a, err := postgres.Connect(ctx, tm.url(t, tm.admin, ""), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	admin := tm.open(t, tm.admin, "eight", true)
	shared := make([]timeline.Event, 4)
	for i := range shared {
		shared[i] = storetest.Event(fmt.Sprintf("shared-%d", i), fmt.Sprintf("Shared %d", i), "2023-09-13", "")
	}
	storetest.Put(t, admin, shared...)
	const analysts, adds, edits = 8, 20, 10
	stores := make([]*postgres.Store, analysts)
	for i := range stores {
		who := tm.analyst(t)
		if err := a.Grant(ctx, "eight", who, "write"); err != nil {
			t.Fatal(err)
		}
		stores[i] = tm.open(t, who, "eight", false)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	saved, conflicts, failures := 0, 0, 0
	for w, s := range stores {
		wg.Add(1)
		go func(w int, s *postgres.Store) {
			defer wg.Done()
			for i := 0; i < adds; i++ {
				if _, err := s.Put(ctx, []timeline.Event{storetest.Event(fmt.Sprintf("a%d-%d", w, i), "added", "2023-09-14", "")}, nil); err != nil {
					mu.Lock()
					failures++
					mu.Unlock()
					t.Errorf("add: %v", err)
				}
			}
			for done := 0; done < edits; done++ {
				c, err := storetest.AppendUntilSaved(s, shared[(w+done)%len(shared)].ID, fmt.Sprintf("[%d.%d]", w, done))
				mu.Lock()
				conflicts += c
				if err == nil {
					saved++
				} else {
					failures++
					t.Errorf("edit: %v", err)
				}
				mu.Unlock()
			}
		}(w, s)
	}
	wg.Wait()
	if n, _ := admin.Count(ctx, timeline.Filter{Query: "added"}); n != analysts*adds {
		t.Errorf("%d of %d adds kept", n, analysts*adds)
	}
	versions, lost := int64(0), 0
	for _, sh := range shared {
		e, err := admin.Get(ctx, sh.ID)
		if err != nil {
			t.Fatal(err)
		}
		versions += e.Version - 1
		for w := 0; w < analysts; w++ {
			for d := 0; d < edits; d++ {
				if (w+d)%len(shared) == indexOf(shared, sh.ID) && !strings.Contains(e.Description, fmt.Sprintf("[%d.%d]", w, d)) {
					lost++
				}
			}
		}
	}
	if saved != analysts*edits || versions != int64(saved) || lost != 0 || failures != 0 {
		t.Errorf("%d edits saved, %d new versions, %d lost, %d failures; want %d, %d, 0, 0", saved, versions, lost, failures, analysts*edits, analysts*edits)
	}
	t.Logf("8 analysts: %d adds kept of %d, %d edits saved, %d conflicts shown and retried, %d lost", analysts*adds, analysts*adds, saved, conflicts, lost)
}

func indexOf(evs []timeline.Event, id string) int {
	for i, e := range evs {
		if e.ID == id {
			return i
		}
	}
	return -1
}
