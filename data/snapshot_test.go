package data

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// withSnapshots makes every case of the test keep a snapshot, however small.
func withSnapshots(t *testing.T) {
	t.Helper()
	old := snapshotMin
	snapshotMin = 1
	t.Cleanup(func() { snapshotMin = old })
}

// varied is n events of every shape the marks carry: lanes or none, actors and tags in
// order (a name both a lane and an actor), spans, fuzzy and BCE dates, each importance.
func varied(rng *rand.Rand, prefix string, n int) []timeline.Event {
	lanes := []string{"", "Diplomacy", "Military", "Ann"}
	names := []string{"Ann", "Bob", "Кира", "趙"}
	starts := []string{"2023-09-13", "2023-09~", "1951", "-0044-03-15", "2001-09-11T08:46:00Z", "1990-XX"}
	evs := make([]timeline.Event, n)
	for i := range evs {
		e := event(fmt.Sprintf("%s-%d", prefix, i), fmt.Sprintf("%s event %d %s", prefix, i, names[rng.IntN(4)]),
			starts[rng.IntN(len(starts))], "")
		if rng.IntN(4) == 0 {
			e.End = timeline.MustParseDate("2024-0" + fmt.Sprint(1+rng.IntN(9)))
		}
		e.Lane = lanes[rng.IntN(len(lanes))]
		for k := rng.IntN(3); k > 0; k-- {
			e.Actors = append(e.Actors, names[rng.IntN(len(names))])
		}
		if rng.IntN(2) == 0 {
			e.Tags = []string{"summit", names[rng.IntN(len(names))]}
		}
		e.Actors, e.Tags = timeline.CleanList(e.Actors), timeline.CleanList(e.Tags)
		e.Importance = 1 + rng.IntN(5)
		evs[i] = e
	}
	return evs
}

// fromEvents reads the marks of every event from the events table alone, in one read:
// what the snapshot and its changes must always equal.
func fromEvents(t *testing.T, s *Store) *timeline.Marks {
	t.Helper()
	var m *timeline.Marks
	if err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = readMarks(ctx, tx, timeline.Filter{})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return m
}

// sameMarks fails unless got holds the marks of want, row ids included, in one order.
func sameMarks(t *testing.T, what string, got, want *timeline.Marks) {
	t.Helper()
	if got.Len() != want.Len() || !reflect.DeepEqual(got.All(), want.All()) {
		t.Fatalf("%s: %d marks, not the %d the events hold", what, got.Len(), want.Len())
	}
	for i := range got.Len() {
		if got.Row(i) != want.Row(i) {
			t.Fatalf("%s: mark %d has row %d, want %d", what, i, got.Row(i), want.Row(i))
		}
	}
}

func snapshotState(t *testing.T, s *Store) marksState {
	t.Helper()
	st, ok, err := readMarksState(ctx, s.r)
	if err != nil || !ok {
		t.Fatalf("marks state: %v %v", ok, err)
	}
	return st
}

