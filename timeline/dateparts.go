package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateOrder is the order of day, month and year in a date written in numbers only, such
// as 05/09/2023: 5 September in most of the world, May 9 in the United States.
type DateOrder uint8

// The orders a numeric date can be read in.
const (
	// OrderUnknown reads day first, unless the first number cannot be a day's month
	// (09/13/2023): the reading is then marked ambiguous when both could be.
	OrderUnknown DateOrder = iota
	// DayMonthYear reads 05/09/2023 as 5 September 2023.
	DayMonthYear
	// MonthDayYear reads 05/09/2023 as May 9, 2023.
	MonthDayYear
	// YearMonthDay reads 2023/09/05; a date that ends with its year is refused.
	YearMonthDay
)

// String names the order as the command line writes it: dmy, mdy, ymd, or "" when unknown.
func (o DateOrder) String() string {
	switch o {
	case DayMonthYear:
		return "dmy"
	case MonthDayYear:
		return "mdy"
	case YearMonthDay:
		return "ymd"
	}
	return ""
}

// Words names the order in plain words: "day-month-year".
func (o DateOrder) Words() string {
	switch o {
	case DayMonthYear:
		return "day-month-year"
	case MonthDayYear:
		return "month-day-year"
	case YearMonthDay:
		return "year-month-day"
	}
	return "not known"
}

// ParseDateOrder reads dmy, mdy or ymd (or "" and auto, for OrderUnknown).
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return OrderUnknown, nil
	case "dmy":
		return DayMonthYear, nil
	case "mdy":
		return MonthDayYear, nil
	case "ymd":
		return YearMonthDay, nil
	}
	return OrderUnknown, fmt.Errorf("%q is not a date order: use dmy, mdy or ymd", s)
}

// written is what a form's parts say, as EDTF text: a start, and an end for a span.
type written struct {
	start, end string
	inferred   bool // the year or the day was worked out from the reference
	ambiguous  bool // a numeric date read day first though it could be either
}

// edtf turns the parts of a form into EDTF. It returns a reason ("" when it cannot
// tell) when the parts cannot make a date; the EDTF it returns may still be refused by
// ParseDate (31 February).
func (p dateParts) edtf(order DateOrder, ref time.Time) (w written, ok bool, reason string) {
	switch {
	case p.iso != "":
		w.start = p.iso
	case p.rel != "":
		shift := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[strings.ToLower(p.rel)]
		w.start, w.inferred = ref.AddDate(0, 0, shift).Format("2006-01-02"), true
	case p.wd != "":
		want := weekdayNumber(p.wd)
		back := (int(ref.Weekday()) - want + 7) % 7
		w.start, w.inferred = ref.AddDate(0, 0, -back).Format("2006-01-02"), true
	case p.dec != "":
		w.start = p.dec + "X"
	case p.cent != "":
		n, _ := strconv.Atoi(p.cent)
		if n < 1 || n > 100 {
			return w, false, "there is no " + p.cent + "th century in four-digit years"
		}
		w.start = fmt.Sprintf("%02dXX", n-1)
	default:
		w, ok, reason = p.calendar(order, ref)
		if !ok {
			return w, ok, reason
		}
	}
	if p.approx != "" {
		w.start += "~" // circa 1950
	}
	return w, true, ""
}

// calendar reads a date of years, months and days.
func (p dateParts) calendar(order DateOrder, ref time.Time) (w written, ok bool, reason string) {
	year, hasYear, reason := p.year()
	if reason != "" {
		return w, false, reason
	}
	month, day := 0, 0
	switch {
	case p.mon != "":
		month = monthOf(p.mon)
	case p.mn != "":
		month, _ = strconv.Atoi(p.mn)
	case p.n1 != "":
		if month, day, w.ambiguous, reason = p.dayMonth(order); reason != "" {
			return w, false, reason
		}
	}
	if day == 0 && p.d != "" {
		day, _ = strconv.Atoi(p.d)
	}
	switch {
	case (p.n1 != "" || p.mn != "") && month == 0:
		return w, false, "there is no month 0"
	case (p.n1 != "" || p.d != "") && day == 0:
		return w, false, "there is no day 0"
	}
	if !hasYear {
		if ref.IsZero() || month == 0 {
			return w, false, "it gives no year"
		}
		year, w.inferred = ref.Year(), true
		if time.Date(year, time.Month(month), max(day, 1), 0, 0, 0, 0, time.UTC).After(ref) {
			year--
		}
	}
	w.start = ymd(year, month, day)
	if p.d2 != "" {
		d2, _ := strconv.Atoi(p.d2)
		w.end = ymd(year, month, d2)
	}
	return w, true, ""
}

