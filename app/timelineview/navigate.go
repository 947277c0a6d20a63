package timelineview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/chronoscope/chronoscope/timeline"
)

// Step selects the event next in time after the selected one (dir > 0) or before it
// (dir < 0), or, with none selected, the first after (or the last before) the middle of
// the view; it pans the view to follow and tells OnSelect. It reports whether there was
// one that way.
func (t *View) Step(dir int) bool {
	if t.ix == nil {
		return false
	}
	s := t.scale.Resize(t.plotWidth())
	i, ok := timeline.Neighbour(t.ix.Marks(), t.selected, int64((s.Start+s.End)/2), dir)
	if !ok {
		return false
	}
	m := t.ix.Marks().At(i)
	t.selected = m.ID
	t.reveal(m)
	if t.OnSelect != nil {
		t.OnSelect(m.ID)
	}
	return true
}

// GoTo centres the view on the instant at, keeping the zoom.
func (t *View) GoTo(at int64) {
	t.scale = t.scale.Resize(t.plotWidth()).CenterOn(t.fold.Axis(at))
	t.onResize = resizeKeepsZoom
	t.requestFrame()
}

// FitRange frames lo..hi (Unix seconds), with room for the labels of its last events;
// a point or a short range shows a few days around it.
func (t *View) FitRange(lo, hi int64) {
	if hi-lo < 3600 {
		lo, hi = lo-3*86400, hi+3*86400
	}
	t.fitRange(t.fold.Axis(lo), t.fold.Axis(hi))
}

// fitRange is FitRange for axis seconds.
func (t *View) fitRange(lo, hi int64) {
	if hi-lo < 3600 {
		lo, hi = lo-3*86400, hi+3*86400
	}
	t.scale = fitWithLabels(lo, hi, t.plotWidth())
	t.onResize = resizeKeepsWindow
	t.requestFrame()
}

// ShowRange brings lo..hi (a date's range) into view: centred at the current zoom when
// it fits in a tenth of the view, else framed.
func (t *View) ShowRange(lo, hi int64) {
	if a, b := t.fold.Axis(lo), t.fold.Axis(hi); float64(b-a) <= t.scale.Span()/10 {
		t.GoTo(lo + (hi-lo)/2)
		return
	}
	t.FitRange(lo, hi)
}

// zoomAnchor is the x that a keyboard zoom keeps fixed: the selected event when it is in
// view, else the pointer when it is over the lanes, else the middle.
func (t *View) zoomAnchor() float64 {
	w := t.plotWidth()
	if m, ok := t.selectedMark(); ok {
		s := t.scale.Resize(w)
		if x := s.X(m.StartLo + (m.EndHi-m.StartLo)/2); x >= 0 && x <= w {
			return x
		}
	}
	if t.pointerIn {
		return float64(t.hoverPos.X)
	}
	return w / 2
}

// TypedShortcut steps through the events with Alt+Right and Alt+Left, and hands every
// other shortcut on to the window's canvas: a focused widget that takes shortcuts gets
// all of them, so without this the window's own (Ctrl+N...) would stop working here.
func (t *View) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt {
		switch cs.KeyName {
		case fyne.KeyRight:
			t.Step(1)
			return
		case fyne.KeyLeft:
			t.Step(-1)
			return
		}
	}
	if a := fyne.CurrentApp(); a != nil {
		forwardShortcut(a.Driver().CanvasForObject(t), s)
	}
}

// forwardShortcut runs the handler c has for s, if c handles shortcuts (a window's does).
func forwardShortcut(c fyne.Canvas, s fyne.Shortcut) {
	if h, ok := c.(fyne.Shortcutable); ok {
		h.TypedShortcut(s)
	}
}
