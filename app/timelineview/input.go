package timelineview

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/chronoscope/chronoscope/timeline"
)

// Scrolled zooms around the pointer; a sideways scroll pans. With Shift held, or over a
// lane's header or the scroll bar, the wheel scrolls the lanes instead.
func (t *View) Scrolled(e *fyne.ScrollEvent) {
	t.hideTooltip() // the event under the pointer moves away
	if shiftHeld() || t.onLaneHeader(e.Position) || t.inScrollbar(e.Position) {
		d := e.Scrolled.DY
		if d == 0 {
			d = e.Scrolled.DX
		}
		t.ScrollBy(-float64(d) * t.lay().row / 10) // a wheel notch (25) scrolls two and a half rows
		return
	}
	if e.Scrolled.DY != 0 {
		factor := math.Pow(1.25, float64(e.Scrolled.DY)/25) // a wheel notch up (25) zooms in 1.25 times
		t.scale = t.scale.Zoom(factor, float64(e.Position.X))
		t.onResize = resizeKeepsZoom
	}
	if e.Scrolled.DX != 0 {
		t.scale = t.scale.Pan(float64(e.Scrolled.DX))
		t.onResize = resizeKeepsZoom
	}
	t.requestFrame()
}

// shiftHeld reports whether Shift is down, on a desktop driver.
func shiftHeld() bool {
	a := fyne.CurrentApp()
	if a == nil {
		return false
	}
	d, ok := a.Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// headerAt is the frame lane whose header row (its name, counts and "+N more") is at p.
func (t *View) headerAt(p fyne.Position) (*timeline.FrameLane, bool) {
	m := t.lay()
	y := float64(p.Y) - m.axis
	if y < 0 || y > t.lanesHeight() {
		return nil, false
	}
	for i := range t.front.Lanes {
		fl := &t.front.Lanes[i]
		if top := math.Max(fl.Y, 0); y >= top && y < top+m.header && top+m.header <= fl.Y+fl.Height {
			return fl, true
		}
	}
	return nil, false
}

func (t *View) onLaneHeader(p fyne.Position) bool {
	_, ok := t.headerAt(p)
	return ok
}

// inScrollbar reports whether p is on the lanes' scroll bar (shown when they overflow).
func (t *View) inScrollbar(p fyne.Position) bool {
	m := t.lay()
	y := float64(p.Y) - m.axis
	return t.maxScroll() > 0 && float64(p.X) >= t.plotWidth()-m.scroll-m.pad && y >= 0 && y <= t.lanesHeight()
}

// scrollbarThumb is the thumb's top and bottom in the lane area, for paint and drags.
func (t *View) scrollbarThumb() (y0, y1 float64) {
	return scrollThumb(t.lanesHeight(), t.front.ContentHeight, t.scrollY, 1.2*t.lay().row)
}

// Dragged pans the view, moves the window when the drag began on the overview, and
// moves the selected event (or the edge of a span) when it began on its mark.
func (t *View) Dragged(e *fyne.DragEvent) {
	if t.dragMode == dragNone {
		start := e.Position.Subtract(e.Dragged)
		t.dragMode = dragPan
		switch {
		case t.startBand(start):
			t.dragMode = dragBand
		case t.inOverview(start.Y):
			t.dragMode = dragOverview
		case t.inScrollbar(start):
			t.dragMode = dragScroll
		default:
			t.startMove(start)
		}
	}
	switch t.dragMode {
	case dragMove:
		t.dragMoveTo(e.Position)
		return
	case dragCanceled:
		return
	}
	t.hideTooltip()
	switch t.dragMode {
	case dragOverview:
		t.moveToOverview(e.Position.X)
		return
	case dragBand:
		t.dragBand(e.Position)
		return
	case dragScroll: // the thumb follows the pointer
		y0, y1 := t.scrollbarThumb()
		if track := t.lanesHeight() - (y1 - y0); track > 0 {
			t.ScrollBy(float64(e.Dragged.DY) * t.maxScroll() / track)
		}
		return
	}
	t.scale = t.scale.Pan(float64(e.Dragged.DX))
	t.onResize = resizeKeepsZoom
	t.scrollY -= float64(e.Dragged.DY)
	t.clampScroll()
	t.requestFrame()
}

// DragEnd ends a pan or the rubber band, or saves a move (OnMove).
func (t *View) DragEnd() {
	if t.dragMode == dragBand {
		t.endBand()
	}
	t.endMove()
	t.dragMode = dragNone
}

func (t *View) inOverview(y float32) bool {
	return y >= t.size.Height-float32(t.lay().overview)
}

func (t *View) moveToOverview(x float32) {
	if t.overview.Scale.Width <= 0 {
		return
	}
	t.scale = t.scale.CenterOn(t.overview.Scale.Time(float64(x)))
	t.onResize = resizeKeepsZoom
	t.requestFrame()
}

// hit finds the event at a point of the widget.
func (t *View) hit(p fyne.Position) (timeline.Hit, string) {
	m := t.lay()
	y := float64(p.Y) - m.axis
	if t.ix == nil || y < 0 || y > t.lanesHeight() {
		return timeline.Hit{Item: -1, Mark: -1}, ""
	}
	h := t.front.HitTest(float64(p.X), y, m.pad)
	if h.Mark < 0 {
		return h, ""
	}
	return h, t.ix.Marks().ID(int(h.Mark))
}

// Tapped selects the event under the pointer, or moves the window from the overview.
func (t *View) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
	if t.inOverview(e.Position.Y) {
		t.moveToOverview(e.Position.X)
		return
	}
	if fl, ok := t.headerAt(e.Position); ok {
		// On the name: collapse or expand the lane; further right: "+N more" or "fewer".
		nameW := fyne.MeasureText(t.laneName(fl), labelTextSize(), fyne.TextStyle{Bold: true}).Width
		switch {
		case float64(e.Position.X) <= t.lay().nameX+float64(nameW)+1.5*t.lay().pad:
			t.ToggleCollapse(fl.Name)
			return
		case fl.More || t.expanded[fl.Name]:
			t.ToggleLane(fl.Name)
			return
		}
	}
	_, id := t.hit(e.Position)
	if t.extendClick(id) {
		return
	}
	t.selected, t.selection = id, nil
	t.requestFrame()
	if t.OnSelect != nil {
		t.OnSelect(id)
	}
}

