package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsCJK reports whether r belongs to a script written without spaces between words: Han,
// Hiragana, Katakana or Hangul. Full-text search finds such text anywhere inside a run of
// it (普京 inside 金正恩与普京会面), where other text is found word by word.
func IsCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	// The kana block's own marks (ー, ゝ) are in no script of their own.
	kana := r >= 0x3040 && r <= 0x30ff && unicode.IsLetter(r)
	return kana || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// IsCJKWord reports whether w, a word of SearchWords, is a run of CJK text.
func IsCJKWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return IsCJK(r)
}

// searchRune reports whether r belongs to a word: a letter, a digit or a combining mark
// (which stays with the letter before it). Everything else (spaces, punctuation, symbols,
// "_") separates words, as in SQLite's unicode61 tokenizer.
func searchRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// SearchWords splits text into the words full-text search matches, in order: runs of
// letters, digits and combining marks; where CJK text meets other letters the run is
// split, so a run of CJK characters is always a word of its own ("G20峰会" is "G20" and
// "峰会"). Both stores index and query these same words, so they find the same events.
func SearchWords(text string) []string {
	var words []string
	start, cjk := -1, false
	for i, r := range text {
		in := searchRune(r)
		isCJK := in && IsCJK(r)
		if start >= 0 && (!in || (isCJK != cjk && !unicode.Is(unicode.M, r))) {
			words = append(words, text[start:i])
			start = -1
		}
		if in && start < 0 {
			start, cjk = i, isCJK
		}
	}
	if start >= 0 {
		words = append(words, text[start:])
	}
	return words
}

// SpaceCJK returns text with a space on each side of every CJK character, so that a
// tokenizer that splits on spaces makes each one a token of its own and a phrase of them
// matches a run anywhere inside: how the SQLite store indexes CJK text. Text without CJK
// comes back as it is.
func SpaceCJK(text string) string {
	first := strings.IndexFunc(text, IsCJK)
	if first < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) * 2)
	b.WriteString(text[:first])
	for _, r := range text[first:] {
		if IsCJK(r) {
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
