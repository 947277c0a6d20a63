package chart

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// breakdownCharts are three bar charts: events by lane, by actor and by tag, most first.
// An event with two actors counts once for each.
func breakdownCharts(j *job) []chartSpec {
	s := j.s
	laneColour := func(name string) string { return j.lanes.colours[j.lanes.index[name]] }
	return []chartSpec{
		breakdown(j, "chart-lanes", "Events by lane", s.lanes, "(no lane)", 0, laneColour),
		breakdown(j, "chart-actors", "Events by actor", s.actors, "", s.noActor, nil),
		breakdown(j, "chart-tags", "Events by tag", s.tags, "", s.noTag, nil),
	}
}

// barColour is the one colour of the actor and tag bars.
const barColour = "#3b6fb6"

// breakdown draws one horizontal bar chart of counts: the MaxNames most used names, one
// bar summing the rest, and one for events that have none. colour gives each name's bar
// its colour (lanes); nil draws them all in barColour.
func breakdown(j *job, id, title string, counts map[string]int, emptyName string, none int, colour func(string) string) chartSpec {
	order := ranked(counts)
	kept := order
	rest, restNames := 0, 0
	if len(order) > MaxNames {
		kept = order[:MaxNames]
		for _, n := range order[MaxNames:] {
			rest += counts[n]
		}
		restNames = len(order) - MaxNames
	}
	labels := names(kept, emptyName)
	values := make([]opts.BarData, 0, len(kept)+2)
	for _, n := range kept {
		d := opts.BarData{Value: counts[n]}
		if colour != nil {
			d.ItemStyle = &opts.ItemStyle{Color: colour(n)}
		}
		values = append(values, d)
	}
	note := ""
	if rest > 0 {
		labels = append(labels, "Others ("+strconv.Itoa(restNames)+" names)")
		values = append(values, opts.BarData{Value: rest, ItemStyle: &opts.ItemStyle{Color: otherColor}})
		note = title + ": the " + strconv.Itoa(MaxNames) + " most used names are shown one by one; " +
			strconv.Itoa(restNames) + " more are summed in one bar."
	}
	if none > 0 {
		what := "actor"
		if id == "chart-tags" {
			what = "tag"
		}
		labels = append(labels, "(no "+what+")")
		values = append(values, opts.BarData{Value: none, ItemStyle: &opts.ItemStyle{Color: otherColor}})
	}

	head, titleH := j.title(title)
	c := charts.NewBar()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis",
			AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithGridOpts(opts.Grid{Left: "12", Right: "48", Top: strconv.Itoa(int(titleH) + 8), Bottom: "16", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 260, Overflow: "truncate", FontFamily: fontFamily}}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1}),
	)
	c.SetXAxis(labels).XYReversal()
	c.AddSeries("Events", values,
		charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "30%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: barColour}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
	)
	c.Validate()
	option := c.JSON()
	option["title"] = head
	option["textStyle"] = map[string]any{"fontFamily": fontFamily}
	return chartSpec{
		ID: id, Heading: title, Note: note, Script: "bars", Option: option, Width: int(j.width),
		Height: int(titleH) + 40 + 24*max(len(labels), 3),
	}
}
