package chart

import (
	"cmp"
	"slices"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

// Widths a chart may be drawn at, in pixels.
const (
	// DefaultWidth is the width of every chart when Options.Width is 0.
	DefaultWidth = 1200
	// MinWidth and MaxWidth bound Options.Width; MaxWidth allows posters.
	MinWidth = 480
	MaxWidth = 20000
)

// The timeline's fixed sizes, in pixels.
const (
	labelSize   = 12.0 // event labels
	smallSize   = 11.0 // lane notes, legend
	rowHeight   = 22.0 // one row of marks and labels
	markHeight  = 12.0 // bars; points are circles of this diameter
	lanePad     = 6.0  // above and below a lane's rows
	labelGap    = 5.0  // between a mark and its label
	labelSpace  = 8.0  // kept free between neighbours in a row
	rowBudget   = 40   // rows shared by all lanes, at most 12 and at least 2 a lane
	edgeMargin  = 6.0  // no label comes closer to the chart's edge
	legendRow   = 20.0
	stripHeight = 8.0 // the density strip under a lane's rows, when not every event is drawn
)

// tlLayout is the whole timeline placed in pixels for one width: where each lane, mark and
// label goes, which labels are left out and how tall the chart is. The HTML, SVG, PNG and
// PDF charts are all drawn from it, so they show the same labels in the same places.
type tlLayout struct {
	width, height              float64
	plotX, plotY, plotW, plotH float64
	lo, hi                     int64 // milliseconds at the plot's left and right edges
	titleH                     float64
	lanes                      []laneBox
	items                      []tlItem // one per shown event, in the order of the shown slice
	legend                     []legendEntry
	labelled                   int // labels drawn
	notDrawn                   int // shown events left out: no room even for the bare mark
	note                       []string
	noteY                      float64 // the first note line's middle
}

type laneBox struct {
	name, colour string
	y0, y1       float64 // from the plot's top
	rows         int
	total        int // events of the lane in the filter
	labelled     int
	strip        [2]float64 // the density strip's top and bottom, from the plot's top
}

// more is how many of the lane's events have no label on the chart.
func (l laneBox) more() int { return l.total - l.labelled }

// Label sides.
const (
	sideNone   = 0
	sideRight  = 1
	sideLeft   = 2
	sideInside = 3 // inside a bar long enough for it, when neither side has room
)

type tlItem struct {
	lane   int
	x0, x1 float64 // the mark, absolute pixels
	row    int     // the first of its rows
	rows   int     // rows the mark and its label take: more than one for a wrapped label
	y      float64 // the middle of its rows, from the plot's top
	label  string  // as drawn: the whole title, its lines joined by "\n"
	labelW float64 // of the widest line
	side   int
	drawn  bool
}

// legendEntry is one swatch and its words; kind is a lane colour or a date style.
type legendEntry struct {
	x, y   float64 // the swatch's left and middle, absolute
	kind   string  // "lane", "point", "span", "fuzzy"
	colour string
	text   string
}

// interval is a stretch of a row taken by marks and labels, [a, b) in pixels.
type stretch struct {
	a, b  float64
	label bool
}

type laneRows [][]stretch

func (r laneRows) free(row int, a, b, space float64, labelsOnly bool) bool {
	for _, s := range r[row] {
		if labelsOnly && !s.label {
			continue
		}
		if a < s.b+space && s.a < b+space {
			return false
		}
	}
	return true
}

// layoutTimeline places the shown events for a chart w pixels wide. lanes are the rows of
// the chart in order with their colours; totals counts every event of the filter per row.
//
// With strip set, each lane keeps stripHeight pixels under its rows for the density strip.
func layoutTimeline(shown []timeline.Event, ls laneSet, totals []int, first, last int64, w, titleH float64, strip bool) *tlLayout {
	L := &tlLayout{width: w, titleH: titleH, plotY: titleH}
	colW := 80.0
	for i, n := range ls.names {
		colW = max(colW, textWidth(n, labelSize, true)+18, textWidth(moreText(totals[i]), smallSize, false)+18)
	}
	colW = min(colW, 220, w/4)
	L.plotX, L.plotW = colW, w-colW-16
	lo, hi := first*1000, (last+1)*1000
	pad := max((hi-lo)/50, 12*3600*1000)
	L.lo, L.hi = lo-pad, hi+pad

	L.lanes = make([]laneBox, len(ls.names))
	for i, n := range ls.names {
		L.lanes[i] = laneBox{name: fitText(n, colW-18, labelSize, true), colour: ls.colours[i], total: totals[i]}
	}
	L.items = make([]tlItem, len(shown))
	byLane := make([][]int, len(ls.names))
	wrapW := labelWrapWidth(L.plotW)
	for i, e := range shown {
		it := &L.items[i]
		it.lane = ls.index[e.Lane]
		it.x0, it.x1 = L.markX(e)
		lines := wrapLabel(e.Title, wrapW)
		it.label = strings.Join(lines, "\n")
		it.labelW = widest(lines) + 2
		it.rows = labelRows(len(lines))
		byLane[it.lane] = append(byLane[it.lane], i)
	}
	maxRows := min(max(rowBudget/max(len(ls.names), 1), 2), 12)
	y := 0.0
	for l, idx := range byLane {
		slices.SortStableFunc(idx, func(a, b int) int { return byImportance(&shown[a], &shown[b]) })
		rows := L.pack(idx, maxRows)
		lane := &L.lanes[l]
		lane.rows = max(rows, 1)
		lane.y0 = y
		for _, i := range idx {
			it := &L.items[i]
			it.y = y + lanePad + rowHeight*(float64(it.row)+float64(it.rows)/2)
			if it.side != sideNone {
				lane.labelled++
				L.labelled++
			}
			if !it.drawn {
				L.notDrawn++
			}
		}
		y += lanePad*2 + rowHeight*float64(lane.rows)
		if strip {
			lane.strip = [2]float64{y - lanePad, y - lanePad + stripHeight}
			y += stripHeight
		}
		lane.y1 = y
	}
	L.plotH = max(y, rowHeight+2*lanePad)
	L.note = wrapText(L.moreNote(sum(totals)), w-24, smallSize, false, 3)
	L.placeLegend(ls)
	return L
}

func moreText(n int) string { return "+" + thousands(n) + " more" }

// byImportance orders events for labelling: most important first, then earliest.
func byImportance(a, b *timeline.Event) int {
	return cmp.Or(cmp.Compare(importance(b), importance(a)), cmp.Compare(a.Earliest(), b.Earliest()),
		cmp.Compare(a.Latest(), b.Latest()), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Title, b.Title))
}

