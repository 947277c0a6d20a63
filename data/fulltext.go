package data

import (
	"context"
	"database/sql"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// ftsText is what the full-text index is given of one field: the text with every CJK
// character spaced apart (timeline.SpaceCJK), so unicode61 makes each one a token and a
// query matches a run of them anywhere (see ftsQuery).
func ftsText(s string) string { return timeline.SpaceCJK(s) }

// ftsQuery turns what an analyst types into an FTS4 query over timeline.SearchWords: every
// word must match, the last one as a prefix (so results follow the typing); a CJK word is
// a phrase of its characters, found anywhere inside a run; no character of the text can
// act as query syntax.
func ftsQuery(text string) string {
	words := timeline.SearchWords(text)
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		if timeline.IsCJKWord(w) {
			w = strings.Join(strings.Fields(timeline.SpaceCJK(w)), " ")
		}
		if i == len(words)-1 {
			w += "*"
		}
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

// migrationSteps are Go steps of migrations, run after the migration's SQL in its
// transaction, by schema version.
var migrationSteps = map[int]func(ctx context.Context, tx *sql.Tx) error{
	5: respaceCJK,
	8: addImportColumns,
	9: shareSources,
}

// respaceCJK writes again, through ftsText, the full-text rows of a case made before
// schema 5 that hold CJK text.
func respaceCJK(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT docid, title, description, actors, tags, sources FROM events_fts")
	if err != nil {
		return err
	}
	type ftsRow struct {
		docid int64
		cols  [5]string
	}
	var redo []ftsRow
	for rows.Next() {
		var r ftsRow
		if err := rows.Scan(&r.docid, &r.cols[0], &r.cols[1], &r.cols[2], &r.cols[3], &r.cols[4]); err != nil {
			rows.Close()
			return err
		}
		changed := false
		for i, c := range r.cols {
			if spaced := ftsText(c); spaced != c {
				r.cols[i], changed = spaced, true
			}
		}
		if changed {
			redo = append(redo, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range redo {
		if _, err := tx.ExecContext(ctx, "UPDATE events_fts SET title = ?, description = ?, actors = ?, tags = ?, sources = ? WHERE docid = ?",
			r.cols[0], r.cols[1], r.cols[2], r.cols[3], r.cols[4], r.docid); err != nil {
			return err
		}
	}
	return nil
}
