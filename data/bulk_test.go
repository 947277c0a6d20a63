package data

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// putChunks puts evs through the row-at-a-time path, in Puts smaller than bulkMin.
func putChunks(t *testing.T, s *Store, evs []timeline.Event) timeline.PutResult {
	t.Helper()
	var sum timeline.PutResult
	for lo := 0; lo < len(evs); lo += bulkMin - 1 {
		res := put(t, s, evs[lo:min(lo+bulkMin-1, len(evs))]...)
		sum.Added += res.Added
		sum.Updated += res.Updated
		sum.Unchanged += res.Unchanged
	}
	return sum
}

// sameCase fails unless a and b hold the same events, names, full text and windows: both
// before and after they build what their writes left to build (backlog.go).
func sameCase(t *testing.T, a, b *Store) {
	t.Helper()
	sameReads(t, a, b)
	for _, s := range []*Store{a, b} {
		if err := s.BuildIndex(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if ix, err := s.Indexing(ctx); err != nil || ix.Pending() {
			t.Fatalf("after BuildIndex: %+v %v", ix, err)
		}
	}
	sameReads(t, a, b)
	for _, s := range []*Store{a, b} {
		if _, err := s.w.ExecContext(ctx, "INSERT INTO events_fts (events_fts) VALUES ('integrity-check')"); err != nil {
			t.Errorf("%s: full-text index: %v", s.Path(), err)
		}
		var bad string
		if err := s.w.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&bad); err != nil || bad != "ok" {
			t.Errorf("%s: integrity_check: %s %v", s.Path(), bad, err)
		}
	}
	assertIndexes(t, a)
}

// sameReads fails unless a and b give the same events, names and marks for a set of
// searches and filters.
func sameReads(t *testing.T, a, b *Store) {
	t.Helper()
	ea, err := a.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	eb, err := b.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ea) != len(eb) {
		t.Fatalf("%d events against %d", len(ea), len(eb))
	}
	for i := range ea {
		if !reflect.DeepEqual(ea[i], eb[i]) {
			t.Fatalf("event %d differs:\n%+v\n%+v", i, ea[i], eb[i])
		}
	}
	for _, kind := range []timeline.NameKind{timeline.LaneNames, timeline.ActorNames, timeline.TagNames} {
		na, _ := a.Names(ctx, kind)
		nb, _ := b.Names(ctx, kind)
		if !reflect.DeepEqual(na, nb) {
			t.Errorf("names %d differ: %d against %d", kind, len(na), len(nb))
		}
	}
	year := func(y int) int64 { return timeline.MustParseDate(fmt.Sprint(y)).Earliest }
	filters := []timeline.Filter{
		{Query: "satellite"}, {Query: "Actor 7"}, {Query: "wire report 1234"}, {Query: "nuclear"},
		{Query: "delegation 12*"}, {Actors: []string{"Actor 3"}}, {Tags: []string{"oil Energy"}},
		{Lanes: []string{"Media"}}, {MinReliability: "B", MinCredibility: 2},
		{From: year(2001), To: year(2002), HasFrom: true, HasTo: true},
		{From: year(2010), HasFrom: true, Query: "ministry"},
	}
	for _, f := range filters {
		ma, err := a.Marks(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		mb, err := b.Marks(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if ma.Len() == 0 || !reflect.DeepEqual(ma.All(), mb.All()) {
			t.Errorf("%+v: %d marks against %d", f, ma.Len(), mb.Len())
		}
	}
}

// assertIndexes fails unless every index of the schema is there.
func assertIndexes(t *testing.T, s *Store) {
	t.Helper()
	for _, name := range append(rebuiltIndexes, "sources_event") {
		var n int
		if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", name).Scan(&n); err != nil || n != 1 {
			t.Errorf("index %s: %d (%v)", name, n, err)
		}
	}
}

func TestBulkPutMatchesRowPut(t *testing.T) {
	evs := benchEvents(bulkMin+3*bulkBatch+17, 7)
	bulk, rows := newStore(t), newStore(t)
	res := put(t, bulk, append([]timeline.Event(nil), evs...)...)
	if res != (timeline.PutResult{Added: len(evs)}) {
		t.Errorf("bulk put = %+v", res)
	}
	putChunks(t, rows, append([]timeline.Event(nil), evs...))
	sameCase(t, bulk, rows)

	// Again, into cases that hold them: some changed, some new, the rest unchanged.
	again := benchEvents(bulkMin+3*bulkBatch+17, 7)
	for i := 0; i < len(again); i += 10 {
		again[i].Title += " (revised)"
		again[i].Tags = append(again[i].Tags, "revised")
		again[i].Sources = append(again[i].Sources, timeline.Source{Title: "Correction", Reliability: "A", Credibility: 1})
	}
	more := benchEvents(bulkMin/2, 8)
	for i := range more {
		more[i].ID = fmt.Sprintf("more-%d", i)
	}
	again = append(again, more...)
	want := timeline.PutResult{Added: len(more), Updated: (len(evs) + 9) / 10, Unchanged: len(evs) - (len(evs)+9)/10}
	if res := put(t, bulk, append([]timeline.Event(nil), again...)...); res != want {
		t.Errorf("bulk put again = %+v, want %+v", res, want)
	}
	if res := putChunks(t, rows, append([]timeline.Event(nil), again...)); res != want {
		t.Errorf("row put again = %+v, want %+v", res, want)
	}
	sameCase(t, bulk, rows)
	if n, _ := bulk.Count(ctx, timeline.Filter{Query: "revised correction"}); n != want.Updated {
		t.Errorf("full text finds %d revised events, want %d", n, want.Updated)
	}
}

