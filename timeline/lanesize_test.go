package timeline

import (
	"reflect"
	"strconv"
	"testing"
)

// growMarks are n points on one day each in lane "a", a minute apart, with long titles,
// so each needs a row of its own, and one point in lane "b".
func growMarks(n int) []Mark {
	var marks []Mark
	for i := range n {
		d := int64(1_700_000_000 + i*60)
		marks = append(marks, Mark{ID: string(rune('A' + i)), Title: "a long title that needs a row", Lane: "a",
			Importance: 3, StartLo: d, StartHi: d, EndLo: d, EndHi: d})
	}
	return append(marks, Mark{ID: "b1", Title: "b", Lane: "b", Importance: 3,
		StartLo: 1_700_000_000, StartHi: 1_700_000_000, EndLo: 1_700_000_000, EndHi: 1_700_000_000})
}

func TestGrowLanesTakeTheRowsTheyNeed(t *testing.T) {
	tests := []struct {
		name     string
		n        int
		expanded bool
		rows     int // rows of lane a
		hidden   int
		more     bool
	}{
		{"few", 3, false, 3, 0, false},
		{"at the limit", 5, false, 5, 0, false},
		{"over the limit", 8, false, 5, 3, true},
		{"over the limit, expanded", 8, true, 8, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(MarksOf(growMarks(tt.n)), GroupByLane)
			v := View{Scale: NewScale(1_699_990_000, 1_700_100_000, 1000), GrowLanes: true, MaxLaneRows: 5,
				LaneHeader: 20, RowHeight: 20, LanePad: 4, Height: 2000}
			if tt.expanded {
				v.Expanded = map[string]bool{"a": true}
			}
			var f Frame
			f.Build(ix, v)
			if len(f.Lanes) != 2 {
				t.Fatalf("%d lanes built", len(f.Lanes))
			}
			a, b := f.Lanes[0], f.Lanes[1]
			if a.Rows != tt.rows || a.Height != 20+float64(tt.rows)*20+4 {
				t.Errorf("lane a: %d rows, %.0f high; want %d rows", a.Rows, a.Height, tt.rows)
			}
			if a.Hidden != tt.hidden || a.More != tt.more {
				t.Errorf("lane a: hidden %d more %v; want %d %v", a.Hidden, a.More, tt.hidden, tt.more)
			}
			if b.Y != a.Height || b.Height != 44 {
				t.Errorf("lane b at %.0f, %.0f high; want right under a, one row", b.Y, b.Height)
			}
			if want := a.Height + b.Height; f.ContentHeight != want || len(f.LaneTops) != 3 || f.LaneTops[1] != a.Height || f.LaneTops[2] != want {
				t.Errorf("content %.0f, tops %v; want %.0f", f.ContentHeight, f.LaneTops, want)
			}
		})
	}
}

func TestGrowLanesOffScreenKeepTheirHeight(t *testing.T) {
	ix := NewIndex(MarksOf(growMarks(4)), GroupByLane)
	var f Frame
	f.Build(ix, View{Scale: NewScale(1_699_990_000, 1_700_100_000, 1000), GrowLanes: true,
		LaneHeader: 20, RowHeight: 20, Height: 50})
	if len(f.Lanes) != 1 || f.Lanes[0].Name != "a" {
		t.Fatalf("lanes built: %+v", f.Lanes)
	}
	if f.ContentHeight != 100+40 {
		t.Errorf("content height %.0f, want lane a (100) and b (40)", f.ContentHeight)
	}
	for _, it := range f.Items {
		if ix.Marks().Lane(int(it.Mark)) != "a" {
			t.Errorf("an item of the lane off screen is in the frame: %+v", it)
		}
	}
}