// DoubleTapped activates (edits) the event under the pointer.
func (t *View) DoubleTapped(e *fyne.PointEvent) {
	if _, id := t.hit(e.Position); id != "" && t.OnActivate != nil {
		t.OnActivate(id)
	}
}

// MouseIn is part of desktop.Hoverable.
func (t *View) MouseIn(e *desktop.MouseEvent) { t.MouseMoved(e) }

// pointerOver notes where the pointer is, for zooming from the keyboard around it.
func (t *View) pointerOver(p fyne.Position) {
	y := float64(p.Y) - t.lay().axis
	t.pointerIn = y >= 0 && y <= t.lanesHeight()
}

// MouseMoved updates the hovered event and its tooltip.
func (t *View) MouseMoved(e *desktop.MouseEvent) {
	if t.dragMode == dragMove {
		return // the tooltip says where the event goes
	}
	_, id := t.hit(e.Position)
	t.hoverPos = e.Position
	t.pointerOver(e.Position)
	t.hoverEdge = false
	if id != "" && id == t.selected {
		t.noteEdge(e.Position)
	}
	if id == "" {
		if b, ok := t.breakAt(float64(e.Position.X), float64(e.Position.Y)); ok {
			t.hoverBreak(b)
			return
		}
	}
	if id != t.hoverID {
		t.hoverID = id
		t.tooltip = nil
		if t.OnHover != nil {
			t.OnHover(id) // may show the new tooltip at once
		}
	}
	t.refreshTooltip() // hidden, shown, or following the pointer
}

// MouseOut hides the tooltip.
func (t *View) MouseOut() {
	t.pointerIn = false
	t.hoverID, t.tooltip = "", nil
	t.refreshTooltip()
}

// FocusGained is part of fyne.Focusable.
func (t *View) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost is part of fyne.Focusable.
func (t *View) FocusLost() { t.focused = false; t.Refresh() }

// TypedRune zooms with + and - (around the selection), fits the selection with F, and
// steps to the next and the previous event with ] and [.
func (t *View) TypedRune(r rune) {
	switch r {
	case '+', '=':
		t.ZoomBy(1.6)
	case '-', '_':
		t.ZoomBy(1 / 1.6)
	case 'f', 'F':
		t.FitSelection()
	case ']':
		t.Step(1)
	case '[':
		t.Step(-1)
	}
}

// TypedKey pans with the arrows, fits with Home, cancels a move with Escape, and hands
// other keys to OnKey.
func (t *View) TypedKey(k *fyne.KeyEvent) {
	if t.dragMode == dragMove && k.Name == fyne.KeyEscape {
		t.cancelMove()
		t.dragMode = dragCanceled
		return
	}
	switch k.Name {
	case fyne.KeyLeft:
		t.PanBy(-0.2)
	case fyne.KeyRight:
		t.PanBy(0.2)
	case fyne.KeyUp:
		t.scrollLanes(-1)
	case fyne.KeyDown:
		t.scrollLanes(1)
	case fyne.KeyPageUp:
		t.ScrollBy(-t.lanesHeight() * 0.9)
	case fyne.KeyPageDown:
		t.ScrollBy(t.lanesHeight() * 0.9)
	case fyne.KeyHome:
		t.FitAll()
	case fyne.KeyPlus:
		t.ZoomBy(1.6)
	case fyne.KeyMinus:
		t.ZoomBy(1 / 1.6)
	default:
		if t.OnKey != nil {
			t.OnKey(k)
		}
	}
}

// hideTooltip forgets the hovered event: after a zoom or a pan it is no longer under the
// pointer; the next mouse move finds what is.
func (t *View) hideTooltip() {
	if t.hoverID == "" && t.tooltip == nil {
		return
	}
	t.hoverID, t.tooltip = "", nil
	if t.OnHover != nil {
		t.OnHover("")
	}
}
