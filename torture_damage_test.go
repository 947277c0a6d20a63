package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// damageRows is the size of the case the damage tests scribble on (the short form).
const damageRows = 3000

// damageTarget is a b-tree the damage tests scribble on, and what a recovery can save.
type damageTarget struct {
	what, name string
	allEvents  bool // every event is still readable, only what the page held is lost
	exact      bool // the events recovered are whole, actors, tags and sources included
}

var damageTargets = []damageTarget{
	{"events table", "events", false, true},
	{"sources table", "sources", true, false},
	{"actors table", "actors", true, false},
	{"time index", "events_earliest", true, true},
	{"full-text content", "events_fts_content", true, true},
	{"full-text index", "events_fts_segments", true, true},
}

// damageCase is the undamaged case the damage tests copy.
type damageCase struct {
	dir      string
	image    []byte
	pageSize int
	roots    map[string]int
	original map[string]listed
	rng      *rand.Rand
}

// TestTortureDamagedPages writes 4 KB of random bytes over one page of a case of a few
// thousand events (a leaf in the middle of the events table, the sources, the actors, an
// index, the full-text content and the full-text index; the long form also the first, the
// last and two random leaves of each, and the middle leaves of a case over 16 MiB, the
// size up to which a write checks the whole file first) and runs the commands on it:
//   - list either exits 1 with one line saying the case file is damaged, or (when the
//     pages it reads are whole) lists every event exactly as it was;
//   - add exits 1 with that line;
//   - no command writes to the damaged file: its bytes stay the same and no WAL is left;
//   - check reports the damage (and says nothing is wrong with the undamaged case);
//   - recover --out NEW writes a whole new case with every event that can still be read,
//     each as it was, and says how many it saved.
func TestTortureDamagedPages(t *testing.T) {
	rng := newRand(t)
	t.Run(fmt.Sprintf("%d_events", damageRows), func(t *testing.T) { damageSuite(t, damageRows, rng, tortureLong()) })
	if tortureLong() {
		t.Run("20000_events", func(t *testing.T) { damageSuite(t, 20000, rng, false) })
	}
}

// damageSuite damages copies of a case of rows events, one page at a time: the middle
// leaf of each target, and with more also its first, last and two random leaves.
func damageSuite(t *testing.T, rows int, rng *rand.Rand, more bool) {
	dir := t.TempDir()
	template := filepath.Join(dir, "template.chronoscope")
	file := filepath.Join(dir, "events.csv")
	writeCSV(t, file, rows, 3, "ev-")
	mustRun(t, dir, "--db", template, "import", file)
	checkpoint(t, template)
	c := damageCase{dir: dir, original: listEvents(t, dir, template), roots: rootPages(t, template), rng: rng}
	var err error
	if c.image, err = os.ReadFile(template); err != nil {
		t.Fatal(err)
	}
	if c.pageSize = int(binary.BigEndian.Uint16(c.image[16:18])); c.pageSize == 1 {
		c.pageSize = 1 << 16
	}
	t.Logf("a case of %d events, %d bytes", rows, len(c.image))

	t.Run("undamaged", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "whole.chronoscope")
		writeImage(t, db, c.image)
		if r := run(t, dir, "--db", db, "check"); r.code != 0 {
			t.Errorf("check of an undamaged case: %v", r)
		}
		compareRecovered(t, c.original, recoverCase(t, dir, db), 0, true)
	})
	for _, target := range damageTargets {
		t.Run(strings.ReplaceAll(target.what, " ", "_"), func(t *testing.T) {
			leaves, err := btreeLeaves(c.image, c.pageSize, c.roots[target.name])
			if err != nil {
				t.Fatalf("the b-tree of %s: %v", target.name, err)
			}
			pages := []int{leaves[len(leaves)/2]}
			if more {
				pages = append(pages, leaves[0], leaves[len(leaves)-1],
					leaves[c.rng.IntN(len(leaves))], leaves[c.rng.IntN(len(leaves))])
			}
			for _, page := range pages {
				c.damage(t, target, page, len(leaves))
			}
		})
	}
}

// damage overwrites page of a copy of the case with random bytes and runs list, add,
// check and recover on copies of the result.
func (c *damageCase) damage(t *testing.T, target damageTarget, page, leaves int) {
	damaged := bytes.Clone(c.image)
	cells := leafCells(damaged, c.pageSize, page)
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(c.rng.UintN(256))
	}
	copy(damaged[(page-1)*c.pageSize:], noise)
	t.Logf("%s: page %d of its %d leaves (%d cells) overwritten", target.name, page, leaves, cells)
	// Each command gets a fresh copy, so that each is judged on its own.
	fresh := func() string {
		db := filepath.Join(t.TempDir(), "damaged.chronoscope")
		writeImage(t, db, damaged)
		return db
	}
	db := fresh()
	if r := run(t, c.dir, "--db", db, "list", "--format", "json"); r.code != 0 {
		oneLine(t, r, "the case file is damaged")
	} else if !listsAll(r, c.original) {
		t.Errorf("list of the damaged case exited 0 without every event as it was")
	}
	unchanged(t, db, damaged, "list")
	db = fresh()
	oneLine(t, run(t, c.dir, addArgs(db, "written into a damaged case")...), "the case file is damaged")
	unchanged(t, db, damaged, "add")
	db = fresh()
	r := run(t, c.dir, "--db", db, "check")
	if r.code != 1 || !strings.Contains(strings.ToLower(r.stdout+r.stderr), "damaged") {
		t.Errorf("check: %v, stdout %q: want exit 1 and the damage described", r, r.stdout)
	}
	unchanged(t, db, damaged, "check")
	lost := 0
	if !target.allEvents {
		lost = cells
	}
	db = fresh()
	compareRecovered(t, c.original, recoverCase(t, c.dir, db), lost, target.exact)
	unchanged(t, db, damaged, "recover")
}

