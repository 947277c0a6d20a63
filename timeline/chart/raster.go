package chart

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"iter"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"

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
	c := canvas.New(float64(d.width), float64(d.height))
	ctx := canvas.NewContext(c)
	ctx.SetCoordSystem(canvas.CartesianIV)
	ctx.SetFillColor(canvas.White)
	ctx.DrawPath(0, 0, canvas.Rectangle(float64(d.width), float64(d.height)))
	p := newPainter(rasterSurface{ctx})
	y := 0.0
	for i, t := range d.trees {
		p.paint(t, 0, y)
		y += float64(d.heights[i])
	}
	return rasterizer.Draw(c, canvas.DPMM(scale), canvas.DefaultColorSpace), nil
}

// rasterSurface draws onto a canvas whose units are chart pixels; text is drawn from the
// glyphs' outlines.
type rasterSurface struct{ ctx *canvas.Context }

func (r rasterSurface) fill(p *canvas.Path, c color.RGBA, g *gradient) {
	r.ctx.ResetStyle()
	r.ctx.SetStrokeColor(canvas.Transparent)
	r.ctx.SetFillColor(premultiplied(c))
	if g != nil {
		lg := canvas.NewLinearGradient(canvas.Point{X: g.x1, Y: g.y1}, canvas.Point{X: g.x2, Y: g.y2})
		for _, s := range g.stops {
			lg.Add(s.at, premultiplied(s.c))
		}
		r.ctx.SetFillGradient(lg)
	}
	r.ctx.DrawPath(0, 0, p)
}

func (r rasterSurface) stroke(p *canvas.Path, c color.RGBA, width float64, dash []float64, capStyle, join string) {
	r.ctx.ResetStyle()
	r.ctx.SetFillColor(canvas.Transparent)
	r.ctx.SetStrokeColor(premultiplied(c))
	r.ctx.SetStrokeWidth(width)
	switch capStyle {
	case "round":
		r.ctx.SetStrokeCapper(canvas.RoundCap)
	case "square":
		r.ctx.SetStrokeCapper(canvas.SquareCap)
	}
	switch join {
	case "round":
		r.ctx.SetStrokeJoiner(canvas.RoundJoin)
	case "bevel":
		r.ctx.SetStrokeJoiner(canvas.BevelJoin)
	}
	if len(dash) > 0 {
		r.ctx.SetDashes(0, dash...)
	}
	r.ctx.DrawPath(0, 0, p)
}

func (r rasterSurface) text(s string, x, y, size float64, isBold bool, c color.RGBA, h *halo, m canvas.Matrix) {
	glyphs := outline(s, size, isBold)
	if h != nil { // the outline filled around the text: stroking glyphs trips the stroker
		d := h.width / 2
		for _, o := range [8][2]float64{{-d, 0}, {d, 0}, {0, -d}, {0, d}, {-d * .7, -d * .7}, {d * .7, -d * .7}, {-d * .7, d * .7}, {d * .7, d * .7}} {
			r.fill(glyphs.Copy().Transform(m.Translate(x+o[0], y+o[1])), h.c, nil)
		}
	}
	r.fill(glyphs.Transform(m.Translate(x, y)), c, nil)
}
