package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline/chart"
)

// needECharts skips an image export test where the library is not built in (CI has it).
func needECharts(t *testing.T) {
	t.Helper()
	if w := chart.Warning(); w != "" {
		if os.Getenv("CI") != "" {
			t.Fatal(w)
		}
		t.Skip(w)
	}
}

// chart writes SVG and PNG by the file's extension, the same bytes twice under
// SOURCE_DATE_EPOCH, with the case's lanes and the width and scale asked for.
func TestChartImages(t *testing.T) {
	needECharts(t)
	env := sampleHome(t)
	env["SOURCE_DATE_EPOCH"] = "1694563200"
	dir := t.TempDir()
	for _, tt := range []struct {
		kind, ext string
		args      []string
		magic     string
	}{
		{"timeline", ".svg", []string{"--width", "1600"}, `<svg xmlns="http://www.w3.org/2000/svg" width="1600"`},
		{"histogram", ".png", []string{"--scale", "1"}, "\x89PNG"},
	} {
		var got [2][]byte
		for i := range got {
			out := filepath.Join(dir, tt.kind+string(rune('a'+i))+tt.ext)
			r := chrono(t, env, append([]string{"chart", "--kind", tt.kind, "--out", out}, tt.args...)...)
			if r.code != 0 || !strings.Contains(r.stdout, "of 13 events") {
				t.Fatalf("chart %s%s = %d %q %q", tt.kind, tt.ext, r.code, r.stdout, r.stderr)
			}
			got[i], _ = os.ReadFile(out)
		}
		if !bytes.Equal(got[0], got[1]) {
			t.Errorf("%s%s: two exports differ", tt.kind, tt.ext)
		}
		if !bytes.Contains(got[0][:min(len(got[0]), 200)], []byte(tt.magic)) {
			t.Errorf("%s%s starts %.80q, want %q", tt.kind, tt.ext, got[0], tt.magic)
		}
		if tt.ext == ".svg" && !bytes.Contains(got[0], []byte("Kim and Putin meet at the Vostochny cosmodrome")) {
			t.Error("the timeline SVG lacks the headline event's label")
		}
	}
}

func TestChartUsage(t *testing.T) {
	env := sampleHome(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"chart", "--kind", "timeline", "--out", filepath.Join(dir, "x.jpg")},
		{"chart", "--kind", "timeline", "--out", filepath.Join(dir, "x.svg"), "--width", "100"},
		{"chart", "--kind", "timeline", "--out", filepath.Join(dir, "x.png"), "--scale", "50"},
	} {
		if r := chrono(t, env, args...); r.code != 2 {
			t.Errorf("%v = %d %q, want a usage error", args, r.code, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused charts left %d files", len(entries))
	}
}
