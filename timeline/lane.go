package timeline

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
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

// LanePalette is the colours new lanes take, in order and then again: the Okabe-Ito
// colours (without black), told apart by readers with any common colour-vision
// deficiency and readable on light and dark backgrounds.
var LanePalette = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"}

// PaletteColour is the colour of the lane at position i of a case.
func PaletteColour(i int) string {
	if i < 0 {
		i = -i
	}
	return LanePalette[i%len(LanePalette)]
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
