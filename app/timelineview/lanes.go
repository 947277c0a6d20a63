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
// lane holds (most first), by its first event (earliest first), and as the case orders
// its lanes (SetLaneOrder; Edit > Lane properties moves them), the default: grouped by
// actor or tag, or with no order set, that is by name. Ties keep the order by name.
const (
	SortByName LaneSort = iota
	SortByCount
	SortByFirst
	SortByCase
)

// SetLaneSort orders the lanes by s.
func (t *View) SetLaneSort(s LaneSort) {
	t.laneSort = s
	t.orderFor = nil
	t.requestFrame()
}

// LaneSort is how the lanes are ordered.
func (t *View) LaneSort() LaneSort { return t.laneSort }

// SetLaneOrder sets the case's order of its lanes, for SortByCase.
func (t *View) SetLaneOrder(o LaneOrder) {
	t.places = o
	t.orderFor = nil
	t.requestFrame()
}

// laneOrder is the lanes' order for the frame (nil: the index's), computed once per
// index and sort.
func (t *View) laneOrder() []int {
	byCase := t.laneSort == SortByCase && len(t.places) > 0 && t.ix != nil && t.ix.GroupBy() == timeline.GroupByLane
	if t.ix == nil || (t.laneSort == SortByName || t.laneSort == SortByCase) && !byCase {
		return nil
	}
	if t.orderFor == t.ix {
		return t.order
	}
	lanes := t.ix.Lanes()
	key := make([]float64, len(lanes))
	for i, l := range lanes {
		switch t.laneSort {
		case SortByCase:
			key[i] = math.Inf(1) // no lane, and lanes the case does not list yet, last
			if p, ok := t.places[l.Name]; ok {
				key[i] = float64(p)
			}
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

// LaneNames are the names of the lanes from the top down, as the frame on display
// orders them.
func (t *View) LaneNames() []string {
	if t.ix == nil {
		return nil
	}
	out := make([]string, 0, len(t.front.Order))
	for _, li := range t.front.Order {
		out = append(out, t.ix.Lanes()[li].Name)
	}
	return out
}
