package timeline

import (
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// MaxDateBytes is the longest text, in bytes, a date form reads in running text once
// spaces are collapsed to one: the longest, "approximately 10th and 13th of September,
// 2023" or "около 13 сентября 2023 года", is well under it.
const MaxDateBytes = 80

// scanner tries a date form only where a match can begin, instead of walking the regexp
// over every byte of a sentence (which Go's regexp does when a pattern has no literal
// prefix): it finds the same matches as the form's FindAllStringSubmatchIndex, in
// the same order, several times faster.
type scanner struct {
	anchored *regexp.Regexp // the pattern, matched at the start of the text only
	first    [256]bool      // the bytes a match can begin with
	// words: a match begins a word, not after a letter or a digit (the pattern's words).
	words bool
}

// newScanner prepares the scanner of the regular expression expr, whose matches begin
// a word when words is set.
func newScanner(expr string, words bool) scanner {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err) // the forms are constants; regexp.MustCompile has checked them
	}
	s := scanner{words: words}
	if firstBytes(tree, &s.first) {
		for b := range s.first {
			s.first[b] = true // a pattern that can match nothing can begin anywhere
		}
	}
	s.anchored = regexp.MustCompile(`^(?:` + expr + `)`)
	return s
}

// findAll returns the matches in text, as regexp's FindAllStringSubmatchIndex(text, -1)
// does for a pattern that never matches an empty text nor more than MaxDateBytes bytes, but
// for a words pattern, only the matches that begin a word: a match that begins inside
// a word does not hide one that begins a word inside it.
func (s *scanner) findAll(text string) [][]int {
	var out [][]int
	for at := 0; at < len(text); at++ {
		if loc := s.at(text, at); loc != nil {
			out = append(out, loc)
			at = loc[1] - 1
		}
	}
	return out
}

// at returns the match that begins at byte at of text, if there is one, with its
// groups' offsets in text.
func (s *scanner) at(text string, at int) []int {
	if !s.first[text[at]] || s.words && wordRune(text[:at], true) {
		return nil
	}
	loc := s.anchored.FindStringSubmatchIndex(text[at:min(len(text), at+MaxDateBytes)])
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += at
		}
	}
	return loc
}

// firstBytes marks in set the first bytes of the UTF-8 texts that re can match, and
// reports whether it can match an empty text.
func firstBytes(re *syntax.Regexp, set *[256]bool) (empty bool) {
	switch re.Op {
	case syntax.OpLiteral:
		r := re.Rune[0]
		addRange(set, r, r)
		for f := unicode.SimpleFold(r); re.Flags&syntax.FoldCase != 0 && f != r; f = unicode.SimpleFold(f) {
			addRange(set, f, f)
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			addRange(set, re.Rune[i], re.Rune[i+1])
		}
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		addRange(set, 0, unicode.MaxRune)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytes(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		firstBytes(re.Sub[0], set)
		return true
	case syntax.OpRepeat:
		return firstBytes(re.Sub[0], set) || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstBytes(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if firstBytes(sub, set) {
				empty = true
			}
		}
		return empty
	}
	return true // an empty match, a ^, $ or \b: the next part says
}

// addRange marks the first bytes of the runes lo to hi.
func addRange(set *[256]bool, lo, hi rune) {
	for r := lo; r <= min(hi, utf8.RuneSelf-1); r++ {
		set[r] = true
	}
	if hi < utf8.RuneSelf {
		return
	}
	if hi-lo > 4096 { // a wide class: any rune that is not ASCII
		for b := 0xC0; b < 0x100; b++ {
			set[b] = true
		}
		return
	}
	var buf [utf8.UTFMax]byte
	for r := max(lo, utf8.RuneSelf); r <= hi; r++ {
		utf8.EncodeRune(buf[:], r)
		set[buf[0]] = true
	}
}
