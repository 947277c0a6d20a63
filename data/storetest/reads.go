package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

func testRoundTripEveryField(t *testing.T, o Opener) {
	s := o.New(t)
	lat, lon := 51.88, 128.33
	in := timeline.Event{
		ID: "full", Title: "Саммит — 김정은", Description: "line one\nline \"two\"",
		Start: timeline.MustParseDate("2023-09-05~"), End: timeline.MustParseDate("2023-09-XX"),
		Lane: "Diplomacy", Actors: []string{"Vladimir Putin", "Kim Jong-un"}, Tags: []string{"summit", "space"},
		Location:   timeline.Location{Name: "Vostochny", Lat: &lat, Lon: &lon},
		Importance: 5,
		Sources: []timeline.Source{
			{Title: "Wire", URL: "https://example.org/a", Publisher: "Agency", Date: "2023-09-13", Quote: "«quoted»", Reliability: "B", Credibility: 2},
			{Title: "Second"},
		},
		Attrs: map[string]string{"fatalities": "0", "display_date": "mid-September"},
		Notes: "My note.\n\nA second paragraph.",
	}
	Put(t, s, in)
	got := get(t, s, "full")
	for i := range got.Sources { // the store gave each citation its shared source's id
		if got.Sources[i].ID == "" {
			t.Errorf("source %d has no id", i+1)
		}
		got.Sources[i].ID, in.Sources[i].ID = "", ""
	}
	if diff := timeline.DiffEvents(got, in); len(diff) > 0 || got.Start != in.Start || got.End != in.End ||
		!reflect.DeepEqual(got.Sources, in.Sources) || !reflect.DeepEqual(got.Attrs, in.Attrs) {
		t.Errorf("round trip lost something (%v):\n got %+v\nwant %+v", diff, got, in)
	}
	if !got.Created.Equal(Now) || !got.Updated.Equal(Now) || got.Version != 1 {
		t.Errorf("stamps = %v %v version %d, want the store's clock and version 1", got.Created, got.Updated, got.Version)
	}
	// An event with nothing but the required fields comes back with nothing more.
	bare := Event("bare", "Bare", "2023", "")
	Put(t, s, bare)
	bare.Importance = timeline.DefaultImportance
	back := get(t, s, "bare")
	back.Created, back.Updated, back.Version = time.Time{}, time.Time{}, 0
	if !reflect.DeepEqual(back, bare) {
		t.Errorf("bare event came back as %+v", back)
	}
	testLookupAndInfo(t, s)
}

// testLookupAndInfo checks Lookup, Info and SetInfo on a case holding "bare" and "full".
func testLookupAndInfo(t *testing.T, s Store) {
	evs, err := s.Lookup(ctx, []string{"bare", "missing", "full"})
	if err != nil || len(evs) != 2 {
		t.Errorf("Lookup = %d events, %v", len(evs), err)
	}
	// The case's name and description.
	info, err := s.Info(ctx)
	if err != nil || info.Name == "" {
		t.Fatalf("Info = %+v, %v", info, err)
	}
	info.Description = "Описание: 说明"
	info.Notes = "Notes of the case"
	if err := s.SetInfo(ctx, info); err != nil {
		t.Fatal(err)
	}
	if back, err := s.Info(ctx); err != nil || back != info {
		t.Errorf("Info after SetInfo = %+v, %v; want %+v", back, err, info)
	}
}

