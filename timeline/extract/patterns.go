package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// pattern is one way of writing a date. Group 1 of re is the date as said; read turns
// the groups into a date.
type pattern struct {
	re *regexp.Regexp
	// words: the match must stand as words, not touch a letter or a digit on either side
	// (Go's \b knows only ASCII letters). The check is made on the text around the match,
	// so that the match does not take in its neighbours and a date right after another
	// one is read too.
	words bool
	// calendar: a date of the calendar with no word before it ("13 September 2023",
	// "2023-09-13", "Sept. 13"), which may head a line of a chronology.
	calendar bool
	read     func(g []string, ref time.Time) (d timeline.Date, inferred, ok bool)
	// span, for a pattern of two days ("10-13 September 2023"), reads both ends.
	span func(g []string) (from, to timeline.Date, ok bool)
	scan scanner // re, tried only where it can match
	// needs, when set, are texts one of which a sentence must hold for re to match in it
	// (a word of the script the pattern reads): the pattern is not tried on the others.
	needs []string
}

// Texts a pattern of a script needs (see pattern.needs): every Cyrillic letter is written
// in UTF-8 with a first byte D0 or D1.
var (
	cyrillic = []string{"\xd0", "\xd1"}
	years    = []string{"년", "年"}
	months   = []string{"월", "月"}
)

// Pieces of the patterns.
const (
	enMonth  = `(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`
	ordinal  = `(\d{1,2})(?:st|nd|rd|th)?`
	year     = `(\d{4})`
	ruMonth  = `(?i:(январ[яеь]|феврал[яеь]|март[ае]?|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]|август[ае]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь]))`
	ruYearOf = `(?:\s*(?:года|году|г\.))?`
	weekday  = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
)

// patterns are tried in this order: complete dates first, so that their parts are not
// read again as a month or a year.
var patterns = []pattern{
	// 10-13 September 2023, between 10 and 13 September 2023: a span of days
	{re: re(`(` + ordinal + `\s*(?:-|–|to|and)\s*` + ordinal + `\s+(?:of\s+)?` + enMonth + `,?\s+` + year + `)`), words: true, calendar: true,
		span: func(g []string) (timeline.Date, timeline.Date, bool) {
			return days(g[5], enMonthNumber(g[4]), g[2], g[3])
		}},
	// September 10-13, 2023
	{re: re(`(` + enMonth + `\s+` + ordinal + `\s*(?:-|–|to|and)\s*` + ordinal + `,?\s+` + year + `)`), words: true, calendar: true,
		span: func(g []string) (timeline.Date, timeline.Date, bool) {
			return days(g[5], enMonthNumber(g[2]), g[3], g[4])
		}},
	// 2023-09-13
	{re: re(`(\d{4}-\d{2}-\d{2})`), words: true, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[1], false)
	}},
	// 13 September 2023, 13th of September, 2023
	{re: re(`(` + ordinal + `\s+(?:of\s+)?` + enMonth + `,?\s+` + year + `)`), words: true, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[4], enMonthNumber(g[3]), g[2])
	}},
	// September 13, 2023; Sept. 13th 2023
	{re: re(`(` + enMonth + `\s+` + ordinal + `,?\s+` + year + `)`), words: true, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[4], enMonthNumber(g[2]), g[3])
	}},
	// 13 сентября 2023 года
	{re: re(`((\d{1,2})\s+` + ruMonth + `\s+` + year + ruYearOf + `)`), words: true, needs: cyrillic, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[4], ruMonthNumber(g[3]), g[2])
	}},
	// 2023년 9월 13일, 2023年9月13日
	{re: re(`((\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日])`), words: false, needs: years, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[2], atoi(g[3]), g[4])
	}},
	// 13.09.2023, 13/09/2023: day first, unless the second number cannot be a month
	{re: re(`((\d{1,2})[./](\d{1,2})[./](\d{4}))`), words: true, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		d, m := g[2], atoi(g[3])
		if m > 12 {
			d, m = g[3], atoi(g[2])
		}
		return day(g[4], m, d)
	}},
	// September 2023, Sept. 2023, September of 2023
	{re: re(`(` + enMonth + `,?\s+(?:of\s+)?` + year + `)`), words: true, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return month(g[3], enMonthNumber(g[2]))
	}},
	// сентябре 2023 года
	{re: re(`(` + ruMonth + `\s+` + year + ruYearOf + `)`), words: true, needs: cyrillic, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return month(g[3], ruMonthNumber(g[2]))
	}},
	// 2023년 9월, 2023年9月
	{re: re(`((\d{4})\s*[년年]\s*(\d{1,2})\s*[월月])`), words: false, needs: years, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return month(g[2], atoi(g[3]))
	}},
	// 2023-09
	{re: re(`(\d{4}-\d{2})`), words: true, calendar: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[1], false)
	}},
	// 13 September, 13th of September (the year of the reference, or the one before)
	{re: re(`(` + ordinal + `\s+(?:of\s+)?` + enMonth + `)`), words: true, calendar: true, read: func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(enMonthNumber(g[3]), atoi(g[2]), ref)
	}},
	// September 13, Sept. 5th
	{re: re(`(` + enMonth + `\s+` + ordinal + `)`), words: true, calendar: true, read: func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(enMonthNumber(g[2]), atoi(g[3]), ref)
	}},
	// 13 сентября
	{re: re(`((\d{1,2})\s+` + ruMonth + `)`), words: true, needs: cyrillic, calendar: true, read: func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(ruMonthNumber(g[3]), atoi(g[2]), ref)
	}},
	// 9월 13일, 9月13日
	{re: re(`((\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日])`), words: false, needs: months, calendar: true, read: func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(atoi(g[2]), atoi(g[3]), ref)
	}},
	// in 2019, since 2020, early 2022, mid-2021
	{re: re(`(?:(?i:in|since|during|by|until|till|from|of|early|late|around|before|after|to)\s+|(?i:mid-)\s*)(` + year + `)`), words: true, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[2], false)
	}},
	// в 2019 году, с 2019, по 2021 год
	{re: re(`(?i:в|с|до|после|к|по)\s+(` + year + `(?:\s*(?:году|года|год|г\.))?)`), words: true, needs: cyrillic, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[2], false)
	}},
	// 2019년, 2019年
	{re: re(`((\d{4})\s*[년年])`), words: false, needs: years, read: func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[2], false)
	}},
	// in September, since March, mid-July (the reference's year, or the one before)
	{re: re(`(?:(?i:in|since|during|by|until|till|from|early|late)\s+|(?i:mid-)\s*)(` + enMonth + `)`), words: true, read: func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return monthNoYear(enMonthNumber(g[2]), ref)
	}},
	// on Tuesday, last Friday: the latest such day on or before the reference
	{re: re(`(?:(?i:on|last|this past)\s+)?` + weekday), words: true, read: func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		want := weekdayNumber(g[1])
		back := (int(ref.Weekday()) - want + 7) % 7
		return parsed(ref.AddDate(0, 0, -back).Format("2006-01-02"), true)
	}},
	// yesterday, today, tomorrow
	{re: re(`((?i:yesterday|today|tomorrow))`), words: true, read: func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		shift := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[strings.ToLower(g[1])]
		return parsed(ref.AddDate(0, 0, shift).Format("2006-01-02"), true)
	}},
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

