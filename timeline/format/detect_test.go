package format

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"events.csv", "id,title,start,end\n", CSV},
		{"export.txt", "\ufeffTitle,Start\r\n", CSV},
		{"odd.csv", "foo,bar\n", CSV},
		{"acled.csv", "event_id_cnty,event_date,year,time_precision\n", ACLED},
		{"download", "event_date,event_type,sub_event_type,actor1\n", ACLED},
		{"sheet.csv", "Year,Month,Day,Time,End Year,Headline,Text\n", TimelineJSCSV},
		{"old-sheet.csv", "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n", TimelineJSCSV},
		{"case.json", `{"title": "x", "events": [{"id": "1", "start": "2023"}]}`, JSON},
		{"case.json", `{"events": []}`, JSON},
		{"tl.json", `{"events": [{"start_date": {"year": 2023}, "text": {"headline": "x"}}]}`, TimelineJS},
		{"tl.json", `{"title": {"text": {"headline": "T"}}, "events": [`, TimelineJS},
		{"tl.json", `{"eras": [], "events": []}`, TimelineJS},
		{"x.json", `{"title": "start_date", "events": [{"title": "\"start_date\"", "start": "2023"}]}`, JSON},
		{"cal.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ICS},
		{"cal.txt", "\n  begin:vcalendar\n", ICS},
		{"cal.ics", "something else", ICS},
		{"truncated.json", `{"events": [{"start_da`, JSON},
	}
	for _, tt := range tests {
		got, err := Detect(tt.name, []byte(tt.head))
		if err != nil || got != tt.want {
			t.Errorf("Detect(%q, %q) = %q, %v; want %q", tt.name, tt.head, got, err, tt.want)
		}
	}
	for _, bad := range []struct{ name, head string }{{"x.bin", "\x00\x01"}, {"empty.csv", ""}, {"blank.json", " \n"}} {
		_, err := Detect(bad.name, []byte(bad.head))
		wantParseError(t, err, bad.name, 1, "", "")
	}
}

func TestDetectFixtures(t *testing.T) {
	files := map[string]Format{
		"testdata/timelinejs-own.json":      TimelineJS,
		"testdata/timelinejs-sheet-own.csv": TimelineJSCSV,
		"testdata/timelinejs-old-sheet.csv": TimelineJSCSV,
		"testdata/acled-sample.csv":         ACLED,
		"testdata/calendar.ics":             ICS,
		"testdata/reordered-bom-crlf.csv":   CSV,
	}
	for _, name := range []string{"timelinejs-women-in-computing.json", "timelinejs-women-in-computing.csv"} {
		if path, ok := sharedFixture(t, name); ok {
			files[path] = TimelineJS
			if strings.HasSuffix(name, ".csv") {
				files[path] = TimelineJSCSV
			}
		}
	}
	for path, want := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		if got, err := Detect(name, data[:min(len(data), 300)]); got != want || err != nil {
			t.Errorf("Detect(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestReadDetects(t *testing.T) {
	doc, err := Read(strings.NewReader("title,start\nA,2023\n"), "x.csv", "")
	if err != nil || len(doc.Events) != 1 {
		t.Fatalf("got %v, %v", doc, err)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("a.csv", []byte("title,start\n"))
	f.Add("a.json", []byte(`{"events": [{"start_date": {}}]}`))
	f.Add("a.json", []byte(`{"title": {"a": [1, {"b": "}"}]}, "events": [[]]}`))
	f.Add("a.ics", []byte("BEGIN:VCALENDAR"))
	f.Add("x", []byte("\ufeff\"a\nb\",c"))
	for _, name := range []string{"timelinejs-women-in-computing.json", "timelinejs-women-in-computing.csv"} {
		for _, dir := range []string{"../../../shared/fixtures/", "../../../../shared/fixtures/"} {
			if data, err := os.ReadFile(dir + name); err == nil {
				f.Add(name, data)
				break
			}
		}
	}
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		got, err := Detect(name, head)
		if err != nil {
			var pe *ParseError
			if !asParseError(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		known := false
		for _, f := range Formats {
			known = known || f == got
		}
		if !known {
			t.Fatalf("Detect returned unknown format %q", got)
		}
	})
}
