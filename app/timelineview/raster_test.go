package timelineview

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"
)

// channel is channel i (0 R, 1 G, 2 B, 3 A) of c.
func channel(c premul, i int) uint32 { return uint32(c) >> (8 * i) & 0xff }

// TestOverIsSourceOver checks the division-free blend against the formula it stands
// for, on every alpha and every value under it: each channel of s over d is
// s + d·(255-alpha(s))/255 rounded to the nearest.
func TestOverIsSourceOver(t *testing.T) {
	for a := uint32(0); a <= 255; a++ {
		for d := uint32(0); d <= 255; d++ {
			sc := a * 2 / 3 // a premultiplied channel: never above its alpha
			s := premul(sc | sc<<8 | sc<<16 | a<<24)
			dst := premul(d | (255-d)<<8 | d/2<<16 | d<<24)
			got := over(s, dst)
			for i := 0; i < 4; i++ {
				want := channel(s, i) + uint32(math.Round(float64(channel(dst, i))*float64(255-a)/255))
				if channel(got, i) != want {
					t.Fatalf("alpha %d, under %08x: channel %d = %d, want %d", a, uint32(dst), i, channel(got, i), want)
				}
			}
		}
	}
}

// TestPremultiply checks that a colour's channels are scaled by its alpha, rounded.
func TestPremultiply(t *testing.T) {
	for _, c := range []color.NRGBA{{0xff, 0x80, 0x00, 0xff}, {0xff, 0x80, 0x10, 0x80}, {0x21, 0x21, 0x21, 9}, {1, 2, 3, 0}} {
		p := premultiply(c)
		for i, v := range []uint8{c.R, c.G, c.B} {
			if want := uint32(math.Round(float64(v) * float64(c.A) / 255)); channel(p, i) != want {
				t.Errorf("%v: channel %d = %d, want %d", c, i, channel(p, i), want)
			}
		}
		if channel(p, 3) != uint32(c.A) {
			t.Errorf("%v: alpha %d", c, channel(p, 3))
		}
	}
}

// TestBlendRowIsOverEachPixel checks the two-pixels-a-word blend of a row, odd lengths
// included, against over pixel by pixel.
func TestBlendRowIsOverEachPixel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 40; n++ {
		for _, c := range []premul{premultiply(color.NRGBA{0x10, 0x80, 0xf0, 150}), premultiply(color.NRGBA{0xff, 0xff, 0xff, 1}), 0} {
			// Pixels from a few values, so that runs of equal pairs (kept results) and
			// changes both occur.
			var values [3]premul
			for i := range values {
				values[i] = premultiply(color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256))})
			}
			row := make([]byte, 4*n)
			for i := 0; i < n; i++ {
				binary.LittleEndian.PutUint32(row[4*i:], uint32(values[rng.IntN(len(values))]))
			}
			want := make([]premul, n)
			for i := range want {
				want[i] = over(c, premul(binary.LittleEndian.Uint32(row[4*i:])))
			}
			blendRow(row, c)
			for i := range want {
				if got := premul(binary.LittleEndian.Uint32(row[4*i:])); got != want[i] {
					t.Fatalf("row of %d, colour %08x: pixel %d = %08x, want %08x", n, uint32(c), i, uint32(got), uint32(want[i]))
				}
			}
		}
	}
}

// testPainter is a painter over a new w x h image at one pixel per unit.
func testPainter(w, h int) *painter {
	p := &painter{}
	p.reset(image.NewRGBA(image.Rect(0, 0, w, h)), 1, 1)
	return p
}

// TestBarsAreOneRectPerColumn checks that a density band drawn row by row covers and
// colours the pixels a rectangle per column would, clipping included.
func TestBarsAreOneRectPerColumn(t *testing.T) {
	const w, h = 64, 40
	rng := rand.New(rand.NewPCG(3, 4))
	levels := make([]float32, w/2)
	for i := range levels {
		if rng.IntN(4) > 0 {
			levels[i] = rng.Float32()
		}
	}
	c := premultiply(color.NRGBA{0x20, 0x90, 0xe0, 150})
	for _, clip := range [][2]float64{{0, h}, {12, 30}} {
		got, want := testPainter(w, h), testPainter(w, h)
		for _, p := range []*painter{got, want} {
			p.background([]band{{0, h, premultiply(color.NRGBA{0, 0, 0, 9})}})
		}
		got.bars(levels, 2, 34.5, 30, c, clip[0], clip[1])
		for i, lv := range levels {
			if lv > 0 {
				x := float64(i) * 2
				want.clipRect(x, 34.5-float64(lv)*30, x+2, 34.5, c, clip[0], clip[1])
			}
		}
		if string(got.img.Pix) != string(want.img.Pix) {
			t.Errorf("clipped to %v: the bars differ from a rectangle per column", clip)
		}
	}
}

// TestStackIsRepeatedBlend checks that overlapping spans drawn as a stack look as when
// each is blended in turn, within the rounding of one blend per layer.
func TestStackIsRepeatedBlend(t *testing.T) {
	const w, h = 80, 6
	spans := [][2]float64{{0, 50}, {10, 70}, {10, 20}, {15.5, 16.2}, {30, 80}, {30, 80}, {30, 80}, {30, 80}, {60, 60.3}}
	c := premultiply(color.NRGBA{0xe0, 0x60, 0x10, 200})
	got, want := testPainter(w, h), testPainter(w, h)
	for _, p := range []*painter{got, want} {
		p.background([]band{{0, h, premultiply(color.NRGBA{0x30, 0x30, 0x30, 40})}})
	}
	got.stackStart()
	for _, s := range spans {
		got.stackAdd(s[0], s[1])
		want.clipRect(s[0], 1, s[1], 3.5, c, 0, h)
	}
	got.stackDraw(1, 3.5, c, 0, h)
	for i := range got.img.Pix {
		if d := int(got.img.Pix[i]) - int(want.img.Pix[i]); d < -len(spans) || d > len(spans) {
			t.Fatalf("byte %d (pixel %d, %d): %d, want %d", i, i/4%w, i/4/w, got.img.Pix[i], want.img.Pix[i])
		}
	}
}

// TestBackgroundIsBandsInOrder checks that the background fills each pixel row with
// its bands blended in order, and leaves other rows transparent.
func TestBackgroundIsBandsInOrder(t *testing.T) {
	a, b := premultiply(color.NRGBA{0x10, 0x10, 0x10, 30}), premultiply(color.NRGBA{0xf0, 0x20, 0x20, 90})
	p := testPainter(10, 8)
	p.img.Pix[0] = 0xff // a picture painted before: cleared
	p.background([]band{{0, 4, a}, {2.5, 6, b}})
	for y, want := range []premul{a, a, over(b, a), over(b, a), b, b, 0, 0} {
		for x := 0; x < 10; x++ {
			if got := premul(binary.LittleEndian.Uint32(p.img.Pix[4*(y*10+x):])); got != want {
				t.Fatalf("pixel %d, %d = %08x, want %08x", x, y, uint32(got), uint32(want))
			}
		}
	}
}
