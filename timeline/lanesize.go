package timeline

// rowLimit is how many rows lane name may use in v.
func (v *View) rowLimit(name string) int {
	if !v.GrowLanes {
		return v.Rows()
	}
	if v.Expanded[name] {
		return v.ExpandedRows
	}
	return v.MaxLaneRows
}

// grownHeight is the height of a grown lane using rows rows.
func (v *View) grownHeight(rows int) float64 {
	return v.LaneHeader + float64(max(rows, 1))*v.RowHeight + v.LanePad
}

// buildSized builds lane fl at fl.Y, sizing it when v grows lanes, and reports whether
// it is on screen; a lane off screen leaves nothing in f's buffers but its height.
func (f *Frame) buildSized(ix *Index, v *View, fl *FrameLane) bool {
	limit := v.rowLimit(fl.Name)
	f.packer.MaxRows = limit
	items, cols, densityMax := len(f.Items), len(f.density), f.DensityMax
	if v.GrowLanes && v.Collapsed[fl.Name] {
		first, last := v.Scale.Window()
		fl.Count, fl.Collapsed = ix.Count(fl.Lane, first, last), true
		fl.items = [2]int{items, items}
		fl.Height = v.LaneHeader + v.LanePad
		if fl.Height <= 0 {
			fl.Height = v.RowHeight
		}
		fl.Hidden = fl.Count
		return !(fl.Y+fl.Height <= 0 || (v.Height > 0 && fl.Y >= v.Height))
	}
	f.buildLane(ix, v, fl)
	if v.GrowLanes {
		fl.Height = v.grownHeight(fl.Rows)
	}
	if fl.Y+fl.Height <= 0 || (v.Height > 0 && fl.Y >= v.Height) {
		f.Items, f.density, f.DensityMax = f.Items[:items], f.density[:cols], densityMax
		return false
	}
	labeled := 0
	for _, it := range f.Items[fl.items[0]:fl.items[1]] {
		if it.Labeled {
			labeled++
		}
	}
	fl.Hidden = fl.Count - labeled
	fl.More = !fl.Dense && fl.Hidden > 0 && fl.Rows >= limit
	return true
}

// placeLabel is where a mark spanning a..b pixels (the marker or bar as drawn) starts
// its label of width lw in a frame width pixels wide: inside a bar (or a point's whole
// day, when wide) from its start, or just after a marker; and, when the label would run
// past the right edge, just before the mark instead, if there is room there.
func placeLabel(a, b, lw, width float64, inside bool) float64 {
	lx := b + 2
	if inside {
		lx = max(a, 0) + 3
	}
	if lx+lw > width-2 && a-2-lw >= 0 {
		lx = a - 2 - lw
	}
	return lx
}

// wide reports whether point m, drawn over x0..x1, is shown as a bar over its date (see
// Item.Wide).
func wide(f MarkFlags, x0, x1 float64, v *View) bool {
	return f&(MarkSpan|MarkStartFuzzy) == 0 && x1-x0 >= 3*v.MarkWidth
}

// validOrder reports whether order holds each of 0..n-1 exactly once.
func validOrder(order []int, n int) bool {
	if len(order) != n {
		return false
	}
	seen := make([]bool, n)
	for _, i := range order {
		if i < 0 || i >= n || seen[i] {
			return false
		}
		seen[i] = true
	}
	return true
}
