package app

import (
	"image"
	"image/color"
	"math"
)

// painter fills shapes given in Fyne units into an image in pixels, blending colours.
type painter struct {
	img    *image.NRGBA
	sx, sy float64
}

func (p *painter) rect(x0, y0, x1, y1 float64, c color.NRGBA) {
	p.clipRect(x0, y0, x1, y1, c, math.Inf(-1), math.Inf(1))
}

func (p *painter) clipRect(x0, y0, x1, y1 float64, c color.NRGBA, top, bottom float64) {
	y0, y1 = math.Max(y0, top), math.Min(y1, bottom)
	b := p.img.Bounds()
	px0 := clampInt(int(math.Floor(x0*p.sx)), 0, b.Dx())
	px1 := clampInt(int(math.Ceil(x1*p.sx)), 0, b.Dx())
	py0 := clampInt(int(math.Floor(y0*p.sy)), 0, b.Dy())
	py1 := clampInt(int(math.Ceil(y1*p.sy)), 0, b.Dy())
	if px1 <= px0 && x1 > x0 && px0 < b.Dx() {
		px1 = px0 + 1 // never lose a mark narrower than a pixel
	}
	for y := py0; y < py1; y++ {
		row := p.img.Pix[y*p.img.Stride:]
		for x := px0; x < px1; x++ {
			blend(row[x*4:x*4+4], c)
		}
	}
}

// fade fills x0..x1 with c at an alpha going from a0 at x0 to a1 at x1.
func (p *painter) fade(x0, x1, y0, y1 float64, c color.NRGBA, a0, a1 float64, top, bottom float64) {
	if x1 <= x0 {
		return
	}
	step := 1 / p.sx
	for x := math.Max(x0, -step); x < x1 && x*p.sx < float64(p.img.Bounds().Dx()); x += step {
		a := a0 + (a1-a0)*(x+step/2-x0)/(x1-x0)
		p.clipRect(x, y0, math.Min(x+step, x1), y1, withAlpha(c, uint8(math.Round(math.Min(math.Max(a, 0), 255)))), top, bottom)
	}
}

// dashes draws a dashed horizontal line over x0..x1.
func (p *painter) dashes(x0, x1, y0, y1 float64, c color.NRGBA, top, bottom float64) {
	for x := x0; x < x1; x += 6 {
		p.clipRect(x, y0, math.Min(x+3, x1), y1, c, top, bottom)
	}
}

func (p *painter) diamond(cx, cy, r float64, c color.NRGBA, top, bottom float64) {
	for dy := -r; dy <= r; dy += 1 / p.sy {
		half := r - math.Abs(dy)
		p.clipRect(cx-half, cy+dy, cx+half, cy+dy+1/p.sy, c, top, bottom)
	}
}

func (p *painter) diamondOutline(cx, cy, r float64, c color.NRGBA, top, bottom float64) {
	for dy := -r; dy <= r; dy += 1 / p.sy {
		half := r - math.Abs(dy)
		p.clipRect(cx-half, cy+dy, cx-half+1.6, cy+dy+1/p.sy, c, top, bottom)
		p.clipRect(cx+half-1.6, cy+dy, cx+half, cy+dy+1/p.sy, c, top, bottom)
	}
}

func blend(dst []byte, c color.NRGBA) {
	a := uint32(c.A)
	if a == 0xff {
		dst[0], dst[1], dst[2], dst[3] = c.R, c.G, c.B, 0xff
		return
	}
	da := uint32(dst[3])
	outA := a + da*(255-a)/255
	if outA == 0 {
		return
	}
	mix := func(s, d byte) byte {
		return byte((uint32(s)*a + uint32(d)*da*(255-a)/255) / outA)
	}
	dst[0], dst[1], dst[2], dst[3] = mix(c.R, dst[0]), mix(c.G, dst[1]), mix(c.B, dst[2]), byte(outA)
}

func clampInt(v, lo, hi int) int { return min(max(v, lo), hi) }

func toNRGBA(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = uint8(uint32(c.A) * uint32(a) / 255)
	return c
}
