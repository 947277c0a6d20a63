package app

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// hasColour reports whether img holds a pixel of exactly c.
func hasColour(img image.Image, c color.NRGBA) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)) == c {
				return true
			}
		}
	}
	return false
}

// keepFailedCapture writes img to testdata/failed/name.png when the test has failed by
// now, with what the window held, for a failure seen only in a full -race run to be
// looked at.
func keepFailedCapture(t *testing.T, name string, img image.Image) {
	t.Helper()
	if !t.Failed() {
		return
	}
	dir := filepath.Join("testdata", "failed")
	path := filepath.Join(dir, name+".png")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		if f, err := os.Create(path); err == nil {
			_ = png.Encode(f, img)
			_ = f.Close()
			t.Logf("the window as captured: %s (%v)", path, img.Bounds())
		}
	}
}

// TestWindowLaneColoursStayPut: the window draws each lane in the colour the case keeps
// for it, in the timeline and the list, and a search or a filter changes no lane's
// colour (the Military lane used to turn from orange to blue after a search).
func TestWindowLaneColoursStayPut(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	want, err := timelineview.ReadLaneColours(context.Background(), u.store)
	if err != nil || len(want) != 4 {
		t.Fatalf("the case keeps %d lane colours (%v)", len(want), err)
	}
	check := func(what string, shown, hidden []string) {
		t.Helper()
		img := u.win.Canvas().Capture()
		defer func() {
			if t.Failed() { // what the window held, for a failure seen only in a full -race run
				n := -1
				if ix := u.tl.Index(); ix != nil {
					n = ix.Len()
				}
				t.Logf("%s: %d marks, %d in the timeline's index, %d overlays, busy %v, status %q", what, u.marks.Len(), n,
					len(u.win.Canvas().Overlays().List()), u.busy.Visible(), u.status.Text)
			}
			keepFailedCapture(t, "lane-colours-"+strings.ReplaceAll(what, " ", "-"), img)
		}()
		for _, l := range shown {
			if u.list.colours.Of(l) != want[l] {
				t.Errorf("%s: the list's colour for %s is %v, the case's %v", what, l, u.list.colours.Of(l), want[l])
			}
			if !hasColour(img, want[l]) {
				t.Errorf("%s: lane %s's colour %v is not drawn", what, l, want[l])
			}
		}
		for _, l := range hidden {
			if hasColour(img, want[l]) {
				t.Errorf("%s: lane %s is filtered out, yet its colour is drawn", what, l)
			}
		}
	}
	check("the case", []string{"Diplomacy", "Military", "North Korea", "Space"}, nil)
	typeSearch(u, "ballistic")
	check("a search", []string{"Military"}, []string{"Diplomacy", "Space"})
	u.search.SetText("")
	u.filters.lanes.set([]string{"Space"})
	u.refresh()
	check("a filter", []string{"Space"}, []string{"Diplomacy", "Military", "North Korea"})
}

// TestHighlightModeAndEnter: with Highlight on, a search keeps every event and counts
// the matches; Enter in the search box frames the matches.
func TestHighlightModeAndEnter(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	u.highlight.SetChecked(true)
	typeSearch(u, "ballistic")
	if u.marks.Len() != 13 || u.tl.Index().Len() != 13 {
		t.Errorf("highlighting shows %d events, want all 13", u.marks.Len())
	}
	if !strings.HasPrefix(u.count.Text, "1 matching") {
		t.Errorf("count %q, want the one match counted", u.count.Text)
	}
	u.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := u.tl.Scale()
	missile := u.marks.At(u.pos("sample-2023-missile"))
	if first, last := s.Window(); missile.StartLo < first || missile.EndHi > last || s.Span() > 30*86400 {
		t.Errorf("Enter shows %d..%d, want the missile launch of %d framed", first, last, missile.StartLo)
	}
	u.highlight.SetChecked(false)
	if u.marks.Len() != 1 || !strings.HasPrefix(u.count.Text, "1 of 13") {
		t.Errorf("without highlight the search shows %d (%q)", u.marks.Len(), u.count.Text)
	}
}

