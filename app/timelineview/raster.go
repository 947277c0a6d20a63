package timelineview

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
)

// premul is a colour with premultiplied alpha, packed as an image.RGBA pixel's four
// bytes read little-endian: R | G<<8 | B<<16 | A<<24. Fyne's GL driver uploads an
// image.RGBA as it is, so a picture painted in premul needs no conversion.
type premul uint32

// premultiply converts c to premul, each channel rounded to the nearest.
func premultiply(c color.NRGBA) premul {
	a := uint32(c.A)
	return premul(div255(uint32(c.R)*a) | div255(uint32(c.G)*a)<<8 | div255(uint32(c.B)*a)<<16 | a<<24)
}

// alpha is c's opacity, 0 to 255.
func (c premul) alpha() uint32 { return uint32(c) >> 24 }

// div255 is x/255 rounded to the nearest, for x up to 255·255, without a division.
func div255(x uint32) uint32 {
	x += 128
	return (x + x>>8) >> 8
}

// over is s drawn over d (Porter-Duff source over, premultiplied): each channel is
// s + d·(255-alpha(s))/255, two channels at a time in one multiplication each and
// rounded as div255, without a division. No channel can carry into the next: s's
// channels are at most its alpha.
func over(s, d premul) premul {
	k := 255 - s.alpha()
	rb := (uint32(d)&0x00ff00ff)*k + 0x00800080
	rb = (rb + rb>>8&0x00ff00ff) >> 8 & 0x00ff00ff
	ga := (uint32(d)>>8&0x00ff00ff)*k + 0x00800080
	ga = (ga + ga>>8&0x00ff00ff) & 0xff00ff00
	return s + premul(rb|ga)
}

// painter fills shapes given in Fyne units into a premultiplied image in pixels. It
// keeps a row of each solid colour it filled, per width, so a fill of an opaque colour
// or of a whole row is a copy.
type painter struct {
	img    *image.RGBA
	sx, sy float64
	solid  map[premul][]byte // a row of the image's width in each colour, for copies
	rows   []premul          // the background of each pixel row, for background
	ramp   []premul          // the columns' colours of a fade
	cover  []int32           // how many shapes start (+) and end (-) at each column, for stacks
}

// reset points p at img, scaled sx, sy pixels per unit, keeping its rows of solid
// colour while the width stays the same.
func (p *painter) reset(img *image.RGBA, sx, sy float64) {
	if p.img == nil || p.img.Rect.Dx() != img.Rect.Dx() || len(p.solid) > 64 {
		p.solid = map[premul][]byte{}
	}
	p.img, p.sx, p.sy = img, sx, sy
}

// solidRow is a row of the image's width in colour c.
func (p *painter) solidRow(c premul) []byte {
	row, ok := p.solid[c]
	if !ok {
		row = make([]byte, 4*p.img.Rect.Dx())
		for i := 0; i < len(row); i += 4 {
			binary.LittleEndian.PutUint32(row[i:], uint32(c))
		}
		p.solid[c] = row
	}
	return row
}

// background starts a picture: every pixel row is filled in one pass with what the
// full-width bands cover it with (each band is y0..y1 in units, drawn in order over the
// ones before), and transparent elsewhere. This is the clear, the axis, the lanes'
// stripes and the overview's ground without drawing a pixel twice.
func (p *painter) background(bands []band) {
	h := p.img.Rect.Dy()
	p.rows = append(p.rows[:0], make([]premul, h)...)
	for _, b := range bands {
		y0, y1 := p.pixelRows(b.y0, b.y1)
		for y := y0; y < y1; y++ {
			p.rows[y] = over(b.c, p.rows[y])
		}
	}
	w := 4 * p.img.Rect.Dx()
	for y, c := range p.rows {
		row := p.img.Pix[y*p.img.Stride : y*p.img.Stride+w]
		if c == 0 {
			clear(row)
		} else {
			copy(row, p.solidRow(c))
		}
	}
}

// band is a full-width horizontal band of the background, y0..y1 in units.
type band struct {
	y0, y1 float64
	c      premul
}

// pixelRows is the pixel rows a shape from y0 to y1 units covers, within the image.
func (p *painter) pixelRows(y0, y1 float64) (int, int) {
	h := p.img.Rect.Dy()
	return clampInt(int(math.Floor(y0*p.sy)), 0, h), clampInt(int(math.Ceil(y1*p.sy)), 0, h)
}

