package chart

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// breakdownCharts are three bar charts: events by lane, by actor and by tag, most first.
// An event with two actors counts once for each.
func breakdownCharts(s *summary) []chartSpec {
	return []chartSpec{
		breakdown("chart-lanes", "Events by lane", s.lanes, "(no lane)", 0, palette[0]),
		breakdown("chart-actors", "Events by actor", s.actors, "", s.noActor, palette[1]),
		breakdown("chart-tags", "Events by tag", s.tags, "", s.noTag, palette[2]),
	}
}

// breakdown draws one horizontal bar chart of counts: the MaxNames most used names, one
// bar summing the rest, and one for events that have none.
func breakdown(id, title string, counts map[string]int, emptyName string, none int, color string) chartSpec {
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
		values = append(values, opts.BarData{Value: counts[n]})
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

	c := charts.NewBar()
	c.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: title, Left: "8"}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis",
			AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "48", Top: "48", Bottom: "16", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 220, Overflow: "truncate"}}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1}),
	)
	c.SetXAxis(labels).XYReversal()
	c.AddSeries("Events", values,
		charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "30%"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
	)
	c.Validate()
	return chartSpec{
		ID: id, Heading: title, Note: note, Script: "bars", Option: c.JSON(),
		Height: 90 + 24*max(len(labels), 3),
	}
}