// TestWindowStepsAndGoesToDate: ] and Alt+Right select the next event in time and show
// it in the detail pane; Ctrl+G takes a date as the form does and shows it.
func TestWindowStepsAndGoesToDate(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	u.tl.GoTo(u.marks.StartLo(0) - 86400) // just before the first event
	u.viewRune(']')
	if u.selected != u.marks.ID(0) || u.detail.shown == nil || u.detail.shown.ID != u.marks.ID(0) {
		t.Fatalf("] selected %q, want the first event %q in the detail pane", u.selected, u.marks.ID(0))
	}
	press(u, alt(fyne.KeyRight))
	if u.selected != u.marks.ID(1) {
		t.Errorf("Alt+Right selected %q, want the second event %q", u.selected, u.marks.ID(1))
	}
	u.viewRune('[')
	if u.selected != u.marks.ID(0) {
		t.Errorf("[ selected %q, want the first event again", u.selected)
	}

	press(u, ctrlKey(fyne.KeyG))
	entry, ok := u.win.Canvas().Focused().(*keyEntry)
	if !ok {
		t.Fatalf("Ctrl+G focused %T, want the date field", u.win.Canvas().Focused())
	}
	test.Type(entry, "1 June 2021") // as the event form takes dates
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := u.tl.Scale()
	mid := (s.Start + s.End) / 2
	if day := float64(1622505600 + 43200); mid < day-86400 || mid > day+86400 {
		t.Errorf("Go to 1 June 2021 centred the view on %.0f", mid)
	}
	// A span, as the form reads one: framed whole.
	press(u, ctrlKey(fyne.KeyG))
	entry = u.win.Canvas().Focused().(*keyEntry)
	test.Type(entry, "1950 to 1955")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	first, last := u.tl.Scale().Window()
	if y1950, y1956 := int64(-631152000), int64(-441763200); first > y1950 || last < y1956 || last-first > 20*(y1956-y1950) {
		t.Errorf("Go to 1950 to 1955 shows %d..%d, want the six years framed", first, last)
	}
	if !strings.Contains(u.status.Text, "1950") {
		t.Errorf("the status says %q", u.status.Text)
	}
}

// TestClosingTheCaseClearsTheCount: after Close case no count, selection or detail of
// the case is left, and what needs a case is off.
func TestClosingTheCaseClearsTheCount(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	u.selectEvent(u.marks.ID(0), "")
	u.closeCase()
	if u.count.Text != "" || u.detail.shown != nil || u.selected != "" {
		t.Errorf("after Close case: count %q, detail %v, selected %q", u.count.Text, u.detail.shown, u.selected)
	}
	if !u.menus.goTo.Disabled || !u.menus.next.Disabled {
		t.Error("Go to date and Next event are on with no case")
	}
	for _, it := range u.menus.viewItems {
		if !it.Disabled {
			t.Errorf("View > %s is on with no case", it.Label)
		}
	}
	if !u.search.Disabled() || !u.groupBy.Disabled() || !u.highlight.Disabled() || !u.filters.button.Disabled() {
		t.Error("the search, Group by, Highlight or Filters are on with no case")
	}
	s, err := testOpener(sampleCase(t), false)
	if err != nil {
		t.Fatal(err)
	}
	u.setStore(s)
	if u.search.Disabled() || u.menus.viewItems[0].Disabled {
		t.Error("a case opened again leaves the search or View > Zoom in off")
	}
}

// TestThemeMenuMarksTheChoice: the Theme menu ticks the theme in use.
func TestThemeMenuMarksTheChoice(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	if !u.menus.themes["system"].Checked {
		t.Error("System not ticked at start")
	}
	u.setTheme("dark")
	for name, it := range u.menus.themes {
		if it.Checked != (name == "dark") {
			t.Errorf("after choosing Dark, %s ticked %v", name, it.Checked)
		}
	}
}

// visibleTexts lists the texts shown in o and below it.
func visibleTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			if w.Text != "" {
				out = append(out, w.Text)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// TestEmptyStatesSayOneThing: an empty case shows one message with real buttons, and
// the timeline draws no message of its own under it; a search that hides every event
// shows the other message and a button that brings them back.
func TestEmptyStatesSayOneThing(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "empty"+data.Extension), data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	u := newTestUIOn(t, s)
	shown := strings.Join(append(visibleTexts(u.tl), visibleTexts(u.empty.box)...), "|")
	for _, want := range []string{"This case has no events yet.", "New event", "Import...", "Find events in text...", "Open recent"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the empty case shows %q, without %q", shown, want)
		}
	}
	if strings.Contains(shown, "No events to show") || strings.Contains(shown, "No event matches") {
		t.Errorf("the empty case shows two messages: %q", shown)
	}

	u = newTestUI(t, sampleCase(t))
	typeSearch(u, "zzzz nothing")
	shown = strings.Join(append(visibleTexts(u.tl), visibleTexts(u.empty.box)...), "|")
	if !strings.Contains(shown, "No event matches the search and the filters.") || strings.Contains(shown, "New event") ||
		strings.Contains(shown, "has no events") {
		t.Errorf("a search matching nothing shows %q", shown)
	}
	var clear *widget.Button
	for _, o := range u.empty.forView.Objects {
		clear = o.(*widget.Button)
	}
	test.Tap(clear)
	if u.marks.Len() != 13 || u.empty.box.Visible() {
		t.Errorf("after Clear: %d events, the panel shown %v", u.marks.Len(), u.empty.box.Visible())
	}
}

