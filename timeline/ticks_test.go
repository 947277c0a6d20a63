package timeline

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func minorTicks(ticks []Tick) (minor, major []Tick) {
	for _, tk := range ticks {
		if tk.Major {
			major = append(major, tk)
		} else {
			minor = append(minor, tk)
		}
	}
	return minor, major
}

func labels(ticks []Tick) []string {
	var out []string
	for _, tk := range ticks {
		out = append(out, tk.Label)
	}
	return out
}

// TestTicksEveryZoom zooms from 2000 years down to a minute and checks that each view
// has ordered, distinct, labelled ticks at the spacing asked, on a step that gets finer.
func TestTicksEveryZoom(t *testing.T) {
	const width, spacing = 1600, 80
	centres := []int64{unix(2023, 9, 13, 10, 30), unix(-43, 3, 15, 12, 0), unix(1, 1, 1, 0, 0), unix(1600, 2, 29, 0, 0)}
	for _, centre := range centres {
		span := 2000 * 365.2425 * day
		prev := Step{UnitYear, 1 << 30}
		for span >= MinSpan {
			s := Scale{Start: float64(centre) - span/2, End: float64(centre) + span/2, Width: width}.Clamp()
			ticks, st := Ticks(s, spacing, nil)
			name := time.Unix(centre, 0).UTC().Format("2006-01-02") + " span " + time.Duration(span*1e9).String()
			if span > 1e9 {
				name = time.Unix(centre, 0).UTC().Format("2006-01-02") + " span " + YearLabel(int(span/(365.2425*day)))
			}
			if st.Seconds() > prev.Seconds() {
				t.Fatalf("%s: step %v is coarser than the wider view's %v", name, st, prev)
			}
			prev = st
			minor, major := minorTicks(ticks)
			if len(minor) < 2 {
				t.Fatalf("%s: %d minor ticks", name, len(minor))
			}
			if len(minor) > width/spacing+2 {
				t.Fatalf("%s: %d minor ticks for %d pixels", name, len(minor), width)
			}
			for i, tk := range minor {
				if tk.Label == "" || tk.X < 0 || tk.X > width {
					t.Fatalf("%s: bad minor tick %+v", name, tk)
				}
				if i == 0 {
					continue
				}
				p := minor[i-1]
				if tk.T <= p.T || tk.X <= p.X {
					t.Fatalf("%s: ticks out of order: %+v then %+v", name, p, tk)
				}
				// Calendar steps vary a little (February, the step across year 0).
				if gap := tk.X - p.X; gap < 0.75*spacing {
					t.Fatalf("%s: step %v: ticks %q and %q only %.1f px apart", name, st, p.Label, tk.Label, gap)
				}
				if tk.Label == p.Label && st.Unit != UnitDay && st.Unit != UnitMonth {
					t.Fatalf("%s: neighbouring ticks both labelled %q", name, tk.Label)
				}
			}
			if _, ok := majorStep(st); ok {
				if len(major) == 0 || major[0].X > 0 {
					t.Fatalf("%s: step %v: the major row does not name the period in view: %v", name, st, labels(major))
				}
				for i := 1; i < len(major); i++ {
					if major[i].T <= major[i-1].T || major[i].Label == major[i-1].Label {
						t.Fatalf("%s: major ticks %v", name, labels(major))
					}
				}
			}
			span /= 1.7
		}
		if prev.Unit != UnitSecond {
			t.Errorf("the tightest zoom uses %v", prev)
		}
	}
}

