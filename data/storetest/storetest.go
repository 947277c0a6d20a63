// Package storetest is the conformance suite of Chronoscope's stores: one set of store
// tests, with the same cases and the same expected results, that the SQLite store (data)
// and the PostgreSQL store (data/postgres) both run from their own tests through Run.
// Only tests import it.
package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// Store is what the suite needs of a store: the case, its lanes, and puts streamed a
// chunk at a time.
type Store interface {
	timeline.Store
	timeline.LaneKeeper
	PutStream(ctx context.Context, size int, produce func(put func([]timeline.Event) error) error) (timeline.PutResult, error)
}

// Opener opens the stores of one test.
type Opener struct {
	// New makes a new, empty, writable case whose clock reads Now, closed when the test
	// ends.
	New func(t *testing.T) Store
	// Again opens the case s holds a second time, as another process or another analyst
	// would, with its clock at Now, closed when the test ends.
	Again func(t *testing.T, s Store) Store
}

// Now is the time a store's clock reads in the suite: every created and updated stamp.
var Now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

var ctx = context.Background()

// Run runs the whole suite against the stores o opens, each test as a subtest.
func Run(t *testing.T, o Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, o Opener)
	}{
		{"RoundTripEveryField", testRoundTripEveryField},
		{"DatesBCEAnd2263", testDatesBCEAnd2263},
		{"PutUpdatesAndCounts", testPutUpdatesAndCounts},
		{"PutIsAllOrNothing", testPutIsAllOrNothing},
		{"Delete", testDelete},
		{"DeleteManyAsASet", testDeleteManyAsASet},
		{"ReplaceIsOneTransaction", testReplaceIsOneTransaction},
		{"Filters", testFilters},
		{"Windows", testWindows},
		{"FullTextLatin", testFullTextLatin},
		{"FullTextCyrillic", testFullTextCyrillic},
		{"FullTextCJK", testFullTextCJK},
		{"NamesAndExtent", testNamesAndExtent},
		{"EachStreamsInPages", testEachStreamsInPages},
		{"MarksInOrderWithNames", testMarksInOrderWithNames},
		{"Lanes", testLanes},
		{"PutStream", testPutStream},
		{"PutStreamIsAllOrNothing", testPutStreamIsAllOrNothing},
		{"UndoRedo", testUndoRedo},
		{"UndoImport", testUndoImport},
		{"Versions", testVersions},
		{"Conflicts", testConflicts},
		{"ConflictInABigPut", testConflictInABigPut},
		{"UndoAfterAnotherEdit", testUndoAfterAnotherEdit},
		{"VersionOnEveryCommit", testVersionOnEveryCommit},
		{"AnotherStoresWrites", testAnotherStoresWrites},
		{"ConcurrentWriters", testConcurrentWriters},
		{"Errors", testErrors},
		{"SharedSources", testSharedSources},
		{"SharedSourceEditedThroughAnEvent", testSharedSourceEditedThroughAnEvent},
		{"SharedSourcesInALargeImport", testSharedSourcesInALargeImport},
		{"Notes", testNotes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, o) })
	}
}

// Put writes evs or fails the test.
func Put(t *testing.T, s timeline.Store, evs ...timeline.Event) timeline.PutResult {
	t.Helper()
	res, err := s.Put(ctx, evs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Event is an event with an id, a title, a start and an optional end (EDTF).
func Event(id, title, start, end string) timeline.Event {
	e := timeline.Event{ID: id, Title: title, Start: timeline.MustParseDate(start)}
	if end != "" {
		e.End = timeline.MustParseDate(end)
	}
	return e
}

// get reads one event or fails the test.
func get(t *testing.T, s timeline.Store, id string) timeline.Event {
	t.Helper()
	e, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// byID reads every event of the case, by id.
func byID(t *testing.T, s timeline.Store) map[string]timeline.Event {
	t.Helper()
	evs, err := s.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]timeline.Event{}
	for _, e := range evs {
		m[e.ID] = e
	}
	return m
}

// titles lists the titles of evs in order.
func titles(evs []timeline.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Title)
	}
	return out
}

// count is how many events f selects, or fails the test.
func count(t *testing.T, s timeline.Store, f timeline.Filter) int {
	t.Helper()
	n, err := s.Count(ctx, f)
	if err != nil {
		t.Fatalf("count %+v: %v", f, err)
	}
	return n
}

// selected checks that f selects exactly the events with the titles want, in Events,
// Count, Marks and Each alike.
func selected(t *testing.T, s timeline.Store, name string, f timeline.Filter, want ...string) {
	t.Helper()
	sort.Strings(want)
	evs, err := s.Events(ctx, f)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	got := titles(evs)
	sort.Strings(got)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: events %q, want %q", name, got, want)
	}
	if n := count(t, s, f); n != len(want) {
		t.Errorf("%s: count %d, want %d", name, n, len(want))
	}
	marks, err := s.Marks(ctx, f)
	if err != nil || marks.Len() != len(want) {
		t.Errorf("%s: %d marks (%v), want %d", name, marks.Len(), err, len(want))
	}
	var marked []string
	for i := range marks.Len() {
		marked = append(marked, marks.Title(i))
		if i > 0 && marks.StartLo(i) < marks.StartLo(i-1) {
			t.Errorf("%s: marks not earliest first at %d", name, i)
		}
	}
	sort.Strings(marked)
	if strings.Join(marked, "|") != strings.Join(want, "|") {
		t.Errorf("%s: marks %q, want %q", name, marked, want)
	}
	n := 0
	if err := s.Each(ctx, f, func(timeline.Event) error { n++; return nil }); err != nil || n != len(want) {
		t.Errorf("%s: Each gave %d (%v), want %d", name, n, err, len(want))
	}
}

// numbered makes n events "<prefix> i" with ids "<prefix>-i", each with a source, an
// actor and one of three lanes.
func numbered(prefix string, n int) []timeline.Event {
	evs := make([]timeline.Event, n)
	for i := range evs {
		e := Event(fmt.Sprintf("%s-%05d", prefix, i), fmt.Sprintf("%s %d", prefix, i), fmt.Sprintf("2023-%02d-%02d", i%12+1, i%28+1), "")
		e.Actors = []string{"Kim Jong-un"}
		e.Lane = fmt.Sprintf("Lane %d", i%3)
		e.Sources = []timeline.Source{{Title: fmt.Sprint("source ", i)}}
		evs[i] = e
	}
	return evs
}

// Chunked hands evs to a PutStream's put in chunks of n, through one reused buffer.
func Chunked(evs []timeline.Event, n int) func(put func([]timeline.Event) error) error {
	return func(write func([]timeline.Event) error) error {
		buf := make([]timeline.Event, 0, n)
		for _, e := range evs {
			buf = append(buf, e)
			if len(buf) == n {
				if err := write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
		if len(buf) > 0 {
			return write(buf)
		}
		return nil
	}
}
