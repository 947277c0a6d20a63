package chart

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

const calendarYearHeight = 150 // pixels per year's calendar

// calendarChart is a heatmap of events per day, one calendar per year, for the last
// MaxCalendarYears years that have events. Only starts known to the day are placed (at the
// middle of their range, so "about 5 Sep" is on 5 Sep); ECharts' calendar knows years 1
// to 9999 only.
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
	row := map[int]int{}
	for i, y := range years {
		row[y] = i
	}
	data := make([][]opts.HeatMapData, len(years))
	most := 1
	days := make([]int64, 0, len(s.calendar))
	for day := range s.calendar {
		days = append(days, day)
	}
	slices.Sort(days)
	for _, day := range days {
		t := dayTime(day)
		i, ok := row[t.Year()]
		if !ok {
			continue
		}
		n := s.calendar[day]
		most = max(most, n)
		data[i] = append(data[i], opts.HeatMapData{Value: []any{t.Format("2006-01-02"), n}})
	}

	title, titleH := j.title("Events per day")
	top := int(titleH) + 8
	c := charts.NewHeatMap()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithToolboxOpts(toolbox()),
		charts.WithVisualMapOpts(opts.VisualMap{
			Type: "continuous", Min: 0, Max: float32(most),
			Orient: "horizontal", Left: "center", Top: strconv.Itoa(top), Text: []string{strconv.Itoa(most) + " events", "0"},
			InRange: &opts.VisualMapInRange{Color: []string{"#eef3fb", "#9cbbe3", "#3b6fb6", "#143a73"}},
		}),
	)
	for i, y := range years {
		c.AddCalendar(&opts.Calendar{
			Orient: "horizontal", Range: []string{strconv.Itoa(y)},
			Top: strconv.Itoa(top + 50 + i*calendarYearHeight), Left: "56", Right: "24", Height: "105", CellSize: "auto",
			YearLabel: &opts.CalendarLabel{Show: opts.Bool(true)},
			DayLabel:  &opts.CalendarLabel{Show: opts.Bool(true), FirstDay: 1},
		})
		c.AddSeries(strconv.Itoa(y), data[i], charts.WithCoordinateSystem("calendar"), charts.WithCalendarIndex(i))
	}
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
	return chartSpec{
		ID: "chart-calendar", Heading: "Events per day", Note: note, Script: "calendar", Width: int(j.width),
		Option: option, Height: top + 60 + calendarYearHeight*max(len(years), 1),
	}
}

// count writes n with its noun: 1 event, 2 events.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
