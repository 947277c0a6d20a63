package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/chronoscope/chronoscope/app/timelineview"
)

func applyTheme(a fyne.App, name string) {
	switch name {
	case "light":
		a.Settings().SetTheme(timelineview.FixedTheme(theme.VariantLight))
	case "dark":
		a.Settings().SetTheme(timelineview.FixedTheme(theme.VariantDark))
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

func (u *ui) setTheme(name string) {
	u.app.Preferences().SetString(prefTheme, name)
	applyTheme(u.app, name)
	u.menus.markTheme(name)
}
