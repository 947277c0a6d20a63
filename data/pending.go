package data

import (
	"context"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// While the backlog (backlog.go) holds a range of events whose full-text rows or links
// are not built yet, the conditions below read those events' own columns instead, so that
// every search and filter stays exact: the index for the events built, a scan of the
// others.

// searchConditions are the conditions (on events e) of f's search, actors and tags, read
// in q's snapshot.
func searchConditions(ctx context.Context, q querier, f timeline.Filter) ([]string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a []any, err error) error {
		if err == nil && cond != "" {
			conds, args = append(conds, cond), append(args, a...)
		}
		return err
	}
	if err := add(textCondition(ctx, q, f.Query)); err != nil {
		return nil, nil, err
	}
	for _, n := range []struct {
		kind  timeline.NameKind
		names []string
	}{{timeline.ActorNames, f.Actors}, {timeline.TagNames, f.Tags}} {
		if len(n.names) == 0 {
			continue
		}
		if err := add(nameCondition(ctx, q, n.kind, n.names)); err != nil {
			return nil, nil, err
		}
	}
	return conds, args, nil
}

// textCondition is the condition (on events e) of a full-text search for text, read in
// q's snapshot, or "" when text has no word.
func textCondition(ctx context.Context, q querier, text string) (string, []any, error) {
	fq := ftsQuery(text)
	if fq == "" {
		return "", nil, nil
	}
	cond := "e.id IN (SELECT docid FROM events_fts WHERE events_fts MATCH ?)"
	lo, hi, ok, err := pendingRange(ctx, q, partText)
	if err != nil || !ok {
		return cond, []any{fq}, err
	}
	return "(" + cond + " OR (e.id BETWEEN ? AND ? AND chronoscope_match(?, e.title, " + ftsDescriptionSQL + ", e.names, " + ftsSourcesSQL + ")))",
		[]any{fq, lo, hi, text}, nil
}

// nameCondition is the condition (on events e) that keeps events with at least one of
// names among their actors (kind timeline.ActorNames) or tags, read in q's snapshot.
func nameCondition(ctx context.Context, q querier, kind timeline.NameKind, names []string) (string, []any, error) {
	links, table, key, packed := "event_actors", "actors", "actor_id", "substr(e.names, 1, instr(e.names, char(30)) - 1)"
	if kind == timeline.TagNames {
		links, table, key, packed = "event_tags", "tags", "tag_id", "substr(e.names, instr(e.names, char(30)) + 1)"
	}
	cond := "e.id IN (SELECT l.event_id FROM " + links + " l JOIN " + table + " n ON n.id = l." + key +
		" WHERE n.name IN (" + placeholders(len(names)) + "))"
	args := make([]any, 0, 2*len(names)+2)
	for _, n := range names {
		args = append(args, n)
	}
	lo, hi, ok, err := pendingRange(ctx, q, partLinks)
	if err != nil || !ok {
		return cond, args, err
	}
	// The packed list, with a separator on each side, holds the name between two. No
	// event has an empty name.
	terms := []string{"0"}
	args = append(args, lo, hi)
	for _, n := range names {
		if n != "" {
			terms = append(terms, "instr(char(31) || "+packed+" || char(31), char(31) || ? || char(31)) > 0")
			args = append(args, n)
		}
	}
	return "(" + cond + " OR (e.id BETWEEN ? AND ? AND (" + strings.Join(terms, " OR ") + ")))", args, nil
}

// gradeCondition is the condition (on events e) that keeps events with a source graded
// at least f's MinReliability and MinCredibility, in the sources table or in
// sources_json; "" when f asks for no grade.
func gradeCondition(f timeline.Filter) (string, []any) {
	if f.MinReliability == "" && f.MinCredibility <= 0 {
		return "", nil
	}
	var rows, inJSON []string
	var args []any
	if f.MinReliability != "" {
		rows = append(rows, "s.reliability <> '' AND s.reliability <= ?")
		inJSON = append(inJSON, "coalesce(j.value->>'r', '') <> '' AND j.value->>'r' <= ?")
		args = append(args, strings.ToUpper(f.MinReliability))
	}
	if f.MinCredibility > 0 {
		rows = append(rows, "s.credibility BETWEEN 1 AND ?")
		inJSON = append(inJSON, "coalesce(j.value->>'c', 0) BETWEEN 1 AND ?")
		args = append(args, f.MinCredibility)
	}
	return "(EXISTS (SELECT 1 FROM sources s WHERE s.event_id = e.id AND " + strings.Join(rows, " AND ") + ") OR " +
		"EXISTS (SELECT 1 FROM json_each(e.sources_json) j WHERE " + strings.Join(inJSON, " AND ") + "))", append(args, args...)
}
