package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestBackgroundQueryFollowsTheSearch types into the search box as the analyst does: the
// query runs after the typing pauses, on its own goroutine, and its result replaces the
// older ones.
func TestBackgroundQueryFollowsTheSearch(t *testing.T) {
	u, a := newAsyncUI(t, sampleCase(t))
	if u.marks.Len() != 13 || u.count.Text != "13 events" {
		t.Fatalf("the case shows %d events (%q)", u.marks.Len(), u.count.Text)
	}
	test.Type(u.search, "satellite")
	a.await(t, "the search result", func() bool { return u.marks.Len() == 3 })
	if u.count.Text != "3 of 13 events" || u.tl.Index().Len() != 3 {
		t.Errorf("search shows %q, the timeline %d", u.count.Text, u.tl.Index().Len())
	}
	u.search.SetText("")
	a.await(t, "the cleared search", func() bool { return u.marks.Len() == 13 && !u.loading })
	if u.busy.Visible() {
		t.Error("the busy bar stays after the query landed")
	}
}

// writeCSV writes a small native CSV to import: one new event, one updated.
func writeCSV(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "more.csv")
	csv := "id,title,start,lane\nn1,Kim returns to Pyongyang,2023-09-17,North Korea\n" +
		"sample-2023-china,China: a matter for the two countries,2023-09-13,Diplomacy\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// previewAndImport reads the file into the import preview and presses Import.
func previewAndImport(t *testing.T, u *ui, a *loopApp, path string) {
	t.Helper()
	u.previewImport(path, "")
	a.await(t, "the import preview", func() bool { return onScreen[*importPreview](u) != nil })
	test.Tap(onScreen[*importPreview](u).importButton)
}

// TestBackgroundImportUndoRedo imports, undoes and redoes with every write on its own
// goroutine, as in the app.
func TestBackgroundImportUndoRedo(t *testing.T) {
	path := sampleCase(t)
	u, a := newAsyncUI(t, path)
	previewAndImport(t, u, a, writeCSV(t))
	// The end of the import, not a refresh for the poll's sake that may come first.
	a.await(t, "the import", func() bool { return len(u.jobs) == 0 && !u.loading && strings.HasPrefix(u.status.Text, "Imported") })
	if !strings.Contains(u.status.Text, "1 added, 1 updated, 0 unchanged") || u.marks.Len() != 14 {
		t.Errorf("after the import: status %q, %d events", u.status.Text, u.marks.Len())
	}
	press(u, &fyne.ShortcutUndo{})
	press(u, &fyne.ShortcutUndo{}) // a second press while the first runs is refused
	if !strings.Contains(u.status.Text, "Wait for the undo to finish") {
		t.Errorf("a second Ctrl+Z during the undo: status %q", u.status.Text)
	}
	a.await(t, "the undo", func() bool { return u.marks.Len() == 13 && len(u.jobs) == 0 && !u.loading })
	if got := u.marks.Title(u.pos("sample-2023-china")); got != "China: the summit is a matter for the two countries" {
		t.Errorf("the undone import left the title %q", got)
	}
	if u.history.UndoLabel() != "" || u.history.RedoLabel() != "import of more.csv" {
		t.Errorf("after one undo: undo %q, redo %q", u.history.UndoLabel(), u.history.RedoLabel())
	}
	press(u, &fyne.ShortcutRedo{})
	a.await(t, "the redo", func() bool { return u.marks.Len() == 14 && len(u.jobs) == 0 })
	if n := countOnDisk(t, path); n != 14 {
		t.Errorf("the case file holds %d events after the redo", n)
	}
}

