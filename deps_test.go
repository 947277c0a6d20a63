package main

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/chronoscope/chronoscope"

// deps lists the packages pkg imports, directly or not (not counting its tests).
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", module+"/"+pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

// TestDependencyDirections checks the architecture of the design: the domain knows no
// storage and no GUI, only data knows SQLite, the command line never pulls in Fyne, and
// only main reaches the app and the command line.
func TestDependencyDirections(t *testing.T) {
	ours := func(p string) bool { return strings.HasPrefix(p, module+"/") }
	tests := []struct {
		pkg       string
		allowOurs []string // our packages it may import
		forbid    []string // prefixes it must not import
	}{
		{"timeline", nil, []string{"fyne.io/", "github.com/mattn/go-sqlite3", "github.com/go-echarts"}},
		{"timeline/format", []string{"timeline"}, []string{"fyne.io/", "github.com/mattn/go-sqlite3", "github.com/go-echarts"}},
		{"timeline/chart", []string{"timeline"}, []string{"fyne.io/", "github.com/mattn/go-sqlite3"}},
		{"timeline/extract", []string{"timeline"}, []string{"fyne.io/", "github.com/mattn/go-sqlite3", "github.com/go-echarts"}},
		{"data", []string{"timeline", "data/schema"}, []string{"fyne.io/", "github.com/go-echarts", "github.com/jackc/pgx"}},
		{"data/postgres", []string{"timeline", "data/schema"}, []string{"fyne.io/", "github.com/go-echarts", "github.com/mattn/go-sqlite3"}},
		{"app/cli", []string{"timeline", "timeline/format", "timeline/chart", "timeline/extract", "data", "data/schema", "data/postgres"}, []string{"fyne.io/"}},
		{"app/timelineview", []string{"timeline"}, []string{"github.com/mattn/go-sqlite3"}},
		{"app", []string{"timeline", "timeline/format", "timeline/chart", "timeline/extract", "app/timelineview"}, []string{"github.com/mattn/go-sqlite3"}},
	}
	for _, tt := range tests {
		allowed := map[string]bool{module + "/" + tt.pkg: true}
		for _, a := range tt.allowOurs {
			allowed[module+"/"+a] = true
		}
		for _, d := range deps(t, tt.pkg) {
			if ours(d) && !allowed[d] {
				t.Errorf("%s imports %s", tt.pkg, strings.TrimPrefix(d, module+"/"))
			}
			for _, f := range tt.forbid {
				if strings.HasPrefix(d, f) {
					t.Errorf("%s imports %s", tt.pkg, d)
					break
				}
			}
		}
	}
	// The listing is real: the domain reaches go-edtf.
	if !strings.Contains(strings.Join(deps(t, "timeline"), " "), "github.com/sfomuseum/go-edtf") {
		t.Errorf("go list -deps timeline does not list go-edtf: the check above proves nothing")
	}
}

// TestOnlyDataImportsSQLite checks the direct imports of every package of ours.
func TestOnlyDataImportsSQLite(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			if imp == "github.com/mattn/go-sqlite3" && f[0] != module+"/data" {
				t.Errorf("%s imports go-sqlite3 directly", f[0])
			}
			// The PostgreSQL driver is data/postgres's alone (and its tests' helper's).
			if strings.HasPrefix(imp, "github.com/jackc/pgx") && f[0] != module+"/data/postgres" && f[0] != module+"/data/postgres/pgtest" {
				t.Errorf("%s imports %s directly", f[0], imp)
			}
			if (imp == module+"/app" || imp == module+"/app/cli") && f[0] != module {
				t.Errorf("%s imports %s: only main may", f[0], imp)
			}
		}
	}
}

// TestBinaryLinksNoTesting checks that the production binary carries no test code: Fyne's
// test driver, the testing package and the assertion libraries are for go test only.
func TestBinaryLinksNoTesting(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps .: %v", err)
	}
	pkgs := strings.Fields(string(out))
	for _, p := range pkgs {
		if p == "testing" || strings.HasPrefix(p, "testing/") || p == "fyne.io/fyne/v2/test" ||
			strings.HasPrefix(p, "github.com/stretchr/testify") || strings.HasPrefix(p, "github.com/davecgh/go-spew") {
			t.Errorf("the binary links %s", p)
		}
	}
	// The listing is real: the binary reaches the app and Fyne's software painter.
	joined := " " + strings.Join(pkgs, " ") + " "
	for _, want := range []string{" " + module + "/app ", " fyne.io/fyne/v2/driver/software "} {
		if !strings.Contains(joined, want) {
			t.Errorf("go list -deps . does not list%s: the check above proves nothing", want)
		}
	}
}
