package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// notesPage is the case's notes page (CaseInfo.Notes): what the analysts write down
// about the case as a whole, in a dialog with a find field that searches the notes as
// the search bar searches events (every word, the last one as a prefix). It opens with
// the search bar's query in its find field.
type notesPage struct {
	u      *ui
	text   *keyEntry
	find   *keyEntry
	found  *widget.RichText
	save   *keyButton
	dialog *dialog.CustomDialog
	store  caseStore
}

func (u *ui) caseNotes() {
	if u.store == nil {
		return
	}
	p := &notesPage{u: u, store: u.store}
	keys := fieldKeys{save: p.saveNotes, cancel: func() { p.dialog.Hide() }}
	p.text = newMultiLineKeyEntry()
	keys.wire(p.text)
	p.text.SetText(u.info.Notes)
	p.text.SetMinRowsVisible(14)
	p.text.PlaceHolder = "Notes on the case as a whole: hypotheses, open questions, what to check next"
	p.text.OnChanged = func(string) { p.search() }
	p.find = keys.entry(u.search.Text, "Find in the notes", func(string) { p.search() })
	p.find.OnSubmitted = func(string) { p.next() }
	p.found = widget.NewRichText()
	p.found.Wrapping = fyne.TextWrapWord
	p.save = keys.button("Save notes", theme.ConfirmIcon(), p.saveNotes)
	p.save.Importance = widget.HighImportance
	cancel := keys.button("Close", theme.CancelIcon(), func() { p.dialog.Hide() })
	if !u.writable() {
		p.text.Disable()
		p.save.Disable()
	}
	top := container.NewVBox(p.find, p.found)
	content := container.NewBorder(top, buttonBar(cancel, p.save), nil, nil, p.text)
	p.dialog = dialog.NewCustomWithoutButtons("Case notes", content, u.win)
	p.dialog.SetOnClosed(pushDialogKeys(u.win.Canvas(), p.saveNotes, func() { p.dialog.Hide() }))
	p.dialog.Resize(fyne.NewSize(640, 520))
	p.search()
	p.dialog.Show()
	u.win.Canvas().Focus(p.text)
	u.notes = p
}

// search shows whether the notes hold the find field's words, with an excerpt around
// the first hit, its words in bold.
func (p *notesPage) search() {
	q := strings.TrimSpace(p.find.Text)
	var segs []widget.RichTextSegment
	switch m, ok := timeline.NotesMatch(q, p.text.Text, 160); {
	case q == "":
	case !ok:
		segs = append(segs, &widget.TextSegment{Text: "Not in the notes", Style: widget.RichTextStyleParagraph})
	default:
		segs = append(segs, &widget.TextSegment{Text: fmt.Sprintf("Found (%d): ", countHits(q, p.text.Text)),
			Style: widget.RichTextStyleStrong})
		segs = append(segs, markedSegments(m)...)
	}
	p.found.Segments = segs
	p.found.Refresh()
}

// countHits counts the hits of the query's words in text.
func countHits(q, text string) int {
	m, _ := timeline.NotesMatch(q, text, len(text)+1)
	return len(m.Words)
}

// markedSegments spells a match out, its words in bold.
func markedSegments(m timeline.Marked) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	at := 0
	inline := widget.RichTextStyleInline
	bold := widget.RichTextStyleStrong
	bold.Inline = true
	for _, w := range m.Words {
		if w[0] > at {
			segs = append(segs, &widget.TextSegment{Text: m.Text[at:w[0]], Style: inline})
		}
		segs = append(segs, &widget.TextSegment{Text: m.Text[w[0]:w[1]], Style: bold})
		at = w[1]
	}
	if at < len(m.Text) {
		segs = append(segs, &widget.TextSegment{Text: m.Text[at:], Style: inline})
	}
	return segs
}

// next puts the cursor at the first hit in the notes after the cursor (from the top
// again after the last).
func (p *notesPage) next() {
	m, ok := timeline.NotesMatch(p.find.Text, p.text.Text, len(p.text.Text)+1)
	if !ok || len(m.Words) == 0 {
		return
	}
	cur := offsetOf(p.text.Text, p.text.CursorRow, p.text.CursorColumn)
	hit := m.Words[0][0]
	for _, w := range m.Words {
		if w[0] > cur {
			hit = w[0]
			break
		}
	}
	p.text.CursorRow, p.text.CursorColumn = rowColumn(p.text.Text, hit)
	p.text.Refresh()
	p.u.win.Canvas().Focus(p.text)
}

// offsetOf is the byte offset of a cursor (row, column in runes) in text.
func offsetOf(text string, row, col int) int {
	off := 0
	for r := 0; r < row; r++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	for c := 0; c < col && off < len(text); c++ {
		_, n := utf8.DecodeRuneInString(text[off:])
		off += n
	}
	return off
}

// rowColumn is the cursor (row, column in runes) at byte offset off of text.
func rowColumn(text string, off int) (row, col int) {
	before := text[:off]
	row = strings.Count(before, "\n")
	line := before[strings.LastIndexByte(before, '\n')+1:]
	return row, len([]rune(line))
}

// saveNotes writes the notes into the case (a job in the background) and closes the page.
func (p *notesPage) saveNotes() {
	u := p.u
	if p.store != u.store || !u.writable() {
		p.dialog.Hide()
		return
	}
	info := u.info
	info.Notes = strings.TrimRight(p.text.Text, " \t\r\n")
	p.dialog.Hide()
	if info.Notes == u.info.Notes {
		return
	}
	u.saveInfo(info, "the case's notes", func() { u.setStatus("Saved the case's notes") })
}
