package app

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Resources are the files main.go bundles into the binary for the window.
type Resources struct {
	Icon    []byte // the window's icon (PNG)
	Version string // the version line: Chronoscope's version, the case schema, SQLite's
	Licence string // the LICENSE text
	// Guide holds the user guide: guide.md and the screenshots it links, under guide/.
	Guide fs.FS
}

// helpMenu is the Help menu: the keyboard shortcuts, the user guide and About.
func (m *menus) helpMenu() *fyne.Menu {
	u := m.u
	return fyne.NewMenu("Help",
		item("Keyboard shortcuts", ctrl(fyne.KeySlash), func() { u.showShortcuts(m.shortcutSheet()) }),
		fyne.NewMenuItem("User guide", u.showGuide),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("About Chronoscope", u.showAbout),
	)
}

// showShortcuts shows the cheat sheet: each section's keys beside what they do.
func (u *ui) showShortcuts(sheet []shortcutSection) {
	box := container.NewVBox()
	for _, sec := range sheet {
		title := widget.NewLabel(sec.title)
		title.TextStyle.Bold = true
		grid := container.New(layout.NewFormLayout())
		for _, r := range sec.rows {
			k := widget.NewLabel(r.keys)
			k.TextStyle.Monospace = true
			grid.Add(k)
			grid.Add(widget.NewLabel(r.what))
		}
		box.Add(title)
		box.Add(grid)
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(560, 520))
	dialog.NewCustom("Keyboard shortcuts", "Close", scroll, u.win).Show()
}

// aboutText is what Help > About says: the version, the licence, where the case and the
// preferences live.
func (u *ui) aboutText() string {
	version := u.res.Version
	if version == "" {
		version = "Chronoscope"
	}
	casePath := "no case open"
	if u.store != nil {
		casePath = u.store.Path()
	}
	prefs := "kept by the desktop (this platform's settings store)"
	if root := u.app.Storage().RootURI(); root != nil && root.Scheme() == "file" {
		prefs = filepath.Join(root.Path(), "preferences.json")
	}
	licence := "MIT License"
	if l := strings.TrimSpace(u.res.Licence); l != "" {
		lines := strings.SplitN(l, "\n", 4)
		licence = strings.Join(strings.Fields(strings.Join(lines[:min(len(lines), 3)], " ")), " ")
	}
	return fmt.Sprintf("%s\n\nA timeline for analysts who reconstruct chronologies.\n%s\n\nCase: %s\nPreferences: %s",
		version, licence, casePath, prefs)
}

// showAbout is Help > About: aboutText, which can be selected and copied.
func (u *ui) showAbout() {
	text := widget.NewLabel(u.aboutText())
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(600, 260))
	dialog.NewCustom("About Chronoscope", "Close", scroll, u.win).Show()
}

// guideMarkdown is the bundled guide, its screenshots written to dir so that the rich text
// can show them (its images load from URIs); "" when no guide is bundled.
func guideMarkdown(guide fs.FS, dir string) (string, error) {
	if guide == nil {
		return "", nil
	}
	md, err := fs.ReadFile(guide, "guide.md")
	if err != nil {
		return "", fmt.Errorf("read the user guide: %w", err)
	}
	shots, _ := fs.Glob(guide, "guide/*.png")
	if len(shots) > 0 {
		if err := os.MkdirAll(filepath.Join(dir, "guide"), 0o700); err != nil {
			return "", fmt.Errorf("unpack the user guide's pictures: %w", err)
		}
	}
	for _, p := range shots {
		b, err := fs.ReadFile(guide, p)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, p), b, 0o600)
		}
		if err != nil {
			return "", fmt.Errorf("unpack the user guide's pictures: %w", err)
		}
	}
	return strings.ReplaceAll(string(md), "](guide/", "](file://"+filepath.ToSlash(dir)+"/guide/"), nil
}

// showGuide is Help > User guide: the bundled docs/guide.md in a window of its own.
func (u *ui) showGuide() {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	md, err := guideMarkdown(u.res.Guide, filepath.Join(cache, "chronoscope", "guide"))
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	if md == "" {
		md = "# Chronoscope\n\nThis build carries no user guide: see docs/guide.md in the source."
	}
	text := widget.NewRichTextFromMarkdown(md)
	text.Wrapping = fyne.TextWrapWord
	w := u.app.NewWindow("Chronoscope user guide")
	w.SetContent(container.NewVScroll(text))
	w.Resize(fyne.NewSize(900, 760))
	w.Show()
}
