// Package extract finds dated-event candidates in free text (a news article, a report):
// each date the text mentions, with the sentence it dates, as a start for an event the
// analyst confirms. A date is kept at the precision the text gives: "in April 2019" is the
// month 2019-04, "in 2019" the year; "from January 2020 to September 2023" is a span.
//
// It reads the ways news writes dates in English ("13 September 2023", "Sept. 13, 2023",
// "on Tuesday", "yesterday"), numeric dates (2023-09-13, 13.09.2023), Russian
// ("13 сентября 2023 года") and Korean, Chinese and Japanese (2023년 9월 13일, 2023年9月13日).
// The dates themselves are read by timeline.FindDates, with the forms timeline.ReadDate
// reads in a cell or a date field, so a date reads the same everywhere.
// The design named go-dateparser or olebedev/when for this; neither is used: go-dateparser
// builds its tables for every language when the program starts (0.3 s and 95 MB on every
// run of Chronoscope, measured), and olebedev/when reads neither "13 September 2023" nor
// "April 2019" nor a year alone, and puts "on Tuesday" in the week to come.
package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronoscope/chronoscope/timeline"
)

// Candidate is one date found in the text, with the sentence around it.
type Candidate struct {
	Date timeline.Date // at the precision the text gives: a day, a month or a year
	End  timeline.Date // the end of a span the text gives ("from 2019 to 2021"); zero for a point
	Said string        // the words that gave the date, as written: "13 September 2023"
	// Sentence is the sentence they are in, spaces collapsed, cut around the date to
	// MaxSentence characters (with an ellipsis where it was cut): never more of the text.
	Sentence string
	// Title is a suggested title: the sentence without the date and the word that
	// introduces it ("on 13 September 2023", "In April 2019,"), cut to MaxTitle characters.
	Title string
	Line  int // the line of the text the sentence starts on, from 1
	// Inferred reports that the text does not give the year, or that the day is relative
	// ("on Tuesday", "yesterday"): it was worked out from the reference date.
	Inferred bool

	// What Analyse finds of the case in the candidate (Find leaves them empty):
	Actors    []string // the case's actors the sentence names
	NewActors []string // other names of people and organisations in the sentence, to offer
	Lane      string   // the case's lane the words of the candidate propose, or ""
	Duplicate string   // the title of the case's event the candidate seems to repeat, or ""

	sentence int // the index of its sentence in Sentences(text)
}

// MaxTitle is the length, in characters, a suggested title is cut to.
const MaxTitle = 120

// Find returns the dates that text mentions, in the order it mentions them, each with its
// sentence. Partial dates and weekdays ("on September 5", "on Tuesday") are read as the
// latest such day on or before ref, as a report speaks of what has happened; yesterday,
// today and tomorrow as the day before ref, ref and the day after.
func Find(text string, ref time.Time) ([]Candidate, error) {
	found, _, err := find(text, ref)
	return found, err
}

// find is Find, with the sentences of the text.
func find(text string, ref time.Time) ([]Candidate, []Sentence, error) {
	if !utf8.ValidString(text) {
		return nil, nil, fmt.Errorf("the text is not UTF-8")
	}
	text = strings.TrimPrefix(text, "\ufeff")
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	sentences := Sentences(text)
	absolute := make([][]match, len(sentences))
	for i, s := range sentences {
		absolute[i] = spans(s.Text, matches(s.Text, ref))
	}
	days := relDays{ref: ref, anchor: ref, main: mainDay(absolute, ref)}
	_, dateline, _ := Written(text)
	var out []Candidate
	for i, s := range sentences {
		if dateline != "" && s.Text == dateline {
			continue // when the text was written, not an event
		}
		seen := map[string]bool{}
		ms := withRelatives(s.Text, absolute[i], &days)
		dated := make([][2]int, len(ms))
		for k, m := range ms {
			dated[k] = [2]int{m.at, m.end}
		}
		place := wirePlace(s.Text)
		for _, m := range ms {
			if m.at < place {
				continue // "GENEVA, Sept. 13 (Reuters) - ...": the day it was written, not an event
			}
			key := m.date.Text + "/" + m.until.Text
			if seen[key] {
				continue
			}
			seen[key] = true
			c := candidate(s, m, dated)
			c.sentence = i
			out = append(out, c)
		}
	}
	return out, sentences, nil
}

