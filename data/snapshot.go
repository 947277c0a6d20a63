package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/chronoscope/chronoscope/timeline"
)

// The marks snapshot (migration 0007): the marks of the whole case kept in the case as
// columns, read in one sequential pass with no sort. What a read returns is always
// exactly what the events table holds in the read's own transaction: the snapshot, less
// the events marks_dirty lists (changed or deleted since, logged by triggers), plus those
// events and the ones added since (ids after max_row; an event always gets an id above
// every id in the case, so an insert needs no log), read from events.
//
// The store keeps the last marks it read, with the state of the case they were read at
// (the snapshot's generation, how far the change log had got, the largest event id): the
// same state next time means the same marks, and a later state of the same generation
// needs only the events changed after it. When the events read beside the snapshot
// grow past rebuildAt, or there is no snapshot, a new one is built in the background:
// read in one transaction, written in another that first checks no other process built
// one meanwhile; the log entries it covers go, later ones stay.

// snapshotMin is the number of events from which a case keeps a snapshot: a smaller one
// is read from its events each time, in milliseconds. Tests set it lower.
var snapshotMin = 5000

// rebuildAt is how many events read beside the snapshot (changed, deleted or added since
// it was built) make it worth building again for a case of n events.
func rebuildAt(n int) int { return max(2000, n/32) }

// marksState is the state of a case's marks: it changes whenever any mark does.
type marksState struct {
	built   int64 // the snapshot's generation, 0 for none
	maxRow  int64 // the snapshot holds every event up to this id
	logging bool  // changes are being logged
	counter int64 // goes up with every snapshot built or dropped
	seq     int64 // the change log's last entry ever
	maxID   int64 // the largest event id
}

func (st marksState) same(o marksState) bool {
	return st.built == o.built && st.seq == o.seq && st.maxID == o.maxID && st.logging && o.logging
}

// marksCache is the marks of the whole case as the store last read them.
type marksCache struct {
	mu    sync.Mutex
	state marksState
	marks *timeline.Marks
}

func (c *marksCache) get() (marksState, *timeline.Marks) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state, c.marks
}

func (c *marksCache) set(st marksState, m *timeline.Marks) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state, c.marks = st, m
}

// snapshotter is what a store keeps for its snapshot: the cache and the background
// rebuild.
type snapshotter struct {
	cache      marksCache
	load       sync.Mutex // one read of the marks at a time: a second caller takes its result
	names      nameLists  // the names the cached marks use (Names)
	rebuilding atomic.Bool
	bg         sync.WaitGroup
	ctx        context.Context
	stop       context.CancelFunc
}

func (sn *snapshotter) init() {
	sn.ctx, sn.stop = context.WithCancel(context.Background())
}

// close stops a rebuild under way and waits for it.
func (sn *snapshotter) close() {
	if sn.stop != nil {
		sn.stop()
	}
	sn.bg.Wait()
}

// readMarksState reads the state of the marks in q's transaction; ok is false when the
// case has no snapshot tables (an older schema opened read-only).
func readMarksState(ctx context.Context, q querier) (st marksState, ok bool, err error) {
	var logging int
	err = q.QueryRowContext(ctx, "SELECT built, max_row, logging, counter FROM marks_state WHERE id = 1").
		Scan(&st.built, &st.maxRow, &logging, &st.counter)
	if err != nil {
		if isNoSuchTable(err) {
			return st, false, nil
		}
		return st, false, err
	}
	st.logging = logging == 1
	var seq, maxID sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'marks_dirty'), (SELECT max(id) FROM events)").
		Scan(&seq, &maxID); err != nil {
		return st, false, err
	}
	st.seq, st.maxID = seq.Int64, maxID.Int64
	return st, true, nil
}

func isNoSuchTable(err error) bool {
	return err != nil && strings.Contains(err.Error(), "no such table")
}

// allMarks returns the marks of every event in tx's snapshot of the case, and starts
// building a new marks snapshot in the background when that pays.
func (s *Store) allMarks(ctx context.Context, tx *sql.Tx) (*timeline.Marks, error) {
	m, why, err := s.marksNow(ctx, tx)
	if why != snapshotFine && err == nil {
		s.rebuildSoon()
	}
	return m, err
}

// currentMarks returns the store's last marks when they are those of tx's snapshot of the
// case, else nil.
func (s *Store) currentMarks(ctx context.Context, tx *sql.Tx) *timeline.Marks {
	st, ok, err := readMarksState(ctx, tx)
	if err != nil || !ok {
		return nil
	}
	if have, cached := s.snap.cache.get(); cached != nil && have.same(st) {
		return cached
	}
	return nil
}

// snapshotNeed says why a case's snapshot should be built again.
type snapshotNeed int

