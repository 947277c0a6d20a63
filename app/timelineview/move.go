package timelineview

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/chronoscope/chronoscope/timeline"
)

// The drag modes of View.dragMode.
const (
	dragNone     = iota
	dragPan      // the view follows the pointer
	dragOverview // the window follows the pointer on the overview
	dragScroll   // the scroll bar's thumb follows the pointer
	dragMove     // the selected event follows the pointer, to new dates
	dragCanceled // a move that Escape called off: the rest of the drag does nothing
	dragBand     // a rubber band follows the pointer (Shift+drag), selecting what it covers
)

// edgeSlop is how near (in pixels) to a selected span's end a drag moves that end alone.
const edgeSlop = 5

// moveDrag is a drag that moves the selected event.
type moveDrag struct {
	before []timeline.Event  // the events moved as saved, the one grabbed first
	edge   timeline.MoveEdge // what the drag moves (an edge of a single span only)
	from   float64           // the instant under the pointer when the drag began
	rows   []float64         // the top of each one's row in the lane area; NaN if not drawn
	h      float64           // the height of a row
	moved  timeline.Moved    // where the drag has them now
}

// maxGhosts is the most outlines a move draws: one for each event moved that is drawn,
// up to this many.
const maxGhosts = 100

// grabAt reports what a drag from p would move: a selected event, when p is on its mark
// (a span's edge when p is that near it), and CanMove allows it (and hands over the rest
// of the selection with it).
func (t *View) grabAt(p fyne.Position, tell bool) (*moveDrag, bool) {
	if t.selected == "" || t.CanMove == nil || t.inOverview(p.Y) || t.inScrollbar(p) {
		return nil, false
	}
	h, id := t.hit(p)
	if id == "" || !t.selectedSet()[id] || h.Item < 0 || h.Item >= len(t.front.Items) {
		return nil, false
	}
	it := &t.front.Items[h.Item]
	edge := timeline.MoveWhole
	if x := float64(p.X); it.Span && it.X1-it.X0 >= 3*edgeSlop {
		switch {
		case math.Abs(x-it.X0) <= edgeSlop:
			edge = timeline.MoveStart
		case math.Abs(x-it.X1) <= edgeSlop:
			edge = timeline.MoveEnd
		}
	}
	es, ok := t.CanMove(id, tell)
	if !ok || len(es) == 0 || es[0].ID != id {
		return nil, false
	}
	if len(es) > 1 {
		edge = timeline.MoveWhole
	}
	md := &moveDrag{before: es, edge: edge, from: t.timeAt(p.X), rows: t.rowsOf(es), h: t.lay().row}
	md.rows[0] = it.Y // the row grabbed, for an event drawn in two lanes
	return md, true
}

// rowsOf is the top of the row of each of es in the frame on display (the first item
// drawn of it), NaN for those not drawn, for the first maxGhosts of them.
func (t *View) rowsOf(es []timeline.Event) []float64 {
	rows := make([]float64, len(es))
	at := make(map[int]int, min(len(es), maxGhosts)) // mark -> index in es
	for i := range rows {
		rows[i] = math.NaN()
		if i < maxGhosts {
			if m, ok := t.ix.Marks().Find(es[i].ID); ok {
				at[m] = i
			}
		}
	}
	for k := range t.front.Items {
		it := &t.front.Items[k]
		if i, ok := at[int(it.Mark)]; ok && math.IsNaN(rows[i]) {
			rows[i] = it.Y
		}
	}
	return rows
}

// timeAt is the instant at x, with its fraction of a second (on a folded axis, the
// instant that x stands for).
func (t *View) timeAt(x float32) float64 { return t.fold.TimeF(t.scale.At(float64(x))) }

// startMove begins moving the selected event when a drag from start may move it.
func (t *View) startMove(start fyne.Position) bool {
	md, ok := t.grabAt(start, true)
	if !ok {
		return false
	}
	t.move = md
	t.dragMode = dragMove
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t) // for Escape
	}
	return true
}

// dragMoveTo follows the pointer at p with the moved event: its new dates, snapped to
// their precision, in the tooltip and its outline on the timeline.
func (t *View) dragMoveTo(p fyne.Position) {
	md := t.move
	delta, spp := t.timeAt(p.X)-md.from, t.scale.SecondsPerPixel()
	if len(md.before) == 1 {
		md.moved = timeline.MoveEvent(md.before[0], md.edge, delta, spp)
	} else {
		md.moved = timeline.MoveEvents(md.before, delta, spp)
	}
	t.hoverID, t.hoverPos = md.before[0].ID, p
	t.tooltip = moveLines(md)
	t.refreshTooltip()
}

