package app

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/app/timelineview"
	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// laneNames are the case's lanes by position.
func laneNames(t *testing.T, u *ui) []string {
	t.Helper()
	lanes, err := u.store.(timeline.LaneKeeper).Lanes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range lanes {
		out = append(out, l.Name)
	}
	return out
}

// rowButtons are the move up and move down buttons of the form's row at place at.
func rowButtons(t *testing.T, f *laneForm, at int) (up, down *widget.Button) {
	t.Helper()
	for _, o := range objectsIn(f.rows.Objects[at]) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil {
			switch b.Icon.Name() {
			case theme.MoveUpIcon().Name():
				up = b
			case theme.MoveDownIcon().Name():
				down = b
			}
		}
	}
	if up == nil || down == nil {
		t.Fatalf("row %d has no move up or move down button", at)
	}
	return up, down
}

// TestLanePropertiesMoveLanes: in Edit > Lane properties, Move up on Space puts it
// above Military; Save keeps the order in the case and the timeline draws the lanes in
// it; Ctrl+Z puts them back, Ctrl+Shift+Z moves them again.
func TestLanePropertiesMoveLanes(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	start := laneNames(t, u)
	if want := []string{"Diplomacy", "North Korea", "Military", "Space"}; !slices.Equal(start, want) {
		t.Fatalf("the sample's lanes %v, want %v (the order of their first events)", start, want)
	}
	timelineOrder := u.tl.LaneNames
	if got := timelineOrder(); !slices.Equal(got, start) {
		t.Errorf("the timeline's lanes %v, want the case's order %v", got, start)
	}
	u.laneProperties()
	f := onScreen[*laneForm](u)
	if f == nil {
		t.Fatal("no Lane properties dialog on screen")
	}
	if up, _ := rowButtons(t, f, 0); !up.Disabled() {
		t.Error("the top lane can move up")
	}
	up, _ := rowButtons(t, f, 3)
	test.Tap(up)
	f.save()
	moved := []string{"Diplomacy", "North Korea", "Space", "Military"}
	if got := laneNames(t, u); !slices.Equal(got, moved) {
		t.Errorf("after Move up on Space: the case's lanes %v, want %v", got, moved)
	}
	if got := timelineOrder(); !slices.Equal(got, moved) {
		t.Errorf("after Move up on Space: the timeline's lanes %v, want %v", got, moved)
	}
	press(u, &fyne.ShortcutUndo{})
	if got := laneNames(t, u); !slices.Equal(got, start) {
		t.Errorf("after Ctrl+Z: the case's lanes %v, want %v", got, start)
	}
	if got := timelineOrder(); !slices.Equal(got, start) {
		t.Errorf("after Ctrl+Z: the timeline's lanes %v, want %v", got, start)
	}
	press(u, ctrlShift(fyne.KeyZ))
	if got := laneNames(t, u); !slices.Equal(got, moved) {
		t.Errorf("after Ctrl+Shift+Z: the case's lanes %v, want %v", got, moved)
	}
	u.tl.SetLaneSort(timelineview.SortByName)
	if got := timelineOrder(); !slices.Equal(got, []string{"Diplomacy", "Military", "North Korea", "Space"}) {
		t.Errorf("sorted by name: %v", got)
	}
}

// TestEighthLaneStaysApart: the eighth lane of a case does not take the first lane's
// colour again but the first shade, and the list draws its swatch hollow.
func TestEighthLaneStaysApart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lanes"+data.Extension)
	s, err := data.Open(path, data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	var evs []timeline.Event
	for i := range 8 {
		evs = append(evs, timeline.Event{Title: fmt.Sprintf("Event %d", i), Start: timeline.MustParseDate(fmt.Sprintf("20%02d", 10+i)), Lane: fmt.Sprintf("Lane %d", i+1)})
	}
	if _, err := s.Put(context.Background(), evs, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	u := newTestUI(t, path)
	first, eighth := u.list.colours.Of("Lane 1"), u.list.colours.Of("Lane 8")
	if first == eighth || !timelineview.Shaded(eighth) || timelineview.Shaded(first) {
		t.Fatalf("lane 1 in %v, lane 8 in %v (shaded %v)", first, eighth, timelineview.Shaded(eighth))
	}
	lane := slices.IndexFunc(u.list.cols, func(c column) bool { return c.key == "lane" })
	row := u.list.CreateCell()
	u.list.UpdateCell(widget.TableCellID{Row: u.marks.Len() - 1, Col: lane}, row) // the latest event, in Lane 8
	sw := row.(*fyne.Container).Objects[2].(*canvas.Rectangle)
	if sw.StrokeColor != eighth || sw.StrokeWidth == 0 || sw.FillColor != color.Transparent {
		t.Errorf("lane 8's swatch: fill %v, stroke %v width %v; want hollow in %v", sw.FillColor, sw.StrokeColor, sw.StrokeWidth, eighth)
	}
	u.list.UpdateCell(widget.TableCellID{Row: 0, Col: lane}, row)
	if sw := row.(*fyne.Container).Objects[2].(*canvas.Rectangle); sw.FillColor != first || sw.StrokeWidth != 0 {
		t.Errorf("lane 1's swatch: fill %v, stroke width %v; want solid %v", sw.FillColor, sw.StrokeWidth, first)
	}
}
