package app

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/chronoscope/chronoscope/timeline"
)

var formSuggestions = Suggestions{
	Lanes:  []string{"Diplomacy", "Military", "Economy"},
	Actors: []string{"Kim Jong Un", "Vladimir Putin", "Sergei Shoigu"},
	Tags:   []string{"summit", "arms", "rail"},
}

var ctrlEnter = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}

// formWindow is a headless window with a case behind the dialog.
func formWindow(t *testing.T) (fyne.App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("the case"))
	w.Resize(fyne.NewSize(900, 820))
	t.Cleanup(w.Close)
	return a, w
}

// openForm opens the event form dialog over a fresh window; saved collects what
// onSave receives.
func openForm(t *testing.T, ev timeline.Event) (fyne.Window, *eventForm, *[]timeline.Event) {
	t.Helper()
	_, w := formWindow(t)
	var saved []timeline.Event
	_, f := openEventForm(w, ev, formSuggestions, func(e timeline.Event) { saved = append(saved, e) })
	return w, f, &saved
}

// setText replaces what is typed in e, as a user selecting all and typing would.
func setText(e fyne.Focusable, text string) {
	switch v := e.(type) {
	case *keyEntry:
		v.SetText("")
	case *textArea:
		v.SetText("")
	case *completionEntry:
		v.SetText("")
	}
	test.Type(e, text)
}

func dialogOpen(w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }

func TestFormValidationShowsErrorBesideField(t *testing.T) {
	_, f, _ := openForm(t, timeline.Event{})
	cases := []struct {
		name      string
		field     *keyEntry
		key, bad  string
		want, fix string
	}{
		{"empty title", f.title, "title", " ", "An event needs a title", "Summit"},
		{"month 13", f.start, "start", "2023-13", "There is no month 13", "2023-09-13"},
		{"not a date", f.start, "start", "next week", "Write it as 2023-09-13, 13/09/2023, 13 September 2023, Sep 2023, 1950s, c. 1950, 44 BC or 1-5 Sep 2023", "2023-09-13"},
		{"no such day", f.start, "start", "2023-02-30", "February has no day 30", "2023-02-28"},
		{"no 31 February", f.start, "start", "31/02/2023", "February has no day 31", "13/09/2023"},
		{"two-digit year", f.start, "start", "13/09/23", "Write the year in full (13/09/2023 or 13/09/1923)", "13 Sep 2023"},
		{"end is a span", f.end, "end", "1-5 Oct 2023", "The end is one date: give the span in Start, or its last date here", "5 Oct 2023"},
		{"empty start", f.start, "start", "", "An event needs a start date", "2023-09-13"},
		{"bad end", f.end, "end", "2023-09-32", "September has no day 32", "2023-09-14"},
		{"end before start", f.end, "end", "2023-09-01", "The end is before the start 2023-09-13", ""},
		{"latitude", f.lat, "latitude", "91", "Latitude is a number from -90 to 90 (south to north)", "48.5"},
		{"longitude", f.lon, "longitude", "east", "Longitude is a number from -180 to 180 (west to east)", "-2,25"},
	}
	setText(f.title, "Summit")
	setText(f.start, "2023-09-13")
	if !f.Valid() || f.saveButton.Disabled() {
		t.Fatalf("base form not valid: %v", f.check())
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			setText(c.field, c.bad)
			l := f.errors[c.key]
			if !l.Visible() || l.Text != c.want {
				t.Errorf("error beside %s = %q (visible %v), want %q", c.key, l.Text, l.Visible(), c.want)
			}
			if !f.saveButton.Disabled() || f.Valid() {
				t.Error("Save is enabled while an error stands")
			}
			setText(c.field, c.fix)
			if l.Visible() {
				t.Errorf("error %q still shown after fixing with %q", l.Text, c.fix)
			}
			if f.saveButton.Disabled() {
				t.Errorf("Save still disabled after fix: %v", f.check())
			}
		})
	}
}

