package app

import (
	"context"

	"github.com/chronoscope/chronoscope/timeline"
)

// highlightQuery splits the window's filter for Highlight mode: every event the other
// filters keep is shown, and the search only says which of them match. With the search
// empty or highlighting off it returns f unchanged and no match filter.
func highlightQuery(f timeline.Filter, on bool) (shown timeline.Filter, match *timeline.Filter) {
	if !on || f.Query == "" {
		return f, nil
	}
	m := f
	f.Query = ""
	return f, &m
}

// matchIDs are the ids of the events f selects, for the timeline to highlight.
func matchIDs(ctx context.Context, s caseStore, f timeline.Filter) (map[string]bool, error) {
	marks, err := s.Marks(ctx, f)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]bool, marks.Len())
	for i := range marks.Len() {
		ids[marks.ID(i)] = true
	}
	return ids, nil
}

// matchesExtent is the time the matches cover, earliest start to latest end, for Enter
// in the search box to frame them; false when there are none.
func matchesExtent(marks *timeline.Marks, matches map[string]bool) (lo, hi int64, ok bool) {
	for i := range marks.Len() {
		if matches != nil && !matches[marks.ID(i)] {
			continue
		}
		if !ok || marks.StartLo(i) < lo {
			lo = marks.StartLo(i)
		}
		if !ok || marks.EndHi(i) > hi {
			hi = marks.EndHi(i)
		}
		ok = true
	}
	return lo, hi, ok
}
