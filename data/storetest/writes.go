package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func testPutUpdatesAndCounts(t *testing.T, o Opener) {
	s := o.New(t)
	res := Put(t, s, Event("a", "A", "2023-01-01", ""), Event("b", "B", "2023-02-01", ""))
	if res != (timeline.PutResult{Added: 2}) {
		t.Errorf("first put = %+v", res)
	}
	evs := []timeline.Event{Event("a", "A", "2023-01-01", ""), Event("b", "B changed", "2023-02-01", ""), Event("", "C", "2023-03-01", "")}
	res = Put(t, s, evs...)
	if res != (timeline.PutResult{Added: 1, Updated: 1, Unchanged: 1}) {
		t.Errorf("second put = %+v", res)
	}
	if evs[2].ID == "" || get(t, s, evs[2].ID).Title != "C" {
		t.Errorf("a new event's fresh id %q was not written back", evs[2].ID)
	}
	if n := count(t, s, timeline.Filter{}); n != 3 {
		t.Errorf("count = %d, want 3", n)
	}
	// The same id twice in one Put: the second replaces the first.
	res = Put(t, s, Event("d", "D", "2023-04-01", ""), Event("d", "D again", "2023-04-02", ""))
	if res != (timeline.PutResult{Added: 1, Updated: 1}) || get(t, s, "d").Title != "D again" {
		t.Errorf("a Put with one id twice = %+v, %q", res, get(t, s, "d").Title)
	}
	// Text is trimmed, repeated names dropped, an unranked event gets the default importance.
	e := Event("n", "  Padded title ", "2023", "")
	e.Actors, e.Tags = []string{" A ", "A", "", "B"}, []string{"t", "t"}
	Put(t, s, e)
	if got := get(t, s, "n"); got.Title != "Padded title" || strings.Join(got.Actors, "|") != "A|B" ||
		strings.Join(got.Tags, "|") != "t" || got.Importance != timeline.DefaultImportance {
		t.Errorf("normalised event = %+v", got)
	}
}

func testPutIsAllOrNothing(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("keep", "Keep", "2023-01-01", ""))
	v, _ := s.Version(ctx)
	bad := Event("bad", "Bad", "2023-09-13", "")
	bad.End = timeline.MustParseDate("2023-09-01")
	for _, evs := range [][]timeline.Event{
		{Event("new", "New", "2023-01-02", ""), bad},
		append(numbered("many", 2500), bad),
	} {
		_, err := s.Put(ctx, evs, nil)
		var pe *timeline.PutError
		var fe *timeline.FieldError
		if !errors.As(err, &pe) || pe.Index != len(evs)-1 || pe.ID != "bad" || !errors.As(err, &fe) || fe.Field != "end" {
			t.Fatalf("err = %v, want a PutError naming event %d's end", err, len(evs))
		}
		if !strings.HasPrefix(err.Error(), fmt.Sprintf("event %d (bad): end", len(evs))) {
			t.Errorf("error says %q", err)
		}
	}
	if n := count(t, s, timeline.Filter{}); n != 1 {
		t.Errorf("count = %d after a failed put, want 1", n)
	}
	if after, _ := s.Version(ctx); after != v {
		t.Errorf("version moved from %d to %d without a commit", v, after)
	}
}

