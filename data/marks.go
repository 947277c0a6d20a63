package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/chronoscope/chronoscope/timeline"
)

// Bits of events.flags.
const (
	flagSpan = 1 << iota
	flagStartFuzzy
	flagEndFuzzy
	flagStartApprox
	flagStartUncertain
	flagStartUnspecified
	flagEndApprox
	flagEndUncertain
	flagEndUnspecified
)

// Marks returns the compact marks of the events f selects, earliest first. The rows are
// read in table order, which is sequential on disk (reading a million rows in date order
// through the index jumps all over the file and takes several times as long), and sorted
// here; actors and tags come from the events.names column, not from the link tables.
func (s *Store) Marks(ctx context.Context, f timeline.Filter) ([]timeline.Mark, error) {
	var marks []timeline.Mark
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		marks, err = readMarks(ctx, tx, f)
		return err
	})
	if errors.Is(err, timeline.ErrDamaged) && f.IsZero() {
		return s.marksAroundDamage(ctx), err // what can still be read, with the error
	}
	return marks, err
}

// markColumns are the columns of events a mark is read from (see scanMark).
const markColumns = `e.id, e.uid, e.title, e.lane, e.importance, e.earliest, e.start_latest,
		e.end_earliest, e.latest, e.flags, e.names`

// scanMark reads one row of markColumns; intern shares the strings of names seen before.
func scanMark(rows *sql.Rows, intern map[string]string) (timeline.Mark, int64, error) {
	var m timeline.Mark
	var rowid int64
	var flags int
	var names string
	if err := rows.Scan(&rowid, &m.ID, &m.Title, &m.Lane, &m.Importance, &m.StartLo, &m.StartHi, &m.EndLo, &m.EndHi, &flags, &names); err != nil {
		return m, rowid, err
	}
	if l, ok := intern[m.Lane]; ok {
		m.Lane = l
	} else {
		intern[m.Lane] = m.Lane
	}
	m.Actors, m.Tags = unpackNames(names, intern)
	m.Span, m.StartFuzzy, m.EndFuzzy = flags&flagSpan != 0, flags&flagStartFuzzy != 0, flags&flagEndFuzzy != 0
	return m, rowid, nil
}

// marksAroundDamage reads the marks of every event of a damaged case that can still be
// read, going around the damaged pages as recover does, earliest first.
func (s *Store) marksAroundDamage(ctx context.Context) []timeline.Mark {
	r := &recovery{ctx: ctx, db: s.r}
	var marks []timeline.Mark
	var rowids []int64
	intern := map[string]string{}
	r.scanTable("events e", markColumns, nil, func(rows *sql.Rows) (int64, error) {
		m, rowid, err := scanMark(rows, intern)
		if err == nil {
			marks, rowids = append(marks, m), append(rowids, rowid)
		}
		return rowid, nil
	})
	sortMarks(marks, rowids)
	return marks
}

// readMarks is Marks inside its transaction.
func readMarks(ctx context.Context, tx *sql.Tx, f timeline.Filter) ([]timeline.Mark, error) {
	where, args, err := where(ctx, tx, f)
	if err != nil {
		return nil, err
	}
	order := ""
	if f.Limit > 0 {
		order = " ORDER BY e.earliest, e.id" // the first Limit by date, so the database sorts
	}
	n, err := count(ctx, tx, f)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+markColumns+" FROM events e"+where+order+limit(f), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	marks := make([]timeline.Mark, 0, n)
	rowids := make([]int64, 0, n)
	intern := map[string]string{} // one string per lane, actor and tag, shared by all marks
	for rows.Next() {
		m, rowid, err := scanMark(rows, intern)
		if err != nil {
			return nil, err
		}
		rowids = append(rowids, rowid)
		marks = append(marks, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if order == "" {
		sortMarks(marks, rowids)
	}
	return marks, nil
}

// sortMarks orders marks (and their row ids alike) by start, then end, then row id.
func sortMarks(marks []timeline.Mark, rowids []int64) {
	type key struct {
		start, end, rowid int64
		i                 int32
	}
	keys := make([]key, len(marks))
	for i := range marks {
		keys[i] = key{marks[i].StartLo, marks[i].EndHi, rowids[i], int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.end != b.end {
			return cmp.Compare(a.end, b.end)
		}
		return cmp.Compare(a.rowid, b.rowid)
	})
	sorted := make([]timeline.Mark, len(marks))
	for i, k := range keys {
		sorted[i], rowids[i] = marks[k.i], k.rowid
	}
	copy(marks, sorted)
}

// Names returns the distinct lanes, actors or tags in use, sorted.
func (s *Store) Names(ctx context.Context, kind timeline.NameKind) ([]string, error) {
	var q string
	switch kind {
	case timeline.LaneNames:
		q = "SELECT DISTINCT lane FROM events WHERE lane <> '' ORDER BY lane"
	case timeline.ActorNames:
		q = "SELECT name FROM actors WHERE id IN (SELECT actor_id FROM event_actors) ORDER BY name"
	case timeline.TagNames:
		q = "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM event_tags) ORDER BY name"
	default:
		return nil, fmt.Errorf("unknown kind of name %d", kind)
	}
	names, err := queryStrings(ctx, s.r, q)
	return names, s.fail(err)
}

// Extent returns the first and last instant any event covers.
func (s *Store) Extent(ctx context.Context) (first, last int64, ok bool, err error) {
	var lo, hi sql.NullInt64
	if err = s.r.QueryRowContext(ctx, "SELECT min(earliest), max(latest) FROM events").Scan(&lo, &hi); err != nil {
		return 0, 0, false, s.fail(err)
	}
	return lo.Int64, hi.Int64, lo.Valid, nil
}

func flagsOf(e *timeline.Event) int {
	f := 0
	set := func(cond bool, bit int) {
		if cond {
			f |= bit
		}
	}
	set(e.IsSpan(), flagSpan)
	set(e.Start.Fuzzy(), flagStartFuzzy)
	set(e.Start.Approximate, flagStartApprox)
	set(e.Start.Uncertain, flagStartUncertain)
	set(e.Start.Unspecified, flagStartUnspecified)
	if e.IsSpan() {
		set(e.End.Fuzzy(), flagEndFuzzy)
		set(e.End.Approximate, flagEndApprox)
		set(e.End.Uncertain, flagEndUncertain)
		set(e.End.Unspecified, flagEndUnspecified)
	} else {
		set(e.Start.Fuzzy(), flagEndFuzzy)
	}
	return f
}
