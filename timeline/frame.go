package timeline

import (
	"math"
	"slices"
	"unicode/utf8"
)

// View is what a Frame shows and how it lays it out. Zero fields take the defaults named
// beside them, so View{Scale: s} is a usable view.
type View struct {
	Scale Scale // the time axis; its Width is the frame's width in pixels

	Height     float64 // pixels of the lane area; lanes below it are left out (0: all lanes)
	ScrollY    float64 // pixels the lane area is scrolled down
	LaneHeight float64 // pixels per lane, header included (default 96)
	LaneHeader float64 // pixels at the top of each lane kept for its name (default 0)
	RowHeight  float64 // pixels per row of marks in a lane (default 18)

	MarkWidth     float64                   // pixels of a point marker (default 7)
	Gap           float64                   // pixels kept free between marks in a row (default 6)
	Measure       func(text string) float32 // label width in pixels; nil: CharWidth per rune
	CharWidth     float64                   // average pixels per character when Measure is nil (default 7)
	MaxLabelWidth float64                   // labels are cut to this many pixels (default 240)

	MaxItems      int     // a lane with more marks in view is drawn as density (default 2000)
	LabelBudget   int     // marks a dense lane considers for labels, most important first (default 400)
	DensityColumn float64 // pixels per density column (default 1)
	TickSpacing   float64 // minimum pixels between labelled ticks (default DefaultTickSpacing)

	Selected map[string]bool // ids of the selected marks; may be nil; read during Build

	// GrowLanes makes each lane as tall as the rows its marks need at this zoom (at
	// least one), up to MaxLaneRows rows, or ExpandedRows for the lanes named in
	// Expanded; LaneHeight is then unused. LanePad is the room under a lane's last row.
	GrowLanes    bool
	MaxLaneRows  int             // default 12
	ExpandedRows int             // default 64
	Expanded     map[string]bool // lanes given ExpandedRows; may be nil
	Collapsed    map[string]bool // lanes drawn as their header alone (counted, no items); may be nil
	// Order lists the lanes (positions in Index.Lanes) from the top down; it is used only
	// when it holds each of the index's lanes once, else the index's order is.
	Order     []int
	LanePad   float64
	DenseRows int // rows of labels over a grown dense lane (default 4)

	// Folding, when not nil, is the compressed axis the index's marks are on (see
	// Compressed): Scale is then in axis seconds, the ticks name the instants they stand
	// for, and the frame lists the breaks in view.
	Folding *Folding
}

// withDefaults fills the zero fields of v.
func (v View) withDefaults() View {
	def := func(p *float64, d float64) {
		if !(*p > 0) {
			*p = d
		}
	}
	v.Scale = v.Scale.Clamp()
	def(&v.LaneHeight, 96)
	def(&v.RowHeight, 18)
	def(&v.MarkWidth, 7)
	def(&v.Gap, 6)
	def(&v.CharWidth, 7)
	def(&v.MaxLabelWidth, 240)
	def(&v.DensityColumn, 1)
	def(&v.TickSpacing, DefaultTickSpacing)
	if v.LaneHeader < 0 || v.LaneHeader >= v.LaneHeight {
		v.LaneHeader = 0
	}
	if v.DenseRows <= 0 {
		v.DenseRows = 4
	}
	if v.MaxLaneRows <= 0 {
		v.MaxLaneRows = 12
	}
	if v.ExpandedRows < v.MaxLaneRows {
		v.ExpandedRows = max(64, v.MaxLaneRows)
	}
	if v.MaxItems <= 0 {
		v.MaxItems = 2000
	}
	if v.LabelBudget <= 0 {
		v.LabelBudget = 400
	}
	return v
}

// Rows is how many rows of marks fit in a lane of v.
func (v View) Rows() int {
	v = v.withDefaults()
	return max(int((v.LaneHeight-v.LaneHeader)/v.RowHeight), 1)
}