// x is the pixel of a time in milliseconds.
func (L *tlLayout) x(ms int64) float64 {
	return L.plotX + float64(ms-L.lo)/float64(L.hi-L.lo)*L.plotW
}

// markX is the horizontal extent of an event's mark: a circle at the middle of a date
// known to the day or better, else a bar over everything the event may cover.
func (L *tlLayout) markX(e timeline.Event) (float64, float64) {
	oLo, oHi, _, _, shape := geometry(e)
	if shape == shapePoint {
		x := L.x(oLo)
		return x - markHeight/2, x + markHeight/2
	}
	a, b := L.x(oLo), L.x(oHi)
	if b-a < 4 {
		m := (a + b) / 2
		a, b = m-2, m+2
	}
	return a, b
}

// pack gives the lane's events (most important first) rows and label sides, and returns
// how many rows it used. Each event takes the first row where its mark and its label fit,
// the label right of the mark or, where that would run past the chart's edge or into
// another, left of it, or else inside its bar when the bar is long enough; labels are
// never shortened. An event whose label fits nowhere keeps its bare mark in a row where
// it covers no label; one that not even that allows is not drawn (its lane counts it among "N more", and the density strip shows it).
func (L *tlLayout) pack(idx []int, maxRows int) int {
	rows := laneRows{}
	for _, i := range idx {
		rows = L.placeLabelled(&L.items[i], rows, maxRows)
	}
	for _, i := range idx {
		if it := &L.items[i]; it.side == sideNone {
			rows = placeBare(it, rows, maxRows)
		}
	}
	return len(rows)
}

// placeLabelled puts an item with its label in the first rows where both fit (as many
// rows as the label's lines take), trying right, left and inside in each, and returns
// the rows. When it gets no label, it is left one row high for placeBare.
func (L *tlLayout) placeLabelled(it *tlItem, rows laneRows, maxRows int) laneRows {
	for r := 0; r+it.rows <= maxRows && it.side == sideNone; r++ {
		for len(rows) < r+it.rows {
			rows = append(rows, nil)
		}
		empty := true
		for _, side := range [3]int{sideRight, sideLeft, sideInside} {
			a, b, ok := L.withLabel(it, side)
			if ok && rows.freeAll(r, it.rows, a, b) {
				it.row, it.side, it.drawn = r, side, true
				for k := r; k < r+it.rows; k++ {
					rows[k] = append(rows[k], stretch{a, b, true})
				}
				break
			}
		}
		for k := r; k < r+it.rows; k++ {
			empty = empty && len(rows[k]) == 0
		}
		if it.side == sideNone && empty {
			break // the label fits on neither side of the chart: no row will do
		}
	}
	if it.side == sideNone {
		it.rows = 1
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1] // rows opened for it that stayed empty
	}
	return rows
}

