package extract

import (
	"slices"
	"testing"
)

// TestActorsOfTheCase finds the case's actors by full name, in other forms, and by one
// part once named in full; other names are offered.
func TestActorsOfTheCase(t *testing.T) {
	c := Case{Actors: []string{"Kim Jong-un", "Vladimir Putin", "Sergei Shoigu", "North Korea"}}
	ref := refDay(t, "2023-09-14")
	tests := []struct {
		text   string
		actors [][]string // of each candidate
		offers [][]string
	}{
		{"Vladimir Putin welcomed Kim Jong-un on 13 September 2023. On 15 September 2023 Kim toured an aircraft plant.",
			[][]string{{"Kim Jong-un", "Vladimir Putin"}, {"Kim Jong-un"}}, [][]string{nil, nil}},
		// A part alone before the full name is nobody yet.
		{"Putin spoke on 12 September 2023. Vladimir Putin's guest arrived on 13 September 2023. Putin smiled on 14 September 2023.",
			[][]string{nil, {"Vladimir Putin"}, {"Vladimir Putin"}}, [][]string{nil, nil, nil}},
		// Kim Yo-jong is not Kim Jong-un.
		{"Kim Jong-un arrived on 12 September 2023. Kim Yo-jong spoke on 13 September 2023.",
			[][]string{{"Kim Jong-un"}, nil}, [][]string{nil, {"Kim Yo-jong"}}},
		// Russian forms of a name.
		{"Путин встретил Ким Чен Ына 13 сентября 2023 года.", nil, nil},
		// Titles mark a name and are left out of it.
		{"On 13 September 2023 Kremlin spokesperson Dmitry Peskov said President Xi Jinping was told, and Mr Lavrov agreed.",
			[][]string{nil}, [][]string{{"Dmitry Peskov", "Xi Jinping", "Lavrov"}}},
		// A participle that opens the sentence is no name.
		{"Departing Pyongyang on 10 September 2023, Kim Jong-un crossed into Russia.",
			[][]string{{"Kim Jong-un"}}, [][]string{nil}},
		// Adjectives of nations and the titles after them are no names.
		{"North Korean leader Kim Jong-un met Russian President Vladimir Putin on 13 September 2023.",
			[][]string{{"Kim Jong-un", "Vladimir Putin"}}, [][]string{nil}},
	}
	for _, tt := range tests {
		got, err := Analyse(tt.text, ref, c)
		if err != nil {
			t.Fatal(err)
		}
		if tt.actors == nil {
			continue
		}
		if len(got) != len(tt.actors) {
			t.Errorf("%q: %d candidates, want %d", tt.text, len(got), len(tt.actors))
			continue
		}
		for i, cand := range got {
			if !slices.Equal(cand.Actors, tt.actors[i]) || !slices.Equal(cand.NewActors, tt.offers[i]) {
				t.Errorf("%q #%d: actors %q, offered %q; want %q, %q", tt.text, i, cand.Actors, cand.NewActors, tt.actors[i], tt.offers[i])
			}
		}
	}
	ru := Case{Actors: []string{"Путин", "Ким Чен Ын"}}
	got, _ := Analyse("Путин встретил Ким Чен Ына 13 сентября 2023 года.", ref, ru)
	if len(got) != 1 || !slices.Equal(got[0].Actors, []string{"Путин", "Ким Чен Ын"}) {
		t.Errorf("Russian forms: %+v", got)
	}
}

// TestDuplicatesAndLanes flags a candidate the case holds, and proposes lanes by the
// words of their events.
func TestDuplicatesAndLanes(t *testing.T) {
	ref := refDay(t, "2023-09-14")
	summit := refDay(t, "2019-04-25").Unix()
	c := Case{
		Actors: []string{"Kim Jong-un", "Vladimir Putin"},
		Lanes: map[string][]string{
			"Diplomacy": {"Kim and Putin hold talks in Vladivostok", "Lavrov visits Pyongyang", "Summit talks at Vostochny"},
			"Military":  {"North Korea fires ballistic missile", "Missile launch into the East Sea", "Artillery drills"},
			"Space":     {"Satellite launch fails", "Second satellite launch fails"},
		},
		Near: func(from, to int64) ([]Known, error) {
			if from <= summit && summit <= to {
				return []Known{{Title: "First Kim-Putin summit in Vladivostok", Actors: []string{"Kim Jong-un", "Vladimir Putin"}}}, nil
			}
			return nil, nil
		},
	}
	text := "Kim Jong-un and Vladimir Putin first met in 2019. On 12 September 2023 North Korea fired a ballistic missile. " +
		"On 13 September 2023 the leaders held summit talks. Kim Jong-un visited a factory on 25 April 2019."
	got, err := Analyse(text, ref, c)
	if err != nil || len(got) != 4 {
		t.Fatalf("%+v %v", got, err)
	}
	// The last is on the day of the summit, with one of its two actors, but about
	// something else.
	wantDup := []string{"First Kim-Putin summit in Vladivostok", "", "", ""}
	wantLane := []string{"Diplomacy", "Military", "Diplomacy", "Diplomacy"}
	for i, cand := range got {
		if cand.Duplicate != wantDup[i] || cand.Lane != wantLane[i] {
			t.Errorf("#%d %q: duplicate %q lane %q; want %q %q", i, cand.Title, cand.Duplicate, cand.Lane, wantDup[i], wantLane[i])
		}
	}
}
