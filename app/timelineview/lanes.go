package timelineview

import (
	"math"
	"slices"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// LaneSort is how the lanes are ordered from the top down.
type LaneSort int

// The lane orders: by name (the index's order, "(none)" last), by how many events a
// lane holds (most first), and by its first event (earliest first). Ties keep the
// order by name.
const (
	SortByName LaneSort = iota
	SortByCount
	SortByFirst
)

// SetLaneSort orders the lanes by s.
func (t *View) SetLaneSort(s LaneSort) {
	t.laneSort = s
	t.orderFor = nil
	t.requestFrame()
}

// laneOrder is the lanes' order for the frame (nil: the index's), computed once per
// index and sort.
func (t *View) laneOrder() []int {
	if t.ix == nil || t.laneSort == SortByName {
		return nil
	}
	if t.orderFor == t.ix {
		return t.order
	}
	lanes := t.ix.Lanes()
	key := make([]float64, len(lanes))
	for i, l := range lanes {
		switch t.laneSort {
		case SortByCount:
			key[i] = -float64(l.Count)
		case SortByFirst:
			key[i] = math.Inf(1)
			for _, mi := range t.ix.Query(i, math.MinInt64/2, math.MaxInt64/2, nil) {
				key[i] = math.Min(key[i], float64(t.ix.Marks().StartLo(int(mi))))
			}
		}
	}
	order := make([]int, len(lanes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case key[a] < key[b]:
			return -1
		case key[a] > key[b]:
			return 1
		}
		return 0
	})
	t.order, t.orderFor = order, t.ix
	return order
}

// RevealLane scrolls the lanes so the first whose name starts with prefix (any case)
// is at the top, and reports whether there is one.
func (t *View) RevealLane(prefix string) bool {
	if t.ix == nil {
		return false
	}
	p := strings.ToLower(prefix)
	for _, li := range t.front.Order {
		if strings.HasPrefix(strings.ToLower(t.ix.Lanes()[li].Name), p) {
			if y, _, ok := t.laneTop(li); ok {
				t.scrollY = y
				t.clampScroll()
				t.requestFrame()
				return true
			}
		}
	}
	return false
}

// ToggleCollapse draws lane name as its header alone, or in full again.
func (t *View) ToggleCollapse(name string) { t.toggle(t.collapsed, name) }

// CollapseAll collapses every lane (true) or expands them all to their usual size.
func (t *View) CollapseAll(collapse bool) {
	clear(t.collapsed)
	clear(t.expanded)
	if collapse && t.ix != nil {
		for _, l := range t.ix.Lanes() {
			t.collapsed[l.Name] = true
		}
	}
	t.requestFrame()
}

// ToggleLane gives lane name all the rows it needs, or its usual limit again.
func (t *View) ToggleLane(name string) { t.toggle(t.expanded, name) }

// toggle adds name to set or takes it out, and redraws.
func (t *View) toggle(set map[string]bool, name string) {
	if set[name] {
		delete(set, name)
	} else {
		set[name] = true
	}
	t.requestFrame()
}

// laneName is what a lane's header calls it.
func (t *View) laneName(fl *timeline.FrameLane) string { return tints{ix: t.ix}.laneName(fl) }
