package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// PutError names the event that stopped a Put; the case is unchanged. It is the domain's
// timeline.PutError, which every store returns.
type PutError = timeline.PutError

// Put validates and writes events in one immediate transaction. A new id (or an empty one,
// which gets a fresh id written back into events) adds an event; an existing id replaces
// that event, unless nothing in it changed. Created is kept from the stored event, or taken
// from the given one when it is set (an undone delete keeps its history); Updated is now.
//
// A Put of bulkMin events or more takes the bulk path (see bulk.go): new events are
// written many rows to a statement, and when the Put is at least as large as the case the
// secondary indexes are rebuilt once at the end instead of being updated row by row. Both
// paths give the same case.
func (s *Store) Put(ctx context.Context, events []timeline.Event, progress timeline.Progress) (timeline.PutResult, error) {
	return s.Replace(ctx, events, nil, progress)
}

// Replace is Put that also deletes the events with the ids in remove, in the same
// transaction: an undo or redo of an import is one change, whole or not at all.
func (s *Store) Replace(ctx context.Context, events []timeline.Event, remove []string, progress timeline.Progress) (timeline.PutResult, error) {
	var res timeline.PutResult
	if err := s.writeRefused(); err != nil {
		return res, err
	}
	for i := range events {
		e := &events[i]
		e.Normalize()
		if err := e.Validate(); err != nil {
			return res, &PutError{Index: i, ID: e.ID, Err: err}
		}
	}
	// One pinned connection: the bulk path changes per-connection settings and puts them
	// back before the connection returns to the pool.
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return res, s.fail(err)
	}
	defer conn.Close()
	// The versions written back into events are put back as they were if the Put fails.
	versions := make([]int64, len(events))
	for i := range events {
		versions[i] = events[i].Version
	}
	defer func() {
		if err != nil {
			for i := range events {
				events[i].Version = versions[i]
			}
		}
	}()
	if len(events) >= bulkMin {
		res, err = s.putBulk(ctx, conn, events, remove, progress)
	} else {
		res, err = s.putRows(ctx, conn, events, remove, progress)
	}
	if err != nil {
		return timeline.PutResult{}, s.fail(err)
	}
	if progress != nil {
		progress(len(events), len(events))
	}
	return res, nil
}

// putRows writes events one statement at a time, for small Puts.
func (s *Store) putRows(ctx context.Context, conn *sql.Conn, events []timeline.Event, remove []string, progress timeline.Progress) (timeline.PutResult, error) {
	var res timeline.PutResult
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, dbError(err)
	}
	defer tx.Rollback()
	p, err := prepare(ctx, tx)
	if err != nil {
		return res, err
	}
	defer p.close()
	p.keep = s.KeepStamps
	now := s.Now().UTC().Unix()
	step := max(len(events)/200, 1)
	for i := range events {
		if i%step == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
			if progress != nil {
				progress(i, len(events))
			}
		}
		outcome, err := p.put(ctx, &events[i], now)
		if err != nil {
			return res, &PutError{Index: i, ID: events[i].ID, Err: dbError(err)}
		}
		tally(&res, outcome)
	}
	if _, err := p.propagate(ctx, p.book, now); err != nil {
		return res, dbError(err)
	}
	if err := ensureLanes(ctx, tx, events); err != nil {
		return res, dbError(err)
	}
	if err := deleteIn(ctx, tx, remove); err != nil {
		return res, dbError(err)
	}
	if err := tx.Commit(); err != nil {
		return res, dbError(err)
	}
	return res, nil
}

type outcome int

const (
	unchanged outcome = iota
	added
	updated
)

// tally adds one outcome to res.
func tally(res *timeline.PutResult, o outcome) {
	switch o {
	case added:
		res.Added++
	case updated:
		res.Updated++
	default:
		res.Unchanged++
	}
}

// putter holds the prepared statements and name caches of one Put transaction.
type putter struct {
	tx *sql.Tx
	// keep writes an event's own Updated and Version (Store.KeepStamps).
	keep bool

	find, insert, update, delFTS, insFTS, delActors, delTags, delSources,
	insActor, findActor, linkActor, insTag, findTag, linkTag, insSource *sql.Stmt
	actors, tags map[string]int64
	hash         hasher
	book         *sourceBook // the case's shared sources, as the row path resolves citations
}

