package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/chronoscope/chronoscope/timeline"
)

// Every write goes through two temporary tables of the session: the events of the write
// are copied into incoming (COPY, a chunk at a time), then merged into the case by a few
// statements over the whole set, so a Put of one event and an import of a million take
// the same path and give what the SQLite store gives (the same counts, versions, order).
const (
	incomingTable = `CREATE TEMP TABLE IF NOT EXISTS chronoscope_incoming (
		ord bigint, uid text, expect bigint, title text, description text, start_text text, end_text text,
		earliest bigint, start_latest bigint, end_earliest bigint, latest bigint, flags integer, lane text,
		actors text[], tags text[], location text, lat double precision, lon double precision, importance smallint,
		sources jsonb, attrs jsonb, search text, cjk text, hash text, created bigint, updated bigint, version bigint,
		notes text
	) ON COMMIT DELETE ROWS`
	// merged holds, for every event of the write, whether it adds an event, edits one or
	// changes nothing, and for the last one of each id how many edits the id had.
	mergedTable = `CREATE TEMP TABLE IF NOT EXISTS chronoscope_merged (
		ord bigint, uid text, last boolean, is_add boolean, is_edit boolean, edits bigint, first_ord bigint,
		first_created bigint, exists_now boolean
	) ON COMMIT DELETE ROWS`
)

var incomingColumns = []string{"ord", "uid", "expect", "title", "description", "start_text", "end_text",
	"earliest", "start_latest", "end_earliest", "latest", "flags", "lane", "actors", "tags", "location", "lat", "lon",
	"importance", "sources", "attrs", "search", "cjk", "hash", "created", "updated", "version", "notes"}

// putter is one write under way: its transaction, and what it needs to know of the events
// copied so far.
type putter struct {
	s       *Store
	tx      pgx.Tx
	now     int64
	n       int                      // events copied so far
	lanes   []string                 // the lanes of the events, in order of first use
	seen    map[string]bool          // the lanes listed
	edits   map[int64]timeline.Event // the events that carry a version, by ord (for a conflict)
	ids     []string                 // with keepIDs: every id, for the versions written back
	keepIDs bool
	book    *sourceBook // the case's shared sources the write met
}

