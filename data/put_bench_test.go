package data

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// benchEvents makes n events like those of an imported news chronology: a few actors
// out of about two thousand, a few tags out of a few hundred, one graded source, a
// sentence or two of description, about one span in five and some fuzzy dates.
func benchEvents(n int, seed uint64) []timeline.Event {
	r := rand.New(rand.NewPCG(seed, 1))
	lanes := []string{"Diplomacy", "Military", "Economy", "Domestic politics", "Security", "Energy", "Humanitarian", "Media"}
	words := []string{"summit", "sanctions", "missile", "talks", "treaty", "protest", "election", "trade", "pipeline",
		"nuclear", "refugees", "ceasefire", "visit", "arms", "cyber", "space", "grain", "oil", "shipping", "border"}
	sentences := []string{
		"Officials described the meeting as constructive but gave no details.",
		"State media published photographs of the event the following morning.",
		"Analysts linked the move to the earlier round of negotiations.",
		"Satellite imagery taken the same week shows increased activity at the site.",
		"The ministry did not respond to requests for comment.",
	}
	pick := func(k int) int { return int(float64(k) * r.Float64() * r.Float64()) } // skewed to the first
	evs := make([]timeline.Event, n)
	for i := range evs {
		y, m, d := 1990+r.IntN(35), 1+r.IntN(12), 1+r.IntN(28)
		start := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		switch r.IntN(10) {
		case 0:
			start = fmt.Sprintf("%04d-%02d", y, m)
		case 1:
			start += "~"
		}
		e := timeline.Event{
			ID:          fmt.Sprintf("ev-%07d", i),
			Title:       fmt.Sprintf("Actor %d meets %s delegation %d", pick(2000), words[r.IntN(len(words))], i),
			Description: sentences[r.IntN(len(sentences))] + " " + sentences[r.IntN(len(sentences))],
			Start:       timeline.MustParseDate(start),
			Lane:        lanes[r.IntN(len(lanes))],
			Location:    timeline.Location{Name: fmt.Sprintf("Place %d", r.IntN(50))},
			Importance:  1 + r.IntN(5),
			Sources: []timeline.Source{{Title: fmt.Sprintf("Wire report %d", i), URL: fmt.Sprintf("https://news.example.org/%d", i),
				Reliability: string(rune('A' + r.IntN(6))), Credibility: 1 + r.IntN(6)}},
		}
		if r.IntN(5) == 0 {
			e.End = timeline.MustParseDate(fmt.Sprintf("%04d-%02d-%02d", y+1, m, d))
		}
		for k := 1 + r.IntN(3); k > 0; k-- {
			e.Actors = append(e.Actors, fmt.Sprintf("Actor %d", pick(2000)))
		}
		for k := 1 + r.IntN(4); k > 0; k-- {
			e.Tags = append(e.Tags, words[r.IntN(len(words))]+" "+lanes[r.IntN(len(lanes))])
		}
		e.Normalize()
		evs[i] = e
	}
	return evs
}

// BenchmarkPut writes n generated events into a new temp-file case in one Put (the bulk
// path from bulkMin events), and reports events/s.
func BenchmarkPut(b *testing.B) {
	for _, n := range []int{1000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			evs := benchEvents(n, 1)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d%s", i, Extension)), OpenOrCreate)
				if err != nil {
					b.Fatal(err)
				}
				res, err := s.Put(ctx, evs, nil)
				if err != nil || res.Added != n {
					b.Fatalf("%+v, %v", res, err)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkPutAgain puts the same events into a case that already holds them, as a
// re-import of an unchanged file does: every event is looked up and found unchanged.
func BenchmarkPutAgain(b *testing.B) {
	const n = 100_000
	b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
		evs := benchEvents(n, 1)
		s, err := Open(filepath.Join(b.TempDir(), "bench"+Extension), OpenOrCreate)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Put(ctx, evs, nil); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for b.Loop() {
			res, err := s.Put(ctx, evs, nil)
			if err != nil || res.Unchanged != n {
				b.Fatalf("%+v, %v", res, err)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
}
