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
	read  func(g []string, ref time.Time) (d timeline.Date, inferred, ok bool)
}

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
	// 2023-09-13
	{re(`(\d{4}-\d{2}-\d{2})`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[1], false)
	}},
	// 13 September 2023, 13th of September, 2023
	{re(`(` + ordinal + `\s+(?:of\s+)?` + enMonth + `,?\s+` + year + `)`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[4], enMonthNumber(g[3]), g[2])
	}},
	// September 13, 2023; Sept. 13th 2023
	{re(`(` + enMonth + `\s+` + ordinal + `,?\s+` + year + `)`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[4], enMonthNumber(g[2]), g[3])
	}},
	// 13 сентября 2023 года
	{re(`((\d{1,2})\s+` + ruMonth + `\s+` + year + ruYearOf + `)`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[4], ruMonthNumber(g[3]), g[2])
	}},
	// 2023년 9월 13일, 2023年9月13日
	{re(`((\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日])`), false, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return day(g[2], atoi(g[3]), g[4])
	}},
	// 13.09.2023, 13/09/2023: day first, unless the second number cannot be a month
	{re(`((\d{1,2})[./](\d{1,2})[./](\d{4}))`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		d, m := g[2], atoi(g[3])
		if m > 12 {
			d, m = g[3], atoi(g[2])
		}
		return day(g[4], m, d)
	}},
	// September 2023, Sept. 2023, September of 2023
	{re(`(` + enMonth + `,?\s+(?:of\s+)?` + year + `)`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return month(g[3], enMonthNumber(g[2]))
	}},
	// сентябре 2023 года
	{re(`(` + ruMonth + `\s+` + year + ruYearOf + `)`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return month(g[3], ruMonthNumber(g[2]))
	}},
	// 2023년 9월, 2023年9月
	{re(`((\d{4})\s*[년年]\s*(\d{1,2})\s*[월月])`), false, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return month(g[2], atoi(g[3]))
	}},
	// 2023-09
	{re(`(\d{4}-\d{2})`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[1], false)
	}},
	// 13 September, 13th of September (the year of the reference, or the one before)
	{re(`(` + ordinal + `\s+(?:of\s+)?` + enMonth + `)`), true, func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(enMonthNumber(g[3]), atoi(g[2]), ref)
	}},
	// September 13, Sept. 5th
	{re(`(` + enMonth + `\s+` + ordinal + `)`), true, func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(enMonthNumber(g[2]), atoi(g[3]), ref)
	}},
	// 13 сентября
	{re(`((\d{1,2})\s+` + ruMonth + `)`), true, func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(ruMonthNumber(g[3]), atoi(g[2]), ref)
	}},
	// 9월 13일, 9月13日
	{re(`((\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日])`), false, func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return dayNoYear(atoi(g[2]), atoi(g[3]), ref)
	}},
	// in 2019, since 2020, early 2022, mid-2021
	{re(`(?:(?i:in|since|during|by|until|till|from|of|early|late|around|before|after|to)\s+|(?i:mid-)\s*)(` + year + `)`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[2], false)
	}},
	// в 2019 году
	{re(`(?i:в|с|до|после|к)\s+(` + year + `\s*(?:году|года|г\.))`), true, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[2], false)
	}},
	// 2019년, 2019年
	{re(`((\d{4})\s*[년年])`), false, func(g []string, _ time.Time) (timeline.Date, bool, bool) {
		return parsed(g[2], false)
	}},
	// in September, since March, mid-July (the reference's year, or the one before)
	{re(`(?:(?i:in|since|during|by|until|till|from|early|late)\s+|(?i:mid-)\s*)(` + enMonth + `)`), true, func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		return monthNoYear(enMonthNumber(g[2]), ref)
	}},
	// on Tuesday, last Friday: the latest such day on or before the reference
	{re(`(?:(?i:on|last|this past)\s+)?` + weekday), true, func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		want := weekdayNumber(g[1])
		back := (int(ref.Weekday()) - want + 7) % 7
		return parsed(ref.AddDate(0, 0, -back).Format("2006-01-02"), true)
	}},
	// yesterday, today, tomorrow
	{re(`((?i:yesterday|today|tomorrow))`), true, func(g []string, ref time.Time) (timeline.Date, bool, bool) {
		shift := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[strings.ToLower(g[1])]
		return parsed(ref.AddDate(0, 0, shift).Format("2006-01-02"), true)
	}},
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

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