func TestTickLabels(t *testing.T) {
	tests := []struct {
		name       string
		start, end int64
		width      float64
		step       Step
		minor      []string // a run of minor labels that must appear, in order
		major      []string // major labels that must appear, in order
	}{
		{"hours of a day", unix(2023, 9, 13, 0, 0), unix(2023, 9, 14, 0, 0), 2400, Step{UnitHour, 1},
			[]string{"09:00", "10:00", "11:00"}, []string{"13 Sep 2023", "14 Sep 2023"}},
		{"minutes", unix(2023, 9, 13, 10, 0), unix(2023, 9, 13, 11, 0), 1600, Step{UnitMinute, 5},
			[]string{"10:25", "10:30", "10:35"}, []string{"13 Sep 2023"}},
		{"days of September", unix(2023, 9, 1, 0, 0), unix(2023, 10, 1, 0, 0), 2400, Step{UnitDay, 1},
			[]string{"12", "13", "14"}, []string{"Sep 2023", "Oct 2023"}},
		{"months of 2023", unix(2023, 1, 1, 0, 0), unix(2024, 1, 1, 0, 0), 1200, Step{UnitMonth, 1},
			[]string{"Aug", "Sep", "Oct"}, []string{"2023", "2024"}},
		{"Ides of March", unix(-43, 3, 1, 0, 0), unix(-43, 4, 1, 0, 0), 3000, Step{UnitDay, 1},
			[]string{"14", "15", "16"}, []string{"Mar 44 BC", "Apr 44 BC"}},
		{"years BC", unix(-50, 1, 1, 0, 0), unix(-38, 1, 1, 0, 0), 1200, Step{UnitYear, 1},
			[]string{"45 BC", "44 BC", "43 BC"}, []string{"50 BC–41 BC", "40 BC–31 BC"}},
		{"across year 0 by centuries", unix(-450, 1, 1, 0, 0), unix(450, 1, 1, 0, 0), 800, Step{UnitYear, 100},
			[]string{"200 BC", "100 BC", "1", "100", "200"}, []string{"1000 BC–1 BC", "1–999"}},
		{"across year 0 by two years", unix(-6, 1, 1, 0, 0), unix(6, 1, 1, 0, 0), 500, Step{UnitYear, 2},
			[]string{"4 BC", "2 BC", "2", "4"}, []string{"10 BC–1 BC", "1–9"}},
		{"decades", unix(1950, 1, 1, 0, 0), unix(2030, 1, 1, 0, 0), 800, Step{UnitYear, 10},
			[]string{"1980", "1990", "2000"}, []string{"1900–1999", "2000–2099"}},
		{"millennia", unix(-9000, 1, 1, 0, 0), unix(9000, 1, 1, 0, 0), 1600, Step{UnitYear, 1000},
			[]string{"2000 BC", "1000 BC", "1", "1000", "2000"}, nil},
		{"2263", unix(2263, 4, 11, 0, 0), unix(2263, 4, 12, 0, 0), 400, Step{UnitHour, 6},
			[]string{"06:00", "12:00", "18:00"}, []string{"11 Apr 2263"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewScale(tt.start, tt.end, tt.width)
			ticks, st := Ticks(s, DefaultTickSpacing, nil)
			if st != tt.step {
				t.Errorf("step %v, want %v", st, tt.step)
			}
			minor, major := minorTicks(ticks)
			if !containsRun(labels(minor), tt.minor) {
				t.Errorf("minor labels %q lack %q", labels(minor), tt.minor)
			}
			if !containsRun(labels(major), tt.major) {
				t.Errorf("major labels %q lack %q", labels(major), tt.major)
			}
		})
	}
}

func containsRun(have, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for i := range have {
		if len(have)-i >= len(want) && slices.Equal(have[i:i+len(want)], want) {
			return true
		}
	}
	return false
}

