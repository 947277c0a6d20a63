package timeline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSetRange(t *testing.T) {
	day := func(s string) int64 {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm.Unix()
	}
	tests := []struct {
		from, to         string
		hasFrom, hasTo   bool
		wantFrom, wantTo int64
		bound            string // the *RangeError's Bound; "-" for none
	}{
		{"", "", false, false, 0, 0, "-"},
		{" 2023-09 ", "", true, false, day("2023-09-01T00:00:00Z"), 0, "-"},
		{"", "2023-09", false, true, 0, day("2023-09-30T23:59:59Z"), "-"},
		{"2023-09-13", "2023-09-13", true, true, day("2023-09-13T00:00:00Z"), day("2023-09-13T23:59:59Z"), "-"},
		{"not a date", "2023", false, false, 0, 0, "from"},
		{"2023", "nor this", false, false, 0, 0, "to"},
		{"2024", "2023", false, false, 0, 0, ""},
	}
	for _, tt := range tests {
		f := Filter{Query: "kept", From: 1, HasFrom: true}
		err := f.SetRange(tt.from, tt.to)
		var re *RangeError
		switch {
		case tt.bound == "-" && err != nil:
			t.Errorf("SetRange(%q, %q): %v", tt.from, tt.to, err)
		case tt.bound != "-" && (!errors.As(err, &re) || re.Bound != tt.bound):
			t.Errorf("SetRange(%q, %q) = %v, want a RangeError on %q", tt.from, tt.to, err, tt.bound)
		case tt.bound != "-" && (f.From != 1 || !f.HasFrom):
			t.Errorf("SetRange(%q, %q) changed the filter on an error: %+v", tt.from, tt.to, f)
		case tt.bound == "-" && (f.HasFrom != tt.hasFrom || f.HasTo != tt.hasTo || f.From != tt.wantFrom || f.To != tt.wantTo):
			t.Errorf("SetRange(%q, %q) = %v %d..%v %d", tt.from, tt.to, f.HasFrom, f.From, f.HasTo, f.To)
		}
		if f.Query != "kept" {
			t.Errorf("SetRange dropped the query")
		}
		if tt.bound != "" && tt.bound != "-" {
			var de *DateError
			if !errors.As(err, &de) {
				t.Errorf("SetRange(%q, %q): %v does not wrap the DateError", tt.from, tt.to, err)
			}
		}
	}
}

func TestFilterDescribe(t *testing.T) {
	at := time.Date(2023, 9, 13, 14, 30, 0, 0, time.UTC).Unix()
	tests := []struct {
		f    Filter
		want string
	}{
		{Filter{}, "all events"},
		{Filter{Limit: 10}, "all events"},
		{Filter{Actors: []string{"Kim", "Putin"}, Tags: []string{"summit"}}, "actor Kim or Putin, tag summit"},
		{Filter{From: at, HasFrom: true}, "from 13 Sep 2023 14:30 UTC"},
		{Filter{To: time.Date(-43, 3, 15, 23, 59, 59, 0, time.UTC).Unix(), HasTo: true}, "to 15 Mar 44 BC"},
		{Filter{MinReliability: "c"}, "sources graded C or better"},
		{Filter{MinCredibility: 3}, "sources graded 3 or better"},
	}
	for _, tt := range tests {
		if got := tt.f.Describe(); got != tt.want {
			t.Errorf("%+v.Describe() = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestGradeText(t *testing.T) {
	for s, want := range map[Source]string{
		{Reliability: "B", Credibility: 2}: "B2: usually reliable, probably true",
		{Reliability: "F"}:                 "F: reliability cannot be judged",
		{}:                                 "not graded",
	} {
		if got := s.GradeText(); got != want {
			t.Errorf("%+v.GradeText() = %q, want %q", s, got, want)
		}
	}
}

func TestExportTime(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("X", 3600)) }
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return v
			}
			return ""
		}
	}
	if got, err := ExportTime(env(""), now); err != nil || !got.Equal(now()) || got.Location() != time.UTC {
		t.Errorf("no SOURCE_DATE_EPOCH: %v %v", got, err)
	}
	if got, err := ExportTime(env("1700000000"), now); err != nil || got.Unix() != 1700000000 || got.Location() != time.UTC {
		t.Errorf("SOURCE_DATE_EPOCH=1700000000: %v %v", got, err)
	}
	if _, err := ExportTime(env("yesterday"), now); err == nil || !strings.Contains(err.Error(), `"yesterday"`) {
		t.Errorf("a bad SOURCE_DATE_EPOCH: %v", err)
	}
}

func TestNotEDTFIsTyped(t *testing.T) {
	_, err := ParseDate("next week")
	if !errors.Is(err, ErrNotEDTF) {
		t.Errorf("ParseDate(next week) = %v, does not wrap ErrNotEDTF", err)
	}
	if _, err := ParseDate("2023-13"); errors.Is(err, ErrNotEDTF) || err == nil {
		t.Errorf("ParseDate(2023-13) = %v: a month out of range is a date with a wrong part", err)
	}
}
