package timelineview

import (
	"math"
	"sort"
)

// laneTop is the top of lane li (a position in the index's lanes) in the stacked lanes,
// and its height, from the frame on display; false before a frame has that lane.
func (t *View) laneTop(li int) (top, height float64, ok bool) {
	tops := t.front.LaneTops
	for k, l := range t.front.Order {
		if l == li && k+1 < len(tops) {
			return tops[k], tops[k+1] - tops[k], true
		}
	}
	return 0, 0, false
}

// maxScroll is how far the lanes scroll: all of them stacked, less the lane area.
func (t *View) maxScroll() float64 {
	return math.Max(t.front.ContentHeight-t.lanesHeight(), 0)
}

// clampScroll keeps the lanes scrolled within their height.
func (t *View) clampScroll() {
	if t.ix == nil {
		t.scrollY = 0
		return
	}
	t.scrollY = math.Max(0, math.Min(t.scrollY, t.maxScroll()))
}

// ScrollBy scrolls the lanes down by dy units (up when negative).
func (t *View) ScrollBy(dy float64) {
	t.scrollY += dy
	t.clampScroll()
	t.requestFrame()
}

// scrollLanes scrolls to the top of the next lane (step 1) or the previous one (-1).
func (t *View) scrollLanes(step int) {
	tops := t.front.LaneTops
	if len(tops) < 2 {
		return
	}
	cur := sort.SearchFloat64s(tops, t.scrollY+0.5) - 1 // the lane at the top
	next := min(max(cur+step, 0), len(tops)-2)
	if step < 0 && tops[max(cur, 0)] < t.scrollY-0.5 {
		next = max(cur, 0) // partly scrolled off: back to its top first
	}
	t.scrollY = tops[next]
	t.clampScroll()
	t.requestFrame()
}

// reclamp keeps the scroll within the lanes of the frame on display and reports whether
// it had to move.
func (t *View) reclamp() bool {
	old := t.scrollY
	t.clampScroll()
	return t.scrollY != old
}
