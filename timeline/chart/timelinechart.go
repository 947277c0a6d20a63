package chart

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/chronoscope/chronoscope/timeline"
)

// Event shapes in the timeline's data, read by page.js.
const (
	shapePoint = 0 // a date known to the day or better: a marker at its middle
	shapeRange = 1 // a span or a fuzzy date: a pale bar over what it may cover, solid where certain
)

// densityBins is the columns of the density band drawn behind the events when there are
// more than the chart draws one by one.
const densityBins = 240

// laneSet is the lanes a chart shows, in the case's order, with their colours, and the
// least used merged into one "other lanes" row when there are more than MaxLanes.
type laneSet struct {
	names   []string       // as shown
	colours []string       // "#rrggbb", one per row
	index   map[string]int // lane as stored -> row
	other   bool           // the last row merges the least used lanes
}

// lanesOf orders the lanes: those the case lists (Options.Lanes) by their position, then
// any others by name, events with no lane last. A listed lane keeps its colour; another
// takes the palette colour of its row; no lane and "other lanes" are grey.
func lanesOf(s *summary, known []timeline.LaneInfo) laneSet {
	pos := make(map[string]timeline.LaneInfo, len(known))
	for _, l := range known {
		pos[l.Name] = l
	}
	all := ranked(s.lanes)
	kept, other := all, 0
	if len(all) > MaxLanes {
		kept = all[:MaxLanes-1]
		for _, n := range all[MaxLanes-1:] {
			other += s.lanes[n]
		}
	}
	kept = slices.Clone(kept)
	slices.SortFunc(kept, func(a, b string) int {
		if (a == "") != (b == "") {
			if a == "" {
				return 1
			}
			return -1
		}
		la, oka := pos[a]
		lb, okb := pos[b]
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(la.Position, lb.Position), cmp.Compare(a, b))
	})
	ls := laneSet{names: names(kept, "(no lane)"), index: make(map[string]int, len(all))}
	for i, n := range kept {
		ls.index[n] = i
		c := otherColor
		if l, ok := pos[n]; ok && validColour(l.Colour) {
			c = strings.ToLower(l.Colour)
		} else if n != "" {
			c = strings.ToLower(timeline.PaletteColour(i))
		}
		ls.colours = append(ls.colours, c)
	}
	if other > 0 {
		ls.other = true
		ls.names = append(ls.names, "Other lanes ("+strconv.Itoa(len(all)-len(kept))+")")
		ls.colours = append(ls.colours, otherColor)
		for _, n := range all[MaxLanes-1:] {
			ls.index[n] = len(ls.names) - 1
		}
	}
	return ls
}

// totals counts the events of each row of ls.
func (ls laneSet) totals(s *summary) []int {
	t := make([]int, len(ls.names))
	for n, c := range s.lanes {
		t[ls.index[n]] += c
	}
	return t
}

// validColour reports whether c is a colour the charts may write as it is: #rrggbb.
func validColour(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	_, err := timeline.ParseColour(c)
	return err == nil
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
	Label   string     `json:"lab,omitempty"` // as the chart draws it (lines joined by "\n"), when it has a label
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

func timelineChart(j *job) chartSpec {
	s := j.s
	shown := s.timelineEvents()
	title, titleH := j.title("Timeline")
	L := layoutTimeline(shown, j.lanes, j.lanes.totals(s), s.first, s.last, j.width, titleH, s.total > len(shown))
	if s.total == 0 {
		L.note = nil
	}

	details := make([]detail, len(shown))
	data := make([]opts.CustomData, 0, len(shown))
	for i, e := range shown {
		it := L.items[i]
		details[i] = detailOf(e, j.lanes.names[it.lane])
		if it.side != sideNone {
			details[i].Label = it.label // the whole title, wrapped: the chart draws it so
		}
		if !it.drawn {
			continue
		}
		oLo, oHi, cLo, cHi, shape := geometry(e)
		data = append(data, opts.CustomData{Value: []float64{float64(oLo), float64(oHi), float64(cLo), float64(cHi),
			float64(shape), float64(i), it.y, float64(it.side), float64(it.lane)}})
	}
	c := charts.NewCustom()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithXAxisOpts(opts.XAxis{Type: "time", Min: L.lo, Max: L.hi, SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Max: L.plotH, Show: opts.Bool(false)}),
	)
	c.AddSeries("Events", data, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
		ss.Id = "events"
		ss.Encode = &opts.Encode{X: []int{0, 1}, Y: 6}
	}))
	c.Validate()
	option := c.JSON()
	option["useUTC"] = true
	option["title"] = title
	option["grid"] = map[string]any{"left": L.plotX, "top": L.plotY, "width": L.plotW, "height": L.plotH, "containLabel": false}
	y := option["yAxis"].([]opts.YAxis)
	y[0].Inverse = opts.Bool(true)
	x := option["xAxis"].([]opts.XAxis)
	x[0].AxisLabel = &opts.AxisLabel{HideOverlap: opts.Bool(true), FontSize: smallSize, FontFamily: fontFamily, Color: "#3c4656",
		ShowMinLabel: opts.Bool(false), ShowMaxLabel: opts.Bool(false)}
	option["textStyle"] = map[string]any{"fontFamily": fontFamily}
	g := timelineGraphics(L, s.total == 0)
	if s.total > len(shown) {
		g = append(g, densityGraphics(s, j.lanes, L)...)
	}
	option["graphic"] = g
	return chartSpec{
		ID: "chart-timeline", Heading: "Timeline", Width: int(L.width), Height: int(math.Ceil(L.height)), Script: "timeline",
		Option: option,
		Extra:  map[string]any{"details": details, "colors": j.lanes.colours, "lanes": j.lanes.names},
	}
}