// Item is one mark as drawn in a frame. Pixel positions are relative to the frame's left
// edge and top, clamped to [-Width, 2·Width] so they are safe to rasterise.
type Item struct {
	Mark  int32  // index into Index.Marks
	Title string // the mark's title; draw it clipped to LabelW

	X0, X1 float64 // the whole range the mark may cover: earliest start to latest end
	// XS is the latest instant the start may be and XE the earliest the end may be: [X0, XS]
	// is the start date's range, to fade when StartFuzzy, and [XE, X1] the end's, to fade
	// when EndFuzzy. For a point both are its whole range [X0, X1].
	XS, XE float64
	Y      float64 // top of the item's row
	Row    int     // row in its lane, 0 at the top

	LabelX float64 // where the label starts
	LabelW float64 // the label's width (cut to View.MaxLabelWidth); meaningful when Labeled

	Importance int8 // 1 to 5
	Span       bool // the mark has an end: draw a bar; otherwise a marker centred on (X0+X1)/2
	// Wide reports a point with an exact date (a day, an hour...) at least three markers
	// wide at this zoom: draw its whole date X0..X1 as a bar, its label inside from X0,
	// so that a day never reads as the day after it.
	Wide       bool
	StartFuzzy bool // the start is approximate, uncertain or coarse: fade [X0, XS]
	EndFuzzy   bool // the same for the end: fade [XE, X1]
	Labeled    bool // draw the label: it overlaps nothing in its row
	Crowded    bool // no room even for the bare mark: it is drawn over others in the last row
	Selected   bool // the mark's id is in View.Selected
}

// FrameLane is one lane as drawn in a frame.
type FrameLane struct {
	Lane   int     // position in Index.Lanes
	Name   string  // the lane's name; "" for GroupNone
	Y      float64 // top of the lane; negative when partly scrolled off
	Height float64
	Count  int // marks of the lane in view (a mark in two lanes counts in each)

	// Dense reports that more than View.MaxItems marks are in view: the lane is drawn as a
	// density band, and Items holds only the labelled most important marks.
	Dense bool
	Rows  int // rows used by Items
	// Hidden is how many of the lane's marks in view are not drawn with their label
	// (crowded out, or a dense lane's unlabelled marks). More reports that the lane is at
	// its row limit with marks unlabelled: View.Expanded with its name gives it more rows.
	Hidden int
	More   bool
	// Collapsed reports a lane in View.Collapsed: its header alone, no items, every mark
	// in view counted in Hidden.
	Collapsed bool
	Items     []Item // a window of Frame.Items

	// Density[i] is how many marks start in column i (ColumnWidth pixels wide, starting
	// at i·ColumnWidth); Levels[i] is that count normalised to [0, 1] on a log scale
	// against Frame.DensityMax, for the band's height or colour. Earlier is the number of
	// marks in view that started before it. Dense lanes only.
	Density     []float32
	Levels      []float32
	DensityMax  float32
	Earlier     int
	ColumnWidth float64

	items, cols [2]int // windows into the frame's buffers
}

// Frame is everything a renderer needs to draw one view of the timeline: lanes with their
// items or density, and the ticks of the time axis. Build one with Build, from any
// goroutine, and hand it to the user interface; a Frame is reused across calls to keep
// allocations low, so use two and swap them when one is being drawn while the next is
// built. A Frame must not be used by two goroutines at once.
type Frame struct {
	View          View   // the view built, with the defaults filled in
	Ticks         []Tick // minor ticks then major ticks (see Ticks)
	Step          Step   // the minor tick step
	Lanes         []FrameLane
	Items         []Item  // every lane's items; FrameLane.Items are windows of it
	Visible       int     // marks in view over the frame's lanes
	ContentHeight float64 // height of all lanes stacked, for a scroll bar
	// Order is the lanes (positions in Index.Lanes) from the top down: View.Order, or the
	// index's order. LaneTops[k] is the top of lane Order[k] in the stacked lanes,
	// scrolling aside, and the last entry is ContentHeight; both cover every lane, built
	// or not.
	Order      []int
	LaneTops   []float64
	DensityMax float32 // the largest density count over the dense lanes
	Breaks     []Break // the folds in view, with View.Folding

	packer  Packer
	pack    []PackItem
	found   []int32
	density []float32
	levels  []float32
	widths  []float32 // label width per mark, -1 when not measured yet
	widthOf *Index
}

// ResetLabelWidths forgets the label widths the frame measured, for when the font changes.
func (f *Frame) ResetLabelWidths() { f.widthOf, f.widths = nil, f.widths[:0] }

