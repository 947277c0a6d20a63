package chart

import (
	"sync"
	"unicode"

	"github.com/tdewolff/canvas"
)

// fontFamily is what every chart asks for; single quotes, as ECharts' SVG writer puts it in
// a double-quoted attribute as it is. Layout is measured with DejaVu Sans, the font
// the PNG and PDF are drawn with and Chromium's default on Linux; it is wider than Arial,
// Helvetica and Segoe UI, so a viewer that falls back to one of those draws every label a
// little shorter than measured, never longer.
const fontFamily = `'DejaVu Sans', Verdana, sans-serif`

// advances caches the width in em of each rune of simple text, regular and bold.
var advances = [2]map[rune]float64{{}, {}}

var (
	extentsOnce sync.Once
	extents     [2][2]float64 // ascent, descent (positive) in em, regular and bold
)

// fontMetrics is DejaVu Sans' ascent and descent in em.
func fontMetrics(isBold bool) (ascent, descent float64) {
	extentsOnce.Do(func() {
		textMu.Lock()
		defer textMu.Unlock()
		for i, t := range []*typeface{primaryFace(false), primaryFace(true)} {
			e, _ := t.face.FontHExtents()
			extents[i] = [2]float64{float64(e.Ascender) / t.upem, -float64(e.Descender) / t.upem}
		}
	})
	e := extents[boolIndex(isBold)]
	return e[0], e[1]
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// outline is the path of s at size pixels, its baseline's left end at the origin, y
// down: the glyphs' own outlines, laid out as layoutText lays them (shaped and in visual
// order where the script needs it), as wide as textWidth measures. A rune no font has
// leaves a gap of its measured width.
func outline(s string, size float64, isBold bool) *canvas.Path {
	textMu.Lock()
	defer textMu.Unlock()
	out := &canvas.Path{}
	for _, run := range layoutText(s, isBold) {
		for _, g := range run.glyphs {
			if g.id == 0 {
				continue
			}
			if p := run.face.outline(g.id); p != nil && !p.Empty() {
				out = out.Append(p.Copy().Transform(canvas.Identity.Translate((run.x+g.x)*size, g.y*size).Scale(size, size)))
			}
		}
	}
	return out
}

// textWidth is the width in pixels of s drawn at size pixels.
func textWidth(s string, size float64, isBold bool) float64 {
	textMu.Lock()
	defer textMu.Unlock()
	if complexText(s) {
		return lineWidth(s, isBold) * size
	}
	cache := advances[boolIndex(isBold)]
	w := 0.0
	for _, r := range s {
		a, ok := cache[r]
		if !ok {
			a = runeAdvance(r, isBold)
			cache[r] = a
		}
		w += a
	}
	return w * size
}

// wide reports whether r is from a script drawn a full em wide.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x3000 && r <= 0x303F)
}

// fitText shortens s with an ellipsis so that it is at most w pixels wide at size.
func fitText(s string, w, size float64, isBold bool) string {
	if textWidth(s, size, isBold) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi { // the longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if textWidth(string(r[:mid])+"…", size, isBold) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// wrapText breaks s at spaces into lines at most w pixels wide at size; a word wider than
// w is shortened with an ellipsis rather than broken. At most maxLines lines are kept,
// the last ending in an ellipsis when text was left out.
func wrapText(s string, w, size float64, isBold bool, maxLines int) []string {
	if maxLines <= 1 {
		return []string{fitText(s, w, size, isBold)}
	}
	var lines []string
	line := ""
	words := splitSpaces(s)
	for i, word := range words {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if textWidth(try, size, isBold) <= w {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = fitText(word, w, size, isBold)
		if len(lines) >= maxLines-1 && i < len(words)-1 {
			rest := line
			for _, more := range words[i+1:] {
				rest += " " + more
			}
			line = fitText(rest, w, size, isBold)
			break
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func splitSpaces(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
