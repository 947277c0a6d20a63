package timeline

import (
	"math"
	"testing"
)

// frameViews are views of a synthetic case from the whole of it down to an hour.
func frameViews(ix *Index, width float64) []Scale {
	first, last, _ := ix.Extent()
	s := Fit(first, last, width)
	var out []Scale
	for i := 0; i < 14; i++ {
		out = append(out, s)
		s = s.Zoom(2.7, width*0.37)
	}
	return out
}

func TestFrameCountsAndLayout(t *testing.T) {
	marks := Synthetic(30000, 5)
	ix := NewIndex(marks, GroupByLane)
	var f Frame
	for _, s := range frameViews(ix, 1200) {
		v := View{Scale: s, MaxItems: 800, LabelBudget: 200, Selected: map[string]bool{marks.ID(0): true}}
		f.Build(ix, v)
		if len(f.Lanes) != len(ix.Lanes()) {
			t.Fatalf("%d lanes built, want all %d", len(f.Lanes), len(ix.Lanes()))
		}
		sawDense, total := false, 0
		for li := range f.Lanes {
			fl := &f.Lanes[li]
			total += fl.Count
			first, last := s.Window()
			if fl.Dense {
				sawDense = true
				if want := ix.Count(fl.Lane, first, last); fl.Count != want {
					t.Fatalf("dense lane %q counts %d, want %d", fl.Name, fl.Count, want)
				}
				if fl.Count <= v.MaxItems {
					t.Fatalf("lane %q dense with %d marks", fl.Name, fl.Count)
				}
				if len(fl.Density) != 1200 || len(fl.Levels) != 1200 || fl.ColumnWidth != 1 {
					t.Fatalf("dense lane %q has %d columns", fl.Name, len(fl.Density))
				}
				for i, l := range fl.Levels {
					if l < 0 || l > 1 || (l > 0) != (fl.Density[i] > 0) {
						t.Fatalf("level %v for count %v", l, fl.Density[i])
					}
				}
				if len(fl.Items) == 0 || len(fl.Items) > v.LabelBudget {
					t.Fatalf("dense lane %q has %d labelled items", fl.Name, len(fl.Items))
				}
			} else {
				m := int64(math.Ceil(f.View.MarkWidth * s.SecondsPerPixel()))
				if want := ix.Count(fl.Lane, first-m, last+m); fl.Count != want || len(fl.Items) != want {
					t.Fatalf("lane %q counts %d with %d items, want %d", fl.Name, fl.Count, len(fl.Items), want)
				}
			}
			checkItems(t, &f, fl)
		}
		if total != f.Visible {
			t.Fatalf("Visible %d, lanes sum to %d", f.Visible, total)
		}
		if s == frameViews(ix, 1200)[0] && !sawDense {
			t.Fatalf("the whole case of 30000 marks drew no lane as density")
		}
		if len(f.Ticks) == 0 {
			t.Fatalf("no ticks")
		}
	}
}

// checkItems checks that a lane's items sit in its rows and that drawn labels and marks
// do not overlap within a row.
func checkItems(t *testing.T, f *Frame, fl *FrameLane) {
	t.Helper()
	rows := f.View.Rows()
	for i := range fl.Items {
		it := &fl.Items[i]
		if it.Row < 0 || it.Row >= rows || it.Y != fl.Y+f.View.LaneHeader+float64(it.Row)*f.View.RowHeight {
			t.Fatalf("item %+v outside its lane's rows", it)
		}
		if it.X0 > it.X1 || it.X0 < -f.View.Scale.Width || it.X1 > 2*f.View.Scale.Width {
			t.Fatalf("item extent %v..%v", it.X0, it.X1)
		}
		if fl.Dense && !it.Labeled {
			t.Fatalf("an unlabelled item in a dense lane")
		}
		if it.Labeled && it.LabelW > f.View.MaxLabelWidth {
			t.Fatalf("label width %v above the maximum", it.LabelW)
		}
		if it.Selected != f.View.Selected[f.widthOf.marks.ID(int(it.Mark))] {
			t.Fatalf("item %d selected = %v", it.Mark, it.Selected)
		}
	}
	for i := range fl.Items {
		x := &fl.Items[i]
		if !x.Labeled {
			continue
		}
		for j := i + 1; j < len(fl.Items); j++ {
			y := &fl.Items[j]
			if !y.Labeled || y.Row != x.Row {
				continue
			}
			if x.LabelX < y.LabelX+y.LabelW && y.LabelX < x.LabelX+x.LabelW {
				t.Fatalf("labels %q and %q overlap in row %d", x.Title, y.Title, x.Row)
			}
		}
	}
}