func prepare(ctx context.Context, tx *sql.Tx) (*putter, error) {
	p := &putter{tx: tx, actors: map[string]int64{}, tags: map[string]int64{}, book: newSourceBook(tx)}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&p.find, "SELECT id, hash, created, version FROM events WHERE uid = ?"},
		{&p.insert, `INSERT INTO events (uid, title, description, start_text, end_text, earliest, start_latest, end_earliest,
			latest, span_class, flags, lane, location, lat, lon, importance, attrs, hash, created, updated, names, version, notes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.update, `UPDATE events SET title = ?, description = ?, start_text = ?, end_text = ?, earliest = ?, start_latest = ?,
			end_earliest = ?, latest = ?, span_class = ?, flags = ?, lane = ?, location = ?, lat = ?, lon = ?, importance = ?,
			attrs = ?, hash = ?, created = ?, updated = ?, names = ?, version = ?, notes = ?, sources_json = NULL WHERE id = ?`},
		{&p.delFTS, "DELETE FROM events_fts WHERE docid = ?"},
		{&p.insFTS, "INSERT INTO events_fts (docid, title, description, actors, tags, sources) VALUES (?, ?, ?, ?, ?, ?)"},
		{&p.delActors, "DELETE FROM event_actors WHERE event_id = ?"},
		{&p.delTags, "DELETE FROM event_tags WHERE event_id = ?"},
		{&p.delSources, "DELETE FROM sources WHERE event_id = ?"},
		{&p.insActor, "INSERT INTO actors (name) VALUES (?) ON CONFLICT (name) DO NOTHING"},
		{&p.findActor, "SELECT id FROM actors WHERE name = ?"},
		{&p.linkActor, "INSERT INTO event_actors (event_id, actor_id, pos) VALUES (?, ?, ?)"},
		{&p.insTag, "INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING"},
		{&p.findTag, "SELECT id FROM tags WHERE name = ?"},
		{&p.linkTag, "INSERT INTO event_tags (event_id, tag_id, pos) VALUES (?, ?, ?)"},
		{&p.insSource, `INSERT INTO sources (event_id, pos, title, url, publisher, date, quote, reliability, credibility, source_uid)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	}
	for _, st := range stmts {
		var err error
		if *st.dst, err = tx.PrepareContext(ctx, st.sql); err != nil {
			p.close()
			return nil, err
		}
	}
	return p, nil
}

func (p *putter) close() {
	for _, st := range []*sql.Stmt{p.find, p.insert, p.update, p.delFTS, p.insFTS, p.delActors, p.delTags, p.delSources,
		p.insActor, p.findActor, p.linkActor, p.insTag, p.findTag, p.linkTag, p.insSource} {
		if st != nil {
			st.Close()
		}
	}
}

// stored is what a Put needs to know of an event already in the case.
type stored struct {
	exists                  bool
	rowid, created, version int64
	hash                    string
}

// lookup finds the stored event with e's id.
func (p *putter) lookup(ctx context.Context, id string) (stored, error) {
	var st stored
	err := p.find.QueryRowContext(ctx, id).Scan(&st.rowid, &st.hash, &st.created, &st.version)
	if errors.Is(err, sql.ErrNoRows) {
		return stored{}, nil
	}
	st.exists = err == nil
	return st, err
}

// put writes one event, looking up whether it is new.
func (p *putter) put(ctx context.Context, e *timeline.Event, now int64) (outcome, error) {
	if e.ID == "" {
		e.ID = timeline.NewID()
	}
	if err := p.book.resolve(ctx, e.Sources); err != nil {
		return 0, err
	}
	if err := writeShared(ctx, p.tx, p.book.takeWrites()); err != nil {
		return 0, err
	}
	st, err := p.lookup(ctx, e.ID)
	if err != nil {
		return 0, err
	}
	return p.write(ctx, e, st, p.hash.sum(e), now)
}

