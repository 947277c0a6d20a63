package extract

import (
	"strings"
	"unicode"
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

// Sentences splits text into sentences: at a blank line, at the end of a line that ends
// with ., ! or ?, after 。, ！ or ？, and after ., ! or ? (and a closing quote or bracket)
// followed by a space and a capital, a digit or an opening quote, unless the word before the stop is
// a known abbreviation (Mr., Sept., U.S.) or a single letter (an initial). Spaces inside a
// sentence are collapsed to one.
func Sentences(text string) []Sentence {
	var out []Sentence
	var cur []rune
	start, empty := 0, true // the line the sentence starts on; whether it has begun
	flush := func() {
		s := strings.Join(strings.Fields(string(cur)), " ")
		if s != "" {
			out = append(out, Sentence{Text: s, Line: start})
		}
		cur, empty = cur[:0], true
	}
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
			continue
		}
		runes := []rune(trimmed)
		for k := 0; k < len(runes); k++ {
			if empty && !unicode.IsSpace(runes[k]) {
				start, empty = i+1, false
			}
			cur = append(cur, runes[k])
			if !strings.ContainsRune(".!?"+fullStops, runes[k]) {
				continue
			}
			end := k
			for end+1 < len(runes) && strings.ContainsRune(closers, runes[end+1]) {
				end++
				cur = append(cur, runes[end])
			}
			if strings.ContainsRune(fullStops, runes[k]) {
				// Chinese and Japanese end a sentence with 。！？ and no space after.
				flush()
				k = end
				continue
			}
			if end+2 >= len(runes) || runes[end+1] != ' ' {
				k = end
				continue
			}
			next := runes[end+2]
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'“‘«(`, next)) {
				k = end
				continue
			}
			if runes[k] == '.' && abbreviated(runes[:k], next) {
				k = end
				continue
			}
			flush()
			k = end + 1 // the space
		}
		// A line that ends a sentence ends it; otherwise the sentence goes on to the next
		// line (hard-wrapped text). A blank line always ends one.
		last := len(runes) - 1
		for last > 0 && strings.ContainsRune(closers, runes[last]) {
			last--
		}
		if strings.ContainsRune(".!?"+fullStops, runes[last]) && !(runes[last] == '.' && abbreviated(runes[:last], ' ')) {
			flush()
		} else {
			cur = append(cur, ' ')
		}
	}
	flush()
	return out
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
