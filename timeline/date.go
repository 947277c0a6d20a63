package timeline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sfomuseum/go-edtf/parser"
)

// Precision is how finely a date is known, from a century down to a second.
type Precision uint8

// The precisions a Date can have, coarsest first.
const (
	PrecisionNone Precision = iota
	PrecisionCentury
	PrecisionDecade
	PrecisionYear
	PrecisionMonth
	PrecisionDay
	PrecisionMinute
	PrecisionSecond
)

// String names the precision in plain words.
func (p Precision) String() string {
	switch p {
	case PrecisionCentury:
		return "century"
	case PrecisionDecade:
		return "decade"
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	case PrecisionMinute:
		return "minute"
	case PrecisionSecond:
		return "second"
	}
	return "none"
}

// Date is an EDTF date (levels 0 and 1) as the analyst entered it, with the range of
// instants it can mean. Earliest and Latest are inclusive Unix seconds (UTC); for a
// day-precision date they are the first and last second of that day. Approximate (~) and
// uncertain (?) dates widen the range by one unit of their precision on each side (three
// days for a day), % does both, so they are drawn as a range and never as a point.
// The zero Date is "no date".
type Date struct {
	Text        string
	Earliest    int64
	Latest      int64
	Precision   Precision
	Approximate bool
	Uncertain   bool
	Unspecified bool
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Text == "" }

// Fuzzy reports whether d stands for a range rather than a point: it is approximate,
// uncertain, has unspecified digits, or is coarser than a day.
func (d Date) Fuzzy() bool {
	return d.Approximate || d.Uncertain || d.Unspecified || (d.Precision != PrecisionNone && d.Precision < PrecisionDay)
}

// String returns the EDTF text.
func (d Date) String() string { return d.Text }

// DateError explains why a text is not a date the timeline understands. Err, when set, is
// the kind of problem (ErrNotEDTF).
type DateError struct {
	Text   string
	Reason string
	Err    error
}

// ErrNotEDTF is wrapped by the DateError of a text that is no form of date at all (rather
// than a date with a wrong part, such as month 13).
var ErrNotEDTF = errors.New("use EDTF such as 2023-09-13, 2023-09, 2023, 2023-09-05~ or 201X")

func (e *DateError) Unwrap() error { return e.Err }

func (e *DateError) Error() string {
	if e.Reason == "" {
		return fmt.Sprintf("%q is not a date", e.Text)
	}
	return fmt.Sprintf("%q is not a date: %s", e.Text, e.Reason)
}

const day = 24 * 60 * 60

// ParseDate reads an EDTF date: YYYY, YYYY-MM, YYYY-MM-DD, negative years (-0043 is 44 BC),
// a date-time with Z or an offset, X for unspecified digits (201X, 2023-09-XX), and a
// trailing ~ (approximate), ? (uncertain) or % (both). Intervals are not a single date: an
// event's span has a start and an end. The plain calendar forms are read directly; the rest
// goes through go-edtf. go-edtf v1.3.0 reads "2023-09-05~" as the whole month and drops the
// qualifier, so qualifiers are taken off here before it sees the text.
func ParseDate(text string) (Date, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return Date{}, &DateError{Text: text, Reason: "it is empty"}
	}
	if strings.Contains(s, "/") || strings.Contains(s, "..") {
		return Date{}, &DateError{Text: text, Reason: "an interval is a start and an end, give them separately"}
	}
	d := Date{Text: s}
	base := s
	switch base[len(base)-1] {
	case '~':
		d.Approximate = true
		base = base[:len(base)-1]
	case '?':
		d.Uncertain = true
		base = base[:len(base)-1]
	case '%':
		d.Approximate, d.Uncertain = true, true
		base = base[:len(base)-1]
	}
	if base == "" || strings.ContainsAny(base, "~?%") {
		return Date{}, &DateError{Text: text, Reason: "a qualifier (~ ? %) goes once, at the end"}
	}
	if !parsePlain(base, &d) {
		if err := parseEDTF(base, &d); err != nil {
			return Date{}, &DateError{Text: text, Reason: err.Error(), Err: err}
		}
	}
	widen(&d)
	return d, nil
}

// MustParseDate is ParseDate for dates known to be valid, such as the sample chronology's;
// it panics on a bad date.
func MustParseDate(text string) Date {
	d, err := ParseDate(text)
	if err != nil {
		panic(err)
	}
	return d
}

// parsePlain reads [-]YYYY, [-]YYYY-MM and [-]YYYY-MM-DD without a regular expression, the
// shape of nearly every date in a large import. It reports false for any other shape, and
// for impossible months and days (which then fail in go-edtf with its own words).
func parsePlain(s string, d *Date) bool {
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	num := digitsValue
	year, ok := num(s[:4])
	if !ok {
		return false
	}
	if neg {
		year = -year
	}
	month, dom := 1, 1
	prec := PrecisionYear
	if len(s) >= 7 {
		if s[4] != '-' {
			return false
		}
		if month, ok = num(s[5:7]); !ok || month < 1 || month > 12 {
			return false
		}
		prec = PrecisionMonth
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return false
		}
		if dom, ok = num(s[8:10]); !ok || dom < 1 || dom > daysIn(year, time.Month(month)) {
			return false
		}
		prec = PrecisionDay
	}
	first := time.Date(year, time.Month(month), dom, 0, 0, 0, 0, time.UTC)
	next := first.AddDate(0, 0, 1)
	switch prec {
	case PrecisionYear:
		next = first.AddDate(1, 0, 0)
	case PrecisionMonth:
		next = first.AddDate(0, 1, 0)
	}
	d.Earliest, d.Latest, d.Precision = first.Unix(), next.Unix()-1, prec
	return true
}

