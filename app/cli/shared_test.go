package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/data/postgres/pgtest"
	"github.com/chronoscope/chronoscope/timeline"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// sharedTeam sets up a database for shared cases through the command line, as a team's
// administrator would, with three analysts; it returns the database's superuser address
// and the analysts' names (admin, writer, reader).
func sharedTeam(t *testing.T) (db string, analysts [3]string) {
	t.Helper()
	db = pgtest.Database(t)
	if r := chrono(t, nil, "--db", db, "admin", "setup"); r.code != 0 || !strings.Contains(r.stdout, "ready for shared cases") {
		t.Fatalf("admin setup = %d %q %q", r.code, r.stdout, r.stderr)
	}
	for i := range analysts {
		analysts[i] = pgtest.Role(t, "analyst")
		if r := chrono(t, nil, "--db", db, "admin", "add-analyst", analysts[i]); r.code != 0 {
			t.Fatalf("add-analyst = %d %q", r.code, r.stderr)
		}
	}
	return db, analysts
}

// caseURL is the address of case name for analyst on db.
func caseURL(t *testing.T, db, analyst, name string) string {
	u := pgtest.As(t, db, analyst)
	if name != "" {
		u = pgtest.WithCase(t, u, name)
	}
	return u
}

// Every command works against a shared case; admin creates cases, grants, revokes and
// lists members; a reader's write is refused in words.
func TestCommandsOnASharedCase(t *testing.T) {
	db, who := sharedTeam(t)
	admin, writer, reader := who[0], who[1], who[2]
	adminDB := caseURL(t, db, admin, "summit")
	if r := chrono(t, nil, "--db", caseURL(t, db, admin, ""), "admin", "create", "summit", "--description", "Vostochny"); r.code != 0 {
		t.Fatalf("admin create = %d %q", r.code, r.stderr)
	}
	for _, g := range [][2]string{{writer, "write"}, {reader, "read"}} {
		if r := chrono(t, nil, "--db", adminDB, "admin", "grant", g[0], g[1]); r.code != 0 || !strings.Contains(r.stdout, g[0]+" may now") {
			t.Fatalf("admin grant = %d %q %q", r.code, r.stdout, r.stderr)
		}
	}
	r := chrono(t, nil, "--db", adminDB, "admin", "members")
	if r.code != 0 || !strings.Contains(r.stdout, reader+"  ") || !strings.Contains(r.stdout, "write") {
		t.Errorf("admin members = %d %q %q", r.code, r.stdout, r.stderr)
	}
	// The writer imports the sample, adds, lists, exports, charts, snapshots and checks,
	// through CHRONOSCOPE_DB.
	sample := filepath.Join(t.TempDir(), "sample.json")
	if r := chrono(t, nil, "--db", tempDB(t), "export", "--format", "json", "--out", sample); r.code == 0 {
		t.Fatal("export of a missing case worked")
	}
	writeSample(t, sample)
	env := map[string]string{"CHRONOSCOPE_DB": caseURL(t, db, writer, "summit")}
	for _, step := range []struct {
		args []string
		want string
	}{
		{[]string{"import", sample}, "13 added"},
		{[]string{"add", "--title", "Talks in Moscow", "--start", "2024-06", "--lane", "Diplomacy", "--actor", "Sergei Lavrov"}, "added "},
		{[]string{"list", "--query", "cosmodrome"}, "Vostochny cosmodrome"},
		{[]string{"list", "--from", "2024", "--format", "json"}, `"Talks in Moscow"`},
		{[]string{"export", "--format", "csv", "--out", "-"}, "Talks in Moscow"},
		{[]string{"chart", "--kind", "histogram", "--out", filepath.Join(t.TempDir(), "h.html")}, "of 14 events"},
		{[]string{"snapshot", "--out", filepath.Join(t.TempDir(), "s.png")}, "wrote"},
		{[]string{"check"}, "is whole: 6 tables checked, 14 events"},
	} {
		r := chrono(t, env, step.args...)
		if r.code != 0 || !strings.Contains(r.stdout, step.want) {
			t.Errorf("%s = %d %q %q, want %q", step.args[0], r.code, r.stdout, r.stderr, step.want)
		}
	}
	// The reader reads and is refused a write in words; a revoked reader reads nothing.
	readerDB := caseURL(t, db, reader, "summit")
	if r := chrono(t, nil, "--db", readerDB, "list"); r.code != 0 || !strings.Contains(r.stdout, "Talks in Moscow") {
		t.Errorf("reader's list = %d %q", r.code, r.stderr)
	}
	r = chrono(t, nil, "--db", readerDB, "add", "--title", "Mine", "--start", "2024")
	if r.code != 1 || !strings.Contains(r.stderr, "you can read this case but not change it") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("reader's add = %d %q", r.code, r.stderr)
	}
	if r := chrono(t, nil, "--db", readerDB, "admin", "grant", reader, "admin"); r.code != 1 || !strings.Contains(r.stderr, "only an admin") {
		t.Errorf("reader's grant = %d %q", r.code, r.stderr)
	}
	if r := chrono(t, nil, "--db", adminDB, "admin", "revoke", reader); r.code != 0 {
		t.Errorf("revoke = %d %q", r.code, r.stderr)
	}
	if r := chrono(t, nil, "--db", readerDB, "list"); r.code != 1 || !strings.Contains(r.stderr, "not one of its members") {
		t.Errorf("revoked reader's list = %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := chrono(t, nil, "--db", readerDB, "recover", "--out", filepath.Join(t.TempDir(), "x.chronoscope")); r.code != 1 ||
		!strings.Contains(r.stderr, "PostgreSQL server, not in a file") {
		t.Errorf("recover of a shared case = %d %q", r.code, r.stderr)
	}
	if r := chrono(t, nil, "--db", caseURL(t, db, admin, ""), "admin", "cases"); r.code != 0 || !strings.Contains(r.stdout, "summit  admin") {
		t.Errorf("admin cases = %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// writeSample writes the sample chronology as native JSON to path.
func writeSample(t *testing.T, path string) {
	t.Helper()
	home := sampleHome(t)
	if r := chrono(t, home, "export", "--format", "json", "--out", path); r.code != 0 {
		t.Fatalf("export the sample = %d %q", r.code, r.stderr)
	}
}

// A case copied from a file to a shared case and back is the same, field by field:
// every event with its stamps and version, the lanes with their colours and places, the
// name and description.
func TestCopyRoundTrip(t *testing.T) {
	db, who := sharedTeam(t)
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig"+data.Extension)
	s, err := data.Open(orig, data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.SetInfo(ctx, timeline.CaseInfo{Name: "roundtrip", Description: "Описание 说明"}); err != nil {
		t.Fatal(err)
	}
	evs := append(timeline.Sample(), roundTripExtras()...)
	if _, err := s.Put(ctx, evs, nil); err != nil {
		t.Fatal(err)
	}
	edit := evs[0]
	edit.Title += " (edited)"
	if _, err := s.Put(ctx, []timeline.Event{edit}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLane(ctx, timeline.LaneInfo{Name: "Space", Colour: "#123456", Position: 7}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	shared := caseURL(t, db, who[0], "roundtrip")
	r := chrono(t, nil, "copy", "--from", orig, "--to", shared)
	if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("copied %d events", len(evs))) {
		t.Fatalf("copy to the server = %d %q %q", r.code, r.stdout, r.stderr)
	}
	back := filepath.Join(dir, "back"+data.Extension)
	if r := chrono(t, nil, "copy", "--from", shared, "--to", back); r.code != 0 {
		t.Fatalf("copy back = %d %q %q", r.code, r.stdout, r.stderr)
	}
	a, b := readCase(t, orig), readCase(t, back)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the round trip changed the case:\n was %+v\n now %+v", a, b)
	}
	if a.events[edit.ID].Version != 2 || !strings.HasSuffix(b.events[edit.ID].Title, "(edited)") {
		t.Errorf("the edited event came back as %+v", b.events[edit.ID])
	}
	// A copy never writes over a case: not an existing file, not a shared case with events.
	if r := chrono(t, nil, "copy", "--from", orig, "--to", back); r.code != 1 || !strings.Contains(r.stderr, "refusing to write over") {
		t.Errorf("copy over an existing file = %d %q", r.code, r.stderr)
	}
	if r := chrono(t, nil, "copy", "--from", back, "--to", shared); r.code != 1 || !strings.Contains(r.stderr, fmt.Sprintf("holds %d events already", len(evs))) {
		t.Errorf("copy into a shared case with events = %d %q", r.code, r.stderr)
	}
	if r := chrono(t, nil, "copy", "--from", orig); r.code != 2 {
		t.Errorf("copy without --to = %d %q", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %d files after the copies, want the two cases", len(entries))
	}
}

// roundTripExtras are events with every field set, and dates BCE and in 2263.
func roundTripExtras() []timeline.Event {
	lat, lon := -33.5, 151.25
	full := timeline.Event{ID: "full", Title: "Саммит — 김정은 «quoted»", Description: "line one\nline \"two\"\ttab",
		Start: timeline.MustParseDate("-0043-03-15"), End: timeline.MustParseDate("2263-01-01"),
		Lane: "Ancient", Actors: []string{"Julius Caesar", "Brutus"}, Tags: []string{"ides", "march"},
		Location: timeline.Location{Name: "Rome", Lat: &lat, Lon: &lon}, Importance: 1,
		Sources: []timeline.Source{{Title: "Plutarch", URL: "https://example.org/p", Publisher: "Loeb", Date: "0100",
			Quote: "et tu", Reliability: "C", Credibility: 3}, {URL: "mailto:a@example.org"}},
		Attrs: map[string]string{"fatalities": "1", "display_date": "Ides of March"}}
	fuzzy := timeline.Event{ID: "fuzzy", Title: "Sometime", Start: timeline.MustParseDate("201X?"), Importance: 5}
	return []timeline.Event{full, fuzzy}
}

// caseContents is everything a case holds, for comparing two.
type caseContents struct {
	info   timeline.CaseInfo
	lanes  []timeline.LaneInfo
	events map[string]timeline.Event
}

func readCase(t *testing.T, path string) caseContents {
	t.Helper()
	s, err := data.Open(path, data.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var c caseContents
	if c.info, err = s.Info(ctx); err != nil {
		t.Fatal(err)
	}
	if c.lanes, err = s.Lanes(ctx); err != nil {
		t.Fatal(err)
	}
	sort.Slice(c.lanes, func(i, j int) bool { return c.lanes[i].Name < c.lanes[j].Name })
	evs, err := s.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	c.events = map[string]timeline.Event{}
	for _, e := range evs {
		c.events[e.ID] = e
	}
	return c
}
