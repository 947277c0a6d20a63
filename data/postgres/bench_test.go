package postgres_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// millionEvents is the size of the case BenchmarkMillion imports.
const millionEvents = 1_000_000

// BenchmarkMillion imports 1,000,000 events into a shared case through COPY (PutStream,
// one transaction), as its writer, then times the queries the window makes: a week's
// window (about 170 events, under row-level security), a month's marks, a full-text
// search and a count. The import's own time is reported as import-s. Run it alone
// (make bench-pg): the import takes minutes on a small machine.
func BenchmarkMillion(b *testing.B) {
	tm := newTeam(b)
	s := tm.open(b, tm.writer, "million", true)
	start := time.Now()
	res, err := s.PutStream(ctx, millionEvents, func(put func([]timeline.Event) error) error {
		const chunk = 10000
		for lo := 0; lo < millionEvents; lo += chunk {
			evs := synthetic(chunk)
			for i := range evs {
				evs[i].ID = fmt.Sprintf("ev%07d", lo+i)
				shift := int64(lo) * 3600
				evs[i].Start.Earliest += shift
				evs[i].Start.Latest += shift
				evs[i].Start.Text = time.Unix(evs[i].Start.Earliest, 0).UTC().Format("2006-01-02T15:04:05Z")
				if evs[i].IsSpan() {
					evs[i].End = timeline.MustParseDate(time.Unix(evs[i].Start.Earliest+7*24*3600, 0).UTC().Format("2006-01-02T15:04:05Z"))
				}
			}
			if err := put(evs); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || res.Added != millionEvents {
		b.Fatalf("import = %+v, %v", res, err)
	}
	took := time.Since(start)
	b.Logf("imported %d events through COPY in %v (%.0f events/s)", millionEvents, took.Round(time.Second), float64(millionEvents)/took.Seconds())
	if _, err := tm.raw(b, "postgres").Exec(ctx, "VACUUM ANALYZE chronoscope.events"); err != nil {
		b.Fatal(err)
	}
	d := timeline.MustParseDate
	week := timeline.Filter{From: d("2060-03-01").Earliest, To: d("2060-03-07").Latest, HasFrom: true, HasTo: true}
	month := timeline.Filter{From: d("2060-03").Earliest, To: d("2060-03").Latest, HasFrom: true, HasTo: true}
	for _, q := range []struct {
		name string
		run  func() (int, error)
	}{
		{"window-week-events", func() (int, error) { evs, err := s.Events(ctx, week); return len(evs), err }},
		{"window-month-marks", func() (int, error) { m, err := s.Marks(ctx, month); return m.Len(), err }},
		{"text-word-count", func() (int, error) { return s.Count(ctx, timeline.Filter{Query: "report 4242"}) }},
		{"text-cjk-window", func() (int, error) {
			f := month
			f.Query = "会面"
			return s.Count(ctx, f)
		}},
		{"count-all", func() (int, error) { return s.Count(ctx, timeline.Filter{}) }},
	} {
		b.Run(q.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				var err error
				if n, err = q.run(); err != nil || n == 0 {
					b.Fatalf("%s = %d, %v", q.name, n, err)
				}
			}
			b.ReportMetric(float64(n), "events")
		})
	}
}
