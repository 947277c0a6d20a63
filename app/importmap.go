package app

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// previewRows is how many rows the import preview shows.
const previewRows = 8

// settingImportMap is the case setting that keeps the columns chosen in the import
// preview, for the next import into the case (JSON of keptMapping).
const settingImportMap = "import-map"

// keptMapping is the roles and the date order an analyst chose for a case's imports.
type keptMapping struct {
	Map   map[string]format.Role `json:"map,omitempty"`
	Order string                 `json:"order,omitempty"`
}

func (k keptMapping) options() format.Options {
	o, _ := timeline.ParseDateOrder(k.Order)
	return format.Options{Map: k.Map, Order: o}
}

// loadMapping reads the mapping kept for the case s (in this machine's preferences for a
// case that keeps no settings); it runs off the UI goroutine.
func (u *ui) loadMapping(s caseStore) format.Options {
	var text string
	if k, ok := s.(timeline.SettingKeeper); ok {
		text, _ = k.Setting(context.Background(), settingImportMap)
	} else {
		text = u.app.Preferences().String(prefImportMap + s.Path())
	}
	var k keptMapping
	if text == "" || json.Unmarshal([]byte(text), &k) != nil {
		return format.Options{}
	}
	return k.options()
}

// keepMapping keeps opt for the next import into the case s.
func (u *ui) keepMapping(s caseStore, opt format.Options) {
	b, _ := json.Marshal(keptMapping{Map: opt.Map, Order: opt.Order.String()})
	k, ok := s.(timeline.SettingKeeper)
	if !ok {
		u.app.Preferences().SetString(prefImportMap+s.Path(), string(b))
		return
	}
	u.background(func() func() {
		err := k.SetSetting(context.Background(), settingImportMap, string(b))
		return func() {
			if err != nil && s == u.store {
				u.setStatus("The columns chosen could not be kept in the case: " + oneLine(err.Error()))
			}
		}
	})
}

// prefImportMap, followed by a case's path, keeps the import mapping of a case that
// keeps no settings of its own.
const prefImportMap = "importMap:"

// previewImport reads the file off the UI goroutine, with the columns kept for the case,
// and shows how it will be understood, or the error, before anything is written.
func (u *ui) previewImport(path string, f format.Format) {
	u.previewImportWith(path, f, format.Options{}, true)
}

// previewImportWith reads the file with opt (and, when kept is set, the mapping kept for
// the case first), the events of the case it seems to repeat, and shows the preview.
func (u *ui) previewImportWith(path string, f format.Format, opt format.Options, kept bool) {
	u.setBusy(true, "Reading "+filepath.Base(path)+"...")
	store := u.store
	u.background(func() func() {
		if kept && store != nil {
			opt = u.loadMapping(store)
		}
		doc, detected, err := format.ReadFileWith(path, f, opt, nil)
		var dups []extract.Duplicate
		if err == nil && store != nil && !format.Own(detected, doc) {
			dups, _ = extract.DuplicatesInCase(context.Background(), store, doc.Events)
		}
		return func() {
			u.setBusy(false, "")
			u.setStatus("")
			u.showImportPreview(importRead{path: path, format: detected, doc: doc, err: err, opt: opt, dups: dups})
		}
	})
}

// importRead is a file read for the import preview.
type importRead struct {
	path   string
	format format.Format
	doc    format.Document
	err    error
	opt    format.Options // the options it was read with
	dups   []extract.Duplicate
}

// importPreview is the preview dialog's widgets that change with the file and the format.
type importPreview struct {
	summary      *widget.Label
	importButton *widget.Button
	format       *widget.Select
	roles        map[string]*widget.Select // by column header
	order        *widget.Select            // the order of numeric dates, when there are some
	sheet        *widget.Select            // the sheet of a workbook of several
	keep         *widget.Check             // keep the columns for the next import
	skip         *widget.Check             // leave out the possible duplicates
	duplicates   *widget.Label
	read         importRead
}

// The choices of the date order, and the orders they choose.
var orderChoices = []struct {
	words string
	order timeline.DateOrder
}{
	{"As the dates say", timeline.OrderUnknown},
	{"Day-month-year (13/09/2023)", timeline.DayMonthYear},
	{"Month-day-year (09/13/2023)", timeline.MonthDayYear},
	{"Year-month-day (2023/09/13)", timeline.YearMonthDay},
}