// begin starts a write: the transaction, the case's write lock, the temporary tables.
func (s *Store) begin(ctx context.Context, keepIDs bool) (*putter, error) {
	if s.ReadOnly() {
		return nil, errReader
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	// work_mem: the merge sorts the whole write, and the change log's trigger keeps its rows.
	for _, q := range []string{"SET LOCAL client_min_messages = warning", "SET LOCAL work_mem = '64MB'", incomingTable, mergedTable} {
		if _, err := tx.Exec(ctx, q); err != nil {
			tx.Rollback(ctx)
			return nil, err
		}
	}
	if _, err := tx.Exec(ctx, "SELECT chronoscope.begin_write($1)", s.caseID); err != nil {
		tx.Rollback(ctx)
		return nil, err
	}
	return &putter{s: s, tx: tx, now: s.Now().UTC().Unix(), seen: map[string]bool{"": true},
		edits: map[int64]timeline.Event{}, keepIDs: keepIDs, book: newSourceBook()}, nil
}

// chunk validates events (giving new ones their ids) and copies them in.
func (p *putter) chunk(ctx context.Context, events []timeline.Event) error {
	rows := make([][]any, len(events))
	for i := range events {
		e := &events[i]
		e.Normalize()
		if err := e.Validate(); err != nil {
			return &timeline.PutError{Index: p.n + i, ID: e.ID, Err: err}
		}
		if e.ID == "" {
			e.ID = timeline.NewID()
		}
		if err := p.book.resolve(ctx, p.s, p.tx, e.Sources); err != nil {
			return &timeline.PutError{Index: p.n + i, ID: e.ID, Err: err}
		}
		row, err := p.s.row(e, p.n+i, p.now)
		if err != nil {
			return &timeline.PutError{Index: p.n + i, ID: e.ID, Err: err}
		}
		rows[i] = row
		if row[2].(int64) > 0 {
			p.edits[int64(p.n+i)] = *e
		}
		if !p.seen[e.Lane] {
			p.seen[e.Lane] = true
			p.lanes = append(p.lanes, e.Lane)
		}
		if p.keepIDs {
			p.ids = append(p.ids, e.ID)
		}
	}
	if _, err := p.tx.CopyFrom(ctx, pgx.Identifier{"chronoscope_incoming"}, incomingColumns, pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	p.n += len(events)
	return nil
}

// mergeQuery fills merged from incoming: for each event of the write, whether it adds an
// event (the first of its id, new to the case), edits one (it differs from the one before
// it, or from the stored event) or changes nothing.
const mergeQuery = `INSERT INTO chronoscope_merged
	WITH occ AS (
		SELECT i.ord, i.uid, i.hash, i.created,
			lag(i.hash) OVER w AS prev_hash, row_number() OVER w AS n, count(*) OVER (PARTITION BY i.uid) AS total,
			first_value(i.created) OVER w AS first_created, min(i.ord) OVER (PARTITION BY i.uid) AS first_ord
		FROM chronoscope_incoming i WINDOW w AS (PARTITION BY i.uid ORDER BY i.ord)),
	j AS (
		SELECT o.*, e.id IS NOT NULL AS exists_now, (o.n = 1 AND e.id IS NULL) AS is_add,
			(NOT (o.n = 1 AND e.id IS NULL) AND o.hash IS DISTINCT FROM coalesce(o.prev_hash, e.hash)) AS is_edit
		FROM occ o LEFT JOIN chronoscope.events e ON e.case_id = $1 AND e.uid = o.uid)
	SELECT ord, uid, n = total, is_add, is_edit, count(*) FILTER (WHERE is_edit) OVER (PARTITION BY uid),
		first_ord, first_created, exists_now
	FROM j`

// conflictQuery finds the first event of the write that started from a version the case
// no longer holds (another one, with other content) or whose event is gone.
const conflictQuery = `SELECT i.ord, e.id IS NULL
	FROM chronoscope_incoming i JOIN chronoscope_merged m ON m.ord = i.ord
	LEFT JOIN chronoscope.events e ON e.case_id = $1 AND e.uid = i.uid
	WHERE i.expect > 0 AND i.ord = m.first_ord AND (e.id IS NULL OR (e.version <> i.expect AND e.hash <> i.hash))
	ORDER BY i.ord LIMIT 1`

// The column list the last event of each id is written with.
const eventValues = `title = i.title, description = i.description, start_text = i.start_text, end_text = i.end_text,
	earliest = i.earliest, start_latest = i.start_latest, end_earliest = i.end_earliest, latest = i.latest,
	flags = i.flags, lane = i.lane, actors = i.actors, tags = i.tags, location = i.location, lat = i.lat, lon = i.lon,
	importance = i.importance, sources = i.sources, attrs = i.attrs, search = i.search, cjk = i.cjk, hash = i.hash,
	notes = i.notes`

const updateQuery = `UPDATE chronoscope.events e SET ` + eventValues + `,
		version = CASE WHEN i.version > 0 THEN i.version ELSE e.version + m.edits END,
		updated = CASE WHEN i.updated <> 0 THEN i.updated ELSE $2 END
	FROM chronoscope_incoming i JOIN chronoscope_merged m ON m.ord = i.ord
	WHERE m.last AND m.exists_now AND m.edits > 0 AND e.case_id = $1 AND e.uid = i.uid`

const insertQuery = `INSERT INTO chronoscope.events (case_id, uid, title, description, start_text, end_text, earliest,
		start_latest, end_earliest, latest, flags, lane, actors, tags, location, lat, lon, importance, sources, attrs,
		search, cjk, hash, version, created, updated, notes)
	SELECT $1, i.uid, i.title, i.description, i.start_text, i.end_text, i.earliest, i.start_latest, i.end_earliest,
		i.latest, i.flags, i.lane, i.actors, i.tags, i.location, i.lat, i.lon, i.importance, i.sources, i.attrs,
		i.search, i.cjk, i.hash, CASE WHEN i.version > 0 THEN i.version ELSE 1 + m.edits END, m.first_created,
		CASE WHEN i.updated <> 0 THEN i.updated ELSE $2 END, i.notes
	FROM chronoscope_incoming i JOIN chronoscope_merged m ON m.ord = i.ord
	WHERE m.last AND NOT m.exists_now
	ORDER BY m.first_ord`

// finish merges what was copied into the case, adds the lanes it is the first to use and
// deletes the events with the ids in remove; the caller commits.
func (p *putter) finish(ctx context.Context, remove []string) (timeline.PutResult, error) {
	var res timeline.PutResult
	if p.n > 0 {
		if _, err := p.tx.Exec(ctx, mergeQuery, p.s.caseID); err != nil {
			return res, err
		}
		if !p.s.KeepStamps && len(p.edits) > 0 {
			if err := p.conflict(ctx); err != nil {
				return res, err
			}
		}
		if err := p.tx.QueryRow(ctx, `SELECT count(*) FILTER (WHERE is_add), count(*) FILTER (WHERE is_edit),
			count(*) FILTER (WHERE NOT is_add AND NOT is_edit) FROM chronoscope_merged`).Scan(&res.Added, &res.Updated, &res.Unchanged); err != nil {
			return res, err
		}
		for _, q := range []string{updateQuery, insertQuery} {
			if _, err := p.tx.Exec(ctx, q, p.s.caseID, p.now); err != nil {
				return res, err
			}
		}
		if err := p.s.ensureLanes(ctx, p.tx, p.lanes); err != nil {
			return res, err
		}
		if _, err := p.book.propagate(ctx, p.s, p.tx, p.now); err != nil {
			return res, err
		}
	}
	return res, p.s.deleteIn(ctx, p.tx, remove)
}

// conflict returns the *timeline.ConflictError of the first event of the write that
// started from a version the case no longer holds, in a PutError; nil when there is none.
func (p *putter) conflict(ctx context.Context) error {
	var ord int64
	var gone bool
	err := p.tx.QueryRow(ctx, conflictQuery, p.s.caseID).Scan(&ord, &gone)
	if err == pgx.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	mine := p.edits[ord]
	ce := &timeline.ConflictError{Mine: mine, Deleted: gone}
	if !gone {
		rows, err := p.tx.Query(ctx, "SELECT "+eventColumns+" FROM chronoscope.events e WHERE e.case_id = $1 AND e.uid = $2", p.s.caseID, mine.ID)
		if err != nil {
			return err
		}
		theirs, err := scanEvents(rows, nil)
		if err != nil || len(theirs) == 0 {
			return fmt.Errorf("read the stored event %s: %v", mine.ID, err)
		}
		ce.Theirs = theirs[0]
	}
	return &timeline.PutError{Index: int(ord), ID: mine.ID, Err: ce}
}

// versions reads the versions of the events with ids, for writing them back.
func (p *putter) versions(ctx context.Context) (map[string]int64, error) {
	rows, err := p.tx.Query(ctx, "SELECT uid, version FROM chronoscope.events WHERE case_id = $1 AND uid = ANY ($2)", p.s.caseID, p.ids)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	var uid string
	var v int64
	_, err = pgx.ForEachRow(rows, []any{&uid, &v}, func() error { out[uid] = v; return nil })
	return out, err
}

// Put validates and writes events in one transaction (see Replace).
func (s *Store) Put(ctx context.Context, events []timeline.Event, progress timeline.Progress) (timeline.PutResult, error) {
	return s.Replace(ctx, events, nil, progress)
}

// Replace writes events and deletes the events with the ids in remove, in one
// transaction: the case is wholly changed or unchanged. A new id (or an empty one, which
// gets a fresh id written back into events) adds an event; an existing id replaces that
// event, unless nothing in it changed; an event with a Version saves only over that
// version (else a *timeline.ConflictError in a *timeline.PutError). Created is kept from
// the stored event, or taken from the given one when set; Updated is now. The versions
// saved are written back into events.
func (s *Store) Replace(ctx context.Context, events []timeline.Event, remove []string, progress timeline.Progress) (timeline.PutResult, error) {
	p, err := s.begin(ctx, true)
	if err != nil {
		return timeline.PutResult{}, describe("save", err)
	}
	defer p.tx.Rollback(ctx)
	const chunk = 5000
	for lo := 0; lo < len(events); lo += chunk {
		if progress != nil {
			progress(lo, len(events))
		}
		if err := p.chunk(ctx, events[lo:min(lo+chunk, len(events))]); err != nil {
			return timeline.PutResult{}, describe("save", err)
		}
	}
	res, err := p.finish(ctx, remove)
	if err != nil {
		return timeline.PutResult{}, describe("save", err)
	}
	versions, err := p.versions(ctx)
	if err != nil {
		return timeline.PutResult{}, describe("save", err)
	}
	if err := p.tx.Commit(ctx); err != nil {
		return timeline.PutResult{}, describe("save", err)
	}
	for i := range events {
		events[i].Version = versions[events[i].ID]
	}
	if progress != nil {
		progress(len(events), len(events))
	}
	return res, nil
}

// PutStream is Put for events that arrive a chunk at a time (an import read as it is
// written): produce calls put with each chunk in order (a chunk may be reused once put
// returns), each copied into the server with COPY; all of it is merged and committed in
// one transaction when produce returns nil, and rolled back otherwise. A PutError counts
// events from the first of the first chunk. size is unused (the server sizes itself).
func (s *Store) PutStream(ctx context.Context, size int, produce func(put func([]timeline.Event) error) error) (timeline.PutResult, error) {
	p, err := s.begin(ctx, false)
	if err != nil {
		return timeline.PutResult{}, describe("import", err)
	}
	defer p.tx.Rollback(ctx)
	if err := produce(func(events []timeline.Event) error { return describe("import", p.chunk(ctx, events)) }); err != nil {
		return timeline.PutResult{}, err
	}
	res, err := p.finish(ctx, nil)
	if err != nil {
		return timeline.PutResult{}, describe("import", err)
	}
	if err := p.tx.Commit(ctx); err != nil {
		return timeline.PutResult{}, describe("import", err)
	}
	return res, nil
}

// Delete removes the events with these ids, in one transaction; a missing id fails it
// with timeline.ErrNotFound and the case is unchanged.
func (s *Store) Delete(ctx context.Context, ids ...string) error {
	return s.write(ctx, "delete", func(tx pgx.Tx) error { return s.deleteIn(ctx, tx, ids) })
}

// deleteIn deletes the events with ids inside tx.
func (s *Store) deleteIn(ctx context.Context, tx pgx.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	var missing string
	err := tx.QueryRow(ctx, `SELECT u FROM unnest($2::text[]) u
		WHERE NOT EXISTS (SELECT 1 FROM chronoscope.events e WHERE e.case_id = $1 AND e.uid = u) LIMIT 1`, s.caseID, ids).Scan(&missing)
	if err == nil {
		return fmt.Errorf("delete %s: %w", missing, timeline.ErrNotFound)
	}
	if err != pgx.ErrNoRows {
		return err
	}
	_, err = tx.Exec(ctx, "DELETE FROM chronoscope.events WHERE case_id = $1 AND uid = ANY ($2)", s.caseID, ids)
	return err
}
