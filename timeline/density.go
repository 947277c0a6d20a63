package timeline

import (
	"math"
	"math/bits"
	"slices"
)

// bucketsFor is the number of density buckets of a lane of n marks: a power of two
// between minBuckets and maxBuckets, about n, so memory follows the marks.
func bucketsFor(n int) int {
	b := 1 << bits.Len(uint(max(n, 1)-1))
	return min(max(b, minBuckets), maxBuckets)
}

// bucket is the density bucket of instant t in an array of nb buckets.
func (ix *Index) bucket(t int64, nb int) int {
	if t <= ix.origin {
		return 0
	}
	b := int(float64(t-ix.origin) / float64(ix.extent) * float64(nb))
	return min(b, nb-1)
}

func (ix *Index) buildPrefix(runs []run, nb int) []uint32 {
	p := make([]uint32, nb+1)
	for _, r := range runs {
		for _, e := range r.ent {
			p[ix.bucket(r.starts[e.mark], nb)+1]++
		}
	}
	accumulate(p)
	return p
}

func accumulate(p []uint32) {
	for i := 1; i < len(p); i++ {
		p[i] += p[i-1]
	}
}

// cumulative estimates from prefix sums how many marks start before instant t, assuming
// the starts are spread evenly within a bucket.
func (ix *Index) cumulative(p []uint32, t float64) float64 {
	nb := len(p) - 1
	u := (t - float64(ix.origin)) / float64(ix.extent) * float64(nb)
	switch {
	case !(u > 0):
		return 0
	case u >= float64(nb):
		return float64(p[nb])
	}
	i := int(u)
	return float64(p[i]) + (u-float64(i))*float64(p[i+1]-p[i])
}

// Density fills cols with how many marks of lane start in each of len(cols) equal columns
// across view s, and returns earlier, the number of the lane's marks in view that started
// before it. The columns hold fractions where the index's buckets are wider than a
// column; their sum plus earlier is exactly Count(lane, first, last) for the view's
// Window. It costs O(len(cols) + runs · log n + the marks overlapping the view's start).
func (ix *Index) Density(lane int, s Scale, cols []float32) (earlier int) {
	li := &ix.lanes[lane]
	first, last := s.Window()
	lo, hi := 0, 0 // exact: marks starting before first, and at or before last
	for ri := range li.runs {
		r := &li.runs[ri]
		lo += r.startsBefore(first)
		hi += r.startsBefore(satAdd(last, 1))
		i, j := r.window(first, first-1)
		for _, e := range r.ent[i:j] {
			if ix.hiOf(e) >= first {
				earlier++
			}
		}
	}
	fillColumns(ix, li.prefix, s, cols, float64(lo), float64(hi))
	return earlier
}

func satAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// fillColumns writes into cols the differences of the cumulative start counts at the
// column boundaries of s, the outer boundaries exact (lo, hi) and the inner ones
// interpolated from prefix and kept within [lo, hi].
func fillColumns(ix *Index, prefix []uint32, s Scale, cols []float32, lo, hi float64) {
	n := len(cols)
	if n == 0 {
		return
	}
	step := (s.End - s.Start) / float64(n)
	prev := lo
	for i := 0; i < n; i++ {
		next := hi
		if i < n-1 {
			next = min(max(ix.cumulative(prefix, s.Start+float64(i+1)*step), prev), hi)
		}
		cols[i] = float32(next - prev)
		prev = next
	}
}

// Overview is the whole case at a glance, for the overview strip: Scale fits the case's
// extent to the strip's width, Counts[i] is how many marks start in pixel column i
// (every mark counted once, whatever the grouping) and Max is the largest count.
type Overview struct {
	Scale  Scale
	Counts []float32
	Max    float32
}

// Overview fills o for a strip width pixels wide (at least 1), reusing o.Counts.
func (ix *Index) Overview(width int, o *Overview) {
	width = max(width, 1)
	first, last, ok := ix.Extent()
	if !ok {
		first, last = 0, 0
	}
	o.Scale = Fit(first, last, float64(width))
	o.Counts = slices.Grow(o.Counts[:0], width)[:width]
	o.Max = 0
	if ix.marks.Len() == 0 {
		clear(o.Counts)
		return
	}
	fillColumns(ix, ix.global, o.Scale, o.Counts, 0, float64(ix.marks.Len()))
	for _, c := range o.Counts {
		o.Max = max(o.Max, c)
	}
}

// Window returns the pixel range of the overview strip that view covers, clamped to the
// strip, for drawing the "you are here" box.
func (o *Overview) Window(view Scale) (x0, x1 float64) {
	x0 = (view.Start - o.Scale.Start) / o.Scale.SecondsPerPixel()
	x1 = (view.End - o.Scale.Start) / o.Scale.SecondsPerPixel()
	clamp := func(x float64) float64 { return min(max(x, 0), o.Scale.Width) }
	return clamp(x0), clamp(x1)
}
