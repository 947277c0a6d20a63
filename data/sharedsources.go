package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// The case's shared sources (migration 0009) are the rows of case_sources; each citation
// (a row of sources, or an object of events.sources_json) names one by uid and keeps a
// copy of its fields. A Put resolves the citations of its events against the case's
// sources with a sourceBook before hashing them: a citation with no id takes the id of
// the case's source with the same fields (or a new one), a citation whose id the case
// holds with other fields changes that source. The Put writes the sources it adds or
// changes, and before it commits rewrites every other citation of a changed source
// (propagate), so the copies stay equal to case_sources.

// sourceBook is what one Put knows of the case's shared sources.
type sourceBook struct {
	timeline.SourceIndex
	q        querier         // where sources not known yet are looked up; unused when complete
	complete bool            // the index holds every source of the case
	writes   []sharedWrite   // sources to write to case_sources, in order
	changed  map[string]bool // ids of sources the case held with other fields
}

// sharedWrite is one source for case_sources: a new one, or one of the case's with new
// fields.
type sharedWrite struct {
	src   timeline.Source
	isNew bool
}

func newSourceBook(q querier) *sourceBook {
	return &sourceBook{q: q, changed: map[string]bool{}}
}

const sharedColumns = "uid, title, url, publisher, date, reliability, credibility"

// loadSourceBook reads every shared source of the case into a complete book, for a bulk
// Put whose preparer works away from the transaction.
func loadSourceBook(ctx context.Context, q querier) (*sourceBook, error) {
	b := newSourceBook(nil)
	b.complete = true
	srcs, err := querySources(ctx, q, "SELECT "+sharedColumns+" FROM case_sources")
	if err != nil {
		return nil, err
	}
	for _, s := range srcs {
		b.Remember(s)
	}
	return b, nil
}

