package data

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

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

const eventColumns = `e.id, e.uid, e.title, e.description, e.start_text, e.end_text, e.lane, e.location,
	e.lat, e.lon, e.importance, e.attrs, e.created, e.updated`

// Get returns one event with its sources, or timeline.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (timeline.Event, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e WHERE e.uid = ?", id)
	if err != nil {
		return timeline.Event{}, err
	}
	evs, err := s.scanEvents(ctx, rows)
	if err != nil {
		return timeline.Event{}, err
	}
	if len(evs) == 0 {
		return timeline.Event{}, fmt.Errorf("event %s: %w", id, timeline.ErrNotFound)
	}
	return evs[0], nil
}

// Lookup returns those of the ids that exist, with their sources.
func (s *Store) Lookup(ctx context.Context, ids []string) ([]timeline.Event, error) {
	var out []timeline.Event
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		hi := min(lo+chunk, len(ids))
		args := make([]any, hi-lo)
		for i, id := range ids[lo:hi] {
			args[i] = id
		}
		rows, err := s.r.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e WHERE e.uid IN ("+placeholders(hi-lo)+")", args...)
		if err != nil {
			return nil, err
		}
		evs, err := s.scanEvents(ctx, rows)
		if err != nil {
			return nil, err
		}
		out = append(out, evs...)
	}
	return out, nil
}

// Events returns the events f selects, earliest first, with actors, tags and sources.
func (s *Store) Events(ctx context.Context, f timeline.Filter) ([]timeline.Event, error) {
	where, args, err := s.where(ctx, f)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e"+where+" ORDER BY e.earliest, e.latest, e.id"+limit(f), args...)
	if err != nil {
		return nil, err
	}
	return s.scanEvents(ctx, rows)
}

// eachPage is how many events Each reads per query.
const eachPage = 2000

