package chart

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// ErrNoLibrary is returned for SVG, PNG and PDF exports from a binary built without the
// ECharts library: those are drawn by ECharts inside Chronoscope, which needs it.
var ErrNoLibrary = errors.New("chart: ECharts " + echartsVersion + " is not built in, so charts can only be exported as HTML; run `make deps` and rebuild")

// engine runs ECharts' server-side SVG renderer in a JavaScript interpreter written in Go
// (goja), with the embedded library and page.js: the image exports are drawn by the very
// code that draws the HTML charts, with no browser and no network. Loading the library
// takes about a second, so one engine is made on first use and kept; a mutex keeps it to
// one chart at a time, as a goja runtime is not safe for concurrent use.
type engine struct {
	mu  sync.Mutex
	vm  *goja.Runtime
	svg goja.Callable
}

var (
	engineOnce sync.Once
	engineUsed *engine
	engineErr  error
)

// The browser functions ECharts touches while loading and rendering without a page.
const shims = `var self = this;
function setTimeout(f) { return 0; }
function clearTimeout() {}
function setInterval() { return 0; }
function clearInterval() {}`

// The renderer: one chart from its page data (JSON) at a size, to an SVG string.
const renderJS = `(function (json, width, height) {
  var chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: width, height: height });
  try {
    chart.setOption(chronoscopePrepare(JSON.parse(json), true));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
})`

func sharedEngine() (*engine, error) {
	engineOnce.Do(func() { engineUsed, engineErr = newEngine() })
	return engineUsed, engineErr
}

func newEngine() (*engine, error) {
	lib := currentLibrary()
	if lib.Inline == "" {
		return nil, ErrNoLibrary
	}
	vm := goja.New()
	if err := vm.Set("chronoscopeMeasure", measureFont); err != nil {
		return nil, fmt.Errorf("chart: start ECharts: %w", err)
	}
	for _, src := range []struct{ name, js string }{
		{"shims.js", shims}, {"echarts.min.js", lib.Inline}, {"page.js", pageJS},
		// ECharts lays out titles, axes and legends with the same font metrics as the
		// labels, so that nothing it places overlaps once drawn in DejaVu Sans.
		{"measure.js", `echarts.setPlatformAPI({ measureText: function (text, font) { return { width: chronoscopeMeasure(String(text), String(font || "")) }; } });`},
	} {
		if _, err := vm.RunScript(src.name, src.js); err != nil {
			return nil, fmt.Errorf("chart: start ECharts (%s): %w", src.name, err)
		}
	}
	v, err := vm.RunScript("render.js", renderJS)
	if err != nil {
		return nil, fmt.Errorf("chart: start ECharts: %w", err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, errors.New("chart: start ECharts: the renderer is not a function")
	}
	return &engine{vm: vm, svg: fn}, nil
}

// render draws one chart's page data as ECharts' SVG.
func (e *engine) render(data []byte, width, height int) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	v, err := e.svg(goja.Undefined(), e.vm.ToValue(string(data)), e.vm.ToValue(width), e.vm.ToValue(height))
	if err != nil {
		return "", fmt.Errorf("chart: draw the chart: %w", err)
	}
	return v.String(), nil
}

var fontSizeRE = regexp.MustCompile(`(\d+(?:\.\d+)?)px`)

// measureFont is ECharts' measureText: the width of text in a CSS font such as
// "bold 12px sans-serif", measured in DejaVu Sans whatever the family named.
func measureFont(text, font string) float64 {
	size := 12.0
	if m := fontSizeRE.FindStringSubmatch(font); m != nil {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil {
			size = v
		}
	}
	isBold := strings.Contains(font, "bold") || strings.Contains(font, "600") || strings.Contains(font, "700")
	return textWidth(text, size, isBold)
}
