package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// testOpener opens case files as main.go's opener does, without the default-case rule.
func testOpener(path string, create bool) (timeline.Store, error) {
	mode := data.OpenExisting
	if create {
		mode = data.OpenOrCreate
	}
	s, err := data.Open(path, mode)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// sampleCase writes the sample chronology to a new case file.
func sampleCase(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample"+data.Extension)
	s, err := data.Open(path, data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s.SetInfo(ctx, timeline.SampleInfo)
	if _, err := s.Put(ctx, timeline.Sample(), nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

// newTestUI opens the window on a case, with background work run in place.
func newTestUI(t *testing.T, path string) *ui {
	t.Helper()
	s, err := testOpener(path, false)
	if err != nil {
		t.Fatal(err)
	}
	return newTestUIOn(t, s)
}

// inPlace is the tests' runner: it runs the window's background work, and what that
// returns, at once on the test's goroutine, so a test sees an action's result as soon as
// the action returns. What waits for a pause (the search box's typing, the list's
// reasons) waits for settle; nothing polls the case (tests call liveRefresh themselves).
type inPlace struct {
	waiting []*func() // what later queued, nil once stopped or run
}

func (r *inPlace) background(work func() func()) {
	if done := work(); done != nil {
		done()
	}
}

func (r *inPlace) wait() {}

func (r *inPlace) later(_ time.Duration, fn func()) func() {
	p := &fn
	r.waiting = append(r.waiting, p)
	return func() { *p = nil }
}

func (r *inPlace) goroutine(fn func()) { fn() }

func (r *inPlace) polls() bool { return false }

// settle runs what waits for a pause, as the desktop does once the pause is over, until
// nothing waits.
func settle(u *ui) {
	r := u.run.(*inPlace)
	for len(r.waiting) > 0 {
		p := r.waiting[0]
		r.waiting = r.waiting[1:]
		if fn := *p; fn != nil {
			*p = nil
			fn()
		}
	}
}

// typeSearch types text into the search box and lets the pause after it pass.
func typeSearch(u *ui, text string) {
	test.Type(u.search, text)
	settle(u)
}

// newTestUIOn opens the window on a store, with background work run in place.
func newTestUIOn(t *testing.T, s caseStore) *ui {
	t.Helper()
	a := test.NewTempApp(t)
	u := newUI(a, testOpener, &inPlace{})
	u.tl.Sync = true
	u.win.Resize(fyne.NewSize(1400, 900))
	u.setStore(s)
	t.Cleanup(func() { u.closeStore() })
	return u
}

// press sends a shortcut as the desktop driver does: the main menu first, then the
// focused widget when it takes shortcuts, then the window's own shortcuts.
func press(u *ui, s fyne.Shortcut) {
	for _, m := range u.menus.main.Items {
		if a := u.menus.shortcutFor(s, m); a != nil {
			a()
			return
		}
	}
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	u.windowShortcut(s)
}

// key sends a plain key to the focused widget, or to the window.
func key(u *ui, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	u.win.Canvas().OnTypedKey()(ev)
}

func ctrlKey(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func titles(u *ui) []string {
	var out []string
	for i := range u.marks.Len() {
		out = append(out, u.marks.Title(i))
	}
	return out
}

// pos is the position in the window's marks of the event with id, or -1.
func (u *ui) pos(id string) int {
	i, _ := u.marks.Find(id)
	return i
}

func TestWindowShowsTheCase(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	if got := u.win.Title(); got != "Chronoscope - "+timeline.SampleInfo.Name {
		t.Errorf("title = %q", got)
	}
	if u.marks.Len() != 13 || u.list.rowCount() != 13 || u.tl.Index().Len() != 13 {
		t.Errorf("shows %d marks, list %d", u.marks.Len(), u.list.rowCount())
	}
	if u.count.Text != "13 events" {
		t.Errorf("count = %q", u.count.Text)
	}
	if u.banner.Visible() {
		t.Errorf("a writable case shows the read-only banner")
	}
}

func TestSearchAndFiltersApplyToListAndTimeline(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	typeSearch(u, "satellite")
	if u.marks.Len() != 3 || u.tl.Index().Len() != 3 || u.count.Text != "3 of 13 events" {
		t.Errorf("search shows %v (%q)", titles(u), u.count.Text)
	}
	u.search.SetText("")
	u.filters.lanes.set([]string{"Military"})
	u.refresh()
	if u.marks.Len() != 2 || u.count.Text != "2 of 13 events" {
		t.Errorf("lane filter shows %v", titles(u))
	}
	u.filters.lanes.set(nil)
	u.filters.from.SetText("2023-09-12")
	u.filters.to.SetText("2023-09-12")
	settle(u)
	if u.marks.Len() != 2 { // the eve warnings and the train
		t.Errorf("date filter shows %v", titles(u))
	}
	if !u.filters.row.Visible() {
		u.filters.toggle() // the filter row on screen, as when typing in it
	}
	before := u.win.Content().MinSize().Width
	u.filters.from.SetText("2023-13")
	if u.filters.rangeErr.Text == "" {
		t.Errorf("a bad date in the filter says nothing")
	}
	if after := u.win.Content().MinSize().Width; after > before+1 {
		t.Errorf("the message widens the window's least width from %.0f to %.0f", before, after)
	}
	u.filters.clear()
	u.filters.grade.SetSelected("A (any)")
	if u.marks.Len() != 5 {
		t.Errorf("grade filter shows %v", titles(u))
	}
	u.groupBy.SetSelected("Actor")
	if u.tl.Index().GroupBy() != timeline.GroupByActor {
		t.Errorf("group by actor did not regroup the timeline")
	}
}

func TestSelectionFollowsAcrossViews(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	i := u.pos("sample-2023-talks")
	u.list.selectRow(i)
	if u.selected != "sample-2023-talks" || u.tl.Selected() != "sample-2023-talks" {
		t.Errorf("list selection not mirrored: %q / %q", u.selected, u.tl.Selected())
	}
	if u.detail.shown == nil || u.detail.shown.Title != "Summit talks: delegations, then one-on-one" || len(u.detail.shown.Sources) != 1 {
		t.Errorf("detail pane shows %+v", u.detail.shown)
	}
	first, last := u.tl.Scale().Window()
	m := u.marks.At(i)
	if m.StartLo < first || m.EndHi > last {
		t.Errorf("the timeline did not scroll to the selected event")
	}
	// Selecting on the timeline selects in the list.
	u.tl.OnSelect("sample-2019-vladivostok")
	if u.selected != "sample-2019-vladivostok" || u.detail.shown.ID != "sample-2019-vladivostok" {
		t.Errorf("timeline selection not mirrored: %q", u.selected)
	}
}

func TestKeyboardAddUndoRedo(t *testing.T) {
	path := sampleCase(t)
	u := newTestUI(t, path)
	press(u, ctrlKey(fyne.KeyN))
	if onScreen[*eventForm](u) == nil {
		t.Fatal("Ctrl+N opened no form")
	}
	if u.win.Canvas().Focused() != onScreen[*eventForm](u).title {
		t.Fatalf("the cursor is not in Title")
	}
	test.Type(u.win.Canvas().Focused(), "Putin accepts an invitation to Pyongyang")
	u.win.Canvas().FocusNext()
	if u.win.Canvas().Focused() != onScreen[*eventForm](u).start {
		t.Fatalf("Tab from Title went to %T, not Start", u.win.Canvas().Focused())
	}
	test.Type(u.win.Canvas().Focused(), "2023-09-13")
	press(u, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if onScreen[*eventForm](u) != nil {
		t.Fatal("Ctrl+Enter did not save and close the form")
	}
	if u.marks.Len() != 14 {
		t.Fatalf("after saving, %d events shown", u.marks.Len())
	}
	added := u.marks.At(u.pos(u.selected))
	if added.Title != "Putin accepts an invitation to Pyongyang" {
		t.Errorf("the new event is not selected (selected %q)", added.Title)
	}
	if u.menus.undo.Label != "Undo add \u201cPutin accepts an invitation to Pyon\u2026\u201d" && !strings.HasPrefix(u.menus.undo.Label, "Undo add") {
		t.Errorf("undo menu = %q", u.menus.undo.Label)
	}
	// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo.
	press(u, &fyne.ShortcutUndo{})
	if u.marks.Len() != 13 || !strings.HasPrefix(u.menus.redo.Label, "Redo add") {
		t.Errorf("after undo: %d events, redo %q", u.marks.Len(), u.menus.redo.Label)
	}
	press(u, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if u.marks.Len() != 14 {
		t.Errorf("after Ctrl+Shift+Z: %d events", u.marks.Len())
	}
	press(u, &fyne.ShortcutUndo{})
	press(u, &fyne.ShortcutRedo{})
	if u.marks.Len() != 14 {
		t.Errorf("after Ctrl+Y: %d events", u.marks.Len())
	}
	// The case on disk has it: every change is saved at once.
	s, err := data.Open(path, data.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(context.Background(), timeline.Filter{Query: "invitation"}); n != 1 {
		t.Errorf("the case file holds %d copies of the new event", n)
	}
	// Ctrl+N is ready for the next one; Escape cancels it.
	press(u, ctrlKey(fyne.KeyN))
	if onScreen[*eventForm](u) == nil {
		t.Fatal("second Ctrl+N opened no form")
	}
	key(u, fyne.KeyEscape)
	if onScreen[*eventForm](u) != nil || u.marks.Len() != 14 {
		t.Errorf("Escape did not cancel the form")
	}
}

func TestKeyboardEditDeleteDuplicate(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	u.list.selectRow(u.pos("sample-2023-sat-2"))
	u.win.Canvas().Unfocus()
	// Enter edits the selection.
	key(u, fyne.KeyReturn)
	if onScreen[*eventForm](u) == nil || onScreen[*eventForm](u).title.Text != "Second satellite launch fails" {
		t.Fatalf("Enter did not open the selected event")
	}
	onScreen[*eventForm](u).title.SetText("Second reconnaissance satellite launch fails")
	press(u, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if u.marks.Title(u.pos("sample-2023-sat-2")) != "Second reconnaissance satellite launch fails" {
		t.Errorf("edit not saved")
	}
	// Ctrl+E edits too.
	u.win.Canvas().Unfocus()
	press(u, ctrlKey(fyne.KeyE))
	if onScreen[*eventForm](u) == nil {
		t.Fatal("Ctrl+E did not open the form")
	}
	key(u, fyne.KeyEscape)
	// Ctrl+D duplicates, Delete deletes, Ctrl+Z brings the deleted event back with its source.
	u.list.selectRow(u.pos("sample-2023-talks"))
	u.win.Canvas().Unfocus()
	press(u, ctrlKey(fyne.KeyD))
	if u.marks.Len() != 14 || !strings.HasSuffix(u.marks.Title(u.pos(u.selected)), "(copy)") {
		t.Fatalf("Ctrl+D: %d events, selected %q", u.marks.Len(), u.selected)
	}
	u.list.selectRow(u.pos("sample-2023-talks"))
	u.win.Canvas().Unfocus()
	key(u, fyne.KeyDelete)
	if _, ok := u.marks.Find("sample-2023-talks"); ok || u.marks.Len() != 13 {
		t.Fatalf("Delete did not delete")
	}
	press(u, &fyne.ShortcutUndo{})
	e, err := u.store.Get(context.Background(), "sample-2023-talks")
	if err != nil || len(e.Sources) != 1 || e.Sources[0].Grade() != "B2" || len(e.Actors) != 5 {
		t.Errorf("undone delete came back as %+v (%v)", e, err)
	}
}

func TestCtrlFFocusesSearch(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	press(u, ctrlKey(fyne.KeyF))
	if u.win.Canvas().Focused() != u.search {
		t.Errorf("Ctrl+F focused %T", u.win.Canvas().Focused())
	}
	// Shortcuts still work while the search box has the focus.
	press(u, ctrlKey(fyne.KeyN))
	if onScreen[*eventForm](u) == nil {
		t.Errorf("Ctrl+N from the search box opened no form")
	}
}

func TestMenusShowTheShortcuts(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	want := map[string]string{"New event...": "N", "Undo": "Undo", "Find...": "F", "Open case...": "O",
		"Save a copy as...": "S", "Quit": "Q", "Duplicate event": "D", "Edit event...": "E"}
	found := map[string]bool{}
	for _, m := range u.menus.main.Items {
		for _, it := range m.Items {
			if w, ok := want[it.Label]; ok && it.Shortcut != nil && strings.HasSuffix(it.Shortcut.ShortcutName(), w) {
				found[it.Label] = true
			}
		}
	}
	for l := range want {
		if !found[l] {
			t.Errorf("menu item %q has no shortcut", l)
		}
	}
}

func TestReadOnlyCase(t *testing.T) {
	path := sampleCase(t)
	os.Chmod(path, 0o444)
	u := newTestUI(t, path)
	if !u.banner.Visible() || !strings.Contains(u.win.Title(), "read-only") {
		t.Errorf("no read-only banner or title")
	}
	press(u, ctrlKey(fyne.KeyN))
	if onScreen[*eventForm](u) != nil {
		t.Errorf("Ctrl+N opened a form on a read-only case")
	}
	u.list.selectRow(0)
	u.win.Canvas().Unfocus()
	key(u, fyne.KeyDelete)
	if u.marks.Len() != 13 {
		t.Errorf("Delete removed an event from a read-only case")
	}
	if !u.menus.newEvent.Disabled || !u.menus.del.Disabled || !u.menus.importItem.Disabled {
		t.Errorf("editing menu items are on for a read-only case")
	}
}

func TestOpenRefusedFileKeepsTheCase(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	bad := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(bad, []byte("hello"), 0o644)
	u.openPath(bad)
	if u.store == nil || u.marks.Len() != 13 {
		t.Errorf("a refused open closed the case")
	}
	if b, _ := os.ReadFile(bad); string(b) != "hello" {
		t.Errorf("the refused file changed")
	}
	// A good case opens and is remembered.
	other := sampleCase(t)
	u.openPath(other)
	if u.store.Path() != other {
		t.Errorf("did not open %s", other)
	}
	if recent := u.app.Preferences().StringList(prefRecent); len(recent) < 2 || recent[0] != other {
		t.Errorf("recent = %v", recent)
	}
}

// Every menu item that opens a dialog opens it without a crash, in the order a user
// would meet them.
func TestMenuDialogsOpen(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	for _, m := range u.menus.main.Items {
		for _, it := range m.Items {
			items := []*fyne.MenuItem{it}
			if it.ChildMenu != nil {
				items = it.ChildMenu.Items
			}
			for _, it := range items {
				if it.Action == nil || it.IsQuit || it.Disabled || strings.HasPrefix(it.Label, "Close") {
					continue
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("menu item %q panicked: %v", it.Label, r)
						}
					}()
					it.Action()
				}()
				for _, o := range u.win.Canvas().Overlays().List() {
					u.win.Canvas().Overlays().Remove(o)
				}
				u.modal = false
			}
		}
	}
}

func TestLastCaseReopensAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	last := sampleCase(t)
	a.Preferences().SetString(prefLastCase, last)
	u := newUI(a, testOpener, &inPlace{})
	defaultPath := filepath.Join(t.TempDir(), "default"+data.Extension)
	s, shared, err := u.startCase(defaultPath)
	if err != nil || s.Path() != last || shared != "" {
		t.Fatalf("startCase = %v, %q, %v; want the last case", s, shared, err)
	}
	s.Close()
	// A last case that no longer opens falls back to the default case.
	os.Remove(last)
	s, shared, err = u.startCase(defaultPath)
	if err != nil || s.Path() != defaultPath || shared != "" {
		t.Fatalf("startCase = %v, %q, %v; want the default case", s, shared, err)
	}
	s.Close()
	// A last case that was shared is connected to in the window, over the default case:
	// no connection is tried before the window shows.
	url := "postgres://bob@127.0.0.1:1/chronoscope?case=demo"
	a.Preferences().SetString(prefLastCase, url)
	s, shared, err = u.startCase(defaultPath)
	if err != nil || s.Path() != defaultPath || shared != url {
		t.Fatalf("startCase = %v, %q, %v; want the default case and the shared one to connect to", s, shared, err)
	}
	s.Close()
}

// TestListDatesFit shows the sample (which has spans) with dates longer than a day: the
// date column of a case that chose no widths is wide enough for the longest date.
func TestListDatesFit(t *testing.T) {
	path := sampleCase(t)
	// Dates longer than a day: a BC day, a span of months, a widened month.
	s, err := data.Open(path, data.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range [][2]string{{"-0043-03-15~", ""}, {"1943-05", "1943-09"}, {"1943-07%", "1946"}, {"-1233-03-15~", "-1233-03-20~"}} {
		e := timeline.Event{ID: fmt.Sprint("long-", i), Title: "Long date " + d[0], Start: timeline.MustParseDate(d[0])}
		if d[1] != "" {
			e.End = timeline.MustParseDate(d[1])
		}
		if _, err := s.Put(context.Background(), []timeline.Event{e}, nil); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	u := newTestUI(t, path)
	if u.list.cols[0].key != "date" {
		t.Fatalf("the first column is %q", u.list.cols[0].key)
	}
	for i := range u.marks.Len() {
		text := u.list.cellText(i, "date")
		need := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		if need > u.list.cols[0].width+0.5 {
			t.Errorf("date %q needs %.0f, has %.0f", text, need, u.list.cols[0].width)
		}
	}
}

// TestCaseStaysWhileAFormIsOpen presses Ctrl+W and Ctrl+O with the event form open: the
// case stays, so that saving the form writes where the analyst began.
func TestCaseStaysWhileAFormIsOpen(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	press(u, ctrlKey(fyne.KeyN))
	if !u.modal {
		t.Fatal("no form opened")
	}
	store := u.store
	press(u, ctrlKey(fyne.KeyW))
	u.openCase()
	if u.store != store {
		t.Fatal("the case was closed under the open form")
	}
	if len(u.win.Canvas().Overlays().List()) != 1 {
		t.Errorf("%d overlays: an open dialog opened over the form", len(u.win.Canvas().Overlays().List()))
	}
}