// Build fills f with the view v of ix. Only the lanes within v.Height are built. It costs
// about the marks in view up to View.MaxItems per lane, and O(columns + log n) per dense
// lane beyond that, whatever the size of the case.
func (f *Frame) Build(ix *Index, v View) {
	if ix == nil {
		ix = &Index{}
	}
	v = v.withDefaults()
	f.View = v
	f.Ticks, f.Step = v.Folding.Ticks(v.Scale, v.TickSpacing, f.Ticks[:0])
	f.Breaks = v.Folding.Breaks(v.Scale, f.Breaks[:0])
	f.Lanes, f.Items = f.Lanes[:0], f.Items[:0]
	f.density, f.levels = f.density[:0], f.levels[:0]
	f.Visible, f.DensityMax = 0, 0
	if f.widthOf != ix {
		f.widthOf, f.widths = ix, f.widths[:0]
	}
	f.packer.Gap = v.Gap
	f.LaneTops = f.LaneTops[:0]
	f.Order = f.Order[:0]
	if validOrder(v.Order, len(ix.info)) {
		f.Order = append(f.Order, v.Order...)
	} else {
		for lane := range ix.info {
			f.Order = append(f.Order, lane)
		}
	}
	y := -v.ScrollY // top of the next lane, on screen
	for _, lane := range f.Order {
		f.LaneTops = append(f.LaneTops, y+v.ScrollY)
		fl := FrameLane{Lane: lane, Name: ix.info[lane].Name, Y: y, Height: v.LaneHeight}
		if !v.GrowLanes && (y+v.LaneHeight <= 0 || (v.Height > 0 && y >= v.Height)) {
			y += v.LaneHeight // every lane is as tall: the ones off screen need no building
			continue
		}
		if f.buildSized(ix, &v, &fl) {
			f.Visible += fl.Count
			f.Lanes = append(f.Lanes, fl)
		}
		y += fl.Height
	}
	f.LaneTops = append(f.LaneTops, y+v.ScrollY)
	f.ContentHeight = y + v.ScrollY
	// Cut the windows now that the buffers no longer grow.
	f.levels = slices.Grow(f.levels[:0], len(f.density))[:len(f.density)]
	logMax := math.Log1p(float64(f.DensityMax))
	for i := range f.Lanes {
		fl := &f.Lanes[i]
		fl.Items = f.Items[fl.items[0]:fl.items[1]:fl.items[1]]
		if fl.Dense {
			fl.Density = f.density[fl.cols[0]:fl.cols[1]:fl.cols[1]]
			fl.Levels = f.levels[fl.cols[0]:fl.cols[1]:fl.cols[1]]
			for j, c := range fl.Density {
				fl.Levels[j] = 0
				if c > 0 && logMax > 0 {
					fl.Levels[j] = float32(math.Log1p(float64(c)) / logMax)
				}
			}
		} else {
			fl.Density, fl.Levels = nil, nil
		}
	}
}

func (f *Frame) buildLane(ix *Index, v *View, fl *FrameLane) {
	s := v.Scale
	first, last := s.Window()
	// Point markers just off either edge still show half their width.
	margin := int64(math.Ceil(v.MarkWidth * s.SecondsPerPixel()))
	qFirst, qLast := satSub(first, margin), satAdd(last, margin)

	f.found = f.found[:0]
	fl.items[0] = len(f.Items)
	// The bound is cheap; when it is not far above the limit, count exactly.
	if ix.Bound(fl.Lane, qFirst, qLast) <= 4*v.MaxItems {
		f.found = ix.Query(fl.Lane, qFirst, qLast, f.found)
		if len(f.found) <= v.MaxItems {
			fl.Count = len(f.found)
			f.packLane(ix, v, fl, false)
			fl.items[1] = len(f.Items)
			return
		}
	}

	// Dense: the band, and candidates for labels, most important first.
	fl.Dense = true
	ncols := max(int(math.Ceil(s.Width/v.DensityColumn)), 1)
	fl.ColumnWidth = s.Width / float64(ncols)
	fl.cols[0] = len(f.density)
	f.density = slices.Grow(f.density, ncols)[:fl.cols[0]+ncols]
	cols := f.density[fl.cols[0]:]
	fl.Earlier = ix.Density(fl.Lane, s, cols)
	fl.cols[1] = len(f.density)
	total := float64(fl.Earlier)
	for _, c := range cols {
		total += float64(c)
		fl.DensityMax = max(fl.DensityMax, c)
	}
	fl.Count = int(math.Round(total))
	if fl.Count <= v.MaxItems {
		// The bound was loose (a few long spans): few enough to draw one by one after all.
		f.density = f.density[:fl.cols[0]]
		fl.Dense, fl.DensityMax, fl.Earlier, fl.ColumnWidth, fl.cols = false, 0, 0, 0, [2]int{}
		f.found = ix.Query(fl.Lane, qFirst, qLast, f.found[:0])
		fl.Count = len(f.found)
		f.packLane(ix, v, fl, false)
		fl.items[1] = len(f.Items)
		return
	}
	f.DensityMax = max(f.DensityMax, fl.DensityMax)

	f.found = f.found[:0]
	budget := v.LabelBudget
	runs := ix.lanes[fl.Lane].runs
	for ri := 0; ri < len(runs) && budget > 0; {
		rj, n := ri, 0
		for rj < len(runs) && runs[rj].imp == runs[ri].imp {
			i, j := runs[rj].window(first, last)
			n += j - i
			rj++
		}
		stride := 1
		if n > budget {
			stride = (n + budget - 1) / budget
		}
		for ; ri < rj; ri++ {
			r := &runs[ri]
			i, j := r.window(first, last)
			for k := i; k < j; k += stride {
				if ix.hiOf(r.ent[k]) >= first {
					f.found = append(f.found, r.ent[k].mark)
				}
			}
		}
		budget = v.LabelBudget - len(f.found)
	}
	if v.GrowLanes {
		// A density band tells the count; a few rows of the most important labels over
		// it are enough, and more would bury the band.
		f.packer.MaxRows = min(f.packer.MaxRows, v.DenseRows)
	}
	f.packLane(ix, v, fl, true)
	fl.items[1] = len(f.Items)
}

