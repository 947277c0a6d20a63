package format

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

func fp(f float64) *float64 { return &f }

// richEvents are events with every field set, in many scripts, with every kind of EDTF
// date, and text full of the characters formats must escape.
func richEvents() []timeline.Event {
	created := time.Date(2024, 2, 29, 10, 11, 12, 123456789, time.UTC)
	updated := time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("KST", 9*3600))
	evs := []timeline.Event{
		{
			ID: "ev-1", Title: "Summit in Владивосток, \"quoted\"; semi",
			Description: "Line one, with comma\nLine two with \"quotes\"; and semicolons\n\tindented \\ backslash",
			Start:       timeline.MustParseDate("2023-09-13"), End: timeline.MustParseDate("2023-09-17"),
			Lane: "Diplomacy; talks", Actors: []string{"김정은", "Владимир Путин", "A;B", `back\slash`, `end\`},
			Tags:       []string{"summit", "tag, with comma", "x;y"},
			Location:   timeline.Location{Name: "Владивосток, Russia", Lat: fp(43.1155), Lon: fp(131.885499999)},
			Importance: 5,
			Sources: []timeline.Source{
				{Title: "Example Wire", URL: "https://example.org/a?b=1&c=2", Publisher: "Wire, Inc.",
					Date: "2023-09-14", Quote: "He said \"yes\",\nthen left; later", Reliability: "B", Credibility: 2, ID: "src-wire"},
				{Title: "조선중앙통신", Publisher: "KCNA", Reliability: "E", Credibility: 5},
				{URL: "https://example.com/only-url"},
			},
			Attrs:   map[string]string{"media_url": "https://example.org/img.png", "Weird Key; x": "v,\"1\"\n2"},
			Notes:   "First paragraph of my note; with \"quotes\".\n\nSecond paragraph, Владивосток.",
			Created: created, Updated: updated,
		},
		// ev-2 cites the first source of ev-1 (a shared source) with a quote of its own.
		{ID: "ev-2", Title: "Ides of March", Start: timeline.MustParseDate("-0043-03-15"), Importance: 1,
			Location: timeline.Location{Lat: fp(-41.9), Lon: fp(-12.5)},
			Sources: []timeline.Source{{Title: "Example Wire", URL: "https://example.org/a?b=1&c=2", Publisher: "Wire, Inc.",
				Date: "2023-09-14", Quote: "another quote", Reliability: "B", Credibility: 2, ID: "src-wire"}}},
		{ID: "ev-3", Title: "Far future", Start: timeline.MustParseDate("2263-01-01"), Importance: 3},
		{ID: "ev-4", Title: "About the fifth", Start: timeline.MustParseDate("2023-09-05~"),
			End: timeline.MustParseDate("2023-10?"), Importance: 2},
		{ID: "ev-5", Title: "Perhaps May", Start: timeline.MustParseDate("2023-05?"), Importance: 3},
		{ID: "ev-6", Title: "A year in the 2010s", Start: timeline.MustParseDate("201X"),
			End: timeline.MustParseDate("2020%"), Importance: 4},
		{ID: "ev-7", Title: "A time of day", Start: timeline.MustParseDate("2023-09-13T14:05:09Z"),
			End: timeline.MustParseDate("2023-09-14T01:00:00+09:00"), Importance: 3,
			Location: timeline.Location{Name: "Only a name"}},
		{ID: "ev-8", Title: "Some day in September", Start: timeline.MustParseDate("2023-09-XX"), Importance: 3},
	}
	for i := range evs {
		evs[i].Normalize()
		if err := evs[i].Validate(); err != nil {
			panic(err)
		}
	}
	return evs
}

// sameEvents compares events field by field.
func sameEvents(t *testing.T, want, got []timeline.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		check := func(field string, a, b any) {
			t.Helper()
			if !reflect.DeepEqual(a, b) {
				t.Errorf("event %d (%s) %s: got %#v, want %#v", i, w.Title, field, b, a)
			}
		}
		check("ID", w.ID, g.ID)
		check("Title", w.Title, g.Title)
		check("Description", w.Description, g.Description)
		check("Start", w.Start, g.Start)
		check("End", w.End, g.End)
		check("Lane", w.Lane, g.Lane)
		check("Actors", w.Actors, g.Actors)
		check("Tags", w.Tags, g.Tags)
		check("Location.Name", w.Location.Name, g.Location.Name)
		check("Location.Lat", w.Location.Lat, g.Location.Lat)
		check("Location.Lon", w.Location.Lon, g.Location.Lon)
		check("Importance", w.Importance, g.Importance)
		check("Sources", w.Sources, g.Sources)
		check("Attrs", w.Attrs, g.Attrs)
		check("Notes", w.Notes, g.Notes)
		if !w.Created.Equal(g.Created) || !w.Updated.Equal(g.Updated) {
			t.Errorf("event %d created/updated: got %v %v, want %v %v", i, g.Created, g.Updated, w.Created, w.Updated)
		}
	}
}

// roundTrip writes doc in f and reads it back.
func roundTrip(t *testing.T, f Format, doc Document) Document {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, doc); err != nil {
		t.Fatalf("write %s: %v", f, err)
	}
	got, err := Read(bytes.NewReader(buf.Bytes()), "roundtrip."+string(f), f)
	if err != nil {
		t.Fatalf("read back %s: %v\n%s", f, err, buf.String())
	}
	return got
}

// readFile reads a file under testdata (or the shared fixtures) with Read.
func readFile(t *testing.T, path string, f Format) Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(bytes.NewReader(data), filepath.Base(path), f)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return doc
}

// sharedFixture is the path of a file in the shared fixtures folder that may sit beside
// the repository (../shared/fixtures). Those real public files are an extra check: a
// fresh clone has only its own testdata, so when the folder is not there ok is false and
// the caller checks nothing more (and says so in the log).
func sharedFixture(t testing.TB, name string) (path string, ok bool) {
	t.Helper()
	for _, dir := range []string{"../../../shared/fixtures", "../../../../shared/fixtures"} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
	}
	t.Logf("no shared fixture %s beside the repository: the extra check on it was not run", name)
	return "", false
}

// wantParseError checks err is a *ParseError at line and column whose message holds msg.
func wantParseError(t *testing.T, err error, file string, line int, column, msg string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v (%T), want a *ParseError", err, err)
	}
	if pe.File != file || pe.Line != line || pe.Column != column || !strings.Contains(pe.Msg, msg) {
		t.Errorf("got %q (file %q line %d column %q), want file %q line %d column %q with %q",
			pe.Error(), pe.File, pe.Line, pe.Column, file, line, column, msg)
	}
}

// checkValid is what every fuzz target asserts of a successful Read.
func checkValid(t *testing.T, doc Document) {
	t.Helper()
	ids := map[string]bool{}
	for i := range doc.Events {
		e := doc.Events[i]
		if err := e.Validate(); err != nil {
			t.Fatalf("event %d does not validate: %v", i, err)
		}
		if e.ID == "" || ids[e.ID] {
			t.Fatalf("event %d has an empty or repeated id %q", i, e.ID)
		}
		ids[e.ID] = true
	}
}

func asParseError(err error, pe **ParseError) bool { return errors.As(err, pe) }

// addSharedSeeds adds the shared TimelineJS fixtures to a fuzz target's seed corpus: real
// files, whichever format the target reads.
func addSharedSeeds(f *testing.F) {
	for _, name := range []string{"timelinejs-women-in-computing.json", "timelinejs-women-in-computing.csv"} {
		for _, dir := range []string{"../../../shared/fixtures", "../../../../shared/fixtures"} {
			if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				f.Add(data)
				break
			}
		}
	}
}
