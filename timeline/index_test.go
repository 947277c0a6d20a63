package timeline

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// randomMarks makes marks with every awkward shape: no lane, repeated actors, zero and
// very long durations (some over 136 years), fuzzy ends, BCE instants, unranked importance.
func randomMarks(rng *rand.Rand, n int) []Mark {
	names := []string{"A", "B", "C", "D", ""}
	pick := func() []string {
		var out []string
		for k := rng.IntN(4); k > 0; k-- {
			out = append(out, names[rng.IntN(len(names))])
		}
		return out
	}
	from, to := unix(-200, 1, 1, 0, 0), unix(2100, 1, 1, 0, 0)
	if rng.IntN(2) == 0 {
		from, to = unix(2000, 1, 1, 0, 0), unix(2001, 1, 1, 0, 0)
	}
	marks := make([]Mark, n)
	for i := range marks {
		lo := from + rng.Int64N(to-from)
		var dur int64
		switch rng.IntN(7) {
		case 0:
			dur = 0
		case 6:
			dur = 140*365*day + rng.Int64N(200*365*day) // longer than an index entry holds
		case 1:
			dur = rng.Int64N(3600)
		case 2:
			dur = rng.Int64N(40 * day)
		case 3:
			dur = rng.Int64N(20 * 365 * day)
		default:
			dur = day - 1
		}
		m := Mark{
			ID: "m" + strconv.Itoa(i), Title: "event " + strconv.Itoa(i),
			Lane: names[rng.IntN(len(names))], Actors: pick(), Tags: pick(),
			Importance: int8(rng.IntN(7)),
			StartLo:    lo, StartHi: lo + min(dur, day-1), EndLo: lo, EndHi: lo + min(dur, day-1),
		}
		if dur >= day {
			m.Span, m.EndLo, m.EndHi = true, lo+dur-day, lo+dur
			m.EndFuzzy = rng.IntN(3) == 0
		}
		marks[i] = m
	}
	switch rng.IntN(3) {
	case 0:
		slices.SortFunc(marks, func(a, b Mark) int { return int(a.StartLo>>32 - b.StartLo>>32) })
	case 1:
		slices.SortStableFunc(marks, func(a, b Mark) int { return cmp.Compare(a.StartLo, b.StartLo) }) // as Store.Marks gives them
	}
	return marks
}

// inLane reports whether m belongs to the lane named name under grouping by, worked out
// from the Mark as an analyst would, independently of the index.
func inLane(m *Mark, by GroupBy, name string) bool {
	var names []string
	switch by {
	case GroupNone:
		return name == ""
	case GroupByLane:
		if m.Lane != "" {
			return m.Lane == name
		}
	case GroupByActor:
		names = m.Actors
	case GroupByTag:
		names = m.Tags
	}
	if slices.ContainsFunc(names, func(s string) bool { return s != "" }) {
		return slices.Contains(names, name) && name != ""
	}
	return name == NoLane
}

// span is the first and last instants m covers.
func span(m *Mark) (lo, hi int64) {
	lo, hi = m.StartLo, max(m.StartHi, m.EndHi, m.StartLo)
	if m.Span {
		hi = max(hi, m.EndLo)
	}
	return lo, hi
}

func bruteWindow(marks []Mark, by GroupBy, lane string, from, to int64) []int32 {
	var out []int32
	for i := range marks {
		m := &marks[i]
		lo, hi := span(m)
		if lo <= to && hi >= from && inLane(m, by, lane) {
			out = append(out, int32(i))
		}
	}
	return out
}

func TestIndexQueryMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	found := 0
	defer func() {
		if found == 0 {
			t.Errorf("no query found anything: the test tests nothing")
		}
	}()
	for round := 0; round < 40; round++ {
		marks := randomMarks(rng, rng.IntN(3000))
		by := GroupBy(rng.IntN(4))
		ix := NewIndex(MarksOf(marks), by)
		first, last, ok := ix.Extent()
		if !ok {
			if len(marks) != 0 {
				t.Fatalf("round %d: empty extent", round)
			}
			continue
		}
		for q := 0; q < 30; q++ {
			a := first + rng.Int64N(last-first+1)
			b := a + rng.Int64N(max((last-a)/int64(1+rng.IntN(200)), 1))
			if q == 0 {
				a, b = first, last
			}
			for li, lane := range ix.Lanes() {
				want := bruteWindow(marks, by, lane.Name, a, b)
				found += len(want)
				got := ix.Query(li, a, b, nil)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("round %d, grouping %d, lane %q, [%d, %d]: got %d marks, want %d", round, by, lane.Name, a, b, len(got), len(want))
				}
				if c := ix.Count(li, a, b); c != len(want) {
					t.Fatalf("Count = %d, want %d", c, len(want))
				}
				if bound := ix.Bound(li, a, b); bound < len(want) {
					t.Fatalf("Bound = %d below the count %d", bound, len(want))
				}
			}
		}
	}
}

func TestIndexQueryOrder(t *testing.T) {
	ix := NewIndex(MarksOf(randomMarks(rand.New(rand.NewPCG(5, 6)), 2000)), GroupByLane)
	first, last, _ := ix.Extent()
	got := ix.Query(0, first, last, nil)
	for i := 1; i < len(got); i++ {
		p, q := ix.Marks().Importance(int(got[i-1])), ix.Marks().Importance(int(got[i]))
		if level(p) < level(q) {
			t.Fatalf("query not most important first at %d", i)
		}
	}
}

func TestIndexLanes(t *testing.T) {
	marks := []Mark{
		{Title: "a", Lane: "Zeta", Actors: []string{"Bob", "Ann", "Bob"}, Tags: nil, StartLo: 10, StartHi: 10, EndLo: 10, EndHi: 10},
		{Title: "b", Lane: "", Actors: []string{"Ann"}, Tags: []string{"x"}, StartLo: 20, StartHi: 20, EndLo: 20, EndHi: 20},
		{Title: "c", Lane: "Alpha", Actors: nil, Tags: []string{"", "x"}, StartLo: 30, StartHi: 30, EndLo: 30, EndHi: 30},
	}
	tests := []struct {
		by   GroupBy
		want []Lane
	}{
		{GroupByLane, []Lane{{"Alpha", 1}, {"Zeta", 1}, {NoLane, 1}}},
		{GroupByActor, []Lane{{"Ann", 2}, {"Bob", 1}, {NoLane, 1}}},
		{GroupByTag, []Lane{{"x", 2}, {NoLane, 1}}},
		{GroupNone, []Lane{{"", 3}}},
	}
	for _, tt := range tests {
		ix := NewIndex(MarksOf(marks), tt.by)
		if got := ix.Lanes(); !slices.Equal(got, tt.want) {
			t.Errorf("grouping %d: lanes %v, want %v", tt.by, got, tt.want)
		}
		if ix.GroupBy() != tt.by || ix.Len() != 3 {
			t.Errorf("grouping %d: GroupBy %d, Len %d", tt.by, ix.GroupBy(), ix.Len())
		}
	}
	ix := NewIndex(MarksOf(marks), GroupByActor)
	if ix.LaneIndex("Bob") != 1 || ix.LaneIndex("nobody") != -1 {
		t.Errorf("LaneIndex")
	}
	if first, last, ok := ix.Extent(); !ok || first != 10 || last != 30 {
		t.Errorf("Extent = %d, %d, %v", first, last, ok)
	}
	empty := NewIndex(nil, GroupByLane)
	if _, _, ok := empty.Extent(); ok || len(empty.Lanes()) != 0 {
		t.Errorf("an empty index has lanes or an extent")
	}
	var o Overview
	empty.Overview(100, &o)
	if len(o.Counts) != 100 || o.Max != 0 {
		t.Errorf("empty overview: %d columns, max %v", len(o.Counts), o.Max)
	}
}

