package timeline

import (
	"strconv"
	"time"
)

// DefaultTickSpacing is a good minimum distance in pixels between two labelled ticks.
const DefaultTickSpacing = 80

// TickUnit is the calendar unit a Step counts in.
type TickUnit uint8

// The calendar units of tick steps, finest first.
const (
	UnitSecond TickUnit = iota
	UnitMinute
	UnitHour
	UnitDay
	UnitMonth
	UnitYear
)

// Step is the distance between two ticks: N of a calendar unit, such as 15 minutes or
// 100 years. Steps of days, months and years follow the calendar (real month lengths and
// leap days) rather than a fixed number of seconds.
type Step struct {
	Unit TickUnit
	N    int
}

// Steps are the tick steps a view can use, finest first.
var Steps = []Step{
	{UnitSecond, 1}, {UnitSecond, 5}, {UnitSecond, 15}, {UnitSecond, 30},
	{UnitMinute, 1}, {UnitMinute, 5}, {UnitMinute, 15}, {UnitMinute, 30},
	{UnitHour, 1}, {UnitHour, 3}, {UnitHour, 6}, {UnitHour, 12},
	{UnitDay, 1}, {UnitDay, 2}, {UnitDay, 7}, {UnitDay, 14},
	{UnitMonth, 1}, {UnitMonth, 3}, {UnitMonth, 6},
	{UnitYear, 1}, {UnitYear, 2}, {UnitYear, 5}, {UnitYear, 10}, {UnitYear, 20}, {UnitYear, 50},
	{UnitYear, 100}, {UnitYear, 200}, {UnitYear, 500}, {UnitYear, 1000}, {UnitYear, 2000},
	{UnitYear, 5000}, {UnitYear, 10000},
}

// unitSeconds is the mean length of one unit, to compare steps with the view.
var unitSeconds = [...]float64{1, 60, 3600, day, 30.436875 * day, 365.2425 * day}

// Seconds is the mean length of the step in seconds.
func (st Step) Seconds() float64 { return float64(st.N) * unitSeconds[st.Unit] }

// String names the step: "15 min", "1 day", "100 years".
func (st Step) String() string {
	names := [...]string{"s", "min", "h", "day", "month", "year"}
	s := strconv.Itoa(st.N) + " " + names[st.Unit]
	if st.N != 1 && st.Unit >= UnitDay {
		s += "s"
	}
	return s
}

// Tick is one calendar mark on the time axis. X is its pixel position in the view (the
// first major tick may lie left of 0: its period began off-screen, and a renderer should
// draw its label at max(X, 0) so the major row always names the period in view, pushing
// it left of the next major tick if they would overlap). T is the instant, Label what to
// write ("13", "Sep", "2023", "10:30", "44 BC"), and Major tells the row: minor ticks
// carry the step's own labels, major ticks the larger unit ("Sep 2023" above days).
type Tick struct {
	X     float64
	T     int64
	Label string
	Major bool
}

// ChooseStep returns the finest step whose ticks are at least minSpacing pixels apart in
// view s (on average: a calendar month or a step across year 0 may be a little shorter).
func ChooseStep(s Scale, minSpacing float64) Step {
	spp := s.SecondsPerPixel()
	for _, st := range Steps {
		if st.Seconds()/spp >= minSpacing {
			return st
		}
	}
	return Steps[len(Steps)-1]
}

// majorStep is the larger unit named above the minor ticks of st; ok is false for the
// steps of 500 years and more, which have no major row.
func majorStep(st Step) (Step, bool) {
	switch st.Unit {
	case UnitSecond, UnitMinute, UnitHour:
		return Step{UnitDay, 1}, true
	case UnitDay:
		return Step{UnitMonth, 1}, true
	case UnitMonth:
		return Step{UnitYear, 1}, true
	}
	switch {
	case st.N <= 2:
		return Step{UnitYear, 10}, true
	case st.N <= 20:
		return Step{UnitYear, 100}, true
	case st.N <= 200:
		return Step{UnitYear, 1000}, true
	}
	return Step{}, false
}

// Ticks appends to dst the ticks of view s, minor ticks first (at the finest step at
// least minSpacing pixels apart, see ChooseStep) then major ticks, and returns the
// extended slice and the step chosen. Minor ticks lie within [0, Width]; the first major
// tick may start before 0 (see Tick). The calendar is the proleptic Gregorian one in UTC.
// Year steps count from year 1 forwards and from 1 BC backwards, so labels stay round on
// both sides of year 0 ("100 BC", "1", "100").
func Ticks(s Scale, minSpacing float64, dst []Tick) ([]Tick, Step) {
	if !(minSpacing >= 1) {
		minSpacing = 1
	}
	st := ChooseStep(s, minSpacing)
	lo, hi := s.Window()
	dst = appendTicks(dst, s, st, lo, hi, false)
	if mj, ok := majorStep(st); ok {
		// Start at the period holding the view's first instant.
		first := floorTo(lo, mj)
		dst = appendTicks(dst, s, mj, first, hi, true)
	}
	return dst, st
}

// tickLimit guards the tick loops; a view has at most Width/minSpacing ticks.
const tickLimit = 1 << 14

