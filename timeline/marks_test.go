package timeline

import (
	"cmp"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// TestMarksKeepEveryField: marks put into columns come back field for field, in order,
// and columns taken out and checked again are the same marks.
func TestMarksKeepEveryField(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		want := randomMarks(rng, rng.IntN(500))
		m := MarksOf(want)
		if m.Len() != len(want) {
			t.Fatalf("round %d: %d marks of %d", round, m.Len(), len(want))
		}
		if got := m.All(); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: marks changed in columns", round)
		}
		again, err := NewMarks(m.Columns())
		if err != nil || !reflect.DeepEqual(again.All(), m.All()) {
			t.Fatalf("round %d: columns taken out: %v", round, err)
		}
		for i := range m.Len() {
			if lo, hi := m.Range(i); [2]int64{lo, hi} != toPair(span(&want[i])) {
				t.Fatalf("round %d mark %d: range %d..%d", round, i, lo, hi)
			}
		}
	}
	var none *Marks
	if none.Len() != 0 || len(none.Names()) != 1 || none.All() == nil {
		t.Error("the nil Marks is not empty")
	}
}

func toPair(lo, hi int64) [2]int64 { return [2]int64{lo, hi} }

// TestMarksNamesAreShared: each name is kept once, whatever it names (lane, actor, tag).
func TestMarksNamesAreShared(t *testing.T) {
	m := MarksOf([]Mark{
		{ID: "a", Title: "A", Lane: "Ann", Actors: []string{"Ann", "Bob"}, Tags: []string{"x"}},
		{ID: "b", Title: "B", Lane: "", Actors: nil, Tags: []string{"x", "Ann"}},
	})
	if got := m.Names(); !slices.Equal(got, []string{"", "Ann", "Bob", "x"}) {
		t.Errorf("names %q", got)
	}
	if m.LaneRef(1) != 0 || m.Lane(0) != "Ann" || !slices.Equal(refsOf(m.TagRefs(1)), []uint32{3, 1}) || m.ActorRefs(1).Len() != 0 {
		t.Errorf("refs: lane %d, tags %v, actors %v", m.LaneRef(1), refsOf(m.TagRefs(1)), refsOf(m.ActorRefs(1)))
	}
}

func refsOf(l NameList) []uint32 {
	var out []uint32
	for k := range l.Len() {
		out = append(out, l.At(k))
	}
	return out
}

// TestMarksWideColumns: row ids past 32 bits and more than 65,536 names are kept in
// their wide columns, narrow ones otherwise, and read the same.
func TestMarksWideColumns(t *testing.T) {
	var marks []Mark
	for i := range 70000 {
		marks = append(marks, Mark{ID: strconv.Itoa(i), Title: "t", Actors: []string{"actor " + strconv.Itoa(i)}, Tags: []string{"x"}})
	}
	narrow, wide := NewMarksBuilder(0), NewMarksBuilder(0)
	for i := range marks {
		narrow.Append(int64(i), &marks[i])
		wide.Append(int64(i)<<33, &marks[i])
	}
	n, w := narrow.Build(), wide.Build()
	if c := n.Columns(); len(c.Row32) != len(marks) || len(c.Row) != 0 || len(c.Refs) == 0 {
		t.Errorf("narrow: %d rows of 32 bits, %d of 64, %d wide refs", len(c.Row32), len(c.Row), len(c.Refs))
	}
	if c := w.Columns(); len(c.Row) != len(marks) || len(c.Row32) != 0 {
		t.Errorf("wide: %d rows of 64 bits", len(c.Row))
	}
	for i := range marks {
		if !reflect.DeepEqual(w.At(i), marks[i]) || w.Row(i) != int64(i)<<33 || n.Row(i) != int64(i) {
			t.Fatalf("mark %d: %+v row %d", i, w.At(i), w.Row(i))
		}
	}
	few := MarksOf(marks[:10]).Columns()
	if len(few.Refs16) == 0 || len(few.Refs) != 0 || len(few.Row32) != 10 {
		t.Errorf("ten marks: %d narrow refs, %d wide", len(few.Refs16), len(few.Refs))
	}
	if p, ok := w.PosOfRow(5 << 33); !ok || p != 5 {
		t.Errorf("PosOfRow of a wide row = %d, %v", p, ok)
	}
	// Dates: 32 bits from the start while every mark's fit, else 64 bits for all.
	ages := []Mark{{ID: "a", StartLo: -1e12, StartHi: -1e12 + 86399, EndLo: -1e12, EndHi: -1e12 + 86399},
		{ID: "b", Span: true, StartLo: 0, StartHi: 59, EndLo: 1 << 31, EndHi: 1<<31 + 59}}
	if c := MarksOf(ages[:1]).Columns(); len(c.StartHi32) != 1 || len(c.EndHi) != 0 {
		t.Errorf("a day: %d narrow dates, %d wide", len(c.StartHi32), len(c.EndHi))
	}
	long := MarksOf(ages)
	if c := long.Columns(); len(c.EndHi) != 2 || len(c.EndHi32) != 0 {
		t.Errorf("a span of 68 years: %d wide dates, %d narrow", len(c.EndHi), len(c.EndHi32))
	}
	if !reflect.DeepEqual(long.All(), ages) {
		t.Errorf("wide dates changed: %+v", long.All())
	}
}