// Each streams the events f selects to fn in storage order, a page at a time: each page
// is one keyset query over the row id, which reads the table sequentially, plus the
// page's actors, tags and sources.
func (s *Store) Each(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error {
	where, args, err := s.where(ctx, f)
	if err != nil {
		return err
	}
	joiner := " WHERE "
	if where != "" {
		joiner = where + " AND "
	}
	left := f.Limit
	last := int64(math.MinInt64)
	for {
		page := eachPage
		if f.Limit > 0 {
			if left <= 0 {
				return nil
			}
			page = min(page, left)
		}
		q := "SELECT " + eventColumns + " FROM events e" + joiner + "e.id > ?" +
			fmt.Sprintf(" ORDER BY e.id LIMIT %d", page)
		var pageLast int64
		rows, err := s.r.QueryContext(ctx, q, append(append([]any(nil), args...), last)...)
		if err != nil {
			return err
		}
		evs, err := s.scanEventsWith(ctx, rows, func(rowid int64, _ []any) { pageLast = rowid })
		if err != nil {
			return err
		}
		for _, e := range evs {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(evs) < page {
			return nil
		}
		left -= len(evs)
		last = pageLast
	}
}

// Count returns how many events f selects.
func (s *Store) Count(ctx context.Context, f timeline.Filter) (int, error) {
	where, args, err := s.where(ctx, f)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.r.QueryRowContext(ctx, "SELECT count(*) FROM events e"+where, args...).Scan(&n)
	if f.Limit > 0 && n > f.Limit {
		n = f.Limit
	}
	return n, err
}

func (s *Store) scanEvents(ctx context.Context, rows *sql.Rows) ([]timeline.Event, error) {
	return s.scanEventsWith(ctx, rows, nil)
}

// scanEventsWith scans rows of eventColumns followed by len(extra) more columns into
// extra, calling seen with each row's id and the extra values; then it loads the actors,
// tags and sources of the events read.
func (s *Store) scanEventsWith(ctx context.Context, rows *sql.Rows, seen func(rowid int64, extra []any), extra ...any) ([]timeline.Event, error) {
	defer rows.Close()
	var evs []timeline.Event
	index := map[int64]int{}
	for rows.Next() {
		var (
			e                timeline.Event
			rowid            int64
			start, end       string
			lat, lon         sql.NullFloat64
			attrs            string
			created, updated int64
		)
		dst := append([]any{&rowid, &e.ID, &e.Title, &e.Description, &start, &end, &e.Lane, &e.Location.Name,
			&lat, &lon, &e.Importance, &attrs, &created, &updated}, extra...)
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		if seen != nil {
			seen(rowid, extra)
		}
		var err error
		if e.Start, err = timeline.ParseDate(start); err != nil {
			return nil, fmt.Errorf("event %s: start: %w", e.ID, err)
		}
		if end != "" {
			if e.End, err = timeline.ParseDate(end); err != nil {
				return nil, fmt.Errorf("event %s: end: %w", e.ID, err)
			}
		}
		if lat.Valid {
			v := lat.Float64
			e.Location.Lat = &v
		}
		if lon.Valid {
			v := lon.Float64
			e.Location.Lon = &v
		}
		if attrs != "" {
			if err := json.Unmarshal([]byte(attrs), &e.Attrs); err != nil {
				return nil, fmt.Errorf("event %s: attributes: %w", e.ID, err)
			}
		}
		e.Created, e.Updated = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC()
		index[rowid] = len(evs)
		evs = append(evs, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return evs, nil
	}
	ids := make([]int64, 0, len(index))
	for id := range index {
		ids = append(ids, id)
	}
	for _, q := range []struct {
		query string
		add   func(e *timeline.Event, name string)
	}{
		{actorsOf, func(e *timeline.Event, n string) { e.Actors = append(e.Actors, n) }},
		{tagsOf, func(e *timeline.Event, n string) { e.Tags = append(e.Tags, n) }},
	} {
		err := s.eachChild(ctx, ids, q.query, func(id int64, rows *sql.Rows) error {
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				return err
			}
			q.add(&evs[index[id]], name)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := s.eachChild(ctx, ids, `SELECT event_id, title, url, publisher, date, quote, reliability, credibility
		FROM sources WHERE event_id IN (%s) ORDER BY event_id, pos`, func(id int64, rows *sql.Rows) error {
		var src timeline.Source
		if err := rows.Scan(&id, &src.Title, &src.URL, &src.Publisher, &src.Date, &src.Quote, &src.Reliability, &src.Credibility); err != nil {
			return err
		}
		e := &evs[index[id]]
		e.Sources = append(e.Sources, src)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return evs, nil
}

// eachChild runs query (with %s standing for a list of event ids) over ids in chunks, so a
// large result never builds one enormous statement, and calls fn for each row. fn scans
// the row; its first column is the event id.
func (s *Store) eachChild(ctx context.Context, ids []int64, query string, fn func(id int64, rows *sql.Rows) error) error {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		hi := min(lo+chunk, len(ids))
		args := make([]any, hi-lo)
		for i, id := range ids[lo:hi] {
			args[i] = id
		}
		rows, err := s.r.QueryContext(ctx, fmt.Sprintf(query, placeholders(hi-lo)), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := fn(0, rows); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Queries for the actors and tags of a list of events (%s), in their order.
const (
	actorsOf = `SELECT ea.event_id, a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
		WHERE ea.event_id IN (%s) ORDER BY ea.event_id, ea.pos`
	tagsOf = `SELECT et.event_id, t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id
		WHERE et.event_id IN (%s) ORDER BY et.event_id, et.pos`
)

// Marks returns the compact marks of the events f selects, earliest first. The rows are
// read in table order, which is sequential on disk (reading a million rows in date order
// through the index jumps all over the file and takes several times as long), and sorted
// here; actors and tags come from the events.names column, not from the link tables.
func (s *Store) Marks(ctx context.Context, f timeline.Filter) ([]timeline.Mark, error) {
	where, args, err := s.where(ctx, f)
	if err != nil {
		return nil, err
	}
	order := ""
	if f.Limit > 0 {
		order = " ORDER BY e.earliest, e.id" // the first Limit by date, so the database sorts
	}
	n, err := s.Count(ctx, f)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, e.uid, e.title, e.lane, e.importance, e.earliest, e.start_latest,
		e.end_earliest, e.latest, e.flags, e.names FROM events e`+where+order+limit(f), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	marks := make([]timeline.Mark, 0, n)
	rowids := make([]int64, 0, n)
	intern := map[string]string{} // one string per lane, actor and tag, shared by all marks
	for rows.Next() {
		var m timeline.Mark
		var rowid int64
		var flags int
		var names string
		if err := rows.Scan(&rowid, &m.ID, &m.Title, &m.Lane, &m.Importance, &m.StartLo, &m.StartHi, &m.EndLo, &m.EndHi, &flags, &names); err != nil {
			return nil, err
		}
		if l, ok := intern[m.Lane]; ok {
			m.Lane = l
		} else {
			intern[m.Lane] = m.Lane
		}
		m.Actors, m.Tags = unpackNames(names, intern)
		m.Span, m.StartFuzzy, m.EndFuzzy = flags&flagSpan != 0, flags&flagStartFuzzy != 0, flags&flagEndFuzzy != 0
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
	rows, err := s.r.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Extent returns the first and last instant any event covers.
func (s *Store) Extent(ctx context.Context) (first, last int64, ok bool, err error) {
	var lo, hi sql.NullInt64
	if err = s.r.QueryRowContext(ctx, "SELECT min(earliest), max(latest) FROM events").Scan(&lo, &hi); err != nil {
		return 0, 0, false, err
	}
	return lo.Int64, hi.Int64, lo.Valid, nil
}

// Delete removes the events with these ids, with their sources, in one transaction.
func (s *Store) Delete(ctx context.Context, ids ...string) error {
	if s.readOnly {
		return timeline.ErrReadOnly
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := deleteIn(ctx, tx, ids); err != nil {
		return err
	}
	s.forgetClasses()
	return tx.Commit()
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

// deleteSet is the number of ids from which deleteIn works on a set of row ids.
const deleteSet = 1000

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

func joinNames(names []string) string { return strings.Join(names, " ") }