func TestPlaceLabel(t *testing.T) {
	tests := []struct {
		name        string
		a, b, lw, w float64
		inside      bool
		want        float64
	}{
		{"after a marker", 100, 109, 50, 1000, false, 111},
		{"inside a bar", 100, 400, 50, 1000, true, 103},
		{"a bar begun off screen", -50, 400, 50, 1000, true, 3},
		{"flipped before a marker at the right edge", 950, 959, 100, 1000, false, 848},
		{"flipped before a bar", 950, 1200, 100, 1000, true, 848},
		{"no room on either side", 40, 49, 990, 1000, false, 51},
	}
	for _, tt := range tests {
		if got := placeLabel(tt.a, tt.b, tt.lw, tt.w, tt.inside); got != tt.want {
			t.Errorf("%s: label at %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestWideDayAtHourZoom(t *testing.T) {
	day := int64(1_700_006_400) // a midnight UTC
	m := Mark{ID: "d", Title: "a day", Importance: 3, StartLo: day, StartHi: day + 86399, EndLo: day, EndHi: day + 86399}
	ix := NewIndex(MarksOf([]Mark{m}), GroupByLane)
	var f Frame
	f.Build(ix, View{Scale: NewScale(day-6*3600, day+30*3600, 1000)}) // 36 hours
	it := f.Items[0]
	if !it.Wide || it.LabelX < it.X0 || it.LabelX > it.X0+5 {
		t.Errorf("a day at hour zoom: wide %v, label at %.0f, day %.0f..%.0f; want wide, label inside from its start", it.Wide, it.LabelX, it.X0, it.X1)
	}
	f.Build(ix, View{Scale: NewScale(day-200*86400, day+200*86400, 1000)})
	if it := f.Items[0]; it.Wide {
		t.Errorf("a day at year zoom is drawn wide")
	}
}

func TestCollapsedLaneIsItsHeader(t *testing.T) {
	ix := NewIndex(MarksOf(growMarks(4)), GroupByLane)
	var f Frame
	f.Build(ix, View{Scale: NewScale(1_699_990_000, 1_700_100_000, 1000), GrowLanes: true,
		LaneHeader: 20, RowHeight: 20, LanePad: 4, Collapsed: map[string]bool{"a": true}})
	a, b := f.Lanes[0], f.Lanes[1]
	if !a.Collapsed || a.Height != 24 || len(a.Items) != 0 || a.Count != 4 || a.Hidden != 4 {
		t.Errorf("collapsed lane: %+v", a)
	}
	if b.Collapsed || b.Y != 24 || len(b.Items) != 1 {
		t.Errorf("the lane under it: collapsed %v at %.0f with %d items", b.Collapsed, b.Y, len(b.Items))
	}
}

// BenchmarkBuildManyGrownLanes builds a frame of 20,000 events grouped by actor (some
// 2,000 lanes), every lane sized by its rows, as the window does.
func BenchmarkBuildManyGrownLanes(b *testing.B) {
	marks := Synthetic(20000, 11).All()
	for i := range marks {
		marks[i].Actors = []string{"actor " + strconv.Itoa(i%1840)}
	}
	ix := NewIndex(MarksOf(marks), GroupByActor)
	first, last, _ := ix.Extent()
	v := View{Scale: Fit(first, last, 1400), GrowLanes: true, LaneHeader: 20, RowHeight: 20, LanePad: 4, Height: 400,
		MaxItems: 1500, LabelBudget: 300}
	var f Frame
	b.Logf("%d lanes", len(ix.Lanes()))
	for b.Loop() {
		f.Build(ix, v)
	}
}

func TestLaneOrder(t *testing.T) {
	ix := NewIndex(MarksOf(growMarks(3)), GroupByLane) // lanes a (3 rows), b (1 row)
	var f Frame
	f.Build(ix, View{Scale: NewScale(1_699_990_000, 1_700_100_000, 1000), GrowLanes: true,
		LaneHeader: 20, RowHeight: 20, Order: []int{1, 0}})
	if len(f.Lanes) != 2 || f.Lanes[0].Name != "b" || f.Lanes[1].Name != "a" || f.Lanes[1].Y != 40 {
		t.Fatalf("lanes in order b, a: %+v", f.Lanes)
	}
	if !reflect.DeepEqual(f.Order, []int{1, 0}) || !reflect.DeepEqual(f.LaneTops, []float64{0, 40, 120}) {
		t.Errorf("order %v, tops %v", f.Order, f.LaneTops)
	}
	for _, bad := range [][]int{{1}, {1, 1}, {0, 2}, {-1, 0}} {
		f.Build(ix, View{Scale: NewScale(1_699_990_000, 1_700_100_000, 1000), GrowLanes: true, Order: bad})
		if f.Lanes[0].Name != "a" || len(f.Lanes) != 2 {
			t.Errorf("order %v is used: lanes %+v", bad, f.Lanes)
		}
	}
}

func TestGrownDenseLaneKeepsFewRows(t *testing.T) {
	ix := NewIndex(Synthetic(20000, 3), GroupByLane)
	first, last, _ := ix.Extent()
	var f Frame
	f.Build(ix, View{Scale: Fit(first, last, 1200), GrowLanes: true, LaneHeader: 20, RowHeight: 20, MaxItems: 500, DenseRows: 3})
	dense := 0
	for _, fl := range f.Lanes {
		if fl.Dense {
			dense++
			if fl.Rows > 3 || fl.More {
				t.Errorf("dense lane %q: %d rows, more %v; want at most 3 rows and no +N more", fl.Name, fl.Rows, fl.More)
			}
		}
	}
	if dense == 0 {
		t.Fatal("no dense lane")
	}
}
