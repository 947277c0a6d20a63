package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/chronoscope/chronoscope/timeline"
)

// RecoverReport counts what Recover saved.
type RecoverReport struct {
	// Saved is how many events the new case holds.
	Saved int
	// Lost is how many events could not be read; -1 when the damaged case cannot say
	// how many it held (none of its indexes of events could be counted either).
	Lost int
	// WithoutSources is how many saved events lost some or all of their sources; -1 when
	// sources were lost and the case cannot say whose.
	WithoutSources int
}

// recoverBatch is how many recovered events are written to the new case at a time.
const recoverBatch = 20000

// Recover copies every event of the (possibly damaged) case at src that can still be
// read, with its sources, actors and tags, into a new case at dst, which must not exist
// yet. The damaged file is only read. The new case is written to a temporary file and
// renamed into place when complete, so a failed recovery leaves no half case behind.
func Recover(ctx context.Context, src, dst string, progress timeline.Progress) (RecoverReport, error) {
	rep := RecoverReport{Lost: -1}
	if exists(dst) {
		return rep, fmt.Errorf("recover: %s already exists; name a new file", dst)
	}
	in, err := Open(src, OpenExisting)
	if err != nil {
		return rep, err
	}
	defer in.Close()
	r := &recovery{ctx: ctx, db: in.r, sources: map[int64][]timeline.Source{}}
	events, err := r.read(progress)
	if err != nil {
		return rep, err
	}
	rep.Saved = len(events)
	if total := r.expected(); total >= 0 {
		rep.Lost = max(total-len(events), 0)
	}
	rep.WithoutSources = r.withoutSources(events)
	info, infoErr := in.Info(ctx)
	if infoErr != nil || info.Name == "" {
		info = timeline.CaseInfo{Name: "Recovered case"}
	}
	return rep, writeRecovered(ctx, dst, info, events)
}

// writeRecovered writes the recovered events into a new case at dst, through a
// temporary file in the same folder.
func writeRecovered(ctx context.Context, dst string, info timeline.CaseInfo, events []recovered) error {
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".chronoscope-recover-*"+Extension)
	if err != nil {
		return fmt.Errorf("recover: %w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	ok := false
	defer func() {
		names := []string{tmpName + "-wal", tmpName + "-shm"}
		if !ok {
			names = append(names, tmpName)
		}
		for _, p := range names {
			os.Remove(p) // our own temporary case, which no other process knows
		}
	}()
	out, err := Open(tmpName, OpenOrCreate)
	if err != nil {
		return err
	}
	if err := out.SetInfo(ctx, info); err != nil {
		out.Close()
		return err
	}
	for lo := 0; lo < len(events); lo += recoverBatch {
		batch := make([]timeline.Event, 0, recoverBatch)
		for _, e := range events[lo:min(lo+recoverBatch, len(events))] {
			batch = append(batch, e.event)
		}
		if _, err := out.Put(ctx, batch, nil); err != nil {
			out.Close()
			return fmt.Errorf("recover: write %s: %w", dst, err)
		}
	}
	// Everything into the file itself before it is moved: a checkpoint that could not
	// finish (a full disk) would leave the last events in a -wal file left behind.
	var busy, frames, done int
	err = out.w.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &done)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil && (busy != 0 || frames != done) {
		err = errors.New("the new case could not be written in full")
	}
	if err != nil {
		return fmt.Errorf("recover: write %s: %w", dst, dbError(err))
	}
	if err := syncFile(tmpName); err != nil {
		return err
	}
	// A link, not a rename: it fails when dst has appeared meanwhile, instead of
	// replacing it.
	if err := os.Link(tmpName, dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("recover: %s already exists; name a new file", dst)
		}
		return fmt.Errorf("recover: %w", err)
	}
	ok = true // dst holds it now; the temporary name goes
	os.Remove(tmpName)
	return syncDir(filepath.Dir(dst))
}

// recovered is one event read back from a damaged case, with its row id there.
type recovered struct {
	rowid int64
	event timeline.Event
}

// recovery reads what it can of a damaged case, table by table, going around the
// pages that fail.
type recovery struct {
	ctx         context.Context
	db          *sql.DB
	sources     map[int64][]timeline.Source
	sourcesLost bool // some rows of sources could not be read
}

