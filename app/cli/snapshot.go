package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
)

func snapshot(ctx context.Context, args []string, env Env) error {
	fs := flags("snapshot")
	var ff filterFlags
	addFilterFlags(fs, &ff)
	out := fs.String("out", "", "PNG file to write")
	width := fs.Int("width", 1600, "image width in pixels")
	height := fs.Int("height", 900, "image height in pixels")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out is required")
	}
	if !strings.HasSuffix(strings.ToLower(*out), ".png") {
		return usagef("--out must name a .png file")
	}
	if *width < 200 || *width > 20000 || *height < 120 || *height > 20000 {
		return usagef("--width and --height must be between 200x120 and 20000x20000 pixels")
	}
	if env.Snapshot == nil {
		return fmt.Errorf("this build cannot draw snapshots")
	}
	f, s, err := selection(env, &ff)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := refuseOutput(*out, s); err != nil {
		return err
	}
	err = timeline.WriteFileAtomic(*out, func(w io.Writer) error { return env.Snapshot(ctx, s, f, *width, *height, w) })
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%dx%d)\n", *out, *width, *height)
	return nil
}
