package timelineview

import (
	"math"

	"fyne.io/fyne/v2"
)

// putBreaks writes, in the axis's lower row, how long each break on a compressed axis
// is: "2 yr cut". The ticks leave that room free (see timeline.Folding.Ticks).
func (r *renderer) putBreaks() {
	t := r.t
	m := t.lay()
	prevEnd := math.Inf(-1)
	for _, b := range t.front.Breaks {
		// "24 mo" when "24 mo cut" runs into the label before, nothing when that does
		// too (the tooltip says it).
		short := cutText(b.Fold.To-b.Fold.From, false)
		for _, s := range []string{short + " cut", short} {
			w := float64(fyne.MeasureText(s, tickTextSize(), fyne.TextStyle{Bold: true}).Width)
			x := math.Max((b.X0+b.X1)/2-w/2, 2)
			if x+w > t.plotWidth()-2 {
				x = t.plotWidth() - 2 - w
			}
			if x < prevEnd+m.pad || x+w < 0 || x > t.plotWidth() {
				continue
			}
			r.put(s, float32(x), float32(m.minorRow+m.pad/2), tickTextSize(), r.fg, true)
			prevEnd = x + w
			break
		}
	}
}

// paintBreaks draws each break of a compressed axis across the axis and the lanes, a
// strip between two zigzag edges, under the marks and the labels' backings (a span
// running through it is drawn over it, a label crossing it reads whole); and its place
// on the overview strip.
func paintBreaks(p *painter, s *scene) {
	fold := s.frame.View.Folding
	if fold == nil {
		return
	}
	m, pal := &s.m, &s.pal
	W := float64(s.size.Width)
	bottom := m.axis + s.lanesHeight()
	strip, edge := over(faded(pal.fg, 16), faded(pal.bg, 235)), faded(pal.fg, 150)
	for _, b := range s.frame.Breaks {
		x0, x1 := math.Max(b.X0, -m.pad), math.Min(b.X1, W+m.pad)
		if x1 <= x0 {
			continue
		}
		p.rect(x0, 0, x1, bottom, strip)
		p.zigzag(x0, 0, bottom, m.pad/2, edge)
		p.zigzag(x1, 0, bottom, m.pad/2, edge)
	}
	// On the overview: a pair of short strokes where each fold is.
	oy := float64(s.size.Height) - m.overview
	for _, b := range fold.Breaks(s.overview.Scale, nil) {
		c := (b.X0 + b.X1) / 2
		p.rect(c-2, oy+1, c-1, oy+m.overview/2, edge)
		p.rect(c+1, oy+1, c+2, oy+m.overview/2, edge)
	}
}

// zigzag draws a vertical zigzag line about x from y0 to y1, amp units either side.
func (p *painter) zigzag(x, y0, y1, amp float64, c premul) {
	step := 1 / p.sy
	period := 4 * amp
	for y := y0; y < y1; y += step {
		ph := math.Mod(y, period) / period // 0..1
		off := amp * (4*math.Abs(ph-0.5) - 1)
		p.rect(x+off-0.75, y, x+off+0.75, y+step, c)
	}
}
