package timeline

import "math"

// BandMarks returns the marks (indexes into ix.Marks(), each once, in no set order) that
// a rubber band from (x0, y0) to (x1, y1) takes in frame f, which was built from ix: in a
// lane drawn mark by mark, the items whose mark lies in the band's time and whose row its
// height meets; in a dense or collapsed lane the band meets, every mark of the lane whose
// range meets the band's time, drawn or not. Pixels are the frame's, as in HitTest; the
// corners may be given in any order.
func (f *Frame) BandMarks(ix *Index, x0, y0, x1, y1 float64) []int32 {
	x0, x1 = math.Min(x0, x1), math.Max(x0, x1)
	y0, y1 = math.Min(y0, y1), math.Max(y0, y1)
	from, to := f.View.Scale.Time(x0), f.View.Scale.Time(x1)+1
	seen := map[int32]bool{}
	var out []int32
	add := func(m int32) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	for li := range f.Lanes {
		fl := &f.Lanes[li]
		if y1 < fl.Y || y0 >= fl.Y+fl.Height {
			continue
		}
		if fl.Dense || fl.Collapsed {
			for _, m := range ix.Query(fl.Lane, from, to, nil) {
				add(m)
			}
			continue
		}
		for k := range fl.Items {
			it := &fl.Items[k]
			if y1 < it.Y || y0 >= it.Y+f.View.RowHeight {
				continue
			}
			a, b := it.X0, it.X1
			if !it.Span {
				mid := (a + b) / 2
				a, b = math.Min(a, mid-f.View.MarkWidth/2), math.Max(b, mid+f.View.MarkWidth/2)
			}
			if b >= x0 && a <= x1 {
				add(it.Mark)
			}
		}
	}
	return out
}
