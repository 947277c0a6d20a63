package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	_ "github.com/mattn/go-sqlite3"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

type result struct {
	code           int
	stdout, stderr string
}

// chrono runs the command line as main does, with the environment given.
func chrono(t *testing.T, envVars map[string]string, args ...string) result {
	t.Helper()
	getenv := func(k string) string { return envVars[k] }
	db, rest, err := SplitGlobal(args, getenv)
	if err != nil {
		return result{code: ExitUsage, stderr: err.Error()}
	}
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: getenv, DB: db,
		DefaultCase: testDefaultCase(envVars), Create: testCreate,
		Snapshot: func(_ context.Context, s timeline.Store, f timeline.Filter, w, h int, wr io.Writer) error {
			n, err := s.Count(context.Background(), f)
			if err != nil {
				return err
			}
			_, err = io.WriteString(wr, strings.Repeat("x", n))
			return err
		}}
	code := Run(context.Background(), rest, env)
	return result{code, out.String(), errb.String()}
}

// testDefaultCase is the default case of a test's environment: a file in its XDG_DATA_HOME
// ("" without one, so no test touches the user's own case).
func testDefaultCase(envVars map[string]string) string {
	if envVars["XDG_DATA_HOME"] == "" {
		return ""
	}
	return filepath.Join(envVars["XDG_DATA_HOME"], "chronoscope", "default"+data.Extension)
}

// testCreate opens cases for writing as main.go's wiring does: a new default case starts
// with the sample chronology.
func testCreate(path string, isDefault bool) (*data.Store, error) {
	_, statErr := os.Stat(path)
	s, err := data.Open(path, data.OpenOrCreate)
	if err != nil || !isDefault || !errors.Is(statErr, os.ErrNotExist) {
		return s, err
	}
	ctx := context.Background()
	if err := s.SetInfo(ctx, timeline.SampleInfo); err != nil {
		return nil, err
	}
	_, err = s.Put(ctx, timeline.Sample(), nil)
	return s, err
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "case"+data.Extension) }

func TestDefaultCaseStartsWithTheSample(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"XDG_DATA_HOME": home, "APPDATA": home}
	// The first write makes the default case, with the sample in it (list only reads: it
	// refuses a case that is not there yet, see TestReadCommandsCreateNothing).
	if r := chrono(t, env, "add", "--id", "mine", "--title", "Mine", "--start", "2024"); r.code != 0 {
		t.Fatalf("add = %d %s", r.code, r.stderr)
	}
	r := chrono(t, env, "list", "--format", "json")
	if r.code != 0 {
		t.Fatalf("list = %d %s", r.code, r.stderr)
	}
	var doc struct {
		Title  string
		Events []struct{ ID, Title, Start string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("list --format json is not JSON: %v\n%s", err, r.stdout)
	}
	if doc.Title != timeline.SampleInfo.Name || len(doc.Events) != len(timeline.Sample())+1 {
		t.Errorf("default case = %q with %d events", doc.Title, len(doc.Events))
	}
	if _, err := os.Stat(testDefaultCase(env)); err != nil {
		t.Errorf("the default case is not in the data folder: %v", err)
	}
}

