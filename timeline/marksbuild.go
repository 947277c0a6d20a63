package timeline

import (
	"cmp"
	"slices"
	"strings"
)

// RawMark is one mark as a store reads it, for MarksBuilder.AppendRaw: its names as
// indexes from the builder's Ref (the first Actors of Refs are its actors, the rest its
// tags).
type RawMark struct {
	Row                            int64
	ID, Title                      string
	Lane                           uint32
	Refs                           []uint32
	Actors                         int
	Importance                     int8
	StartLo, StartHi, EndLo, EndHi int64
	Flags                          MarkFlags
}

// MarksBuilder makes a Marks a mark at a time, keeping each name once. The zero
// MarksBuilder is ready to use; NewMarksBuilder sizes it for about n marks.
type MarksBuilder struct {
	c           MarkColumns
	titles, ids strings.Builder
	names       map[string]uint32
	scratch     []uint32
}

// NewMarksBuilder returns a builder with room for about n marks.
func NewMarksBuilder(n int) *MarksBuilder {
	b := &MarksBuilder{}
	b.init()
	c := &b.c
	c.Row, c.StartLo, c.StartHi = make([]int64, 0, n), make([]int64, 0, n), make([]int64, 0, n)
	c.EndLo, c.EndHi = make([]int64, 0, n), make([]int64, 0, n)
	c.Importance, c.Flags, c.Lane = make([]int8, 0, n), make([]MarkFlags, 0, n), make([]uint32, 0, n)
	c.TagOff = make([]uint32, 0, n)
	c.NameOff, c.TitleOff, c.IDOff = make([]uint32, 1, n+1), make([]uint32, 1, n+1), make([]uint32, 1, n+1)
	return b
}

func (b *MarksBuilder) init() {
	if b.names != nil {
		return
	}
	b.names = map[string]uint32{"": 0}
	c := &b.c
	c.Names = []string{""}
	if c.NameOff == nil {
		c.NameOff, c.TitleOff, c.IDOff = []uint32{0}, []uint32{0}, []uint32{0}
	}
}

// Len is the number of marks appended so far.
func (b *MarksBuilder) Len() int { return b.c.len() }

// Ref returns the index of name among the builder's names, adding it when new.
func (b *MarksBuilder) Ref(name string) uint32 {
	b.init()
	if r, ok := b.names[name]; ok {
		return r
	}
	return b.add(strings.Clone(name))
}

func (b *MarksBuilder) add(name string) uint32 {
	r := uint32(len(b.c.Names))
	b.c.Names = append(b.c.Names, name)
	b.names[name] = r
	return r
}

// AppendRaw appends one mark read by a store.
func (b *MarksBuilder) AppendRaw(m *RawMark) {
	b.appendFixed(m)
	b.titles.WriteString(m.Title)
	b.ids.WriteString(m.ID)
	b.endText()
}

// appendFixed appends all of m but its id and title.
func (b *MarksBuilder) appendFixed(m *RawMark) {
	b.init()
	c := &b.c
	c.Row = append(c.Row, m.Row)
	c.StartLo, c.StartHi = append(c.StartLo, m.StartLo), append(c.StartHi, m.StartHi)
	c.EndLo, c.EndHi = append(c.EndLo, m.EndLo), append(c.EndHi, m.EndHi)
	c.Importance, c.Flags, c.Lane = append(c.Importance, m.Importance), append(c.Flags, m.Flags), append(c.Lane, m.Lane)
	c.TagOff = append(c.TagOff, uint32(len(c.Refs)+m.Actors))
	c.Refs = append(c.Refs, m.Refs...)
	c.NameOff = append(c.NameOff, uint32(len(c.Refs)))
}

// endText closes the title and id of the mark just appended.
func (b *MarksBuilder) endText() {
	b.c.TitleOff = append(b.c.TitleOff, uint32(b.titles.Len()))
	b.c.IDOff = append(b.c.IDOff, uint32(b.ids.Len()))
}

