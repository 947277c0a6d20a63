package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// menus is the main menu. Shortcuts live on the menu items, so they show in the menus and,
// since the window checks the menu before the focused widget, they work inside text fields.
type menus struct {
	u    *ui
	main *fyne.MainMenu

	undo, redo, edit, del, dup, newEvent, saveCopy, props, closeCase, importItem, findText, export *fyne.MenuItem
	notes, recent, selectAll, bulk                                                                 *fyne.MenuItem
	// The view's items that need a case, and the Theme menu's choices by name.
	next, prev, goTo, laneProps, compress *fyne.MenuItem
	viewItems                             []*fyne.MenuItem // the rest of View's items that act on a case
	themes                                map[string]*fyne.MenuItem
}

func alt(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

func newMenus(u *ui) *menus {
	m := &menus{u: u}
	m.newEvent = item("New event...", ctrl(fyne.KeyN), u.newEvent)
	m.edit = item("Edit event...", ctrl(fyne.KeyE), u.editSelected)
	m.dup = item("Duplicate event", ctrl(fyne.KeyD), u.duplicateSelected)
	m.del = item("Delete event (Delete)", nil, u.deleteSelected)
	m.undo = item("Undo", &fyne.ShortcutUndo{}, u.undo)
	m.redo = item("Redo", ctrlShift(fyne.KeyZ), u.redo)
	find := item("Find...", ctrl(fyne.KeyF), u.focusSearch)
	// Ctrl+A is the window's only while no text field has the focus (see registerShortcuts).
	m.selectAll = item("Select all events (Ctrl+A)", nil, u.selectAll)
	m.bulk = item("Edit selected events...", ctrlShift(fyne.KeyE), u.editSelectedMany)

	newCase := item("New case...", ctrlShift(fyne.KeyN), u.newCase)
	openCase := item("Open case...", ctrl(fyne.KeyO), u.openCase)
	openShared := item("Open shared case...", ctrlShift(fyne.KeyO), u.openSharedDialog)
	m.recent = fyne.NewMenuItem("Open recent", nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	m.saveCopy = item("Save a copy as...", ctrlShift(fyne.KeyS), u.saveCopy)
	m.props = item("Case properties...", nil, u.caseProperties)
	m.notes = item("Case notes...", nil, u.caseNotes)
	m.laneProps = item("Lane properties...", nil, u.laneProperties)
	m.importItem = item("Import...", ctrl(fyne.KeyI), u.importFiles)
	m.findText = item("Find events in text...", ctrlShift(fyne.KeyI), u.findInText)
	m.export = fyne.NewMenuItem("Export", nil)
	m.export.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem("Events as CSV...", func() { u.exportEvents("csv") }),
		fyne.NewMenuItem("Events as JSON...", func() { u.exportEvents("json") }),
		fyne.NewMenuItem("TimelineJS JSON...", func() { u.exportEvents("timelinejs") }),
		fyne.NewMenuItem("iCalendar (.ics)...", func() { u.exportEvents("ics") }),
		fyne.NewMenuItem("Excel workbook (.xlsx)...", func() { u.exportEvents("xlsx") }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Chart (HTML, SVG, PNG, PDF)...", u.exportChart),
		fyne.NewMenuItem("Timeline image (PNG)...", u.exportImage),
	)
	m.closeCase = item("Close case", ctrl(fyne.KeyW), u.closeCase)
	quit := item("Quit", ctrl(fyne.KeyQ), u.quit)
	quit.IsQuit = true

	zoomIn := item("Zoom in (+)", nil, func() { u.tl.ZoomBy(1.6) })
	zoomOut := item("Zoom out (-)", nil, func() { u.tl.ZoomBy(1 / 1.6) })
	fitAll := item("Fit all (Home)", nil, u.tl.FitAll)
	fitSel := item("Fit selection (F)", nil, u.tl.FitSelection)
	m.compress = item("Compress empty periods", ctrlShift(fyne.KeyC), u.toggleCompress)
	m.next = item("Next event (])", alt(fyne.KeyRight), func() { u.tl.Step(1) })
	m.prev = item("Previous event ([)", alt(fyne.KeyLeft), func() { u.tl.Step(-1) })
	m.goTo = item("Go to date...", ctrl(fyne.KeyG), u.goToDate)
	findLane := item("Find lane...", ctrl(fyne.KeyL), u.findLane)
	collapse := item("Collapse all lanes", nil, func() { u.tl.CollapseAll(true) })
	expand := item("Open all lanes", nil, func() { u.tl.CollapseAll(false) })
	sortLanes := u.sortMenu()
	m.viewItems = []*fyne.MenuItem{zoomIn, zoomOut, fitAll, fitSel, sortLanes, findLane, collapse, expand}
	themeMenu := fyne.NewMenuItem("Theme", nil)
	m.themes = map[string]*fyne.MenuItem{
		"system": fyne.NewMenuItem("System", func() { u.setTheme("system") }),
		"light":  fyne.NewMenuItem("Light", func() { u.setTheme("light") }),
		"dark":   fyne.NewMenuItem("Dark", func() { u.setTheme("dark") }),
	}
	themeMenu.ChildMenu = fyne.NewMenu("", m.themes["system"], m.themes["light"], m.themes["dark"])
	m.markTheme(u.app.Preferences().StringWithFallback(prefTheme, "system"))

	m.main = fyne.NewMainMenu(
		fyne.NewMenu("File", newCase, openCase, openShared, m.recent, m.saveCopy, m.props, m.notes, fyne.NewMenuItemSeparator(),
			m.importItem, m.findText, m.export, fyne.NewMenuItemSeparator(), m.closeCase, quit),
		fyne.NewMenu("Edit", m.undo, m.redo, fyne.NewMenuItemSeparator(), m.newEvent, m.edit, m.dup, m.del,
			fyne.NewMenuItemSeparator(), m.selectAll, m.bulk, m.laneProps, find),
		fyne.NewMenu("View", zoomIn, zoomOut, fitAll, fitSel, m.compress, fyne.NewMenuItemSeparator(), m.next, m.prev, m.goTo,
			fyne.NewMenuItemSeparator(), sortLanes, findLane, collapse, expand, fyne.NewMenuItemSeparator(), themeMenu),
		m.helpMenu(),
	)
	return m
}

// registerShortcuts adds the shortcuts that have no menu item of their own (Ctrl+Y) or
// that must work while nothing has the focus, for the Fyne test driver too.
func (m *menus) registerShortcuts() {
	c := m.u.win.Canvas()
	c.AddShortcut(&fyne.ShortcutRedo{}, func(s fyne.Shortcut) { m.u.windowShortcut(s) })
	// A text field with the focus takes Ctrl+A for its own text first.
	c.AddShortcut(&fyne.ShortcutSelectAll{}, func(fyne.Shortcut) { m.u.selectAll() })
	c.SetOnTypedKey(func(k *fyne.KeyEvent) { m.u.viewKey(k) })
	c.SetOnTypedRune(func(r rune) { m.u.viewRune(r) })
	for _, menu := range m.main.Items {
		m.addMenuShortcuts(menu)
	}
}

func (m *menus) addMenuShortcuts(menu *fyne.Menu) {
	for _, it := range menu.Items {
		if it.Shortcut != nil && it.Action != nil {
			action := it.Action
			m.u.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { action() })
		}
		if it.ChildMenu != nil {
			m.addMenuShortcuts(it.ChildMenu)
		}
	}
}

// shortcutFor finds the menu action bound to s.
func (m *menus) shortcutFor(s fyne.Shortcut, menu *fyne.Menu) func() {
	for _, it := range menu.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			return it.Action
		}
		if it.ChildMenu != nil {
			if a := m.shortcutFor(s, it.ChildMenu); a != nil {
				return a
			}
		}
	}
	return nil
}