// TestDetailLeavesWithItsEvent: an event filtered out of view leaves the detail pane.
func TestDetailLeavesWithItsEvent(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	u.selectEvent("sample-2023-missile", "")
	if u.detail.shown == nil {
		t.Fatal("no detail shown for the selection")
	}
	typeSearch(u, "satellite")
	if u.detail.shown != nil || u.selected != "" {
		t.Errorf("the missile launch, filtered out, is still in the detail pane (%v, %q)", u.detail.shown != nil, u.selected)
	}
}

// TestViewMenuSortsAndFindsLanes: View > Sort lanes > By first event reorders the
// timeline's lanes and ticks the choice; Find lane scrolls to a lane as its name is typed.
func TestViewMenuSortsAndFindsLanes(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	var view *fyne.Menu
	for _, m := range u.menus.main.Items {
		if m.Label == "View" {
			view = m
		}
	}
	var sortItem *fyne.MenuItem
	for _, it := range view.Items {
		if it.Label == "Sort lanes" {
			sortItem = it
		}
	}
	if sortItem == nil {
		t.Fatal("no View > Sort lanes")
	}
	byFirst := sortItem.ChildMenu.Items[2]
	byFirst.Action()
	if !byFirst.Checked || sortItem.ChildMenu.Items[0].Checked {
		t.Error("the sort chosen is not the one ticked")
	}
	press(u, ctrlKey(fyne.KeyL))
	entry, ok := u.win.Canvas().Focused().(*widget.SelectEntry)
	if !ok {
		t.Fatalf("Ctrl+L focused %T", u.win.Canvas().Focused())
	}
	test.Type(entry, "spa")
	if shown := strings.Join(visibleTexts(u.win.Canvas().Overlays().Top()), "|"); strings.Contains(shown, "No lane starts") {
		t.Errorf("Find lane for spa says %q", shown)
	}
	test.Type(entry, "zz")
	if shown := strings.Join(visibleTexts(u.win.Canvas().Overlays().Top()), "|"); !strings.Contains(shown, "No lane starts with spazz") {
		t.Errorf("Find lane for spazz says %q", shown)
	}
}

// objectsIn lists o and every object under it, depth first.
func objectsIn(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, objectsIn(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, objectsIn(c)...)
		}
	}
	return out
}

// TestLanePropertiesChangeAColour: Edit > Lane properties lists the lanes with their
// colours; choosing another for Military and saving stores it in the case, and the list
// and the timeline take it.
func TestLanePropertiesChangeAColour(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	u.laneProperties()
	var entries []*widget.SelectEntry
	var save *widget.Button
	for _, o := range objectsIn(u.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.SelectEntry:
			entries = append(entries, w)
		case *widget.Button:
			if w.Text == "Save" {
				save = w
			}
		}
	}
	if len(entries) != 4 || save == nil {
		t.Fatalf("the lane form has %d colour fields and Save %v", len(entries), save != nil)
	}
	lanes, _ := u.store.(timeline.LaneKeeper).Lanes(context.Background())
	mil := -1
	for i, l := range lanes {
		if l.Name == "Military" {
			mil = i
		}
	}
	entries[mil].SetText("#123456")
	test.Tap(save)
	after, _ := u.store.(timeline.LaneKeeper).Lanes(context.Background())
	if after[mil].Colour != "#123456" {
		t.Errorf("Military's colour in the case is %q, want #123456", after[mil].Colour)
	}
	if c := u.list.colours.Of("Military"); c != (color.NRGBA{0x12, 0x34, 0x56, 0xff}) {
		t.Errorf("the list draws Military in %v", c)
	}
	if !hasColour(u.win.Canvas().Capture(), color.NRGBA{0x12, 0x34, 0x56, 0xff}) {
		t.Error("the timeline does not draw Military's new colour")
	}
}