// Append appends m, the mark of the event with row id row.
func (b *MarksBuilder) Append(row int64, m *Mark) {
	b.init()
	refs := b.scratch[:0]
	for _, n := range m.Actors {
		refs = append(refs, b.Ref(n))
	}
	for _, n := range m.Tags {
		refs = append(refs, b.Ref(n))
	}
	var f MarkFlags
	for _, bit := range []struct {
		on   bool
		flag MarkFlags
	}{{m.Span, MarkSpan}, {m.StartFuzzy, MarkStartFuzzy}, {m.EndFuzzy, MarkEndFuzzy}} {
		if bit.on {
			f |= bit.flag
		}
	}
	b.scratch = refs
	b.appendFixed(&RawMark{
		Row: row, Lane: b.Ref(m.Lane), Refs: refs, Actors: len(m.Actors),
		Importance: m.Importance, StartLo: m.StartLo, StartHi: m.StartHi, EndLo: m.EndLo, EndHi: m.EndHi, Flags: f,
	})
	b.titles.WriteString(m.Title)
	b.ids.WriteString(m.ID)
	b.endText()
}

// appendFrom appends mark i of src, its names through remap (src's name index to the
// builder's).
func (b *MarksBuilder) appendFrom(src *Marks, i int, remap []uint32) {
	c := &b.c
	s := &src.c
	c.Row = append(c.Row, s.row(i))
	c.StartLo, c.StartHi = append(c.StartLo, s.StartLo[i]), append(c.StartHi, s.startHi(i))
	c.EndLo, c.EndHi = append(c.EndLo, s.endLo(i)), append(c.EndHi, s.endHi(i))
	c.Importance, c.Flags = append(c.Importance, s.Importance[i]), append(c.Flags, s.Flags[i])
	c.Lane = append(c.Lane, remap[s.Lane[i]])
	c.TagOff = append(c.TagOff, uint32(len(c.Refs))+s.TagOff[i]-s.NameOff[i])
	refs := s.names(s.NameOff[i], s.NameOff[i+1])
	for k := range refs.Len() {
		c.Refs = append(c.Refs, remap[refs.At(k)])
	}
	c.NameOff = append(c.NameOff, uint32(len(c.Refs)))
	b.titles.WriteString(src.Title(i))
	b.ids.WriteString(src.ID(i))
	b.endText()
}

// Build returns the marks appended, in the order they came. The builder must not be
// used afterwards.
func (b *MarksBuilder) Build() *Marks {
	b.init()
	b.c.Titles, b.c.IDs = b.titles.String(), b.ids.String()
	b.c.narrow()
	return &Marks{c: b.c}
}

// BuildSorted returns the marks appended in the order a store gives them: by earliest
// start, then latest end, then row id. The builder must not be used afterwards.
func (b *MarksBuilder) BuildSorted() *Marks {
	m := b.Build()
	if m.sorted() {
		return m
	}
	keys := make([]int32, m.Len())
	for i := range keys {
		keys[i] = int32(i)
	}
	slices.SortFunc(keys, func(a, b int32) int { return m.compare(int(a), int(b)) })
	return m.Select(keys)
}

// compare orders marks i and j as a store gives them: by start, end, then row id.
func (m *Marks) compare(i, j int) int {
	c := &m.c
	return cmp.Or(cmp.Compare(c.StartLo[i], c.StartLo[j]), cmp.Compare(c.endHi(i), c.endHi(j)), cmp.Compare(c.row(i), c.row(j)))
}

func (m *Marks) sorted() bool {
	for i := 1; i < m.Len(); i++ {
		if m.compare(i-1, i) > 0 {
			return false
		}
	}
	return true
}

// identity is the name remap of a Marks into a builder that shares its names.
func identity(n int) []uint32 {
	r := make([]uint32, n)
	for i := range r {
		r[i] = uint32(i)
	}
	return r
}

// sharing returns a builder for about n marks that starts with m's names.
func (m *Marks) sharing(n int) *MarksBuilder {
	b := NewMarksBuilder(n)
	for _, name := range m.Names()[1:] {
		b.add(name)
	}
	return b
}

