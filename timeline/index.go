package timeline

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// GroupBy says how an Index sorts marks into lanes.
type GroupBy uint8

// The ways to group marks into lanes.
const (
	GroupByLane  GroupBy = iota // one lane per Mark.Lane
	GroupByActor                // one lane per actor; a mark with several actors is in each
	GroupByTag                  // one lane per tag; a mark with several tags is in each
	GroupNone                   // a single lane named "" holding every mark
)

// NoLane names the lane of the marks that have no lane, actor or tag to be grouped by.
const NoLane = "(none)"

// Lane describes one lane of an Index: its name and how many marks it holds.
type Lane struct {
	Name  string
	Count int
}

// Index is an in-memory, read-only index over a case's marks for drawing the timeline: the
// marks grouped into lanes, each lane's marks sorted by start within importance levels and
// duration classes, so that a window query is a few binary searches and then touches about
// the marks it returns, and cumulative start counts per lane so that the density of any
// view costs O(columns), not O(marks). Build it once per case or filter, off the user
// interface goroutine, with NewIndex; after that it is safe for concurrent use. It keeps
// the marks it was given.
type Index struct {
	marks *Marks
	by    GroupBy
	lanes []laneIndex
	info  []Lane

	first, last int64 // the instants the marks cover
	origin      int64 // first start: the left edge of every density bucket array
	extent      int64 // last start - first start + 1
	global      []uint32
}

type laneIndex struct {
	runs   []run    // importance descending, then duration class ascending
	prefix []uint32 // prefix[i]: marks of the lane starting before bucket i
}

// run is the marks of one lane, importance level and duration class, sorted by start;
// starts is the marks' StartLo column, where each entry's start is read.
type run struct {
	ent    []entry
	starts []int64
	maxDur int64
	imp    int8
}

// entry is a mark as a lane sees it: it covers from its start (the marks' StartLo) for
// dur seconds (longDur for a mark over 136 years long, whose end is then read from the
// marks). Eight bytes a mark.
type entry struct {
	mark int32
	dur  uint32
}

const longDur = math.MaxUint32

func newEntry(lo, hi int64, mark int32) entry {
	return entry{mark: mark, dur: uint32(min(uint64(hi-lo), longDur))}
}

// lo is the first instant entry k of r covers.
func (r *run) lo(k int) int64 { return r.starts[r.ent[k].mark] }

// hiOf is the last instant entry e covers.
func (ix *Index) hiOf(e entry) int64 {
	if e.dur == longDur {
		_, hi := ix.marks.c.rangeOf(int(e.mark))
		return hi
	}
	return ix.marks.c.StartLo[e.mark] + int64(e.dur)
}

// Duration classes: a mark of duration d (hi - lo) is in the first class whose bound is
// above d. A query scans each class from window start minus the class's longest
// duration, so a few long spans never make every query scan years of short marks.
var classBounds = [...]int64{3600, day, 8 * day, 64 * day, 512 * day, 4096 * day}

const (
	nclasses   = len(classBounds) + 1
	nlevels    = 5 // importance 1 to 5
	nslots     = nlevels * nclasses
	maxBuckets = 1 << 16
	minBuckets = 1 << 6
)

func durClass(d int64) int {
	for c, b := range classBounds {
		if d < b {
			return c
		}
	}
	return nclasses - 1
}

// level maps an importance to 1..5, an unranked (0) mark counting as DefaultImportance.
func level(imp int8) int8 {
	switch {
	case imp <= 0:
		return DefaultImportance
	case imp > nlevels:
		return nlevels
	}
	return imp
}

// grouping says which lanes each mark of an Index belongs to, by name index (see
// Marks.Names), noLane standing for the marks that have no name to be grouped by.
type grouping struct {
	m      *Marks
	by     GroupBy
	noLane uint32 // the index of NoLane among the names, or one past them
}

func newGrouping(m *Marks, by GroupBy) grouping {
	g := grouping{m: m, by: by, noLane: uint32(len(m.Names()))}
	if i := slices.Index(m.Names(), NoLane); i >= 0 {
		g.noLane = uint32(i) // a lane that is named so is the same lane
	}
	return g
}

// name is the lane name of key.
func (g *grouping) name(key uint32) string {
	switch {
	case g.by == GroupNone:
		return ""
	case key == g.noLane:
		return NoLane
	}
	return g.m.Names()[key]
}

// single is the key of the one lane mark i belongs to under a grouping by lane or none.
func (g *grouping) single(i int) uint32 {
	if g.by == GroupNone {
		return 0
	}
	if l := g.m.LaneRef(i); l != 0 {
		return l
	}
	return g.noLane
}

// keys calls fn with the key of each lane mark i belongs to, once each.
func (g *grouping) keys(i int, fn func(key uint32)) {
	var refs NameList
	switch g.by {
	case GroupNone:
		fn(0)
		return
	case GroupByLane:
		if l := g.m.LaneRef(i); l != 0 {
			fn(l)
			return
		}
	case GroupByActor:
		refs = g.m.ActorRefs(i)
	case GroupByTag:
		refs = g.m.TagRefs(i)
	}
	n := 0
	for k := range refs.Len() {
		if r := refs.At(k); r != 0 && !refs.has(k, r) { // a repeated name is one lane
			fn(r)
			n++
		}
	}
	if n == 0 {
		fn(g.noLane)
	}
}

