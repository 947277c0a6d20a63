package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a text and the line it starts on (from 1).
type Sentence struct {
	Text string
	Line int
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "lt": true, "col": true,
	"sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "pres": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true,
}

// Sentences splits text into sentences: at a blank line; after 。, ！ or ？; after ., ! or ?
// (and a closing quote or bracket) followed by a space and a capital, a digit or an
// opening quote, unless the word before the stop is a known abbreviation (Mr., Sept.,
// U.S.), a single letter (an initial) or the number of an item ("1. Kim met Putin"); at
// the end of a line that ends with such a stop; and at the end of a line without one
// when the next line begins a new item (see lineEnds: a list, a headline, a chronology
// of one date a line), not when it goes on with the same sentence (a hard-wrapped
// paragraph; a word cut after its hyphen at the end of a line is joined again). Spaces
// inside a sentence are collapsed to one. The work follows the length of the text.
func Sentences(text string) []Sentence {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		lines[i] = strings.TrimSpace(line)
	}
	shapes := paragraphs(lines)
	s := splitter{}
	for i, line := range lines {
		if line == "" {
			s.flush()
			continue
		}
		runes := []rune(line)
		s.line(runes, i+1)
		next := ""
		if i+1 < len(lines) {
			next = lines[i+1]
		}
		if lineEnds(runes, next, shapes[i]) {
			s.flush()
		} else if len(s.cur) > 0 && !hyphenated(runes, next) {
			s.cur = append(s.cur, ' ')
		}
	}
	s.flush()
	return s.out
}

// hyphenated reports whether a line ends inside a word that goes on in the next line, cut
// after its hyphen ("Jong-\nun", "short-\nrange"): the two are joined with no space.
func hyphenated(line []rune, next string) bool {
	n := len(line)
	r, _ := utf8.DecodeRuneInString(next)
	return n > 1 && line[n-1] == '-' && unicode.IsLetter(line[n-2]) && unicode.IsLetter(r)
}

// splitter gathers the sentences of a text, one line after another.
type splitter struct {
	out   []Sentence
	cur   []rune // the sentence so far
	start int    // the line the sentence starts on
}

// flush ends the sentence so far, if it has any words.
func (s *splitter) flush() {
	if t := strings.Join(strings.Fields(string(s.cur)), " "); t != "" {
		s.out = append(s.out, Sentence{Text: t, Line: s.start})
	}
	s.cur = s.cur[:0]
}

// line adds the runes of line number n (trimmed, not empty), ending the sentences that
// end inside it.
func (s *splitter) line(runes []rune, n int) {
	for k := 0; k < len(runes); k++ {
		if len(s.cur) == 0 {
			s.start = n
		}
		s.cur = append(s.cur, runes[k])
		if !strings.ContainsRune(".!?"+fullStops, runes[k]) {
			continue
		}
		end := k
		for end+1 < len(runes) && strings.ContainsRune(closers, runes[end+1]) {
			end++
			s.cur = append(s.cur, runes[end])
		}
		switch {
		case strings.ContainsRune(fullStops, runes[k]):
			// Chinese and Japanese end a sentence with 。！？ and no space after.
			s.flush()
		case end+2 < len(runes) && runes[end+1] == ' ' && startsSentence(runes[end+2]) &&
			!(runes[k] == '.' && (abbreviated(runes[:k], runes[end+2]) || s.numbered())):
			s.flush()
			end++ // the space
		}
		k = end
	}
}

// numbered reports whether the sentence so far is the number of an item: one to three
// digits and a full stop ("1. Kim met Putin").
func (s *splitter) numbered() bool {
	n := len(s.cur) - 1
	if n < 1 || n > 3 || s.cur[n] != '.' {
		return false
	}
	return !slices.ContainsFunc(s.cur[:n], func(r rune) bool { return !unicode.IsDigit(r) })
}

// startsSentence reports whether r, after a stop and a space, may begin a new sentence.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«(`, r)
}

// abbreviated reports whether the word that ends before runes' end, followed by a full
// stop and then next, is an abbreviation or an initial. "No." is one before a number
// ("No. 5") and a word before anything else ("He said no. In 2019...").
func abbreviated(before []rune, next rune) bool {
	i := len(before)
	for i > 0 && (unicode.IsLetter(before[i-1]) || before[i-1] == '.') {
		i--
	}
	w := strings.ToLower(string(before[i:]))
	if w == "no" {
		return unicode.IsDigit(next)
	}
	return len([]rune(w)) == 1 || abbreviations[w]
}

// fullStops end a Chinese or Japanese sentence; closers are the quotes and brackets that
// may follow a sentence's last stop.
const (
	fullStops = "。！？"
	closers   = `"'”’)]»」』）`
)
