package timelineview

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/chronoscope/chronoscope/timeline"
)

// painter fills shapes given in Fyne units into an image in pixels, blending colours.
type painter struct {
	img    *image.NRGBA
	sx, sy float64
}

func (p *painter) rect(x0, y0, x1, y1 float64, c color.NRGBA) {
	p.clipRect(x0, y0, x1, y1, c, math.Inf(-1), math.Inf(1))
}

func (p *painter) clipRect(x0, y0, x1, y1 float64, c color.NRGBA, top, bottom float64) {
	y0, y1 = math.Max(y0, top), math.Min(y1, bottom)
	b := p.img.Bounds()
	px0 := clampInt(int(math.Floor(x0*p.sx)), 0, b.Dx())
	px1 := clampInt(int(math.Ceil(x1*p.sx)), 0, b.Dx())
	py0 := clampInt(int(math.Floor(y0*p.sy)), 0, b.Dy())
	py1 := clampInt(int(math.Ceil(y1*p.sy)), 0, b.Dy())
	if px1 <= px0 && x1 > x0 && px0 < b.Dx() {
		px1 = px0 + 1 // never lose a mark narrower than a pixel
	}
	for y := py0; y < py1; y++ {
		row := p.img.Pix[y*p.img.Stride:]
		for x := px0; x < px1; x++ {
			blend(row[x*4:x*4+4], c)
		}
	}
}

// fade fills x0..x1 with c at an alpha going from a0 at x0 to a1 at x1.
func (p *painter) fade(x0, x1, y0, y1 float64, c color.NRGBA, a0, a1 float64, top, bottom float64) {
	if x1 <= x0 {
		return
	}
	step := 1 / p.sx
	for x := math.Max(x0, -step); x < x1 && x*p.sx < float64(p.img.Bounds().Dx()); x += step {
		a := a0 + (a1-a0)*(x+step/2-x0)/(x1-x0)
		p.clipRect(x, y0, math.Min(x+step, x1), y1, withAlpha(c, uint8(math.Round(math.Min(math.Max(a, 0), 255)))), top, bottom)
	}
}

// dashes draws a dashed horizontal line over x0..x1.
func (p *painter) dashes(x0, x1, y0, y1 float64, c color.NRGBA, top, bottom float64) {
	for x := x0; x < x1; x += 6 {
		p.clipRect(x, y0, math.Min(x+3, x1), y1, c, top, bottom)
	}
}

func (p *painter) diamond(cx, cy, r float64, c color.NRGBA, top, bottom float64) {
	for dy := -r; dy <= r; dy += 1 / p.sy {
		half := r - math.Abs(dy)
		p.clipRect(cx-half, cy+dy, cx+half, cy+dy+1/p.sy, c, top, bottom)
	}
}

func (p *painter) diamondOutline(cx, cy, r float64, c color.NRGBA, top, bottom float64) {
	for dy := -r; dy <= r; dy += 1 / p.sy {
		half := r - math.Abs(dy)
		p.clipRect(cx-half, cy+dy, cx-half+1.6, cy+dy+1/p.sy, c, top, bottom)
		p.clipRect(cx+half-1.6, cy+dy, cx+half, cy+dy+1/p.sy, c, top, bottom)
	}
}

func blend(dst []byte, c color.NRGBA) {
	a := uint32(c.A)
	if a == 0xff {
		dst[0], dst[1], dst[2], dst[3] = c.R, c.G, c.B, 0xff
		return
	}
	da := uint32(dst[3])
	outA := a + da*(255-a)/255
	if outA == 0 {
		return
	}
	mix := func(s, d byte) byte {
		return byte((uint32(s)*a + uint32(d)*da*(255-a)/255) / outA)
	}
	dst[0], dst[1], dst[2], dst[3] = mix(c.R, dst[0]), mix(c.G, dst[1]), mix(c.B, dst[2]), byte(outA)
}

