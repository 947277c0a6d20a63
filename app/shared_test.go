package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

const demoURL = "postgres://bob@db.example:5432/chronoscope?case=demo"

// fakeServer stands in for a PostgreSQL server in the window's tests: a case file behind
// a postgres:// address, one password, and a refusal on demand.
type fakeServer struct {
	path     string
	password string
	refuse   error
	tried    []string // the passwords tried, in order
	urls     []string // the addresses asked for
}

// sharedFile is a case file that names itself by a shared case's address.
type sharedFile struct {
	*data.Store
	url string
}

func (s sharedFile) Path() string { return s.url }

func (f *fakeServer) open(ctx context.Context, rawURL, password string) (timeline.Store, error) {
	f.tried = append(f.tried, password)
	f.urls = append(f.urls, rawURL)
	switch {
	case f.refuse != nil:
		return nil, f.refuse
	case password != f.password:
		return nil, fmt.Errorf("open %s: connect: the server refused the login (password authentication failed): %w", rawURL, timeline.ErrLoginRefused)
	}
	s, err := data.Open(f.path, data.OpenExisting)
	if err != nil {
		return nil, err
	}
	return sharedFile{Store: s, url: rawURL}, nil
}

// sharedUI is a window with no case open and f as its server.
func sharedUI(t *testing.T) (*ui, *fakeServer) {
	t.Helper()
	f := &fakeServer{path: sampleCase(t), password: "horse staple"}
	u := newTestUIOn(t, nil)
	u.shared = f.open
	return u, f
}

// The dialog asks for the address and the password; the password typed into the address
// is taken out of it, kept in the keyring, and used when the case is opened again from
// the recent list without asking. The window, the title and the recent list name the
// server and the login, never the password.
func TestOpenSharedCaseKeepsThePasswordInTheKeyring(t *testing.T) {
	keyring.MockInit()
	u, f := sharedUI(t)
	u.openSharedDialog()
	d := onScreen[*sharedForm](u)
	if d == nil || d.keep.Disabled() || !d.keep.Checked {
		t.Fatal("the dialog does not offer to keep the password")
	}
	d.address.SetText("postgres://bob:horse%20staple@db.example:5432/chronoscope?case=demo")
	d.d.Submit()
	if u.store == nil || u.store.Path() != demoURL || f.tried[0] != "horse staple" || f.urls[0] != demoURL {
		t.Fatalf("opened %v with %q at %v", u.store, f.tried, f.urls)
	}
	if pw, err := keyring.Get(keyringService, "bob@db.example:5432/chronoscope"); err != nil || pw != "horse staple" {
		t.Errorf("the keyring keeps %q (%v)", pw, err)
	}
	title := u.win.Title()
	if !strings.Contains(title, "demo (shared on db.example:5432/chronoscope as bob)") {
		t.Errorf("title %q", title)
	}
	recent := u.menus.recent.ChildMenu.Items[0].Label
	if recent != "demo (shared on db.example:5432/chronoscope as bob)" {
		t.Errorf("the recent list shows %q", recent)
	}
	if shown := shownTexts(u); strings.Contains(shown, "staple") {
		t.Errorf("the password is on screen:\n%s", shown)
	}
	for _, p := range u.app.Preferences().StringList(prefRecent) {
		if strings.Contains(p, "staple") {
			t.Errorf("the recent list keeps the password: %q", p)
		}
	}
	// Again from the recent list: the keyring's password, no dialog.
	u.closeCase()
	u.menus.recent.ChildMenu.Items[0].Action()
	if u.store == nil || onScreen[*sharedForm](u) != nil || f.tried[1] != "horse staple" {
		t.Errorf("reopened %v, tried %q, dialog %v", u.store, f.tried, onScreen[*sharedForm](u))
	}
}

// A wrong password, or none, brings the dialog back with one line saying so; a password
// the keyring kept that the server refuses says where it came from.
func TestOpenSharedCaseRefusedLogin(t *testing.T) {
	keyring.MockInit()
	u, f := sharedUI(t)
	u.openShared(demoURL) // nothing in the keyring: the server's usual sources ("")
	if u.store != nil || onScreen[*sharedForm](u) == nil || f.tried[0] != "" {
		t.Fatalf("opened %v, tried %q", u.store, f.tried)
	}
	if l := onScreen[*sharedForm](u).line; l != "The server refused the login bob on db.example:5432/chronoscope: the password is wrong or was not given." {
		t.Errorf("line %q", l)
	}
	if onScreen[*sharedForm](u).address.Text != demoURL {
		t.Errorf("the dialog offers %q", onScreen[*sharedForm](u).address.Text)
	}
	keyring.Set(keyringService, "bob@db.example:5432/chronoscope", "old one")
	u.openShared(demoURL)
	if l := onScreen[*sharedForm](u).line; !strings.Contains(l, "kept in the system keyring") || !strings.Contains(l, "type it again") {
		t.Errorf("a refused kept password: %q", l)
	}
	// Typed right, not kept: the old one is taken out of the keyring.
	onScreen[*sharedForm](u).password.SetText("horse staple")
	onScreen[*sharedForm](u).keep.SetChecked(false)
	onScreen[*sharedForm](u).d.Submit()
	if u.store == nil {
		t.Fatal("the right password did not open the case")
	}
	if _, err := keyring.Get(keyringService, "bob@db.example:5432/chronoscope"); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("a password the analyst chose not to keep is still kept (%v)", err)
	}
}

