package app

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// listOrder is the order of the list's rows: by a column, up or down. The zero value is
// the marks' own order, earliest first.
type listOrder struct {
	key  string // a column's key; "" or "date" for the marks' order
	desc bool
}

// byDate reports whether the order is the marks' own, one way or the other.
func (o listOrder) byDate() bool { return o.key == "" || o.key == "date" }

// sortRows is the list's rows in order o: the positions in marks, row by row. facts
// are the events' facts, for the columns that show them (an event without one sorts as
// empty). Rows equal in the column stay in date order, and empty values go last, up or
// down. It takes a second or two for a million marks: run it off the UI goroutine.
func sortRows(marks *timeline.Marks, o listOrder, facts map[string]fact) []int32 {
	n := marks.Len()
	rows := make([]int32, n)
	for i := range rows {
		rows[i] = int32(i)
	}
	if o.byDate() {
		if o.desc {
			slices.Reverse(rows)
		}
		return rows
	}
	dir := 1
	if o.desc {
		dir = -1
	}
	if o.key == "grade" || o.key == "sources" {
		vals := make([]int, n)
		for i := range vals {
			f, ok := facts[marks.ID(i)]
			switch {
			case !ok || o.key == "grade" && f.gradeRank == noGrade || o.key == "sources" && f.sources == 0:
				vals[i] = -1 // empty
			case o.key == "grade":
				vals[i] = f.gradeRank
			default:
				vals[i] = f.sources
			}
		}
		slices.SortStableFunc(rows, func(a, b int32) int {
			va, vb := vals[a], vals[b]
			if (va < 0) != (vb < 0) {
				return pick(va < 0, 1, -1)
			}
			return dir * cmp.Compare(va, vb)
		})
		return rows
	}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = strings.ToLower(sortText(marks, i, o.key, facts))
	}
	slices.SortStableFunc(rows, func(a, b int32) int {
		ka, kb := keys[a], keys[b]
		if (ka == "") != (kb == "") {
			return pick(ka == "", 1, -1)
		}
		return dir * compareText(ka, kb)
	})
	return rows
}

// sortText is the text mark i sorts by in column key.
func sortText(marks *timeline.Marks, i int, key string, facts map[string]fact) string {
	if text, ok := markText(marks, i, key); ok {
		return text
	}
	return factText(key, facts[marks.ID(i)])
}

// compareText compares two values of a column: as numbers when both read as numbers
// (an attribute such as fatalities), else as text.
func compareText(a, b string) int {
	if fa, err := strconv.ParseFloat(a, 64); err == nil {
		if fb, err := strconv.ParseFloat(b, 64); err == nil {
			return cmp.Compare(fa, fb)
		}
	}
	return strings.Compare(a, b)
}
