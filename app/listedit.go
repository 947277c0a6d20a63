package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

// maxMatches is how many known names the completion list shows at most.
const maxMatches = 12

// completionEntry is a keyEntry that offers the names a case already uses: the arrow at
// its end, or the Down key, opens the known names that contain what is typed (those that
// start with it first); Enter or a click picks one. Backspace in an empty entry runs
// OnBackspaceEmpty, so a list editor can take back its last name without the mouse.
type completionEntry struct {
	keyEntry
	options []string
	menu    *widget.PopUpMenu
	// OnPick runs with the name chosen from the list; when nil the name becomes the text.
	OnPick func(string)
	// OnBackspaceEmpty runs when Backspace is pressed with nothing typed.
	OnBackspaceEmpty func()
	// Skip, when set, leaves out of the list the names it reports true for.
	Skip func(string) bool
}

func newCompletionEntry(options []string) *completionEntry {
	c := &completionEntry{options: timeline.CleanList(options)}
	c.ExtendBaseWidget(c)
	c.ActionItem = newTapIcon(theme.MenuDropDownIcon(), c.showMatches)
	return c
}

// matches returns the known names containing the typed text, ignoring case, those
// starting with it first; all names when nothing is typed.
func (c *completionEntry) matches() []string {
	typed := strings.ToLower(strings.TrimSpace(c.Text))
	var first, rest []string
	for _, o := range c.options {
		if c.Skip != nil && c.Skip(o) {
			continue
		}
		low := strings.ToLower(o)
		switch {
		case typed == "" || strings.HasPrefix(low, typed):
			first = append(first, o)
		case strings.Contains(low, typed):
			rest = append(rest, o)
		}
	}
	all := append(first, rest...)
	if len(all) > maxMatches {
		all = all[:maxMatches]
	}
	return all
}

// showMatches opens the list of matching names under the entry; with no match it lists
// every known name, so the arrow always shows what the case has.
func (c *completionEntry) showMatches() {
	c.closeMenu()
	names := c.matches()
	if len(names) == 0 {
		names = c.options
		if len(names) > maxMatches {
			names = names[:maxMatches]
		}
	}
	cnv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if len(names) == 0 || cnv == nil {
		return
	}
	items := make([]*fyne.MenuItem, len(names))
	for i, name := range names {
		items[i] = fyne.NewMenuItem(name, func() { c.pick(name) })
	}
	m := widget.NewPopUpMenu(fyne.NewMenu("", items...), cnv)
	m.OnDismiss = func() {
		m.Hide()
		cnv.Focus(c)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
	m.ShowAtPosition(pos.AddXY(0, c.Size().Height))
	m.Resize(fyne.NewSize(c.Size().Width, m.MinSize().Height))
	c.menu = m
}

// closeMenu takes the list of names away if it is open.
func (c *completionEntry) closeMenu() {
	if c.menu != nil {
		c.menu.Hide()
		c.menu = nil
	}
}

func (c *completionEntry) pick(name string) {
	if cnv := fyne.CurrentApp().Driver().CanvasForObject(c); cnv != nil {
		cnv.Focus(c)
	}
	if c.OnPick != nil {
		c.OnPick(name)
		return
	}
	c.SetText(name)
	c.CursorColumn = len([]rune(name))
	c.Refresh()
}

// TypedKey opens the list on Down and hands Backspace in an empty entry to
// OnBackspaceEmpty; other keys go to the keyEntry.
func (c *completionEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyDown && !c.MultiLine && len(c.options) > 0:
		c.showMatches()
		if c.menu != nil && c.menu.Visible() {
			c.menu.ActivateNext()
		}
		return
	case k.Name == fyne.KeyBackspace && c.Text == "" && c.OnBackspaceEmpty != nil:
		c.OnBackspaceEmpty()
		return
	}
	c.keyEntry.TypedKey(k)
}

// canonical returns the known spelling of name when one differs only in case.
func canonical(name string, known ...[]string) string {
	for _, list := range known {
		for _, k := range list {
			if strings.EqualFold(k, name) {
				return k
			}
		}
	}
	return name
}

// listEditor edits a list of names (actors, tags): an entry with completion, where Enter,
// the + at its end or a pick from the list adds the typed name as a chip, and `;` in the
// text adds several at once. The list keeps its order and never holds a name twice; a
// name typed but not yet added still counts (see Items).
type listEditor struct {
	entry *completionEntry
	items []string
	chips *fyne.Container
	box   *fyne.Container
	// OnChanged runs after a name is added or removed.
	OnChanged func()
}

func newListEditor(items, known []string, placeholder string) *listEditor {
	l := &listEditor{items: timeline.CleanList(items)}
	l.entry = newCompletionEntry(known)
	l.entry.PlaceHolder = placeholder
	l.entry.ActionItem = container.NewHBox(
		newTapIcon(theme.ContentAddIcon(), func() { l.Add(l.entry.Text) }),
		l.entry.ActionItem,
	)
	l.entry.OnSubmitted = l.Add
	l.entry.OnPick = l.Add
	l.entry.Skip = func(name string) bool {
		for _, n := range l.items {
			if n == name {
				return true
			}
		}
		return false
	}
	l.entry.OnBackspaceEmpty = func() {
		if n := len(l.items); n > 0 {
			l.Remove(l.items[n-1])
		}
	}
	l.entry.OnChanged = func(s string) {
		if i := strings.LastIndex(s, ";"); i >= 0 {
			l.Add(s[:i])
			l.entry.SetText(strings.TrimLeft(s[i+1:], " "))
		}
	}
	l.chips = container.New(layout.NewRowWrapLayout())
	l.box = container.NewVBox(l.entry, l.chips)
	l.refresh()
	return l
}

// Add adds the `;`-separated names in text, after those already listed, and clears the
// entry. A name that differs from a known one only in case takes the known spelling.
func (l *listEditor) Add(text string) {
	names := l.items
	for _, n := range strings.Split(text, ";") {
		names = append(names, canonical(strings.TrimSpace(n), l.items, l.entry.options))
	}
	l.items = timeline.CleanList(names)
	if l.entry.Text != "" {
		l.entry.SetText("")
	}
	l.refresh()
}

// Remove takes name off the list.
func (l *listEditor) Remove(name string) {
	out := l.items[:0:0]
	for _, n := range l.items {
		if n != name {
			out = append(out, n)
		}
	}
	l.items = out
	l.refresh()
}

// Items returns the names listed, followed by any typed in the entry and not yet added.
func (l *listEditor) Items() []string {
	names := append([]string(nil), l.items...)
	for _, n := range strings.Split(l.entry.Text, ";") {
		names = append(names, canonical(strings.TrimSpace(n), l.items, l.entry.options))
	}
	return timeline.CleanList(names)
}

// Content is the entry with the chips under it.
func (l *listEditor) Content() fyne.CanvasObject { return l.box }

func (l *listEditor) refresh() {
	objs := make([]fyne.CanvasObject, len(l.items))
	for i, name := range l.items {
		objs[i] = newChip(name, func() { l.Remove(name) })
	}
	l.chips.Objects = objs
	if len(objs) == 0 {
		l.chips.Hide()
	} else {
		l.chips.Show()
	}
	l.chips.Refresh()
	if l.OnChanged != nil {
		l.OnChanged()
	}
}
