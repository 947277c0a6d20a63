package extract

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLongSentenceIsCutAroundItsDate reads a paragraph of 60,000 words with no stop and
// a date every 300 words: each candidate holds the words around its date, MaxSentence
// characters at most, cut at spaces, so that the candidates hold about the text's
// length, not that length times the number of dates.
func TestLongSentenceIsCutAroundItsDate(t *testing.T) {
	words := strings.Fields(strings.Repeat("переговоры шли долго и talks went on without a stop ", 6000))
	for i := 150; i < len(words); i += 300 {
		words[i] = fmt.Sprintf("in %d", 1800+i/300) // dates that differ: a date said again in a sentence is one candidate
		if i%600 == 150 {
			words[i] = fmt.Sprintf("в %d году", 1800+i/300)
		}
	}
	text := strings.Join(words, " ")
	got, err := Find(text, reference)
	if err != nil || len(got) != 200 {
		t.Fatalf("%d candidates, %v; want 200", len(got), err)
	}
	size := 0
	for i, c := range got {
		n := utf8.RuneCountInString(c.Sentence)
		inner := strings.Trim(c.Sentence, "…")
		if n > MaxSentence+2 || n < MaxSentence-40 || !strings.Contains(c.Sentence, c.Said) ||
			!strings.HasPrefix(c.Sentence, "…") || !strings.Contains(" "+text+" ", " "+inner+" ") {
			t.Errorf("candidate %d: %d characters %q", i, n, c.Sentence)
		}
		if c.Title == "" || utf8.RuneCountInString(c.Title) > MaxTitle {
			t.Errorf("candidate %d: title %q", i, c.Title)
		}
		size += len(c.Sentence)
	}
	if size > 3*len(text) {
		t.Errorf("the candidates hold %d bytes for a text of %d", size, len(text))
	}
}

// TestAround cuts sentences around a date at [at, end): whole when short, else evenly on
// both sides of the date when there is room, and what one side lacks goes to the other.
func TestAround(t *testing.T) {
	long := strings.Repeat("word ", 300) // 1,500 characters
	tests := []struct {
		name           string
		s, date        string
		before, after  bool
		minLen, maxLen int
	}{
		{"short", "Kim met Putin on 13 September 2023.", "13 September 2023", false, false, 35, 35},
		{"date in the middle", long + "13 September 2023 " + long, "13 September 2023", true, true, MaxSentence - 10, MaxSentence},
		{"date at the start", "13 September 2023 " + long, "13 September 2023", false, true, MaxSentence - 10, MaxSentence},
		{"date at the end", long + "13 September 2023", "13 September 2023", true, false, MaxSentence - 10, MaxSentence},
		{"one long word", strings.Repeat("x", 2000) + " 13 September 2023", "13 September 2023", true, false, MaxSentence - 1, MaxSentence},
	}
	for _, tt := range tests {
		at := strings.Index(tt.s, tt.date)
		part, pat, pend, before, after := around(tt.s, at, at+len(tt.date))
		n := utf8.RuneCountInString(part)
		if part[pat:pend] != tt.date || before != tt.before || after != tt.after || n < tt.minLen || n > tt.maxLen ||
			!strings.Contains(tt.s, part) || strings.HasPrefix(part, " ") {
			t.Errorf("%s: %d characters, date %q, cut before %v after %v: %.40q...",
				tt.name, n, part[pat:pend], before, after, part)
		}
	}
}
