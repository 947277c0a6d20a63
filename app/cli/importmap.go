package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/chronoscope/chronoscope/timeline"
	"github.com/chronoscope/chronoscope/timeline/extract"
	"github.com/chronoscope/chronoscope/timeline/format"
)

// importFlags are import's flags for spreadsheets and duplicates.
type importFlags struct {
	mapText, order, sheet  string
	dryRun, skipDuplicates bool
}

func addImportFlags(fs *flag.FlagSet) *importFlags {
	f := &importFlags{}
	fs.StringVar(&f.mapText, "map", "", "the role of spreadsheet columns: title=Event,start=Date,description=Notes")
	fs.StringVar(&f.order, "date-order", "", "the order of dates written in numbers: dmy, mdy or ymd")
	fs.StringVar(&f.sheet, "sheet", "", "the sheet of a workbook (the first when not given)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print how the files will be read, and write nothing")
	fs.BoolVar(&f.skipDuplicates, "skip-duplicates", false, "leave out rows that repeat an event of the case")
	return f
}

// options reads the flags into the options of a spreadsheet.
func (f *importFlags) options() (format.Options, error) {
	opt := format.Options{MapExact: true} // a header mistyped in --map is refused
	var err error
	if opt.Map, err = format.ParseMap(f.mapText); err != nil {
		return opt, usagef("--map: %v", err)
	}
	if opt.Order, err = timeline.ParseDateOrder(f.order); err != nil {
		return opt, usagef("--date-order: %v", err)
	}
	opt.Sheet = f.sheet
	return opt, nil
}

// maxChecked is how many events of the files an import compares with the case's for
// duplicates: beyond it (a data set, not a spreadsheet typed by hand) none are looked for.
const maxChecked = 200_000

// importCheck gathers, while an import's files are checked, the events to compare with
// the case's: those of the files that are not Chronoscope's own (native files carry ids,
// so their events update the case's instead of repeating them).
type importCheck struct {
	events []timeline.Event
	index  []int // the place of each in the whole import
	n      int   // the events of the import so far
	file   int   // where the events of the file being read begin in events
	over   bool  // more than maxChecked: duplicates are not looked for
}

// add notes event e of the import.
func (c *importCheck) add(e timeline.Event) {
	if !c.over {
		if len(c.events) == maxChecked {
			c.over, c.events, c.index = true, nil, nil
		} else {
			c.events, c.index = append(c.events, e), append(c.index, c.n)
		}
	}
	c.n++
}

// endFile ends a file of the import read as doc in format f: its events are kept to
// compare only if it is not Chronoscope's own.
func (c *importCheck) endFile(f format.Format, doc format.Document) {
	if format.Own(f, doc) && !c.over {
		c.events, c.index = c.events[:c.file], c.index[:c.file]
	}
	c.file = len(c.events)
}

// title is the title of the event at place i of the import, if it was kept to compare.
func (c *importCheck) title(i int) string {
	for k, j := range c.index {
		if j == i {
			return c.events[k].Title
		}
	}
	return ""
}

// duplicates finds which of the checked events repeat an event of the case s, by their
// place in the import.
func (c *importCheck) duplicates(ctx context.Context, s timeline.Store) (map[int]extract.Duplicate, error) {
	if len(c.events) == 0 {
		return nil, nil
	}
	found, err := extract.DuplicatesInCase(ctx, s, c.events)
	if err != nil {
		return nil, err
	}
	out := map[int]extract.Duplicate{}
	for _, d := range found {
		d.Index = c.index[d.Index]
		out[d.Index] = d
	}
	return out, nil
}

// sayDuplicates writes one line on the duplicates found: how many, the first few, and
// whether they were left out.
func sayDuplicates(w io.Writer, dups map[int]extract.Duplicate, c *importCheck, skipped bool) {
	if len(dups) == 0 {
		return
	}
	var first []string
	for i := 0; len(first) < 3 && i < maxIndex(dups)+1; i++ {
		if d, ok := dups[i]; ok {
			first = append(first, fmt.Sprintf("%q is like %q", c.title(i), d.Of))
		}
	}
	more := ""
	if len(dups) > len(first) {
		more = fmt.Sprintf(" and %d more", len(dups)-len(first))
	}
	what := "imported anyway; --skip-duplicates leaves them out"
	if skipped {
		what = "left out"
	}
	fmt.Fprintf(w, "%d %s the same day as an event of the case and look alike (%s%s): %s\n",
		len(dups), oneOrMany(len(dups), "row is on", "rows are on"), strings.Join(first, "; "), more, what)
}

func maxIndex(m map[int]extract.Duplicate) int {
	n := 0
	for i := range m {
		n = max(n, i)
	}
	return n
}

