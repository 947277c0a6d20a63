package timeline

import (
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

var benchCases sync.Map // n -> *Index

// benchIndex builds (once per size) the index of a synthetic case of n marks.
func benchIndex(b *testing.B, n int) *Index {
	if ix, ok := benchCases.Load(n); ok {
		return ix.(*Index)
	}
	ix := NewIndex(Synthetic(n, 42), GroupByLane)
	benchCases.Store(n, ix)
	runtime.GC() // the generator's garbage is not the frame's cost
	return ix
}

// benchViews are the views an analyst moves between: the whole case, a year, a month in
// the busiest burst, and a day in it, 1600 pixels wide.
func benchViews(ix *Index) []View {
	first, last, _ := ix.Extent()
	whole := Fit(first, last, 1600)
	// The busiest month: the peak of the overview.
	var o Overview
	ix.Overview(1600, &o)
	peak := 0
	for i, c := range o.Counts {
		if c > o.Counts[peak] {
			peak = i
		}
	}
	centre := o.Scale.Time(float64(peak) + 0.5)
	around := func(span int64) View {
		return View{Scale: NewScale(centre-span/2, centre+span/2, 1600), Height: 900}
	}
	return []View{
		{Scale: whole, Height: 900},
		around(365 * day),
		around(30 * day),
		around(day),
	}
}

// BenchmarkFrame measures one frame's data work (window query, level of detail, packing,
// ticks, density) for a 1600-pixel view, cycling through the whole case, a year, a month
// and a day in a burst. p99-ns is the 99th percentile of single frames, wall clock, so it
// also shows what else the machine was doing.
func BenchmarkFrame(b *testing.B) {
	for _, n := range []int{1000, 100000, 1000000} {
		b.Run("events="+strconv.Itoa(n), func(b *testing.B) {
			ix := benchIndex(b, n)
			views := benchViews(ix)
			var f Frame
			for _, v := range views { // warm the buffers and the label widths
				f.Build(ix, v)
			}
			items := 0
			took := make([]time.Duration, b.N) // made before the timer: no allocation inside
			runtime.GC()                       // no collection of the warm-up's garbage inside the loop
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				f.Build(ix, views[i%len(views)])
				took[i] = time.Since(t0)
				items += len(f.Items)
			}
			b.StopTimer()
			slices.Sort(took)
			b.ReportMetric(float64(items)/float64(b.N), "items/op")
			b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "p99-ns")
		})
	}
}

// BenchmarkFrameView measures each view of BenchmarkFrame on its own at a million marks.
func BenchmarkFrameView(b *testing.B) {
	ix := benchIndex(b, 1000000)
	for k, name := range []string{"whole", "year", "month", "day"} {
		b.Run("view="+name+"/events=1000000", func(b *testing.B) {
			v := benchViews(ix)[k]
			var f Frame
			f.Build(ix, v)
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				f.Build(ix, v)
			}
			b.ReportMetric(float64(f.Visible), "visible")
			b.ReportMetric(float64(len(f.Items)), "items")
		})
	}
}

// BenchmarkIndexBuild measures NewIndex over a million synthetic marks (in order of
// start, as Store.Marks returns them), grouped by lane (the window's first overview) and
// by actor (a mark in several lanes).
func BenchmarkIndexBuild(b *testing.B) {
	marks := Synthetic(1000000, 42)
	for _, g := range []struct {
		name string
		by   GroupBy
	}{{"lane", GroupByLane}, {"actor", GroupByActor}} {
		b.Run("by="+g.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				NewIndex(marks, g.by)
			}
		})
	}
}
