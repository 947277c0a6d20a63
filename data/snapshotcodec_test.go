package data

import (
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestSnapshotCodec: columns cut into many parts, and the copying path of a big-endian
// machine or of unaligned bytes, give the same marks.
func TestSnapshotCodec(t *testing.T) {
	narrow := timeline.Synthetic(3000, 5)
	wide := timeline.NewMarksBuilder(0)
	for i, mk := range timeline.Synthetic(300, 6).All() {
		if i == 7 {
			mk.Span, mk.EndLo, mk.EndHi = true, mk.StartLo+200*365*86400, mk.StartLo+201*365*86400 // two centuries
		}
		wide.Append(int64(i)<<40, &mk) // row ids past 32 bits
	}
	for _, tt := range []struct {
		name   string
		m      *timeline.Marks
		part   int
		little bool
	}{{"one part a column", narrow, 1 << 28, true}, {"parts of 1000 bytes", narrow, 1000, true},
		{"big-endian", narrow, 4096, false}, {"wide row ids", wide.Build(), 1 << 28, true}} {
		m := tt.m
		oldPart, oldLE := maxPart, littleEndian
		maxPart, littleEndian = tt.part, tt.little
		parts := encodeSnapshot(m)
		copied := make([][]byte, len(parts))
		for i, p := range parts {
			copied[i] = append([]byte(nil), p...)
		}
		got, err := decodeSnapshot(copied)
		maxPart, littleEndian = oldPart, oldLE
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(parts) <= ncols && tt.part < 1<<20 {
			t.Errorf("%s: %d parts, want columns cut", tt.name, len(parts))
		}
		sameMarks(t, tt.name, got, m)
	}
	b := make([]byte, 17)
	for i := range b {
		b[i] = byte(i)
	}
	var err error
	keep := func(e error) { err = e }
	v := column[int64](b[1:], keep) // not on an 8-byte boundary
	if err != nil || len(v) != 2 || v[0] != 0x0807060504030201 {
		t.Errorf("unaligned integers: %x, %v", v, err)
	}
	if d := column[int32]([]byte{0xff, 0xff, 0xff, 0xff}, keep); len(d) != 1 || d[0] != -1 {
		t.Errorf("a negative 32-bit value read as %v", d)
	}
	if column[int64](b[:7], keep); err == nil {
		t.Error("7 bytes read as integers")
	}
}
