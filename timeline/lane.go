package timeline

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
	"strings"
)

// LaneInfo is what a case keeps about one lane: its colour and its place among the
// lanes. A lane gets them when its first event is written and keeps them whatever is
// filtered, searched or exported, so a lane looks the same in the window, the list, the
// PNG snapshot and every chart.
type LaneInfo struct {
	Name string
	// Colour is "#rrggbb".
	Colour string
	// Position orders the lanes (0 first); lanes are numbered in the order they appeared.
	Position int
}

// LanePalette is the colours the first seven lanes take, in order: the Okabe-Ito
// colours (without black), told apart by readers with any common colour-vision
// deficiency and readable on light and dark backgrounds.
var LanePalette = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"}

// LaneShades is the second series, for the eighth to the fourteenth lanes: the same hues
// moved in lightness, each chosen (from shades towards black, white and grey) so that
// under normal vision and simulated deuteranopia, protanopia and tritanopia it stays at
// least 9.6 CIELAB units from every colour of both series, with a contrast of at least
// 2:1 on the light and the dark theme's background (the palette's own yellow has 1.3:1
// on white). The window draws a lane of this series with a dashed swatch in its header
// and a hollow one in the list, so that it is told from the lane of its hue even where
// colour alone would not tell them apart. After fourteen lanes the colours repeat.
var LaneShades = []string{"#4095C5", "#B8913A", "#00573F", "#8A3D00", "#2F6380", "#DAA4C3", "#BEB75E"}

// PaletteColour is the colour of the lane at position i of a case: LanePalette, then
// LaneShades, then again.
func PaletteColour(i int) string {
	if i < 0 {
		i = -i
	}
	n := len(LanePalette)
	if i%(2*n) >= n {
		return LaneShades[i%n]
	}
	return LanePalette[i%n]
}

// ShadeSeries reports whether colour (#rrggbb, any case) is one of LaneShades: a lane of
// the second series, drawn with a patterned swatch.
func ShadeSeries(colour string) bool {
	for _, c := range LaneShades {
		if strings.EqualFold(c, colour) {
			return true
		}
	}
	return false
}

// LaneKeeper is the part of a store that keeps lanes' colours and order. Lanes lists
// every lane of the case by Position; SetLane changes one lane's colour or position.
type LaneKeeper interface {
	Lanes(ctx context.Context) ([]LaneInfo, error)
	SetLane(ctx context.Context, l LaneInfo) error
}

// ParseColour reads "#rrggbb" (or "#rgb"); the error names what is wrong.
func ParseColour(s string) (color.NRGBA, error) {
	bad := fmt.Errorf("%q is not a colour: write it as #rrggbb", s)
	if len(s) == 4 && s[0] == '#' {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, bad
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, bad
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, nil
}

// Validate checks a lane's colour; the error names the field.
func (l LaneInfo) Validate() error {
	if _, err := ParseColour(l.Colour); err != nil {
		return &FieldError{Field: "colour", Reason: err.Error()}
	}
	if l.Position < 0 {
		return &FieldError{Field: "position", Reason: "a lane's position is 0 or more"}
	}
	return nil
}
