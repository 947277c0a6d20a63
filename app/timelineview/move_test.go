package timelineview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// sampleEvent is the sample chronology's event with id.
func sampleEvent(t *testing.T, id string) timeline.Event {
	t.Helper()
	for _, e := range timeline.Sample() {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no sample event %s", id)
	return timeline.Event{}
}

// moveView is the sample at 9 to 14 September 2023 with id selected, CanMove allowing
// it when allow says so, and the moves OnMove is told of.
func moveView(t *testing.T, id string, allow *bool) (*View, *[]timeline.Moved) {
	tv, _ := tlView(t, tlSampleIndex(), theme.VariantLight, tlWidth, tlHeight)
	tv.SetScale(fitWithLabels(tlDay(2023, 9, 9), tlDay(2023, 9, 15)-1, tlWidth))
	tv.SetSelected(id)
	tv.CanMove = func(got string, tell bool) ([]timeline.Event, bool) {
		if !*allow {
			return nil, false
		}
		return []timeline.Event{sampleEvent(t, got)}, true
	}
	var moves []timeline.Moved
	tv.OnMove = func(before []timeline.Event, m timeline.Moved) {
		if len(before) != 1 || before[0].ID != id {
			t.Errorf("OnMove was told of %+v, want %s", before, id)
		}
		moves = append(moves, m)
	}
	return tv, &moves
}

// drag sends a drag from p by dx pixels in steps, as the driver does.
func drag(tv *View, p fyne.Position, dx float32, steps int) {
	for i := 1; i <= steps; i++ {
		step := dx / float32(steps)
		tv.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p.AddXY(step*float32(i), 0)}, Dragged: fyne.Delta{DX: step}})
	}
}

// ghostShown reports whether any outline of a moved event is on screen.
func ghostShown(tv *View) bool {
	for _, g := range tv.r.ghosts {
		if g.Visible() {
			return true
		}
	}
	return false
}

// dayWidth is how wide a day is in the view.
func dayWidth(tv *View) float32 {
	s := tv.scale
	return float32(s.X(tlDay(2023, 9, 11)) - s.X(tlDay(2023, 9, 10)))
}

// TestDragMovesTheSelectedEvent: a drag from the selected event's mark by two days
// moves it by two days, the view unpanned; while it lasts the tooltip gives the new
// date and the old and the outline sits two days on; OnMove hears of it at the end.
func TestDragMovesTheSelectedEvent(t *testing.T) {
	allow := true
	tv, moves := moveView(t, "sample-2023-eve-warnings", &allow)
	before := tv.Scale()
	p := tlPos(t, tv, "sample-2023-eve-warnings")
	drag(tv, p, 2*dayWidth(tv)+3, 4)
	if !tv.Moving() {
		t.Fatal("the drag from the selected mark is not a move")
	}
	tip := strings.Join(tv.tooltip, "\n")
	for _, want := range []string{"Move: +2 days", "2023-09-14", "was 2023-09-12", "Esc cancels"} {
		if !strings.Contains(tip, want) {
			t.Errorf("the tooltip says %q, want %q in it", tip, want)
		}
	}
	g := tv.ghosts()
	if want := tv.scale.X(tlDay(2023, 9, 14)); len(g) != 1 || float64(g[0].x0) > want || float64(g[0].x1) < want {
		t.Errorf("the outlines are %+v, want one over 14 September at %.0f", g, want)
	}
	if !ghostShown(tv) || !tv.r.tipBg.Visible() {
		t.Error("the outline or the tooltip is not shown during the move")
	}
	tv.DragEnd()
	if tv.Scale() != before {
		t.Errorf("the move panned the view: %v, was %v", tv.Scale(), before)
	}
	if len(*moves) != 1 || (*moves)[0].Events[0].Start.Text != "2023-09-14" || (*moves)[0].Steps != 2 {
		t.Fatalf("OnMove got %+v, want one move to 2023-09-14", *moves)
	}
	if tv.Moving() || ghostShown(tv) {
		t.Error("the move is still under way after the drag ended")
	}
}

// TestEscapeCancelsAMove: Escape during a move hides its outline, the rest of the drag
// does nothing, and OnMove hears nothing.
func TestEscapeCancelsAMove(t *testing.T) {
	allow := true
	tv, moves := moveView(t, "sample-2023-eve-warnings", &allow)
	before := tv.Scale()
	var passed []fyne.KeyName
	tv.OnKey = func(k *fyne.KeyEvent) bool { passed = append(passed, k.Name); return true }
	p := tlPos(t, tv, "sample-2023-eve-warnings")
	drag(tv, p, 2*dayWidth(tv), 2)
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ghostShown(tv) || tv.r.tipBg.Visible() {
		t.Error("the outline or the tooltip stayed after Escape")
	}
	drag(tv, p.AddXY(2*dayWidth(tv), 0), 100, 2)
	tv.DragEnd()
	if len(*moves) != 0 || tv.Scale() != before {
		t.Errorf("after Escape: moves %+v, view %v (was %v); want neither", *moves, tv.Scale(), before)
	}
	if len(passed) != 0 {
		t.Errorf("Escape that cancelled a move went on to OnKey too: %v", passed)
	}
	// Escape with no move goes on as before (the window clears the selection with it).
	tv.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(passed) != 1 {
		t.Errorf("Escape with no move did not reach OnKey")
	}
}

