package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/chronoscope/chronoscope/timeline"
)

// maxProblems bounds the events a check lists.
const maxProblems = 20

// Check verifies the shared case and what holds it, reading only: every table of the
// schema keeps row-level security on, with its policies; no index is left invalid; and
// every event of the case reads back (its dates parse, its sources and attributes are
// JSON) with the content hash and search columns this Chronoscope writes for it (an event
// changed behind its back, in SQL, is found here; a search would no longer find it).
// progress is told of the events read.
func (s *Store) Check(ctx context.Context, progress timeline.Progress) (timeline.CheckReport, error) {
	var rep timeline.CheckReport
	if err := s.checkSchemaObjects(ctx, &rep); err != nil {
		return rep, describe("check", err)
	}
	total, err := s.Count(ctx, timeline.Filter{})
	if err != nil {
		return rep, err
	}
	err = s.read(ctx, "check", func(tx pgx.Tx) error {
		last := int64(0)
		for {
			type stored struct{ hash, search, cjk string }
			var kept []stored
			var hash, search, cjk string
			rows, err := tx.Query(ctx, "SELECT "+eventColumns+", e.hash, e.search, e.cjk FROM chronoscope.events e WHERE e.case_id = $1 AND e.id > $2 ORDER BY e.id LIMIT $3",
				s.caseID, last, eachPage)
			if err != nil {
				return err
			}
			evs, err := scanEventsWith(rows, func(id int64) {
				last = id
				kept = append(kept, stored{hash, search, cjk})
			}, &hash, &search, &cjk)
			if err != nil {
				rep.Problems = append(rep.Problems, fmt.Sprintf("events after row %d cannot be read: %v", last, err))
				return nil
			}
			for i := range evs {
				if p := checkEvent(&evs[i], kept[i].hash, kept[i].search, kept[i].cjk); p != "" && len(rep.Problems) < maxProblems {
					rep.Problems = append(rep.Problems, p)
				}
			}
			rep.Events += len(evs)
			if progress != nil {
				progress(rep.Events, total)
			}
			if len(evs) < eachPage {
				return nil
			}
		}
	})
	return rep, err
}

// checkEvent says what is wrong with an event read back with its stored hash and search
// columns, or "".
func checkEvent(e *timeline.Event, hash, search, cjk string) string {
	if err := e.Validate(); err != nil {
		return fmt.Sprintf("event %s: %v", e.ID, err)
	}
	d, err := derive(e)
	switch {
	case err != nil:
		return fmt.Sprintf("event %s: %v", e.ID, err)
	case d.hash != hash:
		return fmt.Sprintf("event %s was changed without Chronoscope (its content hash differs): save it again from Chronoscope", e.ID)
	case d.search != search || d.cjk != cjk:
		return fmt.Sprintf("event %s: its search words are not those of its text, so searches miss it: save it again from Chronoscope", e.ID)
	}
	return ""
}

// checkSchemaObjects checks that every table keeps row-level security and no index is
// invalid.
func (s *Store) checkSchemaObjects(ctx context.Context, rep *timeline.CheckReport) error {
	rows, err := s.pool.Query(ctx, `SELECT c.relname, c.relrowsecurity,
			(SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'chronoscope' AND p.tablename = c.relname)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'chronoscope' AND c.relkind = 'r' ORDER BY c.relname`)
	if err != nil {
		return err
	}
	var name string
	var rls bool
	var policies int
	_, err = pgx.ForEachRow(rows, []any{&name, &rls, &policies}, func() error {
		rep.Tables++
		if !rls || policies == 0 {
			rep.Problems = append(rep.Problems, fmt.Sprintf("table %s: row-level security is off or has no policy: members of other cases could read it", name))
		}
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = s.pool.Query(ctx, `SELECT i.indexrelid::regclass::text FROM pg_index i
		JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'chronoscope' AND NOT i.indisvalid`)
	if err != nil {
		return err
	}
	_, err = pgx.ForEachRow(rows, []any{&name}, func() error {
		rep.Problems = append(rep.Problems, fmt.Sprintf("index %s is invalid (an interrupted CREATE INDEX CONCURRENTLY?): an administrator runs REINDEX", name))
		return nil
	})
	return err
}
