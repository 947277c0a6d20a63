package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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

// tapIcon is an icon that runs a function when tapped. It takes no keyboard focus, so
// the icons inside an entry do not add stops to the Tab order.
type tapIcon struct {
	widget.Icon
	onTap func()
}

func newTapIcon(res fyne.Resource, onTap func()) *tapIcon {
	t := &tapIcon{onTap: onTap}
	t.Resource = res
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs the icon's function.
func (t *tapIcon) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor shows a pointer over the icon.
func (t *tapIcon) Cursor() desktop.Cursor { return desktop.PointerCursor }

// chip shows one name of a list with a ✕ that removes it. Like tapIcon it takes no
// focus: from the keyboard, Backspace in the empty entry removes the last chip.
type chip struct {
	widget.BaseWidget
	Text     string
	OnRemove func()
}

func newChip(text string, onRemove func()) *chip {
	c := &chip{Text: text, OnRemove: onRemove}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped removes the chip when the tap falls on its ✕.
func (c *chip) Tapped(ev *fyne.PointEvent) {
	th := c.Theme()
	if ev.Position.X >= c.Size().Width-th.Size(theme.SizeNameInlineIcon)-2*th.Size(theme.SizeNamePadding) && c.OnRemove != nil {
		c.OnRemove()
	}
}

// Cursor shows a pointer over the chip.
func (c *chip) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer draws a rounded background, the name and the ✕.
func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, bg: &canvas.Rectangle{}, text: &canvas.Text{}, icon: &canvas.Image{}}
	r.Refresh()
	return r
}

type chipRenderer struct {
	c    *chip
	bg   *canvas.Rectangle
	text *canvas.Text
	icon *canvas.Image
}

func (r *chipRenderer) metrics() (pad, icon float32) {
	th := r.c.Theme()
	return th.Size(theme.SizeNamePadding), th.Size(theme.SizeNameInlineIcon) * 0.8
}

func (r *chipRenderer) Layout(size fyne.Size) {
	pad, icon := r.metrics()
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos(2*pad, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
	r.icon.Move(fyne.NewPos(size.Width-pad-icon, (size.Height-icon)/2))
	r.icon.Resize(fyne.NewSquareSize(icon))
}

func (r *chipRenderer) MinSize() fyne.Size {
	pad, icon := r.metrics()
	ts := r.text.MinSize()
	return fyne.NewSize(2*pad+ts.Width+pad+icon+pad, fyne.Max(ts.Height, icon)+pad)
}

func (r *chipRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.text.Text = r.c.Text
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.icon.Resource = th.Icon(theme.IconNameCancel)
	r.bg.Refresh()
	r.text.Refresh()
	r.icon.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.text, r.icon}
}

func (r *chipRenderer) Destroy() {}

// fieldKeys wires a form's fields to its save and cancel: Ctrl+Enter saves from any
// field, Escape cancels from any field, select or button.
type fieldKeys struct{ save, cancel func() }

// isSaveShortcut reports whether s is Ctrl+Enter (Return or keypad Enter; Cmd on a Mac).
func isSaveShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs == nil {
		return false
	}
	return (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierSuper)
}

func (k fieldKeys) shortcut(s fyne.Shortcut) bool {
	if isSaveShortcut(s) {
		k.save()
		return true
	}
	return false
}

func (k fieldKeys) wire(e *keyEntry) {
	e.Shortcut = k.shortcut
	e.OnEscape = k.cancel
}

// entry is a one-line field holding text; changed runs on later edits only.
func (k fieldKeys) entry(text, placeholder string, changed func(string)) *keyEntry {
	e := newKeyEntry()
	k.wire(e)
	e.SetText(text)
	e.PlaceHolder = placeholder
	e.OnChanged = changed
	return e
}

func (k fieldKeys) sel(options []string, changed func(string)) *keySelect {
	s := &keySelect{OnEscape: k.cancel}
	s.Options = options
	s.ExtendBaseWidget(s)
	s.OnChanged = changed
	return s
}

func (k fieldKeys) button(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{OnEscape: k.cancel}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// keyButton is a button that Enter also presses and Escape hands to OnEscape.
type keyButton struct {
	widget.Button
	OnEscape func()
}

// TypedKey presses the button on Space or Enter and runs OnEscape on Escape.
func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if b.OnEscape != nil {
			b.OnEscape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	default:
		b.Button.TypedKey(k)
	}
}

// keySelect is a select that Escape hands to OnEscape; typing the first letter of a
// choice (4, B, n...) picks it.
type keySelect struct {
	widget.Select
	OnEscape func()
}

// TypedKey runs OnEscape on Escape; other keys work as in a Select.
func (s *keySelect) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && s.OnEscape != nil {
		s.OnEscape()
		return
	}
	s.Select.TypedKey(k)
}

// TypedRune picks the first choice starting with r, ignoring case.
func (s *keySelect) TypedRune(r rune) {
	for _, o := range s.Options {
		if strings.HasPrefix(strings.ToLower(o), strings.ToLower(string(r))) {
			s.SetSelected(o)
			return
		}
	}
}

// textArea is a multi-line keyEntry that lets Tab move on to the next field, as
// analysts expect in a form, instead of typing a tab character.
type textArea struct{ keyEntry }

func newTextArea(rows int) *textArea {
	t := &textArea{}
	t.MultiLine = true
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	t.SetMinRowsVisible(rows)
	return t
}

// AcceptsTab reports false so Tab leaves the field.
func (t *textArea) AcceptsTab() bool { return false }
