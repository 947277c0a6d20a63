package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// lineEnds reports whether the end of a line (trimmed, not empty) ends its sentence, next
// being the line after it (trimmed; "" for a blank line or the end of the text) and par
// the shape of the paragraph the line is in. The rule, in this order:
//
//   - A line that ends with a stop (., !, ?, 。, ！, ？ and any closing quotes) ends its
//     sentence, unless the stop is an abbreviation's (Mr., Sept.) or an initial's; a blank
//     line or the end of the text always ends one.
//   - The next line begins a new item when it starts with a list marker ("-", "*", "•",
//     "1.", "2)", "a)").
//   - It goes on with the same sentence when it starts with a lowercase letter: a
//     hard-wrapped paragraph ("Their\nfirst summit was...").
//   - It goes on with the same sentence when the line ends open, on a comma, a hyphen or
//     a dash, or on a word a sentence does not end on ("the", "of", "on", "and", "was").
//   - The next line begins a new item when it starts with a calendar date ("13 September
//     2023", "2023-09-13", "Sept. 13, 2023", "13.09.2023") or a year set off by a colon or
//     a dash ("2019: "): a chronology of one date a line. Unless a date runs over the
//     break ("between 10 and 13\nSeptember 2023").
//   - It goes on when the line is a date and nothing else ("13 September 2023", "2019:"):
//     the heading of the item on the next line.
//   - Otherwise (the next line starts with a capital, a digit or a quote) the line goes
//     on only when it is a full line of a wrapped paragraph ("...met Vladimir\nPutin at
//     the cosmodrome"): a program that wraps a paragraph at a width moves a word to the
//     next line only when it does not fit, so a line is full when the next line's first
//     word would not have fitted on it (see full), and a paragraph is wrapped when most of
//     its lines are full. A line that is not full was broken by hand (a headline over its
//     paragraph), and so was every line of a paragraph that is not wrapped (a list of
//     headlines, a chronology with the dates at the end).
//
// What this gets wrong: a headline as long as the paragraph under it, written with no
// blank line between them, is read as the paragraph's first words, and so is a list of
// two items whose first is the longer.
func lineEnds(runes []rune, next string, par paragraph) bool {
	last := len(runes) - 1
	for last > 0 && strings.ContainsRune(closers, runes[last]) {
		last--
	}
	if strings.ContainsRune(".!?"+fullStops, runes[last]) {
		return !(runes[last] == '.' && abbreviated(runes[:last], ' '))
	}
	switch first, _ := utf8.DecodeRuneInString(next); {
	case next == "":
		return true
	case listMarker.MatchString(next):
		return true
	case unicode.IsLower(first), endsOpen(runes):
		return false
	case startsWithDate(next):
		return !dateAcross(runes, next)
	case dateLine(string(runes)):
		return false
	}
	return !par.wrapped || !full(len(runes), next, par.width)
}

// paragraph is the shape of a paragraph, the lines between two blank lines.
type paragraph struct {
	width   int  // the length of its longest line, in characters
	wrapped bool // most of its lines are full (see full): it was wrapped at a width
}

// minWrap is the narrowest paragraph, in characters, read as wrapped: lines shorter
// than that are headlines or items.
const minWrap = 30

// full reports whether a line of n characters, followed by the line next in a paragraph
// whose longest line is width characters, is full: next's first word, with a space, would
// not have fitted on it within a tenth of width. The tenth leaves room for programs that
// wrap a little short of the width, to even the lines.
func full(n int, next string, width int) bool {
	word, _, _ := strings.Cut(next, " ")
	return 10*(n+1+utf8.RuneCountInString(word)) > 9*width
}

// paragraphs returns, for each line (trimmed), the shape of its paragraph.
func paragraphs(lines []string) []paragraph {
	shapes := make([]paragraph, len(lines))
	for start := 0; start < len(lines); {
		end, width := start, 0
		for end < len(lines) && lines[end] != "" {
			width = max(width, utf8.RuneCountInString(lines[end]))
			end++
		}
		fulls := 0
		for i := start; i+1 < end; i++ {
			if full(utf8.RuneCountInString(lines[i]), lines[i+1], width) {
				fulls++
			}
		}
		for i := start; i < end; i++ {
			shapes[i] = paragraph{width: width, wrapped: width >= minWrap && 2*fulls > end-start-1}
		}
		start = end + 1
	}
	return shapes
}

// listMarker matches the start of an item of a list: a bullet or a dash, or a number or
// a letter followed by a stop or a bracket, then a space.
var listMarker = regexp.MustCompile(`^(?:[-*•·▪‣◦–—]|\(?(?:\d{1,3}|[a-z])[.)])\s`)

// yearHead matches a year that heads a line of a chronology: "2019: ", "2019 – ".
var yearHead = regexp.MustCompile(`^\d{4}\s*[:–—-]\s`)

// startsWithDate reports whether line begins with a calendar date (timeline.DateHead), or with a year set off by a colon or a dash.
func startsWithDate(line string) bool {
	if yearHead.MatchString(line) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(line); !unicode.IsDigit(r) && !unicode.IsUpper(r) {
		return false
	}
	_, ok := timeline.DateHead(line)
	return ok
}

// dateLine reports whether line is a calendar date or a year and nothing else, but for
// the colon or the dash that may end it.
func dateLine(line string) bool {
	if yearLine.MatchString(line) {
		return true
	}
	end, ok := timeline.DateHead(line)
	return ok && strings.Trim(line[end:], separators) == ""
}

// yearLine matches a line that is a year: "2019", "2019:".
var yearLine = regexp.MustCompile(`^\d{4}\s*[:–—-]?$`)

// dateAcross reports whether a date begins at the end of a line, in its last word, and
// goes on in the next line ("between 10 and 13\nSeptember 2023").
func dateAcross(runes []rune, next string) bool {
	k := len(runes)
	for k > 0 && !unicode.IsSpace(runes[k-1]) {
		k--
	}
	if !slices.ContainsFunc(runes[k:], unicode.IsDigit) {
		return false
	}
	end := string(runes[max(0, len(runes)-timeline.MaxDateBytes):])
	joined := end + " " + strings.ToValidUTF8(next[:min(len(next), timeline.MaxDateBytes)], "")
	return timeline.DateAcross(joined, len(end))
}

// endsOpen reports whether a line ends where a sentence cannot: on a comma, a hyphen or a
// dash, or on a word such as "the", "of" or "was".
func endsOpen(runes []rune) bool {
	if strings.ContainsRune(",;-–—(/&", runes[len(runes)-1]) {
		return true
	}
	i := len(runes)
	for i > 0 && unicode.IsLetter(runes[i-1]) {
		i--
	}
	return openWords[strings.ToLower(string(runes[i:]))]
}

// openWords are the words a sentence does not end on: articles, prepositions,
// conjunctions and the verbs that need what follows.
var openWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor of on in at by to for from with into onto
		upon since until till between during after before about as than that which who whose
		was were is are be been has have had will would its their his her our said says
		и в во с со на до по от к из за о об для что`) {
		openWords[w] = true
	}
}