func TestFormFreshTitleIsNotRedUntilSaveTried(t *testing.T) {
	w, f, saved := openForm(t, timeline.Event{})
	if f.errors["title"].Visible() || f.errors["start"].Visible() {
		t.Error("a fresh form shows errors before anything was typed")
	}
	if !f.saveButton.Disabled() {
		t.Error("Save is enabled on an empty form")
	}
	if f.startPreview.Text != startHint {
		t.Errorf("start hint = %q", f.startPreview.Text)
	}
	setText(f.start, "2023-09-13")
	f.description.TypedShortcut(ctrlEnter)
	if len(*saved) != 0 {
		t.Fatal("an event without a title was saved")
	}
	if !f.errors["title"].Visible() || f.errors["title"].Text != "An event needs a title" {
		t.Errorf("title error after a save attempt = %q", f.errors["title"].Text)
	}
	if w.Canvas().Focused() != f.title {
		t.Errorf("focus after refused save = %T, want the title", w.Canvas().Focused())
	}
	if !dialogOpen(w) {
		t.Error("the dialog closed on a refused save")
	}
}

func TestFormDatePreview(t *testing.T) {
	_, f, _ := openForm(t, timeline.Event{})
	for text, want := range map[string]string{
		"2023-09-05~": "about 5 Sep 2023 · saved as 2023-09-05~",
		"2020-01":     "some day in Jan 2020 · saved as 2020-01",
		"-0043-03-15": "15 Mar 44 BC · saved as -0043-03-15",
		"201X":        "some year in the 2010s · saved as 201X",
	} {
		setText(f.start, text)
		if !f.startPreview.Visible() || f.startPreview.Text != want {
			t.Errorf("preview of %q = %q, want %q", text, f.startPreview.Text, want)
		}
		if f.errors["start"].Visible() {
			t.Errorf("%q flagged: %s", text, f.errors["start"].Text)
		}
	}
	setText(f.end, "2023-09")
	if f.endPreview.Text != "some day in Sep 2023 · saved as 2023-09" {
		t.Errorf("end preview = %q", f.endPreview.Text)
	}
	setText(f.end, "2023-13")
	if f.endPreview.Visible() || f.errors["end"].Text != "There is no month 13" {
		t.Errorf("bad end: preview visible %v, error %q", f.endPreview.Visible(), f.errors["end"].Text)
	}
}

func TestFormEndBeforeStartIsRefused(t *testing.T) {
	_, f, saved := openForm(t, timeline.Event{})
	setText(f.title, "Talks")
	setText(f.start, "2023-09-13")
	setText(f.end, "2023-09-12")
	f.Save()
	if len(*saved) != 0 {
		t.Fatal("saved an event that ends before it starts")
	}
	if f.errors["end"].Text != "The end is before the start 2023-09-13" {
		t.Errorf("end error = %q", f.errors["end"].Text)
	}
	// An approximate end that may overlap the start is allowed.
	setText(f.end, "2023-09-12~")
	if f.errors["end"].Visible() {
		t.Errorf("about 12 Sep refused: %q", f.errors["end"].Text)
	}
}

func TestFormOpensWithCursorInTitleAndTabGoesToStart(t *testing.T) {
	w, f, _ := openForm(t, timeline.Event{})
	c := w.Canvas()
	if c.Focused() != f.title {
		t.Fatalf("focused on open = %T, want the title", c.Focused())
	}
	want := []fyne.Focusable{f.start, f.end, f.lane, f.actors.entry, f.tags.entry, f.location,
		f.lat, f.lon, f.importance, f.description, f.notes, f.sources.addButton, f.cancelButton}
	for i, next := range want {
		c.FocusNext()
		if c.Focused() != next {
			t.Fatalf("Tab %d lands on %T, want %T", i+1, c.Focused(), next)
		}
	}
}

