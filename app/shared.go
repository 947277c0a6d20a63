package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// SharedOpener opens a shared case on a PostgreSQL server: rawURL is
// postgres://user@host/database?case=NAME without a password; password, when not "", is
// the login's, else the server's usual sources are used (PGPASSWORD, PGPASSFILE,
// ~/.pgpass). It gives up when ctx ends. When the server refuses the login its error
// wraps timeline.ErrLoginRefused. main.go hands the app the opener the command line uses.
type SharedOpener func(ctx context.Context, rawURL, password string) (timeline.Store, error)

// connectTimeout bounds one attempt to reach a shared case's server (the analyst may also
// cancel it): an address that drops packets would otherwise keep the dialog up for minutes.
const connectTimeout = 30 * time.Second

// isShared reports whether path names a shared case on a server rather than a case file.
func isShared(path string) bool {
	l := strings.ToLower(path)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// sharedAddress is what a shared case's URL names, for the analyst to read: never its
// password.
type sharedAddress struct {
	User   string // the login
	Server string // host[:port]/database (a socket folder as host when the URL gives one)
	Case   string // the case's name on the server
}

// parseShared reads a shared case's URL; it refuses one that names no login, database or
// case, in one line that says what to write.
func parseShared(raw string) (sharedAddress, error) {
	const form = "a shared case's address is postgres://USER@HOST[:PORT]/DATABASE?case=NAME"
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !isShared(raw) {
		return sharedAddress{}, errors.New(form)
	}
	q := u.Query()
	host, port := u.Hostname(), u.Port()
	if h := q.Get("host"); h != "" {
		host = h
	}
	if p := q.Get("port"); p != "" {
		port = p
	}
	if host == "" {
		host = "localhost"
	}
	if port != "" {
		host += ":" + port
	}
	a := sharedAddress{User: u.User.Username(), Server: host + u.Path, Case: strings.TrimSpace(q.Get("case"))}
	switch {
	case a.User == "":
		return a, errors.New(form + ": it names no USER (your login on the server)")
	case strings.Trim(u.Path, "/") == "":
		return a, errors.New(form + ": it names no DATABASE")
	case a.Case == "":
		return a, errors.New(form + ": it names no case (add ?case=NAME)")
	}
	return a, nil
}

// String names the case as the window shows it: "demo (shared on host/db as bob)".
func (a sharedAddress) String() string {
	return fmt.Sprintf("%s (shared on %s as %s)", a.Case, a.Server, a.User)
}

// login is the key of the login's password in the keyring: the password is the login's
// on that server, whichever of its cases is opened.
func (a sharedAddress) login() string { return a.User + "@" + a.Server }

// splitPassword takes a password written into the URL out of it: the window, the recent
// list and the keyring's key never hold it.
func splitPassword(raw string) (clean, password string) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw, ""
	}
	pw, has := u.User.Password()
	if !has {
		return raw, ""
	}
	u.User = url.User(u.User.Username())
	return u.String(), pw
}

// caseWhere names where the open case lives, for the status bar: the file's name, or the
// shared case's server and login.
func caseWhere(path string) string {
	if isShared(path) {
		if a, err := parseShared(path); err == nil {
			return "shared on " + a.Server + " as " + a.User
		}
		return "a shared case"
	}
	return filepath.Base(path)
}

// recentLabel is how the recent list names a case: a file by its name and folder, a
// shared case by its name, server and login (never a password).
func recentLabel(path string) string {
	if isShared(path) {
		if a, err := parseShared(path); err == nil {
			return a.String()
		}
		clean, _ := splitPassword(path)
		return clean
	}
	return fmt.Sprintf("%s  (%s)", filepath.Base(path), filepath.Dir(path))
}

// connectLine is the one line the shared case dialog shows when connecting failed: a
// refused login in the analyst's words (whose password, and where it came from),
// anything else as the store said it.
func connectLine(a sharedAddress, err error, fromKeyring bool) string {
	if !errors.Is(err, timeline.ErrLoginRefused) {
		return oneLine(err.Error())
	}
	if fromKeyring {
		return fmt.Sprintf("The server refused the password kept in the system keyring for %s: type it again.", a.login())
	}
	return fmt.Sprintf("The server refused the login %s on %s: the password is wrong or was not given.", a.User, a.Server)
}
