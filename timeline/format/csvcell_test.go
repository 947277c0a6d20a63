package format

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, out string }{
		{"plain", "plain"},
		{"", ""},
		{"=1+1", "'=1+1"},
		{"+33 1 23", "'+33 1 23"},
		{"-x", "'-x"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tindented", "'\tindented"},
		{"\rcarriage", "'\rcarriage"},
		{"'=x", "''=x"},
		{"''+y", "'''+y"},
		{"'plain", "'plain"},
		{"'", "'"},
		{"a=b", "a=b"},
		{" =x", " =x"},
		{"a\r\nb", "a\r\r\nb"},
		{"s\r\r\n.", "s\r\r\r\n."},
		{"\r\n", "'\r\r\n"},
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.out {
			t.Errorf("safeCell(%q) = %q, want %q", tt.in, got, tt.out)
		}
		// encoding/csv reads each CR LF inside a cell as LF.
		if got := plainCell(strings.ReplaceAll(tt.out, "\r\n", "\n")); got != tt.in {
			t.Errorf("plainCell of %q = %q, want %q", tt.out, got, tt.in)
		}
	}
	// What another program wrote is read as it is, but for the one apostrophe the rule adds.
	for in, want := range map[string]string{"'abc": "'abc", "''": "''", "'=x": "=x", "''=x": "'=x", "'-0043": "-0043"} {
		if got := plainCell(in); got != want {
			t.Errorf("plainCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func formulaEvents() []timeline.Event {
	evs := []timeline.Event{
		{ID: "=id", Title: "=HYPERLINK(\"https://evil.example\",\"click\")", Start: timeline.MustParseDate("-0043-03-15"),
			End: timeline.MustParseDate("-0043-03-16"), Lane: "+lane", Actors: []string{"@actor", "=b"}, Tags: []string{"-tag"},
			Location:    timeline.Location{Name: "\tplace", Lat: fp(-41.9), Lon: fp(-12.5)},
			Description: "\rstarts with CR\r\nand has CR LF\r\r\n", Importance: 2,
			Sources: []timeline.Source{{Title: "'=quoted already", URL: "https://example.org/=x", Publisher: "-pub",
				Date: "-0043", Quote: "@q", Reliability: "B", Credibility: 2}},
			Attrs: map[string]string{"k": "=v", "=key": "''-v"}},
		{ID: "'plain", Title: "'", Start: timeline.MustParseDate("2023"), Description: "'''", Importance: 3},
		{ID: "cr", Title: "s\r\r\n.", Start: timeline.MustParseDate("2023"), Description: "\r", Lane: "x\r", Importance: 3},
	}
	for i := range evs {
		evs[i].Normalize()
		if err := evs[i].Validate(); err != nil {
			panic(err)
		}
	}
	return evs
}

// cells reads a CSV as a spreadsheet would see its cells.
func cells(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestCSVFormulaCellsAreText(t *testing.T) {
	doc := Document{Info: timeline.CaseInfo{Name: "=name"}, Events: formulaEvents()}
	for _, f := range []Format{CSV, TimelineJSCSV} {
		var buf bytes.Buffer
		if err := Write(&buf, f, doc); err != nil {
			t.Fatal(err)
		}
		rows := cells(t, buf.Bytes())
		for r, row := range rows[1:] {
			for c, cell := range row {
				if cell != "" && formulaStart(cell[0]) && !isNumber(cell) {
					t.Errorf("%s: row %d cell %d (%s) %q would run as a formula", f, r+2, c+1, rows[0][c], cell)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, CSV, doc); err != nil {
		t.Fatal(err)
	}
	row := cells(t, buf.Bytes())[1]
	for _, want := range []string{"'=id", "'-0043-03-15", "-41.9", "'@actor; =b", "''=quoted already", "'-0043", "'''-v"} {
		found := false
		for _, c := range row {
			found = found || c == want
		}
		if !found {
			t.Errorf("no cell %q in %q", want, row)
		}
	}
}

func TestTimelineJSSheetReadsFormulaCellsBack(t *testing.T) {
	doc := Document{Events: formulaEvents()}
	got := roundTrip(t, TimelineJSCSV, doc)
	for i, e := range doc.Events {
		g := got.Events[i]
		// Headlines are HTML in a sheet; dates and groups are plain cells.
		if g.Start != e.Start || g.End != e.End || g.Lane != e.Lane {
			t.Errorf("event %d: got %q %q %q, want %q %q %q", i, g.Start.Text, g.End.Text, g.Lane, e.Start.Text, e.End.Text, e.Lane)
		}
	}
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func TestCSVRoundTripKeepsFormulasAndCRs(t *testing.T) {
	doc := Document{Events: formulaEvents()}
	got := roundTrip(t, CSV, doc)
	sameEvents(t, doc.Events, got.Events)
	sameEvents(t, doc.Events, roundTrip(t, CSV, got).Events)
}

func TestCSVReadsBCEDatesEitherWay(t *testing.T) {
	in := "title,start,end\nIdes,'-0043-03-15,-0043-03-16\n"
	doc, err := Read(strings.NewReader(in), "bce.csv", CSV)
	if err != nil {
		t.Fatal(err)
	}
	e := doc.Events[0]
	if e.Start.Text != "-0043-03-15" || e.End.Text != "-0043-03-16" {
		t.Errorf("start %q end %q", e.Start.Text, e.End.Text)
	}
}
