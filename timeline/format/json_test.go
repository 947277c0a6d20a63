package format

import (
	"bytes"
	"strings"
	"testing"
)

func TestJSONErrors(t *testing.T) {
	tests := []struct {
		name, in     string
		line         int
		column, want string
	}{
		{"not an object", "[1]", 1, "", "an object is expected"},
		{"no events", `{"title": "x"}`, 1, "events", "no \"events\" list"},
		{"events not a list", "{\n\"events\": {}}", 2, "events", "a list is expected"},
		{"bad date", "{\"events\": [\n {\"title\": \"A\", \"start\": \"2023\"},\n {\"title\": \"B\",\n  \"start\": \"2023-02-30\"}]}", 3, "start", "February has no day 30"},
		{"no title", "{\"events\": [\n\n {\"start\": \"2023\"}]}", 3, "title", "needs a title"},
		{"importance as text", "{\"events\": [\n {\"title\": \"A\", \"start\": \"2023\",\n \"importance\": \"high\"}]}", 2, "importance", "a number is expected"},
		{"source grade", "{\"events\": [{\"title\": \"A\", \"start\": \"2023\", \"sources\": [{\"title\": \"s\", \"credibility\": 9}]}]}", 1, "sources[0].credibility", "1 to 6"},
		{"credibility as text", "{\"events\": [{\"title\": \"A\", \"start\": \"2023\",\n \"sources\": [{\"credibility\": \"x\"}]}]}", 1, "sources.credibility", "a number is expected"},
		{"latitude", "{\"events\": [{\"title\": \"A\", \"start\": \"2023\", \"lat\": 100}]}", 1, "lat", "-90 to 90"},
		{"broken", "{\"events\": [\n{\"title\": \"A\",, }]}", 2, "", "broken"},
		{"truncated", "{\"events\": [\n{\"title\": \"A\"", 2, "", "ends too soon"},
		{"trailing", "{\"events\": []}\n{}", 2, "", "more after the end"},
		{"duplicate id", "{\"events\": [{\"id\":\"x\",\"title\":\"A\",\"start\":\"2023\"},\n{\"id\":\"x\",\"title\":\"B\",\"start\":\"2023\"}]}", 2, "id", "already used"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "case.json", JSON)
			wantParseError(t, err, "case.json", tt.line, tt.column, tt.want)
		})
	}
}

func TestJSONHandWritten(t *testing.T) {
	in := `{"title": "Case", "events": [{"title": " A ", "start": "2023-09-05~", "actors": ["x", "x", " "],
	  "extra": {"ignored": true}, "sources": [{"url": "https://example.org"}]}], "other": 1}`
	doc, err := Read(strings.NewReader(in), "c.json", JSON)
	if err != nil {
		t.Fatal(err)
	}
	e := doc.Events[0]
	if doc.Info.Name != "Case" || e.Title != "A" || len(e.Actors) != 1 || e.ID == "" || e.Importance != 3 {
		t.Errorf("got %+v %+v", doc.Info, e)
	}
}

func FuzzReadJSON(f *testing.F) {
	addSharedSeeds(f)
	var rich bytes.Buffer
	if err := Write(&rich, JSON, Document{Events: richEvents()}); err != nil {
		f.Fatal(err)
	}
	f.Add(rich.Bytes())
	f.Add([]byte(`{"events": []}`))
	f.Add([]byte(`{"events": [{"title": "A", "start": "2023", "lat": 1e400}]}`))
	f.Add([]byte(`{"events": [{"title": "A", "start": "2023-02-30"}]`))
	f.Add([]byte(`{"title": null, "events": [null, {}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz.json", JSON)
		if err != nil {
			var pe *ParseError
			if !asParseError(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		checkValid(t, doc)
		// What was read is written and read back unchanged.
		sameEvents(t, doc.Events, roundTrip(t, JSON, doc).Events)
	})
}
