package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// filterFlags are the selection flags shared by list, export, chart and snapshot.
type filterFlags struct {
	from, to, query     string
	lanes, actors, tags strs
	reliability         string
	credibility         int
}

func addFilterFlags(fs *flag.FlagSet, ff *filterFlags) {
	fs.StringVar(&ff.from, "from", "", "first date (EDTF)")
	fs.StringVar(&ff.to, "to", "", "last date (EDTF)")
	fs.StringVar(&ff.query, "query", "", "full-text search")
	fs.Var(&ff.lanes, "lane", "lane (repeatable)")
	fs.Var(&ff.actors, "actor", "actor (repeatable)")
	fs.Var(&ff.tags, "tag", "tag (repeatable)")
	fs.StringVar(&ff.reliability, "reliability", "", "minimum source reliability A-F")
	fs.IntVar(&ff.credibility, "credibility", 0, "minimum source credibility 1-6")
}

// filter turns the flags into a timeline.Filter: --from takes the earliest instant of its
// date, --to the latest, so --to 2023-09 includes all of September.
func (ff *filterFlags) filter() (timeline.Filter, error) {
	f := timeline.Filter{Query: ff.query, Lanes: ff.lanes, Actors: ff.actors, Tags: ff.tags,
		MinReliability: strings.ToUpper(ff.reliability), MinCredibility: ff.credibility}
	if err := f.SetRange(ff.from, ff.to); err != nil {
		var re *timeline.RangeError
		if errors.As(err, &re) && re.Bound != "" {
			return f, fmt.Errorf("--%s: %w", re.Bound, re.Err)
		}
		return f, fmt.Errorf("--to %s is before --from %s", ff.to, ff.from)
	}
	if r := f.MinReliability; r != "" && (len(r) != 1 || r[0] < 'A' || r[0] > 'F') {
		return f, usagef("--reliability takes a letter from A to F, not %q", ff.reliability)
	}
	if f.MinCredibility < 0 || f.MinCredibility > 6 {
		return f, usagef("--credibility takes a number from 1 to 6, not %d", f.MinCredibility)
	}
	return f, nil
}

// selection turns the filter flags into a filter and opens the existing case they apply
// to (never creating one: list, export, chart and snapshot only read); the caller closes
// the store.
func selection(env Env, ff *filterFlags) (timeline.Filter, caseStore, error) {
	f, err := ff.filter()
	if err != nil {
		return f, nil, err
	}
	s, err := openExisting(env)
	if err != nil {
		return f, nil, err
	}
	// A damaged case is not read as if it were whole: check and recover are for it.
	if err := damage(s); err != nil {
		s.Close()
		return f, nil, fmt.Errorf("open %s: %w", s.Path(), err)
	}
	return f, s, nil
}

func list(ctx context.Context, args []string, env Env) error {
	fs := flags("list")
	var ff filterFlags
	addFilterFlags(fs, &ff)
	outFormat := fs.String("format", "table", "table, csv or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if err := oneOf("format", *outFormat, true, "table", "csv", "json"); err != nil {
		return err
	}
	f, s, err := selection(env, &ff)
	if err != nil {
		return err
	}
	defer s.Close()
	sayIndexing(ctx, env, s)
	evs, err := s.Events(ctx, f)
	if err != nil {
		return err
	}
	if *outFormat == "table" {
		return writeTable(env, evs)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return err
	}
	return format.Write(env.Stdout, format.Format(*outFormat), format.Document{Info: info, Events: evs})
}

// writeTable writes evs as a table, one event a line.
func writeTable(env Env, evs []timeline.Event) error {
	rows := make([][]string, 0, len(evs)+1)
	rows = append(rows, []string{"START", "END", "LANE", "TITLE", "SOURCE", "ID"})
	for _, e := range evs {
		grade := ""
		if len(e.Sources) > 0 {
			grade = e.Sources[0].Grade()
		}
		rows = append(rows, []string{e.Start.Text, e.End.Text, cell(e.Lane), cell(e.Title), grade, e.ID})
	}
	return writeColumns(env.Stdout, rows)
}

// writeColumns writes rows as columns lined up by display width: a Korean or Chinese
// character takes two terminal cells, a combining accent none. The last column is not
// padded.
func writeColumns(out io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	w := bufio.NewWriter(out)
	for _, r := range rows {
		for i, c := range r {
			w.WriteString(c)
			if i == len(r)-1 {
				break
			}
			w.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)+2))
		}
		w.WriteByte('\n')
	}
	return w.Flush()
}

// cell keeps a table row on one line, and the terminal's control sequences out of it.
func cell(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	return s
}
