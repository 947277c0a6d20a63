package format

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chronoscope/chronoscope/timeline"
)

// TestRoleOfHeader reads the headers people give their columns, in English, French,
// German, Spanish and Russian.
func TestRoleOfHeader(t *testing.T) {
	tests := map[string]Role{
		// English
		"Date": "start", "When": "start", "Day": "start", "Start date": "start", "Event date": "start",
		"End": "end", "End date": "end", "Until": "end",
		"Event": "title", "Title": "title", "Headline": "title", "What": "title", "Event title": "title",
		"Notes": "description", "Description": "description", "Details": "description", "Comments": "description",
		"Who": "actors", "Actor": "actors", "People": "actors",
		"Where": "location", "Place": "location", "Location": "location", "City": "location",
		"Source": "source", "URL": "source_url", "Source URL": "source_url", "Link": "source_url", "source_url": "source_url",
		"Lat": "lat", "Latitude": "lat", "Lon": "lon", "Lng": "lon", "Longitude": "lon",
		"Category": "lane", "Type": "lane", "Tags": "tags", "Keywords": "tags", "Priority": "importance",
		"Publisher": "source_publisher", "Reliability": "reliability", "ID": "id",
		// French
		"Quand": "start", "Date de début": "start", "Date de fin": "end", "Événement": "title", "Titre": "title",
		"Remarques": "description", "Commentaire": "description", "Qui": "actors", "Acteurs": "actors", "Lieu": "location",
		"Où": "location", "Lien": "source_url", "Catégorie": "lane", "Mots-clés": "tags",
		// German
		"Datum": "start", "Wann": "start", "Ereignis": "title", "Beschreibung": "description", "Notizen": "description",
		"Wer": "actors", "Ort": "location", "Quelle": "source", "Breitengrad": "lat", "Enddatum": "end",
		// Spanish
		"Fecha": "start", "Fecha de inicio": "start", "Fecha de fin": "end", "Evento": "title", "Título": "title",
		"Descripción": "description", "Notas": "description", "Quién": "actors", "Lugar": "location", "Fuente": "source",
		"Enlace": "source_url",
		// Russian
		"Дата": "start", "Когда": "start", "Событие": "title", "Название": "title", "Описание": "description",
		"Примечания": "description", "Кто": "actors", "Участники": "actors", "Место": "location", "Источник": "source",
		"Ссылка": "source_url", "Дата окончания": "end",
		// nothing
		"": "", "Column 7": "", "Foo": "", "#": "",
	}
	for header, want := range tests {
		if got := roleOfHeader(header); got != want {
			t.Errorf("roleOfHeader(%q) = %q, want %q", header, got, want)
		}
	}
}

// TestGuessByContent gives roles to columns whose headers say nothing, by their cells.
func TestGuessByContent(t *testing.T) {
	headers := []string{"A", "B", "C", "D", "E", "F", "G", "H"}
	rows := [][]string{
		{"13/09/2023", "Kim meets Putin", "https://example.org/a", "48.1", "131.5", "14/09/2023", "The two leaders met at the cosmodrome for talks on arms and space", "7"},
		{"15/09/2023", "Kim visits aircraft plant", "https://example.org/b", "50.6", "137.0", "", "A tour of the Komsomolsk plant where fighter jets are built and shown", "3"},
		{"1 Sep 2023", "Shoigu in Pyongyang", "https://example.org/c", "39.0", "125.7", "", "The Russian defence minister watched a parade of new missiles and drones", "9"},
		{"c. 1950", "Armistice talks", "https://example.org/d", "37.9", "126.6", "", "Talks at Kaesong opened, then moved to Panmunjom, and went on for two years", "2"},
	}
	l := guessLayout(headers, rows, Options{})
	want := []Role{"start", "title", "source_url", "lat", "lon", "end", "description", RoleAttr}
	for i, c := range l.Columns {
		if c.Role != want[i] {
			t.Errorf("column %s = %s (%s), want %s", c.Header, c.Role, c.By, want[i])
		}
		if c.Role != RoleAttr && c.By != "content" {
			t.Errorf("column %s guessed by %q, want content", c.Header, c.By)
		}
	}
	// A header's word goes first, and a role chosen goes before both.
	l = guessLayout([]string{"Notes", "Event", "When"}, rows, Options{Map: map[string]Role{"notes": "title", "event": "description"}})
	for i, w := range []struct {
		role Role
		by   string
	}{{"title", "chosen"}, {"description", "chosen"}, {"start", "header"}} {
		if c := l.Columns[i]; c.Role != w.role || c.By != w.by {
			t.Errorf("column %s = %s by %s, want %s by %s", c.Header, c.Role, c.By, w.role, w.by)
		}
	}
	// A role goes to one column: the second date column is the end, the third kept.
	l = guessLayout([]string{"Date", "Datum", "Fecha"}, nil, Options{})
	if l.Columns[0].Role != "start" || l.Columns[1].Role != RoleAttr || l.Columns[2].Role != RoleAttr {
		t.Errorf("three date headers: %+v", l.Columns)
	}
}

