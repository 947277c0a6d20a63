package timelineview

import (
	"image"
	"image/color"
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// maxTexts bounds the text objects the timeline ever creates: labels are pooled, so the
// object count follows the screen, never the case.
const maxTexts = 480

type renderer struct {
	t      *View
	raster *canvas.Raster
	texts  []*canvas.Text
	tipBg  *canvas.Rectangle
	ghosts []*canvas.Rectangle // the outlines of events being dragged to new dates
	// bandRect is the rubber band (see rubberBand).
	bandRect *canvas.Rectangle
	tipText  []*canvas.Text
	objects  []fyne.CanvasObject
	cut      map[string]string // titles shortened to fit, by title and width
	widths   map[measured]float64
	n        int         // texts handed out by put in this Refresh
	fg       color.Color // the theme's foreground, for this Refresh
	muted    color.NRGBA // the secondary text colour, for this Refresh

	pics    [2]picture // one on screen (cur), one painted next to the next frame
	cur     int
	sc      scene    // the scene of the last Refresh
	stale   bool     // pics[cur] is not yet painted from sc
	offered *drawJob // a picture painted off the UI goroutine, for the next Refresh
	pixels  [2]int   // the raster's size in pixels when last drawn
}

func newRenderer(t *View) *renderer {
	r := &renderer{t: t, cut: map[string]string{}, widths: map[measured]float64{}, stale: true}
	r.raster = canvas.NewRaster(r.picture)
	r.tipBg = canvas.NewRectangle(color.Transparent)
	r.tipBg.CornerRadius = 4
	r.tipBg.StrokeWidth = 1
	r.tipBg.Hide()
	r.objects = []fyne.CanvasObject{r.raster}
	r.bandRect = newBandRect()
	for i := 0; i < 7; i++ {
		tx := canvas.NewText("", color.Black)
		tx.TextSize = labelTextSize()
		tx.Hide()
		r.tipText = append(r.tipText, tx)
	}
	return r
}

func (r *renderer) Destroy() {}

func (r *renderer) Objects() []fyne.CanvasObject {
	objs := append([]fyne.CanvasObject{}, r.objects...)
	for _, g := range r.ghosts {
		objs = append(objs, g)
	}
	objs = append(objs, r.bandRect, r.tipBg)
	for _, tx := range r.tipText {
		objs = append(objs, tx)
	}
	return objs
}

func (r *renderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *renderer) Layout(s fyne.Size) {
	r.raster.Resize(s)
	r.raster.Move(fyne.NewPos(0, 0))
}

// text hands out the i-th pooled text, creating it on first use.
func (r *renderer) text(i int) *canvas.Text {
	for len(r.texts) <= i {
		tx := canvas.NewText("", color.Black)
		tx.TextSize = labelTextSize()
		r.texts = append(r.texts, tx)
		r.objects = append(r.objects, tx)
	}
	return r.texts[i]
}

func (r *renderer) Refresh() {
	t := r.t
	if labelTextSize() != t.glyphSize && t.ix != nil {
		// The theme's text size changed: the labels need measuring and packing again.
		t.requestFrame()
		if t.Sync {
			return // requestFrame refreshed with the new frame
		}
	}
	r.fg = theme.Color(theme.ColorNameForeground)
	r.muted = mutedText(fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant())
	r.takeScene()
	lay := &r.pics[r.cur].lay
	r.n = 0
	m := t.lay()
	if t.ix != nil && t.ix.Len() == 0 && t.EmptyHint != "" {
		// Nothing to place on a calendar: say so, rather than show an arbitrary year.
		hint := t.EmptyHint
		w := fyne.MeasureText(hint, hintTextSize(), fyne.TextStyle{}).Width
		r.put(hint, (t.size.Width-w)/2, float32(m.axis+t.lanesHeight()/2-m.row/2), hintTextSize(), r.muted, false)
	} else if t.ix != nil && t.ix.Len() > 0 {
		r.putAxis()
		r.putBreaks()
		r.putLabels()
		// Lane names stay at the left while panning; a lane scrolled half off keeps its
		// name at the top of what is left of it.
		for li := range t.front.Lanes {
			fl := &t.front.Lanes[li]
			y := math.Max(fl.Y, 0)
			if title, _ := lay.title(li); y+m.header <= fl.Y+fl.Height {
				r.put(title, float32(m.nameX), float32(m.axis+y+m.pad/2), labelTextSize(), r.fg, true)
			}
		}
		oy := t.size.Height - float32(m.overview)
		for _, l := range lay.ovLabels {
			r.put(l.text, float32(l.textX), oy+float32(m.pad/2), smallTextSize(), r.muted, false)
		}
	}
	for i := r.n; i < len(r.texts); i++ {
		r.texts[i].Hide()
	}
	r.refreshTooltip()
	r.raster.Refresh()
}

// takeScene notes the view's state for the picture: a picture painted off the UI
// goroutine goes on screen when it was painted from this very state, else the picture
// on screen is laid out now and painted when the raster asks for it.
func (r *renderer) takeScene() {
	r.sc = r.t.scene(r.t.front)
	if j := r.offered; j != nil && j.pic.key == r.sc.key() {
		r.cur, r.stale = j.slot, false
	} else {
		r.pics[r.cur].lay.lay(&r.sc)
		r.stale = true
	}
	r.offered = nil
}

// picture is the raster's image at w x h pixels: the picture on screen, painted now if
// the state or the size changed since it was.
func (r *renderer) picture(w, h int) image.Image {
	pic := &r.pics[r.cur]
	r.pixels = [2]int{w, h}
	if r.stale || pic.img == nil || pic.img.Rect.Dx() != w || pic.img.Rect.Dy() != h {
		pic.paint(&r.sc, w, h)
		r.stale = false
	}
	return pic.img
}

// put shows s at (x, y) in the next pooled text, while the pool lasts. A text whose
// words, colour and font stay the same is only moved: its rendering is kept.
func (r *renderer) put(s string, x, y float32, size float32, c color.Color, bold bool) {
	if r.n >= maxTexts || s == "" {
		return
	}
	tx := r.text(r.n)
	r.n++
	style := fyne.TextStyle{Bold: bold}
	changed := tx.Text != s || tx.Color != c || tx.TextSize != size || tx.TextStyle != style || !tx.Visible()
	tx.Text, tx.Color, tx.TextSize, tx.TextStyle = s, c, size, style
	tx.Move(fyne.NewPos(x, y))
	if changed {
		tx.Show()
		tx.Refresh()
	}
}

// putAxis writes the axis: the larger unit above, the step below.
func (r *renderer) putAxis() {
	t := r.t
	m := t.lay()
	var majors []timeline.Tick
	for _, tk := range t.front.Ticks {
		if tk.Major {
			majors = append(majors, tk)
		} else if tk.X >= 0 && tk.X+3+r.measure(tk.Label, tickTextSize(), false) <= t.plotWidth() {
			r.put(tk.Label, float32(tk.X)+3, float32(m.minorRow+m.pad/2), tickTextSize(), r.muted, false)
		}
	}
	sort.Slice(majors, func(i, j int) bool { return majors[i].X < majors[j].X })
	prevEnd := math.Inf(-1)
	for i, tk := range majors {
		x := math.Max(tk.X, 0) + 4
		w := r.measure(tk.Label, labelTextSize(), true)
		if i+1 < len(majors) && x+w > majors[i+1].X-4 {
			x = majors[i+1].X - 4 - w // pushed left by the next period's name
		}
		// Kept inside the widget: the last period's name moves left rather than spill
		// over whatever lies to the right of the timeline.
		x = math.Min(x, t.plotWidth()-2-w)
		// A period whose name no longer fits before the next one's is left unnamed.
		if tk.X < t.plotWidth() && x >= 0 && x >= prevEnd+8 {
			r.put(tk.Label, float32(x), float32(m.pad-1), labelTextSize(), r.fg, true)
			prevEnd = x + w
		}
	}
}

// putLabels writes the event labels that have room on screen.
func (r *renderer) putLabels() {
	sc := &r.sc
	for li := range sc.frame.Lanes {
		fl := &sc.frame.Lanes[li]
		for k := range fl.Items {
			it := &fl.Items[k]
			if !it.Labeled || it.LabelW <= 0 {
				continue
			}
			y, lw, ok := sc.labelSpot(fl, it)
			if !ok {
				continue
			}
			c := r.fg
			if it.Importance <= 2 {
				c = r.muted
			}
			if sc.tints.dimmed(it) {
				c = dim(r.muted)
			}
			bold := it.Selected || it.Importance >= 5
			r.put(r.fit(it.Title, lw, bold), float32(it.LabelX), float32(y), labelTextSize(), c, bold)
		}
	}
}

// laneTitle is a lane's header: its name, how many of its events are in view and how
// many of those are not drawn with their label, for any reason (no room in a row, or
// no room on screen); "+N more" when the lane is at its row limit (a click expands it),
// "fewer" on an expanded lane.
func laneTitle(name string, fl *timeline.FrameLane, clipped int, expanded bool) string {
	s := name
	if fl.Count > 0 {
		s += "  \u00b7  " + Thousands(fl.Count)
	}
	hidden := fl.Hidden + clipped
	switch {
	case fl.More:
		s += "  \u00b7  +" + Thousands(fl.Hidden) + " more"
		if clipped > 0 {
			s += ", " + Thousands(clipped) + " off screen"
		}
	case hidden > 0:
		s += "  \u00b7  " + Thousands(hidden) + " hidden"
	}
	if expanded {
		s += "  \u00b7  fewer"
	}
	return s
}

// measured is a text measured in a size, bold or not.
type measured struct {
	s    string
	size float32
	bold bool
}

// measure is the width of s at size, bold or not, as Fyne's shaper measures it, kept:
// the axis's labels and the event labels come again frame after frame.
func (r *renderer) measure(s string, size float32, bold bool) float64 {
	k := measured{s, size, bold}
	w, ok := r.widths[k]
	if !ok {
		w = float64(fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold}).Width)
		if len(r.widths) > 8192 {
			clear(r.widths)
		}
		r.widths[k] = w
	}
	return w
}