// packLane turns f.found into packed items of lane fl; labelsOnly keeps the labelled ones.
func (f *Frame) packLane(ix *Index, v *View, fl *FrameLane, labelsOnly bool) {
	s := v.Scale
	w := s.Width
	clampX := func(x float64) float64 { return min(max(x, -w), 2*w) }
	f.pack = f.pack[:0]
	c := &ix.marks.c
	for _, mi := range f.found {
		lo, hi := c.rangeOf(int(mi))
		x0, x1 := clampX(s.X(lo)), clampX(s.X(hi))
		a, b := x0, x1
		span := c.Flags[mi]&MarkSpan != 0
		if !span {
			mid := (x0 + x1) / 2
			a, b = min(a, mid-v.MarkWidth/2), max(b, mid+v.MarkWidth/2)
		}
		lw := f.labelWidth(ix, v, mi)
		f.pack = append(f.pack, PackItem{
			X0: a, X1: b, LabelX: placeLabel(a, b, lw, w, span || wide(c.Flags[mi], x0, x1, v)), LabelW: lw,
			Importance: level(c.Importance[mi]),
		})
	}
	fl.Rows = f.packer.Pack(f.pack)
	if labelsOnly {
		fl.Rows = 0
	}
	top := fl.Y + v.LaneHeader
	for k, mi := range f.found {
		p := &f.pack[k]
		if labelsOnly && !p.Labeled {
			continue
		}
		if labelsOnly {
			fl.Rows = max(fl.Rows, p.Row+1)
		}
		i := int(mi)
		lo, hi := c.rangeOf(i)
		fl := c.Flags[i]
		f.Items = append(f.Items, Item{
			Mark: mi, Title: ix.marks.Title(i),
			X0: clampX(s.X(lo)), X1: clampX(s.X(hi)),
			XS: clampX(s.X(min(c.startHi(i), hi))), XE: clampX(s.X(max(c.endLo(i), lo))),
			Y: top + float64(p.Row)*v.RowHeight, Row: p.Row,
			LabelX: p.LabelX, LabelW: p.LabelW,
			Importance: p.Importance, Span: fl&MarkSpan != 0, Wide: wide(fl, clampX(s.X(lo)), clampX(s.X(hi)), v),
			StartFuzzy: fl&MarkStartFuzzy != 0, EndFuzzy: fl&MarkEndFuzzy != 0 && fl&MarkSpan != 0,
			Labeled: p.Labeled, Crowded: p.Crowded,
			Selected: v.Selected != nil && v.Selected[ix.marks.ID(i)],
		})
	}
}

// labelWidth is the width of mark mi's label, measured once per index and cut to
// View.MaxLabelWidth.
func (f *Frame) labelWidth(ix *Index, v *View, mi int32) float64 {
	if n := ix.marks.Len(); len(f.widths) != n {
		f.widths = slices.Grow(f.widths[:0], n)[:n]
		for i := range f.widths {
			f.widths[i] = -1
		}
	}
	w := f.widths[mi]
	if w < 0 {
		title := ix.marks.Title(int(mi))
		if v.Measure != nil {
			w = v.Measure(title)
		} else {
			w = float32(v.CharWidth * float64(utf8.RuneCountInString(title)))
		}
		f.widths[mi] = w
	}
	return min(float64(w), v.MaxLabelWidth)
}
