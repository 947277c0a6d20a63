package app

import (
	"errors"

	"github.com/zalando/go-keyring"
)

// keyringService names Chronoscope's entries in the OS keyring (the secret service on
// Linux, the Keychain on macOS, the Credential Manager on Windows); each entry is one
// login's password on one server (sharedAddress.login). Passwords are kept there or
// nowhere: never in the preferences or any file of ours.
const keyringService = "Chronoscope shared cases"

// keptPassword returns the password the keyring keeps for login, "" when it keeps none.
// off is the one line that says there is no keyring here ("" when there is one).
func keptPassword(login string) (password, off string) {
	pw, err := keyring.Get(keyringService, login)
	switch {
	case err == nil:
		return pw, ""
	case errors.Is(err, keyring.ErrNotFound):
		return "", ""
	}
	return "", noKeyring(err)
}

// keepPassword stores password for login in the keyring, or, when password is "", takes
// what it kept away. It returns what keptPassword's off says when there is no keyring.
func keepPassword(login, password string) (off string) {
	var err error
	if password == "" {
		err = keyring.Delete(keyringService, login)
		if errors.Is(err, keyring.ErrNotFound) {
			err = nil
		}
	} else {
		err = keyring.Set(keyringService, login, password)
	}
	if err != nil {
		return noKeyring(err)
	}
	return ""
}

// noKeyring is the one line for a keyring that did not answer (no secret service, as
// under Xvfb or on a server): passwords are then asked for each time.
func noKeyring(err error) string {
	why := oneLine(err.Error())
	if r := []rune(why); len(r) > 90 {
		why = string(r[:89]) + "\u2026"
	}
	return "No system keyring to keep the password in (" + why + "): it is asked for each time and never stored."
}
