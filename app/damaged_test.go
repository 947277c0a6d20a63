package app

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// errMalformed is what a store says of a damaged page: the database's words, which must
// never reach the analyst, wrapping timeline.ErrDamaged.
var errMalformed = fmt.Errorf("%w (database disk image is malformed)", timeline.ErrDamaged)

// damagedStore plays a case file that is damaged once broken is set: the window's query
// fails, streaming the events stops at the damage after readable of them, and writes
// fail. As the real store does, once it has said so it reports read-only.
type damagedStore struct {
	timeline.Store
	broken   atomic.Bool
	found    atomic.Bool
	readable int
	partial  bool // Marks returns the readable marks with its error
}

// damage returns errMalformed, and remembers having found the damage.
func (d *damagedStore) damage() error {
	d.found.Store(true)
	return errMalformed
}

func (d *damagedStore) ReadOnly() bool { return d.found.Load() || d.Store.ReadOnly() }

func (d *damagedStore) Marks(ctx context.Context, f timeline.Filter) (*timeline.Marks, error) {
	if !d.broken.Load() {
		return d.Store.Marks(ctx, f)
	}
	if !d.partial {
		return nil, d.damage()
	}
	marks, err := d.Store.Marks(ctx, f)
	if err != nil {
		return nil, err
	}
	pos := make([]int32, 0, d.readable)
	for i := marks.Len() - d.readable; i < marks.Len(); i++ {
		pos = append(pos, int32(i))
	}
	return marks.Select(pos), d.damage()
}

