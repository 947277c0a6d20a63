package timeline

import (
	"reflect"
	"testing"
)

func pointAt(id string, t int64) Mark {
	return Mark{ID: id, StartLo: t, StartHi: t, EndLo: t, EndHi: t}
}

func spanOf(id string, from, to int64) Mark {
	return Mark{ID: id, StartLo: from, StartHi: from, EndLo: to, EndHi: to, Span: true}
}

func TestFindFolds(t *testing.T) {
	five := []Mark{pointAt("a", 0), pointAt("b", 10), pointAt("c", 20), pointAt("d", 1000), pointAt("e", 1010)}
	tests := []struct {
		name  string
		marks []Mark
		want  []Fold
	}{
		{"too few", []Mark{pointAt("a", 0), pointAt("b", 1000)}, nil},
		{"even gaps fold nothing", []Mark{pointAt("a", 0), pointAt("b", 10), pointAt("c", 20), pointAt("d", 30)}, nil},
		// Gaps 10, 10, 980, 10: the median is 10; 30 s are left unfolded, so a break keeps
		// twice the median gap.
		{"one long gap", five, []Fold{{20, 1000, 20}}},
		{"unsorted", []Mark{five[4], five[0], five[3], five[2], five[1]}, []Fold{{20, 1000, 20}}},
		// A span's body folds; its start and end dates do not.
		{"a span's body folds", append([]Mark{spanOf("s", 15, 990)}, five...), []Fold{{20, 990, 20}}},
		// An end known only to within 100..400: the stretches either side of it fold, the
		// range itself does not.
		{"a vague end is not folded", append([]Mark{{ID: "v", StartLo: 15, StartHi: 15, EndLo: 100, EndHi: 400, Span: true, EndFuzzy: true}}, five...),
			[]Fold{{20, 100, 20}, {400, 1000, 20}}},
		// 50 s empty is five median gaps, but a break keeps 20: not worth folding.
		{"too little to take out", []Mark{pointAt("a", 0), pointAt("b", 10), pointAt("c", 20), pointAt("d", 70), pointAt("e", 80)}, nil},
	}
	for _, tt := range tests {
		if got := FindFolds(MarksOf(tt.marks), FoldFactor); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFoldingAxis(t *testing.T) {
	// 100..1000 kept as 20 s; 2000..5000 as 30 s, after 880 s cut by the first.
	fo := NewFolding([]Fold{{100, 1000, 20}, {2000, 5000, 30}})
	tests := []struct{ t, axis int64 }{
		{-500, -500}, {0, 0}, {100, 100}, {550, 110}, {1000, 120}, {1500, 620},
		{2000, 1120}, {3500, 1135}, {5000, 1150}, {6000, 2150},
	}
	for _, tt := range tests {
		if got := fo.Axis(tt.t); got != tt.axis {
			t.Errorf("Axis(%d) = %d, want %d", tt.t, got, tt.axis)
		}
		if got := fo.Time(tt.axis); got != tt.t {
			t.Errorf("Time(%d) = %d, want %d", tt.axis, got, tt.t)
		}
	}
	var none *Folding
	if none.Axis(1234) != 1234 || none.Time(1234) != 1234 || len(none.Folds()) != 0 {
		t.Error("a nil Folding is not the plain axis")
	}
	bad := NewFolding([]Fold{{0, 100, 10}, {50, 200, 10}, {300, 310, 10}, {400, 500, 0}, {600, 700, 20}})
	if want := []Fold{{0, 100, 10}, {600, 700, 20}}; !reflect.DeepEqual(bad.Folds(), want) {
		t.Errorf("NewFolding kept %v, want %v (overlapping, whole and empty breaks left out)", bad.Folds(), want)
	}
}

func TestFoldingMarks(t *testing.T) {
	fo := NewFolding([]Fold{{100, 1000, 20}})
	after := fo.AxisMark(pointAt("p", 1500))
	if after.StartLo != 620 || after.EndHi != 620 {
		t.Errorf("a point after the fold lands at %d..%d, want 620", after.StartLo, after.EndHi)
	}
	day := fo.AxisMark(Mark{ID: "d", StartLo: 1200, StartHi: 1299, EndLo: 1200, EndHi: 1299})
	if day.EndHi-day.StartLo != 99 {
		t.Errorf("a date after the fold is %d s long on the axis, want its 99", day.EndHi-day.StartLo)
	}
	across := fo.AxisMark(spanOf("s", 50, 1050))
	if across.StartLo != 50 || across.EndLo != 170 {
		t.Errorf("a span across the fold runs %d..%d on the axis, want 50..170", across.StartLo, across.EndLo)
	}
}

func TestFoldingBreaks(t *testing.T) {
	fo := NewFolding([]Fold{{100, 1000, 20}, {2000, 5000, 30}})
	s := NewScale(0, 2200, 2200) // one axis second a pixel
	got := fo.Breaks(s, nil)
	want := []Break{{100, 120, Fold{100, 1000, 20}}, {1120, 1150, Fold{2000, 5000, 30}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("breaks %v, want %v", got, want)
	}
	if got := fo.Breaks(NewScale(200, 1000, 800), nil); len(got) != 0 {
		t.Errorf("a view between the breaks shows %v", got)
	}
}

// TestFoldingTicks: across a fold of four years, ticks keep naming the instants they
// stand for, sit where those instants are on the axis, leave the break clear, and the
// period after the break is named at its end.
func TestFoldingTicks(t *testing.T) {
	from, to := unix(2019, 5, 1, 0, 0), unix(2023, 8, 10, 0, 0)
	fo := NewFolding([]Fold{{from, to, 10 * day}})
	s := NewScale(unix(2019, 4, 1, 0, 0), fo.Axis(unix(2023, 10, 1, 0, 0)), 1000)
	ticks, st := fo.Ticks(s, 64, nil)
	if st != (Step{UnitDay, 7}) {
		t.Fatalf("step %v, want 7 days", st)
	}
	brk := fo.Breaks(s, nil)[0]
	var named bool
	for _, tk := range ticks {
		want := s.X(fo.Axis(tk.T))
		switch {
		case tk.Major && tk.Label == "Aug 2023": // the period the break ends in
			named = true
			want = brk.X1
		case tk.T > from && tk.T < to:
			t.Errorf("tick %q at %d lies in the fold", tk.Label, tk.T)
		}
		if tk.X != want {
			t.Errorf("tick %q (major %v) at x %.1f, want %.1f", tk.Label, tk.Major, tk.X, want)
		}
		if !tk.Major && tk.X >= brk.X0-64 && tk.X < brk.X1+16 {
			t.Errorf("minor tick %q at x %.1f crowds the break at %.1f..%.1f", tk.Label, tk.X, brk.X0, brk.X1)
		}
	}
	if !named {
		t.Errorf("no major tick names Aug 2023 at the break's end: %v", ticks)
	}
	plain, _ := (*Folding)(nil).Ticks(s, 64, nil)
	if want, _ := Ticks(s, 64, nil); !reflect.DeepEqual(plain, want) {
		t.Error("ticks of a nil Folding are not Ticks")
	}
}

// TestCompressedFrame: a frame of the compressed index draws both sides of a long empty
// stretch on one screen, hit-tests marks on either side, and says which instant a point
// stands for.
func TestCompressedFrame(t *testing.T) {
	var marks []Mark
	early := unix(2019, 4, 25, 0, 0)
	marks = append(marks, Mark{ID: "summit", StartLo: early, StartHi: early + day - 1, EndLo: early, EndHi: early + day - 1})
	for d := 0; d < 9; d++ {
		at := unix(2023, 9, 5+d, 0, 0)
		marks = append(marks, Mark{ID: string(rune('a' + d)), StartLo: at, StartHi: at + day - 1, EndLo: at, EndHi: at + day - 1})
	}
	c := Compress(NewIndex(MarksOf(marks), GroupNone))
	if len(c.Folding.Folds()) != 1 {
		t.Fatalf("folds %v, want the one from 2019 to 2023", c.Folding.Folds())
	}
	first, last, _ := c.Index.Extent()
	var f Frame
	f.Build(c.Index, View{Scale: Fit(first, last, 1000), Folding: c.Folding})
	if len(f.Breaks) != 1 || f.Breaks[0].X1-f.Breaks[0].X0 > 100 {
		t.Errorf("breaks %v, want one narrow break", f.Breaks)
	}
	if len(f.Items) != len(marks) {
		t.Fatalf("%d items drawn, want %d", len(f.Items), len(marks))
	}
	for _, it := range f.Items {
		if it.X0 < 0 || it.X1 > 1000 {
			t.Errorf("%s drawn at %.0f..%.0f, off screen", marks[it.Mark].ID, it.X0, it.X1)
		}
		mid := (it.X0 + it.X1) / 2
		h := f.HitTest(mid, it.Y+1, 2)
		if h.Mark != it.Mark {
			t.Errorf("hit test at %s's mark found mark %d", marks[it.Mark].ID, h.Mark)
		}
		if m := marks[it.Mark]; h.T < m.StartLo-3600 || h.T > m.EndHi+3600 {
			t.Errorf("the point over %s stands for %d, want within %d..%d", m.ID, h.T, m.StartLo, m.EndHi)
		}
	}
}
