package timeline

import (
	"hash/maphash"
	"math/bits"
)

// slots is an open-addressing table of positions (plus one, 0 being an empty slot),
// found by a hash of what they hold: a lookup by id or row id over a million marks in
// five bytes a mark, without a map of strings the garbage collector would scan.
type slots struct {
	pos []int32
}

var findSeed = maphash.MakeSeed()

func hashString(s string) uint64 { return maphash.String(findSeed, s) }

// hashInt mixes the bits of an integer key (Fibonacci hashing of a murmur-style finaliser).
func hashInt(v int64) uint64 {
	x := uint64(v)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x * 0x9e3779b97f4a7c15
}

// newSlots builds the table of positions 0..n-1, each at hash(i). It is four fifths full:
// five bytes a mark.
func newSlots(n int, hash func(i int) uint64) slots {
	t := slots{pos: make([]int32, n+n/4+1)}
	for i := range n {
		h := t.home(hash(i))
		for t.pos[h] != 0 {
			h = t.next(h)
		}
		t.pos[h] = int32(i + 1)
	}
	return t
}

// home is the slot a hash starts from: the hash scaled to the table's size.
func (t *slots) home(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(t.pos)))
	return int(hi)
}

func (t *slots) next(h int) int {
	if h++; h == len(t.pos) {
		return 0
	}
	return h
}

// find returns the first position at hash h for which is reports true.
func (t *slots) find(h uint64, is func(i int) bool) (int, bool) {
	for k := t.home(h); t.pos[k] != 0; k = t.next(k) {
		if i := int(t.pos[k] - 1); is(i) {
			return i, true
		}
	}
	return -1, false
}