// querySources reads shared sources (rows of sharedColumns).
func querySources(ctx context.Context, q querier, query string, args ...any) ([]timeline.Source, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []timeline.Source
	for rows.Next() {
		var s timeline.Source
		if err := rows.Scan(&s.ID, &s.Title, &s.URL, &s.Publisher, &s.Date, &s.Reliability, &s.Credibility); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// byIDOf finds the shared source id, looking it up in the case when the book does not
// know it yet.
func (b *sourceBook) byIDOf(ctx context.Context, id string) (timeline.Source, bool, error) {
	if s, ok := b.ByID(id); ok || b.complete {
		return s, ok, nil
	}
	found, err := querySources(ctx, b.q, "SELECT "+sharedColumns+" FROM case_sources WHERE uid = ?", id)
	if err != nil || len(found) == 0 {
		return timeline.Source{}, false, err
	}
	b.Remember(found[0])
	return found[0], true, nil
}

// docOf finds the id of the shared source with the fields of s, "" when there is none:
// the book's, or the case's source whose id is their DocumentID (a source stored under
// another id, from a file or edited since, is found only once the book holds it).
func (b *sourceBook) docOf(ctx context.Context, s timeline.Source) (string, error) {
	if id, ok := b.ByDocument(s); ok || b.complete {
		return id, nil
	}
	id := s.DocumentID()
	if _, known := b.ByID(id); known {
		return "", nil // the book knows it by other fields, which this Put gave it
	}
	found, ok, err := b.byIDOf(ctx, id)
	if err != nil || !ok || !found.SameDocument(s) {
		return "", err
	}
	return id, nil
}

// resolve gives each citation of srcs the id of its shared source, and records the
// shared sources they add or change.
func (b *sourceBook) resolve(ctx context.Context, srcs []timeline.Source) error {
	for i := range srcs {
		s := &srcs[i]
		if s.ID == "" {
			id, err := b.docOf(ctx, *s)
			if err != nil {
				return err
			}
			if id != "" {
				s.ID = id
				continue
			}
			if s.ID, err = b.newID(ctx, *s); err != nil {
				return err
			}
			b.set(s.Shared(), true)
			continue
		}
		old, ok, err := b.byIDOf(ctx, s.ID)
		if err != nil {
			return err
		}
		if ok && old.SameDocument(*s) {
			continue
		}
		if ok {
			b.changed[s.ID] = true
		}
		b.set(s.Shared(), !ok)
	}
	return nil
}

// newID is the id of a new shared source with the fields of s: its DocumentID, unless
// the case has a source of that id already (edited since), else a fresh one.
func (b *sourceBook) newID(ctx context.Context, s timeline.Source) (string, error) {
	id := s.DocumentID()
	_, taken, err := b.byIDOf(ctx, id)
	if err != nil || !taken {
		return id, err
	}
	return timeline.NewID(), nil
}

// set records a shared source to write, new to the case or not.
func (b *sourceBook) set(s timeline.Source, isNew bool) {
	b.Remember(s)
	b.writes = append(b.writes, sharedWrite{s, isNew})
}

// takeWrites returns the sources to write and forgets them.
func (b *sourceBook) takeWrites() []sharedWrite {
	w := b.writes
	b.writes = nil
	return w
}

// writeShared writes shared sources to case_sources: runs of new ones many rows to a
// statement (a large import may add as many as it has events), the others over those
// of the same ids.
func writeShared(ctx context.Context, tx *sql.Tx, srcs []sharedWrite) error {
	if len(srcs) == 0 {
		return nil
	}
	ins := newMultiInsert(tx, "case_sources ("+sharedColumns+")", 7)
	defer ins.close()
	var args []any
	flush := func() error {
		err := ins.exec(ctx, args)
		args = args[:0]
		return err
	}
	for _, w := range srcs {
		s := w.src
		if w.isNew {
			args = append(args, s.ID, s.Title, s.URL, s.Publisher, s.Date, s.Reliability, s.Credibility)
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO case_sources ("+sharedColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (uid) DO UPDATE SET title = excluded.title, url = excluded.url, publisher = excluded.publisher,
			date = excluded.date, reliability = excluded.reliability, credibility = excluded.credibility`,
			s.ID, s.Title, s.URL, s.Publisher, s.Date, s.Reliability, s.Credibility); err != nil {
			return err
		}
	}
	return flush()
}

// propagate rewrites, through p, every event that cites a source the book changed with
// other fields than the book's; each such event gets a new version. It returns how many
// events it rewrote.
func (p *putter) propagate(ctx context.Context, b *sourceBook, now int64) (int, error) {
	if len(b.changed) == 0 {
		return 0, nil
	}
	ids := make([]string, 0, len(b.changed))
	for id := range b.changed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rowids, err := citingRows(ctx, p.tx, ids)
	if err != nil {
		return 0, err
	}
	n := 0
	for lo := 0; lo < len(rowids); lo += 500 {
		evs, err := eventsAt(ctx, p.tx, rowids[lo:min(lo+500, len(rowids))])
		if err != nil {
			return 0, err
		}
		for i := range evs {
			e := &evs[i]
			if !e.Recite(&b.SourceIndex, b.changed) {
				continue
			}
			st, err := p.lookup(ctx, e.ID)
			if err != nil {
				return 0, err
			}
			e.Version = 0
			if _, err := p.write(ctx, e, st, p.hash.sum(e), now); err != nil {
				return n, fmt.Errorf("event %s: %w", e.ID, err)
			}
			n++
		}
	}
	b.changed = map[string]bool{}
	return n, nil
}

// citingRows lists the row ids of the events that cite any of the shared sources ids, in
// sources rows or in sources_json (found by the text of the id's key there).
func citingRows(ctx context.Context, q querier, ids []string) ([]int64, error) {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		needle := string(appendJSONString([]byte(`"i":`), id))
		rows, err := q.QueryContext(ctx, `SELECT event_id FROM sources WHERE source_uid = ?
			UNION SELECT id FROM events WHERE sources_json IS NOT NULL AND instr(sources_json, ?) > 0`, id, needle)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r int64
			if err := rows.Scan(&r); err != nil {
				rows.Close()
				return nil, err
			}
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// eventsAt reads the events of these row ids.
func eventsAt(ctx context.Context, q querier, rowids []int64) ([]timeline.Event, error) {
	args := make([]any, len(rowids))
	for i, r := range rowids {
		args[i] = r
	}
	rows, err := q.QueryContext(ctx, "SELECT "+eventColumns+" FROM events e WHERE e.id IN ("+placeholders(len(rowids))+")", args...)
	if err != nil {
		return nil, err
	}
	return scanEvents(ctx, q, rows)
}

// Sources lists the case's shared sources, by title (then id).
func (s *Store) Sources(ctx context.Context) ([]timeline.Source, error) {
	var out []timeline.Source
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = querySources(ctx, tx, "SELECT "+sharedColumns+" FROM case_sources ORDER BY title COLLATE NOCASE, title, uid")
		return err
	})
	return out, err
}

// PutSource writes src over the case's shared source src.ID and every citation of it, in
// one transaction; changed is how many events that changed.
func (s *Store) PutSource(ctx context.Context, src timeline.Source) (changed int, err error) {
	if err := s.writeRefused(); err != nil {
		return 0, err
	}
	src = src.Normalized().Shared()
	if err := src.Validate(); err != nil {
		return 0, err
	}
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		p, err := prepare(ctx, tx)
		if err != nil {
			return err
		}
		defer p.close()
		old, ok, err := p.book.byIDOf(ctx, src.ID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("source %s: %w", src.ID, timeline.ErrNotFound)
		}
		if old.SameDocument(src) {
			return nil
		}
		p.book.changed[src.ID] = true
		p.book.set(src, false)
		if err := writeShared(ctx, tx, p.book.takeWrites()); err != nil {
			return err
		}
		changed, err = p.propagate(ctx, p.book, s.Now().UTC().Unix())
		return err
	})
	if err != nil && !errors.Is(err, timeline.ErrNotFound) {
		return 0, s.fail(err)
	}
	return changed, err
}

// shareSources is the Go step of migration 0009: it adds the columns of schema 9 where
// the case lacks them, then makes every source of every event a citation of a shared
// source, exact duplicates one source named by their timeline.Source.DocumentID.
func shareSources(ctx context.Context, tx *sql.Tx) error {
	for _, col := range []struct{ table, def string }{
		{"sources", "source_uid TEXT NOT NULL DEFAULT ''"},
		{"events", "notes TEXT NOT NULL DEFAULT ''"},
		{"case_info", "notes TEXT NOT NULL DEFAULT ''"},
	} {
		if err := addColumn(ctx, tx, col.table, col.def); err != nil {
			return err
		}
	}
	const jsonDoc = "coalesce(j.value ->> 't', ''), coalesce(j.value ->> 'u', ''), coalesce(j.value ->> 'p', ''), " +
		"coalesce(j.value ->> 'd', ''), coalesce(j.value ->> 'r', ''), coalesce(j.value ->> 'c', 0)"
	for _, q := range []string{
		"CREATE INDEX IF NOT EXISTS sources_shared ON sources (source_uid)",
		`INSERT OR IGNORE INTO case_sources (` + sharedColumns + `)
		SELECT chronoscope_source_id(title, url, publisher, date, reliability, credibility), title, url, publisher, date, reliability, credibility
		FROM (SELECT title, url, publisher, date, reliability, credibility FROM sources WHERE source_uid = ''
			UNION SELECT ` + jsonDoc + ` FROM events e, json_each(e.sources_json) j WHERE e.sources_json IS NOT NULL AND j.value ->> 'i' IS NULL)`,
		"UPDATE sources SET source_uid = chronoscope_source_id(title, url, publisher, date, reliability, credibility) WHERE source_uid = ''",
		`UPDATE events SET sources_json = (SELECT json_group_array(json_set(j.value, '$.i', coalesce(j.value ->> 'i', chronoscope_source_id(` + jsonDoc + `))))
			FROM json_each(events.sources_json) j)
		WHERE sources_json IS NOT NULL`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// addColumn adds the column def (its name first) to table where the table lacks it.
func addColumn(ctx context.Context, tx *sql.Tx, table, def string) error {
	name, _, _ := strings.Cut(def, " ")
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", table, name).Scan(&n); err != nil || n > 0 {
		return err
	}
	_, err := tx.ExecContext(ctx, "ALTER TABLE "+table+" ADD COLUMN "+def)
	return err
}
