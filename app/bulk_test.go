package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/chronoscope/chronoscope/timeline"
)

// event reads the event with id from the window's case.
func event(t *testing.T, u *ui, id string) timeline.Event {
	t.Helper()
	e, err := u.store.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestBulkRetagAndUndo selects three events with Ctrl+click and adds a tag to them and
// takes one off through Edit > Edit selected events: one undo step puts all three back,
// redo does it again, and the window says how many changed.
func TestBulkRetagAndUndo(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	clickRow(u, 2, 0)
	clickRow(u, 5, fyne.KeyModifierControl)
	clickRow(u, 8, fyne.KeyModifierControl)
	ids := []string{u.marks.ID(2), u.marks.ID(5), u.marks.ID(8)}
	before := map[string]timeline.Event{}
	for _, id := range ids {
		before[id] = event(t, u, id)
	}
	drop := before[ids[0]].Tags[0]
	press(u, ctrlShift(fyne.KeyE))
	f := onScreen[*bulkForm](u)
	if f == nil {
		t.Fatal("Ctrl+Shift+E opened no bulk edit form")
	}
	f.addTags.Add("summit-week")
	f.removeTags.Add(drop)
	test.Tap(f.apply)
	if onScreen[*bulkForm](u) != nil || u.modal {
		t.Error("the form stays open after Apply")
	}
	for _, id := range ids {
		e := event(t, u, id)
		if !slices.Contains(e.Tags, "summit-week") || slices.Contains(e.Tags, drop) {
			t.Errorf("%s has tags %q after the edit", id, e.Tags)
		}
	}
	if other := event(t, u, u.marks.ID(3)); slices.Contains(other.Tags, "summit-week") {
		t.Errorf("an event not selected was tagged: %q", other.Tags)
	}
	if !strings.Contains(u.status.Text, "3 of 3 selected") || !strings.Contains(u.menus.undo.Label, "on 3 events") {
		t.Errorf("status %q, undo %q", u.status.Text, u.menus.undo.Label)
	}
	if u.sel.Len() != 3 {
		t.Errorf("%d selected after the edit, want the 3 still", u.sel.Len())
	}
	u.undo()
	for _, id := range ids {
		if got := event(t, u, id).Tags; !slices.Equal(got, before[id].Tags) {
			t.Errorf("after one undo %s has tags %q, want %q", id, got, before[id].Tags)
		}
	}
	if !u.menus.undo.Disabled {
		t.Errorf("one undo left %q to undo", u.menus.undo.Label)
	}
	u.redo()
	for _, id := range ids {
		if !slices.Contains(event(t, u, id).Tags, "summit-week") {
			t.Errorf("redo left %s without the tag", id)
		}
	}
}

// TestBulkChangeCountsWhatChanged: each kind of bulk edit changes only the events it
// makes different, and its label says how many.
func TestBulkChangeCountsWhatChanged(t *testing.T) {
	evs := []timeline.Event{
		{ID: "a", Lane: "Diplomacy", Importance: 3, Actors: []string{"Kim"}, Tags: []string{"x"}},
		{ID: "b", Lane: "Space", Importance: 5, Actors: []string{"Putin", "kim"}},
		{ID: "c", Lane: "Space", Importance: 3, Sources: []timeline.Source{{Title: "TASS", URL: "https://tass.ru/1"}}},
	}
	src := timeline.Source{Title: "tass", URL: "https://tass.ru/1", Reliability: "B", Credibility: 2}
	for _, tc := range []struct {
		name  string
		edit  bulkEdit
		ids   []string
		check func(timeline.Event) bool
	}{
		{"lane", bulkEdit{lane: "Space"}, []string{"a"}, func(e timeline.Event) bool { return e.Lane == "Space" }},
		{"importance", bulkEdit{importance: 3}, []string{"b"}, func(e timeline.Event) bool { return e.Importance == 3 }},
		{"add actor", bulkEdit{addActors: []string{"KIM"}}, []string{"c"}, func(e timeline.Event) bool { return len(e.Actors) >= 1 }},
		{"remove actor", bulkEdit{removeActors: []string{"Kim"}}, []string{"a", "b"}, func(e timeline.Event) bool {
			return !slices.ContainsFunc(e.Actors, func(a string) bool { return strings.EqualFold(a, "kim") })
		}},
		{"add tag", bulkEdit{addTags: []string{"x"}}, []string{"b", "c"}, func(e timeline.Event) bool { return slices.Contains(e.Tags, "x") }},
		{"remove tag", bulkEdit{removeTags: []string{"X"}}, []string{"a"}, func(e timeline.Event) bool { return len(e.Tags) == 0 }},
		{"add source", bulkEdit{source: &src}, []string{"a", "b"}, func(e timeline.Event) bool { return len(e.Sources) == 1 }},
	} {
		c := bulkChange(evs, tc.edit)
		var got []string
		for i, e := range c.After {
			got = append(got, e.ID)
			if c.Before[i].ID != e.ID {
				t.Errorf("%s: before %s, after %s", tc.name, c.Before[i].ID, e.ID)
			}
			if !tc.check(e) {
				t.Errorf("%s: %s after is %+v", tc.name, e.ID, e)
			}
		}
		if !slices.Equal(got, tc.ids) {
			t.Errorf("%s changed %q, want %q", tc.name, got, tc.ids)
		}
		if !strings.HasSuffix(c.Label, " on "+plural(len(tc.ids), "event")) {
			t.Errorf("%s: label %q", tc.name, c.Label)
		}
	}
	if evs[0].Lane != "Diplomacy" || len(evs[1].Actors) != 2 || len(evs[0].Tags) != 1 {
		t.Error("bulkChange changed the events it was given")
	}
}

// TestBulkDeleteAndDuplicate: Delete with three selected deletes the three in one undo
// step; Duplicate copies them and selects the copies, also one step.
func TestBulkDeleteAndDuplicate(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	n := u.marks.Len()
	clickRow(u, 0, 0)
	clickRow(u, 2, fyne.KeyModifierShift)
	u.duplicateSelected()
	if u.marks.Len() != n+3 || u.sel.Len() != 3 {
		t.Fatalf("duplicate: %d events (want %d), %d selected", u.marks.Len(), n+3, u.sel.Len())
	}
	for _, id := range u.sel.IDs() {
		if e := event(t, u, id); !strings.HasSuffix(e.Title, " (copy)") {
			t.Errorf("a copy selected is %q", e.Title)
		}
	}
	u.undo()
	if u.marks.Len() != n {
		t.Fatalf("after undo of the duplicate: %d events, want %d", u.marks.Len(), n)
	}
	clickRow(u, 4, 0)
	clickRow(u, 6, fyne.KeyModifierControl)
	clickRow(u, 9, fyne.KeyModifierControl)
	gone := u.sel.IDs()
	if u.menus.del.Label != "Delete 3 events (Delete)" {
		t.Errorf("the Delete item reads %q", u.menus.del.Label)
	}
	key(u, fyne.KeyDelete)
	if u.marks.Len() != n-3 {
		t.Fatalf("Delete with 3 selected left %d events, want %d", u.marks.Len(), n-3)
	}
	u.undo()
	if u.marks.Len() != n {
		t.Errorf("one undo gave back %d events of %d", u.marks.Len(), n)
	}
	for _, id := range gone {
		if _, ok := u.marks.Find(id); !ok {
			t.Errorf("undo did not give back %s", id)
		}
	}
}

// TestDeletedEventLeavesNoSelection: an event deleted alone (or its creation undone) is
// selected no more, so a Ctrl+click afterwards selects the clicked event alone, which a
// drag can then move, rather than it and the event that is gone.
func TestDeletedEventLeavesNoSelection(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	clickRow(u, 3, 0)
	gone := u.marks.ID(3)
	key(u, fyne.KeyDelete)
	if _, ok := u.marks.Find(gone); ok {
		t.Fatal("Delete left the event")
	}
	if u.sel.Has(gone) || u.sel.Len() != 0 {
		t.Errorf("after the delete %d selected (the deleted one: %v), want none", u.sel.Len(), u.sel.Has(gone))
	}
	clickRow(u, 5, fyne.KeyModifierControl)
	id := u.marks.ID(5)
	if u.sel.Len() != 1 || !u.sel.Has(id) || u.selected != id {
		t.Errorf("Ctrl+click after the delete: %d selected, lead %q, want %q alone", u.sel.Len(), u.selected, id)
	}
	if evs, ok := u.movable(id, true); !ok || len(evs) != 1 || evs[0].ID != id {
		t.Errorf("the event clicked cannot be dragged (%d events, %v); status %q", len(evs), ok, u.status.Text)
	}
}

// TestDuplicateOfEventsDeletedMeanwhile: Duplicate with several selected that another
// program deleted before the window heard of it copies nothing and records no step of
// the history (it used to crash the window).
func TestDuplicateOfEventsDeletedMeanwhile(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	clickRow(u, 1, 0)
	clickRow(u, 3, fyne.KeyModifierShift)
	evs, err := u.store.Lookup(context.Background(), u.sel.IDs())
	if err != nil || len(evs) != 3 {
		t.Fatalf("%d selected events read (%v), want 3", len(evs), err)
	}
	other := timeline.NewHistory(u.store) // the other program
	if err := other.Apply(context.Background(), &timeline.Change{Before: evs}); err != nil {
		t.Fatal(err)
	}
	u.duplicateSelected()
	if !u.menus.undo.Disabled {
		t.Errorf("a duplicate of nothing left %q to undo", u.menus.undo.Label)
	}
}

// TestSelectAllWaitsForTheBulkForm: Ctrl+A while the bulk edit form is open (the focus
// on none of its text fields) leaves the selection as the form counted it, so Apply
// changes the events it says and no others.
func TestSelectAllWaitsForTheBulkForm(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	clickRow(u, 1, 0)
	clickRow(u, 3, fyne.KeyModifierShift)
	press(u, ctrlShift(fyne.KeyE))
	f := onScreen[*bulkForm](u)
	if f == nil {
		t.Fatal("no bulk edit form")
	}
	u.win.Canvas().Unfocus()
	u.selectAll() // what the window's Ctrl+A does (the test canvas runs no shortcuts)
	if u.sel.Len() != 3 {
		t.Errorf("Ctrl+A behind the form: %d selected, want the 3 the form counted", u.sel.Len())
	}
	f.addTags.Add("summit-week")
	test.Tap(f.apply)
	tagged := 0
	for i := range u.marks.Len() {
		if slices.Contains(event(t, u, u.marks.ID(i)).Tags, "summit-week") {
			tagged++
		}
	}
	if tagged != 3 {
		t.Errorf("the form for 3 events tagged %d", tagged)
	}
}