// read returns every readable event, with its sources.
func (r *recovery) read(progress timeline.Progress) ([]recovered, error) {
	var events []recovered
	var names bool
	if err := r.db.QueryRowContext(r.ctx, "SELECT count(*) > 0 FROM pragma_table_info('events') WHERE name = 'names'").Scan(&names); err != nil {
		return nil, fmt.Errorf("recover: %w", dbError(err))
	}
	var inRow bool // sources_json (schema 7)
	if err := r.db.QueryRowContext(r.ctx, "SELECT count(*) > 0 FROM pragma_table_info('events') WHERE name = 'sources_json'").Scan(&inRow); err != nil {
		return nil, fmt.Errorf("recover: %w", dbError(err))
	}
	var notes bool // events.notes (schema 9)
	if err := r.db.QueryRowContext(r.ctx, "SELECT count(*) > 0 FROM pragma_table_info('events') WHERE name = 'notes'").Scan(&notes); err != nil {
		return nil, fmt.Errorf("recover: %w", dbError(err))
	}
	cols := "id, uid, title, description, start_text, end_text, lane, location, lat, lon, importance, attrs, created, updated"
	if notes {
		cols += ", notes"
	}
	if names {
		cols += ", names"
	}
	if inRow {
		cols += ", sources_json"
	}
	var top sql.NullInt64 // the last row id, for progress; the scan finds it again if it cannot
	r.db.QueryRowContext(r.ctx, "SELECT max(id) FROM events").Scan(&top)
	err := r.scanTable("events", cols, nil, func(rows *sql.Rows) (int64, error) {
		e, rowid, err := scanRecovered(rows, notes, names, inRow)
		if err == nil {
			events = append(events, recovered{rowid: rowid, event: e})
			if progress != nil && top.Int64 > 0 && len(events)%1000 == 0 {
				progress(int(min(rowid, top.Int64)), int(top.Int64))
			}
		}
		return rowid, nil
	})
	if err != nil {
		return nil, err
	}
	err = r.scanTable("sources", "id, event_id, title, url, publisher, date, quote, reliability, credibility", func() { r.sourcesLost = true }, func(rows *sql.Rows) (int64, error) {
		var id, event int64
		var src timeline.Source
		if err := rows.Scan(&id, &event, &src.Title, &src.URL, &src.Publisher, &src.Date, &src.Quote, &src.Reliability, &src.Credibility); err != nil {
			return id, nil
		}
		r.sources[event] = append(r.sources[event], src)
		return id, nil
	})
	if err != nil {
		return nil, err
	}
	for i := range events {
		if events[i].event.Sources == nil { // else they were in the event's row
			events[i].event.Sources = r.sources[events[i].rowid]
		}
	}
	return events, nil
}

// withoutSources counts the events that lost sources, by the index of sources by event
// when it can still be read; -1 when sources were lost and it cannot.
func (r *recovery) withoutSources(events []recovered) int {
	if !r.sourcesLost {
		return 0
	}
	rows, err := r.db.QueryContext(r.ctx, "SELECT event_id, count(*) FROM sources INDEXED BY sources_event GROUP BY event_id")
	if err != nil {
		return -1
	}
	defer rows.Close()
	had := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if rows.Scan(&id, &n) == nil {
			had[id] = n
		}
	}
	if rows.Err() != nil {
		return -1
	}
	n := 0
	for _, e := range events {
		if len(e.event.Sources) < had[e.rowid] {
			n++
		}
	}
	return n
}

// expected is how many events the damaged case held, from the first of its indexes of
// events that can still be counted, or -1.
func (r *recovery) expected() int {
	for _, ix := range []string{"events_earliest", "events_window", "events_lane", "sqlite_autoindex_events_1"} {
		var n int
		if err := r.db.QueryRowContext(r.ctx, "SELECT count(*) FROM events INDEXED BY "+ix).Scan(&n); err == nil {
			return n
		}
	}
	return -1
}

// scanTable calls fn for every row of table that can be read, in row id order; fn
// returns the row's id. A range whose scan fails part way is split in two and each half
// tried again, down to single row ids, so everything outside the damaged pages is read;
// lost (when not nil) is told each time a row id cannot be read.
func (r *recovery) scanTable(table, cols string, lost func(), fn func(*sql.Rows) (int64, error)) error {
	lo, hi, found := r.bounds(table)
	if !found {
		return nil // an empty table
	}
	failures := 0
	q := "SELECT " + cols + " FROM " + table + " WHERE id BETWEEN ? AND ? ORDER BY id"
	var walk func(lo, hi int64) error
	walk = func(lo, hi int64) error {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		last, err := r.scanRange(q, lo, hi, fn)
		if err == nil {
			return nil
		}
		failures++
		next := max(last+1, lo)
		if next >= hi || failures > maxFailedScans {
			if lost != nil {
				lost()
			}
			return nil // the row ids that fail are lost
		}
		mid := next + (hi-next)/2
		if err := walk(next, mid); err != nil {
			return err
		}
		return walk(mid+1, hi)
	}
	return walk(lo, hi)
}

