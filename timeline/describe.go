package timeline

import (
	"fmt"
	"strings"
	"time"
)

// YearLabel writes an astronomical year (0 is 1 BC, -43 is 44 BC) the way a reader
// expects: 2023, 44 BC.
func YearLabel(year int) string {
	if year <= 0 {
		return fmt.Sprintf("%d BC", 1-year)
	}
	return fmt.Sprintf("%d", year)
}

// Describe says in plain words how d is understood, for the form's preview and tooltips:
// "13 Sep 2023", "about 5 Sep 2023", "some day in Jan 2020", "15 Mar 44 BC",
// "some year in the 2010s".
func (d Date) Describe() string {
	if d.IsZero() {
		return ""
	}
	// The base instant, before any widening.
	base := strings.TrimRight(d.Text, "~?%")
	t := firstInstant(d, base)
	var s string
	switch d.Precision {
	case PrecisionCentury:
		s = fmt.Sprintf("some year in %s-%s", YearLabel(t.Year()), YearLabel(t.Year()+99))
	case PrecisionDecade:
		if t.Year() > 0 {
			s = fmt.Sprintf("some year in the %ds", t.Year())
		} else {
			s = fmt.Sprintf("some year in %s-%s", YearLabel(t.Year()), YearLabel(t.Year()+9))
		}
	case PrecisionYear:
		s = "some time in " + YearLabel(t.Year())
		if d.Approximate || d.Uncertain {
			s = YearLabel(t.Year())
		}
	case PrecisionMonth:
		s = "some day in " + t.Format("Jan") + " " + YearLabel(t.Year())
		if d.Approximate || d.Uncertain {
			s = t.Format("Jan") + " " + YearLabel(t.Year())
		}
	case PrecisionDay:
		s = fmt.Sprintf("%d %s %s", t.Day(), t.Format("Jan"), YearLabel(t.Year()))
	case PrecisionMinute, PrecisionSecond:
		layout := "15:04"
		if d.Precision == PrecisionSecond {
			layout = "15:04:05"
		}
		zone := t.Format("-07:00")
		if zone == "+00:00" {
			zone = "UTC"
		}
		s = fmt.Sprintf("%d %s %s %s %s", t.Day(), t.Format("Jan"), YearLabel(t.Year()), t.Format(layout), zone)
	}
	switch {
	case d.Approximate && d.Uncertain:
		return "perhaps about " + s
	case d.Approximate:
		return "about " + s
	case d.Uncertain:
		return "perhaps " + s + " (uncertain)"
	}
	return s
}

// firstInstant is the start of the date as written (with its own offset for date-times),
// before widening.
func firstInstant(d Date, base string) time.Time {
	if d.Precision >= PrecisionMinute {
		if t, err := time.Parse(time.RFC3339, base); err == nil {
			return t
		}
	}
	var x Date
	if parsePlain(strings.NewReplacer("X", "0", "x", "0").Replace(base), &x) {
		return time.Unix(x.Earliest, 0).UTC()
	}
	// 2023-09-XX reads as 2023-09-00 above: take the first of the month instead.
	s := strings.NewReplacer("XX", "01", "xx", "01").Replace(base)
	if parsePlain(s, &x) {
		return time.Unix(x.Earliest, 0).UTC()
	}
	return time.Unix(d.Earliest, 0).UTC()
}

// RangeLabel is a short label for a date known as the range lo..hi (inclusive Unix
// seconds, UTC), for lists: "05 Jun 1943" for a day or a time in it, "Jul 1943" for a
// month, "1951" for a year, "2010-2019" for a decade, and a tilde before the middle unit
// of a range widened around it by the same on each side (an approximate or uncertain
// date): "~Jul 1943" for June to August (or May to September), "~05 Sep 2023" for 2 to 8
// September.
func RangeLabel(lo, hi int64) string {
	a, b := time.Unix(lo, 0).UTC(), time.Unix(hi+1, 0).UTC() // b is the first instant after
	day := func(t time.Time) string { return t.Format("02 Jan ") + YearLabel(t.Year()) }
	month := func(t time.Time) string { return t.Format("Jan ") + YearLabel(t.Year()) }
	midnight := func(t time.Time) bool { return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 }
	switch {
	case hi < lo:
		return day(a)
	case !midnight(a) || !midnight(b):
		if b.Sub(a) <= 24*time.Hour {
			return day(a) // a time, or part of one day
		}
	case a.Day() == 1 && b.Day() == 1 && a.Month() == time.January && b.Month() == time.January:
		switch years := b.Year() - a.Year(); {
		case years == 1:
			return YearLabel(a.Year())
		case years%2 == 1:
			return "~" + YearLabel(a.Year()+years/2)
		default:
			return YearLabel(a.Year()) + "-" + YearLabel(b.Year()-1)
		}
	case a.Day() == 1 && b.Day() == 1:
		switch months := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month()); {
		case months == 1:
			return month(a)
		case months%2 == 1:
			return "~" + month(a.AddDate(0, months/2, 0))
		default:
			return month(a) + " - " + month(b.AddDate(0, -1, 0))
		}
	default:
		days := int(b.Sub(a) / (24 * time.Hour))
		switch {
		case days == 1:
			return day(a)
		case days%2 == 1:
			return "~" + day(a.AddDate(0, 0, days/2))
		default:
			return day(a) + " - " + day(b.AddDate(0, 0, -1))
		}
	}
	return "~" + day(time.Unix(lo+(hi-lo)/2, 0).UTC())
}
