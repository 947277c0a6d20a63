package data

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// write writes a prepared chunk in the Put's transaction (total is about how many events
// the Put has, for progress): existing events one at a time, new ones gathered in
// batches.
func (bp *bulkPut) write(ctx context.Context, c *prepared, total int, progress timeline.Progress) error {
	b, p := bp.b, bp.p
	b.chunk = c
	if err := writeShared(ctx, bp.tx, c.shared); err != nil {
		return dbError(err)
	}
	step := max(len(c.events)/200, 1)
	for i := range c.events {
		if i%step == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil && total > 0 {
				progress((c.offset+i)*rowsShare/100, total) // the rows are the first part of the work
			}
		}
		e := &c.events[i]
		if c.dup[i] {
			// An earlier event of the Put has its id: written over it, after what is gathered.
			if err := b.flush(ctx); err != nil {
				return err
			}
			if err := b.oneByOne(ctx, i); err != nil {
				return err
			}
			continue
		}
		if !bp.empty {
			st, err := p.lookup(ctx, e.ID)
			if err == nil && st.exists {
				var o outcome
				if o, err = b.writeExisting(ctx, e, st, c.hashes[i]); err == nil {
					tally(&bp.res, o)
					continue
				}
			}
			if err != nil {
				return &PutError{Index: c.offset + i, ID: e.ID, Err: dbError(err)}
			}
		}
		if err := p.checkVersion(ctx, e, stored{}, c.hashes[i]); err != nil {
			return &PutError{Index: c.offset + i, ID: e.ID, Err: err}
		}
		b.items = append(b.items, i)
		if len(b.items) == bulkBatch {
			if err := b.flush(ctx); err != nil {
				return err
			}
		}
	}
	if err := b.flush(ctx); err != nil {
		return err
	}
	return dbError(ensureLanes(ctx, bp.tx, c.events))
}

// batcher gathers new events and writes them a batch at a time.
type batcher struct {
	tx    *sql.Tx
	p     *putter
	chunk *prepared // the chunk being written
	res   *timeline.PutResult
	now   int64
	next  int64 // the id the next new event gets
	first int64 // the id the first new event got (next, when none did)
	items []int // the gathered events, by index in chunk

	batch  int64  // the batch the Put records (batch.go), 0 for none
	hashes uint64 // the sum of hashBits of the batch's events, as they are now

	insEvents *multiInsert
	args      []any
}

func newBatcher(tx *sql.Tx, p *putter, res *timeline.PutResult, now, next, batch int64) *batcher {
	b := &batcher{tx: tx, p: p, res: res, now: now, next: next, first: next, batch: batch,
		insEvents: newMultiInsert(tx, `events (id, uid, title, description, start_text, end_text, earliest, start_latest,
			end_earliest, latest, span_class, flags, lane, location, lat, lon, importance, attrs, hash, created, updated,
			names, version, notes, sources_json, batch)`, eventCols),
	}
	b.insEvents.tail = fmt.Sprintf(", %d", batch) // the same for every row
	return b
}

func (b *batcher) close() { b.insEvents.close() }

// flush writes the gathered events, many rows to a statement, their sources in their
// rows (sources_json). No
// insert can meet an id taken before (the preparer sends such events the slow way), so
// a failed statement fails the Put; it is then told which event the database refused.
func (b *batcher) flush(ctx context.Context) error {
	if len(b.items) == 0 {
		return nil
	}
	c, items := b.chunk, b.items
	b.items = b.items[:0]
	args := b.args[:0]
	for k, i := range items {
		row := c.rows[i]
		row[0] = b.next + int64(k)
		args = append(args, row...)
	}
	if err := b.insEvents.exec(ctx, args); err != nil {
		return b.refused(ctx, items, err)
	}
	for _, i := range items {
		c.events[i].Version = c.rows[i][eventCols-3].(int64)
		b.hashes += hashBits(c.hashes[i])
	}
	b.next += int64(len(items))
	b.res.Added += len(items)
	clear(args)
	b.args = args[:0]
	return nil
}

// refused is the PutError of a batch the database refused with err: it names the event
// whose rows, written again one event at a time in a savepoint, it refuses (or the first
// of the batch). The Put fails either way, so what the batch wrote is thrown away.
func (b *batcher) refused(ctx context.Context, items []int, err error) error {
	c := b.chunk
	bad := items[0]
	_, derr := b.tx.ExecContext(ctx, "DELETE FROM events WHERE id >= ?", b.next)
	row := "(" + placeholders(eventCols) + b.insEvents.tail + ")"
	if _, serr := b.tx.ExecContext(ctx, "SAVEPOINT find_refused"); serr == nil && derr == nil {
		for k, i := range items {
			c.rows[i][0] = b.next + int64(k)
			if _, e := b.tx.ExecContext(ctx, "INSERT INTO "+b.insEvents.target+" VALUES "+row, c.rows[i]...); e != nil {
				bad, err = i, e
				break
			}
		}
		b.tx.ExecContext(ctx, "ROLLBACK TO find_refused")
		b.tx.ExecContext(ctx, "RELEASE find_refused")
	}
	return &PutError{Index: c.offset + bad, ID: c.events[bad].ID, Err: dbError(err)}
}

// oneByOne writes the chunk's event i through the row-at-a-time path and moves next
// past the id that path may have given.
func (b *batcher) oneByOne(ctx context.Context, i int) error {
	c := b.chunk
	e := &c.events[i]
	st, err := b.p.lookup(ctx, e.ID)
	var o outcome
	if err == nil {
		o, err = b.writeExisting(ctx, e, st, c.hashes[i])
	}
	if err == nil {
		var maxID sql.NullInt64
		err = b.tx.QueryRowContext(ctx, "SELECT max(id) FROM events").Scan(&maxID)
		if err == nil && o == added && b.batch != 0 { // the row path added it: it is the batch's too
			_, err = b.tx.ExecContext(ctx, "UPDATE events SET batch = ? WHERE id = ?", b.batch, maxID.Int64)
			b.hashes += hashBits(c.hashes[i])
		}
		b.next = max(b.next, maxID.Int64+1)
	}
	if err != nil {
		return &PutError{Index: c.offset + i, ID: e.ID, Err: dbError(err)}
	}
	tally(b.res, o)
	return nil
}
