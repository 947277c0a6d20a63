package data

import (
	"errors"
	"fmt"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func ids(t *testing.T, s *Store) map[string]timeline.Event {
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

func TestHistoryUndoRedo(t *testing.T) {
	s := newStore(t)
	h := timeline.NewHistory(s)

	// Add.
	add := timeline.Change{Label: "add", After: []timeline.Event{event("", "First", "2023-09-13", "")}}
	if err := h.Apply(ctx, &add); err != nil {
		t.Fatal(err)
	}
	id := add.After[0].ID
	if id == "" || len(ids(t, s)) != 1 {
		t.Fatalf("add did not write the event with a fresh id (%q)", id)
	}
	// Edit.
	edited := ids(t, s)[id]
	before := edited
	edited.Title = "First, edited"
	edited.Sources = []timeline.Source{{Title: "Wire", Reliability: "B", Credibility: 2}, {Title: "Record"}}
	if err := h.Apply(ctx, &timeline.Change{Label: "edit", Before: []timeline.Event{before}, After: []timeline.Event{edited}}); err != nil {
		t.Fatal(err)
	}
	// Delete the edited event, sources and all.
	withSources := ids(t, s)[id]
	if err := h.Apply(ctx, &timeline.Change{Label: "delete", Before: []timeline.Event{withSources}}); err != nil {
		t.Fatal(err)
	}
	if len(ids(t, s)) != 0 {
		t.Fatal("delete left the event")
	}
	if h.UndoLabel() != "delete" || h.RedoLabel() != "" {
		t.Errorf("labels = %q / %q", h.UndoLabel(), h.RedoLabel())
	}

	// Undo the delete: the event comes back with both sources and its creation stamp.
	c, ok, err := h.Undo(ctx)
	if err != nil || !ok || c.Label != "delete" {
		t.Fatalf("undo = %v %v %v", c.Label, ok, err)
	}
	back := ids(t, s)[id]
	if back.Title != "First, edited" || len(back.Sources) != 2 || back.Sources[0].Grade() != "B2" || !back.Created.Equal(withSources.Created) {
		t.Errorf("undone delete came back as %+v", back)
	}
	// Undo the edit, then the add.
	if _, _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if e := ids(t, s)[id]; e.Title != "First" || len(e.Sources) != 0 {
		t.Errorf("undone edit = %+v", e)
	}
	if _, _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if len(ids(t, s)) != 0 {
		t.Errorf("undone add left the event")
	}
	if _, ok, _ := h.Undo(ctx); ok {
		t.Errorf("undo with nothing left did something")
	}
	// Redo all three.
	for _, want := range []string{"add", "edit", "delete"} {
		c, ok, err := h.Redo(ctx)
		if err != nil || !ok || c.Label != want {
			t.Fatalf("redo = %q %v %v, want %q", c.Label, ok, err, want)
		}
	}
	if len(ids(t, s)) != 0 {
		t.Errorf("redone delete left the event")
	}
	// A new change clears the redo stack.
	h.Undo(ctx)
	h.Apply(ctx, &timeline.Change{Label: "another", After: []timeline.Event{event("", "Other", "2023", "")}})
	if h.RedoLabel() != "" {
		t.Errorf("redo survived a new change: %q", h.RedoLabel())
	}
}

func TestHistoryUndoImport(t *testing.T) {
	s := newStore(t)
	put(t, s, event("kept", "Kept", "2023-01-01", ""), event("upd", "Old title", "2023-01-02", ""))
	h := timeline.NewHistory(s)
	incoming := []timeline.Event{event("upd", "New title", "2023-01-02", ""), event("new1", "New", "2023-01-03", ""), event("kept", "Kept", "2023-01-01", "")}
	existing, err := s.Lookup(ctx, []string{"upd", "new1", "kept"})
	if err != nil || len(existing) != 2 {
		t.Fatalf("lookup = %d events, %v", len(existing), err)
	}
	if err := h.Apply(ctx, &timeline.Change{Label: "import", Before: existing, After: incoming}); err != nil {
		t.Fatal(err)
	}
	if m := ids(t, s); len(m) != 3 || m["upd"].Title != "New title" {
		t.Fatalf("import wrote %v", m)
	}
	h.Undo(ctx)
	m := ids(t, s)
	if len(m) != 2 || m["upd"].Title != "Old title" || m["kept"].Title != "Kept" {
		t.Errorf("undone import left %v", m)
	}
}

// Replace is all or nothing: when one of its deletes fails, its puts are not kept either.
func TestReplaceIsOneTransaction(t *testing.T) {
	s := newStore(t)
	put(t, s, event("a", "A", "2023-01-01", ""), event("b", "B", "2023-01-02", ""))
	changed := event("a", "A changed", "2023-01-01", "")
	_, err := s.Replace(ctx, []timeline.Event{changed}, []string{"b", "no-such-event"}, nil)
	if !errors.Is(err, timeline.ErrNotFound) {
		t.Fatalf("Replace = %v, want ErrNotFound", err)
	}
	m := ids(t, s)
	if len(m) != 2 || m["a"].Title != "A" {
		t.Errorf("a failed Replace changed the case: %v", m)
	}
	if _, err := s.Replace(ctx, []timeline.Event{changed}, []string{"b"}, nil); err != nil {
		t.Fatal(err)
	}
	if m := ids(t, s); len(m) != 1 || m["a"].Title != "A changed" {
		t.Errorf("Replace = %v", m)
	}
	// The bulk path too.
	var many []timeline.Event
	for i := 0; i < 2500; i++ {
		many = append(many, event(fmt.Sprint("m", i), "many", "2024-01-01", ""))
	}
	if _, err := s.Replace(ctx, many, []string{"missing"}, nil); err == nil {
		t.Fatal("a bulk Replace with a missing id succeeded")
	}
	if n, _ := s.Count(ctx, timeline.Filter{}); n != 1 {
		t.Errorf("a failed bulk Replace left %d events", n)
	}
}

// Deleting many events at once (an undone import) takes the set path, with the same result.
func TestDeleteManyAsASet(t *testing.T) {
	s := newStore(t)
	var evs []timeline.Event
	var idsToGo []string
	for i := 0; i < deleteSet+500; i++ {
		e := event(fmt.Sprint("e", i), fmt.Sprint("event ", i), "2023-01-01", "")
		e.Actors, e.Tags, e.Sources = []string{"A"}, []string{"t"}, []timeline.Source{{Title: "S"}}
		evs = append(evs, e)
		if i%3 != 0 {
			idsToGo = append(idsToGo, e.ID)
		}
	}
	put(t, s, evs...)
	if err := s.Delete(ctx, append(idsToGo, "missing")...); !errors.Is(err, timeline.ErrNotFound) {
		t.Fatalf("Delete with a missing id = %v", err)
	}
	if n, _ := s.Count(ctx, timeline.Filter{}); n != len(evs) {
		t.Fatalf("a failed Delete removed events: %d left", n)
	}
	if err := s.Delete(ctx, append(idsToGo, idsToGo[0])...); err != nil {
		t.Fatal(err)
	}
	want := len(evs) - len(idsToGo)
	for _, q := range []string{"SELECT count(*) FROM events", "SELECT count(*) FROM sources", "SELECT count(*) FROM event_actors",
		"SELECT count(*) FROM event_tags", "SELECT count(*) FROM events_fts"} {
		var n int
		s.r.QueryRow(q).Scan(&n)
		if n != want {
			t.Errorf("%s = %d, want %d", q, n, want)
		}
	}
	if n, _ := s.Count(ctx, timeline.Filter{Query: "event"}); n != want {
		t.Errorf("full text finds %d, want %d", n, want)
	}
}
