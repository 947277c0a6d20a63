package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// keyScope is the save and cancel of one open form dialog.
type keyScope struct{ save, cancel func() }

// canvasKeys is the stack of form dialogs open on one canvas, innermost last, and the
// canvas's typed-key handler from before the first opened.
type canvasKeys struct {
	scopes []*keyScope
	prev   func(*fyne.KeyEvent)
}

// dialogKeys holds the open form dialogs per canvas; used on the UI goroutine only.
var dialogKeys = map[fyne.Canvas]*canvasKeys{}

// typedShortcut saves the innermost form.
func (st *canvasKeys) typedShortcut(s fyne.Shortcut) {
	if n := len(st.scopes); n > 0 && isSaveShortcut(s) {
		st.scopes[n-1].save()
	}
}

// typedKey cancels the innermost form on Escape and hands other keys on.
func (st *canvasKeys) typedKey(k *fyne.KeyEvent) {
	if n := len(st.scopes); n > 0 && k.Name == fyne.KeyEscape {
		st.scopes[n-1].cancel()
	} else if st.prev != nil {
		st.prev(k)
	}
}

var saveShortcuts = []*desktop.CustomShortcut{
	{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierControl},
}

// pushDialogKeys makes Ctrl+Enter on c run save and Escape (with nothing focused) run
// cancel, for the innermost open form; the returned func undoes it, giving c its own
// typed-key handler back when the last form closes.
func pushDialogKeys(c fyne.Canvas, save, cancel func()) (pop func()) {
	st := dialogKeys[c]
	if st == nil {
		st = &canvasKeys{prev: c.OnTypedKey()}
		dialogKeys[c] = st
		for _, sc := range saveShortcuts {
			c.AddShortcut(sc, st.typedShortcut)
		}
		c.SetOnTypedKey(st.typedKey)
	}
	scope := &keyScope{save: save, cancel: cancel}
	st.scopes = append(st.scopes, scope)
	return func() {
		for i, s := range st.scopes {
			if s == scope {
				st.scopes = append(st.scopes[:i], st.scopes[i+1:]...)
				break
			}
		}
		if len(st.scopes) == 0 && dialogKeys[c] == st {
			for _, sc := range saveShortcuts {
				c.RemoveShortcut(sc)
			}
			c.SetOnTypedKey(st.prev)
			delete(dialogKeys, c)
		}
	}
}
