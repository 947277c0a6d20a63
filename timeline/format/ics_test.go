package format

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestICSRead(t *testing.T) {
	doc := readFile(t, "testdata/calendar.ics", ICS)
	if doc.Info.Name != "Test calendar, invented" || doc.Info.Description != "Events made up for tests" {
		t.Errorf("info %+v", doc.Info)
	}
	tests := []struct {
		id, title, start, end string
	}{
		{"one-day@example.org", "One-day all-day event", "2023-09-13", ""},
		{"three-days@example.org", "Three-day conference", "2023-09-13", "2023-09-15"},
		{"seoul@example.org", "김정은 위원장 블라디보스토크 도착", "2023-09-13T00:00:00Z", "2023-09-13T08:30:00Z"},
		{"utc@example.org", "UTC with a duration", "2023-09-13T14:05:09Z", "2023-09-13T15:35:09Z"},
		{"floating@example.org", "Floating time", "2023-09-13T14:00:00Z", ""},
		{"windows@example.org", "Windows and Mozilla zone names", "2023-09-13T00:00:00Z", "2023-09-13T01:00:00Z"},
	}
	if len(doc.Events) != len(tests) {
		t.Fatalf("got %d events, want %d", len(doc.Events), len(tests))
	}
	for i, tt := range tests {
		e := doc.Events[i]
		if e.ID != tt.id || e.Title != tt.title || e.Start.Text != tt.start || e.End.Text != tt.end {
			t.Errorf("event %d: %q %q %q..%q, want %q %q %q..%q", i, e.ID, e.Title, e.Start.Text, e.End.Text, tt.id, tt.title, tt.start, tt.end)
		}
	}
	if got := doc.Events[1].Tags; !reflect.DeepEqual(got, []string{"summit", "diplomacy,talks", "second line"}) {
		t.Errorf("categories %q", got)
	}
	seoul := doc.Events[2]
	if want := "Talks, day one; Seoul\nSecond line \\ backslash and a very long line folded with a tab"; seoul.Description != want {
		t.Errorf("description %q, want %q", seoul.Description, want)
	}
	if seoul.Location.Name != "Seoul, Korea" || *seoul.Location.Lat != 37.5665 || *seoul.Location.Lon != 126.978 {
		t.Errorf("location %+v", seoul.Location)
	}
	if len(seoul.Sources) != 1 || seoul.Sources[0].URL != "https://example.org/seoul" {
		t.Errorf("sources %+v", seoul.Sources)
	}
	if doc.Events[4].Attrs["rrule"] != "FREQ=WEEKLY;COUNT=3" {
		t.Errorf("rrule not kept: %v", doc.Events[4].Attrs)
	}
}

func TestICSRoundTrip(t *testing.T) {
	evs := richEvents()
	evs = append(evs[:1], evs[2:]...) // iCalendar holds no BCE year
	for i := range evs {
		// What iCalendar cannot hold.
		evs[i].Sources = evs[i].Sources[:min(1, len(evs[i].Sources))]
		if len(evs[i].Sources) == 1 {
			evs[i].Sources[0] = timeline.Source{URL: evs[i].Sources[0].URL}
		}
		evs[i].Attrs, evs[i].Notes = nil, ""
		evs[i].Created, evs[i].Updated = time.Time{}, time.Time{}
		if evs[i].Location.Lat != nil {
			evs[i].Location = timeline.Location{Name: evs[i].Location.Name, Lat: evs[i].Location.Lat, Lon: evs[i].Location.Lon}
		}
	}
	// A time with an offset comes back in UTC.
	evs[5].End = timeline.MustParseDate("2023-09-13T16:00:00Z")
	var buf bytes.Buffer
	doc := Document{Info: timeline.CaseInfo{Name: "Case; with, commas"}, Events: evs, Generated: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	if err := Write(&buf, ICS, doc); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) || strings.Contains(line, "\n") {
			t.Errorf("line %d is badly folded: %q", i+1, line)
		}
	}
	got, err := Read(&buf, "out.ics", ICS)
	if err != nil {
		t.Fatal(err)
	}
	sameEvents(t, evs, got.Events)
	if got.Info.Name != "Case; with, commas" {
		t.Errorf("name %q", got.Info.Name)
	}
}

