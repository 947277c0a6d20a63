package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// bulkForm is Edit > Edit selected events: what to change on every selected event. A
// field left empty leaves that field as it is; Apply makes every change at once, one
// undo step.
type bulkForm struct {
	lane                    *completionEntry
	importance              *widget.Select
	addActors, removeActors *listEditor
	addTags, removeTags     *listEditor
	srcTitle, srcURL        *widget.Entry
	srcGrade                *widget.Entry
	errLabel                *widget.Label
	apply                   *widget.Button
	dialog                  *dialog.CustomDialog
}

// leaveAsIs is the importance choice that changes nothing.
const leaveAsIs = "Leave as is"

func newBulkForm(sug Suggestions) *bulkForm {
	f := &bulkForm{
		lane:         newCompletionEntry(sug.Lanes),
		importance:   widget.NewSelect([]string{leaveAsIs, "1", "2", "3", "4", "5"}, nil),
		addActors:    newListEditor(nil, sug.Actors, "Actors to add"),
		removeActors: newListEditor(nil, sug.Actors, "Actors to take off"),
		addTags:      newListEditor(nil, sug.Tags, "Tags to add"),
		removeTags:   newListEditor(nil, sug.Tags, "Tags to take off"),
		srcTitle:     widget.NewEntry(),
		srcURL:       widget.NewEntry(),
		srcGrade:     widget.NewEntry(),
		errLabel:     widget.NewLabel(""),
	}
	f.lane.SetPlaceHolder("Leave as is")
	f.importance.SetSelected(leaveAsIs)
	f.srcTitle.SetPlaceHolder("Title of a source to add to each")
	f.srcURL.SetPlaceHolder("https://...")
	f.srcGrade.SetPlaceHolder("B2")
	f.errLabel.Importance = widget.DangerImportance
	f.errLabel.Hide()
	return f
}

// content is the form's layout.
func (f *bulkForm) content() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Lane", f.lane),
		widget.NewFormItem("Importance", f.importance),
		widget.NewFormItem("Add actors", f.addActors.Content()),
		widget.NewFormItem("Remove actors", f.removeActors.Content()),
		widget.NewFormItem("Add tags", f.addTags.Content()),
		widget.NewFormItem("Remove tags", f.removeTags.Content()),
		widget.NewFormItem("Add a source", f.srcTitle),
		widget.NewFormItem("Its address", f.srcURL),
		widget.NewFormItem("Its grade", f.srcGrade),
	)
	return container.NewVBox(form, f.errLabel)
}

// edit is what the form asks for, or why it cannot be done.
func (f *bulkForm) edit() (bulkEdit, error) {
	b := bulkEdit{
		lane:         strings.TrimSpace(f.lane.Text),
		addActors:    f.addActors.Items(),
		removeActors: f.removeActors.Items(),
		addTags:      f.addTags.Items(),
		removeTags:   f.removeTags.Items(),
	}
	if s := f.importance.Selected; s != leaveAsIs && s != "" {
		b.importance = int(s[0] - '0')
	}
	title := strings.TrimSpace(f.srcTitle.Text)
	if title == "" && (strings.TrimSpace(f.srcURL.Text) != "" || strings.TrimSpace(f.srcGrade.Text) != "") {
		return b, fmt.Errorf("a source to add needs a title")
	}
	if title != "" {
		rel, cred, err := timeline.ParseGrade(f.srcGrade.Text)
		if err != nil {
			return b, err
		}
		b.source = &timeline.Source{Title: title, URL: strings.TrimSpace(f.srcURL.Text), Reliability: rel, Credibility: cred}
	}
	if b.label() == "edit" {
		return b, fmt.Errorf("nothing to change: fill in what to set, add or take off")
	}
	return b, nil
}

// editSelectedMany opens the bulk edit form on the selected events.
func (u *ui) editSelectedMany() {
	if !u.writable() || u.modal || (u.sel.Len() == 0 && u.selected == "") {
		return
	}
	n := max(u.sel.Len(), 1)
	f := newBulkForm(u.suggestions())
	u.modal = true
	apply := widget.NewButton("Apply to "+plural(n, "event"), nil)
	apply.Importance = widget.HighImportance
	f.apply = apply
	cancel := widget.NewButton("Cancel", nil)
	body := container.NewBorder(nil, container.NewHBox(cancel, apply), nil, nil, f.content())
	f.dialog = dialog.NewCustomWithoutButtons(fmt.Sprintf("Edit %s", plural(n, "selected event")), newDialogBody(f, body), u.win)
	f.dialog.SetOnClosed(func() { u.modal = false })
	cancel.OnTapped = f.dialog.Hide
	apply.OnTapped = func() {
		b, err := f.edit()
		if err != nil {
			f.errLabel.SetText(err.Error())
			f.errLabel.Show()
			return
		}
		f.dialog.Hide()
		u.bulkApply(b)
	}
	f.dialog.Resize(fyne.NewSize(560, f.dialog.MinSize().Height))
	f.dialog.Show()
	u.win.Canvas().Focus(f.lane)
}
