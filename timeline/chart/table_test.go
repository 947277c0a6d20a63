package chart

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// Rows go by date, then importance (most first), then title, whatever order the events
// came in.
func TestTableOrder(t *testing.T) {
	events := []chartEventSpec{
		{"c", "Charlie", "2023-09-13", 4}, {"a", "Alpha", "2023-09-13", 4}, {"z", "Zulu", "2023-09-13", 5},
		{"e", "Earlier", "2023-09-12", 1}, {"l", "Later", "2023-09-14", 5},
	}
	want := []string{"Earlier", "Zulu", "Alpha", "Charlie", "Later"}
	for range 2 {
		s := collect(slices.Values(build5(events)))
		var got []string
		for _, r := range newTable(s).Rows {
			got = append(got, r.Title)
		}
		if !slices.Equal(got, want) {
			t.Errorf("rows %v, want %v", got, want)
		}
		slices.Reverse(events)
	}
}

type chartEventSpec struct {
	id, title, start string
	imp              int
}

func build5(specs []chartEventSpec) []timeline.Event {
	out := make([]timeline.Event, len(specs))
	for i, s := range specs {
		out[i] = ev(s.id, s.title, s.start, "", "L", s.imp, nil, nil)
	}
	return out
}

// A big case lists the most important events, says so, and leaves out none more
// important than one it lists.
func TestTableBigCaseListsTheMostImportant(t *testing.T) {
	events := synthetic(MaxTableRows*3, 0)
	s := collect(slices.Values(events))
	tb := newTable(s)
	if len(tb.Rows) != MaxTableRows || tb.LeftOut != 2*MaxTableRows {
		t.Fatalf("%d rows, %d left out", len(tb.Rows), tb.LeftOut)
	}
	var page bytes.Buffer
	if err := Render(&page, events, Options{Kind: KindReport}); err != nil {
		t.Fatal(err)
	}
	if want := "by date; the 4,000 less important ones are counted"; !strings.Contains(page.String(), want) {
		t.Errorf("the report does not say %q", want)
	}
	listed := map[string]bool{}
	for _, r := range tb.Rows {
		listed[r.Title] = true
	}
	for _, e := range events {
		if !listed[e.Title] && importance(&e) > tb.Least {
			t.Fatalf("%q (importance %d) is left out, yet importance %d is listed", e.Title, importance(&e), tb.Least)
		}
	}
	var b bytes.Buffer
	if err := render(&b, slices.Values(events), Options{Kind: KindReport}, testLibrary); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "The table lists the 2,000 most important of the 6,000 events") {
		t.Error("the report does not say which events its table lists")
	}
}

// The report explains the grades once, prints the marking top and bottom and on every
// printed page with the case's name, and never lets the browser break a word.
func TestReportPage(t *testing.T) {
	opt := sampleOptions(KindReport)
	opt.Marking = "OFFICIAL-SENSITIVE"
	opt.Case.Notes = "Who gains?\n\nSecond paragraph & more"
	evs := sampleEvents()
	evs[0].Notes = "My own reading <b>of it</b>"
	var b bytes.Buffer
	if err := render(&b, seq(evs), opt, testLibrary); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"<h2>Case notes</h2><p class=\"notes\">Who gains?\n\nSecond paragraph &amp; more</p>",
		"Note:</span> My own reading &lt;b&gt;of it&lt;/b&gt;</div>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the report lacks the notes %q", want)
		}
	}
	if n := strings.Count(page, "Usually reliable"); n != 1 {
		t.Errorf("the grade B is explained %d times, want once", n)
	}
	if n := strings.Count(page, `<p class="marking">OFFICIAL-SENSITIVE</p>`); n != 2 {
		t.Errorf("the marking shows %d times on the page, want top and bottom", n)
	}
	for _, want := range []string{`@top-left { content: "September 2023"`, `@top-right { content: "OFFICIAL-SENSITIVE"`, "break-before: page"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "overflow-wrap: anywhere") || strings.Contains(page, "word-break: break-all") {
		t.Error("the page lets words break anywhere")
	}
}