// TestTicksLeapDays reads the day ticks of February in leap and common years.
func TestTicksLeapDays(t *testing.T) {
	tests := []struct {
		year int
		days int
	}{
		{2024, 29}, {2023, 28}, {1600, 29}, {1900, 28}, {2000, 29}, {-44, 29}, {-43, 28},
	}
	for _, tt := range tests {
		s := NewScale(unix(tt.year, 2, 1, 0, 0), unix(tt.year, 3, 1, 0, 0), 1600)
		ticks, st := Ticks(s, 40, nil)
		if st != (Step{UnitDay, 1}) {
			t.Fatalf("%d: step %v", tt.year, st)
		}
		minor, _ := minorTicks(ticks)
		var feb []string
		for _, tk := range minor {
			if time.Unix(tk.T, 0).UTC().Month() == time.February {
				feb = append(feb, tk.Label)
			}
		}
		if len(feb) != tt.days || feb[len(feb)-1] != strings.TrimSpace(YearLabel(tt.days)) {
			t.Errorf("February %s: %d day ticks ending %q, want %d", YearLabel(tt.year), len(feb), feb[len(feb)-1], tt.days)
		}
		last := minor[len(minor)-1]
		if last.Label != "1" || time.Unix(last.T, 0).UTC().Month() != time.March {
			t.Errorf("February %s: the view ends on %q at %v", YearLabel(tt.year), last.Label, time.Unix(last.T, 0).UTC())
		}
	}
	// The leap day is a day tick of its own.
	leap := unix(2024, 2, 29, 0, 0)
	s := NewScale(unix(2024, 2, 20, 0, 0), unix(2024, 3, 10, 0, 0), 1600)
	ticks, _ := Ticks(s, DefaultTickSpacing, nil)
	found := false
	for _, tk := range ticks {
		found = found || (!tk.Major && tk.T == leap && tk.Label == "29")
	}
	if !found {
		t.Errorf("no tick for 29 Feb 2024 in %q", labels(ticks))
	}
}

func TestTicksCalendarSteps(t *testing.T) {
	// Two-day and weekly steps restart each month and never crowd its first day.
	for _, n := range []int{2, 7, 14} {
		s := NewScale(unix(2023, 1, 1, 0, 0), unix(2024, 1, 1, 0, 0), 1600)
		var ticks []Tick
		ticks = appendTicks(ticks, s, Step{UnitDay, n}, unix(2023, 1, 1, 0, 0), unix(2024, 1, 1, 0, 0), false)
		for i := 1; i < len(ticks); i++ {
			gap := (ticks[i].T - ticks[i-1].T) / day
			if gap < int64(n) || gap > int64(2*n) {
				t.Fatalf("%d-day step: %q to %q is %d days", n, ticks[i-1].Label, ticks[i].Label, gap)
			}
			if d := time.Unix(ticks[i].T, 0).UTC().Day(); (d-1)%n != 0 {
				t.Fatalf("%d-day step: tick on day %d", n, d)
			}
		}
	}
	// Quarter and half-year steps start in January.
	s := NewScale(unix(2019, 11, 1, 0, 0), unix(2023, 1, 1, 0, 0), 1600)
	for _, n := range []int{3, 6} {
		ticks := appendTicks(nil, s, Step{UnitMonth, n}, unix(2019, 11, 1, 0, 0), unix(2023, 1, 1, 0, 0), false)
		for _, tk := range ticks {
			if m := time.Unix(tk.T, 0).UTC().Month(); (int(m)-1)%n != 0 {
				t.Errorf("%d-month step: tick in %v", n, m)
			}
		}
	}
}

func TestStepString(t *testing.T) {
	for st, want := range map[Step]string{
		{UnitMinute, 15}: "15 min", {UnitDay, 1}: "1 day", {UnitYear, 100}: "100 years", {UnitMonth, 3}: "3 months",
	} {
		if got := st.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", st, got, want)
		}
	}
}

func TestAppendYearMatchesYearLabel(t *testing.T) {
	for _, y := range []int{-19999, -1000, -43, -1, 0, 1, 2, 99, 1600, 2263, 19999} {
		if got := string(appendYear(nil, y)); got != YearLabel(y) {
			t.Errorf("appendYear(%d) = %q, YearLabel says %q", y, got, YearLabel(y))
		}
	}
}
