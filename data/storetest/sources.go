package storetest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// keeper is the store as a timeline.SourceKeeper, or the test fails.
func keeper(t *testing.T, s Store) timeline.SourceKeeper {
	t.Helper()
	k, ok := s.(timeline.SourceKeeper)
	if !ok {
		t.Fatalf("%T keeps no shared sources", s)
	}
	return k
}

func wire(quote string) timeline.Source {
	return timeline.Source{Title: "Wire", URL: "https://example.org/wire", Publisher: "Agency", Date: "2023-09-13",
		Quote: quote, Reliability: "B", Credibility: 2}
}

// Two events citing the same document (no ids given) cite one shared source, each with
// its own quote; editing that source once changes both, with new versions, and the
// full text follows.
func testSharedSources(t *testing.T, o Opener) {
	s := o.New(t)
	k := keeper(t, s)
	a, b := Event("a", "Alpha", "2023-09-13", ""), Event("b", "Beta", "2023-09-14", "")
	a.Sources = []timeline.Source{wire("first quote"), {Title: "Only A's"}}
	b.Sources = []timeline.Source{wire("second quote")}
	Put(t, s, a)
	Put(t, s, b) // in another Put: matched against what the case holds
	ga, gb := get(t, s, "a"), get(t, s, "b")
	if ga.Sources[0].ID == "" || ga.Sources[0].ID != gb.Sources[0].ID || ga.Sources[1].ID == ga.Sources[0].ID {
		t.Fatalf("ids of the citations: a %q %q, b %q; want a's first and b's equal, a's second another",
			ga.Sources[0].ID, ga.Sources[1].ID, gb.Sources[0].ID)
	}
	if ga.Sources[0].Quote != "first quote" || gb.Sources[0].Quote != "second quote" {
		t.Errorf("quotes %q %q", ga.Sources[0].Quote, gb.Sources[0].Quote)
	}
	list, err := k.Sources(ctx)
	if err != nil || len(list) != 2 || list[0].Title != "Only A's" || list[1].ID != ga.Sources[0].ID || list[1].Quote != "" {
		t.Fatalf("Sources = %+v, %v; want Only A's and Wire, without quotes", list, err)
	}
	// Edit the shared source once.
	edited := list[1]
	edited.Title, edited.Reliability = "Wire (corrected)", "A"
	changed, err := k.PutSource(ctx, edited)
	if err != nil || changed != 2 {
		t.Fatalf("PutSource = %d, %v; want 2 events changed", changed, err)
	}
	for _, tc := range []struct {
		ev    timeline.Event
		quote string
	}{{ga, "first quote"}, {gb, "second quote"}} {
		got := get(t, s, tc.ev.ID)
		src := got.Sources[0]
		if src.Title != "Wire (corrected)" || src.Reliability != "A" || src.Quote != tc.quote || src.ID != edited.ID {
			t.Errorf("%s cites %+v after the edit", tc.ev.ID, src)
		}
		if got.Version != tc.ev.Version+1 {
			t.Errorf("%s version %d, want %d", tc.ev.ID, got.Version, tc.ev.Version+1)
		}
	}
	selected(t, s, "the new title", timeline.Filter{Query: "corrected"}, "Alpha", "Beta")
	selected(t, s, "the new grade", timeline.Filter{MinReliability: "A"}, "Alpha", "Beta")
	// Unchanged: no event changes.
	if changed, err := k.PutSource(ctx, edited); err != nil || changed != 0 {
		t.Errorf("PutSource of the same = %d, %v", changed, err)
	}
	if _, err := k.PutSource(ctx, timeline.Source{ID: "missing", Title: "X"}); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("PutSource of a missing id = %v, want ErrNotFound", err)
	}
	// A new citation of the old fields is another source now.
	c := Event("c", "Gamma", "2023-09-15", "")
	c.Sources = []timeline.Source{wire("")}
	Put(t, s, c)
	if id := get(t, s, "c").Sources[0].ID; id == "" || id == edited.ID {
		t.Errorf("a citation of the old fields got id %q (the edited source's is %q)", id, edited.ID)
	}
}

