package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
)

// TestShortcutSheetIsTheMenus checks that Help > Keyboard shortcuts lists every shortcut
// of every menu (sub-menus included) with its item's label, and every key of the window's
// key table, so the sheet cannot say something the window does not do.
func TestShortcutSheetIsTheMenus(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	sheet := u.menus.shortcutSheet()
	listed := map[string]string{}
	for _, sec := range sheet {
		for _, r := range sec.rows {
			listed[r.keys] = r.what
		}
	}
	var walk func(m *fyne.Menu)
	n := 0
	walk = func(m *fyne.Menu) {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				n++
				if got := listed[shortcutText(it.Shortcut)]; got != strings.TrimSuffix(it.Label, "...") {
					t.Errorf("the sheet says %s is %q, the menu %q", shortcutText(it.Shortcut), got, it.Label)
				}
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu)
			}
		}
	}
	for _, m := range u.menus.main.Items {
		walk(m)
	}
	if n < 15 {
		t.Errorf("only %d menu shortcuts found", n)
	}
	for _, vk := range viewKeys {
		if listed[vk.keys] != vk.what {
			t.Errorf("the sheet lacks %s (%s)", vk.keys, vk.what)
		}
	}
	for keys, what := range map[string]string{"Ctrl+Shift+N": "New case", "Alt+Right": "Next event (])", "Ctrl+/": "Keyboard shortcuts", "Ctrl+Y": "Redo, as the Edit menu's"} {
		if listed[keys] != what {
			t.Errorf("%s is listed as %q, want %q", keys, listed[keys], what)
		}
	}
}

// TestViewKeysAct checks the window's key table does what the sheet says: Escape clears
// the selection, Enter opens the selected event's form, Home and F keep the keys used.
func TestViewKeysAct(t *testing.T) {
	u := newTestUIOn(t, sampleStore(t))
	if u.marks.Len() == 0 {
		t.Fatal("the sample shows no events")
	}
	u.selectEvent(u.marks.ID(0), "")
	if !u.viewKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) || u.selected != "" {
		t.Errorf("Escape left %q selected", u.selected)
	}
	if u.viewKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) {
		t.Error("Enter with nothing selected was used")
	}
	u.selectEvent(u.marks.ID(0), "")
	if !u.viewKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) || !u.modal {
		t.Error("Enter on a selected event opened no form")
	}
	if u.viewKey(&fyne.KeyEvent{Name: fyne.KeyF5}) || u.viewRune('q') {
		t.Error("a key of no table entry was used")
	}
}

// TestAboutSaysVersionCaseAndPreferences checks Help > About's text.
func TestAboutSaysVersionCaseAndPreferences(t *testing.T) {
	path := sampleCase(t)
	u := newTestUI(t, path)
	u.res = Resources{Version: "chronoscope 9.9.9 (case schema 5, SQLite 3.54.1)", Licence: "MIT License\n\nCopyright (c) 2026 Someone\n\nPermission..."}
	about := u.aboutText()
	for _, want := range []string{"chronoscope 9.9.9 (case schema 5", "MIT License Copyright (c) 2026 Someone", "Case: " + path,
		"Preferences: " + filepath.Join(u.app.Storage().RootURI().Path(), "preferences.json")} {
		if !strings.Contains(about, want) {
			t.Errorf("About lacks %q:\n%s", want, about)
		}
	}
	if strings.Contains(about, "Permission") {
		t.Errorf("About quotes the whole licence:\n%s", about)
	}
	u.showAbout()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Help > About shows no dialog")
	}
}

// TestGuideShowsItsPictures checks the bundled guide is unpacked with its screenshots and
// that its picture links point at them.
func TestGuideShowsItsPictures(t *testing.T) {
	guide := fstest.MapFS{
		"guide.md":       {Data: []byte("# Guide\n\n![The window](guide/main.png)\n")},
		"guide/main.png": {Data: []byte("\x89PNG fake")},
	}
	dir := t.TempDir()
	md, err := guideMarkdown(guide, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := "](file://" + filepath.ToSlash(dir) + "/guide/main.png)"
	if !strings.Contains(md, want) {
		t.Errorf("guide links %q, want %q", md, want)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "guide", "main.png")); err != nil || string(b) != "\x89PNG fake" {
		t.Errorf("the picture was not unpacked: %q %v", b, err)
	}
	if md, err := guideMarkdown(nil, dir); md != "" || err != nil {
		t.Errorf("no guide: %q %v", md, err)
	}
}
