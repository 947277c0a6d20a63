package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/chronoscope/chronoscope/timeline"
)

// foldsAnnounce asks showMarks to say how many stretches the compressed axis folds.
const foldsAnnounce = "\x00folds"

// toggleCompress is View > Compress empty periods: the timeline folds every long
// stretch with no event into a narrow break, or draws time evenly again. The choice is
// kept in the case (in this machine's preferences for a case that keeps no settings);
// a read-only case keeps it for the session.
func (u *ui) toggleCompress() {
	if u.store == nil {
		return
	}
	u.compress = !u.compress
	u.menus.update()
	value := ""
	if u.compress {
		value = "on"
		u.pendingStatus = foldsAnnounce
	} else {
		u.pendingStatus = "Time is drawn evenly again"
	}
	store := u.store
	if k, ok := store.(timeline.SettingKeeper); ok {
		if !store.ReadOnly() && !u.damaged {
			u.background(func() func() {
				err := k.SetSetting(context.Background(), timeline.SettingCompress, value)
				return func() {
					if err != nil && !errors.Is(err, timeline.ErrReadOnly) && store == u.store {
						u.showError(fmt.Errorf("keep the compressed time in the case: %w", err))
					}
				}
			})
		}
	} else {
		u.app.Preferences().SetString(prefCompress+store.Path(), value)
	}
	u.refresh()
}

// loadCompress reads whether case s is drawn compressed. It reads one row, as Info
// does, so it runs where the case is opened.
func (u *ui) loadCompress(s caseStore) bool {
	if k, ok := s.(timeline.SettingKeeper); ok {
		v, err := k.Setting(context.Background(), timeline.SettingCompress)
		return err == nil && v == "on"
	}
	return u.app.Preferences().String(prefCompress+s.Path()) == "on"
}

// foldsText says what the compressed axis folded.
func foldsText(n int) string {
	switch n {
	case 0:
		return "No stretch without events is long enough to fold"
	case 1:
		return "1 stretch without events folded into a break (View > Compress empty periods)"
	}
	return fmt.Sprintf("%d stretches without events folded into breaks (View > Compress empty periods)", n)
}
