package data

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestFilteredMarksAreTheQuerys: every filter answered from the marks in memory (dates,
// lanes, actors and tags on the marks, the search and the grades by row id) selects
// exactly the events the SQL query of the filter selects, and counts them alike, with and
// without a snapshot.
func TestFilteredMarksAreTheQuerys(t *testing.T) {
	withSnapshots(t)
	rng := rand.New(rand.NewPCG(11, 12))
	s := newStore(t)
	evs := varied(rng, "v", 400)
	grades := []string{"", "A", "B", "C", "F"}
	for i := range evs {
		if rng.IntN(3) > 0 {
			evs[i].Sources = []timeline.Source{{Title: "Wire " + fmt.Sprint(i%7), Publisher: "Кира press",
				Reliability: grades[rng.IntN(len(grades))], Credibility: rng.IntN(7)}}
		}
	}
	put(t, s, evs...)
	d := timeline.MustParseDate
	queries := []string{"", "event", "Кира", "summit", "ann", "ev", "趙", "wire 3", "press", "nothing"}
	lanes := [][]string{nil, {"Diplomacy"}, {"", "Ann"}, {"Nowhere"}}
	names := [][]string{nil, {"Ann"}, {"Bob", "Кира"}, {"summit"}, {"nobody"}}
	check := func(when string) {
		for round := range 300 {
			f := timeline.Filter{Query: queries[rng.IntN(len(queries))], Lanes: lanes[rng.IntN(len(lanes))],
				Actors: names[rng.IntN(len(names))], Tags: names[rng.IntN(len(names))]}
			if rng.IntN(3) == 0 {
				f.From, f.HasFrom = d([]string{"2023-09-13", "1951", "-0100"}[rng.IntN(3)]).Earliest, true
			}
			if rng.IntN(3) == 0 {
				f.To, f.HasTo = d([]string{"2023-09", "2001", "1990"}[rng.IntN(3)]).Latest, true
			}
			if rng.IntN(4) == 0 {
				f.MinReliability, f.MinCredibility = grades[1+rng.IntN(4)], rng.IntN(7)
			}
			var want *timeline.Marks
			var wantN int
			if err := s.readTx(ctx, func(tx *sql.Tx) error {
				var err error
				if want, err = readMarks(ctx, tx, f); err == nil {
					wantN, err = count(ctx, tx, f)
				}
				return err
			}); err != nil {
				t.Fatal(err)
			}
			got, err := s.Marks(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			sameMarks(t, fmt.Sprintf("%s, round %d, %+v", when, round, f), got, want)
			if n, err := s.Count(ctx, f); err != nil || n != wantN {
				t.Fatalf("%s, round %d, %+v: count %d (%v), want %d", when, round, f, n, err, wantN)
			}
		}
	}
	check("no snapshot")
	if err := s.RefreshMarks(ctx); err != nil {
		t.Fatal(err)
	}
	check("from the snapshot")
	if err := s.Delete(ctx, "v-1", "v-2", "v-3"); err != nil {
		t.Fatal(err)
	}
	put(t, s, varied(rng, "late", 20)...)
	check("from the snapshot and changes")
}

// TestIDList reads group_concat lists of row ids, negative ones and none included.
func TestIDList(t *testing.T) {
	s := newStore(t)
	for _, tt := range []struct {
		query string
		want  []int64
	}{
		{"SELECT '1,22,-3,4000000000'", []int64{1, 22, -3, 4000000000}},
		{"SELECT NULL", nil},
		{"SELECT '7'", []int64{7}},
	} {
		got, err := idList(ctx, s.r, tt.query)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%s: %v %v, want %v", tt.query, got, err, tt.want)
		}
	}
}
