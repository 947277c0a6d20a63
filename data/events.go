package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// eventColumns are the columns an event is read from. Its actors and tags come from the
// packed events.names, which every write keeps equal to the link tables: a large import
// writes the links after its commit (see backlog.go), and the packed copy is one read.
// Its sources are in sources_json when that is set (a large import's), else in sources.
const eventColumns = `e.id, e.uid, e.title, e.description, e.start_text, e.end_text, e.lane, e.location,
	e.lat, e.lon, e.importance, e.attrs, e.created, e.updated, e.version, e.names, e.sources_json, e.notes`

// Get returns one event with its sources, or timeline.ErrNotFound, read in one snapshot.
func (s *Store) Get(ctx context.Context, id string) (timeline.Event, error) {
	var evs []timeline.Event
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e WHERE e.uid = ?", id)
		if err != nil {
			return err
		}
		evs, err = scanEvents(ctx, tx, rows)
		return err
	})
	if err != nil {
		return timeline.Event{}, err
	}
	if len(evs) == 0 {
		return timeline.Event{}, fmt.Errorf("event %s: %w", id, timeline.ErrNotFound)
	}
	return evs[0], nil
}

// Lookup returns those of the ids that exist, with their sources, read in one snapshot.
func (s *Store) Lookup(ctx context.Context, ids []string) ([]timeline.Event, error) {
	var out []timeline.Event
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		const chunk = 500
		for lo := 0; lo < len(ids); lo += chunk {
			hi := min(lo+chunk, len(ids))
			args := make([]any, hi-lo)
			for i, id := range ids[lo:hi] {
				args[i] = id
			}
			rows, err := tx.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e WHERE e.uid IN ("+placeholders(hi-lo)+")", args...)
			if err != nil {
				return err
			}
			evs, err := scanEvents(ctx, tx, rows)
			if err != nil {
				return err
			}
			out = append(out, evs...)
		}
		return nil
	})
	return out, err
}

// Events returns the events f selects, earliest first, with actors, tags and sources,
// read in one snapshot.
func (s *Store) Events(ctx context.Context, f timeline.Filter) ([]timeline.Event, error) {
	var evs []timeline.Event
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		where, args, err := where(ctx, tx, f)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e"+where+" ORDER BY e.earliest, e.latest, e.id"+limit(f), args...)
		if err != nil {
			return err
		}
		evs, err = scanEvents(ctx, tx, rows)
		return err
	})
	return evs, err
}

// eachPage is how many events Each reads per query.
const eachPage = 2000

// Each streams the events f selects to fn in storage order, a page at a time, all pages
// in one snapshot: each page is one keyset query over the row id, which reads the table
// sequentially, plus the page's actors, tags and sources.
func (s *Store) Each(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error {
	var fnErr error
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		where, args, err := where(ctx, tx, f)
		if err != nil {
			return err
		}
		fnErr = eachPages(ctx, tx, f.Limit, where, args, fn)
		return fnErr
	})
	if fnErr != nil {
		return fnErr // the consumer's own error, as it gave it
	}
	return err
}

// eachPages is the loop of Each, inside its transaction.
func eachPages(ctx context.Context, tx *sql.Tx, limit int, where string, args []any, fn func(timeline.Event) error) error {
	joiner := " WHERE "
	if where != "" {
		joiner = where + " AND "
	}
	left := limit
	last := int64(math.MinInt64)
	for {
		page := eachPage
		if limit > 0 {
			if left <= 0 {
				return nil
			}
			page = min(page, left)
		}
		q := "SELECT " + eventColumns + " FROM events e" + joiner + "e.id > ?" +
			fmt.Sprintf(" ORDER BY e.id LIMIT %d", page)
		var pageLast int64
		rows, err := tx.QueryContext(ctx, q, append(append([]any(nil), args...), last)...)
		if err != nil {
			return err
		}
		evs, err := scanEventsWith(ctx, tx, rows, func(rowid int64, _ []any) { pageLast = rowid })
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
	var n int
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if f.Limit > 0 {
			n, err = count(ctx, tx, f)
		} else {
			n, err = s.countMarks(ctx, tx, f) // from the marks in memory (marksfilter.go)
		}
		return err
	})
	return n, err
}