// listsAll reports whether a run of list --format json showed exactly the events want.
func listsAll(r result, want map[string]listed) bool {
	var doc struct{ Events []listed }
	if json.Unmarshal([]byte(r.stdout), &doc) != nil || len(doc.Events) != len(want) {
		return false
	}
	for _, e := range doc.Events {
		if !reflect.DeepEqual(e, want[e.ID]) {
			return false
		}
	}
	return true
}

// recoverCase runs recover on db and returns the events of the new case, or nil.
func recoverCase(t *testing.T, dir, db string) map[string]listed {
	t.Helper()
	out := filepath.Join(t.TempDir(), "recovered.chronoscope")
	r := run(t, dir, "--db", db, "recover", "--out", out)
	if r.code != 0 {
		t.Errorf("recover: %v", r)
		return nil
	}
	mustBeWhole(t, out, "the recovered case")
	events := listEvents(t, dir, out)
	if !strings.Contains(r.stdout+r.stderr, strconv.Itoa(len(events))) {
		t.Errorf("recover saved %d events but does not say so: stdout %q, stderr %q", len(events), r.stdout, r.stderr)
	}
	return events
}

// compareRecovered checks that recovered holds every original event but at most lost,
// each as it was (only id, title and start unless exact), and nothing else.
func compareRecovered(t *testing.T, original, recovered map[string]listed, lost int, exact bool) {
	t.Helper()
	if recovered == nil {
		return
	}
	differ := 0
	for id, e := range recovered {
		o, ok := original[id]
		switch {
		case !ok:
			t.Errorf("recovered an event that was not in the case: %+v", e)
		case exact && !reflect.DeepEqual(e, o), e.Title != o.Title || e.Start != o.Start:
			differ++
			if differ <= 3 {
				t.Errorf("recovered %+v, it was %+v", e, o)
			}
		}
	}
	if missing := len(original) - len(recovered); missing > lost {
		t.Errorf("recovered %d of %d events: %d lost, at most %d were on the damaged page",
			len(recovered), len(original), missing, lost)
	}
}

// unchanged fails the test unless the case file still holds want and no WAL with
// anything in it was left beside it.
func unchanged(t *testing.T, db string, want []byte, after string) {
	t.Helper()
	got, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s changed the damaged case file", after)
	}
	if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("%s left %d bytes in the damaged case's WAL", after, fi.Size())
	}
}

// writeImage writes a case file image to path, with no WAL beside it.
func writeImage(t *testing.T, path string, image []byte) {
	t.Helper()
	if err := os.WriteFile(path, image, 0o644); err != nil {
		t.Fatal(err)
	}
}

// rootPages reads the root page of every table and index from sqlite_master.
func rootPages(t *testing.T, path string) map[string]int {
	t.Helper()
	db := openRaw(t, path, false)
	defer db.Close()
	rows, err := db.Query("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	roots := map[string]int{}
	for rows.Next() {
		var name string
		var root int
		if err := rows.Scan(&name, &root); err != nil {
			t.Fatal(err)
		}
		roots[name] = root
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return roots
}

// B-tree page types (the first byte of a page's header).
const (
	interiorIndex = 0x02
	interiorTable = 0x05
	leafIndex     = 0x0a
	leafTable     = 0x0d
)

// pageHeader returns page pg of file and its b-tree header (after the file header on page 1).
func pageHeader(file []byte, pageSize, pg int) (page, header []byte, err error) {
	if pg < 1 || pg*pageSize > len(file) {
		return nil, nil, fmt.Errorf("page %d is outside the file", pg)
	}
	page = file[(pg-1)*pageSize : pg*pageSize]
	if pg == 1 {
		return page, page[100:], nil
	}
	return page, page, nil
}

// btreeLeaves returns the leaf pages of the b-tree rooted at root, in key order, read
// from the file format (sqlite.org/fileformat.html): an interior page holds its cells'
// left children and a right-most child.
func btreeLeaves(file []byte, pageSize, root int) ([]int, error) {
	var leaves []int
	var walk func(pg, depth int) error
	walk = func(pg, depth int) error {
		page, h, err := pageHeader(file, pageSize, pg)
		if err != nil {
			return err
		}
		if depth > 20 {
			return errors.New("the b-tree is deeper than 20")
		}
		switch h[0] {
		case leafIndex, leafTable:
			leaves = append(leaves, pg)
			return nil
		case interiorIndex, interiorTable:
		default:
			return fmt.Errorf("page %d is not a b-tree page (type %#x)", pg, h[0])
		}
		n := int(binary.BigEndian.Uint16(h[3:5]))
		for i := range n {
			cell := int(binary.BigEndian.Uint16(h[12+2*i:]))
			if err := walk(int(binary.BigEndian.Uint32(page[cell:])), depth+1); err != nil {
				return err
			}
		}
		return walk(int(binary.BigEndian.Uint32(h[8:12])), depth+1)
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return leaves, nil
}

// leafCells returns how many cells (rows or index entries) a leaf page holds.
func leafCells(file []byte, pageSize, pg int) int {
	_, h, err := pageHeader(file, pageSize, pg)
	if err != nil {
		return 0
	}
	return int(binary.BigEndian.Uint16(h[3:5]))
}