func testDelete(t *testing.T, o Opener) {
	s := o.New(t)
	e := Event("x", "Xylophone", "2023-01-01", "")
	e.Actors, e.Tags, e.Lane = []string{"Alone"}, []string{"solo"}, "Music"
	e.Sources = []timeline.Source{{Title: "S"}}
	Put(t, s, e, Event("y", "Y", "2023-01-02", ""))
	if err := s.Delete(ctx, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "x"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("Get after delete = %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "x"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("second delete = %v, want ErrNotFound", err)
	}
	if n := count(t, s, timeline.Filter{Query: "xylophone"}); n != 0 {
		t.Errorf("full text still finds a deleted event")
	}
	for _, kind := range []timeline.NameKind{timeline.ActorNames, timeline.TagNames, timeline.LaneNames} {
		if names, _ := s.Names(ctx, kind); len(names) != 0 {
			t.Errorf("names of kind %d after the delete: %q", kind, names)
		}
	}
	if err := s.Delete(ctx, "y", "missing"); !errors.Is(err, timeline.ErrNotFound) || count(t, s, timeline.Filter{}) != 1 {
		t.Errorf("a delete with a missing id = %v and left %d events, want ErrNotFound and 1", err, count(t, s, timeline.Filter{}))
	}
}

// Deleting many events at once (an undone import) is one change: all or nothing.
func testDeleteManyAsASet(t *testing.T, o Opener) {
	s := o.New(t)
	evs := numbered("e", 1500)
	var gone []string
	for i, e := range evs {
		if i%3 != 0 {
			gone = append(gone, e.ID)
		}
	}
	Put(t, s, evs...)
	if err := s.Delete(ctx, append(gone, "missing")...); !errors.Is(err, timeline.ErrNotFound) {
		t.Fatalf("Delete with a missing id = %v", err)
	}
	if n := count(t, s, timeline.Filter{}); n != len(evs) {
		t.Fatalf("a failed Delete removed events: %d left", n)
	}
	if err := s.Delete(ctx, append(gone, gone[0])...); err != nil {
		t.Fatal(err)
	}
	want := len(evs) - len(gone)
	for _, f := range []timeline.Filter{{}, {Query: "e"}, {Actors: []string{"Kim Jong-un"}}} {
		if n := count(t, s, f); n != want {
			t.Errorf("%+v finds %d, want %d", f, n, want)
		}
	}
}

// Replace is all or nothing: when one of its deletes fails, its puts are not kept either.
func testReplaceIsOneTransaction(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("a", "A", "2023-01-01", ""), Event("b", "B", "2023-01-02", ""))
	changed := Event("a", "A changed", "2023-01-01", "")
	if _, err := s.Replace(ctx, []timeline.Event{changed}, []string{"b", "no-such-event"}, nil); !errors.Is(err, timeline.ErrNotFound) {
		t.Fatalf("Replace = %v, want ErrNotFound", err)
	}
	if m := byID(t, s); len(m) != 2 || m["a"].Title != "A" {
		t.Errorf("a failed Replace changed the case: %v", m)
	}
	if _, err := s.Replace(ctx, []timeline.Event{changed}, []string{"b"}, nil); err != nil {
		t.Fatal(err)
	}
	if m := byID(t, s); len(m) != 1 || m["a"].Title != "A changed" {
		t.Errorf("Replace = %v", m)
	}
	if _, err := s.Replace(ctx, numbered("m", 2500), []string{"missing"}, nil); err == nil {
		t.Fatal("a big Replace with a missing id succeeded")
	}
	if n := count(t, s, timeline.Filter{}); n != 1 {
		t.Errorf("a failed big Replace left %d events", n)
	}
}