func clampInt(v, lo, hi int) int { return min(max(v, lo), hi) }

func toNRGBA(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = uint8(uint32(c.A) * uint32(a) / 255)
	return c
}

// palette is the theme's colours a paint uses, opaque.
type palette struct{ fg, primary, bg color.NRGBA }

// paint draws marks, spans, fuzzy ranges, density bands, grid lines and the overview
// into one image of the raster's pixel size.
func (r *renderer) paint(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	t := r.t
	if t.size.Width <= 0 || t.size.Height <= 0 {
		return img
	}
	p := painter{img: img, sx: float64(w) / float64(t.size.Width), sy: float64(h) / float64(t.size.Height)}
	pal := palette{fg: toNRGBA(theme.Color(theme.ColorNameForeground)),
		primary: toNRGBA(theme.Color(theme.ColorNamePrimary)), bg: toNRGBA(theme.Color(theme.ColorNameBackground))}
	fg := pal.fg
	W := float64(t.size.Width)
	lanesH := t.lanesHeight()
	m := t.lay()
	if t.ix == nil || t.ix.Len() == 0 {
		p.rect(0, 0, W, m.axis, withAlpha(fg, 10))
		return img
	}
	// Axis background and grid.
	p.rect(0, 0, W, m.axis, withAlpha(fg, 10))
	p.rect(0, m.axis-1, W, m.axis, withAlpha(fg, 60))
	for _, tk := range t.front.Ticks {
		if tk.X < 0 || tk.X >= W {
			continue
		}
		if tk.Major {
			p.rect(tk.X, 0, tk.X+1, m.axis+lanesH, withAlpha(fg, 55))
		} else {
			p.rect(tk.X, m.minorRow, tk.X+1, m.axis+lanesH, withAlpha(fg, 22))
		}
	}
	for li := range t.front.Lanes {
		r.paintLane(&p, li, pal)
	}
	r.paintOverview(&p, pal)
	r.paintBreaks(&p, pal)
	if t.maxScroll() > 0 { // the lanes overflow: a scroll bar says where the view is
		y0, y1 := t.scrollbarThumb()
		x := W - m.scroll - m.pad/2
		p.rect(x, m.axis, x+m.scroll, m.axis+lanesH, withAlpha(fg, 18))
		p.rect(x+1, m.axis+y0+1, x+m.scroll-1, m.axis+y1-1, withAlpha(fg, 110))
	}
	if t.focused {
		p.rect(0, 0, W, 2, withAlpha(pal.primary, 200))
	}
	return img
}

