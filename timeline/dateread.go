package timeline

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ReadOptions say how ReadDate reads a date written in numbers only, and from which day
// it works out a date the text gives relative to it.
type ReadOptions struct {
	Order DateOrder
	// Reference is the day the text was written, for "yesterday", "on Tuesday" and a day
	// without its year ("13 September"); when zero, those are refused.
	Reference time.Time
	// Serial reads a number of five digits as an Excel serial day (45182 is 2023-09-13),
	// as a spreadsheet column of dates shown as numbers holds; a date field does not.
	Serial bool
}

// Reading is a date as ReadDate understood it.
type Reading struct {
	Start Date
	End   Date // the end of a span the text gives ("1-5 Sep 2023"); zero for a point
	// Ambiguous reports a numeric date both of whose first numbers could be the month
	// (05/09/2023), read day first because no order was given.
	Ambiguous bool
	// Inferred reports that the year or the day was worked out from the reference.
	Inferred bool
}

// ReadDate reads a date the way people write it in a spreadsheet cell or a date field,
// into EDTF at the precision written:
//
//   - EDTF and ISO 8601 as ParseDate reads them: 2023-09-13, 2023-09, 2023, 2023-09-05~,
//     201X, -0043, 2023-09-13T14:30:00Z; an EDTF interval 2023-09-01/2023-09-05 is a span;
//   - numbers in the order given (or settled by a number above 12): 13/09/2023,
//     09/13/2023, 13.09.2023, 13-09-2023, 2023/09/13, 09/2023, with an optional time
//     13/09/2023 14:30;
//   - month names in English, French, German, Spanish and Russian, and CJK numerals:
//     13 September 2023, Sept. 13, 2023, Sep 2023, 13 сентября 2023, 2023年9月13日;
//   - approximate: c. 1950, circa 1950, about 5 Sep 2023 (EDTF ~); uncertain: 1950?;
//   - a decade (1950s, 195X) or a century (19th century, 18XX);
//   - before year 1: 44 BC, 44 BCE, 15 March 44 BC (astronomical years: 44 BC is -0043);
//   - a span: between 1 and 5 Sep 2023, 1-5 Sep 2023, 1950 to 1955, 1 Sep - 5 Oct 2023;
//   - with opt.Serial, an Excel serial day number (45182 is 2023-09-13; 10000 to 99999).
//
// The dates it returns are ParseDate's, so their Text is the EDTF kept. A text that is
// none of these, or a date that does not exist (31/02/2023), is a *DateError saying why.
func ReadDate(text string, opt ReadOptions) (Reading, error) {
	s := strings.Join(strings.Fields(text), " ")
	if s == "" {
		return Reading{}, &DateError{Text: text, Reason: "it is empty"}
	}
	if d, err := ParseDate(s); err == nil {
		return Reading{Start: d}, nil
	}
	if len(s) > maxDateCell {
		return Reading{}, &DateError{Text: text, Reason: fmt.Sprintf("%d characters is too long for a date", len([]rune(s)))}
	}
	r, err := readSpan(s, opt)
	if err != nil {
		var de *DateError
		if errors.As(err, &de) {
			de.Text = text
			return Reading{}, de
		}
		return Reading{}, &DateError{Text: text, Reason: err.Error()}
	}
	return r, nil
}

// maxDateCell is the longest text, in bytes, ReadDate reads past EDTF: the longest form
// with two dates is well under it.
const maxDateCell = 160

