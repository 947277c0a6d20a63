package timeline

import (
	"strings"
	"unicode/utf8"
)

// Marked is a piece of text a search query matched: Text, and the byte ranges in it of
// the words that match, in order.
type Marked struct {
	Text  string
	Words [][2]int
}

// WhyMatched says why a search for query finds event e, as a list shows it: the title
// with the words that match marked, and, when the title does not hold every word of
// the query, an excerpt of about width characters around the first match in the field
// that holds most of the others (Field is "description", "actors", "tags" or
// "sources"; "" when none). It follows the stores' full-text search: every word of the
// query is a word of the text in any case, the last one its start, and a run of CJK
// characters is found anywhere inside a run.
type WhyMatched struct {
	Title   Marked
	Field   string
	Excerpt Marked
}

// ExplainMatch finds why a search for query finds e (see WhyMatched); ok is false when
// the query has no words.
func ExplainMatch(query string, e Event, width int) (w WhyMatched, ok bool) {
	words := SearchWords(query)
	if len(words) == 0 {
		return w, false
	}
	w.Title = hitsIn(e.Title, words)
	if found := foundWords(e.Title, words); found == len(words) {
		return w, true
	}
	var sources []string
	for _, s := range e.Sources {
		sources = append(sources, strings.TrimSpace(s.Title+" "+s.Publisher))
	}
	fields := []struct{ name, text string }{
		{"description", e.Description},
		{"notes", e.Notes},
		{"actors", strings.Join(e.Actors, ", ")},
		{"tags", strings.Join(e.Tags, ", ")},
		{"sources", strings.Join(sources, "; ")},
	}
	best, most := -1, 0
	for i, f := range fields {
		if n := foundWords(f.text, words); n > most {
			best, most = i, n
		}
	}
	if best < 0 {
		return w, true
	}
	w.Field = fields[best].name
	w.Excerpt = excerpt(hitsIn(fields[best].text, words), width)
	return w, true
}

// foundWords is how many of the query's words text holds.
func foundWords(text string, words []string) int {
	h := hitsIn(text, words)
	n := 0
	for i, q := range words {
		for _, r := range h.Words {
			if wordMatches(text[r[0]:r[1]], q, i == len(words)-1) {
				n++
				break
			}
		}
	}
	return n
}

// hitsIn marks in text every word that matches a word of the query.
func hitsIn(text string, words []string) Marked {
	h := Marked{Text: text}
	last := len(words) - 1
	for _, r := range wordRanges(text) {
		w := text[r[0]:r[1]]
		if IsCJKWord(w) {
			h.Words = append(h.Words, cjkHits(w, r[0], words)...)
			continue
		}
		for i, q := range words {
			if wordMatches(w, q, i == last) {
				h.Words = append(h.Words, r)
				break
			}
		}
	}
	return h
}

// wordMatches reports whether word w of a text matches query word q, as its start when
// prefix is set.
func wordMatches(w, q string, prefix bool) bool {
	if IsCJKWord(q) {
		return IsCJKWord(w) && strings.Contains(w, q)
	}
	if prefix {
		return utf8.RuneCountInString(w) >= utf8.RuneCountInString(q) && strings.EqualFold(w[:prefixLen(w, q)], q)
	}
	return strings.EqualFold(w, q)
}

// prefixLen is the byte length of the start of w as long in runes as q.
func prefixLen(w, q string) int {
	n := utf8.RuneCountInString(q)
	for k := range w {
		if n == 0 {
			return k
		}
		n--
	}
	return len(w)
}

// cjkHits are the ranges, in the text, of each query word found inside CJK run w that
// starts at byte off.
func cjkHits(w string, off int, words []string) [][2]int {
	var out [][2]int
	for _, q := range words {
		if !IsCJKWord(q) {
			continue
		}
		for i := 0; ; {
			j := strings.Index(w[i:], q)
			if j < 0 {
				break
			}
			out = append(out, [2]int{off + i + j, off + i + j + len(q)})
			i += j + len(q)
		}
	}
	return out
}

// wordRanges are the byte ranges of the words of text, as SearchWords splits it.
func wordRanges(text string) [][2]int {
	var out [][2]int
	at := 0
	for _, w := range SearchWords(text) {
		i := strings.Index(text[at:], w)
		out = append(out, [2]int{at + i, at + i + len(w)})
		at += i + len(w)
	}
	return out
}

// excerpt cuts h to about width characters from a little before its first match, with
// an ellipsis where text is left out.
func excerpt(h Marked, width int) Marked {
	if len(h.Words) == 0 || utf8.RuneCountInString(h.Text) <= width {
		return h
	}
	first, last := h.Words[0][0], h.Words[len(h.Words)-1][1]
	// A few words before the first match (a sixth of the width, less when the matches
	// would not fit), at a word's start: a list cuts the excerpt at its right.
	lead := width / 6
	if span := utf8.RuneCountInString(h.Text[first:last]); span <= width {
		lead = min(lead, (width-span)/2)
	}
	start := first
	for n := 0; start > 0 && n < lead; n++ {
		_, size := utf8.DecodeLastRuneInString(h.Text[:start])
		start -= size
	}
	if start > 0 {
		if sp := strings.IndexByte(h.Text[start:first], ' '); sp >= 0 {
			start += sp + 1
		}
	}
	end := start
	for n := 0; end < len(h.Text) && n < width; n++ {
		_, size := utf8.DecodeRuneInString(h.Text[end:])
		end += size
	}
	if end < len(h.Text) {
		if sp := strings.LastIndexByte(h.Text[first:end], ' '); sp > 0 {
			end = first + sp
		}
	}
	out := Marked{Text: h.Text[start:end]}
	shift := 0
	if start > 0 {
		out.Text = "\u2026" + out.Text
		shift = len("\u2026")
	}
	if end < len(h.Text) {
		out.Text += "\u2026"
	}
	for _, r := range h.Words {
		if r[0] >= start && r[1] <= end {
			out.Words = append(out.Words, [2]int{r[0] - start + shift, r[1] - start + shift})
		}
	}
	return out
}

// NotesMatch finds a search for query in a case's notes page (CaseInfo.Notes), matched
// word by word as the full-text search of events matches them (every word of the query,
// the last one as a prefix): ok is false when the notes do not hold every word, or the
// query has none. The excerpt is about width bytes around the first hit.
func NotesMatch(query, notes string, width int) (excerptOf Marked, ok bool) {
	words := SearchWords(query)
	if len(words) == 0 || foundWords(notes, words) < len(words) {
		return Marked{}, false
	}
	return excerpt(hitsIn(notes, words), width), true
}