func (d *damagedStore) Each(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error {
	n := 0
	return d.Store.Each(ctx, f, func(e timeline.Event) error {
		if d.broken.Load() && n == d.readable {
			return d.damage()
		}
		n++
		return fn(e)
	})
}

func (d *damagedStore) Replace(ctx context.Context, put []timeline.Event, remove []string, p timeline.Progress) (timeline.PutResult, error) {
	if d.broken.Load() || d.found.Load() {
		return timeline.PutResult{}, d.damage()
	}
	return d.Store.Replace(ctx, put, remove, p)
}

func (d *damagedStore) Put(ctx context.Context, evs []timeline.Event, p timeline.Progress) (timeline.PutResult, error) {
	return d.Replace(ctx, evs, nil, p)
}

// damagedCase opens the sample case behind a damagedStore that streams 5 events.
func damagedCase(t *testing.T, broken bool) *damagedStore {
	t.Helper()
	s, err := testOpener(sampleCase(t), false)
	if err != nil {
		t.Fatal(err)
	}
	d := &damagedStore{Store: s, readable: 5}
	d.broken.Store(broken)
	return d
}

// shownTexts is every text on screen: the window and its dialogs.
func shownTexts(u *ui) string {
	var b strings.Builder
	objs := append([]fyne.CanvasObject{u.win.Canvas().Content()}, u.win.Canvas().Overlays().List()...)
	for _, root := range objs {
		for _, o := range test.LaidOutObjects(root) {
			switch v := o.(type) {
			case *canvas.Text:
				b.WriteString(v.Text + "\n")
			case *widget.Label:
				b.WriteString(v.Text + "\n")
			}
		}
	}
	b.WriteString(u.win.Title() + "\n" + u.status.Text)
	return b.String()
}

// checkDamagedShown checks the window of a damaged case: the banner's one line, what
// could be read, editing off, and none of the database's words anywhere.
func checkDamagedShown(t *testing.T, u *ui) {
	t.Helper()
	if !u.banner.Visible() || !strings.HasPrefix(u.bannerText.Text, "The case file is damaged:") ||
		!strings.Contains(u.bannerText.Text, "read-only") || !strings.Contains(u.bannerText.Text, "recover --out") || len(u.bannerText.Text) > 160 {
		t.Errorf("banner (shown %v): %q", u.banner.Visible(), u.bannerText.Text)
	}
	if u.marks.Len() != 5 || u.count.Text != "5 of 13 events" {
		t.Errorf("shows %d events (%q), want the 5 that could be read", u.marks.Len(), u.count.Text)
	}
	if !strings.Contains(u.win.Title(), "damaged") {
		t.Errorf("title %q", u.win.Title())
	}
	if !u.menus.newEvent.Disabled || !u.menus.importItem.Disabled || !u.menus.undo.Disabled || !u.menus.findText.Disabled {
		t.Error("editing menu items are on for a damaged case")
	}
	press(u, ctrlKey(fyne.KeyN))
	if onScreen[*eventForm](u) != nil {
		t.Error("Ctrl+N opened a form on a damaged case")
	}
	if strings.Contains(shownTexts(u), "malformed") {
		t.Errorf("the database's words reached the window:\n%s", shownTexts(u))
	}
}

// TestDamagedCaseAtOpen opens a case whose damage the first query finds, from a store
// that streams what it can read, and from one whose query returns it with the error.
func TestDamagedCaseAtOpen(t *testing.T) {
	u := newTestUIOn(t, damagedCase(t, true))
	checkDamagedShown(t, u)
	if len(u.win.Canvas().Overlays().List()) != 0 {
		t.Error("a dialog covers the damaged case: the banner says it")
	}
	d := damagedCase(t, true)
	d.partial = true
	u = newTestUIOn(t, d)
	checkDamagedShown(t, u)
	if u.marks.ID(u.marks.Len()-1) != "sample-2023-china" { // the last 5, not the first 5 Each gives
		t.Errorf("shows %v, not the marks the query returned", titles(u))
	}
}

// TestDamageFoundByAnEdit deletes an event from a case that turns out damaged: the
// delete is refused in one clear line, the banner shows, and the window shows what can be
// read, read-only.
func TestDamageFoundByAnEdit(t *testing.T) {
	d := damagedCase(t, false)
	u := newTestUIOn(t, d)
	if u.marks.Len() != 13 || u.banner.Visible() {
		t.Fatalf("a sound case shows %d events, banner %v", u.marks.Len(), u.banner.Visible())
	}
	u.list.selectRow(u.pos("sample-2023-talks"))
	u.win.Canvas().Unfocus()
	d.broken.Store(true)
	key(u, fyne.KeyDelete)
	if n := len(u.win.Canvas().Overlays().List()); n != 1 || !strings.Contains(shownTexts(u), "The case file is damaged") {
		t.Errorf("%d dialogs; shown:\n%s", n, shownTexts(u))
	}
	checkDamagedShown(t, u)
	d.broken.Store(false) // the file itself: the refused delete left it whole
	if n, _ := d.Count(context.Background(), timeline.Filter{}); n != 13 {
		t.Errorf("the damaged case holds %d events", n)
	}
}

// TestOpenRefusesADamagedFile opens a file the opener finds damaged: one clear line,
// and the case on screen stays.
func TestOpenRefusesADamagedFile(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	store := u.store
	u.open = func(string, bool) (timeline.Store, error) { return nil, errMalformed }
	u.openPath("/cases/scribbled.chronoscope")
	if u.store != store || !strings.Contains(shownTexts(u), "The case file is damaged: scribbled.chronoscope cannot be opened") ||
		strings.Contains(shownTexts(u), "malformed") {
		t.Errorf("store kept %v; shown:\n%s", u.store == store, shownTexts(u))
	}
}

// An export from a case already known to be damaged fails in the same one line.
func TestExportFromADamagedCaseSaysSo(t *testing.T) {
	u := newTestUIOn(t, damagedCase(t, true))
	for _, o := range u.win.Canvas().Overlays().List() {
		u.win.Canvas().Overlays().Remove(o)
	}
	u.showError(fmt.Errorf("export: %w", errMalformed))
	if n := len(u.win.Canvas().Overlays().List()); n != 1 || !strings.Contains(shownTexts(u), "The case file is damaged") ||
		strings.Contains(shownTexts(u), "malformed") {
		t.Errorf("%d dialogs; shown:\n%s", n, shownTexts(u))
	}
}
