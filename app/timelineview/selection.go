package timelineview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// SetSelection marks the events with the ids in set as selected, lead among them (the
// one Step moves from, F frames with the rest). The view keeps set and reads it while
// frames are built off the UI goroutine: the caller must not change it afterwards. A nil
// or empty set with a lead selects the lead alone.
func (t *View) SetSelection(set map[string]bool, lead string) {
	t.selected, t.selection = lead, set
	t.requestFrame()
}

// selectedSet is what the frames draw as selected.
func (t *View) selectedSet() map[string]bool {
	if len(t.selection) > 0 {
		return t.selection
	}
	if t.selected != "" {
		return map[string]bool{t.selected: true}
	}
	return nil
}

// selectionRange is the first and last instant (on the view's axis) that the selected
// events cover, and the mark of the earliest, when any is in view.
func (t *View) selectionRange() (lo, hi int64, first timeline.Mark, ok bool) {
	if t.ix == nil {
		return 0, 0, first, false
	}
	marks := t.ix.Marks()
	for id := range t.selectedSet() {
		i, found := marks.Find(id)
		if !found {
			continue
		}
		m := marks.At(i)
		if !ok || m.StartLo < lo {
			lo, first = m.StartLo, m
		}
		if !ok || m.EndHi > hi {
			hi = m.EndHi
		}
		ok = true
	}
	return lo, hi, first, ok
}

// MouseDown notes the keys held with the button (Ctrl, Shift), for the click or the drag
// that follows.
func (t *View) MouseDown(e *desktop.MouseEvent) { t.mods = e.Modifier }

// MouseUp is part of desktop.Mouseable.
func (t *View) MouseUp(*desktop.MouseEvent) {}

// modifiers are the keys held: those noted with the button, or the driver's.
func (t *View) modifiers() fyne.KeyModifier {
	m := t.mods
	if a := fyne.CurrentApp(); a != nil {
		if d, ok := a.Driver().(desktop.Driver); ok {
			m |= d.CurrentKeyModifiers()
		}
	}
	return m
}

// extendClick hands a click with Ctrl or Shift held to OnExtend, and reports whether it
// did (the click then changes no selection of the view's own).
func (t *View) extendClick(id string) bool {
	mods := t.modifiers()
	t.mods = 0
	if t.OnExtend == nil || mods&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl|fyne.KeyModifierShift|fyne.KeyModifierSuper) == 0 {
		return false
	}
	t.OnExtend(id, mods)
	return true
}

// rubberBand is a rubber band being drawn with Shift+drag: from where the drag began to where
// the pointer is, in the widget's coordinates.
type rubberBand struct {
	on       bool
	from, to fyne.Position
	mods     fyne.KeyModifier // the keys held when it began
}

// startBand begins a rubber band when Shift is held at the start of a drag on the lanes.
func (t *View) startBand(start fyne.Position) bool {
	if t.OnBand == nil || t.modifiers()&fyne.KeyModifierShift == 0 {
		return false
	}
	y := float64(start.Y) - t.lay().axis
	if y < 0 || y > t.lanesHeight() {
		return false
	}
	t.band = rubberBand{on: true, from: start, to: start, mods: t.modifiers()}
	return true
}

// dragBand follows the pointer with the band.
func (t *View) dragBand(p fyne.Position) {
	t.band.to = p
	if t.r != nil {
		t.r.refreshBand()
		t.r.raster.Refresh() // the GL window shows the band's move with the picture's
	}
}

// endBand tells OnBand the ids of the events the band took.
func (t *View) endBand() {
	b := t.band
	t.band = rubberBand{}
	t.mods = 0
	if t.r != nil {
		t.r.refreshBand()
	}
	if t.ix == nil || t.OnBand == nil {
		return
	}
	axis := t.lay().axis
	ms := t.front.BandMarks(t.ix, float64(b.from.X), float64(b.from.Y)-axis, float64(b.to.X), float64(b.to.Y)-axis)
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = t.ix.Marks().ID(int(m))
	}
	t.OnBand(ids, b.mods)
}

// refreshBand draws the rubber band, or hides it.
func (r *renderer) refreshBand() {
	b := r.t.band
	if !b.on {
		r.bandRect.Hide()
		return
	}
	c := theme.Color(theme.ColorNamePrimary)
	cr, cg, cb, _ := c.RGBA()
	r.bandRect.FillColor = color.NRGBA{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8), 0x30}
	r.bandRect.StrokeColor = c
	r.bandRect.StrokeWidth = 1
	x0, x1 := math.Min(float64(b.from.X), float64(b.to.X)), math.Max(float64(b.from.X), float64(b.to.X))
	y0, y1 := math.Min(float64(b.from.Y), float64(b.to.Y)), math.Max(float64(b.from.Y), float64(b.to.Y))
	r.bandRect.Move(fyne.NewPos(float32(x0), float32(y0)))
	r.bandRect.Resize(fyne.NewSize(float32(x1-x0), float32(y1-y0)))
	r.bandRect.Show()
	r.bandRect.Refresh()
}

// newBandRect is the rubber band's rectangle, hidden until a band is drawn.
func newBandRect() *canvas.Rectangle {
	rect := canvas.NewRectangle(color.Transparent)
	rect.Hide()
	return rect
}

// SelectedSet is every id drawn selected (the set given to SetSelection, or the lead
// alone).
func (t *View) SelectedSet() map[string]bool { return t.selectedSet() }
