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
	var res timeline.PutResult
	restore, err := bulkSettings(ctx, conn)
	defer restore()
	if err != nil {
		return res, dbError(err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, dbError(err)
	}
	defer tx.Rollback()
	var maxID sql.NullInt64
	if err := tx.QueryRowContext(ctx, "SELECT max(id) FROM events").Scan(&maxID); err != nil {
		return res, dbError(err)
	}
	empty := !maxID.Valid
	var rebuild []string
	if empty || int64(len(events)) >= 4*maxID.Int64 {
		if rebuild, err = dropIndexes(ctx, tx, rebuiltIndexes); err != nil {
			return res, dbError(err)
		}
	}
	p, err := prepare(ctx, tx)
	if err != nil {
		return res, err
	}
	defer p.close()
	b := newBatcher(tx, p, events, &res, s.Now().UTC().Unix(), maxID.Int64+1)
	defer b.close()

	step := max(len(events)/200, 1)
	for i := range events {
		if i%step == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
			if progress != nil {
				progress(i*rowsShare/100, len(events)) // the rows are the first part of the work
			}
		}
		e := &events[i]
		if e.ID == "" {
			e.ID = timeline.NewID()
		}
		hash := p.hash.sum(e)
		if !empty {
			st, err := p.lookup(ctx, e.ID)
			if err == nil && st.exists {
				var o outcome
				if o, err = p.write(ctx, e, st, hash, b.now); err == nil {
					tally(&res, o)
					continue
				}
			}
			if err != nil {
				return res, &PutError{Index: i, ID: e.ID, Err: dbError(err)}
			}
		}
		b.items = append(b.items, item{index: i, hash: hash})
		if len(b.items) == bulkBatch {
			if err := b.flush(ctx); err != nil {
				return res, err
			}
		}
	}
	if err := b.flush(ctx); err != nil {
		return res, err
	}
	for k, q := range rebuild {
		if progress != nil {
			progress(len(events)*(rowsShare+(95-rowsShare)*k/len(rebuild))/100, len(events))
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return res, dbError(err)
		}
	}
	if err := ensureLanes(ctx, tx, events); err != nil {
		return res, dbError(err)
	}
	if err := deleteIn(ctx, tx, remove); err != nil {
		return res, dbError(err)
	}
	if progress != nil {
		progress(len(events)*95/100, len(events)) // the commit writes it all to the file
	}
	if err := tx.Commit(); err != nil {
		return res, dbError(err)
	}
	return res, nil
}

// bulkSettings gives conn a larger page cache, statement journals in memory and sorter
// threads, and returns the function that puts the previous settings back.
func bulkSettings(ctx context.Context, conn *sql.Conn) (restore func(), err error) {
	var undo []string
	restore = func() {
		for _, q := range undo {
			conn.ExecContext(context.Background(), q)
		}
	}
	for _, set := range []struct {
		name string
		val  int
	}{{"cache_size", -bulkCacheKiB}, {"temp_store", 2}, {"threads", bulkThreads}} {
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
	events []timeline.Event
	res    *timeline.PutResult
	now    int64
	next   int64 // the id the next new event gets
	items  []item

	insEvent                               *sql.Stmt
	insActors, insTags, insSources, insFTS *multiInsert
	args                                   []any
}

func newBatcher(tx *sql.Tx, p *putter, events []timeline.Event, res *timeline.PutResult, now, next int64) *batcher {
	return &batcher{tx: tx, p: p, events: events, res: res, now: now, next: next,
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
	var later []item // events whose id an earlier event took, written after the batch
	if b.insEvent == nil {
		var err error
		if b.insEvent, err = b.tx.PrepareContext(ctx, `INSERT INTO events (id, uid, title, description, start_text, end_text,
			earliest, start_latest, end_earliest, latest, span_class, flags, lane, location, lat, lon, importance, attrs, hash,
			created, updated, names) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
			return b.fail(items[0], err)
		}
	}
	for k := range items {
		it := &items[k]
		e := &b.events[it.index]
		row, err := eventRow(e, it.hash, createdAt(e, b.now), b.now)
		if err != nil {
			return &PutError{Index: it.index, ID: e.ID, Err: err}
		}
		_, err = b.insEvent.ExecContext(ctx, append([]any{b.next}, row...)...)
		var se sqlite3.Error
		if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
			later = append(later, *it)
			continue
		}
		if err != nil {
			return b.fail(*it, err)
		}
		it.rowid = b.next
		b.next++
		b.res.Added++
	}
	args := b.args[:0]
	for _, it := range items {
		if it.rowid == 0 {
			continue
		}
		for pos, n := range b.events[it.index].Actors {
			id, err := b.p.nameID(ctx, n, b.p.actors, b.p.insActor, b.p.findActor)
			if err != nil {
				return b.fail(it, err)
			}
			args = append(args, it.rowid, id, pos)
		}
	}
	if err := b.insActors.exec(ctx, args); err != nil {
		return b.fail(items[0], err)
	}
	args = args[:0]
	for _, it := range items {
		if it.rowid == 0 {
			continue
		}
		for pos, n := range b.events[it.index].Tags {
			id, err := b.p.nameID(ctx, n, b.p.tags, b.p.insTag, b.p.findTag)
			if err != nil {
				return b.fail(it, err)
			}
			args = append(args, it.rowid, id, pos)
		}
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
	for i := range later {
		if err := b.oneByOne(ctx, &later[i]); err != nil {
			return err
		}
	}
	return nil
}

// fail is the PutError of a batch that failed at it.
func (b *batcher) fail(it item, err error) error {
	return &PutError{Index: it.index, ID: b.events[it.index].ID, Err: dbError(err)}
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
