package chart

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// Payloads an attacker could put in any text field of an imported file.
var hostile = []string{
	`</script><script>document.title='pwned'</script>`,
	`<img src=x onerror="document.title='pwned'">`,
	`__f__function(){document.title='pwned'}__f__`,
	`"quoted" 'single' \backslash\ </ <!-- -->` + "\u2028\u2029",
}

func hostileCase() timeline.CaseInfo {
	return timeline.CaseInfo{Name: hostile[1], Description: hostile[0], Notes: hostile[1] + "\n\n" + hostile[0]}
}

// hostileEvents puts the payloads in every text field, and in enough lanes, actors and
// tags to fill the "other" rows too.
func hostileEvents() []timeline.Event {
	var out []timeline.Event
	dates := []string{"2021-03-04", "2022-05-06~", "2023-09-13", "2023-09"}
	for i, p := range hostile {
		src := timeline.Source{Title: p, Publisher: p, URL: "javascript:document.title='pwned'", Quote: p, Date: p, Reliability: "A", Credibility: 1}
		e := ev("id"+p, p, dates[i], "", p, 5, []string{p, "Actor " + p}, []string{p}, src,
			timeline.Source{Title: "safe", URL: "https://example.org/?q=" + p})
		e.Description, e.Notes = p, p
		out = append(out, e)
		span := ev("span"+p, "span "+p, dates[i], "2023-12-01", p+" lane", 3, []string{p}, []string{"tag " + p}, src)
		out = append(out, span)
	}
	return out
}

func TestSafeJSONEscapes(t *testing.T) {
	for _, p := range hostile {
		b, err := safeJSON(map[string]any{"t": p, "list": []string{p}})
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"<", ">", "__f__", "\u2028", "\u2029"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("safeJSON(%q) = %s, contains %q", p, b, bad)
			}
		}
		var back map[string]any
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("safeJSON(%q) is not JSON: %v", p, err)
		}
		if back["t"] != p {
			t.Errorf("safeJSON(%q) reads back as %q", p, back["t"])
		}
	}
}

// TestHostileTextStaysText checks the page source: no payload appears unescaped in any
// kind, and the only scripts are the page's own.
func TestHostileTextStaysText(t *testing.T) {
	for _, k := range Kinds() {
		var b bytes.Buffer
		if err := render(&b, seq(hostileEvents()), Options{Kind: k, Case: hostileCase(), FilterText: hostile[0]}, testLibrary); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		for _, bad := range []string{"<img", `onerror="`, "javascript:", "<script>document", "<!-- -->"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s page contains %q", k, bad)
			}
		}
		// In HTML text __f__ is just text; inside the JSON it is written with an escape.
		for _, part := range strings.Split(page, `<script type="application/json"`)[1:] {
			if data, _, _ := strings.Cut(part, "</script>"); strings.Contains(data, "__f__") {
				t.Errorf("%s page has __f__ in its chart data", k)
			}
		}
		if n := strings.Count(page, "<script"); n != 2+chartCount(k) {
			t.Errorf("%s page has %d script elements, want %d", k, n, 2+chartCount(k))
		}
	}
}

func chartCount(k Kind) int {
	switch k {
	case KindBreakdown:
		return 3
	case KindReport:
		return 6
	}
	return 1
}
