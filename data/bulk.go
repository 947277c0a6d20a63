package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// bulkMin is the number of events from which Put takes the bulk path.
const bulkMin = 2000

// bulkBatch is how many new events the bulk path gathers before writing them.
const bulkBatch = 256

// bulkCacheKiB is the page cache of the writer connection during a bulk Put (the default
// is 2 MiB). A large import into a small page cache spends most of its time moving index
// pages in and out of the WAL.
const bulkCacheKiB = 256 << 10

// bulkThreads is how many helper threads SQLite may sort with while a bulk Put rebuilds
// the indexes.
const bulkThreads = 2

// rebuiltIndexes are the secondary indexes that a bulk Put into an empty case, or into a
// case four times smaller than the Put, drops and creates again at the end of its
// transaction: one sort instead of inserting each row into each index at a random place.
// The indexes the Put itself reads (uid, names, sources by event) are kept.
var rebuiltIndexes = []string{"events_window", "events_earliest", "events_lane", "event_actors_actor", "event_tags_tag"}

// rowsShare is the part of a bulk Put's progress, in percent, given to writing the rows;
// rebuilding the indexes and committing (about as long again) fill the rest.
const rowsShare = 60

// putBulk is Put for many events, in one transaction like putRows, with the same
// outcome. The new events are gathered in batches: each event row is inserted with an
// id given in order after the largest in the case, then the batch's actor and tag links,
// sources and full-text rows are written many rows to a statement. While the case was
// empty when the Put began, ids are not looked up: an event whose id an earlier event of
// the Put took fails its insert and is then written as an update. The page cache is
// larger for the while, and the secondary indexes are rebuilt at the end when the case
// was empty or is much smaller than the Put.
func (s *Store) putBulk(ctx context.Context, conn *sql.Conn, events []timeline.Event, remove []string, progress timeline.Progress) (timeline.PutResult, error) {
	bp, err := s.beginBulk(ctx, conn, len(events))
	if err != nil {
		return timeline.PutResult{}, err
	}
	defer bp.close()
	if err := bp.chunk(ctx, events, 0, len(events), progress); err != nil {
		return bp.res, err
	}
	return bp.res, bp.finish(ctx, remove, len(events), progress)
}

// bulkPut is one bulk Put under way: its transaction, statements and batch, which take
// the events a chunk at a time (a whole Put is one chunk; a streamed import many).
type bulkPut struct {
	restore func()
	tx      *sql.Tx
	p       *putter
	b       *batcher
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
	bp.b = newBatcher(bp.tx, bp.p, &bp.res, s.Now().UTC().Unix(), maxID.Int64+1)
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

// chunk writes events (the Put's events from offset on, of about total) in the Put's
// transaction, and flushes its batch.
func (bp *bulkPut) chunk(ctx context.Context, events []timeline.Event, offset, total int, progress timeline.Progress) error {
	b, p := bp.b, bp.p
	b.events, b.offset = events, offset
	step := max(len(events)/200, 1)
	for i := range events {
		if i%step == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil && total > 0 {
				progress((offset+i)*rowsShare/100, total) // the rows are the first part of the work
			}
		}
		e := &events[i]
		if e.ID == "" {
			e.ID = timeline.NewID()
		}
		hash := p.hash.sum(e)
		if !bp.empty {
			st, err := p.lookup(ctx, e.ID)
			if err == nil && st.exists {
				var o outcome
				if o, err = p.write(ctx, e, st, hash, b.now); err == nil {
					tally(&bp.res, o)
					continue
				}
			}
			if err != nil {
				return &PutError{Index: offset + i, ID: e.ID, Err: dbError(err)}
			}
		}
		if err := p.checkVersion(ctx, e, stored{}, hash); err != nil {
			return &PutError{Index: offset + i, ID: e.ID, Err: err}
		}
		b.items = append(b.items, item{index: i, hash: hash})
		if len(b.items) == bulkBatch {
			if err := b.flush(ctx); err != nil {
				return err
			}
		}
	}
	if err := b.flush(ctx); err != nil {
		return err
	}
	return dbError(ensureLanes(ctx, bp.tx, events))
}

