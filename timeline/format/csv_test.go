package format

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestNativeRoundTrip(t *testing.T) {
	for _, f := range []Format{CSV, JSON} {
		t.Run(string(f), func(t *testing.T) {
			doc := Document{Info: timeline.CaseInfo{Name: "Дело №1 — 사건", Description: "A case, with \"quotes\"\nand lines",
				Notes: "Case notes.\n\nWho is lying? 누가"},
				Events: richEvents()}
			got := roundTrip(t, f, doc)
			sameEvents(t, doc.Events, got.Events)
			if f == JSON && got.Info != doc.Info {
				t.Errorf("info: got %+v, want %+v", got.Info, doc.Info)
			}
			// A second trip changes nothing either.
			sameEvents(t, doc.Events, roundTrip(t, f, got).Events)
		})
	}
}

func TestNativeRoundTripEmpty(t *testing.T) {
	for _, f := range []Format{CSV, JSON} {
		got := roundTrip(t, f, Document{})
		if len(got.Events) != 0 {
			t.Errorf("%s: got %d events from an empty case", f, len(got.Events))
		}
	}
}

func TestCSVBOMCRLFReordered(t *testing.T) {
	doc := readFile(t, "testdata/reordered-bom-crlf.csv", CSV)
	if len(doc.Events) != 5 {
		t.Fatalf("got %d events, want 5", len(doc.Events))
	}
	e := doc.Events[0]
	if e.Title != "Summit in Vladivostok, Russia" || e.Start.Text != "2023-09-13" {
		t.Errorf("first event: %q %q", e.Title, e.Start.Text)
	}
	if want := []string{"Ким Чен Ын", "김정은", "Vladimir Putin"}; !reflect.DeepEqual(e.Actors, want) {
		t.Errorf("actors %q, want %q", e.Actors, want)
	}
	if e.Location.Name != "Владивосток" || e.Location.Lat == nil || *e.Location.Lat != 43.1155 {
		t.Errorf("location %+v", e.Location)
	}
	if !strings.Contains(e.Description, "\nSecond line with \"quotes\" and a comma, too.") || strings.Contains(e.Description, "\r") {
		t.Errorf("description %q", e.Description)
	}
	if len(e.Sources) != 1 || e.Sources[0].Grade() != "B2" || e.Sources[0].URL != "https://example.org/summit" {
		t.Errorf("sources %+v", e.Sources)
	}
	if e.Importance != 5 || doc.Events[1].Importance != timeline.DefaultImportance {
		t.Errorf("importance %d, %d", e.Importance, doc.Events[1].Importance)
	}
	if got := doc.Events[2].Tags; !reflect.DeepEqual(got, []string{"history; rome"}) {
		t.Errorf("escaped semicolon: tags %q", got)
	}
	if d := doc.Events[2].Start; d.Text != "-0043-03-15" || d.Earliest >= 0 {
		t.Errorf("BCE start %+v", d)
	}
	if d := doc.Events[1].Start; !d.Approximate {
		t.Errorf("2023-09-05~ is not approximate: %+v", d)
	}
	if d := doc.Events[4].Start; !d.Unspecified {
		t.Errorf("201X is not unspecified: %+v", d)
	}
}

func TestCSVErrors(t *testing.T) {
	tests := []struct {
		name, in     string
		line         int
		column, want string
	}{
		{"no title column", "start,count\n2023,5\n", 1, "title", "no column was found for the title"},
		{"empty", "", 1, "", "empty"},
		{"bad month", "title,start\nA,2023-13\n", 2, "start", `"2023-13" is not a date`},
		{"bad end", "title,start,end\nA,2023,20x3\n", 2, "end", `"20x3" is not a date`},
		{"end before start", "title,start,end\nA,2023-05-02,2023-05-01\n", 2, "end", "before the start"},
		{"no title", "title,start\n  ,2023\n", 2, "title", "needs a title"},
		{"no start", "title,start\nA,\n", 2, "start", "needs a start"},
		{"importance", "title,start,importance\nA,2023,9\n", 2, "importance", "1 to 5"},
		{"importance text", "title,start,importance\nA,2023,high\n", 2, "importance", `"high" is not`},
		{"latitude", "title,start,lat\nA,2023,91\n", 2, "lat", "-90 to 90"},
		{"longitude text", "title,start,longitude\nA,2023,east\n", 2, "longitude", "not a number"},
		{"reliability", "title,start,source,reliability\nA,2023,S,Q\n", 2, "reliability", "A to F"},
		{"second source url", "title,start,source,source_2,source_2_url\nA,2023,S,T,example.org\n", 2, "source_2_url", "full address"},
		{"gap in sources", "title,start,source_3_url\nA,2023,nope\n", 2, "source_3_url", "full address"},
		{"grade only", "title,start,credibility\nA,2023,3\n", 2, "source", "title or a URL"},
		{"credibility", "title,start,source,credibility\nA,2023,S,7\n", 2, "credibility", "1 to 6"},
		{"duplicate column", "title,start,Title\nA,2023,B\n", 1, "Title", "two title columns"},
		{"duplicate id", "id,title,start\nx,A,2023\ny,B,2023\nx,C,2023\n", 4, "id", "line 2"},
		{"long row", "title,start\nA,2023,extra\n", 2, "3", "more cells than the header's 2 columns"},
		{"long row of blanks", "title,start\nA,2023,,\n", 2, "3", "more cells than the header's 2 columns"},
		{"short row", "title,start,end,lane\nA,2023,2024\n", 2, "lane", "3 cells but the header names 4 columns"},
		{"cut off mid-row", "title,start,lane\nA,2023,x\nB,2024", 3, "lane", "cut off"},
		{"cut off mid-cell", "title,start,lane\nA,2023,x\nB,2024,\"Dip", 3, "", "quote"},
		{"bare quote", "title,start\nA \"b\",2023\n", 2, "", "quote"},
		{"open quote", "title,start\nA,2023\n\"B,2024\n", 3, "", "quote"},
		{"created", "title,start,created\nA,2023,yesterday\n", 2, "created", "not a time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "events.csv", CSV)
			wantParseError(t, err, "events.csv", tt.line, tt.column, tt.want)
		})
	}
}