// update names what Undo and Redo would do and turns off what cannot be done now.
func (m *menus) update() {
	u := m.u
	open := u.store != nil
	canWrite := open && !u.store.ReadOnly() && !u.damaged
	hasSel := canWrite && u.selected != ""
	m.undo.Label, m.redo.Label = "Undo", "Redo"
	m.undo.Disabled, m.redo.Disabled = true, true
	if u.history != nil && canWrite {
		if l := u.history.UndoLabel(); l != "" {
			m.undo.Label, m.undo.Disabled = "Undo "+l, false
		}
		if l := u.history.RedoLabel(); l != "" {
			m.redo.Label, m.redo.Disabled = "Redo "+l, false
		}
	}
	m.newEvent.Disabled = !canWrite
	m.importItem.Disabled = !canWrite
	m.findText.Disabled = !canWrite
	m.props.Disabled = !canWrite
	m.notes.Disabled = !open
	m.laneProps.Disabled = !canWrite
	m.edit.Disabled, m.dup.Disabled, m.del.Disabled, m.bulk.Disabled = !hasSel, !hasSel, !hasSel, !hasSel
	m.dup.Label, m.del.Label = "Duplicate event", "Delete event (Delete)"
	if n := u.sel.Len(); n > 1 {
		m.dup.Label, m.del.Label = "Duplicate "+plural(n, "event"), "Delete "+plural(n, "event")+" (Delete)"
	}
	m.saveCopy.Disabled, m.closeCase.Disabled, m.export.Disabled = !open, !open, !open
	m.selectAll.Disabled = !open
	m.next.Disabled, m.prev.Disabled, m.goTo.Disabled = !open, !open, !open
	m.compress.Disabled, m.compress.Checked = !open, open && u.compress
	for _, it := range m.viewItems {
		it.Disabled = !open
	}
	u.enableCaseControls(open)
	var recent []*fyne.MenuItem
	for _, p := range u.app.Preferences().StringList(prefRecent) {
		path := p
		recent = append(recent, fyne.NewMenuItem(recentLabel(path), func() { u.openPath(path) }))
	}
	if len(recent) == 0 {
		none := fyne.NewMenuItem("No recent cases", nil)
		none.Disabled = true
		recent = append(recent, none)
	}
	m.recent.ChildMenu.Items = recent
	m.main.Refresh()
}

// markTheme ticks the Theme menu's current choice.
func (m *menus) markTheme(name string) {
	if _, ok := m.themes[name]; !ok {
		name = "system"
	}
	for n, it := range m.themes {
		it.Checked = n == name
	}
	if m.main != nil {
		m.main.Refresh()
	}
}
