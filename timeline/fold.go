package timeline

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// Fold is an empty stretch of time, From to To (Unix seconds, From < To), that a
// compressed axis draws as if it lasted Kept seconds (0 < Kept < To-From): a narrow,
// marked break instead of a screenful of nothing.
type Fold struct{ From, To, Kept int64 }

// Cut is how many seconds the fold takes out of the axis.
func (f Fold) Cut() int64 { return f.To - f.From - f.Kept }

// FoldFactor is how many times longer than the typical gap between events a stretch
// with no event must be for Compress to fold it.
const FoldFactor = 3

// Folding is a compressed time axis: a monotone map of instants to axis seconds that
// folds empty stretches. Before the first fold the axis is time itself; each fold takes
// Kept seconds of axis in place of its length, so after it the axis runs Cut seconds
// behind time, and inside it time runs evenly over the Kept seconds. Marks never lie in
// a fold, so each keeps its own length on the axis; a span may cross folds and is then
// shortened by them. A nil *Folding folds nothing: axis and time are the same.
type Folding struct {
	folds []Fold
	cut   []int64 // cut[i] is the seconds folds[:i] take out
}

// NewFolding makes the axis that folds folds; folds must be sorted and apart, and those
// that are not (overlapping an earlier one, empty, or keeping their whole length) are
// left out.
func NewFolding(folds []Fold) *Folding {
	fo := &Folding{}
	var cut int64
	for _, f := range folds {
		if f.Kept <= 0 || f.Kept >= f.To-f.From || (len(fo.folds) > 0 && f.From < fo.folds[len(fo.folds)-1].To) {
			continue
		}
		fo.folds = append(fo.folds, f)
		fo.cut = append(fo.cut, cut)
		cut += f.Cut()
	}
	return fo
}

// Folds are the stretches the axis folds, earliest first.
func (fo *Folding) Folds() []Fold {
	if fo == nil {
		return nil
	}
	return fo.folds
}

// AxisF is the axis second of instant t.
func (fo *Folding) AxisF(t float64) float64 {
	if fo == nil || len(fo.folds) == 0 {
		return t
	}
	// The last fold starting at or before t.
	i := sort.Search(len(fo.folds), func(i int) bool { return float64(fo.folds[i].From) > t }) - 1
	if i < 0 {
		return t
	}
	f := fo.folds[i]
	a := float64(f.From - fo.cut[i])
	if t < float64(f.To) {
		return a + (t-float64(f.From))*float64(f.Kept)/float64(f.To-f.From)
	}
	return t - float64(fo.cut[i]+f.Cut())
}

// TimeF is the instant at axis second a: the inverse of AxisF.
func (fo *Folding) TimeF(a float64) float64 {
	if fo == nil || len(fo.folds) == 0 {
		return a
	}
	i := sort.Search(len(fo.folds), func(i int) bool { return float64(fo.folds[i].From-fo.cut[i]) > a }) - 1
	if i < 0 {
		return a
	}
	f := fo.folds[i]
	start := float64(f.From - fo.cut[i])
	if a < start+float64(f.Kept) {
		return float64(f.From) + (a-start)*float64(f.To-f.From)/float64(f.Kept)
	}
	return a + float64(fo.cut[i]+f.Cut())
}

// Axis is AxisF for whole seconds, rounded.
func (fo *Folding) Axis(t int64) int64 { return int64(math.Round(fo.AxisF(float64(t)))) }

// Time is TimeF for whole seconds, rounded.
func (fo *Folding) Time(a int64) int64 { return int64(math.Round(fo.TimeF(float64(a)))) }

// AxisMarks are marks with their dates on the axis (the rest of the columns shared).
func (fo *Folding) AxisMarks(marks *Marks) *Marks {
	if fo == nil || len(fo.folds) == 0 {
		return marks
	}
	return marks.withDates(fo.Axis)
}

// AxisMark is m with its dates on the axis.
func (fo *Folding) AxisMark(m Mark) Mark {
	if fo == nil || len(fo.folds) == 0 {
		return m
	}
	m.StartLo, m.StartHi = fo.Axis(m.StartLo), fo.Axis(m.StartHi)
	m.EndLo, m.EndHi = fo.Axis(m.EndLo), fo.Axis(m.EndHi)
	return m
}

// AxisScale is the axis view of the times s shows (s in instants, linear), and
// TimeScale the times an axis view shows, from its first to its last instant.
func (fo *Folding) AxisScale(s Scale) Scale {
	return Scale{Start: fo.AxisF(s.Start), End: fo.AxisF(s.End), Width: s.Width}.Clamp()
}

// TimeScale is the instants an axis view s shows, first to last (see AxisScale).
func (fo *Folding) TimeScale(s Scale) Scale {
	return Scale{Start: fo.TimeF(s.Start), End: fo.TimeF(s.End), Width: s.Width}.Clamp()
}

// FindFolds returns the folds that compress marks: every stretch in which no date of
// any mark lies (a point's date, a span's start or end date; the body of a span may be
// folded) that is longer than factor times the median gap between consecutive dates,
// each kept as a break of Kept seconds. Kept is a thirtieth of the time left unfolded
// (at least twice the median gap and one second), so at the whole case's zoom each break
// is a narrow strip, and at any zoom it is as wide as a few ordinary gaps; a stretch is
// folded only when that takes out at least three quarters of it. Fewer than three dates
// give no folds (no typical gap to compare with).
func FindFolds(marks *Marks, factor float64) []Fold {
	type rng struct{ lo, hi int64 }
	rs := make([]rng, 0, marks.Len())
	c := marks.Columns()
	for i := range marks.Len() {
		if c.Flags[i]&MarkSpan == 0 {
			lo, hi := c.rangeOf(i)
			rs = append(rs, rng{lo, hi})
			continue
		}
		rs = append(rs, rng{c.StartLo[i], max(c.startHi(i), c.StartLo[i])}, rng{c.endLo(i), max(c.endHi(i), c.endLo(i))})
	}
	if len(rs) < 3 {
		return nil
	}
	slices.SortFunc(rs, func(a, b rng) int { return cmp.Compare(a.lo, b.lo) })
	var gaps []Fold
	lens := make([]int64, 0, len(rs))
	reach := rs[0].hi
	for _, r := range rs[1:] {
		if r.lo > reach {
			gaps = append(gaps, Fold{From: reach, To: r.lo})
		}
		lens = append(lens, max(r.lo-reach, 0))
		reach = max(reach, r.hi)
	}
	slices.Sort(lens)
	median := float64(lens[len(lens)/2])
	extent := float64(reach - rs[0].lo)
	var candidates []Fold
	for _, g := range gaps {
		if d := float64(g.To - g.From); d > factor*median {
			candidates = append(candidates, g)
			extent -= d
		}
	}
	kept := int64(math.Max(math.Max(extent/30, 2*median), 1))
	var out []Fold
	for _, g := range candidates {
		if g.To-g.From >= 4*kept {
			g.Kept = kept
			out = append(out, g)
		}
	}
	return out
}