func TestFormCtrlEnterFromDescriptionSaves(t *testing.T) {
	w, f, saved := openForm(t, timeline.Event{})
	test.Type(f.title, "Kim arrives at Vostochny")
	test.Type(f.start, "2023-09-13")
	test.Type(f.end, "2023-09-13~")
	test.Type(f.lane, "Diplomacy")
	test.Type(f.actors.entry, "kim jong un;Vladimir Putin;")
	test.Type(f.tags.entry, "summit")
	f.tags.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(f.tags.entry, "space")
	test.Type(f.location, "Vostochny Cosmodrome")
	fyne.CurrentApp().Clipboard().SetContent("51.884, 128.334")
	f.lat.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	f.importance.TypedRune('5')
	f.sources.items = []timeline.Source{{Title: "TASS report", URL: "https://tass.com/x", Reliability: "B", Credibility: 2}}
	f.sources.refresh()
	test.Type(f.description, "Talks at the cosmodrome.")
	w.Canvas().Focus(f.description)

	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(ctrlEnter)
	if len(*saved) != 1 {
		t.Fatalf("saves = %d, want 1 (errors %v)", len(*saved), f.check())
	}
	ev := (*saved)[0]
	lat, lon := 51.884, 128.334
	want := timeline.Event{
		Title: "Kim arrives at Vostochny", Description: "Talks at the cosmodrome.",
		Start: timeline.MustParseDate("2023-09-13"), End: timeline.MustParseDate("2023-09-13~"),
		Lane: "Diplomacy", Actors: []string{"Kim Jong Un", "Vladimir Putin"}, Tags: []string{"summit", "space"},
		Location:   timeline.Location{Name: "Vostochny Cosmodrome", Lat: &lat, Lon: &lon},
		Importance: 5,
		Sources:    []timeline.Source{{Title: "TASS report", URL: "https://tass.com/x", Reliability: "B", Credibility: 2}},
	}
	if !reflect.DeepEqual(ev, want) {
		t.Errorf("saved\n %+v\nwant\n %+v", ev, want)
	}
	if ev.Sources[0].Grade() != "B2" {
		t.Errorf("grade = %q", ev.Sources[0].Grade())
	}
	if dialogOpen(w) {
		t.Error("the dialog is still open after saving")
	}
	f.Save()
	if len(*saved) != 1 {
		t.Error("a held Ctrl+Enter saved the event twice")
	}
}

func TestFormCtrlEnterOnCanvasAndButtonsSaves(t *testing.T) {
	w, f, saved := openForm(t, timeline.Event{Title: "Talks", Start: timeline.MustParseDate("2023-09-13")})
	// The test canvas cannot type a shortcut itself: call what the dialog bound to it.
	w.Canvas().Focus(f.importance)
	dialogKeys[w.Canvas()].typedShortcut(ctrlEnter)
	if len(*saved) != 1 {
		t.Fatalf("Ctrl+Enter with the importance focused: %d saves", len(*saved))
	}
}

func TestFormEscapeCancels(t *testing.T) {
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	for name, focus := range map[string]func(f *eventForm) fyne.Focusable{
		"title":       func(f *eventForm) fyne.Focusable { return f.title },
		"description": func(f *eventForm) fyne.Focusable { return f.description },
		"actors":      func(f *eventForm) fyne.Focusable { return f.actors.entry },
		"importance":  func(f *eventForm) fyne.Focusable { return f.importance },
		"save button": func(f *eventForm) fyne.Focusable { return f.cancelButton },
	} {
		t.Run(name, func(t *testing.T) {
			w, f, saved := openForm(t, timeline.Event{})
			test.Type(f.title, "Unfinished")
			prev := w.Canvas().OnTypedKey()
			obj := focus(f)
			w.Canvas().Focus(obj)
			obj.TypedKey(esc)
			if dialogOpen(w) || len(*saved) != 0 {
				t.Errorf("after Escape: dialog open %v, saves %d", dialogOpen(w), len(*saved))
			}
			if dialogKeys[w.Canvas()] != nil {
				t.Error("the dialog's keys are still bound after it closed")
			}
			_ = prev
		})
	}
}

func TestFormEscapeOnCanvasCancelsAndRestoresKeys(t *testing.T) {
	_, w := formWindow(t)
	var typed []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { typed = append(typed, k.Name) })
	showEventForm(w, timeline.Event{}, formSuggestions, nil)
	if w.Canvas().Focused() == nil {
		t.Fatal("showEventForm put the cursor nowhere")
	}
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if dialogOpen(w) {
		t.Fatal("Escape with nothing focused left the dialog open")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if len(typed) != 1 || typed[0] != fyne.KeyF5 {
		t.Errorf("the window's own key handler got %v, want [F5]", typed)
	}
}

