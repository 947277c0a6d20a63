package format

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// endless is a file of head followed by fill repeated up to size bytes in all, counting
// how much of it was read.
type endless struct {
	head []byte
	fill []byte
	size int64
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.read >= e.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && e.read < e.size {
		if e.read < int64(len(e.head)) {
			c := copy(p[n:], e.head[e.read:])
			n += c
			e.read += int64(c)
			continue
		}
		off := (e.read - int64(len(e.head))) % int64(len(e.fill))
		c := copy(p[n:], e.fill[off:])
		c = int(min(int64(c), e.size-e.read))
		n += c
		e.read += int64(c)
	}
	return n, nil
}

// slack is how far past a limit a reader may read ahead: its buffers.
const slack = 256 << 10

func TestCSVLimits(t *testing.T) {
	const big = 1 << 30 // each file would be 1 GiB, were it read whole
	row := func(cells int, cell string) string {
		return strings.TrimSuffix(strings.Repeat(cell+",", cells), ",")
	}
	header17 := row(15, "x") + ",title,start\n"
	tests := []struct {
		name       string
		file       *endless
		line       int
		column     string
		msg        string
		atMostRead int64
	}{
		{"a header line of commas", &endless{fill: []byte(","), size: big}, 1, "65537", "more than 65536 columns", MaxColumns + slack},
		{"a row line of commas", &endless{head: []byte("title,start\nA,2023\n"), fill: []byte(","), size: big}, 3, "3",
			"more cells than the header's 2 columns", slack},
		{"an endless cell", &endless{head: []byte("title,start\nA,2023\nB,"), fill: []byte("2"), size: big}, 3, "start",
			"more than 1048576 bytes (1 MiB)", timeline.MaxFieldBytes + slack},
		{"an endless quoted cell over lines", &endless{head: []byte("title,start\nA,2023\n\"B\n\"\"x\"\"\n,"), fill: []byte("\"\"\r\n"),
			size: big}, 3, "title", "more than 1048576 bytes", 2*timeline.MaxFieldBytes + slack},
		{"an endless header cell", &endless{head: []byte("title,"), fill: []byte("s"), size: big}, 1, "2", "1 MiB", timeline.MaxFieldBytes + slack},
		{"a row of 17 cells of 1 MiB", &endless{head: []byte(header17), fill: []byte(strings.Repeat("y", timeline.MaxFieldBytes-1) + ","),
			size: big}, 2, "start", "more than 16777216 bytes (16 MiB)", timeline.MaxRecordBytes + slack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Read(tt.file, "bomb.csv", CSV)
			runtime.ReadMemStats(&after)
			wantParseError(t, err, "bomb.csv", tt.line, tt.column, tt.msg)
			if tt.file.read > tt.atMostRead {
				t.Errorf("read %d bytes of the file before refusing it, want at most %d", tt.file.read, tt.atMostRead)
			}
			// encoding/csv holds one record at most: a few times the record limit, never the file.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*uint64(tt.atMostRead)+(64<<20) {
				t.Errorf("allocated %d MiB to refuse the file", alloc>>20)
			}
		})
	}
}

func TestCSVAtTheLimits(t *testing.T) {
	// A cell of exactly 1 MiB, all of it quotes written twice, is read.
	desc := strings.Repeat(`"`, timeline.MaxFieldBytes)
	doc := Document{Events: []timeline.Event{{ID: "a", Title: "Quotes", Start: timeline.MustParseDate("2023"),
		Description: desc, Importance: 3}}}
	got := roundTrip(t, CSV, doc)
	if got.Events[0].Description != desc {
		t.Errorf("a description of 1 MiB of quotes did not survive")
	}
	// So is a row of 1 MiB cells, up to what an event may hold.
	e := doc.Events[0]
	for i := 0; i < 6; i++ {
		e.Sources = append(e.Sources, timeline.Source{Title: "s", Quote: strings.Repeat("q", timeline.MaxFieldBytes)})
	}
	e.Description = strings.Repeat("d", timeline.MaxFieldBytes)
	doc.Events[0] = e
	sameEvents(t, doc.Events, roundTrip(t, CSV, doc).Events)
}

func TestCSVLimitAfterGoodRows(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("title,start,description\nA,2023,\"two\nlines\"\n\"B\nb\",2024,")
	b.WriteString(strings.Repeat("d", timeline.MaxFieldBytes+1))
	b.WriteString("\nC,2025,x\n")
	_, err := Read(&b, "e.csv", CSV)
	wantParseError(t, err, "e.csv", 4, "description", "1 MiB")
}

// The TimelineJS sheet and ACLED are read by the same table: the same limits and rules on
// cells apply, with their own column names.
func TestSheetAndACLEDRowsAreChecked(t *testing.T) {
	long := strings.Repeat("x", timeline.MaxFieldBytes+1)
	tests := []struct {
		name, in     string
		f            Format
		line         int
		column, want string
	}{
		{"sheet row cut off", "Year,Headline,Text\n2023,A,x\n2024,B", TimelineJSCSV, 3, "Text", "cut off"},
		{"sheet row too long", "Year,Headline\n2023,A,x\n", TimelineJSCSV, 2, "3", "more cells than the header's 2 columns"},
		{"sheet cell over 1 MiB", "Year,Headline,Text\n2023,A," + long + "\n", TimelineJSCSV, 2, "Text", "1 MiB"},
		{"sheet NUL", "Year,Headline\n2023,A\x00\n", TimelineJSCSV, 2, "Headline", "NUL"},
		{"ACLED row cut off", "event_id_cnty,event_date,notes\nX1,2023-01-01,n\nX2,2023-01-02", ACLED, 3, "notes", "cut off"},
		{"ACLED row too long", "event_id_cnty,event_date\nX1,2023-01-01,extra\n", ACLED, 2, "3", "more cells"},
		{"ACLED cell over 1 MiB", "event_id_cnty,event_date,notes\nX1,2023-01-01," + long + "\n", ACLED, 2, "notes", "1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "f.csv", tt.f)
			wantParseError(t, err, "f.csv", tt.line, tt.column, tt.want)
		})
	}
}
