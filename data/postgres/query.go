package postgres

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/chronoscope/chronoscope/timeline"
)

// fold is a word as search compares it, as SQLite's unicode61 tokenizer does: lower
// case, and the accents of Latin letters taken off (café is cafe; й and ё stay what they
// are). NFC at the end puts Greek, Hangul and the rest back together.
func fold(s string) string {
	s = strings.ToLower(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var base rune
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			if unicode.Is(unicode.Latin, base) {
				continue
			}
		} else {
			base = r
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// searchText is the events.search column of e: the folded words of what an analyst
// searches for (title, description, actors, tags, sources' titles and publishers; not
// the place, a source's address or its quote), one space between words; and the
// events.cjk column, those of the words that are CJK text.
func searchText(e *timeline.Event) (search, cjk string) {
	var b, c strings.Builder
	add := func(text string) {
		for _, w := range timeline.SearchWords(text) {
			f := fold(w)
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(f)
			if timeline.IsCJKWord(w) {
				if c.Len() > 0 {
					c.WriteByte(' ')
				}
				c.WriteString(f)
			}
		}
	}
	add(e.Title)
	add(e.Description)
	add(e.Notes)
	for _, l := range [][]string{e.Actors, e.Tags} {
		for _, n := range l {
			add(n)
		}
	}
	for _, s := range e.Sources {
		add(s.Title)
		add(s.Publisher)
	}
	return b.String(), c.String()
}

// textQuery is what an analyst typed, as the matching function takes it: words is a
// tsquery of every word that is not CJK (the last one a prefix, so results follow the
// typing), likes the LIKE patterns of the CJK words, found anywhere inside a run. Both
// empty when the text has no word. No character of the text can act as query syntax:
// the words hold only letters, digits and marks.
type textQuery struct {
	words string
	likes []string
}

func parseQuery(text string) textQuery {
	var q textQuery
	var terms []string
	words := timeline.SearchWords(text)
	for i, w := range words {
		f := fold(w)
		if timeline.IsCJKWord(w) {
			q.likes = append(q.likes, "%"+f+"%")
			continue
		}
		lexeme := "'" + f + "'"
		if i == len(words)-1 {
			lexeme += ":*"
		}
		terms = append(terms, lexeme)
	}
	q.words = strings.Join(terms, " & ")
	return q
}

// where builds the WHERE clause (on alias e) of f for case c, and its arguments ($1 is
// the case). The window, the words and the actor and tag names are run on their indexes
// by chronoscope.matching (row-level security keeps the planner from using an index for
// them here); the lanes and grades are plain conditions on the rows it gives.
func where(c int64, f timeline.Filter) (string, []any) {
	args := []any{c}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	conds := []string{"e.case_id = $1"}
	var lo, hi *int64
	if f.HasFrom {
		lo = &f.From
	}
	if f.HasTo {
		hi = &f.To
	}
	q := parseQuery(f.Query)
	var words *string
	if q.words != "" {
		words = &q.words
	}
	var likes, actors, tags []string
	if len(q.likes) > 0 {
		likes = q.likes
	}
	if len(f.Actors) > 0 {
		actors = f.Actors
	}
	if len(f.Tags) > 0 {
		tags = f.Tags
	}
	if lo != nil || hi != nil || words != nil || likes != nil || actors != nil || tags != nil {
		conds = append(conds, fmt.Sprintf("e.id IN (SELECT chronoscope.matching($1, %s::bigint, %s::bigint, %s::text, %s::text[], %s::text[], %s::text[]))",
			arg(lo), arg(hi), arg(words), arg(likes), arg(actors), arg(tags)))
	}
	if len(f.Lanes) > 0 {
		conds = append(conds, "e.lane = ANY ("+arg(f.Lanes)+"::text[])")
	}
	if f.MinReliability != "" || f.MinCredibility > 0 {
		sub := "EXISTS (SELECT 1 FROM jsonb_to_recordset(e.sources) AS s (reliability text, credibility integer) WHERE true"
		if f.MinReliability != "" {
			sub += " AND coalesce(s.reliability, '') <> '' AND s.reliability <= " + arg(strings.ToUpper(f.MinReliability))
		}
		if f.MinCredibility > 0 {
			sub += " AND coalesce(s.credibility, 0) BETWEEN 1 AND " + arg(f.MinCredibility)
		}
		conds = append(conds, sub+")")
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// limit is the LIMIT clause of f, or "".
func limit(f timeline.Filter) string {
	if f.Limit > 0 {
		return fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return ""
}
