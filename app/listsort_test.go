package app

import (
	"fmt"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// BenchmarkSortRows sorts the list's rows of a synthetic million-event case by a column
// of the marks (what the window does off the UI goroutine when a header is clicked).
func BenchmarkSortRows(b *testing.B) {
	marks := timeline.Synthetic(1_000_000, 42)
	for _, key := range []string{"date", "title", "lane", "actors"} {
		for _, desc := range []bool{false, true} {
			b.Run(fmt.Sprintf("key=%s/desc=%v", key, desc), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					rows := sortRows(marks, listOrder{key: key, desc: desc}, nil)
					if len(rows) != marks.Len() {
						b.Fatalf("%d rows", len(rows))
					}
				}
			})
		}
	}
}

// TestSortRowsIsAPermutation: every order of a synthetic case lists every mark once,
// the marks' order reversed when down by date.
func TestSortRowsIsAPermutation(t *testing.T) {
	marks := timeline.Synthetic(5000, 7)
	for _, key := range []string{"date", "title", "lane", "actors", "tags", "grade", "sources", "attr:x"} {
		for _, desc := range []bool{false, true} {
			rows := sortRows(marks, listOrder{key: key, desc: desc}, nil)
			seen := make([]bool, marks.Len())
			for _, p := range rows {
				if seen[p] {
					t.Fatalf("%s desc %v: mark %d twice", key, desc, p)
				}
				seen[p] = true
			}
			if len(rows) != marks.Len() {
				t.Fatalf("%s: %d rows of %d", key, len(rows), marks.Len())
			}
			if key == "date" && desc && rows[0] != int32(marks.Len()-1) {
				t.Errorf("down by date starts with mark %d", rows[0])
			}
		}
	}
}
