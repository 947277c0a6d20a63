package timeline

import (
	"strings"
	"testing"
	"time"
)

func utc(y int, m time.Month, d, hh, mm, ss int) int64 {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC).Unix()
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		text     string
		earliest int64
		latest   int64
		prec     Precision
		fuzzy    bool
	}{
		{"-0043-03-15", utc(-43, 3, 15, 0, 0, 0), utc(-43, 3, 15, 23, 59, 59), PrecisionDay, false},
		{"1600-06-01", utc(1600, 6, 1, 0, 0, 0), utc(1600, 6, 1, 23, 59, 59), PrecisionDay, false},
		{"2263-01-01", utc(2263, 1, 1, 0, 0, 0), utc(2263, 1, 1, 23, 59, 59), PrecisionDay, false},
		{"2023-09-13", utc(2023, 9, 13, 0, 0, 0), utc(2023, 9, 13, 23, 59, 59), PrecisionDay, false},
		{"2023-09-05~", utc(2023, 9, 2, 0, 0, 0), utc(2023, 9, 8, 23, 59, 59), PrecisionDay, true},
		{"2023-09-05%", utc(2023, 8, 30, 0, 0, 0), utc(2023, 9, 11, 23, 59, 59), PrecisionDay, true},
		{"2023-05?", utc(2023, 4, 1, 0, 0, 0), utc(2023, 6, 30, 23, 59, 59), PrecisionMonth, true},
		{"201X", utc(2010, 1, 1, 0, 0, 0), utc(2019, 12, 31, 23, 59, 59), PrecisionDecade, true},
		{"19XX", utc(1900, 1, 1, 0, 0, 0), utc(1999, 12, 31, 23, 59, 59), PrecisionCentury, true},
		{"2023-09-XX", utc(2023, 9, 1, 0, 0, 0), utc(2023, 9, 30, 23, 59, 59), PrecisionMonth, true},
		{"2020-01", utc(2020, 1, 1, 0, 0, 0), utc(2020, 1, 31, 23, 59, 59), PrecisionMonth, true},
		{"2020-01~", utc(2019, 12, 1, 0, 0, 0), utc(2020, 2, 29, 23, 59, 59), PrecisionMonth, true},
		{"2024-02-29", utc(2024, 2, 29, 0, 0, 0), utc(2024, 2, 29, 23, 59, 59), PrecisionDay, false},
		{"2023", utc(2023, 1, 1, 0, 0, 0), utc(2023, 12, 31, 23, 59, 59), PrecisionYear, true},
		{"2023-09-13T10:30:00+09:00", utc(2023, 9, 13, 1, 30, 0), utc(2023, 9, 13, 1, 30, 0), PrecisionSecond, false},
		{"2023-09-13T10:30:00Z", utc(2023, 9, 13, 10, 30, 0), utc(2023, 9, 13, 10, 30, 0), PrecisionSecond, false},
		{" 2023-09-13 ", utc(2023, 9, 13, 0, 0, 0), utc(2023, 9, 13, 23, 59, 59), PrecisionDay, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := ParseDate(tt.text)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.text, err)
			}
			if d.Earliest != tt.earliest || d.Latest != tt.latest {
				t.Errorf("range = %s .. %s, want %s .. %s", time.Unix(d.Earliest, 0).UTC(), time.Unix(d.Latest, 0).UTC(),
					time.Unix(tt.earliest, 0).UTC(), time.Unix(tt.latest, 0).UTC())
			}
			if d.Precision != tt.prec {
				t.Errorf("precision = %v, want %v", d.Precision, tt.prec)
			}
			if d.Fuzzy() != tt.fuzzy {
				t.Errorf("fuzzy = %v, want %v", d.Fuzzy(), tt.fuzzy)
			}
			if d.Text != strings.TrimSpace(tt.text) {
				t.Errorf("text = %q, want it kept as entered", d.Text)
			}
		})
	}
}

