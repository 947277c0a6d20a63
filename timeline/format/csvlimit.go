package format

import (
	"fmt"
	"io"

	"github.com/chronoscope/chronoscope/timeline"
)

// MaxColumns is the most columns a CSV header may name. Every later row must have as many
// cells as the header, no more and no fewer.
const MaxColumns = 1 << 16

// csvGuard sits between a CSV file and encoding/csv, which gathers a whole record before
// handing it over: it follows the quoting of the bytes going through, and stops the file,
// with a *csvLimitError, at the first byte of a cell over timeline.MaxFieldBytes, of a
// record over timeline.MaxRecordBytes, or of a cell beyond the header's (or beyond
// MaxColumns in the header itself). So encoding/csv never holds more than one record of
// bounded size, whatever the file holds.
//
// Sizes are counted as the text will be once read: the quotes around a cell are not
// counted and a doubled quote counts once; a record counts its cells and the commas
// between them.
type csvGuard struct {
	r       io.Reader
	state   csvState
	line    int // line of the file being read, from 1
	recLine int // line the current record began on
	cell    int // cell of the current record, from 0
	cellLen int
	recLen  int
	columns int // cells of the header, once it is read
	err     error
	comma   byte       // the byte between cells: a comma, or a semicolon or tab (sniffComma)
	stops   *[256]bool // unquotedStops, or the same for another comma
}

type csvState uint8

const (
	betweenRecords csvState = iota // before a record: blank lines are skipped
	cellStart
	unquoted
	quoted
	quoteInQuoted // a quote inside a quoted cell: doubled, or the cell's end
)

// csvLimitError says which limit a record broke, where.
type csvLimitError struct {
	line int
	cell int // from 0
	msg  string
}

func (e *csvLimitError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// newCSVGuard guards the reading of r, a CSV file whose cells are separated by comma.
func newCSVGuard(r io.Reader, comma byte) *csvGuard {
	g := &csvGuard{r: r, line: 1, comma: comma, stops: &unquotedStops}
	if comma != ',' {
		var stops [256]bool
		stops[comma], stops['\n'] = true, true
		g.stops = &stops
	}
	return g
}

// Read passes on the bytes of the underlying reader up to the first one past a limit.
func (g *csvGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i := 0; i < n; {
		// The bytes of a cell up to the next one that matters are counted at once.
		if run := g.plainRun(p[i:n]); run > 0 {
			if room := min(timeline.MaxFieldBytes-g.cellLen, timeline.MaxRecordBytes-g.recLen) + 1; run >= room {
				g.cellLen, g.recLen = g.cellLen+room, g.recLen+room
				g.err = g.limitErr()
				return i + room - 1, g.err
			}
			g.cellLen, g.recLen = g.cellLen+run, g.recLen+run
			i += run
			continue
		}
		if g.step(p[i]) {
			g.err = g.limitErr()
			return i, g.err
		}
		i++
	}
	return n, err
}

// plainRun is how many bytes at the start of b only add to the cell being read.
func (g *csvGuard) plainRun(b []byte) int {
	var stop *[256]bool
	switch g.state {
	case unquoted:
		stop = g.stops
	case quoted:
		stop = &quotedStops
	default:
		return 0
	}
	j := 0
	for j < len(b) && !stop[b[j]] {
		j++
	}
	return j
}

// The bytes that end a run of plain bytes in an unquoted and in a quoted cell.
var unquotedStops, quotedStops = [256]bool{',': true, '\n': true}, [256]bool{'"': true, '\n': true}

// step follows one byte and reports whether it breaks a limit.
func (g *csvGuard) step(c byte) bool {
	if g.state == betweenRecords {
		switch c {
		case '\n':
			g.line++
			return false
		case '\r':
			return false
		}
		g.state, g.recLine, g.cell, g.cellLen, g.recLen = cellStart, g.line, 0, 0, 0
	}
	if c == '\n' {
		g.line++ // a record never begins with one: recLine is already set
	}
	switch g.state {
	case cellStart, unquoted:
		switch {
		case c == g.comma:
			return g.nextCell()
		case c == '\n':
			g.endRecord()
			return false
		case c == '"' && g.state == cellStart:
			g.state = quoted
			return false
		}
		g.state = unquoted
	case quoted:
		if c == '"' {
			g.state = quoteInQuoted
			return false
		}
	case quoteInQuoted:
		switch c {
		case '"':
			g.state = quoted
		case g.comma:
			return g.nextCell()
		case '\n':
			g.endRecord()
			return false
		default:
			// A CRLF after the closing quote, or a stray byte encoding/csv will refuse.
			g.state = unquoted
		}
	}
	g.cellLen++
	g.recLen++
	return g.cellLen > timeline.MaxFieldBytes || g.recLen > timeline.MaxRecordBytes
}

func (g *csvGuard) nextCell() bool {
	g.cell++
	g.cellLen = 0
	g.recLen++
	g.state = cellStart
	limit := g.columns
	if limit == 0 {
		limit = MaxColumns
	}
	return g.cell >= limit || g.recLen > timeline.MaxRecordBytes
}

func (g *csvGuard) endRecord() {
	if g.columns == 0 {
		g.columns = g.cell + 1
	}
	g.state = betweenRecords
}

// limitErr says which limit the last byte broke.
func (g *csvGuard) limitErr() *csvLimitError {
	e := &csvLimitError{line: g.recLine, cell: g.cell}
	switch {
	case g.cellLen > timeline.MaxFieldBytes:
		e.msg = fmt.Sprintf("the cell holds more than %d bytes (1 MiB), more than Chronoscope reads in one cell", timeline.MaxFieldBytes)
	case g.recLen > timeline.MaxRecordBytes:
		e.msg = fmt.Sprintf("the row holds more than %d bytes (16 MiB), more than Chronoscope reads in one row", timeline.MaxRecordBytes)
	case g.columns == 0:
		e.msg = fmt.Sprintf("the header names more than %d columns", MaxColumns)
	default:
		e.msg = fmt.Sprintf("the row has more cells than the header's %d columns", g.columns)
	}
	return e
}
