package timeline

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// MarkFlags are the yes-or-no facts of a mark, one bit each.
type MarkFlags uint8

// The bits of MarkFlags.
const (
	MarkSpan       MarkFlags = 1 << iota // the event has an end of its own: a span
	MarkStartFuzzy                       // the start is approximate, uncertain or unspecified
	MarkEndFuzzy                         // the end is (for a point: the start is)
)

// MarkColumns are the columns of a Marks: mark i is element i of each of the first
// eight, and the offsets say where its names, title and id are. Names[0] is "" (no lane);
// Lane and the refs hold indexes into Names. Mark i's actors are refs NameOff[i] to
// TagOff[i] and its tags refs TagOff[i] to NameOff[i+1]; its title is
// Titles[TitleOff[i]:TitleOff[i+1]] and its id IDs[IDOff[i]:IDOff[i+1]]. The row ids are
// in Row32 when each fits in 32 bits, else in Row; the refs in Refs16 when there are at
// most 65,536 names, else in Refs; StartHi, EndLo and EndHi in the 32-bit columns, less
// StartLo, when every mark's fits (no date more than 68 years from its start), else in
// the 64-bit ones (the other slices of each pair are empty). Only Names holds pointers,
// so the garbage collector never scans the rest however many marks.
type MarkColumns struct {
	Row                            []int64 // the store's key of each mark's event (SQLite's row id)
	Row32                          []uint32
	StartLo, StartHi, EndLo, EndHi []int64 // as in Mark
	StartHi32, EndLo32, EndHi32    []int32 // StartHi, EndLo and EndHi less StartLo
	Importance                     []int8
	Flags                          []MarkFlags
	Lane                           []uint32
	NameOff, TagOff, Refs          []uint32
	Refs16                         []uint16
	Names                          []string
	Titles                         string
	TitleOff                       []uint32
	IDs                            string
	IDOff                          []uint32
}

// Marks is the compact, columnar form of the events the timeline draws: enough to place,
// label, group and colour each (see Mark), in about a hundred bytes a mark and one object
// per column, so a million of them load in one pass and cost the garbage collector
// nothing. Positions (0 to Len()-1) name the marks; a store returns them earliest first.
// A Marks never changes once made (NewMarks, a MarksBuilder, MarksOf), and is safe for
// concurrent use. The nil *Marks holds no mark.
type Marks struct {
	c MarkColumns

	idOnce, rowOnce sync.Once
	byID, byRow     slots
	rowPos          []int32 // position + 1 by row id, when the row ids are dense
}

// ErrBadColumns is wrapped by the error NewMarks returns for columns that do not fit
// together.
var ErrBadColumns = errors.New("mark columns do not fit together")

// NewMarks checks that c's columns fit together (lengths, offsets in order and in range,
// names that exist) and returns the Marks made of them, which keeps the slices: the
// caller must not change them afterwards.
func NewMarks(c MarkColumns) (*Marks, error) {
	for _, check := range []func(*MarkColumns) error{checkLengths, checkTexts, checkRefs} {
		if err := check(&c); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadColumns, err)
		}
	}
	return &Marks{c: c}, nil
}

// checkLengths checks that each column holds one value a mark, in one width.
func checkLengths(c *MarkColumns) error {
	n := c.len()
	if len(c.Row) != 0 && len(c.Row32) != 0 || len(c.Refs) != 0 && len(c.Refs16) != 0 {
		return errors.New("row ids or refs in two columns")
	}
	if len(c.StartHi)+len(c.EndLo)+len(c.EndHi) != 0 && len(c.StartHi32)+len(c.EndLo32)+len(c.EndHi32) != 0 {
		return errors.New("dates in two widths")
	}
	for _, l := range []int{len(c.StartLo), max(len(c.StartHi), len(c.StartHi32)), max(len(c.EndLo), len(c.EndLo32)),
		max(len(c.EndHi), len(c.EndHi32)), len(c.Importance), len(c.Flags),
		len(c.Lane), len(c.TagOff), len(c.NameOff) - 1, len(c.TitleOff) - 1, len(c.IDOff) - 1} {
		if l != n {
			return fmt.Errorf("a column of %d marks among %d", l, n)
		}
	}
	return nil
}

