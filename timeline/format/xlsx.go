package format

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/chronoscope/chronoscope/timeline"
)

// Excel workbooks (.xlsx) are read and written with github.com/xuri/excelize/v2: the
// format is a zip of XML parts with shared strings, styles and merged ranges, which no
// hand-written reader would follow as well.
//
// Reading takes the first sheet, or Options.Sheet. The header is the first row with two
// cells or more, so a title row above the table (often one merged cell) is passed over;
// a header cell merged across columns names each of them, and a cell merged down across
// rows (a date written once for the events of a day) gives its value to each row. A date
// cell (a number in a date format) is read as the day it shows, at the precision its
// format shows (a day, a month, a year; a time when the format has one). Then the sheet
// is read as a CSV file is: the native columns, or mapped ones.
//
// Writing gives one sheet, Events, with the native CSV's columns (one row per event, dates
// as EDTF text, so that 44 BC and 2023-09-05~ survive), plus a real date cell beside each
// date that is an exact day or instant ("start date", "end date"), for sorting and
// formulas; reading a native workbook leaves those out again, so native -> xlsx -> native
// loses nothing. The case's name and description are the workbook's title and
// description.

// xlsxDateColumns are the date cells the writer adds beside the EDTF dates.
var xlsxDateColumns = map[string]bool{"start date": true, "end date": true}

// maxXLSX bounds the unpacked size of a workbook Chronoscope reads.
const maxXLSX = 1 << 30

// XLSX is an Excel workbook.
const XLSX Format = "xlsx"

func readXLSX(r io.Reader, s *sink) (timeline.CaseInfo, error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: maxXLSX})
	if err != nil {
		return timeline.CaseInfo{}, s.errAt(0, "", "not an Excel workbook Chronoscope can read (%v)", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := s.opt.Sheet
	if sheet == "" && len(sheets) > 0 {
		sheet = sheets[0]
	}
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 || sheet == "" {
		return timeline.CaseInfo{}, s.errAt(0, "", "the workbook has no sheet %q (it has %s)", sheet, strings.Join(sheets, ", "))
	}
	rows, err := xlsxRows(f, sheet)
	if err != nil {
		return timeline.CaseInfo{}, s.errAt(0, "", "sheet %q: %v", sheet, err)
	}
	var info timeline.CaseInfo
	if p, err := f.GetDocProps(); err == nil {
		info = timeline.CaseInfo{Name: p.Title, Description: p.Description}
	}
	t := &table{s: s, r: rows, sheet: sheet, sheets: sheets}
	if err := t.readHeader(); err != nil {
		s.layout = &Layout{Sheet: sheet, Sheets: sheets} // so that another sheet can be chosen
		return info, s.errAt(0, "", "sheet %q holds no table (a row of two cells or more names the columns)", sheet)
	}
	if slicesHas(t.keys, "title") && slicesHas(t.keys, "start") {
		for i, h := range t.header {
			if xlsxDateColumns[strings.ToLower(h)] {
				t.keys[i] = skipKey
			}
		}
	}
	if _, err := readRows(t, s); err != nil {
		return info, err
	}
	return info, nil
}

func slicesHas(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// sheetRows hands a sheet's rows to a table, as encoding/csv would: the header first,
// every row as wide as the widest, empty rows left out, each row's line its row number.
type sheetRows struct {
	rows  [][]string
	lines []int
	next  int
}

func (r *sheetRows) Read() ([]string, error) {
	if r.next >= len(r.rows) {
		return nil, io.EOF
	}
	r.next++
	return r.rows[r.next-1], nil
}

func (r *sheetRows) FieldPos(int) (int, int) {
	if r.next == 0 {
		return 1, 1
	}
	return r.lines[r.next-1], 1
}

// xlsxRows reads the rows of a sheet: merged ranges filled, date cells as dates, the
// rows above the header left out.
func xlsxRows(f *excelize.File, sheet string) (*sheetRows, error) {
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	dates := newDateStyles(f, sheet)
	width := 0
	for r, row := range raw {
		for c, v := range row {
			if v != "" {
				if d, ok := dates.cell(c, r, v); ok {
					row[c] = d
				}
			}
		}
		width = max(width, len(row))
	}
	filled := make([]int, len(raw)) // the cells written in each row, before merged ranges are filled
	for r, row := range raw {
		for _, v := range row {
			if strings.TrimSpace(v) != "" {
				filled[r]++
			}
		}
	}
	if err := fillMerged(f, sheet, raw); err != nil {
		return nil, err
	}
	out := &sheetRows{}
	header := false
	for r, row := range raw {
		if (!header && filled[r] < 2) || rowEmpty(row) {
			continue // an empty row, or a title above the header
		}
		header = true
		cells := make([]string, width)
		copy(cells, row)
		out.rows, out.lines = append(out.rows, cells), append(out.lines, r+1)
	}
	return out, nil
}

func rowEmpty(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// fillMerged gives the value of each merged range's first cell to all its cells.
func fillMerged(f *excelize.File, sheet string, rows [][]string) error {
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return err
	}
	for _, m := range merged {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r0 > len(rows) {
			continue
		}
		v := ""
		if c0-1 < len(rows[r0-1]) {
			v = rows[r0-1][c0-1]
		}
		for r := r0; r <= min(r1, len(rows)); r++ {
			for c := c0; c <= c1; c++ {
				for len(rows[r-1]) < c {
					rows[r-1] = append(rows[r-1], "")
				}
				if rows[r-1][c-1] == "" {
					rows[r-1][c-1] = v
				}
			}
		}
	}
	return nil
}

// dateStyles tells the date cells of a sheet by their number format, a style at a time.
type dateStyles struct {
	f      *excelize.File
	sheet  string
	styles map[int]timeline.Precision // PrecisionNone: the style shows no date
	// shift is added to a day number for timeline.SerialDate: 1462 in a workbook on the
	// 1904 date system (day 0 is 1 January 1904), else 0
	shift float64
}

func newDateStyles(f *excelize.File, sheet string) *dateStyles {
	d := &dateStyles{f: f, sheet: sheet, styles: map[int]timeline.Precision{}}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil && *p.Date1904 {
		d.shift = 1462
	}
	return d
}

// cell returns the EDTF of the cell at column c, row r (from 0) holding raw value v,
// when it is a date cell.
func (d *dateStyles) cell(c, r int, v string) (string, bool) {
	serial, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return "", false
	}
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return "", false
	}
	id, err := d.f.GetCellStyle(d.sheet, name)
	if err != nil {
		return "", false
	}
	p, seen := d.styles[id]
	if !seen {
		p = d.precisionOf(id)
		d.styles[id] = p
	}
	if p == timeline.PrecisionNone {
		return "", false
	}
	date, err := timeline.SerialDate(serial + d.shift)
	if err != nil {
		return "", false
	}
	text := date.Text
	switch p {
	case timeline.PrecisionYear:
		text = text[:strings.Index(text[1:], "-")+1]
	case timeline.PrecisionMonth:
		text = text[:7]
	case timeline.PrecisionDay:
		text = text[:10]
	}
	return text, true
}

