package timeline

// Compressed is an index drawn on a compressed axis: Index holds the marks of the index
// it was made of, in the same order (mark i of one is mark i of the other), with their
// dates on Folding's axis. Frames built from Index with View.Folding set draw the
// compressed timeline; their pixel positions and hit tests are in axis seconds, which
// Folding turns back into instants.
type Compressed struct {
	Index   *Index
	Folding *Folding
}

// Compress folds the empty stretches of ix (FindFolds with FoldFactor) into a new index
// on the compressed axis. It costs about what NewIndex costs; a nil or empty ix gives an
// empty index that folds nothing.
func Compress(ix *Index) Compressed {
	if ix == nil || ix.Len() == 0 {
		return Compressed{Index: NewIndex(nil, GroupByLane), Folding: NewFolding(nil)}
	}
	fo := NewFolding(FindFolds(ix.Marks(), FoldFactor))
	return Compressed{Index: NewIndex(fo.AxisMarks(ix.Marks()), ix.GroupBy()), Folding: fo}
}

// Break is a fold as an axis view draws it: X0..X1 in pixels (outside 0..Width when it
// is off screen), and the fold itself, to say how much time it cuts.
type Break struct {
	X0, X1 float64
	Fold   Fold
}

// Breaks appends to dst the folds that meet axis view s, earliest first.
func (fo *Folding) Breaks(s Scale, dst []Break) []Break {
	if fo == nil {
		return dst
	}
	for i, f := range fo.folds {
		a := float64(f.From - fo.cut[i])
		if a+float64(f.Kept) < s.Start || a > s.End {
			continue
		}
		dst = append(dst, Break{X0: s.X(int64(a)), X1: s.X(int64(a) + f.Kept), Fold: f})
	}
	return dst
}

// Ticks appends to dst the ticks of axis view s, labelled in the instants they stand
// for: the calendar ticks of each unfolded stretch in view, at the step Ticks would
// choose (every stretch runs at the same seconds per pixel), minor ticks then major
// ticks. No minor tick falls in a break or within minSpacing before it or a quarter of
// that after it, so a break's label has that room to itself; the first major tick of a
// stretch after a break is moved to the break's end, so its period is named there. With
// no folds it is Ticks.
func (fo *Folding) Ticks(s Scale, minSpacing float64, dst []Tick) ([]Tick, Step) {
	if fo == nil || len(fo.folds) == 0 {
		return Ticks(s, minSpacing, dst)
	}
	if !(minSpacing >= 1) {
		minSpacing = 1
	}
	st := ChooseStep(s, minSpacing)
	mj, hasMajor := majorStep(st)
	lo, hi := s.Window()
	var majors []Tick
	for k := 0; k <= len(fo.folds); k++ {
		// Stretch k runs from the end of fold k-1 to the start of fold k, cut[k] seconds
		// behind time (the folds before it).
		from, to, cut := int64(minInt64), int64(maxInt64), int64(0)
		if k > 0 {
			from, cut = fo.folds[k-1].To, fo.cut[k-1]+fo.folds[k-1].Cut()
		}
		if k < len(fo.folds) {
			to = fo.folds[k].From
		}
		tlo, thi := max(satAdd(lo, cut), from), min(satAdd(hi, cut), to)
		if tlo > thi {
			continue
		}
		// The same view, shifted so that this stretch's instants land where their axis
		// seconds do.
		seg := Scale{Start: s.Start + float64(cut), End: s.End + float64(cut), Width: s.Width}
		n := len(dst)
		dst = appendTicks(dst, seg, st, tlo, thi, false)
		dst = fo.clearBreaks(dst, n, s, minSpacing)
		if hasMajor {
			n := len(majors)
			majors = appendTicks(majors, seg, mj, floorTo(tlo, mj), thi, true)
			if k > 0 && len(majors) > n && majors[n].T < from {
				majors[n].X = seg.X(from)
			}
		}
	}
	return append(dst, majors...), st
}

const (
	minInt64 = -1 << 63
	maxInt64 = 1<<63 - 1
)

// clearBreaks drops from ticks[n:] the minor ticks too near a break of axis view s.
func (fo *Folding) clearBreaks(ticks []Tick, n int, s Scale, room float64) []Tick {
	breaks := fo.Breaks(s, nil)
	out := ticks[:n]
	for _, tk := range ticks[n:] {
		near := false
		for _, b := range breaks {
			if tk.X >= b.X0-room && tk.X < b.X1+room/4 {
				near = true
				break
			}
		}
		if !near {
			out = append(out, tk)
		}
	}
	return out
}
