package timeline_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
)

// A date is kept as the analyst wrote it, with the range of instants it may stand for.
func ExampleDate() {
	for _, text := range []string{"2023-09-13", "2023-09", "2023-09-05~", "201X", "-0043-03-15"} {
		d, err := timeline.ParseDate(text)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-12s %-22s %s .. %s fuzzy=%v\n", d.Text, d.Describe(),
			time.Unix(d.Earliest, 0).UTC().Format("2006-01-02"), time.Unix(d.Latest, 0).UTC().Format("2006-01-02"), d.Fuzzy())
	}
	// Output:
	// 2023-09-13   13 Sep 2023            2023-09-13 .. 2023-09-13 fuzzy=false
	// 2023-09      some day in Sep 2023   2023-09-01 .. 2023-09-30 fuzzy=true
	// 2023-09-05~  about 5 Sep 2023       2023-09-02 .. 2023-09-08 fuzzy=true
	// 201X         some year in the 2010s 2010-01-01 .. 2019-12-31 fuzzy=true
	// -0043-03-15  15 Mar 44 BC           -0043-03-15 .. -0043-03-15 fuzzy=false
}

// Validate names the first field that is wrong, as a *FieldError the form and the importers
// show.
func ExampleEvent_Validate() {
	start, _ := timeline.ParseDate("2023-09-13")
	end, _ := timeline.ParseDate("2023-09-01")
	e := timeline.Event{Title: "Kim and Putin meet", Start: start, End: end}
	err := e.Validate()
	var fe *timeline.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field)
		fmt.Println(err)
	}
	e.End = timeline.Date{}
	fmt.Println(e.Validate(), e.IsSpan())
	// Output:
	// end
	// end "2023-09-01": the end is before the start 2023-09-13
	// <nil> false
}

// SetRange reads a From..To pair as typed; Describe says what the filter selects.
func ExampleFilter() {
	f := timeline.Filter{Query: "summit", Lanes: []string{"Diplomacy", "Space"}, MinReliability: "B", MinCredibility: 2}
	if err := f.SetRange("2023-09", "2023-09"); err != nil {
		fmt.Println(err)
	}
	fmt.Println(f.Describe())
	fmt.Println(timeline.Filter{}.Describe())
	err := f.SetRange("2024", "2023")
	var re *timeline.RangeError
	fmt.Println(errors.As(err, &re), err)
	// Output:
	// text "summit", from 01 Sep 2023, to 30 Sep 2023, lane Diplomacy or Space, sources graded B2 or better
	// all events
	// true the range 2024 to 2023 ends before it starts
}
