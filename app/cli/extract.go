package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// extractCmd lists the dated-event candidates of a text. It does not open a case: its
// JSON is the native format, for `chronoscope import` once the analyst has checked it.
func extractCmd(ctx context.Context, args []string, env Env) error {
	fs := flags("extract")
	ref := fs.String("reference", "", "the day the text was written, for dates such as \"on Tuesday\" (default: today)")
	outFormat := fs.String("format", "table", "table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *outFormat, false, "table", "json"); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("extract reads one FILE, or - for standard input")
	}
	reference := env.now()
	if *ref != "" {
		var err error
		if reference, err = extract.Reference(*ref); err != nil {
			return fmt.Errorf("--reference: %w", err)
		}
	}
	name := fs.Arg(0)
	text, err := readText(name, env.Stdin)
	if err != nil {
		return err
	}
	found, err := extract.Find(text, reference)
	if err != nil {
		return fmt.Errorf("extract %s: %w", name, err)
	}
	source := filepath.Base(name)
	if name == "-" {
		source = "standard input"
	}
	if *outFormat == "json" {
		doc := format.Document{Info: timeline.CaseInfo{Name: "Dates found in " + source}}
		for _, c := range found {
			doc.Events = append(doc.Events, timeline.Event{
				Title: c.Title, Start: c.Date, End: c.End, Description: c.Sentence, Importance: 3,
				Sources: []timeline.Source{{Title: source}},
			})
		}
		return format.Write(env.Stdout, format.JSON, doc)
	}
	if len(found) == 0 {
		_, err := fmt.Fprintf(env.Stdout, "no dates found in %s\n", source)
		return err
	}
	rows := [][]string{{"LINE", "DATE", "SAID", "TITLE"}}
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
		rows = append(rows, []string{strconv.Itoa(c.Line), date, cell(c.Said), cell(c.Title)})
	}
	if err := writeColumns(env.Stdout, rows); err != nil {
		return err
	}
	if inferred {
		_, err = fmt.Fprintf(env.Stdout, "* the text gives no year, or the day is relative: read against %s (--reference)\n",
			reference.Format("2006-01-02"))
	}
	return err
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

// now is the time of env's clock, or the system's.
func (env Env) now() time.Time {
	if env.Now != nil {
		return env.Now()
	}
	return time.Now()
}
