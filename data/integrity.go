package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// CheckReport is what Check found (the report every store's check gives).
type CheckReport = timeline.CheckReport

// maxProblems bounds the problems a check lists for one table.
const maxProblems = 20

// Check verifies the whole case file: SQLite's integrity_check runs table by table
// (each table with its indexes, the full-text index's own check included), telling
// progress after each one. It only reads. A damaged case gives a report with Problems
// (and the store refuses writes from then on); the error is for a check that could not
// run at all.
func (s *Store) Check(ctx context.Context, progress timeline.Progress) (CheckReport, error) {
	rep := CheckReport{Events: -1}
	var tables []string
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		tables, err = tableNames(ctx, tx)
		return err
	})
	if err != nil {
		return rep, err
	}
	for i, t := range tables {
		if progress != nil {
			progress(i, len(tables))
		}
		problems, err := s.checkTable(ctx, t)
		switch {
		case errors.Is(err, timeline.ErrDamaged):
			problems = []string{"cannot be read: its pages are damaged"}
		case err != nil:
			return rep, err // the check could not run (cancelled, busy): nothing is known
		}
		for _, p := range problems {
			rep.Problems = append(rep.Problems, fmt.Sprintf("table %s: %s", t, p))
		}
		rep.Tables++
	}
	if progress != nil {
		progress(len(tables), len(tables))
	}
	if n, err := s.Count(ctx, timeline.Filter{}); err == nil {
		rep.Events = n
	}
	if len(rep.Problems) > 0 {
		s.damaged.Store(true)
	}
	return rep, nil
}

// tableNames lists the case's tables (virtual tables checked through their own check,
// shadow tables on their own), in a stable order.
func tableNames(ctx context.Context, q querier) ([]string, error) {
	return queryStrings(ctx, q, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rootpage = 0, name")
}

// queryStrings runs a query of one text column and returns its values in order.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// checkTable runs integrity_check on one table and its indexes.
func (s *Store) checkTable(ctx context.Context, table string) ([]string, error) {
	var problems []string
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, fmt.Sprintf("PRAGMA integrity_check(%q)", table))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				return err
			}
			if line != "ok" && len(problems) < maxProblems {
				problems = append(problems, line)
			}
		}
		return rows.Err()
	})
	return problems, err
}
