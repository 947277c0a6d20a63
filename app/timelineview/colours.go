package timelineview

import (
	"context"
	"fmt"
	"hash/fnv"
	"image/color"

	"github.com/chronoscope/chronoscope/timeline"
)

// LaneColours maps a lane's name to the colour the case keeps for it. A lane missing
// from the map (an actor or a tag when grouping by them, or a lane written after the map
// was read) takes a palette colour chosen by its name, so it too keeps its colour
// whatever is filtered; events with no lane are grey.
type LaneColours map[string]color.NRGBA

// ReadLaneColours reads the lanes' colours from s when it keeps them (a
// timeline.LaneKeeper), else returns an empty map. A colour the case holds that does not
// parse is left out, so that lane falls back to its palette colour.
func ReadLaneColours(ctx context.Context, s timeline.Store) (LaneColours, error) {
	out := LaneColours{}
	k, ok := s.(timeline.LaneKeeper)
	if !ok {
		return out, nil
	}
	lanes, err := k.Lanes(ctx)
	if err != nil {
		return out, fmt.Errorf("read the lanes' colours: %w", err)
	}
	for _, l := range lanes {
		if c, err := timeline.ParseColour(l.Colour); err == nil {
			out[l.Name] = c
		}
	}
	return out, nil
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
	c, _ := timeline.ParseColour(timeline.PaletteColour(int(h.Sum32() % uint32(len(timeline.LanePalette)))))
	return c
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
