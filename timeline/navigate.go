package timeline

import "cmp"

// timePoint is where a mark is in the order the timeline reads them.
type timePoint struct {
	start int64
	pos   int
}

func (m *Marks) timePoint(i int) timePoint { return timePoint{m.c.StartLo[i], i} }

// compareInTime orders marks as the list shows them: by earliest start, then by their
// place in the marks (a store gives them earliest first, marks that start together in
// the order they were written), so that every mark has one place and stepping through
// them walks down the list.
func compareInTime(a, b timePoint) int {
	return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.pos, b.pos))
}

// Neighbour is the position in marks of the mark next in time after the one with id (dir
// > 0) or before it (dir < 0), in the order of earliest start, then place in marks.
// With no such id it is the first mark starting at or after at (dir > 0), or the last
// starting before it (dir < 0). It reports false when there is none that way. It costs
// one pass over marks, which need not be sorted.
func Neighbour(marks *Marks, id string, at int64, dir int) (int, bool) {
	from, _ := marks.Find(id)
	pivot := timePoint{start: at, pos: -1}
	if from >= 0 {
		pivot = marks.timePoint(from)
	}
	best := -1
	var bestAt timePoint
	for i := range marks.Len() {
		if i == from {
			continue
		}
		p := marks.timePoint(i)
		c := compareInTime(p, pivot)
		if from < 0 && dir > 0 && p.start == at {
			c = 1 // starting at the instant itself counts as after it
		}
		if (dir > 0 && c > 0 && (best < 0 || compareInTime(p, bestAt) < 0)) ||
			(dir < 0 && c < 0 && (best < 0 || compareInTime(p, bestAt) > 0)) {
			best, bestAt = i, p
		}
	}
	return best, best >= 0
}
