package chart

import (
	"fmt"
	"io"
	"iter"
	"slices"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// Kind names what an export holds: one chart, or the report with all of them.
type Kind string

// The kinds of export, in the order the report shows them.
const (
	// KindTimeline draws events over time, one row per lane.
	KindTimeline Kind = "timeline"
	// KindHistogram counts events per day, week, month, year, decade or century, stacked
	// by lane.
	KindHistogram Kind = "histogram"
	// KindBreakdown counts events by lane, by actor and by tag.
	KindBreakdown Kind = "breakdown"
	// KindCalendar is a heatmap of events per day, one calendar per year.
	KindCalendar Kind = "calendar"
	// KindReport is one page with the case, the filter, every chart above and a table of
	// the events with their sources.
	KindReport Kind = "report"
)

// Kinds lists every Kind, in the order the command line documents them.
func Kinds() []Kind {
	return []Kind{KindTimeline, KindHistogram, KindBreakdown, KindCalendar, KindReport}
}

// ParseKind returns the Kind named s, or an error listing the kinds there are.
func ParseKind(s string) (Kind, error) {
	k := Kind(s)
	if slices.Contains(Kinds(), k) {
		return k, nil
	}
	return "", fmt.Errorf("chart kind %q: use timeline, histogram, breakdown, calendar or report", s)
}

// Limits that keep an export of a million events small (under 5 MB) and quick to open.
const (
	// MaxTimelineEvents is how many events the timeline draws one by one. With more, it
	// draws a density band per lane plus the MaxTimelineEvents most important events.
	MaxTimelineEvents = 1000
	// MaxTableRows is how many events the report's table lists at most: all the events
	// of the filter when there are no more, else the MaxTableRows most important, which
	// the report says. Rows are by date, then importance, then title.
	MaxTableRows = 2000
	// MaxLanes is how many lanes the timeline and histogram show; the least used of the
	// rest are merged into one "other lanes" row.
	MaxLanes = 24
	// MaxNames is how many lanes, actors or tags each breakdown bar chart lists; the rest
	// are summed into one "other" bar.
	MaxNames = 25
	// MaxCalendarYears is how many years the calendar shows: the last ones in range.
	MaxCalendarYears = 5
)

// Options says what to export and what the report says about it. The zero Options is a
// timeline with no case name and no stamp.
type Options struct {
	// Kind is the chart; empty means KindTimeline.
	Kind Kind
	// Case names and describes the case in the report and the page title.
	Case timeline.CaseInfo
	// FilterText describes in words the filter that chose the events (query, lanes,
	// range), shown in the report.
	FilterText string
	// From and To are the window the analyst was looking at (Unix seconds, inclusive),
	// shown in the report when HasRange is set. They do not filter the events.
	From, To int64
	HasRange bool
	// Lanes are the case's lanes in its order with their colours (timeline.LaneKeeper):
	// every chart draws lanes in that order and colour, the same as the window. A lane not
	// listed takes the palette colour of its row; events with no lane are grey.
	Lanes []timeline.LaneInfo
	// Width is every chart's width in pixels, 0 for DefaultWidth; it is kept within
	// MinWidth and MaxWidth. Labels are placed for this width.
	Width int
	// Format is the file to write; empty means FormatHTML, or for WriteFile and
	// WriteFromStore the format the path's extension names.
	Format Format
	// Scale is the PNG's pixels per chart pixel, 0 for DefaultScale, at most MaxScale.
	Scale float64
	// Marking is an optional protective marking, such as OFFICIAL-SENSITIVE, written at the
	// top of the report and in the header of every printed page.
	Marking string
	// Generated stamps the page. The caller takes it from SOURCE_DATE_EPOCH when that is
	// set, else from the clock; the zero time leaves the stamp out, so the output
	// depends only on the events and the options.
	Generated time.Time
}

// Render writes opt.Kind in opt.Format: by default one self-contained HTML page. The page is deterministic:
// the same events and options give the same bytes. Event text (titles, lanes, actors,
// tags, sources) only ever appears as text, never as markup or code.
//
// The ECharts library is inlined from the binary, so the page makes no network request.
// When the binary was built without it (see Warning), the page loads ECharts 5.6.0 from
// the jsDelivr CDN instead, pinned by a subresource-integrity hash, and works online only.
//
// Render reads each event once and keeps only what it draws: counts per day, lane, actor
// and tag, and the MaxTableRows most important events (the timeline draws the
// MaxTimelineEvents most important of them).
// Events may come in any order.
func Render(w io.Writer, events []timeline.Event, opt Options) error {
	return RenderSeq(w, slices.Values(events), opt)
}

// RenderSeq is Render for events streamed from a query, so that a million events need
// not be in memory at once.
func RenderSeq(w io.Writer, events iter.Seq[timeline.Event], opt Options) error {
	return renderAs(w, collect(events), opt, currentLibrary())
}

// WriteFile renders the events to the file at path. It writes a temporary file in the
// same folder and renames it over path, so path is either the whole new page or left as
// it was: a failed export leaves no partial file.
func WriteFile(path string, events []timeline.Event, opt Options) error {
	return WriteFileSeq(path, slices.Values(events), opt)
}

// WriteFileSeq is WriteFile for events streamed from a query.
func WriteFileSeq(path string, events iter.Seq[timeline.Event], opt Options) error {
	opt, err := withFormat(path, opt)
	if err != nil {
		return err
	}
	return timeline.WriteFileAtomic(path, func(w io.Writer) error { return RenderSeq(w, events, opt) })
}

// withFormat sets opt.Format from the path's extension when it is empty.
func withFormat(path string, opt Options) (Options, error) {
	if opt.Format != "" {
		return opt, nil
	}
	f, err := FormatOf(path)
	opt.Format = f
	return opt, err
}
