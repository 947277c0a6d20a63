package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestTortureKillCreate kills imports into a case file that does not exist yet at random
// moments: either no case is there afterwards, or the whole import is, and a leftover of
// a killed one is cleared by the next import.
func TestTortureKillCreate(t *testing.T) {
	const rows = 3000
	rounds := tries(3, 20)
	rng := newRand(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "events.csv")
	writeCSV(t, file, rows, 1, "c-")
	// An uninterrupted import aims the kills: up to the moment it says it added them.
	aim := untilAcknowledged(t, dir, filepath.Join(dir, "first.chronoscope"), file)
	killed, none, whole := 0, 0, 0
	for i := range rounds {
		db := filepath.Join(dir, fmt.Sprintf("new%02d.chronoscope", i))
		delay := time.Duration(rng.Int64N(int64(aim)))
		r := startKillLater(t, dir, delay, "--db", db, "import", file)
		if r.killed {
			killed++
		} else if r.code != 0 {
			t.Fatalf("round %d: %v", i, r)
		}
		switch _, err := os.Stat(db); {
		case os.IsNotExist(err) && r.killed:
			none++
		case err == nil:
			mustBeWhole(t, db, fmt.Sprintf("round %d (killed %v after %v)", i, r.killed, delay))
			if n := countWhere(t, db, "c-"); n != rows {
				t.Errorf("round %d (killed %v after %v): the new case holds %d of the %d events", i, r.killed, delay, n, rows)
			}
			whole++
		default:
			t.Fatalf("round %d: %v (%v)", i, err, r)
		}
		// The next import there makes the case, and clears what a killed one left.
		mustRun(t, dir, "--db", db, "import", file)
		if left, _ := filepath.Glob(filepath.Join(dir, "."+filepath.Base(db)+".creating-*")); len(left) > 0 {
			t.Errorf("round %d: %v left beside the case", i, left)
		}
	}
	t.Logf("%d imports into new cases: %d killed while running, %d left no case, %d made it whole", rounds, killed, none, whole)
	if killed == 0 {
		t.Errorf("no kill landed while an import ran, so this run proved nothing")
	}
}

// TestTortureKillIndexing kills imports while they build what they left to build after
// their commit (full text, links, indexes): every event is there, a search and an actor
// filter give the same events before the index is built again as after, and the next
// import builds the rest.
func TestTortureKillIndexing(t *testing.T) {
	rows := tries(20000, 60000)
	rounds := tries(3, 12)
	rng := newRand(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "events.csv")
	writeCSV(t, file, rows, 7, "i-")
	// An uninterrupted import aims the kills: from its acknowledgement to its end.
	began := time.Now()
	acked := untilAcknowledged(t, dir, filepath.Join(dir, "aim.chronoscope"), file)
	aim := time.Since(began) - acked
	killed := 0
	for i := range rounds {
		db := filepath.Join(dir, fmt.Sprintf("case%02d.chronoscope", i))
		delay := time.Duration(rng.Int64N(int64(aim)))
		cmd, stdout, stderr := command(t, t.Context(), dir, "--db", db, "import", file)
		cmd.Stdout = &atLine{w: stdout, fn: func() { time.AfterFunc(delay, func() { cmd.Process.Kill() }) }}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		r := finish(t, cmd, stdout, stderr)
		when := fmt.Sprintf("round %d (killed %v, %v after it said %q)", i, r.killed, delay, strings.TrimSpace(r.stdout))
		if r.killed {
			killed++
		} else if r.code != 0 {
			t.Fatalf("%s: %v", when, r)
		}
		mustBeWhole(t, db, when)
		if n := countWhere(t, db, "i-"); n != rows {
			t.Fatalf("%s: %d of the %d acknowledged events", when, n, rows)
		}
		before := searches(t, dir, db)
		mustRun(t, dir, "--db", db, "import", file) // unchanged: it only builds what is left
		if left := backlog(t, db); left != 0 {
			t.Errorf("%s: %d parts still to build after the next import", when, left)
		}
		if after := searches(t, dir, db); after != before {
			t.Errorf("%s: while indexing the searches gave %s, once indexed %s", when, before, after)
		}
		checkIndexed(t, db, when)
	}
	t.Logf("%d imports of %d rows: %d killed while indexing", rounds, rows, killed)
	if killed == 0 {
		t.Errorf("no kill landed while an import was indexing, so this run proved nothing")
	}
}

// untilAcknowledged runs an import of file into db to its end and returns how long it
// took to say what it added.
func untilAcknowledged(t *testing.T, dir, db, file string) time.Duration {
	t.Helper()
	var acked time.Duration
	began := time.Now()
	cmd, stdout, stderr := command(t, t.Context(), dir, "--db", db, "import", file)
	cmd.Stdout = &atLine{w: stdout, fn: func() { acked = time.Since(began) }}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if r := finish(t, cmd, stdout, stderr); r.code != 0 || acked == 0 {
		t.Fatalf("%v", r)
	}
	return acked
}

// atLine passes output on to w and calls fn once, when the first whole line has come.
type atLine struct {
	w    *bytes.Buffer
	fn   func()
	once sync.Once
}

func (a *atLine) Write(p []byte) (int, error) {
	n, err := a.w.Write(p)
	if bytes.IndexByte(p, '\n') >= 0 {
		a.once.Do(a.fn)
	}
	return n, err
}

// searches lists, through the binary, the events of a search and of an actor filter of
// the generated events, and returns their ids in a comparable form.
func searches(t *testing.T, dir, db string) string {
	t.Helper()
	var out []string
	for _, args := range [][]string{{"--query", "summit"}, {"--query", "minist"}, {"--actor", "Wei Park"}, {"--tag", "summit"}} {
		r := mustRun(t, dir, append([]string{"--db", db, "list", "--format", "json"}, args...)...)
		var doc struct{ Events []struct{ ID string } }
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("list %v: %v", args, err)
		}
		if len(doc.Events) == 0 {
			t.Fatalf("list %v found nothing: the comparison proves nothing", args)
		}
		ids := make([]string, len(doc.Events))
		for i, e := range doc.Events {
			ids[i] = e.ID
		}
		out = append(out, fmt.Sprintf("%v: %d %x", args, len(ids), strings.Join(ids, ",")))
	}
	return strings.Join(out, "; ")
}

// backlog is how many parts of what imports left to build a case still holds.
func backlog(t *testing.T, path string) int {
	t.Helper()
	db := openRaw(t, path, false)
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM backlog").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkIndexed fails unless every event of a case has its full-text row and its links,
// and the full-text index passes its own check.
func checkIndexed(t *testing.T, path, when string) {
	t.Helper()
	db := openRaw(t, path, true)
	defer db.Close()
	var events, fts, unlinked int
	if err := db.QueryRow("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM events_fts), "+
		"(SELECT count(*) FROM events e WHERE substr(e.names, 1, 1) <> char(30) AND NOT EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id))").Scan(&events, &fts, &unlinked); err != nil {
		t.Fatal(err)
	}
	if fts != events || unlinked != 0 {
		t.Errorf("%s: %d events, %d full-text rows, %d events with actors but no links", when, events, fts, unlinked)
	}
	if _, err := db.Exec("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')"); err != nil {
		t.Errorf("%s: full-text index: %v", when, err)
	}
}
