package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// PutError names the event that stopped a Put; the case is unchanged.
type PutError struct {
	Index int    // position in the slice given to Put
	ID    string // the event's id, if it had one
	Err   error
}

func (e *PutError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("event %d (%s): %v", e.Index+1, e.ID, e.Err)
	}
	return fmt.Sprintf("event %d: %v", e.Index+1, e.Err)
}

// Unwrap returns the cause.
func (e *PutError) Unwrap() error { return e.Err }

// Put validates and writes events in one immediate transaction. A new id (or an empty one,
// which gets a fresh id written back into events) adds an event; an existing id replaces
// that event, unless nothing in it changed. Created is kept from the stored event, or taken
// from the given one when it is set (an undone delete keeps its history); Updated is now.
func (s *Store) Put(ctx context.Context, events []timeline.Event, progress timeline.Progress) (timeline.PutResult, error) {
	var res timeline.PutResult
	if s.readOnly {
		return res, timeline.ErrReadOnly
	}
	for i := range events {
		e := &events[i]
		e.Normalize()
		if err := e.Validate(); err != nil {
			return res, &PutError{Index: i, ID: e.ID, Err: err}
		}
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return res, errors.New(describeSQLiteError(err))
	}
	defer tx.Rollback()
	p, err := prepare(ctx, tx)
	if err != nil {
		return res, err
	}
	defer p.close()
	now := s.Now().UTC().Unix()
	step := max(len(events)/200, 1)
	for i := range events {
		if i%step == 0 {
			if err := ctx.Err(); err != nil {
				return timeline.PutResult{}, err
			}
			if progress != nil {
				progress(i, len(events))
			}
		}
		outcome, err := p.put(ctx, &events[i], now)
		if err != nil {
			return timeline.PutResult{}, &PutError{Index: i, ID: events[i].ID, Err: errors.New(describeSQLiteError(err))}
		}
		switch outcome {
		case added:
			res.Added++
		case updated:
			res.Updated++
		default:
			res.Unchanged++
		}
	}
	if err := tx.Commit(); err != nil {
		return timeline.PutResult{}, errors.New(describeSQLiteError(err))
	}
	if res.Added+res.Updated > 0 {
		s.forgetClasses()
	}
	if progress != nil {
		progress(len(events), len(events))
	}
	return res, nil
}

type outcome int

const (
	unchanged outcome = iota
	added
	updated
)

// putter holds the prepared statements and name caches of one Put transaction.
type putter struct {
	find, insert, update, delFTS, insFTS, delActors, delTags, delSources,
	insActor, findActor, linkActor, insTag, findTag, linkTag, insSource *sql.Stmt
	actors, tags map[string]int64
}

func prepare(ctx context.Context, tx *sql.Tx) (*putter, error) {
	p := &putter{actors: map[string]int64{}, tags: map[string]int64{}}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&p.find, "SELECT id, hash, created FROM events WHERE uid = ?"},
		{&p.insert, `INSERT INTO events (uid, title, description, start_text, end_text, earliest, start_latest, end_earliest,
			latest, span_class, flags, lane, location, lat, lon, importance, attrs, hash, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.update, `UPDATE events SET title = ?, description = ?, start_text = ?, end_text = ?, earliest = ?, start_latest = ?,
			end_earliest = ?, latest = ?, span_class = ?, flags = ?, lane = ?, location = ?, lat = ?, lon = ?, importance = ?,
			attrs = ?, hash = ?, created = ?, updated = ? WHERE id = ?`},
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
		{&p.insSource, `INSERT INTO sources (event_id, pos, title, url, publisher, date, quote, reliability, credibility)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`},
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

func (p *putter) put(ctx context.Context, e *timeline.Event, now int64) (outcome, error) {
	if e.ID == "" {
		e.ID = timeline.NewID()
	}
	hash := contentHash(e)
	var rowid, created int64
	var oldHash string
	err := p.find.QueryRowContext(ctx, e.ID).Scan(&rowid, &oldHash, &created)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if exists && oldHash == hash {
		return unchanged, nil
	}
	if !exists {
		created = now
		if !e.Created.IsZero() {
			created = e.Created.Unix()
		}
	}
	var lat, lon any
	if e.Location.Lat != nil {
		lat = *e.Location.Lat
	}
	if e.Location.Lon != nil {
		lon = *e.Location.Lon
	}
	attrs := ""
	if len(e.Attrs) > 0 {
		b, err := json.Marshal(e.Attrs)
		if err != nil {
			return 0, err
		}
		attrs = string(b)
	}
	endEarliest := e.Start.Earliest
	if e.IsSpan() {
		endEarliest = e.End.Earliest
	}
	vals := []any{e.Title, e.Description, e.Start.Text, e.End.Text, e.Earliest(), e.Start.Latest, endEarliest, e.Latest(),
		spanClass(e.Earliest(), e.Latest()), flagsOf(e), e.Lane, e.Location.Name, lat, lon, e.Importance, attrs, hash, created, now}
	result := added
	if exists {
		result = updated
		if _, err := p.update.ExecContext(ctx, append(vals, rowid)...); err != nil {
			return 0, err
		}
		for _, st := range []*sql.Stmt{p.delFTS, p.delActors, p.delTags, p.delSources} {
			if _, err := st.ExecContext(ctx, rowid); err != nil {
				return 0, err
			}
		}
	} else {
		r, err := p.insert.ExecContext(ctx, append([]any{e.ID}, vals...)...)
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
	titles := make([]string, 0, len(e.Sources))
	for i, src := range e.Sources {
		if _, err := p.insSource.ExecContext(ctx, rowid, i, src.Title, src.URL, src.Publisher, src.Date, src.Quote,
			src.Reliability, src.Credibility); err != nil {
			return 0, err
		}
		titles = append(titles, src.Title+" "+src.Publisher)
	}
	if _, err := p.insFTS.ExecContext(ctx, rowid, e.Title, e.Description, joinNames(e.Actors), joinNames(e.Tags),
		strings.Join(titles, " ")); err != nil {
		return 0, err
	}
	return result, nil
}

func (p *putter) link(ctx context.Context, rowid int64, names []string, cache map[string]int64, ins, find, link *sql.Stmt) error {
	for pos, n := range names {
		id, ok := cache[n]
		if !ok {
			if _, err := ins.ExecContext(ctx, n); err != nil {
				return err
			}
			if err := find.QueryRowContext(ctx, n).Scan(&id); err != nil {
				return err
			}
			cache[n] = id
		}
		if _, err := link.ExecContext(ctx, rowid, id, pos); err != nil {
			return err
		}
	}
	return nil
}
