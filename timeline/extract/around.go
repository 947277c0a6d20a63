package extract

import (
	"strings"
	"unicode/utf8"
)

// MaxSentence is the length, in characters, a candidate's Sentence is cut to: a longer
// sentence (a paragraph with no stop, a list pasted as one line) is cut around the date,
// at spaces, with an ellipsis where it was cut. The candidates of a text then hold about
// its length at most, whatever the text.
const MaxSentence = 500

// maxWord is the longest word, in bytes, around moves its cut to keep whole.
const maxWord = 64

// around is the part of sentence s around the date at bytes [at, end): all of s when it
// is at most MaxSentence characters, else about as many characters before the date as
// after it, cut at spaces; with the date's offsets in that part, and whether s was cut
// before and after it. The work is at most MaxSentence characters' worth, whatever the
// length of s.
func around(s string, at, end int) (part string, pat, pend int, before, after bool) {
	if len(s) <= MaxSentence {
		return s, at, end, false, false
	}
	budget := max(0, MaxSentence-utf8.RuneCountInString(s[at:end]))
	_, nb := back(s, at, budget+1)
	_, na := forth(s, end, budget+1) // one more than fits tells a side that is too long
	if nb+na <= budget {
		return s, at, end, false, false
	}
	b := min(nb, max(budget/2, budget-na))
	from, _ := back(s, at, b)
	to, _ := forth(s, end, budget-b)
	// Not in the middle of a word, unless it is longer than any word (a URL, a number).
	if from > 0 && s[from-1] != ' ' {
		if i := strings.IndexByte(s[from:at], ' '); i >= 0 && i < maxWord {
			from += i + 1
		}
	}
	if to < len(s) && s[to] != ' ' {
		if i := strings.LastIndexByte(s[end:to], ' '); i >= 0 && to-(end+i) < maxWord {
			to = end + i
		}
	}
	return s[from:to], at - from, end - from, from > 0, to < len(s)
}

// back steps from byte i of s back by n characters at most, and returns where it
// stopped and how many characters it stepped.
func back(s string, i, n int) (int, int) {
	k := 0
	for ; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i, k
}

// forth steps from byte i of s forward by n characters at most, and returns where it
// stopped and how many characters it stepped.
func forth(s string, i, n int) (int, int) {
	k := 0
	for ; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i, k
}

// tail is the end of s from a space, as far back as the words that lead into a date or
// end a title reach ("this past", "между"), so that a pattern anchored at the end of s
// ("from\s*$") reads a few bytes instead of all of s: all of s when it is short, else
// its last 32 bytes from their first space on (the space included, for patterns that
// begin with one).
func tail(s string) string {
	const reach = 32
	if len(s) <= reach {
		return s
	}
	t := s[len(s)-reach:]
	if i := strings.IndexByte(t, ' '); i >= 0 {
		return t[i:]
	}
	return ""
}
