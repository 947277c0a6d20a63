package extract

import (
	"slices"
	"testing"
	"time"
)

func refDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRelativeToTheDayWritten reads the expressions that count from the day the text was
// written, across week, month and year boundaries.
func TestRelativeToTheDayWritten(t *testing.T) {
	tests := []struct{ ref, text, from, to, said string }{
		// 2023-09-13 is a Wednesday.
		{"2023-09-13", "Last week, the White House warned Pyongyang.", "2023-09-04", "2023-09-10", "Last week"},
		{"2023-09-11", "The talks began last week.", "2023-09-04", "2023-09-10", "last week"},
		{"2023-09-17", "The talks began last week.", "2023-09-04", "2023-09-10", "last week"}, // a Sunday
		{"2024-01-03", "The talks began last week.", "2023-12-25", "2023-12-31", "last week"},
		{"2023-09-13", "Kim left Pyongyang earlier this week.", "2023-09-11", "2023-09-13", "earlier this week"},
		{"2023-09-11", "Kim left Pyongyang this week.", "2023-09-11", "", "this week"}, // a Monday: one day
		{"2023-01-15", "Exports fell last month.", "2022-12", "", "last month"},
		{"2023-03-31", "Exports fell last month.", "2023-02", "", "last month"},
		{"2023-09-13", "Exports fell earlier this month.", "2023-09-01", "2023-09-13", "earlier this month"},
		{"2023-09-13", "The plan was announced earlier this year.", "2023-01-01", "2023-09-13", "earlier this year"},
		{"2024-01-01", "The plan was announced last year.", "2023", "", "last year"},
		{"2023-09-13", "Crowds gathered at the weekend.", "2023-09-09", "2023-09-10", "at the weekend"},
		{"2023-09-16", "Crowds gathered at the weekend.", "2023-09-16", "2023-09-17", "at the weekend"}, // a Saturday
		{"2023-09-17", "Crowds gathered over the weekend.", "2023-09-16", "2023-09-17", "over the weekend"},
		{"2023-09-18", "Crowds gathered last weekend.", "2023-09-16", "2023-09-17", "last weekend"},
		{"2023-09-13", "On the eve of the summit, Kim toured the site.", "2023-09-12", "", "the eve of the summit"},
	}
	for _, tt := range tests {
		got, err := Find(tt.text, refDay(t, tt.ref))
		if err != nil || len(got) != 1 {
			t.Errorf("%s %q: %+v %v, want one candidate", tt.ref, tt.text, got, err)
			continue
		}
		c := got[0]
		if c.Date.Text != tt.from || c.End.Text != tt.to || c.Said != tt.said || !c.Inferred {
			t.Errorf("%s %q: %s to %s from %q (inferred %v), want %s to %s from %q", tt.ref, tt.text,
				c.Date.Text, c.End.Text, c.Said, c.Inferred, tt.from, tt.to, tt.said)
		}
	}
}

// TestRelativeToTheDaySpokenOf reads the expressions that count from the day the text
// last spoke of, and the eve of the day a text is about.
func TestRelativeToTheDaySpokenOf(t *testing.T) {
	tests := []struct {
		ref, text string
		want      []string
	}{
		{"2023-09-14", "Kim arrived on 12 September 2023. The day before, he left Pyongyang.", []string{"2023-09-12", "2023-09-11"}},
		{"2024-01-05", "The ceasefire ended on 31 December 2023. The next day, shelling resumed.", []string{"2023-12-31", "2024-01-01"}},
		{"2024-02-05", "Talks opened on 30 January 2024. Two days later, they broke down.", []string{"2024-01-30", "2024-02-01"}},
		{"2024-02-05", "Talks opened on 30 January 2024 and collapsed 3 days later.", []string{"2024-01-30", "2024-02-02"}},
		{"2023-03-05", "The vote was on 1 March 2023; a day earlier, protests began.", []string{"2023-03-01", "2023-02-28"}},
		// A span leaves the text at its end.
		{"2023-09-20", "Exercises ran from 10 to 13 September 2023. The following day, troops withdrew.", []string{"2023-09-10", "2023-09-14"}},
		// A month names no day: "the next day" counts from the day before it.
		{"2023-09-20", "On 2 September 2023 Kim spoke. In August 2023 rains fell. The next day, roads closed.", []string{"2023-09-02", "2023-08", "2023-09-03"}},
		// "a day after" leading a clause: that clause happened a day before the date.
		{"2023-09-15", "Kim left Russia on 14 September 2023, a day after he met Putin.", []string{"2023-09-14", "2023-09-13"}},
		{"2023-09-15", "Kim left Russia on 14 September 2023, two days before the talks resumed.", []string{"2023-09-14", "2023-09-16"}},
		{"2023-09-30", "Kim returned home on 17 September 2023, a week after he left Pyongyang.", []string{"2023-09-17", "2023-09-10"}},
		// ... and with no date before it in the sentence, no day is known.
		{"2023-09-15", "Kim said so, a day after he met Putin.", nil},
		// No day spoken of yet: from the day written.
		{"2023-09-13", "The day before, the train left.", []string{"2023-09-12"}},
		// The eve of the day the text is about (the day it names most), not of the day written.
		{"2023-09-15", "Kim met Putin on 13 September 2023. The talks on 13 September 2023 lasted hours. On the eve of the summit, Kim toured the launch pads.",
			[]string{"2023-09-13", "2023-09-13", "2023-09-12"}},
	}
	for _, tt := range tests {
		got, err := Find(tt.text, refDay(t, tt.ref))
		var dates []string
		for _, c := range got {
			dates = append(dates, c.Date.Text)
		}
		if err != nil || !slices.Equal(dates, tt.want) {
			t.Errorf("%q: %v %v, want %v", tt.text, dates, err, tt.want)
		}
	}
}
