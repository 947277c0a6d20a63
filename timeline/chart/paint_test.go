package chart

import (
	"image/color"
	"testing"
)

// Lines, polylines and polygons are painted, as a browser paints them (the calendar's
// cell lines and month borders are polylines).
func TestPaintLinesAndPolylines(t *testing.T) {
	tree, err := parseSVG(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">` +
		`<polyline points="0 10, 40 10" fill="none" stroke="#000000" stroke-width="2"/>` +
		`<line x1="30" y1="0" x2="30" y2="40" stroke="#000000" stroke-width="2"/>` +
		`<polygon points="0 30 10 30 10 40 0 40" fill="#ff0000"/></svg>`)
	if err != nil {
		t.Fatal(err)
	}
	d := &drawing{trees: []*node{tree}, heights: []int{40}, width: 40, height: 40}
	img, err := d.raster(1)
	if err != nil {
		t.Fatal(err)
	}
	dark := func(x, y int) bool { r, g, b, _ := img.At(x, y).RGBA(); return r < 0x4000 && g < 0x4000 && b < 0x4000 }
	if !dark(5, 10) || !dark(30, 20) {
		t.Error("the polyline or the line is not painted")
	}
	if dark(5, 3) || dark(20, 20) {
		t.Error("paint where nothing is drawn")
	}
	if c := color.RGBAModel.Convert(img.At(5, 35)).(color.RGBA); c.R < 0xc0 || c.G > 0x40 {
		t.Errorf("the polygon is not filled red: %v", c)
	}
}