// slotOf is the run slot of mark i: its importance level and duration class.
func slotOf(c *MarkColumns, i int) (slot int, lo, hi int64) {
	lo, hi = c.rangeOf(i)
	return int(level(c.Importance[i])-1)*nclasses + durClass(hi-lo), lo, hi
}

// NewIndex builds the index of marks grouped by by. Lanes are sorted by name with NoLane
// last; a lane exists only when some mark is in it. Marks already sorted by start, as
// Store.Marks returns them, build fastest. An Index holds at most 2^31-1 marks.
func NewIndex(marks *Marks, by GroupBy) *Index {
	if marks == nil {
		marks = MarksOf(nil)
	}
	ix := &Index{marks: marks, by: by}
	if marks.Len() == 0 {
		return ix
	}
	b := ix.place(newGrouping(marks, by))
	names := make([]string, len(b.keys))
	for id, key := range b.keys {
		names[id] = b.g.name(key)
	}
	order, rank := laneOrder(names)
	fill, maxDur := b.fill(order)
	ix.buildLanes(names, rank, fill, maxDur, slices.IsSorted(marks.c.StartLo))
	ix.global = make([]uint32, maxBuckets+1)
	for _, lo := range marks.c.StartLo {
		ix.global[ix.bucket(lo, maxBuckets)+1]++
	}
	accumulate(ix.global)
	return ix
}

// indexBuild is what the first pass over the marks finds: each mark's run slot, and each
// lane's key and slot sizes. A byte a mark: the second pass reads the rest again from
// the marks, which costs less than the memory of keeping it at a million marks.
type indexBuild struct {
	g      grouping
	slot   []uint8
	idOf   []int32 // lane id + 1 by key, 0 for none yet
	keys   []uint32
	counts [][nslots]int
}

// place is the first pass: the marks' extent, slots and lanes.
func (ix *Index) place(g grouping) *indexBuild {
	c := &ix.marks.c
	n := c.len()
	b := &indexBuild{g: g, slot: make([]uint8, n), idOf: make([]int32, len(c.Names)+1)}
	single := g.by == GroupByLane || g.by == GroupNone
	ix.first, ix.last = math.MaxInt64, math.MinInt64
	firstStart, lastStart := int64(math.MaxInt64), int64(math.MinInt64)
	for i := range n {
		slot, lo, hi := slotOf(c, i)
		b.slot[i] = uint8(slot)
		ix.first, ix.last = min(ix.first, lo), max(ix.last, hi)
		firstStart, lastStart = min(firstStart, lo), max(lastStart, lo)
		if single {
			b.count(g.single(i), slot)
			continue
		}
		g.keys(i, func(key uint32) { b.count(key, slot) })
	}
	ix.origin, ix.extent = firstStart, lastStart-firstStart+1
	return b
}

// count counts a mark in slot of the lane of key.
func (b *indexBuild) count(key uint32, slot int) {
	id := b.idOf[key] - 1
	if id < 0 {
		id = int32(len(b.keys))
		b.idOf[key] = id + 1
		b.keys = append(b.keys, key)
		b.counts = append(b.counts, [nslots]int{})
	}
	b.counts[id][slot]++
}

// fill is the second pass: one array of entries cut into each lane's slots (laid out in
// display order), and the longest duration in each.
func (b *indexBuild) fill(order []int) (fill [][nslots][]entry, maxDur [][nslots]uint32) {
	total := 0
	for _, cs := range b.counts {
		for _, k := range cs {
			total += k
		}
	}
	all := make([]entry, total)
	fill = make([][nslots][]entry, len(b.keys)) // by lane id
	maxDur = make([][nslots]uint32, len(b.keys))
	off := 0
	for _, id := range order {
		for s, k := range b.counts[id] {
			fill[id][s] = all[off : off : off+k]
			off += k
		}
	}
	c := &b.g.m.c
	add := func(id int32, i int) {
		s := b.slot[i]
		lo, hi := c.rangeOf(i)
		e := newEntry(lo, hi, int32(i))
		fill[id][s] = append(fill[id][s], e)
		maxDur[id][s] = max(maxDur[id][s], e.dur)
	}
	if b.g.by == GroupByLane || b.g.by == GroupNone {
		for i := range b.slot {
			add(b.idOf[b.g.single(i)]-1, i)
		}
		return fill, maxDur
	}
	for i := range b.slot {
		b.g.keys(i, func(key uint32) { add(b.idOf[key]-1, i) })
	}
	return fill, maxDur
}

// laneOrder sorts lane names for display, NoLane last: order lists lane ids in display
// order, rank gives each id's place.
func laneOrder(names []string) (order, rank []int) {
	order = make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		na, nb := names[a], names[b]
		if (na == NoLane) != (nb == NoLane) {
			if na == NoLane {
				return 1
			}
			return -1
		}
		return cmp.Compare(na, nb)
	})
	rank = make([]int, len(names))
	for r, id := range order {
		rank[id] = r
	}
	return order, rank
}