func TestFrameLevelOfDetail(t *testing.T) {
	marks := Synthetic(5000, 2)
	ix := NewIndex(marks, GroupNone)
	first, last, _ := ix.Extent()
	var f Frame
	f.Build(ix, View{Scale: Fit(first, last, 800), MaxItems: 10000})
	if f.Lanes[0].Dense || len(f.Items) != 5000 || f.Visible != 5000 {
		t.Errorf("under the threshold: dense %v, %d items", f.Lanes[0].Dense, len(f.Items))
	}
	f.Build(ix, View{Scale: Fit(first, last, 800), MaxItems: 100, DensityColumn: 4})
	fl := f.Lanes[0]
	if !fl.Dense || f.Visible != 5000 || len(fl.Density) != 200 || fl.ColumnWidth != 4 {
		t.Errorf("over the threshold: dense %v, visible %d, %d columns", fl.Dense, f.Visible, len(fl.Density))
	}
	// The labels of a dense lane go to the most important marks.
	best := int8(0)
	for _, it := range fl.Items {
		best = max(best, it.Importance)
	}
	if best != 5 {
		t.Errorf("the most important labelled mark has importance %d", best)
	}
	if f.DensityMax != fl.DensityMax || f.DensityMax <= 0 {
		t.Errorf("DensityMax %v, lane %v", f.DensityMax, fl.DensityMax)
	}
}

func TestFrameVerticalScroll(t *testing.T) {
	ix := NewIndex(Synthetic(3000, 3), GroupByLane) // eight lanes and (none)
	first, last, _ := ix.Extent()
	var f Frame
	f.Build(ix, View{Scale: Fit(first, last, 600), LaneHeight: 100, Height: 250, ScrollY: 150})
	if f.ContentHeight != 900 {
		t.Errorf("ContentHeight = %v", f.ContentHeight)
	}
	// Lanes 1 (y -50), 2 (50) and 3 (150) meet [0, 250).
	if len(f.Lanes) != 3 || f.Lanes[0].Lane != 1 || f.Lanes[0].Y != -50 || f.Lanes[2].Lane != 3 {
		t.Errorf("lanes %+v", f.Lanes)
	}
}

func TestHitTest(t *testing.T) {
	base := unix(2023, 9, 13, 0, 0)
	marks := []Mark{
		{ID: "p", Title: "point", Lane: "L1", Importance: 3, StartLo: base + 3600, StartHi: base + 3600, EndLo: base + 3600, EndHi: base + 3600},
		{ID: "s", Title: "span", Lane: "L1", Importance: 5, Span: true, StartLo: base + 6*3600, StartHi: base + 6*3600, EndLo: base + 12*3600, EndHi: base + 12*3600},
		{ID: "q", Title: "other lane", Lane: "L2", Importance: 1, StartLo: base + 3600, StartHi: base + 3600, EndLo: base + 3600, EndHi: base + 3600},
	}
	ix := NewIndex(MarksOf(marks), GroupByLane)
	var f Frame
	s := NewScale(base, base+day, 2400) // 100 px an hour
	f.Build(ix, View{Scale: s, LaneHeight: 60, RowHeight: 20, MarkWidth: 8, Selected: map[string]bool{"s": true}})
	find := func(id string) *Item {
		for i := range f.Items {
			if marks[f.Items[i].Mark].ID == id {
				return &f.Items[i]
			}
		}
		t.Fatalf("no item for %s", id)
		return nil
	}
	p, sp, q := find("p"), find("s"), find("q")
	if !sp.Selected || p.Selected || !sp.Span || !sp.Labeled {
		t.Errorf("flags: point %+v span %+v", *p, *sp)
	}
	tests := []struct {
		name string
		x, y float64
		mark int32
		lane int
	}{
		{"on the point", 100, p.Y + 10, 0, 0},
		{"beside the point within slop", 106, p.Y + 10, 0, 0},
		{"on the point's label", p.LabelX + 5, p.Y + 10, 0, 0},
		{"on the span", 900, sp.Y + 10, 1, 0},
		{"on the other lane's point", 100, q.Y + 10, 2, 1},
		{"empty space in a lane", 2000, p.Y + 10, -1, 0},
		{"below the point's row", 100, p.Y + 45, -1, 0},
		{"below every lane", 100, 500, -1, -1},
	}
	for _, tt := range tests {
		h := f.HitTest(tt.x, tt.y, 4)
		if h.Mark != tt.mark || h.Lane != tt.lane {
			t.Errorf("%s: hit %+v, want mark %d in lane %d", tt.name, h, tt.mark, tt.lane)
		}
		if h.Mark >= 0 && f.Items[h.Item].Mark != h.Mark {
			t.Errorf("%s: item %d is not mark %d", tt.name, h.Item, h.Mark)
		}
		if h.T != s.Time(tt.x) {
			t.Errorf("%s: T = %d", tt.name, h.T)
		}
	}
}

func TestHitTestDense(t *testing.T) {
	ix := NewIndex(Synthetic(4000, 8), GroupNone)
	first, last, _ := ix.Extent()
	var f Frame
	f.Build(ix, View{Scale: Fit(first, last, 500), MaxItems: 50})
	fl := &f.Lanes[0]
	col := 0
	for i, c := range fl.Density {
		if c > fl.Density[col] {
			col = i
		}
	}
	h := f.HitTest(float64(col)+0.5, fl.Y+fl.Height-1, 0)
	if h.Lane != 0 || h.Count != fl.Density[col] {
		t.Errorf("dense hit %+v, want count %v", h, fl.Density[col])
	}
}