// checkTexts checks the offsets of the titles, ids and names.
func checkTexts(c *MarkColumns) error {
	if err := checkOffsets(c.TitleOff, len(c.Titles)); err != nil {
		return fmt.Errorf("titles: %w", err)
	}
	if err := checkOffsets(c.IDOff, len(c.IDs)); err != nil {
		return fmt.Errorf("ids: %w", err)
	}
	if err := checkOffsets(c.NameOff, c.nrefs()); err != nil {
		return fmt.Errorf("names: %w", err)
	}
	for i, t := range c.TagOff {
		if t < c.NameOff[i] || t > c.NameOff[i+1] {
			return fmt.Errorf("the tags of mark %d are out of place", i)
		}
	}
	return nil
}

// checkRefs checks that every lane and name refers to a name there is.
func checkRefs(c *MarkColumns) error {
	if len(c.Names) == 0 || c.Names[0] != "" {
		return errors.New("the first name is not the empty one")
	}
	names := uint32(len(c.Names))
	for _, col := range [][]uint32{c.Lane, c.Refs} {
		for _, r := range col {
			if r >= names {
				return fmt.Errorf("name %d of %d", r, names)
			}
		}
	}
	for _, r := range c.Refs16 {
		if uint32(r) >= names {
			return fmt.Errorf("name %d of %d", r, names)
		}
	}
	return nil
}

// checkOffsets checks that off starts at 0, never goes down and ends at size.
func checkOffsets(off []uint32, size int) error {
	if off[0] != 0 || int(off[len(off)-1]) != size {
		return fmt.Errorf("offsets from %d to %d over %d bytes", off[0], off[len(off)-1], size)
	}
	for i := 1; i < len(off); i++ {
		if off[i] < off[i-1] {
			return fmt.Errorf("offset %d goes back", i)
		}
	}
	return nil
}

// Columns returns the columns of m (sharing their storage, which the caller must not
// change), for a store to save them.
func (m *Marks) Columns() MarkColumns {
	if m == nil {
		return emptyColumns()
	}
	return m.c
}

func emptyColumns() MarkColumns {
	return MarkColumns{Names: []string{""}, NameOff: []uint32{0}, TitleOff: []uint32{0}, IDOff: []uint32{0}}
}

// Len is the number of marks.
func (m *Marks) Len() int {
	if m == nil {
		return 0
	}
	return m.c.len()
}

// Row is the store's key of mark i's event: SQLite's row id, which no other event of the
// case has while this one exists.
func (m *Marks) Row(i int) int64 { return m.c.row(i) }

// StartLo is the first instant of mark i's start date.
func (m *Marks) StartLo(i int) int64 { return m.c.StartLo[i] }

// StartHi is the last instant of mark i's start date.
func (m *Marks) StartHi(i int) int64 { return m.c.startHi(i) }

// EndLo is the first instant of mark i's end date (its start's, for a point).
func (m *Marks) EndLo(i int) int64 { return m.c.endLo(i) }

// EndHi is the last instant of mark i's end date (its start's, for a point).
func (m *Marks) EndHi(i int) int64 { return m.c.endHi(i) }

// Range is the first and last instants mark i covers.
func (m *Marks) Range(i int) (lo, hi int64) { return m.c.rangeOf(i) }

func (c *MarkColumns) rangeOf(i int) (lo, hi int64) {
	lo, hi = c.StartLo[i], max(c.startHi(i), c.endHi(i), c.StartLo[i])
	if c.Flags[i]&MarkSpan != 0 {
		hi = max(hi, c.endLo(i))
	}
	return lo, hi
}

// Importance is mark i's importance, 1 to 5 (0: unranked).
func (m *Marks) Importance(i int) int8 { return m.c.Importance[i] }

// Flags are mark i's flags.
func (m *Marks) Flags(i int) MarkFlags { return m.c.Flags[i] }

// Span reports whether mark i is a span (its event has an end).
func (m *Marks) Span(i int) bool { return m.c.Flags[i]&MarkSpan != 0 }

// Title is mark i's title.
func (m *Marks) Title(i int) string { return m.c.Titles[m.c.TitleOff[i]:m.c.TitleOff[i+1]] }

// ID is mark i's event id.
func (m *Marks) ID(i int) string { return m.c.IDs[m.c.IDOff[i]:m.c.IDOff[i+1]] }

// Lane is mark i's lane ("" for none).
func (m *Marks) Lane(i int) string { return m.c.Names[m.c.Lane[i]] }

// LaneRef is the index in Names of mark i's lane (0 for none).
func (m *Marks) LaneRef(i int) uint32 { return m.c.Lane[i] }

