package chart

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/chronoscope/chronoscope/timeline"
)

// Event shapes in the timeline's data, read by page.js.
const (
	shapePoint = 0 // a date known to the day or better: a marker at its middle
	shapeRange = 1 // a span or a fuzzy date: a pale bar over what it may cover, solid where certain
)

const (
	maxRowsPerLane = 4   // events sharing a lane and a moment are stacked in up to this many rows
	densityBins    = 240 // columns of the density band drawn behind the events when there are many
)

// laneSet is the lanes a chart shows, in a stable order, with the least used merged into
// one "other lanes" row when there are more than MaxLanes.
type laneSet struct {
	names []string       // as shown
	index map[string]int // lane as stored -> row
	other bool           // the last row merges the least used lanes
}

func lanesOf(s *summary) laneSet {
	all := ranked(s.lanes)
	kept, other := all, 0
	if len(all) > MaxLanes {
		kept = all[:MaxLanes-1]
		for _, n := range all[MaxLanes-1:] {
			other += s.lanes[n]
		}
	}
	kept = slices.Clone(kept)
	// Alphabetical, with events that have no lane last.
	slices.SortFunc(kept, func(a, b string) int {
		if (a == "") != (b == "") {
			if a == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(a, b)
	})
	ls := laneSet{names: names(kept, "(no lane)"), index: make(map[string]int, len(all))}
	for i, n := range kept {
		ls.index[n] = i
	}
	if other > 0 {
		ls.other = true
		ls.names = append(ls.names, "Other lanes ("+strconv.Itoa(len(all)-len(kept))+")")
		for _, n := range all[MaxLanes-1:] {
			ls.index[n] = len(ls.names) - 1
		}
	}
	return ls
}

func (ls laneSet) colors() []string {
	c := make([]string, len(ls.names))
	for i := range c {
		c[i] = palette[i%len(palette)]
	}
	if ls.other {
		c[len(c)-1] = otherColor
	}
	return c
}

// detail is what a tooltip and the data view say about one event; page.js writes it as
// text. Short keys keep a page of a thousand events small.
type detail struct {
	Title   string     `json:"t"`
	Lane    string     `json:"l"`
	Start   string     `json:"s"`
	StartW  string     `json:"sw"`
	End     string     `json:"e,omitempty"`
	EndW    string     `json:"ew,omitempty"`
	Actors  []string   `json:"a,omitempty"`
	Tags    []string   `json:"g,omitempty"`
	Sources [][]string `json:"src,omitempty"` // title, publisher, grade
	More    int        `json:"more,omitempty"`
	Imp     int        `json:"i"`
}

func detailOf(e timeline.Event, lane string) detail {
	d := detail{
		Title: clip(e.Title, 200), Lane: lane,
		Start: clip(e.Start.Text, 40), StartW: clip(e.Start.Describe(), 80),
		Actors: clipAll(e.Actors, 8, 60), Tags: clipAll(e.Tags, 8, 60), Imp: importance(&e),
	}
	if e.IsSpan() {
		d.End, d.EndW = clip(e.End.Text, 40), clip(e.End.Describe(), 80)
	}
	for i, s := range e.Sources {
		if i == 3 {
			d.More = len(e.Sources) - i
			break
		}
		d.Sources = append(d.Sources, []string{clip(s.Title, 100), clip(s.Publisher, 60), clip(s.Grade(), 4)})
	}
	return d
}

func clipAll(list []string, n, width int) []string {
	if len(list) > n {
		list = append(slices.Clone(list[:n]), "and "+strconv.Itoa(len(list)-n)+" more")
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = clip(s, width)
	}
	return out
}

func timelineChart(s *summary) chartSpec {
	ls := lanesOf(s)
	shown := s.top.sorted()
	lo, hi := s.first*1000, s.last*1000
	pad := max((hi-lo)/40, 12*3600*1000)
	// The labels are written after their marks: the latest events need room on the right.
	lo, hi = lo-pad, hi+max(pad, (hi-lo)*3/20)

	var dens []opts.CustomData
	note := ""
	if s.total > len(shown) {
		dens = density(s, ls, lo, hi)
		note = "The timeline draws the " + strconv.Itoa(len(shown)) + " most important of " +
			strconv.Itoa(s.total) + " events; the shaded band in each lane shows where all of them fall."
	}
	details := make([]detail, len(shown))
	data := make([]opts.CustomData, len(shown))
	// Leave room for a label of about 150 pixels on a chart about 1000 wide.
	rows := packRows(shown, ls, (hi-lo)*3/20)
	nrows := 1
	for _, r := range rows {
		nrows = max(nrows, r+1)
	}
	for i, e := range shown {
		lane := ls.index[e.Lane]
		details[i] = detailOf(e, ls.names[lane])
		oLo, oHi, cLo, cHi, shape := geometry(e)
		data[i] = opts.CustomData{Value: []int64{int64(lane), oLo, oHi, cLo, cHi, shape, int64(i), int64(rows[i]), int64(nrows), int64(importance(&e))}}
	}

	c := charts.NewCustom()
	c.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{
			Title: "Timeline", Left: "8",
			Subtitle: "Solid: dated events and spans. Pale dashed: approximate, uncertain or coarse dates.",
		}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "32", Top: "64", Bottom: "64", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "time", Min: lo, Max: hi, SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "category", Data: ls.names, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 150, Overflow: "truncate"},
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
		}),
		charts.WithDataZoomOpts(
			opts.DataZoom{Type: "slider", XAxisIndex: 0, FilterMode: "weakFilter", Start: 0, End: 100},
			opts.DataZoom{Type: "inside", XAxisIndex: 0, FilterMode: "weakFilter", Start: 0, End: 100},
		),
	)
	if dens != nil {
		c.AddSeries("Density", dens, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
			ss.Id = "density"
			ss.Encode = &opts.Encode{X: []int{1, 2}, Y: 0}
		}))
	}
	c.AddSeries("Events", data, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
		ss.Id = "events"
		ss.Encode = &opts.Encode{X: []int{1, 2}, Y: 0}
		ss.LabelLayout = &opts.LabelLayout{HideOverlap: opts.Bool(true)}
	}))
	c.Validate()
	option := c.JSON()
	option["useUTC"] = true
	height := 130 + len(ls.names)*(18+12*nrows)
	return chartSpec{
		ID: "chart-timeline", Heading: "Timeline", Note: note, Height: max(height, 320), Script: "timeline",
		Option: option,
		Extra:  map[string]any{"details": details, "colors": ls.colors()},
	}
}

