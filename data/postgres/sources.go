package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/chronoscope/chronoscope/timeline"
)

// A shared case's sources (migration 0004) are the distinct ids of its citations: each
// object of events.sources names its source by "id" and keeps a copy of the source's
// fields beside its own quote. A write resolves the citations of its events with a
// sourceBook before copying them in: a citation with no id takes the id of a citation of
// the case with the same fields (or a new one); one whose id the case holds with other
// fields changes that source, and before the write commits every other citation of it
// is rewritten (propagate).

// sourceBook is what one write knows of the case's shared sources.
type sourceBook struct {
	timeline.SourceIndex
	changed map[string]bool // ids the case held with other fields
}

func newSourceBook() *sourceBook {
	return &sourceBook{changed: map[string]bool{}}
}

// citationJSON is the containment pattern of one citation: [{key: value}].
func citationJSON(key, value string) string {
	b, _ := json.Marshal([]map[string]string{{key: value}})
	return string(b)
}

// findSource reads the case's source id, ok false when no citation has it.
func (s *Store) findSource(ctx context.Context, q pgx.Tx, id string) (timeline.Source, bool, error) {
	var raw []byte
	err := q.QueryRow(ctx, `SELECT x.s FROM chronoscope.events e, jsonb_array_elements(e.sources) x(s)
		WHERE e.case_id = $1 AND e.sources @> $2::jsonb AND x.s ->> 'id' = $3 LIMIT 1`,
		s.caseID, citationJSON("id", id), id).Scan(&raw)
	if err == pgx.ErrNoRows {
		return timeline.Source{}, false, nil
	}
	if err != nil {
		return timeline.Source{}, false, err
	}
	var sj sourceJSON
	if err := json.Unmarshal(raw, &sj); err != nil {
		return timeline.Source{}, false, err
	}
	return timeline.Source(sj).Shared(), true, nil
}

// findDocument reads the id of a citation of the case with the fields of src, "" when
// there is none.
func (s *Store) findDocument(ctx context.Context, q pgx.Tx, src timeline.Source) (string, error) {
	pattern := src.Shared()
	pattern.ID = ""
	b, err := json.Marshal([]sourceJSON{sourceJSON(pattern)})
	if err != nil {
		return "", err
	}
	var id string
	err = q.QueryRow(ctx, `SELECT x.s ->> 'id' FROM chronoscope.events e, jsonb_array_elements(e.sources) x(s)
		WHERE e.case_id = $1 AND e.sources @> $2::jsonb AND coalesce(x.s ->> 'title', '') = $3
		AND coalesce(x.s ->> 'url', '') = $4 AND coalesce(x.s ->> 'publisher', '') = $5 AND coalesce(x.s ->> 'date', '') = $6
		AND coalesce(x.s ->> 'reliability', '') = $7 AND coalesce((x.s ->> 'credibility')::int, 0) = $8
		AND x.s ? 'id' ORDER BY e.id LIMIT 1`,
		s.caseID, string(b), src.Title, src.URL, src.Publisher, src.Date, src.Reliability, src.Credibility).Scan(&id)
	if err == pgx.ErrNoRows {
		return "", nil
	}
	return id, err
}

// resolve gives each citation of srcs the id of its shared source, and records the
// sources they change.
func (b *sourceBook) resolve(ctx context.Context, s *Store, tx pgx.Tx, srcs []timeline.Source) error {
	for i := range srcs {
		c := &srcs[i]
		if c.ID == "" {
			id, ok := b.ByDocument(*c)
			if !ok {
				var err error
				if id, err = s.findDocument(ctx, tx, *c); err != nil {
					return err
				}
				if _, known := b.ByID(id); id != "" && known {
					id = "" // the write gave that source other fields
				}
			}
			if id == "" {
				var err error
				if id, err = b.newID(ctx, s, tx, *c); err != nil {
					return err
				}
			}
			c.ID = id
			b.Remember(*c)
			continue
		}
		old, known := b.ByID(c.ID)
		if !known {
			var err error
			var ok bool
			if old, ok, err = s.findSource(ctx, tx, c.ID); err != nil {
				return err
			}
			if !ok {
				b.Remember(*c)
				continue
			}
			b.Remember(old)
		}
		if !old.SameDocument(*c) {
			b.changed[c.ID] = true
			b.Remember(*c)
		}
	}
	return nil
}

