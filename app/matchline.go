package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// piece is a run of a matchLine's text: matched words are bold in the theme's primary
// colour, quoted excerpts italic.
type piece struct {
	text           string
	matched, quote bool
}

// matchLine is the list's title cell: one line of pieces, cut with an ellipsis where it
// meets its width (a RichText cuts each of its pieces on its own and lets the line run
// over what lies to its right).
type matchLine struct {
	widget.BaseWidget
	pieces []piece
}

func newMatchLine() *matchLine {
	m := &matchLine{}
	m.ExtendBaseWidget(m)
	return m
}

// SetPieces shows pieces.
func (m *matchLine) SetPieces(p []piece) {
	m.pieces = p
	m.Refresh()
}

// Text is the line's whole text, uncut.
func (m *matchLine) Text() string {
	s := ""
	for _, p := range m.pieces {
		s += p.text
	}
	return s
}

// CreateRenderer is part of the widget interface.
func (m *matchLine) CreateRenderer() fyne.WidgetRenderer {
	return &matchLineRenderer{m: m}
}

type matchLineRenderer struct {
	m     *matchLine
	texts []*canvas.Text
}

func (r *matchLineRenderer) Destroy() {}

func (r *matchLineRenderer) Objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(r.texts))
	for i, t := range r.texts {
		out[i] = t
	}
	return out
}

// MinSize is one line of text with a label's padding; the width of an ellipsis.
func (r *matchLineRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	h := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	w := fyne.MeasureText("\u2026", theme.TextSize(), fyne.TextStyle{}).Width
	return fyne.NewSize(w+2*pad, h+2*pad)
}

// Layout places the pieces one after the other, the one that meets the width cut with
// an ellipsis and those after it hidden.
func (r *matchLineRenderer) Layout(size fyne.Size) {
	r.ensureTexts() // laid out before its first Refresh
	pad := theme.InnerPadding()
	x, right := pad, size.Width-pad
	prev := -1 // the last piece shown
	for i, p := range r.m.pieces {
		tx := r.texts[i]
		tx.Text = p.text
		full := fyne.MeasureText(p.text, tx.TextSize, tx.TextStyle)
		y := (size.Height - full.Height) / 2
		if x < right && x+full.Width > right {
			tx.Text = cutToWidth(p.text, right-x, tx.TextSize, tx.TextStyle)
			full.Width = right - x
		}
		if x >= right || tx.Text == "" {
			// No room for any of it: the piece before ends with the ellipsis instead.
			if prev >= 0 && x < right+pad && !strings.HasSuffix(r.texts[prev].Text, "\u2026") {
				pt := r.texts[prev]
				pt.Text = cutToWidth(pt.Text, right-pt.Position().X, pt.TextSize, pt.TextStyle)
			}
			tx.Hide()
			x = right + pad
			continue
		}
		prev = i
		tx.Move(fyne.NewPos(x, y))
		tx.Resize(fyne.NewSize(full.Width, full.Height))
		tx.Show()
		x += full.Width
	}
	for _, tx := range r.texts[len(r.m.pieces):] {
		tx.Hide()
	}
}

// ensureTexts makes a text per piece, in the theme's colours.
func (r *matchLineRenderer) ensureTexts() {
	for len(r.texts) < len(r.m.pieces) {
		r.texts = append(r.texts, canvas.NewText("", nil))
	}
	fg, accent := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePrimary)
	for i, p := range r.m.pieces {
		tx := r.texts[i]
		tx.TextSize = theme.TextSize()
		tx.TextStyle = fyne.TextStyle{Bold: p.matched, Italic: p.quote}
		tx.Color = fg
		if p.matched {
			tx.Color = accent
		}
	}
}

// Refresh makes a text per piece in the theme's colours and lays them out.
func (r *matchLineRenderer) Refresh() {
	r.ensureTexts()
	r.Layout(r.m.Size())
	for _, tx := range r.texts {
		tx.Refresh()
	}
}

// cutToWidth is the longest start of s that fits in w with an ellipsis after it.
func cutToWidth(s string, w float32, size float32, style fyne.TextStyle) string {
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"\u2026", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(runes[:lo]) + "\u2026"
}
