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
// down. It sorts a million marks in seconds: run it off the UI goroutine.
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
		slices.SortFunc(rows, func(a, b int32) int {
			va, vb := vals[a], vals[b]
			if (va < 0) != (vb < 0) {
				return pick(va < 0, 1, -1)
			}
			return cmp.Or(dir*cmp.Compare(va, vb), cmp.Compare(a, b))
		})
		return rows
	}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = strings.ToLower(sortText(marks, i, o.key, facts))
	}
	nums := numbers(keys, strings.HasPrefix(o.key, attrPrefix))
	slices.SortFunc(rows, func(a, b int32) int {
		ka, kb := keys[a], keys[b]
		if (ka == "") != (kb == "") {
			return pick(ka == "", 1, -1)
		}
		c := strings.Compare(ka, kb)
		if nums != nil && nums.ok[a] && nums.ok[b] {
			c = cmp.Compare(nums.v[a], nums.v[b])
		}
		return cmp.Or(dir*c, cmp.Compare(a, b))
	})
	return rows
}

// numbered is the values of a column read as numbers, where they are.
type numbered struct {
	v  []float64
	ok []bool
}

// numbers reads keys as numbers, for an attribute's column (fatalities sort as
// numbers); nil when attr is false.
func numbers(keys []string, attr bool) *numbered {
	if !attr {
		return nil
	}
	n := &numbered{v: make([]float64, len(keys)), ok: make([]bool, len(keys))}
	for i, k := range keys {
		if f, err := strconv.ParseFloat(k, 64); err == nil {
			n.v[i], n.ok[i] = f, true
		}
	}
	return n
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
	n := numbers([]string{a, b}, true)
	if n.ok[0] && n.ok[1] {
		return cmp.Compare(n.v[0], n.v[1])
	}
	return strings.Compare(a, b)
}