func oneOrMany(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// dryRunRows is how many events a dry run shows of each file.
const dryRunRows = 10

// dryRun prints how each file will be read: the role of each column of a spreadsheet
// and how it was found, the order of its numeric dates, and its first events as they
// will be understood; and, when the case exists, the rows that repeat its events. It
// writes nothing and creates no case.
func dryRun(ctx context.Context, env Env, names []string, formatName string, opt format.Options) error {
	check := &importCheck{}
	for _, name := range names {
		var first []timeline.Event
		n := 0
		doc, f, err := format.ScanFileWith(name, format.Format(formatName), opt, nil, func(e timeline.Event) error {
			if len(first) < dryRunRows {
				first = append(first, e)
			}
			n++
			return nil
		})
		printLayout(env.Stdout, filepath.Base(name), f, doc.Layout)
		if err != nil {
			return fmt.Errorf("import %w", err)
		}
		fmt.Fprintf(env.Stdout, "%s; the first as they will be read:\n", plural(n, "event"))
		for _, e := range first {
			printEvent(env.Stdout, e)
		}
		if !format.Own(f, doc) {
			_, _, err = format.ScanFileWith(name, f, opt, nil, func(e timeline.Event) error { check.add(e); return nil })
			if err != nil {
				return fmt.Errorf("import %w", err)
			}
		} else {
			check.n += n
		}
		check.endFile(f, doc)
	}
	if s, err := openExisting(env); err == nil {
		defer s.Close()
		dups, err := check.duplicates(ctx, s)
		if err != nil {
			return err
		}
		sayDuplicates(env.Stdout, dups, check, false)
	}
	fmt.Fprintln(env.Stdout, "nothing was written (--dry-run)")
	return nil
}

// printLayout writes the columns of a spreadsheet and their roles.
func printLayout(w io.Writer, name string, f format.Format, l *format.Layout) {
	if l == nil {
		fmt.Fprintf(w, "%s: read as %s\n", name, f)
		return
	}
	how := "its columns"
	if l.Native {
		how = "Chronoscope's own columns"
	}
	fmt.Fprintf(w, "%s: read as %s, %s:\n", name, f, how)
	if l.Sheet != "" {
		fmt.Fprintf(w, "  sheet %q of %s\n", l.Sheet, strings.Join(l.Sheets, ", "))
	}
	width := 0
	for _, c := range l.Columns {
		width = max(width, len([]rune(c.Header)))
	}
	for _, c := range l.Columns {
		by := map[string]string{"chosen": "chosen", "header": "by its header", "content": "by its cells"}[c.By]
		role := string(c.Role)
		if c.Role == format.RoleAttr {
			role, by = "attr:"+c.Header, "kept as an attribute"
		}
		fmt.Fprintf(w, "  %-*s  %-18s %-21s %s\n", width, c.Header, role, by, strings.Join(c.Sample[:min(3, len(c.Sample))], " | "))
	}
	switch l.OrderBy {
	case "chosen":
		fmt.Fprintf(w, "dates in numbers are read %s (chosen)\n", l.Order.Words())
	case "the dates":
		fmt.Fprintf(w, "dates in numbers are read %s (the dates say so)\n", l.Order.Words())
	case "assumed":
		fmt.Fprintf(w, "dates in numbers are read day-month-year: no date says which (such as 05/09/2023); --date-order mdy reads them month first\n")
	}
	if l.Encoding != "" {
		fmt.Fprintf(w, "the text is %s, not UTF-8\n", l.Encoding)
	}
	if !l.Native {
		fmt.Fprintf(w, "the same mapping on the command line: --map '%s'\n", strings.ReplaceAll(l.MapText(), "'", `'\''`))
	}
}

// printEvent writes one event as a dry run shows it.
func printEvent(w io.Writer, e timeline.Event) {
	when := e.Start.Text
	if e.IsSpan() {
		when += " to " + e.End.Text
	}
	var extra []string
	if e.Lane != "" {
		extra = append(extra, "lane "+e.Lane)
	}
	if len(e.Actors) > 0 {
		extra = append(extra, "actors "+strings.Join(e.Actors, "; "))
	}
	if e.Location.Name != "" {
		extra = append(extra, "at "+e.Location.Name)
	}
	keys := make([]string, 0, len(e.Attrs))
	for k := range e.Attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		extra = append(extra, "attr:"+k+"="+e.Attrs[k])
	}
	tail := ""
	if len(extra) > 0 {
		tail = "  [" + strings.Join(extra, ", ") + "]"
	}
	fmt.Fprintf(w, "  %-24s %s%s\n", when, e.Title, tail)
}
