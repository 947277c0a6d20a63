package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/chronoscope/chronoscope/timeline"
)

const eventColumns = `e.id, e.uid, e.title, e.description, e.start_text, e.end_text, e.lane, e.actors, e.tags,
	e.location, e.lat, e.lon, e.importance, e.sources, e.attrs, e.created, e.updated, e.version, e.notes`

// sourceJSON is one source in the events.sources column.
type sourceJSON struct {
	Title       string `json:"title,omitempty"`
	URL         string `json:"url,omitempty"`
	Publisher   string `json:"publisher,omitempty"`
	Date        string `json:"date,omitempty"`
	Quote       string `json:"quote,omitempty"`
	Reliability string `json:"reliability,omitempty"`
	Credibility int    `json:"credibility,omitempty"`
	ID          string `json:"id,omitempty"`
}

// scanEvents reads rows of eventColumns; seen, when set, is told each row's id.
func scanEvents(rows pgx.Rows, seen func(id int64)) ([]timeline.Event, error) {
	return scanEventsWith(rows, seen)
}

// scanEventsWith reads rows of eventColumns followed by len(extra) more columns into
// extra, calling seen (when set) with each row's id once extra holds the row's values.
func scanEventsWith(rows pgx.Rows, seen func(id int64), extra ...any) ([]timeline.Event, error) {
	defer rows.Close()
	var evs []timeline.Event
	for rows.Next() {
		var (
			e                timeline.Event
			id               int64
			start, end       string
			importance       int16
			sources, attrs   []byte
			created, updated int64
		)
		dst := append([]any{&id, &e.ID, &e.Title, &e.Description, &start, &end, &e.Lane, &e.Actors, &e.Tags,
			&e.Location.Name, &e.Location.Lat, &e.Location.Lon, &importance, &sources, &attrs, &created, &updated, &e.Version, &e.Notes}, extra...)
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		if seen != nil {
			seen(id)
		}
		e.Importance = int(importance)
		if err := fill(&e, start, end, sources, attrs); err != nil {
			return nil, err
		}
		e.Created, e.Updated = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC()
		evs = append(evs, e)
	}
	return evs, rows.Err()
}

// fill sets the fields of e that are stored in another form than the event's.
func fill(e *timeline.Event, start, end string, sources, attrs []byte) error {
	if err := e.SetDates(start, end); err != nil {
		return err
	}
	var srcs []sourceJSON
	if err := json.Unmarshal(sources, &srcs); err != nil {
		return fmt.Errorf("event %s: sources: %w", e.ID, err)
	}
	for _, s := range srcs {
		e.Sources = append(e.Sources, timeline.Source(s))
	}
	if err := json.Unmarshal(attrs, &e.Attrs); err != nil {
		return fmt.Errorf("event %s: attributes: %w", e.ID, err)
	}
	if len(e.Attrs) == 0 {
		e.Attrs = nil
	}
	if len(e.Actors) == 0 {
		e.Actors = nil
	}
	if len(e.Tags) == 0 {
		e.Tags = nil
	}
	return nil
}

// Get returns one event with its sources, or timeline.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (timeline.Event, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+eventColumns+" FROM chronoscope.events e WHERE e.case_id = $1 AND e.uid = $2", s.caseID, id)
	if err != nil {
		return timeline.Event{}, describe("read an event", err)
	}
	evs, err := scanEvents(rows, nil)
	if err != nil {
		return timeline.Event{}, describe("read an event", err)
	}
	if len(evs) == 0 {
		return timeline.Event{}, fmt.Errorf("event %s: %w", id, timeline.ErrNotFound)
	}
	return evs[0], nil
}

// Lookup returns those of the ids that exist, with their sources.
func (s *Store) Lookup(ctx context.Context, ids []string) ([]timeline.Event, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+eventColumns+" FROM chronoscope.events e WHERE e.case_id = $1 AND e.uid = ANY ($2)", s.caseID, ids)
	if err != nil {
		return nil, describe("read events", err)
	}
	evs, err := scanEvents(rows, nil)
	return evs, describe("read events", err)
}

// Events returns the events f selects, earliest first (then by end, then in the order
// they were added), in one query.
func (s *Store) Events(ctx context.Context, f timeline.Filter) ([]timeline.Event, error) {
	w, args := where(s.caseID, f)
	rows, err := s.pool.Query(ctx, "SELECT "+eventColumns+" FROM chronoscope.events e"+w+" ORDER BY e.earliest, e.latest, e.id"+limit(f), args...)
	if err != nil {
		return nil, describe("read events", err)
	}
	evs, err := scanEvents(rows, nil)
	return evs, describe("read events", err)
}

// eachPage is how many events Each reads per query.
const eachPage = 2000

