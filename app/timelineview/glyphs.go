package timelineview

import (
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
)

// glyphTable measures label widths from per-rune advances taken once, on the UI
// goroutine. Fyne's text shaper is not safe to call from the goroutine that builds the
// timeline's frames (two shapings at once crash in harfbuzz), so the frame builder sums
// these instead. Kerning is ignored; a small margin keeps labels from touching.
type glyphTable struct {
	runes map[rune]float32
	wide  float32 // a CJK or Hangul character
	other float32 // any other rune not measured
}

// glyphFont is a size and a style the tables are measured in.
type glyphFont struct {
	size float32
	bold bool
}

var (
	glyphsMu sync.Mutex
	glyphs   = map[glyphFont]*glyphTable{}
)

// labelWidths returns the table for timeline labels at the theme's label size, bold,
// measuring it on first use of that size. Call it on the UI goroutine (New and each
// frame request do); the table it returns is safe to use anywhere.
func labelWidths() *glyphTable { return glyphWidths(labelTextSize(), fyne.TextStyle{Bold: true}) }

// glyphWidths returns the table for text of size in style (only Bold counts), measuring
// it on first use. Call it on the UI goroutine; the table is safe to use anywhere.
func glyphWidths(size float32, style fyne.TextStyle) *glyphTable {
	f := glyphFont{size, style.Bold}
	glyphsMu.Lock()
	defer glyphsMu.Unlock()
	g, ok := glyphs[f]
	if !ok {
		g = newGlyphTable(size, fyne.TextStyle{Bold: style.Bold})
		glyphs[f] = g
	}
	return g
}

func newGlyphTable(size float32, style fyne.TextStyle) *glyphTable {
	g := &glyphTable{runes: map[rune]float32{}}
	measure := func(r rune) float32 { return fyne.MeasureText(string(r), size, style).Width }
	for _, span := range [][2]rune{{0x20, 0x7e}, {0xa0, 0x17f}, {0x400, 0x45f}, {0x2013, 0x2026}} {
		for r := span[0]; r <= span[1]; r++ {
			g.runes[r] = measure(r)
		}
	}
	g.wide = measure('\u56fd')
	g.other = measure('n')
	return g
}

// width is the width of s in the table's font, with a 3% margin.
func (g *glyphTable) width(s string) float32 { return g.advance(s) * 1.03 }

// advance is the width of s in the table's font: the sum of its runes' advances.
func (g *glyphTable) advance(s string) float32 {
	var w float32
	for _, r := range s {
		if a, ok := g.runes[r]; ok {
			w += a
		} else if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			w += g.wide
		} else {
			w += g.other
		}
	}
	return w
}
