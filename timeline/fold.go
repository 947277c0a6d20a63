package timeline

import (
	"cmp"
	"math"
	"slices"
)

// Fold is an empty stretch of time, From to To (Unix seconds, From < To), that a
// compressed axis draws as a narrow break instead of at the scale of the rest.
type Fold struct{ From, To int64 }

// FindFolds returns the stretches with no mark in them, earliest first, that are longer
// than factor times the median gap between consecutive marks and at least minLen
// seconds: what "compress empty periods" folds. A mark covers its whole range, earliest
// start to latest end; marks need not be sorted. Fewer than three marks give no folds
// (no typical gap to compare with).
func FindFolds(marks []Mark, factor float64, minLen int64) []Fold {
	if len(marks) < 3 {
		return nil
	}
	type rng struct{ lo, hi int64 }
	rs := make([]rng, len(marks))
	for i := range marks {
		lo, hi := span(&marks[i])
		rs[i] = rng{lo, hi}
	}
	slices.SortFunc(rs, func(a, b rng) int { return cmp.Compare(a.lo, b.lo) })
	var gaps []Fold
	var lens []int64
	reach := rs[0].hi
	for _, r := range rs[1:] {
		if r.lo > reach {
			gaps = append(gaps, Fold{reach, r.lo})
		}
		lens = append(lens, max(r.lo-reach, 0))
		reach = max(reach, r.hi)
	}
	slices.Sort(lens)
	median := float64(lens[len(lens)/2])
	var out []Fold
	for _, g := range gaps {
		if d := g.To - g.From; d >= minLen && float64(d) > factor*median {
			out = append(out, g)
		}
	}
	return out
}

// FoldedScale maps time to pixels over Start..End in Width pixels, with each fold that
// lies wholly inside the window drawn BreakWidth pixels wide and the rest of the time
// sharing the remaining width evenly. X and Time are inverse of each other outside the
// breaks; inside a break time runs evenly across its BreakWidth pixels.
type FoldedScale struct {
	Start, End int64
	Width      float64
	Folds      []Fold // sorted, not overlapping
	BreakWidth float64
}

// inside is the folds wholly within the window.
func (s FoldedScale) inside() []Fold {
	var out []Fold
	for _, f := range s.Folds {
		if f.From >= s.Start && f.To <= s.End {
			out = append(out, f)
		}
	}
	return out
}

// pps is the pixels per second of the unfolded time.
func (s FoldedScale) pps(folds []Fold) float64 {
	secs := float64(s.End - s.Start)
	for _, f := range folds {
		secs -= float64(f.To - f.From)
	}
	px := s.Width - float64(len(folds))*s.BreakWidth
	if secs <= 0 || px <= 0 {
		return 0
	}
	return px / secs
}

// X is the pixel of instant t.
func (s FoldedScale) X(t int64) float64 {
	folds := s.inside()
	k := s.pps(folds)
	x, at := 0.0, s.Start
	for _, f := range folds {
		if t < f.From {
			break
		}
		x += float64(f.From-at) * k
		if t < f.To {
			return x + s.BreakWidth*float64(t-f.From)/float64(f.To-f.From)
		}
		x += s.BreakWidth
		at = f.To
	}
	return x + float64(t-at)*k
}

// Time is the instant at pixel x.
func (s FoldedScale) Time(x float64) int64 {
	folds := s.inside()
	k := s.pps(folds)
	if k == 0 {
		return s.Start
	}
	px, at := 0.0, s.Start
	for _, f := range folds {
		run := float64(f.From-at) * k
		if x < px+run {
			break
		}
		px += run
		if x < px+s.BreakWidth {
			return f.From + int64(math.Round((x-px)/s.BreakWidth*float64(f.To-f.From)))
		}
		px += s.BreakWidth
		at = f.To
	}
	return at + int64(math.Round((x-px)/k))
}