// year reads the year and its era; hasYear is false when the form gives none.
func (p dateParts) year() (year int, hasYear bool, reason string) {
	digits, era := p.y, p.era
	if p.ys != "" {
		digits, era = p.ys, p.eras
		if p.ad != "" {
			era = "AD"
		}
	}
	if p.ny != "" {
		if len(p.ny) == 2 {
			dm := p.n1 + "/" + p.n2 + "/"
			return 0, false, "write the year in full (" + dm + "20" + p.ny + " or " + dm + "19" + p.ny + ")"
		}
		digits = p.ny
	}
	if digits == "" {
		return 0, false, ""
	}
	year, _ = strconv.Atoi(digits)
	if era != "" && beforeYearOne(era) {
		if year == 0 {
			return 0, false, "there is no year 0 BC: 1 BC is followed by AD 1"
		}
		return 1 - year, true, "" // 1 BC is year 0, 44 BC is -43
	}
	if era != "" && year == 0 {
		return 0, false, "there is no year 0 AD: AD 1 follows 1 BC"
	}
	return year, true, ""
}

// dayMonth reads the day and the month of a numeric date in order.
func (p dateParts) dayMonth(order DateOrder) (month, day int, ambiguous bool, reason string) {
	a, _ := strconv.Atoi(p.n1)
	b, _ := strconv.Atoi(p.n2)
	switch order {
	case DayMonthYear:
		if b > 12 {
			return 0, 0, false, fmt.Sprintf("there is no month %d (the dates are read day-month-year)", b)
		}
		return b, a, false, ""
	case MonthDayYear:
		if a > 12 {
			return 0, 0, false, fmt.Sprintf("there is no month %d (the dates are read month-day-year)", a)
		}
		return a, b, false, ""
	case YearMonthDay:
		return 0, 0, false, "the year comes last, but the dates are read year-month-day"
	}
	switch {
	case a > 12 && b > 12:
		return 0, 0, false, fmt.Sprintf("neither %d nor %d can be a month", a, b)
	case b > 12:
		return a, b, false, ""
	}
	return b, a, a != b && a <= 12, ""
}

// ymd writes an EDTF day, month (day 0) or year (month 0) of an astronomical year.
func ymd(year, month, day int) string {
	y := fmt.Sprintf("%04d", year)
	if year < 0 {
		y = fmt.Sprintf("-%04d", -year)
	}
	switch {
	case month == 0:
		return y
	case day == 0:
		return fmt.Sprintf("%s-%02d", y, month)
	}
	return fmt.Sprintf("%s-%02d-%02d", y, month, day)
}

func weekdayNumber(name string) int {
	for i, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if strings.EqualFold(d, name) {
			return i
		}
	}
	return 0
}

// NumericOrder is the order that a date written in numbers with its year last settles
// by itself: day first for 13/09/2023 (there is no month 13), month first for
// 09/13/2023, and OrderUnknown for 05/09/2023. numeric is false for a text that is not
// such a date. A column whose dates settle it one way is read that way.
func NumericOrder(text string) (o DateOrder, numeric bool) {
	text = strings.TrimSpace(text)
	f := dateForms[numericForm]
	loc := f.cell.FindStringSubmatchIndex(text)
	if loc == nil {
		return OrderUnknown, false
	}
	p := partsOf(text, loc, f.cellGroups)
	a, _ := strconv.Atoi(p.n1)
	b, _ := strconv.Atoi(p.n2)
	switch {
	case a > 12 && b <= 12:
		return DayMonthYear, true
	case b > 12 && a <= 12:
		return MonthDayYear, true
	}
	return OrderUnknown, true
}

// numericForm is the index in dateForms of 13/09/2023.
var numericForm = func() int {
	for i, f := range dateForms {
		if strings.Contains(f.core, "P<n1>") {
			return i
		}
	}
	panic("no numeric date form")
}()