func init() {
	for i := range patterns {
		patterns[i].scan = newScanner(patterns[i].re.String(), patterns[i].words)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// parsed is the EDTF date text, if it is one.
func parsed(text string, inferred bool) (timeline.Date, bool, bool) {
	d, err := timeline.ParseDate(text)
	return d, inferred, err == nil
}

func day(y string, m int, d string) (timeline.Date, bool, bool) {
	return parsed(fmt.Sprintf("%s-%02d-%02d", y, m, atoi(d)), false)
}

// days is the span from day d1 to day d2 of month m of year y.
func days(y string, m int, d1, d2 string) (timeline.Date, timeline.Date, bool) {
	from, _, ok1 := day(y, m, d1)
	to, _, ok2 := day(y, m, d2)
	return from, to, ok1 && ok2 && to.Earliest > from.Earliest
}

func month(y string, m int) (timeline.Date, bool, bool) {
	return parsed(fmt.Sprintf("%s-%02d", y, m), false)
}

// dayNoYear is month m, day d of the reference's year, or of the year before when that
// day is after the reference.
func dayNoYear(m, d int, ref time.Time) (timeline.Date, bool, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return timeline.Date{}, false, false
	}
	y := ref.Year()
	if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).After(ref) {
		y--
	}
	return parsed(fmt.Sprintf("%04d-%02d-%02d", y, m, d), true)
}

// monthNoYear is month m of the reference's year, or of the year before when that month
// begins after the reference.
func monthNoYear(m int, ref time.Time) (timeline.Date, bool, bool) {
	if m < 1 || m > 12 {
		return timeline.Date{}, false, false
	}
	y := ref.Year()
	if time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).After(ref) {
		y--
	}
	return parsed(fmt.Sprintf("%04d-%02d", y, m), true)
}

func enMonthNumber(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

func ruMonthNumber(name string) int {
	name = strings.ToLower(name)
	for i, m := range []string{"янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"} {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

func weekdayNumber(name string) int {
	for i, d := range []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"} {
		if d == name {
			return i
		}
	}
	return 0
}

// tried reports whether the pattern is worth trying on sentence s: s holds one of the
// texts it needs, if it needs any.
func (p *pattern) tried(s string) bool {
	for _, n := range p.needs {
		if strings.Contains(s, n) {
			return true
		}
	}
	return p.needs == nil
}
