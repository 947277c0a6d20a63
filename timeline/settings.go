package timeline

import "context"

// SettingKeeper is the part of a store that keeps a case's view settings, so that a
// case opens as it was left whoever opens it: Setting returns the value of name ("" when
// it was never set) and SetSetting writes it (a read-only case refuses).
type SettingKeeper interface {
	Setting(ctx context.Context, name string) (string, error)
	SetSetting(ctx context.Context, name, value string) error
}

// SettingCompress is the setting that draws the case's timeline on a compressed axis
// (View > Compress empty periods): "on", or "" for plain time.
const SettingCompress = "compress"
