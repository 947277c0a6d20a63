package format

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestXLSXRoundTrip writes every kind of event to a workbook and reads it back: nothing
// is lost, the case's name included.
func TestXLSXRoundTrip(t *testing.T) {
	doc := Document{Info: timeline.CaseInfo{Name: "Cas d'étude", Description: "Two lines\nof description"}, Events: richEvents()}
	got := roundTrip(t, XLSX, doc)
	sameEvents(t, doc.Events, got.Events)
	if got.Info != doc.Info {
		t.Errorf("info %+v, want %+v", got.Info, doc.Info)
	}
	if got.Layout == nil || !got.Layout.Native || got.Layout.Sheet != "Events" {
		t.Errorf("layout %+v", got.Layout)
	}
}

// TestXLSXDateCells checks the real date cells the writer puts beside exact dates.
func TestXLSXDateCells(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, XLSX, Document{Events: richEvents()}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Events")
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return -1
	}
	start, startDate, endDate := col("start"), col("start date"), col("end date")
	cell := func(r, c int) string {
		if c < len(rows[r]) {
			return rows[r][c]
		}
		return ""
	}
	// ev-1 is a span of exact days; ev-2 (44 BC) and ev-4 (about) have no real date.
	if cell(1, start) != "2023-09-13" || cell(1, startDate) != "2023-09-13" || cell(1, endDate) != "2023-09-17" {
		t.Errorf("ev-1: %q %q %q", cell(1, start), cell(1, startDate), cell(1, endDate))
	}
	if cell(2, start) != "-0043-03-15" || cell(2, startDate) != "" || cell(4, startDate) != "" {
		t.Errorf("44 BC or about: %q %q %q", cell(2, start), cell(2, startDate), cell(4, startDate))
	}
	name, _ := excelize.CoordinatesToCellName(startDate+1, 2)
	if typ, _ := f.GetCellType("Events", name); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("the start date cell is text (%v), not a date", typ)
	}
}

// handWorkbook is a workbook as an analyst makes one: a merged title row, French
// headers, date cells in several formats, dates typed as text, a date merged down over
// two events of the same day, a notes column, a column Chronoscope has no field for.
func handWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "Chronologie"
	f.SetSheetName("Sheet1", sh)
	f.NewSheet("Brouillon")
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "Chronologie du sommet")
	f.MergeCell(sh, "A1", "E1")
	for i, h := range []string{"Date", "Événement", "Remarques", "Qui", "Analyste"} {
		name, _ := excelize.CoordinatesToCellName(i+1, 2)
		set(name, h)
	}
	dmy, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy")})
	month, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("mmmm yyyy")})
	builtin, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC), "Rencontre Kim-Poutine", "Au cosmodrome", "Kim Jong-un, Vladimir Poutine", "JB"},
		{nil, "Visite de l'usine d'avions", "Le même jour", "Kim Jong-un", "JB"},
		{time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC), "Exercices navals", "Mer du Japon", "", "KL"},
		{"15 mars 44 av. J.-C.", "Assassinat de César", "Aux ides de mars", "Jules César", "KL"},
		{"c. 1950", "Début de la guerre de Corée", "Date approximative", "", ""},
		{time.Date(2023, 9, 5, 0, 0, 0, 0, time.UTC), "Avertissement américain", "Kirby", "John Kirby", "JB"},
	}
	styles := []int{dmy, 0, month, 0, 0, builtin}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+3)
			set(name, v)
			if c == 0 && styles[r] != 0 {
				f.SetCellStyle(sh, name, name, styles[r])
			}
		}
	}
	f.MergeCell(sh, "A3", "A4")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXHandMade reads a workbook typed by hand into events, through the same mapping