// countOnDisk counts the events of a case file through a connection of its own.
func countOnDisk(t *testing.T, path string) int {
	t.Helper()
	s, err := testOpener(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.Count(context.Background(), timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCaseStaysWhileAnImportRuns holds an import's write and, meanwhile, presses Ctrl+W,
// opens another case, undoes and closes the window: the first three are refused with a
// word, the close waits for the import, which ends whole in its own case.
func TestCaseStaysWhileAnImportRuns(t *testing.T) {
	path := sampleCase(t)
	var g *gatedStore
	u, a := newAsyncUIOn(t, path, func(s timeline.Store) timeline.Store { g = newGatedStore(t, s); return g })
	previewAndImport(t, u, a, writeCSV(t))
	<-g.started // the import is writing

	press(u, ctrlKey(fyne.KeyW))
	if u.store != g || !strings.Contains(u.status.Text, "Wait for the import of more.csv to finish") {
		t.Fatalf("Ctrl+W during the import: store kept %v, status %q", u.store == g, u.status.Text)
	}
	other := sampleCase(t)
	u.openPath(other)
	u.newCase()
	press(u, &fyne.ShortcutUndo{})
	if u.store != g || len(u.win.Canvas().Overlays().List()) != 1 { // the progress dialog only
		t.Fatalf("Open, New or Undo went ahead during the import (%d overlays)", len(u.win.Canvas().Overlays().List()))
	}
	u.requestClose()
	if u.store != g || !strings.Contains(u.status.Text, "Closing once the import of more.csv is done") {
		t.Fatalf("closing the window during the import: status %q", u.status.Text)
	}
	g.open()
	a.await(t, "the import, then the close", func() bool { return u.store == nil })
	if n := countOnDisk(t, path); n != 14 {
		t.Errorf("the case holds %d events after the import the close waited for", n)
	}
}

// TestOpenLandingDuringAJobKeepsTheCase starts opening another case, then an edit that
// is held: when the other case has opened, the window keeps the case the edit writes to.
func TestOpenLandingDuringAJobKeepsTheCase(t *testing.T) {
	var g *gatedStore
	u, a := newAsyncUIOn(t, sampleCase(t), func(s timeline.Store) timeline.Store { g = newGatedStore(t, s); return g })
	u.openPath(sampleCase(t)) // lands on the UI goroutine once the file is open
	u.apply(timeline.Change{Label: "add \u201cheld\u201d", After: []timeline.Event{{Title: "Held", Start: timeline.MustParseDate("2024")}}})
	<-g.started
	a.await(t, "the other case to open", func() bool { return strings.Contains(u.status.Text, "Wait for saving add") })
	if u.store != g {
		t.Fatal("the window switched cases under a running edit")
	}
	g.open()
	a.await(t, "the edit", func() bool { return u.marks.Len() == 14 && len(u.jobs) == 0 })
}

// A job's result is shown only in the case it began on: after a switch it is dropped.
func TestJobResultStaysWithItsCase(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	first := u.store
	j := u.newJob("the export", "Exporting...")
	other, err := testOpener(sampleCase(t), false)
	if err != nil {
		t.Fatal(err)
	}
	u.setStore(other)
	shown := false
	j.run(func() func() {
		if j.store != first {
			t.Error("the job lost the case it began on")
		}
		return func() { shown = true }
	})
	if shown || len(u.jobs) != 0 || u.busy.Visible() {
		t.Errorf("a job of the closed case: result shown %v, %d jobs, busy %v", shown, len(u.jobs), u.busy.Visible())
	}
}

// TestOtherProgramsChangesShowUp writes into the open case through a second store, as
// the command line does: the window shows it within a poll or two, keeping the
// selection, the time window and an up-to-date count, and the detail pane follows an
// edit of the selected event.
func TestOtherProgramsChangesShowUp(t *testing.T) {
	path := sampleCase(t)
	u, a := newAsyncUI(t, path)
	u.list.selectRow(u.pos("sample-2023-talks"))
	a.await(t, "the details", func() bool { return u.detail.shown != nil })
	u.tl.ZoomBy(1.6)
	u.tl.PanBy(-3) // the selected event is out of view: keeping the selection must not bring it back
	view := u.tl.Scale()

	other, err := testOpener(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	// Earlier than every event: the selected one moves down the list.
	added := timeline.Event{Title: "Added by the command line", Start: timeline.MustParseDate("1990-01-01")}
	if _, err := other.Put(ctx, []timeline.Event{added}, nil); err != nil {
		t.Fatal(err)
	}
	a.await(t, "the other program's event", func() bool { return u.marks.Len() == 14 })
	if u.selected != "sample-2023-talks" || u.count.Text != "14 events" {
		t.Errorf("after the change: selected %q, count %q", u.selected, u.count.Text)
	}
	if u.tl.Scale() != view {
		t.Errorf("the time window moved: %+v, was %+v", u.tl.Scale(), view)
	}
	e, err := other.Get(ctx, "sample-2023-talks")
	if err != nil {
		t.Fatal(err)
	}
	e.Title = "Summit talks, as edited elsewhere"
	if _, err := other.Put(ctx, []timeline.Event{e}, nil); err != nil {
		t.Fatal(err)
	}
	a.await(t, "the edited title in the list and the details", func() bool {
		i, ok := u.marks.Find("sample-2023-talks")
		return ok && u.marks.Title(i) == e.Title && u.detail.shown != nil && u.detail.shown.Title == e.Title
	})
	if u.selected != "sample-2023-talks" || u.tl.Scale() != view {
		t.Errorf("after the edit: selected %q, the window %+v", u.selected, u.tl.Scale())
	}
}

// heldStore holds the next query (Marks), once hold is called, after it has read the
// case and until the function hold returns is called.
type heldStore struct {
	timeline.Store
	mu      sync.Mutex
	gate    chan struct{}
	reached chan struct{}
}

// hold makes the next query wait; it returns when to let it go.
func (h *heldStore) hold() (reached <-chan struct{}, release func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	gate := make(chan struct{})
	h.gate, h.reached = gate, make(chan struct{})
	return h.reached, sync.OnceFunc(func() { close(gate) })
}

func (h *heldStore) Marks(ctx context.Context, f timeline.Filter) (*timeline.Marks, error) {
	h.mu.Lock()
	gate, reached := h.gate, h.reached
	h.gate = nil
	h.mu.Unlock()
	marks, err := h.Store.Marks(ctx, f)
	if gate != nil {
		close(reached)
		<-gate
	}
	return marks, err
}

// TestChangeDuringAQueryIsShown writes from another program while the window's query is
// under way (held): the poll does not cancel it, and when it lands with what it read
// before the change, the window queries again and shows the change.
func TestChangeDuringAQueryIsShown(t *testing.T) {
	path := sampleCase(t)
	var h *heldStore
	u, a := newAsyncUIOn(t, path, func(s timeline.Store) timeline.Store { h = &heldStore{Store: s}; return h })
	reached, release := h.hold()
	t.Cleanup(release)
	u.refresh()
	<-reached
	before := u.watch.seen.Load() // the version the held query started from
	other, err := testOpener(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Put(context.Background(), []timeline.Event{{Title: "Meanwhile", Start: timeline.MustParseDate("2023-09-21")}}, nil); err != nil {
		t.Fatal(err)
	}
	a.await(t, "a poll to see the change", func() bool { return u.watch.seen.Load() != before })
	release()
	a.await(t, "the change", func() bool { return u.marks.Len() == 14 })
}
