package chart

import (
	"slices"
	"unicode"

	"github.com/benoitkugler/textprocessing/fribidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// A line of text is laid out the way a browser lays out the SVG's text, so that the PNG
// and the PDF read like the SVG: the Unicode bidirectional algorithm (FriBidi's, from
// benoitkugler/textprocessing) orders it in a left-to-right paragraph, as SVG text is by
// default, and HarfBuzz (go-text/typesetting's, which Fyne uses too) shapes the scripts
// that need it: Arabic letters join, Hebrew reads right to left, marks sit on their
// letters. Text of simple scripts (Latin, Cyrillic, Greek, CJK) is drawn a glyph per
// rune, from the advance widths alone, as it always was: that is what every chart is
// measured with.

// textRun is a piece of a line drawn in one face.
type textRun struct {
	face   *typeface
	text   string  // the piece's runes, in reading order
	x      float64 // em from the line's left end
	width  float64 // em
	glyphs []placedGlyph
	shaped bool // glyphs come from shaping; else one per rune of text, by the cmap
}

// placedGlyph is a glyph of a run, at x em from the run's left end and y em below the
// baseline.
type placedGlyph struct {
	id   font.GID
	x, y float64
}

var (
	shaper       shaping.HarfbuzzShaper
	shapedWidths = map[shapedKey]float64{}
)

type shapedKey struct {
	s      string
	isBold bool
}

// complexRune reports whether r needs the bidirectional algorithm or shaping: a
// right-to-left or joining script, an Indic or South-East Asian one, a combining mark or
// a bidi control.
func complexRune(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case r >= 0x0590 && r <= 0x109F, r >= 0x1700 && r <= 0x18AF, r >= 0x1A00 && r <= 0x1CFF,
		r >= 0xA800 && r <= 0xABFF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF,
		r >= 0x10800 && r <= 0x10FFF, r >= 0x1E800 && r <= 0x1EFFF,
		r == 0x200E || r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me)
}

func complexText(s string) bool {
	for _, r := range s {
		if complexRune(r) {
			return true
		}
	}
	return false
}

// runeGlyph is the face and glyph a rune of simple text is drawn with, and its advance
// in em: DejaVu's, else the fallback font's glyph at the width measured for it (so that
// layout does not depend on the fonts a machine has), else nothing there.
func runeGlyph(r rune, isBold bool) (*typeface, font.GID, float64) {
	t := primaryFace(isBold)
	if unicode.IsControl(r) {
		return t, 0, 0
	}
	if g, ok := t.has(r); ok {
		return t, g, t.advance(g)
	}
	if fb, g := fallbackFor(r); fb != nil {
		return fb, g, guessAdvance(r)
	}
	return t, 0, guessAdvance(r)
}

// runeAdvance is the width in em runeGlyph gives r, without reading any fallback font.
func runeAdvance(r rune, isBold bool) float64 {
	t := primaryFace(isBold)
	if unicode.IsControl(r) {
		return 0
	}
	if g, ok := t.has(r); ok {
		return t.advance(g)
	}
	return guessAdvance(r)
}

// guessAdvance is the width of a rune DejaVu lacks: a full em for wide scripts (CJK,
// Hangul, kana), else 0.7 em.
func guessAdvance(r rune) float64 {
	if wide(r) {
		return 1
	}
	return 0.7
}

// layoutText lays s out as one line, its runs in order from left to right. Call it with
// textMu held.
func layoutText(s string, isBold bool) []textRun {
	runes := []rune(s)
	if !complexText(s) {
		return simpleRuns(runes, isBold)
	}
	levels := bidiLevels(runes)
	var runs []textRun
	var runLevels []int
	for _, p := range pieces(runes, levels, isBold) {
		if !p.fallback {
			runs = append(runs, shapeRun(runes, p, primaryFace(isBold)))
			runLevels = append(runLevels, p.level)
			continue
		}
		for _, run := range simpleRuns(runes[p.start:p.end], isBold) {
			if p.level%2 == 1 {
				run = mirrored(run)
			}
			runs = append(runs, run)
			runLevels = append(runLevels, p.level)
		}
	}
	reorder(runs, runLevels)
	x := 0.0
	for i := range runs {
		runs[i].x = x
		x += runs[i].width
	}
	return runs
}

