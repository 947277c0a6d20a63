package format

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// dateParts are a date as TimelineJS holds it: separate year, month, day and time of
// day, each possibly missing. The precision is what is filled in: a year alone is a year,
// a year and a month a month, and so on.
type dateParts struct {
	Year, Month, Day, Hour, Minute, Second string
}

// partError is a date part that cannot be read, with the part's name.
type partError struct {
	part, msg string
}

var monthNames = map[string]int{}

func init() {
	for m := time.January; m <= time.December; m++ {
		monthNames[strings.ToLower(m.String())] = int(m)
		monthNames[strings.ToLower(m.String()[:3])] = int(m)
	}
}

// partNumber reads one part of a date (a month may be named) and checks it is within
// lo..hi.
func partNumber(part, v string, lo, hi int) (int, *partError) {
	v = strings.TrimSpace(v)
	if m, ok := monthNames[strings.ToLower(v)]; ok && part == "month" {
		return m, nil
	}
	v = strings.TrimSuffix(v, ".0") // spreadsheets write 9 as 9.0
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, &partError{part, fmt.Sprintf("%q is not a whole number", v)}
	}
	if n < lo || n > hi {
		return 0, &partError{part, fmt.Sprintf("%d is not between %d and %d", n, lo, hi)}
	}
	return n, nil
}

// partBlank reports whether a part of a date is not given.
func partBlank(v string) bool { return strings.TrimSpace(v) == "" }

// edtf builds the EDTF text of p; no year is no date. Times of day are read as UTC.
func (p dateParts) edtf() (string, *partError) {
	num, blank := partNumber, partBlank
	if blank(p.Year) {
		for _, q := range []struct{ name, v string }{{"month", p.Month}, {"day", p.Day}, {"hour", p.Hour}} {
			if !blank(q.v) {
				return "", &partError{q.name, "a " + q.name + " needs a year"}
			}
		}
		return "", nil
	}
	y, err := num("year", p.Year, -9999, 9999)
	if err != nil {
		if _, e := strconv.ParseInt(strings.TrimSpace(p.Year), 10, 64); e == nil {
			err.msg = "years beyond four digits are not supported"
		}
		return "", err
	}
	var b strings.Builder
	if y < 0 {
		fmt.Fprintf(&b, "-%04d", -y)
	} else {
		fmt.Fprintf(&b, "%04d", y)
	}
	if blank(p.Month) {
		if !blank(p.Day) {
			return "", &partError{"day", "a day needs a month"}
		}
		return b.String(), nil
	}
	m, err := num("month", p.Month, 1, 12)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "-%02d", m)
	if blank(p.Day) {
		return b.String(), nil
	}
	d, err := num("day", p.Day, 1, 31)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "-%02d", d)
	if blank(p.Hour) && blank(p.Minute) && blank(p.Second) {
		return b.String(), nil
	}
	clock, err := p.clock()
	if err != nil {
		return "", err
	}
	return b.String() + clock, nil
}

// clock is the time of day of p as EDTF writes it ("T14:05:00Z"), its blank parts zero.
func (p dateParts) clock() (string, *partError) {
	var hms [3]int
	for i, q := range []struct {
		part, v string
		hi      int
	}{{"hour", p.Hour, 23}, {"minute", p.Minute, 59}, {"second", p.Second, 59}} {
		if partBlank(q.v) {
			continue
		}
		n, err := partNumber(q.part, q.v, 0, q.hi)
		if err != nil {
			return "", err
		}
		hms[i] = n
	}
	return fmt.Sprintf("T%02d:%02d:%02dZ", hms[0], hms[1], hms[2]), nil
}

// partsOf splits a date into TimelineJS parts. Unspecified digits become the earliest
// value (201X is 2010; an XX month or day is left out), qualifiers are dropped and a time
// of day is given in UTC; exact reports whether the parts say all the date says.
func partsOf(d timeline.Date) (p dateParts, exact bool) {
	base := strings.TrimRight(d.Text, "~?%")
	datePart, timePart, hasTime := strings.Cut(base, "T")
	neg := strings.HasPrefix(datePart, "-")
	fields := strings.Split(strings.TrimPrefix(datePart, "-"), "-")
	clean := func(s string) (int, bool) {
		n, err := strconv.Atoi(strings.NewReplacer("X", "0", "x", "0").Replace(s))
		return n, err == nil && !strings.ContainsAny(s, "Xx")
	}
	y, okY := clean(fields[0])
	if neg {
		y = -y
	}
	exact = okY && base == d.Text
	var m, day int
	if len(fields) > 1 {
		var ok bool
		if m, ok = clean(fields[1]); !ok {
			exact, m = false, 0
		}
	}
	if len(fields) > 2 && m > 0 {
		var ok bool
		if day, ok = clean(fields[2]); !ok {
			exact, day = false, 0
		}
	}
	if hasTime && day > 0 {
		t, ok := clockOf(y, m, day, timePart)
		if ok {
			if t.Format("-07:00") != "+00:00" || !strings.HasSuffix(timePart, "Z") {
				exact = false
			}
			y, m, day = t.Year(), int(t.Month()), t.Day()
			p.Hour, p.Minute, p.Second = strconv.Itoa(t.Hour()), strconv.Itoa(t.Minute()), strconv.Itoa(t.Second())
		}
	}
	p.Year = strconv.Itoa(y)
	if m > 0 {
		p.Month = strconv.Itoa(m)
	}
	if day > 0 {
		p.Day = strconv.Itoa(day)
	}
	return p, exact
}

// clockOf reads "HH:MM:SS" followed by Z or an offset on the given day, in UTC.
func clockOf(y, m, d int, s string) (time.Time, bool) {
	if len(s) < 8 || s[2] != ':' || s[5] != ':' {
		return time.Time{}, false
	}
	h, e1 := strconv.Atoi(s[:2])
	mi, e2 := strconv.Atoi(s[3:5])
	sec, e3 := strconv.Atoi(s[6:8])
	if e1 != nil || e2 != nil || e3 != nil {
		return time.Time{}, false
	}
	off := 0
	if z := s[8:]; z != "Z" && z != "" {
		if len(z) != 6 || (z[0] != '+' && z[0] != '-') || z[3] != ':' {
			return time.Time{}, false
		}
		oh, e1 := strconv.Atoi(z[1:3])
		om, e2 := strconv.Atoi(z[4:6])
		if e1 != nil || e2 != nil {
			return time.Time{}, false
		}
		off = oh*3600 + om*60
		if z[0] == '-' {
			off = -off
		}
	}
	return time.Date(y, time.Month(m), d, h, mi, sec, 0, time.FixedZone("", off)).UTC(), true
}

// htmlText reports whether e's title and description are HTML (they came from
// TimelineJS), so a TimelineJS export writes them as they are rather than escaped.
func htmlText(e timeline.Event) bool { return e.Attrs["text_format"] == "html" }

// toHTML escapes plain text for TimelineJS, which shows headlines and text as HTML.
func toHTML(s string) string {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(s)
	return strings.ReplaceAll(s, "\n", "<br>")
}

// untitled makes a title for a slide with no headline from its text, its media caption
// or its date, as TimelineJS shows such slides anyway.
func untitled(candidates ...string) string {
	for _, c := range candidates {
		if s := plainText(c); s != "" {
			if r := []rune(s); len(r) > 80 {
				s = string(r[:79]) + "…"
			}
			return s
		}
	}
	return "Untitled"
}

// plainText drops tags from a bit of HTML and squeezes its spaces.
func plainText(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
