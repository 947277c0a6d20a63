package timeline

import (
	"hash/maphash"
	"math/bits"
)

// slots is an open-addressing table of positions (plus one, 0 being an empty slot),
// found by a hash of what they hold: a lookup by id or row id over a million marks in
// four to eight bytes a mark, without a map of strings the garbage collector would scan.
type slots struct {
	pos  []int32
	mask uint64
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

// newSlots builds the table of positions 0..n-1, each at hash(i).
func newSlots(n int, hash func(i int) uint64) slots {
	size := 1 << bits.Len(uint(n+n/2)) // at most two thirds full
	t := slots{pos: make([]int32, size), mask: uint64(size - 1)}
	for i := range n {
		h := hash(i) & t.mask
		for t.pos[h] != 0 {
			h = (h + 1) & t.mask
		}
		t.pos[h] = int32(i + 1)
	}
	return t
}

// find returns the first position at hash h for which is reports true.
func (t *slots) find(h uint64, is func(i int) bool) (int, bool) {
	for h &= t.mask; t.pos[h] != 0; h = (h + 1) & t.mask {
		if i := int(t.pos[h] - 1); is(i) {
			return i, true
		}
	}
	return -1, false
}