func testLanes(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, timeline.Sample()...)
	lanes, err := s.Lanes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := s.Names(ctx, timeline.LaneNames)
	if len(lanes) != len(names) {
		t.Fatalf("lanes %v for lane names %v", lanes, names)
	}
	for i, l := range lanes {
		if l.Position != i || l.Colour != timeline.PaletteColour(i) {
			t.Errorf("lane %d = %+v, want position %d and colour %s", i, l, i, timeline.PaletteColour(i))
		}
	}
	// A new lane takes the next colour; deleting every event of a lane keeps its colour.
	e := Event("new-lane", "In a new lane", "2024", "")
	e.Lane = "Economy"
	Put(t, s, e)
	if err := s.Delete(ctx, "new-lane"); err != nil {
		t.Fatal(err)
	}
	Put(t, s, e)
	after, _ := s.Lanes(ctx)
	if len(after) != len(lanes)+1 || after[len(lanes)].Name != "Economy" || after[len(lanes)].Colour != timeline.PaletteColour(len(lanes)) {
		t.Errorf("after a new lane: %+v", after)
	}
	// The analyst's choice stays.
	if err := s.SetLane(ctx, timeline.LaneInfo{Name: "Economy", Colour: "#123456", Position: 0}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []timeline.LaneInfo{{Name: "Economy", Colour: "red"}, {Name: "", Colour: "#123456"}, {Name: "Economy", Colour: "#123456", Position: -1}} {
		if err := s.SetLane(ctx, bad); err == nil {
			t.Errorf("SetLane %+v was taken", bad)
		}
	}
	Put(t, s, Event("e3", "Third", "2025", ""))
	got, _ := s.Lanes(ctx)
	if got[0].Position != 0 || got[1].Name != "Economy" || got[1].Colour != "#123456" || got[1].Position != 0 {
		t.Errorf("after SetLane (lanes of one position go by name): %+v", got)
	}
	// A lane the case does not have yet is added by SetLane.
	if err := s.SetLane(ctx, timeline.LaneInfo{Name: "Later", Colour: "#abcdef", Position: 9}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Lanes(ctx); got[len(got)-1] != (timeline.LaneInfo{Name: "Later", Colour: "#abcdef", Position: 9}) {
		t.Errorf("lanes after SetLane of a new lane: %+v", got)
	}
}

func testPutStream(t *testing.T, o Opener) {
	evs := numbered("streamed", 5000)
	a, b := o.New(t), o.New(t)
	Put(t, a, append([]timeline.Event(nil), evs...)...)
	res, err := b.PutStream(ctx, len(evs), Chunked(evs, 700))
	if err != nil || res != (timeline.PutResult{Added: len(evs)}) {
		t.Fatalf("PutStream = %+v, %v", res, err)
	}
	for _, f := range []timeline.Filter{{}, {Actors: []string{"Kim Jong-un"}}, {Query: "streamed"}, {Lanes: []string{"Lane 2"}}, {Query: "source 4999"}} {
		na, nb := count(t, a, f), count(t, b, f)
		if na != nb || nb == 0 {
			t.Errorf("filter %+v: Put gives %d, PutStream %d", f, na, nb)
		}
	}
	la, _ := a.Lanes(ctx)
	lb, _ := b.Lanes(ctx)
	if len(la) != 3 || fmt.Sprint(la) != fmt.Sprint(lb) {
		t.Errorf("lanes: Put %v, PutStream %v", la, lb)
	}
	ea, eb := get(t, a, evs[4321].ID), get(t, b, evs[4321].ID)
	if fmt.Sprint(ea) != fmt.Sprint(eb) {
		t.Errorf("one event: Put %+v, PutStream %+v", ea, eb)
	}
	// Streaming the same events again changes nothing; changed ones are updated, and an
	// id met twice is written twice, as Put does.
	res, err = b.PutStream(ctx, 0, Chunked(evs, 999))
	if err != nil || res != (timeline.PutResult{Unchanged: len(evs)}) {
		t.Errorf("second PutStream = %+v, %v", res, err)
	}
	again := []timeline.Event{evs[0], evs[1], Event("fresh", "Fresh", "2024", ""), evs[1]}
	again[1].Title, again[3].Title = "Changed once", "Changed twice"
	res, err = b.PutStream(ctx, 0, Chunked(again, 3))
	if err != nil || res != (timeline.PutResult{Added: 1, Updated: 2, Unchanged: 1}) {
		t.Errorf("third PutStream = %+v, %v", res, err)
	}
	if e := get(t, b, evs[1].ID); e.Title != "Changed twice" || e.Version != 3 {
		t.Errorf("an event streamed twice = %q version %d, want the second, version 3", e.Title, e.Version)
	}
}

func testPutStreamIsAllOrNothing(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, timeline.Sample()...)
	evs := numbered("streamed", 3000)
	evs[2100].Title = "" // invalid, in the fourth chunk
	_, err := s.PutStream(ctx, len(evs), Chunked(evs, 700))
	var pe *timeline.PutError
	if !errors.As(err, &pe) || pe.Index != 2100 {
		t.Errorf("PutStream with a bad event = %v, want a PutError at event 2101", err)
	}
	boom := errors.New("line 9: not a date")
	_, err = s.PutStream(ctx, 0, func(put func([]timeline.Event) error) error {
		if err := put(numbered("more", 800)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("PutStream whose producer failed = %v", err)
	}
	if n := count(t, s, timeline.Filter{}); n != len(timeline.Sample()) {
		t.Errorf("%d events after two failed streams, want the sample's %d", n, len(timeline.Sample()))
	}
	if lanes, _ := s.Lanes(ctx); len(lanes) != 4 {
		t.Errorf("failed streams left lanes %v", lanes)
	}
}

func testUndoRedo(t *testing.T, o Opener) {
	s := o.New(t)
	h := timeline.NewHistory(s)
	add := timeline.Change{Label: "add", After: []timeline.Event{Event("", "First", "2023-09-13", "")}}
	if err := h.Apply(ctx, &add); err != nil {
		t.Fatal(err)
	}
	id := add.After[0].ID
	if id == "" || len(byID(t, s)) != 1 {
		t.Fatalf("add did not write the event with a fresh id (%q)", id)
	}
	edited := byID(t, s)[id]
	before := edited
	edited.Title = "First, edited"
	edited.Sources = []timeline.Source{{Title: "Wire", Reliability: "B", Credibility: 2}, {Title: "Record"}}
	if err := h.Apply(ctx, &timeline.Change{Label: "edit", Before: []timeline.Event{before}, After: []timeline.Event{edited}}); err != nil {
		t.Fatal(err)
	}
	withSources := byID(t, s)[id]
	if err := h.Apply(ctx, &timeline.Change{Label: "delete", Before: []timeline.Event{withSources}}); err != nil {
		t.Fatal(err)
	}
	if len(byID(t, s)) != 0 {
		t.Fatal("delete left the event")
	}
	// Undo the delete: the event comes back with both sources and its creation stamp.
	c, ok, err := h.Undo(ctx)
	if err != nil || !ok || c.Label != "delete" {
		t.Fatalf("undo = %v %v %v", c.Label, ok, err)
	}
	back := byID(t, s)[id]
	if back.Title != "First, edited" || len(back.Sources) != 2 || back.Sources[0].Grade() != "B2" || !back.Created.Equal(withSources.Created) {
		t.Errorf("undone delete came back as %+v", back)
	}
	if _, _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if e := byID(t, s)[id]; e.Title != "First" || len(e.Sources) != 0 {
		t.Errorf("undone edit = %+v", e)
	}
	if _, _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if len(byID(t, s)) != 0 {
		t.Errorf("undone add left the event")
	}
	redoAll(t, s, h)
}

// redoAll redoes the add, edit and delete testUndoRedo undid.
func redoAll(t *testing.T, s Store, h *timeline.History) {
	for _, want := range []string{"add", "edit", "delete"} {
		c, ok, err := h.Redo(ctx)
		if err != nil || !ok || c.Label != want {
			t.Fatalf("redo = %q %v %v, want %q", c.Label, ok, err, want)
		}
	}
	if len(byID(t, s)) != 0 {
		t.Errorf("redone delete left the event")
	}
}

func testUndoImport(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("kept", "Kept", "2023-01-01", ""), Event("upd", "Old title", "2023-01-02", ""))
	h := timeline.NewHistory(s)
	incoming := []timeline.Event{Event("upd", "New title", "2023-01-02", ""), Event("new1", "New", "2023-01-03", ""), Event("kept", "Kept", "2023-01-01", "")}
	existing, err := s.Lookup(ctx, []string{"upd", "new1", "kept"})
	if err != nil || len(existing) != 2 {
		t.Fatalf("lookup = %d events, %v", len(existing), err)
	}
	if err := h.Apply(ctx, &timeline.Change{Label: "import", Before: existing, After: incoming}); err != nil {
		t.Fatal(err)
	}
	if m := byID(t, s); len(m) != 3 || m["upd"].Title != "New title" {
		t.Fatalf("import wrote %v", m)
	}
	if _, _, err := h.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if m := byID(t, s); len(m) != 2 || m["upd"].Title != "Old title" || m["kept"].Title != "Kept" {
		t.Errorf("undone import left %v", m)
	}
	if _, _, err := h.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if m := byID(t, s); len(m) != 3 || m["upd"].Title != "New title" {
		t.Errorf("redone import left %v", m)
	}
}