// paintLane draws frame lane li: its band, density, marks and the backing of its name.
func (r *renderer) paintLane(p *painter, li int, pal palette) {
	t := r.t
	fl := &t.front.Lanes[li]
	W, lanesH := float64(t.size.Width), t.lanesHeight()
	fg, primary, bg := pal.fg, pal.primary, pal.bg
	m := t.lay()
	axis := m.axis
	top := axis + fl.Y
	bottom := math.Min(top+fl.Height, axis+lanesH)
	top = math.Max(top, axis)
	if fl.Lane%2 == 1 {
		p.rect(0, top, W, bottom, withAlpha(fg, 9))
	}
	p.rect(0, bottom-1, W, bottom, withAlpha(fg, 30))
	col := t.laneColour(fl.Name)
	if fl.Dense {
		base := axis + fl.Y + fl.Height - 3
		full := fl.Height - m.header - 6
		for i, lv := range fl.Levels {
			if lv > 0 {
				x := float64(i) * fl.ColumnWidth
				p.clipRect(x, base-float64(lv)*full, x+fl.ColumnWidth, base, withAlpha(col, 150), axis, axis+lanesH)
			}
		}
	}
	// Marks with no room of their own first, then backings that keep labels readable
	// over density bands, then the marks.
	for k := range fl.Items {
		if it := &fl.Items[k]; it.Crowded {
			r.paintItem(p, it, t.markColour(it, col), primary, bg, axis, axis+lanesH)
		}
	}
	lane := withAlpha(bg, 215)
	for k := range fl.Items {
		it := &fl.Items[k]
		if lw, ok := r.labelWidth(it); ok && !it.Span && !it.Wide {
			y := axis + it.Y
			p.clipRect(it.LabelX-1, y+2, it.LabelX+lw+1, y+m.row-2, lane, axis, axis+lanesH)
			if fl.Lane%2 == 1 {
				p.clipRect(it.LabelX-1, y+2, it.LabelX+lw+1, y+m.row-2, withAlpha(fg, 8), axis, axis+lanesH)
			}
		}
	}
	for k := range fl.Items {
		if it := &fl.Items[k]; !it.Crowded {
			r.paintItem(p, it, t.markColour(it, col), primary, bg, axis, axis+lanesH)
		}
	}
	// The lane name's backing, so it reads over marks passing under it.
	y := math.Max(fl.Y, 0)
	if y+m.header <= fl.Y+fl.Height {
		tw := float64(fyne.MeasureText(r.title(li), labelTextSize(), fyne.TextStyle{Bold: true}).Width)
		p.rect(2, axis+y+1, tw+2*m.nameX, axis+y+m.header-1, withAlpha(bg, 225))
		p.rect(2, axis+y+1, 5, axis+y+m.header-1, col)
	}
}

// paintOverview draws the overview strip: the whole case, a bar per column as tall as
// the square root of the events starting there, and the window on display boxed.
func (r *renderer) paintOverview(p *painter, pal palette) {
	t := r.t
	W, H := float64(t.size.Width), float64(t.size.Height)
	fg, primary := pal.fg, pal.primary
	ovH := t.lay().overview
	oy := H - ovH
	p.rect(0, oy, W, H, withAlpha(fg, 14))
	p.rect(0, oy, W, oy+1, withAlpha(fg, 60))
	ov := &t.overview
	if ov.Max <= 0 {
		return
	}
	for _, x := range r.ovLines {
		if x >= 0 && x < W {
			p.rect(x, oy+1, x+1, H, withAlpha(fg, 40))
		}
	}
	norm := math.Sqrt(float64(ov.Max))
	for i, c := range ov.Counts {
		if c > 0 {
			hgt := math.Max(3, math.Sqrt(float64(c))/norm*(ovH-8))
			p.rect(float64(i)-0.5, H-3-hgt, float64(i)+1.5, H-3, withAlpha(fg, 170))
		}
	}
	x0, x1 := ov.Window(t.scale.Resize(W))
	if x1-x0 < 3 {
		mid := (x0 + x1) / 2
		x0, x1 = mid-1.5, mid+1.5
	}
	p.rect(x0, oy+1, x1, H, withAlpha(primary, 45))
	p.rect(x0, oy+1, x0+1.5, H, primary)
	p.rect(x1-1.5, oy+1, x1, H, primary)
}

