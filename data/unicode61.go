package data

import (
	"sort"
	"unicode/utf8"
)

// The words of SQLite's unicode61 tokenizer (the one events_fts uses), computed in Go so
// that a search can read the events whose full-text rows are not built yet (see
// pending.go) and find exactly what the index will find once they are. The character
// classes come from SQLite itself: unicode61_tables.go is written by
// TestUnicode61TablesMatchSQLite, which asks SQLite's fts3tokenize about every code point
// and fails when the tables and the linked SQLite disagree.
//
// How unicode61 splits text: a token is a run of token characters (letters, digits and
// private-use characters as SQLite's Unicode tables have them) and of the combining marks
// that continue a token (cont61); everything else separates tokens. Each character of a
// token is folded (fold61: lower case, Latin diacritics removed); a continuing mark folds
// to nothing.

// isToken61 reports whether r starts or continues a token.
func isToken61(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return inRanges(tokenRanges61, r)
}

// isCont61 reports whether r, not a token character, continues a token begun before it.
func isCont61(r rune) bool { return r >= 0x80 && inRanges(contRanges61, r) }

// inRanges reports whether r falls in one of the sorted inclusive ranges lo, hi, lo, hi...
func inRanges(ranges []rune, r rune) bool {
	i := sort.Search(len(ranges)/2, func(i int) bool { return ranges[2*i+1] >= r })
	return i < len(ranges)/2 && ranges[2*i] <= r
}

// fold61 is what r becomes in a token; -1 when it is dropped.
func fold61(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	i := sort.Search(len(foldFrom61), func(i int) bool { return foldFrom61[i] >= r })
	if i < len(foldFrom61) && foldFrom61[i] == r {
		return foldTo61[i]
	}
	return r
}

// tokens61 appends to dst the tokens of text, in order, as unicode61 makes them, and
// returns the grown slice. buf is reused for their bytes; the tokens point into it.
func tokens61(dst []string, buf []byte, text string) ([]string, []byte) {
	buf = buf[:0]
	var starts []int
	in := false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		i += n
		switch {
		case isToken61(r):
			if !in {
				starts = append(starts, len(buf))
				in = true
			}
		case in && isCont61(r):
		default:
			if in {
				starts = append(starts, len(buf))
				in = false
			}
			continue
		}
		if f := fold61(r); f >= 0 {
			buf = utf8.AppendRune(buf, f)
		}
	}
	if in {
		starts = append(starts, len(buf))
	}
	s := string(buf) // one allocation for all the tokens of text
	for k := 0; k+1 < len(starts); k += 2 {
		dst = append(dst, s[starts[k]:starts[k+1]])
	}
	return dst, buf
}