const (
	snapshotFine   snapshotNeed = iota
	snapshotBehind              // rebuildAt events or more are read beside it
	snapshotNone                // a case of snapshotMin events or more has none
	snapshotBroken              // it cannot be read
)

// marksNow returns the marks of every event in tx's snapshot of the case: from the cache,
// the cache and what changed since, or the snapshot and what changed since it, or the
// events alone; and whether the snapshot should be built again.
func (s *Store) marksNow(ctx context.Context, tx *sql.Tx) (m *timeline.Marks, why snapshotNeed, err error) {
	st, ok, err := readMarksState(ctx, tx)
	if err != nil {
		return nil, snapshotFine, err
	}
	if !ok || st.built == 0 {
		m, err := readMarks(ctx, tx, timeline.Filter{})
		if ok && m.Len() >= snapshotMin {
			why = snapshotNone
		}
		return m, why, err
	}
	have, cached := s.snap.cache.get()
	if cached != nil && have.same(st) {
		return cached, snapshotFine, nil
	}
	s.snap.load.Lock()
	defer s.snap.load.Unlock()
	if have, cached = s.snap.cache.get(); cached != nil && have.same(st) {
		return cached, snapshotFine, nil // read meanwhile by another caller
	}
	if cached != nil && have.built == st.built && have.seq <= st.seq && have.logging {
		m, err = withChanges(ctx, tx, cached, have.seq, have.maxID)
	} else {
		m, why, err = s.fromSnapshot(ctx, tx, st)
	}
	if err != nil {
		return nil, snapshotFine, err
	}
	if why == snapshotBroken {
		return m, why, nil // not kept: the rebuild must see it broken too
	}
	s.snap.cache.set(st, m)
	if pending, err := pendingMarks(ctx, tx, st); err == nil && pending >= rebuildAt(m.Len()) && why == snapshotFine {
		why = snapshotBehind
	}
	return m, why, nil
}

// fromSnapshot reads the snapshot of generation st.built and the changes since it; a
// snapshot that cannot be read is passed over (the events are read instead) and said
// to be broken.
func (s *Store) fromSnapshot(ctx context.Context, tx *sql.Tx, st marksState) (*timeline.Marks, snapshotNeed, error) {
	snap, err := loadSnapshot(ctx, tx, st.built)
	if errors.Is(err, errSnapshot) {
		m, err := readMarks(ctx, tx, timeline.Filter{})
		return m, snapshotBroken, err
	}
	if err != nil {
		return nil, snapshotFine, err
	}
	m, err := withChanges(ctx, tx, snap, 0, st.maxRow)
	return m, snapshotFine, err
}

// loadSnapshot reads the snapshot of generation gen. The driver's copy of each part is
// kept as the column itself (a BLOB read into sql.RawBytes is a new slice each row, which
// the driver never reuses).
func loadSnapshot(ctx context.Context, tx *sql.Tx, gen int64) (*timeline.Marks, error) {
	rows, err := tx.QueryContext(ctx, "SELECT data FROM marks_columns WHERE generation = ? ORDER BY part", gen)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var parts [][]byte
	for rows.Next() {
		var b sql.RawBytes
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		parts = append(parts, b)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return decodeSnapshot(parts)
}

// withChanges returns m with the events the change log lists after seq read again (or
// left out when gone) and the events after maxID added, all in store order.
func withChanges(ctx context.Context, tx *sql.Tx, m *timeline.Marks, seq, maxID int64) (*timeline.Marks, error) {
	dirty, err := dirtyRows(ctx, tx, seq)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+markColumns+" FROM events e WHERE e.id > ? OR e.id IN (SELECT row FROM marks_dirty WHERE seq > ?)", maxID, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sc := newMarkScanner(0)
	for rows.Next() {
		if _, err := sc.scan(rows); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(dirty) == 0 && sc.b.Len() == 0 {
		return m, nil
	}
	return m.Merge(sc.b.BuildSorted(), func(i int) bool {
		_, gone := dirty[m.Row(i)]
		return gone
	}), nil
}

// dirtyRows are the events the change log lists after seq.
func dirtyRows(ctx context.Context, q querier, seq int64) (map[int64]struct{}, error) {
	rows, err := q.QueryContext(ctx, "SELECT DISTINCT row FROM marks_dirty WHERE seq > ?", seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	dirty := map[int64]struct{}{}
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		dirty[r] = struct{}{}
	}
	return dirty, rows.Err()
}

// pendingMarks is about how many events a read takes from events beside the snapshot.
func pendingMarks(ctx context.Context, q querier, st marksState) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM marks_dirty) + (SELECT count(*) FROM events WHERE id > ?)", st.maxRow).Scan(&n)
	return n, err
}
