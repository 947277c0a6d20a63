package timelineview

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/timeline"
)

// The window size the frame benchmarks draw at, in units (the software canvas is at
// scale 1, so also in pixels).
const benchWidth, benchHeight = 1600, 1000

var benchCases sync.Map // n -> *timeline.Index

// benchIndex builds (once per size) the index of a synthetic case of n events, grouped
// by lane as the window does.
func benchIndex(n int) *timeline.Index {
	if ix, ok := benchCases.Load(n); ok {
		return ix.(*timeline.Index)
	}
	ix := timeline.NewIndex(timeline.Synthetic(n, 42), timeline.GroupByLane)
	benchCases.Store(n, ix)
	runtime.GC() // the generator's garbage is not the frame's cost
	return ix
}

// benchView is a time window an analyst looks at: the whole case, or a year, a month or
// a day centred on the busiest column of the overview.
type benchView struct {
	name string
	span int64 // seconds; 0 for the whole case
}

var benchViews = []benchView{{"whole", 0}, {"year", 365 * 86400}, {"month", 30 * 86400}, {"day", 86400}}

// scale is the window of v over ix at the benchmark's width.
func (v benchView) scale(ix *timeline.Index) timeline.Scale {
	first, last, _ := ix.Extent()
	if v.span == 0 {
		return fitWithLabels(first, last, benchWidth)
	}
	var o timeline.Overview
	ix.Overview(benchWidth, &o)
	peak := 0
	for i, c := range o.Counts {
		if c > o.Counts[peak] {
			peak = i
		}
	}
	centre := int64(o.Scale.Time(float64(peak) + 0.5))
	return timeline.NewScale(centre-v.span/2, centre+v.span/2, benchWidth)
}

// benchWidget lays out a timeline of ix at the benchmark's size on the software canvas,
// showing window s.
func benchWidget(b *testing.B, ix *timeline.Index, s timeline.Scale) *View {
	b.Helper()
	a := test.NewTempApp(b)
	a.Settings().SetTheme(FixedTheme(theme.VariantLight))
	tv, c := offscreen(benchWidth, benchHeight)
	tv.SetIndex(ix)
	tv.SetScale(s)
	c.Capture() // the first picture: pools, buffers and caches are warm from here on
	return tv
}

// stepTimes is how long each part of one frame took: CPU time of the goroutine's
// thread (wall-clock time for the whole as well).
type stepTimes struct{ wall, frame, paint, labels time.Duration }

func (s stepTimes) total() time.Duration { return s.frame + s.paint + s.labels }

// runSteps runs b.N frames, each after move changed the view, and reports the median and
// the 95th percentile of a frame's own work in CPU time (cpu-ms; ms for wall-clock),
// and the median of each part: frame data (timeline.Frame.Build), paint (the raster's
// picture, with the lane headers and the overview's calendar it draws under) and label
// layout (the renderer's Refresh: pooled texts placed, on the UI goroutine).
func runSteps(b *testing.B, tv *View, move func(i int)) {
	b.Helper()
	runtime.LockOSThread() // the thread's CPU clock is this goroutine's
	defer runtime.UnlockOSThread()
	took := make([]stepTimes, 0, b.N)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		move(i)
		took = append(took, drawStep(b, tv))
	}
	b.StopTimer()
	quantile := func(f func(stepTimes) time.Duration, q int) float64 {
		d := make([]time.Duration, len(took))
		for i, s := range took {
			d[i] = f(s)
		}
		slices.Sort(d)
		return float64(d[(len(d)-1)*q/100]) / 1e6
	}
	b.ReportMetric(quantile(func(s stepTimes) time.Duration { return s.wall }, 50), "ms-median")
	b.ReportMetric(quantile(stepTimes.total, 50), "cpu-ms-median")
	b.ReportMetric(quantile(stepTimes.total, 95), "cpu-ms-p95")
	b.ReportMetric(quantile(func(s stepTimes) time.Duration { return s.frame }, 50), "frame-cpu-ms")
	b.ReportMetric(quantile(func(s stepTimes) time.Duration { return s.paint }, 50), "paint-cpu-ms")
	b.ReportMetric(quantile(func(s stepTimes) time.Duration { return s.labels }, 50), "labels-cpu-ms")
}

// drawStep does what the window does for one frame of the view's current state, part by
// part: build the frame and paint its picture (both on the frame builder's goroutine in
// the window), then lay the labels out over it on the UI goroutine.
func drawStep(b *testing.B, tv *View) stepTimes {
	w0, c0 := time.Now(), threadCPU()
	job := tv.r.startJob(tv.back)
	tv.back.Build(tv.ix, tv.view())
	c1 := threadCPU()
	job.run(nil)
	c2 := threadCPU()
	tv.front, tv.back = tv.back, tv.front
	tv.reclamp()
	tv.r.offer(job)
	tv.Refresh()
	tv.r.raster.Generator(benchWidth, benchHeight)
	c3 := threadCPU()
	if tv.r.stale || tv.r.cur != job.slot {
		b.Fatal("the picture painted next to the frame was not the one shown")
	}
	return stepTimes{wall: time.Since(w0), frame: c1 - c0, paint: c2 - c1, labels: c3 - c2}
}

// benchSizes are the case sizes the frame benchmarks run at (CHRONOSCOPE_BENCH_EVENTS
// names others).
var benchSizes = sizesFromEnv([]int{10000, 100000, 1000000})

// BenchmarkZoomStep measures one wheel notch of zoom (four in, then four out, around
// each view) on the real widget and renderer at 1600x1000: frame data, label layout and
// paint, the work of the app itself for one frame (the window then uploads the picture
// and draws the texts).
func BenchmarkZoomStep(b *testing.B) {
	benchMoves(b, func(tv *View, i int) {
		factor := 1.25
		if i%8 >= 4 {
			factor = 1 / factor
		}
		tv.scale = tv.scale.Zoom(factor, benchWidth/2)
	})
}

// BenchmarkPan measures one step of a drag (16 steps of 40 units later, then 16 back)
// on the real widget and renderer at 1600x1000, as BenchmarkZoomStep.
func BenchmarkPan(b *testing.B) {
	benchMoves(b, func(tv *View, i int) {
		dx := 40.0
		if i%32 >= 16 {
			dx = -dx
		}
		tv.scale = tv.scale.Pan(dx)
	})
}

// benchMoves runs frames at every case size and from every view, the view moved by
// move before each frame.
func benchMoves(b *testing.B, move func(tv *View, i int)) {
	for _, n := range benchSizes {
		for _, v := range benchViews {
			b.Run(fmt.Sprintf("view=%s/events=%d", v.name, n), func(b *testing.B) {
				ix := benchIndex(n)
				tv := benchWidget(b, ix, v.scale(ix))
				runSteps(b, tv, func(i int) { move(tv, i) })
			})
		}
	}
}