func (u *ui) showImportPreview(r importRead) {
	var dlg dialog.Dialog
	p := &importPreview{read: r, roles: map[string]*widget.Select{}}
	var formats []string
	for _, x := range format.Formats {
		formats = append(formats, string(x))
	}
	p.format = widget.NewSelect(formats, nil)
	p.format.Selected = string(r.format)
	p.format.OnChanged = func(s string) {
		dlg.Hide()
		u.previewImportWith(r.path, format.Format(s), r.opt, false)
	}
	reread := func(opt format.Options) {
		dlg.Hide()
		u.previewImportWith(r.path, r.format, opt, false)
	}
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.importButton = widget.NewButton("Import", nil)
	p.importButton.Importance = widget.HighImportance
	body := container.NewVBox()
	if l := r.doc.Layout; l != nil {
		body.Add(p.columns(l, reread))
	}
	if r.err != nil {
		p.summary.SetText("Nothing will be imported: " + oneLine(r.err.Error()))
		p.summary.Importance = widget.DangerImportance
		p.importButton.Disable()
	} else {
		p.summary.SetText(fmt.Sprintf("%s events read as %s. The first %d as they will be understood:",
			thousands(len(r.doc.Events)), r.format, min(previewRows, len(r.doc.Events))))
		body.Add(p.rows())
		if len(r.doc.Events) == 0 {
			p.importButton.Disable()
		}
	}
	cancel := widget.NewButton("Cancel", func() { dlg.Hide() })
	p.importButton.OnTapped = func() {
		dlg.Hide()
		if p.keep != nil && p.keep.Checked && u.store != nil {
			u.keepMapping(u.store, r.opt)
		}
		u.runImport(filepath.Base(r.path), p.toImport())
	}
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Format"), nil, p.format), p.summary)
	foot := container.NewHBox(layoutSpacer(), cancel, p.importButton)
	if len(r.dups) > 0 {
		foot = container.NewHBox(p.duplicateChoice(), layoutSpacer(), cancel, p.importButton)
	}
	content := container.NewBorder(top, foot, nil, nil, container.NewVScroll(body))
	dlg = dialog.NewCustomWithoutButtons("Import "+filepath.Base(r.path), newDialogBody(p, content), u.win)
	dlg.Resize(fitSize(u.win, fyne.NewSize(1000, 720)))
	dlg.Show()
}

// columns is the part of the preview that shows each column of a spreadsheet with its
// role, which the analyst may change, and the order of its numeric dates.
func (p *importPreview) columns(l *format.Layout, reread func(format.Options)) fyne.CanvasObject {
	words := make([]string, len(format.Roles))
	for i, r := range format.Roles {
		words[i] = r.Words()
	}
	grid := container.NewGridWithColumns(3, bold("Column"), bold("Read as"), bold("First cells"))
	for _, c := range l.Columns {
		header := c.Header
		sel := widget.NewSelect(words, nil)
		sel.Selected = c.Role.Words()
		sel.OnChanged = func(w string) {
			reread(p.withRole(l, header, format.RoleOfWords(w)))
		}
		p.roles[header] = sel
		sample := widget.NewLabel(strings.Join(c.Sample[:min(3, len(c.Sample))], " · "))
		sample.Truncation = fyne.TextTruncateEllipsis
		name := widget.NewLabel(header + byWords(c.By))
		name.Truncation = fyne.TextTruncateEllipsis
		grid.Add(name)
		grid.Add(sel)
		grid.Add(sample)
	}
	box := container.NewVBox(grid)
	if len(l.Sheets) > 1 {
		p.sheet = widget.NewSelect(l.Sheets, nil)
		p.sheet.Selected = l.Sheet
		p.sheet.OnChanged = func(name string) {
			opt := p.read.opt
			opt.Sheet, opt.Map = name, nil // another sheet has columns of its own
			reread(opt)
		}
		box.Objects = append([]fyne.CanvasObject{container.NewBorder(nil, nil, widget.NewLabel("Sheet"), nil, p.sheet)}, box.Objects...)
	}
	if l.OrderBy != "" || p.read.opt.Order != timeline.OrderUnknown {
		var choices []string
		for _, c := range orderChoices {
			choices = append(choices, c.words)
		}
		p.order = widget.NewSelect(choices, nil)
		p.order.Selected = choices[0]
		for _, c := range orderChoices {
			if c.order == p.read.opt.Order && c.order != timeline.OrderUnknown {
				p.order.Selected = c.words
			}
		}
		p.order.OnChanged = func(w string) {
			opt := p.read.opt
			for _, c := range orderChoices {
				if c.words == w {
					opt.Order = c.order
				}
			}
			reread(opt)
		}
		note := widget.NewLabel(orderNote(l))
		note.Wrapping = fyne.TextWrapWord
		wide := container.NewGridWrap(fyne.NewSize(260, p.order.MinSize().Height), p.order)
		box.Add(container.NewBorder(nil, nil, widget.NewLabel("Dates in numbers"), nil,
			container.NewBorder(nil, nil, wide, nil, note)))
	}
	p.keep = widget.NewCheck("Read the columns this way at the next import into this case", nil)
	p.keep.Checked = len(p.read.opt.Map) > 0 || p.read.opt.Order != timeline.OrderUnknown
	box.Add(p.keep)
	return widget.NewCard("", "Columns", box)
}

