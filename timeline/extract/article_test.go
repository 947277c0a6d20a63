package extract

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// sampleCase is the sample chronology as Analyse sees a case.
func sampleCase() Case {
	c := Case{Lanes: map[string][]string{}}
	events := timeline.Sample()
	for _, e := range events {
		c.Actors = appendNewNames(c.Actors, e.Actors)
		c.Lanes[e.Lane] = append(c.Lanes[e.Lane], e.Title)
	}
	c.Near = func(from, to int64) ([]Known, error) {
		var out []Known
		for _, e := range events {
			last := e.Start.Latest
			if e.IsSpan() {
				last = e.End.Latest
			}
			if e.Start.Earliest <= to && last >= from {
				out = append(out, Known{Title: e.Title, Actors: e.Actors})
			}
		}
		return out, nil
	}
	return c
}

func appendNewNames(list, names []string) []string {
	for _, n := range names {
		list = appendNew(list, n)
	}
	return list
}

// TestWholeArticle reads a wire report of our own writing about the summit, against the
// sample case, and compares the candidates with the chronology written by hand from it.
func TestWholeArticle(t *testing.T) {
	text, err := os.ReadFile("testdata/vostochny-wire.txt")
	if err != nil {
		t.Fatal(err)
	}
	written, line, ok := Written(string(text))
	if !ok || written.Format("2006-01-02") != "2023-09-13" || line != "Published 13 September 2023" {
		t.Fatalf("written on %v from %q", written, line)
	}
	type want struct {
		from, to, said, title, actors, lane, duplicate string
	}
	wants := []want{
		{"2023-09-13", "", "Wednesday", "North Korean leader Kim Jong-un met Russian President Vladimir Putin at the Vostochny cosmodrome",
			"Kim Jong-un;Vladimir Putin", "Diplomacy", "Kim and Putin meet at the Vostochny cosmodrome"},
		{"2023-09-10", "", "Sunday", "Kim Jong-un departs Pyongyang aboard an armoured train",
			"Kim Jong-un;Russia", "North Korea", "Kim's armoured train crosses to the Russian Far East"},
		// The sentence names Russia ("Russia's Far East"), so both of its events have it.
		{"2023-09-12", "", "Tuesday", "Kim Jong-un arrived in the Amur region", "Kim Jong-un;Russia", "Diplomacy", ""},
		{"2023-09-04", "2023-09-10", "Last week", "The White House warned that Pyongyang would pay a price if it supplied Russia with weapons",
			"Russia", "Diplomacy", "White House warns Pyongyang it will \"pay a price\""},
		{"2023-09-12", "", "the eve of the summit", "Kremlin spokesperson Dmitry Peskov said the talks would touch on sensitive subjects",
			"", "Diplomacy", ""},
		{"2019-04", "", "April 2019", "Kim and Putin first met in Vladivostok",
			"Kim Jong-un;Vladimir Putin", "Diplomacy", "First Kim-Putin summit in Vladivostok"},
		{"2023-09-13", "", "Wednesday", "North Korea fired two ballistic missiles into the sea, South Korea's military said",
			"North Korea", "Military", "North Korea fires a ballistic missile toward the East Sea"},
		{"2023-09-14", "", "The next day", "Kim is expected to visit an aircraft plant in Komsomolsk-on-Amur", "Kim Jong-un", "Diplomacy", ""},
	}
	got, err := Analyse(string(text), written, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(wants) {
		for _, c := range got {
			t.Logf("%s %s %q %q", c.Date.Text, c.End.Text, c.Said, c.Title)
		}
		t.Fatalf("%d candidates, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		c := got[i]
		g := want{c.Date.Text, c.End.Text, c.Said, c.Title, strings.Join(c.Actors, ";"), c.Lane, c.Duplicate}
		if g != w {
			t.Errorf("candidate %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	// The place of the wire's dateline is no actor; the byline is no event.
	if slices.Contains(got[0].Actors, "Russia") {
		t.Errorf("the dateline's place made Russia an actor")
	}
	// Dmitry Peskov is offered (the sample spells him Dmitri): a new name to tick.
	if !slices.Contains(got[4].NewActors, "Dmitry Peskov") {
		t.Errorf("offered %q, want Dmitry Peskov", got[4].NewActors)
	}
}
