package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// forcedTheme is the default theme held to one variant, for View > Theme > Light / Dark.
type forcedTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the base theme's colour for the forced variant.
func (t forcedTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func applyTheme(a fyne.App, name string) {
	switch name {
	case "light":
		a.Settings().SetTheme(forcedTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(forcedTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

func (u *ui) setTheme(name string) {
	u.app.Preferences().SetString(prefTheme, name)
	applyTheme(u.app, name)
}
