package format

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

const benchRows = 1_000_000

var benchCSV = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	b.WriteString("id,title,start,end,lane,actors,tags,location,lat,lon,description,importance,source,source_url,reliability,credibility\n")
	for i := 0; i < benchRows; i++ {
		y, m, d := 1900+i%120, 1+i%12, 1+i%28
		end := ""
		if i%5 == 0 {
			end = fmt.Sprintf("%04d-%02d-%02d", y+1, m, d)
		}
		fmt.Fprintf(&b, "ev-%d,Event number %d,%04d-%02d-%02d,%s,Lane %d,Actor %d; Actor %d,tag%d,Place %d,%.4f,%.4f,\"A description, with a comma\",%d,Source %d,https://example.org/%d,B,%d\n",
			i, i, y, m, d, end, i%7, i%100, i%37, i%20, i%500, float64(i%180)-89.5, float64(i%360)-179.5, 1+i%5, i%50, i, 1+i%6)
	}
	return b.Bytes()
})

// BenchmarkReadCSV reads a generated native CSV of a million rows with Read and reports
// rows/s.
func BenchmarkReadCSV(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		doc, err := Read(bytes.NewReader(data), "bench.csv", CSV)
		if err != nil || len(doc.Events) != benchRows {
			b.Fatalf("%d events, %v", len(doc.Events), err)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkScanCSV is BenchmarkReadCSV without keeping the events, as an importer that
// writes them out in batches would.
func BenchmarkScanCSV(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		_, err := Scan(bytes.NewReader(data), "bench.csv", CSV, func(timeline.Event) error { n++; return nil })
		if err != nil || n != benchRows {
			b.Fatalf("%d events, %v", n, err)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
