package timeline

import (
	"strings"
	"testing"
	"time"
)

// TestReadDateForms reads each way of writing a date that a spreadsheet or a date field
// may hold, into the EDTF kept and its precision.
func TestReadDateForms(t *testing.T) {
	tests := []struct {
		text, start, end string
		prec             Precision
		order            DateOrder
		ambiguous        bool
	}{
		// EDTF and ISO as before
		{"2023-09-13", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"2023-09", "2023-09", "", PrecisionMonth, OrderUnknown, false},
		{"2023", "2023", "", PrecisionYear, OrderUnknown, false},
		{"2023-09-05~", "2023-09-05~", "", PrecisionDay, OrderUnknown, false},
		{"201X", "201X", "", PrecisionDecade, OrderUnknown, false},
		{"-0043-03-15", "-0043-03-15", "", PrecisionDay, OrderUnknown, false},
		{"2023-09-13T14:30:00Z", "2023-09-13T14:30:00Z", "", PrecisionSecond, OrderUnknown, false},
		{"2023-09-13T14:30", "2023-09-13T14:30:00", "", PrecisionSecond, OrderUnknown, false},
		{"  2023-09-13 ", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		// numbers, by the order given or settled
		{"13/09/2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"09/13/2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"05/09/2023", "2023-09-05", "", PrecisionDay, OrderUnknown, true},
		{"05/09/2023", "2023-09-05", "", PrecisionDay, DayMonthYear, false},
		{"05/09/2023", "2023-05-09", "", PrecisionDay, MonthDayYear, false},
		{"5/5/2023", "2023-05-05", "", PrecisionDay, OrderUnknown, false},
		{"13.09.2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"13-09-2023", "2023-09-13", "", PrecisionDay, DayMonthYear, false},
		{"2023/09/13", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"2023.9.5", "2023-09-05", "", PrecisionDay, OrderUnknown, false},
		{"09/2023", "2023-09", "", PrecisionMonth, OrderUnknown, false},
		{"13/09/2023 14:30", "2023-09-13T14:30:00", "", PrecisionSecond, DayMonthYear, false},
		// month names
		{"13 September 2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"13th of September, 2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"Sept. 13, 2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"september 13 2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"13 SEP 2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"Sep 2023", "2023-09", "", PrecisionMonth, OrderUnknown, false},
		{"may 2023", "2023-05", "", PrecisionMonth, OrderUnknown, false},
		{"13 сентября 2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"13 сентября 2023 года", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"сентябрь 2023", "2023-09", "", PrecisionMonth, OrderUnknown, false},
		{"2023年9月13日", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"2023년 9월 13일", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"2023年9月", "2023-09", "", PrecisionMonth, OrderUnknown, false},
		{"1er septembre 2023", "2023-09-01", "", PrecisionDay, OrderUnknown, false},
		{"le 13 févr. 2023", "2023-02-13", "", PrecisionDay, OrderUnknown, false},
		{"13. März 2023", "2023-03-13", "", PrecisionDay, OrderUnknown, false},
		{"am 1. Okt. 2023", "2023-10-01", "", PrecisionDay, OrderUnknown, false},
		{"13 de septiembre de 2023", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"ago. 2023", "2023-08", "", PrecisionMonth, OrderUnknown, false},
		// approximate, uncertain
		{"c. 1950", "1950~", "", PrecisionYear, OrderUnknown, false},
		{"c.1950", "1950~", "", PrecisionYear, OrderUnknown, false},
		{"circa 1950", "1950~", "", PrecisionYear, OrderUnknown, false},
		{"ca. 1950", "1950~", "", PrecisionYear, OrderUnknown, false},
		{"about 5 Sep 2023", "2023-09-05~", "", PrecisionDay, OrderUnknown, false},
		{"vers 1950", "1950~", "", PrecisionYear, OrderUnknown, false},
		{"около 1950", "1950~", "", PrecisionYear, OrderUnknown, false},
		{"~Sep 2023", "2023-09~", "", PrecisionMonth, OrderUnknown, false},
		{"13 September 2023?", "2023-09-13?", "", PrecisionDay, OrderUnknown, false},
		{"about 13/09/2023?", "2023-09-13%", "", PrecisionDay, OrderUnknown, false},
		// decades and centuries
		{"1950s", "195X", "", PrecisionDecade, OrderUnknown, false},
		{"the 1950s", "195X", "", PrecisionDecade, OrderUnknown, false},
		{"1950's", "195X", "", PrecisionDecade, OrderUnknown, false},
		{"années 1950", "195X", "", PrecisionDecade, OrderUnknown, false},
		{"c. 1950s", "195X~", "", PrecisionDecade, OrderUnknown, false},
		{"19th century", "18XX", "", PrecisionCentury, OrderUnknown, false},
		// before year 1
		{"44 BC", "-0043", "", PrecisionYear, OrderUnknown, false},
		{"44 BCE", "-0043", "", PrecisionYear, OrderUnknown, false},
		{"44 av. J.-C.", "-0043", "", PrecisionYear, OrderUnknown, false},
		{"1 BC", "0000", "", PrecisionYear, OrderUnknown, false},
		{"15 March 44 BC", "-0043-03-15", "", PrecisionDay, OrderUnknown, false},
		{"AD 800", "0800", "", PrecisionYear, OrderUnknown, false},
		{"800 AD", "0800", "", PrecisionYear, OrderUnknown, false},
		{"c. 500 BC", "-0499~", "", PrecisionYear, OrderUnknown, false},
		// spans
		{"between 1 and 5 Sep 2023", "2023-09-01", "2023-09-05", PrecisionDay, OrderUnknown, false},
		{"1-5 Sep 2023", "2023-09-01", "2023-09-05", PrecisionDay, OrderUnknown, false},
		{"1–5 September 2023", "2023-09-01", "2023-09-05", PrecisionDay, OrderUnknown, false},
		{"September 1-5, 2023", "2023-09-01", "2023-09-05", PrecisionDay, OrderUnknown, false},
		{"du 1er au 5 septembre 2023", "2023-09-01", "2023-09-05", PrecisionDay, OrderUnknown, false},
		{"1950 to 1955", "1950", "1955", PrecisionYear, OrderUnknown, false},
		{"1950-1955", "1950", "1955", PrecisionYear, OrderUnknown, false},
		{"from 1 Sep 2023 to 5 Oct 2023", "2023-09-01", "2023-10-05", PrecisionDay, OrderUnknown, false},
		{"1 Sep - 5 Oct 2023", "2023-09-01", "2023-10-05", PrecisionDay, OrderUnknown, false},
		{"2023-09-01/2023-09-05", "2023-09-01", "2023-09-05", PrecisionDay, OrderUnknown, false},
		{"about 1-5 Sep 2023", "2023-09-01~", "2023-09-05~", PrecisionDay, OrderUnknown, false},
		{"44 BC to 40 BC", "-0043", "-0039", PrecisionYear, OrderUnknown, false},
		{"5-5 Sep 2023", "2023-09-05", "", PrecisionDay, OrderUnknown, false},
		// Excel serial days
		{"45182", "2023-09-13", "", PrecisionDay, OrderUnknown, false},
		{"45182.5", "2023-09-13T12:00:00", "", PrecisionSecond, OrderUnknown, false},
	}
	for _, tt := range tests {
		r, err := ReadDate(tt.text, ReadOptions{Order: tt.order, Serial: true})
		if err != nil {
			t.Errorf("ReadDate(%q, %s): %v", tt.text, tt.order, err)
			continue
		}
		if r.Start.Text != tt.start || r.End.Text != tt.end || r.Start.Precision != tt.prec || r.Ambiguous != tt.ambiguous {
			t.Errorf("ReadDate(%q, %s) = %q to %q (%v, ambiguous %v); want %q to %q (%v, ambiguous %v)", tt.text, tt.order,
				r.Start.Text, r.End.Text, r.Start.Precision, r.Ambiguous, tt.start, tt.end, tt.prec, tt.ambiguous)
		}
		// The EDTF kept reads back as itself.
		if again, err := ParseDate(r.Start.Text); err != nil || again != r.Start {
			t.Errorf("%q: the EDTF %q does not read back: %+v %v", tt.text, r.Start.Text, again, err)
		}
	}
}

// TestReadDateRefuses checks impossible and unreadable dates, and their reasons.
func TestReadDateRefuses(t *testing.T) {
	tests := []struct {
		text   string
		order  DateOrder
		reason string
	}{
		{"", OrderUnknown, "empty"},
		{"31/02/2023", OrderUnknown, "February has no day 31"},
		{"29 February 2023", OrderUnknown, "February has no day 29"},
		{"31 Sept. 2023", OrderUnknown, "September has no day 31"},
		{"13/13/2023", OrderUnknown, "neither 13 nor 13 can be a month"},
		{"09/13/2023", DayMonthYear, "there is no month 13 (the dates are read day-month-year)"},
		{"13/09/2023", MonthDayYear, "there is no month 13 (the dates are read month-day-year)"},
		{"13/09/2023", YearMonthDay, "the year comes last"},
		{"13/09/23", OrderUnknown, "write the year in full"},
		{"2023-13-01", OrderUnknown, "there is no month 13"},
		{"0 BC", OrderUnknown, "there is no year 0 BC"},
		{"13/00/2023", OrderUnknown, "there is no month 0"},
		{"00/09/2023", OrderUnknown, "there is no day 0"},
		{"0/0/2023", DayMonthYear, "there is no month 0"},
		{"00/2023", OrderUnknown, "there is no month 0"},
		{"between 5 and 1 Sep 2023", OrderUnknown, "before it starts"},
		{"1955 to 1950", OrderUnknown, "before it starts"},
		{"13 September", OrderUnknown, "write it as"},
		{"yesterday", OrderUnknown, "write it as"},
		{"next week maybe", OrderUnknown, "write it as"},
		{"32 September 2023", OrderUnknown, "September has no day 32"},
		{"00061", OrderUnknown, ""}, // a serial day, but five digits with a leading zero
		{"12345678", OrderUnknown, "write it as"},
		{"13/09/2023 25:00", DayMonthYear, "write it as"},
	}
	for _, tt := range tests {
		r, err := ReadDate(tt.text, ReadOptions{Order: tt.order, Serial: true})
		if tt.text == "00061" {
			if err != nil || r.Start.Text != "1900-03-01" {
				t.Errorf("serial 00061: %+v %v", r, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("ReadDate(%q, %s) = %q to %q; want an error", tt.text, tt.order, r.Start.Text, r.End.Text)
			continue
		}
		de, ok := err.(*DateError)
		if !ok || de.Text != tt.text || !strings.Contains(de.Reason, tt.reason) {
			t.Errorf("ReadDate(%q, %s): %v; want a *DateError saying %q", tt.text, tt.order, err, tt.reason)
		}
	}
}

// TestReadDateRelative reads the forms that need the day the text was written.
func TestReadDateRelative(t *testing.T) {
	ref := time.Date(2023, 9, 14, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := map[string]string{
		"yesterday":    "2023-09-13",
		"Tuesday":      "2023-09-12",
		"13 September": "2023-09-13",
		"December 5":   "2022-12-05",
		"13 сентября":  "2023-09-13",
	}
	for text, want := range tests {
		r, err := ReadDate(text, ReadOptions{Reference: ref})
		if err != nil || r.Start.Text != want || !r.Inferred {
			t.Errorf("ReadDate(%q) = %+v, %v; want %s, inferred", text, r, err, want)
		}
	}
}

// TestNumericOrder checks which numeric dates settle the order of their column.
func TestNumericOrder(t *testing.T) {
	tests := []struct {
		text    string
		order   DateOrder
		numeric bool
	}{
		{"13/09/2023", DayMonthYear, true}, {"09/13/2023", MonthDayYear, true}, {"05/09/2023", OrderUnknown, true},
		{"13.09.2023", DayMonthYear, true}, {" 31-12-1999 ", DayMonthYear, true}, {"13/13/2023", OrderUnknown, true},
		{"13 September 2023", OrderUnknown, false}, {"2023-09-13", OrderUnknown, false}, {"2023/09/13", OrderUnknown, false},
	}
	for _, tt := range tests {
		if o, numeric := NumericOrder(tt.text); o != tt.order || numeric != tt.numeric {
			t.Errorf("NumericOrder(%q) = %v, %v; want %v, %v", tt.text, o, numeric, tt.order, tt.numeric)
		}
	}
}

func TestParseDateOrder(t *testing.T) {
	for s, want := range map[string]DateOrder{"dmy": DayMonthYear, "MDY": MonthDayYear, "ymd": YearMonthDay, "": OrderUnknown, "auto": OrderUnknown} {
		if got, err := ParseDateOrder(s); err != nil || got != want || (want != OrderUnknown && got.String() != strings.ToLower(s)) {
			t.Errorf("ParseDateOrder(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseDateOrder("dym"); err == nil {
		t.Error("dym was accepted")
	}
}

func TestSerialDate(t *testing.T) {
	for serial, want := range map[float64]string{61: "1900-03-01", 45182: "2023-09-13", 45182.25: "2023-09-13T06:00:00",
		2958465: "9999-12-31"} {
		if d, err := SerialDate(serial); err != nil || d.Text != want {
			t.Errorf("SerialDate(%v) = %q, %v; want %s", serial, d.Text, err, want)
		}
	}
	if r, err := ReadDate("45182", ReadOptions{}); err == nil {
		t.Errorf("a number was read as a serial day without Serial: %+v", r)
	}
	for _, bad := range []float64{0, 60, -1, 2958466} {
		if d, err := SerialDate(bad); err == nil {
			t.Errorf("SerialDate(%v) = %q; want an error", bad, d.Text)
		}
	}
}

// FuzzReadDate checks that no text makes ReadDate panic, and that what it reads is a
// date that reads back as itself.
func FuzzReadDate(f *testing.F) {
	for _, s := range []string{"13/09/2023", "between 1 and 5 Sep 2023", "c. 1950s", "44 BC to 40 BC", "2023年9月13日", "45182.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := ReadDate(text, ReadOptions{})
		if err != nil {
			return
		}
		for _, d := range []Date{r.Start, r.End} {
			if d.IsZero() {
				continue
			}
			if again, err := ParseDate(d.Text); err != nil || again != d || d.Latest < d.Earliest {
				t.Errorf("%q: %+v does not read back: %v", text, d, err)
			}
		}
		if !r.End.IsZero() && r.End.Latest < r.Start.Earliest {
			t.Errorf("%q: the span ends before it starts: %+v", text, r)
		}
	})
}

// TestReadDateSpanYearWithReference reads a span whose first date takes the year of the
// second the same with a reference day (the event form gives today) as without: the
// year written wins over one worked out from the reference.
func TestReadDateSpanYearWithReference(t *testing.T) {
	for _, ref := range []time.Time{{}, time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)} {
		r, err := ReadDate("30 Sep - 1 Oct 2023", ReadOptions{Reference: ref})
		if err != nil || r.Start.Text != "2023-09-30" || r.End.Text != "2023-10-01" || r.Inferred {
			t.Errorf("ReadDate(30 Sep - 1 Oct 2023, reference %s) = %q to %q (inferred %v), %v; want 2023-09-30 to 2023-10-01",
				ref.Format("2006-01-02"), r.Start.Text, r.End.Text, r.Inferred, err)
		}
	}
}

// TestFindDatesInText reads dates in running text with the forms of a cell, an
// approximate word before a calendar date included.
func TestFindDatesInText(t *testing.T) {
	ref := time.Date(2023, 9, 14, 0, 0, 0, 0, time.UTC)
	tests := map[string]string{
		"They met about 13 September 2023 in the east.": "2023-09-13~ about 13 September 2023",
		"The camp was built c. 1950 by the army.":       "1950~ c. 1950",
		"Rome was founded in 753 BC, they say.":         "-0752 753 BC",
		"Talks began in the 1950s and went on.":         "195X 1950s",
		"Erica 1950 is no date.":                        "",
		"Am 13. März 2023 in Berlin.":                   "2023-03-13 13. März 2023",
	}
	for text, want := range tests {
		var got []string
		for _, m := range FindDates(text, ref) {
			got = append(got, m.Start.Text+" "+text[m.At:m.End])
		}
		if strings.Join(got, "; ") != want {
			t.Errorf("FindDates(%q) = %v, want %q", text, got, want)
		}
	}
}