// finish builds the dropped indexes again, deletes the events with the ids in remove and
// commits.
func (bp *bulkPut) finish(ctx context.Context, remove []string, total int, progress timeline.Progress) error {
	for k, q := range bp.rebuild {
		if progress != nil && total > 0 {
			progress(total*(rowsShare+(95-rowsShare)*k/len(bp.rebuild))/100, total)
		}
		if _, err := bp.tx.ExecContext(ctx, q); err != nil {
			return dbError(err)
		}
	}
	if err := deleteIn(ctx, bp.tx, remove); err != nil {
		return dbError(err)
	}
	if progress != nil && total > 0 {
		progress(total*95/100, total) // the commit writes it all to the file
	}
	return dbError(bp.tx.Commit())
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

// item is a new event waiting in a batch.
type item struct {
	index int    // in the Put's events
	hash  string // its content hash
	rowid int64  // its events.id once inserted by the batch; 0 when written otherwise
}

// batcher gathers new events and writes them a batch at a time.
type batcher struct {
	tx     *sql.Tx
	p      *putter
	events []timeline.Event // the chunk being written
	offset int              // the index in the Put of events[0]
	res    *timeline.PutResult
	now    int64
	next   int64 // the id the next new event gets
	items  []item

	insEvent                               *sql.Stmt
	insActors, insTags, insSources, insFTS *multiInsert
	args                                   []any
}

func newBatcher(tx *sql.Tx, p *putter, res *timeline.PutResult, now, next int64) *batcher {
	return &batcher{tx: tx, p: p, res: res, now: now, next: next,
		insActors:  newMultiInsert(tx, "event_actors (event_id, actor_id, pos)", 3),
		insTags:    newMultiInsert(tx, "event_tags (event_id, tag_id, pos)", 3),
		insSources: newMultiInsert(tx, "sources (event_id, pos, title, url, publisher, date, quote, reliability, credibility)", 9),
		insFTS:     newMultiInsert(tx, "events_fts (docid, title, description, actors, tags, sources)", 6),
	}
}

func (b *batcher) close() {
	if b.insEvent != nil {
		b.insEvent.Close()
	}
	for _, m := range []*multiInsert{b.insActors, b.insTags, b.insSources, b.insFTS} {
		m.close()
	}
}

// flush writes the gathered events. Each event row is its own insert (many rows to one
// statement would make SQLite keep a statement journal); an event whose insert is refused
// for its id (an earlier event of this Put has it) is written after the batch through the
// row-at-a-time path, which replaces that earlier event.
func (b *batcher) flush(ctx context.Context) error {
	if len(b.items) == 0 {
		return nil
	}
	items := b.items
	b.items = b.items[:0]
	later, err := b.insertEvents(ctx, items)
	if err != nil {
		return err
	}
	if err := b.insertRows(ctx, items); err != nil {
		return err
	}
	for i := range later {
		if err := b.oneByOne(ctx, &later[i]); err != nil {
			return err
		}
	}
	return nil
}

// insertEvents inserts the event rows of items, giving each its rowid; it returns the
// items whose id an earlier event of the Put took, to be written after the batch.
func (b *batcher) insertEvents(ctx context.Context, items []item) ([]item, error) {
	var later []item
	if b.insEvent == nil {
		var err error
		if b.insEvent, err = b.tx.PrepareContext(ctx, `INSERT INTO events (id, uid, title, description, start_text, end_text,
			earliest, start_latest, end_earliest, latest, span_class, flags, lane, location, lat, lon, importance, attrs, hash,
			created, updated, names, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
			return nil, b.fail(items[0], err)
		}
	}
	for k := range items {
		it := &items[k]
		e := &b.events[it.index]
		updated, version := b.p.stamps(e, stored{}, b.now)
		row, err := eventRow(e, it.hash, createdAt(e, b.now), updated, version)
		if err != nil {
			return nil, &PutError{Index: b.offset + it.index, ID: e.ID, Err: err}
		}
		_, err = b.insEvent.ExecContext(ctx, append([]any{b.next}, row...)...)
		var se sqlite3.Error
		if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
			later = append(later, *it)
			continue
		}
		if err != nil {
			return nil, b.fail(*it, err)
		}
		it.rowid = b.next
		b.next++
		b.res.Added++
		e.Version = version
	}
	return later, nil
}

// insertRows inserts the actors, tags, sources and full-text rows of the items whose
// event row was inserted, each kind in multi-row statements.
func (b *batcher) insertRows(ctx context.Context, items []item) error {
	args := b.args[:0]
	var err error
	if args, err = b.nameRows(ctx, items, args, func(e *timeline.Event) []string { return e.Actors },
		b.p.actors, b.p.insActor, b.p.findActor); err != nil {
		return err
	}
	if err := b.insActors.exec(ctx, args); err != nil {
		return b.fail(items[0], err)
	}
	if args, err = b.nameRows(ctx, items, args[:0], func(e *timeline.Event) []string { return e.Tags },
		b.p.tags, b.p.insTag, b.p.findTag); err != nil {
		return err
	}
	if err := b.insTags.exec(ctx, args); err != nil {
		return b.fail(items[0], err)
	}
	args = args[:0]
	for _, it := range items {
		if it.rowid == 0 {
			continue
		}
		for pos, src := range b.events[it.index].Sources {
			args = append(args, it.rowid, pos, src.Title, src.URL, src.Publisher, src.Date, src.Quote,
				src.Reliability, src.Credibility)
		}
	}
	if err := b.insSources.exec(ctx, args); err != nil {
		return b.fail(items[0], err)
	}
	args = args[:0]
	for _, it := range items {
		if it.rowid != 0 {
			args = append(args, ftsRow(it.rowid, &b.events[it.index])...)
		}
	}
	if err := b.insFTS.exec(ctx, args); err != nil {
		return b.fail(items[0], err)
	}
	clear(args)
	b.args = args[:0]
	return nil
}

// nameRows appends to args the (event, name, position) rows of the names (actors or
// tags) of the inserted items, each name's id found or made through cache, ins and find.
func (b *batcher) nameRows(ctx context.Context, items []item, args []any, names func(*timeline.Event) []string,
	cache map[string]int64, ins, find *sql.Stmt) ([]any, error) {
	for _, it := range items {
		if it.rowid == 0 {
			continue
		}
		for pos, n := range names(&b.events[it.index]) {
			id, err := b.p.nameID(ctx, n, cache, ins, find)
			if err != nil {
				return args, b.fail(it, err)
			}
			args = append(args, it.rowid, id, pos)
		}
	}
	return args, nil
}

// fail is the PutError of a batch that failed at it.
func (b *batcher) fail(it item, err error) error {
	return &PutError{Index: b.offset + it.index, ID: b.events[it.index].ID, Err: dbError(err)}
}

// oneByOne writes it through the row-at-a-time path and moves next past the id that
// path may have given.
func (b *batcher) oneByOne(ctx context.Context, it *item) error {
	e := &b.events[it.index]
	st, err := b.p.lookup(ctx, e.ID)
	var o outcome
	if err == nil {
		o, err = b.p.write(ctx, e, st, it.hash, b.now)
	}
	if err == nil {
		var maxID sql.NullInt64
		err = b.tx.QueryRowContext(ctx, "SELECT max(id) FROM events").Scan(&maxID)
		b.next = max(b.next, maxID.Int64+1)
	}
	if err != nil {
		return b.fail(*it, err)
	}
	tally(b.res, o)
	return nil
}
