package chart

import (
	"math"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// The calendar's sizes, in pixels.
const (
	calendarLeft   = 84.0 // the grid's left edge: year and weekday labels before it
	calendarMonths = 18.0 // month names above a year's grid
	calendarGap    = 14.0 // between years
	calendarLegend = 34.0 // the shade legend above the first year
)

// calendarShades colour days by how many events they hold, fewest first; calendarEmpty
// is a day with none.
var calendarShades = []string{"#c6d7ef", "#9cbbe3", "#6b96cf", "#3b6fb6", "#143a73"}

const calendarEmpty = "#eef1f5"

// shadeOf is the shade (0 to len(calendarShades)-1) of a day with n of at most most
// events.
func shadeOf(n, most int) int {
	l := len(calendarShades)
	return min(max(int(math.Ceil(float64(l)*float64(n)/float64(most))), 1), l) - 1
}

// calendarCell is the side of a day's square for a chart w pixels wide: 54 weeks fill
// the width, 10 to 22 pixels.
func calendarCell(w float64) float64 { return min(max(math.Floor((w-calendarLeft-16)/54), 10), 22) }

// drawCalendar lays out one grid per year, weeks as columns from Monday and days as
// rows, starting top pixels down, for a chart w pixels wide. Days of one shade that
// follow each other in a week are one rectangle, and a year's rectangles of one shade
// are one path; white lines draw the cells and darker lines the months, each kind one
// path a year. So five years of a million events cost about a hundred elements, each of
// which ECharts draws in goja for an image. It returns the graphics, the tooltip points
// (x, y, count, date) and the chart's height.
func drawCalendar(s *summary, years []int, top, w float64) ([]map[string]any, []opts.ScatterData, float64) {
	most := 1
	for _, n := range s.calendar {
		most = max(most, n)
	}
	g := calendarKey(most, top)
	calendarCell := calendarCell(w)
	var tips []opts.ScatterData
	y0 := top + calendarLegend
	for _, year := range years {
		yg := y0 + calendarMonths
		first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		days := 365
		if time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay() == 366 {
			days = 366
		}
		lead := (int(first.Weekday()) + 6) % 7 // Monday first
		cols := (lead + days + 6) / 7
		x := func(col int) float64 { return calendarLeft + float64(col)*calendarCell }
		yr := func(row int) float64 { return yg + float64(row)*calendarCell }
		g = append(g, text(12, yg+3.5*calendarCell, strconv.Itoa(year), 14, true, "#1d2430", "left"))
		for row, name := range []string{"Mon", "", "Wed", "", "Fri", "", "Sun"} {
			if name != "" {
				g = append(g, text(calendarLeft-6, yr(row)+calendarCell/2, name, 10, false, "#5b6472", "right"))
			}
		}
		firstDay := floorDiv(first.Unix(), secondsPerDay)
		// The empty cells: the first and last weeks as they fall, the weeks between whole.
		last := lead + days - 1
		g = append(g, rect(x(0), yr(lead), calendarCell, float64(7-lead)*calendarCell, calendarEmpty, 0),
			rect(x(1), yr(0), float64(cols-2)*calendarCell, 7*calendarCell, calendarEmpty, 0),
			rect(x(cols-1), yr(0), calendarCell, float64(last%7+1)*calendarCell, calendarEmpty, 0))
		shades := make([]pathData, len(calendarShades))
		for col := 0; col < cols; col++ {
			from, to := max(col*7, lead), min(col*7+6, last) // positions in the grid
			for p := from; p <= to; {
				n := s.calendar[firstDay+int64(p-lead)]
				q := p + 1
				for q <= to && n > 0 && s.calendar[firstDay+int64(q-lead)] > 0 &&
					shadeOf(s.calendar[firstDay+int64(q-lead)], most) == shadeOf(n, most) {
					q++
				}
				if n > 0 {
					shades[shadeOf(n, most)].rect(x(col), yr(p-col*7), calendarCell, float64(q-p)*calendarCell)
					for d := p; d < q; d++ {
						day := firstDay + int64(d-lead)
						tips = append(tips, opts.ScatterData{Value: []any{round2(x(col) + calendarCell/2), round2(yr(d-col*7) + calendarCell/2),
							s.calendar[day], dayTime(day).Format("2006-01-02")}})
					}
				}
				p = q
			}
		}
		for i, d := range shades {
			if len(d.rects) > 0 {
				g = append(g, d.filled(calendarShades[i]))
			}
		}
		g = append(g, calendarLines(year, lead, cols, calendarCell, x, yr)...)
		y0 = yg + 7*calendarCell + calendarGap
	}
	return g, tips, y0 + 4
}

// calendarLines are a year's cell borders (white) and month borders (dark), each one
// path, with the month names above.
func calendarLines(year, lead, cols int, cell float64, x func(int) float64, yr func(int) float64) []map[string]any {
	var cells, months pathData
	for row := 1; row < 7; row++ {
		cells.line([][2]float64{{x(0), yr(row)}, {x(cols), yr(row)}})
	}
	for col := 1; col < cols; col++ {
		cells.line([][2]float64{{x(col), yr(0)}, {x(col), yr(7)}})
	}
	g := make([]map[string]any, 0, 14)
	g = append(g, cells.stroked("#ffffff", 1))
	for m := time.January; m <= time.December; m++ {
		start := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
		p := lead + start.YearDay() - 1
		col, row := p/7, p%7
		g = append(g, text(x(col)+min(2, cell/8), yr(0)-calendarMonths/2, start.Format("Jan"), 10, false, "#5b6472", "left"))
		if m == time.January {
			continue
		}
		pts := [][2]float64{{x(col), yr(7)}, {x(col), yr(row)}}
		if row > 0 {
			pts = append(pts, [2]float64{x(col + 1), yr(row)}, [2]float64{x(col + 1), yr(0)})
		}
		months.line(pts)
	}
	return append(g, months.stroked("#5b6472", 1))
}

// pathData gathers many rectangles or polylines of one style into one graphic (page.js
// draws them as one shape, one SVG path), so that hundreds of shapes cost one element.
type pathData struct {
	rects [][4]float64
	lines [][]float64
}

// rect adds a rectangle.
func (p *pathData) rect(x, y, w, h float64) {
	p.rects = append(p.rects, [4]float64{round2(x), round2(y), round2(w), round2(h)})
}

// line adds a polyline through points.
func (p *pathData) line(points [][2]float64) {
	l := make([]float64, 0, 2*len(points))
	for _, pt := range points {
		l = append(l, round2(pt[0]), round2(pt[1]))
	}
	p.lines = append(p.lines, l)
}

// filled is the rectangles as one graphic filled with fill.
func (p *pathData) filled(fill string) map[string]any {
	return map[string]any{"type": "cs-rects", "silent": true, "shape": map[string]any{"rects": p.rects},
		"style": map[string]any{"fill": fill}}
}

// stroked is the polylines as one graphic of lines.
func (p *pathData) stroked(stroke string, width float64) map[string]any {
	return map[string]any{"type": "cs-lines", "silent": true, "shape": map[string]any{"lines": p.lines},
		"style": map[string]any{"stroke": stroke, "lineWidth": width, "fill": "none"}}
}

// calendarKey is the legend of shades: how many events a day each stands for.
func calendarKey(most int, top float64) []map[string]any {
	g := []map[string]any{text(12, top+10, "Events a day:", smallSize, false, "#1d2430", "left")}
	x := 12 + textWidth("Events a day:", smallSize, false) + 10
	l := len(calendarShades)
	for i, c := range calendarShades {
		lo, hi := i*most/l+1, (i+1)*most/l
		if lo > hi {
			continue // no count falls in this shade
		}
		label := strconv.Itoa(hi)
		if lo != hi {
			label = strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
		}
		g = append(g, rect(x, top+10-6, 12, 12, c, 0), text(x+16, top+10, label, smallSize, false, "#1d2430", "left"))
		x += 16 + textWidth(label, smallSize, false) + 14
	}
	return g
}