// maxFailedScans bounds the range scans one table's recovery may see fail: where the
// damage leaves no row reachable (a damaged root page) every row id would otherwise be
// tried alone. Some 200,000 failed scans take a few seconds.
var maxFailedScans = 200_000

// bounds finds the first and last row id of table: from the table's own b-tree when it
// can (its first and last leaves), else from any of its indexes, else the whole range of
// ids a case may hold. found is false for an empty table.
func (r *recovery) bounds(table string) (lo, hi int64, found bool) {
	var first, last sql.NullInt64
	e1 := r.db.QueryRowContext(r.ctx, "SELECT id FROM "+table+" NOT INDEXED ORDER BY id LIMIT 1").Scan(&first)
	e2 := r.db.QueryRowContext(r.ctx, "SELECT id FROM "+table+" NOT INDEXED ORDER BY id DESC LIMIT 1").Scan(&last)
	switch {
	case errors.Is(e1, sql.ErrNoRows) && errors.Is(e2, sql.ErrNoRows):
		return 0, 0, false
	case e1 == nil && e2 == nil:
		return first.Int64, last.Int64, true
	}
	lo, hi = 1, 1<<32
	if e1 == nil {
		lo = first.Int64
	}
	if e2 == nil {
		hi = last.Int64
	} else if m, ok := r.maxFromIndexes(table); ok {
		hi = m
	}
	return lo, max(lo, hi), true
}

// maxFromIndexes is the largest row id any index of table still reads.
func (r *recovery) maxFromIndexes(table string) (int64, bool) {
	names, err := queryStrings(r.ctx, r.db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", table)
	if err != nil {
		return 0, false
	}
	for _, ix := range names {
		var m sql.NullInt64
		if err := r.db.QueryRowContext(r.ctx, fmt.Sprintf("SELECT max(id) FROM %s INDEXED BY %q", table, ix)).Scan(&m); err == nil && m.Valid {
			return m.Int64, true
		}
	}
	return 0, false
}

// scanRange reads the rows with ids lo..hi, calling fn for each, and returns the id of
// the last row read (lo-1 when none) with the error that stopped it.
func (r *recovery) scanRange(q string, lo, hi int64, fn func(*sql.Rows) (int64, error)) (int64, error) {
	last := lo - 1
	rows, err := r.db.QueryContext(r.ctx, q, lo, hi)
	if err != nil {
		return last, err
	}
	defer rows.Close()
	for rows.Next() {
		id, err := fn(rows)
		if err != nil {
			return last, err
		}
		last = max(last, id)
	}
	return last, rows.Err()
}

// scanRecovered reads one row of events as recover selects it: with notes, names and
// sources_json when the case has them.
func scanRecovered(rows *sql.Rows, withNotes, withNames, withSources bool) (timeline.Event, int64, error) {
	var (
		e                timeline.Event
		rowid            int64
		start, end       string
		lat, lon         sql.NullFloat64
		attrs, names     string
		created, updated int64
		srcs             sql.NullString
	)
	dst := []any{&rowid, &e.ID, &e.Title, &e.Description, &start, &end, &e.Lane, &e.Location.Name,
		&lat, &lon, &e.Importance, &attrs, &created, &updated}
	if withNotes {
		dst = append(dst, &e.Notes)
	}
	if withNames {
		dst = append(dst, &names)
	}
	if withSources {
		dst = append(dst, &srcs)
	}
	if err := rows.Scan(dst...); err != nil {
		return e, rowid, err
	}
	if srcs.Valid {
		var err error
		if e.Sources, err = parseSourcesJSON(srcs.String); err != nil {
			return e, rowid, err
		}
	}
	if err := fillEvent(&e, start, end, lat, lon, attrs, created, updated); err != nil {
		return e, rowid, err
	}
	e.Actors, e.Tags = unpackNames(names, map[string]string{})
	return e, rowid, e.Validate()
}
