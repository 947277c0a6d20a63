package chart

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// synthetic returns n events over ten years from 2014, in 30 lanes (more than MaxLanes),
// with 400 actors, 60 tags, spans, fuzzy dates and graded sources; textLen pads titles and
// descriptions to test the caps. It builds dates directly, as parsing a million would
// dominate the benchmark's setup.
func synthetic(n, textLen int) []timeline.Event {
	base := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	pad := strings.Repeat("x", textLen)
	events := make([]timeline.Event, n)
	for i := range events {
		day := base + int64((i*7919)%3652)*secondsPerDay
		t := time.Unix(day, 0).UTC()
		start := timeline.Date{Text: t.Format("2006-01-02"), Earliest: day, Latest: day + secondsPerDay - 1, Precision: timeline.PrecisionDay}
		if i%7 == 0 {
			start.Text += "~"
			start.Approximate = true
			start.Earliest -= 3 * secondsPerDay
			start.Latest += 3 * secondsPerDay
		}
		e := timeline.Event{
			ID:          fmt.Sprintf("ev%07d", i),
			Title:       fmt.Sprintf("Event %d %s", i, pad),
			Description: pad,
			Start:       start,
			Lane:        fmt.Sprintf("Lane %02d", i%30),
			Actors:      []string{fmt.Sprintf("Actor %03d", i%400), fmt.Sprintf("Actor %03d", (i*13)%400)},
			Tags:        []string{fmt.Sprintf("tag%02d", i%60)},
			Importance:  1 + i%5,
			Sources: []timeline.Source{{Title: "Wire report " + pad, URL: "https://example.org/r/" + fmt.Sprint(i),
				Publisher: "Agency", Reliability: "B", Credibility: 2}},
		}
		if i%5 == 0 {
			end := day + int64(1+i%20)*secondsPerDay
			e.End = timeline.Date{Text: time.Unix(end, 0).UTC().Format("2006-01-02"), Earliest: end, Latest: end + secondsPerDay - 1, Precision: timeline.PrecisionDay}
		}
		events[i] = e
	}
	return events
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkRender renders a million events for each kind as HTML and SVG (and the report
// as PNG and PDF too); bytes/page is the file size. Reading a case is not included: see
// docs/performance.md for the command line from a case file.
func BenchmarkRender(b *testing.B) {
	events := synthetic(1_000_000, 0)
	formats := []Format{FormatHTML}
	if Warning() == "" {
		formats = append(formats, FormatSVG, FormatPNG, FormatPDF)
		if _, err := sharedEngine(); err != nil { // loaded once per process, not per chart
			b.Fatal(err)
		}
	}
	for _, k := range Kinds() {
		for _, f := range formats {
			if (f == FormatPNG || f == FormatPDF) && k != KindReport {
				continue
			}
			b.Run(string(k)+"-"+string(f), func(b *testing.B) {
				var size int64
				for b.Loop() {
					var w countingWriter
					if err := Render(&w, events, Options{Kind: k, Format: f}); err != nil {
						b.Fatal(err)
					}
					size = w.n
				}
				b.ReportMetric(float64(size), "bytes/page")
			})
		}
	}
}

const maxPage = 5 << 20

// Big events and long text do not swell the page or the SVG past maxPage: every list and
// field is capped. 10,000 events reach every cap (MaxTimelineEvents, MaxTableRows, lanes,
// names), so a million weigh no more.
func TestPageSizeBounded(t *testing.T) {
	events := synthetic(10_000, 5000)
	formats := []Format{FormatHTML}
	if Warning() == "" {
		formats = append(formats, FormatSVG)
	}
	for _, f := range formats {
		for _, k := range Kinds() {
			var w countingWriter
			if err := Render(&w, events, Options{Kind: k, Format: f, Case: timeline.CaseInfo{Name: strings.Repeat("n", 10000), Description: strings.Repeat("d", 100000)}}); err != nil {
				t.Fatal(err)
			}
			if w.n > maxPage {
				t.Errorf("%s %s: %d bytes for 10,000 large events, want at most %d", k, f, w.n, maxPage)
			}
			t.Logf("%s %s: %d bytes", k, f, w.n)
		}
	}
}

var _ io.Writer = (*countingWriter)(nil)
