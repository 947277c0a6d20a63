package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/bits"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// spanClass is the duration class of an event: bits.Len64 of its length in seconds. An
// event of class c is at most 2^c - 1 seconds long, so one that reaches a window starting
// at from began no earlier than from - 2^c.
func spanClass(earliest, latest int64) int {
	return bits.Len64(uint64(latest - earliest))
}

// querier is what the read helpers need of a transaction (or a connection).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// spanClasses lists the duration classes present in the case, read in q's snapshot. It
// is not cached: each class is one index seek (a few dozen at most, well under a
// millisecond), and a list read in the same snapshot as the query it serves can never be
// stale, whatever another process committed or a cancelled query left behind.
func spanClasses(ctx context.Context, q querier) ([]int, error) {
	classes := []int{}
	next := -1
	for {
		var c int
		err := q.QueryRowContext(ctx, "SELECT span_class FROM events WHERE span_class > ? ORDER BY span_class LIMIT 1", next).Scan(&c)
		if errors.Is(err, sql.ErrNoRows) {
			return classes, nil
		}
		if err != nil {
			return nil, err
		}
		classes = append(classes, c)
		next = c
	}
}

// where builds the WHERE clause (on table alias e) and its arguments for f, to run in
// q's snapshot.
func where(ctx context.Context, q querier, f timeline.Filter) (string, []any, error) {
	var conds []string
	var args []any
	if f.HasFrom || f.HasTo {
		var err error
		if conds, args, err = timeWhere(ctx, q, f); err != nil {
			return "", nil, err
		}
	}
	// Search, actors and tags: exact even while a large import's index is built (pending.go).
	sc, sa, err := searchConditions(ctx, q, f)
	if err != nil {
		return "", nil, err
	}
	conds, args = append(conds, sc...), append(args, sa...)
	if len(f.Lanes) > 0 {
		conds = append(conds, "e.lane IN ("+placeholders(len(f.Lanes))+")")
		for _, l := range f.Lanes {
			args = append(args, l)
		}
	}
	if cond, a := gradeCondition(f); cond != "" {
		conds, args = append(conds, cond), append(args, a...)
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// timeWhere is the conditions and arguments of f's time bounds: the events that overlap
// From..To, found through one index range per duration class when From is set.
func timeWhere(ctx context.Context, q querier, f timeline.Filter) ([]string, []any, error) {
	var conds []string
	var args []any
	from, to := int64(-1<<62), int64(1<<62)
	if f.HasFrom {
		from = f.From
	}
	if f.HasTo {
		to = f.To
	}
	if f.HasFrom {
		classes, err := spanClasses(ctx, q)
		if err != nil {
			return nil, nil, err
		}
		// One index range per duration class: the query touches about the rows it returns.
		var parts []string
		for _, c := range classes {
			parts = append(parts, "SELECT id FROM events WHERE span_class = ? AND earliest BETWEEN ? AND ?")
			args = append(args, c, from-(int64(1)<<c), to)
		}
		if len(parts) == 0 {
			parts = append(parts, "SELECT id FROM events WHERE 0")
		}
		conds = append(conds, "e.id IN ("+strings.Join(parts, " UNION ALL ")+")")
	}
	conds = append(conds, "e.earliest <= ?", "e.latest >= ?")
	args = append(args, to, from)
	return conds, args, nil
}

func limit(f timeline.Filter) string {
	if f.Limit > 0 {
		return fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return ""
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}
