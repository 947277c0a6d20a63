package cli

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/chart"
)

func chartCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("chart")
	var ff filterFlags
	addFilterFlags(fs, &ff)
	kind := fs.String("kind", "", "timeline, histogram, breakdown, calendar or report")
	out := fs.String("out", "", "file to write: .html, .svg, .png or .pdf")
	scale := fs.Float64("scale", 0, fmt.Sprintf("PNG pixels per chart pixel, up to %g (default %g)", chart.MaxScale, chart.DefaultScale))
	width := fs.Int("width", 0, fmt.Sprintf("chart width in pixels, %d to %d (default %d)", chart.MinWidth, chart.MaxWidth, chart.DefaultWidth))
	marking := fs.String("marking", "", "protective marking printed at the top of the report and on every printed page")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the export to this file (go tool pprof reads it)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *profile != "" {
		stop, err := startProfile(*profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if err := checkChartFlags(*kind, *out, *width, *scale); err != nil {
		return err
	}
	stamp, err := exportTime(env)
	if err != nil {
		return err
	}
	f, s, err := selection(env, &ff)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := refuseOutput(*out, s); err != nil {
		return err
	}
	format, err := chart.FormatOf(*out)
	if err != nil {
		return usagef("--out: %v", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return err
	}
	opt := chart.Options{Kind: chart.Kind(*kind), Case: info, FilterText: f.Describe(),
		From: f.From, To: f.To, HasRange: f.HasFrom && f.HasTo, Generated: stamp,
		Width: *width, Marking: strings.TrimSpace(*marking), Format: format, Scale: *scale}
	n, err := chart.WriteFromStore(ctx, s, f, *out, opt)
	if err != nil {
		return err
	}
	if w := chart.Warning(); w != "" && format == chart.FormatHTML {
		fmt.Fprintln(env.Stderr, "chronoscope chart: "+w)
	}
	fmt.Fprintf(env.Stdout, "wrote %s %s of %d events to %s\n", *kind, format, n, *out)
	return nil
}

// startProfile starts a CPU profile written to path; stop ends it and closes the file.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// checkChartFlags refuses, as usage errors, a kind that is not one, a missing --out and a
// width or scale out of range.
func checkChartFlags(kind, out string, width int, scale float64) error {
	var kinds []string
	for _, k := range chart.Kinds() {
		kinds = append(kinds, string(k))
	}
	if err := oneOf("kind", kind, true, kinds...); err != nil {
		return err
	}
	if out == "" {
		return usagef("--out is required")
	}
	if width != 0 && (width < chart.MinWidth || width > chart.MaxWidth) {
		return usagef("--width %d: use %d to %d pixels", width, chart.MinWidth, chart.MaxWidth)
	}
	if scale < 0 || scale > chart.MaxScale {
		return usagef("--scale %g: use a number above 0, at most %g", scale, chart.MaxScale)
	}
	return nil
}

// exportTime is the time an export stamps on what it writes: the one rule of
// timeline.ExportTime, on the command's environment.
func exportTime(env Env) (time.Time, error) { return timeline.ExportTime(env.Getenv, time.Now) }
