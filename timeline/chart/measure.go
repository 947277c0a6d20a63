package chart

import (
	"os"
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/tdewolff/canvas"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontFamily is what every chart asks for; single quotes, as ECharts' SVG writer puts it in
// a double-quoted attribute as it is. Layout is measured with DejaVu Sans, the font
// the PNG and PDF are drawn with and Chromium's default on Linux; it is wider than Arial,
// Helvetica and Segoe UI, so a viewer that falls back to one of those draws every label a
// little shorter than measured, never longer.
const fontFamily = `'DejaVu Sans', Verdana, sans-serif`

// metrics measures text in DejaVu Sans, regular or bold, from the fonts' advance widths
// (no kerning, which only narrows text). Widths per rune are cached; it is safe for
// concurrent use.
type metrics struct {
	font *sfnt.Font
	upem float64

	mu      sync.Mutex
	buf     sfnt.Buffer
	cache   map[rune]float64 // advance in em
	glyphs  map[rune]*canvas.Path
	ascent  float64 // em
	descent float64 // em, positive
}

var (
	metricsOnce sync.Once
	regular     *metrics
	bold        *metrics
)

func loadMetrics() {
	metricsOnce.Do(func() {
		regular = mustMetrics(dejavusans.TTF)
		bold = mustMetrics(dejavusansbold.TTF)
	})
}

func mustMetrics(ttf []byte) *metrics {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		panic("chart: the built-in DejaVu font does not parse: " + err.Error())
	}
	m := &metrics{font: f, upem: float64(f.UnitsPerEm()), cache: map[rune]float64{}, glyphs: map[rune]*canvas.Path{}}
	fm, err := f.Metrics(&m.buf, fixed.Int26_6(m.upem*64), font.HintingNone)
	if err != nil {
		panic("chart: the built-in DejaVu font has no metrics: " + err.Error())
	}
	m.ascent, m.descent = float64(fm.Ascent)/64/m.upem, float64(fm.Descent)/64/m.upem
	return m
}

func metricsFor(isBold bool) *metrics {
	loadMetrics()
	if isBold {
		return bold
	}
	return regular
}

// fontMetrics is DejaVu Sans' ascent and descent in em.
func fontMetrics(isBold bool) (ascent, descent float64) {
	m := metricsFor(isBold)
	return m.ascent, m.descent
}

// outline is the path of s at size pixels, its baseline's left end at the origin, y
// down: the glyphs' own outlines, advanced as textWidth measures them. A rune the font
// lacks leaves a gap of its measured width.
func outline(s string, size float64, isBold bool) *canvas.Path {
	m := metricsFor(isBold)
	m.mu.Lock()
	defer m.mu.Unlock()
	out := &canvas.Path{}
	x := 0.0
	scale := size / m.upem
	for _, r := range s {
		g, ok := m.glyphs[r]
		if !ok {
			g = m.glyph(r)
			m.glyphs[r] = g
		}
		if g != nil && !g.Empty() {
			out = out.Append(g.Copy().Transform(canvas.Identity.Scale(scale, scale).Translate(x, 0)))
		}
		a, ok := m.cache[r]
		if !ok {
			a = m.advance(r)
			m.cache[r] = a
		}
		x += a * m.upem
	}
	return out
}

// glyph is a rune's outline in font units, y down, or nil. A rune DejaVu lacks is drawn
// from a CJK font of the system when there is one (see fallbackFont), scaled to a full em.
func (m *metrics) glyph(r rune) *canvas.Path {
	f, upem := m.font, m.upem
	idx, err := f.GlyphIndex(&m.buf, r)
	if err != nil || idx == 0 {
		if f = fallbackFont(); f == nil {
			return nil
		}
		if idx, err = f.GlyphIndex(&m.buf, r); err != nil || idx == 0 {
			return nil
		}
		upem = float64(f.UnitsPerEm())
	}
	segs, err := f.LoadGlyph(&m.buf, idx, fixed.Int26_6(upem*64), nil)
	if err != nil {
		return nil
	}

	p := &canvas.Path{}
	pt := func(f fixed.Point26_6) (float64, float64) { return float64(f.X) / 64, float64(f.Y) / 64 }
	open := false
	for _, sg := range segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				p.Close()
			}
			p.MoveTo(pt(sg.Args[0]))
			open = true
		case sfnt.SegmentOpLineTo:
			p.LineTo(pt(sg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(sg.Args[0])
			x, y := pt(sg.Args[1])
			p.QuadTo(x1, y1, x, y)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(sg.Args[0])
			x2, y2 := pt(sg.Args[1])
			x, y := pt(sg.Args[2])
			p.CubeTo(x1, y1, x2, y2, x, y)
		}
	}
	if open {
		p.Close()
	}
	if upem != m.upem {
		p = p.Transform(canvas.Identity.Scale(m.upem/upem, m.upem/upem))
	}
	return p
}

// cjkFonts are where Debian and others keep a CJK font; the first found draws the runes
// DejaVu lacks in PNG exports (fonts-noto-cjk).
var cjkFonts = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	"/System/Library/Fonts/PingFang.ttc",
	`C:\Windows\Fonts\msyh.ttc`,
}

var (
	fallbackOnce sync.Once
	fallback     *sfnt.Font
)

// fallbackFont is the first font of the first CJK collection found, or nil. It is read
// once, on the first rune DejaVu lacks.
func fallbackFont() *sfnt.Font {
	fallbackOnce.Do(func() {
		for _, path := range cjkFonts {
			b, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			if c, err := sfnt.ParseCollection(b); err == nil && c.NumFonts() > 0 {
				if f, err := c.Font(0); err == nil {
					fallback = f
					return
				}
			}
		}
	})
	return fallback
}

// textWidth is the width in pixels of s drawn at size pixels.
func textWidth(s string, size float64, isBold bool) float64 {
	return metricsFor(isBold).width(s) * size
}

func (m *metrics) width(s string) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	w := 0.0
	for _, r := range s {
		a, ok := m.cache[r]
		if !ok {
			a = m.advance(r)
			m.cache[r] = a
		}
		w += a
	}
	return w
}

// advance is a rune's width in em. A rune DejaVu lacks is drawn by a fallback font:
// wide scripts (CJK, Hangul, kana) take a full em, anything else 0.7 em.
func (m *metrics) advance(r rune) float64 {
	if unicode.IsControl(r) {
		return 0
	}
	idx, err := m.font.GlyphIndex(&m.buf, r)
	if err == nil && idx != 0 {
		adv, err := m.font.GlyphAdvance(&m.buf, idx, fixed.Int26_6(m.upem*64), font.HintingNone)
		if err == nil {
			return float64(adv) / 64 / m.upem
		}
	}
	if wide(r) {
		return 1
	}
	return 0.7
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
