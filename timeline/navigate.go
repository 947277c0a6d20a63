package timeline

import "cmp"

// compareInTime orders marks as the timeline reads them: by earliest start, then by
// latest end, then by id, so that every mark has one place.
func compareInTime(a, b *Mark) int {
	return cmp.Or(cmp.Compare(a.StartLo, b.StartLo), cmp.Compare(a.EndHi, b.EndHi), cmp.Compare(a.ID, b.ID))
}

// Neighbour is the index in marks of the mark next in time after the one with id (dir
// > 0) or before it (dir < 0), in the order of earliest start, latest end, then id.
// With no such id it is the first mark starting at or after at (dir > 0), or the last
// starting before it (dir < 0). It reports false when there is none that way. It costs
// one pass over marks, which need not be sorted.
func Neighbour(marks []Mark, id string, at int64, dir int) (int, bool) {
	from := -1
	if id != "" {
		for i := range marks {
			if marks[i].ID == id {
				from = i
				break
			}
		}
	}
	pivot := Mark{StartLo: at}
	if from >= 0 {
		pivot = marks[from]
	}
	best := -1
	for i := range marks {
		if i == from {
			continue
		}
		c := compareInTime(&marks[i], &pivot)
		if from < 0 && dir > 0 && marks[i].StartLo == at {
			c = 1 // starting at the instant itself counts as after it
		}
		if (dir > 0 && c > 0 && (best < 0 || compareInTime(&marks[i], &marks[best]) < 0)) ||
			(dir < 0 && c < 0 && (best < 0 || compareInTime(&marks[i], &marks[best]) > 0)) {
			best = i
		}
	}
	return best, best >= 0
}
