package format

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestTimelineJSSheetSharedFixture(t *testing.T) {
	if path, ok := sharedFixture(t, "timelinejs-women-in-computing.csv"); ok {
		checkWomenInComputing(t, readFile(t, path, TimelineJSCSV))
	}
}

func TestTimelineJSSheets(t *testing.T) {
	tests := []struct {
		file, title string
		want        []wantDate
		lanes       []string
	}{
		{"testdata/timelinejs-old-sheet.csv", "An old-style sheet", []wantDate{
			{"2012-01-26", "2012-02-03", timeline.PrecisionDay},
			{"2011-07-04", "", timeline.PrecisionDay},
			{"2010-05", "", timeline.PrecisionMonth},
			{"-0500", "", timeline.PrecisionYear},
			{"2009-03-04T14:30:00Z", "", timeline.PrecisionSecond},
		}, []string{"Politics", "Culture", "", "", ""}},
		{"testdata/timelinejs-sheet-own.csv", "Sheet title", []wantDate{
			{"1990", "1999", timeline.PrecisionYear},
			{"2001-09", "", timeline.PrecisionMonth},
			{"2001-09-11T08:46:00Z", "2001-09-11T10:28:00Z", timeline.PrecisionSecond},
		}, []string{"Eras", "Group A", "Group A"}},
	}
	for _, tt := range tests {
		doc := readFile(t, tt.file, TimelineJSCSV)
		if doc.Info.Name != tt.title || len(doc.Events) != len(tt.want) {
			t.Fatalf("%s: title %q, %d events", tt.file, doc.Info.Name, len(doc.Events))
		}
		for i, w := range tt.want {
			e := doc.Events[i]
			if e.Start.Text != w.start || e.End.Text != w.end || e.Start.Precision != w.prec || e.Lane != tt.lanes[i] {
				t.Errorf("%s event %d: %q..%q (%v) lane %q", tt.file, i, e.Start.Text, e.End.Text, e.Start.Precision, e.Lane)
			}
		}
	}
	own := readFile(t, "testdata/timelinejs-sheet-own.csv", TimelineJSCSV)
	if a := own.Events[1].Attrs; a["Analyst note"] != "checked" || a["background_color"] != "#ff0000" {
		t.Errorf("attrs %v", a)
	}
	if a := own.Events[0].Attrs; a["timelinejs_type"] != "era" {
		t.Errorf("era attrs %v", a)
	}
}

func TestTimelineJSSheetRoundTrip(t *testing.T) {
	doc := Document{Info: timeline.CaseInfo{Name: "Case"}, Events: richEvents()}
	for i := range doc.Events {
		// The sheet has no place for these.
		doc.Events[i].Actors, doc.Events[i].Tags, doc.Events[i].Sources = nil, nil, nil
		doc.Events[i].Location, doc.Events[i].Importance = timeline.Location{}, timeline.DefaultImportance
		doc.Events[i].Attrs = nil
	}
	var buf bytes.Buffer
	if err := Write(&buf, TimelineJSCSV, doc); err != nil {
		t.Fatal(err)
	}
	if f, _ := Detect("x.csv", buf.Bytes()); f != TimelineJSCSV {
		t.Errorf("the export is detected as %q", f)
	}
	back, err := Read(&buf, "x.csv", TimelineJSCSV)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range back.Events {
		w := doc.Events[i]
		if e.ID != w.ID || e.Start.Text != w.Start.Text && e.Start.Earliest != w.Start.Earliest || e.Lane != w.Lane {
			t.Errorf("event %d: %q %q %q, want %q %q %q", i, e.ID, e.Start.Text, e.Lane, w.ID, w.Start.Text, w.Lane)
		}
		if !strings.Contains(e.Title, "&quot;quoted&quot;") && i == 0 {
			t.Errorf("title not escaped for TimelineJS: %q", e.Title)
		}
	}
}

func TestTimelineJSSheetErrors(t *testing.T) {
	head := "Year,Month,Day,Time,End Year,Headline,Start Date\n"
	tests := []struct {
		name, row    string
		column, want string
	}{
		{"month", "2020,13,,,,x,", "Month", "between 1 and 12"},
		{"day without month", "2020,,5,,,x,", "Day", "needs a month"},
		{"time", "2020,1,1,25:00,,x,", "Time", "not a time"},
		{"year", "twenty,,,,,x,", "Year", "not a whole number"},
		{"no year", ",,,,,x,", "Year", "at least the year"},
		{"old date", ",,,,,x,1/2/3/4", "Start Date", "not a date such as"},
		{"end before start", "2020,,,,2019,x,", "End Year", "before the start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(head+"2000,,,,,fine,\n"+tt.row+"\n"), "sheet.csv", TimelineJSCSV)
			wantParseError(t, err, "sheet.csv", 3, tt.column, tt.want)
		})
	}
	_, err := Read(strings.NewReader("Year,Text\n2020,x\n"), "sheet.csv", TimelineJSCSV)
	wantParseError(t, err, "sheet.csv", 1, "Headline", "no Headline")
}

func FuzzReadTimelineJSCSV(f *testing.F) {
	addSharedSeeds(f)
	for _, p := range []string{"testdata/timelinejs-old-sheet.csv", "testdata/timelinejs-sheet-own.csv"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("Year,Headline,Time,End Date\n2020,x,12:00 AM,1/1/2021\n"))
	f.Add([]byte("Start Date,Headline\n-1/-2/-3,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz.csv", TimelineJSCSV)
		if err != nil {
			var pe *ParseError
			if !asParseError(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		checkValid(t, doc)
	})
}
