package storetest

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// Every event has a version: 1 when added, one more with each Put that changes it,
// written back into the events given.
func testVersions(t *testing.T, o Opener) {
	s := o.New(t)
	evs := []timeline.Event{Event("a", "A", "2023", "")}
	Put(t, s, evs...)
	if evs[0].Version != 1 || get(t, s, "a").Version != 1 {
		t.Errorf("a new event is at version %d (stored %d), want 1", evs[0].Version, get(t, s, "a").Version)
	}
	evs[0].Title = "A edited"
	Put(t, s, evs...)
	if evs[0].Version != 2 || get(t, s, "a").Version != 2 {
		t.Errorf("after an edit: version %d (stored %d), want 2", evs[0].Version, get(t, s, "a").Version)
	}
	Put(t, s, evs...) // unchanged: no new version
	if evs[0].Version != 2 || get(t, s, "a").Version != 2 {
		t.Errorf("after an unchanged Put: version %d (stored %d), want 2", evs[0].Version, get(t, s, "a").Version)
	}
	blind := Event("a", "A overwritten by an import", "2023", "") // no version: written over whatever is stored
	Put(t, s, blind)
	if e := get(t, s, "a"); e.Version != 3 || e.Title != blind.Title {
		t.Errorf("after a Put without a version: %q version %d", e.Title, e.Version)
	}
	// Versions of a big Put (the bulk path of a store) are written back too.
	many := numbered("many", 2500)
	Put(t, s, many...)
	if many[0].Version != 1 || many[2499].Version != 1 {
		t.Errorf("big Put wrote back versions %d and %d", many[0].Version, many[2499].Version)
	}
	if m := get(t, s, many[1234].ID); m.Version != 1 {
		t.Errorf("an event of a big Put is at version %d", m.Version)
	}
}

// An edit saves only over the version it started from: otherwise the Put fails with a
// ConflictError carrying both sides, and nothing is written.
func testConflicts(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("e", "Summit", "2023-09-13", ""), Event("other", "Other", "2023", ""))
	b := o.Again(t, s)
	mine := get(t, b, "e") // analyst B opens the event at version 1
	theirs := get(t, s, "e")
	theirs.Lane = "Diplomacy"
	Put(t, s, theirs) // analyst A saves first: version 2
	mine.Title = "Summit at Vostochny"
	other := get(t, b, "other")
	other.Title = "Other, edited"
	edits := []timeline.Event{other, mine}
	_, err := b.Put(ctx, edits, nil)
	var ce *timeline.ConflictError
	var pe *timeline.PutError
	if !errors.As(err, &ce) || !errors.Is(err, timeline.ErrConflict) || !errors.As(err, &pe) || pe.Index != 1 {
		t.Fatalf("a stale edit = %v, want a ConflictError for event 2", err)
	}
	if got := fmt.Sprint(ce.Deleted, ce.Mine.Version, ce.Theirs.Version, ce.Fields()); got != "false 1 2 [{title Summit at Vostochny Summit} {lane  Diplomacy}]" {
		t.Errorf("conflict (deleted, versions, fields) = %s", got)
	}
	if edits[0].Version != 1 || edits[1].Version != 1 {
		t.Errorf("a failed Put changed the versions it was given: %d %d", edits[0].Version, edits[1].Version)
	}
	if e := get(t, s, "e"); e.Title != "Summit" || e.Version != 2 || get(t, s, "other").Title != "Other" {
		t.Errorf("a Put with a conflict wrote something: %+v", e)
	}
	// The analyst keeps their title and the other's lane, and saves over version 2.
	Put(t, b, ce.Merge("title"))
	if e := get(t, s, "e"); e.Title != "Summit at Vostochny" || e.Lane != "Diplomacy" || e.Version != 3 {
		t.Errorf("after the merge: %+v", e)
	}
	// A stale version with nothing changed is no conflict.
	stale := []timeline.Event{get(t, s, "e")}
	stale[0].Version = 1
	if res := Put(t, b, stale...); res.Unchanged != 1 || stale[0].Version != 3 {
		t.Errorf("an unchanged event at a stale version = %+v, version %d", res, stale[0].Version)
	}
	testConflictWithADelete(t, s, b)
}

// testConflictWithADelete edits in b an event s deletes meanwhile.
func testConflictWithADelete(t *testing.T, s, b Store) {
	var ce *timeline.ConflictError
	gone := get(t, b, "other")
	if err := s.Delete(ctx, "other"); err != nil {
		t.Fatal(err)
	}
	gone.Title = "Edited after the delete"
	_, err := b.Put(ctx, []timeline.Event{gone}, nil)
	if !errors.As(err, &ce) || !ce.Deleted || ce.Mine.Title != gone.Title {
		t.Fatalf("an edit of a deleted event = %v", err)
	}
	if _, err := s.Get(ctx, "other"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("the deleted event came back: %v", err)
	}
	Put(t, b, ce.Merge()) // the analyst adds it back
	if e := get(t, s, "other"); e.Title != gone.Title || e.Version != 1 {
		t.Errorf("added back: %+v", e)
	}
}

