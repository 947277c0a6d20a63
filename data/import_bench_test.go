package data

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/data/storetest"
)

// BenchmarkCreate makes a new case of n generated events with Create, streamed in chunks
// as an import hands them: the foreground of an import into a new case (the case is
// committed when it returns; BuildIndex does the rest). It reports events/s.
func BenchmarkCreate(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			evs := benchEvents(n, 1)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				res, err := Create(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("bench%d%s", i, Extension)), CreateOptions{Size: n}, storetest.Chunked(evs, 4096))
				if err != nil || res.Added != n {
					b.Fatalf("%+v, %v", res, err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkBuildIndex builds what Create of n generated events left to build: the
// background part of an import into a new case. It reports events/s.
func BenchmarkBuildIndex(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			evs := benchEvents(n, 1)
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), fmt.Sprintf("bench%d%s", i, Extension))
				if _, err := Create(ctx, path, CreateOptions{Size: n}, storetest.Chunked(evs, 4096)); err != nil {
					b.Fatal(err)
				}
				s, err := Open(path, OpenExisting)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := s.BuildIndex(ctx, nil); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
