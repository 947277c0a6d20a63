package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/scripts/gencsv/gen"
)

// BenchmarkImportCSV runs `chronoscope --db NEW import FILE` on a generated native CSV
// (scripts/gencsv/gen) into a new case, and reports rows/s. When the sqlite3 shell is on
// the PATH it also times its `.import` of the same file into a plain table of a new
// database, once per benchmark, and reports the ratio of the two as x-sqlite3 (the target
// is at most 2; docs/performance.md). The file is generated inside the benchmark only.
func BenchmarkImportCSV(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			csvPath := filepath.Join(dir, "events.csv")
			f, err := os.Create(csvPath)
			if err != nil {
				b.Fatal(err)
			}
			if err := gen.Write(f, n, 1); err != nil {
				b.Fatal(err)
			}
			if err := f.Close(); err != nil {
				b.Fatal(err)
			}
			var plain time.Duration
			if sqlite3, err := exec.LookPath("sqlite3"); err == nil {
				t0 := time.Now()
				out, err := exec.Command(sqlite3, filepath.Join(dir, "plain.db"), "-cmd", ".mode csv", ".import "+csvPath+" plain").CombinedOutput()
				if err != nil {
					b.Fatalf("sqlite3 .import: %v: %s", err, out)
				}
				plain = time.Since(t0)
			}
			want := fmt.Sprintf("%d added, 0 updated, 0 unchanged\n", n)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				var stdout, stderr bytes.Buffer
				env := Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
					Getenv: func(string) string { return "" }, DB: filepath.Join(dir, fmt.Sprintf("case%d.chronoscope", i))}
				if code := Run(context.Background(), []string{"import", csvPath}, env); code != 0 || stdout.String() != want {
					b.Fatalf("import = %d %q %q", code, stdout.String(), stderr.String())
				}
				b.StopTimer()
				for _, suffix := range []string{"", "-wal", "-shm"} {
					os.Remove(env.DB + suffix)
				}
				b.StartTimer()
			}
			per := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(n)/per.Seconds(), "rows/s")
			if plain > 0 {
				b.ReportMetric(per.Seconds()/plain.Seconds(), "x-sqlite3")
			}
		})
	}
}