// Each streams the events f selects to fn in the order they were added, a page at a time,
// all pages in one snapshot. An error from fn stops it and is returned as it is.
func (s *Store) Each(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error {
	var fnErr error
	err := s.read(ctx, "read events", func(tx pgx.Tx) error {
		w, args := where(s.caseID, f)
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
			q := fmt.Sprintf("SELECT %s FROM chronoscope.events e%s AND e.id > $%d ORDER BY e.id LIMIT %d", eventColumns, w, len(args)+1, page)
			rows, err := tx.Query(ctx, q, append(args, last)...)
			if err != nil {
				return err
			}
			evs, err := scanEvents(rows, func(id int64) { last = id })
			if err != nil {
				return err
			}
			for _, e := range evs {
				if fnErr = fn(e); fnErr != nil {
					return fnErr
				}
			}
			if len(evs) < page {
				return nil
			}
			left -= len(evs)
		}
	})
	if fnErr != nil {
		return fnErr
	}
	return err
}

// Count returns how many events f selects.
func (s *Store) Count(ctx context.Context, f timeline.Filter) (int, error) {
	w, args := where(s.caseID, f)
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM chronoscope.events e"+w, args...).Scan(&n); err != nil {
		return 0, describe("count events", err)
	}
	if f.Limit > 0 && n > f.Limit {
		n = f.Limit
	}
	return n, nil
}

// Bits of events.flags: what a mark needs that the date columns do not say.
const (
	flagSpan = 1 << iota
	flagStartFuzzy
	flagEndFuzzy
)

// flagsOf is the events.flags value of e.
func flagsOf(e *timeline.Event) int32 {
	m := timeline.MarkOf(*e)
	var f int32
	for _, b := range []struct {
		set  bool
		flag int32
	}{{m.Span, flagSpan}, {m.StartFuzzy, flagStartFuzzy}, {m.EndFuzzy, flagEndFuzzy}} {
		if b.set {
			f |= b.flag
		}
	}
	return f
}

// Marks returns the compact marks of the events f selects, earliest first (then by end,
// then id), or, with a Limit, the first by start; their rows are the events' ids. It
// builds the columns from its query, one row at a time: a shared case keeps no snapshot
// of them.
func (s *Store) Marks(ctx context.Context, f timeline.Filter) (*timeline.Marks, error) {
	w, args := where(s.caseID, f)
	order := " ORDER BY e.earliest, e.latest, e.id"
	if f.Limit > 0 {
		order = " ORDER BY e.earliest, e.id"
	}
	rows, err := s.pool.Query(ctx, `SELECT e.id, e.uid, e.title, e.lane, e.importance, e.earliest, e.start_latest, e.end_earliest,
		e.latest, e.flags, e.actors, e.tags FROM chronoscope.events e`+w+order+limit(f), args...)
	if err != nil {
		return nil, describe("read marks", err)
	}
	defer rows.Close()
	b := timeline.NewMarksBuilder(0)
	var m timeline.Mark
	for rows.Next() {
		var row int64
		var importance int16
		var flags int32
		if err := rows.Scan(&row, &m.ID, &m.Title, &m.Lane, &importance, &m.StartLo, &m.StartHi, &m.EndLo, &m.EndHi, &flags, &m.Actors, &m.Tags); err != nil {
			return nil, describe("read marks", err)
		}
		m.Importance = int8(importance)
		m.Span, m.StartFuzzy, m.EndFuzzy = flags&flagSpan != 0, flags&flagStartFuzzy != 0, flags&flagEndFuzzy != 0
		b.Append(row, &m)
	}
	if err := rows.Err(); err != nil {
		return nil, describe("read marks", err)
	}
	return b.Build(), nil
}

// Names returns the distinct lanes, actors or tags of the case, sorted by their bytes.
func (s *Store) Names(ctx context.Context, kind timeline.NameKind) ([]string, error) {
	var q string
	switch kind {
	case timeline.LaneNames:
		q = `SELECT DISTINCT lane COLLATE "C" AS n FROM chronoscope.events WHERE case_id = $1 AND lane <> '' ORDER BY n`
	case timeline.ActorNames:
		q = `SELECT DISTINCT a COLLATE "C" AS n FROM chronoscope.events e, unnest(e.actors) a WHERE e.case_id = $1 ORDER BY n`
	case timeline.TagNames:
		q = `SELECT DISTINCT t COLLATE "C" AS n FROM chronoscope.events e, unnest(e.tags) t WHERE e.case_id = $1 ORDER BY n`
	default:
		return nil, fmt.Errorf("unknown kind of name %d", kind)
	}
	rows, err := s.pool.Query(ctx, q, s.caseID)
	if err != nil {
		return nil, describe("read names", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return names, describe("read names", err)
}

// Extent returns the first and last instant any event covers.
func (s *Store) Extent(ctx context.Context) (first, last int64, ok bool, err error) {
	var lo, hi *int64
	err = s.pool.QueryRow(ctx, "SELECT min(earliest), max(latest) FROM chronoscope.events WHERE case_id = $1", s.caseID).Scan(&lo, &hi)
	if err != nil || lo == nil {
		return 0, 0, false, describe("read the extent", err)
	}
	return *lo, *hi, true, nil
}
