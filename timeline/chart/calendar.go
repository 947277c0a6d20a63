package chart

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// calendarChart is a heatmap of events per day, one calendar per year, for the last
// MaxCalendarYears years that have events. Only starts known to the day, or about the day,
// are placed (at the middle of their range, so "about 5 Sep" is on 5 Sep); years 1 to
// 9999 only. It is drawn as graphics (calendargrid.go), so that five years cost a few
// hundred elements rather than two per day.
func calendarChart(j *job) chartSpec {
	s := j.s
	perYear := map[int]int{}
	for day, n := range s.calendar {
		perYear[dayTime(day).Year()] += n
	}
	var years []int
	outside := 0
	for y, n := range perYear {
		if y < 1 || y > 9999 {
			outside += n
			continue
		}
		years = append(years, y)
	}
	slices.Sort(years)
	var notes []string
	if len(years) > MaxCalendarYears {
		earlier := 0
		for _, y := range years[:len(years)-MaxCalendarYears] {
			earlier += perYear[y]
		}
		notes = append(notes, fmt.Sprintf("The calendar shows the last %d years with events, %d–%d; %s in %s before are not shown.",
			MaxCalendarYears, years[len(years)-MaxCalendarYears], years[len(years)-1], count(earlier, "event"), count(len(years)-MaxCalendarYears, "year")))
		years = years[len(years)-MaxCalendarYears:]
	}
	if s.coarse > 0 {
		notes = append(notes, count(s.coarse, "event")+" with a start coarser than a day (a month, a year…) not on the calendar.")
	}
	if outside > 0 {
		notes = append(notes, count(outside, "event")+" before year 1 or after 9999 not on the calendar.")
	}
	title, titleH := j.title("Events per day")
	g, tips, height := drawCalendar(s, years, titleH+8, j.width)
	c := charts.NewScatter()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: j.width, Show: opts.Bool(false)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Max: height, Show: opts.Bool(false)}),
	)
	// On screen an invisible point over each day with events shows its count; images
	// leave it out (page.js), as the drawing is in the graphics.
	c.AddSeries("Events per day", tips, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
		ss.Id = "calendar-tips"
		ss.Symbol, ss.SymbolSize = "rect", calendarCell(j.width)
		ss.ItemStyle = &opts.ItemStyle{Opacity: opts.Float(0)}
	}))
	c.Validate()
	note := ""
	for i, n := range notes {
		if i > 0 {
			note += " "
		}
		note += n
	}
	option := c.JSON()
	option["title"] = title
	option["textStyle"] = map[string]any{"fontFamily": fontFamily}
	option["grid"] = map[string]any{"left": 0, "top": 0, "width": j.width, "height": height, "containLabel": false}
	y := option["yAxis"].([]opts.YAxis)
	y[0].Inverse = opts.Bool(true)
	option["graphic"] = g
	return chartSpec{
		ID: "chart-calendar", Heading: "Events per day", Note: note, Script: "calendar", Width: int(j.width),
		Option: option, Height: int(math.Ceil(height)),
	}
}

// count writes n with its noun: 1 event, 2 events.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