// Without a keyring (no secret service, as under Xvfb) the dialog says so in one line,
// offers no keeping, and asks each time.
func TestOpenSharedCaseWithoutKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))
	defer keyring.MockInit()
	u, f := sharedUI(t)
	u.openSharedDialog()
	d := onScreen[*sharedForm](u)
	if !d.keep.Disabled() || d.keep.Checked || !strings.HasPrefix(d.keyNote.Text, "No system keyring") || !d.keyNote.Visible() ||
		strings.Contains(d.keyNote.Text, "\n") {
		t.Fatalf("keep %v/%v, note %q", d.keep.Disabled(), d.keep.Checked, d.keyNote.Text)
	}
	d.address.SetText(demoURL)
	d.password.SetText("horse staple")
	d.d.Submit()
	if u.store == nil {
		t.Fatal("not opened")
	}
	u.closeCase()
	u.openShared(demoURL)
	if u.store != nil || len(f.tried) != 2 || f.tried[1] != "" || onScreen[*sharedForm](u) == d {
		t.Errorf("without a keyring the second open did not ask: %q", f.tried)
	}
}

// A server out of reach, a database that holds no shared cases, an address without a
// case: each brings the dialog back with one line saying what and where.
func TestOpenSharedCaseOtherRefusals(t *testing.T) {
	keyring.MockInit()
	u, f := sharedUI(t)
	for _, msg := range []string{
		"open " + demoURL + ": connect to db.example:5432: cannot reach the PostgreSQL server (connection refused)",
		"open " + demoURL + ": this database holds no shared cases yet: an administrator prepares it with chronoscope admin setup",
	} {
		f.refuse = errors.New(msg)
		u.openShared(demoURL)
		if u.store != nil || onScreen[*sharedForm](u).line != msg {
			t.Errorf("dialog line %q, want %q", onScreen[*sharedForm](u).line, msg)
		}
	}
	u.openShared("postgres://bob@db.example/chronoscope")
	if !strings.Contains(onScreen[*sharedForm](u).line, "names no case") {
		t.Errorf("an address without a case: %q", onScreen[*sharedForm](u).line)
	}
	if err := onScreen[*sharedForm](u).address.Validator("not an address"); err == nil {
		t.Errorf("the dialog takes %q", "not an address")
	}
}

// A shared case's name is its address: Case properties does not rename it; Save a copy
// writes a case file of the analyst's own.
func TestSharedCaseProperties(t *testing.T) {
	keyring.MockInit()
	u, _ := sharedUI(t)
	keyring.Set(keyringService, "bob@db.example:5432/chronoscope", "horse staple")
	u.openShared(demoURL)
	if !u.isSharedCase() || caseWhere(u.store.Path()) != "shared on db.example:5432/chronoscope as bob" {
		t.Fatalf("shared %v, where %q", u.isSharedCase(), caseWhere(u.store.Path()))
	}
	u.caseProperties()
	shown := shownTexts(u)
	if !strings.Contains(shown, "cannot be renamed") || !strings.Contains(shown, "Shared at") {
		t.Errorf("case properties of a shared case:\n%s", shown)
	}
}

// recentLabel and splitPassword never give a password back.
func TestSharedAddressNeverShowsThePassword(t *testing.T) {
	for raw, want := range map[string]string{
		"postgres://bob:secret@db.example/chronoscope?case=demo":      "demo (shared on db.example/chronoscope as bob)",
		"postgresql://bob@/chronoscope?host=/tmp/pg&port=1&case=demo": "demo (shared on /tmp/pg:1/chronoscope as bob)",
		"/home/bob/cases/demo.chronoscope":                            "demo.chronoscope  (/home/bob/cases)",
	} {
		if got := recentLabel(raw); got != want {
			t.Errorf("recentLabel(%q) = %q, want %q", raw, got, want)
		}
	}
	clean, pw := splitPassword("postgres://bob:s%40cret@db.example/chronoscope?case=demo")
	if clean != "postgres://bob@db.example/chronoscope?case=demo" || pw != "s@cret" {
		t.Errorf("splitPassword = %q, %q", clean, pw)
	}
}

// A shared case named on the command line with its password in the address is
// remembered (the last case, the recent list) without it, also when the server cannot be
// reached, since the preferences are a plain file.
func TestSharedCaseAtStartRemembersNoPassword(t *testing.T) {
	keyring.MockInit()
	u, f := sharedUI(t)
	f.refuse = errors.New("dial tcp db.example:5432: connect: connection refused")
	u.reconnect("postgres://bob:horse%20staple@db.example:5432/chronoscope?case=demo")
	p := u.app.Preferences()
	kept := append([]string{p.String(prefLastCase)}, p.StringList(prefRecent)...)
	for _, s := range kept {
		if strings.Contains(s, "horse") {
			t.Errorf("the preferences keep the password: %q", s)
		}
	}
	if p.String(prefLastCase) != demoURL {
		t.Errorf("last case %q, want %q", p.String(prefLastCase), demoURL)
	}
}