// precisionOf is how finely the number format of style id shows a date.
func (d *dateStyles) precisionOf(id int) timeline.Precision {
	st, err := d.f.GetStyle(id)
	if err != nil || st == nil {
		return timeline.PrecisionNone
	}
	if st.CustomNumFmt != nil {
		return formatPrecision(*st.CustomNumFmt)
	}
	switch n := st.NumFmt; {
	case n >= 14 && n <= 17, n >= 27 && n <= 31, n >= 34 && n <= 36, n >= 50 && n <= 58:
		return map[bool]timeline.Precision{true: timeline.PrecisionMonth, false: timeline.PrecisionDay}[n == 17]
	case n == 22:
		return timeline.PrecisionSecond
	}
	return timeline.PrecisionNone
}

// formatQuoted are the parts of a number format that show text, not a date part.
var formatQuoted = regexp.MustCompile(`"[^"]*"|\\.|\[[^\]]*\]|_.|\*.`)

// formatPrecision is how finely a custom number format ("dd/mm/yyyy", "mmm yyyy",
// "yyyy-mm-dd hh:mm") shows a date: none for a format with no day, month or year.
func formatPrecision(code string) timeline.Precision {
	c := strings.ToLower(formatQuoted.ReplaceAllString(code, ""))
	switch {
	case strings.Contains(c, "h") || strings.Contains(c, "s"):
		if strings.ContainsAny(c, "yd") {
			return timeline.PrecisionSecond
		}
		return timeline.PrecisionNone // a time of day alone, or a duration
	case strings.Contains(c, "d"):
		return timeline.PrecisionDay
	case strings.Contains(c, "y") && strings.Contains(c, "m"):
		return timeline.PrecisionMonth
	case strings.Contains(c, "y"):
		return timeline.PrecisionYear
	}
	return timeline.PrecisionNone
}

// writeXLSX writes doc as a workbook of one sheet, Events, as the package's comment
// says.
func writeXLSX(w io.Writer, doc Document) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Events"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: doc.Info.Name, Description: doc.Info.Description,
		Creator: "Chronoscope"}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	day, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	instant, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm:ss")})
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	ns := newNativeSheet(doc)
	header := append(ns.header, "start date", "end date")
	for i, h := range header {
		width := map[string]float64{"id": 14, "title": 40, "description": 50, "start": 13, "end": 13, "start date": 12,
			"end date": 12}[h]
		if width == 0 {
			width = 16
		}
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells, excelize.RowOpts{Height: 18}); err != nil {
		return err
	}
	row := make([]string, 0, len(header))
	for n, e := range doc.Events {
		row = ns.row(row, e)
		for i, v := range row {
			cells[i] = xlsxCell(v, i < len(ns.number) && ns.number[i])
		}
		cells[len(row)] = dateCell(e.Start, day, instant)
		cells[len(row)+1] = dateCell(e.End, day, instant)
		name, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(name, cells); err != nil {
			return fmt.Errorf("export event %q: %w", e.Title, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

func ptr(s string) *string { return &s }

// xlsxCell is a cell's value as the workbook holds it: a number column's number as a
// number, everything else as text (never a formula).
func xlsxCell(v string, number bool) any {
	if number && v != "" {
		if f, err := strconv.ParseFloat(v, 64); err == nil && strconv.FormatFloat(f, 'f', -1, 64) == v {
			return f
		}
	}
	return v
}

// dateCell is the real date beside an EDTF date: a day or an instant when d is one
// exactly, in the years a spreadsheet can show (1900 to 9999), else empty.
func dateCell(d timeline.Date, day, instant int) any {
	if d.IsZero() || d.Fuzzy() || d.Precision < timeline.PrecisionDay {
		return nil
	}
	t := d.Time()
	if t.Year() < 1900 || t.Year() > 9999 {
		return nil
	}
	style := day
	if d.Precision > timeline.PrecisionDay {
		style = instant
	}
	return excelize.Cell{StyleID: style, Value: t}
}
