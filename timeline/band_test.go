package timeline

import (
	"math"
	"testing"
)

// bandWant is what a band must take, worked out the slow way: every item of a lane
// drawn mark by mark whose box meets the band, and every mark in the band's time of a
// dense lane the band meets.
func bandWant(f *Frame, ix *Index, x0, y0, x1, y1 float64) map[int32]bool {
	want := map[int32]bool{}
	from, to := f.View.Scale.Time(x0), f.View.Scale.Time(x1)+1
	for _, fl := range f.Lanes {
		if y1 < fl.Y || y0 >= fl.Y+fl.Height {
			continue
		}
		if fl.Dense {
			for i := 0; i < ix.Marks().Len(); i++ {
				lo, hi := ix.Marks().Range(i)
				if ix.Lanes()[fl.Lane].Name == ix.Marks().Lane(i) && hi >= from && lo <= to {
					want[int32(i)] = true
				}
			}
			continue
		}
		for _, it := range fl.Items {
			a, b := it.X0, it.X1
			if !it.Span {
				a, b = math.Min(a, (a+b)/2-f.View.MarkWidth/2), math.Max(b, (a+b)/2+f.View.MarkWidth/2)
			}
			if it.Y <= y1 && it.Y+f.View.RowHeight > y0 && b >= x0 && a <= x1 {
				want[it.Mark] = true
			}
		}
	}
	return want
}

func TestBandMarks(t *testing.T) {
	marks := Synthetic(3000, 4)
	ix := NewIndex(marks, GroupByLane)
	var f Frame
	views := frameViews(ix, 1000)
	for vi, s := range []Scale{views[0], views[5]} {
		f.Build(ix, View{Scale: s, Height: 600, MaxItems: 400, LabelBudget: 100})
		bands := [][4]float64{{0, 0, 1000, 5000}, {600, 300, 100, 10}, {250, 0, 260, 5000}}
		for _, b := range bands {
			got := f.BandMarks(ix, b[0], b[1], b[2], b[3])
			want := bandWant(&f, ix, min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3]))
			seen := map[int32]bool{}
			for _, m := range got {
				if seen[m] {
					t.Fatalf("view %d band %v: mark %d twice", vi, b, m)
				}
				seen[m] = true
				if !want[m] {
					t.Errorf("view %d band %v: took mark %d, outside it", vi, b, m)
				}
			}
			if len(seen) != len(want) {
				t.Errorf("view %d band %v: took %d marks, want %d", vi, b, len(seen), len(want))
			}
		}
	}
	// A band over one drawn item takes it.
	f.Build(ix, View{Scale: views[5], Height: 600, MaxItems: 400, LabelBudget: 100})
	for _, fl := range f.Lanes {
		if fl.Dense || len(fl.Items) == 0 {
			continue
		}
		it := fl.Items[0]
		x := (it.X0 + it.X1) / 2
		got := f.BandMarks(ix, x, it.Y+1, x, it.Y+2)
		found := false
		for _, m := range got {
			found = found || m == it.Mark
		}
		if !found {
			t.Errorf("a band on item %q did not take it (took %v)", it.Title, got)
		}
		break
	}
}
