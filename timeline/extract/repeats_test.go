package extract

import (
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestDuplicates flags the imported events that repeat the case's: same day and a close
// title or the same actors; not an update of the same id, not another day.
func TestDuplicates(t *testing.T) {
	ev := func(id, title, start, end string, actors ...string) timeline.Event {
		e := timeline.Event{ID: id, Title: title, Start: timeline.MustParseDate(start), Actors: actors}
		if end != "" {
			e.End = timeline.MustParseDate(end)
		}
		return e
	}
	have := []timeline.Event{
		ev("a", "Kim Jong Un meets Vladimir Putin at Vostochny", "2023-09-13", "", "Kim Jong Un", "Vladimir Putin"),
		ev("b", "Joint naval exercises", "2023-09-01", "2023-09-05"),
		ev("c", "Caesar assassinated", "-0043-03-15", ""),
	}
	imported := []timeline.Event{
		ev("x1", "Putin meets Kim at the Vostochny cosmodrome", "2023-09-13", ""),
		ev("x2", "Talks at the cosmodrome", "2023-09-13", "", "Vladimir Putin", "Kim Jong Un"),
		ev("x3", "Kim meets Putin", "2023-09-14", ""),
		ev("a", "Kim Jong Un meets Vladimir Putin at Vostochny", "2023-09-13", ""),
		ev("x5", "Naval exercises end", "2023-09-05", ""),
		ev("x6", "Caesar is assassinated in Rome", "-0043-03-15", ""),
		ev("x7", "Weather report", "2023-09-13", ""),
	}
	// x1: close title; x2: same actors; x3: another day; a: an update; x5: inside the
	// span; x6: before year 1; x7: nothing alike.
	got := Duplicates(imported, have)
	want := map[int]string{0: "a", 1: "a", 4: "b", 5: "c"}
	if len(got) != len(want) {
		t.Fatalf("Duplicates = %+v, want %v", got, want)
	}
	for _, d := range got {
		if want[d.Index] != d.OfID || d.Of == "" {
			t.Errorf("%+v, want the duplicate of %q", d, want[d.Index])
		}
	}
}