// count is Count inside a transaction.
func count(ctx context.Context, q querier, f timeline.Filter) (int, error) {
	where, args, err := where(ctx, q, f)
	if err != nil {
		return 0, err
	}
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM events e"+where, args...).Scan(&n); err != nil {
		return 0, err
	}
	if f.Limit > 0 && n > f.Limit {
		n = f.Limit
	}
	return n, nil
}

func scanEvents(ctx context.Context, q querier, rows *sql.Rows) ([]timeline.Event, error) {
	return scanEventsWith(ctx, q, rows, nil)
}

// scanEventsWith scans rows of eventColumns followed by len(extra) more columns into
// extra, calling seen with each row's id and the extra values; then it loads the sources
// of the events read.
func scanEventsWith(ctx context.Context, q querier, rows *sql.Rows, seen func(rowid int64, extra []any), extra ...any) ([]timeline.Event, error) {
	defer rows.Close()
	var evs []timeline.Event
	index := map[int64]int{}
	intern := map[string]string{}
	for rows.Next() {
		var (
			e                timeline.Event
			rowid            int64
			start, end       string
			lat, lon         sql.NullFloat64
			attrs            string
			created, updated int64
			names            string
			srcs             sql.NullString
		)
		dst := append([]any{&rowid, &e.ID, &e.Title, &e.Description, &start, &end, &e.Lane, &e.Location.Name,
			&lat, &lon, &e.Importance, &attrs, &created, &updated, &e.Version, &names, &srcs, &e.Notes}, extra...)
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		if seen != nil {
			seen(rowid, extra)
		}
		if err := fillEvent(&e, start, end, lat, lon, attrs, created, updated); err != nil {
			return nil, err
		}
		e.Actors, e.Tags = unpackNames(names, intern)
		if srcs.Valid {
			var err error
			if e.Sources, err = parseSourcesJSON(srcs.String); err != nil {
				return nil, fmt.Errorf("event %s: sources: %w", e.ID, err)
			}
		} else {
			index[rowid] = len(evs) // its sources are rows of their own
		}
		evs = append(evs, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(index) == 0 {
		return evs, nil
	}
	ids := make([]int64, 0, len(index))
	for id := range index {
		ids = append(ids, id)
	}
	err := eachChild(ctx, q, ids, `SELECT event_id, title, url, publisher, date, quote, reliability, credibility, source_uid
		FROM sources WHERE event_id IN (%s) ORDER BY event_id, pos`, func(id int64, rows *sql.Rows) error {
		var src timeline.Source
		if err := rows.Scan(&id, &src.Title, &src.URL, &src.Publisher, &src.Date, &src.Quote, &src.Reliability, &src.Credibility, &src.ID); err != nil {
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

// fillEvent sets the fields of e that are stored in another form than the event's.
func fillEvent(e *timeline.Event, start, end string, lat, lon sql.NullFloat64, attrs string, created, updated int64) error {
	if err := e.SetDates(start, end); err != nil {
		return err
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
			return fmt.Errorf("event %s: attributes: %w", e.ID, err)
		}
	}
	e.Created, e.Updated = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC()
	return nil
}

// eachChild runs query (with %s standing for a list of event ids) over ids in chunks, so a
// large result never builds one enormous statement, and calls fn for each row. fn scans
// the row; its first column is the event id.
func eachChild(ctx context.Context, q querier, ids []int64, query string, fn func(id int64, rows *sql.Rows) error) error {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		hi := min(lo+chunk, len(ids))
		args := make([]any, hi-lo)
		for i, id := range ids[lo:hi] {
			args[i] = id
		}
		rows, err := q.QueryContext(ctx, fmt.Sprintf(query, placeholders(hi-lo)), args...)
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

// deleteSet is the number of ids from which deleteIn works on a set of row ids.
const deleteSet = 1000

func joinNames(names []string) string { return strings.Join(names, " ") }
