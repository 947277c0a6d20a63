package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// batchRow is a row of batches.
type batchRow struct {
	id, first, last int64
	added           int64
	hashes          uint64
	undone          bool
}

// readBatch reads batch id in tx.
func readBatch(ctx context.Context, tx *sql.Tx, id int64) (batchRow, error) {
	b := batchRow{id: id}
	var hashes int64
	err := tx.QueryRowContext(ctx, "SELECT first_id, last_id, added, hashes, undone FROM batches WHERE id = ?", id).
		Scan(&b.first, &b.last, &b.added, &hashes, &b.undone)
	if errors.Is(err, sql.ErrNoRows) {
		return b, fmt.Errorf("batch %d: no longer kept in the case", id)
	}
	b.hashes = uint64(hashes)
	return b, err
}

// undoneTables are the tables an undone batch's events and sources rows wait in.
func undoneTables(id int64) (events, sources string) {
	return fmt.Sprintf("batch_%d_events", id), fmt.Sprintf("batch_%d_sources", id)
}

// UndoBatch takes batch id back in one transaction: its events move to tables of their
// own (for a redo), whole tables emptied when they were all the case held; the full-text
// index is made again in the background when most of it goes; the events it replaced are
// written back as they were. Nothing of the batch is held in memory. It refuses with
// timeline.ErrBatchChanged when the batch's events are not as it left them.
func (s *Store) UndoBatch(ctx context.Context, id int64) error {
	return s.batchTx(ctx, func(tx *sql.Tx, p *putter, now int64) error {
		b, err := readBatch(ctx, tx, id)
		if err != nil || b.undone {
			return errOr(err, fmt.Errorf("batch %d is undone already", id))
		}
		if err := b.unchanged(ctx, tx); err != nil {
			return err
		}
		if err := invalidateMarks(ctx, tx); err != nil {
			return err
		}
		if err := b.moveOut(ctx, tx); err != nil {
			return err
		}
		if err := swapBack(ctx, tx, p, id, now); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE batches SET undone = 1 WHERE id = ?", id)
		return err
	})
}

// RedoBatch writes the undone batch id again in one transaction: its events come back
// (under new row ids if others took theirs), their full text and links to be built in
// the background, and the events it replaced are replaced again. It refuses with
// timeline.ErrBatchChanged when one of its events was added again since, or one it
// replaced changed.
func (s *Store) RedoBatch(ctx context.Context, id int64) error {
	return s.batchTx(ctx, func(tx *sql.Tx, p *putter, now int64) error {
		b, err := readBatch(ctx, tx, id)
		if err != nil || !b.undone {
			return errOr(err, fmt.Errorf("batch %d is not undone", id))
		}
		if err := invalidateMarks(ctx, tx); err != nil {
			return err
		}
		if err := b.moveIn(ctx, tx); err != nil {
			return err
		}
		if err := swapBack(ctx, tx, p, id, now); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE batches SET undone = 0 WHERE id = ?", id)
		return err
	})
}

// ForgetBatch drops what the case keeps to undo or redo batch id; its events stay as
// they are.
func (s *Store) ForgetBatch(ctx context.Context, id int64) error {
	if err := s.writeRefused(); err != nil {
		return err
	}
	evs, srcs := undoneTables(id)
	return s.fail(s.writeTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`DROP TABLE IF EXISTS "` + evs + `"`, nil},
			{`DROP TABLE IF EXISTS "` + srcs + `"`, nil},
			{"DELETE FROM batch_swaps WHERE batch = ?", []any{id}},
			{"DELETE FROM batches WHERE id = ?", []any{id}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	}))
}

// forgetBatches forgets the batches the store recorded: no History outlives its store.
func (s *Store) forgetBatches() {
	for _, id := range s.batches.take() {
		s.ForgetBatch(context.Background(), id) //nolint:errcheck // a batch not forgotten only takes room
	}
}

// errOr is err, or else other.
func errOr(err, other error) error {
	if err != nil {
		return err
	}
	return other
}

