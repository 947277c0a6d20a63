package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/chronoscope/chronoscope/timeline"
)

// datelineCue marks a line of a text's head that says when it was written: a byline or
// a header field that begins the line ("By ...", "Published 13 September 2023", "Date:"),
// a wire dateline ("(Reuters) -"), or the separators of a page's header ("Politics |
// 13.09.2023").
var datelineCue = regexp.MustCompile(`(?i)^(?:by|published|updated|posted|date|dated|filed|опубликовано|обновлено)\b|\((?:reuters|ap|afp|ria|tass|yonhap|kcna|xinhua|bloomberg)\)|\s[|·]\s`)

// maxHeadLine is how much of a line, in bytes, a dateline is looked for in.
const maxHeadLine = 512

// headLines is how many lines of its head a text's dateline is looked for in.
const headLines = 8

// Written is the day text says it was written: the full date (day, month and year) of
// a dateline or byline among its first lines, or of a line that is little more than a
// date; with the line it was read from. ok is false when the text's head gives none: the
// analyst then says when it was written.
func Written(text string) (day time.Time, line string, ok bool) {
	n := 0
	for len(text) > 0 {
		l, rest, _ := strings.Cut(text, "\n")
		text = rest
		if len(l) > maxHeadLine {
			l = l[:maxHeadLine] // a line of a whole article: only its start can be a dateline
		}
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if n++; n > headLines {
			break
		}
		for _, m := range timeline.FindDates(l, time.Now()) {
			if m.Inferred || !m.Until.IsZero() || m.Start.Precision < timeline.PrecisionDay || m.Start.Fuzzy() {
				continue
			}
			if datelineCue.MatchString(l) || mostlyDate(l, m.At, m.End-m.At) {
				t := m.Start.Time()
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), l, true
			}
		}
	}
	return time.Time{}, "", false
}

// timeOfDay is a time and its zone that follow a date on a dateline.
var timeOfDay = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?(?:\s*(?:gmt|utc|bst|cet|msk|kst|edt|est|[+-]\d{2}:?\d{2}))?\b`)

// mostlyDate reports whether line is little more than a date of n bytes at at (and a
// time): two words at most besides, and no full stop at its end, as a sentence has.
func mostlyDate(line string, at, n int) bool {
	if strings.HasSuffix(line, ".") || strings.HasSuffix(line, "。") {
		return false
	}
	rest := timeOfDay.ReplaceAllString(line[:at]+" "+line[at+n:], " ")
	words := 0
	for _, w := range strings.Fields(rest) {
		for _, r := range w {
			if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
				words++ // each character is a word
			}
		}
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return words <= 2
}

// wireDateline is the place a wire story begins with, in capitals, before a dash: "VOSTOCHNY
// COSMODROME, Russia -", "SEOUL (Reuters) -", "MOSCOW, Sept 13 (AP) —".
var wireDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}\s.'’-]{2,}(?:,\s*[^-–—()]{1,40}?)?\s*(?:\([^)]{1,20}\))?\s*[-–—]{1,2}\s+`)

// wirePlace is the length in bytes of the wire dateline sentence s begins with, or 0.
func wirePlace(s string) int {
	if loc := wireDateline.FindStringIndex(s); loc != nil {
		return loc[1]
	}
	return 0
}
