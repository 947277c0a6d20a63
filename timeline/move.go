package timeline

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// MoveEdge is what a drag on the timeline moves: the whole event, or one end of a span.
type MoveEdge uint8

// The parts of an event a drag can move.
const (
	MoveWhole MoveEdge = iota // start and end together: a span keeps its length
	MoveStart                 // the start of a span, never past its end
	MoveEnd                   // the end of a span, never before its start
)

// Moved is what a drag leaves of the events it moved.
type Moved struct {
	// Events are the events with their new dates, in the order given, everything else
	// as it was (the events given, when Steps is 0).
	Events []Event
	// Steps is how many steps of Step the dates moved, negative for earlier.
	Steps int
	// Step is one step of the move: a day for a day event, a month for a month...
	Step MoveStep
}

// Words says the move for a reader: "+2 days", "-1 month", "+45 minutes", "no change".
func (m Moved) Words() string {
	if m.Steps == 0 {
		return "no change"
	}
	return m.Step.times(m.Steps)
}

// MoveStep is the amount one step of a drag moves a date: a whole number of calendar years,
// months or days, or of seconds for a date with a time of day.
type MoveStep struct {
	Years, Months, Days int
	Seconds             int64
}

// meanYear is the mean Gregorian year in seconds, the length a drag counts a year as.
const meanYear = 31556952

// length is the step's mean length in seconds, which a drag's delta is counted in.
func (s MoveStep) length() float64 {
	return float64(s.Years)*meanYear + float64(s.Months)*meanYear/12 + float64(s.Days)*day + float64(s.Seconds)
}

// times names n steps: "+3 days".
func (s MoveStep) times(n int) string {
	plural := func(k int, unit string) string {
		sign := "+"
		if k < 0 {
			sign, k = "-", -k
		}
		if k == 1 {
			return sign + "1 " + unit
		}
		return fmt.Sprintf("%s%d %ss", sign, k, unit)
	}
	secs := s.Seconds * int64(n)
	switch {
	case s.Years != 0:
		return plural(s.Years*n, "year")
	case s.Months != 0:
		return plural(s.Months*n, "month")
	case s.Days != 0:
		return plural(s.Days*n, "day")
	case secs%86400 == 0:
		return plural(int(secs/86400), "day")
	case secs%3600 == 0:
		return plural(int(secs/3600), "hour")
	case secs%60 == 0:
		return plural(int(secs/60), "minute")
	}
	return plural(int(secs), "second")
}

// coarser reports whether s is a longer step than o.
func (s MoveStep) coarser(o MoveStep) bool { return s.length() > o.length() }

// clockSteps are the steps, in seconds, a date with a time of day moves by: the
// shortest that is at least two pixels wide at the view's zoom.
var clockSteps = []int64{1, 5, 15, 30, 60, 5 * 60, 15 * 60, 30 * 60, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400}

// stepOf is the step a drag moves d by: its precision (the digits the analyst gave, for
// a date with unspecified digits such as 201X, a decade), or for a date with a time of
// day a round number of seconds no narrower than two pixels of secondsPerPixel.
func stepOf(d Date, secondsPerPixel float64) MoveStep {
	p, _ := readShape(d.Text)
	switch p.unit {
	case PrecisionCentury:
		return MoveStep{Years: 100}
	case PrecisionDecade:
		return MoveStep{Years: 10}
	case PrecisionYear:
		return MoveStep{Years: 1}
	case PrecisionMonth:
		return MoveStep{Months: 1}
	case PrecisionDay:
		return MoveStep{Days: 1}
	}
	least := int64(1)
	if p.unit == PrecisionMinute {
		least = 60
	}
	i := sort.Search(len(clockSteps), func(i int) bool {
		return clockSteps[i] >= least && float64(clockSteps[i]) >= 2*secondsPerPixel
	})
	if i == len(clockSteps) {
		return MoveStep{Days: 1}
	}
	return MoveStep{Seconds: clockSteps[i]}
}

