package format

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// The keys a mapped column is given in place of its header's, so that the native
// reader keeps it as an attribute named by its header, or leaves it out. Neither can be
// a header's key (headerKey keeps no NUL).
const (
	attrKey = "\x00attr"
	skipKey = "\x00skip"
)

// mapColumns settles how the table's columns are read, before the first row is: as the
// native CSV's when the header names title and start and opt chooses no role, else by
// the roles of guessLayout. Either way the first rows are looked at to settle the order
// of numeric dates, and the layout is kept for Document.Layout. A spreadsheet not
// Chronoscope's own keeps its cells as they are (no apostrophe is taken off), names a
// column with no header "column N" and a second column of the same name "Name (2)", and
// reads a number of five digits in a date column as an Excel serial day.
func (t *table) mapColumns(opt Options) error {
	sr := &sampled{inner: t.r}
	sr.fill(sampleRows)
	rows, lines := sr.rows, sr.lines
	t.r = sr
	keys := map[string]bool{}
	for _, k := range t.keys {
		keys[k] = true
	}
	var l Layout
	if keys["title"] && keys["start"] && !mapsAny(opt.Map, t.header) {
		l = Layout{Native: true, Columns: make([]Column, len(t.header))}
		for i, h := range t.header {
			sample := column(rows, i)
			l.Columns[i] = Column{Header: h, Role: nativeRole(t.keys[i]), By: "header", Sample: sample[:min(5, len(sample))]}
		}
	} else {
		t.plain = false
		t.dates.Serial = true
		t.nameColumns()
		l = guessLayout(t.header, rows, opt)
		if err := l.chosenTaken(opt.Map); err != nil && opt.MapExact {
			t.s.layout = &l
			return t.s.errAt(1, "", "%v", err)
		}
		if missing, err := l.complete(); err != nil {
			t.s.layout = &l
			return t.s.errAt(1, missing, "%v", err)
		}
		for i, c := range l.Columns {
			switch c.Role {
			case RoleAttr:
				t.keys[i] = attrKey
			case RoleSkip:
				t.keys[i] = skipKey
			default:
				t.keys[i] = string(c.Role)
			}
		}
	}
	if err := l.settleOrder(rows, lines, opt.Order); err != nil {
		return t.s.errAt(0, "", "%v", err)
	}
	t.dates.Order = l.Order
	if l.Order == timeline.OrderUnknown {
		t.dates.Order = timeline.DayMonthYear // a later 09/13/2023 is refused, not read the other way
	}
	if l.OrderBy != "chosen" {
		t.orderHint = "the first rows did not settle the order of numeric dates and they were read day first: choose month-day-year"
		if l.OrderBy == "the dates" {
			t.orderHint = "the first rows' dates are " + l.Order.Words() + ": choose the order if they are not"
		}
	}
	l.Sheet, l.Sheets, l.Encoding, l.Comma = t.sheet, t.sheets, t.encoding, rune(t.comma)
	t.s.layout = &l
	return nil
}

// list reads the names in column i: separated by ";" (as Chronoscope writes them), or
// in a spreadsheet not Chronoscope's own that has no ";" in the cell, by ",".
func (t *table) list(i int) []string {
	v := t.cell(i)
	if !t.plain && !strings.Contains(v, ";") && strings.Contains(v, ",") {
		v = strings.ReplaceAll(strings.ReplaceAll(v, "\\", "\\\\"), ",", ";")
	}
	return splitList(v)
}

// complete reports which of title and start no column holds (missing is the first).
func (l *Layout) complete() (missing string, err error) {
	var lack []string
	for _, need := range []Role{"title", "start"} {
		found := false
		for _, c := range l.Columns {
			found = found || c.Role == need
		}
		if !found {
			lack = append(lack, string(need))
		}
	}
	if len(lack) == 0 {
		return "", nil
	}
	headers := make([]string, len(l.Columns))
	example := "HEADER"
	for i, c := range l.Columns {
		headers[i] = c.Header
		if c.Role == RoleAttr && example == "HEADER" {
			example = c.Header
		}
	}
	return lack[0], fmt.Errorf("no column was found for the %s (the columns are %s): say which holds it, such as --map %s=%s, or choose it in the import preview",
		strings.Join(lack, " and the "), strings.Join(headers, ", "), lack[0], example)
}