func TestParseMap(t *testing.T) {
	m, err := ParseMap("title=Event, start=Date ,description=Notes,,Remarks,source_url=Link")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Role{"event": "title", "date": "start", "notes,remarks": "description", "link": "source_url"}
	if len(m) != len(want) {
		t.Fatalf("ParseMap = %v", m)
	}
	for h, r := range want {
		if m[h] != r {
			t.Errorf("%q = %q, want %q", h, m[h], r)
		}
	}
	for _, bad := range []string{"title", "when=Date", "title=", "title=A,start=A"} {
		if _, err := ParseMap(bad); err == nil {
			t.Errorf("ParseMap(%q) accepted", bad)
		}
	}
}

// readForeign reads a CSV written by hand with opt.
func readForeign(t *testing.T, text string, opt Options) (Document, error) {
	t.Helper()
	return ReadWith(strings.NewReader(text), "sheet.csv", CSV, opt)
}

// TestForeignCSV reads a spreadsheet nobody made for Chronoscope: the columns are
// guessed, the numeric dates are day first (a day over 12 says so), and the columns
// left over are kept as attributes.
func TestForeignCSV(t *testing.T) {
	const sheet = "Date,Event,Notes,Who,Where,Category\n" +
		"13/09/2023,Kim meets Putin,At the cosmodrome,\"Kim Jong Un, Vladimir Putin\",Vostochny,summit\n" +
		"05/09/2023,Warning from Washington,Kirby speaks,John Kirby,,\n" +
		"1-5 Sep 2023,Exercises,At sea,,,drills\n"
	doc, err := readForeign(t, sheet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := doc.Layout
	if l == nil || l.Native || l.MapText() != "start=Date,title=Event,description=Notes,actors=Who,location=Where,lane=Category" {
		t.Fatalf("layout %+v", l)
	}
	if l.Order != timeline.DayMonthYear || l.OrderBy != "the dates" || l.Ambiguous {
		t.Errorf("order %v by %q ambiguous %v", l.Order, l.OrderBy, l.Ambiguous)
	}
	want := []struct{ start, end, title, desc, lane string }{
		{"2023-09-13", "", "Kim meets Putin", "At the cosmodrome", "summit"},
		{"2023-09-05", "", "Warning from Washington", "Kirby speaks", ""},
		{"2023-09-01", "2023-09-05", "Exercises", "At sea", "drills"},
	}
	if len(doc.Events) != len(want) {
		t.Fatalf("%d events", len(doc.Events))
	}
	for i, w := range want {
		e := doc.Events[i]
		if e.Start.Text != w.start || e.End.Text != w.end || e.Title != w.title || e.Description != w.desc || e.Lane != w.lane {
			t.Errorf("event %d = %q %q %q %q %q, want %+v", i, e.Start.Text, e.End.Text, e.Title, e.Description, e.Lane, w)
		}
	}
	if a := doc.Events[0].Actors; len(a) != 2 || a[1] != "Vladimir Putin" || doc.Events[0].Location.Name != "Vostochny" {
		t.Errorf("actors %v location %q", a, doc.Events[0].Location.Name)
	}
	// Chosen roles: Notes as the title, Event kept as an attribute, month first.
	doc, err = readForeign(t, strings.Replace(sheet, "13/09/2023", "09/13/2023", 1), Options{
		Map: map[string]Role{"notes": "title", "event": RoleAttr, "category": RoleSkip}, Order: timeline.MonthDayYear})
	if err != nil {
		t.Fatal(err)
	}
	if e := doc.Events[1]; e.Title != "Kirby speaks" || e.Start.Text != "2023-05-09" || e.Attrs["Event"] != "Warning from Washington" {
		t.Errorf("chosen: %q %q %v", e.Title, e.Start.Text, e.Attrs)
	}
	if e := doc.Events[2]; e.Title != "At sea" || e.Lane != "" || e.Attrs["Category"] != "" {
		t.Errorf("a left-out column was kept: %+v", e)
	}
}

// TestForeignCSVOrder checks numeric dates whose order the first rows do not settle,
// or settle both ways.
func TestForeignCSVOrder(t *testing.T) {
	doc, err := readForeign(t, "Date,Event\n05/09/2023,A\n06/09/2023,B\n", Options{})
	if err != nil || doc.Layout.OrderBy != "assumed" || !doc.Layout.Ambiguous || doc.Events[0].Start.Text != "2023-09-05" {
		t.Errorf("ambiguous: %+v %v", doc.Layout, err)
	}
	_, err = readForeign(t, "Date,Event\n13/09/2023,A\n09/14/2023,B\n", Options{})
	if err == nil || !strings.Contains(err.Error(), `both day first ("13/09/2023" on line 2) and month first ("09/14/2023" on line 3)`) {
		t.Errorf("both orders: %v", err)
	}
	// A row past the first ones that the assumed order cannot read is refused, naming why.
	rows := "Date,Event\n" + strings.Repeat("05/09/2023,A\n", sampleRows) + "09/13/2023,B\n"
	_, err = readForeign(t, rows, Options{})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("line %d, column Date", sampleRows+2)) ||
		!strings.Contains(err.Error(), "read day first: choose month-day-year") {
		t.Errorf("late month-first date: %v", err)
	}
	_, err = readForeign(t, "Date,Event\n31/02/2023,A\n", Options{})
	if err == nil || !strings.Contains(err.Error(), "line 2, column Date") || !strings.Contains(err.Error(), "February has no day 31") {
		t.Errorf("31 February: %v", err)
	}
}

