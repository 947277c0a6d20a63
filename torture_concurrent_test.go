package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestTortureConcurrentWriters runs 8 writer processes (each a loop of add), a reader (a
// loop of list) and an import on one case at once. Every add and the import exit 0, no
// lock, busy or I/O error reaches any stderr, the reader never sees the count go down,
// and the case ends with exactly the events that were acknowledged.
func TestTortureConcurrentWriters(t *testing.T) {
	rounds := tries(1, 3)
	for round := range rounds {
		t.Run(fmt.Sprintf("round%d", round), func(t *testing.T) { concurrentRound(t) })
	}
}

// concurrentRun is what the processes of one round reported.
type concurrentRun struct {
	mu     sync.Mutex
	adds   []result
	reads  []result
	counts []int // what each read saw, in order
	imp    result
}

func (c *concurrentRun) add(r result) { c.mu.Lock(); c.adds = append(c.adds, r); c.mu.Unlock() }

func concurrentRound(t *testing.T) {
	const writers = 8
	adds, rows := tries(12, 50), tries(1000, 3000)
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.chronoscope")
	first := addedID(mustRun(t, dir, "--db", db, "add", "--title", "first", "--start", "2023-01-01"))
	file := filepath.Join(dir, "import.csv")
	writeCSV(t, file, rows, 7, "imp-")

	var c concurrentRun
	var writing, importing, reading sync.WaitGroup
	halfway := make(chan struct{})
	var once sync.Once
	for w := range writers {
		writing.Add(1)
		go func() {
			defer writing.Done()
			for i := range adds {
				c.add(run(t, dir, "--db", db, "add", "--title", fmt.Sprintf("writer %d add %d", w, i),
					"--start", "2023-09-13", "--actor", fmt.Sprintf("Writer %d", w), "--tag", "concurrent"))
				if i == adds/2 {
					once.Do(func() { close(halfway) })
				}
			}
		}()
	}
	importing.Add(1)
	go func() { // the import starts while the writers are in full swing
		defer importing.Done()
		<-halfway
		c.imp = run(t, dir, "--db", db, "import", file)
	}()
	done := make(chan struct{})
	reading.Add(1)
	go func() { // the reader lists until the writers and the import are done
		defer reading.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			r := run(t, dir, "--db", db, "list", "--format", "json")
			var doc struct{ Events []json.RawMessage }
			n := -1
			if r.code == 0 && json.Unmarshal([]byte(r.stdout), &doc) == nil {
				n = len(doc.Events)
			}
			c.mu.Lock()
			c.reads, c.counts = append(c.reads, r), append(c.counts, n)
			c.mu.Unlock()
		}
	}()
	writing.Wait()
	importing.Wait()
	close(done)
	reading.Wait()
	checkConcurrent(t, db, dir, first, &c, writers*adds, rows)
}

// checkConcurrent compares what the processes of a round acknowledged with the case.
func checkConcurrent(t *testing.T, db, dir, first string, c *concurrentRun, adds, rows int) {
	acked := map[string]bool{first: true}
	failed := 0
	lockErrors := 0
	for _, r := range append(append(c.adds, c.reads...), c.imp) {
		if bad := lockError(r); bad != "" {
			if lockErrors++; lockErrors <= 3 {
				t.Errorf("%v: %q reached the user", r, bad)
			}
		}
	}
	for _, r := range c.adds {
		if id := addedID(r); id != "" {
			acked[id] = true
		} else {
			failed++
			if failed <= 3 {
				t.Errorf("%v", r)
			}
		}
	}
	if c.imp.code != 0 || !strings.Contains(c.imp.stdout, fmt.Sprintf("%d added", rows)) {
		t.Errorf("%v: stdout %q, want %d added", c.imp, c.imp.stdout, rows)
	}
	badReads, down := 0, 0
	for i, n := range c.counts {
		if n < 0 {
			badReads++
		} else if i > 0 && n < c.counts[i-1] {
			down++
		}
	}
	if badReads > 0 {
		t.Errorf("%d of %d lists failed, the first: %v", badReads, len(c.counts), firstFailure(c.reads))
	}
	if down > 0 {
		t.Errorf("%d of %d lists saw fewer events than the list before: events disappeared", down, len(c.counts))
	}
	if bad := integrity(t, db); bad != "" {
		t.Errorf("after the concurrent writers: integrity_check: %s", bad) // and count what is left
	}
	events := listEvents(t, dir, db)
	lost := 0
	for id := range acked {
		if _, ok := events[id]; !ok {
			lost++
		}
	}
	imported := countWhere(t, db, "imp-")
	want := 1 + adds + rows
	t.Logf("%d adds (%d failed), %d lists, 1 import of %d, %d lock or I/O errors: %d events, want %d; %d acknowledged adds lost, %d of %d imported events there",
		adds, failed, len(c.reads), rows, lockErrors, len(events), want, lost, imported, rows)
	if lost > 0 || failed > 0 || imported != rows || len(events) != want {
		t.Errorf("lost writes: %d acknowledged adds missing, %d adds failed, %d of %d imported events there; %d events, want %d",
			lost, failed, imported, rows, len(events), want)
	}
}

// firstFailure returns the first run that did not exit 0.
func firstFailure(rs []result) result {
	for _, r := range rs {
		if r.code != 0 {
			return r
		}
	}
	return result{}
}
