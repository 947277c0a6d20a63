package chart

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// pdfDoc is a PDF being written, with text laid out as the images lay it out (shape.go):
// text stays text wherever the font can be embedded, in the order and shapes a reader
// expects.
type pdfDoc struct {
	*fpdf.Fpdf
	fonts map[string]bool // the font families added to the document
}

// width is the width in millimetres of s in the current font, as text lays it out.
func (d *pdfDoc) width(s string) float64 {
	size, _ := d.GetFontSize()
	return textWidth(s, size, strings.Contains(d.GetFontStyle(), "B")) * mmPerPt
}

// text writes s with its baseline's left end at (x, y) millimetres, in the current font
// size, style and colour. Plain DejaVu text is one text object. Otherwise each run is
// placed where layoutText puts it: glyphs of an embeddable font (DejaVu, a TrueType CJK
// font) are written as text, glyph by glyph where shaping chose them (fpdf writes text
// by runes, so a glyph is written as the rune the font maps to it); a glyph no rune maps
// to, or of a font fpdf cannot embed (CFF), is drawn as its outline.
func (d *pdfDoc) text(x, y float64, s string) {
	size, _ := d.GetFontSize()
	style := d.GetFontStyle()
	textMu.Lock()
	defer textMu.Unlock()
	runs := layoutText(s, strings.Contains(style, "B"))
	if len(runs) == 1 && runs[0].face.pdfName == pdfFont && !runs[0].shaped {
		d.Text(x, y, s)
		return
	}
	em := size * mmPerPt
	for _, run := range runs {
		if run.face.pdfName == pdfFont && !run.shaped {
			d.SetFont(pdfFont, style, size)
			d.Text(x+run.x*em, y, run.text)
			continue
		}
		for _, g := range run.glyphs {
			d.glyph(run.face, g, x+(run.x+g.x)*em, y+g.y*em, em, style, size)
		}
	}
	d.SetFont(pdfFont, style, size)
}

// glyph writes one glyph of t with its origin at (x, y) millimetres, em millimetres to
// the em. Call it with textMu held.
func (d *pdfDoc) glyph(t *typeface, g placedGlyph, x, y, em float64, style string, size float64) {
	if g.id == 0 {
		return
	}
	if r, ok := t.runeOf(g.id); ok && t.ttf != nil {
		if !d.fonts[t.pdfName] {
			d.AddUTF8FontFromBytes(t.pdfName, "", t.ttf)
			d.fonts[t.pdfName] = true
		}
		if t.pdfName == pdfFont {
			d.SetFont(pdfFont, style, size)
		} else {
			d.SetFont(t.pdfName, "", size) // one style: bold CJK is drawn regular
		}
		d.Text(x, y, string(r))
		return
	}
	p := t.outline(g.id)
	if p == nil || p.Empty() {
		return
	}
	d.SetFillColor(d.GetTextColor())
	(&pdfSurface{pdf: d, x: x, y: y, k: em}).path(p)
	d.DrawPath("F")
}