func TestParseDateRefuses(t *testing.T) {
	tests := []struct{ text, reason string }{
		{"", "empty"},
		{"2023-13-45", "no month 13"},
		{"2023-02-29", "February has no day 29"},
		{"2023-09-31", "September has no day 31"},
		{"yesterday", "use EDTF"},
		{"13/09/2023", "interval"},
		{"2023-09-10/2023-09-13", "interval"},
		{"2023~-09", "qualifier"},
		{"..", "interval"},
		{"1950S2", "level 2"},
		{"0191S7", "use EDTF"}, // go-edtf v1.3.0 panics on it
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.text)
		if err == nil {
			t.Errorf("ParseDate(%q) accepted a bad date", tt.text)
			continue
		}
		if !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("ParseDate(%q) = %q, want it to say %q", tt.text, err, tt.reason)
		}
	}
}

// The direct reader must agree with go-edtf wherever both read a date.
func TestParsePlainAgreesWithEDTF(t *testing.T) {
	for _, s := range []string{"2023", "2023-09", "2023-09-13", "-0043-03-15", "0000-01-01", "1600-02-29", "2263-12-31", "9999-12"} {
		var plain, lib Date
		if !parsePlain(s, &plain) {
			t.Fatalf("parsePlain(%q) refused", s)
		}
		if err := parseEDTF(s, &lib); err != nil {
			t.Fatalf("go-edtf refused %q: %v", s, err)
		}
		if plain.Earliest != lib.Earliest || plain.Latest != lib.Latest {
			t.Errorf("%q: direct %d..%d, go-edtf %d..%d", s, plain.Earliest, plain.Latest, lib.Earliest, lib.Latest)
		}
	}
}

func TestCleanList(t *testing.T) {
	long := []string{"a", "b", "a", " c ", "", "d", "e", "f", "g", "h", "b"}
	tests := []struct{ in, want []string }{
		{nil, nil},
		{[]string{" ", ""}, nil},
		{[]string{" Kim ", "Putin", "Kim"}, []string{"Kim", "Putin"}},
		{long, []string{"a", "b", "c", "d", "e", "f", "g", "h"}},
	}
	for _, tt := range tests {
		if got := CleanList(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") || (got == nil) != (tt.want == nil) {
			t.Errorf("CleanList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRangeLabel reads each date as the list does, from its range alone.
func TestRangeLabel(t *testing.T) {
	tests := map[string]string{
		"2023-09-13":                "13 Sep 2023",
		"2023-09-13T10:30:00+09:00": "13 Sep 2023",
		"2023-09-13T23:30:00Z":      "13 Sep 2023",
		"1943-07":                   "Jul 1943",
		"1951":                      "1951",
		"-0043-03-15":               "15 Mar 44 BC",
		"-0043":                     "44 BC",
		"201X":                      "2010-2019",
		"19XX":                      "1900-1999",
		"2023-09-XX":                "Sep 2023",
		"2023-09-05~":               "~05 Sep 2023",
		"2023-09-05?":               "~05 Sep 2023",
		"1943-07~":                  "~Jul 1943",
		"2023-01?":                  "~Jan 2023",
		"1951~":                     "~1951",
		"1951%":                     "~1951",
		"1943-07%":                  "~Jul 1943",
		"2023-09-05%":               "~05 Sep 2023",
		"2263-01-01":                "01 Jan 2263",
	}
	for in, want := range tests {
		d := MustParseDate(in)
		if got := RangeLabel(d.Earliest, d.Latest); got != want {
			t.Errorf("RangeLabel of %q = %q, want %q", in, got, want)
		}
	}
}

func TestDescribe(t *testing.T) {
	tests := map[string]string{
		"2023-09-13":                "13 Sep 2023",
		"2023-09-05~":               "about 5 Sep 2023",
		"2020-01":                   "some day in Jan 2020",
		"-0043-03-15":               "15 Mar 44 BC",
		"2023":                      "some time in 2023",
		"201X":                      "some year in the 2010s",
		"2023-05?":                  "perhaps May 2023 (uncertain)",
		"2023-09-XX":                "some day in Sep 2023",
		"2023-09-13T10:30:00+09:00": "13 Sep 2023 10:30:00 +09:00",
		"2023-09-05%":               "perhaps about 5 Sep 2023",
	}
	for in, want := range tests {
		if got := MustParseDate(in).Describe(); got != want {
			t.Errorf("Describe(%q) = %q, want %q", in, got, want)
		}
	}
}
