package chart

import (
	"fmt"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/chronoscope/chronoscope/timeline"
)

// period is the width of a histogram bar.
type period int

const (
	perDay period = iota
	perWeek
	perMonth
	perYear
	perDecade
	perCentury
)

func (p period) String() string {
	return [...]string{"day", "week", "month", "year", "decade", "century"}[p]
}

// periodFor picks the bar width from the number of days covered, so that a histogram
// has from a handful to about two hundred bars.
func periodFor(days int64) period {
	switch {
	case days <= 62:
		return perDay
	case days <= 550:
		return perWeek
	case days <= 15*366:
		return perMonth
	case days <= 150*366:
		return perYear
	case days <= 1500*366:
		return perDecade
	}
	return perCentury
}

// start returns the first day of the period holding t (UTC, weeks from Monday).
func (p period) start(t time.Time) time.Time {
	y, m, d := t.Date()
	switch p {
	case perWeek:
		back := (int(t.Weekday()) + 6) % 7
		return time.Date(y, m, d-back, 0, 0, 0, 0, time.UTC)
	case perMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case perYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case perDecade:
		return time.Date(int(floorDiv(int64(y), 10)*10), 1, 1, 0, 0, 0, 0, time.UTC)
	case perCentury:
		return time.Date(int(floorDiv(int64(y), 100)*100), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (p period) next(t time.Time) time.Time {
	switch p {
	case perWeek:
		return t.AddDate(0, 0, 7)
	case perMonth:
		return t.AddDate(0, 1, 0)
	case perYear:
		return t.AddDate(1, 0, 0)
	case perDecade:
		return t.AddDate(10, 0, 0)
	case perCentury:
		return t.AddDate(100, 0, 0)
	}
	return t.AddDate(0, 0, 1)
}

// label names the period starting at t: 4 Sep 2023, Sep 2023, 2023, 1990s, 1900–1999.
func (p period) label(t time.Time) string {
	y := t.Year()
	switch p {
	case perMonth:
		return t.Format("Jan") + " " + timeline.YearLabel(y)
	case perYear:
		return timeline.YearLabel(y)
	case perDecade:
		if y > 0 {
			return fmt.Sprintf("%ds", y)
		}
		return timeline.YearLabel(y) + "–" + timeline.YearLabel(y+9)
	case perCentury:
		return timeline.YearLabel(y) + "–" + timeline.YearLabel(y+99)
	}
	return dayText(t.Unix())
}

func dayTime(day int64) time.Time { return time.Unix(day*secondsPerDay, 0).UTC() }

func histogramChart(j *job) chartSpec {
	s, ls := j.s, j.lanes
	firstDay, lastDay := dayExtent(s)
	p := periodFor(lastDay - firstDay + 1)
	var labels []string
	index := map[int64]int{} // period start (Unix) -> bar
	if s.total > 0 {
		end := dayTime(lastDay)
		for t := p.start(dayTime(firstDay)); !t.After(end); t = p.next(t) {
			index[t.Unix()] = len(labels)
			labels = append(labels, p.label(t))
		}
	}
	counts := make([][]int, len(ls.names))
	for i := range counts {
		counts[i] = make([]int, len(labels))
	}
	for k, n := range s.perDay {
		bar := index[p.start(dayTime(k.day)).Unix()]
		counts[ls.index[k.lane]][bar] += n
	}

	title, titleH := j.title("Events per " + p.String())
	legendH := legendHeight(ls.names, j.width)
	c := charts.NewBar()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithColorsOpts(opts.Colors(ls.colours)),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis",
			AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "plain", Bottom: "8", Left: "12", Right: "12",
			TextStyle: &opts.TextStyle{FontSize: smallSize, FontFamily: fontFamily}}),
		charts.WithGridOpts(opts.Grid{Left: "12", Right: "32", Top: strconv.Itoa(int(titleH) + 24),
			Bottom: strconv.Itoa(int(legendH) + 44), ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: axisName(p), NameLocation: "middle", NameGap: 26}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "Events", MinInterval: 1}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "inside", XAxisIndex: 0, Start: 0, End: 100}),
	)
	c.SetXAxis(labels)
	for i, name := range ls.names {
		data := make([]opts.BarData, len(labels))
		for j, n := range counts[i] {
			data[j] = opts.BarData{Value: n}
			if n == 0 {
				data[j].Value = "-" // no bar at all: a million events' histogram stays a few hundred bars
			}
		}
		c.AddSeries(name, data, charts.WithBarChartOpts(opts.BarChart{Stack: "lanes", BarCategoryGap: "20%"}),
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
				// Large mode draws a lane's bars as one shape: a few hundred bars cost what one does.
				ss.Large, ss.LargeThreshold = opts.Bool(true), 60
			}))
	}
	c.Validate()
	option := c.JSON()
	option["title"] = title
	option["textStyle"] = map[string]any{"fontFamily": fontFamily}
	return chartSpec{ID: "chart-histogram", Heading: "Events per " + p.String(), Width: int(j.width),
		Height: int(titleH + legendH + 380), Script: "bars", Option: option,
		Note: "Each event counts once, at the middle of its start date, stacked by lane."}
}

func axisName(p period) string {
	if p == perWeek {
		return "Week starting"
	}
	return ""
}

// dayExtent is the first and last day any event is counted on.
func dayExtent(s *summary) (first, last int64) {
	seen := false
	for k := range s.perDay {
		if !seen || k.day < first {
			first = k.day
		}
		if !seen || k.day > last {
			last = k.day
		}
		seen = true
	}
	return first, last
}

// legendHeight is the height ECharts' plain legend takes for these names at width w:
// its items flow in lines, each a 25-pixel swatch, a gap and the name.
func legendHeight(names []string, w float64) float64 {
	lines, x := 1, 0.0
	for _, n := range names {
		iw := 25 + 5 + textWidth(n, smallSize, false) + 10
		if x > 0 && x+iw > w-24 {
			lines++
			x = 0
		}
		x += iw
	}
	return float64(lines) * 22
}
