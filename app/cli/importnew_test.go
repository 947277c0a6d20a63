package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// An import into a case file that is not there yet: a bad file leaves nothing at all
// (no case, nothing beside it) and says what is wrong as an import into a case does; a
// good one makes the case, named after the file's title, with its index built.
func TestImportIntoANewCase(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "events.csv")
	os.WriteFile(bad, []byte("id,title,start\n1,Ok,2023-09-13\n2,Bad,2023-13-45\n"), 0o644)
	db := filepath.Join(dir, "new"+data.Extension)
	r := chrono(t, nil, "--db", db, "import", bad)
	if r.code != 1 || strings.TrimSpace(r.stderr) != `chronoscope: import events.csv: line 3, column start: "2023-13-45" is not a date: there is no month 13` {
		t.Errorf("import of a bad file = %d %q", r.code, r.stderr)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("a refused import into a new case left %v", left)
	}
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(`{"title": "Summits", "events": [{"id": "a", "title": "Summit in Vladivostok", "start": "2023-09-13", "actors": ["Kim Jong-un"]}]}`), 0o644)
	if r := chrono(t, nil, "--db", db, "import", good); r.code != 0 || r.stdout != "1 added, 0 updated, 0 unchanged\n" {
		t.Fatalf("import = %d %q %q", r.code, r.stdout, r.stderr)
	}
	s, err := data.Open(db, data.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, _ := s.Info(context.Background())
	ix, _ := s.Indexing(context.Background())
	if info.Name != "Summits" || ix.Pending() {
		t.Errorf("the new case is named %q, indexing %+v", info.Name, ix)
	}
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("the new case file: %v %v", fi.Mode(), err)
	}
}

// list says "indexing, N%" on stderr while a large import's index is still to build, and
// lists exactly what it will list once it is built.
func TestListWhileIndexing(t *testing.T) {
	db := tempDB(t)
	var evs []timeline.Event
	for i := range 3000 {
		e := storetest.Event(fmt.Sprintf("e%04d", i), fmt.Sprintf("Summit %d", i), "2023-09-13", "")
		e.Actors = []string{fmt.Sprintf("Actor %d", i%7)}
		evs = append(evs, e)
	}
	if _, err := data.Create(context.Background(), db, data.CreateOptions{Size: len(evs)}, storetest.Chunked(evs, 1000)); err != nil {
		t.Fatal(err)
	}
	list := func() (string, string) {
		r := chrono(t, nil, "--db", db, "list", "--format", "csv", "--query", "summit 12", "--actor", "Actor 3")
		if r.code != 0 {
			t.Fatalf("list = %d %s", r.code, r.stderr)
		}
		return r.stdout, r.stderr
	}
	during, said := list()
	if !strings.HasPrefix(said, "indexing, 0%: ") || strings.Count(during, "\n") < 2 {
		t.Errorf("list while indexing said %q and listed %d lines", said, strings.Count(during, "\n"))
	}
	s, err := data.Open(db, data.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.BuildIndex(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	after, said := list()
	if said != "" || after != during {
		t.Errorf("once indexed list said %q and listed\n%s\nwhile indexing it listed\n%s", said, after, during)
	}
}
