package chart

import (
	"math"
	"strings"
)

// Long labels are drawn in full on up to labelLines lines, never shortened: a title
// wider than a label may be is broken at spaces into lines of about even width, and the
// label takes as many rows of its lane as its lines need.
const (
	labelLines     = 4    // at most; a title that needs more is one line, or counted in "+N more"
	labelLineH     = 14.0 // pixels between the lines of a label
	labelMinWrapW  = 220.0
	labelMaxWrapW  = 420.0
	labelWrapShare = 0.6 // of the plot's width, within the two bounds above
)

// labelWrapWidth is how wide one line of a label may be before it is wrapped, for a plot
// plotW pixels wide.
func labelWrapWidth(plotW float64) float64 {
	return min(max(plotW*labelWrapShare, labelMinWrapW), labelMaxWrapW)
}

// wrapLabel breaks a title into the lines its label is drawn on: one line when it is at
// most maxW pixels wide, else at most labelLines lines of about equal width broken at
// spaces (a word is never broken, so a line may be wider than maxW). Nothing is left out:
// the lines joined by spaces are the title with its runs of spaces made one. A title of
// one word stays one line; a very long one makes lines wider than maxW.
func wrapLabel(title string, maxW float64) []string {
	whole := textWidth(title, labelSize, false)
	if whole <= maxW {
		return []string{title}
	}
	words := splitSpaces(title)
	n := min(int(math.Ceil(whole/maxW)), labelLines)
	if len(words) < 2 || n < 2 {
		return []string{title}
	}
	space := textWidth(" ", labelSize, false)
	widths := make([]float64, len(words))
	for i, w := range words {
		widths[i] = textWidth(w, labelSize, false)
	}
	// The narrowest width that puts the words on n lines, found by bisection between an
	// even share of the whole and the whole.
	fits := func(w float64) bool { return len(breakWords(widths, space, w)) <= n }
	lo, hi := whole/float64(n), whole+1
	for range 24 {
		mid := (lo + hi) / 2
		if fits(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	breaks := breakWords(widths, space, hi)
	lines := make([]string, 0, len(breaks))
	start := 0
	for _, end := range breaks {
		lines = append(lines, strings.Join(words[start:end], " "))
		start = end
	}
	return lines
}

// breakWords fills lines of at most w pixels greedily with words of the given widths and
// returns where each line ends (an index past its last word). A word wider than w has a
// line of its own.
func breakWords(widths []float64, space, w float64) []int {
	var ends []int
	line := -1.0
	for i, ww := range widths {
		if line >= 0 && line+space+ww <= w {
			line += space + ww
			continue
		}
		if line >= 0 {
			ends = append(ends, i)
		}
		line = ww
	}
	return append(ends, len(widths))
}

// labelRows is how many rows of a lane a label of n lines takes.
func labelRows(n int) int {
	return max(int(math.Ceil(float64(n)*labelLineH/rowHeight)), 1)
}

// widest is the width of the widest line.
func widest(lines []string) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, labelSize, false))
	}
	return w
}
