package postgres_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/data/storetest"
	"github.com/chronoscope/chronoscope/timeline"
)

// overTCP is u (the test cluster's Unix socket, which trusts every login) through the
// cluster's TCP port instead, where it asks for a password.
func overTCP(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	q := p.Query()
	p.Host = "127.0.0.1:" + q.Get("port")
	q.Del("host")
	q.Del("port")
	p.RawQuery = q.Encode()
	return p.String()
}

// A wrong or missing password is refused in one line that wraps timeline.ErrLoginRefused
// (the desktop app asks again), never repeating the password; the right one opens.
func TestLoginRefusedSaysSo(t *testing.T) {
	tm := newTeam(t)
	tm.sharedCase(t, "login")
	who := tm.analyst(t)
	if err := postgres.AddAnalyst(ctx, tm.db, postgres.Options{}, who, "right horse battery"); err != nil {
		t.Fatal(err)
	}
	admin := tm.open(t, tm.admin, "login", false)
	a, err := postgres.Connect(ctx, tm.url(t, tm.admin, ""), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Grant(ctx, "login", who, "write"); err != nil {
		t.Fatal(err)
	}
	u := overTCP(t, tm.url(t, who, "login"))
	t.Setenv("PGPASSFILE", t.TempDir()+"/none")
	for _, pw := range []string{"wrong staple", ""} {
		_, err := postgres.Open(ctx, u, postgres.Options{Password: pw})
		if !errors.Is(err, timeline.ErrLoginRefused) || strings.Contains(err.Error(), "\n") || (pw != "" && strings.Contains(err.Error(), pw)) {
			t.Errorf("open with password %q = %v; want the login refused, in one line", pw, err)
		}
	}
	s, err := postgres.Open(ctx, u, postgres.Options{Password: "right horse battery"})
	if err != nil {
		t.Fatalf("open with the right password = %v", err)
	}
	defer s.Close()

	// The change log says who changed the case last, and each event.
	storetest.Put(t, s, storetest.Event("new-analyst", "Written by the new analyst", "2024-05-01", ""))
	if got, _, err := admin.LastChange(ctx, ""); err != nil || got != who {
		t.Errorf("LastChange of the case = %q, %v; want %s", got, err, who)
	}
	if got, at, err := admin.LastChange(ctx, "new-analyst"); err != nil || got != who || at.IsZero() {
		t.Errorf("LastChange of the event = %q %v, %v; want %s", got, at, err, who)
	}
	sample := timeline.Sample()[0].ID
	if got, _, err := admin.LastChange(ctx, sample); err != nil || got != tm.admin {
		t.Errorf("LastChange of a sample event = %q, %v; want %s", got, err, tm.admin)
	}
	if got, at, err := admin.LastChange(ctx, "no-such-event"); err != nil || got != "" || !at.IsZero() {
		t.Errorf("LastChange of no event = %q %v, %v; want nothing", got, at, err)
	}
}