// MoveEvent moves e as a drag of delta seconds on the timeline does, at a zoom of
// secondsPerPixel: the part edge (the whole event, or the start or the end of a span)
// by a whole number of steps of its precision (the nearest to delta: a day event by days,
// a month event by months, a year event by years), keeping each date's qualifiers
// (~ ? % and unspecified digits) and its form. A span moved whole keeps its length, its
// two dates moved by the same step (the coarser of theirs): a month moved onto a month
// with fewer days, or a 29 February onto a common year, ends on that month's last day.
// A moved edge stops at the other (compared without their qualifiers): the start at the
// end's first day, the end at the start's last. A date that cannot move that far
// (beyond the years -9999 to 9999) moves as far as it can. A point event moves whole
// whatever edge says.
func MoveEvent(e Event, edge MoveEdge, delta, secondsPerPixel float64) Moved {
	if !e.IsSpan() {
		edge = MoveWhole
	}
	var step MoveStep
	switch edge {
	case MoveStart:
		step = stepOf(e.Start, secondsPerPixel)
	case MoveEnd:
		step = stepOf(e.End, secondsPerPixel)
	default:
		step = eventStep(e, secondsPerPixel)
	}
	return moveAll([]Event{e}, edge, step, delta)
}

// MoveEvents moves a selection as a drag of delta seconds does (see MoveEvent): every
// event whole, all by the same number of the same step, the coarsest of theirs (a day
// event dragged with a month event moves by months), and no further than all can go.
func MoveEvents(es []Event, delta, secondsPerPixel float64) Moved {
	var step MoveStep
	for i, e := range es {
		if s := eventStep(e, secondsPerPixel); i == 0 || s.coarser(step) {
			step = s
		}
	}
	return moveAll(es, MoveWhole, step, delta)
}

// eventStep is the step e moves whole by: the coarser of its dates'.
func eventStep(e Event, secondsPerPixel float64) MoveStep {
	step := stepOf(e.Start, secondsPerPixel)
	if e.IsSpan() {
		if s := stepOf(e.End, secondsPerPixel); s.coarser(step) {
			step = s
		}
	}
	return step
}

// moveAll moves edge of every event of es by the whole number of steps nearest delta, or
// as many as all of them can go.
func moveAll(es []Event, edge MoveEdge, step MoveStep, delta float64) Moved {
	out := Moved{Events: es, Step: step}
	want := int(math.Round(delta / step.length()))
	if want == 0 || math.IsNaN(delta) || len(es) == 0 {
		return out
	}
	try := func(n int) ([]Event, bool) {
		moved := make([]Event, len(es))
		for i, e := range es {
			var ok bool
			if moved[i], ok = moveBy(e, edge, step, n); !ok {
				return nil, false
			}
		}
		return moved, true
	}
	sign := 1
	if want < 0 {
		sign, want = -1, -want
	}
	// The moves that work are those from 0 to some limit: find the farthest towards want.
	lo, hi := 0, want // lo works; hi may not
	if _, ok := try(sign * hi); ok {
		lo = hi
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if _, ok := try(sign * mid); ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo > 0 {
		out.Events, _ = try(sign * lo)
		out.Steps = sign * lo
	}
	return out
}

// moveBy is e with the dates of edge moved by n steps, and whether that is a valid event
// whose edges have not crossed.
func moveBy(e Event, edge MoveEdge, step MoveStep, n int) (Event, bool) {
	out := e
	var err error
	if edge != MoveEnd {
		if out.Start, err = ShiftDate(e.Start, step, n); err != nil {
			return e, false
		}
	}
	if edge != MoveStart && e.IsSpan() {
		if out.End, err = ShiftDate(e.End, step, n); err != nil {
			return e, false
		}
	}
	if !e.IsSpan() {
		return out, true
	}
	// Compared without their qualifiers: "2022-12~" ends before "2023-01" begins, though
	// about December may reach into January.
	s0, s1 := baseRange(out.Start)
	e0, e1 := baseRange(out.End)
	switch edge {
	case MoveStart:
		return out, s0 <= e0
	case MoveEnd:
		return out, e1 >= s1
	}
	return out, e1 >= s0
}

// baseRange is the range of d without its qualifiers (~ ? %), which widen it.
func baseRange(d Date) (lo, hi int64) {
	if !d.Approximate && !d.Uncertain {
		return d.Earliest, d.Latest
	}
	b, err := ParseDate(strings.TrimRight(d.Text, "~?%"))
	if err != nil {
		return d.Earliest, d.Latest
	}
	return b.Earliest, b.Latest
}