// candidate is the candidate of date m of sentence s, whose dates are at dated.
func candidate(s Sentence, m match, dated [][2]int) Candidate {
	part, at, end, before, after := around(s.Text, m.at, m.end)
	if before || after {
		dated = nil // their offsets are in the whole sentence
	}
	title := part
	if n := wirePlace(part); n > 0 && at >= n {
		// "VOSTOCHNY, Russia - Kim met Putin on Wednesday": the place is the dateline's
		title, at, end = part[n:], at-n, end-n
		// a new slice: dated is the whole sentence's, shared by its other candidates,
		// and the dates in the place (the dateline's own) are not in the title
		var moved [][2]int
		for _, d := range dated {
			if d[0] >= n {
				moved = append(moved, [2]int{d[0] - n, d[1] - n})
			}
		}
		dated = moved
	}
	sentence := part
	if before {
		sentence = "…" + sentence
	}
	if after {
		sentence += "…"
	}
	return Candidate{
		Date:     m.date,
		End:      m.until,
		Said:     m.said,
		Sentence: sentence,
		Title:    cut(clauseTitle(title, at, end, dated), MaxTitle),
		Line:     s.Line,
		Inferred: m.inferred,
	}
}

// withRelatives is the dates of sentence s: abs, the dates it writes out, with the
// relative ones read against days, in the sentence's order. days.anchor moves to the
// last day the sentence speaks of.
func withRelatives(s string, abs []match, days *relDays) []match {
	anchorOf := func(at int) (time.Time, bool) {
		var t time.Time
		found := false
		for _, m := range abs {
			if d, ok := anchorDay(m); ok && m.end <= at {
				t, found = d, true
			}
		}
		return t, found
	}
	all := append(abs[:len(abs):len(abs)], relatives(s, abs, *days, anchorOf)...)
	slices.SortFunc(all, func(a, b match) int { return a.at - b.at })
	for _, m := range all {
		if d, ok := anchorDay(m); ok {
			days.anchor = d
		}
	}
	return all
}

// anchorDay is the day a date leaves the text at, for "the next day": the end of a span
// of days, or the day; none for a month or a year.
func anchorDay(m match) (time.Time, bool) {
	d := m.date
	if !m.until.IsZero() {
		d = m.until
	}
	if d.Precision != timeline.PrecisionDay {
		return time.Time{}, false
	}
	return d.Time(), true
}

// mainDay is the day the text is about: the day its dates name most often (the latest
// of those named as often), or ref when they name none.
func mainDay(sentences [][]match, ref time.Time) time.Time {
	count := map[time.Time]int{}
	best, most := ref, 0
	for _, ms := range sentences {
		for _, m := range ms {
			if !m.until.IsZero() || m.date.Precision != timeline.PrecisionDay {
				continue
			}
			t := m.date.Time()
			count[t]++
			if n := count[t]; n > most || (n == most && t.After(best)) {
				best, most = t, n
			}
		}
	}
	return best
}

// match is a date read in a sentence, at bytes [at, end).
type match struct {
	at, end  int
	said     string
	date     timeline.Date
	until    timeline.Date // the end of a span; zero for a point
	inferred bool
}

// matches reads the dates of one sentence, in its order, with the forms of
// timeline.FindDates (the same that read a date in a cell or the event form).
func matches(s string, ref time.Time) []match {
	found := timeline.FindDates(s, ref)
	out := make([]match, len(found))
	for i, m := range found {
		out[i] = match{at: m.At, end: m.End, said: s[m.At:m.End], date: m.Start, until: m.Until, inferred: m.Inferred}
	}
	return out
}

