package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/zalando/go-keyring"

	"github.com/chronoscope/chronoscope/app/internal/fynetest"
	"github.com/chronoscope/chronoscope/data/postgres"
	"github.com/chronoscope/chronoscope/data/postgres/pgtest"
	"github.com/chronoscope/chronoscope/timeline"
)

func TestMain(m *testing.M) {
	fynetest.KeepRenderers()
	pgtest.Main(m)
}

// sharedTeam makes a database for shared cases on the test cluster with a case "demo" of
// the sample chronology: its admin, a writer and a reader, each a fresh analyst login; it
// returns each one's address of the case.
func sharedTeam(t *testing.T) (admin, writer, reader string, adminName, writerName string) {
	t.Helper()
	ctx := context.Background()
	db := pgtest.Database(t)
	if err := postgres.Setup(ctx, db, postgres.Options{}); err != nil {
		t.Fatal(err)
	}
	adminName, writerName = pgtest.Role(t, "admin"), pgtest.Role(t, "writer")
	readerName := pgtest.Role(t, "reader")
	for _, r := range []string{adminName, writerName, readerName} {
		if err := postgres.AddAnalyst(ctx, db, postgres.Options{}, r, ""); err != nil {
			t.Fatal(err)
		}
	}
	admin = pgtest.WithCase(t, pgtest.As(t, db, adminName), "demo")
	writer = pgtest.WithCase(t, pgtest.As(t, db, writerName), "demo")
	reader = pgtest.WithCase(t, pgtest.As(t, db, readerName), "demo")
	s, err := postgres.Open(ctx, admin, postgres.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(ctx, timeline.Sample(), nil); err != nil {
		t.Fatal(err)
	}
	a, err := postgres.Connect(ctx, pgtest.As(t, db, adminName), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Grant(ctx, "demo", writerName, "write"); err != nil {
		t.Fatal(err)
	}
	if err := a.Grant(ctx, "demo", readerName, "read"); err != nil {
		t.Fatal(err)
	}
	return admin, writer, reader, adminName, writerName
}

// sharedWindow opens a window on the app a and connects it to the shared case at url as
// File > Open shared case does, with the store of the command line, everything off the
// UI goroutine as in the app.
func sharedWindow(t *testing.T, a *loopApp, url string) *ui {
	t.Helper()
	u := newUI(a, testOpener, &desktopRunner{})
	u.tl.Sync = true
	u.win.Resize(fyne.NewSize(1400, 900))
	u.shared = func(ctx context.Context, url, password string) (timeline.Store, error) {
		s, err := postgres.Open(ctx, url, postgres.Options{Password: password})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	t.Cleanup(func() { u.closeStore() })
	u.openShared(url)
	a.await(t, "the shared case to show", func() bool { return u.store != nil && !u.loading && u.count.Text != "" })
	return u
}

// Two analysts' windows on one shared case: what one adds shows in the other's without
// anything done there (the change feed), keeping its selection; an edit of the other's
// that meets theirs opens the conflict dialog naming who saved it, and the choice made
// is what both then see.
func TestTwoWindowsOnASharedCase(t *testing.T) {
	keyring.MockInit() // the machine's own keyring is not the test's to read
	admin, writer, _, adminName, writerName := sharedTeam(t)
	a := newLoopApp(t)
	ua := sharedWindow(t, a, admin)
	ub := sharedWindow(t, a, writer)
	if ua.marks.Len() != 13 || ub.marks.Len() != 13 {
		t.Fatalf("the windows show %d and %d events", ua.marks.Len(), ub.marks.Len())
	}
	a.await(t, "the writer's title to name who changed the case last", func() bool {
		return strings.Contains(ub.win.Title(), "last changed by "+adminName)
	})
	if !strings.Contains(ub.win.Title(), "as "+writerName) {
		t.Errorf("the writer's title: %q", ub.win.Title())
	}
	ua.selectEvent(conflictID, "list")

	// The writer adds an event: the admin's window shows it, the selection kept.
	ub.apply(timeline.Change{Label: "add", After: []timeline.Event{{Title: "Added by the writer", Start: timeline.MustParseDate("2023-09-20"), Lane: "Diplomacy"}}})
	a.await(t, "the writer's event in the admin's window", func() bool { return ua.marks.Len() == 14 })
	if ua.selected != conflictID {
		t.Errorf("the admin's selection moved to %q", ua.selected)
	}
	a.await(t, "the admin's title to name the writer", func() bool { return strings.Contains(ua.win.Title(), "last changed by "+writerName) })

	// Both edit the same event from the same version: the admin saves first.
	ctx := context.Background()
	base, err := ub.store.Get(ctx, conflictID)
	if err != nil {
		t.Fatal(err)
	}
	theirs, mine := base, base
	theirs.Description = "The admin's description"
	mine.Title = "The writer's title"
	ua.apply(timeline.Change{Label: "edit", Before: []timeline.Event{base}, After: []timeline.Event{theirs}})
	a.await(t, "the admin's save", func() bool { return len(ua.jobs) == 0 })
	ub.apply(timeline.Change{Label: "edit", Before: []timeline.Event{base}, After: []timeline.Event{mine}})
	a.await(t, "the conflict dialog", func() bool { return onScreen[*conflictView](ub) != nil })
	v := onScreen[*conflictView](ub)
	if v.c.who != adminName || v.c.at.IsZero() || time.Since(v.c.at) > time.Hour {
		t.Errorf("the dialog says %q saved it at %v", v.c.who, v.c.at)
	}
	if rowChoice(v, "title") != chooseMine || rowChoice(v, "description") != chooseTheirs {
		t.Errorf("choices: title %q, description %q", rowChoice(v, "title"), rowChoice(v, "description"))
	}
	v.saveChoices.OnTapped()
	a.await(t, "the merged save", func() bool { return len(ub.jobs) == 0 && onScreen[*conflictView](ub) == nil })
	e, err := ua.store.Get(ctx, conflictID)
	if err != nil || e.Title != "The writer's title" || e.Description != "The admin's description" || e.Version != base.Version+2 {
		t.Errorf("the case holds %q / %q v%d (%v); want both changes at v%d", e.Title, e.Description, e.Version, err, base.Version+2)
	}
	a.await(t, "the merge in the admin's window", func() bool {
		i, ok := ua.marks.Find(conflictID)
		return ok && ua.marks.Title(i) == "The writer's title"
	})
}
