package chart

import (
	"bytes"
	"encoding/binary"
	"os"
	"strconv"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/tdewolff/canvas"
)

// typeface is one font the images are drawn with, parsed by go-text/typesetting (which
// shapes with it and reads its outlines, TrueType or CFF). Its methods must be called
// with textMu held: a face caches as it is used.
type typeface struct {
	face *font.Face
	upem float64
	// ttf is the font file when a PDF can embed it (fpdf takes one font with TrueType
	// outlines, not a collection and not CFF), else nil; pdfName is its family there.
	ttf     []byte
	pdfName string
	glyphs  map[font.GID]*canvas.Path // outlines in em, y down
	runes   map[font.GID]rune         // the cmap backwards, built on first use
}

// textMu guards every typeface, the shaper and the caches of measure.go and shape.go.
var textMu sync.Mutex

var (
	facesOnce   sync.Once
	regularFace *typeface
	boldFace    *typeface
)

func loadFaces() {
	facesOnce.Do(func() {
		regularFace = mustFace(dejavusans.TTF, pdfFont)
		boldFace = mustFace(dejavusansbold.TTF, pdfFont)
	})
}

func mustFace(ttf []byte, pdfName string) *typeface {
	f, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		panic("chart: the built-in DejaVu font does not parse: " + err.Error())
	}
	return newTypeface(f, ttf, pdfName)
}

func newTypeface(f *font.Face, ttf []byte, pdfName string) *typeface {
	return &typeface{face: f, upem: float64(f.Upem()), ttf: ttf, pdfName: pdfName, glyphs: map[font.GID]*canvas.Path{}}
}

// primaryFace is DejaVu Sans, regular or bold: every chart is measured in it.
func primaryFace(isBold bool) *typeface {
	loadFaces()
	if isBold {
		return boldFace
	}
	return regularFace
}

// cjkFonts are where systems keep fonts for Chinese, Japanese and Korean; a rune DejaVu
// lacks is drawn from the first of them that has it. Debian's fonts-droid-fallback
// (Chinese, Japanese) and fonts-nanum (Korean) come first: single TrueType fonts that a
// PDF can embed, so the text stays text there; Noto CJK (CFF outlines, in a collection)
// and the others are drawn as outlines in a PDF.
var cjkFonts = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	"/System/Library/Fonts/PingFang.ttc",
	`C:\Windows\Fonts\msyh.ttc`,
}

// fallbackFont is one of cjkFonts, read on the first rune that the fonts before it lack.
type fallbackFont struct {
	path, pdfName string
	once          sync.Once
	face          *typeface // nil when the file is missing or no font
}

var fallbacks = func() []*fallbackFont {
	out := make([]*fallbackFont, len(cjkFonts))
	for i, path := range cjkFonts {
		out[i] = &fallbackFont{path: path, pdfName: "cjk" + strconv.Itoa(i)}
	}
	return out
}()

// fallbackFor is the first CJK font (the first face of a collection) that has a glyph
// for r, and the glyph; nil when none has.
func fallbackFor(r rune) (*typeface, font.GID) {
	for _, f := range fallbacks {
		f.once.Do(func() { f.face = readTypeface(f.path, f.pdfName) })
		if f.face == nil {
			continue
		}
		if g, ok := f.face.has(r); ok {
			return f.face, g
		}
	}
	return nil, 0
}

func readTypeface(path, pdfName string) *typeface {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	if f, err := font.ParseTTF(bytes.NewReader(b)); err == nil {
		if !trueTypeOutlines(b) {
			b = nil
		}
		return newTypeface(f, b, pdfName)
	}
	if fs, err := font.ParseTTC(bytes.NewReader(b)); err == nil && len(fs) > 0 {
		return newTypeface(fs[0], nil, "")
	}
	return nil
}

// trueTypeOutlines reports whether b is one font (not a collection) whose glyphs are
// TrueType outlines: the only kind fpdf embeds.
func trueTypeOutlines(b []byte) bool {
	if len(b) < 12 {
		return false
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && string(b[:4]) != "true" {
		return false
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := range n {
		at := 12 + 16*i
		if at+4 <= len(b) && string(b[at:at+4]) == "glyf" {
			return true
		}
	}
	return false
}

// has reports whether the face has a glyph of its own for r.
func (t *typeface) has(r rune) (font.GID, bool) {
	g, ok := t.face.NominalGlyph(r)
	return g, ok && g != 0
}

// advance is glyph g's width in em.
func (t *typeface) advance(g font.GID) float64 {
	return float64(t.face.HorizontalAdvance(g)) / t.upem
}

// outline is glyph g's path in em, its origin on the baseline, y down; nil for none.
func (t *typeface) outline(g font.GID) *canvas.Path {
	if p, ok := t.glyphs[g]; ok {
		return p
	}
	var p *canvas.Path
	if o, ok := t.face.GlyphData(g).(font.GlyphOutline); ok && len(o.Segments) > 0 {
		p = &canvas.Path{}
		k := 1 / t.upem
		pt := func(s font.SegmentPoint) (float64, float64) { return float64(s.X) * k, -float64(s.Y) * k }
		open := false
		for _, s := range o.Segments {
			switch s.Op {
			case ot.SegmentOpMoveTo:
				if open {
					p.Close()
				}
				p.MoveTo(pt(s.Args[0]))
				open = true
			case ot.SegmentOpLineTo:
				p.LineTo(pt(s.Args[0]))
			case ot.SegmentOpQuadTo:
				x1, y1 := pt(s.Args[0])
				x, y := pt(s.Args[1])
				p.QuadTo(x1, y1, x, y)
			case ot.SegmentOpCubeTo:
				x1, y1 := pt(s.Args[0])
				x2, y2 := pt(s.Args[1])
				x, y := pt(s.Args[2])
				p.CubeTo(x1, y1, x2, y2, x, y)
			}
		}
		if open {
			p.Close()
		}
	}
	t.glyphs[g] = p
	return p
}

// runeOf is a rune the font's cmap maps to glyph g (the lowest), so that a PDF library
// that writes text by runes draws exactly that glyph; false when no rune does (a
// ligature or a mark variant reached only by shaping).
func (t *typeface) runeOf(g font.GID) (rune, bool) {
	if t.runes == nil {
		t.runes = map[font.GID]rune{}
		it := t.face.Cmap.Iter()
		for it.Next() {
			r, gid := it.Char()
			if old, ok := t.runes[gid]; !ok || r < old {
				t.runes[gid] = r
			}
		}
	}
	r, ok := t.runes[g]
	return r, ok
}