// Dates BCE and in 2263 (beyond what a time.Time in nanoseconds holds) keep their text
// and range, sort in date order and are found by windows.
func testDatesBCEAnd2263(t *testing.T, o Opener) {
	s := o.New(t)
	dates := []string{"-0043-03-15", "1600-06-01", "2263-01-01", "201X", "2023-09-13T10:30:00+09:00", "-0500/-0400"}
	for _, d := range dates {
		start, end, _ := strings.Cut(d, "/")
		Put(t, s, Event("d"+d, "at "+d, start, end))
	}
	for _, d := range dates {
		start, _, _ := strings.Cut(d, "/")
		if e := get(t, s, "d"+d); e.Start != timeline.MustParseDate(start) {
			t.Errorf("%s came back as %+v", d, e.Start)
		}
	}
	evs, err := s.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(titles(evs), "|"); got != "at -0500/-0400|at -0043-03-15|at 1600-06-01|at 201X|at 2023-09-13T10:30:00+09:00|at 2263-01-01" {
		t.Errorf("events not in date order: %s", got)
	}
	year := func(y string) timeline.Date { return timeline.MustParseDate(y) }
	selected(t, s, "BCE", timeline.Filter{From: year("-0100").Earliest, To: year("-0001").Latest, HasFrom: true, HasTo: true}, "at -0043-03-15")
	selected(t, s, "inside a BCE span", timeline.Filter{From: year("-0450").Earliest, To: year("-0450").Latest, HasFrom: true, HasTo: true}, "at -0500/-0400")
	selected(t, s, "before the common era", timeline.Filter{To: year("0000").Earliest - 1, HasTo: true}, "at -0043-03-15", "at -0500/-0400")
	selected(t, s, "from 2200", timeline.Filter{From: year("2200").Earliest, HasFrom: true}, "at 2263-01-01")
	selected(t, s, "the 2010s", timeline.Filter{From: year("2015").Earliest, To: year("2015").Latest, HasFrom: true, HasTo: true}, "at 201X")
	first, last, ok, err := s.Extent(ctx)
	if err != nil || !ok || first != year("-0500").Earliest || last != year("2263-01-01").Latest {
		t.Errorf("extent = %d..%d %v %v", first, last, ok, err)
	}
}

