package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unsafe"

	"github.com/chronoscope/chronoscope/timeline"
)

// The marks snapshot on disk: a header part, then each column of timeline.MarkColumns as
// raw little-endian values, in the order of snapshotColumns, each in as many parts of at
// most maxPart bytes as it needs (SQLite refuses a value over a gigabyte). The names are
// two more columns: their text end to end and their offsets. Reading a column is then
// one copy out of SQLite's pages, and on a little-endian machine the bytes the driver
// returns are used as the column itself, without decoding.

// snapshotMagic and snapshotFormat open the header; a snapshot of another format is not
// read (the marks are then read from the events and the snapshot built again).
const (
	snapshotMagic  = "CHRSMARK"
	snapshotFormat = 3
)

// maxPart is the largest part a column is cut into; tests set it lower.
var maxPart = 1 << 28

// The columns, in the order they are stored.
const (
	colRow = iota
	colStartLo
	colStartHi
	colEndLo
	colEndHi
	colImportance
	colFlags
	colLane
	colNameOff
	colTagOff
	colRefs
	colTitleOff
	colTitles
	colIDOff
	colIDs
	colNameTextOff
	colNameText
	colRow32
	colRefs16
	colStartHi32
	colEndLo32
	colEndHi32
	ncols
)

// errSnapshot is wrapped by the errors of a snapshot that cannot be read.
var errSnapshot = errors.New("the marks snapshot cannot be read")

// littleEndian reports whether this machine stores integers as the snapshot does (tests
// set it false to take the copying path of other machines).
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// encodeSnapshot returns the parts of m's snapshot: the header first.
func encodeSnapshot(m *timeline.Marks) [][]byte {
	c := m.Columns()
	text, off := joinNameTable(c.Names)
	cols := [ncols][]byte{
		colRow: colBytes(c.Row), colStartLo: colBytes(c.StartLo), colStartHi: colBytes(c.StartHi),
		colEndLo: colBytes(c.EndLo), colEndHi: colBytes(c.EndHi),
		colImportance: colBytes(c.Importance), colFlags: colBytes(c.Flags), colLane: colBytes(c.Lane),
		colNameOff: colBytes(c.NameOff), colTagOff: colBytes(c.TagOff), colRefs: colBytes(c.Refs),
		colTitleOff: colBytes(c.TitleOff), colTitles: stringBytes(c.Titles),
		colIDOff: colBytes(c.IDOff), colIDs: stringBytes(c.IDs),
		colNameTextOff: colBytes(off), colNameText: stringBytes(text),
		colRow32: colBytes(c.Row32), colRefs16: colBytes(c.Refs16),
		colStartHi32: colBytes(c.StartHi32), colEndLo32: colBytes(c.EndLo32), colEndHi32: colBytes(c.EndHi32),
	}
	header := append([]byte(snapshotMagic), make([]byte, 8+8*ncols)...)
	h := header[len(snapshotMagic):]
	binary.LittleEndian.PutUint32(h, snapshotFormat)
	binary.LittleEndian.PutUint32(h[4:], ncols)
	parts := [][]byte{header}
	for k, col := range cols {
		binary.LittleEndian.PutUint64(h[8+8*k:], uint64(len(col)))
		for len(col) > maxPart {
			parts = append(parts, col[:maxPart])
			col = col[maxPart:]
		}
		parts = append(parts, col)
	}
	return parts
}

// decodeSnapshot makes the marks of a snapshot's parts, header first; they are kept as
// the columns (the caller must not change or reuse them).
func decodeSnapshot(parts [][]byte) (*timeline.Marks, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("%w: no header", errSnapshot)
	}
	h := parts[0]
	if len(h) != len(snapshotMagic)+8+8*ncols || string(h[:len(snapshotMagic)]) != snapshotMagic {
		return nil, fmt.Errorf("%w: not a snapshot header", errSnapshot)
	}
	h = h[len(snapshotMagic):]
	if binary.LittleEndian.Uint32(h) != snapshotFormat || binary.LittleEndian.Uint32(h[4:]) != ncols {
		return nil, fmt.Errorf("%w: format %d", errSnapshot, binary.LittleEndian.Uint32(h))
	}
	var cols [ncols][]byte
	rest := parts[1:]
	for k := range cols {
		size := binary.LittleEndian.Uint64(h[8+8*k:])
		var err error
		if cols[k], rest, err = takeColumn(rest, size); err != nil {
			return nil, fmt.Errorf("%w: column %d: %w", errSnapshot, k, err)
		}
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%w: %d parts too many", errSnapshot, len(rest))
	}
	m, err := marksOfColumns(&cols)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errSnapshot, err)
	}
	return m, nil
}

