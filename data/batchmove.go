package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// moveOut moves the events batch b added, and their sources rows, into the batch's own
// tables (undoneTables), and removes them and what derives from them from the case.
func (b batchRow) moveOut(ctx context.Context, tx *sql.Tx) error {
	evs, srcs := undoneTables(b.id)
	for _, q := range []string{
		`CREATE TABLE "` + evs + `" AS SELECT * FROM events WHERE id BETWEEN ? AND ? AND batch = ?`,
		`CREATE TABLE "` + srcs + `" AS SELECT s.* FROM sources s WHERE s.event_id BETWEEN ? AND ?
			AND s.event_id IN (SELECT id FROM events WHERE id BETWEEN ? AND ? AND batch = ?)`,
	} {
		args := []any{b.first, b.last, b.id}
		if strings.Contains(q, srcs) {
			args = []any{b.first, b.last, b.first, b.last, b.id}
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	var total int64
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&total); err != nil {
		return err
	}
	if total == b.added {
		return clearAll(ctx, tx)
	}
	return removeSome(ctx, tx, evs, total-b.added)
}

// clearAll empties the case's events and what derives from them, each table at once
// (SQLite drops a table's pages when a DELETE has no WHERE and the table no trigger;
// the triggers of events are set aside meanwhile, in the same transaction).
func clearAll(ctx context.Context, tx *sql.Tx) error {
	triggers, err := queryStrings(ctx, tx, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
	if err != nil {
		return err
	}
	names, err := queryStrings(ctx, tx, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
	if err != nil {
		return err
	}
	var steps []string
	for _, n := range names {
		steps = append(steps, `DROP TRIGGER "`+n+`"`)
	}
	steps = append(steps, "DELETE FROM event_actors", "DELETE FROM event_tags", "DELETE FROM sources", "DELETE FROM events",
		"DELETE FROM backlog WHERE part IN ('text', 'links')")
	steps = append(steps, triggers...)
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := newFullText(ctx, tx); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM backlog WHERE part = ? AND NOT EXISTS (SELECT 1 FROM backlog WHERE part <> ?)", partTotal, partTotal)
	return err
}

// removeSome removes from the case the events listed in table evs, and what derives from
// them; left events stay. When more full-text rows would go than stay, the full-text
// index is made again for those that stay, in the background (the backlog).
func removeSome(ctx context.Context, tx *sql.Tx, evs string, left int64) error {
	in := ` IN (SELECT id FROM "` + evs + `")`
	var doomed int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM "`+evs+`"`).Scan(&doomed); err != nil {
		return err
	}
	steps := []string{"DELETE FROM event_actors WHERE event_id" + in, "DELETE FROM event_tags WHERE event_id" + in,
		"DELETE FROM sources WHERE event_id" + in}
	rebuildText := doomed > left
	if !rebuildText {
		steps = append(steps, "DELETE FROM events_fts WHERE docid"+in)
	}
	steps = append(steps, "DELETE FROM events WHERE id"+in)
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if !rebuildText {
		return nil
	}
	if err := newFullText(ctx, tx); err != nil {
		return err
	}
	var lo, hi sql.NullInt64
	if err := tx.QueryRowContext(ctx, "SELECT min(id), max(id) FROM events").Scan(&lo, &hi); err != nil || !lo.Valid {
		return err
	}
	return plan(ctx, tx, lo.Int64, hi.Int64, nil, partText)
}

// newFullText makes the full-text table again, empty: dropping it frees its pages at
// once, where deleting its rows reads each again.
func newFullText(ctx context.Context, tx *sql.Tx) error {
	var create string
	if err := tx.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE name = 'events_fts'").Scan(&create); err != nil {
		return err
	}
	for _, q := range []string{"DROP TABLE events_fts", create} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// moveIn puts the events of undone batch b back from its tables, under new row ids when
// others took theirs meanwhile, and plans their full text and links for the background.
func (b batchRow) moveIn(ctx context.Context, tx *sql.Tx) error {
	evs, srcs := undoneTables(b.id)
	var again, taken int64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM events WHERE uid IN (SELECT uid FROM "`+evs+`")),
		(SELECT count(*) FROM events WHERE id IN (SELECT id FROM "`+evs+`"))`).Scan(&again, &taken); err != nil {
		return err
	}
	if again > 0 {
		return fmt.Errorf("%w: %d of its events were added again since", timeline.ErrBatchChanged, again)
	}
	var shift int64
	if taken > 0 {
		var top sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT max(id) FROM events").Scan(&top); err != nil {
			return err
		}
		shift = top.Int64 + 1 - b.first
	}
	eventCols, err := queryStrings(ctx, tx, "SELECT name FROM pragma_table_info('events') ORDER BY cid")
	if err != nil {
		return err
	}
	sourceCols, err := queryStrings(ctx, tx, "SELECT name FROM pragma_table_info('sources') WHERE name <> 'id' ORDER BY cid")
	if err != nil {
		return err
	}
	shifted := func(cols []string, key string) string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = `"` + c + `"`
			if c == key {
				out[i] = fmt.Sprintf(`"%s" + %d`, c, shift)
			}
		}
		return strings.Join(out, ", ")
	}
	for _, q := range []string{
		"INSERT INTO events (" + strings.Join(eventCols, ", ") + ") SELECT " + shifted(eventCols, "id") + ` FROM "` + evs + `" ORDER BY id`,
		"INSERT INTO sources (" + strings.Join(sourceCols, ", ") + ") SELECT " + shifted(sourceCols, "event_id") + ` FROM "` + srcs + `" ORDER BY id`,
		`DROP TABLE "` + evs + `"`, `DROP TABLE "` + srcs + `"`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE batches SET first_id = ?, last_id = ? WHERE id = ?", b.first+shift, b.last+shift, b.id); err != nil {
		return err
	}
	return planBacklog(ctx, tx, b.first+shift, b.last+shift, nil)
}
