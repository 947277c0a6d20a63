package chart

import (
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// probeJS runs after the page in the browser test: it opens the tooltips of the first items
// of every series and builds every data view, and copies both into the DOM, so that
// --dump-dom shows what an analyst would see there.
const probeJS = `window.addEventListener("load", function () {
  var out = document.createElement("div");
  out.id = "probe";
  document.body.appendChild(out);
  (window.chronoscopeCharts || []).forEach(function (c) {
    var o = c.getOption(), el = c.getDom();
    var view = document.createElement("div");
    view.className = "probe-dataview";
    view.appendChild(o.toolbox[0].feature.dataView.optionToContent(o));
    out.appendChild(view);
    (o.series || []).forEach(function (s, i) {
      for (var j = 0; s.data && j < Math.min(s.data.length, 8); j++) {
        c.dispatchAction({ type: "showTip", seriesIndex: i, dataIndex: j });
        var tip = el.lastElementChild;
        if (tip && tip.innerHTML) {
          var copy = document.createElement("div");
          copy.className = "probe-tip";
          copy.appendChild(tip.cloneNode(true));
          out.appendChild(copy);
        }
      }
    });
  });
  out.setAttribute("data-done", "yes");
});`

// chromium finds the browser, or skips the test (fails it under CI=true, where the CI
// image installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; CI needs it for the HTML safety checks (apt-get install chromium)")
	}
	t.Skip("chromium is not installed: skipping the checks in a real browser")
	return ""
}

// dumpDOM loads file in headless Chromium with every host name unresolvable, so any
// network request fails, and returns the DOM after scripts ran.
func dumpDOM(t *testing.T, browser, file string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--host-resolver-rules=MAP * ~NOTFOUND",
		"--virtual-time-budget=3000", "--dump-dom", "file://"+file)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium on %s: %v", file, err)
	}
	return string(out)
}

// withProbe appends probeJS to a rendered page and lets it run under the page's CSP.
func withProbe(t *testing.T, page string) string {
	t.Helper()
	const at = "script-src "
	if !strings.Contains(page, at) || !strings.Contains(page, "</body>") {
		t.Fatal("page has no script-src or no </body>")
	}
	page = strings.Replace(page, at, at+"&#39;"+scriptHash(probeJS)+"&#39; ", 1)
	i := strings.LastIndex(page, "</body>") // the library has a "</body>" of its own
	return page[:i] + "<script>" + probeJS + "</script>\n" + page[i:]
}

func TestInBrowser(t *testing.T) {
	browser := chromium(t)
	if w := Warning(); w != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("ECharts is not embedded: %s", w)
		}
		t.Skip(w)
	}
	dir := t.TempDir()
	if d := os.Getenv("CHART_PROBE_DIR"); d != "" {
		dir = d // keep the pages to look at
	}
	chartDiv := regexp.MustCompile(`<div class="chart" id="(chart-[a-z]+)"[^>]*>(.*?)</div>`)
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			file := filepath.Join(dir, string(k)+".html")
			if err := WriteFile(file, hostileEvents(), Options{Kind: k, Case: hostileCase(), FilterText: hostile[0]}); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			lib := currentLibrary().Inline
			if !strings.Contains(string(b), lib) {
				t.Fatal("the library is not inlined")
			}
			own := strings.Replace(string(b), lib, "", 1)
			if regexp.MustCompile(`(?i)<(script|link|iframe|img|object|embed)\b[^>]*\s(src|href|data)\s*=`).MatchString(own) {
				t.Error("the page loads something by address although ECharts is inlined")
			}
			probed := filepath.Join(dir, string(k)+"-probe.html")
			if err := os.WriteFile(probed, []byte(withProbe(t, string(b))), 0o644); err != nil {
				t.Fatal(err)
			}
			dom := dumpDOM(t, browser, probed)

			if !strings.Contains(dom, `data-done="yes"`) {
				t.Fatalf("the probe did not finish; is ECharts running? DOM starts: %.600s", dom)
			}
			if strings.Contains(dom, "<title>pwned") {
				t.Error("an injected script ran: the title is pwned")
			}
			// Script contents are raw text in the dump (the library has markup in its
			// strings); everywhere else a tag starts with a real "<", text has "&lt;".
			markup := regexp.MustCompile(`(?s)(<script[^>]*>).*?</script>`).ReplaceAllString(dom, "$1</script>")
			if m := regexp.MustCompile(`(?i)<(img|iframe|object|embed|foreignObject|use|image)\b|<[a-z][^<>]*\son[a-z]+\s*=|javascript:`).FindString(markup); m != "" {
				t.Errorf("the DOM has an injected element: %q", m)
			}
			// ECharts draws each chart as one SVG element, and there are no others.
			if n := strings.Count(markup, "<svg"); n != chartCount(k) {
				t.Errorf("the DOM has %d SVG elements, want %d (one per chart)", n, chartCount(k))
			}
			if n, want := strings.Count(dom, "<script"), 3+chartCount(k); n != want {
				t.Errorf("the DOM has %d script elements, want %d (page, library, probe, one per chart)", n, want)
			}
			if !strings.Contains(dom, `id="no-library" class="warning" hidden`) {
				t.Error("the page says it could not load ECharts")
			}
			divs := chartDiv.FindAllStringSubmatch(dom, -1)
			if len(divs) != chartCount(k) {
				t.Errorf("found %d chart divs, want %d", len(divs), chartCount(k))
			}
			for _, d := range divs {
				if !strings.Contains(d[2], "<svg") {
					t.Errorf("%s has no SVG: ECharts did not draw it", d[1])
				}
			}
			probe := dom[strings.Index(dom, `id="probe"`):]
			if k != KindCalendar && !strings.Contains(probe, "&lt;img src=x onerror=") {
				t.Error("the hostile text does not show as text in the tooltips or data views")
			}
			if strings.Count(probe, `class="probe-tip"`) < 1 {
				t.Error("no tooltip opened")
			}
		})
	}
}

// In a real browser the timeline of the sample draws every event's title whole, as SVG
// text, at the chart's width.
func TestInBrowserTimelineLabels(t *testing.T) {
	browser := chromium(t)
	if w := Warning(); w != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("ECharts is not embedded: %s", w)
		}
		t.Skip(w)
	}
	file := filepath.Join(t.TempDir(), "timeline.html")
	if err := WriteFile(file, timeline.Sample(), caseOptions(KindTimeline)); err != nil {
		t.Fatal(err)
	}
	dom := html.UnescapeString(dumpDOM(t, browser, file))
	texts := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?s)<text[^>]*>(.*?)</text>`).FindAllStringSubmatch(dom, -1) {
		texts[regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")] = true
	}
	for _, e := range timeline.Sample() {
		if !texts[e.Title] {
			t.Errorf("the page draws no text %q", e.Title)
		}
	}
	if !strings.Contains(dom, `width="1200"`) {
		t.Error("the chart is not drawn 1200 pixels wide")
	}
}
