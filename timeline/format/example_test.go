package format_test

import (
	"fmt"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/format"
)

func ExampleRead() {
	in := "title,start,actors,source,source_url,reliability,credibility\n" +
		"Summit in Vladivostok,2023-09-13,Kim Jong Un; Vladimir Putin,Example Wire,https://example.org/a,B,2\n" +
		"Ides of March,-0043-03-15,Gaius Julius Caesar,,,,\n"
	doc, err := format.Read(strings.NewReader(in), "events.csv", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range doc.Events {
		fmt.Printf("%s | %s | %d actors | %d sources\n", e.Start.Describe(), e.Title, len(e.Actors), len(e.Sources))
	}
	// Output:
	// 13 Sep 2023 | Summit in Vladivostok | 2 actors | 1 sources
	// 15 Mar 44 BC | Ides of March | 1 actors | 0 sources
}

func ExampleParseError() {
	in := "title,start\nLaunch,2023-13-45\n"
	_, err := format.Read(strings.NewReader(in), "events.csv", format.CSV)
	fmt.Println(err)
	// Output:
	// events.csv: line 2, column start: "2023-13-45" is not a date: there is no month 13
}

func ExampleWrite() {
	doc := format.Document{Events: []timeline.Event{{
		ID: "e1", Title: "Talks; day one", Start: timeline.MustParseDate("2023-09-05~"),
		Actors: []string{"A;B", "김정은"}, Importance: 3,
	}}}
	var b strings.Builder
	if err := format.Write(&b, format.CSV, doc); err != nil {
		fmt.Println(err)
	}
	// The file starts with a byte order mark, for spreadsheet programs.
	fmt.Print(strings.TrimPrefix(b.String(), "\ufeff"))
	// Output:
	// id,title,start,end,lane,actors,tags,location,lat,lon,description,importance,notes,source,source_url,source_publisher,source_date,source_quote,reliability,credibility,source_id
	// e1,Talks; day one,2023-09-05~,,,A\;B; 김정은,,,,,,3,,,,,,,,,
}
