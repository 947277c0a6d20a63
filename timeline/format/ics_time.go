package format

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// windowsZones maps the Windows zone names Outlook writes in TZID to IANA names.
var windowsZones = map[string]string{
	"UTC": "UTC", "GMT Standard Time": "Europe/London", "W. Europe Standard Time": "Europe/Berlin",
	"Romance Standard Time": "Europe/Paris", "Central Europe Standard Time": "Europe/Budapest",
	"Central European Standard Time": "Europe/Warsaw", "E. Europe Standard Time": "Europe/Chisinau",
	"FLE Standard Time": "Europe/Kiev", "GTB Standard Time": "Europe/Bucharest",
	"Russian Standard Time": "Europe/Moscow", "Turkey Standard Time": "Europe/Istanbul",
	"Israel Standard Time": "Asia/Jerusalem", "Arabian Standard Time": "Asia/Dubai",
	"India Standard Time": "Asia/Calcutta", "China Standard Time": "Asia/Shanghai",
	"Korea Standard Time": "Asia/Seoul", "Tokyo Standard Time": "Asia/Tokyo",
	"Singapore Standard Time": "Asia/Singapore", "AUS Eastern Standard Time": "Australia/Sydney",
	"Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
	"Mountain Standard Time": "America/Denver", "Pacific Standard Time": "America/Los_Angeles",
	"E. South America Standard Time": "America/Sao_Paulo", "South Africa Standard Time": "Africa/Johannesburg",
}

// zone finds the location a TZID names: an IANA name, one ending a longer path (as
// "/mozilla.org/20070129_1/Europe/Berlin"), or a Windows name.
func zone(tzid string, zones map[string]*time.Location) (*time.Location, error) {
	if loc, ok := zones[tzid]; ok {
		return loc, nil
	}
	name := strings.TrimSpace(tzid)
	if w, ok := windowsZones[name]; ok {
		name = w
	}
	try := func(n string) *time.Location {
		if n == "" || n == "Local" || strings.Contains(n, "..") {
			return nil
		}
		loc, err := time.LoadLocation(n)
		if err != nil {
			return nil
		}
		return loc
	}
	loc := try(name)
	for rest := name; loc == nil; {
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		loc = try(rest)
	}
	if loc == nil {
		return nil, fmt.Errorf("the time zone %q is unknown; use a name such as Asia/Seoul", clip(tzid))
	}
	zones[tzid] = loc
	return loc, nil
}

// icsTime reads a DATE (allDay) or DATE-TIME value in UTC.
func icsTime(p *icsProp, zones map[string]*time.Location) (time.Time, bool, error) {
	v := strings.TrimSpace(p.value)
	bad := fmt.Errorf("%q is not a date such as 20230913 or a time such as 20230913T140500Z", clip(v))
	y, m, d, ok := icsDay(v)
	if !ok {
		return time.Time{}, false, bad
	}
	if len(v) == 8 {
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true, nil
	}
	if strings.EqualFold(p.params["VALUE"], "DATE") || len(v) < 15 || v[8] != 'T' {
		return time.Time{}, false, bad
	}
	h, ok1 := icsNumber(v[9:11])
	mi, ok2 := icsNumber(v[11:13])
	sec, ok3 := icsNumber(v[13:15])
	rest := v[15:]
	if !ok1 || !ok2 || !ok3 || h > 23 || mi > 59 || sec > 60 || (rest != "" && rest != "Z") {
		return time.Time{}, false, bad
	}
	loc := time.UTC // floating times name no zone and are read as UTC
	if tz, ok := p.params["TZID"]; ok && rest == "" {
		var err error
		if loc, err = zone(tz, zones); err != nil {
			return time.Time{}, false, err
		}
	}
	return time.Date(y, time.Month(m), d, h, mi, sec, 0, loc).UTC(), false, nil
}

// icsDay reads the YYYYMMDD that opens a DATE or DATE-TIME value; ok is false unless it is
// a day of the calendar.
func icsDay(v string) (y, m, d int, ok bool) {
	if len(v) < 8 {
		return 0, 0, 0, false
	}
	y, ok1 := icsNumber(v[:4])
	m, ok2 := icsNumber(v[4:6])
	d, ok3 := icsNumber(v[6:8])
	ok = ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return y, m, d, ok
}

// icsNumber reads digits, no sign.
func icsNumber(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && s[0] != '+' && s[0] != '-'
}

// icsDuration is an RFC 5545 duration: days (weeks are seven) and a clock part.
type icsDuration struct {
	days int
	span time.Duration
	neg  bool
}

func (d icsDuration) addTo(t time.Time) time.Time {
	if d.neg {
		return t.AddDate(0, 0, -d.days).Add(-d.span)
	}
	return t.AddDate(0, 0, d.days).Add(d.span)
}

// add adds n of the unit c (W, D, or H, M, S after the T: inTime) to d; false when c is
// no unit there.
func (d *icsDuration) add(c byte, inTime bool, n int) bool {
	switch {
	case c == 'W' && !inTime:
		d.days += 7 * n
	case c == 'D' && !inTime:
		d.days += n
	case c == 'H' && inTime:
		d.span += time.Duration(n) * time.Hour
	case c == 'M' && inTime:
		d.span += time.Duration(n) * time.Minute
	case c == 'S' && inTime:
		d.span += time.Duration(n) * time.Second
	default:
		return false
	}
	return true
}

// parseDuration reads P1W, P3D, PT1H30M, P1DT12H and the like.
func parseDuration(s string) (icsDuration, error) {
	var d icsDuration
	bad := fmt.Errorf("%q is not a duration such as P1D or PT1H30M", clip(s))
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		d.neg = s[0] == '-'
		s = s[1:]
	}
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return d, bad
	}
	s = s[1:]
	inTime := false
	n, digits := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n > 1e6 {
				return d, bad
			}
			n, digits = n*10+int(c-'0'), digits+1
			continue
		case c == 'T' && !inTime && digits == 0:
			inTime = true
			continue
		case digits == 0 || !d.add(c, inTime, n):
			return d, bad
		}
		n, digits = 0, 0
	}
	if digits != 0 {
		return d, bad
	}
	return d, nil
}