// as a CSV file.
func TestXLSXHandMade(t *testing.T) {
	data := handWorkbook(t)
	if f, err := Detect("chronologie.xlsx", data[:min(len(data), 4096)]); err != nil || f != XLSX {
		t.Fatalf("Detect = %q, %v", f, err)
	}
	doc, err := ReadWith(bytes.NewReader(data), "chronologie.xlsx", XLSX, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := doc.Layout
	if l.Sheet != "Chronologie" || len(l.Sheets) != 2 || l.MapText() != "start=Date,title=Événement,description=Remarques,actors=Qui" {
		t.Errorf("layout: sheet %q of %v, %s", l.Sheet, l.Sheets, l.MapText())
	}
	want := []struct{ start, title string }{
		{"2023-09-13", "Rencontre Kim-Poutine"},
		{"2023-09-13", "Visite de l'usine d'avions"}, // the merged date
		{"2023-09", "Exercices navals"},              // a month format shows a month
		{"-0043-03-15", "Assassinat de César"},
		{"1950~", "Début de la guerre de Corée"},
		{"2023-09-05", "Avertissement américain"},
	}
	if len(doc.Events) != len(want) {
		t.Fatalf("%d events: %+v", len(doc.Events), doc.Events)
	}
	for i, w := range want {
		if e := doc.Events[i]; e.Start.Text != w.start || e.Title != w.title {
			t.Errorf("event %d = %q %q, want %q %q", i, e.Start.Text, e.Title, w.start, w.title)
		}
	}
	if e := doc.Events[0]; len(e.Actors) != 2 || e.Attrs["Analyste"] != "JB" || e.Description != "Au cosmodrome" {
		t.Errorf("first event: %+v", e)
	}
	// Another sheet, by name; a sheet that is not there is named with those that are.
	if _, err := ReadWith(bytes.NewReader(data), "chronologie.xlsx", XLSX, Options{Sheet: "Brouillon"}); err == nil {
		t.Error("an empty sheet was read")
	}
	_, err = ReadWith(bytes.NewReader(data), "chronologie.xlsx", XLSX, Options{Sheet: "Feuil9"})
	wantParseError(t, err, "chronologie.xlsx", 0, "", `the workbook has no sheet "Feuil9" (it has Chronologie, Brouillon)`)
}

func TestFormatPrecision(t *testing.T) {
	tests := map[string]timeline.Precision{
		"dd/mm/yyyy": timeline.PrecisionDay, "yyyy-mm-dd": timeline.PrecisionDay, "mmm yyyy": timeline.PrecisionMonth,
		"yyyy": timeline.PrecisionYear, "yyyy-mm-dd hh:mm": timeline.PrecisionSecond, "0.00": timeline.PrecisionNone,
		"hh:mm": timeline.PrecisionNone, `"day "0`: timeline.PrecisionNone, "[$-40C]d mmmm yyyy": timeline.PrecisionDay,
		"#,##0": timeline.PrecisionNone,
	}
	for code, want := range tests {
		if got := formatPrecision(code); got != want {
			t.Errorf("formatPrecision(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestXLSXNotAWorkbook(t *testing.T) {
	_, err := ReadWith(bytes.NewReader([]byte("PK\x03\x04garbage")), "broken.xlsx", XLSX, Options{})
	if err == nil {
		t.Fatal("a broken zip was read")
	}
	if _, err := Detect("photos.zip", []byte("PK\x03\x04\x14\x00")); err == nil {
		t.Error("a zip of photos was taken for a workbook")
	}
}

// TestXLSXFromLibreOffice reads a workbook LibreOffice Calc 7.4 wrote: testdata/
// libreoffice.xlsx is testdata/libreoffice-source.csv converted with
//
//	soffice --headless --infilter="CSV:44,34,76,1,,2057" --convert-to xlsx libreoffice-source.csv
//
// (2057 reads the dates day first, as in Britain), so its first two dates are date cells
// in LibreOffice's own number format (mm/dd/yy) and the others text.
func TestXLSXFromLibreOffice(t *testing.T) {
	doc := readFile(t, "testdata/libreoffice.xlsx", "")
	want := []struct{ start, end, title string }{
		{"2023-09-13", "", "Kim meets Putin"},
		{"2023-09-05", "", "US warning"},
		{"-0043-03-15", "", "Caesar assassinated"},
		{"1950~", "", "Korean War begins"},
		{"2023-09-01", "2023-09-05", "Naval exercises"},
	}
	if len(doc.Events) != len(want) {
		t.Fatalf("%d events", len(doc.Events))
	}
	for i, w := range want {
		if e := doc.Events[i]; e.Start.Text != w.start || e.End.Text != w.end || e.Title != w.title {
			t.Errorf("event %d = %q %q %q, want %+v", i, e.Start.Text, e.End.Text, e.Title, w)
		}
	}
	e := doc.Events[0]
	if len(e.Actors) != 2 || e.Location.Name != "Vostochny" || len(e.Sources) != 1 || e.Sources[0].URL != "https://example.org/vostochny" ||
		e.Attrs["Analyst"] != "JB" || e.Description != "At the Vostochny cosmodrome" {
		t.Errorf("first event: %+v", e)
	}
}

// TestXLSX1904Dates reads the date cells of a workbook on Excel's 1904 date system (as
// Excel for Mac long saved them), whose day numbers count from 1 January 1904: the same
// day as in a workbook on the 1900 system, not four years and a day earlier.
func TestXLSX1904Dates(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	on := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
		t.Fatal(err)
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellValue("Sheet1", "A1", "Date")
	f.SetCellValue("Sheet1", "B1", "Event")
	f.SetCellValue("Sheet1", "A2", 45182-1462) // 13 September 2023 on the 1904 system
	f.SetCellStyle("Sheet1", "A2", "A2", style)
	f.SetCellValue("Sheet1", "B2", "Summit")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := ReadWith(bytes.NewReader(buf.Bytes()), "mac.xlsx", XLSX, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || doc.Events[0].Start.Text != "2023-09-13" {
		t.Fatalf("events %+v; want one on 2023-09-13", doc.Events)
	}
}
