package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// Delete removes the events with these ids, with their sources, in one transaction.
func (s *Store) Delete(ctx context.Context, ids ...string) error {
	if err := s.writeRefused(); err != nil {
		return err
	}
	return s.fail(s.writeTx(ctx, func(tx *sql.Tx) error { return deleteIn(ctx, tx, ids) }))
}

// deleteIn removes the events with these ids inside tx; their links and sources go with
// them (foreign keys cascade), their full-text rows are removed here. A missing id fails
// it with timeline.ErrNotFound. Many ids (an undone import) are deleted as one set.
func deleteIn(ctx context.Context, tx *sql.Tx, ids []string) error {
	if len(ids) > deleteSet {
		return deleteSetIn(ctx, tx, ids)
	}
	for _, id := range ids {
		var rowid int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM events WHERE uid = ?", id).Scan(&rowid)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("delete %s: %w", id, timeline.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM events_fts WHERE docid = ?", rowid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM events WHERE id = ?", rowid); err != nil {
			return err
		}
	}
	return nil
}

// deleteSetIn deletes many events through a temporary table of their row ids.
func deleteSetIn(ctx context.Context, tx *sql.Tx, ids []string) error {
	for _, q := range []string{
		"CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY)",
		"DELETE FROM temp.doomed",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	find, err := tx.PrepareContext(ctx, "INSERT OR IGNORE INTO temp.doomed (id) SELECT id FROM events WHERE uid = ?")
	if err != nil {
		return err
	}
	defer find.Close()
	for _, id := range ids {
		r, err := find.ExecContext(ctx, id)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			var dup int
			// Either a missing event or an id given twice.
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM temp.doomed d JOIN events e ON e.id = d.id WHERE e.uid = ?", id).Scan(&dup); err != nil {
				return err
			}
			if dup == 0 {
				return fmt.Errorf("delete %s: %w", id, timeline.ErrNotFound)
			}
		}
	}
	for _, q := range []string{
		"DELETE FROM events_fts WHERE docid IN (SELECT id FROM temp.doomed)",
		"DELETE FROM events WHERE id IN (SELECT id FROM temp.doomed)",
		"DELETE FROM temp.doomed",
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
