package format

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// wantDates checks each event's start and end text and precision.
type wantDate struct {
	start, end string
	prec       timeline.Precision
}

func TestTimelineJSSharedFixture(t *testing.T) {
	path, ok := sharedFixture(t, "timelinejs-women-in-computing.json")
	if !ok {
		return
	}
	doc := readFile(t, path, TimelineJS)
	checkWomenInComputing(t, doc)
	// The fixture has no unique_id: reading it again gives the same derived ids.
	again := readFile(t, path, TimelineJS)
	for i := range doc.Events {
		if doc.Events[i].ID == "" || doc.Events[i].ID != again.Events[i].ID {
			t.Errorf("event %d: id %q then %q", i, doc.Events[i].ID, again.Events[i].ID)
		}
	}
}

func checkWomenInComputing(t *testing.T, doc Document) {
	t.Helper()
	if doc.Info.Name != "Women in Computing" || !strings.Contains(doc.Info.Description, "<p class=\"lead\">") {
		t.Errorf("title slide: %+v", doc.Info)
	}
	want := []wantDate{
		{"1815-12-10", "1852-11-27", timeline.PrecisionDay},
		{"1948-03-14", "", timeline.PrecisionDay},
		{"1943-07", "1946", timeline.PrecisionMonth},
		{"1943-06-05", "", timeline.PrecisionDay},
		{"1951", "", timeline.PrecisionYear},
		{"1952", "", timeline.PrecisionYear},
		{"1956", "1962", timeline.PrecisionYear},
		{"1958", "", timeline.PrecisionYear},
		{"1972", "", timeline.PrecisionYear},
		{"1985", "", timeline.PrecisionYear},
	}
	if len(doc.Events) != len(want) {
		t.Fatalf("got %d events, want %d", len(doc.Events), len(want))
	}
	for i, w := range want {
		e := doc.Events[i]
		if e.Start.Text != w.start || e.End.Text != w.end || e.Start.Precision != w.prec {
			t.Errorf("event %d %q: %q..%q (%v), want %q..%q (%v)", i, e.Title, e.Start.Text, e.End.Text, e.Start.Precision, w.start, w.end, w.prec)
		}
	}
	ada := doc.Events[0]
	if ada.Title != "Ada Lovelace" || !strings.HasPrefix(ada.Description, "<p>Women have been programming") ||
		!strings.HasPrefix(ada.Attrs["media_url"], "https://upload.wikimedia.org/") || ada.Attrs["media_credit"] != "Wikimedia Commons" {
		t.Errorf("Ada Lovelace: %+v", ada)
	}
	if !strings.Contains(doc.Events[2].Attrs["background_url"], "ENIAC") {
		t.Errorf("background kept: %v", doc.Events[2].Attrs)
	}
}

func TestTimelineJSOwnFixture(t *testing.T) {
	doc := readFile(t, "testdata/timelinejs-own.json", TimelineJS)
	if doc.Info.Name != "Rivers and Roads" || len(doc.Events) != 5 {
		t.Fatalf("got %+v with %d events", doc.Info, len(doc.Events))
	}
	tests := []struct {
		i                 int
		title, start, end string
		lane, attr, value string
	}{
		{0, "A city is founded", "-0753-04-21", "", "Legends", "display_date", "21 April 753 BC"},
		{1, "Time of day", "1969-07-20T20:17:00Z", "1969-07-21T02:56:15Z", "", "start_display_date", "evening"},
		{2, "A slide with no headline at all", "2001", "", "", "text_format", "html"},
		{3, "Approximate, with an edtf hint", "2023-09-05~", "", "", "", ""},
		{4, "The fifties", "1950", "1959", "Eras", "timelinejs_type", "era"},
	}
	for _, tt := range tests {
		e := doc.Events[tt.i]
		if e.Title != tt.title || e.Start.Text != tt.start || e.End.Text != tt.end || e.Lane != tt.lane || e.Attrs[tt.attr] != tt.value {
			t.Errorf("event %d: %q %q..%q lane %q attrs %v", tt.i, e.Title, e.Start.Text, e.End.Text, e.Lane, e.Attrs)
		}
	}
	if doc.Events[0].ID != "founding" || doc.Events[1].ID == "" {
		t.Errorf("ids %q %q", doc.Events[0].ID, doc.Events[1].ID)
	}
	// Written back and read again, nothing TimelineJS can hold is lost.
	again := roundTrip(t, TimelineJS, doc)
	sameEvents(t, doc.Events, again.Events)
	if again.Info.Name != doc.Info.Name {
		t.Errorf("title %q", again.Info.Name)
	}
}

func TestTimelineJSExport(t *testing.T) {
	evs := richEvents()
	evs[1].Description = "<script>alert(1)</script> & more"
	var buf bytes.Buffer
	if err := Write(&buf, TimelineJS, Document{Info: timeline.CaseInfo{Name: "Case <1>"}, Events: evs}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`"unique_id": "ev-1"`, `"year": 2023`, `"year": -43`, `"headline": "Case &lt;1&gt;"`,
		`&lt;script&gt;`, `"group": "Diplomacy; talks"`, `"edtf": "2023-09-05~"`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	if strings.Contains(out, "<script>") {
		t.Errorf("export lets a script through")
	}
	back, err := Read(strings.NewReader(out), "x.json", "")
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range back.Events {
		if e.Start.Text != evs[i].Start.Text && !(e.Start.Earliest == evs[i].Start.Earliest && e.Start.Latest == evs[i].Start.Latest) {
			t.Errorf("event %d start %q, want %q", i, e.Start.Text, evs[i].Start.Text)
		}
		if e.ID != evs[i].ID {
			t.Errorf("event %d id %q", i, e.ID)
		}
	}
}

func TestTimelineJSErrors(t *testing.T) {
	tests := []struct {
		name, in     string
		line         int
		column, want string
	}{
		{"no year", "{\"events\": [\n{\"start_date\": {\"month\": 3}, \"text\": {\"headline\": \"x\"}}]}", 2, "start_date.month", "needs a year"},
		{"no start", "{\"events\": [\n{\"text\": {\"headline\": \"x\"}}]}", 2, "start_date.year", "at least the year"},
		{"bad month", "{\"events\": [{\"start_date\": {\"year\": 2020, \"month\": \"13\"}}]}", 1, "start_date.month", "between 1 and 12"},
		{"bad day", "{\"events\": [\n\n{\"start_date\": {\"year\": 2021, \"month\": 2, \"day\": 29}}]}", 3, "start_date", "February has no day 29"},
		{"cosmological", "{\"events\": [{\"start_date\": {\"year\": -13800000000}}]}", 1, "start_date.year", "beyond four digits"},
		{"year object", "{\"events\": [{\"start_date\": {\"year\": {}}}]}", 1, "", "neither text nor a number"},
		{"end before start", "{\"events\": [{\"start_date\": {\"year\": 2020}, \"end_date\": {\"year\": 2019}}]}", 1, "end_date", "before the start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "tl.json", TimelineJS)
			wantParseError(t, err, "tl.json", tt.line, tt.column, tt.want)
		})
	}
}

func FuzzReadTimelineJS(f *testing.F) {
	addSharedSeeds(f)
	if data, err := os.ReadFile("testdata/timelinejs-own.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"events": [{"start_date": {"year": "-9999", "month": 12, "day": 31, "hour": 23}}]}`))
	f.Add([]byte(`{"events": [{"start_date": {"year": 2020, "edtf": "20XX"}, "end_date": {"year": "x"}}]}`))
	f.Add([]byte(`{"title": 1, "events": [], "eras": [{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz.json", TimelineJS)
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