func reopen(t *testing.T, s *Store) *Store {
	t.Helper()
	o, err := Open(s.Path(), OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

func marksOf(t *testing.T, s *Store) *timeline.Marks {
	t.Helper()
	m, err := s.Marks(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSnapshotFollowsEveryChange: whatever two processes do to a case (add, edit, delete,
// build the snapshot again, in any order), each reads exactly the marks the events hold,
// from its cache, its cache and the changes since, or the snapshot and the changes since.
func TestSnapshotFollowsEveryChange(t *testing.T) {
	withSnapshots(t)
	rng := rand.New(rand.NewPCG(7, 7))
	a := newStore(t)
	put(t, a, varied(rng, "first", 300)...)
	if err := a.RefreshMarks(ctx); err != nil {
		t.Fatal(err)
	}
	if st := snapshotState(t, a); st.built == 0 || !st.logging || st.maxRow != st.maxID {
		t.Fatalf("after RefreshMarks: %+v", st)
	}
	b := reopen(t, a)
	sameMarks(t, "a fresh process reads the snapshot", marksOf(t, b), fromEvents(t, a))
	stores := []*Store{a, b}
	for step := range 60 {
		w := stores[rng.IntN(2)]
		switch op := rng.IntN(5); op {
		case 0:
			put(t, w, varied(rng, fmt.Sprintf("add%d", step), 1+rng.IntN(30))...)
		case 1, 2:
			all := fromEvents(t, w)
			var edits []timeline.Event
			for k := rng.IntN(20); k > 0 && all.Len() > 0; k-- {
				e := varied(rng, "edit", 1)[0]
				e.ID = all.ID(rng.IntN(all.Len()))
				edits = append(edits, e)
			}
			put(t, w, dedupe(edits, func(e timeline.Event) string { return e.ID })...)
		case 3:
			all := fromEvents(t, w)
			var ids []string
			for k := rng.IntN(15); k > 0 && all.Len() > 0; k-- {
				ids = append(ids, all.ID(rng.IntN(all.Len())))
			}
			if ids = dedupe(ids, func(id string) string { return id }); len(ids) > 0 {
				if err := w.Delete(ctx, ids...); err != nil {
					t.Fatal(err)
				}
			}
		case 4:
			if err := w.RefreshMarks(ctx); err != nil {
				t.Fatal(err)
			}
		}
		want := fromEvents(t, a)
		for k, s := range stores {
			sameMarks(t, fmt.Sprintf("step %d (op on store %d), store %d", step, indexOf(stores, w), k), marksOf(t, s), want)
		}
		if rng.IntN(10) == 0 {
			c := reopen(t, a)
			sameMarks(t, fmt.Sprintf("step %d, a new process", step), marksOf(t, c), want)
		}
	}
}

func indexOf(stores []*Store, s *Store) int {
	for i, x := range stores {
		if x == s {
			return i
		}
	}
	return -1
}

// dedupe keeps the first of the items with each key.
func dedupe[T any](items []T, key func(T) string) []T {
	seen := map[string]bool{}
	var out []T
	for _, x := range items {
		if k := key(x); !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

// TestSnapshotBuiltWhileWriting: a snapshot built while another process writes misses
// nothing: the changes made during the build are logged after it, and two builds at once
// leave one snapshot.
func TestSnapshotBuiltWhileWriting(t *testing.T) {
	withSnapshots(t)
	rng := rand.New(rand.NewPCG(8, 8))
	a := newStore(t)
	put(t, a, varied(rng, "base", 2000)...)
	b, c := reopen(t, a), reopen(t, a)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for _, s := range []*Store{a, c} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				errs <- s.RefreshMarks(ctx)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		r := rand.New(rand.NewPCG(9, 9))
		for i := range 20 {
			evs := varied(r, fmt.Sprintf("during%d", i), 20)
			evs[0].ID = fmt.Sprintf("base-%d", r.IntN(2000)) // an edit of an event the snapshot holds
			if _, err := b.Put(ctx, evs, nil); err != nil {
				errs <- err
			}
			if err := b.Delete(ctx, fmt.Sprintf("base-%d", i)); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := fromEvents(t, a)
	for k, s := range []*Store{a, b, c, reopen(t, a)} {
		sameMarks(t, fmt.Sprintf("store %d", k), marksOf(t, s), want)
	}
	var generations int
	a.r.QueryRow("SELECT count(DISTINCT generation) FROM marks_columns").Scan(&generations)
	if generations != 1 {
		t.Errorf("%d snapshots kept, want 1", generations)
	}
}

// TestSnapshotRebuiltInTheBackground: a case without a snapshot gets one after its marks
// are read, and one far behind its events gets a new one.
func TestSnapshotRebuiltInTheBackground(t *testing.T) {
	withSnapshots(t)
	rng := rand.New(rand.NewPCG(1, 1))
	s := newStore(t)
	put(t, s, varied(rng, "x", 100)...)
	marksOf(t, s)
	s.snap.bg.Wait()
	first := snapshotState(t, s)
	if first.built == 0 {
		t.Fatal("no snapshot built after the marks were read")
	}
	put(t, s, varied(rng, "y", rebuildAt(100)+1)...)
	marksOf(t, s)
	s.snap.bg.Wait()
	if st := snapshotState(t, s); st.built == first.built || st.maxRow != st.maxID {
		t.Errorf("a snapshot far behind was not built again: %+v, before %+v", st, first)
	}
	put(t, s, varied(rng, "z", 3)...)
	marksOf(t, s)
	s.snap.bg.Wait()
	if st := snapshotState(t, s); st.maxRow == st.maxID {
		t.Errorf("a snapshot three events behind was built again: %+v", st)
	}
}

// TestSnapshotThatCannotBeRead: a damaged or foreign snapshot is passed over (the marks
// come from the events) and built again.
func TestSnapshotThatCannotBeRead(t *testing.T) {
	withSnapshots(t)
	s := newStore(t)
	put(t, s, varied(rand.New(rand.NewPCG(2, 2)), "x", 50)...)
	if err := s.RefreshMarks(ctx); err != nil {
		t.Fatal(err)
	}
	for _, spoil := range []string{
		"UPDATE marks_columns SET data = x'00' WHERE part = 3",                         // a column cut short
		"UPDATE marks_columns SET data = x'0001020304' WHERE part = 0",                 // no header
		"DELETE FROM marks_columns WHERE part = (SELECT max(part) FROM marks_columns)", // a part gone
		"UPDATE marks_columns SET data = zeroblob(length(data)) WHERE part = 9",        // offsets all 0
	} {
		if _, err := s.w.Exec(spoil); err != nil {
			t.Fatal(err)
		}
		before := snapshotState(t, s)
		c := reopen(t, s)
		sameMarks(t, spoil, marksOf(t, c), fromEvents(t, s))
		c.snap.bg.Wait()
		after := snapshotState(t, s)
		if after.built == before.built {
			t.Fatalf("%s: not built again", spoil)
		}
		if err := s.readTx(ctx, func(tx *sql.Tx) error { _, err := loadSnapshot(ctx, tx, after.built); return err }); err != nil {
			t.Fatalf("%s: the snapshot built again cannot be read: %v", spoil, err)
		}
		sameMarks(t, spoil+", built again", marksOf(t, reopen(t, s)), fromEvents(t, s))
	}
}

// TestInvalidateMarks: a dropped snapshot logs nothing, and the marks stay exact.
func TestInvalidateMarks(t *testing.T) {
	withSnapshots(t)
	rng := rand.New(rand.NewPCG(3, 3))
	s := newStore(t)
	put(t, s, varied(rng, "x", 100)...)
	if err := s.RefreshMarks(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.writeTx(ctx, func(tx *sql.Tx) error { return invalidateMarks(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "x-1", "x-2"); err != nil {
		t.Fatal(err)
	}
	var logged int
	s.r.QueryRow("SELECT count(*) FROM marks_dirty").Scan(&logged)
	if st := snapshotState(t, s); st.built != 0 || st.logging || logged != 0 {
		t.Errorf("after invalidateMarks: %+v, %d logged", st, logged)
	}
	sameMarks(t, "no snapshot", marksOf(t, reopen(t, s)), fromEvents(t, s))
}

// TestSnapshotColumnsStayPut: the columns a snapshot is read into are the driver's
// buffers; later reads (events, counts, another snapshot) must leave them as they were.
func TestSnapshotColumnsStayPut(t *testing.T) {
	withSnapshots(t)
	s := newStore(t)
	put(t, s, varied(rand.New(rand.NewPCG(4, 4)), "x", 400)...)
	if err := s.RefreshMarks(ctx); err != nil {
		t.Fatal(err)
	}
	c := reopen(t, s)
	got := marksOf(t, c)
	before := got.All()
	for range 3 {
		c.Events(ctx, timeline.Filter{})
		c.Count(ctx, timeline.Filter{Query: "event"})
		gen := snapshotState(t, c).built
		if err := c.readTx(ctx, func(tx *sql.Tx) error { _, err := loadSnapshot(ctx, tx, gen); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(got.All(), before) {
		t.Error("marks read from the snapshot changed under later reads")
	}
}

// TestMarksOfAnOlderReadOnlyCase: a case of schema 6 opened read-only (so not migrated)
// has no snapshot tables; its marks are read from its events.
func TestMarksOfAnOlderReadOnlyCase(t *testing.T) {
	withSnapshots(t)
	s := newStore(t)
	put(t, s, varied(rand.New(rand.NewPCG(5, 5)), "x", 30)...)
	want := fromEvents(t, s)
	if _, err := s.w.Exec("DROP TABLE marks_state; DROP TABLE marks_columns; DROP TABLE marks_dirty; PRAGMA user_version = 6"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(s.Path(), 0o444); err != nil {
		t.Fatal(err)
	}
	ro := reopen(t, s)
	if !ro.ReadOnly() {
		t.Fatal("a case with no write permission opened for writing")
	}
	sameMarks(t, "read-only schema 6", marksOf(t, ro), want)
}