// takeColumn takes the parts of a column of size bytes off the front of parts, joined
// when there is more than one.
func takeColumn(parts [][]byte, size uint64) (col []byte, rest [][]byte, err error) {
	if len(parts) == 0 {
		return nil, nil, errors.New("missing")
	}
	if uint64(len(parts[0])) == size {
		return parts[0], parts[1:], nil
	}
	col = make([]byte, 0, size)
	for len(parts) > 0 && uint64(len(col)) < size {
		col, parts = append(col, parts[0]...), parts[1:]
	}
	if uint64(len(col)) != size {
		return nil, nil, fmt.Errorf("%d bytes, want %d", len(col), size)
	}
	return col, parts, nil
}

func marksOfColumns(cols *[ncols][]byte) (*timeline.Marks, error) {
	var c timeline.MarkColumns
	var errs []error
	take := func(err error) { errs = append(errs, err) }
	c.Row, c.Row32 = column[int64](cols[colRow], take), column[uint32](cols[colRow32], take)
	c.StartLo = column[int64](cols[colStartLo], take)
	c.StartHi, c.EndLo, c.EndHi = column[int64](cols[colStartHi], take), column[int64](cols[colEndLo], take), column[int64](cols[colEndHi], take)
	c.StartHi32, c.EndLo32 = column[int32](cols[colStartHi32], take), column[int32](cols[colEndLo32], take)
	c.EndHi32 = column[int32](cols[colEndHi32], take)
	c.Importance, c.Flags = column[int8](cols[colImportance], take), column[timeline.MarkFlags](cols[colFlags], take)
	c.Lane, c.NameOff, c.TagOff = column[uint32](cols[colLane], take), column[uint32](cols[colNameOff], take), column[uint32](cols[colTagOff], take)
	c.Refs, c.Refs16 = column[uint32](cols[colRefs], take), column[uint16](cols[colRefs16], take)
	c.TitleOff, c.Titles = column[uint32](cols[colTitleOff], take), bytesString(cols[colTitles])
	c.IDOff, c.IDs = column[uint32](cols[colIDOff], take), bytesString(cols[colIDs])
	var err error
	c.Names, err = splitNames(bytesString(cols[colNameText]), column[uint32](cols[colNameTextOff], take))
	if err := errors.Join(append(errs, err)...); err != nil {
		return nil, err
	}
	return timeline.NewMarks(c)
}

// joinNameTable writes names end to end, with their offsets (one more than names).
func joinNameTable(names []string) (string, []uint32) {
	off := make([]uint32, 1, len(names)+1)
	n := 0
	for _, s := range names {
		n += len(s)
	}
	b := make([]byte, 0, n)
	for _, s := range names {
		b = append(b, s...)
		off = append(off, uint32(len(b)))
	}
	return string(b), off
}

// splitNames cuts text at its offsets.
func splitNames(text string, off []uint32) ([]string, error) {
	if len(off) == 0 || off[0] != 0 || int(off[len(off)-1]) != len(text) {
		return nil, errors.New("name offsets do not fit the names")
	}
	names := make([]string, len(off)-1)
	for i := range names {
		if off[i+1] < off[i] {
			return nil, errors.New("name offsets go back")
		}
		names[i] = text[off[i]:off[i+1]]
	}
	return names, nil
}

// The conversions between columns and bytes. On a little-endian machine they are views
// of the same memory, with no copy: the columns hold no pointers, and the bytes a
// snapshot is read into are never written again.

// fixed are the element types of the columns.
type fixed interface {
	~int8 | ~uint8 | ~uint16 | ~int32 | ~uint32 | ~int64
}

// colBytes is the little-endian bytes of a column.
func colBytes[T fixed](v []T) []byte {
	size := int(unsafe.Sizeof(*new(T)))
	if len(v) == 0 {
		return []byte{}
	}
	if littleEndian || size == 1 {
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), size*len(v))
	}
	b := make([]byte, 0, size*len(v))
	for _, x := range v {
		switch size {
		case 2:
			b = binary.LittleEndian.AppendUint16(b, uint16(x))
		case 4:
			b = binary.LittleEndian.AppendUint32(b, uint32(x))
		default:
			b = binary.LittleEndian.AppendUint64(b, uint64(x))
		}
	}
	return b
}

// column is the column of little-endian bytes b (nil when empty): b itself when this
// machine's layout allows, else a decoded copy; a length that is no whole number of
// elements is told to fail.
func column[T fixed](b []byte, fail func(error)) []T {
	size := int(unsafe.Sizeof(*new(T)))
	if len(b)%size != 0 {
		fail(fmt.Errorf("%d bytes is no whole number of %d-byte values", len(b), size))
		return nil
	}
	if len(b) == 0 {
		return nil
	}
	if (littleEndian || size == 1) && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/size)
	}
	v := make([]T, len(b)/size)
	for i := range v {
		switch size {
		case 1:
			v[i] = T(b[i])
		case 2:
			v[i] = T(binary.LittleEndian.Uint16(b[2*i:]))
		case 4:
			v[i] = T(binary.LittleEndian.Uint32(b[4*i:]))
		default:
			v[i] = T(binary.LittleEndian.Uint64(b[8*i:]))
		}
	}
	return v
}

func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