// write adds e, or replaces the stored event st, unless its content hash is unchanged;
// an edit from a version st is not at fails with a *timeline.ConflictError. The version
// saved is written back into e.
func (p *putter) write(ctx context.Context, e *timeline.Event, st stored, hash string, now int64) (outcome, error) {
	if err := p.checkVersion(ctx, e, st, hash); err != nil {
		return 0, err
	}
	if st.exists && st.hash == hash {
		e.Version = st.version
		return unchanged, nil
	}
	created := st.created
	if !st.exists {
		created = createdAt(e, now)
	}
	stamp, version := p.stamps(e, st, now)
	row, err := eventRow(e, hash, created, stamp, version)
	if err != nil {
		return 0, err
	}
	rowid := st.rowid
	result := added
	if st.exists {
		result = updated
		if _, err := p.update.ExecContext(ctx, append(row[1:], rowid)...); err != nil {
			return 0, err
		}
		for _, s := range []*sql.Stmt{p.delFTS, p.delActors, p.delTags, p.delSources} {
			if _, err := s.ExecContext(ctx, rowid); err != nil {
				return 0, err
			}
		}
	} else {
		r, err := p.insert.ExecContext(ctx, row...)
		if err != nil {
			return 0, err
		}
		if rowid, err = r.LastInsertId(); err != nil {
			return 0, err
		}
	}
	if err := p.link(ctx, rowid, e.Actors, p.actors, p.insActor, p.findActor, p.linkActor); err != nil {
		return 0, err
	}
	if err := p.link(ctx, rowid, e.Tags, p.tags, p.insTag, p.findTag, p.linkTag); err != nil {
		return 0, err
	}
	for i, src := range e.Sources {
		if _, err := p.insSource.ExecContext(ctx, rowid, i, src.Title, src.URL, src.Publisher, src.Date, src.Quote,
			src.Reliability, src.Credibility, src.ID); err != nil {
			return 0, err
		}
	}
	if _, err := p.insFTS.ExecContext(ctx, ftsRow(rowid, e)...); err != nil {
		return 0, err
	}
	e.Version = version
	return result, nil
}

// checkVersion refuses an edit of e that started from a version (e.Version) the case no
// longer holds: st is another version with other content, or the event is gone. A zero
// Version, or a Put that keeps stamps (a copy), writes whatever is stored.
func (p *putter) checkVersion(ctx context.Context, e *timeline.Event, st stored, hash string) error {
	if e.Version == 0 || p.keep {
		return nil
	}
	if !st.exists {
		return &timeline.ConflictError{Mine: *e, Deleted: true}
	}
	if st.version == e.Version || st.hash == hash {
		return nil
	}
	rows, err := p.tx.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e WHERE e.id = ?", st.rowid)
	if err != nil {
		return err
	}
	theirs, err := scanEvents(ctx, p.tx, rows)
	if err != nil || len(theirs) == 0 {
		return fmt.Errorf("read the stored event %s: %w", e.ID, err)
	}
	return &timeline.ConflictError{Mine: *e, Theirs: theirs[0]}
}

// stamps are the updated stamp and version e is written with (stampsOf).
func (p *putter) stamps(e *timeline.Event, st stored, now int64) (updated, version int64) {
	return stampsOf(e, st, now, p.keep)
}

// stampsOf is the updated stamp and version e is written with: now and the version after
// st's (1 for a new event), or, for a Put that keeps stamps, e's own when it has them.
func stampsOf(e *timeline.Event, st stored, now int64, keep bool) (updated, version int64) {
	updated, version = now, st.version+1
	if keep && !e.Updated.IsZero() {
		updated = e.Updated.Unix()
	}
	if keep && e.Version > 0 {
		version = e.Version
	}
	return updated, version
}

// Separators of the events.names column (migration 0002): between names, and between
// the actors and the tags.
const (
	nameSep = "\x1f"
	listSep = "\x1e"
)

func (p *putter) link(ctx context.Context, rowid int64, names []string, cache map[string]int64, ins, find, link *sql.Stmt) error {
	for pos, n := range names {
		id, err := p.nameID(ctx, n, cache, ins, find)
		if err != nil {
			return err
		}
		if _, err := link.ExecContext(ctx, rowid, id, pos); err != nil {
			return err
		}
	}
	return nil
}

// nameID returns the id of an actor or tag name, adding the name when it is new.
func (p *putter) nameID(ctx context.Context, n string, cache map[string]int64, ins, find *sql.Stmt) (int64, error) {
	if id, ok := cache[n]; ok {
		return id, nil
	}
	if _, err := ins.ExecContext(ctx, n); err != nil {
		return 0, err
	}
	var id int64
	if err := find.QueryRowContext(ctx, n).Scan(&id); err != nil {
		return 0, err
	}
	cache[n] = id
	return id, nil
}