// A conflict in a big Put (a store's bulk path) fails it whole too.
func testConflictInABigPut(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("e", "E", "2023", ""))
	stale := get(t, s, "e")
	edit := stale
	edit.Title = "E edited"
	Put(t, s, edit)
	stale.Title = "E, stale edit"
	evs := append(numbered("many", 2500), stale)
	_, err := s.Put(ctx, evs, nil)
	var ce *timeline.ConflictError
	if !errors.As(err, &ce) || ce.Theirs.Title != "E edited" {
		t.Fatalf("big Put with a stale edit = %v", err)
	}
	if n := count(t, s, timeline.Filter{}); n != 1 {
		t.Errorf("%d events after a failed big Put, want 1", n)
	}
	if _, err := s.PutStream(ctx, 0, Chunked(evs, 1000)); !errors.As(err, &ce) {
		t.Errorf("PutStream with a stale edit = %v", err)
	}
	if n := count(t, s, timeline.Filter{}); n != 1 {
		t.Errorf("%d events after a failed PutStream, want 1", n)
	}
}

// An undo saves over the version the history saved: when someone else edited the event
// since, it refuses with a conflict and their edit stays.
func testUndoAfterAnotherEdit(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("e", "E", "2023", ""))
	h := timeline.NewHistory(s)
	before := get(t, s, "e")
	after := before
	after.Title = "E, mine"
	if err := h.Apply(ctx, &timeline.Change{Label: "edit", Before: []timeline.Event{before}, After: []timeline.Event{after}}); err != nil {
		t.Fatal(err)
	}
	b := o.Again(t, s)
	theirs := get(t, b, "e")
	theirs.Description = "theirs"
	Put(t, b, theirs)
	if _, _, err := h.Undo(ctx); !errors.Is(err, timeline.ErrConflict) {
		t.Fatalf("undo over someone else's edit = %v, want a conflict", err)
	}
	if e := get(t, s, "e"); e.Title != "E, mine" || e.Description != "theirs" {
		t.Errorf("after the refused undo: %+v", e)
	}
	if h.UndoLabel() != "edit" {
		t.Errorf("the refused undo left the history at %q", h.UndoLabel())
	}
	// Undo and redo of one's own edits go on working.
	h2 := timeline.NewHistory(s)
	cur := get(t, s, "e")
	next := cur
	next.Title = "E, again"
	if err := h2.Apply(ctx, &timeline.Change{Label: "edit", Before: []timeline.Event{cur}, After: []timeline.Event{next}}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, _, err := h2.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, err := h2.Redo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if e := get(t, s, "e"); e.Title != "E, again" || e.Version != 10 {
		t.Errorf("after undo and redo: %q version %d, want version 10", e.Title, e.Version)
	}
}

// Version moves when this store or another one commits, and stays put otherwise.
func testVersionOnEveryCommit(t *testing.T, o Opener) {
	s := o.New(t)
	v0, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Version(ctx); v != v0 {
		t.Errorf("version moved without a commit: %d -> %d", v0, v)
	}
	Put(t, s, Event("a", "A", "2023", ""))
	v1, _ := s.Version(ctx)
	if v1 == v0 {
		t.Error("version did not move after this store's commit")
	}
	b := o.Again(t, s)
	for _, step := range []struct {
		name  string
		write func() error
	}{
		{"an add", func() error { _, err := b.Put(ctx, []timeline.Event{Event("b", "B", "2023", "")}, nil); return err }},
		{"an edit", func() error {
			_, err := b.Put(ctx, []timeline.Event{Event("b", "B edited", "2023", "")}, nil)
			return err
		}},
		{"a delete", func() error { return b.Delete(ctx, "b") }},
		{"a lane", func() error { return b.SetLane(ctx, timeline.LaneInfo{Name: "L", Colour: "#000000"}) }},
		{"the case's description", func() error {
			info, _ := b.Info(ctx)
			info.Description = "changed"
			return b.SetInfo(ctx, info)
		}},
	} {
		before, _ := s.Version(ctx)
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if after, _ := s.Version(ctx); after == before {
			t.Errorf("version did not move after another store's commit of %s", step.name)
		}
	}
}

