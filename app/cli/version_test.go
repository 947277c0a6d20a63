package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data"
)

func TestVersion(t *testing.T) {
	for _, flag := range []string{"--version", "version"} {
		r := chrono(t, nil, flag)
		if r.code != 0 || !regexp.MustCompile(`^chronoscope \d+\.\d+\.\d+ \(case schema \d+, SQLite 3\.\d+\.\d+\)\n$`).MatchString(r.stdout) {
			t.Errorf("%s = %+v", flag, r)
		}
	}
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(toml), `Version = "`+Version+`"`) {
		t.Errorf("FyneApp.toml does not say Version = %q", Version)
	}
}

// TestCaseArgumentOpensTheApp: a lone case file (a double-click in a file manager) is the
// case to open in the window, not a command.
func TestCaseArgumentOpensTheApp(t *testing.T) {
	dir := t.TempDir()
	c := filepath.Join(dir, "summit"+data.Extension)
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("x"), 0o644)
	for _, tt := range []struct {
		args   []string
		db     string
		isOpen bool
	}{
		{[]string{c}, c, true},         // missing yet: the app says why in its window
		{[]string{notes}, notes, true}, // any existing file: the app refuses it in one line
		{[]string{"list"}, "", false},
		{[]string{"--db", c, "list"}, c, false},
	} {
		db, rest, err := SplitGlobal(tt.args, func(string) string { return "" })
		if err != nil || db != tt.db || (len(rest) == 0) != tt.isOpen {
			t.Errorf("SplitGlobal(%q) = %q, %q, %v", tt.args, db, rest, err)
		}
	}
}
