package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/chart"
)

// Preferences the Export chart dialog remembers between exports.
const (
	prefChartFormat  = "chartFormat"
	prefChartMarking = "chartMarking"
)

// chartFormats are the Format choices of the dialog, in the order shown.
var chartFormats = []struct {
	label  string
	format chart.Format
}{
	{"HTML page (interactive, works offline)", chart.FormatHTML},
	{"SVG image (vector, for Word and PowerPoint)", chart.FormatSVG},
	{"PNG image", chart.FormatPNG},
	{"PDF document", chart.FormatPDF},
}

// pngScales are the PNG resolutions offered, as pixels per chart pixel.
var pngScales = []string{"1x (96 dpi)", "2x (192 dpi)", "3x (288 dpi)", "4x (384 dpi)", "8x (768 dpi)"}

// chartForm is the Export chart dialog: what to draw, in which format, how wide, at which
// PNG resolution and under which protective marking; its widgets are read on Export.
type chartForm struct {
	kind    *widget.RadioGroup
	format  *widget.Select
	width   *widget.Entry
	scale   *widget.Select
	marking *widget.Entry
}

// chartChoice is what the analyst chose in the dialog.
type chartChoice struct {
	kind    chart.Kind
	format  chart.Format
	width   int     // 0: the default
	scale   float64 // 0: the default
	marking string
}

func (u *ui) newChartForm() *chartForm {
	var kinds []string
	for _, k := range chart.Kinds() {
		kinds = append(kinds, string(k))
	}
	f := &chartForm{kind: widget.NewRadioGroup(kinds, nil), width: widget.NewEntry(), marking: widget.NewEntry()}
	f.kind.Horizontal = true
	f.kind.Selected = string(chart.KindReport)
	f.width.SetPlaceHolder(fmt.Sprintf("%d (%d to %d pixels)", chart.DefaultWidth, chart.MinWidth, chart.MaxWidth))
	f.width.Validator = func(s string) error { _, err := chartWidth(s); return err }
	f.width.AlwaysShowValidationError = true // while typing: the dialog's button waits for a width it can use
	f.marking.SetPlaceHolder("optional, e.g. OFFICIAL-SENSITIVE: on every page")
	f.marking.SetText(u.app.Preferences().String(prefChartMarking))
	f.scale = widget.NewSelect(pngScales, nil)
	f.scale.SetSelectedIndex(1) // chart.DefaultScale
	var labels []string
	for _, c := range chartFormats {
		labels = append(labels, c.label)
	}
	f.format = widget.NewSelect(labels, nil)
	f.format.SetSelectedIndex(0)
	for i, c := range chartFormats {
		if string(c.format) == u.app.Preferences().String(prefChartFormat) {
			f.format.SetSelectedIndex(i)
		}
	}
	return f
}

func (f *chartForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Chart", f.kind),
		widget.NewFormItem("Format", f.format),
		widget.NewFormItem("Width", f.width),
		widget.NewFormItem("PNG resolution", f.scale), // PNG only; always enabled, as Fyne's form does not restyle a label it greyed
		widget.NewFormItem("Marking", f.marking),
	}
}

// choice reads the dialog; the width is 0 when the entry does not hold one.
func (f *chartForm) choice() chartChoice {
	c := chartChoice{kind: chart.Kind(f.kind.Selected), format: chart.FormatHTML, marking: strings.TrimSpace(f.marking.Text)}
	if c.kind == "" {
		c.kind = chart.KindReport
	}
	if i := f.format.SelectedIndex(); i >= 0 {
		c.format = chartFormats[i].format
	}
	c.width, _ = chartWidth(f.width.Text)
	if i := f.scale.SelectedIndex(); i >= 0 {
		c.scale, _ = strconv.ParseFloat(strings.TrimSuffix(strings.Fields(pngScales[i])[0], "x"), 64)
	}
	return c
}

