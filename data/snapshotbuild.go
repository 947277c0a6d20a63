package data

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// Building the marks snapshot (see snapshot.go): in the background when a read finds it
// missing, broken or far behind, or when a large import asks for it.

var _ timeline.MarksPrefetcher = (*Store)(nil)

// PrefetchMarks reads the marks of the whole case in the background, into the store's
// cache (see marksNow); the first Marks waits for that read instead of making its own.
// A case without a snapshot is left alone: its marks are not kept (see marksNow), so the
// read would be made twice.
func (s *Store) PrefetchMarks() {
	s.snap.bg.Add(1)
	go func() {
		defer s.snap.bg.Done()
		var st marksState
		var ok bool
		err := s.readTx(s.snap.ctx, func(tx *sql.Tx) error {
			var err error
			st, ok, err = readMarksState(s.snap.ctx, tx)
			return err
		})
		if err != nil || !ok || st.built == 0 {
			return
		}
		s.Marks(s.snap.ctx, timeline.Filter{}) //nolint:errcheck // the Marks that needs them says what failed
	}()
}

// rebuildSoon starts building a new snapshot in the background, unless the store cannot
// write or one is being built.
func (s *Store) rebuildSoon() {
	if s.ReadOnly() || !s.snap.rebuilding.CompareAndSwap(false, true) {
		return
	}
	s.snap.bg.Add(1)
	go func() {
		defer s.snap.bg.Done()
		defer s.snap.rebuilding.Store(false)
		s.RefreshMarks(s.snap.ctx) //nolint:errcheck // a snapshot not built is built next time; reads stay exact
	}()
}

// RefreshMarks builds the case's marks snapshot again when it is missing or behind the
// events, so that the next process to open the case reads its marks in one pass: a
// large import calls it once its events are committed (a few seconds for a million
// events, in transactions of its own, while other processes read and write). Reads are
// exact whether it ran or not.
func (s *Store) RefreshMarks(ctx context.Context) error {
	if err := s.writeRefused(); err != nil {
		return err
	}
	start, err := s.startLogging(ctx)
	if err != nil || start.maxID == 0 && start.built == 0 {
		return err
	}
	var st marksState
	var m *timeline.Marks
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if st, _, err = readMarksState(ctx, tx); err != nil || !st.logging {
			return err
		}
		var why snapshotNeed
		m, why, err = s.marksNow(ctx, tx) // the cache's, when it is current: no read of the events
		if err != nil || st.built == 0 || why != snapshotFine {
			return err
		}
		if pending, err := pendingMarks(ctx, tx, st); err != nil || pending == 0 {
			m = nil // up to date
			return err
		}
		return nil
	})
	if err != nil || m == nil {
		return err
	}
	gen, err := s.writeSnapshot(ctx, st, m)
	if err != nil || gen == 0 {
		return err
	}
	st.built, st.maxRow, st.counter = gen, st.maxID, gen
	s.snap.cache.set(st, m)
	return nil
}

// startLogging turns the change log on (the changes made while a snapshot is being read
// must be logged for it) and returns the state of the marks then.
func (s *Store) startLogging(ctx context.Context) (marksState, error) {
	var st marksState
	err := s.fail(s.writeTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE marks_state SET logging = 1 WHERE id = 1 AND logging = 0"); err != nil {
			return err
		}
		var err error
		st, _, err = readMarksState(ctx, tx)
		return err
	}))
	return st, err
}

// writeSnapshot writes m, the marks of every event in state st, as the case's snapshot,
// unless another snapshot was built since st (gen is then 0). The log entries up to st's
// go with the old snapshot.
func (s *Store) writeSnapshot(ctx context.Context, st marksState, m *timeline.Marks) (gen int64, err error) {
	err = s.fail(s.writeTx(ctx, func(tx *sql.Tx) error {
		var counter int64
		var logging int
		if err := tx.QueryRowContext(ctx, "SELECT counter, logging FROM marks_state WHERE id = 1").Scan(&counter, &logging); err != nil {
			return err
		}
		if counter != st.counter || logging != 1 {
			return nil // built or dropped by another process meanwhile: theirs stands
		}
		gen = counter + 1
		for k, part := range encodeSnapshot(m) {
			if _, err := tx.ExecContext(ctx, "INSERT INTO marks_columns (generation, part, data) VALUES (?, ?, ?)", gen, k, part); err != nil {
				return err
			}
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{"DELETE FROM marks_columns WHERE generation <> ?", []any{gen}},
			{"DELETE FROM marks_dirty WHERE seq <= ?", []any{st.seq}},
			{"UPDATE marks_state SET built = ?, max_row = ?, counter = ? WHERE id = 1", []any{gen, st.maxID, gen}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	}))
	if err != nil {
		return 0, fmt.Errorf("write the marks snapshot: %w", err)
	}
	return gen, nil
}

// invalidateMarks drops the case's snapshot and stops the change log, inside a write
// transaction tx: for a write that changes so many events (an undo of a large import)
// that logging each would cost more than building the snapshot again. Call RefreshMarks
// (or just read the marks) after the commit.
func invalidateMarks(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		"UPDATE marks_state SET built = 0, max_row = 0, logging = 0, counter = counter + 1 WHERE id = 1",
		"DELETE FROM marks_columns",
		"DELETE FROM marks_dirty",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