// readSpan reads s as one date, or as two joined by a link word ("1950 to 1955").
func readSpan(s string, opt ReadOptions) (Reading, error) {
	r, err := readOne(s, opt)
	if err == nil {
		return r, nil
	}
	if a, b, ok := splitSpan(s); ok {
		to, errB := readOne(b, opt)
		from, errA := readOne(a, opt)
		if (errA != nil || from.Inferred) && errB == nil {
			// "1 Sep - 5 Oct 2023": the first date takes the year of the second, over
			// one worked out from the reference.
			if y := trailingYear.FindString(b); y != "" {
				if f, err := readOne(a+" "+y, opt); err == nil || errA != nil {
					from, errA = f, err
				}
			}
		}
		if errA == nil && errB == nil && from.End.IsZero() && to.End.IsZero() {
			w := written{start: from.Start.Text, end: to.Start.Text}
			sp, err := w.dates()
			if err != nil {
				return Reading{}, err
			}
			sp.Ambiguous, sp.Inferred = from.Ambiguous || to.Ambiguous, from.Inferred || to.Inferred
			return sp, nil
		}
	}
	return Reading{}, err
}

// trailingYear is the year that ends a date, with its era.
var trailingYear = regexp.MustCompile(`(?i)\d{1,4}(?:\s*(?:` + eraPiece + `))?$`)

// splitSpan cuts s at the word or dash that joins the two dates of a span.
func splitSpan(s string) (a, b string, ok bool) {
	if i := strings.IndexByte(s, '/'); i > 0 && strings.Count(s, "/") == 1 {
		if _, err := ParseDate(s[:i]); err == nil {
			return s[:i], s[i+1:], true
		}
	}
	s = stripWords(s, leadWords)
	for _, link := range spanLinks {
		seps := []string{" " + link + " "}
		if link == "-" || link == "–" || link == "—" {
			seps = append(seps, link) // 1950-1955
		}
		for _, sep := range seps {
			if i := strings.Index(s, sep); i > 0 {
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):]), true
			}
		}
	}
	return "", "", false
}

// readOne reads s as one form (which may itself be a span of days: "1-5 Sep 2023").
func readOne(s string, opt ReadOptions) (Reading, error) {
	rest, approx := stripApprox(s)
	uncertain := false
	if t, ok := strings.CutSuffix(rest, "?"); ok && !strings.HasSuffix(t, "?") {
		rest, uncertain = strings.TrimSpace(t), true
	}
	rest = stripWords(rest, leadWords)
	rest, clock := cutClock(rest)
	w, err := readForm(rest, opt)
	if err != nil {
		return Reading{}, err
	}
	if clock != "" {
		if len(w.start) != 10 || w.end != "" || w.start[0] == '-' {
			return Reading{}, fmt.Errorf("a time of day goes with a day (13/09/2023 14:30)")
		}
		w.start += "T" + clock
	}
	q := ""
	switch {
	case approx && uncertain:
		q = "%"
	case approx:
		q = "~"
	case uncertain:
		q = "?"
	}
	if q != "" {
		if strings.ContainsAny(w.start+w.end, "~?%T") {
			return Reading{}, fmt.Errorf("the date says twice how sure it is")
		}
		w.start += q
		if w.end != "" {
			w.end += q
		}
	}
	return w.dates()
}

// readForm reads s as one of the date forms, or an Excel serial day.
func readForm(s string, opt ReadOptions) (written, error) {
	if d, err := ParseDate(s); err == nil {
		return written{start: d.Text}, nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && opt.Serial && serialDigits.MatchString(s) {
		d, err := SerialDate(v)
		return written{start: d.Text}, err
	}
	reason := ""
	for _, f := range dateForms {
		if f.relative && opt.Reference.IsZero() {
			continue
		}
		loc := f.cell.FindStringSubmatchIndex(s)
		if loc == nil {
			continue
		}
		w, ok, why := partsOf(s, loc, f.cellGroups).edtf(opt.Order, opt.Reference)
		if ok {
			if _, err := w.dates(); err != nil && reason == "" {
				reason = err.Error()
				continue
			}
			return w, nil
		}
		if why != "" && reason == "" {
			reason = why
		}
	}
	if reason == "" {
		reason = "write it as 2023-09-13, 13/09/2023, 13 September 2023, Sep 2023, 1950s, c. 1950, 44 BC or 1-5 Sep 2023"
	}
	return written{}, errors.New(reason)
}

// serialDigits is the shape of an Excel serial day: five digits, perhaps a fraction.
var serialDigits = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)

