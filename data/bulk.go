package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// bulkMin is the number of events from which Put takes the bulk path.
const bulkMin = 2000

// bulkBatch is how many new events the bulk path gathers before writing them.
const bulkBatch = 256

// bulkCacheKiB is the page cache of the writer connection during a bulk Put (the default
// is 2 MiB). A large import into a small page cache spends most of its time moving index
// pages in and out of the WAL.
const bulkCacheKiB = 128 << 10

// bulkThreads is how many helper threads SQLite may sort with while a bulk Put rebuilds
// the indexes.
const bulkThreads = 2

// rebuiltIndexes are the secondary indexes that a bulk Put into an empty case, or into a
// case four times smaller than the Put, drops and creates again at the end of its
// transaction: one sort instead of inserting each row into each index at a random place.
// The indexes the Put itself reads (uid, names, sources by event) are kept.
var rebuiltIndexes = []string{"events_earliest", "events_lane", "event_actors_actor", "event_tags_tag"}

// rowsShare is the part of a bulk Put's progress, in percent, given to writing the rows;
// rebuilding the indexes and committing (about as long again) fill the rest.
const rowsShare = 60

// putBulk is Put for many events, in one transaction like putRows, with the same
// outcome. New events get ids in order after the largest in the case and are written
// many rows to a statement, with their sources; their full-text rows and actor and tag
// links are left to the backlog (backlog.go), built after the commit. While the case was
// empty when the Put began, ids are not looked up: an event whose id an earlier event of
// the Put took is written as an update. The page cache is larger for the while, and the
// secondary indexes are made again at the end (or left to the backlog) when the case was
// empty or is much smaller than the Put.
func (s *Store) putBulk(ctx context.Context, conn *sql.Conn, events []timeline.Event, remove []string, progress timeline.Progress) (timeline.PutResult, error) {
	bp, err := s.beginBulk(ctx, conn, len(events))
	if err != nil {
		return timeline.PutResult{}, err
	}
	defer bp.close()
	c, err := bp.prep.prepare(events)
	if err != nil {
		return bp.res, err
	}
	if err := bp.write(ctx, c, len(events), progress); err != nil {
		return bp.res, err
	}
	if err := bp.finish(ctx, remove, len(events), progress); err != nil {
		return bp.res, err
	}
	for i := range events {
		events[i].Version = c.events[i].Version // Put gives back the versions it saved
	}
	return bp.res, nil
}

// bulkPut is one bulk Put under way: its transaction, statements and batch, which take
// the events a chunk at a time (a whole Put is one chunk; a streamed import many).
type bulkPut struct {
	restore func()
	tx      *sql.Tx
	p       *putter
	b       *batcher
	prep    *preparer
	res     timeline.PutResult
	empty   bool     // the case had no event when the Put began
	rebuild []string // the indexes to create again at the end
}

// beginBulk starts a bulk Put of about size events on conn: its settings, its
// transaction, and the indexes it drops to build them again at the end.
func (s *Store) beginBulk(ctx context.Context, conn *sql.Conn, size int) (*bulkPut, error) {
	bp := &bulkPut{}
	var err error
	bp.restore, err = bulkSettings(ctx, conn, size)
	if err != nil {
		bp.restore()
		return nil, dbError(err)
	}
	if bp.tx, err = conn.BeginTx(ctx, nil); err != nil {
		bp.restore()
		return nil, dbError(err)
	}
	var maxID sql.NullInt64
	if err := bp.tx.QueryRowContext(ctx, "SELECT max(id) FROM events").Scan(&maxID); err != nil {
		bp.close()
		return nil, dbError(err)
	}
	bp.empty = !maxID.Valid
	if bp.empty || int64(size) >= 4*maxID.Int64 {
		if bp.rebuild, err = dropIndexes(ctx, bp.tx, rebuiltIndexes); err != nil {
			bp.close()
			return nil, dbError(err)
		}
	}
	if bp.p, err = prepare(ctx, bp.tx); err != nil {
		bp.close()
		return nil, err
	}
	bp.p.keep = s.KeepStamps
	now := s.Now().UTC().Unix()
	bp.b = newBatcher(bp.tx, bp.p, &bp.res, now, maxID.Int64+1, 0)
	bp.prep = newPreparer(now, s.KeepStamps, s.Prevalidated)
	if bp.prep.book, err = loadSourceBook(ctx, bp.tx); err != nil {
		bp.close()
		return nil, dbError(err)
	}
	return bp, nil
}