func TestBulkPutSharedIDs(t *testing.T) {
	evs := benchEvents(bulkMin+300, 3)
	// Three events repeat an earlier one's id: in the same batch, the next batch, and
	// unchanged; and some events have no id.
	evs[10].ID = evs[5].ID
	evs[bulkBatch+20].ID = evs[7].ID
	evs[bulkMin+100] = evs[50]
	evs[bulkMin+101].ID, evs[bulkMin+102].ID = "", ""
	bulk, rows := newStore(t), newStore(t)
	want := timeline.PutResult{Added: len(evs) - 3, Updated: 2, Unchanged: 1}
	rowEvs := append([]timeline.Event(nil), evs...)
	if res, err := bulk.Put(ctx, evs, nil); err != nil || res != want {
		t.Errorf("bulk put = %+v, %v, want %+v", res, err, want)
	}
	if evs[bulkMin+101].ID == "" || evs[bulkMin+101].ID == evs[bulkMin+102].ID {
		t.Errorf("events without ids got %q and %q", evs[bulkMin+101].ID, evs[bulkMin+102].ID)
	}
	rowEvs[bulkMin+101].ID, rowEvs[bulkMin+102].ID = evs[bulkMin+101].ID, evs[bulkMin+102].ID // to compare the cases
	if res := putChunks(t, rows, rowEvs); res != want {
		t.Errorf("row put = %+v, want %+v", res, want)
	}
	got, err := bulk.Get(ctx, evs[5].ID)
	if err != nil || got.Title != evs[10].Title {
		t.Errorf("shared id holds %q (%v), want the later %q", got.Title, err, evs[10].Title)
	}
	if n, _ := bulk.Count(ctx, timeline.Filter{Query: fmt.Sprintf("%q", evs[5].Title)}); n != 0 && evs[5].Title != evs[10].Title {
		t.Errorf("full text still finds the replaced title")
	}
	sameCase(t, bulk, rows)
}

func TestBulkPutIsAllOrNothing(t *testing.T) {
	for _, start := range []int{0, 40} {
		t.Run(fmt.Sprintf("case of %d", start), func(t *testing.T) {
			s := newStore(t)
			if start > 0 {
				put(t, s, benchEvents(start, 9)...)
			}
			before, err := s.Events(ctx, timeline.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			const n = bulkMin + 2*bulkBatch
			evs := benchEvents(n, 5)
			// Stop the Put half-way through its transaction.
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			_, err = s.Put(cctx, evs, func(done, total int) {
				if done > total/2 {
					cancel()
				}
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want canceled", err)
			}
			// An event or a source that the database refuses, after thousands were written
			// (the bulk path keeps sources in the event's row).
			if _, err := s.w.ExecContext(ctx, `CREATE TRIGGER poison_event BEFORE INSERT ON events
				WHEN NEW.uid = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned event'); END;
				CREATE TRIGGER poison_source BEFORE INSERT ON events
				WHEN NEW.sources_json LIKE '%"t":"poison"%' BEGIN SELECT RAISE(ABORT, 'poisoned source'); END`); err != nil {
				t.Fatal(err)
			}
			evs = benchEvents(n, 6)
			evs[n-5].ID = "poison"
			_, err = s.Put(ctx, evs, nil)
			var pe *PutError
			if !errors.As(err, &pe) || pe.Index != n-5 || !strings.Contains(err.Error(), "poisoned event") {
				t.Errorf("err = %v, want a PutError at %d", err, n-5)
			}
			evs = benchEvents(n, 6)
			evs[n-5].Sources[0].Title = "poison"
			if _, err = s.Put(ctx, evs, nil); !errors.As(err, &pe) || !strings.Contains(err.Error(), "poisoned source") {
				t.Errorf("err = %v, want a PutError", err)
			}
			after, err := s.Events(ctx, timeline.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(before, after) {
				t.Errorf("%d events before the failed Puts, %d after", len(before), len(after))
			}
			if n, _ := s.Count(ctx, timeline.Filter{Query: "satellite"}); start == 0 && n != 0 {
				t.Errorf("full text finds %d events of a failed Put", n)
			}
			assertIndexes(t, s)
			// The connection is back to its usual settings.
			var cache int
			if err := s.w.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil || cache != -2000 {
				t.Errorf("cache_size = %d (%v), want the default -2000", cache, err)
			}
		})
	}
}
