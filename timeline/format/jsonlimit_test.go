package format

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestJSONLimits(t *testing.T) {
	mib := timeline.MaxFieldBytes
	long := strings.Repeat("x", mib+1)
	ev := func(members string) string {
		return "{\n\"title\": \"case\",\n\"events\": [\n{\"title\": \"A\", \"start\": \"2023\"},\n" + members + "\n]}\n"
	}
	tests := []struct {
		name, in     string
		f            Format
		line         int
		column, want string
	}{
		{"long title", ev(`{"title": "` + long + `", "start": "2023"}`), JSON, 5, "title", "more than 1048576 bytes (1 MiB)"},
		{"long escaped text", ev(`{"title": "A", "start": "2023", "description": "` + strings.Repeat(`\u00e9`, mib/2+1) + `"}`), JSON, 5, "description", "1 MiB"},
		{"long number", ev(`{"title": "A", "start": "2023", "importance": ` + strings.Repeat("1", mib+1) + `}`), JSON, 5, "importance", "1 MiB"},
		{"long actor", ev(`{"title": "A", "start": "2023", "actors": ["ok", "` + long + `"]}`), JSON, 5, "actors", "1 MiB"},
		{"long case name", `{"title": "` + long + `", "events": []}`, JSON, 1, "title", "1 MiB"},
		{"event over 16 MiB", ev(`{"title": "A", "start": "2023", "sources": [` +
			strings.TrimSuffix(strings.Repeat(`{"quote": "`+strings.Repeat("q", mib-8)+`"},`, 17), ",") + `]}`), JSON, 5, "events", "more than 16777216 bytes (16 MiB)"},
		{"deep lists", ev(strings.Repeat("[", 17<<20)), JSON, 5, "events", "16 MiB"},
		{"bad UTF-8", ev("{\"title\": \"A\",\n \"start\": \"2023\", \"lane\": \"ok \xff\"}"), JSON, 6, "lane", "not UTF-8"},
		{"NUL escaped", ev(`{"title": "A\u0000B", "start": "2023"}`), JSON, 5, "title", "NUL byte"},
		{"NUL in an attribute", ev(`{"title": "A", "start": "2023", "attrs": {"k": "\u0000"}}`), JSON, 5, "attrs.k", "NUL byte"},
		{"NUL in the case name", `{"title": "A\u0000", "events": []}`, JSON, 0, "title", "the case's"},
		{"javascript URL", ev(`{"title": "A", "start": "2023", "sources": [{"url": "javascript:alert(1)"}]}`), JSON, 5, "sources[0].url", "not allowed"},
		{"long slide text", `{"events": [{"start_date": {"year": 2023}, "text": {"headline": "` + long + `"}}]}`, TimelineJS, 1, "headline", "1 MiB"},
		{"long title slide", `{"title": {"text": {"headline": "h", "text": "` + strings.Repeat(strings.Repeat("t", mib-1)+`", "x": "`, 17) + `"}}, "events": []}`,
			TimelineJS, 1, "title", "16 MiB"},
		{"bad UTF-8 in a slide", "{\"events\": [{\"start_date\": {\"year\": 2023},\n\"text\": {\"headline\": \"\xc3(\"}}]}", TimelineJS, 2, "headline", "not UTF-8"},
		{"NUL in a slide", `{"events": [{"start_date": {"year": 2023}, "text": {"headline": "a\u0000"}}]}`, TimelineJS, 1, "text.headline", "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "events.json", tt.f)
			wantParseError(t, err, "events.json", tt.line, tt.column, tt.want)
		})
	}
}

func TestJSONAtTheLimits(t *testing.T) {
	// Text of exactly 1 MiB, however escaped, and surrogate pairs, are read.
	in := `{"events": [{"title": "x", "description": "` + strings.Repeat(`\n`, timeline.MaxFieldBytes) + `", "start": "2023"},` +
		`{"title": "` + strings.Repeat(`\ud83d\ude42`, timeline.MaxFieldBytes/4) + `", "start": "2023"}]}`
	doc, err := Read(strings.NewReader(in), "e.json", JSON)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Events[1].Title; got != strings.Repeat("🙂", timeline.MaxFieldBytes/4) {
		t.Errorf("title of emoji: %d bytes", len(got))
	}
	// An event of 1 MiB fields up to what an event may hold survives the round trip.
	e := timeline.Event{ID: "a", Title: "t", Start: timeline.MustParseDate("2023"), Importance: 3,
		Description: strings.Repeat("\x01", timeline.MaxFieldBytes)}
	for i := 0; i < 6; i++ {
		e.Sources = append(e.Sources, timeline.Source{Title: "s", Quote: strings.Repeat("\"", timeline.MaxFieldBytes)})
	}
	for _, f := range []Format{JSON, CSV} {
		sameEvents(t, []timeline.Event{e}, roundTrip(t, f, Document{Events: []timeline.Event{e}}).Events)
	}
}

func TestReadFileJSONMemory(t *testing.T) {
	// A 48 MiB document of events with long descriptions, and one with a long list nobody
	// reads: reading either takes about the file once, plus the events.
	dir := t.TempDir()
	var b bytes.Buffer
	b.WriteString(`{"title": "big", "unknown": [`)
	for b.Len() < 24<<20 {
		b.WriteString(`{"x": "` + strings.Repeat("u", 1000) + `"},`)
	}
	b.WriteString(`{}], "events": [`)
	desc := strings.Repeat("d", 10000)
	for i := 0; b.Len() < 48<<20; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"title": "A", "start": "2023", "description": "` + desc + `"}`)
	}
	b.WriteString("]}")
	path := filepath.Join(dir, "big.json")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	size := uint64(b.Len())
	b = bytes.Buffer{}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	doc, _, err := ReadFile(path, "", nil)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) < 2000 {
		t.Fatalf("read %d events", len(doc.Events))
	}
	// The file once, the descriptions once, and small change.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("reading a %d MiB file allocated %d MiB", size>>20, alloc>>20)
	if alloc > 5*size/2+(16<<20) {
		t.Errorf("reading a %d MiB file allocated %d MiB", size>>20, alloc>>20)
	}
}