// newID is the id of a new shared source with the fields of c: its DocumentID, unless
// the case (or the write) has a source of that id already (edited since), else a fresh
// one.
func (b *sourceBook) newID(ctx context.Context, s *Store, tx pgx.Tx, c timeline.Source) (string, error) {
	id := c.DocumentID()
	if _, known := b.ByID(id); known {
		return timeline.NewID(), nil
	}
	_, taken, err := s.findSource(ctx, tx, id)
	if err != nil || !taken {
		return id, err
	}
	return timeline.NewID(), nil
}

// propagate rewrites every event of the case that cites a source the book changed with
// other fields than the book's, each with a new version; it returns how many it rewrote.
func (b *sourceBook) propagate(ctx context.Context, s *Store, tx pgx.Tx, now int64) (int, error) {
	ids := make([]string, 0, len(b.changed))
	for id := range b.changed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	n := 0
	for _, id := range ids {
		rows, err := tx.Query(ctx, "SELECT "+eventColumns+" FROM chronoscope.events e WHERE e.case_id = $1 AND e.sources @> $2::jsonb",
			s.caseID, citationJSON("id", id))
		if err != nil {
			return n, err
		}
		evs, err := scanEvents(rows, nil)
		if err != nil {
			return n, err
		}
		for i := range evs {
			e := &evs[i]
			if !e.Recite(&b.SourceIndex, b.changed) {
				continue
			}
			d, err := derive(e)
			if err != nil {
				return n, err
			}
			if _, err := tx.Exec(ctx, `UPDATE chronoscope.events SET sources = $3, search = $4, cjk = $5, hash = $6,
				version = version + 1, updated = $7 WHERE case_id = $1 AND uid = $2`,
				s.caseID, e.ID, d.sources, d.search, d.cjk, d.hash, now); err != nil {
				return n, fmt.Errorf("event %s: %w", e.ID, err)
			}
			n++
		}
	}
	b.changed = map[string]bool{}
	return n, nil
}

// Sources lists the case's shared sources, by title (then id).
func (s *Store) Sources(ctx context.Context) ([]timeline.Source, error) {
	var out []timeline.Source
	err := s.read(ctx, "read the sources", func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT DISTINCT ON (x.s ->> 'id') x.s FROM chronoscope.events e, jsonb_array_elements(e.sources) x(s)
			WHERE e.case_id = $1 ORDER BY x.s ->> 'id', e.id`, s.caseID)
		if err != nil {
			return err
		}
		var raw []byte
		_, err = pgx.ForEachRow(rows, []any{&raw}, func() error {
			var sj sourceJSON
			if err := json.Unmarshal(raw, &sj); err != nil {
				return err
			}
			out = append(out, timeline.Source(sj).Shared())
			return nil
		})
		return err
	})
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Title), strings.ToLower(out[j].Title)
		if a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

// PutSource writes src over the case's shared source src.ID and every citation of it, in
// one transaction; changed is how many events that changed.
func (s *Store) PutSource(ctx context.Context, src timeline.Source) (changed int, err error) {
	src = src.Normalized().Shared()
	if err := src.Validate(); err != nil {
		return 0, err
	}
	err = s.write(ctx, "save the source", func(tx pgx.Tx) error {
		old, ok, err := s.findSource(ctx, tx, src.ID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("source %s: %w", src.ID, timeline.ErrNotFound)
		}
		if old.SameDocument(src) {
			return nil
		}
		b := newSourceBook()
		b.Remember(src)
		b.changed[src.ID] = true
		changed, err = b.propagate(ctx, s, tx, s.Now().UTC().Unix())
		return err
	})
	return changed, err
}