// byWords says how a column's role was found, after its name.
func byWords(by string) string {
	switch by {
	case "header":
		return " (by its name)"
	case "content":
		return " (by its cells)"
	case "chosen":
		return " (chosen)"
	}
	return ""
}

// orderNote says how numeric dates are read.
func orderNote(l *format.Layout) string {
	switch l.OrderBy {
	case "chosen":
		return "read " + l.Order.Words() + ", as chosen"
	case "the dates":
		return "read " + l.Order.Words() + ": a date says so (a day above 12)"
	case "assumed":
		if l.Ambiguous {
			return "read day first: no date says which (05/09/2023 could be either), choose if they are month first"
		}
		return "read day first: no date says which"
	}
	return ""
}

// withRole is the options of the preview with column header read as role, every other
// column keeping the role it has (a column that had role gives it up).
func (p *importPreview) withRole(l *format.Layout, header string, role format.Role) format.Options {
	opt := p.read.opt
	opt.Map = map[string]format.Role{}
	for _, c := range l.Columns {
		r := c.Role
		if c.Header == header {
			r = role
		} else if r == role && role != format.RoleAttr && role != format.RoleSkip {
			r = format.RoleAttr
		}
		opt.Map[strings.ToLower(c.Header)] = r
	}
	return opt
}

// rows is the first events as they will be understood, a possible duplicate marked.
func (p *importPreview) rows() fyne.CanvasObject {
	dupOf := map[int]string{}
	for _, d := range p.read.dups {
		dupOf[d.Index] = d.Of
	}
	grid := container.NewGridWithColumns(5, bold("Start"), bold("End"), bold("Lane"), bold("Title"), bold("Already in the case?"))
	for i, e := range p.read.doc.Events[:min(previewRows, len(p.read.doc.Events))] {
		end := ""
		if e.IsSpan() {
			end = e.End.Describe()
		}
		title := widget.NewLabel(e.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		dup := widget.NewLabel("")
		if of, ok := dupOf[i]; ok {
			dup.SetText("Possibly: " + of)
			dup.Importance = widget.WarningImportance
		}
		dup.Truncation = fyne.TextTruncateEllipsis
		grid.Add(widget.NewLabel(e.Start.Describe()))
		grid.Add(widget.NewLabel(end))
		grid.Add(widget.NewLabel(e.Lane))
		grid.Add(title)
		grid.Add(dup)
	}
	return grid
}

// duplicateChoice says how many rows look like events of the case, with the choice to
// leave them out.
func (p *importPreview) duplicateChoice() fyne.CanvasObject {
	n := len(p.read.dups)
	rows := "1 row looks"
	if n > 1 {
		rows = fmt.Sprintf("%s rows look", thousands(n))
	}
	p.duplicates = widget.NewLabel(rows + " like events already in the case (same day, close title or actors)")
	p.duplicates.Importance = widget.WarningImportance
	p.skip = widget.NewCheck("Leave them out", nil)
	return container.NewHBox(p.duplicates, p.skip)
}

// toImport is the document to write: the file's events, less the possible duplicates
// when the analyst chose to leave them out.
func (p *importPreview) toImport() format.Document {
	doc := p.read.doc
	if p.skip == nil || !p.skip.Checked {
		return doc
	}
	out := make([]timeline.Event, 0, len(doc.Events))
	dup := map[int]bool{}
	for _, d := range p.read.dups {
		dup[d.Index] = true
	}
	for i, e := range doc.Events {
		if !dup[i] {
			out = append(out, e)
		}
	}
	doc.Events = out
	return doc
}