func TestFormActorsAddAndRemove(t *testing.T) {
	_, f, _ := openForm(t, timeline.Event{Actors: []string{"Kim Jong Un"}})
	a := f.actors
	test.Type(a.entry, "vladimir putin")
	a.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(a.entry, "Kim Jong Un; Sergei Shoigu ;Lavrov;")
	if got, want := a.Items(), []string{"Kim Jong Un", "Vladimir Putin", "Sergei Shoigu", "Lavrov"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("actors = %q, want %q", got, want)
	}
	if n := len(a.chips.Objects); n != 4 {
		t.Fatalf("chips = %d", n)
	}
	// The ✕ of the second chip removes Vladimir Putin.
	ch := a.chips.Objects[1].(*chip)
	test.TapAt(ch, fyne.NewPos(ch.Size().Width-4, ch.Size().Height/2))
	// A tap on the name itself removes nothing.
	test.TapAt(a.chips.Objects[0].(*chip), fyne.NewPos(2, 2))
	// Backspace in the empty entry takes back the last.
	a.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got, want := a.Items(), []string{"Kim Jong Un", "Sergei Shoigu"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after removing: %q, want %q", got, want)
	}
	// A name typed but not yet added counts.
	test.Type(a.entry, "Choe Son Hui")
	if got := a.Items(); len(got) != 3 || got[2] != "Choe Son Hui" {
		t.Errorf("pending name not counted: %q", got)
	}
}

func TestFormLaneCompletion(t *testing.T) {
	w, f, _ := openForm(t, timeline.Event{})
	test.Type(f.lane, "mil")
	if got := f.lane.matches(); !reflect.DeepEqual(got, []string{"Military"}) {
		t.Fatalf("matches of mil = %q", got)
	}
	f.lane.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	menu, ok := w.Canvas().Focused().(*widget.PopUpMenu)
	if !ok {
		t.Fatalf("Down focused %T, want the list of lanes", w.Canvas().Focused())
	}
	menu.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.lane.Text != "Military" || w.Canvas().Focused() != f.lane {
		t.Errorf("after picking: lane %q, focus %T", f.lane.Text, w.Canvas().Focused())
	}
	// Picking an actor from the list adds it as a chip, and the list no longer offers it.
	test.Type(f.actors.entry, "put")
	f.actors.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := f.actors.Items(); !reflect.DeepEqual(got, []string{"Vladimir Putin"}) || f.actors.entry.Text != "" {
		t.Errorf("picked actor: %q, entry %q", got, f.actors.entry.Text)
	}
	if got := f.actors.entry.matches(); !reflect.DeepEqual(got, []string{"Kim Jong Un", "Sergei Shoigu"}) {
		t.Errorf("actors still offered = %q", got)
	}
	// Escape in the list closes it and gives the cursor back; Ctrl+Enter while the list
	// is open saves and leaves nothing over the window.
	f.tags.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Focused() != f.tags.entry || !dialogOpen(w) {
		t.Fatalf("Escape in the tag list: focus %T, dialog open %v", w.Canvas().Focused(), dialogOpen(w))
	}
	test.Type(f.title, "Talks")
	test.Type(f.start, "2023")
	f.lane.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	dialogKeys[w.Canvas()].typedShortcut(ctrlEnter)
	if dialogOpen(w) {
		t.Errorf("after saving with the lane list open, %T is left over the window", w.Canvas().Overlays().Top())
	}
}