func TestICSWriteShapes(t *testing.T) {
	mk := func(start, end string) timeline.Event {
		e := timeline.Event{ID: "x", Title: "T", Start: timeline.MustParseDate(start)}
		if end != "" {
			e.End = timeline.MustParseDate(end)
		}
		return e
	}
	tests := []struct {
		e    timeline.Event
		want []string
	}{
		{mk("2023-09-13", ""), []string{"DTSTART;VALUE=DATE:20230913", "DTEND;VALUE=DATE:20230914"}},
		{mk("2023-09-13", "2023-09-15"), []string{"DTSTART;VALUE=DATE:20230913", "DTEND;VALUE=DATE:20230916"}},
		{mk("2023-09-13T14:00:00+09:00", ""), []string{"DTSTART:20230913T050000Z"}},
		{mk("2023-09", "2023-10"), []string{"DTSTART;VALUE=DATE:20230901", "DTEND;VALUE=DATE:20231101", "X-CHRONOSCOPE-START:2023-09"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := Write(&buf, ICS, Document{Events: []timeline.Event{tt.e}}); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(buf.String(), w+"\r\n") {
				t.Errorf("%s..%s: no %q in\n%s", tt.e.Start.Text, tt.e.End.Text, w, buf.String())
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, ICS, Document{Events: []timeline.Event{mk("-0043-03-15", "")}}); err == nil {
		t.Errorf("a BCE date was written to iCalendar")
	}
}

func TestFoldLine(t *testing.T) {
	for _, s := range []string{strings.Repeat("a", 75), strings.Repeat("a", 76), strings.Repeat("가", 60), "DESCRIPTION:" + strings.Repeat("Я", 100)} {
		folded := foldLine(s)
		var back strings.Builder
		for i, l := range strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Errorf("line %q is too long or splits a character", l)
			}
			if i > 0 {
				l = l[1:]
			}
			back.WriteString(l)
		}
		if back.String() != s {
			t.Errorf("unfolding gives %q, want %q", back.String(), s)
		}
	}
}

func TestICSErrors(t *testing.T) {
	wrap := func(lines ...string) string {
		return "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	tests := []struct {
		name, in     string
		line         int
		column, want string
	}{
		{"not ics", "hello\r\n", 1, "", "not an iCalendar line"},
		{"no vcalendar", "BEGIN:VEVENT\r\n", 1, "BEGIN", "begins with BEGIN:VCALENDAR"},
		{"no dtstart", wrap("SUMMARY:x"), 2, "DTSTART", "no DTSTART"},
		{"bad date", wrap("SUMMARY:x", "DTSTART;VALUE=DATE:20230231"), 4, "DTSTART", "not a date"},
		{"bad zone", wrap("DTSTART;TZID=Mars/Olympus:20230101T000000"), 3, "DTSTART", "time zone"},
		{"end before start", wrap("DTSTART:20230102T000000Z", "SUMMARY:x", "DTEND:20230101T000000Z"), 5, "DTEND", "before"},
		{"bad duration", wrap("DTSTART:20230102T000000Z", "DURATION:P1Y"), 4, "DURATION", "not a duration"},
		{"geo", wrap("DTSTART:20230102T000000Z", "GEO:north"), 4, "GEO", "latitude"},
		{"geo range", wrap("DTSTART:20230102T000000Z", "GEO:95;0"), 4, "GEO", "-90 to 90"},
		{"url", wrap("DTSTART:20230102T000000Z", "URL:example.org"), 4, "URL", "full address"},
		{"unclosed", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20230102T000000Z\r\n", 2, "BEGIN", "ends inside the VEVENT"},
		{"bad end", "BEGIN:VCALENDAR\r\nEND:VEVENT\r\n", 2, "END", "does not close"},
		{"duplicate uid", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20230102T000000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20230102T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 7, "UID", "already used"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "cal.ics", ICS)
			wantParseError(t, err, "cal.ics", tt.line, tt.column, tt.want)
		})
	}
}

func FuzzReadICS(f *testing.F) {
	addSharedSeeds(f)
	if data, err := os.ReadFile("testdata/calendar.ics"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20230101\nDTEND;VALUE=DATE:20230101\nEND:VEVENT\nEND:VCALENDAR\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:99991231T235960Z\r\nDURATION:-P1W\r\nX-CHRONOSCOPE-START:201X\r\n END:VEVENT\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\nX;A=\"b:c\";D=e:f\nBEGIN:VEVENT\nDTSTART;TZID=\"\":20230101T000000\nEND:VEVENT\nEND:VCALENDAR"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz.ics", ICS)
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

// TestICSStampsTheExportTime: an event that keeps no created or updated time is stamped
// with the export's time: Document.Generated when given, else SOURCE_DATE_EPOCH as
// timeline.ExportTime reads it; a bad SOURCE_DATE_EPOCH fails the whole export, even
// when the events the format cannot hold are left out.
func TestICSStampsTheExportTime(t *testing.T) {
	updated := time.Date(2023, 9, 1, 8, 0, 0, 0, time.UTC)
	evs := []timeline.Event{
		{ID: "a", Title: "Unstamped", Start: timeline.MustParseDate("2023-09-13")},
		{ID: "b", Title: "Updated", Start: timeline.MustParseDate("2023-09-13"), Updated: updated},
	}
	stamps := func(doc Document) ([]string, error) {
		var buf bytes.Buffer
		if _, err := WriteSome(&buf, ICS, doc); err != nil {
			return nil, err
		}
		var out []string
		for _, l := range strings.Split(buf.String(), "\r\n") {
			if v, ok := strings.CutPrefix(l, "DTSTAMP:"); ok {
				out = append(out, v)
			}
		}
		return out, nil
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1694563200") // 2023-09-13 00:00 UTC
	got, err := stamps(Document{Events: evs})
	if err != nil || !slices.Equal(got, []string{"20230913T000000Z", "20230901T080000Z"}) {
		t.Errorf("with SOURCE_DATE_EPOCH: %q %v", got, err)
	}
	given := Document{Events: evs, Generated: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	if got, err := stamps(given); err != nil || got[0] != "20240102T030405Z" {
		t.Errorf("with Generated: %q %v", got, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if got, err := stamps(Document{Events: evs}); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
		t.Errorf("a bad SOURCE_DATE_EPOCH wrote %q (%v)", got, err)
	}
	if _, err := stamps(given); err != nil {
		t.Errorf("the environment is read although Generated is given: %v", err)
	}
}