// chartWidth reads the Width entry: empty is the default (0), else whole pixels in range.
func chartWidth(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "px"))
	if s == "" {
		return 0, nil
	}
	w, err := strconv.Atoi(s)
	if err != nil || w < chart.MinWidth || w > chart.MaxWidth {
		return 0, fmt.Errorf("width: %d to %d pixels", chart.MinWidth, chart.MaxWidth)
	}
	return w, nil
}

// exportChart asks what chart to export and where, then writes it: what the analyst sees
// (the search, the filters and the visible window), in the case's lane colours.
func (u *ui) exportChart() {
	if u.store == nil {
		return
	}
	f := u.newChartForm()
	form := dialog.NewForm("Export chart", "Choose file...", "Cancel", f.items(), func(ok bool) {
		if !ok {
			return
		}
		if err := f.width.Validate(); err != nil {
			u.showError(fmt.Errorf("export chart: %w", err))
			return
		}
		c := f.choice()
		u.app.Preferences().SetString(prefChartFormat, string(c.format))
		u.app.Preferences().SetString(prefChartMarking, c.marking)
		ext := "." + string(c.format)
		u.pickSavePath("Export chart", u.info.Name+" "+string(c.kind)+ext, []string{ext}, func(path string) {
			u.writeChart(chartPath(path, c.format), c)
		})
	}, u.win)
	form.Show()
}

// chartPath is the file the save dialog named, with the chosen format's extension added
// when the name ends in none of the chart formats' (a name typed as "report.pdf" keeps
// it, and is written as a PDF).
func chartPath(path string, f chart.Format) string {
	if _, err := chart.FormatOf(path); err == nil {
		return path
	}
	return path + "." + string(f)
}

// writeChart writes the chart c to path off the UI goroutine, with the busy bar, and says
// where it wrote. It refuses a path that is a case (the open one included) before any work.
func (u *ui) writeChart(path string, c chartChoice) {
	if u.store == nil {
		return // the case was closed while the dialog was open
	}
	if err := timeline.RefuseCaseTarget(path, u.store.Path()); err != nil {
		u.showError(fmt.Errorf("export chart: %w", err))
		return
	}
	format, err := chart.FormatOf(path)
	if err != nil {
		u.showError(fmt.Errorf("export chart: %w", err))
		return
	}
	f, info := u.currentFilter(), u.info
	first, last := u.tl.Scale().Window()
	f.From, f.To, f.HasFrom, f.HasTo = first, last, true, true
	stamp, err := u.exportTime()
	if err != nil {
		u.showError(fmt.Errorf("export chart: %w", err))
		return
	}
	opt := chart.Options{Kind: c.kind, Case: info, FilterText: u.filterText(), From: first, To: last, HasRange: true,
		Width: c.width, Scale: c.scale, Marking: c.marking, Format: format, Generated: stamp}
	what := fmt.Sprintf("%s chart as %s", c.kind, strings.ToUpper(string(format)))
	if c.kind == chart.KindReport {
		what = "report as " + strings.ToUpper(string(format))
	}
	j := u.newJob("the chart export", fmt.Sprintf("Exporting the %s to %s...", what, filepath.Base(path)))
	j.run(func() func() {
		// WriteFromStore takes the case's lanes and colours from the store.
		n, err := chart.WriteFromStore(context.Background(), j.store, f, path, opt)
		return func() {
			if err != nil {
				u.showError(fmt.Errorf("export chart: %w", err))
				return
			}
			msg := fmt.Sprintf("Exported the %s (%s events) to %s", what, thousands(n), path)
			if w := chart.Warning(); w != "" && format == chart.FormatHTML {
				msg += " (" + w + ")"
			}
			u.setStatus(msg)
		}
	})
}

// filterText says in words what the search and filters select.
func (u *ui) filterText() string {
	f := u.currentFilter()
	f.HasFrom, f.HasTo = false, false // the window's span is the chart's, not the filter's
	if f.IsZero() {
		return "all events in the visible window"
	}
	return f.Describe() + ", in the visible window"
}
