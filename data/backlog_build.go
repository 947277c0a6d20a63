package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
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
// names, replacing any a row-at-a-time write gave them meanwhile. (Done in SQL, with the
// names as JSON arrays, it took twice as long: each name list is read twice, for the
// names and for the links.)
func (b *builder) buildLinks(ctx context.Context, tx *sql.Tx, lo, hi int64) error {
	for _, q := range []string{"DELETE FROM event_actors WHERE event_id BETWEEN ? AND ?", "DELETE FROM event_tags WHERE event_id BETWEEN ? AND ?"} {
		if _, err := tx.ExecContext(ctx, q, lo, hi); err != nil {
			return err
		}
	}
	return b.linksInGo(ctx, tx, lo, hi)
}

// linksInGo writes the links of the events lo..hi, with the ids of their names cached.
func (b *builder) linksInGo(ctx context.Context, tx *sql.Tx, lo, hi int64) error {
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
	}
	if err := insActors.exec(ctx, actorArgs); err != nil {
		return err
	}
	return insTags.exec(ctx, tagArgs)
}

// flagPlain is the bit of events.flags of an event whose full-text fields hold no
// character from U+1100 on, so that ftsText leaves them as they are (timeline.IsCJK):
// its full-text row is built by SQLite alone. Every write of an event row sets it or
// not (appendEventRow); events written before the bit was (older cases, schema 8 ones
// too) lack it, and their rows are built through Go instead: slower, the same rows.
const flagPlain = 1 << 9

// plainFlag is flagPlain for e, or 0.
func plainFlag(e *timeline.Event) int {
	for _, s := range [...]string{e.Title, e.Description, e.Notes} {
		if !plainText(s) {
			return 0
		}
	}
	for _, list := range [...][]string{e.Actors, e.Tags} {
		for _, n := range list {
			if !plainText(n) {
				return 0
			}
		}
	}
	for _, src := range e.Sources {
		if !plainText(src.Title) || !plainText(src.Publisher) {
			return 0
		}
	}
	return flagPlain
}

// plainText reports whether s holds no character from U+1100 on that ftsText spaces out:
// a byte below 0xE1 cannot begin one, so most text is passed over a byte at a time.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE1 {
			return strings.IndexFunc(s[i:], timeline.IsCJK) < 0
		}
	}
	return true
}

// Full-text fields of an event row (alias e) in SQL, as ftsRow writes them before ftsText:
// the packed names split into actors and tags, and the sources' titles and publishers.
const (
	ftsActorsSQL  = "replace(substr(e.names, 1, instr(e.names, char(30)) - 1), char(31), ' ')"
	ftsTagsSQL    = "replace(substr(e.names, instr(e.names, char(30)) + 1), char(31), ' ')"
	ftsSourcesSQL = "coalesce((SELECT group_concat(s.title || ' ' || s.publisher, ' ' ORDER BY s.pos) FROM sources s WHERE s.event_id = e.id), " +
		sourcesJSONText + ", '')"
)

// buildText writes the full-text rows of the events lo..hi, replacing any a
// row-at-a-time write gave them meanwhile. The plain ones (flagPlain) are copied by
// SQLite in one statement; the few others go through ftsText here.
func buildText(ctx context.Context, tx *sql.Tx, lo, hi int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM events_fts WHERE docid BETWEEN ? AND ?", lo, hi); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO events_fts (docid, title, description, actors, tags, sources)
		SELECT e.id, e.title, `+ftsDescriptionSQL+`, `+ftsActorsSQL+", "+ftsTagsSQL+", "+ftsSourcesSQL+`
		FROM events e WHERE e.id BETWEEN ? AND ? AND e.flags & ? <> 0 ORDER BY e.id`, lo, hi, flagPlain); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT e.id, e.title, "+ftsDescriptionSQL+", "+ftsActorsSQL+", "+ftsTagsSQL+", "+ftsSourcesSQL+
		" FROM events e WHERE e.id BETWEEN ? AND ? AND e.flags & ? = 0 ORDER BY e.id", lo, hi, flagPlain)
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