// excelEpoch is day 0 of Excel's serial days. Excel counts 29 February 1900, which did
// not exist, so from day 61 (1 March 1900) on, day n is n days after 30 December 1899.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// SerialDate reads an Excel serial day (a spreadsheet's date cell holds one): 45182 is
// 2023-09-13, a fraction is the time of day (45182.5 is noon, precision second). Days
// before 1 March 1900, where Excel's calendar is wrong, are refused.
func SerialDate(serial float64) (Date, error) {
	text := strconv.FormatFloat(serial, 'f', -1, 64)
	if math.IsNaN(serial) || serial < 61 || serial >= 2958466 { // 2958466 is 10000-01-01
		return Date{}, &DateError{Text: text, Reason: "a spreadsheet day number runs from 61 (1 March 1900) to 2958465 (31 December 9999)"}
	}
	days := math.Floor(serial)
	secs := int64(math.Round((serial - days) * day))
	t := excelEpoch.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	if secs%day == 0 {
		return ParseDate(t.Format("2006-01-02"))
	}
	return ParseDate(t.Format("2006-01-02T15:04:05"))
}

// clockPiece is a time of day after a date: 14:30, 14:30:05, T14:30.
var clockPiece = regexp.MustCompile(`(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?$`)

// cutClock takes a time of day off the end of s, as EDTF writes it (14:30:00).
func cutClock(s string) (string, string) {
	m := clockPiece.FindStringSubmatchIndex(s)
	if m == nil {
		return s, ""
	}
	h, _ := strconv.Atoi(s[m[2]:m[3]])
	mi, _ := strconv.Atoi(s[m[4]:m[5]])
	sec := 0
	if m[6] >= 0 {
		sec, _ = strconv.Atoi(s[m[6]:m[7]])
	}
	if h > 23 || mi > 59 || sec > 59 {
		return s, ""
	}
	return s[:m[0]], fmt.Sprintf("%02d:%02d:%02d", h, mi, sec)
}

// stripApprox takes an approximate word ("c.", "about", "~") off the start of s.
func stripApprox(s string) (string, bool) {
	if t, ok := strings.CutPrefix(s, "~"); ok {
		return strings.TrimSpace(t), true
	}
	rest := stripWords(s, approxWords)
	return rest, rest != s
}

// stripWords takes one of words (matched without regard to case, followed by a space,
// or ending in a full stop) off the start of s.
func stripWords(s string, words []string) string {
	for _, w := range words {
		if len(s) <= len(w) || !strings.EqualFold(s[:len(w)], w) {
			continue
		}
		if s[len(w)] == ' ' {
			return strings.TrimSpace(s[len(w):])
		}
		if strings.HasSuffix(w, ".") {
			return strings.TrimSpace(s[len(w):])
		}
	}
	return s
}

// dates parses the EDTF of w into a Reading, checking that a span's end is not before
// its start; a span whose two ends are the same date is that date.
func (w written) dates() (Reading, error) {
	start, err := ParseDate(w.start)
	if err != nil {
		return Reading{}, reasonOf(err)
	}
	r := Reading{Start: start, Ambiguous: w.ambiguous, Inferred: w.inferred}
	if w.end == "" || w.end == w.start {
		return r, nil
	}
	if r.End, err = ParseDate(w.end); err != nil {
		return Reading{}, reasonOf(err)
	}
	if r.End.Latest < r.Start.Earliest {
		return Reading{}, fmt.Errorf("the span ends (%s) before it starts (%s)", w.end, w.start)
	}
	return r, nil
}

// reasonOf is the reason of a *DateError, or err.
func reasonOf(err error) error {
	var de *DateError
	if errors.As(err, &de) && de.Reason != "" {
		return errors.New(de.Reason)
	}
	return err
}