// What another store (another process, another analyst) writes is seen at once, window
// queries included.
func testAnotherStoresWrites(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("day", "A day", "2023-09-13", ""))
	f := timeline.Filter{From: timeline.MustParseDate("2023-09-01").Earliest, To: timeline.MustParseDate("2023-09-30").Latest, HasFrom: true, HasTo: true}
	if n := count(t, s, f); n != 1 {
		t.Fatalf("count = %d", n)
	}
	other := o.Again(t, s)
	Put(t, other, Event("decade", "A long span", "2015", "2025"))
	if n := count(t, s, f); n != 2 {
		t.Errorf("after another store added a span: count = %d; want 2", n)
	}
	day := get(t, other, "day")
	day.Title = "A day, retitled"
	Put(t, other, day)
	if e := get(t, s, "day"); e.Title != day.Title || e.Version != 2 {
		t.Errorf("another store's edit reads as %q version %d", e.Title, e.Version)
	}
}

// Writers on one case lose nothing: every add is kept, and every edit that saved
// counts, while the others see a conflict and try again on the new version.
func testConcurrentWriters(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("shared", "Shared", "2023", ""))
	stores := []timeline.Store{s, o.Again(t, s), o.Again(t, s), o.Again(t, s)}
	const adds, edits = 15, 8
	var wg sync.WaitGroup
	errs := make(chan error, 1000)
	var mu sync.Mutex
	saved, conflicts := 0, 0
	for w, st := range stores {
		wg.Add(1)
		go func(w int, st timeline.Store) {
			defer wg.Done()
			for i := 0; i < adds; i++ {
				if _, err := st.Put(ctx, []timeline.Event{Event(fmt.Sprintf("w%d-%d", w, i), "added", "2023-09-13", "")}, nil); err != nil {
					errs <- err
				}
			}
			for done := 0; done < edits; done++ {
				c, err := AppendUntilSaved(st, "shared", fmt.Sprintf("w%d.%d;", w, done))
				mu.Lock()
				conflicts += c
				if err == nil {
					saved++
				}
				mu.Unlock()
				if err != nil {
					errs <- err
					return
				}
			}
		}(w, st)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write failed: %v", err)
	}
	if n := count(t, s, timeline.Filter{Query: "added"}); n != len(stores)*adds {
		t.Errorf("%d events after %d concurrent adds", n, len(stores)*adds)
	}
	e := get(t, s, "shared")
	if saved != len(stores)*edits || e.Version != int64(1+saved) {
		t.Errorf("%d edits saved, version %d: want %d edits and version %d", saved, e.Version, len(stores)*edits, 1+len(stores)*edits)
	}
	for w := range stores {
		for i := 0; i < edits; i++ {
			if mark := fmt.Sprintf("w%d.%d;", w, i); !strings.Contains(e.Description, mark) {
				t.Errorf("edit %s was lost", mark)
			}
		}
	}
	t.Logf("%d edits saved, %d conflicts shown and retried", saved, conflicts)
}

func testErrors(t *testing.T, o Opener) {
	s := o.New(t)
	if _, err := s.Get(ctx, "missing"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("Get of a missing id = %v", err)
	}
	bad := Event("x", "X", "2023", "")
	bad.Importance = 9
	var fe *timeline.FieldError
	if _, err := s.Put(ctx, []timeline.Event{bad}, nil); !errors.As(err, &fe) || fe.Field != "importance" {
		t.Errorf("Put of importance 9 = %v", err)
	}
	bad = Event("x", "X", "2023", "")
	bad.Sources = []timeline.Source{{Title: "S", URL: "javascript:alert(1)"}}
	if _, err := s.Put(ctx, []timeline.Event{bad}, nil); !errors.As(err, &fe) {
		t.Errorf("Put of a javascript: URL = %v", err)
	}
	if err := s.SetInfo(ctx, timeline.CaseInfo{Name: "  "}); !errors.As(err, &fe) {
		t.Errorf("SetInfo with no name = %v", err)
	}
	if _, err := s.Names(ctx, timeline.NameKind(42)); err == nil {
		t.Errorf("Names of an unknown kind gave no error")
	}
	if s.ReadOnly() {
		t.Errorf("a new case is read-only")
	}
	if n := count(t, s, timeline.Filter{}); n != 0 {
		t.Errorf("failed writes left %d events", n)
	}
}

// AppendUntilSaved appends mark to the description of event id and saves it, as an
// analyst does who meets a conflict: read the event again, make the edit again on the
// new version, save again. It returns how many conflicts it met; any other error stops it.
func AppendUntilSaved(s timeline.Store, id, mark string) (conflicts int, err error) {
	for {
		e, err := s.Get(ctx, id)
		if err != nil {
			return conflicts, err
		}
		e.Description += mark
		_, err = s.Put(ctx, []timeline.Event{e}, nil)
		if !errors.Is(err, timeline.ErrConflict) {
			return conflicts, err
		}
		conflicts++
	}
}