func TestNewDBIsEmpty(t *testing.T) {
	db := tempDB(t)
	// CHRONOSCOPE_DB is read too; a new --db case holds only what was added.
	r := chrono(t, map[string]string{"CHRONOSCOPE_DB": db}, "add", "--title", "T", "--start", "2023")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := chrono(t, nil, "--db", db, "list"); r.code != 0 || strings.Count(strings.TrimSpace(r.stdout), "\n") != 1 {
		t.Errorf("a new --db case holds more than the event added: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if r := chrono(t, nil, "--db="+db, "list", "--format", "csv"); !strings.Contains(r.stdout, "T,2023") && !strings.Contains(r.stdout, ",T,") {
		t.Errorf("event added through CHRONOSCOPE_DB not listed: %s", r.stdout)
	}
}

func TestAddEveryFieldThenList(t *testing.T) {
	db := tempDB(t)
	r := chrono(t, nil, "--db", db, "add", "--id", "x1", "--title", "Summit at Vostochny", "--start", "2023-09-13",
		"--end", "2023-09-14", "--lane", "Diplomacy", "--actor", "Kim Jong-un", "--actor", "Vladimir Putin",
		"--tag", "summit", "--tag", "space", "--description", "Talks", "--location", "Vostochny",
		"--lat", "51.88", "--lon", "128.33", "--importance", "5", "--source-title", "Wire", "--source-url", "https://example.org/a",
		"--publisher", "Agency", "--source-date", "2023-09-13", "--quote", "top priority", "--reliability", "B", "--credibility", "2")
	if r.code != 0 || !strings.Contains(r.stdout, "added x1") {
		t.Fatalf("add = %d %q %q", r.code, r.stdout, r.stderr)
	}
	s, err := data.Open(db, data.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := s.Get(context.Background(), "x1")
	if err != nil {
		t.Fatal(err)
	}
	if e.Title != "Summit at Vostochny" || e.End.Text != "2023-09-14" || e.Lane != "Diplomacy" || len(e.Actors) != 2 ||
		len(e.Tags) != 2 || e.Description != "Talks" || e.Location.Name != "Vostochny" || *e.Location.Lat != 51.88 ||
		e.Importance != 5 || len(e.Sources) != 1 || e.Sources[0].Grade() != "B2" || e.Sources[0].Quote != "top priority" ||
		e.Sources[0].Publisher != "Agency" {
		t.Errorf("stored event = %+v", e)
	}
	table := chrono(t, nil, "--db", db, "list", "--from", "2023-09", "--to", "2023-09", "--lane", "Diplomacy")
	if !strings.Contains(table.stdout, "Summit at Vostochny") || !strings.Contains(table.stdout, "B2") {
		t.Errorf("table = %s", table.stdout)
	}
	if r := chrono(t, nil, "--db", db, "list", "--query", "priority"); strings.Contains(r.stdout, "Summit") {
		t.Errorf("the quote is not in the full-text index, but matched: %s", r.stdout)
	}
	if r := chrono(t, nil, "--db", db, "list", "--query", "putin"); !strings.Contains(r.stdout, "Summit") {
		t.Errorf("search by actor found nothing: %s", r.stdout)
	}
}

func TestDatesAsAnalystsWriteThem(t *testing.T) {
	db := tempDB(t)
	for _, d := range []string{"-0043-03-15", "1600-06-01", "2263-01-01", "2023-09-05~", "2023-05?", "201X", "2020-01", "2023-09-13T10:30:00+09:00"} {
		if r := chrono(t, nil, "--db", db, "add", "--title", "at "+d, "--start", d); r.code != 0 {
			t.Errorf("add --start %s = %d %s", d, r.code, r.stderr)
		}
	}
	r := chrono(t, nil, "--db", db, "list", "--format", "csv")
	for _, d := range []string{"-0043-03-15", "2263-01-01", "2023-09-05~", "201X"} {
		if !strings.Contains(r.stdout, d) {
			t.Errorf("%s did not come back: %s", d, r.stdout)
		}
	}
	lines := strings.Split(strings.TrimSpace(chrono(t, nil, "--db", db, "list").stdout), "\n")
	if len(lines) != 9 || !strings.HasPrefix(lines[1], "-0043-03-15") || !strings.HasPrefix(lines[8], "2263-01-01") {
		t.Errorf("list is not in date order:\n%s", strings.Join(lines, "\n"))
	}
}

func TestBadInputOneLine(t *testing.T) {
	db := tempDB(t)
	text := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(text, []byte("not a case\n"), 0o644)
	newer := filepath.Join(t.TempDir(), "newer"+data.Extension)
	s, err := data.Open(newer, data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, _ := sql.Open("sqlite3", newer)
	raw.Exec("PRAGMA user_version = 42")
	raw.Close()
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"bad month", []string{"--db", db, "add", "--title", "T", "--start", "2023-13-45"}, 1, "no month 13"},
		{"bad day", []string{"--db", db, "add", "--title", "T", "--start", "2023-02-30"}, 1, "no day 30"},
		{"words", []string{"--db", db, "add", "--title", "T", "--start", "next Tuesday"}, 1, "not a date"},
		{"end before start", []string{"--db", db, "add", "--title", "T", "--start", "2023-09-13", "--end", "2023-09-01"}, 1, "before the start"},
		{"bad grade", []string{"--db", db, "add", "--title", "T", "--start", "2023", "--reliability", "Z"}, 1, "A to F"},
		{"bad credibility", []string{"--db", db, "add", "--title", "T", "--start", "2023", "--credibility", "9"}, 1, "1 to 6"},
		{"bad importance", []string{"--db", db, "add", "--title", "T", "--start", "2023", "--importance", "7"}, 1, "1 to 5"},
		{"no title", []string{"--db", db, "add", "--start", "2023"}, 2, "--title is required"},
		{"no start", []string{"--db", db, "add", "--title", "T"}, 2, "--start is required"},
		{"unknown flag", []string{"--db", db, "list", "--colour", "red"}, 2, "colour"},
		{"unknown command", []string{"--db", db, "frobnicate"}, 2, "unknown command"},
		{"bad list format", []string{"--db", db, "list", "--format", "xml"}, 2, "table, csv or json"},
		{"bad --from", []string{"--db", db, "list", "--from", "2023-13"}, 1, "--from"},
		{"text file as case", []string{"--db", text, "list"}, 1, "not a Chronoscope case"},
		{"newer case", []string{"--db", newer, "list"}, 1, "newer Chronoscope"},
		{"missing import", []string{"--db", db, "import", filepath.Join(t.TempDir(), "none.csv")}, 1, "no such file"},
		{"chart kind", []string{"--db", db, "chart", "--kind", "pie", "--out", "x.html"}, 2, "--kind"},
		{"import format", []string{"--db", db, "import", "--format", "xml", "x.xml"}, 2, "--format is auto, csv"},
		{"export no out", []string{"--db", db, "export", "--format", "csv"}, 2, "--out"},
		{"export no format", []string{"--db", db, "export", "--out", "x.txt"}, 2, "--format is required"},
	}
	for _, tt := range tests {
		textBefore, _ := os.ReadFile(text)
		newerBefore, _ := os.ReadFile(newer)
		r := chrono(t, nil, tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: exit %d, want %d (%s)", tt.name, r.code, tt.code, r.stderr)
		}
		if !strings.Contains(r.stderr, tt.says) {
			t.Errorf("%s: stderr %q does not say %q", tt.name, r.stderr, tt.says)
		}
		if strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s: stderr is not one line: %q", tt.name, r.stderr)
		}
		if after, _ := os.ReadFile(text); !bytes.Equal(after, textBefore) {
			t.Errorf("%s changed the text file", tt.name)
		}
		if after, _ := os.ReadFile(newer); !bytes.Equal(after, newerBefore) {
			t.Errorf("%s changed the newer case", tt.name)
		}
	}
	if r := chrono(t, nil, "--db", db, "list"); strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("refused adds left events:\n%s", r.stdout)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"list", "-h"}} {
		r := chrono(t, nil, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "usage:") {
			t.Errorf("%v = %d %q", args, r.code, r.stdout)
		}
	}
}