func TestFormEditKeepsIdentity(t *testing.T) {
	created := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	lat := 43.1
	in := timeline.Event{
		ID: "abc123", Title: "Summit", Start: timeline.MustParseDate("2023-09-13"),
		Lane: "Diplomacy", Actors: []string{"Kim Jong Un"}, Importance: 4,
		Location: timeline.Location{Name: "Vostochny", Lat: &lat},
		Attrs:    map[string]string{"acled_fatalities": "0"}, Created: created, Updated: created,
	}
	_, f, saved := openForm(t, in)
	if f.importance.Selected != "4 high" || f.lat.Text != "43.1" || f.lon.Text != "" {
		t.Errorf("fields: importance %q lat %q lon %q", f.importance.Selected, f.lat.Text, f.lon.Text)
	}
	setText(f.title, "Summit at Vostochny")
	f.Save()
	if len(*saved) != 1 {
		t.Fatalf("not saved: %v", f.check())
	}
	got := (*saved)[0]
	if got.ID != "abc123" || !got.Created.Equal(created) || !reflect.DeepEqual(got.Attrs, in.Attrs) {
		t.Errorf("identity lost: id %q created %v attrs %v", got.ID, got.Created, got.Attrs)
	}
	if got.Title != "Summit at Vostochny" || got.Location.Lon != nil || *got.Location.Lat != 43.1 {
		t.Errorf("saved %+v", got)
	}
}

func TestFormSourcesAddEditRemove(t *testing.T) {
	w, f, saved := openForm(t, timeline.Event{Title: "Talks", Start: timeline.MustParseDate("2023-09-13")})
	test.Tap(f.sources.addButton)
	sf := onCanvas[*sourceForm](w.Canvas())
	if sf == nil || w.Canvas().Focused() != sf.title {
		t.Fatal("Add source did not open the source form with the cursor in Title")
	}
	if !sf.saveButton.Disabled() || sf.errors["title"].Visible() {
		t.Error("a fresh source form: Save enabled or title flagged")
	}
	test.Type(sf.url, "tass.com/economy")
	if l := sf.errors["url"]; !l.Visible() || l.Text != "Give a full address such as https://example.org/page" {
		t.Errorf("url error = %q", l.Text)
	}
	setText(sf.url, "https://tass.com/economy")
	test.Type(sf.title, "Putin meets Kim")
	test.Type(sf.publisher, "TASS")
	test.Type(sf.date, "2023-09-13")
	if sf.datePreview.Text != "13 Sep 2023" {
		t.Errorf("source date preview = %q", sf.datePreview.Text)
	}
	sf.reliability.TypedRune('b')
	sf.credibility.SetSelected("2 - Probably true")
	test.Type(sf.quote, "The leaders met.")
	w.Canvas().Focus(sf.quote)
	sf.quote.TypedShortcut(ctrlEnter)
	if got := f.sources.Sources(); len(got) != 1 || got[0].Grade() != "B2" || got[0].Publisher != "TASS" || got[0].Quote != "The leaders met." {
		t.Fatalf("sources after add = %+v", got)
	}
	if !dialogOpen(w) || w.Canvas().Focused() != f.sources.addButton {
		t.Errorf("after the source form: event dialog open %v, focus %T", dialogOpen(w), w.Canvas().Focused())
	}

	// Edit, then cancel an edit with Escape: the event form stays.
	test.Tap(f.sources.editButtons[0])
	sf = onCanvas[*sourceForm](w.Canvas())
	if sf.title.Text != "Putin meets Kim" || sf.reliability.Selected != "B - Usually reliable" {
		t.Fatalf("edit form: %q %q", sf.title.Text, sf.reliability.Selected)
	}
	sf.credibility.TypedRune('1')
	sf.Save()
	if g := f.sources.items[0].Grade(); g != "B1" {
		t.Errorf("grade after edit = %q", g)
	}
	test.Tap(f.sources.editButtons[0])
	onCanvas[*sourceForm](w.Canvas()).title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !dialogOpen(w) || len(*saved) != 0 {
		t.Fatal("Escape in the source form closed the event form")
	}
	test.Tap(f.sources.addButton)
	test.Type(onCanvas[*sourceForm](w.Canvas()).title, "Kremlin readout")
	onCanvas[*sourceForm](w.Canvas()).Save()
	if len(f.sources.items) != 2 || f.sources.items[1].Grade() != "" {
		t.Fatalf("second source: %+v", f.sources.items)
	}

	test.Tap(f.sources.removeButtons[0])
	f.Save()
	if len(*saved) != 1 {
		t.Fatal("event not saved")
	}
	if got := (*saved)[0].Sources; len(got) != 1 || got[0].Title != "Kremlin readout" {
		t.Errorf("saved sources = %+v", got)
	}
}