func (p *painter) rect(x0, y0, x1, y1 float64, c premul) {
	p.clipRect(x0, y0, x1, y1, c, math.Inf(-1), math.Inf(1))
}

// clipRect fills x0..x1, y0..y1 (units) clipped to top..bottom with c: every pixel the
// rectangle touches, and at least one column, so that no mark narrower than a pixel is
// lost.
func (p *painter) clipRect(x0, y0, x1, y1 float64, c premul, top, bottom float64) {
	if c.alpha() == 0 {
		return
	}
	px0, px1 := p.pixelCols(x0, x1)
	py0, py1 := p.pixelRows(math.Max(y0, top), math.Min(y1, bottom))
	p.fill(px0, px1, py0, py1, c)
}

// pixelCols is the pixel columns a shape from x0 to x1 units covers, within the image,
// and at least one when it is narrower than a pixel.
func (p *painter) pixelCols(x0, x1 float64) (int, int) {
	w := p.img.Rect.Dx()
	px0 := clampInt(int(math.Floor(x0*p.sx)), 0, w)
	px1 := clampInt(int(math.Ceil(x1*p.sx)), 0, w)
	if px1 <= px0 && x1 > x0 && px0 < w {
		px1 = px0 + 1
	}
	return px0, px1
}

// fill draws c over the pixels px0..px1, py0..py1.
func (p *painter) fill(px0, px1, py0, py1 int, c premul) {
	if px1 <= px0 {
		return
	}
	for y := py0; y < py1; y++ {
		row := p.img.Pix[y*p.img.Stride+px0*4 : y*p.img.Stride+px1*4]
		if c.alpha() == 0xff {
			copy(row, p.solidRow(c))
			continue
		}
		blendRow(row, c)
	}
}

// blendRow draws c over every pixel of row, two pixels at a time: over's arithmetic
// with the four channels of two pixels in the 16-bit lanes of one word.
func blendRow(row []byte, c premul) {
	k := uint64(255 - c.alpha())
	s2 := uint64(c) | uint64(c)<<32
	const lanes, half = 0x00ff00ff00ff00ff, 0x0080008000800080
	// Runs of equal pixels (a ground, a band) are the rule: the last result is kept.
	var lastIn, lastOut uint64
	i := 0
	for ; i+8 <= len(row); i += 8 {
		d := binary.LittleEndian.Uint64(row[i:])
		if d != lastIn || i == 0 {
			rb := (d&lanes)*k + half
			rb = (rb + rb>>8&lanes) >> 8 & lanes
			ga := (d>>8&lanes)*k + half
			ga = (ga + ga>>8&lanes) & (lanes << 8)
			lastIn, lastOut = d, s2+(rb|ga)
		}
		binary.LittleEndian.PutUint64(row[i:], lastOut)
	}
	if i+4 <= len(row) {
		binary.LittleEndian.PutUint32(row[i:], uint32(over(c, premul(binary.LittleEndian.Uint32(row[i:])))))
	}
}

// fade fills x0..x1 with c at an alpha going from a0 at x0 to a1 at x1, each pixel
// column's colour drawn over the colour under (0: over what is there alone) as one
// blend: the columns' colours are worked out once, then blended row by row.
func (p *painter) fade(x0, x1, y0, y1 float64, c color.NRGBA, a0, a1 float64, under premul, top, bottom float64) {
	px0, px1 := p.pixelCols(math.Max(x0, -1/p.sx), x1)
	py0, py1 := p.pixelRows(math.Max(y0, top), math.Min(y1, bottom))
	if x1 <= x0 || px1 <= px0 || py1 <= py0 {
		return
	}
	p.ramp = p.ramp[:0]
	for px := px0; px < px1; px++ {
		x := (float64(px) + 0.5) / p.sx // the column's middle
		a := a0 + (a1-a0)*(x-x0)/(x1-x0)
		col := withAlpha(c, uint8(math.Round(math.Min(math.Max(a, 0), 255))))
		p.ramp = append(p.ramp, over(premultiply(col), under))
	}
	for y := py0; y < py1; y++ {
		row := p.img.Pix[y*p.img.Stride+px0*4 : y*p.img.Stride+px1*4]
		for i, col := range p.ramp {
			d := premul(binary.LittleEndian.Uint32(row[4*i:]))
			binary.LittleEndian.PutUint32(row[4*i:], uint32(over(col, d)))
		}
	}
}

