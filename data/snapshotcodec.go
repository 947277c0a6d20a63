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
	snapshotFormat = 2
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
		colRow: int64Bytes(c.Row), colStartLo: int64Bytes(c.StartLo), colStartHi: int64Bytes(c.StartHi),
		colEndLo: int64Bytes(c.EndLo), colEndHi: int64Bytes(c.EndHi),
		colImportance: int8Bytes(c.Importance), colFlags: flagBytes(c.Flags), colLane: uint32Bytes(c.Lane),
		colNameOff: uint32Bytes(c.NameOff), colTagOff: uint32Bytes(c.TagOff), colRefs: uint32Bytes(c.Refs),
		colTitleOff: uint32Bytes(c.TitleOff), colTitles: stringBytes(c.Titles),
		colIDOff: uint32Bytes(c.IDOff), colIDs: stringBytes(c.IDs),
		colNameTextOff: uint32Bytes(off), colNameText: stringBytes(text),
		colRow32: uint32Bytes(c.Row32), colRefs16: uint16Bytes(c.Refs16),
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
	i64 := func(b []byte) []int64 {
		v, err := bytesInt64(b)
		errs = append(errs, err)
		return v
	}
	u32 := func(b []byte) []uint32 {
		v, err := bytesUint32(b)
		errs = append(errs, err)
		return v
	}
	c.Row, c.StartLo, c.StartHi = i64(cols[colRow]), i64(cols[colStartLo]), i64(cols[colStartHi])
	c.Row32 = u32(cols[colRow32])
	refs16, err16 := bytesUint16(cols[colRefs16])
	c.Refs16, errs = refs16, append(errs, err16)
	c.EndLo, c.EndHi = i64(cols[colEndLo]), i64(cols[colEndHi])
	c.Importance, c.Flags = bytesInt8(cols[colImportance]), bytesFlags(cols[colFlags])
	c.Lane, c.NameOff, c.TagOff, c.Refs = u32(cols[colLane]), u32(cols[colNameOff]), u32(cols[colTagOff]), u32(cols[colRefs])
	c.TitleOff, c.Titles = u32(cols[colTitleOff]), bytesString(cols[colTitles])
	c.IDOff, c.IDs = u32(cols[colIDOff]), bytesString(cols[colIDs])
	var err error
	c.Names, err = splitNames(bytesString(cols[colNameText]), u32(cols[colNameTextOff]))
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

func int64Bytes(v []int64) []byte {
	if len(v) == 0 {
		return []byte{}
	}
	if littleEndian {
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 8*len(v))
	}
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], uint64(x))
	}
	return b
}

func uint32Bytes(v []uint32) []byte {
	if len(v) == 0 {
		return []byte{}
	}
	if littleEndian {
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 4*len(v))
	}
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}

func uint16Bytes(v []uint16) []byte {
	if len(v) == 0 {
		return []byte{}
	}
	if littleEndian {
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 2*len(v))
	}
	b := make([]byte, 2*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint16(b[2*i:], x)
	}
	return b
}

func bytesUint16(b []byte) ([]uint16, error) {
	if len(b)%2 != 0 {
		return nil, fmt.Errorf("%d bytes is no whole number of integers", len(b))
	}
	if len(b) == 0 {
		return nil, nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%2 == 0 {
		return unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/2), nil
	}
	v := make([]uint16, len(b)/2)
	for i := range v {
		v[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return v, nil
}

func int8Bytes(v []int8) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), len(v))
}

func flagBytes(v []timeline.MarkFlags) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), len(v))
}

func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func bytesInt64(b []byte) ([]int64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("%d bytes is no whole number of integers", len(b))
	}
	if len(b) == 0 {
		return nil, nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 == 0 {
		return unsafe.Slice((*int64)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/8), nil
	}
	v := make([]int64, len(b)/8)
	for i := range v {
		v[i] = int64(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v, nil
}

func bytesUint32(b []byte) ([]uint32, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("%d bytes is no whole number of integers", len(b))
	}
	if len(b) == 0 {
		return nil, nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4), nil
	}
	v := make([]uint32, len(b)/4)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return v, nil
}

func bytesInt8(b []byte) []int8 {
	return unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(b))), len(b))
}

func bytesFlags(b []byte) []timeline.MarkFlags {
	return unsafe.Slice((*timeline.MarkFlags)(unsafe.Pointer(unsafe.SliceData(b))), len(b))
}

func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