// TestDensitySums checks that a lane's density columns and its earlier count add up to
// the marks in view, at every zoom, and that the columns follow the marks.
func TestDensitySums(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for round := 0; round < 20; round++ {
		marks := randomMarks(rng, 1+rng.IntN(5000))
		ix := NewIndex(MarksOf(marks), GroupBy(rng.IntN(4)))
		first, last, _ := ix.Extent()
		s := Fit(first, last, float64(200+rng.IntN(1600)))
		cols := make([]float32, int(s.Width))
		for z := 0; z < 12; z++ {
			for li := range ix.Lanes() {
				earlier := ix.Density(li, s, cols)
				a, b := s.Window()
				want := ix.Count(li, a, b)
				sum := float64(earlier)
				for _, c := range cols {
					if c < 0 {
						t.Fatalf("negative density %v", c)
					}
					sum += float64(c)
				}
				if math.Abs(sum-float64(want)) > 0.01+1e-5*float64(want) {
					t.Fatalf("round %d zoom %d lane %d: density sums to %v, want %d", round, z, li, sum, want)
				}
			}
			s = s.Zoom(1+3*rng.Float64(), rng.Float64()*s.Width)
		}
	}
}

func TestDensityFollowsMarks(t *testing.T) {
	// All marks in the first tenth of the view: the columns there hold them.
	var marks []Mark
	for i := 0; i < 1000; i++ {
		ti := int64(i) * 60
		marks = append(marks, Mark{StartLo: ti, StartHi: ti, EndLo: ti, EndHi: ti})
	}
	ix := NewIndex(MarksOf(marks), GroupNone)
	s := NewScale(0, 10*1000*60, 100)
	cols := make([]float32, 100)
	if earlier := ix.Density(0, s, cols); earlier != 0 {
		t.Errorf("earlier = %d", earlier)
	}
	var head, tail float32
	for i, c := range cols {
		if i < 10 {
			head += c
		} else {
			tail += c
		}
	}
	if math.Abs(float64(head)-1000) > 1 || tail > 1 {
		t.Errorf("density head %v, tail %v", head, tail)
	}
	// Marks that began before the view and are still in it are counted as earlier.
	long := append(slices.Clone(marks), Mark{StartLo: -1000, StartHi: -1000, EndLo: 5000, EndHi: 5000, Span: true})
	ix = NewIndex(MarksOf(long), GroupNone)
	if earlier := ix.Density(0, s, cols); earlier != 1 {
		t.Errorf("earlier = %d, want 1", earlier)
	}
}

func TestOverview(t *testing.T) {
	marks := Synthetic(20000, 1)
	ix := NewIndex(marks, GroupByActor) // a mark in several lanes still counts once
	var o Overview
	ix.Overview(300, &o)
	sum := 0.0
	for _, c := range o.Counts {
		sum += float64(c)
		if c > o.Max {
			t.Fatalf("count %v above max %v", c, o.Max)
		}
	}
	if math.Abs(sum-20000) > 0.5 || len(o.Counts) != 300 {
		t.Errorf("overview sums to %v over %d columns", sum, len(o.Counts))
	}
	first, last, _ := ix.Extent()
	if x0, x1 := o.Window(Fit(first, last, 1600)); math.Abs(x0) > 1e-6 || math.Abs(x1-300) > 1e-6 {
		t.Errorf("whole view's window %v..%v", x0, x1)
	}
	mid := (first + last) / 2
	v := NewScale(mid, mid+365*day, 1600)
	x0, x1 := o.Window(v)
	if x0 <= 0 || x1 >= 300 || x1 <= x0 || math.Abs(x0-o.Scale.X(mid)) > 1e-6 {
		t.Errorf("a year's window %v..%v", x0, x1)
	}
}