// buildLanes cuts each lane's filled slots into runs, most important first, and counts
// its starts. Each slot's entries are in the order of the marks; sorted says the marks
// are in order of start, so the entries are too.
func (ix *Index) buildLanes(names []string, rank []int, fill [][nslots][]entry, maxDur [][nslots]uint32, sorted bool) {
	ix.lanes = make([]laneIndex, len(names))
	ix.info = make([]Lane, len(names))
	starts := ix.marks.c.StartLo
	byStart := func(a, b entry) int {
		return cmp.Or(cmp.Compare(starts[a.mark], starts[b.mark]), cmp.Compare(a.mark, b.mark))
	}
	for id, name := range names {
		li := &ix.lanes[rank[id]]
		n := 0
		for lv := nlevels; lv >= 1; lv-- {
			for c := 0; c < nclasses; c++ {
				slot := (lv-1)*nclasses + c
				ent := fill[id][slot]
				if len(ent) == 0 {
					continue
				}
				if !sorted && !slices.IsSortedFunc(ent, byStart) {
					slices.SortFunc(ent, byStart)
				}
				r := run{ent: ent, starts: starts, imp: int8(lv), maxDur: int64(maxDur[id][slot])}
				if maxDur[id][slot] == longDur {
					for _, e := range ent {
						r.maxDur = max(r.maxDur, ix.hiOf(e)-starts[e.mark])
					}
				}
				li.runs = append(li.runs, r)
				n += len(ent)
			}
		}
		ix.info[rank[id]] = Lane{Name: name, Count: n}
		li.prefix = ix.buildPrefix(li.runs, bucketsFor(n))
	}
}

// Len is the number of marks indexed.
func (ix *Index) Len() int { return ix.marks.Len() }

// Marks returns the marks the index was built from; the numbers in Frame items and query
// results are positions in them.
func (ix *Index) Marks() *Marks { return ix.marks }

// GroupBy returns how the index groups marks into lanes.
func (ix *Index) GroupBy() GroupBy { return ix.by }

// Lanes returns the lanes in display order: by name, NoLane last. The caller must not
// change the slice.
func (ix *Index) Lanes() []Lane { return ix.info }

// LaneIndex returns the position of the lane named name in Lanes, or -1.
func (ix *Index) LaneIndex(name string) int {
	for i, l := range ix.info {
		if l.Name == name {
			return i
		}
	}
	return -1
}

// Extent returns the first and last instants any mark covers; ok is false when the index
// is empty.
func (ix *Index) Extent() (first, last int64, ok bool) {
	if ix.marks.Len() == 0 {
		return 0, 0, false
	}
	return ix.first, ix.last, true
}

// window returns the entries of r that may meet [from, to]: those starting in
// [from - r.maxDur, to]. Entries in the result with hi < from are not in the window.
func (r *run) window(from, to int64) (i, j int) {
	lo := satSub(from, r.maxDur)
	i = sort.Search(len(r.ent), func(k int) bool { return r.lo(k) >= lo })
	j = i + sort.Search(len(r.ent)-i, func(k int) bool { return r.lo(i+k) > to })
	return i, j
}

// startsBefore is the number of entries of r starting before t.
func (r *run) startsBefore(t int64) int {
	return sort.Search(len(r.ent), func(k int) bool { return r.lo(k) >= t })
}

func satSub(a, b int64) int64 {
	if a < math.MinInt64+b {
		return math.MinInt64
	}
	return a - b
}

// Query appends to dst the marks (as indexes into Marks) of lane that are in the window
// [from, to]: any part of their range meets it. They come most important first, then by
// start. It touches about as many entries as it returns.
func (ix *Index) Query(lane int, from, to int64, dst []int32) []int32 {
	for ri := range ix.lanes[lane].runs {
		r := &ix.lanes[lane].runs[ri]
		i, j := r.window(from, to)
		for _, e := range r.ent[i:j] {
			if ix.hiOf(e) >= from {
				dst = append(dst, e.mark)
			}
		}
	}
	return dst
}

// Count returns how many marks of lane are in the window [from, to], as Query would
// return, without listing them.
func (ix *Index) Count(lane int, from, to int64) int {
	n := 0
	for ri := range ix.lanes[lane].runs {
		r := &ix.lanes[lane].runs[ri]
		i, j := r.window(from, to)
		for _, e := range r.ent[i:j] {
			if ix.hiOf(e) >= from {
				n++
			}
		}
	}
	return n
}

// Bound returns an upper bound of Count(lane, from, to) in O(runs · log n): it includes
// the marks that start at most one duration class's longest duration before from.
func (ix *Index) Bound(lane int, from, to int64) int {
	n := 0
	for ri := range ix.lanes[lane].runs {
		i, j := ix.lanes[lane].runs[ri].window(from, to)
		n += j - i
	}
	return n
}
