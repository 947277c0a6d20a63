package timeline

import (
	"cmp"
	"math"
	"slices"
)

// PackItem is one mark to place in the rows of a lane. The caller fills X0, X1, LabelX,
// LabelW and Importance; Pack fills Row, Labeled and Crowded.
type PackItem struct {
	X0, X1     float64 // the mark itself (bar or marker), in pixels, X0 <= X1
	LabelX     float64 // where the label starts, in pixels
	LabelW     float64 // the label's width in pixels; 0 when it has none
	Importance int8    // higher wins a row and keeps its label first

	Row     int  // the row the mark is drawn in, 0 at the top, below Packer.MaxRows
	Labeled bool // the label is drawn: it overlaps nothing else in its row
	Crowded bool // not even the bare mark fitted: it is drawn in the last row, over others
}

// extent is the horizontal room an item takes in a row, with or without its label.
func (it *PackItem) extent(labeled bool) (a, b float64) {
	a, b = it.X0, it.X1
	if labeled {
		a = min(a, it.LabelX)
		b = max(b, it.LabelX+it.LabelW)
	}
	return a, b
}

// Packer stacks the marks of a lane into rows so that nothing drawn in a row overlaps.
// Marks are placed in order of importance, most important first, each in the first row
// where it fits with its label; a mark that fits nowhere with its label is then placed,
// again by importance, in the first row where its bare mark fits, and loses its label; a
// mark that fits nowhere at all is Crowded into the last row. So a label is only ever lost
// to labels at least as important. A Packer keeps its buffers between calls, so packing
// every frame allocates nothing once warm; it is not safe for concurrent use.
// Pack takes O(n log n + n·R·L) for n items, R rows and L distinct importances.
type Packer struct {
	MaxRows int     // rows in a lane; 0 or less means 1
	Gap     float64 // pixels kept free between neighbours in a row

	keys    []packKey
	rows    [][]interval // per row: what is placed, sorted, non-overlapping
	added   [][]interval // per row: what the current importance level placed
	tmp     []interval
	ptr     []int
	lastEnd []float64
	codes   []uint64
	spare   []packKey
}

type packKey struct {
	a   float64 // the extent's start, rounded down to 1/64 pixel so keys sort exactly
	imp int8
	i   int32
}

// interval is a half-open [a, b) in pixels, the gap already added to b.
type interval struct{ a, b float64 }

// Pack places items (see Packer) and returns the number of rows used.
func (p *Packer) Pack(items []PackItem) int {
	nrows := max(p.MaxRows, 1)
	p.reset(nrows)
	p.keys = p.keys[:0]
	for i := range items {
		it := &items[i]
		it.Row, it.Labeled, it.Crowded = -1, false, false
		a, _ := it.extent(true)
		p.keys = append(p.keys, packKey{a: quantize(a), imp: it.Importance, i: int32(i)})
	}
	p.sortKeys()
	p.place(items, p.keys, true)

	// Second pass: the bare marks of those that lost their label.
	p.keys = p.keys[:0]
	for i := range items {
		it := &items[i]
		if it.Row < 0 {
			p.keys = append(p.keys, packKey{a: quantize(it.X0), imp: it.Importance, i: int32(i)})
		}
	}
	if len(p.keys) > 0 {
		p.sortKeys()
		p.place(items, p.keys, false)
	}
	used := 0
	for i := range items {
		it := &items[i]
		if it.Row < 0 {
			it.Row, it.Crowded = nrows-1, true
		}
		used = max(used, it.Row+1)
	}
	return used
}

// Keys sort by importance (descending), start and index. Most packs sort as single
// uint64s (8 bits of importance, 36 of start in 1/64 pixels, 20 of position), which is
// several times faster than comparing structs; the rest take the general path.
const (
	quantum    = 64
	startBits  = 36
	indexBits  = 20
	startRange = 1 << (startBits - 1) // quantised starts in [-startRange, startRange)
)

