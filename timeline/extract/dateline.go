package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// datelineCue marks a line of a text's head that says when it was written: a byline
// ("Published 13 September 2023"), a wire dateline ("(Reuters) -"), a header field.
var datelineCue = regexp.MustCompile(`(?i)\b(?:published|updated|posted|date|dated|dateline|filed|by)\b|\((?:reuters|ap|afp|ria|tass|yonhap|kcna|xinhua|bloomberg)\)|\||·|—|опубликовано|обновлено`)

// headLines is how many lines of its head a text's dateline is looked for in.
const headLines = 8

// Written is the day text says it was written: the full date (day, month and year) of
// a dateline or byline among its first lines, or of a line that is little more than a
// date; with the line it was read from. ok is false when the text's head gives none: the
// analyst then says when it was written.
func Written(text string) (day time.Time, line string, ok bool) {
	n := 0
	for _, l := range strings.Split(text, "\n") {
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
			if datelineCue.MatchString(l) || mostlyDate(l, m.End-m.At) {
				t := m.Start.Time()
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), l, true
			}
		}
	}
	return time.Time{}, "", false
}

// timeOfDay is a time and its zone that follow a date on a dateline.
var timeOfDay = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?(?:\s*(?:gmt|utc|bst|cet|msk|kst|edt|est|[+-]\d{2}:?\d{2}))?\b`)

// mostlyDate reports whether line is little more than a date of n bytes (and a time).
func mostlyDate(line string, n int) bool {
	rest := utf8.RuneCountInString(timeOfDay.ReplaceAllString(line, "")) - n
	return rest <= 12
}
