package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// extractFlags are the options of extract: the day the text was written and its source.
type extractFlags struct {
	ref, outFormat, grade string
	source                timeline.Source
	keepDuplicates        bool
}

func (x *extractFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&x.ref, "reference", "", "the day the text was written, for dates such as \"on Tuesday\" (default: its dateline)")
	fs.StringVar(&x.outFormat, "format", "table", "table or json")
	fs.StringVar(&x.source.Title, "source-title", "", "the source's title (default: the file's name)")
	fs.StringVar(&x.source.URL, "source-url", "", "the source's address")
	fs.StringVar(&x.source.Publisher, "publisher", "", "who published it")
	fs.StringVar(&x.source.Date, "source-date", "", "when it was published (default: the day it was written)")
	fs.StringVar(&x.grade, "grade", "", "the source's grade, A1 to F6")
	fs.BoolVar(&x.keepDuplicates, "keep-duplicates", false, "--format json: keep the events the case already holds")
}

// extractCmd lists the dated-event candidates of a text. With a case (--db), it names the
// case's actors in them, proposes lanes and flags the events the case already holds. Its
// JSON is the native format, for `chronoscope import` once the analyst has checked it;
// every event cites the text's source with its sentence as the quote.
func extractCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("extract")
	var x extractFlags
	x.define(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", x.outFormat, false, "table", "json"); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("extract reads one FILE, or - for standard input")
	}
	if err := x.gradeSource(); err != nil {
		return err
	}
	name := fs.Arg(0)
	text, err := readText(name, env.Stdin)
	if err != nil {
		return err
	}
	reference, err := x.reference(text)
	if err != nil {
		return err
	}
	known, closeCase, err := extractCase(ctx, env)
	if err != nil {
		return err
	}
	defer closeCase()
	found, err := extract.Analyse(text, reference, known)
	if err != nil {
		return fmt.Errorf("extract %s: %w", name, err)
	}
	if x.source.Title == "" {
		x.source.Title = filepath.Base(name)
		if name == "-" {
			x.source.Title = "standard input"
		}
	}
	if x.source.Date == "" {
		x.source.Date = reference.Format("2006-01-02")
	}
	if x.outFormat == "json" {
		return x.writeJSON(env, found)
	}
	return writeCandidates(env.Stdout, found, x.source.Title, reference)
}

// gradeSource reads --grade into the source's reliability and credibility.
func (x *extractFlags) gradeSource() error {
	rel, cred, err := timeline.ParseGrade(x.grade)
	if err != nil {
		return usagef("--grade: %v", err)
	}
	x.source.Reliability, x.source.Credibility = rel, cred
	return nil
}

// reference is the day the text was written: --reference, else its dateline. It is never
// silently today.
func (x *extractFlags) reference(text string) (time.Time, error) {
	if x.ref != "" {
		t, err := extract.Reference(x.ref)
		if err != nil {
			return time.Time{}, fmt.Errorf("--reference: %w", err)
		}
		return t, nil
	}
	if t, _, ok := extract.Written(text); ok {
		return t, nil
	}
	return time.Time{}, errors.New("the text has no dateline saying when it was written: give the day with --reference YYYY-MM-DD")
}

// extractCase is what the case named by --db holds for extract, or nothing when no case is
// named: extract never opens the default case.
func extractCase(ctx context.Context, env Env) (extract.Case, func(), error) {
	if env.DB == "" {
		return extract.Case{}, func() {}, nil
	}
	s, err := openExisting(env)
	if err != nil {
		return extract.Case{}, nil, err
	}
	c, err := extract.CaseOf(ctx, s)
	if err != nil {
		s.Close()
		return extract.Case{}, nil, err
	}
	return c, func() { s.Close() }, nil
}

// writeJSON writes the candidates as a native document, each citing the source; those the
// case already holds are left out (and counted on stderr) unless --keep-duplicates.
func (x *extractFlags) writeJSON(env Env, found []extract.Candidate) error {
	doc := format.Document{Info: timeline.CaseInfo{Name: "Dates found in " + x.source.Title}}
	var left []string
	for _, c := range found {
		if c.Duplicate != "" && !x.keepDuplicates {
			left = append(left, fmt.Sprintf("%q (already in the case: %q)", c.Title, c.Duplicate))
			continue
		}
		src := x.source
		src.Quote = c.Sentence
		doc.Events = append(doc.Events, timeline.Event{
			Title: c.Title, Start: c.Date, End: c.End, Lane: c.Lane, Actors: c.Actors, Importance: timeline.DefaultImportance,
			Sources: []timeline.Source{src},
		})
	}
	if len(left) > 0 {
		fmt.Fprintf(env.Stderr, "left out %d already in the case (--keep-duplicates keeps them): %s\n", len(left), strings.Join(first(left, 3), "; "))
	}
	return format.Write(env.Stdout, format.JSON, doc)
}

// first is at most n of list, with "..." when there are more.
func first(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	return append(list[:n:n], "...")
}

// writeCandidates writes the candidates as a table.
func writeCandidates(out io.Writer, found []extract.Candidate, source string, reference time.Time) error {
	if len(found) == 0 {
		_, err := fmt.Fprintf(out, "no dates found in %s\n", source)
		return err
	}
	rows := [][]string{{"LINE", "DATE", "SAID", "TITLE", "ACTORS", "LANE", "IN THE CASE"}}
	inferred := false
	for _, c := range found {
		date := c.Date.Text
		if !c.End.IsZero() {
			date += " to " + c.End.Text
		}
		if c.Inferred {
			date += "*"
			inferred = true
		}
		rows = append(rows, []string{strconv.Itoa(c.Line), date, cell(c.Said), cell(c.Title),
			cell(strings.Join(c.Actors, "; ")), cell(c.Lane), cell(c.Duplicate)})
	}
	if err := writeColumns(out, rows); err != nil {
		return err
	}
	if inferred {
		_, err := fmt.Fprintf(out, "* the text gives no year, or the day is relative: read against %s (--reference)\n",
			reference.Format("2006-01-02"))
		return err
	}
	return nil
}

// readText reads the text of name, or of stdin when name is "-".
func readText(name string, stdin io.Reader) (string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("extract %s: %w", name, unwrapPath(err))
		}
		defer f.Close()
		r = f
	}
	text, err := extract.ReadText(r)
	if err != nil {
		return "", fmt.Errorf("extract %s: %w", name, unwrapPath(err))
	}
	return text, nil
}

// unwrapPath drops the path an *os.PathError repeats, keeping its reason.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