func quantize(a float64) float64 { return math.Floor(a*quantum) / quantum }

func (p *Packer) sortKeys() {
	keys := p.keys
	fast := len(keys) < 1<<indexBits
	for _, k := range keys {
		if q := k.a * quantum; !(q >= -startRange && q < startRange) {
			fast = false
			break
		}
	}
	if !fast {
		slices.SortFunc(keys, func(x, y packKey) int {
			if x.imp != y.imp {
				return cmp.Compare(y.imp, x.imp)
			}
			if c := cmp.Compare(x.a, y.a); c != 0 {
				return c
			}
			return cmp.Compare(x.i, y.i)
		})
		return
	}
	p.codes = p.codes[:0]
	for j, k := range keys {
		rank := uint64(127 - int(k.imp)) // 0..255, most important first
		q := uint64(int64(k.a*quantum) + startRange)
		// j, the key's position, orders as its item's index: keys are made in item order.
		p.codes = append(p.codes, rank<<(startBits+indexBits)|q<<indexBits|uint64(j))
	}
	slices.Sort(p.codes)
	// Rebuild the keys in order from a copy.
	p.spare = append(p.spare[:0], keys...)
	for j, c := range p.codes {
		keys[j] = p.spare[c&(1<<indexBits-1)]
	}
}

func (p *Packer) reset(nrows int) {
	for len(p.rows) < nrows {
		p.rows = append(p.rows, nil)
		p.added = append(p.added, nil)
	}
	p.rows, p.added = p.rows[:nrows], p.added[:nrows]
	for r := range p.rows {
		p.rows[r] = p.rows[r][:0]
		p.added[r] = p.added[r][:0]
	}
	p.ptr = slices.Grow(p.ptr[:0], nrows)[:nrows]
	p.lastEnd = slices.Grow(p.lastEnd[:0], nrows)[:nrows]
}

// place puts each keyed item, in key order, in the first row where its extent fits.
// Keys of one importance are in x order, so each row is swept once per importance level
// with a pointer, and what a level adds is merged into the row afterwards.
func (p *Packer) place(items []PackItem, keys []packKey, labeled bool) {
	for start := 0; start < len(keys); {
		end := start + 1
		for end < len(keys) && keys[end].imp == keys[start].imp {
			end++
		}
		for r := range p.rows {
			p.ptr[r] = 0
			p.lastEnd[r] = negInf
			p.added[r] = p.added[r][:0]
		}
		for _, k := range keys[start:end] {
			it := &items[k.i]
			if labeled && it.LabelW <= 0 {
				continue // nothing to label: placed with the bare marks
			}
			_, b := it.extent(labeled)
			a := k.a // at most 1/64 pixel left of the extent: the sweep sees starts in order
			b += p.Gap
			for r := range p.rows {
				if p.lastEnd[r] > a {
					continue
				}
				row := p.rows[r]
				j := p.ptr[r]
				for j < len(row) && row[j].b <= a {
					j++
				}
				p.ptr[r] = j
				if j < len(row) && row[j].a < b {
					continue
				}
				p.added[r] = append(p.added[r], interval{a, b})
				p.lastEnd[r] = b
				it.Row, it.Labeled = r, labeled
				break
			}
		}
		for r := range p.rows {
			if len(p.added[r]) > 0 {
				p.tmp = mergeIntervals(p.tmp[:0], p.rows[r], p.added[r])
				p.rows[r], p.tmp = p.tmp, p.rows[r]
			}
		}
		start = end
	}
}

const negInf = -1e300

// mergeIntervals appends the union of two sorted interval lists to dst, in order.
func mergeIntervals(dst, x, y []interval) []interval {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		if x[i].a <= y[j].a {
			dst = append(dst, x[i])
			i++
		} else {
			dst = append(dst, y[j])
			j++
		}
	}
	dst = append(dst, x[i:]...)
	return append(dst, y[j:]...)
}