// geometry places an event in milliseconds: the outer range it may cover, the core that
// is certain, and its shape. A span's core runs from the latest its start may be to the
// earliest its end may be, where those dates are fuzzy; it may be empty.
func geometry(e timeline.Event) (oLo, oHi, cLo, cHi, shape int64) {
	ms := func(s int64) int64 { return s * 1000 }
	if !e.IsSpan() {
		if e.Start.Fuzzy() {
			return ms(e.Start.Earliest), ms(e.Start.Latest + 1), 0, 0, shapeRange
		}
		mid := ms(e.Start.Earliest) + (ms(e.Start.Latest+1)-ms(e.Start.Earliest))/2
		return mid, mid, mid, mid, shapePoint
	}
	oLo, oHi = ms(e.Start.Earliest), ms(e.End.Latest+1)
	cLo, cHi = oLo, oHi
	if e.Start.Fuzzy() {
		cLo = ms(e.Start.Latest + 1)
	}
	if e.End.Fuzzy() {
		cHi = ms(e.End.Earliest)
	}
	if cHi <= cLo {
		cLo, cHi = 0, 0
	}
	return oLo, oHi, cLo, cHi, shapeRange
}

// packRows gives each event (earliest first) a row within its lane so that an event does
// not start within gap milliseconds of the end of the one before it in its row (its label
// goes there), using at most maxRowsPerLane rows.
func packRows(events []timeline.Event, ls laneSet, gap int64) []int {
	ends := map[int][]int64{}
	rows := make([]int, len(events))
	for i, e := range events {
		lane := ls.index[e.Lane]
		oLo, oHi, _, _, _ := geometry(e)
		end := oHi + gap
		r := ends[lane]
		pick := -1
		for j, last := range r {
			if last <= oLo {
				pick = j
				break
			}
		}
		if pick < 0 && len(r) < maxRowsPerLane {
			r = append(r, 0)
			pick = len(r) - 1
		}
		if pick < 0 { // all rows busy: take the one that frees first
			pick = 0
			for j := range r {
				if r[j] < r[pick] {
					pick = j
				}
			}
		}
		r[pick] = max(r[pick], end)
		ends[lane] = r
		rows[i] = pick
	}
	return rows
}

// density bins every event's day into columns per lane, for the band drawn behind the
// shown events: [lane, from, to, count, most in any cell].
func density(s *summary, ls laneSet, lo, hi int64) []opts.CustomData {
	width := max((hi-lo)/densityBins, 1)
	type cell struct{ lane, bin int64 }
	counts := map[cell]int64{}
	var most int64
	for k, n := range s.perDay {
		ms := k.day*secondsPerDay*1000 + secondsPerDay*500
		c := cell{int64(ls.index[k.lane]), (ms - lo) / width}
		counts[c] += int64(n)
		most = max(most, counts[c])
	}
	keys := make([]cell, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cell) int {
		return cmp.Or(cmp.Compare(a.lane, b.lane), cmp.Compare(a.bin, b.bin))
	})
	out := make([]opts.CustomData, len(keys))
	for i, k := range keys {
		from := lo + k.bin*width
		out[i] = opts.CustomData{Value: []int64{k.lane, from, from + width, counts[k], most}}
	}
	return out
}