// TestDragPansWhereNoMoveIsAllowed: a drag that begins off the selected mark, on a mark
// not selected, or when CanMove refuses (a read-only case) pans.
func TestDragPansWhereNoMoveIsAllowed(t *testing.T) {
	allow := true
	tv, moves := moveView(t, "sample-2023-eve-warnings", &allow)
	for _, from := range []fyne.Position{
		fyne.NewPos(150, float32(tm().axis+tlLaneTop(t, tv, 3)+tm().header+tm().row/2)), // nothing there
		tlPos(t, tv, "sample-2023-train"),                                               // not selected
	} {
		before := tv.Scale()
		drag(tv, from, 80, 2)
		tv.DragEnd()
		if tv.Scale() == before {
			t.Errorf("a drag from %v did not pan", from)
		}
	}
	allow = false
	before := tv.Scale()
	drag(tv, tlPos(t, tv, "sample-2023-eve-warnings"), 80, 2)
	tv.DragEnd()
	if tv.Scale() == before || len(*moves) != 0 {
		t.Errorf("with the move refused: view %v (was %v), moves %+v; want a pan", tv.Scale(), before, *moves)
	}
}

// TestDragASpansEdge: near the end of a selected span the cursor says resize and a
// drag moves the end alone; from its middle the span moves whole, keeping its length.
func TestDragASpansEdge(t *testing.T) {
	allow := true
	tv, moves := moveView(t, "sample-2023-train", &allow)
	it := tlItem(t, tv, "sample-2023-train")
	y := float32(tm().axis + it.Y + tm().row/2)
	end := fyne.NewPos(float32(it.X1)-2, y)
	tv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}})
	if tv.Cursor() != desktop.HResizeCursor {
		t.Errorf("the cursor at the end of the selected span is %v, want the resize cursor", tv.Cursor())
	}
	mid := fyne.NewPos(float32(it.X0+it.X1)/2, y)
	tv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: mid}})
	if tv.Cursor() != desktop.DefaultCursor {
		t.Errorf("the cursor in the middle of the span is %v, want the default", tv.Cursor())
	}
	drag(tv, end, dayWidth(tv), 3)
	if !strings.HasPrefix(tv.tooltip[0], "End: +1 day") {
		t.Errorf("the tooltip says %q while the end is dragged", tv.tooltip)
	}
	tv.DragEnd()
	drag(tv, mid, -dayWidth(tv), 3)
	tv.DragEnd()
	if len(*moves) != 2 {
		t.Fatalf("OnMove got %d moves, want 2", len(*moves))
	}
	if e := (*moves)[0].Events[0]; e.Start.Text != "2023-09-10" || e.End.Text != "2023-09-14" {
		t.Errorf("dragging the end gave %s to %s, want 2023-09-10 to 2023-09-14", e.Start.Text, e.End.Text)
	}
	if e := (*moves)[1].Events[0]; e.Start.Text != "2023-09-09" || e.End.Text != "2023-09-12" {
		t.Errorf("dragging the middle gave %s to %s, want 2023-09-09 to 2023-09-12", e.Start.Text, e.End.Text)
	}
	// The read-only case: no resize cursor.
	allow = false
	tv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}})
	if tv.Cursor() != desktop.DefaultCursor {
		t.Errorf("the resize cursor shows where nothing can move")
	}
}

// TestDragMovesWhatCanMoveHandsOver: when CanMove hands over more events than the one
// grabbed (a selection), the drag moves them all whole, by the same step, even from an
// edge of the span grabbed.
func TestDragMovesWhatCanMoveHandsOver(t *testing.T) {
	allow := true
	tv, _ := moveView(t, "sample-2023-train", &allow)
	tv.CanMove = func(id string, tell bool) ([]timeline.Event, bool) {
		return []timeline.Event{sampleEvent(t, id), sampleEvent(t, "sample-2023-eve-warnings")}, true
	}
	var got []timeline.Moved
	tv.OnMove = func(before []timeline.Event, m timeline.Moved) { got = append(got, m) }
	it := tlItem(t, tv, "sample-2023-train")
	drag(tv, fyne.NewPos(float32(it.X1)-2, float32(tm().axis+it.Y+tm().row/2)), 2*dayWidth(tv), 3)
	if !strings.HasPrefix(tv.tooltip[0], "Move 2 events: +2 days") {
		t.Errorf("the tooltip says %q", tv.tooltip)
	}
	if n := len(tv.ghosts()); n != 2 {
		t.Errorf("%d outlines while two events move, want 2", n)
	}
	tv.DragEnd()
	if len(got) != 1 || len(got[0].Events) != 2 {
		t.Fatalf("OnMove got %+v, want one move of two events", got)
	}
	train, eve := got[0].Events[0], got[0].Events[1]
	if train.Start.Text != "2023-09-12" || train.End.Text != "2023-09-15" || eve.Start.Text != "2023-09-14" {
		t.Errorf("moved to %s..%s and %s, want 2023-09-12..2023-09-15 and 2023-09-14", train.Start.Text, train.End.Text, eve.Start.Text)
	}
}
