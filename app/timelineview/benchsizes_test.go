package timelineview

import (
	"os"
	"strconv"
	"strings"
)

// sizesFromEnv is the case sizes named in CHRONOSCOPE_BENCH_EVENTS (counts separated by
// commas: scripts/peer-bench.sh runs the frame benchmarks at the peer's sizes), or def.
func sizesFromEnv(def []int) []int {
	var out []int
	for _, f := range strings.Split(os.Getenv("CHRONOSCOPE_BENCH_EVENTS"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return def
	}
	return out
}
