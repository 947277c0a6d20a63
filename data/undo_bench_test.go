package data

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// BenchmarkUndoImport imports n generated events as the window does (one batch through
// a History, into a case that is empty or already holds others), builds the index the
// import left, and times the History's Undo of it. It reports the import's foreground
// (import-s: until PutBatch returns, the case committed), the undo (undo-s) and the heap
// the History's entry keeps (entry-MB: the live heap after the import less that before
// it; the events handed in are live both times).
func BenchmarkUndoImport(b *testing.B) {
	for _, c := range []struct{ n, others int }{{100_000, 0}, {1_000_000, 0}, {1_000_000, 100_000}} {
		b.Run(fmt.Sprintf("events=%d/others=%d", c.n, c.others), func(b *testing.B) {
			all := benchEvents(c.others+c.n, 1)
			others, evs := all[:c.others], all[c.others:]
			var fore, undo, entry float64
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d%s", i, Extension)), OpenOrCreate)
				if err != nil {
					b.Fatal(err)
				}
				if len(others) > 0 {
					if _, err := s.PutStream(ctx, len(others), storetest.Chunked(others, 4096)); err != nil {
						b.Fatal(err)
					}
				}
				h := timeline.NewHistory(s)
				before := liveHeap()
				t0 := time.Now()
				if err := h.Do(func() (timeline.Change, error) {
					id, _, err := s.PutBatch(ctx, "import", len(evs), storetest.Chunked(evs, 4096))
					return timeline.Change{Label: "import", Batch: id}, err
				}); err != nil {
					b.Fatal(err)
				}
				fore += time.Since(t0).Seconds()
				entry += (float64(liveHeap()) - float64(before)) / (1 << 20)
				if err := s.BuildIndex(ctx, nil); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				t0 = time.Now()
				if _, ok, err := h.Undo(ctx); err != nil || !ok {
					b.Fatal(ok, err)
				}
				undo += time.Since(t0).Seconds()
				b.StopTimer()
				if n, err := s.Count(ctx, timeline.Filter{}); err != nil || n != len(others) {
					b.Fatalf("%d events left after the undo, want %d (%v)", n, len(others), err)
				}
				runtime.KeepAlive(h)
				s.Close()
				b.StartTimer()
			}
			runs := float64(b.N)
			b.ReportMetric(fore/runs, "import-s")
			b.ReportMetric(undo/runs, "undo-s")
			b.ReportMetric(entry/runs, "entry-MB")
		})
	}
}
