package chart

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"strconv"

	"github.com/chronoscope/chronoscope/timeline"
)

// drawing is an export's charts drawn by ECharts and cleaned, one under another: the
// tree an SVG is written from and a PNG or PDF is painted from.
type drawing struct {
	job    *job
	charts []chartData
	trees  []*node
	width  int
	height int
}

// draw builds and draws every chart of opt.Kind.
func draw(events iter.Seq[timeline.Event], opt Options) (*drawing, error) {
	j, charts, err := build(events, opt)
	if err != nil {
		return nil, err
	}
	e, err := sharedEngine()
	if err != nil {
		return nil, err
	}
	d := &drawing{job: j, charts: charts, width: int(j.width)}
	for i, c := range charts {
		svg, err := e.render(c.json, c.spec.Width, c.spec.Height)
		if err != nil {
			return nil, err
		}
		tree, err := parseSVG(svg)
		if err != nil {
			return nil, err
		}
		renameIDs(tree, "c"+strconv.Itoa(i)+"-")
		d.trees = append(d.trees, tree)
		d.height += c.spec.Height
	}
	return d, nil
}

// svg is the whole drawing as one SVG tree.
func (d *drawing) svg() *node {
	heights := make([]int, len(d.charts))
	for i, c := range d.charts {
		heights[i] = c.spec.Height
	}
	return stack(d.trees, heights, d.width)
}

// RenderSVG writes the charts of opt.Kind as one SVG document: a vector drawing with real
// text, the charts one under another (the report's charts without its table). It is drawn
// by ECharts, the same options as the HTML page, inside the binary: no browser, no
// network. The SVG keeps only drawing elements and presentation attributes: no script, no
// event handler, no style sheet, no link and no reference outside the file, so it is safe
// to open and to paste into a document whatever the events' text.
func RenderSVG(w io.Writer, events iter.Seq[timeline.Event], opt Options) error {
	d, err := draw(events, opt)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	writeSVG(&b, d.svg())
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write the SVG: %w", err)
	}
	return nil
}
