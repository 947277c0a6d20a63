package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// Relative expressions are read against one of two days: the day the text was written
// (ref: "last week", "earlier this year") or the day the text last spoke of (the anchor:
// "the day before", "two days later"). Each gives the precision it has: a week is a span
// of seven days, "last month" a month, "the next day" a day.

// days of the calendar, as the reading of relative expressions needs them.
type relDays struct {
	ref    time.Time // the day the text was written, at 00:00 UTC
	anchor time.Time // the day the text last spoke of; ref when it spoke of none yet
	main   time.Time // the day the text is about (see mainDay): "the eve of" is the day before
	// near says anchor is a day the same sentence spoke of before the expression
	// (rather than an earlier sentence, or the day written).
	near bool
}

// relPattern is one relative expression: re's group 1 is the whole expression as said;
// read gives its date, and an end for a span.
type relPattern struct {
	re   *regexp.Regexp
	read func(g []string, d relDays) (from, to timeline.Date, ok bool)
}

// numberWords are the counts written as words in "two days later".
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

const countWord = `(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`

// relPatterns are tried in this order; text one has read is not read by a later one.
var relPatterns = []relPattern{
	// "Kim left on Thursday, a day after he met Putin": after a comma and a date, "a day
	// after" and "two weeks before" lead a clause of their own, whose happening is that
	// many days before (after) the date. Without a date before it in the sentence, the
	// day is not known, and no candidate is made.
	{re: regexp.MustCompile(`(?i),\s+(` + countWord + `\s+(days?|weeks?)\s+(after|before))\s+(?:\p{Ll}|the\b)`),
		read: func(g []string, d relDays) (timeline.Date, timeline.Date, bool) {
			if !d.near {
				return timeline.Date{}, timeline.Date{}, false
			}
			n := count(g[2])
			if strings.HasPrefix(strings.ToLower(g[3]), "week") {
				n *= 7
			}
			if strings.EqualFold(g[4], "after") {
				n = -n
			}
			return dayOf(d.anchor.AddDate(0, 0, n))
		}},
	// the day before, the previous day, a day earlier
	{re: regexp.MustCompile(`(?i)((?:the\s+(?:day\s+before|previous\s+day|preceding\s+day))|(?:a\s+day\s+(?:earlier|before)))`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return dayOf(d.anchor.AddDate(0, 0, -1))
		}},
	// the next day, the following day, a day later
	{re: regexp.MustCompile(`(?i)((?:the\s+(?:next|following)\s+day)|(?:a\s+day\s+(?:later|after)))`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return dayOf(d.anchor.AddDate(0, 0, 1))
		}},
	// two days later, 3 days after, two days earlier
	{re: regexp.MustCompile(`(?i)(` + countWord + `\s+days?\s+(later|after|afterwards|earlier|before))\b`),
		read: func(g []string, d relDays) (timeline.Date, timeline.Date, bool) {
			n := count(g[2])
			if strings.EqualFold(g[3], "earlier") || strings.EqualFold(g[3], "before") {
				n = -n
			}
			return dayOf(d.anchor.AddDate(0, 0, n))
		}},
	// a week later, the following week: the seven days from the next Monday
	{re: regexp.MustCompile(`(?i)((?:a\s+week\s+later)|(?:the\s+(?:following|next)\s+week))`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return week(monday(d.anchor).AddDate(0, 0, 7))
		}},
	// on the eve of the summit: the day before the day the text is about. The words of
	// what it is the eve of go with the date, up to a comma (or one word after "the").
	{re: regexp.MustCompile(`(?i)(?:on\s+)?(the\s+eve\s+of\s+(?:[\p{L}\d'’-]+\s+){0,3}?[\p{L}\d'’-]+),`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return dayOf(d.main.AddDate(0, 0, -1))
		}},
	{re: regexp.MustCompile(`(?i)(?:on\s+)?(the\s+eve\s+of(?:\s+(?:the|his|her|their|its|this|that))?\s+[\p{L}\d'’-]+)`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return dayOf(d.main.AddDate(0, 0, -1))
		}},
	// last week: Monday to Sunday of the week before the one the text was written in
	{re: regexp.MustCompile(`(?i)((?:late\s+|early\s+)?last\s+week)\b`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return week(monday(d.ref).AddDate(0, 0, -7))
		}},
	// this week, earlier this week: from its Monday to the day the text was written
	{re: regexp.MustCompile(`(?i)((?:earlier\s+)?this\s+week)\b`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return daysFrom(monday(d.ref), d.ref)
		}},
	// at the weekend, over the weekend, last weekend: the latest Saturday and Sunday
	{re: regexp.MustCompile(`(?i)((?:at|over|during)\s+the\s+weekend|(?:last|this\s+past)\s+weekend)\b`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			back := (int(d.ref.Weekday()) - int(time.Saturday) + 7) % 7
			sat := d.ref.AddDate(0, 0, -back)
			return daysFrom(sat, sat.AddDate(0, 0, 1))
		}},
	// last month: the month before the one the text was written in
	{re: regexp.MustCompile(`(?i)((?:late\s+|early\s+)?last\s+month)\b`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			first := time.Date(d.ref.Year(), d.ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
			return single(first.Format("2006-01"))
		}},
	// earlier this month, this month: from its first day to the day the text was written
	{re: regexp.MustCompile(`(?i)((?:earlier\s+)?this\s+month)\b`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return daysFrom(time.Date(d.ref.Year(), d.ref.Month(), 1, 0, 0, 0, 0, time.UTC), d.ref)
		}},
	// earlier this year: from 1 January to the day the text was written
	{re: regexp.MustCompile(`(?i)(earlier\s+this\s+year)\b`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return daysFrom(time.Date(d.ref.Year(), 1, 1, 0, 0, 0, 0, time.UTC), d.ref)
		}},
	// last year: the year before the one the text was written in
	{re: regexp.MustCompile(`(?i)(last\s+year)\b`),
		read: func(_ []string, d relDays) (timeline.Date, timeline.Date, bool) {
			return single(strconv.Itoa(d.ref.Year() - 1))
		}},
}

// relatives reads the relative expressions of sentence s that no date of taken covers,
// with the days they are read against. anchorOf, given the byte offset of an expression,
// is the day the text last spoke of before it.
func relatives(s string, taken []match, d relDays, anchorOf func(at int) (time.Time, bool)) []match {
	if !mayBeRelative(s) {
		return nil
	}
	used := make([]bool, len(s)+1)
	for _, m := range taken {
		for i := m.at; i < m.end; i++ {
			used[i] = true
		}
	}
	var out []match
	for _, p := range relPatterns {
		for _, loc := range p.re.FindAllStringSubmatchIndex(s, -1) {
			at, end := loc[2], loc[3]
			if letterBefore(s[:at]) || covered(used, at, end) {
				continue
			}
			groups := make([]string, len(loc)/2)
			for g := range groups {
				if loc[2*g] >= 0 {
					groups[g] = s[loc[2*g]:loc[2*g+1]]
				}
			}
			days := d
			if a, ok := anchorOf(at); ok {
				days.anchor, days.near = a, true
			}
			from, to, ok := p.read(groups, days)
			for i := at; i < end; i++ {
				used[i] = true
			}
			if ok {
				out = append(out, match{at: at, end: end, said: s[at:end], date: from, until: to, inferred: true})
			}
		}
	}
	return out
}

// relativeWords are the words one of which every relative expression holds.
var relativeWords = []string{"day", "week", "month", "year", "eve"}

// mayBeRelative reports whether s holds one of the relativeWords, in any case: the
// expressions are looked for only then.
func mayBeRelative(s string) bool {
	low := strings.ToLower(s)
	for _, w := range relativeWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// letterBefore reports whether s ends in a letter or a digit: a match after it is part
// of a longer word.
func letterBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// covered reports whether any byte of [at, end) is marked in used.
func covered(used []bool, at, end int) bool {
	for i := at; i < end; i++ {
		if used[i] {
			return true
		}
	}
	return false
}

// count is the number a count word or figure says.
func count(w string) int {
	if n, ok := numberWords[strings.ToLower(w)]; ok {
		return n
	}
	n, _ := strconv.Atoi(w)
	return n
}

// monday is the Monday of the week (Monday to Sunday) that day t is in.
func monday(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -back)
}

// dayOf is day t as a date, a point.
func dayOf(t time.Time) (timeline.Date, timeline.Date, bool) {
	return single(t.Format("2006-01-02"))
}

// single is the EDTF text as a date, a point.
func single(text string) (timeline.Date, timeline.Date, bool) {
	d, err := timeline.ParseDate(text)
	return d, timeline.Date{}, err == nil
}

// week is the seven days from Monday mon, as a span.
func week(mon time.Time) (timeline.Date, timeline.Date, bool) {
	return daysFrom(mon, mon.AddDate(0, 0, 6))
}

// daysFrom is the span from day a to day b, or the day a when they are the same day.
func daysFrom(a, b time.Time) (timeline.Date, timeline.Date, bool) {
	if !b.After(a) {
		return dayOf(a)
	}
	from, _, ok1 := dayOf(a)
	to, _, ok2 := dayOf(b)
	return from, to, ok1 && ok2
}
