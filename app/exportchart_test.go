package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/chart"
)

// needECharts skips a test of image exports where ECharts is not built in; under CI,
// where make test-deps fetches it, it fails instead.
func needECharts(t *testing.T) {
	t.Helper()
	if w := chart.Warning(); w != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("ECharts is not embedded: %s", w)
		}
		t.Skip(w)
	}
}

// The dialog's choices reach the file: a 1x PNG of the timeline 1,600 pixels wide.
func TestExportChartPNGAsChosen(t *testing.T) {
	needECharts(t)
	u := newTestUI(t, sampleCase(t))
	f := u.newChartForm()
	f.kind.SetSelected(string(chart.KindTimeline))
	f.format.SetSelectedIndex(2)
	f.scale.SetSelectedIndex(0)
	test.Type(f.width, "1600")
	c := f.choice()
	if c.format != chart.FormatPNG || c.width != 1600 || c.scale != 1 || c.kind != chart.KindTimeline {
		t.Fatalf("choice = %+v", c)
	}
	path := chartPath(filepath.Join(t.TempDir(), "summit"), c.format)
	u.writeChart(path, c)
	r, err := os.Open(path)
	if err != nil {
		t.Fatalf("no PNG written at %s: %v (status %q)", path, err, u.status.Text)
	}
	defer r.Close()
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w != 1600 {
		t.Errorf("the PNG is %d pixels wide, want 1600", w)
	}
	if want := "Exported the timeline chart as PNG (13 events) to " + path; u.status.Text != want {
		t.Errorf("status = %q, want %q", u.status.Text, want)
	}
}

// The report carries the marking typed in the dialog and the lane colour the case keeps.
func TestExportChartReportMarkingAndLaneColours(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	k := u.store.(timeline.LaneKeeper)
	if err := k.SetLane(context.Background(), timeline.LaneInfo{Name: "Space", Colour: "#123456", Position: 3}); err != nil {
		t.Fatal(err)
	}
	f := u.newChartForm()
	test.Type(f.marking, "  OFFICIAL-SENSITIVE ")
	path := filepath.Join(t.TempDir(), "report.html")
	u.writeChart(path, f.choice())
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no report written: %v (status %q)", err, u.status.Text)
	}
	for _, want := range []string{"OFFICIAL-SENSITIVE", "#123456", "Kim and Putin meet at the Vostochny cosmodrome"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the report does not hold %q", want)
		}
	}
}

// The open case is never a chart's file, whatever its name ends in.
func TestExportChartRefusesTheCase(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	before, err := os.ReadFile(u.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	u.writeChart(u.store.Path(), chartChoice{kind: chart.KindReport, format: chart.FormatHTML})
	if !strings.Contains(u.status.Text, "refusing to write") {
		t.Errorf("status = %q, want a refusal", u.status.Text)
	}
	after, _ := os.ReadFile(u.store.Path())
	if string(before) != string(after) {
		t.Error("the case file changed")
	}
}

func TestChartPathAndWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		f    chart.Format
		want string
	}{
		{"/x/report", chart.FormatPDF, "/x/report.pdf"},
		{"/x/report.pdf", chart.FormatHTML, "/x/report.pdf"},
		{"/x/report.v2", chart.FormatSVG, "/x/report.v2.svg"},
		{"/x/Report.PNG", chart.FormatSVG, "/x/Report.PNG"},
	} {
		if got := chartPath(c.in, c.f); got != c.want {
			t.Errorf("chartPath(%q, %s) = %q, want %q", c.in, c.f, got, c.want)
		}
	}
	for in, want := range map[string]int{"": 0, " 2400 ": 2400, "20000px": 20000} {
		if got, err := chartWidth(in); err != nil || got != want {
			t.Errorf("chartWidth(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"wide", "100", "20001", "1.5"} {
		if _, err := chartWidth(in); err == nil {
			t.Errorf("chartWidth(%q) accepted", in)
		}
	}
}