func TestFormBadImportedSourceBlocksSave(t *testing.T) {
	w, f, saved := openForm(t, timeline.Event{Title: "T", Start: timeline.MustParseDate("2023"),
		Sources: []timeline.Source{{Title: "x", Reliability: "G", Credibility: 9}}})
	if l := f.errors["sources"]; !l.Visible() || l.Text != "Source 1: reliability is a letter from A to F" {
		t.Errorf("sources error = %q", l.Text)
	}
	f.Save()
	if len(*saved) != 0 {
		t.Fatal("saved an event with a bad source")
	}
	test.Tap(f.sources.editButtons[0])
	sf := onCanvas[*sourceForm](w.Canvas())
	if sf.errors["reliability"].Text != "Reliability is a letter from A to F" || sf.saveButton.Disabled() == false {
		t.Errorf("source form: %q, save disabled %v", sf.errors["reliability"].Text, sf.saveButton.Disabled())
	}
	sf.reliability.TypedRune('c')
	sf.credibility.TypedRune('3')
	sf.Save()
	if f.errors["sources"].Visible() || f.saveButton.Disabled() {
		t.Errorf("still blocked: %q", f.errors["sources"].Text)
	}
}

func TestFormPastedCoordinatesFillBoth(t *testing.T) {
	_, f, _ := openForm(t, timeline.Event{})
	fyne.CurrentApp().Clipboard().SetContent(" 48.8584, 2.2945\n")
	f.lat.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	if f.lat.Text != "48.8584" || f.lon.Text != "2.2945" || f.errors["latitude"].Visible() {
		t.Errorf("pasted pair: lat %q lon %q", f.lat.Text, f.lon.Text)
	}
	// A single number pastes as usual.
	f.lat.SetText("")
	fyne.CurrentApp().Clipboard().SetContent("-12.5")
	f.lat.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	if f.lat.Text != "-12.5" || f.lon.Text != "2.2945" {
		t.Errorf("pasted number: lat %q lon %q", f.lat.Text, f.lon.Text)
	}
}

// variantTheme shows the default theme in one variant whatever the settings say.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// TestFormRenders draws the form in both themes, fresh, with errors showing and with the
// source form over it; with CHRONOSCOPE_FORM_PNG set to a folder it writes the pictures
// there to look at.
func TestFormRenders(t *testing.T) {
	dir := os.Getenv("CHRONOSCOPE_FORM_PNG")
	shot := func(w fyne.Window, name string) {
		if dir == "" {
			return // drawing takes seconds in software; only when asked
		}
		img := w.Canvas().Capture()
		out, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
	}
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		a, w := formWindow(t)
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
		w.Resize(fyne.NewSize(1000, 900))
		_, f := openEventForm(w, timeline.Event{Sources: []timeline.Source{{Title: "Putin meets Kim", Publisher: "TASS", Reliability: "B", Credibility: 2}}},
			formSuggestions, nil)
		shot(w, "form-"+name+"-fresh")
		test.Type(f.title, "Kim arrives")
		test.Type(f.start, "2023-09-05~")
		test.Type(f.end, "2023-09-01")
		test.Type(f.actors.entry, "Kim Jong Un;Vladimir Putin;Sergei Shoigu;")
		test.Type(f.tags.entry, "summit;")
		test.Type(f.lat, "95")
		if !f.errors["end"].Visible() || !f.errors["latitude"].Visible() {
			t.Fatal("errors not shown")
		}
		shot(w, "form-"+name+"-errors")
		test.Tap(f.sources.editButtons[0])
		test.Type(onCanvas[*sourceForm](w.Canvas()).url, "tass.com")
		test.Type(onCanvas[*sourceForm](w.Canvas()).date, "2023-09-13")
		shot(w, "form-"+name+"-source")
	}
}
