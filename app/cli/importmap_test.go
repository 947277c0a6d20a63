package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// handMade is a spreadsheet typed by hand in French: semicolons, day-first dates, a
// notes column, a row before year 1, a column Chronoscope has no field for.
const handMade = "Date;Événement;Remarques;Qui;Analyste\r\n" +
	"13/09/2023;Rencontre Kim-Poutine;Au cosmodrome;\"Kim Jong-un, Vladimir Poutine\";JB\r\n" +
	"05/09/2023;Avertissement américain;Kirby parle;John Kirby;JB\r\n" +
	"15 mars 44 av. J.-C.;Assassinat de César;Aux ides de mars;Jules César;KL\r\n"

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportDryRunPrintsTheMapping checks that --dry-run says how each column is read and
// shows the first events, and writes nothing, not even a new case.
func TestImportDryRunPrintsTheMapping(t *testing.T) {
	db := tempDB(t)
	sheet := writeFile(t, "chronologie.csv", handMade)
	r := chrono(t, nil, "--db", db, "import", "--dry-run", sheet)
	if r.code != 0 {
		t.Fatalf("dry run: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"Date       start", "Événement  title", "Remarques  description", "Qui        actors", "Analyste   attr:Analyste",
		"dates in numbers are read day-month-year (the dates say so)",
		"--map 'start=Date,title=Événement,description=Remarques,actors=Qui'",
		"3 events", "2023-09-13               Rencontre Kim-Poutine  [actors Kim Jong-un; Vladimir Poutine, attr:Analyste=JB]",
		"-0043-03-15              Assassinat de César", "nothing was written",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, r.stdout)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a dry run created the case")
	}
}

// TestImportMapAndDateOrder imports a spreadsheet with roles and the order chosen.
func TestImportMapAndDateOrder(t *testing.T) {
	db := tempDB(t)
	sheet := writeFile(t, "sheet.csv", "When,What,Notes\n05/09/2023,US warning,Kirby\n")
	if r := chrono(t, nil, "--db", db, "import", "--map", "title=Notes,description=What", "--date-order", "mdy", sheet); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r := chrono(t, nil, "--db", db, "list", "--format", "csv")
	if !strings.Contains(r.stdout, "Kirby,2023-05-09") || !strings.Contains(r.stdout, "US warning") {
		t.Errorf("list:\n%s", r.stdout)
	}
	for _, bad := range [][]string{{"--map", "when=When"}, {"--date-order", "dym"}} {
		if r := chrono(t, nil, append(append([]string{"--db", db, "import"}, bad...), sheet)...); r.code != ExitUsage {
			t.Errorf("%v: %d %s", bad, r.code, r.stderr)
		}
	}
	// The order chosen refuses a date it cannot read, with the line and the column.
	r = chrono(t, nil, "--db", db, "import", "--date-order", "dmy", writeFile(t, "us.csv", "Date,Event\n09/13/2023,A\n"))
	if r.code != 1 || !strings.Contains(r.stderr, "line 2, column Date") || !strings.Contains(r.stderr, "there is no month 13") {
		t.Errorf("month first read day first: %d %s", r.code, r.stderr)
	}
}

// TestImportSkipDuplicates flags the rows of a spreadsheet that repeat events of the
// case, and leaves them out with --skip-duplicates.
func TestImportSkipDuplicates(t *testing.T) {
	db := tempDB(t)
	if r := chrono(t, nil, "--db", db, "add", "--title", "Kim meets Putin at Vostochny", "--start", "2023-09-13"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	sheet := writeFile(t, "sheet.csv", "Date,Event\n13/09/2023,Putin meets Kim at Vostochny\n14/09/2023,Kim leaves\n")
	r := chrono(t, nil, "--db", db, "import", "--dry-run", sheet)
	if !strings.Contains(r.stdout, `1 row is on the same day as an event of the case and look alike ("Putin meets Kim at Vostochny" is like "Kim meets Putin at Vostochny")`) {
		t.Errorf("dry run:\n%s", r.stdout)
	}
	r = chrono(t, nil, "--db", db, "import", "--skip-duplicates", sheet)
	if r.code != 0 || !strings.Contains(r.stdout, "1 added") || !strings.Contains(r.stdout, "left out") {
		t.Errorf("skip: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if n := strings.Count(chrono(t, nil, "--db", db, "list").stdout, "\n"); n != 3 {
		t.Errorf("%d lines listed, want the header and 2 events", n)
	}
	// Without the flag they are imported, and said so on stderr.
	r = chrono(t, nil, "--db", db, "import", writeFile(t, "again.csv", "Date,Event\n13/09/2023,Kim and Putin meet at Vostochny\n"))
	if r.code != 0 || !strings.Contains(r.stdout, "1 added") || !strings.Contains(r.stderr, "imported anyway") {
		t.Errorf("no skip: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

// TestExportLeavesOutWhatTheFormatCannotHold exports a case holding a 44 BC event to
// iCalendar: the rest is written, one line says what was left out and why, exit 0.
func TestExportLeavesOutWhatTheFormatCannotHold(t *testing.T) {
	db := tempDB(t)
	for _, ev := range [][]string{{"Ides of March", "-0043-03-15"}, {"Summit", "2023-09-13"}, {"Armistice", "1953-07-27"}} {
		if r := chrono(t, nil, "--db", db, "add", "--title", ev[0], "--start", ev[1]); r.code != 0 {
			t.Fatal(r.stderr)
		}
	}
	out := filepath.Join(t.TempDir(), "case.ics")
	r := chrono(t, nil, "--db", db, "export", "--format", "ics", "--out", out)
	want := "exported 2 of 3 events to " + out + `; 1 event left out (iCalendar holds only the years 1 to 9999): "Ides of March"`
	if r.code != 0 || strings.TrimSpace(r.stdout) != want {
		t.Errorf("export: %d %q %q; want %q", r.code, r.stdout, r.stderr, want)
	}
	b, err := os.ReadFile(out)
	if err != nil || strings.Count(string(b), "BEGIN:VEVENT") != 2 || !strings.Contains(string(b), "SUMMARY:Armistice") {
		t.Errorf("the file: %v\n%s", err, b)
	}
	r = chrono(t, nil, "--db", db, "export", "--format", "ics", "--out", "-")
	if r.code != 0 || strings.Count(r.stdout, "BEGIN:VEVENT") != 2 || !strings.Contains(r.stderr, "1 event left out") {
		t.Errorf("to stdout: %d %q", r.code, r.stderr)
	}
}