// digitsValue reads a run of ASCII digits (no sign); false if any is not one.
func digitsValue(part string) (int, bool) {
	n := 0
	for i := 0; i < len(part); i++ {
		c := part[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseEDTF handles the forms parsePlain does not: date-times and unspecified digits.
// go-edtf v1.3.0 panics on some malformed text (it slices out of range on "0191S7"); such
// a panic is a refused date, never a crash.
func parseEDTF(s string, d *Date) (err error) {
	defer func() {
		if recover() != nil {
			err = explain(s)
		}
	}()
	if len(s) > 1 && s[0] == 'Y' && (s[1] == '-' || (s[1] >= '0' && s[1] <= '9')) {
		return fmt.Errorf("years beyond four digits are not supported")
	}
	e, err := parser.ParseString(s)
	if err != nil {
		return explain(s)
	}
	if e.Start == nil || e.End == nil || e.Start.Lower == nil || e.End.Upper == nil ||
		e.Start.Lower.Timestamp == nil || e.End.Upper.Timestamp == nil {
		return fmt.Errorf("it has no definite range")
	}
	if e.Level > 1 {
		return fmt.Errorf("only EDTF levels 0 and 1 are supported (%s is level 2: %s)", s, strings.ToLower(e.Feature))
	}
	if e.Feature == "Open" || e.Feature == "Unknown" {
		return fmt.Errorf("an open or unknown date cannot be placed on a timeline")
	}
	d.Earliest = e.Start.Lower.Timestamp.Unix()
	d.Latest = e.End.Upper.Timestamp.Unix()
	switch {
	case strings.Contains(s, "T"):
		d.Precision = PrecisionMinute
		if strings.Count(s[strings.Index(s, "T"):], ":") >= 2 {
			d.Precision = PrecisionSecond
		}
	case strings.ContainsAny(s, "Xx"):
		d.Unspecified = true
		d.Precision = unspecifiedPrecision(s)
	default:
		d.Precision = PrecisionDay
	}
	return nil
}

// unspecifiedPrecision is the precision left once the X digits are read as "any".
func unspecifiedPrecision(s string) Precision {
	y := strings.TrimPrefix(s, "-")
	if len(y) >= 4 {
		yy := y[:4]
		switch {
		case strings.HasSuffix(yy, "XX") || strings.HasSuffix(yy, "xx"):
			return PrecisionCentury
		case strings.HasSuffix(yy, "X") || strings.HasSuffix(yy, "x"):
			return PrecisionDecade
		}
	}
	switch len(y) {
	case 4:
		return PrecisionYear
	case 7:
		return PrecisionMonth
	}
	if strings.HasSuffix(y, "XX") || strings.HasSuffix(y, "xx") {
		return PrecisionMonth
	}
	return PrecisionDay
}

// explain turns a refused text into the most useful reason an analyst can act on.
func explain(s string) error {
	parts := strings.Split(strings.TrimPrefix(strings.SplitN(s, "T", 2)[0], "-"), "-")
	if len(parts) >= 2 {
		if m, err := strconv.Atoi(parts[1]); err == nil && (m < 1 || m > 12) {
			return fmt.Errorf("there is no month %d", m)
		}
	}
	if len(parts) == 3 {
		y, _ := strconv.Atoi(parts[0])
		m, _ := strconv.Atoi(parts[1])
		if dd, err := strconv.Atoi(parts[2]); err == nil && m >= 1 && m <= 12 {
			if strings.HasPrefix(s, "-") {
				y = -y
			}
			if dd < 1 || dd > daysIn(y, time.Month(m)) {
				return fmt.Errorf("%s has no day %d", time.Month(m), dd)
			}
		}
	}
	return ErrNotEDTF
}

// widen stretches an approximate or uncertain date by one unit of its precision on each
// side (three days for a day, as "about" rarely means the very next day).
func widen(d *Date) {
	n := 0
	if d.Approximate {
		n++
	}
	if d.Uncertain {
		n++
	}
	if n == 0 {
		return
	}
	lo := time.Unix(d.Earliest, 0).UTC()
	hi := time.Unix(d.Latest+1, 0).UTC() // exclusive, so "end of month" stays the end of a month
	for i := 0; i < n; i++ {
		switch d.Precision {
		case PrecisionCentury:
			lo, hi = lo.AddDate(-100, 0, 0), hi.AddDate(100, 0, 0)
		case PrecisionDecade:
			lo, hi = lo.AddDate(-10, 0, 0), hi.AddDate(10, 0, 0)
		case PrecisionYear:
			lo, hi = lo.AddDate(-1, 0, 0), hi.AddDate(1, 0, 0)
		case PrecisionMonth:
			lo, hi = lo.AddDate(0, -1, 0), hi.AddDate(0, 1, 0)
		case PrecisionDay:
			lo, hi = lo.AddDate(0, 0, -3), hi.AddDate(0, 0, 3)
		default:
			lo, hi = lo.Add(-time.Hour), hi.Add(time.Hour)
		}
	}
	d.Earliest, d.Latest = lo.Unix(), hi.Unix()-1
}

// Time returns the earliest instant of d as a UTC time.
func (d Date) Time() time.Time { return time.Unix(d.Earliest, 0).UTC() }
