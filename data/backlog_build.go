package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// nameIDs caches the ids of actor and tag names during a BuildIndex.
type nameIDs struct {
	actors, tags map[string]int64
}

// id returns the id of name in table (actors or tags), adding the name when it is new.
func (n *nameIDs) id(ctx context.Context, tx *sql.Tx, table string, name string) (int64, error) {
	cache := &n.actors
	if table == "tags" {
		cache = &n.tags
	}
	if *cache == nil {
		*cache = map[string]int64{}
	}
	if id, ok := (*cache)[name]; ok {
		return id, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, "INSERT INTO "+table+" (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id", name).Scan(&id)
	if err != nil {
		return 0, err
	}
	(*cache)[name] = id
	return id, nil
}

// buildLinks writes the actor and tag links of the events lo..hi from their packed
// names, replacing any a row-at-a-time write gave them meanwhile.
func (b *builder) buildLinks(ctx context.Context, tx *sql.Tx, lo, hi int64) error {
	for _, q := range []string{"DELETE FROM event_actors WHERE event_id BETWEEN ? AND ?", "DELETE FROM event_tags WHERE event_id BETWEEN ? AND ?"} {
		if _, err := tx.ExecContext(ctx, q, lo, hi); err != nil {
			return err
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, names FROM events WHERE id BETWEEN ? AND ? ORDER BY id", lo, hi)
	if err != nil {
		return err
	}
	type packed struct {
		id    int64
		names string
	}
	var evs []packed
	for rows.Next() {
		var p packed
		if err := rows.Scan(&p.id, &p.names); err != nil {
			rows.Close()
			return err
		}
		evs = append(evs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	insActors := newMultiInsert(tx, "event_actors (event_id, actor_id, pos)", 3)
	defer insActors.close()
	insTags := newMultiInsert(tx, "event_tags (event_id, tag_id, pos)", 3)
	defer insTags.close()
	var actorArgs, tagArgs []any
	for _, e := range evs {
		actors, tags, _ := strings.Cut(e.names, listSep)
		for _, l := range []struct {
			list  string
			table string
			args  *[]any
		}{{actors, "actors", &actorArgs}, {tags, "tags", &tagArgs}} {
			if l.list == "" {
				continue
			}
			for pos, name := range strings.Split(l.list, nameSep) {
				id, err := b.names.id(ctx, tx, l.table, name)
				if err != nil {
					return fmt.Errorf("link event %d to %s %q: %w", e.id, l.table, name, err)
				}
				*l.args = append(*l.args, e.id, id, pos)
			}
		}
		if len(actorArgs) >= 3*maxMultiRows {
			if err := insActors.exec(ctx, actorArgs); err != nil {
				return err
			}
			actorArgs = actorArgs[:0]
		}
		if len(tagArgs) >= 3*maxMultiRows {
			if err := insTags.exec(ctx, tagArgs); err != nil {
				return err
			}
			tagArgs = tagArgs[:0]
		}
	}
	if err := insActors.exec(ctx, actorArgs); err != nil {
		return err
	}
	return insTags.exec(ctx, tagArgs)
}

// Full-text fields of an event row (alias e) in SQL, as ftsRow writes them before ftsText:
// the packed names split into actors and tags, and the sources' titles and publishers.
const (
	ftsActorsSQL  = "replace(substr(e.names, 1, instr(e.names, char(30)) - 1), char(31), ' ')"
	ftsTagsSQL    = "replace(substr(e.names, instr(e.names, char(30)) + 1), char(31), ' ')"
	ftsSourcesSQL = "coalesce((SELECT group_concat(s.title || ' ' || s.publisher, ' ' ORDER BY s.pos) FROM sources s WHERE s.event_id = e.id), " +
		sourcesJSONText + ", '')"
	// ftsAsIs holds for an event none of whose text has a character from U+1100 on:
	// ftsText leaves such text as it is (timeline.IsCJK), so SQLite copies it straight.
	ftsAsIs = "NOT ((e.title || e.description || e.names || " + ftsSourcesSQL + ") GLOB ('*[' || char(4352) || '-' || char(1114111) || ']*'))"
)

// buildText writes the full-text rows of the events lo..hi, replacing any a
// row-at-a-time write gave them meanwhile. The rows whose text ftsText leaves as it is
// are copied by SQLite in one statement; the few others go through ftsText here.
func buildText(ctx context.Context, tx *sql.Tx, lo, hi int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM events_fts WHERE docid BETWEEN ? AND ?", lo, hi); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO events_fts (docid, title, description, actors, tags, sources)
		SELECT e.id, e.title, e.description, `+ftsActorsSQL+", "+ftsTagsSQL+", "+ftsSourcesSQL+`
		FROM events e WHERE e.id BETWEEN ? AND ? AND `+ftsAsIs+" ORDER BY e.id", lo, hi); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT e.id, e.title, e.description, "+ftsActorsSQL+", "+ftsTagsSQL+", "+ftsSourcesSQL+
		" FROM events e WHERE e.id BETWEEN ? AND ? AND NOT "+ftsAsIs+" ORDER BY e.id", lo, hi)
	if err != nil {
		return err
	}
	var args []any
	for rows.Next() {
		var id int64
		var f [5]string
		if err := rows.Scan(&id, &f[0], &f[1], &f[2], &f[3], &f[4]); err != nil {
			rows.Close()
			return err
		}
		args = append(args, id)
		for _, v := range f {
			args = append(args, ftsText(v))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ins := newMultiInsert(tx, "events_fts (docid, title, description, actors, tags, sources)", 6)
	defer ins.close()
	return ins.exec(ctx, args)
}
