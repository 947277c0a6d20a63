package format

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/chronoscope/chronoscope/timeline"
)

// table reads a CSV file with a header row, for the native, TimelineJS sheet and ACLED
// formats. It accepts a UTF-8 byte order mark, CRLF or LF line ends, and quoted fields
// with commas, quotes and line breaks. Every row must have as many cells as the header:
// a row with fewer (a file cut off in the middle of a row) or more is an error. A cell over
// timeline.MaxFieldBytes, a row over timeline.MaxRecordBytes and a header of more than
// MaxColumns are errors found as the file is read (see csvGuard), so a file of any
// content is read in bounded memory.
type table struct {
	s      *sink
	r      records
	header []string // as written, trimmed
	raw    []string // as written
	keys   []string // lower case, spaces and dashes as underscores
	rec    []string
	line   int  // line of the file where the current record starts
	plain  bool // cells are read back with plainCell (the formats Chronoscope writes)
	// dates reads the date cells: the order of numeric dates, Excel serial days in a
	// spreadsheet not Chronoscope's own (see mapColumns).
	dates     timeline.ReadOptions
	orderHint string   // said after a date the assumed order cannot read
	encoding  string   // the text's encoding when it is not UTF-8
	comma     byte     // the byte between cells
	sheet     string   // the sheet of a workbook being read
	sheets    []string // every sheet of the workbook
}

// records are the rows of a table, as encoding/csv reads them: FieldPos gives the line
// a cell of the row last read starts on.
type records interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// openTable reads the header. An empty file is an error on line 1.
func openTable(r io.Reader, s *sink) (*table, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3)
	}
	head, _ := br.Peek(64 << 10)
	var text io.Reader = br
	encoding := ""
	if !utf8.Valid(wholeRunes(head)) {
		// Not UTF-8: a spreadsheet saved as CSV on Windows, in its Western code page.
		text, encoding = charmap.Windows1252.NewDecoder().Reader(br), "Windows-1252"
	}
	comma := sniffComma(head)
	// encoding/csv uses a *bufio.Reader it is given as it is.
	cr := csv.NewReader(bufio.NewReaderSize(newCSVGuard(text, comma), 64<<10))
	cr.Comma = rune(comma)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &table{s: s, r: cr, encoding: encoding, comma: comma}
	return t, t.readHeader()
}

// readHeader reads the first record as the header. An empty file is an error on line 1.
func (t *table) readHeader() error {
	s := t.s
	rec, err := t.r.Read()
	if err == io.EOF {
		return s.errAt(1, "", "the file is empty; the first line should name the columns")
	}
	if err != nil {
		return t.csvError(err)
	}
	t.line, _ = t.r.FieldPos(0)
	t.header = make([]string, len(rec))
	t.raw = make([]string, len(rec))
	t.keys = make([]string, len(rec))
	for i, h := range rec {
		t.raw[i] = strings.Clone(h)
		t.header[i] = strings.TrimSpace(t.raw[i])
		t.keys[i] = headerKey(h)
	}
	return nil
}

// headerKey is how a header name is matched: case-insensitive, with spaces and dashes
// read as underscores ("Source URL" is source_url).
func headerKey(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, h)
}

// next reads the next record; it reports false at the end of the file.
func (t *table) next() (bool, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, t.csvError(err)
	}
	t.rec = rec
	t.line, _ = t.r.FieldPos(0)
	switch {
	case len(rec) < len(t.header):
		return false, t.s.errAt(t.line, t.column(len(rec)), "the row has %d cells but the header names %d columns; "+
			"a row cut short (is the file cut off?) is not read", len(rec), len(t.header))
	case len(rec) > len(t.header):
		return false, t.s.errAt(t.line, t.column(len(t.header)), "the row has %d cells but the header names %d columns", len(rec), len(t.header))
	}
	return true, nil
}