func TestFrameMeasure(t *testing.T) {
	marks := []Mark{{Title: "abc", StartLo: 0, StartHi: 0, EndLo: 0, EndHi: 0}}
	ix := NewIndex(MarksOf(marks), GroupNone)
	calls := 0
	measure := func(s string) float32 { calls++; return float32(10 * len(s)) }
	var f Frame
	v := View{Scale: NewScale(-3600, 3600, 1000), Measure: measure}
	f.Build(ix, v)
	f.Build(ix, v)
	if calls != 1 || f.Items[0].LabelW != 30 {
		t.Errorf("measured %d times, width %v", calls, f.Items[0].LabelW)
	}
	f.ResetLabelWidths()
	v.MaxLabelWidth = 20
	f.Build(ix, v)
	if calls != 2 || f.Items[0].LabelW != 20 {
		t.Errorf("after reset: measured %d times, width %v", calls, f.Items[0].LabelW)
	}
}

func TestFrameReusesBuffers(t *testing.T) {
	ix := NewIndex(Synthetic(20000, 4), GroupByLane)
	views := frameViews(ix, 1600)
	var f Frame
	for _, s := range views {
		f.Build(ix, View{Scale: s})
	}
	for _, s := range views {
		// Only the tick labels are new strings.
		allocs := testing.AllocsPerRun(3, func() { f.Build(ix, View{Scale: s}) })
		if limit := float64(2*len(f.Ticks) + 8); allocs > limit {
			t.Errorf("a warm frame of %v allocates %v times (%d ticks)", s.Span(), allocs, len(f.Ticks))
		}
	}
}

func TestFrameFuzzyRanges(t *testing.T) {
	d := MustParseDate("2023-09-13~")
	end := MustParseDate("2023-10")
	e := Event{Title: "t", Start: d, End: end}
	p := Event{Title: "p", Start: d}
	ix := NewIndex(MarksOf([]Mark{MarkOf(e), MarkOf(p)}), GroupNone)
	var f Frame
	f.Build(ix, View{Scale: NewScale(unix(2023, 9, 1, 0, 0), unix(2023, 11, 1, 0, 0), 610)})
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	s := f.View.Scale
	for _, it := range f.Items {
		if it.Span {
			if it.X0 != s.X(d.Earliest) || it.XS != s.X(d.Latest) || it.XE != s.X(end.Earliest) || it.X1 != s.X(end.Latest) {
				t.Errorf("span %+v", it)
			}
			if !it.StartFuzzy || !it.EndFuzzy {
				t.Errorf("span fuzziness %+v", it)
			}
		} else if it.X0 != s.X(d.Earliest) || it.XS != it.X1 || it.XE != it.X0 || !it.StartFuzzy || it.EndFuzzy {
			t.Errorf("point %+v", it)
		}
	}
	var empty Frame
	empty.Build(nil, View{Scale: s})
	if len(empty.Lanes) != 0 || len(empty.Ticks) == 0 {
		t.Errorf("a frame of no index: %d lanes, %d ticks", len(empty.Lanes), len(empty.Ticks))
	}
}

func TestFrameLooseBound(t *testing.T) {
	// Many spans that ended long ago and one thirty-year span: the window's bound counts
	// them all, but only two marks are in view, so the lane is drawn one by one.
	var marks []Mark
	for i := 0; i < 200; i++ {
		lo := unix(1990, 1, 1+i, 0, 0)
		marks = append(marks, Mark{Title: "old", Span: true, StartLo: lo, StartHi: lo, EndLo: lo + 5000*day, EndHi: lo + 5000*day})
	}
	long := unix(1990, 1, 1, 0, 0)
	marks = append(marks, Mark{Title: "long", Span: true, StartLo: long, StartHi: long, EndLo: unix(2020, 1, 1, 0, 0), EndHi: unix(2020, 1, 1, 0, 0)})
	now := unix(2015, 6, 1, 0, 0)
	marks = append(marks, Mark{Title: "now", StartLo: now, StartHi: now, EndLo: now, EndHi: now})
	ix := NewIndex(MarksOf(marks), GroupNone)
	v := View{Scale: NewScale(now-day, now+day, 800), MaxItems: 10}
	if b := ix.Bound(0, now-day, now+day); b <= 4*v.MaxItems {
		t.Fatalf("the test needs a loose bound, got %d", b)
	}
	var f Frame
	f.Build(ix, v)
	if fl := f.Lanes[0]; fl.Dense || fl.Count != 2 || len(fl.Items) != 2 || fl.Density != nil {
		t.Errorf("lane dense %v with %d marks, %d items", fl.Dense, fl.Count, len(fl.Items))
	}
}
