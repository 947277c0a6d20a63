package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

var _ timeline.Indexer = (*Store)(nil)

// Parts of the backlog table (migration 0008): what a large write left to build.
const (
	partText    = "text"   // full-text rows of the events next_id..end_id
	partLinks   = "links"  // actor and tag links and names of those events
	partTotal   = "total"  // the work planned, for progress
	indexPrefix = "index " // an index to create, by name
)

// Work of each part, in the units Indexing counts: per event for the row parts, per
// event of the write for each index. Rough shares of the time each takes.
const (
	textWork  = 6
	linksWork = 2
	indexWork = 1
)

// Events per step of each row part: a step is one transaction, short enough that other
// writers wait for it only a moment.
const (
	textStep  = 50_000
	linksStep = 100_000
)

// deferredIndexes are the indexes a bulk Put that drops them leaves to the backlog: they
// only make some reads faster, and every read is exact without them.
var deferredIndexes = map[string]bool{"events_earliest": true, "events_lane": true, "event_actors_actor": true, "event_tags_tag": true}

// planBacklog records in tx that the events with ids first..last have neither full-text
// rows nor links yet, and that the indexes of creates (name: statement) are to be made.
// It merges with what is already planned.
func planBacklog(ctx context.Context, tx *sql.Tx, first, last int64, creates map[string]string) error {
	return plan(ctx, tx, first, last, creates, partText, partLinks)
}

// plan records in tx that the events with ids first..last lack what the row parts
// (partText, partLinks) build, and the indexes of creates; it merges with what is
// already planned.
func plan(ctx context.Context, tx *sql.Tx, first, last int64, creates map[string]string, parts ...string) error {
	var work int64
	if last >= first {
		for _, part := range parts {
			w := int64(textWork)
			if part == partLinks {
				w = linksWork
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO backlog (part, next_id, end_id, work) VALUES (?, ?, ?, ?)
				ON CONFLICT (part) DO UPDATE SET next_id = min(next_id, excluded.next_id), end_id = max(end_id, excluded.end_id)`,
				part, first, last, w); err != nil {
				return err
			}
			work += (last - first + 1) * w
		}
	}
	for name, q := range creates {
		w := max(last-first+1, 1) * indexWork
		r, err := tx.ExecContext(ctx, "INSERT INTO backlog (part, sql, work) VALUES (?, ?, ?) ON CONFLICT (part) DO NOTHING",
			indexPrefix+name, q, w)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n > 0 {
			work += w
		}
	}
	if work == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO backlog (part, work) VALUES (?, ?)
		ON CONFLICT (part) DO UPDATE SET work = work + excluded.work`, partTotal, work)
	return err
}

// backlogPart is one row of the backlog.
type backlogPart struct {
	part       string
	next, end  int64
	sql        string
	work       int64
	isRowRange bool
}

// remaining is the work left of p.
func (p backlogPart) remaining() int64 {
	if p.isRowRange {
		return max(p.end-p.next+1, 0) * p.work
	}
	return p.work
}

// readBacklog reads the backlog in q's snapshot: its parts and the total planned.
func readBacklog(ctx context.Context, q querier) (parts []backlogPart, total int64, err error) {
	rows, err := q.QueryContext(ctx, "SELECT part, next_id, end_id, sql, work FROM backlog ORDER BY part")
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var p backlogPart
		if err := rows.Scan(&p.part, &p.next, &p.end, &p.sql, &p.work); err != nil {
			return nil, 0, err
		}
		if p.part == partTotal {
			total = p.work
			continue
		}
		p.isRowRange = p.part == partText || p.part == partLinks
		parts = append(parts, p)
	}
	return parts, total, rows.Err()
}

// Indexing says how much of what large writes left to build is built.
func (s *Store) Indexing(ctx context.Context) (timeline.Indexing, error) {
	var ix timeline.Indexing
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		parts, total, err := readBacklog(ctx, tx)
		if err != nil || len(parts) == 0 {
			return err
		}
		var left int64
		for _, p := range parts {
			left += p.remaining()
		}
		total = max(total, left, 1)
		ix = timeline.Indexing{Done: total - left, Total: total}
		return nil
	})
	return ix, err
}

