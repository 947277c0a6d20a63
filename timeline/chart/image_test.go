package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// needLibrary skips an image test where ECharts is not built in (it fails under CI, where
// `make test-deps` fetches it).
func needLibrary(t *testing.T) {
	t.Helper()
	if w := Warning(); w != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("ECharts is not embedded: %s", w)
		}
		t.Skip(w)
	}
}

func svgOf(t *testing.T, events []timeline.Event, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	opt.Format = FormatSVG
	if err := RenderSeq(&b, slices.Values(events), opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// svgTexts returns the words of every text element, and fails on SVG that is not
// well-formed XML.
func svgTexts(t *testing.T, svg []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	var texts []string
	in := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return texts
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if v.Name.Local == "text" {
				in = true
				texts = append(texts, "")
			}
		case xml.EndElement:
			if v.Name.Local == "text" {
				in = false
			}
		case xml.CharData:
			if in {
				texts[len(texts)-1] += string(v)
			}
		}
	}
}

func TestGoldenSVG(t *testing.T) {
	needLibrary(t)
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			golden(t, string(k)+".golden.svg", svgOf(t, timeline.Sample(), caseOptions(k)))
		})
	}
}

// Every title of the sample is a text element of the timeline SVG, whole.
func TestSVGTimelineLabelsEverySampleEvent(t *testing.T) {
	needLibrary(t)
	texts := svgTexts(t, svgOf(t, timeline.Sample(), caseOptions(KindTimeline)))
	for _, e := range timeline.Sample() {
		if !slices.Contains(texts, e.Title) {
			t.Errorf("no text element says %q", e.Title)
		}
	}
	for _, want := range []string{"Kim-Putin summit, September 2023 — Timeline", "Diplomacy", "approximate, uncertain or coarse date"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text element says %q", want)
		}
	}
}

var (
	svgElement = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9:]*)`)
	svgAttr    = regexp.MustCompile(`\s([A-Za-z_:][-A-Za-z0-9_:.]*)="([^"]*)"`)
)

// An SVG of hostile text runs nothing and loads nothing: only drawing elements, no event
// handler, no link, no reference outside the file; the payloads show as text.
func TestSVGHostileTextStaysText(t *testing.T) {
	needLibrary(t)
	for _, k := range Kinds() {
		svg := svgOf(t, hostileEvents(), Options{Kind: k, Case: hostileCase(), FilterText: hostile[0]})
		texts := svgTexts(t, svg)
		for _, m := range svgElement.FindAllSubmatch(svg, -1) {
			if name := string(m[1]); !keptElements[name] && name != "?xml" {
				t.Errorf("%s: element <%s>", k, name)
			}
		}
		for _, m := range svgAttr.FindAllSubmatch(svg, -1) {
			name, value := strings.ToLower(string(m[1])), strings.ToLower(string(m[2]))
			if strings.HasPrefix(name, "on") || strings.Contains(name, "href") || name == "style" || name == "class" {
				t.Errorf("%s: attribute %s", k, name)
			}
			if name == "xmlns" {
				continue // the SVG namespace names, it loads nothing
			}
			if strings.Contains(value, "url(") && !localURL.MatchString(value) || strings.Contains(value, "javascript:") ||
				strings.Contains(value, "http:") || strings.Contains(value, "https:") || strings.Contains(value, "data:") {
				t.Errorf("%s: %s=%q refers outside the file", k, name, value)
			}
		}
		for _, bad := range []string{"<script", "<img", "<foreignObject", "<style", "<!--", "<a "} {
			if bytes.Contains(bytes.ToLower(svg), []byte(strings.ToLower(bad))) {
				t.Errorf("%s: the SVG contains %q", k, bad)
			}
		}
		joined := strings.Join(texts, "\n")
		if k != KindCalendar && !strings.Contains(joined, `<img src=x onerror=`) {
			t.Errorf("%s: the hostile title does not show as text", k)
		}
	}
}

// The same events in another order give the same SVG and PNG bytes; the PNG has the
// scale asked for.
func TestImagesDeterministic(t *testing.T) {
	needLibrary(t)
	events := timeline.Sample()
	reversed := slices.Clone(events)
	slices.Reverse(reversed)
	for _, f := range []Format{FormatSVG, FormatPNG} {
		var a, b bytes.Buffer
		opt := caseOptions(KindTimeline)
		opt.Format, opt.Scale = f, 1.5
		if err := RenderSeq(&a, slices.Values(events), opt); err != nil {
			t.Fatal(err)
		}
		if err := RenderSeq(&b, slices.Values(reversed), opt); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renders differ", f)
		}
		if f == FormatPNG {
			img, err := png.Decode(&a)
			if err != nil {
				t.Fatal(err)
			}
			if w := img.Bounds().Dx(); w != DefaultWidth*3/2 {
				t.Errorf("PNG at scale 1.5 is %d pixels wide, want %d", w, DefaultWidth*3/2)
			}
		}
	}
}

// A poster: the timeline 20,000 pixels wide, as SVG and as PNG at scale 1.
func TestPosterWidth(t *testing.T) {
	needLibrary(t)
	opt := caseOptions(KindTimeline)
	opt.Width, opt.Scale, opt.Format = MaxWidth, 1, FormatPNG
	var b bytes.Buffer
	if err := RenderSeq(&b, slices.Values(timeline.Sample()), opt); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != MaxWidth {
		t.Errorf("poster is %d pixels wide, want %d", img.Bounds().Dx(), MaxWidth)
	}
	if !bytes.Contains(svgOf(t, timeline.Sample(), opt), []byte(`width="20000"`)) {
		t.Error("the SVG poster is not 20000 wide")
	}
}
