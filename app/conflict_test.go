package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/chronoscope/chronoscope/data"
	"github.com/chronoscope/chronoscope/timeline"
)

const conflictID = "sample-2023-sat-2"

// otherWriter opens a second store on the case file of u, as another window or process
// would, closed when the test ends.
func otherWriter(t *testing.T, u *ui) *data.Store {
	t.Helper()
	s, err := data.Open(u.store.Path(), data.OpenExisting)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// editMeetsConflict opens the form on the sample's second satellite launch, lets other
// change it meanwhile (theirs), types a new title and description into the form and
// saves: the conflict dialog must show.
func editMeetsConflict(t *testing.T, u *ui, other *data.Store, theirs func(*timeline.Event)) {
	t.Helper()
	ctx := context.Background()
	u.list.selectRow(u.pos(conflictID))
	u.win.Canvas().Unfocus()
	key(u, fyne.KeyReturn)
	if onScreen[*eventForm](u) == nil {
		t.Fatal("Enter did not open the form")
	}
	e, err := other.Get(ctx, conflictID)
	if err != nil {
		t.Fatal(err)
	}
	if theirs == nil {
		if err := other.Delete(ctx, conflictID); err != nil {
			t.Fatal(err)
		}
	} else {
		theirs(&e)
		if _, err := other.Put(ctx, []timeline.Event{e}, nil); err != nil {
			t.Fatal(err)
		}
	}
	onScreen[*eventForm](u).title.SetText("Mine: the launch fails over the sea")
	onScreen[*eventForm](u).importance.SetSelectedIndex(4)
	press(u, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if onScreen[*conflictView](u) == nil {
		t.Fatal("saving over another's change showed no conflict dialog")
	}
}

// theirEdit is what the other writer changes: the description and the importance.
func theirEdit(e *timeline.Event) {
	e.Description = "Theirs: the second stage failed, says the agency."
	e.Importance = 2
}

// rowChoice is the dialog's choice for field f, or "" when it lists no such field.
func rowChoice(v *conflictView, f string) string {
	for _, r := range v.rows {
		if r.field == f {
			return r.choice.Selected
		}
	}
	return ""
}

func stored(t *testing.T, u *ui) timeline.Event {
	t.Helper()
	e, err := u.store.Get(context.Background(), conflictID)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// The dialog lists the fields that differ, each side in words, the analyst's changes
// chosen and theirs kept; Save choices saves both changes over their version, as one step
// Undo takes back to theirs.
func TestConflictDialogMergesFieldByField(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	other := otherWriter(t, u)
	editMeetsConflict(t, u, other, theirEdit)
	v := onScreen[*conflictView](u)
	for f, want := range map[string]string{"title": chooseMine, "description": chooseTheirs, "importance": chooseMine} {
		if got := rowChoice(v, f); got != want {
			t.Errorf("field %s: choice %q, want %q", f, got, want)
		}
	}
	if len(v.rows) != 3 {
		t.Errorf("the dialog lists %d fields, want title, importance and description", len(v.rows))
	}
	shown := shownTexts(u)
	for _, s := range []string{"Mine: the launch fails over the sea", "Theirs: the second stage failed, says the agency.", "5", "2", "saved"} {
		if !strings.Contains(shown, s) {
			t.Errorf("the dialog does not show %q:\n%s", s, shown)
		}
	}
	if !u.modal {
		t.Errorf("the case can be switched while the conflict dialog is open")
	}
	// Importance: take theirs after all.
	for _, r := range v.rows {
		if r.field == "importance" {
			r.choice.SetSelected(chooseTheirs)
		}
	}
	test.Tap(v.saveChoices)
	e := stored(t, u)
	if e.Title != "Mine: the launch fails over the sea" || e.Description != "Theirs: the second stage failed, says the agency." || e.Importance != 2 {
		t.Errorf("saved %q / %q / %d; want my title, their description and importance", e.Title, e.Description, e.Importance)
	}
	if onScreen[*conflictView](u) != nil || u.modal {
		t.Errorf("the dialog stays open after saving")
	}
	press(u, &fyne.ShortcutUndo{})
	if e := stored(t, u); e.Title != "Second satellite launch fails" || e.Description != "Theirs: the second stage failed, says the agency." {
		t.Errorf("undo left %q / %q; want their version", e.Title, e.Description)
	}
}

// Keep mine saves every field of the analyst's; Take theirs leaves theirs as it is.
func TestConflictKeepMineOrTakeTheirs(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	other := otherWriter(t, u)
	editMeetsConflict(t, u, other, theirEdit)
	test.Tap(onScreen[*conflictView](u).keepMine)
	e := stored(t, u)
	if e.Title != "Mine: the launch fails over the sea" || e.Importance != 5 || strings.HasPrefix(e.Description, "Theirs") {
		t.Errorf("keep mine saved %q / %d / %q", e.Title, e.Importance, e.Description)
	}

	editMeetsConflict(t, u, other, func(e *timeline.Event) { e.Title = "Theirs again" })
	before := stored(t, u)
	test.Tap(onScreen[*conflictView](u).takeTheirs)
	if e := stored(t, u); e.Title != "Theirs again" || e.Version != before.Version {
		t.Errorf("take theirs left %q v%d; want theirs unchanged (v%d)", e.Title, e.Version, before.Version)
	}
	if said := u.status.Text + u.pendingStatus; !strings.Contains(said, "your edit was not saved") {
		t.Errorf("status after take theirs: %q", said)
	}
}

// A third save while the dialog is open shows the dialog again, on the newest version:
// nothing is written over it unseen.
func TestConflictAgainWhileChoosing(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	other := otherWriter(t, u)
	editMeetsConflict(t, u, other, theirEdit)
	first := onScreen[*conflictView](u)
	e, _ := other.Get(context.Background(), conflictID)
	e.Lane = "A third lane"
	if _, err := other.Put(context.Background(), []timeline.Event{e}, nil); err != nil {
		t.Fatal(err)
	}
	test.Tap(first.keepMine)
	if onScreen[*conflictView](u) == nil || onScreen[*conflictView](u) == first {
		t.Fatal("a save over a newer version showed no new conflict")
	}
	if got := rowChoice(onScreen[*conflictView](u), "lane"); got != chooseTheirs {
		t.Errorf("the new dialog's lane choice = %q, want theirs (only they changed it)", got)
	}
	test.Tap(onScreen[*conflictView](u).saveChoices)
	if e := stored(t, u); e.Lane != "A third lane" || e.Title != "Mine: the launch fails over the sea" {
		t.Errorf("saved lane %q title %q", e.Lane, e.Title)
	}
}

// Edit choices opens the form on the fields as chosen; its save goes over their version.
// An event they deleted is added back with the analyst's version, or left deleted.
func TestConflictEditChoicesAndDeleted(t *testing.T) {
	u := newTestUI(t, sampleCase(t))
	other := otherWriter(t, u)
	editMeetsConflict(t, u, other, theirEdit)
	test.Tap(onScreen[*conflictView](u).editChoices)
	if onScreen[*eventForm](u) == nil || onScreen[*eventForm](u).title.Text != "Mine: the launch fails over the sea" || !strings.HasPrefix(onScreen[*eventForm](u).description.Text, "Theirs") {
		t.Fatalf("edit choices opened %v", onScreen[*eventForm](u))
	}
	onScreen[*eventForm](u).description.SetText("Both: " + onScreen[*eventForm](u).description.Text)
	press(u, &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if e := stored(t, u); !strings.HasPrefix(e.Description, "Both: Theirs") || e.Title != "Mine: the launch fails over the sea" {
		t.Errorf("edited choices saved %q / %q", e.Title, e.Description)
	}

	editMeetsConflict(t, u, other, nil)
	if !onScreen[*conflictView](u).c.err.Deleted || onScreen[*conflictView](u).keepMine.Text != "Add mine back" {
		t.Fatalf("a deleted event's dialog: deleted %v, %q", onScreen[*conflictView](u).c.err.Deleted, onScreen[*conflictView](u).keepMine.Text)
	}
	test.Tap(onScreen[*conflictView](u).keepMine)
	if e := stored(t, u); e.Title != "Mine: the launch fails over the sea" {
		t.Errorf("added back %q", e.Title)
	}
	editMeetsConflict(t, u, other, nil)
	test.Tap(onScreen[*conflictView](u).takeTheirs)
	if _, err := u.store.Get(context.Background(), conflictID); err == nil {
		t.Errorf("leave it deleted brought it back")
	}
}
