package app

import (
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
)

// viewKey is a key of the window that acts on the view or the selection while no text
// field has the focus (the timeline's own keys do the same while it has it). The window
// dispatches keys from viewKeys, and Help > Keyboard shortcuts lists the same table.
type viewKey struct {
	keys  string         // as the cheat sheet shows them
	what  string         // what they do
	names []fyne.KeyName // the keys, by name
	runes []rune         // or the characters typed
	// do acts on the key (name) or the character (r) and reports whether it was used.
	do func(u *ui, name fyne.KeyName, r rune) bool
}

// viewKeys is the window's table of plain keys.
var viewKeys = []viewKey{
	{keys: "Enter", what: "Edit the selected event", names: []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter},
		do: func(u *ui, _ fyne.KeyName, _ rune) bool { return u.selected != "" && call(u.editSelected) }},
	{keys: "Delete", what: "Delete the selected event", names: []fyne.KeyName{fyne.KeyDelete},
		do: func(u *ui, _ fyne.KeyName, _ rune) bool { return u.selected != "" && call(u.deleteSelected) }},
	{keys: "Escape", what: "Clear the selection", names: []fyne.KeyName{fyne.KeyEscape},
		do: func(u *ui, _ fyne.KeyName, _ rune) bool { return call(func() { u.selectEvent("", "") }) }},
	{keys: "Home", what: "Fit all events in the window", names: []fyne.KeyName{fyne.KeyHome},
		do: func(u *ui, _ fyne.KeyName, _ rune) bool { return call(u.tl.FitAll) }},
	{keys: "Left  Right", what: "Pan the timeline", names: []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight},
		do: func(u *ui, k fyne.KeyName, _ rune) bool {
			return call(func() { u.tl.PanBy(pick(k == fyne.KeyLeft, -0.2, 0.2)) })
		}},
	{keys: "+  -", what: "Zoom in, zoom out", runes: []rune{'+', '=', '-', '_'},
		do: func(u *ui, _ fyne.KeyName, r rune) bool {
			return call(func() { u.tl.ZoomBy(pick(r == '+' || r == '=', 1.6, 1/1.6)) })
		}},
	{keys: "F", what: "Fit the selected events", runes: []rune{'f', 'F'},
		do: func(u *ui, _ fyne.KeyName, _ rune) bool { return call(u.tl.FitSelection) }},
	{keys: "]  [", what: "Next event, previous event", runes: []rune{']', '['},
		do: func(u *ui, _ fyne.KeyName, r rune) bool { return call(func() { u.tl.Step(pick(r == ']', 1, -1)) }) }},
}

// call runs f and reports that the key was used.
func call(f func()) bool { f(); return true }

// pick is a when cond holds, else b.
func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}

// viewKey handles the keys of viewKeys (the list, the timeline or nothing has the focus).
// It reports whether it used k.
func (u *ui) viewKey(k *fyne.KeyEvent) bool {
	for _, vk := range viewKeys {
		if slices.Contains(vk.names, k.Name) {
			return vk.do(u, k.Name, 0)
		}
	}
	return false
}

// viewRune handles the characters of viewKeys typed while no text field has the focus.
func (u *ui) viewRune(r rune) bool {
	for _, vk := range viewKeys {
		if slices.Contains(vk.runes, r) {
			return vk.do(u, "", r)
		}
	}
	return false
}

// shortcutText writes a menu shortcut as the analyst presses it: "Ctrl+Shift+N".
func shortcutText(sc fyne.Shortcut) string {
	ks, ok := sc.(fyne.KeyboardShortcut)
	if !ok {
		return sc.ShortcutName()
	}
	var parts []string
	mod := ks.Mod()
	names := []struct {
		m    fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}, {fyne.KeyModifierSuper, superName()}}
	for _, n := range names {
		if mod&n.m != 0 {
			parts = append(parts, n.name)
		}
	}
	return strings.Join(append(parts, keyText(ks.Key())), "+")
}

func superName() string {
	if runtime.GOOS == "darwin" {
		return "Cmd"
	}
	return "Super"
}

// keyText names a key as it is printed on the keyboard.
func keyText(k fyne.KeyName) string {
	switch k {
	case fyne.KeyLeft:
		return "Left"
	case fyne.KeyRight:
		return "Right"
	case fyne.KeyReturn, fyne.KeyEnter:
		return "Enter"
	}
	return string(k)
}

// shortcutRow is one line of the cheat sheet: the keys and what they do.
type shortcutRow struct{ keys, what string }

// shortcutSection is a group of rows under a heading (a menu's name, or the timeline).
type shortcutSection struct {
	title string
	rows  []shortcutRow
}

// shortcutSheet is Help > Keyboard shortcuts' content, read from the menus as they are
// (every item with a shortcut, in menu order, sub-menus included) and from viewKeys, so it
// always says what the keys do now.
func (m *menus) shortcutSheet() []shortcutSection {
	var out []shortcutSection
	for _, menu := range m.main.Items {
		sec := shortcutSection{title: menu.Label}
		sec.rows = menuShortcuts(menu, sec.rows)
		if len(sec.rows) > 0 {
			out = append(out, sec)
		}
	}
	keys := shortcutSection{title: "Timeline and list (no text field focused)"}
	for _, vk := range viewKeys {
		keys.rows = append(keys.rows, shortcutRow{vk.keys, vk.what})
	}
	keys.rows = append(keys.rows, shortcutRow{shortcutText(&fyne.ShortcutRedo{}), "Redo, as the Edit menu's"},
		shortcutRow{"Ctrl+A", "Select every event in view"},
		shortcutRow{"Ctrl+click  Shift+click", "Add an event to the selection, or a range (list and timeline)"},
		shortcutRow{"Shift+drag", "Select the events in a rubber band on the timeline"},
		shortcutRow{"Up  Down  PgUp  PgDn  Home  End", "In the list: select the row above, below, a page away, the first, the last"})
	return append(out, keys, mouseSection)
}

// mouseSection is what the mouse does on the timeline, for the cheat sheet.
var mouseSection = shortcutSection{title: "Mouse on the timeline", rows: []shortcutRow{
	{"Wheel", "Zoom around the pointer (Shift+Wheel scrolls the lanes)"},
	{"Drag", "Pan"},
	{"Drag the selected event", "Move it to new dates, by whole days, months or years as it is dated"},
	{"Drag a selected span's edge", "Change its start or its end"},
	{"Escape while dragging", "Cancel the move"},
}}

func menuShortcuts(menu *fyne.Menu, rows []shortcutRow) []shortcutRow {
	for _, it := range menu.Items {
		if it.Shortcut != nil {
			rows = append(rows, shortcutRow{shortcutText(it.Shortcut), strings.TrimSuffix(it.Label, "...")})
		}
		if it.ChildMenu != nil {
			rows = menuShortcuts(it.ChildMenu, rows)
		}
	}
	return rows
}
