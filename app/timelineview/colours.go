package timelineview

import (
	"context"
	"fmt"
	"hash/fnv"
	"image/color"
	"math"

	"github.com/chronoscope/chronoscope/timeline"
)

// LaneColours maps a lane's name to the colour the case keeps for it. A lane missing
// from the map (an actor or a tag when grouping by them, or a lane written after the map
// was read) takes a palette colour chosen by its name, so it too keeps its colour
// whatever is filtered; events with no lane are grey.
type LaneColours map[string]color.NRGBA

// LaneOrder is each lane's place among the case's lanes (timeline.LaneInfo.Position),
// by name: the order View draws them in, from the top, unless sorted otherwise.
type LaneOrder map[string]int

// ReadLaneColours reads the lanes' colours from s when it keeps them (a
// timeline.LaneKeeper), else returns an empty map. A colour the case holds that does not
// parse is left out, so that lane falls back to its palette colour.
func ReadLaneColours(ctx context.Context, s any) (LaneColours, error) {
	c, _, err := ReadLanes(ctx, s)
	return c, err
}

// ReadLanes reads the lanes' colours (as ReadLaneColours) and their order from s; both
// are empty for a store that keeps no lanes.
func ReadLanes(ctx context.Context, s any) (LaneColours, LaneOrder, error) {
	out, order := LaneColours{}, LaneOrder{}
	k, ok := s.(timeline.LaneKeeper)
	if !ok {
		return out, order, nil
	}
	lanes, err := k.Lanes(ctx)
	if err != nil {
		return out, order, fmt.Errorf("read the lanes' colours: %w", err)
	}
	for _, l := range lanes {
		order[l.Name] = l.Position
		if c, err := timeline.ParseColour(l.Colour); err == nil {
			out[l.Name] = c
		}
	}
	return out, order, nil
}

// Of is the colour of the lane called name: the case's colour, grey for no lane, else a
// palette colour picked by the name alone (never by the lane's place on screen).
func (lc LaneColours) Of(name string) color.NRGBA {
	if c, ok := lc[name]; ok {
		return c
	}
	if name == "" || name == timeline.NoLane {
		return NoLaneColour
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	n := uint32(len(timeline.LanePalette) + len(timeline.LaneShades))
	c, _ := timeline.ParseColour(timeline.PaletteColour(int(h.Sum32() % n)))
	return c
}

// Shaded reports whether colour c is of the palette's second series
// (timeline.LaneShades): its lane's swatch is drawn with a pattern (dashed in the
// timeline's lane header, hollow in the list), so that it is told from the lane of the
// first series with the same hue.
func Shaded(c color.NRGBA) bool {
	return timeline.ShadeSeries(fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B))
}

// NoLaneColour is the grey of events with no lane: a middle grey, as readable on the
// light theme as on the dark one and unlike every palette colour.
var NoLaneColour = color.NRGBA{0x8c, 0x8c, 0x8c, 0xff}

// Highlight draws the events whose ids are in matches in full and dims every other one
// (a search in highlight mode keeps every event in view); nil draws all in full.
func (t *View) Highlight(matches map[string]bool) {
	t.matches = matches
	t.Refresh()
}

// SetLaneColours draws each lane in the colour the case keeps for it (see LaneColours).
func (t *View) SetLaneColours(c LaneColours) {
	t.colours = c
	t.Refresh()
}

// swatch draws the colour swatch of a lane's header in x0..x1, y0..y1: solid, or dashed
// for a colour of the second series (see Shaded).
func (p *painter) swatch(x0, y0, x1, y1 float64, c color.NRGBA) {
	if !Shaded(c) {
		p.rect(x0, y0, x1, y1, premultiply(c))
		return
	}
	dash := (y1 - y0) / 4
	for y := y0; y < y1; y += 2 * dash {
		p.rect(x0, y, x1, math.Min(y+dash, y1), premultiply(c))
	}
}