// Select returns the marks at positions pos, in that order, as a new Marks with the
// same names (shared) and column widths.
func (m *Marks) Select(pos []int32) *Marks {
	src := &m.c
	c := MarkColumns{Names: src.Names}
	if len(src.Row) > 0 {
		c.Row = gather(src.Row, pos)
	} else {
		c.Row32 = gather(src.Row32, pos)
	}
	c.StartLo = gather(src.StartLo, pos)
	if src.StartHi32 != nil {
		c.StartHi32, c.EndLo32, c.EndHi32 = gather(src.StartHi32, pos), gather(src.EndLo32, pos), gather(src.EndHi32, pos)
	} else {
		c.StartHi, c.EndLo, c.EndHi = gather(src.StartHi, pos), gather(src.EndLo, pos), gather(src.EndHi, pos)
	}
	c.Importance, c.Flags, c.Lane = gather(src.Importance, pos), gather(src.Flags, pos), gather(src.Lane, pos)
	c.NameOff, c.TagOff = make([]uint32, 1, len(pos)+1), make([]uint32, 0, len(pos))
	if len(src.Refs) > 0 {
		c.Refs = gatherRuns(src.Refs, src, pos, &c)
	} else {
		c.Refs16 = gatherRuns(src.Refs16, src, pos, &c)
	}
	c.Titles, c.TitleOff = gatherText(src.Titles, src.TitleOff, pos)
	c.IDs, c.IDOff = gatherText(src.IDs, src.IDOff, pos)
	return &Marks{c: c}
}

// gather is the elements of col at positions pos.
func gather[T any](col []T, pos []int32) []T {
	out := make([]T, len(pos))
	for k, p := range pos {
		out[k] = col[p]
	}
	return out
}

// gatherRuns is the refs of the marks at pos (src's), and sets c's offsets for them.
func gatherRuns[T uint16 | uint32](refs []T, src *MarkColumns, pos []int32, c *MarkColumns) []T {
	size := 0
	for _, p := range pos {
		size += int(src.NameOff[p+1] - src.NameOff[p])
	}
	out := make([]T, 0, size)
	for _, p := range pos {
		c.TagOff = append(c.TagOff, uint32(len(out))+src.TagOff[p]-src.NameOff[p])
		out = append(out, refs[src.NameOff[p]:src.NameOff[p+1]]...)
		c.NameOff = append(c.NameOff, uint32(len(out)))
	}
	return out
}

// gatherText is the texts of the marks at pos, end to end, with their offsets.
func gatherText(text string, off []uint32, pos []int32) (string, []uint32) {
	size := 0
	for _, p := range pos {
		size += int(off[p+1] - off[p])
	}
	var b strings.Builder
	b.Grow(size)
	out := make([]uint32, 1, len(pos)+1)
	for _, p := range pos {
		b.WriteString(text[off[p]:off[p+1]])
		out = append(out, uint32(b.Len()))
	}
	return b.String(), out
}

// Merge returns m without the marks drop reports true for, and with every mark of add,
// in store order (by start, end, row id), when m and add both are. Names are m's, then
// those only add has.
func (m *Marks) Merge(add *Marks, drop func(i int) bool) *Marks {
	b := m.sharing(m.Len() + add.Len())
	own := identity(len(m.Names()))
	theirs := make([]uint32, len(add.Names()))
	for k, name := range add.Names() {
		theirs[k] = b.Ref(name)
	}
	j := 0
	for i := range m.Len() {
		if drop != nil && drop(i) {
			continue
		}
		for ; j < add.Len() && compareAcross(add, j, m, i) < 0; j++ {
			b.appendFrom(add, j, theirs)
		}
		b.appendFrom(m, i, own)
	}
	for ; j < add.Len(); j++ {
		b.appendFrom(add, j, theirs)
	}
	return b.Build()
}

// compareAcross orders mark i of a against mark j of b as compare does.
func compareAcross(a *Marks, i int, b *Marks, j int) int {
	return cmp.Or(cmp.Compare(a.c.StartLo[i], b.c.StartLo[j]), cmp.Compare(a.c.endHi(i), b.c.endHi(j)),
		cmp.Compare(a.c.row(i), b.c.row(j)))
}

// MarksOf returns marks as a Marks, in the same order, their positions as row ids: for
// tests, demonstrations and stores that hold events in memory.
func MarksOf(marks []Mark) *Marks {
	b := NewMarksBuilder(len(marks))
	for i := range marks {
		b.Append(int64(i), &marks[i])
	}
	return b.Build()
}
