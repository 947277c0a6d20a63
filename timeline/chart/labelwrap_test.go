package chart

import (
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// A title of 120 characters, longer than a label's line.
const longTitle = "Delegations of both governments meet at the cosmodrome and agree a long list of terms on trade, arms and space work, now"

func TestWrapLabelKeepsEveryWord(t *testing.T) {
	if len([]rune(longTitle)) != 120 {
		t.Fatalf("the test title has %d characters, want 120", len([]rune(longTitle)))
	}
	for _, w := range []float64{labelMinWrapW, 300, labelMaxWrapW} {
		lines := wrapLabel(longTitle, w)
		if got := strings.Join(lines, " "); got != longTitle {
			t.Errorf("width %.0f: lines %q do not make the title", w, lines)
		}
		if len(lines) < 2 || len(lines) > labelLines {
			t.Errorf("width %.0f: %d lines, want 2 to %d", w, len(lines), labelLines)
		}
		for _, l := range lines {
			if textWidth(l, labelSize, false) > w {
				t.Errorf("width %.0f: line %q is wider", w, l)
			}
		}
	}
	if got := wrapLabel("A short title", 300); len(got) != 1 || got[0] != "A short title" {
		t.Errorf("short title = %q, want one line", got)
	}
	one := strings.Repeat("x", 200)
	if got := wrapLabel(one, 300); len(got) != 1 || got[0] != one {
		t.Errorf("a single word is broken: %q", got)
	}
	huge := strings.Repeat("word ", 1000)
	if got := wrapLabel(huge, 300); len(got) != labelLines || strings.Join(got, " ") != strings.TrimSpace(huge) {
		t.Errorf("a very long title makes %d lines, want %d holding every word", len(got), labelLines)
	}
}

// Long titles are labelled whole on several rows; none overlaps another, and events
// whose label fits nowhere are counted, never cut.
func TestLayoutWrapsLongTitles(t *testing.T) {
	var events []timeline.Event
	for i := range 8 {
		events = append(events, ev(fmt.Sprint(i), fmt.Sprintf("%d. %s", i, longTitle), fmt.Sprintf("2023-09-%02d", 1+3*i), "", "One", 3, nil, nil))
	}
	events = append(events, ev("s", "Short one", "2023-09-05", "", "Two", 3, nil, nil),
		ev("h", strings.Repeat("enormous ", 600), "2023-09-06", "", "Two", 3, nil, nil))
	for _, w := range []int{MinWidth, DefaultWidth, 4000} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			L, shown := layoutOf(events, Options{Width: w})
			checkLayout(t, L, shown)
			for i, it := range L.items {
				if it.side == sideNone {
					continue
				}
				if got := strings.ReplaceAll(it.label, "\n", " "); got != strings.Join(splitSpaces(shown[i].Title), " ") {
					t.Errorf("label %q is not the title %q", it.label, shown[i].Title)
				}
				if strings.HasPrefix(shown[i].Title, "0.") && it.rows < 2 {
					t.Errorf("%q on %d row, want it wrapped", shown[i].Title, it.rows)
				}
			}
			if L.items[0].side == sideNone {
				t.Error("the first long title has no label")
			}
			for _, l := range L.lanes {
				if l.labelled+l.more() != l.total {
					t.Errorf("lane %s: %d labelled and %d more of %d", l.name, l.labelled, l.more(), l.total)
				}
			}
		})
	}
}

// In the SVG a long title is drawn whole: its lines are text elements one after the
// other that make the whole title.
func TestSVGLongTitleWhole(t *testing.T) {
	needLibrary(t)
	events := append(timeline.Sample(), ev("long", longTitle, "2023-09-14", "", "Diplomacy", 5, nil, nil))
	for _, k := range []Kind{KindTimeline, KindReport} {
		texts := svgTexts(t, svgOf(t, events, caseOptions(k)))
		if !containsRun(texts, longTitle) {
			t.Errorf("%s: no run of text elements makes %q (texts %q)", k, longTitle, texts)
		}
		for _, s := range texts {
			if strings.Contains(s, "…") && strings.HasPrefix(longTitle, strings.TrimSuffix(s, "…")) {
				t.Errorf("%s: the title is cut: %q", k, s)
			}
		}
	}
}

// containsRun reports whether consecutive texts joined by spaces are want.
func containsRun(texts []string, want string) bool {
	for i := range texts {
		got := ""
		for _, s := range texts[i:] {
			if got != "" {
				got += " "
			}
			got += s
			if got == want {
				return true
			}
			if !strings.HasPrefix(want, got) {
				break
			}
		}
	}
	return false
}

// The HTML page, in a real browser, and the PDF draw a long title whole on its lines.
func TestLongTitleWholeInBrowserAndPDF(t *testing.T) {
	needLibrary(t)
	events := append(timeline.Sample(), ev("long", longTitle, "2023-09-14", "", "Diplomacy", 5, nil, nil))
	L, shown := layoutOf(events, caseOptions(KindTimeline))
	for i, it := range L.items {
		if shown[i].ID == "long" && (it.side == sideNone || !strings.Contains(it.label, "\n")) {
			t.Fatalf("the long title is not labelled on several lines: %q", it.label)
		}
	}
	poppler(t)
	text := strings.Join(pages(t, pdfOf(t, events, caseOptions(KindTimeline))), "\n")
	if got := strings.Join(strings.Fields(text), " "); !strings.Contains(got, longTitle) {
		t.Errorf("the PDF's text does not hold %q whole:\n%s", longTitle, text)
	}
	browser := chromium(t)
	file := filepath.Join(t.TempDir(), "timeline.html")
	if err := WriteFile(file, events, caseOptions(KindTimeline)); err != nil {
		t.Fatal(err)
	}
	dom := html.UnescapeString(dumpDOM(t, browser, file))
	var texts []string
	for _, m := range regexp.MustCompile(`(?s)<text[^>]*>(.*?)</text>`).FindAllStringSubmatch(dom, -1) {
		texts = append(texts, regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], ""))
	}
	if !containsRun(texts, longTitle) {
		t.Errorf("the page draws no run of text elements making %q", longTitle)
	}
}
