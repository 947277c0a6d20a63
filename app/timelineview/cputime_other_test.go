//go:build !linux

package timelineview

import "time"

// threadCPU is not measured here: the benchmarks report wall-clock time alone.
func threadCPU() time.Duration { return 0 }
