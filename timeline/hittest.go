package timeline

import "math"

// Hit is what lies under a point of a frame.
type Hit struct {
	Lane  int     // index into Frame.Lanes, -1 when the point is in no lane
	Item  int     // index into Frame.Items, -1 when no item is there
	Mark  int32   // index into Index.Marks of that item, -1 when none
	T     int64   // the instant under the point (on a folded axis, the instant it stands for)
	Count float32 // in a dense lane, the marks starting in the column under the point
}

// nearestItem is the index in fl.Items of the item at (x, y): its mark within slop
// pixels or its drawn label there, the nearest mark first, then the most important; -1
// when there is none.
func (f *Frame) nearestItem(fl *FrameLane, x, y, slop float64) int {
	best, bestD := -1, math.Inf(1)
	for k := range fl.Items {
		it := &fl.Items[k]
		if y < it.Y || y >= it.Y+f.View.RowHeight {
			continue
		}
		a, b := it.X0, it.X1
		if !it.Span {
			mid := (a + b) / 2
			a, b = min(a, mid-f.View.MarkWidth/2), max(b, mid+f.View.MarkWidth/2)
		}
		d := math.Max(math.Max(a-x, x-b), 0)
		if d > slop && !(it.Labeled && x >= it.LabelX && x < it.LabelX+it.LabelW) {
			continue
		}
		if best < 0 || d < bestD || (d == bestD && it.Importance > fl.Items[best].Importance) {
			best, bestD = k, d
		}
	}
	return best
}

// HitTest reports what is at pixel (x, y) of f: the lane, and the item whose mark (within
// slop pixels) or drawn label is there, nearest mark first, then the most important. It
// looks only at the lane under the point.
func (f *Frame) HitTest(x, y, slop float64) Hit {
	h := Hit{Lane: -1, Item: -1, Mark: -1, T: f.View.Folding.Time(f.View.Scale.Time(x))}
	for li := range f.Lanes {
		fl := &f.Lanes[li]
		if y < fl.Y || y >= fl.Y+fl.Height {
			continue
		}
		h.Lane = li
		if fl.Dense && fl.ColumnWidth > 0 {
			if c := int(x / fl.ColumnWidth); x >= 0 && c < len(fl.Density) {
				h.Count = fl.Density[c]
			}
		}
		best := f.nearestItem(fl, x, y, slop)
		if best >= 0 {
			h.Item = fl.items[0] + best
			h.Mark = fl.Items[best].Mark
		}
		break
	}
	return h
}
