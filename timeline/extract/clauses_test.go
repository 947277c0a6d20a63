package extract

import (
	"slices"
	"testing"
)

// TestClauseTitles checks the titles of sentences that tell of more than the date: the
// clause of each date, without the date and without broken grammar, with its subject.
func TestClauseTitles(t *testing.T) {
	ref := refDay(t, "2023-09-14") // a Thursday
	tests := []struct {
		sentence string
		titles   []string
	}{
		{"Departing the North Korean capital on Sunday evening aboard an armoured train, Kim Jong-un travelled to Russia's Far East, and on Wednesday he met Vladimir Putin at the Vostochny cosmodrome.",
			[]string{"Kim Jong-un departs the North Korean capital aboard an armoured train", "Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome"}},
		{"North Korea fired a missile on 10 September 2023 and launched a satellite on 13 September 2023.",
			[]string{"North Korea fired a missile", "North Korea launched a satellite"}},
		{"Kim met Putin on 13 September 2023, and the two leaders toured the launch site.",
			[]string{"Kim met Putin"}},
		{"Kim Jong-un arrived in Russia on 12 September 2023 and met Putin the next day.",
			[]string{"Kim Jong-un arrived in Russia", "Kim Jong-un met Putin"}},
		{"Leaving Vladivostok on Sunday, the delegation stopped in Komsomolsk-on-Amur.",
			[]string{"The delegation leaves Vladivostok"}},
		// A participle of speech opens what is said: the sentence stays one clause.
		{"Speaking to reporters on Monday, Kremlin spokesperson Dmitry Peskov said the visit would go ahead.",
			[]string{"Speaking to reporters, Kremlin spokesperson Dmitry Peskov said the visit would go ahead"}},
		// An opening that is only the date joins the clause after it.
		{"In April 2019, Kim met Putin in Vladivostok, and the two agreed to meet again.",
			[]string{"Kim met Putin in Vladivostok"}},
		{"Last week, the White House warned that Pyongyang would pay a price.",
			[]string{"The White House warned that Pyongyang would pay a price"}},
		// "a day after" opens a clause of its own, with the sentence's subject.
		{"North Korean leader Kim Jong-un left Russia's Far East on Thursday, a day after he met President Vladimir Putin at the Vostochny cosmodrome.",
			[]string{"North Korean leader Kim Jong-un left Russia's Far East", "North Korean leader Kim Jong-un met President Vladimir Putin at the Vostochny cosmodrome"}},
		// A name that ends in -ing is no participle.
		{"Beijing said on Monday that it had not been told.",
			[]string{"Beijing said that it had not been told"}},
	}
	for _, tt := range tests {
		got, err := Find(tt.sentence, ref)
		var titles []string
		for _, c := range got {
			titles = append(titles, c.Title)
		}
		if err != nil || !slices.Equal(titles, tt.titles) {
			t.Errorf("%q:\n got %q\nwant %q", tt.sentence, titles, tt.titles)
		}
	}
}

func TestPresentOf(t *testing.T) {
	tests := map[string]string{
		"departing": "departs", "arriving": "arrives", "leaving": "leaves", "stopping": "stops",
		"meeting": "meets", "visiting": "visits", "calling": "calls", "crossing": "crosses",
		"making": "makes", "speaking": "speaks", "stating": "states", "defeating": "defeats",
		"touring": "tours", "travelling": "travels", "carrying": "carries", "seeing": "sees",
		"announcing": "announces", "closing": "closes", "urging": "urges", "flying": "flies",
	}
	for p, want := range tests {
		if got := presentOf(p); got != want {
			t.Errorf("presentOf(%q) = %q, want %q", p, got, want)
		}
	}
}
