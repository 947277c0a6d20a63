package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// atOutput, as the delay of startKillLater, kills the process the moment it writes its
// first line on stdout (its acknowledgement), instead of after a delay: while it
// closes the case.
const atOutput time.Duration = -1

// startKillLater starts the binary and kills it with SIGKILL after delay, or at its
// output (atOutput), unless it ends first: the way a crash or a power cut stops it.
func startKillLater(t *testing.T, dir string, delay time.Duration, args ...string) result {
	t.Helper()
	cmd, stdout, stderr := command(t, context.Background(), dir, args...)
	if delay == atOutput {
		cmd.Stdout = &killAtLine{w: stdout, kill: func() { cmd.Process.Kill() }}
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting chronoscope: %v", err)
	}
	if delay != atOutput {
		timer := time.AfterFunc(delay, func() { cmd.Process.Kill() })
		defer timer.Stop()
	}
	return finish(t, cmd, stdout, stderr)
}

// killAtLine passes output on to w and calls kill once a whole line has come.
type killAtLine struct {
	w    *bytes.Buffer
	kill func()
	once sync.Once
}

func (k *killAtLine) Write(p []byte) (int, error) {
	n, err := k.w.Write(p)
	if bytes.IndexByte(p, '\n') >= 0 {
		k.once.Do(k.kill)
	}
	return n, err
}

// killMoment picks when round i kills: every third round at the output, the others
// at a random moment up to aim.
func killMoment(i int, aim time.Duration, rng *rand.Rand) time.Duration {
	if i%3 == 2 {
		return atOutput
	}
	return time.Duration(rng.Int64N(int64(aim)))
}

// TestTortureKillImport kills imports at random moments (reading the file, inside the
// transaction, committing) and, every third time, the moment an import prints how many
// events it added (closing the case). After each kill the case passes integrity_check
// and holds either none or all of the import's events, all of them when the import said
// so, and the next command opens it as usual.
func TestTortureKillImport(t *testing.T) {
	const rows = 2000
	rounds := tries(3, 30)
	rng := newRand(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "kill-import.chronoscope")

	// The first import runs to its end; its length aims the kills that follow.
	base := filepath.Join(dir, "base.csv")
	writeCSV(t, base, rows, 1, "base-")
	began := time.Now()
	mustRun(t, dir, "--db", db, "import", base)
	aim := time.Since(began)

	killed, kept, dropped := 0, 0, 0
	for i := range rounds {
		prefix := fmt.Sprintf("k%03d-", i)
		file := filepath.Join(dir, prefix+"events.csv")
		writeCSV(t, file, rows, uint64(i+2), prefix)
		before := countWhere(t, db, "")
		delay := killMoment(i, aim, rng)
		r := startKillLater(t, dir, delay, "--db", db, "import", file)
		if !r.killed && r.code != 0 {
			t.Fatalf("round %d: %v", i, r)
		}
		if r.killed {
			killed++
		}
		when := fmt.Sprintf("round %d (killed %v, after %v)", i, r.killed, delay)
		if delay == atOutput {
			when = fmt.Sprintf("round %d (killed %v, at its output %q)", i, r.killed, r.stdout)
		}
		mustBeWhole(t, db, when)
		after, mine := countWhere(t, db, ""), countWhere(t, db, prefix)
		switch acked := strings.Contains(r.stdout, " added"); {
		case mine == 0 && after == before && r.killed && !acked:
			dropped++
		case mine == rows && after == before+rows:
			kept++
		case acked:
			t.Errorf("%s: the import said %q, but %d of its %d events are there", when, r.stdout, mine, rows)
		default:
			t.Errorf("%s: %d events before, %d after, %d of the import's %d: not all or nothing",
				when, before, after, mine, rows)
		}
		if !r.killed && delay != atOutput {
			aim = max(aim*3/4, time.Millisecond) // it ended before the kill: aim earlier
		}
	}
	t.Logf("%d imports of %d rows: %d killed while running, %d kept whole, %d dropped whole", rounds, rows, killed, kept, dropped)
	if killed == 0 {
		t.Errorf("no kill landed while an import ran, so this run proved nothing")
	}
	// The binary reads what SQLite counts, and writes again.
	if got, want := len(listEvents(t, dir, db)), countWhere(t, db, ""); got != want {
		t.Errorf("list shows %d events, the file holds %d", got, want)
	}
	mustRun(t, dir, "--db", db, "add", "--title", "after the kills", "--start", "2024-01-01")
}