// dashes draws a dashed horizontal line over x0..x1.
func (p *painter) dashes(x0, x1, y0, y1 float64, c premul, top, bottom float64) {
	for x := x0; x < x1; x += 6 {
		p.clipRect(x, y0, math.Min(x+3, x1), y1, c, top, bottom)
	}
}

func (p *painter) diamond(cx, cy, r float64, c premul, top, bottom float64) {
	for dy := -r; dy <= r; dy += 1 / p.sy {
		half := r - math.Abs(dy)
		p.clipRect(cx-half, cy+dy, cx+half, cy+dy+1/p.sy, c, top, bottom)
	}
}

func (p *painter) diamondOutline(cx, cy, r float64, c premul, top, bottom float64) {
	for dy := -r; dy <= r; dy += 1 / p.sy {
		half := r - math.Abs(dy)
		p.clipRect(cx-half, cy+dy, cx-half+1.6, cy+dy+1/p.sy, c, top, bottom)
		p.clipRect(cx+half-1.6, cy+dy, cx+half, cy+dy+1/p.sy, c, top, bottom)
	}
}

func clampInt(v, lo, hi int) int { return min(max(v, lo), hi) }

func toNRGBA(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// withAlpha is c at a/255 of its opacity.
func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = uint8(uint32(c.A) * uint32(a) / 255)
	return c
}

// faded is c at a/255 of its opacity, premultiplied.
func faded(c color.NRGBA, a uint8) premul { return premultiply(withAlpha(c, a)) }

// stackStart begins a stack: shapes of one colour over the same rows, added with
// stackAdd and drawn with stackDraw, where n of them overlap drawn as the colour
// stacked n times, in one blend per pixel however many there are.
func (p *painter) stackStart() {
	p.cover = append(p.cover[:0], make([]int32, p.img.Rect.Dx()+1)...)
}

// stackAdd adds x0..x1 (units) to the stack.
func (p *painter) stackAdd(x0, x1 float64) {
	if px0, px1 := p.pixelCols(x0, x1); px1 > px0 {
		p.cover[px0]++
		p.cover[px1]--
	}
}

// stackDraw draws the stack in c over rows y0..y1 clipped to top..bottom.
func (p *painter) stackDraw(y0, y1 float64, c premul, top, bottom float64) {
	py0, py1 := p.pixelRows(math.Max(y0, top), math.Min(y1, bottom))
	n, from := int32(0), 0
	for x, d := range p.cover {
		if d == 0 {
			continue
		}
		if n > 0 {
			p.fill(from, x, py0, py1, stacked(c, n))
		}
		n, from = n+d, x
	}
}

// stacked is c drawn over itself n times: one colour, as src-over is associative.
func stacked(c premul, n int32) premul {
	s := c
	for i := int32(1); i < min(n, 32) && s.alpha() < 0xff; i++ {
		s = over(c, s)
	}
	return s
}

// bars draws a bar chart in c: column i, w units wide from i·w, rises from base to
// base - levels[i]·full (units), clipped to top..bottom. It is drawn a pixel row at a
// time, each row's runs of covered columns in one blend: the same pixels as a rectangle
// per column, without a call per column and row.
func (p *painter) bars(levels []float32, w, base, full float64, c premul, top, bottom float64) {
	_, pyEnd := p.pixelRows(base, math.Min(base, bottom))
	// The first pixel row of each pixel column's bar, pyEnd where there is none.
	from := append(p.cover[:0], make([]int32, p.img.Rect.Dx())...)
	for i := range from {
		from[i] = int32(pyEnd)
	}
	pyTop := pyEnd
	for i, lv := range levels {
		if lv <= 0 {
			continue
		}
		x := float64(i) * w
		px0, px1 := p.pixelCols(x, x+w)
		py0, _ := p.pixelRows(math.Max(base-float64(lv)*full, top), base)
		for px := px0; px < px1; px++ {
			from[px] = min(from[px], int32(py0))
		}
		pyTop = min(pyTop, py0)
	}
	p.cover = from
	for y := pyTop; y < pyEnd; y++ {
		row := p.img.Pix[y*p.img.Stride:]
		for x := 0; x < len(from); {
			if from[x] > int32(y) {
				x++
				continue
			}
			end := x + 1
			for end < len(from) && from[end] <= int32(y) {
				end++
			}
			blendRow(row[4*x:4*end], c)
			x = end
		}
	}
}
