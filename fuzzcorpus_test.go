package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fuzzTarget is a Fuzz function and the folder of the package that declares it.
type fuzzTarget struct{ name, dir string }

// fuzzTargets lists every FuzzXxx(*testing.F) in the module's test files, found with
// go/parser (so that a new one cannot be forgotten).
func fuzzTargets(t *testing.T) []fuzzTarget {
	t.Helper()
	var targets []fuzzTarget
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				name == "testdata" || name == "node_modules" || name == "bin") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && isFuzzTarget(fn) {
				targets = append(targets, fuzzTarget{fn.Name.Name, filepath.Dir(path)})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading the test files: %v", err)
	}
	return targets
}

// isFuzzTarget reports whether fn is a fuzz test: FuzzXxx(f *testing.F), no receiver.
func isFuzzTarget(fn *ast.FuncDecl) bool {
	name := fn.Name.Name
	if fn.Recv != nil || !strings.HasPrefix(name, "Fuzz") || len(fn.Type.Params.List) != 1 {
		return false
	}
	if rest := strings.TrimPrefix(name, "Fuzz"); rest != "" && strings.ToLower(rest[:1]) == rest[:1] {
		return false // Fuzzy is not a fuzz test
	}
	star, ok := fn.Type.Params.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "F"
}

// corpusValues decodes one file of a fuzz corpus ("go test fuzz v1", then one Go literal
// per argument, such as []byte("...") or string("...")), returning its string arguments.
func corpusValues(data []byte) ([]string, bool) {
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) < 2 || lines[0] != "go test fuzz v1" {
		return nil, false
	}
	var values []string
	for _, line := range lines[1:] {
		expr, err := parser.ParseExpr(line)
		if err != nil {
			return nil, false
		}
		call, ok := expr.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return nil, false
		}
		if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return nil, false
			}
			values = append(values, s)
		}
	}
	return values, true
}

// TestFuzzCorpora checks that every fuzz target keeps a corpus in its package's
// testdata/fuzz/<Name>, so that plain go test replays what fuzzing found, and that the
// CSV reader's corpus holds the carriage-return case of issue 10 ("s\r\r\n.").
func TestFuzzCorpora(t *testing.T) {
	targets := fuzzTargets(t)
	if len(targets) == 0 {
		t.Fatal("no fuzz target found: the listing is broken")
	}
	var csvCorpus []string
	for _, ft := range targets {
		folder := filepath.Join(ft.dir, "testdata", "fuzz", ft.name)
		entries, err := os.ReadDir(folder)
		if err != nil || len(entries) == 0 {
			t.Errorf("%s (%s) has no corpus in %s", ft.name, ft.dir, folder)
			continue
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(folder, e.Name()))
			if err != nil {
				t.Errorf("%s: %v", ft.name, err)
				continue
			}
			values, ok := corpusValues(data)
			if !ok {
				t.Errorf("%s: %s is not a corpus file (go test fuzz v1)", ft.name, e.Name())
			}
			if ft.name == "FuzzReadCSV" {
				csvCorpus = append(csvCorpus, values...)
			}
		}
	}
	found := false
	for _, v := range csvCorpus {
		found = found || strings.Contains(v, "s\r\r\n.")
	}
	if !found {
		t.Errorf("the corpus of FuzzReadCSV does not hold the carriage-return case %q", "s\r\r\n.")
	}
	t.Logf("%d fuzz targets", len(targets))
}

// TestCorpusValues checks the corpus reader on files as go test -fuzz writes them.
func TestCorpusValues(t *testing.T) {
	got, ok := corpusValues([]byte("go test fuzz v1\n[]byte(\"\\\"s\\r\\r\\n.\\\"\")\nint(3)\nstring(\"x\")\n"))
	if !ok || len(got) != 2 || got[0] != "\"s\r\r\n.\"" || got[1] != "x" {
		t.Errorf("corpusValues = %q, %v", got, ok)
	}
	for _, bad := range []string{"", "go test fuzz v1\n", "go test fuzz v2\nstring(\"x\")\n", "go test fuzz v1\nstring(\"x\"\n"} {
		if _, ok := corpusValues([]byte(bad)); ok {
			t.Errorf("corpusValues(%q) accepted a file that is not a corpus", bad)
		}
	}
}