// moveLines is what the tooltip says during a move: what changes, by how much, the new
// dates and the old (of the event grabbed, when several move).
func moveLines(md *moveDrag) []string {
	what := "Move"
	if n := len(md.before); n > 1 {
		what = fmt.Sprintf("Move %d events", n)
	}
	switch md.edge {
	case timeline.MoveStart:
		what = "Start"
	case timeline.MoveEnd:
		what = "End"
	}
	dates := func(e timeline.Event) string {
		if e.IsSpan() {
			return e.Start.Text + " to " + e.End.Text
		}
		return e.Start.Text
	}
	return []string{
		what + ": " + md.moved.Words(),
		dates(md.moved.Events[0]),
		"was " + dates(md.before[0]),
		"Release to save, Esc cancels",
	}
}

// endMove saves the move (OnMove) when it changed the dates, and forgets it.
func (t *View) endMove() {
	md := t.move
	t.cancelMove()
	if md != nil && t.dragMode == dragMove && md.moved.Steps != 0 && t.OnMove != nil {
		t.OnMove(md.before, md.moved)
	}
}

// cancelMove forgets the move under way, its outline and tooltip with it.
func (t *View) cancelMove() {
	if t.move == nil {
		return
	}
	t.move = nil
	t.hoverID, t.tooltip = "", nil
	t.refreshTooltip()
}

// Moving reports whether a drag is moving the selected event.
func (t *View) Moving() bool { return t.dragMode == dragMove }

// ghostBox is where the outline of a moved event goes, in the widget's coordinates.
type ghostBox struct{ x0, y, x1, h float32 }

// ghosts are the outlines of the events being moved, where their new dates put them: none
// when no move is under way or its dates did not change.
func (t *View) ghosts() []ghostBox {
	md := t.move
	if md == nil || md.moved.Steps == 0 {
		return nil
	}
	var out []ghostBox
	for i, e := range md.moved.Events {
		if i >= len(md.rows) || math.IsNaN(md.rows[i]) {
			continue
		}
		a := t.scale.X(t.fold.Axis(e.Earliest()))
		b := t.scale.X(t.fold.Axis(e.Latest() + 1))
		if mw := t.lay().mark; b-a < mw {
			mid := (a + b) / 2
			a, b = mid-mw/2, mid+mw/2
		}
		out = append(out, ghostBox{float32(a), float32(t.lay().axis + md.rows[i]), float32(b), float32(md.h)})
	}
	return out
}

// Cursor shows that a drag resizes when the pointer is at an edge of the selected span
// that can be moved. It is part of desktop.Cursorable.
func (t *View) Cursor() desktop.Cursor {
	if t.dragMode == dragMove && t.move != nil && t.move.edge != timeline.MoveWhole {
		return desktop.HResizeCursor
	}
	if t.hoverEdge {
		return desktop.HResizeCursor
	}
	return desktop.DefaultCursor
}

// noteEdge notes whether the pointer at p is on an edge of the selected span, for Cursor.
func (t *View) noteEdge(p fyne.Position) {
	t.hoverEdge = false
	if t.dragMode != dragNone {
		return
	}
	if md, ok := t.grabAt(p, false); ok {
		t.hoverEdge = md.edge != timeline.MoveWhole
	}
}

// MarkBounds is the box of the mark of the event with id on screen, in the widget's
// coordinates: the whole range its dates may cover, on its row; ok is false when it is
// not drawn in the frame on display.
func (t *View) MarkBounds(id string) (pos fyne.Position, size fyne.Size, ok bool) {
	if t.ix == nil {
		return pos, size, false
	}
	i, found := t.ix.Marks().Find(id)
	if !found {
		return pos, size, false
	}
	m := t.lay()
	for k := range t.front.Items {
		if it := &t.front.Items[k]; int(it.Mark) == i {
			return fyne.NewPos(float32(it.X0), float32(m.axis+it.Y)), fyne.NewSize(float32(it.X1-it.X0), float32(m.row)), true
		}
	}
	return pos, size, false
}
