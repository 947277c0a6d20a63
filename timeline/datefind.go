package timeline

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DateMention is a date written in a sentence: bytes [At, End) of it are the words that
// say it ("13 September 2023", "10-13 September 2023"), without the word that introduces
// it ("on", "in").
type DateMention struct {
	At, End int
	Start   Date // at the precision the text gives
	Until   Date // the end of a span the words give ("10-13 September 2023"); zero for a point
	// Inferred reports that the text does not give the year, or that the day is relative
	// ("on Tuesday", "yesterday"): it was worked out from the reference day.
	Inferred bool
}

// FindDates returns the dates written in sentence s, in its order, read by the same
// forms as ReadDate (numeric dates day first unless they cannot be). Partial dates and
// weekdays ("on September 5", "on Tuesday") are the latest such day on or before ref;
// yesterday, today and tomorrow the day before ref, ref and the day after. A year alone
// needs a word before it ("in 2019"), as a number alone is not a date.
//
// The forms are tried from the most complete to the least; words one form has read are
// not read again by a later one, so "13 September 2023" is one day, not also the month
// "September 2023", and a date that does not exist (31 February 2023) is not read in
// parts either.
func FindDates(s string, ref time.Time) []DateMention {
	var out []DateMention
	taken := make([]bool, len(s)+1)
	for _, f := range dateForms {
		if f.cellOnly || !f.tried(s) {
			continue
		}
		for _, loc := range f.scan.findAll(s) {
			at, end := loc[2*f.textGroups.said], loc[2*f.textGroups.said+1]
			if f.words && (wordRune(s[:loc[0]], true) || wordRune(s[loc[1]:], false)) {
				continue
			}
			if slices.Contains(taken[at:end], true) {
				continue
			}
			for i := at; i < end; i++ {
				taken[i] = true
			}
			w, ok, _ := partsOf(s, loc, f.textGroups).edtf(OrderUnknown, ref)
			if !ok {
				continue
			}
			if n := approxBefore(s[:at]); n > 0 && f.calendar && !strings.ContainsAny(w.start, "~?%X") {
				at -= n // "about 13 September 2023"
				w.start += "~"
				if w.end != "" {
					w.end += "~"
				}
			}
			m, err := w.dates()
			if err != nil || m.Start.IsZero() {
				continue
			}
			out = append(out, DateMention{At: at, End: end, Start: m.Start, Until: m.End, Inferred: w.inferred})
		}
	}
	slices.SortFunc(out, func(a, b DateMention) int { return a.At - b.At })
	return out
}

// approxBefore is the length of the approximate word ("about ", "c. ", "circa ", "~")
// that ends text, or 0.
func approxBefore(text string) int {
	tail := text[max(0, len(text)-24):]
	for _, w := range approxWords {
		for _, gap := range []string{" ", ""} {
			word := w + gap
			if len(tail) < len(word) || !strings.EqualFold(tail[len(tail)-len(word):], word) {
				continue
			}
			if gap == "" && w != "~" && !strings.HasSuffix(w, ".") {
				continue // "about2023" is no word
			}
			if before := text[:len(text)-len(word)]; wordRune(before, true) {
				continue // "Erica 1950" holds no "ca"
			}
			return len(word)
		}
	}
	return 0
}

// tried reports whether the form is worth trying on sentence s: s holds one of the
// texts it needs, if it needs any.
func (f *dateForm) tried(s string) bool {
	for _, n := range f.needs {
		if strings.Contains(s, n) {
			return true
		}
	}
	return f.needs == nil
}

// DateHead returns the end of the calendar date ("13 September 2023", "2023-09-13",
// "Sept. 13") that line begins with, as a line of a chronology may; ok is false when
// it begins with none.
func DateHead(line string) (end int, ok bool) {
	if line == "" {
		return 0, false
	}
	for _, f := range dateForms {
		if !f.calendar || f.cellOnly || !f.tried(line) {
			continue
		}
		if loc := f.scan.at(line, 0); loc != nil && !(f.words && wordRune(line[loc[1]:], false)) {
			return loc[1], true
		}
	}
	return 0, false
}

// DateAcross reports whether some date form reads words of text that begin before byte
// cut and end after byte cut+1: a date that a line break (the byte at cut) splits.
func DateAcross(text string, cut int) bool {
	for _, f := range dateForms {
		if f.cellOnly {
			continue
		}
		for _, loc := range f.scan.findAll(text) {
			if loc[0] < cut && loc[1] > cut+1 {
				return true
			}
		}
	}
	return false
}

// wordRune reports whether the last rune of s (first, when last is false) is a letter or
// a digit: a match next to it is part of a longer word or number.
func wordRune(s string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	} else {
		r, _ = utf8.DecodeRuneInString(s)
	}
	return s != "" && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
