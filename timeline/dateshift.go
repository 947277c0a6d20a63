package timeline

import (
	"fmt"
	"strings"
	"time"
)

// shape is the form of a date's text, as ShiftDate rewrites it: its qualifier, its
// calendar parts as written (digits, or X for the unspecified ones), or its date-time.
type shape struct {
	qual     string // the trailing ~ ? or %, or ""
	neg      bool   // a year before year 0
	year     string // four characters, digits or X
	month    string // two characters, or "" when not given
	dayPart  string // two characters, or ""
	clock    string // a date-time (with a T): the text without its qualifier
	unit     Precision
	hasMonth bool // month is digits
	hasDay   bool // day is digits (and so is the month)
}

// clockLayouts are the forms of an EDTF date-time ShiftDate rewrites.
var clockLayouts = []string{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04"}

// readShape reads the form of a date's text; unit is the finest part given in digits
// (a decade for 201X, a month for 2023-09-XX); ok is false for a form it cannot rewrite.
func readShape(text string) (p shape, ok bool) {
	s := strings.TrimSpace(text)
	if n := len(s); n > 0 && strings.ContainsRune("~?%", rune(s[n-1])) {
		p.qual, s = s[n-1:], s[:n-1]
	}
	if strings.Contains(s, "T") {
		p.clock, p.unit = s, PrecisionMinute
		if strings.Count(s[strings.Index(s, "T"):], ":") >= 2 {
			p.unit = PrecisionSecond
		}
		return p, true
	}
	if strings.HasPrefix(s, "-") {
		p.neg, s = true, s[1:]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return p, false
	}
	p.year = strings.ToUpper(parts[0])
	if len(parts) > 1 {
		p.month = strings.ToUpper(parts[1])
	}
	if len(parts) > 2 {
		p.dayPart = strings.ToUpper(parts[2])
	}
	_, yearOK := digitsValue(p.year)
	_, monthOK := digitsValue(p.month)
	_, dayOK := digitsValue(p.dayPart)
	p.hasMonth = yearOK && p.month != "" && monthOK
	p.hasDay = p.hasMonth && p.dayPart != "" && dayOK
	switch {
	case strings.HasSuffix(p.year, "XX"):
		_, ok = digitsValue(p.year[:2])
		p.unit = PrecisionCentury
	case strings.HasSuffix(p.year, "X"):
		_, ok = digitsValue(p.year[:3])
		p.unit = PrecisionDecade
	case p.hasDay:
		ok, p.unit = true, PrecisionDay
	case p.hasMonth:
		ok, p.unit = true, PrecisionMonth
	default:
		ok, p.unit = yearOK, PrecisionYear
	}
	return p, ok
}

// ShiftDate moves d by n steps, keeping its form and qualifiers: "2023-09-05~" by two
// days is "2023-09-07~", "201X" by one step of ten years "202X", a date-time keeps its
// offset from UTC. A day that the new month lacks (31 January a month on, 29 February a
// year on) becomes the month's last. It fails for a step finer than the date (days for a
// month), for a year outside -9999 to 9999, and for a form it cannot rewrite.
func ShiftDate(d Date, step MoveStep, n int) (Date, error) {
	if n == 0 || d.IsZero() {
		return d, nil
	}
	p, ok := readShape(d.Text)
	if !ok {
		return d, fmt.Errorf("%q cannot be moved", d.Text)
	}
	var text string
	var err error
	switch {
	case p.clock != "":
		text, err = p.shiftClock(step, n)
	case p.unit == PrecisionCentury || p.unit == PrecisionDecade:
		text, err = p.shiftRound(step, n)
	default:
		text, err = p.shiftCalendar(step, n)
	}
	if err != nil {
		return d, err
	}
	return ParseDate(text + p.qual)
}

// shiftClock moves a date-time.
func (p shape) shiftClock(step MoveStep, n int) (string, error) {
	for _, layout := range clockLayouts {
		t, err := time.ParseInLocation(layout, p.clock, time.UTC)
		if err != nil {
			continue
		}
		t = t.AddDate(step.Years*n, step.Months*n, step.Days*n).Add(time.Duration(step.Seconds*int64(n)) * time.Second)
		if t.Year() < 0 || t.Year() > 9999 {
			return "", fmt.Errorf("a date-time goes from year 0 to 9999")
		}
		out := t.Format(layout)
		if strings.HasSuffix(p.clock, "+00:00") && strings.HasSuffix(out, "Z") {
			out = strings.TrimSuffix(out, "Z") + "+00:00"
		}
		return out, nil
	}
	return "", fmt.Errorf("%q cannot be moved", p.clock)
}

// shiftRound moves a decade (201X) or a century (19XX) by whole ones.
func (p shape) shiftRound(step MoveStep, n int) (string, error) {
	size, digits, limit := 10, 3, 1000
	if p.unit == PrecisionCentury {
		size, digits, limit = 100, 2, 100
	}
	if p.neg || step.Months != 0 || step.Days != 0 || step.Seconds != 0 || step.Years%size != 0 {
		return "", fmt.Errorf("%s moves by whole %ss", p.year, p.unit)
	}
	v, _ := digitsValue(p.year[:digits])
	v += step.Years / size * n
	if v < 0 || v >= limit {
		return "", fmt.Errorf("a year goes from 0 to 9999")
	}
	out := fmt.Sprintf("%0*d%s", digits, v, p.year[digits:])
	for _, rest := range []string{p.month, p.dayPart} {
		if rest != "" {
			out += "-" + rest
		}
	}
	return out, nil
}

// shiftCalendar moves a year, a month or a day (with any unspecified parts after the
// ones given kept as they are).
func (p shape) shiftCalendar(step MoveStep, n int) (string, error) {
	days := step.Days * n
	if step.Seconds != 0 {
		if step.Seconds%day != 0 {
			return "", fmt.Errorf("a date without a time moves by whole days")
		}
		days += int(step.Seconds/day) * n
	}
	months := (step.Years*12 + step.Months) * n
	if (days != 0 && !p.hasDay) || (step.Months != 0 && !p.hasMonth) {
		return "", fmt.Errorf("a date moves by no less than its precision")
	}
	y, _ := digitsValue(p.year)
	if p.neg {
		y = -y
	}
	m, dd := 1, 1
	if p.hasMonth {
		m, _ = digitsValue(p.month)
	}
	if p.hasDay {
		dd, _ = digitsValue(p.dayPart)
	}
	if months != 0 {
		total := int64(y*12 + m - 1 + months)
		y = int(floorDiv(total, 12))
		m = int(total-int64(y)*12) + 1
		dd = min(dd, daysIn(y, time.Month(m)))
	}
	if days != 0 {
		t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
		y, m, dd = t.Year(), int(t.Month()), t.Day()
	}
	if y < -9999 || y > 9999 {
		return "", fmt.Errorf("a year goes from -9999 to 9999")
	}
	out := fmt.Sprintf("%04d", y)
	if y < 0 {
		out = fmt.Sprintf("-%04d", -y)
	}
	switch {
	case p.hasMonth:
		out += fmt.Sprintf("-%02d", m)
	case p.month != "":
		out += "-" + p.month
	}
	switch {
	case p.hasDay:
		out += fmt.Sprintf("-%02d", dd)
	case p.dayPart != "":
		out += "-" + p.dayPart
	}
	return out, nil
}