func TestSnapshotCommand(t *testing.T) {
	db := tempDB(t)
	chrono(t, nil, "--db", db, "add", "--title", "A", "--start", "2023-09-13")
	out := filepath.Join(t.TempDir(), "t.png")
	r := chrono(t, nil, "--db", db, "snapshot", "--out", out, "--from", "2023-09", "--to", "2023-09")
	if r.code != 0 {
		t.Fatalf("snapshot = %d %s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "x" {
		t.Errorf("snapshot wrote %q, want the one event drawn", b)
	}
	if r := chrono(t, nil, "--db", db, "snapshot", "--out", "t.jpg"); r.code != 2 {
		t.Errorf("snapshot to a .jpg = %d", r.code)
	}
}

func TestImportExportRoundTrip(t *testing.T) {
	env := sampleHome(t)
	dir := t.TempDir()
	for _, f := range []string{"csv", "json"} {
		out := filepath.Join(dir, "sample."+f)
		// The format is the extension's (--format not given).
		if r := chrono(t, env, "export", "--out", out); r.code != 0 {
			t.Fatalf("export %s = %d %s", f, r.code, r.stderr)
		}
		db := filepath.Join(dir, f+data.Extension)
		r := chrono(t, nil, "--db", db, "import", out)
		if r.code != 0 || !strings.Contains(r.stdout, "13 added, 0 updated, 0 unchanged") {
			t.Fatalf("import %s = %d %q %q", f, r.code, r.stdout, r.stderr)
		}
		// Importing the same file twice changes nothing.
		if r := chrono(t, nil, "--db", db, "import", out); !strings.Contains(r.stdout, "0 added, 0 updated, 13 unchanged") {
			t.Errorf("second import of %s: %q", f, r.stdout)
		}
		// Everything but the stamp of the last write, which is when the import wrote it.
		a := stripUpdated(chrono(t, env, "list", "--format", "json").stdout)
		b := stripUpdated(chrono(t, nil, "--db", db, "list", "--format", "json").stdout)
		if f == "csv" { // a CSV holds events, not the case's name
			a, b = a[strings.Index(a, `"events"`):], b[strings.Index(b, `"events"`):]
		}
		if a != b || !strings.Contains(a, `"created"`) {
			t.Errorf("%s round trip changed the case:\n%s\n---\n%s", f, a, b)
		}
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	db := tempDB(t)
	chrono(t, nil, "--db", db, "add", "--title", "Kept", "--start", "2023")
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("title,start\nOne,2023-09-13\n"), 0o644)
	bad := filepath.Join(dir, "events.csv")
	os.WriteFile(bad, []byte("\ufeffid,title,start\r\n1,Ok,2023-09-13\r\n2,\"Quoted, with comma\",2023-09\r\n3,\"multi\nline\",2023\r\n4,Bad,2023-13-45\r\n"), 0o644)
	before, _ := os.ReadFile(db)
	r := chrono(t, nil, "--db", db, "import", good, bad)
	if r.code != 1 || strings.TrimSpace(r.stderr) != `chronoscope: import events.csv: line 6, column start: "2023-13-45" is not a date: there is no month 13` {
		t.Errorf("import = %d %q", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Errorf("a refused import changed the case file")
	}
	if r := chrono(t, nil, "--db", db, "list", "--format", "csv"); strings.Contains(r.stdout, "One") || !strings.Contains(r.stdout, "Kept") {
		t.Errorf("the case changed: %s", r.stdout)
	}
}

func TestChartCommandIsDeterministic(t *testing.T) {
	env := sampleHome(t)
	env["SOURCE_DATE_EPOCH"] = "1694563200"
	dir := t.TempDir()
	var pages [2][]byte
	for i := range pages {
		out := filepath.Join(dir, fmt.Sprintf("report%d.html", i))
		if r := chrono(t, env, "chart", "--kind", "report", "--out", out); r.code != 0 || !strings.Contains(r.stdout, "13 events") {
			t.Fatalf("chart = %d %q %q", r.code, r.stdout, r.stderr)
		}
		pages[i], _ = os.ReadFile(out)
	}
	if !bytes.Equal(pages[0], pages[1]) || len(pages[0]) == 0 {
		t.Errorf("two exports differ")
	}
	if !bytes.Contains(pages[0], []byte("Kim-Putin summit")) || !bytes.Contains(pages[0], []byte("2023-09-13")) {
		t.Errorf("the report lacks the case name or the generated-at stamp")
	}
	if r := chrono(t, env, "chart", "--kind", "histogram", "--out", filepath.Join(dir, "missing", "x.html")); r.code != 1 {
		t.Errorf("chart into a missing folder = %d", r.code)
	}
}

func stripUpdated(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, `"updated":`) {
			keep = append(keep, strings.TrimSuffix(l, ","))
		}
	}
	return strings.Join(keep, "\n")
}