// fit shortens a title with an ellipsis to w units in the label font, bold or not (the
// frame measures labels in the regular face, so a bold one may need cutting too).
func (r *renderer) fit(s string, w float64, bold bool) string {
	style := fyne.TextStyle{Bold: bold}
	if r.measure(s, labelTextSize(), bold) <= w+1 {
		return s
	}
	key := s + "\x00" + string(rune(int(w)))
	if bold {
		key += "\x01"
	}
	if c, ok := r.cut[key]; ok {
		return c
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if float64(fyne.MeasureText(string(runes[:mid])+"\u2026", labelTextSize(), style).Width) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	out := string(runes[:lo]) + "\u2026"
	if len(r.cut) > 4096 {
		clear(r.cut)
	}
	r.cut[key] = out
	return out
}

func (r *renderer) refreshTooltip() {
	t := r.t
	r.refreshGhost()
	if len(t.tooltip) == 0 || t.hoverID == "" {
		r.tipBg.Hide()
		for _, tx := range r.tipText {
			tx.Hide()
		}
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	r.tipBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.tipBg.StrokeColor = theme.Color(theme.ColorNamePrimary)
	var w float32
	lines := t.tooltip
	if len(lines) > len(r.tipText) {
		lines = lines[:len(r.tipText)]
	}
	for i, l := range lines {
		style := fyne.TextStyle{Bold: i == 0}
		w = max(w, fyne.MeasureText(l, labelTextSize(), style).Width)
	}
	m := t.lay()
	line, pad := float32(m.tipLine), float32(m.pad)
	h := float32(len(lines))*line + 2.5*pad
	w += 4 * pad
	x, y := t.hoverPos.X+4*pad, t.hoverPos.Y+4*pad
	if x+w > t.size.Width {
		x = max(t.hoverPos.X-w-2*pad, 0)
	}
	if y+h > t.size.Height {
		y = max(t.hoverPos.Y-h-2*pad, 0)
	}
	r.tipBg.Move(fyne.NewPos(x, y))
	r.tipBg.Resize(fyne.NewSize(w, h))
	r.tipBg.Show()
	r.tipBg.Refresh()
	for i, tx := range r.tipText {
		if i >= len(lines) {
			tx.Hide()
			continue
		}
		tx.Text, tx.Color = lines[i], fg
		tx.TextStyle = fyne.TextStyle{Bold: i == 0}
		tx.Move(fyne.NewPos(x+2*pad, y+1.25*pad+float32(i)*line))
		tx.Show()
		tx.Refresh()
	}
}

// refreshGhost shows the outlines of the events being moved where their new dates are.
func (r *renderer) refreshGhost() {
	boxes := r.t.ghosts()
	for len(r.ghosts) < len(boxes) {
		g := canvas.NewRectangle(color.Transparent)
		g.StrokeWidth, g.CornerRadius = 2, 2
		r.ghosts = append(r.ghosts, g)
	}
	fill := toNRGBA(theme.Color(theme.ColorNamePrimary))
	fill.A = 60
	for i, g := range r.ghosts {
		if i >= len(boxes) {
			g.Hide()
			continue
		}
		b := boxes[i]
		g.StrokeColor, g.FillColor = theme.Color(theme.ColorNamePrimary), fill
		g.Move(fyne.NewPos(b.x0, b.y))
		g.Resize(fyne.NewSize(b.x1-b.x0, b.h))
		g.Show()
		g.Refresh()
	}
}
