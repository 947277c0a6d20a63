package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"

	"github.com/chronoscope/chronoscope/timeline"
)

var _ timeline.Batches = (*Store)(nil)

// Import batches (migration 0008): an import recorded in the case, so that its undo and
// redo move its events there (batchundo.go) instead of a copy of them in memory.

// PutBatch is PutStream recorded as a batch named label. The events it adds carry the
// batch's id; each event it replaces is kept as it was (batch_swaps). The store forgets
// the batch when it closes (a History of another session cannot undo it).
func (s *Store) PutBatch(ctx context.Context, label string, size int, produce func(put func([]timeline.Event) error) error) (int64, timeline.PutResult, error) {
	if err := s.writeRefused(); err != nil {
		return 0, timeline.PutResult{}, err
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return 0, timeline.PutResult{}, s.fail(err)
	}
	defer conn.Close()
	bp, err := s.beginBulk(ctx, conn, size)
	if err != nil {
		return 0, timeline.PutResult{}, s.fail(err)
	}
	defer bp.close()
	var id int64
	if err := bp.tx.QueryRowContext(ctx, "INSERT INTO batches (label, first_id, created) VALUES (?, ?, ?) RETURNING id",
		label, bp.b.next, s.Now().UTC().Unix()).Scan(&id); err != nil {
		return 0, timeline.PutResult{}, s.fail(dbError(err))
	}
	bp.b.setBatch(id)
	if err := bp.stream(ctx, size, produce); err != nil {
		return 0, timeline.PutResult{}, s.fail(err)
	}
	if _, err := bp.tx.ExecContext(ctx, "UPDATE batches SET last_id = ?, added = ?, hashes = ? WHERE id = ?",
		bp.b.next-1, bp.res.Added, int64(bp.b.hashes), id); err != nil {
		return 0, timeline.PutResult{}, s.fail(dbError(err))
	}
	if err := bp.finish(ctx, nil, size, nil); err != nil {
		return 0, timeline.PutResult{}, s.fail(err)
	}
	s.batches.add(id)
	return id, bp.res, nil
}

// setBatch makes the batcher record its new events as batch id's.
func (b *batcher) setBatch(id int64) {
	b.batch = id
	b.insEvents.close()
	b.insEvents.stmts = map[int]*sql.Stmt{}
	b.insEvents.tail = fmt.Sprintf(", %d", id)
}

// writeExisting writes e over the stored event st. In a batch, an event the batch added
// itself has its hash change in the batch's sum; any other is kept as it was first.
func (b *batcher) writeExisting(ctx context.Context, e *timeline.Event, st stored, hash string) (outcome, error) {
	if b.batch != 0 && st.exists && st.hash != hash {
		if st.rowid >= b.first {
			b.hashes += hashBits(hash) - hashBits(st.hash)
		} else if err := keepSwap(ctx, b.tx, b.batch, st.rowid, hash); err != nil {
			return 0, err
		}
	}
	return b.p.write(ctx, e, st, hash, b.now)
}

// keepSwap records in tx the event of row id as it is now, before batch replaces it with
// an event of content hash (the first time only: a batch may write an event twice).
func keepSwap(ctx context.Context, tx *sql.Tx, batch, rowid int64, hash string) error {
	e, err := eventAt(ctx, tx, rowid)
	if err != nil {
		return err
	}
	doc, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO batch_swaps (batch, uid, hash, event) VALUES (?, ?, ?, ?)
		ON CONFLICT (batch, uid) DO UPDATE SET hash = excluded.hash`, batch, e.ID, hash, string(doc))
	return err
}

// eventAt reads the event of row id in q's snapshot.
func eventAt(ctx context.Context, q querier, rowid int64) (timeline.Event, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e WHERE e.id = ?", rowid)
	if err != nil {
		return timeline.Event{}, err
	}
	evs, err := scanEvents(ctx, q, rows)
	if err != nil {
		return timeline.Event{}, err
	}
	if len(evs) == 0 {
		return timeline.Event{}, fmt.Errorf("event of row %d: %w", rowid, timeline.ErrNotFound)
	}
	return evs[0], nil
}

// hashBits is the first 64 bits of a content hash (hasher.sum: hex), summed into a batch's
// hashes to see whether its events are as it left them.
func hashBits(hash string) uint64 {
	v, _ := strconv.ParseUint(hash[:min(16, len(hash))], 16, 64)
	return v
}

// batchBook lists the batches a store recorded, which it forgets when it closes.
type batchBook struct {
	mu  sync.Mutex
	ids []int64
}

func (b *batchBook) add(id int64) {
	b.mu.Lock()
	b.ids = append(b.ids, id)
	b.mu.Unlock()
}

// take returns the ids and empties the book.
func (b *batchBook) take() []int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	ids := b.ids
	b.ids = nil
	return ids
}