// TestForeignCSVMissing says which roles no column holds, and keeps the layout for the
// preview to change.
func TestForeignCSVMissing(t *testing.T) {
	doc, err := readForeign(t, "Count,Size\n3,4\n", Options{})
	if err == nil || !strings.Contains(err.Error(), "no column was found for the title and the start") || doc.Layout == nil {
		t.Errorf("%v, layout %+v", err, doc.Layout)
	}
}

// TestNativeCSVKeepsItsLayout reads a native header as the native CSV, with its layout.
func TestNativeCSVKeepsItsLayout(t *testing.T) {
	doc, err := readForeign(t, "title,start,custom\nA,2023-09-13,x\n", Options{})
	if err != nil || !doc.Layout.Native || doc.Layout.Role("custom") != RoleAttr || doc.Events[0].Attrs["custom"] != "x" {
		t.Errorf("%+v %v", doc.Layout, err)
	}
}

// TestFrenchExcelCSV reads a CSV as French Excel saves it: semicolons between cells,
// the Windows code page, day-first dates, a decimal comma in a coordinate.
func TestFrenchExcelCSV(t *testing.T) {
	utf := "Date;Événement;Remarques;Lieu\r\n13/09/2023;Rencontre à Vostotchny;Kim et Poutine;Cosmodrome\r\n" +
		"\"1er septembre 2023\";Défilé;\"Missiles; drones\";Pyongyang\r\n"
	var cp1252 []byte
	for _, r := range utf {
		switch r {
		case 'É':
			cp1252 = append(cp1252, 0xC9)
		case 'é':
			cp1252 = append(cp1252, 0xE9)
		case 'à':
			cp1252 = append(cp1252, 0xE0)
		default:
			cp1252 = append(cp1252, byte(r))
		}
	}
	for name, text := range map[string]string{"UTF-8": utf, "Windows-1252": string(cp1252)} {
		doc, err := readForeign(t, text, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if doc.Layout.Comma != ';' || (name == "Windows-1252") != (doc.Layout.Encoding == "Windows-1252") {
			t.Errorf("%s: comma %q encoding %q", name, doc.Layout.Comma, doc.Layout.Encoding)
		}
		if doc.Layout.MapText() != "start=Date,title=Événement,description=Remarques,location=Lieu" {
			t.Errorf("%s: mapping %s", name, doc.Layout.MapText())
		}
		e := doc.Events
		if len(e) != 2 || e[0].Title != "Rencontre à Vostotchny" || e[0].Start.Text != "2023-09-13" ||
			e[1].Start.Text != "2023-09-01" || e[1].Description != "Missiles; drones" {
			t.Errorf("%s: %+v", name, e)
		}
	}
	doc, err := readForeign(t, "When\tWhat\n2023-09-13\tSummit\n", Options{})
	if err != nil || doc.Layout.Comma != '\t' || doc.Events[0].Title != "Summit" {
		t.Errorf("tabs: %+v %v", doc.Layout, err)
	}
}

// TestForeignCSVChosenRoleNotTaken refuses, with MapExact, roles chosen for a column the
// file lacks (a header mistyped) or for a second column of a role one column takes,
// instead of reading the file as guessed; the layout is kept for the preview.
func TestForeignCSVChosenRoleNotTaken(t *testing.T) {
	csv := "Date,Date reported,Event\n13/09/2023,20/09/2023,Summit\n"
	for m, want := range map[string]string{
		"start=Date reportd":          `"date reportd"`,
		"start=Date,start=Event":      `"event"`,
		"start=Date reported,title=X": `"x"`,
	} {
		cols, err := ParseMap(m)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := readForeign(t, csv, Options{Map: cols, MapExact: true})
		if err == nil || !strings.Contains(err.Error(), "chosen for "+want) || doc.Layout == nil {
			t.Errorf("--map %s: %v (layout %v); want a refusal naming %s", m, err, doc.Layout != nil, want)
		}
		if _, err := readForeign(t, csv, Options{Map: cols}); err != nil && strings.Contains(err.Error(), "chosen for") {
			t.Errorf("a kept mapping %s was refused: %v", m, err)
		}
	}
}

// TestKeptMappingLeavesANativeFileNative reads a file of Chronoscope's own columns with a
// mapping kept from another spreadsheet (whose headers it does not have) as its own: no
// column of it becomes an attribute.
func TestKeptMappingLeavesANativeFileNative(t *testing.T) {
	native := "id,title,start,end,lane,created,updated\nx1,Kim meets Putin,2023-09-13,,Diplomacy,2023-09-14T10:00:00Z,2023-09-14T10:00:00Z\n"
	kept := Options{Map: map[string]Role{"date": "start", "event": "title"}}
	doc, err := ReadWith(strings.NewReader(native), "export.csv", CSV, kept)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || len(doc.Events[0].Attrs) != 0 || doc.Events[0].ID != "x1" || doc.Events[0].Lane != "Diplomacy" {
		t.Errorf("read %+v, want the native event with no attributes", doc.Events)
	}
}