// addArgs are the arguments of an add that writes every kind of row: the event, an actor,
// a tag, a source and the full-text index.
func addArgs(db, title string) []string {
	return []string{"--db", db, "add", "--title", title, "--start", "2023-09-13", "--lane", "Torture",
		"--actor", "Actor " + title, "--tag", "tag " + title, "--source-title", "Source " + title,
		"--source-url", "https://example.org/" + strings.ReplaceAll(title, " ", "-"), "--reliability", "B", "--credibility", "2"}
}

// addedID returns the id an add that exited 0 printed ("added ID"), or "".
func addedID(r result) string {
	if r.code != 0 {
		return ""
	}
	return printedID(r)
}

// printedID returns the id an add printed, whether it exited or was killed afterwards:
// a script that read the id has its acknowledgement.
func printedID(r result) string {
	f := strings.Fields(r.stdout)
	if len(f) != 2 || f[0] != "added" {
		return ""
	}
	return f[1]
}

// TestTortureKillAdd runs streams of adds and kills one add of each stream at a random
// moment, or every third time the moment it prints its id. Every add that printed its id (even one killed after printing it) is in the
// case with its actor, tag and source; a killed add is there whole or not at all.
func TestTortureKillAdd(t *testing.T) {
	const perRound = 4
	rounds := tries(4, 30)
	rng := newRand(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "kill-add.chronoscope")
	acked := map[string]string{} // id: title
	var spent time.Duration      // the adds' running time, to aim the kills
	killed, survived := 0, 0
	for i := range rounds {
		for j := range perRound {
			title := fmt.Sprintf("r%03d add %d", i, j)
			began := time.Now()
			r := run(t, dir, addArgs(db, title)...)
			spent += time.Since(began)
			id := addedID(r)
			if id == "" {
				t.Fatalf("%v: stdout %q, want \"added ID\"", r, r.stdout)
			}
			acked[id] = title
		}
		title := fmt.Sprintf("r%03d victim", i)
		delay := killMoment(i, spent*5/4/time.Duration(len(acked)), rng)
		r := startKillLater(t, dir, delay, addArgs(db, title)...)
		if r.killed {
			killed++
		} else if r.code != 0 {
			t.Fatalf("round %d: %v", i, r)
		}
		if id := printedID(r); id != "" {
			acked[id] = title // printed, so committed, even when killed right after
		}
		mustBeWhole(t, db, fmt.Sprintf("round %d, add killed after %v", i, delay))
		events := listEvents(t, dir, db)
		for id, title := range acked {
			if e, ok := events[id]; !ok {
				t.Errorf("round %d: acknowledged add %s (%q) is gone", i, id, title)
			} else {
				checkWhole(t, e, title)
			}
		}
		for _, e := range events {
			if _, ok := acked[e.ID]; ok {
				continue
			}
			if r.killed && e.Title == title { // committed before the kill: it must stay from now on
				survived++
				acked[e.ID] = title
				checkWhole(t, e, title)
				continue
			}
			t.Errorf("round %d: an event nobody added: %+v", i, e)
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	t.Logf("%d streams of %d adds: %d adds acknowledged and kept, %d killed while running (%d of them committed)",
		rounds, perRound+1, len(acked), killed, survived)
	if killed == 0 {
		t.Errorf("no kill landed while an add ran, so this run proved nothing")
	}
}

// checkWhole fails the test unless e is the event addArgs(title) wrote, every part of it.
func checkWhole(t *testing.T, e listed, title string) {
	t.Helper()
	if e.Title != title || len(e.Actors) != 1 || e.Actors[0] != "Actor "+title || len(e.Tags) != 1 ||
		e.Tags[0] != "tag "+title || len(e.Sources) != 1 || e.Sources[0].Title != "Source "+title {
		t.Errorf("event %s is not what its add wrote (title %q): %+v", e.ID, title, e)
	}
}