func TestCSVErrorLines(t *testing.T) {
	tests := []struct {
		file string
		line int
	}{
		{"testdata/bad-date-line8.csv", 8},
		{"testdata/bad-date-after-multiline.csv", 6},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Read(bytes.NewReader(data), "events.csv", CSV)
		want := fmt.Sprintf("events.csv: line %d, column start: ", tt.line)
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "is not a date") {
			t.Errorf("%s: got %v, want %q...", tt.file, err, want)
		}
	}
	_, err := Read(strings.NewReader("title,start\nA,2023\n\"B\nC\",2023-02-30\n"), "x.csv", CSV)
	wantParseError(t, err, "x.csv", 3, "start", "February has no day 30")
}

func TestCSVUnknownColumnsBecomeAttrs(t *testing.T) {
	doc, err := Read(strings.NewReader("Title,Start,Confidence,attr:Media URL,\nA,2023,high,https://x.org/i.png,\n"), "a.csv", CSV)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Confidence": "high", "Media URL": "https://x.org/i.png"}
	if got := doc.Events[0].Attrs; !reflect.DeepEqual(got, want) {
		t.Errorf("attrs %v, want %v", got, want)
	}
	sameEvents(t, doc.Events, roundTrip(t, CSV, doc).Events)
}

func TestLists(t *testing.T) {
	tests := []struct {
		cell string
		want []string
	}{
		{"", nil},
		{" ; ;", nil},
		{"one", []string{"one"}},
		{"a; b ;c", []string{"a", "b", "c"}},
		{`a\;b; c`, []string{"a;b", "c"}},
		{`a\\; b`, []string{`a\`, "b"}},
		{`C:\path; x`, []string{`C:\path`, "x"}},
		{`trailing\`, []string{`trailing\`}},
	}
	for _, tt := range tests {
		if got := splitList(tt.cell); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitList(%q) = %q, want %q", tt.cell, got, tt.want)
		}
		if tt.want != nil {
			if back := splitList(joinList(tt.want)); !reflect.DeepEqual(back, tt.want) {
				t.Errorf("joinList(%q) reads back as %q", tt.want, back)
			}
		}
	}
}

func TestDerivedIDsAreStable(t *testing.T) {
	in := "title,start\nA,2023\nB,2023\nA,2023\nA,2024\n"
	first, err := Read(strings.NewReader(in), "a.csv", CSV)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Read(strings.NewReader(in), "other-name.csv", CSV)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i, e := range first.Events {
		if e.ID != again.Events[i].ID {
			t.Errorf("event %d: id %q then %q", i, e.ID, again.Events[i].ID)
		}
		if seen[e.ID] {
			t.Errorf("event %d: id %q repeats", i, e.ID)
		}
		seen[e.ID] = true
	}
	// Editing a description keeps the id, so a re-import updates the event.
	edited, err := Read(strings.NewReader("title,start,description\nA,2023,now described\n"), "a.csv", CSV)
	if err != nil {
		t.Fatal(err)
	}
	if edited.Events[0].ID != first.Events[0].ID {
		t.Errorf("an edited description changed the id")
	}
}

func FuzzReadCSV(f *testing.F) {
	addSharedSeeds(f)
	var rich bytes.Buffer
	if err := Write(&rich, CSV, Document{Events: richEvents()}); err != nil {
		f.Fatal(err)
	}
	f.Add(rich.Bytes())
	for _, name := range []string{"testdata/reordered-bom-crlf.csv", "testdata/bad-date-line8.csv", "testdata/bad-date-after-multiline.csv"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("title,start\nA,2023\n"))
	f.Add([]byte("title,start,source_2_url,attr:x\nA,2023,https://x.org,\"q\"\"\"\n"))
	f.Add([]byte("title,start\n\"A\n"))
	f.Add([]byte("\ufefftitle,start,lat\r\nA,2023,NaN\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz.csv", CSV)
		if err != nil {
			var pe *ParseError
			if !asParseError(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		checkValid(t, doc)
		// What was read is written and read back unchanged.
		sameEvents(t, doc.Events, roundTrip(t, CSV, doc).Events)
	})
}