// freeAll reports whether rows from to from+n-1 are all free over [a, b).
func (r laneRows) freeAll(from, n int, a, b float64) bool {
	for k := from; k < from+n; k++ {
		if !r.free(k, a, b, labelSpace, false) {
			return false
		}
	}
	return true
}

// placeBare puts an item that lost its label as a bare mark: in a row where it touches
// nothing, else a new row, else over other marks but never over a label; else it is not
// drawn.
func placeBare(it *tlItem, rows laneRows, maxRows int) laneRows {
	it.row = -1
	for r := range rows {
		if rows.free(r, it.x0, it.x1, 2, false) {
			it.row = r
			break
		}
	}
	if it.row < 0 && len(rows) < maxRows {
		rows = append(rows, nil)
		it.row = len(rows) - 1
	}
	for r := 0; it.row < 0 && r < len(rows); r++ {
		if rows.free(r, it.x0, it.x1, 2, true) {
			it.row = r
		}
	}
	if it.row < 0 {
		it.row = 0
		return rows
	}
	it.drawn = true
	rows[it.row] = append(rows[it.row], stretch{it.x0, it.x1, false})
	return rows
}

// withLabel is the stretch a mark takes with its label on side, and whether that label
// stays inside the chart.
func (L *tlLayout) withLabel(it *tlItem, side int) (a, b float64, ok bool) {
	switch side {
	case sideInside: // a label of one line only: the bar is one line high
		return it.x0, it.x1, it.rows == 1 && !strings.Contains(it.label, "\n") &&
			it.x1-it.x0 >= it.labelW+2*labelGap && it.x1-it.x0 > markHeight+1
	case sideRight:
		b = it.x1 + labelGap + it.labelW
		return it.x0, b, b <= L.width-edgeMargin
	}
	a = it.x0 - labelGap - it.labelW
	return a, it.x1, a >= L.plotX+2
}

// placeLegend flows the lanes' swatches and the date styles under the axis, wrapping at
// the chart's width, and sets the chart's height.
func (L *tlLayout) placeLegend(ls laneSet) {
	entries := make([]legendEntry, 0, len(ls.names)+3)
	for i, n := range ls.names {
		entries = append(entries, legendEntry{kind: "lane", colour: ls.colours[i], text: clip(n, 40)})
	}
	entries = append(entries,
		legendEntry{kind: "point", text: "date known to the day"},
		legendEntry{kind: "span", text: "span"},
		legendEntry{kind: "fuzzy", text: "approximate, uncertain or coarse date"})
	x0 := 12.0
	L.noteY = L.plotY + L.plotH + 40
	x, y := x0, L.noteY+16*float64(len(L.note))+4
	for i := range entries {
		e := &entries[i]
		w := swatchWidth(e.kind) + 6 + textWidth(e.text, smallSize, false) + 18
		if x > x0 && x+w > L.width-edgeMargin {
			x, y = x0, y+legendRow
		}
		e.x, e.y = x, y
		x += w
	}
	L.legend = entries
	L.height = y + legendRow
}

func swatchWidth(kind string) float64 {
	switch kind {
	case "span", "fuzzy":
		return 22
	}
	return 12
}

// moreNote says, under the chart, what "N more" means and how many events are drawn.
func (L *tlLayout) moreNote(total int) string {
	drawn := len(L.items) - L.notDrawn
	note := "Labels: " + thousands(L.labelled) + " of " + thousands(total) + " events, the most important first."
	if L.labelled < total {
		note += " \"+N more\" beside a lane counts its events without a label"
		if drawn < total {
			note += "; " + thousands(drawn) + " are drawn one by one, the strip under each lane shows where all of them fall (darker: more)"
		}
		note += "."
	}
	return note
}

func sum(list []int) int {
	n := 0
	for _, v := range list {
		n += v
	}
	return n
}
