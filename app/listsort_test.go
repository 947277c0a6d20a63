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

// TestFollowRow: the row put at the top for a time window is the first event starting
// in it (up), or the last (down, the rows earliest last); none when nothing starts in it.
func TestFollowRow(t *testing.T) {
	marks := timeline.Synthetic(2000, 3)
	lo, _ := marks.Range(0)
	_, hi := marks.Range(marks.Len() - 1)
	for k := 0; k < 20; k++ {
		first := lo + (hi-lo)*int64(k)/20
		last := first + (hi-lo)/15
		row, ok := followRow(marks, first, last, false)
		var want []int
		for i := 0; i < marks.Len(); i++ {
			if s := marks.StartLo(i); s >= first && s <= last {
				want = append(want, i)
			}
		}
		if ok != (len(want) > 0) {
			t.Fatalf("window %d..%d: ok %v with %d starting in it", first, last, ok, len(want))
		}
		if !ok {
			continue
		}
		if row != want[0] {
			t.Errorf("window %d..%d: row %d, want %d", first, last, row, want[0])
		}
		if row, _ := followRow(marks, first, last, true); row != marks.Len()-1-want[len(want)-1] {
			t.Errorf("window %d..%d down: row %d, want %d", first, last, row, marks.Len()-1-want[len(want)-1])
		}
	}
	if _, ok := followRow(marks, hi+1, hi+100, false); ok {
		t.Error("a window after every event gave a row")
	}
}
