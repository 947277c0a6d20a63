package data

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// contents is what a case holds, event by event, without the stamps and versions a write
// gives (an undo writes the old content as a new version).
func contents(t *testing.T, s *Store) map[string]string {
	t.Helper()
	evs, err := s.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range evs {
		e.Created, e.Updated, e.Version = e.Created.UTC(), e.Updated.UTC(), 0
		out[e.ID] = fmt.Sprintf("%+v", e)
	}
	return out
}

// importBatch puts evs as one batch through a History, as the window imports a file.
func importBatch(t *testing.T, s *Store, h *timeline.History, evs []timeline.Event) timeline.Change {
	t.Helper()
	var c timeline.Change
	err := h.Do(func() (timeline.Change, error) {
		id, _, err := s.PutBatch(ctx, "import", len(evs), storetest.Chunked(evs, 1000))
		c = timeline.Change{Label: "import", Batch: id}
		return c, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// whole fails unless the case passes SQLite's checks, its full-text index included.
func whole(t *testing.T, s *Store, when string) {
	t.Helper()
	if _, err := s.w.ExecContext(ctx, "INSERT INTO events_fts (events_fts) VALUES ('integrity-check')"); err != nil {
		t.Errorf("%s: full-text index: %v", when, err)
	}
	var ok string
	if err := s.w.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("%s: integrity_check: %s %v", when, ok, err)
	}
}

// An import recorded as a batch into a case that holds other events (some of which it
// replaces, one twice): undo gives back the case as it was and redo the imported one,
// each in one step holding no event in the History; searches, filters and names are
// exact all along, before and after the index is built.
func TestBatchUndoRedo(t *testing.T) {
	s := newStore(t)
	old := benchEvents(1500, 3)
	put(t, s, old...)
	if err := s.BuildIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	evs := benchEvents(3000, 4)
	for i := range evs {
		evs[i].ID = fmt.Sprintf("new-%04d", i)
	}
	for i := range 20 { // replaces old events
		evs[i].ID, evs[i].Title = old[i].ID, "Replaced "+old[i].Title
	}
	evs[2500] = evs[2400]
	evs[2500].Title = "Written twice"
	evs[100] = evs[10]
	evs[100].Title = "An old one written twice"
	before := contents(t, s)
	h := timeline.NewHistory(s)
	c := importBatch(t, s, h, evs)
	if c.Before != nil || c.After != nil {
		t.Fatalf("the history holds the events: %d before, %d after", len(c.Before), len(c.After))
	}
	after := contents(t, s)
	reference := newStore(t) // the same import, row by row
	put(t, reference, benchEvents(1500, 3)...)
	putChunks(t, reference, append([]timeline.Event(nil), evs...))
	if !reflect.DeepEqual(after, contents(t, reference)) {
		t.Fatal("the batch wrote another case than a Put does")
	}
	for round, want := range []map[string]string{before, after, before, after} {
		var err error
		if round%2 == 0 {
			_, _, err = h.Undo(ctx)
		} else {
			_, _, err = h.Redo(ctx)
		}
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if got := contents(t, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: %d events, want %d", round, len(got), len(want))
		}
		ref := newStore(t)
		ref.KeepStamps = true // the same versions and stamps
		putChunks(t, ref, eventsOf(t, s))
		sameReads(t, s, ref)
		if err := s.BuildIndex(ctx, nil); err != nil {
			t.Fatal(err)
		}
		sameReads(t, s, ref)
		whole(t, s, fmt.Sprintf("round %d", round))
	}
}

// eventsOf is every event of s.
func eventsOf(t *testing.T, s *Store) []timeline.Event {
	t.Helper()
	evs, err := s.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// An import that is all the case holds is undone by emptying the tables whole, and redone
// under new row ids when events added since took its own.
func TestBatchUndoOfTheWholeCase(t *testing.T) {
	s := newStore(t)
	h := timeline.NewHistory(s)
	evs := benchEvents(4000, 5)
	importBatch(t, s, h, evs)
	if err := s.BuildIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	imported := contents(t, s)
	if _, _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	var n, fts, links int
	s.r.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM events_fts), (SELECT count(*) FROM event_actors)").Scan(&n, &fts, &links)
	if n != 0 || fts != 0 || links != 0 {
		t.Errorf("after the undo: %d events, %d full-text rows, %d links", n, fts, links)
	}
	whole(t, s, "after the undo")
	// An event another program adds meanwhile takes the first row id the batch had.
	put(t, s, storetest.Event("mine", "Added after the undo", "2024-01-01", ""))
	if _, _, err := h.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	got := contents(t, s)
	delete(got, "mine")
	if !reflect.DeepEqual(got, imported) {
		t.Errorf("redone: %d events, want the %d imported", len(got), len(imported))
	}
	if err := s.BuildIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Count(ctx, timeline.Filter{Query: "satellite"}); c == 0 {
		t.Error("the redone import is not searchable")
	}
	whole(t, s, "after the redo")
}

// An undo refuses, writing nothing, when an event of the batch changed since, by an edit
// or another program; a store forgets its batches when it closes.
func TestBatchUndoRefusesChanges(t *testing.T) {
	s := newStore(t)
	h := timeline.NewHistory(s)
	c := importBatch(t, s, h, benchEvents(2500, 6))
	e, err := s.Get(ctx, "ev-0000007")
	if err != nil {
		t.Fatal(err)
	}
	e.Title, e.Version = "Edited by another program", 0
	put(t, s, e)
	before := contents(t, s)
	if err := s.UndoBatch(ctx, c.Batch); !errors.Is(err, timeline.ErrBatchChanged) {
		t.Errorf("undo after an edit = %v, want ErrBatchChanged", err)
	}
	if !reflect.DeepEqual(contents(t, s), before) {
		t.Error("a refused undo changed the case")
	}
	e.Title = benchEvents(8, 6)[7].Title
	put(t, s, e) // back to what the import wrote: the undo may go on
	if err := s.UndoBatch(ctx, c.Batch); err != nil {
		t.Fatalf("undo once the edit was taken back = %v", err)
	}
	s.Close()
	raw, err := sql.Open("sqlite3", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var batches, tables int
	raw.QueryRow("SELECT (SELECT count(*) FROM batches), (SELECT count(*) FROM sqlite_master WHERE name LIKE 'batch\\_%' ESCAPE '\\' AND name <> 'batch_swaps')").Scan(&batches, &tables)
	if batches != 0 || tables != 0 {
		t.Errorf("after Close: %d batches and %d tables of batches kept", batches, tables)
	}
}
