package app

import (
	"context"
	"slices"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// heldWork is a runner that keeps the window's background work until flush, as a slow
// case does on the desktop: a drag can begin while a change is being written, or before
// the query after it lands.
type heldWork struct {
	*inPlace
	queue []func() func()
}

func (r *heldWork) background(work func() func()) { r.queue = append(r.queue, work) }

// flush runs the work held, and what it asks for in turn, until none is left.
func (r *heldWork) flush() {
	for len(r.queue) > 0 {
		work := r.queue[0]
		r.queue = r.queue[1:]
		if done := work(); done != nil {
			done()
		}
	}
}

// TestDragWhileAChangeIsSavedKeepsIt: a drag that begins while an edit of the event is
// being saved, or before the window has read the event again, is refused: it moved the
// event as it was before the edit, which the case refused as a conflict with someone
// else ("Someone else saved ... while you edited it").
func TestDragWhileAChangeIsSavedKeepsIt(t *testing.T) {
	const id = "sample-2023-pay-a-price"
	for _, step := range []string{"saving", "showing"} {
		t.Run(step, func(t *testing.T) {
			u := newTestUI(t, sampleCase(t))
			showSelected(u, id)
			old := *u.detail.shown
			held := &heldWork{inPlace: u.run.(*inPlace)}
			u.run = held
			renamed := old
			renamed.Title = "Renamed"
			renamed.Tags = append(slices.Clip(old.Tags), "edited")
			u.apply(timeline.Change{Label: "edit", Before: []timeline.Event{old}, After: []timeline.Event{renamed}})
			if step == "showing" { // the edit written, the query after it under way
				work := held.queue[0]
				held.queue = held.queue[1:]
				work()()
			}
			dragMark(t, u, id, 2)
			u.tl.DragEnd()
			held.flush()
			e, err := u.store.Get(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if e.Title != "Renamed" || !slices.Contains(e.Tags, "edited") {
				t.Errorf("a drag %s the edit wrote the event back as %q %q (start %s)", step, e.Title, e.Tags, e.Start.Text)
			}
			if onScreen[*conflictView](u) != nil || u.modal {
				t.Errorf("a drag %s the analyst's own edit opened the dialog of a conflict with someone else", step)
			}
		})
	}
}

// TestDragOfTheSelectionWhileABulkEditIsSaved: the same for several events selected and
// a bulk edit of them (the move was refused with an error dialog).
func TestDragOfTheSelectionWhileABulkEditIsSaved(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	ids := selectThree(u)
	held := &heldWork{inPlace: u.run.(*inPlace)}
	u.run = held
	u.bulkApply(bulkEdit{addTags: []string{"summit-week"}})
	work := held.queue[0] // the selected events read; their write is held
	held.queue = held.queue[1:]
	work()()
	dragMark(t, u, ids[0], 2)
	u.tl.DragEnd()
	held.flush()
	for _, id := range ids {
		if e := event(t, u, id); !slices.Contains(e.Tags, "summit-week") {
			t.Errorf("%s lost the bulk edit's tag to the drag (tags %q, start %s)", id, e.Tags, e.Start.Text)
		}
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("a drag during the bulk edit opened %d dialogs (the case refused the move as a conflict)", n)
	}
}
