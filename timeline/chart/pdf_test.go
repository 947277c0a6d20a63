package chart

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// poppler finds pdftotext and pdftoppm, or skips the test (fails it under CI=true, where
// the image installs poppler-utils).
func poppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed; CI needs it for the PDF checks (apt-get install poppler-utils)", tool)
			}
			t.Skipf("%s is not installed: skipping the PDF checks", tool)
		}
	}
}

func pdfOf(t *testing.T, events []timeline.Event, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	opt.Format = FormatPDF
	if err := RenderSeq(&b, slices.Values(events), opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pages is the text of each page, from pdftotext.
func pages(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

// The sample report as a PDF: every event's label and the grading scale as text, the
// case's name and the marking on every page, page 1 drawn by poppler.
func TestPDFReport(t *testing.T) {
	needLibrary(t)
	poppler(t)
	opt := caseOptions(KindReport)
	opt.Marking = "OFFICIAL-SENSITIVE"
	path := pdfOf(t, timeline.Sample(), opt)
	text := pages(t, path)
	if len(text) < 2 {
		t.Fatalf("the report has %d pages", len(text))
	}
	all := strings.Join(text, "\n")
	for _, e := range timeline.Sample() {
		if !strings.Contains(all, e.Title) {
			t.Errorf("the PDF does not say %q", e.Title)
		}
	}
	for _, want := range []string{"Source grades", "Usually reliable", "Events by actor", "All 13 events of the filter"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}
	for i, p := range text {
		if !strings.Contains(p, "Kim-Putin summit, September 2023") || !strings.Contains(p, "OFFICIAL-SENSITIVE") {
			t.Errorf("page %d lacks the header with the case and the marking", i+1)
		}
	}
	// The charts are vectors: the PDF holds no image at all.
	if out, err := exec.Command("pdfimages", "-list", path).Output(); err != nil {
		t.Errorf("pdfimages: %v", err)
	} else if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) > 2 {
		t.Errorf("the PDF holds %d images, want none (charts as vectors)", len(lines)-2)
	}
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	shots, _ := filepath.Glob(prefix + "*.png")
	if len(shots) != 1 {
		t.Fatalf("pdftoppm wrote %v", shots)
	}
	f, err := os.Open(shots[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	dark := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				dark++
			}
		}
	}
	if dark < b.Dx()*b.Dy()/200 {
		t.Errorf("page 1 is nearly blank: %d dark pixels", dark)
	}
}

// A long table runs over many pages, each with its heading row; rows are never split.
func TestPDFTablePaginated(t *testing.T) {
	needLibrary(t)
	poppler(t)
	text := pages(t, pdfOf(t, synthetic(600, 40), Options{Kind: KindReport}))
	tablePages := 0
	for _, p := range text {
		if strings.Contains(p, "Sources (grade)") {
			tablePages++
		}
	}
	if tablePages < 5 {
		t.Errorf("600 events fill %d table pages, want several, each with the heading", tablePages)
	}
	if !strings.Contains(text[len(text)-1], "Source grades") {
		t.Error("the grading scale does not close the report")
	}
}

func TestPDFDeterministic(t *testing.T) {
	needLibrary(t)
	opt := caseOptions(KindReport)
	opt.Format = FormatPDF
	var a, b bytes.Buffer
	events := timeline.Sample()
	if err := RenderSeq(&a, slices.Values(events), opt); err != nil {
		t.Fatal(err)
	}
	slices.Reverse(events)
	if err := RenderSeq(&b, slices.Values(events), opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two PDFs of the same events differ")
	}
}