// ActorRefs are mark i's actors, as indexes in Names.
func (m *Marks) ActorRefs(i int) NameList { return m.c.names(m.c.NameOff[i], m.c.TagOff[i]) }

// TagRefs are mark i's tags, as indexes in Names.
func (m *Marks) TagRefs(i int) NameList { return m.c.names(m.c.TagOff[i], m.c.NameOff[i+1]) }

// Names are the names the marks' lanes, actors and tags refer to, each once, the first
// being "" (no lane). The caller must not change them.
func (m *Marks) Names() []string {
	if m == nil {
		return []string{""}
	}
	return m.c.Names
}

// Actors are mark i's actors (a new slice; nil for none).
func (m *Marks) Actors(i int) []string { return m.namesOf(m.ActorRefs(i)) }

// Tags are mark i's tags (a new slice; nil for none).
func (m *Marks) Tags(i int) []string { return m.namesOf(m.TagRefs(i)) }

func (m *Marks) namesOf(refs NameList) []string {
	if refs.Len() == 0 {
		return nil
	}
	out := make([]string, refs.Len())
	for k := range out {
		out[k] = m.c.Names[refs.At(k)]
	}
	return out
}

// At returns mark i as a Mark.
func (m *Marks) At(i int) Mark {
	f := m.c.Flags[i]
	return Mark{
		ID: m.ID(i), Title: m.Title(i), Lane: m.Lane(i), Actors: m.Actors(i), Tags: m.Tags(i),
		Importance: m.c.Importance[i],
		StartLo:    m.c.StartLo[i], StartHi: m.c.startHi(i), EndLo: m.c.endLo(i), EndHi: m.c.endHi(i),
		Span: f&MarkSpan != 0, StartFuzzy: f&MarkStartFuzzy != 0, EndFuzzy: f&MarkEndFuzzy != 0,
	}
}

// All returns every mark as a Mark, in order: for tests and small cases.
func (m *Marks) All() []Mark {
	out := make([]Mark, m.Len())
	for i := range out {
		out[i] = m.At(i)
	}
	return out
}

// withDates returns m with every date through fn, which must keep each mark's dates in
// order; the other columns are shared.
func (m *Marks) withDates(fn func(int64) int64) *Marks {
	c := m.c
	n := c.len()
	lo, sh, el, eh := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
	for i := range n {
		lo[i], sh[i], el[i], eh[i] = fn(c.StartLo[i]), fn(c.startHi(i)), fn(c.endLo(i)), fn(c.endHi(i))
	}
	c.StartLo, c.StartHi, c.EndLo, c.EndHi = lo, sh, el, eh
	c.StartHi32, c.EndLo32, c.EndHi32 = nil, nil, nil
	c.narrowDates()
	return &Marks{c: c}
}

// Find returns the position of the mark with id. The first call builds a table of the
// positions by id (five bytes a mark), so later ones cost O(1).
func (m *Marks) Find(id string) (int, bool) {
	if m.Len() == 0 || id == "" {
		return -1, false
	}
	m.idOnce.Do(func() {
		m.byID = newSlots(m.Len(), func(i int) uint64 { return hashString(m.ID(i)) })
	})
	return m.byID.find(hashString(id), func(i int) bool { return m.ID(i) == id })
}

// PosOfRow returns the position of the mark whose event has row id row. The first call
// builds a table of the positions by row (four or five bytes a mark: a plain array when
// the row ids are dense, as a store's are), so later ones cost O(1).
func (m *Marks) PosOfRow(row int64) (int, bool) {
	if m.Len() == 0 {
		return -1, false
	}
	m.rowOnce.Do(m.indexRows)
	if m.rowPos != nil {
		if row < 0 || row >= int64(len(m.rowPos)) || m.rowPos[row] == 0 {
			return -1, false
		}
		return int(m.rowPos[row] - 1), true
	}
	return m.byRow.find(hashInt(row), func(i int) bool { return m.c.row(i) == row })
}

func (m *Marks) indexRows() {
	if rows := m.c.Row32; len(rows) > 0 && int(slices.Max(rows)) < 2*len(rows)+64 {
		m.rowPos = make([]int32, slices.Max(rows)+1)
		for i, r := range rows {
			if m.rowPos[r] == 0 { // the first of a row given twice, as the table finds it
				m.rowPos[r] = int32(i + 1)
			}
		}
		return
	}
	m.byRow = newSlots(m.Len(), func(i int) uint64 { return hashInt(m.c.row(i)) })
}
