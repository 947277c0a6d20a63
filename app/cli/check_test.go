package cli

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

// scribbledCase imports n events into a new case and writes 4 KB of random bytes over
// the page of the file that holds the title of the middle event, as a failing disk or a
// stray program would.
func scribbledCase(t *testing.T, n int) string {
	t.Helper()
	db := tempDB(t)
	var csv strings.Builder
	csv.WriteString("id,title,start,actors,source\n")
	for i := range n {
		fmt.Fprintf(&csv, "e%05d,Event number %05d of the scribbled case,2023-09-13,Kim Jong-un,Report %d\n", i, i, i)
	}
	in := filepath.Join(t.TempDir(), "events.csv")
	os.WriteFile(in, []byte(csv.String()), 0o644)
	if r := chrono(t, nil, "--db", db, "import", in); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	b, _ := os.ReadFile(db)
	at := bytes.Index(b, []byte(fmt.Sprintf("Event number %05d", n/2)))
	if at < 0 {
		t.Fatal("the title is not in the file")
	}
	page := at / 4096 * 4096
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 4096 {
		b[page+i] = byte(rng.UintN(256))
	}
	os.WriteFile(db, b, 0o644)
	return db
}

func TestScribbledCase(t *testing.T) {
	db := scribbledCase(t, 3000)
	before, _ := os.ReadFile(db)

	r := chrono(t, nil, "--db", db, "add", "--title", "After the damage", "--start", "2024-01-01")
	if r.code != 1 || !strings.Contains(r.stderr, "the case file is damaged") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("add on a damaged case = %+v, want exit 1 and one line saying it is damaged", r)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("add wrote into the damaged case")
	}
	r = chrono(t, nil, "--db", db, "list")
	if r.code != 1 || !strings.Contains(r.stderr, "the case file is damaged") || strings.Contains(r.stderr, "malformed\n") {
		t.Errorf("list on a damaged case = %+v", r)
	}
	r = chrono(t, nil, "--db", db, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "table ") || !strings.Contains(r.stderr, "recover --out") {
		t.Errorf("check of a damaged case = %+v", r)
	}
	out := filepath.Join(t.TempDir(), "saved"+data.Extension)
	r = chrono(t, nil, "--db", db, "recover", "--out", out)
	if r.code != 0 || !strings.Contains(r.stdout, "saved ") {
		t.Fatalf("recover = %+v", r)
	}
	var saved, lost int
	if _, err := fmt.Sscanf(r.stdout, "saved %d events into "+out+"; %d could not be read", &saved, &lost); err != nil {
		t.Fatalf("recover said %q: %v", r.stdout, err)
	}
	if saved+lost != 3000 || saved < 2900 {
		t.Errorf("recover saved %d and lost %d of 3000", saved, lost)
	}
	r = chrono(t, nil, "--db", out, "check")
	if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("%d events", saved)) {
		t.Errorf("check of the recovered case = %+v", r)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("check or recover wrote into the damaged case")
	}
}

func TestCheckAndRecoverUsage(t *testing.T) {
	db := tempDB(t)
	if r := chrono(t, nil, "--db", db, "check"); r.code != 1 {
		t.Errorf("check of a missing case = %+v", r)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("check created the case")
	}
	chrono(t, nil, "--db", db, "add", "--title", "One", "--start", "2023")
	if r := chrono(t, nil, "--db", db, "check"); r.code != 0 || !strings.Contains(r.stdout, "is whole") {
		t.Errorf("check of a whole case = %+v", r)
	}
	if r := chrono(t, nil, "--db", db, "recover"); r.code != 2 {
		t.Errorf("recover without --out = %+v", r)
	}
	if r := chrono(t, nil, "--db", db, "recover", "--out", db); r.code != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("recover onto the case itself = %+v", r)
	}
}

// TestExportNeverReplacesANewCaseOpenElsewhere: a new case open in another process has
// its application id only in its -wal file until the first checkpoint; an export onto it
// (or onto its -wal) must still be refused.
func TestExportNeverReplacesANewCaseOpenElsewhere(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live"+data.Extension)
	s, err := data.Open(live, data.OpenOrCreate)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := chrono(t, nil, "--db", live, "add", "--title", "Kept", "--start", "2023-09-13"); r.code != 0 {
		t.Fatalf("add = %+v", r)
	}
	other := tempDB(t)
	chrono(t, nil, "--db", other, "add", "--title", "Other", "--start", "2023")
	for _, out := range []string{live, live + "-wal", live + "-shm"} {
		if r := chrono(t, nil, "--db", other, "export", "--format", "csv", "--out", out); r.code != 1 || !strings.Contains(r.stderr, "refusing") {
			t.Errorf("export onto %s = %+v", filepath.Base(out), r)
		}
	}
	if n, err := s.Count(context.Background(), timeline.Filter{}); err != nil || n != 1 {
		t.Errorf("the open case holds %d events (%v), want 1", n, err)
	}
}