// cell returns the current record's cell in column i, or "" when i is -1.
func (t *table) cell(i int) string {
	if i < 0 || i >= len(t.rec) {
		return ""
	}
	if t.plain {
		return plainCell(t.rec[i])
	}
	return t.rec[i]
}

// column names cell i (from 0) of a row in errors: its header, or its number when the
// header has none.
func (t *table) column(i int) string {
	if n := t.name(i); n != "" {
		return n
	}
	return fmt.Sprint(i + 1)
}

// name is the header of column i as the user wrote it.
func (t *table) name(i int) string {
	if i < 0 || i >= len(t.header) {
		return ""
	}
	return t.header[i]
}

// csvError turns an encoding/csv error into a *ParseError at the line it names.
func (t *table) csvError(err error) error {
	var le *csvLimitError
	if errors.As(err, &le) {
		return t.s.errAt(le.line, t.column(le.cell), "%s", le.msg)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			msg += fmt.Sprintf(" (character %d; a quote inside a cell is written twice, and the cell quoted)", pe.Column)
		}
		line := pe.Line
		if pe.StartLine > 0 && pe.StartLine != pe.Line {
			msg += fmt.Sprintf(" (the cell began on line %d)", pe.StartLine)
		}
		return t.s.errAt(line, "", "%s", msg)
	}
	return t.s.errAt(t.line, "", "%v", err)
}

// duplicate is the error for a header column i that means the same as an earlier one.
func (t *table) duplicate(i int, what string) error {
	return t.s.errAt(1, t.name(i), "the header has two %s columns", what)
}

// date reads the date in column i (timeline.ReadDate, in the table's order); an empty
// cell is no date. A cell may hold a span ("1-5 Sep 2023"), whose end is returned too.
func (t *table) date(i int) (timeline.Reading, error) {
	v := t.cell(i)
	if v == "" {
		return timeline.Reading{}, nil
	}
	if d, err := timeline.ParseDate(v); err == nil {
		return timeline.Reading{Start: d}, nil // EDTF, as nearly every cell of a large import
	}
	r, err := timeline.ReadDate(v, t.dates)
	if err != nil {
		if strings.TrimSpace(v) == "" {
			return timeline.Reading{}, nil
		}
		msg := err.Error()
		if t.orderHint != "" && strings.Contains(msg, "(the dates are read") {
			msg += "; " + t.orderHint
		}
		return r, t.s.errAt(t.line, t.name(i), "%s", msg)
	}
	return r, nil
}

// span reads the start and end columns: a start cell that holds a span gives the end
// when the end cell is empty.
func (t *table) span(start, end int) (from, to timeline.Date, err error) {
	s, err := t.date(start)
	if err != nil {
		return from, to, err
	}
	e, err := t.date(end)
	if err != nil {
		return from, to, err
	}
	from, to = s.Start, e.Start
	switch {
	case !e.End.IsZero():
		return from, to, t.s.errAt(t.line, t.name(end), "%q is a span; the end is one date", t.cell(end))
	case !s.End.IsZero() && !e.Start.IsZero():
		return from, to, t.s.errAt(t.line, t.name(end), "the start %q is already a span, and the end column gives %q too",
			t.cell(start), t.cell(end))
	case !s.End.IsZero():
		to = s.End
	}
	return from, to, nil
}

func (t *table) float(i int) (*float64, error) {
	v := strings.TrimSpace(t.cell(i))
	if v == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return nil, t.s.errAt(t.line, t.name(i), "%q is not a number", v)
	}
	return &f, nil
}

func (t *table) int(i int, want string) (int, error) {
	v := strings.TrimSpace(t.cell(i))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, t.s.errAt(t.line, t.name(i), "%q is not %s", v, want)
	}
	return n, nil
}

func (t *table) time(i int) (time.Time, error) {
	v := strings.TrimSpace(t.cell(i))
	if v == "" {
		return time.Time{}, nil
	}
	tm, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return tm, t.s.errAt(t.line, t.name(i), "%q is not a time such as 2023-09-13T14:05:00Z", v)
	}
	return tm, nil
}
