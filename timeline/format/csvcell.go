package format

import (
	"encoding/csv"
	"strings"
)

// The CSV writers make each cell safe and the readers undo it exactly, as the package
// documentation says under "Cells that would run as formulas" and "Carriage returns".

// formulaStart reports whether a spreadsheet would run a cell beginning with c.
func formulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// runsAsFormula reports whether v, past any apostrophes it begins with, begins as a
// formula: the cells the writer puts an apostrophe before.
func runsAsFormula(v string) bool {
	rest := strings.TrimLeft(v, "'")
	return rest != "" && formulaStart(rest[0])
}

// safeCell is text as a CSV writer writes it in a cell: with an apostrophe before it if
// it would run as a formula, and with each CR LF's CR doubled.
func safeCell(v string) string {
	if runsAsFormula(v) {
		v = "'" + v
	}
	return keepCR(v)
}

// keepCR doubles the CR of each CR LF in v, so that encoding/csv reads it back as CR LF.
func keepCR(v string) string {
	if !strings.Contains(v, "\r\n") {
		return v
	}
	return strings.ReplaceAll(v, "\r\n", "\r\r\n")
}

// plainCell is a cell read back: without the apostrophe safeCell added. (encoding/csv
// has already turned CR CR LF back into CR LF.)
func plainCell(c string) string {
	if len(c) > 1 && c[0] == '\'' && runsAsFormula(c[1:]) {
		return c[1:]
	}
	return c
}

// safeWriter writes CSV rows with every cell made safe by safeCell, except the cells of
// the columns marked as numbers, which are only made to keep their CRs.
type safeWriter struct {
	cw     *csv.Writer
	number []bool // by column
	row    []string
}

// write writes one row made safe; the header is written with keepCR only.
func (w *safeWriter) write(cells []string, header bool) error {
	w.row = w.row[:0]
	for i, c := range cells {
		if header || (i < len(w.number) && w.number[i]) {
			w.row = append(w.row, keepCR(c))
		} else {
			w.row = append(w.row, safeCell(c))
		}
	}
	return w.cw.Write(w.row)
}