// Writing an event whose citation names a shared source with other fields edits the
// source, and every other event citing it follows.
func testSharedSourceEditedThroughAnEvent(t *testing.T, o Opener) {
	s := o.New(t)
	a, b := Event("a", "Alpha", "2023-09-13", ""), Event("b", "Beta", "2023-09-14", "")
	a.Sources, b.Sources = []timeline.Source{wire("qa")}, []timeline.Source{wire("qb")}
	Put(t, s, a, b)
	ga := get(t, s, "a")
	ga.Sources[0].Publisher = "Agency (renamed)"
	Put(t, s, ga)
	gb := get(t, s, "b")
	if gb.Sources[0].Publisher != "Agency (renamed)" || gb.Sources[0].Quote != "qb" || gb.Version != 2 {
		t.Errorf("b after a's edit of the shared source: %+v version %d", gb.Sources[0], gb.Version)
	}
	if list, err := keeper(t, s).Sources(ctx); err != nil || len(list) != 1 || list[0].Publisher != "Agency (renamed)" {
		t.Errorf("Sources = %+v, %v", list, err)
	}
}

// A large import (the bulk path) shares its sources too, with what the case held.
func testSharedSourcesInALargeImport(t *testing.T, o Opener) {
	s := o.New(t)
	first := Event("first", "First", "2023-01-01", "")
	first.Sources = []timeline.Source{wire("")}
	Put(t, s, first)
	id := get(t, s, "first").Sources[0].ID
	evs := make([]timeline.Event, 2500)
	for i := range evs {
		evs[i] = Event(fmt.Sprintf("e%04d", i), fmt.Sprintf("Event %d", i), "2023-09-13", "")
		evs[i].Sources = []timeline.Source{wire(fmt.Sprintf("quote %d", i)), {Title: fmt.Sprintf("Own %d", i%3)}}
	}
	if _, err := s.PutStream(ctx, len(evs), Chunked(evs, 700)); err != nil {
		t.Fatal(err)
	}
	list, err := keeper(t, s).Sources(ctx)
	if err != nil || len(list) != 4 {
		t.Fatalf("Sources after the import = %d (%v), want 4", len(list), err)
	}
	got := get(t, s, "e1234")
	if got.Sources[0].ID != id || got.Sources[0].Quote != "quote 1234" || got.Sources[1].ID == "" {
		t.Errorf("e1234 cites %+v", got.Sources)
	}
	edited := list[len(list)-1]
	if edited.ID != id {
		t.Fatalf("the last source by title is %+v, want Wire", edited)
	}
	edited.Date = "2023-09-12"
	if changed, err := keeper(t, s).PutSource(ctx, edited); err != nil || changed != len(evs)+1 {
		t.Errorf("PutSource = %d, %v; want %d", changed, err, len(evs)+1)
	}
	if got := get(t, s, "e2499"); got.Sources[0].Date != "2023-09-12" || got.Sources[0].Quote != "quote 2499" {
		t.Errorf("e2499 cites %+v after the edit", got.Sources[0])
	}
}

// An event's notes and the case's notes page are kept, and the notes are searched.
func testNotes(t *testing.T, o Opener) {
	s := o.New(t)
	e := Event("n", "Meeting", "2023-09-13", "")
	e.Description = "What the wire says."
	e.Notes = "My reading: a rehearsal.\n\nSecond paragraph about Вострецов."
	Put(t, s, e, Event("other", "Other", "2023-09-14", ""))
	if got := get(t, s, "n"); got.Notes != e.Notes {
		t.Errorf("notes came back as %q", got.Notes)
	}
	selected(t, s, "a word of the notes", timeline.Filter{Query: "rehearsal"}, "Meeting")
	selected(t, s, "a Cyrillic word of the notes", timeline.Filter{Query: "вострецов"}, "Meeting")
	// A change of the notes alone is a change.
	g := get(t, s, "n")
	g.Notes = "Changed my mind."
	if res := Put(t, s, g); res.Updated != 1 {
		t.Errorf("a change of the notes alone: %+v", res)
	}
	selected(t, s, "the old notes", timeline.Filter{Query: "rehearsal"})
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	info.Notes = "Case notes.\n\nWho benefits? 누가"
	if err := s.SetInfo(ctx, info); err != nil {
		t.Fatal(err)
	}
	if back, err := s.Info(ctx); err != nil || back.Notes != info.Notes {
		t.Errorf("case notes came back as %q, %v", back.Notes, err)
	}
}
