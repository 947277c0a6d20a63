package chart

import (
	"strings"
)

// job is one export being built: the counts, the options and what every chart of it
// shares (lanes in order with their colours, width).
type job struct {
	s     *summary
	opt   Options
	lanes laneSet
	width float64
}

func newJob(s *summary, opt Options) *job {
	w := opt.Width
	if w == 0 {
		w = DefaultWidth
	}
	w = min(max(w, MinWidth), MaxWidth)
	return &job{s: s, opt: opt, lanes: lanesOf(s, opt.Lanes), width: float64(w)}
}

// specs builds the charts of kind, in the order the report shows them.
func (j *job) specs(kind Kind) []chartSpec {
	var specs []chartSpec
	if kind == KindTimeline || kind == KindReport {
		specs = append(specs, timelineChart(j))
	}
	if kind == KindHistogram || kind == KindReport {
		specs = append(specs, histogramChart(j))
	}
	if kind == KindBreakdown || kind == KindReport {
		specs = append(specs, breakdownCharts(j)...)
	}
	if kind == KindCalendar || kind == KindReport {
		specs = append(specs, calendarChart(j))
	}
	return specs
}

// Title sizes, in pixels.
const (
	titleSize    = 16.0
	subtitleSize = 12.0
	subtitleLine = 16.0
)

// title is a chart's title block, the same on every chart so that an image pasted alone
// into a report still says what it shows: the case's name (or what the chart is) and a
// subtitle with what the chart counts, of how many events over which dates, and the
// filter in words. It returns the ECharts title option and the height it takes.
func (j *job) title(what string) (map[string]any, float64) {
	head := what
	if name := strings.TrimSpace(j.opt.Case.Name); name != "" {
		head = clip(name, 200) + " — " + what
	}
	head = fitText(head, j.width-150, titleSize, true) // the toolbox sits top right
	sub := what + " of " + thousands(j.s.total) + " events"
	if j.s.total == 1 {
		sub = what + " of 1 event"
	}
	if j.s.total > 0 {
		sub += ", " + dayText(j.s.first) + " – " + dayText(j.s.last)
	}
	sub += ". Filter: " + j.filterText() + "."
	lines := wrapText(sub, j.width-24, subtitleSize, false, 3)
	t := map[string]any{
		"text": head, "subtext": strings.Join(lines, "\n"), "left": 12, "top": 8, "itemGap": 6,
		"textStyle":    map[string]any{"fontSize": titleSize, "fontWeight": "bold", "fontFamily": fontFamily, "color": "#1d2430"},
		"subtextStyle": map[string]any{"fontSize": subtitleSize, "lineHeight": subtitleLine, "fontFamily": fontFamily, "color": "#3c4656"},
	}
	return t, 8 + 20 + 6 + subtitleLine*float64(len(lines)) + 12
}

// filterText is the filter in words, "all events" when there is none.
func (j *job) filterText() string {
	if t := strings.TrimSpace(j.opt.FilterText); t != "" {
		return clip(t, 1000)
	}
	return "all events"
}