// spanLead and spanLink are the words around the two dates of a span: "from 2019 to
// 2021", "between 10 and 13 September 2023", "с 2019 по 2021 год".
var (
	spanLead = regexp.MustCompile(`(?i)(?:^|\s)(?:from|between|с)\s*$`)
	spanLink = regexp.MustCompile(`(?i)^\s*(?:to|until|till|through|and|-|–|по|до)\s*$`)
)

// maxLink is the longest text, in bytes, spanLink reads between the two dates of a span.
const maxLink = 16

// spans joins two dates of a sentence that make one span ("from January 2020 to
// September 2023") into one match, when the second does not begin before the first.
func spans(s string, ms []match) []match {
	out := ms[:0:0]
	for i := 0; i < len(ms); i++ {
		a := ms[i]
		if i+1 < len(ms) {
			b := ms[i+1]
			if b.at-a.end <= maxLink && spanLink.MatchString(s[a.end:b.at]) && spanLead.MatchString(tail(s[:a.at])) &&
				b.date.Latest >= a.date.Earliest {
				out = append(out, match{at: a.at, end: b.end, said: s[a.at:b.end], date: a.date, until: b.date,
					inferred: a.inferred || b.inferred})
				i++
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// lead are the words that introduce a date, taken out of a title with it.
var lead = regexp.MustCompile(`(?i)(?:^|\s)(?:on|in|since|during|by|until|till|from|between|of|early|late|mid-|around|before|after|last|this past|as of|в|с|до|после|от|к)\s*$`)

// withoutDate is sentence s without the date at bytes [at, end), the word introducing
// it, a comma that set it off, and the full stop, beginning with a capital; the sentence
// when little else is left.
func withoutDate(s string, at, end int) string { return capital(withoutDateLeaving(s, at, end, 12)) }

// withoutDateLeaving is withoutDate, as it begins, where "little else" is fewer than
// least characters.
func withoutDateLeaving(s string, at, end, least int) string {
	head, rest := s[:at], s[end:]
	if loc := listMarker.FindStringIndex(head); loc != nil {
		head = head[loc[1]:] // "- ", "1. "
	}
	t := tail(head)
	if loc := lead.FindStringIndex(t); loc != nil {
		head = head[:len(head)-len(t)+loc[0]]
	}
	head = strings.TrimRight(head, " ")
	rest = strings.TrimLeft(rest, " ")
	if head == "" {
		rest = strings.TrimLeft(rest, separators) // "13 September 2023: Kim met Putin"
	} else if strings.HasPrefix(rest, ",") && !strings.HasSuffix(head, ",") {
		rest = strings.TrimLeft(rest[1:], " ")
		if rest != "" && !strings.HasPrefix(rest, ".") {
			rest = ", " + rest
		}
	}
	t = head
	if rest != "" && !strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, ",") {
		if t != "" {
			t += " "
		}
	}
	t = strings.TrimSpace(strings.TrimRight(t+rest, ".!?"+separators))
	if utf8.RuneCountInString(t) < least || dangling.MatchString(tail(t)) {
		// "It rained." is better whole, and so is "Their first summit was in April 2019."
		return strings.TrimRight(s, ".!? ")
	}
	return t
}

// capital is s with its first letter a capital.
func capital(s string) string {
	if r, size := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}

// separators set a date off from the words of its line or sentence.
const separators = ",;:-–— "

// dangling matches a title that ends where the date was needed: on a verb "to be" or a
// preposition ("Their first summit was", "The deadline is set for").
var dangling = regexp.MustCompile(`(?i)\s(?:was|were|is|are|be|been|will be|for|to|at|on|in|of|by|from|until|since)$`)

// cut shortens s to at most n characters, at a word boundary, with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	for i := len(r) - 1; i > n/2; i-- {
		if r[i] == ' ' {
			return strings.TrimRight(string(r[:i]), " ,;:") + "…"
		}
	}
	return string(r) + "…"
}