// TestMarksBuildSorted: a store's order is start, then end, then row id, every mark
// keeping its own fields.
func TestMarksBuildSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	want := randomMarks(rng, 2000)
	b := NewMarksBuilder(0)
	rows := rng.Perm(len(want))
	for i := range want {
		b.Append(int64(rows[i]), &want[i])
	}
	m := b.BuildSorted()
	byRow := map[int64]Mark{}
	for i := range want {
		byRow[int64(rows[i])] = want[i]
	}
	for i := range m.Len() {
		if !reflect.DeepEqual(m.At(i), byRow[m.Row(i)]) {
			t.Fatalf("mark %d (row %d) is not the mark appended with that row", i, m.Row(i))
		}
		if i > 0 && cmp.Or(cmp.Compare(m.StartLo(i-1), m.StartLo(i)), cmp.Compare(m.EndHi(i-1), m.EndHi(i)),
			cmp.Compare(m.Row(i-1), m.Row(i))) >= 0 {
			t.Fatalf("not in store order at %d", i)
		}
	}
}

// TestMarksFind: every mark is found by its id and by its row, and nothing else is.
func TestMarksFind(t *testing.T) {
	m := Synthetic(5000, 4)
	for i := range m.Len() {
		if p, ok := m.Find(m.ID(i)); !ok || p != i {
			t.Fatalf("Find(%s) = %d, %v, want %d", m.ID(i), p, ok, i)
		}
		if p, ok := m.PosOfRow(m.Row(i)); !ok || p != i {
			t.Fatalf("PosOfRow(%d) = %d, %v, want %d", m.Row(i), p, ok, i)
		}
	}
	if _, ok := m.Find("nobody"); ok {
		t.Error("found an id that is not there")
	}
	if _, ok := m.PosOfRow(-7); ok {
		t.Error("found a row that is not there")
	}
	var none *Marks
	if _, ok := none.Find("x"); ok {
		t.Error("found an id in no marks")
	}
}

// TestMarksSelectAndMerge: a selection holds the marks asked for, in that order; a
// merge drops what it is told to and takes in the other marks in store order, their
// names with them.
func TestMarksSelectAndMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	all := randomMarks(rng, 3000)
	b := NewMarksBuilder(0)
	for i := range all {
		b.Append(int64(i), &all[i])
	}
	m := b.BuildSorted()
	var pos []int32
	for i := m.Len() - 1; i >= 0; i -= 3 {
		pos = append(pos, int32(i))
	}
	sel := m.Select(pos)
	for k, p := range pos {
		if !reflect.DeepEqual(sel.At(k), m.At(int(p))) || sel.Row(k) != m.Row(int(p)) {
			t.Fatalf("selected mark %d is not mark %d", k, p)
		}
	}

	extra := NewMarksBuilder(0)
	for i := range 300 {
		e := Mark{ID: "new", Title: "new", Lane: "only here", Actors: []string{"Zed"}, StartLo: rng.Int64N(1 << 40)}
		e.StartHi, e.EndLo, e.EndHi = e.StartLo, e.StartLo, e.StartLo
		extra.Append(int64(10000+i), &e)
	}
	add := extra.BuildSorted()
	drop := func(i int) bool { return m.Row(i)%5 == 0 }
	merged := m.Merge(add, drop)
	var want []int64
	for i := range m.Len() {
		if !drop(i) {
			want = append(want, m.Row(i))
		}
	}
	for i := range add.Len() {
		want = append(want, add.Row(i))
	}
	var got []int64
	for i := range merged.Len() {
		got = append(got, merged.Row(i))
		if i > 0 && merged.compare(i-1, i) > 0 {
			t.Fatalf("merge out of order at %d", i)
		}
		src := m
		if merged.Row(i) >= 10000 {
			src = add
		}
		j, _ := src.PosOfRow(merged.Row(i))
		if !reflect.DeepEqual(merged.At(i), src.At(j)) {
			t.Fatalf("merged mark %d (row %d) changed", i, merged.Row(i))
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("merge holds %d rows, want %d", len(got), len(want))
	}
}

// TestNewMarksRefusesColumnsThatDoNotFit checks each way columns can disagree.
func TestNewMarksRefusesColumnsThatDoNotFit(t *testing.T) {
	good := MarksOf([]Mark{{ID: "a", Title: "A", Lane: "L", Actors: []string{"x"}}, {ID: "b", Title: "B"}}).Columns()
	tests := []struct {
		name  string
		spoil func(c *MarkColumns)
	}{
		{"a short column", func(c *MarkColumns) { c.EndHi32 = c.EndHi32[:1] }},
		{"dates in two widths", func(c *MarkColumns) { c.EndHi = []int64{1, 2} }},
		{"titles past the arena", func(c *MarkColumns) { c.Titles = c.Titles[:1] }},
		{"an offset going back", func(c *MarkColumns) { c.IDOff = []uint32{0, 2, 1}; c.IDs = "a" }},
		{"a name not there", func(c *MarkColumns) { c.Lane = []uint32{0, 9} }},
		{"tags outside the mark", func(c *MarkColumns) { c.TagOff = []uint32{5, 1} }},
		{"no empty name first", func(c *MarkColumns) { c.Names = []string{"L", "", "x"} }},
	}
	if _, err := NewMarks(good); err != nil {
		t.Fatalf("good columns refused: %v", err)
	}
	for _, tt := range tests {
		c := good
		c.Names, c.Lane, c.TagOff, c.IDOff = slices.Clone(c.Names), slices.Clone(c.Lane), slices.Clone(c.TagOff), slices.Clone(c.IDOff)
		tt.spoil(&c)
		if _, err := NewMarks(c); !errors.Is(err, ErrBadColumns) {
			t.Errorf("%s: %v, want ErrBadColumns", tt.name, err)
		}
	}
}