// BuildIndex builds what large writes left to build, one step (one transaction) at a
// time, until nothing is left or ctx is done; a read-only store builds nothing. Steps of
// several processes on one case interleave safely: each reads the backlog in its own
// transaction and moves it on in the same one.
func (s *Store) BuildIndex(ctx context.Context, progress timeline.Progress) error {
	if s.ReadOnly() {
		return nil
	}
	// The marks snapshot first, so that the next process to open the case reads its marks
	// in one pass; reads are exact without it, so only a stop is an error here.
	if err := s.RefreshMarks(ctx); err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return s.buildBacklog(ctx, progress)
}

// buildBacklog is BuildIndex without the marks snapshot.
func (s *Store) buildBacklog(ctx context.Context, progress timeline.Progress) error {
	b := &builder{s: s}
	for {
		done, err := b.step(ctx)
		if err != nil {
			return s.fail(err)
		}
		if progress != nil {
			if ix, err := s.Indexing(ctx); err == nil {
				progress(int(ix.Done), int(ix.Total))
			}
		}
		if done {
			return nil
		}
	}
}

// builder is one BuildIndex under way.
type builder struct {
	s     *Store
	names *nameIDs // actor and tag ids met so far; nil after a failed step
}

// step does the next piece of the backlog in one transaction; done is true when nothing
// is left.
func (b *builder) step(ctx context.Context) (done bool, err error) {
	conn, err := b.s.w.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	restore, err := bulkSettings(ctx, conn, textStep*10) // a larger page cache for the step
	defer restore()
	if err != nil {
		return false, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	parts, _, err := readBacklog(ctx, tx)
	if err != nil {
		return false, err
	}
	if len(parts) > 0 {
		err = b.do(ctx, tx, next(parts))
	}
	if err == nil && len(parts) <= 1 {
		done, err = b.finishedAll(ctx, tx)
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		b.names = nil // ids read in a transaction that did not commit may not exist
		return false, dbError(err)
	}
	return done, nil
}

// next picks the part to work on: the links first (the quickest, after which actor and
// tag filters read the index again), then the full text, then the indexes.
func next(parts []backlogPart) backlogPart {
	for _, want := range []string{partLinks, partText} {
		for _, p := range parts {
			if p.part == want {
				return p
			}
		}
	}
	return parts[0]
}

// do works on one part in tx and records how far it got.
func (b *builder) do(ctx context.Context, tx *sql.Tx, p backlogPart) error {
	if !p.isRowRange {
		q := strings.Replace(p.sql, "CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM backlog WHERE part = ?", p.part)
		return err
	}
	var hi int64
	switch p.part {
	case partLinks:
		hi = min(p.next+linksStep-1, p.end)
		if b.names == nil {
			b.names = &nameIDs{}
		}
		if err := b.buildLinks(ctx, tx, p.next, hi); err != nil {
			return err
		}
	case partText:
		hi = min(p.next+textStep-1, p.end)
		if err := buildText(ctx, tx, p.next, hi); err != nil {
			return err
		}
	}
	if hi >= p.end {
		_, err := tx.ExecContext(ctx, "DELETE FROM backlog WHERE part = ?", p.part)
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE backlog SET next_id = ? WHERE part = ?", hi+1, p.part)
	return err
}

// finishedAll removes the planned total once nothing else is left in tx's backlog.
func (b *builder) finishedAll(ctx context.Context, tx *sql.Tx) (bool, error) {
	parts, _, err := readBacklog(ctx, tx)
	if err != nil || len(parts) > 0 {
		return false, err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM backlog WHERE part = ?", partTotal)
	return err == nil, err
}

// pendingRange returns the ids of the events that part may not be built for yet, in q's
// snapshot; ok is false when part is built for every event.
func pendingRange(ctx context.Context, q querier, part string) (lo, hi int64, ok bool, err error) {
	err = q.QueryRowContext(ctx, "SELECT next_id, end_id FROM backlog WHERE part = ?", part).Scan(&lo, &hi)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, false, nil
	}
	return lo, hi, err == nil && lo <= hi, err
}

// addImportColumns adds events.sources_json and events.batch (migration 0008) where the
// case lacks them.
func addImportColumns(ctx context.Context, tx *sql.Tx) error {
	for _, col := range []string{"sources_json TEXT", "batch INTEGER NOT NULL DEFAULT 0"} {
		name, _, _ := strings.Cut(col, " ")
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info('events') WHERE name = ?", name).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			if _, err := tx.ExecContext(ctx, "ALTER TABLE events ADD COLUMN "+col); err != nil {
				return err
			}
		}
	}
	return nil
}