// close rolls back what was not committed and puts the connection's settings back.
func (bp *bulkPut) close() {
	if bp.b != nil {
		bp.b.close()
	}
	if bp.p != nil {
		bp.p.close()
	}
	bp.tx.Rollback()
	bp.restore()
}

// finish builds again the dropped indexes the timeline reads (the window index), leaves
// the others and the new events' full-text rows and links to the backlog, deletes the
// events with the ids in remove and commits.
func (bp *bulkPut) finish(ctx context.Context, remove []string, total int, progress timeline.Progress) error {
	later := map[string]string{}
	added := bp.b.next > bp.b.first
	for k, q := range bp.rebuild {
		if name := indexName(q); added && deferredIndexes[name] {
			later[name] = q
			continue
		}
		if progress != nil && total > 0 {
			progress(total*(rowsShare+(95-rowsShare)*k/len(bp.rebuild))/100, total)
		}
		if _, err := bp.tx.ExecContext(ctx, q); err != nil {
			return dbError(err)
		}
	}
	if _, err := bp.p.propagate(ctx, bp.prep.book, bp.b.now); err != nil {
		return dbError(err)
	}
	if err := planBacklog(ctx, bp.tx, bp.b.first, bp.b.next-1, later); err != nil {
		return dbError(err)
	}
	if err := deleteIn(ctx, bp.tx, remove); err != nil {
		return dbError(err)
	}
	if progress != nil && total > 0 {
		progress(total*95/100, total) // the commit writes it all to the file
	}
	return dbError(bp.tx.Commit())
}

// indexName is the name of the index a CREATE INDEX statement (as sqlite_master keeps
// it) makes.
func indexName(create string) string {
	f := strings.Fields(create)
	if len(f) < 3 {
		return ""
	}
	return strings.Trim(f[2], `"`)
}

// bulkSettings gives conn a larger page cache, statement journals in memory and sorter
// threads, and returns the function that puts the previous settings back.
//
// The page cache follows the size of the Put (about 300 bytes an event, from 8 MiB up
// to bulkCacheKiB), so a small import does not take a large cache.
func bulkSettings(ctx context.Context, conn *sql.Conn, size int) (restore func(), err error) {
	cacheKiB := min(max(size*300>>10, 8<<10), bulkCacheKiB)
	var undo []string
	restore = func() {
		for _, q := range undo {
			conn.ExecContext(context.Background(), q)
		}
	}
	for _, set := range []struct {
		name string
		val  int
	}{{"cache_size", -cacheKiB}, {"temp_store", 2}, {"threads", bulkThreads}} {
		var old int
		if err := conn.QueryRowContext(ctx, "PRAGMA "+set.name).Scan(&old); err != nil {
			return restore, err
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA %s = %d", set.name, set.val)); err != nil {
			return restore, err
		}
		undo = append(undo, fmt.Sprintf("PRAGMA %s = %d", set.name, old))
	}
	return restore, nil
}

// dropIndexes drops those of the named indexes that exist and returns the statements that
// create them again.
func dropIndexes(ctx context.Context, tx *sql.Tx, names []string) ([]string, error) {
	args := make([]any, len(names))
	for i, n := range names {
		args[i] = n
	}
	rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name IN ("+
		placeholders(len(names))+") ORDER BY name", args...)
	if err != nil {
		return nil, err
	}
	var drop, create []string
	for rows.Next() {
		var name, q string
		if err := rows.Scan(&name, &q); err != nil {
			rows.Close()
			return nil, err
		}
		drop = append(drop, name)
		create = append(create, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range drop {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+name+`"`); err != nil {
			return nil, err
		}
	}
	return create, nil
}