// batchTx runs fn in one immediate transaction on a pinned writer connection whose
// foreign keys are off (the batch code removes and restores child rows itself, a set at
// a time) and whose page cache is large, with a putter for the events it writes back.
func (s *Store) batchTx(ctx context.Context, fn func(tx *sql.Tx, p *putter, now int64) error) error {
	if err := s.writeRefused(); err != nil {
		return err
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return s.fail(err)
	}
	defer conn.Close()
	restore, err := bulkSettings(ctx, conn, 1<<20)
	defer restore()
	if err != nil {
		return s.fail(err)
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return s.fail(err)
	}
	defer conn.ExecContext(context.Background(), "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	p, err := prepare(ctx, tx)
	if err != nil {
		return s.fail(err)
	}
	defer p.close()
	if err := fn(tx, p, s.Now().UTC().Unix()); err != nil {
		return s.fail(dbError(err))
	}
	return s.fail(tx.Commit())
}

// unchanged refuses (timeline.ErrBatchChanged) unless every event b added is there with
// the content b left it with.
func (b batchRow) unchanged(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT hash FROM events WHERE id BETWEEN ? AND ? AND batch = ?", b.first, b.last, b.id)
	if err != nil {
		return err
	}
	defer rows.Close()
	var n int64
	var sum uint64
	var h string
	for rows.Next() {
		if err := rows.Scan(&h); err != nil {
			return err
		}
		n++
		sum += hashBits(h)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n != b.added || sum != b.hashes {
		return fmt.Errorf("%w: %d of the %d events it added are there, and some were changed or deleted",
			timeline.ErrBatchChanged, n, b.added)
	}
	return nil
}

// swapBack writes each event batch id replaced as the other side of the batch has it,
// keeping the event it writes over for the next swap, a page at a time: for an undo, the
// events as they were before the batch; for a redo, as the batch wrote them. It refuses
// (timeline.ErrBatchChanged) an event changed since the batch or its last undo or redo.
func swapBack(ctx context.Context, tx *sql.Tx, p *putter, id, now int64) error {
	after := ""
	for {
		page, err := swapPage(ctx, tx, id, after)
		if err != nil || len(page) == 0 {
			return err
		}
		for _, sw := range page {
			if err := swapOne(ctx, tx, p, id, sw, now); err != nil {
				return err
			}
			after = sw.uid
		}
	}
}

// swap is a row of batch_swaps.
type swap struct{ uid, hash, event string }

// swapPage reads the swaps of batch id after uid after, in uid order.
func swapPage(ctx context.Context, tx *sql.Tx, id int64, after string) ([]swap, error) {
	rows, err := tx.QueryContext(ctx, "SELECT uid, hash, event FROM batch_swaps WHERE batch = ? AND uid > ? ORDER BY uid LIMIT 500", id, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []swap
	for rows.Next() {
		var sw swap
		if err := rows.Scan(&sw.uid, &sw.hash, &sw.event); err != nil {
			return nil, err
		}
		page = append(page, sw)
	}
	return page, rows.Err()
}

// swapOne writes one swapped event and keeps the one it writes over.
func swapOne(ctx context.Context, tx *sql.Tx, p *putter, id int64, sw swap, now int64) error {
	st, err := p.lookup(ctx, sw.uid)
	if err != nil {
		return err
	}
	if !st.exists || st.hash != sw.hash {
		return fmt.Errorf("%w: event %s was changed or deleted", timeline.ErrBatchChanged, sw.uid)
	}
	cur, err := eventAt(ctx, tx, st.rowid)
	if err != nil {
		return err
	}
	var e timeline.Event
	if err := json.Unmarshal([]byte(sw.event), &e); err != nil {
		return fmt.Errorf("event %s as kept: %w", sw.uid, err)
	}
	e.Version = 0 // written over whatever is stored: it was checked above
	hash := p.hash.sum(&e)
	if _, err := p.write(ctx, &e, st, hash, now); err != nil {
		return err
	}
	doc, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE batch_swaps SET hash = ?, event = ? WHERE batch = ? AND uid = ?", hash, string(doc), id, sw.uid)
	return err
}