func testFilters(t *testing.T, o Opener) {
	s := o.New(t)
	evs := timeline.Sample()
	Put(t, s, evs...)
	day := func(d string) int64 { return timeline.MustParseDate(d).Earliest }
	tests := []struct {
		name string
		f    timeline.Filter
		want int
	}{
		{"all", timeline.Filter{}, len(evs)},
		{"13 September", timeline.Filter{From: day("2023-09-13"), To: day("2023-09-14") - 1, HasFrom: true, HasTo: true}, 6},
		{"before 2020", timeline.Filter{To: day("2020-01-01") - 1, HasTo: true}, 2},
		{"text", timeline.Filter{Query: "satellite"}, 3},
		{"prefix", timeline.Filter{Query: "cosmod"}, 2},
		{"source titles", timeline.Filter{Query: "vostochny"}, 8},
		{"actor in text", timeline.Filter{Query: "Peskov"}, 1},
		{"source title", timeline.Filter{Query: "public record"}, 5},
		{"lane", timeline.Filter{Lanes: []string{"Space"}}, 3},
		{"two lanes", timeline.Filter{Lanes: []string{"Space", "Military"}}, 3 + count(t, s, timeline.Filter{Lanes: []string{"Military"}})},
		{"actor", timeline.Filter{Actors: []string{"Vladimir Putin"}}, 4},
		{"tag", timeline.Filter{Tags: []string{"warning"}}, 2},
		{"grade A", timeline.Filter{MinReliability: "A"}, 5},
		{"grade B2", timeline.Filter{MinReliability: "B", MinCredibility: 2}, len(evs)},
		{"grade 1", timeline.Filter{MinCredibility: 1}, 5},
		{"lane and text", timeline.Filter{Lanes: []string{"Space"}, Query: "cosmod"}, 1},
		{"syntax is text", timeline.Filter{Query: `"NEAR OR* -`}, 0},
		{"quotes and stars", timeline.Filter{Query: `satellite' OR 1=1 --`}, 0},
		{"punctuation only", timeline.Filter{Query: `*"%_\`}, len(evs)},
		{"limit", timeline.Filter{Limit: 4}, 4},
	}
	for _, tt := range tests {
		n, err := s.Count(ctx, tt.f)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if n != tt.want {
			t.Errorf("%s: %d events, want %d", tt.name, n, tt.want)
		}
		marks, err := s.Marks(ctx, tt.f)
		if err != nil || marks.Len() != n {
			t.Errorf("%s: %d marks (%v), want %d", tt.name, marks.Len(), err, n)
		}
		got, err := s.Events(ctx, tt.f)
		if err != nil || len(got) != n {
			t.Errorf("%s: %d events (%v), want %d", tt.name, len(got), err, n)
		}
	}
	// A limited selection is the first events by date.
	all, _ := s.Events(ctx, timeline.Filter{})
	first, _ := s.Events(ctx, timeline.Filter{Limit: 4})
	if strings.Join(titles(first), "|") != strings.Join(titles(all[:4]), "|") {
		t.Errorf("limit 4 = %q, want the first four %q", titles(first), titles(all[:4]))
	}
}

// Windows select every event that covers any instant of [From, To], edges included:
// points, long spans reaching in from either side, fuzzy dates by their whole range.
func testWindows(t *testing.T, o Opener) {
	s := o.New(t)
	Put(t, s, Event("day", "A day", "2023-09-13", ""), Event("decade", "A decade", "2015", "2025"),
		Event("fuzzy", "About September", "2023-09~", ""), Event("later", "Later", "2024-02-01", ""),
		Event("earlier", "Earlier", "2023-08-31", ""), Event("open", "Spring to autumn", "2023-04", "2023-10"))
	d := timeline.MustParseDate
	window := func(from, to string) timeline.Filter {
		return timeline.Filter{From: d(from).Earliest, To: d(to).Latest, HasFrom: true, HasTo: true}
	}
	selected(t, s, "September", window("2023-09-01", "2023-09-30"), "A day", "A decade", "About September", "Spring to autumn")
	selected(t, s, "the day", window("2023-09-13", "2023-09-13"), "A day", "A decade", "About September", "Spring to autumn")
	selected(t, s, "an edge", timeline.Filter{From: d("2023-08-31").Latest, To: d("2023-08-31").Latest, HasFrom: true, HasTo: true},
		"Earlier", "A decade", "About September", "Spring to autumn")
	selected(t, s, "2026", window("2026", "2026"))
	selected(t, s, "from 2024", timeline.Filter{From: d("2024").Earliest, HasFrom: true}, "A decade", "Later")
	selected(t, s, "to 2022", timeline.Filter{To: d("2022").Latest, HasTo: true}, "A decade")
	selected(t, s, "window and text", timeline.Filter{From: d("2023-09").Earliest, To: d("2023-09").Latest, HasFrom: true, HasTo: true, Query: "day"}, "A day")
}

func testNamesAndExtent(t *testing.T, o Opener) {
	s := o.New(t)
	if _, _, ok, err := s.Extent(ctx); ok || err != nil {
		t.Errorf("empty case has an extent (%v)", err)
	}
	if names, err := s.Names(ctx, timeline.ActorNames); err != nil || len(names) != 0 {
		t.Errorf("empty case has actors %q (%v)", names, err)
	}
	Put(t, s, timeline.Sample()...)
	lanes, _ := s.Names(ctx, timeline.LaneNames)
	if strings.Join(lanes, ",") != "Diplomacy,Military,North Korea,Space" {
		t.Errorf("lanes = %v", lanes)
	}
	first, last, ok, _ := s.Extent(ctx)
	if !ok || first != timeline.MustParseDate("2019-04-25").Earliest || last != timeline.MustParseDate("2023-09-13").Latest {
		t.Errorf("extent = %d..%d", first, last)
	}
	// Names sort by their bytes, whatever the locale, and each is listed once.
	e := Event("names", "Names", "2024", "")
	e.Actors, e.Tags = []string{"Zed", "alpha", "Émile", "Bob", "Ярослав"}, []string{"b", "a", "B"}
	Put(t, s, e, Event("names2", "More names", "2024", ""))
	e2 := get(t, s, "names2")
	e2.Actors, e2.Version = []string{"Zed"}, 0
	Put(t, s, e2)
	for _, tt := range []struct {
		kind timeline.NameKind
		ours []string
		want string
	}{
		{timeline.ActorNames, e.Actors, "Bob,Zed,alpha,Émile,Ярослав"},
		{timeline.TagNames, e.Tags, "B,a,b"},
	} {
		names, err := s.Names(ctx, tt.kind)
		var got []string
		for _, n := range names {
			if slices.Contains(tt.ours, n) {
				got = append(got, n)
			}
		}
		if err != nil || strings.Join(got, ",") != tt.want {
			t.Errorf("names %d = %v (%v), want %s in that order", tt.kind, names, err, tt.want)
		}
	}
}

func testEachStreamsInPages(t *testing.T, o Opener) {
	s := o.New(t)
	evs := numbered("event", 4007)
	Put(t, s, evs...)
	want, err := s.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []timeline.Event
	if err := s.Each(ctx, timeline.Filter{}, func(e timeline.Event) error { got = append(got, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) != len(evs) {
		t.Fatalf("Each gave %d events, Events %d, want %d", len(got), len(want), len(evs))
	}
	ids := map[string]timeline.Event{}
	for _, e := range want {
		ids[e.ID] = e
	}
	for i, e := range got {
		w, ok := ids[e.ID]
		if !ok || len(e.Sources) != 1 || e.Sources[0] != w.Sources[0] || e.Title != w.Title || e.Lane != w.Lane ||
			strings.Join(e.Actors, "|") != "Kim Jong-un" {
			t.Fatalf("event %d: Each %+v, Events %+v", i, e, w)
		}
		delete(ids, e.ID)
	}
	if len(ids) != 0 {
		t.Errorf("Each missed %d events", len(ids))
	}
	n := 0
	s.Each(ctx, timeline.Filter{Query: "source", Limit: 2500}, func(timeline.Event) error { n++; return nil })
	if n != 2500 {
		t.Errorf("limited Each gave %d", n)
	}
	stop := errors.New("stop")
	n = 0
	if err := s.Each(ctx, timeline.Filter{}, func(timeline.Event) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Each did not stop: %v after %d", err, n)
	}
}

// Marks come earliest first (then by end), carry what the timeline draws, and follow
// edits of actors and tags.
func testMarksInOrderWithNames(t *testing.T, o Opener) {
	s := o.New(t)
	e := Event("x", "X", "2023", "")
	e.Actors, e.Tags = []string{"B", "A"}, []string{"t"}
	Put(t, s, e, Event("span", "Span", "2023-01-01", "2023-06-30"), Event("fuzzy", "Fuzzy", "2023-01-01~", ""),
		Event("first", "First", "2022-12-31", ""))
	e.Actors, e.Tags, e.Importance = []string{"C"}, nil, 5
	Put(t, s, e)
	marks, err := s.Marks(ctx, timeline.Filter{})
	if err != nil || marks.Len() != 4 {
		t.Fatalf("marks = %+v, %v", marks.All(), err)
	}
	m := marks.All()
	var order []string
	for _, mk := range m {
		order = append(order, mk.ID)
	}
	if got := strings.Join(order, " "); got != "fuzzy first span x" {
		t.Errorf("marks in order %s", got)
	}
	byID := map[string]timeline.Mark{}
	for _, mk := range m {
		byID[mk.ID] = mk
	}
	if x := byID["x"]; strings.Join(x.Actors, "|") != "C" || x.Tags != nil || x.Importance != 5 || x.Span || !x.StartFuzzy {
		t.Errorf("mark x after an edit = %+v", x)
	}
	sp := byID["span"]
	if !sp.Span || sp.StartFuzzy || sp.EndFuzzy || sp.EndHi != timeline.MustParseDate("2023-06-30").Latest {
		t.Errorf("span mark = %+v", sp)
	}
	for _, ev := range []timeline.Event{e, Event("span", "Span", "2023-01-01", "2023-06-30"), Event("fuzzy", "Fuzzy", "2023-01-01~", "")} {
		if want := timeline.MarkOf(ev); fmt.Sprint(want.StartLo, want.StartHi, want.EndLo, want.EndHi, want.StartFuzzy, want.EndFuzzy) !=
			fmt.Sprint(byID[ev.ID].StartLo, byID[ev.ID].StartHi, byID[ev.ID].EndLo, byID[ev.ID].EndHi, byID[ev.ID].StartFuzzy, byID[ev.ID].EndFuzzy) {
			t.Errorf("mark %s = %+v, want %+v", ev.ID, byID[ev.ID], want)
		}
	}
	limited, _ := s.Marks(ctx, timeline.Filter{Limit: 2})
	if limited.Len() != 2 || limited.ID(0) != "fuzzy" || limited.ID(1) != "first" {
		t.Errorf("limited marks = %+v", limited.All())
	}
	for i := range marks.Len() {
		if p, ok := marks.PosOfRow(marks.Row(i)); !ok || p != i {
			t.Errorf("mark %d is at %d (%v) by its row %d", i, p, ok, marks.Row(i))
		}
		if p, ok := marks.Find(marks.ID(i)); !ok || p != i {
			t.Errorf("mark %d is at %d (%v) by its id %s", i, p, ok, marks.ID(i))
		}
	}
}