// TestTableLinesUpWideCharacters checks that the ID column starts at the same terminal
// column on every line, whatever the titles' scripts: Hangul takes two cells a letter.
func TestTableLinesUpWideCharacters(t *testing.T) {
	db := tempDB(t)
	for i, title := range []string{"김정은 보스토치니 도착", "Путин встречает Ким Чен Ына", "Summit"} {
		if r := chrono(t, nil, "--db", db, "add", "--id", fmt.Sprintf("id%d", i), "--title", title, "--start", "2023-09-13"); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	r := chrono(t, nil, "--db", db, "list")
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("list gave %d lines:\n%s", len(lines), r.stdout)
	}
	want := -1
	for _, l := range lines {
		at := strings.LastIndex(l, " ")
		col := runewidth.StringWidth(l[:at+1])
		if want < 0 {
			want = col
		} else if col != want {
			t.Errorf("ID column at cell %d, want %d, in %q", col, want, l)
		}
	}
}

func TestExtract(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	os.WriteFile(article, []byte("Kim and Putin\n\nKim Jong-un met Vladimir Putin at the Vostochny cosmodrome on 13 September 2023.\n"+
		"On Tuesday, North Korea fired two ballistic missiles. Their first summit was in April 2019.\n"+
		"The border was closed from January 2020 to September 2023.\n"), 0o644)
	undated := filepath.Join(dir, "undated.txt")
	os.WriteFile(undated, []byte("It happened on Tuesday."), 0o644)
	r := chrono(t, nil, "extract", "--reference", "2023-09-14", article)
	if r.code != 0 {
		t.Fatalf("extract = %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"2023-09-13", "2023-09-12*", "2019-04", "2020-01 to 2023-09", "read against 2023-09-14"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}

	// The JSON is the native format: it imports.
	r = chrono(t, nil, "extract", "--reference", "2023-09-14", "--format", "json", article)
	if r.code != 0 {
		t.Fatalf("extract --format json = %d %s", r.code, r.stderr)
	}
	doc := filepath.Join(dir, "found.json")
	os.WriteFile(doc, []byte(r.stdout), 0o644)
	db := tempDB(t)
	if r := chrono(t, nil, "--db", db, "import", doc); r.code != 0 || !strings.HasPrefix(r.stdout, "4 added") {
		t.Fatalf("import of the extract = %d %q %s", r.code, r.stdout, r.stderr)
	}
	if r := chrono(t, nil, "--db", db, "list", "--query", "cosmodrome", "--format", "csv"); !strings.Contains(r.stdout, "2023-09-13") ||
		!strings.Contains(r.stdout, "article.txt") {
		t.Errorf("the imported candidate lacks its date or its source:\n%s", r.stdout)
	}
	if r := chrono(t, nil, "--db", db, "list", "--query", "border", "--format", "csv"); !strings.Contains(r.stdout, "2020-01,2023-09") {
		t.Errorf("the span did not import as one:\n%s", r.stdout)
	}

	// Standard input, written on the day its byline says.
	env := Env{Stdin: strings.NewReader("Published 29 February 2024\nIt happened yesterday."), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), []string{"extract", "-"}, env); code != 0 || !strings.Contains(env.Stdout.(*bytes.Buffer).String(), "2024-02-28*") {
		t.Errorf("extract - = %d %s %s", code, env.Stdout, env.Stderr)
	}

	// Bad input: one line, exit 1; usage: exit 2.
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"extract", filepath.Join(dir, "missing.txt")}, ExitError, "missing.txt: no such file"},
		{[]string{"extract", "--reference", "2023-09", article}, ExitError, "is not a day"},
		{[]string{"extract", "--reference", "2023-13-01", article}, ExitError, "--reference"},
		{[]string{"extract"}, ExitUsage, "one FILE"},
		{[]string{"extract", undated}, ExitError, "give the day with --reference"},
		{[]string{"extract", "--reference", "2023-09-14", "--grade", "G7", article}, ExitUsage, "--grade"},
		{[]string{"extract", "--format", "xml", article}, ExitUsage, "--format"},
	} {
		r := chrono(t, nil, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.msg) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v = %d %q, want %d and %q", tt.args, r.code, r.stderr, tt.code, tt.msg)
		}
	}
}