// appendTicks appends the ticks of step st at instants in [lo, hi].
func appendTicks(dst []Tick, s Scale, st Step, lo, hi int64, major bool) []Tick {
	add := func(t int64) {
		if t >= lo && t <= hi {
			dst = append(dst, Tick{X: s.X(t), T: t, Label: tickLabel(t, st, major), Major: major})
		}
	}
	switch st.Unit {
	case UnitSecond, UnitMinute, UnitHour:
		size := int64(st.N) * int64(unitSeconds[st.Unit])
		for t, n := floorDiv(lo, size)*size, 0; t <= hi && n < tickLimit; t, n = t+size, n+1 {
			add(t)
		}
	case UnitDay:
		dayTicks(st.N, lo, hi, add)
	case UnitMonth:
		monthTicks(st.N, lo, hi, add)
	case UnitYear:
		y := prevYearTick(time.Unix(lo, 0).UTC().Year(), st.N)
		for n := 0; n < tickLimit; n++ {
			t := yearStart(y)
			if t > hi {
				break
			}
			add(t)
			y = nextYearTick(y, st.N)
		}
	}
	return dst
}

// dayTicks gives add the instants of ticks every step days from lo to hi: every day, or
// days 1, 1+step... of each month, skipping one too close to the next month's first.
func dayTicks(step int, lo, hi int64, add func(int64)) {
	if step == 1 {
		for t, n := floorDiv(lo, day)*day, 0; t <= hi && n < tickLimit; t, n = t+day, n+1 {
			add(t)
		}
		return
	}
	y, m, _ := time.Unix(lo, 0).UTC().Date()
	for n := 0; n < tickLimit; n++ {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Unix()
		if first > hi {
			break
		}
		length := daysIn(y, m)
		for d := 1; d <= length; d += step {
			if d == 1 || length-d+1 >= step {
				add(first + int64(d-1)*day)
			}
		}
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
}

// monthTicks gives add the first instants of every step-th month from lo to hi, counted
// from January.
func monthTicks(step int, lo, hi int64, add func(int64)) {
	y, m, _ := time.Unix(lo, 0).UTC().Date()
	m = time.Month((int(m)-1)/step*step + 1)
	for n := 0; n < tickLimit; n++ {
		t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Unix()
		if t > hi {
			break
		}
		add(t)
		if m += time.Month(step); m > 12 {
			y, m = y+1, m-12
		}
	}
}

// Year ticks of step n fall on the years that are multiples of n counted the way they are
// written: 100, 200 after Christ; 100 BC (astronomical -99), 200 BC before; and year 1
// itself for steps of 5 years and more, so the gap across year 0 is never more than a step.
func isYearTick(y, n int) bool {
	if n == 1 {
		return true
	}
	if y >= 1 {
		return y%n == 0 || (y == 1 && n >= 5)
	}
	return (1-y)%n == 0
}

// prevYearTick is the last year tick at or before y.
func prevYearTick(y, n int) int {
	if n == 1 || isYearTick(y, n) {
		return y
	}
	if y >= 1 {
		c := y - y%n
		if c >= 1 {
			return c
		}
		if n >= 5 {
			return 1
		}
		return prevYearTick(0, n)
	}
	bc := 1 - y // 1 BC is 1
	bc += (n - bc%n) % n
	return 1 - bc
}

// nextYearTick is the first year tick after y.
func nextYearTick(y, n int) int {
	if n == 1 {
		return y + 1
	}
	if y >= 1 {
		return (y/n + 1) * n
	}
	bc := 1 - y
	bc -= n
	if bc >= 1 {
		return 1 - bc
	}
	if n >= 5 {
		return 1
	}
	return n
}

// yearStart is the first second of astronomical year y.
func yearStart(y int) int64 { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix() }

// floorTo is the start of the step's period holding t.
func floorTo(t int64, st Step) int64 {
	switch st.Unit {
	case UnitSecond, UnitMinute, UnitHour:
		size := int64(st.N) * int64(unitSeconds[st.Unit])
		return floorDiv(t, size) * size
	case UnitDay:
		return floorDiv(t, day) * day
	case UnitMonth:
		y, m, _ := time.Unix(t, 0).UTC().Date()
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Unix()
	}
	y := time.Unix(t, 0).UTC().Year()
	return yearStart(prevYearTick(y, st.N))
}

// floorDiv divides rounding towards minus infinity, so BCE instants align like CE ones.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// tickLabel writes the label of a tick at t for step st, in one allocation.
func tickLabel(t int64, st Step, major bool) string {
	tm := time.Unix(t, 0).UTC()
	y, m, d := tm.Date()
	var buf [48]byte
	b := buf[:0]
	if major {
		switch {
		case st.Unit == UnitDay:
			b = strconv.AppendInt(b, int64(d), 10)
			b = append(b, ' ')
			b = append(b, monthAbbr[m]...)
			b = append(b, ' ')
			b = appendYear(b, y)
		case st.Unit == UnitMonth:
			b = append(b, monthAbbr[m]...)
			b = append(b, ' ')
			b = appendYear(b, y)
		case st.N == 1:
			b = appendYear(b, y)
		default:
			b = appendYear(b, y)
			b = append(b, "–"...)
			b = appendYear(b, nextYearTick(y, st.N)-1)
		}
		return string(b)
	}
	switch st.Unit {
	case UnitSecond:
		b = append2(append(append2(append(append2(b, tm.Hour()), ':'), tm.Minute()), ':'), tm.Second())
	case UnitMinute, UnitHour:
		b = append2(append(append2(b, tm.Hour()), ':'), tm.Minute())
	case UnitDay:
		return strconv.Itoa(d) // small numbers need no allocation
	case UnitMonth:
		return monthAbbr[m]
	default:
		b = appendYear(b, y)
	}
	return string(b)
}

// appendYear appends YearLabel(y) without fmt.
func appendYear(b []byte, y int) []byte {
	if y <= 0 {
		return append(strconv.AppendInt(b, int64(1-y), 10), " BC"...)
	}
	return strconv.AppendInt(b, int64(y), 10)
}

// append2 appends n (0 to 99) in two digits.
func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
