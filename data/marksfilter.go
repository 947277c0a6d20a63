package data

import (
	"context"
	"database/sql"
	"math/bits"
	"slices"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// A filter is answered from the marks of the whole case (snapshot.go), which the store
// keeps in memory: dates, lanes, actors and tags are tested on the marks themselves; a
// search and the source grades give the row ids of the events they keep, read from the
// full-text index (and the events it does not hold yet, pending.go) or the sources in one
// query each, which are then intersected with the marks by row id. No query joins back
// to the events table, which at a million events costs ten times the search itself.

// rowSet is a set of positions in a Marks, one bit each.
type rowSet []uint64

func newRowSet(n int) rowSet { return make(rowSet, (n+63)/64) }

func (s rowSet) add(i int) { s[i/64] |= 1 << (i % 64) }
func (s rowSet) intersect(o rowSet) {
	for k := range s {
		s[k] &= o[k]
	}
}

// each calls fn with each position in the set, in order.
func (s rowSet) each(fn func(i int)) {
	for k, w := range s {
		for w != 0 {
			fn(k*64 + bits.TrailingZeros64(w))
			w &= w - 1
		}
	}
}

// selectMarks returns the positions in all (the marks of every event, read in tx) of the
// marks f selects, in order.
func selectMarks(ctx context.Context, tx *sql.Tx, all *timeline.Marks, f timeline.Filter) ([]int32, error) {
	rows, err := sqlRows(ctx, tx, all, f)
	if err != nil {
		return nil, err
	}
	keep := markTest(all, f)
	var out []int32
	if rows == nil {
		for i := range all.Len() {
			if keep(i) {
				out = append(out, int32(i))
			}
		}
		return out, nil
	}
	rows.each(func(i int) {
		if keep(i) {
			out = append(out, int32(i))
		}
	})
	return out, nil
}

// sqlRows is the set of marks of all that f's search and source grades keep, or nil when
// f has neither.
func sqlRows(ctx context.Context, tx *sql.Tx, all *timeline.Marks, f timeline.Filter) (rowSet, error) {
	var rows rowSet
	take := func(ids []int64) {
		set := newRowSet(all.Len())
		for _, id := range ids {
			if i, ok := all.PosOfRow(id); ok {
				set.add(i)
			}
		}
		if rows == nil {
			rows = set
		} else {
			rows.intersect(set)
		}
	}
	if ftsQuery(f.Query) != "" {
		ids, err := matchRows(ctx, tx, f.Query)
		if err != nil {
			return nil, err
		}
		take(ids)
	}
	if cond, args := gradeCondition(f); cond != "" {
		ids, err := idList(ctx, tx, "SELECT group_concat(e.id) FROM events e WHERE "+cond, args...)
		if err != nil {
			return nil, err
		}
		take(ids)
	}
	return rows, nil
}

// matchRows are the row ids of the events a search for text finds: from the full-text
// index, and, while a large import's index is being built, from the events it does not
// hold yet.
func matchRows(ctx context.Context, q querier, text string) ([]int64, error) {
	ids, err := idList(ctx, q, "SELECT group_concat(docid) FROM events_fts WHERE events_fts MATCH ?", ftsQuery(text))
	if err != nil {
		return nil, err
	}
	lo, hi, pending, err := pendingRange(ctx, q, partText)
	if err != nil || !pending {
		return ids, err
	}
	more, err := idList(ctx, q, "SELECT group_concat(e.id) FROM events e WHERE e.id BETWEEN ? AND ? AND chronoscope_match(?, e.title, "+ftsDescriptionSQL+", e.names, "+
		ftsSourcesSQL+")", lo, hi, text)
	return append(ids, more...), err // an event in both is one mark
}

// idList runs a query of one group_concat of row ids and returns them: one string from
// SQLite instead of a row each, which costs more than the search.
func idList(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	var list sql.NullString
	if err := q.QueryRowContext(ctx, query, args...).Scan(&list); err != nil {
		return nil, err
	}
	ids := make([]int64, 0, strings.Count(list.String, ",")+1)
	var v int64
	neg, digits := false, false
	for i := 0; i <= len(list.String); i++ {
		if i == len(list.String) || list.String[i] == ',' {
			if digits {
				if neg {
					v = -v
				}
				ids = append(ids, v)
			}
			v, neg, digits = 0, false, false
			continue
		}
		switch c := list.String[i]; {
		case c == '-':
			neg = true
		case c >= '0' && c <= '9':
			v, digits = v*10+int64(c-'0'), true
		}
	}
	return ids, nil
}

// markTest is the part of f a mark answers itself: its dates meet From..To, its lane is
// one of Lanes, it has one of Actors and one of Tags.
func markTest(all *timeline.Marks, f timeline.Filter) func(i int) bool {
	lanes, actors, tags := nameSet(all, f.Lanes), nameSet(all, f.Actors), nameSet(all, f.Tags)
	return func(i int) bool {
		switch {
		case f.HasFrom && all.EndHi(i) < f.From, f.HasTo && all.StartLo(i) > f.To:
			return false
		case lanes != nil && !lanes[all.LaneRef(i)]:
			return false
		case actors != nil && !anyOf(actors, all.ActorRefs(i)):
			return false
		case tags != nil && !anyOf(tags, all.TagRefs(i)):
			return false
		}
		return true
	}
}

// nameSet marks the names of all that are among names; nil when names is empty (no
// test).
func nameSet(all *timeline.Marks, names []string) []bool {
	if len(names) == 0 {
		return nil
	}
	set := make([]bool, len(all.Names()))
	for r, n := range all.Names() {
		set[r] = slices.Contains(names, n)
	}
	return set
}

func anyOf(set []bool, l timeline.NameList) bool {
	for k := range l.Len() {
		if set[l.At(k)] {
			return true
		}
	}
	return false
}

// filteredMarks is Marks of a filter that is not zero and has no Limit: the marks of
// every event, less those f leaves out.
func (s *Store) filteredMarks(ctx context.Context, tx *sql.Tx, f timeline.Filter) (*timeline.Marks, error) {
	all, err := s.allMarks(ctx, tx)
	if err != nil {
		return nil, err
	}
	pos, err := selectMarks(ctx, tx, all, f)
	if err != nil {
		return nil, err
	}
	if len(pos) == all.Len() {
		return all, nil
	}
	return all.Select(pos), nil
}

// countMarks is Count of a filter with no Limit, in tx: the number of marks, a count in
// the full-text index for a search alone (while it holds every event), or the marks f
// selects.
func (s *Store) countMarks(ctx context.Context, tx *sql.Tx, f timeline.Filter) (int, error) {
	if q := ftsQuery(f.Query); q != "" && onlySearch(f) {
		if _, _, pending, err := pendingRange(ctx, tx, partText); err != nil || !pending {
			var n int
			if err == nil {
				err = tx.QueryRowContext(ctx, "SELECT count(*) FROM events_fts WHERE events_fts MATCH ?", q).Scan(&n)
			}
			return n, err
		}
	}
	if f.IsZero() {
		if m := s.currentMarks(ctx, tx); m != nil {
			return m.Len(), nil
		}
		return count(ctx, tx, f)
	}
	all, err := s.allMarks(ctx, tx)
	if err != nil {
		return 0, err
	}
	pos, err := selectMarks(ctx, tx, all, f)
	return len(pos), err
}

// onlySearch reports whether f asks for nothing but a search.
func onlySearch(f timeline.Filter) bool {
	f.Query = ""
	return f.IsZero()
}
