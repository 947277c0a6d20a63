package format

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

func TestACLED(t *testing.T) {
	doc := readFile(t, "testdata/acled-sample.csv", ACLED)
	tests := []struct {
		id, start string
		prec      timeline.Precision
		approx    bool
		title     string
	}{
		{"FRD101", "2023-09-13", timeline.PrecisionDay, false, "Peaceful protest in Port Vella: Protesters (Freedonia)"},
		{"FRD102", "2023-09-14~", timeline.PrecisionDay, true, "Armed clash in Kessel: Military Forces of Freedonia (2019-)"},
		{"FRD103", "2023-08", timeline.PrecisionMonth, false, "Agreement in Freedonia: Government of Freedonia (2019-)"},
	}
	if len(doc.Events) != len(tests) {
		t.Fatalf("got %d events", len(doc.Events))
	}
	for i, tt := range tests {
		e := doc.Events[i]
		if e.ID != tt.id || e.Start.Text != tt.start || e.Start.Precision != tt.prec || e.Start.Approximate != tt.approx || e.Title != tt.title {
			t.Errorf("event %d: %q %q (%v, approx %v) %q", i, e.ID, e.Start.Text, e.Start.Precision, e.Start.Approximate, e.Title)
		}
	}
	e := doc.Events[0]
	if e.Lane != "Protests" || !reflect.DeepEqual(e.Tags, []string{"Peaceful protest", "crowd size=around 200"}) {
		t.Errorf("lane %q tags %q", e.Lane, e.Tags)
	}
	if want := []string{"Protesters (Freedonia)", "Teachers Union of Freedonia", "Students (Freedonia)"}; !reflect.DeepEqual(e.Actors, want) {
		t.Errorf("actors %q", e.Actors)
	}
	if e.Location.Name != "Port Vella, North Province, Freedonia" || *e.Location.Lat != 12.3456 || *e.Location.Lon != -45.6789 {
		t.Errorf("location %+v", e.Location)
	}
	if len(e.Sources) != 1 || e.Sources[0].Title != "Freedonia Daily" || e.Sources[0].Publisher != "ACLED" {
		t.Errorf("sources %+v", e.Sources)
	}
	if !strings.Contains(e.Description, `"fair pay"; no injuries`) {
		t.Errorf("notes %q", e.Description)
	}
	for k, v := range map[string]string{"fatalities": "0", "source_scale": "National", "inter1": "6", "admin2": "Harbour District", "timestamp": "1694995200", "actor1": "Protesters (Freedonia)"} {
		if e.Attrs[k] != v {
			t.Errorf("attr %s = %q, want %q", k, e.Attrs[k], v)
		}
	}
	if a := doc.Events[2]; a.Location.Lat != nil || len(a.Sources) != 0 {
		t.Errorf("empty coordinates or source read as set: %+v", a)
	}
	// Kept through the native formats.
	sameEvents(t, doc.Events, roundTrip(t, CSV, doc).Events)
	sameEvents(t, doc.Events, roundTrip(t, JSON, doc).Events)
}

func TestACLEDErrors(t *testing.T) {
	head := "event_id_cnty,event_date,time_precision,event_type,sub_event_type,latitude,longitude,source\n"
	tests := []struct {
		name, row    string
		column, want string
	}{
		{"date", "X2,2023-02-30,1,Protests,Protest,,,", "event_date", "not a date"},
		{"words", "X2,30 Febtember 2023,1,Protests,Protest,,,", "event_date", "13 September 2023"},
		{"precision", "X2,2023-02-03,4,Protests,Protest,,,", "time_precision", "not 1 (day)"},
		{"latitude", "X2,2023-02-03,1,Protests,Protest,north,,", "latitude", "not a number"},
		{"longitude", "X2,2023-02-03,1,Protests,Protest,0,200,", "longitude", "-180 to 180"},
		{"no date", "X2,,1,Protests,Protest,,,", "event_date", "no date"},
		{"duplicate id", "X1,2023-02-03,1,Protests,Protest,,,", "event_id_cnty", "already used"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(head+"X1,2023-01-01,1,P,P,,,\n"+tt.row+"\n"), "acled.csv", ACLED)
			wantParseError(t, err, "acled.csv", 3, tt.column, tt.want)
		})
	}
}

func FuzzReadACLED(f *testing.F) {
	addSharedSeeds(f)
	if data, err := os.ReadFile("testdata/acled-sample.csv"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("event_date,time_precision\n13 September 2023,3\n"))
	f.Add([]byte("event_date,latitude,event_id_cnty\n2023-01-01,NaN,x\n2023-01-01,1e999,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz.csv", ACLED)
		if err != nil {
			var pe *ParseError
			if !asParseError(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		checkValid(t, doc)
	})
}