// simpleRuns draws a glyph per rune, a run per face.
func simpleRuns(runes []rune, isBold bool) []textRun {
	var runs []textRun
	x := 0.0
	start := 0
	for i, r := range runes {
		t, g, adv := runeGlyph(r, isBold)
		if len(runs) == 0 || runs[len(runs)-1].face != t {
			if len(runs) > 0 {
				runs[len(runs)-1].text = string(runes[start:i])
			}
			runs = append(runs, textRun{face: t, x: x})
			start = i
		}
		run := &runs[len(runs)-1]
		run.glyphs = append(run.glyphs, placedGlyph{id: g, x: run.width})
		run.width += adv
		x += adv
	}
	if len(runs) > 0 {
		runs[len(runs)-1].text = string(runes[start:])
	}
	return runs
}

// mirrored is a run of per-rune glyphs put right to left.
func mirrored(run textRun) textRun {
	out := make([]placedGlyph, len(run.glyphs))
	for i, g := range run.glyphs {
		next := run.width
		if i+1 < len(run.glyphs) {
			next = run.glyphs[i+1].x
		}
		out[len(out)-1-i] = placedGlyph{id: g.id, x: run.width - next}
	}
	run.glyphs, run.shaped = out, true
	return run
}

// bidiLevels are the runes' embedding levels in a left-to-right paragraph (even: left to
// right, odd: right to left).
func bidiLevels(runes []rune) []int {
	base := fribidi.ParType(fribidi.LTR)
	vis, _ := fribidi.LogicalToVisual(fribidi.DefaultFlags, runes, &base)
	levels := make([]int, len(runes))
	for i := range levels {
		if i < len(vis.EmbeddingLevels) {
			levels[i] = int(vis.EmbeddingLevels[i])
		}
	}
	return levels
}

// piece is a stretch of runes of one level and script, all in DejaVu or all not.
type piece struct {
	start, end int
	level      int
	script     language.Script
	fallback   bool
}

func pieces(runes []rune, levels []int, isBold bool) []piece {
	t := primaryFace(isBold)
	var out []piece
	for i, r := range runes {
		_, inFont := t.has(r)
		inFont = inFont || unicode.IsControl(r) || unicode.IsSpace(r) || complexRune(r) && !unicode.IsLetter(r)
		sc := language.LookupScript(r)
		common := sc == language.Common || sc == language.Inherited
		if n := len(out); n > 0 {
			p := &out[n-1]
			sameScript := common || p.script == sc || p.script == language.Common
			if p.level == levels[i] && p.fallback == !inFont && sameScript {
				p.end = i + 1
				if p.script == language.Common && !common {
					p.script = sc
				}
				continue
			}
		}
		if common {
			sc = language.Common
		}
		out = append(out, piece{start: i, end: i + 1, level: levels[i], script: sc, fallback: !inFont})
	}
	return out
}

// shapeRun shapes one piece with HarfBuzz; the whole line is its context, so letters
// join across pieces.
func shapeRun(runes []rune, p piece, t *typeface) textRun {
	dir := di.DirectionLTR
	if p.level%2 == 1 {
		dir = di.DirectionRTL
	}
	out := shaper.Shape(shaping.Input{Text: runes, RunStart: p.start, RunEnd: p.end, Direction: dir,
		Face: t.face, Size: fixed.I(int(t.upem)), Script: p.script})
	run := textRun{face: t, text: string(runes[p.start:p.end]), shaped: true}
	unit := 1 / (64 * t.upem)
	for _, g := range out.Glyphs {
		run.glyphs = append(run.glyphs, placedGlyph{id: g.GlyphID, x: run.width + float64(g.XOffset)*unit, y: -float64(g.YOffset) * unit})
		run.width += float64(g.Advance) * unit
	}
	return run
}

// reorder puts the runs in visual order (rule L2 of the bidirectional algorithm): from
// the highest level down to the lowest odd one, every stretch of runs at that level or
// above is reversed.
func reorder(runs []textRun, levels []int) {
	hi, lowOdd := 0, 1<<30
	for _, l := range levels {
		hi = max(hi, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for lvl := hi; lvl >= lowOdd; lvl-- {
		for i := 0; i < len(runs); {
			if levels[i] < lvl {
				i++
				continue
			}
			j := i
			for j < len(runs) && levels[j] >= lvl {
				j++
			}
			slices.Reverse(runs[i:j])
			slices.Reverse(levels[i:j])
			i = j
		}
	}
}

// lineWidth is the width in em of s laid out as one line. Call it with textMu held.
func lineWidth(s string, isBold bool) float64 {
	k := shapedKey{s, isBold}
	if w, ok := shapedWidths[k]; ok {
		return w
	}
	w := 0.0
	for _, r := range layoutText(s, isBold) {
		w += r.width
	}
	if len(shapedWidths) > 20000 {
		clear(shapedWidths)
	}
	shapedWidths[k] = w
	return w
}