// nativeRole is the role of a native header key: its own name, or the attribute.
func nativeRole(k string) Role {
	switch k {
	case "latitude":
		return "lat"
	case "longitude", "lng":
		return "lon"
	}
	if validRole(Role(k)) {
		return Role(k)
	}
	if _, _, ok := sourceHeader(k); ok {
		return Role(k)
	}
	return RoleAttr
}

// nameColumns names each column with no header "column N" and each repeated header
// "Header (2)", so that every column of a spreadsheet has a name of its own.
func (t *table) nameColumns() {
	seen := map[string]int{}
	for i, h := range t.header {
		if h == "" {
			h = fmt.Sprintf("column %d", i+1)
		}
		key := strings.ToLower(h)
		seen[key]++
		if n := seen[key]; n > 1 {
			h = fmt.Sprintf("%s (%d)", h, n)
			seen[strings.ToLower(h)]++
		}
		t.header[i], t.raw[i] = h, h
	}
}

// sampled reads rows ahead of the table to guess from, and then hands them over first.
type sampled struct {
	inner records
	rows  [][]string // copies of the rows read ahead
	lines []int      // the line each starts on
	next  int        // the next row to hand over
	line  int        // the line of the row handed over last, -1 once reading on
	err   error      // what ended the reading ahead (io.EOF at the end), handed over after the rows
}

// maxSample bounds the bytes of the rows read ahead.
const maxSample = 4 << 20

// fill reads up to n rows ahead, and fewer when they are large. The end of the file or
// an error ends it and is handed over after the rows, on its own line.
func (s *sampled) fill(n int) {
	size := 0
	for len(s.rows) < n && size < maxSample {
		rec, err := s.inner.Read()
		if err != nil {
			s.err = err
			return
		}
		row := make([]string, len(rec))
		for i, v := range rec {
			row[i] = strings.Clone(v)
			size += len(v)
		}
		line, _ := s.inner.FieldPos(0)
		s.rows, s.lines = append(s.rows, row), append(s.lines, line)
	}
}

// Read hands over the rows read ahead, then reads on.
func (s *sampled) Read() ([]string, error) {
	if s.next < len(s.rows) {
		row := s.rows[s.next]
		s.line = s.lines[s.next]
		s.next++
		if s.next == len(s.rows) {
			s.rows, s.lines, s.next = nil, nil, 0 // keep no copy once handed over
		}
		return row, nil
	}
	if s.err != nil {
		return nil, s.err
	}
	s.line = -1
	return s.inner.Read()
}

// FieldPos gives the line of the row handed over last.
func (s *sampled) FieldPos(field int) (int, int) {
	if s.line >= 0 {
		return s.line, 1
	}
	return s.inner.FieldPos(field)
}

// sniffComma is the byte that separates the cells of a CSV file, from its first line
// (head is its start): a comma, unless the line has more semicolons (a spreadsheet
// saved where the comma is the decimal mark: French, German, Spanish, Russian) or tabs
// outside quotes.
func sniffComma(head []byte) byte {
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			return mostOf(counts)
		case c == ',' || c == ';' || c == '\t':
			counts[c]++
		}
	}
	return mostOf(counts)
}

func mostOf(counts map[byte]int) byte {
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// wholeRunes is b without a UTF-8 character cut off at its end.
func wholeRunes(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && i < len(b); i++ {
		if utf8.RuneStart(b[len(b)-1-i]) {
			if !utf8.FullRune(b[len(b)-1-i:]) {
				return b[:len(b)-1-i]
			}
			break
		}
	}
	return b
}

// mapsAny reports whether m chooses a role for any of the headers: a mapping kept from
// another file that names none of them leaves a file of Chronoscope's own columns read as
// its own.
func mapsAny(m map[string]Role, headers []string) bool {
	for _, h := range headers {
		if _, ok := m[strings.ToLower(strings.TrimSpace(h))]; ok {
			return true
		}
	}
	return false
}
