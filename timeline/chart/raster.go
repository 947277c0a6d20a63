package chart

import (
	"fmt"
	"image"
	"image/color"
	imagedraw "image/draw"
	"image/png"
	"io"
	"iter"
	"math"

	"github.com/tdewolff/canvas"
	"golang.org/x/image/vector"

	"github.com/chronoscope/chronoscope/timeline"
)

// maxPixels bounds a PNG (about 1.6 GB of memory while drawn); a bigger one is drawn at a
// lower scale.
const maxPixels = 400_000_000

// RenderPNG writes the charts of opt.Kind as one PNG: the drawing RenderSVG writes,
// rasterised in Go (tdewolff/canvas) with the DejaVu Sans the charts are measured in
// (text shaped and ordered as a browser would, CJK from the system's fonts: shape.go), at
// opt.Scale pixels per chart pixel (DefaultScale when 0). The image is opaque, white
// under the charts.
func RenderPNG(w io.Writer, events iter.Seq[timeline.Event], opt Options) error {
	return writePNG(w, collect(events), opt)
}

func writePNG(w io.Writer, s *summary, opt Options) error {
	d, err := draw(s, opt)
	if err != nil {
		return err
	}
	img, err := d.raster(pngScale(opt.Scale, d.width, d.height))
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(w, img); err != nil {
		return fmt.Errorf("write the PNG: %w", err)
	}
	return nil
}

// pngScale is the scale asked for, within 0.25 to MaxScale and lowered to keep the image
// under maxPixels.
func pngScale(scale float64, w, h int) float64 {
	if scale == 0 {
		scale = DefaultScale
	}
	scale = min(max(scale, 0.25), MaxScale)
	for scale > 0.25 && scale*scale*float64(w)*float64(h) > maxPixels {
		scale /= 2
	}
	return scale
}

// raster paints the drawing at scale pixels per chart pixel. A panic inside the
// rasteriser becomes an error: a chart that cannot be drawn must not stop the program.
func (d *drawing) raster(scale float64) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("chart: rasterise the PNG: %v", r)
		}
	}()
	w, h := int(float64(d.width)*scale+0.5), int(float64(d.height)*scale+0.5)
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("chart: rasterise the PNG: an empty image (%d × %d)", w, h)
	}
	rgba := image.NewRGBA(image.Rect(0, 0, w, h))
	imagedraw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, imagedraw.Src)
	p := newPainter(&rasterSurface{img: rgba, scale: scale})
	y := 0.0
	for i, t := range d.trees {
		p.paint(t, 0, y)
		y += float64(d.heights[i])
	}
	return rgba, nil
}

// rasterSurface paints onto an image, scale pixels per chart pixel, with
// golang.org/x/image/vector: each shape is flattened by tdewolff/canvas and its coverage
// accumulated over its own bounds only, then composited over what is below (source
// over, in sRGB as a browser does), so the cost of a shape follows its size and edges,
// not the image's height. Text is drawn from the glyphs' outlines.
type rasterSurface struct {
	img   *image.RGBA
	scale float64
	ras   vector.Rasterizer
}

func (r *rasterSurface) fill(p *canvas.Path, c color.RGBA, g *gradient) {
	r.cover(p.Copy().Transform(canvas.Identity.Scale(r.scale, r.scale)), c, g) // the painter may stroke p next
}

// cover fills p, in the image's pixels, with c or the gradient; it changes p.
func (r *rasterSurface) cover(p *canvas.Path, c color.RGBA, g *gradient) {
	if p.Empty() {
		return
	}
	b := p.FastBounds()
	box := image.Rect(int(math.Floor(b.X0)), int(math.Floor(b.Y0)), int(math.Ceil(b.X1))+1, int(math.Ceil(b.Y1))+1).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	r.ras.Reset(box.Dx(), box.Dy())
	// ToVectorRasterizer flips y about the rasteriser's height: flip first, so that the
	// shape lands y down with box's corner at the origin.
	p.Transform(canvas.Identity.Translate(-float64(box.Min.X), float64(box.Dy()+box.Min.Y)).Scale(1, -1)).
		ToVectorRasterizer(&r.ras, canvas.DPMM(1))
	var src image.Image = image.NewUniform(premultiplied(c))
	if g != nil {
		src = &gradientImage{g: g, scale: r.scale}
	}
	r.ras.Draw(r.img, box, src, box.Min)
}

func (r *rasterSurface) stroke(p *canvas.Path, c color.RGBA, width float64, dash []float64, capStyle, join string) {
	var capper canvas.Capper = canvas.ButtCap
	switch capStyle {
	case "round":
		capper = canvas.RoundCap
	case "square":
		capper = canvas.SquareCap
	}
	var joiner canvas.Joiner = canvas.MiterJoin
	switch join {
	case "round":
		joiner = canvas.RoundJoin
	case "bevel":
		joiner = canvas.BevelJoin
	}
	if len(dash) > 0 {
		offset, d := canvas.ScaleDash(width, 0, dash)
		p = p.Dash(offset, d...)
	}
	outline := p.Stroke(width, capper, joiner, canvas.PixelTolerance/r.scale)
	r.cover(outline.Transform(canvas.Identity.Scale(r.scale, r.scale)), c, nil)
}

func (r *rasterSurface) text(s string, x, y, size float64, isBold bool, c color.RGBA, h *halo, m canvas.Matrix) {
	glyphs := outline(s, size, isBold)
	if h != nil { // the outline filled around the text: stroking glyphs trips the stroker
		d := h.width / 2
		for _, o := range [8][2]float64{{-d, 0}, {d, 0}, {0, -d}, {0, d}, {-d * .7, -d * .7}, {d * .7, -d * .7}, {-d * .7, d * .7}, {d * .7, d * .7}} {
			r.fill(glyphs.Copy().Transform(m.Translate(x+o[0], y+o[1])), h.c, nil)
		}
	}
	r.fill(glyphs.Transform(m.Translate(x, y)), c, nil)
}

// gradientImage is a linear gradient as an image in the raster's pixels, premultiplied.
type gradientImage struct {
	g     *gradient
	scale float64
}

func (gi *gradientImage) ColorModel() color.Model { return color.RGBAModel }

func (gi *gradientImage) Bounds() image.Rectangle {
	return image.Rect(-1<<30, -1<<30, 1<<30, 1<<30)
}

func (gi *gradientImage) At(x, y int) color.Color {
	g := gi.g
	px, py := (float64(x)+0.5)/gi.scale, (float64(y)+0.5)/gi.scale
	dx, dy := g.x2-g.x1, g.y2-g.y1
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = ((px-g.x1)*dx + (py-g.y1)*dy) / l
	}
	return premultiplied(gradientAt(g.stops, t))
}

// gradientAt is the colour at t (0 to 1) between the stops, in order of their offsets.
func gradientAt(stops []gradientStop, t float64) color.RGBA {
	if len(stops) == 0 {
		return color.RGBA{}
	}
	if t <= stops[0].at {
		return stops[0].c
	}
	for i := 1; i < len(stops); i++ {
		if a, b := stops[i-1], stops[i]; t <= b.at {
			f := 0.0
			if b.at > a.at {
				f = (t - a.at) / (b.at - a.at)
			}
			mix := func(u, v uint8) uint8 { return uint8(math.Round(float64(u) + (float64(v)-float64(u))*f)) }
			return color.RGBA{R: mix(a.c.R, b.c.R), G: mix(a.c.G, b.c.G), B: mix(a.c.B, b.c.B), A: mix(a.c.A, b.c.A)}
		}
	}
	return stops[len(stops)-1].c
}