// TestTableKeepsControlSequencesOut lists a title with a terminal escape sequence in it:
// the table shows its text without the escape.
func TestTableKeepsControlSequencesOut(t *testing.T) {
	db := tempDB(t)
	if r := chrono(t, nil, "--db", db, "add", "--title", "Red \x1b[31malert\x1b[0m\x07 issued", "--start", "2023-09-13"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := chrono(t, nil, "--db", db, "list")
	if strings.ContainsAny(r.stdout, "\x1b\x07") || !strings.Contains(r.stdout, "Red [31malert[0m issued") {
		t.Errorf("table: %q", r.stdout)
	}
}

// TestExportsShareOneClockRule: a SOURCE_DATE_EPOCH that is no whole number of seconds
// stops the chart and the events export alike, with the same words, writing nothing.
func TestExportsShareOneClockRule(t *testing.T) {
	env := sampleHome(t)
	env["SOURCE_DATE_EPOCH"] = "last tuesday"
	dir := t.TempDir()
	chart := filepath.Join(dir, "chart.html")
	ics := filepath.Join(dir, "events.ics")
	want := `SOURCE_DATE_EPOCH "last tuesday" is not a whole number of seconds`
	for _, args := range [][]string{{"chart", "--kind", "timeline", "--out", chart}, {"export", "--format", "ics", "--out", ics}} {
		r := chrono(t, env, args...)
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("%s with a bad SOURCE_DATE_EPOCH = %d %q", args[0], r.code, r.stderr)
		}
	}
	for _, p := range []string{chart, ics} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", filepath.Base(p))
		}
	}
}

// TestExportSaysHowManyInWords: one event is "1 event", not "1 events".
func TestExportSaysHowManyInWords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "one"+data.Extension)
	if r := chrono(t, nil, "--db", db, "add", "--title", "T", "--start", "2023"); r.code != 0 {
		t.Fatalf("add = %d %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "one.json")
	r := chrono(t, nil, "--db", db, "export", "--out", out)
	if r.code != 0 || r.stdout != "exported 1 event to "+out+"\n" {
		t.Errorf("export = %d %q %q, want \"exported 1 event to %s\"", r.code, r.stdout, r.stderr, out)
	}
}
