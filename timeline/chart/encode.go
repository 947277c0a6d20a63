package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// safeJSON encodes v for a script element of type application/json. encoding/json already
// writes <, > and & as \u003c, \u003e and \u0026 (so neither "</script" nor "<!--" can
// appear) and U+2028/U+2029 as escapes. On top of that the function marker go-echarts
// uses for inline JavaScript, __f__, is written with an escaped underscore: it still
// reads back as the same text, but no string in the page contains the marker. The page
// evaluates none of this data anyway; its functions are fixed code in page.js.
func safeJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode chart options: %w", err)
	}
	// JSON text has underscores only inside strings, and never right after a lone
	// backslash, so this replacement keeps it valid and keeps every value the same.
	b = bytes.ReplaceAll(b, []byte("__f__"), []byte(`\u005f_f__`))
	for _, bad := range []string{"<", ">", "\u2028", "\u2029"} {
		if bytes.Contains(b, []byte(bad)) {
			return nil, fmt.Errorf("encode chart options: unescaped %q", bad)
		}
	}
	return b, nil
}

// clip shortens s to at most n runes, ending it with an ellipsis when cut, so that one
// huge field cannot swell a page. It also replaces invalid UTF-8.
func clip(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// otherColor is the grey of events with no lane, of the "other lanes" row and of sums.
const otherColor = "#9aa0a6"

// toolbox is the same on every chart: save as PNG and a read-only data view, with titles.
// The data view's content comes from page.js, which builds it as text, read-only.
func toolbox() opts.Toolbox {
	return opts.Toolbox{
		Show:  opts.Bool(true),
		Right: "16",
		Top:   "4",
		Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{
				Show: opts.Bool(true), Type: "png", Title: "Save as PNG",
			},
			DataView: &opts.ToolBoxFeatureDataView{
				Show: opts.Bool(true), Title: "Data view", BackgroundColor: "#ffffff",
				Lang: []string{"Data view", "Close", "Refresh"},
			},
		},
	}
}

// names keeps what a chart shows of a user's names: clipped, with empty shown in words.
func names(list []string, empty string) []string {
	out := make([]string, len(list))
	for i, n := range list {
		if n == "" {
			n = empty
		}
		out[i] = clip(n, 60)
	}
	return out
}
