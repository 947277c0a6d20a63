package data

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/chronoscope/chronoscope/scripts/gencsv/gen"
	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/chart"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// The benchmarks of opening, searching and charting a case (docs/performance.md, #14):
// each reads a case of n events from scripts/gencsv (seed 1: eight lanes, about two
// thousand actors, a few hundred tags, a few words of title). A case takes minutes to
// make at a million events, so it is made once and kept in the temp folder, named by its
// size (opening it brings its schema up to date); CHRONOSCOPE_BENCH_CASES names another
// folder.

var benchSizes = []int{10_000, 100_000, 1_000_000}

// benchCase returns the path of the case of n generated events, its full-text index and
// marks snapshot built.
func benchCase(b *testing.B, n int) string {
	b.Helper()
	dir := os.Getenv("CHRONOSCOPE_BENCH_CASES")
	if dir == "" {
		dir = os.TempDir()
	}
	path := filepath.Join(dir, fmt.Sprintf("chronoscope-bench-%d%s", n, Extension))
	if _, err := os.Stat(path); err == nil {
		s, err := Open(path, OpenExisting) // its index and snapshot up to date, as after an import
		if err == nil {
			err = s.BuildIndex(ctx, nil)
			s.Close()
		}
		if err != nil {
			b.Fatal(err)
		}
		return path
	}
	tmp := path + ".making"
	os.Remove(tmp)
	s, err := Open(tmp, OpenOrCreate)
	if err != nil {
		b.Fatal(err)
	}
	r, w := io.Pipe()
	go func() { w.CloseWithError(gen.Write(w, n, 1)) }()
	_, err = s.PutStream(ctx, n, func(put func([]timeline.Event) error) error {
		chunk := make([]timeline.Event, 0, 5000)
		_, err := format.Scan(r, "events.csv", format.CSV, func(e timeline.Event) error {
			if chunk = append(chunk, e); len(chunk) == cap(chunk) {
				err := put(chunk)
				chunk = chunk[:0]
				return err
			}
			return nil
		})
		if err == nil && len(chunk) > 0 {
			err = put(chunk)
		}
		return err
	})
	if err == nil {
		err = s.BuildIndex(ctx, nil) // the full-text rows and links, then the marks snapshot
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// liveHeap is the bytes of live heap after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkOpenMarks opens a case and reads its marks and builds the timeline's index, as
// the window does before its first overview: from the snapshot (from=snapshot), and, for
// comparison in the same run, from the events alone (from=events, the read before the
// snapshot: every row in table order, then sorted). heap-MB is the live heap the marks
// and the index hold.
func BenchmarkOpenMarks(b *testing.B) {
	for _, n := range benchSizes {
		path := benchCase(b, n)
		for _, from := range []string{"snapshot", "events"} {
			b.Run(fmt.Sprintf("events=%d/from=%s", n, from), func(b *testing.B) {
				var heap uint64
				b.StopTimer()
				for range b.N {
					before := liveHeap()
					b.StartTimer()
					s, err := Open(path, OpenExisting)
					if err != nil {
						b.Fatal(err)
					}
					var m *timeline.Marks
					if from == "snapshot" {
						m, err = s.Marks(ctx, timeline.Filter{})
					} else {
						err = s.readTx(ctx, func(tx *sql.Tx) error {
							var err error
							m, err = readMarks(ctx, tx, timeline.Filter{})
							return err
						})
					}
					if err != nil || m.Len() != n {
						b.Fatalf("%d marks, %v", m.Len(), err)
					}
					ix := timeline.NewIndex(m, timeline.GroupByLane)
					b.StopTimer()
					heap = liveHeap() - before
					runtime.KeepAlive(ix)
					s.Close()
				}
				b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
			})
		}
	}
}

// BenchmarkSearch counts the events of a common term ("summit", in about 15% of the
// events) and of a rare one, and reads the marks of the common one for the timeline.
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		s, err := Open(benchCase(b, n), OpenExisting)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Marks(ctx, timeline.Filter{}); err != nil { // as the window has read them
			b.Fatal(err)
		}
		for _, term := range []string{"summit", "vladivostok"} {
			f := timeline.Filter{Query: term}
			b.Run(fmt.Sprintf("events=%d/count=%s", n, term), func(b *testing.B) {
				for b.Loop() {
					if k, err := s.Count(ctx, f); err != nil || k == 0 {
						b.Fatalf("%d, %v", k, err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("events=%d/marks=summit", n), func(b *testing.B) {
			for b.Loop() {
				m, err := s.Marks(ctx, timeline.Filter{Query: "summit"})
				if err != nil || m.Len() == 0 {
					b.Fatalf("%d, %v", m.Len(), err)
				}
				timeline.NewIndex(m, timeline.GroupByLane)
			}
		})
		s.Close()
	}
}

// BenchmarkChartFromStore draws the report (counts by lane, day, actor and tag, and the
// table of the most important events) of the whole case straight from the case file, as
// `chronoscope chart` does.
func BenchmarkChartFromStore(b *testing.B) {
	for _, n := range benchSizes {
		path := benchCase(b, n)
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "report.html")
			for b.Loop() {
				s, err := Open(path, OpenExisting)
				if err != nil {
					b.Fatal(err)
				}
				if k, err := chart.WriteFromStore(ctx, s, timeline.Filter{}, out, chart.Options{Kind: chart.KindReport}); err != nil || k != n {
					b.Fatalf("%d events charted, %v", k, err)
				}
				s.Close()
			}
		})
	}
}
