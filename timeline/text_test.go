package timeline

import (
	"errors"
	"strings"
	"testing"
)

// validEvent is an event that passes Validate, to spoil one field at a time.
func validEvent() Event {
	return Event{Title: "Summit", Start: MustParseDate("2023-09-13"),
		Sources: []Source{{Title: "Wire", URL: "https://example.org/a"}}}
}

func wantFieldError(t *testing.T, err error, field, reason string) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("got %v, want a *FieldError on %s", err, field)
	}
	if fe.Field != field || !strings.Contains(fe.Reason, reason) {
		t.Errorf("got field %q reason %q, want field %q with %q", fe.Field, fe.Reason, field, reason)
	}
}

func TestValidateRefusesBadText(t *testing.T) {
	big := strings.Repeat("x", MaxFieldBytes+1)
	tests := []struct {
		name          string
		spoil         func(e *Event)
		field, reason string
	}{
		{"NUL in title", func(e *Event) { e.Title = "Sum\x00mit" }, "title", "NUL byte (byte 4)"},
		{"bad UTF-8 in description", func(e *Event) { e.Description = "ok \xff\xfe" }, "description", "not UTF-8 text (from byte 4)"},
		{"bad UTF-8 in lane", func(e *Event) { e.Lane = "\xc3" }, "lane", "not UTF-8"},
		{"NUL in location", func(e *Event) { e.Location.Name = "\x00" }, "location", "NUL"},
		{"NUL in id", func(e *Event) { e.ID = "a\x00" }, "id", "NUL"},
		{"bad UTF-8 in an actor", func(e *Event) { e.Actors = []string{"fine", "b\xe2\x82ad"} }, "actors", "not UTF-8"},
		{"NUL in a tag", func(e *Event) { e.Tags = []string{"\x00"} }, "tags", "NUL"},
		{"NUL in an attribute", func(e *Event) { e.Attrs = map[string]string{"k": "v\x00"} }, "attr:k", "NUL"},
		{"bad UTF-8 in an attribute key", func(e *Event) { e.Attrs = map[string]string{"\xff": "v"} }, "attributes", "not UTF-8"},
		{"NUL in a quote", func(e *Event) { e.Sources[0].Quote = "\x00" }, "source 1 quote", "NUL"},
		{"bad UTF-8 in a publisher", func(e *Event) { e.Sources[0].Publisher = "\x80" }, "source 1 publisher", "not UTF-8"},
		{"description over 1 MiB", func(e *Event) { e.Description = big }, "description", "at most 1048576"},
		{"quote over 1 MiB", func(e *Event) { e.Sources[0].Quote = big }, "source 1 quote", "at most 1048576"},
		{"actors over 1 MiB together", func(e *Event) {
			half := strings.Repeat("a", MaxFieldBytes/2)
			e.Actors = []string{half, half + "b"}
		}, "actors", "1 MiB"},
		{"escaped semicolons count twice", func(e *Event) { e.Tags = []string{strings.Repeat(";", MaxFieldBytes/2+1)} }, "tags", "1 MiB"},
		{"event over 8 MiB", func(e *Event) {
			for i := 0; i < 9; i++ {
				e.Sources = append(e.Sources, Source{Title: "s", Quote: big[:MaxFieldBytes]})
			}
		}, "", "at most 8388608"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := validEvent()
			if err := e.Validate(); err != nil {
				t.Fatalf("the unspoilt event: %v", err)
			}
			tt.spoil(&e)
			wantFieldError(t, e.Validate(), tt.field, tt.reason)
		})
	}
}

func TestValidateKeepsGoodText(t *testing.T) {
	e := validEvent()
	e.Title = "김정은 and Путин, \t\r\n\"quoted\" 🙂"
	e.Description = strings.Repeat("é", MaxFieldBytes/2) // exactly 1 MiB
	e.Actors = []string{strings.Repeat("a", MaxFieldBytes/2-1), strings.Repeat("b", MaxFieldBytes/2-1)}
	if err := e.Validate(); err != nil {
		t.Fatalf("good text refused: %v", err)
	}
}

func TestValidateText(t *testing.T) {
	if err := ValidateText("name", "Дело №1"); err != nil {
		t.Errorf("good text: %v", err)
	}
	wantFieldError(t, ValidateText("name", "a\x00"), "name", "NUL")
	err := ValidateText("name", "\xffsecret")
	wantFieldError(t, err, "name", "not UTF-8")
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("the error repeats the bad text: %v", err)
	}
}

func TestSourceURLSchemes(t *testing.T) {
	good := []string{"https://example.org/a?b=1", "http://example.org", "HTTPS://EXAMPLE.ORG/x",
		"mailto:desk@example.org", ""}
	for _, u := range good {
		if err := (Source{Title: "s", URL: u}).Validate(); err != nil {
			t.Errorf("%q refused: %v", u, err)
		}
	}
	bad := []struct{ url, reason string }{
		{"javascript:alert(1)", "javascript: addresses are not allowed"},
		{"javascript://example.org/%0aalert(1)", "javascript: addresses are not allowed"},
		{"JavaScript:alert(1)", "javascript: addresses are not allowed"},
		{"vbscript:msgbox(1)", "vbscript: addresses are not allowed"},
		{"file:///etc/passwd", "file: addresses are not allowed"},
		{"data:text/html,<script>alert(1)</script>", "data: addresses are not allowed"},
		{"ftp://example.org/f", "ftp: addresses are not allowed"},
		{"example.org/page", "full address"},
		{"//example.org/page", "full address"},
		{"https:///nohost", "full address"},
		{"java\tscript:alert(1)", "full address"},
		{"mailto:", "e-mail address"},
	}
	for _, b := range bad {
		err := (Source{Title: "s", URL: b.url}).Validate()
		wantFieldError(t, err, "url", b.reason)
	}
	e := validEvent()
	e.Sources = append(e.Sources, Source{URL: "javascript:alert(1)"})
	wantFieldError(t, e.Validate(), "source 2 url", "not allowed")
}

func TestSampleValidates(t *testing.T) {
	for _, e := range Sample() {
		if err := e.Validate(); err != nil {
			t.Errorf("sample event %q: %v", e.Title, err)
		}
	}
}