// paintItem draws one event: a tinted band with a solid top edge for a span, so that its
// label reads on it in either theme; a diamond for a point, with a thin bracket over its
// day (or hour...) when that is wider than the diamond; and a faded range, with a hollow
// diamond, wherever the date is approximate, uncertain or coarse.
func (r *renderer) paintItem(p *painter, it *timeline.Item, col, primary, bg color.NRGBA, top, bottom float64) {
	row := r.t.m.row // r.t.lay() was called by paintLane
	y0 := top + it.Y + 4
	y1 := y0 + row - 8
	if y1+3 < top || y0-3 > bottom {
		return
	}
	faded := withAlpha(col, 80)
	switch {
	case it.Crowded:
		// No room in any row (it.Y is the last one): a tick in the lane's foot, under the
		// last row, says an event is there without hiding its neighbours or their labels.
		fy := top + it.Y + row + 0.5
		if it.Span {
			p.clipRect(it.X0, fy, math.Max(it.X1, it.X0+1), fy+2.5, withAlpha(col, 200), top, bottom)
		} else {
			mid := (it.X0 + it.X1) / 2
			p.clipRect(mid-2.5, fy, mid+2.5, fy+2.5, col, top, bottom)
		}
	case it.Span || it.Wide:
		b0, b1 := top+it.Y+1, top+it.Y+row-1 // the band holds the whole label
		// An opaque base, so the label reads over density bands and crowded marks.
		p.clipRect(it.X0, b0, it.X1, b1, withAlpha(bg, 215), top, bottom)
		core0, core1 := it.X0, it.X1
		// An uncertain end fades out towards its outer bound, under a dashed edge.
		if it.StartFuzzy {
			p.fade(it.X0, it.XS, b0+3, b1, col, 10, 70, top, bottom)
			p.dashes(it.X0, it.XS, b0, b0+2, faded, top, bottom)
			core0 = it.XS
		}
		if it.EndFuzzy {
			p.fade(it.XE, it.X1, b0+3, b1, col, 70, 10, top, bottom)
			p.dashes(it.XE, it.X1, b0, b0+2, faded, top, bottom)
			core1 = it.XE
		}
		if core1-core0 < 2 {
			core1 = core0 + 2
		}
		p.clipRect(core0, b0+3, core1, b1, withAlpha(col, 70), top, bottom)
		p.clipRect(core0, b0, core1, b0+3, col, top, bottom)
		// End caps, where they do not cut through the label.
		crosses := func(x float64) bool {
			return it.Labeled && x+2 > it.LabelX && x < it.LabelX+it.LabelW
		}
		if !crosses(core0) {
			p.clipRect(core0, b0, math.Min(core0+2, core1), b1, col, top, bottom)
		}
		if !crosses(core1 - 2) {
			p.clipRect(math.Max(core1-2, core0), b0, core1, b1, col, top, bottom)
		}
	default:
		mid, cy := (it.X0+it.X1)/2, (y0+y1)/2
		if it.StartFuzzy {
			p.clipRect(it.X0, y0+2, math.Max(it.X1, it.X0+1), y1-2, faded, top, bottom)
			p.diamond(mid, cy, 4.5, bg, top, bottom)
			p.diamondOutline(mid, cy, 4.5, col, top, bottom)
		} else {
			if it.X1-it.X0 > 12 {
				// The date names a whole day (or hour...): bracket it, so the label after
				// it stays joined to its diamond.
				p.clipRect(it.X0, cy-0.5, it.X1, cy+0.5, withAlpha(col, 150), top, bottom)
				p.clipRect(it.X0, cy-3, it.X0+1, cy+3, withAlpha(col, 150), top, bottom)
				p.clipRect(it.X1-1, cy-3, it.X1, cy+3, withAlpha(col, 150), top, bottom)
			}
			p.diamond(mid, cy, 5, col, top, bottom)
		}
	}
	if it.Selected {
		a, b := it.X0, it.X1
		if !it.Span {
			mid := (a + b) / 2
			a, b = math.Min(a, mid-6), math.Max(b, mid+6)
		}
		p.clipRect(a-2, y0-3, b+2, y0-1, primary, top, bottom)
		p.clipRect(a-2, y1+1, b+2, y1+3, primary, top, bottom)
		p.clipRect(a-2, y0-3, a, y1+3, primary, top, bottom)
		p.clipRect(b, y0-3, b+2, y1+3, primary, top, bottom)
	}
}

// title is frame lane li's header as Refresh wrote it ("" before then).
func (r *renderer) title(li int) string {
	if li < len(r.titles) {
		return r.titles[li]
	}
	return ""
}

// dim is c faded to a third, for what a highlight leaves out.
func dim(c color.NRGBA) color.NRGBA { return withAlpha(c, 85) }