// timelineGraphics are the chart's fixed parts, placed by the layout: lane bands with
// their names and "+N more" counts, the note and the legend.
func timelineGraphics(L *tlLayout, empty bool) []map[string]any {
	var g []map[string]any
	for i, l := range L.lanes {
		fill := "#ffffff"
		if i%2 == 0 {
			fill = "#f4f6f9"
		}
		g = append(g, rect(0, L.plotY+l.y0, L.width, l.y1-l.y0, fill, -20),
			text(8, L.plotY+l.y0+lanePad+9, l.name, labelSize, true, "#1d2430", "left"))
		if l.more() > 0 {
			g = append(g, text(8, L.plotY+l.y0+lanePad+24, moreText(l.more()), smallSize, false, "#5b6472", "left"))
		}
	}
	for i, line := range L.note {
		g = append(g, text(12, L.noteY+16*float64(i), line, smallSize, false, "#3c4656", "left"))
	}
	for _, e := range L.legend {
		g = append(g, swatch(e)...)
		g = append(g, text(e.x+swatchWidth(e.kind)+6, e.y, e.text, smallSize, false, "#1d2430", "left"))
	}
	if empty {
		g = append(g, text(L.width/2, L.plotY+L.plotH/2, "No events to show", 16, false, "#5b6472", "center"))
	}
	return g
}

func rect(x, y, w, h float64, fill string, z int) map[string]any {
	return map[string]any{"type": "rect", "silent": true, "z": z,
		"shape": map[string]any{"x": round2(x), "y": round2(y), "width": round2(w), "height": round2(h)},
		"style": map[string]any{"fill": fill}}
}

func text(x, y float64, s string, size float64, isBold bool, fill, align string) map[string]any {
	st := map[string]any{"text": s, "fontSize": size, "fontFamily": fontFamily, "fill": fill,
		"textAlign": align, "textVerticalAlign": "middle"}
	if isBold {
		st["fontWeight"] = "bold"
	}
	return map[string]any{"type": "text", "silent": true, "x": round2(x), "y": round2(y), "style": st}
}

// swatch draws a legend entry's sample: a lane's colour, or a date style in grey.
func swatch(e legendEntry) []map[string]any {
	const ink = "#5b6472"
	switch e.kind {
	case "point":
		return []map[string]any{{"type": "circle", "silent": true,
			"shape": map[string]any{"cx": round2(e.x + 6), "cy": round2(e.y), "r": markHeight/2 + 1},
			"style": map[string]any{"fill": ink, "stroke": "#ffffff", "lineWidth": 1}}}
	case "span":
		return []map[string]any{rect(e.x, e.y-markHeight/2, 22, markHeight, ink, 0)}
	case "fuzzy":
		r := rect(e.x, e.y-markHeight/2, 22, markHeight, ink, 0)
		r["style"] = map[string]any{"fill": ink, "opacity": 0.22, "stroke": ink, "lineWidth": 1, "lineDash": []int{4, 3}}
		return []map[string]any{r}
	}
	return []map[string]any{rect(e.x, e.y-6, 12, 12, e.colour, 0)}
}

// round2 keeps two decimals, so that pages stay small and output does not depend on
// the last bits of a float.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

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

// densityLevels is how many shades the density strip has.
const densityLevels = 5

// densityGraphics is the strip under each lane when not every event is drawn: every
// event's day counted in densityBins columns, each column shaded by its count (darker:
// more) in densityLevels shades; neighbouring columns of one shade are one rectangle, so
// a million events cost a few hundred elements.
func densityGraphics(s *summary, ls laneSet, L *tlLayout) []map[string]any {
	binMs := max((L.hi-L.lo)/densityBins, 1)
	levels := make([][]int, len(L.lanes))
	for i := range levels {
		levels[i] = make([]int, densityBins+1)
	}
	most := 0
	for k, n := range s.perDay {
		ms := k.day*secondsPerDay*1000 + secondsPerDay*500
		bin := min(max((ms-L.lo)/binMs, 0), densityBins)
		lane := ls.index[k.lane]
		levels[lane][bin] += n
		most = max(most, levels[lane][bin])
	}
	var out []map[string]any
	for lane, counts := range levels {
		for i := range counts {
			if counts[i] > 0 {
				counts[i] = max(int(math.Ceil(densityLevels*math.Sqrt(float64(counts[i])/float64(most)))), 1)
			}
		}
		for i := 0; i < len(counts); {
			j := i + 1
			for j < len(counts) && counts[j] == counts[i] {
				j++
			}
			if counts[i] > 0 {
				x0 := max(L.x(L.lo+int64(i)*binMs), L.plotX)
				x1 := min(L.x(L.lo+int64(j)*binMs), L.plotX+L.plotW)
				r := rect(x0, L.plotY+L.lanes[lane].strip[0], x1-x0, stripHeight, ls.colours[lane], 0)
				r["style"].(map[string]any)["opacity"] = round2(0.12 + 0.88*float64(counts[i])/densityLevels)
				out = append(out, r)
			}
			i = j
		}
	}
	return out
}
