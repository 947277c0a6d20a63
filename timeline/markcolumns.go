package timeline

import (
	"math"
	"slices"
)

// len is the number of marks.
func (c *MarkColumns) len() int { return max(len(c.Row), len(c.Row32)) }

// row is mark i's row id.
func (c *MarkColumns) row(i int) int64 {
	if len(c.Row32) != 0 {
		return int64(c.Row32[i])
	}
	return c.Row[i]
}

func (c *MarkColumns) nrefs() int { return len(c.Refs) + len(c.Refs16) }

// names is the list of refs from k to end.
func (c *MarkColumns) names(k, end uint32) NameList {
	if len(c.Refs16) != 0 || len(c.Refs) == 0 {
		return NameList{n16: c.Refs16[k:end]}
	}
	return NameList{n32: c.Refs[k:end]}
}

// narrow moves the row ids, refs and dates into their narrow columns when they fit.
func (c *MarkColumns) narrow() {
	c.narrowDates()
	if len(c.Row) > 0 && slices.Min(c.Row) >= 0 && slices.Max(c.Row) <= math.MaxUint32 {
		c.Row32 = make([]uint32, len(c.Row))
		for i, r := range c.Row {
			c.Row32[i] = uint32(r)
		}
		c.Row = nil
	}
	if len(c.Refs) > 0 && len(c.Names) <= 1<<16 {
		c.Refs16 = make([]uint16, len(c.Refs))
		for i, r := range c.Refs {
			c.Refs16[i] = uint16(r)
		}
		c.Refs = nil
	}
}

// NameList is a mark's actors or tags, as indexes in Names, in order.
type NameList struct {
	n16 []uint16
	n32 []uint32
}

// Len is the number of names.
func (l NameList) Len() int { return len(l.n16) + len(l.n32) }

// At is the k-th name's index in Names.
func (l NameList) At(k int) uint32 {
	if l.n16 != nil {
		return uint32(l.n16[k])
	}
	return l.n32[k]
}

// has reports whether the first k names include r.
func (l NameList) has(k int, r uint32) bool {
	for j := range k {
		if l.At(j) == r {
			return true
		}
	}
	return false
}

// startHi, endLo and endHi are mark i's dates, from whichever columns hold them.
func (c *MarkColumns) startHi(i int) int64 {
	if c.StartHi32 != nil {
		return c.StartLo[i] + int64(c.StartHi32[i])
	}
	return c.StartHi[i]
}

func (c *MarkColumns) endLo(i int) int64 {
	if c.EndLo32 != nil {
		return c.StartLo[i] + int64(c.EndLo32[i])
	}
	return c.EndLo[i]
}

func (c *MarkColumns) endHi(i int) int64 {
	if c.EndHi32 != nil {
		return c.StartLo[i] + int64(c.EndHi32[i])
	}
	return c.EndHi[i]
}

// narrowDates moves StartHi, EndLo and EndHi into their 32-bit columns, less StartLo,
// when every mark's fits.
func (c *MarkColumns) narrowDates() {
	if len(c.StartHi) == 0 {
		return
	}
	fits := func(col []int64) bool {
		for i, t := range col {
			if d := t - c.StartLo[i]; d < math.MinInt32 || d > math.MaxInt32 || t < c.StartLo[i] && d > 0 {
				return false
			}
		}
		return true
	}
	if !fits(c.StartHi) || !fits(c.EndLo) || !fits(c.EndHi) {
		return
	}
	less := func(col []int64) []int32 {
		out := make([]int32, len(col))
		for i, t := range col {
			out[i] = int32(t - c.StartLo[i])
		}
		return out
	}
	c.StartHi32, c.EndLo32, c.EndHi32 = less(c.StartHi), less(c.EndLo), less(c.EndHi)
	c.StartHi, c.EndLo, c.EndHi = nil, nil, nil
}
