package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A case's text reaches list --format csv as text a spreadsheet will not run, and what
// list writes imports again with every character kept.
func TestListCSVFormulaCellsRoundTrip(t *testing.T) {
	db := tempDB(t)
	for _, args := range [][]string{
		{"--title", "=HYPERLINK(\"https://evil.example\",\"x\")", "--start", "-0043-03-15", "--lane", "@lane", "--actor", "+actor"},
		{"--title", "'=already quoted", "--start", "2023", "--description", "-minus\r\nCR LF"},
	} {
		if r := chrono(t, nil, append([]string{"--db", db, "add"}, args...)...); r.code != 0 {
			t.Fatalf("add = %d %s", r.code, r.stderr)
		}
	}
	out := chrono(t, nil, "--db", db, "list", "--format", "csv").stdout
	for _, want := range []string{`"'=HYPERLINK(""https://evil.example"",""x"")"`, ",'-0043-03-15,", ",'@lane,", ",'+actor,", ",''=already quoted,", "\"'-minus\r\r\nCR LF\""} {
		if !strings.Contains(out, want) {
			t.Errorf("list --format csv has no %q:\n%s", want, out)
		}
	}
	file := filepath.Join(t.TempDir(), "listed.csv")
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	again := tempDB(t)
	if r := chrono(t, nil, "--db", again, "import", file); r.code != 0 {
		t.Fatalf("import = %d %s", r.code, r.stderr)
	}
	// Compared as JSON, without the updated stamps: an import stamps when it wrote.
	before := chrono(t, nil, "--db", db, "list", "--format", "json").stdout
	if back := chrono(t, nil, "--db", again, "list", "--format", "json").stdout; stripUpdated(back) != stripUpdated(before) {
		t.Errorf("list, import, list changed the events:\n%s\n---\n%s", before, back)
	}
}
