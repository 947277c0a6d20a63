package timelineview

import (
	"image"
	"image/color"
	"math"
	"slices"

	"github.com/chronoscope/chronoscope/timeline"
)

// picture is one painted image of the timeline, kept and painted again in place: the
// renderer has two, one on screen and one being painted next to the next frame.
type picture struct {
	img *image.RGBA
	p   painter
	key sceneKey // the scene it was painted from
	lay layout   // the headers and calendar of that scene, for the texts over it
}

// paint paints scene s into pic at w x h pixels, from the layout in pic.lay. It reuses
// the image while the size stays the same.
func (pic *picture) paint(s *scene, w, h int) {
	if pic.img == nil || pic.img.Rect.Dx() != w || pic.img.Rect.Dy() != h {
		pic.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	pic.key = s.key()
	p := &pic.p
	sx, sy := 1.0, 1.0
	if s.size.Width > 0 && s.size.Height > 0 {
		sx, sy = float64(w)/float64(s.size.Width), float64(h)/float64(s.size.Height)
	}
	p.reset(pic.img, sx, sy)
	fg := s.pal.fg
	if s.size.Width <= 0 || s.size.Height <= 0 {
		p.background(nil)
		return
	}
	if s.empty() || s.frame == nil {
		p.background([]band{{0, s.m.axis, faded(fg, 10)}})
		return
	}
	paintFrame(p, s, &pic.lay)
}

// paintFrame draws marks, spans, fuzzy ranges, density bands, grid lines and the
// overview of scene s.
func paintFrame(p *painter, s *scene, lay *layout) {
	f, m := s.frame, &s.m
	fg := s.pal.fg
	W, H := s.width(), float64(s.size.Height)
	lanesH := s.lanesHeight()
	// The grounds first, every row painted once: the axis, the lanes' stripes and
	// lines, the overview.
	bands := []band{{0, m.axis, faded(fg, 10)}, {m.axis - 1, m.axis, faded(fg, 60)}}
	for li := range f.Lanes {
		fl := &f.Lanes[li]
		top, bottom := laneBounds(fl, m.axis, lanesH)
		if fl.Lane%2 == 1 {
			bands = append(bands, band{top, bottom, faded(fg, 9)})
		}
		bands = append(bands, band{bottom - 1, bottom, faded(fg, 30)})
	}
	oy := H - m.overview
	bands = append(bands, band{oy, H, faded(fg, 14)}, band{oy, oy + 1, faded(fg, 60)})
	p.background(bands)
	// The grid, over the grounds (all in the foreground colour, so the order of the
	// two does not matter).
	major, minor := faded(fg, 55), faded(fg, 22)
	for _, tk := range f.Ticks {
		if tk.X < 0 || tk.X >= W {
			continue
		}
		if tk.Major {
			p.rect(tk.X, 0, tk.X+1, m.axis+lanesH, major)
		} else {
			p.rect(tk.X, m.minorRow, tk.X+1, m.axis+lanesH, minor)
		}
	}
	// The breaks of a compressed axis under the marks, so that labels crossing them
	// keep their backings and read whole.
	paintBreaks(p, s)
	for li := range f.Lanes {
		paintLane(p, s, li, lay)
	}
	paintOverview(p, s, lay)
	if content := f.ContentHeight; content-lanesH > 0 { // the lanes overflow: a scroll bar says where the view is
		y0, y1 := scrollThumb(lanesH, content, f.View.ScrollY, 1.2*m.row)
		x := W - m.scroll - m.pad/2
		p.rect(x, m.axis, x+m.scroll, m.axis+lanesH, faded(fg, 18))
		p.rect(x+1, m.axis+y0+1, x+m.scroll-1, m.axis+y1-1, faded(fg, 110))
	}
	if s.focused {
		p.rect(0, 0, W, 2, faded(s.pal.primary, 200))
	}
}

// laneBounds is the part of frame lane fl on screen, from top to bottom in units.
func laneBounds(fl *timeline.FrameLane, axis, lanesH float64) (top, bottom float64) {
	top = axis + fl.Y
	bottom = math.Min(top+fl.Height, axis+lanesH)
	return math.Max(top, axis), bottom
}

// scrollThumb is the scroll bar's thumb, top and bottom in the lane area, for lanes
// lanesH high showing content scrolled by scrollY; it is at least least units long.
func scrollThumb(lanesH, content, scrollY, least float64) (y0, y1 float64) {
	size := math.Max(lanesH*lanesH/math.Max(content, 1), least)
	y0 = scrollY / math.Max(content-lanesH, 1) * (lanesH - size)
	return y0, y0 + size
}

// paintLane draws frame lane li: its density, marks and the backing of its name.
func paintLane(p *painter, s *scene, li int, lay *layout) {
	fl, m := &s.frame.Lanes[li], &s.m
	lanesH := s.lanesHeight()
	fg, primary, bg := s.pal.fg, premultiply(s.pal.primary), s.pal.bg
	top, bottom := m.axis, m.axis+lanesH
	col := s.tints.laneColour(fl.Name)
	if fl.Dense {
		base := m.axis + fl.Y + fl.Height - 3
		full := fl.Height - m.header - 6
		p.bars(fl.Levels, fl.ColumnWidth, base, full, faded(col, 150), top, bottom)
	}
	ink := itemInk{primary: primary, bg: bg, bgBase: faded(bg, 215), top: top, bottom: bottom, row: m.row}
	// Marks with no room of their own first, then backings that keep labels readable
	// over density bands, then the marks.
	paintCrowded(p, s, fl, col, &ink)
	// A label's backing: the background, and over it the odd lanes' stripe, as one
	// colour drawn once.
	backing := ink.bgBase
	if fl.Lane%2 == 1 {
		backing = over(faded(fg, 8), backing)
	}
	for k := range fl.Items {
		it := &fl.Items[k]
		if lw, ok := s.labelRoom(it); ok && !it.Span && !it.Wide {
			y := m.axis + it.Y
			p.clipRect(it.LabelX-1, y+2, it.LabelX+lw+1, y+m.row-2, backing, top, bottom)
		}
	}
	for k := range fl.Items {
		if it := &fl.Items[k]; !it.Crowded {
			paintItem(p, it, s.tints.markColour(it, col), &ink)
		}
	}
	// The lane name's backing, so it reads over marks passing under it.
	y := math.Max(fl.Y, 0)
	if y+m.header <= fl.Y+fl.Height {
		_, tw := lay.title(li)
		p.rect(2, m.axis+y+1, tw+2*m.nameX, m.axis+y+m.header-1, faded(bg, 225))
		p.swatch(2, m.axis+y+1, 5, m.axis+y+m.header-1, col)
	}
}

// paintCrowded draws the marks of lane fl with no room of their own: a tick in the
// lane's foot, under its last row, says an event is there without hiding its
// neighbours or their labels. The ticks of spans, which may pile up by the hundred over
// the whole width, are drawn as stacks, one per colour.
func paintCrowded(p *painter, s *scene, fl *timeline.FrameLane, col color.NRGBA, ink *itemInk) {
	top, bottom := ink.top, ink.bottom
	var colours [8]color.NRGBA // the spans' colours, in the order met
	n := 0
	for k := range fl.Items {
		it := &fl.Items[k]
		if !it.Crowded || y1Off(it, ink) {
			continue
		}
		c := s.tints.markColour(it, col)
		fy := top + it.Y + ink.row + 0.5
		switch {
		case !it.Span:
			mid := (it.X0 + it.X1) / 2
			p.clipRect(mid-2.5, fy, mid+2.5, fy+2.5, premultiply(c), top, bottom)
		case slices.Contains(colours[:n], c):
		case n < len(colours):
			colours[n] = c
			n++
		default: // more colours than stacks: drawn alone
			p.clipRect(it.X0, fy, math.Max(it.X1, it.X0+1), fy+2.5, faded(c, 200), top, bottom)
		}
		if it.Selected {
			paintSelection(p, it, ink)
		}
	}
	for _, c := range colours[:n] {
		p.stackStart()
		fy := math.NaN()
		for k := range fl.Items {
			it := &fl.Items[k]
			if it.Crowded && it.Span && !y1Off(it, ink) && s.tints.markColour(it, col) == c {
				p.stackAdd(it.X0, math.Max(it.X1, it.X0+1))
				fy = top + it.Y + ink.row + 0.5 // the same for all: the last row's
			}
		}
		p.stackDraw(fy, fy+2.5, faded(c, 200), top, bottom)
	}
}

// y1Off reports an item whose row is wholly off the lane area.
func y1Off(it *timeline.Item, ink *itemInk) bool {
	y0 := ink.top + it.Y + 4
	return y0+ink.row-8+3 < ink.top || y0-3 > ink.bottom
}

// paintOverview draws the overview strip: the whole case, a bar per column as tall as
// the square root of the events starting there, and the window on display boxed.
func paintOverview(p *painter, s *scene, lay *layout) {
	W, H := s.width(), float64(s.size.Height)
	fg, primary := s.pal.fg, premultiply(s.pal.primary)
	ovH := s.m.overview
	oy := H - ovH
	ov := &s.overview
	if ov.Max <= 0 {
		return
	}
	line := faded(fg, 40)
	for _, l := range lay.ovLabels {
		if l.x >= 0 && l.x < W {
			p.rect(l.x, oy+1, l.x+1, H, line)
		}
	}
	norm := math.Sqrt(float64(ov.Max))
	bar := faded(fg, 170)
	for i, c := range ov.Counts {
		if c > 0 {
			hgt := math.Max(3, math.Sqrt(float64(c))/norm*(ovH-8))
			p.rect(float64(i)-0.5, H-3-hgt, float64(i)+1.5, H-3, bar)
		}
	}
	x0, x1 := ov.Window(s.frame.View.Scale)
	if x1-x0 < 3 {
		mid := (x0 + x1) / 2
		x0, x1 = mid-1.5, mid+1.5
	}
	p.rect(x0, oy+1, x1, H, faded(s.pal.primary, 45))
	p.rect(x0, oy+1, x0+1.5, H, primary)
	p.rect(x1-1.5, oy+1, x1, H, primary)
}

// itemInk is what every item of a lane is painted with besides its own colour.
type itemInk struct {
	primary     premul      // the selection's box
	bg          color.NRGBA // the background, for hollow diamonds
	bgBase      premul      // the background at 215, under spans
	top, bottom float64     // the lane area, which items are clipped to
	row         float64     // a row's height
}

// paintItem draws one event: a tinted band with a solid top edge for a span, so that its
// label reads on it in either theme; a diamond for a point, with a thin bracket over its
// day (or hour...) when that is wider than the diamond; and a faded range, with a hollow
// diamond, wherever the date is approximate, uncertain or coarse.
func paintItem(p *painter, it *timeline.Item, col color.NRGBA, ink *itemInk) {
	top, bottom := ink.top, ink.bottom
	y0 := top + it.Y + 4
	y1 := y0 + ink.row - 8
	if y1Off(it, ink) {
		return
	}
	solid := premultiply(col)
	switch {
	case it.Span || it.Wide:
		paintBar(p, it, col, ink)
	default:
		mid, cy := (it.X0+it.X1)/2, (y0+y1)/2
		if it.StartFuzzy {
			p.clipRect(it.X0, y0+2, math.Max(it.X1, it.X0+1), y1-2, faded(col, 80), top, bottom)
			p.diamond(mid, cy, 4.5, premultiply(ink.bg), top, bottom)
			p.diamondOutline(mid, cy, 4.5, solid, top, bottom)
		} else {
			if it.X1-it.X0 > 12 {
				// The date names a whole day (or hour...): bracket it, so the label after
				// it stays joined to its diamond.
				c := faded(col, 150)
				p.clipRect(it.X0, cy-0.5, it.X1, cy+0.5, c, top, bottom)
				p.clipRect(it.X0, cy-3, it.X0+1, cy+3, c, top, bottom)
				p.clipRect(it.X1-1, cy-3, it.X1, cy+3, c, top, bottom)
			}
			p.diamond(mid, cy, 5, solid, top, bottom)
		}
	}
	if it.Selected {
		paintSelection(p, it, ink)
	}
}

// paintSelection boxes item it, the selected event.
func paintSelection(p *painter, it *timeline.Item, ink *itemInk) {
	top, bottom := ink.top, ink.bottom
	y0 := top + it.Y + 4
	y1 := y0 + ink.row - 8
	a, b := it.X0, it.X1
	if !it.Span {
		mid := (a + b) / 2
		a, b = math.Min(a, mid-6), math.Max(b, mid+6)
	}
	c := ink.primary
	p.clipRect(a-2, y0-3, b+2, y0-1, c, top, bottom)
	p.clipRect(a-2, y1+1, b+2, y1+3, c, top, bottom)
	p.clipRect(a-2, y0-3, a, y1+3, c, top, bottom)
	p.clipRect(b, y0-3, b+2, y1+3, c, top, bottom)
}

// paintBar draws a span, or a point whose date is wide at this zoom, as a band holding
// its whole label, on an opaque base so that the label reads over density bands and
// crowded marks (each part of the band is drawn in one blend of its colour over the
// base); an uncertain end fades out towards its outer bound under a dashed edge.
func paintBar(p *painter, it *timeline.Item, col color.NRGBA, ink *itemInk) {
	top, bottom := ink.top, ink.bottom
	base := ink.bgBase
	solid, dash := premultiply(col), faded(col, 80)
	b0, b1 := top+it.Y+1, top+it.Y+ink.row-1
	core0, core1 := it.X0, it.X1
	if it.StartFuzzy {
		p.clipRect(it.X0, b0, it.XS, b0+3, base, top, bottom)
		p.fade(it.X0, it.XS, b0+3, b1, col, 10, 70, base, top, bottom)
		p.dashes(it.X0, it.XS, b0, b0+2, dash, top, bottom)
		core0 = it.XS
	}
	if it.EndFuzzy {
		p.clipRect(it.XE, b0, it.X1, b0+3, base, top, bottom)
		p.fade(it.XE, it.X1, b0+3, b1, col, 70, 10, base, top, bottom)
		p.dashes(it.XE, it.X1, b0, b0+2, dash, top, bottom)
		core1 = it.XE
	}
	if core1-core0 < 2 {
		core1 = core0 + 2
	}
	p.clipRect(core0, b0+3, core1, b1, over(faded(col, 70), base), top, bottom)
	p.clipRect(core0, b0, core1, b0+3, solid, top, bottom)
	// End caps, where they do not cut through the label.
	crosses := func(x float64) bool {
		return it.Labeled && x+2 > it.LabelX && x < it.LabelX+it.LabelW
	}
	if !crosses(core0) {
		p.clipRect(core0, b0, math.Min(core0+2, core1), b1, solid, top, bottom)
	}
	if !crosses(core1 - 2) {
		p.clipRect(math.Max(core1-2, core0), b0, core1, b1, solid, top, bottom)
	}
}

// tints colours the marks: the lanes' colours the case keeps (or palette colours),
// dimmed where a highlight leaves an event out. Its maps are never changed once handed
// to the view (SetLaneColours and Highlight take new ones), so a picture may be painted
// from it on another goroutine.
type tints struct {
	ix      *timeline.Index
	colours LaneColours
	matches map[string]bool // with Highlight: the ids drawn in full; nil draws all in full
}

// dimmed reports whether item it is drawn dimmed: highlighting is on and it is no match.
func (c tints) dimmed(it *timeline.Item) bool {
	return c.matches != nil && !c.matches[c.ix.Marks().ID(int(it.Mark))]
}

// laneColour is the colour of a lane's stripe and density band: the lane's own when
// grouping by lane, else neutral (an actor or a tag has no colour of its own; its events
// keep their lanes' colours).
func (c tints) laneColour(name string) color.NRGBA {
	if c.ix != nil && c.ix.GroupBy() != timeline.GroupByLane {
		return NoLaneColour
	}
	return c.colours.Of(name)
}

// itemColour is the colour of an event's mark: its lane's, whatever the grouping.
func (c tints) itemColour(it *timeline.Item, laneCol color.NRGBA) color.NRGBA {
	if c.ix == nil || c.ix.GroupBy() == timeline.GroupByLane {
		return laneCol
	}
	return c.colours.Of(c.ix.Marks().Lane(int(it.Mark)))
}

// markColour is the colour an item is painted in: its lane's, dimmed when highlighting
// leaves it out.
func (c tints) markColour(it *timeline.Item, laneCol color.NRGBA) color.NRGBA {
	col := c.itemColour(it, laneCol)
	if c.dimmed(it) {
		return dim(col)
	}
	return col
}

// laneName is what a lane's header calls it.
func (c tints) laneName(fl *timeline.FrameLane) string {
	if fl.Name == "" && c.ix != nil && c.ix.GroupBy() == timeline.GroupNone {
		return "All events"
	}
	return fl.Name
}

// dim is c faded to a third, for what a highlight leaves out.
func dim(c color.NRGBA) color.NRGBA { return withAlpha(c, 85) }
